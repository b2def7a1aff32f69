"""The [printer] section: an ESC/POS receipt printer needs its port; unknown drivers refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from kioskkit import write_config

from kiosk.config import ConfigError, load


@pytest.mark.parametrize(("overrides", "expected"), [
    (['printer.driver="escpos"'], "printer: printer driver 'escpos' needs `port`"),
    (['printer.driver="laser"'], "printer.driver: expected one of"),
    (['printer.driver="escpos"', 'printer.port="/dev/ttyUSB0"', "printer.width=200"],
     "printer.width: expected a whole number 20-80, got 200"),
], ids=["no_port", "unknown_driver", "width"])
def test_bad_printer_settings_name_the_key(
    tmp_path: Path, overrides: list[str], expected: str
) -> None:
    with pytest.raises(ConfigError) as err:
        load(write_config(tmp_path), overrides)
    assert expected in str(err.value)


def test_a_configured_printer_loads(tmp_path: Path) -> None:
    loaded = load(write_config(tmp_path), ['printer.driver="escpos"', 'printer.port="loop://"'])
    assert loaded.config.printer.port == "loop://"
    assert loaded.config.printer.encoding == "cp865"
