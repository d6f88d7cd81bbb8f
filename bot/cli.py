"""The command line: `python run.py [--config PATH] COMMAND`.

``commands(registry)`` is every command (name -> bot.registry.Command(help, add_arguments, run)): the
core's, below, then those the capabilities contribute in their manifests' ``COMMANDS``. Each
``run(args, app)`` gets the parsed arguments and the AppContext.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import signal
import socket
import sys
import time
from pathlib import Path
from typing import Any

from bot import clock
from bot import config as config_mod
from bot.app import build_registry, create_app, create_context
from bot.logs import setup as setup_logging
from bot.registry import LOGIN_ROLES, Command, Registry
from bot.roster import ADVISER, CADRE_ROLES

log = logging.getLogger("bot.cli")


# -- commands --------------------------------------------------------------------------------------
def cmd_serve(args, app) -> int:
    """One process, or a pre-fork master and ``--workers`` (``server.workers``) processes on one socket
    (bot/serving.py)."""
    from bot import serving

    serving.fewer_malloc_arenas()
    cfg = app.config
    if not may_serve(app, args.rehearsal):
        print(
            "serve: refused: BOT_NOW sets a rehearsal clock; a server on it needs --rehearsal "
            "(or campaign.rehearsal = true in the config)",
            file=sys.stderr,
        )
        return 2
    try:
        workers = config_mod.worker_count(args.workers if args.workers is not None else cfg.get("server.workers"))
    except ValueError as exc:
        print(f"serve: {exc}", file=sys.stderr)
        return 2
    host = args.host or cfg.get("server.host")
    port = int(args.port or cfg.get("server.port"))
    flask_app = create_app(cfg, app)
    warn_without_credentials(app)
    warn_campaign_year_past(app)
    sock = serving.listen(host, port)
    options = waitress_options(cfg)
    with_workers = f" by {workers} worker processes" if workers > 1 else ""
    print(f"serving /wechat, /admin and /healthz on http://{host}:{port}{with_workers}", flush=True)
    _warm_up(app)
    if workers == 1:
        starts = None if args.no_scheduler else _scheduler_starter(app, None)
        try:
            serving.serve_socket(sock, serving.Worker(flask_app, options, 0, starts))
        finally:
            sock.close()
        return 0
    master_pid = os.getpid()

    def make_worker(number: int) -> serving.Worker:
        holder = f"{socket.gethostname()}:{master_pid}:worker-{number}"
        starts = None if args.no_scheduler or number != 0 else _scheduler_starter(app, holder)
        return serving.Worker(flask_app, options, number, starts)

    def run_writer(listener, stopping) -> None:
        from bot import webhook

        webhook.serve_writer_process(app, listener, stopping)

    return serving.Master(
        sock,
        workers,
        make_worker,
        before_fork=app.databases.close_all,
        run_writer=run_writer if cfg.get("server.writer_process") else None,
    ).run()


def _scheduler_starter(app, holder: str | None):
    """Starts the scheduler (and outbox sender) in the serving process; returns how to stop it."""

    def start():
        from bot import scheduler as sched

        scheduler = sched.start(app, holder)
        return lambda: sched.stop(app, scheduler, holder)

    return start


def _warm_up(app) -> None:
    """What every message may need, loaded before the first is taken: the FAQ index (jieba's dictionary and the model
    included), the species table, and the compact tables of jieba's dictionary a name beside a village is weighed
    against (a follower's '埔心村 陈国强': bot/common_words.py, ~0.05 s from its file on disk, ~1-2 s built the first
    time, in the writer). With ``--workers`` the master loads them once and the forked workers share them;
    one process loads them before it serves, as the first question did otherwise, inside a request: ~1-2 s of CPU, and
    5 s or more on a loaded machine, past WeChat's wait (issue 21, fifteenth round)."""
    from bot import escalation, identity, planting

    escalation.faq_match(app, app.db, "桂花什么时候种")
    planting.species_table(app)
    identity.is_known_persons_name("陈国强")


def warn_without_credentials(app) -> None:
    """Said once at start-up: with the placeholder (or no) AppID/AppSecret nothing is sent; the outbox keeps
    it as ``no_credentials`` until the account is configured."""
    if not app.api.has_credentials:
        print(app.t("cli.no_credentials"), file=sys.stderr, flush=True)


