"""Small talk told in words of its own: a message that asks nothing (faq136, issue 17 §1).

The chit-chat words (bot/nlu.py ``is_chitchat``: 你好, 谢谢, 好的, 收到 …) and the small talk reader
(``nlu.is_small_talk``) stop at any word of substance: 种, 树, 田, 村 make a message more than small talk. A villager
also tells what he is off to do or how the talk and the day went, with such words and nothing asked: '好啦我去种树了',
'OK明白 我而家去淋水', '早晨 今日落雨唔去田', '食饱未 种树去', '你回答得好快呀 比村委还快', '今日同成村人一齐去种树好热闹',
'我儿子帮我关注的 先跟你打个招呼'. The blind sets label each chit-chat (a friendly line, never a ticket nor a card).

``told_only`` reads the normalised message from its front, piece by piece: each piece is chit-chat words
(``nlu.is_chitchat``) or one of the told classes below, each a whole phrase with no room for a question or a trouble
('好啦 我棵树叶黄咗点算', '谢谢 另外桂花几时种', '我去种树了 树穴要挖多深' leave a piece no class reads: not small talk).
At least one told piece is needed (chit-chat words alone are ``is_chitchat``'s). A planting told as done ('今日种咗两棵
龙眼') is no class here: the record and the FAQ read it."""

from __future__ import annotations

import re
from functools import lru_cache

from bot import nlu

MAX_CHARS = 40  # longer messages tell more than small talk

_P = r"(?:了|啦|喇|咯|啰|嘞|哦|喔|噢|呀|啊|吖|嘛|呢|先|的|嘅|哈|吧)*"  # final particles
_WHO = r"(?:我|我们|大家|我俩|我两个)?"
_SOON = (
    r"(?:现在|这就|马上|即刻|立刻|等下|等阵|等一下|一阵|一会|待会|待会儿|明天|后天|今晚|今天|下午|上午|晏昼|晚点|迟点|迟些"
    r"|过两天|下个?(?:礼拜|星期)|周末|礼拜[六日天]|星期[六日天])"
)
_WORK = r"(?:种树|植树|种|浇水|浇|施肥|除草|剪枝|挖坑|挖树穴|干活|做工|开工|开工了|做事)"
_FIELD = r"(?:田里|田|地里|山上|山|田头|果园|园里|村口|村里)"
_ADV = r"(?:就|都|再|先|也|又|一起|一齐|准备|打算|要|这就)*"
_KIN = r"(?:儿子|女儿|仔|女|孙子|孙女|孙|外孙|外孙女|新抱|媳妇|女婿|老公|老婆|后生|侄仔|侄女|家里人|屋企人|家人|老伴|个仔|个女)"
_VERY = r"(?:真是|真的|真|好|很|非常|太|都几|几|挺|蛮|超)?"

