"""The edges of bot.nlu's rules, one case each side, and every entry of its module-level regexes and word lists:
each test fails if the rule it is named for moves by one (a count of 0, a name of 5 characters, a past-tense word
dropped, a list sorted shortest first). bench/README.md "Mutation testing" says which mutants these kill."""

from __future__ import annotations

import copy

import pytest

from bot import hanzi, nlu

# A small table of its own: one-character names (桃, 李, 竹) next to longer ones, look-alikes ignored.
TABLE = {
    "桃": {"aliases": ["桃树", "桃花"], "not_aliases": ["核桃", "杨桃"]},
    "李": {"aliases": ["李子"], "not_aliases": ["行李"]},
    "竹子": {"aliases": ["竹"]},
    "桂花": {"aliases": ["桂花树", "金桂"]},
    "小叶榄仁": {"aliases": ["榄仁"]},
}


# -- counts ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,count",
    [("1棵", 1), ("一棵", 1), ("1000000棵", nlu.MAX_COUNT)],
)
def test_count_rule_one_is_the_smallest_and_max_count_the_largest_believed(text, count):
    result = nlu.parse_count(text)
    assert result is not None and result.count == count and result.vague is (count is None)


@pytest.mark.parametrize("text", ["0棵", "零棵", "〇棵", "00棵"])
def test_count_rule_zero_trees_is_no_count(text):
    assert nlu.parse_count(text) is None
    assert nlu.parse_planting_text(text + "桂花", TABLE) is None


def test_count_rule_one_above_max_count_is_vague():
    result = nlu.parse_count(f"{nlu.MAX_COUNT + 1}棵")
    assert result is not None and result.vague and result.count is None and result.unit == "棵"


@pytest.mark.parametrize(
    "digit,value",
    [
        ("一", 1), ("壹", 1), ("幺", 1), ("二", 2), ("贰", 2), ("两", 2), ("俩", 2), ("三", 3), ("叁", 3),
        ("仨", 3), ("四", 4), ("肆", 4), ("五", 5), ("伍", 5), ("六", 6), ("陆", 6), ("七", 7), ("柒", 7),
        ("八", 8), ("捌", 8), ("九", 9), ("玖", 9),
    ],
)  # fmt: skip
def test_count_rule_every_digit_character_has_its_value(digit, value):
    result = nlu.parse_count(f"{digit}棵")
    assert result is not None and result.count == value
    assert nlu.chinese_to_int(f"{digit}十") == value * 10


@pytest.mark.parametrize(
    "text,value",
    [
        ("十", 10), ("拾", 10), ("百", 100), ("佰", 100), ("千", 1000), ("仟", 1000),
        ("三十", 30), ("三拾", 30), ("三百", 300), ("三佰", 300), ("三千", 3000), ("三仟", 3000),
        ("一百零五", 105), ("二〇", None), ("三四", None), ("3", 3), ("", None), ("3a", None),
    ],
)  # fmt: skip
def test_count_rule_every_unit_character_multiplies_by_its_value(text, value):
    assert nlu.chinese_to_int(text) == value


@pytest.mark.parametrize("measure", list("棵株颗科课丛兜蔸根樖稞"))
def test_count_rule_every_measure_word_counts(measure):
    result = nlu.parse_count(f"3{measure}")
    assert result is not None and result.count == 3 and result.unit == measure
    assert nlu.MEASURE_WORDS == "棵株颗科课丛兜蔸根樖稞"  # round 59: 樖 (Cantonese), 稞 (mistyped)


@pytest.mark.parametrize(
    "text,vague",
    [
        ("三四棵", True), ("两三棵", True), ("零四棵", False), ("〇五棵", False), ("三十棵", False),
        ("一些树", True), ("若干树", True), ("一批树", True), ("好多树", True), ("很多树", True),
        ("不少树", True), ("一堆树", True), ("一大片树", True), ("多棵", True), ("几十几棵", True), ("数十几棵", True), ("上百几棵", True),
        ("几百几棵", True), ("好几棵", True),
        # ranges of numbers (round 4: were read as the last number, '3-5棵' as 5)
        ("3-5棵", True), ("3到5棵", True), ("3 ~ 5株", True), ("3至5棵", True), ("三到五棵", True), ("十到二十棵", True),
    ],
)  # fmt: skip
def test_count_rule_ranges_and_amounts_are_vague(text, vague):
    result = nlu.parse_count(text)
    assert result is not None and result.vague is vague
    if vague:
        assert result.count is None and result.matched in text


def test_count_rule_a_range_is_only_two_numbers_joined_by_a_range_word():
    assert nlu.parse_count("种到5棵") == nlu.CountResult(5, False, "棵", "5棵")
    assert nlu.parse_count("3棵到5月") == nlu.CountResult(3, False, "棵", "3棵")
    assert nlu.parse_count("第3批5棵") == nlu.CountResult(5, False, "棵", "5棵")


def test_count_rule_range_needs_two_digit_characters_the_first_not_zero():
    assert nlu._is_range("三四") and nlu._is_range("两三")
    assert not nlu._is_range("三") and not nlu._is_range("三四五") and not nlu._is_range("零四")
    assert not nlu._is_range("〇四") and not nlu._is_range("三十") and not nlu._is_range("十三")


@pytest.mark.parametrize(
    "text,digits",
    [("0002", "0002"), ("0 0 0 2。", "0002"), ("零零零二", "0002"), ("幺三五八", "1358"), ("两千", None), ("", None)],
)
def test_spoken_digits_rule_only_runs_of_digits(text, digits):
    assert nlu.spoken_digits(text) == digits


