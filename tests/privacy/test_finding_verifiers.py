"""Issue 13: most PINs were cheap. A fresh import is hk1 (3.8 µs a guess with the key), a full
sync reset upgraded verifiers to hk1 (60 of 60 after `kiosk sync --full`), and the upgrade ran
at ~8 a second. Now the upgrade runs at a bounded share of a core and goes on after a restart,
`kiosk status --json` counts `pin_verifiers`, and a PIN whose `pin_version` did not change
keeps its memory-hard verifier through every sync. Against the fake central on 127.0.0.1."""

from __future__ import annotations

import itertools

import pytest
from kioskkit import SELF_SERVICE_AT
from sync_cli_kit import POPULATION, SyncCli

from kiosk.privacy.verifiers import UPGRADE_SHARE, upgrade_slice
from sync.fakes.synthetic import synthetic_patron

AT = SELF_SERVICE_AT.isoformat()


def _verifiers(kiosk: SyncCli) -> dict[str, int]:
    status = kiosk("status", "--json")
    assert status.code == 0, status.err
    counts: dict[str, int] = status.json["pin_verifiers"]
    return counts


def _upgrade_all(kiosk: SyncCli) -> int:
    """Runs the background job's slices until nothing is left, restarting in between."""
    slices = 0
    while True:
        with kiosk.services() as svc:  # each slice in a fresh process-like run: restarts
            pause = upgrade_slice(svc.sessions, svc.hasher, slice_s=0.05)
        slices += 1
        if pause is None:
            return slices


def test_an_unchanged_pin_stays_memory_hard_through_a_full_sync(kiosk_sync: SyncCli) -> None:
    assert kiosk_sync("sync", "--full").code == 0
    fresh = _verifiers(kiosk_sync)
    assert fresh == {"memory_hard": 0, "fast": POPULATION}  # the window the docs measure
    assert _upgrade_all(kiosk_sync) > 1  # more than one slice: it went on after each restart
    assert _verifiers(kiosk_sync) == {"memory_hard": POPULATION, "fast": 0}
    for _ in range(2):
        assert kiosk_sync("sync", "--full").code == 0
        assert _verifiers(kiosk_sync) == {"memory_hard": POPULATION, "fast": 0}


def test_a_changed_pin_gets_a_fresh_verifier_and_the_old_pin_stops(kiosk_sync: SyncCli) -> None:
    assert kiosk_sync("sync", "--full").code == 0
    _upgrade_all(kiosk_sync)
    anna = synthetic_patron(0, 5, SELF_SERVICE_AT.date())
    card, old_pin = anna["cards"][0]["number"], anna["pin"]
    new_pin = "9090" if old_pin != "9090" else "8080"
    kiosk_sync.patch(anna["patron_id"], pin=new_pin, pin_version="2")
    assert kiosk_sync("sync").code == 0  # a delta
    assert _verifiers(kiosk_sync) == {"memory_hard": POPULATION - 1, "fast": 1}
    old = kiosk_sync("explain", "--card", card, "--pin", old_pin, "--at", AT).json
    new = kiosk_sync("explain", "--card", card, "--pin", new_pin, "--at", AT).json
    assert (old["reason"], new["reason"]) == ("wrong_pin", "ok")
    assert kiosk_sync("sync", "--full").code == 0
    assert _verifiers(kiosk_sync)["fast"] == 1  # still the new PIN's, until upgraded
    _upgrade_all(kiosk_sync)
    assert _verifiers(kiosk_sync) == {"memory_hard": POPULATION, "fast": 0}


def test_a_pin_changed_between_two_full_syncs_is_hashed_afresh(kiosk_sync: SyncCli) -> None:
    # A full sync decides in its swap which cached verifier stays (kiosk/cache/patrons.py
    # KEEP_VERIFIER): a new pin_version, or a PIN taken away, must not keep the old one.
    assert kiosk_sync("sync", "--full").code == 0
    _upgrade_all(kiosk_sync)
    anna, bo = (synthetic_patron(i, 5, SELF_SERVICE_AT.date()) for i in (0, 1))
    card, old_pin = anna["cards"][0]["number"], anna["pin"]
    new_pin = "9090" if old_pin != "9090" else "8080"
    kiosk_sync.patch(anna["patron_id"], pin=new_pin, pin_version="2")
    kiosk_sync.patch(bo["patron_id"], pin=None, pin_version=None)
    assert kiosk_sync("sync", "--full").code == 0
    assert _verifiers(kiosk_sync) == {"memory_hard": POPULATION - 2, "fast": 1}
    old = kiosk_sync("explain", "--card", card, "--pin", old_pin, "--at", AT).json
    new = kiosk_sync("explain", "--card", card, "--pin", new_pin, "--at", AT).json
    assert (old["reason"], new["reason"]) == ("wrong_pin", "ok")


def test_without_pin_version_a_full_sync_hashes_every_pin_afresh(kiosk_sync: SyncCli) -> None:
    """What docs/central-api.md warns about: a central that sends no pin_version."""
    assert kiosk_sync("sync", "--full").code == 0
    _upgrade_all(kiosk_sync)
    for index in range(3):
        record = synthetic_patron(index, 5, SELF_SERVICE_AT.date())
        kiosk_sync.patch(record["patron_id"], pin_version=None)
    assert kiosk_sync("sync", "--full").code == 0
    assert _verifiers(kiosk_sync) == {"memory_hard": POPULATION - 3, "fast": 3}


@pytest.mark.parametrize("share", [0.25, UPGRADE_SHARE, 1.0])
def test_the_upgrade_pauses_to_keep_its_share_of_a_core(kiosk_sync: SyncCli, share: float) -> None:
    assert kiosk_sync("sync", "--full").code == 0
    ticks = itertools.count()
    with kiosk_sync.services() as svc:
        pause = upgrade_slice(svc.sessions, svc.hasher, share=share, slice_s=2.0,
                              monotonic=lambda: float(next(ticks)))
    assert pause is not None
    spent = 3.0  # the fake clock: start 0, checks at 1 and 2 (< 2.0 goes on), end 3
    assert pause == pytest.approx(spent * (1 - share) / share)
