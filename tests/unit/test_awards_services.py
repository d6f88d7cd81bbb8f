"""bot/awards.py's services on a real SQLite file (issue 20, the whole module): the candidate lists made from the
county's data (each figure from the capability it comes from), the villages left out, the workbook and the CLI, the
office marking and withdrawing winners (the award kept, the certificate and its message to whom) and the reminder
before an award date (whom, when, once, and with nobody to tell). Each test named for the rule it pins."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook

from bot import awards, identity, reports
from bot.clock import to_db
from bot.store import adoption as adoption_store
from bot.store import followups as followups_store
from bot.store import milestones as milestones_store
from bot.store import roster as roster_store
from bot.store import visits as visits_store
from bot.store import zones as zones_store
from tests.conftest import app_over_file, rows_of

STAMP = "2027-01-01T00:00:00"
MEMBER, SECRETARY, ADVISER, OFFICE = "o-member", "o-secretary", "o-adviser", "o-office"


class County:
    """埔心村 (石角镇, plan filed in January, 0.6667 of 2 亩 planted) and 石湖村 (no town, nothing done). In 埔心村:
    李党员 (o-member) with 5 verified trees (one record checked alive, one dead) and 2 管护, 张大妈 (no WeChat) who adopted 2
    trees, 王书记 (o-secretary), 赵主任 an admin with a 管护; 吴老师 of no village with a 管护; 王工 (o-adviser, a 管护)
    advises both villages (one visit, two answers), 钱顾问 none; the office: 周主任 (o-office, proven) and 孙主任 (bound by
    name only)."""

    def __init__(self, app):
        self.app, self.db = app, app.db
        db = self.db
        with db.conn:
            self.puxin = roster_store.insert_village(
                db, {"name": "埔心村", "kind": "村", "town": "石角镇", "households": 10}, STAMP
            )
            self.shihu = roster_store.insert_village(db, {"name": "石湖村", "kind": "村", "households": 10}, STAMP)
            self.ids = {}
            for name, role, village, openid, via in (
                ("王工", "技术顾问", None, ADVISER, "roster"),  # first: those left out of the people's list
                ("赵主任", "管理员", self.puxin, None, None),
                ("李党员", "党员", self.puxin, MEMBER, "roster"),
                ("张大妈", "群众", self.puxin, None, None),
                ("王书记", "村书记", self.puxin, SECRETARY, "roster"),
                ("吴老师", "群众", None, None, None),
                ("钱顾问", "技术顾问", None, None, None),
                ("周主任", "管理员", None, OFFICE, "code"),
                ("孙主任", "管理员", None, "o-unproven", "name"),
            ):
                person = roster_store.insert_person(db, {"name": name, "role": role, "village_id": village}, STAMP)
                if openid:
                    roster_store.bind_openid(db, person, openid, STAMP, via=via)
                    db["users"].insert({"openid": openid, "subscribed": 1, "reminders_off": 0}, replace=True)
                self.ids[name] = person
            roster_store.set_adviser_villages(db, self.ids["王工"], [self.puxin, self.shihu])
            milestones_store.add(
                db,
                village_id=self.puxin,
                milestone="plan",
                count=None,
                name=None,
                person_id=self.ids["王书记"],
                openid=SECRETARY,
                inbox_id=None,
                now="2027-01-20T02:00:00",
            )
            common = {"status": "complete", "review": "none", "village_id": self.puxin, "openid": MEMBER}
            trees = [
                db["plantings"]
                .insert(
                    {"kind": "tree", "species": "荔枝", "count": n, "person_id": self.ids["李党员"], **common, **at}
                )
                .last_pk
                for n, at in (
                    (3, {"created_at": "2027-01-10T02:00:00", "completed_at": "2027-01-10T02:00:00"}),
                    (2, {"created_at": "2027-01-12T02:00:00", "completed_at": "2027-01-12T02:00:00"}),
                )
            ]
            plot = (
                db["plantings"]
                .insert(
                    {
                        "kind": "plot",
                        "site": "党建林",
                        "species": "香樟",
                        "count": 20,
                        "area_mu": 0.6667,
                        "person_id": self.ids["王书记"],
                        "created_at": "2027-01-15T02:00:00",
                        "completed_at": "2027-01-15T02:00:00",
                        **common,
                    }
                )
                .last_pk
            )
            for planting_id, result in zip(trees, ("alive", "dead")):
                followups_store.add_check(
                    db,
                    planting_id=planting_id,
                    due_days=30,
                    result=result,
                    media_row_id=None,
                    note=None,
                    now="2027-01-25T02:00:00",
                )
            zone = zones_store.insert_zone(
                db, village_id=self.puxin, name="党建林", lat=None, lng=None, radius_m=None, source="import", now=STAMP
            )
            for day, name in (
                ("2027-01-10T02:00:00", "李党员"),
                ("2027-01-18T02:00:00", "李党员"),
                ("2027-01-18T02:00:00", "赵主任"),
                ("2027-01-19T02:00:00", "王工"),
                ("2027-01-19T02:00:00", "吴老师"),
            ):
                zones_store.add_tending(
                    db,
                    zone_id=zone,
                    person_id=self.ids[name],
                    openid=MEMBER,
                    media_row_id=None,
                    lat=None,
                    lng=None,
                    inbox_id=None,
                    now=day,
                )
            adoption_store.add(
                db,
                planting_id=plot,
                village_id=self.puxin,
                trees=2,
                first_tree=1,
                person_id=self.ids["张大妈"],
                created_by="chat",
                now="2027-01-16T02:00:00",
            )
            visits_store.add_visit(
                db,
                adviser_person_id=self.ids["王工"],
                openid=ADVISER,
                village_id=self.shihu,
                lat=23.2,
                lng=114.5,
                distance_m=10.0,
                note="指导施肥",
                location_ok=True,
                inbox_id=None,
                now="2027-01-08T02:00:00",
            )
            for n, (asked, answered) in enumerate(
                (("2027-01-05T02:00:00", "2027-01-05T03:00:00"), ("2027-01-06T02:00:00", "2027-01-06T04:00:00"))
            ):
                db["tickets"].insert(
                    {
                        "openid": MEMBER,
                        "question": "叶子黄了",
                        "status": "answered",
                        "answered_at": answered,
                        "answered_by_person_id": self.ids["王工"],
                        "public_token": f"t{n}",
                        "created_at": asked,
                        "updated_at": answered,
                    }
                )

    def outbox(self, ending: str = ":text") -> list[dict]:
        return [m for m in rows_of(self.app, "outbox") if m["dedupe_key"].endswith(ending)]


@pytest.fixture
def county(tmp_path):
    overrides = {"wechat.templates.notice": "TPL-N", "campaign.name": "绿美植树"}
    with app_over_file(tmp_path, **overrides) as app:
        app.clock = lambda: datetime(2027, 2, 1, 2, tzinfo=UTC)
        yield County(app)


# -- the candidate lists -------------------------------------------------------------------------------------
def test_people_rule_each_figure_from_its_capability_admins_and_advisers_left_out(county):
    found = awards.candidates(county.app, 2027, 1)
    assert (found.period, found.year, found.month) == ("2027-01", 2027, 1)
    assert found.generated_at == datetime(2027, 2, 1, 2, tzinfo=UTC)
    member, teacher, masses = found.people  # 管护 before adoptions; not 赵主任 (an admin) nor 王工 (an adviser)
    assert member == awards.PersonCandidate(
        person_id=county.ids["李党员"],
        name="李党员",
        village_id=county.puxin,
        village="埔心村",
        role="党员",
        trees=5,
        records=2,
        survival_checked=2,
        survival_alive=1,
        tending=2,
        adopted=0,
        rank=1,
    )
    assert (masses.name, masses.trees, masses.records, masses.survival_checked, masses.tending, masses.adopted) == (
        "张大妈",
        0,
        0,
        0,
        0,
        2,
    )
    assert (masses.rank, masses.village) == (3, "埔心村")
    assert member.survival_rate == 0.5 and masses.survival_rate is None
    assert (teacher.name, teacher.village_id, teacher.village, teacher.tending, teacher.rank) == (
        "吴老师",
        None,
        "",
        1,
        2,
    )


def _secretary_logs_the_party_forest(county, trees: int) -> None:
    """王书记 logs the 党建林's planting day: tree records at the collective site, planted by the branch."""
    with county.db.conn:
        county.db["plantings"].insert(
            {
                "kind": "tree",
                "site": "党建林",
                "species": "香樟",
                "count": trees,
                "status": "complete",
                "review": "none",
                "person_id": county.ids["王书记"],
                "village_id": county.puxin,
                "openid": SECRETARY,
                "created_at": "2027-01-16T02:00:00",
                "completed_at": "2027-01-16T02:00:00",
            }
        )


