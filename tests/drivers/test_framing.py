import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.cardparse import parse_card
from drivers.framing import LineFramer
from drivers.types import CardKind


@pytest.mark.parametrize(
    ("data", "frames"),
    [
        (b"12345678901234\r", [b"12345678901234"]),
        (b"12345678901234\r\n", [b"12345678901234"]),
        (b"12345678901234\n", [b"12345678901234"]),
        (b"\x02;1234?\x03\r", [b";1234?"]),
        (b"\x1b%E?;E?\r", [b"%E?;E?"]),
        (b"a\rb\r\nc\n", [b"a", b"b", b"c"]),
        (b"\r\n\r\n\r\r\n\n", []),
    ],
    ids=["cr", "crlf", "lf", "stx-etx", "esc", "several", "cr-flood"],
)
def test_feed_splits_on_terminators(data: bytes, frames: list[bytes]) -> None:
    assert LineFramer().feed(data, 0.0) == frames


def test_frame_without_suffix_ends_by_silence() -> None:
    framer = LineFramer(idle_gap_s=0.1)
    assert framer.feed(b"%E?;1705901234=", 0.0) == []
    assert framer.flush_idle(0.05) is None
    assert framer.deadline() == pytest.approx(0.1)
    assert framer.flush_idle(0.2) == b"%E?;1705901234="
    assert framer.flush_idle(0.3) is None
    assert not framer.pending


def test_silence_is_measured_from_the_last_byte() -> None:
    framer = LineFramer(idle_gap_s=0.1)
    framer.feed(b"1234", 0.0)
    framer.feed(b"5678", 0.08)
    assert framer.flush_idle(0.15) is None
    assert framer.flush_idle(0.18) == b"12345678"


def test_bytes_after_a_silence_start_a_new_frame() -> None:
    framer = LineFramer(idle_gap_s=0.1)
    framer.feed(b"first", 0.0)
    assert framer.feed(b"second\r", 0.5) == [b"first", b"second"]


def test_a_read_split_across_chunks_is_one_frame() -> None:
    framer = LineFramer()
    assert framer.feed(b"%DOE^JOHN?;92081004", 0.0) == []
    assert framer.feed(b"01017023451041?", 0.01) == []
    assert framer.feed(b"\r", 0.02) == [b"%DOE^JOHN?;9208100401017023451041?"]


def test_an_overlong_line_is_one_bounded_garbage_frame() -> None:
    framer = LineFramer(max_frame=1024)
    frames = framer.feed(b"7" * 10_000, 0.0)
    assert frames == []
    frames = framer.feed(b"7" * 10_000 + b"\r12345678901234\r", 0.01)
    assert frames == [b"7" * 1024, b"12345678901234"]
    assert parse_card(frames[0].decode()).kind is CardKind.UNKNOWN


def test_an_overlong_line_ended_by_silence_is_one_frame() -> None:
    framer = LineFramer(max_frame=16)
    framer.feed(b"x" * 100, 0.0)
    assert framer.flush_idle(1.0) == b"x" * 16
    assert framer.flush_idle(2.0) is None


def test_reset_forgets_a_partial_frame() -> None:
    framer = LineFramer()
    framer.feed(b"half a ca", 0.0)
    framer.reset()
    assert framer.feed(b"rd\r", 0.01) == [b"rd"]


@pytest.mark.parametrize("bad", [{"idle_gap_s": 0}, {"max_frame": 0}])
def test_rejects_nonsense_settings(bad: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must be"):
        LineFramer(**bad)  # type: ignore[arg-type]


chunks = st.lists(st.tuples(st.binary(max_size=300), st.floats(0, 0.3)), max_size=30)


@settings(max_examples=300, deadline=None)
@given(chunks=chunks, max_frame=st.integers(1, 64))
def test_framer_never_raises_nor_invents_bytes(
    chunks: list[tuple[bytes, float]], max_frame: int
) -> None:
    framer = LineFramer(idle_gap_s=0.1, max_frame=max_frame)
    now, fed, out = 0.0, 0, 0
    for data, gap in chunks:
        now += gap
        fed += len(data)
        frames = framer.feed(data, now)
        idle = framer.flush_idle(now)
        for frame in [*frames, *([idle] if idle else [])]:
            assert frame
            assert len(frame) <= max_frame
            assert not set(frame) & {0x02, 0x03, 0x1B, 0x0D, 0x0A}
            out += len(frame)
    tail = framer.flush_idle(now + 1.0)
    out += len(tail or b"")
    assert out <= fed


@settings(max_examples=500, deadline=None)
@given(raw=st.text(max_size=1200) | st.binary(max_size=1200).map(lambda b: b.decode("latin-1")))
def test_parse_card_never_raises(raw: str) -> None:
    read = parse_card(raw, "fuzz")
    assert read.reader == "fuzz"
    assert len(read.value) <= len(raw)
    if read.kind is CardKind.UNKNOWN:
        assert read.value == ""
