"""Which of the FAQ matcher's own signals tell a confident wrong answer from a right one? (FAQ round 103, issue 17 §1)

Run by hand:  .venv/bin/python bench/abstention_curve.py [--choose FILE ...] [--set FILE ...] [--relabel SET=FILE ...]
              [--gate NAME ...] [--show]

For every ANSWERED question (an answer given outright: not asked back, not a ticket, not small talk) of each set, the
signals the matcher had when it answered (``signals``: the answer's reason and score, the model's lead for it, the
nearest precedents' agreement and closeness, how many labels they name, the question's length, whether the answer
explains the question's words, a tree asked that the answer is not about) and whether the answer was right or a
confident wrong. Each candidate gate (``GATES``: one signal at a threshold of its grid, or a simple combination) turns
the answers it stops into tickets, as the matcher's abstention does; printed per gate and threshold: the confident
wrong it removes and the right answers it costs on the CHOOSE sets (default BT-BY, precedents since round 102:
``messages/faq/precedents/faq_heldout_bt..by``, each answered with the other sets as precedents, as bench/faq_eval.py)
and on the CONFIRM sets (``--set``, default BZ and CA: never chosen on), and the ratio. A gate is worth having when it
removes at least ``WORTH`` (2) confident wrong per right answer lost on both.

Then the gate as configured (matching.toml ``[sure] tickets_nearby``, ``tickets_cosine``: ``FaqIndex._tickets_nearby``)
is measured for real: every set
answered with the gate switched off and on (``faq.evaluate``, as bench/faq_eval.py counts: right, adviser recall,
escalation precision, confident wrong, right+ticket), per set and pooled, and on the questions whose second labelling
(``--relabel``; default the relabels in tests/data) agrees with the writer's. After a retraining the thresholds are
re-read from matching.toml: one command re-measures them (``--set`` any new set).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
PRECEDENTS = ROOT / "messages" / "faq" / "precedents"
sys.path.insert(0, str(ROOT))


def set_file(name: str) -> Path:
    """A set's file: a precedent set (messages/faq/precedents: BT-BY since round 102) or a development set (tests/data);
    the path under tests/data when neither holds it (the run then says it is missing)."""
    found = [
        path for path in (PRECEDENTS / f"faq_heldout_{name}.tsv", DATA / f"faq_heldout_{name}.tsv") if path.exists()
    ]
    return found[0] if found else DATA / f"faq_heldout_{name}.tsv"


CHOOSE = [set_file(name) for name in ("bt", "bu", "bv", "bw", "bx", "by")]
CONFIRM = [set_file(name) for name in ("bz", "ca")]
RELABEL = {name: DATA / f"faq_relabel_{name}_1.tsv" for name in ("bs", "bu", "bw", "by", "ca")}
WORTH = 2.0  # confident wrong removed per right answer lost, on the choose sets AND on the confirm sets

# the answers' reasons by how they were found (as bench/faq_gate.py): a rule's words, the ranking of the entries'
# words, or the precedents and the model
RULE = frozenset({"intent", "species_topic", "recommend", "species_two_topics", "offlist"})
RANKED = frozenset({"ranked", "ranked_agreed", "ranked_with_species", "species_card"})
WITNESSED = frozenset({"precedents", "model", "read_twice", "model_field"})


@dataclass
class Answered:
    """One answer given outright, with its signals and whether it was right."""

    set: str
    question: str
    target: str
    got: str
    right: bool
    wrong: bool  # confident wrong
    s: dict[str, Any]


def _general(label: str | None) -> str:
    parts = (label or "").split(".")
    return f"species.*.{parts[2]}" if len(parts) == 3 and parts[0] == "species" else (label or "")


def signals(index, question: str, norm: str, result) -> dict[str, Any]:
    """What the matcher knew when it gave ``result`` for ``question`` (``norm`` as its answer path read it)."""
    from bot import faq

    label = faq.result_label(result)
    given = {_general(g) for g in (result.entry_id, result.also) if g}
    near = index._nearest(norm)
    labels = [index.precedents.labels[i] for i, _ in near]
    model = index.precedents.model
    m_label, m_lead, _ = index._model_reading(model, norm) if model is not None else ("", 0.0, None)
    trees = [name for name, _ in index._trees(norm)]
    about = label.split(".")[1] if label.startswith("species.") else ""
    entry = index.entry(result.entry_id) if result.entry_id else None
    text = result.answer_text or (entry.answer if entry else "")
    try:
        doubt = index.doubt(question, label, norm) if label.startswith(("species.", "recommend.")) or entry else None
    except (KeyError, ValueError):
        doubt = None
    return {
        "reason": result.reason,
        "score": float(result.score),
        "support": float(index._support(norm, result)) if model is not None else 9.0,
        "model": m_label,
        "model_lead": float(m_lead),
        "near_agree": sum(_general(lab) in given for lab in labels),
        "near_escalate": sum(lab == "escalate" for lab in labels),
        "near_labels": len(set(labels)),
        "near_top": float(near[0][1]) if near else 0.0,
        "near_top_agrees": bool(labels) and _general(labels[0]) in given,
        "len": len(norm),
        "doubt": doubt or "",
        "tree_missed": any(t != about and t not in text for t in trees),
        "never": bool(
            result.entry_id
            and (
                result.entry_id.startswith(index.sure.support_never)
                or result.entry_id in index._first_aid_entries
                or index._added(result.entry_id)
            )
        ),
    }


def off(index):
    """The index's ``[sure]`` with the round 103 gate switched off."""
    return replace(index.sure, tickets_nearby=0)


