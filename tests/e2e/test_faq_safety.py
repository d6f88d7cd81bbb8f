"""Safety first, end to end (issue 17, part 3): a dangerous situation gets its safety line in the very reply,
before anything else; when the question also goes to a person, the line comes first and the ticket's number
follows in the same reply. Through signed (and, once, AES-encrypted) pushes to the real /wechat route."""

from __future__ import annotations

import re
import tomllib
from datetime import timedelta
from pathlib import Path

import pytest

from bot.app import create_app
from bot.simulator import Signer, WeChatUser
from tests.conftest import AES_KEY, APP_ID, make_config, rows_of, transport_for
from tests.e2e.test_escalation import add_roster, ticket

ROOT = Path(__file__).resolve().parents[2]

SAFETY = {  # what each line must say, from messages/faq/safety.toml
    "power": ("95598", "远离"),
    "typhoon": ("留在屋里", "别一个人锯", "别爬树"),
    "fallen": ("别一个人锯", "别爬树", "别站在下面"),  # the typhoon rule's line with no wind said (fifty-ninth session)
    "pesticide": ("120", "标签"),
    "lime": ("清水冲洗", "15分钟"),
    "fire": ("森林防火期", "不要烧"),
    "chainsaw": ("安全帽", "护目镜", "120"),
    "ladder": ("有人扶", "别爬", "120"),
    "holes": ("盖上", "围起来", "120"),
    "hazard": ("别站在树下", "围起来", "别一个人锯"),
    "person_hurt": ("别乱搬动", "按住", "120"),
    "bite": ("马蜂", "120"),
    "landslide": ("离开坡下", "119"),
    "heat": ("阴凉通风", "淡盐水", "120"),
    "lightning": ("大树下", "双脚并拢", "120"),
    "flood": ("往高处走", "别过河", "119"),
    "typhoon_warning": ("马上停工", "下山"),
    "missing": ("110", "别一个人进山"),
    "snake_seen": ("别去打", "慢慢后退", "120"),
    "ate_plant": ("漱口", "别自己催吐", "120"),
    "plant_sap": ("肥皂", "清水", "120"),
    "caterpillar": ("胶布", "肥皂水", "120"),  # round 61: out of plant_sap, its own line
    "slippery": ("防滑鞋", "结伴", "120"),
    "storage": ("锁好", "饮料瓶", "120"),
    # round 39
    "eye": ("别揉", "别自己拔", "120"),
    "dog": ("肥皂水", "15分钟", "狂犬疫苗"),
    "boar": ("野猪", "慢慢后退", "120"),
    "drowning": ("不会水别跳下去", "心肺复苏", "120"),
    "shock": ("拉闸断电", "别用手直接拉人", "120"),
    "back": ("停下", "别再硬搬", "120"),
    "mixing": ("别用手", "别乱混", "120"),
    "smoke": ("上风", "湿毛巾", "120"),
    "puncture": ("破伤风针", "120"),
    "ordnance": ("别碰", "110"),
    "gas": ("别点火", "119"),
    "drift": ("上风处", "120"),
    "extreme_heat": ("35度", "淡盐水", "120"),
    # round 40
    "leech": ("别硬扯", "风油精", "止血"),
    # round 44
    "tide": ("潮水", "回岸上", "119"),
    # rounds 56-61 (issue 17 §3, §4)
    "pine_wilt": ("别自己砍", "林业站"),
    "wild_mushroom": ("别采别吃", "120"),
    "fire_ants": ("冷敷", "120"),
    # round 83
    "pollen_allergy": ("戴口罩", "120"),
    "charcoal_fumes": ("打开门窗", "120"),
    # round 85
    "sudden_illness": ("原地坐下", "120"),
    "buried_utility": ("停手", "自来水公司"),
    "pregnancy": ("别打药", "问医生"),
    "risky_assignment": ("别硬上", "120"),
    # round 87
    "banned_pesticide": ("剧毒农药", "禁止", "120"),
    # round 114
    "roots_on_house": ("撑裂", "请人来看", "别一个人锯"),
    "bank_undercut": ("连根倒", "岸边", "告诉村里"),
    "road_sight": ("视线", "慢下来", "摆好警示"),
    "toxic_near_children": ("夹竹桃", "别乱摘乱吃", "120"),
    "falling_fruit": ("砸伤人", "及时摘"),
    "soil_pesticide": ("戴手套", "盖土", "120"),
    "children_planting": ("大人分组看住", "树穴盖好", "120"),
    "routine_climbing": ("有人扶", "别爬", "120"),
    "heat_again": ("35度", "淡盐水", "120"),
    # faq139
    "thorns": ("有刺", "小孩", "厚手套"),
}
RULES = {  # the SAFETY kinds above by rule name in messages/faq/safety.toml
    "power_line": "power",
    "typhoon_fallen_tree": "typhoon",
    "pesticide_exposure": "pesticide",
    "lime_burn": "lime",
    "fire": "fire",
    "chainsaw": "chainsaw",
    "ladder_climbing": "ladder",
    "open_holes": "holes",
    "hazard_tree": "hazard",
    "person_hurt": "person_hurt",
    "bite_sting": "bite",
    "caterpillar": "caterpillar",
    "landslide": "landslide",
    "heat_illness": "heat",
    "lightning": "lightning",
    "flood": "flood",
    "typhoon_warning": "typhoon_warning",
    "missing_person": "missing",
    "snake_seen": "snake_seen",
    "ate_plant": "ate_plant",
    "plant_sap": "plant_sap",
    "slippery_path": "slippery",
    "pesticide_storage": "storage",
    "eye_injury": "eye",
    "dog_bite": "dog",
    "wild_animal": "boar",
    "drowning": "drowning",
    "electric_shock": "shock",
    "heavy_lifting": "back",
    "pesticide_mixing": "mixing",
    "smoke": "smoke",
    "rusty_puncture": "puncture",
    "ordnance": "ordnance",
    "gas_pipe": "gas",
    "pesticide_drift": "drift",
    "extreme_heat": "extreme_heat",
    "leech": "leech",
    "tide": "tide",
    "pine_wilt": "pine_wilt",
    "wild_mushroom": "wild_mushroom",
    "fire_ants": "fire_ants",
    "pollen_allergy": "pollen_allergy",
    "charcoal_fumes": "charcoal_fumes",
    "sudden_illness": "sudden_illness",
    "buried_utility": "buried_utility",
    "pregnancy": "pregnancy",
    "risky_assignment": "risky_assignment",
    "banned_pesticide": "banned_pesticide",
    "roots_on_house": "roots_on_house",
    "bank_undercut": "bank_undercut",
    "road_sight": "road_sight",
    "toxic_near_children": "toxic_near_children",
    "falling_fruit": "falling_fruit",
    "soil_pesticide": "soil_pesticide",
    "children_planting": "children_planting",
    "routine_climbing": "routine_climbing",
    "heat_again": "heat_again",
    "thorns": "thorns",
}


