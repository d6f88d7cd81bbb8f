"""Per-question signals of the FAQ matcher's answers, to study where it should abstain (round 48, issue 17 §1).

Run by hand:  .venv/bin/python bench/faq_signals.py --set FILE [--set FILE ...] [--out signals.jsonl]

For every question of each set (a precedent set scored with the others as precedents, as bench/faq_eval.py does),
one JSON line: what the matcher replied (``got``, ``offered`` when it asked back, ``reason``), what was expected
(``target``), whether that was right or a confident wrong, and what might have told them apart: the model's two
best labels and its lead, the closest precedents' labels and closeness, whether the answer explains the question's
words (``FaqIndex.doubt``), the trees named in the question and in the answer, the clauses. Read the lines with any
tool (docs/faq.md, round 48, has the study made from them)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
PRECEDENTS = ROOT / "messages" / "faq" / "precedents"
sys.path.insert(0, str(ROOT))


_WEIGHTS: dict = {}  # the model's weights as a scipy matrix, by model (QuestionModel.weights builds one)


def model_top(model, text: str, k: int = 3) -> list[tuple[str, float]]:
    """The model's ``k`` best labels with their scores (``QuestionModel.predict`` keeps only the first and its lead)."""
    columns, values = model._read(text)
    if not len(columns):
        return []
    if id(model) not in _WEIGHTS:
        _WEIGHTS[id(model)] = model.weights()
    weights = _WEIGHTS[id(model)]
    dense = np.zeros(weights.shape[0], dtype=np.float32)
    dense[columns] = values
    scores = weights.T @ dense + model._bias
    order = np.argsort(-scores)[:k]
    return [(model.labels[i], float(scores[i])) for i in order]


def signals(index, case, target: str, row) -> dict:
    from bot import faq, nlu

    norm = index._fixed(case.question)
    trees = index._trees(norm)
    model = index.precedents.model
    masked = faq._mask(norm, trees)
    top = model_top(model, masked) if model is not None else []
    label, lead, answer = index._model_reading(model, norm) if model is not None else ("", 0.0, None)
    near = index._nearest(norm)
    labels = index.precedents.labels
    fired = [rule.name for rule in index.safety if rule.fires(norm)]
    rules = index._match(case.question, norm, [r for r in index.safety if r.fires(norm)])
    got = row.got
    reason = index.match(case.question).reason
    doubt = None
    if got not in ("escalate", "chitchat") and (got.startswith(("species.", "recommend.")) or index.entry(got)):
        try:
            doubt = index.doubt(case.question, got, norm, [written for _, written in trees])
        except (KeyError, ValueError):
            doubt = "error"
    clauses = faq._clauses(case.question, norm)
    return {
        "q": case.question,
        "target": target,
        "got": got,
        "reason": reason,
        "also": row.also,
        "offered": row.offered,
        "right": row.right,
        "cw": row.confident_wrong,
        "chosen": row.chosen_right,
        "len": len(norm),
        "clauses": len(clauses),
        "asking": sum(asks for _, _, asks in clauses),
        "is_q": nlu.is_question(case.question),
        "trees": sorted({name for name, _ in trees}),
        "fired": fired,
        "rules": faq.result_label(rules),
        "rules_reason": rules.reason,
        "model": label,
        "lead": round(lead, 4),
        "model_answer": faq.result_label(answer) if answer is not None else None,
        "top": [(lab, round(s, 4)) for lab, s in top],
        "near": [(labels[i], round(sim, 4)) for i, sim in near],
        "doubt": doubt,
        "tags": sorted(case.tags),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default=str(ROOT / "config.toml"))
    parser.add_argument("--set", action="append", dest="sets", required=True)
    parser.add_argument("--out", default="-")
    parser.add_argument("--missing-map", default=str(PRECEDENTS / "missing_map.tsv"))
    args = parser.parse_args()
    from bot import config as config_mod
    from bot import faq

    config = config_mod.load(args.config, env={})
    index = faq.FaqIndex.load(ROOT / "messages", config.section("campaign"), config.get("faq.confidence_threshold"))
    missing_map = faq.load_missing_map(args.missing_map)
    everything = index.precedents
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")  # noqa: SIM115
    for path in map(Path, args.sets):
        leave_out = [path.stem] if path.parent.resolve() == PRECEDENTS.resolve() else []
        if leave_out:
            index.set_precedents(faq.load_precedents(PRECEDENTS, leave_out))
        else:
            index.precedents = everything
        cases = faq.load_eval_set(path)
        rows = faq.evaluate(index, cases, missing_map)
        s = faq.scores(rows)
        print(
            f"{path.stem}: right {s.right:.1%}, adviser recall {s.adviser_recall:.1%}, confident wrong "
            f"{s.confident_wrong:.1%} ({s.confident_wrong_n}), asked (chosen) {s.asked} ({s.chosen_right})",
            file=sys.stderr,
        )
        for case, row in zip(cases, rows, strict=True):
            line = signals(index, case, row.target, row)
            line["set"] = path.stem
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
