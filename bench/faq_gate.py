"""Is there an abstain gate that cuts confident wrong answers on sets it was not tuned on? (FAQ round 88)

Run by hand:  .venv/bin/python bench/faq_gate.py [--weight 4] [--only NAME ...] [--show]

Truly blind answers: each set kept outside the repository until a session's end (``BLIND``) answered by the matcher
of the commit before the one that added it (``git archive`` of that commit, run in its own process, its own cache
folder), and today's matcher on the set blind this session (``TODAY``; none now: BP, round 88's, is a precedent). For
every question the script keeps what the result carries (kind, label, reason, score, the second label, the answer a
doubt stopped) and what the matcher's
model and precedents read (the model's label and its lead over the next, the nearest precedents' labels and
closeness), cached in bench/out/faq_gate/ (ignored by git: delete a file to measure its set again).

Each gate in ``gates()`` is a rule over those features that turns an answer into a ticket. Leave one set out: the
setting with the least cost (confident wrong x ``--weight`` + right answers lost, as bench/faq_calibrate.py) on the
other sets is chosen, then reported on the left-out set, which had no say in it; the totals over all folds say
whether the gate holds up (fewer confident wrong on left-out sets, no more right answers lost than wrong ones cut).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import tomllib
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out" / "faq_gate"
DATA = ROOT / "tests" / "data"
PRECEDENTS = ROOT / "messages" / "faq" / "precedents"  # faq95: sets AT-BS joined the precedents (git mv, unchanged)
MISSING_MAP = PRECEDENTS / "missing_map.tsv"
sys.path.insert(0, str(ROOT))

# set -> the commit that added it (kept outside until a session's end): answered by that commit's parent
BLIND = {
    "ay": "ae946300",
    "ba": "151d3b6d",
    "bc": "c6bfe478",
    "be": "56d3f842",
    "bg": "a1c4b20e",
    "bi": "79fee79c",
    "bk": "2f24495d",
    "bm": "e324175e",
    "bo": "d5f37ef7",
    # tidy80: BP was TODAY's set (answered by the work tree's matcher) in round 88; a precedent since faq95, today's
    # matcher has read it: answered by the matcher before it, as the others
    "bp": "0247c0e5",
}
TODAY: tuple[str, ...] = ()  # blind this session: answered by today's matcher (the work tree)

RUN = r"""
import json, sys
from pathlib import Path
from bot import config as config_mod, faq
config = config_mod.load("config.toml", env={})
index = faq.FaqIndex.load(Path("messages"), config.section("campaign"), config.get("faq.confidence_threshold"))
missing = faq.load_missing_map(sys.argv[2])


def label(result):
    return None if result is None else faq.result_label(result)


def extra(question):
    # what the model and the precedents read; each guarded: an old matcher may lack a method
    out = {}
    try:
        norm = index._fixed(question)
        out["norm"] = norm
        model = index.precedents.model
        if model is not None:
            read, lead, answer = index._model_reading(model, norm)
            out["model"], out["model_lead"], out["model_answer"] = read, float(lead), label(answer)
        near = index._nearest(norm)
        out["near"] = [[index.precedents.labels[i], round(float(s), 4)] for i, s in near]
        out["trees"] = [name for name, _ in index._trees(norm)]
    except Exception as exc:  # noqa: BLE001 - an old matcher's API
        out["error"] = repr(exc)
    return out


rows = []
for case in faq.load_eval_set(sys.argv[1]):
    result = index.match(case.question)
    rows.append({
        "question": case.question,
        "expected": index.answered_as(case.expected),
        "target": index.answered_as(missing.get(case.expected, case.expected)),
        "tags": list(case.tags),
        "kind": result.kind,
        "got": label(result),
        "reason": result.reason,
        "score": float(result.score),
        "also": result.also if result.kind == "answer" else None,
        "offered": label(getattr(result, "other", None)),
        "candidate": label(result.candidate),
        "candidate_reason": None if result.candidate is None else result.candidate.reason,
        "note_entry": getattr(result, "note_entry", None) if result.kind == "escalate" else None,
        **extra(case.question),
    })