def test_people_rule_trees_logged_at_a_collective_site_are_shown_not_credited(county):
    _secretary_logs_the_party_forest(county, 40)
    people = awards.candidates(county.app, 2027, 1).people
    secretary = people[-1]  # after everyone with a tree, 管护 or adoption of their own
    assert (secretary.name, secretary.trees, secretary.records, secretary.collective) == ("王书记", 0, 0, 40)
    assert people[0].name == "李党员" and people[0].collective == 0
    column = next(c for c in awards.PERSON_COLUMNS if c.key == "collective")
    assert column.value(secretary) == 40


def test_people_rule_the_office_may_count_collective_sites_as_the_loggers_own(tmp_path):
    with app_over_file(tmp_path, **{"awards.plot_sites_personal": True}) as app:
        app.clock = lambda: datetime(2027, 2, 1, 2, tzinfo=UTC)
        county = County(app)
        _secretary_logs_the_party_forest(county, 40)
        found = awards.candidates(county.app, 2027, 1)
        first = found.people[0]
        assert app.t("awards.notes.sites_personal") in awards.notes(app, found)
    assert (first.name, first.trees, first.records, first.collective) == ("王书记", 40, 1, 0)


def test_people_rule_data_from_the_years_first_moment_to_the_periods_last_second(county):
    with county.db.conn:
        county.db["plantings"].insert(  # 01-31 23:59:59 in Shanghai: in January's list
            {
                "kind": "tree",
                "species": "龙眼",
                "count": 4,
                "status": "complete",
                "review": "none",
                "person_id": county.ids["张大妈"],
                "village_id": county.puxin,
                "openid": "o",
                "created_at": "2027-01-31T15:59:59",
                "completed_at": "2027-01-31T15:59:59",
            }
        )
        county.db["plantings"].insert(  # 2026: not this campaign's
            {
                "kind": "tree",
                "species": "龙眼",
                "count": 9,
                "status": "complete",
                "review": "none",
                "person_id": county.ids["张大妈"],
                "village_id": county.puxin,
                "openid": "o",
                "created_at": "2026-12-31T15:59:59",
                "completed_at": "2026-12-31T15:59:59",
            }
        )
    assert awards._bounds(county.app, 2027, 1) == ("2026-12-31T16:00:00", "2027-01-31T15:59:59")
    masses = next(p for p in awards.candidates(county.app, 2027, 1).people if p.name == "张大妈")
    assert (masses.trees, masses.records) == (4, 1)