def test_every_safety_rule_has_its_words_here():
    """Round 87: each rule of messages/faq/safety.toml has its kind here and its line says the kind's words (rules added
    since round 56 were missing: a round's checks naming one failed on a KeyError, not on the reply)."""
    rules = tomllib.loads((ROOT / "messages" / "faq" / "safety.toml").read_text(encoding="utf-8"))["safety"]
    assert sorted(rule["name"] for rule in rules) == sorted(RULES)
    for rule in rules:
        assert all(words in rule["line"] for words in SAFETY[RULES[rule["name"]]]), rule["name"]


def tickets(bot):
    return list(bot.db.query("SELECT * FROM tickets ORDER BY id"))


def first_line(reply: str) -> str:
    return reply.strip().splitlines()[0]


def later(bot, minutes: int = 11) -> None:
    """Past the ticket's 补充 window (escalation.attach_minutes), so that the next text is a new question."""
    now = bot.clock() + timedelta(minutes=minutes)
    bot.clock = lambda: now


# round 116: the accidents whose first aid is answered, no ticket (a lime burn, pesticide, a sting, a fall or a cut)
FIRST_AID_ANSWERED = {
    "刷树的时候生石灰烧到手了",
    "阿婆打完药回来一直吐 会不会是中毒了",
    "我阿妈上山种树跌落山坡 而家起唔到身",
    "挖树穴时锄头铲到脚 流好多血",
    "被马蜂蜇了好多处 头好晕",
    "石灰粉吸进去咳嗽不停",
    "有人从坡上滚下去了 头破了",
    "打完农药头晕想吐",
    "喷药的时候药水溅到眼睛里了",
}


@pytest.mark.parametrize(
    "question,kind",
    [
        ("屋前那棵树的树枝搭在电线上了怎么办", "power"),
        ("挖树穴挖到电缆了", "power"),
        ("台风把树刮倒压在房子上了", "typhoon"),
        ("打完农药头晕想吐", "pesticide"),
        ("喷药的时候药水溅到眼睛里了", "pesticide"),
        ("刷树的时候生石灰烧到手了", "lime"),
        ("山边的杂草着火了 烧起来了", "fire"),  # round 23: asking whether to burn is answered (below); a fire is not
        # round 4: dangers no entry answers: the line, then a person
        ("借了把油锯想把院子那棵树锯矮 要注意什么", "chainsaw"),
        ("树枝太高 架个梯子上去剪可不可以", "ladder"),
        ("挖好的坑还没种 会不会有小孩掉进去", "holes"),
        ("路边那棵老榕树根都翘起来了 整棵斜向马路 怕它倒", "hazard"),  # after round 7: a tree about to fall
        # round 21: what has happened goes to a person, also beside a fear ('会不会是中毒')
        ("阿婆打完药回来一直吐 会不会是中毒了", "pesticide"),
        ("昨晚打风树倒咗砸烂咗屋顶", "typhoon"),
        # round 29: a person hurt (fallen, cut by a hoe, collapsed): the injury line, then a person
        ("我阿妈上山种树跌落山坡 而家起唔到身", "person_hurt"),
        ("挖树穴时锄头铲到脚 流好多血", "person_hurt"),
        # round 32: stung many times and dizzy is still a person's (asked how to treat one sting, the entry answers)
        ("被马蜂蜇了好多处 头好晕", "bite"),
        # round 53 (set AS's one safety miss, read once AS was development): the roots turned up after the storm
        ("打完风树根都翻出来了 怎么救", "typhoon"),
        # round 54 (set AT's safety misses, read once AT was development): lime breathed in, a head broken in a fall
        ("石灰粉吸进去咳嗽不停", "lime"),
        ("有人从坡上滚下去了 头破了", "person_hurt"),
    ],
)
def test_an_accident_gets_the_safety_line_first_and_a_ticket_in_the_same_reply(villager, bot, question, kind):
    add_roster(bot)
    reply = villager.says(question)
    assert first_line(reply).startswith("⚠"), reply
    for words in SAFETY[kind]:
        assert words in first_line(reply), (words, reply)
    if question in FIRST_AID_ANSWERED:
        # round 116 (issue 17 §1): first aid done at once is the answer, its line first, no ticket (the eleven blind
        # sets BZ-CL label it so; safety.toml aid_answered)
        assert "问题编号" not in reply and tickets(bot) == [], reply
        return
    number = int(re.search(r"问题编号：(\d+)", reply).group(1))
    assert reply.index("⚠") < reply.index("问题编号")
    assert ticket(bot, number)["question"] == question


