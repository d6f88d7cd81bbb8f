"""FAQ round 108 (issue 17 §1, over-escalation): on the blind development set CF, answerable questions became a bare
ticket (escalation precision 71.2 % on main). Read by what the villager asked, three general classes were the campaign's
own business in other words and the account's use: which of the street's offices leads the campaign or one matter of it,
a branch's 主题党日 (or a leaders' visit) and signing in on a planting day, a cadre's lists and an adviser's queue; and a
smaller one of 桂花 made into tea or sugar. Each is an intent of messages/faq/matching.toml (第一百零八轮), with ``none``
words that keep a person's matter (a complaint, a permit, money, land, an injury, a harm) with a person. The helper's own
phrasings and controls: tests/data/faq_rule_checks_108.tsv (tests/unit/test_faq_own_checks.py reads them); docs/faq.md
第一百零八轮."""

from bot import faq


def test_round108_an_office_asked_for_the_campaign_is_the_street_s_division_of_work(index):
    result = index.match("植树的事归街道哪个单位管")
    assert (result.entry_id, result.reason) == ("camp.who_leads", "intent")
    assert "农林水综合服务中心" in result.answer_text


def test_round108_an_office_asked_for_a_person_s_matter_stays_a_ticket(index):
    """The same frame with a complaint, a theft or land said is the village's or an adviser's, as on main."""
    for question in ("农林水中心的人把我家地占了找哪个部门投诉", "苗木被人偷了归哪个部门管", "占地的事找哪个部门"):
        assert index.match(question).kind == "escalate", question


def test_round108_a_leaders_visit_to_plant_is_prepared_as_a_party_day(index):
    result = index.match("上级领导下来我们村植树要准备些什么")
    assert (result.entry_id, result.reason) == ("camp.party_day", "intent")
    assert index.match("领导几点来我们村种树").kind == "escalate"  # a time asked: as on main


def test_round108_signing_in_asked_whether_it_counts_is_the_planting_day(index):
    result = index.match("义务植树去了忘记签到还算不算参加")
    assert (result.entry_id, result.reason) == ("bot.planting_day", "intent")
    assert "我的签到" in result.answer_text
    # an adviser's visit is no planting day's sign-in
    assert index.match("顾问下村种树指导要签到吗").entry_id != "bot.planting_day"


def test_round108_an_adviser_s_reply_then_corrected_is_no_wait_for_one_s_own(index):
    """On main '顾问回复了村民之后可以更正吗' was answered with how long one waits for a reply (bot.ticket_wait)."""
    result = index.match("顾问回复了村民之后可以更正吗")
    assert result.entry_id == "bot.adviser_tickets", faq.result_label(result)
    assert index.match("我问的问题顾问几时回复").entry_id == "bot.ticket_wait"
    assert index.match("顾问回答以后我的树还是死了").kind == "escalate"


def test_round108_osmanthus_made_at_home_but_not_eaten_sold_or_cured(index):
    assert index.match("桂花蜜点样腌先唔会坏").entry_id == "tech.osmanthus_food"
    for question in ("吃了自己做的桂花糖肚子痛", "桂花晒干了卖多少钱一斤", "桂花茶喝了能不能治失眠"):
        assert index.match(question).kind == "escalate", question