BEFORE, AFTER = "2026-12-31T15:59:59", "2027-01-31T16:00:00"  # just outside January 2027 in Shanghai


def test_people_rule_nothing_from_before_the_year_or_after_the_period_counts(county):
    db, masses = county.db, county.ids["张大妈"]
    plot = next(db.query("SELECT id FROM plantings WHERE kind = 'plot'"))["id"]
    with db.conn:
        tree = (
            db["plantings"]
            .insert(
                {
                    "kind": "tree",
                    "species": "龙眼",
                    "count": 4,
                    "status": "complete",
                    "review": "none",
                    "person_id": masses,
                    "village_id": county.puxin,
                    "openid": "o",
                    "created_at": "2027-01-05T02:00:00",
                    "completed_at": "2027-01-05T02:00:00",
                }
            )
            .last_pk
        )
        for result, at in (("dead", "2027-01-20T02:00:00"), ("alive", AFTER)):  # the latest answer by the period's end
            followups_store.add_check(
                db, planting_id=tree, due_days=30, result=result, media_row_id=None, note=None, now=at
            )
        zone = next(db.query("SELECT id FROM zones"))["id"]
        for at in (BEFORE, AFTER):
            db["plantings"].insert(
                {
                    "kind": "tree",
                    "species": "龙眼",
                    "count": 9,
                    "status": "complete",
                    "review": "none",
                    "person_id": masses,
                    "village_id": county.puxin,
                    "openid": "o",
                    "created_at": at,
                    "completed_at": at,
                }
            )
            zones_store.add_tending(
                db,
                zone_id=zone,
                person_id=masses,
                openid="o",
                media_row_id=None,
                lat=None,
                lng=None,
                inbox_id=None,
                now=at,
            )
            adoption_store.add(
                db,
                planting_id=plot,
                village_id=county.puxin,
                trees=5,
                first_tree=3,
                person_id=masses,
                created_by="chat",
                now=at,
            )
            db["tickets"].insert(
                {
                    "openid": MEMBER,
                    "question": "叶子黄了",
                    "status": "answered",
                    "answered_at": at,
                    "answered_by_person_id": county.ids["王工"],
                    "public_token": f"t-{at}",
                    "created_at": "2026-12-01T00:00:00",
                    "updated_at": at,
                }
            )
    found = awards.candidates(county.app, 2027, 1)
    her = next(p for p in found.people if p.name == "张大妈")
    assert (her.trees, her.records, her.tending, her.adopted) == (4, 1, 0, 2)
    assert (her.survival_checked, her.survival_alive) == (1, 0)  # dead by January's end
    wang = next(a for a in found.advisers if a.name == "王工")
    assert (wang.answered, wang.median_hours) == (2, 1.5)


