"""The store layer: each module writes only the tables its own migrations create (read models may join)."""

from __future__ import annotations

import ast
import re

from tests.conftest import ROOT

SQL_WRITE = re.compile(
    r"\b(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|DELETE\s+FROM|REPLACE\s+INTO)\s+(\w+)"
    r"|\bUPDATE\s+(\w+)\s+SET\b",
    re.IGNORECASE,
)
TABLE_CALL = re.compile(r'db(?:\["(\w+)"\]|\.table\("(\w+)"\))\.(\w+)\(')  # db["t"].insert( or db.table("t").insert(
SQL_CREATE = re.compile(r"\bCREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)", re.IGNORECASE)
# bot/store/demo.py fills an empty database with the demo county: it writes everyone's tables on purpose.
WRITES_EVERYWHERE = {"demo"}


def code_strings(source: str) -> str:
    """The string constants of a module that are not docstrings (where SQL lives)."""
    tree = ast.parse(source)
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return "\n".join(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
    )


def own_and_written(source: str) -> tuple[set[str], set[str]]:
    calls = [(indexed or named, method) for indexed, named, method in TABLE_CALL.findall(source)]
    own = {table for table, method in calls if method == "create"} | set(SQL_CREATE.findall(code_strings(source)))
    written = {
        table
        for table, method in calls
        if method in ("insert", "insert_all", "upsert", "upsert_all", "update", "delete", "delete_where")
    }
    written |= {a or b for a, b in SQL_WRITE.findall(code_strings(source))}
    return own, written


def test_each_store_module_writes_only_its_own_tables():
    foreign = {}
    for path in sorted((ROOT / "bot" / "store").glob("*.py")):
        if path.stem in WRITES_EVERYWHERE:
            continue
        own, written = own_and_written(path.read_text(encoding="utf-8"))
        if written - own:
            foreign[path.stem] = sorted(written - own)
    assert foreign == {}


def test_the_scan_sees_a_write_to_another_modules_table():
    source = '''
def m001(db):
    db["review_decisions"].create({"id": int}, pk="id")
    db.table("review_notes").create({"id": int}, pk="id")

def decide(db, planting_id):
    db.execute("UPDATE plantings SET review = 'approved' WHERE id = ?", [planting_id])
    db.execute("INSERT INTO review_decisions (planting_id) VALUES (?) ON CONFLICT DO UPDATE SET x = 1", [1])
    db.table("review_notes").insert({"id": 1})
    db.table("villages").update(1, {"name": "x"})
'''
    own, written = own_and_written(source)
    assert written - own == {"plantings", "villages"}
