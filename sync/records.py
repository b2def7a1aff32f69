"""Wire records of the central system (CONTRACT.md "Patron record"), parsed and validated.

The same object arrives from `kiosk import-patrons` (JSON Lines), the HTTP sync API and the
fake central. Plaintext `cpr` and `pin` exist here only in memory on their way to a keyed hash;
they are excluded from repr() so a record in a traceback or log line never shows them.

Two validators, one meaning (issue 18). The records are msgspec Structs: a million of them
are decoded and checked in C in a few seconds (pydantic took 20 s, most of a full sync's fetch
time). The pydantic models below are the reference and the voice: a record msgspec refuses is
run through them, which either words the error exactly as before or, should msgspec be
stricter somewhere, accepts the record after all. msgspec is therefore never the only judge
of a refusal, and tests/sync/test_records_agree.py checks that it never accepts what the
pydantic models refuse, field for field. A snapshot page takes one more step (PageRecord,
patron_records): the fields whose rule is a regex or hook are checked a page at a time, and the
page takes the same reference path if any of them fails.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Final, Literal

import msgspec
from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from drivers.cardparse import normalise_card
from drivers.cpr import CPR_SHAPE, cpr_birth_date, has_birth_date
from sync.verifier import verifier_problem

CARD_STATUSES: Final = ("active", "lost")
"""Card statuses of API v1. A value outside this list makes the record unusable, not the page
(docs/central-api.md "Versions"): later versions may add statuses."""
_DATE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
# RFC 3339 date-time (the schema's `format: date-time`): the offset is required.
_TIME: Final = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$", re.ASCII)
_DEBT: Final = re.compile(r"^\d{1,10}(\.\d{1,2})?$", re.ASCII)
_PATRON_ID: Final = r"^[A-Za-z0-9_.:-]+$"
_PIN: Final = r"^\d{4,12}$"
_PIN_VERSION: Final = r"^[A-Za-z0-9_.:+-]{1,64}$"


class RecordError(ValueError):
    """A wire record failed validation; the message names the record and the field."""

    def __init__(self, where: str, field: str, problem: str) -> None:
        super().__init__(f"{where}: {field}: {problem}")
        self.where = where
        self.field = field
        self.problem = problem


# -- the records: msgspec Structs ------------------------------------------------------------

def _ascii(pattern: str) -> str:
    # Python's re (msgspec's) lets `$` match before a final newline and `\d` match any digit;
    # pydantic's regex does neither. Anchored at the very end and ASCII-only, msgspec is the
    # stricter of the two, never the more lenient.
    return pattern.replace(r"\d", "[0-9]").removesuffix("$") + r"\Z"


_Id = Annotated[str, msgspec.Meta(min_length=1, max_length=64, pattern=_ascii(_PATRON_ID))]
_Text8 = Annotated[str, msgspec.Meta(max_length=8)]
_Text16 = Annotated[str, msgspec.Meta(max_length=16)]
_Text64 = Annotated[str, msgspec.Meta(max_length=64)]
_Text200 = Annotated[str, msgspec.Meta(max_length=200)]
_Text512 = Annotated[str, msgspec.Meta(max_length=512)]


class CardRecord(msgspec.Struct, frozen=True, gc=False):
    # The pattern (msgspec searches, unanchored) is normalise_card's "at least one ASCII letter
    # or digit" checked in C: a __post_init__ calling it cost 10 % of a page's decoding.
    number: Annotated[str, msgspec.Meta(min_length=1, max_length=64, pattern="[A-Za-z0-9]")]
    status: Literal["active", "lost"] = "active"


class BlockRecord(msgspec.Struct, frozen=True, gc=False):
    since: date | None = None
    reason: _Text16 = ""
    """The central system's block code, e.g. FBS `F` (extended exclusion), `E` (debt)."""


class WireTime(datetime):
    """An RFC 3339 time with an offset, exactly as `_TIME` spells it (see `decode_hook`)."""


class WireDebt(Decimal):
    """A decimal string with at most two decimals, never a JSON number (see `decode_hook`)."""


