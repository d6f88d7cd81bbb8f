"""Docs as tests: every CLI command, config key and message key the code relies on is documented / present."""

from __future__ import annotations

import ast
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
        if (
            dotted not in README
            and not re.search(rf"`{re.escape(section)}\.[^`]*\b{re.escape(key)}\b", README)
            and not re.search(rf"`{re.escape(section)}`[^\n]*`{re.escape(key)}`", README)
        ):
            missing.append(dotted)
    assert missing == []


CODE = [*ROOT.glob("bot/**/*.py"), *ROOT.glob("handlers/*.py")]


def test_the_readme_says_what_relative_config_paths_are_relative_to():
    """Every path key (bot/config.py's PATH_KEYS) is named in the README's Configuration section, which says they are
    relative to the config file's folder (Config.path_of), and which config file is read without --config."""
    from bot.config import PATH_KEYS

    section = " ".join(README.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0].split())
    assert "relative to the config file's folder" in section
    assert [key for key in PATH_KEYS if f"`{key}`" not in section] == []
    assert "beside `run.py`" in section


def message_keys_in(path: Path, stems: set[str]) -> set[str]:
    """Every string in the code that is written like a message key (``<file stem>.<key>``): the argument of
    ``t(...)``, an entry of a literal table (FLAG_LABELS, ANSWER_REPLIES …), a ``nav=``/``header=`` …
    A config key (the first argument of ``.get(...)`` or ``.path_of(...)``, an entry of bot/config.py's PATH_KEYS)
    is not one."""
    pattern = re.compile(r"^(" + "|".join(sorted(stems)) + r")\.[a-z0-9_]+(\.[a-z0-9_]+)*$")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    config_keys = {
        id(node.args[0])
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and node.args
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("get", "section", "path_of")
        and not (isinstance(node.func.value, ast.Attribute) and node.func.value.attr == "messages")
    } | {
        id(entry)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and [ast.unparse(target) for target in node.targets] == ["PATH_KEYS"]
        and isinstance(node.value, ast.Tuple)
        for entry in node.value.elts
    }
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in config_keys
        and pattern.match(node.value)
    }


def test_every_message_key_used_in_code_exists():
    messages = Messages.load()
    stems = {key.split(".")[0] for key in [*messages.texts, *messages.word_lists]}
    used = set().union(*(message_keys_in(path, stems) for path in CODE))
    assert "progress.report.columns.completion" in used and "core.commands.cancel" in used
    missing = sorted(key for key in used if key not in messages and not messages.section(key))
    assert missing == []


def test_every_message_key_used_in_a_template_exists():
    """Dashboard templates take their words from messages/replies/admin.toml as ``t('admin.…')``."""
    messages = Messages.load()
    used = {
        key
        for path in ROOT.glob("bot/dashboard/templates/**/*.html")
        for key in re.findall(r"\bt\(\s*['\"]([a-z0-9_.]+)['\"]", path.read_text(encoding="utf-8"))
    }
    assert sorted(key for key in used if key not in messages) == []


def test_no_message_key_is_built_at_run_time():
    """``t(f"planting.flag_{name}")`` hides its keys from the test above: write a literal table instead."""
    built = []
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", getattr(node.func, "id", None)) == "t"
                and node.args
                and isinstance(node.args[0], (ast.JoinedStr, ast.BinOp))
            ):
                built.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert built == []


def test_messages_are_short_enough_for_a_phone_screen():
    too_long = {k: len(v) for k, v in Messages.load().texts.items() if len(v) > 300}
    assert too_long == {}


def test_every_command_is_explained_in_english_and_chinese():
    """`python run.py --help`: the office reads Chinese, whoever deploys may not."""
    for name, command in commands(build_registry()).items():
        assert re.search(r"[A-Za-z]{3}", command.help) and re.search(r"[\u4e00-\u9fff]", command.help), name


# -- how the replies speak (issue 17, part 5) ------------------------------------------------------------------
QUOTED = re.compile(r"“[^”]*”")  # what the villager is to send, or says: “问专家”, “你好”
HAN = r"[\u4e00-\u9fff]"


def reply_texts() -> dict[str, str]:
    return Messages.load().texts


def test_replies_say_您_never_你_outside_quoted_user_phrases():
    assert [key for key, text in reply_texts().items() if "你" in QUOTED.sub("", text)] == []


def test_replies_use_full_width_punctuation_beside_chinese():
    half = re.compile(rf"{HAN}[,;:?!]|[,;:?!]{HAN}")
    assert [key for key, text in reply_texts().items() if half.search(text)] == []


def test_replies_write_commands_out_not_as_notation():
    """发“问专家”加上您的问题, never “问专家 您的问题” or 问专家 +问题."""
    notation = re.compile(rf"“问专家\s|{HAN}\s*\+\s*{HAN}|\+\s*问题")
    assert [key for key, text in reply_texts().items() if notation.search(text)] == []


def test_one_help_text_and_one_hint_that_points_to_it():
    """core.help is the only help text; every other reply that points to it does so with core.help_hint."""
    texts = reply_texts()
    assert "“帮助”" in texts["core.help_hint"] and "我能帮您" in texts["core.help"]
    assert [key for key, text in texts.items() if "“帮助”" in text and key != "core.help_hint"] == []
    assert [key for key, text in texts.items() if "我能帮您" in text and key != "core.help"] == []
