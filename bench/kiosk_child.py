"""`kiosk run` offscreen in its own process, instrumented: `python -m bench.kiosk_child`.

Usage: `python -m bench.kiosk_child CONFIG PATRONS VISITS`. Runs the real `kiosk run`
(kiosk.app.run.run) with its benchmark hooks: the clock is fixed to staffed hours (the shipped
config lets a card in without a PIN then, so 10,000 visits do not spend 10,000 argon2id
verifications), no background work, and an `on_started` hook that prints {"event": "shown",
"wall": ...} on the event loop's first turn after the window is shown, then plays VISITS card
visits through the window's dispatch (flow, cache, entry log, screens) and prints the RSS at the
half and at the end.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from bench.workspace import STAFFED_AT, current_rss_mb, visitors


def _say(**fields: object) -> None:
    sys.stdout.write(json.dumps(fields) + "\n")
    sys.stdout.flush()


def main(argv: list[str]) -> int:
    config, patrons, visits = argv[0], int(argv[1]), int(argv[2])
    from kiosk.cache.integrity import begin_cache_check
    from kiosk.config import load
    from kiosk.privacy.redaction import install_redaction

    install_redaction()  # as `kiosk run` does, and in its order: config, check begun, imports
    loaded = load(Path(config))
    checked = begin_cache_check(loaded.database_url)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk.app.assemble import Kiosk
    from kiosk.app.run import run
    from kiosk.clock import FixedClock

    def hooked(kiosk: Kiosk) -> None:
        def shown() -> None:
            _say(event="shown", wall=time.time(), rss_mb=current_rss_mb())
            if visits:  # 0: start-up only (bench/coldstart.py)
                _play(kiosk, patrons, visits, QApplication.processEvents)
            QApplication.quit()

        QTimer.singleShot(0, shown)

    return run(loaded, clock=FixedClock(STAFFED_AT), background=False, on_started=hooked,
               checked=checked)


def _play(kiosk: object, patrons: int, visits: int, pump: object) -> None:
    from drivers.cardparse import parse_card
    from kiosk.events import Cancelled, CardPresented

    window = kiosk.window  # type: ignore[attr-defined]
    people = visitors(patrons, min(visits, patrons), random.Random(7))
    rss: list[float] = []
    start = time.perf_counter()
    for n in range(visits):
        window.dispatch(CardPresented(parse_card(people[n % len(people)].card, "door")))
        _settle(window, pump)
        window.dispatch(Cancelled())
        _settle(window, pump)
        if n + 1 in (visits // 2, visits):
            rss.append(current_rss_mb())
    _say(event="visits", visits=visits, seconds=time.perf_counter() - start,
         rss_half_mb=rss[0], rss_end_mb=rss[-1])


def _settle(window: object, pump: object) -> None:
    """The window hands each event to its worker thread; wait until it is answered and shown,
    as a patron would, so each visit is complete before the next (and RSS is not a queue)."""
    deadline = time.monotonic() + 10
    while not window.idle:  # type: ignore[attr-defined]
        if time.monotonic() > deadline:
            raise TimeoutError("the door worker did not answer within 10 s")
        pump()  # type: ignore[operator]
        time.sleep(0.0002)  # let the worker have the GIL instead of spinning against it


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
