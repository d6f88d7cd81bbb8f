"""FAQ round 87 (issue 17 §1 and §3; set BP, written blind, as the development set: its safety-tagged questions whose
reply opened with no safety line, read with ``bench/faq_eval.py --show-unsafe``, and its answerable questions that were
escalated). Each class is checked on the helper's own phrasings, tests/data/faq_rule_checks_87.tsv, written before the
change (22 of 56 passed on main), with controls: the same words with no danger get no line. docs: README, FAQ round 87.

1. a person who fell and got hurt, said briefly (从坡上跌落来受伤了, 我跌亲咗): person_hurt; a seedling 'hurt' falling
   off a lorry, how not to fall, a fall long ago are not;
2. 着咗火 (normalised 着了火, a 了 inside): the fire's line and a person; sparks (着咗火花) and a past fire are not;
3. an unripe, raw or named fruit eaten, then vomiting or a belly ache: the eaten plant's line, its first aid under the
   ticket; asked whether unripe fruit may be eaten, or whether it heats the body, is not;
4. a tree asked whether it will fall on a house, a branch about to fall on a roof, a hollow trunk (空咗心), a tree split by
   lightning called dangerous: hazard_tree; a tree still to be planted by a house, a seedling leaning, are not;
5. 山泥倾泻 (a landslide in Cantonese), a slope about to collapse or starting to crack: landslide;
6. a new rule, banned_pesticide: 呋喃丹 (克百威), 甲拌磷 (3911), 1605 asked for the planting hole: the line says they
   are banned on fruit trees, the entry answers after it;
7. tech.wild_boar opens with its own ⚠ line (safety.toml wild_animal ``answers``): how to keep boars off is read after
   the warning not to chase them or rig an electric fence;
8. snails, ants, insects climbing a tree are no person on a ladder (福寿螺爬上树 was a ticket with the ladder's line);
9. a slope too steep, how not to fall: slippery_path, tech.fall_safety answers (it was tech.slope);
10. so hot, what to watch out for when planting: the heat's line; a typhoon said to be coming: its own line (typhoon_warning
    ``line_by``: tie the seedlings early, indoors once it blows);
11. over-escalation (§1): daily errands off the campaign (疫苗, 叫车, 宽带, 修手机, 年货, a hen that lays no eggs) are
    bot.off_topic, not a ticket for the forestry adviser.
"""


def test_a_banned_pesticide_is_answered_after_its_line_no_ticket(index):
    result = index.match("坑底撒啲克百威防地老虎得唔得")
    assert result.kind == "answer" and result.entry_id == "tech.soil_insecticide", (result.kind, result.reason)
    assert result.answer_text.startswith("⚠ 安全第一") and "剧毒农药" in result.safety, result.answer_text[:60]


def test_the_wild_boar_answer_opens_with_its_own_warning(index):
    """The entry's own ⚠ line opens the reply, no second line above it (``FaqIndex._kept_from``)."""
    result = index.match("有咩办法赶走啃树皮嘅野猪")
    assert result.entry_id == "tech.wild_boar"
    first = result.answer_text.splitlines()[0]
    assert first == result.safety and first.startswith("⚠") and "别追别打" in first, result.answer_text[:80]


def test_a_typhoon_coming_has_its_own_line_and_the_hill_keeps_the_warning_line(index):
    coming = index.match("听说台风要来了，新种的苗要怎么固定")
    assert "趁早把苗绑好" in coming.safety and coming.entry_id == "tech.typhoon", coming.safety
    on_the_hill = index.match("台风要来了我们还在山上种树")
    assert "马上停工下山" in on_the_hill.safety, on_the_hill.safety


def test_a_person_fell_and_hurt_is_a_ticket_with_first_aid_under_it(index):
    result = index.match("阿叔挖坑时从田坎跌落去受伤了")
    assert result.kind == "escalate" and result.safety.startswith("⚠ 安全第一"), (result.kind, result.safety)
    assert result.note_entry == "tech.injury_first_aid"
