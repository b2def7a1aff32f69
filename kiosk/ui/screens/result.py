"""Granted ("Velkommen, Anna – døren er åben") and denied (the reason and what to do next)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.flow import Cancelled
from kiosk.reasons import Reason, patron_text
from kiosk.ui import theme
from kiosk.ui.i18n import tr
from kiosk.ui.screens.base import Screen, button, label
from kiosk.ui.view import ScreenView
from kiosk.ui.widgets.countdown import CountdownBar
from kiosk.ui.widgets.glyph import Glyph


class ResultScreen(Screen):
    def __init__(self, granted: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        assert self.header is not None
        self.granted = granted
        self.set_tone("granted" if granted else "denied")
        self.glyph = Glyph("tick" if granted else "cross")
        self.title = label("title")
        self.lead = label("lead")
        self.body = label("body")
        self.countdown = CountdownBar()
        self.done = button("")
        self.done.clicked.connect(lambda: self.send.emit(Cancelled()))
        self.done.setVisible(not granted)  # a grant ends with the door; a denial by a touch too
        words = QVBoxLayout()
        words.addStretch(1)
        words.addWidget(self.title)
        words.addWidget(self.lead)
        words.addWidget(self.body)
        words.addStretch(1)
        words.addWidget(self.countdown)
        row = QHBoxLayout()
        row.addWidget(self.done)
        row.addStretch(1)
        words.addLayout(row)
        self.middle = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.middle.addWidget(self.glyph, 0, Qt.AlignmentFlag.AlignCenter)
        self.middle.addLayout(words, 1)
        self.outer = QVBoxLayout(self)
        self.outer.addWidget(self.header)
        self.outer.addLayout(self.middle, 1)

    def show_view(self, view: ScreenView) -> None:
        super().show_view(view)
        if self.granted:
            self._granted(view)
        else:
            self._denied(view)

    def _granted(self, view: ScreenView) -> None:
        evaluation = view.state.evaluation
        name = evaluation.patron_name.split()[0] if evaluation and evaluation.patron_name else ""
        self.title.setText(tr("Welcome, %1", name) if name else tr("Welcome"))
        self.lead.setText(tr("The door is open"))
        ready = evaluation.reservations_ready if evaluation is not None else None
        self.body.setText(tr("%1 reservations are ready for you to pick up.", ready)
                          if ready else "")
        self.body.setVisible(bool(ready))
        self.countdown.show_remaining(view.remaining_s, view.total_s,
                                      tr("The door locks again in %1 s"))

    def _denied(self, view: ScreenView) -> None:
        evaluation = view.state.evaluation
        decision = evaluation.decision if evaluation is not None else None
        reason = decision.reason if decision is not None else Reason.UNREADABLE_CARD
        attempts = decision.attempts_left if decision is not None else None
        self.glyph.set_kind("lock" if reason is Reason.PIN_LOCKED else "cross")
        self.title.setText(
            tr("Please try again") if reason is Reason.UNREADABLE_CARD else tr("No entry")
        )
        self.lead.setText(patron_text(reason, attempts)[view.lang])
        until = decision.locked_until if decision is not None else None
        extra = ""
        if reason is Reason.PIN_LOCKED and until is not None:
            local = until.astimezone(view.ambient.now.tzinfo)
            extra = tr("You can try again after %1.", f"{local:%H:%M}")
        self.body.setText(extra)
        self.body.setVisible(bool(extra))
        self.done.setText(tr("OK"))
        self.done.setAccessibleName(tr("Back to the start"))
        self.countdown.show_remaining(view.remaining_s, view.total_s,
                                      tr("Back to the start in %1 s"))

    def rescale(self, scale: float, portrait: bool) -> None:
        super().rescale(scale, portrait)
        self.middle.setDirection(self.direction(portrait))
        self.middle.setSpacing(theme.px(48, scale))
        margin = theme.px(40, scale)
        self.outer.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self.glyph.rescale(scale)
        self.done.setMinimumSize(theme.px(220, scale), theme.px(80, scale))
