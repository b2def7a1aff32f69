"""data_dir without a valid config, the last relay settings that worked, the owner lock."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from kioskkit import REPO

from kiosk.config.models import RelaySection
from kiosk.system.relay_owner import (
    LOCK_NAME,
    MEMORY_NAME,
    RelayBusy,
    RelayLock,
    find_data_dir,
    lock_holder,
    recall_relay,
    remember_relay,
)


@pytest.mark.parametrize(
    ("text", "overrides", "expected"),
    [
        ('[kiosk]\ndata_dir = "/var/lib/kiosk"\n', [], "/var/lib/kiosk"),
        ('[kiosk]\ndata_dir = "state"\n', [], "{base}/state"),
        # valid TOML, invalid config: the other key does not matter
        ('[kiosk]\ndata_dir = "/srv/k"\n[access]\nmin_age = "fifteen"\n', [], "/srv/k"),
        # not TOML at all: the data_dir line of [kiosk]
        ('[kiosk]\ndata_dir = "/srv/k"\nbranch = \n[relay]\ndata_dir = "/no"\n', [], "/srv/k"),
        ('[relay]\ndata_dir = "/no"\nbroken = \n', [], "{base}/data"),
        ("", [], "{base}/data"),
        ('[kiosk]\ndata_dir = "/srv/k"\n', ['kiosk.data_dir="/mnt/other"'], "/mnt/other"),
        ('[kiosk]\ndata_dir = 7\n', [], "{base}/data"),
    ],
    ids=["absolute", "relative", "invalid-config", "not-toml", "not-toml-no-kiosk", "empty",
         "override", "not-a-string"],
)
def test_data_dir_is_found_without_validating(
    tmp_path: Path, text: str, overrides: list[str], expected: str
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(text, encoding="utf-8")
    assert find_data_dir(config, overrides) == Path(expected.format(base=tmp_path))


def test_a_missing_config_file_gives_the_default_next_to_it(tmp_path: Path) -> None:
    assert find_data_dir(tmp_path / "nope.toml") == tmp_path / "data"


def test_relay_settings_round_trip_privately(tmp_path: Path) -> None:
    section = RelaySection(driver="lcus", port="/dev/serial/by-id/usb-1a86", channel=2)
    remember_relay(tmp_path / "data", section.model_dump(mode="json"))
    assert recall_relay(tmp_path / "data") == section.model_dump(mode="json")
    mode = (tmp_path / "data" / MEMORY_NAME).stat().st_mode
    assert stat.S_IMODE(mode) == 0o600


@pytest.mark.parametrize("content", ["not json", '{"driver": "denkovi"}', "[]"],
                         ids=["garbage", "unknown-driver", "wrong-shape"])
def test_an_unusable_memory_is_ignored(tmp_path: Path, content: str) -> None:
    (tmp_path / MEMORY_NAME).write_text(content, encoding="utf-8")
    assert recall_relay(tmp_path) is None
    assert recall_relay(tmp_path / "nothing-here") is None


HOLD = """
import sys
from pathlib import Path
from kiosk.system.relay_owner import RelayLock
RelayLock(Path(sys.argv[1])).acquire("attempt")
print("holding", flush=True)
sys.stdin.readline()
"""


def test_the_lock_names_its_holder_and_dies_with_it(tmp_path: Path) -> None:
    path = tmp_path / LOCK_NAME
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "holding"
        assert lock_holder(tmp_path) == f"kiosk attempt (pid {holder.pid})"
        with pytest.raises(RelayBusy, match=rf"in use by kiosk attempt \(pid {holder.pid}\)"):
            RelayLock(path).acquire("run", patience_s=0.1)
    finally:
        holder.kill()  # SIGKILL: no cleanup runs, the kernel drops the lock
        holder.wait()
        for stream in (holder.stdin, holder.stdout):
            if stream is not None:
                stream.close()
    assert lock_holder(tmp_path) is None
    lock = RelayLock(path)
    lock.acquire("run")
    assert lock_holder(tmp_path) == f"kiosk run (pid {os.getpid()})"
    lock.release()
