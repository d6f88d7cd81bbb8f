"""Where a bot process's memory goes: resident memory after each step of its start and its first messages. Run by hand.

    .venv/bin/python bench/memory.py [--trace] [--parts]
    .venv/bin/python bench/memory.py --serve N [--seconds 10] [--tree DIR]   # real `serve` processes: RSS, PSS, USS


Imports the app, builds it on a fresh SQLite file in a temp folder, then sends the texts of ``bench/webhook.py
--texts mix`` once each (and a voice-like pledge with a misheard tree name) through the real /wechat route of
Flask's test client, printing VmRSS (from ``/proc/self/status``) after each. One thread, one connection: the
figure of ``bench/webhook.py`` (32 waitress threads under load) is some 10 MB above the last line. ``--trace``
also starts tracemalloc and prints the largest allocations of each step and at the end, by file (tracing itself
roughly doubles the resident figures: read the traced sizes, not the RSS, then). ``--parts`` prints, after the
texts, the MB each large part of the FAQ index holds (``faq_parts``: the precedents' texts, labels, n-gram postings,
the model, the tokenizer, the matcher's own tables), then what RSS ``malloc_trim`` gives back (issue 17, memory round
101: the breakdown in README's row of ``bench/webhook.py``).

``--serve N`` starts the real server instead (``serve --no-scheduler``; N > 1: ``--workers N``, the pre-fork master,
its workers and writer process) from this tree or ``--tree``, drives it with ``bench/webhook.py``'s mixed texts for
``--seconds`` (32 clients), and prints each process's memory from ``/proc/<pid>/smaps_rollup``: RSS (shared pages
counted whole in each), PSS (shared pages split among the processes that share them; the column adds up to what the
deployment costs) and USS (pages of its own only: what stopping it would give back). Issue 21, twelfth round.
Then (issue 17, memory round mem102) followers not registered yet register by a name beside a roster village
(``埔心村 陈国强``, ``李秀英 埔心村``: ``REGISTRATIONS``; 埔心村 imported before the server starts), one at a time,
each reply's time printed (the first pays what the path loads the first time), and the memory printed again: the
path that weighs such a name (handlers/registration.py ``_may_be_a_name``) is in the figure, not only the drive's.
"""

from __future__ import annotations

import argparse
import gc
import re
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# names said beside a village by followers not registered yet (a name jieba counts as a person's: 陈国强, 张国强; one
# it hardly knows: 李秀英, 黄桂英), in both orders
REGISTRATION_NAMES = [
    "陈国强",
    "李秀英",
    "张国强",
    "黄桂英",
    "罗美玲",
    "钟丽芳",
    "林木兰",
    "何金兰",
    "冯亚妹",
    "叶振华",
]
REGISTRATIONS = [f"埔心村 {name}" if i % 2 == 0 else f"{name} 埔心村" for i, name in enumerate(REGISTRATION_NAMES)]
TEXTS = ["帮助", "桂花什么时候种", "3棵桂花", "我的进度", "香樟要浇多少水", "你好", "认领两棵利枝"]


def rss_mb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return 0


def largest(before, after, floor: int = 1_000_000) -> list[str]:
    return [f"    {stat}" for stat in after.compare_to(before, "filename")[:4] if stat.size_diff > floor]


def deep_size(obj: object, seen: set[int]) -> int:
    """Bytes ``obj`` holds: a numpy array's buffer (its base's, if a view: an array, bytes, or a memoryview of what
    pickle read), each Python object's ``sys.getsizeof``
    through containers and instances' attributes; what ``seen`` already holds is not counted again."""
    import numpy as np

    total, stack = 0, [obj]
    while stack:
        item = stack.pop()
        if id(item) in seen or isinstance(item, type) or callable(item) and not hasattr(item, "__dict__"):
            continue
        seen.add(id(item))
        total += item.nbytes if isinstance(item, memoryview) else sys.getsizeof(item)
        if isinstance(item, np.ndarray):
            stack += [] if item.base is None else [item.base]
        elif isinstance(item, dict):
            stack += [*item.keys(), *item.values()]
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack += list(item)
        else:
            stack += [getattr(item, name) for name in getattr(type(item), "__slots__", ()) if hasattr(item, name)]
            stack += [vars(item)] if hasattr(item, "__dict__") and not isinstance(item, type(sys)) else []
    return total


def faq_parts(index) -> list[tuple[str, int]]:
    """(part, bytes) of a FAQ index, largest first: the precedents' parts, then the index's attributes (what
    an earlier part reached is counted there only)."""
    seen: set[int] = set()
    precedents = index.precedents
    parts = [
        ("precedents' texts", deep_size(precedents.texts, seen)),
        ("precedents' labels", deep_size(precedents.labels, seen)),
        ("precedents' n-gram postings", deep_size(precedents.ngrams, seen)),
        ("the model", deep_size(precedents.model, seen)),
        ("the tokenizer (jieba, domain words)", deep_size(index._tok, seen)),
    ]
    parts += [(f"index.{name}", deep_size(value, seen)) for name, value in vars(index).items()]
    return sorted(parts, key=lambda part: -part[1])


def smaps(pid: int) -> dict[str, int]:
    """Rss, Pss, Private_Clean, Private_Dirty … of a process in kB (``/proc/<pid>/smaps_rollup``)."""
    found = {}
    with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
        for line in rollup:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "kB":
                found[parts[0].rstrip(":")] = int(parts[1])
    return found


