"""The corrections capability's manifest: a finished planting record corrected by its village's cadres in the chat, or
by the office and a village's cadre login on the dashboard's record page; its rules and service are in
bot/corrections.py, its states in docs/planting.md.

Routes (dispatch order in handlers/__init__.py):
- correction_confirm: ``确定`` (or ``确定 <原因>``) after the bot asked a cadre whether to correct a record
  (``TABLE``): the record withdrawn, recounted or restored, the audit row kept, its sender told
- correction: a village cadre's (round 76: or the office's, any village's record) ``更正记录 12 3棵 [原因]`` /
  ``作废记录 12 [原因]`` / (round 77) ``恢复记录 12 [原因]``, or ``第12号改成3棵`` of a record not their own: a record of
  their village is shown and asked to confirm; another village's is refused; anyone else's words go on to the routes
  after (作废 and 改成 of their own records: handlers/planting.py)
"""

from __future__ import annotations

from bot import corrections, planting
from bot.conversation import END, FlowTable, Step
from bot.dashboard import correction_pages
from bot.identity import acts_as
from bot.roster import ADMIN
from bot.router import Route, staged
from bot.store import corrections as store
from bot.store import plantings as plantings_store
from bot.store import roster as roster_store
from handlers.planting import numbered_record


def _commands(app) -> dict:
    return {
        corrections.RECOUNT: app.messages.words("corrections.commands.recount"),
        corrections.WITHDRAW: app.messages.words("corrections.commands.withdraw"),
        corrections.RESTORE: app.messages.words("corrections.commands.restore"),
    }


def _said_ahead(ctx):
    """The command (更正记录 12 3棵, 作废记录 12), or a record named by its number and corrected (第12号改成3棵)."""
    if ctx.msg.msg_type != "text":
        return None
    table, others = planting.species_table(ctx.app), planting.offlist_names(ctx.app)
    said = corrections.read_command(ctx.msg.text or "", _commands(ctx.app), table, others)
    if said is not None:
        return said
    number, text = numbered_record(ctx)
    if number is None or planting.correction_said(text, table, others) is None:
        return None
    return _Numbered(number, text)


class _Numbered(tuple):
    """'第12号改成3棵': the number and the words after it (a cadre's only for a record not their own)."""

    def __new__(cls, number: int, text: str):
        return super().__new__(cls, (number, text))


def cadre(ctx) -> bool:
    """A village cadre bound with proof, with a village (``planting.correction_roles``)."""
    roles = ctx.config.get("planting.correction_roles")
    return acts_as(ctx.person, roles) and ctx.person["village_id"] is not None


def office(ctx) -> bool:
    """The campaign office (管理员, bound with proof): any village's record (round 76; the dashboard's rule too)."""
    return acts_as(ctx.person, (ADMIN,))


def _may_correct(ctx, record: dict) -> bool:
    """The office any record; a village cadre their village's."""
    return office(ctx) or (cadre(ctx) and record["village_id"] == ctx.person["village_id"])


def _default_reason(ctx) -> str:
    return ctx.t("corrections.default_reason_office" if office(ctx) else "corrections.default_reason")


def _said_then(ctx, said):
    """Only a village cadre's or the office's; the numbered words only of a record not their own (their own:
    handlers/planting.py)."""
    if not (cadre(ctx) or office(ctx)):
        return None
    if isinstance(said, _Numbered):
        number, text = said
        record = plantings_store.get(ctx.db, number)
        if record is None or record["openid"] == ctx.openid:
            return None
        table, others = planting.species_table(ctx.app), planting.offlist_names(ctx.app)
        fields = planting.recount_of(planting.correction_said(text, table, others) or "", record, table, others)
        return corrections.Said(corrections.RECOUNT, number, fields or {}, "")
    return said


# the question and the answer of the actions without a count (a recount's also name the new count)
ASKS = {corrections.WITHDRAW: "corrections.withdraw_ask", corrections.RESTORE: "corrections.restore_ask"}
DONE = {corrections.WITHDRAW: "corrections.withdrawn", corrections.RESTORE: "corrections.restored"}


