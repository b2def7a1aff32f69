"""deploy/prometheus: `promtool test rules` passes with test series for every alert, the test can
fail, and every metric the rules use is one the kiosk exports."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from metricnames import exported_names, used_names

from kiosk.clock import FixedClock
from kiosk.config import LoadedConfig
from kiosk.services import Services

REPO = Path(__file__).resolve().parents[2]
RULES = REPO / "deploy" / "prometheus" / "kiosk-alerts.yml"
TESTS = RULES.with_name("kiosk-alerts.test.yml")
ALERTS = {"KioskDown", "KioskCannotDecide", "KioskRelayFault", "KioskReaderDisconnected",
          "KioskNoSync", "KioskOutboxParked", "KioskPurgeOverdue", "KioskDoorForcedOpen",
          "KioskDoorHeldOpen", "KioskClockUntrusted"}


def promtool() -> str:
    found = shutil.which("promtool")
    if found is None:
        pytest.skip("promtool not installed (scripts/setup --test-tools installs prometheus)")
    return found


def rules() -> list[dict[str, object]]:
    return list(yaml.safe_load(RULES.read_text())["groups"][0]["rules"])


def test_every_alert_has_test_series_that_make_it_fire() -> None:
    assert {r["alert"] for r in rules()} == ALERTS
    tests = yaml.safe_load(TESTS.read_text())["tests"]
    fired = {case["alertname"] for t in tests for case in t["alert_rule_test"]
             if case["exp_alerts"]}
    quiet = {case["alertname"] for t in tests for case in t["alert_rule_test"]
             if not case["exp_alerts"]}
    assert fired == ALERTS
    assert quiet == ALERTS


def test_promtool_passes_on_the_shipped_rules() -> None:
    tool = promtool()
    check = subprocess.run([tool, "check", "rules", str(RULES)], capture_output=True,
                           text=True, timeout=60, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
    done = subprocess.run([tool, "test", "rules", TESTS.name], cwd=TESTS.parent,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "SUCCESS" in done.stdout


def test_promtool_fails_when_a_rule_is_broken(tmp_path: Path) -> None:
    tool = promtool()
    broken = RULES.read_text().replace("kiosk_relay_fault == 1", "kiosk_relay_fault == 2")
    assert broken != RULES.read_text()
    (tmp_path / RULES.name).write_text(broken)
    shutil.copy(TESTS, tmp_path / TESTS.name)
    done = subprocess.run([tool, "test", "rules", TESTS.name], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode != 0
    assert "KioskRelayFault" in done.stdout + done.stderr


def test_every_metric_in_the_rules_is_exported(
    services: Services, loaded: LoadedConfig, clock: FixedClock,
) -> None:
    exported = exported_names(services, loaded, clock)
    for rule in rules():
        used = used_names(str(rule["expr"]))
        assert used, rule["alert"]
        assert used <= exported, f"{rule['alert']}: {sorted(used - exported)} not exported"
