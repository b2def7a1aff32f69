"""The touchscreen UI (PySide6 Widgets): renders the door flow's state and forwards touches.

The only package that imports Qt. It holds no rules: decisions come from `kiosk.flow` through
`kiosk.door.DoorController`. Import its modules lazily so the CLI's other verbs never load Qt.
"""
