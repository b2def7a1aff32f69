"""Where log lines go and how they look: readable text, or one JSON object per line
(`logging.format = "json"`) carrying the kiosk's identity, the thread and the background job.

The redaction net (kiosk/privacy/redaction.py) stays in front: it rewrites every LogRecord as it
is made, before any handler or formatter here sees it, and the JSON formatter redacts the
traceback text too. No Qt.
"""

from __future__ import annotations

import contextvars
import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Final, TextIO

from kiosk.config.fleet import LoggingSection
from kiosk.privacy.redaction import redact

TEXT_FORMAT: Final = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LEVELS: Final = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING,
                 "error": logging.ERROR}
_job: contextvars.ContextVar[str | None] = contextvars.ContextVar("kiosk_job", default=None)


@contextmanager
def job_context(name: str) -> Iterator[None]:
    """Lines logged inside (on this thread) carry `"job": name`, e.g. "sync" or "purge"."""
    token = _job.set(name)
    try:
        yield
    finally:
        _job.reset(token)


class JsonFormatter(logging.Formatter):
    """One JSON object per record, on one line (newlines inside values are escaped)."""

    def __init__(self, kiosk_id: str, branch: str) -> None:
        super().__init__()
        self.kiosk_id = kiosk_id
        self.branch = branch

    def format(self, record: logging.LogRecord) -> str:
        item: dict[str, object] = {
            # UTC: log shippers sort by it, and it never depends on the PC's time zone.
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "kiosk": self.kiosk_id,
            "branch": self.branch,
            "thread": record.threadName,
        }
        job = _job.get()
        if job is not None:
            item["job"] = job
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(self.formatException(record.exc_info))
        if record.exc_text:
            item["exception"] = record.exc_text
        if record.stack_info:
            item["stack"] = redact(record.stack_info)
        return json.dumps(item, ensure_ascii=False)


def configure_logging(
    section: LoggingSection, kiosk_id: str, branch: str, verbose: bool = False,
    stream: TextIO | None = None,
) -> logging.Handler | None:
    """Put one handler of the configured format and stream on the root logger, replacing the
    one set here before. Like logging.basicConfig, it leaves a root logger that someone else
    has set up (a test harness, an embedding program) alone and returns None."""
    root = logging.getLogger()
    ours = [h for h in root.handlers if getattr(h, "kiosk_handler", False)]
    if len(ours) != len(root.handlers):
        return None
    out = stream or (sys.stdout if section.stream == "stdout" else sys.stderr)
    handler = logging.StreamHandler(out)
    handler.kiosk_handler = True  # type: ignore[attr-defined]
    if section.format == "json":
        handler.setFormatter(JsonFormatter(kiosk_id, branch))
    else:
        handler.setFormatter(logging.Formatter(TEXT_FORMAT))
    for old in ours:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else LEVELS[section.level])
    return handler
