"""Where a bot process's memory goes: resident memory after each step of its start and its first messages. Run by hand.

    .venv/bin/python bench/memory.py [--trace]

Imports the app, builds it on a fresh SQLite file in a temp folder, then sends the texts of ``bench/webhook.py
--texts mix`` once each (and a voice-like pledge with a misheard tree name) through the real /wechat route of
Flask's test client, printing VmRSS (from ``/proc/self/status``) after each. One thread, one connection: the
figure of ``bench/webhook.py`` (32 waitress threads under load) is some 10 MB above the last line. ``--trace``
also starts tracemalloc and prints the largest allocations of each step and at the end, by file (tracing itself
roughly doubles the resident figures: read the traced sizes, not the RSS, then).
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TEXTS = ["帮助", "桂花什么时候种", "3棵桂花", "我的进度", "香樟要浇多少水", "你好", "认领两棵利枝"]


def rss_mb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return 0


def largest(before, after, floor: int = 1_000_000) -> list[str]:
    return [f"    {stat}" for stat in after.compare_to(before, "filename")[:4] if stat.size_diff > floor]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trace", action="store_true", help="tracemalloc: the largest allocations of each step")
    args = parser.parse_args(argv)
    if args.trace:
        tracemalloc.start(1)
    print(f"{'python':<24}{rss_mb():>5} MB")
    from bot import config as config_mod
    from bot.app import create_app
    from bot.simulator import Signer, WeChatUser

    print(f"{'import bot.app':<24}{rss_mb():>5} MB")
    folder = Path(tempfile.mkdtemp(prefix="bench-memory-"))
    config = config_mod.load(ROOT / "config.toml", env={}).with_overrides(
        {
            "storage.database": str(folder / "bot.db"),
            "storage.photos": str(folder / "photos"),
            "wechat.token": "bench",
            "wechat.app_id": "wxbench",
            "wechat.api_base_url": "http://127.0.0.1:9/",  # nothing is sent: no scheduler, no outbox sender
        }
    )
    app = create_app(config)
    print(f"{'create_app':<24}{rss_mb():>5} MB")
    client = app.test_client()

    def transport(query: str, body: bytes):
        response = client.post("/wechat?" + query, data=body, content_type="text/xml")
        return response.status_code, response.data

    user = WeChatUser(transport, Signer("bench", "", "wxbench"), openid="o-bench-memory")
    for text in TEXTS:
        before = tracemalloc.take_snapshot() if args.trace else None
        user.says(text)
        gc.collect()
        print(f"{'after ' + text:<24}{rss_mb():>5} MB")
        if before is not None:
            print("\n".join(largest(before, tracemalloc.take_snapshot())))
    if args.trace:
        stats = tracemalloc.take_snapshot().statistics("filename")
        print(f"traced in all: {sum(s.size for s in stats) // 2**20} MB; the largest:")
        print("\n".join(f"    {stat}" for stat in stats[:12]))
    app.extensions["bot"].databases.close_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())
