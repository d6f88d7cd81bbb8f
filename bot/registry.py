"""What the capabilities contribute, collected once into one ``Registry`` that the app context carries.

Each capability's ``handlers/<name>.py`` is its manifest: module attributes, each optional (absent =
nothing), named and typed as in ``MANIFEST`` below. ``handlers/__init__.py`` lists the manifests in
``CAPABILITIES`` and writes the route order by hand in ``ROUTES``; the app factory (bot/app.py, the
only module that imports ``handlers``) calls ``collect`` and puts the result on the AppContext, where
the core reads it: ``app.routes`` (webhook, replay after 登记), ``app.jobs`` (scheduler, ``tick``),
``app.media_listeners`` (media job), ``app.report_columns`` and ``app.report_summary`` (通报),
``app.exports`` (``export``, the dashboard's 导出), ``app.imports`` (``import KIND FILE``, the dashboard's upload page), ``app.commands`` (the CLI), ``app.dashboard_pages`` (the /admin blueprint and its
nav), ``app.village_sections`` (the dashboard's village page), ``app.photo_villages`` (who may see a photo), ``app.stores`` (migrations), ``app.flows`` (取消), ``app.withdrawals`` (the matchers of ``app.withdrawal_routes``: 取消 yields to them) and ``app.user_reads`` (the webhook's user row). Tests swap ``app.registry``, never a module global.

Lists keep the order of ``CAPABILITIES`` (then each manifest's own order): jobs run, media listeners
are told, dashboard pages appear in the nav, report columns are laid out and store migrations run in
that order (a table may refer only to tables of the stores before it).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType, ModuleType
from typing import Any


@dataclass(frozen=True)
class Command:
    """A ``python run.py`` command: ``run(args, app) -> exit code``."""

    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, Any], int]


# The roles of dashboard logins (``create-admin --role``): the campaign office, an adviser (their villages and
# tickets), a village cadre (their village: its figures and its waiting 登记 claims).
ADMIN_LOGIN, ADVISER_LOGIN, CADRE_LOGIN = "admin", "adviser", "cadre"
LOGIN_ROLES = (ADMIN_LOGIN, ADVISER_LOGIN, CADRE_LOGIN)
# tidy81: the pages of the office and a village cadre (登记冲突, 植树活动, 记录更正): their village's only, for a cadre
ADMIN_AND_CADRE = (ADMIN_LOGIN, CADRE_LOGIN)


@dataclass(frozen=True)
class DashboardPage:
    """One URL rule of the /admin blueprint; its endpoint is ``dashboard.<view.__name__>``.

    ``nav``: the message key of its label in the top navigation (None: not a nav entry).
    ``admin_only``: other logins get 403 (and no nav entry).
    ``roles``: the logins that may open it (default admin and adviser: a cadre login opens only the pages
    that list ``cadre``); the others get 403 and no nav entry.
    """

    rule: str  # under /admin, e.g. "/tickets/<int:ticket_id>"
    view: Callable
    methods: tuple[str, ...] = ("GET",)
    nav: str | None = None
    admin_only: bool = False
    roles: tuple[str, ...] = (ADMIN_LOGIN, ADVISER_LOGIN)

    @property
    def endpoint(self) -> str:
        return f"dashboard.{self.view.__name__}"

    def allows(self, role: str) -> bool:
        return role == ADMIN_LOGIN or (not self.admin_only and role in self.roles)


@dataclass(frozen=True)
class Importer:
    """One kind of file ``python run.py import KIND FILE`` and the dashboard's upload page load, all or nothing
    (bot.roster.import_file). ``validate(db, filename, data, t) -> (clean rows, problems)`` reads and checks and
    writes nothing (problems: bot.roster.Problem, rows numbered as the spreadsheet shows them; ``t`` is
    ``app.t`` for their words); ``apply(db, rows, now) -> summary`` (bot.roster.Summary) writes clean rows
    inside the caller's transaction."""

    label: str  # message key of its name on the upload page
    validate: Callable[[Any, str, bytes, Callable[..., str]], tuple[list, list]]
    apply: Callable[[Any, list, str], Any]


@dataclass(frozen=True)
class UserRead:
    """A read of the sender's that comes with the user row, in the statement every message costs anyway
    (bot/store/users.py ``touch_inbound``), instead of a statement of its own (issue 21). ``sql``: one scalar SQL
    expression (a subquery) over the row being touched (``users.openid``), never NULL; ``params(app, now)``: its
    parameters, in order. A matcher reads the value with ``ctx.read_with_user(name)``, which is None when the
    message was not read so (a message handled again, a context built elsewhere): it then asks the database. The
    value is as of the message's start: for matchers (which write nothing), not for handlers."""

    name: str
    sql: str
    params: Callable[[Any, Any], Sequence[Any]]