print(json.dumps(rows, ensure_ascii=False))
"""


def _run(cwd: Path, tsv: Path, old: bool) -> list[dict]:
    env = {**os.environ, "XDG_CACHE_HOME": str(OUT / "cache")} if old else None  # old models apart from the bot's
    done = subprocess.run(
        [sys.executable, "-c", RUN, str(tsv), str(MISSING_MAP)], cwd=cwd, capture_output=True, check=True, env=env
    )
    return json.loads(done.stdout)


def set_file(name: str) -> Path:
    """A set's file: a precedent set (messages/faq/precedents: AT-BS since faq95) or a development set (tests/data)."""
    found = [
        path for path in (PRECEDENTS / f"faq_heldout_{name}.tsv", DATA / f"faq_heldout_{name}.tsv") if path.exists()
    ]
    if not found:
        raise SystemExit(f"no set {name}: neither {PRECEDENTS} nor {DATA} holds faq_heldout_{name}.tsv")
    return found[0]


def answers(name: str) -> list[dict]:
    """The set's blind answers with their features, from the cache or measured now."""
    cached = OUT / f"{name}.json"
    if cached.exists():
        return json.loads(cached.read_text())
    tsv = set_file(name)
    if name in BLIND:
        archive = subprocess.run(
            ["git", "archive", f"{BLIND[name]}^", "bot", "messages", "config.toml"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout
        with tempfile.TemporaryDirectory() as tmp:
            with tarfile.open(fileobj=BytesIO(archive)) as tar:
                tar.extractall(tmp, filter="data")
            rows = _run(Path(tmp), tsv, old=True)
    else:
        rows = _run(ROOT, tsv, old=False)
    OUT.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(rows, ensure_ascii=False))
    return rows


def _general(label: str | None) -> str | None:
    """A species' field of any tree (``species.*.water``), as the precedents and the model label it."""
    parts = (label or "").split(".")
    return f"species.*.{parts[2]}" if len(parts) == 3 and parts[0] == "species" else label


def support(row: dict) -> float:
    """The model's lead for the answer given (its own label, or its field of any tree), or minus its lead for another
    reading: what ``FaqIndex.support`` computes today."""
    lead = row.get("model_lead") or 0.0
    given = {row["got"], row["also"]} - {None}
    agrees = row.get("model_answer") in given or _general(row.get("model")) in {_general(g) for g in given}
    return lead if agrees else -lead


def right(row: dict) -> bool:
    return row["offered"] is None and row["target"] in (row["got"], row["also"])


def confident_wrong(row: dict) -> bool:
    return row["offered"] is None and row["got"] not in ("escalate", "chitchat") and not right(row)


def group(row: dict) -> str | None:
    """Which threshold judges an answer (``GROUPS``); None: no gate (a danger's, an adviser's added entry)."""
    for name, reasons in GROUPS.items():
        if row["reason"] in reasons:
            return name
    return None


# the answers' reasons by how they were found: a rule's words (an intent, a tree's topic word, a recommendation), the
# ranking of the entries' words (a tree's card when no topic word was there), or the precedents and the model (their
# witnesses or the model's reading over the rules')
GROUPS = {
    "rule": frozenset({"intent", "species_topic", "recommend", "species_two_topics", "offlist"}),
    "ranked": frozenset({"ranked", "ranked_agreed", "ranked_with_species", "species_card"}),
    "witnessed": frozenset({"precedents", "model", "read_twice"}),
}
GRID = (-99.0, -1.0, -0.5, 0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0)  # -99: off
OFF = dict.fromkeys(GROUPS, -99.0)
# entries never stopped (matching.toml [sure] support_never: the bot's own use, which the conversation reads)
NEVER = tuple(
    tomllib.loads((ROOT / "messages" / "faq" / "matching.toml").read_text(encoding="utf-8"))
    .get("sure", {})
    .get("support_never", ())
)


def stopped(row: dict, setting: dict[str, float]) -> bool:
    """The gate turns this answer into a ticket (never beside a danger's line nor a danger's first aid, ``danger``;
    nor the bot's own use, ``NEVER``)."""
    if row["kind"] != "answer" or row["offered"] is not None or row["danger"] or row["got"].startswith(NEVER):
        return False
    name = group(row)
    return name is not None and support(row) < setting[name]


def figures(rows: list[dict], setting: dict[str, float]) -> dict[str, int]:
    out = {"n": len(rows), "right": 0, "wrong": 0, "lost": 0, "caught": 0, "stopped": 0}
    for row in rows:
        is_right, is_wrong = right(row), confident_wrong(row)
        if stopped(row, setting):
            out["stopped"] += 1
            out["lost"] += is_right
            out["caught"] += is_wrong
            is_right, is_wrong = row["target"] == "escalate", False
        out["right"] += is_right
        out["wrong"] += is_wrong
    return out


def choose(sets: dict[str, list[dict]], names: list[str], weight: float) -> dict[str, float]:
    """For each group apart (its cost adds to the others'), the threshold with the least cost on ``names``: confident
    wrong x weight + right answers lost; ties: the most lenient."""
    rows = [row for name in names for row in sets[name]]
    chosen = {}
    for name in GROUPS:
        mine = [row for row in rows if group(row) == name]

        def cost(threshold: float, mine: list[dict] = mine, name: str = name) -> tuple[float, float]:
            f = figures(mine, {**OFF, name: threshold})
            return (weight * f["wrong"] + f["lost"], threshold)

        chosen[name] = min(GRID, key=cost)
    return chosen


def leave_one_out(sets: dict[str, list[dict]], weight: float) -> None:
    print(f"leave one set out, weight {weight:g} (cost: confident wrong x weight + right answers lost)")
    print(f"{'left out':<10}{'chosen on the others':<28}{'right':>16}{'confident wrong':>18}{'lost':>6}{'caught':>8}")
    total = {"before_right": 0, "after_right": 0, "before_wrong": 0, "after_wrong": 0, "lost": 0, "caught": 0, "n": 0}
    for held in sets:
        setting = choose(sets, [n for n in sets if n != held], weight)
        before, after = figures(sets[held], OFF), figures(sets[held], setting)
        n = before["n"]
        print(
            f"{held:<10}{str(setting):<28}{before['right'] / n:>7.1%} → {after['right'] / n:.1%}"
            f"{before['wrong']:>10} → {after['wrong']:<5}{after['lost']:>6}{after['caught']:>8}"
        )
        for key, f in (("before", before), ("after", after)):
            total[f"{key}_right"] += f["right"]
            total[f"{key}_wrong"] += f["wrong"]
        total["lost"] += after["lost"]
        total["caught"] += after["caught"]
        total["n"] += n
    n = total["n"]
    print(
        f"{'all folds':<38}{total['before_right'] / n:>7.1%} → {total['after_right'] / n:.1%}"
        f"{total['before_wrong']:>10} → {total['after_wrong']:<5}{total['lost']:>6}{total['caught']:>8}"
    )
    print(f"chosen on all of them: {choose(sets, list(sets), weight)}")


def configured() -> dict[str, float]:
    """matching.toml's ``[sure]`` as a setting of ``GROUPS``: the group of ``support_reasons`` at ``support_lead``."""
    sure = tomllib.loads((ROOT / "messages" / "faq" / "matching.toml").read_text(encoding="utf-8")).get("sure", {})
    reasons = frozenset(sure.get("support_reasons", ()))
    named = [name for name, members in GROUPS.items() if members == reasons]
    return {**OFF, **({named[0]: float(sure["support_lead"])} if named else {})}


def show_configured(sets: dict[str, list[dict]]) -> None:
    setting = configured()
    print(f"\nmatching.toml [sure] as configured: {setting}")
    for name, rows in sets.items():
        before, after = figures(rows, OFF), figures(rows, setting)
        n = before["n"]
        print(
            f"{name:<10}{before['right'] / n:>7.1%} → {after['right'] / n:.1%}"
            f"{before['wrong']:>6} → {after['wrong']:<5} stopped {after['stopped']}: {after['lost']} right lost, "
            f"{after['caught']} confident wrong caught"
        )


def mark_dangers(sets: dict[str, list[dict]]) -> None:
    """``danger`` on every row: a safety rule of today's fires on the question, or the answer is a danger's first aid
    (today's ``FaqIndex._supported`` leaves both alone; the old matchers did not say which rules fired)."""
    from bot import config as config_mod
    from bot import faq

    config = config_mod.load(str(ROOT / "config.toml"), env={})
    index = faq.FaqIndex.load(ROOT / "messages", config.section("campaign"), config.get("faq.confidence_threshold"))
    for rows in sets.values():
        for row in rows:
            norm = index._fixed(row["question"])
            row["danger"] = any(rule.fires(norm) for rule in index.safety) or row["got"] in index._first_aid_entries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--weight", type=float, action="append", help="a confident wrong costs this many lost answers (default 1, 2, 4)"
    )
    parser.add_argument("--only", action="append", help="measure only these sets (repeatable)")
    args = parser.parse_args()
    names = args.only or [*BLIND, *TODAY]
    sets = {name: answers(name) for name in names}
    mark_dangers(sets)
    for weight in args.weight or (1.0, 2.0, 4.0):
        leave_one_out(sets, weight)
        print()
    show_configured(sets)
    return 0


if __name__ == "__main__":
    sys.exit(main())
