"""Fixtures the unit tests share."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import config as config_mod
from bot import faq
from bot.app import build_registry
from bot.db import connect, migrate

ROOT = Path(__file__).resolve().parents[2]
CONFIG = config_mod._thaw(config_mod.load(ROOT / "config.toml", env={}).data)


@pytest.fixture(scope="session")
def index():
    """The FAQ index of the project's messages/ and config.toml, built once a session (each test file had built its
    own). A test that changes it puts it back (``try``/``finally``), or changes ``index.copy()``."""
    return faq.FaqIndex.load(ROOT / "messages", CONFIG["campaign"], CONFIG["faq"]["confidence_threshold"])


@pytest.fixture
def db(tmp_path):
    """A real SQLite file migrated by every store the registry holds (a module's own ``db`` fixture shadows it)."""
    db = connect(tmp_path / "bot.db")
    migrate(db, build_registry().stores)
    yield db
    db.close()
