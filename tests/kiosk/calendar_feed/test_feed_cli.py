"""Issue 16's done-when: the library's feed closing Christmas Eve at 12:00 turns `kiosk explain
--at 2026-12-24T13:00` into outside_hours; `kiosk check-config` fetches the feed, shows it and
names every problem, keeping the last good calendar."""

from __future__ import annotations

from pathlib import Path

from feedkit import CHRISTMAS_EVE, feed_server, ics
from kioskkit import CONTRACT_PATRON, KioskCli, write_jsonl


def _import_anna(kiosk: KioskCli, tmp_path: Path) -> None:
    patrons = write_jsonl(tmp_path / "p.jsonl", [CONTRACT_PATRON])
    assert kiosk("import-patrons", str(patrons)).code == 0


EXPLAIN = ("explain", "--card", "1705901234", "--pin", "1234", "--at", "2026-12-24T13:00")


def test_christmas_eve_closing_at_noon_from_the_feed_is_outside_hours(
    kiosk: KioskCli, tmp_path: Path,
) -> None:
    _import_anna(kiosk, tmp_path)
    before = kiosk(*EXPLAIN)
    assert (before.json["granted"], before.json["mode"]) == (True, "staffed")
    (tmp_path / "kalender.ics").write_bytes(ics(CHRISTMAS_EVE))
    after = kiosk("--set", 'calendar.feed="kalender.ics"', *EXPLAIN)
    assert after.code == 0, after.err
    assert (after.json["granted"], after.json["reason"]) == (False, "outside_hours")
    assert after.json["mode"] == "closed"
    morning = kiosk("--set", 'calendar.feed="kalender.ics"', *EXPLAIN[:-1], "2026-12-24T11:00")
    assert morning.json["reason"] == "ok"


def test_check_config_fetches_the_feed_and_then_explain_works_offline(
    kiosk: KioskCli, tmp_path: Path,
) -> None:
    _import_anna(kiosk, tmp_path)
    with feed_server(ics(CHRISTMAS_EVE)) as server:
        feed = f'calendar.feed="{server.url}"'
        checked = kiosk("--set", feed, "check-config")
        assert checked.code == 0, checked.err
        assert f"calendar feed: {server.url}: ok; 1 events from the copy of" in checked.out
        server.status = 503
        down = kiosk("--set", feed, "check-config")
    assert down.code == 1
    assert f"{server.url}: HTTP 503" in down.err
    assert "NOT UPDATED, keeping the last good calendar; 1 events" in down.out
    # The central feed is unreachable now: the copy still closes Christmas Eve at noon.
    assert kiosk("--set", feed, *EXPLAIN).json["reason"] == "outside_hours"


def test_check_config_names_each_bad_event_and_exits_2(kiosk: KioskCli, tmp_path: Path) -> None:
    bad = ("BEGIN:VEVENT\nUID:nytår@solrod\nSUMMARY:Nytårsaften\nDTSTART:20261231T120000\n"
           "DTEND:20261231T100000\nEND:VEVENT")
    (tmp_path / "kalender.ics").write_bytes(ics(CHRISTMAS_EVE, bad))
    result = kiosk("--set", 'calendar.feed="kalender.ics"', "check-config")
    assert result.code == 2
    assert result.err.strip() == (
        "kalender.ics: event 'Nytårsaften' on 2026-12-31 (UID nytår@solrod): ends "
        "(2026-12-31 10:00) before it starts (2026-12-31 12:00)")
    assert "calendar feed: kalender.ics: NOT UPDATED" in result.out
    assert "calendar, next 7 days:" in result.out


def test_a_feed_with_an_unknown_scheme_is_a_config_error(kiosk: KioskCli) -> None:
    result = kiosk("--set", 'calendar.feed="ftp://bibliotek.example/k.ics"', "check-config")
    assert result.code == 2
    assert result.err.strip() == ('config.toml: calendar.feed: expected a file path or an '
                                  'http(s):// URL, got "ftp://bibliotek.example/k.ics"')


def test_status_names_the_kiosk_and_its_calendar_feed(kiosk: KioskCli, tmp_path: Path) -> None:
    plain = kiosk("--set", 'kiosk.id="solrod-door-1"', "status", "--json").json
    assert plain["kiosk"] == "solrod-door-1"
    assert plain["calendar_feed"] is None  # no feed configured
    (tmp_path / "kalender.ics").write_bytes(ics(CHRISTMAS_EVE))
    assert kiosk("--set", 'calendar.feed="kalender.ics"', "check-config").code == 0  # fetched
    fed = kiosk("--set", 'calendar.feed="kalender.ics"', "status", "--json").json
    assert fed["calendar_feed"]["source"] == "kalender.ics"
    assert fed["calendar_feed"]["ok"] is True
    assert fed["calendar_feed"]["events"] == 1
    assert fed["calendar_feed"]["problems"] == []
    (tmp_path / "kalender.ics").write_bytes(b"not a calendar")
    broken = kiosk("--set", 'calendar.feed="kalender.ics"', "status", "--json").json
    assert broken["calendar_feed"]["ok"] is False  # and says why, keeping the last good copy
    assert broken["calendar_feed"]["problems"]
    assert broken["calendar_feed"]["events"] == 1
