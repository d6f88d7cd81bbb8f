"""Check a blind FAQ set before it is used: every label known, no question repeated, none held already.

Run by hand:  .venv/bin/python bench/blind/check_faq.py FILE [--relabel]

A question the matcher already holds (an entry's own question or a precedent, punctuation aside: bench/faq_eval.py's
``plain``) or any other set's is refused: the writer replaces it, so that the set is unseen whole (the fifty-second
session found a third of each writer's first draft repeated earlier sets). So is one holding a held question of
``HELD_WHOLE_MIN`` characters or more whole, words put before or after it (the fifty-seventh session: CQ's writer passed
the check by pasting '请问一下', '我阿妈叫我问' on 447 held questions; the matcher had seen them all). ``--relabel``
checks a second labeller's file (question, label), whose questions are the set's own.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench" / "blind"))
sys.path.insert(0, str(ROOT))

import make_labels  # noqa: E402

from bench.blind.lines import check_lines  # noqa: E402
from bench.faq_eval import plain  # noqa: E402  (what faq_eval's ``↳ unseen`` counts as held)


def known_label(label: str, ids: set[str], trees: set[str], places: set[str], purposes: set[str]) -> bool:
    if label in ids or label in {"escalate", "chitchat", "bot.off_topic"}:
        return True
    if re.fullmatch(r"missing:[a-z0-9_]+", label):
        return True
    if m := re.fullmatch(r"species\.(.+)\.(\w+)", label):
        return m.group(1) in trees and m.group(2) in make_labels.FIELDS
    if label.startswith("recommend."):
        return all(p in places or p in purposes or p == "small" for p in label.removeprefix("recommend.").split("+"))
    return False


HELD_WHOLE_MIN = 6  # characters (``plain``): a shorter held question ('今日好热') is ordinary words, not a copy


def holds_held(question: str, seen: set[str]) -> bool:
    """Does ``question`` (``plain``) hold a held question of ``HELD_WHOLE_MIN`` characters or more whole, with words
    around it ('我阿妈叫我问每户要种几棵' holds '每户要种几棵')? Each of its runs looked up: a few hundred a question."""
    n = len(question)
    return any(
        question[start:end] in seen
        for start in range(n)
        for end in range(start + HELD_WHOLE_MIN, n + 1)
        if end - start < n
    )


def held() -> set[str]:
    """Every question of the project's FAQ sets and precedents, and every entry's own question (``plain``)."""
    texts = set()
    for path in [*(ROOT / "tests/data").glob("faq_*.tsv"), *(ROOT / "messages/faq/precedents").glob("*.tsv")]:
        texts |= {plain(line.split("\t")[0]) for line in path.read_text("utf-8").splitlines() if line[:1] not in "#"}
    for path in (ROOT / "messages/faq").glob("*.toml"):
        for entry in tomllib.loads(path.read_text("utf-8")).get("entry", []):
            texts |= {plain(q) for q in entry.get("questions", [])}
    return texts


def main() -> int:
    # the labeller's instructions write the flag first (check_faq.py --relabel FILE): either order is read
    (path,), relabel = [Path(arg) for arg in sys.argv[1:] if arg != "--relabel"], "--relabel" in sys.argv
    ids = {i for i, _ in make_labels.entries()}
    places, purposes = map(set, make_labels.places_and_purposes())
    trees, seen, mine = set(make_labels.trees()), set() if relabel else held(), set()

    def why(line: str) -> list[str]:
        cols, found = line.split("\t"), []
        if len(cols) not in (2, 3):
            return ["needs question<TAB>expected[<TAB>tags]"]
        question, label = cols[0].strip(), cols[1].strip()
        if not known_label(label, ids, trees, places, purposes):
            found.append(f"unknown label {label}")
        if len(cols) == 3 and cols[2].strip() and not set(cols[2].strip().split(",")) <= set(make_labels.TAGS):
            found.append("unknown tag")
        if plain(question) in seen:
            found.append("already held (an earlier set, a precedent or an entry's own question)")
        elif holds_held(plain(question), seen):
            found.append("holds a held question whole, words put around it: write a new question, never reword one")
        if plain(question) in mine:
            found.append("duplicate")
        mine.add(plain(question))
        return found

    return check_lines(path, why, "questions")


if __name__ == "__main__":
    sys.exit(main())
