"""The commonest surnames, and whether a name begins with one (round 34's clause reader, bot/identity.py; round 50's
right name said alone, bot/nlu.py ``name_said_right``): a leaf module, so that both may read it."""

from __future__ import annotations

# The commonest surnames (公安部户政管理研究中心《二〇二〇年全国姓名报告》's first hundred, with Guangdong's own: 冼, 麦,
# 岑, 邝, 区 …) and the compound ones: a clause's name is taken only under one of them (a rare surname still registers
# with 登记 or 我叫, as before round 34)
COMMON_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜"
    "崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文"
    "施洪辛柯庄温丘古冼麦岑植邝区甘伍骆巫池聂詹凌梅翁关阮利简傅房涂蓝练颜卓邬祝饶官"
)
COMPOUND_SURNAMES = ("欧阳", "司徒", "上官", "诸葛", "司马", "东方", "皇甫", "尉迟", "长孙", "令狐", "慕容")


def has_common_surname(name: str | None) -> bool:
    """Does the name begin with one of the commonest surnames and hold a given name after it?"""
    if not name:
        return False
    compound = name.startswith(COMPOUND_SURNAMES)
    return len(name) > (2 if compound else 1) and (compound or name[0] in COMMON_SURNAMES)
