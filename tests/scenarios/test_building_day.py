"""Issue 15's day: the shipped calendar from 06:00 to 23:00 on a weekday (self-service 07-22,
staffed 10-17), relay boards on ptys, the real door, door monitor and building, a simulated
clock, two restarts (one in the middle of the closing announcements). Every output's bytes
arrive at their minute (within a second of simulated time), each announcement is said once
and is not silence, held-open, forced and fire alarms act, exits and occupancy are counted,
a double entry is flagged and counted in `kiosk stats`."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from buildingday import Kiosk, SimClock, Wires, day_overrides
from kioskkit import CONTRACT_PATRON, write_config, write_jsonl

from drivers.types import DoorEventKind as K
from kiosk.cli.main import main
from kiosk.clock import COPENHAGEN
from kiosk.speech.wav import loudness

DAY = "2026-11-24"  # a Tuesday
CARD, PIN = "3300001234", "1234"  # the CONTRACT patron's library card


def at(hhmm: str, day: str = DAY) -> datetime:
    return datetime.fromisoformat(f"{day}T{hhmm}").replace(tzinfo=COPENHAGEN)


@pytest.fixture
def wires() -> Iterator[Wires]:
    boards = Wires()
    yield boards
    boards.close()


@pytest.fixture
def config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = write_config(tmp_path)
    patrons = write_jsonl(tmp_path / "patrons.jsonl", [CONTRACT_PATRON])
    assert main(["--config", str(path), "import-patrons", str(patrons)]) == 0
    capsys.readouterr()
    return path


def within_a_second(got: list[tuple[str, bool]], want: list[tuple[str, bool]]) -> bool:
    """Same switches in the same order, each within 1 s of simulated time of its minute."""
    def seconds(hms: str) -> int:
        h, m, s = (int(p) for p in hms.split(":"))
        return h * 3600 + m * 60 + s
    return len(got) == len(want) and all(
        g_on == w_on and 0 <= seconds(g) - seconds(w) <= 1
        for (g, g_on), (w, w_on) in zip(got, want, strict=True))


def test_a_day_of_the_shipped_calendar(config: Path, wires: Wires, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    notify_log = tmp_path / "notified.txt"
    said = tmp_path / "said"
    clock = SimClock(at("06:00"))
    kiosk = Kiosk(config, day_overrides(wires, notify_log), clock, wires, said)
    try:
        _morning(kiosk)
        _afternoon(kiosk)
        _evening(kiosk)
    finally:
        kiosk.stop()
        if kiosk.building.notifier is not None:
            kiosk.building.notifier.wait(10.0)

    assert within_a_second(wires.changes("lights"), [
        ("06:00:00", False), ("07:00:00", True),
        ("13:00:00", False), ("13:00:00", True),     # restart: released, then on again
        ("21:45:30", False), ("21:45:30", True),     # restart in the closing announcements
        ("22:20:00", False),                         # +5 min passed; waited for the last one
        ("22:40:00", True), ("22:50:00", False)])    # fire alarm: the way out lit
    assert within_a_second(wires.changes("alarm"), [
        ("06:00:00", False), ("06:00:00", True), ("06:59:00", False), ("22:10:00", True),
        ("23:00:00", False)])                        # the kiosk stops: released
    assert within_a_second(wires.changes("pcs"), [
        ("06:00:00", False), ("07:00:00", True), ("13:00:00", False), ("13:00:00", True),
        ("21:45:00", False)])
    assert within_a_second(wires.changes("siren"), [
        ("06:00:00", False), ("19:00:01", True), ("19:01:01", False),   # forced: 60 s
        ("20:00:16", True), ("20:01:00", False)])                       # held: until closed
    door_on = [t for t, on in wires.changes("door") if on]
    assert len(door_on) == 10  # 4 grants, 5 exit-button releases, 1 fire release

    _check_announcements(said)
    _check_records(config)
    _check_stats(config, capsys)
    branch = f"Solrød Bibliotek {kiosk.loaded.kiosk_id}"
    assert sorted(notify_log.read_text(encoding="utf-8").splitlines()) == [
        f"fire_alarm {at('22:40:00').isoformat()} {branch}",
        f"forced_open {at('19:00:01').isoformat()} {branch}",
        f"held_open {at('20:00:16').isoformat()} {branch}",
    ]
    assert [t.strftime("%H:%M") for t in kiosk.checkout_ended] == ["22:40"]


def _check_announcements(said: Path) -> None:
    if shutil.which("espeak-ng") is None:  # rows are checked in _check_records all the same
        pytest.skip("espeak-ng is not installed and could not be (scripts/setup installs it)")
    files = sorted(said.iterdir(), key=lambda p: p.name.rsplit("-", 2)[-2:])
    assert [f.name.rsplit("-", 2)[0] for f in files] == [
        "one_per_card", "closing-15", "closing-10", "closing-5", "still_inside"]
    for file in files:
        heard = loudness(file)
        assert heard.voiced_seconds > 0.8, file.name  # speech, not silence


def _check_records(config: Path) -> None:
    with sqlite3.connect(config.parent / "data" / "kiosk.db") as db:
        kinds = dict(db.execute(
            "SELECT kind, count(*) FROM building_events GROUP BY kind").fetchall())
        fire = db.execute("SELECT at, ended_at FROM building_events "
                          "WHERE kind = 'fire_alarm'").fetchall()
        still_open = db.execute("SELECT count(*) FROM building_events WHERE kind IN "
                                "('fire_alarm', 'forced_open', 'held_open') "
                                "AND ended_at IS NULL").fetchone()[0]
    assert {k: kinds.get(k) for k in ("entry", "exit", "tailgating_suspected", "forced_open",
                                      "held_open", "fire_alarm", "announcement")} == {
        "entry": 5, "exit": 5, "tailgating_suspected": 1, "forced_open": 1, "held_open": 1,
        "fire_alarm": 1, "announcement": 5}
    assert fire == [("2026-11-24 21:40:00.000000", "2026-11-24 21:50:00.000000")]  # UTC
    assert still_open == 0


def _check_stats(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--config", str(config), "stats", "--from", f"{DAY}T00:00",
                 "--to", "2026-11-25T00:00"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    door = {r["reason"]: r["count"] for r in rows if r["kind"] == "door"}
    assert door == {"exit": 5, "forced_open": 1, "held_open": 1, "fire_alarm": 1,
                    "tailgating_suspected": 1}


def _morning(kiosk: Kiosk) -> None:
    kiosk.step_to("07:30")
    kiosk.visit(CARD, PIN)
    kiosk.walk_in()
    assert kiosk.building.state.occupancy == 1
    kiosk.step_to("08:00")
    kiosk.exit_button()
    assert kiosk.building.state.occupancy == 0
    kiosk.step_to("09:00")
    kiosk.visit(CARD, PIN)
    kiosk.walk_in(people=2)  # the still-unlocked door opened again: a second person
    kiosk.idle(10)
    assert kiosk.building.state.occupancy == 2
    kiosk.step_to("09:30")
    kiosk.exit_button()
    kiosk.exit_button()
    assert kiosk.building.state.occupancy == 0


def _afternoon(kiosk: Kiosk) -> None:
    kiosk.step_to("12:00")
    kiosk.door_event(K.OPENED)  # staffed hours: the door is busy, no alarm acts
    kiosk.idle(30)
    kiosk.door_event(K.CLOSED)
    kiosk.step_to("13:00")
    kiosk.restart()
    kiosk.step_to("19:00")
    kiosk.door_event(K.OPENED)  # no grant: forced after the 1 s debounce
    kiosk.idle(9)
    kiosk.door_event(K.CLOSED)
    kiosk.step_to("20:00")
    kiosk.visit(CARD, PIN)
    kiosk.idle(0.3)
    kiosk.door_event(K.OPENED)  # and left open: held open 15 s after the unlock window
    kiosk.step_to("20:01")
    kiosk.door_event(K.CLOSED)
    kiosk.step_to("20:30")
    kiosk.exit_button()


def _evening(kiosk: Kiosk) -> None:
    kiosk.step_to("21:00")
    kiosk.visit(CARD, PIN)
    kiosk.walk_in()
    kiosk.step_to("21:45:30")
    kiosk.restart()  # said "closing in 15 minutes" half a minute ago: not again
    assert kiosk.building.state.occupancy == 1  # read back from the building events
    kiosk.step_to("22:20")
    assert kiosk.wires.state["lights"] is True  # closed at 22:00, but somebody is inside
    kiosk.exit_button()
    kiosk.step_to("22:40")
    kiosk.door_event(K.FIRE_ALARM_ON)
    kiosk.step_to("22:50")
    kiosk.door_event(K.FIRE_ALARM_OFF)
    kiosk.step_to("23:00")


@pytest.mark.parametrize(("saturday", "restart_utc", "night_hours"), [
    ("2026-03-28", "2026-03-29T01:30:00+00:00", 7 + 49 / 60),   # spring forward: 03:30 CEST
    ("2026-10-24", "2026-10-25T01:30:00+00:00", 9 + 49 / 60),   # fall back: the 2nd 02:30
], ids=["spring_forward", "fall_back"])
def test_the_night_the_clocks_change(config: Path, wires: Wires, tmp_path: Path,
                                     saturday: str, restart_utc: str,
                                     night_hours: float) -> None:
    sunday = (datetime.fromisoformat(saturday) + timedelta(days=1)).date().isoformat()
    clock = SimClock(at("21:30", saturday))
    kiosk = Kiosk(config, day_overrides(wires, tmp_path / "notified.txt"), clock, wires,
                  tmp_path / "said")
    try:
        kiosk.run_until(datetime.fromisoformat(restart_utc))
        kiosk.restart()  # in the middle of the night the clocks changed
        kiosk.run_until(at("07:05", sunday))
    finally:
        kiosk.stop()
    assert within_a_second(wires.changes("alarm"), [
        ("21:30:00", False), ("22:10:00", True),
        (restart_local(restart_utc), False), (restart_local(restart_utc), True),
        ("06:59:00", False)])
    armed, disarmed = (s.at for s in wires.log if s.output == "alarm" and
                       s.at.strftime("%H:%M") in ("22:10", "06:59"))
    elapsed = disarmed.astimezone(UTC) - armed.astimezone(UTC)  # real time, not wall time
    assert elapsed.total_seconds() == pytest.approx(night_hours * 3600, abs=1.0)
    assert within_a_second(wires.changes("lights"), [
        ("21:30:00", False), ("21:30:00", True), ("22:05:00", False), ("07:00:00", True),
        ("07:05:00", False)])
    assert sorted(p.name.rsplit("-", 2)[0] for p in (tmp_path / "said").iterdir()) == [
        "closing-10", "closing-15", "closing-5"]  # nobody inside at 22:00: nothing more


def restart_local(utc: str) -> str:
    return datetime.fromisoformat(utc).astimezone(COPENHAGEN).strftime("%H:%M:%S")