# -- areas ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,mu",
    [("半亩", 0.5), ("1亩半", 1.5), ("两亩", 2.0), ("2亩", 2.0), ("2.5亩", 2.5), ("1000平方米", 1.5), ("2000平米", 3.0),
     ("200㎡", 0.3), ("2000m2", 3.0), ("三四亩", None), ("三半亩", None), ("3半亩", None), ("种树", None), ("亩", None)],
)  # fmt: skip
def test_area_rule_half_a_mu_and_square_metres(text, mu):
    assert nlu.parse_area_mu(text) == mu


# -- species ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("before", list("棵株颗科课种栽了和跟与及、,的些丛蔸兜 0123456789") + list(nlu._CN_NUM))
def test_species_rule_one_character_name_after_a_separator_counts(before):
    assert nlu.find_species(f"{before}桃", TABLE) == ("桃", "桃")
    assert nlu.find_all_species(f"{before}桃", TABLE) == [("桃", "桃")]


@pytest.mark.parametrize("text", ["胡桃", "樱桃", "大李", "是竹", "扁桃"])
def test_species_rule_one_character_name_inside_a_word_does_not_count(text):
    assert nlu.find_species(text, TABLE) == (None, "")
    assert nlu.find_all_species(text, TABLE) == []


def test_species_rule_one_character_name_at_the_start_counts_and_a_later_one_is_found():
    assert nlu.find_species("桃", TABLE) == ("桃", "桃")
    assert nlu.find_species("胡桃和桃", TABLE) == ("桃", "桃")
    assert nlu.find_all_species("胡桃和桃", TABLE) == [("桃", "桃")]


@pytest.mark.parametrize(
    "text,found",
    [
        ("李四家种了桃树", ("桃", "桃树")),  # 李四: a person, 桃树 the tree
        ("李家门口种桃", ("桃", "桃")),  # 李家: a family
        ("李明家种了3棵桃", ("桃", "桃")),
        ("种了李明家的桃", ("桃", "桃")),  # after a separator too
        ("李明 2棵桂花", ("桂花", "桂花")),
        ("李明家种了3棵", ("李", "李")),  # no other tree named: taken as before
    ],
)
def test_species_rule_one_character_name_continued_like_a_name_comes_after_every_other(text, found):
    assert nlu.find_species(text, TABLE) == found


@pytest.mark.parametrize(
    "after", list("树苗子花果林和跟与及、的了也都有在还已是各共种栽要怎什几多哪为能可会适好咋啥呢吗啊呀吧")
)
def test_species_rule_one_character_name_before_a_tree_word_connector_or_question_is_the_tree(after):
    assert nlu.find_species(f"李{after}桂花", TABLE)[0] == "李"
    assert nlu.find_species(f"种了李{after}，桂花", TABLE)[0] == "李"


@pytest.mark.parametrize(
    "text,found",
    [
        ("李四棵和桃树", ("李", "李")),  # a count follows: 4 plum trees
        ("李四 棵和桃树", ("李", "李")),
        ("李三株，桃树", ("李", "李")),
        ("李四家和桃树", ("桃", "桃树")),  # a numeral without a measure word: 李四, a name
        ("李3棵桃树2棵", ("李", "李")),
        ("李,桃树", ("李", "李")),  # not a Chinese character: no name goes on
        ("李 桃树", ("李", "李")),
        ("李", ("李", "李")),
        ("种了李", ("李", "李")),
        ("种了李子", ("李", "李子")),
    ],
)
def test_species_rule_one_character_name_before_a_count_or_the_end_is_the_tree(text, found):
    assert nlu.find_species(text, TABLE) == found


def test_species_rule_a_name_like_continuation_ranks_after_a_later_mention_not_before():
    # the longer or later tree wins whatever the table's order; two weak mentions: the first
    assert nlu.find_species("李家和王家种了竹", TABLE) == ("竹子", "竹")
    assert nlu.find_species("桃家李家", TABLE) == ("桃", "桃")
    assert nlu.parse_planting_text("李四家种了3棵桃树", TABLE) == nlu.PlantingText(
        count=3, vague=False, species="桃", species_text="桃树", unknown_species=False, site_kind=None,
        area_mu=None, proxy_name=None,
    )  # fmt: skip


def test_species_rule_look_alikes_are_not_the_species():
    assert nlu.find_species("核桃", TABLE) == (None, "")
    assert nlu.find_species("杨桃3棵", TABLE) == (None, "")
    assert nlu.find_species("行李", TABLE) == (None, "")
    assert nlu.find_all_species("种了核桃和李子", TABLE) == [("李", "李子")]


def test_species_rule_longest_alias_wins_and_the_first_place_wins():
    assert nlu.find_species("小叶榄仁", TABLE) == ("小叶榄仁", "小叶榄仁")
    assert nlu.find_species("桃树", TABLE) == ("桃", "桃树")
    assert nlu.find_species("3棵金桂和2棵桃", TABLE) == ("桂花", "金桂")
    assert nlu.find_species("2棵桃和3棵金桂", TABLE) == ("桃", "桃")
    assert nlu.find_all_species("桂花树和竹", TABLE) == [("桂花", "桂花树"), ("竹子", "竹")]


def test_species_rule_a_plain_list_table_works_as_a_table():
    assert nlu.find_species("3棵金桂", {"桂花": ["金桂"]}) == ("桂花", "金桂")


def test_species_rule_others_compete_with_aliases():
    table = {"桃": {"aliases": []}}
    assert nlu.find_all_species("桃金娘和桃", table, others=("桃金娘",)) == [("桃金娘", "桃金娘"), ("桃", "桃")]


# -- unknown tree names -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,name",
    [("种了3棵芒果", "芒果"), ("3棵芒果树", "芒果"), ("黄皮两棵", "黄皮"), ("3棵树", None), ("3棵果树", None),
     ("3棵二十", None), ("今天3棵", None), ("3棵路边", None)],
)  # fmt: skip
def test_unknown_species_rule_the_name_next_to_a_count(text, name):
    assert nlu.extract_unknown_species(text) == name


