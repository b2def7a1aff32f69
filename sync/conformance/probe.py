"""HTTP for the conformance checks: one session, the token, and assertions that say in one line
what the central did instead of what docs/central-api.md asks."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

import requests

TIMEOUT: Final = (3.05, 30)


class CheckFailed(AssertionError):
    """A check's rule does not hold; str() is the one-line reason."""


class Probe:
    """Requests to the central under test; `auth=False` or `token=` to send other credentials."""

    def __init__(self, url: str, token: str, ca_file: Path | None = None) -> None:
        self.url = url.rstrip("/")
        self.token = token
        self.session = requests.Session()
        if ca_file is not None:
            self.session.verify = str(ca_file)

    def close(self) -> None:
        self.session.close()

    def call(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        json: Any = None,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
        token: str | None = None,
        auth: bool = True,
    ) -> requests.Response:
        sent = {"Accept": "application/json", **(headers or {})}
        if auth:
            sent["Authorization"] = f"Bearer {token if token is not None else self.token}"
        try:
            return self.session.request(method, self.url + path, params=params, json=json,
                                        data=data, headers=sent, timeout=TIMEOUT)
        except requests.RequestException as err:
            raise CheckFailed(f"{method} {path}: no answer ({type(err).__name__})") from None

    def page(self, **params: Any) -> dict[str, Any]:
        """One GET /v1/patrons page that must be a 200 with the documented shape."""
        resp = self.call("GET", "/v1/patrons", params=params)
        expect_status(resp, 200)
        body = json_body(resp)
        records, cursor = body.get("records"), body.get("cursor")
        if not isinstance(records, list):
            raise CheckFailed("a page has no 'records' list")
        if not isinstance(cursor, str) or not cursor:
            raise CheckFailed("a page has no non-empty 'cursor' (every page carries one)")
        next_page = body.get("next_page", "absent")
        if next_page is not None and (not isinstance(next_page, str) or not next_page):
            raise CheckFailed("'next_page' must be a non-empty string or null")
        page: dict[str, Any] = body
        return page

    def pages(self, **params: Any) -> list[dict[str, Any]]:
        """Every page of one snapshot or delta."""
        out = [self.page(**params)]
        while out[-1]["next_page"] is not None:
            out.append(self.page(**params, page_token=out[-1]["next_page"]))
        return out


def json_body(resp: requests.Response) -> Any:
    ctype = resp.headers.get("Content-Type", "").split(";", 1)[0].strip()
    if ctype != "application/json":
        raise CheckFailed(f"HTTP {resp.status_code} answered as {ctype or 'no type'}, not JSON")
    try:
        return resp.json()
    except ValueError:
        raise CheckFailed(f"HTTP {resp.status_code}: the body is not valid JSON") from None


def expect_status(resp: requests.Response, status: int) -> None:
    if resp.status_code != status:
        raise CheckFailed(f"{resp.request.method} {_path(resp)}: HTTP {resp.status_code}, "
                          f"expected {status}")
    if resp.headers.get("Cache-Control") != "no-store":
        got = resp.headers.get("Cache-Control", "none")
        raise CheckFailed(f"{resp.request.method} {_path(resp)}: Cache-Control {got!r}, "
                          "expected 'no-store'")


def expect_error(resp: requests.Response, status: int, code: str) -> dict[str, Any]:
    """A documented error: the status, no-store, and the body {"error": code, "message"}."""
    expect_status(resp, status)
    body = json_body(resp)
    if not isinstance(body, dict) or body.get("error") != code:
        got = body.get("error") if isinstance(body, dict) else type(body).__name__
        raise CheckFailed(f"{resp.request.method} {_path(resp)}: error {got!r}, expected {code!r}")
    if not isinstance(body.get("message"), str):
        raise CheckFailed(f"{resp.request.method} {_path(resp)}: error body without 'message'")
    return body


def _path(resp: requests.Response) -> str:
    return urlsplit(resp.request.url or "").path or "?"
