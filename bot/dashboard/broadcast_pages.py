"""Broadcasts: compose, see the recipient count and a preview, send now or schedule, cancel.

Everything goes through bot.broadcasts (segments, limits, queueing): this page only collects the
form, shows ``plan`` and calls ``create`` / ``cancel``. The scheduled job starts due broadcasts.
"""
from __future__ import annotations

from flask import flash, g, redirect, render_template, request, url_for

from bot import broadcasts, clock
from bot.dashboard import auth
from bot.registry import DashboardPage
from bot.store import roster as roster_store

SEGMENT_LABELS = {
    "all": "全部关注者", "village": "某个村社区", "town": "某个镇街", "role": "某种角色",
    "below-quota": "还没完成任务的人", "unregistered": "未登记的关注者",
}
STATUS_LABELS = {"scheduled": "待发送", "started": "已发送", "cancelled": "已取消"}
MESSAGE_LABELS = {"queued": "排队", "held": "等待用户发言", "sent": "已送达", "failed": "失败", "cancelled": "已取消"}


def _form() -> dict:
    return {key: request.form.get(key, "").strip() for key in ("kind", "value", "text", "send_at")}


def _segment(form: dict) -> str:
    kind = form["kind"] or "all"
    return f"{kind}:{form['value']}" if kind in broadcasts.WITH_VALUE else kind


def _check(form: dict) -> tuple[broadcasts.Segment | None, str | None]:
    """The parsed segment, or the reason in words why the form cannot be sent."""
    try:
        segment = broadcasts.parse_segment(_segment(form), auth.bot().config)
    except broadcasts.BroadcastError:
        return None, "请选择收件范围，并填写村社区、镇街或角色。"
    try:
        broadcasts.check_text(form["text"])
    except broadcasts.BroadcastError:
        return None, f"内容不能为空，也不能超过 {broadcasts.MAX_TEXT} 字。"
    return segment, None


def _send_at(text: str):
    if not text:
        return None
    try:
        return clock.parse_moment(text, auth.bot().tz)
    except ValueError:
        return None


def _message_counts(counts: dict[str, int]) -> str:
    totals: dict[str, int] = {}
    for key, n in counts.items():
        status = key.split("/")[0]
        totals[status] = totals.get(status, 0) + n
    return "，".join(f"{MESSAGE_LABELS.get(k, k)} {n}" for k, n in totals.items())


def _page(form: dict, plan=None, error: str | None = None):
    ctx = auth.bot()
    rows = broadcasts.list_broadcasts(ctx.db, limit=30)
    for row in rows:
        row["summary"] = _message_counts(row["messages"])
    return render_template(
        "dashboard/broadcasts.html", form=form, plan=plan, error=error, rows=rows,
        segment_labels=SEGMENT_LABELS, status_labels=STATUS_LABELS, max_text=broadcasts.MAX_TEXT,
        villages=[v["name"] for v in roster_store.all_villages(ctx.db)],
        towns=sorted({v["town"] for v in roster_store.all_villages(ctx.db) if v["town"]}),
        roles=list(ctx.config.get("campaign.quotas")))


def broadcasts_page():
    return _page({"kind": "all", "value": "", "text": "", "send_at": ""})


def compose():
    form = _form()
    segment, error = _check(form)
    if error:
        return _page(form, error=error), 400
    ctx = auth.bot()
    if request.form.get("action") != "send":
        return _page(form, plan=broadcasts.plan(ctx.db, ctx.config, segment))
    send_at = _send_at(form["send_at"])
    if form["send_at"] and send_at is None:
        return _page(form, error="发送时间看不懂，请重新选择。"), 400
    broadcast_id = broadcasts.create(ctx.db, ctx.config, segment=str(segment), text=form["text"], now=auth.now(),
                                     send_at=send_at, created_by=g.viewer.username)
    when = "马上发送" if send_at is None or send_at <= auth.now() else "已定时"
    flash(f"群发 #{broadcast_id} {when}。", "ok")
    return redirect(url_for("dashboard.broadcasts_page"))


def cancel_broadcast(broadcast_id: int):
    result = broadcasts.cancel(auth.bot().db, broadcast_id, auth.now())
    if not result["found"]:
        flash(f"没有群发 #{broadcast_id}。", "error")
    else:
        flash(f"群发 #{broadcast_id} 已取消，撤回未发出的消息 {result['cancelled_messages']} 条。", "ok")
    return redirect(url_for("dashboard.broadcasts_page"))


PAGES = [
    DashboardPage("/broadcasts", broadcasts_page, nav="dashboard.nav.broadcasts", admin_only=True),
    DashboardPage("/broadcasts", compose, methods=("POST",), admin_only=True),
    DashboardPage("/broadcasts/<int:broadcast_id>/cancel", cancel_broadcast, methods=("POST",), admin_only=True),
]
