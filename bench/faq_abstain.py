"""Where the FAQ matcher should abstain: every blind set at once (fifty-seventh session, calib126; issue 17).

Run by hand:  .venv/bin/python bench/faq_abstain.py [--rows FILE] [--from FILE] [--set FILE ...] [--sure KEY=VALUE]
              [--model KEY=VALUE] [--gate REASON[:MODEL_READING[:LEAD_LOW]] ...]

Every question of the blind sets ``tests/data/faq_heldout_*.tsv`` (as served: all the precedents) is matched once by
``FaqIndex.match``; its row keeps the set, the label (after the missing-topic map), the answer, the result's reason
and score, the model's label and lead for the whole question (``FaqIndex._model_reading``: read only, no behaviour
changes), whether the matcher held the question verbatim (``faq_eval.held_verbatim``: 'seen') and the outcome as
bench/faq_eval.py counts it (right, confident wrong, asked back, other).

Printed, over all the sets together (all questions and the unseen ones):
  1. per reason: answered outright, right, confident wrong (CW) and of those the CW whose label is ``escalate``
     (abstaining turns them right); ``net`` = CW-escalate − right: what abstaining on the whole slice does to the
     summed right (> 0: gains), ``ΔCW`` = −CW.
  2. the same per reason × the model's reading of it (agrees / other entry / person / none) × lead band.
  3. per set: right % and CW, as configured, and with each ``--gate`` (an answer of that slice abstained: a ticket)
     applied to the rows, so a gate is judged on all the sets at once before it is written into the matcher.

``--sure`` / ``--model`` set a ``[sure]`` or ``[model]`` value of matching.toml on the loaded index (a variant tried
without editing the data); ``--rows`` keeps the rows as JSON lines, ``--from`` reads them back (no matching).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
PRECEDENTS = ROOT / "messages" / "faq" / "precedents"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

LEADS = (0.1, 0.3, 0.6, 1.0)  # bands of the model's lead (as bench/faq_paths.py)


def lead_band(lead: float) -> str:
    return next((f"<{edge}" for edge in LEADS if lead < edge), f">={LEADS[-1]}")


def reading(row: dict) -> str:
    """How the model reads the question against the answer given: agrees, other (entry), person, chat, none."""
    model = row["model"]
    if model in (row["got"], row["also"]):
        return "agrees"
    return {"escalate": "person", "chitchat": "chat", "": "none", "none": "none"}.get(model, "other")


def outcome(row: dict) -> str:
    if row["offered"] is not None:
        return "asked"
    if row["right"]:
        return "right"
    if row["cw"]:
        return "cw"
    return "other"


_LISTED = ("kept", "held", "dissent_never", "ask_never", "ask_unseconded", "ask_person_paths")


def _set_values(obj: object, pairs: Iterable[str], prefix: str) -> object:
    for pair in pairs:
        key, value = pair.split("=", 1)
        if prefix == "sure":
            obj = dataclasses.replace(obj, **{key: float(value)})  # type: ignore[type-var]
        elif key in _LISTED:  # a list of reasons, comma-separated ('' for none)
            setattr(obj, f"_model_{key}", frozenset(filter(None, value.split(","))))
        else:
            setattr(obj, f"_model_{key}", float(value))
    return obj


def match_rows(paths: list[Path], sure: list[str], model_values: list[str]) -> list[dict]:
    from faq_eval import held_verbatim, plain

    from bot import config as config_mod
    from bot import faq

    config = config_mod.load(str(ROOT / "config.toml"), env={})
    index = faq.FaqIndex.load(ROOT / "messages", config.section("campaign"), config.get("faq.confidence_threshold"))
    index.sure = _set_values(index.sure, sure, "sure")  # type: ignore[assignment]
    _set_values(index, model_values, "model")
    missing_map = faq.load_missing_map(PRECEDENTS / "missing_map.tsv")
    held = held_verbatim(index, None)
    rows = []
    for path in paths:
        for case in faq.load_eval_set(path):
            result = index.match(case.question)
            scored = scored_row(faq, index, case, result, missing_map)
            norm = index._fixed(index._from_english(case.question))
            model = index.precedents.model
            label, lead, read = index._model_reading(model, norm) if model is not None else ("", 0.0, None)
            rows.append(
                {
                    "set": path.stem.removeprefix("faq_heldout_"),
                    "question": case.question,
                    "target": scored.target,
                    "got": scored.got,
                    "also": scored.also,
                    "offered": scored.offered,
                    "reason": result.reason,
                    "score": round(result.score, 3),
                    "safety": bool(result.safety),
                    "model": faq.result_label(read) if read is not None else (label or "none"),
                    "lead": round(lead, 3),
                    "right": scored.right,
                    "cw": scored.confident_wrong,
                    "seen": plain(case.question) in held,
                }
            )
        print(f"matched {path.stem}: {len(rows)} rows so far", file=sys.stderr, flush=True)
    return rows


def scored_row(faq, index, case, result, missing_map):
    """``faq.evaluate``'s row for one case, from the result already matched (one match a question)."""
    return faq.EvalRow(
        case.question,
        index.answered_as(case.expected),
        index.answered_as(missing_map.get(case.expected, case.expected)),
        faq.result_label(result),
        0.0,
        case.tags,
        bool(result.safety),
        result.also if result.kind == "answer" else None,
        False,
        faq.result_label(result.other) if result.other is not None else None,
        faq._attached(index, result),
        "",
        result.compared if result.kind == "answer" else (),
    )


