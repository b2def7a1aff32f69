"""SIP2 wire codec, pure: checksum, the Message model, strict encode, lenient decode, masking.

reference/protocols.md §A.1-A.6. Standard library only; no I/O, no kiosk/ or drivers/ imports.
The encoder refuses what a strict ACS would choke on; the decoder accepts what real ACSs send
(CRLF, `&#124;`, lower-case checksums, vendor fields, stray `|` in titles).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from drivers.cpr import looks_like_cpr, mask_cpr, mask_cprs_in
from sync.sip2.errors import Sip2ChecksumError, Sip2DecodeError, Sip2EncodeError

# Fixed-field widths per command id, in wire order (A.6). A command not listed here is one the
# kiosk never sends or expects; decoding it is an error rather than a guess at its layout.
LAYOUTS: Final[dict[str, tuple[int, ...]]] = {
    "93": (1, 1),
    "94": (1,),
    "99": (1, 3, 4),
    "98": (1, 1, 1, 1, 1, 1, 3, 3, 18, 4),
    "23": (3, 18),
    "24": (14, 3, 18),
    "63": (3, 18, 10),
    "64": (14, 3, 18, 4, 4, 4, 4, 4, 4),
    "11": (1, 1, 18, 18),
    "12": (1, 1, 1, 1, 18),
    "09": (1, 18, 18),
    "10": (1, 1, 1, 1, 18),
    "29": (1, 1, 18, 18),
    "30": (1, 1, 1, 1, 18),
    "17": (18,),
    "18": (2, 2, 2, 18),
    "35": (18,),
    "36": (1, 18),
    "37": (18, 2, 2, 3),
    "38": (1, 18),
    "97": (),
    "96": (),
}

MAX_VALUE_CHARS: Final = 255
PIPE_ESCAPE: Final = "&#124;"  # Koha's escape for `|` inside a value (A.1)
_FIELD_ID = re.compile(r"[A-Z][A-Z0-9]")
_FORBIDDEN_IN_VALUE = re.compile(r"[\r\n\x00]")
_TRAILER = re.compile(rb"(?:AY(\d))?AZ([0-9A-Fa-f]{1,4})\Z")
_SEQ_ONLY = re.compile(rb"AY(\d)\Z")
_SNIPPET_CHARS: Final = 80


@dataclass(frozen=True, slots=True)
class Message:
    """One SIP2 message: command id, fixed fields in order, identified fields with repeats.

    `seq` is the AY digit a decoded message carried (None when absent); encode takes the
    sequence number as a parameter instead, so a resend reuses the same Message.
    """

    command: str
    fixed: tuple[str, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    seq: int | None = None

    def get(self, field_id: str, default: str = "") -> str:
        """First value of `field_id`, or `default` when the ACS left it out."""
        for fid, value in self.fields:
            if fid == field_id:
                return value
        return default

    def values(self, field_id: str) -> tuple[str, ...]:
        """Every value of a repeatable field (AF, AG, item lists), in wire order."""
        return tuple(value for fid, value in self.fields if fid == field_id)

    def has(self, field_id: str) -> bool:
        return any(fid == field_id for fid, _ in self.fields)

    def flag(self, field_id: str) -> bool | None:
        """Y/N field as a bool; None when absent or neither Y nor N."""
        return yes_no(self.get(field_id)) if self.has(field_id) else None


def yes_no(text: str) -> bool | None:
    """`Y`/`N` (any case, surrounding spaces tolerated) to a bool; anything else is None."""
    value = text.strip().upper()
    return {"Y": True, "N": False}.get(value)


def checksum(prefix: bytes) -> str:
    """AZ value for the encoded bytes from the first byte through the letters `AZ` (A.2)."""
    return f"{(-sum(prefix)) & 0xFFFF:04X}"


def verify(prefix: bytes, digits: str) -> bool:
    """True when `digits` (hex, any case, any padding) is the checksum of `prefix`."""
    try:
        value = int(digits, 16)
    except ValueError:
        return False
    return 0 <= value <= 0xFFFF and (sum(prefix) + value) & 0xFFFF == 0


def encode(
    msg: Message,
    seq: int | None,
    encoding: str = "utf-8",
    *,
    error_detection: bool = True,
    escape_pipes: bool = False,
) -> bytes:
    """Put `msg` on the wire: fixed widths checked, values checked, AY/AZ and CR appended.

    With error detection AZ is always written and AY only when `seq` is given (97 and 96 carry
    no AY). `escape_pipes` writes `|` in a value as `&#124;` (as Koha does) instead of refusing.
    """
    body = msg.command + "".join(_checked_fixed(msg))
    body += "".join(
        f"{_checked_id(fid)}{_checked_value(fid, value, escape_pipes=escape_pipes)}|"
        for fid, value in msg.fields
    )
    try:
        data = unicodedata.normalize("NFC", body).encode(encoding)
    except UnicodeEncodeError as err:
        raise Sip2EncodeError(
            f"message {msg.command}: a value cannot be written in {encoding}: {err.reason}"
        ) from err
    if error_detection:
        if seq is not None:
            if not 0 <= seq <= 9:
                raise Sip2EncodeError(f"sequence number must be 0-9, got {seq}")
            data += f"AY{seq}".encode("ascii")
        data += b"AZ"
        data += checksum(data).encode("ascii")
    return data + b"\r"


def _checked_fixed(msg: Message) -> tuple[str, ...]:
    widths = LAYOUTS.get(msg.command)
    if widths is None:
        raise Sip2EncodeError(f"unknown command id {msg.command!r}")
    if len(msg.fixed) != len(widths):
        raise Sip2EncodeError(
            f"message {msg.command}: expected {len(widths)} fixed fields, got {len(msg.fixed)}"
        )
    for index, (value, width) in enumerate(zip(msg.fixed, widths, strict=True)):
        if len(value) != width or not value.isascii() or _FORBIDDEN_IN_VALUE.search(value):
            raise Sip2EncodeError(
                f"message {msg.command}: fixed field {index} must be {width} ASCII "
                f"characters, got {len(value)}"
            )
        if "|" in value:
            raise Sip2EncodeError(f"message {msg.command}: `|` in fixed field {index}")
    return msg.fixed


def _checked_id(field_id: str) -> str:
    if not _FIELD_ID.fullmatch(field_id):
        raise Sip2EncodeError(f"field id must be two upper-case characters, got {field_id!r}")
    return field_id


def _checked_value(field_id: str, value: str, *, escape_pipes: bool) -> str:
    if _FORBIDDEN_IN_VALUE.search(value):
        raise Sip2EncodeError(f"field {field_id}: CR, LF or NUL inside a value")
    if "|" in value:
        if not escape_pipes:
            raise Sip2EncodeError(f"field {field_id}: `|` inside a value")
        value = value.replace("|", PIPE_ESCAPE)
    if len(value) > MAX_VALUE_CHARS:
        raise Sip2EncodeError(f"field {field_id}: value longer than {MAX_VALUE_CHARS} chars")
    return value


def decode(raw: bytes, encoding: str = "utf-8", *, verify_checksum: bool = True) -> Message:
    """Read one message (with or without its terminator); raise only Sip2DecodeError.

    A bad AZ raises Sip2ChecksumError (a Sip2DecodeError) unless `verify_checksum` is False.
    """
    data = raw.lstrip(b"\r\n").rstrip(b"\r\n")  # Koha ends with CRLF; the LF leads the next one
    if not data:
        raise Sip2DecodeError("empty message")
    if b"\r" in data or b"\x00" in data:
        raise Sip2DecodeError(f"CR or NUL inside a message: {_snippet(data, encoding)}")
    command = data[:2].decode("ascii", errors="replace")
    widths = LAYOUTS.get(command)
    if widths is None:
        raise Sip2DecodeError(f"unknown command id {command!r}: {_snippet(data, encoding)}")
    fixed_end = 2 + sum(widths)
    if len(data) < fixed_end:
        raise Sip2DecodeError(
            f"message {command} too short: {len(data)} bytes, fixed fields need {fixed_end}"
        )
    body, seq = _split_trailer(data, fixed_end, encoding, verify_checksum=verify_checksum)
    text = unicodedata.normalize("NFC", body.decode(encoding, errors="replace"))
    fixed: list[str] = []
    pos = 2
    for width in widths:
        fixed.append(text[pos : pos + width])
        pos += width
    return Message(command, tuple(fixed), _parse_fields(text[pos:], command), seq)


def _split_trailer(
    data: bytes, fixed_end: int, encoding: str, *, verify_checksum: bool
) -> tuple[bytes, int | None]:
    match = _TRAILER.search(data, fixed_end)
    if match is None:
        seq_only = _SEQ_ONLY.search(data, fixed_end)
        if seq_only is None:
            return data, None
        return data[: seq_only.start()], int(seq_only.group(1))
    if verify_checksum and not verify(data[: match.start(2)], match.group(2).decode("ascii")):
        raise Sip2ChecksumError(f"bad checksum in {_snippet(data, encoding)}")
    seq = int(match.group(1)) if match.group(1) is not None else None
    return data[: match.start()], seq


def _parse_fields(rest: str, command: str) -> tuple[tuple[str, str], ...]:
    fields: list[tuple[str, str]] = []
    for chunk in rest.split("|"):
        if not chunk:
            continue
        if len(chunk) >= 2 and _FIELD_ID.fullmatch(chunk[:2]):
            fields.append((chunk[:2], chunk[2:].replace(PIPE_ESCAPE, "|")))
        elif fields:
            # An ACS that forgot to escape `|` in a title: glue the piece back on.
            fid, value = fields[-1]
            fields[-1] = (fid, f"{value}|{chunk}")
        else:
            raise Sip2DecodeError(
                f"message {command}: expected a field id after the fixed fields, "
                f"got {_quote(chunk)}"
            )
    return tuple(fields)


def _snippet(data: bytes, encoding: str) -> str:
    """The start of a bad message, quoted for an error text.

    Every CPR-shaped run is masked, the fixed-width head included: a message that fails to
    decode has no trustworthy head (see mask). Masked again after quoting: an escape such as
    `\x00` before digits reads as a longer run of digits (a CPR's shape)."""
    return _quote(data.decode(encoding, errors="replace"))


def _quote(text: str) -> str:
    # A piece of a broken message may start like a known command (`09…`), whose head mask()
    # leaves alone: mask every CPR-shaped run, before quoting and after (escapes before digits).
    return mask_cprs_in(repr(mask_cprs_in(mask(text))[:_SNIPPET_CHARS]))


# --- masking: every log line and error text about a message passes through here -------------

SECRET_FIELDS: Final = frozenset({"AD", "CO", "AC"})  # patron PIN, login password, terminal pwd
PERSONAL_FIELDS: Final = frozenset({"AE", "BD", "BE", "BF", "PB"})
"""Personal name, home address, e-mail, phone, birth date: shown as `****` like a secret."""
_HIDDEN: Final = SECRET_FIELDS | PERSONAL_FIELDS
_LOOSE_SECRET = re.compile(r"(AD|CO|AC|AE|BD|BE|BF|PB)[^|\r\n]*")
_LOOSE_PATRON = re.compile(r"(\|AA)([^|\r\n]*)")


def mask(text: str) -> str:
    """`text` of a SIP2 message with PINs/passwords (AD, CO, AC), the personal fields (AE, BD,
    BE, BF, PB), the patron identifier (AA) and CPR numbers hidden.

    AD/CO/AC/AE/BD/BE/BF/PB values become `****` (empty stays empty: it shows nothing was
    sent). An AA keeps its last four characters (`**********1234`), enough to tell cards
    apart. Every CPR-shaped number (drivers.cpr: an AA, or one quoted in a screen message)
    becomes `DDMMYY-****`, so it never reaches a log. Never raises.
    """
    widths = LAYOUTS.get(text[:2])
    if widths is None:
        loose = _LOOSE_PATRON.sub(lambda m: m.group(1) + mask_patron_id(m.group(2)), text)
        return mask_cprs_in(_LOOSE_SECRET.sub(r"\1****", loose))
    split = 2 + sum(widths)
    head, chunks = text[:split], text[split:].split("|")
    # The fixed-width head is codes, dates and times (a command code next to a date looks like a
    # CPR to a pattern); only the variable fields can carry one.
    return head + "|".join(mask_cprs_in(_mask_chunk(c)) for c in chunks)


def mask_patron_id(value: str) -> str:
    """An AA value as a log may show it: a CPR as `DDMMYY-****`, anything else by its last four
    characters. Idempotent."""
    shown = value.strip()
    if "*" in shown:
        return shown  # masked already (the log redaction net sees the codec's masked text)
    if looks_like_cpr(shown):
        return mask_cpr(shown)
    if len(shown) <= 4:
        return "*" * len(shown)
    return "*" * (len(shown) - 4) + shown[-4:]


def _mask_chunk(chunk: str) -> str:
    field_id, value = chunk[:2], chunk[2:]
    if field_id in _HIDDEN:
        trailer = _TRAILER_TEXT.search(value)
        tail = trailer.group(0) if trailer else ""
        return field_id + ("****" if value[: len(value) - len(tail)] else "") + tail
    if field_id == "AA":
        trailer = _TRAILER_TEXT.search(value)
        tail = trailer.group(0) if trailer else ""
        return "AA" + mask_patron_id(value[: len(value) - len(tail)]) + tail
    return chunk


# A secret field at the end of a message without a final `|` still keeps its AY/AZ visible.
_TRAILER_TEXT = re.compile(r"(?:AY\d)?AZ[0-9A-Fa-f]{1,4}\s*\Z|\s+\Z")
