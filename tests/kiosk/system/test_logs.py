"""Structured logs: `logging.format = "json"` writes one JSON object per line with the kiosk's
id, branch, thread and job; CPR numbers and PINs are masked in messages and tracebacks alike."""

from __future__ import annotations

import io
import json
import logging
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from kioskkit import REPO, write_config

from kiosk.config.fleet import LoggingSection
from kiosk.privacy.redaction import install_redaction, uninstall_redaction
from kiosk.system.logs import JsonFormatter, configure_logging, job_context

CPR, PIN = "1705901234", "4821"


@pytest.fixture
def json_log() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    install_redaction()
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(JsonFormatter("solrod-door-1", "Solrød Bibliotek"))
    logger = logging.getLogger("kiosk.test.json")
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    yield logger, out
    logger.removeHandler(handler)
    uninstall_redaction()


def lines(out: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_one_object_per_line_with_identity_thread_and_job(
    json_log: tuple[logging.Logger, io.StringIO],
) -> None:
    logger, out = json_log
    logger.warning("sync with %s failing:\nHTTP 503", "central")

    def job() -> None:
        with job_context("sync"):
            logger.info("delta sync: %d changes", 3)
        logger.info("after the job")

    worker = threading.Thread(target=job, name="kiosk-background")
    worker.start()
    worker.join()
    first, in_job, after = lines(out)
    assert first["message"] == "sync with central failing:\nHTTP 503"  # still one line
    assert (first["level"], first["logger"]) == ("WARNING", "kiosk.test.json")
    assert (first["kiosk"], first["branch"]) == ("solrod-door-1", "Solrød Bibliotek")
    assert first["thread"] == "MainThread"
    assert "job" not in first
    assert (in_job["thread"], in_job["job"]) == ("kiosk-background", "sync")
    assert "job" not in after
    assert str(first["time"]).endswith("+00:00")


def test_cpr_and_pin_are_masked_in_messages_and_tracebacks(
    json_log: tuple[logging.Logger, io.StringIO],
) -> None:
    logger, out = json_log
    logger.error("card %s refused, pin=%s", CPR, PIN)
    def lookup() -> None:
        raise ValueError(f"no patron for {CPR} with PIN {PIN}")

    try:
        lookup()
    except ValueError:
        logger.exception("lookup failed")
    text = out.getvalue()
    assert CPR not in text
    assert PIN not in text
    message, failure = lines(out)
    assert message["message"] == "card 170590-**** refused, pin=****"
    assert "170590-****" in str(failure["exception"])


def test_a_root_logger_set_up_by_someone_else_is_left_alone() -> None:
    root = logging.getLogger()
    foreign = logging.NullHandler()
    root.addHandler(foreign)
    try:
        assert configure_logging(LoggingSection(format="json"), "k", "b") is None
        assert foreign in root.handlers
    finally:
        root.removeHandler(foreign)


def test_kiosk_with_json_logging_writes_only_json_lines(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "-v", "--config", str(config),
         "--set", 'logging.format="json"', "--set", 'kiosk.id="solrod-door-1"',
         "explain", "--card", CPR, "--pin", PIN, "--at", "2026-11-21T12:00"],
        cwd=REPO, capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stderr.splitlines()]
    assert records, "-v logs the database opening at least"
    assert all(r["kiosk"] == "solrod-door-1" for r in records)
    assert all(r["branch"] == "Solrød Bibliotek" for r in records)
    assert CPR not in done.stderr
    assert json.loads(done.stdout)["reason"] == "unknown_card"
