"""Load the config file, its defaults and the environment into one frozen, validated object.

Every key has its default in one place, ``bot/defaults.toml``; ``load`` merges those defaults under
the given file (config.toml, ``--config`` or $BOT_CONFIG), table by table, so a file may hold only
the keys it changes, and code reads ``config.get("section.key")`` without a default of its own.
Every section is kept; the keys the engine relies on are checked here so that a typo fails at
start-up, not in front of a villager. Secrets may come from the environment (names in
ENV_OVERRIDES), which wins over the file, so that nothing secret has to be committed.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from bot import schedule
from bot.db import SYNCHRONOUS

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = ROOT / "config.toml"
DEFAULTS = Path(__file__).resolve().with_name("defaults.toml")

# Tables that are one value each: a file that has one replaces the default whole (the reminder calendar).
WHOLE_TABLES = {("reminders", "calendar")}

ENV_OVERRIDES = {
    ("wechat", "token"): "WECHAT_TOKEN",
    ("wechat", "app_id"): "WECHAT_APP_ID",
    ("wechat", "app_secret"): "WECHAT_APP_SECRET",
    ("wechat", "encoding_aes_key"): "WECHAT_ENCODING_AES_KEY",
    ("wechat", "api_base_url"): "WECHAT_API_BASE_URL",
}

# Keys that must exist, with their type, so that a broken file fails early.
REQUIRED = {
    ("wechat", "token"): str,
    ("wechat", "app_id"): str,
    ("wechat", "api_base_url"): str,
    ("server", "host"): str,
    ("server", "port"): int,
    ("storage", "database"): str,
    ("storage", "photos"): str,
    ("campaign", "timezone"): str,
    ("campaign", "year"): int,
}

# Keys that name a file or a folder: a relative one is relative to the config file's folder (Config.path_of).
PATH_KEYS = ("storage.database", "storage.photos", "storage.reports", "logging.file", "certificates.font")

SECRET_KEYS = {"token", "app_secret", "encoding_aes_key", "password", "secret_key", "spot_check_key"}


class ConfigError(ValueError):
    """config.toml or the environment holds something the bot cannot run with."""


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


_MISSING = object()  # Config.get: no such key
_NOT_LOOKED_UP = object()


@dataclass(frozen=True)
class Config:
    """The whole configuration. Sections are read-only mappings: cfg.section("wechat")["token"]."""

    data: Mapping[str, Any]
    path: Path | None = None
    base_dir: Path = field(default=ROOT)
    # dotted key -> its value (or _MISSING): ``data`` is frozen, and every message reads a dozen keys
    _looked_up: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def section(self, name: str) -> Mapping[str, Any]:
        return self.data.get(name, MappingProxyType({}))

    def public_link(self, path: str) -> str:
        """``server.public_url`` joined with a path of this server ('/admin/', '/cert/<token>'), as messages link it."""
        return str(self.get("server.public_url")).rstrip("/") + path

    def get(self, dotted: str, default: Any = None) -> Any:
        value = self._looked_up.get(dotted, _NOT_LOOKED_UP)
        if value is _NOT_LOOKED_UP:
            value = self._looked_up[dotted] = self._lookup(dotted)
        return default if value is _MISSING else value

    def _lookup(self, dotted: str) -> Any:
        node: Any = self.data
        for part in dotted.split("."):
            if not isinstance(node, Mapping) or part not in node:
                return _MISSING
            node = node[part]
        return node

    # Paths (PATH_KEYS) are relative to the config file's folder, never to the working directory, so a deployment
    # can live anywhere and every command finds the same files wherever it is started from.
    @property
    def database_path(self) -> Path:
        return self._resolve(self.get("storage.database"))

    @property
    def photos_dir(self) -> Path:
        return self._resolve(self.get("storage.photos"))

    @property
    def reports_dir(self) -> Path:
        return self._resolve(self.get("storage.reports"))

    def path_of(self, dotted: str) -> Path | None:
        """A file or folder key of PATH_KEYS, relative to the config file's folder; None when it is empty."""
        value = self.get(dotted)
        return self._resolve(value) if value else None

    @property
    def aes_mode(self) -> bool:
        return bool(self.get("wechat.encoding_aes_key"))

    def _resolve(self, value: str) -> Path:
        p = Path(value)
        return p if p.is_absolute() else (self.base_dir / p)

    def with_overrides(self, overrides: Mapping[str, Any]) -> Config:
        """A copy with dotted keys replaced, e.g. {"storage.database": "/tmp/x.db"}."""
        data = _thaw(self.data)
        for dotted, value in overrides.items():
            node = data
            *parents, last = dotted.split(".")
            for part in parents:
                node = node.setdefault(part, {})
            node[last] = value
        return build(data, self.path, self.base_dir)

    def redacted(self) -> dict:
        """The configuration with every secret blanked, fit for logs and pages."""

        def walk(node: Any) -> Any:
            if isinstance(node, Mapping):
                return {k: ("***" if k in SECRET_KEYS and node[k] else walk(node[k])) for k in node}
            return _thaw(node)

        return walk(self.data)


