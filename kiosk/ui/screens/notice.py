"""Screens that say why nobody can come in now: closed (with the next opening), out of order,
and the fire alarm. Cards are still read (technician cards work in every mode)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.door.view import ScreenKind, ScreenView
from kiosk.reasons import Reason
from kiosk.ui.i18n import tr
from kiosk.ui.layout import beside, centred_column, fit
from kiosk.ui.screens import texts
from kiosk.ui.screens.base import Screen, label
from kiosk.ui.widgets.glyph import Glyph


class NoticeScreen(Screen):
    def __init__(self, kind: ScreenKind, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        assert self.header is not None
        self.kind = kind
        tone, glyph = {
            ScreenKind.CLOSED: ("closed", "moon"),
            ScreenKind.OUT_OF_ORDER: ("closed", "wrench"),
            ScreenKind.FIRE: ("fire", "alarm"),
        }[kind]
        self.set_tone(tone)
        self.glyph = Glyph(glyph)
        self.title = label("title")
        self.lead = label("lead")
        self.body = label("body")
        self.middle = beside(self.glyph, centred_column(self.title, self.lead, self.body))
        self.outer = QVBoxLayout(self)
        self.outer.addWidget(self.header)
        self.outer.addLayout(self.middle, 1)

    def show_view(self, view: ScreenView) -> None:
        super().show_view(view)
        ambient = view.ambient
        if self.kind is ScreenKind.CLOSED:
            self.title.setText(tr("The library is closed"))
            self.lead.setText(texts.next_opening(ambient.next_opening, ambient.now))
            self.body.setText(tr("Today: %1", texts.hours_today(ambient.today)))
        elif self.kind is ScreenKind.OUT_OF_ORDER:
            self.title.setText(tr("Out of order"))
            reason = Reason.CACHE_STALE if ambient.stale_deny and not ambient.faults \
                else Reason.OUT_OF_SERVICE
            self.lead.setText(texts.reason_text(reason, view.lang))
            self.body.setText(tr("Today: %1", texts.hours_today(ambient.today)))
        else:
            self.title.setText(tr("The door is open – fire alarm"))
            self.lead.setText(tr("Leave the building by the nearest exit."))
            self.body.setText(tr("Do not enter. Follow the instructions of staff and the fire "
                                 "service."))

    def rescale(self, scale: float, portrait: bool) -> None:
        super().rescale(scale, portrait)
        fit(self.outer, self.middle, scale, portrait, spacing=48, margin=40)
        self.glyph.rescale(scale)
