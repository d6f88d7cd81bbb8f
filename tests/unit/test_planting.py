"""bot/planting.py: reading the parts of a record, what is missing, the flags (pure, no app)."""

from __future__ import annotations

from datetime import date

import pytest

from bot import config as config_mod
from bot.faq import load_offlist, load_species_table
from bot.messages import MESSAGES_DIR
from bot.planting import (
    Checks,
    Flag,
    cap_for,
    compute_flags,
    describe,
    is_cadre,
    missing_parts,
    needs_cadre,
    parse_text,
    review_after,
    spot_check_draw,
    spot_check_rate,
    text_parts_missing,
    text_updates,
    waiting_reasons,
)

SPECIES = load_species_table(MESSAGES_DIR)
OFFLIST = tuple(load_offlist(MESSAGES_DIR))
DEFAULTS = config_mod.load(env={})
CADRE_ROLES = DEFAULTS.get("planting.cadre_roles")  # the default
SEASON = (date(2027, 1, 31), date(2027, 5, 31))  # plans_due .. the window's end
IN_SEASON = date(2027, 3, 15)
VILLAGER = Checks(season=SEASON, old_photo_tolerance_days=60, cap=10, cadre=False)
VILLAGE = {"name": "埔心村", "lat": 23.10, "lng": 114.40, "radius_m": 3000}
PHOTO = {"exif_time": None}


def flags_of(record, photos=(PHOTO,), village=VILLAGE, checks=VILLAGER, day=IN_SEASON):
    return [f.name for f in compute_flags(record, list(photos), village, checks, day)]


# -- reading text -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, fields",
    [
        ("3棵桂花", {"species": "桂花", "species_known": 1, "count": 3}),
        ("种了两棵龙眼", {"species": "龙眼", "species_known": 1, "count": 2}),
        ("种了3棵黄皮", {"species": "黄皮", "species_known": 0, "count": 3}),  # a tree off the list ([offlist])
        ("种了3棵张三", {"count": 3}),  # no tree the bot knows: asked about, not recorded as the tree
        ("房前屋后种了1棵荔枝", {"species": "荔枝", "species_known": 1, "count": 1, "site": "房前屋后"}),
        (
            "党建林 2.5亩 120棵 香樟",
            {"kind": "plot", "area_mu": 2.5, "site": "党建林", "species": "香樟", "species_known": 1, "count": 120},
        ),
    ],
)
def test_text_updates(text, fields):
    assert text_updates(parse_text(text, SPECIES, others=OFFLIST)) == fields


def test_vague_count_sets_no_count():
    parsed = parse_text("今天种了十几棵桂花", SPECIES)
    assert parsed.vague and "count" not in text_updates(parsed)


@pytest.mark.parametrize("text", ["3棵", "三株", "桂花", "黄皮"])
def test_bare_answers_only_while_waiting(text):
    assert parse_text(text, SPECIES) is None
    assert parse_text(text, SPECIES, frozenset({"species", "count", "area"})) is not None


@pytest.mark.parametrize("text", ["是桂花", "不对，是5棵", "门口2棵", "种的是桂花树", "2.5亩", "十几棵"])
def test_bare_answers_may_have_filler(text):
    assert parse_text(text, SPECIES, frozenset({"species", "count", "area"})) is not None


@pytest.mark.parametrize(
    "text",
    [
        "好的",
        "谢谢",
        "桂花什么时候种",
        "取消",
        "门口",
        "看看这棵树怎么了",
        "认养",
        "认种一棵树",
        "我想认养一棵树",
        "隔壁家的竹子长到我家地里了",
        "荔枝今年结了好多果",
        "龙眼比荔枝好种",
    ],
)
def test_not_answers_even_while_waiting(text):
    assert parse_text(text, SPECIES, frozenset({"species", "count"})) is None


