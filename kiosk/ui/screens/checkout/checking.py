"""The checkout's "one moment" page, while the library system answers a login."""

from __future__ import annotations

from kiosk.ui.i18n import tr
from kiosk.ui.layout import centred_column
from kiosk.ui.screens.base import label
from kiosk.ui.screens.checkout.page import Emit, Page, PageView


class CheckingPage(Page):
    name = "checking"

    def __init__(self, emit: Emit) -> None:
        super().__init__(emit)
        self.title = label("title")
        self.text = label("body")
        self.box.addLayout(centred_column(self.title, self.text))

    def show_view(self, view: PageView) -> None:  # noqa: ARG002 - the same words every time
        self.title.setText(tr("One moment …"))
        self.text.setText(tr("Asking the library system."))