@pytest.mark.parametrize(
    "question,kind,answer_words",
    [
        ("电线下面能种树吗", "power", "两边各5米内只种矮的"),  # tech.power_lines (round 9)
        ("门口有条电线 下面种桂花行不行", "power", "两边各5米内只种矮的"),  # a tree named: the same answer
        ("台风前怎么防树倒", "typhoon", "加固支撑"),
        ("剪下的树枝堆起来烧掉行不行", "fire", "沤成肥"),  # round 13: asked whether to burn: the line, the answer
        pytest.param(  # round 23: tech.fire_prevention answers it
            "山边的杂草能不能放火烧掉",
            "fire",
            "防火期",
            marks=pytest.mark.xfail(
                strict=True,
                reason="round 95, AT-BS in the precedents (changed): tech.fire_prevention (precedents) -> escalate (ambiguous)",
            ),
        ),
        # round 21: a danger only feared or prevented is a question, not an accident
        ("喷农药要穿什么才不会中毒", "pesticide", "戴手套、口罩"),
        ("我家门前有条电线 树种在下面以后长高了会不会被砍", "power", "两边各5米内只种矮的"),
        ("打风之前要做啲咩 怕棵树倒落嚟砸到屋", "typhoon", "加固支撑"),
        # round 32 (issue 17 §4): first aid asked as a question, and falls prevented: the line, then the new entry
        ("手被黄蜂叮了一下 要怎么处理", "bite", "肥皂水冲洗"),
        ("打药吸多了头晕 要怎么急救", "pesticide", "脱掉沾药的衣服"),
        ("老人家爬梯子摘龙眼 要注意什么安全", "ladder", "不站最上两级"),
    ],
)
def test_a_question_about_a_danger_is_answered_after_the_safety_line_without_a_ticket(
    villager, bot, question, kind, answer_words
):
    add_roster(bot)
    reply = villager.says(question)
    assert first_line(reply).startswith("⚠")
    for words in SAFETY[kind]:
        assert words in first_line(reply)
    assert answer_words in reply and "问题编号" not in reply
    assert tickets(bot) == []


def test_the_safety_line_comes_first_also_for_问专家_and_for_voice(villager, bot):
    add_roster(bot)
    reply = villager.says("问专家 打农药的时候吸进去了，现在恶心")
    assert first_line(reply).startswith("⚠") and "120" in first_line(reply) and "问题编号" in reply
    later(bot)
    voice = villager.sends_voice("vo-safety", recognition="树倒了压在电线上。")
    assert first_line(voice).startswith("⚠") and "95598" in voice and "问题编号" in voice
    assert len(tickets(bot)) == 2


def test_safety_line_when_the_message_joins_an_open_ticket(villager, bot):
    """Within the 补充 window a text about the same tree joins the ticket: the safety line still opens the reply;
    an accident that names no tree is its own ticket, safety line first."""
    add_roster(bot)
    number = int(re.search(r"问题编号：(\d+)", villager.says("我家荔枝叶子有黑点")).group(1))
    reply = villager.says("给这棵荔枝打药溅到眼睛了")
    assert first_line(reply).startswith("⚠") and "120" in reply and f"补充到第{number}号" in reply
    assert len(tickets(bot)) == 1 and ticket(bot, number)
    # round 116 (issue 17 §1): pesticide in the eyes, no tree named, is answered with its first aid, no ticket (the
    # blind sets BZ-CL label it so); a typhoon's tree on a person is still its own ticket, line first
    reply = villager.says("刚才打药溅到眼睛了")
    assert first_line(reply).startswith("⚠") and "120" in reply and "问题编号" not in reply and "补充到第" not in reply
    assert len(tickets(bot)) == 1
    reply = villager.says("台风吹倒的大树压住了阿公")
    assert first_line(reply).startswith("⚠") and "问题编号" in reply and "补充到第" not in reply
    assert len(tickets(bot)) == 2
    # round 37: a danger with a line and no tree never joins the ticket, even with a follow-up word in it (还在);
    # round 59: a thunderstorm with nobody struck is answered (tech.lightning after its line), no ticket of its own
    reply = villager.says("打雷了我们还在山顶挖坑怎么办")
    assert all(word in first_line(reply) for word in SAFETY["lightning"]) and "补充到第" not in reply
    assert "双脚并拢蹲下" in reply and "问题编号" not in reply
    assert len(tickets(bot)) == 2


def test_money_and_land_questions_say_who_decides_under_the_ticket_number(villager, bot):
    add_roster(bot)
    money = villager.says("树苗钱要自己出吗")
    assert "问题编号" in money and "村委" in money and money.index("问题编号") < money.index("村委")
    later(bot)
    land = villager.says("基本农田可以种果树吗")
    assert "问题编号" in land and "土地管理法" in land
    later(bot)
    # round 121 (survey121): felling one's own tree asked only whether approval is needed ('想砍掉屋后那棵大树要不要审批',
    # this test's example until then) is the Forest Law's answer, no ticket: the fourteen blind sets label it so; a tree
    # one wants felled is a person's to see still, the law under the number
    felling = villager.says("我想砍掉门口的大树")
    assert "问题编号" in felling and "森林法" in felling
    assert len(tickets(bot)) == 3
    later(bot)
    asked = villager.says("想砍掉屋后那棵大树要不要审批")
    assert "问题编号" not in asked and "森林法" in asked
    assert len(tickets(bot)) == 3


def test_safety_line_through_aes_encrypted_pushes(tmp_path, standin):
    app = create_app(make_config(tmp_path, standin, **{"wechat.encoding_aes_key": AES_KEY}))
    try:
        bot = app.extensions["bot"]
        add_roster(bot)
        wechat = bot.config.section("wechat")
        user = WeChatUser(
            transport_for(app),
            Signer(wechat["token"], AES_KEY, APP_ID),
            "o-villager-1",
            now=lambda: bot.clock().timestamp(),
        )
        reply = user.says("石灰水溅到眼睛了")  # round 116: its first aid is the answer, no ticket
        assert first_line(reply).startswith("⚠") and "清水冲洗" in reply and "问题编号" not in reply
    finally:
        app.extensions["bot"].databases.close_all()


def test_a_land_or_felling_rule_asked_in_general_is_answered_and_ones_own_plot_goes_to_a_person(villager, bot):
    """Round 8: precedents second the rule's entry for a question asked in general (no ticket); the villager's own
    plot or tree is still a ticket, the rule under its number."""
    add_roster(bot)
    general = villager.says("耕地上面可不可以种树")
    assert "土地管理法" in general and "问题编号" not in general
    felling = villager.says("砍树要不要去报批")
    assert "森林法" in felling and "问题编号" not in felling
    assert tickets(bot) == []
    own = villager.says("我家那块耕地可不可以种树")
    assert "问题编号" in own and "土地管理法" in own
    assert len(tickets(bot)) == 1


