"""`kiosk status [--json]`: cache, sync, outbox, readers and relay, and the kiosk's health
(CONTRACT.md): `faults`, `jobs`, `clock_trusted`, `last_purge`, `purge_overdue`,
`pin_verifiers`.

This is another process than `kiosk run`: device faults come from `data_dir/faults.json` (the
fault owner publishes them), jobs from `data_dir/health.json` (the supervisor writes it),
`relay_owner` says who holds the relay now. The clock verdict and the purge's lag are worked
out here, and join `faults` when they are faults (an untrusted clock; a purge overdue by more
than a day), once: a running kiosk publishes its own `clock` fault (it stops the door), the
purge's lag is only worked out here.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from kiosk.cache import queries
from kiosk.calendar_feed.feed_status import FeedStatus
from kiosk.clock import SystemClock
from kiosk.config import LoadedConfig
from kiosk.health.faults import read_published
from kiosk.health.snapshot import FILE_NAME, read_health
from kiosk.health.upkeep import clock_now, purge_lag, upkeep_faults
from kiosk.privacy.keyed_hash import fingerprint
from kiosk.privacy.verifiers import verifier_counts
from kiosk.services import build_services
from kiosk.system.relay_owner import lock_holder

STATUS_CHECK_BUDGET_S = 0.0


def health_section(loaded: LoadedConfig) -> dict[str, Any]:
    """Faults (kiosk/health/faults.py) and jobs as the running kiosk last published them."""
    health = read_health(loaded.data_dir / FILE_NAME) or {}
    published = read_published(loaded.data_dir)
    return {
        "kiosk_running": published.running,
        "faults": list(published.faults),
        "jobs": dict(health.get("jobs", {})),
        "health_written_at": health.get("written_at"),
        # Who owns the relay now ("kiosk run (pid 812)"): without one, the jobs above are
        # what the last kiosk run wrote before it stopped.
        "relay_owner": lock_holder(loaded.data_dir),
    }


def feed_section(feed: FeedStatus | None) -> dict[str, object] | None:
    """The library's calendar feed as this process loaded it (None: no feed configured)."""
    if feed is None:
        return None
    return {"source": feed.source, "ok": feed.ok, "good_at": feed.good_at,
            "events": feed.events, "attempted_at": feed.attempted_at,
            "problems": list(feed.problems)}


def status(args: argparse.Namespace, loaded: LoadedConfig) -> int:
    # A report, not a start: no door waits on its verdict, so it takes the background check's
    # (the `integrity` job, its marker) and checks whole only a small cache. On a large one the
    # 0.5 s start-up check was cut short every time, which is no verdict, and a third of every
    # status (issue 18).
    services = build_services(loaded, SystemClock(), check_budget_s=STATUS_CHECK_BUDGET_S)
    now = services.clock.now()
    clock = clock_now(loaded, services.clock)
    try:
        with services.sessions() as session:
            age = services.access.cache_age(session, now)
            last, due = purge_lag(session, now, loaded)
            info: dict[str, object] = {
                "kiosk": loaded.kiosk_id,
                "branch": loaded.config.kiosk.branch,
                "mode": str(services.access.mode_at(now)),
                "patrons": queries.patron_count(session),
                "cache_age_s": int(age.total_seconds()) if age is not None else None,
                "last_sync": queries.get_state(session, "last_sync_success"),
                "last_sync_error": queries.get_state(session, "last_sync_error"),
                "outbox_pending": queries.outbox_pending(session),
                "outbox_parked": [
                    {"id": i.idempotency_key, "kind": i.kind, "error": i.parked_error}
                    for i in queries.outbox_parked(session)
                ],
                "relay": loaded.config.relay.driver,
                "readers": {n: r.driver for n, r in loaded.config.readers.items()},
                "key_fingerprint": fingerprint(services.key_fingerprint_source),
                "rule_set_version": services.access.rule_set_version,
                "pin_verifiers": verifier_counts(session),
                "clock_trusted": clock.trusted,
                "last_purge": last.isoformat(timespec="seconds") if last else None,
                "purge_overdue": due.overdue,
                "calendar_feed": feed_section(loaded.calendar_feed),
            }
    finally:
        services.close()
    health = health_section(loaded)
    published = {f["part"] for f in health["faults"]}  # a running kiosk's own clock fault
    health["faults"] = health["faults"] + [
        f for f in upkeep_faults(clock, due) if f["part"] not in published]
    info.update(health)
    if args.json:
        print(json.dumps(info, ensure_ascii=False))
    else:
        for key, value in info.items():
            print(f"{key}: {value}")
    return 0
