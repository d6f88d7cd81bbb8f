"""Two versions of the bot side by side, driven at the same time: a change's CPU per message. Run by hand.

    .venv/bin/python bench/ab_trees.py OTHER_TREE [--texts mix|help] [--clients 16] [--seconds 15] [--rounds 4]
                                      [--workers N] [--villages N]

``OTHER_TREE`` is another checkout of the project (e.g. ``git worktree add /tmp/base main``, or
``git archive main | tar -x -C /tmp/base``). Starts ``serve --no-scheduler`` from it and from this tree (each on
its own fresh database) and drives both at once, ``--clients`` keep-alive clients each, for ``--rounds`` rounds
of ``--seconds``; prints per round each server's messages/s and CPU per message (user + system time from /proc).

Why at once rather than in turns (bench/webhook.py): on the shared 2-core machine the other load moves a
server's CPU per message by 10–20 % from one minute to the next, more than most single changes save; driven
at the same moment, both see the same load, and a difference that holds in every round is the change's. The
load generator shares the cores and the GIL of one process, so compare the two servers, not the absolute figures.
``--villages 1200`` gives both databases a city's roster first (``run.py import villages``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness import (  # noqa: E402
    PYTHON,
    ROOT,
    ServerProcess,
    Stats,
    clean_up,
    drive,
    free_port,
    import_villages,
    write_config,
)
from bench.webhook import TEXT_SETS, TOKEN, post_texts  # noqa: E402
from bot.simulator import Signer  # noqa: E402


def bot_server(tree: Path, folder: Path, name: str, workers: int = 1, villages: int = 0) -> ServerProcess:
    config = write_config(folder / name, {"wechat.token": TOKEN, "wechat.api_base_url": "http://127.0.0.1:9/"})
    import_villages(config, villages, tree)
    port = free_port()
    argv = [PYTHON, str(tree / "run.py"), "--config", str(config), "serve", "--host", "127.0.0.1", "--port", str(port)]
    if workers > 1:
        argv += ["--workers", str(workers)]
    return ServerProcess([*argv, "--no-scheduler"], port=port, log_path=folder / f"{name}.log")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("other", type=Path, help="another checkout of the project")
    parser.add_argument("--texts", choices=sorted(TEXT_SETS), default="mix")
    parser.add_argument("--clients", type=int, default=16, help="clients per server")
    parser.add_argument("--seconds", type=float, default=15, help="per round")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--workers", type=int, default=1, help="serve --workers N, both servers")
    parser.add_argument("--villages", type=int, default=0, help="villages in both rosters (a city: 1,200)")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder (databases, server logs)")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="bench-ab-"))
    servers = {
        "other": bot_server(args.other.resolve(), folder, "other", args.workers, args.villages),
        "this": bot_server(ROOT, folder, "this", args.workers, args.villages),
    }
    signer = Signer(TOKEN)
    print(
        f"{args.clients} clients per server, texts={args.texts}, {args.villages} villages, other tree: {args.other}",
        flush=True,
    )
    try:
        requests = {}
        for name, server in servers.items():
            server.start(timeout=180)
            requests[name] = post_texts(server.port, signer, TEXT_SETS[args.texts])
            drive(4, requests[name], per_client=50)  # warm-up
        for round_no in range(1, args.rounds + 1):
            stats = {name: Stats() for name in servers}
            before = {name: server.cpu() for name, server in servers.items()}
            drivers = [
                threading.Thread(
                    target=drive,
                    args=(args.clients, requests[name]),
                    kwargs={"seconds": args.seconds, "stats": stats[name]},
                )
                for name in servers
            ]
            for driver in drivers:
                driver.start()
            for driver in drivers:
                driver.join()
            figures = [
                f"{name} {stats[name].count / args.seconds:6.0f} msg/s "
                f"CPU {(server.cpu() - before[name]) / max(stats[name].count, 1) * 1000:.3f} ms/msg "
                f"errors {stats[name].error_count}"
                for name, server in servers.items()
            ]
            load = os.getloadavg()[0]
            print(f"round {round_no} (load average {load:.1f}): " + " | ".join(figures), flush=True)
    finally:
        for server in servers.values():
            server.stop()
        clean_up(folder, args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
