"""One place that keeps CPR numbers and PINs out of every log line, whatever module logs them.

Installed as the logging record factory, so it sees each record before any handler, filter or
test capture does. The drivers and the SIP2 codec already mask what they log; this is the
net under them for everything else (exception texts included).
"""

from __future__ import annotations

import logging
import re
from typing import Any, Final

_CPR: Final = re.compile(r"(?<!\d)(\d{2})(\d{2})(\d{2})-?(\d{4})(?!\d)", re.ASCII)
_PIN: Final = re.compile(
    r"(?i)\b(pin|pincode|pin_code|password|adgangskode|kodeord)(\W{0,3})(\d{4,12})(?!\d)"
)
_SIP2_SECRET: Final = re.compile(r"(^|\|)(AD|CO|AC)([^|\r\n]*)")
_installed: list[Any] = []


def redact(text: str) -> str:
    """Mask CPR-shaped numbers (`170590-****`) and PIN-shaped values next to a PIN word."""
    text = _CPR.sub(lambda m: f"{m.group(1)}{m.group(2)}{m.group(3)}-****", text)
    text = _PIN.sub(lambda m: f"{m.group(1)}{m.group(2)}****", text)
    return _SIP2_SECRET.sub(lambda m: f"{m.group(1)}{m.group(2)}****" if m.group(3) else m[0], text)


def install_redaction() -> None:
    """Make every LogRecord created from now on carry only redacted text (idempotent)."""
    if _installed:
        return
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_info:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        return record

    logging.setLogRecordFactory(factory)
    _installed.append(previous)


def uninstall_redaction() -> None:
    if _installed:
        logging.setLogRecordFactory(_installed.pop())