# A record starts from a count, or from a tree name with words of having planted; a complaint or a symptom
# about a tree is a question, whatever count or tree name it holds (issue 17, part 5).
STARTS_A_RECORD = [
    ("3棵桂花", {"species": "桂花", "species_known": 1, "count": 3}),
    ("桂花三棵", {"species": "桂花", "species_known": 1, "count": 3}),
    ("种了桂花", {"species": "桂花", "species_known": 1}),
    ("栽了两棵龙眼", {"species": "龙眼", "species_known": 1, "count": 2}),
    ("新种的龙眼", {"species": "龙眼", "species_known": 1}),
    ("刚种好荔枝", {"species": "荔枝", "species_known": 1}),
    ("今天种了十几棵桂花", {"species": "桂花", "species_known": 1}),
    ("种了好多桂花", {"species": "桂花", "species_known": 1}),
    ("种了3棵发财树", {"species": "发财树", "species_known": 0, "count": 3}),
    ("3棵芒果树", {"species": "芒果", "species_known": 0, "count": 3}),
    ("挖了坑种了2棵桂花", {"species": "桂花", "species_known": 1, "count": 2}),  # 挖 alone is planting work
    ("今天种了3棵桂花", {"species": "桂花", "species_known": 1, "count": 3}),
]
COMPLAINTS = [
    "叶子被虫咬了好多洞",
    "树叶被虫咬了好多洞",
    "我家龙眼种了五年还不结果",
    "我家3棵龙眼种了五年还不结果",
    "桂花叶子黄了",
    "我家龙眼种了五年",
    "荔枝栽了两个月了",
    "刚种的桂花死了一棵",
    "种了2棵桂花叶子都卷了",
    "龙眼树干上有个洞",
    "桂花树好多虫",
    # round 20: what someone did to the trees
    "邻居把我种的桂花砍了两棵",
    "种的3棵龙眼被人挖走了",
    "我刚种的两棵荔枝昨晚给人偷了",
    "修路把我种的2棵桂花铲了",
]


@pytest.mark.parametrize("text, fields", STARTS_A_RECORD)
def test_a_record_starts_from_a_count_or_words_of_having_planted(text, fields):
    assert text_updates(parse_text(text, SPECIES, others=OFFLIST)) == fields


@pytest.mark.parametrize("text", COMPLAINTS)
def test_a_complaint_or_symptom_never_starts_or_fills_a_record(text):
    assert parse_text(text, SPECIES, others=OFFLIST) is None
    assert parse_text(text, SPECIES, frozenset({"species", "count"}), OFFLIST) is None  # not while one waits either


@pytest.mark.parametrize("text", ["院子里好多树", "门口好多龙眼", "村里不少荔枝"])
def test_an_amount_without_a_measure_word_needs_words_of_having_planted(text):
    assert parse_text(text, SPECIES, others=OFFLIST) is None


@pytest.mark.parametrize(
    "text, name", [("发财树", "发财树"), ("芒果树", "芒果"), ("黄皮", "黄皮"), ("菠萝蜜树苗", "菠萝蜜")]
)
def test_a_bare_name_off_the_list_keeps_its_whole_name(text, name):
    assert parse_text(text, SPECIES, frozenset({"species"}), OFFLIST).species_text == name


def test_bare_unknown_name_only_when_the_species_is_wanted():
    assert parse_text("黄皮", SPECIES, frozenset({"count"})) is None
    assert parse_text("黄皮树", SPECIES, frozenset({"species"})).species_text == "黄皮"


def test_cadre_only_texts_and_roles():
    assert needs_cadre(parse_text("党建林 2.5亩 120棵 香樟", SPECIES))
    assert needs_cadre(parse_text("代种 张三 2棵龙眼", SPECIES))
    assert not needs_cadre(parse_text("在党建林种了3棵桂花", SPECIES))


