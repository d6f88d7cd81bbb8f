"""FAQ round 77 (set BH's over-escalation, each fixed as a class and checked first on the helper's own phrasings,
tests/data/faq_rule_checks_77.tsv, written before each change: 23/36 then, 29/36 now; one control, written as a ticket,
is 招财 asked of a tree, which camp.fengshui answers, relabelled so). docs: README, FAQ round 77.

1. the weather named (``[[escalate.weather]]``: a cold spell, a drought, hail, a typhoon, heavy rain, a flood) is round
   66's cause named: asked under the typhoon's line, which sends nobody and whose own entry answers (``tech.typhoon``), or
   told with no question and nothing of one's own (no 我, 屋), its entry answers; the signs a weather makes itself
   (leaves curled and the ground cracked in a drought, holes from hail) need no look. One's own tree in sight, a look
   asked for, a sign only a look reads (spots, oozing) and a danger that has happened keep the ticket;
2. water that will not go down (水…唔退) is no refund: the money class reads 没退/不退 only with no water, fever or
   swelling said;
3. what this account can do, asked for a parent or an old neighbour ('帮老人家问下 呢个号可以做啲咩'), is ``bot.help``,
   not planting by proxy;
4. privacy asked in Cantonese words (我嘅相, 收咗咩资料, 畀人知, 外泄, 删 said after 资料) is ``bot.privacy``;
5. a recommendation asked with a measure word between 种 and 什么 (种棵咩遮阴, 种株什么护岸) is the recommendation.
"""

import pytest

from bot import faq


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # the typhoon's line and its entry, no ticket
        ("台风过后树枝断咗好多 要点执", "tech.typhoon"),
        # the weather's own signs need no look
        ("冰雹打到啲叶都系窿 点算好", "tech.hail"),
        ("好耐冇落雨 地都裂开 新苗要点淋", "tech.drought"),
        # told, no question, of no tree of one's own
        ("落完冰雹 啲叶子穿晒", "tech.hail"),
    ],
)
def test_the_weather_named_is_its_entry(index, question, expected):
    assert faq.result_label(index.match(question)) == expected


def test_water_that_will_not_go_down_is_no_refund(index):
    assert index.match("雨停咗三日 树头啲水都唔退").reason != "money"
    assert index.match("认养交咗嘅钱仲未退").reason == "money"


@pytest.mark.parametrize(
    "question",
    [
        # one's own tree in sight and a look asked for
        "我屋后棵龙眼打完台风断咗条枝 帮我睇下",
        # a sign only a look reads
        pytest.param(
            "台风过后叶子有好多黑斑点 系咩病",
            marks=pytest.mark.xfail(
                reason="answered tech.typhoon on main already (系咩病 with no tree named reads as asked in general): not "
                "this round's class (over-escalation), left to the confident-wrong round",
                strict=True,
            ),
        ),
        "台风过后我屋门口棵树啲叶有黑斑 帮我睇下",
        # a danger that has happened: a tree on a wire
        "台风吹倒棵树压住电线",
        # one's own seedlings told (我)
        "寒潮过后我啲苗叶子全部黑晒",
        # money not refunded is still the village's
        "认养交咗嘅钱仲未退",
    ],
)
def test_the_controls_keep_the_ticket(index, question):
    assert faq.result_label(index.match(question)) == "escalate"


def test_the_typhoon_answer_opens_with_its_safety_line(index):
    result = index.match("台风过后树枝断咗好多 要点执")
    assert result.entry_id == "tech.typhoon" and result.answer_text.startswith("⚠"), result.answer_text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("帮阿嫲问下 呢个公众号可以帮佢做啲乜", "bot.help"),
        ("阿公问这个号能做什么", "bot.help"),
        # planting for an old person stays the proxy answer
        ("阿婆冇手机 我点帮佢报种树", "bot.proxy"),
        ("其他人睇唔睇到我嘅相", "bot.privacy"),
        ("你哋收咗我啲乜嘢资料", "bot.privacy"),
        ("我的资料不想被人知 可以删掉吗", "bot.privacy"),
        # a record mistyped stays the cancel answer
        ("上次报错咗 想删除嗰条记录", "bot.cancel"),
    ],
)
def test_the_bot_itself(index, question, expected):
    assert faq.result_label(index.match(question)) == expected
