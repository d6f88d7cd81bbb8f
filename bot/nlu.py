"""Chinese text understanding for the planting flow and the FAQ matcher.

Pure functions only: no app, database or file access. The species table is
passed in by the caller, as loaded from ``messages/species.toml``:

    {canonical_name: {"aliases": [...], "not_aliases": [...], ...}, ...}

A plain ``{canonical_name: [alias, ...]}`` mapping is accepted as well.
"""

from __future__ import annotations

import importlib.util
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from bot import hanzi, request_frames
from bot.kept import Kept
from bot.messages import MESSAGES_DIR
from bot.sound_alike import SoundAlikeWords
from bot.surnames import COMMON_SURNAMES, COMPOUND_SURNAMES, has_common_surname

# --- normalisation -----------------------------------------------------------

# Colloquial, Cantonese and common typo forms -> the form used in the
# knowledge. Applied longest key first, after full-width -> half-width.
SYNONYMS: dict[str, str] = {
    "啥时候": "什么时候",
    "啥时间": "什么时候",
    "什么时间": "什么时候",
    "几时": "什么时候",
    "什么时侯": "什么时候",
    "啥时": "什么时候",
    "何时": "什么时候",
    "么个时候": "什么时候",  # round 48 (19u): Hakka ('荣誉证书么个时候有')
    "神马时候": "什么时候",
    "哪个时候": "什么时候",
    "什么季节": "什么时候",
    "啥季节": "什么时候",
    "神马": "什么",
    "什麽": "什么",
    "乜嘢": "什么",
    "咩": "什么",
    "啥子": "什么",
    "啥": "什么",
    "怎摸": "怎么",
    "怎莫": "怎么",
    "咋个": "怎么",
    "咋": "怎么",
    "怎样": "怎么",
    "如何": "怎么",
    "点样": "怎么",
    "按怎": "怎么",  # Teochew/Hokkien ('欲记上去 按怎做'; round 36)
    "乜个": "什么",  # Teochew ('种乜个好')
    "欲": "要",  # Teochew/Hokkien ('阮厝前欲种一丛树', '橄榄欲拍药')
    "怎么办好": "怎么办",
    "边度": "哪里",
    "哪儿": "哪里",
    "哪边": "哪里",
    "啥地方": "哪里",
    "什么地方": "哪里",
    "挖洞": "挖树穴",
    "多大的洞": "多大的树穴",
    "鸡屎": "鸡粪",
    "猪屎": "猪粪",
    "棍子": "木棍",
    "竹竿": "木棍",
    "竹杆": "木棍",
    "牛屎": "牛粪",
    "搞": "弄",
    "咋弄": "怎么弄",
    "挖坑": "挖树穴",
    "树坑": "树穴",
    "坑": "树穴",
    "种植穴": "树穴",
    "树树穴": "树穴",
    "移栽": "移种",
    "栽种": "种",
    "栽": "种",
    "植树": "种树",
    "种植": "种",
    "淋水": "浇水",
    "淋": "浇",
    "灌水": "浇水",
    "喝水": "浇水",
    "落肥": "施肥",
    "下肥": "施肥",
    "放肥": "施肥",
    "上肥": "施肥",
    "施费": "施肥",
    "落雨": "下雨",
    "天太干": "天旱",
    "太干了": "干旱",
    "打风": "台风",
    "刮台风": "台风",
    "台风天": "台风",
    "树头": "根部",
    "树蔸": "根部",
    "盆栽": "盆栽",
    "冇": "没有",
    "唔": "不",
    "嘅": "的",
    "啲": "些",
    "咗": "了",
    "咗未": "了没",
    "佢": "它",
    "可唔可以": "可不可以",
    "得唔得": "行不行",
    "好唔好": "好不好",
    "树苗子": "树苗",
    "苗子": "树苗",
    "小苗": "树苗",
    "蔫巴": "蔫",
    "打蔫": "蔫",
    "焉了": "蔫了",
    "焉": "蔫",
    "耷拉": "蔫",
    "耷": "蔫",  # Cantonese 耷 (droop): 叶耷晒, 耷咗
    "中不中": "行不行",  # northern 中 (all right): 种桂花中不中
    "嘛": "吗",
    "麽": "吗",
    "几多": "多少",
    "几棵": "多少棵",
    "几株": "多少棵",
    # Mandarin colloquial
    "咋整": "怎么弄",
    "咋办": "怎么办",
    "咋样": "怎么样",
    "多会儿": "什么时候",
    "啥样": "什么样",
    "干啥": "做什么",
    "为啥": "为什么",
    "咋回事": "怎么回事",
    "行吗": "行不行",
    "成吗": "行不行",
}

# Cantonese (as voice recognition and villagers in Guangdong write it) and a few colloquial forms ->
# the Mandarin of the knowledge.
CANTONESE: dict[str, str] = {
    # question words
    "点解": "为什么",
    "点算": "怎么办",
    "点办": "怎么办",
    "点整": "怎么弄",
    "点搞": "怎么弄",
    "点知": "怎么知道",
    "乜": "什么",
    "冇乜": "没什么",
    "咩事": "什么事",
    "喺边": "在哪里",
    "喺边度": "在哪里",
    "喺边啲": "在哪些",
    "去边": "去哪里",
    "去边度": "去哪里",
    "边个": "哪个",
    "边啲": "哪些",
    "边几": "哪几",
    "边样": "哪样",
    "种边种": "种什么",  # round 34: 'which kind to plant' (not 边种边浇, 'while planting'; not 种哪: where)
    "边一": "哪一",
    "边间": "哪间",
    "几耐": "多久",
    "几远": "多远",
    "几深": "多深",
    "几阔": "多宽",
    "几高": "多高",
    "几大": "多大",
    "几粗": "多粗",
    "几长": "多长",
    "几密": "多密",
    "几日": "几天",
    "系咪": "是不是",
    "系唔系": "是不是",
    "唔系": "不是",
    "系咩": "是什么",
    "使唔使": "要不要",
    "唔使": "不用",
    "唔识": "不会",
    "识唔识": "会不会",
    "种唔种得": "能不能种",
    "种唔种得生": "能不能种活",
    "啱唔啱": "合不合适",
    "即系": "就是",
    "话畀你知": "告诉你",
    "话你知": "告诉你",
    # time
    "而家": "现在",
    "依家": "现在",
    "宜家": "现在",
    "今日": "今天",
    "琴日": "昨天",
    "听日": "明天",
    "下昼": "下午",
    "朝早": "早上",
    "夜晚": "晚上",
    "旧年": "去年",
    "出年": "明年",
    "嗰阵": "那时",
    "日日": "每天",
    "好耐": "好久",
    "好耐心": "好耐心",  # patient, not 好耐 (a long time)
    "钟意": "喜欢",
    "中意": "喜欢",
    # pronouns, particles, common verbs
    "我哋": "我们",
    "你哋": "你们",
    "佢哋": "他们",
    "嗰": "那",
    "呢度": "这里",
    "呢个": "这个",
    "呢棵": "这棵",
    "呢啲": "这些",
    "呢种": "这种",
    "喺度": "在这里",
    "嗰度": "那里",
    "喺": "在",
    "嚟": "来",
    "返嚟": "回来",
    "咁": "这么",
    "嘢": "东西",
    "屋企": "家",
    "隔篱屋": "邻居家",
    "隔篱": "邻居",
    "揾": "找",
    "畀人": "被人",
    "畀": "给",
    "俾人": "被人",
    "俾": "给",
    "仲": "还",
    "净系": "只是",
    "定系": "还是",
    "好似": "好像",
    "就快": "快要",
    "未熟": "没熟",
    "唔知": "不知道",
    "睇": "看",
    "攞": "领",
    "做嘢": "工作",
    "话事": "做主",
    "话我": "说我",
    "话系": "说是",
    "听讲": "听说",
    "搞掂": "完成",
    "成日": "经常",
    "成个": "整个",
    "返": "回",
    "扶返正": "扶正",
    "扶返": "扶",
    "屋背后": "屋后",
    "屋背": "屋后",
    "屋门口": "家门口",
    "入面": "里面",
    "令": "让",
    "冚": "盖",
    "唔好": "不要",
    "发信息": "发消息",
    "拣": "选",
    "识做": "会做",
    "落村": "下村",
    "间屋": "房子",
    "一齐": "一起",
    "石仔": "石头",
    "未得闲": "没空",
    "唔得闲": "没空",
    "得闲": "有空",
    "驳枝": "嫁接",
    "驳接": "嫁接",
    "驳嘢": "嫁接",
    # 边啲 is 'which' (哪些), but 屋边啲 is 'the … beside the house'
    "屋边啲": "屋边的",
    "路边啲": "路边的",
    "河边啲": "河边的",
    "塘边啲": "塘边的",
    "田边啲": "田边的",
    "身边啲": "身边的",
    # just (啱) and then (先)
    "啱啱": "刚刚",
    # sim71: 头先 (just now) then 啱 (just): not 头 + 先啱 (才合适), '头先啱啱种咗两棵' had become 头才合适刚种了两棵. Only
    # these: 头先 alone may be 日头 + 先 ('要晒足日头先得': 才行)
    "头先啱啱": "头先刚刚",
    "头先啱种": "头先刚种",
    # round 59 (20k): just now said otherwise: 啱先 (啱啱 and 头先 in one), 岩 typed for 啱, 正话 ('啱先嗰条记录删咗佢')
    "啱先": "刚才",
    "岩岩": "刚刚",
    "岩先": "刚才",
    "正话": "刚才",
    "啱种落去": "刚种下去",
    "啱种嘅": "刚种的",
    "啱种咗": "刚种了",
    "啱种完": "刚种完",
    "啱种好": "刚种好",
    "啱种": "适合种",
    "最啱": "最合适",
    "啱": "合适",
    "先合适": "才合适",
    "先啱": "才合适",
    "先结果": "才结果",
    "先有": "才有",
    "先开花": "才开花",
    "先种活": "才种活",
    "先种得生": "才种活",
    "钟唔钟意": "喜不喜欢",  # round 17: not 钟 + 唔钟意
    "先至": "才",
    "先可以": "才可以",
    "先会": "才会",
    "先得": "才行",
    # planting and growing
    "种落去": "种下去",
    "落去": "下去",
    "落嚟": "下来",
    "跌落": "掉下",
    "落泥": "入土",
    "泥度": "土里",
    "落泥度": "入土里",
    "冇泥头": "没有土球",
    "泥头": "土球",
    "泥球": "土球",
    "泥": "土",
    "树窿": "树穴",
    "挖窿": "挖树穴",
    "窿底": "树穴底",
    "窿里": "树穴里",
    "细窿": "小洞",
    "细苗": "小苗",
    "细树": "小树",
    "生得": "长得",
    "花生": "花生",  # a crop, kept whole: '种花生得唔得' is not 种花 + 长得
    "生咩": "长什么",
    "生啲": "长些",
    "生虫": "长虫",
    "生病": "得病",
    "大棵": "长大",
    "种得生": "种活",
    "种生": "种活",
    "种得活": "种活",
    "生咗未": "活了没有",
    "生唔生": "活不活",
    "叶冧": "叶蔫",  # round 16: leaves droop ('啲叶冧晒'); a tree that 冧 falls
    "冧": "倒",
    "生定死": "活还是死",
    "生定系死": "活还是死",
    "好冻": "很冷",
    "咁冻": "这么冷",
    "树窝": "树穴",
    "斩": "砍",
    "跌": "掉",
    "食": "吃",
    "整死": "弄死",
    "砸亲": "砸到",
    "整亲": "弄伤",
    "烫亲": "烫伤",
    "水浸": "水淹",
    "浸水": "积水",
    "爆开": "裂开",
    "垂晒": "全蔫了",
    "垂落": "蔫",
    "猛太阳": "大太阳",
    "晒唔晒": "晒不晒",
    "种唔晒": "种不完",
    "种晒": "种完",
    "种埋一齐": "种在一起",
    "烂埋": "烂了",
    "死埋": "死了",
    "禾秆草": "稻草",
    "胶袋": "塑料袋",
    "胶网": "塑料网",
    "胶膜": "塑料膜",
    "胶盆": "塑料盆",
    "去墟": "去集市",
    "坐到果": "坐果",
    "坐唔到": "坐不到",
    "放落": "放进",
    "撑住": "支撑",
    "锄走": "锄掉",
    "打完风": "台风过后",
    # Teochew/Hokkien 拍 is 打 ("橄榄欲拍药"): spraying, never a photo
    "拍农药": "打农药",
    "拍药水": "打药水",
    "拍药": "打药",
    "打风后": "台风过后",
    "出新芽": "发芽",
    "出芽": "发芽",
    "公母": "雌雄",
    "公乸": "雌雄",
    "搵": "找",
    "母树": "雌株",
    "公树": "雄株",
    "打理": "管护",
    "照顾": "管护",
    "养护": "管护",
    "摘完果": "采果后",
    "摘果": "采果",
    "摘完": "采完",
    "摘了": "采了",
    "摘下": "采下",
    "烧焦": "焦",
    # photos
    "影相": "拍照",
    "影嘅相": "拍的照片",
    "相片": "照片",
    "个相片": "照片",  # not 个相 + 片 (照片片)
    "张相片": "照片",
    "啲相片": "照片",
    "个相": "照片",
    "张相": "照片",
    "啲相": "照片",
    "旧相": "旧照片",
    "相要": "照片要",
    # also Mandarin
    "干什么": "做什么",
    "什么时间段": "几点",
    "时间段": "几点",
    # '...晒' = all of it: 黄晒 (all yellow), 跌晒 (all fallen)
    "黄晒": "全黄了",
    "跌晒": "全掉了",
    "焉晒": "全蔫了",
    "卷晒": "全卷了",
    "死晒": "全死了",
    "裂晒": "全裂了",
    "烂晒": "全烂了",
    "干晒": "全干了",
    "枯晒": "全枯了",
    "啃晒": "全啃了",
    "食晒": "全吃了",
    "钻晒": "全钻",
    "伸晒": "全伸",
    "落晒": "全掉了",
    "甩晒": "全掉了",
    "黑晒": "全黑了",
    "白晒": "全白了",
    "明白晒": "明白了",  # understood (not 明 + 全白了)
    "多谢晒": "多谢",
    "耷晒": "全蔫了",
    # kept as they are (a shorter key would break them: 水泥 is not 水土)
    "水泥": "水泥",
    "返青": "返青",
    "仲裁": "仲裁",
    # round 89: a telephone, whose 话 the Cantonese 'say' keys took ('专家电话系几多' had become 专家电说是多少)
    "电话": "电话",
    # tidy81: the demonstration site (绿美示范点), whose 点 is no Cantonese 'how' ('示范点搞' had become 示范怎么弄)
    "示范点": "示范点",
}
SYNONYMS.update(CANTONESE)
# round 67 (20x): words voice input writes with a homophone, kept only where the word is one of the bot's own ('本寸进度'
# for 本村进度, '责认区' for 责任区)
SYNONYMS.update({"本寸": "本村", "责认区": "责任区", "责认田": "责任田"})
# 边 after a place or a side is 'beside' or 'side', never Cantonese 'which' (边一 哪一, 边几 哪几, 边间 哪间): '旁边一棵树死了',
# '河边一带', '啲泥从山边一路冲落嚟', '屋边几棵龙眼' are kept as written (they had become 旁哪一棵…, a question)
# round 89: 台 too (阳台边一小块地, 窗台边一个位: beside the balcony, not 阳台哪一)
_SIDE_OF = "旁左右前后上下里外东南西北那这呢嗰身山河路屋田塘溪江海村门墙水坑坡沟湖池桥井岸地园场树窗床台"
for _place in _SIDE_OF:
    for _next in "一几间":  # the place as it alone is written (嗰 那), then 边 and 一/几/间 as they are
        SYNONYMS.setdefault(f"{_place}边{_next}", SYNONYMS.get(_place, _place) + "边" + _next)
_SYN_KEYS = sorted(SYNONYMS, key=len, reverse=True)
_SYN_RE = re.compile("|".join(map(re.escape, _SYN_KEYS)))


# round 44 (19r): Cantonese 边种 (which kind) comparing trees ('香樟同秋枫边种好种啲'), never beside a place ('屋边种咗两棵',
# '路边种', '门口边种') nor 边种边淋 (planting while watering): a question (``is_question``; ``normalize`` keeps it as
# written, the FAQ's model being trained on it)
_WHICH_KIND_RE = re.compile(rf"(?<![{_SIDE_OF}口脚头角尾边两一])边(?=[种款样](?!边))")


# characters written two ways, made one before SYNONYMS: traditional ones, and 係咪 is 系咪 (是不是)
_VARIANTS: dict[int, str] = {**hanzi.TRADITIONAL, ord("係"): "系"}


# frames76, by class: Cantonese 定 (or) after a tree's name ending the left side ('种荔枝定黄皮好', '龙眼定荔枝好种',
# '买桂花定龙眼': 花 is no verb, so normalize's 定 rule misses it), never 定根水, 一定, 定咗 (定了), 定期, 定植 (planting
# out), 定果 (fruit set); read as a question (``_QUESTION_RE``) and left as written by normalize: the FAQ's index is
# trained on its text, and written 还是 in its entries' own examples ('买妃子笑定桂味好') it moved other questions' answers
# (tests/unit FAQ rounds 63 and 74). species.toml's names and aliases of two characters or more, the list's and [offlist]'s (李定 is a name)
def _tree_names_for_or() -> list[str]:
    table = tomllib.loads((MESSAGES_DIR / "species.toml").read_text(encoding="utf-8"))
    names = {row["name"] for row in table["species"]} | {a for row in table["species"] for a in row.get("aliases", [])}
    names |= set(table.get("offlist", {}).get("names", []))
    return sorted((name for name in names if len(name) >= 2), key=lambda name: (-len(name), name))


# tidy81: those names, never a person's ('改成龙眼': ``name_said_right``)
_TREE_NAMES = frozenset(_tree_names_for_or())
TREE_OR_DING = (
    "(?:"
    + "|".join(f"(?<={re.escape(name)})" for name in _tree_names_for_or())
    + ")定(?![根时期点要了咗心位型量金价做制义植果]|跟水)"
)


# Rewrites that depend on the neighbouring characters, applied after SYNONYMS: Cantonese 系 (is) but not
# 根系/关系/系统; 点 + verb (how to) but not 一点/黑点/早点; 同 (and) but not 同一/不同/合同; 易 -> 容易;
# a final 未 (yet?) and 会点 (what happens?); 窿 a hole in the trunk (洞) or the planting hole (树穴);
# 先 after a time (才); 度 (in) after 穴/土; a bamboo stake (用竹); 几日 (几天); 落 + 肥 (施肥); 定 (or).
_CONTEXT_RULES: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(r"(?<![根关联体派品直水维])系(?![统列])"), "是"),
    (re.compile(r"(?<=[0-9一二两三四五六七八九十几多百半])公分"), "厘米"),  # not 老公分咗户 (her husband split off)
    (
        re.compile(
            r"(?<![一几有黑白红黄褐小斑重地特优缺0-9两半差早晚快慢多少密疏深浅高低大远近范站景网试据])点(?=[种弄填放追改扶护捐看评防登拣选浇施剪修绑挖补报交拍参申处用扶救分认管做办写问影记])"
        ),
        "怎么",
    ),
    (re.compile(r"(?<![合不相共陪一])同(?![一样时意步类期学事])"), "和"),
    (re.compile(r"(?<![容轻交贸])易(?![拉])"), "容易"),
    (re.compile(r"未$"), "没有"),
    (re.compile(r"落不下雨"), "下不下雨"),  # 落唔落雨 (will it rain): 落雨 is 下雨 across the 唔 too
    (re.compile(r"(?<=[会要])点(?:样)?$"), "怎么样"),
    # Cantonese 窿: a hole in the trunk (洞, a symptom) after 树干/枝/叶…, else the planting hole (树穴)
    (
        re.compile(r"(?<=树干|树身|树皮|干上)([^窿]{0,4})窿|(?<=[枝叶果小有多])([^窿]{0,3})窿"),
        lambda m: (m.group(1) or m.group(2) or "") + "洞",
    ),
    (re.compile(r"窿"), "树穴"),
    (re.compile(r"(?:(?<=多久)|(?<=几年)|(?<=几天)|(?<=多少年)|(?<=几个月))先"), "才"),
    (re.compile(r"(?<=[穴土])度"), "里"),
    (re.compile(r"(?<=[用条支根绑])竹(?![子林笋苗])"), "木棍"),
    (re.compile(r"(?<=挖)([^洞]{0,3})洞"), r"\1树穴"),
    (re.compile(r"(?<=怎么)影"), "拍"),
    # round 89: never beside a place ('窗台边一个位', '屋边两个坑'), as for 边一 and 边几 above
    (re.compile(rf"(?<![{_SIDE_OF}])边(?=[一二三四五六七八九十几两]个)"), "哪"),
    # round 61 (20p): Cantonese 边日 / 边天 (which day: '植树日系边日'), never beside a place ('这边天气', '河边日日有人')
    (re.compile(rf"(?<![{_SIDE_OF}口脚头角尾边两一])边(?=[日天])"), "哪"),
    (re.compile(r"(?<=[一二两三四五六七八九十几半0-9哪])日"), "天"),  # round 61: 哪日 (Cantonese 边日) is 哪天
    (re.compile(r"落(?=.{0,3}肥)"), "施"),
    # Cantonese 定 (or: 种桂花定龙眼), not 定根水 nor its misheard 定跟水 (浇定跟水); after a tree's name: TREE_OR_DING only
    (re.compile(r"(?<=[种好户的用买挖浇施剪])定(?![根时期点要了心位型量金价做制义]|跟水)"), "还是"),
    (re.compile(r"(?<![反颠倾翻])覆(?![盖膜土])"), "回复"),  # Cantonese 覆 (reply), not 覆盖 (cover)
]

_CJK = "\u4e00-\u9fff"
_KEEP_RE = re.compile(rf"[^{_CJK}0-9a-z.]+")
_LONE_DOT_RE = re.compile(r"(?<![0-9])\.|\.(?![0-9])")  # a dot that is not a decimal point


def to_halfwidth(text: str) -> str:
    """Full-width letters, digits and punctuation -> ASCII (NFKC)."""
    return unicodedata.normalize("NFKC", text or "")


# round 44 (19r): characters outside the common CJK block that are words villagers write, read as meant where a reader
# of requests reads the raw text: Hakka 𠊎 (I) is 我 ('𠊎种个系桂花 一头' after a photo is the record's tree). Not in
# ``normalize``, which the FAQ's model is trained on (the command readers map it first: ``command_characters_fixed``)
_OUTSIDE_CJK = str.maketrans({"\U0002028e": "我"})


def without_emoji(text: str) -> str:
    """The text without emoji and other pictographs (Unicode symbols, So, and their variation selectors)."""
    if text.isascii():
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) not in ("So", "Mn", "Sk"))


def normalize(text: str) -> str:
    """Canonical form for matching: half-width, lower case, no punctuation,
    emoji or whitespace, colloquial synonyms replaced."""
    text = to_halfwidth(text).lower()
    text = _KEEP_RE.sub("", text)
    text = _LONE_DOT_RE.sub("", text)
    text = text.translate(_VARIANTS)
    text = _SYN_RE.sub(lambda m: SYNONYMS[m.group(0)], text)
    for pattern, replacement in _CONTEXT_RULES:
        text = pattern.sub(replacement, text)
    return text


# issue 17 §5 (frames75): the pauses a villager made (spaces, punctuation, a voice message's breaks) are gone from
# ``normalize``d text, so the request frame read one clause where there were two ('责任区有人管 我想认领一块': who holds
# it, then one's own wish). The readers that read a frame are given the text as sent too, and read the frame of the
# normalised text with its pauses put back (the frame's clause mark, '，')
FRAME_PAUSE = "，"


@lru_cache(maxsize=1024)
def _pieces_normalized(text: str) -> tuple[str, ...]:
    return tuple(piece for piece in (normalize(part) for part in PAUSES_RE.split(text)) if piece)


def clause_marked(norm: str, as_sent: str = "") -> str:
    """``norm`` (a ``normalize``d text, or a part of one: its fillers or final particles left out) with the pauses of
    ``as_sent`` (the text as sent) put back where they fall inside it, as '，' ('责任区有人管 我想认领一块' ->
    '责任区有人管，我想认领一块'); ``norm`` as it is when ``as_sent`` is not given or not read piece by piece into it."""
    pieces = _pieces_normalized(as_sent) if as_sent and norm else ()
    if len(pieces) < 2:
        return norm
    start = "".join(pieces).find(norm)
    if start < 0:
        return norm
    ends, at = set(), 0
    for piece in pieces[:-1]:
        at += len(piece)
        ends.add(at - start)
    return "".join(FRAME_PAUSE + ch if i in ends and i else ch for i, ch in enumerate(norm))


def request_frame(norm: str, as_sent: str = "") -> request_frames.Frame:
    """The request frame (bot/request_frames.py) of ``norm``, read where the sender paused when ``as_sent`` (the text as
    sent) is given."""
    return request_frames.read(clause_marked(norm, as_sent))


# --- chit-chat ---------------------------------------------------------------

# sim68: a confirmation alone; chit-chat (the acknowledgement) with nothing waiting, a record's yes while one waits for
# its tree (bot/planting.py never_a_part), a bare 确定 an 'all right' (handlers/faq.py OKAY_WORDS): one list for the three
CONFIRM_WORDS = frozenset({"确定", "确定了", "确认", "确认了"})
_CHITCHAT = {
    "你好",
    "您好",
    "你们好",
    "大家好",
    "在吗",
    "喂",  # 'hello' on the telephone: '喂喂 有人吗'
    "有没有人",
    "有没有人在这里",
    "有没有人在",
    "在不在",
    "在么",
    "有人吗",
    "有人在吗",
    # round 29 (set AD): 'may I ask' before 'anyone there?', a greeting to whoever reads ('你好，请问有人吗', '老师好')
    "请问",
    "老师好",
    "老师你好",
    "师傅好",
    "领导好",
    "专家好",
    "书记好",
    "各位好",
    # round 64 (sim62: a voice '唔好意思' alone became a ticket): an apology, nothing asked
    "不好意思",
    "唔好意思",
    "对不起",
    "对唔住",
    "对不住",
    "抱歉",
    "sorry",
    "谢谢",
    "多谢",
    "谢谢你",
    "谢谢您",
    "感谢",
    "非常感谢",
    "谢啦",
    "多谢晒",
    "唔该",
    "好的",
    "好",
    "好滴",
    "好嘞",
    "好吧",
    "行",
    "可以",
    *CONFIRM_WORDS,  # sim68: with nothing waiting for it (handlers/faq.py OKAY_WORDS)
    "ok",
    "okay",
    # round 125 (set CP: 'thank you' became a ticket): English thanks of one to four words ([english] reads three or more
    # as a question word by word; these are thanks, said, nothing asked)
    "thank you",
    "thanks",
    "thank u",
    "thx",
    "many thanks",
    "thanks a lot",
    "thank you very much",
    "thank you so much",
    "thanks so much",
    # round 125 (set CP: '你好 我是新来的驻村干部 请多关照'): a newcomer's 'please look after me' (``_NEWCOMER_RE``)
    "请多关照",
    "多多关照",
    "多关照",
    "请多指教",
    "多多指教",
    # round 125 (set CP: '辛苦你们技术员了 大热天的'): the day's heat said after thanks, nothing asked
    "大热天的",
    "大热天",
    "收到",
    "知道了",
    "明白",
    "明白了",
    "懂了",
    "嗯",
    "嗯嗯",
    "哦",
    "哦哦",
    "噢",
    "喔",
    "啊",
    "哈",
    "早",
    "早上好",
    "早安",
    "上午好",
    "中午好",
    "下午好",
    "晚上好",
    "晚安",
    "辛苦了",
    "辛苦",
    "再见",
    "拜拜",
    "拜",
    "hello",
    "hi",
    "哈喽",
    "嗨",
    "点赞",
    "赞",
    "厉害",
    "不错",
    "真棒",
    "棒",
    "加油",
    "没事",
    "没事了",
    "没有了",
    "早晨",
    "早晨呀",
    "辛苦晒",
    "辛苦晒你",
    "辛苦你",
    "辛苦你了",
    "唔该晒",
    "多谢你",
    "冇事",
    "得",
    "好嘢",
    "帮到手",
    "真系帮到手",
    "真是帮到手",
    "好有用",
    "很有用",
    "真有用",
    "有用",
    "帮大忙",
    "帮了大忙",
    "帮到我",
    "食咗饭未",
    "吃饭了吗",
    "吃饭了没",
    "吃了饭没有",
    "吃了饭未",
    # round 7: festive wishes, thanks to a group, praise, leaving
    "辛苦你们",
    "辛苦你们了",
    "辛苦晒你们",
    "新年快乐",
    "新春快乐",
    "恭喜发财",
    "节日快乐",
    "身体健康",
    "万事如意",
    "你好有耐心",
    "你好耐心",
    "好有耐心",
    "很有耐心",
    "真有耐心",
    "拜拜先",
    "先走了",
    "祝你们",
    "祝",
    "讲得好清楚",
    # round 11: testing, a slip, closing, asking after the bot
    "测试",
    "测试一下",
    "测试下",
    "试一下",
    "试下",
    "打扰了",
    "打扰一下",
    "你们辛苦了",
    "你辛苦了",
    "没有问题了",
    "没问题了",
    "按错了",
    "撳错了",
    "发错了不好意思",
    "讲个笑话",
    "说个笑话",
    "讲笑话",
    "听下",
    "听不听到",
    "听得到吗",
    "听到吗",
    "我不是问你",
    "不是问你",
    "我没有问题了",
    "我没问题了",
    "我试下先",
    "试下先",
    "我试下",
    "讲得很清楚",
    "说得很清楚",
    # round 53: thanks said as 麻烦, a meal greeting said short
    "麻烦你",
    "麻烦你了",
    "麻烦你啦",
    "麻烦晒",
    "麻烦晒你",
    "麻烦你们",
    "麻烦你们了",
    "吃了没",
    "吃了吗",
    "吃咗未",
    "食咗未",
    "食饭未",
    # round 56: a festival's greeting, a Cantonese 'all right' (冇问题 is normalised 没有问题), thanks for coming in time
    "过年好",
    "新年好",
    "新春好",
    "春节好",
    "没问题",
    "没有问题",
    "得嘞",
    "得喇",
    "得啦",
    "得咯",
    "来得好及时",
    "来得真及时",
    "来得很及时",
    "好及时",
    "真及时",
    # round 111 (set CJ: '感恩', '唔好意思打扰晒', '下午好，有空吗', '饮咗茶未呀'): thanks as 感恩, sorry for the bother,
    # whether one is free after a greeting, tea asked after like a meal
    "感恩",
    "打扰",
    "打扰晒",
    "打扰你了",
    "打扰您了",
    "打扰你们了",
    "有空吗",
    "有没有空",
    "得闲吗",
    "得唔得闲",
    "在忙吗",
    "忙吗",
    "忙不忙",
    "忙唔忙",
    "饮咗茶未",
    "饮了茶未",  # '饮咗茶未呀' normalises so: 未 before 呀 is kept
    "饮茶未",
    "饮咗早茶未",
    "饮早茶未",
    # round 114 (set CL: '刚关注 打个招呼'): a greeting on following the account
    "第一次关注",
    "刚关注",
    "刚刚关注",
    "新关注",
    "打招呼",
    "来打招呼",
    "打个招呼",
    "来打个招呼",
    "打声招呼",
    "来打声招呼",
    # round 118 (set CN: '嘿嘿，我又来了'): a laugh and 'it's me again', nothing asked
    "嘿",
    "呵",
    "嘻",
    "我又来了",
    "我又来啦",
    "又来了",
    "又是我",
    # round 130 (set CS: '哎呀 打错字了 不好意思', '…放心了', '…以后多多指教', '…第一次用呢个'): a slip, relief, a newcomer's
    # 'please teach me' after 以后, using the account the first time, nothing asked
    "哎呀",
    "哎哟",
    "打错字",
    "打错字了",
    "打错了",
    "按错字",
    "按错字了",
    "放心了",
    "我放心了",
    "那我放心了",
    "以后多多指教",
    "以后请多指教",
    "以后多多关照",
    "以后请多关照",
    "第一次用",
    "第一次用这个",
    "第一次用这个号",
    "第一次用这个公众号",
}
_CHITCHAT_RE = re.compile(r"^(哈|呵|嘻|嘿)+$|^(嗯|哦|噢|好)+$|^(谢谢|感谢).{0,4}$")
# round 10: praise of the bot ('你好叻', '呢个助手好好用', '你真聪明') and asking its name or age ('你叫咩名'; round 118, set
# CN: '你有冇名㗎', whether it has one)
# round 114 (set CL: '你呢个机械人几醒目喔', '这个机器人挺聪明的嘛'): 机械人, and 的嘛 (normalised 的吗) after the praise
_PRAISE_RE = re.compile(
    r"(?:你|您|你们)?(?:这个|那个|个)?(?:助手|小助手|机器人|机械人|公众号)?(?:真是|真的|真|好|很|非常|太|都几|几|挺|蛮)*"
    r"(?:叻|棒|厉害|聪明|醒目|好用|方便|有用|犀利|劲|贴心|细心|耐心|靓|得意|可爱|不错)(?:呀|啊|喔|哦|嘞|啦|了|咯|哇|的吗|的|嘛)*"
    r"|(?:你|您)(?:叫|叫做)(?:什么|啥)(?:名字|名)?(?:呀|啊)*|(?:你|您)(?:有没有|有)(?:名字|名)(?:吗|呀|啊|吖)*|(?:你|您)(?:今年)?(?:几|多少)岁(?:了|呀|啊)*"
    r"|(?:你|您)(?:是)?男(?:的)?(?:还是|定|或者)?(?:是)?女(?:的)?(?:呀|啊)*|(?:你|您)有没有种过树(?:呀|啊)*"
    # round 124 (set CP: '好犀利 一问就答', '哇你识咁多嘢'): answered as soon as asked, knowing so much
    r"|一问就(?:答|知|有|回|明)(?:到|得|了|晒)*(?:呀|啊|喔|哦|嘞|啦|了|咯|哇)*"
    r"|(?:哇|哗)?(?:你|您)(?:真是|真的|真|好)?(?:识|知道|懂|知)(?:得)?(?:这么|那么|好|很|真)多(?:东西|知识|事)?"
    r"(?:呀|啊|喔|哦|嘞|啦|了|咯|哇)*"
)
# complaints about the bot itself ('你真系冇用', '你烦唔烦'): an apology and the way to a person (faq.sorry)
_BOT_COMPLAINT_RE = re.compile(
    r"(?:你|您|这个|个)?(?:助手|机器人|公众号)?(?:真是|真的|真|好|很|太)*(?:(?<!有)没有?用|无用|垃圾|烦不烦|好烦|很烦|烦死|蠢|笨|废"
    r"|难用|答非所问|答不到|不会答|太慢|太长|字太[小细]|看不清|(?:的|讲的|说的|回的)?(?:我)?(?:一句)?(?:都)?(?:听不懂|看不懂)"
    r"|傻|(?:讲|说|听|问)(?:极|来讲去|了半天|半天)?都?(?:不明|不懂)|不是我(?:要)?问的|问东答西|乱答|乱讲|乱说|破机器人)"
    r"(?:呀|啊|喔|哦|嘞|啦|了|咯|的)*"
    # round 15: said nothing, always wrong, so slow ('讲咗等于冇讲', '点解你成日答错嘢', '你回复好慢')
    r"|(?:讲|说|答|回)了?等于没有?(?:讲|说|答|回)|(?:你|您).{0,4}(?:经常|成日|总是|老是|又|都)(?:答|回|讲|说)错"
    r"|(?:你|您)(?:的)?(?:回复|回答|回|答|反应)(?:得)?(?:好|很|太|真)慢"
    # round 114 (set CL: '你答得不对'): the bot told its answer is wrong ('你回答错了喔', '你讲得唔啱')
    r"|(?:你|您)(?:的)?(?:回答|答|回复|回|讲|说)(?:得)?(?:错了|错|不对|不合适)(?:呀|啊|喔|哦|嘞|啦|了|咯|的)*"
)


def is_chitchat(text: str) -> bool:
    """Greetings, thanks, acknowledgements, laughter, emoji-only messages, and asking whether a person or a machine
    answers ('你系真人定机器人': ``asks_who_answers``)."""
    if not (text or "").strip():
        return False
    # texts repeat (你好, 好的, 谢谢; planting, the FAQ and the escalation routes all ask): read once per process
    return _short_chitchat(text) if len(text) <= 64 else _chitchat(normalize(text))


@lru_cache(maxsize=4096)
def _short_chitchat(text: str) -> bool:
    return _chitchat(normalize(text))


def _chitchat(norm: str) -> bool:
    return _only_chitchat_words(norm) or asks_who_answers(norm)  # emoji only ("👍") normalises to '': chit-chat


# 'is this a person or a machine?' and nothing else: '你是真人还是机器人', '您是人工客服吗', '是不是自动回复的'
# round 111 (set CJ: '你是不是村委会的人'): a cadre of the village, the town or the street asked for is who answers too
_WHO = (
    "(?:真人|真的人|机器人|机械人|人工|自动回复|电脑|(?:村委会?|村里|镇政府|镇里|街道|政府)(?:的)?(?:人|干部|工作人员)|村干部)"
    "(?:在回复|回复|客服)?(?:吗|啊|呀|来|的|什么)*"  # round 124 (set CP): '你系机器人咩', 咩 normalised to 什么
)
_WHO_ANSWERS_RE = re.compile(f"喂*(?:请问)?(?:你|您|这边|这里)?(?:是不是|是)?{_WHO}(?:(?:定|还是|或者)(?:是)?{_WHO})?")


# round 75 (21m): the bot said to understand or do nothing, and nothing more ('你呢个机械人乜都听唔明', '你乜都唔识', '你真系蠢
# 乜都答唔到'): what it can do and how to reach a person (the help), the apology first; annoyance ('你好烦', '回复好慢') and a
# question complained of with its words ('我问紧簕杜鹃点解唔开花 你答非所问') stay the chit-chat's and the ticket's
_BOT_UNHELPFUL_RE = re.compile(
    r"^(?:你|您|你们)?(?:这个|那个)?(?:助手|机器人|机械人|公众号|系统|东西)?(?:真是|真的|真|好|很|太)*"
    r"(?:(?:蠢|笨|傻|废|垃圾|没有用|没用|无用)(?:的|了|啦)?)?"
    r"(?:什么都|乜都|一句都|都)?(?:听不明|听不懂|看不懂|不懂|不明|不会|不识|答不到|不会答|答不出|帮不到|做不到)"
    r"(?:人|我)?(?:讲东西|讲话|说话|讲的|说的|讲什么|说什么)?"
    r"|^(?:你|您|你们)?(?:这个|那个)?(?:助手|机器人|机械人|公众号|系统)?(?:真是|真的|真|好|很|太)+(?:蠢|笨|傻|废|没有用|没用|无用)"
)


def bot_unhelpful_said(norm: str) -> bool:
    """Round 75: the bot said to understand or do nothing, in a short text of that alone (``_BOT_UNHELPFUL_RE``, its
    particles aside)."""
    bare = _INTENT_PARTICLES_RE.sub("", re.sub(r"[呀啊喔哦嘞啦了咯的]+$", "", norm or ""))
    said_of_the_bot = re.search(r"你|您|机器人|机械人|助手|公众号|系统|什么都|蠢|笨|傻|废|垃圾|没有用|没用|无用", bare)
    return bool(bare) and len(bare) <= 16 and bool(said_of_the_bot) and bool(_BOT_UNHELPFUL_RE.fullmatch(bare))


def complains_about_the_bot(norm: str) -> bool:
    """The normalised text complains about the bot itself ('你真是没有用', '你烦不烦啊'): an apology, not thanks."""
    return bool(_BOT_COMPLAINT_RE.search(norm))


def praises_the_bot(norm: str) -> bool:
    """The normalised text praises the bot ('你好叻', '辛苦晒你好棒'): a 'you're welcome', not a greeting."""
    return bool(_PRAISE_RE.search(norm))


def asks_who_answers(norm: str) -> bool:
    """The normalised text only asks whether a person or a machine is answering (handlers/faq.py: faq.who_answers)."""
    return bool(_WHO_ANSWERS_RE.fullmatch(norm))


# round 114 (set CL: '好的 我叫我老公来看', '谢谢啦 我等下叫我个仔帮我弄'): after thanks or an 'all right', someone of the
# family fetched to help or look, later; to register or to photograph a tree is more than that (no verb of those here)
_FAMILY_FETCHED_RE = re.compile(
    r"(?:我)?(?:等阵|等一阵|等下|等一下|晚上|晚点|迟点|迟些|明天|一阵|待会|待会儿|回头|今晚)?(?:再)?(?:叫|让|喊|找)(?:我)?(?:的|个)?"
    r"(?:老公|老婆|女儿|儿子|仔|女|孙子|孙女|孙|家里人|后生|侄|外甥|老伴)(?:来|过来|回来)?(?:帮我|帮手|帮忙|同我|给我)?"
    r"(?:弄|做|看|装|设置|操作|教我)?(?:下|一下)?(?:先)?(?:呀|啊|啦|喔|哦|了|咯)*"
)
# round 125 (set CP: '收到 我跟村长讲'): after an 'all right', the message passed on to a cadre or the family (said, nothing
# asked); told what the cadre said ('村长说……') is more than that (no 说 before the cadre here)
_ERRAND_PASSED_RE = re.compile(
    r"(?:我|我们|我哋)?(?:会|就|再|等下|等阵|等一下|回头|马上|这就|迟点|晚点)?(?:去)?"
    r"(?:(?:和|跟|同|对|向|给)(?:村里|村委|大家|其他人|他们|佢哋|(?:我)?(?:的|个)?(?:老公|老婆|家里人|屋企人|家人)"
    r"|(?:村|队|组|支部)?(?:的)?(?:书记|支书|村长|主任|村主任|队长|组长|社长|干部|网格员))"
    r"(?:讲|说|传达|转达|转告|通知|汇报)|(?:转告|转达|传达|通知|汇报给?)(?:村里|村委|大家|(?:村|队|组|支部)?(?:的)?"
    r"(?:书记|支书|村长|主任|村主任|队长|组长|社长|干部|网格员))"
    # round 130 (set CS: '收到收到 马上转发给村里群'): the message forwarded to the village's or the family's group chat
    r"|(?:转发|转|发)(?:给|到|去|落|入)?(?:村里|村民|村|我们村|我哋村|我们|大家|家里|屋企|家族)?(?:的|嘅)?(?:微信)?"
    r"(?:群|村民群|家庭群|工作群)(?:里|里面|度)?)(?:一声|声|一下|下)?(?:先)?(?:呀|啊|啦|喔|哦|了|咯)*"
)
# round 125 (set CP: '你好 我是新来的驻村干部 请多关照'): a newcomer who introduces oneself by one's post, nothing asked
_NEWCOMER_RE = re.compile(
    r"(?:我|本人)(?:是|就是)?(?:新来的|刚来的|新到的|刚到的|新调来的|刚调来的|新派来的|新任的|新上任的|刚上任的)(?:驻村)?(?:的)?"
    r"(?:第一书记|村支书|书记|村干部|干部|工作队员|工作队|队员|技术员|技术顾问|顾问|村官|大学生村官|网格员|主任|村主任"
    r"|村委委员|村委|委员)"  # round 130 (set CS: '你好我是新上任的村委委员 以后多多指教')
    r"(?:呀|啊|啦|喔|哦|了)*"
)
# tidy91 (one owner of the forms of address): the titles one is called by in the village, said after a surname (黄伯,
# 陈婶) or after 阿 (阿婆); the same said twice (黄伯伯, 婆婆); and what goes before a familiar name (阿芳, 老王). Three
# readers take them, each the subset it read before they had one owner (named where it is read; widening a reader
# changes what it reads, a change to measure, not a tidy-up): bot/identity.py's form of address (``is_form_of_address``,
# a title run on into one's name), ``_SELF_TOLD_RE`` below and ``_COURTESY_TITLE`` (the title before a household's name)
ADDRESS_TITLES = ("伯", "叔", "婶", "姨", "婆", "公", "嫂", "哥", "姐")
ADDRESS_TITLES_DOUBLED = ("伯伯", "叔叔", "婶婶", "姨姨", "婆婆")
NAME_PREFIXES = ("阿", "老")


def titles_alternation(titles: Iterable[str], without: Iterable[str] = ()) -> str:
    """``(?:伯|叔|…)``: ``titles`` as one regex group, those ``without`` left out (a reader's named subset)."""
    left_out = set(without)
    return "(?:" + "|".join(title for title in titles if title not in left_out) + ")"


# the self-told reader's titles: 婆, 公, 哥, 姐 are not among them (as before tidy91: '我是村尾的黄哥' is no small talk)
_SELF_TOLD_TITLES = titles_alternation(ADDRESS_TITLES, without=("婆", "公", "哥", "姐"))
# a familiar name (老黄, 阿芳, with a title or not: 阿芳姨) or a surname and a title (陈伯)
_SELF_TOLD_ADDRESS = (
    rf"(?:{titles_alternation(NAME_PREFIXES)}[\u4e00-\u9fff]{_SELF_TOLD_TITLES}?|[\u4e00-\u9fff]{_SELF_TOLD_TITLES})"
)
# round 114 (set CL: '你好 我是村尾的老黄'): who one is by the village's end or team and a familiar name, nothing more;
# round 130 (set CS: '你好 我系塘尾村嘅', '早晨阿妹 我系水口村陈伯 第一次用呢个'): by one's village, the familiar name or
# none (a full name is a registration: bot/identity.py reads '我是埔心村的李桂英' before the FAQ, and it is no chit-chat here)
_SELF_TOLD_RE = re.compile(
    r"(?:我|本人)(?:是|就是)(?:村(?:头|尾|口|东头|西头|东边|西边|南边|北边|中间)|[一二三四五六七八九十0-9]+(?:队|组|社))(?:的)?"
    rf"{_SELF_TOLD_ADDRESS}(?:呀|啊|啦|喔|哦|了)*"
    r"|(?:我|本人|我们|我哋)(?:是|就是)(?!(?:新|刚)(?:上任|来|到|调|派|任))(?:(?![的是])[\u4e00-\u9fff]){1,4}(?:村|社区)(?:的|人|村民)?"
    rf"{_SELF_TOLD_ADDRESS}?(?:呀|啊|啦|喔|哦|了)*"
    # a post said after the village is who one is in office ('我是埔心村书记', '我系埔心村嘅干部'): no small talk
    r"(?!的?(?:第一书记|书记|支书|村长|村主任|主任|队长|组长|社长|村干部|干部|网格员|村委|委员|党员|会计|文书))"
)

# round 124 (set CP: '你讲嘅我记低咗'): what the bot said noted, nothing asked ('你讲的我记下来了', '你说的我都记住了')
# round 130 (set CS: '好 记住了'): noted with no word of who said it ('我记低了', '记住啦'); 记得 only after what was said
_NOTED_RE = re.compile(
    r"(?:你|您)?(?:讲|说)(?:的|那些|这些|的话|的东西)?(?:我)?(?:都|全部)?(?:记低|记住|记下|记得|记好|抄低|抄下)(?:来|晒|了|啦|喇|哦|喔|咯)*"
    r"|(?:我)?(?:都|全部)?(?:记低|记住|记下|记好|抄低|抄下)(?:来|晒|了|啦|喇|哦|喔|咯)*"
)
# round 130 (set CS: '行 我周末再来问', '好的 我下个礼拜再来问'): coming back to ask later, by a day or a while, nothing asked
_LATER_RE = re.compile(
    r"(?:我|我们|我哋)?(?:周末|礼拜[六日天]|星期[六日天]|下周|下个?(?:礼拜|星期|月)|过(?:多少|几|两|一两)(?:天|日)|过两日|过一阵"
    r"|明天|明日|后天|改天|改日|有空|得闲|下次|下回|迟点|迟些|晚点|晚些|等下|等阵|回头)(?:我)?(?:再|先)?(?:来|过来|上来)?"
    r"(?:问|搵|找)(?:你|您|你们|你哋)?(?:过)?(?:了|啦|吧|喔|哦|咯)*"
)
# round 130 (set CS: '老师傅讲的跟你讲的一样 放心了'): what one heard elsewhere the same as the answer, nothing asked
_SAME_AS_TOLD_RE = re.compile(
    r"(?:[\u4e00-\u9fff]{0,6}?(?:讲|说|写)(?:的|嘅))?(?:跟|和|同)[\u4e00-\u9fff]{1,6}?(?:讲|说|写)(?:的|嘅)?(?:一样|差不多|一致)(?:的)?"
)
# round 130 (set CS: '中秋节快乐 技术员们'): a festival's wish
_FESTIVE_RE = re.compile(
    r"(?:中秋|国庆|端午|元旦|重阳|元宵|冬至|植树|三八|妇女|五一|劳动|教师|七一|建党|周末|节日)节?(?:快乐|愉快)(?:呀|啊|啦|喔|哦)*"
)


def festive_wish(norm: str) -> bool:
    """Round 130: a festival's wish in the normalised text ('中秋节快乐'): answered as small talk, not thanked."""
    return bool(_FESTIVE_RE.search(norm))


# round 129 (issue 17 §1; sets CI, CJ, CP, CR and precedents J, S, T: all nine label it chit-chat): the lesson taught
# thanked, the trees named, and how they do now, nothing asked ('多谢你上次教我种龙眼 而家好靓', '感谢专家上次教我剪三角梅
# 现在开得好靓', '多谢你教我 中秋前嗰棵桂花终于开花啦'); a trouble told after it ('不过而家叶子发黄咗') is no good news here
_GOOD_NOW = (
    r"(?:(?:长|开|结|生|种)(?:得|了)(?:很|好|非常|几|都几|挺|蛮)?(?:好|靓|漂亮|好看|多|好多|旺|茂盛|生猛|精神|快)"
    r"|(?:很|好|非常|几|都几|挺|蛮)(?:靓|漂亮|好看|生猛|旺|茂盛|精神)"
    r"|(?:开花|开了花|挂果|挂了果|结果|结了果|发芽|出芽|活|生|长高|种好|种活)(?:了|啦|咯|喇|晒)+"
    r"|出(?:晒|了)新芽)"
)
_LESSON_THANKED_RE = re.compile(
    r"(?:些)?(?:你|您|你们|专家|老师|技术员)?(?:上次|上回|之前|前次|前几天|那次|早前|去年)?(?:的|来)?"
    r"(?:教|指导|指点|告诉)(?:我|我们|我哋)(?:的|那个)?(?:方法|办法)?(?:怎么|怎样|如何)?"
    r"(?:种|浇水|施肥|剪|修剪|嫁接|打理|管|护理|移|绑|防虫)?[\u4e00-\u9fff]{0,5}?(?:树|苗)?"
    r"(?:现在|今年|而今|已经|如今|终于|果然)*(?:那棵|棵树|些树|树|苗|[\u4e00-\u9fff]{0,6}?)(?:都|全部|全部都|终于|已经)*"
    rf"{_GOOD_NOW}(?:呀|啊|喔|哦|嘞|啦|了|咯|喇)*"
)

# compared with normalised text: '唔该' is kept as '不该', '冇事' as '没有事'
_CHITCHAT_BY_LEN = sorted({normalize(w) for w in _CHITCHAT} | _CHITCHAT, key=len, reverse=True)


def _only_chitchat_words(norm: str) -> bool:
    """'好的谢谢', '你好在吗', '谢谢老师', '辛苦晒你好叻' are chit-chat through and through."""
    while norm:
        if _CHITCHAT_RE.match(norm):
            return True
        said = (
            _PRAISE_RE.match(norm)
            or _BOT_COMPLAINT_RE.match(norm)
            or _FAMILY_FETCHED_RE.match(norm)
            or _SELF_TOLD_RE.match(norm)
            or _ERRAND_PASSED_RE.match(norm)
            or _NEWCOMER_RE.match(norm)
            or _NOTED_RE.match(norm)
            or _LATER_RE.match(norm)
            or _SAME_AS_TOLD_RE.match(norm)
            or _FESTIVE_RE.match(norm)
            or _LESSON_THANKED_RE.match(norm)
        )
        word = said.group() if said else next((w for w in _CHITCHAT_BY_LEN if norm.startswith(w)), None)
        if word is None:
            return False
        # round 22: whom it is said to ('唔该晒你', '多谢你们') is part of the thanks
        norm = re.sub(
            # round 29 (set AD): the cadres and the help thanked ('谢谢书记，谢谢工作队', '多谢晒你哋嘅帮手')
            r"^(呀|啊|哦|啦|呢|吖|的|晒|你们|你哋|你|您|们|老师|同志|领导|专家|师傅|小助手|书记|主任|村长|工作队|大家|各位"
            r"|帮手|帮忙|帮助|指导|支持"
            # round 114 (set CL: '感谢技术员老师的耐心回答'): the adviser and the patient answer thanked
            r"|技术员|顾问|耐心|回答|解答|讲解|指点|指教"
            # round 125 (set CP: '辛苦晒各位党员同志', '辛苦你们技术员了'): party members and cadres thanked, its 了
            # 同志 as normalised (同 -> 和: 和志); normalising it apart retrained the model (CM lost a recommendation)
            r"|党员|干部|村干部|乡亲|乡亲们|和志|了"
            # round 130 (set CS: '早晨阿妹 我系水口村陈伯'): the one who answers called 阿妹, 靓女
            r"|阿妹|靓女|靓仔|妹仔"
            # round 129 (set CR: '感谢你们教我种树'): the lesson thanked, nothing else said
            r"|教我(?:们)?(?=(?:种树|植树)?$)"
            # round 125 (set CP: '多谢支持我哋村种树'): the village's planting that was supported
            r"|对|我们村|我哋村|我们的村|村里|本村|种树|植树|绿化|工作)+",
            "",
            norm[len(word) :],
        )
    return True


# Small talk in words of its own (the FAQ's last chit-chat check): a wish, the weather, how one feels, leaving,
# an acknowledgement, who one is, what one thinks of the bot; said, not asked, and about nothing the campaign
# or an adviser deals with ('今日好热啊 出汗出到湿晒', '我去开会了 回头再问', '祝你们端午节快乐').
_SMALL_TALK_RE = re.compile(
    r"快乐|愉快|顺心|幸福|好运|健康|发财|如意|顺利|平安|吉祥|祝|你好|早晨|早上好|早安|午安|晚上好"
    r"|天气|好热|好冷|好冻|很热|很冷|太热|太冷|热死|冷死|落雨|下雨|下大雨|落紧|太阳|出汗|大风|风好大"
    r"|开心|高兴|好累|很累|累死|好攰|攰|腰|无聊|好闷|吃了饭|吃饭"
    r"|拜拜|再见|晚安|回头再|下次再|晚点再|迟点再|有空再|先这样|先这么|去开会|去忙|去做事|去接|走先|先走"
    r"|明天再|明日再|改天再|过两天再|等下再|等阵再|再问你|再找你"  # round 21: '那我明天再问你'
    r"|知道了|晓得了|明白|懂了|收到|没有事|没事|没有东西了|不用了|不使|算了|原来|是这样|是这么|辛苦|有意义"
    r"|好用|方便|点赞|赞|不错|叻|厉害|好棒|不明"  # complaints about the bot: complains_about_the_bot
    r"|我是|我今年|岁|退休|学生|孙|第一次用|教我用"
    r"|聊天|倾偈|好久没有见|好久不见|学到|长知识"  # round 111 (set CJ: '好耐冇同你倾偈啦', '呵呵，今日学到嘢')
)
# what makes a message more than small talk: trees and planting, the campaign, the bot's records, a person to
# see, money, a dispute, harm, when and how much (a tree's name is the FAQ's own check)
_SUBSTANCE_RE = re.compile(
    r"树|苗|种|栽|植|林|肥|虫|病|叶|根(?!本)|果|花|枝|坑|穴|土|泥|浇|淋水|剪|药|地|田|山"
    r"|登记|绑定|进度|证书|认养|认领|党|书记|村|任务|检查|钱|补贴|罚|偷|砍|吵|打|死|伤|摔|晕|火|烧|电|救|帮|报|投诉"
    r"|专家|顾问|技术员|真人|转人工|要人工|人工服务|人工客服|客服|照片|相片|拍|定位|退订|取消|名字|手机|电话|微信"
    r"|几月|什么时候|几时|季节|多久|多少|多高|多大|多远|多深|怎么办|怎么做|怎么弄|怎么搞"
    r"|功能|怎么用|用法|做什么|做些什么|干什么|有什么用|会什么"
    # round 61 (20o): a trouble's degree ('掉得很厉害': 厉害 of a falling leaf, not praise of the bot)
    r"|(?:掉|落|黄|卷|枯|烂|裂|蔫|焦|咬|跌)得(?:越来越|更加|更|好|很|太|非常|特别|十分|咁|这么|那么)?(?:厉害|严重|犀利|紧要|交关|凶)"
    # round 80: the account and one's papers ('我系台湾证件 绑唔到', '我是学生 密码忘记了'): a problem told, never chit-chat
    r"|绑|证件|身份证|回乡证|通行证|居住证|护照|账号|帐号|登录|登陆|登入|注册|验证码|密码|扫码|二维码|认证|实名"
    # round 98 ('阿婆话可能系缺微量元素' in a ticket's window had been 不客气): a nutrient lacked or a cause told is the
    # trouble's detail (its 补充), never small talk
    r"|缺(?:水|肥|钾|氮|磷|钙|镁|铁|锌|硼|锰|硫|铜|钼|素|营养|微量|元素)|微量元素|营养|元素|原因|引起|导致|造成"
    # round 114 (set CL: '四旁五边绿化我听不明白' had been small talk): the plan's words not understood are asked
    r"|四旁|五边|绿化|绿美"
    # faq136 (CW's '不想再收到提醒了' had been small talk for its 收到): the bot's messages not wanted, or too many, are the
    # unsubscribe's; '收到通知了' stays an acknowledgement
    r"|(?:不想|不要|别|不用|没有必要)(?:再)?(?:收到|收|发|接到|给我发)?(?:这些|些|这么多)?(?:提醒|推送|通知|消息)"
    r"|(?:提醒|推送|通知|消息)[^。？！?!]{0,6}(?:好烦|很烦|太烦|烦死|太多|好多)"
)
# tired or glad after a day of planting ('今天种完树好累啊'): the planting words are the story, not a question
_FEELING_RE = re.compile(r"累|攰|腰|辛苦|开心|高兴|好玩")
_PLANTING_WORDS_RE = re.compile(r"种|树|苗|(?<=[累攰热冷])死")  # 累死 is no death
# asked about the bot's own life ('你住在哪里', '你会不会累啊', '怎么称呼你'): small talk even when asked
_ABOUT_THE_BOT_RE = re.compile(
    r"(?:你|您|机器人|机械人|助手)(?:们)?.{0,6}(?:住|上班|下班|返工|放工|吃饭|结婚|老婆|老公|男朋友|女朋友|几岁|多大了|"
    r"男的|女的|累|攰|睡|休息|放假|喜欢|唱歌|跳舞|哪里人|家在|叫什么|真名|哪个公司|谁做的|谁开发|傻|蠢|笨|讲什么|说什么)"
    # round 111 (set CJ: '你们每天这么多人问，累不累'): the bot's long day asked after, however far from 你
    r"|(?:你|您)(?:们|哋)?.{0,12}(?:累不累|累唔累|攰唔攰|攰不攰|辛不辛苦|辛唔辛苦|辛苦不辛苦)"
    r"|称呼(?:你|您)|(?:傻|蠢|笨).{0,4}(?:你|您)|什么都不懂|什么都不会|试(?:试|下|一下)(?:看)?(?:你|会回)"
    # round 15: is it a person, who made it ('你系咪人嚟㗎', '你是哪个单位开发的')
    r"|(?:你|您)(?:是不是|是)(?:真)?人(?:来|吗|啊|呀|嚟)|(?:你|您).{0,6}(?:哪个单位|哪家公司|什么单位)"
    r"|(?:你|您).{0,6}什么都(?:懂|知道|识)"  # praise with a rhetorical question: '你好厉害啊 什么都懂'
)


_HOW_TO_RE = re.compile(r"怎么|怎样|如何|能不能|可不可以|可以|要不要|多少|几|哪")


def has_substance(norm: str) -> bool:
    """Does the normalised text speak of trees, the campaign, the bot's records, a person, money, harm, when or how
    much (``_SUBSTANCE_RE``)? Small talk does not."""
    return bool(_SUBSTANCE_RE.search(norm))


# round 44 (19r): a spell of weather told, not asked ('最近成个礼拜都落雨', '呢排日日都落大雨', '上个礼拜好大风'): small talk
# alone, but within a ticket's window what the tree has been through (handlers/escalation.py: its 补充)
_SPELL = (
    r"(?:最近|近来|这几天|这些天|呢排|这排|这阵|这段时间|上个?(?:礼拜|星期)|(?:整|成)个(?:礼拜|星期|月)|一直|每天|天天|日日"
    r"|连续|几天|好多天|半个月)"
)
_WEATHER = (
    r"(?:下|落)(?:大|暴|好大)?雨|暴雨|大风|风好大|好热|很热|太热|好晒|暴晒|干旱|天旱|(?:没有|没|不|冇)(?:下|落)(?:过)?雨"
    r"|好冷|很冷|霜冻|落霜|回南"
)
_WEATHER_SPELL_RE = re.compile(rf"(?:{_SPELL}).{{0,8}}?(?:{_WEATHER})|(?:{_WEATHER}).{{0,6}}?(?:{_SPELL})")


def weather_spell_told(text: str) -> bool:
    """A spell of weather told, not asked, in a short text ('这几天一直下雨'; not '这几天一直下雨 会不会烂根')."""
    norm = normalize(text)
    return bool(norm) and len(norm) <= 24 and not is_question(text) and bool(_WEATHER_SPELL_RE.search(norm))


# round 68 (20y: '风好大' after 问专家 木棉苗歪咗要唔要撑): weather that harms a seedling now told, alone and short, not asked
# ('风好大', '好大风啊', '呢两日雨好大', '打风'): small talk alone, within a ticket's window what the tree goes through (its
# 补充, as a spell told); the day's heat or cold ('今日好热啊') stays small talk (round 44's control)
_WEATHER_NOW_RE = re.compile(
    r"^(?:今天|今日|而家|现在|这两天|这几天|这几日|呢两天|呢几天|今晚|今朝|这里|这边|我们这里|我这边|外面)?(?:的)?"
    r"(?:(?:风|雨)(?:好|很|太|特别|非常|咁)?大|(?:好|很)?(?:大风|大雨|暴雨)|(?:下|落)(?:好)?大雨|打风|刮(?:大)?风|台风(?:来了)?"
    r"|落霜|霜冻|(?:天)?(?:好|很|太)?旱|(?:天)?(?:好|很|太)?干旱)(?:了|啊|呀|啦|喔|哦|噢|咯|喇)*$"
)


def weather_now_told(text: str) -> bool:
    """Round 68: the weather now told alone ('风好大', '今日天好热'), never asked ('风好大 要唔要撑')."""
    norm = normalize(text)
    return bool(norm) and len(norm) <= 12 and not is_question(text) and bool(_WEATHER_NOW_RE.match(norm))


def is_small_talk(text: str, norm: str) -> bool:
    """Small talk not in the chit-chat words, about nothing the campaign or an adviser deals with
    (``_SUBSTANCE_RE``): asked about the bot's own life ('你住在哪里', '你会不会累啊', '靓女你好'), or, not asked, a
    wish, the weather, a feeling, leaving, an acknowledgement, about oneself or the bot (``_SMALL_TALK_RE``:
    '今日好热啊', '我去开会了 回头再问', '今天种完树好累啊', '讲极都唔明'); not '今日好热 新种的树要淋几多水',
    '我老公摔伤了种不了树', '你说几月份种好', '发语音你听得懂吗'."""
    asked = is_question(text.translate(_VARIANTS))  # as written: 系咁 (so it is) normalises to 是这么, no question
    told = _PLANTING_WORDS_RE.sub("", norm) if _FEELING_RE.search(norm) and not asked else norm
    if _SUBSTANCE_RE.search(told):
        return False
    if _ABOUT_THE_BOT_RE.search(norm):
        return True
    if complains_about_the_bot(norm) and not _HOW_TO_RE.search(norm):
        return True  # asked or not: '你答非所问 什么破机器人' asks nothing; '好烦 怎么关掉' does
    return bool(_SMALL_TALK_RE.search(norm) or complains_about_the_bot(norm)) and not asked


# --- numbers and counts --------------------------------------------------------

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "壹": 1,
    "幺": 1,
    "二": 2,
    "贰": 2,
    "两": 2,
    "俩": 2,
    "三": 3,
    "叁": 3,
    "仨": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
# round 67 (20w): 廿 and 卅, twenty and thirty as villagers write them ('廿棵秋枫'; '廿一棵' had been read as 一棵)
_TENS = {"廿": 20, "卅": 30}
_CN_NUM = "零〇一壹幺二贰两俩三叁仨四肆五伍六陆七柒八捌九玖十拾百佰千仟廿卅"
CN_NUMERALS = _CN_NUM  # the numerals a count may be written in (bot/planting.py reads them too)
_NUM = rf"(?:\d+|[{_CN_NUM}]+)"
# 棵 with its common typos (颗 科 课), plus measure words used for bamboo and shrubs; round 59 (20l): 樖, 棵 as Cantonese
# writes it ('两樖荔枝'), and 稞, 棵 mistyped
MEASURE_WORDS = "棵株颗科课丛兜蔸根樖稞"
_MEASURE = rf"[{MEASURE_WORDS}]"
# A count above this is not believed (the bot asks again as for a vague one): it keeps every sum of
# counts far inside SQLite's 64-bit integers, which one '9223372036854775807棵' would otherwise break.
MAX_COUNT = 1_000_000

# A range of numbers ('3-5棵', '3到5棵', '三到五棵'): vague, searched before the exact count (else it reads as 5).
_RANGE_RE = re.compile(rf"{_NUM}\s*[-~到至]\s*{_NUM}\s*{_MEASURE}")
_VAGUE_RE = re.compile(
    rf"(?:好|十|几十|数十|上百|几百)?几\s*{_MEASURE}|[{_CN_NUM}]{{2}}{_MEASURE}(?<![十百千]{_MEASURE})"
    # round 80 (21u): 多根 before 部, 系, 须 is the roots ('雨水多根部有点积水'), no vague count of trees
    rf"|一些|若干|一批|好多|很多|不少|一堆|一大片|多(?!根[部系须茎头])(?:{_MEASURE})|{_RANGE_RE.pattern}"
)


@dataclass(frozen=True)
class CountResult:
    """A tree count found in text. ``count`` is None when ``vague``."""

    count: int | None
    vague: bool
    unit: str
    matched: str


def spoken_digits(text: str) -> str | None:
    """A run of digits as typed or as voice recognition writes it: '0002', '0 0 0 2。', '零零零二', '幺三五八'
    -> the digits; None for anything else (a number said as a number, '两千', is not a run of digits)."""
    chars = re.sub(r"[\s。．.,，!！]+", "", to_halfwidth(text or ""))
    digits = "".join(c if c.isascii() and c.isdigit() else str(_DIGITS[c]) if c in _DIGITS else "?" for c in chars)
    return digits if digits and "?" not in digits else None


def chinese_to_int(text: str) -> int | None:
    """'3' -> 3, '十二' -> 12, '一百二十' -> 120, '两' -> 2, '二十' -> 20, '廿一' -> 21."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    total, current = 0, None
    for ch in text:
        if ch in _DIGITS:
            if current is not None and current != 0:  # '三四' is a range, not a number
                return None
            current = _DIGITS[ch]
        elif ch in _UNITS:
            total += (1 if current is None else current) * _UNITS[ch]
            current = None
        elif ch in _TENS and current is None and total == 0:
            total = _TENS[ch]
        else:
            return None
    return total + (current or 0)


# round 52 (20a): a number alone ('2', '三', '10'), the answer to a record that waits for its count after a photo
_NUMBER_ALONE_RE = re.compile(rf"^{_NUM}$")


def number_alone(text: str) -> int | None:
    """The value of a text that is only a number of trees ('2', '三', '两', '十二'); None for anything else, a range
    ('三四') or 0 among them."""
    text = to_halfwidth(text or "").strip().strip("。.!！,，")
    if not _NUMBER_ALONE_RE.match(text) or _is_range(text):
        return None
    value = chinese_to_int(text)
    return value if value is not None and 0 < value <= MAX_COUNT else None


# tidy72: one reader of a pick from a numbered list, for every list the bot shows and waits on: registration's villages
# (sim68), the FAQ's choice of answers (round 43, bot/ask_back.py) and the adoptable trees (round 44). The whole message
# is the pick: a number as typed or as voice recognition writes it ('2', '二。', '１'), with 第/号/个 ('第二个', '2号',
# '第二個'), after 我/就/要/选 (拣 and 揀 normalise to 选) or 挑 ('我就要第一棵'); a list of trees also reads 棵 after 第 and
# its command's verbs ('认种第三个'); a number and 棵 with no 第 is a count, a wish for that many ('认养两棵', '两棵': tidy73,
# as bot/adoption.py's round 48 says; round 44's reader had taken it for the second place). Between two, by place:
# 前面/上面那个 the first, 后面/下面那个 the second; 头一个 is the first of any list. More words ('两棵荔枝', '3月5号',
# '我的75号问题呢'), a range ('二三') or 0 are no pick; a number past the list is none either, unless the list says so
# itself (``listed`` None: the adoptable list answers 'no such number').
_PICK_ENDS = r"(?:吧|啦|呀|啊|了)?"
_BY_PLACE = {"头一个": 1, "前面那个": 1, "上面那个": 1, "后面那个": 2, "下面那个": 2}
_OF_TWO = frozenset({"前面那个", "上面那个", "后面那个", "下面那个"})


def _pick_re(verbs: str, places: str, counted: str = "") -> re.Pattern[str]:
    """The pick after one of ``verbs``, one of ``places`` after its number; a number and one of ``counted`` with no 第
    before it is a count, no pick."""
    said = "|".join(_BY_PLACE)
    count = rf"(?!{_NUM}(?:{counted}))" if counted else ""
    # round 95 (22o: '我要第二棵嗰个'): wished (想要), and what the place points at after it ('第二棵那个', '第一个的那棵')
    pointed = r"(?:(?:的)?(?:那|这)(?:个|棵|条|项|种)?)?"
    return re.compile(
        rf"(?:我)?(?:就)?(?:想)?(?:{verbs})?(?:{count}第?({_NUM})(?:{places})?{pointed}|({said})(?:号|个)?){_PICK_ENDS}"
    )


_PICK_RE = _pick_re("要|选|挑", "号|个|条|项|种")
_TREE_PICK_RE = _pick_re("要|选|挑|认养|认种", "号|个|条|项|种|棵", counted="棵")


def pick(text: str, listed: int | None, *, trees: bool = False) -> int | None:
    """The place picked (1-based) from a numbered list of ``listed`` items ('2', '二。', '第二个', '选二', '2号'; of
    two, '后面嗰个'); ``trees`` for a list of trees ('我就要第一棵', '认养2'); ``listed`` None reads any number, for a
    list that answers one past it itself. None for anything else, a range ('二三'), 0 or a number past the list."""
    found = (_TREE_PICK_RE if trees else _PICK_RE).fullmatch(normalize(text or "").strip(" 。.!！"))
    if not found:
        return None
    num, said = found.groups()
    if said is not None:
        if said in _OF_TWO and (listed is None or listed > 2):  # 'the one below' of more than two is no one place
            return None
        number = _BY_PLACE[said]
    elif _is_range(num):
        return None
    else:
        number = chinese_to_int(num) or 0
    return number if number > 0 and (listed is None or number <= listed) else None


def _is_range(num: str) -> bool:
    """'三四', '两三', '五六' are ranges of two adjacent digits."""
    return len(num) == 2 and num[0] in _DIGITS and num[1] in _DIGITS and num[0] not in "零〇"


def parse_count(text: str) -> CountResult | None:
    """The first tree count in ``text`` (number + measure word), or None.

    Vague counts ('几棵', '十几棵', '好几棵', '两三棵', '一些') give
    ``CountResult(count=None, vague=True, ...)`` so the bot can ask.
    """
    text = to_halfwidth(text or "")
    match = re.search(rf"({_NUM})\s*({_MEASURE})", text)
    in_range = _RANGE_RE.search(text)
    if in_range and match and in_range.start() <= match.start() < in_range.end():  # '3-5棵', '3到5棵'
        return CountResult(None, True, "", in_range.group(0))
    if match and not _is_range(match.group(1)):
        value = chinese_to_int(match.group(1))
        if value is not None and value > MAX_COUNT:
            return CountResult(None, True, match.group(2), match.group(0))
        if value is not None and value > 0:
            return CountResult(value, False, match.group(2), match.group(0))
    vague = _VAGUE_RE.search(text)
    if vague:
        return CountResult(None, True, "", vague.group(0))
    return None


def _mu_value(num: str) -> float | None:
    try:
        return float(num)
    except ValueError:
        value = chinese_to_int(num)
        return float(value) if value is not None else None


_SQM_PER_MU = 2000 / 3


def parse_area_mu(text: str) -> float | None:
    """Area in 亩: '2.5亩', '两亩', '半亩', '1亩半', '一亩半', '1000平方米'."""
    text = to_halfwidth(text or "")
    if re.search(r"(?<![\d" + _CN_NUM + r"])半亩", text):
        return 0.5
    match = re.search(rf"(\d+(?:\.\d+)?|[{_CN_NUM}]+)\s*亩(半)?", text)
    if match:
        value = _mu_value(match.group(1))
        if value is not None:
            return value + (0.5 if match.group(2) else 0.0)
    match = re.search(r"(\d+(?:\.\d+)?)\s*(?:平方米|平米|㎡|m2)", text)
    if match:
        return round(float(match.group(1)) / _SQM_PER_MU, 2)
    return None


# --- species -------------------------------------------------------------------

# A one-character name (桃, 李, 柿, 竹) only counts when the character
# stands alone: after these characters or at the start of the text.
# round 59: and after Cantonese 啲 (些), 嘅 (的), 咗 (了), 樖 (棵) as written ('点解啲竹枯咗一半')
_SINGLE_BEFORE = set("棵株颗科课种栽了和跟与及、,的些丛蔸兜 啲嘅咗樖稞") | set("0123456789") | set(_CN_NUM)


# The species table is loaded once and never changes, so its derived word lists are computed once per
# table (keyed by identity; the table is kept alive in the cache so the id cannot be reused).
_DERIVED = Kept(16)  # tables built on the fly (tests) must not pile up


def _derived(species_table: Mapping) -> tuple[list[tuple[str, str]], list[str]]:
    return _DERIVED.of_table(species_table, lambda: _derive(species_table))


def _derive(species_table: Mapping) -> tuple[list[tuple[str, str]], list[str]]:
    pairs: list[tuple[str, str]] = []
    not_aliases: list[str] = []
    for name, info in species_table.items():
        aliases = info.get("aliases", []) if isinstance(info, Mapping) else list(info)
        pairs += [(name, name)] + [(alias, name) for alias in aliases]
        if isinstance(info, Mapping):
            not_aliases += list(info.get("not_aliases", []))
    pairs.sort(key=lambda p: len(p[0]), reverse=True)
    return pairs, not_aliases


def _alias_pairs(species_table: Mapping) -> list[tuple[str, str]]:
    return _derived(species_table)[0]


def _not_aliases(species_table: Mapping) -> list[str]:
    return _derived(species_table)[1]


# session 57 (left123): or right after a comparison's connector ('院子里种桃还是李好', '李比桃好种'; 定系 is normalised
# 还是), unless a name-like continuation follows ('还是等李伯来剪': a person)
_SINGLE_AFTER_CONNECTOR = ("还是", "或者", "或是", "抑或", "比")


def _single_char_ok(text: str, start: int) -> bool:
    if start == 0 or text[start - 1] in _SINGLE_BEFORE:
        return True
    return text[:start].endswith(_SINGLE_AFTER_CONNECTOR) and not _name_like_after(text, start + 1)


# What follows a one-character name that is the tree: a tree word, a connector, a verb, a question or particle
# ('桃树', '李和桃', '桃种在门口', '李怎么剪', '竹呢'), or a count ('李四棵'). Anything else continues a person's or a
# family's name (李四家, 李家门口, 李明): such a mention is taken only when no other tree is named.
_SINGLE_AFTER = set("树苗子花果林和跟与及、的了也都有在还已是各共种栽要怎什几多哪为能可会适好咋啥呢吗啊呀吧")


def _name_like_after(text: str, end: int) -> bool:
    """Does a name-like continuation follow a one-character name ending at ``end`` ('李' in '李四家', '李家')?"""
    after = text[end : end + 1]
    return (
        bool(re.match(rf"[{_CJK}]", after))
        and after not in _SINGLE_AFTER
        and not re.match(rf"{_NUM}\s*{_MEASURE}", text[end:])
    )


SHORTENED_NAME_MIN = 2  # characters of a tree's name said alone as its short name (榄仁 of 小叶榄仁)


def shortened_tree_said(text: str, names: Iterable[str]) -> bool:
    """Round 61 (20n): one of ``names`` (trees already talked of) said shortened, its head dropped ('榄仁黑点' after
    '小叶榄仁新叶有黑点', '紫荆' after 洋紫荆): a short name alone is no tree (榄仁 is 大叶榄仁 too), but it is theirs."""
    return any(name[cut:] in text for name in names for cut in range(1, len(name) - SHORTENED_NAME_MIN + 1))


def tail_of(name: str, names: Iterable[str]) -> bool:
    """Round 64: ``name`` is one of ``names`` with its head dropped, the whole of what is left ('榄仁' of 小叶榄仁), never
    a longer name that holds such a tail (大叶榄仁 holds 叶榄仁 and is a tree of its own)."""
    return any(name == whole[cut:] for whole in names for cut in range(1, len(whole) - SHORTENED_NAME_MIN + 1))


def find_all_species(text: str, species_table: Mapping, others: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(canonical name, matched text) of every species mentioned, in order, longest alias first at each
    place ('三角梅和簕杜鹃' -> two mentions of 簕杜鹃; look-alikes ignored as in find_species). ``others``
    (trees not in the table, such as '芒果') compete with the aliases and come back as (name, name):
    '桃金娘' is not 桃."""
    others = tuple(others)
    text = to_halfwidth(text or "")
    names, pattern, look_alikes = _mentions_pattern(species_table, others)
    for word in look_alikes:
        text = text.replace(word, "＿" * len(word))
    return [
        (names[m.group(0)], m.group(0))
        for m in pattern.finditer(text)
        if len(m.group(0)) > 1 or _single_char_ok(text, m.start())
    ]


# round 93 (22m: '桂花隔篱嗰棵簕杜鹃唔开花 点解' on a 桂花 ticket): a tree named only to say where another stands, right before
# it (桂花旁边那棵龙眼, 桂花对面那棵黄皮; 隔篱 is normalised 邻居, 侧边啲 侧哪些) or planted with it (和桂花种在一起的荔枝): the
# other tree is what is asked about; '桂花旁边有棵龙眼' (a tree there, maybe the cause) names both
_BESIDE_RE = re.compile(
    r"^(?:的)?(?:隔壁|邻居|旁边|侧边|侧|对面|后面|前面|边上|附近|左边|右边|隔离)(?:的)?(?:那|这|呢)?(?:棵|株|些|排|哪些)?$"
)
_PLANTED_WITH_RE = re.compile(r"^(?:种在一起|种一起|一起种|种埋一齐|一齐种|种在一块)(?:的)?$")
_WITH_BEFORE_RE = re.compile(r"(?:和|同|跟|与)$")


def landmark_trees(text: str, species_table: Mapping, others: Iterable[str] = ()) -> set[str]:
    """The trees ``text`` names only to say where another tree stands (``_BESIDE_RE``, ``_PLANTED_WITH_RE``), never
    the tree it asks about: '桂花旁边那棵龙眼生虫' -> {'桂花'}; a tree named both ways is no landmark."""
    norm = normalize(text or "")
    names, pattern, look_alikes = _mentions_pattern(species_table, tuple(others))
    for word in look_alikes:
        norm = norm.replace(word, "＿" * len(word))
    found = [m for m in pattern.finditer(norm) if len(m.group(0)) > 1 or _single_char_ok(norm, m.start())]
    if len(found) < 2:
        return set()
    landmarks: set[str] = set()
    asked: set[str] = set()
    for here, after in zip(found, [*found[1:], None], strict=True):
        name = names[here.group(0)]
        between = norm[here.end() : after.start()] if after is not None else ""
        other = after is not None and names[after.group(0)] != name
        beside = other and (
            _BESIDE_RE.match(between)
            or (_PLANTED_WITH_RE.match(between) and _WITH_BEFORE_RE.search(norm[: here.start()]))
        )
        (landmarks if beside else asked).add(name)
    return landmarks - asked


_PATTERNS = Kept(16)


def _mentions_pattern(species_table: Mapping, others: tuple[str, ...]) -> tuple[dict[str, str], re.Pattern, list[str]]:
    """{written: name}, one regex of every alias and other name, longest first, and the look-alikes to
    ignore (not those inside an other name: 番石榴 is on the list of other trees) (cached per table)."""

    def make() -> tuple[dict[str, str], re.Pattern, list[str]]:
        names = {w: w for w in others}
        names.update({alias: name for alias, name in _alias_pairs(species_table)})
        pattern = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
        look_alikes = [w for w in _not_aliases(species_table) if not any(w in other for other in others)]
        return names, pattern, look_alikes

    return _PATTERNS.of_table(species_table, make, others)


def find_species(text: str, species_table: Mapping) -> tuple[str | None, str]:
    """(canonical name, matched text) of the first species mentioned, or (None, '').

    The longest alias wins at each position ('小叶榄仁' over '榄仁');
    look-alikes listed as ``not_aliases`` ('杨桃', '番石榴') are ignored.
    """
    text = to_halfwidth(text or "")
    for word in _not_aliases(species_table):
        text = text.replace(word, "＿" * len(word))
    best: tuple[tuple[bool, int, int], str, str] | None = None
    for alias, name in _alias_pairs(species_table):
        start = text.find(alias)
        while start >= 0 and len(alias) == 1 and not _single_char_ok(text, start):
            start = text.find(alias, start + 1)
        if start < 0:
            continue
        # a one-character name followed by a name-like continuation (李 in '李四家种了桃子') comes after every other
        rank = (len(alias) == 1 and _name_like_after(text, start + 1), start, -len(alias))
        if best is None or rank < best[0]:
            best = (rank, name, alias)
    return (best[1], best[2]) if best else (None, "")


# --- tree names misheard by voice input ------------------------------------------
def find_species_as_heard(text: str, species_table: Mapping) -> tuple[str | None, str]:
    """``find_species``, else the first tree name voice input wrote with a homophone ('力枝' for 荔枝:
    ``find_sound_alike_species``)."""
    species, written = find_species(text, species_table)
    if species is None and (heard := find_sound_alike_species(text, species_table)):
        species, written = heard[0][0], heard[0][1]
    return species, written


# Characters that end many words (例子, 狮子, 规划): sharing only these with a name says nothing.
_COMMON_ENDINGS = frozenset("子树花果苗")
_SOUNDS = Kept(16)


@lru_cache(maxsize=8192)
def readings(char: str) -> frozenset[str]:
    """Every toneless reading of a character ('勒' -> {'le', 'lei'}); empty for non-Chinese."""
    listed = _pinyin_dict().get(ord(char), "") if "\u4e00" <= char <= "\u9fff" else ""
    return frozenset(_toneless(r) for r in listed.split(",") if r)


@lru_cache(maxsize=8192)
def _usual_toned_reading(char: str) -> str:
    """A character's usual reading with its tone ('挑' -> 'tiāo', not its rare 'táo'); '' for non-Chinese."""
    readings = _pinyin_dict().get(ord(char), "") if "\u4e00" <= char <= "\u9fff" else ""
    return readings.split(",")[0]


@lru_cache(maxsize=8192)
def main_reading(char: str) -> str:
    """A character's usual toneless reading ('才' -> 'cai', not its rare 'zai'); the character itself if none."""
    readings = _pinyin_dict().get(ord(char), "") if "\u4e00" <= char <= "\u9fff" else ""
    return _toneless(readings.split(",")[0]) if readings else char


def pypinyin_files() -> tuple[Path, Path]:
    """pypinyin's data files that ``readings()`` and ``pinyin_phrases()`` read (``pinyin_dict.json``,
    ``phrases_dict.json``), found without importing pypinyin: its import loads both tables whole, the phrases'
    readings too (~55 MB, ~0.25 s). A cache of anything built from the readings hashes them."""

    spec = importlib.util.find_spec("pypinyin")  # a top-level package: found, not imported
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("pypinyin is not installed")
    folder = Path(spec.submodule_search_locations[0])
    return folder / "pinyin_dict.json", folder / "phrases_dict.json"


@lru_cache(maxsize=1)
def _pinyin_dict() -> dict[int, str]:
    """pypinyin's readings of each character ({code point: 'lǐ,lì'}), as ``pypinyin.constants.PINYIN_DICT``;
    loaded on the first reading asked for: planting parsing never needs it."""
    import json

    return {int(code): listed for code, listed in json.loads(pypinyin_files()[0].read_text(encoding="utf-8")).items()}


# a key of phrases_dict.json, one a line as pypinyin writes it: '"一丁点儿": ['; none holds a quote or backslash
_PHRASE_KEY_RE = re.compile(r'\n"([^"\\\n]*)": \[')


@lru_cache(maxsize=1)
def pinyin_phrases() -> Mapping[str, object]:
    """pypinyin's 47,000 words, the keys of ``pypinyin.constants.PHRASES_DICT`` (the values are None): only the
    keys are read from its data file, ~4 MB where the table with every word's readings takes ~55 MB."""
    return dict.fromkeys(_PHRASE_KEY_RE.findall(pypinyin_files()[1].read_text(encoding="utf-8")))


_BACK_NASAL_RE = re.compile(r"(?<=[iea])ng$")


@lru_cache(maxsize=8192)
def _loose_readings(char: str) -> frozenset[str]:
    """Toneless readings with back nasals heard as front ones, as southern speech and voice input do
    (紫荆 jing / 紫金 jin)."""
    return frozenset(_BACK_NASAL_RE.sub("n", r) for r in readings(char))


def _toneless(reading: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c))


def _names_by_sound(species_table: Mapping) -> dict[str, list[tuple[str, str, tuple[frozenset[str], ...]]]]:
    """{first syllable: [(alias, name, readings of each character)]} for names of two or more characters."""
    return _SOUNDS.of_table(species_table, lambda: _sounds_of(species_table))


def _sounds_of(species_table: Mapping) -> dict[str, list[tuple[str, str, tuple[frozenset[str], ...]]]]:
    # written names in the table's order, the species' name first; a later one that sounds like an earlier
    # one is a misspelling (离枝, 香章, 三脚梅) and no source of sounds: 离职 is not 荔枝
    names: list[tuple[str, str, tuple[frozenset[str], ...]]] = []
    for name, info in species_table.items():
        aliases = info.get("aliases", []) if isinstance(info, Mapping) else list(info)
        for alias in [name, *aliases]:
            if len(alias) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in alias):
                continue
            sounds = tuple(readings(c) for c in alias)
            if not any(
                len(other) == len(alias) and all(s & o for s, o in zip(sounds, other_sounds))
                for other, same, other_sounds in names
                if same == name
            ):
                names.append((alias, name, sounds))
    by_first: dict[str, list] = {}
    for alias, name, sounds in names:
        for first in sounds[0]:
            by_first.setdefault(first, []).append((alias, name, sounds))
    return by_first


def find_sound_alike_species(
    text: str, species_table: Mapping, taken: Iterable[tuple[int, int]] = ()
) -> list[tuple[str, str, int]]:
    """(canonical name, as written, start) of tree names written with a homophone, as voice input writes
    them ('利枝' for 荔枝, '木绵' for 木棉, '三角眉' for 三角梅), outside the ``taken`` spans (names found as
    written). A homophone counts only when it keeps one character of the name that is not a common ending:
    '例子' (li zi) is not 李子, '规划' (gui hua) is not 桂花, '乡长' is not 香樟; or, keeping none, when every
    usual reading with its tone is the same too ('挑树苗' is not 桃树苗) and 树 or 苗 follows
    ('理子树' is 李子树, '里子' alone is not). A name of three or
    more characters that keeps two of them may also differ in a back nasal ('洋紫金' is 洋紫荆)."""
    by_first = _names_by_sound(species_table)
    blocked = {i for start, end in taken for i in range(start, end)}

    def sounds_like(window: str, alias: str, sounds: tuple[frozenset[str], ...]) -> bool:
        if len(window) != len(alias) or window == alias or blocked.intersection(range(i, i + len(alias))):
            return False
        if all(sounds[j] & readings(window[j]) for j in range(len(alias))):
            if any(a == w and a not in _COMMON_ENDINGS for a, w in zip(alias, window)):
                return True
            return text[i + len(alias) : i + len(alias) + 1] in ("树", "苗") and all(
                a == w or _usual_toned_reading(w) == _usual_toned_reading(a) for a, w in zip(alias, window)
            )
        return (
            len(alias) >= 3
            and sum(a == w for a, w in zip(alias, window)) >= 2
            and all(_loose_readings(a) & _loose_readings(w) for a, w in zip(alias, window))
        )

    found, i = [], 0
    while i < len(text):
        best: tuple[str, str] | None = None
        for first in [] if i in blocked else readings(text[i]):
            for alias, name, sounds in by_first.get(first, ()):
                window = text[i : i + len(alias)]
                if (best is None or len(window) > len(best[1])) and sounds_like(window, alias, sounds):
                    best = (name, window)
        if best:
            found.append((best[0], best[1], i))
            i += len(best[1])
        else:
            i += 1
    return found


def tree_it_sounds_like(word: str, species_table: Mapping) -> str | None:
    """The listed tree a word no tree the bot knows sounds like, every character ('狮子' -> 柿, '师子' -> 柿), or None:
    only a guess to ask about, said in a record's tree slot ('种咗三棵狮子'), where ``find_sound_alike_species`` keeps no
    name sharing nothing but a common ending (例子 is not 李子 in a sentence)."""
    for first in readings(word[:1]) if len(word) >= 2 else ():
        for alias, name, sounds in _names_by_sound(species_table).get(first, ()):
            if len(alias) == len(word) and all(sounds[j] & readings(c) for j, c in enumerate(word)):
                return name
    return None


_PLANT_NOISE_RE = re.compile(
    r"("
    # sim70: the day, the time and the aspect said in Cantonese before the count ('我今日种咗三十棵': no tree “今日咗”)
    r"今日|今朝|琴日|噚日|寻日|尋日|前日|头先|啱啱|朝早|晏昼|我哋|我地|屋企|喺|咗|"
    r"啱|"  # sim71: just, once ('头先啱种咗三棵': no tree “啱”)
    r"今天|昨天|前天|刚才|刚刚|上午|下午|早上|晚上|已经|我家|我们|我|家里|自家|在|了|又|也|共|一共|总共|"
    r"不对|应该是|就是|是|改成|改为|"
    r"大概|大约|大致|差不多|差唔多|左右|将近|估计|起码|至少|"  # about, at least: never a tree's name
    r"认种|认养|认捐|想要|想|要|打算|准备|登记|记录|帮我|一下|的|"
    r"种下|种好|种上|种|栽|植|补种|新种|房前屋后|房前|屋后|门口|院子里|院子|路边|河边)"
)


def extract_unknown_species(text: str, others: Iterable[str] = ()) -> str | None:
    """The tree name next to a count, for species not in the table.

    '种了3棵芒果' -> '芒果'; '3棵芒果树' -> '芒果'; '黄皮两棵' -> '黄皮'; with '发财树' among ``others`` (trees off
    the list, as the campaign names them) '种了3棵发财树' -> '发财树'.
    """
    text = to_halfwidth(text or "")
    after = re.search(rf"{_NUM}\s*{_MEASURE}\s*([{_CJK}]{{1,8}})", text)
    before = re.search(rf"([{_CJK}]{{1,8}}?)\s*{_NUM}\s*{_MEASURE}", text)
    for match in (after, before):
        if match:
            name = tree_name(_ALL_OF_THEM_SAID_RE.sub("", _PLANT_NOISE_RE.sub("", match.group(1))), others)
            if _looks_like_tree_name(name):
                return name
    return None


_ANSWER_FILLER_RE = re.compile(
    rf"{_NUM}|{_MEASURE}|[.半亩个的是就有树苗呢啊吧呀哦嗯哈\s,，。!！、]|平方米|平米|㎡|m2|不对|应该|大概|差不多|左右"
)


# round 22: the photo just sent pointed at ('这张是荔枝', '照片上是桂花', '呢张相系龙眼', '图里面的树是香樟'): the answer's
# filler, as 是 is
_PHOTO_POINTER_RE = re.compile(
    r"(?:这|那|呢|嗰|上|上一|刚才|刚刚|头先)?(?:张|幅|个|棵|株)?(?:照片|相片|相|图片|图|照)?(?:上|里|里面|上面|中|入面)?"
    r"(?:拍|影|照)?(?:的|嘅|个)?(?:树|苗)?(?:是|系|就是|叫)"
)


def is_bare_answer(text: str, *parts: str) -> bool:
    """Is ``text`` nothing but ``parts`` (a tree name, a count, as written) with numbers, measure words, an area,
    site words and filler ('是桂花', '种的是3棵', '门口2棵', '2.5亩', '不对，是5棵')? Not a sentence about a tree
    ('隔壁家的竹子长到我家地里了')."""
    rest = to_halfwidth(text or "").translate(_OUTSIDE_CJK)  # round 44: '𠊎种个系桂花 一头' (Hakka 𠊎: 我)
    for part in parts:
        rest = rest.replace(part, "", 1) if part else rest
    for word, _kind in _SITE_PAIRS:
        rest = rest.replace(word, "")
    rest = _PHOTO_POINTER_RE.sub("", rest, count=1)
    return len(_ANSWER_FILLER_RE.sub("", _PLANT_NOISE_RE.sub("", rest))) <= 1


def tree_name(written: str, others: Iterable[str] = ()) -> str:
    """A tree's name as written, without a trailing 树/苗 ('芒果树' -> '芒果'), unless the name holds one of
    ``others`` (names of trees off the list), which is kept whole: '发财树' stays '发财树', '芒果树' -> '芒果'."""
    known = next((name for name in sorted(others, key=len, reverse=True) if name and name in written), None)
    if known:
        return known
    return re.sub(r"(树苗|苗木|树|苗)$", "", written) if len(written) > 2 else written


# round 38: a sentence's final particles after a count are no tree ('种咗两棵啦' asked which tree “啦” is)
_PARTICLES_ONLY_RE = re.compile(r"[啦了咯喇呀啊嘛呢的嘅咧噢哦喔吖罢吧哈嗯咗左过]+")


def _looks_like_tree_name(name: str) -> bool:
    if not name or name in ("树", "苗", "树苗", "果树", "小树", "大树") or _PARTICLES_ONLY_RE.fullmatch(name):
        return False
    if find_site(name) or re.search(r"亩|[" + _CN_NUM + r"]{2}", name):
        return False
    if _ALL_OF_THEM_RE.fullmatch(name):  # the lead (21h): '两棵都系' says both are so, of no tree called 都系
        return False
    if _KIN_NAME_RE.fullmatch(name):  # the lead (fifty-fifth session): '我阿妈种咗两棵' is no tree called 阿妈
        return False
    return not re.fullmatch(rf"[{_CN_NUM}]+", name)


# 都系 / 都是 / 也有 / 仲系 …: what the trees counted are or have, never a tree's name ('两棵都系黄皮': 黄皮)
_ALL_OF_THEM_RE = re.compile(r"[都也全仲还就又](?:系|是|有|冇|没|唔|不|咁|这样|一样)?")
_ALL_OF_THEM_SAID_RE = re.compile(r"^[都也全](?:系|是)")


# --- planting reports ------------------------------------------------------------

SITE_WORDS: dict[str, tuple[str, ...]] = {
    "党建林": ("党建林",),
    "主题林": ("主题林",),
    "示范点": ("示范点", "示范村", "示范基地"),
    # round 44: 房子旁边, 屋子旁边 ('房子旁边种棵开花香的')
    "房前屋后": (
        "房前屋后",
        "房前",
        "屋后",
        "屋前",
        "房后",
        "门口",
        "门前",
        "家门口",
        "屋边",
        "屋旁",
        "房子边",
        "房子旁",
        "屋子边",
        "屋子旁",
        "房屋旁",
        # round 56: the house named with 家 (屋企 is normalised 家) or its side ('屋企侧边种咩果树', '屋子西面太阳好毒')
        "家旁边",
        "家侧边",
        "家边上",
        "屋侧",
        "屋子侧",
        "房子侧",
        "屋子西面",
        "屋子东面",
        "房子西面",
        "房子东面",
        "屋西面",
        "屋西边",
        # round 62: around or near the house ('屋企周围种咩树', '家附近种棵果树'), its gate said 大门 (a bare front)
        "家周围",
        "家附近",
        "屋周围",
        "房子周围",
        "大门",
        # round 64: the house's front or back said with 家 (屋企 is normalised 家: '屋企前面想种棵果树')
        "家前面",
        "家前边",
        "家后面",
        "家后边",
    ),
    # round 51: the yard's regional names (院坝 in the southwest, 禾坪 and 地堂 in Hakka and Cantonese villages)
    # round 62: the yard behind or before the house, and Cantonese 院仔 ('后院种咩果树', '院仔好窄')
    "庭院": ("庭院", "院子", "院里", "天井", "小院", "院落", "院坝", "禾坪", "地堂", "后院", "前院", "院仔"),
    "路边": (
        "道路",
        "路边",
        "路旁",
        "村道",
        "村路",
        "马路",
        "公路",
        "路两边",
        "路两旁",
        "道路两旁",
        "那条路",
        "这条路",
        # round 62: the road into the village, and Cantonese 条路 (the road: '进村条路想种一排开花嘅')
        "进村路",
        "进村的路",
        "条路",
        # round 64: the village's main road, and its street trees (sets AU and AZ label 行道树 the roadside's list)
        "主路",
        "主干道",
        "行道树",
    ),
    # round 44: a ditch's or a brook's bank is the waterside ('沟边种什么树可以防止泥土被冲走')
    "河边": (
        "河边",
        "河堤",
        "河岸",
        "溪边",
        "水边",
        "塘边",
        "鱼塘",
        "江边",
        "堤边",
        "水塘边",
        "沟边",
        "小溪",
        "溪旁",
        "溪水",
        # round 58: along the river, the river's side said with 沿 ('沿河种咩树好', '沿江', '沿溪两边')
        "沿河",
        "沿江",
        "沿溪",
        # round 64: a fish pond's embankment (塘基, the Pearl River delta's 桑基鱼塘) is the waterside
        "塘基",
    ),
    "校园": ("校园", "学校", "村小", "小学", "中学", "幼儿园", "校门"),  # round 62: 校门口
    # round 62: the village's sports grounds are its open public places ('篮球场边种咩树有阴')
    # round 63: the village's entrance, where its big shade tree stands ('村口想种棵大树乘凉'), is an open public place
    "广场": ("广场", "公园", "祠堂", "文化广场", "篮球场", "球场", "运动场", "村口", "村头"),
}
_SITE_PAIRS = sorted(((w, k) for k, ws in SITE_WORDS.items() for w in ws), key=lambda p: len(p[0]), reverse=True)


# round 44: a bare gate or front is a house's only when no other place is named: '学校门口', '祠堂门口' are the school's, the plaza's
# round 64: so are the house's front and back said with 家 ('屋企前面有个小天井' is the yard's)
_BARE_FRONTS = frozenset({"门口", "门前", "大门", "家前面", "家前边", "家后面", "家后边"})


def find_site(text: str) -> str | None:
    """Canonical site kind mentioned in text ('家门口' -> '房前屋后'; '小学门口' -> '校园')."""
    for word, kind in _SITE_PAIRS:
        if word not in _BARE_FRONTS and word in text:
            return kind
    return "房前屋后" if any(word in text for word in _BARE_FRONTS) else None


# round 61 (20o): 还是 as 'still' ('新叶还是绿的', 'the new leaves are still green'): a state said at the clause's end, the
# subject before it ('红的还是绿的', '红还是绿': a choice before it, still a question)
_STILL_SO = r"(?:[绿黄红青白黑]色?的?|好好?的|正常的?|活的|一样的?|老样子)(?:$|[\s，,。.!！])"
# sim61: Cantonese 呢 before a numeral is "these" (就系呢两棵桂花: the photo's trees), never the question particle
# the sixtieth session (22s: '忘了说 树有一米多高' in a ticket's window): 多高 after a measure (一米多高, 两尺多长) is
# "a little over", a size told, never how tall asked
_QUESTION_RE = re.compile(
    r"什么|怎么|怎样|如何|咋|哪|谁|吗|呢(?![张个棵度啲样处只件条块位几排一两二三四五六七八九十\d])|么|为什么|为啥|多少|多久|(?<![米尺寸丈斤分厘里亩])多(?:大|深|远|高|长|宽|密|粗|重)|几米|几厘米|几公分|"
    r"能不能|可不可以|要不要|好不好|行不行|会不会|是不是|有没有|是否|应该|该不该|"
    # round 84 (22b: '种咗廿几年嘅' in a ticket's window had become a ticket of its own): 十几年, 廿几年, 好几年 are
    # some years, told, never a how-many asked
    rf"几月|几时|(?<![十廿卅百千好前])几年|啥|请问|问一下|想问|想知道|请教|推荐|建议|(?<=[的色绿黄红青白黑好])还是|还是(?!{_STILL_SO})|定系|真的假的|是真是假|\?|？|"
    # round 54: points asked ('种一棵树算几分'); 十几分钟, 几分钟 are a while, 几分地 a plot
    r"(?<![十百千好])几分(?![钟之地田])|"
    # round 58: what time ('我同我老婆一齐去 几点集合' had joined an open ticket as its 补充); '有几点黑斑' are spots
    r"几点(?:钟|集合|开始|出发|到|结束|收工|散|去|返|回|前|左右)|"
    rf"(?<=[种好户用买挖浇施剪])定(?![根时期点要了心位型量金价做制义]|跟水)|{TREE_OR_DING}|"
    # Cantonese: 几多 (how many), 点样 (how), 咩 (what), 边度 (where), 得唔得 / X唔X (A-not-A) ...
    r"几多|几钱|几蚊|几耐|几远|几深|几高|几大|几密|几宽|几阔|几开|点样|点解|点算|点办|咩|乜|边度|边个|边啲|系咪|係咪|有冇|([^\s])唔\1|"
    # round 61 (20p): 边日 / 边天 (which day: '植树节系边天'), never beside a place ('这边天气')
    rf"(?<![{_SIDE_OF}口脚头角尾边两一])边[日天]|"
    # A-not-A in any dialect: 中不中, 活不活, 去不去
    r"([\u4e00-\u9fff])不\2|"
    r"(?<![一几有黑白红黄褐小斑重地特优缺0-9两半差早晚快慢多少密疏深浅高低大远近范站景网试据])点(?=[种弄填放追改扶护捐看评防登拣选浇淋施落剪修绑挖补报交拍参申处用救分认管做办写问搞整知睇影记])|"
    # tidy84: Cantonese 点先 (how, so that: normalised 点才) before a may or can ('点先可以唔再收到啲通知')
    r"(?<![一几有0-9十])点(?:先|才)(?=可以|可|能|会|得)|"
    # round 78 (21q): '三亩几' is three mu and some, nothing asked ('党建林三亩几 一百五十棵樟树')
    r"亩(?!几[^时点天号月年个棵株次多])\D*(?:几|多少)\D*[棵株]|(?:几|多少)\D*[棵株]\D*亩|"
    # round 37: how many of anything but trees ('五棵荔枝要挖几个坑', '要浇几次水'); 十几个, 好几个 are some, and so are a
    # few people ('同支部几个人种咗两棵木棉')
    r"(?<![十百千好])几(?:个(?!人|村民|党员|同事|兄弟|朋友|老人|后生|细路|小孩|学生|干部|同志)|条|次|包|斤|袋|桶|遍|回|层|行|排|担|车|箩)|"
    # a result asked at the end ('定根水浇透没有', '种好了没', '活了没有'): V + result + 没(有)
    r"(?<=[透够好完齐活对上到过湿干])(?:了)?(?:没有|没|未)(?:呢|啊|呀|啦)?\s*$"
)
# round 99 (BX's '我想看一下我登记了几棵树'): a wish to see or check before the count asks one's own count, no report
_VAGUE_QUESTION_RE = re.compile(
    rf"几\s*{_MEASURE}(好|合适|比较|才|就|够|呀|啊)|^种几|要种几|该种几|种几\s*{_MEASURE}$"
    rf"|(?:想看|想查|想睇|看一下|看下|查一下|查下|睇下|帮我看|帮我查)[^。？！?!]{{0,8}}几\s*{_MEASURE}"
)
_PAST_RE = re.compile(r"了|今天|昨天|前天|刚|已经|上午|下午|早上|今早|今日|琴日|头先")


_HOW_MANY_RE = re.compile(rf"(?<![十百千好])几\s*{_MEASURE}")


# round 80 (21u): how long after planting, or how often, asked ('荔枝种下去几天要淋水', '隔几天施肥', '几日淋一次水'): a
# question about trees planted, never their record; a while past said is not (前几天种了, 这几天种了, 过几天再种)
_INTERVAL_ASKED_RE = re.compile(
    r"(?<![十前这那呢嗰头今好过前])几(?:天|日|个星期|个礼拜|周)(?=[^了咗过，。,\s]{0,3}?(?:要|就|再|才|可以|能|淋|浇|施|一次|一回|一遍))"
    r"|隔几(?:天|日)|每几(?:天|日)"
)


def interval_asked(text: str) -> bool:
    """Round 80: how long after planting or how often something is done, asked (``_INTERVAL_ASKED_RE``)."""
    return bool(_INTERVAL_ASKED_RE.search(to_halfwidth(text or "")))


# Mandarin 'X不?' after the planting or adopting verb asks as 吗 does ('有啥树可以认养不', '龙眼今年还能种不'); 不 after
# anything else ('我不', '我唔要啦 不', '暂时不') or before the verb ('今年不种') is a refusal or a statement, never read here
_FINAL_BU_ASKS_RE = re.compile(r"(?<=[养种])不(?=\s*$)")


def final_bu_as_ma(text: str) -> str:
    """``text`` with a final 不 that asks written 吗, as ``is_question`` and ``adoption_wished`` read it (the lead's 21w
    read it for the adoption wish only): '村里有树可以认种不' -> '村里有树可以认种吗'; '我不' is left."""
    return _FINAL_BU_ASKS_RE.sub("吗", text)


# round 83 (21z: '种咗两年 喺屋门口 晒唔到几多日头' in a ticket's window had become a ticket of its own): an amount said
# to be small ('晒不到多少日头', '冇几多太阳', '没多少水'): a detail told, never a how-many asked
_NEGATED_AMOUNT_RE = re.compile(r"(?:不到|唔到|不了|唔了|不出|没有|没|冇|无)(?:多少|几多)")


def without_negated_amount(text: str) -> str:
    """'晒不到多少日头' -> '晒日头': a small amount told left out, so a detail is not read as a question."""
    return _NEGATED_AMOUNT_RE.sub("", text or "")


# round 92: 什么 read as 'any' after a negation ('冇咩问题' -> 没有什么问题, '没啥事', '暂时冇乜问题'): nothing is asked; 有没有什么
# 问题 and a confirmation sought after it ('没什么问题吧') still ask
_NOTHING_WRONG_RE = re.compile(
    r"(?<!有)(?:没有|没|冇)(?:什么|啥|咩|乜)(?:大)?(?:问题|事|事情|大碍|异常)(?![吧吗么呢嘛?])"
)


# the lead (fifty-first session; 22r '多谢晒 荔枝种好要点打理' had started a record of 荔枝): how to tend trees once planted,
# asked (种好要怎么管护, 种完之后点淋水): a question, never a report of trees planted
_CARE_AFTER_PLANTING_RE = re.compile(
    r"种(?:好|完|下|落|下去|落去)(?:了|之后|以后|后)*(?:要|应该|该|需要)?(?:怎么|怎样|如何)(?:样)?(?:才)?"
    r"(?:管护|打理|管|照顾|护理|浇水|淋水|淋|施肥|养|弄|做)"
)


def care_after_planting_asked(text: str) -> bool:
    """'荔枝种好要点打理', '种完之后点淋水': how to tend trees once planted, asked (normalised here)."""
    return bool(_CARE_AFTER_PLANTING_RE.search(normalize(text or "")))


def is_question(text: str) -> bool:
    """True for questions ('桂花什么时候种', '种几棵好', '荔枝怎么种', '书记种几棵树', '龙眼今年还能种不'; not
    '种了几棵桂花', said of trees planted; round 92: nor '没什么问题', 'any' after a negation: ``_NOTHING_WRONG_RE``)."""
    text = _NOTHING_WRONG_RE.sub("没问题", final_bu_as_ma(to_halfwidth(text or "")))
    return bool(
        _QUESTION_RE.search(text)
        or _VAGUE_QUESTION_RE.search(text)
        or _WHICH_KIND_RE.search(text)  # round 44: '香樟同秋枫边种好种啲'
        or (_HOW_MANY_RE.search(text) and not _PAST_RE.search(text))
    )


@dataclass(frozen=True)
class PlantingText:
    """What a planting report says. Fields the text does not give are None."""

    count: int | None
    vague: bool
    species: str | None  # canonical name from the table
    species_text: str  # as written
    unknown_species: bool  # True: species_text is not in the table
    site_kind: str | None  # 房前屋后, 庭院, 党建林, 主题林, 路边, 河边, 校园, 示范点, 广场
    area_mu: float | None
    proxy_name: str | None  # 代种 <姓名>: the household member planted for
    proxy_without_name: bool = False  # 代种 with no name, or a tree's where it goes (代种李子2棵): whose trees?
    # species_text, next to the count, is no tree the bot knows (not on the list nor among ``others``, the trees off
    # it): '张三 2棵' is asked about, never recorded as 2棵“张三”
    unheard: bool = False
    # round 38: the other trees of a text naming several ('种了3棵桂花2棵荔枝': (2, '荔枝')); a record holds one tree,
    # the first's, and the sender is told to send the others after it (they were dropped unsaid)
    more: tuple[tuple[int, str], ...] = ()
    # round 40: trees planted for another household in words ('我帮隔壁阿婆种了一棵龙眼': ``planted_for``): a cadre's
    # 代种 (proxy_name, or asked), never a villager's own record
    for_another: bool = False
    # round 40: a total said first and parts that do not make it ('我种了6棵 3棵桂花2棵荔枝': (6, ((3, '桂花'), (2,
    # '荔枝')))): nothing is recorded, the sender is asked (``parts_against_total``)
    total_differs: tuple[int, tuple[tuple[int, str], ...]] | None = None
    # sim71: trees he or she planted, no name said ('佢话种咗两棵荔枝 帮佢记落': ``told_of_another``): a cadre is asked
    # whose (most likely a household's he enters); a villager's stay his own, as before (his household's, most likely)
    of_someone: bool = False


_PROXY_RE = re.compile(
    # round 46: voice input's pauses around the name ('代种，陈大伯，两棵龙眼。')
    rf"^\s*代种[\s,，、:：]*(?:(?P<spaced>[{_CJK}·]{{2,5}})(?=[\s,，、])|(?P<packed>[{_CJK}·]{{2,4}}?)"
    rf"(?={_NUM}\s*{_MEASURE}|\d|$))"
)


_PROXY_VERB_RE = re.compile(r"^\s*代种")
# A household a cadre acts for, named before the verb ('帮陈伯认领两棵荔枝', '帮陈伯代种两棵龙眼'): where it lives or who it
# is said first (round 39 (19n): '帮村尾黄婆婆认领…', '帮三队陈伯…'; round 38: '为五保户陈伯代种…'), left out of the name
_HOUSEHOLD_PLACE = rf"(?:住)?(?:隔篱屋|隔壁屋|村尾|村头|村口|村东|村西|村南|村北|隔壁|隔篱|对面|后山|[{_CN_NUM}\d]{{1,2}}(?:队|组))(?:的|嘅)?"
# round 65 (20t): a courtesy title said before the name ('帮阿婆黄桂英认领一棵荔枝', '同五叔李树生…': Cantonese 同 for 帮 only
# so, 同 being 'with' elsewhere: '今日同阿妈种咗两棵龙眼'), left out of it; the title alone ('帮阿婆认领…') stays the name said
# tidy91: the titles are the forms of address (``ADDRESS_TITLES``), each subset as before: after 阿 all of them and kin
# (阿爷, 阿妈, 阿姑); said twice, 婶婶 not among them; after 大 not 姨, 婆, 公, 嫂; after a number (五叔) not 婆, 公, 哥, 姐, and 姑
_COURTESY_KIN = ("爷", "嫲", "嬷", "奶", "妈", "姑")
_COURTESY_TITLE = (
    rf"(?:阿{titles_alternation(ADDRESS_TITLES + _COURTESY_KIN)}|{titles_alternation(ADDRESS_TITLES_DOUBLED, without=('婶婶',))}"
    rf"|大{titles_alternation(ADDRESS_TITLES, without=('姨', '婆', '公', '嫂'))}|老伯|伯公|伯爷|伯娘"
    rf"|[{_CN_NUM}]{titles_alternation(ADDRESS_TITLES + ('姑',), without=('婆', '公', '哥', '姐'))})"
)
# the lead (forty-second session, the simulator as a secretary): the household said after the name ('帮陈伯屋企代种…',
# '替黄桂英家代种…', '帮李杨梅嗰户登记…'), left out of it: it had been the name ('陈伯屋企'), and a name of five with it
# ('陈木棉屋企') was no 代种 at all, the secretary's own record of a tree read from the name (2棵木棉)
_HOUSEHOLD_AFTER_NAME = r"屋企人|屋企|屋里|家里|一家|家|嗰户|那户|这户|户"
# conv96 (22o: '同张婆婆登记认领 佢想种三棵龙眼'): 同 before a name under a common surname (bot/surnames.py: 张婆婆, 陈伯,
# 李亚妹), 认领 right after it (登记, 报个 before it), is 'for' as before a title: never a relative ('同老婆一齐认领': with),
# nor after 我 ('我同陈伯认领…': the two of them)
_SURNAME = "(?:" + "|".join(COMPOUND_SURNAMES) + "|[" + "".join(sorted(COMMON_SURNAMES)) + "])"
_FOR_NAMED = rf"{_SURNAME}[{_CJK}]{{1,3}}?\s*(?:登记|报个|报)?认领"
_FOR_HOUSEHOLD = (
    rf"^(?:我)?(?:帮|替|给|为|同(?={_COURTESY_TITLE}[{_CJK}]{{2,4}}?\s*认领)|(?<!我)同(?={_FOR_NAMED})|代(?!种))\s*(?P<described>(?:村内|村里|本村)?(?:无智能手机|没有智能手机|冇智能手机|无手机|没有手机|冇手机)?"
    rf"(?:的|嘅)?(?:{_HOUSEHOLD_PLACE})?(?:农户|村民|老人家|老人|五保户|低保户|困难户|孤寡老人|独居老人|空巢老人|邻居)?"
    rf"(?:{_COURTESY_TITLE}(?=[{_CJK}]{{2,4}}?\s*(?:认领|代种|登记|上报|报|记录|记|录入|录)))?)"
    # round 82 (21y: '帮村民2嗰户认领三棵桂花'): a roster name with its number (村民2, as a roster without names writes them),
    # the household word after it; round 86 (22c: '帮村民8认领三棵柿'): or the verb right after the number
    rf"\s*(?P<name>[{_CJK}·]{{2,4}}?(?:\d{{1,3}}(?=\s*(?:{_HOUSEHOLD_AFTER_NAME}|认领|代种)))?)\s*(?:{_HOUSEHOLD_AFTER_NAME})?\s*"
)
# conv88 (22d: '帮李婆婆登记认领一棵柿子树 佢冇智能手机'): 登记 (enter) said before 认领 is the same pledge
# round 95 (22o: '帮李婆婆报个认领 佢屋企想种一棵桂花'): 报 (个) said before 认领 too, and the trees after it told as the
# household's plan (佢屋企想种, 佢哋打算种: ``_THEIR_PLAN_RE``), left out of them
_PLEDGE_FOR_RE = re.compile(rf"{_FOR_HOUSEHOLD}(?:登记|报名|报个|报)?(?:个)?认领(?:了)?\s*")
_THEIR_PLAN_RE = re.compile(
    r"^[\s,，]*(?:佢|他|她|它)(?:们|哋|屋企|家里|家)?(?:也|都)?(?:想|要|打算|准备|计划|会)*(?:种植|种|栽)(?![了咗过好])\s*"
    rf"(?={_NUM}\s*{_MEASURE})"
)
# the verb: 代种, or a cadre's own words for entering a count ('帮陈大伯登记三棵荔枝', '代陈伯报两棵龙眼'): the count
# right after, so '帮陈伯登记' (registering someone) and '帮我登记一下种的三棵桂花' (one's own) are not a 代种
_PROXY_FOR_RE = re.compile(
    rf"{_FOR_HOUSEHOLD}(?:代种(?:了|咗)?|(?:登记|上报|报|记录|记|录入|录)(?:了|咗|上|低)?(?=\s*{_NUM}\s*{_MEASURE}))\s*"
)


def parse_proxy(text: str, species_table: Mapping) -> tuple[str | None, str]:
    """('张三', rest) for '代种 张三 2棵龙眼'; (None, text) otherwise. A tree's whole name is not the person's
    ('代种李子2棵', '代种 桂花 3棵': ``is_tree_name``) unless the count names another tree right after it ('代种 杨梅
    2棵龙眼': ``tree_word_is_a_name``); a name may start with a tree's ('代种 李明 2棵李子')."""
    said_before = _PROXY_FOR_RE.match(to_halfwidth(text or "").strip())
    if said_before:  # round 38: '帮陈伯代种两棵龙眼'
        name, rest = said_before.group("name"), to_halfwidth(text).strip()[said_before.end() :]
        if _NOT_A_NAME_RE.search(name) or re.fullmatch(_NO_HOUSEHOLD, name):  # '帮我报三棵桂花', '帮村里登记…'
            return None, text
        if re.fullmatch(_RELAYED_BY, name) or re.search("[登报录记]", name):
            # '帮阿妈代种': one's own household's record; a neighbour's 阿婆 ('帮隔壁阿婆代种…') is a household whose name
            # the roster needs: asked for, as for '代种 2棵龙眼'; so is '帮老人家登记两棵荔枝' (its verb is no name)
            return (None, "代种" + rest) if said_before.group("described") else (None, text)
        if not is_planting_words(name) and not is_tree_name(name, species_table):
            return name, rest
    match = _PROXY_RE.match(to_halfwidth(text or ""))
    if not match:
        return None, text
    name, rest = match.group("spaced") or match.group("packed"), to_halfwidth(text)[match.end() :]
    if is_planting_words(name) or (
        is_tree_name(name, species_table) and not tree_word_is_a_name(name, rest, species_table)
    ):
        return None, text
    return name, rest


# round 40: trees planted for another household, told with words of having planted ('我帮隔壁阿婆种了一棵龙眼', '今天帮
# 邻居陈伯种了两棵荔枝'): that household's trees, never the sender's record (a cadre's 代种). One's own household's kin
# ('帮我妈种了', '帮阿爸种咗', '帮老公种了') stay the sender's; the village or everyone ('帮村里种了') is no household
_PLANTED_FOR_OTHER_RE = re.compile(
    r"^(?:我)?(?:今天|今日|今朝|昨天|琴日|噚日|刚才|刚刚|啱啱|头先|上午|下午|早上|前两天|前几天|\s)*"
    + _FOR_HOUSEHOLD[1:]
    + r"(?=(?:种|栽)(?:了|咗|左|好|下|埋|落))"
)
_KIN = (
    r"(?:我|我哋|我的|我嘅)?(?:老公|老婆|老伴|老豆|老爸|老妈|仔|女|个仔|个女|儿子|女儿|孙|外孙|新抱|媳妇|"
    r"女婿|家公|家婆|公公|婆婆|哥哥|姐姐|弟弟|妹妹|阿哥|阿姐|细佬|家里人|家人|屋企人)"
)
_NO_HOUSEHOLD = r"(?:村里|村委|本村|全村|大家|集体|村集体|学校|公家|社区|队里|组里)"
_NOT_A_NAME_RE = re.compile(
    r"^我(?!老|阿|妈|爸|仔|女|哋|的|嘅|个|孙|家|外|奶|爷|哥|姐|弟|妹|细)|登记|查|报|问|睇|看|记|代"
)
# another household said by no name ('帮邻居种了', '帮人家种咗', '帮隔壁种了'): whose, a cadre is asked
_SOMEONE = (
    r"(?:邻居|邻舍|隔壁|隔篱|隔篱屋|对面|别人|别家|人家|其他人|老人家|老人|五保户|低保户|困难户|村民|农户|孤寡老人)"
)


def planted_for(text: str, species_table: Mapping) -> tuple[str | None, str] | None:
    """(name, rest) when ``text`` tells of trees the sender planted for another household: the name the household is
    called by (None when only a kin word of a neighbour: '帮隔壁阿婆种了'), rest from the planting verb on ('种了一棵龙眼
    她不会用手机'); None for one's own household ('帮我妈种了两棵龙眼') and anything else."""
    text = to_halfwidth(text or "").strip()
    found = _PLANTED_FOR_OTHER_RE.match(text)
    if not found:
        return None
    name, rest = found.group("name"), text[found.end() :]
    if re.fullmatch(_NO_HOUSEHOLD, name) or is_planting_words(name) or is_tree_name(name, species_table):
        return None
    if _NOT_A_NAME_RE.search(name):  # '帮我查下我种咗几多棵', '帮冇手机嘅老人家登记种咗嘅树': a request, no household
        return None
    if re.fullmatch(_RELAYED_BY, name) or re.fullmatch(_KIN, name):
        return (None, rest) if found.group("described") else None
    if re.fullmatch(_SOMEONE, name):
        return None, rest
    return name, rest


_COUNT_FIRST_RE = re.compile(rf"^\s*{_NUM}\s*{_MEASURE}")


def tree_word_is_a_name(word: str, rest: str, species_table: Mapping) -> bool:
    """Is ``word``, a tree's whole name where a person's name goes (代种 / 认领 <姓名> …), the person's after all,
    ``rest`` being what follows it? Yes when the rest starts with the count and names another tree ('杨梅' before '
    2棵龙眼': 杨梅 is also a woman's name): the message's count and tree are both there, and the name slot can only
    hold the person, as the cadre wrote it. Not when no other tree follows the count ('代种 杨梅 2棵': whose 杨梅?)."""
    if not _COUNT_FIRST_RE.match(rest):
        return False
    # round 36: each tree then its count ('荔枝2棵、桂花1棵'): the word is the first tree of a list, no name
    counts = list(_A_COUNT_RE.finditer(rest))
    if len(counts) >= 2 and not find_all_species(rest[counts[-1].end() :], species_table):
        return False
    own = find_species(word, species_table)[0]
    return any(tree != own for tree, _ in find_all_species(rest, species_table))


_A_COUNT_RE = re.compile(rf"(?:[{_CN_NUM}]+|\d+)\s*[{MEASURE_WORDS}]")


# round 38: a count alone, no tree ('三棵', '种了3棵', voice '三棵。'): with no record waiting for a count it named no tree
# and the FAQ read 三 as a month (the planting window's answer)
# sim70: with the day (昨天, 今朝, 噚日, 头先: '琴日种咗两棵') and where (在屋后) said first, as a voice message says them
_COUNT_ALONE_DAY = (
    r"(?:已经|今日|今天|今朝|今早|今早上|昨天|噚日|寻日|前天|前日|头先|啱啱|啱|刚刚|刚才|刚|上午|下午|早上|晚上)"
)
_COUNT_ALONE_SITE = r"(?:(?:在|喺)(?:屋后|屋前|房前|房后|门口|院子|后山|田边|路边|河边|屋企|地里|山上|后园))"
_COUNT_ALONE_RE = re.compile(
    rf"^(?:我|我们|我哋)?{_COUNT_ALONE_DAY}*{_COUNT_ALONE_SITE}?(?:种了|种咗|种左|共|一共|总共|种)?\s*{_NUM}\s*{_MEASURE}"
    r"(?:树|苗)?(?:了|啦|咯|喇|嘅|的|呀|啊)?$"
)


# frames76: fragments the readers of nlu, planting, pledges and identity share, each of which had its own copy: whether it
# is done yet, asked at the end ('记上了没有', '收到未呀', '成功了没'), with a particle after it; he or she as sent (佢 is
# normalised 它: these read the raw text) and said (Cantonese 话, 讲), for one told of or pointed at ('佢话种咗两棵荔枝',
# '刘婶话佢屋企…', '帮佢记低')
DONE_YET_WORDS = "没有|没|未|吗|了吗|了没有|了没"
DONE_YET_PARTICLES = "(?:呀|啊|呢|啦)?"
HE_WORDS = "佢|他|她"
SAYS_WORDS = "话|讲|说"


# sim71 (a secretary in the simulator): trees another planted, told in the third person ('陈大伯话佢种咗三棵龙眼', '佢话
# 种咗两棵荔枝 帮佢记落', '他种了两棵龙眼 帮他登记一下'): had become the sender's own record. A name said first is that
# household's (as ``planted_for``); he or she alone, or 'record it for him', names nobody: a cadre is asked whose
_HE = rf"(?:佢哋|佢地|他们|她们|{HE_WORDS})"
_SAYS = rf"(?:{SAYS_WORDS}|讲话|说是)"
_PLANTED_AHEAD = (
    rf"(?:都|也|已经|经已|一共|总共|琴日|尋日|今早|{_COUNT_ALONE_DAY})*(?=(?:种|栽)(?:了|咗|左|好|落|埋|完))"
)
_NAMED_SAYS_PLANTED_RE = re.compile(rf"^(?P<name>[{_CJK}]{{2,4}}?){_SAYS}{_HE}?{_PLANTED_AHEAD}")
_HE_PLANTED_RE = re.compile(rf"(?:^|[\s,，。;；])(?:{_HE}{_SAYS}?|{_SAYS}{_HE}){_PLANTED_AHEAD}")
_FOR_HIM_RE = re.compile(
    rf"[\s,，。;；]*(?:麻烦|请)?(?:你)?(?<![点怎样何咋么])(?:帮|同|替|给)(?:{_HE})(?:记|登记|报|录|入|上报|记录)[{_CJK}]{{0,4}}?[。!！~～]*$"
)


# the household named before he or she ('邓婆婆冇手机 佢种咗一棵龙眼 我帮佢报', '黄伯屋企今日种咗一棵荔枝，我帮佢记一下',
# '帮五保户陈伯报一下 他种了一棵杨梅'): a clause's first words, a person's name (a common surname), who they are left out
_NAMED_FIRST_RE = re.compile(
    r"^(?:帮|替|给|为)?(?:五保户|低保户|困难户|村民|农户|老人家|孤寡老人|独居老人|邻居)?(?P<name>[\u4e00-\u9fff]{2,4}?)"
    r"(?=屋企|家里|家|嗰户|那户|冇|没|无|唔|话|讲|说|报|今日|今天|今朝|琴日|昨天|佢|他|她|$)"
)


def _household_named_first(before: str, species_table: Mapping) -> str | None:
    """The person a clause before he or she names first (``_NAMED_FIRST_RE``), when a person's name: a common surname,
    not one's own kin, a pronoun, a time or a tree."""
    for clause in re.split(r"[\s,，。;；、]+", before):
        found = _NAMED_FIRST_RE.match(clause)
        name = found["name"] if found else None
        if name and _a_persons_name(name, species_table):
            return name
    return None


def _a_persons_name(name: str, species_table: Mapping) -> bool:
    return (
        has_common_surname(name)
        and not re.fullmatch(_RELAYED_BY, name)
        and not re.fullmatch(_KIN, name)
        and not re.fullmatch(_NO_HOUSEHOLD, name)
        and not _NOT_A_NAME_RE.search(name)
        and not is_planting_words(name)
        and not is_tree_name(name, species_table)
    )


def told_of_another(text: str, species_table: Mapping) -> tuple[str | None, str, bool] | None:
    """(name, rest, named) when ``text`` tells of trees another planted, in the third person: the name said first
    ('陈大伯话佢种咗三棵龙眼': 陈大伯; rest from the planting verb on, 'record it for him' left out), else None for he
    or she ('佢话种咗两棵荔枝 帮佢记落'; rest the whole text, read as before); None for anything else and for one's own household's kin said first ('阿爸话佢
    种咗两棵', as ``planted_for`` keeps them the sender's)."""
    text = to_halfwidth(text or "").strip()
    for_him = _FOR_HIM_RE.search(text)
    body = text[: for_him.start()] if for_him else text
    named = _NAMED_SAYS_PLANTED_RE.match(body)
    if named:
        name = named.group("name")
        if re.fullmatch(_RELAYED_BY, name) or re.fullmatch(_KIN, name) or re.fullmatch(_NO_HOUSEHOLD, name):
            return None
        if re.fullmatch(_HE, name) or re.fullmatch(_SOMEONE, name):
            return None, text, False
        if _a_persons_name(name, species_table):
            return name, body[named.end() :], True
        return None  # '上次话种咗树有奖状', '点样讲种咗几多棵': no one's
    he = _HE_PLANTED_RE.search(body)
    if he or for_him:
        first = _household_named_first(body[: he.start()] if he else body, species_table)
        if first:  # '邓婆婆冇手机 佢种咗一棵龙眼 我帮佢报': 邓婆婆's
            return first, text, True
        return None, text, False  # read whole, as before: only whose is asked ('陈大伯报错咗 佢种咗两棵…' is no record)
    return None


def count_alone(text: str) -> int | None:
    """The count of a text that is only a count of trees ('三棵', '种咗两棵啦'); None for anything else."""
    if not _COUNT_ALONE_RE.match(text or ""):
        return None
    count = parse_count(text)
    return count.count if count and not count.vague else None


def several_trees(text: str, species_table: Mapping) -> list[tuple[int, str]]:
    """Every tree when a text names several, each its count then its tree ('一棵桂花一棵杨梅', '两棵荔枝、三棵龙眼',
    '2棵桂花和1棵杨梅') or its tree then its count ('荔枝两棵 龙眼三棵'): (count, species) each, in order; [] unless
    every count has one known tree of its own, each tree once, none left over. A total said first and then its parts
    ('我种了5棵 3棵桂花2棵荔枝') is read as the parts when they add up to it. (A pledge's trees, bot/pledges.py; a
    planting text's, ``parse_planting_text``.)"""
    counts = list(_A_COUNT_RE.finditer(text))
    if len(counts) < 2:
        return []
    starts = [found.start() for found in counts]
    ends = [found.end() for found in counts]
    readings = [[text[start:end] for start, end in zip(starts, [*starts[1:], len(text)], strict=True)]]
    if not find_all_species(text[ends[-1] :], species_table):
        readings.append([text[start:end] for start, end in zip([0, *ends[:-1]], ends, strict=True)])
    for pieces in readings:
        trees = _trees_of(pieces, species_table)
        if trees and len({species for _count, species in trees}) == len(trees):
            return trees
    total, parts = _total_and_parts(text, species_table)
    return parts if parts and sum(count for count, _species in parts) == total else []


def _total_and_parts(text: str, species_table: Mapping) -> tuple[int, list[tuple[int, str]]]:
    """A total said first and then its parts, each its count and its tree ('我种了6棵 3棵桂花2棵荔枝': (6, [(3, '桂花'),
    (2, '荔枝')])), whether or not they add up; (0, []) for any other text."""
    counts = list(_A_COUNT_RE.finditer(text))
    if len(counts) < 3:
        return 0, []
    total = parse_count(text[: counts[0].end()])
    if not (total and total.count and not total.vague) or find_all_species(text[: counts[1].start()], species_table):
        return 0, []
    return total.count, several_trees(text[counts[1].start() :], species_table)


def parts_against_total(text: str, species_table: Mapping) -> tuple[int, tuple[tuple[int, str], ...]] | None:
    """Round 40: (total, parts) when a total said first is not what its parts make ('我种了6棵 3棵桂花2棵荔枝'); None
    when they add up ('我种了5棵 3棵桂花2棵荔枝': ``several_trees``) or the text says no such thing."""
    total, parts = _total_and_parts(text, species_table)
    if not parts or sum(count for count, _species in parts) == total:
        return None
    return total, tuple(parts)


def _trees_of(pieces: list[str], species_table: Mapping) -> list[tuple[int, str]]:
    """(count, species) of each piece holding one count and one known tree; [] unless every piece does."""
    trees = []
    for piece in pieces:
        count = parse_count(piece)
        named = {name for name, _written in find_all_species(piece, species_table)}
        if count is None or count.vague or count.count is None or len(named) != 1:
            return []
        trees.append((count.count, named.pop()))
    return trees


def is_tree_name(text: str, species_table: Mapping) -> bool:
    """Is this word a tree's name alone ('李子', '李树', '龙眼苗'), never a person's? Whole words only: 李 is a plum
    and the commonest surname, so '李明' and '李子明' are people (a 代种's name, a pledge's, a name at 登记)."""
    species, matched = find_species(text, species_table)
    if not species:
        return False
    # '李苗' is a plum seedling, '李苗苗' a girl: a name already ending in 树/苗 takes no second one
    return text == matched or (matched[-1:] not in ("树", "苗") and text in (matched + "树", matched + "苗"))


# Words of planting no person's name holds, wherever a name goes (登记, a self-introduction, 代种, 认领): planting
# verbs (种, 栽), measure words of trees (棵, 株), someone's trees (我的树, 种的苗), a tree in general alone (树苗, 果树).
# Not 树 or 苗 inside a name (张树林, 王建树, 李苗苗), nor a tree's name inside one (王桂花, 李子明; 杨梅 is a woman's
# name too): a tree's whole name is ``is_tree_name``'s.
_PLANTING_IN_NAME_RE = re.compile(
    r"种|栽|棵|株|植树|种植|的(?:树|苗)|^(?:树|苗|树苗|苗木|树木|小树|大树|果树|新树|树仔)$"
)


# 种 (Chóng) is also a surname: '种国强' is a person; '种树', '种荔枝', '种好了', '种咗' are not (what follows 种 in
# planting: a tree, a tree's word, an aspect or result word, a count)
_SURNAME_ZHONG_RE = re.compile(
    rf"^种(?![树苗花果子的了下好上过完地田菜草瓜豆粮植在得咗嘢些点个棵株{_CN_NUM}0-9])[{_CJK}]{{1,2}}$"
)


def is_planting_words(text: str, species_table: Mapping | None = None) -> bool:
    """'种树', '我种的树', '今天种的两棵树', '树苗': words of planting, never a person's name ('张树林' is one). With
    ``species_table``, a name of 2 or 3 characters starting with the surname 种 ('种国强') and naming no tree is a
    person's."""
    text = to_halfwidth(text or "").strip()
    if species_table is not None and _SURNAME_ZHONG_RE.match(text) and not find_species(text[1:], species_table)[0]:
        return False
    if species_table is not None and given_name_zhong(text, species_table):
        return False  # round 65 (20s): '黄种德', 种 in the given name
    if species_table is not None and counts_a_tree(text, species_table):
        return True  # round 66 (20u): '三颗荔枝', '荔枝两株' where a name goes: trees, counted
    return bool(_PLANTING_IN_NAME_RE.search(text))


def counts_a_tree(text: str, species_table: Mapping) -> bool:
    """Round 66: a count of trees and a tree's whole name, in either order ('三颗荔枝', '龙眼两蔸'), never a person's
    name; a count of a measure word a name may hold beside a surname ('王三根', '李二科') stays a name."""
    count = parse_count(text)
    if not (count and count.count):
        return False
    rest = [piece for piece in text.split(count.matched) if piece.strip()]
    return len(rest) == 1 and len(rest[0].strip()) >= 2 and is_tree_name(rest[0].strip(), species_table)


def given_name_zhong(text: str, species_table: Mapping) -> bool:
    """Round 65 (20s): a name of three under a common surname with 种 first in its given name, as the surname 种 is read
    (``_SURNAME_ZHONG_RE``: '黄种德', '张种福'; never '我种树', '张种了', '李种荔'), naming no tree."""
    from bot.surnames import has_common_surname

    return (
        len(text) == 3
        and has_common_surname(text)
        and bool(_SURNAME_ZHONG_RE.match(text[1:]))
        and not find_species(text[1:], species_table)[0]
    )


# 认种 / 认养 / 认捐 (adopt, sponsor a tree) is a wish until it is done: '认种一棵树' (seed 002's slogan) and
# '我想认养一棵树' ask to adopt, '认种了3棵龙眼' reports trees planted.
_ADOPTION_VERB_RE = re.compile(r"认种|认养|认捐")
_DONE_RE = re.compile(r"[了过完]|已经")


def is_adoption_wish(text: str) -> bool:
    """'认种一棵树', '我想认养', '认养3棵桂花': an adoption verb without a sign that it was done."""
    text = to_halfwidth(text or "")
    return bool(_ADOPTION_VERB_RE.search(text)) and not _DONE_RE.search(text)


# 认领 (pledge, claim) is a plan, never a planting: '认领 2棵荔枝 3月' says who will plant what (bot/pledges.py),
# '认领了2棵龙眼' too, and '认领责任区' claims a care zone (bot/zones.py).
_PLEDGE_VERB_RE = re.compile(r"认领")


# round 20: the trees pledged said planted ('认领的两棵荔枝今天种好了'): trees planted, the pledge only their name
# round 54 (20d): Cantonese 嘅 / 嗰 (that) for 的, or the pledged ones said after the planting ('今日种咗我认领嗰两棵荔枝')
# round 65 (20r, 20t): any verb of putting them in the ground ('种落去', '种低咗', '种番落去'), or the trees told said to be the
# pledged ones ('一棵木棉 系我认领果棵', Cantonese 嗰 typed 果)
_PUT_IN = r"(?:种|栽|插)(?:好|了|下|上|咗|埋|落|低|番|返|完)"
# the clause saying the trees told are the pledged ones, after them ('两棵龙眼 就系我认领嗰两棵'): the record's trees stand
_PLEDGED_ONES_SAID_RE = re.compile(
    rf"(?<={_MEASURE}|[\u4e00-\u9fff])[\s，,]*(?:就|都|即)?(?:系|是)(?:我|我们|我哋|我家|我屋企|屋企)?(?:个|嘅|的)?"
    rf"认领(?:了|咗)?(?:的|嘅|嗰|果|那)(?:{_NUM}?\s*{_MEASURE})?(?:树)?[了啦喇呀啊]*$"
)
_PLEDGED_PLANTED_RE = re.compile(
    rf"认领(?:了|咗)?(?:的|嘅|嗰|那)(?:些|啲|几|两)?.*?{_PUT_IN}"
    rf"|{_PUT_IN}(?:了|咗)?(?:我|我们|我哋|我家|我屋企)?认领(?:了|咗)?(?:的|嘅|嗰|那)"
    rf"|{_NUM}\s*{_MEASURE}[^，,。\s]{{0,5}}[\s，,]*(?:就|都|即)?(?:系|是)(?:我|我们|我哋|我家|我屋企|屋企)?(?:个|嘅|的)?"
    r"认领(?:了|咗)?(?:的|嘅|嗰|果|那)"
)


def pledged_trees_planted(text: str) -> bool:
    """'认领的两棵荔枝今天种好了': the pledged trees said planted (a planting record), not a pledge."""
    return bool(_PLEDGED_PLANTED_RE.search(to_halfwidth(text or "")))


def is_pledge(text: str) -> bool:
    """'认领 2棵荔枝', '认领了两棵龙眼', '认领责任区': a claim or a pledge, not trees planted ('认领的两棵荔枝今天种好了'
    is: ``pledged_trees_planted``)."""
    return bool(_PLEDGE_VERB_RE.search(to_halfwidth(text or ""))) and not pledged_trees_planted(text)


# A complaint or a symptom about a tree is a question, never a planting report, whatever count or tree name
# it holds: '叶子被虫咬了好多洞', '我家3棵龙眼种了五年还不结果', '桂花叶子黄了', '刚种的桂花死了一棵', or what someone
# did to them ('邻居把我种的桂花砍了两棵', '种的3棵龙眼被人挖走了').
_COMPLAINT_RE = re.compile(
    r"不结|没结|不挂果|没挂果|不开花|没开花|不长|长不|没长|不发芽|没发芽|不活|没活|活不|"
    r"[唔冇](?:结|挂果|开花|长|见长|发芽|活|生)|"  # Cantonese 唔 / 冇 (not): '种咗三年嘅龙眼都唔结果'
    # round 44 (19r): no new leaves or buds ('一个月都唔发新叶', '冇出新芽', '还没发新芽')
    r"(?:不|没|没有|唔|冇|未)(?:出|发|长|见)(?:过)?新(?:叶|芽|枝|梢)|"
    r"黄了|黄咗|黄晒|黄哂|发黄|变黄|黄叶|枯|死|烂|虫|病|斑|霉|白粉|流胶|掉叶|落叶|叶子掉|掉果|落果|掉光|卷|蔫|萎|焦|洞|裂|蛀|啃|咬|"
    # round 49 (conv50's note): yellow by degree ('刚才那两棵荔枝叶子有点黄', '叶好黄', '啲叶开始黄'), never 黄皮 (a tree)
    r"叶(?:子|片)?[^\s，。,.!！?？]{0,3}?黄(?!皮)|(?:有点|有些|有啲|好|很|越来越)黄(?!皮)|"
    # round 70 (21c): every one (or all of them, or some counted) yellow, no part said ('种咗三棵 三棵都黄', '全部黄', '有两棵黄')
    r"(?:都|全部|全都)黄(?!皮)|"
    rf"(?:{_NUM})(?:棵|株)(?:都|也|就)?黄(?:了|咗|晒)?(?=$|[\s，,。.!！?？])|"
    r"发黑|变黑|黑了|发白|倒了|断了|歪了|不行了|"
    # done to the trees by someone: '邻居把我种的桂花砍了两棵' (it had become a record of 2棵桂花)
    r"砍|偷|拔[了掉走光]|挖[走掉]|铲|踩坏|压坏|撞[断倒坏]|弄坏|搞坏|破坏|毁"
)
# Planted long ago: '种了五年', '栽了3个月', '种了好几年' (how long a tree has stood, not a planting to log).
# round 44 (19r): put in the ground (种落去, 种下去) that long, or a whole month (成个月, 整个月)
_PLANTED_FOR_RE = re.compile(
    rf"[种栽](?:了|下|好|咗|埋|落)?(?:去|下去|落去)?(?:了|咗)?\s*(?:{_NUM}|半|多|好几|几|十几|成|整)\s*(?:个)?\s*"
    r"(?:年|月|星期|礼拜)"
    r"|[种栽](?:了|咗)?(?:好久|很久|多久|多年|好耐)"
)
# Words of having planted: with a tree name they start a record even without a count.
# round 65: Cantonese 种低 and 种番 (put in, planted back) too ('琴日种低咗')
_PLANTED_RE = re.compile(r"种了|栽了|种下|种好|种上|补种了?|新种|刚种|才种|[种栽](?:咗|埋|落|低|番)|种左(?![边手面])")
# round 46: what was planted told as 'what I planted is' (Hakka '𠊎种个系桂花 一头', normalised 我种个是; 我种的是龙眼), never
# what one means to plant ('我想种的是桂花'): with a count a record (the tree alone may be the ticket's, told of it)
_WHAT_I_PLANTED_RE = re.compile(r"(?<=[我们])(?:种|栽)(?:个|的|嘅)(?:是|系|係)")
# round 46 (19s): bamboo planted by setting its culms in (插, 扦), counted by 条 or 根 ('阿爸话佢今日喺田边插咗十条竹'): trees
# planted; never stakes (竹竿, 竹杆, 竹棍, 竹架, 竹片, 竹签: '插咗两条竹竿撑住'), nor
# to hold a tree up ('插咗两条竹 撑住棵龙眼'); round 51 (19w): 好 before 咗 ('种好咗三条竹')
_BAMBOO_SET_RE = re.compile(
    rf"(?:插|扦|种)(?:好|落|下)?(?:了|咗|落|下|好)?(?:去)?(?P<n>{_NUM})(?:条|根|支|枝|棵|兜|蔸|丛)"
    r"(?P<bamboo>(?:麻|青皮|粉单|佛肚|吊丝)?竹(?:子|苗)?)(?![竿杆棍架片签枝尾叶篙])(?!.*(?:撑|绑|扶|固定|支架|支住|顶住))"
)
# round 59 (20l): 苗 (a seedling) as the trees' measure word, right after a number, a tree named ('木棉一苗', '种咗三苗龙眼'):
# 棵; never one per hole or per plant said ('每穴种一苗', '一穴两苗'), nor 苗 beginning a word (苗木, 苗圃, 苗期)
_SEEDLING_MEASURE_RE = re.compile(rf"(?<![每提第穴株])(?P<n>{_NUM})苗(?![木圃期龄床])")
# round 46: Hakka 头 as the trees' measure word, after a number, at the end or before a tree's name; read only with words
# of having planted ('一头', '两头' are also 'one end', 'both ends': '两头都绑咗竹' stays); conv83a (21z): before a tree off
# the list too ('种了两头柚子': ``others``, species.toml [offlist])
_HAKKA_HEAD_RE = re.compile(rf"(?<=[{_CN_NUM}\d])头(?=(?P<after>[\u4e00-\u9fff]{{0,5}})$)")


def _hakka_heads_as_trees(body: str, species_table: Mapping, others: Iterable[str] = ()) -> str:
    def measure(found: re.Match[str]) -> str:
        after = found["after"]
        if after in ("", "树", "树苗", "苗") or any(name and after.startswith(name) for name in others):
            return "棵"
        species, written = find_species(after, species_table)
        return "棵" if species and after.startswith(written) else found.group(0)

    return _HAKKA_HEAD_RE.sub(measure, body)


# The campaign's rule told or heard, not trees planted ('听说每户要种两棵', '书记要种五棵'): no record without words of
# having planted (round 10: such texts became records of 2棵“听说每户”)
_RULE_TALK_RE = re.compile(
    r"听说|听讲|听人|人家说|是不是真|每户|每家|每人|每个人|至少|起码|最少|最低|规定|要求|任务|指标|目标|名额|要种"
)  # not who (书记, 党员): '党员责任区 3棵香樟' is a record; '要种' is what the rule asks, not what was planted


# round 54: points asked or told ('党员积分种一棵树算几分', '种两棵龙眼有几多分'): the party members' points are a question
# (the FAQ's camp.party_points), never a planting record of 1棵“树算几分”
_POINTS_RE = re.compile(r"积分|(?:算|得|加|记|有|给)(?:几|多少|几多)分|加分")
# round 54: trees planted along a stretch, no count ('种了两条路的树', '种咗成条村道嘅树', '一排树', '村道两边都种了树'): a
# record with its count asked, as for '好多' (never a record of 2 nor a ticket)
_STRETCH_RE = re.compile(
    rf"(?:{_NUM}|成|整|满)\s*(?:条|排|行|片|路)[^，。,\s]{{0,4}}?(?:树|苗)"
    r"|(?:路|道|街|河|渠|塘)(?:两边|两旁|两侧|边上)[^，。,\s]{0,4}?(?:树|苗)"
)

# A slip being corrected ('我打错了 三棵发成三十棵了'): the bot.cancel answer, never a new record.
# round 89 (last session's note: '再报多两棵荔枝' after a record had been asked back): 报多, 多报 after 再, 要 or 又 report
# more (Cantonese 再报多: report some more), never too many reported
_CORRECTION_RE = re.compile(
    r"打错|发错|写错|记错|报错|填错|发成|写成|打成|填成|(?<!再)(?<!要)(?<!又)(?:报多|多报)|报少|少报|作废"
)


# round 22: that tree (talked about before) told as planted back then ('嗰棵桂花系上个月先种落去嘅 种喺屋门口', '那棵龙眼是去年
# 种的'): its history, for a ticket about it, never a record
_THAT_TREE_RE = re.compile(r"^(?:那|嗰|这)(?:棵|株)")
_BACK_THEN_RE = re.compile(r"上个?月|上个星期|上礼拜|去年|前年|旧年|上年|年前|月前|几年|好多年|那时")


# round 33b: a tree said to have been planted only back then, with no count ('桂花系上个月先种落去嘅 种喺水泥地边', '龙眼是
# 去年才种的'): its history, told of a tree asked about, never a record (a late record says its count: '3棵桂花是上个月种的')
_ONLY_BACK_THEN_RE = re.compile(
    r"(?:系|是)(?:上个?月|上个?(?:星期|礼拜|周)|去年|前年|旧年|上年|年前|月前|年头|年初|开春|过年前|前几日|前几天|前两日|前两天)"
    r"(?:先|才|至|正|刚)(?:种|栽)"
)


def is_complaint(text: str) -> bool:
    """A symptom or complaint about a tree ('桂花叶子黄了', '种了五年还不结果'), or a tree that has stood for
    years ('我家龙眼种了五年') or that tree's history ('那棵龙眼是去年种的'): a question for the FAQ or an adviser, never
    a planting record."""
    text = to_halfwidth(text or "")
    return bool(
        _COMPLAINT_RE.search(text)
        or _PLANTED_FOR_RE.search(text)
        or (_THAT_TREE_RE.match(text.strip()) and _BACK_THEN_RE.search(text))
        or (_ONLY_BACK_THEN_RE.search(text) is not None and parse_count(text) is None)
    )


# round 25: how the planter feels, told with the trees planted ('今日同老公喺后山种咗四棵荔枝 攰到死 腰都直唔返', '种了两棵龙眼
# 累死了'): the planter's lot, not the trees' trouble, left out before the complaint is read. A clause of the planter's
# body or tiredness naming no tree nor part of one; 'tired to death' inside a clause (累死, 攰到死; not 晒死: the sun kills
# trees)
_PLANTER_RE = re.compile(
    r"累|攰|辛苦|腰|起泡|背脊|背痛|膊头|肩膀|手脚|脚痛|手痛|脚软|手软|骨头|出汗|汗|顶唔顺|顶不顺|饿|口渴|喘"
)
_TREE_OR_PART_RE = re.compile(rf"树|苗|叶|花|果|枝|根|皮|{_MEASURE}")
_TIRED_TO_DEATH_RE = re.compile(r"(?:累|攰|饿|忙|热)(?:到|得)?(?:要|快)?死(?:我|人)?(?:了|啦|咯|喇)?")
# every pause voice input or typing puts between clauses, question marks and colons too: the one splitter of the
# readers that take a text clause by clause (bot/planting.py, handlers/core.py, ``echoed_then_answered``)
PAUSES_RE = re.compile(r"[\s,，、:：;；。!！?？~～]+")
_CLAUSE_PAUSES_RE = re.compile(r"[\s,，、;；。!！~～]+")


def without_the_planters_lot(text: str) -> str:
    """``text`` without what it tells of the planter (tired, aching) when trees are said planted in it: '种咗四棵荔枝
    攰到死 腰都直唔返' -> '种咗四棵荔枝'; any other text as it is."""
    if not _PLANTED_RE.search(text) or not (_PLANTER_RE.search(text) or _TIRED_TO_DEATH_RE.search(text)):
        return text
    clauses = [c for c in _CLAUSE_PAUSES_RE.split(text) if c]
    kept = [
        told
        for clause in clauses
        if (told := _TIRED_TO_DEATH_RE.sub("", clause))
        and not (_PLANTER_RE.search(told) and not _TREE_OR_PART_RE.search(told))
    ]
    return " ".join(kept) if kept and any(_PLANTED_RE.search(c) for c in kept) else text


# round 54 (20e): what is said before the trees planted that is no part of the report, left out: a voice message's line
# check ('喂喂，系咪录紧？', '喂 听唔听到', '我同你讲') and adoption declined ('唔要认养啦', '不用认种了'): the clauses first,
# only when trees are said planted after them
_BEFORE_THE_REPORT_RE = re.compile(
    r"^(?:喂)+(?:喂|呀|啊|哈)*$"
    r"|^(?:喂)*(?:系咪|是不是|是否|有冇|有没有|有无)?(?:在)?(?:录紧|录着|录音|在录|录到|录得到|听到|听得到|听唔听到|听不听到|听不听得到)"
    r"(?:未|吗|没有|呀|啊|嘛)?$"
    r"|^(?:我)?(?:同|跟|和|话)你(?:讲|说|知)(?:啊|呀|哦)?$"
    # round 89 (22h: '你知唔知 我今朝跟支部喺村口种咗两棵木棉啊'): do you know, asked only to tell what follows
    r"|^(?:你|您)(?:知唔知|知不知|知不知道|知唔知道|知道吗|知道不|知冇|知道没有)(?:呀|啊|哦|吖|吗|嘛)?$"
    r"|^(?:我)?(?:不要|唔要|不用|唔使|不使|无使|不需要|唔需要)(?:再)?(?:认养|认种)(?:了|啦|喇|咯|嘞|喔)?$"
)
_BEFORE_PAUSES_RE = re.compile(r"[\s,，、;；。!！~～?？]+")


def without_what_comes_first(text: str) -> str:
    """``text`` without the clauses before a report of trees planted that are none of it (``_BEFORE_THE_REPORT_RE``):
    '喂喂，系咪录紧？我同你讲，今日朝早…种咗两棵龙眼' -> '今日朝早…种咗两棵龙眼'; any other text as it is."""
    clauses = [c for c in _BEFORE_PAUSES_RE.split(text) if c]
    first = 0
    while first < len(clauses) - 1 and _BEFORE_THE_REPORT_RE.match(clauses[first]):
        first += 1
    rest = " ".join(clauses[first:])
    return rest if first and _PLANTED_RE.search(rest) else text


# round 56 (the lead, in the simulator: '我种错咗地方 种咗喺人哋块地' joined an open ticket about a yellowing 桂花 as its 补充;
# '棵龙眼种错咗地方 种咗喺别人块地' started a record): trees planted on another's land, a land matter of its own (the village's
# or the adviser's), never a record nor the detail of another tree's trouble; raw or normalised text
_LAND_MATTER_RE = re.compile(
    r"(?:种|栽)(?:了|咗|错|在|到|落|喺|入)*[\u4e00-\u9fff]{0,4}?(?:别人|人家|人哋|邻居家|邻居|隔壁家|隔篱屋|隔篱|隔壁)"
    r"(?:的|嘅|块|家的|屋)*(?:地|田|山|土地|宅基地|农田)"
)


def land_matter_told(text: str) -> bool:
    """Round 56: trees planted on another's land ('种咗喺人哋块地', '种到邻居家的地里')."""
    return bool(text) and bool(_LAND_MATTER_RE.search(text))


# round 47 (19t): the same tree (同一棵, 同一株) points at one talked about, never a count
_SAME_TREE_RE = re.compile(rf"同一{_MEASURE}")


def same_tree_said(text: str) -> bool:
    """'同一棵' (同一株 …): the tree already talked about. Planting's count reader and escalation's pointing words
    (``escalation.points_at_ticket_tree``) both read it here (round 48: one source)."""
    return bool(_SAME_TREE_RE.search(text))


# round 56 (20f): another tree pointed at (另一棵, 另外一棵, 隔壁那棵), to compare the one talked about with it ('旁边另一棵桂花
# 没事 就这棵黄'): one tree already there, never a count of trees planted (with words of having planted it is one:
# '又种了另一棵龙眼')
_ANOTHER_TREE_RE = re.compile(
    rf"(?:另|另外)(?:一|那|这|嗰|呢)?{_MEASURE}|(?:旁边|隔壁|隔离)(?:的|嘅)?(?:那|这|嗰|呢){_MEASURE}"
)


def another_tree_said(text: str) -> bool:
    """Round 56: '另一棵' (另外一棵, 隔壁那棵 …): a tree pointed at beside the one talked about."""
    return bool(_ANOTHER_TREE_RE.search(text))


# round 48 (19v): 'planted a tree' with the measure word and no number ('种咗棵桂化喺门口', Cantonese and colloquial): one
_ONE_TREE_UNSAID_RE = re.compile(r"(?<=[种栽](?:了|咗|左|下|好|埋|落))(?=[棵株](?![树苗子]))")


# round 74 (21l): the photo just sent said to be of the trees ('啱先张相系我屋后嗰两棵柚子树', '呢张相系我门口嗰棵黄皮'): the
# trees it shows are the report (pointed at, 嗰 两棵, they are no trees described; 嗰棵 alone is one), the words of the
# photo left out
_PHOTO_IS_OF_RE = re.compile(
    r"^(?:啱先|头先|刚才|刚刚|啱啱|之前)?(?:发的|发嘅|影的|影嘅|拍的)?(?:嗰|那|呢|这|个)?(?:一)?(?:张|个|幅)?"
    r"(?:相片|照片|相|图片|图)(?:里面|里头|入面)?(?:系|是|係|影嘅系|影的是|拍的是|拍嘅系)(?:我|我们|我屋企|我家)?(?:的|嘅)?"
)
_OTHERS_TREES_RE = re.compile(r"隔壁|隔篱|隔离|别人|人哋|人家|邻居|邻舍|村里|公家")
_PHOTOS_TREES_POINTED_RE = re.compile(r"(?:嗰|那|呢|这)(?=(?:[一两二三四五六七八九十几\d]{1,3})?(?:棵|株))")


def photo_trees_said(text: str) -> str | None:
    """Round 74: the trees the photo just sent is said to show, as a report ('啱先张相系我屋后嗰两棵柚子树' -> '屋后两棵柚子树',
    '呢张相系我门口嗰棵黄皮' -> '门口一棵黄皮'); None when the text says no such thing."""
    said = _PHOTO_IS_OF_RE.match(text or "")
    if said is None or said.end() == len(text):
        return None
    rest = text[said.end() :]
    if _OTHERS_TREES_RE.search(rest):  # a neighbour's tree shown ('张相系隔篱嗰棵龙眼'): none of the sender's planting
        return None
    pointed = _PHOTOS_TREES_POINTED_RE.search(rest)
    if pointed is None:
        return None
    rest = rest[: pointed.start()] + rest[pointed.end() :]
    tail = rest[pointed.start() :]
    if tail[:1] in ("棵", "株"):
        rest = rest[: pointed.start()] + "一" + tail
    return rest


# round 80 (set BJ): a measure word said twice after 一 ('一丛丛寄生', '一棵棵红晒死', '一棵棵种落去') tells how they come,
# one by one or in clusters: no count (it had been 1 of a tree called 丛寄生)
_ONE_BY_ONE_RE = re.compile(rf"一({_MEASURE})\1")


def parse_planting_text(text: str, species_table: Mapping, others: Iterable[str] = ()) -> PlantingText | None:
    """A planting report ('3棵桂花', '桂花三棵', '种了两棵龙眼',
    '党建林 2.5亩 120棵 香樟', '代种 张三 2棵龙眼', '认种了3棵龙眼'), or None for anything
    else: questions, complaints and symptoms ('我家龙眼种了五年还不结果'), adoption wishes ('认种一棵树'), pledges ('认领 2棵荔枝'),
    corrections ('三棵发成三十棵了'), the campaign's rule told without words of having planted ('听说每户要种两棵').
    A record starts from a count, or from a tree name with words of having planted ('种了桂花', '新种的龙眼');
    a vague amount without a measure word ('好多', '不少') only with words of having planted.
    ``others``: trees off the list ('发财树'), kept whole as written (``extract_unknown_species``)."""
    others = tuple(others)
    text = to_halfwidth(text or "").translate(_OUTSIDE_CJK)  # round 46: Hakka 𠊎 is 我 ('𠊎种个系桂花 一头')
    # round 66 (20v): and 涯 typed for it, read as the readers of requests read it ('涯种个系杨梅 两头': 我种个)
    text = command_characters_fixed(text)
    text = _BAMBOO_SET_RE.sub(r"种了\g<n>棵\g<bamboo>", text)  # round 46 (19s): '插咗十条竹'
    text = _ONE_TREE_UNSAID_RE.sub("一", text)  # round 48 (19v): '种咗棵桂化喺门口': 种咗一棵
    text = _ONE_BY_ONE_RE.sub("", text)  # round 80: '树上长咗一丛丛寄生', '一棵棵红晒': one by one, no count
    text = _PLEDGED_ONES_SAID_RE.sub(
        "", text
    )  # round 65 (20t): '一棵木棉 系我认领果棵': the trees told are the record's
    if "苗" in text and "每" not in text and find_species(text, species_table)[0]:
        text = _SEEDLING_MEASURE_RE.sub(r"\g<n>棵", text)  # round 59 (20l): '木棉一苗': 一棵, a tree named
    proxy, body = parse_proxy(text, species_table)

    told_for = planted_for(body, species_table) if proxy is None and not _PROXY_VERB_RE.match(body) else None
    if told_for:  # round 40: '我帮隔壁阿婆种了一棵龙眼': another household's trees
        proxy, body = told_for
    another = (
        told_of_another(body, species_table)
        if proxy is None and told_for is None and not _PROXY_VERB_RE.match(body)
        else None
    )
    if another:  # sim71: '陈大伯话佢种咗三棵龙眼', '佢话种咗两棵荔枝 帮佢记落'
        proxy, body, named = another
        told_for = (proxy, body) if named else None
    body = without_the_planters_lot(without_what_comes_first(to_halfwidth(body or "").strip()))
    unnamed = proxy is None and (bool(_PROXY_VERB_RE.match(body)) or told_for is not None)
    if unnamed:  # '代种 2棵龙眼', '代种李子2棵': the trees are read, the sender is asked whose they are
        body = _PROXY_VERB_RE.sub("", body, count=1).strip()
    if (
        not body
        or (is_question(body) and not _vague_report(body))
        or interval_asked(body)  # round 80 (21u): '荔枝种下去几天要淋水'
        or is_adoption_wish(body)
        or is_complaint(body)
        or is_pledge(body)
        or _CORRECTION_RE.search(body)
        or _POINTS_RE.search(body)
        or land_matter_told(body)  # round 56: a land matter, never a record
        or trees_described(body)
        or not_to_be_counted(body)  # round 59 (20k): '唔好算啱先嗰两棵荔枝', never a record
        or _PLANTING_FOR_WISHED_RE.match(body)  # the lead (forty-second session): '想为阿妈种一棵桂花', a wish
    ):
        return None
    planted_verb = bool(_PLANTED_RE.search(body))
    if not planted_verb and (same_tree_said(body) or another_tree_said(body)):  # round 56: another tree pointed at
        return (
            None  # round 47 (19t): the tree already talked about ('补多张相 系同一棵桂花'), no count of trees planted
        )
    if planted_verb or _WHAT_I_PLANTED_RE.search(body):  # round 46: Hakka 头 as a measure ('𠊎种个系桂花 一头')
        body = _hakka_heads_as_trees(body, species_table, others)
    if not planted_verb and (_RULE_TALK_RE.search(body) or _TREE_STATE_RE.search(body)):
        return None
    if _VILLAGE_PLANTED_RE.match(body):
        return None
    count = parse_count(body)
    if count and count.vague and not re.search(_MEASURE, count.matched) and not planted_verb:
        count = None  # '院子里好多树': an amount, not trees planted
    if count is None and planted_verb and (stretch := _STRETCH_RE.search(body)):
        count = CountResult(None, True, "", stretch.group(0))  # round 54: '种了两条路的树': how many is asked
    area = parse_area_mu(body)
    if not (count or area is not None or planted_verb):
        return None  # as below whatever tree it names ('你好', most texts): the tree search is the costly part
    site = find_site(body)
    species, species_text = find_species_as_heard(body, species_table)  # round 54: '三颗力枝' is 荔枝
    unknown = False
    if species is None and count is not None and count.unit == "根" and not planted_verb:
        return None  # 根 counts sticks, pipes and roots too ('挖树穴挖到一根水管', '树头绑了一根竹竿'): no tree said
    if species is None and count is not None:
        species_text = extract_unknown_species(body, others) or ""
        unknown = bool(species_text)
    # a 代种 is about trees: '代种 张三 2棵' is a record that asks its tree ('3棵' alone is no report)
    has_tree = species is not None or unknown or "树" in body or "苗" in body or proxy is not None or unnamed
    if not (count or area is not None) and not (species and planted_verb):
        return None
    if not has_tree and area is None and site not in ("党建林", "主题林", "示范点"):
        return None
    several = several_trees(body, species_table) if count and not count.vague and area is None else []
    differs = parts_against_total(body, species_table) if count and not count.vague and area is None else None
    if several:
        (first, species), species_text = several[0], several[0][1]
    return PlantingText(
        count=first if several else count.count if count else None,
        vague=bool(count and count.vague),
        species=species,
        species_text=species_text,
        unknown_species=unknown,
        site_kind=site,
        area_mu=area,
        proxy_name=proxy,
        proxy_without_name=unnamed,
        unheard=unknown and species_text not in others,
        more=tuple(several[1:]),
        for_another=told_for is not None,
        total_differs=differs,
        of_someone=another is not None and not another[2],
    )


# sim71 (leftover of sim70): where to plant asked with no tree named ('种在哪里好', '种喺边度好啲'): which tree is asked back
# (the answer is each tree's), never a question for the adviser; a place or a tree named is the FAQ's ('荔枝种在哪里好')
_WHERE_UNNAMED_RE = re.compile(
    r"^(?:请问|想问下|想问一下|问下)?(?:我|我的|我们|我家)?"
    # tidy75 (sim71's '树苗种哪里合适' had the planting depth): the seedlings pointed at or said bought or given
    r"(?:这些|那些|些|新买的|买回来的|买来的|刚买的|村里发的|发的)?"
    r"(?:树|树苗|苗|果苗|果树|小树|这些树|这棵树|棵树)?(?:应该|最好|要)?"
    r"(?:(?:种|栽)(?:在|到|落)?|(?:种树|栽树)(?:要)?选(?:在)?)"
    r"(?:哪里|哪儿|哪|什么地方|什么位置|哪个位置|哪个地方|哪些地方|哪块地|哪块)(?:比较|最)?(?:好|合适|好些|适合|更好)?"
    r"(?:呢|啊|呀|啦|的|嘅|咧)?$"
)


def where_to_plant_unnamed(norm: str) -> bool:
    """'种在哪里好', '树苗种哪里合适', '这些苗栽哪里好' (normalised): where to plant asked, no tree nor place named; the FAQ
    answers none (each tree's sites are its own: bot/faq.py abstains) and which tree is asked back (handlers/faq.py)."""
    return bool(_WHERE_UNNAMED_RE.match(norm or ""))


# someone of the village, not the village ('村里有户人冇微信 种咗三棵树 点同佢报': how to log for them)
_SOMEONE_OF_THE_VILLAGE_RE = re.compile(r"有户|有个|有位|有啲|有些|有人|有家|佢|他|她|点|怎")


def village_count_told(text: str) -> bool:
    """sim71: the village's (or everyone's) trees told as a count planted ('村里今日种咗三十棵', '今天全村种了120棵'): no
    record of the sender's (``_VILLAGE_PLANTED_RE``), nor a question for the adviser; never a question ('村里种咗几多棵')
    nor the village's plot ('村里党建林种咗三亩')."""
    body = to_halfwidth(text or "").strip().rstrip("。.!！~～ ")
    if not _VILLAGE_PLANTED_RE.match(body) or is_question(body) or _SOMEONE_OF_THE_VILLAGE_RE.search(body):
        return False
    return bool(_PLANTED_RE.search(body)) and bool(re.search(rf"{_NUM}\s*{_MEASURE}", body))


# round 37: with no words of having planted, trees told of otherwise: how trees planted before are doing ('两棵桃树开花了',
# '三棵龙眼都活了', '我家门口那两棵桂花长得好好'), harmed ('两棵柿子树被牛吃了'), not planted yet ('我买了十棵苗 还没种'),
# or seedlings received ('村里发了三棵苗给我'): no planting record (one starts from words of having planted, a photo or a
# count: '我想种两棵龙眼' waits for its photo)
_TREE_STATE_RE = re.compile(
    r"开花|开咗花|开了花|结果|结了果|结咗果|挂果|发芽|出芽|抽芽|长叶|出叶|抽梢|出新叶|长高|长大|成活|活了|活咗|都活|全活"
    r"|长得(?:很|好|几|挺|蛮|非常)?(?:好|靓|快|高|大|不错|壮)|长势"
    r"|被(?:牛|羊|鸡|鸭|鹅|猪|狗|虫|老鼠|人|风|台风|水)(?:吃|啃|踩|拔|偷|撞|咬|吹|浸|冲)"
    r"|还没种|还未种|仲未种|没有种|未种|没种"
    r"|(?:发了|发咗|领了|领咗|领到|拿到|分到|分了|买了|买咗|送了|送来)[^，。,\s]{0,6}?(?:苗|树苗)"
)
# round 57: trees described, not reported: their age (planted a past year: '系前年种嘅 有三棵', '去年三月种的', unless this
# year's are told too), or which of them the trouble is on ('得一棵系咁 其他几棵冇事', '三棵里面只有一棵这样', '8棵都系咁')
_PAST_YEAR_PLANTED_RE = re.compile(
    r"(?:去年|前年|旧年|上年|大前年|早几年|几年前|[一两二三四五六七八九十\d]+年前)(?:[^\s，。,！!？?]{0,4}?)(?:种|栽)"
)
_THIS_YEAR_RE = re.compile(r"今年|今日|今天|今朝|今早|头先|啱啱|刚刚|刚才|又种|再种|补种")
_TREES_COMPARED_RE = re.compile(
    r"(?:其他|其余|其它|别的|剩下|隔篱|旁边|另外)[^，。,！!？?]{0,6}?"
    r"(?:冇事|没事|无事|好好|正常|冇问题|没问题|都好|还好|健康|好地地|唔系咁|不是这样|没这样)"
    r"|(?:只有|得|就)(?:这|呢|嗰|那)?[一\d](?:棵|株|头|兜)(?:系|是)?(?:咁|这样|那样|有事|有问题)"
    # round 71 (21e): 咁样, 噉 (Cantonese: like this) too ('成排都系咁样')
    r"|(?:都|全部|全都|个个|棵棵)(?:系|是)?(?:咁样|噉样|咁|噉|这样|那样|一样|有)(?=$|[\s，。,！!？?])"
)


# round 59 (20k): trees said not to be counted, recorded or reported ('唔好算啱先嗰两棵荔枝', '不要记昨天那三棵', '嗰两棵
# 荔枝唔好计'), or their record taken back (删, 撤销, 作废, 不作数): a withdrawal or a refusal, never a planting record
# (not 不算多, 不记得: an amount judged, a memory)
_NOT_COUNTED_RE = re.compile(
    r"(?:不要|别|不用|不|莫)(?:算|计|记|登记|报|录|记录)(?!多|少|太|很|得|错|是)|不作数|不算数|不作准|删|撤销|撤回|撤掉|作废"
)
_NOT_COUNTED_HINT_RE = re.compile(r"[不别唔莫删撤废]")


# round 80 (21u): a record said wrong because its trees are not planted yet ('刚才那个说错了还没种呢是准备种', '唔好意思 仲未种
# 准备种先'): a slip or apology said, or the planting still to come, with not planted yet (never 还没种好, 未种完: not
# finished, still a record's)
_NOT_PLANTED_YET_RE = re.compile(r"(?:还|仍|都)?(?:没有|没|未)(?:有)?(?:种|栽)(?![好完活下落了])")
# tidy81: one slip/sorry word list, read here and by the reminders wanted back after a slip (``again_after_a_slip``)
_SLIP = r"(?:说|讲|打|写|报|发|弄|搞|记|点|按|揿|撳|退)错"
_SORRY = r"不要意思|不好意思|对不起|抱歉|sorry"
# conv110 (23g: '唔好意思 唔认领住 取消认领'): the same sorry as sent, before ``normalize`` (唔好意思, 对唔住), for the readers of
# the text as sent (bot/pledges.py)
SORRY_SAID = rf"唔好意思|对唔住|对不住|Sorry|{_SORRY}"
_SLIP_OR_SORRY_RE = re.compile(rf"{_SLIP}|{_SORRY}")
_TO_PLANT_RE = re.compile(
    r"(?:准备|打算|计划|想|等|迟些|过几天|下个月|下个礼拜|下周|明天|明年|改天)(?:再)?(?:才)?(?:种|栽)"
)


# the photo to come once they are planted ('还没种 明天种了再拍', round 37): the record keeps waiting for it, no retraction
_PHOTO_TO_COME_RE = re.compile(r"(?:再|才|先)(?:拍|影|发)(?:相|照|照片|图)?")


def not_planted_yet_said(norm: str) -> bool:
    """Round 80: the record just told is wrong, its trees not planted yet (``_NOT_PLANTED_YET_RE`` with a slip said or
    the planting still to come), on the ``normalize``d text; never with the photo said to come after
    (``_PHOTO_TO_COME_RE``)."""
    return bool(
        norm
        and _NOT_PLANTED_YET_RE.search(norm)
        and (_SLIP_OR_SORRY_RE.search(norm) or _TO_PLANT_RE.search(norm))
        and not _PHOTO_TO_COME_RE.search(norm)
    )


def not_to_be_counted(text: str) -> bool:
    """Round 59: trees said not to be counted, or their record taken back (``_NOT_COUNTED_RE``, on the text normalised:
    唔好 is 不要)."""
    return bool(_NOT_COUNTED_HINT_RE.search(text or "")) and bool(_NOT_COUNTED_RE.search(normalize(text)))


# round 58 (20i): trees pointed at where they stand, 'those two' (嗰, 那) after the place ('就系种喺祠堂边嗰两棵桂花', '门口
# 那三棵龙眼'): trees already there, described; never with words of having planted them ('琴日种好咗我认领嗰三棵龙眼') nor
# said of today ('头先嗰两棵荔枝'); 呢, 这 (these here) may name a photo's trees, and stay a report
# '帮我登记屋后那三棵荔枝': those trees logged; round 80 (21s): reported late ('上礼拜…种的那五棵木绵我现在才来报', '…而家先嚟报')
_POINTED_LOGGED_RE = re.compile(
    r"登记|记录|上报|记低|记上|帮我记|报上|(?:来|嚟|补|才|先|现在)报|报(?:一下|下|给你|畀你|番|返)"
)
_TREES_POINTED_AT_RE = re.compile(rf"(?<=[{_CJK}])(?:嗰|那)(?:[一两二三四五六七八九十几\d]{{1,3}})(?:棵|株|头|兜|蔸)")


# round 61 (20n): which trees, told by when they were planted, the copula first ('系今年三月种嘅两棵', '是我去年栽的那三棵'):
# trees already talked of (a ticket's, a record's), described; said of today ('是今天种的两棵') it stays a report
_TREES_IDENTIFIED_RE = re.compile(
    rf"^(?:就|都)?(?:系|是|係)(?!今天|今日|今朝|今早|头先|啱啱|刚刚|刚才)[{_CJK}\d]{{0,8}}?(?:种|栽)(?:下|落)?(?:嘅|的|个)"
    rf"(?:嗰|那|这|呢)?(?:[一两二三四五六七八九十几\d]{{1,3}})(?:棵|株|头|兜|蔸)[{_CJK}]{{0,4}}$"
)


# the lead (forty-second session, set 21s in a ticket's window: '系嫩叶黑 三棵都系' had started a record of a tree called
# 系嫩叶黑): how many the trouble is on, said last ('三棵都系', '两棵都是这样', '几棵全部都咁'), no words of planting
_ALL_ALIKE_LAST_RE = re.compile(
    rf"{_NUM}\s*{_MEASURE}(?:树)?\s*(?:都|全|全部|全部都|晒)(?:系|是|这样|这么|咁|噉|一样)(?:的|嘅|样)?\s*[。.!！]*$"
)


def trees_described(body: str) -> bool:
    """Trees described, not reported (``_PAST_YEAR_PLANTED_RE``, ``_TREES_COMPARED_RE``, ``_TREES_POINTED_AT_RE``,
    ``_TREES_IDENTIFIED_RE``, ``_ALL_ALIKE_LAST_RE``): no record of them."""
    if _TREES_COMPARED_RE.search(body) or _TREES_IDENTIFIED_RE.match(body):
        return True
    if _ALL_ALIKE_LAST_RE.search(body) and not _PLANTED_RE.search(body):
        return True  # the lead (forty-second session)
    if (
        _TREES_POINTED_AT_RE.search(body)
        and not _PLANTED_RE.search(body)
        and not _THIS_YEAR_RE.search(body)
        and not _POINTED_LOGGED_RE.search(body)
    ):
        return True  # round 58
    return bool(_PAST_YEAR_PLANTED_RE.search(body)) and not _THIS_YEAR_RE.search(body)


# round 37: the village's (or everyone's) trees told, not the sender's ('今天全村种了120棵'): no record of the sender's.
# Round 61 (20m): not the village's plot named after it ('今日村里面党建林种咗三亩 大概一百五十棵秋枫'): the plot record a
# cadre logs (a plot from anyone else is refused by its rule, bot/planting.py ``needs_cadre``)
_VILLAGE_PLANTED_RE = re.compile(
    r"^(?:今天|今日|昨天|琴日|这次|今次)?(?:全村|村里|全组|全社区|大家|我们村|我们组|各家|每家"
    r"|我哋村|我地村|成条村|村入面|我哋组)"  # sim70: in Cantonese ('我哋村今日种咗三十棵' had asked of a tree “村”)
    r"(?!(?:面|里面|里|的|那边|那个|这个)?(?:党建林|主题林|示范点))"
)


def _vague_report(text: str) -> bool:
    """'今天种了十几棵' is a report with a vague count, not a question."""
    if not _PAST_RE.search(text):
        return False
    stripped = _VAGUE_RE.sub("", text)
    return not (_QUESTION_RE.search(stripped) or _VAGUE_QUESTION_RE.search(text))


def contains_any(text: str, words: Iterable[str]) -> bool:
    """True if any of ``words`` occurs in ``text``."""
    return any(w in text for w in words)


# --- what a short text asks the bot to do ------------------------------------------
# The command words in messages/replies (``[commands]``) are the exact forms; these readers catch the other ways of
# saying the same request (issue 17 §5): by its parts (who, what, which request), never by a list of sentences. Each
# reads ``normalize``d text (Cantonese already rewritten: 唔好 -> 不要, 几多 -> 多少, 点样 -> 怎么, 我哋 -> 我们), and
# only a short one: a long text is a story or a question, for the FAQ.
INTENT_MAX_CHARS = 20
# Voice input's fillers before what is said ('嗯那个就是我现在种了几棵了', '嗯 那个 登记 就是…'): left out before the
# readers (handlers/core.py), as punctuation is; '那个不要了' keeps its 那个 (no 嗯 before it, no 就是 or 我 after it)
# round 21: a voice message relayed or spoken for an elder: who asks first ('阿嬷问这个怎么用的', '孙子说种树有奖状…'), or
# the elder naming herself before 我 ('阿嬷我叫陈梅花…'); what follows is the request ('我阿爸系埔心村嘅' is no relay)
_RELAYED_BY = r"(?:我(?=阿|奶|爷|外|老|孙))?(?:阿嬷|阿婆|阿公|阿爷|阿奶|阿妈|阿爸|奶奶|爷爷|外婆|外公|老人家|孙子|孙女|妈妈|爸爸|我妈|我爸)"
_FILLERS_RE = re.compile(
    r"^(?:(?:嗯|呃|额|哦|噢|喂|诶|欸|唉)+(?:那个|这个|就是)*|那个(?=就是|我)(?:就是)?|就是(?=我)"
    rf"|{_RELAYED_BY}(?:问|话|讲|说|叫我问)|(?:阿嬷|阿婆|阿公|阿爷|奶奶|爷爷|外婆|外公)(?=我))"
)


# round 30 (19i): who the sender is, said first with no pause before a request ('我系党员认领三棵龙眼', '作为一名老党员我认领
# 一棵桂花', '本人是党员，认领两棵杨梅', '我代表村委认领二十棵秋枫'): left out before the request is read. Round 31: for every
# request (handlers/core.text_means, adoption), the 我 after it kept for the readers of one's own ('本人系老党员 我种咗几多棵')
_WHO_I_AM_RE = re.compile(
    r"^(?:(?:我|本人|𠊎|阮)(?:系|是|係|作为)?|作为)(?:一名|一个|一位|个)?(?:本村|村里)?(?:的|个)?(?:老|退休|退休老)?"
    r"(?:共产)?(?:党员|村干部|干部|两委干部|村民|群众|技术顾问|顾问)[\s,，、:：]*"
    # round 43 (19q): a village post, 是 left out ('我村书记 认领三棵 香樟'); never who said something ('我村书记说…': ours)
    r"|^(?:我|本人)(?:系|是|係|作为)?(?:本村|村里)?(?:的)?(?:村)?(?:党支部书记|支部书记|书记|支书|主任|村长|副主任|委员)"
    r"(?![说讲话叫让要讲问通知])[\s,，、:：]*"
    r"|^(?:我|本人)?代表(?:村委会|村委|村两委|两委|村党支部|党支部|支部|村里|全家|我家|家里)[\s,，、:：]*"
)


# round 61 (20m): the capacity one acts in, said inside the request ('我想以党员身份认养一棵木棉', '用党员嘅身份认种',
# '以个人名义'): an aside, as who the sender is said first is
_AS_WHOM_RE = re.compile(
    r"(?:以|用|凭|作为)(?:一名|一个|一位|个)?(?:本村|村里)?(?:的)?(?:老|退休)?(?:共产)?"
    r"(?:党员|村干部|干部|两委干部|村民|群众|个人|家庭|全家|村委|村委会|支部|党支部)(?:的)?(?:身份|名义)"
)


def without_who_i_am(text: str) -> str:
    """A text without who the sender is said first ('我系党员认领三棵龙眼' -> '认领三棵龙眼'), or the capacity said inside
    it ('我想以党员身份认养一棵木棉' -> '我想认养一棵木棉'); as it is when nothing is left after it."""
    rest = _AS_WHOM_RE.sub("", _WHO_I_AM_RE.sub("", text or "", count=1), count=1)
    return rest if rest.strip() else text


def without_fillers(norm: str) -> str:
    """A ``normalize``d text without the fillers voice input begins it with."""
    return _FILLERS_RE.sub("", norm, count=1) if norm else norm


# round 69 (21a): the same fillers in a text as sent, with the pauses voice input writes between them ('嗯 那个 我认领两棵
# 龙眼 三月尾先种', '呃，就是，我…'), for the readers of the text as sent (the pledge's, the record's); something must follow
_PAUSE = r"[\s,，、。.…~～]*"
_SPOKEN_FILLERS_RE = re.compile(
    rf"^(?>{_PAUSE}(?:(?:(?:嗯|呃|额|哦|噢|诶|欸|唉){_PAUSE})++(?:(?:那个|这个|就是){_PAUSE})*+"
    rf"|那个{_PAUSE}(?=就是|我)(?:就是{_PAUSE})?|就是{_PAUSE}(?=我)))(?=\S)"
)


def without_spoken_fillers(text: str) -> str:
    """A text as sent without the fillers voice input begins it with ('嗯 那个 我认领两棵龙眼' -> '我认领两棵龙眼'); a
    text of fillers only is kept ('嗯', '嗯嗯': chit-chat)."""
    return _SPOKEN_FILLERS_RE.sub("", text, count=1) if text else text


# round 72 (21c): 'can't you tell?' said first, the answer after it (after a photo: '你睇唔出咩 荔枝嚟㗎 两棵', '你认唔出咩 …',
# '唔识睇咩 …'): left out before the report is read (bot/planting.py read_whole)
_RHETORICAL_LEAD_RE = re.compile(
    r"^\s*(?:你|您|佢)?(?:都|仲|还)?(?:(?:睇|看|认|分|见)(?:唔|不|冇|没)(?:出|到|清)|(?:唔|不)(?:识|会)(?:睇|看|认))"
    r"(?:嚟|来)?(?:咩|吗|么|呀|啊|嘛|乜|啩|呢)?[\s,，。!！?？~～]+(?=\S)"
)


def without_rhetorical_lead(text: str) -> str:
    """A text as sent without 'can't you tell?' said first ('你睇唔出咩 荔枝嚟㗎 两棵' -> '荔枝嚟㗎 两棵')."""
    return _RHETORICAL_LEAD_RE.sub("", text, count=1) if text else text


# round 82 (21x, 21y, after a photo: '呃 嗰个 系 三棵 嘢 叫咩嚟 石榴', '一棵 唔知咩树 阿伯送嘅苗'): by voice, the tree's name
# searched for before it is said ('叫咩嚟', '那个叫什么来着', a bare 嘢: thing), or told not known ('唔知咩树'), each a
# clause of its own after the count: no question, left out before the report is read (bot/planting.py read_whole)
_WHAT = r"(?:咩|什么|乜|乜嘢|咩嘢|啥|啥子)"
_NAME_SEARCHED_RE = re.compile(
    rf"^(?:嘢|东西)?(?:那个|嗰个|呢个|这个)?(?:叫|叫做){_WHAT}(?:名)?(?:嚟|来着|来的|来|嚟㗎)?$"
    rf"|^(?:嘢|东西)?(?:那个|嗰个)?(?:系|是)?{_WHAT}(?:嚟|来着)$|^(?:嘢|东西)$"
)
_NAME_NOT_KNOWN_RE = re.compile(
    rf"^(?:我)?(?:唔知|不知道|不知|不晓得|唔清楚|不清楚|唔记得|不记得|忘了|忘记了)(?:叫|系|是)?{_WHAT}(?:树|品种|嘢|东西|名)?"
    r"(?:嚟|来的|嚟嘅)?$"
)
_POINTING_FILLER_RE = re.compile(r"^(?:嗰个|那个|呢个|这个|就系|就是|系|是)+$")  # before the count ('嗰个 系 三棵')
_COUNT_CLAUSE_RE = re.compile(rf"^(?:{_NUM})\s*(?:{_MEASURE})")


def without_name_searched(text: str) -> str:
    """A report by voice without the tree's name searched for or told not known, in clauses after its count ('三棵 嘢 叫咩嚟
    石榴' -> '三棵 石榴', '一棵 唔知咩树 阿伯送嘅苗' -> '一棵 阿伯送嘅苗'); a searched name must be said after it; any other
    text as it is."""
    clauses = [c for c in PAUSES_RE.split(text or "") if c]
    counted = next((i for i, c in enumerate(clauses) if _COUNT_CLAUSE_RE.match(c)), None)
    if counted is None:
        return text
    kept = [
        c
        for i, c in enumerate(clauses)
        if (i < counted and not _POINTING_FILLER_RE.match(c))
        or i == counted
        or (i > counted and not (_NAME_NOT_KNOWN_RE.match(c) or (_NAME_SEARCHED_RE.match(c) and i < len(clauses) - 1)))
    ]
    return " ".join(kept) if len(kept) < len(clauses) else text


# round 78 (21q): the question open set aside first ('桂花掉叶的事先不管 我家门口刚种了三棵龙眼', '先不说桂花了 …', '桂花的问题
# 等专家回复 …'): the report after it is read alone (bot/planting.py read_whole), never the tree of the question
_SET_ASIDE_LEAD_RE = re.compile(
    r"^\s*[^\s,，。!！?？]{0,12}?"
    r"(?:先不管|先唔管|不管住|唔管住|先不理|先唔理|唔理住|不理住|先不说|先唔讲|先不讲|先放一边|放一边先|暂时不管|暂时唔理"
    r"|等专家(?:回复|回|答|讲|睇))"
    r"[^\s,，。!！?？]{0,6}?(?:了|先|啦|吧|住|喇)?[\s,，。!！~～]+(?=\S)"
)


def without_set_aside(text: str) -> str:
    """A text as sent without the question open set aside first ('先不说桂花了 我今天种了两棵荔枝' -> '我今天种了两棵荔枝')."""
    return _SET_ASIDE_LEAD_RE.sub("", text, count=1) if text else text


# round 27: a word begun again after a pause, as a voice after a stroke or a stutter says it ('订 订阅 要 要提醒',
# '登记 登记 我叫 何 何水生'): a short clause the next one starts with (or repeats) is left out
_STUTTER_PAUSES_RE = re.compile(r"\s+")
STUTTER_MAX_CHARS = 3


def without_stutter(text: str) -> str:
    """A raw text without the short clauses said again at the start of the next one ('订 订阅' is 订阅, '要 要提醒' 要提醒);
    the pauses kept, so that the readers of clauses still read them."""
    if not text or " " not in text.strip():
        return text
    words = _STUTTER_PAUSES_RE.split(text.strip())
    kept: list[str] = []
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        if following and len(word) <= STUTTER_MAX_CHARS and following.startswith(word):
            continue
        kept.append(word)
    return " ".join(kept) if len(kept) < len(words) else text


# round 25: an aside a villager puts before or after a request: laughter and slang ('哈哈', 'hh', 'nb', 'yyds', '233'),
# thanks, greetings, a greeting to whoever reads ('阿姨你好呀'): no clause of the request (handlers/core.py text_tails and
# text_heads leave it out before reading the clauses around it)
_ASIDE_RE = re.compile(
    r"^(?:(?:哈|呵|嘻|嘿|嘻嘻|hh|h|nb|yyds|xswl|awsl|lol|xd|233|6|ok|emm|呜|耶|嘿嘿)+"
    r"|(?:阿姨|阿叔|叔叔|老师|师傅|领导|大家|各位|靓女|靓仔|姐姐|阿姐|大哥|书记|主任|专家|小助手|助手)?"
    r"(?:你好|您好|你们好|(?<=[姨叔师傅导家位女仔姐哥记任])好)(?:呀|啊|吖|啦|哦|喔)*"
    # round 65 (20s): a greeting of the time of day ('早晨 专家睇到未', '晚上好 老师…'), the one greeted after it or not
    r"|(?:早晨|早上好|早安|早|午安|中午好|下午好|晚上好|晚安)(?:阿姨|阿叔|叔叔|老师|师傅|领导|大家|各位|专家|顾问)?(?:呀|啊|吖|啦|哦|喔)*"
    r"|(?:麻烦|唔该|不该|多谢|谢谢|感谢|劳烦)(?:晒|你|您|你们|哂|啦|了|先|嗮)*"
    # who typed it for whom ('系𠊎帮佢打字', '阿媳帮𠊎打字', '孙女代打'): said of the message, not a request
    r"|(?:是|系|就是)?\S{0,4}?(?:(?:帮|替|同|代|给)\S{0,3}?(?:打字|打的字|打嘅字|打个字|发的字|发嘅字)|代打|代发"
    r"|(?:帮|替|同)(?:佢|她|他|阿婆|阿妈|阿嬷|老人家|家婆|奶奶|阿爷|爷爷)(?:打|发))(?:的|嘅|个)?(?:啦|喇|嘅|的|呀|啊)*)$"
)


# round 25: not knowing said, not asked ('唔收到都唔知几时要淋水': without them I don't know when to water)
_NOT_KNOWING_RE = re.compile(r"不知道|不晓得|不清楚|不记得|不识|忘记|忘了")


# the request's own how or whether any is left, asked after it ('我种了树想记录下来 要怎么弄', '责任区 还有冇 空位'): the
# request still
_HOW_OR_ANY_LEFT_RE = re.compile(
    r"^(?:那|那么|我)?(?:要|应该|该|可以)?(?:怎么|如何|怎样|点)(?:样)?(?:弄|搞|做|整|办|操作|登记|报名|参加|记录)?(?:呢|啊|呀)?$"
    r"|^(?:还|仲)?(?:有没有|有冇|有无|有)(?:空位|位|位置|名额|剩|得选|得拣|的选)?(?:吗|呢|啊)?$"
)


def asks_after(head: str, rest: str) -> bool:
    """Does ``rest``, said after a request ``head``, ask about it ('退订 之后仲收唔收到专家回复', '种树 要交钱吗', '证书 几时发')?
    Then the whole is a question about the request, not the request: a rest that asks (``is_question``), after a head
    that asks nothing itself ('证书咋领 想发朋友圈炫一下' asks in its head: the request), not knowing told aside, and not
    the request's own how or whether any is left ('… 要怎么弄', '… 还有冇 空位')."""
    return (
        bool(rest)
        and is_question(rest)
        and not _NOT_KNOWING_RE.search(rest)
        and not is_question(head)
        and not _HOW_OR_ANY_LEFT_RE.match(rest)
        and not _RULE_RECALLED_RE.match(rest)
    )


# conv101 (22x: '我今年种够数未 党员唔系要种一棵咩' had got the quota's FAQ card): the rule recalled after the request as a
# rhetorical question (唔系要…咩: isn't it that…?) backs the request up, asks nothing of its own
_RULE_RECALLED_RE = re.compile(
    r"^(?:我们|我|党员|干部|村民|每户|每个人)?(?:不是|唔系)(?:说|讲)?(?:要|应该|规定|至少)[\u4e00-\u9fff]{1,8}?(?:什么|吗|嘛|咩)$"
)


def is_aside(clause: str) -> bool:
    """A clause that is only an aside around a request: laughter, slang, thanks, a greeting (``is_chitchat`` too)."""
    bare = to_halfwidth(clause or "").strip().lower()
    if _SELF_TOLD_RE.fullmatch(normalize(bare)):
        return False  # who one is, by one's village ('我想登记下 我系埔心村嘅'): what a request reads, never set aside
    return bool(bare) and (bool(_ASIDE_RE.match(bare)) or is_chitchat(bare))


_ASIDE_PAUSES_RE = re.compile(r"[\s,，、;；。!！~～]+")


def without_leading_asides(text: str) -> str:
    """Round 65: a raw text without the asides said before what it says ('早晨 专家睇到未' -> '专家睇到未'); '' when it
    is asides only, and the text as it is when it starts with none."""
    clauses = [c for c in _ASIDE_PAUSES_RE.split(text or "") if c]
    first = next((i for i, c in enumerate(clauses) if not is_aside(c)), len(clauses))
    return " ".join(clauses[first:]) if first else (text or "")


# Command words typed by their sound (等级 for 登记, 认样 for 认养, 正书 for 证书, 退定 for 退订, 责任去 for 责任区) and
# pinyin left unconverted (wo叫): a table of data (messages/typos.toml), read by the readers of requests only (the FAQ
# reads its own words)
# the one read of messages/typos.toml: its tables ([typos], [characters], [sound], [whole]) are each taken from it
_TYPOS_FILE: Mapping[str, Any] = tomllib.loads((MESSAGES_DIR / "typos.toml").read_text(encoding="utf-8"))
COMMAND_TYPOS: dict[str, str] = _TYPOS_FILE["typos"]
_TYPO_RE = re.compile("|".join(map(re.escape, sorted(COMMAND_TYPOS, key=len, reverse=True))))
# round 22: characters normalising drops (Hakka 𠊎), read as meant in the raw text before it (messages/typos.toml)
COMMAND_CHARACTERS: dict[str, str] = _TYPOS_FILE.get("characters", {})
_CHARACTERS_RE = re.compile("|".join(map(re.escape, sorted(COMMAND_CHARACTERS, key=len, reverse=True))) or "(?!)")


def command_characters_fixed(text: str) -> str:
    """A raw text with the characters ``normalize`` would drop written as meant (messages/typos.toml [characters])."""
    return _CHARACTERS_RE.sub(lambda m: COMMAND_CHARACTERS[m.group(0)], text) if text else text


def command_typos_fixed(norm: str) -> str:
    """A ``normalize``d text with the command words typed by their sound written as meant: the table's (messages/typos.toml
    ``[typos]``), then any other run of characters that reads like a command word, keeps one of its characters and is no
    word itself (``[sound]``: '登济' is 登记, '认灵' 认领, '取销' 取消; '等级', '帮主' are words and stay)."""
    if not norm:
        return norm
    fixed = _TYPO_RE.sub(lambda m: COMMAND_TYPOS[m.group(0)], norm)
    whole = _whole_by_sound(fixed)
    if whole:
        return whole
    return _by_sound(fixed) if len(fixed) <= SOUND_MAX_CHARS else fixed


@lru_cache(maxsize=4096)
def _whole_by_sound(fixed: str) -> str | None:
    """Round 77 (21k, the lead: '腿定' for 退订): a fixed command typed by its sound in every character, the whole
    message and nothing else (spoken particles after it aside: '腿定啦'), read as the command (messages/typos.toml
    ``[whole]``: the few where a mistyped command is common); a word of its own ('定约') stays, and so does any text
    the command would sit inside ('我条腿定住咗')."""
    bare = _INTENT_PARTICLES_RE.sub("", fixed)
    words = _whole_sound_words()
    if not bare or len(bare) not in {len(w) for w in words} or bare in words:
        return None
    if not all("\u4e00" <= c <= "\u9fff" for c in bare) or bare in _phrases():
        return None
    sounds = [_FlatTongue.main_reading(c) for c in bare]
    for word in words:
        if len(word) == len(bare) and all(s in _FlatTongue.readings(c) for s, c in zip(sounds, word)):
            return word + fixed[len(bare) :]
    return None


@lru_cache(maxsize=1)
def _whole_sound_words() -> tuple[str, ...]:
    return tuple(_TYPOS_FILE.get("whole", {}).get("words", []))


@lru_cache(maxsize=1)
def _phrases() -> Mapping[str, object]:
    """pypinyin's words, read once for the command words by their sound (``_command_sounds``, ``_whole_by_sound``)."""
    return pinyin_phrases()


# a command by its sound is read in a short text only: a request is short, and reading every run of a story by its
# sound costs ~0.2 ms (a short one ~0.04 ms; the same text again, nothing)
SOUND_MAX_CHARS = 16


@lru_cache(maxsize=4096)
def _by_sound(fixed: str) -> str:
    names = [m.span(1) for m in _NAMED_RE.finditer(fixed)]  # '我叫邓记华': a name is read as written
    return _command_sounds().fix(fixed, names)


# what follows 叫, 是, 姓, 登记, 改成 may be a name ('我叫邓记华', '登记 邓记华 埔心村', '我系埔心村个钟四妹'): never read by
# its sound; round 66 (20u): after a space or a colon too ('登记 钟树生 埔心村' had registered 种树生)
_NAMED_RE = re.compile(r"(?:叫|是|系|姓|名|登记|改成|改为|改做)[\s:：]*([一-鿿]{1,4})")


# characters of grammar that alone are no sign of a misheard command word ('有记' is not 登记)
_SOUND_KEEP = frozenset("的了吗呢吧啊呀哦嘛么我你您是这那个就都也还和与跟给把被在有要能会得地着过一下好些哪什怎")


@lru_cache(maxsize=1)
def _command_sounds():
    """The command words by their sound (built on the first text: pypinyin's readings and phrases)."""

    words = _TYPOS_FILE.get("sound", {}).get("words", [])
    return SoundAlikeWords(words, _SOUND_KEEP, (_phrases(),), reader=_FlatTongue())


_RETROFLEX_RE = re.compile(r"^([zcs])h")


class _FlatTongue:
    """Round 68 (20y: '帮組' for 帮助): the readings the command words are matched by, with the retroflex initials read
    flat (zh z, ch c, sh s), as the south's speakers say them and type them by sound ('帮组', '帮祖' are bang zu)."""

    @staticmethod
    def readings(char: str) -> frozenset[str]:
        return frozenset(_RETROFLEX_RE.sub(r"\1", r) for r in readings(char))

    @staticmethod
    def main_reading(char: str) -> str:
        return _RETROFLEX_RE.sub(r"\1", main_reading(char))


# tidy84: Cantonese 点先 (how, so that: normalised 点才) before a may or can ('点先可以唔再收到啲通知')
_HOW_RE = re.compile(r"怎么|怎样|如何|为什么|为何|为啥|点才(?=可以|能|会|得)")
_INTENT_PARTICLES_RE = re.compile(r"[了啦呀啊吧呢哦喔嘛咯噢啰喇嘞喎]+$")
_NEGATED_RE = re.compile(r"不|别|莫|没|甭|勿")

# reminders off: 'don't (send me / remind me / bother me) any more', or 'switch the reminders off'
_STOP_SENDING_RE = re.compile(
    # round 63 (20r): daily said Cantonese-wise, 的 after it ('我唔需要每日提醒', '我不需要每天的提醒')
    # round 80 (21u): never the A-not-A of a question ('位置使唔使发': 要不要发, 需不需要发)
    # tidy78: the refusals are the request frame's (messages/request_frames.toml [modal] refusals), one list
    rf"(?<![要用想需])(?:{request_frames.words('modal', 'refusals')})(?:再|老是|总是|成日|一直|天天|每天|每日|日日|继续)*(?:的)?"
    r"(?:给我|同我|跟我|帮我)?(?:再)?"
    r"(?:发(?:送)?(?:消息|信息|短信|提醒|通知|东西|来|过来|给我)*$|发(?:送)?(?:种树|植树|活动|这些|这种|那些)?(?:的)?"
    r"(?:消息|信息|短信|提醒|通知|东西)|提醒|推送|通知|烦我|打扰|吵"
    r"|收(?:到)?(?:消息|信息|提醒|通知|推送)"
    # set 19e: reminded or pressed, the sender named ('唔好再提我啦', '别再催我了', '不要再叮我')
    r"|(?:提|催|叮)我(?:了|啦)?$"
    # round 48 (19u): things pushed or sent to the sender ('唔使再推啲嘢俾我啦', '不用再推东西给我了')
    r"|(?:推|推送|发)(?:些|这些|那些)?(?:东西)(?:给我|我)?(?:了|啦)?$"
    # round 27: pushes stopped in a worker's word ('送单时候一直响 先别推了')
    r"|推(?:给我|我)?(?:了|啦)?$)"
)
_SWITCH_OFF_RE = re.compile(
    # round 44 (19r): a Cantonese measure word before them ('关咗个提醒佢', '关咗啲推送佢啦': 个, 啲 normalised 些)
    # round 54 (20e): how often they come said between ('取消每日提醒', '关掉天天的推送')
    r"(?:取消|关闭|关掉|关了|停止|停掉|停了|暂停|退出|退掉|屏蔽)(?:所有|全部|这些|这个|一切|个|些)?"
    r"(?:每日|每天|天天|日日|每晚|每朝|定时|平时)?(?:的)?(?:提醒|通知|推送|订阅|消息)"
    # round 25: said formally, to whom and what sending ('烦请暂停向本人推送植树提醒消息', '请停止给我发送种树通知'): a frame
    # since round 31 (FRAMES)
    # the sending itself stopped, nothing after it: '停止发送', '停发', '暂停接收', '取消发送提醒'
    r"|(?:取消|关闭|停止|停掉|暂停|停)(?:发送|发|推送|推|接收|收)(?:所有|全部|的)?(?:提醒|通知|推送|消息|信息)?$"
    # round 19: the reminders named first, then switched off as 'it' ('提醒取消咗佢', '每日都叮叮声 关咗佢'), or
    # with an imperative at the end ('通知关掉')
    # conv103 (22z: '日日都发嘢嚟 唔该停咗佢啦' had been the FAQ's how-to): or the sending of things itself (发东西, 发嘢 normalised)
    r"|(?:提醒|通知|推送|消息|信息|叮叮声|声音|发(?:些|这些|那些)?东西).{0,10}?"
    # conv103: never the stop refused ('提醒好有用 唔好停咗佢': 不要停了它; 唔该, 不该 normalised, is please)
    r"(?<!不要)(?<!不好)(?<!别)(?<!不用)(?<!莫)(?<!勿)(?<!不使)"
    # round 47 (19t): Cantonese 退咗佢 (normalised 退了它), the messages named before ('咁多消息 我唔要了 退咗佢')
    r"(?:(?:关|关掉|关闭|停|停掉|取消|取消掉|退订|退|退掉)(?:了)?它(?:们)?|关掉|关闭|停掉"
    # round 25: for a while ('消息推送先停一下', '提醒暂停几日')
    r"|(?:先)?(?:停|停掉|关|关掉|暂停)(?:一下|下|住|先|一阵|几天|一段时间))$"
)
# reminders on again: 'subscribe again', 'switch the reminders on', 'I want the reminders again'
_SWITCH_ON_RE = re.compile(
    # Cantonese 返 (back: normalised to 回) and 啲 (some: 些) may come between ('恢复返啲提醒', '再收返提醒')
    r"(?:重新|再次|恢复|开启|打开|开通)(?:回)?(?:些|一下|下)?(?:种树|活动)?(?:的|个)?(?:接收|订阅|提醒|通知|推送)"
    # the reminders named first, switched on again, a reason or a 还是 (rather) around it ('还是把通知开回来吧 不然我老是忘记
    # 淋水', '通知开返佢 最近成日唔记得淋水')
    r"|(?:提醒|通知|推送)(?:再)?(?:开|打开|开通|恢复)(?:回来|回|返来)"
    # round 43 (19q): subscribed back, Cantonese 订返 (normalised 订回), or 订阅 again ('订返提醒啦 之前唔小心退订咗', '之前
    # 退订了 现在再订阅吧', '算啦 都系订返啦'): an unsubscribing told of before it is no request (none is read here)
    r"|订回(?:来)?(?:些|个)?(?:提醒|通知|推送)?$|订回(?=提醒|通知|推送)|(?:再|又)(?:帮我)?订阅(?:回)?|订阅回"
    # round 45 (the twenty-sixth session's simulator): 返开/番开 said as a request, before the reminders or after them
    # ('返开提醒啦', '番开个提醒', '提醒返开佢'; normalised 回开)
    r"|^(?:帮我|同我|请)?(?:回|番)开(?:个|啲|些)?(?:提醒|通知|推送)|(?:提醒|通知|推送)(?:再)?(?:回|番)开(?:它)?$"
    # round 63 (20q, 20r): wanted back with 又要 and Cantonese 返 ('又要返提醒', '又想要番个提醒'); 订阅 with the reminders
    # named and nothing else ('订阅提醒', '订阅植树提醒')
    r"|(?:又|再)(?:想)?(?:要)?(?:回|番)(?:个|些)?(?:提醒|通知|推送)|^订阅(?:种树|活动)?(?:的)?(?:提醒|通知|推送)$"
    # The others are frames since round 31 (FRAMES): round 20's wanted again with nothing after ('现在想再收'), a wish
    # to receive them, Cantonese 开返 (开回), the reminders restored at the end ('之前停掉的提醒请帮我恢复', '之前关掉的提醒再
    # 帮我打开'), round 21's still to be sent ('种树的消息还是要发给我')
)
# round 21: what is said after the request, left out before it is read: the annoyance ('莫再发给我了 吵死人'), why
# ('提醒先停掉 我出去打工了'), a slip before ('还是要发给我 之前点错了')
_AFTER_THE_REMINDERS_RE = re.compile(
    rf"(?<=[{_CJK}])(?:(?:好|很|真|太)?(?:烦死人|烦死|吵死人|吵死|烦人)"
    r"|(?:因为)?(?:我|我们)(?:人)?(?:要|现在|最近|已经|准备)?(?:出去|出门|外出|去外地|在外地|在外面|在外|去城里)"
    r"(?:打工|做工|工作|做事|读书)?"
    r"|(?:之前|刚才|上次|头先)(?:是)?(?:点错|按错|退错|弄错|搞错|误点|手滑)"
    # round 48 (19u): what the sender wants to know by them ('继续提醒我吧 我要知道几时种树')
    rf"|(?:因为)?(?:我)?(?:要|想|需要|好)(?:知道|记得|记住)[{_CJK}]{{1,12}}?"
    # tidy84: known already ('好啦好啦不要再发了我知道了')
    r"|(?:我)?(?:都)?(?:已经)?(?:知道|明白|晓得))(?:了|啦)?$"
)
# set 19e: the reminders named, then wanted back at the end ('上次叫你唔好提醒 依家又想要返', '之前停咗啲通知 而家想要回'):
# on, the wish read after the reminders were named (what is said last decides); 'may I?' after it is left out
_WANTED_BACK_RE = re.compile(
    r"(?:现在|而家|依家|今日|今天)?(?:又|再)?(?:想|要)(?:要)?(?:回|返|番)(?:来|啲|些)?$"
    # round 44 (19r): switched back on, Cantonese 返开 (normalised 回开) or 番开 ('之前关咗提醒 而家想返开')
    r"|(?:现在|而家|依家|今日|今天)?(?:又|再)?(?:想|要)(?:再)?(?:回|返|番)开(?:它|回来)?$"
    # round 37 (19m): received again ('之前把提醒关了 现在又想收到')
    r"|(?:现在|而家|依家|今日|今天)?(?:又|再|重新)(?:想|要)(?:再|重新)?(?:收|接收|收到)(?:回|返)?$"
)
# round 37 (19m): how asked after the reminders wanted back ('…现在又想收到 怎么弄'): the wish said is the request
_HOW_AFTER_REMINDERS_WISH_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?:要)?(?:怎么|怎样|如何)(?:弄|搞|做|办|操作|设置)$")
_REMINDERS_NAMED_RE = re.compile(r"提醒|通知|推送|消息|信息|讯息|退订|订阅")
# round 41 (19o): how to switch them off, the switching named, asked after the wish said in words ('我唔想再收到通知 点样
# 取消提醒', '不想收推送了 怎样关掉'): the wish said is the request, as for on (round 37); how asked alone ('怎么取消提醒')
# or with no switching named ('不想收提醒要怎么弄', round 32's) keeps the FAQ's
_HOW_OFF_AFTER_WISH_RE = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:要)?(?:怎么|怎样|如何)(?:样)?(?:才能|才可以|可以|能)?"
    r"(?:取消|取消掉|关|关掉|关闭|停|停掉|退订)(?:提醒|通知|推送|消息|信息|它|佢)?(?:呢|啊|呀)?$"
)
_RESTORED_AT_END_RE = re.compile(
    r"(?:不该|麻烦|请)?(?:你|你们)?(?:帮我|给我)?(?:重新|再)?(?:恢复|打开|开回|开启|开通)(?:回来|回|返来)?(?:一下|下)?$"
)
_MAY_I_AT_END_RE = re.compile(r"(?:行不行|得不得|可不可以|可以吗|可以不|行吗|得吗|好不好|好吗|得不)$")
# politeness at the end, left out before the reminders are read ('请帮我恢复谢谢')
_THANKS_AT_END_RE = re.compile(r"(?:谢谢|多谢|感谢|不该)(?:你|您|你们|晒)?$")
# the wish taken back after it ('现在不想收了')
_DECLINED_RE = re.compile(r"(?:不|别|没|莫)(?:想|要|用|需要|再)*(?:收|接收|订|开)")
# 不然 (or else) negates nothing: '把通知开回来吧 不然我老是忘记淋水'
_NOT_A_NEGATION_RE = re.compile(r"不然|要不")


# round 25: the wish declined ('现在不想收了', '唔使再开'), not a consequence told ('唔收到都唔知几时要淋水': without them …)
_WISH_DECLINED_RE = re.compile(r"(?:不|别|没|莫)(?:想|要|用|需要|再)+(?:收|接收|订|开|发)")


# round 92 ('我说退订之后还能收到专家回复吗' had got 'no question waits'): whether an adviser's answers still come once the
# reminders are off, asked ('退订咗仲收唔收到专家嘅回复', '取消提醒后专家的答复还能收到吗'): the answers are no reminder
# (handlers/core.py answers_unwanted's reply, tidy77), never 退订 itself nor the waiting
_SWITCHED_OFF_SAID_RE = re.compile(r"退订|取消(?:订阅|提醒|通知)|关(?:掉|了|闭)?(?:提醒|通知)|不收提醒")
_ANSWERS_NAMED_RE = re.compile(r"(?:专家|顾问|技术员)(?:的)?[一-鿿]{0,6}?(?:回复|回答|答复|答|回|消息|解答)")


def answers_after_switching_off_asked(norm: str) -> bool:
    """Round 92: whether the adviser's answers still come after 退订, asked (normalised text)."""
    off = _SWITCHED_OFF_SAID_RE.search(norm or "")
    return (
        off is not None
        and len(norm) <= 32
        and bool(_ANSWERS_NAMED_RE.search(norm, off.end()))
        and is_question(norm[off.end() :])
    )


# round 94 (22n's lefts: '退订咗仲会唔会有提醒' had switched the reminders off): what comes of 退订, asked ('如果退订 仲会唔会发
# 提醒俾我', '取消订阅之后仲收唔收到提醒'): a question about the reminders after it, answered, never the stop itself
_REMINDERS_AFTER_OFF_RE = re.compile(r"提醒|通知|推送|消息|信息")


def reminders_after_switching_off_asked(norm: str) -> bool:
    """Round 94: whether reminders still come after 退订, asked (normalised text); the adviser's answers asked are
    ``answers_after_switching_off_asked``'s."""
    off = _SWITCHED_OFF_SAID_RE.search(norm or "")
    if off is None or len(norm) > 32 or answers_after_switching_off_asked(norm):
        return False
    if reminders_said(norm) is not None:
        return False  # a request said ('上次退订了 后悔了 还是提醒我吧': on again; 还是 is no question there)
    rest = norm[off.end() :]
    return bool(_REMINDERS_AFTER_OFF_RE.search(rest)) and is_question(rest)


def reminders_declined(norm: str) -> bool:
    """'现在不想收了', '依家又想要返 得唔得': the wish about the reminders declined or changed, said after a request said
    first (handlers/core.py): what is said last decides."""
    if not norm:
        return False
    bare = _INTENT_PARTICLES_RE.sub("", _MAY_I_AT_END_RE.sub("", _INTENT_PARTICLES_RE.sub("", norm)))
    return bool(_WISH_DECLINED_RE.search(norm) or _WANTED_BACK_RE.search(bare))


# round 42 (19p): reminded again asked, for fear of forgetting the watering ('可以再提醒我吗 我怕忘记浇水'): on
_REMIND_AGAIN_RE = re.compile(
    r"^(?:可以|能不能|能否|可不可以|麻烦|请)?(?:你)?(?:再|继续|重新)(?:提醒|通知)(?:下|一下)?我(?:吗|啦|啊|呀|吧|好吗)?"
    r"(?:我)?(?:怕|惊|担心|经常|成日|总是|老是)(?:会)?(?:忘记|忘了|忘|不记得)"
)


# round 53 (20c): a slip said, then the reminders wanted back ('搞错咗 我要返提醒', '唔好意思 我仲要提醒': 不好意思 is
# normalised 不要意思, no refusal; round 82: or after all, '都系要返提醒啦'): the request frame's since frames75
# (``request_frames.reminders_back``); the activities to be told of from now, having switched them off before or after it
# ('以后有活动都提醒下我 之前我关咗', '之前我关咗提醒 以后有活动都通知我')
_SORRY_FIRST_RE = re.compile(r"^(?:不好意思|不要意思|对不起|对不住|抱歉|sorry|Sorry)")
_OFF_BEFORE_RE = re.compile(
    r"^(?:之前|以前|上次|头先|早前)(?:我)?(?:关|关掉|退订|退|取消)(?:了)?(?:提醒|通知|推送)?"
    r"|(?:之前|以前|上次|头先|早前)(?:我)?(?:关|关掉|退订|退|取消)(?:了)?(?:提醒|通知|推送)?$"
)
_TELL_ME_OF_EVENTS_RE = re.compile(
    r"^(?:以后|之后|今后|往后)(?:有|搞)(?:植树|种树)?活动(?:都|也|就)?(?:要)?(?:提醒|通知|告诉)(?:下|一下)?我$"
)


def events_told_wished(norm: str) -> bool:
    """Round 53: the activities to be told of from now ('以后有活动都通知我'), after the reminders were said switched off
    before (handlers/core.py: what is said last decides)."""
    return bool(norm) and bool(_TELL_ME_OF_EVENTS_RE.match(_INTENT_PARTICLES_RE.sub("", norm)))


_RECEIVE_LAST_RE = re.compile(r"(?:收|接收|收到)(?:啊|呀|啦|吧|喇|咯|了)*$")


def reminders_wanted_back(norm: str, as_sent: str = "") -> bool:
    """Round 53: the reminders wanted back after a slip or a sorry, round 82: or after all (frames75: read by the request
    frame, ``request_frames.reminders_back``, their regexes gone); or the activities to be told of again
    (``_TELL_ME_OF_EVENTS_RE``)."""
    frame = request_frame(norm, as_sent)
    if request_frames.reminders_back(frame):
        return True  # a slip or a sorry first, or after all: alone, '我要提醒' says nothing
    if frame.act == "receive" and not frame.object and frame.slip and frame.wished and _RECEIVE_LAST_RE.search(norm):
        # round 90 (22k): receiving wished last after a slip, nothing named ('唔好意思撳错 仲要收'): what else is received
        return not (frame.negated or frame.asked or frame.done or frame.not_yet)
    bare = _INTENT_PARTICLES_RE.sub("", _SORRY_FIRST_RE.sub("", norm))
    rest = _INTENT_PARTICLES_RE.sub("", _OFF_BEFORE_RE.sub("", bare))
    return rest != bare and bool(_TELL_ME_OF_EVENTS_RE.match(rest))


# round 56 (20f): 订阅 said with what the reminders are to tell, when the time comes ('订阅 到时候通知我几时种树': its 几时 asks
# nothing of 订阅); asked whether they will ('到时候会不会提醒我') is no request
_SUBSCRIBE_REMIND_THEN_RE = re.compile(
    r"^(?:订阅|订阅提醒|重新订阅)(?:吧|啦|了)?(?:到时|到时候|届时|时间到了|到了时间)(?:记得|要|就)?(?:提醒|通知|告诉)(?:下|一下)?我"
)
# round 56 (20f): the reminders told switched off by a slip, then how to have them again ('之前唔小心退订咗 点样再订返',
# '上次点错关了通知 怎么重新打开'); how asked alone ('怎么重新打开提醒') stays the FAQ's
_OFF_BY_A_SLIP_RE = re.compile(
    r"(?:按错|点错|退错|误点|误按|手滑|不小心|搞错)(?:了)?(?:把)?(?:提醒|通知|推送)?"
    r"(?:取消|关|关掉|关闭|退订|退|停)(?:了)?(?:提醒|通知|推送)?(?:了)?"
)
_HOW_BACK_ON_RE = re.compile(
    r"^(?:要)?(?:怎么|怎样|如何)(?:样)?(?:才能|可以|能)?(?:再|重新)?(?:开|打开|开回|开启|恢复|订回|订阅|弄回|收回)"
    r"(?:回来|回|它|提醒|通知|推送)?$"
)


# round 61 (20m): whether one must have them asked, then not wanted ('党员都要收提醒咩 唔想收', '一定要收这些消息吗 我不想收'):
# the question names the reminders and their receiving, the refusal after it is the request (off)
_MUST_RECEIVE_ASKED_RE = re.compile(
    r"(?:要|得|需要|必须)(?:收|接收|收到)(?:这些|那些|这个|啲|些)?(?:提醒|通知|推送|消息|信息)"
)
_REFUSED_AFTER_ASKED_RE = re.compile(
    r"(?:吗|么|呢|什么)(?:我)?(?:真的|实在|其实)?(?:不想|不要|不用|不愿意)(?:再)?(?:收|接收|收到|要)(?:了|啦|呀|啊|喇)?$"
)


# round 93 (22m: '退订 || 都系唔好 继续发俾我啦'): a stop taken back: the sending asked to go on (继续发, 照发, 照常推: to the
# sender), said after all (都系, 还是: '还是继续发吧') or after a clause of its own taking the stop back (都系唔好, 算啦,
# 唔退住, 撳错咗: normalised 都是不要, 不退住, 揿错了); '唔好继续发俾我' in one breath stays the stop
_KEEP_SENDING_RE = re.compile(
    r"^(?P<after_all>都是|还是|那就|就)?(?:继续|照|照常|照样|照旧|如常)(?:给我|帮我)?(?:发|推|推送|发送|提醒|通知)"
    r"(?:给我|我|过来|来)?(?:吧|啦|啊|呀|了|先|喇|咯)*$"
)
# the lead (forty-ninth session; 22n '退订 || 我讲错咗 唔好退订' had switched them OFF again, '已关闭提醒'): the
# unsubscribing itself refused (``refused``: '不要退订', '唔使退订住', '都系唔好退订啦') takes the stop back said last
# too; tidy79: one regex (别退订 before the sending asked to go on as well); 算, 罢: the clause's 了 is left out before
_STOP_TAKEN_BACK_RE = re.compile(
    r"^(?:都是|还是)?(?:(?P<refused>不退|不退订|不要退|不用退|不要退订|不用退订|别退订)|不要|不用|算|罢)"
    r"(?:了|住|啦|吧|先|喇|咯)*$"
    r"|^(?:我|头先|刚才|刚刚|啱啱)?(?:搞错|弄错|按错|揿错|点错|退错|讲错|说错)(?:了|啦)?$"
)


def stop_taken_back(as_sent: str) -> bool:
    """A stop of the reminders taken back, the sending asked to go on (``_KEEP_SENDING_RE``, the text's last clause):
    said after all, or after a clause taking the stop back (``_STOP_TAKEN_BACK_RE``); or the unsubscribing refused as
    the last clause (its ``refused``); read where the sender paused."""
    clauses = [
        _INTENT_PARTICLES_RE.sub("", normalize(c)) or normalize(c) for c in _CLAUSE_PAUSES_RE.split(as_sent) if c
    ]
    if not clauses or len("".join(clauses)) > INTENT_MAX_CHARS:
        return False
    last = _STOP_TAKEN_BACK_RE.match(clauses[-1])
    if last and last.group("refused"):
        return True
    keep = _KEEP_SENDING_RE.match(clauses[-1])
    if keep is None:
        return False
    return bool(keep.group("after_all")) or any(_STOP_TAKEN_BACK_RE.match(c) for c in clauses[:-1])


# round 99 (22t: '上个月嫌烦退咗 而家又想佢提醒返我种树', '上次话唔要提醒 其实都系要嘅 帮我开番啦' had been a ticket and the
# stop): the reminders switched off told as done (a time before it, or the act done: 退订了, 关咗), then wanted again in
# a clause after it (又想, 其实都系要, 还是想, 开番, 提醒返我, 恢复): the story's last wish decides, whatever its words
_OFF_TOLD_RE = re.compile(r"退订|退|取消|关掉|关闭|关|停掉|停|不要|不想要|不想收|不收")
_BEFORE_WORD_RE = re.compile(
    r"之前|以前|上次|上回|上个月|上个星期|上星期|上个礼拜|上礼拜|上周|早排|早前|前排|前几日|前几天|前两日|前两天|前阵子|头先|当时|那时|旧时"
)
_OFF_DONE_AFTER_RE = re.compile(r"^(?:了|过|掉)")
_AGAIN_WISH_RE = re.compile(
    r"(?:又|再|重新|还是|都是|其实)[^不没别莫]{0,4}?(?:想|要|需要)"
    r"|(?:开|收|订|提醒|通知|推送)(?:回|番)|恢复"
)
_AGAIN_WISH_DECLINED_RE = re.compile(r"(?:不|别|没|莫)(?:想|要|用|需要|再)")
_REMINDERS_OR_OFF_NAMED_RE = re.compile(r"提醒|通知|推送|退订|订阅")


def reminders_wanted_again_after_off(norm: str) -> bool:
    """Round 99: the reminders told switched off before, then wanted again in a later clause ('之前取消了提醒 现在后悔了
    还是想收', '上次话唔要提醒 其实都系要嘅 帮我开番啦'); a question after it ('退订咗仲会唔会有提醒') is none."""
    if not norm or not _REMINDERS_OR_OFF_NAMED_RE.search(norm):
        return False
    for off in _OFF_TOLD_RE.finditer(norm):
        done = _BEFORE_WORD_RE.search(norm[: off.start()]) or _OFF_DONE_AFTER_RE.match(norm[off.end() :])
        if not done:
            continue
        rest = norm[off.end() :]
        again = _AGAIN_WISH_RE.search(rest)
        if again is None or again.start() == 0 and rest[:1] in "回番":
            continue
        after = rest[again.start() :]
        # what follows the wish asks nothing of it (还是 before it is no or-question; 开返 asked with 可唔可以 is the wish)
        if _AGAIN_WISH_DECLINED_RE.search(after) or (
            is_question(rest[again.end() :]) and not again.group().endswith(("回", "番"))
        ):
            return False
        return True
    return False


# conv101 (22w: '我阿爸年纪大睇唔明啲信息 唔该唔好再发畀佢' had been the FAQ's how-to): the messages not wanted any more for a
# relative who reads them (this WeChat's: the only one the bot sends to from here), the relative named first and the
# sending refused last with him as its object (不要再发给它; 佢 is normalised 它)
_FOR_THE_READER_RE = re.compile(
    r"(?:不要|别|莫|不好|不用|不使)再(?:发|推|推送|发送)(?:些|这些)?(?:信息|消息|东西|通知)?(?:给|俾)(?:它|他|她)(?:们)?$"
)


def stop_for_the_reader(norm: str) -> bool:
    """Conv101: this WeChat's messages not wanted any more for the relative who reads them ('我阿妈睇唔明啲信息 唔好再发
    畀佢啦'): a relative named before the refusal, the sending refused with him as its object at the end."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    found = _FOR_THE_READER_RE.search(bare)
    return bool(found and len(bare) <= 2 * INTENT_MAX_CHARS and re.search(RELATIVES, bare[: found.start()]))


# conv102 (22y: '退订' then '唉还是帮我开返提醒啦 唔记得种树就麻烦' had been the FAQ's question): the wish said after
# all (还是, a sigh or 算啦 before it), why after it (唔记得种树就麻烦, 怕唔记得, 不然忘了): the wish alone is read
_RATHER_WISH_RE = re.compile(
    r"^(?:哎呀|哎|唉|算啦|算了|算)?还是(?P<wish>.{2,12}?)(?:吧|啦|啊|呀)?"
    r"(?:(?:不然|否则|要不|怕|免得|因为|我|我怕)?(?:不记得|忘了|忘记|记不住|记不得).{0,10})?$"
)


# tidy87 (review58: the one ~80-line chain split): a reader of ``_SHORT_REMINDERS_READERS`` returns 'on', 'off',
# ``_NO_REQUEST`` (decided: no request of the reminders) or None (not its to say: the next reads); their order is
# their priority, as the chain's was
_NO_REQUEST = ""


def _wanted_again_after_off(norm: str, as_sent: str) -> str | None:
    """Round 99 (conv101 for a story longer than a request): switched off before, wanted again after it; never an
    adviser's answers (``_answers_not_reminders``)."""
    if reminders_wanted_again_after_off(norm) and not request_frames.answers_stopped(request_frame(norm, as_sent)):
        return "on"
    return None


def _answers_not_reminders(norm: str, as_sent: str) -> str | None:
    """Tidy77: an adviser's answers not wanted ('我不想收到专家的消息') are no reminders."""
    return _NO_REQUEST if request_frames.answers_stopped(request_frame(norm, as_sent)) else None


def _reminded_again(norm: str, as_sent: str) -> str | None:
    """Round 53: reminded again, or the reminders wanted back (``reminders_wanted_back``)."""
    return "on" if _REMIND_AGAIN_RE.match(norm) or reminders_wanted_back(norm, as_sent) else None


def _stop_taken_back(_norm: str, as_sent: str) -> str | None:
    """Round 93: a stop taken back, the sending asked to go on (``stop_taken_back``, read where the sender paused)."""
    return "on" if as_sent and stop_taken_back(as_sent) else None


def _kept_on(norm: str, as_sent: str) -> str | None:
    """Tidy84: the stopping refused or the keeping said, as the request frame reads it ('提醒唔好停咗佢', '别关我的提醒',
    '提醒还是留着吧'); the lead, fifty-first session: 退订 refused by its own words, which the frame reads no act in
    ('唔好取消提醒'), unless how is asked."""
    if request_frames.stopping_refused(request_frame(norm, as_sent)):
        return "on"
    if request_frames.stopping_refused_at(norm) and not _HOW_RE.search(norm):
        return "on"
    return None


def _subscribed_then_reminded(norm: str, _as_sent: str) -> str | None:
    """Round 56: ``_SUBSCRIBE_REMIND_THEN_RE``."""
    return "on" if _SUBSCRIBE_REMIND_THEN_RE.match(norm) else None


def _back_on_after_a_slip(norm: str, _as_sent: str) -> str | None:
    """Round 56: switched off by a slip, then how to have them back."""
    slip = _OFF_BY_A_SLIP_RE.search(norm)
    if slip and _HOW_BACK_ON_RE.match(_INTENT_PARTICLES_RE.sub("", norm[slip.end() :])):
        return "on"
    return None


def _wish_then_how(norm: str, _as_sent: str) -> str | None:
    """Round 37 (19m): wanted back, then how ('…现在又想收到 怎么弄'); off asked how keeps the FAQ's (round 32), but
    round 41 (19o): not wanted, then how ('我不想再收到通知 怎么取消提醒') is off."""
    how = _HOW_AFTER_REMINDERS_WISH_RE.search(norm)
    if how and reminders_said(norm[: how.start()]) == "on":
        return "on"
    how = _HOW_OFF_AFTER_WISH_RE.search(norm)
    if how and how.start() >= 4 and reminders_said(norm[: how.start()]) == "off":
        return "off"
    return None


def _not_wanted_after_must(norm: str, _as_sent: str) -> str | None:
    """Round 61 (20m): whether one must have them asked, then not wanted."""
    refused = _REFUSED_AFTER_ASKED_RE.search(norm)
    return "off" if refused and _MUST_RECEIVE_ASKED_RE.search(norm[: refused.start() + 1]) else None


def _how_asked(norm: str, _as_sent: str) -> str | None:
    """How to do it asked ('怎么取消提醒'): the FAQ's, no request."""
    return _NO_REQUEST if _HOW_RE.search(norm) else None


_SHORT_REMINDERS_READERS: tuple[Callable[[str, str], str | None], ...] = (
    _wanted_again_after_off,
    _answers_not_reminders,
    _reminded_again,
    _stop_taken_back,
    _kept_on,
    _subscribed_then_reminded,
    _back_on_after_a_slip,
    _wish_then_how,
    _not_wanted_after_must,
    _how_asked,
)


def _without_wrappers(norm: str) -> str:
    """The request's words: particles, thanks, what follows the reminders named and a may-I at the end left out."""
    norm = _INTENT_PARTICLES_RE.sub("", _THANKS_AT_END_RE.sub("", _INTENT_PARTICLES_RE.sub("", norm)))
    norm = _INTENT_PARTICLES_RE.sub("", _AFTER_THE_REMINDERS_RE.sub("", norm))
    return _INTENT_PARTICLES_RE.sub("", _MAY_I_AT_END_RE.sub("", norm))


def _named_then_back(bare: str) -> bool:
    """The reminders named before, wanted back last ('上次叫你不要提醒 现在又想要回'); round 33: or restored last ('我孙仔
    帮我点了不要通知 不该帮我恢复回', '我老婆帮我按了退订 麻烦帮我恢复'), unless the restoring is refused ('不要恢复')."""
    back = _WANTED_BACK_RE.search(bare)
    if back and _REMINDERS_NAMED_RE.search(bare[: back.start()]) and not _NEGATED_RE.search(bare[back.start() - 1]):
        return True
    back = _RESTORED_AT_END_RE.search(bare)
    return bool(back and _REMINDERS_NAMED_RE.search(bare[: back.start()]) and not negated_before(bare, back.start()))


def _switched(bare: str, as_sent: str) -> str | None:
    """Switched on or off in words, what is said last deciding; else the request frame's stop."""
    off = _STOP_SENDING_RE.search(bare) or _SWITCH_OFF_RE.search(bare)
    # round 33: then a question of its own about it ('关掉通知以后专家回复还能收到吗'): a question, no request
    if off and len(bare) - off.end() >= 3 and asks_after(bare[: off.end()], bare[off.end() :]):
        return None
    on = _SWITCH_ON_RE.search(bare) or frame_found("reminders_on", bare)  # round 31: the frames (FRAMES)
    # round 20: the negation read near the request only ('开返提醒啦 唔系成日唔记得淋水': 不 of the reason after it),
    # and what is said last decides ('之前关了提醒 现在想再收': switched off before, wanted now)
    declined = on and _DECLINED_RE.search(bare[on.end() :])  # '…想再收提醒 现在不想收了': wanted, then not
    # round 33: a negation of the off request before it is not the on request's ('我孙仔帮我点了不要通知 不该帮我恢复回':
    # 不要 refuses the reminders then, 不该 is please)
    near = bare[max(0, on.start() - 4, off.end() if off and off.start() < on.start() else 0) : on.end()] if on else ""
    if (
        on
        and not declined
        and not _NEGATED_RE.search(_FRAME_NOT_NEGATIONS_RE.sub("", _NOT_A_NEGATION_RE.sub("", near)))
    ):
        if not off or off.start() < on.start():
            return "on"
    if off:
        return "off"
    # issue 17 §5 (22a: '每日都发好烦啊 唔想收'): the sending complained of, then not wanted: the request frame
    return "off" if request_frames.stops_the_reminders(request_frame(bare, as_sent)) else None


@lru_cache(maxsize=4096)  # asked twice a message (off, on) by the command routes: read once
def reminders_said(norm: str, as_sent: str = "") -> str | None:
    """'off' for a request to stop the reminders ('别烦我了', '取消提醒', '以后别发消息给我'), 'on' for one to have them
    again ('重新订阅', '我又想收提醒了'); None for anything else, a question how to do it included ('怎么取消提醒'
    is the FAQ's). Read in order: the messages refused for their reader, a wish said after all, a story longer than a
    request; then a request's readers (``_SHORT_REMINDERS_READERS``) and its words (``_named_then_back``,
    ``_switched``)."""
    if stop_for_the_reader(norm):
        return "off"  # conv101
    rather = _RATHER_WISH_RE.match(norm or "")
    if rather and reminders_said(rather.group("wish")) == "on":
        return "on"  # conv102: '唉还是帮我开返提醒啦 唔记得种树就麻烦'
    if norm and INTENT_MAX_CHARS < len(norm) <= 2 * INTENT_MAX_CHARS:
        # conv101 (22w: '上个月唔小心撳咗退订 依家啲通知都收唔到 帮我开返'): a story of the stop by a slip, the wish last
        return _wanted_again_after_off(norm, as_sent) or _long_complaint_stop(norm, as_sent)
    if not norm or len(norm) > INTENT_MAX_CHARS:
        return None
    for reader in _SHORT_REMINDERS_READERS:
        said = reader(norm, as_sent)
        if said is not None:
            return said or None
    bare = _without_wrappers(norm)
    return "on" if _named_then_back(bare) else _switched(bare, as_sent)


def _long_complaint_stop(norm: str, as_sent: str) -> str | None:
    """Conv98 (22s: '喂这个号一天到晚叮叮叮的我阿婆说吵死了能不能不要再发了', the FAQ's how-to): a voice story longer than a
    request, the sending complained of and then not wanted in its last clause (the request frame's), is the stop; no
    other long text is read here."""
    frame = request_frame(norm, as_sent)
    if frame.complaint and not _HOW_RE.search(norm) and request_frames.stops_the_reminders(frame):
        return "off"
    return None


# round 48 (19u): a follow-up said elliptically, its request left to the message before ('我种咗几多' then '成条村呢': and
# the whole village's?; '唔要提醒' then '又想收返': wanted back again): what it asks of the kind last asked, read only when
# the sender's message just before was of that kind (handlers/core.py ``follow_up``); alone it asks nothing
# round 53 (20c): Cantonese 咁 (then) first is normalised 这么 ('咁成条村呢')
_VILLAGE_ELLIPTIC_RE = re.compile(
    r"^(?:那|咁|那么|这么)?(?:全村|本村|成条村|成个村|整个村|整条村|村里|村里面|我们村|全村人)(?:的)?"
    # round 97 (22q: '我今年种咗几多' then '咁村里面总共呢'): its total asked, added up (加埋: Cantonese 加上)
    r"(?:加埋|加上|加起来|加在一起)?(?:总共|一共|合共|共计|总数|的总数)?(?:呢|又怎么样|怎么样|又如何)$"
)
_MINE_ELLIPTIC_RE = re.compile(
    r"^(?:那|咁|那么|这么)?(?:我|我自己|自己|我家|我们家|我个人)(?:的)?(?:呢|又怎么样|怎么样)$"
)
_AGAIN_ELLIPTIC_RE = re.compile(
    r"^(?:但是|不过)?(?:我)?(?:现在|而家|依家)?(?:又|再)(?:想|要)(?:要|收|接收)?(?:回|返)?(?:来)?$"
)


# tidy79: the please, the one asked and the help-me are one list (messages/request_frames.toml [wrappers]: the frame's);
# tidy80: read by every reader of a request said politely (the name said right, the adoption list, the queue listed,
# the answer hurried), none with a list of its own
_PLEASE = request_frames.words("wrappers", "please")
_YOU = request_frames.words("wrappers", "you")
_HELP_ME = request_frames.words("wrappers", "help_me")
# round 90 (22j: '唔该帮我退订'): a command asked politely, the please and the help-me before its word; tidy78: the
# records' look asked first reads it too (planting ``_LOOK_FIRST_RE``: '唔该帮我睇下记好未')
PLEASE_LEAD = rf"(?:{_PLEASE})?(?:{_YOU})?(?:{_HELP_ME})?"


# round 50 (19y): the right name said alone, after the sender said the name is wrong ('你好，我发现我的名字登记错了' then
# '麻烦改成谢丽萍，之前写成谢丽平了', '应该是黄春梅，不是黄春妹', '正确的是邓丽芳'): the name under a common surname, the wrong
# one after it at most
# the words that say the right name, the name, and how it was written wrong after it (round 52: read in a correction too)
_RIGHT_NAME_SAID = (
    r"(?:改成|改为|改做|改回做|改返做|改回|改返|更正为|更正成|换成|应该是|应该叫|正确的是|正确是|对的是|正确的名字是|真名是"
    r"|其实叫|我叫)(?P<name>[\u4e00-\u9fff]{2,4}?)(?:才对|先对|才是|啦|吧|了|喔|哦)?"
    r"(?:(?:之前|以前|原来|刚才)?(?:写成|打成|登记成|记成|写的是|登记的是|不是)[\u4e00-\u9fff]{2,4}?(?:了|的)?)?"
    # round 87 (22c: '应该系陈大文 帮我改'): the change asked after it
    r"(?:(?:帮我|麻烦|请|你)*(?:改|更正|改正)(?:下|一下|回|返|过来|正|吧|啦)*)?$"
)
_NAME_SAID_RIGHT_RE = re.compile(rf"^(?:(?:{_PLEASE})(?:{_YOU})?)?(?:{_HELP_ME})?" + _RIGHT_NAME_SAID)
# round 87 (22e: '我个名写错咗' then '系张国华'): the name alone after 是 (Cantonese 系), read only as the follow-up of a name said
# wrong just before (handlers/registration.py: core.follow_up after fix_name)
_NAME_ALONE_SAID_RE = re.compile(
    r"^(?:是|叫|叫做)(?P<name>[\u4e00-\u9fff]{2,4}?)(?:才对|先对|才是|啦|吧|了|喔|哦)?"
    r"(?:(?:帮我|麻烦|请|你)*(?:改|更正|改正)(?:下|一下|回|返|过来|正|吧|啦)*)?$"
)

# round 90 (22k: '改名 陈亚娣' then '打错 系陈亚弟', '唔好意思 系李国祥'): the slip or a sorry said before the right name
_SLIP_OR_SORRY_FIRST_RE = re.compile(
    r"^(?:(?:我|你们|你)?(?:打|写|登记|搞|弄|讲|说|输|填)错(?:字)?(?:了|啦|喇)*|不要意思|不好意思|对不起|抱歉|sorry)+"
)


def name_said_right(norm: str) -> str | None:
    """Round 50: the right name said (``_NAME_SAID_RIGHT_RE``), a common surname first, never a tree nor a count."""
    from bot.surnames import has_common_surname

    norm = _SLIP_OR_SORRY_FIRST_RE.sub("", norm or "", count=1)  # round 90 (22k: '打错 系陈亚弟' after 改名)
    found = _NAME_SAID_RIGHT_RE.match(norm) or _NAME_ALONE_SAID_RE.match(norm)
    if not found or _NOT_A_PERSON_RE.search(norm) or not has_common_surname(found["name"]):
        return None
    if found["name"] in _TREE_NAMES:  # tidy81: '劳驾改成龙眼' changes a record's tree (龙 is a surname too)
        return None
    return found["name"]


# round 52 (the lead, in the simulator: '我个名写错咗 应该系陈月姣' got how to register again, the name said right in it):
# the right name at the end of a name's correction, after the words that say it
_RIGHT_NAME_IN_RE = re.compile(_RIGHT_NAME_SAID)


def right_name_in(norm: str) -> str | None:
    """Round 52: the right name said in a correction of one's name ('我个名写错咗 应该系陈月姣' -> '陈月姣'), a common
    surname first (``name_said_right``, said alone, is the same name after the correction came first)."""
    from bot.surnames import has_common_surname

    found = _RIGHT_NAME_IN_RE.search(_INTENT_PARTICLES_RE.sub("", norm or ""))
    if not found and (alone := name_said_right(norm or "")):
        return alone  # round 87: '系张国华' just after the name said wrong
    if not found and _right_not_wrong(norm or ""):  # round 66: '我个名系刘进华唔系刘近华 帮我改' -> '刘进华'
        right = _RIGHT_NOT_WRONG_THEN_CHANGE_RE.search(norm)
        return right["right"] if right else None
    if not found or _NOT_A_PERSON_RE.search(norm) or not has_common_surname(found["name"]):
        return None
    return found["name"]


# conv96 (22o: '唔系 系陈亚梅 打错字' right after '登记 陈亚妹 …' had become a ticket): the right name said with the slip
# or a denial before it ('名打错咗 系李桂英', '错咗 我叫刘志民', '唔好意思 名写错咗 系何国章') or the slip or 才对 after it
# ('係张美凌先啱 头先打错'); a person's name (a common surname, bot/surnames.py), so a count corrected ('唔系两棵 系三棵')
# is none
_NAME_CORRECTED_RE = re.compile(
    r"^(?P<before>(?:(?:我|我的|我个)?(?:名|名字)?(?:打|写|登记|搞|弄|输|填)?错(?:字)?(?:了|啦|喇)*"
    r"|不是|不对|不要意思|不好意思|对不起|抱歉)*)"
    r"(?:我)?(?:应该|其实)?(?:是|叫|叫做)(?P<name>[\u4e00-\u9fff]{2,4}?)"
    r"(?P<after>(?:才对|先对|才是|才合适|先合适)?(?:(?:头先|刚才|刚刚|之前)?(?:我)?(?:打|写|登记|输|填)错(?:字)?(?:了|啦|喇)*)?)$"
)


def name_corrected(norm: str, species_table: Mapping) -> str | None:
    """Conv96: the right name in a correction said with its slip or denial (``_NAME_CORRECTED_RE``), a person's name
    (a common surname), never a count nor a tree ('打错咗 系龙眼': the record's); None otherwise."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    found = _NAME_CORRECTED_RE.match(bare) if bare and len(bare) <= INTENT_MAX_CHARS + 4 else None
    if not found or not (found["before"] or found["after"]) or _NOT_A_PERSON_RE.search(bare):
        return None
    name = found["name"]
    return name if has_common_surname(name) and not is_tree_name(name, species_table) else None


# round 56 (the lead, in the simulator): not going, said with nothing named ('我不参加了', '我唔去啦'): of the planting day
# when it was what the sender talked of just before (handlers/village.py), else the wish to leave (handlers/registration.py)
_NOT_GOING_ELLIPTIC_RE = re.compile(r"^(?:我|我们)?(?:都|也|就)?(?:不|唔)(?:想|去)?(?:去|参加|来)(?:了|啦|喇|咯)?$")

# conv96 (22o: '退订 || 我冇睇错 唔想收'): the stop kept just after it, a slip denied (没看错, 没按错, 我确定) and the sending
# refused with no object ('冇搞错 真系唔想再收', '没看错 就是不想收了'): 'kept' (the stop again, handlers/core.py); the
# slip owned ('睇错咗 照收': round 95's reminders_back) is no denial
_STOP_KEPT_ELLIPTIC_RE = re.compile(
    r"^(?:我)?(?:(?:没有|没|不是)(?:看错|弄错|搞错|按错|点错|揿错|撳错|误按|误点|讲错|说错)(?:了|呀|啊|啦)?|确定|肯定)?"
    r"(?:我)?(?:真是|真的|就是|确实|是|都)?(?:不想|不要|不用|不愿意)(?:再)?(?:收|接收|收到|要|看)(?:了|啦|呀|啊|喇|咯)*$"
)


# round 97 (22q: '退订' then '搞错 又想收返'): a slip or a sorry said before wanting them back (tidy81: the words of
# ``_SLIP_OR_SORRY_RE``)
_SLIP_OR_SORRY_FIRST_OF_AGAIN_RE = re.compile(rf"^(?:(?:我|头先|刚才|刚刚)?{_SLIP}(?:了|啦|喇)*|{_SORRY})+")


def again_after_a_slip(bare: str) -> bool:
    """'又想收返' (wanted back again), a slip or a sorry before it at most ('唔好意思 又想收返', '点错了 又想要回来');
    never 又要 alone."""
    bare = _SLIP_OR_SORRY_FIRST_OF_AGAIN_RE.sub("", bare, count=1)
    return bool(_AGAIN_ELLIPTIC_RE.match(bare)) and bare not in ("又要", "再要")


def follow_up_said(norm: str) -> str | None:
    """Round 48: an elliptic follow-up: 'village' ('成条村呢'), 'mine' ('我自己呢'), 'again' ('又想收返'); round 50: 'name'
    (the right name said alone: '正确的是邓丽芳'); round 56: 'declined' ('我不参加了'); round 92: 'why_zero' ('点解仲系零');
    conv96: 'kept' (the stop kept: '我冇睇错 唔想收'); conv101: 'award' ('咁有冇奖啊'), 'counted' ('咁我而家算唔算参加咗');
    None otherwise."""
    if name_said_right(norm):
        return "name"
    if norm and _NOT_GOING_ELLIPTIC_RE.match(norm):
        return "declined"
    bare = _INTENT_PARTICLES_RE.sub("", norm or "") if norm and not norm.endswith("呢") else norm or ""
    if _VILLAGE_ELLIPTIC_RE.match(bare):
        return "village"
    if _MINE_ELLIPTIC_RE.match(bare):
        return "mine"
    if again_after_a_slip(bare):
        return "again"
    if _WHY_ZERO_RE.match(bare):
        return "why_zero"
    if _STOP_KEPT_ELLIPTIC_RE.match(bare):
        return "kept"
    if _AWARD_ELLIPTIC_RE.match(bare):
        return "award"  # conv101
    if _COUNTED_ELLIPTIC_RE.match(bare):
        return "counted"  # conv101
    return None


# conv101 (22w: '参加' then '咁我而家算唔算已经参加咗' had become a ticket): whether one now counts as taking part, asked
# with no day named just after 参加 (handlers/events.py: one's attendance, as a follow-up of the join)
_COUNTED_ELLIPTIC_RE = re.compile(
    r"^(?:这么|那|那么|噉|咁|所以)?(?:我)?(?:现在|而家|依家|宜家|这样|噉样|咁样)?(?:就)?"
    r"(?:算不算|算是|算|有没有算|是不是)(?:已经)?(?:参加|签到|签了到|出席|到场)(?:了|过|成功)?(?:吗|没有|未|了没有|成功了吗)?$"
    # 22x: '咁即系我签到咗未' (that means I'm checked in?)
    r"|^(?:这么|那|那么|噉|咁|所以)?(?:即系|即是|就是|是不是|即)?(?:我)?(?:已经)?(?:签到|签了到|参加)(?:了)(?:未|没有|没|吗)?$"
    # conv104 (23a: '我参加咗未啊 有冇记录'): taken part yet, then whether it is recorded (有没有记录, 有记录吗)
    r"|^(?:这么|那|那么|噉|咁|所以)?(?:我)?(?:已经)?(?:签到|签了到|参加)(?:了)?(?:未|没有|没|吗)?[啊呀吖]?"
    r"(?:有没有|有)(?:记录|记上|记到|登记)(?:了)?(?:吗|没有|未)?$"
)


# round 92 (22l '我的进度' then '点解仲系零'): why the count shown is still nought, asked just after it ('怎么还是0', '我明明种咗
# 点解系0'): the records that wait for the check, or none reported (handlers/progress.py review_why, as a follow-up)
_WHY_ZERO_RE = re.compile(
    r"^(?:我)?(?:明明)?(?:都|已经)?(?:种了|报了|发了|登记了)?(?:树)?(?:的)?(?:为什么|怎么|为啥)(?:还|都|仍然|仍)?(?:是|得|系)?"
    r"(?:零|0)(?:棵)?$"
)


# progress: the sender's own trees counted ('我种了几棵树了', '我登记的树有几棵'), whether they were recorded ('我那几棵
# 树登记上了没有'), the sender's task ('我完成任务没有'), or the village's count ('全村种了多少了', '我们村种了多少')
_MINE_RE = re.compile(r"我(?!们)|我们(?:家|户)|自己|本人")  # round 21: 我们屋企 (normalised 我们家) is the household
_TROUBLE_RE = re.compile(r"死|病|虫|黄|烂|枯|坏|断|倒|偷|吃")
# someone else's trees or registration ('帮我查一下我老公登记了没有') are not the sender's progress
# round 38: the neighbours by where they live ('我家隔壁的树记上没有')
_SOMEONE_ELSE_RE = re.compile(
    r"老公|老婆|老伴|爸|妈|儿|女|孙|他|她|别人|邻居|隔壁|对面|父|母|哥|姐|弟|妹|伯|婆|叔|爷|奶"
)
_TREES_RE = re.compile(rf"树|苗|{_MEASURE}|种")
_VILLAGE_RE = re.compile(
    rf"(?:我们|咱们|咱|我|本|全|俺)(?:村|社区)|村里|社区里|村子|(?:我们|咱们|本|全)[{_CJK}]{{1,3}}?(?:村|社区)"
    # round 64 (20q: '党建林种咗几多亩了'): the village's plot named as what has been planted (a cadre's record of it is
    # '党建林 2.5亩 120棵 香樟', never asked)
    r"|党建林|主题林|示范林"
)  # round 19: the village by its name ('我们埔心村')


def trees_spoken_of(norm: str) -> bool:
    """Round 64: does the (normalised) text speak of trees or planting (树, 苗, a measure, 种)?"""
    return bool(_TREES_RE.search(norm or ""))


_HAD_RE = re.compile(r"了|的|过|已经|一共|总共|共|总|上|(?<=种)到")  # round 28: 种到多少 (planted up to how many)
_COUNT_ASKED_RE = re.compile(rf"(?:多少|几)\s*(?:{_MEASURE}|亩)?(?:树|苗)?(?:了|呢|啊|呀|吗|啦)*$")
# round 19: how far from the target ('还差多少', '离两亩还差多少', '仲差几多棵先够数', '种了几棵了够不够数')
# conv88 (22f: '我仲要种几多先够'): or how many more one must still plant to have enough (还 … 种多少 … 才够); with no 还
# it is the rule asked ('党员要种几多先够': the FAQ's)
_GAP_ASKED_RE = re.compile(
    r"差(?:多少|几)|够不够|够数(?:了)?(?:没有|没|吗|未)?$"
    r"|还(?:要|需要|得)?(?:再)?种(?:多少|几)(?:棵|株)?(?:树)?(?:才|先)(?:够数|够|达标|合格|完成|算完成)"
)
# round 43 (19q): one's (or the household's) share handed in enough, no tree named ('我屋企交够数未啊', '我家够数未')
_ENOUGH_HANDED_IN_RE = re.compile(r"(?:交|种|报|完成)?够(?:数|棵数|指标|任务)(?:了)?(?:没有|没|吗|未|未有|冇)$")
# round 43 (19q): how many in all, no planting verb ('加埋呢两棵 我总共几多棵喇': the trees counted in left out first)
_DUTY_RE = re.compile(r"要|应该|应当|需要|得种|规定|至少|最少|起码")  # how many one must plant: the rule, asked
# round 50 (19y): or the trees counted with no measure ('今年我家总共多少树了')
_IN_ALL_ASKED_RE = re.compile(rf"(?:总共|一共|合共|加起来|总数)(?:有|是|算)?(?:多少|几)\s*(?:{_MEASURE}(?:树)?|树)$")
_RECORDED_RE = re.compile(
    r"(?:登记|记录|记|算|录|统计)(?:上|进去|好|到|入)?(?:了)?(?:没有|没|吗|未|冇|未有)"
    # round 84 (22b: '我今年种咗几多棵啊有冇帮我记低㗎'): asked before the verb, by voice with no pause ('有冇记低')
    r"|有没有(?:帮我|给我|同我)?(?:登记|记录|记|录)(?:上|进去|好|到|入|低|下|落)"
)

_TASK_RE = re.compile(
    r"任务(?:完成|做完|达标|够)(?:了)?(?:没有|没|吗|未)|(?:完成|做完)(?:了)?(?:任务|指标)(?:没有|没|吗|未)"
    # round 71 (21f): whose task named between ('我完成咗党员任务未', '我做完了今年的种树任务没有')
    r"|(?:完成|做完)(?:了)?(?:我的|我)?(?:今年|今年的)?(?:党员|干部|村干部|个人|种树|植树)(?:的)?(?:种树|植树)?(?:任务|指标)"
    r"(?:没有|没|吗|未)"
    # round 23: asked as 'is it so?' ('我家是不是已经算完成任务了', '我算不算达标了', '任务算完成了吗')
    r"|(?:是不是|是否|算不算|有没有)(?:已经)?(?:算)?(?:完成|做完|达标|种够)(?:了)?(?:任务|指标)?(?:了)?$"
    r"|任务(?:已经)?算(?:完成|做完|达标)(?:了)?(?:没有|没|吗|未)"
)
_PROGRESS_WORD_RE = re.compile(r"进度|进渡|进展|完成情况|排名|排第")  # 进渡: 进度 typed by its sound
# how far it has come: done or up to the target yet, how much of it ('我们村达标了没有', '全村完成了多少'), how it is going
# ('我们村完成得怎么样', '村里种得怎么样'): a question of the whole, at the end ('种完树以后怎么管护' asks something else)
_DONE_ASKED_RE = re.compile(r"(?:完成|达标|做完|种完|种够)(?:了)?(?:没有|没|吗|未|多少|几成|几多|百分之几)$")
_HOW_FAR_RE = re.compile(
    r"(?:完成|达标|种|栽|搞|做|弄|进行|进度|进展|排名)(?:得|了|的)?(?:怎么样|怎样|如何|怎么)$"  # 如何 reads 怎么
    # round 67 (20x): Cantonese 种成点 (how far it has got: '埔心村种成点样')
    r"|(?:种|栽|搞|做|弄)(?:成|得)(?:怎么样|怎样|怎么|点)$"
    # round 20: how far along ('种树搞到哪一步了'), and 达标 asked first ('有冇达标')
    r"|(?:种|栽|搞|做|弄|进行|完成)(?:得|了)?到(?:了)?(?:哪一步|哪步|什么程度|哪个阶段)$"  # round 33: 任务完成到哪一步
    r"|(?:有没有|有无)(?:完成|达标|种够|种完)$"
    # conv105 (23b: '我们埔心村党员种树情况怎么样了' had been a ticket): how the planting stands (种树情况怎么样)
    r"|(?:种树|种植|完成)(?:的)?情况(?:怎么样|怎样|如何|怎么)$"
)
# round 20: the count reported and checked ('全村上报多少棵 核实多少棵'), the village's figures a cadre reports
# round 37 (19m): 报 alone is the trees reported ('我今年一共报了几棵树'), not 报名/报警/报纸/报销/报道
# round 50 (19y): 记 alone is recorded ('我家今年一共记了几棵树了'), never 记得 or 记住
_PLANTING_VERB_RE = re.compile(r"种|栽|登记|记录|植|上报|核实|验收|报(?!名|警|纸|销|道|告)|记(?!得|住|性|者)")
# round 20: why it is asked, said after the question ('月底要填表', '我要报街道'): left out before it is read
_PURPOSE_AFTER_RE = re.compile(
    rf"(?<=[{_CJK}])(?:月底|月尾|今天|明天|下午|等下|等一下|我|我们)*(?:要|得|需要|好)"
    # round 33: to whom first ('我要和书记汇报')
    rf"(?:(?:和|跟|向|给)[{_CJK}]{{1,3}}?)?(?:报|填|交|上报|汇报|报告|报给|统计)[{_CJK}]{{0,4}}$"
)
# round 33: the worry said before the figures ('我们村这个月通报会不会滞后 报上去多少亩了'), left out as after them
_WORRY_RE = re.compile(
    r"(?:通报)?(?:会不会|是不是|有没有|怕不怕|怕)(?:被)?(?:通报|点名|排名)?(?:滞后|落后|倒数|垫底|排后|排最后)(?:了)?(?:吗|呢)?"
)
# round 33: what is wished known said first ('想知道埔心村今年种树任务完成到哪一步了'), and the trees just said counted in
# ('连埋呢两棵我今年总共种咗几多', '加上这两棵 我今年一共种了多少'): left out before the question is read
_WANT_TO_KNOW_LEAD_RE = re.compile(r"^(?:我)?(?:想|想要)(?:知道|了解|问)(?:一下|下)?(?=[\u4e00-\u9fff])")
# conv111 (23h: '镇里要我报本村种咗几多亩党建林 帮我睇下' had been the FAQ's 2亩 asked back): who above asked it of the
# sender told first (镇里要我报, 街道叫我统计, 书记问我), then the figures asked: the figures' question
_ASKED_OF_ME_LEAD_RE = re.compile(
    r"^(?:镇里|镇上|镇政府|镇|街道办|街道|上面|上头|上级|领导|书记|村书记|支书|党委|办公室|县里|区里|乡里)"
    r"(?:要|叫|让|喊|问)(?:我|我们)(?:报|上报|汇报|统计|报告|填报|交|算)?(?:一下|下)?(?=[\u4e00-\u9fff]{3})"
)
# round 49 (19w): the trees pointed at as just reported ('加埋啱啱嗰两棵', '加埋头先嗰啲': 加埋刚刚那两棵, 加埋头先那些)
_THESE_COUNTED_IN_RE = re.compile(
    rf"^(?:连埋|连同|连|加上|加埋|算上|算埋)(?:刚才|刚刚|头先|啱先)?(?:这|呢|那)?"
    rf"(?:(?:\d+|[{_CN_NUM}]{{1,3}}){_MEASURE}|(?<=那)些|(?<=这)些)(?:树)?(?:在内)?"
)
# and then how many in all, the measure left out ('加埋啱啱嗰两棵我总共几多')
_IN_ALL_BARE_ASKED_RE = re.compile(
    rf"^(?:我|我家|我们家)?(?:现在)?(?:总共|一共|合共|加起来)(?:种了|有|是|算)?(?:多少|几)(?:{_MEASURE})?(?:树)?$"
)
# round 49 (19w): one's records counted ('我嘅种树记录有几条', '我有几条种树记录', '我报过几多次种树')
_RECORDS_COUNTED_RE = re.compile(
    r"^(?:我|我的|我家|我们家)(?:的)?(?:种树)?记录(?:一共|总共)?(?:有)?(?:多少|几)条$"
    r"|^(?:我|我家|我们家)(?:一共|总共)?(?:有)?(?:多少|几)条(?:种树)?记录$"
    r"|^我(?:一共|总共)?(?:报|登记|记录|上报)过(?:多少|几)次(?:种树)?$"
)


# round 21: the worry said after it ('进度怎么样 会不会被通报滞后'): the standing the village's progress gives
_WORRY_AFTER_RE = re.compile(
    rf"(?<=[{_CJK}])(?:会不会|会|是不是|有没有|怕|怕不怕)(?:被)?(?:通报|点名|排名)?(?:滞后|落后|倒数|垫底|批评|排后|排最后)(?:了)?"
    r"(?:吗|呢)?$"
)
# round 21: the party members (cadres) of the sender's group or village asked whether they planted enough ('小组里的党员种
# 够了没有'): the village's progress counts them (党员参与)
_MEMBERS_DONE_RE = re.compile(
    r"^(?:我们)?(?:村里|小组|组里|党小组|支部|村)?(?:里|里面)?(?:的)?(?:党员|党员干部|干部|党员们)(?:们)?(?:都)?"
    r"(?:种够|种完|完成|达标|种齐)(?:任务)?(?:了)?(?:没有|没|吗|未)$"
)

# round 52 (20a): how many of the (branch's) party members planted ('我哋支部党员几多个种咗', '党员里面有几个种了'): the
# village's progress counts them (党员参与)
_MEMBERS_COUNTED_RE = re.compile(
    r"^(?:我们)?(?:村里|小组|组里|党小组|支部|村)?(?:里|里面)?(?:的)?(?:党员|党员干部|党员们)(?:里面|里|当中|中)?(?:有)?"
    r"(?:多少|几)(?:个|位|人)?(?:已经)?(?:种|参加|完成|种好|种够)(?:了|咗)?(?:树)?$"
    r"|^(?:我们)?(?:村里|小组|组里|党小组|支部|村)?(?:里|里面)?(?:的)?(?:党员|党员干部)(?:已经)?(?:种了|参加了|完成了)"
    r"(?:多少|几)(?:个|位|人)$"
    r"|^(?:我们)?(?:村里|小组|组里|党小组|支部|村)?(?:里|里面)?(?:有)(?:多少|几)(?:个|位)(?:党员|党员干部)(?:已经)?"
    r"(?:种了|参加了|完成了)(?:树)?$"
    # conv104 (23a: '我们党员种了多少树了' had been a ticket): how many trees ours planted, the members together
    r"|^(?:我们|咱们|我们村|咱们村)?(?:村里|小组|组里|党小组|支部|村)?(?:里|里面)?(?:的)?(?:党员|党员干部|党员们)(?:们)?"
    r"(?:一共|总共|加起来|合共)?(?:已经)?(?:种了|种)(?:多少|几)(?:棵|株)?(?:树)?$"
)
# round 52 (20a): the demonstration plot's area against its target asked ('党建林算够两亩未', '党建林够唔够两亩', '党建林有冇
# 两亩'): the village's progress (its 亩), never a plot record of 2 亩
_PLOT_TARGET_ASKED_RE = re.compile(
    rf"^(?:我们|我们村|村里|本村)?(?:的)?(?:党建林|主题林)(?:种)?(?:算)?(?:够|够不够|有没有|到|到了|达到|满|够了)(?:了)?"
    rf"(?:\d+(?:\.\d+)?|[{_CN_NUM}]+)亩(?:了)?(?:没有|吗|未|没|不)?$"
)
# conv107 (23e: '我们村完成几多亩党建林了', round 106's '我们村党建林种够几亩了', 了 left out as a final particle): the
# village's plot done asked by its 亩, done said (完成, 种够), the plot named before or after; never what must be done (要种够)
_PLOT_DONE_ASKED_RE = re.compile(
    r"^(?:我们|我们村|村里|本村|全村)(?:的)?(?:党建林|主题林|示范林)?(?:已经|总共|一共)?"
    r"(?:完成|种够|种好|种了|搞了|做了|建了|建成)(?:了)?(?:多少|几)亩(?:的)?(?:党建林|主题林|示范林)?$"
)


# round 22: a politeness wrapper with the verb of the request before it ('麻烦出下本村种咗几多棵', '帮我查下我种了几棵');
# a second figure asked after the count ('… 完成几多户', '… 几个党员参加了')
_POLITE_LEAD_RE = re.compile(
    # round 50 (19y): a turn to it after something else ('对了，我家现在一共记了几棵树?', '顺便问下我今年记了几棵')
    r"^(?:对了|另外|顺便问下|顺便问一下|顺便问问|顺便|顺带问下|想问下|想问一下)(?=[\u4e00-\u9fff])|"
    r"^(?:麻烦|麻烦你|麻烦帮我|请|请你|请帮我|帮我|帮忙|查询|查看)(?:出|查|看|报|统计|算|睇|发|拉)?(?:一下|下|个|一个)?(?:数)?"
    r"(?=[\u4e00-\u9fff])"  # round 28: a cadre's formal 查询 ('查询埔心村本月植树完成情况及排名')
)
_SECOND_FIGURE_RE = re.compile(
    r"(?<=[棵株亩了])(?:完成|达标|种了|参加|参与)?(?:了)?(?:多少|几)(?:户|家|个人|人|个党员|党员)(?:完成|达标|参加|参与|种了)?(?:了)?$"
)


# round 27: asked for both parents, who share the sender's household and have no phone ('帮爸妈查一下 他们的种树任务完成了没有',
# '帮阿爸阿妈睇下 佢哋种树任务完成咗未'): the household's progress. One relative's own trees stay theirs ('阿嬷问她的树种够了没有')
_FOR_THE_PARENTS_RE = re.compile(
    r"^(?:(?:帮|替|同)(?:我)?)?(?:爸妈|父母|阿爸阿妈|爷爷奶奶|老人家)(?:查|看|睇|问)(?:查|看)?(?:一下|下)?"
    r"(?:他们|她们|它们)?(?:的)?"
)


# round 38 (19m): a relative who asks, or has the sender ask or look, said first ('阿公问', '阿妈叫我问下', '帮我妈看下',
# '老豆叫我睇下'): the question after it is the household's when it names the household (``household_asked``)
_RELATIVE_ASKS_RE = re.compile(
    r"^(?:(?:帮|替|同)(?:我)?)?(?:阿|老)?(?:爷爷|奶奶|爸爸|妈妈|公|婆|嫲|嬷|爷|奶|爸|妈|豆|爹|娘|伯|叔|姆|伴)"
    r"(?:叫|让|要|喊)?(?:我)?(?:问|查|看|想知道|想知)(?:问|查|看)?(?:一下|下)?"
)


def household_asked(norm: str) -> bool:
    """Round 38: whether the household's trees were recorded, asked by the sender or for a relative ('我家那棵杨梅有没有
    记上去', '阿公问我哋屋企嗰棵荔枝有冇记到'): the household's own records (the sender's progress shows the household's
    count); a neighbour's or a relative's own trees ('邻居家的树', '我阿爸种的龙眼') are theirs."""
    if not norm:
        return False
    bare = _POLITE_LEAD_RE.sub("", norm)
    return frame_said("progress_household", bare) or frame_said(
        "progress_household", _RELATIVE_ASKS_RE.sub("", bare, count=1)
    )


# round 75 (21m): one household's trees asked by a person's name and their home ('睇下陈木棉屋企种咗未', '陈木棉嗰户种咗未',
# '查下李荔英屋企种咗几多'): never a record of the tree in the name (木棉); whose, and whether the sender may see it, is
# the caller's (handlers/progress.py household_progress: a cadre, one household of their own village; anyone else, their own)
_OTHER_HOME_LEAD_RE = re.compile(
    r"^(?:帮我|给我|俾我|同我|麻烦)?(?:看下|看看|看一下|查下|查查|查一下|问下|问一下|想知道|我想知道|想问下)?"
)
_OTHER_HOME_RE = re.compile(
    rf"^(?P<name>[{_CJK}]{{2,4}}?)(?:的|那|这|嗰|呢)?(?:家里|家|屋|户|一家|那户|这户|那家)(?:人)?(?:的树|的)?"
    r"(?:种了没有|种了没|种了未|种了吗|有没有种树|有没有种|种了树没有|种树了没有|种了多少(?:棵)?(?:树)?|种了几棵(?:树)?"
    r"|种好了没有|种好没有|种好了没|种好没|种够了没有|种够没有|种够了没|种够没|完成了没有|完成没有|完成了没|完成没|完成了吗"
    r"|进度(?:怎么样|怎样|如何|怎么)?|种得怎么样|种成怎么样|种成怎么)(?:了|呢|啊|呀|吖)*$"
)
_NOT_A_NAME = frozenset(
    {"我", "我们", "你", "你们", "他", "她", "佢", "其他", "别人", "人家", "隔壁", "邻居", "本村", "村里"}
)


def other_household_asked(norm: str) -> str | None:
    """Round 75: the name of the person whose household's trees are asked (``_OTHER_HOME_RE``: a common surname and a
    given name before 家/户), else None; a relative or oneself ('我阿妈屋企', '我家') is ``household_asked``'s."""
    if not norm or len(norm) > INTENT_MAX_CHARS:
        return None
    found = _OTHER_HOME_RE.match(_OTHER_HOME_LEAD_RE.sub("", norm, count=1))
    if not found:
        return None
    name = found["name"]
    if name in _NOT_A_NAME or not has_common_surname(name) or re.search(OLD_RELATIVES, name):
        return None
    return name


# round 41 (19o): how many in all asked after whether recorded ('我阿妈种的树有没有记上 一共几棵'): the reply's count
_HOW_MANY_AFTER_RE = re.compile(
    rf"(?<=[{_CJK}])(?:我|现在|而家|依家)?(?:一共|总共|共|总|合共|加埋|全部)?(?:有|种了|算)?(?:多少|几)(?:{_MEASURE})?(?:树)?"
    r"(?:了|呢|啊|呀)?$"
)

# round 41 (19o): the trees just reported pointed at (那两棵, 头先嗰两棵荔枝), then whether they were recorded ('头先嗰两棵荔枝
# 记到未 而家总共几多棵', '那两棵荔枝算进去了没有'): the sender's progress, never a new record of them
_THOSE_TREES_RECORDED_RE = re.compile(
    rf"^(?:刚才|刚刚|头先|啱先|啱啱|今天|今日|之前)?(?:报的|发的|登记的)?(?:那|这)(?:{_NUM})?{_MEASURE}[{_CJK}]{{0,4}}?"
    r"(?:有没有(?:记|登记|记录|录|算|报)(?:上|进去|好|到|入|上去)"
    r"|(?:记|登记|记录|录|算|报)(?:上|进去|好|到|入|上去)(?:了)?(?:没有|没|吗|未))$"
)


def relative_recorded_asked(norm: str) -> bool:
    """Round 38: whether a relative's own trees were recorded ('看下我妈种的树记上没有'): theirs, under their own WeChat
    or the sender's when the sender reported them; never a ticket (handlers/progress.py relative_progress)."""
    norm = _PLEASE_FIRST_RE.sub("", norm or "", count=1)  # conv96: '唔该 …' (不该: its 不 is no negation of it)
    if norm and _RELATIVE_COUNT_RELAYED_RE.match(norm):
        return True  # conv98
    if norm and frame_said("progress_relative", _POLITE_LEAD_RE.sub("", _HOW_MANY_AFTER_RE.sub("", norm))):
        return True  # round 41: how many in all asked after it
    return bool(norm) and frame_said("progress_relative", _POLITE_LEAD_RE.sub("", norm))


# round 42 (19p): one's own record asked whether recorded ('查下我嘅记录 唔知上次有冇记到'), after the quota said ('党员要种一
# 棵 我那个记上没')
_QUOTA_SAID_FIRST_RE = re.compile(
    r"^(?:党员|干部|村干部|每户|每人|每个人)(?:要|至少|最少|起码)?种(?:一|1|两|2|三|3|五|5)棵(?:树)?"
)
# round 61 (20p): the quota asked, then one's own count ('党员要种几多先够数 我而家几多'): one's progress, which says both
# (任务N棵：还差M棵); the quota alone stays the FAQ's rule
_QUOTA_THEN_MINE_RE = re.compile(
    r"^(?:我|我们|党员|干部|村干部|两委干部|每户|每人|每个人)(?:要|需要|至少|最少|起码)?种(?:多少|几)(?:棵)?(?:树)?"
    r"(?:才|先)?(?:够数|够|达标|合格|完成|算完成|得)?(?:呢|啊)?"
    r"(?:那|咁)?我(?:现在|目前|已经|而家|自己)?(?:种了|有|得)?(?:多少|几)(?:棵)?(?:了|呢|啊)?$"
)
# round 67 (20x): what one planted (and did not do yet) told, then whether one's task is done asked ('我种咗一棵 仲未参加过
# 活动 算唔算完成'): one's progress, which says both (trees and the planting day); a count told is no record here
_PLANTED_THEN_DONE_ASKED_RE = re.compile(
    # planted told (种了), never the rule asked of a count ('我家种一棵就算完成了吗': round 32's, the FAQ's)
    rf"^(?!.*(?:就算|才算|先算))(?:我|我们|我家)(?:已经)?种(?:了|咗){_NUM}{_MEASURE}(?:树)?[{_CJK}]{{0,12}}?"
    r"(?:算不算|是不是|有没有|够不够|算)(?:已经)?(?:算)?(?:完成|达标|合格|够数|做完)(?:了)?(?:任务|指标)?(?:了)?(?:吗|没有|未)?$"
)
# round 83 (21z): the planting told done, then what is left of one's duties asked ('我种树已经完成咗 仲差参加活动未',
# '我树已经种好咗 仲差边样'): one's progress, which says the trees and the planting day; a count left is a record's
_PLANTING_DONE_THEN_LEFT_RE = re.compile(
    r"^(?:我|我们|我家)(?:的)?(?:种树|树)?(?:已经|都)?(?:种树)?(?:完成|种好|种完|做完|弄好|搞好|搞定)(?:了|啦|喇)?(?:树)?(?:了|啦|喇)?"
    r"(?:那|咁|就)?(?:还差|还有|仲差)(?:参加活动|参加植树活动|参加义务植树|什么|哪样|哪些|啥|些什么)"
    r"(?:没有|没|未|吗|呢|要做|没做|未做)?$"
)
_OWN_RECORD_ASKED_RE = re.compile(
    r"^(?:帮我)?(?:查|看|查看)?(?:下|一下)?我(?:的|那个|那棵|个)(?:记录|树)?(?:不知道)?(?:上次|之前|上回)?(?:有没有)?"
    r"(?:记到|记上|记录到|登记到|记录上|登记上)(?:了)?(?:没有|没|未|吗|了吗|了没|吧)?$"
)


# round 42 (19p): whether a kind of tree may be planted, asked first ('可以种外国的树吗 我朋友送了几棵': 几棵 normalised
# 多少棵 is a few trees given, no count asked): a question for the FAQ, never progress
_MAY_I_PLANT_FIRST_RE = re.compile(
    r"^(?:请问)?(?:我|我们)?(?:可以|能|能不能|可不可以|可否|能否)种[\u4e00-\u9fff]{1,10}?吗"
)


# round 69 (21a): what each household or member must plant asked (每户, 每个党员 … 至少/要 … 种多少): the campaign's rule
_QUOTA_PER_HEAD_ASKED_RE = re.compile(
    r"每(?:户|家|人|个|位|名|条|村)(?:人|人家|党员|干部|村民|群众|村|行政村)?(?:都)?"
    # conv105 (23b: '每个行政村的党建林最少要种几亩' had been the village's progress): the plot named after who must
    r"(?:的)?(?:党建林|党员林|示范林|示范点)?(?:都)?"
    # round 97 (22q: '党建林每个村要种几多亩' had been the adviser's village progress): per village too, its 要求
    # conv106 (23d: '党建林每条村要种够几多亩' had been the village's progress): enough of it (种够, 种满)
    r"(?:至少|最少|起码|要求|要|应该|需要|得)(?:要|需要)?(?:种|植|栽|搞|做)(?:够|满|足|到)?(?:多少|几)"
)


# round 72 (21c): whether the task is done asked with no one named, alone or after 'so' or 'done yet' ('搞掂未 算唔算完成任务',
# '咁算唔算完成任务', normalised 完成未算不算完成任务, 这么算不算完成任务): the sender's own (a rule asked names a count: 种几棵先算)
_SUBJECTLESS_TASK_RE = re.compile(
    r"^(?:这么|那么|那|所以|即是|就是)?(?:(?:完成|做好|种好|弄好|搞好|好)(?:了)?(?:未|没有|吗|没)?)?(?:这么|那么|那)?"
    r"(?:是不是|是否|算不算|有没有)(?:已经)?(?:算)?(?:完成|做完|达标|种够)(?:了)?(?:任务|指标)(?:了)?$"
)


# round 73 (21i): what is left for oneself to do, asked in one's own words ('我仲有咩要做', '我还有哪些任务没完成', '仲有咩要我
# 做'): one's duties, the quota and what is done of it; the care after planting ('种完树仲有咩要做') is the FAQ's
_OWN_DUTIES_LEFT_RE = re.compile(
    r"(?:(?:那|咁|噉)?(?:我|我自己)(?:现在|而家|今年)?(?:还|都)?(?:有|剩)(?:什么|啥|哪些|些什么|边啲|几多)(?:任务|事|事情|工作|嘢)?"
    r"(?:要|需要|未|没|没有|冇)(?:去)?(?:做|完成|搞|办|落实)"
    r"|(?:那|咁)?(?:还|都)?有(?:什么|啥|哪些)(?:任务|事|事情|工作|嘢)?(?:要|需要)我(?:去)?(?:做|完成|搞|办))"
    r"(?:的|嘅)?(?:吗|么|呢)?"
)


def own_duties_left_asked(norm: str) -> bool:
    """Round 73: what is left for the sender to do, asked bare (``_OWN_DUTIES_LEFT_RE``), particles aside."""
    bare = _INTENT_PARTICLES_RE.sub("", re.sub(r"[\s,，。.!！~～?？]", "", norm or ""))
    return bool(bare) and len(bare) <= INTENT_MAX_CHARS and bool(_OWN_DUTIES_LEFT_RE.fullmatch(bare))


# round 75 (21m): how the others are doing asked ('睇下其他党员种咗几多', '其他人家种了没有'): the village's counts, no names
_OTHERS_PROGRESS_RE = re.compile(
    r"^(?:其他|其余|别的|另外的|其它)(?:的)?(?:党员|人|人家|村民|群众|户|家|干部|村干部|家庭)?(?:都|又|又都)?"
    r"(?:种了多少(?:棵)?(?:树)?|种了几棵(?:树)?|种了没有|种了没|种了未|种好了没有|种好没有|种好没|完成了没有|完成没有|完成了没"
    r"|完成没|完成了多少|完成得怎么样|种得怎么样|种成怎么样|种成怎么|进度(?:怎么样|怎样|如何|怎么)?)(?:了|呢|啊|呀|吖)*$"
)


# round 78 (21q): an area told roughly ('三亩几': three mu and some), no 几 of a question
_ROUGH_AREA_RE = re.compile(rf"(?<=[0-9{_CN_NUM}])亩几(?![时点天号月年个棵株次多])")


# round 91 (a cadre: '镇里面话我哋落后 睇下村里而家几多棵'): the village's count looked at, asked to be told, with no verb of
# planting, last (a remark may come before it): the village's progress; a tree named is still a question (checked after)
_LOOK_AT_VILLAGE_COUNT_RE = re.compile(
    r"(?:看下|看看|看一下|查下|查一下|查查|说我知|告诉我|话我知)(?:我们|我哋)?(?:村里|村|全村|本村)(?:现在|而家|目前|今年)?"
    r"(?:一共|总共|总数)?(?:种了|种咗)?(?:多少|几多)(?:棵|条)?(?:树)?$"
)


def progress_said(norm: str, species_table: Mapping) -> str | None:
    """'mine' or 'village' for a question about what was planted (see above); None for anything else: a count of
    trees said ('我种了3棵') or a tree named ('我种了几棵桂花' is a record whose count the bot asks) is no question
    about progress, and neither is advice ('我家种几棵好')."""
    norm = _ROUGH_AREA_RE.sub("亩多", norm) if norm else norm
    if norm and frame_said("village_lag", norm):  # round 39 (19n): the lag is the question, not a worry after one
        return "village"
    if own_duties_left_asked(norm):
        return "mine"  # round 73 (21i): '我仲有咩要做', one's own duties
    # round 75 (21m): the others of a group ('睇下其他党员种咗几多'): the village's counts, no names
    if norm and _OTHERS_PROGRESS_RE.match(_OTHER_HOME_LEAD_RE.sub("", norm, count=1)):
        return "village"
    if norm and _QUOTA_THEN_MINE_RE.match(norm):
        return "mine"  # round 61 (20p): the quota, then one's own count
    if norm and _PLANTED_THEN_DONE_ASKED_RE.match(_INTENT_PARTICLES_RE.sub("", norm)):
        return "mine"  # round 67 (20x): what one did told, then whether the task is done
    if norm and _PLANTING_DONE_THEN_LEFT_RE.match(_INTENT_PARTICLES_RE.sub("", norm)):
        return "mine"  # round 83 (21z): the planting told done, then what is left asked
    if norm and _QUOTA_PER_HEAD_ASKED_RE.search(norm):
        return None  # round 69 (21a): the rule asked ('今年村里每户至少要种几多棵'), the FAQ's quota, no progress
    norm = _WORRY_AFTER_RE.sub("", _PURPOSE_AFTER_RE.sub("", norm)) if norm else norm
    norm = _SECOND_FIGURE_RE.sub("", _POLITE_LEAD_RE.sub("", norm)) if norm else norm
    counted_in = bool(norm) and bool(_THESE_COUNTED_IN_RE.match(_WANT_TO_KNOW_LEAD_RE.sub("", _WORRY_RE.sub("", norm))))
    norm = _progress_leads_left(norm) if norm else norm
    if counted_in and _IN_ALL_BARE_ASKED_RE.match(_INTENT_PARTICLES_RE.sub("", norm)):
        return "mine"  # round 49 (19w)
    if norm and _RECORDS_COUNTED_RE.match(_INTENT_PARTICLES_RE.sub("", norm)):
        return "mine"  # round 49 (19w): one's records counted
    norm = _FOR_THE_PARENTS_RE.sub("我家", norm, count=1) if norm else norm
    if norm and _PLANTED_WHERE_TO_LOG_RE.match(_INTENT_PARTICLES_RE.sub("", norm)):
        return None  # round 22: '我屋门口种了树了要在这里记录吗' asks how to log them (the planting help)
    if not norm or len(norm) > INTENT_MAX_CHARS or _MAY_I_PLANT_FIRST_RE.match(norm):
        return None
    if _OWN_RECORD_ASKED_RE.match(_QUOTA_SAID_FIRST_RE.sub("", norm)):
        return "mine"
    if _MEMBERS_DONE_RE.match(_INTENT_PARTICLES_RE.sub("", norm)):
        return "village"
    if _MEMBERS_COUNTED_RE.match(_INTENT_PARTICLES_RE.sub("", norm)) or _PLOT_TARGET_ASKED_RE.match(norm):
        return "village"  # round 52 (20a)
    if _PLOT_DONE_ASKED_RE.match(_INTENT_PARTICLES_RE.sub("", norm)):
        return "village"  # conv107: the plot's 亩 done asked
    if frame_said("progress_recorded", norm) or frame_said("progress_recorded_for_me", norm) or household_asked(norm):
        return "mine"  # round 31 (19i): the trees reported named, then whether they were recorded (FRAMES)
    if _THOSE_TREES_RECORDED_RE.match(_HOW_MANY_AFTER_RE.sub("", norm)):
        return "mine"  # round 41 (19o): the trees just reported pointed at, whether recorded, how many in all after it
    if _SUBJECTLESS_TASK_RE.match(_INTENT_PARTICLES_RE.sub("", norm)):
        return "mine"  # round 72 (21c)
    village = bool(_VILLAGE_RE.search(norm))
    mine = bool(_MINE_RE.search(norm))
    if not (village or mine):
        return None
    if _DIGITS_IN_COUNT_RE.search(norm) or _TROUBLE_RE.search(norm) or _SOMEONE_ELSE_RE.search(norm):
        return None
    asked = (
        (_PLANTING_VERB_RE.search(norm) and _HAD_RE.search(norm) and _COUNT_ASKED_RE.search(norm))
        or (_TREES_RE.search(norm) and _RECORDED_RE.search(norm))
        or _TASK_RE.search(norm)
        or ((_TREES_RE.search(norm) or "亩" in norm) and _GAP_ASKED_RE.search(norm))
        or (mine and _ENOUGH_HANDED_IN_RE.search(_INTENT_PARTICLES_RE.sub("", norm)))  # round 43
        or (mine and _IN_ALL_ASKED_RE.search(_INTENT_PARTICLES_RE.sub("", norm)) and not _DUTY_RE.search(norm))
        or (_PROGRESS_WORD_RE.search(norm) and not _HOW_RE.search(norm))
        or _DONE_ASKED_RE.search(_INTENT_PARTICLES_RE.sub("", norm))
        or _HOW_FAR_RE.search(_INTENT_PARTICLES_RE.sub("", norm))
        or (village and _LOOK_AT_VILLAGE_COUNT_RE.search(_INTENT_PARTICLES_RE.sub("", norm)))  # round 91
        or frame_said("progress_village" if village else "progress_mine", norm)  # round 31: the frames (FRAMES)
    )
    if not asked or find_species(norm, species_table)[0]:
        return None
    return "village" if village else "mine"


def _progress_leads_left(norm: str) -> str:
    """Round 33: a progress question without the worry, the wish to know, or the trees just said counted in."""
    norm = _ASKED_OF_ME_LEAD_RE.sub("", norm, count=1)  # conv111
    return _THESE_COUNTED_IN_RE.sub("", _WANT_TO_KNOW_LEAD_RE.sub("", _WORRY_RE.sub("", norm)))


_LOOK_LEAD_RE = re.compile(r"^(?:帮我|同我|给我)?(?:看下|看看|看一下|查下|查一下|问下|问一下)(?=[\u4e00-\u9fff]{3})")
# the survival asked after the count, as its own clause ('成活点样', '成活率几多', '活得点'), normalised
_SURVIVAL_AFTER_RE = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:同|和|跟)?(?:成活(?:率)?|活得)(?:怎么|怎样|如何|多少|几多|好不好|高不高|情况)(?:样)?"
    r"(?:啊|呀|呢|吖|了)?$"
)


def survival_asked(norm: str) -> bool:
    """Round 76: the survival asked beside a village's figures ('埔心村种咗几多棵 成活点样'), normalised text."""
    return bool(norm and _SURVIVAL_AFTER_RE.search(norm))


def village_named_in_progress(norm: str, species_table: Mapping) -> list[str]:
    """A village's progress asked by its name ('埔心目前种了多少棵', '埔心村的进度'): the ways the text's start may name
    the village (2 to 6 characters, longest first), each one for which the rest reads as the village's progress
    (``progress_said`` of '村里' and the rest); the caller looks them up in the roster, and shows a village only to
    whom may see it (handlers/progress.py)."""
    norm = _POLITE_LEAD_RE.sub("", _progress_leads_left(norm)) if norm else norm  # round 28: '查询埔心村本月…'
    # round 76 (21m, 21n: an adviser of his linked village): looked at ('睇下埔心村种咗几多'), its survival asked after the
    # count ('埔心村种咗几多棵 成活点样': the figures, with the survival line, handlers/progress.py); round 75: '睇下石岗村种成点'
    norm = _OTHER_HOME_LEAD_RE.sub("", norm, count=1) if norm else norm
    norm = _SURVIVAL_AFTER_RE.sub("", _LOOK_LEAD_RE.sub("", norm)) if norm else norm
    if not norm or len(norm) > INTENT_MAX_CHARS or _QUOTA_PER_HEAD_ASKED_RE.search(norm):
        return []  # round 97: the rule per village asked ('党建林每个村要种几多亩'), no village named
    return [
        norm[:cut]
        for cut in range(min(6, len(norm) - 2), 1, -1)
        if re.fullmatch(rf"[{_CJK}]+", norm[:cut]) and progress_said("村里" + norm[cut:], species_table) == "village"
    ]


# round 75 (21m): a village named that is not one's own ('石岗村', '下屋村', '其他村'); one's own in words is progress_said's
_OWN_VILLAGE_WORDS = frozenset(
    {"本村", "我们村", "我哋村", "我村", "全村", "成条村", "这个村", "这条村", "村", "我们这个村"}
)


def other_village_name(name: str) -> bool:
    """Round 75: is this the name of a village (or 社区) other than the sender's own words for theirs?"""
    return (
        bool(re.fullmatch(rf"[{_CJK}]{{2,5}}(?:村|社区)", name or ""))  # a village's own name: two characters at least
        and name not in _OWN_VILLAGE_WORDS
        and not re.search(r"我|你|他|佢|为什么|怎么|什么|哪|这|那|本|全|成条|隔壁|其他", name)  # a question, one's own
    )


_DIGITS_IN_COUNT_RE = re.compile(rf"(?:\d|[{_CN_NUM}])\s*{_MEASURE}")

# help: how to use this ('怎么用这个', '点用', '教我怎么用'), what it can do ('有什么功能', '你会做什么')
_THE_BOT = r"(?:这个|呢个|你|您|你们|这|这里|公众号|这个号|助手|小助手|机器人|系统|小程序|程序)"
_HOW_TO_USE_RE = re.compile(
    rf"^(?:请问|请|麻烦)?(?:教我|教下我|教一下我|我不会|不会|我想知道)?{_THE_BOT}?(?:要|应该|该|是)?(?:怎么|怎样|如何)"
    rf"(?:使用|用|操作|玩)(?:{_THE_BOT}|法|的|啊|呀)*$"
    # round 49 (19w): Cantonese 点 left as typed before 玩 or 用 ('点玩㗎', '呢个点玩')
    rf"|^(?:请问)?{_THE_BOT}?(?:要|是)?点(?:样)?(?:使用|用|玩)(?:{_THE_BOT}|法|的|啊|呀)*$"
    rf"|^(?:请问|请|麻烦)?(?:教我|我不会|不会)?(?:你|您|你们|公众号|这个号|助手|小助手|机器人|系统|小程序)(?:要|应该|该|是)?"
    r"(?:怎么|怎样|如何)(?:弄|搞|操作)$"
    # round 30 (19i): taught how, asked of the bot ('你教我怎么弄这个', after '我老人家不会用')
    r"|^(?:你|您)?(?:教|教下|教一下)(?:我)?(?:怎么|怎样|如何)(?:弄|搞|操作|用|使用)(?:这个|这个东西|这东西)?$"
)
_WHAT_IT_DOES_RE = re.compile(
    # round 30 (19i): what this is, asked just after following ('刚关注 这个是做什么的', '刚关注的 这个号是干嘛的')
    r"^(?:刚关注|新关注|刚加|刚扫码)(?:的|了)?(?:这个|这)(?:号|公众号|账号|东西)?(?:是)?(?:做什么|干什么|干嘛|干吗|搞什么|做乜|干啥|做啥)(?:的|用的)?$|"
    # round 21: asked formally ('请问本公众号提供哪些服务')
    rf"^(?:请问)?(?:本)?{_THE_BOT}?(?:能|可以)?(?:有|有些|提供)?(?:什么|啥|哪些)(?:功能|用处|用途|服务)"
    # round 43 (19q): '我是顾问 这个号有什么功能给我用'; conv102 (22y: '我是技术顾问 这里有什么功能可以用' had been the
    # FAQ's choice of two): may be used, said after (可以用, 能用, Cantonese 用得)
    r"(?:给我用|给我们用|我能用|我可以用|可以用|能用|用得|可以使用|能使用)?$"
    # round 20: Hakka 么个 (what) and 东西 for the bot ('这个东西么个用个'); a user's guide asked for, after being new
    # ('刚关注不太会用 有没有使用说明')
    rf"|^(?:{_THE_BOT}|这个东西|东西)?(?:是|有)?(?:干|做)?(?:什么|啥|么个|么|咩)(?:用|用处|用途|功能)(?:个|的)?$"  # 干什么用的
    r"|^(?:刚关注|新关注|刚来|第一次用)?(?:的)?(?:我)?(?:不太会用|不会用|不懂用|不太懂|不懂)?(?:请问)?(?:有没有|有无|有)?"
    r"(?:使用说明|说明书|使用指南|操作指南|操作说明|使用教程|新手指南)(?:吗)?$"
    rf"|^{_THE_BOT}?(?:能|会|可以)(?:帮我)?(?:做|干|帮)(?:什么|啥|哪些)(?:事|事情)?$"
    # round 22: which commands the sender may use ('顾问这边能用哪些指令', '我可以发什么命令'; 令 reads 让, Cantonese)
    rf"|^(?:{_THE_BOT}|我|我们|顾问|干部|村干部|党员)?(?:这边|那边)?(?:能|可以|会|要)?(?:用|使用|发|打)(?:哪些|什么|啥|咩|乜)"
    r"(?:指令|指让|命令|命让|口令|口让|关键词|关键字)(?:呢)?$"
    # round 25: a role's side (顾问端) and which commands it has, listed ('顾问端有哪些指令，列一下')
    rf"|^(?:{_THE_BOT}|我|我们|顾问|技术顾问|干部|村干部|党员|管理员)?(?:端|这边|那边|版|账号)?(?:有|都有|可以用|能用)"
    r"(?:哪些|什么|啥|咩|乜|些什么)(?:指令|指让|命令|命让|口令|口让|功能)(?:呢)?"
    r"(?:列一下|列下|列出来|发出来|发给我|发我|给我看|列个表)?(?:看下|看看|看一下|看)?$"
    # set 19e: every command listed, after not knowing how ('又唔识用 乜嘢指令都列出来', '所有命令发给我看')
    r"|^(?:又|我又|我)?(?:不会用|不识用|不懂用|不会)?(?:把|将)?(?:所有|全部|什么|有什么|所有的|全部的|些)?"
    r"(?:指令|指让|命令|命让|口令|口让|功能)(?:都|全部|统统|通通)?(?:列出来|列一下|列下|发出来|发给我|发我|写出来|给我看)"
    r"(?:看下|看看|看一下|给我看|看)?$"
    # round 76 (21n: '你哋呢个系做咩嘅'): the bot itself asked what it is for, by the one speaking to it ('你们这个是做什么的',
    # '你哋系做咩㗎', '呢个号系搞乜嘢嘅'): the bot named first, nothing else asked of (a tree, a medicine keep their FAQ)
    rf"|^(?:你|您|你们|你哋)(?:这个|这|这里|这个号|公众号|这个公众号|这个东西)?(?:是|系)?(?:做|干|弄|搞)"
    r"(?:什么|啥|么个|咩|乜|乜嘢|嘛|吗)(?:用)?(?:的|嘅)?$"
    rf"|^(?:这个|这)(?:号|公众号|账号|东西)(?:是|系)?(?:做|干|弄|搞)(?:什么|啥|么个|咩|乜|乜嘢|嘛|吗)(?:用)?(?:的|嘅)?$"
)


# round 33: not knowing said first ('唔知呢度有啲咩功能': 不知这里有些什么功能); what the sender may do here ('我在这个号里面能做
# 哪些操作', after who the sender is: handlers/core.py reads it without_who_i_am)
_NOT_KNOWING_FIRST_RE = re.compile(r"^(?:我)?(?:不知道|不知|不晓得|不清楚|想知道|想问一下|想问下)(?=[\u4e00-\u9fff])")
# round 43 (19q): or a role's ('这个号顾问能用什么功能', '村干部在这里可以用哪些功能', '顾问用这个号能做什么')
_A_ROLE = r"(?:技术顾问|顾问|村干部|两委干部|干部|党员|管理员|村书记|书记)"
_WHAT_I_MAY_DO_RE = re.compile(
    rf"^(?:{_THE_BOT}{{0,2}}(?:我|我们)?(?:在)?{_THE_BOT}{{0,2}}|{_THE_BOT}{{1,2}}{_A_ROLE}(?:在|用)?{_THE_BOT}{{0,2}}"
    rf"|{_A_ROLE}(?:在|用){_THE_BOT}{{1,2}})"
    r"(?:里面|里|上面|上)?(?:能|可以|会)(?:做|干|用|办)(?:哪些|什么|啥|些什么)(?:操作|事|事情|功能|东西)?$"
    # round 61 (20n): the bot after the verb of using ('党员可以用呢个做啲咩', '干部能用这个号做什么')
    rf"|^(?:{_A_ROLE}|我|我们)?(?:能|可以|会)(?:用|在){_THE_BOT}{{1,2}}(?:里面|里|上面|上)?(?:来)?(?:做|干|办)"
    r"(?:哪些|什么|啥|些什么)(?:操作|事|事情|功能|东西)?$"
)


# round 39 (19n): not knowing how to use it, then taught asked ('我唔识用 教下我', '我不会用 教教我'); what else it does, besides
# what one knows ('除了登记种树 呢度仲可以做啲乜', '这个号除了报树还有什么功能'; '除了桂花 还可以种什么' names no use of it)
_TEACH_ME_RE = re.compile(
    rf"^(?:我)?(?:不会用|不识用|不懂用|不会弄|不识弄|不懂)(?:{_THE_BOT})?(?:你)?(?:教下我|教我|教教我|教一下我)(?:用|怎么用)?$"
)
# round 64 (20r): knowing nothing said, then a hand asked ('乜都唔识 帮下手', '我咩都唔识 帮吓我'): the help
_KNOW_NOTHING_HELP_RE = re.compile(
    r"^(?:我)?(?:什么都|啥都|全部都|一点都)(?:不会|不识|不懂)(?:用|弄|搞)?(?:你)?"
    r"(?:帮下手|帮吓手|帮帮手|帮手|帮下我|帮吓我|帮帮我|帮我|教下我|教吓我|教我|教教我)(?:啊|呀|吧|啦)?$"
)
# the lead (fifty-first session: conv97 noticed '除咗淋水仲可以做啲咩' would get the help): besides a tree's care (淋水, 施肥,
# 剪枝, 打药 …) what else to do asks about the tree, never the bot's uses
_BESIDES = rf"(?:除了|除咗|除开)(?![{_CJK}]{{0,7}}?(?:淋|浇|施|肥|剪|修枝|修剪|药|喷|草|松土|盖|绑|撑|水))[{_CJK}]{{1,8}}?(?:以外|之外)?"
_WHAT_ELSE_IT_DOES_RE = re.compile(
    rf"^{_BESIDES}{_THE_BOT}{{1,2}}(?:还|仲)?(?:能|可以|会)?(?:做|干|用|办)(?:些)?(?:什么|啥|乜|咩|哪些)(?:事|事情)?$"
    # round 97 (22q: '除咗问专家仲可以做咩', '除了种树登记 这个号还有什么用'): what use (用) asked too
    rf"|^{_THE_BOT}?{_BESIDES}{_THE_BOT}?(?:还|仲)?(?:有)(?:些)?(?:什么|啥|乜|咩|哪些)(?:功能|服务|用处|用途|用)$"
    # round 47 (19t): what else, nothing named besides ('呢度仲有咩可以做', '我仲可以做啲咩', '这个号还有什么功能', '你还可以帮
    # 我做什么'); '桂花还可以种什么' names no use of the bot; round 97: or besides one named first ('除咗问专家仲可以做咩')
    rf"|^(?:{_BESIDES})?{_THE_BOT}{{0,2}}(?:我|我们)?(?:在)?{_THE_BOT}{{0,2}}(?:还|仲)(?:有)(?:些)?(?:什么|啥|乜|咩|哪些)"
    r"(?:(?:可以|能)(?:帮我)?(?:做|干|用|办)|功能|服务|用处|用途)$"
    rf"|^(?:{_BESIDES})?{_THE_BOT}{{0,2}}(?:我|我们)?(?:在)?{_THE_BOT}{{0,2}}(?:还|仲)(?:能|可以|会)(?:帮我)?(?:做|干|用|办)(?:些)?"
    r"(?:什么|啥|乜|咩|哪些)(?:事|事情|功能)?$"
)


# round 53 (20c): the commands asked after, by anyone ('顾问有咩指令可以用', '有哪些指令可以用', '我做顾问有什么命令'): the help,
# which lists an adviser's commands to an adviser
_COMMANDS_ASKED_RE = re.compile(
    r"(?:有|用|发)(?:些)?(?:什么|啥|哪些|咩|乜|乜嘢)(?:指令|指让|命令|命让)(?:可以用|可用|能用|用|使)?$|(?:指令|指让|命令|命让)(?:有)?(?:什么|啥|哪些|咩|乜)(?:可以用)?$"
    # round 61 (20p): Cantonese order, what first ('乜嘢指令都有': 有乜嘢指令)
    r"|^(?:你|呢度|这里)?(?:什么|啥|哪些|咩|乜)(?:指令|指让|命令|命让)(?:都|你都|呢度都|这里都)?有(?:呢|啊|呀|嘅|的)?$"
)


# round 58 (20j): a question mark alone, of any kind or number ('❓', '？？', '??', '❔'): 'what is this?', the help (the
# command's own '?' and '？' are its words: messages/replies/core.toml)
_MARKS_ALONE_RE = re.compile(r"^[\s?？❓❔⁇⁈⁉\ufe0f]+$")


def question_marks_alone(text: str) -> bool:
    """Round 58: only question marks sent ('❓', '？？')."""
    return bool(_MARKS_ALONE_RE.match(text or ""))


# round 66 (20v): a bare call, whether anyone is there ('喂', '在吗', '有人吗'): right after a question went to the adviser, that
# question asked after (handlers/escalation.py: ticket_wait), else a greeting (the chit-chat's)
_CALL_RE = re.compile(
    r"^(?:喂+|哈喽|hello|hi|(?:专家|老师|顾问|师傅)?(?:在吗|在不在|在么|在没在)|(?:有人|有人在)(?:吗|么)|有没有人(?:在)?|有冇人(?:在)?"
    r"|有无人(?:在)?|人呢|(?:专家|老师|顾问)(?:呢))$"
)


# round 92 (22l '问专家龙眼苗死咗两棵' then '喂 有冇收到'): whether the message before was received, pinged with nothing else
# ('收到没有啊', '你收到我讲嘅嘢未', '喂 你哋收到冇'), or nothing back said ('点解冇反应'): a call as the one above (the question
# just sent asked after: handlers/escalation.py ticket_wait); a record just finished answers them first with its state
# (bot/planting.py recorded_asked); a bare '收到' (got it) pings nothing
_RECEIVED_PING_RE = re.compile(
    r"^(?:喂+)?(?:你|你们)?(?:(?:有没有|是不是)收到(?:了)?(?:我)?(?:讲|说|发|问)?(?:的)?(?:东西|话|消息|信息|问题)?"
    r"|收到(?:了)?(?:我)?(?:讲|说|发|问)?(?:的)?(?:东西|话|消息|信息|问题)?(?:没有|没|未|吗|么|不))$"
    r"|^(?:喂+)?(?:你|你们)?(?:为什么|怎么)(?:都|还|一直)?(?:没有|没|不)(?:什么)?(?:反应|回复|回应|回音|动静|声气)$"
)


def call_said(norm: str) -> bool:
    """Round 66: a bare call ('喂', '在吗', '有人吗', '专家在吗'), nothing asked with it; round 92: or whether the message
    before was received, pinged bare (``received_pinged``)."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    return bool(bare) and bool(_CALL_RE.match(bare)) or received_pinged(norm)


def received_pinged(norm: str) -> bool:
    """Round 92: whether the message before was received, pinged bare ('喂 有冇收到', '你收到我讲嘅嘢未', '点解冇反应')."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    return bool(bare) and bool(_RECEIVED_PING_RE.match(bare))


# round 71 (21e): thanks alone, an okay or who is thanked with it ('多谢', '好的 谢谢', '唔该晒专家': 不该 normalised): just
# after a question went to the adviser, that question's waiting told (handlers/escalation.py: ticket_wait), else the
# chit-chat's 'you're welcome'
_THANKS_ALONE_RE = re.compile(
    r"^(?:好的|好|ok|okay|收到|明白|知道了|嗯)?(?:谢谢|多谢|感谢|感激|不该)(?:你|您|你们|晒|专家|顾问|老师|师傅|先)*"
    r"(?:了|啦|喇|哦|呀|啊|嘅|咯)*"
    # round 74 (21l): the waiting said after the thanks ('多谢啊 等你哋回复', '谢谢 我等专家消息'): thanks still
    r"(?:(?:我|我们)?(?:等|等待)(?:你|您|你们|专家|顾问|老师|师傅)*(?:的)?(?:回复|答复|回音|消息|回|答))?"
    r"(?:了|啦|喇|哦|呀|啊|嘅|咯)*$"
)


def thanks_alone(norm: str) -> bool:
    """Round 71: thanks and nothing else (``_THANKS_ALONE_RE``, on the normalised text)."""
    bare = re.sub(r"[\s,，。.!！~～]", "", norm or "").lower()
    return bool(bare) and bool(_THANKS_ALONE_RE.match(bare))


# conv98 (20r's left '有咩可以帮到我' while a record waited, a ticket): what the bot can help one with, asked with nothing
# else: the help, as '你能做什么' is (read by ``help_said``)
_HELP_OFFERED_RE = re.compile(
    r"^(?:请问|想问下)?(?:你|你们|这个号|这里)?(?:有什么|有啥|有乜|有什么事|有什么东西)(?:可以|能|能够)(?:帮到|帮|帮助|帮得到)(?:我|我们)"
    r"(?:的)?(?:吗|呢|啊|呀)?$"
)


def help_said(norm: str) -> bool:
    """A request for the help text said in words: how to use the bot, what it can do. '这个怎么弄' is not (after a photo
    it asks about the tree); '桂花怎么用肥' names something else."""
    if not norm or len(norm) > INTENT_MAX_CHARS:
        return False
    norm = _NOT_KNOWING_FIRST_RE.sub("", _INTENT_PARTICLES_RE.sub("", norm))
    if _HELP_OFFERED_RE.match(norm.rstrip("？?。.！! ")):
        return True  # conv98: what the bot can help one with ('有咩可以帮到我')
    # round 66 (20u, 20v): who asks said first, the sender or a role ('顾问点用呢个', '我做干部嘅点用'): the help,
    # which lists that role's commands (handlers/core.py)
    subject = _ASKER_FIRST_RE.match(norm)
    rest = norm[subject.end() :] if subject else ""
    # only how to use it or its commands after a role: what the role does ('顾问有什么用', '顾问能做什么') is the FAQ's
    return _help_read(norm) or bool(rest and (_HOW_TO_USE_RE.search(rest) or _COMMANDS_ASKED_RE.search(rest)))


# round 66: the sender or a role as the subject before a request for the help ('顾问', '我系顾问', '我做村干部嘅')
_ASKER_FIRST_RE = re.compile(
    rf"^(?:我|我们|我哋)?(?:是|系|做|当|作为)?{_A_ROLE}(?:的话|嘅|的|呢)?|^(?:我|我们|我哋)(?=点|怎)"
)


def _help_read(norm: str) -> bool:
    return bool(
        _HOW_TO_USE_RE.search(norm)
        or _WHAT_IT_DOES_RE.search(norm)
        or _WHAT_I_MAY_DO_RE.match(norm)
        or _TEACH_ME_RE.match(norm)  # round 39
        or _KNOW_NOTHING_HELP_RE.match(norm)  # round 64
        or _WHAT_ELSE_IT_DOES_RE.match(norm)
        or _COMMANDS_ASKED_RE.search(norm)  # round 53
    )


# 登记 (also 记录, 录入) means 'record' as often as 'register': '登记种树', '帮我登记一下种树', '我想登记我种的树' ask to
# log trees planted (the planting help says how; a count and a tree make a record), never to register a person.
_LOG_ASKED_RE = re.compile(
    r"^(?:我|我们)?(?:要|想|想要|需要|来)?(?:帮我|帮忙|请|请帮我|麻烦|麻烦你|麻烦帮我|给我)?"
    r"(?:在这里|在这|这里|在此)?(?:登记|记录|录入)(?:一下|下)?"  # round 33b: here ('我想喺度登记我种嘅树')
)


# round 20: trees said planted, then where to record them ('上礼拜种好了 要在哪里登记'): the planting help, which says
# round 22: where they were planted said with them ('我家门口种了树了'), and how, not only where, asked after them ('种咗树点样
# 登记', '我屋前种咗树 想登记 点搞', '我琴日已经种咗 都未登记到 点算', '…要在这里记录吗'); still trees said planted
# first: '怎么登记我种的树' is the FAQ's (round 17)
_LOG_WORD = r"(?:登记|记录|报|录入|登)"
_PLANTED_WHERE_TO_LOG_RE = re.compile(
    # round 27: the trees of parents without a phone ('阿爸阿妈冇手机 佢哋种嘅树点样记录': 他们种的树怎么记录)
    r"^(?:我|我们|我家|他们|她们|它们|爸妈|父母|阿爸阿妈|爷爷奶奶|老人家)?(?:上礼拜|上星期|上周|上个月|上月|昨天|前天|前日|今天|前几天|前两天|前几日|前两日|早几天|刚才|刚刚|头先|已经|都"
    r"|上午|下午|早上|今早|朝早)*"  # round 30 (19i): the time of day ('我下午在田边种了树')
    # round 28: at a plot ('上周在党建林种了树')
    # round 89 (last session's note: a cadre's '示范点种好咗 点样报' had been asked back): at the village's 示范点
    r"(?:在?[一-鿿]{1,4}?(?:门口|前|后|边|里|口|头|尾|旁|林|园|山|地)|在?[一-鿿]{0,2}?示范点)?(?:今天|昨天|前天|前日|刚才|刚刚|头先)?"
    # set 19e: the trees planted as what is logged ('我家房前屋后种的树', '村道两边今日种嗰批树'), a particle after ('种咗树喇')
    # round 25: some trees, fruit trees ('前几日种咗啲果树')
    rf"(?:已经|都)?(?:(?:种好|种了|种下|栽好|种完|种咗)(?:了|的)?(?:些|几棵|多少棵|一些|好几棵|[{_CN_NUM}\d]{{1,3}}棵)?(?:树|果树|树苗)?(?:了)?"
    r"|种(?:的|那批|的那批|那些|的那些)(?:树|树苗))(?:喇|啦|啊|呀)?"
    # round 52 (19z): 上报, and up to where ('种了树在哪里上报', '种了树在哪里报上去')
    rf"(?:(?:要|应该|该|想|可以)?(?:在哪里|在哪|去哪里|去哪|哪里)(?:上报|{_LOG_WORD})(?:上去|进去|上来)?(?:呢|啊)?"
    rf"|(?:我)?(?:想|要|还没|都没|没|未|都未|还未){_LOG_WORD}(?:到|上|好|一下|下)?(?:怎么办|怎么弄|怎么搞|怎么做|怎么算|怎么补(?:登记|记录|登|记|报)?)"
    # set 19e: how with Cantonese 点 (怎么) left as typed before 记录, to where ('点样登记上去')
    rf"|(?:要|应该|该|可以)?(?:怎么|怎样|如何|点)(?:样)?(?:上)?{_LOG_WORD}(?:上去|进去|入去|上)?(?:呢|啊)?"  # round 89: 上报
    # set 19e: the wish to log them, no how asked ('我种咗树想记录低': 记低, Cantonese for writing down)
    rf"|(?:我)?(?:想|要)(?:帮我)?{_LOG_WORD}(?:低|下|一下|下来|上去|进去)?"
    # round 30 (19i): asked to put them down ('…种了树 帮我记上', '…种了树啊你帮我录进去吧')
    r"|(?:你)?(?:帮我|给我|同我|帮忙)(?:记|录|登记|记录|录入)(?:上|进去|入去|下|低|一下|上去)?"
    rf"|(?:要|需要)(?:在这里|在这|这里){_LOG_WORD}(?:吗|不|没有)?"
    # round 25: not logged yet, logged late now ('未记录 而家补记得唔得', '还没登记 现在补登可以吗')
    rf"|(?:还|都)?(?:未|没|没有|还没|还未)(?:有)?{_LOG_WORD}(?:到|上)?(?:现在|今天|而家)?(?:再)?(?:补|才)?(?:{_LOG_WORD}|记)?"
    r"(?:还)?(?:行不行|得不得|可不可以|可以吗|行吗|得吗|来得及吗|来不来得及|有没有用)"
    rf"|(?:现在|今天|而家)?(?:可以|能)?(?:补|再)(?:记|登记|记录|录|登|报)(?:还)?(?:行不行|得不得|可不可以|可以吗|行吗|得吗|吗)?"
    # forgotten, then whether it may still be made up ('忘了记录 现在还能补吗')
    rf"|(?:忘了|忘记了|忘记|忘|不记得)(?:了)?{_LOG_WORD}(?:了)?(?:现在|今天|而家)?(?:还)?(?:能|可以)?(?:补|再)(?:记|登记|记录|录|登|报)?"
    r"(?:吗|行不行|得不得|可不可以|可以吗|行吗|得吗)?)$"
)
# round 52 (19z): who plants said first, then how the trees planted are entered ('党员种树怎么登记记录', '党员种的树怎么报'):
# the planting help (it had become an adviser's ticket)
_WHO_PLANTS_HOW_LOGGED_RE = re.compile(
    r"^(?:党员|干部|村干部|村民|群众|我们|我家|我)(?:的)?(?:种树|种的树|种了树|种了的树)(?:要|应该)?(?:怎么|怎样|如何|点)(?:样)?"
    r"(?:登记|记录|上报|报|录入)(?:记录|登记|上去|进去|上)?(?:呢|啊)?$"
)
# set 19e: said after the question: not knowing how, or hurrying ('…点样登记上去啊 我唔识用', '…点记录 快讲')
_AFTER_THE_LOG_RE = re.compile(
    r"(?<=[一-鿿])(?:啊|呀)?(?:我不会用|我不识用|我不懂|不会用|我不会弄|不会弄|我不会|快讲|快点讲|快点|快说|快回|快点回)$"
)


# round 27: a wish to log, and how, said after trees told planted ('我前两天在屋后种了几棵树 想登记一下 怎么弄': 几棵 is some
# trees there, normalised 多少棵, no count asked)
_LOG_WISHED_RE = re.compile(
    rf"^(?:我)?(?:想|要|需要)?(?:帮我)?{_LOG_WORD}(?:一下|下|上去|进去)?(?:怎么弄|怎么搞|怎么做|怎么办|怎么{_LOG_WORD}|在哪里{_LOG_WORD}|在哪)?$"
)


def log_wished(norm: str) -> bool:
    """'想登记一下怎么弄', '要记录一下': a wish to log (trees said before it), and how."""
    return bool(norm and _LOG_WISHED_RE.match(_INTENT_PARTICLES_RE.sub("", norm)))


# round 33b: a record of trees asked for in other words: a new one opened ('帮我开个种树记录'); the trees named first, then
# the wish to log them, may I after ('今年嘅树我想登记上去 得唔得'); a relative's trees logged for them on the phone ('阿爸话要
# 我帮佢喺手机度登记返佢种嘅树': the household's own, the planting help says how)
_RECORD_OPENED_RE = re.compile(
    r"^(?:我)?(?:想|要)?(?:帮我|请|请帮我|麻烦|麻烦帮我|给我)?(?:开|建|新建|起|添|加)(?:一)?(?:个|条|张)?(?:新的)?"
    r"(?:种树|种树的)记录$"
)
_TREES_THEN_LOG_RE = re.compile(
    rf"^(?:今年|今次|这次|我|我家|我们)?(?:种|栽)?的(?:树|树苗|果树)(?:我)?(?:想|要)?(?:帮我)?{_LOG_WORD}(?:上去|进去|上|一下|下)?"
    r"(?:行不行|得不得|可不可以|可以吗|行吗|得吗|好吗)?$"
)
_FOR_THEM_RE = re.compile(
    rf"(?:帮|替|同)(?:它|他|她)(?:们)?(?:在手机(?:度|上|里)?|用手机)?{_LOG_WORD}(?:回|上|下|一下)?(?:它|他|她)(?:们)?种的(?:树|树苗|果树)$"
)


def log_record_wished(norm: str) -> bool:
    """'帮我开个种树记录', '今年的树我想登记上去行不行', '…帮它在手机度登记回它种的树': trees to log, the planting help's."""
    if not norm or len(norm) > INTENT_MAX_CHARS + 4:
        return False
    return bool(_RECORD_OPENED_RE.match(norm) or _TREES_THEN_LOG_RE.match(norm) or _FOR_THEM_RE.search(norm))


# round 41 (19o): a relative who cannot use a phone said first, then how to log the trees they planted ('我阿爸唔识用手机
# 佢种嘅树点样报', '我奶奶没有手机 她种的树怎么报上去'): the household's trees (round 27's parents: 他们种的树), the
# planting help says how
# an elder of the family said first (我阿妈, 老豆, 屋企阿爷): whose trees or phone the sender speaks of
_ELDER_KIN = r"(?:我)?(?:家)?(?:阿|老)?(?:爸爸|妈妈|爷爷|奶奶|公公|婆婆|外公|外婆|老人家|老人|爸妈|父母|爸|妈|公|婆|嫲|嬷|爷|奶|豆)"
# (they) cannot use a phone, or have none: said of that elder (the first said in the same words as the second)
_HAS_NO_PHONE = r"(?:们)?(?:不会用|不识用|不懂用|不会玩|不识玩|不懂玩|用不了|没有|冇|无)(?:智能)?(?:手机|微信)"
_NO_PHONE_FIRST_RE = re.compile(
    rf"^{_ELDER_KIN}"
    rf"(?:他|她|它)?{_HAS_NO_PHONE}"
)
_ONE_OF_THEM_FIRST_RE = re.compile(r"^(?:他|她|它)(?!们)")
# round 41 (19o): trees planted said first, then whether a photo is to be sent up and how, or how to report them ('种树之后
# 要影相报上去吗 怎么弄', '种好树之后点样报上去'): the planting help (from a follower not registered yet: 登记 first)
_PLANTED_THEN_REPORT_HOW_RE = re.compile(
    r"^(?:种树|种完树|种好树|种了树|树种好了|树种完了|种好了树|种完了树)(?:之后|以后|后)?(?:要|需要|是不是要)?"
    r"(?:(?:拍照|拍张照|拍张相|发照片|发相片|发张照片)(?:报上去|上报|发上去|发过来|报|登记|记录)?(?:吗|不|什么|没有)?)?"
    rf"(?:要|应该)?(?:怎么|怎样|如何|点)(?:样)?(?:弄|搞|做|办|{_LOG_WORD}|上报)(?:上去|进去)?(?:呢|啊)?$"
)


# round 42 (19p): a relative's planting said first, then no phone, then how to log it for them ('我阿妈种了树 她不会用手机
# 怎么帮她记'); the steps of logging asked, the photo named ('我要记录种的树要拍照吗 步骤是什么'): the planting help
_RELATIVE_PLANTED_NO_PHONE_RE = re.compile(
    rf"^{_ELDER_KIN}"
    rf"(?:种了|种好了|种完)(?:几棵|一些|些)?树(?:他|她|它){_HAS_NO_PHONE}"
    r"(?:要|我要|我)?(?:怎么|怎样|如何|点)(?:样)?(?:帮|替|给)(?:他|她|它)(?:们)?(?:记|登记|记录|报|记上|登记上)(?:上去)?$"
)
_LOG_STEPS_ASKED_RE = re.compile(
    r"^(?:我)?(?:要|想)(?:记录|登记|报)(?:我)?种的树(?:要|需要|是不是要)?(?:拍照|拍相|发照片)(?:吗|不)?"
    r"(?:步骤|流程|程序)(?:是)?(?:什么|怎样|怎么样)$"
)


# round 43 (19q): the trees planted named, here, how to log them, the steps asked after it ('种的树在这里怎么登记 步骤是什么',
# '种好的树点样喺度登记 有咩步骤', '我种了树 在这登记要怎么弄'): the planting help (from a follower not registered yet: 登记
# first, the message kept)
_HERE = r"(?:在这里|在这|这里|在此|在这个号|在公众号)"
_PLANTED_HOW_HERE_RE = re.compile(
    r"^(?:我|我们|我家)?(?:种的树|种好的树|种了的树|种的树苗|种好的树苗|种了树|种好了树|种好树|种完树|树种好了|树种完了|树种了)"
    rf"(?:(?:要|应该)?{_HERE}?(?:要|应该)?(?:怎么|怎样|如何)(?:样)?{_HERE}?{_LOG_WORD}(?:上去|进去)?"
    rf"|{_HERE}{_LOG_WORD}(?:要|应该)?(?:怎么|怎样|如何)(?:弄|搞|做|办))"
    r"(?:(?:有)?(?:什么|哪些)?(?:步骤|流程|程序)(?:是)?(?:什么|怎样|怎么样|哪些)?)?$"
)


# round 49 (19w): planted, whether it is here the count is reported, then how ('种树之后系咪要喺呢度报数，点报', '种好树要喺度
# 报数吗，点报'): the planting help (from a follower not registered yet: 登记 first, the message kept)
_PLANTED_REPORT_HERE_HOW_RE = re.compile(
    r"^(?:我)?(?:种树|种完树|种好树|种了树|种完|种好了|种好)(?:之后|以后|后)?(?:是不是|是否|是)?(?:要|需要)?"
    rf"{_HERE}(?:报数|报数目|上报|{_LOG_WORD})(?:吗|不|呢)?(?:要|应该)?(?:怎么|怎样|如何|点)(?:样)?(?:报|上报|{_LOG_WORD}|弄|搞)$"
)


def _planted_then_report_how(bare: str) -> bool:
    """Round 41: ``_PLANTED_THEN_REPORT_HOW_RE``, or the relative without a phone (``_NO_PHONE_FIRST_RE``) then how the
    trees they planted are logged, read as round 27's parents' (``_PLANTED_WHERE_TO_LOG_RE``)."""
    if _PLANTED_THEN_REPORT_HOW_RE.match(bare):
        return True
    if _RELATIVE_PLANTED_NO_PHONE_RE.match(bare) or _LOG_STEPS_ASKED_RE.match(bare):
        return True  # round 42
    if _PLANTED_HOW_HERE_RE.match(bare):
        return True  # round 43
    if _PLANTED_REPORT_HERE_HOW_RE.match(bare):
        return True  # round 49
    first = _NO_PHONE_FIRST_RE.match(bare)
    rest = _ONE_OF_THEM_FIRST_RE.sub("他们", bare[first.end() :]) if first else ""
    return bool(rest) and bool(_PLANTED_WHERE_TO_LOG_RE.match(rest))


# round 48 (19u): how to log once more asked ('点样再记多一次', '想再记一次点搞', '点样再报多一次'): the steps of a record
# round 87 (22c: '再报多次点报'; 仲想: still want): how said after it with the log word again, or 还 before the wish
_LOG_AGAIN_HOW_RE = re.compile(
    rf"^(?:我)?(?:还|也)?(?:想|要)?(?:(?:要)?(?:怎么|怎样)(?:样)?)?(?:再|重新)(?:{_LOG_WORD}|记)(?:多)?(?:一次|一条|次|一遍|遍)"
    rf"(?:要)?(?:怎么(?:弄|搞|做|办|样|{_LOG_WORD}|记)?)?$"
)


# round 48 (19u, 19v): how to log trees for another household asked (a cadre's 代种: '代人登记种树点操作', '帮冇手机嘅阿婆
# 登记种树要点做', '户主种咗树 点样帮佢记', '代种要点样登记'): the 代种 steps for a cadre (handlers/planting.py)
_OTHERS = (
    # the lead (43rd session, 21w): a household said so ('有户人家种了树没手机 怎么帮他报')
    # round 84 (22a: '帮冇手机嘅五保户记录种树要点搞'): 五保户 after what they lack, the old living alone (孤寡老人)
    r"(?:人|别人|人家|村民|农户|户主|老人|老人家|阿婆|阿公|阿伯|五保户|孤寡老人|独居老人"
    r"|(?:村里|村头|村尾|隔壁)?(?:有)?(?:一)?户(?:人家|人)?"
    r"|[\u4e00-\u9fff]{1,8}?的(?:人|老人|老人家|阿婆|阿公|阿伯|村民|农户|五保户))"
)
_HOW_SAID = r"(?:要|应该)?(?:怎么|点)(?:样)?"
_NO_PHONE = r"(?:他|她|它)?(?:们)?(?:不会用|不识用|不懂用|不会玩|用不了|没有|没|冇|无)(?:智能|智慧)?(?:手机|微信)"
_PROXY_LOG_HOW_RE = re.compile(
    rf"^(?:{_HOW_SAID})?(?:帮|代|替|为){_OTHERS}(?:{_LOG_WORD}|记)(?:种树|种的树|的树|树)?"
    rf"(?:{_HOW_SAID}(?:操作|做|弄|搞|办|{_LOG_WORD}|记)?)?$"  # round 87: '帮冇手机嘅老人家报种树点报'
    # round 87 (22e: '代人种树点样报 有啲老人冇手机'): the planting for others said first, how to log after it
    rf"|^(?:帮|代|替|为){_OTHERS}(?:种树|种的树|种了树|种的)(?:要)?{_HOW_SAID}(?:{_LOG_WORD}|记)(?:上去|上)?$"
    # conv106 (23c: '帮五保户陈伯种了树 要怎么替他录入' had been a ticket to the village): who by their title and name
    # (五保户陈伯, 孤寡老人李婆), the trees planted (with their count), then how to log them for them (替他录入)
    rf"|^(?:帮|代|替|为){_OTHERS}[\u4e00-\u9fff]{{0,3}}?(?:种了|种好了|种完|种)(?:{_NUM}{_MEASURE})?树"
    rf"(?:要)?{_HOW_SAID}(?:帮|替|给|同)?(?:它|他|她)?(?:们)?(?:{_LOG_WORD}|记)(?:上去|上|进去)?$"
    rf"|^{_OTHERS}(?:种了|种好了|种完)(?:树)?(?:(?:他|她)?(?:没有|没|冇|无|不会用)(?:智能)?(?:手机|微信))?"
    rf"{_HOW_SAID}(?:帮|替|给)(?:它|他|她)(?:们)?(?:{_LOG_WORD}|记)(?:上去|上)?$"
    rf"|^代种{_HOW_SAID}(?:登记|记|报|弄|操作|做)$"
    # round 82 (21x: '村里啲老人家冇手机 种咗树我点帮佢哋报'): some of them, no phone said before the planting, its count,
    # the cadre himself (我) or helping (帮忙) said
    # round 84: or the trees they planted ('老人家冇智能手机 佢种嘅树我点帮佢报': 它种的树)
    rf"|^(?:村里|村头|村尾|隔壁)?(?:有)?(?:些|有些|一些|几个|个)?{_OTHERS}(?:{_NO_PHONE})?(?:(?:他|她|它)(?:们)?)?"
    rf"(?:种了|种好了|种完|种的)"
    rf"(?:{_NUM}{_MEASURE})?(?:树)?(?:{_NO_PHONE})?(?:我)?{_HOW_SAID}(?:帮|替|给|和|同)(?:它|他|她)?(?:们)?(?:忙)?"
    rf"(?:{_LOG_WORD}|记)(?:上去|上)?$"
    # round 77 (21j: '代种点用'): how the 代种 itself works, asked of it as of a feature ('帮人代种点操作', '点样代种',
    # '代种系点用嘅', '代种功能怎么使用')
    rf"|^(?:(?:帮|替|为|给){_OTHERS})?代种(?:功能|这个功能)?(?:是|系)?{_HOW_SAID}(?:用|使用|搞|弄|操作|做|办)(?:的)?$"
    # round 89 (22h: '点样帮村民代种记录'): 代种 with the log word after it, how before it or between ('帮村民代种点记录')
    rf"|^{_HOW_SAID}(?:(?:帮|替|为|给){_OTHERS})?代种(?:{_LOG_WORD}|记)?$"
    rf"|^(?:(?:帮|替|为|给){_OTHERS})?代种{_HOW_SAID}(?:{_LOG_WORD}|记)(?:上去|上)?$"
)


# round 68 (20y): the others named first, then how to log (for them) asked ('冇手机嘅老人家点样登记种树', '帮冇智能手机嘅阿婆
# 点样登记种树'): with 帮 before them, or said to be without a phone or old (an old person's own logging asked by a cadre is
# what a 代种 is for)
_OTHERS_THEN_HOW_RE = re.compile(
    rf"^(?:帮|代|替|为)?{_OTHERS}{_HOW_SAID}(?:帮|替|给|代)?(?:它|他|她)?(?:们)?(?:{_LOG_WORD}|记)(?:种树|种的树|的树|树)?$"
)
_OTHERS_FOR_WHOM_RE = re.compile(r"^(?:帮|代|替|为)|手机|老人|阿婆|阿公|阿伯|阿嬷|五保户")


# round 77 (21j: '我阿妈冇手机 佢种咗两棵龙眼点报'): a relative of the sender's with no phone (or who cannot use one), their
# trees, then how to log them asked: the household's own record, logged with the sender's WeChat (handlers/planting.py;
# another household's: a cadre's 代种), never a record of the trees said nor a ticket
@lru_cache(maxsize=1)
def _relative_no_phone_log_how_re() -> re.Pattern:
    """Built on first use: ``RELATIVES`` is written further down, with the readers of relatives."""
    return re.compile(
        rf"^(?:我|我的|我家|我家的|我们家)?(?:{RELATIVES})(?:她|他|它)?(?:没有|没|不会用|不识用|不懂用|不会玩|不识玩|用不了)"
        # the trees said between (the merge: '我阿爸唔识用手机 点样登记' is registering them, round 41's for_someone)
        r"(?:智能|智慧)?(?:手机|微信)(?:的)?(?=.*(?:种|树)).{0,12}?"
        r"(?:要|应该|可以)?(?:怎么|怎样|如何)(?:样)?(?:帮(?:她|他|它)(?:们)?)?(?:报|上报|登记|记|录|报上去|记上去|录入)"
        r"(?:上去|进去)?$"
        # conv106 (23c: '下次我帮老豆报 佢冇智能手机 点样报' had been the FAQ's family planting): reporting for the relative
        # said first (帮老豆报: 报, never 登记, which is registering them), then their having no phone, then how
        rf"|^(?:下次|以后|今后|到时|到时候)?(?:我)?(?:要)?(?:帮|替|代)(?:我)?(?:的|嘅)?(?:{RELATIVES})"
        r"(?:报|上报|报数|报种树|记录|录入)(?:种树|的树|树)?(?:她|他|它)?(?:没有|没|不会用|不识用|不懂用|不会玩|不识玩|用不了)"
        r"(?:智能|智慧)?(?:手机|微信)(?:的)?(?:要|应该|可以)?(?:怎么|怎样|如何)(?:样)?(?:帮(?:她|他|它)(?:们)?)?"
        r"(?:报|上报|记|录|报上去|记上去|录入|弄|操作)(?:上去|进去)?$"
    )


def relative_no_phone_log_asked(norm: str) -> bool:
    """Round 77: how to log a relative's trees asked, the relative having no phone ('我阿妈冇手机 佢种咗两棵龙眼点报');
    round 92: the household's own said first, their having no phone after (``no_phone_others_log_asked``)."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    if no_phone_others_log_asked(bare) == "household":
        return True
    return bool(bare) and bool(_relative_no_phone_log_how_re().match(bare))


# round 78 (21r): why it is asked, someone having no phone, said before or after it ('代种怎么弄 老人家没手机', '阿婆唔识用手机
# 代种点样操作'): the same question
_NO_PHONE_CLAUSE = rf"[{_CJK}]{{0,4}}?(?:他|她|它)?(?:们)?(?:不会用|不识用|不懂用|不会玩|用不了|没有|没|冇|无)(?:智能|智慧)?(?:手机|微信)"
_NO_PHONE_FIRST_CLAUSE_RE = re.compile(rf"^{_NO_PHONE_CLAUSE}(?:的)?(?=.*代)")
_NO_PHONE_AFTER_CLAUSE_RE = re.compile(rf"^(.*[么弄做搞作记报样])(?:因为)?{_NO_PHONE_CLAUSE}(?:的)?$")
# conv104 (23a: '代种怎么操作 帮冇手机的老人家报'): for whom after the how, those with no phone helped to log
# (帮冇手机嘅阿婆报), the 代种 said first: the same question; 代报 (代登记, 代录) before the how is the 代种 named in the cadre's own word
_FOR_WHOM_AFTER_CLAUSE_RE = re.compile(
    rf"^(代.*[么弄做搞作记报样])(?:帮|替|给|为){_NO_PHONE_CLAUSE}(?:的)?[{_CJK}]{{1,4}}?(?:登记|记录|报|录入|记)(?:种树|的树|树)?$"
)
_PROXY_WORD_RE = re.compile(r"^代(?:报|登记|录入|录)(?=(?:要|应该)?(?:怎么|点))")


# round 78 (21t): a tree planted some time ago told, then whether or how it is logged ('我家还有棵桃树上个月种的 也要记吗怎么记',
# '屋后还有两棵龙眼是去年种的 要不要报'): the steps, never a question for the adviser (a trouble told is one)
_LOG_WHETHER_HOW_RE = re.compile(
    r"^(?:那|这么|那么)?(?:也|都|还|亦)?(?:要不要|需不需要|使不使|用不用|要|需要|使|用)?(?:登记|记录|记|报|上报|录)(?:上去|进去|埋)?"
    r"(?:吗|不|没有|呢)?(?:要)?(?:怎么|如何|怎样)?(?:登记|记录|记|报|上报|弄|做)?(?:上去|进去)?$"
)
_PLANTED_EARLIER_TOLD_RE = re.compile(r"种(?:的|了的|了|好的|下的|下去的)(?!.*[种栽])")


def earlier_tree_log_asked(head: str, rest: str) -> bool:
    """Round 78: trees told planted (``head``, normalised), then whether or how to log them asked (``rest``)."""
    asked = _INTENT_PARTICLES_RE.sub("", rest or "")
    return (
        bool(asked)
        and bool(re.search(r"吗|不|没有|怎么|如何|怎样|呢", asked))
        and bool(_LOG_WHETHER_HOW_RE.match(asked))
        and bool(_PLANTED_EARLIER_TOLD_RE.search(head or ""))
        and not symptom_named(head)
        and not is_question(head)
    )


def proxy_log_how_asked(norm: str) -> bool:
    """Round 48: how to log trees for another household asked ('代人登记种树点操作', '户主种咗树 点样帮佢记'); round 92:
    in loose words, villagers with no phone or WeChat said anywhere (``no_phone_others_log_asked``)."""
    if no_phone_others_log_asked(norm) == "others":
        return True
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    bare = _NO_PHONE_AFTER_CLAUSE_RE.sub(r"\1", _NO_PHONE_FIRST_CLAUSE_RE.sub("", bare, count=1), count=1)  # round 78
    bare = _PROXY_WORD_RE.sub("代种", _FOR_WHOM_AFTER_CLAUSE_RE.sub(r"\1", bare, count=1), count=1)  # conv104
    if not bare or not re.search(r"怎么|点", bare):
        return False
    if _OTHERS_THEN_HOW_RE.match(bare) and _OTHERS_FOR_WHOM_RE.search(bare):
        return True  # round 68
    return bool(_PROXY_LOG_HOW_RE.match(bare))


# round 92 (22j '村民冇智能手机嘅 我点样帮佢哋报种树', 22l '村民冇手机嘅点样帮佢哋报', 22k '屋企仲有两个老人家种咗 佢哋冇手机
# 点报'): people said to have no phone or no WeChat, anywhere in the message, then how to log (for them) asked at its end.
# Whose they are decides: one's own household said first (屋企, 我家, a relative) is the household's record with the
# sender's WeChat; villagers, old people, households (``_NO_PHONE_OTHERS_RE``) a cadre's 代种
_NO_PHONE_SAID_RE = re.compile(r"(?:不会用|不识用|不懂用|不会玩|用不了|没有|没|冇|无)(?:智能|智慧)?(?:手机|微信)")
_HOW_LOG_AT_END_RE = re.compile(
    r"(?:怎么|点)(?:样)?(?:去)?(?:帮|替|给|代)?(?:他|她|它)?(?:们)?(?:报|上报|登记|记|记录|录|录入)(?:上去|进去|一下)?"
    r"(?:种树|种的树|的树|树)?$"
    # conv98 (22s: '帮没有智能手机的老人户报种树怎么操作'): the logging said first, how after it
    r"|(?:报|上报|登记|记录|录入)(?:种树|种的树|树)(?:要|应该)?(?:怎么|点|如何)(?:样)?(?:操作|弄|搞|做|办)$"
)
_NO_PHONE_OTHERS_RE = re.compile(r"老人|阿伯|阿婆|阿公|阿叔|阿婶|村民|群众|农户|五保户|人家|别人|户")
_OWN_KIN = r"爸妈|父母|阿爸|阿妈|妈妈|爸爸|老公|老婆|老伴|奶奶|爷爷|阿嬷|阿嫲|阿爷|外婆|外公|家公|家婆"
_OWN_HOUSEHOLD_FIRST_RE = re.compile(rf"^(?:我|我们)?家|^(?:我|我的|我家)?(?:{_OWN_KIN})")


def no_phone_others_log_asked(norm: str) -> str | None:
    """Round 92: how to log the trees of people with no phone or WeChat asked ('村民冇手机嘅点样帮佢哋报'): 'household'
    when one's own household is said first ('屋企两个老人种咗 佢哋冇手机 点报'), 'others' for villagers or old people
    named otherwise, else None. The trees (种, 树) or helping them (帮佢哋) must be said: '村民没有微信怎么登记' is not."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    if len(bare) > 32 or not _HOW_LOG_AT_END_RE.search(bare):
        return None
    found = _NO_PHONE_SAID_RE.search(bare)
    if found is None or not re.search(r"种|树|(?:帮|替|给|代)(?:他|她|它)", bare):
        return None
    if _OWN_HOUSEHOLD_FIRST_RE.match(bare):
        return "household"
    said_first = bare[: found.start()]
    if _NO_PHONE_OTHERS_RE.search(said_first or bare):
        return "others"
    # conv98: helping those said right after the no phone ('帮没有智能手机的老人户…')
    return "others" if _NO_PHONE_OTHERS_RE.match(bare[found.end() :].lstrip("的")) else None


# round 50 (19x, 19y): the record's steps asked by what they are (步骤, 流程, whether a photo is needed), the trees' logging
# named (上报种树, 登记种树, 报数: '上报植树要不要拍照 步骤是什么', '登记种树的步骤是什么', '种咗树点报数 步骤系点'), or how
# to log the count here once planted ('种好树之后喺呢度点样登记棵数'): the planting help, 登记 first from a follower not
# registered yet; never how to plant ('种树的步骤是什么' names no logging), a plot's area (a cadre's), another's trees
_TREES_LOGGED_RE = re.compile(
    # round 53 (20b): the trees planted first, then how they are entered (录, 录入: '我种好的树怎么录进去 步骤是什么')
    r"的树(?:要|应该)?(?:怎么|怎样|如何)(?:样)?(?:录入|录|登记|记录|上报|报)(?:进去|上去|入去|上来)?|"
    r"(?:上报|登记|记录|录入|报)(?:一下)?(?:我)?(?:种树|种的树|的树|树|棵数)|(?:种了树|种好树|种完树|种树)(?:之后|以后|后)?[\u4e00-\u9fff]{0,6}?"
    r"(?:上报|登记|记录|报数|报)"
)
_STEPS_WORD_RE = re.compile(r"步骤|流程|程序|(?:要不要|需不需要|要|需要)(?:发|拍|影)(?:照片|相片|照|相)")
_COUNT_HERE_HOW_RE = re.compile(
    r"^(?:种了树|种好树|种完树|种好了树|树种好了)(?:之后|以后|后)?(?:要)?(?:在这里|在这|这里)(?:要)?(?:怎么|怎样|如何)(?:样)?"
    r"(?:登记|记录|上报|报)(?:棵数|数量|多少棵|几棵)$"
)
_NOT_THE_TREES_LOG_RE = re.compile(r"面积|亩|党建林|集体林|代种|帮人|代人|替人|名字|身份|姓名|报名")


def log_steps_asked(norm: str) -> bool:
    """Round 50: the steps of logging trees asked (``_TREES_LOGGED_RE`` with ``_STEPS_WORD_RE``, or
    ``_COUNT_HERE_HOW_RE``), never a plot's nor another's (``_NOT_THE_TREES_LOG_RE``)."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    if not bare or len(bare) > 28 or _NOT_THE_TREES_LOG_RE.search(bare):
        return False
    return bool(_TREES_LOGGED_RE.search(bare) and _STEPS_WORD_RE.search(bare)) or bool(_COUNT_HERE_HOW_RE.match(bare))


# conv88 (22f: '系咪影张相发过嚟就当报咗种树'): whether a photo sent counts as the report, asked: how to log (the steps
# of a record; 登记 first from a follower not registered yet), never the FAQ's photo questions
_PHOTO_COUNTS_AS_LOG_RE = re.compile(
    r"^(?:是不是|是否|只要|是不是只要)?(?:拍|影|照|发)(?:一张|一个|张|个)?(?:照片|相片|照|相)?"
    r"(?:发过来|发给你|发上来|发上去|发来|过来|给你|上来)?(?:就|便)?(?:当|算|当是|算是|等于)(?:不算|是)?(?:已经)?"
    r"(?:报|上报|登记|记录)(?:了)?(?:种树|树|数)?(?:了)?(?:吗|没有|是不是)?$"
)


# round 99 (22t: '种咗树之后系咪影张相发过嚟就得' had been a ticket): whether a photo is all it takes, asked of trees planted
# or of the record, however it is said: the photo (拍, 影, 发 a 照片, 相) with only (只, 净系) before it or enough after it
# (就得, 就行, 就可以, 得不得, 行不行, 可以吗, 够不够): how to log (the steps of a record), never a photo question's card
_PHOTO_SAID = r"(?:拍|影|发|照|传)(?:一张|一个|张|个|些)?(?:照片|相片|照|相|图片|图)"
_ENOUGH = (
    r"(?:就|便)?(?:得|行|可以|够|算|好|OK|ok)(?:了|啦)?(?:吗|没有|不)?$"
    r"|(?:就|便)?(?:得不得|行不行|可不可以|可以吗|行吗|得吗|够不够|够吗|算不算|可以不|行不)"
)
_PHOTO_ENOUGH_RE = re.compile(rf"{_PHOTO_SAID}[\u4e00-\u9fff]{{0,6}}?(?:{_ENOUGH})")
_ONLY_PHOTO_RE = re.compile(rf"(?:只|只是|只要|只需|净是|光|单)(?:要)?{_PHOTO_SAID}")
_TREES_OR_RECORD_RE = re.compile(r"种|登记|记录|上报|报数|棵数")


def photo_enough_asked(norm: str) -> bool:
    """Round 99: whether a photo is enough for the trees planted, asked ('种完树净系影相得唔得', '种好树拍个照发给你们
    就行了吗'), in a short normalised text; a photo's own question ('照片要拍到人吗') is not."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    if not bare or len(bare) > 28 or not _TREES_OR_RECORD_RE.search(bare) or _NOT_THE_TREES_LOG_RE.search(bare):
        return False
    photo = _PHOTO_ENOUGH_RE.search(bare)
    if photo is None:
        return False
    return bool(_ONLY_PHOTO_RE.search(bare) or re.search(r"就|便|是不是|是否", bare) or is_question(bare))


def planting_log_asked(norm: str) -> bool:
    """A short request to 登记 (record) trees planted, said, not asked: '登记种树', '登记一下我家种的树', '请帮我登记种树';
    not '种树要不要登记', '怎么登记我种的树' (the FAQ's), '登记 张树林 埔心村' (a name)."""
    # round 36: an elder of the household who wishes it, named as who speaks ('阿婆想登记种树', with who typed it after:
    # an aside, text_heads): the household's trees, as 我
    norm = _RELATIVE_WISHES_RE.sub("我", norm) if norm else norm
    bare = _INTENT_PARTICLES_RE.sub("", _AFTER_THE_LOG_RE.sub("", norm)) if norm else norm
    # round 25: a few characters more (when planted, not logged yet, now: '前几日种咗啲果树 未记录 而家补记得唔得')
    if bare and len(bare) <= INTENT_MAX_CHARS + 4 and _PLANTED_WHERE_TO_LOG_RE.match(bare):
        return True
    if bare and len(bare) <= INTENT_MAX_CHARS + 4 and _planted_then_report_how(bare):
        return True  # round 41
    if bare and _PHOTO_COUNTS_AS_LOG_RE.match(bare):
        return True  # conv88
    if photo_enough_asked(norm):
        return True  # round 99
    if frame_said("log", norm) or log_steps_asked(norm):
        return True  # round 33: the frames (FRAMES); round 50: the steps asked by what they are
    if bare and _WHO_PLANTS_HOW_LOGGED_RE.match(bare):
        return True  # round 52 (19z)
    if bare and _HOW_RE.search(bare) and _LOG_AGAIN_HOW_RE.match(bare):
        return True  # round 48
    if bare and _LOG_TREES_THEN_HOW_RE.match(bare):
        return True  # round 61
    if bare and _PLANT_AGAIN_HOW_RE.match(bare) and _ANOTHER_TIME_RE.search(bare):
        return True  # conv100
    if bare and _PLANT_AGAIN_PHOTO_STEPS_RE.match(bare):
        return True  # conv101
    if not norm or len(norm) > INTENT_MAX_CHARS or _HOW_RE.search(norm) or is_question(norm):
        return False
    found = _LOG_ASKED_RE.match(norm)
    return found is not None and is_planting_words(norm[found.end() :])


def log_tree_named(norm: str, species_table: Mapping) -> bool:
    """Round 61 (20n): 登记 (record) said of a tree named alone ('登记桂花树', '帮我登记一下荔枝'): the trees to log (the
    planting help says how), never a name to register."""
    found = _LOG_ASKED_RE.match(norm or "") if norm and len(norm) <= INTENT_MAX_CHARS else None
    return found is not None and found.end() > 0 and is_tree_name(norm[found.end() :].strip(), species_table)


# conv100 (22v: '下次再种的话点样再报' just after a record had become a ticket): trees planted another time (再, 下次, 以后,
# 第二批) said as a condition, then how to report them (again): the steps of a record
_PLANT_AGAIN_HOW_RE = re.compile(
    r"^(?:那|那么|这么)?(?:如果|假如|要是)?(?:下次|下回|下一次|以后|之后|第二次|第二批|迟些|过几天)?(?:我)?(?:还|再|又)?(?:要)?"
    r"(?:种|种了|种好|种完|种多)(?:了)?(?:树|几棵|些|一些|多些)?(?:的话|时|之后|后)?(?:我)?(?:要|应该|又)?(?:怎么|怎样)(?:样)?"
    rf"(?:再|又|重新)?{_LOG_WORD}(?:过|多次|一次|上去)?$"
)
_ANOTHER_TIME_RE = re.compile(r"再|又|下次|下回|下一次|以后|第二")
# conv101 (22w: '下次再种要不要再发照片 步骤是怎样的' just after a record had been asked back between two cards): trees
# planted another time, whether the photo is needed again asked, then the steps (步骤是怎样的, 点样报): the steps of a record
_PLANT_AGAIN_PHOTO_STEPS_RE = re.compile(
    r"^(?:那|那么|这么)?(?:如果)?(?:下次|下回|下一次|以后|第二次|第二批)(?:我)?(?:再|又)?(?:种|种树|种了|种好)(?:的话|时)?(?:我)?"
    r"(?:还|又)?(?:要不要|还要|要|需不需要|需要|使不使|用不用)(?:再|重新)?(?:发|拍|影)(?:照片|相片|照|相|张照片)?(?:吗|呢)?"
    rf"(?:(?:步骤|流程|程序)(?:是)?(?:怎么样|怎样|怎么|如何)(?:的)?|(?:要)?(?:怎么|怎样|如何)(?:样)?(?:再)?{_LOG_WORD})$"
)


# round 61 (20m, 20n): a wish to log one's (household's) trees, then how ('想登记下屋企啲树 点弄', '我想报种树 要点做'): the
# planting help
_LOG_TREES_THEN_HOW_RE = re.compile(
    rf"^(?:我)?(?:想|要|需要)(?:帮我)?{_LOG_WORD}(?:一下|下)?(?:我|我家|家|我们家|家里|自己)?(?:的|些)?(?:种的|种了的)?"
    rf"(?:树|果树|树苗|种树)(?:要|应该)?(?:怎么弄|怎么搞|怎么做|怎么办|怎么{_LOG_WORD}|在哪里{_LOG_WORD}|在哪)$"
)


# a name to correct: '我的名字写错了', '名字登记错了要改', '我想改一下名', '我要改名'
_NAME_WRONG_RE = re.compile(
    # round 50 (19y): hedged ('我的名字好像登记错了')
    # round 64 (20q): said to be wrong with 是 (Cantonese 系) between ('我个名系错嘅', '名字是错的')
    # round 87 (22e): when it was registered said between ('我个名登记嗰阵打错字'), or not right (唔啱: '我个名唔啱')
    # round 99 (22t: '名字录入有误 请帮我更正为何伟雄'): in formal words too, the name's record (信息, 资料) between and
    # the entering (录入, 输入, 填写) before the fault (有误, 有错, 不正确)
    r"(?:名字|姓名|名)(?:的)?(?:信息|资料|登记)?(?:被)?(?:(?:登记|注册)(?:那时|的时候|时))?(?:好像|似乎|可能|应该)?(?:是)?"
    r"(?:录入|输入|填写|写|打|登记|登|记|输|填|录|弄|改)?(?:错|不对|有误|有错|不正确|不准确|不合适)"  # round 49: 名改错咗
    # round 33b: a character missing or one too many ('系统里我的名字少了一个字')
    # round 38: the verb after it too ('名字少打了一个字')
    # round 42 (19p): 个名 (Cantonese: the name) too ('我个名少咗个字 应该系黄国华唔系黄华')
    r"|(?:名字|姓名|(?<=[我的个])名)(?:被)?(?:写|打|登记|登|记|输|填|录|弄)?(?:少|多|漏|缺|掉)(?:写|打|输|填|录|登)?(?:了|咗)?"
    r"(?:一个|个|两个|一|二)?字"
    # round 46 (19s): the verb first, then whose name ('语音识别搞错咗我个名 我叫何二妹', '你哋写错我个名')
    # round 87 (22e: '我叫错名'): 叫 (called, or typed by voice) too, and whose name left unsaid after the sender
    r"|(?:写|打|登记|登|记|输|填|录|弄|识别|认|听|叫)错(?:了)?(?:我的|我个|我)(?:名字|姓名|名)(?![单额册称次])"
    r"|^我(?:写|打|登记|登|记|输|填|录|叫)错(?:了)?(?:个)?(?:名字|姓名|名)(?![单额册称次])"
    # round 66 (20u): not written right, in Cantonese 冇写啱 (normalised 没有写合适: '我个名冇写啱 要改做钟荔芳')
    r"|(?:名字|姓名|(?<=[我的个])名|^名)(?:被)?(?:没有|没|不|未)(?:写|打|登记|登|记|输|填|录)(?:得)?(?:合适|对|正确|准)"
)  # 登错: round 21

# round 52 (20a): 改返 (normalised 改回) and 我个 / 个 before 名 ('可唔可以改返我个名 系黄月娥', '帮我改返个名 叫李丽芳')
_NAME_CHANGE_RE = re.compile(
    # the lead (fifty-first session; 22r '我改咗名 而家叫陈建国'): changed, said done (改了名)
    r"(?:改|更改|修改|更正|改正|换)(?:一下|下|个|返|回|了)?(?:我的|我个|我|的|个)?"
    # conv98 (22s: '我想修改登记的姓名', a ticket): the name as registered (登记的)
    r"(?:(?:登记|注册)(?:的|时的)?)?(?:名字|姓名|名)(?![单额册称次])"
)
# 19u (the twenty-seventh session): 个名/我的名 (Cantonese: my name) too ('帮我个名改一改 系黄国栋', '我嘅名要改')
_NAME_TO_CHANGE_RE = re.compile(
    r"(?:名字|姓名|(?<=[我的个把])名)(?![单额册称次])(?:要|想|需要|得|能不能|可不可以|可以|能否|帮我)?(?:改|更改|修改|更正)"
)
# the name as it was written wrong, told after the request ('… 我身份证上是黄亚妹 你们写成黄阿妹了'): a longer text
# round 23: the right name said against the wrong one ('名字登记错咗 应该系刘桂芳 唔系刘贵芳 帮我改返')
_WRITTEN_AS_RE = re.compile(
    r"(?:写成|打成|登记成|记成|弄成|录成)|身份证|应该(?:是|叫)[一-鿿]{2,4}(?:不是|而不是)|不是[一-鿿]{2,4}(?:是|而是)[一-鿿]{2,4}"
    # round 33b: as the system shows it ('系统显示罗建花'), the right one said first ('我叫欧阳丽华 不是欧丽华')
    r"|显示(?:成|为|是|的是|做)?[一-鿿]{2,4}|(?:我叫|叫|我是)[一-鿿]{2,4}(?:不是|而不是)[一-鿿]{2,4}"
    # round 37 (19m): what the system calls one ('系统叫我刘生', '系统上写我陈生'), the full name said ('我大名叫陈国华')
    r"|系统(?:上|里|里面|上面)?(?:叫|写|称|称呼)(?:我)?(?:做|成)?[一-鿿]{2,4}|(?:全名|大名|真名|全名字)(?:叫|是)[一-鿿]{2,4}"
)
# round 33b: changed to one's true name, or the name changed to another ('想改返真名李永康', '我嘅名改做林桂芳'): the
# sender's own name, whatever it was registered as before
_TRUE_NAME_RE = re.compile(
    r"(?:改|换|用)(?:回|成|为|做|返)?(?:我的|我)?(?:真名|真实姓名|真实名字|本名|原名|正名|真正的名字)"
)
_RIGHT_NAME_RE = re.compile(
    # the lead (fifty-first session; 22r '我改咗名 而家叫陈建国'): what one is called now (而家: 现在)
    r"(?:我叫|我是|应该叫|应该是|其实叫|其实是|正确的是|真名是|真名叫|现在叫|我现在叫)[一-鿿]{2,4}$"
    # round 61 (20m): the change asked after it ('我个名登记成刘松 其实系刘淞 帮我改'; 唔该改返: 不该改回)
    r"|(?:我叫|我是|应该叫|应该是|其实叫|其实是|其实我是|正确的是|真名是|真名叫)[一-鿿]{2,4}?"
    r"(?:帮我|麻烦|请|不该|你)*(?:改|更正|改正)(?:下|一下|回|过来|正)?$"
)  # after how it was written
# round 42 (19p): 把名 ('帮我把名改成陈志明 之前登记的系我细佬个名')
# 19u: the name first in the message ('名改返做张秀英 之前打错字', normalised 改回做)
_NAME_CHANGED_TO_RE = re.compile(
    r"(?:名字|姓名|(?:(?<=[我的个把])|^)名)(?:要|想|帮我|请)?(?:改|换|更正)(?:回|返)?(?:做|成|为|回)[一-鿿]{2,4}"
)
NAME_FIX_MAX_CHARS = 40
# round 28 (19h): how it was written, then what to change it to ('我名字登记成了村民3，请改为王建华', '…名写成咗刘伯 …麻烦改一改')
# 19u: 要改 and the right name at the end ('我个名录成林志名 要改林志明')
_CHANGE_TO_RE = re.compile(r"改为|改成|改做|改返|改回|改一改|改一下|改下|更正为|更正|换成|要改[一-鿿]{2,4}$")
_NOT_A_PERSON_RE = re.compile(r"树|苗|棵|记录|品种")
# round 66 (20u): the right name said against the wrong one, the change asked at the end ('我个名系刘进华唔系刘近华 帮我改',
# '我叫张松林唔系张宋林 改番': 番 is Cantonese 返)
_RIGHT_NOT_WRONG_THEN_CHANGE_RE = re.compile(
    # round 90 (22j: '我系党员陈国良 唔系陈国梁 你哋打错字'): the role said before the name, or the slip said after it
    # instead of the change asked
    r"(?:我叫|我是(?:党员|村干部|干部|村民|群众|技术顾问|顾问)?|(?:名字|姓名|(?<=[我的个])名)(?:是|叫))"
    r"(?P<right>[一-鿿]{2,4}?)(?:不是|而不是)(?P<wrong>[一-鿿]{2,4}?)"
    r"(?:你们|你)?(?:(?:帮我|麻烦|请|不该|同我)*(?:改|更正|改正)(?:下|一下|回|返|番|过来|正|吧|啦|过)*"
    r"|(?:打|写|登记|记|弄|搞|输|填)错(?:字)?(?:了|啦|喇)*)$"
)
# round 81 (issue 17 §5; 21s '嗯我那个名字打错了啊是陈木兰的兰不是蓝色的蓝'): one character of the name spelled out by a
# word that holds it, against the wrong one ('…的兰不是蓝色的蓝', '是木字旁的林唔系邻居的邻'): how it was written wrong
_CHARACTER_SPELLED_RE = re.compile(
    r"(?:是|系)[\u4e00-\u9fff]{1,4}?的(?P<right>[\u4e00-\u9fff])(?:不是|而不是)[\u4e00-\u9fff]{1,4}?的(?P<wrong>[\u4e00-\u9fff])"
)
# round 53 (20c): the name the bot called one, then the right one, a change asked after ('头先你叫我李桂兰 其实我系李贵兰
# 改返啦', '你叫我张伟明 我其实系张伟民 帮我改')
_CALLED_ME_THEN_RIGHT_RE = re.compile(
    r"(?:你)?(?:头先|刚才|刚刚|之前)?(?:你)?(?:叫我|称我|喊我)(?:做)?[一-鿿]{2,4}?(?:我)?其实(?:我)?(?:是|叫)[一-鿿]{2,4}?"
    r"(?:来的)?(?:帮我|麻烦|请)?(?:改|更正)"
)


# round 20: registered under another's name, to be one's own ('用我老公的名字注册的 现在想换成我自己的')
# round 22: 个名 (Cantonese: the name) too ('我登记嗰阵用咗阿爸个名 改返我自己嘅'), not 名单 nor 排名
_OWN_NAME_RE = re.compile(r"(?:名字|(?<=[个的用我])名(?![单额册称次])).{0,12}?(?:换|改)(?:成|为|回)(?:我)?自己(?:的)?")


# round 39 (19n): the name on one's ID papers against the one registered, a change asked ('身份证上系陈亚二 唔系陈阿二 帮我改返');
# a pet name registered to be changed to the full one ('之前写的小名阿芳 要改成大名林美芳')
_PAPERS_NAME_RE = re.compile(
    r"(?:身份证|户口本|户口簿|户口)(?:上|里|上面)?(?:的名字|的名)?(?:是|写的是|写着)?[一-鿿]{2,4}(?:不是|而不是)[一-鿿]{2,4}"
)
# and registered under another's name, told ('登记的名字是我老公的 我叫郑桂枝'; 19c's, read by 登记 as a name until round 39)
_ANOTHERS_NAME_RE = re.compile(
    r"(?:登记|注册|绑定)(?:的|用的)(?:名字|姓名|名)(?:是|用了|用的是|写的是)?(?:我)?(?:的)?"
    r"(?:老公|老婆|老伴|阿爸|阿妈|爸爸|妈妈|老爸|老妈|爸|妈|儿子|女儿|孙子|孙女|别人|人家|家人|屋企人)(?:的)?"
)
# round 49 (19w): registered with another's name, the verb first ('之前用咗我老公个名登记，改做我嘅名张月娥')
_REGISTERED_WITH_ANOTHERS_RE = re.compile(
    r"用(?:了)?(?:我)?(?:的)?(?:老公|老婆|老伴|阿爸|阿妈|爸爸|妈妈|老爸|老妈|爸|妈|儿子|女儿|仔|孙子|孙女|别人|人家|家人|屋企人)"
    r"(?:个|的)(?:名字|姓名|名)(?:来)?(?:登记|注册|绑定)"
)
_PET_NAME_TO_FULL_RE = re.compile(
    r"(?:小名|花名|乳名|昵称|外号|简称)[一-鿿]{1,4}?(?:要|想|帮我|请|麻烦)?(?:改成|改为|改做|换成|改回|改返)"
    r"(?:正式的|正式|正确的|正确)?(?:大名|全名|真名|正名|本名)?[一-鿿]{2,4}$"  # round 42 (19p): 改成正式的刘国强
)


# round 53 (the lead, in the simulator: '我个名字登记成了李贵英，请改为李桂英' became a ticket): a tree inside a name said
# (李 the plum and the commonest surname, 桂花 in 陈桂花) is no tree: the name (two or three characters) after the words that
# say a name (or the two or three before how it was written) are set aside before the tree is looked for, when they are a
# person's (a common surname) and not a tree's whole name ('改为龙眼', '改为龙眼吧' stay a tree; 李子明 and 杨梅英 are people)
_NAME_SAID_RE = re.compile(
    r"(?P<words>写成|打成|登记成|记成|录成|改为|改成|改做|改回做|改返做|改回|改返|更正为|更正成|换成|应该是|应该叫|正确的是"
    r"|正确是|真名是|其实叫|我叫|叫做|不是|唔系|叫我|其实是|其实我是|我其实是)(?P<done>了|咗)?(?P<name>[一-鿿]{2,3})"
    r"|(?P<before>[一-鿿]{2,3})(?=写成|打成|登记成|记成|录成)"  # or the name before how it was written ('李秀兰写成了李秀蓝')
)


_AFTER_A_NAME = frozenset("吧啦了呀喔哦啊先才的请麻不唔要改写登记")


def _name_said_blanked(found: re.Match, species_table: Mapping) -> str:
    from bot.surnames import has_common_surname

    name = found["name"] or found["before"]
    if name[2:] and name[2] in _AFTER_A_NAME and is_tree_name(name[:2], species_table):
        name = name[:2]  # '改为龙眼吧': a tree and a particle
    if not has_common_surname(name) or is_tree_name(name, species_table):
        return found[0]
    return "某某" if found["before"] else found["words"] + (found["done"] or "") + "某某"


# round 56 (the lead, in the simulator: '我搬咗去隔离村住 点改村' had become a ticket): moved (or married) to another village,
# then how its village is changed ('我搬到下围村住了 村要怎么改', '搬屋去咗新村 登记嘅村点改'): how to correct, as for a name
_MOVED_THEN_HOW_RE = re.compile(
    r"^(?:我|我们|我家)?(?:已经)?(?:搬|搬家|搬屋|嫁|迁)(?:了|到|去|过)*[\u4e00-\u9fff]{0,8}?(?:村|社区|镇)(?:住|居住)?(?:了)?"
    r"(?:登记的|我的)?(?:村|村名|村子)?(?:要|应该)?(?:怎么|怎样|如何)(?:样)?(?:才能)?(?:改|换|更改|转)(?:村|村子|过去|过来)?$"
)


# round 75 (21m): the name the bot used (or wrote) complained of, the right one said after it, no change asked ('点解叫我李桂华
# 我叫李桂花啊', '你叫错我名啦 我叫李桂英', '点解写我张秋菊 我系张秋萍'); or the wrong one denied first ('我唔系叫李桂华 系李桂花'),
# or one's name said right against the wrong one, a slip said after it or nothing ('我个名系李桂华唔系李桂花 打错字')
_NAME = r"[一-鿿]{2,4}?"
_NAME_COMPLAINED_RE = re.compile(
    r"^(?:你|你们)?(?:为什么|怎么|干嘛)?(?:你|你们)?(?:又)?(?:叫|称|喊|写|记|登记)(?:错)?(?:了)?我(?:的|个)?(?:名字|名)?(?:做|成|是)?"
    rf"(?:(?P<wrong>{_NAME})|(?<=名字)|(?<=名))(?:啦|了|呀|啊)?(?:我|其实我|我其实)(?:是|叫|叫做)(?P<right>{_NAME})(?:来的)?$"
    rf"|^(?:我(?:不是叫|不叫|不是)|不是叫|不叫)(?P<wrong2>{_NAME})(?:我)?(?:是|叫)(?P<right2>{_NAME})(?:来的)?$"
    rf"|^(?:我个名|我的名字|我名字|我的名|我叫)(?:是|叫)?(?P<right3>{_NAME})(?:不是|而不是)(?P<wrong3>{_NAME})"
    r"(?:打错字|打错了|写错了|写错|打错|弄错了|搞错了|登记错了|你们写错了|你们打错了)?$"
    # round 82 (21x: '点解上面个名唔系我 我叫陈亚美', '点解个名唔啱嘅 我系…'): the name shown said not the sender's, or not
    # right, why asked or not, then the right one
    r"|^(?:为什么|怎么|点解)?(?:上面|上边|这里|里面|系统里|系统上)?(?:的|个|那个|这个)?(?:名字|名)(?:写的|显示的)?"
    r"(?:不是我|不是我的|不合适|不对|错了|有错)(?:的|来的)?(?:我|其实我|我其实)(?:是|叫|叫做)"
    rf"(?P<right4>{_NAME})(?:来的)?$"
)


def name_complained(norm: str) -> str | None:
    """Round 75: the right name said against the one the bot used or wrote (``_NAME_COMPLAINED_RE``), each a person's
    (a common surname); None otherwise."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    found = _NAME_COMPLAINED_RE.match(bare) if bare and len(bare) <= INTENT_MAX_CHARS + 4 else None
    if not found:
        return None
    right = found["right"] or found["right2"] or found["right3"] or found["right4"]
    wrong = found["wrong"] or found["wrong2"] or found["wrong3"]
    if not has_common_surname(right) or (wrong and not has_common_surname(wrong)) or right == wrong:
        return None
    return right


# sim71 (leftover of sim70): the name a WeChat was just registered with denied as the sender's ('不是我', '我不是陈阿水', a son
# who had registered his father's name for his own phone): how to correct it, never a question for the adviser
_NOT_ME_RE = re.compile(
    r"^(?:这个|这|那个|上面|上面的|登记的|登记的人|名字|个名|这个名|这个名字)?"
    r"(?:不是我|不是我的名字|不是我的名|不是我本人|不是我自己)(?:来的|的|啊|呀|喔|嘛)?$"
    rf"|^我(?:不是|不叫)(?P<name>{_NAME})(?:啊|呀|来的)?$"
    r"|^(?:登记|记)错(?:了)?人(?:了)?$"
)


def not_me_said(norm: str) -> bool:
    """'不是我', '我不是陈阿水' (a person's name: a common surname), '登记错人了' (``normalize``d)."""
    found = _NOT_ME_RE.match(_INTENT_PARTICLES_RE.sub("", norm or ""))
    return found is not None and (not found["name"] or has_common_surname(found["name"]))


# conv101 (22w: '啱啱睇到记录上面阿爸个名打错咗 佢叫钟润生 唔该改返' had become a ticket): the name shown on a record (the
# registered person's: this WeChat's) is a person's, never the record's trees; a relative's name said wrong there, the
# right one told after it (佢叫钟润生: 它叫 normalised), is the name this WeChat is registered under corrected
_ON_THE_RECORD_RE = re.compile(r"记录(?:上面|上边|上|里面|里)(?:的|个)?(?=[\u4e00-\u9fff]{0,4}?名)")
# conv105 (23b: '我老豆个名你哋登记错咗 佢叫黄福生 点改' while a record waited): who wrote it said (你们登记错了)
_NAME_WRONG_THEN_RIGHT = (
    r"(?:的|个)?(?:名字|姓名|名)(?:你们|你|您)?(?:写|打|登记|记|录|弄|输)?错"
    r"(?:了)?(?:字)?(?:它|他|她)(?:叫|是)[一-鿿]{2,4}"
)


@cache
def _relative_name_wrong_re() -> re.Pattern:
    return re.compile(f"(?:{RELATIVES}){_NAME_WRONG_THEN_RIGHT}")  # RELATIVES is defined further down


def name_fix_said(norm: str, species_table: Mapping) -> bool:
    """The sender's own name (or village) to be corrected, said in words; a tree's name or a record is not ('树名写错了',
    '桂花名字写错了' are the planting record's)."""
    norm = _ON_THE_RECORD_RE.sub("", norm or "")  # conv101: the name on the record is a person's
    if not norm or len(norm) > NAME_FIX_MAX_CHARS or _NOT_A_PERSON_RE.search(norm):
        return False
    if _MOVED_THEN_HOW_RE.match(_INTENT_PARTICLES_RE.sub("", norm)):
        return True  # round 56
    if not_me_said(norm):
        return True  # sim71
    if name_complained(norm):
        return True  # round 75 (21m): '点解叫我李桂华 我叫李桂花啊'
    if len(norm) > INTENT_MAX_CHARS and not (
        _WRITTEN_AS_RE.search(norm)
        or _OWN_NAME_RE.search(norm)
        or _TRUE_NAME_RE.search(norm)
        or _PET_NAME_TO_FULL_RE.search(_INTENT_PARTICLES_RE.sub("", norm))  # round 42 (19p)
        or _REGISTERED_WITH_ANOTHERS_RE.search(norm)  # round 49 (19w)
        or _CALLED_ME_THEN_RIGHT_RE.search(norm)  # round 53 (20c)
        or _RIGHT_NOT_WRONG_THEN_CHANGE_RE.search(norm)  # round 66 (20u)
        or (_CHARACTER_SPELLED_RE.search(norm) and "名" in norm)  # round 81 (21s)
        or _CALLED_ME_NOT_MINE_RE.search(norm)  # conv98 (22s)
        or _relative_name_wrong_re().search(norm)  # conv101 (22w)
    ):
        return False  # a long text is a story or a question, unless it says how the name was written wrong
    if find_species(_NAME_SAID_RE.sub(lambda m: _name_said_blanked(m, species_table), norm), species_table)[0]:
        return False
    return bool(
        _TRUE_NAME_RE.search(norm)
        or _NAME_CHANGED_TO_RE.search(norm)
        or _NAME_WRONG_RE.search(norm)
        or _NAME_CHANGE_RE.search(norm)
        or _NAME_TO_CHANGE_RE.search(norm)
        or _OWN_NAME_RE.search(norm)
        or (
            "名" in norm and _WRITTEN_AS_RE.search(norm) and (_CHANGE_TO_RE.search(norm) or _RIGHT_NAME_RE.search(norm))
        )
        or (_PAPERS_NAME_RE.search(norm) and _CHANGE_TO_RE.search(norm))  # round 39
        or _PET_NAME_TO_FULL_RE.search(_INTENT_PARTICLES_RE.sub("", norm))
        or _ANOTHERS_NAME_RE.search(norm)
        or _REGISTERED_WITH_ANOTHERS_RE.search(norm)
        # round 50: changed to a person's name, how it was written wrong after it ('麻烦改成刘玉兰，之前写成刘玉蓝了')
        or (_CHANGE_TO_RE.search(norm) and _WRITTEN_AS_RE.search(norm) and name_said_right(norm))
        or _CALLED_ME_THEN_RIGHT_RE.search(norm)  # round 53 (20c)
        or _CALLED_ME_NOT_MINE_RE.search(norm)  # conv98 (22s)
        or _relative_name_wrong_re().search(norm)  # conv105 (23b: '…个名你们登记错了它叫黄福生怎么改', short)
        or _right_not_wrong(norm)  # round 66 (20u)
        or _name_written_as(norm)  # round 87 (22c)
    )


# round 87 (22c: '我个名登记成陈大', the right name in the next message): one's name told as it was written, a person's
# name at the end, no change asked yet
_NAME_WRITTEN_AS_RE = re.compile(
    r"(?:名字|姓名|(?<=[我的个])名)(?:被)?(?:登记|写|打|记|录|弄|输|填)成(?:了)?(?P<name>[一-鿿]{2,4})(?:了|啦|喔|啊|呀)?$"
)


# conv98 (22s: '刚才回复里叫我村民12 我唔系呢个名 我叫黄亚四 怎么改'): the name one was called, denied, the right one said
# and how to change it asked
_CALLED_ME_NOT_MINE_RE = re.compile(
    r"(?:叫我|称我|喊我)(?:做)?[^我]{1,8}?(?:我)?(?:不是|不叫)(?:这个|那个|我的|我个|这|那)?(?:名字|名)"
    r"(?:来的)?(?:我)?(?:叫|是)[一-鿿]{2,4}?(?:才对)?(?:怎么|点样|点|如何|能不能|可不可以|帮我|麻烦|请)?(?:改|更正)"
)


def _name_written_as(norm: str) -> bool:
    """Round 87: ``_NAME_WRITTEN_AS_RE`` with a person's name (a common surname) as written."""
    from bot.surnames import has_common_surname

    found = _NAME_WRITTEN_AS_RE.search(norm)
    return found is not None and has_common_surname(found["name"])


def _right_not_wrong(norm: str) -> bool:
    """Round 66: a name said right against one said wrong, each a person's (a common surname), the change asked after
    ('我个名系刘进华唔系刘近华 帮我改'); never a tree against a tree ('是荔枝不是龙眼 帮我改' is the record's)."""
    from bot.surnames import has_common_surname

    found = _RIGHT_NOT_WRONG_THEN_CHANGE_RE.search(norm)
    return found is not None and has_common_surname(found["right"]) and has_common_surname(found["wrong"])


# --- round 18: the campaign's duties said in everyday words --------------------------------------------------
# Each reads a short ``normalize``d text (Cantonese rewritten: 冇 -> 没, 嘅 -> 的, 喺边度 -> 在哪里, 唔 -> 不; 植树 -> 种树)
# by its parts: the wish, the verb or the thing of the command, and nothing that makes it a question for the FAQ
# ('怎么认养' is how to: the FAQ answers it with the command).
# round 38 (19m): 能 alone, asked whether one may ('能认养一棵埔心村的树吗')
_WISHED_RE = r"(?:想|要|想要|帮我|请帮我|麻烦帮我|给我|可不可以|可以|能不能|能否|能够|能|也|我也|都)"
_A_TREE_RE = rf"(?:一|1|两|2)?(?:{_MEASURE})?"
# set 19e: the trees by a road, a river, a pond ('听说可以认养村道边的树 有哪些啊')
_BY_THE_WAY_RE = r"(?:村道|路|马路|公路|河|河涌|鱼塘|塘|祠堂|学校|村委)(?:边|旁|两边|两旁|边上|旁边)"
_ADOPT_RE = re.compile(
    # round 21: for someone ('想帮孙子认养一棵树', '都想帮屋企乡下认种一棵树'), the village's trees ('可以领养村里的树')
    # round 30 (19i): for a relative named after 帮我 ('帮我妈认养一棵龙眼', '帮我阿爷认种一棵荔枝')
    # round 46 (19s): for someone with no wish word, said first ('帮孙仔认养棵树做纪念', '替阿妈认种一棵树')
    rf"(?:{_WISHED_RE}(?:(?:帮|替|给|为)[{_CJK}]{{1,4}}?|(?<=帮我)[{_CJK}]{{1,3}}?)?|^(?:我)?(?:帮|替|为(?!什么))[{_CJK}]{{1,4}}?)"
    # round 48 (19v): paid for, with 养 or 认 alone after the money ('我想出钱养一棵树')
    rf"(?:(?:出钱|出资|出点钱|花钱)?(?:认养|认种|领养|认捐)|(?:出钱|出资|出点钱|花钱)(?:养|认))(?:{_A_TREE_RE})"
    # round 28: home's trees, from afar ('我人在香港 想认养一棵家乡的树 点做')
    # round 36: the count after the place ('认养村里一棵树')
    # round 38 (19m): the village by its name ('认养一棵埔心村的树')
    # round 48 (19v): before the door, those trees pointed at ('领养门口那些树')
    rf"(?:{_BY_THE_WAY_RE}|村里|村里面|村头|村尾|村口|村|我们村|家乡|老家|乡下|门口|屋前|屋后|[{_CJK}]{{1,3}}(?:村|社区))?"
    r"(?:的|些|那些|这些)?"
    rf"(?:{_A_TREE_RE})(?P<what>[{_CJK}]{{0,4}}?)"
    r"(?:吗|呢|啊|吧|得不得|行不行)?$"
)
_A_TREE_WORDS = frozenset({"", "树", "树苗", "果树", "小树", "苗"})
# which trees are left to adopt asked ('认养树还有剩吗', '认种一棵 有冇得拣': is there a choice); round 20's joining in
# adoption ('我也想参加认养树的活动') is a frame since round 31 (FRAMES)
# nobody has taken them yet (冇人要, 未有人认养: normalised 没有人要, 未有人认养)
_NOBODY_TOOK = r"(?:还|仍然)?(?:没有|没|未|无)(?:有)?人(?:要|认|认养|认种|领养|领)(?:的)?"
# round 71 (21e): how many are left that nobody took, the adoption word after ('仲有几多棵树未有人认养')
_ADOPTION_UNTAKEN_RE = re.compile(
    # round 86 (22c): Cantonese 村度, 村里头 (in the village); round 93 (22m: '村里边仲有几多棵树冇人认养'): 村里边, 村子里
    rf"^(?:本村|村里面|村里头|村里边|村子里|村里|村度|我们村)?(?:的)?(?:还有|还剩|剩下|有)(?:多少|几|哪些|哪几)(?:{_MEASURE})?"
    r"(?:树|树苗|果树)?(?:还|仍然)?(?:(?:没有|没|未|无)(?:有)?人|在?等(?:人|人家|别人)?)(?:来|去)?(?:认养|认种|领养)(?:的)?$"
)
_ADOPTION_LEFT_RE = re.compile(
    # round 58: the village's named first ('本村认种认养嘅树仲有边啲')
    # round 71 (21e): may be adopted said first ('可认养的树还剩几棵')
    rf"^(?:本村|村里面|村里头|村里|村度|我们村)?(?:的)?(?:那些|这些)?(?:我|我们)?(?:想|要|可|可以|能)?(?:认养|认种|领养)(?:的)?"
    rf"{_A_TREE_RE}(?:树|树苗|果树)?"
    # conv102 (22y: '村里那些可以认养的树还有吗' had been the FAQ's card): those trees (那些), whether any are still there
    r"(?:还有(?=吗$|没有$)|还有剩|还有剩下|有剩|有没有剩|有没有得选|有得选|可以选|能选|还有哪些|有哪些"
    # round 71 (21e): how many nobody has taken yet ('认养嘅树仲有几多棵冇人要')
    rf"|(?:还有|还剩|剩下|有)?(?:多少|几)(?:{_MEASURE})?(?:树|树苗|果树)?{_NOBODY_TOOK}"
    # round 58: which trees, counted ('认种嘅树仲有边几棵': normalised 还有哪多少棵), or what is left ('还剩哪些')
    r"|还有哪多少棵|还有哪几棵|还剩哪些|剩下哪些|还剩多少棵"
    # round 69 (21b): how many or which are left that may be taken, 认 alone for the word said first ('认种认养仲有几多棵树
    # 可以认', '认养还有哪些树可以选')
    r"|(?:还有|还剩|剩下)(?:多少|哪些|哪几|几)(?:棵|株)?(?:树|树苗|果树)?(?:可以|能|可)(?:认|认养|认种|领养|选|拣|挑))"
    # round 82 (21y: '认养嘅树仲剩边啲冇人认'): which are left that nobody took, said after
    rf"(?:{_NOBODY_TOOK})?(?:的)?(?:吗|没有)?$"
)
_ADOPTED_RE = re.compile(r"(?:认养|认种|领养|认捐)(?:了|过|完|好)|已经")  # done: '认养了两棵', '已经认种'
# round 21: which trees may be adopted asked ('有什么树可以认种的'); the wish, then how to go about it ('听说可以领养村里的
# 树 怎么弄', '都想帮屋企乡下认种一棵树 点搞': the list says how, 认养 <编号>); why after it ('…认养一棵树做纪念'); what is
# heard first ('听说'). '怎么认养' alone stays the FAQ's: no wish is said.
_WHICH_TO_ADOPT_RE = re.compile(
    # round 82 (21x): the village's named first ('村里有冇树俾人认嚟养㗎': 村里有没有树可以认养)
    r"^(?:本村|村里|村里面|我们村)?(?:有)?(?:什么|哪些|没有)(?:树|果树|树苗)?(?:可以|能)(?:选|挑|拣)?(?:来|去)?(?:认养|认种|领养)(?:的)?$"  # round 25
    # round 93: whether any are still left to adopt, 没有 after ('仲有树可以认养冇': 还有树可以认养没有)
    r"|^(?:本村|村里|村里面|我们村)?(?:还有|还有没有)(?:树|果树|树苗)(?:可以|能)(?:认养|认种|领养)(?:的)?(?:没有|吗)?$"
)
# round 48 (19v): how to choose ('我想领养门口嗰啲树，点揀': normalised 怎么选)
_HOW_AFTER_WISH_RE = re.compile(rf"(?<=[{_CJK}])(?:要|应该)?(?:怎么|如何)(?:弄|办|搞|做|报名|申请|参加|认|选|拣|挑)$")
# round 46 (19s): after the tree's name too ('帮阿爷认养棵龙眼做纪念')
_WHY_AFTER_ADOPT_RE = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:做|作|当|留)(?:个)?(?:纪念|留念)$"
    # round 48 (19v): the name put on it ('…挂个名', '…挂我个名', '…写上我的名字')
    r"|(?<=[\u4e00-\u9fff])(?:挂|写|刻|写上|挂上)(?:个|我个|我的|我)?(?:名|名字|牌)$"
)
# round 36: whether the sender may do it, asked after it ('我出钱认养一棵村里的树行不行', '出钱认养一棵树得唔得'): asked
# of oneself, as 可不可以 before it is ('可唔可以认养树'), a wish
_MAY_I_END_RE = re.compile(rf"(?<=[{_CJK}])(?:行不行|得不得|可不可以|可以吗|可以不|行吗|得吗|好不好|好吗|ok吗)$")
_I_FIRST_RE = re.compile(r"^(?:我|我们|我家|我屋企)")
_HEARD_RE = re.compile(r"^(?:听说|听讲|听人讲|听人说|听村里讲|听村里说)")
# round 22: which there are asked after the wish ('我想认种村里嘅树 有边啲', '认养树有冇得拣 睇下有咩树'): the list
_WHICH_AFTER_WISH_RE = re.compile(
    rf"(?<=[{_CJK}])(?<!还)(?:看下|看看|看一下|给我看下)?(?:有哪些|有什么|有啥|有哪几棵|有哪几种)(?:树|可以选|可以认)?$"
    # set 19e: which to choose ('有边啲揀', normalised 有哪些选; '有啥子可以选')
    rf"|(?<=[{_CJK}])(?<!还)(?:有哪些|有什么|有啥|有哪几棵|有哪几种)(?:树)?(?:可以|能|好)?(?:选|拣|挑)$"
    # round 43 (19q): where to pick one ('我想认种一棵树 喺边度揀', '想认养棵树 喺边度睇有咩树')
    rf"|(?<=[{_CJK}])(?<!还)(?:去|在|到)?(?:哪里|哪儿|哪)(?:可以|能)?(?:选|拣|挑|看|睇)(?:有什么|有哪些)?(?:树)?$"
    # round 46 (19s): whether there is a list ('我想认种一棵 有冇清单', '想认养棵树 有没有名单睇')
    rf"|(?<=[{_CJK}])(?:有没有|有冇|有无|有)(?:个|份|张)?(?:清单|名单|列表|目录)(?:可以)?(?:看|睇)?(?:下)?$"
)
# set 19e: the bare command before it ('认养一棵树 有啥子可以选'): a wish once which there are is asked
# round 52 (20a): where to sign up for it asked after the command's words ('认种认养喺边度报名', '认养树去边度报'), the
# wish first or not ('想认种喺边度登记'): the list, which says how
_WHERE_TO_SIGN_UP_RE = re.compile(
    rf"(?<=[{_CJK}])(?:要|应该)?(?:去|在|到)?(?:哪里|哪儿|哪)(?:可以|能)?(?:报名|报|登记|申请|办理|办)$"
)
_ADOPT_WISHED_FIRST_RE = re.compile(
    r"^(?:我|我家)?(?:也|都)?(?:想|要|想要)?(?=认养|认种|领养)|(?<=^认种)认养|(?<=^认养)认种"
)
_ADOPT_BARE_RE = re.compile(
    # round 28: where the tree stands ('认养一棵村口的树 有冇得拣')
    rf"^(?:认养|认种|领养){_A_TREE_RE}(?:(?:{_BY_THE_WAY_RE}|村里|村头|村尾|村口|家乡|老家)(?:的)?)?(?:树|果树|树苗)?$"
)


# round 25: the list of adoptable trees asked for ('麻烦发一下本村可认养树木清单', '请把村里能认种的树列个名单'): the list
_ADOPTION_LIST_RE = re.compile(
    rf"^{PLEASE_LEAD}(?:把)?(?:发|给|列|出|提供|拉)?(?:一下|下|个|一份|份)?(?:我|我们)?"
    # round 53 (20b): both words ('认种认养的树单发给我看看')
    r"(?:本村|村里|我们村|村)?(?:的|里)?(?:可|可以|能|能够)?(?:认养|认种|领养)(?:认养|认种)?(?:的)?(?:树木|树|果树|树苗)?"
    # round 48 (19u): the trees' list as 树单 ('认养嘅树单睇下')
    r"(?:列|发|出)?(?:个|一个|一份|份)?(?:清单|名单|列表|目录|明细|一览表|表|(?<=树)单)(?:发给|发|给)?(?:我|过来|来)?"
    r"(?:看看|看下|看)?$"
    # round 47 (19t): the list named first, sent to the sender to see ('认养清单发俾我睇下', '认养名单发过来给我看一下')
    r"|^(?:本村|村里|我们村|村)?(?:的)?(?:可|可以|能)?(?:认养|认种|领养)(?:的)?(?:树木|树|果树|树苗)?(?:清单|名单|列表|目录|明细)"
    r"(?:麻烦|请)?(?:你)?(?:发|拿|传)(?:过来|来)?(?:给)(?:我)(?:看看|看下|看一下|看)?$"
    # the lead (fifty-first session; 22r '认养有啲咩树'): which trees there are to adopt, asked ('认养的树有哪些',
    # '有咩树可以认养'); what adopting asks of one ('认养有什么要求') stays the FAQ's
    r"|^(?:本村|村里|我们村)?(?:可以|能)?(?:认养|认种|领养)(?:的)?(?:树)?有(?:些)?(?:什么|哪些|哪几种)(?:树|果树|品种|树种)?$"
    r"|^(?:本村|村里|我们村)?有(?:没有)?(?:些)?(?:什么|哪些|哪几种)(?:树|果树)(?:可以|能)(?:认养|认种|领养)$"
)


# round 39 (19n): one tree pointed at, by where it stands, asked whether one may adopt it ('党员可以认养村口嗰棵大榕树吗',
# '村民可以认养祠堂边嗰棵树吗'): asked of oneself (the sender's role or 我), the list shows what may be adopted
_THAT_TREE_TO_ADOPT_RE = re.compile(
    r"^(?:我|我们|我家|党员|村民|群众|干部|村干部)?(?:也|都)?(?:可以|可不可以|能不能|能|想|要)(?:认养|认种|领养)"
    rf"(?:{_BY_THE_WAY_RE}|村里|村头|村尾|村口|村|门口|路口)?(?:的)?(?:那|这|呢|嗰)(?:棵|株)[{_CJK}]{{0,4}}?树"
    r"(?:吗|呢|得不得|行不行|可以吗|行吗)?$"
)


# round 48 (19u): a tree claimed to adopt it ('想认领棵树嚟认养'): adopting a tree, as 认养一棵树 says it
_CLAIMED_TO_ADOPT_RE = re.compile(rf"认领(?:一)?(?:{_MEASURE}|些)?(?:树|果树|树苗)(?:来|去)(?:认养|养)")


# round 50 (19w): a tree paid for, to be looked after for the village ('可唔可以出钱帮村里养一棵树', '我想出资认种一棵树')
_PAID_FOR_A_TREE_RE = re.compile(
    r"^(?:我)?(?:可不可以|可以|能不能|能|想|要|想要)?(?:出钱|出资|捐钱|花钱|出点钱)(?:帮|给|为|替)?(?:村里|村|集体|大家)?"
    rf"(?:养|种|认养|认种|领养)(?:{_A_TREE_RE})?(?:树|果树)(?:吗|可以吗|行吗)?$"
)


# round 58 (20j): both words, as the campaign names it (认种认养, 认养或认种): one
_BOTH_ADOPT_WORDS_RE = re.compile(r"(认种|认养|领养)(?:和|或|或者|与|、)?(?:认种|认养|领养)")


# round 61 (20m): by whom the trees may be adopted, said in the passive ('有边啲树可以畀人认养': 可以被人认养, '可以让村民认种'):
# left out, which trees may be adopted is asked
_BY_PEOPLE_RE = re.compile(r"(?:被|给|让|俾)(?:人|别人|人家|大家|村民|群众|外人|其他人)(?=认养|认种|领养)")


# round 82 (21x: '村里有冇树俾人认嚟养㗎'): 认 and 养 apart, Cantonese 嚟 (来) between: 认养 said in two
_ADOPT_SPLIT_RE = re.compile(r"认(?:来|去)养")


# round 99 (22t: '村里可以认种的树还有几棵' had been the village's progress): the trees that may be adopted (可以认种的树, 能领养
# 的果树) and how many or which are left, in either order ('村里还有几棵树可以认养'): the list, which counts them
_ADOPTABLE_TREES = r"(?:可以|能够|能|可)?(?:认养|认种|领养)(?:的)?(?:树|树苗|果树)"
_LEFT_HOW_MANY = r"(?:还有|还剩|剩下|剩|有)(?:多少|几|哪些|哪几)(?:棵|株)?"
_ADOPTABLE_LEFT_RE = re.compile(
    rf"{_ADOPTABLE_TREES}(?:现在|而家)?{_LEFT_HOW_MANY}(?:树)?$"
    rf"|{_LEFT_HOW_MANY}(?:树|树苗|果树)(?:可以|能够|能|可)(?:认养|认种|领养|认)$"
)


def adoptable_left_asked(bare: str) -> bool:
    """Round 99: how many or which adoptable trees are left, asked (normalised text, particles left out)."""
    return len(bare) <= 24 and bool(_ADOPTABLE_LEFT_RE.search(bare))


def adoption_wished(norm: str, species_table: Mapping) -> bool:
    """A wish to adopt a tree (认种认养) said in words: '我家没地方种，想认养一棵', '我想领养一棵树', '可唔可以认养树',
    '想出钱认种一棵', '我要认养一棵龙眼' (a reason may come first); not '认养的树死了谁负责', '怎么认养' (the FAQ's),
    '认养了两棵' (done)."""
    if not norm or len(norm) > INTENT_MAX_CHARS + 2:
        return False
    norm = final_bu_as_ma(norm)  # the lead (43rd session, 21w): '有啥树可以认养不' asks as 吗 does
    norm = _ADOPT_SPLIT_RE.sub("认养", norm)  # round 82: '认嚟养'
    # round 66: with no 可以 before it, the passive says it ('有冇树俾人认养啊': 有没有树可以认养)
    norm = _BY_PEOPLE_RE.sub(lambda m: "" if re.search(r"(?:可以|能|可)$", norm[: m.start()]) else "可以", norm)
    if len(norm) > INTENT_MAX_CHARS:
        return False
    norm = _CLAIMED_TO_ADOPT_RE.sub("认养一棵树", norm)
    norm = _BOTH_ADOPT_WORDS_RE.sub(r"\g<1>", norm)  # round 58: '认种认养嘅树仲有边啲': the campaign's one word
    if _ADOPTION_LIST_RE.match(_INTENT_PARTICLES_RE.sub("", norm)) or frame_said("adopt", norm):
        return True  # round 31: the frames (FRAMES)
    flat = _INTENT_PARTICLES_RE.sub("", norm)
    how_to = _HOW_AFTER_WISH_RE.search(flat)  # conv104 (23a: '我想认养村里那棵老榕树 点样揀'): how after that tree
    if _THAT_TREE_TO_ADOPT_RE.match(flat[: how_to.start()] if how_to else flat):
        return True  # round 39: that tree, may I
    if _PAID_FOR_A_TREE_RE.match(_INTENT_PARTICLES_RE.sub("", norm)):
        return True  # round 50
    bare = without_show_me(norm)
    which = _WHICH_AFTER_WISH_RE.search(bare)
    bare = bare[: which.start()] if which else bare
    if _ADOPT_BARE_RE.match(bare):
        return True  # round 25: the bare command with its tree ('认养一株树'), or before which there are
    where = _WHERE_TO_SIGN_UP_RE.search(bare)
    if where and _ADOPT_BARE_RE.match(_ADOPT_WISHED_FIRST_RE.sub("", bare[: where.start()])):
        return True  # round 52 (20a): where to sign up for it ('认种认养喺边度报名'): the list, which says how
    how = _HOW_AFTER_WISH_RE.search(bare)
    if how and _ADOPT_BARE_RE.match(bare[: how.start()]):
        return (
            True  # round 48 (19u): the command's own words, then how to go about it ('认养树点搞'): the list says how
        )
    bare = _HEARD_RE.sub("", _WHY_AFTER_ADOPT_RE.sub("", bare[: how.start()] if how else bare))
    may_i = _MAY_I_END_RE.search(bare)
    if may_i and not how:
        bare = "我想" + _I_FIRST_RE.sub("", bare[: may_i.start()])
    if not bare or _HOW_RE.search(bare) or _ADOPTED_RE.search(bare):
        return False
    if _ADOPTION_LEFT_RE.match(bare) or _WHICH_TO_ADOPT_RE.match(bare) or _ADOPTION_UNTAKEN_RE.match(bare):
        return True
    if adoptable_left_asked(bare):
        return True  # round 99
    found = _ADOPT_RE.search(bare)
    if not found or negated_before(bare, found.start()):
        return False  # round 31: never negated ('我不想认养树 只想自己种'), as a frame (FRAMES) is not
    what = found.group("what")
    return what in _A_TREE_WORDS or find_species(what, species_table)[1] in (what, what.removesuffix("树"))


# a plan to plant (认领 in other words): who plans, when, the planning word, then the count and the tree
# round 19: today's and this week's plans too ('今天要种两棵荔枝'), and the time after the planning word ('打算过完年种')
# round 21: a festival or a month with its part ('清明前', '于三月中旬': the month is kept for the pledge)
_PLAN_MONTH_RE = re.compile(rf"[{_CN_NUM}\d]{{1,3}}月")
_PLAN_RELATIVE_MONTH_RE = re.compile(r"(?:这个|今个|呢个|下个|下)月")  # a month said from today's, as pledges reads it
# round 36: a festival as a time to plant ('清明前后种', '端午前', '春节后', '中秋前后'): the month it falls in, by the
# usual Gregorian month (the lunar ones move by a few weeks), and the month before when 前 names a festival on a
# month's first days (清明前: March); bot/pledges.py reads it as the pledge's month
FESTIVAL_MONTHS: dict[str, tuple[int, int]] = {
    # festival: (its month, the month when said 前)
    "春节": (2, 1),
    "过年": (2, 1),
    "元宵": (2, 2),
    "植树节": (3, 3),
    "清明": (4, 3),
    "五一": (5, 4),
    "劳动节": (5, 4),
    "端午": (6, 6),
    "中秋": (9, 9),
    "国庆": (10, 9),
}
FESTIVAL_RE = re.compile(
    r"(?:于|在)?(?P<festival>" + "|".join(sorted(FESTIVAL_MONTHS, key=len, reverse=True)) + r")(?:节)?"
    r"(?P<part>前后|左右|之前|以前|前|之后|以后|过后|后|期间|时|嗰阵|那阵)?"
)


def festival_month(text: str) -> int | None:
    """The month a festival said as a time to plant stands for ('清明前后种' -> 4, '清明前' -> 3, '春节后' -> 2)."""
    found = FESTIVAL_RE.search(text or "")
    if not found:
        return None
    month, before = FESTIVAL_MONTHS[found.group("festival")]
    return before if found.group("part") in ("前", "之前", "以前") else month


_PLAN_WHEN = (
    r"(?:今年|下个月|下月|明年|过几天|过两天|开春|年后|过完年|过年后|春节后|今天|今日|明天|听日|后天|这几天|下周|下星期"
    r"|周末|(?:星期|礼拜|周)[一二三四五六日天]|下个?礼拜|下个星期|下个?周末|过几日|过两日"  # round 72: 下礼拜
    r"|过(?:一|两|几|三)个月"  # round 82 (21x): '过两个月仲要种两棵黄皮'
    rf"|(?:于|在)?(?:清明|清明节|春节|元宵|端午|植树节|中秋|国庆|五一|[{_CN_NUM}\d]{{1,3}}月(?:份)?)"
    r"(?:上旬|中旬|下旬|初|底|中|头|尾|前|后|之前|以前|左右)?)?"
)
# the lead (forty-second session, the simulator): to plant for someone, wished or planned ('想为阿妈种一棵桂花', '我想给去世的
# 老伴种棵桂花'): who, then the verb not done; never a record (it had started one, of a tree called 为过世阿妈 for the late)
_PLANTING_FOR = r"(?:为|帮|替|给)(?!什么|啥|乜|何)[\u4e00-\u9fff]{1,6}?(?:补种|再种|多种|种植|种|栽|植)(?![了咗过好完])"
_PLANTING_FOR_WISHED_RE = re.compile(rf"^(?:我|我们|我哋|我家)?(?:好)?(?:想|想要|打算|准备|计划|希望){_PLANTING_FOR}")
_FOR_THE_LATE_RE = re.compile(r"过世|去世|已故|过身|走咗|死去|先人|纪念")
_PROMISED_TO = r"(?:村委会|村委|村里|村干部|干部|书记|支书|组长)"
# round 33b: the time before who ('今年我承诺种一棵杨梅'), a promise or a charge taken (承诺, 负责, 保证, 决定), and who
# plants said between ('我承诺三月份自己种两棵荔枝', '…亲手种…')
# round 95 (22o: '我屋企打算下个月喺屋后种两棵龙眼'): where, said just before the planting (在, Cantonese 喺: 屋后, 门口)
_PLAN_PLACE = r"(?:(?:在|喺|到|于)[\u4e00-\u9fff]{1,6}?(?=(?:补种|再种|多种|种多|种植|种|栽|植)))?"
_PLAN_RE = re.compile(
    # round 82 (21x: '下个月仲想种两棵龙眼'): still or again wished (还, 仲: normalised 还; 再, 又)
    rf"^{_PLAN_WHEN}(?:我|我们|我哋|我家|我们家|我哋屋企|屋企|家里|我屋企)?(?:一家人|一家|全家)?{_PLAN_WHEN}(?:也|都|还|仲|再|又)?"
    # round 90 (22j: '我哋屋企应承今年种三棵龙眼 五月前种'): promised (Cantonese 应承, 答应; to the village: 应承村委), or will
    rf"(?:报名|报个名|打算|准备|计划|想|要|认|承诺|负责|保证|决定|(?:应承|答应)(?:了|咗)?{_PROMISED_TO}?|会)+\s*{_PLAN_WHEN}"
    rf"\s*(?:自己|亲手|亲自|先)?{_PLAN_PLACE}"
    # round 70: to plant again or more ('我想补种两棵荔枝', '打算再种三棵龙眼'): a plan too, never trees planted; the lead
    # (forty-second session): for someone ('想为阿妈种一棵桂花', '打算帮孙仔种两棵荔枝'): the household's plan (the late's
    # memory is the FAQ's: ``_FOR_THE_LATE_RE``)
    rf"(?:{_PLANTING_FOR}|(?:补种|再种|多种|种多|种植|种|栽|植)?)\s*"  # round 90: Cantonese 种多 (plant more)
)


# round 48 (19u): 报 (sign up for) with the year or a month to come said before it ('今年我报三棵香樟', '明年报三棵杨梅',
# '今年我哋屋企报五棵龙眼'); 报 with today's or no time stays a report of trees planted ('今天报两棵龙眼')
_PLAN_YEAR = r"(?:今年|明年|下个月|下月|开春|年后|过完年|过年后|春节后)"
_SIGNED_UP_FOR_RE = re.compile(
    rf"^{_PLAN_YEAR}?(?:我|我们|我哋|我家|我们家|我哋屋企|屋企|家里|我屋企)?{_PLAN_YEAR}?(?:也|都)?报(?!名|个名)\s*"
)


# round 72 (21c): a time to come, then planting (again) with no planning word ('下个月再种两棵龙眼', '我下礼拜再种三棵荔枝'):
# a plan, never trees planted now; today's or a month's time stays a report ('今日种咗两棵', '三月种两棵')
_LATER_PLANTING_RE = re.compile(
    r"^(?:我|我们|我哋|我家|我们家|我屋企|屋企|家里)?"
    r"(?:下个月|下月|明年|过几天|过两天|过几日|过两日|开春|年后|过完年|过年后|明天|明日|听日|后天|下周|下星期|下个?礼拜"
    r"|下个星期|下个?周末)"
    rf"(?:我|我们|我哋|我家)?(?:也|都|就)?(?:会)?{_PLAN_PLACE}(?:再|补|多|另外)?(?:种植|种|栽)(?![了咗过好])\s*"
)


def planned_planting(text: str) -> str | None:
    """The trees of a plan to plant, said as villagers say a pledge (认领): '我报名种两棵荔枝', '我家打算种三棵龙眼',
    '下个月准备种两棵桃树', '我家认两棵龙眼' -> what follows the planning words ('两棵荔枝', '2棵桂花 三月份'), when it
    starts with a count; None for anything else (a question, trees planted: '准备种了' never reads)."""
    text = to_halfwidth(text or "").strip()
    found = _PLAN_RE.match(text)
    if (not found or found.end() == 0) and _LATER_PLANTING_RE.match(text):
        found = _LATER_PLANTING_RE.match(text)  # round 72
    signed_up = _SIGNED_UP_FOR_RE.match(text)
    if signed_up and re.search(_PLAN_YEAR, signed_up.group(0)) and not is_question(text):
        rest = text[signed_up.end() :]  # round 48
        return rest if _COUNT_FIRST_RE.match(rest) else None
    if not found or found.end() == 0 or is_question(text) or _FOR_THE_LATE_RE.search(text):
        return None  # the lead (forty-second session): a tree for the late is their memory's, the FAQ's
    rest = text[found.end() :]
    month = _PLAN_MONTH_RE.search(found.group(0)) or _PLAN_RELATIVE_MONTH_RE.search(found.group(0))
    if month and _COUNT_FIRST_RE.match(rest):
        # '我家计划于三月中旬种植两株龙眼' -> '两株龙眼 三月'; the lead (41st): '下个月种两棵龙眼' -> '两棵龙眼 下个月' (the
        # pledge had been taken with no month)
        return f"{rest} {month.group(0)}"
    return rest if _COUNT_FIRST_RE.match(rest) else None


# a cadre's pledge for a household said the way it is done: '帮陈伯认领两棵荔枝', '替李婆婆认领一棵龙眼'
# round 28 (19h): 为 and who the household is before the name ('为村内无智能手机农户陈伯认领龙眼2棵')
def pledge_for(text: str) -> str | None:
    """'帮陈伯认领两棵荔枝' -> '陈伯 两棵荔枝' (the cadre's form: 认领 <姓名> <棵数><树>), else None."""
    found = _PLEDGE_FOR_RE.match(to_halfwidth(text or "").strip())
    if not found:
        return None
    rest = to_halfwidth(text).strip()[found.end() :]
    return f"{found.group('name')} {_THEIR_PLAN_RE.sub('', rest, count=1)}"


# joining the planting day (参加): '我去参加植树', '我报名参加今天的植树活动', '今天植树我也去', '植树活动签到'
# round 58 (20i): this year's, next month's, a date ('报名参加今年嘅植树日', '下个月的种树活动', '3月12号的植树日')
_WHEN = (
    r"今天|今日|明天|听日|明朝|后天|下午|上午|早上|这次|今次|这回|那天|当天|周末|(?:本|这|这个|下|下个|今个)?(?:星期|礼拜|周)[一二三四五六日天]"
    r"|今年|下个月|这个月|今个月|[0-9一二三四五六七八九十]{1,2}月[0-9一二三四五六七八九十]{1,3}(?:日|号)"
)  # round 75 (21m): Cantonese 今个 (this: '今个礼拜六种树我报名')
# 个: Hakka 的; round 21: the day after the planting word ('植树那天算我一个')
# set 19e: the day, then the village's ('礼拜六村里义务植树我参加'); the one that day ('我报名参加礼拜日嗰场')
# round 28 (19h): the village named as 本村, the party's day ('主题党日植树活动我参加', '本人参加本村植树日活动')
_DAY_RE = (
    # round 37 (19m): that one of the village's ('村里那场植树我参加')
    rf"(?:{_WHEN}){{0,2}}(?:村里|村里面|本村|我们村)?(?:的|个)?(?:那场|这场|那次|这次)?(?:主题党日|党日)?(?:义务)?"
    r"(?:种树|种树节|种树日)?(?:活动)?(?:那天|当天|那日|那场|这场|那次|这次)?"
)
# with whom, after it ('我同我个仔一齐去': with my son)
_WITH_RE = rf"(?:(?:我)?(?:和|同|跟|带)[{_CJK}]{{1,5}}一起(?:去|来)?)?"
_JOIN_RE = re.compile(
    # round 58: signed up by the bot ('帮我报名参加今年植树日')
    rf"^(?:我|我们|本人)?(?:也|都)?(?:去|来|要|想|会|愿意)*(?:帮我|替我|给我)?(?:报名|报个名)?(?:去|来)?参加{_DAY_RE}{_WITH_RE}$"
    # round 21: signing up first, the day after it ('报个名 村里的义务植树')
    # round 68 (20y): Cantonese 都 (also) as 也 ('我都报名植树日')
    rf"|^(?:我|我们|本人)?(?:也|都)?(?:要|想)?(?:报名|报个名)(?:参加)?(?:{_WHEN}|村里|村里面)?(?:的|个)?(?:义务)?种树(?:节|日)?(?:活动)?$"
    rf"|^{_DAY_RE}(?:就是)?(?:我|我们|本人)(?:也|都)?(?:去|来|要|会)?(?:报名|报个名)?(?:去|来|参加|报名){_WITH_RE}$"
    # round 20: who goes with whom first, then 'sign us up' ('我和老公都去植树日 帮我们报上'); the code not scanning
    # said first ('扫码扫唔到 我要参加…')
    rf"|^(?:我|我们)(?:和|同|跟)[{_CJK}]{{1,4}}(?:也|都)(?:去|来|参加){_DAY_RE}(?:帮我们|帮我)?(?:报上|报名|报个名)?$"
    rf"|^{_DAY_RE}(?:我|我们)?(?:也|都)?(?:要|想)?(?:报名|报个名)(?:去|来|参加)?$"
    rf"|^扫(?:码|二维码)?扫?(?:不到|不了|不上|不出|失败)(?:我|我们)?(?:要|想)?(?:去|来)?参加{_DAY_RE}$"
    # round 37 (19m): the day's code scanned to no avail, then here to join ('扫了活动的码没反应 我是来参加植树的')
    rf"|^扫(?:了)?[{_CJK}]{{0,6}}?码(?:没反应|没有反应|没用|不行|失败|扫不到|扫不了|打不开)(?:我|我们)?(?:是)?(?:来|去)?参加{_DAY_RE}(?:的)?$"
    # round 37 (19m): the day first, then who goes with whom, 'sign us up' ('种树那天的活动我和老婆都去 帮我们报上')
    rf"|^{_DAY_RE}(?:的活动)?(?:我|我们)(?:和|同|跟)[{_CJK}]{{1,4}}(?:也|都)(?:去|来|参加)(?:帮我们|帮我)?(?:报上|报名|报个名)?$"
    r"|^(?:义务)?种树(?:活动)?(?:签到|报到|打卡)$"
    # round 19: count me in ('植树那天算我一个'); round 25: signing oneself up, the day unnamed or named before ('我先帮自己
    # 报个名', '植树日报名 算我一个')
    r"|^(?:我|本人)?(?:也|都)?(?:先)?(?:帮|给|替)(?:我自己|自己|我)(?:先)?(?:报名|报个名|报一个名|报埋名)(?:先)?$"
    rf"|^{_DAY_RE}(?:报名|报个名)?(?:算我一个|算我一份|我也算一个|算上我|算埋我(?:一个|一份)?|加我一个|加埋我|\+1)$"
    # round 28 (19h): the day heard of, then going ('听讲礼拜日有植树活动 我都想去'); signing up for the day's 活动 named by
    # its day alone ('我报名明天的活动')
    rf"|^(?:听讲|听说|听人讲|听人说|话|讲)?{_DAY_RE}有(?:个|场)?(?:义务)?种树(?:活动)?(?:我|我们|本人)(?:也|都)?(?:想|要|会)?(?:去|来|参加)$"
    rf"|^(?:我|本人)?(?:也|都)?(?:要|想)?(?:报名|报个名)(?:参加)?(?:{_WHEN})(?:的|个)?(?:义务)?(?:种树)?活动$"
    # round 42 (19p): the day's 活动 heard of, then a wish to go and help ('听讲今日有活动 我都想去帮手')
    rf"|^(?:听讲|听说|听人讲|听人说)?(?:{_WHEN})有(?:个|场)?(?:义务)?(?:种树)?活动(?:喎|喔|哦)?(?:我|我们|本人)(?:也|都)?"
    r"(?:想|要|会)(?:去|来)?(?:帮手|帮忙|帮下手|帮下忙|帮一下忙|出力|出份力|参加)$"
    # the lead (forty-second session, set 21s by voice): the day pointed at with a filler or told by someone first, who
    # set it up said ('那个礼拜六的种树活动我要参加算我一个', '支部说礼拜六去种树我参加', '村里搞的种树日我都去参加')
    rf"|^(?:那个|这个)?(?:[{_CJK}]{{1,4}}?(?:说|讲|话))?(?:{_WHEN}){{0,2}}(?:村里|村里面|本村|我们村|支部)?"
    r"(?:搞的|弄的|办的|组织的|的|个)?(?:种树日|种树活动|种树|活动|去种树)(?:我|我们|本人)(?:也|都)?(?:要|去|会|想)?(?:去)?参加"
    r"(?:算我一个|算我一份|算上我|算埋我(?:一个|一份)?|加我一个)?$"
)


# round 20: why, said after it ('这次义务植树我报名 党员要带头嘛'): left out before it is read
_JOIN_REASON_AFTER_RE = re.compile(
    rf"(?<=[{_CJK}])(?:我们|我是)?(?:党员|干部)?(?:要|应该|得|就要|都要)?带(?:个)?头(?:吗|的)?$"
)


# round 21: what is asked or requested after joining is said: when and where to gather ('我和老婆两个都去种树 几点集合':
# the day's reply says its time and place), 'put me down' ('…，请予登记')
_JOIN_ASKED_AFTER_RE = re.compile(
    rf"(?<=[{_CJK}])(?:(?:几点|什么时候|在哪里|在哪|哪里)(?:集合|开始|到|出发|见)(?:呢|啊)?"
    r"|(?:请予|请|麻烦|帮我)(?:登记|报名|记上|登上|记下)(?:一下)?"
    # round 25: going together then ('…我先帮自己报个名 到时一齐去')
    r"|(?:到时|到时候|那天|当天)(?:大家|我们)?(?:一起|一齐)?(?:去|来|见|种)"
    # round 61: the day asked after the wish ('我参加 系边日': 边日 reads 哪天, a question since)
    r"|(?:是)?(?:哪天|哪一天|几号))$"
)


# round 22: who goes said first ('我家两公婆礼拜日都去参加义务植树', '我们一家人都去'), the day after them; a wish to go,
# then how to sign up ('我想去 点报名参加': the day's check-in says how); '怎么报名参加' alone stays the FAQ's
_WHO_GOES_RE = re.compile(
    r"^(?:我|我们|我家|我们家)(?:两公婆|两夫妻|两口子|一家人|一家|全家|两个|两个人|几个|几个人|两人|一家大小|老少)(?=.)"
    # round 46 (19s): how many of the household go ('屋企有三个人去植树日 点报名', normalised 家有…), or with whom
    # ('我同老婆两个去', normalised 我和老婆两个)
    rf"|^(?:我|我们)?(?:家|家里|屋企)(?:有|里有)?(?:[{_CN_NUM}\d]{{1,2}}|几)个(?:人)?(?=去)"
    r"|^我(?:和|同|跟)(?:老婆|老公|老伴|阿妈|阿爸|老妈|老爸|老豆|妈|爸|仔|女|孙|儿子|女儿|个仔|个女)(?:两个|两个人|三个|一齐|一起)?(?=去)"
)
_WHEN_FIRST_RE = re.compile(rf"^(?:{_WHEN})(?:的)?(?=.)")
_JOIN_HOW_RE = re.compile(
    r"^(?:我|我们|本人)?(?:也|都)?(?:想|要|会)(?:去|来|参加)(?:要)?(?:怎么|怎样|如何|去哪里|在哪里|在哪)(?:报名|报个名)(?:参加)?$"
    # set 19e: the day first, to help ('植树日我想去帮手 点报名参加': 帮手, Cantonese for helping out)
    rf"|^{_DAY_RE}(?:我|我们|本人)?(?:也|都)?(?:想|要|会)(?:去|来|参加)(?:帮手|帮忙|帮下手|帮下忙|出力|出份力|种树)"
    r"(?:要)?(?:怎么|怎样|如何|去哪里|在哪里|在哪)(?:报名|报个名)(?:参加)?$"
)


# round 37 (19m): how to sign up for the village's planting day, the day named ('村里的植树活动点样报名', '听说村里搞义务植树
# 点样报名'): asked, no wish said, so no check-in (round 33's how rule: 参加 records attendance); the day's details say how
# (``planting_day_asked``; the FAQ has no entry of its own; '怎么报名参加' alone, no day named, stays the FAQ's)
_DAY_SIGN_UP_HOW_RE = re.compile(
    rf"^(?=.*种树)(?:听说|听讲|听人讲|听人说)?(?:村里|本村|我们村)?(?:搞|弄|有|办|组织)?(?:个|场)?"
    # round 66 (20v): whose day said first ('党员植树活动点报名')
    rf"(?:党员|干部|村干部|村民|群众|全村)?(?:的)?{_DAY_RE}(?:我|我们)?(?:要)?"
    # round 46 (19s): how to take part ('义务植树活动点样参加')
    r"(?:怎么|怎样|如何|去哪里|在哪里|在哪)(?:报名|报个名|参加)(?:参加)?$"
)
# round 46 (19s): who goes said first, then going to the day and how to sign up ('我们去种树日怎么报名')
_GOING_THEN_HOW_RE = re.compile(
    rf"^我们(?:也|都)?(?:想|要|会)?(?:去|来)(?:参加)?{_DAY_RE}(?:要)?(?:怎么|怎样|如何|去哪里|在哪里|在哪)(?:报名|报个名)(?:参加)?$"
)
# round 89 (22g: '今日村里植树我都去 点报名参加'): signing up said with 参加 after it, or as 报 or 登记 ('点报', '点登记参加')
_SIGN_UP_HOW_AFTER_RE = re.compile(
    r"(?<=[去来加])(?:要)?(?:怎么|如何|怎样|去哪里|在哪里|在哪)(?:(?:报名|报个名|报|登记)(?:参加)?|参加)$"
)


# round 50 (19w): whether one may still sign up for the day, then the wish to go ('种树活动仲可以报名吗，我想去')
_STILL_OPEN_THEN_GO_RE = re.compile(
    r"^(?:种树|植树)?(?:活动|日)(?:还|仍然|现在)?(?:可以|能)(?:报名|参加)(?:吗|不|没有)(?:我)?(?:也|都)?(?:想|要)(?:去|参加|报名)$"
)


# round 51: the village's award asked after ('今年评比有冇我哋村', '我们村评上先进了吗', '我村有没有评上最美植绿集体'):
# the campaign office's, never an adviser's; the village named as ours and the award as won (评上, 评到, 先进, 评比)
_OUR_VILLAGE_RE = re.compile(r"我们村|我哋村|我地村|我村|本村|咱村|咱们村|我们这个村|我们社区|本社区")
_VILLAGE_AWARD_RE = re.compile(
    r"(?:评上|评到|评得|评唔评|评不评|评中|选上|入选|获评|拿到|得到|评)(?:了|咗)?(?:先进|最美植绿集体|表彰|奖)"
    r"|(?:评比|评选|表彰)(?:结果)?(?:有冇|有没有|有无|出来|点样|怎么样|名单)"
    r"|(?:评上|评到|评中|选上|入选|获评|获奖|得奖)(?:了|咗)?(?:吗|没有|未|冇|没|呢)"
)


def village_award_asked(text: str) -> bool:
    """Whether one's own village won (or will win) the campaign's award ('我们村评上先进了吗'): the office's matter."""
    flat = re.sub(r"[\s，,。.!！?？~～]", "", text or "")
    return bool(
        flat and len(flat) <= INTENT_MAX_CHARS and _OUR_VILLAGE_RE.search(flat) and _VILLAGE_AWARD_RE.search(flat)
    )


# conv100 (set 22v: '我今年有冇评到奖', '我评上最美植绿人没有', '技术顾问评奖我有份吗', '我们埔心村评上最美植绿集体没有' had
# been the FAQ's schedule, tickets): an award asked after as won, by whom said together: the sender (我, 有我, 我有份) or
# the village named as ours with its name between (我们埔心村, 我哋条村). How, when or on what terms awards are given
# ('最美植绿人怎么评', '表彰几时公布', '评先进有什么条件') stays the FAQ's, why one was not ('点解评先进冇我份') a complaint
# (esc101's own request); a reward in money (奖励, 奖金) is no award
_AWARD_NAMED_RE = re.compile(r"奖|表彰|先进|最美植绿|优秀|评优|荣誉|评比|评选")  # conv111: 评比, as the village's
_NOT_AN_AWARD_RE = re.compile(
    r"奖励|奖金|奖补|补贴|证书|为什么|为啥|点解|凭什么|怎么|怎样|如何|几时|什么时候|何时|时间|条件|标准|要求|资格|规则|办法|流程|要做|多少|几个|哪些|谁"
)
_AWARD_WON_ASKED_RE = re.compile(
    r"(?:评上|评到|评中|选上|入选|获评|拿到|领到|得到|获得)[^，]{0,8}?(?:吗|没有|未|没|冇)$"
    r"|上榜(?:了)?(?:吗|没有|未|没|冇)"  # conv101 (22x: '埔心村上榜冇啊 最美植绿集体')
    # conv102 (22y: '我攞咗咩奖未' had been the FAQ's schedule): an award asked whether taken yet, which one said or not
    r"|(?:领了|拿了|得了|获得了)(?:什么|啥|些什么|哪个)?(?:奖|奖项|荣誉|表彰)(?:了)?(?:没有|未|吗|没|冇)$"
    r"|(?:有没有|有无)(?:得|拿到|领到|评上|评到|得到|获得|获)"
    r"|有(?:没有)?我(?:的|个)?(?:份)?(?:吗|没有|未|没)?$"
    r"|我(?:有没有|有)份"
)
_OUR_NAMED_VILLAGE_RE = re.compile(r"(?:我们|我地|咱们|咱|本)(?:条|个|这个|的)?[\u4e00-\u9fff]{0,3}?村")
_SENDER_RE = re.compile(r"我(?![们地村])")
# conv106 (23c: '我们党员有没有评上最美植绿人' had been a ticket): the sender's own kind (我们党员) or household (我们家) as
# who won: the awards of persons and households the sender's own are (the village's stays ``_OUR_VILLAGE_RE``'s)
_SENDER_AMONG_RE = re.compile(r"(?:我们|我哋|我地|咱们)(?:的|嘅)?(?:党员|干部|家|屋企|家里|这户|一家)")
# conv101 (22w: '我有冇奖㗎', '今年我们村获得了哪些荣誉', '听讲七一有表彰 我哋村有冇份' had been the FAQ's schedule or a
# ticket): an award had asked bare (有没有奖, 有没有表彰), which ones were won asked (获得了哪些荣誉, 拿了些什么奖: its
# 哪些 asks what was won, never how they are given), a share asked (有没有份)
# conv104 (23a: '咁我有冇奖攞'): the award named before its taking (有冇奖攞 normalised 有没有奖领, 有没有奖拿)
# conv105 (23b: '种咗咁多树 有冇荣誉俾我'): the award asked to be given to one (有没有荣誉给我, 俾 normalised 给)
# conv111 (23h: '七一表彰有冇我哋埔心村嘅份' had been the FAQ's schedule): the share asked of the village named as ours
# by its name (有没有我们埔心村的份: whose, ``_OUR_NAMED_VILLAGE_RE``)
_AWARD_HAD_RE = re.compile(
    r"(?:有没有|有无)(?:得|拿|拿到|领到)?(?:奖|表彰|荣誉)(?:领|拿|收|给我|发给我)?$"
    r"|(?:有没有|有无)(?:我的|(?:我们|咱们)(?:这个|条|个)?[\u4e00-\u9fff]{0,3}?(?:村|社区)的)?份"
)
_WHICH_WON_RE = re.compile(
    r"(?:获得|拿到|拿了|领了|领到|得了|得到|评上|评了|评到|获)(?:了)?(?:哪些|哪几个|些什么|什么|啥)(?:荣誉|奖项|奖|表彰|称号)$"
)
# conv101 (22w: '我的证书' then '咁有冇奖啊'): an award asked with no one's said, just after one's own certificates or
# awards (handlers/awards.py: a follow-up, the sender's)
_AWARD_ELLIPTIC_RE = re.compile(r"^(?:这么|那|那么|噉|咁)?(?:又|仲|还)?有没有(?:得)?(?:奖|表彰)$")


def award_asked_whose(norm: str) -> str:
    """Conv100: whose award is asked after as won, in a short normalised text: 'mine' (the sender's: '我今年有没有评到奖',
    '优秀技术顾问有我吗'), 'village' (ours: '我们埔心村评上最美植绿集体没有'), or '' (none asked, or how/when they are
    given)."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    # conv101 (22x: '种咗咁多 我有冇奖励'): one's own reward asked (我有没有奖励) is one's award, not money's terms
    bare = re.sub(r"(?<=我有没有)奖励$", "奖", bare)
    # conv101 (22x: '埔心村上榜冇啊 最美植绿集体'): the award named after the question, made the list (上榜)
    bare = re.sub(r"(?<=上榜没有)[啊呀吖](?=最美植绿)", "", bare)
    which = _WHICH_WON_RE.search(bare or "")
    unasked = bare[: which.start()] if which else bare  # conv101: what was won asked (哪些荣誉) is no how
    if not bare or len(bare) > 24 or not _AWARD_NAMED_RE.search(bare) or _NOT_AN_AWARD_RE.search(unasked):
        return ""
    won_asked = _AWARD_WON_ASKED_RE.search(bare) or _AWARD_HAD_RE.search(bare) or which
    if not won_asked:
        return ""
    # conv101 (22x: '我阿爸种咗咁多树 佢有冇攞到奖'): a relative's own award, he named as who won (它 is 佢 normalised);
    # conv111 (23h: '我阿爸用我手机报咗五棵树 佢有冇攞到奖㗎'): whatever count of his trees is told before it
    relative = _RELATIVE_RE.search(bare)
    if relative and re.search(r"(?:它|他|她)(?:有没有|有无)", bare):
        return "relative"
    if re.search(rf"[\d{_CN_NUM}]+\s*[棵株颗]", bare):
        return ""  # 21j: '七一评先进 我种咗5棵有冇份' asks whether so many trees qualify: on what terms, the FAQ's
    if relative:
        return ""
    if _OUR_NAMED_VILLAGE_RE.search(bare) or _OUR_VILLAGE_RE.search(bare):
        return "village"
    if _SENDER_RE.search(bare) or _SENDER_AMONG_RE.search(bare):
        return "mine"
    # conv101 (22x: '埔心村上榜冇啊'): a village named by its name, the sender's own only (handlers/awards.py checks)
    return "named" if re.match(r"^[\u4e00-\u9fff]{2,3}(?:村|社区)", bare) else ""


# round 51: one's own 签到 asked (a villager's: the planting days attended; an adviser's 签到 is his visits)
# ('我的签到', '签到记录', '我签到过几次', '查下我嘅签到', '我参加过几次植树活动')
_ATTENDANCE_ASKED_RE = re.compile(
    r"^(?:帮我)?(?:查|查下|查一下|看|看看|看下|睇|睇下|睇吓)?(?:我|我的|我嘅)(?:的|嘅)?(?:活动)?签到(?:记录|情况)?(?:呢)?$"
    r"|^(?:我的|我嘅)?(?:活动)?签到(?:记录|情况)$"
    r"|^(?:我)(?:一共|总共)?(?:签到|签)(?:过|了|咗)?(?:几次|多少次|几多次)(?:了|啦)?$"
    r"|^(?:我)(?:一共|总共)?(?:参加|去)(?:过|了|咗)(?:几次|多少次|几多次)(?:义务)?(?:植树|种树)?(?:活动)(?:了|啦)?$"
    # round 53 (the lead, as a party member in the simulator: '我参加咗植树活动未算' got the volunteers' entry): whether
    # the day attended was counted
    r"|^(?:我)(?:上次|嗰日|那天|今日|今天|昨天|琴日|上个礼拜|上星期)?(?:参加|去|去咗|去了)(?:了|咗|过)?(?:嗰次|那次|村里的|村里嘅)?"
    r"(?:义务)?(?:植树|种树)(?:活动|日)?(?:有没有|有冇|算不算|算唔算|未|仲未|还没)?(?:算|记|计|登记|记录|签到)(?:上|到|入|数|埋)?"
    r"(?:了|咗)?(?:没有|没|未|吗|冇|未呀|未啊|咩)?$"
)


# round 53 (the lead, in the simulator: '係咪要淋多啲水' just after a ticket on a 桂花's burnt leaf tips was asked back
# about watering in, '会不会死' got the heeling-in card): a short question with no subject of its own, of a tree's care or
# its fate, all of it one of these (so '洞怎么补' names a thing the ticket never told of, and stays its own)
_ELLIPTIC_CARE_RE = re.compile(
    r"^(?:咁|噉|那|那么|所以|请问)?"
    r"(?:系咪|系唔系|是不是|是否|要不要|使唔使|使不使|用不用|需不需要|会不会|会唔会|能不能|可不可以|可唔可以|得唔得|还能|仲可以|会)?"
    r"(?:应该|要|需要|还|仲)?"
    r"(?:(?:再|多|少|先|马上|即刻)?(?:淋|浇|淋水|浇水|施肥|落肥|下肥|剪|剪掉|修剪|打药|喷药|挖出来|移走|晒|遮阴)"
    r"(?:多啲|少啲|多点|少点|多一点|少一点)?(?:水|肥|药|掉|走|枝)?"  # round 79: 剪枝 ('系咪要剪枝')
    r"|(?:死|死掉|救|救得返|救得活|有救|活|活得返|活得成|好返|好得返|救唔救得返|救不救得活|有冇得救|有没有得救)"
    r"|(?:点算|点算好|怎么办|咋办|点搞|点处理|怎么处理|怎么救|点救)"
    # round 69 (21a): whether it is sick or has pests, guessed ('系咪生病', '系唔系有虫')
    r"|(?:生病|有病|病了|病咗|得病|得咗病|有虫|生虫|长虫)"
    # the lead (41st, set 21o: '点解会咁'): why it is so, asked bare
    r"|(?:为什么|怎么|点解)(?:会)?(?:变成|搞成|弄成|整成)?(?:这样|这么|咁|噉|这样子))"
    r"(?:吗|呢|啊|呀|咩|不|唔|没|未|嘛|啦|了|喇)*$"
)
# round 69 (21a): then whether to ask the expert ('系咪生病 要唔要问专家', '是不是病了 要不要找专家看看'): the ticket's question
_ASK_THE_EXPERT_AFTER_RE = re.compile(
    r"(?:要不要|要唔要|使唔使|使不使|用不用|需不需要|需唔需要|好唔好|好不好|可唔可以|可不可以|使唔使要|是不是要|系咪要)?"
    r"(?:问|找|揾|搵|请|叫)(?:下|一下|吓)?(?:专家|顾问|技术员|技术顾问|老师)(?:来)?(?:看看|看下|看一下|睇下|睇睇|睇吓)?"
    r"(?:吗|呢|啊|呀|咩|啦|喇)*$"
)


def fix_asked_of_its_trouble(text: str, earlier: Iterable[str]) -> bool:
    """Round 79 (21p: '咁系咪要剪枝 叶子都黄晒' on a ticket of yellow leaves, '啲花落晒 点算好' after '问专家 龙眼落花'): a
    tree's care asked with no subject (``elliptic_care_asked``) and the ticket's own trouble told again (``same_symptom``
    against ``earlier``, its texts), each in a clause of its own, nothing else said: the ticket's, never a new one."""
    clauses = [c for c in re.split(r"[\s，,。.!！?？~～]+", text or "") if c]
    if not 2 <= len(clauses) <= 3:
        return False
    asked = [c for c in clauses if elliptic_care_asked(c)]
    told = [c for c in clauses if c not in asked]
    return bool(asked) and bool(told) and all(same_symptom(c, earlier) for c in told)


def elliptic_care_asked(text: str) -> bool:
    """Round 53: a tree's care or fate asked with no subject ('系咪要淋多啲水', '会不会死', '点算好', '要不要剪掉'): in a
    ticket's 补充 window, the ticket's tree's."""
    flat = re.sub(r"[\s，,。.!！?？~～]", "", text or "")
    if _ELLIPTIC_CARE_RE.match(flat):
        return True
    expert = _ASK_THE_EXPERT_AFTER_RE.search(flat)  # round 69: whether to ask the expert, after it
    return bool(expert and expert.start() > 0 and _ELLIPTIC_CARE_RE.match(flat[: expert.start()]))


def attendance_asked(text: str) -> bool:
    """One's own 签到 (the planting days' check-ins) asked after, not done ('我的签到', '签到记录', '我签到过几次'), or
    whether one's attendance was recorded (``attendance_recorded_asked``)."""
    flat = re.sub(r"[\s，,。.!！?？~～]", "", text or "")
    return bool(_ATTENDANCE_ASKED_RE.match(flat)) or attendance_recorded_asked(flat) or kin_attendance_asked(flat)


# the lead (fifty-third session, set 22u: '上个礼拜六植树活动我去咗 有冇记低我参加', '今日植树日我扫咗码 算唔算参加咗' were
# tickets): whether one's attendance was recorded, read by what is said together, not by one phrase: a planting day
# named, being there said as done (去咗, 到场, 签咗到, 扫咗码), and whether it was recorded asked (有冇记, 算唔算, 收到未,
# 成功了吗); never a day still to come (下次, 明天: the join or a question), never trees counted (a planting record)
_PLANTING_DAY_RE = re.compile(
    r"植树活动|种树活动|植树日|义务植树|集体种树|植树节|种树日"
    r"|义务种树"  # conv102 (22y: '参加义务植树的记录有我吗': 植树 is normalised 种树)
    # conv102 (22y: '我带队那天植树签到有没有记上'): the day one led the planting (带队, 带村民), or one day's planting
    # conv103 (22z: '礼拜六嗰次种树我去咗 有冇记录到' had been one's progress): or one past time's planting (那次, 嗰次)
    r"|带(?:队|村民|大家|人)(?:去)?(?:种树|植树)?|(?:那天|那日|嗰日|当天|当日|上次|那次|嗰次|那回)(?:的|嘅)?(?:种树|植树)"
    # conv102 (22y: '今日植树活动我扫咗码'): the 活动 whose code was scanned or where one signed in: the planting day's
    # conv110 (23g: '三月十二号那次活动我签了到的 有没有算我参加' had been review_why's): the check-in said done with 了/咗
    # inside it (签了到, 签咗到)
    r"|活动.{0,4}(?:扫(?:咗|了|过)?(?:码|二维码)|签(?:咗|了)?到)"
    # conv107 (23e: '我嘅植树签到记录咗未 上个礼拜去咗活动'): the planting's own check-in named (植树签到)
    r"|(?:种树|植树)(?:的|嘅)?签到"
    # conv112 (23h: '党日活动种树嗰日我扫咗码 算唔算参加咗', '植树那天我的签到记上了吗'): the day said after the planting
    # (种树那天, 植树嗰日, 种树当日), as ``_THE_DAY_OF_IT_RE`` reads it after 活动
    r"|(?:种树|植树)(?:的|嘅)?(?:那天|那日|嗰日|嗰天|当天|当日)"
    # conv108 (23f: '三月十二号那天我在现场种树的 系统有没有记我参加' had been a ticket): planting on the site (在现场种树,
    # 喺现场植树): the planting day's site, as 活动 names it
    r"|(?:喺|在)(?:现场|场)(?:帮手|帮忙)?(?:种树|植树)"
)
_BEING_THERE_RE = re.compile(
    r"(?:我|我有|我都有|我也有)?(?:去|到|来|参加|出席)(?:咗|了|过)|到场|在场|有去|(?:我|一齐|一起)去(?:嘅|的)|签(?:咗|了)?到"
    r"|扫(?:咗|了|过)?(?:个|一个|下|一下)?(?:码|二维码)"  # conv106: 扫咗个码
    # conv100 (22v: '我今日有冇算参加咗活动'): counted as taking part, asked (算参加, 算不算参加): being there is what it asks
    r"|算(?:我)?(?:参加|出席|到场)"
    # conv101 (22w: '植树日嗰日我喺度帮手 我自己有冇计参加'): there, helping (喺度帮手, 在现场帮忙)
    r"|(?:喺|在)(?:度|现场|场|嗰度|那里|那儿)(?:帮手|帮忙|做嘢|做事|种树)?|帮(?:手|忙)(?:咗|了|过)"
)
# conv101 (22w: '上礼拜六我有去种树 有冇帮我签到啊'): gone planting on a day, its check-in asked: that day's
# conv106 (23c: '我那天去参加植树了算不算参加过' had been a ticket): or gone to take part in it (去参加植树)
# conv106 (23d: '礼拜六去咗村口种树 扫咗个码 唔知算唔算参加咗'): or the place said between (去了村口种树)
_WENT_PLANTING_RE = re.compile(
    r"(?:去|嚟|来)(?:咗|了|过)?(?:[\u4e00-\u9fff]{1,4}?(?:边|口|头|尾|后面|前面|旁边|山|坡|河|塘))?(?:参加|帮手|帮忙)?(?:种树|植树)"
)
# conv101: the day of the 活动 (活动嗰日, 活动当天): the village's planting day, its day named
_THE_DAY_OF_IT_RE = re.compile(r"活动(?:嗰日|嗰天|那日|那天|当日|当天)")
_RECORDED_ASKED_RE = re.compile(
    r"(?:有没有|有冇|有无|有未)(?:帮我|同我|给我|俾我)?(?:记|登记|记录|算|计|签到|统计)"
    r"|(?:算不算|算唔算|计不计|计唔计)(?:我)?(?:参加|签到|出席|数|一次)?"
    r"|(?:记|登记|记录|签|算|计|统计)(?:咗|了|到|低|上|入)?(?:我|我个名|我的名字|我嘅名)?(?:未|没有|吗|冇|了没|咗未|未呀)"
    r"|(?:记|登记|记录)(?:上|到|低|入)(?:了|咗)吗"  # conv105 (23b: '…我在现场签了到 记上了吗')
    # conv108 (23f: '…扫了码不知道签到成功没' had been 参加): the question as a bare 没 too (成功没)
    r"|(?:收到|成功|签到成功|登记到)(?:了|咗)?(?:未|没有|没|吗|冇|咩)"
    r"|算(?:我)?(?:参加|签到|出席|到场)(?:了|咗)?(?:吗|未|没有|冇|咩)"
    # conv100 (22v: '今天植树活动我签到了吗'): the check-in done, asked whether it went through
    r"|签(?:咗|了)到(?:了|咗)?(?:吗|未|没有|没|冇)|签到(?:了|咗)(?:吗|未|没有|没|冇)"
    # conv102 (22y: '唔知记咗我参加未'): me recorded as taking part, asked
    r"|(?:记|记录|登记|算|计)(?:咗|了|到|低|上|入)?我(?:的)?(?:参加|出席|到场|签到)(?:了)?(?:未|没有|吗|冇|没)"
)
# conv101 (22x: '顺便问下上次植树活动有冇记我出席'): the presence itself asked recorded, being there said by it
_PRESENCE_RECORDED_ASKED_RE = re.compile(
    r"(?:有没有|有冇|有无)(?:帮我|同我|给我|俾我)?(?:记|登记|记录|算|计)(?:低|到|上)?(?:我)(?:的)?(?:出席|参加|到场|签到)"
)
# conv106 (23c: '上个月植树日我去了' then '系统有冇记低我出席' had been a ticket): one's presence itself (出席, 到场) asked
# recorded, no day said: presence is recorded for the planting days only (never a meeting's, 开会)
_MY_PRESENCE_RECORDED_RE = re.compile(
    r"(?:有没有|有冇|有无)(?:帮我|同我|给我|俾我)?(?:记|登记|记录|算|计)(?:咗|了|低|到|上|入)?(?:我)(?:的)?(?:出席|到场)"
    r"|(?:记|登记|记录|算|计)(?:咗|了|低|到|上|入)?我(?:的)?(?:出席|到场)(?:了)?(?:未|没有|吗|没|冇)"
)
_NOT_A_PLANTING_DAY_RE = re.compile(r"会议|开会|上课|培训|学习")
# conv101 (22x: '义务植树我去了 算不算参加过', the kinds sheet's own 算不算参加): taking part asked whether it counts, no day
# said and not the year's (今年: a party member's duty, round 39's progress)
_COUNTS_AS_TAKING_PART_RE = re.compile(r"(?:算不算|算唔算|算是|有没有算|有冇算)(?:我)?(?:已经)?(?:参加|出席)")
# conv101 (22x: '我今年参加咗植树活动未 党员要参加一次嘛'): whether one has taken part in the planting activity yet, asked
# in its first clause (a rule said after it): one's attendance
# conv105 (23b: '我今年算参加过义务植树没有' had been the FAQ's law of 义务植树): counted as taking part (算参加过), the duty
# named (义务植树, 活动 unsaid), or the day named first ('今年的植树活动我算参加过没有')
_TAKEN_PART_YET_RE = re.compile(
    r"^(?:我)(?:今年|今次|上次)?(?:算)?(?:有没有|有冇|有无)?(?:参加|去)(?:咗|了|过)?"
    r"(?:(?:义务)?(?:植树|种树)(?:活动|日)|义务(?:植树|种树))(?:未|没有|吗|冇)"
    r"|^(?:今年|今次|上次)(?:的|嘅)?(?:义务)?(?:植树|种树)(?:活动|日)?(?:我)(?:算)?(?:参加|去)(?:咗|了|过)?(?:未|没有|吗|冇)"
)
_DAY_TO_COME_RE = re.compile(r"下次|下个|下周|下礼拜|下星期|明天|明日|听日|后天|後日|今年几时|几时有")
# one day's attendance: a day said, or the check-in's own act; the year's taking part ('我今年参加咗义务植树 有冇记录到
# 我', 19n) is a party member's duty, which their progress tells (round 39)
_ONE_DAY_RE = re.compile(
    r"那天|那日|嗰日|嗰天|当天|当日|上次|那次|嗰次|今日|今天|昨日|昨天|琴日|寻日|前日|前天|礼拜|星期|周[一二三四五六日天末]|上周"
    r"|\d+号|植树日|种树日|签到|签咗到|签了到|扫(?:咗|了|过)?(?:码|二维码)|到场"
    r"|今朝|今早|朝早|上昼|下昼"  # conv101 (22x: '我今朝参加咗活动 记咗未')
    # conv107 (23e: '上个月植树活动我去了 有没有给我记上'): a past month's or a few days' past day (上个月, 前几天)
    r"|上个月|上月|前几天|前几日|前两天|前两日|早几天|早几日|几天前"
)


# conv100 (22v: '我今日有冇算参加咗活动'): the day named as 活动 alone, with taking part (参加) said: the village's planting day
# is the 活动 one takes part in here
_TAKING_PART_IN_IT_RE = re.compile(r"参加.{0,4}活动|活动.{0,6}参加")


# conv102 (22y: '参加义务植树的记录有我吗'): the record of a planting day asked whether I am in it (记录里有没有我)
_ME_IN_THE_RECORD_RE = re.compile(
    r"(?:记录|名单|签到表)(?:里|里面|入面|上|上面)?(?:有没有|有冇|有无|有)我(?:吗|没有|未|冇|没)?$"
)
# conv102 (22y: '我刚才签到成功了吗 算不算参加了'): the check-in said gone through asked, and whether that counts as taking
# part: the planting day's check-in, no day needed
_CHECK_IN_WENT_THROUGH_RE = re.compile(r"签(?:到|了到|咗到)(?:了|咗)?成功(?:了)?(?:吗|未|没有|没|冇)")


# conv112 (its sweep: '植树那天到了地头要扫码签到吗', '植树那天我迟到了还能签到吗', the FAQ's planting day): the check-in
# itself asked needed or still possible, last: a question of the day, never whether it was recorded
_CHECK_IN_DUE_ASKED_RE = re.compile(
    r"(?:要|需要|使唔使|使不使|用不用|能|还能|仲可以|仲可唔可以|可以|可唔可以|可不可以|能不能)"
    r"(?:扫(?:个|一个|下)?(?:码|二维码))?签到(?:吗|呢|嘛|咩|不|没有)?$"
)


def attendance_recorded_asked(flat: str) -> bool:
    """Whether one's attendance of a planting day was recorded, asked ('昨日义务植树我有去 系统记咗我未', '那天植树活动我扫了
    二维码 算参加了吗'): a planting day, being there on one day and the recorded asked, all said; no day to come, no trees
    counted."""
    if len(flat) > 40 or _DAY_TO_COME_RE.search(flat) or re.search(rf"[\d{_CN_NUM}]+\s*[棵株颗条]", flat):
        return False
    if _CHECK_IN_DUE_ASKED_RE.search(flat):
        return False  # conv112: '…要扫码签到吗'
    if _TAKEN_PART_YET_RE.match(flat):
        return True  # conv101
    if _MY_PRESENCE_RECORDED_RE.search(flat) and not _NOT_A_PLANTING_DAY_RE.search(flat):
        return True  # conv106: '系统有冇记低我出席'
    if _CHECK_IN_WENT_THROUGH_RE.search(flat) and _COUNTS_AS_TAKING_PART_RE.search(flat):
        return True  # conv102: '我刚才签到成功了吗 算不算参加了'
    day = (
        _PLANTING_DAY_RE.search(flat)
        or _TAKING_PART_IN_IT_RE.search(flat)
        or _WENT_PLANTING_RE.search(flat)  # conv101: '上个礼拜六我去咗植树 有冇记到我'
        or _THE_DAY_OF_IT_RE.search(flat)  # conv101: '活动嗰日我喺现场帮忙 我有冇算参加'
    )
    if day and _PRESENCE_RECORDED_ASKED_RE.search(flat) and _ONE_DAY_RE.search(flat):
        return True  # conv101: '上次植树活动有冇记我出席'
    if day and _ME_IN_THE_RECORD_RE.search(flat) and "今年" not in flat:
        return True  # conv102: '参加义务植树的记录有我吗' (the year's taking part is a party member's duty, 19n)
    one_day = _ONE_DAY_RE.search(flat) or (_COUNTS_AS_TAKING_PART_RE.search(flat) and "今年" not in flat)
    return bool(day and _BEING_THERE_RE.search(flat) and _RECORDED_ASKED_RE.search(flat) and one_day)


def attendance_of_a_relative(text: str) -> bool:
    """Conv101 (22x: '我阿妈上次去咗植树 佢个名有冇登记到'): the attendance asked is a relative's, who went named first;
    conv105: or looked up for them (``kin_attendance_asked``)."""
    flat = re.sub(r"[\s，,。.!！?？~～]", "", text or "")
    if kin_attendance_asked(flat):
        return True
    return bool(re.match(rf"^(?:我|我的|我嘅|我个)?(?:屋企|家里)?(?:{RELATIVES})[^我]{{0,6}}?(?:去|参加|到)", flat))


# round 53 (20c): to join if there is one, said after the day was asked ('听日有冇植树活动' then '有就报名参加'; 有的话 is
# normalised 有的说): 参加 (with no day open, it says so)
_IF_THERE_IS_JOIN_RE = re.compile(
    r"^(?:如果)?有(?:的说|的话)?(?:我)?(?:就)?(?:要)?(?:报名参加|报名|参加|去参加|报个名)$"
)


# round 72 (21c): what to bring asked after joining is said ('礼拜六种树活动算埋我一份 要唔要带锄头', '星期六种树算我一个 要带铲
# 吗'): the join, with the question answered after it (handlers/events.py on_join)
_JOIN_BRING_AFTER_RE = re.compile(
    rf"(?<=[{_CJK}])(?:我)?(?:要不要|使不使|用不用|需不需要|需要|要|使)(?:自己)?(?:带|拿|准备|自备)"
    r"(?:什么|啥|些什么|什么东西|锄头|工具|铲|铲子|铁锹|锹|锄|手套|水|家伙|东西|树苗|苗)?(?:去|来|过去)?(?:吗|呢|啊|呀|的)*$"
)


def bring_asked_after(norm: str) -> str:
    """What to bring, asked after one's own going is said (normalised text): that question, or ''. Not after a wish
    ('植树日我想去帮手 要带什么': a question about the day, the FAQ's) nor with no one's going said ('报名植树日要带咩')."""
    found = _JOIN_BRING_AFTER_RE.search(norm or "")
    head = norm[: found.start()] if found else ""
    # the lead's merge (round 51's control): '我参加植树活动要带什么' asks what one brings when going, nothing committed:
    # the join needs its word of commitment (都去, 算我, 报名, 一定)
    committed = bool(_GOING_COMMITTED_RE.search(head))
    return found.group(0) if found and "我" in head and "想" not in head and committed else ""


_GOING_COMMITTED_RE = re.compile(r"都去|也去|会去|一定|算(?:埋)?我|报名|报个名|我都参加|我也参加")


# round 74 (21l): going affirmed with Cantonese 嘅 (normalised 的) after it ('植树日我都去嘅'): going said
_GOING_AFFIRMED_RE = re.compile(r"(?<=去)的(?=[了啦呀啊喔噢喇嘞咯]*$)")


# round 77 (21j: '支部叫我去植树日签到 点签'): how to check in at the planting day asked, the day named ('植树活动点样签到',
# '去植树活动现场签到怎么弄'): its check-in (参加: the day under way checks the sender in, none says when and how); an
# adviser's 签到 stays his visits (read before), '我的签到' the days attended (event_attended)
_DAY_CHECK_IN_HOW_RE = re.compile(
    r"^[\u4e00-\u9fff]{0,8}?(?:种树|种树节)(?:日|活动|那天|当天)(?:现场)?(?:要|去|的)?(?:签到|打卡)(?:要|应该)?"
    r"(?:怎么|怎样|如何|点)(?:样)?(?:签|签到|弄|搞|做|操作|打卡|办)?$"
    r"|^[\u4e00-\u9fff]{0,8}?(?:种树|种树节)(?:日|活动|那天|当天)(?:现场)?(?:要|应该)?(?:怎么|怎样|如何|点)(?:样)?(?:签到|打卡)$"
)


# round 81 (issue 17 §5; 21u '礼拜六那个植树活动我也去算我一个', 21s '那个村里搞的植树日啊我也去参加嘛算上我'): voice's fillers
# inside the sentence, 那个 pointing at the day and a particle ending a clause before the next (啊, 嘛 normalised 吗), left
# out before the readers; a 吗 at the end stays (a question)
_JOIN_INNER_FILLERS_RE = re.compile(
    r"(?:那个|这个|嗰个|个)(?=(?:村里|本村|我们村|支部)?(?:弄的|办的|组织的|的)?(?:义务)?(?:种树|活动))"
    r"|(?<=[\u4e00-\u9fff])(?:啊|呀|嘛|吗|啦|喔|哦)(?=我|算|加我|记我)"
)


# the lead, fiftieth session (22p: '植树活动几时有' then '咁我报名参加'): 'so, then' said first (那, 那么; 咁 normalised 这么,
# 噉, 所以) before one's own joining
_SO_BEFORE_JOINING_RE = re.compile(r"^(?:那么|那|这么|噉|咁|所以)(?=我)")


# conv98 (22s: '党员65岁以下要参加一次义务植树 我去哪里报名', asked back between how to sign up and the party's ages): the
# rule that one must take part said first, then where or how the sender signs up: the joining (the day's sign-up)
_RULE_THEN_SIGN_UP_RE = re.compile(
    r"(?:要|都要|要求|必须|需要|规定)[^我，]{0,10}?参加[^我，]{0,8}?(?:种树|种树活动)[，]?(?:那|那么)?(?:我)?(?:要|应该)?(?:去)?"
    r"(?:哪里|哪儿|哪|在哪里|在哪|怎么|如何)(?:报名|报个名)(?:呢|啊|呀)?$"
)


# conv101 (22w: '我未登记 但系想参加村里个植树日 得唔得' had become a ticket): not registered yet said first, then the join
# wished or asked leave (得唔得 after it, 能不能 before it): the join (参加 asks 登记 first, the message kept)
_NOT_REGISTERED_FIRST_RE = re.compile(
    r"^(?:我)?(?:还|仲|仍然|都)?(?:未|没有|没|冇)(?:有)?(?:登记|注册|绑定)(?:过)?(?:的|住)?(?:但是|不过|可是|但)?"
)
_MAY_I_JOIN_RE = re.compile(r"^(?:我)?(?:能不能|可不可以|可以|能|能否)(?=参加|去参加)")
# conv103 (22z: '下个月集体种树我可以去吗' just after a record had become a ticket): the day named, then whether I may go
# asked at the end (我可以去吗, 我能参加吗, 我可唔可以去 normalised): the going wished, as '…我想去' is
_MAY_I_GO_AT_END_RE = re.compile(
    r"(?<=[\u4e00-\u9fff])我(?:也|都)?(?:可以|可不可以|能不能|能|能否|可否)(?P<go>去参加|去|参加|来)(?:吗|不|呢|啊|没有)?$"
)


def joining_said(norm: str, as_sent: str = "") -> bool:
    """To join the village's planting day, said in words; not '参加植树要带什么工具' (a question)."""
    unregistered = _NOT_REGISTERED_FIRST_RE.match(norm or "")
    if unregistered and unregistered.end() < len(norm):  # conv101
        rest = _MAY_I_AT_END_RE.sub("", _INTENT_PARTICLES_RE.sub("", norm[unregistered.end() :]))
        return joining_said(_MAY_I_JOIN_RE.sub("我想", rest, count=1))
    if norm and len(norm) <= 2 * INTENT_MAX_CHARS and _RULE_THEN_SIGN_UP_RE.search(norm):
        return True  # conv98
    if kin_join_asked(norm):
        return (
            True  # conv103: '我爸七十几岁了还想去参加植树 可以帮他报名吗' (handlers/events.py answers for the relative)
        )
    may_i = _MAY_I_GO_AT_END_RE.search(norm or "")
    if may_i:  # conv103: '下个月集体种树我可以去吗' read as '下个月集体种树我想去'
        return joining_said(norm[: may_i.start()] + "我想" + may_i["go"])
    norm = _SO_BEFORE_JOINING_RE.sub("", norm or "")
    said = norm or ""
    norm = _JOIN_INNER_FILLERS_RE.sub("", norm) if norm else norm
    if norm and _DAY_CHECK_IN_HOW_RE.match(_INTENT_PARTICLES_RE.sub("", norm)):
        return True  # round 77
    norm = _GOING_AFFIRMED_RE.sub("", norm or "")
    if norm and _STILL_OPEN_THEN_GO_RE.match(_INTENT_PARTICLES_RE.sub("", norm)):
        return True  # round 50
    if norm and _IF_THERE_IS_JOIN_RE.match(_INTENT_PARTICLES_RE.sub("", norm)):
        return True  # round 53
    norm = _JOIN_ASKED_AFTER_RE.sub("", _JOIN_REASON_AFTER_RE.sub("", norm)) if norm else norm
    bring = bring_asked_after(norm) if norm else ""
    if bring:  # round 72: one's own going said first ('…算我一个 要带铲吗'), what to bring after it
        norm = norm[: -len(bring)]
    if not norm or len(norm) > INTENT_MAX_CHARS:
        return _frame_joins(said)
    if _JOIN_HOW_RE.match(_INTENT_PARTICLES_RE.sub("", norm)):
        return True
    framed = _SIGN_UP_HOW_AFTER_RE.sub("", _INTENT_PARTICLES_RE.sub("", norm))
    found = frame_found("join", framed)  # round 31: the frames (FRAMES)
    if found and not _NEGATED_RE.search(framed[: found.end()]):
        return True
    who = _WHO_GOES_RE.match(norm)
    if who:
        norm = "我们" + _WHEN_FIRST_RE.sub("", norm[who.end() :])
        if _GOING_THEN_HOW_RE.match(_INTENT_PARTICLES_RE.sub("", norm)):
            return True  # round 46 (19s): '屋企有三个人去植树日 点报名'
    bare = _INTENT_PARTICLES_RE.sub("", norm)
    return (bool(_JOIN_RE.search(bare)) and bare != "参加" and not is_question(norm)) or _frame_joins(said, as_sent)


def _frame_joins(norm: str, as_sent: str = "") -> bool:
    """Issue 17 §5 (22b: '我哋村有冇植树活动啊 我想去'): whether there is one asked, then the going, read by the request
    frame (bot/request_frames.py) on the text as said."""
    if not 0 < len(norm) <= INTENT_MAX_CHARS:
        return False
    if request_frames.joins_the_day(request_frame(norm, as_sent)):
        return True
    # round 99 (22t: '报名参加党员义务植树日 谢谢'; '参加党员植树日 唔该'): thanks or a please said after the day named make
    # it a request, as a wish does ('我想参加'); the day's own words are read without them
    bare = _INTENT_PARTICLES_RE.sub("", norm)
    thanked = _THANKS_AT_END_RE.search(bare)
    if thanked is None or thanked.start() == 0:
        return False
    return request_frames.joins_the_day(replace(request_frame(bare[: thanked.start()]), wished=True))


# 未种名单 asked in words, by a cadre going door to door: who has not planted ('帮我看下哪几户还没种',
# '全村仲有几多户未种树', '还有谁没种', '哪些党员还没参加'), or the list asked for ('没种的名单'); never a tree
# left unplanted ('哪棵树没种好': no 户/家/人/党员 between)
# round 49 (19w): reported (报, not 报名: '边几个村民仲未报种树', '仲有边个村民未报数'), the villagers named (村民)
# round 52 (20a): the trees not entered yet ('有几多户未登记种树')
_NOT_YET = r"(?:还|仲|都)?(?:未|没|冇|无)(?:有|曾)?(?:种|参加|参与|去种|上报|(?:登记|记录)(?=种树|种|树)|报(?!名))"
LEFT_ASKED_RE = re.compile(
    rf"(?:哪|边|几多|几|多少)[^，。,.!?？\s]{{0,3}}(?:户|家|人|党员|村民)[^，。,.!?？\s]{{0,4}}{_NOT_YET}"
    # round 43 (19q): 边个 as the text normalised writes it (哪个, 哪位: '村里边个仲未种树 发个名单俾我')
    rf"|(?:谁|边个|乜谁)[^，。,.!?？\s]{{0,3}}{_NOT_YET}|(?:哪个|哪位)(?:人|村民|党员)?{_NOT_YET}"
    rf"|{_NOT_YET}(?:树)?(?:的|嘅)?(?:户|人家|人|党员)?(?:的|嘅)?名单"
    # round 69 (21b): the ones not planted named first, then who they are ('未种嘅党员有边个', '还没种树的党员是哪些')
    rf"|{_NOT_YET}(?:树)?(?:的|嘅)(?:户|人家|人|党员|村民)(?:有|是)?(?:哪些|哪几个|哪几位|哪几户|哪个|哪位|谁)$"
)
# round 59 (20l): the group named first, then how many or which of it are left ('我哋村啲党员仲有几多个未种树', '党员入面
# 仲有边几个未种', '村里的党员还剩几个没种')
_GROUP_FIRST = (
    r"(?:户|人家|党员|村民|群众|干部)[^，。,.!?？\s]{0,6}?(?:还|仍|都)?(?:有|剩|剩下|差)?"
    r"(?:哪几|哪些|边几|哪|边|几多|几|多少)(?:个|位|名|户|家|人)(?:人)?"
)
_GROUP_LEFT_RE = re.compile(rf"{_GROUP_FIRST}{_NOT_YET}")

# round 41 (19o): who has not finished the task yet, of the households or the party members ('还有哪些党员没完成任务 列出来
# 看看', '没完成植树任务的党员有哪些')
# round 48 (19v): the task handed in (交: '边个党员仲未交种树任务'), whether any has not ('有冇党员仲未交任务')
_NOT_DONE = r"(?:还|仲|都)?(?:未|没|冇|无)(?:有)?(?:完成|达标|做完|种够|种完|交)(?:了|咗)?(?:植树|种树)?(?:任务|指标)?"
_LEFT_UNDONE_RE = re.compile(
    rf"(?:哪|边|几多|几|多少|有没有)[^，。,.!?？\s]{{0,3}}(?:户|家|人|党员)[^，。,.!?？\s]{{0,4}}{_NOT_DONE}"
    rf"|(?:谁|边个|乜谁|哪个|哪位)[^，。,.!?？\s]{{0,3}}{_NOT_DONE}"
    rf"|{_NOT_DONE}(?:的|嘅)(?:户|人家|人|党员)(?:有)?(?:哪些|哪几个|哪几户|边啲|边几个|边个|谁|名单)"
    rf"|{_GROUP_FIRST}{_NOT_DONE}"  # round 59: '党员仲有几多个未完成任务'
)


# round 54 (the lead, in the simulator: '我想睇下边几户未认领' became a ticket for the adviser): which households have made no
# 认领 arrangement yet (the 植树安排表 of seed 002 row 5), asked by its words: 未认领 of the households or people, never of
# a care zone (责任区, 片区) or a tree to adopt (哪几棵树没人认领: the adoption list's)
_NOT_PLEDGED = (
    r"(?:还|仲|都)?(?:未|没|冇|无)(?:有)?(?:人)?(?:报|交|做|搞)?(?:认领|报认领|认领安排|报安排|交安排|做安排)"
)
_LEFT_TO_PLEDGE_RE = re.compile(
    rf"(?:哪|边|几多|几|多少|有没有)[^，。,.!?？\s]{{0,3}}(?:户|家|人|党员|村民)[^，。,.!?？\s]{{0,4}}{_NOT_PLEDGED}"
    rf"|(?:谁|边个|乜谁|哪个|哪位)[^，。,.!?？\s]{{0,3}}{_NOT_PLEDGED}"
    rf"|{_NOT_PLEDGED}(?:的|嘅)?(?:户|人家|人)?(?:的|嘅)?(?:名单|有哪些|有哪几户|是哪几户)"
    r"|(?:种树|植树)?安排表(?:还)?(?:差|欠|缺)(?:哪|边|几)"
    r"|认领安排(?:还)?(?:有|差)?(?:哪|边|几)[^，。,.!?？\s]{0,2}(?:户|家)"
)
_NO_PLEDGE_LIST_RE = re.compile(r"责任区|片区|认养|认种|棵|树(?!安排)")


def left_to_pledge_asked(text: str) -> bool:
    """Which households of the village have no 认领 arrangement yet (``_LEFT_TO_PLEDGE_RE``, normalised text): 未认领名单
    for a cadre (handlers/progress.py); a zone or a tree left unclaimed is not asked."""
    return bool(_LEFT_TO_PLEDGE_RE.search(text or "")) and not _NO_PLEDGE_LIST_RE.search(text or "")


# round 54 (the lead, in the simulator): more trees told with 还有 (仲有, 另外, 又种了) while a record waits ('我屋企仲有三棵
# 荔枝都系今日种嘅' after '两棵桂花'): another record, as the reply 2 to 'change or another?' says, never a changed count
_MORE_TREES_RE = re.compile(
    r"(?:还有|另外(?:还有|还|又)?|另有|又种了|还种了|也种了|另外种了|再加)(?:种了)?(?:[0-9一二两三四五六七八九十几百]+)"
)


def more_trees_told(text: str) -> bool:
    """'仲有三棵荔枝', '另外又种了两棵龙眼': trees besides those just told (normalised text), not a correction."""
    return bool(_MORE_TREES_RE.search(text or ""))


# conv110 (23g: '认养' then '仲有冇其他嘅树 再俾多啲我睇' had become a ticket): other trees asked for (还有没有其他的树, 仲有冇第二啲
# 树) and more wished shown (再俾多啲我睇, 多给我看几棵, 可以给我看看), either or both, just after a list: its next page
# (handlers/adoption.py, read only while the list is shown); normalised text (仲有冇 -> 还有没有, 俾 -> 给, 揀 -> 选)
_OTHER_ONES = r"(?:别的|其他|其它|第二些|第二|更多|多些|多点|多一些|多几棵)"
_SHOW_MORE = (
    r"(?:可以)?(?:再)?(?:多)?(?:给|畀)?(?:多些|多点|多几棵|多一些)?(?:我)?(?:多)?(?:看|看看|看一下|选|挑)"
    r"(?:多些|多几棵|几棵|多少棵|多一些|一下)?"
)
_MORE_SHOWN_RE = re.compile(
    rf"^(?:那|这么)?(?:还|仍)?有(?:没有)?{_OTHER_ONES}(?:的)?(?:树)?(?:可以)?(?:认养)?(?:吗|呢|没有)?(?:{_SHOW_MORE})?$"
    r"|^(?:再)?(?:多)?(?:给|畀)(?:多些|多点|多几棵|多一些)(?:我)?(?:看|看看|选|挑)$"
    r"|^(?:再)?(?:给|畀)?我(?:多看|看多)(?:几棵|多少棵|些|点|一些)$"
)


def more_shown_wished(norm: str) -> bool:
    """Conv110: other trees asked for, more wished shown ('还有没有其他的树再给多些我看', '多给我看几棵'), just after a
    list (normalised text)."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    return bool(bare) and len(bare) <= INTENT_MAX_CHARS and bool(_MORE_SHOWN_RE.match(bare))


# round 54 (the lead, in the simulator: '点解我嘅树要审核' after a record flagged far from the village became a question for
# the adviser): why one's records wait for the village's check, or when it comes (normalised text, short)
_REVIEW_WHY_RE = re.compile(
    r"(?:为什么|为啥|怎么|咋|凭什么)[^，。,.!?？\s]{0,8}?(?:要|需要|还|还在|在)?(?:没有|没|未)?(?:审核|核实|待审|审查)"
    r"|(?:审核|核实|待审|审查)[^，。,.!?？\s]{0,6}?(?:为什么|为啥|什么原因|原因|几时|什么时候|多久|要几耐|几耐)"
    # round 64 (20q): why it has not passed asked, the check unnamed ('点解我啲树仲未通过', '我报的记录为什么没有通过')
    # of one's trees or records or nothing named ('为什么桂花苗检疫没通过' is another check)
    r"|(?:为什么|为啥|怎么|咋)(?:我|我的|我们|我们的|我报的)?(?:些|条|个|那条|那些|这条|这些)?(?:树|记录|登记|报的树)?"
    r"(?:还|仍然|仍)?(?:没有|没|未|不)(?:通过|批准|批)"
    # round 57: whether one's record passed, asked ('我嘅记录过咗未', '我报的树通过了没有', '头先条记录批咗未')
    r"|(?:记录|报的树|报的那些树|报嘅树)[^，。,.!?？\s]{0,3}?(?:过|通过|审核|核实|审|核|批|批准)(?:了|完|好)?"
    r"(?:没有|没|未|吗|么|不)"
    # round 56 (the lead, in the simulator: '我上报嘅记录去咗边', '点解我报咗冇显示' became questions for the adviser): one's
    # record gone, not shown, or whether it went through
    r"|记录(?:去了|去咗|跑去|去|跑)(?:哪|边)(?:里|度|儿)?(?:了)?$|记录(?:哪|边)(?:里|度|儿)?去了$"
    r"|记录[^，。,.!?？\s]{0,2}?(?:不见|没有了|没了|唔见|消失)"
    r"|(?:报了|上报了|发了)[^，。,.!?？\s]{0,4}?(?:怎么|为什么)?(?:没有|没|唔)(?:显示|看到|出来|记上|记到)"
    r"|(?:看不到|睇唔到|查不到)[^，。,.!?？\s]{0,2}?(?:我)?(?:的)?(?:记录|报的树)"
    r"|记录[^，。,.!?？\s]{0,2}?(?:怎么|为什么)?(?:看不到|睇唔到|查不到|没有显示|冇显示)"
    r"|记录(?:报|发|上报)?成功(?:了)?(?:没有|没|未|吗|么)"
    # round 58 (20j): the check asked after bare, with nothing else said ('审核咗未', '核实了没有啊', '审批好未'): one's own
    r"|^(?:我的|我|我们的)?(?:条|个|那条|嗰条)?(?:审核|核实|审批|审查)(?:了|完|好|过|通过)?(?:了)?(?:没有|没|未|吗|么|不)"
    r"(?:啊|呀|呢|啦)?$"
    # round 60 (20m, 20n): the trees of the record named by count and tree, then their check asked after ('头先报嗰两棵荔
    # 枝审核咗未', '嗰两棵荔枝几时审核好'): one's own records' check, never a new record nor the tree's card
    rf"|(?:\d+|[{_CN_NUM}]{{1,3}})(?:棵|株|樖|苗)[^，。,.!?？\s]{{0,5}}?(?:几时|什么时候|几耐|多久)?"
    r"(?:审核|核实|审批|审查)(?:了|完|好|过|通过)?(?:了)?(?:没有|没|未|吗|么|不|$)"
)
# round 61 (20p): the trees of the record named by count and tree, whether they were counted ('两棵荔枝计咗未', '嗰两棵龙眼
# 算进去了吗'): one's own records' check too; a relative's ('我老公报的两棵荔枝记上了吗') is where theirs are (relative_progress)
_COUNTED_ASKED_RE = re.compile(
    rf"(?:\d+|[{_CN_NUM}]{{1,3}})(?:棵|株|樖|苗)[^，。,.!?？\s]{{0,5}}?(?:计|算|统计|记|记录|登记|计入|算入)"
    # round 68 (20y): or counted in one's progress ('我嘅两棵荔枝算咗进度未', '那两棵龙眼算进度了没')
    r"(?:(?:上|进|到|入|进去|上去)?(?:了)?(?:进度(?:里)?(?:了)?)?(?:没有|没|未)"
    r"|(?:上|进|到|入|进去|上去)?(?:进度(?:里)?)?了(?:吗|么))$"
)
_REVIEW_NOT_MINE_RE = re.compile(r"死|病|虫|黄|计划|方案|示范点|证书|别人|他的|她的|邻居")
# round 65 (20s, 20t): whether one's record stands asked in any order and words: counted (算, 计, 算数, 算入去), passed
# (通过, 批) or checked (审核, 核实), asked why not yet with the why far from it ('点解我上礼拜影嘅相仲话等审核', '点解我个记录
# 仲未算'), asked whether done ('算咗未' right after a record, '我嘅树算咗数未'), or either way ('算唔算数'); the sender's own
# record or nothing named; a rule asked (几多棵先算, 才算完成任务), the adviser's answer, a question or a tree's trouble
# stay theirs (``_STANDING_NOT_ASKED_RE``, ``_REVIEW_NOT_MINE_RE``)
_STANDING = r"(?:审核|核实|审批|审查|通过|批准|批|(?<![打划合预总估统设])(?:计|算)(?:数|入|进|上)?(?:去)?)"
_STANDING_ASKED_RE = re.compile(
    rf"(?:为什么|为啥|凭什么)[^，。,.!?？\s]{{0,12}}?(?:还|仍|一直|都)?(?:话|在|要)?(?:等|没有|没|未|不)?{_STANDING}"
    rf"|{_STANDING}[^，。,.!?？\s]{{0,12}}?(?:为什么|为啥)$"
    rf"|{_STANDING}(?:了|过|完|好)?(?:数|入去|进去|上去)?(?:了)?(?:没有|没|未|吗|么)$"
    rf"|(?:有没有|有冇|有无){_STANDING}"
    r"|(?:算|计)不(?:算|计)(?:数|入去|进去)?$"
)
# faq138 (CW: '我们村两亩地的任务 能不能用去年种的算'): trees planted last year or before, asked whether they count this
# year, ask the village's rule for one's household (the FAQ's planted_before), not whether a record stands
_STANDING_NOT_ASKED_RE = re.compile(
    r"任务|完成|几多|多少|先算|才算|就算|可以|能不能|能|会不会|专家|顾问|问题|答|回复|通报|排名|补贴|钱"
    r"|去年|前年|上年|旧年|上一年|(?:[一两二三四五六七八九十]+|多少|好多)年前"
)
# the sender's own record referred to (or nothing but the asking: '算咗未' right after one)
_STANDING_MINE_RE = re.compile(
    rf"^{_STANDING}|我(?!想问|问|想知)|记录|照片|报|登记|刚才|头先|(?:这|那|呢|嗰)(?:条|棵|些|两棵|几棵|张)"
)


def record_standing_asked(norm: str) -> bool:
    """Round 65: whether one's record stands (counted, passed, checked) asked in any order (``_STANDING_ASKED_RE``) of
    one's own (``_STANDING_MINE_RE``), short (normalised); never a rule (a kind or a pot: '芒果可以种吗 算不算数'), the
    adviser's answer, a relative's or a tree's trouble."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    return (
        bool(bare)
        and len(bare) <= REVIEW_WHY_MAX_CHARS
        and bool(_STANDING_ASKED_RE.search(bare))
        and bool(_STANDING_MINE_RE.search(bare))
        and not _STANDING_NOT_ASKED_RE.search(bare)
        and not _REVIEW_NOT_MINE_RE.search(bare)
        and not re.search(RELATIVES, bare)
    )


REVIEW_WHY_MAX_CHARS = 24


def review_why_asked(norm: str) -> bool:
    """'点解我嘅树要审核', '为什么我报的树还没核实', '审核要几耐': why one's records wait for the check, or when it comes;
    never a tree's trouble nor another thing checked (a plan, a 示范点)."""
    return (
        bool(norm)
        and len(norm) <= REVIEW_WHY_MAX_CHARS
        and bool(_REVIEW_WHY_RE.search(norm) or (_COUNTED_ASKED_RE.search(norm) and not re.search(RELATIVES, norm)))
        and not _REVIEW_NOT_MINE_RE.search(norm)
    ) or record_standing_asked(norm)


# round 54 (the lead, in the simulator: '我想注销' became a question for the adviser, '我唔想参加啦' its 补充): the wish to
# leave, to be unbound or to have one's registration deleted (normalised, short); a planting day declined (明天的活动…)
# or a record cancelled (取消登记: the record being logged) is not this. Issue 17 §5: read by the request frame
# (bot/request_frames.py, messages/request_frames.toml), its own regex gone


def leave_wished(norm: str, as_sent: str = "") -> bool:
    """'我想注销', '删除我的资料', '我唔想参加啦', '我要退出': leaving the campaign's account, or one's data deleted."""
    return bool(norm) and len(norm) <= INTENT_MAX_CHARS and request_frames.leaving(request_frame(norm, as_sent))


# round 56 (the lead, in the simulator as a 村书记: '我哋村党员完成得点' became a ticket): how the party members are doing,
# their taking part, task or planting asked after by how it stands ('本村党员种树情况', '党员种咗几多'); never their rules
# ('党员要种几棵', '党员种树有什么要求': the FAQ's), their points or one's own ('我的进度')
_PARTY_PROGRESS_RE = re.compile(
    # conv108 (23f: '我们支部党员植树完成得怎么样了' had been the FAQ's how to see progress): or the branch named as whose
    # they are (本支部, 我们党支部)
    r"^(?:帮我)?(?:看下|看看|查下|查一下|睇下)?(?:本村|我们村|村里|全村|村|(?:我们|本)?(?:党)?支部)?(?:的|嘅|些)?(?:各位)?"
    r"党员(?:们|的|嘅)?"
    r"(?:种树|植树|任务)?(?:完成|参与|种树|种)(?:了|得|成)?"  # round 67 (20x): '我哋村啲党员种成点'
    r"(?:情况|进度|得怎么样|怎么样|怎么|点样|点|咋样|如何|多少|几多)(?:了|呢|啊|如何|怎么样|怎么)?$"
)


# round 56 (the lead, in the simulator: '我系陈伯嘅新抱 帮佢整', said at the QR code's 'your name?', became a ticket): a
# relative setting up WeChat for an old person, the one acted for then what is done (登记, 注册, 整, 弄 …) at the end;
# never a tree looked at or planted for them ('帮佢睇下棵树', '帮我阿妈种咗两棵荔枝': no such verb)
# an old person of the family, as a relative names them (bot/identity.py's name said of them reads them too)
# round 59 (20k): and as Cantonese says the grandparents (阿爷, 阿嫲, 阿嬷, 阿奶) and father (老窦)
OLD_RELATIVES = (
    r"老人家|老人|阿爸|爸爸|老豆|老窦|老爸|阿妈|妈妈|老母|老妈|阿公|阿婆|阿爷|阿嫲|阿嬷|阿奶|爷爷|奶奶|外公|外婆|家公|家婆|公公"
    r"|婆婆"
)

_FOR_WHOM = rf"(?:佢|它|他|她|(?:我|我们)?(?:屋企|家里|家)?(?:的)?(?:{OLD_RELATIVES}|阿伯|伯父|伯母))"
_FOR_SOMEONE_RE = re.compile(
    rf"帮{_FOR_WHOM}(?:登记|注册|整|弄|搞|绑定|报名|开通|设置|装)(?:一下|下|好)?(?:微信)?(?:的|了|咗)?$"
)


def registering_for_someone(norm: str) -> bool:
    """A relative registering an old person, said (``_FOR_SOMEONE_RE``, on ``normalize``'s text)."""
    return bool(_FOR_SOMEONE_RE.search(norm or ""))


# round 81 (issue 17 §5, §3's trust: nobody acts as someone else; 21v '帮我老公也登记一下 刘松林 埔心村', a cadre's
# '帮我们村的陈伯登记 陈大榕 埔心村', 21s '我老豆冇智能手机 用我个号同佢登记得唔得 佢叫刘松林埔心村'): another person
# registered for, named (他叫, or a name beside a village): one WeChat is one person, so the sender is never bound to that
# name (handlers/registration.py for_someone says how each registers). Read on ``normalize``'s text (佢 -> 它, 同 -> 和);
# 帮我登记 is the sender's own, trees counted (帮阿婆登记两棵荔枝) are a record's
_ANOTHER_REGISTERED_RE = re.compile(
    r"(?:帮|替|和|给|代)(?P<who>[\u4e00-\u9fff]{1,8}?)(?:也|都)?(?:登记|注册|报名登记)(?:一下|下|好)?"
)
_ANOTHER_NAMED_RE = re.compile(
    r"(?:他|她|它)(?:叫|是|系|名叫|的名字是|名字叫|(?:个|的)名字?叫)[\u4e00-\u9fff]{2}|[\u4e00-\u9fff]{2}(?:村|社区)"
)
_NOT_ANOTHER = ("我", "我自己", "自己", "我们", "本人")


def registering_another_named(norm: str) -> bool:
    """Another person registered for by the sender, their name said (``_ANOTHER_REGISTERED_RE``), normalised text."""
    if not norm or len(norm) > 2 * INTENT_MAX_CHARS or _TREES_COUNTED_RE.search(norm):
        return False
    for found in _ANOTHER_REGISTERED_RE.finditer(norm):
        if found["who"] not in _NOT_ANOTHER and _ANOTHER_NAMED_RE.search(norm[found.end() :]):
            return True
    return False


_TREES_COUNTED_RE = re.compile(r"[0-9一二两三四五六七八九十几]+(?:棵|株|颗|盆)")
# the one registered for has no (smart)phone, or uses the sender's ('她没手机用我的', '用我个号同佢登记'): this WeChat is the
# sender's, never theirs. From a follower not registered yet, the relative named alone ('帮我阿妈登记 佢叫张桂英') may be
# set up on the relative's own phone (rounds 19–21's reading: that name registered), so only this says whose it is
# the lead (fifty-fifth session): 没有微信 (no WeChat) says the same as no phone ('我老婆也想登记 她没有微信')
_ON_MY_WECHAT_RE = re.compile(r"(?:没有|没|无)(?:智能|微信)?(?:手机|微信)|用我(?:的|个)?(?:号|微信|手机|账号|帐号)?")


def relative_without_phone_registering(norm: str) -> bool:
    """The lead (fifty-fifth session): a relative who wishes to register, said to have no phone ('我老婆也想登记 她没有
    微信', normalised): how each registers (registration.for_another), never a ticket, nobody bound."""
    return bool(
        norm
        and len(norm) <= 2 * INTENT_MAX_CHARS
        and _KIN_WISHES_REGISTER_RE.search(norm)
        and another_on_my_wechat(norm)
    )


def another_on_my_wechat(norm: str) -> bool:
    """Round 81: the person registered for said to have no phone, or to use the sender's (normalised text); round 82:
    not where the phone used is said to be theirs ('用我阿妈部手机帮佢登记')."""
    return bool(norm and _ON_MY_WECHAT_RE.search(_THEIR_PHONE_RE.sub("", norm)))


# the lead (thirty-ninth session, the simulator as a secretary): how many of a group have done it, asked
# ('村里党员有几个完成咗任务', '有几多户已经种咗树'): the village's counts (本村进度), never the FAQ's quota choice
_GROUP_DONE_RE = re.compile(
    r"(?:户|人家|党员|村民|群众|干部)?[^，。,.!?？\s]{0,6}?(?:已经)?(?:有)?(?:几多|几|多少)(?:个|位|名|户|家)(?:人)?(?:已经)?"
    r"(?:完成|达标|种够|种完|种了树|种了|参加了|参与了)(?:了)?(?:植树|种树)?(?:任务|指标)?$"
)

# the lead (fortieth session, the simulator as a secretary): the party members' list asked bare ('党员名单', '睇下我哋村党员
# 名单') had become a question for the adviser: who of them has done their part is 未种名单's for a cadre
_PARTY_LIST_RE = re.compile(
    r"^(?:帮我|俾我|给我)?(?:看下|看看|查下|查一下|睇下|发|列出|拉)?(?:一下)?(?:本村|我们村|我哋村|村里|全村)?(?:的|嘅|啲)?"
    r"党员(?:的|嘅)?(?:名单|名册)(?:呢|啊|吖)?$"
)


# round 76 (21n: '我哋村系唔系连续两个月滞后'): whether one's own village is behind (two months running) asked, no 通报 named:
# its standing now (本村进度's 状态 line: 滞后, 连续两月滞后 with the months, as the 通报 computes it), never the FAQ's rule card;
# the rule or its consequence asked ('连续两个月滞后会点', '滞后有什么后果') stays the FAQ's
_OWN_VILLAGE = r"(?:我们村|我哋村|我村|本村|我们社区|本社区|咱村|咱们村|我们这个村|村里|我们这里)"
_VILLAGE_LAG_ASKED_RE = re.compile(
    rf"^(?:请问|想问下|想问一下)?{_OWN_VILLAGE}(?:现在|而家|目前|这个月|今个月|本月)?(?:的进度)?"
    r"(?:是不是|是否|有没有|算不算|会不会|系唔系)?(?:已经)?(?:被)?(?:连续)?(?:两个月|2个月|两月|二个月)?(?:都)?"
    r"(?:滞后|落后|拖后腿|排后面|排尾)(?:了)?(?:吗|没有|呢|啊|呀|么)?$"
)
_VILLAGE_LAG_RULE_RE = re.compile(r"会怎|会点|后果|怎么办|影响|处理|处分|扣|评|什么意思")
# tidy75 (a cadre or villager: '点解我哋村滞后' had been asked back the FAQ's 通报 card): why one's own village is behind,
# ranks last or was 通报'd lagging: its standing and what is short (本村进度's lines), as the 通报 put it
_VILLAGE_LAG_WHY_RE = re.compile(
    rf"^(?:请问|想问下|想问一下)?(?:为什么|怎么)?(?:{_OWN_VILLAGE}|我们条村)(?:的)?(?:进度|种树)?(?:为什么|怎么)?"
    r"(?:会|又|还|老是|总是|一直)?(?:被)?(?:通报)?(?:连续)?(?:两个月|2个月|两月)?"
    r"(?:滞后|落后|拖后腿|排后面|排尾|排最后|排倒数|排这么后|排那么后|这么慢|那么慢|慢)(?:了)?(?:的)?(?:呢|啊|呀|嘅)?$"
)
_WHY_RE = re.compile(r"为什么|怎么")


def village_lag_asked(norm: str) -> bool:
    """Round 76: whether one's own village is behind asked (normalised text, no 通报 named: report_asked's); tidy75: why
    it is behind, ranks last or was 通报'd so ('点解我哋村滞后', '我们村为什么落后了', '为什么我们村排最后')."""
    if not norm or _VILLAGE_LAG_RULE_RE.search(norm):
        return False
    if _WHY_RE.search(norm) and _VILLAGE_LAG_WHY_RE.match(norm):
        return True
    return "通报" not in norm and bool(_VILLAGE_LAG_ASKED_RE.match(norm))


def group_done_asked(text: str) -> bool:
    """How many of the village's households or party members have done their part (``_GROUP_DONE_RE``, normalised)."""
    return bool(_GROUP_DONE_RE.search(text or "")) and bool(re.search(r"户|党员|村民|群众|干部|村里|村", text or ""))


# conv108 (23f: '帮我查查埔心村还没种树的户' had been a ticket): the households not planted yet asked to be looked up (帮我查下,
# 看看), the village named or not: their list
_LEFT_LOOKED_UP_RE = re.compile(
    rf"^(?:帮我|给我|请)?(?:查查|查下|查一下|看看|看下|看一下|列出|列下)(?:一下)?(?:{_OWN_VILLAGE}|[\u4e00-\u9fff]{{2,4}}?村)?"
    rf"(?:的)?{_NOT_YET}(?:树)?的(?:户|人家|人|党员|村民)(?:名单)?(?:吧|呢|啊)?$"
)


def left_to_plant_asked(text: str) -> bool:
    """Who has not planted yet asked (``LEFT_ASKED_RE``): 未种名单 for a cadre (handlers/progress.py), 本村进度's counts for
    anyone else; round 56: how the party members are doing (``_PARTY_PROGRESS_RE``); their list (``_PARTY_LIST_RE``)."""
    text = text or ""
    return bool(
        LEFT_ASKED_RE.search(text)
        or _GROUP_LEFT_RE.search(text)  # round 59: the group named first
        or _LEFT_UNDONE_RE.search(text)
        or _PARTY_PROGRESS_RE.match(text)
        or _PARTY_LIST_RE.match(text)
        or _LEFT_LOOKED_UP_RE.match(text)  # conv108
    )  # round 41: the task undone


# round 23: the village's planting day asked about, its time, place or what to bring ('礼拜六植树活动几点开始', '植树日在哪里
# 集合', '义务植树那天要带什么'): the day named (its words, or gathering for it), then what is asked. The best time of day
# to plant ('一天中什么时候种树最好', '几点种树最好') names no day: the FAQ's, and so is a thing to bring named ('种树那天要不要
# 带驱蚊水': mosquitoes).
_WEEKDAY = r"(?:礼拜|星期|周)[一二三四五六日天]"
_PLANTING_DAY = (
    rf"(?:义务)?种树(?:活动|日)|义务种树|种树(?:那天|当天|那日)|(?:这次|今次|今天|明天|{_WEEKDAY})(?:的|个)?活动"
    rf"|^活动|村里(?:的|个)?活动|(?:明天|听日|{_WEEKDAY})(?:村里)?(?:去)?种树"
)
_DAY_ASKED_RE = re.compile(
    rf"(?:{_PLANTING_DAY})(?:是|在|要|会|大概|一般)?[{_CJK}]{{0,4}}?"
    r"(?:几点|什么时候|几时|哪天|哪一天|几号|在哪里|在哪|哪里|什么地方|带什么|带啥|带咩|带些什么|拿什么|集合|开始"
    # round 48 (19u): how to go there ('听讲可以参加种树活动 点去', '听讲有植树活动 点样去'): where and when it is
    r"|(?:怎么|点)(?:样)?(?:去|过去)$)"
    r"|种树(?:要|是)?(?:几点|什么时候|在哪里|在哪|哪里)(?:集合|开始|出发|见面)"
    # round 52 (the lead, in the simulator: '村里几时搞植树活动' was asked back between two campaign entries): when asked
    # first, then the day ('几号搞种树活动', '什么时候有义务植树')
    r"|(?:什么时候|哪天|哪一天|几号|边日|边天)(?:会|要)?(?:弄|组织|举行|开展|有|办|举办)?(?:义务种树|(?:义务)?种树(?:活动|日))"
    # round 53 (20c): whether there is one on a day ('听日有冇植树活动', '礼拜六有没有植树活动')
    # the lead (fortieth session, the simulator as a party member: '今个月有冇植树活动' had become a ticket): a month, a
    # season said (今个月, 下个月, 三月, 呢排), the day said after 有冇 ('有冇活动种树'), a particle after
    rf"|^(?:明天|后日|后天|今天|今日|{_WEEKDAY}|这个{_WEEKDAY}|下个?{_WEEKDAY}|周末|这几天|最近|这个月|今个月|呢个月|本月"
    r"|下个月|[一二三四五六七八九十]{1,2}月(?:份)?|呢排|这段时间|近期|今年)(?:村里|我们村|我哋村)?"
    r"(?:有没有|有无|有)(?:义务)?(?:种树(?:活动|日)|义务种树|活动种树)(?:吗|没有|呀|啊|呢)?$"
)
# the campaign's season ('种树活动什么时候结束': the FAQ's), what it is for, the best time, the weather: not the day's
_DAY_NOT_ASKED_RE = re.compile(r"怎么参加|签到|报名|通知取消|最好|适合|好不好|天气|结束|干什么|什么用|干吗|做什么的")


# round 72: news of the planting day told, what one heard of it ('村委话系下礼拜三种树', '听讲村里礼拜六种树', '书记讲星期六
# 集合种树'): the village's day as the bot knows it (event_asked), never a question's 补充 nor a ticket of its own
_DAY_WHEN = (
    r"(?:下个?(?:礼拜|星期|周)[一二三四五六日天]?|(?:礼拜|星期|周)[一二三四五六日天]|明天|后天|今天|下午|上午|早上"
    r"|[一二三四五六七八九十\d]{1,3}(?:号|日))"
)
_DAY_NEWS_RE = re.compile(
    r"^(?:我)?(?:听说|听讲|听人讲|听人说|听到|村委会|村委|村里|村长|书记|支书|主任|队长|干部|组长|群里|通知)"
    r"(?:说|讲|话|通知|讲话|发通知)?(?:说|讲)?(?:是)?(?:村里|村委|大家)?"
    rf"{_DAY_WHEN}(?:村里|大家)?(?:要)?(?:集合|组织|统一|一起)?(?:去)?(?:种树|植树)(?:活动)?(?:了|啦|喔|哦|咯)?$"
)


def planting_day_news_told(norm: str) -> bool:
    """What one heard of the planting day told (normalised text): when it is, as someone said it."""
    return bool(norm) and len(norm) <= INTENT_MAX_CHARS and bool(_DAY_NEWS_RE.match(norm))


def planting_day_asked(norm: str) -> bool:
    """The village's planting day asked about: when, where, what to bring ('礼拜六植树活动几点开始', '植树日在哪里集合');
    not the best time of day to plant ('一天中什么时候种树最好': the FAQ's), nor joining it (参加: ``joining_said``)."""
    if not norm or len(norm) > INTENT_MAX_CHARS + 4:
        return False
    if _DAY_SIGN_UP_HOW_RE.match(_INTENT_PARTICLES_RE.sub("", norm)):
        return True  # round 37: how to sign up for it (the day's reply: when it is, or none yet, and 参加 there)
    return bool(_DAY_ASKED_RE.search(norm)) and not _DAY_NOT_ASKED_RE.search(norm)


# a care zone (认领责任区) wanted: '我想认领一块责任区', '给我分一块责任区', '我想领个管护区', '党员责任区我要认领'
# round 50 (19w): 管护区域 (the area to look after: '分配俾我嘅管护区域喺边')
# tidy87: the care zones by their own names (seed 002's 党员责任区), never farmland (责任田) nor any other area (包干区,
# 卫生区, 片区): one list for the readers that need the zone itself named (``non_member_claim_asked``, bot/zones.py)
CARE_ZONE_WORDS = r"责任区|管护区"
_CARE_ZONE_RE = re.compile(CARE_ZONE_WORDS)
_ZONE = rf"(?:党员)?(?:管护区域|(?:管护)?(?:{CARE_ZONE_WORDS}|包干区|责任田|卫生区|片区))"
_A_ZONE = r"(?:一块|一个|一片|块|个|片)?"
_ZONE_RE = re.compile(
    # 认领党建林的管护片区; round 30 (19i): by where it is ('认领祠堂边那块责任区')
    # round 37 (19m): for me said after it ('分个管护的片区给我')
    # round 46 (19s): chosen (选, Cantonese 揀 normalised 选; 挑) ('想选一个离屋企近的责任区'), where it is wished after it
    # ('我都揀个责任区 离屋企近啲')
    rf"(?:认领|认|领|要|分|分配|安排|参加|参与|加入|留|预留|划|选|挑)(?:我|给我)?{_A_ZONE}(?:[{_CJK}]{{2,4}}?(?:的|那块|那片|这块))?"
    rf"{_ZONE}(?:给我|俾我|畀我)?(?:(?:离|近|靠近)(?:我)?(?:家|屋|屋企|住的地方)(?:近|附近)?(?:些|一些|一点|点)?(?:的)?)?$"
    # round 25's zone named first, then 'I want one too' ('管护区 我都要一块'), and round 20's with what is wished of it
    # ('党员责任区我认一块 离屋企近啲嘅'): a frame since round 31 (FRAMES)
)
# round 19: asked with a question, a zone is still wanted: where they are, then the claim ('党员责任区在哪里 我要认领一块');
# the sender's own zone ('我的责任区是哪块'); who holds them ('看一下责任区都有谁认了'): the list says each
_ZONE_ASKED_RE = re.compile(
    rf"^{_ZONE}(?:在哪里|在哪|有哪些)?(?:我|我们)(?:也)?(?:要|想)(?:认领|认|领){_A_ZONE}$"
    rf"|^我的{_ZONE}(?:是|在)?(?:哪块|哪个|哪片|哪里|哪一块|哪一个)$"
    # round 83 (21z): of the party members or cadres ('责任区边啲党员认领咗', '责任区是哪几个党员领了')
    rf"|^(?:看|查)?(?:一下|下)?{_ZONE}(?:都)?(?:有|是|被)?(?:谁|哪些人|几个人|多少人|什么人"
    r"|(?:哪些|哪个|哪几个|哪位|哪几位|几个|多少个?)(?:党员|干部|村干部|人))(?:已经)?(?:认领|认|领)(?:了|走了|去了)?$"
    # round 20: the sender's own zone asked by where it is ('我那个责任区在祠堂后面那片吗', '分给我管护的那片地是哪里')
    rf"|^我(?:那个|的|那块|那片)?{_ZONE}(?:是|在)[{_CJK}]{{1,10}}?(?:那片|那块|那个|那里)?(?:吗|是不是|对吗|对不对)$"
    rf"|^(?:分给|分配给|安排给|划给)我(?:管护)?的(?:那片|那块|那个)?(?:地|林|林地|山|{_ZONE})(?:是|在)?"
    r"(?:哪里|哪块|哪片|哪个|哪)$"
    # round 20: which are left ('还有哪些责任区冇人认')
    # round 33: a place said first ('党建林那边有哪些责任区还没人认领')
    r"|^(?:[\u4e00-\u9fff]{1,5}?(?:那边|这边|那里|这里|附近|旁边))?(?:还)?(?:有|还有)?"
    rf"(?:哪些|哪几个|哪几块|几个|几块|多少)?{_ZONE}(?:还)?(?:没有|没|无)(?:人)?(?:认领|认|领|要)(?:的)?$"
    # round 21: one's own (or one's group's) share asked with no zone word or with one ('我负责哪一片', '我们小组分到哪块
    # 责任区'); whether they are drawn up yet ('党员责任区划好了没')
    r"|^我(?:要)?(?:负责|管护|管)(?:的)?(?:是)?(?:哪一片|哪片|哪块|哪一块|哪个片区)$"
    rf"|^(?:我|我们)(?:小组|组|支部|党小组)?(?:分到|分了|分配到|分得|领到|分)(?:的)?(?:是)?(?:哪块|哪个|哪片|哪一块|哪一片|哪){_ZONE}$"
    rf"|^{_ZONE}(?:都)?(?:划|分|定|安排|分配)(?:好|完)(?:了)?(?:没有|没|吗|未)$"
    # round 37 (19m): the zones told of first, then where one's own is ('支部说每个党员要管一块责任区 我的在哪里')
    rf"|^[{_CJK}]{{0,16}}?{_ZONE}[{_CJK}]{{0,4}}?我的(?:那块|那片|那个)?(?:是|在)?(?:哪里|哪块|哪片|哪一块|哪个|哪一片)$"
)


# round 22: what the zone is for, said after the claim ('…认领一块党员责任区 负责守绿护绿'); one's own forgotten
# ('我负责的那片责任区是哪块 忘了'); which there are, then a table asked for ('党员责任区有边几块 发个表嚟睇下')
_ZONE_PURPOSE_AFTER_RE = re.compile(r"(?<=区)(?:负责|用来|去|来|帮手|帮忙)[\u4e00-\u9fff]{1,6}$")  # round 30: 帮手淋水
_FORGOTTEN_AFTER_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?:我)?(?:忘了|忘|忘记了|忘记|不记得了|不记得|唔记得)$")
_TABLE_AFTER_RE = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:发|给|拿)(?:个|张|份)?(?:表|名单|清单|列表)(?:来|过来|给我)?(?:看下|看看|看一下|看)?$"
)
_OWN_ZONE_RE = re.compile(
    rf"^我(?:负责|管护|管|认领|分到)?的(?:那片|那块|那个|这片|这块)?{_ZONE}(?:是|在)?(?:哪块|哪个|哪片|哪里|哪一块|哪一个|哪一片)$"
)
_WHERE = r"(?:设在|在)?(?:哪里|哪儿|哪|什么地方)"
_OUR_PLACE = r"我们村里|我们村|村里面|村里|本村|我们"
_HOW_MANY_ZONES = r"(?:一共|总共|共)?(?:有)?(?:几|多少)(?:个|块|片|处)"
_WHICH_ZONES_RE = re.compile(
    # round 25: which are left ('党员责任区剩返边几块': 剩回 normalised)
    rf"^{_ZONE}(?:有|都有|还有|还剩|剩|剩下|剩回|有剩)(?:回|下)?(?:哪几块|哪些|哪几个|几块|几个|什么|多少块|多少个)$"
    # round 58 (20l): the village's named first ('村里面嘅党员责任区有边几块')
    rf"|^(?:{_OUR_PLACE})(?:的)?{_ZONE}(?:有|都有|还有)(?:哪几块|哪些|哪几个|几块|几个|多少块|多少个)$"
    # round 58 (20i): where they are and how many, asked together, in either order ('党员责任区喺边度 有几个', '村里有几多块
    # 责任区 喺边', '责任区有几个 分别在哪里'): the list (numbered, where each is); where alone stays the FAQ's
    rf"|^(?:请问)?(?:{_OUR_PLACE})?(?:的)?{_ZONE}{_WHERE}{_HOW_MANY_ZONES}$"
    rf"|^(?:请问)?(?:{_OUR_PLACE})?(?:的)?{_ZONE}{_HOW_MANY_ZONES}(?:都|分别|各)?{_WHERE}$"
    rf"|^(?:请问)?(?:{_OUR_PLACE})?{_HOW_MANY_ZONES}{_ZONE}(?:都|分别|各)?{_WHERE}$"
)
# set 19e: the zones listed, then which are left ('责任区列出来睇下 仲有边块未有人认领': 边块, Cantonese which one); a
# zone wished, then whether the one by a place is left ('…领一块党员责任区去管护 河边嗰块仲有冇')
_ZONES_LEFT_RE = re.compile(
    # round 25: the zones' table asked for ('责任区列表发嚟睇下')
    rf"^{_ZONE}(?:的)?(?:列表|名单|清单|一览表|表)(?:发|给|拿)?(?:来|过来|给我|我)?(?:看下|看看|看一下|看)?$|"
    # conv102 (22y: '发一下本村党员责任区的清单' had been the FAQ's card): the sending asked first, the village's named
    rf"^(?:请|麻烦)?(?:你)?(?:发|给|拿)(?:一下|下|个|张|份)?(?:我)?(?:{_OUR_PLACE})?(?:的)?{_ZONE}(?:的)?"
    r"(?:列表|名单|清单|一览表|表)(?:给我|我)?(?:看下|看看|看一下|看)?$|"
    rf"^{_ZONE}(?:列出来|列一下|列下|列个表)(?:看下|看看|给我看|看一下)?(?:还有)?(?:哪块|边块|哪些|边些|哪几块|几块|哪个|边个)?"
    r"(?:还)?(?:未|没有|没|无|冇)(?:有)?人(?:认领|认|领|要)(?:的)?$"
)
_THAT_ONE_LEFT_RE = re.compile(r"(?:那块|那片|这块|那个)(?:还有没有|还有吗|有没有|还在不在|还在吗|还有)$")


# round 27: the zones told of first, then which to take asked ('支部话每个党员要管一片责任区 我要领边块好', '书记讲每个党员
# 都要负责一块责任区 我领哪块好'): the list, to choose from
_WHICH_TO_TAKE_AFTER_RE = re.compile(
    rf"{_ZONE}[\u4e00-\u9fff]{{0,4}}(?:我|我们)?(?:要|应该|该|可以|想)?(?:领|认领|选|拿|要|管|负责)"
    r"(?:(?:哪|边)(?:一)?(?:块|片|个)|谁)(?:好|呢|比较好|合适)?$"
    # round 28 (19h): then where to see or claim them ('村里话要认个责任区管护 边度睇', '每个党员包一片林子管护 我去哪里认领')
    rf"|(?:{_ZONE}|(?:包|管|分)(?:一)?(?:片|块)[\u4e00-\u9fff]{{0,3}}?管护)[\u4e00-\u9fff]{{0,4}}"
    # round 46 (19s): where one may choose ('党员责任区边度有得揀', '责任区喺边度揀')
    r"(?:我)?(?:要)?(?:去|在)?(?:哪里|哪度|边度|哪儿|在哪)(?:有得|可以|能)?(?:看|睇|认领|领|认|查|报名|选|挑)$"
    # round 61 (20n): where they are, then whether one may choose ('党员责任区喺边度 有冇得揀', '…在哪里 可不可以自己选')
    rf"|{_ZONE}(?:在|是)?(?:哪里|哪度|哪儿|在哪|什么地方|哪个位置)(?:我)?(?:有没有|有冇|有无|可不可以|可以|能不能|能否|能)"
    r"(?:得)?(?:自己)?(?:选|挑|拣)(?:吗|的)?$"
    # round 33: then one by its place in the list, asked may I ('书记话党员要认一块责任区护树 我认第二块得唔得'): the list, to
    # choose from by its number
    rf"|{_ZONE}[\u4e00-\u9fff]{{0,4}}(?:我|我们)(?:要|想|可以)?(?:认领|认|领|选|拿|要)第(?:\d{{1,2}}|[{_CN_NUM}]{{1,3}})"
    r"(?:块|片|个|号)(?:行不行|可不可以|可以吗|行吗|得不得|好不好|好吗|得吗)?$"
    # round 36 (19l): not chosen yet, then which there are to choose ('支部话每个党员要管一块责任区 我仲未拣 有咩可以拣')
    rf"|{_ZONE}[\u4e00-\u9fff]{{0,8}}?(?:有)?(?:什么|哪些|哪几块|哪几个|哪块|哪个|啥)(?:可以|能|好)(?:选|挑|认领|领|认)$"
    # round 56 (20f): then one signed up for by where it lies ('守绿护绿那个责任区 我报一个离屋近的', '党员责任区嗰啲 我报一块近屋企
    # 嘅'): the list, to choose from
    rf"|{_ZONE}[\u4e00-\u9fff]{{0,4}}(?:我|我们)(?:也|都)?(?:想|要)?(?:报|报名|领|认领|认|要|拿|拣|选|挑)(?:一个|一块|一片|个|块|片)"
    r"(?:离|近|靠近|在|喺)[\u4e00-\u9fff]{0,6}的$"
)
# round 36 (19l): how to claim one, with where the sender lives after ('党员管护责任区点样认领 我住三队附近', '责任区点样认领
# 我屋企喺二队'): one near home is meant, the list (which says how: 认领责任区 <编号>) shows which
_HOW_TO_CLAIM_ZONE_RE = re.compile(
    rf"{_ZONE}(?:要|应该|可以)?(?:怎么|怎样|如何)(?:样)?(?:认领|领|认|申请|报名)(?:呢|啊)?"
)
_WHERE_I_LIVE_RE = re.compile(
    r"^(?:我|我们|我家|我屋|我屋企)(?:是)?(?:住|在|住在|就在)[\u4e00-\u9fff0-9]{1,8}?(?:附近|那边|这边|旁边|边|那里|一带|的)?$"
)


# round 39 (19n): the zones named first, then which are left unclaimed ('党员责任区仲有边度未有人认', '责任区还有哪块没人认领');
# a piece of land wished claimed to look after, by its place ('我想认领党建林嗰边一块地负责管护', '想领党建林一片地来管护'):
# a care zone, never a pledge of trees
_WHICH_ZONES_LEFT_RE = re.compile(
    rf"^{_ZONE}(?:还有|有|还剩)(?:哪里|哪块|哪些|哪几块|哪个|哪片|哪一块)(?:还)?(?:未|没有|没|无)(?:有)?人(?:认领|认|领|要)(?:的)?$"
    # round 61 (20p): who has claimed them asked ('责任区边个认领咗', '边个领咗责任区'): the list, with each one's holders
    rf"|^(?:各个|每个|每块)?{_ZONE}(?:有|分别)?(?:哪个|哪些人|谁|什么人|啥人|几多人|多少人)(?:人)?(?:已经)?(?:认领|认|领|要)(?:了|过)?(?:的)?$"
    rf"|^(?:哪个|哪些人|谁|什么人|啥人)(?:已经)?(?:认领|领)(?:了|过)?(?:哪块|哪个)?{_ZONE}$"
)
_LAND_TO_TEND_RE = re.compile(
    rf"^(?:我|我们)?(?:也)?(?:想|要|想要)?(?:认领|领|认|分)[{_CJK}]{{0,6}}?(?:一块|一片|一段|块|片|段)"
    # round 48 (19v): a place, an area, a stretch of road ('认领一片地方负责管护', '认领一段路负责管护'); round 71 (21f): the
    # piece without 一, a wood, the care as what it is for ('认领一块地方做管护', '认领块地去管护', '认领一片林子管护')
    r"(?:地|林地|山地|山|林|林子|树林|绿地|空地|地方|区域|路|河堤|河边)?"
    r"(?:来|去|用来|拿来|做|作|来做|去做)?(?:负责)?(?:管护|看管|管理|管)$"
    # round 50 (19w): the care said, watering and guarding the trees ('我都想领一块地负责淋水护树')
    rf"|^(?:我|我们)?(?:也|都)?(?:想|要|想要)?(?:认领|领|认|分)[{_CJK}]{{0,6}}?(?:一块|一片|一段)"
    r"(?:地|林地|山地|山|林|地方|区域|路|河堤|河边)?(?:来|去|用来)?(?:负责)?(?:浇水|除草|施肥|打理)(?:和|同|跟)?"
    r"(?:护树|护绿|管护|看管|管理)$"
    # round 48 (19v): to be in charge of one said first ('想负责管护一片区域', '我要负责管一段路')
    r"|^(?:我|我们)?(?:也)?(?:想|要|想要)(?:负责)(?:管护|看管|管理|管)(?:一块|一片|一段)(?:地|林地|山地|林|地方|区域|路)$"
)

# round 41 (19o): where the zones are asked, then one for me too with no verb of claiming ('党员责任区喺边 我都要一块',
# '管护区喺边 俾一块我'): the list, to claim one from
_WHERE_THEN_ONE_FOR_ME_RE = re.compile(
    rf"^{_ZONE}(?:在哪里|在哪|在什么地方|有哪些)(?:我|我们)?(?:也|都)?(?:要|想要|想)?(?:给|分|分给)?(?:我)?"
    r"(?:一块|一个|一片)(?:给我|我)?$"
)


# round 42 (19p): how to claim one asked, the verb first ('点样领养护区啊'), then a stretch to look after wished
# ('我想管一段路边嘅树'): the zones to claim from
_HOW_TO_CLAIM_ZONE_FIRST_RE = re.compile(
    rf"^(?:我|我们)?(?:要|应该)?(?:怎么|怎样|如何)(?:样)?(?:认领|领|认|申请)(?:一个|一块|一片|个|块)?{_ZONE}(?:呢|啊|呀)?"
)
_A_STRETCH_TO_TEND_RE = re.compile(
    r"^(?:我|我们)(?:也|都)?(?:想|要)(?:管|管护|负责|照顾|包)(?:一段|一片|一块|那段|这段|那片|那块)?[\u4e00-\u9fff]{1,10}$"
)


# round 50 (19x): which zones are there to take, asked where or which ('边度仲有党员责任区可以领', '还有哪些责任区可以认领',
# '边度有责任区领'); a piece of the party's wood (党建林) or of a zone wished to look after ('我想管党建林入面一片责任区',
# '我想负责党建林里的一块')
_ZONES_TO_TAKE_RE = re.compile(
    rf"^(?:哪里|在哪里|哪儿|哪度)?(?:还)?(?:有|还有)(?:没有)?(?:哪些|什么|几块|几个|啥)?{_ZONE}(?:还)?(?:可以|能|能够|好)?"
    r"(?:认领|领|认|选|挑)$"
    rf"|^(?:还有|有)?(?:哪些|哪几块|哪几个|哪块|哪个){_ZONE}(?:还)?(?:可以|能|能够)(?:认领|领|认|选|挑)$"
    # round 52 (19z): the party's wood named first ('党建林边度仲有责任区可以认领')
    rf"|^(?:党建林|主题林)(?:那边|这边|里面|里|入面)?(?:哪里|在哪里|哪儿)(?:还)?(?:有|还有)(?:没有)?{_ZONE}(?:还)?"
    r"(?:可以|能|能够|好)?(?:认领|领|认|选|挑)$"
    # round 52 (20a): room left in them asked ('党员责任区边度仲有位', '党员责任区还有空位吗')
    rf"|^{_ZONE}(?:哪里|在哪里|哪儿|哪块|哪个)?(?:还)?(?:有)(?:没有)?(?:空位|位|位置|名额|空的|空|剩)(?:吗|没有|不)?$"
    # round 52: which are left unclaimed, the zones named after which ('还有哪块责任区没人认领')
    rf"|^(?:还有|有)(?:哪里|哪块|哪些|哪几块|哪片|哪个){_ZONE}(?:还)?(?:未|没有|没|无)(?:有)?人(?:认领|认|领|要)(?:的)?$"
)
_PIECE_TO_TEND_RE = re.compile(
    rf"^(?:我|我们)?(?:也|都)?(?:想|要|想要)(?:管|管护|负责|认领|领|认)(?P<where>[{_CJK}]{{0,6}}?)(?:里面|里|入面|内)?(?:的)?"
    rf"(?:一块|一片|一段)(?P<zone>{_ZONE})?$"
)


# round 53 (20b, 20c): one's own zone asked (the list marks it 含您): where one was given, the stretches named before
# ('我哋党员要分片管树 我分到边度', '党员分片管护 我分咗边片'), which is the one one looks after ('党建林入面边度系我负责管护嘅',
# '边块责任区系我负责嘅', '我负责管护嘅系党建林边度'); and which nobody holds yet ('党员责任区仲有边块冇人认'); 边块 and 边片 (which
# piece) are not normalised
_WHICH_PIECE = r"(?:哪里|哪块|哪片|哪个|边块|边片|边个|哪一块|哪一片)"
_MY_ZONE_ASKED_RE = re.compile(
    # round 81 (issue 17 §5; 21v '我是党员 要管哪一片啊'): which piece one must tend, the zone's word unsaid: the list
    r"^(?:我|我们)?(?:要|应该|该|得|需要)(?:去)?(?:管|管护|负责|认领|领)(?:哪|哪一|边)(?:片|块)(?:地|呢)?$|"
    rf"(?:分片|{_ZONE}|党建林|管树|管护)[\u4e00-\u9fff]{{0,8}}?我(?:被)?(?:分到|分了|分配到|分配了|分得|分)(?:的)?(?:是)?{_WHICH_PIECE}$"
    rf"|^(?:(?:党建林|主题林)(?:里面|里|入面)?{_WHICH_PIECE}(?:{_ZONE})?|{_WHICH_PIECE}{_ZONE})(?:是)我(?:负责|管|认领)"
    r"(?:管护|管)?(?:的)?$"
    rf"|^我(?:负责|管|认领)(?:管护|管)?的(?:是)?(?:党建林|主题林|{_ZONE})(?:{_ZONE})?{_WHICH_PIECE}$"
    # round 97 (22q: '责任区仲有边片冇党员认'): nobody of the members (or cadres) named as who has not claimed it
    rf"|^{_ZONE}(?:还)?(?:有)?{_WHICH_PIECE}(?:还)?(?:没有|没|未|无)(?:有)?(?:人|党员|干部)(?:认领|认|领|要)(?:的)?$"
)


# round 65 (20t): which there are asked after the wish ('涯想认个党员责任区 有边几块', '我想领一块责任区 边度有', '俾块责任区我
# 管 有咩揀'): the list answers both
_WHICH_THERE_AFTER_RE = re.compile(
    r"(?:有|还有)?(?:哪几|哪些|多少|几)(?:块|个|片|处)?(?:呢)?$|(?:哪里|哪度|边度|在哪)(?:有|还有)(?:呢)?$"
    r"|有(?:什么|哪些)(?:可以)?(?:选|拣|挑|揀)(?:呢)?$"
)


# round 67 (20x): a zone to look after wished with a verb of finding or taking it on (找, Cantonese 揾 normalised 找; 包:
# to take charge of), who the sender is said first or not ('涯系党员 要揾块责认区来管', '我想包祠堂边嗰块责任区'): the list.
# Issue 17 §5: read by the request frame (bot/request_frames.py), its own regex gone


# round 99 (22t: '我想要祠堂门口嗰片绿地做我嘅责任区' had been a ticket): a place wished made one's own zone (做, 当, 当成,
# 作为 my 责任区), or one's zone wished set at a place (我的责任区想要 / 选 / 定在 …): the list to claim one from (a place
# no zone's name is no claim)
_PLACE_AS_MY_ZONE_RE = re.compile(
    r"(?:想|要|打算|申请|希望)[^，。？?]{1,14}?(?:拿来|拎来|用来)?(?:做|当|当成|当作|作为|作)(?:我的|我)(?:党员)?(?:责任区|管护区)"
    r"|(?:我的|我)(?:党员)?(?:责任区|管护区)(?:我)?(?:想|要|希望|打算)(?:选|定|放|设|划|要)(?:在)?[^，。？?吗]{2,12}$"
)


def zone_taken_on_said(norm: str, as_sent: str = "") -> bool:
    """Round 67: a care zone wished, the list to claim one from (the request frame: ``takes_on_a_zone``); round 86
    (22c): or where one may take one on, asked (``zones_to_take_asked``: '我们党员有没有分片管树 哪里可以揽一片');
    round 99: or a place wished made one's zone (``_PLACE_AS_MY_ZONE_RE``)."""
    if norm and len(norm) <= 2 * INTENT_MAX_CHARS and _PLACE_AS_MY_ZONE_RE.search(norm) and not is_question(norm):
        return True
    if not 0 < len(norm or "") <= INTENT_MAX_CHARS:
        return False
    frame = request_frame(norm, as_sent)
    return request_frames.takes_on_a_zone(frame) or request_frames.zones_to_take_asked(frame)


# conv98 (22s: '支书说每个党员要认一块责任区管护 我还没认 怎么认', the FAQ's steps): the zones named in what one was told,
# then not claimed yet and how asked: the list, where the claim is made
_NOT_YET_THEN_HOW_TO_CLAIM_RE = re.compile(
    r"(?:责任区|管护区|护绿区).{0,8}?(?:我)?(?:还|仍|都)?(?:没|未|没有)(?:有)?(?:认领|认|领|选)?(?:的|了)?"
    r"(?:怎么|如何|点样|怎样)(?:样)?(?:认领|认|领|弄|搞|办|选)(?:呢|啊|呀)?$"
)


# conv105 (23b: '支书叫我认个管护片区 党员责任区点认' had been the FAQ's steps): told to claim a zone (叫我认个管护片区,
# 让我认领一块责任区), then how: the list, where the claim is made (as conv98's not claimed yet then how)
_TOLD_TO_CLAIM_THEN_HOW_RE = re.compile(
    rf"(?:叫|让|要|喊|安排)我(?:去)?(?:认领|认|领|选)(?:个|一个|一块|块|一片|片)?{_ZONE}.{{0,8}}?(?:要)?"
    r"(?:怎么|如何|点样|怎样|点)(?:样)?(?:认领|认|领|弄|搞|办|选)(?:呢|啊|呀)?$"
)


# conv104 (23a: '我虽然唔系党员 责任区我可唔可以帮手认领一个' had been the FAQ's steps): one who says they are no party
# member asking whether they may claim (or help tend) a care zone: the zones' list, whose reply to one who may hold
# none says whose the zones are (zones.members_only)
_NOT_A_MEMBER_MAY_I_RE = re.compile(
    r"(?:不是|并不是|又不是|不算)(?:党员|干部|党员干部)[^，。？?]{0,6}?"
    r"(?:可不可以|可以|能不能|能否|可否|能|得不得|行不行)(?:也)?(?:帮手|帮忙|参与)?(?:认领|领|认|管护|管)"
)


def non_member_claim_asked(norm: str) -> bool:
    """Conv104: '我不是党员 能不能认领一个责任区', '我唔系党员 责任区我可唔可以认领一个' (a zone named anywhere)."""
    return bool(_NOT_A_MEMBER_MAY_I_RE.search(norm or "")) and bool(_CARE_ZONE_RE.search(norm or ""))


def zone_wished(norm: str, as_sent: str = "") -> bool:
    """A care zone asked for, said in words; not '责任区怎么管护' or '责任区在哪里' (questions for the FAQ)."""
    if kin_zone_asked(norm):
        return True  # conv103: '我老公系党员 佢嘅责任区喺边' (the list says who holds each)
    if norm and len(norm) <= 2 * INTENT_MAX_CHARS and _NOT_YET_THEN_HOW_TO_CLAIM_RE.search(norm):
        return True  # conv98
    if norm and len(norm) <= 2 * INTENT_MAX_CHARS and _TOLD_TO_CLAIM_THEN_HOW_RE.search(norm):
        return True  # conv105: told to claim one, then how
    which = _WHICH_THERE_AFTER_RE.search(_INTENT_PARTICLES_RE.sub("", norm or ""))
    if norm and len(norm) <= 2 * INTENT_MAX_CHARS and non_member_claim_asked(norm):
        return True  # conv104: whose zones are (the list's reply to one who may hold none says it)
    if (
        which
        and which.start() > 0
        and _zone_wished(norm[: which.start()], as_sent)
        and not is_question(norm[: which.start()])
    ):
        return True
    if (
        norm
        and len(norm) <= 2 * INTENT_MAX_CHARS
        and _WHICH_TO_TAKE_AFTER_RE.search(_INTENT_PARTICLES_RE.sub("", norm))
    ):
        return True
    how = _HOW_TO_CLAIM_ZONE_RE.search(norm) if norm else None
    if how and _WHERE_I_LIVE_RE.match(norm[how.end() :]):
        return True
    how = how or (_HOW_TO_CLAIM_ZONE_FIRST_RE.match(norm) if norm else None)
    if how and len(norm) <= 2 * INTENT_MAX_CHARS and _A_STRETCH_TO_TEND_RE.match(norm[how.end() :]):
        return True  # round 42
    left = _THAT_ONE_LEFT_RE.search(norm) if norm else None
    if left:  # '…领一块责任区 河边那块还有没有': the wish before the place (of one to four characters) it names
        return any(_zone_wished(norm[: left.start() - n], as_sent) for n in range(1, 5) if left.start() - n > 0)
    return _zone_wished(norm, as_sent)


# round 77 (the lead, in the simulator: '我想认领多一块' had been a pledge for another household, 多一块 read as its name): a
# piece (块, 片: a stretch of land, never trees, which are counted in 棵) claimed, one more or again, nothing else said
# ('我想再认领一块', '可唔可以多认领一块地', '我可以多领一块吗'): the care zones, where the sender's own claim is made;
# round 79 (21t: '… 我想认一片'): or with a bare 认 ('我都想认一片')
_ONE_MORE_PIECE_RE = re.compile(
    r"^(?:我|我们)?(?:也|都)?(?:想|要|可以|可不可以|能不能|能否|可否|还可以|还能)?(?:再|多)?(?:认领|认|领|要|拿)(?:多|再)?"
    r"(?:一|1)?(?:块|片)(?:地|土地|责任区|党员责任区)?(?:来管|来管护|管护)?(?:吗|不|没有|得不得|行不行|可不可以)?$"
)


def _zone_wished(norm: str, as_sent: str = "") -> bool:
    if not norm or len(norm) > INTENT_MAX_CHARS:
        return False
    # frames75: a zone wished, round 31's frames of it moved onto the request frame (bot/request_frames.py
    # ``takes_on_a_zone``); the sender's own zone asked after stays round 31's (FRAMES["zone_mine"]: no act is said)
    frame = request_frame(norm, as_sent)
    if request_frames.takes_on_a_zone(frame):
        return True
    if request_frames.zone_declined_or_not_mine(frame):
        return False  # frames75: someone else's wish ('我老公想认领责任区', '佢想认领一块'), or refused ('我唔想认领责任区')
    if _ZONES_LEFT_RE.match(_INTENT_PARTICLES_RE.sub("", norm)) or frame_said("zone_mine", norm):
        return True  # round 31: the frames (FRAMES)
    if _WHICH_ZONES_LEFT_RE.match(_INTENT_PARTICLES_RE.sub("", norm)) or _LAND_TO_TEND_RE.match(norm):
        return True  # round 39
    if _WHERE_THEN_ONE_FOR_ME_RE.match(_INTENT_PARTICLES_RE.sub("", norm)):
        return True  # round 41
    if _ZONES_TO_TAKE_RE.match(_INTENT_PARTICLES_RE.sub("", norm)):
        return True  # round 50
    if _MY_ZONE_ASKED_RE.search(_INTENT_PARTICLES_RE.sub("", norm)):
        return True  # round 53
    if _ONE_MORE_PIECE_RE.match(_INTENT_PARTICLES_RE.sub("", norm)):
        return True  # round 77
    piece = _PIECE_TO_TEND_RE.match(_INTENT_PARTICLES_RE.sub("", norm))
    if piece and (piece["zone"] or "党建林" in piece["where"]):
        return True  # round 50
    bare = without_show_me(norm)
    bare = _ZONE_PURPOSE_AFTER_RE.sub("", _FORGOTTEN_AFTER_RE.sub("", _TABLE_AFTER_RE.sub("", bare)))
    # round 25: which zones there are asked alone is the list too ('党员责任区有边几个'); what a zone has ('…有什么') only
    # with a table asked for
    if _OWN_ZONE_RE.match(bare) or (_WHICH_ZONES_RE.match(bare) and (bare != norm or not bare.endswith("什么"))):
        return True
    return bool(_ZONE_RE.search(bare) and not is_question(norm)) or bool(_ZONE_ASKED_RE.match(bare))


# round 37 (19m): the zone as 那片/那块 after its number, why after it ('我认领2号那片 离我家近')
_ZONE_NUMBER_RE = re.compile(
    rf"^(?:我|我们)?(?:要|想)?(?:认领|领|认)(?:第)?({_NUM})号(?:{_ZONE}|(?:那|这|嗰)?(?:片|块))"
    r"(?:(?:离|近|在|挨)[^0-9]{1,8})?$"
)


# round 48 (19u): one taken by its place in the list, the zone named first ('责任区领第二个', '责任区要第三个', '责任区揀第一个')
# or last ('我领第二个责任区'): 第 or the measure word says it is a place, never a count ('责任区要两个人' is none)
_ZONE_BY_PLACE_RE = re.compile(
    rf"^{_ZONE}(?:我)?(?:要|想)?(?:认领|领|认|要|选|拣|挑)(?:第({_NUM})(?:号|个|块|片)?|({_NUM})号)$"
    rf"|^(?:我|我们)?(?:要|想)?(?:认领|领|认|要|选|拣|挑)第({_NUM})(?:号|个|块|片)?(?:的)?{_ZONE}$"
)


# round 48 (the lead's simulator): one of a list picked by its place alone, the list unnamed ('领第一个', '要第二个', '揀第一个'):
# its number; read against the list the sender last saw, or, with none open, to show it again (never a ticket)
_ORDINAL_PICK_RE = re.compile(rf"^(?:我)?(?:就)?(?:要|选|拣|挑|领|认领|认)?第({_NUM})(?:个|号|块|片|棵)?$")


def ordinal_pick_said(norm: str) -> int | None:
    """'领第一个' -> 1; None for anything else."""
    found = _ORDINAL_PICK_RE.match(_INTENT_PARTICLES_RE.sub("", norm or ""))
    return (chinese_to_int(found.group(1)) or None) if found else None


# conv106 (23c: '认领责任区2号 河边那块我来管' had been the FAQ's how to claim): the command and its number, then the piece
# described and taken on (河边那块我来管, 学校后面那片归我管): the claim by its number, the rest only says it again
_COMMAND_NUMBER_RE = re.compile(rf"^(?:我|我们)?(?:要|想)?(?:认领|领|认){_ZONE}(?:第)?({_NUM})(?:号)?$")
_TAKEN_ON_AFTER_RE = re.compile(
    r"(?:[\u4e00-\u9fff]{0,8}?(?:那|这)(?:块|片|段)(?:地)?)?(?:我|由我|归我)(?:来|去)?(?:管|负责|管护|打理|照顾)(?:吧|啦)?$"
)


def zone_number_said(norm: str) -> int | None:
    """A care zone claimed by its number in a sentence ('我认领2号责任区'): the number, as ``认领责任区 2`` gives it;
    conv106: the taking on said after it left out ('认领责任区2号河边那块我来管')."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    taken = _TAKEN_ON_AFTER_RE.search(bare)
    if taken and taken.start() > 0:
        bare = bare[: taken.start()]
        command = _COMMAND_NUMBER_RE.match(bare)
        if command:
            return chinese_to_int(command.group(1))
    found = _ZONE_NUMBER_RE.match(bare)
    if found:
        return chinese_to_int(found.group(1))
    by_place = _ZONE_BY_PLACE_RE.match(bare)  # round 48
    number = next((g for g in by_place.groups() if g), None) if by_place else None
    return chinese_to_int(number) if number else None


# the sender's certificate asked for: '我的证书呢', '我想要个证书', '证书在哪里看', '我有没有证书', '荣誉证书发我一份'
# round 47 (19t): or whether it is out ('证书出来了吗', '证书到了吗', '证书出咗未'): the sender's, no one else's named
_CERTIFICATE_ASKED_RE = re.compile(
    r"我|在哪|哪里|看|查|发|要|拿|领|有没有|^\s*(?:出来|出了|到了|下来)(?:了)?(?:吗|没有|没|未)$"
)
_NOT_MY_CERTIFICATE_RE = re.compile(
    r"什么|啥|几时|多久|为什么|为啥|点解|错|改|名字|姓名|别人|老公|老婆|爸|妈|他|她|儿|女|怎么|怎样|如何|条件|标准|资格"
)


# round 21: the certificate as villagers name it (奖状, 荣誉证); how to collect, print or see it ('证书能不能打印出来', '如何
# 领取电子证书'): the sender's certificates show it, and say how one is earned when there is none. '怎么才有证书' (what
# earns one) stays the FAQ's.
_CERTIFICATE_NAMES_RE = re.compile(r"奖状|荣誉证(?!书)|电子证书")
_GET_IT_RE = re.compile(
    r"(?:怎么|在哪里|在哪|哪里)(?:才能|可以|能|去)?(?:领取|领|拿到|拿|下载|打印|查看|看到|看)(?=证书)"
)
_CERTIFICATE_ACTIONS_RE = re.compile(r"打印|下载|保存")
# round 25: the certificate named first, then how to get it ('证书咋领 想发朋友圈炫一下', '我的证书去哪里下载'): no one
# else's named
_GET_IT_AFTER_RE = re.compile(
    # round 30 (19i): the certificate's kind named ('植树证书怎么领', '党员植树纪念证书怎么领取'); printed out ('…打印出来')
    # round 48 (19v): a measure word first, Cantonese 拎 (to fetch: '张奖状点样拎', '我张证书点拎')
    # round 94: Cantonese 点 alone for how ('荣誉证书点拎')
    r"^(?:我的|我嘅|我)?(?:张|那张|这张)?(?:党员)?(?:种树|义务种树)?(?:纪念|荣誉|电子)?(?:的)?证书(?:要|应该|可以|能)?(?:怎么|如何|怎样|去哪里|在哪里|哪里|在哪|点)(?:才能|可以|能|去)?"
    r"(?:领取|领|拿到|拿|下载|打印|查看|看到|看|收到|拎)(?:到|出来)?$"
)
# round 48 (19u): when the sender (or the relative who asks through them) gets it, no one else named: having, getting or
# fetching it ('证书几时有', '几时攞得到证书', '我嘅证书几时可以攞', '佢几时可以攞证书'); its issuing ('证书什么时候发') and how long
# it takes ('证书出来要多久') stay the FAQ's
# conv110 (23g: '我嘅证书几时可以睇' had been the FAQ's how certificates come): or seeing it (看, 看到, 查看, 有得睇: normalised
# 看), the sender's own named after the when too ('几时可以睇到我张证书')
_WHEN_I_GET_IT_RE = re.compile(
    # round 81 (21u '证书几时有得攞'): Cantonese 有得 (to be had) before fetching it
    r"^(?:我的|我|它的|他的|她的|它|他|她)?(?:张|个|那张)?(?:种树|植树|纪念|荣誉|电子)?(?:的)?证书(?:要)?(?:什么时候)(?:才|先|就)?"
    r"(?:能|可以|会)?(?:有|拿|领|拿到|领到|拎|收到|到手|有得拿|有得领|有得拎|发给我|发我|看|看到|查看|见到|有得看)(?:得到)?$"  # round 94: 发给我
    r"|^(?:我|它|他|她)?(?:要)?(?:什么时候)(?:才|先|就)?(?:能|可以|会)?(?:拿|领|拎|收|有|看|查看|见)(?:得)?(?:到)?"
    r"(?:我的|我)?(?:张|个)?(?:种树|植树|纪念|荣誉|电子)?(?:的)?证书$"
)


# round 23: not there yet, said at the end ('我的证书怎么还没有'): asked for (the reply says how one is earned); a relative's
# checked for ('帮我妈看一下她的证书出来没有'): the household's (handlers/certificates.py); '我老公的证书怎么领' stays the
# FAQ's (how, not whether)
_NOT_YET_AT_END_RE = re.compile(
    r"(?:呢)?(?:(?:怎么|为什么|点解|咋)(?:还|仲)?|还|仲)(?:没有|没|未)(?:有|发|到|出来|收到|见到)?(?:的)?$"
    # round 36: why not received, after where it is asked ('我的证书呢 为什么没收到', Hakka '𠊎个植树证书呢 点解冇收到')
    r"|(?<=证书)呢(?:怎么|为什么|点解|咋)(?:还|仲)?(?:没有|没|未)(?:有)?(?:收到|到|发|见到|出来)(?:的)?$"
)
RELATIVES = (
    # round 27: both parents at once, and 潮汕/Hakka 阿姆 (mother) ('帮爸妈查一下…', '阿姆爱认领一棵杨梅')
    # round 61: 阿嫲 (Cantonese writes 阿嬷 so too)
    r"爸妈|父母|阿爸阿妈|阿姆|妈妈|阿妈|老妈|妈|爸爸|阿爸|老爸|老豆|老窦|爸|老公|老婆|老伴|奶奶|爷爷|阿嬷|阿嫲|嫲嫲|阿婆|阿公|阿爷|阿奶"
    r"|婆婆|公公|外婆|外公"
    r"|家婆|屋家婆|家公|家里人|家人|屋企人|老人家"
)
# conv103 (the tidy): the kin a sender names beside RELATIVES (the elders and spouses): children and children-in-law,
# grandchildren, brothers and sisters; KIN_WORDS is all of them, the one list the readers of a relative's trees or
# registration below are built from. A reader that leaves some out names the subset it uses and why
CHILD_KIN = r"儿子|女儿|仔|新抱|媳妇"
GRANDCHILD_KIN = r"孙子|孙女|孙"
SIBLING_KIN = r"哥哥|弟弟|姐姐|妹妹|阿哥|细佬|家姐"
KIN_WORDS = f"{RELATIVES}|{CHILD_KIN}|{GRANDCHILD_KIN}|{SIBLING_KIN}"
# bare 孙 left out where the kin word opens the message (孙 is a surname too: '孙想登记' may be Mr 孙); written so (the lead,
# fifty-fifth session), kept
KIN_WORDS_NAMED_GRANDCHILD = f"{RELATIVES}|{CHILD_KIN}|孙子|孙女|{SIBLING_KIN}"
# no grandchild at all: the readers of round 54 and tidy75 were written with the household's adults only (a grandchild's
# trees are logged with their own WeChat); kept so, a widening would be a change of reading, not a tidy
KIN_WORDS_NO_GRANDCHILD = f"{RELATIVES}|{CHILD_KIN}|{SIBLING_KIN}"
# round 82 (21x: '我系佢仔 用我阿妈部手机帮佢登记 李四妹'): the relative's own phone used, or held, by the sender: this WeChat
# is theirs (their registration, one WeChat one person kept), never the sender's
_THEIR_PHONE_RE = re.compile(rf"(?:用|拿|拎)(?:住|着)?(?:我)?(?:的|个)?(?:{RELATIVES})(?:的|部|个|只)?(?:手机|微信|号)")
_RELATIVE_RE = re.compile(RELATIVES)
# a relative's word said before the count ('我阿妈种咗两棵', '老公种了3棵'): who planted, never a tree's name
# (``_looks_like_tree_name``; the lead, fifty-fifth session)
_KIN_NAME_RE = re.compile(rf"(?:我)?(?:的|个|嘅)?(?:{KIN_WORDS})(?:都|也)?")
# the lead (fifty-fifth session, the simulator): a relative who wishes to register said first ('我老婆也想登记', '阿婆想登记'),
# with no name (a name said is registering_another_named's; relative_without_phone_registering)
# conv108 (conv106's leftover '帮我阿妈登记 她没有手机 怎么登记', a ticket): or the relative's registration asked for first
# (帮我阿妈登记, 帮我老婆注册)
_KIN_WISHES_REGISTER_RE = re.compile(
    rf"^(?:我)?(?:的|个|嘅)?(?:{KIN_WORDS_NAMED_GRANDCHILD})"
    r"(?:也|都|亦)?(?:想|要|想要|需要)(?:登记|注册|绑定)"
    rf"|^(?:请|麻烦|麻烦你)?(?:帮|替)(?:我)?(?:的|个|嘅|家|屋企)?(?:{KIN_WORDS_NAMED_GRANDCHILD})(?:也|都)?(?:登记|注册|绑定)"
    # or the relative said first, then registering them asked ('我阿妈没有手机 怎么帮她登记'); never after their trees
    # planted ('我爸种了树 他没有手机 怎么帮他登记': round 42, how to log them)
    rf"|^(?:我)?(?:的|个|嘅)?(?:{KIN_WORDS_NAMED_GRANDCHILD})(?:(?!种|栽)[^，。,]){{0,12}}?(?:帮|替)(?:它|她|他)(?:登记|注册|绑定)"
)
# conv98 (22s: '阿妈问佢今年种咗几多棵树 帮佢查下', a ticket while a record waited): a relative's count relayed (阿妈问 is
# left out as voice's relay, 佢 normalised 它) and looked up for them (帮佢查下), or looked up first (帮我阿妈查下佢种咗几多棵):
# the relative's count asked, as '阿妈种咗几多棵树' is
_WHEN_SAID = r"(?:今年|现在|目前|一共|总共|已经)?"
_RELATIVE_COUNT_RELAYED_RE = re.compile(
    rf"^(?:(?:我)?(?:的)?(?:{RELATIVES})(?:问|想知|想知道|想问)(?:下)?)?(?:它|她|他){_WHEN_SAID}"
    r"种了(?:多少|几)棵(?:树)?(?:了)?帮(?:它|她|他)(?:查|看)(?:一)?下$"
    rf"|^帮(?:我)?(?:的)?(?:{RELATIVES})(?:查|看)(?:一)?下(?:它|她|他){_WHEN_SAID}种了(?:多少|几)棵(?:树)?(?:了)?$"
)
# the lead (43rd session, the simulator): a relative's trees told, then whether they count for the sender ('我阿妈嗰边都种咗
# 两棵龙眼 算唔算我嘅', '我老婆种了三棵桂花能算我的吗'): the household's answer (the FAQ's bot.proxy), never a record
_KIN_WHO_PLANTED_RE = re.compile(rf"(?:{KIN_WORDS}).{{0,8}}种")
_COUNTS_FOR_ME_ASKED_RE = re.compile(
    r"(?:(?:算|计|记)(?:不算|不计|不记)(?:入|进|在|到)?(?:我)|(?:算|计|记)(?:入|进|在|到)?(?:我)(?=.*吗$))"
    r"(?:们)?(?:家|屋企|这户|这一户|户)?(?:的|名下|份|头上|那份|数|这边)?(?:吗|不|没有|呢|啊|呀)?$"
)


# the lead (fifty-fifth session, the simulator): whether they count for the relative ('算不算他的', '计唔计佢嘅', '佢有冇份';
# normalised: 佢 is 它, 冇 没有)
_COUNTS_FOR_KIN_ASKED_RE = re.compile(
    r"(?:(?:算|计|记)(?:不算|不计|不记)?(?:入|进|在|到)?(?:它|她|他)(?:们)?(?:的|名下|份|头上|那份|数)?"
    r"|(?:它|她|他)(?:们)?(?:有没有|有没|有无|有)份)(?:吗|不|没有|呢|啊|呀)?$"
)


def kin_trees_count_asked(norm: str) -> bool:
    """A relative's trees told, then whether they count for the sender ('我老婆种了三棵桂花能算我的吗', '老公今天种了一棵黄皮
    计不计我的') or for the relative ('我阿妈种咗两棵树 佢有冇份', the lead, fifty-fifth session): the household's question
    (the FAQ's bot.proxy says a household's trees are logged on one WeChat), never a record of the trees nor their
    tree's card."""
    if not norm or not _KIN_WHO_PLANTED_RE.search(norm):
        return False
    return bool(_COUNTS_FOR_ME_ASKED_RE.search(norm) or _COUNTS_FOR_KIN_ASKED_RE.search(norm))


# round 36: a relative who wishes something, said first ('阿婆想登记种树')
_RELATIVE_WISHES_RE = re.compile(rf"^(?:我)?(?:{RELATIVES})(?=(?:也|都)?(?:要|想|想要|需要)(?:登记|记录|录入))")
# round 54: a relative who planted too ('我老公都有份种', '我老婆也种了'), then their name wished on the record ('可唔可以记佢个
# 名', '能不能把她名字也记上'): a member of the household logs with their own WeChat (handlers/progress.py relative_name),
# never a ticket
_KIN_PLANTED_TOO_RE = re.compile(
    rf"(?:{KIN_WORDS_NO_GRANDCHILD})"
    r"(?:也|都|亦)(?:有份|有|一起|一齐|帮手|帮忙)?(?:有份)?种"
)
_NAME_ON_RECORD_RE = re.compile(
    r"(?:记|写|加|登记|填|录|算|报)(?:上|埋|入|进|进去|上去)?(?:他|她|它)?(?:的|们的)?(?:个)?名"
    r"|(?:他|她|它)(?:的)?(?:个)?名(?:字)?(?:也|都)?(?:记|写|加|登记|填|录|报)"
)
RELATIVE_NAME_MAX_CHARS = 30
# tidy75 (sim71: '阿爸那两棵怎么办' was asked back between the memorial tree and a record entered wrong, neither meant): a
# relative's trees pointed at, what to do with them asked and nothing else (no tree, no trouble named): how they are
# recorded (their own WeChat, a cadre's 代种, or the sender's records for the household), as relative_name answers
_KIN_TREES_WHAT_TO_DO_RE = re.compile(
    rf"^(?:我)?(?:{KIN_WORDS_NO_GRANDCHILD})(?:种的|种了的|的)?(?:那|这)?"
    r"(?:\d+|[一两二三四五六七八九十几]|多少)?棵(?:树)?(?:怎么办|怎么弄|怎么算|怎么搞|咋办|点算)(?:呢|啊|呀|啦)?$"
)


# conv103 (22z: '我老公系党员 佢嘅责任区喺边' had been the FAQ's how to claim one): a relative's care zone asked where, the
# relative said first (a party member, 它的 after: 佢嘅 normalised): the zones' list, which says who holds each (a zone is
# its holder's, never the sender's to act on)
_KIN_ZONE_ASKED_RE = re.compile(
    rf"^(?:我)?(?:的|个|嘅)?(?:{KIN_WORDS})(?:是|系)?(?:党员|干部|村干部)?(?:它|他|她)?(?:的|嘅)?(?:那块|那片|那个)?"
    rf"{_ZONE}(?:是|在)?(?:哪里|哪儿|哪块|哪片|哪一块|哪个|哪一片|哪)(?:呢|啊|呀)?$"
)


# conv105 (23b: '我老公是党员 他的责任区在哪 他让我问问' had been the FAQ's how to claim one): the relay said after the
# question (他让我问问, 佢叫我问下, 叫我帮他问问): the relative's question, asked for them
_ASKED_FOR_THEM_TAIL_RE = re.compile(
    r"(?:(?:他|她|它)(?:们)?)?(?:让|叫|要|托)我(?:帮(?:他|她|它))?(?:来)?问(?:问|下|一下|吓|一吓)?(?:的)?(?:呢|啊|呀)?$"
)


def kin_zone_asked(norm: str) -> bool:
    """Conv103: where a relative's care zone is asked ('我老公是党员它的责任区在哪里', normalised); conv105: the relay said
    after it ('…在哪他让我问问')."""
    return bool(norm and _KIN_ZONE_ASKED_RE.match(_ASKED_FOR_THEM_TAIL_RE.sub("", norm, count=1)))


# conv103 (22z: '我爸七十几岁了还想去参加植树 可以帮他报名吗' had become a ticket): a relative's going to the planting day
# said, the relative first, then their sign-up asked of the bot (帮他报名, 帮佢报个名 normalised): the join's, answered
# how a relative takes part (their own check-in on the day: handlers/events.py), never the sender checked in for them
# conv106 (23c: '参加' then '我老婆都想去 帮佢报埋名' had been the FAQ's family planting): or the going said bare (都想去),
# the sign-up asked right after it: a sign-up is the planting day's; 报埋 (sign them up too) is a sign-up
_KIN_GOES_RE = re.compile(
    rf"^(?:我|我的|我嘅|我个)?(?:屋企|家里)?(?:{KIN_WORDS})[^我]{{0,10}}?(?:去|参加|来)[^我]{{0,6}}?"
    r"(?:种树|活动|种树日|种树节)"
    rf"|^(?:我|我的|我嘅|我个)?(?:屋企|家里)?(?:{KIN_WORDS})(?:也|都)?(?:想|要|想要|打算)(?:去|参加)"
    r"(?=(?:你|你们)?(?:帮|替|给|同|和)(?:它|他|她))"
)
_SIGN_THEM_UP_RE = re.compile(
    r"(?:你|你们)?(?:帮|替|给|同|和)(?:它|他|她)(?:们)?(?:也|都)?"
    r"(?:报名|报个名|报一下名|报下名|报一个名|登记参加|报埋名|报埋个名|报埋|报)(?:参加)?"
    r"(?:吗|好吗|得不得|可以吗|行吗|啦|吧|呀|啊)?$"
)


# conv105 (23b: '帮我阿爷报个名 佢想去村嘅植树活动' had been a ticket): the relative's sign-up asked first (帮我阿爷报个名),
# their going said after it (它想去…种树活动, 佢 normalised)
_SIGN_KIN_UP_FIRST_RE = re.compile(
    rf"^(?:你|你们)?(?:帮|替|给|同)(?:我)?(?:的|嘅|个)?(?:{KIN_WORDS})"
    r"(?:报名|报个名|报一下名|报下名|报一个名|登记)(?:参加)?(?:啦|吧|呀|啊)?"
    r"(?:它|他|她)(?:们)?(?:也|都)?(?:想|要|想要|打算|准备)?[^我]{0,4}?(?:去|参加|来)[^我]{0,6}?(?:种树|活动|种树日|种树节)"
)


def kin_join_asked(norm: str) -> bool:
    """Conv103: a relative's going said first, their sign-up asked after it ('我爸想去参加种树可以帮他报名吗', normalised);
    conv105: or the sign-up asked first, the going after ('帮我阿爷报个名它想去村的种树活动')."""
    if norm and len(norm) <= 2 * INTENT_MAX_CHARS and _SIGN_KIN_UP_FIRST_RE.match(norm):
        return True
    return bool(
        norm
        and len(norm) <= 2 * INTENT_MAX_CHARS
        and _KIN_GOES_RE.search(norm)
        and _SIGN_THEM_UP_RE.search(_INTENT_PARTICLES_RE.sub("", norm))
    )


# conv105 (23b: '帮我爸查下他上次活动有没有算进去' had been a ticket): a relative's attendance looked up for them, the look-up
# asked first (帮我爸查下, 帮我阿妈睇吓), then whether their day was counted or their check-in is there (as sent or normalised)
_KIN_LOOKUP_LEAD_RE = re.compile(
    rf"^(?:帮|同|替|给)(?:我)?(?:的|嘅|个)?(?:{KIN_WORDS})(?:查|看|睇|问)(?:一下|一吓|下|吓|查|看|睇)?"
    r"(?:他|她|它|佢)?(?:的|嘅)?"
)
_KIN_DAY_COUNTED_RE = re.compile(
    r"^(?:上次|那次|嗰次|那天|嗰日|那日|今天|今日|昨天|琴日|寻日)?(?:的|嘅)?(?:义务)?(?:植树|种树)?(?:活动|日)"
    r"(?:有没有|有冇|有无|算没算|算不算|算唔算|有没|计唔计|计不计)(?:算|记|计|签到|登记)?(?:进去|入去|在内|上|到|低|数)?"
    r"(?:了|咗)?(?:没有|吗|未|冇)?$"
)


def kin_attendance_asked(flat: str) -> bool:
    """Conv105: a relative's attendance looked up for them ('帮我爸查下他上次活动有没有算进去', '帮我妈看下她上次活动算没算进去')."""
    lead = _KIN_LOOKUP_LEAD_RE.match(flat or "")
    return bool(lead and _KIN_DAY_COUNTED_RE.match(flat[lead.end() :]))


def relative_name_wished(norm: str) -> bool:
    """Round 54: a relative who planted too, their name wished on the record ('我老公都有份种 可唔可以记佢个名', normalised:
    佢 is 它 there): the answer is how a household member logs with their own WeChat (or a cadre's 代种)."""
    if not norm or len(norm) > RELATIVE_NAME_MAX_CHARS:
        return False
    planted = _KIN_PLANTED_TOO_RE.search(norm)
    return bool(planted and _NAME_ON_RECORD_RE.search(norm, planted.end()))


def relative_trees_what_to_do(norm: str) -> bool:
    """Tidy75: a relative's trees pointed at, what to do with them asked, nothing else ('阿爸那两棵怎么办', '阿妈嗰三棵点算',
    normalised); with a record in progress, just finished or a ticket's window open it is that one's (sim69, sim70:
    ``pointed_tree_go_on_asked``), handlers/progress.py reads it only with none."""
    return bool(_KIN_TREES_WHAT_TO_DO_RE.match(norm or ""))


_CHECKED_RE = re.compile(
    r"看|查|出来(?:了)?(?:没有|没|吗|未)|有没有|发了(?:没有|没|吗|未)|到了(?:没有|没|吗|未)|证书呢$"
)
_NOT_CHECKED_RE = re.compile(r"怎么|怎样|如何|为什么|为啥|点解|什么|啥|几时|多久|条件|标准|资格|错|改|名字|姓名|别人")


# conv111 (23h: '我的证书' then '我阿妈嘅证书都要 佢用我手机' had been the FAQ's card): a relative's certificate wanted
# too (的证书也要, 的证书都要一张), whether it is out checked as '…有没有' is
_WANTED_TOO_RE = re.compile(r"的证书(?:也|都)(?:要|想要)(?:一张|一份|张|份)?")


def relative_certificate_asked(norm: str) -> bool:
    """A relative's certificate checked for ('帮我妈看一下她的证书出来没有', '我老公的证书有没有'): whether it is out, not
    how one is got ('我老公的证书怎么领'); conv111: or wanted too ('我阿妈的证书都要')."""
    norm = _CERTIFICATE_NAMES_RE.sub("证书", norm) if norm else norm
    if not norm or len(norm) > INTENT_MAX_CHARS or "证书" not in norm:
        return False
    checked = _CHECKED_RE.search(norm) or _WANTED_TOO_RE.search(norm)
    return bool(_RELATIVE_RE.search(norm) and checked and not _NOT_CHECKED_RE.search(norm))


# conv111: a relative said to use the sender's phone or WeChat (她用我手机, 它用我部手机, 阿爷用我的微信): what is reported
# on it is the account's, the one person this WeChat is registered as (round 81: one WeChat is one person)
_ON_MY_PHONE_RE = re.compile(
    rf"(?:它|他|她|{KIN_WORDS})(?:们)?(?:也|都|一直)?(?:是)?(?:用|拿|在)(?:着|住)?我(?:的|个|部|只)?(?:手机|微信)"
)


def relative_on_my_phone(norm: str) -> bool:
    """Conv111: a relative said to use the sender's phone ('佢用我手机', normalised 它用我手机), in a normalised text."""
    return bool(_ON_MY_PHONE_RE.search(norm or ""))


# round 28 (19h): who told of it, first ('孙仔话有张电子证书 点睇': the grandson says there is one, how to see it)
_TOLD_OF_CERTIFICATE_RE = re.compile(
    r"^(?:听说|听讲|听人讲|[\u4e00-\u9fff]{1,3}?(?:说|话|讲))?(?:我)?(?:有|发了|发咗)(?:张|个|一张|一个|份|一份)?(?=(?:电子)?证书)"
)


# round 33: the certificate named by a role ('村干部的植树证书怎么领', '党员的植树证书怎么拿'): the kind the sender holds, asked
# how to get as round 30's '植树证书怎么领' (the sender's certificates, or how one is earned)
_ROLES_CERTIFICATE_RE = re.compile(
    r"^(?:我们)?(?:村干部|干部|两委干部|党员|党员干部|村民|群众|书记|村书记)的(?=(?:种树|植绿|尽责|荣誉|电子)?证书)"
)


# round 76 (21n: '今年技术顾问有冇评奖 我有冇份'): an adviser's own award asked, the advisers named and the sender's part
# asked: their certificates (a winner's 荣誉证书), or that advisers named 先进 by the office get one (handlers/certificates.py)
_ADVISERS_NAMED_RE = re.compile(r"技术顾问|顾问|专家")
_AWARD_WORD_RE = re.compile(r"评奖|评优|评先|评比|评选|奖状|奖励|奖|表彰|先进|荣誉|优秀")
_MY_PART_ASKED_RE = re.compile(
    r"我(?:有没有|有冇|有无)(?:份|得|机会|资格)|有(?:没有)?我(?:的)?(?:份|名)|(?:轮|评)(?:得)?到我|我(?:能|可以|会)?(?:评|拿|攞|获)(?:得)?到"
    r"|我(?:评|拿|获)(?:上|到)?(?:了|未|没有|吗)|我(?:能不能|可不可以|有没有得)(?:评|拿|参评|参加评)"
)


def adviser_award_asked(norm: str) -> bool:
    """Round 76: an adviser's own award asked ('技术顾问评优有我份吗'), normalised text."""
    return bool(
        norm
        and len(norm) <= 30
        and _ADVISERS_NAMED_RE.search(norm)
        and _AWARD_WORD_RE.search(norm)
        and _MY_PART_ASKED_RE.search(norm)
    )


# conv100 (22v: '种完有证书吗' just after a record had the FAQ's card): whether the sender has or gets one, planting said
# first or not ('我有证书吗', '种好树有证书吗', '种咗树会有证书吗'): the sender's certificates (or how one is earned)
_WILL_I_HAVE_ONE_RE = re.compile(
    r"^(?:我)?(?:(?:种完|种好|种了|种下)(?:了)?(?:树)?(?:之后|以后|后)?)?(?:我)?(?:会|能|可以|是不是|是否)?"
    r"(?:有|拿到|领到|得到|获得)(?:个|张|一张|一个)?(?:种树|植树|植绿|尽责|纪念|荣誉|电子)?(?:的)?证书(?:吗|不|没有|嘛)?$"
)


# round 92 (22k '点解我张证书仲未出'): one's certificate said not come yet, why asked before or after it ('证书怎么还没有发给我',
# '证书到现在还没收到', '点解收唔到证书'): the sender's certificates (its state: none yet, and how one is earned)
_CERTIFICATE_NOT_YET_RE = re.compile(
    r"^(?:为什么|为啥|怎么|点解)?(?:我的|我)?(?:张|个|那张)?(?:种树|植树|植绿|尽责|荣誉|电子)?(?:的)?证书"
    r"(?:到现在|到今天|现在|至今|一直)?(?:为什么|为啥|怎么)?(?:还|仍然|都)?(?:未|没有|没)(?:有)?"
    r"(?:出|出来|发|发出来|到|收到|见到|拿到)?(?:给我)?$"
    r"|^(?:为什么|为啥|怎么)(?:我)?(?:还|一直|都)?(?:收不到|拿不到|没收到|没有收到|没拿到|没有拿到)(?:我的)?(?:张)?证书$"
)


# round 94 (22n: '获奖证书点样攞' had been the FAQ's 植绿尽责证书 card): an award's certificate (a winner's 荣誉证书 comes the
# same way, 我的证书 shows it) named by the award ('获奖证书', '我得奖那张证书'), or the award told first ('评咗先进 荣誉证书点
# 拎'): the certificate, the award's words left out
_AWARD_CERTIFICATE_RE = re.compile(r"(?:获奖|得奖|获评|评奖|表彰)(?:的|那张|这张|张)?(?=证书|荣誉证书)")
_AWARD_TOLD_FIRST_RE = re.compile(r"^(?:我)?(?:评了|评上了?|获了|得了|拿了)(?:先进|奖)(?:了)?[\s,，]*(?=.*证书)")


def award_certificate_named(norm: str) -> bool:
    """Round 94: the certificate asked is an award's ('获奖证书点样攞', '评咗先进 荣誉证书点拎'), normalised text."""
    return bool(
        norm and (_AWARD_CERTIFICATE_RE.search(norm) or _AWARD_TOLD_FIRST_RE.search(norm) or "荣誉证书" in norm)
    )


# conv101 (22w: '我个孙话种树有张纸可以打印出嚟 点搞到我嗰张' had been the FAQ's card): the certificate described, not named
# (a paper for the planting that prints: 有张纸可以打印), then one's own asked how to get (点搞到我嗰张, 我那张怎么拿)
_PAPER_THAT_PRINTS_RE = re.compile(r"(?:有|发)(?:张|一张|个)(?:纸|奖状|东西)(?:可以|能|会)?打印")
_MINE_TO_GET_RE = re.compile(
    r"(?:怎么|点|点样|怎样|如何)(?:样)?(?:弄|搞|拿|拎|领|攞|打印|下载)(?:到|出来)?(?:我)(?:那|这|的那|的)张"
    r"|(?:我)(?:那|这|的那|的)张(?:要)?(?:怎么|点|点样|怎样|如何|去哪里|在哪里|在哪)(?:样)?(?:弄|搞|拿|拎|领|攞|打印|下载|看)"
)


def certificate_asked(norm: str) -> bool:
    """The sender's own certificate, asked for in words (or a relative's checked for: ``relative_certificate_asked``);
    not '证书什么时候发', '证书上的名字写错了', '怎么才有证书'."""
    if norm and len(norm) <= 2 * INTENT_MAX_CHARS and _PAPER_THAT_PRINTS_RE.search(norm):
        return bool(_MINE_TO_GET_RE.search(norm))  # conv101
    norm = _AWARD_CERTIFICATE_RE.sub("", _AWARD_TOLD_FIRST_RE.sub("", norm or "", count=1))  # round 94
    norm = _CERTIFICATE_NAMES_RE.sub("证书", norm) if norm else norm
    if norm and _WILL_I_HAVE_ONE_RE.match(_INTENT_PARTICLES_RE.sub("", norm.rstrip("？?。.！! "))):
        return True  # conv100: '种完有证书吗', '我有证书吗' (before 我有 is read as who told of it)
    norm = _TOLD_OF_CERTIFICATE_RE.sub("", norm, count=1) if norm else norm
    norm = _ROLES_CERTIFICATE_RE.sub("", norm, count=1) if norm else norm
    if not norm or len(norm) > INTENT_MAX_CHARS or "证书" not in norm:
        return False
    if relative_certificate_asked(norm) or frame_said("certificate", norm):
        return True  # round 31: the frames (FRAMES)
    if _WHEN_I_GET_IT_RE.match(_INTENT_PARTICLES_RE.sub("", without_fillers(norm))):
        return True  # round 48
    if _CERTIFICATE_NOT_YET_RE.match(_INTENT_PARTICLES_RE.sub("", norm.rstrip("？?。.！! "))):
        return True  # round 92: '点解我张证书仲未出
    norm = _NOT_YET_AT_END_RE.sub("呢", norm)  # '我的证书怎么还没有': '我的证书呢'
    if "证书" not in norm:
        return False
    if _GET_IT_AFTER_RE.match(norm):
        return True  # round 25: '证书咋领', '我的证书去哪里拿': the sender's, how to get it
    get_it = _GET_IT_RE.search(norm)
    if get_it:
        norm = norm[: get_it.start()] + "拿" + norm[get_it.end() :]
    if _NOT_MY_CERTIFICATE_RE.search(norm):
        return False
    return bool(_CERTIFICATE_ASKED_RE.search(norm.replace("证书", " ")) or _CERTIFICATE_ACTIONS_RE.search(norm))


# an adviser's visit check-in said otherwise: '打卡', '下村打卡', '我到村里了 签个到', '今天下村签到一下', '报到'
_CHECK_IN_RE = re.compile(r"签到|签个到|签下到|打(?:个|下)?[卡咭]|报到|报个到")  # 咭: 卡 as Cantonese writes it
_NOT_CHECK_IN_RE = re.compile(r"种树|活动|参加|要不要|怎么|什么|吗|哪|几|没|不|别|忘")
# the lead, fiftieth session (22p: '今日嚟埔心村指导种树 打卡'): guiding the planting (指导种树, 指导村民种果树) is the
# adviser's visit, never a planting day's 种树
_GUIDING_RE = re.compile(r"指导(?:村民|大家|群众)?(?:种|栽)(?:果树|树)?")


# round 20: an adviser's terse arrival with a place ('到埔心了', '已到埔心党建林现场', '我到村里了')
# round 93 (22m: '今日下村到咗埔心'): today or just now, and where the day took him (下村, 下乡), said before it ('今朝落村
# 到咗埔心村', '啱啱下乡到埔心', '我今日到咗埔心村委啦'; normalised 今天, 下村, 刚刚, 到了); a day ahead is no arrival
# ('听日下村到埔心'); seedlings or goods come are none ('今天到了一批苗')
_ARRIVED_RE = re.compile(
    r"^(?:我|我们)?(?:今天|今日|今朝|今早|今晨|刚刚|刚才|头先|现在)?(?:我)?(?:下村|下乡|下沉)?"
    rf"(?:已经|已|刚|刚刚|现在)?(?:到|到达|抵达)(?:了)?(?!底|时|处|期|位|手|家)"
    rf"(?:(?![了看说问讲种有没不苗批货棵])[{_CJK}]){{1,10}}?"  # a place: no verb in it ('到村里看了一下' is no arrival)
    r"(?:了|现场|啦|喇|咯)?$"
)
# round 93 (22m: '我而家喺埔心村 点样签到'): how to sign in asked, the presence told before it or not ('人喺村委 签到点搞',
# '点样打卡', '签到系点样签㗎'; normalised 怎么, 在, 是): the sign-in, whose reply says how (the location next); a question
# of what it needs ('签到要带什么', '签到要在村里面吗'), of its use ('签到怎么用？', docs/visits.md) or a planting day's
# ('植树活动点样签到') is none
_SIGN_WORD = r"(?:签到|签个到|打卡|打个卡|打咭|报到)"
# conv110 (23g: '今天来埔心村巡查 怎么签到'): or come (来, 过来) to where one is, this morning (今朝, 今早) too
_PRESENT_BEFORE = (
    r"(?:(?:我|我们|人)?(?:现在|今天|今朝|今早|已经|刚刚|刚才)?(?:在|到了|到|来了|来|过来|下来)"
    rf"(?:(?![怎签打报])[{_CJK}]){{1,8}}?(?:了|啦|啊)?)?"
)
_SIGN_IN_HOW_RE = re.compile(
    rf"^{_PRESENT_BEFORE}(?:我)?(?:要|应该|可以)?(?:怎么|怎样|如何)(?:样)?(?:才能|才可以|先可以|可以|能)?(?:去)?{_SIGN_WORD}"
    r"(?:呢|啊|呀|啦|嘅|的)?$"
    rf"|^{_PRESENT_BEFORE}{_SIGN_WORD}(?:是|要|应该)?(?:怎么|怎样|如何)(?:样)?(?:弄|搞|做|签|打|整)?"
    r"(?:的|呢|啊|呀|嘅)?$"
)


# conv102 (22y: '今天下村指导 在埔心村村委 打卡签到一下' had been a ticket): the visit told first, where one is, the
# check-in said last (both its words may come together, 打卡签到): a longer text read as well
_CHECK_IN_LAST_RE = re.compile(r"(?:(?:签|签个|签下)到|打(?:个|下)?[卡咭]|报到){1,2}(?:一下|下)?$")


def check_in_said(norm: str) -> bool:
    """A check-in said in words ('打卡', '我到了打个卡'); not a question about it ('签到要在村里面吗'), nor a planting
    day's ('植树活动签到' is 参加)."""
    return bool(
        norm
        and (
            len(norm) <= 16 or (len(norm) <= 24 and _CHECK_IN_LAST_RE.search(norm) and not _DAY_TO_COME_RE.search(norm))
        )
        and "到时" not in norm
        and (_CHECK_IN_RE.search(norm) or _ARRIVED_RE.match(norm))
        and not _NOT_CHECK_IN_RE.search(_GUIDING_RE.sub("", norm.replace("下村", "")))
    )


def sign_in_how_asked(norm: str) -> bool:
    """Round 93: how to sign in asked (``_SIGN_IN_HOW_RE`` on the normalised text, a question mark left out); an
    adviser's only (handlers/visits.py asks the role). Conv110 (23g: '你好 我是技术顾问 今天来埔心村巡查 怎么签到' had been
    fix_name's): a greeting and who one is said first are left out (``request_frames.without_politeness``,
    ``_WHO_I_AM_RE``)."""
    bare = _WHO_I_AM_RE.sub("", request_frames.without_politeness(norm or ""), count=1)
    return bool(bare) and len(bare) <= 24 and bool(_SIGN_IN_HOW_RE.match(bare.rstrip("?？")))


# round 89 (22h: '头先签到好似冇成功 再签一次'): the sign-in said to have failed (没成功, 不成功, 签不到, 失败, 没反应), then
# done again asked (再签一次, 重新签到, 再来一次): a sign-in (an adviser's, handlers/visits.py)
_SIGN_IN_FAILED = (
    r"(?:头先|刚才|刚刚|啱先|之前)?(?:我)?(?:(?:签到|签)(?:好像|似乎|好似)?(?:没有|没|不)(?:成功|反应|到|上)"
    r"|签不到|签不上|签到(?:好像)?失败(?:了)?)(?:了|啊|喔|哦)?"
)
_AGAIN = r"(?:帮我)?(?:再|重新)(?:签到|签|来)(?:一次|一下|过|多次|多一次|一遍)?(?:啦|吧|先)?"
_SIGN_IN_AGAIN_RE = re.compile(rf"^{_SIGN_IN_FAILED}{_AGAIN}$")


def sign_in_again_said(norm: str) -> bool:
    """Round 89: ``_SIGN_IN_AGAIN_RE`` on the ``normalize``d text."""
    return bool(norm) and len(norm) <= INTENT_MAX_CHARS and bool(_SIGN_IN_AGAIN_RE.match(norm))


# round 50 (19x): an adviser's presence in the village told with the day asked to be written down ('我人喺埔心村 记低我今日
# 嚟咗', '我而家喺村度，帮我记低今日下乡', '今天下村了 帮我记上', '帮我登记今天下村'): the presence (在 or 到 a place, came,
# 下村) and a 'write it down' (记低, 记下, 记一下, 登记…), nothing planted, no question, no refusal
# round 87 (22c: '今日去埔心村探访完 记一笔'): 记一笔 (an entry), the village gone to (去了, 去过; a bare 去 may be a plan) or
# visited (探访, 走访)
_WRITE_ME_DOWN_RE = re.compile(
    r"记低|记下|记一下|记一笔|记住|记上|记录|登记|记我|帮我记|给我记|记(?:今天|今日|本次|这次)"
)
_PRESENCE_RE = re.compile(
    rf"(?:在|到|到了|来了|抵达|落了|去了|去过)(?:[{_CJK}]{{0,5}}?)(?:村|乡|镇|现场|村委|这里|这边)|下村|下乡|下沉|来了|来过|"
    r"(?:今天|今日|今朝|今早)(?:来|到|落)|探访|走访|到访"
)
# the trees looked at on the visit ('睇完树': normalised 看完树) are no planting; conv88 (22f: '今日落村睇果树 记低我嚟过'):
# nor are they named by their kind or pointed at ('睇果树', '睇下啲龙眼树'), nothing planted nor counted among the words
_TREES_LOOKED_AT_RE = re.compile(
    r"(?:看|察看|查看|巡)(?:完|了|过|下)?(?:(?!种|栽|棵|株)[\u4e00-\u9fff]){0,3}?(?:树|树苗|苗)"
)
# conv88: nor a day ahead (a plan: '听日落村睇果树 记住提醒我') nor a reminder wished
_NOT_A_VISIT_RE = re.compile(
    r"种|栽|树|苗|棵|株|吗|怎么|什么|哪|几|多少|不|没|别|名字|户口|身份|活动|参加|认|明天|后天|下次|下周|下个|提醒"
)


def visit_record_asked(norm: str) -> bool:
    """An adviser's presence in the village told and asked to be written down (``_PRESENCE_RE`` and
    ``_WRITE_ME_DOWN_RE``): a check-in, nothing planted nor asked (``_NOT_A_VISIT_RE``)."""
    return bool(
        norm
        and len(norm) <= 24
        and _WRITE_ME_DOWN_RE.search(norm)
        and _PRESENCE_RE.search(_WRITE_ME_DOWN_RE.sub(" ", norm))
        and not _NOT_A_VISIT_RE.search(_TREES_LOOKED_AT_RE.sub("", norm))
    )


# round 27: an adviser's check-in said as one clause of a report ('今天下沉埔心村服务 到咗 签到一下 顺便看下党建林成活情况',
# '本人已于今晨九时抵达埔心村村委会，现签到，下午尚需赶往另外两村，特此说明。'): the clause the check-in alone, no clause a
# question or a planting day's
_CHECK_IN_CLAUSE_RE = re.compile(
    r"^(?:我|本人)?(?:现|现在|而家|依家|特此|先|在此)?(?:签到|签个到|签下到|打(?:个|下)?[卡咭]|报到|报个到)(?:一下|下|先)?$"
    # round 56 (20f): asked for ('我在埔心村现场了 帮我签到 下午还要去下一个村', '…麻烦帮我打个卡 跟住去睇党建林')
    r"|^(?:请|麻烦|麻烦你|不该)?(?:帮我|给我|同我)(?:签到|签个到|签下到|打(?:个|下)?[卡咭]|报到|报个到)(?:一下|下|先)?$"
    # round 33b: the visit asked to be recorded ('…现在在埔心村现场 帮我登记到访', '我已到埔心村委会 记录本月下村服务')
    r"|^(?:请|麻烦|麻烦你)?(?:帮我|给我)?(?:登记|记录|记)(?:一下|下)?(?:本次|这次|今次|今日|今天|本月|今月)?(?:的)?"
    # round 36 (19l): where the visit took the adviser said before it ('记一下今次下乡到访')
    r"(?:(?:下乡|下村|下沉)(?:的)?)?(?:到访|来访|下村服务|下村|走访|下乡服务|服务)(?:记录)?$"
)
# round 37 (19m): the location said sent, with the visit told in another clause ('📍位置发了 今日过来指导果树种植'): a check-in
_LOCATION_SENT_RE = re.compile(r"^(?:我)?(?:的)?(?:位置|定位)(?:已经|已)?(?:发了|发过来了|发过去了|发给你了|发)$")
_VISIT_TOLD_RE = re.compile(r"过来|来了|来到|到了|到咗|下村|下乡|下沉|指导|服务|(?:今天|今日|今朝)(?:来|到)")
_REPORT_PAUSES_RE = re.compile(r"[\s,，、:：;；。!！~～]+")
CHECK_IN_REPORT_MAX_CHARS = 80


def check_in_reported(text: str) -> bool:
    """A check-in said as one clause of a report of a few (``_CHECK_IN_CLAUSE_RE``), none of them a question, a
    planting day's or a refusal (``_NOT_CHECK_IN_RE`` but for where 下 takes the adviser: 下村, 下沉)."""
    if not text or len(text) > CHECK_IN_REPORT_MAX_CHARS or "?" in text or "？" in text:
        return False
    clauses = [normalize(c) for c in _REPORT_PAUSES_RE.split(text) if c]
    located = any(_LOCATION_SENT_RE.match(c) for c in clauses) and any(_VISIT_TOLD_RE.search(c) for c in clauses)
    if len(clauses) < 2 or not (
        located or any(_CHECK_IN_CLAUSE_RE.match(_INTENT_PARTICLES_RE.sub("", c)) for c in clauses)
    ):
        return False
    return not any(
        is_question(c) or _NOT_CHECK_IN_RE.search(c.replace("下村", "").replace("下沉", "")) for c in clauses
    )


# round 21: 'show me' said after what is asked for ('认养的树还有哪些 发给我看看', '村民问的给我列下', '党员责任区划好了没
# 给我看下'): left out before a list is read (adoption, zones, the queue)
_SHOW_ME_AFTER_RE = re.compile(
    rf"(?<=[{_CJK}])(?:请)?(?:发给我|发我|给我|帮我|同我)(?:列|看|睇|发|列出来)(?:一下|下|看|睇|出来|看看)?(?:吧)?$"
    # round 25: a list asked for after it ('有冇树可以认养 发个清单嚟')
    r"|(?<=[\u4e00-\u9fff])(?:发|给|拿|列)(?:个|张|份|一个|一份)?(?:表|名单|清单|列表)(?:来|过来|给我)?(?:看下|看看|看一下|看)?$"
    # round 36 (19l): listed, to me, to be answered one by one ('…列出来给我', '…列出来我逐条答')
    r"|(?<=[\u4e00-\u9fff])(?:列出来|列一下|列下)(?:给我|发我)?(?:看下|看看|看一下|看)?"
    r"(?:我)?(?:逐条|一条条|一条一条|一个个|一个一个)?(?:答|回|回答|回复)?$"
    # round 86 (22c: '…冇人认养 睇下个单'): the looking said first, then the list ('看下个单', '睇吓张表')
    r"|(?<=[\u4e00-\u9fff])(?:给我|帮我)?(?:看|睇)(?:下|一下|看|吓)?(?:个|张|份|一个|一份)?(?:表|单|名单|清单|列表)$"
)


def without_show_me(norm: str) -> str:
    """``norm`` without 'show me' said after the request ('发给我看看', '给我列下')."""
    return _SHOW_ME_AFTER_RE.sub("", _INTENT_PARTICLES_RE.sub("", norm)) if norm else norm


# an adviser's queue said otherwise: '有什么问题要我回答', '还有哪些问题没回答', '村民问了什么', '有新问题吗'
_QUEUE_RE = re.compile(
    r"问题.{0,4}(?:回答|答|回复|解答|处理|答复)|(?:回答|答|回复|解答|处理)的?问题|新(?:的)?(?:问题|提问)"  # round 33: 提问
    # round 36 (19l): all of them, some things ('村民问咗啲乜': 村民问了些什么; '村民都问了些什么')
    r"|(?:村民|群众|大家|人)(?:都)?(?:问|提)了?(?:些)?(?:什么|啥|哪些|几个|多少|咩)"
    # round 84 (22a: '今天有哪些村民提问需要我回复'): the villagers named as who asked
    r"|(?:有|还有)(?:什么|啥|哪些|几个|多少|没有)(?:人|村民|群众)?(?:问|提问)"
    r"|待办|积压|压着的问题|没处理的问题"  # round 19: '我的待办有哪些', '看下积压的问题'
    # round 20: what is not answered yet ('还有几条没回', '未答的发我'); anyone asking ('埔心有人提问吗')
    r"|(?:几|多少)(?:条|个)(?:问题)?(?:没|未|冇)(?:有)?(?:回|答|回复|回答|处理)"
    r"|^(?:没|未|冇|还没)(?:有)?(?:回|答|回复|回答|处理|解答)(?:的|嘅)"
    r"|有(?:没有)?(?:人|村民|群众)(?:提问|问问题|提问题)"  # round 33: the villagers named ('今天有村民提问吗')
    # round 30 (19i): the villagers named, anything asked ('有冇村民问问题 我睇下', '埔心村有人问嘢未 睇下')
    r"|有(?:没有)?(?:人|村民|群众)(?:问|提)(?:问题|东西)(?:未|没有|吗)?"
    # round 52 (20a): the adviser asked, what (嘢, normalised 东西) or nothing after it ('有冇村民问我嘢', '今日有冇人问我')
    # round 79 (21r: '有村民问我的问题吗 给我看看'): the questions asked of him said as his (我的问题, 我嘅问题)
    r"|有(?:没有)?(?:新的)?(?:人|村民|群众)(?:问|提问)(?:过)?我(?:的|嘅)?(?:问题|东西)?(?:未|没有|吗)?$"
    # round 21: terse ('有啥没答'); the villagers' questions named, to be listed ('村民问的 给我列下')
    # round 37 (19m): whose questions named ('我这边还有几个村民的问题没回')
    r"|(?:有|还有)(?:什么|哪些|几个|多少|几条)(?:村民|群众|人)?(?:的)?(?:问题)?(?:没|未|冇)(?:有)?(?:回|答|回复|回答|处理)"
    # round 25: counted in 单 or 张 ('有几多单未答')
    r"|(?:有|还有)?(?:几|多少)(?:单|张)(?:问题|工单)?(?:还)?(?:没|未|冇)(?:有)?(?:回|答|回复|回答|处理)"
    r"|^(?:村民|群众|大家)(?:问|提)(?:的|了的)(?:问题)?$"
    # round 22: anyone asked something still unanswered ('看看埔心那边有没有人问东西还没答')
    r"|有(?:没有)?人(?:问|提)(?:了)?(?:东西|问题|嘢|野)?(?:还|仍然)?(?:没|未|冇)(?:有)?(?:回|答|回复|回答|处理)"
    # set 19e: the tickets by their name, and what waits for me ('我的问题单', '有冇等紧我答嘅')
    r"|^(?:我的|看|看下|看看|睇下|打开)?问题单$|等(?:紧|着|住)?我(?:来)?(?:回|答|回复|回答|处理)"
    # round 25: the tickets as a ticket system names them (工单: '我名下未处理的工单有几条', '我手上还有几张工单没处理'), or
    # the questions under the adviser's name not dealt with ('我名下还没回的问题')
    r"|工单"
    r"|(?:我名下|我手上|我手头)(?:的)?(?:还有)?(?:未|没|没有|待|冇)(?:处理|回复|回答|答|解答|办)(?:的)?问题"
)


# round 27: the questions not answered yet, asked formally to be listed ('请把埔心村尚未答复的群众问题列给我看看', '麻烦把还没
# 回复的群众提问发给我看看')
# round 42 (19p): 回 alone, 将 for 把, or neither with 给我 after it ('把没回的问题发给我看看', '没回的问题给我看看')
_QUEUE_LISTED_RE = re.compile(
    rf"^{PLEASE_LEAD}(?:把|将)?[\u4e00-\u9fff]{{0,8}}?(?:尚未|还没有|还没|未|没有|没)(?:有)?"
    r"(?:答复|回复|回答|答|回|处理|解答)(?:的)?(?:村民|群众|大家)?(?:的)?(?:问题|提问)"
    r"(?:(?:列|发|拿|调)(?:出来)?(?:给我|发我)?|给我|发我)(?:看看|看一下|看下|看)?(?:一下)?$"
)


# round 39 (19n): whether any question is left not dealt with, of a village or the adviser's ('睇下埔心村仲有冇未处理嘅提问',
# '看看我们村还有没有没回答的提问')
_QUEUE_ANY_LEFT_RE = re.compile(
    r"(?:有没有|有无|有)(?:未|没|没有|冇|还没|尚未)(?:有)?(?:处理|回复|回答|答|解答|答复)(?:过)?(?:的)?(?:村民|群众)?(?:的)?(?:问题|提问)"
)


# round 41 (19o): questions counted as waiting for the adviser, nothing said after it ('今日有几多条问题等紧我', '有几个提问
# 在等我')
_QUEUE_WAITING_RE = re.compile(
    r"(?:问题|提问)(?:在|正在)?等(?:紧|着|住|在)?(?:我|你)(?:呢|啊|呀|吗)?$"
    # round 90 (22j: '村民问嘅嘢有冇新嘅 我睇下'): what the villagers asked named, then whether any is new
    r"|^(?:村民|群众|大家|农户|他们)(?:问的|提的|问我的)(?:东西|问题|事)?(?:有没有|有无)(?:新的|新)(?:问题)?(?:我)?"
    r"(?:看下|看看|看一下|看)?$"
)
# round 48 (19v): the adviser's own 待处理 (pending) named, as a list or to be seen ('睇下我个待处理列表', '我嘅待处理睇下',
# '看看我的待处理清单')
# conv106 (23c: '老师的待回复列表给我看看' had been 我的树): what waits for the answer named as such (待回复, 待回答), the
# adviser named by his title as its owner (老师的, 顾问的), 给我 before the look after it
_PENDING_WORDS = r"(?:待处理|未处理|待办|待回复|待回答|待答复|待解答|待答|待回)"
_ADVISER_TITLE = r"(?:老师|顾问|专家|技术顾问|技术员)"
_QUEUE_PENDING_RE = re.compile(
    # the lead (22w, an adviser's '待处理的提问'): 提问 as 问题, the owner left unsaid
    rf"^(?:看下|看看|看一下|查下|打开)?(?:我的|我个|我|{_ADVISER_TITLE}的)?{_PENDING_WORDS}(?:的)?(?:问题|提问|工单|事)?"
    r"(?:列表|清单|名单|单)?(?:给我|发我|俾我)?(?:看下|看看|看一下)?$"
)


# round 50 (19x): the adviser's questions named as a list, or looked at bare ('睇下我嘅问题清单', '我的问题列表', '看看问题');
# the ones not answered listed ('列出还没回复的提问', '列出待回答的问题'); what waits for the adviser's answer ('有什么要我回答
# 的'); what the villagers asked him ('村民问了我什么')
_QUEUE_NAMED_RE = re.compile(
    # round 73 (21i): wished to be seen, with some of them ('睇下啲问题': 看下些问题, '我要看问题', '看看那些问题')
    r"^(?:(?:我)?(?:要|想)?(?:看下|看看|看一下|看|查下|查看)|打开|列出|给我看)?(?:我的|我个|我|些|那些|这些|所有|全部)?(?:的)?"
    # conv88: or the villagers' ('列出村民嘅提问')
    r"(?:村民|群众|大家)?(?:的)?(?:问题|提问)(?:清单|列表|名单)?$"
    r"|^(?:列出|列下|列一下|查一下|查下|看下|看看|看一下|给我看)(?:我)?(?:还没|尚未|没有|没|未|冇|待)(?:有)?"
    r"(?:回复|回答|答|回|处理|解答|答复)(?:的)?(?:村民|群众)?(?:的)?(?:问题|提问)$"
    r"|(?:有|还有)?(?:什么|啥|哪些|几个|多少)(?:问题|提问)?(?:要|等|需要|待)(?:我)(?:来)?(?:回答|答|回复|回|解答|处理)"
    r"|(?:村民|群众|大家)(?:都)?(?:问|提)了?我(?:些)?(?:什么|啥|哪些|几个|多少)"
    # round 61 (20o, 20p): who asked the adviser ('谁问我问题了', '边个问咗我嘢'), how many he holds ('我手头有几多单', '而家
    # 手上仲有几多条问题')
    r"|^(?:有)?(?:谁|哪个|哪些人|什么人|啥人)(?:有)?(?:问|提)(?:了|过)?我(?:问题|什么|东西|嘢|野)?$"
    r"|^(?:我)?(?:手头|手上|而家|现在|目前|今日|今天)?(?:手头|手上)?(?:有|还有|仲有|一共有|总共有)(?:多少|几多|几)"
    r"(?:单|张单|个问题|条问题|条|道问题)(?:问题)?(?:要答|要回|未答|没答|待答|待回)?$"
    # round 84 (22b: '村民问嘅问题我喺边度睇', normalised 在哪里看): where the villagers' questions (to answer) are seen
    r"|^(?:我)?(?:要)?(?:回复|回答|答复|答|回)?(?:的)?(?:村民|群众|大家)(?:问|提)?(?:的)?(?:问题|提问)(?:我)?(?:要)?"
    r"(?:在|去|到)?(?:哪里|哪儿|哪|什么地方)(?:可以|能)?(?:看|查|找|查看)(?:到)?$"
)


# round 53 (20b, 20c): the villagers' questions to be listed for the adviser ('把村民的提问列出来给我', '村民嘅问题列出来俾我'),
# or the ones not answered named as 单 or questions, looked at ('睇下未答嘅单', '未回复嘅问题睇下')
_QUEUE_LIST_OUT_RE = re.compile(
    r"^(?:请|麻烦)?(?:把|将)?(?:村民|群众|大家)(?:问|提)?(?:的|些)?(?:问题|提问)(?:列|发|拿)(?:出来|下|一下)?(?:给我|发我)?"
    r"(?:看看|看一下|看下|看)?$"
    r"|^(?:看下|看看|看一下|查下|查看)?(?:还没|尚未|没有|没|未|冇)(?:有)?(?:回复|回答|答|回|处理|解答|答复)(?:的)?"
    r"(?:单|问题|提问)(?:看下|看看|看一下)?$"
)


# round 65 (20t): which or how many of the questions are left unanswered, the asking word anywhere before them ('仲有边个村民
# 问题未回', '哪个村民的提问还没答')
_QUEUE_WHICH_LEFT_RE = re.compile(
    r"(?:哪|谁|几|多少|什么|有没有)[\u4e00-\u9fff]{0,6}?(?:问题|提问|问)[\u4e00-\u9fff]{0,4}?(?:还|仍)?(?:没|未|冇)(?:有)?(?:人)?"
    r"(?:回|答|处理|解答)"
)


# round 72 (21g): a village's questions looked at, the village named where 我的 would be ('睇下埔心村啲问题', '看看埔心村的
# 问题', '埔心村的提问列表'): the adviser's 待办 of that village (handlers/escalation.py on_queue filters by it)
_QUEUE_OF_VILLAGE_RE = re.compile(
    r"^(?:看下|看看|看一下|查下|查看|打开|列出|给我看)?[\u4e00-\u9fff]{1,6}?(?:村|社区)(?:的|些|那边的|那边|嘅)?(?:村民的)?"
    r"(?:问题|提问)(?:清单|列表|名单)?(?:看下|看看|看一下)?$"
)


# round 76 (21m: '点解我个待办系空嘅'): why the adviser's 待办 is empty, asked: the 待办 (handlers/escalation.py on_queue says
# what it holds, when it has nothing)
_QUEUE_EMPTY_ASKED_RE = re.compile(
    r"^(?:为什么|怎么|为何|做什么)?(?:我的|我个|我)?(?:待办|待处理|代办)(?:事项|列表|清单)?(?:里面|里|上面)?(?:为什么|怎么|为何)?"
    r"(?:是|都|会|还|就)?(?:空的|空|一条都没有|一个都没有|一单都没有|什么都没有|没有东西|没东西|没有问题|没有嘢|没有)(?:的|了|呢|啊|呀|嘅)*$"
)
# round 76 (21n: '我想答返埔心村阿婆嗰个桂花问题'): a question the adviser wishes to answer, pointed at by its village, asker
# or tree and no number: the 待办 (of that village, the tree's first), whose footer says how to answer with the number
_ANSWER_WISHED_RE = re.compile(
    r"^(?:我)?(?:想|要|准备|打算|来|而家|现在)?(?:回答|回复|答复|解答|答|回)(?:回|一下|下)?"
    r"[\u4e00-\u9fff]{1,14}?(?:的|那个|那条|这个|这条|个)?(?:问题|提问)$"
    # round 81 (issue 17 §5; 21v '把刚才那个桂花发黄的问题列出来我看看'): or pointed at to be listed or seen (把 … 的问题
    # 列出来, 给我看看 … 的问题): the 待办, the tree's first; 怎么 (how to answer it) stays a question
    r"|^(?:请|麻烦)?(?:你)?(?:帮我)?(?:把|将)[\u4e00-\u9fff]{1,14}?(?:的|那个|那条|这个|这条|个)?(?:问题|提问)"
    r"(?:列|发|拿|调|找)(?:出来|下|一下)?(?:给我|发我|我)?(?:看看|看一下|看下|看)?$"
    r"|^(?:给我|我要|我想)?(?:看看|看一下|看下|查下|查看)(?:一下)?(?:刚才|刚刚|头先|之前|上午|早上)[\u4e00-\u9fff]{1,14}?"
    r"(?:的|那个|那条|这个|这条|个)?(?:问题|提问)$"
)


# round 79 (21r: '回答村民要用什么格式' had been answered the FAQ's family planting): how the adviser answers the villagers,
# asked (怎么回复村民的提问, 答村民问题要咩格式, 回答问题怎么操作): the help with the adviser's commands (handlers/core.py,
# for advisers only: a villager's '怎么回复' is no adviser's). Read on the normalised text (咩 -> 什么, 点样 -> 怎么)
_ANSWER_VERB = r"(?:回答|回复|答复|解答|答|回)"
_ANSWERED = r"(?:村民|群众|大家|农户|他们|佢哋)?(?:的|嘅)?(?:问题|提问)?"
_ANSWER_HOW_RE = re.compile(
    rf"^(?:我)?(?:要|应该)?(?:怎么|怎样|如何|咋)(?:样)?(?:去)?{_ANSWER_VERB}{_ANSWERED}$"
    rf"|^(?:我)?{_ANSWER_VERB}{_ANSWERED}(?:要|应该|需要|得)?(?:用|按|是|系)?(?:什么|哪种|哪个|啥)(?:格式|方式|样式|写法|办法)"
    rf"(?:的|呢|啊|呀|吗)?$"
    rf"|^(?:我)?{_ANSWER_VERB}{_ANSWERED}(?:要|应该|需要)?(?:怎么|怎样|如何|咋)(?:样)?(?:发|写|弄|操作|搞|做|用)(?:的|呢|啊|呀)?$"
    rf"|^(?:我)?{_ANSWER_VERB}{_ANSWERED}的?(?:格式|方式|写法)(?:是)?(?:什么|怎样|怎么样)(?:的|呢|啊|呀)?$"
    # round 81 (issue 17 §5; 21s '顾问用什么命令回答问题'): the command asked, before the answering or after it, the
    # adviser naming himself first ('顾问用什么命令回答问题', '回答问题发什么指令', '专家要用哪个命令回复村民'); normalize
    # writes 令 as 让 (Cantonese), so both
    rf"|^(?:我|顾问|专家|技术顾问|我们顾问)?(?:要|应该|需要|得)?(?:用|发|打|按)(?:什么|哪个|哪种|啥)(?:命令|命让|指令|指让|口令|口让|格式)"
    rf"(?:来|去)?{_ANSWER_VERB}{_ANSWERED}(?:的|呢|啊|呀)?$"
    rf"|^(?:我|顾问|专家|技术顾问)?{_ANSWER_VERB}{_ANSWERED}(?:要|应该|需要|得)?(?:用|发|打|按)(?:什么|哪个|哪种|啥)"
    r"(?:命令|命让|指令|指让|口令|口让)(?:的|呢|啊|呀)?$"
)


def answer_how_asked(norm: str) -> bool:
    """Round 79: how to answer the villagers' questions, asked (normalised text); for advisers only."""
    return bool(norm and len(norm) <= 20 and _ANSWER_HOW_RE.match(norm.rstrip("?？。!！")))


def queue_empty_asked(norm: str) -> bool:
    """Round 76: why the 待办 is empty, asked ('我的待办怎么是空的'), normalised text."""
    return bool(norm and _QUEUE_EMPTY_ASKED_RE.match(_INTENT_PARTICLES_RE.sub("", norm)))


def answer_wished(norm: str) -> bool:
    """Round 76: a question wished answered, with no number ('我想答回埔心村阿婆那个桂花问题'), normalised text; for
    advisers only (handlers/escalation.py: the 待办)."""
    return bool(norm and len(norm) <= 30 and _ANSWER_WISHED_RE.match(_INTENT_PARTICLES_RE.sub("", norm)))


# conv96 (22o: '村民问桂花黄叶嗰条 我想再睇下' had been the FAQ's, a tree named in it): one question pointed at by what it
# asked (its tree, its trouble), who asked it first or not, to be looked at (again): ``what`` (桂花黄叶), for an adviser's
# 待办 (handlers/escalation.py: the one ticket that matches, or those that do); the look wished before or after it
_TICKET_ASKER = r"(?:(?:[\u4e00-\u9fff]{1,6}?)(?:问的|问了|问|发的|发了|提的))?"
_TICKET_POINTER = r"(?:的)?(?:那|这)(?:一)?(?:条|单|个|件)(?:问题|提问)?"
_TICKET_LOOKED_AT = (
    r"(?:我)?(?:想|要|先)?(?:再|重新)?(?:打开|调出来|找出来)?(?:给我|我)?"
    r"(?:看下|看看|看一下|看一看|看回|看|睇)(?:一下|下)?(?:先|吧|啦)?"
)
_TICKET_DESCRIBED_RE = re.compile(
    rf"^{_TICKET_ASKER}(?P<what>[\u4e00-\u9fff]{{2,8}}?){_TICKET_POINTER}{_TICKET_LOOKED_AT}$"
    rf"|^{_TICKET_LOOKED_AT}{_TICKET_ASKER}(?P<what2>[\u4e00-\u9fff]{{2,8}}?){_TICKET_POINTER}$"
)


def ticket_described(norm: str) -> str | None:
    """Conv96: what one question pointed at to be looked at asked ('村民问桂花黄叶那条我想再看下' -> '桂花黄叶'), in a
    short normalised text; None otherwise."""
    bare = re.sub(r"[\s,，。.!！?？]", "", _INTENT_PARTICLES_RE.sub("", norm or ""))
    found = _TICKET_DESCRIBED_RE.match(bare) if bare and len(bare) <= 30 else None
    return (found["what"] or found["what2"]) if found else None


# round 93 (22m: '村民问嘅嘢喺边度睇'): where or how the adviser sees what the villagers asked (him), the where or the how
# before it or after ('点样睇村民问我嘅嘢', '边度可以睇到村民发嘅问题', '大家问嘅问题喺边'; normalised 在哪里, 怎么看,
# 哪里可以看到): what they asked is their questions, asks, or things (嘢, normalised 东西)
_ASKED_BY_VILLAGERS = (
    r"(?:村民|群众|大家|农户|老百姓|乡亲)(?:们)?(?:的)?(?:问|提|发|提出|发来)(?:了|过)?(?:给)?(?:我)?(?:的|些)?"
    r"(?:问题|提问|东西|事情|事)"
)
_SEE = r"(?:看|查|找|查看|睇)(?:到|得到)?"
_QUEUE_WHERE_RE = re.compile(
    rf"^(?:我)?(?:要|应该|可以)?(?:在|去|到)?(?:哪里|哪儿|哪|什么地方)(?:可以|能|才能|先可以)?{_SEE}{_ASKED_BY_VILLAGERS}$"
    rf"|^(?:我)?(?:要|应该|可以)?(?:怎么|怎样|如何)(?:才能|先可以|可以|能)?{_SEE}{_ASKED_BY_VILLAGERS}$"
    rf"|^{_ASKED_BY_VILLAGERS}(?:我)?(?:要|应该|可以)?(?:在|去|到)?(?:哪里|哪儿|哪|什么地方)(?:可以|能)?(?:{_SEE})?$"
    rf"|^{_ASKED_BY_VILLAGERS}(?:我)?(?:要|应该|可以)?(?:怎么|怎样|如何)(?:才能|可以|能)?{_SEE}$"
)


# round 94 (22n: '睇下我收到嘅问题' had been small talk): the questions the adviser received, looked at or counted ('看下有什么
# 问题问我', '我收到了多少条问题', '给我看下村民问我的问题', '有没有新问题给我看下'); 收到 or 问我 makes them his
_RECEIVED = r"(?:我收到(?:了)?的|(?:村民|大家|群众)?问我的|(?:发)?给我的|(?:村民|大家|群众)(?:问|提)(?:了)?的)"
# the lead, fiftieth session (22p: '…我想再睇下'): a wish to look (again) before it ('我想再看下村民问的问题')
_LOOK = r"(?:我)?(?:想|要)?(?:再)?(?:给我|帮我)?(?:看下|看看|看一下|查下|查看|查查|看回|看返|看)"
_QUEUE_RECEIVED_RE = re.compile(
    rf"^{_LOOK}?{_RECEIVED}(?:新)?(?:问题|提问)(?:清单|列表)?(?:{_LOOK})?$"
    rf"|^{_LOOK}?有(?:什么|哪些|多少|几多)(?:新)?(?:问题|提问)(?:问我|给我|发给我)(?:了)?(?:{_LOOK})?$"
    rf"|^{_LOOK}?有没有(?:新)?(?:的)?(?:问题|提问)(?:问我|给我|发给我)(?:{_LOOK})?$"
    r"|^我收到(?:了)?(?:多少|几)(?:条|个)?(?:新)?(?:问题|提问)(?:了)?$"
)


# round 99 (22t: '村民的问题列表给我看看' had been the FAQ's how-to; '把村民提的问题给我看一下' a ticket): the villagers'
# questions named, however they are said (提的, 问的, 发来的, 的 ... 列表, 清单), to be shown, listed or looked at, the
# look before them or after: the 待办; how to answer them (怎么回答) stays the help
_VILLAGERS_QUESTIONS_RE = re.compile(
    r"(?:村民|群众|大家|农户|老百姓|乡亲|村里)(?:们)?(?:的|些)?(?:提|问|发|提出|发来|问过|提过)?(?:了|过)?(?:的|些)?"
    r"(?:问题|提问)(?:列表|清单|名单|记录)?"
)
_SHOWN_RE = re.compile(r"看|睇|查|列|调出|拿出|发给我|发我|给我|俾我")


def villagers_questions_shown(norm: str) -> bool:
    """Round 99: the villagers' questions wished shown ('村民的问题列表给我看看', '把村民提的问题给我看一下')."""
    named = _VILLAGERS_QUESTIONS_RE.search(norm)
    if named is None or len(norm) > 24 or _HOW_RE.search(norm) or is_question(norm):
        return False
    return bool(_SHOWN_RE.search(norm[: named.start()]) or _SHOWN_RE.search(norm[named.end() :]))


# conv101 (22x: '埔心村啲村民问咗咩 我睇下边啲未答', '村民问我的问题有哪些还没回复'): the villagers' questions named as what
# they asked, and which are not answered yet asked (哪些还没回复, 边啲未答: normalised 哪些): the 待办
_VILLAGERS_ASKED_RE = re.compile(r"(?:村民|群众|大家|农户|乡亲)(?:们)?[\u4e00-\u9fff]{0,4}?(?:问|提)")
# conv106 (23d: '最近村民问了什么还没回复的 给我看看' had been the FAQ's reply times): or what they asked (什么, 啥)
_WHICH_UNANSWERED_RE = re.compile(
    r"(?:哪些|哪几条|哪几个|哪条|什么|啥)(?:还|仍然)?(?:没有|没|未)(?:有)?(?:人)?(?:答|回|回复|回答|处理)"
    # conv111 (23h: '埔心村啲村民问嘅嘢 仲有几多条冇人答' had been a ticket): or how many still wait (还有多少条没有人答)
    r"|(?:还|仍然)?有(?:多少|几)(?:条|个|单|件)(?:问题|提问)?(?:还|仍然)?(?:没有|没|未)(?:有)?(?:人)?(?:答|回|回复|回答|处理)"
)
# conv111: how many still wait for an answer, asked with nothing else ('仲有几多条冇人答'): the adviser's 待办 (read for
# staff only, handlers/escalation.py; a villager's own questions asked after stay ticket_wait's)
_HOW_MANY_UNANSWERED_RE = re.compile(
    r"^(?:还|仍然|现在)?有(?:多少|几)(?:条|个|单|件)(?:问题|提问)?(?:还|仍然)?(?:没有|没|未)(?:有)?(?:人)?"
    r"(?:答|回|回复|回答|答复|处理)(?:的)?$"
)
# conv106 (23d: '刚收到提醒说有问题超时了 是哪几条' had been the FAQ's 退订): the questions past their time (超时, 逾期), which
# asked: the 待办 (the overdue ones are in it)
_OVERDUE_WHICH_RE = re.compile(
    r"(?:问题|提问|工单)(?:已经)?(?:超时|逾期|超期|过期|到期)(?:了)?[\u4e00-\u9fff]{0,2}?"
    r"(?:哪几条|哪些|哪条|哪几个|哪个|几条|哪几单|哪单)"
)


# conv106 (23c: '我今日得闲 睇下有边个问咗嘢要我覆' had been the FAQ's how long replies take): whoever asked something
# that waits for the adviser's answer (有谁问了问题要我回, 有没有人问东西要我答), the look before it; read on the clause
# after a pause too (handlers/escalation.py: the tails)
_ASKED_FOR_MY_ANSWER_RE = re.compile(
    rf"^{_LOOK}?(?:有没有|有)?(?:谁|哪个|哪些人|什么人|啥人|人|村民|群众)(?:有)?(?:问|提)(?:了|过)?(?:我)?"
    rf"(?:问题|什么|东西|嘢|野|事)?(?:要|等|需要|待)(?:我)(?:来)?{_ANSWER_VERB}(?:的)?$"
)


# conv110 (23g: '今日有冇新嘅村民提问' had become a ticket): whether new questions came in, asked (今天有没有新的村民提问, 最近有新的
# 群众提问吗), a time said before it or not: new (新) or the villagers' (村民, 群众) said of them; the 待办
_QUEUE_TIME = r"(?:今天|今早|今朝|今晚|今天早上|今天上午|今天下午|最近|这两天|这几天|刚才|刚刚|头先)"
_QUEUE_ASKERS = r"(?:村民|群众|农户|乡亲|大家)(?:们)?"
_QUEUE_NEW_RE = re.compile(
    rf"^{_QUEUE_TIME}?(?:有没有|有无|有什么|有多少|有几条|有)(?:"
    rf"新(?:的)?(?:{_QUEUE_ASKERS})?(?:的)?|(?:{_QUEUE_ASKERS})(?:的)?(?:新)(?:的)?|(?:新的)?{_QUEUE_ASKERS}(?:的)?)"
    r"(?:问题|提问)(?:进来|来了|发来|发过来)?(?:吗|没有)?$"
)


def queue_asked(norm: str, species_table: Mapping) -> bool:
    """The questions waiting for the adviser, asked in words (read for advisers only: a villager's '问题回答了没有' is
    about their own ticket); not a question about a tree ('龙眼的问题怎么回答'). The politeness before it is left out
    (conv88, 22f: '唔该列出未答嘅提问')."""
    norm = request_frames.without_politeness(norm)
    if norm and len(norm) <= 30 and _QUEUE_LISTED_RE.match(norm):
        return not find_species(norm, species_table)[0]
    if norm and len(norm) <= 24 and _QUEUE_WHERE_RE.match(_INTENT_PARTICLES_RE.sub("", norm.rstrip("?？"))):
        return not find_species(norm, species_table)[0]  # round 93
    if norm and len(norm) <= 24 and _QUEUE_RECEIVED_RE.match(_INTENT_PARTICLES_RE.sub("", norm.rstrip("?？"))):
        return not find_species(norm, species_table)[0]  # round 94
    if norm and len(norm) <= 24 and _QUEUE_NEW_RE.match(_INTENT_PARTICLES_RE.sub("", norm.rstrip("?？"))):
        return not find_species(norm, species_table)[0]  # conv110
    if norm and villagers_questions_shown(_INTENT_PARTICLES_RE.sub("", norm)):
        return not find_species(norm, species_table)[0]  # round 99
    if norm and len(norm) <= INTENT_MAX_CHARS and _ASKED_FOR_MY_ANSWER_RE.match(_INTENT_PARTICLES_RE.sub("", norm)):
        return not find_species(norm, species_table)[0]  # conv106
    if norm and len(norm) <= 30 and _OVERDUE_WHICH_RE.search(norm):
        return not find_species(norm, species_table)[0]  # conv106
    asked = _VILLAGERS_ASKED_RE.search(norm or "")
    if asked and len(norm) <= 30 and _WHICH_UNANSWERED_RE.search(norm, asked.end()):
        return not find_species(norm, species_table)[0]  # conv101
    if norm and _HOW_MANY_UNANSWERED_RE.match(_INTENT_PARTICLES_RE.sub("", norm)):
        return True  # conv111
    if not norm or len(norm) > 16 or _HOW_RE.search(norm):
        return False
    asked = _QUEUE_RE.search(without_show_me(norm)) or _QUEUE_ANY_LEFT_RE.search(norm)  # round 39
    asked = asked or _QUEUE_WAITING_RE.search(norm) or _QUEUE_PENDING_RE.match(norm)  # round 41, 48
    asked = asked or _QUEUE_NAMED_RE.search(_INTENT_PARTICLES_RE.sub("", norm))  # round 50
    asked = asked or _QUEUE_LIST_OUT_RE.match(_INTENT_PARTICLES_RE.sub("", norm))  # round 53
    asked = asked or _QUEUE_WHICH_LEFT_RE.search(norm)  # round 65
    asked = asked or _QUEUE_OF_VILLAGE_RE.match(_INTENT_PARTICLES_RE.sub("", norm))  # round 72
    return bool(asked) and not find_species(norm, species_table)[0]


# round 21: a villager asking after their own question ('我问的还没人回', '专家回了没有', '还有几条没回' from a villager):
# the waiting explained (handlers/escalation.py ticket_wait, with an open ticket), never a new ticket nor a 补充
# nobody replied ('还没人回', '一直冇人理', normalised 没有人理): asked after here, complained of in the FAQ's complaint
# class (bot/faq.py: a person chases it)
# conv110 (23g: '点解流胶嘅 仲未有人答' after 问专家 had become a second ticket): not yet said with 未 too (仲未有人答, 还未有人回)
_NOBODY_REPLIED = r"(?:没|无|未)(?:有)?人(?:回|答|回复|回答|理|管|睬)"
_WAIT_ASKED_RE = re.compile(
    _NOBODY_REPLIED
    + r"|(?:专家|顾问|老师|技术员|问题|问的)(?:还)?(?:有人)?(?:回|答|回复|回答)(?:了)?(?:没有|没|吗|未)$"
    r"|(?:专家|顾问|老师|技术员)(?:什么时候|几时|多久|怎么还不)(?:才)?(?:回|答|回复|回答)"
    # the lead (41st, the simulator: '几时有人答我' got the FAQ's general card, not its own question's number): when anyone
    # will answer, the adviser not named ('几时有人答我', '要等几耐先有人回', '什么时候才有人理我')
    r"|(?:什么时候|几时|多久|几耐)(?:才|先)?(?:会)?有人(?:回|答|回复|回答|理|睬|看)(?:我)?(?:的问题)?$"
    # round 65 (20s): whether the adviser has seen or received it ('专家睇到未', '顾问有冇睇过', '老师看到我的问题没有')
    r"|(?:专家|顾问|老师|技术员)(?:还)?(?:有没有)?(?:看|收|睇|接)(?:到|了|过|见)?(?:了)?(?:我的|我)?(?:问题|提问)?"
    r"(?:没有|没|吗|未|么)$"
    r"|(?:专家|顾问|老师|技术员)(?:还)?有没有(?:看|收|睇|接)(?:到|了|过|见)?(?:我的|我)?(?:问题|提问)?$"
    # round 70 (21c): whether anyone looks at it, the adviser not named ('仲有冇人睇啊', '有人理我吗', '到底有没有人管')
    r"|^(?:到底|究竟)?(?:还)?(?:有没有|有)人(?:看|睇|理|管|睬|回|答|回复|回答|处理|跟进)(?:过|到|了|下|一下)?(?:我的|我)?(?:问题)?"
    r"(?:吗|没有|没|未|么)?$"
    # round 81 (issue 17 §5; 21s '喂有冇人睇到我问嘅三角梅'): the question pointed at as what the sender asked, its tree or
    # trouble named ('有人看到我问的三角梅吗', '有没有人回我问的那个桂花')
    r"|^(?:到底|究竟)?(?:还)?(?:有没有|有)人(?:看|睇|理|管|回|答|回复|回答|处理|跟进)(?:过|到|了|下|一下)?我(?:问|提)(?:的|嘅|过的)"
    r"(?:那个|嗰个|个)?[\u4e00-\u9fff]{1,8}?(?:问题|那个|的事)?(?:吗|没有|没|未|么)?$"
)


# round 51 (issue 17 §1): 问专家 followed by how long the adviser's reply takes ('问专家一般多久回复', '问专家的事情一般几天能
# 有答复', '问专家要等几耐先有人覆'): a question about the service (bot.ticket_wait), never a ticket of its own; a question
# put to the adviser that says 多久 ('问专家 龙眼多久浇一次水') asks no reply
_EXPERT_WAIT_RE = re.compile(
    r"^问专家(?:的|嘅)?(?:问题|事情|事)?(?:之后|以后|后|了)?(?:要|一般|通常|大概|大约)?(?:等)?(?:多久|几耐|多长时间|几天|几日|几个钟|什么时候|几时)"
    r"(?:先|才|能|会|可以|就)?(?:有)?(?:人)?(?:回|答复|回复|覆|回音|答|回答|应)"
    # round 53: the wait said by 等 alone, the text ending there ('问专家的问题一般要等多久', '问专家要等几耐')
    r"|^问专家(?:的|嘅)?(?:问题|事情|事)?(?:之后|以后|后|了)?(?:一般|通常|大概|大约)?(?:要|需要)?(?:一般|通常|大概|大约)?等"
    r"(?:多久|几耐|多长时间|几天|几日|几个钟)(?:啊|呀|呢|吖|㗎|啦|哦)?$"
    # round 99: 问专家的问题 is what was asked, then not answered yet ('问专家的问题几天都没答复'): the wait, no new question
    r"|^问专家(?:的|嘅)(?:问题|事情|事)[^。？！?!]{0,8}(?:没|冇|未|不)(?:有)?(?:人)?(?:回|答复|回复|覆|回音|答|回答|理)"
)


def expert_wait_asked(text: str) -> bool:
    """'问专家一般多久回复': how long the adviser takes, asked after 问专家 (the text normalised here)."""
    return bool(_EXPERT_WAIT_RE.search(normalize(text or "")))


# round 82 (issue 17 §1, set BL's '问专家怎么问'): 问专家 followed only by how to ask ('怎么问', '点样用', '要怎么发'): the way to
# ask one (bot.advisers), no question put to an adviser yet
_EXPERT_HOW_RE = re.compile(r"^问专家(?:要|应该|该|是)?(?:怎么|怎样|如何)(?:问|用|发|弄|操作)(?:的|呢|啊|呀|法)?$")


def expert_how_asked(text: str) -> bool:
    """'问专家怎么问': how to ask an expert, asked after 问专家 (the text normalised here: 点样 is 怎么)."""
    return bool(_EXPERT_HOW_RE.match(re.sub(r"\s+", "", normalize(text or ""))))


def nobody_replied(norm: str) -> bool:
    """'上个礼拜问的问题一直没人回': a reply that has not come, said (normalised text)."""
    return bool(_NOBODY_REPLIED_RE.search(norm or ""))


_NOBODY_REPLIED_RE = re.compile(_NOBODY_REPLIED)


# round 68 (20z: '唔该快啲答我' after 问专家 桃树流胶): the answer hurried, politely or not ('快点回复我啦', '麻烦专家尽快答下'):
# asking after the question sent (no new ticket, no 补充); Cantonese 唔该 (please) is normalised 不该
_HURRIED_RE = re.compile(
    rf"^(?:{_PLEASE})?(?:{_YOU}|专家|顾问|老师)?(?:可以|可不可以|能不能)?"
    r"(?:快些|快点|快一点|快一些|尽快|早些|早点|早一点|快手|赶快|赶紧)(?:帮我)?"
    r"(?:答|回|回复|答复|回答|覆|解答|处理)(?:我|一下|下)?(?:好吗|得不得|可以吗|行吗|得吗)?$"
)


# conv100 (22v: '催下专家 快啲答我' had become a second ticket): the answer urged by 催 (催下专家, 帮我催一下, 催催佢), alone or
# with the answer hurried, the urgency (急用) or why it has not come (专家点解仲未答) said beside it: asking after the question
# sent; 催 of anything else ('催芽要怎么弄') is a question of its own
_URGED_RE = re.compile(
    rf"(?:{_PLEASE})?(?:{_YOU})?(?:帮我|帮忙|同我|给我|替我)?催(?:催|促)?(?:一下|下|吓)?"
    r"(?:专家|顾问|老师|技术员|它|他|她)?(?:们)?(?:一下|下)?"
)
_URGENT_RE = re.compile(r"^(?:我)?(?:急用|好急|很急|急|急死了|急死|等着用|赶时间)$")
_NOT_ANSWERED_WHY_RE = re.compile(
    r"^(?:专家|顾问|老师|技术员|你们|你)?(?:为什么|怎么|点解|为啥)(?:还|仍然|都|到现在)?(?:未|没有|没|不)(?:有)?(?:人)?"
    r"(?:回|答|回复|回答|覆|理)(?:我)?$"
)


def _urged(bare: str) -> bool:
    """Conv100: the answer urged with 催, nothing else said beside it but the hurry, the urgency or why it has not come."""
    found = _URGED_RE.search(bare)
    if found is None:
        return False
    head, tail = bare[: found.start()], bare[found.end() :]
    beside = (_HURRIED_RE, _URGENT_RE, _NOT_ANSWERED_WHY_RE)
    return all(not part or any(r.match(part) for r in beside) for part in (head, tail))


def wait_asked(norm: str, species_table: Mapping) -> bool:
    """A short text asking after a question already sent: '我问的还没人回', '专家回了没有', or the queue's words from a
    villager ('还有几条没回': their own questions); not a how-to ('怎么问专家'); round 68: the answer hurried ('唔该快啲
    答我')."""
    if not norm or len(norm) > INTENT_MAX_CHARS:
        return False
    if _ZONE_WORD_RE.search(norm):
        return False  # round 79 (21t: '党员责任区还有哪几片冇人管'): the zones, nobody holding them (bot/zones.py)
    bare = _INTENT_PARTICLES_RE.sub("", norm)
    if _urged(bare):
        return True  # conv100
    return bool(_WAIT_ASKED_RE.search(bare) or _HURRIED_RE.match(bare)) or queue_asked(norm, species_table)


_ZONE_WORD_RE = re.compile(r"责任区|管护区|护绿区")


# the record in progress dropped in words (取消): '刚才那个不要了', '发错了', '照片发错了', '刚刚那张不算', '算了不记了',
# '不要这条了', '唔要啦', '删掉刚才那个', '搞错了'; the words name only the last thing sent, never a tree or a name
_THAT_ONE = (
    r"(?:刚才|刚刚|头先|之前|前面|上面|上一条|上一张|这条|那条|这个|那个|这张|那张|呢个|嗰个|呢张|嗰张|的|我|都|全部|"
)
_THAT_ONE += r"照片|相片|图片|图|相|记录|这次|那次|一条|张|个|条|算了|唉|它|先|不对"  # 不对 first: round 21
# set 19e: the record named by what it is ('取消刚刚那条种树记录'), 'for now' after it ('那个不要住')
_THAT_ONE += r"|种树记录|种树的记录|住"
# round 38 (19m): the drop asked for after it ('刚才报的那个不作数 帮我撤掉')
_THAT_ONE += r"|帮我|帮忙|给我"
# round 59 (20k): the record pointed at as reported ('唔好算啱先报嗰两棵': 报 before 那)
_THAT_ONE += r"|报"
# round 47 (19t): Cantonese 算数 (never mind) before or after the drop ('唔要啦 算数', '删咗佢 算数'); never alone
_THAT_ONE += r"|算数"
# round 50 (19x): the record named as the order it is (单: '唔记呢单', '唔要呢单喇'), never mind as 算啦 ('算啦 唔记呢单')
_THAT_ONE += r"|这单|那单|呢单|嗰单|这笔|那笔|算啦"
# round 90: by a slip of the hand before the drop ('唔小心发错图')
_THAT_ONE += r"|不小心|手滑"
# round 95 (22o: '呢条唔要住', '今次唔算'): the record pointed at in Cantonese (呢条, 嗰条), or this time's (今次, 这回)
_THAT_ONE += r"|呢条|嗰条|今次|这回"
# round 66 (20v): the photo pointed at, its 张 gone in 张相 read 照片 ('唔要呢张相': 不要呢照片)
_THAT_ONE += r"|(?:这|那|呢|嗰)(?=照片|相片|图片|相|图)"
# round 52 (20a): the trees just said pointed at by their count ('唔好登记头先嘅两棵荔枝', '唔好记头先嗰两棵'): it had been
# recorded as 2 荔枝, the negation left out
_THAT_ONE += (
    rf"|(?:那|这|呢|嗰)?(?:\d+|[{_CN_NUM}]{{1,3}}){_MEASURE}(?:[{_CJK}]{{0,4}}?(?=不要|不用|别|不记|不登|不算|$))?)"
)
_DROP = (
    r"(?:不用记录|不要记录|别记录|不要登记|不用登记|不要记住|不要记|不要|不算数|不算|不作数|不作准|不记|不登记|不用记|删掉|删除|删了|删|撤回|撤销|撤掉|撤了|作废|取消掉|取消|搞错|弄错"
    # round 76 (21n: '影错相 要删咗佢', a record finished): the photo named after its slip (影错相, 拍错照片), the same
    # retraction of the one reader (while a record is collected too: its 取消)
    r"|(?:发|拍|影|传|选|揿|按|点)错(?:了)?(?:照片|相片|图片|相|图)"
    r"|发错|拍错|讲错|说错|错了|影错|记错|打错"
    r"|不用报|不要报|别报|不报"  # conv106 (23d: '算了 这条不报了' had been a ticket): not to be reported
    r"|报错|登记错|填错"  # round 94 (22n: '头先嗰个删咗佢 报错咗'): reported wrong
    r"|揿错|按错"  # round 90 (22k: '撳错咗 唔系想报种树'): pressed wrong (Cantonese 撳, normalised 揿)  # round 22: 取消 first ('取消刚才那个'), said wrong ('讲错咗')
    r"|撤(?=了|它|佢|咗|$))"  # round 68 (20y): 撤 alone, its 了 a particle ('啱啱报嗰条帮我撤咗')
)
# after the retraction: 取消 itself, or why ('我还没种呢': not planted yet)
_DROP_AFTER = (
    r"(?:取消|我还没种好|还没种好|没种好|我还没种|还没种|没种)(?:住|着)?"  # round 22: 未种住 (not planted yet)
    # round 66 (20v): not planted after all, in Cantonese and Hakka 冇种到 (没有种到: '讲错 冇种到')
    r"|(?:我)?(?:还|都)?(?:没有|未)(?:种|种到|种好|种成)(?:住|着)?"
    # round 36: to be done again ('刚刚报的那个作废 我重新来', '…我重新报')
    r"|(?:我)?(?:重新|再)(?:来|报|发|弄|记|登记|影|拍)(?:过|一次|一遍|过一次|一张)?"  # round 38: 再影过 (taken again)
    # round 75 (21m): the photo disowned after it ('发错相 唔系呢张', '影错相 不是这张')
    r"|不是(?:这|那|呢|嗰)(?:张|幅|个)(?:照片|相片|相|图)?"
)
# round 39 (19n): not to be counted ('这张不要算 是别人家的'); round 59 (20k): counted in (计, 算进去: '那两棵荔枝唔好计',
# '刚才那两棵别算进去')
_DROP = rf"(?:(?:不要|别|不用|不)(?:算|计)(?:进去|入去|在内|埋|数)?|{_DROP})"
_DROP_RE = re.compile(
    # round 76: the drop wished (要删了它) after the slip said
    rf"^{_THAT_ONE}*{_DROP}(?:{_THAT_ONE}|{_DROP}|{_DROP_AFTER}|了|啦|哈|掉|要(?=删|撤|作废|取消))*$"
)  # round 50: 取消哈, 作废掉
# round 20: the last thing sent named (刚才…), what it was after it, the retraction last ('刚才那张是隔壁屋的树 作废',
# '刚才讲的两棵荔枝先不要记 还没种好'): a longer text, read only while something is in progress (handlers/core.py)
_LAST_SENT_DROP_RE = re.compile(
    # round 21: the photo named as this one ('这张是隔壁家的树 拍错了')
    rf"^(?:刚才|刚刚|头先|上一条|上一张|这张|那张|呢张|这条)[{_CJK}0-9]{{0,14}}?(?:先)?{_DROP}(?:{_DROP}|{_DROP_AFTER}|了|啦|它)*$"
)


# set 19e: asked politely first ('唔该帮我取消啱啱嗰条种树记录 影错咗', '麻烦你帮我删掉刚才那张'): left out before it is read
_PLEASE_FIRST_RE = re.compile(rf"^(?:{_PLEASE})(?:{_YOU})?(?:{_HELP_ME})?|^(?:{_HELP_ME})(?=[删撤取作])")


# withdraw83 (a blind set's miss: '把刚才那条记录撤回', the record just finished, had been the FAQ's): what is dropped put
# first by 把 / 将, asked politely or not, the record then pointed at
_DISPOSAL_FIRST_RE = re.compile(r"^(?:请|麻烦|唔该)?(?:你|您)?(?:帮我)?(?:把|将)(?=刚|头先|上一|这|那|呢|嗰|之前|我)")
_PLEASE_LEAD_RE = re.compile(rf"^{PLEASE_LEAD}")
# the lead, forty-eighth session (22l: '退订 || 我话退订啊'; '我说了退订' had opened a ticket): the command insisted on,
# 'I said', 'I've already said' before its word (normalised: 咗 is 了), a particle after it
_INSISTED_LEAD_RE = re.compile(r"^我(?:都|已经|早就|刚才|头先)?(?:说|话|讲)(?:了|过)?")
_END_PARTICLES_RE = re.compile(r"(?:啊|呀|啦|喇|嘛|咯|喔|哦)+$")


def without_please(norm: str) -> str:
    """'不该帮我退订' -> '退订' (``normalize``d: 唔该 is 不该): the please and the help-me before a command's word left out,
    or the 'I said' of a command insisted on ('我说了退订', '我都讲了退订啦'), and a particle after it; '' when there is
    none (the text as it is is read by the command's own words)."""
    text = norm or ""
    bare = _END_PARTICLES_RE.sub("", _INSISTED_LEAD_RE.sub("", _PLEASE_LEAD_RE.sub("", text, count=1), count=1))
    return bare if bare != text else ""


# round 25: put off till later, said after a retraction ('取消吧 明天再弄', '唔要住 听日再讲', '算了 下次再记'): when, then
# again or later, and nothing more
_PUT_OFF_RE = re.compile(
    # not planted yet first ('唔种住 等落雨先'), then later, or waiting for something ('等落雨先', '过两日先')
    r"^(?:我)?(?:还没种|没种|不种住|不种先|先不种|未种)?(?:住|先)?"
    # round 27: later in Cantonese (迟啲, normalised 迟些; 第日: another day), reported then ('唔啱 取消先 迟啲再报')
    r"(?:(?:明天|听日|明日|后天|下次|下回|改天|过两天|过两日|过几天|过几日|等下|等阵|晚点|迟点|迟些|迟下|晚些|第日|第二日|过阵|回头|之后"
    r"|以后|下午|晚上|有空|改日"  # round 89: 改日 (another day: '今日种唔切 改日先报')
    # round 78 (21r): a longer while ('不种了 下个月再说', '唔种住 下个礼拜先讲', '先不种了 明年再说')
    r"|下个月|下月|下个礼拜|下礼拜|下个星期|下星期|下周|明年|出年|过段时间|过一段时间|过阵子|过一阵|迟些日子)"
    r"(?:先|才)?(?:再|先|才)?(?:来|弄|搞|整|记|发|讲|说|拍|影|种|报|重新|重新发|重新记|算|处理)?(?:过)?"
    # round 90 (22j: '算数喇 等阿仔返嚟先再报'): waiting for someone back (a longer wait, 先再), or for them to report it
    r"|等[\u4e00-\u9fff]{1,6}?(?:先|再|才){1,2}(?:种|弄|搞|发|记|讲|说|报|登记)?"
    r"|等[\u4e00-\u9fff]{1,6}?(?:先|再|才)?(?:帮我|帮手|替我|帮)(?:报|登记|上报|记))(?:吧|啦|了|先)*$"
)


_GIVEN_UP_RE = re.compile(
    r"^(?:算|算了|算啦|算罢|罢了|罢|不弄了|不搞了|不记了|先不记|先不弄|不要住|不要先"
    r"|算数|算数啦|算数了"  # round 52: Cantonese 算数 (never mind) before a put-off ('算数啦 暂时唔种')
    # round 84 (22a: '算咯唔要', '唔要喇算数'): never mind and not wanted, together in one breath, either first
    r"|算(?:了|啦|咯|罢|数)?(?:不要|不用)(?:了|啦|喇|咯|住)?|(?:不要|不用)(?:了|啦|喇|咯)?算(?:了|啦|咯|罢|数)?)$"
)


def given_up(norm: str) -> bool:
    """'算了': never mind, said alone, or round 33's not now ('唔记录住啦', '先不记录了'): a retraction only before a put-off
    (handlers/core.py: '… 等我种好先讲')."""
    return bool(norm and (_GIVEN_UP_RE.match(norm) or _NOT_TODAY_RE.match(norm)))


# the lead (43rd session, 21s): never mind said by voice in one breath, no pause after it
_SAID_PARTICLES_RE = re.compile(r"[了啦呀啊吧呢哦喔嘛咯噢喇]+$")


# tidy75: no need, said alone ('唔使喇' normalised 不用喇, '不用了', '唔要啦'): never mind too
_NO_NEED_ALONE_RE = re.compile(r"^(?:不用|不要)$")


def never_mind_said(norm: str) -> bool:
    """Never mind said alone, its particles after it ('算啦', '算了吧', '罢了', '算咯唔要', '唔要喇算数', '算数啦', '唔使喇'):
    with nothing in progress the chat's 'all right' (handlers/faq.py; it had been a ticket, a card or 'you're welcome'),
    with a record waiting 取消 (handlers/core.py's ``given_up``); never a not-now ('先不报了': ``given_up``'s own)."""
    bare = _SAID_PARTICLES_RE.sub("", norm or "")
    return bool(bare) and bool(_GIVEN_UP_RE.match(bare) or _NO_NEED_ALONE_RE.match(bare))


# round faq131 (issue 17 §1; set CU): an apology for a message sent wrongly and nothing else ('唔好意思刚才发错了', '抱歉发错了',
# '对不起 我发错嘢'), or a question announced and not yet asked ('你好 有个问题想请教 等我打字先', '请问在吗 有件事想问问'):
# the writers label these chit-chat (4 of 4 and 3 of 3 in the sets); what was sent wrongly named (照片, 村名) or what to do
# asked (撤回, 删, 改) is the cancel's, and a question after the announcement is that question
_SORRY_MISSENT_RE = re.compile(
    rf"^(?:{_SORRY})*(?:我)?(?:刚才|刚刚|头先|啱啱|刚|之前)?(?:我)?(?:发|打|按|点)错(?:了|东西|字)*(?:{_SORRY})*$"
)
_QUESTION_ANNOUNCED_RE = re.compile(
    r"^(?:嗯|喂|哦)*(?:你好|您好|老师|专家|请问)*(?:在吗|在不在)?(?:你好|您好)?(?:我)?(?:有)?(?:个|一个|件|些|几个|一些|点)?"
    r"(?:问题|事|事情|东西)?(?:想|要)?(?:请教|问问|问一下|问下|问|咨询)(?:一下|下)?(?:你|您)?(?:一个|个|件|些)?(?:问题|事|事情)?"
    r"(?:等我打字先|等我打字|我打字先|等我打完字|等等|等一下)?$"
)


def apology_or_announcement_only(norm: str) -> bool:
    """Round faq131: an apology for a message sent wrongly, or a question announced and not yet asked, and nothing more
    (``_SORRY_MISSENT_RE``, ``_QUESTION_ANNOUNCED_RE`` on the normalised text, particles aside): the FAQ's chit-chat, no
    cancel's card, no ticket. The announcement must name a question or 请教 ('我想问' alone is not read here)."""
    bare = _SAID_PARTICLES_RE.sub("", norm or "")
    if not bare:
        return False
    if _SORRY_MISSENT_RE.match(bare) and re.search(_SORRY, bare):
        return True
    found = _QUESTION_ANNOUNCED_RE.match(bare)
    return bool(found) and bool(re.search(r"问题|事|请教", bare))


GIVEN_UP_BREATH_MAX_CHARS = 24


def given_up_then_not_yet(norm: str) -> bool:
    """Never mind, then why it is not due, said in one breath with no pause (voice): '算了不记喇荔枝未种好',
    '算了先不报了还没种好', '罢了罢了还没种好呢' — each never-mind word read off the front (``given_up``, the longest
    first), what is left put off or not due yet (``put_off_said``). A never mind before anything else is no retraction
    ('算了两棵就两棵吧')."""
    if not norm or len(norm) > GIVEN_UP_BREATH_MAX_CHARS:
        return False
    rest, peeled = norm, False
    while cut := next((k for k in range(len(rest) - 1, 0, -1) if given_up(_SAID_PARTICLES_RE.sub("", rest[:k]))), 0):
        rest, peeled = rest[cut:], True
    return peeled and put_off_said(_SAID_PARTICLES_RE.sub("", rest))


# round 27: 'that is wrong' said before a retraction ('唔啱 取消先 迟啲再报': 唔啱 normalised 不合适)
_WRONG_FIRST_RE = re.compile(r"^(?:不合适|不对|错了|搞错了|弄错了|唔啱)(?=.)")


def without_wrong_first(norm: str) -> str:
    """'不合适取消先' -> '取消先': 'that is wrong' before what follows left out."""
    return _WRONG_FIRST_RE.sub("", norm or "", count=1)


# round 28 (19h): why the record is not due yet, said after a retraction: the tree not planted, the seedlings not bought or
# not come ('取消 荔枝还没种', '算了先不记了 苗还没买到', '取消吧 苗还没到'); a tree or seedling may be named first
_NOT_YET_RE = re.compile(
    rf"^(?:我|我们|我家)?(?:的)?[{_CJK}]{{0,4}}?(?:都|也)?(?:还没有|还没|还未|仲未|没|未)(?:有)?"
    # round 56 (20f): in the ground ('龙眼还没种落去', Cantonese 落去 normalised 下去)
    # round 74 (21l): not got planted ('冇种到', '棵树冇种成')
    r"(?:种|种下|种下去|种好|种到|种成|种得成|买|买到|买好|到|到货|领|领到|拿到|发|发下来)(?:呢|啊|哦|住|先|的)*$"
)


# round 30 (19i): not today, after 'never mind' ('算了 今天不报了', '算了 今天先不登记了')
_NOT_TODAY_RE = re.compile(
    r"^(?:今天|今日|而家|现在|这次|今次)?(?:暂时|暂且)?"
    # round 33: the trees named first ('算了 三棵龙眼先不报了'); round 37 (19m): pointed at ('那两棵先不登了')
    rf"(?:(?:那|这|呢|嗰)?(?:\d+|[{_CN_NUM}]{{1,3}}){_MEASURE}[{_CJK}]{{0,4}}?)?"
    # round 52 (20a): not planting them for now ('算啦 唔种住', '暂时唔种'): the record waiting is dropped
    # round 90: 先唔好记 (先不要记: not to be recorded yet)
    r"(?:先)?(?:不|唔)(?:要)?(?:报|登记|登|记|录|记录|弄|搞|发|种)(?:了|住|先|啦|喇)*$"
)


# round 37: the photo said to come later, or after the trees are planted ('照片等下发', '明天种了再拍', '等种好再拍', '迟啲先影相'):
# while a record waits for it, the record keeps waiting (handlers/planting.py says what it still needs)
# round 93 (22m: '我阿仔夜晚返嚟先帮我影'): when, said after the one who takes it too ('我个女听日先帮我影相'), and the
# morning after (听朝, 明早) or tonight; one or more of them ('明天晚上')
_LATER = r"(?:等下|等阵|等一下|晚点|迟点|迟些|晏些|晏点|明天|听日|听朝|明早|明朝|今晚|下午|晚上|过两天|过几天|下班|放工|放学)"
_TAKER = r"(?:仔|女|儿子|女儿|孙子|孙女|孙|老公|老婆|老伴|后生|家人|屋企人|媳妇|新抱)"
_PHOTO_LATER_RE = re.compile(
    rf"^(?:照片|相|相片|图)?(?:我)?{_LATER}{{1,2}}(?:才|先|再|就)?"
    r"(?:发|拍|影|补)(?:相|照片|照|给你|过来|上来)?(?:啦|吧|了)?$"
    # round 74 (21l): someone of the family to take it when back ('等阵个仔返嚟帮我影', '照片等下我孙子回来帮我拍')
    rf"|^(?:照片|相|相片|图)?{_LATER}?(?:等)?(?:我)?(?:个|的)?(?:阿)?{_TAKER}{_LATER}?"
    r"(?:下班|放工|放学)?(?:回来|回家|到|来)(?:先|再|才|就)?(?:帮我|帮手|帮)?(?:发|拍|影)(?:相|照片|照|给你|过来)?"
    r"(?:啦|吧|了)?$"
    # round 89: someone of the family will take it and send it ('我阿仔会帮我影相发俾你'; the report itself is theirs:
    # _WHY_DROPPED_RE); round 93: or when ('我个女听日先帮我影相')
    rf"|^(?:我)?(?:的|个|屋企|家里)?(?:阿)?{_TAKER}(?:会|{_LATER}){{1,2}}(?:先|才|再|就)?"
    r"(?:帮我|帮手|帮)(?:拍|影|发)(?:相|照片|照)?(?:发给你|给你|过来|发过来)?(?:啦|吧|了)?$"
    r"|^(?:等|待)(?:我)?(?:种好|种完|种了)(?:再|才|先)(?:拍|影|发)(?:相|照片|照)?$"
    r"|^(?:明天|听日|今晚|下午|迟些|过两天)(?:种了|种好|种完)(?:再|才|先)(?:拍|影|发)(?:相|照片|照)?$"
)


def photo_later_said(norm: str) -> bool:
    """'照片等下发', '明天种了再拍': the photo to come later (read while a record waits for it)."""
    return bool(norm and _PHOTO_LATER_RE.match(_INTENT_PARTICLES_RE.sub("", norm)))


# round 89 (22g: '讲错咗 其实未种 下礼拜先种', 22h: '算啦 今日冇种到 听日先'): the record waiting told not planted after all,
# then when it will be: its trees not planted (``_NOT_YET_RE``, or not in time: 种唔切), the planting or the report put off
# (``_PUT_OFF_RE``), a slip, 其实 or a never-mind before them; the record is dropped (its 取消, as round 80's)
_NOT_IN_TIME_RE = re.compile(r"^(?:今天|今日|今次|这次)?(?:种不切|种不到|种不了|来不及种|赶不及种)(?:呢|啊|了|喇)*$")
_ASIDE_FIRST_RE = re.compile(r"^(?:其实|算吧|唉|哎|哎呀|唉呀|sorry)$")


def not_planted_then_later(clauses: list[str]) -> bool:
    """Round 89: the ``_meaning`` of each clause: asides first (a never mind, a slip said alone, 其实), then the trees not
    planted (``_NOT_YET_RE``, ``_NOT_IN_TIME_RE``) and when instead (``_PUT_OFF_RE``), nothing else."""
    while clauses and (given_up(clauses[0]) or _ASIDE_FIRST_RE.match(clauses[0]) or _SLIP_ALONE_RE.match(clauses[0])):
        clauses = clauses[1:]
    return (
        len(clauses) == 2
        and bool(_NOT_YET_RE.match(clauses[0]) or _NOT_IN_TIME_RE.match(clauses[0]))
        and bool(_PUT_OFF_RE.match(clauses[1]))
    )


_SLIP_ALONE_RE = re.compile(r"^(?:我)?(?:讲|说|打|写|报|发|搞|弄)错(?:了|啦|喇)?$")


def put_off_said(norm: str) -> bool:
    """'明天再弄', '下次再记': put off till later, and nothing more (read after a retraction said first); or why it is
    not due yet ('荔枝还没种', '苗还没买到': round 28)."""
    return bool(norm and (_PUT_OFF_RE.match(norm) or _NOT_YET_RE.match(norm) or _NOT_TODAY_RE.match(norm)))


# round 66 (20v): the bare 取消 said with what goes with it in speech: never mind first ('唔要啦 取消佢', '算啦 取消'), the
# thing as a pronoun after it (取消佢, 取消它, 取消呢个), a particle: the command itself (nothing in progress: nothing
# to cancel, never the FAQ's nor a ticket)
_CANCEL_LEAD_RE = re.compile(r"^(?:唔要|不要|唔使|不用|算|算了|算啦|算数|算罢|唉)(?:啦|了|喇|咯|啰)?[\s,，。.!！~～]*")
_CANCEL_OBJECT_RE = re.compile(
    r"(?:佢|它|他|她|呢个|这个|嗰个|那个|掉|咗佢|咗)?[了啦呀啊吧呢哦喔嘛咯噢喇嘞啰\s,，。.!！~～]*$"
)


def cancel_word_said(text: str) -> str:
    """The command word a short 取消 is said with in speech ('唔要啦 取消佢' -> '取消'); the text itself otherwise."""
    text = (text or "").strip()
    bare = _CANCEL_OBJECT_RE.sub("", _CANCEL_LEAD_RE.sub("", text, count=1), count=1).strip()
    return bare if bare else text


# round 87 (22c: '唔系树嚟 系发错相'): what was sent said to be no tree first, then the slip (是 before it): the slip is read
_NO_TREE_SAID = r"^(?:这|那|呢|嗰)?(?:张|个)?(?:照片|相片|相|图)?(?:不是|没有)(?:树|种树|树苗|我的树)(?:来的|来|的)?"
_NO_TREE_FIRST_RE = re.compile(_NO_TREE_SAID + r"(?:是|只是)?(?=.)")
# round 89 (last session's note: '唔系树嚟' alone after a photo had been read as a tree's name): said alone, it drops what
# was sent ('呢张唔系树', '嗰张唔系种树嘅')
_NO_TREE_ALONE_RE = re.compile(_NO_TREE_SAID + "$")


# a question asked, whether to (要不要: 不要 in it is no drop) or one before what follows ('这张照片清楚吗 要不要重新拍')
_ASKED_WHETHER_RE = re.compile(r"要不要|使不使|用不用|需不需要|吗(?=.)")


def retraction_said(norm: str) -> bool:
    """'Drop what I just sent', said in words (only a short text made of such words: '树苗发错了 不是我要的品种' and
    '我名字发错了' say more). A retraction, not a command: it means 取消 only while something is in progress."""
    if not norm or len(norm) > INTENT_MAX_CHARS:
        return False
    bare = _INTENT_PARTICLES_RE.sub("", _PLEASE_FIRST_RE.sub("", _DISPOSAL_FIRST_RE.sub("", norm, count=1), count=1))
    if _ASKED_WHETHER_RE.search(bare):
        return False  # the lead (43rd session, 21w): '这张照片清楚吗 要不要重新拍' had cancelled the record
    if _NO_TREE_ALONE_RE.match(bare):
        return True  # round 89
    norm = bare = _NO_TREE_FIRST_RE.sub("", bare, count=1)  # round 87
    return bool(
        (len(norm) <= 12 and _DROP_RE.match(bare))
        or _LAST_SENT_DROP_RE.match(bare)
        or frame_said("cancel", bare)  # round 31: the frames (FRAMES)
    )


# conv106 (23d: '刚才那条报错了 其实是龙眼不是荔枝 帮我撤回' had been offered as a correction): the withdrawal itself wished in
# a clause of its own (帮我撤回, 作废吧; a bare 取消 stays core's): what the sender asks is the withdrawal, whatever was said wrong before it
_WITHDRAWAL_WISHED_RE = re.compile(
    r"^(?:请|麻烦)?(?:你)?(?:帮我|同我|替我)?(?:撤回|撤销|撤掉|作废|删掉|删除|删了)(?:它|佢|掉|咗)?(?:吧|啦|了|喇|咯)*$"
)


def withdrawal_wished(clause: str) -> bool:
    """Conv106: a clause that only asks the withdrawal ('帮我撤回', '作废吧'; normalised or as sent)."""
    return bool(_WITHDRAWAL_WISHED_RE.match((clause or "").strip(" ，,。.!！")))


def withdrawal_closes(text: str) -> bool:
    """Conv106: a text of two clauses or more whose last only asks the withdrawal ('刚才那条报错了 其实是龙眼不是荔枝
    帮我撤回'): what the sender asks is the withdrawal, whatever was said wrong and right before it. The one reader of
    handlers/core.retraction_in_words and planting.correction_said (tidy89: each had split the clauses its own way)."""
    clauses = [clause for clause in PAUSES_RE.split(text or "") if clause]
    return len(clauses) >= 2 and withdrawal_wished(normalize(clauses[-1]))


# round 97 (22q's pledge twin, conv97: '我种咗两棵橄榄嗰个 取消' had started a record of 2 橄榄): the record pointed at by
# what was planted or reported (种了, 报了 …那个), then only its withdrawal
_PLANTED_POINTED_DROPPED_RE = re.compile(
    r"^(?:我|我们|我家)?(?:之前|头先|刚才|刚刚|啱啱|上次)?(?:种|报|登记)(?:了|过)(?:[^那的]{1,8}?)(?:那个|那条|那些|那几棵|的)"
    r"(?:取消|撤销|撤回|不要|删除|删掉|作废|不算)(?:它|掉|了|啦|吧|住|咯)*$"
)


def planted_pointed_then_dropped(norm: str) -> bool:
    """Round 97: '我种咗两棵橄榄嗰个 取消', '头先报咗三棵龙眼嗰条 唔要啦' (normalised): a record withdrawn, never a new
    record of the trees it names (how to withdraw asked, '…点样取消', is no such text)."""
    return bool(norm) and bool(_PLANTED_POINTED_DROPPED_RE.match(norm))


# round 67 (20w, 20x): the record just sent said wrong and its 取消 asked may I ('张相发错咗 可唔可以取消'), or 取消 said
# first, then what went wrong ('取消 头先搞错咗系龙眼唔系荔枝'): a retraction of it (with nothing in progress, 作废 asked)
_WENT_WRONG = (
    r"(?:(?:照片|相片|相|图片|图|张相|那张|这张|记录|那条|这条|那个|这个|树种|树名|数量|棵数)?"
    r"(?:我)?(?:发|影|拍|报|登记|记|写|打|填|弄|搞|讲|说)错(?:了)?)"
)
_CANCEL_MAY_I = (
    r"(?:可不可以|可以|能不能|能否|能|行不行|得不得)(?:帮我)?取消(?:它|掉|了)?(?:吗|不|呢)?"
    r"|取消(?:它|掉)?(?:行不行|得不得|可不可以|可以吗|行吗|得吗|好吗|好不好)"
    # round 74 (21l): or wished said ('张相发错咗 想撤回', '记录报错了 我要撤销')
    r"|(?:我)?(?:想|要|想要)(?:帮我)?(?:撤回|撤销|撤|作废|删掉|删除|取消)(?:它|掉|了)?"
)
_WRONG_THEN_CANCEL_ASKED_RE = re.compile(rf"^{_WENT_WRONG}(?:的)?(?:{_CANCEL_MAY_I})$")
_CANCEL_THEN_WRONG_RE = re.compile(
    rf"^(?:帮我|请)?取消(?:它|掉)?(?:吧|啦)?(?:刚才|刚刚|头先|啱先|之前)?{_WENT_WRONG}(?:[{_CJK}]{{0,12}})$"
)


def wrong_record_cancel_asked(norm: str) -> bool:
    """Round 67: the record just sent said wrong, its 取消 asked ('照片发错了可不可以取消') or said first ('取消头先弄错了是
    龙眼不是荔枝'), short (normalised): a retraction (handlers/planting.py: a finished record's 作废 asked)."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    if not bare or len(bare) > INTENT_MAX_CHARS + 4:
        return False
    return bool(_WRONG_THEN_CANCEL_ASKED_RE.match(bare) or _CANCEL_THEN_WRONG_RE.match(bare))


# round 39 (19n): why a retraction said first is meant, said after it: the photo cannot be taken or sent, the tree is
# someone else's, an apology ('算了 取消吧 手机拍不了照', '这张不算 是隔壁家的树 不好意思', '唔搞了 取消啦 影唔到相'); 唔好意思 is
# normalised 不要意思
_WHY_DROPPED_RE = re.compile(
    r"^(?:(?:我)?(?:的)?(?:手机|相机)?(?:拍|影|发|传)(?:不了|不到|不出|没法|不$)(?:照|相|照片|相片)?"
    r"|(?:照片|相片|相)(?:拍|影|发|传)?(?:不了|不到|不出|不$)"  # 了 at the end is left out as a particle
    r"|(?:手机|相机)(?:坏了|没电了|没电|没有电)"
    r"|(?:是|系)?(?:隔壁|邻居|别人|人家|人哋)(?:家|屋|屋企)?(?:的)?(?:树|苗)?"  # round 68: Cantonese 人哋 (others)
    # round 83 (21z): planted by them ('啱啱嗰条唔算 系隔篱屋种嘅', '那条不算 是别人种的树')
    r"|(?:是|系)?(?:隔壁|邻居|别人|人家|人哋)(?:家|屋|屋企)?(?:帮忙)?(?:种|栽|种下|种植)(?:的)?(?:树|苗)?"
    r"|不好意思|不要意思|对不起|抱歉|sorry"
    # conv105 (23b: '不好意思 这张照片是我孙子乱拍的 不用记录了' had been a ticket): the photo taken or sent by a child's
    # fiddling (乱拍, 乱按, 不小心影), a relative's or the sender's own
    r"|(?:刚才|刚刚|头先|啱先)?(?:那|这|呢|嗰)?(?:张|个)?(?:照片|相片|相|图)?(?:是|系)?(?:我)?(?:的|嘅|个)?"
    rf"(?:{KIN_WORDS}|小孩|小朋友|孩子|细路仔|细路|人)?(?:乱|不小心|唔小心)(?:拍|影|按|撳|揿|点|发|搞|弄|碰)(?:的|嘅|了|咗)?"
    # round 89 (22g: '唔使记 我阿仔会帮我报'): someone of the family or the village will report it for one
    r"|(?:我)?(?:的|个|屋企|家里)?(?:阿)?(?:仔|女|儿子|女儿|孙子|孙女|孙|老公|老婆|老伴|家人|屋企人|媳妇|新抱|爸|妈|爸爸|妈妈|村干部|干部|书记)"
    r"(?:会|等下|迟些|之后|回来|明天)?(?:帮我|帮手|替我|同我|帮)(?:报|记|登记|上报|记录|报上去)(?:了|的)?"
    # round 95 (22o: '唔记得种咗几多 迟啲再报 呢条唔要住'): how many forgotten or not counted yet ('数唔清种咗几多')
    r"|(?:我)?(?:不记得|忘记|忘了|记不住|记不清|记不起|数不清|未数|还没数|没数)(?:了)?(?:种了|种)?(?:多少|几)(?:棵|株)?"
    # round 50 (19y): the tree photographed not the sender's own ('取消哈 拍的不是我家的树')
    r"|(?:拍的|影的|这张|这棵|那棵|拍了)?(?:不是|并非)(?:我|我们|我家|我们家|我屋企|自己|自己家)(?:的|家的)?(?:树|苗)?"
    # round 50 (19y): reported twice ('刚才那两棵荔枝是重复提交的', '我多报了一次', '是重复的', '报重复了'), the record pointed
    # at first
    r"|(?:刚才|刚刚|头先|之前|上面)(?:那|这)?[\u4e00-\u9fff0-9]{0,6}?(?:是|系)(?=重复|报重|多报|报多|发重|提交重)"
    r"|(?:我)?(?:是)?(?:重复提交|重复报|重复发|重复登记|重复|报重复|报重|发重复|发重|提交重复|多报|报多|多发|发多)"
    r"(?:了|的|咗)?(?:一次|一条|一遍|两次)?(?:的)?"
    # round 43 (19q): what was written wrong, the count or the tree ('刚才登记的那个撤回 数填错了'); the right count said
    # instead is a correction (``count_corrected``, read first)
    r"|(?:棵数|数量|数字|数目|个数|数|树名|树种|品种|种类)(?:我)?(?:填|写|打|报|记|讲|说|搞|弄)错(?:字)?"
    # round 56 (20f): the photo taken or sent wrong, the tree in it not the one ('取消吧 影错咗 唔系呢棵', '拍错树了')
    r"|(?:照片|相片|相|图)?(?:我)?(?:拍|影|发|传|选)错(?:了)?(?:照片|相片|相|图|树|棵树)?(?:了)?"
    # round 68 (20y): whose tree it was after the slip ('影错咗人哋嘅树', '拍错了隔壁家的树')
    r"|(?:拍|影|发|传|选)错(?:了)?(?:隔壁|邻居|别人|人家|人哋)(?:家|屋企)?(?:的)?(?:树|苗|照片|相)"
    r"|(?:不是|并非)(?:这|那)(?:棵|张|个)(?:树)?"
    # round 84 (22a: '唔好记住先 我睇错咗 唔系荔枝'): the tree misread or misheard (看错, 睇错 normalised 看错), and the
    # tree said not the one named ('唔系荔枝', '不是荔枝来' of 嚟)
    rf"|(?:我)?(?:看|认|听)错(?:了)?(?:树|树种|品种|种类)?(?:了)?"
    rf"|(?:不是|并非)[{_CJK}]{{1,4}}?(?:来的|来|的)?"
    # round 80 (21v): the photo not of the trees now planted: taken before ('照片是去年的', '张相系旧年影嘅', '那张相是旧的')
    # or of others' trees ('照片拍的是别人家的')
    r"|(?:那|这)?(?:张)?(?:照片|相片|相|图)(?:是|系)?(?:去年|旧年|前年|以前|之前|上个月|上次|早前|旧|老)(?:拍|影)?(?:的)?"
    r"|(?:那|这)?(?:张)?(?:照片|相片|相|图)(?:拍|影)?(?:的)?(?:是|系)(?:隔壁|邻居|别人|人家|人哋|网上)(?:家|屋企)?(?:的)?"
    r"(?:树|苗)?"
    r")+$"
)


# the lead (forty-second session, set 21s by voice: '嗯刚刚那两棵荔枝报重复了我老公也报了一次那个不要了' had started
# another record of 2棵荔枝): reported twice, then not wanted, in one long breath (a retraction longer than a command's):
# the record just finished withdrawn, asked to confirm
_DUPLICATE_DROPPED_RE = re.compile(
    r"(?:重复|报重|多报|报多|发重|也报了一次|都报了一次|也报过|都报过)[^。？！?!]{0,16}?"
    r"(?:不要了|不要啦|不要|作废|删(?:掉|除|了)?|取消|撤(?:回|销)?|唔要|算了)(?:吧|啦|了|喇)?$"
)
DUPLICATE_DROPPED_MAX_CHARS = 40


def duplicate_dropped_said(norm: str) -> bool:
    """'刚刚那两棵荔枝报重复了…那个不要了': reported twice, then not wanted (``normalize``d), in a text up to 40 characters."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    return bool(bare) and len(bare) <= DUPLICATE_DROPPED_MAX_CHARS and bool(_DUPLICATE_DROPPED_RE.search(bare))


def why_dropped_said(norm: str) -> bool:
    """Round 39: '手机拍不了照', '是隔壁家的树 不好意思': why the retraction said before it is meant, and nothing more."""
    return bool(norm and _WHY_DROPPED_RE.match(_INTENT_PARTICLES_RE.sub("", norm)))


# round 39 (19n): a count said wrong and the right one said ('唔系两棵 系三棵荔枝 打错字', '打错字 应该系三棵荔枝', '写错了 是三棵
# 荔枝不是两棵'): the slip and the count denied left out, the right count (and tree) is what the record waits for
_SLIP_SAID_RE = re.compile(r"(?:我)?(?:打|写|发|讲|说|记|报|填)错(?:字|了|咗|啦)*")
_COUNT_DENIED_RE = re.compile(rf"(?:不是|并非){_NUM}{_MEASURE}[{_CJK}]{{0,4}}?(?=是|应该|$)")
_RIGHT_COUNT_RE = re.compile(
    rf"^(?:应该|应当|应)?(?:是)?({_NUM}{_MEASURE}[{_CJK}]{{0,4}}?)(?:才对|先啱|就对了|可以吗|行吗|好吗|得吗|得不得)?$"
)
# the record pointed at first ('头先报错咗 系三棵唔系两棵', '刚才那个是三棵 不是两棵', '嗰条记录改返做三棵'), the count
# said wrong ('数量错了 应该是5棵'), or the change asked ('帮我改成3棵', '刚才那条改为四棵'): a correction too
_RECORD_POINTED_RE = re.compile(
    r"^(?:(?:头先|刚才|刚刚|之前|前面|上面)(?:我)?(?:(?:报|发|登记|记|写)的)?(?:那个|那条|这个|这条|那次)?"
    r"|(?:那个|那条|这个|这条))(?:记录)?(?:的)?"
)
_COUNT_WRONG_RE = re.compile(r"(?:棵数|数量|数字|数目|个数|数)(?:不对|错了|有错|搞错了|弄错了)")
# tidy81: asked politely as any request is (``PLEASE_LEAD``: '劳驾改成龙眼', '唔该帮我改成3棵')
_COUNT_CHANGE_ASKED_RE = re.compile(rf"^{PLEASE_LEAD}(?:改成|改为|改做|改回做|改回成|改回|更正为|更正成)")
# round 56 (20f): the count said wrong named first, as the slip's object ('两棵荔枝报错了 应该是三棵', '两棵荔枝写错了 作废'):
# the wrong count, never the right one (what follows it may say the right one); 是 before it says it right ('系三棵荔枝 打错字')
_COUNT_SAID_WRONG_RE = re.compile(
    rf"^{_NUM}{_MEASURE}[{_CJK}]{{0,4}}?(?:我)?(?:打|写|发|讲|说|记|报|填|登记)错(?:字|了|咗|啦)*"
)


# round 74 (21l): a count said, then taken back in the same breath and the right one said ('三棵桂花 唔系唔系 两棵 讲错咗',
# '四棵桂花 不对不对 是三棵'): the taking back repeated, said wrong (不对, 错了), or the right one said with 是 or a slip
# after it; 'A 不是 B' alone is left unread (it may say A is right)
_SAID_THEN_TAKEN_BACK_RE = re.compile(
    rf"^(?P<first>{_NUM}{_MEASURE})(?P<tree>[{_CJK}]{{0,5}}?)"
    r"(?:(?P<again>(?:不是|不对|错了|说错了|讲错了){2,})|(?P<wrong>不对|错了|说错了|讲错了)|(?P<denied>不是))"
    rf"(?P<right_said>应该是|是)?(?P<right>{_NUM}{_MEASURE})(?P<tree2>[{_CJK}]{{0,5}}?)"
    r"(?P<slip>(?:我)?(?:打|写|发|讲|说|记|报|填)错(?:字|了|咗|啦)*)?$"
)


def count_said_then_corrected(text: str) -> str | None:
    """Round 74: the right count and tree of a count said and taken back in one breath ('三棵桂花不是不是两棵讲错了' ->
    '两棵桂花'); None for any other text."""
    norm = _INTENT_PARTICLES_RE.sub("", normalize(text or ""))
    found = _SAID_THEN_TAKEN_BACK_RE.match(norm) if norm and len(norm) <= INTENT_MAX_CHARS + 4 else None
    if found is None or not (found["again"] or found["wrong"] or found["right_said"] or found["slip"]):
        return None
    return found["right"] + (found["tree2"] or found["tree"])


# sim68: the trees named first, as the topic of the count said right and the one said wrong ('龙眼系两棵唔系三棵', '黄皮
# 唔系三棵系两棵 讲错咗', '头先讲错咗，龙眼系两棵唔系三棵'): the tree kept with the right count (an off-list tree had become
# a new record of a tree called 唔系三棵); never a person, a pointer or the count said wrong ('我是两棵…', '那个是…', '数量
# 错了 应该是5棵')
_TREE_TOPIC_RE = re.compile(
    rf"^(?![我你他她它佢这那哪刚头之前上])(?P<tree>(?:(?!是|不|应|错|了|数|{_NUM}{_MEASURE})[{_CJK}]){{1,5}}?)(?:树)?"
    rf"(?=(?:应该|应当)?(?:是|不是|并非){_NUM}{_MEASURE})"
)
_BARE_COUNT_RE = re.compile(rf"^{_NUM}{_MEASURE}$")


# round 75 (21m): Cantonese 'only' after a count ('系一棵咋', '两棵啫'): 咋 there is no 怎么 (normalize's Mandarin 咋)
_ONLY_AFTER_COUNT_RE = re.compile(rf"(?<={_MEASURE})(?:咋嘛|咋喎|咋啦|咋|啫|之嘛|而已|罢了)(?=$|[\s,，。.!！~～])")


# round 78 (21t): 'wait', 'hold on' or a sigh said before a count corrected; only before a denial (不是, 不对, 错了), so '等阵
# 再发' stays a put-off
_HOLD_ON_FIRST_RE = re.compile(
    r"^(?:等阵|等等|等一等|等一下|等下|慢着|慢住|慢点|且慢|哎呀|哎哟|哎|唉|哦|噢|啊)(?:先)?(?=不是|不对|错了|搞错|讲错|说错)"
)


def count_corrected(text: str) -> str | None:
    """Round 39: the right count (and tree) of a count said wrong ('不是两棵 是三棵荔枝 打错了' -> '三棵荔枝'); None when the
    text is no such correction (a slip, a count denied or a change asked, and one count said right, nothing more;
    the record pointed at first is left out: '刚才那个是三棵 不是两棵')."""
    text = _ONLY_AFTER_COUNT_RE.sub("", text or "")  # round 75 (21m): '唔系两棵 系一棵咋'
    if (said_again := count_said_then_corrected(text)) is not None:
        return said_again  # round 74: '三棵桂花 唔系唔系 两棵 讲错咗'
    norm = _INTENT_PARTICLES_RE.sub("", normalize(text or ""))
    if not norm or len(norm) > INTENT_MAX_CHARS:
        return None
    # round 78 (21t): 'wait' or a sigh first ('等阵 唔系三棵 系四棵桃', '慢着 不是两棵 是三棵'): nothing of the count
    norm = _RECORD_POINTED_RE.sub("", _HOLD_ON_FIRST_RE.sub("", norm, count=1), count=1)
    # round 99 (22t: '唔好意思 改做三棵' after a pledge): a sorry first says nothing of the count
    norm = _SORRY_FIRST_RE.sub("", norm, count=1) or norm
    slip = _SLIP_SAID_RE.match(norm)  # sim68: '讲错了龙眼是两棵不是三棵': the slip, then the trees as the topic
    topic = _TREE_TOPIC_RE.match(norm[slip.end() :] if slip else norm)
    tree = topic["tree"] if topic else ""
    if topic:
        norm = (slip.group(0) if slip else "") + norm[(slip.end() if slip else 0) + topic.end() :]
    said_wrong = _COUNT_SAID_WRONG_RE.match(norm)  # round 56: the wrong count named, then the right one (if any)
    norm = norm[said_wrong.end() :] if said_wrong else norm
    rest = _COUNT_DENIED_RE.sub("", norm, count=1)
    denied = rest != norm or said_wrong is not None
    bare = _COUNT_WRONG_RE.sub("", _SLIP_SAID_RE.sub("", rest))
    changed = _COUNT_CHANGE_ASKED_RE.sub("", bare, count=1)
    if not (denied or bare != rest or changed != bare):
        return None
    right = _RIGHT_COUNT_RE.match(changed)
    if right is None or (tree and not _BARE_COUNT_RE.match(right.group(1))):
        return None  # the trees named first: the count alone after them ('荔枝不是三棵是两棵吗' asks)
    return right.group(1) + tree


# round 52 (the lead, in the simulator: '头先嗰三棵唔系龙眼系黄皮' after a finished record of 3 龙眼 started a new record of
# 3 龙眼): the tree said wrong and the right one said ('是桂花不是荔枝', '树种报错了 应该是龙眼', '记成龙眼了其实是荔枝',
# '头先嗰条改做桂花'); a count said wrong is count_corrected's (read first)
_TREES_POINTED_RE = re.compile(rf"^(?:那|这)?(?:{_NUM}{_MEASURE})(?:树)?(?:的)?")
_TREE_DENIED_RE = re.compile(rf"(?:不是|并非)(?:{_NUM}{_MEASURE})?[{_CJK}]{{1,6}}?(?=是|应该|其实|实际|$)")
_TREE_SAID_AS_RE = re.compile(
    rf"(?:记成|写成|报成|登记成|打成|填成)(?:了)?[{_CJK}]{{1,6}}?(?:了)?(?=其实|应该|实际|是|$)"
)
_TREE_SLIP_RE = re.compile(
    r"(?:树种|树名|品种|种类)(?:我)?(?:打|写|发|讲|说|记|报|填|登记|搞|弄)错(?:字|了|咗|啦)*"
    # round 67 (20w): said wrong aloud ('讲错 系龙眼唔系荔枝')
    # round 91: when said before the slip, after the right tree ('龙眼嚟嘅 头先打错')
    r"|(?:头先|啱先|刚才|刚刚|之前)?(?:我)?(?:打|写|报|填|讲|说|揿|按)错(?:字|了|咗|啦)*"  # round 90: 揿, 按
    r"|(?:树种|树名|品种)(?:不对|错了|有错)"
    # round 70 (21c): got wrong ('搞错咗 系黄皮唔系杨桃', normalised 弄错了)
    r"|(?:我)?(?:弄|搞)错(?:了|咗|啦)*"
    # round 89 (22h: '啊错咗 系龙眼唔系荔枝', '不对 是龙眼不是荔枝'): wrong said bare, first
    r"|^(?:不对|不合适|错了)(?:了|啦)*"
)
# round 91: 先啱 as normalised (才合适: '龙眼先啱 头先写错')
_TREE_RIGHT_RE = re.compile(
    # tidy81: the change asked politely ('劳驾改成龙眼', '唔该帮我改做龙眼': ``PLEASE_LEAD``), as '帮我改成龙眼' was
    rf"^(?:其实|实际|应该|应当)?(?:是|为)?{PLEASE_LEAD}(?:改成|改为|改做|改回做|改回|更正为)?([{_CJK}]{{1,6}}?)"
    r"(?:才对|先啱|才合适|就对了|来的|来)?$"  # round 89: Cantonese 嚟 (normalised 来) after the tree ('系杨梅嚟')
)
_TREE_ASKED_RE = re.compile(r"吗|么|嘛|是不是|还是|什么|咩|乜|哪|边|几|怎|点样|好不好|得唔得|行不行|可以|能不能")
# every correction above says one of these as written (不是/唔系, 记成, 错, 改): most texts are not normalised at all
_TREE_CORRECTION_HINT_RE = re.compile(r"[不唔非成错錯改]")
_INTERJECTION_FIRST_RE = re.compile(r"^(?:啊|呀|哎呀|哎|哎哟|唉|弊|弊了)+")  # round 89: Cantonese 弊 (oh no)


def tree_corrected(text: str, species_table: Mapping, others: tuple[str, ...] = ()) -> tuple[str, bool] | None:
    """Round 52: the right tree of a finished record whose tree was said wrong ('头先嗰三棵唔系龙眼系黄皮' -> ('黄皮',
    False): off the list; '是桂花不是荔枝' -> ('桂花', True)); None when the text is no such correction (a tree denied, said
    as, a slip or a change asked, then one tree said right, nothing more) or asks something ('是不是荔枝', '不是荔枝是
    什么树')."""
    if not _TREE_CORRECTION_HINT_RE.search(text or ""):
        return None
    norm = _INTENT_PARTICLES_RE.sub("", normalize(text or ""))
    # round 80 (21v): an interjection, a filler or an apology first ('啊说错了是龙眼', '不好意思说错了是桂花')
    norm = _SORRY_FIRST_RE.sub("", without_fillers(_INTERJECTION_FIRST_RE.sub("", norm)), count=1)
    if not norm or len(norm) > INTENT_MAX_CHARS or _TREE_ASKED_RE.search(norm):
        return None
    norm = _TREES_POINTED_RE.sub("", _RECORD_POINTED_RE.sub("", norm, count=1), count=1)
    rest = _TREE_SLIP_RE.sub("", _TREE_SAID_AS_RE.sub("", _TREE_DENIED_RE.sub("", norm, count=1), count=1))
    changed = _COUNT_CHANGE_ASKED_RE.sub("", rest, count=1)
    if rest == norm and changed == rest:
        return None
    right = _TREE_RIGHT_RE.match(rest)
    if not right:
        return None
    word = right.group(1)
    name, written = find_species(word, species_table)
    if name and word in (written, written + "树"):
        return name, True
    return (word, False) if word in others else None


def not_now_said(norm: str) -> bool:
    """Round 37 (19m): 'not now', the trees pointed at or not ('那三棵先不报了', '先唔登住'): a retraction only of the record
    in progress (handlers/core.py's 取消), never of a finished one (作废: '今天不报了' after this morning's record)."""
    return bool(norm and _NOT_TODAY_RE.match(_INTENT_PARTICLES_RE.sub("", norm)))


# something added to what was just asked ('补充一下 叶子背面有白色小点点', '对了 掉下来的叶子边边是焦的', '忘了说 …'): a
# 补充 of the ticket open (handlers/escalation.py), unless it names another tree
_ADDITION_RE = re.compile(
    r"^(?:再|还要|我想|想)?补充(?:一下|下|一点|两句|一句)?|^对了|^(?:我)?(?:忘了|忘记)(?:讲|说)|^讲漏了|^漏了(?:讲|说)"
    # round 22: 还有 (Cantonese 仲有) before a detail ('仲有 树皮有几个细窿'), a slip excused first ('唔好意思头先唔记得讲 …')
    r"|^还有(?!什么|啥|哪|几|多少|没有|没|冇|人|问题)(?=[\u4e00-\u9fff]{2})"
    # round 52: a part of the tree named first, then 还有 (仲有: also) what is seen on it ('树干仲有啲黑点'); round 53 (20c,
    # the sixth blind writer to read it so): insects told so too, also said ('叶底仲有啲白色嘅细虫', '叶底仲见到啲细虫'): the
    # same tree's; told bare ('叶底有啲白色嘅虫'), a symptom of its own still (round 20's decision)
    r"|^(?:树干|树皮|树枝|树头|树根|叶子|叶片|叶底|叶背|叶面|枝条|枝|根部|果子|果|花)(?:的)?(?:背面|底面|反面|底下)?"
    r"(?:上|上面|那里|这里)?(?:还有|也有|还见到|也见到|还看到|也看到)(?!什么|啥|哪|几|多少|没有|没|冇|人|问题)(?=[\u4e00-\u9fff]{2})"
    r"|^(?:不好意思|不要意思|唔好意思|对不起|sorry)?(?:头先|刚才|刚刚|之前|前面)?(?:我)?(?:忘了|忘记|不记得|唔记得|漏了)(?:讲|说)"
)


# round 20: the symptom a ticket asked about, told again in more detail ('是老叶先黄 新出的叶还好' after '叶子发黄'): the
# same tree. A symptom of its own ('叶子被虫咬了好多洞' after '叶子有黑斑') is not. Round 57: holes told as bites ('张叶好似俾
# 虫咬咗咁' after '叶生咗好多洞') are the same symptom (_SAME_SYMPTOM)
# round 78 (21p): 黄 of a tree's name (黄皮, 黄花风铃木, 黄槿) is no yellowing ('一棵黄皮 黄皮要施什么肥' after a photo)
_SYMPTOM_RE = re.compile(
    r"黄(?!皮|花风铃|花梨|槿|杨)|掉叶|掉果|掉花|落叶|卷|斑|枯|焦|烂|裂|流胶|蔫|白粉|霉|不结果|不开花|发白|发黑|洞|窿|咬"
)
_SAME_SYMPTOM = {"窿": "洞", "咬": "洞"}


def symptom_named(norm: str) -> bool:
    """Round 69: does the (normalised) text name a tree's trouble (``_SYMPTOM_RE``: yellowing, falling leaves, spots …)?"""
    return bool(_SYMPTOM_RE.search(norm or ""))


# round 79 (21p: '啲花落晒' after '龙眼落花'): a flower, fruit or leaf falling, in either order and with any of the verbs
# (落花, 花全掉了, 啲果跌晒, 叶都掉晒): one symptom, written as _SYMPTOM_RE's 掉花, 掉果, 掉叶
_FALLING_RE = re.compile(
    r"(?:落|掉|跌)(?:了|咗|晒|光)?(?P<first>花|果|叶)"
    r"|(?P<after>花|果|叶)(?:子|片|仔)?(?:都|全|也|就|又|一直|成日)?(?:全)?(?:落|掉|跌)"
)


def _symptoms(norm: str) -> set[str]:
    norm = _FALLING_RE.sub(lambda m: "掉" + (m["first"] or m["after"]) + " ", norm)
    return {_SAME_SYMPTOM.get(found, found) for found in _SYMPTOM_RE.findall(norm)}


# round 23: the symptom's colour told again ('又多咗几块黑叶' after '叶子发黑点'): the same symptom
_COLOUR_RE = re.compile(r"黑|黄|白(?!蚁)|红|褐|紫|灰|锈")  # 白蚁: termites, no colour


def same_symptom(text: str, earlier: Iterable[str]) -> bool:
    """Does ``text`` (a statement, no question) name a symptom (or a symptom's colour) one of ``earlier`` (a ticket's
    texts) names?"""
    if is_question(text):
        return False
    norm = normalize(text)
    said, colours = _symptoms(norm), set(_COLOUR_RE.findall(norm))
    return any(said & _symptoms(told) or colours & set(_COLOUR_RE.findall(told)) for told in map(normalize, earlier))


# round 70 (21c): the pest a ticket told of, told again ('啲虫系白色嘅' after '桂花生虫', '蚂蚁好多' after '有蚂蚁')
_PEST_RE = re.compile(r"虫|蚁|蚜|蚧|螨|蜗牛")


def same_pest(text: str, earlier: Iterable[str]) -> bool:
    """Does ``text`` (a statement, no question) name a pest one of ``earlier`` (a ticket's texts) names?"""
    if is_question(text):
        return False
    said = set(_PEST_RE.findall(normalize(text)))
    return bool(said) and any(said & set(_PEST_RE.findall(normalize(told))) for told in earlier)


# round 61 (20o): how badly the ticket's trouble goes, told ('掉得很厉害 一碰就掉' after '叶子发黄还掉叶'): its verb with a
# degree after 得, or what sets it off ('一碰就掉'); the same tree's when the ticket's texts have that verb
_DEGREE_TOLD_RE = re.compile(
    r"(掉|落|黄|卷|枯|烂|裂|蔫|焦|死|咬|流|干|黑|白|红|褐|跌|生|长)得(?:越来越|更加|更|好|很|太|非常|特别|十分|咁|这么|那么)?"
    r"(?:厉害|严重|犀利|紧要|交关|凶|快|多|离谱)"
    r"|(?:一碰|一摸|一摇|一吹|碰下|摸下|摇下|碰一下|摸一下|一郁)(?:就|便|都)(掉|落|跌|断|烂)"
)
# a leaf that falls (掉, 落, 跌) is one trouble however it is said
_FALLING = frozenset("掉落跌")


def degree_told(text: str, earlier: Iterable[str]) -> bool:
    """Does ``text`` (a statement) tell how badly, or how easily, something one of ``earlier`` (a ticket's texts) told
    of happens ('掉得很厉害 一碰就掉' after '叶子发黄还掉叶')?"""
    if is_question(text):
        return False
    told = [normalize(e) for e in earlier]
    for found in _DEGREE_TOLD_RE.finditer(normalize(text)):
        verb = found.group(1) or found.group(2)
        verbs = _FALLING if verb in _FALLING else {verb}
        if any(v in e for v in verbs for e in told):
            return True
    return False


# round 23: what the ticket told of, told of again first ('洞在离地半米那里 有木屑掉下来' after '树干有蛀洞流胶'): where
# it is, how it looks; the same tree's
_TOLD_THING_RE = re.compile(
    r"^(?:那个|这个|那些|这些|那|这|个|些)?(洞|窿|斑点|斑|黑点|白点|点点|虫子|虫|胶|木屑|裂口|裂缝|伤口|蚂蚁|白粉|霉)"
)


def told_again(text: str, earlier: Iterable[str]) -> bool:
    """Does ``text`` (a statement) start with something one of ``earlier`` (a ticket's texts) told of ('洞在离地半米那里'
    after '树干有蛀洞')?"""
    found = _TOLD_THING_RE.match(normalize(text))
    if found is None or is_question(text):
        return False
    thing = found.group(1)
    return any(thing in normalize(e) for e in earlier)


# round 59 (20k): the same question sent again reworded within minutes ('竹子枯咗一半点解' then '点解啲竹枯咗一半'): its
# question words moved or changed (点解, 点算, 系咩原因 …), its particles and determiners (啲, 嘅, 咗, 晒) put in or left
# out; what is left, the characters of substance, the same (nearly all of the shorter one's in the longer one). A tree
# named differently ('龙眼叶子发黄' then '荔枝叶子发黄') is a character pair apart: no longer nearly all
_QUESTION_WORDS_RE = re.compile(
    r"问专家|请问|想问下|想问|问下|为什么|为何|什么原因|怎么回事|什么回事|是什么事|什么事|什么病|什么|怎么办|怎么样|怎么|怎样|如何|咋办|咋"
    r"|原因|是不是|会不会"
)
_NO_SUBSTANCE = frozenset(
    "的了吗呢啊呀吧么是有在个这那我你他她它就都也还会要可以把被给和与或很太再又过着用些啲嘅咗晒子树家来哦嘛啦咯喇"
)
REWORDED_MIN = 3  # characters of substance each side: '点解' alone is no question to compare
REWORDED_SHARE = 0.8  # of the shorter side's characters found in the longer


def _substance(norm: str) -> frozenset[str]:
    return frozenset(
        c for c in _QUESTION_WORDS_RE.sub(" ", norm) if c not in _NO_SUBSTANCE and "\u4e00" <= c <= "\u9fff"
    )


def reworded(said: str, earlier: str) -> bool:
    """Round 59: is ``said`` (normalised) the question ``earlier`` (normalised) asked again in other words? The
    characters of substance (``_substance``) of the shorter side nearly all (``REWORDED_SHARE``) in the other's,
    ``REWORDED_MIN`` or more each side."""
    first, second = _substance(said), _substance(earlier)
    if len(first) < REWORDED_MIN or len(second) < REWORDED_MIN:
        return False
    return len(first & second) >= REWORDED_SHARE * min(len(first), len(second))


# round 25: when the tree was planted, told in a ticket's window, who says it first, what to do after it ('佢话系今年先种嘅
# 爱点搞', '系旧年先种落去嘅 点算好', '去年才种的 怎么办'): a detail of the ticket's tree (its age), naming no tree
_PLANTED_WHEN_RE = re.compile(
    # round 61 (20o): how many said first ('两棵都是今年刚种的')
    r"^(?:(?:这|那|呢|嗰)?(?:\d+|[一两二三四五六七八九十]{1,3})(?:棵|株|樖))?"
    r"(?:它|他|她|我|阿婆|阿妈|老人家|家婆)?(?:话|说|讲)?(?:是|系|都是)?(?:今年|去年|前年|旧年|上年|年头|年初|上个月|上月|开春|春节前|过年前)"
    r"(?:先|才|刚|就|至|正)?(?:种|栽|种落去|种下去)(?:落去|下去|落|下)?(?:的|嘅|了|咗)"
)


def planted_when_told(norm: str) -> bool:
    """'它说是今年先种的 爱怎么弄': when the tree was planted told (a how after it left as it is), never a tree named."""
    return bool(norm and _PLANTED_WHEN_RE.match(norm))


# round 73 (21i): which trees the trouble is on, pointed at by when they were planted ('系新种嗰两棵', '就系啱啱种落去嗰两棵',
# '是前几天种的那两棵'): 是 first, a demonstrative before the count; a description of the ticket's trees, never a report
_WHICH_PLANTED_RE = re.compile(
    r"^(?:就|都|应该|应该是)?(?:是|系)(?:那|嗰|这|呢)?(?:些)?"
    r"(?:新|刚|刚刚|啱啱|最近|前几天|前两天|前些天|早几日|上个星期|上星期|上个礼拜|上礼拜|上个月|头先|今年|去年|前年|旧年|上年|年头|年初|开春)?"
    r"(?:先|才|刚|就|至|正|新)?(?:种|栽|植)(?:落去|下去|落|下)?(?:的|嘅|个)?(?:那|嗰|这|呢)"
    r"(?:\d+|[一两二三四五六七八九十]{1,3}|几|多少)?(?:棵|株|樖|些|啲)"
)


# round 78 (21o): where they were planted and how many, no tree named ('喺屋后种嘅 两棵', '系门口种嘅 三棵', '喺田边种嘅 有五棵'):
# which of one's trees, as above (a question's detail, never a report of a tree called 喺嘅)
_WHERE_PLANTED_RE = re.compile(
    rf"^(?:就|都)?(?:是|在|是在)(?:我家|我|我们)?[{_CJK}]{{1,4}}?(?:种|栽|植)(?:落去|下去|落|下)?(?:的|了的)"
    rf"(?:有|共|一共|总共|都是)?(?:\d+|[一两二三四五六七八九十]{{1,3}})(?:棵|株|樖)(?:树)?$"
)


def which_planted_told(norm: str) -> bool:
    """'系新种嗰两棵': which of one's trees, pointed at by when they were planted (``_WHICH_PLANTED_RE``), or where with
    how many (``_WHERE_PLANTED_RE``, round 78), never a report."""
    return bool(norm and (_WHICH_PLANTED_RE.match(norm) or _WHERE_PLANTED_RE.match(_INTENT_PARTICLES_RE.sub("", norm))))


# round 57: where the tree stands, or its sun and shade, told as a statement ('佢喺屋后面 下昼先有太阳', '种喺墙角度 成日冇
# 阳光'): within a ticket's window a detail of its tree (the FAQ alone reads it as small talk)
_TREE_PLACE_RE = re.compile(
    r"(?:在|喺|种在|种喺|放在|放喺)(?:屋|房|门|楼|墙|阳台|院|天井|路边|河边|水边|山|窗|角落|树下|大树)"
    r"|(?:晒|照)(?:得|不|唔)?(?:到|着)?(?:太阳|日头|阳光)|(?:有|没有|没|冇|无|见不到|见唔到)(?:太阳|日头|阳光|日照)"
    r"|太阳(?:晒|照)(?:不|唔)?(?:到|着)|背阴|阴凉|遮住|挡住"
)


def tree_place_told(text: str) -> bool:
    """Where the tree stands or its sun told, not asked ('它在阳台上 只有上午晒到太阳'; not '屋后面种什么树好')."""
    norm = normalize(text)
    return bool(norm) and len(norm) <= 30 and not is_question(text) and bool(_TREE_PLACE_RE.search(norm))


# round 21: a closer look at the part of the tree the ticket asked about ('叶子背面有白色的小点点' after '桂花叶子发黄'): where
# on it, told as a statement, is a detail of the same tree. A new symptom told bare ('叶子被虫咬了好多洞') is not.
_PART_RE = re.compile(r"叶|树干|树皮|枝|根|果|花")
_WHERE_ON_IT_RE = re.compile(
    r"(?:叶子|叶片|叶|树干|树皮|树枝|枝条|枝|根部|根|果子|果|花)(?:的)?(?:背面|正面|底面|反面|背|面|尖|边边|边缘|边|脉|上面|下面|底下|里面|表面)"
)


# round 52 (20a): Cantonese 叶底 (the leaf's underside) with what is seen there ('叶底仲有啲白色小点'); insects told under
# it with no guess stay a symptom of their own (round 20's decision, kept for 19o's, 19r's, 19s's and 19v's '叶底有啲白色嘅虫')
_LEAF_UNDERSIDE_RE = re.compile(r"(?:叶子|叶片|叶)底(?!下)(?!.*虫)")


def closer_look(text: str, earlier: Iterable[str]) -> bool:
    """Does ``text`` (a statement) tell where on a part of the tree something is, a part one of ``earlier`` (a ticket's
    texts) names ('叶子背面有白色的小点点' after '桂花叶子发黄')?"""
    norm = normalize(text)
    found = _WHERE_ON_IT_RE.search(norm) or _LEAF_UNDERSIDE_RE.search(norm)
    if not found or is_question(text):
        return False
    part = _PART_RE.search(found.group(0))
    return part is not None and any(part.group(0) in normalize(e) for e in earlier)


# round 21: a cause guessed for the ticket's trouble, after what was done ('我还施了点尿素 会不会是肥太多'): about the
# same tree, whatever the FAQ answers of it (the answer comes with the 补充)
_CAUSE_GUESSED_RE = re.compile(
    rf"(?:会不会|是不是|会唔会|系咪|可能)(?:是)?(?:因为|由于)?[{_CJK}]{{1,8}}?"
    r"(?:太多|太少|过多|过量|不够|太浓|太大|太近|太深|太浅|太湿|太干|引起|造成|搞的|弄的|害的|烧的|淹的)(?:了)?(?:的)?(?:吗|呢)?$"
    # round 22: what was just told pointed at as the cause ('我日日都淋水 淋好多 会唔会系咁搞到')
    r"|(?:会不会|是不是|会唔会|系咪|可能)(?:是)?(?:这么|这样|咁|因为这样|因为这个|这个原因)(?:弄|搞|整|做|浇|淋|施)?(?:到|成|的|导致)?"
    r"(?:的)?(?:吗|呢)?$"
    # round 23: harm by the weather or the water guessed ('唔知係唔係冻亲': cold-struck, Cantonese 亲)
    r"|(?:会不会|是不是|会唔会|系咪|可能)(?:是)?(?:被|给)?(?:冻|晒|淹|烧|浸|焗|热|冷|风吹)(?:亲|伤|坏|到|死|了)(?:了)?(?:的)?(?:吗|呢)?$"
    # round 61 (20o, 20p): something lacking guessed ('是不是缺肥了', '系咪冇肥', '会唔会系冇淋水', '系咪缺钾')
    r"|(?:会不会|是不是|会唔会|系咪|可能)(?:是)?(?:因为)?(?:缺少|缺乏|缺|少了|少咗|没有|没|不够)(?:了|咗)?"
    r"(?:施|浇|淋|落|放|下)?(?:些|点|啲)?"
    # round 89: pollination ('会唔会系冇授粉')
    r"(?:肥料|肥|水|营养|养分|氮肥|磷肥|钾肥|氮|磷|钾|铁|镁|钙|硼|微量元素|阳光|太阳|光照|日照|授粉)(?:的原因|的关系)?(?:了)?(?:吗|呢)?$"
    # round 89 (last session's note: '应该系虫咬' after '问专家 荔枝叶卷' had opened a second ticket): bitten or eaten
    r"|(?:会不会|是不是|会唔会|系咪|可能)(?:是)?(?:被|给)?(?:虫|虫子|蚂蚁|老鼠|鸟|蜗牛)(?:咬|吃|蛀)(?:了|的)?(?:吗|呢)?$"
    # round 67: pests or a disease guessed ('系咪有虫', '会不会生病了')
    r"|(?:会不会|是不是|会唔会|系咪|可能)(?:是)?(?:有|生|长)(?:了)?(?:虫|病|虫害|病害|蚜虫|红蜘蛛|白蚁)(?:了)?(?:吗|呢)?$"
    # round 71 (21f): the sun's, the wind's or the rain's force guessed ('係咪晒得太犀利', '会唔会太阳太猛', '是不是风太大')
    r"|(?:会不会|是不是|是否|会唔会|系咪|可能)(?:是)?(?:因为)?"
    r"(?:(?:太阳|日头|阳光|风|雨|天气|天)(?:晒|吹|淋|落|冻)?|晒|吹|冻|焗)(?:得)?(?:太|过于|好)"
    r"(?:犀利|厉害|猛|劲|毒|大|多|凶|热|冷|晒|湿|干|耐|久)(?:了)?(?:的)?(?:吗|呢)?$"
)

# round 41 (19o): what was given too much of, guessed with its verb after it ('会唔会系肥落多咗', '是不是水浇多了'), or harm
# by what was given named ('会唔会系药害')
_GIVEN_TOO_MUCH_RE = re.compile(
    # round 52 (20a): the verb right after the guess, what was given told before it ('我成日淋水 系咪淋多咗')
    rf"(?:会不会|是不是|会唔会|系咪|可能)(?:是)?(?:因为)?[{_CJK}]{{0,4}}?(?:施|落|放|下|撒|浇|淋|喷|打|用)(?:得)?"
    r"(?:太多|过多|过量|多咗|过头|多)(?:了)?(?:的)?(?:吗|呢)?$"
    r"|(?:会不会|是不是|会唔会|系咪|可能)(?:是)?(?:药害|肥害|烧根|肥烧|药烧)(?:了)?(?:吗|呢)?$"
    # round 81 (issue 17 §5; 21v '上个月刚施过肥 会不会是肥多了'): what was given named, too much of it, no verb
    r"|(?:会不会|是不是|会唔会|系咪|可能)(?:是)?(?:因为)?(?:肥|肥料|化肥|鸡粪|鸡屎|猪粪|尿素|复合肥|水|药|农药)"
    r"(?:太多|过多|过量|多咗|多了|多)(?:了)?(?:的)?(?:吗|呢)?$"
    # what was given said after the verb ('系咪落多咗肥': 是不是施多了肥)
    rf"|(?:会不会|是不是|会唔会|系咪|可能)(?:是)?[{_CJK}]{{0,4}}?(?:施|落|放|下|撒|浇|淋|喷|打|用)(?:多了|多咗|太多|过多)"
    r"(?:肥|肥料|水|药|农药)(?:吗|呢)?$"
    # what was just told (the insects seen) pointed at as the cause of the ticket's trouble ('叶底有啲白色嘅小虫 唔知系咪佢搞')
    r"|(?:会不会|是不是|会唔会|系咪|可能)(?:是)?(?:它|它们|他们|这些|那些|这些虫|这个虫)(?:弄|搞|整|咬|害|造成|引起)"
    r"(?:的|成|到|出来的|成这样)?(?:吗|呢)?$"
)


# round 43 (19q): what was just told asked whether it bears on the ticket's trouble ('树头嗰度有蚂蚁 唔知有冇关系', '树干上有
# 些小洞 会不会有关系', '最近落了好多雨 跟这个有关系吗'): a cause guessed; '同桂花冇关系' (a denial, no question) is not
_RELATED_ASKED_RE = re.compile(
    r"(?:不知道|不知|想问)?(?:(?:跟|同|和|与)(?:这个|呢个|它|这|那个))?"
    r"(?:有没有|有无|会不会有|会唔会有|是不是有)(?:什么)?(?:关系|影响|关联)(?:的)?$"
    r"|(?:跟|同|和|与)(?:这个|呢个|它|这|那个)(?:有)?(?:关系|影响|关联)(?:吗|么)$"
    # round 46 (19s): whether it bears on it asked first, 有关 alone ('我寻日淋咗好多水 系咪同呢个有关')
    r"|(?:是不是|会不会|会唔会|系咪|有没有可能|可能)(?:跟|同|和|与)(?:这个|呢个|它|这|那个)(?:有关|有关系|有影响)(?:的)?(?:吗|呢)?$"
    r"|(?:跟|同|和|与)(?:这个|呢个|它|这|那个)有关(?:吗|么|不|没有)$"
)
# round 46 (19s): what was done named in the question whether it bears on the trouble ('会不会跟我施肥太多有关')
_DONE_RELATED_RE = re.compile(
    rf"(?:是不是|会不会|会唔会|系咪|有没有可能|可能)(?:跟|同|和|与)(?:我)?[{_CJK}]{{0,4}}?(?:施|落|放|撒|浇|淋|喷|打|剪|修|搬|移)"
    rf"[{_CJK}]{{0,4}}?(?:有关|有关系|有影响)(?:的)?(?:吗|呢)?$"
)


# round 48 (19v): the sender's care of the tree told, how often, then whether it is right ('我每日都有淋水，淋得几多', '我隔日就
# 淋一次水 系咪淋多咗', '我三日淋一次水 啱唔啱'): about the ticket's tree (its 补充), as a cause guessed is
_CARE_TOLD_ASKED_RE = re.compile(
    rf"^(?:我|我们|我家)(?:每日|每天|日日|天天|隔日|隔天|[{_CN_NUM}\d]{{1,2}}(?:日|天)|一日|一天|早晚)(?:都|就|也)?(?:有)?"
    r"(?:浇|淋|施|落)(?:一次|两次|几次)?(?:水|肥)(?:一次|两次)?"
    r"(?:(?:浇|淋|施|落)(?:得)?)?(?:是不是(?:浇|淋|施|落)?)?"
    r"(?:多少|够不够|多不多|多了|多|够了|够|太多|合不合适|对不对|行不行|得不得)(?:吗|呢)?$"
)


# round 67 (20w): a guess, then another cause offered with 还是 (定系, 抑或: either this or that): each read as a guess
_CAUSES_OFFERED_RE = re.compile(
    rf"^(?P<first>[{_CJK}]*?(?P<guess>会不会是|是不是|会不会|可能是)[{_CJK}]+?)(?:还是|或者|抑或|定是)(?:是)?(?P<second>[{_CJK}]+)$"
)


# round 70 (21c): someone else's guess at the cause told, then one's own look ('屋企人话系虫 我睇唔到有虫', '我老公讲系缺水
# 我觉得唔系'): who, said (话/讲, normalised 说/讲) it is, a tree's trouble (pests, sickness, water, feed, cold, sun, roots)
_OTHERS_GUESS_RE = re.compile(
    # the lead (41st, set 21p: '阿伯话系咪缺铁'): 话 as written, and a lack of any nutrient (缺铁, 缺钾, 缺微量元素)
    rf"^[{_CJK}]{{1,6}}?(?:说|讲|话)(?:是|可能是|应该是|怕是)(?:[{_CJK}]{{0,2}}?)"
    r"(?:虫|病|缺|营养|水多|水太多|肥多|肥太多|肥害|冻|冷|晒|烂根|根烂|真菌|细菌|蚂蚁|白蚁|土|盐|碱"
    r"|蜘蛛|螨|蚜|蚧|虱)"  # round 74 (21l): the pests told by name ('阿婆话系红蜘蛛 系咪啊')
)


def others_guess_told(norm: str) -> bool:
    """Round 70: another's guess at the cause told ('家人说是虫我看不到有虫'), at the start of a short text."""
    return bool(norm) and len(norm) <= INTENT_MAX_CHARS and bool(_OTHERS_GUESS_RE.match(norm))


# round 81 (issue 17 §5; 21s '是不是肥放多了上个月下了一次鸡粪'): what was done told after the guess with no pause, when
# (上个月, 前几天 …) and a verb of giving done (下了, 施过, 淋咗): left out, the guess before it read
_DONE_TOLD_AFTER_RE = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:我)?(?:上个月|上月|上礼拜|上星期|上周|前几天|前几日|前两天|早几天|昨天|琴日|前日|前天|之前|上次|头先"
    r"|刚才|刚刚)(?:我)?(?:刚|才|又|都)?(?:下|落|施|放|淋|浇|打|喷|撒|用)(?:了|咗|过)[\u4e00-\u9fff]{0,8}$"
)


# round 89: a guess said as such first (应该是, 估计是, 大概是, 好像是, 我谂是: I think it is), read as 可能是
_GUESS_LEAD_RE = re.compile(r"^(?:我)?(?:应该|估计|大概|好像|好似|谂|相信|怕)(?:是)")


def cause_guessed(norm: str) -> bool:
    """A guess at what caused the trouble ('会不会是肥太多', '是不是水浇多了造成的'), at the end of a short text."""
    norm = _GUESS_LEAD_RE.sub("可能是", norm or "", count=1)  # round 89
    told = _DONE_TOLD_AFTER_RE.search(norm or "")
    if told and cause_guessed(norm[: told.start()]):
        return True  # round 81
    offered = _CAUSES_OFFERED_RE.match(_INTENT_PARTICLES_RE.sub("", norm or ""))
    if offered and len(norm) <= INTENT_MAX_CHARS:  # round 67 (20w): two causes offered ('会唔会系缺肥定系冷亲')
        return cause_guessed(offered["first"]) and cause_guessed(offered["guess"] + offered["second"])
    if norm and len(norm) <= INTENT_MAX_CHARS and _GIVEN_TOO_MUCH_RE.search(_INTENT_PARTICLES_RE.sub("", norm)):
        return True  # round 41
    if norm and len(norm) <= INTENT_MAX_CHARS and _RELATED_ASKED_RE.search(_INTENT_PARTICLES_RE.sub("", norm)):
        return len(_RELATED_ASKED_RE.sub("", _INTENT_PARTICLES_RE.sub("", norm))) >= 3  # round 43: something told first
    if norm and len(norm) <= INTENT_MAX_CHARS and _DONE_RELATED_RE.search(_INTENT_PARTICLES_RE.sub("", norm)):
        return True  # round 46
    if norm and len(norm) <= INTENT_MAX_CHARS and _CARE_TOLD_ASKED_RE.match(_INTENT_PARTICLES_RE.sub("", norm)):
        return True  # round 48

    return bool(norm and len(norm) <= INTENT_MAX_CHARS and _CAUSE_GUESSED_RE.search(_INTENT_PARTICLES_RE.sub("", norm)))


# round 51: a look asked at how the tree is now, no tree named ('你睇下而家点样', '你看看现在怎么样', '专家帮我看看现在这样')
# — after a photo joined the open ticket, a look at that photo: the ticket's 补充 (handlers/escalation.py)
_LOOK_NOW_ASKED_RE = re.compile(
    r"^(?:你|您|专家|老师|顾问)?(?:帮我|帮手|麻烦)?(?:睇|看)(?:下|吓|一下|睇|看|吓睇)?"
    r"(?:而家|依家|宜家|现在|現在|目前)(?:系|是|係)?"
    r"(?:点样|点|怎么样|怎样|咋样|咩样|咩情况|什么情况|啥情况|这样|咁样|这个样子|个样)(?:了|啦|喇|呢|吖|啊|嘞)?$"
)


def look_now_asked(text: str) -> bool:
    """A look asked at how it is now, no tree named ('你睇下而家点样', '看看现在咋样了'): about what was just sent."""
    return bool(_LOOK_NOW_ASKED_RE.match(re.sub(r"[\s，,。.!！?？~～]", "", text or "")))


# round 74 (21l): a photo announced for the adviser to look at ('我影咗张相俾专家睇下片叶', '等我影张相俾你哋睇下'): who
# takes it (I), the picture, for whom to look, what of the tree after; within an open ticket's window its 补充
# (handlers/escalation.py), never a question of its own
_PHOTO_ANNOUNCED_RE = re.compile(
    r"^(?:等我|我来|我先|我等下|我等阵|我)?(?:影|拍|发|影多|拍多|发多)(?:了|好了|好)?(?:一|几|两)?(?:张|个|幅)?"
    r"(?:照片|相片|相|图片|图|照)(?:过来|过去)?(?:给|俾|畀)(?:专家|你们|你|您|顾问|老师|师傅)?(?:看|睇)(?:看|睇|下|一下|吓)?"
    rf"[{_CJK}]{{0,6}}$"
)


def photo_announced(norm: str) -> bool:
    """Round 74: a photo announced for the adviser to look at ('我拍了照片给专家看下片叶'), on the normalised text."""
    return bool(norm) and len(norm) <= INTENT_MAX_CHARS and bool(_PHOTO_ANNOUNCED_RE.match(norm))


# rounds 72 (21f) and 74 (21l), found apart and made one: trees planted together or beside one another asked about
# ('杨梅可唔可以同桂花种埋一齐', '石榴同桂花种埋一齐得唔得', '桂花旁边可以种柚子树吗', '龙眼荔枝可以混种吗'; normalised 种在一起,
# 旁边可以种): where or with what to plant, a question of its own even when it names the tree of an open ticket (never
# its 补充: handlers/escalation.py)
_PLANTED_TOGETHER_RE = re.compile(
    r"种在一起|一起种|种一起|种埋一起|混种|混着种|间种|套种|种在旁边|(?:旁边|隔壁|附近|周围|中间|底下|下面)(?:可以|可不可以|能|能不能|行不行)?种"
    r"|(?:和|同|跟|与)[\u4e00-\u9fff]{1,4}?(?:一起|一齐)?(?:种|栽)(?:在|埋)?(?:一起|一齐|一块|旁边|隔壁|邻居|附近|边上)"
    r"|(?:一起|一齐|混|间|套)(?:种|栽)"
    r"|(?:旁边|隔壁|邻居|附近|边上|下面|底下|树下)(?:可以|能|可不可以|能不能|可以不可以|适合|好不好)(?:种|栽)"
)


def planted_together_asked(norm: str) -> bool:
    """Trees planted together or beside one another asked about, on the normalised text."""
    return bool(norm) and is_question(norm) and bool(_PLANTED_TOGETHER_RE.search(norm))


# round 57: the sender cannot put it in words and asks for a look ('涯唔识讲 你睇下点算', '我说不清楚 专家帮我看看'), no tree
# named: about what the open ticket was sent, its 补充 (handlers/escalation.py)
_CANNOT_SAY_RE = re.compile(
    r"^(?:我|涯|𠊎|偓)?(?:也|都|真系|真的)?(?:不会讲|不会说|不识讲|讲不清楚?|说不清楚?|讲不明白?|说不明白?|讲不出|说不出|不知道怎么(?:讲|说))"
    r"(?:了|啦|呀|啊)?(?:你|您|你们|专家|老师|顾问)?(?:帮我|帮手|麻烦)?(?:看下|看一下|看看|看|看吓)"
    r"(?:怎么办|怎么搞|怎么弄|点算|怎样|怎么样)?(?:啦|吧|呀|啊|了|喇)?$"
)


def cannot_say_asked(text: str) -> bool:
    """The sender cannot say it and asks for a look, no tree named ('涯唔识讲 你睇下点算')."""
    return bool(_CANNOT_SAY_RE.match(re.sub(r"[\s，,。.!！?？~～]", "", normalize(text or ""))))


# set 19e: a new question announced ('顺便问 礼拜六植树活动几点开始', '另外问一下 …', '还有个问题 …'): its own, not a 补充
# of the ticket open, unless it names the same tree ('再问下 …' may add a detail: not read so)
_NEW_QUESTION_SAID_RE = re.compile(
    r"^(?:哦|噢)?(?:对了)?(?:顺便|另外)(?:问|请教)|^(?:还有|另外)(?:一个|个|一)(?:别的)?问题"
)


# round 33b: what is asked said not to be about a tree ('唔关桂花事 想问柿子苗点解唔出芽', '不关桂花的事', '同桂花冇关系'):
# that tree left out of what the text names (a ticket about it is not what it adds to)
_NOT_ABOUT_RE = re.compile(
    rf"(?:唔关|不关|无关|冇关|唔系问|不是问|唔系讲|不是说)(?:[{_CJK}]{{1,6}}?)(?:的|嘅|个)?(?:事|事情)(?:了|啦|喇)?"
    rf"|(?:同|和|跟)[{_CJK}]{{1,6}}?(?:无关|没关系|冇关系|唔关事|没有关系)"
    # conv103 (22z: '桂花嘅问题等专家答 我想问下而家种杨梅啱唔啱时候' had been the 桂花 ticket's 补充): the waiting question
    # pointed at first and left to the expert (等专家答, 等顾问回复先): what is asked after it is another matter
    rf"|^[{_CJK}]{{1,6}}?(?:的|嘅|个|嗰个|那个)(?:问题|事)?(?:就)?(?:等|留给|交给|让)(?:住)?(?:专家|顾问|老师)(?:慢慢)?"
    r"(?:答|回答|回复|回|处理|看|睇)?(?:住|先|就得|就好|啦|吧)?"
    # conv105 (23b: '桂花的事先不急 我想问三角梅插枝怎么弄' had been the 桂花 ticket's 补充): the waiting question pointed at
    # first and set aside (先不急, 唔急住, 先放一放): what is asked after it is another matter
    rf"|^[{_CJK}]{{1,6}}?(?:的|嘅|个|嗰个|那个|呢个|这个)(?:问题|事|事情)?(?:就|呢)?"
    r"(?:先不急|先唔急|唔急住|不急住|暂时不急|先放一放|放一放先|先放一边|放一边先|先放住|迟啲再讲|晚点再说|等下再说)"
    r"(?:住|先|啦|吧|了)?"
)


def without_tree_denied(text: str) -> str:
    """'唔关桂花事 想问柿子苗点解唔出芽' -> ' 想问柿子苗点解唔出芽'; a text denying nothing as it is."""
    return _NOT_ABOUT_RE.sub("", text or "", count=1)


# round 42 (19p): another matter announced, then a question ('还有一个事 家门口那块地适合种什么树'); a detail told after it
# ('还有一件事 叶子也卷了') is no question and stays the ticket's 补充
_ANOTHER_MATTER_RE = re.compile(
    r"^(?:哦|噢)?(?:对了)?(?:还有|另外)(?:一个|个|一|一件|件)(?:别的)?(?:事|事情|嘢|东西)(?:啊|呀)?"
)


_NEW_QUESTION_LEAD_RE = re.compile(
    r"^(?:哦|噢)?(?:对了)?(?:顺便|另外|再|想)(?:问|请教)(?:一下|下|吓|多句|多个问题)?(?:你|您|你们|专家)?"
)


def without_new_question_lead(norm: str) -> str:
    """Round 74 (21l): a normalised text without the words announcing a question of its own first ('顺便问下认养树怎么弄'
    -> '认养树怎么弄'), so that the request after them is read as said alone; any other text as it is."""
    return _NEW_QUESTION_LEAD_RE.sub("", norm or "", count=1)


def new_question_said(norm: str) -> bool:
    """A text that says it asks something new (顺便问, 另外问一下, 还有个问题 first; 还有一个事 and a question after it)."""
    if not norm:
        return False
    matter = _ANOTHER_MATTER_RE.match(norm)
    if matter and len(norm) - matter.end() >= 4 and is_question(norm[matter.end() :]):
        return True
    return bool(_NEW_QUESTION_SAID_RE.match(norm))


def addition_said(norm: str) -> bool:
    """A text that says it adds to what was asked (补充, 对了, 忘了说 first)."""
    return bool(norm and _ADDITION_RE.match(norm))


def after_addition(norm: str) -> str:
    """What follows the words saying it adds ('对了村里种树活动是哪天' -> '村里种树活动是哪天'); '' when none say it."""
    found = _ADDITION_RE.match(norm or "")
    return norm[found.end() :] if found else ""


# how to go on, asked while something is in progress ('这个怎么弄', '接下来怎么弄', '然后要发什么', '下一步呢'): the
# help for that thing (after a photo: the planting record's next step); with nothing in progress, the help
# round 58 (20i): a particle after the 'then' word ('然后呢 要点填', '跟住呢 点样写')
_NEXT = (
    r"(?:(?:那|那么|然后|接下来|跟着|跟住|下一步|之后|现在|这个|呢个|这|这样|还)(?:呢|啊|呀)?)?(?:我)?"
    # round 99 (22t: '接下来要我发什么', '跟住要我点做'): the one to do it after the must (要我, 让我, 叫我)
    r"(?:要|应该|该|还要|再|又|仲要)?(?:(?<=要)我|让我|叫我)?"
)
_GO_ON_RE = re.compile(
    rf"^{_NEXT}(?:怎么|怎样|如何)(?:弄|搞|做|整|操作|填|写|发)$"
    # round 19: 接着 (我接着要做什么), a particle after the first word (然后呢 要填什么)
    rf"|^(?:我)?(?:然后|接着|接下来|跟着|跟住|下一步|之后|现在|还)(?:呢|啊|呀)?{_NEXT}(?:打字|写字)?(?:发|做|干|弄|写|填|搞|打|讲|说|报)?"
    r"(?:什么|啥|咩|乜)?(?:字)?$"  # round 44 (19r): what words ('跟住要打咩字')
    # round 21: 干嘛 (normalised 干吗: what for) after it ('然后呢 还要干嘛'), how asked with nothing after ('拍了要怎样')
    rf"|^(?:我)?(?:然后|接着|接下来|跟着|跟住|下一步|之后|下面|现在|还)(?:呢|啊|呀)?{_NEXT}干(?:吗|嘛)$"
    r"|^(?:然后|接下来|跟着|之后)?(?:我)?(?:要|应该|该|还要)(?:怎么|怎样)(?:办)?$"
    # round 48 (19u): how to go on ('要点继续', '要点样继续', '怎么继续下去'): 点 alone is not normalised
    r"|^(?:然后|接下来|跟着|跟住|之后)?(?:我)?(?:要|应该|该)?(?:怎么|怎样|点)(?:样)?(?:继续|接着)(?:下去|弄|做|搞)?$"
    # round 25: how asked with nothing after it after 'then' ('相发咗 跟住要点': normalised 跟住要怎么样)
    rf"|^(?:我)?(?:然后|接着|接下来|跟着|跟住|下一步|之后|下面)(?:呢|啊|呀)?{_NEXT}(?:怎么样|怎样|怎么办|怎么|点)$"
)
# the photo said sent first ('相发过去了 下一步做咩', '照片发了 然后呢'): what follows is the question
_PHOTO_SENT_RE = re.compile(
    # round 69 (21a): taken as Cantonese says it ('相影咗啦 然后要打咩字啊')
    r"^(?:照片|相片|相|图片|图)(?:已经)?(?:发|拍|传|影)(?:过去|过来|好|完|给你)?(?:了)?(?:啦|喇)?"
    r"|^(?:已经)?(?:拍|影)(?:好|完)?了(?![相照张图一])(?:啦)?"  # round 21: taken, the photo unnamed ('拍了要怎样')
    # round 27: taken then sent over, 照 alone ('拍完照发过去 下一步打字打咩')
    r"|^(?:已经)?(?:拍|影)(?:好|完|了)(?:照|相|照片|相片)(?:发过去|发过来|发给你|发上来|发了|发完)?(?:了)?"
    # round 22: uploaded ('相片已经上传了'), the verb first ('发咗相', '发了照片')
    r"|^(?:照片|相片|相|图片|图)(?:已经)?上传(?:好|完)?(?:了)?"
    r"|^(?:已经)?(?:发|传|上传|拍|影)(?:了|完|好)(?:张|一张)?(?:照片|相片|相|图片|图)(?:了)?"  # round 25: 影完相
)
# round 44 (19r): a particle after the photo said sent ('发咗相啦 下一步点做', '相发咗喇 跟住点')
_SENT_PARTICLE_RE = re.compile(r"^(?:啦|喇|了|咯|嘞|哦)+")


# round 20: the record's next step asked as 'is it this?': the count said in words ('接下来要打字说几棵吗', '要取消吗 还是
# 直接讲几棵'), the photo sent later ('相片明天补可以吗')
_SAY = r"(?:打字|直接|用文字|文字)?(?:说|讲|发|写|填|报|打)"
_NEXT_STEP_ASKED_RE = re.compile(
    rf"^{_NEXT}{_SAY}(?:多少|几)(?:{_MEASURE})?(?:吗|呢)?$"
    rf"|^(?:是)?(?:要)?取消吗还是(?:要)?{_SAY}(?:多少|几)(?:{_MEASURE})?(?:吗|呢)?$"
    # round 27: a step named after the 'then' word, asked as 'is it this?' ('下一步呢 要打字吗', '然后呢 位置要发吗 点发',
    # '跟住呢 要唔要打字')
    r"|^(?:然后|接着|接下来|跟着|跟住|下一步|之后|下面)(?:呢|啊|呀)?(?:我)?(?:还|仲)?(?:要不要|需不需要|使不使|要|需要|使)?"
    r"(?:发|打|写|讲|说|报)?(?:打字|文字|位置|定位|多少棵|几棵|数量|树名|树种)(?:要不要|要|需要|使)?(?:发|打|写|讲|说|报)?"
    # round 28: what is to be said, after the verb ('然后呢 要打字说种了什么吗')
    r"(?:(?:种了|种的)?(?:什么树|什么|哪种树|多少棵|几棵))?"
    r"(?:吗|不|没有)?(?:怎么发|点发|怎么弄|怎么打)?$"
    r"|^(?:照片|相片|相|图片)(?:可以|能)?(?:明天|听日|等下|晚点|迟点|过两天|过几天|下午|晚上|回头|之后)(?:再)?(?:补|发|拍|传)"
    r"(?:发|拍|传|给你)?(?:可以吗|行吗|得不得|行不行|可不可以|好吗|得吗|吗)?$"
)

# round 41 (19o): what else is to be filled in or typed, some things (些, Cantonese 啲) or 字 after it ('然后呢 仲要填啲咩',
# '照片发了 仲要打啲咩字')
_THEN_WHAT_ELSE_RE = re.compile(
    rf"^(?:我)?(?:然后|接着|接下来|跟着|跟住|下一步|之后|还)(?:呢|啊|呀)?{_NEXT}(?:发|做|干|弄|写|填|搞|打|讲|说|报)"
    r"(?:些|一些)(?:什么|啥|咩|乜)(?:字|东西|资料)?$|^(?:还|仲)(?:要)?(?:打|写|填)(?:些)?(?:什么|啥|咩|乜)字$"
)


# round 42 (19p): the record's steps asked in other words: how to finish it ('怎么完成这个记录'), how to send its photo with
# 我 or 我要 first ('我要怎么发照片给你'), how to take it and whether a person must be in it ('照片点样影 要影埋人吗'), how to
# say the count without typing ('我唔识打字 点样讲几多棵'), what else to write, asked with 吗 ('还要写什么吗')
_RECORD_STEP_ASKED_RE = re.compile(
    r"^(?:我)?(?:要|应该)?(?:怎么|如何)(?:完成|搞定|弄完|做完|提交|结束)(?:这个|这条|个|这)?(?:记录|登记)$"
    # round 47 (19t): what makes it finished ('点先算登记完', '怎样才算登记完成', '要点样先算记录好')
    r"|^(?:我)?(?:要|应该)?(?:怎么|点|如何)(?:样)?(?:先|才)(?:算|可以|能)(?:是)?(?:登记|记录|报)?"
    r"(?:完|好|完成|成功|搞定|做完|登记好|记好)(?:了)?$"
    r"|^(?:我)?(?:要|应该)?(?:怎么|点)(?:发|传|上传)(?:照片|相片|相|图片)(?:给你|给你们|过去|过来|上来)?$"
    r"|^(?:照片|相片|相)(?:要|应该)?(?:怎么|点)(?:拍|影)(?:要|需要|使)?(?:不要|不需要|不使)?(?:拍|影)(?:到|埋|进|上)?"
    r"(?:人|自己|我)(?:吗|不|没有)?$"
    r"|^(?:我)?(?:不会|不识|不懂)(?:打字|写字)(?:那)?(?:怎么|点)(?:说|讲|报|发)(?:多少|几)(?:棵)?(?:树)?$"
    r"|^(?:还|仲)(?:要)?(?:写|填|打|发)(?:些)?(?:什么|啥|咩|乜)(?:吗|呢)$"
    # round 43 (19q): whether the count is still to be given, then how ('还要写几棵吗 怎么写', '棵数要写吗 怎么写')
    r"|^(?:还|仲)?(?:要|需要|使)?(?:写|填|打|报|讲|说|发)?(?:多少棵|几棵|棵数|数量)(?:还|仲)?(?:要|需要|使)?"
    r"(?:写|填|打|报|讲|说|发)?(?:吗|不|没有)(?:(?:要)?(?:怎么|点)(?:写|填|打|报|讲|说|发|弄))?$"
)


# round 46 (19s): the record's next step asked as what it is ('下一步系咩', '跟住系咩', '接下来是乜嘢'), with 是 (normalised
# from 系) between; with nothing in progress, the help
_NEXT_IS_WHAT_RE = re.compile(
    r"^(?:那|那么)?(?:然后|接着|接下来|跟着|跟住|下一步|之后|下面)(?:呢|啊)?(?:我)?(?:的)?(?:下一步)?(?:是|要做|该做|应该做)"
    r"(?:什么|啥|咩|乜)(?:东西|步骤|事)?$"
)
# round 46 (19s): whether the count and the tree are to be written ('要写几多棵咩树吗', '使唔使写种咗咩树', '要写棵数和树名吗')
_WRITE_COUNT_TREE_RE = re.compile(
    r"^(?:是不是|是否)?(?:还|仲)?(?:要不要|需不需要|使不使|要|需要|使)?(?:写|填|打|报|讲|说|发)(?:上|埋)?(?:种了|种的)?"
    r"(?P<count>多少棵|几棵|棵数|数量)?(?:和|同|跟|加|及|还有)?(?:种了|种的)?(?P<tree>什么树|哪种树|树名|树种|什么品种|品种)?"
    r"(?:吗|不|没有|呢)?$"
)


# round 56 (20f): the record's parts offered as a choice after how to go on ('下一步写咩 几多棵定系咩树', '然后要填什么 棵数还是
# 树名'): what is asked is how to go on
_PART_OFFERED = r"(?:多少棵|几棵|棵数|数量|什么树|哪种树|树名|树种|品种|照片|相片|位置|定位)"
_PARTS_OFFERED_RE = re.compile(rf"(?<=[{_CJK}]){_PART_OFFERED}(?:还是|定是|或者|或|定){_PART_OFFERED}(?:呢|啊|呀)?$")


# the lead (set 21j's end measurement): 'so' before the next step asked (Cantonese 咁, normalised 这么: '咁下一步点' after a
# photo had been taken for a tree called 咁下一步点)
_SO_FIRST_RE = re.compile(r"^(?:这么|那么|那|所以)(?=下一步|跟住|跟着|然后|接下来|接着|之后)")


# round 99 (22t: '记录还没完 接下来要我发什么'): the record told unfinished first, then the next step asked: the step asked
_UNFINISHED_FIRST_RE = re.compile(
    r"^(?:这个|这条|我的|我个|个|这)?(?:记录|登记)(?:还|仍然|都)?(?:没有|没|未)(?:完成|弄完|搞完|做完|登记完|记完|完|弄好|搞好|好)"
    r"(?:的|呢|啊|呀|喔)?(?=.)"
)


# conv110 (23g: '报咗两棵荔枝之后要发乜嘢' while the record waits for its photo): what was reported said first, then after it
# (之后, 以后, 后) the next step asked: the step asked, as '之后要发什么'
_REPORTED_THEN_RE = re.compile(
    r"^(?:我)?(?:已经)?(?:报|发|打|写|填|讲|说)(?:了|完|好)(?:字)?"
    r"(?:[\d一两二三四五六七八九十几]+(?:棵|株|苗))?[\u4e00-\u9fff]{0,4}?(?:之后|以后|后)(?=要|还要|应该|该|我|再|又)"
)
# conv110 (23g: '我阿妈叫我问下 报咗两棵荔枝之后要发乜嘢'): a relative who has the sender ask (阿妈叫我问下, 奶奶让我问一下),
# said first: what follows is asked as the sender's own (handlers/planting.py reads the rest)
_RELAYED_ASK_RE = re.compile(rf"^(?:我)?(?:的|个|嘅)?(?:{KIN_WORDS})(?:叫|让|喊|要)我(?:来)?(?:问问|问)(?:一下|下|看)?")


def relayed_ask(norm: str) -> str | None:
    """Conv110: what a relative has the sender ask, said after it ('我阿妈叫我问下报了两棵荔枝之后要发什么' -> '报了两棵荔枝之后
    要发什么'), normalised; None when no relative's asking is said first."""
    rest = _RELAYED_ASK_RE.sub("", norm or "", count=1)
    return rest if rest and rest != norm else None


_I_AFTER_THEN_RE = re.compile(r"^(然后|接着|接下来|跟着|跟住|下一步|之后)我(?=要|应该|还要|该)")
_SENT_WHERE_AFTER_RE = re.compile(r"(?<=发什么)(?:过去|过来|给你|俾你|给你们)$")


def go_on_asked(norm: str) -> bool:
    """How to go on with what is in progress, asked bare ('这个怎么弄', '然后要发什么', '相发过去了 下一步做咩'); not
    '这个病怎么弄' (names something) or '桂花怎么弄' (the FAQ's)."""
    if not norm:
        return False
    norm = _SO_FIRST_RE.sub("", _UNFINISHED_FIRST_RE.sub("", norm, count=1), count=1)
    norm = _REPORTED_THEN_RE.sub("之后", norm, count=1)  # conv110
    # conv101 (22x: '下一步我要发什么过去' after a photo had the FAQ's steps): 我 after the then word, where it goes after
    norm = _SENT_WHERE_AFTER_RE.sub("", _I_AFTER_THEN_RE.sub(r"\1", norm, count=1), count=1)
    offered = _PARTS_OFFERED_RE.search(norm)
    if offered and go_on_asked(norm[: offered.start()]):
        return True  # round 56
    sent = _PHOTO_SENT_RE.sub("", norm, count=1)
    norm = _SENT_PARTICLE_RE.sub("", sent, count=1) if sent != norm else sent
    if norm and len(norm) <= 16 and _NEXT_STEP_ASKED_RE.match(_INTENT_PARTICLES_RE.sub("", norm)):
        return True
    if norm and len(norm) <= 16 and _RECORD_STEP_ASKED_RE.match(norm):
        return True  # round 42
    bare = _INTENT_PARTICLES_RE.sub("", norm)
    if _NEXT_IS_WHAT_RE.match(bare):
        return True  # round 46
    written = _WRITE_COUNT_TREE_RE.match(bare)
    if written and (written["count"] or written["tree"]):
        return True  # round 46
    if not norm or len(norm) > 10:
        return False
    norm = _INTENT_PARTICLES_RE.sub("", norm)
    if _THEN_WHAT_ELSE_RE.match(norm):
        return True  # round 41
    return bool(_GO_ON_RE.match(norm)) and norm not in ("这个", "那", "现在", "还", "我")


# sim69: a tree pointed at, a relative's or bare ('阿妈嗰棵点算' -> 阿妈那棵怎么办, '那两棵呢 怎么搞'), and how to go on, with
# nothing said wrong with it (no symptom, no death: '阿妈嗰棵黄咗叶点算' stays a question): asked of the record waiting
_POINTED_TREE_GO_ON_RE = re.compile(
    rf"^(?:{_KIN}|(?:我|我们|我哋)?(?:{OLD_RELATIVES}|阿伯|伯父|伯母|阿叔|叔叔|阿姨|姑姑)|我(?:妈|爸))?(?:的)?"
    r"(?:那|这|呢)(?:一|两|二|三|几)?(?:棵|株|条|兜|苗)(?:树|苗)?(?:呢)?"
    r"(?:要|应该|该|又)?(?:怎么办|怎么弄|怎么搞|怎么整|怎么样|怎样|点算|点搞|点整)(?:好|先|才好)?$"
)


def pointed_tree_go_on_asked(norm: str) -> bool:
    """Sim69: a tree pointed at and how to go on, nothing else ('阿妈嗰棵点算', '这棵怎么弄呢'; ``normalize``d)."""
    bare = _INTENT_PARTICLES_RE.sub("", re.sub(r"\s+", "", norm or "").rstrip("？?。.！! "))
    return bool(bare) and bool(_POINTED_TREE_GO_ON_RE.match(bare))


# how to send the photo a record waits for ('相片点发俾你', '照片怎么发给你', '怎么上传照片'): asked of the record
_PHOTO_HOW_RE = re.compile(
    r"^(?:照片|相片|相|图片|图)(?:要|应该|该)?(?:怎么|点)(?:发|传|上传|拍)(?:给你|给你们|过去|过来|上来)?$"
    r"|^(?:怎么|点)(?:发|传|上传)(?:照片|相片|相|图片)(?:给你|给你们|过去|过来|上来)?$"
    # round 22: when ('影相要几时发先得': not at the tree now)
    r"|^(?:照片|相片|相|图片|拍照)(?:要|可以|应该)?(?:什么时候|几时|多久内|几天内|几点)(?:发|传|上传|拍|补)(?:给你|过来)?"
    r"(?:才行|才得|才可以|都行|都得|也行|可以|都可以)?(?:吗|不行|行不行|得不得|可不可以)?$"
    # set 19e: where to press, after how ('相片点样发俾你 按边度'); taken later at the tree ('听日去到树度先影得唔得')
    r"|^(?:照片|相片|相|图片|图)(?:要|应该|该)?(?:怎么|点)(?:发|传|上传)(?:给你|给你们|过去|过来|上来)?"
    r"(?:按哪里|按哪个|点哪里|点哪个|在哪里按|按什么"
    # round 25: 撳 (Cantonese: press; normalised 揿) where ('相要点发 喺边度撳')
    r"|(?:在哪里|哪里|哪个|什么地方)(?:按|揿|㩒|撳|点|戳)|(?:揿|㩒|撳|戳)(?:哪里|哪个|什么))$"
    # round 25: the photo of the tree alone asked as enough ('影埋棵树就得?', '只拍树就行吗'): what the record needs
    r"|^(?:是不是|是否|是)?(?:我)?(?:只|只要|净是|只是|就)?(?:影|拍|照)(?:埋|下|张|一张|个)?(?:[\u4e00-\u9fff]{0,2}(?:树|苗))?"
    r"(?:就)?(?:就得|就行|就可以|就够|得不得|行不行|可不可以|够不够)(?:了|吗|啦|未)?$"
    # round 36 (19l): the photo sent as all it takes ('拍照发过来就得了吗', '发张相片就可以了吗', '拍照发给你就行了吗')
    r"|^(?:是不是|是否|是)?(?:我)?(?:只|只要|净是|只是)?(?:(?:影|拍)(?:照|相)?|发)(?:张|一张|个)?(?:照片|相片|相|图片)?"
    r"(?:发|传)?(?:过来|过去|给你|给你们|上来|上去)?就(?:得|行|可以|够)(?:了)?(?:吗|啦|未|没有)?$"
    r"|^(?:明天|听日|等下|晚点|迟点|过两天|过几天|下午|晚上|回头)(?:去到|到|去)?[\u4e00-\u9fff]{0,4}?(?:先|再|才)"
    r"(?:影|拍|补|发)(?:一张|张|几张)?(?:照片|相片|相)?(?:给你|过来)?(?:可以吗|行吗|行不行|得不得|可不可以|好吗|得吗|吗)$"
)


# round 27: how to send the location a record may carry ('位置点样发畀你', '定位怎么发'), whether a photo is needed and of
# what ('要影相吗 影边度先得', '使唔使影相 影边度'); not finding the button after it ('揾唔到个掣': normalised 找不到个掣)
_LOCATION_HOW_RE = re.compile(
    r"^(?:位置|定位)(?:要|应该|该)?(?:怎么|点)(?:发|传|上传|加|打开)(?:给你|给你们|过去|过来|上来)?$"
    r"|^(?:怎么|点)(?:发|传|加)(?:位置|定位)(?:给你|给你们|过去|过来|上来)?$"
    r"|^(?:要|使|需要)?(?:不要|不使|不需要)?(?:拍照|影相|拍相|影|拍)(?:吗|不)?(?:要)?(?:影|拍)(?:哪里|什么|边个|哪个)"
    r"(?:才行|才得|先得|才可以|好)?$"
    # round 56 (20f): whether the location is wanted, then how ('使唔使发位置 点发', '需不需要发定位 怎么弄')
    r"|^(?:还|仲)?(?:要不要|需不需要|用不用|使不使|要|需要)(?:发|加|传|报)(?:埋|上|多)?(?:位置|定位)(?:吗|不|没有)?"
    r"(?:那|要)?(?:怎么|怎样|如何|点)(?:样)?(?:发|加|传|弄|搞|做|开)?$"
)
_NOT_FOUND_AFTER_RE = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:我)?(?:找不到|找不着|不会找|不识找|看不到|不见)(?:个|那个|这个)?(?:掣|按钮|键|按键|地方|在哪里|在哪)?$"
)


# round 33: what comes next said first, not knowing how said after ('跟住要点样发相 我唔识', '接下来怎么发照片 我不会'); or
# whether it is the photo that is to be sent ('是不是要影张相发过来', after '跟住要点做')
_THEN_FIRST_RE = re.compile(r"^(?:然后|接着|接下来|跟着|跟住|下一步|之后|下面)(?:呢)?(?:我)?(?:要|应该|该)?(?=怎么|点)")
# round 36 (19l): what comes next asked first, then whether the photo is all it takes ('然后要做什么 拍照发过来就得了吗')
_THEN_WHAT_FIRST_RE = re.compile(
    r"^(?:然后|接着|接下来|跟着|跟住|下一步|之后)(?:呢)?(?:我)?(?:还)?(?:要|应该|该)?(?:做|干|弄|搞)?(?:什么|啥|咩|乜)?(?:呢|啊)?(?=.)"
)
_CANNOT_AFTER_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?:我)?(?:不会|不识|不懂|唔识|不知道)(?:弄|搞|发)?$")
_IS_IT_THE_PHOTO_RE = re.compile(
    r"^(?:是不是|是否|是)(?:要)?(?:影|拍|发)(?:张|一张)?(?:照片|相片|相|图片)(?:发过来|发给你|发过去|上来|过来)?(?:吗|呢)?$"
)

# round 41 (19o): whether the photo is the next step ('下一步系咪要影相', '是不是要拍照先', '接下来要发照片吗')
_NEXT_IS_THE_PHOTO_RE = re.compile(
    r"^(?:下一步|然后|接着|接下来|跟着|跟住|之后)?(?:呢)?(?:是不是|是否|是)?(?:要|需要)(?:先)?(?:影|拍|发)(?:张|一张)?"
    r"(?:照片|相片|相|图片|照)(?:发过来|发给你|过来)?(?:先)?(?:了)?(?:吗|呢|没有)?$"  # round 43: Cantonese 未 (没有)
)


# round 44 (19r): whether the photo is a must, then how to take it ('要影相先得咩 点样影', '非要拍照不可吗 怎么拍',
# '使唔使影相先 点样影'): the record waiting for it answers (what it still needs)
_PHOTO_A_MUST_THEN_HOW_RE = re.compile(
    r"^(?:还|仲)?(?:是不是|是否)?(?:一定|非|必须)?(?:要不要|需不需要|要|需要)?(?:拍照|拍照片|拍张照片|拍张照|拍相)(?:先)?"
    r"(?:才行|才得|才可以|才算|先得|先行|不可)?(?:什么|吗|不行|行不行|没有|不)?"
    r"(?:要|那)?(?:怎么|怎样|点)(?:样)?(?:拍|照)?(?:好|才好|比较好)?$"
)

# round 52 (19z, 20a): whether the tree's photo is to be taken or is next, the photo named, then how to take or send it
# ('要拍树的照片吗 怎么发', '跟住要影相系咪 点影', '照片要拍吗 怎么弄'): the record waiting for it answers (its next step)
_PHOTO_ASKED_THEN_HOW_RE = re.compile(
    r"^(?:下一步|然后|接着|接下来|跟着|跟住|之后)?(?:是不是|是否)?(?:要|需要|要不要)?(?:影|拍|发|传)?(?:张|一张)?"
    r"(?:这棵树的|棵树的|树的|树苗的)?(?:照片|相片|相|照|图片)(?:要|需要)?(?:影|拍|发)?"
    r"(?:吗|是不是|是吗|是不|什么|没有|不)(?:那|要)?(?:怎么|怎样|如何|点)(?:样)?(?:发|拍|影|弄|搞|做|传|上传)"
    r"(?:过来|过去|给你|上来|上去)?$"
)


# round 46 (19s): how to send the photo once taken ('影咗相之后点上传', '拍好照之后怎么发给你', '照片拍了以后怎么上传')
_TAKEN_THEN_HOW_RE = re.compile(
    r"^(?:我)?(?:照片|相片|相)?(?:影|拍)(?:了|完|好)?(?:照片|相片|相|照)?(?:之后|以后|后|然后|过后)?(?:要)?(?:怎么|点|怎样|如何)"
    r"(?:样)?(?:发|传|上传|交)(?:上来|上去|过来|过去|给你|给你们)?$"
)
# round 46 (19s): the photo cannot be taken ('我唔识影相 点算', '我不会用手机拍照咋办'): the record still waits for it, and
# the reply says who can help (planting.photo_help)
_CANNOT_PHOTO_RE = re.compile(
    r"^(?:我)?(?:不会|不识|不懂)(?:用)?(?:手机)?(?:拍照|拍相|拍照片|拍)(?:那|咁)?(?:怎么办|怎么弄|怎么搞)(?:好)?$"
    # round 53 (20c): the photo cannot be sent ('我唔识发相 点搞', '我唔会发照片 点算')
    r"|^(?:我)?(?:不会|不识|不懂)(?:用)?(?:手机)?(?:发|传|上传)(?:照片|相片|相|图片|照|图)(?:那|咁)?(?:怎么办|怎么弄|怎么搞)(?:好)?$"
    # round 47 (19t): no photo, or none can be taken, asked whether it will do ('冇相影得唔得', '没有照片可以吗', '影唔到相
    # 得唔得'): read only while a record waits for its photo (handlers/planting.py)
    r"|^(?:我)?(?:没有|没)(?:照片|相片|相|照)(?:影|拍)?(?:那)?(?:也|都)?(?:行不行|得不得|可不可以|可以吗|行吗|得吗|可以不"
    r"|怎么办|得不|行不)$"
    r"|^(?:我)?(?:影|拍)(?:不到|不了)(?:照片|相片|相|照)(?:那)?(?:也|都)?(?:行不行|得不得|可不可以|可以吗|行吗|得吗|可以不"
    r"|得不|行不)$"
    # round 48 (19u): the photo will not go ('相片发唔出点算', '张相传唔上去点算', '照片上传不了怎么办')
    r"|^(?:我的|我)?(?:这|那)?(?:张)?(?:照片|相片|相|图片)(?:一直|总是|老是)?(?:发|传|上传)(?:不出|不上|不了|不过|不到)(?:去|来)?"
    r"(?:那|咁)?(?:怎么办|怎么弄|怎么搞|怎么样)$"
)


# round 48 (19v): whether the photo is a must ('系咪要影埋棵树先得', '要唔要影埋相', '一定要发相咩', '是不是要拍照才行'): the
# record waiting for it answers (what it still needs); with none, the FAQ's
# round 63 (20q, 20r): still a must, 还 (仲) before it ('仲要影相咩'), or asked with Hakka 么 ('要影相么')
# round 84 (22b: '系咪要连相一齐发先算数', normalised 是不是要连相一起发先算数): the photo named before the verb, sent with
# the rest, and 'only then it counts' (才算, 先算数)
_PHOTO_A_MUST_RE = re.compile(
    r"^(?:还|也|都)?(?:是不是|是否|是)?(?:一定|非|必须)?(?:要不要|需不需要|要|需要|使不使|使)(?:先)?"
    r"(?:(?:连|同|和|跟)?(?:照片|相片|相|照|图片)(?:一起|一齐|埋)?)?(?:影|拍|发|传)"
    r"(?:埋|下|张|一张|个)?(?:棵树|这棵树|树|树苗)?(?:照片|相片|相|照|图片)?"
    r"(?:才行|才得|先得|才可以|不可|才算数|先算数|才作数|先作数|才算|先算|先)?"
    r"(?:吗|么|什么|不|没有|呢)?$"
)


# round 53 (20c): what to take asked, the tree or the person after it ('要影边度 影树定影人', '影边度好 影树定系影人'): the
# record waiting for its photo answers (its next step); with none, the FAQ's photo answer
_WHAT_TO_PHOTO_RE = re.compile(
    r"^(?:要|应该)?(?:拍|影)(?:照|相)?(?:哪里|什么)(?:好|才好)?"
    r"(?:(?:拍|影)?(?:树|树苗)(?:还是|定是|定|或者)(?:拍|影)?(?:人|自己|我))?$"
)


# round 56 (20f): who would help is away, said between ('我唔识发图 个仔返工去咗 点算', '我不会传照片 女儿出去打工了 怎么办'):
# left out before the photo not sent is read
_HELPER_AWAY_RE = re.compile(
    r"(?<=[照片相图])(?:我)?(?:的|个|家)?(?:孙子|孙女|孙仔|孙|儿子|女儿|个仔|阿仔|仔|个女|阿女|老公|老婆|后生|子女|家人|屋企人)"
    r"(?:又|都|也|已经)?(?:去)?(?:上学|回学|读书|打工|出去打工|出去|出门|回工|返工|上班|开工|去城里|不在家|不在)(?:去)?(?:了|啦)?"
    r"(?=怎么|那|咁)"
)


def cannot_photo_said(norm: str) -> bool:
    """Round 46: the sender cannot take the photo a record waits for ('我唔识影相 点算')."""
    return bool(norm) and bool(_CANNOT_PHOTO_RE.match(_INTENT_PARTICLES_RE.sub("", _HELPER_AWAY_RE.sub("", norm))))


# conv98 (22s: '喂你好我刚才说了两棵荔枝然后你叫我发照片我不知道怎么弄那个加号在哪里', a ticket while the record waited): a
# voice story of the record so far, the photo the bot asked for told (你叫我发照片), then not knowing how, or where the button
# is, at its end: the record's next step (its photo's how), never a ticket nor another record
_PHOTO_ASKED_FOR_RE = re.compile(
    r"(?:你|你们)?(?:叫|让|要)我(?:再)?(?:发|拍|影|传)(?:张|一张|个)?(?:照片|相片|相|照|图)"
)
_HOW_OR_WHERE_AT_END_RE = re.compile(
    r"(?:不知道|不知|不会|不识|不懂|找不到)(?:怎么|点样|点|如何)?(?:弄|发|搞|做|传|按)?(?:相|照片|图)?(?:啊|呀|喔)?"
    r"(?:(?:那个|个|这个)?(?:加号|\+|按钮|掣|键)(?:在哪里|在哪儿|在哪|是哪个))?$"
    r"|(?:那个|个|这个)?(?:加号|\+|按钮|掣|键)(?:在哪里|在哪儿|在哪|是哪个)$"
)


# conv101 (22w: '我阿爸唔识影相 用相册入面嘅相得唔得 点发' while a record waited had the FAQ's photo card): a photo from
# the phone's album asked whether it will do, then how to send it: the record's next step with how (the album's way)
_ALBUM_PHOTO_RE = re.compile(
    r"(?:手机)?(?:相册|相簿|图库)(?:里面|里边|里|入面)?(?:的)?(?:旧)?(?:相片|照片|相|照|图|图片)"
    r"(?:行不行|得不得|可不可以|可以不|可以吗|行吗|得吗|能不能用|能用吗|可以用吗|可不可以用)?"
)
_SEND_HOW_AT_END_RE = re.compile(r"(?:要)?(?:怎么|点样|点|怎样|如何)(?:样)?(?:发|传|发过来|发给你|弄|搞)$")


def album_photo_send_asked(norm: str) -> bool:
    """Conv101: a photo from the album asked whether it will do, then how to send it ('用相册入面嘅相得唔得 点发')."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    album = _ALBUM_PHOTO_RE.search(bare)
    return bool(album and len(bare) <= 2 * INTENT_MAX_CHARS and _SEND_HOW_AT_END_RE.search(bare, album.end()))


def photo_how_told_at_length(norm: str) -> bool:
    """Conv98: the photo the bot asked for told, then how or where asked at the end ('…你叫我发相我唔识啊个加号喺边')."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    asked = _PHOTO_ASKED_FOR_RE.search(bare)
    return bool(asked and len(bare) <= 3 * INTENT_MAX_CHARS and _HOW_OR_WHERE_AT_END_RE.search(bare, asked.end()))


# conv105 (23b: '帮我阿妈报紧 佢影咗相喺佢部手机度 点传过嚟' had been a ticket while the record waited): reporting for a
# relative said first (帮我阿妈报紧, 替我妈报的), the photo on the relative's phone, then how to send it over
_FOR_KIN_REPORTING_RE = re.compile(
    rf"^(?:我)?(?:帮|替|同|给)(?:我)?(?:的|嘅|个)?(?:{KIN_WORDS})(?:报|登记|记录)(?:紧|着|的|嘅|了|咗)?"
)
_PHOTO_ON_THEIR_PHONE_HOW_RE = re.compile(
    r"^(?:它|他|她)?(?:影了|拍了|影咗|拍咗|有)?(?:一张|两张|几张|张|几|一|两)?(?:照片|相片|相|照|图)?(?:是)?(?:在|放在|存在)(?:它|他|她)(?:的|部|个|只)?"
    r"(?:手机|电话)(?:度|上|里|里面|入面)?(?:要)?(?:怎么|点样|点|怎样|如何)(?:样)?(?:传|发|转|弄|搞)"
    r"(?:过来|过去|给你|给你们|上来)?$"
)


def photo_on_their_phone_how_asked(norm: str) -> bool:
    """Conv105: reporting for a relative, their photo on their phone, how to send it over ('帮我阿妈报紧它影了相在它部手机度
    点传过来', normalised)."""
    lead = _FOR_KIN_REPORTING_RE.match(norm or "")
    return bool(lead and _PHOTO_ON_THEIR_PHONE_HOW_RE.match(_INTENT_PARTICLES_RE.sub("", norm[lead.end() :])))


def photo_how_asked(norm: str) -> bool:
    """How to send a photo, asked bare ('照片点发给你'): a planting record waiting for its photo answers it. Round 27: or
    the location ('位置点样发畀你 揾唔到个掣'), or whether a photo is needed and of what ('要影相吗 影边度先得')."""
    if not norm:
        return False
    if photo_on_their_phone_how_asked(norm):
        return True  # conv105
    bare = _INTENT_PARTICLES_RE.sub("", norm)
    if _IS_IT_THE_PHOTO_RE.match(bare) or _NEXT_IS_THE_PHOTO_RE.match(bare):  # round 41
        return True
    if _PHOTO_A_MUST_THEN_HOW_RE.match(bare) or _PHOTO_ASKED_THEN_HOW_RE.match(bare):  # round 44; round 52
        return True
    if _TAKEN_THEN_HOW_RE.match(bare) or cannot_photo_said(bare):  # round 46; round 56: who is away between
        return True
    if _WHAT_TO_PHOTO_RE.match(bare) and "树" in bare:  # round 53
        return True
    a_must = _PHOTO_A_MUST_RE.match(bare)
    if a_must and re.search(r"照|相|图|树", a_must.group(0)):  # round 48: what is taken named
        return True
    bare = _INTENT_PARTICLES_RE.sub("", _CANNOT_AFTER_RE.sub("", _THEN_FIRST_RE.sub("", bare)))
    if _PHOTO_HOW_RE.match(bare) or location_how_asked(norm):
        return True
    then = _THEN_WHAT_FIRST_RE.match(bare)
    return bool(then and then.end() and _PHOTO_HOW_RE.match(bare[then.end() :]))


# round 57: how to take or send the photo, or how to finish the record, asked in a short text in other words ('相要点影先
# 得', '係兩棵荔枝冇錯 點樣影相', '我要点样发相片啊 唔识', '我点样完成呢条记录'): read only while a record waits
# (handlers/planting.py), never a question about what a photo shows, nor a photo deleted or changed
_PHOTO_NAMED_RE = re.compile(r"照片|相片|相|图片|拍照|影相|照相")
_HOW_WORD_RE = re.compile(r"怎么|怎样|如何|点样")
_NOT_THE_RECORDS_PHOTO_RE = re.compile(
    r"删|撤|换|改|重发|不要|为什么|什么树|哪种|叶|黄|虫|病|死|里的|上的|里面|(?:怎么|怎样|如何|点样)(?:选|挑)|哪张|好多"
)
_TAKE_RE = re.compile(r"拍|影|照相")
_FINISH_ASKED_RE = re.compile(
    r"(?:怎么|怎样|如何|点样)(?:先|才)?(?:可以|能|能够|算)?(?:完成|弄完|搞完|做完|搞掂|弄好|提交)(?:到)?(?:这|呢|那|嗰)?(?:条|个)?记录"
    r"|(?:这|呢|那|嗰)(?:条|个)记录[^，。\s]{0,4}?(?:怎么|怎样|如何|点样)(?:先|才)?(?:可以|能|算)?(?:完成|弄完|搞完|搞掂|提交)"
    r"|(?:怎么|怎样|点样|点)(?:先|才)(?:可以|能)?(?:完成|搞掂)(?:到)?(?:这|呢|那|嗰)(?:条|个)记录"
)


def record_photo_how_asked(norm: str) -> bool:
    """How to take or send the photo, or to finish the record, asked in other words (``_PHOTO_NAMED_RE`` with a how
    word, ``_FINISH_ASKED_RE``), short."""
    if not norm or len(norm) > 20:
        return False
    if _FINISH_ASKED_RE.search(norm):
        return True
    return bool(
        _PHOTO_NAMED_RE.search(norm) and _HOW_WORD_RE.search(norm) and not _NOT_THE_RECORDS_PHOTO_RE.search(norm)
    )


def photo_how_cannot_said(norm: str) -> bool:
    """``record_photo_how_asked`` with not knowing how ('我要点样发相片啊 唔识'): the help with the photo after the step."""
    return record_photo_how_asked(norm) and bool(re.search(r"不会|不识|不懂", norm))


def photo_take_how_asked(norm: str) -> bool:
    """``record_photo_how_asked`` of how to take the photo ('相要点影先得'): its tips answer first."""
    return record_photo_how_asked(norm) and bool(_TAKE_RE.search(norm)) and not _FINISH_ASKED_RE.search(norm)


def location_how_asked(norm: str) -> bool:
    """How to send the location, or whether a photo is needed and of what ('位置点样发畀你 揾唔到个掣', '要影相吗 影边度'):
    the record's steps, asked with or without a record in progress."""
    bare = _INTENT_PARTICLES_RE.sub("", _NOT_FOUND_AFTER_RE.sub("", norm or ""))
    return bool(bare and _LOCATION_HOW_RE.match(bare))


# round 22: the record's steps asked around the photo: what comes after it ('影完相之后仲要打字咩', '发相之后要唔要发位置'),
# which first ('先发相定系先打几多棵'), the photo alone ('淨系发相得唔得'): the planting help, which says the steps (with a
# record in progress, its next step)
_PHOTO_WORD = r"(?:照片|相片|相|图片|图|拍照)"
_STEP_WORD = r"(?:打字|文字|位置|定位|多少棵|几棵|棵数|数量|树名|树种|名字)"
_RECORD_STEPS_RE = re.compile(
    rf"^(?:我)?(?:发|拍|影|传|上传)(?:完|了|好)?{_PHOTO_WORD}"
    # set 19e: sent up after it was taken ('影咗相发上嚟之后仲要打字冇')
    r"(?:发上来|发上去|发过来|发过去|发给你|发了|发完|上传了|上传完)?"
    r"(?:之后|以后|后|然后|完)(?:还|仲)?(?:要|需要|使)?(?:不要|不用)?"
    rf"(?:发|打|写|讲|说|报)?{_STEP_WORD}(?:吗|什么|没有|不)?$"
    # round 27: what else, unnamed, after the photo ('发完相之后仲要发咩', '影完相之后仲要做咩', '拍完照发过去 下一步打字打咩')
    rf"|^(?:我)?(?:发|拍|影|传|上传)(?:完|了|好)?(?:{_PHOTO_WORD}|照)(?:发上来|发上去|发过来|发过去|发给你|发了|发完)?"
    r"(?:之后|以后|后|然后|下一步|接下来|跟着|跟住)(?:呢)?(?:还|仲)?(?:要|需要)?(?:打字|写字)?(?:发|打|写|讲|说|报|做|干|填|弄)"
    r"(?:什么|些什么|咩|乜)$"
    # round 37 (19m): 'is it …' first, 拍照 as the photo ('是先拍照还是先打字啊')
    rf"|^(?:是|应该)?(?:我)?(?:要)?先(?:(?:发|拍|影|传){_PHOTO_WORD}|拍照)(?:还是|定|或者)(?:先)?(?:发|打|写|讲|说|报)?{_STEP_WORD}$"
    # set 19e: the order asked as 'is it this?', after planting ('种树之后系咪先发张相再讲几多棵')
    # round 33: logging named first ('上报种树是不是先拍照再打字多少棵'), the count after the typing
    r"|^(?:我)?(?:上报|登记|报|记录)?(?:种树|种完树|种好树|种了树|种完|种好)?(?:之后|以后|后)?(?:是不是|是否|是)?(?:要)?"
    rf"先(?:(?:发|拍|影|传){_PHOTO_WORD}|拍照)(?:再|然后|之后|后)(?:发|打|写|讲|说|报)?{_STEP_WORD}{{1,2}}(?:吗|呢)?$"
    rf"|^(?:我)?(?:要)?先(?:发|打|写|讲|说|报){_STEP_WORD}(?:还是|定|或者)(?:先)?(?:发|拍|影|传){_PHOTO_WORD}$"
    # round 25: the photo alone enough, or the count written too ('种完树发张相就得 定系要写埋几多棵')
    r"|^(?:我)?(?:种树|种完树|种好树|种了树|种完|种好)?(?:之后|以后|后)?(?:只|只要|就)?(?:发|拍|影|传)(?:一张|张)?"
    rf"{_PHOTO_WORD}(?:就得|就行|就可以|就够|得不得|行不行)?(?:了)?(?:还是|定|或者)(?:要|还要|仲要|都要)?"
    rf"(?:发|打|写|讲|说|报|填)(?:埋|上|下|多)?{_STEP_WORD}(?:吗|呢)?$"
)

# round 41 (19o): the photo sent, then whether something is still to be typed, with no 之后 ('发了照片还要打字吗 打什么')
_PHOTO_THEN_STILL_RE = re.compile(
    # the photo named first ('相发咗 仲要打字吗')
    rf"^{_PHOTO_WORD}(?:已经)?(?:发|拍|影|传|上传)(?:了|完|好)(?:之后|以后|后)?(?:还|仲)(?:要|需要|使)?(?:发|打|写|讲|说|报|填)?"
    rf"{_STEP_WORD}(?:吗|不|没有)?$|"
    rf"^(?:我)?(?:发|拍|影|传|上传)(?:完|了|好)?{_PHOTO_WORD}(?:之后|以后|后)?(?:还|仲)(?:要|需要|使)?(?:发|打|写|讲|说|报|填)?"
    rf"{_STEP_WORD}(?:吗|不|没有)?(?:(?:发|打|写|讲|说|报|填)(?:些)?(?:什么|咩|乜))?$"
)


# round 53 (20c): the order asked for the next time, after a record ('下次种树系咪又要先影相再打字', '下次再种 系先发相定先打字'),
# with Cantonese 先 after each ('下次再种又系要影相先定打字先'): the record's steps
_NEXT_TIME_FIRST_RE = re.compile(
    r"^(?:下次|下回|下一次|以后|今后)(?:再)?(?:种树|种)?(?:的话|时|嘅时候|的时候)?(?:是不是|是否|是)?(?:又|都|也|还)?(?:是)?"
)
_WHICH_FIRST_AFTER_RE = re.compile(
    rf"^(?:要)?(?:拍照|(?:发|拍|影|传){_PHOTO_WORD})先(?:还是|定|或者)(?:是)?(?:要)?(?:发|打|写|讲|说|报)?{_STEP_WORD}先$"
)


# round 68 (20z): the trees said planted, then whether the record needs a photo asked ('种咗树要影相定点', '种咗树系咪要影
# 相', '种好树使唔使发相'): the record's steps (how to log), never the photo's requirements alone
_PLANTED_PHOTO_NEEDED_RE = re.compile(
    r"^(?:我)?(?:种了|种好了|种好|种完了|种完|种下了|种下)(?:树|棵树|的树|些树)?(?:之后|以后|后)?(?:是不是)?(?:要不要|使不使|需不需要|需要|要|就要)?"
    r"(?:先)?(?:拍照|拍张照|拍个照|发照片|发相|发张相|发图)(?:片)?"
    r"(?:吗|嘛|么|定点|定系点|还是怎样|还是怎么样|还是怎么|还是点|才行|先得|才算|才可以)?$"
)


def record_steps_asked(norm: str) -> bool:
    """The planting record's steps asked around its photo ('发相之后要不要发位置', '先发相还是先打多少棵')."""
    if not norm or len(norm) > INTENT_MAX_CHARS:
        return False
    # round 37 (19m): not knowing how said after it ('…还是先打字啊 我唔识弄')
    bare = _INTENT_PARTICLES_RE.sub("", _AFTER_THE_LOG_RE.sub("", norm))
    next_time = _NEXT_TIME_FIRST_RE.sub("", bare, count=1)  # round 53
    if next_time != bare and next_time and record_steps_asked(next_time):
        return True
    if _WHICH_FIRST_AFTER_RE.match(bare):
        return True  # round 53
    if _PLANTED_PHOTO_NEEDED_RE.match(bare) and (
        bare.startswith("我") or "要" in bare or "定点" in bare or "吗" in bare
    ):
        return True  # round 68
    return bool(_RECORD_STEPS_RE.match(bare) or _PHOTO_THEN_STILL_RE.match(bare))  # round 41


# round 49 (19w): the record's parts asked otherwise while it waits: what is left after one part is given ('数报咗，仲差啲
# 乜'), what to type next ('之后要输入啲咩'), how to take and upload the photo ('点样影相上传'), whether the location too
# ('要唔要发埋位置'), how to fill the tree and the count once the photo is sent ('张相传好咗，树名同棵数点填'): read only
# while a record is being collected (handlers/planting.py), its next step answers
_PART_WORD = rf"(?:{_PHOTO_WORD}|数|棵数|数量|几棵|多少棵|位置|定位|树名|树种)"
_RECORD_PART_ASKED_RE = re.compile(
    rf"^{_PART_WORD}(?:已经)?(?:报|发|传|上传|拍|影|填|写|打)(?:了|好了|好|完)(?:还|仲)(?:差|欠|缺|要|需要|使)(?:做|发|填|打)?"
    r"(?:些)?(?:什么|咩|乜)$"
    r"|^(?:之后|然后|接着|接下来|跟住|跟着|下一步)(?:还|仲)?(?:要|需要|应该)?(?:输入|打|填|写)(?:些)?(?:什么|咩|乜)(?:字)?$"
    rf"|^{_PHOTO_WORD}?(?:要)?(?:怎么|点)(?:样)?(?:拍照|拍|影相|影)(?:了|好)?(?:上传|传上来|传上去|发上来|发过来|传|发)(?:给你)?$"
    r"|^(?:位置|定位)?(?:要不要|使不使|需不需要|用不用)(?:发|加|传|报)(?:埋|上|多)?(?:位置|定位)?$"
    rf"|^{_PHOTO_WORD}(?:已经)?(?:发|传|上传)(?:了|好了|好|完)(?:跟住|跟着|然后|之后|接着)?"
    r"(?:树名|树种|棵数|数量|几棵)(?:和|同|跟|与)?(?:树名|树种|棵数|数量|几棵)?(?:要)?(?:怎么|点)(?:样)?(?:填|写|打|发)$"
)


# round 50 (19y): how to go on asked anywhere in a short message while a record waits: what is still needed ('还需要我再发
# 什么吗', '仲要做啲咩先算记好'), what makes it done ('要做完哪些才算记好了'), the next step how ('照片发了，然后呢?下一步怎么
# 弄'), then? after the photo sent ('照片已经发了 接下来呢'), where or how the tree and count are filled ('树种和棵数要怎么填?',
# '怎么填写树种'), where to press to send the photo ('我不会发图片，点哪里啊??', '发照片在哪里点'); never the tree's care
# (``_CARE_WORDS_RE``: '还要施什么肥' is the FAQ's)
_RECORD_WORD = r"(?:树种|树名|树的名字|树的种类|名字|棵数|数量|几棵|多少棵)"
_WAITING_ASKED_RE = re.compile(
    r"(?:还|仲)(?:需要|要|差|欠|缺|使)(?:我)?(?:再)?(?:做|发|填|写|打|弄|交|补)?(?:些|多)?(?:什么|啥|咩|乜|哪些)"
    r"|(?:才|先)(?:算|可以|能)(?:是)?(?:登记|记录|记|报|上报)?(?:好|完|完成|成功)"
    r"|(?:下一步|接下来|然后|跟着|跟住|接着)(?:呢)?(?:我)?(?:要|该|应该)?(?:怎么|点|如何)(?:样)?(?:弄|做|搞|办|操作)"
    r"|(?:下一步|接下来|然后|跟着|跟住|接着)(?:呢)?(?:我)?(?:要|该|应该)?(?:做|干|弄|搞)(?:什么|啥|咩|乜)"
    rf"|^{_PHOTO_WORD}(?:已经)?(?:发|传|上传)(?:了|好|完|过去了)(?:然后|接下来|接着|跟着|跟住)呢$"
    rf"|{_RECORD_WORD}(?:(?:和|同|跟|与|及){_RECORD_WORD})?(?:要|应该)?(?:在哪里|哪里|怎么|点|如何)(?:样)?"
    r"(?:填写|填|写|打|输入|报)"
    rf"|(?:怎么|点|如何|在哪里|哪里)(?:样)?(?:填写|填|写|输入){_RECORD_WORD}"
    rf"|(?:发|传|上传){_PHOTO_WORD}(?:要)?(?:在哪里|在哪|哪里)(?:点|按|揿|戳)"
    rf"|(?:发|传|上传){_PHOTO_WORD}?(?:要)?(?:点|按|揿|戳)(?:哪里|哪个|哪)"
)
_CARE_WORDS_RE = re.compile(r"黄|虫|病|死|枯|烂|叶|浇|淋|施|肥|剪|修|管|护|养|照顾|水|坑|土|药|活")


# round 54 (the lead, as a party member in the simulator): what is still to do this year, or as a party member ('我今年仲要
# 做啲咩' after a photo): the campaign's duties (the FAQ's), not the record's next step
_DUTIES_ASKED_RE = re.compile(r"今年|这一年|这个月|本月|这次活动|今次活动|党员|干部|任务")


def record_waiting_asked(norm: str) -> bool:
    """Round 50: how to go on asked in a short message, read while a record waits (``_WAITING_ASKED_RE``); never the
    tree's care, nor the year's duties (round 54)."""
    if not norm or len(norm) > 24 or _CARE_WORDS_RE.search(norm) or _DUTIES_ASKED_RE.search(norm):
        return False
    return bool(_WAITING_ASKED_RE.search(_INTENT_PARTICLES_RE.sub("", norm)))


def record_part_asked(norm: str) -> bool:
    """Round 49: a part of the record asked after, read while a record waits ('数报咗，仲差啲乜', '要唔要发埋位置');
    round 50: how to go on asked anywhere in a short message (``record_waiting_asked``)."""
    if record_waiting_asked(norm):
        return True
    if not norm or len(norm) > INTENT_MAX_CHARS:
        return False
    bare = _INTENT_PARTICLES_RE.sub("", norm)
    found = _RECORD_PART_ASKED_RE.match(bare)
    return found is not None and ("位置" in bare or "定位" in bare or not bare.startswith(("要不要", "使不使")))


# round 54 (20d, 20e): how to go on asked otherwise while a record waits: where to press to send the photo once taken
# ('影完相之后撳边度发'), how to tell the count ('点样讲种咗几多棵', '棵数点样讲俾你'), what of the tree to take ('拍照要拍整棵树
# 还是拍树苗就行'); or asked, then why ('相点发？我搵唔到影相个掣': the button not found; '没有照片可以吗，我手机拍不了照': the
# phone cannot): read only while a record is collected (handlers/planting.py), its next step answers
_PRESS_WHERE_AFTER_PHOTO_RE = re.compile(
    rf"^(?:我)?(?:影|拍)(?:完|好|了)?{_PHOTO_WORD}?(?:之后|以后|后|然后)?(?:要)?(?:点|按|揿|戳)(?:哪里|哪个|哪)"
    r"(?:发|发送|传|上传)(?:过来|过去|给你)?$"
)
_COUNT_HOW_TOLD_RE = re.compile(
    r"^(?:要)?(?:怎么|怎样|如何)(?:样)?(?:讲|说|报|告诉你|话|写|打)(?:给你)?(?:我)?(?:种了|种的)?(?:多少|几)棵(?:树)?$"
    r"|^(?:棵数|数量|几棵|多少棵)(?:要)?(?:怎么|怎样|如何)(?:样)?(?:讲|说|报|告诉|话|写|打)(?:给你|你)?$"
)
_WHAT_OF_THE_TREE_RE = re.compile(
    r"^(?:拍照|拍相|影相)?(?:要)?(?:拍|影)(?:整棵树|整棵|全棵|成棵树|成棵|整株)(?:还是|定是|定|或者)(?:只)?(?:拍|影)?"
    r"(?:树苗|苗|叶子|叶|树头|一部分|局部)(?:就行|就得|就可以|就够|行不行|得不得)?$"
)
_NO_BUTTON_RE = re.compile(
    r"^(?:我)?(?:找不到|不见|看不到|不知道)(?:拍照|相机|照相|影相|发相|发照片|发送)?(?:的|个)?(?:掣|按钮|按键|键|图标|地方)$"
)
_PHONE_CANNOT_RE = re.compile(r"^(?:我)?(?:的|部|个)?(?:手机)(?:拍|影)(?:不了|不到)(?:照|相|照片|相片)?$")


# round 87 (22c: '点样讲系咩树 打字定讲', after a photo): how to tell the tree asked, typed or said (定: or) after it, or the
# tree's name first ('树种点样话俾你知'), or only whether typed or said ('系咩树要打字定发语音'): the record's next step
_TYPED_OR_SAID = r"(?:打字|写字|用字)(?:定|还是|或者|或)(?:讲|说|发语音|语音|讲话|说话)"
_TREE_ASKED = r"(?:是什么树|什么树|哪种树|树名|树种|什么品种|品种)"
_TREE_HOW_TOLD_RE = re.compile(
    rf"^(?:我)?(?:要|应该)?(?:怎么|点)(?:样)?(?:说|讲|话|报|写|打|告诉你)(?:给你)?{_TREE_ASKED}(?:呢|啊)?(?:{_TYPED_OR_SAID})?$"
    rf"|^{_TREE_ASKED}(?:要|应该)?(?:怎么|点)(?:样)?(?:说|讲|话|报|写|打|发|告诉)(?:给你|你)?(?:知|听)?(?:{_TYPED_OR_SAID})?$"
    rf"|^{_TREE_ASKED}(?:要|应该)?{_TYPED_OR_SAID}$"
)


# round 89 (22g: '点样报先得 我唔识打字', 22h: '我唔知种嘅系咩树 点填', after a photo): what one cannot tell said, typing or
# the tree's name, with how to report it asked, either first: the record's next step (never the FAQ's voice answer nor a
# ticket for the photo)
_CANNOT_TYPE = r"(?:我)?(?:不会|不识|不懂|不识得)(?:打字|写字|认字|打|写)"
_CANNOT_TYPE_RE = re.compile(_CANNOT_TYPE)
_TREE_UNKNOWN = (
    r"(?:我)?(?:不知道|不认识|不会|不识|不懂)(?:种的|这棵|那棵|个|这个|那个)?(?:是|叫|叫做)?(?:什么|哪种)?"
    r"(?:树名|树种|树|品种|名字|名)"
)
# round 90 (22j: '我唔识写树名 点搞', after a photo): the tree's name one cannot write (唔识写, 写唔出), how to go on asked
# after it (点搞, 点算, 点办: normalised 怎么弄, 怎么办)
_TREE_NAME = r"(?:树名|树种|树的名字|树的名|树名字)"
_TREE_NAME_UNWRITTEN = (
    rf"(?:我)?(?:不会|不识|不懂|不识得)(?:写|打){_TREE_NAME}|{_TREE_NAME}(?:我)?(?:写|打)不(?:出|到|来)"
)
_TREE_NAME_UNWRITTEN_RE = re.compile(_TREE_NAME_UNWRITTEN)
_HOW_TELL = r"(?:要)?(?:怎么|怎样|如何)(?:样)?(?:报|填|写|讲|说|打|话|告诉你|记录|登记)(?:给你)?(?:知|听)?(?:才行|才得|才可以|好)?"
_HOW_GO_ON = r"(?:要)?(?:怎么|怎样|如何)(?:样)?(?:弄|办|搞|做)(?:才好|好)?"
_CANNOT_TELL_HOW_RE = re.compile(
    rf"^(?:{_CANNOT_TYPE}|{_TREE_UNKNOWN})(?:{_HOW_TELL})$|^(?:{_HOW_TELL})(?:{_CANNOT_TYPE}|{_TREE_UNKNOWN})$"
    rf"|^(?:{_TREE_NAME_UNWRITTEN})(?:{_HOW_TELL}|{_HOW_GO_ON})$"
)


def cannot_tell_how_asked(norm: str) -> str | None:
    """Round 89: what one cannot tell, 'typing' or 'tree', when the ``normalize``d text (its particles left out) is
    ``_CANNOT_TELL_HOW_RE``'s; else None."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    if not bare or len(bare) > INTENT_MAX_CHARS or not _CANNOT_TELL_HOW_RE.match(bare):
        return None
    # round 90: the tree's name known but not written is typing's (said by voice)
    return "typing" if _CANNOT_TYPE_RE.search(bare) or _TREE_NAME_UNWRITTEN_RE.search(bare) else "tree"


def record_asked_otherwise(norm: str) -> bool:
    """Round 54: how to go on asked in one of ``_PRESS_WHERE_AFTER_PHOTO_RE``'s, ``_COUNT_HOW_TOLD_RE``'s or
    ``_WHAT_OF_THE_TREE_RE``'s ways (round 87: or ``_TREE_HOW_TOLD_RE``'s)."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    return bool(
        bare
        and (
            _PRESS_WHERE_AFTER_PHOTO_RE.match(bare)
            or _COUNT_HOW_TOLD_RE.match(bare)
            or _WHAT_OF_THE_TREE_RE.match(bare)
            or (len(bare) <= 16 and _TREE_HOW_TOLD_RE.match(bare))
        )
    )


# round 97 (22q: '党员种树系咪都系咁报 影相就得'): whether one's group reports its trees the same way, a photo enough after it
# (normalised 是不是都是这么报拍照就得): the steps of a record (the planting help), never a ticket
_SAME_WAY_REPORTED_RE = re.compile(
    r"^(?:我们|我)?(?:党员|干部|村干部|群众|村民|老人家|老人)?(?:的|们)?(?:种的树|种了的树|种树|种了树|种果树)?"
    r"(?:是不是|是否|是)?(?:都|也)?(?:是)?(?:(?:一样|同样)(?:这么|这样)?|这么|这样)(?:报|上报|登记|记录)(?:上去)?"
    r"(?:的)?(?:吗|呀|啊|呢)?(?:(?:只要|只需|只)?(?:拍照|拍个照|发照片|发相|发张相)(?:就得|就行|就可以|就好|得了|就够)?"
    r"(?:吗|呀|啊|呢)?)?$"
)


# conv98 (22s: '下次种了还是这样发照片就行吗' after a record, the FAQ's photo requirements): whether the next time is reported
# the same way: the steps of a record
# conv108 (23f: '下次再种的话还是一样发相片加棵数吗' had been a ticket): 的话 after the planting, 一样 alone (no 这样), and the
# count said after the photo (加棵数, 加数量)
_NEXT_TIME_SAME_RE = re.compile(
    r"^(?:那|那么)?(?:我)?(?:下次|下回|以后|往后|下一次)(?:我)?(?:再)?(?:种了|种树|种了树|再种|种)?(?:树)?(?:的话|的说)?"
    r"(?:之后|以后)?(?:是不是|是否)?(?:也|还|都)?(?:是)?(?:一样(?:这样|这么|照样)?|这样|这么|照样)(?:子)?"
    r"(?:发照片|发相|拍照|发张照片|发张相|报|上报|登记|发)(?:过来)?(?:(?:加|加上|再发|再报|和|同|跟)(?:棵数|数量|数目|几棵))?"
    r"(?:就行|就得|就可以|就好|得了)?(?:不行|不得|不可以)?(?:吗|吧|呀|啊|呢)?$"
)


def same_way_reported_asked(norm: str) -> bool:
    """Round 97: whether one's group reports the same way asked ('党员种树系咪都系咁报 影相就得', '干部种树是不是也这样报');
    conv98: or the next time ('下次种了还是这样发照片就行吗')."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    if not bare or len(bare) > INTENT_MAX_CHARS:
        return False
    return bool(_SAME_WAY_REPORTED_RE.match(bare) or _NEXT_TIME_SAME_RE.match(bare))


# round 58 (20i, 20j): the record's next step asked with nothing named: how to get it recorded ('咁点样记录落去', '要点样
# 先记到上去', '点样报上去呀'), or whether words must still be typed, then what ('仲要打字吗 打咩', '使唔使写字 写乜嘢'): asked
# of the record in progress (handlers/planting.py); with none, the FAQ's (the steps of a record, or voice for typing)
_RECORD_IT_HOW_RE = re.compile(
    r"^(?:那|那么|这么|这样|然后|所以)?(?:我)?(?:要|应该|该)?(?:怎么|怎样|如何|点)(?:样)?(?:先|才)?(?:可以|能)?"
    r"(?:把它|将它|帮我)?(?:记录|登记|记|录入|录|上报|报|登)(?:下去|上去|进去|入去|落去|到|下来|好)?(?:上去|进去)?$"
)
# round 58 (20l): whether the tree is to be said next, then how ('下一步系咪要讲种咗咩树 点讲')
_SAY_THE_TREE_NEXT_RE = re.compile(
    r"^(?:然后|接着|接下来|跟着|跟住|下一步|之后)(?:呢|啊|呀)?(?:是不是|是否|是)?(?:要|需要)?(?:讲|说|写|打|报|发)(?:种了|种的)?"
    r"(?:什么树|哪种树|多少棵|几棵|树名|树种)(?:吗|呢)?(?:(?:要)?(?:怎么|点)(?:样)?(?:讲|说|写|打|报|发))?$"
)
_TYPING_STILL_ASKED_RE = re.compile(
    r"^(?:那|那么|这么)?(?:我)?(?:还|仲)?(?:要不要|需不需要|使不使|用不用|要|需要|使|用)(?:再)?(?:打字|写字|打文字)"
    r"(?:吗|不|没有|呢|架)?(?:(?:要)?(?:打|写|填)(?:些|一些)?(?:什么|啥)(?:字|东西)?)?$"
)


# round 64 (20q): what the record still waits for ('记录仲等紧么个', '呢个记录仲等什么', '这条登记还差什么'): its next step
_RECORD_WAITS_FOR_WHAT_RE = re.compile(
    r"^(?:这个|这条|那个|那条|呢个|呢条|嗰个|嗰条|个|条|我的|我个|我那个|我这个)?(?:记录|登记)(?:还|仲)?(?:在)?(?:等|差|缺|欠|少)(?:紧|着|了)?"
    r"(?:什么|啥|咩|乜|乜嘢)(?:东西)?$"
)


# round 80 (21u, 21s): whether a part must still be sent, asked bare ('是不是还要发位置', '还要不要发定位', '点算啊 仲要打字咩'):
# the record in progress's next step (never the privacy or voice answers the words 位置, 打字 would find)
_STILL_NEEDED_ASKED_RE = re.compile(
    r"^(?:那|咁|那么|怎么办|点算|怎么搞)?(?:啊|呀|呢)?(?:是不是|是否|系咪|是)?(?:还|仲)(?:要不要|需不需要|用不用|使不使|要|需要|得)?"
    r"(?:再)?(?:发|加|传|报|打|写|填|补)(?:埋|上|多|个|张|一个|一张)?"
    r"(?:位置|定位|地址|字|文字|棵数|数目|数量|树名|树种|照片|相片|相)(?:吗|不|没有|没|什么|呢|啊|不要|嘛)?$"
)


def record_still_needed_asked(norm: str) -> bool:
    """Round 80: whether a part of the record must still be sent, asked (``_STILL_NEEDED_ASKED_RE``, normalised)."""
    bare = _INTENT_PARTICLES_RE.sub("", re.sub(r"\s+", "", norm or ""))
    return bool(bare) and len(bare) <= INTENT_MAX_CHARS and bool(_STILL_NEEDED_ASKED_RE.match(bare))


def record_next_asked(norm: str) -> bool:
    """Round 58: how to get the record recorded, nothing named ('咁点样记录落去'), or whether words must still be typed
    ('仲要打字吗 打咩'): the record in progress's next step (normalised text)."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    return (
        bool(bare)
        and len(bare) <= INTENT_MAX_CHARS
        and bool(
            _RECORD_IT_HOW_RE.match(bare)
            or _TYPING_STILL_ASKED_RE.match(bare)
            or _SAY_THE_TREE_NEXT_RE.match(bare)
            or _RECORD_WAITS_FOR_WHAT_RE.match(bare)  # round 64
        )
    )


# round 67 (20w): how to go on with the record in progress, asked in other words: what to type into it ('要打咩字落去'),
# whether the photo is enough or more is to be said ('发咗相就得未定系仲要讲种咩'), how to log it said with not knowing
# how ('点登记呀 唔识'), the trees said done first then the next step asked ('荔枝种好咗 跟住要点'): asked of the record
# in progress (handlers/planting.py), its next step; short text only
_SAY_VERB = r"(?:打|写|填|发|讲|说|报)"
_RECORD_GO_ON_RE = re.compile(
    rf"^(?:我)?(?:要|还要|需要|应该)?{_SAY_VERB}(?:些)?(?:什么|啥|乜)(?:字|东西|资料)?(?:下去|上去|进去|过去|入去)$"
    # round 71 (21e, 21f): what to type or write asked bare, no 'into it' after ('要打咩字', '要写啲咩', '我应该填啲乜好')
    # the lead (43rd session, 21w): forgotten or not known first ('唔记得要打咩字', '我忘了要写什么')
    rf"|^(?:我)?(?:不记得|忘了|忘记了|忘记|不知道|不晓得|不懂)?(?:要|还要|需要|应该|该)?{_SAY_VERB}(?:些|一些)?(?:什么|啥|乜)"
    r"(?:字|东西|资料|内容)?(?:好|才行|才对)?$"
    r"|^(?:我)?(?:发|影|拍|传)(?:了|完)(?:照片|相片|相|图片|图)?(?:就|便)?(?:得|行|可以|够|算)(?:了)?(?:未|没有|没|吗|不)?"
    rf"(?:还是|定是|或者)?(?:还|仲)?(?:要|需要|使)(?:再)?{_SAY_VERB}[{_CJK}]{{0,6}}$"
    r"|^(?:我)?(?:要)?(?:怎么|如何)(?:登记|记录|报|上报|弄|做)(?:呀|啊|呢)?(?:我)?(?:不会|不识|不懂|不知道)(?:弄|做|登记)?$"
    # the lead (21g, kept to the end): how to tell the tree ('点样讲种咗咩树', '怎么写树种', '树种点讲'): its next step
    rf"|^(?:我)?(?:要|应该)?(?:怎么|如何){_SAY_VERB}(?:我)?(?:种了|种的是|种的|是)?(?:什么|啥|乜)?(?:树种|树)$"
    rf"|^(?:树种|什么树)(?:要)?(?:怎么|点){_SAY_VERB}$"
)
# the trees said planted first, no count ('荔枝种好咗'), then the next step asked (``go_on_asked``)
_DONE_THEN_RE = re.compile(
    rf"^[{_CJK}]{{0,6}}?种(?:好|完|下|下去)(?:了)?(?=(?:然后|接着|接下来|跟着|跟住|下一步|之后))"
)


_UNSURE_HOW = r"(?:我)?(?:真的|都|实在)?(?:不会|不识|不懂|不知道|不晓得)(?:弄|做|讲|说|写|打字|打|用|搞)?"
_UNSURE_HOW_FIRST_RE = re.compile(rf"^{_UNSURE_HOW}(?:啊|呀|哦|喔)?")
_UNSURE_HOW_AFTER_RE = re.compile(rf"(?:啊|呀|呢|哦)?{_UNSURE_HOW}(?:啊|呀|哦|喔)?$")


def record_go_on_said(norm: str) -> bool:
    """Round 67: how to go on with the record in progress in other words (``_RECORD_GO_ON_RE``), or the trees said
    planted then the next step asked (``_DONE_THEN_RE``, ``go_on_asked``), with no count said (normalised)."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    if not bare or len(bare) > INTENT_MAX_CHARS + 4:
        return False
    if _RECORD_GO_ON_RE.match(bare):
        return True
    # round 78 (21p): not knowing how said before or after what to say ('要讲咩啊 我唔识', '我不会 要写什么')
    unknowing = _INTENT_PARTICLES_RE.sub("", _UNSURE_HOW_AFTER_RE.sub("", _UNSURE_HOW_FIRST_RE.sub("", bare, count=1)))
    if unknowing != bare and unknowing and _RECORD_GO_ON_RE.match(unknowing):
        return True
    done = _DONE_THEN_RE.match(bare)
    if done is None or _DIGITS_IN_COUNT_RE.search(bare[: done.end()]):
        return False
    return go_on_asked(bare[done.end() :])


# round 60 (20m, 20n): a part of the record in progress asked in other words: how the count or the tree is given ('点样报
# 棵数', '要写棵数定系树名'), whether oneself must be in the photo ('要影埋我个人咩'), or whether the photo may come later
# ('我而家唔喺屋企 迟啲先影得唔得'): asked of the record in progress (handlers/planting.py), its next step; short text only
_COUNT_OR_TREE = r"(?:棵数|几多棵|多少棵|几棵|树名|树种|品种|什么树|数量)"
_GIVE = r"(?:报|写|填|讲|说|发|打|登记|记)"
_RECORD_DETAIL_RE = re.compile(
    rf"^(?:那|然后|接着|跟住|之后)?(?:要|应该|该)?(?:怎么|怎样|如何|点)(?:样)?(?:先|才)?{_GIVE}(?:个|那个)?{_COUNT_OR_TREE}$"
    rf"|^(?:那|然后|接着|跟住|之后)?(?:是不是|是)?(?:要|需要)?{_GIVE}{_COUNT_OR_TREE}(?:还是|或者|定|抑或){_GIVE}?{_COUNT_OR_TREE}$"
    r"|^(?:拍照|影相|照片|相片|相)?(?:要|需要|要不要|需不需要|使不使|用不用|使)(?:影|拍|照)(?:埋|到|上|进|落)?"
    r"(?:我|我自己|自己|人|本人)(?:个人|本人|自己)?(?:在里面|进去)?(?:什么|吗|呢|嘛|不|没有)?$"
)
_PHOTO_LATER_ASKED_RE = re.compile(
    r"(?:迟些|迟点|晚点|晏些|晏点|等下|等阵|明天|听日|过两天|过几天|回家|返屋企)(?:先|再|才)?(?:影|拍|发|补|照)(?:相|照片|照)?"
    r"(?:行不行|可不可以|得不得|可以吗|行吗|得吗|好吗|可以不|可以没有|得唔得|可以么)$"
    r"|^(?:照片|相片|相|图)?(?:可以|可不可以|能不能|能|可否)(?:迟些|迟点|晚点|晏些|等下|明天|过两天)(?:先|再|才)?"
    r"(?:发|影|拍|补)(?:吗|不|么|呢)?$"
)


# round 74 (21l): whether the count must be given, or the count forgotten ('几多棵都要讲咩 我唔记得种咗几多', '一定要讲几多棵
# 咩', '唔记得种咗几多棵 点算'): asked of the record in progress (handlers/planting.py), its next step; with none, how many
# one planted asked stays the progress's
_COUNT_GIVEN_RE = re.compile(
    # round 129 (issue 17 §5: '我承包的山上松树死了十几棵 要报吗'): a vague count said (十几, normalised 十多少; 二十几) is no
    # count asked
    r"(?<![0-9一二两三四五六七八九十百千廿])(?:多少|几)(?:棵|株)?(?:都|也)?(?:一定|必须|真的)?(?:要|需要|使)(?:讲|说|报|写|填|打|发)"
    # round 95 (22o: '要唔要再讲几多棵'): said again (再, 还), or the count named as such ('使唔使报棵数'); conv96: the
    # trees planted said with it ('使唔使讲种咗几多棵', '需要说种了几棵吗')
    r"|(?:一定|必须|真的)?(?:要|需要|要不要|需不需要|使不使|用不用)(?:再|还)?(?:讲|说|报|写|填|打)(?:埋)?(?:种了)?"
    r"(?:(?:多少|几)(?:棵|株)|棵数|数量)"
    r"|(?:棵数|数量)(?:都|也)?(?:一定|必须)?(?:要|需要|要不要)(?:讲|说|报|写|填)?"
)
_COUNT_NEEDED_RE = re.compile(
    _COUNT_GIVEN_RE.pattern + r"|(?:不记得|忘了|忘记了|忘记|记不得|记不清|记不起|不清楚)(?:我)?(?:种了|种)?(?:多少|几)"
    # conv83a (21z): the count named first, then forgotten ('棵数唔记得 点填', '数量忘记了 怎么写')
    r"|^(?:棵数|数量|数目|种了多少棵|种了几棵)(?:我)?(?:都|也)?(?:不记得|忘了|忘记了|忘记|记不得|记不清|记不起|不清楚)"
)


def count_needed_asked(norm: str) -> bool:
    """Round 74: whether the count must be given, or the count forgotten, in a short text (normalised)."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    return bool(bare) and len(bare) <= INTENT_MAX_CHARS + 4 and bool(_COUNT_NEEDED_RE.search(bare))


def count_given_asked(norm: str) -> bool:
    """Conv96 (22o: '要唔要讲几多棵' with nothing waiting): whether the count must be given, the count not forgotten, in
    a short text (normalised): with no record waiting, how a record is made (the planting help), never the help."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    return bool(bare) and len(bare) <= INTENT_MAX_CHARS + 4 and bool(_COUNT_GIVEN_RE.search(bare))


def record_detail_asked(norm: str) -> bool:
    """Round 60: how the count or the tree is given, whether oneself must be in the photo, or whether the photo may come
    later, asked in a short text (normalised): the record in progress's next step."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    return (
        bool(bare)
        and len(bare) <= INTENT_MAX_CHARS
        and bool(_RECORD_DETAIL_RE.match(bare) or _PHOTO_LATER_ASKED_RE.search(bare))
    )


# round 61 (20o): where the record's photo is to be taken ('要在哪里拍', '喺边度影先得'), or the photo that cannot be taken or
# sent ('手机相机打不开 照片发不了', '影唔到相'): asked of the record in progress (handlers/planting.py), its next step (the
# record waits for the photo), never a ticket; short text only
_PHOTO_WHERE_RE = re.compile(
    r"^(?:那|然后|照片|相片|相)?(?:要|应该|该|可以)?(?:在|去|到)?(?:哪里|哪儿|哪|哪个地方|什么地方)(?:拍|影|照)(?:照|相|照片)?(?:先得|才行|好|才得)?$"
)
_PHOTO_CANNOT_RE = re.compile(
    r"(?:相机|摄像头|镜头|照相|拍照|影相)(?:功能)?(?:坏(?:了)?|打不开|开不了|用不了|开不到|没有反应|没反应|黑屏)"
    r"|(?:照片|相片|相|图片|图)(?:发|传|上传)(?:不了|不出|不出去|不到|不上|不上去)"
    r"|^(?:我)?(?:的|部|个|只)?(?:手机)?(?:拍|影|照)(?:不了|不到)(?:照|相|照片)?$"
)


def record_photo_trouble_asked(norm: str) -> bool:
    """Round 61: where the photo is taken, or the photo that cannot be taken or sent, in a short text (normalised): the
    record in progress's next step."""
    return photo_where_asked(norm) or photo_cannot_told(norm)


def photo_where_asked(norm: str) -> bool:
    """Round 61: where the photo is taken ('要在哪里拍'): the photo's tips answer first."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    return bool(bare) and len(bare) <= INTENT_MAX_CHARS and bool(_PHOTO_WHERE_RE.match(bare))


def photo_cannot_told(norm: str) -> bool:
    """Round 61: the photo cannot be taken or sent ('手机相机打不开 照片发不了'): what to do without one answers first."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    return bool(bare) and len(bare) <= INTENT_MAX_CHARS and bool(_PHOTO_CANNOT_RE.search(bare))


# round 60 (20m): what was just sent said mistyped, then said right ('唔好意思 打错 系秋枫叶卷' after '问专家 香樟叶卷'): a
# correction of the open ticket (handlers/escalation.py joins it), never a question of its own; a name or a photo said
# wrong is not this
_MISTYPED_THEN_RIGHT_RE = re.compile(
    r"^(?:不好意思|不要意思|对不起|抱歉|sorry|sori)?(?:我)?(?:打错|写错|讲错|说错|打错字|写错字)(?:字)?(?:了)?"
    r"(?:应该|其实)?(?:是|系)(?P<right>[^\s]{2,12})$"
)


def mistyped_then_right(norm: str) -> bool:
    """Round 60: '唔好意思 打错 系秋枫叶卷', '不好意思 写错了 是含笑叶子发黄': just sent mistyped, then the right words."""
    bare = re.sub(r"[\s，,。.!！]+", "", (norm or "").lower())
    found = _MISTYPED_THEN_RIGHT_RE.match(bare)
    return found is not None and "名" not in found.group("right")


# round 70 (21d): how to tend a tree asked with Cantonese 点 (how) alone before the work ('柿树点驳枝', normalised 点嫁接;
# '荔枝点剪枝'), which the question reader does not take (点 is a dot, a time, an order too): a question of its own
_HOW_TO_TEND_RE = re.compile(
    r"点(?:样)?(?:先|才)?(?:可以)?(?:嫁接|驳|种|剪枝|修剪|剪|施肥|落肥|淋水|浇水|打理|护理|繁殖|扦插|插枝|育苗|移栽|移|防虫|治虫)"
    r"(?:呀|啊|呢|好|先|法)?$"
)


def how_to_tend_asked(norm: str) -> bool:
    """Round 70: '柿树点嫁接', '荔枝点剪枝': how to do a tree's work, asked with 点 alone (normalised text)."""
    return bool(norm and _HOW_TO_TEND_RE.search(_INTENT_PARTICLES_RE.sub("", norm)))


# round 70 (21c): a question put to the sender echoed, then answered ('你要知几时种嘅咩 旧年秋天', '你问我几时种 二月尾',
# '问我种咗几耐 差唔多半年'): the echo says who asks (你 …要知/想知/问, or 问我) and what (when, how long, how many, where,
# what), the answer after it asks nothing; never '你知唔知…' (a question to the bot) nor '问下…' (may I ask)
_ECHO_RE = re.compile(
    r"^(?:(?:你|您|专家|顾问|老师)(?:是不是|是否)?(?:要|想|想要)(?:知|知道|问)(?:我)?|(?:你|您|专家|顾问|老师)(?:问|问我)"
    r"|问我)"
    r"(?=.*(?:什么时候|几时|多久|多长时间|多少|几|哪里|哪|什么))[\u4e00-\u9fff]{1,14}$"
)


def echoed_then_answered(text: str) -> str | None:
    """Round 70: the answer after a question echoed ('你要知几时种嘅咩 旧年秋天' -> '旧年秋天'); None when the text is
    no such pair."""
    clauses = [clause for clause in PAUSES_RE.split(text or "") if clause]
    if len(clauses) < 2 or not _ECHO_RE.match(normalize(clauses[0])):
        return None
    answer = " ".join(clauses[1:])
    return answer if len(answer) <= 16 and not is_question(answer) else None


# round 58 (20j): how to log the trees one planted, the how first ('点样登记种咗嘅树', '怎样记录我今年种的树'): from a
# follower not registered yet the planting help (登记 first, the message kept); a registered villager's stays the FAQ's
# (round 17's control '怎么登记我种的树')
_LOG_PLANTED_HOW_RE = re.compile(
    # round 65 (20s): only then said between (才, Cantonese 先), 可以 or not ('点样先可以报种咗嘅树', '点先可以登记我种嘅树')
    r"^(?:请问)?(?:我)?(?:要|应该)?(?:怎么|怎样|如何|点)(?:样)?(?:先|才)?(?:能|可以|能够)?(?:登记|记录|上报|报|录入)"
    r"(?:一下|下|到)?(?:我|我们|我家|自己)?(?:今年|新)?(?:种|栽)(?:了|好|下)?(?:的)?(?:树|果树|树苗)$"
    # round 61 (20p): a tree, not planted said ('点样登记棵树', '怎么记录一棵树')
    r"|^(?:请问)?(?:我)?(?:要|应该)?(?:怎么|怎样|如何)(?:样)?(?:才能|可以)?(?:登记|记录|上报|录入)(?:一下|下)?"
    r"(?:棵|一棵|些|啲|几棵)(?:树|果树|树苗)$"
    # round 61 (20o): the trees planted told, then how to report them ('我种了两棵荔枝怎么报上去')
    rf"|^(?:我|我家|我们)?(?:今年|今天|刚刚|刚)?(?:种|栽)了(?:\d+|[{_CN_NUM}]{{1,3}})(?:棵|株)[\u4e00-\u9fff]{{0,4}}?"
    r"(?:要)?(?:怎么|怎样|如何)(?:样)?(?:才能)?(?:登记|记录|上报|报|录入)(?:上去|上来|进去|一下|下)?$"
)


def log_planted_how_asked(norm: str) -> bool:
    """Round 58: how to log one's planted trees, asked how first ('点样登记种咗嘅树': 怎么登记种了的树)."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    return bool(bare) and bool(_LOG_PLANTED_HOW_RE.match(bare))


# round 70 (21d): 登记 alone, a wish or 一下 around it at most ('登记', '我要登记', '登记一下'): from a registered villager,
# trees to log (the planting help: handlers/planting.py); from a follower not registered yet, the name asked
_BARE_LOG_RE = re.compile(r"^(?:我|我们)?(?:要|想|想要|来)?(?:登记)(?:一下|下)?$")


def bare_log_said(norm: str) -> bool:
    """'我要登记', '登记一下': 登记 said with nothing to register (normalised text)."""
    return bool(norm and _BARE_LOG_RE.match(_INTENT_PARTICLES_RE.sub("", norm)))


def photo_what_asked(norm: str) -> bool:
    """Round 54: what of the tree to take asked ('拍照要拍整棵树还是拍树苗就行'): the photo's tips, then the next step."""
    return bool(norm) and bool(_WHAT_OF_THE_TREE_RE.match(_INTENT_PARTICLES_RE.sub("", norm)))


def photo_asked_then_why(head: str, rest: str) -> bool:
    """Round 54: the photo asked (how to send it, or whether none will do), then why: the button not found, the phone
    cannot take it ('相点发？我搵唔到影相个掣', '没有照片可以吗，我手机拍不了照')."""
    rest = _INTENT_PARTICLES_RE.sub("", rest or "")
    return bool(head and rest) and (
        (photo_how_asked(head) and bool(_NO_BUTTON_RE.match(rest)))
        or (cannot_photo_said(head) and bool(_PHONE_CANNOT_RE.match(rest)))
    )


# round 65 (20s): the record in progress itself asked after, whatever the words: its photo (how, where, of what, how
# big: '影相喺边度按', '相要影埋人定系净影棵树') or how it is logged ('点样登记呢棵树'), asked, or the photo said beyond the
# sender ('我唔识发图 叫个孙教都唔得'); read only while a record is collected (handlers/planting.py), its next step
# answers. Never the tree's care (``_CARE_WORDS_RE``), the photo's content or a photo changed, nor whether the record
# counts (progress's review_why, ahead; ``_NOT_THE_RECORD_ITSELF_RE``)
_RECORD_ITSELF_RE = re.compile(
    r"照片|相片|(?<!地)图(?![书案])|拍照|照相|影(?!响)|拍|相(?![信同似比关当])"
    r"|(?:登记|记录|记低|记下|上报|报上|录入|报)(?:一下|下)?(?:这|那|呢|嗰)(?:\d|[一两二三四五六七八九十几]{1,2})?(?:棵|条|个|些)"
    r"|(?:这|那|呢|嗰)(?:\d|[一两二三四五六七八九十几]{1,2})?(?:棵|条|个|些)(?:树|记录)?[^，\s]{0,2}?(?:登记|记录|记低|上报|报上去|报)"
)
_BEYOND_THE_SENDER_RE = re.compile(r"不会|不识|不懂|不到|不了|不清|不得|不行|搞不|弄不|教")
_NOT_THE_RECORD_ITSELF_RE = re.compile(
    r"算|审核|核实|通过|进度|认养|认领|责任区|证书|活动|参加|专家|顾问|删|撤|换|改|重发|为什么|什么树|哪种|里的|上的|里面|哪张"
    r"|好多|(?:怎么|怎样|如何)(?:选|挑)|不要(?:这|那)?(?:张|个)?(?:照片|相)"
    # a photo taken again, or what it shows said ('照片拍得不清楚要重拍吗', '呢张相系杨梅'): round 50's, round 22's
    r"|(?:重|再)(?:拍|影|发|传)|(?:这|那|呢|嗰)(?:张|幅)?(?:照片|相片|相|图)(?:是|系)"
)


# round 75 (21m): the photo said sent, then why nothing came back ('相发咗 点解冇反应', '发咗相啦 点解唔应我', '照片已经发了
# 怎么没回复'): a complaint about the record in progress, whose next step answers it (what it still waits for)
_PHOTO_SENT_WORD = r"(?:照片|相片|相|图片|图|张相|张照片)"
_PHOTO_SENT_NO_REPLY_RE = re.compile(
    rf"^(?:我)?(?:的)?(?:{_PHOTO_SENT_WORD}(?:我)?(?:已经|都)?(?:发|传|影|拍)|(?:我)?(?:已经|都)?(?:发|传)(?:了|咗|过)?{_PHOTO_SENT_WORD})"
    r"(?:了|好了|过了|过|完)?(?:啦|了|咯|喇|嘞)*(?:好久|很久|半天|咁耐|这么久)?(?:你|你们|你哋)?(?:为什么|怎么|点解|又|都)?"
    r"(?:都|还|仲|一直)?"
    r"(?:人)?(?:没有|没|不|冇|唔)(?:人)?(?:什么)?(?:反应|回复|回应|回|应|应我|理|理我|回我|答我|答|出声|动静|回音|声气|消息)"
    r"(?:的|呢|啊|呀)?$"
)


def photo_sent_unanswered(norm: str) -> bool:
    """Round 75: the photo said sent with nothing back ('相发咗 点解冇反应'; normalised): read while a record is collected."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    return bool(bare) and len(bare) <= INTENT_MAX_CHARS and bool(_PHOTO_SENT_NO_REPLY_RE.match(bare))


def record_itself_asked(norm: str) -> bool:
    """Round 65: the record in progress asked after or its photo said beyond the sender, in a short text (normalised):
    ``_RECORD_ITSELF_RE`` named, with a question or ``_BEYOND_THE_SENDER_RE``; round 75: the photo said sent with
    nothing back (``_PHOTO_SENT_NO_REPLY_RE``)."""
    if photo_sent_unanswered(norm):
        return True
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    if not bare or len(bare) > 24 or not _RECORD_ITSELF_RE.search(bare):
        return False
    if _CARE_WORDS_RE.search(bare) or _NOT_THE_RECORD_ITSELF_RE.search(bare):
        return False
    return is_question(bare) or bool(_BEYOND_THE_SENDER_RE.search(bare))


def photo_beyond_sender_said(norm: str) -> bool:
    """Round 65: ``record_itself_asked`` of a photo the sender cannot take or send ('我唔识发图 叫个孙教都唔得'): the
    help without one after the next step."""
    bare = _INTENT_PARTICLES_RE.sub("", norm or "")
    return record_itself_asked(bare) and bool(_BEYOND_THE_SENDER_RE.search(bare)) and not _HOW_WORD_RE.search(bare)


# round 56 (the lead, in the simulator: '我上个星期报咗三棵 其实死咗一棵' had become a ticket): trees of a record told, then
# some of them dead ('我上个月登记了两棵龙眼 有一棵死了', '我报咗五棵荔枝 而家死咗两棵'): the replant answer (handlers/reminders.py
# ``dead_tree_told``), never a ticket; why asked ('点解死咗一棵') or a symptom told is the adviser's
_RECORD_TOLD = rf"(?:报|登记|记|录|种|上报)(?:了|过|好)(?:的)?{_NUM}{_MEASURE}"
_DEAD_AFTER_RE = re.compile(
    rf"^(?:我|我们|我家)?[{_CJK}]{{0,6}}?{_RECORD_TOLD}[{_CJK}]{{0,4}}?"
    r"(?:其实|但是|不过|可是|现在|已经|结果|谁知|点知|后来|今天|今日)?(?:有)?"
    rf"(?:(?:{_NUM}{_MEASURE})(?:已经)?(?:枯死|死|死掉|烂根死)(?:了)?|(?:枯死|死|死掉)(?:了)(?:{_NUM}{_MEASURE}))$"
)
_DEAD_ASKED_RE = re.compile(r"为什么|为何|点解|怎么|咋|什么病|啥病|吗|黑|黄|虫|烂|病")


def dead_tree_told(norm: str) -> bool:
    """Round 56: trees of a record told, then some of them dead ('我上个星期报了三棵其实死了一棵'); no why asked, no
    symptom (``_DEAD_ASKED_RE``: the adviser's)."""
    if not norm or len(norm) > INTENT_MAX_CHARS or _DEAD_ASKED_RE.search(norm):
        return False
    return bool(_DEAD_AFTER_RE.match(_INTENT_PARTICLES_RE.sub("", norm)))


# a bare wish to plant ('种树', '我要种树', '我想种棵树'): the planting help (no count, no tree: nothing to record)
_PLANT_WISH_RE = re.compile(
    r"^(?:我|我们|我家)?(?:也|都)?(?:要|想|想要|来|去|准备|打算)?(?:种|栽)(?:一棵|一株|棵|几棵|些)?(?:树|树苗|果树)$"
)


def planting_wished(norm: str) -> bool:
    """'种树', '我要种树', '我也想种棵树': to plant, with no tree nor count to record."""
    return bool(norm and _PLANT_WISH_RE.match(_INTENT_PARTICLES_RE.sub("", norm)))


# --- round 31: a request read by its frame -----------------------------------------------------------------------
# A request is its parts said in order, a few other words allowed between them (a bounded gap), instead of one regex
# alternative per phrasing: '请你们以后别再每天发那些种树通知给我' is the refusal, the sending, the reminders. One small
# table per kind (``FRAMES``), read by ``frame_said`` inside that kind's reader (``reminders_said``, ``joining_said``,
# ``adoption_wished``, ``zone_wished``, ``certificate_asked``, ``progress_said``, ``retraction_said``). The same three
# rules for every frame, so that a new phrasing of a known frame needs no new alternative:
# - a gap is at most ``Frame.gap`` characters, none of them a negation (不 别 莫 没 甭 勿) or a question word (几 哪 谁 吗
#   么 啥 咩 乜 ?): '我是党员 要参加几次植树活动' asks how often, it joins nothing;
# - nothing negates the frame just before it ('我不想认养树 只想自己种', '不要取消'); a part may hold its own refusal
#   (reminders off: 不要…发…通知; cancel: …不要了);
# - the rest of the text, outside the frame, asks nothing (``is_question``): '为什么一直不给我发通知' is a complaint, '全村
#   进度怎么算的' how it is counted; a part may ask what the request asks ('我那张证书在哪里看', '种了多少棵').
# ``Frame.unless`` names what the text must not hold (another person, before the frame or in it: '我阿爸种的龙眼登记上没有',
# '邻居的证书'; a tree's trouble).
_FRAME_NEGATIONS = "不别莫没甭勿咪"  # 咪: Cantonese don't (咪再发)
_FRAME_QUESTION_CHARS = "几哪谁吗么啥咩乜?？"
_FRAME_NEAR = 3  # characters before a frame in which a negation negates it
# 唔该 (please) is normalised to 不该; 不然 and 要不 negate nothing, nor does a question's A-not-A ('有冇树可以俾我认养':
# 有没有, 可不可以)
# round 47 (19t): 没问题 (no problem, Cantonese 冇问题) agrees, negating nothing ('冇问题啦 以后有活动照发俾我')
_FRAME_NOT_NEGATIONS_RE = re.compile(r"不该|不然|要不|有没有|没有问题|没问题|([\u4e00-\u9fff])[不没]\1")
_PLEASE_RE = re.compile(r"不该")


@dataclass(frozen=True)
class Frame:
    """A request's parts (regexes) in order, at most ``gap`` characters between two of them; ``unless``: a regex the
    text must not match."""

    parts: tuple[str, ...]
    gap: int = 4
    unless: str = ""

    @property
    def pattern(self) -> re.Pattern:
        return _frame_pattern(self.parts, self.gap)


@cache
def _frame_pattern(parts: tuple[str, ...], gap: int) -> re.Pattern:
    between = rf"{_F_FREE}{{0,{gap}}}?"
    return re.compile(between.join(f"(?:{part})" for part in parts))


_F_FREE = rf"[^{_FRAME_NEGATIONS}{_FRAME_QUESTION_CHARS}\s]"  # a free word inside a part: as in a gap
_F_AGAIN = r"重新|再次|再|继续|恢复|还是"
_F_REMINDERS = r"提醒|通知|推送"
_F_MESSAGES = r"消息|信息|讯息"  # round 33: 訊息 (讯息) in traditional characters
_F_WISH = r"想|要|想要|愿意|帮我|请帮我|麻烦帮我|给我|可不可以|可以|能不能|能否"
_F_ADOPT = r"认养|认种|领养|认捐"
_F_MINE = r"我(?!们)|自己|本人"
_F_VILLAGE = r"全村|本村|我们村|我们村里|村里|本社区|我们社区|社区里"  # round 64: an urban community too
# round 33: the planting day named; someone of the sender's going in their stead ('种树日我老婆去')
# round 38: the day as 'that day' ('植树那日 我一家三口都去')
_F_PLANTING_DAY = r"种树(?:节|日)|种树(?:的|个)?活动|义务种树|种树(?:那天|那日|当天|嗰日|那一天)"
# done before, told of ('种树节我去年参加了', '种树活动我已经报名了'): no sign-up now
_F_TOLD_BEFORE = r"去年|前年|上次|上回|以前|之前|已经|那次|那年"
_F_MY_OTHERS = r"我(?:的)?(?:老公|老婆|老伴|爸|妈|儿|女|孙|哥|姐|弟|妹|伯|叔|爷|奶|阿[\u4e00-\u9fff])"
_F_SOMEONE_ELSE = r"老公|老婆|老伴|爸|妈|儿|女|孙|他|她|别人|邻居|父|母|哥|姐|弟|妹|伯|叔|爷|奶|集体"
# the trees reported or planted, named by the verb (round 87: or pointed at after it: 种嗰, 报嗰啲, 报过嘅; normalised)
_F_REPORTED = r"报的|种的|登记的|报了的|种了的|报上去的|报过的|种过的|(?:报|种|登记)(?:了|过)?(?:那些|那)"
FRAMES: dict[str, tuple[Frame, ...]] = {
    # reminders back on: again or a wish, the receiving or the sending, the reminders; the reminders, switched on again
    "reminders_on": (
        Frame((_F_AGAIN, r"收|接收|推送|推", rf"{_F_REMINDERS}|{_F_MESSAGES}"), 6, r"专|顾"),
        # round 33: go on reminding the sender ('都是继续提醒我啦 我经常不记得浇水')
        Frame((r"继续|照样|照常|照旧|还是要|还是", r"提醒我|通知我"), 2),
        # sent again: only the reminders ('再发一次消息' is the sender's own message sent again)
        Frame((_F_AGAIN, r"发", _F_REMINDERS), 6, r"专|顾"),
        # round 47 (19t): the sender may be sent them again ('又可以发提醒给我了', '现在又可以发通知给我了')
        Frame((r"又可以|又能|可以再|可以重新|又再", r"发|推送|推", _F_REMINDERS), 2, r"专|顾"),
        # a wish to receive them ('我想收到种树提醒'; '我想收到专家的消息' is the expert's answer)
        Frame((r"想|要|愿意", r"收|接收|订", rf"{_F_REMINDERS}|{_F_MESSAGES}"), 6, r"专|顾"),
        # Cantonese 开返 (开回) with a measure word before them ('开返个提醒啦')
        Frame((r"开回", _F_REMINDERS), 4),
        Frame((_F_REMINDERS, r"(?:重新|再)?(?:打开|开启|开通|恢复|开回|开)(?:回来|回|返来)?$"), 6),
        # wanted again, the reminders unnamed ('之前关了提醒 现在想再收'), still to be sent ('种树的消息还是要发给我')
        Frame((r"想|要", r"(?:再|重新)(?:收|接收|订)(?:回)?$"), 2),
        Frame((rf"{_F_REMINDERS}|消息", r"还是|继续|照样|照常|照旧", r"发给我|发我|给我发|发来|推给我|推送给我"), 2),
        # round 46 (the simulator, after 退订): go on sending to the sender ('都系继续发俾我啦', '还是发给我吧'), or 'you,
        # go on sending' with nothing after it ('你继续发啦'); news sent from now on ('以后有消息都发俾我'): not the
        # expert's answer or one's own question ('专家有消息就发给我' is the ticket's)
        Frame(
            (
                r"继续|照样|照常|照旧|还是要|还是",
                rf"(?:发给我|发我|给我发|推给我|推送给我|推我)(?:吧|啦|啊|呀)?(?:(?![{_CJK}])|(?=我|因为|不然|要不|免得))",
            ),
            2,
            r"专|顾|照片|相片|相|图|不看|不理|不听",
        ),
        Frame((r"^(?:你|你们)(?:都是|还是)?继续", r"(?:发|推送|推|提醒)$"), 0),
        Frame(
            # round 47 (19t): the activities' news ('以后有活动照发俾我': Cantonese 照, still); 没问题 (no problem) is no
            # question of the sender's
            (
                r"有(?:什么)?(?:消息|通知|提醒|活动)",
                r"(?:都|就|也|还是|照|照样)?(?:发给我|发我|给我发|推给我|推送给我)",
            ),
            2,
            r"专|顾|(?<!没有)(?<!没)问题|回答|答复|回复",
        ),
        Frame(
            (r"以后|今后|往后", r"有(?:什么)?(?:消息|通知|提醒)", r"(?:都|就|也|还是)?(?:通知我|告诉我|说我知|提醒我)"),
            2,
            r"专|顾|问题|回答|答复|回复",
        ),
    ),
    # reminders off: the request frame's since frames76 (request_frames.stops_the_reminders: refused before the sending or
    # the receiving, who between: '别再给我推消息了'; switched off or stopped: '麻烦关掉那些通知', '日日提醒好烦 点关'; messages
    # received or sent are the reminders: '唔想收你哋啲提示讯息'; a cadre's notice to the villagers is theirs)
    # the planting day joined: the day named (as 种树 alone too), then one's going; the others (the wish, the joining and
    # the day: '我想参加种树活动'; with whom said first: '我同个仔一齐去种树日报个名'; going, then counted in: '植树节那天我去帮手
    # 记我一个'; when asked, then going: '植树活动几时 我同老婆两个去') are the request frame's since frames76
    # (request_frames.joins_the_day, read by ``_frame_joins``): its who holds the sender with others ('我和老婆都想参加'),
    # and someone else's wish alone is theirs ('我老婆想参加种树活动' had joined the sender by the first frame here)
    "join": (
        # the day named first, the wish last ('…要去村委领苗' is a duty told, no wish)
        # or going together, or sure to ('听日村里种树我带埋个仔一齐去', '义务植树那天我一定参加')
        Frame(
            (
                r"种树",
                # round 48 (19v): going to help ('听讲村里搞植树活动 我想去帮手', '…我都去帮手'); round 82 (21x): to join the
                # bustle ('…我都想去凑下热闹')
                rf"(?:(?:想|要|会|一定|肯定|都|也)(?:去|来|参加|报名|报个名)(?:参加)?|(?:一起|一齐)(?:去|来)){_WITH_RE}"
                r"(?:帮手|帮忙|帮下手|出力|做义工|凑(?:下|个|一下|凑)?热闹)?$",
            ),
            6,
            r"大家|他们|她们|别人|人人|全村|村民|人家",  # round 48: who else goes ('…大家都参加了') joins no one
        ),
        # round 33: the day named first, then the sender (and with whom) signing up or going ('今年的义务种树活动我报名参加',
        # '听说明天有种树活动 我和老婆报名'); how to sign up may come between ('种树活动怎么报名 我和老公两个人去': going is said)
        Frame(
            (
                rf"(?:{_F_PLANTING_DAY})(?:(?:怎么|如何|怎样)(?:报名|参加))?",
                rf"(?:我|我们|本人)(?:(?:和|同|跟|带)[{_CJK}]{{1,4}}?)?",
                r"(?:报名参加|报个名|报名|参加|去)(?:一下|下)?$",
            ),
            5,
            _F_MY_OTHERS + "|" + _F_TOLD_BEFORE,
        ),
        # or counts the sender in ('周日党员种树日算我一份 我会准时到')
        Frame((_F_PLANTING_DAY, r"算我|算埋我|算上我|加我|加埋我"), 2, _F_TOLD_BEFORE),
    ),
    "adopt": (
        Frame(
            (
                _F_WISH,
                _F_ADOPT,
                rf"(?:一|两|1|2)?(?:{_MEASURE})?{_F_FREE}{{0,6}}?(?:树|果树|树苗|苗)?"
                r"(?:(?:给|帮|为|送)[\u4e00-\u9fff]{1,3}?(?:做|作|当|留)(?:个)?(?:纪念|留念))?$",
            ),
            4,
            # round 89: one's adopted tree handed on or given up ('我想把我认种的那棵龙眼转给我女儿') adopts nothing: the
            # village's (the FAQ's own_request)
            r"死|病|虫|黄|烂|枯|钱|费|谁|归|转给|过给|让给|交给|转到|过户|退",
        ),
        Frame((_F_ADOPT, r"活动", r"(?:想|要)参加(?:一下|下)?$"), 6),
        # adoption heard of, its price asked on the way, then how to sign up ('听讲可以认种认养 要几钱 点报名'): the list
        # says how (认养 <编号>); '怎么认养' alone stays the FAQ's
        # round 38 (19m): its procedure asked ('认养一棵树要办什么手续', '认种果树需要走啥流程'): the list says it too
        Frame(
            (
                _F_ADOPT,
                r"(?:要|需要)?(?:几钱|多少钱)?",
                r"(?:(?:怎么|如何|怎样)(?:报名|申请|参加)"
                r"|(?:要|需要|得)?(?:办|走|有)?(?:什么|啥|哪些|些什么)(?:手续|流程|程序)"
                r"|(?:手续|流程|程序)(?:怎么办|怎么走|是什么|有哪些|复杂吗|麻烦吗))$",
            ),
            6,
            r"死|病|虫|黄|烂|枯|谁|归",
        ),
        Frame(
            (rf"(?:有没有|有)?(?:树)?(?:好|可以)?(?:{_F_ADOPT})", rf"(?:想|要)(?:认|领|要)?(?:一|两)?{_MEASURE}$"), 4
        ),
        # round 33: its price asked, then one wished ('认养树要出几多钱 我想认一棵'); the price alone stays the FAQ's
        Frame(
            (
                _F_ADOPT,
                r"(?:一棵)?(?:树|果树)?(?:要|需要)?(?:出|交|给)?(?:几钱|多少钱)",
                rf"(?:我)?(?:想|要)(?:认|领|{_F_ADOPT})?(?:一|两)?{_MEASURE}(?:树)?$",
            ),
            2,
            r"死|病|虫|黄|烂|枯|谁|归",
        ),
    ),
    # the sender's own zone asked after; frames75: the zone wished (round 31's four frames of it) is the request frame's
    # (bot/request_frames.py ``takes_on_a_zone``)
    "zone_mine": (
        # round 38: the sender's own zone asked where or which ('我嘅责任区系边块'), or the wood given the sender to care
        # for ('分给我管的那片林在哪里'): the list marks the sender's (含您)
        # or whether the sender has been given one yet ('党员责任区我分到咗未')
        Frame((_ZONE, r"我(?:分到|分配到|领到|认到|分了)(?:了)?(?:没有|没|未|吗)$"), 2, _F_SOMEONE_ELSE),
        Frame(
            (r"^(?:我的|我)", _ZONE, r"(?:是|在)(?:哪块|哪片|哪个|哪里|哪|边块|边片|边个)$"),
            2,
            _F_SOMEONE_ELSE,
        ),
        Frame(
            (
                r"^(?:分给我|分配给我|划给我|安排给我|给我分)",
                r"(?:管|管护|负责|看管)(?:的)?",
                r"(?:那|这)?(?:片|块)(?:林|林子|树林|地|区)?(?:在哪里|在哪|是哪块|是哪片|是哪里)$",
            ),
            2,
            _F_SOMEONE_ELSE,
        ),
    ),
    # the sender's own certificate: shown, sent or looked for; or it named, then where to see it or sent to the sender
    "certificate": (
        Frame((r"看|查|发|给|要|拿|领|打印|下载", r"我的|我", r"证书$"), 4, _F_SOMEONE_ELSE),
        Frame(
            (
                r"我的|我",
                r"证书",
                r"(?:发给我|发我|给我|在哪里看|在哪里|在哪|哪里|去哪里看|看下|看看|打印出来|下载)(?:一下|下|一份)?$",
            ),
            6,
            _F_SOMEONE_ELSE + r"|错|改|名字",
        ),
        # round 39 (19n): certificates told of, then why the sender has none ('我阿妈话种树有证书 点解我冇', '别人都有证书 为什么
        # 我没有'): the sender's certificates, or why none yet from the records (handlers/certificates.py)
        Frame(
            (r"证书", r"(?:为什么|为啥|怎么)(?:偏偏)?(?:我|我的)(?:就|都|还|仍然)?(?:没有|没|未)(?:收到|拿到|发|有)?$"),
            6,
            r"错|改|名字|集体",
        ),
        # round 43 (19q): the sender's own certificate, when it comes ('我嘅证书几时有', '我的证书什么时候发'): theirs, or
        # what it still waits for (handlers/certificates.py: the check, the trees left); '证书什么时候发' said of no one
        # stays the FAQ's
        Frame(
            (
                r"^(?:我的|我)",
                r"证书",
                r"(?:什么时候|啥时候|何时|几时)(?:才|先|至|就)?(?:能|可以|会)?(?:有|发|到|拿到|收到|出来|下来|领到|拿)(?:得到)?$",
            ),
            2,
            _F_SOMEONE_ELSE + r"|错|改|名字|集体",
        ),
    ),
    # the sender's own trees counted: the sender, planting or recording, how many (no tree named: that is a record)
    "progress_mine": (
        Frame((_F_MINE, r"种|栽|登记|记录", r"(?:多少|几)(?:棵|株)?(?:树|苗)?$"), 6, _F_SOMEONE_ELSE + r"|死|病|虫|黄"),
        # round 37 (19m): what the system counts for one ('现在系统算我几棵')
        Frame(
            (r"系统|电脑|后台|手机上|上面", r"算|记|显示|统计", _F_MINE, r"(?:多少|几)(?:棵|株)?(?:树|苗)?$"),
            3,
            _F_SOMEONE_ELSE + r"|死|病|虫|黄",
        ),
    ),
    # the trees reported or planted named (their count and tree too), then whether they were recorded ('上个礼拜报的那两棵
    # 龙眼记上没有'): the sender's progress shows them
    # round 87 (22d: '我上个礼拜种嗰两棵龙眼有冇记到啊', 22c: '我上次报嗰啲记到未'): the trees pointed at (种嗰, 报嗰啲:
    # normalised 种那, 报那些; 报过嘅), recorded said bare ('记咗未': 记了没) or as counted in ('有冇入数')
    "progress_recorded": (
        Frame(
            (
                _F_REPORTED,
                r"(?:(?:记|登记|记录|录|算)(?:上|进去|好|到|入)|(?:记|登记|记录)(?=了)|(?:入|计入|算入)(?:了)?(?:数|进度))"
                r"(?:了)?(?:没有|没|吗|未)$",
            ),
            8,
            _F_SOMEONE_ELSE + r"|死|病|虫|黄|忘",
        ),
        # round 37: whether asked first ('报了的树有没有记进去'), the village's check asked after ('我报的树审核了没有', '我的树有
        # 几棵审核通过了', '为什么我报的树还没核实'): the sender's progress shows what waits for the check
        Frame(
            (
                _F_REPORTED,
                r"(?:有没有|有无)(?:(?:记|登记|记录|录|算)(?:上|进去|好|到|入)|(?:入|计入|算入)(?:数|进度))$",
            ),
            8,
            _F_SOMEONE_ELSE + r"|死|病|虫|黄",
        ),
        Frame(
            (
                r"我的|我报的|我种的|我家的|我登记的",
                r"树|记录",
                r"(?:(?:审核|核实|批准|批)(?:通过)?(?:了)?(?:没有|没|吗|未)|(?:多少|几)(?:棵|条)(?:审核|核实)?(?:通过|核实)(?:了)?)$",
            ),
            6,
            _F_SOMEONE_ELSE + r"|死|病|虫|黄",
        ),
        Frame(
            (
                r"为什么|为啥|点解|怎么",
                r"我的|我报的|我种的|我家的|我登记的",
                r"树|记录",
                r"(?:还)?(?:没有|没|未)(?:核实|审核|通过)$",
            ),
            6,
            _F_SOMEONE_ELSE + r"|死|病|虫|黄",
        ),
    ),
    # round 38 (19m): the household's trees (its own word first: 我家, 我们家, 屋企 normalised 家), then whether they were
    # recorded ('我家那棵杨梅有没有记上去', '屋企嗰几棵荔枝报咗上去冇'); a relative who asks it left out before
    # (``household_asked``: '阿公问我哋屋企嗰棵荔枝有冇记到'); a neighbour's (邻居家) is not the household's
    "progress_household": (
        Frame(
            (
                # round 78 (21t): or the sender's own door, back or yard, 家 unsaid ('我门口那棵荔枝', '我屋后嗰两棵龙眼')
                r"^(?:(?:我们|我|俺|咱们|咱)?(?:屋)?家(?:门口|门前|屋后|后院|院子|里)?"
                r"|(?:我们|我|俺|咱们|咱)(?:门口|门前|屋后|后院|院子|屋前))(?:的|种的|那|这|些)?",
                # round 78: for the sender ('有没有给我记上去', '有冇帮我登记上')
                r"(?:(?:有没有|有无)(?:给我|帮我|同我)?(?:报|登记|记录|记|录|算)(?:了)?(?:上去|进去|上|到|入)?"
                r"|(?:报|登记|记录|记|录|算)(?:了)?(?:上去|进去|上|到|入)?(?:了)?(?:没有|没|吗|未))$",
            ),
            8,
            # a neighbour's by where it is ('我家隔壁的树记上没有')
            # round 78: 黄皮 is a tree, no yellowing ('我门前种的黄皮记上去没有')
            _F_SOMEONE_ELSE + r"|隔壁|对面|邻居|旁边那家|别家|人家|死|病|虫|黄(?!皮)|结",
        ),
    ),
    # round 38: a relative's own trees (planted, reported) named, then whether they were recorded ('看下我妈种的树记上
    # 没有', '我阿爸种的龙眼登记上没有'): theirs, not the sender's progress; told where they are (``relative_recorded_asked``)
    "progress_relative": (
        Frame(
            (
                r"^(?:帮我|帮|替|看下|看看|看一下|查下|查一下|问下)?(?:我)?(?:阿|老)?"
                r"(?:爸爸|妈妈|爷爷|奶奶|公公|婆婆|外公|外婆|老公|老婆|老伴|老豆|家公|家婆|儿子|女儿|"
                r"爸|妈|公|婆|嫲|嬷|爷|奶|伯|叔|姆|仔|孙|哥|姐|弟|妹)"
                r"(?:他|她)?(?:自己)?(?:种的|报的|登记的|种了的|报了的|的)",
                r"(?:(?:有没有|有无)(?:报|登记|记录|记|录|算)(?:了)?(?:上去|进去|上|到|入)?"
                r"|(?:报|登记|记录|记|录|算)(?:了)?(?:上去|进去|上|到|入|好)?(?:了)?(?:没有|没|吗|未)"
                # round 71 (the lead's simulator, 21f): counted in the progress asked ('我老公报嘅两棵荔枝算咗进度未',
                # '我老婆报嘅三棵龙眼入咗数未')
                r"|(?:算|计|入|记)(?:了)?(?:入|进|落)?(?:进度|数)(?:里)?(?:了)?(?:没有|没|吗|未))$",
            ),
            8,
            r"邻居|隔壁|对面|死|病|虫|黄|结",
        ),
        # round 71 (21f): whether a relative has planted yet, asked bare ('我阿妈种咗未 佢都系埔心村嘅', '我老豆种咗树未'):
        # theirs (told where their trees are recorded, with the household's count), never a ticket nor a record
        Frame(
            (
                r"^(?:帮我|帮|替|看下|看看|查下|查一下|问下)?(?:我)?(?:的)?(?:阿|老)?"
                r"(?:爸爸|妈妈|爷爷|奶奶|公公|婆婆|外公|外婆|老公|老婆|老伴|老豆|家公|家婆|儿子|女儿|爸|妈|公|婆|嫲|嬷|爷|奶)"
                r"(?:他|她|它)?(?:自己)?(?:已经)?",
                r"(?:(?:有没有|有无)种(?:了)?(?:树)?|种(?:了)?(?:树)?(?:没有|没|吗|未))(?=$|它|他|她)",
            ),
            0,
            r"邻居|隔壁|对面|死|病|虫|黄|结|几时|什么时候|怎么|哪",
        ),
        # conv96 (22o: '唔该 帮我睇下我阿妈种咗几多棵' had become a ticket): how many a relative has planted, asked (唔该, 帮我睇下
        # before it): theirs (where their trees are recorded, with the household's count); how many they must plant
        # ('…几多棵先够', '要种几多') is no count of theirs
        Frame(
            (
                r"^(?:帮我|帮|替)?(?:看下|看看|看一下|查下|查一下|查查|问下)?(?:我)?(?:的)?(?:阿|老)?"
                r"(?:爸爸|妈妈|爷爷|奶奶|公公|婆婆|外公|外婆|老公|老婆|老伴|老豆|家公|家婆|儿子|女儿|爸|妈|公|婆|嫲|嬷|爷|奶)"
                r"(?:他|她)?(?:自己)?(?:已经)?(?:一共|总共)?",
                r"种了(?:多少|几)(?:棵|株)?(?:树)?(?:了)?$",
            ),
            0,
            r"邻居|隔壁|对面|够|要|应该|需要|才|先",
        ),
    ),
    # round 39 (19n): one's trees reported by someone else for one ('我阿妈帮我报嘅 我想睇下有冇记录到'), or one's planting
    # day ('我今年参加咗义务植树 有冇记录到我'), then whether recorded: the sender's progress (its trees, its days joined)
    "progress_recorded_for_me": (
        Frame(
            (
                r"帮我",
                r"报|登记|录入|记录|上报",
                r"(?:的)?(?:我)?(?:想)?(?:看下|看看|看一下|查下|查一下|问下)?(?:有没有|有无)(?:记录|记|登记|录|算)(?:到|上|进去|入)?(?:我)?$",
            ),
            4,
            r"死|病|虫|黄",
        ),
        Frame(
            (
                r"参加了|参加过|去了",
                rf"(?:义务)?种树(?:活动|日|节)?|{_F_PLANTING_DAY}",
                r"(?:有没有|有无)(?:记录|记|登记|录|算)(?:到|上|进去|入)?(?:我)?$",
            ),
            4,
            r"死|病|虫|黄",
        ),
    ),
    # the village's: the village, its planting or progress, how far
    "progress_village": (
        Frame(
            (
                _F_VILLAGE,
                # round 33: the households covered, the figures reported ('全村户覆盖多少户了', '我们村报上去多少亩了')
                r"进度|完成|种|覆盖|报上去|上报",
                r"(?:怎么样|如何|到哪里|到哪|去到边|到边|多少|几成)(?:户|亩|棵)?(?:了)?$",
            ),
            6,
            r"死|病|虫|黄|算",
        ),
    ),
    # round 39 (19n): the village lagging asked ('我哋村落后未', '我们村是不是落后了', '听讲落后要通报 我哋村落后未'): its
    # progress shows its status (滞后, 连续两月滞后); read before a worry after a question is left out (progress_said)
    "village_lag": (
        Frame(
            # round 64 (20r): the month said, and reported so asked ('我哋村今个月会唔会被通报滞后'): its status too
            (
                _F_VILLAGE,
                r"(?:这个月|今个月|本月|这期|今期)?(?:进度)?(?:是不是|有没有|会不会)?(?:被)?(?:通报)?"
                r"(?:落后|滞后|垫底|排最后|排尾)(?:了)?(?:没有|没|吗|未)?$",
            ),
            2,
            r"死|病|虫|黄|怎么|为什么|为啥",
        ),
    ),
    # round 33: the sender's trees planted, wished logged: the wish, logging, the trees ('我想喺度登记我种嘅树'); a record
    # opened ('帮我开个种树记录'); the trees named first, then the wish, may I after it ('今年嘅树我想登记上去 得唔得')
    "log": (
        Frame(
            (
                r"想|要|帮我|麻烦|请|给我",
                r"登记|记录|录入",
                r"(?:我|我们|我家)?(?:今年)?(?:种|栽)(?:的|了的)(?:树|果树|树苗)$",
            ),
            6,
            _F_SOMEONE_ELSE + r"|死|病|虫|黄",
        ),
        Frame((r"帮我|麻烦|请|给我|我想|我要", r"(?:开|建|做|新建)(?:个|一个|一条|条)?(?:种树)?记录$"), 2),
        Frame(
            (
                r"树|果树|树苗",
                r"(?:我)?(?:想|要)(?:登记|记录|报)(?:上去|进去|上|一下|下)?(?:行不行|得不得|可不可以|可以吗|行吗|好吗)?$",
            ),
            4,
            _F_SOMEONE_ELSE + r"|死|病|虫|黄",
        ),
        # round 37 (19m): the trees not logged yet, then logged now wished ('我屋企啲树仲未报 而家想报', '…没登记 现在登')
        Frame(
            (
                r"树|果树|树苗",
                r"(?:还|都)?(?:未|没|没有)(?:有)?(?:登记|记录|报|登)(?:上|到)?",
                r"(?:现在|今天|而家)?(?:我)?(?:想|要|就)?(?:补)?(?:登记|记录|报|登)(?:回|返|上去|进去|上|一下|下)?$",
            ),
            4,
            _F_SOMEONE_ELSE + r"|死|病|虫|黄",
        ),
    ),
    # the record in progress cancelled: the undoing and what it is; or what was just sent, then dropped
    "cancel": (
        # round 30 (19i): the verb first ('唔该删咗头先嗰张相': 删了头先那照片)
        # round 43 (19q): what was just reported as the object ('撤回刚才登记的')
        Frame(
            (
                r"取消|撤销|撤回|删除|删掉|删|作废",
                r"记录|照片|相片|相|图片|图|那条|这条|那个|这个$|(?:刚才|刚刚|头先)(?:登记|报|发|记)(?:的|嘅)$",
            ),
            6,
        ),
        Frame(
            (
                # round 33: Cantonese 呢 before a measure word ('呢单取消'); round 38: what was reported before, all of it
                # ('之前报的记录全部删掉')
                r"刚才|刚刚|头先|之前|上次|这|那|呢(?=[单条张个笔相照])",
                r"(?:(?:全部|都)?(?:不要了|不要记|不要|取消|作废|删掉|删了|删|撤销|不算|发错了)(?:掉|了|吧)?)+"
                # why after it ('那两棵荔枝先删掉 我报错了')
                # or done again after it (round 38: '呢张相唔要 我再影过')
                r"(?:我)?(?:(?:报|发|搞|弄|记|写)错(?:了)?|(?:重新|再)(?:来|报|发|弄|记|影|拍)(?:过|一次|一张)?)?$",
            ),
            8,
        ),
        # round 33: never mind, then not now, the trees named ('算了两棵荔枝先不报了')
        Frame((r"算了|算啦|罢了", _NOT_TODAY_RE.pattern.lstrip("^")), 0),
    ),
}


def negated_before(text: str, start: int) -> bool:
    """Is what starts at ``start`` negated just before it ('我不想认养树': 不 before 想)?"""
    before = _FRAME_NOT_NEGATIONS_RE.sub("", text[max(0, start - _FRAME_NEAR - 2) : start])
    return any(c in _FRAME_NEGATIONS for c in before[-_FRAME_NEAR:])


def frame_found(kind: str, norm: str) -> re.Match | None:
    """The first of ``kind``'s frames (``FRAMES``) the ``normalize``d short text says, its parts in order, the gaps
    short with no negation nor question word, nothing negating it just before, the rest asking nothing; None if none.
    Its positions are the text's (its final particles left out)."""
    if not norm or len(norm) > INTENT_MAX_CHARS:
        return None
    # round 33: 不该 (唔该, please) is no negation inside a frame either; same length, so positions stay the text's
    text = _PLEASE_RE.sub("麻烦", _INTENT_PARTICLES_RE.sub("", norm))
    for frame in FRAMES[kind]:
        if frame.unless and re.search(frame.unless, text):
            continue
        found = frame.pattern.search(text)
        # round 33: a frame negated where it is first found may be said again later ('上次叫你们不要发 现在又想收回通知':
        # 要…收…通知 negated by 不, 想收回通知 not)
        while found and negated_before(text, found.start()):
            found = frame.pattern.search(text, found.start() + 1)
        if not found:
            continue
        if is_question(text[: found.start()] + "，" + text[found.end() :]):
            continue
        return found
    return None


def frame_said(kind: str, norm: str) -> bool:
    """Does the text say a request of ``kind`` by one of its frames (``frame_found``)?"""
    return frame_found(kind, norm) is not None


# --- what a request asks of the FAQ's entry (round 33: the question and negation words bot/asked_for.py reads, here
# once). A question the steps answer, never the command: how, where, who, when, why, what it is or is for, the rule,
# someone else's, whether it already happened ('提醒恢复了吗'). Read on the normalised text: 点样 and 点解 are 怎么 and 为什么
# there, 边度 哪里, 几时 什么时候, 系咩 是什么
_STEPS_ASKED_RE = re.compile(
    rf"{_HOW_RE.pattern}|咋|方法|步骤|教我|教下|在哪|哪里|谁|什么时候|是什么|什么意思|什么用|好处|区别|干什么|干嘛|"
    r"规定|算的|能不能看|可不可以看|别人|人家|"
    r"(?:恢复|关|开|停|取消|退订|订阅|删|作废)了(?:吗|没)"
)


def steps_asked(norm: str) -> bool:
    """Is it how to do the thing (or where, who, when, why, what it is) that is asked, not the thing itself?"""
    return bool(_STEPS_ASKED_RE.search(norm))


# a wish (想, 愿意, 打算; 要 before taking one), refused when a negation (the frames': ``negated_before``) is just before it
_A_WISH_RE = re.compile(r"想|愿意|打算|要(?=认|领)")


def wish_refused(norm: str) -> bool:
    """Is a wish said refused ('我不想认养树', '唔想睇证书')?"""
    return any(negated_before(norm, found.start()) for found in _A_WISH_RE.finditer(norm))


# --- the monthly 通报 asked after (round 40: '本月通报出来没有', '我们村这个月通报排第几', '上个月通报说我们村怎么样', '3月通报').
# Which month's line is asked (bot/reports.py ``asked_line``): ("latest", 0) the latest released (本月, 这个月, 最新, none
# named: the line names its month), ("back", n) the 通报 of n months ago (上个月 is last month's figures: the line of
# '2月通报' in March), ("month", m) the month named. Never the rules of the 通报 ('进度落后会被通报吗', '会不会被通报滞后',
# '通报是什么意思', '连续两个月被通报会怎样': the FAQ's supervision entry), a dispute about it ('能不能申诉', '对不上',
# '为什么我们村被通报了': a ticket; round 49: the village's state in it asked, '上个月通报我们村是什么状态', is its line), last year's, 通报 as a verb of telling ('通报一下大家'), or the village's standing or
# figures now asked with the 通报 beside them (本村进度's: '我们村排第几名啊 上个月听说被通报了').
_REPORT_ASKED_MAX_CHARS = 30
_REPORT_WORD_RE = re.compile(r"通报")
_REPORT_NOT_ASKED_RE = re.compile(
    r"会不会|会被|会通报|会唔会|要被|要通报|不然|否则|怎么办|会怎|会有|后果|影响|处理|处分|约谈|扣|什么是|是什么(?!状态|情况|名次)|什么意思|"
    r"怎么回事|怎么算|按什么|怎么通报|多久|航拍|无人机|督查|督导|暗访|曝光|考核|申诉|对不上|不对|不准|唔啱|错|核对|"
    r"为什么|为何|点解|谁|去年|前年|旧年|每周|"
    r"通报(?:一下|一声|下大家|大家|全村|村民|各户|群众|给大家)"
)
# the village's figures or standing now asked, the 通报 said beside them: 本村进度's ('我们村排第几名啊 上个月听说被通报了',
# '本月通报我们村是不是滞后了 核实的亩数多少')
_REPORT_PROGRESS_ASKED_RE = re.compile(
    r"(?:排第|排名|名次|第几).*通报|(?<!排名)(?<!名次)(?:多少|几多)|几亩|几棵|亩数|棵数"
)
_REPORT_MONTH_RE = re.compile(r"(?<![\d十])(1[0-2]|0?[1-9]|十[一二]|[一二三四五六七八九十])\s*月(?:份)?")
_REPORT_BACK_RE = re.compile(r"上上个?月|上个?月|上月")
_REPORT_LATEST_RE = re.compile(r"本月|这个?月|今个?月|当月|本期|这期|今期|最新|最近|近期")
# sim66: when it comes out asked ('今个月几时出通报', '通报几号发', '4月通报什么时候出'): ("when", the month named or 0)
_REPORT_WHEN_RE = re.compile(r"几时|什么时候|啥时候|咩时候|乜时候|哪天|哪一天|边日|几号|几日|何时|几点")


def report_asked(norm: str) -> tuple[str, int] | None:
    """The monthly 通报's line asked after in the normalised text, and which month's (see above); None otherwise."""
    if len(norm) > _REPORT_ASKED_MAX_CHARS or _REPORT_NOT_ASKED_RE.search(norm):
        return None
    if not _REPORT_WORD_RE.search(norm):
        return _last_months_rank_asked(norm)
    if _REPORT_PROGRESS_ASKED_RE.search(norm):
        return None
    named = _REPORT_MONTH_RE.search(norm)
    if _REPORT_WHEN_RE.search(norm):
        month = chinese_to_int(named.group(1).lstrip("0")) if named else None
        return ("when", month if month is not None and 1 <= month <= 12 else 0)
    back = _REPORT_BACK_RE.search(norm)
    if back:
        return ("back", 2 if back.group(0).startswith("上上") else 1)
    if named and not _REPORT_LATEST_RE.search(norm[: named.start()] + norm[named.end() :]):
        month = chinese_to_int(named.group(1).lstrip("0"))
        if month is not None and 1 <= month <= 12:
            return ("month", month)
    return ("latest", 0)


# round 77 (the lead, in the simulator: '上个月我们村排第几' had today's 本村进度): a past month's rank or state asked with
# no 通报 word ('我哋村上个月排第几名', '上月本村排名几多', '上个月我们村名次是多少'): that month's 通报 line, where the rank
# was given (a village named: handlers/progress.py, as one the sender may see); never figures ('上个月我们村种了多少棵'),
# nor this month's rank (本村进度's)
_OURS = r"(?:(?:我们|我|咱们|咱)(?:村|社区)|本村|本社区|[\u4e00-\u9fff]{1,5}?(?:村|社区))"  # a village named too
_LAST_MONTHS_RANK_RE = re.compile(
    rf"{_OURS}?(?:上上个?月|上个?月|上月)(?:的)?{_OURS}?(?:的)?"
    r"(?:排(?:在|到)?(?:第)?(?:几|多少|几多)(?:名|位)?|排名|名次|第几名|状态|有没有滞后|是不是滞后|滞后了没有|滞后了吗)"
    r"(?:是|系)?(?:第)?(?:几|多少|几多|什么|怎样|怎么样)?(?:名|位)?(?:呀|啊|呢|吗|了|啦|哦)*"
)


def _last_months_rank_asked(norm: str) -> tuple[str, int] | None:
    if not _LAST_MONTHS_RANK_RE.fullmatch(norm):
        return None
    back = _REPORT_BACK_RE.search(norm)
    assert back is not None  # the pattern holds one
    return ("back", 2 if back.group(0).startswith("上上") else 1)


# round 73 (21i): a follower's first words before any 登记, a greeting or a call alone ('你好', '在吗', '喂', '有人吗',
# 'hello'): the welcome with how to register (handlers/core.py), never small talk; thanks, a yes or an apology are not
_GREETING_ALONE_RE = re.compile(
    r"(?:(?:喂|哈喽|hello|hi|嗨|哈罗|请问|"
    r"(?:你|您|你们|大家|各位|老师|师傅|专家|领导|书记|老师你)好|"
    r"早|早晨|早上好|早安|上午好|中午好|下午好|晚上好|"
    r"在吗|在么|在不在|在没在|在冇|有人吗|有人在吗|有人没有|有没有人(?:在)?(?:这里)?|有人在没有)"
    r"(?:呀|啊|吖|哦|喔|呢|嘛|啦|喇|嗎)*)+",
    re.I,
)


# round 92 (22c, 22k '呢个系做咩嘅', '这是干什么的'): what this account is for, asked with nothing else (the account, the number,
# the bot or 你们 as its subject, or none): the help (handlers/core.py); a thing named is not the account ('这个活动是什么',
# '这个药是干什么用的')
# conv111 (23h: '啱啱扫码关注咗 呢个绿美植树助手係做乜嘢嘅' had been the FAQ's campaign card): the assistant named by its own
# name (绿美植树助手, 种树小助手; 植树 is normalised 种树), just following or scanning told first (刚刚扫码关注了, 新关注)
_JUST_FOLLOWED = r"(?:(?:刚刚|刚|新)(?:扫码)?(?:关注|加|扫码)(?:了|的)?)?"
_THE_ASSISTANT_NAMED = r"(?:绿美)?(?:种树|植绿)?(?:小)?助手"
_ACCOUNT_PURPOSE_RE = re.compile(
    rf"^{_JUST_FOLLOWED}(?:请问|想问下|问下|问一下)?(?:这个|这|你们|你)"
    rf"(?:公众号|号|微信号|账号|帐号|机器人|{_THE_ASSISTANT_NAMED}|平台)?(?:是|系)?(?:用来)?"
    r"(?:做什么|干什么|干吗|干嘛|搞什么)(?:用)?(?:的|用的)?$"
    # round 94 (conv92's left: '呢个系乜嘢嚟㗎', normalised 这个是什么来): what this is, Cantonese 乜嘢嚟 (什么来) or 什么东西:
    # the account when nothing came before it (handlers/core.py: a photo's record or a ticket's window takes it there)
    r"|^(?:这个|这|这些|呢样)(?:是|系)(?:什么)(?:来|东西)(?:的|来的)?$"
)


def account_purpose_asked(norm: str) -> bool:
    """Round 92: what this account is for ('呢个系做咩嘅' -> 这个是做什么的, '这个号是干嘛的'), nothing else asked."""
    bare = _INTENT_PARTICLES_RE.sub("", (norm or "").rstrip("？?。.！! "))
    return bool(bare) and bool(_ACCOUNT_PURPOSE_RE.match(bare))


# conv96 (22o: '呢样系咩嚟㗎' right after a photo had been the FAQ asking back): what this is, the thing or the tree ('呢个系咩
# 树', '呢啲系咩植物嚟', '呢样嘢系乜嘢嚟'), nothing else asked: right after a photo, the photo's question (a ticket with it,
# handlers/escalation.py); alone, what the account is (``account_purpose_asked``) where it reads so
_WHAT_IS_THIS_RE = re.compile(
    r"^(?:请问|想问下|问下)?(?:这个|这|这些|这样|呢样|呢啲|这棵|呢棵|这种|呢种|这条|呢条)(?:东西)?(?:是|系)(?:什么|乜)"
    r"(?:东西|树|植物|花|草|苗|品种)?(?:来)?(?:的|来的)?$"
)


def what_is_this_asked(norm: str) -> bool:
    """Conv96: what this (thing, tree) is, asked with nothing else ('呢样系咩嚟㗎' -> 呢样是什么来)."""
    bare = _INTENT_PARTICLES_RE.sub("", (norm or "").rstrip("？?。.！! "))
    return bool(bare) and bool(_WHAT_IS_THIS_RE.match(bare))


def greeting_alone(norm: str) -> bool:
    """Round 73: the normalised text is a greeting or a call and nothing else ('你好呀', '喂 在不在啊', '有人吗')."""
    bare = re.sub(r"[\s,，。.!！~～?？、]", "", norm or "").lower()
    return bool(bare) and len(bare) <= INTENT_MAX_CHARS and bool(_GREETING_ALONE_RE.fullmatch(bare))


# round 73 (21i): a bare yes or filler said after the bot asked something ('嗯' after a photo, '好' to the record's
# question): no answer, the question still stands (handlers/planting.py: the record's next step again); a yes to a
# question of its own (是, 对, 系: a tree guessed) is not read here
_ACKNOWLEDGED_ALONE_RE = re.compile(
    r"(?:好|好的|好嘅|好啦|好吧|好滴|好嘞|好咯|收到|知道|知道了|明白|明白了|懂|懂了|ok|okay|行|得|可以|没问题|没有问题|冇问题"
    r"|嗯+|哦+|噢|喔|呃)(?:啊|呀|吖|啦|喇|咯|嘞|哦|喔|嘛|了|的)*"
)


def acknowledged_alone(norm: str) -> bool:
    """Round 73: the normalised text is a bare acknowledgement or filler and nothing else ('嗯', '好的', '收到', 'ok')."""
    bare = re.sub(r"[\s,，。.!！~～、]", "", norm or "").lower()
    return bool(bare) and len(bare) <= 6 and bool(_ACKNOWLEDGED_ALONE_RE.fullmatch(bare))
