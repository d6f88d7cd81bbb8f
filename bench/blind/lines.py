"""The blind kit's one problem loop (tidy82: check_faq.py and check_conv.py had each their copy).

``check_lines(path, why, noun)`` reads a set's lines (blank lines and ``#`` comments skipped), asks ``why(line)`` for
each line's problems, prints each as ``line N: <reason>: <the line's first 80 characters>`` (N as an editor shows it),
then ``<count> <noun>, <problems> problems``; it returns the exit code: 1 when there are problems, else 0.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def check_lines(path: Path, why: Callable[[str], list[str]], noun: str) -> int:
    count = problems = 0
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        count += 1
        for reason in why(line):
            problems += 1
            print(f"line {number}: {reason}: {line[:80]}")
    print(f"{count} {noun}, {problems} problems")
    return 1 if problems else 0
