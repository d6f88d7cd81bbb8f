"""FAQ round 104 (issue 17 §1, the tickets that needed no person): on the blind sets BZ, CA, CB and CC about 220
questions whose answer is in the data became a bare ticket. By the stage that stopped them (FaqResult.reason, pooled
over BZ-CD: the model's and the rules' doubts 126, the comparison rule 34, money 15, diagnosis 15, person 14, the support
gate 19; docs/faq.md 第一百零四轮), three general classes are widened where they stop: two varieties of ONE tree whose
knowledge names one of them (the comparison rule: ``FaqIndex._varieties_of_one``; the card, then the field naming them),
a doubt's ticket about nothing the campaign, a tree, the bot or a person deals with (``FaqIndex._off_topic_unread``,
``[off_topic_unread]`` in matching.toml: the off-topic reply), the bot's 我的树 said alone (a bot.my_trees intent). The
helper's own phrasings: tests/data/faq_rule_checks_104.tsv (tests/unit/test_faq_own_checks.py reads them)."""

from bot import faq


def test_round104_varieties_the_knowledge_names_are_the_card_and_that_field(index):
    result = index.match("银桂同四季桂有咩唔同")
    assert (result.entry_id, result.also, result.reason) == (
        "species.桂花.card",
        "species.桂花.flowering",
        "species_card",
    )
    assert "四季桂一年多次开花" in result.answer_text and result.answer_text.count("拿不准") == 1  # one footer


def test_round104_varieties_only_listed_stay_round_90_s_comparison(index):
    # helper faq137: '桂味跟糯米糍有啥不一样' left this list, the 荔枝 card now says how they differ (its card)
    for question in ("丹桂和银桂哪个更香",):
        result = index.match(question)
        assert (result.kind, result.reason) == ("escalate", "comparison"), (question, faq.result_label(result))


def test_round104_a_variety_field_is_found_in_the_knowledge(index):
    assert index._variety_field("桂花", ["四季桂", "金桂"]) == "flowering"
    assert index._variety_field("桂花", ["金桂", "银桂"]) is None
    assert index._variety_field("李", ["三华李", "芙蓉李"]) == "card"  # its kind names 三华李
    assert index._variety_field("桂花", ["四季桂"]) is None  # one name is no comparison


def test_round104_a_doubt_about_nothing_of_ours_is_the_off_topic_reply(index):
    result = index.match("手机怎么调大字体")
    assert (result.entry_id, result.reason) == ("bot.off_topic", "off_topic_unread")


def test_round104_one_word_of_substance_keeps_the_ticket(index):
    """The same shape of question with one word of a person's matter (地, 工钱) or a person wanted stays a ticket."""
    for question in ("村里分地的事找谁", "欠我的工钱几时给", "叫个管事的人来跟我讲"):
        assert index.match(question).kind == "escalate", question


def test_round104_switched_off_the_doubt_stays_a_ticket(index):
    """Without ``[off_topic_unread] reasons`` the same question is the ticket it was on main."""
    off = index.copy()
    off._off_topic_reasons = frozenset()
    result = off.match("手机怎么调大字体")
    assert (result.kind, result.reason) == ("escalate", "low_confidence")


def test_round104_my_trees_alone_is_the_command_s_answer(index):
    assert index.match("我的树").entry_id == "bot.my_trees"
    assert index.match("我的树死了一棵").kind == "escalate"
