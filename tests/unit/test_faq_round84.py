"""FAQ round 84 (set BN's confident wrong answers and missed escalations, issue 17 §1 and §3), each fixed as a class and
checked first on the helper's own phrasings (tests/data/faq_rule_checks_84.tsv, written before the class's change: 30 of
44 passed on main, every control among them; after the changes 43 of 44, the one left in tests/data/faq_rule_checks.toml with its why).
docs: README, FAQ round 84.

1. one's own plan asked whether it is worth it ('我想种十棵沉香卖钱 你觉得值不值', '我的荔枝园要不要买保险 划不划算'):
   a family's decision, for a person (matching.toml class ``judgement``), also over the intents asked before the rules;
   a thing asked whether it is worth buying, or with no 我 ('生根粉值不值得买'), is still its entry's;
2. a theft told ('半夜有人来偷砍我家的沉香树'): the dispute's theft words now come before such intents too
   (``over_intents`` may list the words that do, bot/faq.py ``_over_intents``); the law asked in general is not among
   them (the sets answer '挖野生苗犯不犯法' with tech.wild_seedlings);
3. a promise not kept ('说好的种树那天有午饭 结果什么都没有', '当初说……可以 现在又说不行'): class ``promise_broken``,
   before ``complaint`` (whose reading the precedents overrule) and never overruled;
4. one's points not credited ('我的积分没加上'): ``record_disputed``, before the points intent;
5. swellings on leaves ('起好多包包') are a sign a look must read; ants with a hollow trunk or a fall feared are no ants
   card ('树干敲起来空空的声音 会不会倒');
6. the soil of a slope starting to slide ('山上的泥开始滑'): the landslide's line opens the reply and a person follows
   (safety.toml ``landslide``); a person with a fever after a bite is the injury class's;
7. a planted tree to be moved elsewhere ('两年的樟树还能挪地方吗'): tech.move_tree; which tools to get ready
   ('种树要准备哪些工具'): tech.tools, that day's tools still the day's arrangements;
8. 口吐白沫 is a word (messages/jieba_dict.txt), no misheard 涂白: the dog that licked the pesticide gets the
   pesticide line and a person.

Tidy (behaviour kept): safety.toml's ``[vars]`` write ate_plant's people and animals once (``${people}``, expanded at
load, bot/faq.py ``expand_vars``), and snake_seen's two rules of rounds 81 and 83 for a snake going into a place are one.
"""

import re
import tomllib
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
    ("question", "expected"),
    [
        # set BN's, each a confident wrong answer on main
        ("我想种十棵沉香卖钱，你觉得值不值", "escalate"),
        ("我的荔枝园要不要买保险，划不划算", "escalate"),
        ("半夜有人来偷砍我家的沉香树", "escalate"),
        ("说好的种树那天有午饭，结果什么都没有", "escalate"),
        ("当初说认养人可以在树上挂全家福牌子，现在又说不行", "escalate"),
        ("我的积分没加上", "escalate"),
        ("嗯那个樟树叶子上面起好多包包是不是生虫", "escalate"),
        ("祠堂门口那棵百年龙眼树，今年发现树干里面有蚂蚁窝，敲起来空空的声音，会不会倒", "escalate"),
        ("蚊子咬了以后发烧，是不是登革热", "escalate"),
        ("种树的时候下暴雨，山上的泥开始滑", "escalate"),
        ("两年的樟树还能挪地方吗", "tech.move_tree"),
        ("种树要准备哪些工具", "tech.tools"),
    ],
)
def test_set_bn_s_classes(index, question, expected):
    assert faq.result_label(index.match(question)) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # set BJ's, BH's: asked whether points are given is the rule, not points missing (有没有加分 holds 没有加分)
        ("党员种树有冇加分", "camp.party_points"),
        ("我爸党员去种了树 积分有冇加", "camp.party_points"),
        ("积分冇入账", "escalate"),
    ],
)
def test_asked_whether_points_are_given_is_no_points_missing(index, question, expected):
    assert faq.result_label(index.match(question)) == expected


@pytest.mark.parametrize(
    "question",
    [
        "我认养的那棵樟树被村里移去别的地方了，也没通知我",  # set BN's, escalated on main: a tree moved by others
        "有人把我家的桂花挪去别处了",
    ],
)
def test_a_tree_moved_by_others_is_no_how_to_move(index, question):
    assert faq.result_label(index.match(question)) == "escalate"


@pytest.mark.parametrize(
    "question", ["种树的时候下暴雨，山上的泥开始滑", "落紧大雨 后山啲泥开始滑", "下雨后坡上的土一直往下滑"]
)
def test_a_slope_starting_to_slide_opens_with_the_landslide_line(index, question):
    """Main had no line on these ('落紧大雨 后山啲泥开始滑' was answered with planting in the rain)."""
    result = index.match(question)
    assert result.kind == "escalate"
    assert result.safety.startswith("⚠") and "离开坡下" in result.safety, result.safety


def test_asked_how_to_keep_a_slope_from_sliding_is_answered_under_the_line(index):
    result = index.match("斜坡种树怎么防止泥土滑下来")
    assert faq.result_label(result) == "tech.slope"
    assert result.answer_text.startswith(result.safety) and "离开坡下" in result.safety


