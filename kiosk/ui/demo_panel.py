"""The demo's side panel: sample cards to tap (or type), the on-screen relay lamp, a fire switch.

Not part of the kiosk a patron sees; English only, for whoever tries the demo.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from drivers.relays import BaseRelay
from kiosk.flow import FireAlarm
from kiosk.ui.widgets.lamp import RelayLamp
from kiosk.ui.window import KioskWindow


@dataclass(frozen=True, slots=True)
class SampleCard:
    label: str
    raw: str
    pin: str
    expect: str


class DemoPanel(QWidget):
    def __init__(
        self,
        samples: Sequence[SampleCard],
        present: Callable[[str], None],
        relay: BaseRelay,
        window: KioskWindow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("demopanel")
        self.setStyleSheet("QWidget#demopanel { background: #EEF2F6; } "
                           "QLabel, QPushButton { color: #111; font-size: 14px; } "
                           "QPushButton { text-align: left; padding: 6px; }")
        self.setFixedWidth(380)
        self._relay = relay
        layout = QVBoxLayout(self)
        intro = QLabel("<b>Demo</b><br>Type a card number and press Enter (the keyboard is the "
                       "card reader), or click a card below. Then tap the PIN on the screen.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        for sample in samples:
            b = QPushButton(f"{sample.label}\ncard {sample.raw} · PIN {sample.pin} → "
                            f"{sample.expect}")
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _=False, raw=sample.raw: present(raw))
            layout.addWidget(b)
        self._fire = False
        fire = QPushButton("Fire alarm on / off")
        fire.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        fire.clicked.connect(lambda: self._toggle_fire(window))
        layout.addWidget(fire)
        layout.addWidget(QLabel("Technician: hold the top-left corner 3 s, PIN 9999."))
        row = QHBoxLayout()
        self.lamp = RelayLamp()
        self.lamp_text = QLabel()
        row.addWidget(self.lamp)
        row.addWidget(self.lamp_text, 1)
        layout.addLayout(row)
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
