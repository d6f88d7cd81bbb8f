"""Helpers shared by the benchmarks (and the multi-process test): real server processes on loopback.

* ``write_config(folder, overrides)`` writes a config.toml (the committed one with dotted keys
  replaced; the loader adds bot/defaults.toml under it) into ``folder``; relative storage paths then live in that folder.
* ``ServerProcess`` starts ``python run.py --config … serve|worker`` as a child process, waits for
  ``/healthz``, reads its resident memory from ``/proc/<pid>/status``, and stops or SIGKILLs it.
* ``drive(...)`` posts requests from N client threads (keep-alive ``http.client`` connections) for a
  fixed time or a fixed count and collects latencies and errors; ``Stats`` summarises them.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


# -- configuration ---------------------------------------------------------------------------------
def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, Mapping):  # inside an array: an inline table
        return "{" + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def dump_toml(data: Mapping[str, Any], prefix: str = "") -> str:
    """Tables, scalars and arrays (tables inside arrays are written inline): all config.toml holds."""
    scalars = [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in data.items() if not isinstance(v, Mapping)]
    out = []
    if prefix and scalars:
        out.append(f"[{prefix}]")
    out += scalars
    for key, value in data.items():
        if isinstance(value, Mapping):
            out.append(dump_toml(value, f"{prefix}.{_toml_key(key)}" if prefix else _toml_key(key)))
    return "\n".join(out)


def write_config(folder: Path, overrides: Mapping[str, Any]) -> Path:
    """``folder/config.toml``: the committed config with ``{"section.key": value}`` replaced."""
    with open(ROOT / "config.toml", "rb") as fh:
        data = tomllib.load(fh)
    for dotted, value in overrides.items():
        node = data
        *parents, last = dotted.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "config.toml"
    path.write_text(dump_toml(data) + "\n", encoding="utf-8")
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_mb(pid: int) -> float:
    """Resident memory of a process, from /proc (psutil is not a dependency)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (utime + stime from /proc/<pid>/stat)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children_of(pid: int) -> list[int]:
    """Live child processes of ``pid`` (from /proc; psutil is not a dependency)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return sorted(found)


def wait_for(predicate: Callable[[], object], seconds: float = 30.0, every: float = 0.1) -> bool:
    """Poll ``predicate`` until it is true or ``seconds`` pass; its last answer."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(every)
    return bool(predicate())


def clean_up(folder: Path, keep: bool) -> None:
    """Remove a bench's temp folder, or say where it is kept."""
    if keep:
        print(f"kept {folder} (database, server logs)")
    else:
        shutil.rmtree(folder, ignore_errors=True)


def report_checks(checks: Mapping[str, bool], miss: str = "FAIL") -> int:
    """Print PASS/``miss`` per check; the exit status (0 when all pass)."""
    for what, ok in checks.items():
        print(f"  {'PASS' if ok else miss}  {what}")
    return 0 if all(checks.values()) else 1