def test_collective_rule_villages_by_milestones_on_time_with_their_figures(county):
    found = awards.candidates(county.app, 2027, 1)
    puxin, shihu = found.villages
    assert puxin == awards.VillageCandidate(
        village_id=county.puxin,
        name="埔心村",
        kind="村",
        town="石角镇",
        status="on_track",
        completion=0.3333,  # 0.6667 of 2 亩, rounded to four places
        on_time=1,  # the plan, filed before plans_due
        due=1,
        survival_rate=0.5,
        household_coverage=0.2,  # 李党员's trees and 张大妈's adoption, of 10 households
        party_participation=1.0,
        rank=1,
    )
    assert shihu == awards.VillageCandidate(
        village_id=county.shihu,
        name="石湖村",
        kind="村",
        town="",
        status="lagging",
        completion=0.0,
        on_time=0,
        due=1,
        survival_rate=None,
        household_coverage=0.0,
        party_participation=None,
        rank=2,
    )
    assert found.excluded == []


def test_collective_rule_a_target_met_after_its_day_is_not_on_time(county):
    with county.db.conn:
        milestones_store.add(
            county.db,
            village_id=county.shihu,
            milestone="plan",
            count=None,
            name=None,
            person_id=county.ids["王书记"],
            openid=SECRETARY,
            inbox_id=None,
            now="2027-01-31T16:00:00",  # 02-01 00:00 in Shanghai: a day late
        )
    shihu = next(v for v in awards.candidates(county.app, 2027, 1).villages if v.name == "石湖村")
    assert (shihu.on_time, shihu.due) == (0, 1)


def test_collective_rule_lagging_once_is_still_a_candidate_twice_in_a_row_is_not(county):
    found = awards.candidates(county.app, 2027, 2)  # plans, schedules, main and demo sites due by 02-end
    assert [(v.name, v.status, v.on_time, v.due, v.rank) for v in found.villages] == [("埔心村", "lagging", 1, 4, 1)]
    assert found.excluded == ["石湖村"]  # lagging in January and February


def test_collective_rule_villages_lagging_two_months_in_a_row_are_listed_apart(county):
    found = awards.candidates(county.app, 2027, 3)
    assert found.villages == [] and found.excluded == ["埔心村", "石湖村"]


def test_adviser_rule_every_adviser_with_villages_visits_and_answers(county):
    wang, qian = awards.candidates(county.app, 2027, 1).advisers
    assert wang == awards.AdviserCandidate(
        person_id=county.ids["王工"],
        name="王工",
        villages="埔心村、石湖村",
        village_count=2,
        visits=1,
        villages_visited=1,
        answered=2,
        median_hours=1.5,
        rank=1,
    )
    assert qian == awards.AdviserCandidate(
        person_id=county.ids["钱顾问"],
        name="钱顾问",
        villages="",
        village_count=0,
        visits=0,
        villages_visited=0,
        answered=0,
        median_hours=None,
        rank=2,
    )


def test_cache_rule_the_lists_of_a_period_are_kept_for_the_cache_seconds(county):
    first = awards.cached_candidates(county.app, 2027, 1)
    assert awards.cached_candidates(county.app, 2027, 1) is first
    assert awards.cached_candidates(county.app, 2027, 2).period == "2027-02"
    assert awards.cached_candidates(county.app, 2027, 1) is first


