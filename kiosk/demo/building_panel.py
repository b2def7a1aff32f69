"""The demo panel's building part: each output as a lamp (lights, alarm, PCs, siren), the
occupancy estimate, an exit button, and the closing announcement said now into a WAV file.

Not part of the kiosk a patron sees; English only, for whoever tries the demo.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from drivers.types import DoorEventKind
from kiosk.building.flow import DoorInput
from kiosk.building.shell import BuildingShell
from kiosk.system.announcer import AnnouncementError
from kiosk.ui.window import KioskWindow

LAMP = "border-radius: 9px; min-width: 18px; max-width: 18px; min-height: 18px; " \
       "max-height: 18px; border: 2px solid #111; background: {color};"
COLORS = {True: "#F5C518", False: "#553333", None: "#999999"}


class BuildingPanel(QWidget):
    def __init__(self, building: BuildingShell, window: KioskWindow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.building = building
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(QLabel("<b>Building</b> (outputs switched by the calendar)"))
        grid = QGridLayout()
        self.lamps: dict[str, tuple[QLabel, QLabel]] = {}
        for row, name in enumerate(building.outputs):
            lamp, state = QLabel(), QLabel()
            grid.addWidget(lamp, row, 0)
            grid.addWidget(QLabel(name), row, 1)
            grid.addWidget(state, row, 2)
            self.lamps[name] = (lamp, state)
        layout.addLayout(grid)
        self.inside = QLabel()
        layout.addWidget(self.inside)
        for text, pressed in (("Exit button (leave without a card)", self.exit_button),
                              ("Say the closing announcement now", self.say_closing)):
            button = QPushButton(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, act=pressed: act())
            layout.addWidget(button)
        self.said = QLabel()
        self.said.setWordWrap(True)
        layout.addWidget(self.said)
        window.ticked.connect(self.poll)
        self.poll()

    def poll(self) -> None:
        view = self.building.output_states()
        for name, (lamp, state) in self.lamps.items():
            on, faulted = view.get(name, (None, False))
            lamp.setStyleSheet(LAMP.format(color=COLORS[on]))
            state.setText("fault" if faulted else ("on" if on else "off"))
        self.inside.setText(f"Inside (estimate): {self.building.occupancy()}")

    def exit_button(self) -> None:
        clock = self.building.clock
        self.building.post(DoorInput(DoorEventKind.EXIT_REQUESTED, clock.monotonic()))

    def say_closing(self) -> None:
        announcer = self.building.announcer
        if announcer is None:
            return
        try:
            path = announcer.say("closing", 15, self.building.clock.now())
        except AnnouncementError as err:
            self.said.setText(f"Not said: {err}")
            return
        self.said.setText(f"Said into {path}" if path else "Said")