def test_round_23_a_feared_snake_weather_and_carbon_are_answered_a_bite_and_ones_own_tree_go_to_a_person(villager, bot):
    """Round 23, through signed pushes: topics the sets kept asking are answered without a ticket (a snake only
    feared, tomorrow's weather, carbon credits); a snake bite gets a line and a ticket; 'what disease is it' of
    one's own tree goes to the adviser."""
    add_roster(bot)
    snake = villager.says("上山挖坑怕碰到蛇怎么办")
    assert "高筒胶鞋" in snake and "问题编号" not in snake
    weather = villager.says("明天会不会下雨 我想去种树")
    assert "12121" in weather and "问题编号" not in weather
    carbon = villager.says("自己种的树能不能卖碳汇")
    assert "碳汇" in carbon and "问题编号" not in carbon
    assert tickets(bot) == []
    bitten = villager.says("刚才挖坑被蛇咬了")
    # round 116 (issue 17 §1): a bite's first aid is the answer, its line first, no ticket (the sets BZ-CL label it so)
    assert first_line(bitten).startswith("⚠") and "问题编号" not in bitten
    later(bot)
    own = villager.says("我家门口那棵龙眼是什么病")
    assert "问题编号" in own
    assert len(tickets(bot)) == 1


def test_round_35_a_slope_giving_way_a_faint_and_a_fall_from_a_ladder_get_their_lines(villager, bot):
    """The twenty-second session, through signed pushes: a slope cracking or collapsing is a danger to people (the
    landslide line, and a person told), a prevention question is answered after the line; someone who fainted gets
    the first-aid line (not a dizzy head); Cantonese 跌 from a 梯 is a fall."""
    add_roster(bot)
    slope = villager.says("屋后山坎崩咗一大块 泥冲到门口")
    assert first_line(slope).startswith("⚠") and all(word in first_line(slope) for word in SAFETY["landslide"])
    assert "问题编号" in slope
    later(bot)
    plan = villager.says("斜坡种树点样先唔会塌方")
    assert all(word in first_line(plan) for word in SAFETY["landslide"]) and "问题编号" not in plan
    fainted = villager.says("我老公锄地锄到晕咗 点算")
    assert all(word in first_line(fainted) for word in SAFETY["person_hurt"])
    later(bot)
    ladder = villager.says("阿伯企喺梯度剪枝跌落嚟")
    assert all(word in first_line(ladder) for word in SAFETY["ladder"])
    later(bot)
    dizzy = villager.says("大热天种树头晕要注意啲乜")
    assert SAFETY["person_hurt"][0] not in dizzy


def test_round_35_heat_illness_that_happened_a_ladder_climbed_and_teochew_spraying(villager, bot):
    """Someone already overcome by heat gets the heat line (prevention asked keeps the entry's own warning); a ladder
    climbed in any words (上梯, 踩住梯, 企喺梯) gets the ladder line, terraces (梯田) none; Teochew 拍药 is spraying,
    never the photo steps."""
    add_roster(bot)
    heat = villager.says("阿妈喺山度种树晒到头晕想呕 系咪中暑")
    assert all(word in first_line(heat) for word in SAFETY["heat"])
    later(bot)
    prevent = villager.says("点样预防中暑")
    assert not first_line(prevent).startswith("⚠ 安全第一") and "⚠" in prevent and "问题编号" not in prevent
    ladder = villager.says("老公上梯剪荔枝枝 我好担心")
    assert all(word in first_line(ladder) for word in SAFETY["ladder"])
    later(bot)
    terraces = villager.says("梯田边种什么果树好")
    assert SAFETY["ladder"][0] not in terraces
    spraying = villager.says("橄榄欲拍药 着注意乜个")
    assert "拍一张" not in spraying and "药" in spraying


# Round 37 (the twenty-third session's lead): dangers of the day out on the hill the sets AC–AG found with no line at all
# (a typhoon signal hoisted while planting, a river rising, thunder, someone not back, heat signs, a snake met). These
# examples were written for this test, none of them from a set.
DANGERS_NOW = [
    ("上山种树遇到行雷 可唔可以躲喺大树底", "lightning"),
    ("打雷了我们还在山顶挖坑怎么办", "lightning"),
    ("溪水涨得好快 我们在对岸种树 过不过得去", "flood"),
    ("山洪下来了 有几个人还在河边种树", "flood"),
    ("挂咗八号风球 我哋仲喺山度种树 使唔使走", "typhoon_warning"),
    ("台风预警来了 我们还在山上种树", "typhoon_warning"),
    ("阿爸上山种树到而家都未返 电话打唔通", "missing"),
    ("有个村民上山种树失联了", "missing"),
    ("好热 阿伯挖坑挖到脸色发白出冷汗", "heat"),
    ("挖坑的时候草里有条蛇 点算", "snake_seen"),
]
CALM = [
    "雷雨天过后能不能马上种树",
    "河边种树会不会被水浸死",
    "台风前新种的树要怎样加固",
    "我种的树苗找不到了 是不是被人拔了",
]


@pytest.mark.parametrize(("question", "kind"), DANGERS_NOW)
def test_round_37_a_danger_out_on_the_hill_gets_its_line_first(villager, bot, question, kind):
    add_roster(bot)
    reply = villager.says(question)
    assert all(word in first_line(reply) for word in SAFETY[kind]), reply


@pytest.mark.parametrize("question", CALM)
def test_round_37_the_same_words_in_a_calm_question_get_none_of_these_lines(villager, bot, question):
    add_roster(bot)
    reply = villager.says(question)
    for kind in ("lightning", "flood", "typhoon_warning", "missing"):
        assert SAFETY[kind][0] not in first_line(reply), reply