def witnessless(index, path: Path, everything) -> None:
    """Tidy81: a precedent set is answered with the OTHER sets as precedents, as bench/faq_eval.py scores it (leave one
    set out: none is its own witness); any other set with the precedents as served (``everything``)."""
    from bot import faq

    if path.parent.resolve() == PRECEDENTS.resolve():
        index.set_precedents(faq.load_precedents(PRECEDENTS, [path.stem]))
    else:
        index.precedents = everything


def answered(index, path: Path, missing_map) -> list[Answered]:
    """Every answer given outright in the set at ``path``, with its signals (with the index's gates as they are: run it
    with the round 103 gate off). An answer that never came past ``FaqIndex._supported`` (a rule's class answered
    by design, round 64: '种树能不能申请贷款') is never stopped, as no gate there judges it."""
    from bot import faq

    seen: list[tuple[str, Any, Any]] = []
    original = index._supported

    def watched(norm, result, fired):  # the norm and the answer at the point the gates judge it
        out = original(norm, result, fired)
        seen.append((norm, out, fired))
        return out

    index._supported = watched
    rows = []
    try:
        for case in faq.load_eval_set(path):
            seen.clear()
            result = index.match(case.question)
            target = index.answered_as(missing_map.get(case.expected, case.expected))
            if result.kind != "answer" or result.other is not None or result.safety:
                continue
            at = [(n, f) for n, r, f in seen if r.entry_id == result.entry_id and r.kind == "answer"]
            norm, fired = at[-1] if at else (index._fixed(case.question), [])
            if fired:
                continue
            got = faq.result_label(result)
            right = target in (got, result.also)
            s = signals(index, case.question, norm, result)
            s["never"] = s["never"] or not at
            rows.append(Answered(path.stem[12:], case.question, target, got, right, not right, s))
    finally:
        del index._supported
    return rows


def _grid(*values: float) -> tuple[float, ...]:  # a gate's thresholds, in the order printed
    return values


