"""The registry is consistent: what the capability manifests contribute is what every part of the app offers
(exports in the CLI, the dashboard and the README; commands and routes documented)."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest
from openpyxl import load_workbook

import handlers
from bot import registry
from bot.app import build_registry
from bot.cli import build_parser, commands
from bot.router import Route
from tests.e2e.dashboard_seed import admin, county  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parent.parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def cli_export_choices(reg) -> list[str]:
    parser = build_parser(reg)
    sub = next(a for a in parser._actions if a.dest == "command")  # noqa: SLF001 - argparse keeps them here
    table = next(a for a in sub.choices["export"]._actions if a.dest == "table")  # noqa: SLF001
    return sorted(table.choices)


def readme_export_tables() -> list[str]:
    row = next(line for line in README.splitlines() if line.startswith("| `export TABLE"))
    return sorted(t.strip() for t in re.search(r"TABLE in `([^`]+)`", row).group(1).split(","))


def dashboard_export_tables(client) -> list[str]:
    return sorted(re.findall(r"/admin/exports/(\w+)\.xlsx", client.get("/admin/exports").get_data(as_text=True)))


def test_export_tables_are_the_same_in_the_cli_the_dashboard_and_the_readme(bot, admin):
    tables = sorted(bot.exports)
    assert "review_decisions" in tables
    assert cli_export_choices(bot.registry) == tables
    assert dashboard_export_tables(admin) == tables
    assert readme_export_tables() == tables


def test_every_command_is_documented_in_the_readme():
    missing = [name for name in commands(build_registry()) if f"| `{name}" not in README]
    assert missing == []


def test_every_route_of_every_capability_is_placed_in_the_dispatch_order():
    placed = {route.name for route in handlers.ROUTES}
    contributed = {route.name for module in handlers.CAPABILITIES for route in getattr(module, "ROUTES", [])}
    assert contributed == placed


def test_a_route_left_out_of_the_order_is_refused():
    stray = Route("stray", lambda ctx: False, lambda ctx, match: None)
    capability = type(handlers)("stray_capability")
    capability.ROUTES = [stray]
    with pytest.raises(registry.RegistryError, match="stray"):
        build_registry([*handlers.CAPABILITIES, capability], handlers.ROUTES)


def test_an_export_table_contributed_twice_is_refused():
    capability = type(handlers)("twice")
    capability.EXPORTS = {"plantings": "SELECT 1"}
    with pytest.raises(registry.RegistryError, match="plantings"):
        build_registry([*handlers.CAPABILITIES, capability])


def test_every_contribution_has_its_words_in_messages(bot):
    """The 导出 label of every export table, every nav label, every report header and label, every text command."""
    messages = bot.messages
    assert sorted(messages.section("admin.exports")) == sorted(bot.exports)
    keys = [page.nav for page in bot.dashboard_pages if page.nav]
    keys += [c.header for c in bot.report_columns] + [k for c in bot.report_columns for k in (c.labels or {}).values()]
    assert [key for key in keys if key not in messages] == []
    assert keys and all(messages.t(key) for key in keys)


# -- a new capability reaches every part of the app through its manifest and one line in the list ---------
def seedlings_capability():
    """A capability written the way README "Adding a capability" says, all of it inside this test: a store
    with a migration, a route, a job, an export, an import kind, a report column and a dashboard page (with its
    nav entry)."""
    from sqlite_utils.migrations import Migrations

    from bot import roster
    from bot.registry import DashboardPage, Importer
    from bot.reports import ReportColumn
    from bot.scheduler import Job

    store = ModuleType("seedlings_store")  # bot/store/seedlings.py
    store.migrations = Migrations("seedlings")

    @store.migrations()
    def m001_seedlings(db):
        db["seedlings"].create({"id": int, "village_id": int, "count": int}, pk="id")

    def on_seedlings(ctx, _match):  # handlers/seedlings.py
        ctx.db.execute("INSERT INTO seedlings (village_id, count) VALUES (1, 30)")
        return ctx.t("seedlings.noted")

    def count_seedlings(app, now):
        return next(app.db.query("SELECT COUNT(*) AS n FROM seedlings"))["n"]

    def per_village(db, config, until):
        return {
            r["village_id"]: r["n"]
            for r in db.query("SELECT village_id, SUM(count) AS n FROM seedlings GROUP BY village_id")
        }

    def seedlings_page():  # bot/dashboard/seedling_pages.py
        return f"seedlings: {count_seedlings(auth.bot(), None)}"

    from bot.dashboard import auth

    capability = ModuleType("seedlings")
    capability.ROUTES = [
        Route("seedlings", lambda ctx: ctx.msg.msg_type == "text" and ctx.msg.text == "树苗", on_seedlings)
    ]
    capability.JOBS = [Job("seedlings_count", count_seedlings, 60)]
    capability.STORES = [store]
    capability.EXPORTS = {"seedlings": "SELECT id, village_id, count FROM seedlings ORDER BY id"}

    def validate(db, filename, data, t):  # import seedlings FILE: the roster's reader
        table, problems = roster.read_rows(filename, data, {"棵数": "count"}, ("count",))
        rows = []
        for number, values in table:
            if values["count"].isdigit():
                rows.append({"row": number, "count": int(values["count"])})
            else:
                problems.append(roster.Problem(number, "不是数字", "棵数"))
        return rows, problems

    def apply(db, rows, now):
        for row in rows:
            db.execute("INSERT INTO seedlings (village_id, count) VALUES (1, ?)", [row["count"]])
        return roster.Summary(created=len(rows))

    capability.IMPORTS = {"seedlings": Importer("seedlings.import_label", validate, apply)}
    capability.REPORT_COLUMNS = [ReportColumn("seedlings", "seedlings.report_header", per_village=per_village)]
    capability.REPORT_SUMMARY = [
        lambda app, report: [f"{report.month}月树苗：{sum(per_village(app.db, None, '').values())}棵"]
    ]
    capability.DASHBOARD = [DashboardPage("/seedlings", seedlings_page, nav="seedlings.nav", admin_only=True)]
    capability.VILLAGE_SECTIONS = [lambda village_id: f"<section>seedlings of {village_id}: 30</section>"]
    return capability


SEEDLINGS_MESSAGES = {
    "seedlings.noted": "树苗记下了。",
    "seedlings.report_header": "树苗",
    "seedlings.nav": "树苗台账",
    "seedlings.import_label": "树苗台账",
}


def test_a_new_capability_reaches_every_part_of_the_app(tmp_path, standin, capsys):
    from werkzeug.security import generate_password_hash

    from bot import clock, exports, reports, scheduler
    from bot.app import create_app, create_context
    from bot.cli import commands
    from bot.messages import Messages
    from bot.simulator import Signer, WeChatUser
    from bot.store import admins
    from tests.conftest import make_config, transport_for
    from tests.e2e.dashboard_seed import PASSWORD, login

    seedlings = seedlings_capability()
    # the one line in CAPABILITIES, and its routes placed in the order
    registry = build_registry([*handlers.CAPABILITIES, seedlings], [*seedlings.ROUTES, *handlers.ROUTES])
    config = make_config(tmp_path, standin)
    app = create_context(config, registry)  # store: migrated with everyone's
    app.messages = Messages({**app.messages.texts, **SEEDLINGS_MESSAGES}, app.messages.word_lists)
    flask_app = create_app(config, app)
    assert "seedlings" in app.db.table_names()
    app.db.execute("INSERT INTO villages (id, name, kind) VALUES (1, '埔心村', '村')")

    wechat = config.section("wechat")  # route: through the real webhook
    villager = WeChatUser(transport_for(flask_app), Signer(wechat["token"], "", wechat["app_id"]), openid="o-1")
    assert villager.says("树苗") == "树苗记下了。"

    assert scheduler.run_due(app, clock.utcnow())["seedlings_count"] == 1  # job: in tick's list

    assert commands(registry)["export"].run(build_parser(registry).parse_args(["export", "seedlings"]), app) == 0
    assert capsys.readouterr().out.splitlines() == ["id,village_id,count", "1,1,30"]  # export: the CLI
    assert exports.rows(app, "seedlings")[0] == ["id", "village_id", "count"]

    bad, good = tmp_path / "bad.csv", tmp_path / "good.csv"  # import kind: the CLI
    bad.write_text("棵数\n5\n五\n", encoding="utf-8")
    good.write_text("棵数\n5\n", encoding="utf-8")
    assert (
        commands(registry)["import"].run(build_parser(registry).parse_args(["import", "seedlings", str(bad)]), app) == 1
    )
    assert "第3行（棵数）：不是数字" in capsys.readouterr().err
    assert (
        commands(registry)["import"].run(build_parser(registry).parse_args(["import", "seedlings", str(good)]), app)
        == 0
    )
    capsys.readouterr()
    app.db.execute("DELETE FROM seedlings WHERE count = 5")

    report = reports.build_report(app, 2027, 3)  # report column and summary line
    workbook = load_workbook(reports.write_workbook(report, app, tmp_path / "r.xlsx"))
    ws = workbook["村社区排名"]
    headers = [c.value for c in ws[1]]
    assert headers[-1] == "树苗" and ws.cell(2, len(headers)).value == 30
    assert "3月树苗：30棵" in [row[0].value for row in workbook.worksheets[0].iter_rows()]

    admins.upsert(app.db, "admin", generate_password_hash(PASSWORD), "admin", clock.to_db(clock.utcnow()))
    client = flask_app.test_client()  # dashboard page and nav
    assert login(client, "admin").status_code == 302
    assert client.get("/admin/seedlings").get_data(as_text=True) == "seedlings: 1"
    overview = client.get("/admin/").get_data(as_text=True)
    assert 'href="/admin/seedlings">树苗台账</a>' in overview
    assert "/admin/exports/seedlings.xlsx" in client.get("/admin/exports").get_data(as_text=True)
    assert client.get("/admin/exports/seedlings.xlsx").status_code == 200
    assert '<option value="seedlings">树苗台账</option>' in client.get("/admin/roster").get_data(as_text=True)
    assert "<section>seedlings of 1: 30</section>" in client.get("/admin/villages/1").get_data(as_text=True)
    app.databases.close_all()
