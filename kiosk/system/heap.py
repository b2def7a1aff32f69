"""The start-up heap kept out of the garbage collector's full passes (issue 18).

A full (generation 2) collection walks every tracked object and holds the GIL throughout. The
imports and the assembled window of `kiosk run` leave over 100,000 such objects; a full sync
allocates millions of short-lived ones (a cards list per record, a dict per cache row) and so
sets off full collections, each a stall of the door's worker thread and the Qt event loop:
decoding pages on a thread, the longest stall was 488-722 ms at load 6 and 51-81 ms with the
start-up heap frozen (`python -m bench.decode_stall`); over whole full syncs the longest GC
pass went from 300-453 ms to 138-155 ms (`python -m bench.sync_gc`). `gc.freeze()` moves
everything alive now to a permanent generation the collector skips; what is made later is
collected as before.
The price: a start-up object that later becomes part of a reference cycle is never freed.
"""

from __future__ import annotations

import gc


def freeze_startup_heap() -> None:
    """Call once, when start-up is done and before the event loop runs."""
    gc.collect()  # garbage now would otherwise be kept for good
    gc.freeze()
