"""Evaluate the FAQ matcher on tests/data/faq_questions.tsv and print figures.

Run by hand:  .venv/bin/python bench/faq_eval.py [--config config.toml] [--show-wrong]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default=str(ROOT / "config.toml"))
    parser.add_argument("--questions", default=str(ROOT / "tests" / "data" / "faq_questions.tsv"))
    parser.add_argument("--show-wrong", action="store_true", help="list every miss")
    args = parser.parse_args()
    config = tomllib.loads(Path(args.config).read_text("utf-8"))

    start = time.perf_counter()
    from bot import faq  # import counts: it loads jieba
    index = faq.FaqIndex.load(ROOT / "messages", config["campaign"],
                              config["faq"]["confidence_threshold"])
    startup = time.perf_counter() - start

    rows = faq.evaluate(index, faq.load_eval_set(args.questions))
    precision, recall = faq.escalation_precision_recall(rows)
    times_ms = sorted(r.seconds * 1000 for r in rows)
    p99 = times_ms[min(len(times_ms) - 1, int(len(times_ms) * 0.99))]

    print(f"questions            {len(rows)}")
    print(f"top-1 accuracy       {faq.accuracy(rows):.1%}")
    print(f"escalation precision {precision:.1%}")
    print(f"escalation recall    {recall:.1%}")
    print(f"start-up             {startup * 1000:.0f} ms (import + load)")
    print(f"match time           mean {statistics.mean(times_ms):.2f} ms, p99 {p99:.2f} ms")
    print("slowest questions:")
    for row in sorted(rows, key=lambda r: r.seconds, reverse=True)[:5]:
        print(f"  {row.seconds * 1000:6.2f} ms  {row.question}")
    wrong = [r for r in rows if r.got != r.expected]
    print(f"misses: {len(wrong)}")
    for row in wrong if args.show_wrong else wrong[:10]:
        print(f"  {row.question}\texpected {row.expected}\tgot {row.got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
