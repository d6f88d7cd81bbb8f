"""FAQ chat end to end: small talk, the 种树问答 intro, answers by text and by voice, adviser entries."""

from __future__ import annotations

import pytest

from bot.app import create_app
from bot.db import transaction
from bot.escalation import load_faq_index
from bot.simulator import Signer, WeChatUser
from tests.conftest import transport_for
from tests.e2e.test_escalation import add_roster, ticket_number


def ticket_count(bot):
    return next(bot.db.query("SELECT COUNT(*) AS n FROM tickets"))["n"]


def rules_answer(villager, bot, reply):
    """The reply, or when it asks which of two answers was meant (round 43, bot/ask_back.py) the first offered, the
    rules' own answer, as the villager's 1 gets it."""
    asking = bot.t("faq.ask_back", first="", second="").splitlines()[0]
    return villager.says("1") if reply.startswith(asking) else reply


# round 29: a greeting to whoever reads, 'anyone there?' asked politely, the cadres thanked (before it: a ticket each)
@pytest.mark.parametrize(
    "text", ["你好", "在吗", "谢谢", "好的", "哈哈", "师傅好", "您好，请问有人在吗", "多谢村长 多谢工作队"]
)
def test_small_talk_gets_a_friendly_line_and_the_help_hint_never_a_ticket(villager, bot, text):
    add_roster(bot)
    reply = villager.says(text)
    assert "帮助" in reply
    assert ticket_count(bot) == 0


# round 54 (the lead, in the simulator): a bare acknowledgement gets an 'all right', thanks a 'you're welcome'
@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("好的", "faq.okay"),
        ("收到", "faq.okay"),
        ("OK", "faq.okay"),
        ("明白了", "faq.okay"),
        ("谢谢", "faq.thanks"),
        ("好的 谢谢", "faq.thanks"),
    ],
)
def test_an_acknowledgement_is_not_thanked(villager, bot, text, reply):
    add_roster(bot)
    assert villager.says(text).startswith(bot.t(reply))


@pytest.mark.parametrize("question", ["你能做什么", "这个公众号怎么用", "有什么功能"])
def test_one_help_text_wherever_the_villager_asks_for_it(villager, bot, question):
    """帮助, the menu's 使用帮助 and “您能做什么” get the same text; small talk and what the bot did not understand
    end with the same hint that points to it (a registered villager's: round 72, a follower not registered yet is
    greeted with the help itself, tests/e2e/test_conversation_round72.py)."""
    add_roster(bot)
    help_text = villager.says("帮助")
    assert villager.clicks("HELP") == help_text and villager.says(question) == help_text
    hint = bot.t("core.help_hint")
    assert villager.says("你好").endswith(hint) and villager.says("谢谢").endswith(hint)
    not_understood = villager.says("1")  # the fallback
    assert "没太明白" in not_understood and not_understood.endswith(hint)


def test_greeting_and_thanks_get_different_lines(villager, bot):
    add_roster(bot)  # round 72: a follower not registered yet is greeted with the help itself
    assert "您好" in villager.says("你好")
    assert "不客气" in villager.says("谢谢老师")
    assert "不客气" in villager.says("你好叻")  # round 10: praise is thanked, not greeted
    assert "不客气" in villager.says("呢个助手真系好好用")
    sorry = villager.says("你真系冇用")  # round 11: a complaint about the bot: sorry, and the way to a person
    assert "对不起" in sorry and "问专家" in sorry and "不客气" not in sorry


@pytest.mark.parametrize(
    "text",
    ["今天好冷啊", "我要去接孙子了 晚点再聊", "祝你们端午节快乐", "我今年七十八岁了 眼睛不太好", "先这样吧 下次再问你"],
)
def test_small_talk_in_words_of_its_own_gets_a_friendly_line_not_a_ticket_nor_a_supplement(villager, bot, text):
    """Round 13: small talk beyond the chit-chat words (the weather, leaving, a wish, who one is) is answered in a
    friendly line, not filed for an adviser, and does not join the villager's open ticket either."""
    add_roster(bot)
    number = ticket_number(villager.says("问专家 我家桂花叶子发黄卷起来是什么病"))
    reply = villager.says(text)
    assert reply == bot.t("faq.small_talk") + "\n" + bot.t("core.help_hint")
    assert ticket_count(bot) == 1
    supplements = bot.db.query("SELECT COUNT(*) AS n FROM ticket_attachments WHERE ticket_id = ?", [number])
    assert next(supplements)["n"] == 0


