"""Codec: A.2 checksum vectors, strict encoding, lenient decoding, masking, garbage."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sync.sip2.codec import LAYOUTS, Message, checksum, decode, encode, mask, verify
from sync.sip2.errors import Sip2ChecksumError, Sip2DecodeError, Sip2EncodeError

ISABELLE = (
    b"1804020120110630    110249AB30007008637257|AJVie d'Isabelle Eberhardt |CK001|AQOSUL|"
    b"APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP   EAU|AY6AZ"
)
SPEC_LOGIN = b"9300CNLoginUserID|COLoginPassword|CPLocationCode|AY5AZ"
SPEC_PATRON_STATUS = b"2300119960212    100239AOid_21|104000000105|AC|AD|AY2AZ"


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        (b"990 402.00AY1AZ", "FCB4"),
        (b"941AY0AZ", "FDFD"),
        (b"97AZ", "FEF5"),
        (b"96AZ", "FEF6"),
        (ISABELLE, "DB4E"),
        (SPEC_LOGIN, "EC7B"),
    ],
    ids=["99", "94", "97", "96", "18-isabelle", "93-spec-login"],
)
def test_checksum_vectors(prefix: bytes, expected: str) -> None:
    assert checksum(prefix) == expected
    assert verify(prefix, expected)
    assert verify(prefix, expected.lower())


@pytest.mark.parametrize(
    ("prefix", "copied_wrong"),
    [(SPEC_LOGIN, "EC78"), (SPEC_PATRON_STATUS, "F400")],
    ids=["login-EC78", "patron-status-F400"],
)
def test_often_copied_wrong_checksums_are_not_ours(prefix: bytes, copied_wrong: str) -> None:
    assert checksum(prefix) != copied_wrong
    assert not verify(prefix, copied_wrong)


def test_checksum_is_zero_padded() -> None:
    # sum ≡ 0xFF10 → checksum 0x00F0 must be written as four digits
    prefix = bytes([0xFF] * 256) + b"\x10"
    assert checksum(prefix) == "00F0"
    assert verify(prefix, "F0")  # lenient: an ACS that forgot the padding still verifies


def test_encode_appends_sequence_checksum_and_cr() -> None:
    data = encode(Message("94", ("1",)), 0)
    assert data == b"941AY0AZFDFD\r"
    assert encode(Message("97"), None) == b"97AZFEF5\r"
    assert encode(Message("96"), None) == b"96AZFEF6\r"
    assert encode(Message("94", ("1",)), 0, error_detection=False) == b"941\r"


@pytest.mark.parametrize(
    "msg",
    [
        Message("94", ("11",)),  # wrong width
        Message("94", ()),  # missing fixed field
        Message("42", ()),  # unknown command
        Message("17", (" " * 18,), (("AB", "a|b"),)),  # pipe in a value
        Message("17", (" " * 18,), (("AB", "a\rb"),)),  # CR in a value
        Message("17", (" " * 18,), (("ab", "x"),)),  # lower-case field id
        Message("17", (" " * 18,), (("AB", "x" * 256),)),  # longer than 255
        Message("99", ("0", "08|", "2.00")),  # pipe in a fixed field
    ],
    ids=["width", "count", "command", "pipe", "cr", "field-id", "too-long", "fixed-pipe"],
)
def test_encode_is_strict(msg: Message) -> None:
    with pytest.raises(Sip2EncodeError):
        encode(msg, 1)


def test_encode_can_escape_pipes_and_rejects_unencodable_text() -> None:
    msg = Message("17", (" " * 18,), (("AJ", "A|B"),))
    assert b"AJA&#124;B|" in encode(msg, 1, escape_pipes=True)
    with pytest.raises(Sip2EncodeError):
        encode(Message("17", (" " * 18,), (("AJ", "€"),)), 1, "cp850")
    with pytest.raises(Sip2EncodeError):
        encode(Message("94", ("1",)), 10)


def test_decode_tolerates_crlf_leading_lf_and_lower_case_checksum() -> None:
    assert decode(b"\n941AY0AZFDFD\r\n") == Message("94", ("1",), (), 0)
    assert decode(b"941AY0AZfdfd\r") == Message("94", ("1",), (), 0)
    assert decode(b"941") == Message("94", ("1",))  # no error detection at all


def test_decode_unescapes_pipes_and_glues_stray_pipes() -> None:
    msg = decode(b"1803000120261123    143000AB123|AJTom &#124; Jerry|AQx|")
    assert msg.get("AJ") == "Tom | Jerry"
    stray = decode(b"1803000120261123    143000AB123|AJTom | Jerry|AQx|")
    assert stray.get("AJ") == "Tom | Jerry"
    assert stray.get("AQ") == "x"


def test_decode_keeps_missing_unknown_and_vendor_fields() -> None:
    raw = b"24              00020261123    143000AODK|AA123|BLN|ZZvendor|PB19900517|AFa|AFb|"
    msg = decode(raw)
    assert not msg.has("AE")  # "required" but Evergreen leaves it out for unknown patrons
    assert msg.get("AE") == ""
    assert msg.get("ZZ") == "vendor"
    assert msg.values("AF") == ("a", "b")
    assert msg.flag("BL") is False
    assert msg.flag("CQ") is None


def test_decode_normalises_to_nfc_in_any_configured_encoding() -> None:
    nfd = "Mo\u0308ller"  # Evergreen sends NFD
    raw = f"24              00020261123    143000AODK|AA1|AE{nfd}|".encode()
    assert decode(raw).get("AE") == "M\u00f6ller"
    cp850 = "24              00020261123    143000AODK|AA1|AEDorte Møller|".encode("cp850")
    assert decode(cp850, "cp850").get("AE") == "Dorte Møller"


def test_decode_checks_the_checksum() -> None:
    with pytest.raises(Sip2ChecksumError):
        decode(b"941AY0AZFDFE\r")
    assert decode(b"941AY0AZFDFE\r", verify_checksum=False).fixed == ("1",)


@pytest.mark.parametrize(
    "raw",
    [b"", b"\r\n", b"XX", b"4", b"42abc", b"64short", b"94\x001", b"94\r1",
     b"1720261123    143000garbage"],
    ids=["empty", "crlf", "letters", "one-char", "unknown", "short", "nul", "inner-cr",
         "no-field-id"],
)
def test_garbage_raises_decode_error(raw: bytes) -> None:
    with pytest.raises(Sip2DecodeError):
        decode(raw)


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=300))
def test_decode_never_raises_anything_else(raw: bytes) -> None:
    with contextlib.suppress(Sip2DecodeError):
        decode(raw)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(LAYOUTS)), st.binary(max_size=120))
def test_decode_of_plausible_prefixes_never_raises_anything_else(cmd: str, tail: bytes) -> None:
    for encoding in ("utf-8", "cp850"):
        with contextlib.suppress(Sip2DecodeError):
            decode(cmd.encode() + tail, encoding)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_mask_never_raises(text: str) -> None:
    assert isinstance(mask(text), str)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9300CNkiosk|COsecret|CPsolrod|AY0AZF36B", "9300CNkiosk|CO****|CPsolrod|AY0AZF36B"),
        ("2300020261123    143000AODK|AA1705901234|AC|AD4711|AY2AZ0000",
         "2300020261123    143000AODK|AA170590-****|AC|AD****|AY2AZ0000"),
        ("2300020261123    143000AODK|AA170590-1234|AC|AD|",
         "2300020261123    143000AODK|AA170590-****|AC|AD|"),
        ("1720261123    143000AODK|AB33000012345678|",
         "1720261123    143000AODK|AB33000012345678|"),
        ("24              00020261123    143000AODK|AA1|AFCPR 1705901234 ukendt|",
         "24              00020261123    143000AODK|AA*|AFCPR 170590-**** ukendt|"),
        ("2300020261123    143000AODK|AA33000000001234|AD|AY2AZ0000",
         "2300020261123    143000AODK|AA**********1234|AD|AY2AZ0000"),
        ("xxAD4711|CO9|1705901234", "xxAD****|CO****|170590-****"),
    ],
    ids=["login", "cpr-and-pin", "hyphen-cpr", "long-barcode", "cpr-in-message", "card-number",
         "unparsable"],
)
def test_mask(text: str, expected: str) -> None:
    assert mask(text) == expected
