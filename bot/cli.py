"""The command line: `python run.py [--config PATH] COMMAND`.

Commands are registered in ``COMMANDS`` (name -> (help, add_arguments, run));
each ``run(args, app)`` gets the parsed arguments and the AppContext.
"""
from __future__ import annotations

import argparse
import importlib
import getpass
import logging
import sys
import time
from pathlib import Path

from bot import clock
from bot import config as config_mod
from bot.logs import setup as setup_logging

log = logging.getLogger("bot.cli")


# -- commands --------------------------------------------------------------------------------------
def cmd_serve(args, app) -> int:
    from waitress import serve

    from bot.app import create_app

    cfg = app.config
    host = args.host or cfg.get("server.host")
    port = args.port or cfg.get("server.port")
    flask_app = create_app(cfg, app)
    scheduler = None
    if not args.no_scheduler:
        from bot import scheduler as sched

        scheduler = sched.start(app)
    print(f"serving /wechat, /admin and /healthz on http://{host}:{port}", flush=True)
    try:
        serve(flask_app, host=host, port=int(port), ident="lvmei", **waitress_options(cfg))
    finally:
        if scheduler:
            scheduler.shutdown(wait=False)
    return 0


def waitress_options(cfg) -> dict:
    options = {
        "threads": int(cfg.get("server.threads", 32)),
        # roster uploads may be larger than a webhook body; Flask still caps every other route
        "max_request_body_size": max(int(cfg.get("server.max_body_bytes", 65536)),
                                     int(cfg.get("dashboard.upload_max_bytes", 8 << 20))),
    }
    if cfg.get("server.trusted_proxy"):  # behind nginx: the client address comes from X-Forwarded-For
        options.update(trusted_proxy=cfg.get("server.trusted_proxy"),
                       trusted_proxy_headers="x-forwarded-for x-forwarded-proto x-forwarded-host",
                       clear_untrusted_proxy_headers=True)
    return options


