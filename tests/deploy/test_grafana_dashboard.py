"""deploy/grafana/kiosk-dashboard.json: valid JSON, and every query names only metrics the
kiosk exports (a renamed metric would leave an empty panel nobody notices)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from metricnames import exported_names, used_names

from kiosk.clock import FixedClock
from kiosk.config import LoadedConfig
from kiosk.services import Services

DASHBOARD = Path(__file__).resolve().parents[2] / "deploy" / "grafana" / "kiosk-dashboard.json"


def queries(dashboard: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for panel in dashboard["panels"]:
        for target in panel.get("targets", []):
            yield panel["title"], target["expr"]
    for variable in dashboard["templating"]["list"]:
        query = variable.get("query")
        if isinstance(query, dict):
            yield f"variable {variable['name']}", query["query"]


def test_every_query_names_a_metric_the_kiosk_exports(
    services: Services, loaded: LoadedConfig, clock: FixedClock,
) -> None:
    dashboard = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    exported = exported_names(services, loaded, clock)
    found = list(queries(dashboard))
    assert len(found) >= 20
    for title, expr in found:
        names = used_names(expr.replace("label_values(", "("))
        assert names, f"{title}: no metric in {expr!r}"
        assert names <= exported, f"{title}: {sorted(names - exported)} not exported"


def test_the_check_notices_a_metric_that_does_not_exist(
    services: Services, loaded: LoadedConfig, clock: FixedClock,
) -> None:
    exported = exported_names(services, loaded, clock)
    assert "kiosk_decisions_total" in exported
    assert not used_names('rate(kiosk_decision_total{instance=~"$instance"}[5m])') <= exported


def test_every_panel_has_a_unique_id_and_fits_the_grid() -> None:
    dashboard = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    ids = [p["id"] for p in dashboard["panels"]]
    assert len(ids) == len(set(ids))
    for panel in dashboard["panels"]:
        grid = panel["gridPos"]
        assert grid["x"] + grid["w"] <= 24, panel["title"]
