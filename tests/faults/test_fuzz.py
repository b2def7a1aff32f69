"""Property-based fuzzing of every parser of outside input (reliability.md #11, #18): the card
parser, the config loader (dicts and TOML text), the sync record validator and the SIP2 decoder.
Nothing but the typed error escapes, and no CPR-shaped number from the input reaches a log line
(or, for records and SIP2, the error text that may be logged)."""

from __future__ import annotations

import logging
import re
import string
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from drivers.cardparse import compile_patterns, parse_card
from drivers.types import CardKind
from kiosk.config import ConfigError, load, load_data
from sync.records import RecordError, parse_patron
from sync.sip2.codec import decode
from sync.sip2.errors import Sip2DecodeError

FUZZ = settings(max_examples=300, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
TEN_DIGITS = re.compile(r"(?<!\d)\d{6}-?\d{4}(?!\d)")

# CPR-shaped numbers with real dates, so the parsers take them for CPRs where they can.
cprs = st.builds(lambda d, m, y, s: f"{d:02d}{m:02d}{y:02d}{s:04d}",
                 st.integers(1, 28), st.integers(1, 12), st.integers(0, 99),
                 st.integers(0, 9999))
noise = st.text(alphabet=st.characters(codec="utf-8"), max_size=80)
reader_text = st.one_of(
    noise,
    cprs,
    st.builds(lambda a, c, b: a + c + b, noise, cprs, noise),
    st.builds(lambda c: f"%A{c}^X?;1234567{c}=1?", cprs),  # half tracks, wrong sentinels
    st.text(alphabet="\r\n\x02\x03;%=?^" + string.digits, max_size=600),
)


def cprs_in(value: object) -> set[str]:
    # Digit runs of the input itself, not of its repr: repr(b"\x0000000000") shows ten zeros
    # that no reader ever sent (a NUL followed by eight digits).
    if isinstance(value, bytes):
        text = value.decode("latin-1")  # one char per byte: digit runs stay exactly as sent
    elif isinstance(value, str):
        text = value
    else:
        text = repr(value)
    return {m.group().replace("-", "") for m in TEN_DIGITS.finditer(text)}


def assert_not_logged(caplog: pytest.LogCaptureFixture, value: object, *texts: str) -> None:
    logged = caplog.text + "".join(texts)
    for cpr in cprs_in(value):
        assert cpr not in logged.replace("-", ""), "a CPR from the input was logged unmasked"


@FUZZ
@given(raw=reader_text)
def test_card_parser_never_raises_and_never_logs_a_cpr(
    caplog: pytest.LogCaptureFixture, raw: str
) -> None:
    caplog.clear()
    with caplog.at_level(logging.DEBUG):
        read = parse_card(raw, "door", compile_patterns([r"33\d{8}"]))
    assert read.kind in set(CardKind)
    assert read.kind is CardKind.UNKNOWN or len(raw) <= 512
    for cpr in cprs_in(raw):
        assert cpr not in read.masked
    assert_not_logged(caplog, raw)


SECTIONS = ["kiosk", "relay", "access", "calendar", "central", "retention", "database",
            "secrets", "readers", "inputs"]
KEYS = ["mode", "language", "data_dir", "driver", "port", "channel", "pulse_seconds", "min_age",
        "max_debt_dkk", "pin_length", "stale_policy", "max_cache_age", "url", "kind",
        "entry_log_days", "timezone", "weekly", "technician_cards", "cpr"]
leaves = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), cprs, noise,
                   st.floats(allow_nan=True), st.lists(st.one_of(cprs, noise), max_size=3))
values = st.recursive(leaves, lambda inner: st.dictionaries(
    st.one_of(st.sampled_from(KEYS), noise), inner, max_size=4), max_leaves=12)
configs = st.dictionaries(st.one_of(st.sampled_from(SECTIONS), noise), values, max_size=5)


@FUZZ
@given(raw=configs)
@example(raw={"central": {"max_cache_age": 86400000000000.0}})  # once an OverflowError
@example(raw={"central": {"max_cache_age": float("inf")}})
def test_config_loader_raises_only_config_error(
    caplog: pytest.LogCaptureFixture, raw: dict[str, Any]
) -> None:
    caplog.clear()
    with caplog.at_level(logging.DEBUG), tempfile.TemporaryDirectory() as tmp:
        try:
            load_data(raw, Path(tmp) / "config.toml")
        except ConfigError as err:
            lines = err.lines
        else:
            lines = ["accepted"]
    assert lines
    assert_not_logged(caplog, raw)


toml_text = st.one_of(
    noise,
    st.builds(lambda s, k, v: f"[{s}]\n{k} = {v}\n", st.sampled_from(SECTIONS),
              st.sampled_from(KEYS), st.one_of(noise, cprs, st.sampled_from(
                  ['"x"', "1", "true", "[1,2]", '"24h"', "{a=1}", "1979-05-27", "nan"]))),
)


@FUZZ
@given(text=toml_text)
def test_config_file_raises_only_config_error(
    caplog: pytest.LogCaptureFixture, text: str
) -> None:
    caplog.clear()
    with caplog.at_level(logging.DEBUG), tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "config.toml"
        path.write_text(text, encoding="utf-8")
        try:
            load(path)
        except ConfigError as err:
            lines = err.lines
        else:
            lines = ["accepted"]
    assert lines
    assert_not_logged(caplog, text)


record_values = st.one_of(leaves, st.dictionaries(noise, leaves, max_size=3))
FIELDS = ["patron_id", "name", "birth_date", "cpr", "cards", "pin", "pin_verifier",
          "patron_group", "blocked", "debt_dkk", "home_branch", "municipality",
          "self_service_opt_in", "last_activity", "updated_at", "deleted"]
records = st.one_of(
    record_values,
    st.dictionaries(st.sampled_from(FIELDS), st.one_of(
        record_values, st.lists(st.dictionaries(st.sampled_from(["number", "status"]),
                                                st.one_of(cprs, noise)), max_size=3)),
        max_size=10),
)


@FUZZ
@given(obj=records)
def test_record_validator_raises_only_record_error(
    caplog: pytest.LogCaptureFixture, obj: object
) -> None:
    caplog.clear()
    message = ""
    with caplog.at_level(logging.DEBUG):
        try:
            parse_patron(obj, "page 1 record 0")
        except RecordError as err:
            message = str(err)
    assert_not_logged(caplog, obj, message)


sip2_bytes = st.one_of(
    st.binary(max_size=300),
    st.builds(lambda cmd, body, c: (cmd + body + f"|AA{c}|AY1AZ").encode(),
              st.sampled_from(["98", "94", "64", "24", "12", "18", "36", "10", "96", "XX"]),
              st.text(alphabet=string.printable, max_size=60), cprs),
    st.builds(lambda c, tail: f"24              00120261121    120000AO|AA{c}|AE{tail}|"
              .encode(), cprs, noise),
)


@FUZZ
@given(raw=sip2_bytes)
@example(raw=b"98\x000000000000")  # CI found it: ten digits in a known command's head, NUL
@example(raw=b"35" + b"\x01" * 18 + b"0900000000")  # a field piece that reads as command 09
@example(raw=b"\x0000000000")  # NUL + 8 digits: its repr shows ten, the input has none
def test_sip2_decoder_raises_only_its_decode_error(
    caplog: pytest.LogCaptureFixture, raw: bytes
) -> None:
    caplog.clear()
    message = ""
    with caplog.at_level(logging.DEBUG):
        try:
            decode(raw)
        except Sip2DecodeError as err:
            message = str(err)
    assert_not_logged(caplog, raw.decode("utf-8", errors="replace"), message)