@pytest.mark.parametrize(
    "text,name",
    [("大概5棵", None), ("差不多5棵", None), ("大约5棵", None), ("5棵左右", None), ("大概种了5棵", None),
     ("差唔多3棵", None), ("至少3棵芒果", "芒果"), ("大概5棵黄皮", "黄皮")],
)  # fmt: skip
def test_unknown_species_rule_words_of_about_are_never_a_tree(text, name):
    """'大概5棵' is about five trees, not five trees of a species called 大概."""
    assert nlu.extract_unknown_species(text) == name


@pytest.mark.parametrize(
    "written,name",
    [("芒果树", "芒果"), ("芒果苗", "芒果"), ("芒果树苗", "芒果"), ("芒果苗木", "芒果"), ("果树", "果树")],
)
def test_tree_name_rule_drops_a_trailing_tree_word_from_names_of_three_characters_or_more(written, name):
    assert nlu.tree_name(written) == name


def test_tree_name_rule_keeps_the_longest_off_list_name_whole():
    assert nlu.tree_name("我的发财树", ("树", "发财树")) == "发财树"


# -- questions and reports ----------------------------------------------------------------------------------
@pytest.mark.parametrize("mark", ["?", "？"])
def test_question_rule_a_question_mark_full_or_half_width(mark):
    assert nlu.is_question(f"桂花{mark}")
    assert not nlu.is_question("桂花")


# Every past-tense word: with it, '几棵' is said of trees planted; without, it asks.
PAST_WORDS = ["了", "今天", "昨天", "前天", "刚", "已经", "上午", "下午", "早上", "今早", "今日", "琴日", "头先"]


@pytest.mark.parametrize("word", PAST_WORDS)
def test_question_rule_how_many_with_a_past_tense_word_is_no_question(word):
    assert nlu.is_question("栽几棵桂花")
    assert not nlu.is_question(f"{word}栽几棵桂花")


@pytest.mark.parametrize("before", ["十", "百", "千", "好"])
def test_question_rule_a_number_before_ji_is_an_amount_not_how_many(before):
    assert not nlu.is_question(f"栽{before}几棵桂花")


@pytest.mark.parametrize(
    "text,record",
    [
        ("2亩种了十几棵", True),  # a question by its shape (亩 … 几 … 棵) but a past report with a vague count
        ("2亩种十几棵", False),  # the same without a past-tense word: a question
        ("2亩种了十几棵吗", False),  # past, but a question word is left once the vague count is taken out
        ("今天桂花种几棵", False),  # past, but '种几棵' at the end asks
    ],
)
def test_vague_report_rule_past_and_no_question_left(text, record):
    assert (nlu.parse_planting_text(text, TABLE) is not None) is record


# -- 代种 names -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,name,rest",
    [
        ("代种 张三 2棵龙眼", "张三", " 2棵龙眼"),
        ("代种 欧阳娜娜 2棵", "欧阳娜娜", " 2棵"),
        ("代种 司马相如子 2棵", "司马相如子", " 2棵"),
        ("代种 阿依·木 2棵", "阿依·木", " 2棵"),
        ("代种张三2棵", "张三", "2棵"),
        ("代种张三两棵", "张三", "两棵"),
        ("代种欧阳娜娜2棵", "欧阳娜娜", "2棵"),
        ("代种张三", "张三", ""),
        ("代种王小明3", "王小明", "3"),
    ],
)
def test_proxy_rule_names_of_two_to_five_characters_spaced_two_to_four_packed(text, name, rest):
    assert nlu.parse_proxy(text, TABLE) == (name, rest)


@pytest.mark.parametrize(
    "text",
    ["代种 张 2棵", "代种 司马相如子子 2棵", "代种张2棵", "代种欧阳娜娜娜2棵", "种 张三 2棵", "我代种张三2棵", ""],
)
def test_proxy_rule_one_character_or_too_long_names_are_no_proxy(text):
    assert nlu.parse_proxy(text, TABLE) == (None, text)


@pytest.mark.parametrize(
    "text", ["代种 李子 2棵", "代种李子2棵", "代种 李子树 2棵", "代种 桃树 2棵", "代种桂花2棵", "代种 金桂 2棵"]
)
def test_proxy_rule_a_trees_whole_name_is_no_persons_name(text):
    assert nlu.parse_proxy(text, TABLE) == (None, text)


@pytest.mark.parametrize(
    "text,name,rest",
    [("代种 李明 2棵", "李明", " 2棵"), ("代种李明2棵", "李明", "2棵"), ("代种 李子明 2棵", "李子明", " 2棵"),
     ("代种 桃花源 2棵", "桃花源", " 2棵"), ("代种 李子 2棵", None, "代种 李子 2棵")],
)  # fmt: skip
def test_proxy_rule_a_name_may_start_with_a_trees_name(text, name, rest):
    assert nlu.parse_proxy(text, TABLE) == (name, rest)


# -- module-level word lists and regexes: every entry, and the longest-first order -------------------------------
def test_synonyms_rule_longest_key_first():
    assert nlu.normalize("栽种") == "种"  # shortest first: 栽 -> 种, then 种: '种种'
    assert nlu.normalize("啥季节") == "什么时候"  # shortest first: '什么季节'


@pytest.mark.parametrize("text", ["早上好", "辛苦晒你", "早晨呀", "多谢晒", "没事了", "谢谢您", "好嘞"])
def test_chitchat_rule_longest_word_first(text):
    assert nlu.is_chitchat(text)


