"""Background work of a running kiosk: sync with the central system, the outbox, the purge
and PIN-verifier upgrades. No Qt."""
