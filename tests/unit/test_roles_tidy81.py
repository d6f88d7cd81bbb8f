"""Tidy81: the ordinary villager's role (群众) is one constant, ``bot.roster.MASSES``, first of the roster's ``ROLES``;
no module compares a role with the literal or writes it as a person's role (the chat's gate of round 104's off-topic
reply, the progress of a person without a role, a 代种's household member, the roster import's default, the demo). The
store's migrations keep theirs: they are the schema's history. Tidy82: every role has one home so
(tests/unit/test_roles_one_home.py), and no module reads MASSES through another (``identity.MASSES`` before)."""

import ast
from pathlib import Path

from bot import roster

ROOT = Path(__file__).resolve().parents[2]


def test_the_ordinary_villager_role_is_one_constant():
    assert roster.MASSES == "群众" and roster.ROLES[0] is roster.MASSES
    assert {role for alias, role in roster.ROLE_ALIASES.items() if alias in ("村民", "villager")} == {roster.MASSES}


def _role_literals(path: Path) -> list[int]:
    """Lines where the literal 群众 is compared with something, or given as a role (a dict's "role", role=…)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        values: list[ast.AST] = []
        if isinstance(node, ast.Compare):
            values = [node.left, *node.comparators]
        elif isinstance(node, ast.Dict):
            values = [v for k, v in zip(node.keys, node.values) if isinstance(k, ast.Constant) and k.value == "role"]
        elif isinstance(node, ast.keyword) and node.arg == "role":
            values = [node.value]
        elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "role" for t in node.targets):
            values = [node.value]
        for value in values:
            for sub in ast.walk(value):
                if isinstance(sub, ast.Constant) and sub.value == "群众":
                    found.append(sub.lineno)
    return found


def test_no_module_writes_the_ordinary_villager_role_as_a_literal():
    paths = [*sorted((ROOT / "bot").rglob("*.py")), *sorted((ROOT / "handlers").rglob("*.py"))]
    found = {str(p.relative_to(ROOT)): lines for p in paths if "store" not in p.parts and (lines := _role_literals(p))}
    assert found == {}
