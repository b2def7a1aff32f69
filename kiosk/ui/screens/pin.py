"""PIN entry: big pad, masked dots, erase, cancel, a countdown; a wrong PIN says what is left.

Also the technician PIN (no fixed length shown). Every key is forwarded as a flow event.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.door.view import ScreenKind, ScreenView
from kiosk.events import Cancelled, MoreTime, PinDigit, PinErased, PinSubmitted
from kiosk.reasons import Reason
from kiosk.ui import theme
from kiosk.ui.i18n import tr
from kiosk.ui.layout import fit
from kiosk.ui.screens import texts
from kiosk.ui.screens.base import Screen, button, label
from kiosk.ui.widgets.countdown import CountdownBar
from kiosk.ui.widgets.pinpad import PinDots, PinPad, pin_entry_layout


class PinScreen(Screen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        assert self.header is not None
        self.title = label("title")
        self.hint = label("body")
        self.warning = label("warning")
        self.dots = PinDots()
        self.pad = PinPad()
        self.cancel = button("")
        self.countdown = CountdownBar(extendable=True)
        self.countdown.more.connect(lambda: self.send.emit(MoreTime()))
        self.pad.digit.connect(lambda d: self.send.emit(PinDigit(d)))
        self.pad.erase.connect(lambda: self.send.emit(PinErased()))
        self.pad.submit.connect(lambda: self.send.emit(PinSubmitted()))
        self.cancel.clicked.connect(lambda: self.send.emit(Cancelled()))
        self.body = pin_entry_layout(
            [self.title, self.hint, self.warning], self.countdown, self.cancel, self.dots, self.pad
        )
        self.outer = QVBoxLayout(self)
        self.outer.addWidget(self.header)
        self.outer.addLayout(self.body, 1)

    def arrange(self, order: Sequence[str]) -> None:
        self.pad.arrange(order)

    def show_view(self, view: ScreenView) -> None:
        super().show_view(view)
        technician = view.kind is ScreenKind.TECHNICIAN_PIN
        state = view.state
        self.title.setText(tr("Technician PIN") if technician else tr("Type your PIN"))
        self.hint.setText(
            tr("Then press OK.") if technician
            else tr("Your card has been read. Use the keys on the screen.")
        )
        self.warning.setText(_wrong_pin(view))
        self.warning.setVisible(bool(self.warning.text()))
        self.dots.show_digits(len(state.digits), None if technician else view.pin_length)
        self.pad.retranslate()
        self.cancel.setText(tr("Cancel"))
        self.cancel.setAccessibleName(tr("Cancel and take back the card"))
        self.countdown.show_remaining(
            view.remaining_s, view.total_s, tr("Back to the start in %1 s unless you type")
        )

    def rescale(self, scale: float, portrait: bool) -> None:
        super().rescale(scale, portrait)
        fit(self.outer, self.body, scale, portrait, spacing=40, margin=32)
        self.pad.rescale(scale)
        self.dots.rescale(scale)
        self.countdown.rescale(scale)
        self.cancel.setMinimumSize(theme.px(220, scale), theme.target_px(80, scale))


def _wrong_pin(view: ScreenView) -> str:
    evaluation = view.state.evaluation
    decision = evaluation.decision if evaluation is not None else None
    if decision is None or decision.reason is not Reason.WRONG_PIN:
        return ""
    return texts.reason_text(Reason.WRONG_PIN, view.lang, decision.attempts_left)
