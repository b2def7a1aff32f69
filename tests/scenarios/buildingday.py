"""A simulated day at the branch for the building tests: relay boards on ptys (an LCUS board
with the door strike, the lights and the alarm arming on channels 1-3, a KMTronic board with
the siren, a Numato board with the public PCs), the real door controller, door monitor and
building, a simulated clock, and a decoder that turns what each board received into
"output X switched on/off at simulated time T".

The clock is simulated (UTC inside, so DST is real elapsed time); relay pulses run on real
time and are short. The building runs no thread: `step_to` wakes it the way its thread
would, at the plan's next moment, with up to half a second of scheduling delay added.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ptykit import PtyPair, read_available

from drivers.cardparse import parse_card
from drivers.relays import BaseRelay
from drivers.types import DoorEvent
from drivers.types import DoorEventKind as K
from kiosk.app.building import BuildingLinks, door_release
from kiosk.building.build import build_building
from kiosk.building.shell import BuildingShell, Hooks
from kiosk.clock import COPENHAGEN
from kiosk.config import LoadedConfig, load
from kiosk.door.controller import DoorController
from kiosk.door.flow import FireAlarm, Phase
from kiosk.door.monitor import DoorMonitor
from kiosk.door.settings import door_settings
from kiosk.events import CardPresented, PinDigit
from kiosk.services import Services, build_services, relay_from_config

PULSE_S = 1.0
NOTIFY_SCRIPT = "import sys, pathlib; pathlib.Path(sys.argv[1]).open('a').write(' '.join(" \
                "sys.argv[2:]) + '\\n')"


class SimClock:
    """Wall time kept in UTC and shown in Copenhagen time; monotonic moves with it."""

    def __init__(self, start: datetime) -> None:
        self.utc = start.astimezone(UTC)
        self.mono = 1000.0

    def now(self) -> datetime:
        return self.utc.astimezone(COPENHAGEN)

    def monotonic(self) -> float:
        return self.mono

    def advance(self, seconds: float) -> None:
        self.utc += timedelta(seconds=seconds)
        self.mono += seconds


@dataclass(frozen=True)
class Switched:
    at: datetime
    """Simulated local time the board received the command."""
    output: str
    on: bool


NAMES = {("lcus", 1): "door", ("lcus", 2): "lights", ("lcus", 3): "alarm",
         ("kmtronic", 1): "siren", ("numato", 0): "pcs"}


def decode(board: str, data: bytes) -> Iterator[tuple[int, bool]]:
    """(channel, on) for each whole command in `data` (reference/protocols.md §E.1)."""
    if board == "lcus":
        for i in range(0, len(data) - 3, 4):
            head, ch, op, check = data[i:i + 4]
            assert head == 0xA0, data.hex(" ")
            assert check == (0xA0 + ch + op) & 0xFF, data.hex(" ")
            yield ch, op == 1
    elif board == "kmtronic":
        for i in range(0, len(data) - 2, 3):
            head, ch, op = data[i:i + 3]
            assert head == 0xFF, data.hex(" ")
            yield ch, op == 1
    else:
        for line in data.decode("ascii").split("\r"):
            if line:
                _, verb, index = line.split(" ")
                yield int(index, 32), verb == "on"


@dataclass
class Wires:
    """The three boards on ptys; `collect` decodes what arrived and logs each change."""

    boards: dict[str, PtyPair] = field(default_factory=lambda: {
        name: PtyPair.open() for name in ("lcus", "kmtronic", "numato")})
    state: dict[str, bool] = field(default_factory=dict)
    log: list[Switched] = field(default_factory=list)
    raw: dict[str, bytes] = field(default_factory=dict)

    def collect(self, at: datetime, quiet: float = 0.0) -> None:
        for board, pty in self.boards.items():
            data = read_available(pty.master, quiet)
            self.raw[board] = self.raw.get(board, b"") + data
            for channel, on in decode(board, data):
                name = NAMES[(board, channel)]
                if self.state.get(name) is not on:
                    self.state[name] = on
                    self.log.append(Switched(at, name, on))

    def wait_door(self, on: bool, at: datetime, timeout: float = 10.0) -> None:
        """Real time: the door relay's pulse ends on its own timer thread."""
        give_up = time.monotonic() + timeout
        while self.state.get("door") is not on and time.monotonic() < give_up:
            self.collect(at, quiet=0.05)
        assert self.state.get("door") is on, f"door relay never went {'on' if on else 'off'}"

    def changes(self, output: str) -> list[tuple[str, bool]]:
        return [(s.at.strftime("%H:%M:%S"), s.on) for s in self.log if s.output == output]

    def close(self) -> None:
        for pty in self.boards.values():
            pty.close()


