"""FAQ round 46 (issue 17): sets AI, AJ and AK joined the precedents, and the model and the agreed precedents learned
from 3,455 more questions. Some classes of question they then read wrongly are guarded in bot/faq.py; these are
phrasings of each class written before the guards (not the pinned questions that showed the class, nor taken from
any set), with the answer each should get whatever the precedents say. docs/faq.md, round 46."""

import pytest

# a tree or 'this' pointed at with a bare how, no topic: nothing for a precedent or the model to recognise
BARE_POINTING = [
    "这棵怎么搞",
    "那棵树咋整",
    "呢棵树点算",
    "这些树要怎么弄",
    "嗰棵点搞好",
    "这个树怎么处理",
    "那几棵怎么办好",
    "这棵苗点弄",
]

# a grievance about a person (a cadre, a team leader, an adviser) told while doing the campaign's things: a person
GRIEVANCES = [
    "挖坑的时候组长凶我们",
    "种树那天村支书对我们态度好差",
    "去领苗 村委那个人好凶",
    "登记的时候那个干部骂我",
    "技术员来指导说话好难听",
    "发证书的时候村主任不理人",
    "打电话问树苗的事 村里的人骂我",
    "分树苗的时候组长偏心骂人",
]

# a danger that has happened, told beside its safety line: a person, the line first (a live line touched: whatever the
# model reads)
HAPPENED = [
    "树倒下来压住电线了",
    "竹竿碰到高压线了",
    "挖坑挖断了电缆",
    "台风刮倒的树挡住了路",  # round 49: 挡住, 横在 say it happened (it had been a strict xfail: the model's 0.56)
    "山上有树烧起来了",
]

# thanks or a greeting first, then a question about a tree: its answer
THANKS_FIRST = [
    "多谢晒 荔枝几时种好",
    "谢谢你 龙眼几时施肥",
    "唔该晒 辛苦你 杨梅几月种",
    "辛苦了 谢谢 桂花种多深",
    "好的谢谢 荔枝要浇几多水",
    # round 88 sent it to a person (the model's lead under [sure] support_lead); round 102 (BT-BY in the precedents)
    # answers it: species.荔枝.spacing with its light, as the bare '荔枝树穴挖多大' reads the spacing on main too
    "多谢 辛苦晒 荔枝树穴挖多大",
]


@pytest.mark.parametrize("question", BARE_POINTING)
def test_a_tree_pointed_at_with_a_bare_how_goes_to_a_person(index, question):
    assert index.match(question).kind == "escalate"


@pytest.mark.parametrize("question", GRIEVANCES)
def test_a_grievance_about_a_person_goes_to_a_person(index, question):
    assert index.match(question).kind == "escalate"


@pytest.mark.parametrize("question", HAPPENED)
def test_a_danger_that_happened_goes_to_a_person_with_its_line(index, question):
    result = index.match(question)
    assert result.kind == "escalate" and result.safety


# round 116 (issue 17 §1, the writers of BZ-CL): first aid done at once is answered, its safety line first, no ticket
AID_AT_ONCE = [
    ("打完农药手脚发麻", "tech.pesticide_first_aid"),
    ("老公撒石灰烧到手了", "tech.lime_first_aid"),
    # round 119 (issue 17 §1, set CN): a chainsaw cut is a cut, its first aid answered (it had been in HAPPENED: the
    # chainsaw rule, which has no first aid of its own, kept the ticket; safety.toml chainsaw ``first_aid_by``)
    ("砍树的时候电锯割到脚", "tech.injury_first_aid"),
]


@pytest.mark.parametrize(("question", "aid"), AID_AT_ONCE)
def test_first_aid_done_at_once_is_answered_with_its_line(index, question, aid):
    result = index.match(question)
    assert (result.kind, result.entry_id) == ("answer", aid) and result.safety


@pytest.mark.parametrize("question", THANKS_FIRST)
def test_thanks_first_then_a_question_is_answered(index, question):
    assert index.match(question).kind == "answer"