@pytest.mark.parametrize("text", ["多谢晒你 帮咗我好多", "恁好 承蒙你", "谢谢哈，我去种了"])
def test_thanks_and_greetings_the_matcher_is_unsure_of_are_small_talk_by_the_model_not_tickets(villager, bot, text):
    """Round 37: the model reads them as small talk by ``[model] small_talk``; before it, each was a ticket."""
    add_roster(bot)
    assert villager.says(text).endswith(bot.t("core.help_hint"))
    assert ticket_count(bot) == 0


@pytest.mark.parametrize(
    "text, words",
    [
        ("今日好热 新种的树要淋几多水", "浇"),  # asked, about the trees: answered
        ("我老公摔伤了种不了树", "问题编号"),  # about harm and the household's duty: a person
        ("谢谢你哦我知道了", "不客气"),  # thanks told in other words
        ("你讲的我一句都听不懂", "对不起"),  # the bot complained about: sorry and the way to a person
    ],
)
def test_what_is_more_than_small_talk_is_still_a_question_and_thanks_are_thanked(villager, bot, text, words):
    add_roster(bot)
    assert words in villager.says(text)


@pytest.mark.parametrize(
    "traditional, simplified", [("荔枝幾時種最好", "荔枝几时种最好"), ("請問每戶要種幾棵", "请问每户要种几棵")]
)
def test_a_question_in_traditional_characters_gets_the_answer_of_the_same_question_in_simplified(
    villager, bot, traditional, simplified
):
    add_roster(bot)
    answer = villager.says(simplified)
    assert "问题编号" not in answer
    assert villager.says(traditional) == answer


def test_two_fields_of_one_tree_asked_together_come_in_one_reply_without_a_ticket(villager, bot):
    """Round 13: '大叶紫薇种几年开花 长得快吗' gets the flowering and the growth fields, not a ticket."""
    add_roster(bot)
    reply = villager.says("大叶紫薇种几年开花 长得快吗")
    assert "大叶紫薇" in reply and "开花" in reply and "生长" in reply
    assert "问题编号" not in reply and ticket_count(bot) == 0


def test_menu_种树问答_gives_examples(villager):
    reply = villager.clicks("FAQ")
    assert "桂花什么时候种" in reply and "技术顾问" in reply
    assert villager.says("种树问答") == reply


def test_a_question_the_faq_knows_is_answered_without_a_ticket(villager, bot):
    add_roster(bot)
    reply = villager.says("桂花什么时候种")
    assert "桂花" in reply and "月" in reply
    assert ticket_count(bot) == 0


def test_recognised_voice_goes_through_the_same_matcher(villager, bot):
    add_roster(bot)
    typed = villager.says("桂花什么时候种")
    assert villager.sends_voice("vo-faq", recognition="桂花什么时候种。") == typed
    assert "您好" in villager.sends_voice("vo-hi", recognition="你好。")
    assert ticket_count(bot) == 0


def test_adviser_entries_in_the_database_are_loaded_when_the_index_is_built(config):
    question, answer = "火龙果能不能和桂花种在一起", "可以，间隔2米以上，火龙果要搭架。"
    first = create_app(config)
    bot = first.extensions["bot"]
    with transaction(bot.db):
        bot.db["faq_entries"].insert(
            {"question": question, "answer": answer, "created_by": "李顾问", "created_at": "2027-03-01T00:00:00"}
        )
    bot.databases.close_all()
    second = create_app(config)  # a fresh process: the index is built from messages/ plus faq_entries
    wechat = config.section("wechat")
    user = WeChatUser(transport_for(second), Signer(wechat["token"], "", wechat["app_id"]), "o-new")
    assert "火龙果要搭架" in user.says(question)
    second.extensions["bot"].databases.close_all()


