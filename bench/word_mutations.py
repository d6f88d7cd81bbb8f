"""Hand mutations of bot/nlu.py's module-level regexes and word lists, which mutmut does not touch.

Each mutation drops one alternative or entry, reverses a longest-first sort, or moves a limit by one; the unit
tests run against a copy of the tree with that one change (the working tree is never modified). Prints each
mutation as caught (a test failed) or missed, and the total. Run by hand (bench/README.md "Mutation testing"):

    .venv/bin/python bench/word_mutations.py                        # the unit tests that read text
    .venv/bin/python bench/word_mutations.py --without-boundaries   # the same without tests/unit/test_*_boundaries.py
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (what it breaks, text in bot/nlu.py, its replacement); each text occurs exactly once.
MUTATIONS = [
    ("past tense: drop 了", 'r"了|今天|昨天', 'r"今天|昨天'),
    ("past tense: drop 今天", "了|今天|昨天|前天", "了|昨天|前天"),
    ("past tense: drop 头先", "琴日|头先", "琴日"),
    ("question: drop ?", r"是真是假|\?|？|", r"是真是假|？|"),
    ("question: drop ？", r"是真是假|\?|？|", r"是真是假|\?|"),
    ("question: drop 多少", "么|为什么|为啥|多少|多久", "么|为什么|为啥|多久"),
    ("question: drop 为什么 (inside 什么)", "么|为什么|为啥", "么|为啥"),
    ("how many: drop 好 before 几", "(?<![十百千好])几", "(?<![十百千])几"),
    ("numbers: 仟 = 100", '"仟": 1000', '"仟": 100'),
    ("numbers: drop 俩", '"俩": 2,', ""),
    ("measure words: drop 颗", 'MEASURE_WORDS = "棵株颗', 'MEASURE_WORDS = "棵株'),
    ("vague: drop 一些", "|一些|若干", "|若干"),
    ("vague: drop the range", r"|{_RANGE_RE.pattern}", ""),
    ("range: drop 到", r"[-~到至]", r"[-~至]"),
    ("count: MAX_COUNT one less", "MAX_COUNT = 1_000_000", "MAX_COUNT = 999_999"),
    (
        "synonyms: shortest first",
        "_SYN_KEYS = sorted(SYNONYMS, key=len, reverse=True)",
        "_SYN_KEYS = sorted(SYNONYMS, key=len)",
    ),
    ("chit-chat: shortest first", "| _CHITCHAT, key=len, reverse=True)", "| _CHITCHAT, key=len)"),
    ("chit-chat: drop 早上好", '    "早上好",\n', ""),
    ("chit-chat: drop 好嘢", '    "好嘢",\n', ""),
    (
        "sites: shortest first",
        "for w in ws), key=lambda p: len(p[0]), reverse=True)",
        "for w in ws), key=lambda p: len(p[0]))",
    ),
    ("sites: drop 门口", '"房后", "门口",', '"房后",'),
    ("one-character species: drop 和 before", "种栽了和跟与及", "种栽了跟与及"),
    ("one-character species: drop the numerals before", '| set("0123456789") | set(_CN_NUM)', '| set("0123456789")'),
    ("代种: spaced names up to 4", "[{_CJK}·]{{2,5}})(?=\\s)", "[{_CJK}·]{{2,4}})(?=\\s)"),
    ("代种: packed names up to 3", "[{_CJK}·]{{2,4}}?)", "[{_CJK}·]{{2,3}}?)"),
    ("one-character species: drop 树 after", '_SINGLE_AFTER = set("树苗', '_SINGLE_AFTER = set("苗'),
    ("one-character species: drop 怎 after", "种栽要怎什几", "种栽要什几"),
    ("one-character species: drop 吧 after", '呢吗啊呀吧")', '呢吗啊呀")'),
    ("adoption: drop 认养", 'r"认种|认养|认捐"', 'r"认种|认捐"'),
    ("adoption done: drop 完", 'r"[了过完]|已经"', 'r"[了过]|已经"'),
    ("complaint: drop 枯", "变黄|黄叶|枯|死", "变黄|黄叶|死"),
    ("complaint: drop 不行了", "|歪了|不行了", "|歪了"),
    ("planted: drop 新种", "补种了?|新种|刚种", "补种了?|刚种"),
    ("planted for long: drop 礼拜", "(?:年|月|星期|礼拜)", "(?:年|月|星期)"),
]

# The unit tests that read text (the rest never call bot/nlu.py's rules).
TESTS = ["test_nlu.py", "test_planting.py", "test_faq.py", "test_pledges.py", "test_adoption.py"]


def run(without_boundaries: bool) -> int:
    source = (ROOT / "bot" / "nlu.py").read_text("utf-8")
    caught = 0
    with tempfile.TemporaryDirectory(prefix="word-mutations-") as tmp:
        tree = Path(tmp) / "tree"
        shutil.copytree(ROOT, tree, ignore=shutil.ignore_patterns(".git", "mutants", "__pycache__", "test-artifacts"))
        tests = [f"tests/unit/{name}" for name in TESTS]
        if not without_boundaries:
            tests += [str(p.relative_to(tree)) for p in sorted((tree / "tests" / "unit").glob("test_*_boundaries.py"))]
        for name, old, new in MUTATIONS:
            if source.count(old) != 1:
                print(f"  ?       {name}: the text to mutate is not in bot/nlu.py once")
                continue
            (tree / "bot" / "nlu.py").write_text(source.replace(old, new), "utf-8")
            result = subprocess.run(
                [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:xdist", *tests],
                cwd=tree,
                capture_output=True,
            )
            killed = result.returncode != 0
            caught += killed
            print(f"  {'caught' if killed else 'MISSED'}  {name}")
    print(f"{caught} of {len(MUTATIONS)} caught")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--without-boundaries", action="store_true", help="leave out tests/unit/test_*_boundaries.py")
    sys.exit(run(parser.parse_args().without_boundaries))
