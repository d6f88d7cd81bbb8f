"""Boundaries of the monthly 通报's rules (bot/reports.py): shares to four decimals, the 社区's empty 亩 and 示范点
cells, the December 通报 released in January, a label cell for a value without a label, and the none text of an
empty ranking (issue 20, mutation testing)."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from bot import config as config_mod
from bot import progress, reports
from bot.messages import Messages
from tests.conftest import ROOT, at

COLUMNS = {c.key: c for c in reports.PROGRESS_COLUMNS}


@pytest.fixture
def config():
    return config_mod.load(ROOT / "config.toml", env={})  # campaign.year 2027, 通报 on the 1st at 08:00


@pytest.mark.parametrize("value, cell", [(None, None), (0.123456, 0.1235), (2 / 3, 0.6667), (1.0, 1.0), (0, 0)])
def test_share_rule_four_decimals_and_no_figure_stays_empty(value, cell):
    assert reports._share(value) == cell and (reports._share(value) is None) is (value is None)


def row_of(kind):
    village = SimpleNamespace(kind=kind, area_mu=1.234, claimed_area_mu=2.0, demo_sites=1, demo_sites_target=2,
                              demo_sites_reported=3)  # fmt: skip
    return SimpleNamespace(village=village)


@pytest.mark.parametrize(
    "key, village_cell",
    [("verified_mu", 1.23), ("claimed_mu", 2.0), ("demo_sites", "1/2"), ("demo_sites_reported", 3)],
)
def test_community_rule_a_community_leaves_mu_and_demo_sites_empty(key, village_cell):
    assert COLUMNS[key].value(row_of(progress.VILLAGE)) == village_cell
    assert COLUMNS[key].value(row_of(progress.COMMUNITY)) is None


def test_label_rule_a_value_without_a_label_is_an_empty_cell():
    row = SimpleNamespace(lagging_last_month=False)
    assert reports._cell(None, COLUMNS["lagging_last_month"], row, {}) == ""


def test_ranking_rule_no_village_is_named_none_and_several_are_joined():
    app = SimpleNamespace(t=Messages.load().t)
    assert reports._names(app, []) == Messages.load().t("progress.report.none")
    rows = [SimpleNamespace(village=SimpleNamespace(name=name)) for name in ("埔心村", "石湖村")]
    assert reports._names(app, rows) == "埔心村、石湖村"


@pytest.mark.parametrize(
    "month, moment",
    [((2027, 11), "2027-12-01T08:00"), ((2027, 12), "2028-01-01T08:00"), ((2027, 1), "2027-02-01T08:00")],
)
def test_release_rule_the_next_months_first_day_as_quiet_hours_end(config, month, moment):
    assert reports.release_moment(config, *month) == at(moment)


def test_release_rule_decembers_tongbao_is_due_in_january_not_before(config):
    assert reports.month_due(config, at("2028-01-01T07:59")) == (2027, 11)
    assert reports.month_due(config, at("2028-01-01T08:00")) == (2027, 12)


@pytest.mark.parametrize("text", ["2027-3", "", None])
def test_month_rule_a_bad_month_is_named_in_the_error(text):
    with pytest.raises(ValueError, match=r"^month must be YYYY-MM, got " + re.escape(repr(text)) + "$"):
        reports.parse_month(text)
