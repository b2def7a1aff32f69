"""The demo's side panel: how to present a card, sample cards and item barcodes to tap (or
type), the on-screen relay lamp and a fire switch.

Not part of the kiosk a patron sees; English only, for whoever tries the demo.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from drivers.relays import BaseRelay
from kiosk.door.flow import FireAlarm
from kiosk.ui.widgets.lamp import RelayLamp
from kiosk.ui.window import KioskWindow

INTRO = ("<b>How to use the demo</b><br>"
         "Present a card: <b>type its number and press Enter</b> (the keyboard is the card "
         "reader), or click a card below. Then tap the PIN on the screen.<br>"
         "Typing goes to the tab in view: on <i>Self-checkout</i>, a card logs in and an item "
         "barcode (5000…) borrows or returns.")


@dataclass(frozen=True, slots=True)
class SampleCard:
    label: str
    raw: str
    pin: str
    expect: str


@dataclass(frozen=True, slots=True)
class SampleItem:
    label: str
    barcode: str


def _button(text: str, pressed: Callable[[], None]) -> QPushButton:
    widget = QPushButton(text)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    widget.clicked.connect(lambda _checked=False: pressed())  # not the bool clicked() carries
    return widget


def _lamp_row(lamp: QWidget, text: QLabel) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(lamp)
    row.addWidget(text, 1)
    return row


class DemoPanel(QWidget):
    def __init__(
        self,
        samples: Sequence[SampleCard],
        items: Sequence[SampleItem],
        present: Callable[[str], None],
        relay: BaseRelay,
        window: KioskWindow,
        show_checkout: Callable[[], None] = lambda: None,
        parent: QWidget | None = None,
        extra: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("demopanel")
        self.setStyleSheet("QWidget#demopanel { background: #EEF2F6; } "
                           "QLabel, QPushButton { color: #111; font-size: 13px; } "
                           "QPushButton { text-align: left; padding: 5px; }")
        self._relay = relay
        layout = QVBoxLayout(self)
        self.intro = QLabel(INTRO)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        for sample in samples:
            def tap(raw: str = sample.raw) -> None:
                present(raw)

            layout.addWidget(_button(f"{sample.label}\ncard {sample.raw} · PIN {sample.pin} → "
                                     f"{sample.expect}", tap))
        if items:
            layout.addWidget(QLabel("<b>Item barcodes</b> (Self-checkout tab)"))
        for item in items:
            def scan(code: str = item.barcode) -> None:
                show_checkout()
                present(code)

            layout.addWidget(_button(f"{item.barcode} · {item.label}", scan))
        self._fire = False
        layout.addWidget(_button("Fire alarm on / off", lambda: self._toggle_fire(window)))
        technician = QLabel("Technician: hold the top-left corner of the door screen 3 s, "
                            "PIN 9999.")
        technician.setWordWrap(True)
        layout.addWidget(technician)
        self.lamp, self.lamp_text = RelayLamp(), QLabel()
        layout.addLayout(_lamp_row(self.lamp, self.lamp_text))
        if extra is not None:
            layout.addWidget(extra)  # the building's lamps (kiosk/demo/building_panel.py)
        layout.addStretch(1)
        window.ticked.connect(self.poll)
        self.poll()

    def poll(self) -> None:
        on = self._relay.is_on
        self.lamp.set_on(on)
        self.lamp_text.setText("Relay ON: door unlocked" if on else "Relay off: door locked")

    def _toggle_fire(self, window: KioskWindow) -> None:
        self._fire = not self._fire
        window.dispatch(FireAlarm(on=self._fire))
