"""The conformance kit for a central implementing docs/central-api.md: `python -m
sync.conformance --url URL --token-file F` runs checks over HTTP, one line each, exit 0 only if
all hold. Imports nothing from kiosk/ or drivers/."""
