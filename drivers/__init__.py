"""Hardware edge: card readers, relays, door inputs. Imports nothing from kiosk/ or sync/."""
