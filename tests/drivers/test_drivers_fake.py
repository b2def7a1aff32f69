"""The fakes behave like the real drivers they stand in for."""

from __future__ import annotations

import pytest
from driverkit import TEST_CPR, Recorder

from drivers.fake import RecordingRelay, ScriptedReader
from drivers.types import CardKind, ReaderState


def test_scripted_reader_delivers_on_start_and_on_demand() -> None:
    recorder = Recorder()
    reader = ScriptedReader("demo", [TEST_CPR, "garbage"])
    reader.start(recorder.on_read, recorder.on_status)
    assert [recorder.next_read().kind for _ in range(2)] == [CardKind.CPR, CardKind.UNKNOWN]
    reader.present("12345678901234")
    assert recorder.next_read().value == "12345678901234"
    reader.unplug()
    reader.replug()
    assert recorder.states == [
        ReaderState.CONNECTED,
        ReaderState.DISCONNECTED,
        ReaderState.CONNECTED,
    ]
    reader.stop()
    with pytest.raises(RuntimeError, match="not started"):
        reader.present(TEST_CPR)


def test_recording_relay_latches_and_records() -> None:
    with RecordingRelay(latched_on=True) as relay:
        assert not relay.latched
        relay.on()
        assert relay.latched
        assert relay.is_on
    assert [c.on for c in relay.commands] == [False, True, False]
    assert relay.commands[0].at <= relay.commands[-1].at