# Every chit-chat word (bot/nlu.py _CHITCHAT) is chit-chat on its own and followed by a title.
CHITCHAT_WORDS = [
    "你好", "您好", "你们好", "大家好", "在吗", "在不在", "在么", "有人吗", "有人在吗", "谢谢", "多谢", "谢谢你",
    "谢谢您", "感谢", "非常感谢", "谢啦", "多谢晒", "唔该", "好的", "好", "好滴", "好嘞", "好吧", "行", "可以", "ok",
    "okay", "收到", "知道了", "明白", "明白了", "懂了", "嗯", "嗯嗯", "哦", "哦哦", "噢", "喔", "啊", "哈", "早",
    "早上好", "早安", "上午好", "中午好", "下午好", "晚上好", "晚安", "辛苦了", "辛苦", "再见", "拜拜", "拜", "hello",
    "hi", "哈喽", "嗨", "点赞", "赞", "厉害", "不错", "真棒", "棒", "加油", "没事", "没事了", "没有了", "早晨",
    "早晨呀", "辛苦晒", "辛苦晒你", "辛苦你", "辛苦你了", "唔该晒", "多谢你", "冇事", "得", "好嘢",
]  # fmt: skip


@pytest.mark.parametrize("word", CHITCHAT_WORDS)
def test_chitchat_rule_every_word(word):
    assert nlu.is_chitchat(word)
    assert nlu.is_chitchat(f"{word}老师")


@pytest.mark.parametrize(
    "text", ["哈哈哈", "呵呵", "嘻嘻", "嘿嘿", "嗯嗯嗯", "哦哦哦", "噢噢", "好好好", "谢谢大家啦", "感谢支持"]
)
def test_chitchat_rule_repeated_sounds_and_thanks(text):
    assert nlu.is_chitchat(text)


# round 29: thanks to everyone for their support (谢谢你们大家的支持) is thanks through and through now (the addressee and
# the help after thanks); past the rule's four characters, thanks for something more stays more than chit-chat
@pytest.mark.parametrize("text", ["", "  ", "你好桂花", "谢谢你们送来的树苗", "3棵桂花"])
def test_chitchat_rule_blank_or_more_than_chitchat_is_not(text):
    assert not nlu.is_chitchat(text)


def test_chitchat_rule_emoji_only_is_chitchat():
    assert nlu.is_chitchat("👍")


SITES = {
    "党建林": ["党建林"],
    "主题林": ["主题林"],
    "示范点": ["示范点", "示范村", "示范基地"],
    "房前屋后": ["房前屋后", "房前", "屋后", "屋前", "房后", "门口", "门前", "家门口", "屋边", "屋旁", "房子边"],
    "庭院": ["庭院", "院子", "院里", "天井", "小院", "院落"],
    "路边": ["道路", "路边", "路旁", "村道", "马路", "公路", "路两边", "路两旁", "道路两旁"],
    "河边": ["河边", "河堤", "河岸", "溪边", "水边", "塘边", "鱼塘", "江边", "堤边", "水塘边"],
    "校园": ["校园", "学校"],
    "广场": ["广场", "公园", "祠堂", "文化广场"],
}


@pytest.mark.parametrize("word,kind", [(w, k) for k, ws in SITES.items() for w in ws])
def test_site_rule_every_site_word(word, kind):
    assert nlu.find_site(f"在{word}种了3棵") == kind
    assert nlu.is_bare_answer(f"{word}2棵", "2棵")


def test_site_rule_longest_site_word_first():
    assert nlu.find_site("门口的文化广场") == "广场"  # shortest first: 门口 (房前屋后)
    assert nlu.find_site("种树") is None


# Every question word or shape of _QUESTION_RE on its own (redundant ones, kept for reading, are listed in
# bench/README.md: 为什么 inside 什么 …).
QUESTION_WORDS = [
    "什么", "怎么", "怎样", "如何", "咋", "哪", "吗", "呢", "么", "多少", "多久", "多大", "多深", "多远", "多高",
    "多长", "多宽", "多密", "多粗", "多重", "几米", "几厘米", "几公分", "能不能", "可不可以", "要不要", "好不好",
    "行不行", "会不会", "是不是", "有没有", "是否", "应该", "该不该", "几月", "几时", "几年", "啥", "请问", "问一下",
    "想问", "想知道", "请教", "推荐", "建议", "还是", "定系", "?", "？", "种定", "几多", "几耐", "几远", "几深", "几高",
    "几大", "几密", "点样", "点解", "点算", "点办", "咩", "乜", "边度", "边个", "边啲", "系咪", "有冇", "得唔得",
    "点种", "点睇", "亩几棵", "1亩地多少株", "几棵一亩", "多少株1亩",
]  # fmt: skip


@pytest.mark.parametrize("word", QUESTION_WORDS)
def test_question_rule_every_question_word(word):
    assert nlu.is_question(word)


@pytest.mark.parametrize("text", ["种定根水", "一点种子", "桂花", "3棵桂花", "亩产", "唔"])
def test_question_rule_look_alikes_of_question_words_are_not(text):
    assert not nlu.is_question(text)


@pytest.mark.parametrize("text", ["几棵好", "几棵合适", "几棵比较", "几棵才", "几棵就", "几棵够", "几棵呀", "几棵啊",
                                  "种几", "要种几", "该种几", "种几棵"])  # fmt: skip
def test_question_rule_every_vague_question_shape(text):
    assert nlu.is_question(f"今天{text}" if text.startswith(("要", "该")) else text)
    assert nlu._VAGUE_QUESTION_RE.search(text)


