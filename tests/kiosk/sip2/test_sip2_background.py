"""`kiosk run`'s SIP2 background round: replay offline circulation, refresh known patrons."""

from __future__ import annotations

from pathlib import Path

from sip2kit import ANNA_CARD, ANNA_PIN, fake_acs, sip2_config

from drivers.cardparse import parse_card
from kiosk.cache import queries
from kiosk.clock import FixedClock
from kiosk.reasons import Reason
from kiosk.services import build_services
from kiosk.sip2.background import Sip2Background


def test_one_round_refreshes_and_reports_an_unreachable_acs(
    tmp_path: Path, clock: FixedClock
) -> None:
    with fake_acs(clock) as acs:
        loaded = sip2_config(tmp_path, acs.port)
        services = build_services(loaded, clock)
        background = Sip2Background(loaded, services.sessions, services.clock,
                                    services.hasher.sealer)
        try:
            evaluation = services.access.check_pin(parse_card(ANNA_CARD, "door"), ANNA_PIN)
            assert evaluation.decision is not None
            assert evaluation.decision.reason is Reason.OK
            next(p for p in acs.library.patrons if p.cards[0][0] == ANNA_CARD).blocked = (
                "2026-11-21", "F")
            assert background.run_once() is None
            with services.sessions() as session:
                hit = queries.find_by_credential(
                    session, services.hasher.credential_id("card", ANNA_CARD))
                assert hit is not None
                patron = hit[1]
                assert patron.blocked_reason == "S:0"
                assert queries.outbox_pending(session) == 0
            acs.stop()
            assert background.run_once() is not None  # the error text, for the status screen
        finally:
            background.close()
            services.close()
