"""A module-level name is assigned once in bot/ and handlers/ (the lead, fiftieth session). Python reads a module's
globals when a function runs, so a second ``_SLIP_SAID_RE = …`` 4,000 lines below the first silently replaced it for the
function written beside the first: nlu's round 80 reader of a record said wrong had read another round's slip words
(no 不好意思, 对不起, 搞错) since that round, and round 37's how-after-the-reminders'-wish another's how-words. A later
assignment that builds on the name itself (``_OFF_RE = re.compile(_OFF_RE.pattern + …)``) is an extension, allowed."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _assigned_twice(path: Path) -> list[str]:
    seen: dict[str, int] = {}
    twice = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        value = getattr(node, "value", None)
        for target in targets:
            if not isinstance(target, ast.Name):
                continue
            reads_itself = value is not None and any(
                isinstance(name, ast.Name) and name.id == target.id for name in ast.walk(value)
            )
            if target.id in seen and not reads_itself:
                twice.append(f"{path.relative_to(ROOT)}: {target.id} (lines {seen[target.id]} and {node.lineno})")
            seen.setdefault(target.id, node.lineno)
    return twice


def test_no_module_level_name_is_assigned_twice():
    files = sorted((ROOT / "bot").rglob("*.py")) + sorted((ROOT / "handlers").rglob("*.py"))
    assert [found for path in files for found in _assigned_twice(path)] == []


def test_a_record_said_wrong_with_a_sorry_and_not_planted_yet_reads_its_own_slip_words():
    """Round 80's reader again with its own words (they had been another round's: False for the first three)."""
    from bot import nlu

    for said in ("对不起 还没种呢", "不好意思 其实还没种", "搞错了 还没有种", "头先讲错咗 仲未种"):
        assert nlu.not_planted_yet_said(nlu.normalize(said)), said
    assert not nlu.not_planted_yet_said(nlu.normalize("还没种 明天种了再拍"))  # the photo to come: kept
