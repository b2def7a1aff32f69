"""PageBody.next_page reads a page's token without decoding its records (sync/api_wire.py):
the token decoded() gives, or None when the page gives none or cannot be read, so the next
snapshot worker is never sent a token the page does not validly give."""

from __future__ import annotations

import json

import pytest

from sync.api_wire import PageBody
from sync.client import CentralError

RECORD = {"patron_id": "1000001", "name": "Ada", "pin": "1234", "pin_version": "v1"}


def _page(**fields: object) -> bytes:
    return json.dumps({"records": [RECORD], "cursor": "9", **fields}).encode()


@pytest.mark.parametrize("token", ["abc.s.0.0.5000", None])
def test_the_token_is_the_one_the_decoded_page_gives(token: str | None) -> None:
    body = PageBody(_page(next_page=token), "application/json; charset=utf-8", 3)
    assert body.next_page() == token == body.decoded().next_page


@pytest.mark.parametrize(("raw", "content_type"), [
    (_page(next_page=""), "application/json"),  # empty: not a token
    (_page(next_page=7), "application/json"),  # not a string
    (_page(), "application/json"),  # absent
    (b'{"records": [], "next_page": "abc"', "application/json"),  # cut short
    (b"<html><body>Bad gateway</body></html>", "text/html"),
    (_page(next_page="abc"), "text/html"),  # a token, but not in a JSON answer
    (b'[{"next_page": "abc"}]', "application/json"),
], ids=["empty", "number", "absent", "cut-short", "html", "not-json-type", "array"])
def test_a_page_that_gives_no_valid_token_gives_none_and_decoded_says_why(
    raw: bytes, content_type: str,
) -> None:
    body = PageBody(raw, content_type, 3)
    assert body.next_page() is None
    with pytest.raises(CentralError, match="page 3"):
        body.decoded()


def test_its_text_never_shows_the_body() -> None:
    """The body carries plaintext CPR and PIN: a PageBody in an error or a log line must not."""
    body = PageBody(_page(next_page=None), "application/json", 3)
    assert "1234" not in repr(body)
    assert "Ada" not in str(body)
