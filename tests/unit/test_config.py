"""Config: every default in bot/defaults.toml, merged under any config file; code keeps no defaults of its own."""

from __future__ import annotations

import ast

import pytest

from bot import config as config_mod
from tests.conftest import ROOT

MINIMAL = """
[wechat]
token = "t"
app_id = "wx1"

[campaign]
year = 2030
"""


def load_text(tmp_path, text: str) -> config_mod.Config:
    path = tmp_path / "partial.toml"
    path.write_text(text, encoding="utf-8")
    return config_mod.load(path, env={})


def test_a_file_with_a_few_keys_gets_every_default(tmp_path):
    cfg = load_text(tmp_path, MINIMAL)
    assert (cfg.get("wechat.token"), cfg.get("campaign.year")) == ("t", 2030)
    assert cfg.get("server.port") == 8080 and cfg.get("storage.database") == "data/bot.db"
    assert cfg.get("planting.late_part_hours") == 72 and cfg.get("conversation.timeout_minutes") == 30
    assert cfg.get("wechat.max_token_fetches_per_minute") == 2
    assert sorted(cfg.get("reminders.calendar")) == ["arbor_day", "holes_due", "plans_due", "schedules_due"]


def test_tables_merge_key_by_key(tmp_path):
    cfg = load_text(tmp_path, MINIMAL + '\n[campaign.quotas]\n"群众" = 1\n\n[planting]\nlate_part_hours = 24\n')
    assert cfg.get("campaign.quotas.群众") == 1 and cfg.get("campaign.quotas.主要领导") == 5
    assert cfg.get("planting.late_part_hours") == 24 and cfg.get("planting.extra_photo_seconds") == 120


def test_a_calendar_is_replaced_whole(tmp_path):
    cfg = load_text(
        tmp_path,
        MINIMAL
        + """
[reminders.calendar.only]
milestone = "planting_done"
message = "reminders.arbor_day"
""",
    )
    assert list(cfg.get("reminders.calendar")) == ["only"]


def test_milestones_are_month_days_of_the_year_and_the_old_name_is_read(tmp_path):
    cfg = load_text(tmp_path, MINIMAL + '\n[campaign.milestones]\ndemo_plots_due = "02-25"\n')
    assert cfg.get("campaign.milestones.plots_due") == "02-25"
    assert "demo_plots_due" not in cfg.get("campaign.milestones")
    assert cfg.get("campaign.milestones.plans_due") == "01-31"  # the rest keep their defaults
    assert (
        cfg.with_overrides({"campaign.milestones.demo_plots_due": "02-26"}).get("campaign.milestones.plots_due")
        == "02-26"
    )
    for bad in ("02-30", "2-28", "end", "13-01"):
        with pytest.raises(config_mod.ConfigError, match="plots_due"):
            load_text(tmp_path, MINIMAL + f'\n[campaign.milestones]\nplots_due = "{bad}"\n')


def test_the_committed_config_is_the_defaults_plus_the_deployment(tmp_path):
    cfg = config_mod.load(ROOT / "config.toml", env={})
    assert cfg.get("wechat.token") == "lvmei-dev-token" and cfg.get("faq.confidence_threshold") == 0.55


def test_keys_without_a_default_must_be_set(tmp_path):
    with pytest.raises(config_mod.ConfigError, match="token"):
        load_text(tmp_path, '[wechat]\napp_id = "wx1"\n[campaign]\nyear = 2030\n')
    with pytest.raises(config_mod.ConfigError, match="year"):
        load_text(tmp_path, '[wechat]\ntoken = "t"\napp_id = "wx1"\n')


