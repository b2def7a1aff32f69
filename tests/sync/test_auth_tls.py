"""Bearer token from a file, 401/403 as AuthError, TLS failures as TlsError."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from central_kit import POPULATION, SEED, TODAY, FakeControl, MakeClient

from sync.client import AuthError, TlsError, TokenFileError
from sync.fakes.central import FakeCentral
from sync.http_client import HttpCentralClient

TOKEN = "s3cret-token-for-tests"


@pytest.fixture
def locked() -> Iterator[FakeCentral]:
    fake = FakeCentral(POPULATION, seed=SEED, token=TOKEN, today=TODAY)
    with fake.serve("127.0.0.1", 0):
        yield fake


def token_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "central.token"
    path.write_text(text, encoding="utf-8")
    return path


def test_token_from_file_with_whitespace_is_accepted(
    make_client: MakeClient, locked: FakeCentral, tmp_path: Path
) -> None:
    client = make_client(base_url=locked.url, token_file=token_file(tmp_path, f"  {TOKEN}\n\n"))

    assert len(client.fetch_page(None, None).records) == 20


def test_no_token_is_an_auth_error(make_client: MakeClient, locked: FakeCentral) -> None:
    client = make_client(base_url=locked.url)

    with pytest.raises(AuthError, match=r"HTTP 401 \(token missing or wrong\)") as caught:
        client.fetch_page(None, None)
    assert caught.value.status == 401


def test_wrong_token_is_an_auth_error_without_echoing_it(
    make_client: MakeClient, locked: FakeCentral, tmp_path: Path
) -> None:
    client = make_client(base_url=locked.url, token_file=token_file(tmp_path, "wrong-token"))

    with pytest.raises(AuthError, match="invalid_token") as caught:
        client.fetch_page(None, None)
    assert "wrong-token" not in str(caught.value)


def test_forbidden_is_an_auth_error(client: HttpCentralClient, ctl: FakeControl) -> None:
    ctl.fault("403")

    with pytest.raises(AuthError, match=r"HTTP 403 \(token not allowed here\)"):
        client.fetch_page(None, None)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "does not exist"),
        ("", "is empty"),
        ("   \n", "is empty"),
        ("two words", "characters not allowed"),
        (b"\xff\xfe", "not readable"),
    ],
    ids=["missing", "empty", "blank", "space-inside", "not-utf8"],
)
def test_bad_token_file_is_a_clear_error(
    tmp_path: Path, content: str | bytes | None, message: str
) -> None:
    path = tmp_path / "central.token"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")

    with pytest.raises(TokenFileError, match=message) as caught:
        HttpCentralClient("http://127.0.0.1:1", token_file=path)
    assert str(path) in str(caught.value)
    assert isinstance(caught.value, AuthError)


def test_missing_ca_file_is_a_tls_error(tmp_path: Path) -> None:
    with pytest.raises(TlsError, match=r"CA file .*missing\.pem does not exist"):
        HttpCentralClient("https://127.0.0.1:1", ca_file=tmp_path / "missing.pem")


def test_tls_to_a_plain_http_server_is_a_tls_error(
    make_client: MakeClient, central: FakeCentral
) -> None:
    client = make_client(base_url=central.url.replace("http://", "https://"), retries=3)

    with pytest.raises(TlsError, match=r"TLS with https://127\.0\.0\.1"):
        client.fetch_page(None, None)


def test_token_over_plain_http_to_another_host_is_warned(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("WARNING", logger="sync.http_client"):
        HttpCentralClient("http://central.example", token_file=token_file(tmp_path, TOKEN))

    assert "not https" in caplog.text
    assert TOKEN not in caplog.text
