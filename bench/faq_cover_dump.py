"""Round 112 (issue 17 §1): every answer given outright in a set, with the signals of whether the answer covers the
question's trees and topic, as JSON lines (for choosing a gate; see bench/abstention_curve.py for the older signals).

Run by hand:  .venv/bin/python bench/faq_cover_dump.py --set FILE [--set FILE ...] > rows.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def cover(index, question: str, norm: str, result) -> dict:
    from bot import faq

    label = faq.result_label(result)
    trees = [name for name, _ in index._trees(norm)]
    names = [written for _, written in index._trees(norm)]
    named = [span for w in names for span in faq._spans_of(norm, w)]
    topic, spans = index._topic(norm, hide=named)
    found, _ = index._topic_words(norm, hide=named)
    entry = index.entry(result.entry_id) if result.entry_id else None
    about = label.split(".")[1] if label.startswith("species.") else ""
    field = label.split(".")[2] if label.startswith("species.") else ""
    if label.startswith("species."):
        text = index._card_text(about) + (index._species_topic_text(about, field) or "" if field != "card" else "")
    else:
        text = result.answer_text or (entry.answer if entry else "")
    chars = frozenset(faq.nlu.normalize(text))
    if entry is not None:
        chars |= index._entry_chars[index._by_id[entry.id]] if entry.id in index._by_id else frozenset()
    content = index._content_chars(norm, named)
    return {
        "trees": trees,
        "topic": topic,
        "topics": sorted(found),
        "field": field,
        "about": about,
        "trees_uncovered": [t for t in trees if t != about and t not in text],
        "content": len(content),
        "uncovered": sorted(content - chars),
        "uncovered_all": sorted(index._content_chars(norm, []) - chars),
        "diagnosis": index._is_diagnosis(norm, named=bool(trees)),
    }


def main() -> int:
    import abstention_curve as ac

    from bot import config as config_mod
    from bot import faq

    parser = argparse.ArgumentParser()
    parser.add_argument("--set", action="append", dest="sets", required=True)
    args = parser.parse_args()
    config = config_mod.load(str(ROOT / "config.toml"), env={})
    index = faq.FaqIndex.load(ROOT / "messages", config.section("campaign"), config.get("faq.confidence_threshold"))
    missing_map = faq.load_missing_map(ac.PRECEDENTS / "missing_map.tsv")
    everything = index.precedents
    orig_signals = ac.signals

    def signals(index, question, norm, result):
        s = orig_signals(index, question, norm, result)
        s.update(cover(index, question, norm, result))
        return s

    ac.signals = signals
    for path in map(Path, args.sets):
        ac.witnessless(index, path, everything)
        for row in ac.answered(index, path, missing_map):
            print(
                json.dumps(
                    {
                        "set": path.stem[-2:],
                        "q": row.question,
                        "target": row.target,
                        "got": row.got,
                        "right": row.right,
                        "s": row.s,
                    },
                    ensure_ascii=False,
                ),
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
