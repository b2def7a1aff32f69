"""The door: its state machine, the access rules (age, debt, hours, PIN), the service that
answers them from the cache, the door inputs, and what the door screen shows. No Qt."""
