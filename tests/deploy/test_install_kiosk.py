"""scripts/install-kiosk, run into a staging root: what it writes, that it says so, that a second
run changes nothing, that it keeps a technician's config, and that the units it writes are
valid systemd units (systemd-analyze verify)."""

from __future__ import annotations

import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from kiosk.config import load

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "install-kiosk"
FILES = {
    "etc/systemd/system/kiosk.service": 0o644,
    "etc/pam.d/kiosk": 0o644,
    "etc/udev/rules.d/70-kiosk.rules": 0o644,
    "etc/systemd/journald.conf.d/kiosk.conf": 0o644,
    "etc/systemd/logind.conf.d/kiosk.conf": 0o644,
    "etc/default/grub.d/kiosk.cfg": 0o644,
    "etc/X11/xorg.conf.d/10-kiosk-noblank.conf": 0o644,
    "etc/kiosk/config.toml": 0o640,
}
FILES_UNIT = "etc/systemd/system/kiosk.service"


def install(root: Path, *options: str, code: int = 0) -> str:
    done = subprocess.run([str(SCRIPT), "--root", str(root), "--app-dir", "/opt/kiosk",
                           *options], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == code, done.stderr
    return done.stdout + done.stderr


def test_install_writes_every_file_says_so_and_runs_nothing_on_this_machine(
    tmp_path: Path,
) -> None:
    out = install(tmp_path)
    for name, mode in FILES.items():
        path = tmp_path / name
        assert stat.S_IMODE(path.stat().st_mode) == mode, name
        assert f"new        /{name}" in out
        assert "@APP_DIR@" not in path.read_text()
        assert "@TTY@" not in path.read_text()
    assert stat.S_IMODE((tmp_path / "var/lib/kiosk").stat().st_mode) == 0o700
    unit = (tmp_path / FILES_UNIT).read_text()
    assert "ExecStart=/usr/bin/cage -d -s -- /opt/kiosk/.venv/bin/kiosk run" in unit
    assert "TTYPath=/dev/tty1" in unit
    assert "Conflicts=getty@tty1.service" in unit
    assert "NotifyAccess=all" in unit
    assert "WatchdogSec=10" in unit
    for command in ("useradd", "systemctl enable kiosk.service", "udevadm trigger",
                    "systemctl mask sleep.target"):
        assert any(line.strip().startswith("skipped") and command in line
                   for line in out.splitlines()), command
    assert "10 file(s) or folder(s) changed" in out
    # The config it installs is the shipped one, valid, with its state in /var/lib/kiosk.
    loaded = load(tmp_path / "etc/kiosk/config.toml")
    assert loaded.data_dir == Path("/var/lib/kiosk")


def test_a_second_run_changes_nothing_and_a_changed_file_is_put_back_with_its_diff(
    tmp_path: Path,
) -> None:
    install(tmp_path)
    again = install(tmp_path)
    assert "0 file(s) or folder(s) changed" in again
    assert " new " not in again
    assert "updated" not in again
    journald = tmp_path / "etc/systemd/journald.conf.d/kiosk.conf"
    journald.write_text(journald.read_text().replace("=30day", "=1year"))
    fixed = install(tmp_path)
    assert "updated    /etc/systemd/journald.conf.d/kiosk.conf" in fixed
    assert "-MaxRetentionSec=1year" in fixed
    assert "+MaxRetentionSec=30day" in fixed
    assert "1 file(s) or folder(s) changed" in fixed


def test_the_technicians_config_is_kept(tmp_path: Path) -> None:
    config = tmp_path / "etc/kiosk/config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('[kiosk]\nbranch = "Havdrup"\n')
    out = install(tmp_path)
    assert config.read_text() == '[kiosk]\nbranch = "Havdrup"\n'
    assert "kept       /etc/kiosk/config.toml" in out


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    out = install(tmp_path / "root", "--dry-run")
    assert list((tmp_path / "root").iterdir()) == []
    assert f"would new  /{FILES_UNIT}" in out
    assert "nothing was changed (dry run)" in out


def test_eglfs_instead_of_cage(tmp_path: Path) -> None:
    install(tmp_path, "--platform", "eglfs", "--tty", "tty2")
    unit = (tmp_path / FILES_UNIT).read_text()
    assert "Environment=QT_QPA_PLATFORM=eglfs" in unit
    assert "ExecStart=/opt/kiosk/.venv/bin/kiosk run" in unit
    assert "cage" not in unit.split("[Unit]")[1]
    assert "TTYPath=/dev/tty2" in unit


@pytest.mark.parametrize("options", [("--platform", "x11"), ("--tty", "pts/0"), ("--bogus",)],
                         ids=["platform", "tty", "option"])
def test_bad_options_are_refused(tmp_path: Path, options: tuple[str, ...]) -> None:
    out = install(tmp_path, *options, code=2)
    assert "install-kiosk:" in out
    assert not (tmp_path / "etc").exists()


@pytest.mark.parametrize("platform", ["cage", "eglfs"])
def test_the_units_are_valid_for_systemd(tmp_path: Path, platform: str) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze not installed")
    app = tmp_path / "app"
    (app / ".venv/bin").mkdir(parents=True)
    (app / ".venv/bin/kiosk").write_text("#!/bin/sh\n")
    (app / ".venv/bin/kiosk").chmod(0o755)
    root = tmp_path / "root"
    subprocess.run([str(SCRIPT), "--root", str(root), "--app-dir", str(app), "--platform",
                    platform], check=True, capture_output=True, timeout=60)
    unit = tmp_path / "kiosk.service"
    shutil.copy(root / FILES_UNIT, unit)
    if platform == "cage" and shutil.which("cage") is None:
        unit.write_text(unit.read_text().replace("/usr/bin/cage", "/bin/true"))
    done = subprocess.run([analyze, "verify", str(unit)], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "", "systemd would ignore or reject a line of the unit"
