"""The registry is consistent: what the capability manifests contribute is what every part of the app offers
(exports in the CLI, the dashboard and the README; commands and routes documented)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

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