def place_name(i: int) -> str:
    """A village's name without its suffix: two or more characters that no text of the benches holds."""
    chars = "埔岭塘坑坪垌墩湾洲坳"
    return "".join(chars[i // 10**place % 10] for place in range(max(2, len(str(i)))))


def import_villages(config: Path, n: int, tree: Path = ROOT) -> None:
    """``n`` villages (a city: 1,200) into the database of ``config`` through ``run.py import villages`` of ``tree``,
    before its server starts: what a follower not registered yet writes is read against every one's name."""
    if n <= 0:
        return
    roster = config.parent / "villages.csv"
    roster.write_text("名称\n" + "".join(f"{place_name(i)}村\n" for i in range(n)), encoding="utf-8")
    argv = [PYTHON, str(tree / "run.py"), "--config", str(config), "import", "villages", str(roster)]
    subprocess.run(argv, cwd=tree, check=True, stdout=subprocess.DEVNULL)


# -- processes -------------------------------------------------------------------------------------
class ServerProcess:
    """One child process: ``serve`` (with a port, waits for /healthz), ``worker``, or any argv."""

    def __init__(
        self,
        argv: list[str],
        port: int | None = None,
        log_path: Path | None = None,
        env: Mapping[str, str] | None = None,
    ):
        self.argv = argv
        self.port = port
        self.log_path = log_path
        self.env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
        self.proc: subprocess.Popen | None = None
        self.peak_rss = 0.0

    @classmethod
    def serve(cls, config: Path, port: int, scheduler: bool = False, workers: int = 0, **kw) -> ServerProcess:
        argv = [
            PYTHON,
            str(ROOT / "run.py"),
            "--config",
            str(config),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ]
        if not scheduler:
            argv.append("--no-scheduler")
        if workers:
            argv += ["--workers", str(workers)]
        return cls(argv, port=port, **kw)

    @classmethod
    def worker(cls, config: Path, **kw) -> ServerProcess:
        return cls([PYTHON, str(ROOT / "run.py"), "--config", str(config), "worker"], **kw)

    def start(self, timeout: float = 180.0) -> ServerProcess:  # a `serve` loads the FAQ index before /healthz answers
        out = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL
        try:
            self.proc = subprocess.Popen(self.argv, cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT)
        finally:
            if self.log_path:
                out.close()  # the child keeps its own copy
        if self.port:
            self.wait_healthy(timeout)
        return self

    def wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.argv[-1]} exited with {self.proc.returncode} (log: {self.log_path})")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"server on port {self.port} not healthy after {timeout}s")

    @property
    def pid(self) -> int:
        return self.proc.pid

    def rss(self) -> float:
        if self.proc is None:  # never started (an earlier server's start failed): its error is the one to see
            return float("nan")
        value = rss_mb(self.pid)
        if value == value:  # not NaN
            self.peak_rss = max(self.peak_rss, value)
        return value

    def children(self) -> list[int]:
        """The pids of this process's children (``serve --workers``: its workers), from /proc."""
        return children_of(self.pid)

    def cpu(self) -> float:
        """CPU seconds used so far by the server and its live children (its workers)."""
        return cpu_seconds(self.pid) + sum(cpu_seconds(pid) for pid in self.children())

    def kill(self) -> None:
        """SIGKILL: no clean-up, no flush, as a power cut or the OOM killer would."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


# -- load ------------------------------------------------------------------------------------------
@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)  # seconds, successful requests
    errors: dict[str, int] = field(default_factory=dict)
    elapsed: float = 0.0

    def error(self, what: str) -> None:
        self.errors[what] = self.errors.get(what, 0) + 1

    def merge(self, other: Stats) -> None:
        self.latencies += other.latencies
        for key, n in other.errors.items():
            self.errors[key] = self.errors.get(key, 0) + n

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] * 1000

    @property
    def count(self) -> int:
        return len(self.latencies)

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())

    @property
    def rate(self) -> float:
        return self.count / self.elapsed if self.elapsed else 0.0

    def line(self) -> str:
        return (
            f"{self.rate:8.1f} msg/s  p50 {self.percentile(50):6.1f} ms  p99 {self.percentile(99):6.1f} ms  "
            f"errors {self.error_count}  ({self.count} ok in {self.elapsed:.1f} s)"
        )


class Client:
    """A keep-alive connection to one server that reconnects after a failure."""

    def __init__(self, port: int, timeout: float = 10.0):
        self.port = port
        self.timeout = timeout
        self.conn: http.client.HTTPConnection | None = None

    def post(self, path: str, body: bytes) -> tuple[int, bytes]:
        return self.request("POST", path, body)

    def get(self, path: str) -> tuple[int, bytes]:
        return self.request("GET", path)

    def request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        try:
            self.conn.request(method, path, body=body, headers={"Content-Type": "text/xml"} if body else {})
            response = self.conn.getresponse()
            return response.status, response.read()
        except Exception:
            self.conn.close()
            self.conn = None
            raise


def drive(
    clients: int,
    request: Callable[[int, int], None],
    seconds: float | None = None,
    per_client: int | None = None,
    stats: Stats | None = None,
) -> Stats:
    """Run ``request(client_no, i)`` from ``clients`` threads until ``seconds`` pass or each made
    ``per_client`` calls. ``request`` records into the Stats it gets via closure; errors it raises
    are counted by type here."""
    stats = stats or Stats()
    lock = threading.Lock()
    deadline = time.monotonic() + seconds if seconds else float("inf")
    limit = per_client if per_client is not None else 10**9

    def loop(client_no: int) -> None:
        local = Stats()
        i = 0
        while i < limit and time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                request(client_no, i)
                local.latencies.append(time.perf_counter() - started)
            except Exception as exc:  # noqa: BLE001 - every failure is a counted error
                local.error(type(exc).__name__ if not str(exc) else f"{type(exc).__name__}: {str(exc)[:60]}")
            i += 1
        with lock:
            stats.merge(local)

    started = time.monotonic()
    threads = [threading.Thread(target=loop, args=(n,), daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stats.elapsed += time.monotonic() - started
    return stats
