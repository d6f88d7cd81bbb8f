"""Where a server's CPU goes, thread by thread, and what its writer threads wait for. Run by hand.

    .venv/bin/python bench/threads.py [--workers N] [--clients 32] [--seconds 15] [--texts mix|help] [--tree DIR]

Starts ``serve --no-scheduler`` (``--workers N``: the pre-fork master and N workers) from this tree or ``--tree``,
instrumented: every thread's name is given to the kernel (so /proc shows ``message-writer``, ``waitress-3``,
``wal-checkpoint`` … instead of ``python``), and each worker counts its writer's groups (messages, wall and CPU time),
the time it waited for the write lock (this process's threads and the lock file the processes share) and its WAL
checkpoint passes. Drives it like bench/webhook.py for ``--seconds`` and prints, per kind of thread, user and system
CPU time and context switches per message (from /proc), then each worker's counters.

Issue 21, ninth round: this showed where ``serve --workers 2`` spent more per message than one process (its writers'
groups half the size, each waiting ~10 ms for the other's lock; the lock held by one writer or the other practically
all the time; the lock file taken with a hand-over of the GIL). The counters cost a few µs a group; compare two trees
with the same script (``--tree``), not these figures with bench/webhook.py's.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

INSIDE = "--instrumented-serve"  # argv[1] of the server process this script starts
PROFILE_ENV = "BENCH_THREADS_PROFILE"  # the folder for the server's profiles (``--profile``)


def _profile_threads(folder: Path) -> None:
    """``--profile``: cProfile of each thread that serves, its stats written to ``folder`` as ``<kind>-<pid>-<tid>.prof``
    (a worker's request threads around each request, its main loop around each pass, its courier around each group, at
    most every second once the thread is through a call; the writer process's main thread over its whole loop, when it
    ends)."""
    import cProfile
    import threading

    import waitress.channel

    import bot.serving
    import bot.writer

    profilers: dict[int, tuple[cProfile.Profile, list[float]]] = {}

    def profiled(kind: str, function):
        def call(*args, **kwargs):
            tid = threading.get_ident()
            found = profilers.get(tid)
            if found is None:
                found = profilers[tid] = (cProfile.Profile(time.thread_time), [time.monotonic()])
            profiler, dumped = found
            profiler.enable()
            try:
                return function(*args, **kwargs)
            finally:
                profiler.disable()
                if time.monotonic() - dumped[0] > 1.0:
                    dumped[0] = time.monotonic()
                    profiler.dump_stats(str(folder / f"{kind}-{os.getpid()}-{tid}.prof"))

        return call

    waitress.channel.HTTPChannel.service = profiled("request", waitress.channel.HTTPChannel.service)  # type: ignore[method-assign]
    bot.serving.poll_loop = profiled("main-loop", bot.serving.poll_loop)  # type: ignore[attr-defined]
    bot.writer.RemoteWriter.write_group = profiled("courier", bot.writer.RemoteWriter.write_group)  # type: ignore[method-assign]
    serve_writer = bot.writer.serve_writer

    def profiled_serve_writer(*args, **kwargs):
        profiler = cProfile.Profile(time.thread_time)
        profiler.enable()
        try:
            return serve_writer(*args, **kwargs)
        finally:
            profiler.disable()
            profiler.dump_stats(str(folder / f"writer-process-{os.getpid()}-0.prof"))

    bot.writer.serve_writer = profiled_serve_writer  # type: ignore[attr-defined]


def _instrumented_serve(tree: Path, argv: list[str], counters_folder: Path, profile_folder: Path | None = None) -> None:
    """In the server process: thread names for /proc, the writer's and the lock's counters, then run.py."""
    import ctypes
    import runpy
    import threading

    sys.path.insert(0, str(tree))
    libc = ctypes.CDLL(None)
    bootstrap = threading.Thread._bootstrap_inner  # type: ignore[attr-defined]

    def named(thread):
        libc.prctl(15, thread.name[:15].encode(), 0, 0, 0)  # PR_SET_NAME
        return bootstrap(thread)

    threading.Thread._bootstrap_inner = named  # type: ignore[attr-defined]

    import bot.checkpoints
    import bot.db
    import bot.writer

    counters: dict[str, float] = {}
    dumping: list[int] = []

    def add(key: str, value: float = 1.0) -> None:
        counters[key] = counters.get(key, 0.0) + value

    def dump_every_second() -> None:
        while True:
            time.sleep(0.5)
            (counters_folder / f"{os.getpid()}.json").write_text(json.dumps(counters))

    writer = bot.writer.MessageWriter
    write_group = getattr(writer, "write_group", None)  # the writer thread's step and the writer process's
    write, fill = writer._write, getattr(writer, "_fill", None)
    size = [0]

    def started_counting() -> None:
        if dumping != [os.getpid()]:  # the first group of this (forked) process
            dumping[:] = [os.getpid()]
            threading.Thread(target=dump_every_second, name="bench-counters", daemon=True).start()

    def counted_write(self, group):
        started_counting()
        wall, cpu = time.perf_counter(), time.thread_time()
        write(self, group)
        add("groups")
        add("messages", len(group) if isinstance(group, list) else size[0])
        add("group_wall", time.perf_counter() - wall)
        add("group_cpu", time.thread_time() - cpu)

    def counted_write_group(self, group, fill=None):
        started_counting()
        wall, cpu = time.perf_counter(), time.thread_time()
        write_group(self, group, fill)
        add("groups")
        add("messages", len(group))
        add("group_wall", time.perf_counter() - wall)
        add("group_cpu", time.thread_time() - cpu)

    remote = getattr(bot.writer, "RemoteWriter", None)
    if remote is not None:  # a worker's courier: its process's counters (the garbage collector's) are written too
        courier_group = remote.write_group

        def counted_courier_group(self, group, fill=None):
            started_counting()
            return courier_group(self, group, fill)

        remote.write_group = counted_courier_group  # type: ignore[attr-defined]
    serve_writer = getattr(bot.writer, "serve_writer", None)
    if serve_writer is not None:  # the writer process of ``serve --workers N``: its main thread named for /proc

        def named_serve_writer(*args, **kwargs):
            libc.prctl(15, b"writer-process", 0, 0, 0)
            return serve_writer(*args, **kwargs)

        bot.writer.serve_writer = named_serve_writer  # type: ignore[attr-defined]
    if write_group is not None:
        writer.write_group = counted_write_group  # type: ignore[attr-defined]
    else:
        writer._write = counted_write  # type: ignore[method-assign]
    if fill is not None and write_group is None:  # the writer that fills its group once it holds the write lock

        def counted_fill(self, group):
            fill(self, group)
            size[0] = len(group)

        writer._fill = counted_fill  # type: ignore[attr-defined]

    lock = bot.db.WriteLock
    acquire, lock_file = lock.acquire, lock._lock_file

    release = lock.release

    def counted_acquire(self, blocking=True, timeout=-1):
        started = time.perf_counter()
        depth = self._depth if self._threads._is_owned() else 0
        taken = False
        try:
            taken = acquire(self, blocking, timeout)
            return taken
        finally:
            if depth == 0:  # not a nested acquire of a lock this thread holds
                add("lock_takes")
                add("lock_wait", time.perf_counter() - started)
                if taken:
                    self._bench_taken = time.perf_counter()

    def counted_release(self):
        outermost = self._depth == 1
        release(self)
        if outermost:  # the lock file let go: how long this process held it
            add("lock_held", time.perf_counter() - self._bench_taken)

    def counted_lock_file(self, blocking, timeout):
        started = time.perf_counter()
        try:
            return lock_file(self, blocking, timeout)
        finally:
            add("lock_file_wait", time.perf_counter() - started)

    lock.acquire = counted_acquire  # type: ignore[method-assign]
    lock.release = counted_release  # type: ignore[method-assign]
    lock._lock_file = counted_lock_file  # type: ignore[method-assign]

    checkpointer = bot.checkpoints.Checkpointer
    passive = checkpointer._passive

    def counted_passive(self, db, locked):
        started = time.perf_counter()
        done = passive(self, db, locked)
        add("checkpoints_locked" if locked else "checkpoints")
        add("checkpoint_wall", time.perf_counter() - started)
        return done

    checkpointer._passive = counted_passive  # type: ignore[method-assign]
    import gc

    collecting: dict[int, int] = {}

    def counted_collection(phase: str, info: dict) -> None:  # the garbage collector's passes, in every thread
        if phase == "start":
            collecting[threading.get_ident()] = time.thread_time_ns()
        else:
            add("gc_passes")
            add(f"gc_passes_{info.get('generation')}")
            add("gc_cpu", (time.thread_time_ns() - collecting.pop(threading.get_ident(), time.thread_time_ns())) / 1e9)

    gc.callbacks.append(counted_collection)
    if profile_folder is not None:
        _profile_threads(profile_folder)
    os.chdir(tree)
    sys.argv = [str(tree / "run.py"), *argv]
    runpy.run_path(str(tree / "run.py"), run_name="__main__")


def _threads(pid: int) -> dict[tuple[int, str], tuple[str, float, float, int, int]]:
    """(pid, tid) -> (name, user s, system s, voluntary and involuntary context switches) of each thread of ``pid``."""
    tick = os.sysconf("SC_CLK_TCK")
    found = {}
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            stat, name, status = ((task / f).read_text() for f in ("stat", "comm", "status"))
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        switches = {
            k: int(v) for k, v in (line.split(":\t") for line in status.splitlines() if "ctxt_switches" in line)
        }
        found[(pid, task.name)] = (
            name.strip(),
            int(fields[11]) / tick,
            int(fields[12]) / tick,
            switches["voluntary_ctxt_switches"],
            switches["nonvoluntary_ctxt_switches"],
        )
    return found


def _kind(name: str, master: bool) -> str:
    kind = name.rstrip("0123456789").rstrip("-") if name.startswith("waitress") else name
    kind = {"python": "main (waitress' loop)"}.get(kind, kind)
    return f"master: {kind}" if master else kind


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--texts", default="mix")
    parser.add_argument("--tree", type=Path, default=Path(__file__).resolve().parents[1], help="the checkout to serve")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder (database, server log)")
    parser.add_argument(
        "--profile", action="store_true", help="cProfile each serving thread; print the top functions of each kind"
    )
    parser.add_argument("--top", type=int, default=25, help="functions printed a kind for --profile")
    parser.add_argument("--sort", default="tottime", help="pstats' order for --profile (tottime, cumulative)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench.harness import PYTHON, ServerProcess, children_of, clean_up, drive, free_port, write_config
    from bench.webhook import TEXT_SETS, TOKEN, post_texts
    from bot.simulator import Signer

    folder = Path(tempfile.mkdtemp(prefix="bench-threads-"))
    counters_folder = folder / "counters"
    counters_folder.mkdir()
    profile_folder = folder / "profiles"
    if args.profile:
        profile_folder.mkdir()
        os.environ[PROFILE_ENV] = str(profile_folder)
    config = write_config(folder / "bot", {"wechat.token": TOKEN, "wechat.api_base_url": "http://127.0.0.1:9/"})
    port = free_port()
    serve = ["--config", str(config), "serve", "--host", "127.0.0.1", "--port", str(port), "--no-scheduler"]
    if args.workers > 1:
        serve += ["--workers", str(args.workers)]
    inside = [PYTHON, str(Path(__file__).resolve()), INSIDE, str(args.tree.resolve()), str(counters_folder), *serve]
    server = ServerProcess(inside, port=port, log_path=folder / "server.log")

    def counters() -> dict[str, dict[str, float]]:
        return {path.stem: json.loads(path.read_text() or "{}") for path in counters_folder.glob("*.json")}

    def snapshot():
        found = {}
        for pid in [server.pid, *children_of(server.pid)]:
            found.update(_threads(pid))
        return found

    try:
        server.start(timeout=180)
        request = post_texts(port, Signer(TOKEN), TEXT_SETS[args.texts])
        drive(4, request, per_client=50)  # warm-up: the FAQ index, the plans
        time.sleep(1.2)
        counted, before, load = counters(), snapshot(), os.getloadavg()[0]
        stats = drive(args.clients, request, seconds=args.seconds)
        after = snapshot()
        time.sleep(1.2)
        counted_after = counters()
    finally:
        server.stop()
    n = max(stats.count, 1)
    print(
        f"tree {args.tree}, workers {args.workers}, {args.clients} clients, texts={args.texts}, "
        f"load average before: {load:.1f}"
    )
    print(f"{stats.line()}  {stats.errors or ''}")
    kinds: dict[str, list[float]] = {}
    for key, (name, user, system, voluntary, involuntary) in after.items():
        _, user0, system0, voluntary0, involuntary0 = before.get(key, (name, 0.0, 0.0, 0, 0))
        row = kinds.setdefault(_kind(name, args.workers > 1 and key[0] == server.pid), [0.0, 0.0, 0.0, 0.0])
        for i, value in enumerate((user - user0, system - system0, voluntary - voluntary0, involuntary - involuntary0)):
            row[i] += value
    total = 0.0
    print("CPU a message by thread (ms user + system; context switches a message, voluntary / involuntary):")
    for kind, (user, system, voluntary, involuntary) in sorted(kinds.items(), key=lambda kv: -kv[1][0] - kv[1][1]):
        if user + system + voluntary:
            total += user + system
            print(
                f"  {kind:24s} {user / n * 1000:6.3f} + {system / n * 1000:6.3f} ms"
                f"   {voluntary / n:5.2f} / {involuntary / n:5.2f}"
            )
    print(f"  {'all':24s} {total / n * 1000:6.3f} ms")
    for pid, values in sorted(counted_after.items()):
        d = {key: value - counted.get(pid, {}).get(key, 0.0) for key, value in values.items()}
        groups, messages = max(d.get("groups", 0), 1), max(d.get("messages", 0), 1)
        print(
            f"pid {pid}: {d.get('messages', 0):.0f} messages in {d.get('groups', 0):.0f} groups "
            f"({messages / groups:.1f} a group); a group {d.get('group_wall', 0) / groups * 1000:.1f} ms wall, "
            f"{d.get('group_cpu', 0) / groups * 1000:.2f} ms CPU ({d.get('group_cpu', 0) / messages * 1000:.3f} a message); "
            f"write lock taken {d.get('lock_takes', 0):.0f} times, held {d.get('lock_held', 0):.2f} s "
            f"({d.get('lock_held', 0) / messages * 1000:.2f} ms a message), waited {d.get('lock_wait', 0):.2f} s "
            f"(for the lock file {d.get('lock_file_wait', 0):.2f} s); checkpoints {d.get('checkpoints', 0):.0f} "
            f"+ {d.get('checkpoints_locked', 0):.0f} holding the lock, {d.get('checkpoint_wall', 0):.2f} s; "
            f"garbage collector {d.get('gc_passes', 0):.0f} passes (generation 0/1/2: {d.get('gc_passes_0', 0):.0f}/"
            f"{d.get('gc_passes_1', 0):.0f}/{d.get('gc_passes_2', 0):.0f}), {d.get('gc_cpu', 0) * 1000:.0f} ms CPU"
        )
    held = sum(
        values.get("lock_held", 0.0) - counted.get(pid, {}).get("lock_held", 0.0)
        for pid, values in counted_after.items()
    )
    if held:  # the processes take turns at the write lock: one over this bounds them all, whatever the cores
        print(
            f"the write lock held {held:.2f} s of {stats.elapsed:.1f} s, {held / n * 1000:.2f} ms a message: "
            f"at most {n / held:.0f} msg/s whatever the cores"
        )
    if args.profile:
        _print_profiles(profile_folder, args.sort, args.top, n)
    clean_up(folder, args.keep)
    return 0


def _print_profiles(folder: Path, sort: str, top: int, messages: int) -> None:
    """The top functions of each kind of thread, every process's and thread's profile of that kind added up (the
    warm-up included; the profiler's own cost inflates every figure, so read them against each other)."""
    import io
    import pstats

    kinds: dict[str, list[str]] = {}
    for path in sorted(folder.glob("*.prof")):
        kinds.setdefault(path.stem.rsplit("-", 2)[0], []).append(str(path))
    for kind, paths in sorted(kinds.items()):
        out = io.StringIO()
        stats = pstats.Stats(*paths, stream=out)
        total = getattr(stats, "total_tt", 0.0)
        stats.sort_stats(sort).print_stats(top)
        print(
            f"--- {kind} ({len(paths)} profiles; {total:.2f} s profiled, {total / max(messages, 1) * 1000:.3f} ms a message driven) ---"
        )
        print(out.getvalue())


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[1] == INSIDE:
        profiling = os.environ.get(PROFILE_ENV)
        _instrumented_serve(Path(sys.argv[2]), sys.argv[4:], Path(sys.argv[3]), Path(profiling) if profiling else None)
    else:
        sys.exit(main())