def test_cache_rule_no_cache_seconds_makes_them_again(tmp_path):
    with app_over_file(tmp_path, **{"dashboard.cache_seconds": 0}) as app:
        County(app)
        first = awards.cached_candidates(app, 2027, 1)
        again = awards.cached_candidates(app, 2027, 1)
        assert again is not first and again.people == first.people


# -- the workbook and the CLI --------------------------------------------------------------------------------
def test_notes_rule_what_the_lists_are_made_of_and_the_villages_left_out(county):
    t = county.app.t
    found = awards.candidates(county.app, 2027, 3)
    assert awards.notes(county.app, found) == [
        t("awards.notes.title", campaign="绿美植树", year=2027, month=3),
        t("awards.notes.data", year=2027, month=3),
        t("awards.notes.person", n=20),
        t("awards.notes.sites_apart"),
        t("awards.notes.collective"),
        t("awards.notes.adviser"),
        t("awards.notes.excluded", names="埔心村、石湖村"),
        t("awards.notes.generated", at="2027-02-01 10:00"),
    ]
    quiet = awards.notes(county.app, awards.Candidates("2027-01", 2027, 1, [], [], [], []))
    assert quiet[-1] == t("awards.notes.none_excluded") and len(quiet) == 7


def test_workbook_rule_three_lists_cut_to_the_limit_and_the_notes(tmp_path):
    with app_over_file(tmp_path, **{"awards.candidates": 1}) as app:
        app.clock = lambda: datetime(2027, 2, 1, 2, tzinfo=UTC)
        County(app)
        found = awards.candidates(app, 2027, 1)
        out = awards.write_workbook(app, found, tmp_path / "new" / "dir" / "awards.xlsx")
    assert out == tmp_path / "new" / "dir" / "awards.xlsx"
    wb = load_workbook(out)
    assert wb.sheetnames == ["最美植绿人", "最美植绿集体", "技术顾问", "说明"]
    people = list(wb["最美植绿人"].values)
    assert people[0][:3] == ("名次", "姓名", "村（社区）") and len(people) == 2  # the header and the first
    assert people[1][:2] == (1, "李党员")
    assert len(list(wb["最美植绿集体"].values)) == 2
    assert [r[1] for r in list(wb["技术顾问"].values)[1:]] == ["王工", "钱顾问"]  # every adviser
    assert {wb[s].freeze_panes for s in ("最美植绿人", "最美植绿集体", "技术顾问")} == {"C2"}
    notes = wb["说明"]
    assert [r[0] for r in notes.values] == awards.notes(app, found)
    assert notes.column_dimensions["A"].width == 100
    assert (notes["A1"].font.bold, notes["A1"].font.size) == (True, 14)
    assert notes["A2"].alignment.wrap_text and notes["A2"].alignment.vertical == "top"


def test_cli_rule_a_period_outside_the_campaign_year_is_refused(county, capsys):
    args = SimpleNamespace(period="2026-12", out=None)
    assert awards.cmd_awards(args, county.app) == 2
    captured = capsys.readouterr()
    assert captured.err == county.app.t("awards.cli.bad_period", period="2026-12", year=2027) + "\n"
    assert captured.out == ""


def test_cli_rule_the_workbook_is_written_where_asked_or_named_for_the_period(county, tmp_path, monkeypatch, capsys):
    out = tmp_path / "asked.xlsx"
    assert awards.cmd_awards(SimpleNamespace(period="2027-03", out=str(out)), county.app) == 0
    assert out.is_file()
    assert capsys.readouterr().out.strip() == county.app.t(
        "awards.cli.wrote", out=out, people=3, villages=0, excluded=2, advisers=2
    )
    monkeypatch.chdir(tmp_path)
    assert awards.cmd_awards(SimpleNamespace(period="2027-01", out=None), county.app) == 0
    assert (tmp_path / "awards-2027-01.xlsx").is_file()


def test_cli_rule_the_period_is_required_and_explained(tmp_path):
    import argparse

    parser = argparse.ArgumentParser()
    awards.awards_arguments(parser)
    with pytest.raises(SystemExit):
        parser.parse_args([])
    assert vars(parser.parse_args(["--period", "2027-06"])) == {"period": "2027-06", "out": None}
    words = " ".join(parser.format_help().split())
    assert "--period PERIOD YYYY-MM: the lists as of the end of that month (campaign.year)" in words
    assert "--out OUT the workbook (default awards-YYYY-MM.xlsx)" in words