def worker_count(value: object) -> int:
    """``server.workers`` / ``serve --workers``: a whole number >= 1, or ``auto`` (one per usable core)."""
    if value == "auto":
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # not Linux
            return max(1, os.cpu_count() or 1)
    if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).isdigit() or int(value) < 1:
        raise ValueError(f"workers must be a whole number >= 1 or auto, got {value!r}")
    return int(value)


def build(data: dict, path: Path | None = None, base_dir: Path = ROOT) -> Config:
    for (section, key), kind in REQUIRED.items():
        value = data.get(section, {}).get(key)
        if not isinstance(value, kind):
            raise ConfigError(f"config: [{section}] {key} must be a {kind.__name__}, got {value!r}")
    base_url = data["wechat"]["api_base_url"]
    if not base_url.endswith("/"):
        data["wechat"]["api_base_url"] = base_url + "/"
    synchronous = data["storage"].get("synchronous")
    if not isinstance(synchronous, str) or synchronous.upper() not in SYNCHRONOUS:
        raise ConfigError(f"config: [storage] synchronous must be one of {', '.join(SYNCHRONOUS)}, got {synchronous!r}")
    try:
        worker_count(data["server"].get("workers", 1))
    except ValueError as exc:
        raise ConfigError(f"config: [server] {exc}") from None
    aes_key = data["wechat"].get("encoding_aes_key") or ""
    if aes_key and len(aes_key) != 43:
        raise ConfigError("config: [wechat] encoding_aes_key must be 43 characters (or empty for plaintext mode)")
    try:
        from zoneinfo import ZoneInfo

        ZoneInfo(data["campaign"]["timezone"])
    except Exception as exc:  # noqa: BLE001 - any failure means the same thing here
        raise ConfigError(f"config: unknown [campaign] timezone {data['campaign']['timezone']!r}") from exc
    _rename_old_keys(data)
    config = Config(data=_freeze(data), path=path, base_dir=base_dir)
    if "milestones" in data["campaign"]:
        try:
            schedule.check(config)
        except ValueError as exc:
            raise ConfigError(f"config: {exc}") from None
    return config


def _rename_old_keys(data: dict) -> None:
    """Keys that were renamed are still read under their old name (``demo_plots_due`` is ``plots_due``)."""
    milestones = data.get("campaign", {}).get("milestones")
    if isinstance(milestones, Mapping):
        data["campaign"]["milestones"] = schedule.aliased(milestones)


def with_defaults(data: Mapping[str, Any], defaults: Mapping[str, Any], at: tuple[str, ...] = ()) -> dict:
    """``data`` over ``defaults``: tables merge key by key (except WHOLE_TABLES), anything else is replaced."""
    merged = dict(defaults)
    for key, value in data.items():
        here = (*at, key)
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping) and here not in WHOLE_TABLES:
            merged[key] = with_defaults(value, merged[key], here)
        else:
            merged[key] = value
    return merged


def _read(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        raise ConfigError(f"config file not found: {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc


def load(path: str | Path | None = None, env: Mapping[str, str] | None = None) -> Config:
    """Read the config file (argument, else $BOT_CONFIG, else config.toml beside run.py, whatever the working
    directory) over bot/defaults.toml, and apply env overrides."""
    env = os.environ if env is None else env
    chosen = Path(path or env.get("BOT_CONFIG") or DEFAULT_CONFIG)
    given = _read(chosen)
    _rename_old_keys(given)  # before the merge, so that the default of the new name does not hide it
    data = with_defaults(given, _read(DEFAULTS))
    for (section, key), name in ENV_OVERRIDES.items():
        if env.get(name):
            data.setdefault(section, {})[key] = env[name]
    return build(data, chosen.resolve(), chosen.resolve().parent)
