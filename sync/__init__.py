"""Central-system edge: wire records, sync clients, SIP2, the fake central. No kiosk/ imports."""