# -- marking winners --------------------------------------------------------------------------------------------
NOW = datetime(2027, 7, 1, 2, tzinfo=UTC)  # 10:00 in Shanghai


def mark(county, category: str, subject: int, period: str = "2027-01"):
    with county.db.conn:
        return awards.mark_winner(
            county.app, county.db, period=period, category=category, subject_id=subject, by="office", now=NOW
        )


def test_winner_rule_a_person_is_awarded_once_with_the_figures_and_told(county):
    award, problem = mark(county, awards.PERSON, county.ids["李党员"])
    assert problem is None
    assert {k: award[k] for k in ("period", "category", "title", "person_id", "village_id", "name")} == {
        "period": "2027-01",
        "category": "person",
        "title": "最美植绿人",
        "person_id": county.ids["李党员"],
        "village_id": county.puxin,  # a person's award names their village
        "name": "李党员",
    }
    assert (award["status"], award["decided_by"], award["decided_at"]) == ("awarded", "office", to_db(NOW))
    figures = json.loads(award["figures"])
    assert figures["trees"] == 5 and "person_id" not in figures and figures["village"] == "埔心村"
    [cert] = rows_of(county.app, "certificates")
    assert (cert["award_id"], cert["person_id"], cert["village_id"], cert["name"], cert["title"], cert["period"]) == (
        award["id"],
        county.ids["李党员"],
        county.puxin,
        "李党员",
        "最美植绿人",
        "2027年1月",
    )
    assert (cert["kind"], cert["issued_at"], cert["sent_at"]) == ("award", to_db(NOW), to_db(NOW))
    assert [m["openid"] for m in county.outbox()] == [MEMBER]
    assert mark(county, awards.PERSON, county.ids["李党员"]) == (None, "admin.awards.already")
    assert len(rows_of(county.app, "awards")) == 1


def test_winner_rule_a_village_is_awarded_through_its_secretary(county):
    award, problem = mark(county, awards.COLLECTIVE, county.puxin)
    assert problem is None
    assert (award["category"], award["person_id"], award["village_id"], award["name"], award["title"]) == (
        "collective",
        None,
        county.puxin,
        "埔心村",
        "最美植绿集体",
    )
    assert [m["openid"] for m in county.outbox()] == [SECRETARY]
    [cert] = rows_of(county.app, "certificates")
    assert (cert["person_id"], cert["village_id"], cert["name"], cert["title"]) == (
        None,
        county.puxin,
        "埔心村",
        "最美植绿集体",
    )
    assert mark(county, awards.COLLECTIVE, county.puxin)[1] == "admin.awards.already"


def test_winner_rule_an_adviser_is_awarded_by_person(county):
    award, problem = mark(county, awards.ADVISER, county.ids["王工"])
    assert problem is None
    assert (award["category"], award["person_id"], award["village_id"], award["title"]) == (
        "adviser",
        county.ids["王工"],
        None,
        "优秀技术顾问",
    )
    assert [m["openid"] for m in county.outbox()] == [ADVISER]


def test_winner_rule_without_wechat_the_award_is_kept_and_nobody_told(county):
    award, problem = mark(county, awards.PERSON, county.ids["张大妈"])
    assert problem is None and award["name"] == "张大妈"
    assert county.outbox() == []


@pytest.mark.parametrize(
    "category, subject",
    [("nonsense", "李党员"), (awards.PERSON, "王工"), (awards.PERSON, "赵主任"), (awards.ADVISER, "李党员")],
)
def test_winner_rule_only_a_candidate_of_that_list(county, category, subject):
    assert mark(county, category, county.ids[subject]) == (None, "admin.awards.not_candidate")
    assert rows_of(county.app, "awards") == []


def test_winner_rule_a_village_left_out_is_no_candidate(county):
    assert mark(county, awards.COLLECTIVE, county.puxin, period="2027-03") == (None, "admin.awards.not_candidate")


def test_withdraw_rule_a_standing_award_once_and_its_certificate_revoked(county):
    award, _ = mark(county, awards.PERSON, county.ids["李党员"])
    later = NOW + timedelta(days=1)
    with county.db.conn:
        assert awards.withdraw(county.app, county.db, award["id"], by="office", reason="重复", now=later)
        assert not awards.withdraw(county.app, county.db, award["id"], by="office", reason="重复", now=later)
    [decision] = awards.decisions(county.db, "2027-01")
    assert (decision["status"], decision["withdrawn_by"], decision["withdrawn_reason"], decision["withdrawn_at"]) == (
        "withdrawn",
        "office",
        "重复",
        to_db(later),
    )
    [cert] = rows_of(county.app, "certificates")
    assert cert["revoked_at"] == to_db(later) and cert["revoked_reason"] == "重复"
    assert awards.decisions(county.db, "2027-02") == []


