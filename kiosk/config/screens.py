"""Config sections of what the patron sees and hears: how long each screen waits ([timeouts])
and reading the screen aloud ([speech]). Kept apart from models.py, which composes them."""

from __future__ import annotations

from datetime import timedelta

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from kiosk.config.types import Duration


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _seconds_between(value: timedelta, low: float, high: float) -> timedelta:
    if not low <= value.total_seconds() <= high:
        raise ValueError(f"expected between {low:g}s and {high:g}s")
    return value


class TimeoutsSection(_Section):
    """How long each screen waits before it goes back by itself. Every countdown on screen has
    a "More time" button that gives its full time again (EN 301 549 / WCAG 2.2.1)."""

    pin: Duration = timedelta(seconds=30)
    """PIN entry at the door and the checkout; each key restarts it."""
    door_denied: Duration = timedelta(seconds=8)
    """A door denial with its reason and next step."""
    technician: Duration = timedelta(minutes=5)
    """The technician screen."""
    checkout_inactivity: Duration = timedelta(seconds=120)
    """Logged in at the checkout with no touch and no scan: logged out after this."""
    checkout_warning: Duration = timedelta(seconds=20)
    """The logout countdown shows this long before the inactivity logout."""
    checkout_receipt: Duration = timedelta(seconds=10)
    checkout_refused: Duration = timedelta(seconds=8)
    """A refused checkout login with its reason."""
    checkout_returned: Duration = timedelta(seconds=10)
    """Where to put an item returned without a card."""

    @field_validator("pin", "door_denied", "checkout_receipt", "checkout_refused",
                     "checkout_returned", "checkout_warning")
    @classmethod
    def _screen_time(cls, value: timedelta) -> timedelta:
        return _seconds_between(value, 3, 600)

    @field_validator("technician", "checkout_inactivity")
    @classmethod
    def _long_time(cls, value: timedelta) -> timedelta:
        return _seconds_between(value, 30, 3600)

    @model_validator(mode="after")
    def _warning_inside(self) -> TimeoutsSection:
        if self.checkout_warning >= self.checkout_inactivity:
            raise ValueError("checkout_warning must be shorter than checkout_inactivity")
        return self


class SpeechSection(_Section):
    """Reading the screen aloud for patrons who cannot read it (EN 301 549 5.1.3)."""

    enabled: bool = True
    """Offer the "Read aloud" button on every patron screen (hidden when the program is
    missing)."""
    program: tuple[str, ...] = ("espeak-ng",)
    """Text-to-speech program and options; the kiosk adds the voice, speed and text."""
    player: tuple[str, ...] = ()
    """Plays the WAV the program writes, e.g. ["aplay", "-q", "-D", "plughw:1"] for a
    headphone jack; empty: the program plays on the default audio device itself."""
    words_per_minute: int = Field(150, ge=80, le=450)
    reset_after: Duration = timedelta(seconds=60)
    """Speech turns itself off when the screen has stood idle this long (the next patron)."""