COMPLAINT_WORDS = [
    "不结", "没结", "不挂果", "没挂果", "不开花", "没开花", "不长", "长不", "没长", "不发芽", "没发芽", "不活", "没活",
    "活不", "黄了", "发黄", "变黄", "黄叶", "枯", "死", "烂", "虫", "病", "斑", "霉", "白粉", "流胶", "掉叶", "落叶",
    "叶子掉", "掉果", "落果", "掉光", "卷", "蔫", "萎", "焦", "洞", "裂", "蛀", "啃", "咬", "发黑", "变黑", "黑了",
    "发白", "倒了", "断了", "歪了", "不行了",
]  # fmt: skip


@pytest.mark.parametrize("word", COMPLAINT_WORDS)
def test_complaint_rule_every_symptom_word(word):
    assert nlu.is_complaint(f"3棵桂花{word}")
    assert nlu.parse_planting_text(f"3棵桂花{word}", TABLE) is None


@pytest.mark.parametrize(
    "text",
    ["种了五年", "栽了3个月", "种下两星期", "种好半年", "种了多年", "种了好几年", "种几年", "种了十几个月", "栽了一礼拜",
     "种了好久", "栽了很久", "种多久", "种了多年"],
)  # fmt: skip
def test_complaint_rule_a_tree_that_has_stood_for_long(text):
    assert nlu.is_complaint(f"我家桂花{text}")


def test_complaint_rule_a_fresh_planting_is_no_complaint():
    assert not nlu.is_complaint("种了3棵桂花")


@pytest.mark.parametrize("word", ["种了", "栽了", "种下", "种好", "种上", "补种", "补种了", "新种", "刚种", "才种"])
def test_planted_rule_every_word_of_having_planted_starts_a_record_from_a_name(word):
    parsed = nlu.parse_planting_text(f"{word}桂花", TABLE)
    assert parsed is not None and parsed.species == "桂花" and parsed.count is None


def test_planted_rule_a_name_alone_or_an_amount_without_planting_is_no_record():
    assert nlu.parse_planting_text("桂花", TABLE) is None
    assert nlu.parse_planting_text("院子里好多树", TABLE) is None
    parsed = nlu.parse_planting_text("院子里种了好多树", TABLE)
    assert parsed is not None and parsed.vague and parsed.site_kind == "庭院"


@pytest.mark.parametrize("verb", ["认种", "认养", "认捐"])
def test_adoption_rule_a_verb_without_a_sign_of_done_is_a_wish(verb):
    assert nlu.is_adoption_wish(f"我想{verb}3棵桂花")
    for done in ["了", "过", "完", "已经"]:
        assert not nlu.is_adoption_wish(f"{verb}{done}3棵桂花")
    assert nlu.parse_planting_text(f"{verb}3棵桂花", TABLE) is None
    assert nlu.parse_planting_text(f"{verb}了3棵桂花", TABLE) is not None


def test_pledge_rule_renling_is_never_a_planting():
    assert nlu.is_pledge("认领 2棵荔枝") and nlu.is_pledge("认领了两棵龙眼")
    assert not nlu.is_pledge("种了2棵")
    assert nlu.parse_planting_text("认领了2棵桂花", TABLE) is None


# -- what a planting report needs -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,fields",
    [
        ("3棵桂花", dict(count=3, species="桂花", unknown_species=False, site_kind=None, area_mu=None)),
        ("3棵芒果", dict(count=3, species=None, species_text="芒果", unknown_species=True)),
        ("3棵树", dict(count=3, species=None, species_text="", unknown_species=False)),
        ("党建林 2.5亩", dict(count=None, area_mu=2.5, site_kind="党建林", species=None)),
        ("主题林3棵", dict(count=3, site_kind="主题林")),
        ("示范点3棵", dict(count=3, site_kind="示范点")),
        ("2亩", dict(area_mu=2.0)),
        ("代种 张三 2棵龙眼", dict(count=2, proxy_name="张三", unknown_species=True, species_text="龙眼")),
        ("种了十几棵桂花", dict(count=None, vague=True, species="桂花")),
    ],
)
def test_report_rule_a_count_or_area_with_a_tree_or_plot(text, fields):
    parsed = nlu.parse_planting_text(text, TABLE)
    assert parsed is not None
    for key, value in fields.items():
        assert getattr(parsed, key) == value, key


@pytest.mark.parametrize("text", ["", "  ", "3棵", "门口3棵", "路边3棵", "三个人", "桂花什么时候种", "代种 张三"])
def test_report_rule_no_tree_no_record(text):
    assert nlu.parse_planting_text(text, TABLE) is None


@pytest.mark.parametrize(
    "text,answer",
    [("是桂花", True), ("种的是3棵", True), ("门口2棵", True), ("2.5亩", True), ("不对，是5棵", True),
     ("隔壁家的竹子长到我家地里了", False), ("桂花好", True), ("桂花好看", False)],
)  # fmt: skip
def test_bare_answer_rule_at_most_one_character_beside_the_parts(text, answer):
    parts = [p for p in ("桂花", "竹子", "3棵", "5棵", "2棵") if p in text]
    assert nlu.is_bare_answer(text, *parts) is answer


@pytest.mark.parametrize("text", ["3棵桂花", "三棵桂花", "３棵桂花"])
def test_contains_any_and_halfwidth(text):
    assert nlu.contains_any(nlu.to_halfwidth(text), ["3棵", "三棵"])
    assert not nlu.contains_any(text, [])


# -- tree names misheard by voice input (find_sound_alike_species) --------------------------------------------
# Its own table: 离枝 is a misspelling of 荔枝 (it sounds like it), 荔 one character, lz no Chinese; 木棉 given as a
# plain list of aliases.
SOUNDS = {
    "荔枝": {"aliases": ["离枝", "荔", "lz"]},
    "木棉": ["木绵"],
    "洋紫荆": {},
}


def heard(text: str, table=SOUNDS, taken=()) -> list[tuple[str, str, int]]:
    return nlu.find_sound_alike_species(text, table, taken)


