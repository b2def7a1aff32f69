"""The self-checkout screen, one module per page (idle and returns, PIN, checking, session,
account, receipt and refusal) and `screen.CheckoutScreen`, which stacks them."""

from kiosk.ui.screens.checkout.screen import CheckoutScreen

__all__ = ["CheckoutScreen"]
