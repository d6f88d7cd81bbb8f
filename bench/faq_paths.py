"""How often each answer path of the FAQ matcher is wrong, pooled over the development sets (round 78).

Run by hand:  .venv/bin/python bench/faq_paths.py [--rows FILE] [--precedents] [--cut 0.33] [--min 20]

Every question of every development set (tests/data/faq_heldout_*.tsv as served; with ``--precedents`` also the
precedent sets messages/faq/precedents/faq_heldout_*.tsv, each scored with the others as precedents, as
bench/faq_eval.py does: slow, a model per set) is matched once; its row keeps the answer's path (``FaqResult.reason``:
intent, precedents, ranked_agreed, species_topic, recommend, model, ...) and score. ``--rows`` keeps the rows in a
JSON file read back on the next run (the matching takes minutes; the tables take none).

Printed:
  1. per path (and per score band where the path's score varies): n answered outright, right, confident wrong, and
     the share of its answers that are wrong; beside it the questions asked back from it and how many offered the
     expected answer.
  2. leave one writer out: a path (or path and band) whose answers are wrong at least ``--cut`` of the time on all
     the sets but one (at least ``--min`` answers) is asked back instead (its answer offered: 您是想问…吗, the
     villager's yes gives it); the left-out set is measured with the paths chosen without it. Summed over the left-out
     sets: right, confident wrong, asked (chosen): what an unseen writer would get.

An answer asked back is neither right nor confident wrong (bench/faq_eval.py): the villager reads a question back
and answers it, the expected one among those offered is ``chosen``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
PRECEDENTS = ROOT / "messages" / "faq" / "precedents"
sys.path.insert(0, str(ROOT))

BANDS = (0.0, 0.55, 0.65, 0.75, 0.85, 0.95, 9.0)  # score bands of a path whose score varies


def band(score: float) -> str:
    for low, high in zip(BANDS, BANDS[1:], strict=False):
        if low <= score < high:
            return f"{low:.2f}-{high:.2f}" if high < 9 else f">={low:.2f}"
    return "?"


def match_rows(precedent_sets: bool) -> list[dict]:
    from bot import config as config_mod
    from bot import faq, faq_cache

    config = config_mod.load(str(ROOT / "config.toml"), env={})
    faq_cache.KEEP = max(faq_cache.KEEP, 64)
    index = faq.FaqIndex.load(ROOT / "messages", config.section("campaign"), config.get("faq.confidence_threshold"))
    missing_map = faq.load_missing_map(PRECEDENTS / "missing_map.tsv")
    everything = index.precedents
    paths = sorted(DATA.glob("faq_heldout_*.tsv"))
    if precedent_sets:
        paths = sorted(PRECEDENTS.glob("faq_heldout_*.tsv")) + paths
    rows = []
    for path in paths:
        if path.parent == PRECEDENTS:
            index.set_precedents(faq.load_precedents(PRECEDENTS, [path.stem]))
        else:
            index.precedents = everything
        for case in faq.load_eval_set(path):
            result = index.match(case.question)
            norm = index._fixed(index._from_english(case.question))
            model = index.precedents.model
            label, lead, read = index._model_reading(model, norm) if model is not None else ("", 0.0, None)
            target = index.answered_as(missing_map.get(case.expected, case.expected))
            got = faq.result_label(result)
            offered = faq.result_label(result.other) if result.other is not None else None
            rows.append(
                {
                    "set": path.stem,
                    "question": case.question,
                    "target": target,
                    "got": got,
                    "also": result.also if result.kind == "answer" else None,
                    "offered": offered,
                    "reason": result.reason,
                    "score": round(result.score, 3),
                    "safety": bool(result.safety),
                    "model": faq.result_label(read) if read is not None else (label or "none"),
                    "lead": round(lead, 3),
                }
            )
        print(f"matched {path.stem}: {len(rows)} rows so far", file=sys.stderr, flush=True)
    return rows


def outcome(row: dict) -> str:
    """'right', 'wrong' (confident wrong), 'asked', 'asked_chosen' or 'other' (escalated, chit-chat), as faq.EvalRow."""
    if row["offered"] is not None:
        chosen = row["target"] in (row["got"], row["also"], row["offered"])
        return "asked_chosen" if chosen else "asked"
    if row["target"] in (row["got"], row["also"]):
        return "right"
    if row["got"] in ("escalate", "chitchat"):
        return "other"
    return "wrong"


def answered(row: dict) -> bool:
    return row["offered"] is None and row["got"] not in ("escalate", "chitchat")


LEADS = (0.1, 0.3, 0.6, 1.0)  # bands of the model's lead


def reading(row: dict) -> str:
    """How the model reads an answered question against the answer: 'agrees', 'person', 'chat', 'topic' (a tree's
    field, no tree named: no answer here) or 'other' (another entry), and the band of its lead ('model agrees <0.3',
    'model person >=1.0')."""
    model = row.get("model", "none")
    how = (
        "agrees"
        if model in (row["got"], row["also"])
        else {"escalate": "person", "chitchat": "chat"}.get(model, "topic" if ".*." in model else "other")
    )
    lead = next((f"<{edge}" for edge in LEADS if row.get("lead", 0.0) < edge), f">={LEADS[-1]}")
    return f"model {how} {lead}"


def keys_of(row: dict, banded: bool | str) -> set[str]:
    return {key_of(row, "path+model" if banded == "combined" else banded)}


def key_of(row: dict, banded: bool | str) -> str:
    """The slice of an answer: its path; ``True``: and its score band; 'model': the model's reading and lead;
    'path+model': the path and the model's reading (no lead)."""
    if banded == "model":
        return reading(row)
    if banded == "path+model":  # an answer under a safety line is never asked back: a slice of its own
        return f"{row['reason']}{'/safety' if row['safety'] else ''} {reading(row).rsplit(' ', 1)[0]}"
    return f"{row['reason']} {band(row['score'])}" if banded else row["reason"]


