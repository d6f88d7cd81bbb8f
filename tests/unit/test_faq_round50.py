"""FAQ round 50 (issue 17 §1): set AQ's confident wrongs by class, each class first asked in words of our own.

Soil that holds (``[recommend.purposes] 护岸``): a recommendation asked by what the roots must do or what the soil does
(the bank's earth collapses, is carried off by water; roots that grip, hold, 揸实 the soil) lists the species that hold
a bank, not the bank's whole list. Written before the change, none from a set: 0/6 → 6/6 (one more of ours, 河沿 …
锁住土, the model had right; the rule now answers it without the place, since 河沿 is no site word: strict xfail).
Controls must not move: other purposes, roots asked of one tree, a wind-firm tree, a slope's soil.

The secretary as the one who said it (``camp.quota_secretary``'s and ``camp.quota_household``'s ``none``): '书记讲每家要种
几棵' asks the household's quota the secretary passed on, not the secretary's own. Written before the change, none from
a set: 3/7 → 7/7 (the party member's quota, said by the secretary, had also been the secretary's). Controls: the
secretary's own quota (also his household's, 书记家), and a household's asked plainly.

A thing to bring on the day (a ``camp.local_arrangements`` intent): a question that only asks whether to bring or take a
tool or a bucket ('用不用带桶', '要不要带把锯子去') is the day's arrangements, not watering nor rooting powder. Written
before the change, none from a set: 0/6 → 6/6. Controls: a bucket for watering, seedlings to bring. docs/faq.md."""

import pytest

from bot import faq


@pytest.mark.parametrize(
    "question",
    [
        "塘边的土老是塌下去 种什么树能把土抓住",
        "鱼塘边上种哪种树根能抱住泥巴",
        "沟边的泥一下雨就崩 有什么树可以稳住",
        "水边想种几棵根扎得牢的树 推荐哪种",
        "河边种咩树啲根揸得实啲泥",
        "溪边的土总被水带走 种哪种树好",
    ],
)
def test_soil_that_must_hold_by_the_water_gets_the_bank_holding_list(index, question):
    assert faq.result_label(index.match(question)) == "recommend.河边+护岸"


@pytest.mark.xfail(strict=True, reason="河沿 is no site word (bot/nlu.py SITE_WORDS); the rule now answers 护岸 alone")
def test_a_bank_named_by_a_word_no_site_knows(index):
    assert faq.result_label(index.match("河沿种棵什么树 根系能锁住土")) == "recommend.河边+护岸"


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("河边种什么果树好", "recommend.河边+吃果"),
        ("水边种什么树好", "recommend.河边"),
        ("河边种什么树长得快", "recommend.河边+速生"),
        # round 61: the precedents (with nature.toml's mapped labels) now read the tree's card; tech.planting_depth says how
        # deep to plant, not how deep its roots go, and neither holds a root depth: the card is no worse
        pytest.param(
            "荔枝根扎得深不深",
            "species.荔枝.card",
            marks=pytest.mark.xfail(
                strict=True,
                reason="round 95, AT-BS in the precedents (changed): species.荔枝.card (precedents) -> escalate (not_covered)",
            ),
        ),
        ("种什么树根抓得牢 不怕台风", "escalate"),
        ("台风多的地方种什么树不容易倒", "tech.typhoon"),
        ("山坡上种什么树能保住泥土", "tech.slope"),
    ],
)
def test_controls_do_not_move(index, question, label):
    assert faq.result_label(index.match(question)) == label


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("书记讲每家要种几棵 我没记住", "camp.quota_household"),
        ("听支书说一户要种多少棵，是不是真的", "camp.quota_household"),
        ("书记在群里通知我们家要种几棵树", "camp.quota_household"),
        ("我家要种多少棵啊 书记说了我忘了", "camp.quota_household"),
        ("书记开会讲每户种几棵，我家三口人种几棵", "camp.quota_household"),
        ("支书交代过每家每户种几多棵 我唔记得了", "camp.quota_household"),
        ("书记说党员要种几棵", "camp.quota_party"),
    ],
)
def test_a_quota_the_secretary_passed_on_is_the_one_he_spoke_of(index, question, label):
    assert faq.result_label(index.match(question)) == label


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("书记要种几棵", "camp.quota_secretary"),
        ("村支书自己要种多少棵", "camp.quota_secretary"),
        ("我们书记要种几棵树", "camp.quota_secretary"),
        ("书记家要种几棵", "camp.quota_secretary"),
        ("每户要种几棵", "camp.quota_household"),
    ],
)
def test_quota_controls_do_not_move(index, question, label):
    assert faq.result_label(index.match(question)) == label


@pytest.mark.parametrize(
    "question",
    [
        "去种树用不用带桶",
        "要带水壶去吗",
        "要不要带把锯子去",
        "我们自己要带粪箕去吗",
        "要不要带手套",
        "明天要不要带个水桶来",
    ],
)
def test_a_thing_to_bring_on_the_day_is_the_day_s_arrangements(index, question):
    assert faq.result_label(index.match(question)) == "camp.local_arrangements"


@pytest.mark.parametrize(
    ("question", "label"),
    [
        # round 102 (BT-BY in the precedents) had made it a ticket (not_sure); rounds 105 and 106 each alone answered it
        # again, the model trained on both together did not; round 118's model (重阳木 masked as 秋枫's) answered it, the
        # merge's (重阳木 not an alias, review56) does not: the model's reading of it turns on which names are masked
        ("种完要提水桶浇水吗", "tech.watering_first"),  # read since the sixtieth session's model (faq140's entries)
        ("水桶浇水浇多少", "tech.watering_first"),
        # round 51: since AQ joined the precedents the closest are about bringing water and a hoe, and the rules were not
        # sure: to a person (never the day's arrangements, the control's point)
        ("树苗要自己带去吗", "escalate"),
        ("种树那天要拿锄头过去吗", "camp.local_arrangements"),
    ],
)
def test_bring_controls_do_not_move(index, question, label):
    assert faq.result_label(index.match(question)) == label


# The lead (conv51's note): when the planting day's event starts is the day's arrangements, never the time of day to
# plant (tech.plant_time_of_day) nor the national duty (义务植树: camp.national_duty). Written before the change, none
# from a set: 0/6 → 5/6 answered, the sixth (义务植树…几点钟开始呀) now escalated, no longer a wrong answer; controls
# 5/5 → 5/5.
@pytest.mark.parametrize(
    "question",
    [
        "植树活动几点开始",
        "种树活动明早几点开始",
        "村里种树活动几点集合",
        "听日种树活动几点出发",
        "植树节活动几点到村委",
    ],
)
def test_when_the_days_event_starts_is_its_arrangements(index, question):
    result = index.match(question)
    assert (result.kind, result.entry_id) == ("answer", "camp.local_arrangements"), faq.result_label(result)


def test_the_national_dutys_event_asked_when_is_no_answer_about_the_duty(index):
    result = index.match("义务植树活动几点钟开始呀")
    assert result.entry_id != "camp.national_duty" and result.entry_id != "tech.plant_time_of_day"


@pytest.mark.parametrize(
    "question", ["一天中几点种树最好", "早上种树还是下午种树好", "几点种树不容易死", "中午能不能种树", "傍晚种树好不好"]
)
def test_the_time_of_day_to_plant_keeps_its_answer(index, question):
    assert index.match(question).entry_id == "tech.plant_time_of_day"