@pytest.mark.parametrize(
    "text,found",
    [("利枝", [("荔枝", "利枝", 0)]), ("我种了利枝", [("荔枝", "利枝", 3)]), ("立枝苗", [("荔枝", "立枝", 0)]),
     ("木眠", [("木棉", "木眠", 0)]), ("利枝利枝", [("荔枝", "利枝", 0), ("荔枝", "利枝", 2)])],
)  # fmt: skip
def test_sound_rule_a_homophone_keeping_a_character_of_the_name_is_the_name(text, found):
    assert heard(text) == found


def test_sound_rule_the_name_as_written_is_no_homophone():
    assert heard("荔枝") == [] and heard("洋紫荆") == []


def test_sound_rule_a_misspelt_alias_is_no_source_of_sounds():
    """离枝 sounds like 荔枝, the name before it: 离职 (keeping 离 of 离枝) is not 荔枝; 离枝 itself still is."""
    assert heard("离职了") == []
    assert heard("离枝") == [("荔枝", "离枝", 0)]


def test_sound_rule_another_species_that_sounds_alike_keeps_its_own_sounds():
    assert heard("丽只", {"荔枝": {}, "丽枝": {"aliases": []}}) == [("丽枝", "丽只", 0)]
    assert heard("丽只", {"荔枝": {"aliases": ["丽枝"]}}) == []


def test_sound_rule_a_one_character_name_is_no_source():
    """荔 alone: 立树 would be it by tones and 树 if one character were enough."""
    assert heard("立树") == []


def test_sound_rule_keeping_no_character_needs_the_same_tones_and_tree_or_seedling_after():
    assert heard("力之树") == [("荔枝", "力之", 0)] and heard("力之苗") == [("荔枝", "力之", 0)]
    assert heard("力之") == [] and heard("力之花") == []
    assert heard("沐绵树") == [("木棉", "沐绵", 0)] and heard("沐绵") == []


@pytest.mark.parametrize(
    "text,found",
    [("洋紫金", [("洋紫荆", "洋紫金", 0)]), ("洋籽金", []), ("羊紫金", []), ("羊籽金", [])],
)
def test_sound_rule_a_back_nasal_needs_two_characters_kept(text, found):
    assert heard(text) == found


def test_sound_rule_names_already_found_are_not_heard_again():
    assert heard("利枝", taken=[(0, 1)]) == [] and heard("利枝", taken=[(1, 2)]) == []
    assert heard("荔枝利枝", taken=[(0, 2)]) == [("荔枝", "利枝", 2)]
    assert heard("利枝利枝", taken=[(0, 2)]) == [("荔枝", "利枝", 2)]
    assert heard("利枝荔枝利枝", taken=[(2, 4)]) == [("荔枝", "利枝", 0), ("荔枝", "利枝", 4)]  # only the span taken


@pytest.mark.parametrize("table", [{"杜鹃": {}, "杜鹃花": {}}, {"杜鹃花": {}, "杜鹃": {}}])
def test_sound_rule_the_longest_name_heard_wins(table):
    assert heard("肚鹃花开了", table) == [("杜鹃花", "肚鹃花", 0)]
    assert heard("肚鹃", table) == [("杜鹃", "肚鹃", 0)]


def test_sound_rule_readings_of_chinese_characters_only():
    assert (nlu.readings("李"), nlu.readings("乐"), nlu.readings("a"), nlu.readings("。")) == (
        {"li"},
        {"le", "yue"},
        frozenset(),
        frozenset(),
    )
    assert (nlu.readings("\u4e00"), nlu.readings("\u9fa5")) == ({"yi"}, {"yu"})  # the first and last of the block
    assert (nlu.main_reading("才"), nlu.main_reading("a")) == ("cai", "a")
    assert nlu._usual_toned_reading("李") == "lǐ" and nlu._loose_readings("荆") == {"jin"}
    assert (nlu._usual_toned_reading("挑"), nlu._usual_toned_reading("a")) == ("tiāo", "")  # not its rare táo


def test_sound_rule_a_name_with_the_first_character_of_the_block_is_a_source():
    """一 is U+4E00, the first of the CJK block: 一串红 is a name like any other."""
    assert heard("衣串红", {"一串红": {}}) == [("一串红", "衣串红", 0)]


def test_sound_rule_of_two_names_heard_as_long_the_first_in_the_table_wins():
    assert heard("利枝", {"荔枝": {}, "丽枝": {}}) == [("荔枝", "利枝", 0)]
    assert heard("利枝", {"丽枝": {}, "荔枝": {}}) == [("丽枝", "利枝", 0)]


# -- the whole module (issue 20, round 8): edges the run of "bot.nlu.*" found unpinned ---------------------------
@pytest.mark.parametrize("text", ["12a4", "0 0 0 a", "幺三x"])
def test_spoken_digits_rule_a_letter_among_digits_is_no_run_of_digits(text):
    assert nlu.spoken_digits(text) is None


@pytest.mark.parametrize("text", ["3-5棵", "三到五棵", "3 ~ 5株"])
def test_count_rule_a_range_has_no_unit_and_keeps_its_words(text):
    assert nlu.parse_count(text) == nlu.CountResult(None, True, "", text)


def test_count_rule_a_count_above_max_count_keeps_its_words_and_the_planting_asks():
    assert nlu.parse_count("种了1000001棵") == nlu.CountResult(None, True, "棵", "1000001棵")
    found = nlu.parse_planting_text("种了1000001棵桂花", TABLE)
    assert found is not None and found.vague and found.count is None and found.species == "桂花"


@pytest.mark.parametrize("text,mu", [("250平米", 0.38), ("10平方米", 0.02), ("50㎡", 0.08), ("1平米", 0.0)])
def test_area_rule_square_metres_are_rounded_to_two_decimals_of_a_mu(text, mu):
    assert nlu.parse_area_mu(text) == mu