def tally(rows: Iterable[dict], banded: bool | str) -> dict[str, list[int]]:
    """key -> [answered, right, confident wrong, asked, asked with the expected one offered]"""
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for row in rows:
        what = outcome(row)
        line = table[key_of(row, banded)]
        if answered(row):
            line[0] += 1
            line[1] += what == "right"
            line[2] += what == "wrong"
        elif what.startswith("asked"):
            line[3] += 1
            line[4] += what == "asked_chosen"
    return table


def print_table(rows: list[dict], banded: bool | str) -> None:
    table = tally(rows, banded)
    title = {True: "path and score band", "model": "model's reading and lead", "path+model": "path and model's reading"}
    print(f"{title.get(banded, 'path'):<34}{'n':>6}{'right':>7}{'c.wrong':>9}{'wrong %':>9}{'asked':>7}{'chosen':>8}")
    for key, (n, right, wrong, asked, chosen) in sorted(table.items(), key=lambda kv: -kv[1][0]):
        if n or asked:
            share = f"{wrong / n:.1%}" if n else "-"
            print(f"{key:<34}{n:>6}{right:>7}{wrong:>9}{share:>9}{asked:>7}{chosen:>8}")


def poor_paths(
    rows: Iterable[dict],
    cut: float,
    least: int,
    banded: bool | str,
    never: frozenset[str],
    only: frozenset[str] = frozenset(),
) -> set[str]:
    """The paths (or paths and bands) whose outright answers are wrong at least ``cut`` of the time (``least`` of them).
    'combined': the slices of 'path+model' where the model reads another entry or a person, of the paths ``only``
    (all when empty): round 78's rule, ``FaqIndex._asked_first`` (a reading of small talk is never asked back)."""
    if banded == "combined":
        chosen = poor_paths(rows, cut, least, "path+model", never)
        return {
            key for key in chosen if not key.endswith((" agrees", " chat")) and (not only or key.split()[0] in only)
        }
    return {
        key
        for key, (n, _right, wrong, _asked, _chosen) in tally(rows, banded).items()
        if n >= least and wrong / n >= cut and key.split()[0] not in never
    }


