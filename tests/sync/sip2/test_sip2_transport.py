"""Framing by CR (CRLF tolerated) and the client over TLS against the fake ACS."""

from __future__ import annotations

import shutil
import ssl
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sip2_support import NOW, make_client

from sync.sip2.errors import Sip2LinkError
from sync.sip2.fakes import library_data as lib
from sync.sip2.fakes.acs import FakeAcs
from sync.sip2.transport import CrFramer, FrameTooLong


def test_framer_splits_on_cr_and_drops_the_lf_of_crlf() -> None:
    framer = CrFramer()
    assert framer.feed(b"941AY0AZ") == []
    assert framer.feed(b"FDFD\r\n98Y") == [b"941AY0AZFDFD"]
    assert framer.feed(b"\r\r") == [b"98Y"]  # empty frames are skipped


@given(st.lists(st.binary(min_size=1, max_size=40).map(lambda b: b.replace(b"\r", b"")
                                                       .lstrip(b"\n")).filter(bool),
                max_size=8),
       st.integers(min_value=1, max_value=7), st.booleans())
def test_framer_finds_the_same_frames_however_the_bytes_arrive(
    frames: list[bytes], chunk: int, crlf: bool
) -> None:
    stream = b"".join(f + (b"\r\n" if crlf else b"\r") for f in frames)
    framer = CrFramer()
    found: list[bytes] = []
    for start in range(0, len(stream), chunk):
        found += framer.feed(stream[start : start + chunk])
    assert found == frames


def test_framer_refuses_endless_input() -> None:
    with pytest.raises(FrameTooLong):
        CrFramer(max_bytes=10).feed(b"x" * 11)


@pytest.fixture
def tls_files(tmp_path: Path) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl CLI not available to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=acs",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )
    return cert, key


def test_client_speaks_tls_with_a_custom_ca(tls_files: tuple[Path, Path]) -> None:
    cert, key = tls_files
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_cert_chain(cert, key)
    with FakeAcs(now=lambda: NOW, ssl_context=server) as fake:
        with make_client(fake, use_tls=True, ca_file=str(cert)) as sip2:
            assert sip2.item_information(lib.AVAILABLE).title == "Kaffe og kager"
        untrusting = make_client(fake, use_tls=True, retries=0)  # system CAs only
        with untrusting, pytest.raises(Sip2LinkError):
            untrusting.sc_status()
        assert fake.errors == []
