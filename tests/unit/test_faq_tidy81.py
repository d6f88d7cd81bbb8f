"""Tidy81: a part of a question (``FaqIndex._two_asks``, ``_first_part_first``) is read by every stage of ``match`` but
round 104's off-topic reading (``_part_matched``), which is the whole question's: no special case for its reason after
the part is read. A pure refactor: bench/faq_eval.py gives the same answers on every set (README, tidy81)."""


def test_tidy81_a_part_is_read_without_the_off_topic_reply(index):
    whole = index.match("手机怎么调大字体")
    assert (whole.entry_id, whole.reason) == ("bot.off_topic", "off_topic_unread")
    part = index._part_matched("手机怎么调大字体")
    assert part.kind == "escalate" and part.reason != "off_topic_unread"


def test_tidy81_a_part_is_read_as_match_reads_it_otherwise(index):
    for question in ("桂花什么时候种", "荔枝几时施肥", "党建林是什么"):
        whole, part = index.match(question), index._part_matched(question)
        assert (part.kind, part.entry_id, part.reason) == (whole.kind, whole.entry_id, whole.reason), question


def test_tidy81_two_asks_reads_its_clause_without_a_special_case():
    import inspect

    from bot.faq import FaqIndex

    assert "off_topic_unread" not in inspect.getsource(FaqIndex._two_asks)
