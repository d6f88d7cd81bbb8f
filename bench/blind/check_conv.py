"""Check a blind conversation set before it is used: contexts and kinds the harness knows, none repeated or held.

Run by hand:  .venv/bin/python bench/blind/check_conv.py FILE

The contexts and kinds are the harness's own (tests/e2e/test_conversation_probes.py ``CONTEXTS``, ``KINDS``); a
probe already in a set of tests/data in the same context is refused (a bare command, four characters or fewer, may
come again).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.blind.lines import check_lines  # noqa: E402
from tests.e2e.test_conversation_probes import CONTEXTS, KINDS  # noqa: E402


def held() -> set[tuple[str, str]]:
    probes = set()
    for path in (ROOT / "tests/data").glob("conversation_*.tsv"):
        for line in path.read_text("utf-8").splitlines():
            cols = line.split("\t")
            if line.strip() and not line.startswith("#") and len(cols) > 1:
                probes.add((cols[0].strip(), cols[1].strip()))
    return probes


def main() -> int:
    seen, mine = held(), set()

    def why(line: str) -> list[str]:
        cols, found = line.split("\t"), []
        if len(cols) != 4:
            return ["needs context<TAB>message<TAB>expected<TAB>note"]
        context, message, kind = cols[0].strip(), cols[1].strip(), cols[2].strip()
        found += [f"unknown context {context}"] if context not in CONTEXTS else []
        found += [f"unknown kind {kind}"] if kind not in KINDS else []
        found += ["twice needs ' || '"] if context == "twice" and "||" not in message else []
        found += ["' || ' only in context twice"] if context != "twice" and "||" in message else []
        found += ["already in a set of tests/data"] if (context, message) in seen and len(message) > 4 else []
        found += ["duplicate"] if (context, message) in mine else []
        mine.add((context, message))
        return found

    return check_lines(Path(sys.argv[1]), why, "probes")


if __name__ == "__main__":
    sys.exit(main())