def cmd_worker(args, app) -> int:
    from bot import scheduler as sched

    scheduler = sched.start(app)
    print("worker running: scheduler and outbound sender (Ctrl-C to stop)", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        scheduler.shutdown(wait=False)
    return 0


def cmd_tick(args, app) -> int:
    from bot import scheduler as sched

    now = clock.parse_moment(args.now, app.tz) if args.now else clock.utcnow()
    app.clock = lambda: now
    for name, result in sched.run_due(app, now).items():
        print(f"{name}: {result}")
    return 0


def cmd_export(args, app) -> int:
    from bot import exports

    try:
        header, data = exports.rows(app.db, args.table)
    except exports.ExportUnavailable:
        print(f"export {args.table}: this table does not exist yet in this version", file=sys.stderr)
        return 2
    if args.format == "xlsx":
        out = Path(args.out or f"{args.table}.xlsx")
        exports.write_xlsx(header, data, out, args.table)
        print(f"wrote {out}", file=sys.stderr)
    elif args.out:
        with open(args.out, "w", encoding="utf-8-sig", newline="") as fh:
            exports.write_csv(header, data, fh)
    else:
        try:
            exports.write_csv(header, data, sys.stdout)
            sys.stdout.flush()
        except BrokenPipeError:  # `export people | head`: the reader has all it wanted
            sys.stdout = None  # type: ignore[assignment] - keeps Python from complaining again at exit
    return 0


def cmd_create_admin(args, app) -> int:
    from werkzeug.security import generate_password_hash

    from bot.db import transaction
    from bot.store import admins

    password = args.password or getpass.getpass(f"password for {args.name}: ")
    if len(password) < 8:
        print("password must be at least 8 characters", file=sys.stderr)
        return 2
    from bot.dashboard.auth import UnknownPerson, link_login_person

    try:
        with transaction(app.db):
            admins.upsert(app.db, args.name, generate_password_hash(password), args.role, clock.to_db(clock.utcnow()))
            person = link_login_person(app.db, args.name, args.role, args.person)
    except UnknownPerson:
        print(f"no 技术顾问 named {args.person!r} in the roster (import people first); nothing saved", file=sys.stderr)
        return 2
    linked = f", acting as roster person {person['name']} (id {person['id']})" if person else ""
    print(f"dashboard login {args.name!r} ({args.role}) saved{linked}")
    if args.role == "adviser" and person is None:
        print("warning: not linked to a 技术顾问: this login sees no village and no ticket until linked "
              "(--person NAME)", file=sys.stderr)
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

    return run_chat(app, args.openid, with_standin=not args.real_api)


def _serve_args(p):
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.add_argument("--no-scheduler", action="store_true", help="webhook and dashboard only")


def _tick_args(p):
    p.add_argument("--now", help="ISO date-time; without an offset it is in campaign.timezone")


def _export_args(p):
    p.add_argument("table", choices=["villages", "people", "plantings", "tickets", "outbox"])
    p.add_argument("--format", choices=["csv", "xlsx"], default="csv")
    p.add_argument("--out")


def _admin_args(p):
    p.add_argument("name")
    p.add_argument("--password", help="otherwise prompted")
    p.add_argument("--role", choices=["admin", "adviser"], default="admin")
    p.add_argument("--person", help="adviser logins: the roster 技术顾问 this login acts as "
                   "(default: the 技术顾问 with the login's name)")


def _chat_args(p):
    p.add_argument("--openid", default="o-chat-villager")
    p.add_argument("--real-api", action="store_true", help="send outbound messages to the configured API "
                   "instead of a local stand-in")


def _import_args(p):
    p.add_argument("kind", choices=["villages", "people"])
    p.add_argument("file")
    p.add_argument("--clean-rows-only", action="store_true", help="import the valid rows, skip the bad ones")


def _qrcodes_args(p):
    p.add_argument("--out", help="directory for <village id>-<name>.png (default: qrcodes/ beside the database)")


def _report_args(p):
    p.add_argument("--month", required=True, help="YYYY-MM")
    p.add_argument("--out")


def _demo_args(p):
    p.add_argument("--scale", type=int, default=1)


def _no_args(p):
    pass


def _broadcast_args(p):
    p.add_argument("--segment", help="all | village:<名称> | town:<镇街> | role:<角色> | below-quota | unregistered")
    p.add_argument("--text", help="the message (a few short lines)")
    p.add_argument("--at", help="send at this ISO date-time (campaign timezone without an offset); default now")
    p.add_argument("--dry-run", action="store_true", help="show the recipient count and a preview, send nothing")
    p.add_argument("--mass-tag", type=int, help="WeChat user tag id: one mass send (within the account type's "
                   "limits) instead of one message per follower")
    p.add_argument("--cancel", type=int, metavar="ID", help="cancel broadcast ID")
    p.add_argument("--list", action="store_true", help="list broadcasts, newest first")


def _backup_args(p):
    p.add_argument("--out", help="FILE.tar.gz (one archive) or a folder; default "
                   "<database folder>/backups/backup-<UTC time>.tar.gz")


# name -> (help, add_arguments, run). ``run`` is a function, or "module:function" for commands that
# live with their capability (imported only when that command runs).
COMMANDS = {
    "serve": ("webhook + dashboard (+ scheduler and outbox sender unless --no-scheduler)", _serve_args, cmd_serve),
    "worker": ("scheduler and outbound sender only", _no_args, cmd_worker),
    "chat": ("terminal simulator: type as a villager through the real webhook code", _chat_args, cmd_chat),
    "import": ("load the roster (villages or people) from .xlsx or .csv", _import_args, "bot.roster:cmd_import"),
    "export": ("export a table as CSV (stdout) or xlsx", _export_args, cmd_export),
    "tick": ("run every scheduled job due at --now once, and exit", _tick_args, cmd_tick),
    "report": ("the monthly progress report (通报) as Excel", _report_args, "bot.reports:cmd_report"),
    "demo": ("fill an empty database with a believable demo county", _demo_args, "bot.demo:cmd_demo"),
    "create-admin": ("create or reset a dashboard login", _admin_args, cmd_create_admin),
    "menu": ("push the custom menu to WeChat", _no_args, cmd_menu),
    "backup": ("a consistent copy of the database and photos while the bot runs (.tar.gz or folder)",
               _backup_args, "bot.backup:cmd_backup"),
    "broadcast": ("message a segment of followers now or later (--list, --cancel ID, --dry-run)", _broadcast_args,
                  "bot.broadcasts:cmd_broadcast"),
    "qrcodes": ("save a permanent QR code per village (qrscene_<village id>) as PNG", _qrcodes_args,
                "bot.qrcodes:cmd_qrcodes"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="run.py", description="绿美植树助手: WeChat tree-planting campaign bot")
    parser.add_argument("--config", help="config file (default: $BOT_CONFIG or ./config.toml)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (help_text, add_args, _run) in COMMANDS.items():
        add_args(sub.add_parser(name, help=help_text, description=help_text))
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:  # `python run.py` alone serves
        args = parser.parse_args([*(argv or sys.argv[1:]), "serve"])
    try:
        cfg = config_mod.load(args.config)
    except config_mod.ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    log_file = cfg.get("logging.file") or None
    setup_logging(cfg.base_dir / log_file if log_file else None, cfg.get("logging.level", "INFO"))
    from bot.app import create_context

    app = create_context(cfg)
    run = COMMANDS[args.command][2]
    if isinstance(run, str):
        module_name, function_name = run.split(":")
        run = getattr(importlib.import_module(module_name), function_name)
    try:
        return run(args, app)
    finally:
        app.databases.close_all()