# name -> (grid, stops(row signals, threshold)); a gate never stops the bot's own use, a danger's first aid, an
# adviser's added entry (``never``), as ``FaqIndex._supported``
GATES: dict[str, tuple[tuple[float, ...], Any]] = {
    "support<t": (_grid(-1.0, -0.5, 0.0, 0.1, 0.2, 0.3, 0.5), lambda s, t: s["support"] < t),
    "support<t (rule)": (_grid(-1.0, -0.5, 0.0, 0.2, 0.5), lambda s, t: s["reason"] in RULE and s["support"] < t),
    "support<t (ranked)": (_grid(-1.0, -0.5, 0.0, 0.2, 0.5), lambda s, t: s["reason"] in RANKED and s["support"] < t),
    "support<t (witnessed)": (_grid(0.3, 0.5, 0.8), lambda s, t: s["reason"] in WITNESSED and s["support"] < t),
    "model reads another by ≥t": (_grid(0.3, 0.5, 0.8, 1.0, 1.5), lambda s, t: s["support"] <= -t),
    "score<t": (_grid(0.3, 0.4, 0.5, 0.6, 0.7), lambda s, t: 0 < s["score"] < t),
    "nearest agree=0, top≥t": (
        _grid(0.0, 0.3, 0.4, 0.5, 0.6),
        lambda s, t: s["near_agree"] == 0 and s["near_top"] >= t,
    ),
    "nearest top other, cos≥t": (
        _grid(0.4, 0.5, 0.6, 0.7),
        lambda s, t: not s["near_top_agrees"] and s["near_top"] >= t,
    ),
    "nearest agree=0 & support<t": (
        _grid(-0.5, 0.0, 0.3, 0.5, 1.0),
        lambda s, t: s["near_agree"] == 0 and s["support"] < t,
    ),
    "nearest agree≤1 & support≤-t": (
        _grid(0.3, 0.5, 0.8, 1.0),
        lambda s, t: s["near_agree"] <= 1 and s["support"] <= -t,
    ),
    "nearest escalate≥1 & support≤-t": (
        _grid(0.0, 0.3, 0.5, 0.8),
        lambda s, t: s["near_escalate"] >= 1 and s["support"] <= -t,
    ),
    "nearest escalate≥t": (_grid(1, 2, 3), lambda s, t: s["near_escalate"] >= t),
    "nearest labels≥3 & support<t": (
        _grid(0.0, 0.3, 0.5, 1.0),
        lambda s, t: s["near_labels"] >= 3 and s["support"] < t,
    ),
    "length≥t": (_grid(30, 40, 50, 60), lambda s, t: s["len"] >= t),
    "length≥t & support<0.3": (_grid(20, 30, 40), lambda s, t: s["len"] >= t and s["support"] < 0.3),
    "doubt & support<t": (_grid(0.0, 0.5, 1.0, 9.0), lambda s, t: bool(s["doubt"]) and s["support"] < t),
    "nearest tickets≥t, none agrees": (
        _grid(1, 2, 3),
        lambda s, t: s["near_escalate"] >= t and s["near_agree"] == 0,
    ),
    "nearest tickets≥2, none agrees, top≥t": (
        _grid(0.0, 0.3, 0.4, 0.5),
        lambda s, t: s["near_escalate"] >= 2 and s["near_agree"] == 0 and s["near_top"] >= t,
    ),
    "nearest tickets≥3, top≥t": (
        _grid(0.0, 0.3, 0.4, 0.45, 0.5),
        lambda s, t: s["near_escalate"] >= 3 and s["near_top"] >= t,
    ),
    "nearest tickets≥2, none agrees, model a person ≥t": (
        _grid(0.0, 0.3, 0.5, 1.0),
        lambda s, t: (
            s["near_escalate"] >= 2 and s["near_agree"] == 0 and s["model"] == "escalate" and s["model_lead"] >= t
        ),
    ),
    "nearest tickets≥2, none agrees, support<t": (
        _grid(0.0, 0.3, 9.0),
        lambda s, t: s["near_escalate"] >= 2 and s["near_agree"] == 0 and s["support"] < t,
    ),
    "tree not in answer & support<t": (
        _grid(0.0, 0.5, 1.0, 9.0),
        lambda s, t: s["tree_missed"] and s["support"] < t,
    ),
}


def tally(rows: list[Answered], stops, t: float) -> tuple[int, int]:
    """(confident wrong removed, right answers lost) by a gate's ``stops`` at threshold ``t``."""
    stopped = [r for r in rows if not r.s["never"] and stops(r.s, t)]
    return sum(r.wrong for r in stopped), sum(r.right for r in stopped)


def _ratio(caught: int, lost: int) -> str:
    return f"{caught / lost:5.1f}" if lost else ("  inf" if caught else "    -")


def curve(choose: list[Answered], confirm: list[Answered], names: list[str] | None) -> None:
    cw_choose, cw_confirm = sum(r.wrong for r in choose), sum(r.wrong for r in confirm)
    print(
        f"answered outright: choose {len(choose)} ({cw_choose} confident wrong), "
        f"confirm {len(confirm)} ({cw_confirm} confident wrong)"
    )
    print(
        f"{'gate':<34}{'t':>6}{'choose: cw−':>13}{'right−':>8}{'ratio':>7}{'confirm: cw−':>14}{'right−':>8}{'ratio':>7}"
    )
    for name, (grid, stops) in GATES.items():
        if names and name not in names:
            continue
        for t in grid:
            a, b = tally(choose, stops, t), tally(confirm, stops, t)
            worth = all(lost == 0 and caught > 0 or lost and caught / lost >= WORTH for caught, lost in (a, b))
            print(
                f"{name:<34}{t:>6g}{a[0]:>13}{a[1]:>8}{_ratio(*a):>7}{b[0]:>14}{b[1]:>8}{_ratio(*b):>7}"
                f"{'  ← worth' if worth else ''}"
            )


def figures_line(name: str, s) -> str:
    return (
        f"{name:<18}{s.questions:>5}{s.right:>8.1%}{s.adviser_recall:>9.1%}{s.escalation_precision:>9.1%}"
        f"{s.confident_wrong:>7.1%} ({s.confident_wrong_n:>3}){s.right_with_ticket:>9.1%}"
    )


def configured_stops(sure, s: dict[str, Any]) -> bool:
    """What ``FaqIndex._tickets_nearby`` decides, from an answer's signals (``--show``)."""
    return (
        bool(sure.tickets_nearby)
        and s["near_top"] >= sure.tickets_cosine
        and s["near_escalate"] >= sure.tickets_nearby
        and s["near_agree"] == 0
    )


