"""Tidy82: the roster's roles have one home, ``bot/roster.py``: a constant per role and the named groups the code reads
(cadres, staff, non-household …). Outside it no code in bot/ or handlers/ writes a role as a literal (a string equal to
a role, or a role quoted in SQL), nor reads a role constant through another module (no re-exports). Exempt: the store's
migrations (the schema's history: a column default written then stays what it was) and docstrings and comments."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from bot import roster
from tests.conftest import ROOT

ROLE_LITERALS = ("群众", "党员", "村干部", "村书记", "领导", "主要领导", "技术顾问", "管理员")
# names of roster.py's constants read through another module would be a re-export (ADVISER and ADMIN are left out:
# bot.awards names its adviser category ADVISER, a different thing)
ROLE_NAMES = {
    "MASSES",
    "PARTY_MEMBER",
    "CADRE",
    "SECRETARY",
    "LEADER",
    "CHIEF_LEADER",
    "ROLES",
    "CADRE_ROLES",
    "STAFF_ROLES",
    "NON_HOUSEHOLD_ROLES",
    "ANSWERER_ROLES",
    "TICKET_ROLES",
}
_QUOTED_ROLE = re.compile("'(?:" + "|".join(ROLE_LITERALS) + ")'")


def _code_files() -> list[Path]:
    return [*sorted((ROOT / "bot").rglob("*.py")), *sorted((ROOT / "handlers").rglob("*.py"))]


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _migrations(tree: ast.AST) -> set[int]:
    """The constants inside functions decorated ``@migrations()`` (a store module's schema history)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and any(
            isinstance(d, ast.Call) and getattr(d.func, "id", None) == "migrations" for d in node.decorator_list
        ):
            found |= {id(sub) for sub in ast.walk(node)}
    return found


def role_literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of each string in ``source`` that is a role, or quotes one as SQL does."""
    tree = ast.parse(source)
    skipped = _docstrings(tree) | _migrations(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skipped
        and (node.value in ROLE_LITERALS or _QUOTED_ROLE.search(node.value))
    ]


def reexported_reads(source: str) -> list[tuple[int, str]]:
    """(line, name) of each role constant read through a module other than bot.roster (``identity.MASSES``,
    ``from bot.progress import NON_HOUSEHOLD_ROLES``)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in ROLE_NAMES:
            if not (isinstance(node.value, ast.Name) and node.value.id == "roster"):
                found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(("bot", "handlers")):
            if node.module != "bot.roster":
                names = ROLE_NAMES | {"ADVISER", "ADMIN"} if node.module != "bot.awards" else ROLE_NAMES
                found += [(node.lineno, f"{node.module}.{a.name}") for a in node.names if a.name in names]
    return found


def test_each_role_is_one_constant_in_the_roster():
    assert roster.ROLES == ROLE_LITERALS  # DESIGN.md's roles, in its order
    assert len(set(roster.ROLES)) == len(roster.ROLES)
    groups = (
        roster.CADRE_ROLES,
        roster.STAFF_ROLES,
        roster.NON_HOUSEHOLD_ROLES,
        roster.ANSWERER_ROLES,
        roster.TICKET_ROLES,
    )
    for group in groups:
        assert set(group) <= set(roster.ROLES)
    # the groups as the modules had them before tidy82 (the secretary first of the cadres: village matters ask him first)
    assert roster.CADRE_ROLES == ("村书记", "村干部")
    assert roster.STAFF_ROLES == ("技术顾问", "管理员", "村书记", "村干部", "领导", "主要领导")
    assert roster.NON_HOUSEHOLD_ROLES == roster.ANSWERER_ROLES == ("技术顾问", "管理员")
    assert roster.TICKET_ROLES == ("技术顾问", "管理员", "村书记", "村干部")
    assert set(roster.ROLES) - set(roster.STAFF_ROLES) == {roster.MASSES, roster.PARTY_MEMBER}


@pytest.mark.parametrize("path", _code_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_role_is_written_as_a_literal_outside_the_roster(path):
    if path == ROOT / "bot" / "roster.py":
        return
    assert role_literals(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "path",
    [*_code_files(), *sorted((ROOT / "tests").rglob("*.py"))],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_no_role_constant_is_read_through_another_module(path):
    assert reexported_reads(path.read_text(encoding="utf-8")) == []


def test_the_checks_see_what_they_are_for():
    before = '''
CADRE_ROLES = ("村书记", "村干部")
ROLE_ADMIN = "管理员"
def f(person):
    """A 群众's reply."""
    return person["role"] == "技术顾问"
SQL = "SELECT * FROM people WHERE role = '管理员'"
WORDS = ("党员责任区", "领导班子")  # words that hold a role are no role

@migrations()
def m001(db):
    db.table("people").create({"role": str}, defaults={"role": "群众"})
'''
    assert sorted(line for line, _ in role_literals(before)) == [2, 2, 3, 6, 7]
    reads = "from bot.progress import NON_HOUSEHOLD_ROLES\nfrom bot.awards import ADVISER\nx = identity.MASSES\ny = roster.MASSES\n"
    assert reexported_reads(reads) == [(1, "bot.progress.NON_HOUSEHOLD_ROLES"), (3, "identity.MASSES")]