def import_village(config: Path, tree: Path, name: str = "埔心村") -> None:
    """One roster village, through ``run.py import villages`` of ``tree`` before its server starts."""
    import subprocess

    from bench.harness import PYTHON

    roster = config.parent / "villages.csv"
    roster.write_text(f"名称\n{name}\n", encoding="utf-8")
    argv = [PYTHON, str(tree / "run.py"), "--config", str(config), "import", "villages", str(roster)]
    subprocess.run(argv, cwd=tree, check=True, stdout=subprocess.DEVNULL)


def register_followers(port: int, signer, texts: list[str]) -> list[float]:
    """Each text from a follower of its own not registered yet, one at a time: each reply's time in seconds."""
    from bench.harness import Client
    from bot.simulator import message_xml

    client, times = Client(port, timeout=60), []
    for i, text in enumerate(texts):
        query, body = signer.wrap(message_xml(f"o-bench-new-{i:02d}", "text", {"Content": text}))
        started = time.perf_counter()
        status, reply = client.post("/wechat?" + query, body)
        times.append(time.perf_counter() - started)
        if status != 200 or not reply:
            raise RuntimeError(f"HTTP {status} for {text}")
    return times


def memory_rows(server) -> list[tuple[str, list[int]]]:
    """(process, [RSS, PSS, USS] in kB) of the server and its children (the master's workers, writer process)."""
    log = (server.log_path).read_text(encoding="utf-8", errors="replace")
    names = {int(pid): f"worker {number}" for number, pid in re.findall(r"worker (\d+) \(pid (\d+)\) serving", log)}
    names.update({int(pid): "writer process" for pid in re.findall(r"writer process \(pid (\d+)\)", log)})
    children = server.children()
    named = [("master" if children else "serve", server.pid)]
    named += [(names.get(pid, f"pid {pid}"), pid) for pid in children]
    rows = []
    for name, pid in named:
        found = smaps(pid)
        rows.append((name, [found["Rss"], found["Pss"], found.get("Private_Clean", 0) + found.get("Private_Dirty", 0)]))
    return rows


def print_memory(rows: list[tuple[str, list[int]]], title: str) -> None:
    print(f"{title:<28}{'RSS':>8}{'PSS':>8}{'USS':>8}  MB")
    for name, row in rows:
        print(f"  {name:<26}" + "".join(f"{kb / 1024:8.1f}" for kb in row))
    if len(rows) > 1:
        totals = [sum(row[i] for _, row in rows) for i in range(3)]
        print(f"  {'all':<26}" + "".join(f"{kb / 1024:8.1f}" for kb in totals))


def serve(workers: int, seconds: float, tree: Path) -> int:
    from bench.harness import PYTHON, ServerProcess, clean_up, drive, free_port, write_config
    from bench.webhook import TEXT_SETS, TOKEN, post_texts
    from bot.simulator import Signer

    folder = Path(tempfile.mkdtemp(prefix="bench-memory-"))
    config = write_config(folder, {"wechat.token": TOKEN, "wechat.api_base_url": "http://127.0.0.1:9/"})
    import_village(config, tree)
    port = free_port()
    argv = [PYTHON, str(tree / "run.py"), "--config", str(config), "serve", "--host", "127.0.0.1", "--port", str(port)]
    argv += ["--no-scheduler", *(["--workers", str(workers)] if workers > 1 else [])]
    server = ServerProcess(argv, port=port, log_path=folder / "serve.log")
    try:
        server.start(timeout=300)  # a first start trains the FAQ model (~30-40 s of CPU)
        signer = Signer(TOKEN)
        stats = drive(32, post_texts(port, signer, TEXT_SETS["mix"]), seconds=seconds)
        time.sleep(1)
        print(f"tree {tree}, serve{f' --workers {workers}' if workers > 1 else ''}; {stats.line()}")
        print_memory(memory_rows(server), "after the drive")
        times = register_followers(port, signer, REGISTRATIONS)
        rest = sorted(times[1:])
        print(
            f"{len(times)} followers registered by a name beside a village ({REGISTRATIONS[0]}, {REGISTRATIONS[1]} …):"
            f" the first reply {times[0] * 1000:.0f} ms, the others' median {rest[len(rest) // 2] * 1000:.0f} ms"
        )
        time.sleep(1)
        print_memory(memory_rows(server), "after the registrations")
        return 0
    finally:
        server.stop()
        clean_up(folder, False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trace", action="store_true", help="tracemalloc: the largest allocations of each step")
    parser.add_argument("--parts", action="store_true", help="the FAQ index's parts in MB, then malloc_trim's gain")
    parser.add_argument("--serve", type=int, help="real `serve` processes (N > 1: --workers N): RSS, PSS, USS each")
    parser.add_argument("--seconds", type=float, default=10, help="--serve: driven this long first (mixed texts)")
    parser.add_argument("--tree", type=Path, default=ROOT, help="--serve: the checkout to serve")
    args = parser.parse_args(argv)
    if args.serve:
        return serve(args.serve, args.seconds, args.tree.resolve())
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
    if args.parts:
        from bot import serving
        from bot.faq import FaqIndex

        index = next(o for o in gc.get_objects() if isinstance(o, FaqIndex))
        shown = [(name, size) for name, size in faq_parts(index) if size >= 2**19]
        print("\n".join(f"    {name:<40}{size / 2**20:6.1f} MB" for name, size in shown))
        serving.give_back_freed_memory()
        print(f"{'after malloc_trim':<24}{rss_mb():>5} MB")
    app.extensions["bot"].databases.close_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())
