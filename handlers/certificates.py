"""The certificates capability's manifest: 我的证书 in the chat, the job that issues a person's 植绿尽责证书 when their
verified trees reach their quota, the export; its rules and services are in bot/certificates.py, the picture in
bot/certificate_image.py, the public page in bot/certificate_page.py.

Routes (dispatch order in handlers/__init__.py):
- my_certificates: ``我的证书``: the sender's certificates again (picture and page link), or how to earn one
"""

from __future__ import annotations

from bot import certificates, nlu, progress
from bot.context import Ctx
from bot.identity import registered
from bot.router import Route
from bot.scheduler import Job
from bot.store import certificates as store
from handlers.core import text_means


@registered
def on_my_certificates(ctx: Ctx, _match) -> str:
    genuine, revoked = certificates.mine(ctx)
    if genuine:
        certificates.send_again(ctx, genuine)
        return "\n".join(certificates.text_line(ctx.app, cert, again=True) for cert in genuine)
    if revoked:
        return ctx.t("certificates.only_revoked")
    assert ctx.person is not None  # @registered
    quota = progress.quota_for(ctx.config, ctx.person["role"])
    if ctx.person["role"] in progress.NON_HOUSEHOLD_ROLES:
        return ctx.t("certificates.none_staff")
    return ctx.t("certificates.none_quota", quota=quota) if quota else ctx.t("certificates.none_household")


# -- the manifest -------------------------------------------------------------------------------------------
def _certificate_asked(_app, meaning: str) -> bool:
    return nlu.certificate_asked(meaning)  # '我的证书呢', '证书在哪里看', '荣誉证书发我一份'


ROUTES: list = [
    Route("my_certificates", text_means("certificates.commands.mine", _certificate_asked), on_my_certificates)
]
JOBS: list = [Job("certificates", certificates.issue_due, 30, for_user=certificates.issue_due)]
STORES: list = [store]
EXPORTS: dict = {**store.EXPORT_SQL}
