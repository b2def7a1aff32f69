"""A patron's visit through the real widgets: cards in, PIN keys clicked, screens checked."""

from __future__ import annotations

import threading

import pytest
from uihelpers import WAIT_MS, Driver

from drivers.cardparse import parse_card
from drivers.fake import RecordingRelay, ScriptedReader
from kiosk.app.assemble import Kiosk
from kiosk.door.view import ScreenKind
from kiosk.events import CardPresented
from kiosk.reasons import Reason, patron_text
from sync.fakes.synthetic import persona


def test_granted_visit_pulses_the_relay(driver: Driver, relay: RecordingRelay) -> None:
    pin = driver.persona_card("valid")
    assert driver.kind is ScreenKind.PIN
    driver.pin(pin[:2])
    assert driver.window.pin_screen.dots.filled == 2
    driver.pin(pin[2:])
    assert driver.kind is ScreenKind.GRANTED
    assert "Velkommen, Anna" in driver.texts()
    assert "Døren er åben" in driver.texts()
    assert relay.commands[-1].on  # the strike got its pulse
    driver.later(10)
    assert driver.kind is ScreenKind.IDLE


def test_wrong_pin_then_right(driver: Driver) -> None:
    pin = driver.persona_card("valid")
    driver.pin("9999")
    assert driver.kind is ScreenKind.PIN
    warning = driver.window.pin_screen.warning
    assert warning.isVisible()
    assert warning.text() == patron_text(Reason.WRONG_PIN, 4)["da"]
    assert driver.window.pin_screen.dots.filled == 0
    driver.pin(pin)
    assert driver.kind is ScreenKind.GRANTED


def test_erase_and_cancel(driver: Driver) -> None:
    driver.persona_card("valid")
    driver.pin("12")
    driver.click(driver.window.pin_screen.pad.erase_key)
    assert driver.window.pin_screen.dots.filled == 1
    driver.click(driver.window.pin_screen.cancel)
    assert driver.kind is ScreenKind.IDLE


def test_lockout_after_five_wrong_pins(driver: Driver) -> None:
    driver.persona_card("valid")
    for _ in range(5):
        driver.pin("0000")
    assert driver.kind is ScreenKind.DENIED
    assert patron_text(Reason.PIN_LOCKED)["da"] in driver.texts()
    assert any(t.startswith("Du kan prøve igen efter kl.") for t in driver.texts())
    driver.later(60)
    driver.persona_card("valid")  # a locked card is refused before the PIN is asked for
    assert driver.kind is ScreenKind.DENIED
    assert patron_text(Reason.PIN_LOCKED)["da"] in driver.texts()


DENIALS = [
    ("blocked", Reason.PATRON_BLOCKED),
    ("under_age", Reason.UNDER_AGE),
    ("debt", Reason.DEBT_OVER_LIMIT),
    ("lost_card", Reason.CARD_LOST),
    ("not_opted_in", Reason.NOT_OPTED_IN),
    ("unknown", Reason.UNKNOWN_CARD),
    ("garbage", Reason.UNREADABLE_CARD),
    ("closed", Reason.OUTSIDE_HOURS),
]
TITLES = {"da": ("Ingen adgang", "Prøv igen"), "en": ("No entry", "Please try again")}


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize(("who", "reason"), DENIALS, ids=[r.value for _, r in DENIALS])
def test_denied_shows_reason_and_next_step(driver: Driver, who: str, reason: Reason,
                                           lang: str) -> None:
    if lang == "en":
        driver.choose_language("en")
        assert "Scan your health card or library card" in driver.texts()
    if who == "closed":
        driver.clock.set(driver.clock.now().replace(hour=23))
        driver.later(0)
        assert driver.kind is ScreenKind.CLOSED
    raw, pin = {"unknown": ("3399999999", "1111"), "garbage": ("hello?", ""),
                "closed": (persona("valid").card, "1234")}.get(who, ("", ""))
    if not raw:
        raw, pin = persona(who).card, persona(who).pin
    driver.card(raw)
    if driver.kind is ScreenKind.PIN:
        driver.pin(pin)
    assert driver.kind is ScreenKind.DENIED
    texts = driver.texts()
    assert patron_text(reason)[lang] in texts  # type: ignore[index]
    assert texts[texts.index(patron_text(reason)[lang]) - 1] in TITLES[lang]  # type: ignore[index]
    driver.click(driver.window.current.done)  # type: ignore[attr-defined]
    assert driver.kind in (ScreenKind.IDLE, ScreenKind.CLOSED)


