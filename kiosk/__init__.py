"""The library kiosk application: config, rules, cache, flow, UI and the command line."""
