"""Wire records of the central system (CONTRACT.md "Patron record"), parsed and validated.

The same object arrives from `kiosk import-patrons` (JSON Lines), the HTTP sync API and the
fake central. Plaintext `cpr` and `pin` exist here only in memory on their way to a keyed hash;
they are excluded from repr() so a record in a traceback or log line never shows them.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

PatronId = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]


class RecordError(ValueError):
    """A wire record failed validation; the message names the record and the field."""

    def __init__(self, where: str, field: str, problem: str) -> None:
        super().__init__(f"{where}: {field}: {problem}")
        self.where = where
        self.field = field
        self.problem = problem


class _Wire(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class CardRecord(_Wire):
    number: str = Field(min_length=1, max_length=64)
    status: Literal["active", "lost"] = "active"


class BlockRecord(_Wire):
    since: date | None = None
    reason: str = Field(default="", max_length=16)
    """The central system's block code, e.g. FBS `F` (extended exclusion), `E` (debt)."""


class PatronRecord(_Wire):
    patron_id: PatronId
    name: str = Field(default="", max_length=200)
    birth_date: date | None = None
    cpr: str | None = Field(default=None, pattern=r"^\d{6}-?\d{4}$", repr=False)
    cards: list[CardRecord] = Field(default_factory=list, max_length=32)
    pin: str | None = Field(default=None, pattern=r"^\d{4,12}$", repr=False)
    pin_verifier: str | None = Field(default=None, max_length=512, repr=False)
    patron_group: str = Field(default="", max_length=64)
    blocked: BlockRecord | None = None
    debt_dkk: Decimal = Field(default=Decimal("0"), ge=0, max_digits=12, decimal_places=2)
    home_branch: str = Field(default="", max_length=64)
    municipality: str = Field(default="", max_length=8)
    self_service_opt_in: bool = False
    last_activity: date | None = None
    updated_at: datetime | None = None
    deleted: bool = False

    @model_validator(mode="before")
    @classmethod
    def _deletion_needs_only_id(cls, data: Any) -> Any:
        # CONTRACT.md: a record with "deleted": true and a patron_id removes that patron.
        if isinstance(data, dict) and data.get("deleted") is True:
            return {"patron_id": data.get("patron_id"), "deleted": True}
        return data


def parse_patron(obj: object, where: str) -> PatronRecord:
    """Validate one decoded JSON object; raise RecordError naming `where` and the field."""
    if not isinstance(obj, dict):
        raise RecordError(where, "(record)", f"expected a JSON object, got {type(obj).__name__}")
    try:
        return PatronRecord.model_validate(obj)
    except ValidationError as err:
        first = err.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(record)"
        raise RecordError(where, field, first["msg"]) from None


def parse_patron_line(line: str, where: str) -> PatronRecord:
    """One JSON Lines row -> PatronRecord (RecordError on bad JSON or a bad field)."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        problem = f"not valid JSON: {err.msg} at column {err.colno}"
        raise RecordError(where, "(json)", problem) from None
    return parse_patron(obj, where)