@pytest.mark.parametrize(
    "text",
    [
        "3棵苗",
        "5棵树苗",
        "种了3棵小树",
        "3棵大树",
        "种了3棵在公园",
        "3棵校园",
        "种了20棵半亩左右",
        "种了两棵三四米高的",
    ],
)
def test_unknown_species_rule_a_tree_word_a_site_an_area_or_numbers_is_no_tree(text):
    assert nlu.extract_unknown_species(text) is None
    assert nlu.parse_planting_text(text, TABLE) is None or not nlu.parse_planting_text(text, TABLE).unknown_species


@pytest.mark.parametrize("text,answer", [("", True), (None, True), ("桂花，还有桂花", False), ("桂花桂花", False)])
def test_bare_answer_rule_each_part_is_taken_away_once(text, answer):
    assert nlu.is_bare_answer(text, "桂花") is answer


# The word lists of a table are built once per table and kept (_derived, _mentions_pattern, _names_by_sound): these
# read a table never seen before (a fresh copy each time), so the building itself is what answers.
FRESH = {
    "桃": {"aliases": ["桃树", "桃花"], "not_aliases": ["核桃", "杨桃"]},
    "李": {"aliases": ["李子"], "not_aliases": ["行李"]},
    "竹子": {"aliases": ["竹"]},
    "洋紫荆": {},  # neither aliases nor look-alikes
    "桂花": ["桂花树", "金桂"],  # a plain list of aliases
    "小叶榄仁": {"aliases": ["榄仁"]},
}


@pytest.mark.parametrize(
    "text,found",
    [("小叶榄仁", ("小叶榄仁", "小叶榄仁")), ("榄仁", ("小叶榄仁", "榄仁")), ("桃树", ("桃", "桃树")), ("桃", ("桃", "桃")),
     ("核桃", (None, "")), ("行李", (None, "")), ("种了核桃和李子", ("李", "李子")), ("洋紫荆3棵", ("洋紫荆", "洋紫荆")),
     ("3棵金桂", ("桂花", "金桂")), ("桂花树", ("桂花", "桂花树")), ("竹", ("竹子", "竹")), ("竹子", ("竹子", "竹子"))],
)  # fmt: skip
def test_species_rule_a_table_read_for_the_first_time_names_every_species_alias_and_look_alike(text, found):
    assert nlu.find_species(text, copy.deepcopy(FRESH)) == found
    assert nlu.find_all_species(text, copy.deepcopy(FRESH)) == ([found] if found[0] else [])


@pytest.mark.parametrize(
    "text,others,found",
    [("桃金娘和桃", ("桃金娘",), [("桃金娘", "桃金娘"), ("桃", "桃")]),
     ("番石榴和石榴", ("番石榴",), [("番石榴", "番石榴"), ("石榴", "石榴")]),
     ("番石榴和石榴", (), [("石榴", "石榴")]),
     ("小叶榄仁和榄仁树", ("榄仁树",), [("小叶榄仁", "小叶榄仁"), ("榄仁树", "榄仁树")])],
)  # fmt: skip
def test_species_rule_a_table_read_for_the_first_time_lets_others_compete_longest_first(text, others, found):
    table = copy.deepcopy(FRESH) | {"石榴": {"not_aliases": ["番石榴"]}}
    assert nlu.find_all_species(text, table, others) == found


@pytest.mark.parametrize(
    "reading,toneless", [("lǐ", "li"), ("yuè", "yue"), ("zhōng", "zhong"), ("ā", "a"), ("li", "li"), ("", "")]
)
def test_sound_rule_a_reading_loses_its_tone_marks_only(reading, toneless):
    """The readings are cached (nlu.readings): this asks the rule itself, as a process starting afresh does."""
    assert nlu._toneless(reading) == toneless


@pytest.mark.parametrize(
    "text,found",
    [("桂花2棵，桃树1棵，桂花又2棵", ("桂花", "桂花")),  # named again after another: still the first
     ("桃树1棵，桂花2棵，桃又1棵", ("桃", "桃树")),
     ("大李种了李和桂花，也种了李", ("李", "李"))],  # 大李 a person; the next 李 that stands alone, not the last
)  # fmt: skip
def test_species_rule_the_first_mention_that_stands_alone_wins(text, found):
    assert nlu.find_species(text, TABLE) == found


def test_species_rule_an_alias_two_species_share_goes_to_the_first_in_the_table():
    assert nlu.find_species("金桂3棵", {"桂花": {"aliases": ["金桂"]}, "月桂": {"aliases": ["金桂"]}}) == (
        "桂花",
        "金桂",
    )
    assert nlu.find_species("金桂3棵", {"月桂": {"aliases": ["金桂"]}, "桂花": {"aliases": ["金桂"]}}) == (
        "月桂",
        "金桂",
    )


@pytest.mark.parametrize("text,site", [("种了3棵苗", None), ("今天种了10棵树苗", None), ("党建林 120棵", "党建林"),
                                       ("主题林 120棵", "主题林"), ("示范点 120棵", "示范点")])  # fmt: skip
def test_report_rule_a_count_with_a_seedling_or_a_plot_and_no_tree_name_is_a_record_that_asks_the_tree(text, site):
    found = nlu.parse_planting_text(text, TABLE)
    assert found is not None and found.count and found.species is None and not found.unknown_species
    assert found.site_kind == site


@pytest.mark.parametrize("text", ["好几棵", "十几棵", "一些", "两三棵"])
def test_count_rule_a_vague_amount_has_no_unit_and_keeps_its_words(text):
    assert nlu.parse_count(text) == nlu.CountResult(None, True, "", text)