@pytest.mark.parametrize(
    ("question", "expected", "fixed"),
    [
        # set BN's: 口吐白沫 (foaming at the mouth) had been read as a misheard 涂白 (whitewash), so no danger was read
        ("农药瓶没盖好，狗舔了，口吐白沫", "escalate", "口吐白沫"),
        ("只狗食咗老鼠药 口吐白沫", "escalate", "口吐白沫"),
        ("树干吐白了没有", "tech.whitewash", "涂白"),  # a misheard 涂白 is still read as one
    ],
)
def test_foaming_at_the_mouth_is_no_whitewash(index, question, expected, fixed):
    """messages/jieba_dict.txt lists 口吐白沫 as a word, so the sound-alike reader keeps it whole."""
    assert fixed in index._fixed(question)
    assert faq.result_label(index.match(question)) == expected


# -- tidy: safety.toml's [vars], snake_seen's one rule -----------------------------------------------------------------

# ate_plant's frame as the file wrote it out seven times before round 84: with an animal named and no person, not this
OLD_FRAME = (
    "^(?!(?!.*(?:细路|小孩|孩子|小朋友|孙|老人|阿[公婆爸妈伯叔爷嫲哥姐弟妹]|个女|个仔|儿子|女儿|老婆|老公|有人|我都|佢都|他都|"
    "她都|细佬|细妹|弟弟|妹妹|哥哥|姐姐|家姐|大佬|爸爸|妈妈|老豆|老母|老爸|老妈|爷爷|奶奶|外婆|外公|婆婆|家人|家里人|屋企人|大人|"
    "侄|外甥|学生|我也))(?=.*(?:牛|羊|鸡|鸭|鹅|猪|虫|狗|猫|鸟|老鼠)))"
)
# snake_seen's two rules for a snake going into a place, as rounds 81 and 83 wrote them
OLD_SNAKE = [
    r"蛇(?:仔)?(?:钻|爬|游|窜|溜|跑|躲|藏|盘|缠|住|卷)(?:了|咗)?(?:进|入|上|到|出|在|喺|埋)",
    r"蛇(?!瓜|果|莓|皮果)(?:仔)?[^，。？！,.?!\s]{0,2}(?:钻|爬|游|窜|溜)(?:了|咗)?(?:进|入|到|上|落)",
]


def _raw_safety() -> dict:
    return tomllib.loads((ROOT / "messages" / "faq" / "safety.toml").read_text(encoding="utf-8"))


def _rule_row(name: str) -> dict:
    raw = _raw_safety()
    rows = [row for row in faq.expand_vars(raw["safety"], raw["vars"]) if row["name"] == name]
    assert len(rows) == 1
    return rows[0]


def test_ate_plant_s_people_are_written_once_and_expand_to_the_old_regexes():
    raw = _raw_safety()
    written = [w for row in raw["safety"] if row["name"] == "ate_plant" for w in row["when"]]
    # round 87 wrote an eighth (an unripe or named fruit eaten, then vomiting), with the same frame
    assert sum("${people}" in w and "${animals}" in w for w in written) == 8
    expanded = _rule_row("ate_plant")["when"]
    assert [w.startswith("re:" + OLD_FRAME) for w in expanded].count(True) == 8
    assert not any("${" in w for row in faq.expand_vars(raw["safety"], raw["vars"]) for w in row["when"])
    # the loaded rule reads the same: a child's case fires, an animal's alone does not
    rule = next(r for r in faq.load_safety_rules(ROOT / "messages" / "faq") if r.name == "ate_plant")
    assert rule.fires("细佬吃了几粒苦楝果") and not rule.fires("只狗吃了几粒苦楝果")
    assert rule.fires("只狗同细佬都吃了几粒苦楝果")


def test_a_name_not_in_vars_fails_at_load():
    with pytest.raises(KeyError):
        faq.expand_vars(["re:${nobody}"], {"people": "x"})


@pytest.mark.parametrize(
    "text",
    [
        "蛇钻进我家的树洞里了",
        "蛇仔爬咗上树",
        "有条蛇又钻进柴堆",
        "蛇一下爬上了龙眼树",
        "蛇躲在树头",
        "蛇盘埋喺树枝度",
        "蛇瓜的藤爬上架了",
        "蛇果好不好种",
        "蛇皮果爬藤吗",
        "那条蛇走了",
        "蛇游入鱼塘",
        "蛇住在石缝",
        "蛇仔溜落水沟",
    ],
)
def test_snake_s_merged_rule_reads_as_the_two_did(text):
    """The merged regex matches exactly where one of the two old ones did."""
    merged = [w for w in _rule_row("snake_seen")["when"] if w.startswith("re:蛇(?!瓜|果|莓|皮果)(?:仔)?(?:")]
    assert len(merged) == 1
    assert bool(re.search(merged[0][3:], text)) == any(re.search(old, text) for old in OLD_SNAKE)
    assert not any(w[3:] in OLD_SNAKE for w in _rule_row("snake_seen")["when"])  # the old two are gone
