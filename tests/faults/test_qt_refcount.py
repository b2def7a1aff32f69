"""`kiosk run` must survive a long day of screen refreshes. PySide6-Essentials 6.12.0 dropped a
reference to None on every void Qt call under CPython 3.11 (None is immortal only from 3.12), so
the kiosk died with "Fatal Python error: none_dealloc" after ~2,000 visits (bench). pyproject.toml
pins below 6.12; this test fails on any Qt binding that brings the leak back."""

from __future__ import annotations

import sys

import pytest

pytestmark = pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal")


def test_void_qt_calls_keep_the_reference_count_of_none(qapp: object) -> None:
    from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

    label, stack, a, b = QLabel("x"), QStackedWidget(), QWidget(), QWidget()
    stack.addWidget(a)
    stack.addWidget(b)
    before = sys.getrefcount(None)
    for n in range(1000):
        # What every screen refresh does, many times over, every 200 ms.
        label.setText(f"text {n}")
        label.setAccessibleName(f"name {n}")
        stack.setCurrentWidget(a if n % 2 else b)
    lost = before - sys.getrefcount(None)
    assert lost < 100, f"{lost} references to None lost in 3,000 void Qt calls"
