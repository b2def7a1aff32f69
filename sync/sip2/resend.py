"""The SC side of A.2's resend rules as one pure decision: what to do with what just arrived.

reference/protocols.md §A.1-A.2. Standard library only. The client performs the action; this
module only judges, so every rule is a table row in the tests.
"""

from __future__ import annotations

from enum import StrEnum

from sync.sip2.codec import Message
from sync.sip2.errors import Sip2DecodeError


class Action(StrEnum):
    ACCEPT = "accept"  # the answer we are waiting for
    IGNORE = "ignore"  # good checksum but another AY, or an unrelated message: keep waiting
    RESEND_LAST = "resend_last"  # timeout: send the same bytes again (same AY)
    RESEND_ORIGINAL = "resend_original"  # 96, or a 98 instead of the answer: resend request
    ASK_RESEND = "ask_resend"  # bad checksum or unreadable: send 97
    FAIL = "fail"  # 96 in answer to our 97: the link is broken both ways


def judge(
    reply: Message | Sip2DecodeError | None, *, expected: str, seq: int | None, last_was_97: bool
) -> Action:
    """Decide on one arrival: a message, an unreadable frame (its error), or None = timed out.

    `seq` is the AY we sent (None without error detection). A reply without AY is accepted:
    some ACSs leave it off even with checksums on, and the command id still has to match.
    """
    if reply is None:
        return Action.RESEND_LAST
    if isinstance(reply, Sip2DecodeError):
        return Action.ASK_RESEND  # bad checksum, or garbage: only the ACS can send it again
    if reply.command == "96":
        return Action.FAIL if last_was_97 else Action.RESEND_ORIGINAL
    if seq is not None and reply.seq is not None and reply.seq != seq:
        return Action.IGNORE
    if reply.command == expected:
        return Action.ACCEPT
    if reply.command == "98":
        return Action.RESEND_ORIGINAL  # A.1: the ACS may answer anything with 98; re-send
    return Action.IGNORE


def counts_as_retry(action: Action) -> bool:
    """Actions that use up one of the configured retries (A.2 "up to the limit")."""
    return action in (Action.RESEND_LAST, Action.RESEND_ORIGINAL, Action.ASK_RESEND)
