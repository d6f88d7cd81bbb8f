"""Docs as tests: every CLI command, config key and message key the code relies on is documented / present."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

from bot.app import build_registry
from bot.cli import commands
from bot.config import with_defaults
from bot.messages import Messages

ROOT = Path(__file__).resolve().parent.parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def config_keys(node: dict, prefix: str = "") -> list[str]:
    keys = []
    for key, value in node.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict) and prefix.count(".") < 1:
            keys += config_keys(value, dotted + ".")
        else:
            keys.append(dotted)
    return keys


def test_every_cli_command_is_in_the_readme():
    missing = [name for name in commands(build_registry()) if f"`{name}" not in README]
    assert missing == []


def test_every_config_key_is_in_the_readme():
    config = {}
    for path in (ROOT / "bot" / "defaults.toml", ROOT / "config.toml"):  # the defaults, and what config.toml adds
        with open(path, "rb") as fh:
            config = with_defaults(tomllib.load(fh), config)
    missing = []
    for dotted in config_keys(config):
        section, _, key = dotted.rpartition(".")
        if dotted not in README and not re.search(rf"`{re.escape(section)}\.[^`]*\b{re.escape(key)}\b", README) \
                and not re.search(rf"`{re.escape(section)}`[^\n]*`{re.escape(key)}`", README):
            missing.append(dotted)
    assert missing == []


def test_every_message_key_used_in_code_exists():
    messages = Messages.load()
    used = set()
    for path in [*ROOT.glob("bot/**/*.py"), *ROOT.glob("handlers/*.py")]:
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+\.[a-z0-9_.]+)["']""", path.read_text(encoding="utf-8")))
    missing = sorted(key for key in used if key not in messages)
    assert missing == []


def test_messages_are_short_enough_for_a_phone_screen():
    too_long = {k: len(v) for k, v in Messages.load().texts.items() if len(v) > 300}
    assert too_long == {}