class PatronRecord(msgspec.Struct, frozen=True, gc=False, repr_omit_defaults=True):
    patron_id: _Id
    name: _Text200 = ""
    birth_date: date | None = None
    cpr: Annotated[str, msgspec.Meta(pattern=_ascii(f"^{CPR_SHAPE}$"))] | None = None
    cards: Annotated[list[CardRecord], msgspec.Meta(max_length=32)] = msgspec.field(
        default_factory=list)
    pin: Annotated[str, msgspec.Meta(pattern=_ascii(_PIN))] | None = None
    pin_verifier: _Text512 | None = None
    pin_version: Annotated[str, msgspec.Meta(pattern=_ascii(_PIN_VERSION))] | None = None
    """Changes whenever the PIN changes (a counter, the time it was set): with it, a record
    whose PIN did not change keeps the kiosk's memory-hard verifier (docs/central-api.md)."""
    patron_group: _Text64 = ""
    blocked: BlockRecord | None = None
    debt_dkk: WireDebt = WireDebt("0")
    home_branch: _Text64 = ""
    municipality: _Text8 = ""
    self_service_opt_in: bool = False
    last_activity: date | None = None
    updated_at: WireTime | None = None
    deleted: bool = False

    SECRET: ClassVar[frozenset[str]] = frozenset({"cpr", "pin", "pin_verifier"})

    def __post_init__(self) -> None:
        # The checks pydantic's field validators make; a ValueError here is msgspec's
        # ValidationError, and the pydantic models then word it.
        if self.cpr is not None and not has_birth_date(self.cpr):
            raise ValueError("cpr: not a date")
        if self.pin_verifier is not None:
            if self.pin is not None:
                raise ValueError("pin_verifier: with pin")
            if verifier_problem(self.pin_verifier) is not None:
                raise ValueError("pin_verifier: unusable")

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__struct_fields__
                          if name not in self.SECRET)
        return f"PatronRecord({shown})"

    __str__ = __repr__


def decode_hook(kind: type, value: Any) -> Any:
    """msgspec's decoder for the two wire types whose JSON form is stricter than msgspec's."""
    if kind is WireTime:
        if isinstance(value, str) and _TIME.match(value):
            return WireTime.fromisoformat(value.upper())
        raise ValueError("expected an RFC 3339 time with an offset")
    if kind is WireDebt:
        if isinstance(value, str) and _DEBT.match(value):
            return WireDebt(value)
        raise ValueError("expected a decimal string")
    raise NotImplementedError(kind)


class PageRecord(msgspec.Struct, frozen=True, gc=False):
    """A PatronRecord as a page's decoder first reads it: the fields whose rule is a Python
    regex or hook come as plain text, checked a page at a time by patron_records. Per record
    and field, msgspec's call of each regex and hook cost more than decoding the whole record
    (8.5 µs a record instead of 1.1; bench/RESULTS.md, lever 30)."""

    patron_id: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    name: _Text200 = ""
    birth_date: date | None = None
    cpr: str | None = None
    cards: Annotated[list[CardRecord], msgspec.Meta(max_length=32)] = msgspec.field(
        default_factory=list)
    pin: str | None = None
    pin_verifier: _Text512 | None = None
    pin_version: str | None = None
    patron_group: _Text64 = ""
    blocked: BlockRecord | None = None
    debt_dkk: str = "0"
    home_branch: _Text64 = ""
    municipality: _Text8 = ""
    self_service_opt_in: bool = False
    last_activity: date | None = None
    updated_at: str | None = None
    deleted: bool = False

    def __repr__(self) -> str:
        return f"PageRecord(patron_id={self.patron_id!r})"  # its text fields may hold a CPR


_SEPARATOR: Final = "\x00"  # no rule below lets it through, so values cannot hide behind it


def _each(pattern: str) -> re.Pattern[str]:
    """`pattern` for every value of a list joined with _SEPARATOR, each value ended by one."""
    body = pattern.replace(r"\d", "[0-9]").removeprefix("^").removesuffix("$")
    return re.compile(f"(?:{body}{_SEPARATOR})*", re.ASCII)


