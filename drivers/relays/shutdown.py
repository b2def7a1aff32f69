"""Switch a relay off when the process is told to stop (SIGTERM, SIGINT) or exits normally.

Python's cleanup does not run on a default SIGTERM, and a board keeps its last state, so the
handler switches off first and then does what the previous handler would have done (raise
KeyboardInterrupt, call the application's handler, or die by the signal). SIGKILL and power
loss cannot be caught: start-up switches off again (BaseRelay). Nothing from kiosk/ or sync/.
"""

from __future__ import annotations

import atexit
import logging
import os
import signal
from collections.abc import Callable, Iterable
from types import FrameType
from typing import Final, Protocol

from drivers.types import RelayFault

log = logging.getLogger(__name__)

DEFAULT_SIGNALS: Final = (signal.SIGTERM, signal.SIGINT)

_Handler = Callable[[int, FrameType | None], object] | int | signal.Handlers | None


class _Switchable(Protocol):
    def off(self) -> None: ...


def _off(relay: _Switchable, why: str) -> None:
    failure: RelayFault | None = None
    try:
        relay.off()
    except RelayFault as err:
        failure = err
    if failure is None:
        log.info("relay switched off on %s", why)
    else:
        log.error("could not switch relay off on %s: %s", why, failure)


def _chain(signum: int, frame: FrameType | None, previous: _Handler) -> None:
    if callable(previous):
        previous(signum, frame)
    elif previous == signal.SIG_DFL or previous is None:
        # Die the way the signal would have killed us, so a supervisor sees the real cause.
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)


def switch_off_on_exit(
    relay: _Switchable, signals: Iterable[int] = DEFAULT_SIGNALS
) -> Callable[[], None]:
    """Install the handlers (main thread only); return a function that uninstalls them.

    Signals that are ignored (SIG_IGN) stay ignored. Also registers an atexit hook.
    """
    installed: dict[int, _Handler] = {}

    def handler(signum: int, frame: FrameType | None) -> None:
        _off(relay, signal.Signals(signum).name)
        _chain(signum, frame, installed.get(signum))

    for signum in signals:
        previous = signal.getsignal(signum)
        if previous == signal.SIG_IGN:
            continue
        installed[signum] = previous
        signal.signal(signum, handler)

    def at_exit() -> None:
        _off(relay, "exit")

    atexit.register(at_exit)

    def uninstall() -> None:
        atexit.unregister(at_exit)
        for signum, previous in installed.items():
            if signal.getsignal(signum) is handler:
                signal.signal(signum, previous if previous is not None else signal.SIG_DFL)

    return uninstall
