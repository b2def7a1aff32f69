"""The technician screen's sentences in the kiosk's language (through `tr`): the mode, the
week's calendar, reader and relay states, and the last decisions. Reason codes stay codes:
they are what `kiosk log` prints and docs/cli.md explains."""

from __future__ import annotations

from datetime import datetime

from drivers.types import ReaderState, ReaderStatus
from kiosk.building.agenda import AgendaLine, BuildingView, OutputView
from kiosk.health.techinfo import DayPlan, DecisionRow, JobView, RelayView, TechnicianInfo
from kiosk.health.upkeep import Upkeep
from kiosk.schedule import Mode
from kiosk.ui.i18n import tr
from kiosk.ui.screens import texts


def mode_name(mode: Mode) -> str:
    return {Mode.STAFFED: tr("staffed"), Mode.SELF_SERVICE: tr("self-service"),
            Mode.CLOSED: tr("closed")}[mode]


def day_line(plan: DayPlan) -> str:
    """"Tue 24.11: Self-service 07:00–22:00, staffed 10:00–17:00" (and a special day's name)."""
    day = plan.day
    hours = texts.day_hours(plan.rules, exact=True) or tr("closed")
    line = f"{texts.weekday_short(day.weekday())} {day:%d.%m}: {hours}"
    if plan.exception is not None:
        line += " – " + (plan.exception or tr("special day"))
    return line


def reader_line(name: str, status: ReaderStatus) -> str:
    state = {ReaderState.CONNECTED: tr("connected"), ReaderState.DISCONNECTED:
             tr("disconnected"), ReaderState.ERROR: tr("error")}[status.state]
    return f"{name}: {state}" + (f" ({status.detail})" if status.detail else "")


def relay_line(relay: RelayView) -> str:
    state = tr("on") if relay.is_on else tr("off")
    fault = " – " + tr("fault: %1", relay.fault) if relay.fault else ""
    return f"{relay.driver}: {state}{fault}"


def _kind(credential: str) -> str:
    return {"cpr": tr("health card"), "card": tr("card")}.get(credential, tr("unreadable"))


def decision_lines(rows: list[DecisionRow]) -> list[str]:
    """One line a decision, in columns (the list is monospaced)."""
    verdicts = {True: tr("granted"), False: tr("denied")}
    wide = max(len(v) for v in verdicts.values())
    kinds = max((len(_kind(r.credential)) for r in rows), default=0)
    tech = " " + tr("(technician)")
    return [f"{r.at:%d.%m %H:%M:%S}  {verdicts[r.granted]:<{wide}}  {r.reason:<16} "
            f"{_kind(r.credential):<{kinds}} {r.patron or '-'}{tech if r.technician else ''}"
            f"{f'  ×{r.repeats}' if r.repeats > 1 else ''}"
            for r in rows]


def _when(at: datetime | None) -> str:
    return f"{at:%d.%m %H:%M}" if at is not None else "–"


def upkeep_lines(upkeep: Upkeep) -> list[str]:
    """The clock, the purge and the PIN verifiers: what the data protection officer asks."""
    clock = upkeep.clock
    trust = tr("trusted") if clock.trusted else tr("NOT trusted: %1", clock.reason)
    purge = _when(upkeep.last_purge) if upkeep.last_purge is not None else tr("never")
    if upkeep.purge.overdue:
        purge += " – " + tr("overdue")
    verifiers = upkeep.pin_verifiers
    return [tr("Clock: %1", trust), tr("Last purge: %1", purge),
            tr("PIN verifiers: %1 memory-hard, %2 fast", verifiers.get("memory_hard", 0),
               verifiers.get("fast", 0))]


def job_lines(jobs: list[JobView]) -> list[str]:
    """One line a background job: its last success, or its failing streak and error; when it
    runs next. Job names stay codes, as `kiosk status --json` prints them."""
    lines = []
    for job in jobs:
        if job.last_error is not None:
            state = tr("failed %1 times: %2", job.failures, job.last_error)
        else:
            done = job.last_success
            state = tr("last success %1", _when(done) if done is not None else tr("never"))
        lines.append(f"{job.name}: {state} · " + tr("next try %1", _when(job.next_try)))
    return lines


# -- the building (issue 15): outputs, occupancy, door alarms, the next 24 hours ---------------

def building_lines(view: BuildingView) -> list[str]:
    """Alarm kinds and output names stay codes, as reason codes do (docs/building.md)."""
    alarms = ", ".join((*view.alarms, *(("fire_alarm",) if view.fire else ()))) or "–"
    outputs = ", ".join(_output(o) for o in view.outputs) or tr("none configured")
    lines = [tr("Inside (estimate): %1 · door alarms: %2", view.occupancy, alarms),
             tr("Outputs: %1", outputs), tr("Next 24 hours:")]
    return lines + [_agenda(line) for line in view.next_hours]


def _output(o: OutputView) -> str:
    state = "–" if o.on is None else (tr("on") if o.on else tr("off"))
    return f"{o.name} {state}" + (" – " + tr("fault: %1", o.fault) if o.fault else "")


def _agenda(line: AgendaLine) -> str:
    if line.kind == "switch":
        what = f"{line.subject} {tr('on') if line.on else tr('off')}"
    elif line.kind == "announce":
        what = f"♪ {line.subject}" + (f" ({line.minutes})" if line.minutes else "")
    else:
        what = tr("estimate to 0")
    condition = {"empty": tr("if empty"), "occupied": tr("if occupied")}.get(line.when)
    return f"{line.at:%H:%M}  {what}" + (f" {condition}" if condition else "")


def summary(info: TechnicianInfo) -> str:
    age = texts.age(info.cache_age) if info.cache_age is not None else tr("never synced")
    readers = ", ".join(reader_line(n, s) for n, s in info.readers.items())
    faults = ", ".join(f"{k}: {v}" for k, v in info.faults.items()) or tr("none")
    lines = [
        tr("Version %1 · mode now: %2", info.version, mode_name(info.mode)),
        tr("Cache: %1 patrons, %2, age %3", info.patrons, info.database, age),
        tr("Last sync: %1 · error: %2", info.last_sync or "–", info.last_sync_error or "–"),
        tr("Outbox: %1 waiting", info.outbox),
        tr("Readers: %1", readers or tr("none configured")),
        tr("Relay: %1", relay_line(info.relay)),
        tr("Faults: %1", faults),
    ]
    if info.upkeep is not None:
        lines += upkeep_lines(info.upkeep)
    if info.jobs:
        lines += [tr("Background jobs:"), *("  " + line for line in job_lines(info.jobs))]
    return "\n".join(lines)
