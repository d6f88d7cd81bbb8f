"""The answerable questions the rules send to a person while the model reads them right (round 100). Run by hand:

    .venv/bin/python bench/escalation_misses.py [--lead 0.6] [--set FILE ...] [--all]

For each development set (by default tests/data/faq_heldout_*.tsv, none in the precedents: BZ, CA since round 102) and each question whose
expected label is an entry but the matcher escalated it without asking back, prints the escalation's ``reason`` (the
rule or doubt that decided: ``diagnosis``, ``compare``, ``safety`` ...), the candidate's reason when a doubt stopped an
answer, whether the expected answer goes under the ticket's number (``+``: counted apart, ``ticket+answer``), and the
model's own label and lead on the masked question. Only those the model reads right with a lead of ``--lead`` or more
are listed (``--all``: every such escalation), grouped by reason, the largest group first.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEV_SETS = sorted((ROOT / "tests" / "data").glob("faq_heldout_*.tsv"))  # BT-BY precedents since round 102


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default=str(ROOT / "config.toml"))
    parser.add_argument("--set", action="append", dest="sets", help="a development set (repeatable)")
    parser.add_argument("--lead", type=float, default=0.6, help="the model's lead at least (default 0.6)")
    parser.add_argument("--all", action="store_true", help="every escalated answerable question, whatever the model")
    args = parser.parse_args()

    from bot import config as config_mod
    from bot import faq, nlu

    config = config_mod.load(args.config, env={})
    index = faq.FaqIndex.load(ROOT / "messages", config.section("campaign"), config.get("faq.confidence_threshold"))
    missing_map = faq.load_missing_map(ROOT / "messages" / "faq" / "precedents" / "missing_map.tsv")
    model = index.precedents.model
    groups: dict[str, list[str]] = defaultdict(list)
    for path in map(Path, args.sets or DEV_SETS):
        for case in faq.load_eval_set(path):
            target = index.answered_as(missing_map.get(case.expected, case.expected))
            if target in ("escalate", "chitchat") or target.startswith("missing:"):
                continue
            result = index.match(case.question)
            if result.kind != "escalate" or result.other is not None:
                continue
            label, lead = model.predict(index._masked(nlu.normalize(case.question))) if model else ("", 0.0)
            read_right = label == faq._any_species(target)
            if not args.all and not (read_right and lead >= args.lead):
                continue
            reason = result.reason
            if result.candidate is not None and result.candidate.reason != reason:
                reason += f"<{result.candidate.reason}"
            noted = "+" if result.note_entry == target else " "
            mark = "=" if read_right else "≠"
            groups[reason].append(
                f"  {noted} {path.stem[-2:]}  {case.question}\t{target}\tmodel {mark}{label} {lead:.2f}"
            )
    total = 0
    for reason, lines in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
        print(f"{reason}  ({len(lines)})")
        print("\n".join(lines))
        total += len(lines)
    print(f"total {total} (+ = the expected answer under the ticket's number)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
