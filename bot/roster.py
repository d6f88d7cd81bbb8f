"""The roster: villages and people, imported from the county's spreadsheets, and village name matching.

Public API (the CLI ``import`` command and the dashboard's upload page use the same two calls)::

    rows, problems = validate(db, "people", "名单.xlsx", data)   # reads and checks, writes nothing
    summary = apply(db, "people", rows, now)                     # inside the caller's transaction

``IMPORTS`` offers them as the registration capability's kinds of ``import`` (bot.registry.Importer);
``import_file`` and ``cmd_import`` load any kind under the all-or-nothing rule, and ``read_rows``,
``Problem`` and ``Summary`` serve other capabilities' files (the care zones).

``validate`` reads ``.xlsx`` (openpyxl) or ``.csv`` (UTF-8 with or without BOM, or GBK/GB18030 as
Excel saves it), maps the Chinese headers or their English aliases (any column order, extra columns
ignored) and checks every row. Each ``Problem`` names the row as the spreadsheet shows it (the
header is row 1) and says what is wrong in plain words. ``rows`` holds only the clean rows, so
"import the clean rows only" is ``apply(db, kind, rows, now)`` despite problems; the all-or-nothing
rule is the caller's: apply nothing unless ``problems`` is empty.

Re-importing updates in place: a village is matched by its name, a person by openid (when the file
gives one) or by name + village. A blank cell leaves the stored value alone; bindings (openid),
self-registered people and everything recorded against a person are never dropped. A binding keeps
how it was proven: an openid in the file proves it (``bound_via = 'roster'``); a person who registered
by name and is given a staff role by the file keeps 群众 powers until a code proves it (bot/identity.py).

``match_village(query, villages)`` is the forgiving matcher used by ``登记``.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from bot import cells, clock
from bot.registry import Importer
from bot.store import roster as store

KINDS = ("villages", "people")
# The roster's roles (the 角色 column, DESIGN.md), each named here only (tidy82: every module imports these; no role is
# written as a literal elsewhere in bot/ or handlers/, tests/unit/test_roles_one_home.py)
MASSES = "群众"  # the ordinary villager (the role of a person the roster gives none)
PARTY_MEMBER = "党员"  # a Party member: a villager who may also take on a care zone (bot/zones.py)
CADRE = "村干部"  # a village cadre: the village's matters and tickets, 代种, record corrections
SECRETARY = "村书记"  # the village's Party secretary: a cadre, first to be asked of the village's matters
LEADER = "领导"  # a leader of the town (街道): plants a quota of his own (campaign.quotas)
CHIEF_LEADER = "主要领导"  # the town's principal leader (a quota too)
ADVISER = "技术顾问"  # the forestry adviser: answers the villagers' questions, visits his villages
ADMIN = "管理员"  # the town's office (镇里办公室) on WeChat: the office's tickets, corrections, award reminders
ROLES = (MASSES, PARTY_MEMBER, CADRE, SECRETARY, LEADER, CHIEF_LEADER, ADVISER, ADMIN)
# the groups the code reads
CADRE_ROLES = (SECRETARY, CADRE)  # the village's cadres, the secretary first: village matters, a cadre login
# whose powers need a proven binding, a one-time code or the roster file's openid (bot/identity.py): all but 群众, 党员
STAFF_ROLES = (ADVISER, ADMIN, SECRETARY, CADRE, LEADER, CHIEF_LEADER)
NON_HOUSEHOLD_ROLES = (ADVISER, ADMIN)  # in no household and no village's count: advisers and the office
ANSWERER_ROLES = (ADVISER, ADMIN)  # who answer the villagers' tickets outside a village (bot/escalation.py)
TICKET_ROLES = (*ANSWERER_ROLES, *CADRE_ROLES)  # who may hold a ticket and act on it in chat (round 100: 答, 待办 …)
VILLAGE_KINDS = ("村", "社区")

# header (lower-cased, spaces removed, anything in brackets dropped) -> field
# where a place is: the village's centre and radius here, a zone's in bot/zones.py
PLACE_HEADERS = {
    "纬度": "lat",
    "lat": "lat",
    "latitude": "lat",
    "经度": "lng",
    "lng": "lng",
    "lon": "lng",
    "longitude": "lng",
    "半径米": "radius_m",
    "半径": "radius_m",
    "radius_m": "radius_m",
    "radius": "radius_m",
}
HEADERS = {
    "villages": {
        "名称": "name",
        "村名": "name",
        "村社区": "name",
        "name": "name",
        "village": "name",
        "类型": "kind",
        "kind": "kind",
        "type": "kind",
        "镇街": "town",
        "镇": "town",
        "街道": "town",
        "town": "town",
        "户数": "households",
        "households": "households",
        **PLACE_HEADERS,
        "技术顾问": "adviser",
        "adviser": "adviser",
    },
    "people": {
        "姓名": "name",
        "name": "name",
        "村社区": "village",
        "村": "village",
        "社区": "village",
        "村名": "village",
        "village": "village",
        "角色": "role",
        "身份": "role",
        "role": "role",
        "手机": "phone",
        "手机号": "phone",
        "电话": "phone",
        "phone": "phone",
        "mobile": "phone",
        "出生年份": "birth_year",
        "出生年": "birth_year",
        "birth_year": "birth_year",
        "birthyear": "birth_year",
        "openid": "openid",
        "户": "household",
        "户号": "household",
        "户主": "household",
        "household": "household",
    },
}
REQUIRED = {"villages": ("name",), "people": ("name", "village")}
HEADER_LABELS = {"name": "名称/姓名", "village": "村社区"}
ROLE_ALIASES = {
    "villager": MASSES,
    "resident": MASSES,
    "masses": MASSES,
    "public": MASSES,
    "party_member": PARTY_MEMBER,
    "partymember": PARTY_MEMBER,
    "member": PARTY_MEMBER,
    "cadre": CADRE,
    "village_cadre": CADRE,
    "secretary": SECRETARY,
    "village_secretary": SECRETARY,
    "leader": LEADER,
    "chief_leader": CHIEF_LEADER,
    "main_leader": CHIEF_LEADER,
    "principal_leader": CHIEF_LEADER,
    "adviser": ADVISER,
    "advisor": ADVISER,
    "expert": ADVISER,
    "admin": ADMIN,
    "administrator": ADMIN,
    "村民": MASSES,
    "居民": MASSES,
    "专家": ADVISER,
}
KIND_ALIASES = {"village": "村", "行政村": "村", "community": "社区", "居委会": "社区"}
VILLAGE_SEPARATORS = re.compile(r"[、,，;；/]+")
MAX_ROWS = 50_000


@dataclass(frozen=True)
class Problem:
    row: int  # as the spreadsheet shows it: the header is row 1
    reason: str
    column: str | None = None

    def __str__(self) -> str:
        where = f"第{self.row}行" + (f"（{self.column}）" if self.column else "")
        return f"{where}：{self.reason}"


@dataclass
class Summary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rows: list[int] = field(default_factory=list)  # spreadsheet rows written

    def __str__(self) -> str:
        return f"新增 {self.created}，更新 {self.updated}，未变 {self.unchanged}"


class UnreadableFile(ValueError):
    pass


# -- text helpers ------------------------------------------------------------------------------------
def clean(value) -> str:
    """A cell as text: NFKC (full-width to half-width), trimmed; numbers without a trailing .0; the quote
    an export puts before formula-like text dropped (bot/cells.py), so such names stay what they were."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return cells.unescape(unicodedata.normalize("NFKC", str(value)).strip())