def test_a_tree_name_voice_recognition_wrote_as_a_homophone_is_answered(villager, bot):
    add_roster(bot)
    reply = villager.sends_voice("vo-ym", recognition="杨眉几时种。")  # 杨梅, as recognition wrote it
    assert "杨梅" in reply and "月" in reply
    assert ticket_count(bot) == 0


def test_mixing_lime_gets_the_safety_line_and_the_answer_without_a_ticket(villager, bot):
    add_roster(bot)
    reply = villager.says("开石灰水刷树干有什么要注意")
    assert reply.startswith("⚠ 安全第一") and "护目镜" in reply and "涂白" in reply
    assert ticket_count(bot) == 0


# round 102 (BT-BY in the precedents) had asked 证书上的村名印错了怎么办 first whether bot.certificate was meant; round
# 105's retrained model filed the ticket again; the model of rounds 105 and 106 together asks first (0: the ticket)
def test_a_question_the_entry_its_words_point_at_cannot_explain_becomes_a_ticket(villager, bot):
    """Escalate unless sure: 证书 points at the certificate entry, but 印错 is not what it answers."""
    add_roster(bot)
    assert "证书" in villager.says("证书在哪里看") and ticket_count(bot) == 0
    reply = villager.says("证书上的村名印错了怎么办")
    if "回复0" in reply:  # the model trained on rounds 105 and 106 asks first whether bot.certificate was meant
        reply = villager.says("0")
    assert ticket_number(reply) and ticket_count(bot) == 1
    reply = villager.says("桂花几年开花 要施什么肥 叶子卷起来发黄")  # a symptom beside two topics: a person
    assert ticket_number(reply) and ticket_count(bot) == 2


def test_a_doubt_seconded_by_precedents_is_answered_and_one_they_do_not_second_goes_to_an_adviser(villager, bot):
    """Issue 17, round 8: '七十多了 … 还要去种树吗' has the words of the party-age entry and more; villagers' questions
    labelled with that entry second it (messages/faq/precedents), so the rule is answered, no ticket. A question
    about the 主题林 sign blown away is near 主题林 questions, but none of them explains 牌子 or 吹: a ticket."""
    add_roster(bot)
    reply = villager.says("我老爸七十多了是老党员腿脚不好还要去种树吗")
    age = bot.config.get("campaign.participation.party_member_max_age")
    assert f"超过{age}周岁的老党员自愿参加" in reply
    assert ticket_count(bot) == 0
    reply = villager.says("主题林的牌子被风吹跑了")
    assert ticket_count(bot) == 1 and ticket_number(reply)


@pytest.mark.parametrize("question", ["你系真人定机器人", "您是人工客服吗"])
def test_asked_whether_a_person_answers_the_bot_says_it_is_automatic_and_how_to_reach_one(villager, bot, question):
    add_roster(bot)
    reply = villager.says(question)
    assert reply.startswith(bot.t("faq.who_answers").strip()) and "问专家" in reply
    assert reply.endswith(bot.t("core.help_hint"))
    assert ticket_count(bot) == 0


@pytest.mark.parametrize(
    "question",
    [
        "麻烦给我村支书的电话号码",  # someone's contact
        "技术员哪天会下来我们村看看",  # a visit
        "帮我查一下我老公登记了没有",  # someone else's record
        "我发的照片都看不到了",  # a fault
        "明年还搞不搞种树",  # the campaign's future
        "我上周种的龙眼被牛啃了皮 还能不能活",  # one's own tree's damage
        "我家的柿子今年一个都没结",  # one's own tree, no fruit this year
        "我唔想同机器讲 要搵真人",  # asks for a person
        "我上次捐嘅钱用去边度 想睇下账",  # where the money went
        "树被风吹歪了 可以请人来帮忙扶正吗",  # someone to come and help
        "村里叫我出两百块买苗 我冇钱",  # round 14: an amount of money
        "我们支部的植树方案交上去了没有",  # one's own case
        "果园老板不让我们在路边挖坑",  # someone who will not allow it
        # conv100: one's own award ('我今年评上了最美植绿人没有') is answered from the office's marked winners
        # (awards_asked: one's own, else the schedule and none recorded yet; tests/e2e/test_conversation_round100.py)
        # round 38: '帮我查下我们村还有多少户没种树' (the village's own figures) is 本村进度 now, which has them
        # (tests/e2e/test_progress.py test_villagers_get_the_villages_counts_never_the_names)
    ],
)
def test_what_needs_a_person_becomes_a_ticket_never_a_general_answer(villager, bot, question):
    """Issue 17, round 10: a contact, a visit, someone else's record, a fault, the campaign's future, one's own
    tree's damage and asking for a person are for a person; most got a confident answer about something else.
    (A forecast was here until round 23: an adviser cannot forecast either; the bot now says where to look.)"""
    add_roster(bot)
    reply = villager.says(question)
    assert ticket_number(reply) and ticket_count(bot) == 1