def summed(rows: Iterable[dict], asked_paths: set[str], banded: bool | str) -> list[int]:
    """[n, right, confident wrong, asked, chosen] with the answers of ``asked_paths`` asked back instead."""
    total = [0, 0, 0, 0, 0]
    for row in rows:
        total[0] += 1
        what = outcome(row)
        if answered(row) and keys_of(row, banded) & asked_paths:
            # asked first (您是想问…吗): chosen when the answer offered is meant, or when a person was (0 files the ticket)
            what = "asked_chosen" if what == "right" or row["target"] == "escalate" else "asked"
        total[1] += what == "right"
        total[2] += what == "wrong"
        total[3] += what.startswith("asked")
        total[4] += what == "asked_chosen"
    return total


def leave_one_writer_out(
    rows: list[dict],
    cut: float,
    least: int,
    banded: bool | str,
    never: frozenset[str],
    only: frozenset[str] = frozenset(),
) -> None:
    by_set: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_set[row["set"]].append(row)
    before, after = [0] * 5, [0] * 5
    chosen_count: dict[str, int] = defaultdict(int)
    for name, held in sorted(by_set.items()):
        others = [row for row in rows if row["set"] != name]
        paths = poor_paths(others, cut, least, banded, never, only)
        for key in paths:
            chosen_count[key] += 1
        b, a = summed(held, set(), banded), summed(held, paths, banded)
        before = [x + y for x, y in zip(before, b, strict=True)]
        after = [x + y for x, y in zip(after, a, strict=True)]
        print(
            f"  {name:<16}{b[0]:>6}  right {b[1] / b[0]:6.1%} -> {a[1] / a[0]:6.1%}"
            f"  c.wrong {b[2]:>4} -> {a[2]:>4}  asked {b[3]:>4} -> {a[3]:>4} (chosen {b[4]} -> {a[4]})"
        )
    n = before[0]
    print(
        f"  {'ALL':<16}{n:>6}  right {before[1] / n:6.1%} -> {after[1] / n:6.1%}"
        f"  c.wrong {before[2] / n:.2%} ({before[2]}) -> {after[2] / n:.2%} ({after[2]})"
        f"  asked {before[3]} -> {after[3]} (chosen {before[4]} -> {after[4]})"
    )
    print("  paths chosen (times of", len(by_set), "splits):", dict(sorted(chosen_count.items())))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", help="a JSON file of the matched rows: read if it exists, else written")
    parser.add_argument("--precedents", action="store_true", help="also the precedent sets, each left out (slow)")
    parser.add_argument("--cut", type=float, default=1 / 3, help="a path wrong this share of the time is asked back")
    parser.add_argument("--min", type=int, default=20, help="answers a path needs before it is judged")
    parser.add_argument("--never", default="recommend", help="paths never asked back (comma-separated)")
    parser.add_argument(
        "--only",
        default="precedents,ranked",
        help="the paths round 78 asks first (matching.toml [model] ask_unseconded)",
    )
    args = parser.parse_args()
    if args.rows and Path(args.rows).exists():
        rows = json.loads(Path(args.rows).read_text(encoding="utf-8"))
    else:
        rows = match_rows(args.precedents)
        if args.rows:
            Path(args.rows).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    never = frozenset(filter(None, args.never.split(",")))
    print(f"{len(rows)} questions of {len({r['set'] for r in rows})} sets\n")
    modes: tuple[bool | str, ...] = (False, True, "model", "path+model")
    for banded in modes:
        print_table(rows, banded)
        print()
    for banded in (*modes, "combined"):
        print(f"leave one writer out, cut {args.cut:.2f}, at least {args.min}, slices by {banded or 'path'}:")
        leave_one_writer_out(rows, args.cut, args.min, banded, never)
        print()
    only = frozenset(filter(None, args.only.split(",")))
    print(f"leave one writer out, the slices of {', '.join(sorted(only))} only (as served):")
    leave_one_writer_out(rows, args.cut, args.min, "combined", never, only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