def _header_key(text: str) -> str:
    text = clean(text).lower().lstrip("\ufeff")
    text = re.split(r"[(（\[【]", text, maxsplit=1)[0]
    return re.sub(r"\s+", "", text)


# -- reading files ------------------------------------------------------------------------------------
def read_table(filename: str, data: bytes) -> list[list[str]]:
    """Every row of the first sheet (or the CSV) as cleaned text cells, header first."""
    suffix = Path(filename or "").suffix.lower()
    if suffix == ".xls":
        raise UnreadableFile("这是旧版 .xls 文件，请在 Excel 里另存为 .xlsx 或 .csv 再导入")
    if suffix in (".xlsx", ".xlsm") or data[:4] == b"PK\x03\x04":
        return _read_xlsx(data)
    return _read_csv(data)


def _read_xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - zip, XML and openpyxl errors all mean "cannot read"
        raise UnreadableFile(f"无法读取这个 Excel 文件（{type(exc).__name__}）") from None
    try:
        sheet = workbook.worksheets[0]
        return [[clean(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def decode_csv(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030 (a superset of GBK, what Chinese Excel saves)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise UnreadableFile("无法识别文件编码：请保存为 UTF-8 或 GBK 编码的 CSV") from None


def _read_csv(data: bytes) -> list[list[str]]:
    text = decode_csv(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max(",\t;", key=first_line.count) if first_line else ","
    return [[clean(v) for v in row] for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


# -- checking -----------------------------------------------------------------------------------------
def _int(text: str, low: int, high: int) -> int:
    number = float(text.replace(",", "").removesuffix("年").removesuffix("户"))
    if not number.is_integer() or not low <= number <= high:
        raise ValueError
    return int(number)


def _float(text: str, low: float, high: float) -> float:
    number = float(text.replace(",", ""))
    if not low <= number <= high:
        raise ValueError
    return number


def _phone(text: str) -> str:
    digits = re.sub(r"[\s\-()（）]", "", text)
    digits = digits.removeprefix("+86") if digits.startswith("+86") else digits
    if not digits.isdigit() or not 7 <= len(digits) <= 12:
        raise ValueError
    return digits


def _role(text: str) -> str:
    if text in ROLES:
        return text
    role = ROLE_ALIASES.get(text.lower().replace(" ", "_"))
    if role is None:
        raise ValueError
    return role


def _kind(text: str) -> str:
    kind = text if text in VILLAGE_KINDS else KIND_ALIASES.get(text.lower())
    if kind is None:
        raise ValueError
    return kind


def kind_from_name(name: str) -> str:
    return "社区" if name.endswith(("社区", "居委会")) else "村"


def validate(db, kind: str, filename: str, data: bytes) -> tuple[list[dict], list[Problem]]:
    """Read and check a roster file; returns (clean rows, problems). Writes nothing."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}")
    table, problems = read_rows(filename, data, HEADERS[kind], REQUIRED[kind])
    checker = _VillageChecker(db) if kind == "villages" else _PersonChecker(db)
    rows: list[dict] = []
    for number, values in table:
        row, row_problems = checker.check(number, values)
        problems.extend(row_problems)
        if not row_problems:
            rows.append(row)
    return rows, problems


def read_rows(
    filename: str, data: bytes, aliases: dict[str, str], required: tuple[str, ...]
) -> tuple[list[tuple[int, dict[str, str]]], list[Problem]]:
    """The filled rows of a file as (spreadsheet row number, {field: cell}), the fields named by the header
    (``aliases``: header key -> field); or no rows and the problems that stop the reading (unreadable, empty,
    too long, a header without a ``required`` field or with a column twice)."""
    try:
        table = read_table(filename, data)
    except UnreadableFile as exc:
        return [], [Problem(1, str(exc))]
    while table and not any(table[0]):
        table.pop(0)  # leading blank lines (the header is still reported as row 1 of what remains)
    if not table:
        return [], [Problem(1, "文件是空的")]
    if len(table) > MAX_ROWS:
        return [], [Problem(1, f"行数太多（{len(table)}），一次最多 {MAX_ROWS} 行")]
    columns, problems = _map_header(table[0], aliases, required)
    if problems:
        return [], problems
    return [
        (number, {name: cells[i] if i < len(cells) else "" for i, name in columns.items()})
        for number, cells in enumerate(table[1:], start=2)
        if any(cells)
    ], []


def _map_header(
    header: list[str], aliases: dict[str, str], required: tuple[str, ...]
) -> tuple[dict[int, str], list[Problem]]:
    """{column index: field} of a header row, by ``aliases`` (header key -> field; extra columns ignored), and
    the problems of row 1: a column twice, a ``required`` field missing."""
    columns: dict[int, str] = {}
    problems: list[Problem] = []
    for index, title in enumerate(header):
        name = aliases.get(_header_key(title))
        if name is None:
            continue  # extra columns are ignored
        if name in columns.values():
            problems.append(Problem(1, f"“{title}”这一列重复了", title))
            continue
        columns[index] = name
    for name in required:
        if name not in columns.values():
            wanted = [h for h, n in aliases.items() if n == name]
            problems.append(Problem(1, f"缺少“{wanted[0]}”列（也可写 {name}）"))
    return columns, problems


def _parse_fields(number: int, values: dict[str, str], specs, row: dict) -> list[Problem]:
    """Parse the filled cells named in specs (key, label, parse, reason) into ``row``; one problem per bad cell."""
    problems = []
    for key, label, parse, reason in specs:
        text = values.get(key, "")
        if text:
            try:
                row[key] = parse(text)
            except ValueError:
                problems.append(Problem(number, f"{reason}：“{text}”", label))
    return problems


class _VillageChecker:
    def __init__(self, db):
        self.seen: dict[str, int] = {}

    def check(self, number: int, values: dict[str, str]) -> tuple[dict, list[Problem]]:
        row: dict = {"row": number}
        problems: list[Problem] = []
        name = values.get("name", "")
        if not name:
            problems.append(Problem(number, "缺少名称", "名称"))
        elif name in self.seen:
            problems.append(Problem(number, f"“{name}”与第{self.seen[name]}行重复", "名称"))
        else:
            self.seen[name] = number
            row["name"] = name
        text_fields = (
            ("kind", "类型", _kind, "类型只能是“村”或“社区”"),
            ("households", "户数", lambda t: _int(t, 0, 1_000_000), "户数不是有效的整数"),
            ("lat", "纬度", lambda t: _float(t, -90, 90), "纬度不是 -90 到 90 之间的数字"),
            ("lng", "经度", lambda t: _float(t, -180, 180), "经度不是 -180 到 180 之间的数字"),
            ("radius_m", "半径米", lambda t: _float(t, 1, 100_000), "半径米不是 1 到 100000 之间的数字"),
        )
        problems.extend(_parse_fields(number, values, text_fields, row))
        if ("lat" in row) != ("lng" in row) and not problems:
            problems.append(Problem(number, "纬度和经度要一起填", "纬度/经度"))
        if values.get("town"):
            row["town"] = values["town"]
        if values.get("adviser"):
            row["adviser"] = values["adviser"]
        return row, problems


class _PersonChecker:
    def __init__(self, db):
        self.db = db
        self.villages = store.all_villages(db)
        self.by_name = {v["name"]: v for v in self.villages}
        self.seen: dict[tuple[str, int], int] = {}
        self.seen_openids: dict[str, int] = {}

    def _village_ids(self, number: int, text: str, role: str | None) -> tuple[list[int], list[Problem]]:
        names = [n.strip() for n in VILLAGE_SEPARATORS.split(text) if n.strip()]
        if not names:
            return [], [Problem(number, "缺少村社区", "村社区")]
        if len(names) > 1 and role != ADVISER:
            return [], [Problem(number, "只有技术顾问可以填写多个村社区", "村社区")]
        ids, problems = [], []
        for name in names:
            found = self.by_name.get(name)
            if found is None:
                candidates = match_village(name, self.villages)
                if len(candidates) == 1 and core_name(candidates[0]["name"]) == core_name(name):
                    found = candidates[0]  # "埔心" for 埔心村: the suffix was left off
                else:
                    hint = (
                        f"，是不是“{candidates[0]['name']}”？"
                        if candidates
                        else "（请核对名称，或先在村社区名单里加上它再导入）"
                        if self.villages
                        else "（请先导入村社区名单：import villages）"
                    )
                    problems.append(Problem(number, f"村社区“{name}”不在名单中{hint}", "村社区"))
                    continue
            ids.append(found["id"])
        return ids, problems

    def check(self, number: int, values: dict[str, str]) -> tuple[dict, list[Problem]]:
        row: dict = {"row": number}
        problems: list[Problem] = []
        name = values.get("name", "")
        if not name:
            problems.append(Problem(number, "缺少姓名", "姓名"))
        role = None
        role_text = values.get("role", "")
        if role_text:
            try:
                role = row["role"] = _role(role_text)
            except ValueError:
                problems.append(Problem(number, f"角色“{role_text}”不认识，只能是：{'、'.join(ROLES)}", "角色"))
        village_ids, village_problems = self._village_ids(number, values.get("village", ""), role)
        problems.extend(village_problems)
        row["village_ids"] = village_ids
        if name and village_ids:
            key = (name, village_ids[0])
            if key in self.seen:
                problems.append(Problem(number, f"“{name}”在同一个村社区里与第{self.seen[key]}行重复", "姓名"))
            else:
                self.seen[key] = number
        row["name"] = name
        problems.extend(
            _parse_fields(
                number,
                values,
                (
                    ("phone", "手机", _phone, "手机号码不对"),
                    (
                        "birth_year",
                        "出生年份",
                        lambda t: _int(t[:4] if re.match(r"^\d{4}-\d", t) else t, 1900, clock.utcnow().year),
                        "出生年份不对",
                    ),
                ),
                row,
            )
        )
        if values.get("household"):
            row["household"] = values["household"]
        openid = values.get("openid", "")
        if openid:
            problems.extend(self._check_openid(number, openid, name, village_ids))
            row["openid"] = openid
        return row, problems

    def _check_openid(self, number: int, openid: str, name: str, village_ids: list[int]) -> list[Problem]:
        if not re.fullmatch(r"[A-Za-z0-9_\-]{6,64}", openid):
            return [Problem(number, f"openid 格式不对：“{openid}”", "openid")]
        if openid in self.seen_openids:
            return [Problem(number, f"openid 与第{self.seen_openids[openid]}行重复", "openid")]
        self.seen_openids[openid] = number
        holder = store.person_by_openid(self.db, openid)
        same = store.person_by_name_in_village(self.db, name, village_ids[0]) if name and village_ids else None
        if holder and same and holder["id"] != same["id"]:
            return [Problem(number, f"这个 openid 已属于“{holder['name']}”，与同村同名的人冲突", "openid")]
        if same and same["openid"] and same["openid"] != openid:
            return [Problem(number, f"“{name}”已绑定另一个微信（{same['openid'][:6]}…），请先在后台处理", "openid")]
        return []


# -- writing -------------------------------------------------------------------------------------------
def apply(db, kind: str, rows: list[dict], now: str) -> Summary:
    """Write validated rows: create what is new, update what changed. Run inside a transaction."""
    summary = Summary()
    write = _apply_village if kind == "villages" else _apply_person
    for row in rows:
        outcome = write(db, row, now)
        setattr(summary, outcome, getattr(summary, outcome) + 1)
        summary.rows.append(row["row"])
    return summary


def _write(db, table: str, existing: dict | None, fields: dict, now: str) -> tuple[int, str]:
    """Insert a new row or update the changed columns of an existing one: (id, outcome)."""
    if existing is None:
        return store.insert_row(db, table, fields, now), "created"
    changes = {k: v for k, v in fields.items() if existing.get(k) != v}
    store.update_row(db, table, existing["id"], changes, now)
    return existing["id"], ("updated" if changes else "unchanged")


def _apply_village(db, row: dict, now: str) -> str:
    fields = {k: v for k, v in row.items() if k in store.VILLAGE_COLUMNS}
    existing = store.village_by_name(db, row["name"])
    if existing is None:
        fields.setdefault("kind", kind_from_name(row["name"]))
    village_id, outcome = _write(db, "villages", existing, fields, now)
    if row.get("adviser"):
        adviser = store.person_of_role_named(db, ADVISER, row["adviser"])
        if adviser:
            store.link_adviser_village(db, adviser["id"], village_id)
    return outcome


def _apply_person(db, row: dict, now: str) -> str:
    village_ids = row["village_ids"]
    fields = {k: v for k, v in row.items() if k in store.PERSON_COLUMNS}
    fields.update(village_id=village_ids[0], source="roster")
    if row.get("openid"):
        fields["bound_via"] = "roster"  # the office typed it: proof enough for any role (bot/identity.py)
    existing = (
        store.person_by_openid(db, row["openid"]) if row.get("openid") else None
    ) or store.person_by_name_in_village(db, row["name"], village_ids[0])
    if existing is None and row.get("role") == ADVISER:
        existing = store.person_of_role_named_in_villages(db, ADVISER, row["name"], village_ids)
    if existing is None:
        fields.setdefault("role", MASSES)
    person_id, outcome = _write(db, "people", existing, fields, now)
    if row.get("role") == ADVISER:
        store.set_adviser_villages(db, person_id, village_ids)
        for village_id in village_ids:
            village = store.village(db, village_id)
            if village and not village["adviser"]:
                store.update_village(db, village_id, {"adviser": row["name"]}, now)
    return outcome


# The registration capability's kinds of ``import`` (handlers/registration.py IMPORTS).
IMPORTS = {
    "villages": Importer(
        "admin.roster.kind_villages",
        lambda db, name, data, _t: validate(db, "villages", name, data),
        lambda db, rows, now: apply(db, "villages", rows, now),
    ),
    "people": Importer(
        "admin.roster.kind_people",
        lambda db, name, data, _t: validate(db, "people", name, data),
        lambda db, rows, now: apply(db, "people", rows, now),
    ),
}


def import_file(
    db, importer: Importer, filename: str, data: bytes, now: str, t, clean_rows_only: bool = False
) -> tuple[Summary | None, list[Problem]]:
    """validate + apply under the all-or-nothing rule; the summary is None when nothing was written.
    ``t``: the app's messages (``app.t``), for the importer's problem texts."""
    from bot.db import transaction

    rows, problems = importer.validate(db, filename, data, t)
    if problems and not clean_rows_only:
        return None, problems
    with transaction(db):
        summary = importer.apply(db, rows, now)
    return summary, problems


def cmd_import(args, app) -> int:
    """`python run.py import KIND FILE [--clean-rows-only]`, KIND one of ``app.imports``: problems by spreadsheet
    row, and what it did, in Chinese."""
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(app.t("registration.import.cannot_read", path=path, reason=exc.strerror), file=sys.stderr)
        return 2
    summary, problems = import_file(
        app.db,
        app.imports[args.kind],
        path.name,
        data,
        clock.to_db(app.clock()),
        app.t,
        clean_rows_only=args.clean_rows_only,
    )
    for problem in problems:
        print(problem, file=sys.stderr)
    if summary is None:
        print(app.t("registration.import.nothing_written", n=len(problems)), file=sys.stderr)
        return 1
    skipped = app.t("registration.import.skipped", n=len({p.row for p in problems})) if problems else ""
    print(app.t("registration.import.done", kind=app.t(app.imports[args.kind].label), summary=summary) + skipped)
    return 1 if problems else 0


# -- village name matching -------------------------------------------------------------------------------
VILLAGE_SUFFIXES = ("村民委员会", "居民委员会", "村委会", "居委会", "社区", "村")


@functools.lru_cache(maxsize=1 << 14)
def core_name(name: str) -> str:
    """埔心村 -> 埔心, 下围社区 -> 下围: what people say when they leave the suffix off. Kept for the last 16,384 names:
    a short text from a follower not registered yet is read against every village's (bot/identity.py), ~12 µs a
    village each time uncached (a city's 1,200 villages: 15 ms of the writer's time a message; issue 21)."""
    name = re.sub(r"\s+", "", clean(name))
    for suffix in VILLAGE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def within_one_edit(a: str, b: str) -> bool:
    """True when b is a with at most one character replaced, added or removed."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def match_village(query: str | None, villages: list[dict]) -> list[dict]:
    """The villages a typed name may mean, best first; several means ask which.

    Tried in order, the first step that finds anything wins: the exact name; the same name without
    its suffix (埔心 → 埔心村, or both 下围村 and 下围社区); a name contained in the query (石龙镇埔心村);
    a name starting with the query (埔心 → 埔心新村); one character off (浦心村 → 埔心村).
    """
    text = re.sub(r"\s+", "", clean(query))
    if not text:
        return []
    core = core_name(text)
    steps = (
        lambda v: v["name"] == text,
        lambda v: core_name(v["name"]) == core,
        lambda v: len(core_name(v["name"])) >= 2 and v["name"] in text,
        lambda v: len(core) >= 2 and core_name(v["name"]).startswith(core),
        lambda v: len(core) >= 2 and within_one_edit(core_name(v["name"]), core),
    )
    for step in steps:
        found = [v for v in villages if step(v)]
        if found:
            return found
    return []
