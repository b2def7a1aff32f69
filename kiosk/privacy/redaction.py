"""One place that keeps CPR numbers and PINs out of every log line, whatever module logs them.

Installed as the logging record factory, so it sees each record before any handler, filter or
test capture does. The drivers and the SIP2 codec already mask what they log; this is the
net under them for everything else (exception texts included).
"""

from __future__ import annotations

import logging
import re
from typing import Any, Final

from drivers.cpr import mask_cprs_in
from sync.sip2.codec import mask_patron_id

_PIN: Final = re.compile(
    r"(?i)\b(pin|pincode|pin_code|password|adgangskode|kodeord)(\W{0,3})(\d{4,12})(?!\d)"
)
_SIP2_SECRET: Final = re.compile(r"(^|\|)(AD|CO|AC)([^|\r\n]*)")
_SIP2_PERSONAL: Final = re.compile(r"(\|)(AE|BD|BE|BF|PB)([^|\r\n]*)")
"""Name, address, e-mail, phone, birth date of a SIP2 message quoted in any log line."""
_SIP2_PATRON: Final = re.compile(r"(\|AA)([^|\r\n]*)")
_installed: list[Any] = []


def redact(text: str) -> str:
    """Mask CPR-shaped numbers (`170590-****`), PIN-shaped values next to a PIN word, and the
    secret and personal fields of a quoted SIP2 message (AA by its last four characters)."""
    text = mask_cprs_in(text)
    text = _PIN.sub(lambda m: f"{m.group(1)}{m.group(2)}****", text)
    text = _SIP2_PATRON.sub(lambda m: m.group(1) + mask_patron_id(m.group(2)), text)
    for fields in (_SIP2_SECRET, _SIP2_PERSONAL):
        text = fields.sub(lambda m: f"{m.group(1)}{m.group(2)}****" if m.group(3) else m[0], text)
    return text


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
