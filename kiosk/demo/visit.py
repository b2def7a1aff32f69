"""The scripted demo visit: drives the real window with a FixedClock, prints each step and its
decision, and saves one PNG per screen (`kiosk demo --headless --screenshots DIR`).

The window hands every event to its controller worker; each step waits for the answers
(`settle`) before it reads the outcome or takes a picture."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Final

from PySide6.QtWidgets import QApplication

from kiosk.app.assemble import Kiosk
from kiosk.clock import FixedClock
from kiosk.door.flow import Event, FireAlarm, Phase, TechnicianRequested
from kiosk.door.view import ScreenKind
from kiosk.events import CardPresented, LanguageChosen, Tick
from kiosk.ui.pending import settle

SHOT_SIZE: Final = (1280, 800)
LATER_S: Final = 60.0


class Visit:
    def __init__(
        self,
        kiosk: Kiosk,
        clock: FixedClock,
        card: Callable[[str], CardPresented],
        out: Path | None,
        write: Callable[[str], object],
        technician_pin: str,
    ) -> None:
        self.kiosk, self.clock, self.card_event, self.out = kiosk, clock, card, out
        self.write = write
        self.technician_pin = technician_pin
        self.window = kiosk.window
        self.shots: list[Path] = []
        self.steps = 0

    # -- actions on the real widgets -------------------------------------------------------
    def settle(self) -> None:
        if not settle(lambda: self.window.idle):
            raise TimeoutError("the door worker did not answer within 10 s")

    def send(self, event: Event) -> None:
        self.window.dispatch(event)
        self.settle()

    def present(self, raw: str) -> None:
        self.send(self.card_event(raw))

    def type_pin(self, digits: str) -> None:
        keys = {k.text(): k for k in self.window.pin_screen.pad.keys}
        for d in digits:
            keys[d].click()
        self.settle()
        if self.window.state.phase is Phase.TECHNICIAN_PIN:
            self.window.pin_screen.pad.ok_key.click()
            self.settle()

    def later(self, seconds: float = LATER_S) -> None:
        """Let time pass until the screen has gone back to idle by itself."""
        self.clock.advance(seconds)
        self.send(Tick())

    def shot(self, name: str) -> None:
        QApplication.processEvents()
        if self.out is None:
            return
        path = self.out / f"{name}.png"
        if not self.window.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        self.shots.append(path)

    def outcome(self) -> str:
        state = self.window.state
        evaluation = state.evaluation
        decision = evaluation.decision if evaluation is not None else None
        if decision is None:
            return f"screen {self.window.kind}"
        verdict = "granted" if decision.granted else "denied"
        left = decision.attempts_left
        left_text = f", {left} attempt{'' if left == 1 else 's'} left" if left else ""
        return f"{verdict} ({decision.reason}{left_text})"

    def step(self, text: str) -> None:
        self.steps += 1
        self.write(f"{self.steps:2d}. {text} -> {self.outcome()}\n")

    # -- the visit ----------------------------------------------------------------------------
    def patron(self, who: str, raw: str, pin: str | None, shot: str | None) -> None:
        self.present(raw)
        if pin is not None and self.window.state.phase is Phase.AWAITING_PIN:
            self.type_pin(pin)
        self.step(f"{who}: card {raw}" + (f", PIN {pin}" if pin else ""))
        if shot:
            self.shot(shot)
        self.later()


def play(visit: Visit, cards: dict[str, tuple[str, str]]) -> None:
    """`cards`: role -> (raw card, PIN) of the demo personas."""
    v = visit
    v.write(f"demo visit at {v.clock.now():%A %d %B %Y %H:%M} (self-service hours)\n")
    v.window.resize(*SHOT_SIZE)
    v.window.show()
    v.shot("idle")
    valid, pin = cards["valid"]
    v.present(valid)
    v.type_pin(pin[:2])
    v.step(f"Anna: card {valid}, two digits typed")
    v.shot("pin")
    v.type_pin(pin[2:])
    v.step(f"Anna: PIN {pin}")
    v.shot("granted")
    v.later()
    v.present(valid)
    v.type_pin("9999")
    v.step(f"Anna: card {valid}, wrong PIN 9999")
    v.shot("pin_wrong")
    v.type_pin(pin)
    v.step(f"Anna: right PIN {pin}")
    v.later()
    for role, shot in (("blocked", "denied_patron_blocked"), ("under_age", "denied_under_age"),
                       ("debt", "denied_debt_over_limit"), ("lost_card", "denied_card_lost"),
                       ("not_opted_in", "denied_not_opted_in")):
        raw, right = cards[role]
        v.patron(role, raw, right, shot)
    v.patron("stranger", "3399999999", "1111", "denied_unknown_card")
    v.patron("garbage read", "hello?", None, "denied_unreadable_card")
    _lockout(v, cards["card_only"][0])
    _english(v, cards["under_age"])
    _arabic(v, cards["under_age"])
    _closed(v, valid, pin)
    _faults(v)
    _technician(v)


def _lockout(v: Visit, raw: str) -> None:
    v.present(raw)
    for attempt in range(1, 6):
        v.type_pin("0000")
        v.step(f"Grethe: wrong PIN 0000, try {attempt}")
    v.shot("denied_pin_locked")
    v.later()


def _english(v: Visit, card: tuple[str, str]) -> None:
    v.send(LanguageChosen("en"))
    v.step("language button: English")
    v.shot("idle_en")
    v.present(card[0])
    v.type_pin(card[1])
    v.step(f"Clara (in English): card {card[0]}, PIN {card[1]}")
    v.shot("denied_under_age_en")
    v.later()
    v.step("back at idle: language is Danish again")


def _arabic(v: Visit, card: tuple[str, str]) -> None:
    """The language chooser, and a screen that reads right to left (the PIN pad does not)."""
    header = v.window.current.header
    assert header is not None
    header.language.click()
    v.shot("language_chooser")
    chooser = v.window.current.chooser
    assert chooser is not None
    chooser.buttons["ar"].click()
    v.settle()
    v.step("language chooser: العربية")
    v.present(card[0])
    v.type_pin(card[1][:2])
    v.shot("pin_ar")
    v.type_pin(card[1][2:])
    v.step(f"Clara (in Arabic): card {card[0]}, PIN {card[1]}")
    v.shot("denied_under_age_ar")
    v.later()


def _closed(v: Visit, raw: str, pin: str) -> None:
    v.clock.set(v.clock.now().replace(hour=23, minute=5))
    v.send(Tick())
    v.step("23:05, outside self-service hours")
    v.shot("closed")
    v.present(raw)
    v.type_pin(pin)
    v.step(f"Anna at 23:05: card {raw}")
    v.shot("denied_outside_hours")
    v.later()
    v.clock.set(v.clock.now().replace(hour=19, minute=30))
    v.send(Tick())


def _faults(v: Visit) -> None:
    # The fault owner is thread-safe; the worker is idle between steps (settle) anyway.
    v.kiosk.controller.faults.set("relay", "demo: relay board not answering")
    v.send(Tick())
    v.step("relay fault")
    v.shot("out_of_order")
    v.kiosk.controller.faults.clear("relay")
    v.send(FireAlarm(on=True))
    v.step("fire alarm on")
    v.shot("fire")
    v.send(FireAlarm(on=False))
    v.step("fire alarm off")


def _technician(v: Visit) -> None:
    v.send(TechnicianRequested())
    v.step("long press in the top-left corner")
    v.shot("technician_pin")
    v.type_pin(v.technician_pin)
    v.step("technician PIN")
    assert v.window.kind is ScreenKind.TECHNICIAN
    v.shot("technician")
    v.window.technician.back.click()
    v.settle()
    v.step("technician: back")
