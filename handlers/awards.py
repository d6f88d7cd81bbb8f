"""The awards capability's manifest: ``python run.py awards --period YYYY-MM`` (the candidate lists as Excel), the
reminder before each award date, the dashboard's 评选表彰 page (mark and withdraw winners), the export; its rules
and services are in bot/awards.py (a winner's 荣誉证书: bot/certificates.py). No chat routes."""

from __future__ import annotations

from bot import awards
from bot.dashboard import award_pages
from bot.registry import Command
from bot.scheduler import Job
from bot.store import awards as store

COMMANDS: dict = {
    "awards": Command(
        "the award candidate lists (最美植绿人, 最美植绿集体, 技术顾问) as Excel, up to a month's end",
        awards.awards_arguments,
        awards.cmd_awards,
    ),
}
JOBS: list = [Job("award_reminders", awards.award_reminders, 300)]
STORES: list = [store]
EXPORTS: dict = {**store.EXPORT_SQL}
DASHBOARD: list = award_pages.PAGES