# Round 38 (the twenty-fourth session's safety round): written first, before set AH's safety questions were read. A
# villager in danger now, about to walk into one, or telling of a relative in one, in Mandarin, Cantonese, Hakka and
# Teochew words, voice-typed (no punctuation, homophones) and with typos; each message from its own villager. Each
# gets a safety line first, one of the kinds given (a ticket, if any, after it).
DANGERS_38 = [
    # power lines
    ("啱啱打风 有条电线断咗跌喺我屋门口 仲有火花", ("power",)),
    ("我家龙眼树枝压着电线 下雨会不会漏电", ("power",)),
    ("阿伯拿竹竿去挑搭在电线上的树枝", ("power",)),
    ("电线杆被风吹歪了 线垂到好低 细路仔喺下面玩", ("power",)),
    ("电线断了掉在田里牛走过去会不会触电", ("power",)),  # voice: no punctuation
    # a typhoon blowing, trees fallen
    ("台风刚过 路口大榕树倒了横在路中间 我想自己锯开", ("typhoon", "hazard")),
    ("风好大 我想出去看看新种的树有没有被吹倒", ("typhoon",)),
    ("外面还在刮台风 阿爸话要去山上绑树", ("typhoon", "typhoon_warning")),
    ("后山棵大树畀风吹断咗 半截吊喺度", ("hazard", "typhoon")),
    ("树到了压在车上 里面还有人", ("typhoon", "hazard", "fallen")),  # voice: 倒 heard as 到; no wind said: no 台风
    # pesticide
    ("我老婆打完除草剂手好痒起红点", ("pesticide",)),
    ("个细路唔小心饮咗啲农药 点算", ("pesticide",)),
    ("喷药没戴口罩 现在胸口闷 想吐", ("pesticide",)),
    ("阿婆打杀虫水 喷到眼 好痛", ("pesticide",)),
    ("百草枯溅到脚上了 要不要紧", ("pesticide",)),
    ("喷农药之后头晕想土", ("pesticide",)),  # typo: 土 for 吐
    ("伊拍药拍到头眩 欲呕", ("pesticide",)),  # Teochew: 拍药 spraying, 头眩 dizzy
    # lime
    ("石灰粉飞入眼 睇唔到嘢", ("lime",)),
    ("刷树的白灰沾到手上火辣辣的", ("lime",)),
    # fire
    ("对面山着火了 烟好大 吹向我们村", ("fire",)),
    ("我阿公在山上烧草 火烧到旁边的林子了", ("fire",)),
    ("清明拜山烧纸 火星跳到草里烧起来了", ("fire",)),
    # falls, cuts, a person down
    ("老公用油锯锯树锯到腿了", ("chainsaw", "person_hurt")),
    ("阿爸爬上荔枝树摘果 跌咗落嚟 腰好痛", ("ladder", "person_hurt")),
    ("我妈从梯子上摔下来了 头流血", ("ladder", "person_hurt")),
    ("阿叔喺山坡滑落去 叫佢唔应", ("person_hurt",)),
    ("挖坑的时候镰刀割到手 血止不住", ("person_hurt",)),
    ("老人家种树种到一半晕倒咗", ("person_hurt", "heat")),
    ("我被锄头弄伤脚 好深的口子", ("person_hurt",)),
    ("涯屋下阿姆锄地锄到脚 流血", ("person_hurt",)),  # Hakka: 涯 I, 屋下 home
    ("佢跌落山坑 脚断忒了", ("person_hurt",)),  # Hakka: 忒
    ("隔篱屋细路跌落我挖嘅树坑度 出唔返嚟", ("holes", "person_hurt")),
    ("阿婆在太阳底下种树 突然晕了 叫她没反应", ("person_hurt", "heat")),
    ("天时咁热 阿公挖坑挖到抽筋 出晒汗", ("heat",)),
    # bites and stings, a plant eaten
    ("涯阿公在山上给蛇咬了一口 脚肿起来了", ("bite",)),
    ("阮阿公去山顶种树 乞蛇咬着", ("bite",)),  # Teochew: 乞 by
    ("剪枝时碰到马蜂窝 被叮了七八口 头晕", ("bite",)),
    ("孙子吃了夹竹桃的叶子 怎么办", ("ate_plant",)),
    # a tree about to fall, a slope giving way, rocks falling
    ("村口那棵老樟树裂开了 好像随时会倒 下面是学校", ("hazard",)),
    ("屋后棵大树斜晒过来 根都翻起 惊佢冧落嚟压到屋", ("hazard",)),
    ("落咗几日雨 后山裂咗条好大嘅缝", ("landslide",)),
    ("刚才山上滚下来好多石头 路都堵了", ("landslide",)),
    # weather out on the hill, someone not back, a snake met
    ("雷公响得好犀利 我哋几个仲喺山顶", ("lightning",)),
    ("落大雨打雷 老豆喺棵大树下面避雨", ("lightning",)),
    ("河水涨上来了 阿妈还在河边种树", ("flood",)),
    ("阿爷朝早上山种树 天黑都未返", ("missing",)),
    ("树穴里头盘着一条蛇", ("snake_seen",)),
]
# Written after the round's rules, for the two new rules and the storage rule.
DANGERS_38_RULES = [
    ("手摸咗漆树 成身起晒红疹好痕", ("plant_sap",)),
    ("落完雨山路好滑 阿公仲要上山种树", ("slippery",)),
    ("老公将农药装喺矿泉水瓶 放喺厨房", ("storage",)),
    ("村口棵大榕树歪咗好多 正对住学校门口 好危险", ("hazard",)),
    # a past danger told beside one here now: not_when never hides it
    ("上次山火烧过的地方又着火了 冒烟", ("fire",)),
    ("清明拜山 香炉的火烧到山上的草了", ("fire",)),
    ("阿公以前摔伤过腰 今天又摔了 起不来", ("person_hurt",)),
    ("去年台风吹歪的树 今天又被风吹倒压在屋上", ("typhoon", "hazard")),
]
# Calm questions with the same words: no safety line (a line on these is noise that teaches people to ignore it).
# Decided honestly: planting under a power line, how to mix lime, whether prunings may be burnt keep their lines
# (the rule's own answer); these carry no danger now and nothing about to happen.
CALM_38 = [
    "农药几多钱一瓶 边度买平啲",
    "打虫的农药村里会统一发吗",
    "石灰一包多少钱 去哪里买",
    "村委门口电线杆上贴的种树通知是真的吗",
    "新种的小树苗被风吹歪了 要不要扶正",
    "去年山火烧过的山头 今年可以补种什么树",
    "蛇皮果广东能不能种",
    "打雷下雨之后种树成活率是不是更高",
    "洪水退了之后 被水浸过的荔枝树还能救吗",
    "我想养几箱蜜蜂 种什么树开花多",
    "夏天太阳大 几点钟去种树比较好",
    "楼梯旁边种棵桂花好不好",
    "柴火灶烧出来的草木灰可以撒在树底下吗",
    # FAQ round 90 (issue 17 §3): '打完药多久可以摘果子吃' left this list: a fruit sprayed days before and eaten is a
    # poisoning risk, and sets BD, BH, BO, BP and BR tag it safety; it now opens with the interval's own short line
    # (safety.toml pesticide_exposure ``line_by``; tests/unit/test_faq_round90.py)
    "阿公以前摔伤过腰 现在还能帮手种树吗",
    "蜈蚣草是什么草 要不要除",
    "台风季节快到了 新种的树要怎样绑",
    "中暑药村里会发吗",
    "石灰和复合肥能不能一起下",
    "除草剂和人工除草哪个划算",
    "雷州那边种什么树多",
]
# Written after the round's rules, for their own words (雷公根 is a herb, Cantonese 落石灰 is liming a hole, a sap with
# no reaction, old people or a steep slope alone, a simile, a past typhoon or fall, a forecast, an empty bottle).
CALM_38_RULES = [
    "雷公根能不能种在果树底下",
    "树穴里要不要落石灰",
    "养了几箱土蜂 蜂箱放果树边好不好",
    "芒果树汁可以拿来做什么",
    "老人家适合种什么树",
    "陡坡种什么树保水土",
    "桂花叶子边缘焦了 像被火烧过一样",
    "去年台风吹倒的荔枝 今年在原位补种要注意什么",
    "下礼拜会唔会有台风 我想约人上山种树",
    "剩下的农药空瓶点处理",
    "新种的苗叶子被太阳晒到发软",
    "阿婆年轻时从树上摔下来过 现在好怕高",
]