_EACH_ID: Final = _each(_PATRON_ID)
_EACH_CPR: Final = _each(CPR_SHAPE)
_EACH_PIN: Final = _each(_PIN)
_EACH_PIN_VERSION: Final = _each(_PIN_VERSION)
_EACH_TIME: Final = _each(_TIME.pattern)
_EACH_DEBT: Final = _each(_DEBT.pattern)


def _all_match(each: re.Pattern[str], values: list[str]) -> bool:
    """Every value matches: one regex pass over them all instead of one call per value."""
    joined = _SEPARATOR.join(values) + _SEPARATOR
    # A value holding the separator would pass as two values: the count rules that out.
    return joined.count(_SEPARATOR) == len(values) and each.fullmatch(joined) is not None


def patron_records(page: list[PageRecord]) -> list[PatronRecord] | None:
    """The page's records as PatronRecords, each exactly as fast_record would make it; None
    if any record breaks a rule, and the caller then takes the reference path, which finds
    and words the problem (or, where msgspec is stricter, accepts the page after all).

    A deletion carries its patron_id only (CONTRACT.md): the rest of it is not checked."""
    live = [r for r in page if not r.deleted]
    if not (
        _all_match(_EACH_ID, [r.patron_id for r in page])
        and _all_match(_EACH_CPR, [r.cpr for r in live if r.cpr is not None])
        and _all_match(_EACH_PIN, [r.pin for r in live if r.pin is not None])
        and _all_match(_EACH_PIN_VERSION, [r.pin_version for r in live
                                           if r.pin_version is not None])
        and _all_match(_EACH_TIME, [r.updated_at for r in live if r.updated_at is not None])
        and _all_match(_EACH_DEBT, [r.debt_dkk for r in live])
    ):
        return None
    records = []
    try:
        for r in page:
            if r.deleted:
                records.append(PatronRecord(patron_id=r.patron_id, deleted=True))
                continue
            stamp = r.updated_at
            records.append(PatronRecord(  # __post_init__ makes the checks that are not regexes
                r.patron_id, r.name, r.birth_date, r.cpr, r.cards, r.pin, r.pin_verifier,
                r.pin_version, r.patron_group, r.blocked, WireDebt(r.debt_dkk), r.home_branch,
                r.municipality, r.self_service_opt_in, r.last_activity,
                None if stamp is None else WireTime.fromisoformat(stamp.upper()), False))
    except ValueError:
        return None
    return records


# -- the reference models: pydantic, the words of every refusal ------------------------------

def _text_like(pattern: re.Pattern[str], expected: str) -> BeforeValidator:
    """JSON strings only, in one exact form (pydantic alone would take numbers as timestamps)."""

    def check(value: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, str) or not pattern.match(value):
            raise ValueError(f"expected {expected}")
        return value

    return BeforeValidator(check)


PatronId = Annotated[str, Field(min_length=1, max_length=64, pattern=_PATRON_ID)]
WireDate = Annotated[date, _text_like(_DATE, "a date string YYYY-MM-DD")]
_WireTime = Annotated[AwareDatetime, _text_like(
    _TIME, "an RFC 3339 time with an offset, e.g. 2026-11-20T10:00:00Z")]
_WireDebt = Annotated[Decimal, _text_like(
    _DEBT, 'a decimal string with at most two decimals, e.g. "12.50"')]


