"""The registration capability's commands against the WeChat stand-in: menu, qrcodes, import; every menu click."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from bot.app import build_registry
from bot.cli import build_parser, commands
from bot.menu import click_texts, wechat_menu
from bot.qrcodes import cmd_qrcodes
from bot.roster import cmd_import

ROSTER = Path(__file__).resolve().parent.parent / "data" / "roster"
COMMANDS = commands(build_registry())


def run_import(bot, kind, path, clean_rows_only=False) -> int:
    return cmd_import(argparse.Namespace(kind=kind, file=str(path), clean_rows_only=clean_rows_only), bot)


@pytest.fixture
def roster(bot):
    assert run_import(bot, "villages", ROSTER / "villages.csv") == 0
    assert run_import(bot, "people", ROSTER / "people.csv") == 0
    return bot


# -- import --------------------------------------------------------------------------------------------------
def test_import_command_reports_rows_and_exits_non_zero_on_problems(bot, tmp_path, capsys):
    assert run_import(bot, "villages", ROSTER / "villages.csv") == 0
    assert "村社区名单已导入：新增 4" in capsys.readouterr().out
    bad = tmp_path / "people.csv"
    bad.write_text("姓名,村社区,角色\n张三,埔心村,群众\n李四,火星村,群众\n", encoding="gbk")
    assert run_import(bot, "people", bad) == 1
    err = capsys.readouterr().err
    assert "第3行" in err and "火星村" in err and "未导入" in err
    assert bot.db.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 0
    assert run_import(bot, "people", bad, clean_rows_only=True) == 1
    assert bot.db.execute("SELECT name FROM people").fetchall() == [("张三",)]
    assert run_import(bot, "people", tmp_path / "missing.csv") == 2
    assert "读不了文件" in capsys.readouterr().err


def test_import_is_wired_into_the_cli():
    assert build_parser().parse_args(["import", "people", "x.csv"]).kind == "people"
    assert COMMANDS["qrcodes"].run is cmd_qrcodes


def test_export_people_after_import_never_loses_bindings(roster, villager, bot):
    from bot import exports

    villager.says("登记 陈秀英 埔心村")
    villager.says("0002")  # the last 4 digits of her roster phone
    run_import(bot, "people", ROSTER / "people.csv")
    header, data = exports.rows(bot, "people")
    exported = {row[header.index("name")]: row for row in data}
    assert exported["陈秀英"][header.index("openid")] == villager.openid
    assert exported["王志强"][header.index("role")] == "技术顾问"


# -- qrcodes ---------------------------------------------------------------------------------------------------
def test_qrcodes_saves_one_png_per_village(roster, standin, tmp_path, capsys):
    out = tmp_path / "posters"
    assert cmd_qrcodes(argparse.Namespace(out=str(out)), roster) == 0
    villages = {v["id"]: v["name"] for v in roster.db.query("SELECT id, name FROM villages")}
    files = sorted(p.name for p in out.iterdir())
    assert files == sorted(f"{vid}-{name}.png" for vid, name in villages.items())
    first_id = min(villages)
    assert (out / f"{first_id}-{villages[first_id]}.png").read_bytes().startswith(b"\x89PNG")
    scenes = [c[1]["action_info"]["scene"]["scene_str"] for c in standin.calls if c[0] == "qrcode/create"]
    assert sorted(scenes) == sorted(str(v) for v in villages)
    assert all(c[1]["action_name"] == "QR_LIMIT_STR_SCENE" for c in standin.calls if c[0] == "qrcode/create")


def test_qrcodes_reports_each_failure_and_exits_non_zero(roster, standin, tmp_path, capsys):
    standin.fail("qrcode/create", errcode=45009)
    standin.fail("showqrcode", status=502)
    out = tmp_path / "posters"
    assert cmd_qrcodes(argparse.Namespace(out=str(out)), roster) == 1
    err = capsys.readouterr().err
    assert err.count("failed") == 2 and "45009" in err
    assert len(list(out.iterdir())) == 2  # the other two villages were saved


def test_qrcodes_without_villages_says_what_to_do(bot, tmp_path, capsys):
    assert cmd_qrcodes(argparse.Namespace(out=str(tmp_path)), bot) == 1
    assert "import villages" in capsys.readouterr().err


def test_a_poster_code_scanned_by_a_villager_preselects_its_village(roster, standin, villager, tmp_path):
    cmd_qrcodes(argparse.Namespace(out=str(tmp_path)), roster)
    scene = next(c[1]["action_info"]["scene"]["scene_str"] for c in standin.calls if c[0] == "qrcode/create")
    village = roster.db.execute("SELECT name FROM villages WHERE id = ?", [int(scene)]).fetchone()[0]
    assert village in villager.follows(scene)


# -- menu ----------------------------------------------------------------------------------------------------------
def test_menu_command_pushes_the_menu(bot, standin, capsys):
    assert COMMANDS["menu"].run(argparse.Namespace(), bot) == 0
    assert standin.menu == wechat_menu()
    pushed_keys = {sub["key"] for button in standin.menu["button"] for sub in button.get("sub_button", [button])}
    assert pushed_keys == set(click_texts())


def test_menu_command_reports_a_refusal(bot, standin, capsys):
    standin.fail("menu/create", errcode=40016)
    assert COMMANDS["menu"].run(argparse.Namespace(), bot) == 1
    assert "40016" in capsys.readouterr().err


# Every menu key's capability exists: a click never gets the core fallback, and is its text.
WORKING = {
    "CANCEL",
    "HELP",
    "REMINDERS_OFF",
    "MY_INFO",
    "PLANT",
    "MY_PROGRESS",
    "VILLAGE_PROGRESS",
    "FAQ",
    "ASK_EXPERT",
}


def test_every_menu_key_is_accounted_for():
    assert set(click_texts()) == WORKING


@pytest.mark.parametrize("key", sorted(set(click_texts())))
def test_every_menu_click_is_handled(key, roster, villager, bot):
    villager.says("登记 陈秀英 埔心村")
    villager.says("0002")  # the last 4 digits of her roster phone
    reply = villager.clicks(key)
    handler = bot.db.execute("SELECT handler FROM inbox ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert reply and handler == "menu_click"
    assert not reply.startswith(bot.t("core.not_understood"))
    assert reply == villager.says(click_texts()[key])  # a click is its text