def test_ones_own_award_asked_is_answered_from_the_winners_marked(villager, bot):
    """Conv100: one's own award asked is the office's record of winners (none marked: none recorded yet, and when
    awards are given), never an adviser's ticket (it was one here until the fifty-fourth session)."""
    add_roster(bot)
    reply = villager.says("我今年评上了最美植绿人没有")
    assert "问题编号" not in reply and ticket_count(bot) == 0, reply
    assert "还没有评上的记录" in reply, reply


@pytest.mark.parametrize("question", ["明晚会不会打风", "今个礼拜会唔会落大雨", "明天天气怎么样 适合种树吗"])
def test_a_forecast_asked_is_where_to_look_not_a_ticket(villager, bot, question):
    """Round 23: the bot cannot forecast and an adviser's answer would come too late: bot.weather says where to
    look (the phone's weather, 12121) and when not to plant; no ticket."""
    add_roster(bot)
    reply = rules_answer(villager, bot, villager.says(question))  # round 43: 会不会打风 may be asked back (护树)
    assert "12121" in reply and "问题编号" not in reply and ticket_count(bot) == 0


@pytest.mark.parametrize(
    "question,words",
    [
        ("有问题要怎么问专家", ("问专家",)),
        ("下雨天能种树吗", ("雨",)),
        ("怎样防止牛羊啃新种的树", ("牛",)),
        ("去苗圃挑树苗要注意什么", ("苗",)),  # 挑树苗 is not 桃树苗
        ("果树下面种花生得唔得", ("花生",)),  # 花生 is kept whole, not 花 + 生得 (长得)
        ("树苗系唔系免费发", ("苗木", "要不要钱")),  # round 13: the campaign's own money question
        ("妃子笑种几年先有荔枝食", ("荔枝",)),  # round 13: a variety told with its species is that species
        ("不参加种树会不会罚钱", ("罚款",)),  # round 15: the rule asked, not money
        ("隔壁阿婆叫我种完就落复合肥 几时可以追肥", ("追肥",)),  # a neighbour's advice is no dispute
        ("假植是什么意思", ("假植",)),  # 假植 is nothing fake
        ("去哪里领免费的树苗", ("苗木",)),  # free seedlings are the campaign's own question
    ],
)
def test_the_general_question_beside_each_is_still_answered(villager, bot, question, words):
    add_roster(bot)
    reply = villager.says(question)
    assert ticket_count(bot) == 0 and all(w in reply for w in words) and "桃" not in reply


@pytest.mark.parametrize("text", ["听说每户要种两棵", "书记要种五棵"])
def test_the_campaigns_rule_told_without_a_question_mark_is_answered_never_a_planting_record(villager, bot, text):
    """Round 10: '听说每户要种两棵' became a record of 2棵“听说每户” (seen in the chat simulator)."""
    add_roster(bot)
    reply = villager.says(text)
    assert "至少" in reply and "记下了" not in reply
    assert bot.db.execute("SELECT count(*) FROM plantings").fetchone()[0] == 0


def test_asking_how_long_an_open_question_waits_is_answered_not_filed_again(villager, bot):
    """Round 15: a villager who already asked an adviser about a sick tree and asks how long the answer takes is
    asking about the wait (bot.ticket_wait), not describing a symptom for a second ticket."""
    add_roster(bot)
    reply = villager.says("我上礼拜问了专家我家桃树流胶的事 要等多久才有人回")
    assert "顾问回答后" in reply and ticket_count(bot) == 0


