"""A village misheard by one character of its sound (round 81: 铺心村 for 埔心村), read against a city's roster.

Run by hand:  .venv/bin/python bench/village_sound.py [--villages 1200]

Texts from a follower not registered yet naming no village exactly are read against every village's name with one
character out (``bot.identity._VillageForms.one_off``). Prints the mean time a text, the index built once per roster
(kept with it, as the app keeps it), for texts with a misheard village, with place words and none, and with no place
word at all.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot import identity, nlu  # noqa: E402

TEXTS = (
    "喂我要那个等级我叫张龙眼铺心村",
    "我叫李秀英住在大石村旁边那个新村",
    "我们村今年种了多少",
    "我想问下桂花几时种",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--villages", type=int, default=1200)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    random.seed(1)
    chars = "东南西北上下新旧大小石水山田龙凤和平安康富贵金银青黄白红"
    villages = [{"name": "".join(random.choices(chars, k=2)) + "村"} for _ in range(args.villages - 1)]
    villages.append({"name": "埔心村"})
    identity._village_by_its_sound("村", villages)  # the index, built once per roster
    for text in TEXTS:
        norm = nlu.normalize(text)
        started = time.perf_counter()
        for _ in range(args.rounds):
            read = identity._village_by_its_sound(norm, villages)
        mean = (time.perf_counter() - started) / args.rounds * 1000
        print(f"{len(villages)} villages  {mean:6.3f} ms  {text} -> {read}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
