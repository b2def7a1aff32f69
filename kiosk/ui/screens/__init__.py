"""One widget per door screen; each renders a `ScreenView` and holds no rules."""
