"""Whether a text asks for a thing itself or how to get it (round 32 of issue 17 §5).

The FAQ ranks a request the command readers missed ('帮我把种树通知关了吧', '全村完成咗几多') to the entry that tells
the command (bot.unsubscribe: 发“退订”…). A villager who asked how is answered with the steps; one who asked for the
thing (a request, or a question whose answer is their own figures: how many, done yet, any left) gets it done.
Pure functions of the normalised text (bot/nlu.py ``normalize``: traditional characters read as simplified). Round 33:
the question and negation words are nlu's (``steps_asked``, ``negated_before``, ``wish_refused``), read in one place.

One rule for how-questions (round 33; README, issue 17 §5): a how-question keeps the FAQ's steps, unless the villager
also says they mean to do it (a wish, who goes: '植树活动点报名 我同老公两个人去') or asks how to sign up for something whose
command only shows a list that says how (adoption, the zones: '听讲可以认种认养 要几钱 点报名'): then the command is done. A
command that records (joining the day, cancel, the reminders) needs the wish said ('植树活动怎么报名', '怎么认养' stay
answers).
"""

from __future__ import annotations

import re

from bot import nlu, request_frames

# a request (text normalised: 睇 is 看, 俾 给, 唔好 不要, 有冇 有没有, 咗 了, 未 and 冇 没有)
_REQUEST_RE = re.compile(
    r"帮我|帮忙|同我|请|麻烦|不该|我要|我想|想要|想看|想认|给我|发给我|发我|"
    r"看下|看看|看一下|查下|查一下|查查|有没有|有无|"
    r"不要|别|咪|停|关|开回|打开|开启|恢复|作废|删|撤|退订|订阅"
)
# a question whose answer is one's figures: how many, done yet
_FIGURES_RE = re.compile(r"多少|几棵|完成(?:了)?(?:任务|指标)?(?:了)?(?:没|吗)|(?:齐|够)(?:了)?(?:没|吗)|算不算")
# the reminders' direction, by the last word that gives one ('之前关了提醒 现在帮我打开': on)
# round 43 (19q): subscribed back (订返, normalised 订回), 订阅 again
# round 44 (19r): switched back on, 返开 (normalised 回开) or 番开 ('之前关咗提醒 而家想返开')
_ON_RE = re.compile(
    r"打开|开回|开启|恢复|重新|继续|再(?:帮我)?(?:收|发|开|订阅)|要收|想收|开(?:提醒|通知)|订回|订阅回|(?:回|番)开"
)
_OFF_RE = re.compile(r"不要|别|咪|停|关|取消|退订|太多|烦")
# round 39: not received ('可不可以不收'); never what not receiving them would mean ('唔收到都唔知几时要淋水')
_OFF_RE = re.compile(_OFF_RE.pattern + r"|不(?:再)?(?:收|接收)(?!到)")
# the village's figures, not one's own
_VILLAGE_RE = re.compile(r"全村|本村|村里|我们村|各户|哪些户|哪几户|全社区|本社区|全体|大家")


# round 39 (19n): may I not have them, asked ('每日都收到通知 可唔可以唔收': 可不可以不收): a request said politely
_MAY_I_NOT_RE = re.compile(r"(?:可不可以|能不能|可以|能否|可否|得不得|行不行)(?:不|别)(?:再)?(?:收|接收|要|发)")


def asked_for(norm: str, figures: bool = False) -> bool:
    """Does the text ask for the thing (do it, show it), not how to get it? With ``figures``, a question whose
    answer is the thing itself (how many, done yet) asks for it too."""
    if nlu.steps_asked(norm) or _WHETHER_TO_RE.search(norm):
        return False
    return bool(_REQUEST_RE.search(norm) or _MAY_I_NOT_RE.search(norm) or (figures and _FIGURES_RE.search(norm)))


# round 54: whether to do it asked ('照片要不要删掉重新拍', read as bot.cancel once set AS joined the precedents): advice
# asked, never the thing done (the record thrown away)
# the merge of round 64 (the retrained model read '村里种了多少棵荔枝比较好' as bot.progress): how many is best, or what
# is fitting, asked at the end is advice too, never one's figures
_WHETHER_TO_RE = re.compile(
    r"要不要|需不需要|需要不需要|使不使|用不用|该不该|应不应该|(?:比较|最|才)好(?:呢|啊|呀|吖)?$|合适(?:呢|吗|啊)?$"
)


def wish_refused(norm: str) -> bool:
    """Is a wish said refused ('我不想认养树 只想自己种': no request for the thing)? Not read for the reminders nor for
    cancel, whose refusals are their requests ('我不想要提醒了', '不要了')."""
    return nlu.wish_refused(norm)


