"""Roster import: formats and encodings, header aliases, every problem with its row, re-import in place."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from bot import identity, roster
from bot.app import build_registry
from bot.db import connect, migrate, transaction
from bot.messages import Messages
from bot.store import roster as store

ROSTER = Path(__file__).resolve().parent.parent / "data" / "roster"
NOW = "2027-02-01T00:00:00+00:00"
LATER = "2027-03-01T00:00:00+00:00"


@pytest.fixture
def db(tmp_path):
    database = connect(tmp_path / "roster.db")
    migrate(database, build_registry().stores)
    yield database
    database.close()


def csv_bytes(lines: list[str], encoding: str = "utf-8") -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def xlsx_bytes(rows: list[list]) -> bytes:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def load(db, kind, filename, data, now=NOW, clean_rows_only=False):
    return roster.import_file(
        db, roster.IMPORTS[kind], filename, data, now, Messages.load().t, clean_rows_only=clean_rows_only
    )


def load_sample(db):
    for kind in ("villages", "people"):
        summary, problems = load(db, kind, f"{kind}.csv", (ROSTER / f"{kind}.csv").read_bytes())
        assert problems == [], [str(p) for p in problems]


def people(db):
    return {
        (p["name"], p["village"]): p
        for p in db.query("SELECT p.*, v.name AS village FROM people p LEFT JOIN villages v ON v.id = p.village_id")
    }


# -- formats and encodings ------------------------------------------------------------------------------
VILLAGE_LINES = [
    "名称,类型,镇街,户数,纬度,经度,半径米,技术顾问",
    "埔心村,村,石龙镇,320,23.1,113.8,1500,",
    "下围社区,社区,城东街道,860,,,,",
]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_in_every_encoding_excel_saves(db, encoding):
    summary, problems = load(db, "villages", "v.csv", csv_bytes(VILLAGE_LINES, encoding))
    assert problems == [] and (summary.created, summary.updated) == (2, 0)
    village = store.village_by_name(db, "埔心村")
    assert (village["kind"], village["town"], village["households"], village["lat"]) == ("村", "石龙镇", 320, 23.1)


def test_xlsx_with_numbers_as_excel_stores_them(db):
    load_sample(db)
    data = xlsx_bytes([["姓名", "村社区", "角色", "手机", "出生年份"], ["张三", "新塘村", "党员", 13900000001, 1961.0]])
    summary, problems = load(db, "people", "名单.xlsx", data)
    assert problems == [] and summary.created == 1
    person = people(db)[("张三", "新塘村")]
    assert (person["phone"], person["birth_year"], person["role"]) == ("13900000001", 1961, "党员")


def test_english_aliases_any_column_order_extra_columns_ignored(db):
    lines = ["note,Radius_M,KIND,Name (名称),households", "x,800,community,下围社区,860"]
    summary, problems = load(db, "villages", "v.csv", csv_bytes(lines))
    assert problems == []
    village = store.village_by_name(db, "下围社区")
    assert (village["kind"], village["radius_m"], village["households"]) == ("社区", 800.0, 860)


def test_old_xls_and_garbage_are_refused_plainly(db):
    rows, problems = roster.validate(db, "villages", "old.xls", b"\xd0\xcf\x11\xe0")
    assert rows == [] and "xlsx" in str(problems[0]) and problems[0].row == 1
    rows, problems = roster.validate(db, "villages", "broken.xlsx", b"PK\x03\x04not a zip")
    assert "Excel" in str(problems[0])


def test_missing_required_column_is_row_1(db):
    rows, problems = roster.validate(db, "people", "p.csv", csv_bytes(["姓名,角色", "张三,群众"]))
    assert [(p.row, "村社区" in p.reason) for p in problems] == [(1, True)]


# -- every problem, with its row, and nothing written ---------------------------------------------------------
def test_every_problem_is_reported_with_its_spreadsheet_row(db):
    load_sample(db)
    lines = [
        "姓名,村社区,角色,手机,出生年份",
        "张三,埔心村,群众,13800000011,1960",  # row 2: fine
        ",埔心村,群众,,",  # row 3: missing name
        "李四,火星村,群众,,",  # row 4: unknown village
        "王五,埔心村,村长,,",  # row 5: unknown role
        "张三,埔心村,党员,,",  # row 6: duplicate of row 2
        "赵六,埔心村,群众,12ab,一九六零",  # row 7: bad phone, bad year
        "",  # blank line: skipped, still counted
        "钱七,埔心村、新塘村,党员,,",
    ]  # row 9: several villages for a non-adviser
    rows, problems = roster.validate(db, "people", "p.csv", csv_bytes(lines))
    found = sorted((p.row, p.column) for p in problems)
    assert found == [(3, "姓名"), (4, "村社区"), (5, "角色"), (6, "姓名"), (7, "出生年份"), (7, "手机"), (9, "村社区")]
    text = "\n".join(map(str, problems))
    assert "第4行" in text and "火星村" in text and "第2行重复" in text
    assert [r["row"] for r in rows] == [2]


def test_a_file_with_problems_writes_nothing(db):
    load_sample(db)
    before = db.execute("SELECT COUNT(*) FROM people").fetchone()[0]
    summary, problems = load(db, "people", "p.csv", csv_bytes(["姓名,村社区", "新人,埔心村", "坏人,无此村"]))
    assert summary is None and len(problems) == 1
    assert db.execute("SELECT COUNT(*) FROM people").fetchone()[0] == before


def test_clean_rows_only_imports_the_good_rows(db):
    load_sample(db)
    summary, problems = load(
        db, "people", "p.csv", csv_bytes(["姓名,村社区", "新人,埔心村", "坏人,无此村"]), clean_rows_only=True
    )
    assert summary.created == 1 and summary.rows == [2] and [p.row for p in problems] == [3]
    assert ("新人", "埔心村") in people(db)


def test_village_problems(db):
    lines = ["名称,类型,户数,纬度,经度,半径米", "埔心村,村,三百,23.1,,0", "埔心村,镇,10,,,", ",村,,,,"]
    rows, problems = roster.validate(db, "villages", "v.csv", csv_bytes(lines))
    assert sorted((p.row, p.column) for p in problems) == [
        (2, "半径米"),
        (2, "户数"),
        (3, "名称"),
        (3, "类型"),
        (4, "名称"),
    ]


# -- re-import ----------------------------------------------------------------------------------------------------
def test_reimport_updates_in_place_and_keeps_what_was_collected(db):
    load_sample(db)
    with transaction(db):
        chen = people(db)[("陈秀英", "埔心村")]
        store.bind_openid(db, chen["id"], "o-chen", NOW, via="name")
        store.insert_person(
            db,
            {"name": "自登记", "village_id": chen["village_id"], "role": "群众", "source": "self", "openid": "o-self"},
            NOW,
        )
        db.execute(
            "INSERT INTO plantings (openid, person_id, village_id, count, status, created_at)"
            " VALUES ('o-chen', ?, ?, 3, 'complete', ?)",
            [chen["id"], chen["village_id"], NOW],
        )
    count_before = db.execute("SELECT COUNT(*) FROM people").fetchone()[0]
    updated = (
        (ROSTER / "people.csv")
        .read_text(encoding="utf-8")
        .replace("陈秀英,埔心村,党员,13800000002,1975", "陈秀英,埔心村,村干部,,1975")
    )
    summary, problems = load(db, "people", "people.csv", updated.encode("gbk"), now=LATER)
    assert problems == [] and (summary.created, summary.updated, summary.unchanged) == (0, 1, 6)
    assert db.execute("SELECT COUNT(*) FROM people").fetchone()[0] == count_before
    chen_after = people(db)[("陈秀英", "埔心村")]
    assert chen_after["id"] == chen["id"] and chen_after["role"] == "村干部"
    assert chen_after["openid"] == "o-chen" and chen_after["phone"] == "13800000002"  # a blank cell keeps it
    assert ("自登记", "埔心村") in people(db)
    assert db.execute("SELECT person_id FROM plantings").fetchone()[0] == chen["id"]


def test_reimport_turns_a_self_registered_person_into_the_roster_one(db):
    load_sample(db)
    village_id = store.village_by_name(db, "新塘村")["id"]
    with transaction(db):
        store.insert_person(
            db, {"name": "张三", "village_id": village_id, "role": "群众", "source": "self", "openid": "o-zhang"}, NOW
        )
    load(db, "people", "p.csv", csv_bytes(["姓名,村社区,角色", "张三,新塘村,党员"]))
    zhang = people(db)[("张三", "新塘村")]
    assert (zhang["role"], zhang["source"], zhang["openid"]) == ("党员", "roster", "o-zhang")


def test_person_matched_by_openid_is_updated_not_duplicated(db):
    load_sample(db)
    load(db, "people", "p.csv", csv_bytes(["姓名,村社区,openid", "张三,新塘村,o-zhang-123"]))
    load(db, "people", "p.csv", csv_bytes(["姓名,村社区,openid", "张叁,新塘村,o-zhang-123"]))
    assert ("张叁", "新塘村") in people(db) and ("张三", "新塘村") not in people(db)


def test_reimport_of_villages_updates_by_name(db):
    load(db, "villages", "v.csv", csv_bytes(VILLAGE_LINES))
    summary, _ = load(db, "villages", "v.csv", csv_bytes(["名称,户数", "埔心村,330"]), now=LATER)
    village = store.village_by_name(db, "埔心村")
    assert (summary.updated, village["households"], village["town"], village["lat"]) == (1, 330, "石龙镇", 23.1)
    assert db.execute("SELECT COUNT(*) FROM villages").fetchone()[0] == 2


def test_adviser_with_several_villages(db):
    load_sample(db)
    wang = people(db)[("王志强", "埔心村")]
    assert [v["name"] for v in store.villages_of_adviser(db, wang["id"])] == ["埔心村", "下围村"]
    xiawei = store.village_by_name(db, "下围村")
    linked = db.execute(
        "SELECT p.name FROM adviser_villages av JOIN people p ON p.id = av.person_id WHERE av.village_id = ?",
        [xiawei["id"]],
    ).fetchall()
    assert [name for (name,) in linked] == ["王志强"]
    load(db, "people", "p.csv", csv_bytes(["姓名,村社区,角色", '王志强,"埔心村,新塘村",技术顾问']))
    assert [v["name"] for v in store.villages_of_adviser(db, wang["id"])] == ["埔心村", "新塘村"]
    assert db.execute("SELECT COUNT(*) FROM people WHERE name = '王志强'").fetchone()[0] == 1


# -- village matching ----------------------------------------------------------------------------------------------
VILLAGES = [{"id": i, "name": n} for i, n in enumerate(["埔心村", "埔心新村", "下围村", "下围社区", "新塘村"], 1)]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("埔心村", ["埔心村"]),
        ("埔心", ["埔心村"]),  # suffix left off
        ("浦心村", ["埔心村"]),  # one character wrong
        ("下围", ["下围村", "下围社区"]),  # ambiguous: ask
        ("石龙镇新塘村", ["新塘村"]),  # with the town in front
        ("新塘村委会", ["新塘村"]),
        ("火星村", []),
        ("", []),
    ],
)
def test_match_village(query, expected):
    assert [v["name"] for v in roster.match_village(query, VILLAGES)] == expected


# -- reading 登记 and names ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, expected",
    [
        ("登记 张三 埔心村", ("张三", "埔心村")),
        ("登记：张三，埔心", ("张三", "埔心")),
        ("登记张三埔心村。", ("张三", "埔心村")),
        ("登记 埔心村 张三", ("张三", "埔心村")),
        ("我要登记 张三", ("张三", None)),
        ("登记", (None, None)),
        ("登记 张三 埔心村 村书记", ("张三", "埔心村村书记")),
    ],
)
def test_parse_register_text(text, expected):
    parsed = identity.parse_register_text(text, VILLAGES)
    assert (parsed.name, parsed.village_text) == expected


def test_not_a_register_command():
    assert identity.parse_register_text("3棵桂花", VILLAGES) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("我叫李桂英，是埔心村的", ("李桂英", "埔心村")),
        ("我是埔心村的李桂英", ("李桂英", "埔心村")),
        ("我叫李桂英 埔心村", ("李桂英", "埔心村")),
        ("我叫李桂英埔心村的", ("李桂英", "埔心村")),
        ("我是李桂英，埔心村的", ("李桂英", "埔心村")),
        ("你好，我叫李桂英，埔心村人。", ("李桂英", "埔心村")),
        ("我系埔心村嘅李桂英", ("李桂英", "埔心村")),
        ("我叫李桂英", ("李桂英", None)),
        ("我叫李桂英，今年七十岁了", ("李桂英", None)),  # no place: the name alone
        ("我叫李桂英，火星村的", ("李桂英", "火星村")),  # a place the roster lacks: 登记 says so
        ("我叫李桂英，想问一下桂花什么时候种", None),
        ("我是党员", None),
        ("我是埔心村的党员", None),
        ("我是种树的老手", None),
        ("我是李桂英", None),
        ("我叫什么名字你知道吗", None),
    ],
)
def test_parse_introduction(text, expected):
    parsed = identity.parse_introduction(text, VILLAGES)
    assert (parsed and (parsed.name, parsed.village_text)) == expected


@pytest.mark.parametrize(
    "text, is_name",
    [
        ("张三", True),
        ("李桂花", True),
        ("欧阳修文", True),
        ("阿依古丽·买买提", True),
        ("帮助", False),
        ("取消", False),
        ("我的进度", False),
        ("桂花", False),
        ("李明", True),  # 李 is a plum and a surname: a tree's name is a whole word
        ("李子明", True),
        ("李子", False),
        ("李树", False),
        ("龙眼苗", False),
        ("3棵桂花", False),
        ("桂花什么时候种", False),
        ("谢谢", False),
        ("好的", False),
        ("张三丰是谁啊", False),
    ],
)
def test_looks_like_bare_name(text, is_name):
    assert identity.looks_like_bare_name(text) is is_name


@pytest.mark.parametrize(
    "name,plausible",
    [("李明", True), ("李子明", True), ("桂英", True), ("John Smith", True), ("李子", False), ("桂花", False),
     ("龙眼苗", False), ("李树", False), ("3棵桂花", False), ("张", False), ("种树", False), ("我种的树", False),
     ("今天种的两棵树", False), ("张树林", True), ("咗未", False), ("成功没", False), ("好了吗", False), ("了没有", False),
     ("好呀", False), ("林阿未", True), ("未央", False)],
)  # fmt: skip
def test_a_trees_whole_name_is_no_plausible_name_at_登记(name, plausible):
    assert identity.is_plausible_name(name) is plausible


@pytest.mark.parametrize(
    "said,name",
    [
        ("叶荔芳啊", "叶荔芳"),
        ("李明呀", "李明"),
        ("成功没", "成功"),
        ("咗未", "咗未"),
        ("张啊", "张啊"),
        ("李明", "李明"),
    ],
)
def test_a_particle_after_a_name_is_left_out(said, name):
    assert identity.name_without_particles(said) == name


# -- identity by proof -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "person, proven",
    [
        ({"role": "群众", "bound_via": "self"}, True),
        ({"role": "群众", "bound_via": "name"}, True),  # 群众 powers at once
        ({"role": "党员", "bound_via": "name"}, True),  # roles come from the roster: checked afterwards (登记冲突)
        ({"role": "党员", "bound_via": "self"}, True),
        ({"role": "党员", "bound_via": "confirmed"}, True),
        ({"role": "党员", "bound_via": "phone"}, True),
        ({"role": "党员", "bound_via": "approved"}, True),
        ({"role": "党员", "bound_via": "code"}, True),
        ({"role": "村干部", "bound_via": "confirmed"}, False),  # the village's check is not a staff proof
        ({"role": "技术顾问", "bound_via": "code"}, True),
        ({"role": "村书记", "bound_via": "roster"}, True),
        ({"role": "村书记", "bound_via": "name"}, False),  # bound by name before the change: suspended
        ({"role": "管理员", "bound_via": "self"}, False),  # a roster import named a self-registered villager
        ({"role": "村干部", "bound_via": "phone"}, False),  # a villager's proof is not a staff proof
        ({"role": "领导", "bound_via": "approved"}, False),
        ({"role": "主要领导", "bound_via": None}, False),
        (None, False),
    ],
)
def test_a_staff_role_counts_only_with_a_code_or_the_roster_openid(person, proven):
    assert identity.is_proven(person) is proven
