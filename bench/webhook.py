"""Webhook throughput and latency: the real server against the floor of the stack. Run by hand.

    .venv/bin/python bench/webhook.py [--seconds 20] [--clients 32] [--threads 32] [--slices 4]
                                      [--texts mix|help] [--synchronous NORMAL|FULL] [--workers N] [--photos N]
                                      [--villages N] [--keep]

1. Starts the real bot (``python run.py --config <tmp> serve --no-scheduler``: waitress, a fresh
   SQLite database in a temp folder, 127.0.0.1 on a free port) and drives it with ``--clients``
   threads, each on its own keep-alive connection, posting signed text messages from 320 followers
   for ``--seconds``: ``--texts mix`` (default) rotates help, FAQ questions, a planting report and
   progress, so the figure includes the capabilities' work (FAQ matching, NLU); ``--texts help``
   sends only 帮助, the cheapest route, so the figure is the webhook core's own cost.
2. Does the same, in alternating slices (so other load on the machine hits both alike), to
   ``bench/echo_app.py``: Flask + wechatpy signature check + parse + TextReply, served by
   waitress with the same thread count: the floor of what the stack costs.
3. With ``--workers N`` (N > 1), also ``serve --workers N`` (``bot×N``) and the echo app forked into
   N processes on one socket (``echo×N``), in the same alternating slices.
4. With ``--photos N``, the bot's database holds N photos (media rows a day old, from N/5 other followers) before
   the run, as a campaign's would in its season: what a read that goes through every photo costs shows.
5. With ``--villages N``, the bot's roster holds N villages (a city: 1,200), imported before it starts: each text of
   the mix comes from a follower not registered yet, so 我的进度 is read against every village's name.

Prints, for each: messages/s, p50 and p99 latency, errors, the server's CPU per message (user +
system time of all its processes while driven, from /proc: unlike throughput, hardly moved by other
load on the machine) and its peak resident memory (the sum over its processes, VmRSS from /proc;
shared pages counted in each); the largest the bots' WAL file was (a checkpoint thread keeps it near 16 MB:
bot/checkpoints.py); then the ratios and the target checks. Targets on a 2-core machine (the load generator shares the cores): bot >= 0.7×
echo, p99 < 250 ms, 0 errors, RSS < 200 MB; with ``--workers 2``: bot×2 >= 0.7× echo×2 and >= 0.9×
the single-process echo.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness import (  # noqa: E402
    PYTHON,
    ROOT,
    Client,
    ServerProcess,
    Stats,
    clean_up,
    drive,
    free_port,
    import_villages,
    report_checks,
    write_config,
)
from bot.simulator import Signer, message_xml  # noqa: E402

TOKEN = "bench-token"
TEXT_SETS = {
    "mix": ["帮助", "桂花什么时候种", "3棵桂花", "我的进度", "香樟要浇多少水", "你好"],  # help, FAQ, planting, progress
    "help": ["帮助"],  # the cheapest route: what the webhook core itself costs
}


def post_texts(port: int, signer: Signer, texts: list[str]):
    """request(client_no, i): one signed text message from one of 10 followers per client."""
    clients: dict[int, Client] = {}

    def request(client_no: int, i: int) -> None:
        client = clients.setdefault(client_no, Client(port))
        openid = f"o-bench-{client_no:02d}-{i % 10}"
        xml = message_xml(openid, "text", {"Content": texts[(client_no + i) % len(texts)]})
        query, body = signer.wrap(xml)
        status, reply = client.post("/wechat?" + query, body)
        if status != 200:
            raise RuntimeError(f"HTTP {status}")
        if not reply:
            raise RuntimeError("empty reply")

    return request


def add_photos(database: Path, n: int) -> None:
    """``n`` photos, a day old, from ``n // 5`` followers other than the bench's (their replies stay the same)."""
    day_ago = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(time.time() - 86400))
    with sqlite3.connect(database, timeout=30) as conn:
        conn.executemany(
            "INSERT INTO media (openid, inbox_id, kind, media_id, status, attempts, created_at)"
            " VALUES (?, NULL, 'image', ?, 'stored', 0, ?)",
            ((f"o-season-{i % max(1, n // 5)}", f"season-{i}", day_ago) for i in range(n)),
        )


def sample_rss(servers: list[ServerProcess], wal: Path, wal_peak: list[int], stop: threading.Event) -> None:
    """Each server's peak RSS, and the largest the bots' WAL file (``wal``) has been (``wal_peak[0]``, bytes)."""
    while not stop.wait(0.5):
        for server in servers:
            server.rss()
        try:
            wal_peak[0] = max(wal_peak[0], wal.stat().st_size)
        except OSError:  # no WAL at this moment
            pass