def warn_campaign_year_past(app) -> None:
    """Said once at start-up (the lead, forty-first session): with campaign.year behind today's year every new record
    is flagged out of season and every date of the plan is past; the office is told to move it on."""
    today = clock.local(app.clock(), app.tz).date()
    year = int(app.config.get("campaign.year"))
    if today.year > year:
        print(app.t("cli.campaign_year_past", year=year, today=today.isoformat()), file=sys.stderr, flush=True)


def waitress_options(cfg) -> dict:
    options: dict[str, Any] = {
        "ident": "lvmei",
        "threads": int(cfg.get("server.threads")),
        # the loop polls a connection for its next request while one is in service, so that a request thread through
        # with it need not wake the loop (bot/serving.py ``OneSendChannel``)
        "channel_request_lookahead": 1,
        # roster uploads may be larger than a webhook body; Flask still caps every other route
        "max_request_body_size": max(int(cfg.get("server.max_body_bytes")), int(cfg.get("dashboard.upload_max_bytes"))),
    }
    if cfg.get("server.trusted_proxy"):  # behind nginx: the client address comes from X-Forwarded-For
        options.update(
            trusted_proxy=cfg.get("server.trusted_proxy"),
            trusted_proxy_headers="x-forwarded-for x-forwarded-proto x-forwarded-host",
            clear_untrusted_proxy_headers=True,
        )
    return options


def cmd_worker(args, app) -> int:
    from bot import scheduler as sched

    warn_without_credentials(app)
    warn_campaign_year_past(app)
    scheduler = sched.start(app)
    print("worker running: scheduler and outbound sender (Ctrl-C to stop)", flush=True)
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # SIGTERM stops it as Ctrl-C does
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        sched.stop(app, scheduler)
    return 0


def cmd_tick(args, app) -> int:
    from bot import scheduler as sched

    now = clock.parse_moment(args.now, app.tz) if args.now else app.clock()
    app.clock = lambda: now
    for name, result in sched.run_due(app, now).items():
        print(f"{name}: {result}")
    return 0


def cmd_export(args, app) -> int:
    from bot import exports

    try:
        header, data = exports.rows(app, args.table)
    except exports.ExportUnavailable:
        print(app.t("cli.export.unavailable", table=args.table), file=sys.stderr)
        return 2
    if args.format == "xlsx":
        out = Path(args.out or f"{args.table}.xlsx")
        exports.write_xlsx(header, data, out, args.table)
        print(app.t("cli.export.written", out=out), file=sys.stderr)
    elif args.out:
        with open(args.out, "w", encoding="utf-8-sig", newline="") as fh:
            exports.write_csv(header, data, fh)
    else:
        try:
            exports.write_csv(header, data, sys.stdout)
            sys.stdout.flush()
        except BrokenPipeError:  # `export people | head`: the reader has all it wanted
            sys.stdout = None  # keeps Python from complaining again at exit
    return 0


def cmd_create_admin(args, app) -> int:
    from werkzeug.security import generate_password_hash

    from bot.db import transaction
    from bot.store import admins

    if args.role == "cadre" and not args.person:
        print(app.t("cli.create_admin.cadre_needs_person"), file=sys.stderr)
        return 2
    password = args.password or getpass.getpass(app.t("cli.create_admin.prompt", name=args.name))
    if len(password) < 8:
        print(app.t("cli.create_admin.short_password"), file=sys.stderr)
        return 2
    from bot.dashboard.auth import AmbiguousPerson, UnknownPerson, link_login_person

    wanted = "或".join(CADRE_ROLES) if args.role == "cadre" else ADVISER
    try:
        with transaction(app.db):
            admins.upsert(app.db, args.name, generate_password_hash(password), args.role, clock.to_db(app.clock()))
            person = link_login_person(app.db, args.name, args.role, args.person, args.village)
            admins.set_signature(app.db, args.name, getattr(args, "display_name", None), getattr(args, "title", None))
    except UnknownPerson:
        print(app.t("cli.create_admin.unknown_person", person=args.person, wanted=wanted), file=sys.stderr)
        return 2
    except AmbiguousPerson as several:
        print(
            app.t(
                "cli.create_admin.ambiguous_person",
                person=args.person,
                wanted=wanted,
                villages="、".join(several.villages),
            ),
            file=sys.stderr,
        )
        return 2
    from bot.escalation import signature

    login = admins.by_username(app.db, args.name)
    assert login is not None  # just saved
    signed = signature(app, app.db, by_person=person, by_admin=None if person else args.name)
    print(app.t("cli.create_admin.saved", name=args.name, role=args.role, signature=signed))
    if person:
        print(app.t("cli.create_admin.linked", person=person["name"], id=person["id"]))
    if args.role == "adviser" and person is None:
        print(app.t("cli.create_admin.not_linked"), file=sys.stderr)
    if not (login["display_name"] and login["title"]):
        print(app.t("cli.create_admin.signature_hint"))
    return 0


