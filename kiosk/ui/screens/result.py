"""Granted ("Velkommen, Anna – døren er åben") and denied (the reason and what to do next)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.door.view import ScreenView
from kiosk.events import Cancelled, MoreTime
from kiosk.reasons import Reason
from kiosk.ui import theme
from kiosk.ui.i18n import tr
from kiosk.ui.layout import add_footer, beside, centred_column, fit
from kiosk.ui.screens import texts
from kiosk.ui.screens.base import Screen, button, label
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
        self.countdown = CountdownBar(extendable=not granted)  # the door's time is the relay's
        self.countdown.more.connect(lambda: self.send.emit(MoreTime()))
        self.done = button("")
        self.done.clicked.connect(lambda: self.send.emit(Cancelled()))
        self.done.setVisible(not granted)  # a grant ends with the door; a denial by a touch too
        words = add_footer(centred_column(self.title, self.lead, self.body), self.countdown,
                           self.done)
        self.middle = beside(self.glyph, words)
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
        self.lead.setText(texts.reason_text(reason, view.lang, attempts))
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
        fit(self.outer, self.middle, scale, portrait, spacing=48, margin=40)
        self.glyph.rescale(scale)
        self.countdown.rescale(scale)
        self.done.setMinimumSize(theme.px(220, scale), theme.target_px(80, scale))