def test_a_complaint_about_the_bot_with_a_rhetorical_question_gets_the_apology_not_an_answer(villager, bot):
    add_roster(bot)
    reply = villager.says("你答非所问 什么破机器人")
    assert "对不起" in reply and "问专家" in reply and ticket_count(bot) == 0


def test_a_long_story_before_a_campaign_question_is_answered(villager, bot):
    """Round 15: in a long question, the clauses that only tell the story do not count against the campaign answer
    its asking clause points at."""
    add_roster(bot)
    reply = villager.says("我是村里的老党员，今年已经七十二岁了，身体还可以，支部说党员都要去种树，我这个年纪还要种吗")
    assert "周岁" in reply and "自愿" in reply and ticket_count(bot) == 0


def test_a_person_falling_gets_the_ladder_line_and_fruit_falling_does_not(villager, bot):
    add_roster(bot)
    ladder = "上梯子要放平稳"
    fell = villager.says("阿公从梯子上摔下来了 腰好痛")
    # round 116 (issue 17 §1): a fall's first aid is the answer, its line first, no ticket (the sets BZ-CL label it so)
    assert ladder in fell and "问题编号" not in fell
    fruit = villager.says("桃子还没熟就一个个掉下来 是什么原因")
    assert ladder not in fruit and ticket_number(fruit)


def test_three_agreeing_precedents_answer_a_long_question_a_doubt_had_stopped(villager, bot):
    """Round 19: a long question whose words point at another entry (the planting months) is answered with the
    entry its three closest villagers' questions all carry (the deadlines), not filed for an adviser; a question
    about the photos the same way. The 主题林 sign blown away stays a ticket (see the round-8 test above)."""
    add_roster(bot)
    reply = villager.says("我们这边村委会开会说要交一个种树计划，我是小组长，这个计划几时之前要交上去")
    month, day = (int(part) for part in bot.config.get("campaign.milestones.plans_due").split("-"))
    assert f"{month}月{day}日" in reply and "报备" in reply
    reply = villager.says("村里说种完树要拍照片上传，我手机拍出来很模糊，照片要怎么拍才算数")
    assert "拍照要求" in reply
    assert ticket_count(bot) == 0


@pytest.mark.xfail(
    strict=True, reason="round 95, AT-BS in the precedents (changed): answered (three precedents agree) -> a ticket"
)
def test_a_neighbour_only_told_in_the_story_is_no_dispute_when_three_precedents_agree(villager, bot):
    """Round 20: '我看邻居家…' reads as a dispute with a neighbour; the three closest villagers' questions all ask
    about mulch (cuttings), so the answer is given, no ticket. A real dispute stays a ticket."""
    add_roster(bot)
    reply = villager.says("我看邻居家的树头都铺了一层稻草，说是保湿，我新种的桂花要不要也铺，铺多厚")
    assert "盖草" in reply and "厘米厚" in reply
    reply = villager.says("我看隔壁村的人剪一段枝条插在泥里就活了，桂花可不可以这样插，几时插好")
    assert "扦插" in reply
    assert ticket_count(bot) == 0
    reply = villager.says("邻居把我种的桂花砍了两棵")  # a complaint, never a record of 2棵桂花
    assert ticket_number(reply) and ticket_count(bot) == 1


def test_ding_gen_shui_misheard_by_voice_input_is_the_first_watering(villager, bot):
    """定跟水 is 定根水 as voice input writes it (跟 sounds as 根): it once went to an adviser, 跟 being a grammar
    character the sound-alike fixer keeps. Said after planting, it is answered; 跟 as a word stays one."""
    add_roster(bot)
    typed = villager.says("定根水要浇多少")
    assert typed.startswith("定根水：种完马上浇")
    assert villager.sends_voice("vo-dgs", recognition="种下去要淋定跟水吗。").startswith("定根水：种完马上浇")
    assert villager.says("定跟水要浇多少") == typed
    assert ticket_count(bot) == 0


