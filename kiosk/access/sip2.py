"""Access with `central.kind = "sip2"`: a live 63 check first, the learned cache behind it.

Sip2AccessService is an AccessService (the DoorController and `kiosk explain` use it
unchanged) whose card + PIN check asks the library system live, at most DOOR_TIMEOUT_S, writes
the answer through (kiosk/sip2/learned_cache.py) and then decides from the cache with the usual
rules. Offline, the cache decides only for a patron verified within
`central.max_verification_age`; anyone else gets `cannot_verify`.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from sqlalchemy.orm import Session, sessionmaker

from drivers.cardparse import normalise_card
from drivers.types import CardKind, CardRead
from kiosk.access.credentials import pin_well_formed
from kiosk.access.rules import Decision, PinResult, decide, pin_required
from kiosk.access.service import AccessService, Evaluation
from kiosk.cache.models import Patron
from kiosk.clock import Clock
from kiosk.config import LoadedConfig
from kiosk.health.faults import Faults
from kiosk.privacy.keyed_hash import KeyedHasher
from kiosk.privacy.verifiers import VerifierWriter
from kiosk.reasons import Reason
from kiosk.sip2.learned_cache import block_reason, forget_credential, learn
from kiosk.sip2.link import LiveLink
from sync.sip2 import PatronInfo

log = logging.getLogger(__name__)


def sip2_key(read: CardRead) -> str:
    """What goes into AA: the card number as printed, or the 10-digit CPR."""
    return normalise_card(read.value) if read.kind is CardKind.CARD else read.value


class Sip2AccessService(AccessService):
    def __init__(
        self, loaded: LoadedConfig, sessions: sessionmaker[Session], hasher: KeyedHasher,
        clock: Clock, rule_set_version: str, faults: Faults, link: LiveLink,
    ) -> None:
        super().__init__(loaded, sessions, hasher, clock, rule_set_version, faults)
        self.link = link
        self.blocking = tuple(self.config.central.sip2.blocking_positions)
        self.verifiers = VerifierWriter(sessions, hasher)

    def close(self) -> None:
        self.verifiers.close()

    def screen_card_cached(self, read: CardRead) -> Evaluation:
        """The card screened from the cache alone (`kiosk explain` without --live)."""
        return super().screen_card(read)

    def screen_card(self, read: CardRead) -> Evaluation:
        evaluation = super().screen_card(read)
        decision = evaluation.decision
        unknown = decision is not None and decision.reason is Reason.UNKNOWN_CARD
        if not unknown or evaluation.credential_id is None:
            return evaluation
        if pin_required(evaluation.mode, self.config.access):
            # Not in the learned cache yet: the library system may know them. Ask for the PIN.
            return replace(evaluation, decision=None, needs_pin=True)
        # Card alone (staffed hours): ask the library system about the card, without a PIN.
        key = sip2_key(read)
        info = self.link.call(lambda c: c.patron_information(key))
        if info is None or info.valid_patron is not True:
            return evaluation
        self._write_through(read, evaluation.credential_id, key, None, info)
        return super().screen_card(read)

    def check_pin(self, read: CardRead, pin: str | None) -> Evaluation:
        cid = self.credential_id(read)
        length = self.config.access.pin_length
        if cid is None or pin is None or not pin_well_formed(pin, length):
            return super().check_pin(read, pin)  # nothing the library system should see
        key = sip2_key(read)
        info = self.link.call(lambda c: c.patron_information(key, pin))
        if info is None:
            return self.check_offline(read, pin)
        self._write_through(read, cid, key, pin, info)
        # The library system has just checked the PIN: its answer decides, not the cache's
        # verifier (which is being made off the door path).
        live = PinResult.RIGHT if info.valid_password is True else PinResult.WRONG
        evaluation, inp = self._evaluate(read, pin, known=live)
        return self._refined(replace(evaluation, decision=decide(inp, self.config.access)))

    def live_patron(self, read: CardRead, pin: str) -> PatronInfo | None:
        """The checkout screen's login: the same live check and write-through as the door."""
        cid = self.credential_id(read)
        if cid is None:
            return None
        key = sip2_key(read)
        info = self.link.call(lambda c: c.patron_information(key, pin))
        if info is not None:
            self._write_through(read, cid, key, pin, info)
        return info

    def _write_through(
        self, read: CardRead, cid: bytes, key: str, pin: str | None, info: PatronInfo
    ) -> None:
        with self.sessions.begin() as session:
            if info.valid_patron is False:
                forget_credential(session, cid)
                return
            now = self.clock.now()
            learned = learn(session, self.hasher, kind=str(read.kind), key=key,
                            credential_id=cid, info=info, pin=pin, now=now,
                            blocking=self.blocking)
        if learned.verify_pin and pin is not None:
            self.verifiers.submit(learned.patron_id, pin, now)

    def check_offline(self, read: CardRead, pin: str) -> Evaluation:
        """The cache alone: rules applied, and only a verification younger than the limit."""
        self.verifiers.settle()  # a PIN confirmed live a moment ago is checkable now
        evaluation, inp = self._evaluate(read, pin)
        if not self.verified_recently(evaluation.patron_id):
            inp = replace(inp, unverifiable=True)
        return self._refined(replace(evaluation, decision=decide(inp, self.config.access)))

    def verified_recently(self, patron_id: str | None) -> bool:
        """Confirmed live within the limit, and its verifier made (it follows the live check
        by ~25 ms: without it the cache cannot check a PIN, so it cannot verify)."""
        if patron_id is None:
            return False
        with self.sessions() as session:
            patron = session.get(Patron, patron_id)
            verified = patron.verified_at if patron is not None else None
            made = patron is not None and patron.pin_verifier is not None
        limit = self.config.central.max_verification_age
        return made and verified is not None and self.clock.now() - verified <= limit

    def _refined(self, evaluation: Evaluation) -> Evaluation:
        """A learned status flag replaces a grant or a generic block with its own reason."""
        decision = evaluation.decision
        if decision is None or evaluation.pin is not PinResult.RIGHT:
            return evaluation
        if not (decision.granted or decision.reason is Reason.PATRON_BLOCKED):
            return evaluation
        with self.sessions() as session:
            patron = session.get(Patron, evaluation.patron_id) if evaluation.patron_id else None
            reason = block_reason(patron.blocked_reason) if patron is not None else None
        if reason is None:
            return evaluation
        refused = Decision(False, reason, decision.rule_set_version)
        return replace(evaluation, decision=refused)
