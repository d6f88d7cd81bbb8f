"""Safety checks: does a danger here now open its reply with the right safety line, and does a calm question get none?

Run by hand:  .venv/bin/python bench/safety_checks.py [--show-wrong] FILE [FILE ...]

A file is tab-separated: question, rules (comma separated names from messages/faq/safety.toml, any of which will do;
"-" for a control: no danger here now, no line), an optional note; lines starting with # are comments
(tests/data/faq_safety_checks_*.tsv, written before each safety round's change).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def load_checks(path: str | Path) -> list[tuple[str, tuple[str, ...]]]:
    """(question, rule names) of a checks file; an empty tuple is a control."""
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        question, rules, *_ = line.split("\t") + [""]
        rows.append((question.strip(), tuple(r.strip() for r in rules.split(",") if r.strip() not in ("", "-"))))
    return rows


def check(index, question: str, rules: tuple[str, ...]) -> tuple[bool, str]:
    """Right or not, and the reply's safety lines (or its first line)."""
    result = index.match(question)
    lines = {r.name: r.line for r in index.safety}
    if not rules:
        return not result.safety, result.safety or "-"
    right = any(name in lines and lines[name] in result.safety for name in rules)
    if result.kind == "answer":
        right = right and result.answer_text.startswith(result.safety)
    return right, result.safety or f"({result.kind} {result.entry_id or result.reason})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--config", default=str(ROOT / "config.toml"))
    parser.add_argument("--show-wrong", action="store_true")
    args = parser.parse_args()
    from bot import config as config_mod
    from bot import faq

    config = config_mod.load(args.config, env={})
    index = faq.FaqIndex.load(ROOT / "messages", config.section("campaign"), config.get("faq.confidence_threshold"))
    for path in args.files:
        dangers = calm = dangers_right = calm_right = 0
        wrong = []
        for question, rules in load_checks(path):
            right, said = check(index, question, rules)
            if rules:
                dangers, dangers_right = dangers + 1, dangers_right + right
            else:
                calm, calm_right = calm + 1, calm_right + right
            if not right:
                wrong.append((question, ",".join(rules) or "-", said.replace("\n", " | ")))
        print(
            f"{Path(path).name}: dangers with their line {dangers_right}/{dangers}, calm without a line {calm_right}/{calm}"
        )
        if args.show_wrong:
            for question, rules, said in wrong:
                print(f"  {question}\t[{rules}]\t{said[:90]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
