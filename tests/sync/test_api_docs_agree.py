"""docs/central-api.md, docs/openapi.yaml and the code say the same (issue 14): verifier format
and limits with a worked example that verifies, error codes per status, event payloads, the
sections the spec points to, and the doc's answers to a vendor's questions."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from argon2.low_level import Type, hash_secret

from kiosk.privacy.keyed_hash import KeyedHasher
from sync.fakes.events import PAYLOAD_FIELDS
from sync.fakes.http import ERROR_CODES
from sync.http_client import SNAPSHOT_PAGE_LIMIT
from sync.records import parse_patron
from sync.verifier import LIMITS, PHC_PATTERN, verifier_problem

DOCS = Path(__file__).resolve().parents[2] / "docs"
GUIDE = (DOCS / "central-api.md").read_text(encoding="utf-8")
SPEC: dict[str, Any] = yaml.safe_load((DOCS / "openapi.yaml").read_text(encoding="utf-8"))
EXAMPLE = ("$argon2id$v=19$m=19456,t=2,p=1$a2lvc2stZGVtby1zYWx0IQ"
           "$y+vbj8EPspIkNeUWWHaac/8sxMkHGdgPPTkmr94aW8A")


def _section(title: str) -> str:
    start = GUIDE.index(f"\n## {title}\n") if f"\n## {title}\n" in GUIDE else GUIDE.index(
        f"\n### {title}\n")
    rest = GUIDE[start + 4:]
    end = re.search(r"\n##+ ", rest)
    return rest[: end.start()] if end else rest


def test_the_worked_verifier_example_is_what_argon2_computes_and_the_kiosk_admits() -> None:
    computed = hash_secret(b"1234", b"kiosk-demo-salt!", time_cost=2, memory_cost=19456,
                           parallelism=1, hash_len=32, type=Type.ID).decode()
    assert computed == EXAMPLE
    assert EXAMPLE in _section("PIN verifiers")
    assert SPEC["components"]["examples"]["VerifierExample"]["value"]["pin_verifier"] == EXAMPLE
    record = parse_patron(SPEC["components"]["examples"]["VerifierExample"]["value"], "example")
    hasher = KeyedHasher(bytes(32))
    stored = hasher.wrap_upstream(record.pin_verifier or "")
    assert hasher.verify(stored, record.patron_id, "1234")
    assert not hasher.verify(stored, record.patron_id, "1235")


def test_the_published_argon2_limits_are_the_kiosks() -> None:
    table = _section("PIN verifiers")
    rows = {
        "`m` (memory, KiB)": LIMITS.memory_kib, "`t` (passes)": LIMITS.time_cost,
        "`p` (lanes)": LIMITS.parallelism, "`m × t`": LIMITS.cost, "salt": LIMITS.salt_bytes,
        "hash": LIMITS.hash_bytes,
    }
    for name, (low, high) in rows.items():
        assert f"| {name} | {low}–{high}" in table, name
    spec_text = SPEC["components"]["schemas"]["PatronRecord"]["properties"]["pin_verifier"][
        "description"]
    for low, high in rows.values():
        assert f"{low}..{high}" in spec_text.replace("\n", " ") or (low, high) in (
            LIMITS.salt_bytes, LIMITS.hash_bytes)


def test_the_spec_pattern_is_the_kiosks_and_the_limits_bite_at_their_edges() -> None:
    assert SPEC["components"]["schemas"]["PatronRecord"]["properties"]["pin_verifier"][
        "pattern"] == PHC_PATTERN
    low_m, high_m = LIMITS.memory_kib
    assert verifier_problem(EXAMPLE) is None
    assert verifier_problem(EXAMPLE.replace("m=19456,t=2", f"m={high_m},t=2")) is None
    assert verifier_problem(EXAMPLE.replace("m=19456,t=2", f"m={high_m},t=3"))  # m×t too big
    assert verifier_problem(EXAMPLE.replace("m=19456", f"m={low_m - 1}"))
    assert verifier_problem(EXAMPLE.replace("$argon2id$", "$argon2i$"))


def _spec_codes() -> dict[int, set[str]]:
    codes: dict[int, set[str]] = {}
    for path in SPEC["paths"].values():
        for op in (v for k, v in path.items() if k != "parameters"):
            for status, ref in op["responses"].items():
                if status.startswith("2"):
                    continue
                name = ref["$ref"].rsplit("/", 1)[1]
                schema = SPEC["components"]["responses"][name]["content"]["application/json"][
                    "schema"]
                codes.setdefault(int(status), set()).update(schema["allOf"][1]["properties"][
                    "error"]["enum"])
    return codes


def test_the_error_table_lists_the_specs_codes_and_the_fakes() -> None:
    table = _section("Errors")
    spec_codes = _spec_codes()
    for status, codes in spec_codes.items():
        row = next(line for line in table.splitlines() if line.startswith(f"| {status} |"))
        assert set(re.findall(r"`([a-z_]+)`", row.split("|")[2])) == codes, status
    for status, code in ERROR_CODES.items():
        assert code in spec_codes[status]


def test_event_payloads_are_documented_as_the_fake_checks_them() -> None:
    table = _section("Event payloads")
    schemas = SPEC["components"]["schemas"]
    for kind, fields in PAYLOAD_FIELDS.items():
        row = next(line for line in table.splitlines() if line.startswith(f"| `{kind}` |"))
        assert set(re.findall(r"\*\*`([a-z_]+)`\*\*", row)) == set(fields), kind
        ref = next(r["$ref"] for r in schemas["EventItem"]["oneOf"]
                   if schemas[r["$ref"].rsplit("/", 1)[1]]["allOf"][1]["properties"]["kind"][
                       "const"] == kind)
        payload = schemas[ref.rsplit("/", 1)[1]]["allOf"][1]["properties"]["payload"]
        payload = schemas[payload["$ref"].rsplit("/", 1)[1]] if "$ref" in payload else payload
        assert set(payload["required"]) == set(fields), kind


def test_every_section_the_spec_names_exists() -> None:
    named = set(re.findall(r'central-api\.md "([^"]+)"', yaml.safe_dump(SPEC, width=1000)))
    assert named
    headings = set(re.findall(r"^#+ (.+)$", GUIDE, flags=re.M))
    for title in named:
        assert any(h == title or h.startswith(f"{title}:") or h.startswith(f"`{title}")
                   for h in headings), title


@pytest.mark.parametrize(("question", "section", "needle"), [
    ("versioning and deprecation", "Versions", "Sunset"),
    ("request rates for a fleet", "Rates", f"K × (96 + P/{SNAPSHOT_PAGE_LIMIT})"),
    ("page size bounds", "Sizes and time limits", "1–5000 records"),
    ("latency bounds", "Sizes and time limits", "10 s for the first byte"),
    ("page-token lifetime", "Sizes and time limits", "at least 1 hour"),
    ("gzip", "Conventions", "Content-Encoding: gzip"),
    ("verifier format", "PIN verifiers", "$argon2id$v=19$m=<memory KiB>"),
    ("time zones of dates", "Conventions", "calendar date in Denmark"),
    ("today in the age rule", "The age rule and time zones", "local date in\nEurope/Copenhagen"),
    ("404/405/415 codes", "Errors", "`method_not_allowed`"),
    ("card normalisation", "Card numbers", "upper-casing"),
    ("card uniqueness", "Card numbers", "One card belongs\nto one patron"),
    ("scope per branch or token", "Tokens and scope", "Scope is the token's"),
    ("token rotation", "Tokens and scope", "**Rotation.**"),
    ("inactive patrons", "Patron records", "does not keep a record whose `last_activity`"),
    ("null birth date", "Patron records", "null with no `cpr`: the age rule is skipped"),
    ("no PIN", "Patron records", "`cannot_verify`"),
    ("Retry-After on 503", "Rates", "On **429 and 503 alike**"),
])
def test_the_guide_answers_the_vendors_questions(question: str, section: str, needle: str) -> None:
    assert needle in _section(section), question