# -- the reminder before an award date ------------------------------------------------------------------------------
FIRST_AWARDS = date(2027, 6, 30)


def remind(county, day: date, hour: int = 10) -> dict:
    moment = datetime(day.year, day.month, day.day, hour - 8, tzinfo=UTC)  # campaign time
    return awards.award_reminders(county.app, moment)


def test_reminder_rule_the_proven_office_from_the_days_before_to_the_award_day_once(county):
    days = int(county.app.config.get("awards.remind_days_before"))
    assert remind(county, FIRST_AWARDS - timedelta(days=days + 1)) == {"queued": 0}
    assert remind(county, FIRST_AWARDS - timedelta(days=days)) == {"queued": 1, "office": 1}
    [message] = rows_of(county.app, "outbox")
    assert (message["openid"], message["kind"], message["dedupe_key"]) == (
        OFFICE,
        "notice",
        f"award-reminder:first_awards:2027:{county.ids['周主任']}",
    )
    url = county.app.config.get("server.public_url").rstrip("/") + "/admin/awards?period=2027-06"
    assert message["text"] == county.app.t(
        "awards.reminder", date="6月30日", what="评选第一批先进", days=days, period="2027-06", url=url
    )
    assert remind(county, FIRST_AWARDS) == {"queued": 0, "office": 1}  # once
    assert remind(county, FIRST_AWARDS + timedelta(days=1)) == {"queued": 0}


def test_reminder_rule_the_annual_awards_too(county):
    assert remind(county, date(2027, 12, 30)) == {"queued": 1, "office": 1}
    assert "还有1天" in rows_of(county.app, "outbox")[0]["text"]
    assert rows_of(county.app, "outbox")[0]["dedupe_key"].startswith("award-reminder:annual_awards:2027:")


def test_reminder_rule_each_of_the_office_is_told_with_the_pages_link(tmp_path):
    with app_over_file(tmp_path, **{"server.public_url": "https://lvmei.example.cn/"}) as app:
        county = County(app)
        with app.db.conn:
            roster_store.bind_openid(app.db, county.ids["孙主任"], "o-unproven", STAMP, via="code")  # proven now
        assert awards.award_reminders(app, datetime(2027, 6, 29, 2, tzinfo=UTC)) == {"queued": 2, "office": 2}
        messages = rows_of(app, "outbox")
        assert [m["openid"] for m in messages] == [OFFICE, "o-unproven"]
        assert "https://lvmei.example.cn/admin/awards?period=2027-06" in messages[0]["text"]


def test_reminder_rule_with_nobody_in_the_office_nothing_is_queued(tmp_path, caplog):
    with app_over_file(tmp_path) as app:
        County(app)
        with app.db.conn:
            app.db.execute("UPDATE people SET openid = NULL WHERE role = '管理员'")
        assert identity.proven_office(app.db) == []
        assert awards.award_reminders(app, datetime(2027, 6, 29, 2, tzinfo=UTC)) == {"queued": 0, "office": 0}
        assert awards.award_reminders(app, datetime(2027, 6, 30, 2, tzinfo=UTC)) == {"queued": 0, "office": 0}
        assert rows_of(app, "outbox") == []
        assert awards.award_reminders(app, datetime(2027, 12, 30, 2, tzinfo=UTC)) == {"queued": 0, "office": 0}
        assert [r.getMessage() for r in caplog.records if "award date" in r.getMessage()] == [
            "award date 2027-06-30: no 管理员 bound to WeChat to remind; the dashboard's awards page shows it",
            "award date 2027-12-31: no 管理员 bound to WeChat to remind; the dashboard's awards page shows it",
        ]  # once per award date and process


def test_reminder_rule_the_office_is_the_proven_admins(county):
    assert [p["name"] for p in identity.proven_office(county.db)] == ["周主任"]


def test_words_rule_a_period_in_words(county):
    assert awards.period_words(county.app, "2027-06") == county.app.t("awards.period_words", year=2027, month=6)
    assert awards.period_words(county.app, "2027-06") == "2027年6月"