# Manifest attribute -> (Registry field, what it holds).
MANIFEST = {
    "ROUTES": ("routes", "list[bot.router.Route]: every route of the capability (placed by handlers/__init__.py)"),
    "JOBS": ("jobs", "list[bot.scheduler.Job]: scheduled work, fn(app, now)"),
    "MEDIA_LISTENERS": ("media_listeners", "list[bot.media.MediaListener]: told when a photo or voice is stored"),
    "REPORT_COLUMNS": ("report_columns", "list[bot.reports.ReportColumn]: columns of the 通报 ranking sheet"),
    "REPORT_SUMMARY": (
        "report_summary",
        "list[callable(app, report) -> list[str]]: lines the 通报's summary adds "
        "after its own (report: bot.reports.Report)",
    ),
    "EXPORTS": ("exports", "dict[str, str]: export table name -> the store's SELECT (its columns are the header)"),
    "EXPORT_LABELS": (
        "export_labels",
        "dict[str, dict[str, str]]: export table -> {column of codes: the messages table of their Chinese labels}; "
        "the export adds ``<column>_label`` beside it",
    ),
    "IMPORTS": ("imports", "dict[str, bot.registry.Importer]: the kinds of python run.py import and the upload page"),
    "COMMANDS": ("commands", "dict[str, bot.registry.Command]: python run.py commands"),
    "DASHBOARD": ("dashboard_pages", "list[bot.registry.DashboardPage]: /admin pages and nav entries"),
    "VILLAGE_SECTIONS": (
        "village_sections",
        "list[callable(village_id) -> HTML]: sections of the dashboard's village "
        "page, after its own (rendered inside the request, e.g. with render_template)",
    ),
    "PHOTO_VILLAGES": (
        "photo_villages",
        "list[callable(db, sha256) -> set[int | None]]: the villages whose records of the capability hold this "
        "photo (the dashboard's /photo shows it to the logins that see one of them)",
    ),
    "STORES": ("stores", "list[module]: its bot/store modules (each has ``migrations``), in migration order"),
    "FLOWS": ("flows", "list[bot.conversation.Flow]: its multi-step flows (取消 ends them, calling on_cancel)"),
    "WITHDRAWAL_ROUTES": (
        "withdrawal_routes",
        "list[bot.router.Route]: the routes that take a duty of the capability withdrawn in words (取消认养, 退出责任区), "
        "each also in its ROUTES; their matchers are ``withdrawals``, to which core's 取消 yields whatever flow waits",
    ),
    "USER_READS": ("user_reads", "list[bot.registry.UserRead]: reads of the sender's that come with the user row"),
}


@dataclass(frozen=True)
class Registry:
    routes: tuple = ()
    jobs: tuple = ()
    media_listeners: tuple = ()
    report_columns: tuple = ()
    report_summary: tuple = ()
    exports: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    export_labels: Mapping[str, Mapping[str, str]] = field(default_factory=lambda: MappingProxyType({}))
    imports: Mapping[str, Importer] = field(default_factory=lambda: MappingProxyType({}))
    commands: Mapping[str, Command] = field(default_factory=lambda: MappingProxyType({}))
    dashboard_pages: tuple = ()
    village_sections: tuple = ()
    photo_villages: tuple = ()
    stores: tuple = ()
    flows: tuple = ()
    withdrawal_routes: tuple = ()
    user_reads: tuple = ()

    @property
    def withdrawals(self) -> tuple:
        """The matchers of every capability's withdrawal routes (pure readers of the message), in collection order."""
        return tuple(route.matches for route in self.withdrawal_routes)


class RegistryError(ValueError):
    """Two capabilities contribute the same name, or a route is contributed but not placed."""


def collect(capabilities: Sequence[ModuleType], routes: Sequence) -> Registry:
    """The registry of these capability manifests, with ``routes`` as the dispatch order."""
    lists: dict[str, list] = {
        "jobs": [],
        "media_listeners": [],
        "report_columns": [],
        "report_summary": [],
        "dashboard_pages": [],
        "village_sections": [],
        "photo_villages": [],
        "stores": [],
        "flows": [],
        "withdrawal_routes": [],
        "user_reads": [],
    }
    exports: dict[str, str] = {}
    export_labels: dict[str, Mapping[str, str]] = {}
    imports: dict[str, Importer] = {}
    commands: dict[str, Command] = {}
    contributed_routes = []
    for module in capabilities:
        contributed_routes += list(getattr(module, "ROUTES", ()))
        for attribute, (name, _what) in MANIFEST.items():
            if name in lists:
                lists[name] += list(getattr(module, attribute, ()))
        _merge(exports, getattr(module, "EXPORTS", {}), "export table", module)
        _merge(export_labels, getattr(module, "EXPORT_LABELS", {}), "export's labels of table", module)
        _merge(imports, getattr(module, "IMPORTS", {}), "import kind", module)
        _merge(commands, getattr(module, "COMMANDS", {}), "command", module)
    _check_unique([r.name for r in routes], "route")
    _check_unique([j.name for j in lists["jobs"]], "job")
    _check_unique([c.key for c in lists["report_columns"]], "report column")
    _check_unique([p.rule + " " + ",".join(p.methods) for p in lists["dashboard_pages"]], "dashboard page")
    _check_unique([m.__name__ for m in lists["stores"]], "store")
    _check_unique([f.name for f in lists["flows"]], "flow")
    _check_unique([r.name for r in lists["user_reads"]], "user read")
    _check_unique([r.name for r in lists["withdrawal_routes"]], "withdrawal route")
    stray = [r.name for r in lists["withdrawal_routes"] if r not in contributed_routes]
    if stray:
        raise RegistryError(f"withdrawal routes not among their capability's ROUTES: {stray}")
    unplaced = [r.name for r in contributed_routes if r not in routes]
    if unplaced:
        raise RegistryError(f"routes contributed but missing from the dispatch order: {unplaced}")
    return Registry(
        routes=tuple(routes),
        exports=MappingProxyType(exports),
        export_labels=MappingProxyType(export_labels),
        imports=MappingProxyType(imports),
        commands=MappingProxyType(commands),
        **{name: tuple(items) for name, items in lists.items()},
    )


def _merge(into: dict, new: Mapping, what: str, module: ModuleType) -> None:
    for key, value in new.items():
        if key in into:
            raise RegistryError(f"{what} {key!r} contributed twice (again by {module.__name__})")
        into[key] = value


def _check_unique(names: list[str], what: str) -> None:
    seen = set()
    for name in names:
        if name in seen:
            raise RegistryError(f"{what} {name!r} contributed twice")
        seen.add(name)
