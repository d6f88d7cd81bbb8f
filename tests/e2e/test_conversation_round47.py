"""Round 47 of issue 17 §5, through signed pushes: the request kinds the blind set 19t found going astray after its
blind figure was taken (main 866af20: 121/140): a record in progress given up in Cantonese (算数: never mind); the
reminders switched off as 'it' (退咗佢) after the messages are named; the reminders wanted again as 'you may send them
again' (又可以发提醒给我) or news of the activities to be sent on (有活动照发俾我); what else the bot does (仲有咩可以做);
a record waiting for its photo asked whether no photo will do (冇相得唔得), or what makes it finished (点先算登记完); the
sender's certificate asked whether it is out (证书出来了吗); the adoptable list named, then sent to see (认养清单发俾我睇下); a photo more
for the ticket's tree, said to be the same one (补多张相 系同一棵桂花). Examples of its own, written before their
class was mended and run on main 866af20 first; then the 19t messages it fixed, so they cannot regress."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import cases_of, probe  # noqa: F401  (the module's fixture: one app for the examples)

EXAMPLES = [
    # a record in progress given up: 算数 (Cantonese: never mind) before or after the drop
    ("pending", "算数啦 唔要喇", "cancel"),
    ("pending", "唔记啦 算数", "cancel"),
    ("pending", "算数 呢个唔要", "cancel"),
    ("pending", "删咗佢 算数", "cancel"),
    # the reminders (or messages) named, then switched off as 'it' (退咗佢, 退掉它)
    ("member", "啲通知太多 退咗佢", "unsubscribe"),
    ("member", "推送好烦 帮我退咗佢啦", "unsubscribe"),
    ("member", "这些消息我不要了 退掉它", "unsubscribe"),
    ("member", "提醒退咗佢", "unsubscribe"),
    # the reminders wanted again: the sender may be sent them again; news of the activities sent on
    ("member", "现在又可以发通知给我了", "resubscribe"),
    ("party", "可以再发提醒给我了", "resubscribe"),
    ("member", "又可以推送提醒俾我啦", "resubscribe"),
    ("member", "以后有活动都发给我", "resubscribe"),
    ("member", "有活动照发俾我啦", "resubscribe"),
    # what else the bot does, nothing named besides (仲, 还): the help, an open ticket or none
    ("ticket", "仲有咩可以做", "help"),
    ("member", "我仲可以做啲咩", "help"),
    ("ticket", "这里还能做什么", "help"),
    ("member", "这个号还有什么功能", "help"),
    ("new", "你还可以帮我做什么", "help"),
    # a record waiting for its photo: no photo (or none can be taken), will it do; what makes the record finished
    ("pending", "没有照片行不行", "how"),
    ("pending", "冇相得唔得", "how"),
    ("pending", "影唔到相 得唔得", "how"),
    ("pending", "没照片可以吗", "how"),
    ("pending", "怎样才算登记完成", "how"),
    ("pending", "要点样先算记录好", "how"),
    ("after_photo", "怎么才算登记成功", "how"),
    # the sender's certificate asked whether it is out, no owner named
    ("finished", "证书到了吗", "certificate"),
    ("finished", "证书出咗未", "certificate"),
    ("party", "证书下来了没有", "certificate"),
    ("member", "证书出嚟未", "certificate"),
    # the adoptable list named first, then sent to the sender to see
    ("member", "认养名单发给我看一下", "adopt"),
    ("party", "认种清单发过来给我看看", "adopt"),
    ("member", "可认养树木名单拿俾我睇下", "adopt"),
    # a photo more for the ticket's tree, said to be the same one (同一棵): its 补充, never a record of one tree
    ("ticket", "再发一张相 是同一棵桂花", "supplement"),
    ("ticket", "同一棵桂花 我再补张相", "supplement"),
    ("ticket", "仲有张相 都系同一棵桂花嘅", "supplement"),
    ("ticket", "补张照片 还是同一棵桂花", "supplement"),
    ("member", "同一天种了两棵桂花", "planting"),
]
LEFT: dict[str, str] = {}

# What must not change: a question whether a tree counts (算数), a retraction with nothing in progress, nothing named to switch off,
# a question's answer, a question about the activity
CONTROLS = [
    ("member", "补种的树算数吗", {"cancel", "withdraw"}),
    ("member", "退咗佢", {"reminders_off"}),
    ("member", "有问题就发给我", {"reminders_on"}),
    ("member", "有活动吗", {"reminders_on"}),
    ("member", "专家有回复就发给我", {"reminders_on"}),
    ("member", "可以再发一次证书给我吗", {"reminders_on"}),
    ("member", "桂花还可以种什么", {"help"}),
    ("member", "还有什么树可以种", {"help"}),
    ("member", "没有照片可以吗", {"planting_menu"}),
    ("member", "证书出来要多久", {"my_certificates"}),
    ("member", "村里的证书出来了吗", {"my_certificates"}),
    ("member", "认养清单发给专家", {"adoption_list"}),
]

# The 19t messages this round fixed
FIXED_19T = [
    ("pending", "唔要啦 算数", "cancel"),
    ("member", "咁多消息 我唔要了 退咗佢", "unsubscribe"),
    ("party", "又可以发提醒给我了", "resubscribe"),
    ("member", "冇问题啦 以后有活动照发俾我", "resubscribe"),
    ("ticket", "呢度仲有咩可以做", "help"),
    ("pending", "冇相影得唔得", "how"),
    ("pending", "点先算登记完", "how"),
    ("finished", "证书出来了吗", "certificate"),
    ("party", "认养清单发俾我睇下", "adopt"),
    ("ticket", "补多张相 系同一棵桂花", "supplement"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(EXAMPLES, LEFT))
def test_round_47_example(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message", "forbidden"), CONTROLS, ids=[f"{c}:{m}" for c, m, _ in CONTROLS])
def test_round_47_control(probe, context, message, forbidden):  # noqa: F811
    assert probe.handler_for(context, message) not in forbidden


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(FIXED_19T, {}))
def test_round_47_fixed_19t_probe(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