def gated(row: dict, gates: list[tuple[str, ...]]) -> bool:
    """An answer given outright that one of the gates abstains (reason[:reading[:lowest lead]])."""
    if row["offered"] is not None or row["got"] in ("escalate", "chitchat") or row["safety"]:
        return False
    if row["got"].startswith("bot."):  # the bot's own use is never stopped (``[sure] support_never``)
        return False
    for gate in gates:
        if gate[0] != "*" and row["reason"] != gate[0]:
            continue
        if len(gate) > 1 and gate[1] != "*" and reading(row) != gate[1]:
            continue
        if len(gate) > 2 and row["lead"] < float(gate[2]):
            continue
        return True
    return False


def apply(rows: list[dict], gates: list[tuple[str, ...]]) -> list[dict]:
    """The rows as a ticket for every gated answer: right only when the label is escalate."""
    out = []
    for row in rows:
        if gated(row, gates):
            row = {**row, "got": "escalate", "also": None, "right": row["target"] == "escalate", "cw": False}
        out.append(row)
    return out


def slice_table(rows: list[dict], key, title: str, least: int) -> None:
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for row in rows:
        if row["offered"] is not None or row["got"] in ("escalate", "chitchat"):
            continue
        t = tally[key(row)]
        t[0] += 1
        t[1] += row["right"]
        t[2] += row["cw"]
        t[3] += row["cw"] and row["target"] == "escalate"
    print(f"\n{title}\n{'slice':<46}{'n':>6}{'right':>7}{'CW':>5}{'CW-esc':>8}{'net':>6}")
    for name, (n, right, cw, cw_esc) in sorted(tally.items(), key=lambda kv: -kv[1][2]):
        if n >= least or cw >= 3:
            flag = "  ← abstain pays" if cw_esc - right >= 0 and cw else ""
            print(f"{name:<46}{n:>6}{right:>7}{cw:>5}{cw_esc:>8}{cw_esc - right:>6}{flag}")


def per_set(rows: list[dict], variants: dict[str, list[dict]]) -> None:
    sets = sorted({row["set"] for row in rows})
    head = "".join(f"{name[:18]:>22}" for name in variants)
    print(f"\nper set: right % / CW (unseen questions in brackets)\n{'set':<6}{'n':>6}{head}")
    sums = {name: [0, 0, 0, 0, 0] for name in variants}
    for s in sets:
        line = ""
        for name, vrows in variants.items():
            mine = [r for r in vrows if r["set"] == s]
            unseen = [r for r in mine if not r["seen"]]
            right, cw = sum(r["right"] for r in mine), sum(r["cw"] for r in mine)
            u_right, u_cw = sum(r["right"] for r in unseen), sum(r["cw"] for r in unseen)
            acc = sums[name]
            acc[0] += right
            acc[1] += cw
            acc[2] += u_right
            acc[3] += u_cw
            acc[4] += len(unseen)
            line += f"{100 * right / len(mine):>9.1f}/{cw:<3}({100 * u_right / max(1, len(unseen)):.1f}/{u_cw})"
        n = sum(r["set"] == s for r in rows)
        print(f"{s:<6}{n:>6}{line}")
    print(f"{'sum':<6}{len(rows):>6}" + "".join(f"{acc[0]:>8}/{acc[1]:<4}({acc[2]}/{acc[3]})" for acc in sums.values()))
    for name, acc in sums.items():
        print(
            f"  {name}: right {acc[0]} ({100 * acc[0] / len(rows):.2f} %), CW {acc[1]} ({100 * acc[1] / len(rows):.2f} %);"
            f" unseen {acc[4]}: right {acc[2]} ({100 * acc[2] / max(1, acc[4]):.2f} %), CW {acc[3]}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", dest="sets", help="a blind set (repeatable; default all)")
    parser.add_argument("--rows", help="write the matched rows here (JSON lines)")
    parser.add_argument("--from", dest="source", help="read the rows from here instead of matching")
    parser.add_argument("--sure", action="append", default=[], help="a [sure] value, KEY=VALUE")
    parser.add_argument("--model", action="append", default=[], help="a [model] value, KEY=VALUE")
    parser.add_argument("--gate", action="append", default=[], help="REASON[:READING[:LEAD]],… abstained (* any)")
    parser.add_argument("--least", type=int, default=40, help="slices shown from this many answers (or 3 CW)")
    args = parser.parse_args()
    if args.source:
        rows = [json.loads(line) for line in Path(args.source).read_text(encoding="utf-8").splitlines()]
    else:
        paths = [Path(p) for p in args.sets] if args.sets else sorted(DATA.glob("faq_heldout_*.tsv"))
        rows = match_rows(paths, args.sure, args.model)
        if args.rows:
            Path(args.rows).parent.mkdir(parents=True, exist_ok=True)
            Path(args.rows).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    for label, chosen in (("all questions", rows), ("unseen questions", [r for r in rows if not r["seen"]])):
        print(f"\n=== {label}: {len(chosen)}")
        slice_table(chosen, lambda r: r["reason"], "per reason (answered outright)", args.least)
        slice_table(
            chosen,
            lambda r: f"{r['reason']} {reading(r)} {lead_band(r['lead'])}",
            "per reason × model reading × lead band",
            args.least,
        )
    variants = {"as configured": rows}
    for gate in args.gate:
        variants[f"gate {gate}"] = apply(rows, [tuple(one.split(":")) for one in gate.split(",")])
    per_set(rows, variants)
    return 0


if __name__ == "__main__":
    sys.exit(main())