def test_pin_timeout_returns_to_idle(driver: Driver, fast: None, qtbot: object) -> None:
    driver.persona_card("valid")
    driver.pin("1")
    countdown = driver.window.pin_screen.countdown.label.text()
    assert "30 s" in countdown
    driver.window.start()
    driver.clock.advance(31)
    qtbot.waitUntil(lambda: driver.kind is ScreenKind.IDLE, timeout=WAIT_MS)  # type: ignore[attr-defined]
    driver.window.stop()


def test_language_resets_at_idle(driver: Driver) -> None:
    assert "Scan dit sundhedskort eller lånerkort" in driver.texts()
    driver.choose_language("en")
    assert "Scan your health card or library card" in driver.texts()
    assert driver.language_button().text() == "Language"
    driver.persona_card("valid")
    assert "Type your PIN" in driver.texts()
    driver.click(driver.window.pin_screen.cancel)
    assert driver.kind is ScreenKind.IDLE
    assert "Scan dit sundhedskort eller lånerkort" in driver.texts()
    assert driver.language_button().text() == "Sprog"


def test_reader_event_from_a_worker_thread(driver: Driver, qtbot: object,
                                           kiosk: Kiosk) -> None:
    handled_on: list[threading.Thread] = []
    kiosk.window.bridge.arrived.connect(lambda _e: handled_on.append(threading.current_thread()))
    reader = ScriptedReader("door", [persona("valid").card])
    post = kiosk.window.bridge.post
    worker = threading.Thread(
        target=lambda: reader.start(lambda r: post(CardPresented(r)), post), name="reader-test"
    )
    worker.start()
    worker.join(timeout=5)
    qtbot.waitUntil(lambda: driver.kind is ScreenKind.PIN, timeout=WAIT_MS)  # type: ignore[attr-defined]
    assert handled_on
    assert all(t is threading.main_thread() for t in handled_on)
    assert kiosk.window.readers["door"].state == "connected"
    reader.stop()


def test_reader_unplugged_shows_out_of_order(driver: Driver, kiosk: Kiosk) -> None:
    reader = ScriptedReader("door")
    reader.start(lambda r: kiosk.window.bridge.post(CardPresented(r)), kiosk.window.dispatch)
    reader.unplug("USB cable pulled")
    driver.wait()
    assert driver.kind is ScreenKind.OUT_OF_ORDER
    reader.replug()
    driver.wait()
    assert driver.kind is ScreenKind.IDLE
    reader.stop()


def test_fire_alarm_screen_and_back(driver: Driver, relay: RecordingRelay) -> None:
    from kiosk.door.flow import FireAlarm

    driver.send(FireAlarm(on=True))
    assert driver.kind is ScreenKind.FIRE
    assert relay.latched
    assert "Døren er åben – brandalarm" in driver.texts()
    driver.card(persona("valid").card)  # ignored while the alarm lasts
    assert driver.kind is ScreenKind.FIRE
    driver.send(FireAlarm(on=False))
    assert driver.kind is ScreenKind.IDLE
    assert not relay.latched


def test_reservations_ready_on_granted(driver: Driver, kiosk: Kiosk) -> None:
    from kiosk.cache.models import Patron

    with kiosk.services.sessions.begin() as session:
        patron = session.get(Patron, persona("valid").patron_id)
        assert patron is not None
        patron.reservations_ready = 2
    driver.pin(driver.persona_card("valid"))
    assert "Du har 2 reserveringer klar til afhentning." in driver.texts()


def test_card_read_parses_like_a_reader(driver: Driver) -> None:
    driver.send(CardPresented(parse_card("hello?", "kbd")))
    assert driver.kind is ScreenKind.DENIED
