"""A cache already at the newest migration is opened without alembic (issue 18: start-up time);
that shortcut is only right while HEAD_REVISION is the scripts' own head."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from kioskkit import REPO

from kiosk.cache.db import HEAD_REVISION, MIGRATIONS, make_engine, schema_revision
from kiosk.services import Services

CHECK = """
import sys
from kiosk.cache.db import open_database
engine, _ = open_database(sys.argv[1])
engine.dispose()
print("alembic" in sys.modules)
"""


def test_head_revision_is_the_scripts_head() -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(cfg).get_heads() == [HEAD_REVISION]


def test_a_cache_at_the_head_opens_without_alembic(services: Services) -> None:
    assert schema_revision(services.engine) == HEAD_REVISION
    url = str(services.engine.url)
    opened = subprocess.run([sys.executable, "-c", CHECK, url], capture_output=True, text=True,
                            cwd=REPO, check=True, timeout=120)
    assert opened.stdout.strip() == "False"


def test_a_new_cache_is_migrated_to_the_head(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new' / 'kiosk.db'}"
    made = subprocess.run([sys.executable, "-c", CHECK, url], capture_output=True, text=True,
                          cwd=REPO, check=True, timeout=120)
    assert made.stdout.strip() == "True"  # a new cache needed alembic to be built
    engine = make_engine(url)
    try:
        assert schema_revision(engine) == HEAD_REVISION
    finally:
        engine.dispose()