def cmd_menu(args, app) -> int:
    from bot.menu import wechat_menu
    from bot.wechat_api import WeChatError

    try:
        app.api.create_menu(wechat_menu())
    except WeChatError as error:
        print(f"menu/create failed: errcode={error.errcode} {error.errmsg}", file=sys.stderr)
        return 1
    print("menu pushed")
    return 0


def cmd_chat(args, app) -> int:
    from bot.chat import run_chat

    warn_campaign_year_past(app)
    return run_chat(app, args.openid, with_standin=not args.real_api)


def _serve_args(p):
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.add_argument("--no-scheduler", action="store_true", help="webhook and dashboard only")
    p.add_argument(
        "--workers",
        help="processes serving the port (default server.workers: 1; auto = one per core); "
        "the scheduler runs in the first",
    )
    p.add_argument("--rehearsal", action="store_true", help="allow the rehearsal clock of env BOT_NOW")


def _tick_args(p):
    p.add_argument("--now", help="ISO date-time; without an offset it is in campaign.timezone")


def _export_args(tables):
    def add(p):
        p.add_argument("table", choices=tables)
        p.add_argument("--format", choices=["csv", "xlsx"], default="csv")
        p.add_argument("--out")

    return add


def _import_args(kinds):
    def add(p):
        p.add_argument("kind", choices=kinds)
        p.add_argument("file")
        p.add_argument("--clean-rows-only", action="store_true", help="import the valid rows, skip the bad ones")

    return add


def cmd_import(args, app) -> int:
    from bot.roster import cmd_import as run_import

    return run_import(args, app)


def _admin_args(p):
    p.add_argument("name")
    p.add_argument("--password", help="otherwise prompted")
    p.add_argument(
        "--role",
        choices=list(LOGIN_ROLES),
        default="admin",
        help="admin: everything; adviser: their villages and tickets; cadre: their village and its waiting 登记 claims",
    )
    p.add_argument(
        "--person",
        help="adviser logins: the roster 技术顾问 this login acts as (default: the 技术顾问 "
        "with the login's name); cadre logins: the roster 村书记 or 村干部 (required)",
    )
    p.add_argument("--village", help="cadre logins: the village of --person, when the name is in several")
    p.add_argument(
        "--display-name",
        help="the name answers are signed with (显示名, e.g. 王工; default: the roster person's name, else the login)",
    )
    p.add_argument(
        "--title",
        help="the role title answers are signed with (职务, e.g. 县林业站; default: the roster role, else 管理员)",
    )


def _chat_args(p):
    p.add_argument("--openid", default="o-chat-villager")
    p.add_argument(
        "--real-api",
        action="store_true",
        help="send outbound messages to the configured API instead of a local stand-in",
    )


def _demo_args(p):
    p.add_argument("--scale", type=int, default=1)


def _no_args(p):
    pass


def _backup_args(p):
    p.add_argument(
        "--out",
        help="FILE.tar.gz (one archive) or a folder; default <database folder>/backups/backup-<UTC time>.tar.gz",
    )


def cmd_demo(args, app) -> int:
    from bot.demo import cmd_demo as run_demo

    return run_demo(args, app)


def cmd_backup(args, app) -> int:
    from bot.backup import cmd_backup as run_backup

    return run_backup(args, app)