def test_a_story_a_rule_class_would_send_to_a_person_is_answered_when_three_precedents_agree(villager, bot):
    """Round 24: sun-dried roots read as a symptom (a person); the three closest villagers' questions all ask
    what to do with seedlings that arrived dry, so that answer is given through the webhook, no ticket. A short
    symptom on one's own tree stays a ticket, whatever its neighbours."""
    add_roster(bot)
    reply = villager.says("苗在车上晒了一天，根须都发白干掉了，先泡水还是直接种？")
    assert reply.startswith("苗到时根、土球干了")
    assert ticket_count(bot) == 0
    reply = villager.says("去年种的桃树流胶了")
    assert ticket_number(reply) and ticket_count(bot) == 1


@pytest.mark.xfail(strict=True, reason="round 95, AT-BS in the precedents (changed): answered (盖草) -> a ticket")
def test_round_26_a_lead_in_a_new_entry_and_a_mistyped_tree_through_the_webhook(villager, bot):
    """Round 26: '另外问一下，' only leads into the question (the 主题林's own deadline, as without it: read with it,
    the plan's whole deadline; '顺便问下' the weather, not a ticket); the topics asked
    most often that no entry had are answered (mosquitoes, volunteers' proof); thanks before a question about a tree
    get the answer, not the greeting; '章树' (樟树 mistyped) asked about pests goes to a person, not to 学生's entry."""
    add_roster(bot)
    assert villager.says("另外问一下，主题林几号前要种完") == villager.says("主题林几号前要种完")
    assert villager.says("顺便问下 明天会下雨吗") == villager.says("明天会下雨吗")
    assert villager.says("种树那天要不要带驱蚊水").startswith("种树防蚊")
    assert villager.says("暑假想带学生来做义工种树").startswith("欢迎学生、志愿者")
    assert "桂花" in villager.says("多谢你 辛苦晒 桂花几时种好") and ticket_count(bot) == 0
    reply = villager.says("章树会生什么虫")
    assert ticket_number(reply) and ticket_count(bot) == 1 and "志愿" not in reply


def test_round_27_a_safety_word_without_an_incident_is_answered_and_an_incident_is_a_ticket(villager, bot):
    """Round 27 through the webhook: '高压线下面可不可以种荔枝' opens with the power line's safety line and answers
    (the 压 of 高压线 weighed on no line: a ticket before); a branch on the line is still a ticket, its line first; a
    short symptom question the model is sure of gets the species' answer; pine wilt and fengshui have entries."""
    add_roster(bot)
    reply = villager.says("高压线下面可不可以种荔枝")
    assert reply.startswith("⚠ 安全第一") and "95598" in reply and ticket_count(bot) == 0
    reply = villager.says("树枝搭在电线上了怎么办")
    assert reply.startswith("⚠ 安全第一") and ticket_number(reply) and ticket_count(bot) == 1
    assert "桃" in villager.says("桃树生虫点算") and ticket_count(bot) == 1
    assert "林业站" in villager.says("山上松树大片发红枯死了要找谁") and ticket_count(bot) == 1
    # round 45: the three new entries' phrasings moved the model's lead for tech.big_tree here from 0.09 to 0.12, and the
    # reply asks back which was meant, the fengshui answer offered first; either way fengshui is answered, no ticket
    reply = villager.says("门口种棵大树挡煞有没有用")
    assert reply.startswith(("风水各地讲法不一样", "您问的是哪一个？\n1️⃣ 门口种树的风水讲究")) and ticket_count(bot) == 1


def test_round_28_heatstroke_is_answered_with_its_first_aid_and_poultry_under_trees_with_the_livestock_answer(
    villager, bot
):
    """Round 28 through the webhook: a planting day's heat (people, not seedlings) gets the heatstroke entry, 120 for
    whoever faints; chickens under the trees get the livestock answer's line on them; no ticket for either."""
    add_roster(bot)
    reply = villager.says("种树那日好晒 点样唔会中暑")
    assert reply.startswith("⚠ 大热天种树防中暑") and "120" in reply and ticket_count(bot) == 0
    chickens = rules_answer(villager, bot, villager.says("树林底下放几只鸡得唔得"))  # round 43: or asked back first
    assert "林下养鸡鸭" in chickens and ticket_count(bot) == 0


