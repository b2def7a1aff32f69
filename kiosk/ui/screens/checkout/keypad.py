"""Typing a barcode's number on the screen, for a label the scanner cannot read: a button on the
idle and session pages opens a keypad over the screen (the digits in phone order, the number
shown in clear: a barcode is no secret). A touchscreen kiosk has no keyboard to type into."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.checkout.flow import ItemScanned, Touched
from kiosk.ui import theme
from kiosk.ui.i18n import tr
from kiosk.ui.layout import direction, left_aligned
from kiosk.ui.screens.base import button, label
from kiosk.ui.screens.checkout.page import Emit, button_px
from kiosk.ui.widgets.pinpad import PinPad

MAX_DIGITS: Final = 20
"""Longer than any item barcode (EAN-13, Code 128 library numbers of 10-14 digits)."""


class TypeBarcodeButton(QPushButton):
    """Where a field would be: "Type the number instead", opening the keypad."""

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("role", "quiet")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def relabel(self) -> None:
        self.setText(tr("Type the barcode number"))
        self.setAccessibleName(tr("Type the barcode number on the screen"))

    def rescale(self, scale: float) -> None:
        self.setMinimumHeight(button_px(scale))


class BarcodeKeypad(QWidget):
    """Over the whole screen until OK or Cancel; OK sends the number as a scan."""

    def __init__(self, parent: QWidget, emit: Emit) -> None:
        super().__init__(parent)
        self.setObjectName("keypad")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._emit = emit
        self.typed = ""
        self.title = label("title")
        self.hint = label("body")
        self.number = label("lead", accent=True)
        self.number.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # digits read left to right
        self.pad = PinPad()
        self.pad.digit.connect(self._digit)
        self.pad.erase.connect(self._erase)
        self.pad.submit.connect(self._submit)
        self.cancel = button("")
        self.cancel.clicked.connect(self.close_pad)
        info = QVBoxLayout()
        for widget in (self.title, self.hint, self.number):
            info.addWidget(widget)
        info.addStretch(1)
        info.addLayout(left_aligned(self.cancel))
        entry = QVBoxLayout()
        entry.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignHCenter)
        entry.addStretch(1)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.body.addLayout(info, 1)
        self.body.addLayout(entry, 1)
        self.action: Callable[[], str] = lambda: ""
        self.hide()

    def open_pad(self, action: Callable[[], str]) -> None:
        """`action`: the OK key's word in the language on screen ("Add" in a session, "Return"
        at idle)."""
        self.action = action
        self.typed = ""
        self._show_number()
        self.relabel()
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def close_pad(self) -> None:
        self.typed = ""
        self.hide()

    def relabel(self) -> None:
        self.title.setText(tr("Type the number under the barcode"))
        action = self.action()
        self.hint.setText(tr("Then press %1.", action))
        self.pad.retranslate()
        self.pad.ok_key.setText(action)
        self.pad.ok_key.setAccessibleName(action)
        self.cancel.setText(tr("Cancel"))
        self._show_number()

    def _digit(self, digit: str) -> None:
        self._emit(Touched())  # typing is a touch: the session goes on
        if len(self.typed) < MAX_DIGITS:
            self.typed += digit
        self._show_number()

    def _erase(self) -> None:
        self._emit(Touched())
        self.typed = self.typed[:-1]
        self._show_number()

    def _submit(self) -> None:
        if self.typed:
            self._emit(ItemScanned(self.typed))
            self.close_pad()

    def _show_number(self) -> None:
        self.number.setText(self.typed or "–")
        self.number.setAccessibleName(self.typed or tr("No digits yet"))

    def rescale(self, scale: float, portrait: bool) -> None:
        margin = theme.px(32, scale)
        self.body.setContentsMargins(margin, margin, margin, margin)
        self.body.setDirection(direction(portrait))
        self.body.setSpacing(theme.px(40, scale))
        self.pad.rescale(scale)
        self.cancel.setMinimumSize(theme.px(220, scale), theme.target_px(80, scale))
        parent = self.parentWidget()
        if parent is not None and self.isVisible():
            self.setGeometry(parent.rect())