def commands(registry: Registry) -> dict[str, Command]:
    """Every command: the core's, then those the capabilities contribute (their manifests' ``COMMANDS``).
    ``export`` offers exactly the registry's export tables, ``import`` its import kinds."""
    core = {
        "serve": Command(
            "webhook + dashboard (+ scheduler and outbox sender unless --no-scheduler) / "
            "运行：微信接口、管理后台和定时任务",
            _serve_args,
            cmd_serve,
        ),
        "worker": Command("scheduler and outbound sender only / 只运行定时任务和发送", _no_args, cmd_worker),
        "chat": Command(
            "terminal simulator through the real webhook code / 终端模拟器：扮作村民、顾问聊天", _chat_args, cmd_chat
        ),
        "export": Command(
            "export a table as CSV (stdout) or xlsx / 导出表格（CSV 或 Excel）",
            _export_args(sorted(registry.exports)),
            cmd_export,
        ),
        "import": Command(
            "load a file (.xlsx or .csv): " + ", ".join(sorted(registry.imports)) + " / 导入名册等文件",
            _import_args(sorted(registry.imports)),
            cmd_import,
        ),
        "tick": Command("run every scheduled job due at --now once / 把到期的定时任务跑一次", _tick_args, cmd_tick),
        "demo": Command("fill an empty database with a demo county / 生成演示县（空数据库）", _demo_args, cmd_demo),
        "create-admin": Command(
            "create or reset a dashboard login / 创建或重置后台登录", _admin_args, cmd_create_admin
        ),
        "menu": Command("push the custom menu to WeChat / 上传公众号菜单", _no_args, cmd_menu),
        "backup": Command(
            "a consistent copy of the database and photos while the bot runs / 备份数据库和照片",
            _backup_args,
            cmd_backup,
        ),
    }
    clash = sorted(set(core) & set(registry.commands))
    if clash:
        raise ValueError(f"capabilities contribute core command names: {clash}")
    return {**core, **registry.commands}


def start_rehearsal(app, bot_now: str | None) -> bool:
    """Env ``BOT_NOW`` (ISO date-time; without an offset it is in campaign.timezone): the program clock starts
    there and runs forward in real time, for every command; said loudly. False when it cannot be read."""
    if not bot_now:
        return True
    try:
        start = clock.parse_moment(bot_now, app.tz)
    except ValueError:
        print(f"BOT_NOW={bot_now!r} is not an ISO date-time (e.g. 2027-01-20T09:00+08:00)", file=sys.stderr)
        return False
    app.clock, app.rehearsal = clock.rehearsal_clock(start), start
    message = (
        f"REHEARSAL CLOCK: BOT_NOW={bot_now}: the program's clock starts at "
        f"{clock.local(start, app.tz).isoformat()} and runs forward in real time "
        "(WeChat signatures are still checked against the real time)"
    )
    log.warning(message)
    print(message, file=sys.stderr, flush=True)
    return True


def may_serve(app, rehearsal_flag: bool) -> bool:
    """A server runs on the real clock, or on a rehearsal clock it was told to accept (--rehearsal or
    campaign.rehearsal = true)."""
    return app.rehearsal is None or rehearsal_flag or bool(app.config.get("campaign.rehearsal"))


def build_parser(registry: Registry | None = None) -> argparse.ArgumentParser:
    registry = registry or build_registry()
    parser = argparse.ArgumentParser(
        prog="run.py", description="绿美植树助手: WeChat tree-planting campaign bot （公众号植树助手）"
    )
    parser.add_argument("--config", help="config file (default: $BOT_CONFIG, else config.toml beside run.py)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, command in commands(registry).items():
        command.add_arguments(sub.add_parser(name, help=command.help, description=command.help))
    return parser


def main(argv: list[str] | None = None) -> int:
    registry = build_registry()
    parser = build_parser(registry)
    args = parser.parse_args(argv)
    if args.command is None:  # `python run.py` alone serves
        args = parser.parse_args([*(argv or sys.argv[1:]), "serve"])
    try:
        cfg = config_mod.load(args.config)
    except config_mod.ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    setup_logging(cfg.path_of("logging.file"), cfg.get("logging.level"))
    app = create_context(cfg, registry)
    try:
        if not start_rehearsal(app, os.environ.get("BOT_NOW")):
            return 2
        return commands(registry)[args.command].run(args, app)
    finally:
        app.databases.close_all()
