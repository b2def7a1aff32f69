"""The self-checkout: its state machine, its controller, and circulation against the library
system. No Qt; does not import kiosk.door."""