def test_round_38_a_villager_in_danger_gets_a_safety_line_first(villager_factory, bot):
    add_roster(bot)
    missed = []
    for i, (question, kinds) in enumerate(DANGERS_38 + DANGERS_38_RULES):
        reply = villager_factory(f"o-r38-danger-{i}").says(question)
        head = []  # the safety lines the reply opens with
        for line in reply.strip().splitlines():
            if not line.startswith("⚠ 安全第一"):
                break
            head.append(line)
        right = any(all(words in "\n".join(head) for words in SAFETY[kind]) for kind in kinds)
        if not right or ("问题编号" in reply and reply.index("⚠") > reply.index("问题编号")):
            missed.append((question, first_line(reply)))
    assert not missed, f"{len(missed)}/{len(DANGERS_38 + DANGERS_38_RULES)} missed: {missed}"


def test_round_38_a_calm_question_with_the_same_words_gets_no_safety_line(villager_factory, bot):
    add_roster(bot)
    alarmed = []
    for i, question in enumerate(CALM_38 + CALM_38_RULES):
        reply = villager_factory(f"o-r38-calm-{i}").says(question)
        if "安全第一" in reply:
            alarmed.append((question, first_line(reply)))
    assert not alarmed, f"{len(alarmed)}/{len(CALM_38 + CALM_38_RULES)} alarmed: {alarmed}"


# Round 39 (the twenty-fifth session's safety round): dangers the rules had no line for, each rule end to end through
# the signed webhook. ``True``: the rule sends it to a person, the ticket's number after the line in the same reply.
DANGERS_39 = [
    ("剪枝时树枝戳到眼睛了 睁不开", "eye", True),
    ("去挖坑畀隔篱屋只狗咬咗一啖", "dog", True),
    ("山上有只野猪冲过来 我躲在树后面", "boar", False),
    ("细路仔喺塘边淋树 跌咗落水", "drowning", True),
    ("抽水机放喺塘度抽水 手一掂就麻", "shock", True),
    ("孭完树苗上山 条腰闪咗 郁唔到", "back", False),
    ("两种农药撈埋一齐 个桶发热冒烟", "mixing", False),
    ("隔篱烧稻草 烟好大 阿婆咳到透唔到气", "smoke", False),
    ("赤脚踩到生锈的铁钉 插得好深", "puncture", True),
    ("挖树坑挖到一个好似炮弹嘅嘢", "ordnance", True),
    ("挖树穴挖破了煤气管 好大味", "gas", True),
    ("邻居在上风打药 飘过来我们种树的地方", "drift", False),
    ("三十八度村里还叫我们去种树", "extreme_heat", False),
]


@pytest.mark.parametrize(("question", "kind", "escalated"), DANGERS_39)
def test_round_39_a_new_danger_gets_its_line_first(villager, bot, question, kind, escalated):
    add_roster(bot)
    reply = villager.says(question)
    assert first_line(reply).startswith("⚠ 安全第一") and reply.index("⚠") == reply.strip().index("⚠"), reply
    head = "\n".join(line for line in reply.strip().splitlines() if line.startswith("⚠ 安全第一"))
    assert all(words in head for words in SAFETY[kind]), reply
    if escalated:
        assert "问题编号" in reply and reply.index("⚠") < reply.index("问题编号"), reply


def _checks(round_: int) -> list[tuple[str, tuple[str, ...]]]:
    """tests/data/faq_safety_checks_<round>.tsv: written before the round's change (a danger and the rules whose line
    will do, or '-': calm); measured by bench/safety_checks.py."""
    rows = []
    path = Path(__file__).resolve().parents[1] / "data" / f"faq_safety_checks_{round_}.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            question, rules = line.split("\t")[:2]
            rows.append((question, tuple(r for r in rules.split(",") if r not in ("", "-"))))
    return rows


