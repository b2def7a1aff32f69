"""The checkout core and the SIP2 kind run without Qt (DESIGN.md: Qt lives in kiosk/ui only)."""

from __future__ import annotations

import subprocess
import sys

from kioskkit import REPO

SCRIPT = """
import sys
sys.modules["PySide6"] = None  # any `import PySide6...` now raises ImportError
import kiosk.checkout.flow, kiosk.checkout.controller, kiosk.checkout.circulation
import kiosk.checkout.types
import kiosk.checkout.offline, kiosk.sip2.learned_cache, kiosk.access.sip2, kiosk.sip2.link
import kiosk.sip2.background, kiosk.app.checkout, kiosk.cli.sip2, drivers.receipt_printer
assert not any(name.startswith("PySide6.") for name in sys.modules), "Qt was imported"
"""


def test_checkout_core_imports_without_qt() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
