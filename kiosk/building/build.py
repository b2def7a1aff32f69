"""The building made from the config: outputs on their relays, the announcer, the notification
command, the timeline of the calendar the door decides with. Used by `kiosk run`, the demo and
the tests, so all three run the same objects. No Qt.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.building.outputs import Outputs
from kiosk.building.settings import building_settings
from kiosk.building.shell import NOTIFY, BuildingShell, Hooks
from kiosk.building.timeline import Timeline
from kiosk.clock import Clock
from kiosk.config import LoadedConfig
from kiosk.health.faults import Faults
from kiosk.schedule import Calendar
from kiosk.services import Services
from kiosk.speech.espeak import EspeakSpeech
from kiosk.system.announcer import Announcer, CommandPlayer, FilePlayer, Player
from kiosk.system.notify import NotifyCommand


def player_for(loaded: LoadedConfig, to_dir: Path | None = None) -> Player | None:
    """Announcements to files in `to_dir` (demo, tests), else through kiosk.sound_command;
    None when neither is set (announcements are still rendered and logged)."""
    if to_dir is not None:
        return FilePlayer(to_dir)
    command = loaded.config.kiosk.sound_command
    return CommandPlayer(command) if command else None


def announcer_for(loaded: LoadedConfig, player: Player | None) -> Announcer:
    """Texts spoken by [speech]'s program (also when "Read aloud" is switched off)."""
    c = loaded.config
    speech = EspeakSpeech(c.speech.program, (), c.speech.words_per_minute)
    return Announcer(c.announcements, c.sound, loaded.base_dir, loaded.data_dir / "sounds",
                     player, speech)


def notifier_for(loaded: LoadedConfig, faults: Faults) -> NotifyCommand | None:
    alarms = loaded.config.alarms
    if not alarms.notify_command:
        return None

    def done(_kind: str, why: str | None) -> None:
        if why is None:
            faults.clear(NOTIFY)
        else:
            faults.set(NOTIFY, why, stops_door=False)

    return NotifyCommand(alarms.notify_command, alarms.notify_timeout.total_seconds(),
                         loaded.config.kiosk.branch, loaded.kiosk_id, done)


def build_building(loaded: LoadedConfig, services: Services, clock: Clock,
                   calendar: Calendar | None = None, hooks: Hooks | None = None,
                   announcements_to: Path | None = None) -> BuildingShell:
    """The building, its outputs switched off (released) and its memory read back; not
    started. `calendar`: the door's (with the calendar feed laid over it)."""
    config = loaded.config
    timeline = Timeline(calendar or Calendar(config.calendar), building_settings(config))
    outputs = Outputs.from_config(config.outputs)
    try:
        shell = BuildingShell(timeline, services.sessions, clock, outputs, services.faults,
                              announcer_for(loaded, player_for(loaded, announcements_to)),
                              notifier_for(loaded, services.faults), hooks)
        shell.announcements_to = announcements_to
        shell.restore(fire_input=config.inputs.fire_alarm is not None)
    except BaseException:
        outputs.close()
        raise
    return shell
