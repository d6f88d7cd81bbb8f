"""Boundaries of the village milestones' rules (bot/milestones.py): the office's corrections at their limits
(1 hole, names of 1 and 30 characters), the figures of a village with nothing or one report, what a due date
stands for, the office's changes kept field by field (issue 20, mutation testing). The cases that count reports
use a real SQLite file."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from bot import config as config_mod
from bot import milestones
from bot.app import create_context
from bot.messages import Messages
from bot.milestones import DEMO_SITE, HOLES, PLAN
from bot.store import milestones as milestones_store
from bot.store import roster as roster_store
from tests.conftest import ROOT, app_over_file

PLAN_WORDS = Messages.load().words("milestones.commands.plan")


# -- the office's corrections ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "milestone, value, fields",
    [
        (HOLES, "1", {"count": 1}),
        (HOLES, " 120 ", {"count": 120}),
        (DEMO_SITE, "园", {"name": "园"}),
        (DEMO_SITE, "园" * 30, {"name": "园" * 30}),
        (DEMO_SITE, " 村口公园 ", {"name": "村口公园"}),
    ],
)
def test_correction_rule_a_count_from_one_a_name_of_one_to_thirty_characters(milestone, value, fields):
    assert milestones.correction(milestone, value) == fields


@pytest.mark.parametrize(
    "milestone, value",
    [
        (HOLES, "0"),
        (HOLES, "-3"),
        (HOLES, "3.5"),
        (HOLES, ""),
        (DEMO_SITE, ""),
        (DEMO_SITE, "  "),
        (DEMO_SITE, "园" * 31),
        (PLAN, "计划"),
        (HOLES, None),
    ],
)
def test_correction_rule_anything_else_is_refused_naming_it(milestone, value):
    with pytest.raises(ValueError, match=rf"^not a correction of {milestone}: "):
        milestones.correction(milestone, value)


def test_text_rule_a_report_reads_with_its_figure():
    app = SimpleNamespace(t=Messages.load().t)
    assert milestones.what(app, {"milestone": HOLES, "count": 120, "name": None}) == "树穴120个"
    assert milestones.what(app, {"milestone": DEMO_SITE, "count": None, "name": "村口公园"}) == "示范点“村口公园”"
    assert milestones.what(app, {"milestone": PLAN, "count": None, "name": None}) == "计划备案"


@pytest.mark.parametrize("text, count", [("树穴 1个", 1), ("树穴 一个", 1), ("树穴：两个", 2)])
def test_holes_rule_one_hole_is_a_report(text, count):
    assert milestones.parse(text, PLAN_WORDS) == milestones.Report(HOLES, count=count)


def test_changes_rule_only_the_fields_a_change_altered():
    before = '{"status": "reported", "count": 100, "name": null}'
    assert milestones.changed_fields(before, '{"status": "confirmed", "count": 120, "name": null}') == [
        ("status", "reported", "confirmed"),
        ("count", 100, 120),
    ]
    assert milestones.changed_fields(before, before) == []


# -- with a database -----------------------------------------------------------------------------------
STAMP = "2027-01-01T00:00:00"


@pytest.fixture
def app(tmp_path):
    with app_over_file(tmp_path) as app:
        yield app


@pytest.fixture
def county(app):
    """A real SQLite file with 埔心村 (a plan, holes twice, a site confirmed, a site undone) and 石湖村 (a plan
    only): (app, {name: village id}, {what: report id})."""
    db = app.db
    with db.conn:
        ids = {n: roster_store.insert_village(db, {"name": n, "kind": "村"}, STAMP) for n in ("埔心村", "石湖村")}
        cadre = roster_store.insert_person(db, {"name": "陈书记", "village_id": ids["埔心村"], "role": "村书记"}, STAMP)

        def report(village, milestone, at, count=None, name=None):
            return milestones_store.add(
                db,
                village_id=ids[village],
                milestone=milestone,
                count=count,
                name=name,
                person_id=cadre,
                openid="o-cadre",
                inbox_id=None,
                now=at,
            )

        made = {
            "plan": report("埔心村", PLAN, "2027-01-20T02:00:00"),
            "holes": report("埔心村", HOLES, "2027-02-01T02:00:00", count=80),
            "more_holes": report("埔心村", HOLES, "2027-02-10T02:00:00", count=120),
            "site": report("埔心村", DEMO_SITE, "2027-02-20T02:00:00", name="村口公园"),
            "undone_site": report("埔心村", DEMO_SITE, "2027-02-21T02:00:00", name="祠堂"),
            "other_plan": report("石湖村", PLAN, "2027-01-25T02:00:00"),
        }
        milestones.change(db, made["site"], milestones.CONFIRM, "office", "2027-02-22T02:00:00")
        milestones.change(db, made["undone_site"], milestones.UNDO, "office", "2027-02-22T02:00:00")
    return app, ids, made


def test_figures_rule_a_village_with_a_plan_only_has_no_site_reported(county):
    app, ids, _made = county
    figures = milestones.figures(app.db)
    assert figures[ids["石湖村"]] == milestones.VillageMilestones(plan_at="2027-01-25T02:00:00")
    assert figures[ids["埔心村"]] == milestones.VillageMilestones(
        plan_at="2027-01-20T02:00:00",
        holes=120,
        demo_sites=1,
        demo_sites_reported=1,  # the undone site: not
    )


def test_figures_rule_one_village_and_up_to_a_moment(county):
    app, ids, _made = county
    assert list(milestones.figures(app.db, village_id=ids["石湖村"])) == [ids["石湖村"]]
    assert milestones.figures(app.db, until="2027-02-01T02:00:00", village_id=ids["埔心村"]) == {
        ids["埔心村"]: milestones.VillageMilestones(plan_at="2027-01-20T02:00:00", holes=80)
    }


def test_due_date_rule_each_date_stands_for_its_milestone(county):
    app, ids, _made = county
    assert milestones.villages_done(app.db, "plans_due") == {ids["埔心村"], ids["石湖村"]}
    assert milestones.villages_done(app.db, "holes_due") == {ids["埔心村"]}
    assert milestones.villages_done(app.db, "plots_due") == {ids["埔心村"]}
    assert milestones.villages_done(app.db, "first_awards") == set()  # no village milestone


def test_change_rule_a_correction_confirms_and_is_kept_with_what_it_replaced(county):
    app, ids, made = county
    db = app.db
    before = milestones.change(db, made["more_holes"], milestones.CORRECT, "office", "2027-02-23T02:00:00", "125")
    assert (before["count"], before["status"]) == (120, "reported")
    row = milestones_store.get(db, made["more_holes"])
    assert (row["count"], row["status"], row["confirmed_by"], row["confirmed_at"]) == (
        125,
        "confirmed",
        "office",
        "2027-02-23T02:00:00",
    )
    [latest, *_older] = milestones.changes_of_village(db, ids["埔心村"])
    assert (latest["action"], latest["diffs"]) == (
        "correct",
        [("status", "reported", "confirmed"), ("count", 120, 125)],
    )
    assert milestones.change(db, 999, milestones.CONFIRM, "office", STAMP) is None
    with pytest.raises(ValueError, match="unknown action 'delete'"):
        milestones.change(db, made["plan"], "delete", "office", STAMP)
    undone = milestones_store.get(db, made["undone_site"])
    assert (undone["status"], undone["confirmed_by"]) == ("undone", None)  # an undo confirms nothing
