"""A real X server (Debian's Xvfb) with no window manager, and screenshots of its root window.

The root is painted magenta, a colour the kiosk never draws: a screenshot with no magenta pixel
left is a screen the kiosk covers completely. Screenshots are taken by Qt in a child process on
the xcb platform (`QScreen.grabWindow(0)` grabs the root window), so the tests need no xwd.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ROOT_COLOUR = "#ff00ff"
WIDTH, HEIGHT = 1024, 600

GRAB = textwrap.dedent("""
    import sys
    from PySide6.QtGui import QGuiApplication
    app = QGuiApplication(sys.argv[:1])
    screen = app.primaryScreen()
    print(screen.geometry().width(), screen.geometry().height())
    assert screen.grabWindow(0).save(sys.argv[1], "PNG"), "grab failed"
""")


@dataclass(frozen=True)
class Display:
    name: str
    """":N", for $DISPLAY."""

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of an X client on this display (Qt on xcb, no Wayland)."""
        drop = ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
        env = {k: v for k, v in os.environ.items() if k not in drop}
        return {**env, "DISPLAY": self.name, "QT_QPA_PLATFORM": "xcb",
                "PYTHONPATH": str(REPO), **extra}

    def screenshot(self, path: Path) -> Path:
        done = subprocess.run([sys.executable, "-c", GRAB, str(path)], env=self.env(),
                              capture_output=True, text=True, timeout=30, check=False)
        assert done.returncode == 0, f"screenshot failed: {done.stderr}"
        return path


def uncovered(png: Path) -> tuple[int, int, int]:
    """(root-coloured pixels, width, height) of a screenshot."""
    from PySide6.QtGui import QColor, QImage

    image = QImage(str(png))
    assert not image.isNull(), f"cannot read {png}"
    root = QColor(ROOT_COLOUR).rgb()
    width, height = image.width(), image.height()
    left = sum(1 for y in range(0, height, 2) for x in range(0, width, 2)
               if image.pixel(x, y) == root)
    return left, width, height


@contextmanager
def xvfb(tmp_path: Path) -> Iterator[Display]:
    """Xvfb on a free display number (it picks one and tells us through -displayfd), a magenta
    root, no window manager. Skips only when Xvfb is not installed (scripts/setup installs it)."""
    if shutil.which("Xvfb") is None or shutil.which("xsetroot") is None:
        pytest.skip("Xvfb/xsetroot not installed (scripts/setup installs xvfb, x11-xserver-utils)")
    read_fd, write_fd = os.pipe()
    with (tmp_path / "xvfb.log").open("w") as log:
        proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{WIDTH}x{HEIGHT}x24",
             "-nolisten", "tcp", "-noreset"],
            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=log,
        )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as ready:
            number = ready.readline().strip()  # written once the server accepts clients
        assert number.isdigit(), f"Xvfb did not start: {(tmp_path / 'xvfb.log').read_text()}"
        display = Display(f":{number}")
        subprocess.run(["xsetroot", "-solid", ROOT_COLOUR], env=display.env(), check=True,
                       timeout=10)
        yield display
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def wait_until_covered(display: Display, shots: Path, timeout_s: float = 30.0) -> Path:
    """Screenshots until no root pixel shows (or the time is up); the last one's path."""
    deadline = time.monotonic() + timeout_s
    count = 0
    while True:
        count += 1
        png = display.screenshot(shots / f"screen-{count}.png")
        left, _w, _h = uncovered(png)
        if left == 0 or time.monotonic() > deadline:
            return png
        threading.Event().wait(0.5)  # the window maps asynchronously
