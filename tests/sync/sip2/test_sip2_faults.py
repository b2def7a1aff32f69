"""Each FakeAcs fault against the real client, and A.2 corner cases from a scripted ACS."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator

import pytest
from sip2_support import make_client

from sync.sip2.client import Sip2Client
from sync.sip2.codec import Message, checksum, decode
from sync.sip2.errors import Sip2LinkError, Sip2Offline
from sync.sip2.fakes import library_data as lib
from sync.sip2.fakes.acs import FOREVER, FakeAcs
from sync.sip2.resend import Action, judge
from sync.sip2.transport import CrFramer


def test_slow_answer_is_resent_and_the_late_copy_ignored(client: Sip2Client,
                                                         fake: FakeAcs) -> None:
    client.sc_status()
    fake.set_fault("slow", count=1, seconds=0.5)  # > timeout_s 0.3: one resend
    assert client.item_information(lib.AVAILABLE).title == "Kaffe og kager"
    # the answer to the resent copy arrives late with the old AY: dropped, not mistaken
    assert client.item_information(lib.LENT_TO_ANNA).title == "Lånt bog"
    # Read only now: the fake may still be asleep on the first copy when the client has its
    # answer, and reads the resent copy before the next request on the same connection.
    # At least one resend; a loaded machine may need a second before the answer gets through.
    assert fake.received[:4] == ["93", "99", "17", "17"]
    assert set(fake.received[2:]) == {"17"}
    assert fake.errors == []


def test_slow_beyond_all_retries_is_a_link_error_then_recovers(client: Sip2Client,
                                                               fake: FakeAcs) -> None:
    client.sc_status()
    fake.set_fault("slow", count=FOREVER, seconds=2.0)
    with pytest.raises(Sip2LinkError, match="after 2 retries"):
        client.item_information(lib.AVAILABLE)
    # "after 2 retries": the client gave up on its own timeouts, not on the ACS's answer.
    assert not client.connected  # late answers must not reach the next request
    fake.clear_faults()
    assert client.item_information(lib.AVAILABLE).title == "Kaffe og kager"
    assert fake.logins == 2


def test_dropped_connection_reconnects_and_logs_in_again(client: Sip2Client,
                                                         fake: FakeAcs) -> None:
    client.sc_status()
    fake.set_fault("drop")
    result = client.checkout("3300001234", lib.AVAILABLE, "4711")
    assert result.ok
    assert fake.received == ["93", "99", "11", "93", "11"]
    assert fake.logins == 2
    assert [t["kind"] for t in fake.transactions] == ["checkout"]  # done once, not twice


def test_dropping_every_time_is_a_link_error(client: Sip2Client, fake: FakeAcs) -> None:
    fake.set_fault("drop", count=FOREVER)
    with pytest.raises(Sip2LinkError, match="3 attempts"):
        client.sc_status()


def test_bad_checksum_is_answered_with_97_and_recovers(client: Sip2Client,
                                                       fake: FakeAcs) -> None:
    client.sc_status()
    fake.set_fault("bad_checksum")
    info = client.patron_information("3300001234", "4711")
    assert info.valid_password
    assert fake.received == ["93", "99", "63", "97"]
    assert fake.transactions == []


def test_bad_checksum_every_time_is_a_link_error(client: Sip2Client, fake: FakeAcs) -> None:
    client.sc_status()
    fake.set_fault("bad_checksum", count=FOREVER)
    with pytest.raises(Sip2LinkError):
        client.item_information(lib.AVAILABLE)
    assert fake.received[-3:] == ["17", "97", "97"]


def test_96_makes_the_client_resend(client: Sip2Client, fake: FakeAcs) -> None:
    client.sc_status()
    fake.set_fault("resend")
    assert client.checkin(lib.LENT_TO_ANNA).ok
    assert fake.received == ["93", "99", "09", "09"]
    assert len(fake.transactions) == 1


def test_offline_acs(client: Sip2Client, fake: FakeAcs) -> None:
    fake.set_fault("offline", count=FOREVER)
    with pytest.raises(Sip2Offline) as status_error:
        client.sc_status()
    assert status_error.value.status is not None
    assert not status_error.value.status.online
    with pytest.raises(Sip2Offline):
        client.checkout("3300001234", lib.AVAILABLE, "4711")  # a 98 instead of the 12
    assert fake.transactions == []
    fake.set_fault("offline", count=0)
    assert client.sc_status().online


def test_faults_can_be_set_from_another_thread(client: Sip2Client, fake: FakeAcs) -> None:
    setter = threading.Thread(target=fake.set_fault, args=("resend", 2))
    setter.start()
    setter.join()
    assert client.sc_status().online is True
    with pytest.raises(ValueError, match="unknown fault"):
        fake.set_fault("melt")


# --- A.2 rules as a table, and the corner cases the fake does not produce -----------------

@pytest.mark.parametrize(
    ("reply", "last_was_97", "action"),
    [
        (None, False, Action.RESEND_LAST),
        (Message("18", seq=4), False, Action.ACCEPT),
        (Message("18", seq=None), False, Action.ACCEPT),
        (Message("18", seq=3), False, Action.IGNORE),
        (Message("96"), False, Action.RESEND_ORIGINAL),
        (Message("96"), True, Action.FAIL),
        (Message("98", seq=4), False, Action.RESEND_ORIGINAL),
        (Message("12", seq=4), False, Action.IGNORE),
    ],
    ids=["timeout", "answer", "answer-without-ay", "wrong-ay", "96", "96-after-97",
         "98-instead", "unrelated"],
)
def test_judge(reply: Message | None, last_was_97: bool, action: Action) -> None:
    assert judge(reply, expected="18", seq=4, last_was_97=last_was_97) is action


def _frame(text: str) -> bytes:
    data = text.encode()
    return data + checksum(data).encode() + b"\r"


Script = Callable[[Message], list[bytes]]


@pytest.fixture
def scripted() -> Iterator[Callable[[Script], Sip2Client]]:
    """A client whose `connect` is one end of a socketpair; a thread plays the ACS script."""
    threads: list[threading.Thread] = []
    ends: list[socket.socket] = []
    clients: list[Sip2Client] = []

    def make(script: Script) -> Sip2Client:
        def connect() -> socket.socket:
            ours, theirs = socket.socketpair()
            ends.append(theirs)
            thread = threading.Thread(target=_play, args=(theirs, script), daemon=True)
            threads.append(thread)
            thread.start()
            return ours

        sip2 = Sip2Client("acs", 0, "kiosk", "secret", "DK", connect=connect, timeout_s=0.3,
                          retries=2, reconnect_delay_s=0.0)
        clients.append(sip2)
        return sip2

    yield make
    for sip2 in clients:
        sip2.close()
    for end in ends:
        end.close()
    for thread in threads:
        thread.join(timeout=2)


def _play(sock: socket.socket, script: Script) -> None:
    framer = CrFramer()
    try:
        while data := sock.recv(4096):
            for frame in framer.feed(data):
                for reply in script(decode(frame)):
                    sock.sendall(reply)
    except OSError:
        return  # the test closed its end


def test_wrong_ay_is_ignored_98_resent_and_crlf_accepted(
    scripted: Callable[[Script], Sip2Client],
) -> None:
    answered: list[str] = []

    def script(msg: Message) -> list[bytes]:
        answered.append(msg.command)
        if msg.command == "93":
            return [_frame(f"941AY{msg.seq}AZ") + b"\n"]  # CRLF, as Koha
        if answered.count("17") == 1:  # first 17: a 98 instead of the answer
            return [_frame(f"98YYYYNY03000320261123    1430002.00AODK|BX{'Y' * 16}|AY{msg.seq}AZ")]
        stale = _frame(f"1803000120261123    143000AB1|AJstale|AY{(msg.seq or 0) + 5}AZ")
        good = _frame(f"1803000120261123    143000AB1|AJright|AY{msg.seq}AZ")
        return [stale, good]

    sip2 = scripted(script)
    assert sip2.item_information("1").title == "right"
    assert answered == ["93", "17", "17"]


def test_96_in_answer_to_97_fails_the_link(scripted: Callable[[Script], Sip2Client]) -> None:
    def script(msg: Message) -> list[bytes]:
        if msg.command == "93":
            return [_frame(f"941AY{msg.seq}AZ")]
        if msg.command == "97":
            return [_frame("96AZ")]
        return [b"1803000120261123    143000AB1|AJx|AY1AZ0000\r"]  # bad checksum

    with pytest.raises(Sip2LinkError, match="97"):
        scripted(script).item_information("1")


def test_no_error_detection(fake: FakeAcs) -> None:
    with make_client(fake, error_detection=False) as sip2:
        assert sip2.item_information(lib.AVAILABLE).title == "Kaffe og kager"
    assert fake.errors == []


def test_offline_at_login_leaves_no_half_open_session(
    scripted: Callable[[Script], Sip2Client],
) -> None:
    offline = True

    def script(msg: Message) -> list[bytes]:
        if offline:
            return [_frame(f"98NNNNNN00000320261123    1430002.00AODK|BX{'N' * 16}|AY{msg.seq}AZ")]
        if msg.command == "93":
            return [_frame(f"941AY{msg.seq}AZ")]
        return [_frame(f"1803000120261123    143000AB1|AJback|AY{msg.seq}AZ")]

    sip2 = scripted(script)
    with pytest.raises(Sip2Offline):
        sip2.item_information("1")
    assert not sip2.connected
    offline = False
    assert sip2.item_information("1").title == "back"
