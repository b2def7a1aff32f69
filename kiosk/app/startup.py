"""`kiosk run` when the kiosk cannot start: out of order on screen, never a restart loop.

A cache that cannot be opened (locked past the busy timeout, a full disk, damage the start-up
check could not heal), a key that does not belong to the cache: each used to end `kiosk run`
with exit 1 or 2, and systemd started it again, and again, with no screen. Now the screen says
"out of order" (kiosk/ui/startup_failed.py) and the technician's line says what failed; the
relay stays off (the verb's guard still switches it off on a signal); the systemd watchdog is
pinged; and the start is tried again every `retry_s`: once the technician fixed it (restored
the key, freed the disk) the kiosk starts by itself. Qt is imported inside functions.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from typing import Final

from sqlalchemy.exc import SQLAlchemyError

from drivers.relays.shutdown import SignalGuard
from kiosk.app.display import show_full_screen
from kiosk.app.loop import quit_on_signals, systemd_watchdog
from kiosk.cache.integrity import CacheDamaged
from kiosk.jobs.supervisor import error_line
from kiosk.privacy.files import PrivateFileError
from kiosk.services import Services

log = logging.getLogger(__name__)

RETRY_S: Final = 30.0
CANNOT_START: Final = (SQLAlchemyError, sqlite3.DatabaseError, OSError, PrivateFileError,
                       CacheDamaged)
"""What a technician can fix without a new release: the cache, the disk, the key file."""


def problem_line(err: BaseException) -> str:
    """One line, no traceback and no SQL parameters (kiosk/jobs/supervisor.py)."""
    if isinstance(err, PrivateFileError | CacheDamaged):
        return str(err)
    return error_line(err)


def services_or_wait(
    build: Callable[[], Services], guard: SignalGuard | None, retry_s: float = RETRY_S
) -> Services | int:
    """The services `build()` makes, once it can; or the exit status (128 + signal) when a
    stop signal came while the kiosk was out of order waiting for that."""
    try:
        return build()
    except CANNOT_START as err:
        problem = problem_line(err)
    log.error("kiosk cannot start: %s; out of order, trying again every %.0f s", problem,
              retry_s)
    return _wait(build, guard, retry_s, problem)


def _wait(
    build: Callable[[], Services], guard: SignalGuard | None, retry_s: float, problem: str
) -> Services | int:
    from PySide6.QtCore import QCoreApplication, QTimer

    from kiosk.ui.startup_failed import StartupFailedWindow

    window = StartupFailedWindow(problem)
    show_full_screen([window])
    built: list[Services] = []
    seen = [problem]

    def again() -> None:
        try:
            built.append(build())
        except CANNOT_START as err:
            line = problem_line(err)
            if line != seen[-1]:
                log.error("kiosk still cannot start: %s", line)  # noqa: TRY400 - one line
                window.show_problem(line)
                seen.append(line)
            return
        log.warning("kiosk can start now (it could not: %s)", seen[0])
        QCoreApplication.quit()

    timer = QTimer()
    timer.timeout.connect(again)
    timer.start(int(retry_s * 1000))
    try:
        with quit_on_signals(guard) as received, systemd_watchdog(final=False):
            QCoreApplication.exec()
    finally:
        timer.stop()
        window.close()
        window.deleteLater()
    if received:
        for services in built:
            services.close()
        return 128 + received[0]
    return built[0]
