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

from pathlib import Path

import pytest

from bot import config as config_mod
from bot import faq
from bot.config import _thaw

ROOT = Path(__file__).resolve().parents[2]
CONFIG = _thaw(config_mod.load(ROOT / "config.toml", env={}).data)


@pytest.fixture(scope="module")
def index():
    return faq.FaqIndex.load(ROOT / "messages", CONFIG["campaign"], CONFIG["faq"]["confidence_threshold"])


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
        ("荔枝根扎得深不深", "tech.planting_depth"),
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
        ("种完要提水桶浇水吗", "tech.watering_first"),
        ("水桶浇水浇多少", "tech.watering_first"),
        ("树苗要自己带去吗", "camp.seedlings"),
        ("种树那天要拿锄头过去吗", "camp.local_arrangements"),
    ],
)
def test_bring_controls_do_not_move(index, question, label):
    assert faq.result_label(index.match(question)) == label
