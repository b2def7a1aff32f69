"""The self-checkout screen: the door's header over a stack of pages, one per phase, driving the
CheckoutController through the ScreenDriver the door window uses too.

It holds no rules: every touch, scan and Tick becomes a checkout-flow event; the flow owns
every deadline (the 120 s inactivity logout and its 20 s warning) and the patron's language.
Item barcodes arrive from a scanner through `dispatch(ItemScanned(...))` or are typed into the
field on screen. Events go in order to the controller worker (a loan may wait 2 s for the
library system); the screen renders the `CheckoutSnapshot` that comes back, and shows
"Checking…" meanwhile.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLayout, QStackedLayout, QVBoxLayout, QWidget

from kiosk.checkout.controller import CheckoutController
from kiosk.checkout.flow import LOGGED_IN, CheckoutState, Phase, Touched
from kiosk.checkout.view import CheckoutSnapshot, checkout_snapshot
from kiosk.events import Tick
from kiosk.reasons import Lang
from kiosk.ui import theme
from kiosk.ui.driving import DrivenWidget, ScreenDriver
from kiosk.ui.i18n import Translations, tr
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.checkout.account import AccountPage
from kiosk.ui.screens.checkout.checking import CheckingPage
from kiosk.ui.screens.checkout.idle import IdlePage
from kiosk.ui.screens.checkout.keypad import BarcodeKeypad
from kiosk.ui.screens.checkout.page import Page, PageView
from kiosk.ui.screens.checkout.pin import PinPage
from kiosk.ui.screens.checkout.result import ReceiptPage, RefusedPage
from kiosk.ui.screens.checkout.session import SessionPage
from kiosk.ui.speech import Narrator
from kiosk.ui.widgets.languages import direction_of
from kiosk.ui.worker import ControllerWorker

TICK_KEY: Final = "checkout-tick"
TONES: Final = {Phase.REFUSED: "denied", Phase.RECEIPT: "granted"}


class CheckoutScreen(DrivenWidget, Screen):
    """The header, then one page per phase; `send` carries every flow event to the controller."""

    def __init__(
        self, controller: CheckoutController, lang: Lang = "da",
        worker: ControllerWorker | None = None, narrator: Narrator | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent=parent)
        assert self.header is not None
        self.setWindowTitle("Kiosk – checkout")
        self.narrator = narrator or Narrator(None, lambda: 0.0, parent=self)
        self.controller = controller
        """Called only on the worker's thread, never from here."""
        self.worker = worker or ControllerWorker("checkout-worker", self)
        self.snapshot = checkout_snapshot(controller)  # before the worker runs: no race
        self.driver = ScreenDriver(self, self.worker, self._handle, self._answered, TICK_KEY,
                                   on_posted=self._local_digits)
        self.lang: Lang = lang
        """The kiosk's language; the patron's choice (state.language) wins while it lasts."""
        self.translations = Translations()
        self.send.connect(self.dispatch)
        self.speech_toggled.connect(self._toggle_speech)
        emit = self.send.emit
        self.idle_page, self.pin_page = IdlePage(emit), PinPage(emit)
        self.session_page, self.account_page = SessionPage(emit), AccountPage(emit)
        self.receipt_page, self.refused_page = ReceiptPage(emit), RefusedPage(emit)
        self.pages: dict[str, Page] = {page.name: page for page in (
            self.idle_page, self.pin_page, CheckingPage(emit), self.session_page,
            self.account_page, self.receipt_page, self.refused_page)}
        self._stack = QStackedLayout()
        self.outer = QVBoxLayout(self)
        # The window's size is given (the panel); a page must fit it, never stretch it.
        self.outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.outer.addWidget(self.header)
        self.outer.addLayout(self._stack, 1)
        for page in self.pages.values():  # once the stack has its parent: no page is a window
            self._stack.addWidget(page)
        self.keypad = BarcodeKeypad(self, emit)
        self.idle_page.type_button.clicked.connect(
            lambda: self.keypad.open_pad(lambda: tr("Return")))
        self.session_page.type_button.clicked.connect(
            lambda: self.keypad.open_pad(lambda: tr("Add")))
        self.installEventFilter(self)
        self.show_state()

    @property
    def state(self) -> CheckoutState:
        """The checkout state on screen (the last snapshot rendered)."""
        return self.snapshot.state

    @property
    def shown_lang(self) -> Lang:
        return self.state.language or self.lang

    @property
    def page(self) -> str:
        """The name of the page on screen."""
        return next(name for name, page in self.pages.items()
                    if page is self._stack.currentWidget())

    @property
    def speech_idle(self) -> bool:
        return self.state.phase is Phase.IDLE

    @property
    def current_screen(self) -> Screen:
        return self

    def tick(self) -> None:
        self.dispatch(Tick())

    def _handle(self, event: object) -> CheckoutSnapshot:
        """On the worker: the controller takes the event; the snapshot goes back."""
        self.controller.handle(event)  # type: ignore[arg-type]
        return checkout_snapshot(self.controller)

    def _answered(self, snapshot: CheckoutSnapshot) -> None:
        self.snapshot = snapshot
        self.show_state()

    def _local_digits(self) -> None:
        """PIN dots for the keys already touched, before the worker has answered them."""
        typed = self.driver.typed_digits(len(self.state.digits))
        self.pin_page.show_digits(typed, self.snapshot.pin_length)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A touch anywhere a button does not take (labels, the countdown, empty space) tells
        # the flow the patron is still there.
        if event.type() == QEvent.Type.MouseButtonPress and self.state.phase in LOGGED_IN:
            self.dispatch(Touched())
        return super().eventFilter(watched, event)

    def show_state(self) -> None:
        state = self.state
        lang = self.shown_lang
        changed = self.translations.use(lang)
        snapshot = self.snapshot
        if snapshot.now is not None:
            self.show_header(snapshot.branch, snapshot.now, lang)
        name = "pin" if state.phase is Phase.AWAITING_PIN else state.phase.value
        if name not in (self.page, "checking"):  # the screen moved on (logged out, timed out)
            self.keypad.close_pad()
            self.close_chooser()
        self._stack.setCurrentWidget(self.pages[name])
        if self.layoutDirection() != direction_of(lang):
            self.setLayoutDirection(direction_of(lang))
        self.set_tone(TONES.get(state.phase, ""))
        view = PageView(snapshot, lang, relabel=changed)
        for page in self.pages.values():
            page.show_view(view)
        if self.keypad.isVisible():
            self.keypad.relabel()
        self._local_digits()
        self.speak(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A window of its own (mode "both": a second screen), so it carries the theme itself.
        size = event.size()
        scale = theme.scale_for(size.width(), size.height())
        self.setStyleSheet(theme.style_sheet(scale))
        self.rescale(scale, size.height() > size.width())
        self.pending.note.place(self.rect(), scale)
        super().resizeEvent(event)

    def rescale(self, scale: float, portrait: bool) -> None:
        super().rescale(scale, portrait)
        margin = theme.px(32, scale)
        self.outer.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self.outer.setSpacing(theme.px(12, scale))
        for page in self.pages.values():
            page.rescale(scale, portrait)
        self.keypad.rescale(scale, portrait)