# the reminders, not the expert's answers nor the sender's own sending ('我想收到专家的消息', '我要再发一次消息'), and
# the sender's own, not the villagers' ('请暂停向村民推送种树通知': a cadre on a broadcast)
# the lead (forty-ninth session; round 64 had noted '我要退订' missed, 22n's '唔该 我想退订'): the sender's wish to
# unsubscribe names the reminders too ('村长话退订嘅人要再登记' tells of others)
_REMINDERS_RE = re.compile(r"提醒|通知|推送|催|(?:想|要)退订|(?:给我|发我|收到?).{0,4}消息|消息.{0,4}(?:给我|发我)")
_NOT_MINE_RE = re.compile(r"专家|顾问|技术员|老师|村民|大家|群众|他们|全村|每户|各户")


def reminders_meant(norm: str) -> bool:
    """Are the sender's own reminders what the text is about?"""
    return bool(_REMINDERS_RE.search(norm)) and not _NOT_MINE_RE.search(norm)


_COUNT_RE = re.compile(r"[0-9一二两三四五六七八九十]+\s*(?:棵|株|颗|条)")


def count_said(norm: str) -> bool:
    """A count of trees ('删掉 是三棵': a correction, not the record thrown away)."""
    return bool(_COUNT_RE.search(norm))


# round 43 (19q): a switching off told as done before, by a slip ('之前唔小心退订咗', '上次手滑关了')
_TOLD_BEFORE_RE = re.compile(
    r"(?:之前|上次|头先|刚才|以前|早前)(?:我)?(?:不小心|唔小心|手滑|误点|点错|按错)?$|(?:不小心|手滑|误点)$"
)


def reminders_wanted_on(norm: str) -> bool | None:
    """The reminders wanted on (True), off (False), or no direction said (None): the last word that says one."""
    if request_frames.stopping_refused(nlu.request_frame(norm)):
        return True  # tidy84: the stopping refused or the keeping said, by the request frame ('别关我的提醒')
    last = {True: -1, False: -1}
    refused = request_frames.stopping_refused_at(norm)  # the lead (fifty-first session): '我不想退订' is no stop
    for start, _end in refused:
        last[True] = max(last[True], start)
    for wanted, pattern in ((True, _ON_RE), (False, _OFF_RE)):
        for found in pattern.finditer(norm):
            if not wanted and any(start <= found.start() < end for start, end in refused):
                continue  # '不想退订': the stop refused, read above
            if wanted and nlu.negated_before(norm, found.start()):
                continue  # '不要再发': the sending refused, not wanted again
            if not wanted and _TOLD_BEFORE_RE.search(norm[: found.start()]):
                continue  # round 43 (19q): switched off before, told of ('…之前唔小心退订咗'): no direction now
            last[wanted] = max(last[wanted], found.start())
    if last[True] == last[False]:
        return None
    return last[True] > last[False]


def village_asked(norm: str) -> bool:
    return bool(_VILLAGE_RE.search(norm))


# where the sender (or the household) stands, asked: done yet, how many so far ('我屋企算唔算完成咗', '我两样都齐未',
# '我自己报咗几多棵'); a rule asked ('种一棵就算完成了吗', '我家要种几棵') is not
_OWN_STANDING_RE = re.compile(
    r"(?:我|自己)(?!们村|哋村).{0,14}?(?:"
    r"算(?:不|唔)算完成|完成(?:了|咗)?(?:任务|指标)?(?:了|咗)?(?:没|未|吗|没有|冇)|(?:齐|够)(?:了|咗)?(?:没|未|冇)|"
    r"(?:报|登记|上报|种)(?:了|咗|过)(?:有)?(?:多少|几多|几棵)"
    r")"
    # round 68 (20y): or the sender's role's task asked done, the role named for 我 ('党员任务完成咗未', '干部嘅指标齐未')
    r"|^(?:我(?:们|哋)?)?(?:党员|干部|村干部|书记|村书记|领导)(?:的|嘅)?(?:种树|植树)?(?:任务|指标).{0,4}?"
    r"(?:完成(?:了|咗)?(?:没|未|吗|没有|冇)|(?:齐|够)(?:了|咗)?(?:没|未|冇))"
)

_RULE_RE = re.compile(r"就算|才算|才够|就够|要种多少|要种几|规定")


def own_standing_asked(norm: str) -> bool:
    """Is it where the sender (or their household) stands that is asked, not the rule?"""
    return bool(_OWN_STANDING_RE.search(norm)) and not _RULE_RE.search(norm)
