"""The touchscreen UI (PySide6 Widgets): renders the door flow's state and forwards touches.

Widgets, screens and the plumbing that hands events to the core and snapshots back: the only
package (with the composition root kiosk.app and the demo) that imports Qt. It holds no rules:
decisions and what each screen shows come from kiosk.door and kiosk.checkout. Import its
modules lazily so the CLI's other verbs never load Qt.
"""
