"""FAQ round 112 (issue 17 §1, confident wrong): round 112's gate (``FaqIndex._read_otherwise``: the top entry does not
cover what was asked, the model reading it otherwise) measured for real: every set answered with the gate switched
off and on (``faq.evaluate``, counted as bench/faq_eval.py counts), its figures per set, and each question whose
answer the gate changed (``-`` a right answer lost, ``+`` a confident wrong removed, `` `` neither).

Run by hand:  .venv/bin/python bench/faq_cover_gate.py --set FILE [--set FILE ...] [--quiet]

The gate was chosen on the signals bench/faq_cover_dump.py prints on sets CF, CG, CH, CJ (its file kept outside the
repository in round 112), BZ, CA, CC and CE, none held out: a fresh blind set gives its honest figure.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> int:
    import abstention_curve as ac
    from faq_eval import print_scores

    from bot import config as config_mod
    from bot import faq

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", dest="sets", required=True, help="an evaluation set (repeatable)")
    parser.add_argument("--quiet", action="store_true", help="the figures only, not the questions changed")
    args = parser.parse_args()
    config = config_mod.load(str(ROOT / "config.toml"), env={})
    on = faq.FaqIndex.load(ROOT / "messages", config.section("campaign"), config.get("faq.confidence_threshold"))
    off = on.copy()
    off.sure = dataclasses.replace(on.sure, covered_lead=math.inf)
    missing_map = faq.load_missing_map(ac.PRECEDENTS / "missing_map.tsv")
    everything = on.precedents
    for path in map(Path, args.sets):
        cases = faq.load_eval_set(path)
        rows = {}
        for name, index in (("off", off), ("on", on)):
            ac.witnessless(index, path, everything)
            rows[name] = faq.evaluate(index, cases, missing_map)
            print_scores(f"{path.stem[12:] or path.stem} gate {name}", faq.scores(rows[name]))
        if args.quiet:
            continue
        for before, after in zip(rows["off"], rows["on"], strict=True):
            if (before.got, before.also, before.offered) == (after.got, after.also, after.offered):
                continue
            mark = "-" if before.right and not after.right else "+" if before.confident_wrong else " "
            print(f"   {mark} {before.question}\texpected {before.target}\t{before.got} -> {after.got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
