"""docs/hardware.md section 7 shows a technician how to put lights, alarm arming and a siren on
the supported boards: every TOML example there is a config the kiosk takes (laid over the
shipped config.toml), and the shared LCUS-4 of its drawing passes check-config's board rules."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import load_data
from kiosk.config.consistency import problems

REPO = Path(__file__).resolve().parents[3]
SECTION = (REPO / "docs" / "hardware.md").read_text(encoding="utf-8").split(
    "## 7. The building's outputs")[1]
EXAMPLES = re.findall(r"```toml\n(.*?)```", SECTION, re.S)


def laid_over_shipped(example: str) -> dict[str, Any]:
    raw = tomllib.loads((REPO / "config.toml").read_text(encoding="utf-8"))
    for table, values in tomllib.loads(example).items():
        if table == "outputs":
            raw["outputs"] = {**raw.get("outputs", {}), **values}
        else:
            raw[table] = {**raw.get(table, {}), **values}
    return raw


def test_the_section_has_the_shared_board_and_the_other_boards() -> None:
    assert len(EXAMPLES) == 2
    drivers = {o["driver"] for e in EXAMPLES for o in tomllib.loads(e)["outputs"].values()}
    assert drivers == {"lcus", "kmtronic", "numato", "gpio"}
    for name in ("lights", "alarm", "siren"):
        assert f"outputs.{name}" in SECTION


@pytest.mark.parametrize("example", EXAMPLES, ids=["lcus-4", "other boards"])
def test_every_example_is_a_config_the_kiosk_takes(example: str) -> None:
    loaded = load_data(laid_over_shipped(example), REPO / "config.toml")
    assert problems(loaded.config) == []
    for name, output in tomllib.loads(example)["outputs"].items():
        assert loaded.config.outputs[name].driver == output["driver"]


def test_the_drawing_s_board_carries_the_door_and_three_outputs() -> None:
    config = load_data(laid_over_shipped(EXAMPLES[0]), REPO / "config.toml").config
    port = config.relay.port
    on_board = {n: o.channel for n, o in config.outputs.items() if o.port == port}
    assert on_board == {"lights": 2, "alarm": 3, "siren": 4}
    assert config.relay.channel == 1
    assert config.alarms.siren == "siren"