# Read as a planting report before the FAQ saw it ('三十棵苗上山': 30 trees of a species '苗上山'), so no safety line:
# found by this round's checks; now a danger with a count and no tree is the FAQ's (handlers/planting.py)
ROUTED_AS_PLANTING = ("一个人孭三十棵苗上山 条腰闪咗 郁唔到", "搬了三十棵苗上山 腰扭了动不了")


@pytest.mark.parametrize("danger", ROUTED_AS_PLANTING)
def test_round_39_a_danger_with_a_count_of_seedlings_still_gets_its_line(villager, bot, danger):
    add_roster(bot)
    reply = villager.says(danger)
    assert first_line(reply).startswith("⚠ 安全第一"), reply
    assert not rows_of(bot, "SELECT id FROM plantings")


def test_a_planting_of_a_named_tree_with_danger_words_is_still_a_record(villager, bot):
    """Only a count with no tree named gives way to a danger: '种了两棵荔枝' stays a record whatever else is said."""
    add_roster(bot)
    villager.says("今日好热 种咗两棵荔枝")
    assert [r["species"] for r in rows_of(bot, "SELECT species FROM plantings")] == ["荔枝"]


@pytest.mark.parametrize("round_", [39, 40, 44, 72])
def test_a_rounds_checks_written_first_through_the_webhook(villager_factory, bot, round_):
    """tests/data/faq_safety_checks_<round>.tsv (each written before its round's change and before the set it was
    measured on was read): each danger opens its reply with one of its rules' lines (before any ticket number); each
    calm question (a past danger, a simile, general knowledge) gets no line."""
    add_roster(bot)
    wrong = []
    for i, (question, rules) in enumerate(_checks(round_)):
        reply = villager_factory(f"o-r{round_}-{i}").says(question)
        head = []
        for line in reply.strip().splitlines():
            if not line.startswith("⚠ 安全第一"):
                break
            head.append(line)
        if not rules:
            if "安全第一" in reply:
                wrong.append((question, first_line(reply)))
            continue
        right = any(all(words in "\n".join(head) for words in SAFETY[RULES[rule]]) for rule in rules)
        if not right or ("问题编号" in reply and reply.index("⚠") > reply.index("问题编号")):
            wrong.append((question, first_line(reply)))
    assert not wrong, f"{len(wrong)} wrong: {wrong}"


# Round 40 (the twenty-fifth session's second safety round): dangers reported in a hurry, by what is seen or felt (no danger
# word), each class of the rules' new patterns end to end through the signed webhook; a ticket, if any, after the line.
DANGERS_40 = [
    ("阿伯喺梯度落咗嚟 郁唔到", "ladder"),
    ("工友跌倒后条腿弯成好奇怪嘅样", "person_hurt"),
    ("锄头锄落自己脚面 见到骨", "person_hurt"),
    ("老李干着干着就说胡话 身上烫得很", "heat"),
    ("他被什么咬了一口 脚背两个小洞 肿得发紫", "bite"),
    ("树盘里钻出来一条银环蛇", "snake_seen"),
    ("塘度有个人喺度挣扎 喊救命", "drowning"),
    ("溪水一下子变黄变急 我们在对岸回不去", "flood"),
    ("山那边红了一大片 火苗往我们这边窜", "fire"),
    ("阿哥去拉抽水机个掣 成个人弹开咗", "shock"),
    ("断咗条线跌喺湿地度 仲有火花", "power"),
    ("打完除草剂手上起泡", "pesticide"),
    ("修枝个阵有嘢弹入阿爸只眼 一直流眼水", "eye"),
    ("屋后古树有一条大枝快断了 压着我屋顶", "hazard"),
    ("昨晚风好大 今朝成棵树横喺条路中间 车过唔到", "typhoon"),
    ("落咗三日雨 屋后面啲泥一路跌落嚟", "landslide"),
    ("我哋有个队友行散咗 喺山度叫佢冇人应", "missing"),
    ("天好黑 轰隆轰隆 我哋仲喺山顶棵树下面", "lightning"),
    ("挖坑挖穿咗条黄色胶管 嘶嘶声 好臭", "gas"),
    ("孩子在树下被毛毛虫碰到 脖子又红又肿", "caterpillar"),  # round 61: its own rule (was plant_sap's)
    ("蚂蟥钻进腿上了能直接扯吗", "leech"),
]


@pytest.mark.parametrize(("question", "kind"), DANGERS_40)
def test_round_40_a_hurried_danger_without_a_danger_word_gets_its_line_first(villager, bot, question, kind):
    assert_line_first(villager, bot, question, kind)


def assert_line_first(villager, bot, question, kind):
    """The danger's line opens the reply (its words ``SAFETY[kind]``), before a ticket if any (rounds 40, 44)."""
    add_roster(bot)
    reply = villager.says(question)
    assert first_line(reply).startswith("⚠ 安全第一") and reply.index("⚠") == reply.strip().index("⚠"), reply
    head = "\n".join(line for line in reply.strip().splitlines() if line.startswith("⚠ 安全第一"))
    assert all(words in head for words in SAFETY[kind]), reply
    if "问题编号" in reply:
        assert reply.index("⚠") < reply.index("问题编号"), reply


CALM_40 = [
    "梯子借咗畀隔篱 几时还",
    "今朝雾好大睇唔到路 仲去唔去种树",
    "打电话畀队长冇人应 点报名",
    "七十几岁老人家还要爬梯摘果 怕跌",
    "棵树俾虫咬到啲叶穿晒窿",
    "树苗运输途中跌落车 损咗几棵",
]


def test_round_40_the_same_hurried_words_in_a_calm_question_get_no_line_but_a_feared_ladder_keeps_its(
    villager_factory, bot
):
    add_roster(bot)
    for i, question in enumerate(CALM_40):
        reply = villager_factory(f"o-c40-{i}").says(question)
        assert ("安全第一" in reply) == ("爬梯" in question), (question, reply)


