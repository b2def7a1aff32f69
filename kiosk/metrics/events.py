"""What happens in an instant, counted as it happens: decisions, their latency, the time from
the PIN's last digit to the relay command, door alarms, relay faults. The door and the door
monitor call these; each call is a lock and an add (no I/O on the door's path)."""

from __future__ import annotations

from typing import Final

from prometheus_client import CollectorRegistry, Counter, Histogram

# One 60 Hz frame is the target (DESIGN.md: 16 ms); the tail shows a slow disk or a live check.
LATENCY_BUCKETS: Final = (0.001, 0.0025, 0.005, 0.01, 0.016, 0.025, 0.05, 0.1, 0.25, 0.5,
                          1.0, 2.5, 5.0)
ALARM_KINDS: Final = ("forced_open", "held_open", "fire_alarm")
DOOR_EVENT_KINDS: Final = ("exit", "tailgating_suspected")


class DoorMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.decisions = Counter(
            "kiosk_decisions", "Door decisions by reason code and calendar mode.",
            ["reason", "mode", "granted"], registry=registry)
        self.decision_seconds = Histogram(
            "kiosk_decision_seconds", "From a card read (or the PIN) to the door's decision.",
            buckets=LATENCY_BUCKETS, registry=registry)
        self.pin_to_relay_seconds = Histogram(
            "kiosk_pin_to_relay_seconds", "From the PIN's last digit to the relay command.",
            buckets=LATENCY_BUCKETS, registry=registry)
        self.alarms = Counter(
            "kiosk_door_alarms", "Door alarms by kind (forced_open, held_open, fire_alarm).",
            ["kind"], registry=registry)
        self.relay_faults = Counter(
            "kiosk_relay_faults", "Relay commands the board did not take.", registry=registry)
        self.door_events = Counter(
            "kiosk_door_events", "Counted at the door without a person: exits (exit button or "
            "people counter) and suspected tailgates (more entries than grants).",
            ["kind"], registry=registry)
        for kind in ALARM_KINDS:  # present at 0 from the start, so increase() sees the first
            self.alarms.labels(kind=kind)
        for kind in DOOR_EVENT_KINDS:
            self.door_events.labels(kind=kind)

    def decision(self, reason: str, mode: str, granted: bool, seconds: float | None) -> None:
        self.decisions.labels(reason=reason, mode=mode, granted=str(granted).lower()).inc()
        if seconds is not None:
            self.decision_seconds.observe(seconds)

    def pin_to_relay(self, seconds: float) -> None:
        self.pin_to_relay_seconds.observe(seconds)

    def alarm(self, kind: str) -> None:
        if kind in ALARM_KINDS:
            self.alarms.labels(kind=kind).inc()

    def counted(self, kind: str, count: int = 1) -> None:
        """What the building counted (kiosk/building): the alarms it acted on, exits and
        suspected tailgates; the same figures as `kiosk stats`."""
        if kind in ALARM_KINDS:
            self.alarms.labels(kind=kind).inc(count)
        elif kind in DOOR_EVENT_KINDS:
            self.door_events.labels(kind=kind).inc(count)

    def relay_fault(self) -> None:
        self.relay_faults.inc()