class _Wire(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class CardModel(_Wire):
    number: str = Field(min_length=1, max_length=64)
    status: Literal["active", "lost"] = "active"

    @field_validator("number")
    @classmethod
    def _has_letters_or_digits(cls, value: str) -> str:
        if not normalise_card(value):
            raise ValueError("a card number needs at least one letter or digit")
        return value


class BlockModel(_Wire):
    since: WireDate | None = None
    reason: str = Field(default="", max_length=16)


class PatronModel(_Wire):
    """The reference validator of a patron record: its errors are the ones users read."""

    patron_id: PatronId
    name: str = Field(default="", max_length=200)
    birth_date: WireDate | None = None
    cpr: str | None = Field(default=None, pattern=f"^{CPR_SHAPE}$", repr=False)
    cards: list[CardModel] = Field(default_factory=list, max_length=32)
    pin: str | None = Field(default=None, pattern=_PIN, repr=False)
    pin_verifier: str | None = Field(default=None, max_length=512, repr=False)
    pin_version: str | None = Field(default=None, pattern=_PIN_VERSION)
    patron_group: str = Field(default="", max_length=64)
    blocked: BlockModel | None = None
    debt_dkk: _WireDebt = Decimal("0")
    home_branch: str = Field(default="", max_length=64)
    municipality: str = Field(default="", max_length=8)
    self_service_opt_in: StrictBool = False
    last_activity: WireDate | None = None
    updated_at: _WireTime | None = None
    deleted: StrictBool = False

    @field_validator("cpr")
    @classmethod
    def _cpr_is_a_date(cls, value: str | None) -> str | None:
        # The pattern lets through 3213851234; its date does not exist, so it is no CPR.
        if value is not None and cpr_birth_date(value) is None:
            raise ValueError("not a CPR number: its first six digits are no date (DDMMYY)")
        return value

    @field_validator("pin_verifier")
    @classmethod
    def _usable_verifier(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return None
        if info.data.get("pin") is not None:
            raise ValueError("send pin or pin_verifier, not both")
        problem = verifier_problem(value)
        if problem is not None:
            raise ValueError(problem)
        return value

    @model_validator(mode="before")
    @classmethod
    def _deletion_needs_only_id(cls, data: Any) -> Any:
        # CONTRACT.md: a record with "deleted": true and a patron_id removes that patron.
        if isinstance(data, dict) and data.get("deleted") is True:
            return {"patron_id": data.get("patron_id"), "deleted": True}
        return data

    def record(self) -> PatronRecord:
        """The same record as a PatronRecord (for what msgspec refused and this accepted)."""
        blocked, stamp = self.blocked, self.updated_at
        return PatronRecord(
            **{name: getattr(self, name) for name in PatronRecord.__struct_fields__
               if name not in ("cards", "blocked", "debt_dkk", "updated_at")},
            cards=[CardRecord(c.number, c.status) for c in self.cards],
            blocked=BlockRecord(blocked.since, blocked.reason) if blocked is not None else None,
            debt_dkk=WireDebt(self.debt_dkk),
            updated_at=WireTime.fromisoformat(stamp.isoformat()) if stamp is not None else None,
        )


def _deleted(obj: dict[str, Any]) -> bool:
    return obj.get("deleted") is True


def fast_record(obj: object) -> PatronRecord:
    """msgspec's verdict alone (msgspec.ValidationError when it refuses): the hot path."""
    if isinstance(obj, dict) and _deleted(obj):
        obj = {"patron_id": obj.get("patron_id"), "deleted": True}
    return msgspec.convert(obj, PatronRecord, dec_hook=decode_hook)


def parse_patron(obj: object, where: str) -> PatronRecord:
    """Validate one decoded JSON object; raise RecordError naming `where` and the field."""
    if not isinstance(obj, dict):
        raise RecordError(where, "(record)", f"expected a JSON object, got {type(obj).__name__}")
    try:
        return fast_record(obj)
    except msgspec.ValidationError:
        pass
    try:
        return PatronModel.model_validate(obj).record()
    except ValidationError as err:
        first = err.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(record)"
        raise RecordError(where, field, first["msg"].removeprefix("Value error, ")) from None


def parse_patron_line(line: str, where: str) -> PatronRecord:
    """One JSON Lines row -> PatronRecord (RecordError on bad JSON or a bad field)."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        problem = f"not valid JSON: {err.msg} at column {err.colno}"
        raise RecordError(where, "(json)", problem) from None
    return parse_patron(obj, where)