# Round 44 (the twenty-sixth session's safety round, from set AL's classes in words of its own): the sap or a rash told
# by its signs after a tree was cut or planted, heat named another way (中咗暑, 发痧) or told by its signs, and a new kind:
# the tide coming in over a mangrove mudflat with people on it (rule ``tide``); a ticket, if any, after the line.
DANGERS_44 = [
    ("斩咗棵芒果 啲浆黐到块面 好痒", "plant_sap"),
    ("修完杧果树 条颈起晒风团", "plant_sap"),
    ("我细佬中咗暑 喺树底下唞紧", "heat"),
    ("大太阳底下种了两个钟 阿伯一身汗 头晕眼花", "heat"),
    ("潮水涨得好快 我们几个还在滩涂中间", "tide"),
    ("涌口滩涂 阿伯陷喺淤泥度出唔返", "tide"),
]


CALM_44 = [
    "涨潮会不会把红树苗冲走",
    "去年种红树林遇到涨潮 今年要注意什么",
    "以前碰过漆树过敏 现在还能种别的树吗",
    "荔枝叶起咗一粒粒红点 系咪病",
    "夏天中午出一身汗 几点种树好",
    "发痧是什么意思",
]


@pytest.mark.parametrize(("question", "kind"), DANGERS_44)
def test_round_44_a_danger_in_other_words_or_by_its_signs_or_the_tide_gets_its_line_first(
    villager, bot, question, kind
):
    assert_line_first(villager, bot, question, kind)


def test_round_44_the_same_words_in_a_calm_question_get_no_line(villager_factory, bot):
    add_roster(bot)
    for i, question in enumerate(CALM_44):
        reply = villager_factory(f"o-c44-{i}").says(question)
        assert "安全第一" not in reply, (question, reply)


# Round 61 (issue 17 §3, §4; messages/faq/nature.toml): a caterpillar's sting has its own rule and answer (tape the hairs
# out, soap and water), a ticket only when it is bad (the eye, a swollen face, short of breath); a wild mushroom asked
# whether it can be eaten is answered with the warning first (it was a ticket), one eaten with sickness is a ticket.
def test_round_61_a_mild_caterpillar_sting_is_answered_with_its_line_first_no_ticket(villager, bot):
    add_roster(bot)
    reply = villager.says("修龙眼枝时摸到洋辣子 手好痛")
    assert first_line(reply).startswith("⚠ 安全第一") and "胶布" in first_line(reply), reply
    assert "炉甘石" in reply and "问题编号" not in reply, reply
    assert rows_of(bot, "SELECT id FROM tickets") == []


def test_round_61_a_bad_caterpillar_sting_is_a_ticket_with_its_first_aid_after_the_line(villager, bot):
    add_roster(bot)
    reply = villager.says("孙仔被毛毛虫蜇咗 块面肿晒 喘唔到气")
    assert first_line(reply).startswith("⚠ 安全第一") and "胶布" in first_line(reply), reply
    assert "问题编号" in reply and reply.index("⚠") < reply.index("问题编号"), reply
    assert len(rows_of(bot, "SELECT id FROM tickets")) == 1


def test_round_61_a_wild_mushroom_asked_is_answered_one_eaten_is_a_ticket(villager_factory, bot):
    add_roster(bot)
    asked = villager_factory("o-r61-asked").says("树头生咗一丛菇 食唔食得")
    assert "别采别吃" in asked and "问题编号" not in asked, asked
    eaten = villager_factory("o-r61-eaten").says("阿爸食咗后山摘嘅野菌 而家一直呕")
    assert first_line(eaten).startswith("⚠ 安全第一") and "120" in first_line(eaten), eaten
    # round 116 (issue 17 §1): a plant or mushroom eaten is answered with its first aid, no ticket (sets BZ-CL)
    assert "问题编号" not in eaten, eaten


# Round 114 (issue 17 §3, set CL's --show-unsafe): dangers that had no line: roots cracking a house and a bank's roots
# washed bare (a ticket, the line first), a road's sight blocked, poisonous trees near children, heavy fruit falling,
# insecticide put into the holes, children taken to plant, climbing to pick every year, heat after someone was dizzy
# (the line, then the answer or the ticket as before). The helper's own phrasings.
@pytest.mark.parametrize(
    "question,kind",
    [
        ("屋边那棵大榕树的根把我家墙顶裂了", "roots_on_house"),
        ("溪边几棵大树根底下的泥都被洪水掏空了", "bank_undercut"),
    ],
)
def test_round_114_a_house_or_a_bank_undermined_gets_its_line_before_the_ticket(villager, bot, question, kind):
    add_roster(bot)
    reply = villager.says(question)
    assert first_line(reply).startswith("⚠ 安全第一"), reply
    assert "问题编号" in reply, reply
    # a falling tree's line may come first: both before the number
    lines = reply[: reply.index("问题编号")].splitlines()
    assert any(all(words in line for words in SAFETY[kind]) for line in lines), reply


@pytest.mark.parametrize(
    "question,kind,answer_words",
    [
        ("树穴里撒点杀虫药防地下虫好不好", "soil_pesticide", "一般不用放农药"),
        ("带一班小学生上山种树 小孩安全要注意什么", "children_planting", "大人要一直在旁边看着"),
        ("细佬哥想上树摸鸟蛋 可以吗", "routine_climbing", "掏窝"),
    ],
)
def test_round_114_a_danger_asked_is_answered_after_its_line(villager, bot, question, kind, answer_words):
    add_roster(bot)
    reply = villager.says(question)
    assert first_line(reply).startswith("⚠ 安全第一"), reply
    assert any(
        line.startswith("⚠ 安全第一") and all(w in line for w in SAFETY[kind]) for line in reply.splitlines()[:2]
    )
    assert answer_words in reply and "问题编号" not in reply, reply
    assert tickets(bot) == []


def test_round_114_planning_a_distance_or_a_pipe_gets_no_house_line(villager_factory, bot):
    add_roster(bot)
    for i, question in enumerate(["树种离房子多远根才不会顶坏墙基", "树根钻进下水管堵住了"]):
        reply = villager_factory(f"o-r114-{i}").says(question)
        assert "安全第一：树根" not in reply, (question, reply)
