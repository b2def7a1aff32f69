"""Reading the screen aloud (issue 17, EN 301 549 5.1.3): every screen's words render through
espeak-ng to a WAV file that is not silence, in Danish and English; "Read aloud" speaks each new
screen, denial reasons with their next step, and "digit entered" for a PIN key, never the
digit; and speech turns itself off when the door stands idle for the next patron."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sip2kit import ANNA_CARD, ANNA_PIN
from test_ui_checkout_layout import SCREENS as CHECKOUT_SCREENS
from test_ui_checkout_layout import Go
from test_ui_layout import SCREENS as DOOR_SCREENS
from uihelpers import WAIT_MS, Driver, settle

from drivers.cardparse import parse_card
from drivers.fake import RecordingRelay
from kiosk.access.sip2 import Sip2AccessService
from kiosk.app.assemble import Kiosk, assemble
from kiosk.checkout.circulation import sip2_circulation
from kiosk.checkout.controller import CheckoutController
from kiosk.clock import FixedClock
from kiosk.config import LoadedConfig
from kiosk.events import CardPresented, LanguageChosen, PinDigit
from kiosk.services import Services
from kiosk.speech.espeak import EspeakSpeech
from kiosk.speech.wav import loudness
from kiosk.ui.screens.checkout import CheckoutScreen
from kiosk.ui.speech import Narrator, spoken_text

needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None,
    reason="espeak-ng is not installed and could not be (scripts/setup installs the Debian "
           "package as root)")


def _render(text: str, lang: str, path: Path, figures: Callable[[str], None],
            name: str) -> None:
    assert text.strip(), f"{name}: nothing to say"
    EspeakSpeech().render(text, lang, path)
    heard = loudness(path)
    figures(f"speech {name} [{lang}]: {heard.seconds:.1f} s, RMS {heard.rms:.0f}, voiced "
            f"{heard.voiced_seconds:.1f} s")
    assert heard.rms > 500, f"{name} [{lang}] renders as silence"
    assert heard.voiced_seconds > 0.5


@needs_espeak
@pytest.mark.parametrize("name", [n for n in DOOR_SCREENS if n != "language_chooser"])
def test_each_door_screen_speaks_to_a_file_that_is_not_silence(
    driver: Driver, name: str, tmp_path: Path, figures: Callable[[str], None]
) -> None:
    go, kind = DOOR_SCREENS[name]
    go(driver)
    assert driver.kind is kind
    for lang in ("da", "en"):
        driver.send(LanguageChosen(lang))
        settle()
        _render(spoken_text(driver.window.current), lang, tmp_path / f"{lang}.wav", figures,
                f"door {name}")


@needs_espeak
@pytest.mark.parametrize("name", [n for n in CHECKOUT_SCREENS if n != "language_chooser"])
def test_each_checkout_screen_speaks_to_a_file_that_is_not_silence(
    qtbot: Any, screen: CheckoutScreen, clock: FixedClock, name: str, tmp_path: Path,
    figures: Callable[[str], None],
) -> None:
    go = Go(qtbot, screen, clock)
    CHECKOUT_SCREENS[name][0](go)
    for lang in ("da", "en"):
        go.send(LanguageChosen(lang))
        settle()
        _render(spoken_text(screen), lang, tmp_path / f"{lang}.wav", figures,
                f"checkout {name}")


class RecordingSpeech:
    """A speech output that keeps what it was told to say."""

    def __init__(self, said: list[tuple[str, str]]) -> None:
        self.said = said

    def say(self, text: str, lang: str) -> None:
        self.said.append((text, lang))

    def stop(self) -> None:
        pass


@pytest.fixture
def heard(qtbot: Any, loaded: LoadedConfig, services: Services, relay: RecordingRelay,
          clock: FixedClock) -> Iterator[tuple[Kiosk, list[tuple[str, str]]]]:
    said: list[tuple[str, str]] = []
    built = assemble(loaded, services, relay, clock, speech=lambda: RecordingSpeech(said))
    qtbot.addWidget(built.window)
    built.window.resize(1280, 800)
    built.window.show()
    yield built, said
    built.close()


def _texts(said: list[tuple[str, str]], since: int) -> list[str]:
    return [text for text, _lang in said[since:]]


def test_read_aloud_speaks_screens_reasons_and_digit_entered_never_the_digit(
    qtbot: Any, heard: tuple[Kiosk, list[tuple[str, str]]], clock: FixedClock
) -> None:
    kiosk, said = heard
    driver = Driver(kiosk, qtbot, clock)
    header = driver.window.current.header
    assert header is not None
    assert header.speech.isVisible()
    assert header.speech.text() == "Læs op"
    driver.click(header.speech)
    assert header.speech.isChecked()
    assert said[-1][0].startswith("Oplæsning er slået til.\n")
    assert "Scan dit sundhedskort eller lånerkort" in said[-1][0]
    pin = driver.persona_card("valid")
    assert "Tast din pinkode" in said[-1][0]
    before = len(said)
    driver.pin("12")
    assert _texts(said, before) == ["Ciffer tastet", "Ciffer tastet"]
    before = len(said)
    driver.pin("99")  # a wrong PIN: two keys, then the warning with what is left
    assert _texts(said, before)[:2] == ["Ciffer tastet", "Ciffer tastet"]
    warning = _texts(said, before)[-1]
    assert "Forkert pinkode. Prøv igen. Du har 4 forsøg tilbage." in warning
    for text, _lang in said:
        assert pin not in text
        assert "1299" not in text
        assert text.strip() not in list("0123456789")
    before = len(said)
    driver.later(1)  # the countdown ticks: not a new screen to read
    assert len(said) == before


def test_a_denial_is_read_with_its_next_step_in_the_patrons_language(
    qtbot: Any, heard: tuple[Kiosk, list[tuple[str, str]]], clock: FixedClock
) -> None:
    kiosk, said = heard
    driver = Driver(kiosk, qtbot, clock)
    driver.choose_language("uk")
    header = driver.window.current.header
    assert header is not None
    driver.click(header.speech)
    driver.pin(driver.persona_card("under_age"))
    text, lang = said[-1]
    assert lang == "uk"
    assert "Приходьте з дорослим." in text


def test_speech_turns_itself_off_when_the_door_stands_idle(
    qtbot: Any, heard: tuple[Kiosk, list[tuple[str, str]]], clock: FixedClock
) -> None:
    kiosk, _said = heard
    driver = Driver(kiosk, qtbot, clock)
    header = driver.window.current.header
    assert header is not None
    driver.click(header.speech)
    assert kiosk.window.narrator.on
    driver.later(30)
    assert kiosk.window.narrator.on
    driver.later(31)  # 61 s at idle: the next patron finds a quiet kiosk
    assert not kiosk.window.narrator.on
    assert not header.speech.isChecked()


def test_without_a_speech_program_the_button_is_not_offered(
    qtbot: Any, loaded: LoadedConfig, services: Services, relay: RecordingRelay,
    clock: FixedClock,
) -> None:
    kiosk = assemble(loaded, services, relay, clock, speech=lambda: None)
    qtbot.addWidget(kiosk.window)
    try:
        kiosk.window.resize(1280, 800)
        kiosk.window.show()
        settle()
        header = kiosk.window.current.header
        assert header is not None
        assert not header.speech.isVisibleTo(kiosk.window)
    finally:
        kiosk.close()


def test_the_checkout_reads_aloud_too(qtbot: Any, sip2_services: Services,
                                      clock: FixedClock) -> None:
    access, link = sip2_services.access, sip2_services.sip2
    assert isinstance(access, Sip2AccessService)
    assert link is not None
    said: list[tuple[str, str]] = []
    circulation = sip2_circulation(access, link, sip2_services.sessions, clock, "checkin_only")
    screen = CheckoutScreen(CheckoutController(circulation, clock, branch="Solrød Bibliotek"),
                            narrator=Narrator(RecordingSpeech(said), clock.monotonic))
    qtbot.addWidget(screen)
    try:
        screen.resize(1280, 800)
        screen.show()
        assert screen.header is not None
        assert screen.header.speech.isVisible()
        qtbot.mouseClick(screen.header.speech, Qt.MouseButton.LeftButton)
        assert "Scan dit lånerkort eller sundhedskort" in said[-1][0]
        screen.dispatch(CardPresented(parse_card(ANNA_CARD, "checkout")))
        qtbot.waitUntil(lambda: screen.idle, timeout=WAIT_MS)
        assert "Tast din pinkode" in said[-1][0]
        for digit in ANNA_PIN[:2]:
            screen.dispatch(PinDigit(digit))
        qtbot.waitUntil(lambda: screen.idle, timeout=WAIT_MS)
        assert [text for text, _ in said[-2:]] == ["Ciffer tastet", "Ciffer tastet"]
        assert all(ANNA_PIN[:2] not in text for text, _ in said)
    finally:
        screen.stop()