def config_reads_with_a_default(path, root=ROOT) -> list[str]:
    """``….get("section.key", default)`` on a config object: a default written in code."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get"):
            continue
        receiver = ast.unparse(node.func.value)
        if (receiver.endswith("config") or receiver == "cfg" or ".section(" in receiver) and len(node.args) > 1:
            found.append(f"{path.relative_to(root)}:{node.lineno} {ast.unparse(node)}")
    return found


def test_code_reads_config_without_defaults_of_its_own():
    found = [
        hit
        for path in [*ROOT.glob("bot/**/*.py"), *ROOT.glob("handlers/*.py")]
        for hit in config_reads_with_a_default(path)
    ]
    assert found == []


def test_the_scan_sees_a_default_in_code(tmp_path):
    bad = tmp_path / "probe.py"
    bad.write_text('def f(app):\n    return app.config.get("media.workers", 2)\n', encoding="utf-8")
    assert config_reads_with_a_default(bad, tmp_path) == ["probe.py:2 app.config.get('media.workers', 2)"]


def test_paths_are_relative_to_the_config_files_folder_not_the_working_directory(tmp_path, monkeypatch):
    folder, elsewhere = tmp_path / "deploy", tmp_path / "elsewhere"
    folder.mkdir()
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    sections: dict[str, list[str]] = {}
    for dotted in config_mod.PATH_KEYS:
        section, key = dotted.split(".")
        sections.setdefault(section, []).append(f'{key} = "files/{key}"')
    (folder / "config.toml").write_text(
        MINIMAL + "".join(f"\n[{section}]\n" + "\n".join(lines) + "\n" for section, lines in sections.items()),
        encoding="utf-8",
    )
    cfg = config_mod.load("../deploy/config.toml", env={})
    for dotted in config_mod.PATH_KEYS:
        assert cfg.path_of(dotted) == folder / "files" / dotted.split(".")[1], dotted
    assert (cfg.database_path, cfg.photos_dir, cfg.reports_dir) == (
        folder / "files/database",
        folder / "files/photos",
        folder / "files/reports",
    )
    absolute = cfg.with_overrides({"storage.database": str(tmp_path / "x.db"), "logging.file": ""})
    assert (absolute.database_path, absolute.path_of("logging.file")) == (tmp_path / "x.db", None)


def test_without_a_config_the_file_beside_run_py_is_read_wherever_a_command_starts(tmp_path, monkeypatch):
    """`python /srv/lvmei/run.py demo` run in two folders uses one config (and so one database): the one beside run.py,
    not ./config.toml of the working directory, as --help once said."""
    from bot.cli import build_parser

    monkeypatch.chdir(tmp_path)
    (tmp_path / "config.toml").write_text(MINIMAL, encoding="utf-8")  # not this one
    assert config_mod.load(env={}).path == ROOT / "config.toml"
    (config_help,) = [a.help for a in build_parser()._actions if "--config" in a.option_strings]
    assert "./config.toml" not in config_help and "beside run.py" in config_help


def raw_path_reads(path, root=ROOT) -> list[str]:
    """``….get("storage.database")`` and the like for a key of PATH_KEYS: the text as written, which open() reads
    relative to the working directory (Config.path_of and the properties resolve it)."""
    return [
        f"{path.relative_to(root)}:{node.lineno} {ast.unparse(node)}"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and node.args[0].value in config_mod.PATH_KEYS
    ]


def test_code_reads_paths_resolved():
    files = [*ROOT.glob("bot/**/*.py"), *ROOT.glob("handlers/*.py")]
    assert [hit for path in files if path.name != "config.py" for hit in raw_path_reads(path)] == []
    probe = ROOT / "bot" / "config.py"
    assert len(raw_path_reads(probe)) == 3  # the scan sees the properties' own reads


def test_server_workers_is_a_count_or_auto(tmp_path, monkeypatch):
    assert load_text(tmp_path, MINIMAL).get("server.workers") == 1
    assert (
        config_mod.worker_count(load_text(tmp_path, MINIMAL + "\n[server]\nworkers = 3\n").get("server.workers")) == 3
    )
    monkeypatch.setattr(config_mod.os, "sched_getaffinity", lambda _pid: {0, 1, 2, 3, 4})
    assert (
        config_mod.worker_count(load_text(tmp_path, MINIMAL + '\n[server]\nworkers = "auto"\n').get("server.workers"))
        == 5
    )
    assert config_mod.worker_count("2") == 2  # `serve --workers 2`
    for bad in ("0", '"two"', "-1", "1.5", "true"):
        with pytest.raises(config_mod.ConfigError, match="workers must be a whole number >= 1 or auto"):
            load_text(tmp_path, MINIMAL + f"\n[server]\nworkers = {bad}\n")
