"""Round 49 of issue 17 §5, through signed pushes: the request kinds the blind set 19w found going astray after its
blind figure was taken (19w on 66546fb: 116/140). Examples of its own for each class, written before their class was
mended and run on main 66546fb first (registration, rename and help 6/13, how to log or go on 2/14, progress 1/7;
controls 10/10; after the round 13/13, 14/14, 7/7, controls held, five more added with the fixes); then the probes it
fixed (15 of 19w's 24 misses: 131/140), so they cannot regress."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import cases_of, probe  # noqa: F401  (the module's fixture: one app for the examples)

# registration, rename or help said otherwise: never an adviser's ticket
EXAMPLES_REGISTER = [
    ("new", "埔心村，我，陈秀英", "register"),
    ("new", "埔心村 我 黄阿妹", "register"),
    ("new", "我，埔心村，刘带娣", "register"),
    ("new", "点样绑定我嘅账号", "register"),
    ("new", "想绑定账号 点做", "register"),
    ("new", "账号点绑定", "register"),
    ("member", "个名打错咗，我叫李秀兰先啱", "rename"),
    ("member", "名写错咗，应该系黄玉珍至啱", "rename"),
    ("member", "之前用咗我阿爸个名登记，改返做我嘅名何美玲", "rename"),
    ("member", "用咗老婆个名登记咗，改做我个名陈志强", "rename"),
    ("new", "呢个点玩", "help"),
    ("new", "呢度点用㗎", "help"),
    ("new", "点用㗎", "help"),
]

# how to log, or to go on with a record, asked otherwise
EXAMPLES_HOW = [
    ("pending", "棵数报咗，仲要做啲乜", "how"),
    ("pending", "数报好咗，仲欠啲乜", "how"),
    ("after_photo", "跟住要打啲咩字", "how"),
    ("after_photo", "下一步要输入乜嘢", "how"),
    ("pending", "相点样影咗传上嚟", "how"),
    ("pending", "张相点上传", "how"),
    ("pending", "使唔使发定位", "how"),
    ("pending", "位置要唔要发埋", "how"),
    ("after_photo", "相发咗，树名同数量点样填", "how"),
    ("after_photo", "张相上传咗，跟住树名点写", "how"),
    ("new", "种完树系咪喺呢度报数，点样报", "log"),
    ("new", "种好树要喺度报数吗，点报", "log"),
    ("cadre", "党员林种完点报面积", "log"),
    ("cadre", "集体林种好咗点样上报亩数", "log"),
]

# progress asked otherwise
EXAMPLES_PROGRESS = [
    ("cadre", "边啲村民仲未报种树", "progress"),
    ("cadre", "仲有边个村民未报数", "progress"),
    ("finished", "连埋啱啱嗰两棵我一共几多", "progress"),
    ("finished", "加埋头先嗰啲总共种咗几多", "progress"),
    ("member", "我报过几多次种树", "progress"),
    ("member", "我有几条种树记录", "progress"),
    ("member", "我嘅记录有几多条", "progress"),
]

# What must keep its route
CONTROLS = [
    ("member", "埔心村有几多人", {"register"}),
    ("member", "账号被盗点算", {"register"}),
    ("member", "改个提醒时间", {"fix_name", "register"}),
    ("member", "点样淋水", {"help"}),
    ("member", "桂花点种", {"planting_menu"}),
    ("member", "位置喺边", {"planting_menu"}),
    ("member", "种树日喺边度集合", {"planting_menu"}),
    ("member", "几时种树最好", {"my_progress", "village_progress", "left_to_plant"}),
    ("member", "荔枝一年结几多次", {"my_progress", "village_progress", "left_to_plant"}),
    ("ticket", "叶子有几条虫", {"my_progress", "village_progress", "left_to_plant"}),
    # added with the fixes: how to bind asked bare stays the FAQ's; the trees logged under another's name are no rename;
    # a question about the tree in the photo just sent is its ticket
    # round 52: '怎么绑定' from a follower not registered yet is a bare 登记 (tests/e2e/test_conversation_round52.py); a
    # registered villager's stays the FAQ's
    ("member", "怎么绑定", {"register"}),
    ("member", "用咗老公个名登记嘅树有几多", {"fix_name"}),
    ("after_photo", "呢棵树点解叶黄", {"planting_menu"}),
    # 报名 is no report: who has not signed up for the day is not who has not planted
    ("cadre", "边个村民仲未报名种树日", {"left_to_plant"}),
    ("member", "总共几多", {"my_progress"}),
]

LEFT: dict[str, str] = {}

# The probes of 19w this round fixed
FIXED: list[tuple[str, str, str]] = [
    ("new", "埔心村，我，林阿娣", "register"),
    ("new", "请问点样绑定账号", "register"),
    ("member", "名改错咗，我叫邹丽华至啱", "rename"),
    ("member", "之前用咗我老公个名登记，改做我嘅名张月娥", "rename"),
    ("new", "点玩㗎", "help"),
    ("pending", "数报咗，仲差啲乜", "how"),
    ("after_photo", "之后要输入啲咩", "how"),
    ("pending", "点样影相上传", "how"),
    ("pending", "要唔要发埋位置", "how"),
    ("after_photo", "张相传好咗，树名同棵数点填", "how"),
    ("new", "种树之后系咪要喺呢度报数，点报", "log"),
    ("cadre", "党建林种完点样上报面积", "log"),
    ("cadre", "边几个村民仲未报种树", "progress"),
    ("finished", "加埋啱啱嗰两棵我总共几多", "progress"),
    ("member", "我嘅种树记录有几条", "progress"),
]


@pytest.mark.parametrize(
    ("context", "message", "expected"), cases_of(EXAMPLES_REGISTER + EXAMPLES_HOW + EXAMPLES_PROGRESS, LEFT)
)
def test_round_49_example(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message", "forbidden"), CONTROLS, ids=[f"{c}:{m}" for c, m, _ in CONTROLS])
def test_round_49_control(probe, context, message, forbidden):  # noqa: F811
    assert probe.handler_for(context, message) not in forbidden


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(FIXED, {}))
def test_round_49_fixed_probe(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