def measured(index, sets: dict[str, tuple[Path, list]], missing_map) -> None:
    """The configured gate for real: each set answered with the round 103 gate off, then on (as configured); a precedent
    set with the others as precedents (``witnessless``)."""
    from bot import faq

    on, everything = index.sure, index.precedents
    print(f"\nmatching.toml [sure] tickets_nearby = {on.tickets_nearby}, tickets_cosine = {on.tickets_cosine}")
    print(f"{'set':<18}{'n':>5}{'right':>8}{'recall':>9}{'prec.':>9}{'conf. wrong':>13}{'r+ticket':>9}")
    pooled: dict[str, list] = {"off": [], "on": []}
    for name, (path, cases) in sets.items():
        witnessless(index, path, everything)
        for key, sure in (("off", off(index)), ("on", on)):
            index.sure = sure
            rows = faq.evaluate(index, cases, missing_map)
            pooled[key] += rows
            print(figures_line(f"{name} {key}", faq.scores(rows)))
    index.sure, index.precedents = on, everything
    for key in ("off", "on"):
        print(figures_line(f"pooled {key}", faq.scores(pooled[key])))


def agreed_cases(path: Path, relabel: Path) -> list:
    """The set's questions whose second labelling names the same answer as the writer's."""
    from bot import faq

    other = {}
    for line in relabel.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            parts = line.split("\t")
            other[parts[0].strip()] = parts[1].strip()

    def one(label: str) -> str:
        return "missing" if label.startswith("missing:") else label

    return [c for c in faq.load_eval_set(path) if c.question in other and one(other[c.question]) == one(c.expected)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default=str(ROOT / "config.toml"))
    parser.add_argument("--choose", action="append", help="a set the gates are chosen on (default BT-BY; repeatable)")
    parser.add_argument("--set", action="append", dest="sets", help="a set to confirm on (default BZ, CA; repeatable)")
    parser.add_argument("--relabel", action="append", help="SET=FILE: a second labelling of a set (repeatable)")
    parser.add_argument("--gate", action="append", help="only these candidate gates (by name; repeatable)")
    parser.add_argument("--no-curve", action="store_true", help="only the configured gate, measured")
    parser.add_argument("--no-measure", action="store_true", help="only the curve (no run with the gate off and on)")
    parser.add_argument("--show", action="store_true", help="list the answers the configured gate stops")
    args = parser.parse_args()
    from bot import config as config_mod
    from bot import faq, faq_cache

    faq_cache.KEEP = max(faq_cache.KEEP, 16)
    config = config_mod.load(args.config, env={})
    index = faq.FaqIndex.load(ROOT / "messages", config.section("campaign"), config.get("faq.confidence_threshold"))
    missing_map = faq.load_missing_map(PRECEDENTS / "missing_map.tsv")
    choose = [Path(p) for p in args.choose] if args.choose else CHOOSE
    confirm = [Path(p) for p in args.sets] if args.sets else CONFIRM
    relabel = dict(r.split("=", 1) for r in args.relabel) if args.relabel else {k: str(v) for k, v in RELABEL.items()}

    missing = [str(p) for p in [*choose, *confirm] if not p.exists()]
    if missing:
        raise SystemExit(f"no such set: {', '.join(missing)}")
    on, everything = index.sure, index.precedents
    if not args.no_curve:
        index.sure = off(index)
        rows = {}
        for p in [*choose, *confirm]:
            witnessless(index, p, everything)
            rows[p] = answered(index, p, missing_map)
        index.sure, index.precedents = on, everything
        curve([r for p in choose for r in rows[p]], [r for p in confirm for r in rows[p]], args.gate)
        if args.show:
            print("\nstopped by the gate as configured (! confident wrong, = right lost):")
            for answers in rows.values():
                for r in answers:
                    if not r.s["never"] and configured_stops(on, r.s):
                        mark = "!" if r.wrong else ("=" if r.right else " ")
                        print(f"  {mark} {r.set}\t{r.question}\texpected {r.target}\tgot {r.got}\t({r.s['reason']})")

    if args.no_measure:
        return 0
    sets = {p.stem[12:]: (p, faq.load_eval_set(p)) for p in [*choose, *confirm]}
    measured(index, sets, missing_map)
    agreed = {}
    for p in [*choose, *confirm]:
        name = p.stem[12:]
        if name in relabel and Path(relabel[name]).exists():
            agreed[f"{name} agreed"] = (p, agreed_cases(p, Path(relabel[name])))
    if agreed:
        print("\nwhere the second labelling agrees with the writer's:")
        measured(index, agreed, missing_map)
    return 0


if __name__ == "__main__":
    sys.exit(main())