def day_overrides(wires: Wires, notify_log: Path) -> list[str]:
    lcus, km, numato = (wires.boards[n].path for n in ("lcus", "kmtronic", "numato"))
    return [
        'relay.driver="lcus"', f'relay.port="{lcus}"', "relay.channel=1",
        f"relay.pulse_seconds={PULSE_S}",
        'outputs.lights.driver="lcus"', f'outputs.lights.port="{lcus}"', "outputs.lights.channel=2",
        'outputs.alarm.driver="lcus"', f'outputs.alarm.port="{lcus}"', "outputs.alarm.channel=3",
        'outputs.siren.driver="kmtronic"', f'outputs.siren.port="{km}"',
        "outputs.siren.channel=1",
        'outputs.pcs.driver="numato"', f'outputs.pcs.port="{numato}"', "outputs.pcs.channel=1",
        f'alarms.notify_command=["{sys.executable}", "-c", "{_toml(NOTIFY_SCRIPT)}", '
        f'"{notify_log}"]',
        'inputs.fire_action="release"',
    ]


def _toml(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


@dataclass
class Kiosk:
    """The door and the building of one process; `restart()` builds a new one."""

    config: Path
    overrides: list[str]
    clock: SimClock
    wires: Wires
    announcements: Path
    loaded: LoadedConfig = field(init=False)
    services: Services = field(init=False)
    relay: BaseRelay = field(init=False)
    building: BuildingShell = field(init=False)
    monitor: DoorMonitor = field(init=False)
    door: DoorController = field(init=False)
    checkout_ended: list[datetime] = field(default_factory=list)
    rng: random.Random = field(default_factory=lambda: random.Random(15))

    def __post_init__(self) -> None:
        self.start()

    def start(self) -> None:
        self.loaded = load(self.config, self.overrides)
        self.services = build_services(self.loaded, self.clock)
        self.relay = relay_from_config(self.loaded.config.relay)
        hooks = Hooks(release_door=door_release(self.relay, self.services.faults))
        self.building = build_building(self.loaded, self.services, self.clock, hooks=hooks,
                                       announcements_to=self.announcements)
        links = BuildingLinks(self.building, self.clock)
        links.end_checkout = lambda: self.checkout_ended.append(self.clock.now())
        hooks.end_checkout = links.checkout_ends
        self.monitor = DoorMonitor(self.loaded.config.inputs, on_fire=self._fire,
                                   on_alarm=lambda _e: None, monotonic=self.clock.monotonic,
                                   on_event=links.door_event, exit_window_s=PULSE_S)
        links.monitor = self.monitor
        self.door = DoorController(self.services.access, self.relay, self.clock,
                                   door_settings(self.loaded), self.services.faults,
                                   on_pulse=links.door_pulsed)
        self.building.drain()
        self.wires.collect(self.clock.now())

    def stop(self) -> None:
        self.building.stop()  # every output off (released)
        self.relay.close()
        self.services.close()
        self.wires.collect(self.clock.now(), quiet=0.05)

    def restart(self) -> None:
        self.stop()
        self.start()

    def _fire(self, on: bool) -> None:
        self.door.handle(FireAlarm(on, release=True))

    # -- time -----------------------------------------------------------------------------

    def step_to(self, hhmm: str) -> None:
        """Run the building until the local time `hhmm` today."""
        self.run_until(_at(self.clock.now(), hhmm))

    def run_until(self, target: datetime) -> None:
        """Run the building until `target`, waking it as its thread would."""
        while self.clock.now() < target:
            wait = self.building.seconds_to_wake()
            due = self.monitor.next_deadline()
            if due is not None:
                wait = min(wait, max(due - self.clock.monotonic(), 0.0))
            wait += self.rng.uniform(0.0, 0.5)  # a busy 2-core PC wakes a little late
            left = (target - self.clock.now()).total_seconds()
            self.clock.advance(min(wait, left))
            self.monitor.tick()
            self.building.drain()
            self.wires.collect(self.clock.now())

    def idle(self, seconds: float) -> None:
        self.run_until(self.clock.utc + timedelta(seconds=seconds))

    # -- people ---------------------------------------------------------------------------

    def visit(self, card: str, pin: str) -> None:
        """Card and PIN at the door; granted, the strike opens and closes again."""
        self.door.handle(CardPresented(parse_card(card, "door")))
        state = None
        for digit in pin:
            state = self.door.handle(PinDigit(digit))
        assert state is not None
        assert state.phase is Phase.GRANTED, state
        self.wires.wait_door(True, self.clock.now())
        self.wires.wait_door(False, self.clock.now())
        self.building.drain()

    def door_event(self, kind: K) -> None:
        self.monitor.input_event(DoorEvent(kind, self.clock.monotonic()))
        self.building.drain()
        self.wires.collect(self.clock.now())

    def walk_in(self, people: int = 1) -> None:
        """The door opens within the unlock window and closes, once per person (a second
        opening 0.4 s after the close: more than a contact bounce)."""
        for person in range(people):
            self.idle(0.4 if person else 0.1)
            self.door_event(K.OPENED)
            self.idle(0.2)
            self.door_event(K.CLOSED)

    def exit_button(self) -> None:
        self.door_event(K.EXIT_REQUESTED)
        self.wires.wait_door(True, self.clock.now())
        self.wires.wait_door(False, self.clock.now())


def _at(now: datetime, hhmm: str) -> datetime:
    parts = [float(p) for p in hhmm.split(":")]
    hour, minute, second = int(parts[0]), int(parts[1]), parts[2] if len(parts) > 2 else 0.0
    local = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    return local + timedelta(seconds=second)