def on_correction_asked(ctx, said: corrections.Said) -> str:
    record = plantings_store.get(ctx.db, said.planting_id)
    if record is None or record["status"] not in ("complete", plantings_store.WITHDRAWN) or not record["completed_at"]:
        return ctx.t("corrections.not_found", id=said.planting_id)
    facts = {"id": record["id"], "what": planting.describe_for_villager(ctx.app, record)}
    if not _may_correct(ctx, record):
        return ctx.t("corrections.other_village", id=record["id"])
    if record["openid"] == ctx.openid and planting.proxy_name(ctx.db, record) is None and not office(ctx):
        if said.action == corrections.RESTORE:
            return ctx.t("corrections.own_record_restore", id=record["id"])
        return ctx.t("corrections.own_record", id=record["id"], minutes=planting.withdraw_minutes(ctx.config))
    refused = corrections.refusal(record, said.action)
    if refused == corrections.NOT_WITHDRAWN:
        return ctx.t("corrections.not_withdrawn", **facts)
    again = corrections.reported_again(ctx.db, record) if said.action == corrections.RESTORE and not refused else None
    if again is not None:
        return ctx.t("corrections.reported_again", again=again, **facts)
    if refused == corrections.WITHDRAWN:
        return ctx.t("corrections.already_withdrawn", **facts)
    if refused == corrections.REJECTED:
        return ctx.t("corrections.rejected", **facts)
    if said.action == corrections.RECOUNT and said.fields is None:
        return ctx.t("corrections.recount_how", id=record["id"])
    changed = corrections.changes(record, said.fields or {}) if said.action == corrections.RECOUNT else {}
    if said.action == corrections.RECOUNT and not changed:
        return ctx.t("corrections.same", **facts)
    reason = said.reason or _default_reason(ctx)
    corrections.FLOW.enter(
        ctx, "confirm", {"planting_id": record["id"], "action": said.action, "fields": changed, "reason": said.reason}
    )
    shown = _record_line(ctx, record, facts["what"])
    if said.action in ASKS:
        return ctx.t(ASKS[said.action], record=shown, reason=reason)
    new = planting.describe_for_villager(ctx.app, {**record, **changed})
    return ctx.t("corrections.recount_ask", record=shown, new=new, reason=reason)


def _name(ctx, record: dict, column: str = "person_id") -> str:
    person = roster_store.person(ctx.db, record[column]) if record[column] else None
    return person["name"] if person else "—"


def _record_line(ctx, record: dict, what: str) -> str:
    """The record as the cadre is asked about it: whose, what, when; a 代种 record names who entered it for whom."""
    facts = {"id": record["id"], "name": _name(ctx, record), "what": what}
    day = corrections.reported_day(ctx.app, record)
    if planting.proxy_name(ctx.db, record) is None:
        return ctx.t("corrections.record_line", day=day, **facts)
    return ctx.t("corrections.record_line_proxy", by=_name(ctx, record, "entered_by_person_id"), day=day, **facts)


def _told(ctx, record: dict) -> str:
    """Who the reply says was told: the sender, the cadre who entered a 代种 record, or nobody (they corrected it);
    round 77: a 代种 record's household on WeChat too."""
    household = _name(ctx, record) if corrections.household_openid(ctx.db, record, ctx.person) else None
    if not corrections.sender_told(record, ctx.person):
        return ctx.t("corrections.told", name=household) if household else ""
    if planting.proxy_name(ctx.db, record) is None:
        return ctx.t("corrections.told", name=_name(ctx, record))
    entered_by = _name(ctx, record, "entered_by_person_id")
    if household:
        return ctx.t("corrections.told_proxy_household", name=entered_by, household=household)
    return ctx.t("corrections.told_proxy", name=entered_by)


def _confirmed(ctx, _state) -> tuple[str] | None:
    """The yes, with the reason said after it ('' when none): a one-tuple, so a bare yes is a match too."""
    if ctx.msg.msg_type != "text":
        return None
    reason = corrections.confirm_reason(ctx.msg.text or "", ctx.app.messages.words("corrections.commands.confirm"))
    return None if reason is None else (reason,)


def on_correction_confirmed(ctx, state, said: tuple[str]) -> str:
    (reason,) = said
    corrections.FLOW.end(ctx)
    data = state.data
    record = plantings_store.get(ctx.db, data["planting_id"])
    if record is None or not _may_correct(ctx, record):
        return ctx.t("corrections.failed", id=data["planting_id"])
    why = reason or data["reason"] or _default_reason(ctx)
    done = corrections.correct(
        ctx.app,
        ctx.db,
        data["planting_id"],
        data["action"],
        why,
        ctx.now,
        channel=corrections.CHAT,
        fields=data["fields"],
        by_person=ctx.person,
        by_office=office(ctx),
    )
    what = planting.describe_for_villager(ctx.app, record)
    if done.refused == corrections.REPORTED_AGAIN:
        return ctx.t("corrections.reported_again", id=record["id"], what=what, again=done.again)
    if done.refused or done.record is None:
        return ctx.t("corrections.failed", id=data["planting_id"])
    if data["action"] in DONE:
        return ctx.t(DONE[data["action"]], id=record["id"], what=what, told=_told(ctx, record))
    new = planting.describe_for_villager(ctx.app, done.record)
    return ctx.t("corrections.recounted", id=record["id"], what=what, new=new, told=_told(ctx, record))


# The one answer to "要作废这条记录吗" / "要改成…吗"; the diagram is in docs/planting.md.
TABLE = FlowTable(corrections.FLOW, (Step("confirm", "yes", _confirmed, on_correction_confirmed, to=(END,)),))

ROUTES: list = [
    TABLE.route("correction_confirm"),
    Route("correction", staged(_said_ahead, _said_then), on_correction_asked),
]
STORES: list = [store]
EXPORTS: dict = {**store.EXPORT_SQL}
EXPORT_LABELS: dict = {"record_corrections": corrections.LABEL_SECTIONS}
DASHBOARD: list = correction_pages.PAGES
FLOWS: list = [corrections.FLOW]