def test_round_29_a_trees_typhoon_resistance_bees_forage_and_a_graves_trees_are_answered_and_falling_flowers_a_ticket(
    villager, bot
):
    """Round 29 through the webhook: a tree asked whether it stands a typhoon gets its own field, not the forecast;
    trees for bees' forage the beekeeping answer's trees; trees at a grave the customs answer with its fire line;
    flowers falling from one's own tree two years running go to an adviser."""
    add_roster(bot)
    assert "结果" in villager.says("荔枝抗台风吗，几年结果") and ticket_count(bot) == 0
    assert "鸭脚木" in villager.says("养蜜蜂的话村里种什么树蜜多") and ticket_count(bot) == 0
    assert "坟前坟边" in villager.says("祖坟边上种什么树好") and ticket_count(bot) == 0
    villager.says("我屋后的龙眼今年又是全部落花，去年也一样")
    assert ticket_count(bot) == 1


@pytest.mark.parametrize(
    ("question", "entry", "never"),
    [
        ("我种咗几盆花 叶子烂晒点算", "tech.not_trees", "问题编号"),
        ("村里的路灯坏了找谁修", "bot.off_topic", "问题编号"),
        ("植树那天要自己带饭吗", "camp.local_arrangements", "问题编号"),
        ("停水以后叶子还是一直往下掉", None, "12345"),  # 停水 said of a tree: the watering stopped, no water supply
    ],
)
def test_round_45_topics_no_entry_covered_get_where_to_ask_and_a_trees_watering_is_no_water_supply(
    villager, bot, question, entry, never
):
    """Round 45 (issue 17 §4) through the webhook: pots and vegetables point to the 农技站, unrelated matters to the
    village or 12345, a planting day's arrangements to the village, without a ticket; a tree's 停水 never to 12345."""
    add_roster(bot)
    reply = villager.says(question)
    assert never not in reply
    if entry is not None:
        answer = bot.service("faq", load_faq_index).entry(entry).answer.strip()
        assert reply.strip() == answer and ticket_count(bot) == 0


@pytest.mark.parametrize("text", ["唔好意思", "对唔住呀", "不好意思啊", "sorry"])
def test_an_apology_alone_gets_never_mind_not_a_ticket(villager, bot, text):
    """Round 64 (sim62: a voice '唔好意思' alone became a ticket): 'never mind', no ticket; an apology before a question
    keeps the question's answer."""
    add_roster(bot)
    assert villager.says(text) == bot.t("faq.never_mind") + "\n" + bot.t("core.help_hint")
    assert ticket_count(bot) == 0
    assert "没关系" not in villager.says("唔好意思 桂花几时种")


# Round 114 (issue 17 §1, set CL): small talk read as something else (a greeting on following, the bot told it erred, a
# family member fetched to help, who one is), an everyday matter read as a tree's (a phone's brand, a diet for high
# blood pressure), and a cadre's lists asked in other words: the chat's line, the off-topic reply, the answer; never a
# ticket. The helper's own phrasings (tests/data/faq_rule_checks_114.tsv).
@pytest.mark.parametrize(
    "text", ["第一次关注 来打声招呼", "你回答错了喔", "好的 我等阵叫我女儿帮我搞", "我是村东头的老李"]
)
def test_round_114_small_talk_in_other_words_is_no_ticket_nor_the_off_topic_reply(villager, bot, text):
    add_roster(bot)
    reply = villager.says(text)
    assert "只答种树" not in reply and "问题编号" not in reply, reply
    assert ticket_count(bot) == 0


@pytest.mark.parametrize("text", ["哪个牌子的手机拍照清楚些", "高血压的人饮食要注意什么", "电饭煲坏咗去边度修"])
def test_round_114_everyday_matters_get_the_off_topic_reply(villager, bot, text):
    """A phone's brand with 拍照 is asked back (the photo's use second): the off-topic reply offered first."""
    add_roster(bot)
    reply = rules_answer(villager, bot, villager.says(text))
    assert load_faq_index(bot).entry("bot.off_topic").answer.splitlines()[0] in reply, reply
    assert ticket_count(bot) == 0


def test_round_114_a_cadres_lists_asked_in_other_words_are_answered(villager, bot):
    add_roster(bot)
    reply = villager.says("村委怎么导出没完成的户")
    assert "未种名单" in reply and "问题编号" not in reply, reply
    assert ticket_count(bot) == 0