# each a phrase read whole from the front of what is left; the longest reading wins
_TOLD = tuple(
    re.compile(pattern)
    for pattern in (
        # off to do the day's work: '我去种树了', '我这就去浇水', '明天再去种', '种树去', '好的好的我现在就去种'
        # (落, down to the field, only with the field or the work said: '落得好犀利' is leaves or fruit falling hard)
        rf"{_WHO}{_SOON}?{_ADV}(?:(?:去|回去|出去|过去){_FIELD}?{_WORK}?|落(?:去)?(?:{_FIELD}|{_WORK})){_P}",
        rf"{_WHO}{_SOON}?{_ADV}{_WORK}去{_P}",
        rf"{_WHO}{_SOON}{_ADV}再?{_WORK}(?:啦|喇|咯|啰|嘞|哦|喔|先|吧)*",
        # not going today: '今日落雨唔去田', '今天下雨不去种了'
        rf"{_WHO}{_SOON}?(?:下雨|落雨|下大雨|好热|太热|太晒|有事|没空)(?:就|都)?(?:不|没)(?:去|出去|落)?{_FIELD}?{_WORK}?{_P}",
        rf"{_WHO}{_SOON}?(?:就|都)?(?:不|没)(?:去|出去){_FIELD}?{_WORK}?{_P}",  # '我不种了' (a pledge dropped?) is not this
        # listening to the advice: '我听你的', '照你讲的做'
        rf"{_WHO}(?:听你的|听你讲|照你(?:讲|说)的(?:做|去做)?|按你(?:讲|说)的(?:做|去做)?){_P}",
        # wonder at how much there is to it: '原来树都有咁多学问'
        r"(?:哇|哗|哇塞)?原来(?:种树|种果树|种|树|这些|这个)?(?:都|也|还|真是|真的)?(?:有|要)(?:这么|那么|好|很|咁)多"
        rf"(?:学问|讲究|知识|门道|道理|东西|名堂){_P}",
        # the talk went fast, or better than others': '你回答得好快呀', '比村委还快', '你回得比村干部还快'
        rf"(?:你|您|你们)?(?:的)?(?:回答|回复|回|答|反应|讲)?(?:得)?(?:比|快过)(?:我们)?(?:村委会|村委|村里|村干部|干部|镇里|镇政府"
        rf"|政府|真人|村长|书记|主任|专家|人)(?:的)?(?:还|都|更|仲)?(?:快|好|清楚|及时|详细){_P}",
        rf"(?:你|您|你们)(?:的)?(?:回答|回复|回|答|反应)(?:得)?{_VERY}(?:快|及时){_P}",
        # a lively day: '今日同成村人一齐去种树好热闹', '全村一起种树 真热闹'
        rf"{_SOON}?(?:和|跟)?(?:成村人|全村人|全村|成村|大家|村民|乡亲|乡亲们|一家人|全家|街坊)(?:一起|一齐)?(?:去)?{_WORK}?",
        rf"{_VERY}(?:热闹|开心|高兴|好玩|有意思){_P}",
        # who set the account up or typed for one, a greeting on following: '我儿子帮我关注的', '我孙女帮我打的字',
        # '先跟你打个招呼', '我刚加这个号', '第一次加你'
        rf"(?:我|是)?(?:的)?{_KIN}(?:帮我|教我|同我|给我)(?:关注|加|装|弄|打|设置|开)(?:的|了)?(?:字|这个号|这个公众号|公众号|你)?{_P}",
        rf"(?:先|来|特意)*(?:和你|跟你|给你|向你)?(?:打个招呼|打声招呼|打招呼|问声好|问个好){_P}",
        r"(?:我)?(?:刚|刚刚|新|今天|第一次|头一次)(?:加|关注|用)(?:了)?(?:这个号|这个公众号|公众号|你们|你)?" + _P,
        # a question announced, not asked yet: '我想问下嘢' (normalised 东西)
        rf"(?:我)?(?:想|要)?(?:问|请教)(?:下|一下|你|您)*(?:一些|些|点|一点)?(?:东西|事|事情){_P}",
        # the bot asked where it is from: '你那边也是广东的吗'
        r"(?:你|您)(?:们)?(?:那边|那里|这边)?(?:也|都)?(?:是)?(?:广东|广州|本地|客家|梅州|潮汕|这边|本省)(?:的|人)?"
        r"(?:吗|呀|啊|来的吗|来的)*",
        # asked after one's meal: '食饱未', '吃饱没有'
        r"(?:吃饱|吃了饭|吃过饭)(?:了)?(?:没有|未|没|吗|冇)(?:呀|啊|吖|呢)*",
        # a tree one was helped with recovered: '我的树好返了', '我棵苗救返了'
        rf"(?:我的|我那|我个|我棵|我家的|我家|那|那棵|这棵)?(?:棵|株)?(?:树|苗|树苗)(?:已经|终于|都)?(?:好回|好番|活回|活番|救活|救回|救番"
        rf"|生回|返青|活过来|翻生|好了|活了){_P}",
        # an acknowledgement with its particle: '知道啦', '明白晒'
        r"(?:知道|明白|收到|晓得|懂|清楚)(?:晒)?(?:了|啦|喇|咯|嘞|哦|喔|噢)+",
        # knowing what to do now: '我知道点做啦', '我识点做喇'
        rf"(?:我)?(?:都)?(?:知道|识|晓得|懂|明白|学会)(?:了)?(?:怎么|怎样)(?:做|弄|搞)(?:了)?{_P}",
        # that is all for now: '就咁先'
        rf"(?:就|那就|咁就)?(?:这么|这样)(?:先|样|吧|了)+{_P}",
        # helped a lot: '真系帮到我'
        rf"{_VERY}(?:帮到我|帮了我|帮到我们|帮了我们)(?:好多|很多|不少|大忙)?{_P}",
        # liking the account or a chat with it: '我好钟意呢个号', '我好想同你倾下偈'
        rf"(?:我)?{_VERY}(?:喜欢|爱)(?:这个|你们|你)(?:号|公众号|助手|机器人)?{_P}",
        rf"(?:我)?{_VERY}(?:想|喜欢)?(?:和|跟)(?:你|您)(?:倾|聊|讲)(?:下|一下)?(?:偈|天|计){_P}",
        # asking the family first: '等我问下我老公先'
        rf"等我(?:问|问下|问一下|和|跟)(?:下)?(?:我)?(?:的)?{_KIN}(?:先)?{_P}",
        # the print too small for old eyes, a wish: '老人家眼睛不好 字大点就好了'
        rf"(?:老人家|我|我们)?(?:的)?(?:眼睛|眼)(?:不好|不太好|花|蒙|差|不行){_P}",
        rf"(?:字|些字)(?:可以)?(?:大|大一|大些)(?:点|一点|些)?(?:就)?(?:好了|好|好啦|更好){_P}",
    )
)


@lru_cache(maxsize=4096)
def _chitchat_at_front(norm: str) -> int:
    """How many characters at the front of ``norm`` are chit-chat words (``nlu.is_chitchat``), the longest; 0 for none."""
    return next((k for k in range(len(norm), 0, -1) if nlu.is_chitchat(norm[:k])), 0)


def _told_at_front(norm: str) -> int:
    return max((len(found.group()) for pattern in _TOLD if (found := pattern.match(norm))), default=0)


@lru_cache(maxsize=4096)
def told_only(norm: str) -> bool:
    """The normalised message is chit-chat words and told small talk, at least one told piece, nothing else
    (module doc)."""
    if not norm or len(norm) > MAX_CHARS:
        return False
    rest, told = norm, False
    while rest:
        by_words, by_telling = _chitchat_at_front(rest), _told_at_front(rest)
        if not by_words and not by_telling:
            return False
        told = told or by_telling > by_words
        rest = rest[max(by_words, by_telling) :]
    return told