def echo_server(folder: Path, threads: int, workers: int) -> ServerProcess:
    port = free_port()
    argv = [
        PYTHON,
        str(ROOT / "bench" / "echo_app.py"),
        "--port",
        str(port),
        "--token",
        TOKEN,
        "--threads",
        str(threads),
    ]
    return ServerProcess([*argv, "--workers", str(workers)], port=port, log_path=folder / f"echo-{workers}.log")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20, help="driving time per server")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--threads", type=int, default=32, help="waitress threads of both servers (server.threads: 32)")
    parser.add_argument("--slices", type=int, default=4, help="alternate bot/echo in this many slices (ABBA)")
    parser.add_argument(
        "--texts",
        choices=sorted(TEXT_SETS),
        default="mix",
        help="mix: help, FAQ questions, planting, progress; help: 帮助 only",
    )
    parser.add_argument(
        "--synchronous",
        choices=["NORMAL", "FULL"],
        default="NORMAL",
        help="the bot's storage.synchronous (FULL: a disk flush per group commit)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="also drive `serve --workers N` and an echo app of N processes (beside the single-process pair)",
    )
    parser.add_argument(
        "--photos", type=int, default=0, help="photos (media rows) in the bot's database before the run: a season's"
    )
    parser.add_argument("--villages", type=int, default=0, help="villages in the bot's roster first (a city: 1,200)")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder (database, server logs)")
    args = parser.parse_args(argv)
    signer = Signer(TOKEN)
    folder = Path(tempfile.mkdtemp(prefix="bench-webhook-"))
    config = write_config(
        folder / "bot",
        {
            "wechat.token": TOKEN,
            "wechat.api_base_url": "http://127.0.0.1:9/",  # never called
            "server.threads": args.threads,
            "storage.synchronous": args.synchronous,
        },
    )
    import_villages(config, args.villages)
    n = args.workers
    servers = {
        "bot": ServerProcess.serve(config, free_port(), log_path=folder / "bot.log"),
        "echo": echo_server(folder, args.threads, 1),
    }
    if n > 1:  # on one database: the pair measured second pays for the first's rows (a few per cent at most)
        servers[f"bot×{n}"] = ServerProcess.serve(config, free_port(), workers=n, log_path=folder / f"bot-{n}.log")
        servers[f"echo×{n}"] = echo_server(folder, args.threads, n)
    results = {name: Stats() for name in servers}
    cpu = {name: 0.0 for name in servers}  # server CPU seconds (all its processes) while driven
    print(
        f"{args.clients} clients, {args.seconds:.0f} s per server in {args.slices} alternating slices, "
        f"waitress threads={args.threads} per process, texts={args.texts}, synchronous={args.synchronous}, "
        f"{args.villages} villages, "
        f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores",
        flush=True,
    )
    stop = threading.Event()
    try:
        requests = {}
        for name, server in servers.items():
            server.start(timeout=180)
            requests[name] = post_texts(server.port, signer, TEXT_SETS[args.texts])
            drive(4 * max(1, len(server.children())), requests[name], per_client=25)  # warm-up: every worker
        if args.photos:
            add_photos(folder / "bot" / "data" / "bot.db", args.photos)
            print(f"the bot's database holds {args.photos} photos", flush=True)
        wal = folder / "bot" / "data" / "bot.db-wal"  # the bots' database (bot×N shares it)
        wal_peak = [0]
        threading.Thread(target=sample_rss, args=(list(servers.values()), wal, wal_peak, stop), daemon=True).start()
        # Alternating slices (ABBA: bot, echo, echo, bot, ...) so that other load on the machine hits all alike.
        names = list(servers)
        for i in range(args.slices):
            for name in names if i % 2 == 0 else names[::-1]:
                before = servers[name].cpu()
                drive(args.clients, requests[name], seconds=args.seconds / args.slices, stats=results[name])
                cpu[name] += servers[name].cpu() - before
    finally:
        stop.set()
        for server in servers.values():
            server.rss()
            server.stop()
        clean_up(folder, args.keep)
    for name, stats in results.items():
        per_message = cpu[name] / stats.count * 1000 if stats.count else float("nan")
        print(
            f"{name:7s} {stats.line()}  CPU {per_message:.3f} ms/msg  RSS {servers[name].peak_rss:.0f} MB", flush=True
        )
        for what, count in sorted(stats.errors.items(), key=lambda kv: -kv[1])[:5]:
            print(f"        error x{count}: {what}")

    print(f"the bots' WAL file: at most {wal_peak[0] / 1e6:.1f} MB while driven")

    def ratio(a: str, b: str) -> float:
        return results[a].rate / results[b].rate if results[b].rate else 0.0

    def cost(name: str) -> float:
        return cpu[name] / results[name].count if results[name].count else float("nan")

    # The server's CPU per message does not depend on what else the machine runs: echo's cost over the bot's
    # is the ratio the throughputs would have if the server alone were the bottleneck.
    print(
        f"bot/echo throughput: {ratio('bot', 'echo'):.2f}×, echo/bot CPU per message: {cost('echo') / cost('bot'):.2f}×"
    )
    checks = {
        "bot >= 0.7× echo": ratio("bot", "echo") >= 0.7,
        "p99 < 250 ms": results["bot"].percentile(99) < 250,
        "0 errors": not any(stats.error_count for stats in results.values()),
        "RSS < 200 MB": servers["bot"].peak_rss < 200,
    }
    if n > 1:
        print(
            f"bot×{n}/echo×{n}: {ratio(f'bot×{n}', f'echo×{n}'):.2f}×, bot×{n}/echo: {ratio(f'bot×{n}', 'echo'):.2f}×"
        )
        checks[f"bot×{n} >= 0.7× echo×{n}"] = ratio(f"bot×{n}", f"echo×{n}") >= 0.7
        checks[f"bot×{n} >= 0.9× echo"] = ratio(f"bot×{n}", "echo") >= 0.9
    return report_checks(checks, miss="MISS")


if __name__ == "__main__":
    sys.exit(main())
