"""Round 52 of issue 17 §5, through signed pushes: the misses of sets 19z and 20a (tests/data/conversation_probes_19z.tsv,
…_20a.tsv), mended by class. Examples of its own for each class, written before any class was mended and run on the
untouched branch (7f8f71f) first, and controls that must keep their way; the figures before and after are in README.md
(Conversation round 52)."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

# a number alone after the photo ('2', '三'): the record's count, its tree asked next (it had been the fallback, or a
# tree named 三)
EXAMPLES_NUMBER = [
    ("after_photo", "3", "planting"),
    ("after_photo", "三", "planting"),
    ("after_photo", "两", "planting"),
    ("after_photo", "5", "planting"),
    ("after_photo", "一", "planting"),
    ("after_photo", "10", "planting"),
]
CONTROLS_NUMBER = [
    ("after_photo", "2棵", "planting"),
    ("member", "2棵荔枝", "planting"),
]

# while a record waits for its photo: dropped as not planted for now ('算啦 唔种住'), or the trees pointed at not to be
# recorded ('唔好登记头先嘅两棵荔枝': it had been recorded as 2 荔枝, the negation left out)
EXAMPLES_CANCEL = [
    ("pending", "算了 先不种了", "cancel"),
    ("pending", "唔种住啦", "cancel"),
    ("pending", "不要登记刚才的两棵荔枝", "cancel"),
    ("pending", "唔好记头先嗰两棵", "cancel"),
    ("pending", "算数啦 暂时唔种", "cancel"),
    ("pending", "刚才那两棵不要登记了", "cancel"),
]
CONTROLS_CANCEL = [
    ("member", "我唔想种荔枝，种桂花得唔得", "question"),
    ("member", "唔好淋太多水", "question"),
    ("pending", "唔好意思 系三棵唔系两棵", "planting"),
    ("member", "唔种荔枝种咩好", "question"),
    ("pending", "我唔想种荔枝，种桂花得唔得", "question"),
]

# while a record waits for its photo: whether the tree's photo is to be taken, then how ('要拍树的照片吗 怎么发'): its
# next step (it had been the FAQ's general photo answer)
EXAMPLES_PHOTO = [
    ("pending", "要发树的相片吗 点发", "how"),
    ("pending", "系咪要拍照 怎样拍", "how"),
    ("pending", "跟住要拍相系咪 点拍", "how"),
    ("pending", "要影树嘅相吗 点样发", "how"),
    ("pending", "照片要拍吗 怎么弄", "how"),
    ("pending", "然后要拍照片是吗 怎么拍", "how"),
]
CONTROLS_PHOTO = [
    ("member", "要拍树的照片吗", "question"),
    ("member", "照片怎么拍", "question"),
    ("member", "要拍树的照片吗 怎么发", "question"),
]

# an adviser asking whether villagers asked him anything ('有冇村民问我嘢'): his 待办 (it had been 'not understood')
EXAMPLES_QUEUE = [
    ("adviser", "有没有村民问我问题", "queue"),
    ("adviser", "有冇人问嘢", "queue"),
    ("adviser", "今日有冇人问我", "queue"),
    ("adviser", "有人问我东西吗", "queue"),
    ("adviser", "村民有冇新问题", "queue"),
    ("adviser", "有没有新的提问", "queue"),
]
CONTROLS_QUEUE = [
    ("member", "有冇人问过桂花点种", "question"),
    ("adviser", "签到", "sign_in"),
    ("adviser", "有人问我桂花点种", "question"),
]

# a rename asked politely in Cantonese, 改返 and 个名 ('可唔可以改返我个名 系黄月娥'): how to correct it (it had become a
# ticket)
EXAMPLES_RENAME = [
    ("member", "可以改下我个名吗 系陈秀英", "rename"),
    ("member", "帮我改返个名 叫李丽芳", "rename"),
    ("member", "可唔可以改我嘅名 应该系张玉梅", "rename"),
    ("member", "我个名可唔可以改 改做何美玲", "rename"),
    ("member", "能不能改一下我的名字 是王秀兰", "rename"),
]
CONTROLS_RENAME = [
    ("member", "我的名字写错了吗", "rename"),
    ("member", "树名可以改吗", "question"),
    ("member", "可以改下树名吗", "question"),
]

# during a ticket on yellowing 桂花 leaves: what is seen under the leaves (叶底) or on a part also (仲有), and a cause
# guessed with the verb right after the guess ('我成日淋水 系咪淋多咗'): its 补充 (a new ticket, or the FAQ's watering)
EXAMPLES_SUPPLEMENT = [
    ("ticket", "叶背仲有啲白点", "supplement"),
    ("ticket", "叶底有好多白色细点", "supplement"),
    ("ticket", "我日日都淋水 会唔会淋太多", "supplement"),
    ("ticket", "我每日淋两次水 系咪太多", "supplement"),
    ("ticket", "我成日落肥 系咪落多咗", "supplement"),
    ("ticket", "树干仲有啲黑点", "supplement"),
]
CONTROLS_SUPPLEMENT = [
    ("ticket", "芒果几时种", "new"),
    ("ticket", "叶底有啲白色嘅虫", "new"),
    ("ticket", "叶底仲有啲白色嘅虫仔", "new"),
    ("member", "是不是浇多了", "question"),
]

EXAMPLES = EXAMPLES_NUMBER + EXAMPLES_CANCEL + EXAMPLES_PHOTO + EXAMPLES_QUEUE + EXAMPLES_RENAME + EXAMPLES_SUPPLEMENT
CONTROLS = CONTROLS_NUMBER + CONTROLS_CANCEL + CONTROLS_PHOTO + CONTROLS_QUEUE + CONTROLS_RENAME + CONTROLS_SUPPLEMENT
LEFT: dict[str, str] = {}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(EXAMPLES, LEFT))
def test_round_52_example(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(CONTROLS, {}))
def test_round_52_control(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("number", "count"), [("2", 2), ("三", 3), ("两", 2), ("十二", 12)])
def test_round_52_a_number_after_the_photo_is_the_count_and_the_tree_is_asked(probe, number, count):  # noqa: F811
    probe.count += 1
    probe.bot.clock.advance(hours=2)
    openid = f"o-number-{probe.count}"
    user = probe.member(openid)
    user.sends_photo(f"m-number-{probe.count}")
    reply = user.says(number) or ""
    assert probe.rows("SELECT species, count, status FROM plantings WHERE openid = ?", [openid]) == [
        {"species": None, "count": count, "status": "pending"}
    ]
    assert "什么树" in reply
    reply = user.says("桂花") or ""
    assert probe.rows("SELECT species, count, status FROM plantings WHERE openid = ?", [openid]) == [
        {"species": "桂花", "count": count, "status": "complete"}
    ]
