"""``planting.replant_told`` runs on every text ``read_whole`` reads: its cheap look for 补/重/再/回 (or what normalises to
them) first, against the full read (``_replant_of``: fillers, ``normalize``, the regex) it skips. Texts: every question of
tests/data/faq_questions.tsv and a few replants told. Prints microseconds per text for each, and checks both read
the same. Run: ``.venv/bin/python bench/replant.py``."""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot import faq, planting  # noqa: E402
from bot.faq import load_offlist, load_species_table  # noqa: E402
from bot.messages import MESSAGES_DIR  # noqa: E402

REPLANTS = ["旧年种嗰棵龙眼死咗 今日补种咗两棵", "门口那棵桂花枯死了 今天重新种了两棵", "木棉死咗一棵 已经补种返一棵"]


def per_text_us(read, texts, table, others, rounds: int = 20) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            read(text, table, others)
    return (time.perf_counter() - start) / (rounds * len(texts)) * 1e6


def main() -> int:
    texts = [case.question for case in faq.load_eval_set(ROOT / "tests" / "data" / "faq_questions.tsv")] + REPLANTS
    table, others = load_species_table(MESSAGES_DIR), tuple(load_offlist(MESSAGES_DIR))
    same = all(planting.replant_told(t, table, others) == planting._replant_of(t, table, others) for t in texts)
    skipped = sum(not planting._REPLANT_HINT_RE.search(t) for t in texts)
    full = per_text_us(planting._replant_of, texts, table, others)
    guarded = per_text_us(planting.replant_told, texts, table, others)
    print(f"{len(texts)} texts, {skipped} skip the full read; same readings: {same}")
    print(f"full read {full:.1f} µs/text; with the look first {guarded:.1f} µs/text ({full / guarded:.1f}x)")
    return 0 if same and guarded < full else 1


if __name__ == "__main__":
    sys.exit(main())
