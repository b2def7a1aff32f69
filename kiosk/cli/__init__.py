"""The `kiosk` command line: one module per group of verbs. The only modules that print."""