# -- what is missing --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "record, photos, missing",
    [
        ({}, 1, ["species", "count"]),
        ({}, 0, ["species", "count", "photo"]),
        ({"species": "桂花", "count": 3}, 0, ["photo"]),
        ({"species": "桂花", "count": 3}, 2, []),
        ({"species": "桂花"}, 1, ["count"]),
        ({"kind": "plot", "species": "香樟"}, 1, ["area"]),
        ({"kind": "plot", "species": "香樟", "area_mu": 2.5}, 1, []),  # a plot's tree count is welcome, not needed
    ],
)
def test_missing_parts(record, photos, missing):
    assert missing_parts(record, photos) == missing
    assert text_parts_missing(record) == frozenset(missing) - {"photo"}


@pytest.mark.parametrize(
    "record, text",
    [
        ({"species": "桂花", "count": 3}, "3棵桂花"),
        ({"species": "荔枝", "count": 1, "site": "房前屋后"}, "1棵荔枝"),
        ({"kind": "plot", "site": "党建林", "area_mu": 2.5, "count": 120, "species": "香樟"}, "党建林 2.5亩 120棵香樟"),
        ({"count": 4}, "4棵树"),
        ({}, ""),
    ],
)
def test_describe(record, text):
    assert describe(record) == text


# -- flags ------------------------------------------------------------------------------------------
def test_no_flags_for_a_plain_record():
    assert flags_of({"species": "桂花", "species_known": 1, "lat": 23.101, "lng": 114.401}) == []


def test_duplicate_points_to_the_closest_other_record():
    photos = [{"duplicate_of": 9, "duplicate_distance": 4}, {"duplicate_of": 7, "duplicate_distance": 0}]
    (flag,) = compute_flags({}, photos, VILLAGE, VILLAGER, IN_SEASON)
    assert (flag.name, flag.ref, flag.values["distance"]) == ("duplicate_photo", 7, 0)


def test_far_from_village_by_location_or_by_photo_gps():
    assert flags_of({"lat": 23.5, "lng": 114.4}) == ["far_from_village"]
    assert flags_of({}, [{"exif_lat": 23.5, "exif_lng": 114.4}]) == ["far_from_village"]
    assert flags_of({"lat": 23.101, "lng": 114.401}, [{"exif_lat": 23.5, "exif_lng": 114.4}]) == []
    assert flags_of({"lat": 23.5, "lng": 114.4}, village={"name": "x"}) == []  # no centre: never far
    assert flags_of({"lat": 23.5, "lng": 114.4}, village=None) == []


def test_old_photo_uses_the_tolerance_before_the_season():
    assert flags_of({}, [{"exif_time": "2026-11-20T10:00:00"}]) == ["old_photo"]
    assert flags_of({}, [{"exif_time": "2026-12-20T10:00:00"}]) == []
    assert flags_of({}, [{"exif_time": None}]) == []


def test_unknown_species_and_flag_order():
    record = {"species": "黄皮", "species_known": 0, "lat": 23.5, "lng": 114.4}
    photos = [{"duplicate_of": 1, "duplicate_distance": 0, "exif_time": "2020-01-01T00:00:00"}]
    assert flags_of(record, photos) == ["duplicate_photo", "far_from_village", "old_photo", "unknown_species"]


def test_every_check_a_counted_record_passes():
    plain = {"species": "桂花", "species_known": 1, "count": 3}
    assert flags_of(plain) == []
    assert flags_of(plain, photos=()) == ["no_photo"]
    # the season: from plans_due (党建林 in February) to the end of the window; later 补种 is reviewed
    assert flags_of(plain, day=date(2027, 1, 31)) == [] and flags_of(plain, day=date(2027, 5, 31)) == []
    assert flags_of(plain, day=date(2027, 1, 30)) == ["out_of_season"]
    assert flags_of(plain, day=date(2027, 6, 1)) == ["out_of_season"]
    # the sender's cap
    assert flags_of({**plain, "count": 10}) == [] and flags_of({**plain, "count": 11}) == ["over_cap"]
    cadre = Checks(season=SEASON, old_photo_tolerance_days=60, cap=500, cadre=True)
    assert flags_of({**plain, "count": 200}, checks=cadre) == []
    # plot tags from villagers
    for site in ("党建林", "主题林", "示范点"):
        assert flags_of({**plain, "site": site}) == ["plot_tag"]
        assert flags_of({**plain, "site": site}, checks=cadre) == []
    assert flags_of({**plain, "site": "房前屋后"}) == []


