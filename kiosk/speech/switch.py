"""Whether speech is on: turned on and off by the patron, and off again by itself once the
screen has stood idle for a while, so the next patron does not walk into a talking kiosk.
Pure: the caller passes monotonic time."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class SpeechSwitch:
    on: bool = False
    idle_since: float | None = None
    """Monotonic time the screen went idle while speech was on."""

    def toggled(self) -> SpeechSwitch:
        return SpeechSwitch(on=not self.on)

    def seen(self, idle: bool, now: float, reset_after: float) -> SpeechSwitch:
        """The switch after the screen was seen `idle` (or not) at `now`."""
        if not self.on:
            return self
        if not idle:
            return replace(self, idle_since=None)
        since = self.idle_since if self.idle_since is not None else now
        if now - since >= reset_after:
            return SpeechSwitch()
        return replace(self, idle_since=since)
