"""How far people agree on the FAQ's labels, and the matcher against each of them (round 43, issue 17 §1).

Run by hand:  .venv/bin/python bench/label_agreement.py [--config config.toml] [--set SET --relabel FILE ...]
              .venv/bin/python bench/label_agreement.py --set SET --relabel FILE --disputed   # round 102

500 questions of the blind set AK (drawn at random; a precedent set since FAQ round 46,
messages/faq/precedents/faq_heldout_ak.tsv) were labelled again by two annotators who saw only the label list (the
entries' ids and titles) and the seeds, never the writer's labels nor the bot (tests/data/faq_relabel_ak_1.tsv,
_2.tsv). Printed: each pair's agreement (a ``missing:`` topic counts as one label, whatever its name), the share
all three agree on, and the matcher's right and confident wrong against the
writer, each annotator and the majority (the writer's label where all three differ). What people themselves do not
agree on is the ceiling of any "right" figure measured against one writer's labels.

``--disputed`` (round 102) prints instead the questions whose labels differ (as agreement counts them), one a line:
set, question, the writer's label, each other's: the rows of messages/faq/precedents/disputed.tsv, which keeps a set's
doubtful questions out of the precedents once the set joins them.
"""

from __future__ import annotations

import argparse
import sys
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
sys.path.insert(0, str(ROOT))


def _labels(path: Path) -> dict[str, str]:
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]
    return {row[0].strip(): row[1].strip() for row in rows}


def _one(label: str) -> str:
    return "missing" if label.startswith("missing:") else label


def disputed(votes: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The questions whose labels are not all one (a ``missing:`` topic one label, whatever its name)."""
    return {q: v for q, v in votes.items() if len({_one(x) for x in v}) > 1}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default=str(ROOT / "config.toml"))
    parser.add_argument("--set", default=str(ROOT / "messages" / "faq" / "precedents" / "faq_heldout_ak.tsv"))
    parser.add_argument("--relabel", action="append", help="another labeller's file: question, label (repeatable)")
    parser.add_argument("--disputed", action="store_true", help="print the questions labelled otherwise, and stop")
    args = parser.parse_args()
    from bot import config as config_mod
    from bot import faq

    paths = [Path(args.set), *map(Path, args.relabel or [DATA / "faq_relabel_ak_1.tsv", DATA / "faq_relabel_ak_2.tsv"])]
    names = ["writer", *(f"annotator {i}" for i in range(1, len(paths)))]
    sources = [_labels(path) for path in paths]
    questions = [q for q in sources[1] if all(q in source for source in sources)]
    votes = {q: tuple(source[q] for source in sources) for q in questions}
    n = len(questions)
    if args.disputed:
        for q, v in disputed(votes).items():
            print("\t".join((Path(args.set).stem, q, *v)))
        return 0

    def share(count: int) -> str:
        return f"{count / n:6.1%}"

    print(f"{n} questions labelled {len(sources)} times")
    for a, b in combinations(range(len(sources)), 2):
        print(f"  {names[a]} ~ {names[b]:<12}{share(sum(_one(v[a]) == _one(v[b]) for v in votes.values()))}")
    agreed = {q: v for q, v in votes.items() if len({_one(x) for x in v}) == 1}
    print(f"  {'all agree':<24}{share(len(agreed))}")

    config = config_mod.load(args.config, env={})
    index = faq.FaqIndex.load(ROOT / "messages", config.section("campaign"), config.get("faq.confidence_threshold"))
    missing_map = faq.load_missing_map(ROOT / "messages" / "faq" / "precedents" / "missing_map.tsv")

    def majority(v: tuple[str, ...]) -> str:
        return next((x for x in v if sum(_one(y) == _one(x) for y in v) * 2 > len(v)), v[0])

    judged: dict[str, dict[str, str]] = {name: {q: v[i] for q, v in votes.items()} for i, name in enumerate(names)}
    if len(sources) > 2:
        judged["majority"] = {q: majority(v) for q, v in votes.items()}
    # the questions people agree on: what the matcher gets wrong there is its own fault, not a label convention's
    judged["where all agree"] = {q: v[0] for q, v in agreed.items()}
    # the fifty-second session: of those, the questions the matcher (as served here: every precedent) does not hold
    # verbatim (bench/faq_eval.py's unseen row)
    from bench.faq_eval import held_verbatim, plain

    held = held_verbatim(index, None)
    judged["agree, unseen"] = {q: v[0] for q, v in agreed.items() if plain(q) not in held}
    print(f"\n{'matcher against':<18}{'n':>5}{'right':>8}{'confident wrong':>17}{'asked':>7}")
    for name, labels in judged.items():
        cases = [faq.EvalCase(q, label, frozenset()) for q, label in labels.items()]
        scores = faq.scores(faq.evaluate(index, cases, missing_map))
        print(
            f"{name:<18}{len(cases):>5}{scores.right:>8.1%}{scores.confident_wrong:>10.1%} ({scores.confident_wrong_n:>2})"
            f"{scores.asked:>7}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