def test_the_200_tree_villager_claim():
    assert flags_of({"species": "洋紫荆", "species_known": 1, "count": 200}) == ["over_cap"]


def test_caps_by_role():
    caps = DEFAULTS.get("review.max_trees_per_record")
    assert (cap_for(caps, "群众"), cap_for(caps, "党员"), cap_for(caps, "村书记")) == (10, 20, 500)
    assert cap_for(caps, "不在表里") == 10 and cap_for(caps, None) == 10


def test_review_follows_flags_unless_decided():
    flag = [Flag("old_photo", {})]
    assert review_after("none", flag) == "pending"
    assert review_after("pending", []) == "none"
    assert review_after("pending", [], drawn=True) == "spot_check"
    assert review_after("spot_check", flag) == "pending"
    assert review_after("approved", flag, drawn=True) == "approved"
    assert review_after("rejected", []) == "rejected"


def test_the_spot_check_draw_is_a_keyed_hash_of_the_record():
    assert spot_check_draw("k", 7) == spot_check_draw("k", 7)
    assert spot_check_draw("k", 7) != spot_check_draw("other key", 7)
    assert 0 <= spot_check_draw("k", 7) < 1
    assert spot_check_rate(0.05, located=True) == 0.05 and spot_check_rate(0.05, located=False) == 0.1
    assert spot_check_rate(0.7, located=False) == 1.0


@pytest.mark.parametrize("rate, located", [(0.05, True), (0.05, False), (0.2, True), (0.01, True)])
def test_spot_checks_are_drawn_at_the_configured_rate(rate, located):
    """20,000 records: the share drawn is within 4 standard deviations of the rate (a binomial)."""
    n, p = 20_000, spot_check_rate(rate, located)
    drawn = sum(spot_check_draw("a county's key", i) < p for i in range(1, n + 1))
    sigma = (n * p * (1 - p)) ** 0.5
    assert abs(drawn - n * p) < 4 * sigma, (drawn, n * p)


def test_waiting_reasons_come_from_the_flags():
    record = {
        "flags": "unknown_species over_cap",
        "flag_details": '{"over_cap": {"reason": "超过上限"}, "unknown_species": {"reason": "不在表里"}}',
    }
    assert waiting_reasons(record) == ["超过上限"]
    assert waiting_reasons({"flags": "", "flag_details": None}) == []


# round 36: 作废, a finished record withdrawn by its sender: within planting.withdraw_minutes, before a cadre decided
@pytest.mark.parametrize(
    "review, reviewed_at, finished, refusal",
    [
        ("none", None, "2027-03-16T09:30:00", None),  # exactly the window: still theirs
        ("pending", None, "2027-03-16T09:45:00", None),  # waiting for review, undecided
        ("spot_check", None, "2027-03-16T09:45:00", None),
        ("none", None, "2027-03-16T09:29:59", "late"),
        ("approved", "2027-03-16T09:50:00", "2027-03-16T09:45:00", "checked"),
        ("rejected", "2027-03-16T09:50:00", "2027-03-16T09:45:00", "checked"),
        ("approved", None, "2027-03-16T09:45:00", "checked"),
    ],
)
def test_a_finished_record_is_its_senders_to_withdraw_only_in_the_window_and_unchecked(
    review, reviewed_at, finished, refusal
):
    from bot import planting

    record = {"review": review, "reviewed_at": reviewed_at, "completed_at": finished}
    assert planting.withdraw_refusal(record, "2027-03-16T10:00:00", 30) == refusal
    assert (planting.LATE, planting.CHECKED) == ("late", "checked")
