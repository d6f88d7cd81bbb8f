"""How far people agree on the FAQ's labels, and the matcher against each of them (round 43, issue 17 §1).

Run by hand:  .venv/bin/python bench/label_agreement.py [--config config.toml]

500 questions of the blind set AK (drawn at random; a precedent set since FAQ round 46,
messages/faq/precedents/faq_heldout_ak.tsv) were labelled again by two annotators who saw only the label list (the
entries' ids and titles) and the seeds, never the writer's labels nor the bot (tests/data/faq_relabel_ak_1.tsv,
_2.tsv). Printed: each pair's agreement (a ``missing:`` topic counts as one label, whatever its name), the share
all three agree on, and the matcher's right and confident wrong against the
writer, each annotator and the majority (the writer's label where all three differ). What people themselves do not
agree on is the ceiling of any "right" figure measured against one writer's labels.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
sys.path.insert(0, str(ROOT))


def _labels(path: Path) -> dict[str, str]:
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]
    return {row[0].strip(): row[1].strip() for row in rows}


def _one(label: str) -> str:
    return "missing" if label.startswith("missing:") else label


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default=str(ROOT / "config.toml"))
    args = parser.parse_args()
    from bot import config as config_mod
    from bot import faq

    writer = _labels(ROOT / "messages" / "faq" / "precedents" / "faq_heldout_ak.tsv")
    first, second = _labels(DATA / "faq_relabel_ak_1.tsv"), _labels(DATA / "faq_relabel_ak_2.tsv")
    questions = [q for q in first if q in second and q in writer]
    votes = {q: (writer[q], first[q], second[q]) for q in questions}
    n = len(questions)

    def share(count: int) -> str:
        return f"{count / n:6.1%}"

    print(f"{n} questions labelled three times")
    for name, (a, b) in {"writer ~ 1": (0, 1), "writer ~ 2": (0, 2), "1 ~ 2": (1, 2)}.items():
        print(f"  {name:<12}{share(sum(_one(v[a]) == _one(v[b]) for v in votes.values()))}")
    print(f"  {'all three':<12}{share(sum(len({_one(x) for x in v}) == 1 for v in votes.values()))}")

    config = config_mod.load(args.config, env={})
    index = faq.FaqIndex.load(ROOT / "messages", config.section("campaign"), config.get("faq.confidence_threshold"))
    missing_map = faq.load_missing_map(ROOT / "messages" / "faq" / "precedents" / "missing_map.tsv")

    def majority(v: tuple[str, str, str]) -> str:
        return next((x for x in v if sum(_one(y) == _one(x) for y in v) >= 2), v[0])

    judges = {"writer": lambda v: v[0], "annotator 1": lambda v: v[1], "annotator 2": lambda v: v[2]}
    judges["majority"] = majority
    print(f"\n{'matcher against':<16}{'right':>8}{'confident wrong':>17}{'asked':>7}")
    for name, judge in judges.items():
        cases = [faq.EvalCase(q, judge(v), frozenset()) for q, v in votes.items()]
        scores = faq.scores(faq.evaluate(index, cases, missing_map))
        print(
            f"{name:<16}{scores.right:>8.1%}{scores.confident_wrong:>10.1%} ({scores.confident_wrong_n:>2}){scores.asked:>7}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
