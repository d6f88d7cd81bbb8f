"""FAQ round 62 (issue 17 §1, confident wrong: an answer from the wrong entry). Three mends by class, each with own
phrasings (none from a set) and controls:

- a combination read whole: an intent that gives way to recommendations (its ``none`` names ``recommending``) gives
  way to what the recommendation reader reads with a purpose or a size, and any intent does when the reader reads both
  a place and a purpose (``FaqIndex._recommended_over``); place words (后院, 院仔, 校门, 球场, 进村的路, 家附近, 大门)
  and purpose words (快生, 见绿, 出效果, 晒到好热, 种什么树挡) the reader missed, so that half of a combination is not
  answered as the whole;
- the near entry of the same family: one's data seen, sold, made public, deleted or collected is bot.privacy (an intent
  before bot.my_info, bot.register and bot.photo, whose words the model reads there), not a dispute (被人 of one's data);
  where to buy a seedling cheapest is its price; Arbor Day's origin (清明, 孙中山) is camp.arbor_day.

docs/faq.md, 第六十二轮."""

import pytest

from bot import faq

CHECKS = [
    # an intent gives way to the recommendation read with a purpose (was camp.dangjianlin: what 党建林 is)
    ("支部党建林打算种些花香的 有什么建议", "recommend.党建林+香花"),
    # any intent gives way when place and purpose are both read (was tech.power_lines, by the model)
    ("电线下面的路边 要种矮一点的树 有什么推荐", "recommend.路边+small"),
    # place words: the place was dropped, the purpose alone answered
    ("后院想种棵能吃果子的树 种什么好", "recommend.庭院+吃果"),
    ("球场旁边种什么树有阴凉", "recommend.广场+遮荫"),
    ("家附近想种两棵果树 选哪种", "recommend.房前屋后+吃果"),
    ("校门口种什么开花的树好", "recommend.校园+观花"),  # was 房前屋后 (门口 read as a house's)
    # purpose words: the place alone answered
    ("主题林想早点见绿 种什么好", "recommend.主题林+速生"),
    ("河边想种快生的树 有什么推荐", "recommend.河边+速生"),
]

# the near entry of the same family: the rules' answer, or asked back with it first where the model, which the
# precedents taught the old reading, still reads the neighbour (never the neighbour answered alone)
NEAR = [
    ("你们要我的资料拿去干什么", "bot.privacy"),  # was bot.my_info (the model)
    ("我拍的照片会不会被公开到网上", "bot.privacy"),  # was bot.photo (the model)
    ("桂花苗哪里买得最平", "tech.seedling_price"),  # was camp.seedlings
    ("植树节从前是不是清明节 为什么改了", "camp.arbor_day"),  # was camp.window
]

CONTROLS = [
    ("党建林是什么意思", "camp.dangjianlin"),  # no recommendation asked: the intent's own
    ("党建林种什么树", "recommend.党建林"),  # a place alone read: as before
    ("进村的路两边想种开花的树 种什么", "recommend.路边+观花"),
    ("我的资料在哪里看", "bot.my_info"),
    ("绑定要填身份证吗", "bot.register"),
    ("那条记录填错了怎么删除", "bot.cancel"),  # a record deleted, no data of one's own
    ("我留的电话号码安全吗 会不会泄露", "bot.privacy"),
    ("树苗去哪里领", "camp.seedlings"),
    ("植树节以前要种完吗", "camp.planting_done"),  # 节以前: before the day, a deadline
]


@pytest.mark.parametrize(("question", "expected"), CHECKS + CONTROLS)
def test_round62_checks_and_controls(index, question, expected):
    result = index.match(question)
    assert result.kind == "answer" and result.other is None, (question, faq.result_label(result), result.reason)
    assert result.entry_id == expected, (question, result.entry_id, result.reason)


@pytest.mark.parametrize(("question", "expected"), NEAR)
def test_round62_near_entries(index, question, expected):
    result = index.match(question)
    assert result.kind == "answer" and result.entry_id == expected, (question, result.entry_id, result.reason)


def test_a_neighbours_doing_is_still_a_dispute(index):
    """被人 of something else than one's data stays the dispute class's (a person)."""
    result = index.match("我的苗被人拿去卖了")
    assert result.kind == "escalate" and result.reason == "dispute"
