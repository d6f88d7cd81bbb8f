"""Tidy (fifty-ninth session, tidy90; behaviour kept): faq132 wrote the wind-spraying regex twice, in safety.toml's
``[vars] spray_wind`` and in matching.toml's ``[safety_answers] asked``. It is written once now: matching.toml names it
``${spray_wind}`` and bot/faq.py ``load_matching`` gives every ``${name}`` of matching.toml its value from
safety.toml's ``[vars]`` (``load_shared_vars``), as ``load_safety_rules`` does for the rules."""

import tomllib
from pathlib import Path

import pytest

from bot import faq

ROOT = Path(__file__).resolve().parents[2]
FAQ = ROOT / "messages" / "faq"
# the regex as faq132 wrote it out in both files
FAQ132_SPRAY_WIND = (
    "re:(?:刮风|有风|风大|大风|风好大|风很大|风太大|起风)[^。？！?!]{0,10}(?:喷|打)(?:农|虫|草)?药|"
    "(?:喷|打)(?:农|虫|草)?药[^。？！?!]{0,8}(?:刮风|有风|风大|大风|风好大|风很大|起风)"
)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def test_spray_wind_is_written_once_and_both_readers_get_it():
    written = (FAQ / "matching.toml").read_text("utf-8") + (FAQ / "safety.toml").read_text("utf-8")
    assert written.count("(?:喷|打)(?:农|虫|草)?药[^。？！?!]{0,8}") == 1
    assert faq.load_shared_vars(FAQ)["spray_wind"] == FAQ132_SPRAY_WIND
    asked = faq.load_matching(FAQ)["safety_answers"]["asked"]
    assert asked[-1] == FAQ132_SPRAY_WIND
    rule = next(r for r in faq.load_safety_rules(FAQ) if r.name == "pesticide_exposure")
    assert rule.line_for("风大的时候喷农药行不行").startswith("⚠ 安全第一：风大别打药")
    assert rule.line_for("喷药的时候要穿什么") == rule.line  # faq132's control: no wind, the rule's own line


def test_no_name_is_left_unexpanded_in_matching():
    raw = tomllib.loads((FAQ / "matching.toml").read_text("utf-8"))
    assert any("${" in s for s in _strings(raw))
    assert not any("${" in s for s in _strings(faq.load_matching(FAQ)))


def test_matching_reads_safety_vars_and_a_name_not_there_fails_at_load(tmp_path):
    (tmp_path / "safety.toml").write_text('[vars]\nwind = "刮风"\n', "utf-8")
    (tmp_path / "matching.toml").write_text('[safety_answers]\nasked = ["re:${wind}.{0,4}药", "防"]\n', "utf-8")
    assert faq.load_matching(tmp_path)["safety_answers"]["asked"] == ["re:刮风.{0,4}药", "防"]
    (tmp_path / "matching.toml").write_text('[safety_answers]\nasked = ["${nobody}"]\n', "utf-8")
    with pytest.raises(KeyError):
        faq.load_matching(tmp_path)


def test_matching_s_own_vars_are_written_once_and_read_by_both_classes():
    # review of the fifty-ninth session: faq132's 'my tree put under another's name' regex had been written twice
    # (dispute's unless, record_disputed's words); it is matching.toml's own [vars] now, read by both
    written = (FAQ / "matching.toml").read_text("utf-8")
    assert written.count("(?:当成|当做|当作|认做|说成|讲成|报成|登记成") == 1
    assert written.count("${my_tree_put_under_another}") == 2
    loaded = faq.load_matching(FAQ)
    assert "vars" not in loaded
    classes = {row["name"]: row for row in loaded["escalate"]["classes"]}
    rule = "re:" + tomllib.loads(written)["vars"]["my_tree_put_under_another"]
    assert rule in classes["dispute"]["unless"] and rule in classes["record_disputed"]["words"]


def test_matching_s_own_vars_add_to_safety_s(tmp_path):
    (tmp_path / "safety.toml").write_text('[vars]\nwind = "刮风"\n', "utf-8")
    (tmp_path / "matching.toml").write_text(
        '[safety_answers]\nasked = ["re:${wind}${spray}"]\n[vars]\nspray = "喷药"\n', "utf-8"
    )
    assert faq.load_matching(tmp_path) == {"safety_answers": {"asked": ["re:刮风喷药"]}}