@pytest.mark.parametrize("text", ["", None])
def test_halfwidth_rule_no_text_is_empty_text(text):
    assert nlu.to_halfwidth(text) == "" and nlu.normalize(text) == ""


@pytest.mark.parametrize(
    "text,norm",
    [("种树.", "种树"), ("...种树", "种树"), ("种 2.5 亩. 好", "种2.5亩好"), ("1.5棵", "1.5棵"), ("a.b", "ab")],
)
def test_normalize_rule_a_dot_is_kept_only_as_a_decimal_point(text, norm):
    assert nlu.normalize(text) == norm


@pytest.mark.parametrize(
    "text,matched", [("0棵，3-5棵", "3-5棵"), ("补种0棵，新种3到5棵", "3到5棵"), ("零棵 三到五株", "三到五株")]
)
def test_count_rule_a_range_after_a_number_that_is_no_count_is_still_vague(text, matched):
    """The first number with a measure word is no count (0): the range after it is still read, as vague."""
    assert nlu.parse_count(text) == nlu.CountResult(None, True, "", matched)


@pytest.mark.parametrize(
    "text, asks",
    [
        ("你是真人还是机器人", True),
        ("你系真人定机器人", True),  # Cantonese: 系 = 是, 定 = 还是
        ("你系唔系机器人嚟㗎", True),
        ("请问是真人在回复吗", True),
        ("您是人工客服吗", True),
        ("是不是自动回复的", True),
        ("机器人", True),
        ("机器人能帮我登记种树吗", False),  # a request to the machine, not the question who answers
        ("你是机器人吗 桂花几月种", False),  # and a real question: the FAQ answers it
        ("真人种的树", False),
    ],
)
def test_chitchat_rule_asking_whether_a_person_answers(text, asks):
    assert nlu.asks_who_answers(nlu.normalize(text)) is asks
    assert nlu.is_chitchat(text) is asks


@pytest.mark.parametrize("text", ["喂", "喂喂 有人吗", "喂 有冇人喺度", "有没有人"])
def test_chitchat_rule_a_bare_hello_on_the_phone_or_is_anyone_there(text):
    assert nlu.is_chitchat(text)


# -- traditional characters and small talk (issue 17, round 13) -----------------------------------------------------
@pytest.mark.parametrize(
    "traditional, simplified",
    [
        ("點樣登記", "怎么登记"),
        ("荔枝幾時種", "荔枝几时种"),
        ("請問每戶要種幾棵樹", "请问每户要种几棵树"),
        ("係咪", "是不是"),
    ],
)
def test_traditional_characters_are_read_as_simplified(traditional, simplified):
    assert nlu.normalize(traditional) == nlu.normalize(simplified)


def test_no_simplified_character_and_no_cantonese_one_is_changed_by_the_traditional_table():
    table = hanzi.TRADITIONAL
    assert len(table) > 2000
    changed = [chr(code) for code in table if hanzi._in_gb2312(chr(code))]
    assert changed == []  # simplified text (all of it in GB2312) never changes
    assert [c for c in "嗰嘅咗啲冇唔嘢喺乜咁嚟佢哋攞搵睇" if ord(c) in table] == []  # 嗰 never becomes 𠮶
    assert all(hanzi._in_gb2312(simplified) for simplified in table.values())


@pytest.mark.parametrize(
    "text",
    [
        "今天好冷啊",
        "外面落紧大雨",
        "我要去接孙子了 晚点再聊",
        "祝大家中秋节快乐",
        "好咯我晓得了",
        "行 我明白晒",
        "我好开心 孙子考上大学了",
        "你住在哪里",  # round 14: asked about the bot's own life
        "你会不会累啊",
        "今天种完树好累啊",  # tired after planting: the planting is the story
        "我好开心 树苗全部种活了",  # glad about it
        "哦 原来系咁",  # 系咁 normalises to 是这么: still no question
        "辛苦了 你们搞这个活动好有意义",
        "你是哪个公司做的",  # about the bot
        "傻的吗你",
        "我就是试试看你会回什么",
        "阿妹你好啊",
        "讲极都唔明",
        "你答非所问 什么破机器人",  # round 15: a complaint with a rhetorical question
        "你好厉害啊 什么都懂",  # praise with one
        "讲咗等于冇讲",
        "点解你成日答错嘢",
        "你回复好慢",
        "你系咪人嚟㗎",  # is it a person
        "你答非所问，根本没用",  # 根本 is no root
    ],
)
def test_small_talk_said_about_nothing_the_campaign_deals_with(text):
    assert nlu.is_small_talk(text, nlu.normalize(text))


@pytest.mark.parametrize(
    "text",
    [
        "今天好冷啊 树会不会冻死",  # asked, and about trees
        "天气好热 要淋水吗",  # asked
        "我好开心 树苗全部种活了 还要施肥吗",  # asked, about the trees
        "我老公摔伤了种不了树",  # harm, and the household's duty
        "村长讲明天有人来检查",  # the campaign
        "我是埔心村的李桂英",  # registration
        "收到 那我的证书呢",  # asked
        "发语音你听得懂吗",  # what the bot can do
        "天天发提醒好烦 怎么关掉",  # unsubscribing
        "保水剂有没有用",  # asked, and about planting
        "你说几月份种好",  # when
        "种树好累 腰痛有什么办法",  # asked about harm
        "你这个机器人怎么什么都不懂 叫个真人来",  # asking for a person
        "你说什么时候种桂花好",  # when, and a tree
        "好烦啊 怎么不收提醒",  # round 15: a complaint that asks how
        "你好厉害 桂花几时种",  # praise, then a question
    ],
)
def test_more_than_small_talk(text):
    assert not nlu.is_small_talk(text, nlu.normalize(text))
