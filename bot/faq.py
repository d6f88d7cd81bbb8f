"""FAQ index and matcher: a villager's question -> a short answer, or escalate.

Knowledge is data in ``messages/``: ``species.toml`` (one table per species, and
``[offlist]``: trees not on the campaign's list), ``faq/*.toml`` (``[[entry]]``
question/answer pairs; campaign answers are templates filled from the
``[campaign]`` config), ``faq/safety.toml`` (dangerous situations and their
safety lines) and ``faq/matching.toml`` (the vocabularies below). Questions are
first normalised (``nlu.normalize``: Cantonese and colloquial forms, 几时 ->
什么时候, 咩 -> 什么, 边度 -> 哪里 …). Trees are found by their names, also
when voice input wrote a homophone (利枝 -> 荔枝: ``nlu.find_sound_alike_species``).

Matching order (first that applies wins). A wrong confident answer is the worst
outcome, so every answer must cover the question:
  1. greeting / thanks                                -> chitchat
  2. questions for a person                           -> escalate
     ``问专家 …``; an accident with a safety line (someone touched by pesticide,
     a tree on the power line); money, land, disputes and theft, felling and
     古树 (``[[escalate.classes]]``, with a note: who decides, what the law
     says); a symptom seen on a tree (not when asked in general, nor wilting
     just after planting; '不结果' only of one's own tree); a planting report
  3. a campaign or bot question, or an easily told technique question, by its
     word classes (``[[intent]]``: 书记 + 多少棵, 树穴 + 之前, 热 + 种 …; never
     for two trees)                                    -> that entry, if sure
  4. an adviser-approved entry (收录) that covers it   -> that entry
  5. two trees (which is better, together, the same?) -> escalate
  6. a tree off the list (芒果)                        -> ``[offlist] entry``
     for whether and when to plant it, else escalate
  7. a campaign species: of its field for the topic asked (time, water, pests
     …: topics are classes of words; the strongest, then the one a question
     word points at), its card (介绍, 要注意什么) and the best technique entry,
     the one that leaves least of the question uncovered; the species' own
     answer only if sure
  8. "what should I plant" with a site or purpose     -> recommendation
  9. entries ranked by idf-weighted overlap (BM25 idf, words + characters),
     confidence >= threshold and covering the question -> answer, else escalate

"If sure" (``doubt``, ``[sure]`` in matching.toml, thresholds calibrated by bench/faq_calibrate.py on answers to
questions the matcher had not seen): the answer explains all but ``intent_unexplained`` / ``species_unexplained``
of the question's content characters (not counting the tree, topic and intent words, the story, neutral words),
and a species field is not asked about a second topic as strongly ('桂花几年开花 要施什么肥'). Else an adviser.

Precedents (``messages/faq/precedents/*.tsv``): questions villagers asked, each labelled with the entry that
answers it (or ``escalate``) by people who had never seen the matcher (the held-out sets of earlier rounds). They are
a second witness for a doubt: when the matcher would escalate only because it is not sure of an answer (``not_sure``,
``not_covered``, ``ambiguous``, ``low_confidence``) and the precedents closest to the question (character n-grams,
tree names masked) were answered by that same entry (a species' field: of any species), with no precedent for an
adviser among them, the answer is given (``[precedents]`` in matching.toml); a land or felling rule asked in general
is seconded the same way. On their own (two agreeing) they answer only when the matcher had no answer in mind, or
only a weak one. Round 24: when the three closest all give one label, each close enough (``agreed``), they decide
whatever the matcher found (``_agreed_by_precedents``): its doubt, its answer, or a rule's class read in a story of at
least ``agreed_story`` characters ('一袋要三十块，真的需要吗' asks about drip bags, not money), also to send an answer's
question to a person. A short question's rule is its point ('砍树要不要办证' stays with a person), and a safety line,
an explicit 问专家, an injury or one's own account is never overruled (``agreed_never``).

Beside the word index, character uni- and bigrams (TF-IDF, cosine; ``CharNgrams``)
rank the entries a second, independent way. When both put the same entry first,
the n-grams clearly, the answer needs no coverage check (a paraphrase in words no
phrasing uses); when they clearly disagree and the word index is not sure, the
question goes to an adviser.

Confidence is coverage times evidence. Coverage (how much of the question,
and of the matched phrasing, the two share) alone gives a short question
full marks on generic words: '这棵树怎么了' covers '怎么认养一棵树' entirely.
So the shared words must also carry evidence: words that are not generic
(not in ``[ranking] generic``, not in a tenth of the entries), or that fill a
topic slot (什么时候, 浇水 …). Below ``[ranking] min_evidence`` the confidence
falls in proportion; a question identical to a stored phrasing needs none.

An answer covers the question when few of the question's content characters
(not grammar, places, times, the species named or the topic word;
``[coverage]``) are missing from the answer and its phrasings: '荔枝能不能做
盆景' is about 荔枝, but its card says nothing of 盆景, so an adviser answers.
A story told before the question ('我家门口朝北 下午才有点太阳 种桂花中不中') need not be
covered: clauses that ask nothing are skipped when the asking ones name the tree or a
topic (``_story_spans``).
"""

from __future__ import annotations

import copy as _copy
import hashlib
import json
import logging
import marshal
import math
import re
import sys
import tomllib
import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from bot import faq_cache, go_between, gram_table, hakka, nlu, said_only
from bot.faq_compare import Care, Comparer, House
from bot.faq_model import ModelSettings, QuestionModel, question_model
from bot.gram_table import GramTable, gram_key
from bot.kept import Kept
from bot.packed_texts import PackedTexts
from bot.schedule import month_day_words
from bot.sound_alike import SoundAlikeWords

# jieba imports pkg_resources only to open its own data files, and opens them by path without it (the tokenizer
# here reads the domain dictionary by path anyway): pkg_resources is ~0.1 s and ~11 MB of a process's start-up
_NO_PKG_RESOURCES = "pkg_resources" not in sys.modules
if _NO_PKG_RESOURCES:
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # import pkg_resources -> ImportError
try:
    import jieba
finally:
    if _NO_PKG_RESOURCES:
        del sys.modules["pkg_resources"]

jieba.setLogLevel(logging.WARNING)

STOP_WORDS = frozenset(
    "的 了 吗 呢 吧 啊 呀 哦 嘛 么 我 我们 我家 你 您 你们 请问 一下 想 问 问下 是 这 那 个 就 都 也 还 "
    "和 与 跟 给 把 被 在 老师 师傅 你好 您好 谢谢 请 帮 帮忙 知道 告诉 有 要 能 会 得 地 着 过 一 下 "
    "比较 最好 好 一点 点 些 哪 吧 哈 呗 啦 嗯 棵 株 颗 "
    "这个 那个 这样 那样 这么 那么 这些 那些".split()
)
# Scales raw overlap so that faq.confidence_threshold = 0.55 separates the
# evaluation set's answerable questions from off-topic ones (bench/faq_eval.py).
CALIBRATION = 1.15
_MASK = "□"  # where a tree's name was (``_mask``): precedents and the model read questions with their trees masked
STOP_CHARS = frozenset("的了吗呢吧啊呀哦嘛么我你您是这那个就都也还和与跟给把被在有要能会得地着过一下好些哪什怎")
# Where a topic word misheard in a grammar character only (定跟水: 跟 is a grammar word) is read as the word even when it
# does not open the question (SoundAlikeWords._framed): the words of its matter, on the normalised text (淋 is 浇 there).
FRAMED_CONTEXT = {"定根水": r"浇|灌|打定"}


@dataclass(frozen=True)
class FaqResult:
    """``kind`` is 'answer', 'escalate' or 'chitchat'; ``entry_id`` is None
    when escalating; ``reason`` says which rule decided."""

    kind: str
    entry_id: str | None
    answer_text: str
    score: float
    reason: str
    safety: str = ""  # safety lines for a dangerous situation; an answer's text starts with them
    candidate: FaqResult | None = None  # escalated: the answer a doubt or a rule's class stopped (``_by_precedents``)
    also: str | None = None  # a second label the answer holds too: two fields of one species (``_two_fields``)
    # the answer the model reads instead, another entry's: the reply asks which was meant (round 43, ``_asked_back``)
    other: FaqResult | None = None
    note_entry: str | None = None  # escalated: the entry whose answer goes under the ticket's number (round 49)
    # round 117: two trees compared, answered side by side: every label the reply answers (bot/faq_compare.py)
    compared: tuple[str, ...] = ()
    # the off-topic reply (round 104, ``_off_topic_unread``): the doubt's ticket it stands in for, which the chat keeps
    # for staff and for a flow in progress (bot/escalation.py ``faq_result``)
    doubted: FaqResult | None = None


class Vocab:
    """A word list from the knowledge files, normalised like the questions. A word may be a pattern
    ``'a*b'``: a, then at most six characters, then b ('几年*吃' finds '几年才有荔枝吃'), or a regular
    expression over the normalised text after ``re:`` (a class of words: ``'re:[春夏秋冬][天季].{0,4}种'``)."""

    def __init__(self, words: Iterable[str] = ()):
        plain, patterns = set(), []
        for word in words:
            if word.startswith("re:"):
                patterns.append(f"(?:{word[3:]})")
                continue
            parts = [nlu.normalize(p) for p in word.split("*")]
            if len(parts) == 1:
                plain.add(parts[0])
            else:
                patterns.append(".{0,6}?".join(map(re.escape, parts)))
        alternatives = patterns + [re.escape(w) for w in sorted(plain, key=len, reverse=True) if w]
        self.words = frozenset(plain)  # the plain words (not patterns)
        self._re = re.compile("|".join(alternatives)) if alternatives else None

    def search(self, text: str) -> bool:
        return bool(self._re and self._re.search(text))

    def spans(self, text: str) -> list[tuple[int, int]]:
        return [m.span() for m in self._re.finditer(text)] if self._re else []

    def blanked(self, text: str) -> str:
        """The text with every match replaced by a mark no word contains."""
        return self._re.sub(lambda m: "|" * len(m.group()), text) if self._re else text


@dataclass(frozen=True)
class Sure:
    """When an answer is sure enough to give (``[sure]`` in matching.toml; chosen by bench/faq_calibrate.py on
    answers to questions the matcher had not seen). The defaults check nothing."""

    intent_unexplained: int = 99  # an intent's entry: at most this many content characters it does not explain
    species_unexplained: int = 99  # a species' field or card: the same
    second_topic_rank: int = 0  # another topic's word this strong (or, for a weak topic, nearly as strong); 0: off
    # a question this long (normalised characters) may tell a story before it asks: clauses that ask none of an
    # intent's words are not counted against it; in a shorter one every clause counts (0: never)
    story_chars: int = 0
    # round 88: an answer found for one of these reasons (the precedents, the model) is given only when the model leads
    # for it by at least ``support_lead`` (``FaqIndex._support``: minus its lead when it reads another answer)
    support_reasons: frozenset[str] = frozenset()
    support_lead: float = 0.0
    support_never: tuple[str, ...] = ()  # entries (by the start of their id) never stopped so: the bot's own use
    # round 103: an answer is a ticket when at least ``tickets_nearby`` of the ``[precedents] nearest`` precedents are
    # tickets, none gives this answer, and the closest is at least ``tickets_cosine`` alike (``_tickets_nearby``; 0: off)
    tickets_nearby: int = 0
    tickets_cosine: float = 0.0
    # round 112: an answer found for one of ``covered_reasons`` (the ranking of the entries' words, an off-list tree's
    # rule) is a ticket when the model reads another label by at least ``covered_lead``, unless the other label is a
    # tree's field whose topic the answer's entry asks about (``FaqIndex._read_otherwise``)
    covered_reasons: frozenset[str] = frozenset()
    covered_lead: float = math.inf


@dataclass(frozen=True)
class SafetyRule:
    """A dangerous situation (``messages/faq/safety.toml``): ``when`` lists groups of words, a group
    fires when all its words occur in the normalised question; then the reply opens with ``line``.
    An accident that has happened (``escalate``, or a group of ``escalate_when``; not with an
    ``unless`` word, as in '台风前怎么防树倒') also goes to a person; words a ``feared`` frame holds
    ('怕中毒', '会不会被砍', '才不会烫到手': a danger feared or prevented, round 21) tell of none. ``not_when``
    says the danger is not here at all (round 38: a past one, '以前摔伤过腰'; a simile, '像被火烧过'; a pole as a
    notice board, '电线杆上贴的通知'): then no line, no ticket."""

    name: str
    when: tuple[tuple[Vocab, ...], ...]
    line: str
    escalate: bool = False
    escalate_when: tuple[tuple[Vocab, ...], ...] = ()
    unless: Vocab = Vocab()
    feared: Vocab = Vocab()
    not_when: Vocab = Vocab()
    entry: str = ""  # the entry that answers this danger (round 38): given after the line when no person is needed
    # the entry whose first aid goes under the ticket's number when it has happened (round 46: a lime burn, a fall)
    first_aid: str = ""
    # round 49: another entry when the question says its words (``first_aid_by``: a wasp sting's, not a snake bite's)
    first_aid_by: tuple[tuple[Vocab, str], ...] = ()
    # round 49: a person's body hurt or at risk now ('劈了几棵漆树 双手又红又痒'): the rule's entry, not a class's person
    # (felling, a dispute) nor a planting record
    person: bool = False
    # round 58: entries that answer how to keep from this danger ('喷农药要戴手套吗': tech.pesticide_safety): a reply from
    # one of them opens with a safety line though no danger is here (``FaqIndex._kept_from``; issue 17 §3)
    answers: frozenset[str] = frozenset()
    # round 61: asked only whether one may do it oneself ('台风吹倒的树压住路 我可以自己锯开吗', safety.toml's ``self_asked``,
    # nobody hurt): the line answers (do not saw alone, call for help), this entry after it, no ticket
    self_entry: str = ""
    self_asked: Vocab = Vocab()
    # round 79: another line when the question says its words (``line_by``: a wasp's nest or sting, not a snake bite's)
    line_by: tuple[tuple[Vocab, str], ...] = ()
    # round 94: a danger that is a body hurt is not there when only feared ('修枝会不会砸伤路过的人', '怕爬树摔伤'): its
    # line is first aid, so it fires on the question with the feared frames blanked, as ``escalates`` reads it
    feared_is_none: bool = False
    # round 116 (issue 17 §1): first aid entries the villager does at once ('喷药溅到眼', '被黄蜂叮了'): when the danger
    # that happened is this rule's alone and its first aid is one of these, that entry answers (line first), no ticket
    aid_answered: frozenset[str] = frozenset()
    # round 116: words that keep the ticket though the first aid is answered (who pays, who is liable: the village's)
    aid_unless: Vocab = Vocab()
    # round faq131 (issue 17 §1; set CU): answers this rule's ``entry`` does not replace after its line ('天热种树要注意什么'
    # asks how the trees fare: tech.heat_planting after the heat line, not the heatstroke's care; ``keeps`` in safety.toml)
    # unless the question says a ``keeps_unless`` word (people going out, an old person, the body: the rule's entry)
    keeps: frozenset[str] = frozenset()
    keeps_unless: Vocab = Vocab()

    def aid_answers(self, norm: str, aid: str) -> bool:
        """Round 116: this rule's first aid ``aid`` answers the question, no ticket (``aid_answered``, no ``aid_unless``)."""
        return aid == self.aid(norm) and aid in self.aid_answered and not self.aid_unless.search(norm)

    def line_for(self, norm: str) -> str:
        """The line opening the reply: the first ``line_by`` whose words the question says, else ``line``."""
        return next((line for words, line in self.line_by if words.search(norm)), self.line)

    def aid(self, norm: str) -> str:
        """The first aid entry for this question: the first ``first_aid_by`` whose words it says, else ``first_aid``."""
        return next((entry for words, entry in self.first_aid_by if words.search(norm)), self.first_aid)

    def fires(self, norm: str) -> bool:
        if self.feared_is_none and not _any_group(self.when, self.feared.blanked(norm)):
            return False  # the words' own exceptions still read the whole ('上次有个阿伯晕咗 点样预防' is prevention)
        return _any_group(self.when, norm) and not self.not_when.search(norm)

    def escalates(self, norm: str) -> bool:
        happened = self.feared.blanked(norm)
        if not self.fires(happened) or self.unless.search(norm):
            return False
        return self.escalate or _any_group(self.escalate_when, happened)


def _first_aid(norm: str, happened: Sequence[SafetyRule]) -> str:
    """The first aid under the ticket's number for the dangers that happened: a person's body first (round 49: '有人锯树
    被树枝砸到头 流血不止' is an injury's first aid, not the fallen tree's), else the first rule's that has one."""
    ranked = sorted(happened, key=lambda rule: not rule.person)  # stable: the file's order within each
    return next((rule.aid(norm) for rule in ranked if rule.aid(norm)), "")


def _any_group(groups: tuple[tuple[Vocab, ...], ...], norm: str) -> bool:
    return any(all(words.search(norm) for words in group) for group in groups)


def _groups(words: list[str]) -> tuple[tuple[Vocab, ...], ...]:
    """'台风 倒' is a group of two words that must both occur; groups of one word are merged into one
    word list (one regex) in front."""
    singles = [w for w in words if len(w.split()) == 1]
    groups = tuple(tuple(Vocab([w]) for w in group.split()) for group in words if len(group.split()) > 1)
    return ((Vocab(singles),), *groups) if singles else groups


@dataclass
class Entry:
    id: str
    title: str
    questions: list[str]
    answer: str
    source: str  # technique, campaign, added
    species: str | None = None  # an entry about one species (adviser-added, or 柿子脱涩): ranked only for it
    ranked: bool = True  # False: answered only through an intent ('谁来管' is told by 谁, a stop word)
    any_tree: bool = False  # round 64: holds for any tree, an off-list one too ('黄皮挂果太多': thinning)


@dataclass
class _Doc:
    entry: int
    terms: dict[str, int]
    broad: bool = False


@dataclass
class TermIndex:
    """An inverted index over short documents with BM25's idf, growable one
    document at a time. Documents are ranked by idf-weighted overlap
    (``confidence``): for one- or two-line questions this ranks better than
    BM25's length-saturated sums and, unlike them, is a 0..1 confidence."""

    docs: list[_Doc] = field(default_factory=list)
    postings: dict[str, dict[int, int]] = field(default_factory=dict)
    _weights: dict[str, float] = field(default_factory=dict)  # cleared by add()
    _doc_totals: dict[int, float] = field(default_factory=dict)

    def add(self, entry: int, tokens: list[str], broad: bool = False) -> None:
        terms: dict[str, int] = {}
        for tok in tokens:
            terms[tok] = terms.get(tok, 0) + 1
        doc_id = len(self.docs)
        self.docs.append(_Doc(entry, terms, broad))
        for tok, tf in terms.items():
            self.postings.setdefault(tok, {})[doc_id] = tf
        self._weights.clear()
        self._doc_totals.clear()

    def drop_entries_from(self, entry: int) -> None:
        """Remove the documents of entries ``entry`` and later (the last ones added)."""
        while self.docs and self.docs[-1].entry >= entry:
            doc_id = len(self.docs) - 1
            for tok in self.docs.pop().terms:
                del self.postings[tok][doc_id]
                if not self.postings[tok]:
                    del self.postings[tok]
        self._weights.clear()
        self._doc_totals.clear()

    def idf(self, term: str) -> float:
        n, df = len(self.docs), len(self.postings.get(term, ()))
        if df == 0:
            return self.max_idf()
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def max_idf(self) -> float:
        n = max(1, len(self.docs))
        return math.log(1 + (n - 0.5) / 1.5)

    def confidences(self, terms: set[str]) -> dict[int, float]:
        """0..1 for every document sharing a term with the question: how much
        of the question (75%) and of the document (25%), weighted by idf, the
        two share, or half and half when that is more (a whole phrasing said
        inside a longer question: '村委拉了一车苗回来今天种不完怎么办'); a broad
        document by the question's share alone. Summed over the postings of the
        question's terms only."""
        shared: dict[int, float] = {}
        for term in terms:
            docs = self.postings.get(term)
            if docs:
                w = self.weight(term)
                for doc_id in docs:
                    shared[doc_id] = shared.get(doc_id, 0.0) + w
        q_total = sum(self.weight(t) for t in terms) or 1.0
        out = {}
        for doc_id, both in shared.items():
            if self.docs[doc_id].broad:
                out[doc_id] = both / q_total
            else:
                q, d = both / q_total, both / self._doc_total(doc_id)
                out[doc_id] = max(0.75 * q + 0.25 * d, 0.5 * q + 0.5 * d)
        return out

    def _doc_total(self, doc_id: int) -> float:
        if doc_id not in self._doc_totals:
            self._doc_totals[doc_id] = sum(self.weight(t) for t in self.docs[doc_id].terms) or 1.0
        return self._doc_totals[doc_id]

    def weight(self, term: str) -> float:
        """idf; characters count half, unseen words a little less than rare ones."""
        if term not in self._weights:
            base = self.idf(term) if term in self.postings else 0.6 * self.max_idf()
            self._weights[term] = base * (0.5 if term.startswith("#") else 1.0)
        return self._weights[term]


def _top_first(ids: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """The ``n`` of ``ids`` (ascending) with the largest ``values``, largest first, ties in ``ids``' order: what
    ``ids[np.argsort(-values, kind="stable")[:n]]`` gives (tests/unit/test_faq_closest.py compares them), without
    sorting them all. A question shares a gram with thousands of the ~11,000 precedents and wants the few closest: a
    partition keeps every value as large as the ``n``-th largest (its ties too, so they keep their order), and only
    those are sorted (issue 21, thirteenth round: ~1 ms a question less)."""
    if 0 < n < len(values):
        keep = values >= -np.partition(-values, n - 1)[n - 1]  # as large as the n-th largest
        ids, values = ids[keep], values[keep]
    return ids[np.argsort(-values, kind="stable")[:n]]


class _Postings:
    """A built n-gram index, held compactly (issue 17, the memory round): the n-grams as sorted numbers
    (bot/gram_table.py), each one's idf, and all postings in flat arrays, an n-gram's documents and counts (how often
    it is in each) at ``starts[row]:starts[row + 1]``. A posting's weight is not held but computed when it is read,
    from its count, its n-gram's idf and its document's length (``norms``), by the same operations ``_tf_idf`` does
    them in, so to the same bits: a byte a posting, not a float of eight (memory round 101: the precedents' 1.5
    million postings ~11.7 -> ~1.5 MB). The precedents' ~70,000 n-grams and their postings: ~9 MB, where a dict of
    str to two small arrays each, and a dict of their idf, took ~55 MB a process."""

    def __init__(
        self,
        grams: GramTable,
        idf: np.ndarray,
        starts: np.ndarray,
        docs: np.ndarray,
        counts: np.ndarray,
        norms: np.ndarray,
    ):
        self.grams, self.idf, self.starts, self.docs, self.counts, self.norms = grams, idf, starts, docs, counts, norms
        self._tf = _tf_table(int(counts.max()) if len(counts) else 0)

    @classmethod
    def of(cls, postings: Mapping[str, tuple[array, array]], idf: Mapping[str, float], norms: array) -> _Postings:
        """From ``{n-gram: (documents, counts)}``, each n-gram's idf and each document's length."""
        keyed = sorted((gram_key(gram), gram) for gram in postings)
        docs, counts = array("i"), array("i")
        for _, gram in keyed:
            docs.extend(postings[gram][0])
            counts.extend(postings[gram][1])
        starts = np.zeros(len(keyed) + 1, dtype=np.int64)
        np.cumsum([len(postings[gram][0]) for _, gram in keyed], out=starts[1:])
        counted = np.frombuffer(counts, dtype=np.intc)
        return cls(
            GramTable(np.array([key for key, _ in keyed], dtype=np.int64)),
            np.array([idf[gram] for _, gram in keyed], dtype=np.float64),
            starts,
            np.frombuffer(docs, dtype=np.intc).astype(np.int32),
            counted.astype(np.min_scalar_type(int(counted.max()) if len(counted) else 0)),
            np.frombuffer(norms, dtype=np.float64).copy(),
        )

    def state(self) -> tuple[bytes | str, ...]:
        arrays = (self.grams.keys, self.idf, self.starts, self.docs, self.counts, self.norms)
        return (self.counts.dtype.str, *(a.tobytes() for a in arrays))

    @classmethod
    def from_state(cls, state: Sequence[Any]) -> _Postings:
        keys, idf, starts, docs, counts, norms = (
            np.frombuffer(data, dtype=dtype)
            for data, dtype in zip(
                state[1:], (np.int64, np.float64, np.int64, np.int32, np.dtype(state[0]), np.float64), strict=True
            )
        )
        return cls(GramTable(keys), idf, starts, docs, counts, norms)

    def rows(self, grams: Iterable[str]) -> np.ndarray:
        """Each n-gram's row, -1 for one in no document."""
        return self.grams.find(np.fromiter((gram_key(gram) for gram in grams), dtype=np.int64))

    def posting(self, row: int) -> tuple[np.ndarray, np.ndarray]:
        """The n-gram's documents and its weight in each: ``_tf_idf``'s (1 + log count) * idf / length, numpy's
        float64 product and quotient being Python's, to the bit (tests/unit/test_faq_memory.py). ~0.3 ms more CPU
        for a question's ~50,000 postings than reading the weights held (``closest`` 0.56 -> 0.90 ms)."""
        start, end = int(self.starts[row]), int(self.starts[row + 1])
        docs = self.docs[start:end]
        # each count's (1 + log count) * idf first (a few products), then one per posting: the same products
        return docs, (self._tf * self.idf[row])[self.counts[start:end]] / self.norms[docs]


def _tf_table(most: int) -> np.ndarray:
    """``1 + log(count)`` of each count to ``most``, by ``math.log`` as ``_tf_idf`` takes it (0: unused)."""
    return np.array([0.0, *(1.0 + math.log(count) for count in range(1, most + 1))], dtype=np.float64)


def _tf_idf(counts: Iterable[int], idf: Iterable[float]) -> list[float]:
    """A text's vector, scaled to length one: 1 + log of each n-gram's count, times its idf (Python's floats: the
    same bits however the index is held)."""
    vec = _unscaled(counts, idf)
    norm = _length(vec)
    return [v / norm for v in vec]


def _unscaled(counts: Iterable[int], idf: Iterable[float]) -> list[float]:
    return [(1.0 + math.log(c)) * weight for c, weight in zip(counts, idf, strict=True)]


def _length(vec: Sequence[float]) -> float:
    """What ``_tf_idf`` divides by: the vector's length (1 for none)."""
    return math.sqrt(sum(v * v for v in vec)) or 1.0


class CharNgrams:
    """TF-IDF vectors of character uni- and bigrams over short texts, compared by cosine: a second
    opinion beside the word index that sees paraphrases sharing pieces of words ('挖几大' and '挖多大的
    树穴' share 挖, 多大; a misheard or unsegmented word still shares its characters). Tree names are
    masked, so '荔枝苗放几天再种' is close to '苗放几天再种'. Growable; idf is recomputed lazily."""

    def __init__(self, skip_chars: frozenset[str] = frozenset()):
        self._skip = skip_chars
        self._entry_array: tuple[int, np.ndarray | None] | None = None  # (texts, ``_entries``)
        self._doc_entries = array("i")  # each text's entry
        self._doc_counts: list[dict[str, int]] = []  # each text's gram counts (none kept by ``from_state``)
        self._index: _Postings | None = None
        self._unseen = 1.0  # the idf of an n-gram in no text
        self._frozen = False  # from_state: the counts are not kept

    def grams(self, text: str) -> dict[str, int]:
        counts: dict[str, int] = {}
        for i, char in enumerate(text):
            if char != _MASK and char not in self._skip:
                counts[char] = counts.get(char, 0) + 1
            pair = text[i : i + 2]
            if len(pair) == 2 and _MASK not in pair:
                counts[pair] = counts.get(pair, 0) + 1
        return counts

    def add(self, entry: int, text: str) -> None:
        if self._frozen:
            raise ValueError("an index restored from its state is only read")
        # the grams interned: thousands of short texts share a few thousand grams
        self._doc_entries.append(entry)
        self._doc_counts.append({sys.intern(gram): n for gram, n in self.grams(text).items()})
        self._index = None

    def state(self) -> tuple:
        """The built index as plain values (``marshal``-able): each text's entry, the idf of an unseen n-gram, the
        postings' arrays."""
        index = self._built()
        return (self._doc_entries.tobytes(), self._unseen, *index.state())

    @classmethod
    def from_state(cls, state: tuple, skip_chars: frozenset[str] = frozenset()) -> CharNgrams:
        """An index as ``state`` left it: only read (its texts' grams are not kept, so nothing can be added)."""
        ngrams = cls(skip_chars)
        ngrams._doc_entries = array("i", state[0])
        ngrams._unseen = state[1]
        ngrams._index = _Postings.from_state(state[2:])
        ngrams._frozen = True
        return ngrams

    def drop_entries_from(self, entry: int) -> None:
        """Remove the texts of entries ``entry`` and later (the last ones added)."""
        while self._doc_entries and self._doc_entries[-1] >= entry:
            self._doc_entries.pop()
            self._doc_counts.pop()
        self._index = None

    def _built(self) -> _Postings:
        if self._index is None:
            self._index = self._build()
        return self._index

    def _build(self) -> _Postings:
        df: dict[str, int] = {}
        for counts in self._doc_counts:
            for gram in counts:
                df[gram] = df.get(gram, 0) + 1
        n = len(self._doc_counts)
        idf = {gram: math.log((n + 1) / (k + 1)) + 1.0 for gram, k in df.items()}
        self._unseen = math.log(n + 1) + 1.0
        # postings as two flat arrays per gram (documents, counts), then all of them in a few (``_Postings``); each
        # document's length, which its weights are divided by (``_tf_idf``)
        postings: dict[str, tuple[array, array]] = {}
        norms = array("d")
        for doc, counts in enumerate(self._doc_counts):
            norms.append(_length(_unscaled(counts.values(), [idf[gram] for gram in counts])))
            for gram, count in counts.items():
                docs, counted = postings.setdefault(gram, (array("i"), array("i")))
                docs.append(doc)
                counted.append(count)
        return _Postings.of(postings, idf, norms)

    def _query(self, text: str) -> list[tuple[int, float]]:
        """(row of its postings, weight) of each n-gram of ``text`` in some text of the index, in the order they
        occur in ``text`` (n-grams in none count in the vector's length only)."""
        index = self._built()
        counts = self.grams(text)
        rows = index.rows(counts)
        idf = (
            np.where(rows >= 0, index.idf[rows], self._unseen).tolist()
            if len(index.idf)
            else [self._unseen] * len(rows)
        )
        return [
            (row, weight) for row, weight in zip(rows.tolist(), _tf_idf(counts.values(), idf), strict=True) if row >= 0
        ]

    def closest(self, text: str, n: int) -> list[tuple[int, float]]:
        """The ``n`` entries closest to ``text`` with the cosine of their closest text, closest first (a tie: the
        earlier entry), as ``similarities`` would rank them; the postings summed by numpy (among ~11,000
        precedents 0.3 ms where a loop in Python took ~14 ms: round 24 asks the precedents of every question)."""
        index = self._built()
        dots = np.zeros(len(self._doc_entries))
        for row, weight in self._query(text):
            docs, weights = index.posting(row)
            dots[docs] += weight * weights
        entries = self._entries()
        if entries is None:
            best = dots  # a text an entry (the precedents)
        else:
            best = np.zeros(int(entries.max()) + 1 if len(entries) else 0)
            np.maximum.at(best, entries, dots)
        shared = np.flatnonzero(best > 0)
        return [(int(entry), float(best[entry])) for entry in _top_first(shared, best[shared], n)]

    def _entries(self) -> np.ndarray | None:
        """Each text's entry, or None when the texts are the entries (kept until texts are added or dropped)."""
        if self._entry_array is None or self._entry_array[0] != len(self._doc_entries):
            entries = np.frombuffer(self._doc_entries, dtype=np.intc).astype(np.intp)  # a copy: the array may grow
            identity = bool((entries == np.arange(len(entries))).all())
            self._entry_array = (len(self._doc_entries), None if identity else entries)
        return self._entry_array[1]

    def similarities(self, text: str) -> dict[int, float]:
        """{entry: cosine of its closest text} for every entry sharing a gram with ``text``."""
        index = self._built()
        dots: dict[int, float] = {}
        for row, weight in self._query(text):
            docs, weights = index.posting(row)
            for doc, doc_weight in zip(docs.tolist(), weights.tolist(), strict=True):
                dots[doc] = dots.get(doc, 0.0) + weight * doc_weight
        best: dict[int, float] = {}
        for doc, dot in dots.items():
            entry = self._doc_entries[doc]
            if dot > best.get(entry, 0.0):
                best[entry] = dot
        return best


@dataclass(frozen=True)
class Precedents:
    """Labelled villagers' questions (``FaqIndex._by_precedents``): their texts normalised with tree names
    masked, their labels with a species field for every species (``species.*.time``), and the n-grams over the
    texts. Built once, then only read: indexes may share it."""

    ngrams: CharNgrams
    labels: tuple[str, ...]
    texts: Sequence[str]  # a PackedTexts: one str, not one a question (memory round 101)
    model: QuestionModel | None = None  # trained on them (bot/faq_model.py); None for a few

    @classmethod
    def build(
        cls,
        cases: Iterable[tuple[str, str]],
        mask: Callable[[str], str],
        masked: Sequence[str] | None = None,
        settings: ModelSettings | None = None,
        phrasings: Sequence[tuple[str, str]] = (),
    ) -> Precedents:
        """``masked``: the questions already normalised and masked, in order (``masked_precedents``' cache); then
        the n-grams over them come from their cache too (``precedent_ngrams``). A question asked again in the same
        words with the same label is one witness, not two ('去哪里领树苗' is in two sets: round 19). ``settings``:
        how to train the model (none without); ``phrasings``: the entries' own (text, entry id), masked and taught
        to the model too, not witnesses."""
        cases = list(cases)
        all_texts = [mask(nlu.normalize(question)) for question, _ in cases] if masked is None else masked
        kept = dict.fromkeys(zip(all_texts, (_any_species(label) for _, label in cases), strict=True))
        # a label's str once, not once a question (~56,000 questions, a few hundred labels)
        texts, labels = PackedTexts(text for text, _ in kept), tuple(sys.intern(label) for _, label in kept)
        ngrams = precedent_ngrams(texts) if masked is not None else _ngrams_of(texts)
        model = None
        if settings and len(texts) >= settings.min_questions:  # a test's few precedents: no model
            phrasings = [(text, _any_species(label)) for text, label in phrasings]
            model = question_model(texts, labels, settings, phrasings, lambda text: mask(nlu.normalize(text)))
        return cls(ngrams, labels, texts, model)

    def nearest(self, text: str, n: int) -> list[tuple[int, float]]:
        """The ``n`` precedents closest to ``text`` (masked like them): (precedent, cosine), closest first."""
        return self.ngrams.closest(text, n)


_SHARED_PRECEDENTS: dict[Path, Precedents] = {}  # FaqIndex.load: per precedents folder
# FaqIndex.load: the index as built, by _built_key (a few at once: tests vary the settings); callers get copies
_BUILT = Kept(4)


def _built_key(root: Path, campaign_config: Mapping, threshold: float) -> tuple:
    """What an index is built from: the knowledge files (each file's size and time) and the settings."""
    files = tuple(
        (str(path), stat.st_size, stat.st_mtime_ns)
        for path in sorted(root.resolve().rglob("*"))
        if path.suffix in (".toml", ".txt") and (stat := path.stat())
    )
    return files, json.dumps(_plain(campaign_config), sort_keys=True, default=str), threshold


def _plain(value: Any) -> Any:
    """Config values as plain dicts and lists (the config's tables are read-only mappings)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


# --- loading -------------------------------------------------------------------------


def _read_toml(path: Path) -> dict:
    with open(path, "rb") as fh:
        return tomllib.load(fh)


def load_species_table(messages_dir: str | Path) -> dict[str, dict]:
    """``{canonical name: fields}`` from ``messages/species.toml``."""
    rows = _read_toml(Path(messages_dir) / "species.toml")["species"]
    return {row["name"]: row for row in rows}


_PLACEHOLDER_RE = re.compile(r"\{([^{}|\s]+)(?:\|(\w+))?\}")


def _lookup(config: Mapping, path: str) -> Any:
    value: Any = config
    for part in path.split("."):
        if isinstance(value, Mapping):
            value = value[part]
        elif isinstance(value, (list, tuple)) and part.isdigit():
            value = value[int(part)]
        else:
            raise KeyError(path)
    return value


def _format_value(value: Any, how: str | None) -> str:
    if how == "date":
        return month_day_words(str(value))
    if how == "range":
        return f"{month_day_words(value[0])}至{month_day_words(value[1])}"
    if how == "list":
        return "、".join(map(str, value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def fill_template(text: str, config: Mapping) -> str:
    """Replace ``{quotas.党员}``, ``{milestones.holes_due|date}``,
    ``{window|range}``, ``{species.greening|list}`` from the campaign config.
    A missing key raises KeyError, so a bad entry fails at start-up."""
    return _PLACEHOLDER_RE.sub(lambda m: _format_value(_lookup(config, m.group(1)), m.group(2)), text)


_VAR_RE = re.compile(r"\$\{(\w+)\}")


def expand_vars(value: Any, variables: Mapping[str, str]) -> Any:
    """Round 84: a regex part several rules share is written once in the file's ``[vars]`` table and named ``${name}`` in
    the rules (safety.toml: ate_plant's people and animals, seven regexes); every string, in lists and tables too, gets its
    value at load. A name not in ``[vars]`` raises KeyError, so a misspelt one fails at start-up, not silently."""
    if isinstance(value, str):
        return _VAR_RE.sub(lambda m: variables[m.group(1)], value)
    if isinstance(value, list):
        return [expand_vars(item, variables) for item in value]
    if isinstance(value, dict):
        return {key: expand_vars(item, variables) for key, item in value.items()}
    return value


def load_shared_vars(faq_dir: Path) -> dict[str, str]:
    """safety.toml's ``[vars]``, the one place a shared regex part is written: its rules name them, and so do
    matching.toml's tables (faq132's ``${spray_wind}``: pesticide_exposure's line_by and ``[safety_answers] asked``)."""
    path = faq_dir / "safety.toml"
    return dict(_read_toml(path).get("vars", {})) if path.exists() else {}


def load_matching(faq_dir: Path) -> dict:
    """matching.toml, each ``${name}`` given its value from safety.toml's ``[vars]`` (``load_shared_vars``) or from
    matching.toml's own ``[vars]`` (a regex two of its classes read: faq132's tree put under another's name)."""
    raw = _read_toml(faq_dir / "matching.toml")
    names = {**load_shared_vars(faq_dir), **raw.get("vars", {})}
    return expand_vars({key: value for key, value in raw.items() if key != "vars"}, names)


def load_safety_rules(faq_dir: Path) -> list[SafetyRule]:
    path = faq_dir / "safety.toml"
    raw = _read_toml(path) if path.exists() else {}
    data = expand_vars({key: value for key, value in raw.items() if key != "vars"}, load_shared_vars(faq_dir))
    feared = Vocab(data.get("feared", []))
    self_asked = Vocab(data.get("self_asked", []))
    return [
        SafetyRule(
            row["name"],
            _groups(row["when"]),
            row["line"].strip(),
            bool(row.get("escalate")),
            _groups(row.get("escalate_when", [])),
            Vocab(row.get("unless", [])),
            feared,
            Vocab(row.get("not_when", [])),
            row.get("entry", ""),
            row.get("first_aid", ""),
            tuple((Vocab(by["when"]), by["entry"]) for by in row.get("first_aid_by", [])),
            bool(row.get("person")),
            frozenset(row.get("answers", [])),
            row.get("self_entry", ""),
            self_asked,
            tuple((Vocab(by["when"]), by["line"].strip()) for by in row.get("line_by", [])),
            bool(row.get("feared_is_none")),
            frozenset(row.get("aid_answered", [])),
            Vocab(row.get("aid_unless", [])),
            frozenset(row.get("keeps", [])),
            Vocab(row.get("keeps_unless", [])),
        )
        for row in data.get("safety", [])
    ]


def load_offlist(messages_dir: str | Path) -> list[str]:
    """Trees villagers plant that are not on the campaign's list (``[offlist]`` in species.toml)."""
    return list(_read_toml(Path(messages_dir) / "species.toml").get("offlist", {}).get("names", []))


def load_offlist_shortened(messages_dir: str | Path) -> list[str]:
    """Round 64: the off-list names villagers use for a listed tree shortened (``[offlist] shortened``: 榄仁 after 小叶榄仁);
    every other off-list name is a tree of its own, even when it ends a listed tree's name (杜鹃 is no 簕杜鹃)."""
    return list(_read_toml(Path(messages_dir) / "species.toml").get("offlist", {}).get("shortened", []))


def _comparer(spec: Mapping) -> Comparer:
    """``[compare]`` of matching.toml (round 117) as its reader (bot/faq_compare.py); an empty table compares nothing."""
    return Comparer(
        frame=Vocab(spec.get("frame", [])),
        together=Vocab(spec.get("together", [])),
        person=Vocab(spec.get("person", {}).get("words", [])),
        symptom=Vocab(spec.get("person", {}).get("symptom", [])),
        judged={topic: Vocab(words) for topic, words in spec.get("judged", {}).items()},
        judged_first={topic: Vocab(words) for topic, words in spec.get("judged_first", {}).items()},
        together_fields=tuple(spec.get("together_fields", [])),
        together_label=spec.get("together_label", ""),
        own_sites=frozenset(spec.get("own_sites", [])),
        public_sites=frozenset(spec.get("public_sites", [])),
        recommend_for={
            topic: {purpose: Vocab(words) for purpose, words in lists.items()}
            for topic, lists in spec.get("recommend_for", {}).items()
        },
        fields={topic: tuple(f) for topic, f in spec.get("fields", {}).items()},
        own=Vocab(spec.get("person", {}).get("own", [])),
        house=House(
            label=spec.get("house", {}).get("label", ""),
            fields=tuple(spec.get("house", {}).get("fields", [])),
            clause_words=tuple(spec.get("house", {}).get("clause_words", [])),
            situation=Vocab(spec.get("house", {}).get("situation", [])),
        ),
        care=Care(
            label=spec.get("care", {}).get("label", ""),
            fields=tuple(spec.get("care", {}).get("fields", [])),
            marks=tuple(spec.get("care", {}).get("marks", [])),
            planting=tuple(spec.get("care", {}).get("planting", [])),
        ),
        alternative=Vocab(spec.get("alternative", [])),
    )


def display_name(species: Mapping[str, Mapping], name: str) -> str:
    """The name replies show: the seed's (桃子) where the stored key is short (桃)."""
    return str(species.get(name, {}).get("display", name))


def _load_entries(faq_dir: Path, config: Mapping, species: Mapping[str, Mapping] | None = None) -> list[Entry]:
    if species:  # lists of species show the seed's names (桃子, 李子, 柿子)
        config = dict(
            config,
            species={kind: [display_name(species, n) for n in names] for kind, names in config["species"].items()},
        )
    entries = []
    for path in sorted(faq_dir.glob("*.toml")):
        for row in _read_toml(path).get("entry", []):
            try:
                answer = fill_template(row["answer"].strip(), config)
            except KeyError as exc:
                raise KeyError(f"{path.name} {row['id']}: unknown config key {exc}") from exc
            entries.append(
                Entry(
                    row["id"],
                    row.get("title", ""),
                    list(row.get("questions", [])),
                    answer,
                    path.stem,
                    row.get("species"),
                    ranked=row.get("ranked", True),
                    any_tree=row.get("any_tree", False),
                )
            )
    return entries


@lru_cache(maxsize=4)
def _tokenizer(dict_path: str, extra_words: tuple[str, ...]) -> jieba.Tokenizer:
    """A jieba tokenizer on the small domain dictionary only (jieba's own 5 MB
    dictionary takes ~1 s to load); cached per word list."""
    tok = jieba.Tokenizer(dictionary=dict_path)
    tok.initialize()
    for word in extra_words:
        tok.add_word(word, 3000)
    return tok


class _Ranked(NamedTuple):
    entry: int  # index into FaqIndex.entries
    score: float
    runner_up: float  # the next entry's confidence
    cosine: float = 0.0  # the character n-grams' similarity of the same entry
    cosine_margin: float = 0.0  # how far ahead of every other entry it is there (negative: another is closer)


@dataclass(frozen=True)
class _Topic:
    name: str
    spec: Mapping
    # (strength, words): the topic's rank, one more for strong words (round 71), one less for weak words, 0 context
    levels: tuple[tuple[int, Vocab], ...]


@dataclass(frozen=True)
class _Class:
    """A kind of question for people, not the bot (money, land, disputes, felling)."""

    name: str
    words: Vocab
    unless: Vocab
    note: str
    note_entry: str | None
    feared_is_none: bool = False  # a danger only feared ('会不会被砍掉', '怕中毒') is not this class (round 21)
    answers_general: Vocab | None = None  # round 61: asked in general (none of these words), its entry answers
    # round 64: what such a question tells it is for, not another class ('想承包五十亩山种油茶 银行肯借钱吗': a lease
    # planned is the loan's purpose, no land dispute): blanked before another class is looked for
    general_told: Vocab = field(default_factory=Vocab)
    # round 70: looked for before the intents asked before the rules too ('卖木材被罚款 觉得不合理' is no timber sale);
    # round 84: the words that do so, all the class's (``over_intents = true``) or only those listed (a dispute's theft,
    # '半夜有人来偷砍我家的沉香树', not its every word: the law asked is often an entry's, '挖野生苗犯不犯法')
    over_intents: Vocab | None = None


def _over_intents(row: Mapping[str, Any]) -> Vocab | None:
    """A class's ``over_intents``: true, its own words; a list, only those (round 84); absent, none."""
    over = row.get("over_intents")
    if isinstance(over, list):
        return Vocab(over)
    return Vocab(row["words"]) if over else None


@dataclass(frozen=True)
class _Intent:
    """A campaign or bot question told by its words: one word of every group."""

    entry: str
    groups: tuple[Vocab, ...]
    none: Vocab
    species_ok: bool
    no_site: bool
    needs_tree: bool = False  # only when a tree off the list is named ('芒果算不算数')
    species_topic: str | None = None  # a species named that has this topic's field answers it instead
    before_rules: bool = False  # asked before the symptom and felling rules: a public matter, not one's own tree
    situation: bool = False  # its words tell who asks (typing, being away), not what: another reading asked goes first
    yields: bool = False  # its ``none`` names the recommending words: a recommendation read with a purpose goes first
    named: bool = False  # faq137: only when a tree is named, on the list or off it ('香樟树大概几钱': its price)

    def matches(self, norm: str, species: bool, site: bool, offlist: bool = False) -> bool:
        return (
            (self.species_ok or not species)
            and (species or not self.named)
            and (offlist or not self.needs_tree)
            and not (self.no_site and site)
            and not self.none.search(norm)
            and all(g.search(norm) for g in self.groups)
        )


# --- the index ----------------------------------------------------------------------


class FaqIndex:
    """Load once, then ``match(question)`` (< 5 ms) and ``add_entry(...)``."""

    def __init__(
        self,
        entries: list[Entry],
        species: dict[str, dict],
        matching: dict,
        tokenizer: jieba.Tokenizer,
        threshold: float,
        safety: Iterable[SafetyRule] = (),
        offlist: Iterable[str] = (),
    ):
        self.entries: list[Entry] = []
        self.safety = list(safety)
        # the dangers' advice and first aid (safety.toml first_aid, first_aid_by): the model answers them only where the
        # question's words are theirs (``_by_model``)
        self._first_aid_entries = frozenset(
            aid for rule in self.safety for aid in (rule.first_aid, *(e for _, e in rule.first_aid_by)) if aid
        )
        self._feared = next((rule.feared for rule in self.safety), Vocab())  # safety.toml's ``feared`` frames
        self.species = species
        self.matching = matching
        self.threshold = threshold
        self._tok = tokenizer
        self._species_words = {w for name, info in species.items() for w in [name, *info.get("aliases", [])]}
        # trees not on the campaign's list ('芒果'), longest first; kept apart from species aliases
        self._offlist_names = tuple(sorted({nlu.normalize(w) for w in offlist}, key=len, reverse=True))
        # words a homophone must not be taken from: look-alikes (番石榴) and trees off the list
        look_alikes = {nlu.normalize(w) for info in species.values() for w in info.get("not_aliases", [])}
        self._look_alikes = _words_re(look_alikes)
        self._not_trees = _words_re({*self._offlist_names, *look_alikes})
        self._terms = TermIndex()
        self._ngrams = CharNgrams(STOP_CHARS)
        self._by_id: dict[str, int] = {}
        ranking = matching.get("ranking", {})
        self._min_evidence = float(ranking.get("min_evidence", 0.0))
        self._min_margin = float(ranking.get("min_margin", 0.0))
        self._sure = float(ranking.get("sure", 1.0))
        self._agree_cosine = float(ranking.get("agree_cosine", 1.0))
        self._agree_margin = float(ranking.get("agree_margin", 1.0))
        self._generic_share = float(ranking.get("generic_entry_share", 1.0))
        self._generic_words = frozenset(nlu.normalize(w) for w in ranking.get("generic", []))
        self._topics = [
            _Topic(
                name,
                spec,
                tuple(
                    (level, Vocab(spec.get(key, [])))
                    # round 71: strong words ('花穗要不要剪短' is the spike's, not pruning's) outrank the rest
                    for level, key in (
                        (_rank(spec) + 1, "strong_triggers"),
                        (_rank(spec), "triggers"),
                        (_rank(spec) - 1, "weak_triggers"),
                        (0, "context"),
                    )
                ),
            )
            for name, spec in matching["topics"].items()
        ]
        self._topic_examples = {
            name: "|".join(nlu.normalize(e) for e in spec.get("examples", []))
            for name, spec in matching["topics"].items()
        }
        self._usual_chars = {
            name: frozenset(nlu.normalize("".join(spec.get("examples", []))))
            for name, spec in matching["topics"].items()
        }
        self._slot_words = frozenset(
            nlu.normalize(w)
            for t in matching["topics"].values()
            if not t.get("card")
            for w in t["triggers"]
            if "*" not in w and not w.startswith("re:")
        )
        esc = matching["escalate"]
        self._symptoms, self._soft_symptoms = Vocab(esc["symptoms"]), Vocab(esc.get("soft_symptoms", []))
        self._own_tree, self._general = Vocab(esc.get("own_tree", [])), Vocab(esc["general"])
        self._own_said = Vocab(esc.get("own_said", []))  # the lead (round 74 merged): 我, 屋 said at all
        self._general_unnamed = Vocab([*esc["general"], *esc.get("general_unnamed", [])])
        self._after_planting, self._observed = Vocab(esc["after_planting"]), Vocab(esc["observed"])
        self._ailment_asked, self._own_tree_clear = Vocab(esc["ailment_asked"]), Vocab(esc["own_tree_clear"])
        self._habitual = Vocab(esc.get("habitual", []))  # round 74
        # round 61: no flowers yet, asked of no tree in sight
        self._flowers_wanted = Vocab(esc.get("flowers_wanted", []))
        self._only_asking = Vocab(esc.get("only_asking", []))
        self._about_a_ticket = Vocab(esc.get("about_a_ticket", []))
        # round 66: the cause named, asked what to do, and what still needs a look (``_cause_told``)
        weather_words = [word for w in esc.get("weather", []) for word in w["cause"]]
        self._cause_named = Vocab([*esc.get("cause_named", []), *weather_words])  # round 77: the weather's words too
        self._pests_named = Vocab(esc.get("pests_named", []))
        self._own_in_sight, self._look_asked = Vocab(esc.get("own_in_sight", [])), Vocab(esc.get("look_asked", []))
        self._grave_signs = Vocab(esc.get("grave_signs", []))
        self._limb_broken = Vocab(esc.get("limb_broken", []))  # round 130: a big limb, the trunk or the top broken
        # round 77: the weather named (a cold spell, a drought, hail, a typhoon, heavy rain, a flood), each with the signs
        # it makes itself (leaves curled in a drought, holes from hail, the ground cracked), no sign for a look then
        self._weather = tuple((Vocab(w["cause"]), Vocab(w.get("signs", []))) for w in esc.get("weather", []))
        self._weather_named = Vocab(weather_words)
        self._together = Vocab(esc.get("together", []))
        self._comparer = _comparer(self.matching.get("compare", {}))  # round 117: two trees compared, answered
        # '荔枝好种吗 有没有收成': how the tree does as a whole, the card answers (round 11)
        self._overall = Vocab(self.matching["topics"]["card"].get("overall", []))
        # round 74: flowers and no fruit, the fruit field's answer, which holds the flowering field
        self._flowers_no_fruit = Vocab(self.matching["topics"]["fruit"].get("flowers_no_fruit", []))
        # faq139: the words by which a question itself says a tree's field (熟 its fruit, 湿 its water): ``_said_field``
        self._field_said = {
            name: Vocab(spec["said"]) for name, spec in self.matching["topics"].items() if spec.get("said")
        }
        self._card_topics = {name for name, spec in self.matching["topics"].items() if spec.get("card")} | {"card"}
        # a general technique entry -> the species' topic it stands for ("" only with a topic word)
        self._general_entries: dict[str, str] = dict(matching["species_answer"].get("general_entries", {}))
        self._shock = [Vocab([w]) for w in esc["transplant_shock"]]
        self._classes = [
            _Class(
                c["name"],
                Vocab(c["words"]),
                Vocab(c.get("unless", [])),
                c.get("note", "").strip(),
                c.get("note_entry"),
                bool(c.get("feared_is_none")),
                Vocab(c["general_unless"]) if c.get("answers_general") else None,
                Vocab(c.get("general_told", [])),
                _over_intents(c),
            )
            for c in esc.get("classes", [])
        ]
        self._answers_general = frozenset(c.name for c in self._classes if c.answers_general is not None)
        intents = matching.get("intents", {})
        named = {name: words for name, words in intents.items() if isinstance(words, list)}
        named["after_planting"] = esc["after_planting"]  # '昨天种的苗叶子蔫了' (tech.wilting)
        named["small_tree"] = matching["recommend"].get("small_tree", [])  # round 58: a small tree asked is recommended
        named["symptoms"] = esc["symptoms"]  # round 58: a symptom on a tree an intent asked before the rules names
        self._intents = [
            _Intent(
                i["entry"],
                tuple(Vocab(named[g] if isinstance(g, str) else g) for g in i["all"]),
                Vocab([w for word in i.get("none", []) for w in named.get(word, [word])]),  # a list's name: its words
                bool(i.get("species_ok")),
                bool(i.get("no_site")),
                bool(i.get("needs_tree")),
                i.get("species_topic"),
                bool(i.get("before_rules")),
                bool(i.get("situation")),
                "recommending" in i.get("none", []),
                bool(i.get("named")),
            )
            for i in matching.get("intent", [])
        ]
        self._before_rules_entries = frozenset(i.entry for i in self._intents if i.before_rules)
        self._purposes = {p: Vocab(words) for p, words in matching["recommend"]["purposes"].items()}
        self._purpose_pairs = [tuple(pair) for pair in matching["recommend"].get("purpose_pairs", [])]
        self._pair_names = frozenset("+".join(pair) for pair in self._purpose_pairs)
        # round 91: 'looks good' is the flowers of this pair only (round 67's fruit that looks good), not of shade
        self._pair_looks_of = tuple(matching["recommend"].get("pair_looks_of", ()))
        self._not_asking = Vocab(matching["recommend"].get("not_asking", []))
        self._small = Vocab(matching["recommend"]["small_words"])  # '小', or a size: '十几个平方' (round 34)
        # round 53: a small place said without a site ('地方不大想种棵能吃的果树'): the small trees for the purpose
        self._small_place = Vocab(matching["recommend"].get("small_place", []))
        self._small_tree = Vocab(matching["recommend"].get("small_tree", []))  # round 58: '不会长太高', '矮的'
        self._safety_asked = Vocab(matching.get("safety_answers", {}).get("asked", []))  # round 58: '要注意什么', '防'
        # round 76: entries whose answer is about one thing a question must say (``[answer_needs]``)
        self._answer_needs = {entry: Vocab(words) for entry, words in matching.get("answer_needs", {}).items()}
        # round 56: a wish to plant one tree at a place, nothing planted yet ('家里天井想种一棵树'): no planting record
        self._wishes = Vocab(matching["recommend"].get("wishes", []))
        # round 82 (issue 17 §1): a planting told with words asking for its record ('帮我登记一棵桂花 种在屋前',
        # '三棵荔枝已经种好 附照片'): the record's steps (bot.log_planting), when nothing else is told (``_record_asked``)
        told = matching.get("planted_told", {})
        self._record_words = Vocab(told.get("record_words", []))
        self._record_plain = Vocab(told.get("plain_words", []))
        self._rec_triggers = Vocab(matching["recommend"]["triggers"])  # words, or a clause that only asks '有哪些'
        # round 67 (set BB, voice): a place said as villagers say it, read for a recommendation only ('细细个院', '屋企西斜',
        # '河基'), looks wanted beside fruit ('又能吃果又好看': the pair's flowers)
        self._rec_sites = {kind: Vocab(words) for kind, words in matching["recommend"].get("sites", {}).items()}
        self._pair_looks = Vocab(matching["recommend"].get("pair_looks", []))
        # round 104: a doubt's ticket that names nothing the campaign, a tree, the bot or a person deals with
        unread = matching.get("off_topic_unread", {})
        self._off_topic_entry = unread.get("entry")
        self._off_topic_reasons = frozenset(unread.get("reasons", ()))
        self._substance = Vocab(unread.get("substance", []))
        # round 121: everyday matters of another office, and the errand words they come with (blanked before the above)
        self._daily = Vocab(unread.get("daily", []))
        self._daily_errand = Vocab(unread.get("daily_errand", []))
        self._off_topic_min = int(unread.get("min_chars", 0))  # Chinese characters: '1', 'ok' are the chat's fallback
        coverage = matching.get("coverage", {})
        self._max_uncovered = int(coverage.get("max_uncovered", 99))
        sure = matching.get("sure", {})
        self.sure = Sure(
            **{
                **sure,
                "support_reasons": frozenset(sure.get("support_reasons", ())),
                "support_never": tuple(sure.get("support_never", ())),
                "covered_reasons": frozenset(sure.get("covered_reasons", ())),
            }
        )
        self._neutral_chars = frozenset(coverage.get("neutral_chars", ""))
        self._neutral_words = Vocab(
            [*coverage.get("neutral_words", []), *(w for ws in nlu.SITE_WORDS.values() for w in ws)]
        )
        self._generic: frozenset[str] | None = None  # cleared by _add()
        self._entry_words: list[set[str]] = []  # words of an entry's phrasings
        self._entry_text_words: list[set[str]] = []  # words of its answer text too
        self._entry_chars: list[frozenset[str]] = []  # characters of its phrasings and answer
        self._phrasings: dict[frozenset[str], int] = {}  # a phrasing's features -> entry
        self._has_added = False  # any adviser-approved entry (收录)
        self._indexes_shared = False  # _terms and _ngrams are another index's too (copy)
        agree = matching.get("precedents", {})
        self._precedent_one = float(agree.get("one", 2.0))  # off unless matching.toml sets it
        self._precedent_two = float(agree.get("two", 2.0))
        self._precedent_nearest = int(agree.get("nearest", 3))
        self._precedent_slack = int(agree.get("unexplained_slack", 0))
        self._propose_one = float(agree.get("propose_one", 2.0))
        self._propose_two = float(agree.get("propose_two", 2.0))
        self._overrule = tuple(float(x) for x in agree.get("overrule", (2.0,)))  # off unless matching.toml sets it
        self._overrule_share = float(agree.get("overrule_unexplained_share", 0.0))
        self._overrule_rules = frozenset(agree.get("overrule_rules", ()))  # rule classes three witnesses may answer
        self._second_all = float(agree.get("second_all", 2.0))  # off unless matching.toml sets it
        self._trees_kept = Kept(1024)  # ``_trees`` of the last questions
        self._nearest_kept = Kept(1024)  # ``_nearest`` of the last questions, by the precedents' n-grams asked
        self._topic_of_entry: dict[str, str | None] = {}  # ``_entry_topic``
        self._readings_kept = Kept(1024)  # ``_model_reading`` of the last questions, by the model asked
        self._agreed_min = float(agree.get("agreed", 2.0))  # off unless matching.toml sets it
        self._agreed_never = frozenset(agree.get("agreed_never", ()))
        self._agreed_short = int(agree.get("agreed_short", 0))  # characters a doubt's question needs
        self._agreed_story = int(agree.get("agreed_story", 0))  # characters to overrule a rule or an answer
        self._field_one = float(agree.get("field_one", 2.0))
        self._field_two = float(agree.get("field_two", 2.0))
        model = matching.get("model", {})
        self._model_settings = ModelSettings.from_table(model)
        self._model_doubt = float(model.get("doubt", 9.0))  # off unless matching.toml sets it
        self._model_rule = float(model.get("rule", 9.0))
        self._model_story = int(model.get("story", 0))
        self._model_kept = frozenset(model.get("kept", ()))  # the matcher's reasons whose answer stays
        self._model_kept_lead = float(model.get("kept_lead", 0.0))  # but for a person, by this lead
        self._model_kept_switch = float(model.get("kept_switch", 9.0))  # and for another answer by this one
        # under ``story`` characters, an answer a precedent this close gives is kept over the model's reading (round 36)
        self._model_witness = float(model.get("witness", 9.0))
        # the model and the closest precedent read one other label by this lead: theirs (round 36, ``_read_twice``)
        self._model_twice = float(model.get("twice", 9.0))
        self._model_twice_short = int(model.get("twice_short", 0))  # not under this many characters
        self._model_held = frozenset(model.get("held", ()))  # reasons whose answer never goes to a person
        self._model_short = int(model.get("short", 0))  # an answer to fewer characters is overruled only by
        self._model_short_lead = float(model.get("short_lead", 0.0))  # a lead of this much
        self._model_tree_lead = float(model.get("tree_lead", 9.0))  # a tree's field it cannot give: to a person
        self._model_rule_short = float(model.get("rule_short", 9.0))  # a short question's rule, overruled by this
        self._model_rule_short_reasons = frozenset(model.get("rule_short_reasons", ()))  # of these classes
        self._model_cause = Vocab(model.get("rule_short_cause", []))  # not when it asks the cause of what it tells
        self._model_safety = float(model.get("safety", 9.0))  # a safety rule's person, overruled by this
        # a symptom of one's own tree stays a person's, whatever the agreed precedents say, when it reads one by this
        self._model_symptom = float(model.get("symptom", 9.0))
        self._model_symptom_rules = frozenset(model.get("symptom_rules", ["diagnosis"]))
        self._model_small_talk = float(model.get("small_talk", 9.0))  # a doubt the model reads as small talk
        # an answer the model reads as another label by this lead goes to a person (round 35: ``_dissented``)
        self._model_dissent = float(model.get("dissent", 9.0))  # off unless matching.toml sets it
        self._model_dissent_never = frozenset(model.get("dissent_never", ()))
        self._model_dissent_story = float(model.get("dissent_story", self._model_dissent))  # in a story: by this lead
        # two readings of two answers, the model's by this lead at least: ask which (round 43, ``_asked_back``)
        self._model_ask_back = float(model.get("ask_back", 9.0))
        self._model_ask_never = frozenset(model.get("ask_never", ()))  # nor for the rules' answers of these reasons
        # round 125: nor for these entries given by an [[intent]] (a lottery, a motorbike's price: everyday words the
        # model, trained on tree questions, reads as noise)
        self._model_ask_never_entries = frozenset(model.get("ask_never_entries", ()))
        self._model_ask_doubt = float(model.get("ask_doubt", 9.0))  # a doubt's person, its answer by this: asked first
        self._model_ask_field = float(model.get("ask_field", 9.0))  # the same tree's other field by this: asked (48)
        self._model_answer_field = float(model.get("answer_field", 9.0))  # by this: that field answers (round 93)
        # round 78: answers of these paths the model reads as another entry's, or as a person's, are asked first
        self._model_ask_unseconded = frozenset(model.get("ask_unseconded", ()))
        self._model_ask_person_paths = frozenset(model.get("ask_person_paths", ()))  # (``_asked_first``)
        # round 51: entries only for trees off the list, never offered for a question naming a listed tree
        self._model_offlist_only = frozenset(model.get("offlist_only", ()))
        self._model_own_field = float(model.get("own_field", 9.0))  # the named tree's field over a technique (48)
        self.set_precedents(())
        for entry in entries:
            self._add(entry)
        # round 67 (set BB): a real word voice input writes for a topic word of the same sound, read as meant only
        # where its context makes that safe ('荔枝是非怎么施': 施肥; '村里的是非' stays right and wrong)
        self._homophones = [
            (
                nlu.normalize(h["heard"]),
                nlu.normalize(h["meant"]),
                re.compile(h["when"]),
                re.compile(h.get("unless") or "(?!)"),
            )
            for h in matching.get("voice_homophones", [])
        ]
        # round 81 (issue 17 §1): saying one is not a party member tells who asks, as '我是群众' does (``[who_asks]``,
        # read as written, before normalising: '我系普通村民唔系党员要种几多棵树呀' is a household's quota, not a member's)
        who_asks = matching.get("who_asks", {})
        self._not_a_member = re.compile("|".join(who_asks.get("not_a_member", [])) or "(?!)")
        self._not_a_member_as = str(who_asks.get("read_as", ""))
        # round 96 (set BV): a voice message's frame, its closing clauses and the words announcing its question
        self._closing = re.compile("|".join(who_asks.get("closing", [])) or "(?!)")
        self._closing_or_look = re.compile(
            "|".join(who_asks.get("closing", []) + who_asks.get("closing_look", [])) or "(?!)"
        )
        self._asking = re.compile("|".join(who_asks.get("asking", [])) or "(?!)")
        self._who_writes = re.compile("|".join(who_asks.get("who_writes", [])) or "(?!)")
        self._note = re.compile("|".join(who_asks.get("note", [])) or "(?!)")  # round 98: a visit note told
        # round 69 (set BC): a question written all in English is read through a small glossary (``[english]``)
        english = matching.get("english", {})
        self._english_words: dict[str, str] = {k.lower(): v for k, v in english.get("words", {}).items()}
        self._english_min = int(english.get("min_words", 3))
        # faq136: Hakka words read as their Mandarin (``[hakka] words``, bot/hakka.py)
        self._hakka = hakka.HakkaReader(matching.get("hakka", {}).get("words", {}))
        self._sound_words = SoundAlikeWords(
            {nlu.normalize(w) for w in matching.get("sound_alike", {}).get("words", [])},
            STOP_CHARS,
            (nlu.pinyin_phrases(), self._tok.FREQ),
            FRAMED_CONTEXT,
            reader=nlu,
        )
        # built now, not on the first question: the table of names by sound, the n-grams' idf
        nlu.find_sound_alike_species("", species)
        self._ngrams.similarities("")
        for intent in self._intents:
            if intent.entry not in self._by_id:
                raise KeyError(f"matching.toml: intent for unknown entry {intent.entry}")
        for cls_ in self._classes:
            if cls_.note_entry and cls_.note_entry not in self._by_id:
                raise KeyError(f"matching.toml: note_entry {cls_.note_entry} unknown")
        for rule in self.safety:
            for aid in (rule.first_aid, rule.entry, *(entry for _, entry in rule.first_aid_by)):
                if aid and aid not in self._by_id:
                    raise KeyError(f"safety.toml: {rule.name}: entry {aid} unknown")

    @classmethod
    def load(cls, messages_dir: str | Path, campaign_config: Mapping, confidence_threshold: float = 0.55) -> FaqIndex:
        """The index of ``messages_dir`` (species.toml, faq/*.toml, jieba_dict.txt) and the ``[campaign]`` config
        table: built once per process for the same files and settings, and each caller gets its own copy (an app
        adds its advisers' entries to its copy only; tests build hundreds of apps, each had paid the ~1.5 s build)."""
        root = Path(messages_dir)
        key = _built_key(root, campaign_config, confidence_threshold)
        return _BUILT.get_or_make(key, lambda: cls._build(root, campaign_config, confidence_threshold)).copy()

    @classmethod
    def _build(cls, root: Path, campaign_config: Mapping, confidence_threshold: float) -> FaqIndex:
        species = load_species_table(root)
        matching = load_matching(root / "faq")
        entries = _load_entries(root / "faq", campaign_config, species)
        words = _domain_words(species, matching)
        tok = _tokenizer(str(root / "jieba_dict.txt"), tuple(sorted(words)))
        index = cls(
            entries, species, matching, tok, confidence_threshold, load_safety_rules(root / "faq"), load_offlist(root)
        )
        folder = (root / "faq" / "precedents").resolve()
        if folder not in _SHARED_PRECEDENTS:  # the same for every index of a process (each app, each test)
            cases = [(question, index.answered_as(label)) for question, label in load_precedents(folder)]
            masked = masked_precedents([q for q, _ in cases], index._masked, root)
            _SHARED_PRECEDENTS[folder] = Precedents.build(
                cases, index._masked, masked, index._model_settings, index.phrasings()
            )
        index.precedents = _SHARED_PRECEDENTS[folder]
        return index

    def copy(self) -> FaqIndex:
        """An index that matches as this one does and is changed alone: what ``_add`` and ``drop_last_entries``
        change is copied (the entries; the term and n-gram indexes when first changed), the rest (the knowledge files as read, the
        vocabularies, the tokenizer, the precedents) is only read and is shared; the caches start empty."""
        twin = _copy.copy(self)
        twin.entries = list(self.entries)
        twin._by_id = dict(self._by_id)
        twin._entry_words = list(self._entry_words)
        twin._entry_text_words = list(self._entry_text_words)
        twin._entry_chars = list(self._entry_chars)
        twin._phrasings = dict(self._phrasings)
        twin._indexes_shared = True  # the term and n-gram indexes: copied by the first change (_own_indexes)
        twin.safety = list(self.safety)
        twin._trees_kept, twin._nearest_kept, twin._readings_kept = Kept(1024), Kept(1024), Kept(1024)
        twin._topic_of_entry = {}
        return twin

    def set_precedents(self, cases: Iterable[tuple[str, str]]) -> None:
        """The labelled questions (question, entry id or ``escalate``) a doubt consults; replaces any before
        (bench/faq_eval.py leaves a set's own out when it scores that set)."""
        cases = [(q, self.answered_as(label)) for q, label in cases]
        self.precedents = Precedents.build(cases, self._masked, None, self._model_settings, self.phrasings())

    # -- building

    def _own_indexes(self) -> None:
        """Before a copy's first change: its own term and n-gram indexes (``copy`` shares them)."""
        if self._indexes_shared:
            self._terms, self._ngrams = _copy.deepcopy(self._terms), _copy.deepcopy(self._ngrams)
            self._indexes_shared = False

    def _add(self, entry: Entry) -> None:
        if entry.id in self._by_id:
            raise ValueError(f"duplicate FAQ entry id {entry.id}")
        self._own_indexes()
        if hasattr(self, "_readings_kept"):
            self._readings_kept.clear()  # an answer a reading stands for may be this entry's now
        idx = len(self.entries)
        self.entries.append(entry)
        self._by_id[entry.id] = idx
        self._has_added = self._has_added or entry.source == "added"
        words: set[str] = set()
        for text in [entry.title, *entry.questions]:
            if text:
                tokens = self.tokens(text)
                self._terms.add(idx, tokens)
                self._ngrams.add(idx, self._masked(nlu.normalize(text), as_written=True))
                self._phrasings.setdefault(frozenset(tokens), idx)
                words.update(t for t in tokens if not t.startswith("#"))
        self._entry_words.append(words)
        text_words: set[str] = set()
        if entry.source != "added":
            # one broad document per entry: all its questions and its answer
            everything = "".join([entry.title, *entry.questions, entry.answer])
            tokens = sorted(set(self.tokens(everything)))
            self._terms.add(idx, tokens, broad=True)
            text_words.update(t for t in tokens if not t.startswith("#"))
        self._entry_text_words.append(text_words)
        self._entry_chars.append(frozenset(nlu.normalize("".join([entry.title, *entry.questions, entry.answer]))))
        self._generic = None

    def add_entry(self, entry_id: str, question: str, answer: str) -> None:
        """Add an adviser-approved Q&A; it matches from the next call on."""
        species, _ = nlu.find_species(nlu.normalize(question), self.species)
        self._add(Entry(entry_id, "", [question], answer.strip(), "added", species))

    def drop_last_entries(self, n: int) -> None:
        """Take back the last ``n`` ``add_entry`` calls (adviser entries whose transaction was rolled back,
        bot/follow.py): the index is then as it was before them."""
        if n <= 0:
            return
        keep = len(self.entries) - n
        self._own_indexes()
        for entry in self.entries[keep:]:
            del self._by_id[entry.id]
        del self.entries[keep:], self._entry_words[keep:], self._entry_text_words[keep:], self._entry_chars[keep:]
        self._phrasings = {terms: idx for terms, idx in self._phrasings.items() if idx < keep}
        self._terms.drop_entries_from(keep)
        self._ngrams.drop_entries_from(keep)
        self._has_added = any(entry.source == "added" for entry in self.entries)
        self._generic = None

    def phrasings(self) -> list[tuple[str, str]]:
        """(text, entry id) of every entry's title and phrasings but the advisers' added ones: what the model
        learns besides the precedents."""
        return [
            (text, entry.id)
            for entry in self.entries
            if entry.source != "added"
            for text in (entry.title, *entry.questions)
            if text
        ]

    def answered_as(self, label: str) -> str:
        """The label an answer carries: a species topic the card answers ('house': how far from the house,
        'pollination') is its card, ``species.<name>.card``; a set's other name for a label (``[recommend]
        label_aliases``, round 56) is that label; any other label as it is."""
        label = self.matching["recommend"].get("label_aliases", {}).get(label, label)
        parts = label.split(".")
        if len(parts) == 3 and parts[0] == "species" and self.matching["topics"].get(parts[2], {}).get("card"):
            return f"species.{parts[1]}.card"
        return label

    def card_title(self, species: str) -> str:
        """A tree's card named as its fields are in a reply's first line ('龙眼·简介'): how a card offered beside one of
        its fields is listed when the villager is asked which was meant (round 48, bot/ask_back.py ``name``)."""
        first = self.matching["species_answer"]["template"].strip().splitlines()[0]
        label = self.matching["topics"]["card"]["label"]
        return first.format(name=display_name(self.species, species), label=label, text="").strip()

    def entry(self, entry_id: str) -> Entry | None:
        idx = self._by_id.get(entry_id)
        return None if idx is None else self.entries[idx]

    def tokens(self, text: str) -> list[str]:
        """Features of a question: content words (species names removed) plus
        their characters as ``'#x'`` (for typos and unseen word forms)."""
        return self._features(nlu.normalize(text))

    def _features(self, norm: str) -> list[str]:
        words = [t for t in self._tok.lcut(norm, HMM=False) if t not in STOP_WORDS and t not in self._species_words]
        chars = ["#" + c for w in words if len(w) > 1 for c in w if c not in STOP_CHARS]
        return words + chars

    # -- matching

    def match(self, question: str) -> FaqResult:
        """Answer, escalate or chit-chat for one question (see module doc); a dangerous situation
        (power line, fallen tree, pesticide, lime, fire) adds its safety line, first."""
        # round 96 (set BV): a voice message's closing ('唔该晒', '你话我知啦', '我等你回复') asks nothing
        # a look asked for ('帮我睇下') closes only a question; after a trouble told it is the ask (round 74)
        question = self._closed(question)
        return self._framed(question, self._off_topic_unread(question, self._read(question)))

    def _part_matched(self, part: str) -> FaqResult:
        """``match`` of a part of a question (``_two_asks``, ``_first_part_first``): every stage but round 104's
        off-topic reading, which is the whole question's, never a clause's ('乜个东西都无识 教下阿姆点用' had been asked
        back between the help and the off-topic reply)."""
        part = self._closed(part)
        return self._framed(part, self._read(part))

    def _closed(self, question: str) -> str:
        """The question in Chinese, a voice message's closing left out (round 96)."""
        question = self.hakka_read(self._from_english(question))
        closed = go_between.without_closing(question, self._closing_or_look)
        return closed if nlu.is_question(closed) else go_between.without_closing(question, self._closing)

    def _framed(self, question: str, result: FaqResult) -> FaqResult:
        """Round 96: a doubt's question read again as the part it announces, when that part is answered."""
        if result.kind != "escalate" or result.safety or result.reason not in _FRAME_DOUBTS:
            return result
        # round 96: too unsure to answer as told, the question it announces ('…隔篱阿婶同我讲 我就想问 X') or the one after
        # who writes ('我是家庭主妇，X') is read alone: only when no tree is named before it, and only its answer is taken
        cut = go_between.asked_part(question, self._asking, self._who_writes)
        if cut is None or self._trees(self._fixed(cut[0])):
            return result
        part = self._read(cut[1])
        return part if part.kind == "answer" and not part.safety else result

    def _read(self, question: str) -> FaqResult:
        """``match`` of one text as the villager wrote it (its closing already left out)."""
        # round 80: who asks, said by the go-between ('邻居阿伯冇手机托我问', '帮阿公问下'), is not what is asked
        question = go_between.without_go_between(question)
        question = self._not_a_member.sub(self._not_a_member_as, question)  # round 81: '唔系党员' tells who asks
        norm = self._fixed(question)
        fired = [rule for rule in self.safety if rule.fires(norm)]
        if not fired and go_between.note_told(question, norm, self._note, nlu.is_question(question)):
            # round 98: an adviser's visit note ('今日睇咗陈大伯啲荔枝 长得好 叫佢淋水') asks nothing; the model had
            # answered it with the 荔枝's growth once sets AT-BS joined the precedents: neither reads it
            return _escalate("not_a_question")
        result = ruled = self._match(question, norm, fired)
        if not fired and result.kind == "escalate" and self._for_a_person(norm, result):
            return result  # round 46: neither the precedents nor the model answer it
        if (
            not fired
            and result.kind == "answer"
            and (
                result.reason in self._answers_general
                or result.reason in ("pests_told", "planted_told", "kin_trees", "proxy_asked", "compared")
            )
        ):
            # round 64: a rule's class asked in general is its entry's answer, as its ticket would have been: the rule
            # decided ('种果树能贷款吗': tech.forest_loan; the model had read a person, or an exotic tree in 种杉树)
            # round 66: so is insects on a listed tree told in general, its pests field (``_pests_told``); the lead (43rd
            # session): a relative's trees asked whether they count for the sender (``nlu.kin_trees_count_asked``); round
            # 117: two trees compared on both cards' field (``_compare_answered``: the precedents and the model read one
            # tree's entry or a ticket; the eight sets label the fields side by side); conv108: how to log for another
            # household asked by one who is no cadre (``nlu.proxy_log_how_asked``: bot.proxy)
            return self._lined(result, fired, norm)
        agreed = None if fired else self._agreed_by_precedents(question, norm, result)
        if agreed is not None and not self._symptom_kept(norm, result, agreed):
            agreed = self._asked_first(norm, self._dissented(norm, agreed))
            return self._lined(self._supported(norm, agreed, fired), fired, norm)  # (not fired)
        if (
            result.kind == "escalate"
            and result.reason not in self._agreed_never  # round 53: nor their witnesses (fruit_owner: the village's)
            and (result.candidate or result.reason in _DOUBTS or (result.reason in self._overrule_rules and not fired))
        ):
            result = self._by_precedents(question, norm, result) or result
        elif result.reason == "species_card":
            result = self._field_by_precedents(norm, result) or result
        if not fired:
            modelled = self._by_model(question, norm, result)
            if (
                ruled.kind == "escalate"
                and ruled.reason not in _DOUBTS
                and result.reason == "precedents"
                and modelled.kind == "answer"
                and modelled.entry_id != result.entry_id
            ):
                # round 53: a rule's ticket the precedents answered and the model reads as a third entry: neither is
                # sure, the rule's ticket stays ('门口的小叶榄仁太高 想砍掉': felling by the precedents, pruning by the model)
                modelled = ruled
            result = self._dissented(norm, modelled)
            result = self._read_twice(question, norm, result)
            result = self._first_part_first(question, norm, result)
            result = self._asked_back(question, norm, result)
            result = self._asked_first(norm, result)
        elif result.reason == "safety" and not _LINE_TOUCHED_RE.search(norm):  # round 46: a live line touched
            result = self._safety_by_model(norm, result, fired)
        elif result.kind == "escalate" and result.reason in _DOUBTS:
            # only a doubt sent it to a person, no rule: the model reads it as without the line, the line stays first
            # (round 38: '台风过后去山上看树要注意什么' is tech.typhoon after its line, as it was before the line)
            result = self._by_model(question, norm, result)
        elif result.kind == "answer" and result.reason not in ("safety_self", "safety_aid"):
            result = self._answer_by_model(question, norm, result)
            # first aid or prevention asked (a rule's ``unless`` words) is answered, whatever the model reads (round 32)
            if not any(rule.unless.search(norm) for rule in fired):
                result = self._dissented(norm, result, told=not nlu.is_question(question))
        result = self._danger_entry(fired, result, norm)
        if result.kind == "escalate" and not result.answer_text and ruled.kind == "escalate" and ruled.note_entry:
            # round 49: the precedents answered a rule's question and the model sent it back to a person: the rule's
            # reply, its entry under the number ('党建林的荔枝结果了归谁': the village, camp.fruit_picking)
            result = ruled
        return self._lined(self._supported(norm, result, fired), fired, norm)

    def _off_topic_unread(self, question: str, result: FaqResult) -> FaqResult:
        """Round 104 (issue 17 §1): a ticket only for being unsure (``[off_topic_unread] reasons``: no rule sent it to a
        person, neither the precedents nor the model read an answer) about nothing the campaign, a tree, the bot's use
        or a person's matter deals with (no tree named, no word of ``[off_topic_unread] substance``: '帮我写篇作文',
        '手机怎么截图', '村卫生站几点开门') is off the topic: the bot's off-topic reply says what it answers and where
        to ask, no adviser's time. One such word keeps the ticket ('叫你们领导来'), and so do fewer than
        ``[off_topic_unread] min_chars`` Chinese characters ('1', 'ok': the chat's not-understood reply).
        Round 121 (issue 17 §1, the fourteen blind sets' writers alike): an everyday matter of another office
        (``[off_topic_unread] daily``: '宅基地建房审批要多久', '孙女发烧了去哪个医院', '退役军人补贴怎么申请') is off the
        topic whatever rule sent it to a person (land, money, a fever): its words, and the errand words they come with
        (``daily_errand``: 申请, 材料, 找谁), are not read as substance; any other word still keeps the ticket ('宅基地上种的
        龙眼 邻居说挡了他家')."""
        if result.kind != "escalate" or result.safety:
            return result
        norm = self._fixed(go_between.without_go_between(question))
        daily = self._daily.search(norm)
        if result.reason not in self._off_topic_reasons and not daily:
            return result
        said = self._daily_errand.blanked(self._daily.blanked(norm)) if daily else norm
        if (
            self._off_topic_entry not in self._by_id
            or len(_CJK_RE.findall(norm)) < self._off_topic_min
            or self._trees(norm)
            or self._substance.search(said)
        ):
            return result
        answer = self._answer(self._by_id[self._off_topic_entry], result.score, "off_topic_unread")
        return replace(answer, doubted=result)

    def _supported(self, norm: str, result: FaqResult, fired: Sequence[SafetyRule]) -> FaqResult:
        """Round 88: an answer the precedents or the model found (``[sure] support_reasons``) is a guess unless the
        model leads for it by ``[sure] support_lead``: a ticket instead. On the truly blind answers of nine sets and
        this session's (bench/faq_gate.py, leave one set out) such answers under a lead of 0.3 were wrong twice as
        often as right. Never an asked-back answer (the villager chooses), an adviser's added entry (the model has not
        read it), an answer beside a danger's line or a danger's first aid (what to do now is not held back for a
        ticket: '蜜蜂叮完 针点拔'), nor the bot's own use (``[sure] support_never``: the conversation reads a record's
        correction or a plot claimed by it, '四棵桂花 不对不对 是三棵'). Round 103: nor, with the same exceptions, an answer
        whose nearest precedents are people's questions (``_tickets_nearby``), whatever found it."""
        if (
            fired
            or result.kind != "answer"
            or result.other is not None
            or result.entry_id in self._first_aid_entries
            or (result.entry_id or "").startswith(self.sure.support_never)
            or self._added(result.entry_id)
            or self._needs_unsaid(result, norm)  # stopped anyway, for the word it needs (``_lined``): that reason
        ):
            return result
        guessed = result.reason in self.sure.support_reasons and self._support(norm, result) < self.sure.support_lead
        if guessed or self._tickets_nearby(norm, result):
            return _escalate("unsupported", result.score, candidate=result)
        if self._read_otherwise(norm, result):
            # the lead (fifty-fourth session, the simulator: '太好了' had become a ticket for the adviser): small talk
            # the model reads, with nothing of substance said, is small talk, not a person's question
            model = self.precedents.model  # read (``_read_otherwise`` reads none without it)
            if model is not None and self._model_reading(model, norm)[0] == "chitchat" and not nlu.has_substance(norm):
                return FaqResult("chitchat", "chitchat", "", 0.7, "model")
            return _escalate("unsupported", result.score, candidate=result)
        return result

    def _read_otherwise(self, norm: str, result: FaqResult) -> bool:
        """Round 112 (issue 17 §1, confident wrong): the top entry does not cover what was asked. An answer the ranking
        of the entries' words found (or an off-list tree's rule: ``[sure] covered_reasons``) that the model, reading
        the whole question, reads as another label by ``covered_lead`` ('睇落几好' ranked to the hail's advice, the
        model reading small talk); its reading agrees when it is this answer, its second field, that field of any tree
        or the field a general entry stands for (``_same_reading``), or a tree's field asked with no tree named whose
        topic most of the entry's own phrasings ask ('点样剪枝': the pruning entry), or a precedent close enough to
        witness it gives this answer (``_witnessed``, round 36). Covered too: a question whose words name the entry's
        topic, and an off-list tree's entry read as that tree's card, time or place (``[offlist] topics``). An intent's answer is never judged so: a campaign
        fact's intent and a witnessed one are kept from the model by design (``_dissented``). Chosen on the signals of sets CF, CG, CH, CJ, BZ, CA, CC and
        CE, none held out (bench/faq_cover_dump.py; measured by bench/faq_cover_gate.py)."""
        model = self.precedents.model
        if model is None or result.reason not in self.sure.covered_reasons:
            return False
        if self._witnessed(norm, result):
            return False  # a close precedent gives this answer (round 36): the model's reading is not taken
        label, lead, answer = self._model_reading(model, norm)
        if lead < self.sure.covered_lead or not label or self._support(norm, result) > 0:
            return False
        if self._same_reading(result, label) or (
            answer is not None and self._same_reading(result, answer.entry_id or "")
        ):
            return False
        own = self._entry_topic(result.entry_id)
        if own and own in self._topic_words(norm)[0]:
            return False  # the question's words ask the entry's topic ('肥料放多了要多浇水吗': the fertilizer's burn)
        topic = label.split(".")[2] if label.startswith("species.*.") else None
        if topic and result.reason == "offlist" and topic in self.matching["offlist"]["topics"]:
            return False  # an off-list tree's card or planting read: its entry is that ('紫薇可以种在门口吗')
        return not (topic and answer is None and topic == own)

    def _entry_topic(self, entry_id: str | None) -> str | None:
        """The topic (``[topics]``) most of the phrasings of the entry ``entry_id`` ask about (``_topic``: more than half
        of them), or None; kept once read."""
        if entry_id is None or entry_id not in self._by_id:
            return None
        if entry_id not in self._topic_of_entry:
            questions = self.entries[self._by_id[entry_id]].questions
            asked = Counter(self._topic(nlu.normalize(q))[0] for q in questions).most_common()
            top = next(((topic, n) for topic, n in asked if topic), None)
            self._topic_of_entry[entry_id] = top[0] if top and 2 * top[1] > len(questions) else None
        return self._topic_of_entry[entry_id]

    def _tickets_nearby(self, norm: str, result: FaqResult) -> bool:
        """Round 103 (issue 17 §1, confident wrong): the questions most like this one were people's questions, and none
        of them is answered so: ``[sure] tickets_nearby`` of the ``[precedents] nearest`` precedents are tickets, none
        gives this answer (its entry, the second field it holds, or that field of any tree), the closest at least
        ``tickets_cosine`` alike. Chosen by bench/abstention_curve.py on BT-BY, confirmed on BZ and CA: of all the
        signals an answer carries, only the nearest precedents' tickets removed two confident wrong answers or more per
        right answer they cost on both (three tickets at 0.45: 6 for 0 and 3 for 0; two at 0.3 removed 10 for 1 and 3
        for 0 but cost 18 answers the earlier rounds' own checks pin, three at 0.45 one)."""
        if not self.sure.tickets_nearby:
            return False
        near = self._nearest(norm)
        labels = [self.precedents.labels[i] for i, _ in near]
        given = {_any_species(g) for g in (result.entry_id, result.also) if g}
        return (
            bool(near)
            and near[0][1] >= self.sure.tickets_cosine
            and sum(label == "escalate" for label in labels) >= self.sure.tickets_nearby
            and not any(_any_species(label) in given for label in labels)
        )

    def _support(self, norm: str, result: FaqResult) -> float:
        """The model's lead for ``result``'s answer (its entry, the second field it holds, or that field of any tree),
        minus its lead when it reads another label; no model, no doubt (infinite)."""
        model = self.precedents.model
        if model is None:
            return math.inf
        label, lead, answer = self._model_reading(model, norm)
        given = {g for g in (result.entry_id, result.also) if g}
        agrees = (answer is not None and answer.entry_id in given) or _any_species(label) in {
            _any_species(g) for g in given
        }
        return lead if agrees else -lead

    def _lined(self, result: FaqResult, fired: list[SafetyRule], norm: str) -> FaqResult:
        """The reply opened by the safety lines of the dangers here, or of the danger its entry answers how to keep
        from (``_kept_from``); none for chit-chat."""
        if result.kind == "chitchat":
            return result
        if self._needs_unsaid(result, norm):
            result = _escalate("not_covered", result.score, candidate=result)
        if not fired:
            kept = self._kept_from(result, norm)
            if kept is None:
                return result
            opening = result.answer_text.lstrip().splitlines()[0] if result.answer_text.lstrip() else ""
            if opening.startswith(_WARNING):
                return replace(result, safety=opening)  # the entry's own warning opens the reply: no second one
            fired = [kept]
        safety = "\n".join(rule.line_for(norm) for rule in fired)
        if not safety:
            return result
        text = f"{safety}\n{result.answer_text}" if result.kind == "answer" else result.answer_text
        return replace(result, answer_text=text, safety=safety)

    def _kept_from(self, result: FaqResult, norm: str) -> SafetyRule | None:
        """Round 58 (issue 17 §3; set AU): with no danger here, an answer from the entry on how to keep from one (its
        rule's ``answers``) opens with a safety line all the same: its own ⚠ line when the entry opens with one
        ('上山种树怎么防摔': tech.fall_safety's ⚠ 防摔), else the rule's line when the question asks how to keep safe
        (``[safety_answers] asked``: '打农药要注意什么', '喷药要戴什么口罩'). A calm question the entry answers
        ('打完药多久可以摘果子吃', '台风季节快到了 新种的树要怎样绑') gets none (round 38's calm questions), nor a
        question asked back (two readings, no answer yet)."""
        if result.kind != "answer" or result.other is not None:
            return None
        rule = next((rule for rule in self.safety if result.entry_id in rule.answers), None)
        if rule is None:
            return None
        if result.answer_text.lstrip().startswith(_WARNING) or self._safety_asked.search(norm):
            return rule
        return None

    def _danger_entry(self, fired: list[SafetyRule], result: FaqResult, norm: str = "") -> FaqResult:
        """A danger here whose rule names its entry (``entry`` in safety.toml) and needs no person: that entry answers,
        after the line, over another technique's answer or a doubt (round 38: someone dizzy from the heat is
        tech.heatstroke, not planting in the heat; a snake met is tech.snakes). Not over a campaign fact, a tree's
        field or an adviser's entry, nor when a rule or 问专家 sent it to a person or two dangers name different entries."""
        entries = {rule.entry for rule in fired if rule.entry and rule.entry in self._by_id}
        if len(entries) != 1:
            return result
        (entry,) = entries
        # a campaign fact asked beside it (保险) stays; round 76: a danger here is no question off the topic ('坡好斜落过雨好滑
        # 点行' is no way to a place, bot.off_topic, but the slippery path's tech.fall_safety)
        technique = (result.entry_id or "").startswith("tech.") or result.entry_id == "bot.off_topic"
        if result.entry_id in {rule.aid(norm) for rule in fired if rule.escalates(norm)}:
            return result  # round 49: the first aid of a danger that happened ('被黄蜂蜇了 头晕心慌': tech.wasps)
        if any(result.entry_id in rule.keeps and not rule.keeps_unless.search(norm) for rule in fired):
            return result  # round faq131: planting in the heat asked ('天热种树要注意什么'), after the heat line
        if result.kind == "answer" and technique and result.entry_id != entry and not self._added(result.entry_id):
            return self._answer(self._by_id[entry], result.score, "safety_entry")
        if result.kind == "escalate" and (
            result.reason in _DOUBTS
            # round 49: a person hurt is no planting record, nor a tree off the list ('劈了几棵漆树 双手又红又痒')
            or (result.reason in _NOT_A_DOUBT_FOR_A_PERSON and any(r.person and r.entry == entry for r in fired))
        ):
            return self._answer(self._by_id[entry], result.score, "safety_entry")
        return result

    def _needs_unsaid(self, result: FaqResult, norm: str) -> bool:
        """Round 76 (set BH's topics the knowledge lacks, answered by a neighbour through a shared word: '果树落果一般系咩
        原因' by the yellow leaves' causes, '只猫成日抓树皮' by livestock): an answer from an entry of ``[answer_needs]``
        whose question says none of its words is about something else; a person answers (never asked back). Round 98:
        so is an answer offered first when asked back ('山上见到穿山甲点算' offered fire prevention, then bird nests, once
        sets AT-BS joined the precedents): what the question never says is not offered."""
        if result.kind != "answer":
            return False
        needs = self._answer_needs.get(result.entry_id or "")
        return needs is not None and not needs.search(norm)

    def danger_now(self, question: str) -> bool:
        """A danger happening now in ``question``: a safety rule fires (its line opens the FAQ's reply)."""
        norm = self._fixed(question)
        return any(rule.fires(norm) for rule in self.safety)

    def count_disputed(self, question: str) -> bool:
        """faq138 (issue 17 §5): ``question`` disputes a record ('村里登记我种了三棵 其实我种了五棵'): the words that
        put record_disputed before the intents (matching.toml ``over_intents``: a count someone else holds against the
        one planted, points not added). Such a text reports no trees (handlers/planting.py): the FAQ's, a ticket."""
        norm = self._fixed(question)
        return any(
            c.name == "record_disputed" and c.over_intents is not None and c.over_intents.search(norm)
            for c in self._classes
        )

    def safety_lines(self, question: str) -> str:
        """The safety lines that open the FAQ's reply to ``question`` (one a rule that fires), '' for none."""
        norm = self._fixed(question)
        return "\n".join(rule.line_for(norm) for rule in self.safety if rule.fires(norm))

    def hakka_read(self, question: str) -> str:
        """The question with its Hakka words written as their Mandarin (faq136, bot/hakka.py): '种树爱交钱无' -> '种树要交钱吗'."""
        return self._hakka.read(question)

    def _from_english(self, question: str) -> str:
        """Round 69 (set BC: young people, relatives abroad): a question written all in English, of ``[english]
        min_words`` words or more and no Chinese character, read word by word through ``[english] words`` (a word
        not there is dropped: 'who can see my data' is 谁能看到我的资料). Shorter English (OK, help, TD) and Chinese
        with English words in it are read as written."""
        if _CJK_RE.search(question) or not self._english_words:
            return question
        words = _ENGLISH_WORD_RE.findall(question.lower())
        if len(words) < self._english_min:
            return question
        read = "".join(self._english_words.get(word, "") for word in words)
        return f"{read}？" if read and question.rstrip().endswith("?") else read or question

    def _fixed(self, question: str) -> str:
        """The normalised question with misheard topic words written right ('嫁结' -> 嫁接)."""
        norm = _without_lead_in(nlu.normalize(question))
        for heard, meant, when, unless in self._homophones:
            if heard in norm and when.search(norm) and not unless.search(norm):
                norm = norm.replace(heard, meant)  # same length: the spans read later stay where they were
        return self._sound_words.fix(norm, self._tree_spans(norm))

    def _match(self, question: str, norm: str, fired: list[SafetyRule]) -> FaqResult:
        if nlu.is_chitchat(question):
            return FaqResult("chitchat", "chitchat", "", 1.0, "chitchat")  # the chat's words: faq.greeting, faq.thanks
        if nlu.never_mind_said(norm):  # tidy75: '算咯唔要', '罢了' alone (a ticket, a card): the chat's 'all right'
            return FaqResult("chitchat", "chitchat", "", 1.0, "never_mind")
        if nlu.apology_or_announcement_only(norm):
            # round faq131: '唔好意思刚才发错了' (the cancel's card before), '你好 有个问题想请教 等我打字先' (the advisers')
            return FaqResult("chitchat", "chitchat", "", 1.0, "small_talk")
        if not fired and said_only.told_only(norm):
            # faq136: small talk told with words of substance, nothing asked ('好啦我去种树了', '早晨 今日落雨唔去田')
            return FaqResult("chitchat", "chitchat", "", 1.0, "small_talk")
        if not norm:
            return _escalate("empty")
        if _POINTED_AT_RE.match(norm):
            return _escalate("low_confidence")  # round 46: '这棵树怎么弄' names no topic (``_for_a_person``)
        if nlu.where_to_plant_unnamed(norm):
            return _escalate("which_tree")  # tidy75: '树苗种哪里合适' had the planting depth; which tree is asked back
        written = self._trees(norm)
        if not fired and not written and nlu.is_small_talk(question, norm):
            return FaqResult("chitchat", "chitchat", "", 1.0, "small_talk")  # '今日好热啊', '我去开会了 回头再问'
        mentions = self._one_name_per_tree(norm, written)  # '石硖龙眼' is one tree
        mentions = self._trees_asked(question, norm, mentions)  # '桃树同李树我都种咗 李树要唔要剪枝': 李
        species = next((name for name, _ in mentions if name in self.species), None)
        if not fired and nlu.kin_trees_count_asked(norm) and "bot.proxy" in self._by_id:
            # the lead (43rd session): a relative's trees told, then whether they count for the sender ('我老婆种了三棵桂花
            # 能算我的吗' had the 桂花 card): a household's trees are logged on one WeChat (bot.proxy says how). Code, not an
            # [[intent]] of matching.toml: bot/planting.py reads the same class (no record started), and the words would
            # be a second copy of nlu.RELATIVES and the counts-for-me frame, apart from that reader's (tidy73)
            return self._answer(self._by_id["bot.proxy"], 0.9, "kin_trees")
        escalation = self._escalation(norm, species, fired, question)
        if escalation and not fired and nlu.proxy_log_how_asked(norm) and "bot.proxy" in self._by_id:
            # conv108 (conv106's leftover: '帮五保户陈伯种了树 要怎么替他录入' from a villager had been a ticket): how to log
            # trees for another household asked (a cadre gets the 代种 steps, handlers/planting.py) that would have gone
            # on: bot.proxy's family answer, which names the cadres' 代种 (round 92); answered ones keep their entry
            # (tests/data/faq_rule_checks_98.tsv's 帮人种的树: bot.log_planting)
            return self._answer(self._by_id["bot.proxy"], 0.9, "proxy_asked")
        if escalation:
            return escalation
        site = nlu.find_site(norm)
        if nlu.parse_planting_text(question, self.species) and not (site and self._wishes.search(norm)):
            if self._record_asked(norm) and "bot.log_planting" in self._by_id:
                return self._answer(self._by_id["bot.log_planting"], 0.9, "planted_told")
            return _escalate("not_a_question")
        offlist = bool(mentions) and species is None
        intent = next((i for i in self._intents if i.matches(norm, bool(mentions), bool(site), offlist)), None)
        if intent and intent.situation:
            intent = self._beyond_situation(question, norm, intent, species, bool(mentions), bool(site), offlist)
        if intent and species and intent.species_topic and self._species_topic_text(species, intent.species_topic):
            intent = None  # '龙眼种好之后要天天浇水吗': the species' own watering, not new trees' in general
        if intent and not species and self._recommended_over(question, norm, intent):
            intent = None  # '党建林想早些见效 种什么长得快': the trees for that purpose, not what 党建林 is
        # two trees: '荔枝可以嫁接黄皮吗' is for a person, but '种了三棵龙眼一棵桃树 要怎么录进去' asks how to use the bot
        # off-list trees asked whether they count are one question however many are named ('菠萝蜜和芒果算不算')
        if intent and not (
            intent.species_ok
            and not intent.entry.startswith("bot.")
            and not intent.needs_tree
            and not intent.before_rules  # '松树得了线虫病会不会传给荔枝' compares no trees
            and self._two_trees(mentions, norm)
        ):
            answer = self._answer(self._by_id[intent.entry], 0.9, "intent")
            if not intent.before_rules and self.doubt(question, intent.entry, norm, [alias for _, alias in written]):
                if intent.needs_tree and offlist and not self._of_people(answer):
                    # an off-list tree asked more than its general care ('菠萝蜜会不会招白蚁 点样种'): no knowledge to
                    # lift the doubt to another entry, as for its other topics (round 34)
                    return _escalate("offlist_topic", candidate=answer)
                return _escalate("not_sure", candidate=answer)  # '证书上面名都写错咗': the intent's words only
            return answer
        added = self._best_entry(norm, species, added_only=True) if self._has_added else None  # 收录 before
        if added and added[1] >= self.threshold and self._covered(norm, self._entry_chars[added[0]], [], strict=True):
            return self._answer(added[0], added[1], "adviser_entry")
        if self._two_trees(mentions, norm) and not self._varieties_of_one(norm, mentions):
            return self._compare_answered(norm, mentions) or _escalate(
                "comparison", note=self._compared(norm, mentions)
            )  # which is better, together, the same? (a person weighs it: round 46)
        if mentions and not species:
            return self._match_offlist(norm, [alias for _, alias in mentions])
        if species:
            return self._match_species(norm, species, [alias for _, alias in written], question)
        rec = self._recommend(norm, question)
        if rec:
            return rec
        best = self._best_entry(norm, None)
        if best and best[1] >= self.threshold:
            if self._agreed(best):
                return self._answer(best[0], best[1], "ranked_agreed")
            if not self._covered(norm, self._entry_chars[best[0]], [], strict=True):
                return _escalate("not_covered", best[1], candidate=self._answer(best[0], best[1], "ranked"))
            if best.score < self._sure and (
                best.score - best.runner_up < self._min_margin or best.cosine_margin <= -self._agree_margin
            ):
                stopped = self._answer(best[0], best[1], "ranked")
                return _escalate("ambiguous", best[1], candidate=stopped)  # two entries about as likely, or two views
            return self._answer(best[0], best[1], "ranked")
        if best is None:
            return _escalate("low_confidence")
        return _escalate("low_confidence", best[1], candidate=self._answer(best[0], best[1], "ranked"))

    def _record_asked(self, norm: str) -> bool:
        """Round 82 (issue 17 §1): a planting told asks for its record ('帮我登记一棵桂花 种在屋前', '三棵荔枝已经种好
        附照片'): a word asking for the record, and no content left beside the trees, the place, the record's words and
        those of who planted when ('支部', '党员'). A bare count ('3棵桂花') stays no question (the project's own set);
        anything else told ('系统只显示一棵', '叶子黄了', '不够数') stays the person's. The place planted is among the
        plain words ([planted_told])."""
        if not self._record_words.search(norm):
            return False
        skip = [*self._tree_spans(norm), *self._record_words.spans(norm), *self._record_plain.spans(norm)]
        return not self._content_chars(norm, skip)

    def _for_a_person(self, norm: str, result: FaqResult) -> bool:
        """Round 46: a question the rules sent to a person that the precedents and the model must not answer: a tree
        pointed at with a bare how ('这棵树怎么弄': no topic), a grievance about a person ('领树苗的时候村干部骂人': near
        questions on the seedlings); round 48: something left that nobody clears away ('党建林旁边堆满了建筑垃圾没人清':
        for the village, not how to plant in rubble, which three precedents on rubble soil agreed on once AL-AO joined),
        and the complaint class's reply that never came (an adviser or the village chases it; the precedents explain how
        long replies take, bot.ticket_wait, which is for a wait asked about, not complained of); round 73: the dispute
        class's too, which holds 投诉 ('问咗专家到而家都冇人理 我想投诉')."""
        if result.reason in ("complaint", "dispute") and nlu.nobody_replied(norm):
            return (
                True  # round 48: a reply that never came, complained of ('上个礼拜问的问题一直没人回'): a person looks
            )
        return bool(_POINTED_AT_RE.match(norm) or _GRIEVANCE_RE.search(norm) or _NOBODY_CLEARS_RE.search(norm))

    def _beyond_situation(
        self, question: str, norm: str, intent: _Intent, species: str | None, named: bool, site: bool, offlist: bool
    ) -> _Intent | None:
        """An intent whose words only tell who asks (``situation``: '不会打字', '在外地打工') gives way to what is asked
        besides (round 30): another intent ('…每户要认种一棵 我不知道去哪里领苗' is the seedlings), a tree's topic
        ('香港的亲戚问我 门口种棵桂花要离屋多远': the tree's card) or a recommendation ('…我孙女帮我打的 请问种什么树好')."""
        other = next((i for i in self._intents if not i.situation and i.matches(norm, named, site, offlist)), None)
        if other is not None:
            return other
        if species and self._topic(norm)[0]:
            return None
        if not species and self._recommend(norm, question):
            return None
        return intent

    def _recommended_over(self, question: str, norm: str, intent: _Intent) -> bool:
        """Round 62 (issue 17 §1): an intent that gives way to a recommendation (``yields``: its ``none`` names the
        recommending words) gives way to what the recommendation reader reads (``_recommend``), not only to its own
        list of asking words: a question that asks which trees for a purpose or a size ('党建林想早些见效 种什么长得快',
        '主题林要种有花香的 有什么建议') is that purpose's list at that place, whichever way it asks. A place alone
        read ('党建林种在哪里') leaves the intent its question."""
        if intent.before_rules:
            return False
        rec = self._recommend(norm, question)
        parts = (rec.entry_id or "").split(".", 1)[1].split("+") if rec else []
        if not intent.yields and not (parts and parts[0] in nlu.SITE_WORDS and len(parts) > 1):
            return False
        return any(p not in nlu.SITE_WORDS for p in parts)

    def _agreed_by_precedents(self, question: str, norm: str, result: FaqResult) -> FaqResult | None:
        """The label the ``nearest`` precedents all give, each at least ``agreed`` close (round 24), whatever the
        matcher found: its answer, an escalation by a rule's class (a symptom, money, land told in a story: '一袋要三十块，
        真的需要吗' is the drip bags) or for a doubt, or small talk. Never for a safety line, an explicit request for
        an adviser, an injury or one's own account (``agreed_never``); an escalation stays the matcher's own (its note), an answer for
        another tree than the one asked is no answer (``_label_answer``). None when they disagree or are not close."""
        if result.reason in self._agreed_never or not self.precedents.labels:
            return None
        if len(norm) < (self._agreed_short if result.reason in _DOUBTS else self._agreed_story):
            return None  # a short question's rule or answer is its point: '砍树要不要办证', '桂花树穴挖多大'
        trees = self._trees(norm)
        near = self._nearest(norm)
        labels = self.precedents.labels
        if (
            len(near) < self._precedent_nearest
            or near[-1][1] < self._agreed_min
            or len({labels[i] for i, _ in near}) > 1
        ):
            return None
        label = labels[near[0][0]]
        if label not in ("escalate", "chitchat") and result.kind == "answer" and self._before_rules(result):
            return None  # round 63: an intent asked before the rules keeps its answer (as from the model, ``_kept_overruled``)
        if label == "escalate":
            if result.kind == "escalate":
                return None  # the matcher's own reason (and note) stays
            return _escalate("precedents", candidate=result if result.kind == "answer" else None)
        if label == "chitchat":
            if nlu.has_substance(norm):
                return None
            return FaqResult("chitchat", "chitchat", "", 0.7, "precedents")
        answer = self._label_answer(label, trees, near, norm)
        if answer is None or (result.kind == "answer" and result.entry_id == answer.entry_id):
            return None  # the matcher's own answer keeps its reason (and a second field it holds)
        # with the witnesses' words, half the question may go unexplained, as for three witnesses of a doubt:
        # '主题林的牌子被风吹跑了' is near 主题林 questions, none of which says 牌子 or 吹
        content = len(self._content_chars(norm, self._tree_spans(norm)))
        witnessed = _Witnessed(question, norm, result, trees, near, content)
        if not self._explained(witnessed, answer, near, self._overrule_slack(content)):
            return None
        return replace(answer, reason="precedents", candidate=None)

    def _symptom_kept(self, norm: str, result: FaqResult, agreed: FaqResult) -> bool:
        """A symptom told of one's own tree (the diagnosis rule) stays with a person although the agreed precedents
        answer it, when the model reads a person by ``[model] symptom`` (round 29: '我种的荔枝去年挂果好多，今年全部
        落花，连续两年这样' is near three questions about when a tree fruits, but it tells a tree's trouble); round 30: so
        do the money, complaint and dispute rules (``[model] symptom_rules``: '村委把买树苗的钱从我家分红里扣了' is
        near three questions on the campaign's funds, but it tells of one household's money). Round 89: a diagnosis of
        a tree said to be one's own (``own_tree_clear``: '我的柚子树叶子黄得一块一块的 会不会是黄龙病') stays whatever
        the model reads, as the model itself may not turn it into a disease's card (round 86)."""
        if result.reason == "diagnosis" and agreed.kind == "answer" and self._own_tree_clear.search(norm):
            return True  # round 89: a sign on one's own tree, as ``_by_model`` keeps it (round 86): no disease's card
        model = self.precedents.model
        if model is None or result.reason not in self._model_symptom_rules or agreed.kind != "answer":
            return False
        label, lead, _ = self._model_reading(model, norm)
        return label == "escalate" and lead >= self._model_symptom

    def _before_rules(self, result: FaqResult) -> bool:
        """An answer of an intent asked before the rules (``before_rules``): the intent's own answer, or an entry only
        intents give (tech.pine_wilt); a ranked entry's answer found by ranking is not (round 44: tech.mosquitoes, asked
        before the rules for 孑孓, is also ranked: '红火蚁咬到' ranked to it is still the model's to read)."""
        entry = result.entry_id or ""
        if entry not in self._before_rules_entries:
            return False
        return result.reason == "intent" or not self.entries[self._by_id[entry]].ranked

    def _by_model(self, question: str, norm: str, result: FaqResult) -> FaqResult:
        """What the model trained on the precedents says (bot/faq_model.py; round 25), over what the rules and
        witnesses found: an answer it reads otherwise becomes its label (another entry, a person, small talk);
        a question escalated for a doubt gets its answer when it leads by ``[model] doubt``, one escalated by a
        rule's class in a story of ``story`` characters when it leads by ``rule``. Never over a safety line, an
        explicit request for a person, an injury or one's own account (``[precedents] agreed_never``), small talk
        the matcher recognised or an adviser's added entry; an answer for one of the reasons ``kept`` only as
        ``_kept_overruled`` says; an answer to fewer than ``short`` characters, or its doubt, only by a lead of
        ``short_lead`` (a doubt's answer, only one that explains the question's words); never to small talk a
        question escalated, nor an answered question about something (round 26)."""
        model = self.precedents.model
        if model is None or result.kind == "chitchat" or result.reason in self._agreed_never:
            return result
        if result.reason == "diagnosis" and _ends_told(question, norm):
            return result  # one's own tree's trouble told last: for a person to look at, whatever else it asks
        if result.reason == "diagnosis" and (
            self._own_tree_clear.search(norm) or self._own_in_sight.search(norm) or self._only_wanted(norm)
        ):
            # round 86: a sign seen on one's own tree ('我嘅柚子树叶黄同斑驳，会唔会系黄龙病'): no disease's card; round 124:
            # nor on those few trees in sight ('党建林那几棵柿子种咗三年都唔开花': not the species' flowering field); round
            # 129: nor no flowers or fruit for years said as a fact ('洋紫荆种了三年都唔开花 系咪种错品种'): the blind
            # writers' ticket, not the flowering field older precedents (sets AV-BK) taught the model
            return result
        label, lead, answer = self._model_reading(model, norm)
        if not label:
            return result
        if answer is not None and answer.entry_id in self._first_aid_entries and self._trees(norm):
            # round 58 (the merge of rounds 58 and 59, whose precedents now say tech.lightning): a danger's advice read
            # where the rules found no danger and a tree is asked of ('打雷之后啲荔枝会唔会多花': the tree's flowers);
            # round 61: over the rules' answer too, not only over their abstention (new entries had moved the model)
            return result
        if result.kind == "answer":
            if answer is not None and answer.entry_id in (result.entry_id, result.also):
                return result
            if self._added(result.entry_id):
                return result  # an adviser's own answer (收录): newer than the precedents
            if label == "escalate" and self._cause_told(
                norm, any(name in self.species for name, _ in self._trees(norm))
            ):
                return result  # round 66: the cause named, no look needed ('霜冻之后新叶全黑了 还救得回吗': tech.cold)
            if label == "escalate" and self._habitual_trouble(norm, result):
                return result  # round 74: a species' habit ('荔枝啲果成日跌'), no tree of one's own: its field
            if result.reason in self._model_kept and not self._kept_overruled(norm, result, label, answer, lead):
                return result  # a topic word read as the entries say
            if answer is None and label != "escalate" and label != "chitchat":
                if lead >= self._model_tree_lead and label.startswith("species.*.") and self._of_people(result):
                    return _escalate("model", candidate=result)  # '章树会生什么虫': a tree's pests, not 学生 (round 26)
                return result  # a label it cannot give here: a recommendation, a field of two trees or of none
            needed = self._model_short_lead
            if answer is not None and _own_field(result.reason, answer.entry_id or "", self._trees(norm)):
                needed = min(needed, self._model_own_field)  # '荔枝抗台风吗，几年结果': its fruiting (round 48)
            if len(norm) < self._model_short and lead < needed:
                return result  # few characters for it to read: '桂花现在能种吗'
            if answer is not None and self._witnessed(norm, result):
                return result  # a close precedent gives the rules' answer: '七月了还是种树的好时候吗' (round 36)
            if answer is not None and self._unchecked_switch(answer, lead):
                return result  # round 97: '新鲜桂花可以直接泡水喝吗' is no voice message (bot.voice by 0.01)
            if label == "chitchat":
                if nlu.has_substance(norm) and nlu.is_question(question):
                    return result  # a question about something is no small talk: '谢谢 桂花几月种' (round 26)
                return FaqResult("chitchat", "chitchat", "", 0.7, "model")
            return _escalate("model", candidate=result) if answer is None else replace(answer, reason="model")
        if label == "chitchat" and result.reason in _DOUBTS and lead >= self._model_small_talk:
            if not (nlu.has_substance(norm) and nlu.is_question(question)):
                return FaqResult("chitchat", "chitchat", "", 0.7, "model")  # '谢谢哈，我去种了': no ticket (round 37)
        if answer is None or _only_lead_in(norm):
            return result  # '补充' alone asks nothing yet (round 29: the model read it as replanting, 补种)
        doubted = result.reason in _DOUBTS or result.reason == "precedents"
        needed = self._model_doubt if doubted else self._model_rule
        if not doubted and len(norm) < self._model_story:
            # a short question's rule is its point ('砍树要不要办证', '叶子发黄是怎么回事'), unless it is a symptom's or
            # money's rule and the model is sure what else it asks (round 27: '李子树生虫点算' is the plum's pests,
            # '保水剂有用吗 贵不贵' the water retainer)
            if (
                result.reason not in self._model_rule_short_reasons
                or self._model_cause.search(norm)
                or not nlu.is_question(question)  # a symptom told, not asked ('白蚁很多'): for a person to look at
                or _ends_told(question, norm)  # '桂花几年开花 要施什么肥 叶子卷起来发黄' (round 28)
            ):
                return result
            needed = self._model_rule_short
        if len(norm) < self._model_short:
            needed = max(needed, self._model_short_lead)  # few characters to read: '补充', '广州到深圳怎么走'
            names = [written for _, written in self._trees(norm)]
            if not _seconds_intent(result, answer) and self.doubt(
                question, answer.entry_id or "", norm, names, also=self._witness_chars(norm, answer)
            ):
                return result  # and what it answers must explain them: '手机话费怎么交' is no new phone (round 26)
        return replace(answer, reason="model") if lead >= needed else result

    def _unchecked_switch(self, answer: FaqResult, lead: float) -> bool:
        """Round 97: the model would move the rules' answer to the bot's own use (``[sure] support_never``, which
        ``_supported`` never holds back) by less than ``[sure] support_lead``: the rules' answer stays, as any other
        answer the model found by so little would have gone to a person."""
        return (answer.entry_id or "").startswith(self.sure.support_never) and lead < self.sure.support_lead

    def _witness_chars(self, norm: str, answer: FaqResult) -> frozenset[str]:
        """The characters of the closest precedents that give ``answer``, each at least ``[model] witness`` close (round
        48): what they say counts as explained
        for a short question the model answers, as the witnesses' words do for the precedents (``_explained``):
        '帮我取消咗个推送' is the reminders switched off, as '怎么取消推送' close to it says, though the entry's own
        phrasings say 关掉提醒 and never 取消 or 推送."""
        label = _any_species(result_label(answer))
        labels, texts = self.precedents.labels, self.precedents.texts
        near = self._nearest(norm)
        return frozenset("".join(texts[i] for i, sim in near if labels[i] == label and sim >= self._model_witness))

    def _dissented(self, norm: str, result: FaqResult, told: bool = False) -> FaqResult:
        """An answer the model, reading the whole question, gives to another label (another entry, a person, small
        talk) by ``[model] dissent`` (``dissent_story`` in a story of ``story`` characters) goes to a person, the answer
        kept as candidate; so does the label the closest precedents agree on (round 35, issue 17 §1: when the top entry
        does not cover what was asked, abstain, never answer with another topic). The rules kept the answer against
        the model (a topic word, an intent's words, the tree's field); on sets AC–AF, each read by a model that had not
        seen it, such answers were wrong 11 times in 12 ('用荔枝核种出来的树，结的果跟原来一样好吗' is no fruiting field,
        '台风吹倒的树横在村道上车过不了' no typhoon advice, its safety line first all the same). Not when the model
        agrees: the same entry or second field, the tree's field a general entry stands for
        (``species_answer.general_entries``: tech.watering_after is the tree's water); nor for a label it cannot give
        here (a field of a tree off the list: no other answer to read). Never under ``short`` characters (the model
        reads too little: '桂花树穴挖多大' is the tree's spacing), for the reasons ``dissent_never`` (a recommendation:
        which trees is asked, the model reads the place's words), a campaign fact's intent told in fewer than ``story``
        characters (``held``, camp.*: '党建林最迟几时要种好' is 2月底, the model reads the whole plan's date; bot.*, the
        account's own use: '上报种树具体怎么操作 一步步说下' is the logging steps, the model reads planting), an intent
        asked before the rules (``before_rules``: '松树一片片变红死' is the pine wilt report) or an adviser's entry."""
        model = self.precedents.model
        if model is None or result.kind != "answer" or result.reason in self._model_dissent_never:
            return result
        if self._added(result.entry_id) or self._before_rules(result):
            return result
        fact = result.reason in self._model_held and (result.entry_id or "").startswith(("camp.", "bot."))
        if len(norm) < self._model_short or (fact and len(norm) < self._model_story):
            return result  # few characters to read ('你是谁'); a campaign fact's point ('主题林几号前要种完')
        label, lead, answer = self._model_reading(model, norm)
        needed = self._model_dissent_story if len(norm) >= self._model_story else self._model_dissent
        if lead < needed or not label:
            return result
        if answer is None and label not in ("escalate", "chitchat"):
            return result  # a label it cannot give here: no reading of what else is asked
        if label == "chitchat" and nlu.has_substance(norm) and nlu.is_question(norm):
            # round 58: thanks before a question ('多谢你 辛苦晒 桂花几时种好') is small talk to the model; the question
            # asked after them is answered, as in ``_by_model`` (round 26), whatever the lead of a retrained model
            return result
        if answer is not None and self._same_reading(result, answer.entry_id or ""):
            return result
        if self._witnessed(norm, result) and not told:
            return result  # a danger told beside its line (``told``, round 46) is the model's to send to a person
        return _escalate("dissent", result.score, candidate=result)

    def _asked_back(self, question: str, norm: str, result: FaqResult) -> FaqResult:
        """An answer the model reads as another entry's keeps that one too (``other``): the reply asks which was meant
        (round 43, handlers/faq.py). Where the two readers disagree after every rule above, the answer was wrong about
        half the time on the sets the model had not seen (AI, AJ, AK), and the model's was the right one most of those
        times. Not when the model's reading leads by less than ``[model] ask_back`` (a near tie: there the rules were
        right 15 times of 23), nor for the rules' answers of ``ask_never`` reasons (a place's recommendation list:
        right 14 times of 16), the same tree's other field or card (but by ``ask_field``: ``_another_field``, round 48),
        another recommendation list (near: either answer serves), an adviser's own entry; never over a safety line (not called there). The same tree's
        other field the model reads by ``answer_field`` or more is the answer, not asked (round 93: on AT-BT, 135 questions
        not asked twice, the model's field was the one meant 86 times of 87 at a lead of 1.0 or more; both answers are the
        tree's own, no other topic). A question going to a person
        only for a doubt (no rule's class) whose answer the model reads by ``ask_doubt`` keeps that answer too: the
        villager is asked whether it is what they meant before a ticket is filed (``_confirmed_first``)."""
        model = self.precedents.model
        if model is not None and result.kind == "escalate":
            return self._confirmed_first(model, question, norm, result)
        if model is None or result.kind != "answer" or result.reason in self._model_ask_never:
            return result
        if result.reason == "intent" and result.entry_id in self._model_ask_never_entries:
            return result
        if self._added(result.entry_id):
            return result
        _label, lead, answer = self._model_reading(model, norm)
        if answer is None or answer.kind != "answer" or answer.entry_id in (result.entry_id, result.also):
            return self._two_asks(question, norm, result)
        if answer.entry_id in self._model_offlist_only and any(name in self.species for name, _ in self._trees(norm)):
            return result  # round 51: '荔枝点种' names a listed tree: never the off-list trees' care (tree names are masked)
        if lead < self._model_ask_back:
            return self._two_asks(question, norm, result)
        mine, theirs = self.answered_as(result_label(result)), self.answered_as(result_label(answer))
        said = self._said_field(norm, mine, theirs)
        if said is not None:  # faq139: the question's own words say which field ('石榴几月熟' is its fruit)
            return result if said == mine else replace(answer, reason="model_field")
        # round 93: the same tree's field the model reads clearly answers; not over the card of a tree asked as a whole
        # ('桂花容易种吗 要晒太阳吗': the card answers whatever follows, round 11)
        overall = mine.endswith(".card") and self._overall.search(norm)
        if not overall and _another_field(mine, theirs, lead, self._model_answer_field):
            return replace(answer, reason="model_field")
        if not self._other_enough(result, answer) and not _another_field(mine, theirs, lead, self._model_ask_field):
            return result
        return replace(result, other=answer)

    def _said_field(self, norm: str, mine: str, theirs: str) -> str | None:
        """faq139 (the sixtieth session; issue 17 §1, asked back; set CW's '石榴几月熟', '香樟种在河边会不会太湿', '石榴单棵
        结果吗'): the rules answer one field of a tree and the model reads another of the same tree, and the question's
        own words (``[topics.*] said``: 熟 or 几月摘 its fruit, 湿, 浸 or 水边 its water, 单棵 its pollination, on the
        card) say one of the two and not the other: that one (``mine`` or ``theirs``), neither asked back nor replaced.
        On CF-CW the fruit asked by 熟 was asked back against the time to plant 8 times, the fruit meant each time; one
        tree alone asked whether it fruits is labelled the card (pollination) 11 times of 11. The rules' field is not
        kept over a card the model reads (the card answers a tree asked as a whole: '橄榄树长得几大，种屋边行不行')."""
        if not (mine.startswith("species.") and near_miss(mine, theirs)):
            return None
        masked = _mask(norm, self._trees(norm))  # a tree's name is no field word ('湿地松')
        own, other = self._field_says(masked, mine), self._field_says(masked, theirs)
        if own and not other and not theirs.endswith(".card"):
            return mine
        return theirs if other and not own else None

    def _field_says(self, masked: str, label: str) -> bool:
        """The question says a word of a topic answered by the field ``label`` (a card: the card topics')."""
        field = label.split(".")[2]
        topics = self._card_topics if field == "card" else {field}
        return any(self._field_said[t].search(masked) for t in topics if t in self._field_said)

    def _asked_first(self, norm: str, result: FaqResult) -> FaqResult:
        """Round 78 (calibration by answer path, ``bench/faq_paths.py``): an answer given outright from a path whose
        answers were wrong a third of the time or more on the development sets is offered first ('您是想问“…”吗？', 1
        gives it, 0 files the ticket: ``_confirmed_first``'s question), never answered outright. Chosen leaving one
        writer's set out on the other fourteen (AT-BH), the same on every split: the answers of ``[model]
        ask_unseconded`` paths (the closest precedents', a ranked entry) the model reads as another entry's answer here
        (wrong 73 % and 69 % of the time; a tree's field read when no tree is named is no other answer: '离屋多远' is
        the house distance, right 14 times of 17), and of ``ask_person_paths`` (the precedents') it reads as a person's
        (56 %). Not over a safety line (not called there), not a question already asked back, a recommendation list
        (``ask_never``) nor an adviser's own entry; small talk read is no question to ask back."""
        model = self.precedents.model
        if model is None or result.kind != "answer" or result.other is not None:
            return result
        if result.reason in self._model_ask_never or self._added(result.entry_id):
            return result
        # the lead's merge (the conversation probes): the bot's own usage entries (bot.*) lead to what they name (one's
        # progress, the care zones) and a statement is no question to offer one for ('上个月落过一次复合肥' in a ticket's
        # window is its 补充): both keep the answer they had
        if (result.entry_id or "").startswith("bot.") or not nlu.is_question(norm):
            return result
        label, _lead, answer = self._model_reading(model, norm)
        if label != "escalate" and (answer is None or answer.kind != "answer"):
            return result  # no reading ('1'), small talk, or a tree's field when none is named ('剪枝剪哪些枝')
        if answer is not None and answer.entry_id in (result.entry_id, result.also):
            return result  # seconded
        paths = self._model_ask_person_paths if label == "escalate" else self._model_ask_unseconded
        return (
            replace(_escalate("not_sure", result.score, candidate=result), other=result)
            if result.reason in paths
            else result
        )

    def _other_enough(self, result: FaqResult, other: FaqResult) -> bool:
        """Two answers different enough to ask which was meant: not one label, a near miss (the same tree's other
        field or card) or two recommendation lists; ``_asked_back`` still asks for the same tree's other field or
        card the model reads by ``[model] ask_field`` (``_another_field``, round 48)."""
        mine, theirs = self.answered_as(result_label(result)), self.answered_as(result_label(other))
        return not (
            mine == theirs
            or near_miss(mine, theirs)
            or (mine.startswith("recommend.") and theirs.startswith("recommend."))
        )

    def _first_part_first(self, question: str, norm: str, result: FaqResult) -> FaqResult:
        """Round 54 (issue 17 §1): two clauses that both ask ('党建林是什么 要种什么树', '桂花几时种 要种几深'), answered
        from the second, while the first alone is a question (``nlu.is_question``: '天咁热去种树' only tells) that an
        intent or a tree's field answers by itself: a careful person answers the first part first. Not a tree's card
        (too general to be what the first part asks: '茄冬树就是秋枫吗 几时种好'), nor over an adviser's entry or a
        danger (not called there)."""
        if result.kind != "answer" or self._added(result.entry_id):
            return result
        clauses = _clauses(question, norm)
        if len(clauses) != 2 or not all(asks for _, _, asks in clauses):
            return result
        start, end, _ = clauses[0]
        said = next(c for c in _CLAUSE_END_RE.split(question) if nlu.normalize(c))  # as written: 咁热 is no 这么
        if not nlu.is_question(said) or _SAME_ASKED_RE.search(norm[start:end]):
            return result  # only told; or two things compared first, the second clause saying which is meant
        first = self._part_matched(norm[start:end])
        if (
            first.kind != "answer"
            or first.other is not None
            or first.safety
            or first.reason not in _FIRST_PART_REASONS
            or first.entry_id in (result.entry_id, result.also)
            or result_label(first).endswith(".card")
        ):
            return result
        return replace(first, reason="first_part")

    def _two_asks(self, question: str, norm: str, result: FaqResult) -> FaqResult:
        """Round 47 (issue 17 §1): a question of two clauses that both ask ('认养怎么弄 有没有证书', '柿子几年结果
        摘下来涩怎么办') whose answer is not what its first clause alone is answered with was answered from its second
        part; the villager is asked which was meant (the first clause's answer is the other). Not after a story of
        more clauses: its first asking clause is still the story's ('我们社区都是高楼，没什么空地，…')."""
        clauses = _clauses(question, norm)
        if len(clauses) != 2 or not all(asks for _, _, asks in clauses):
            return result  # a story before the question: its first asking clause is still the story's
        start, end, _ = clauses[0]
        first = self._part_matched(norm[start:end])
        if first.kind != "answer" or first.other is not None or first.entry_id in (result.entry_id, result.also):
            return result
        if result.also is not None and first.entry_id == result.entry_id:
            return result
        return replace(result, other=first) if self._other_enough(result, first) else result

    def _confirmed_first(self, model: QuestionModel, question: str, norm: str, result: FaqResult) -> FaqResult:
        """``_asked_back`` for a doubt's person: on AI, AJ and AK the model's answer by 0.2 or more was the one meant 30
        times of 33 (under 0.2, 13 of 42). Not for words leading into a question ('补充') nor a question of no content
        ('怎么办': round 51, after AQ joined the precedents the model read poor soil there), nor for a short question's
        answer that does not explain its words (as ``_by_model``: '广州到深圳怎么走' is no planting depth)."""
        if result.reason not in _DOUBTS or _only_lead_in(norm):
            return result
        if not self.uncovered(norm, frozenset(), []):
            return result  # round 51: no content at all ('怎么办', '点算'): nothing to read an answer from
        _label, lead, answer = self._model_reading(model, norm)
        if answer is None or answer.kind != "answer" or lead < self._model_ask_doubt:
            return result
        names = [written for _, written in self._trees(norm)]
        if len(norm) < self._model_short and self.doubt(question, answer.entry_id or "", norm, names):
            return result
        return replace(result, other=answer)

    def _read_twice(self, question: str, norm: str, result: FaqResult) -> FaqResult:
        """Two readings against the rules' answer (round 36, issue 17: the model's reading of 12-20 characters was the
        bottleneck for confident wrongs): when the model reads another label by ``[model] twice`` and the closest
        precedent carries that same label, while none of the ``nearest`` gives the answer, their label stands: its
        answer, a person, or small talk for a question of no substance. Not under ``twice_short`` characters
        ('桂花树穴挖多大', '你是谁', '主题林几号前要种完' stay the rules'), nor for an adviser's entry or an intent asked
        before the rules. On AG '我绑定的是哪个村 能查到吗' is one's own details (bot.my_info), not registering;
        '上传照片要拍成什么样' the photo's requirements, not logging."""
        model = self.precedents.model
        if model is None or result.kind != "answer" or len(norm) < self._model_twice_short:
            return result
        if self._added(result.entry_id) or self._before_rules(result):
            return result
        fact = result.reason in self._model_held and (result.entry_id or "").startswith(("camp.", "bot."))
        if fact and len(norm) < self._model_story:
            return result  # a campaign fact's or the account's own use's point, as for _dissented
        if (result.entry_id or "").endswith(".card") and self._overall.search(norm):
            return result  # the card was asked for ('桂花容易种吗 要晒太阳吗'), as for _field_by_precedents
        label, lead, answer = self._model_reading(model, norm)
        if not label or lead < self._model_twice:
            return result
        if answer is not None and self._same_reading(result, answer.entry_id or ""):
            return result
        near = self._nearest(norm)
        labels = self.precedents.labels
        given = {_any_species(lab) for lab in (result.entry_id, result.also) if lab}
        if not near or labels[near[0][0]] != label or any(labels[i] in given for i, _ in near):
            return result
        if label == "escalate":
            if self._habitual_trouble(norm, result):
                return result  # round 74: a species' habit ('柿树啲果成日未熟就跌'), as for _by_model
            return _escalate("read_twice", result.score, candidate=result)
        if label == "chitchat":
            return result if nlu.has_substance(norm) else FaqResult("chitchat", "chitchat", "", 0.7, "read_twice")
        return result if answer is None else replace(answer, reason="read_twice")

    def _same_reading(self, result: FaqResult, label: str) -> bool:
        """``label`` is the answer ``result`` gives (or its second field), or the tree's field that a general entry
        stands for (``species_answer.general_entries``: 'tech.watering_after' and 'species.荔枝.water')."""
        given = [lab for lab in (result.entry_id, result.also) if lab]
        if label in given:
            return True
        topic_of = self._general_entries.get
        return any(
            (lab.startswith("species.") and topic_of(label) and lab.split(".")[2] == topic_of(label))
            or (label.startswith("species.") and topic_of(lab) and label.split(".")[2] == topic_of(lab))
            for lab in given
        )

    def _safety_by_model(self, norm: str, result: FaqResult, fired: Sequence[SafetyRule] = ()) -> FaqResult:
        """A question a safety rule sent to a person, answered when the model leads by ``[model] safety`` for an
        entry (its safety line stays first): the rule's words were in it, nothing had happened ('高压线下面可不可以种
        果树', '给果树喷农药要戴什么防护 打完多久能摘果吃'; round 27: on V-AA, each read by a model that had not seen
        it, such answers were right 7 times of 7 at that lead, and the model read every incident as one for a person)."""
        model = self.precedents.model
        if model is None:
            return result
        _, lead, answer = self._model_reading(model, norm)
        if lead < self._model_safety or answer is None:
            return result
        # round 49: a danger whose first aid goes under the ticket keeps its ticket ('被黄蜂蜇了 头晕心慌' is no
        # heatstroke: the wasp sting's first aid stays under the number); round 95: its own first aid too — once sets
        # AT-BS joined the precedents the model read '刚才挖坑被蛇咬了' as tech.snakes by 1.5 (their writers' label),
        # and an answer alone leaves nobody to follow the bite
        happened = [rule for rule in fired if rule.escalates(norm)]
        if _first_aid(norm, happened):
            return result
        return replace(answer, reason="safety_model")

    def _answer_by_model(self, question: str, norm: str, result: FaqResult) -> FaqResult:
        """An answer given beside a safety line, another entry's when the model reads it by ``[model] safety`` as
        ``_by_model`` would (round 30: '剪下来的枝条烧掉可以吗' is the prunings, not the cuttings; the fire's line
        first); never a person's or small talk over the line's words."""
        model = self.precedents.model
        if model is None or self._model_reading(model, norm)[1] < self._model_safety:
            return result
        switched = self._by_model(question, norm, result)
        return switched if switched.kind == "answer" else result

    def _model_reading(self, model: QuestionModel, norm: str) -> tuple[str, float, FaqResult | None]:
        """The model's label for the question, its lead over the next, and the answer it stands for here (None for a
        person, small talk, or a label no entry gives for the trees named). Kept for the last questions: a match asks
        it up to five times (``_by_model``, ``_dissented``, ``_read_twice``, ``_asked_back``, the safety guards)."""
        return self._readings_kept.of_table(model, lambda: self._read_by(model, norm), norm)

    def _read_by(self, model: QuestionModel, norm: str) -> tuple[str, float, FaqResult | None]:
        if not _HAN_CHAR_RE.search(norm):
            # round 48: no word to read ('1'): its reading moved with each retraining, once to small talk
            return "", 0.0, None
        trees = self._trees(norm)
        label, lead = model.predict(_mask(norm, trees))
        if label in ("", "escalate", "chitchat"):
            return label, lead, None
        return label, lead, self._label_answer(label, trees, norm=norm)

    def _kept_overruled(self, norm: str, result: FaqResult, label: str, answer: FaqResult | None, lead: float) -> bool:
        """A topic word's answer (``kept``) the model overrules: for another answer to a question of ``short``
        characters or more by ``kept_switch`` (a short question's topic word is its point: '木棉花是什么颜色'; round 26:
        on V, W, X, Y and Z, each read by a model that had not seen it, such switches of a species field, a card or
        a technique intent were right 15 times and wrong once at that lead), for a person by ``kept_lead``; an
        intent's answer (``held``) never for a person, and never at all when it is a campaign fact or the bot's
        own use ('今年村里有冇树苗领' is camp.seedlings, '主题林几号前要种完' camp.deadlines, whatever it says)."""
        if result.reason in self._model_held and self._of_people(result):
            return False
        if label == "escalate":
            return lead >= self._model_kept_lead and result.reason not in self._model_held
        if answer is None or (result.reason == "species_topic" and not (answer.entry_id or "").startswith("species.")):
            return False  # a tree's field its topic word named is more than the general technique ('秋枫…多久浇一回水')
        if result.reason == "recommend":
            return False  # which trees was asked: a technique names none (round 30: '河堤斜坡种什么好，要根深的')
        if self._before_rules(result):
            return False  # round 63: an intent asked before the rules is read by its own words (as ``_dissented``)
        return lead >= self._model_kept_switch and len(norm) >= self._model_short and not self._witnessed(norm, result)

    def _witnessed(self, norm: str, result: FaqResult) -> bool:
        """Under ``story`` characters, one of the ``nearest`` precedents, at least ``[model] witness`` close, gives
        ``result``'s answer (its second field, or any tree's same field): the model's reading of another label is
        not taken, neither to switch the answer nor to send it to a person (round 36: the model reads 12-20
        characters poorly; '营养袋苗种之前要不要剪枝' is pruning before planting, as a precedent 0.6 close says, the model
        read the container seedling by 0.62; '七月了还是种树的好时候吗' is late planting, the model read the window by
        0.001)."""
        if len(norm) >= self._model_story or not self.precedents.labels or result.reason == "precedents":
            return False  # an answer the precedents gave is no witness of itself
        labels = {_any_species(lab) for lab in (result.entry_id, result.also) if lab}
        near = self._nearest(norm)
        return any(self.precedents.labels[i] in labels and sim >= self._model_witness for i, sim in near)

    def _of_people(self, result: FaqResult) -> bool:
        """An answer about the campaign's people and the bot (camp.*, bot.*), not about growing trees (tech.*, a
        species, the off-list trees' entry)."""
        entry_id = result.entry_id or ""
        return entry_id.startswith(("camp.", "bot.")) and entry_id != self.matching["offlist"]["entry"]

    def _added(self, entry_id: str | None) -> bool:
        entry = self.entry(entry_id) if entry_id else None
        return entry is not None and entry.source == "added"

    def _by_precedents(self, question: str, norm: str, result: FaqResult) -> FaqResult | None:
        """The answer the precedents closest to the question give, if any (``[precedents]``), for a question the
        matcher escalated, when none of the ``nearest`` was for an adviser: by three witnesses first
        (``_by_three_witnesses``), else by the closest one or two (``_by_two_witnesses``). Whichever answers, with
        the witnesses' words the answer must explain the question (``_explained``)."""
        content = self._content_chars(norm, self._tree_spans(norm))
        if not content:
            return None  # '这棵树怎么弄': nothing for a witness to recognise
        trees = self._trees(norm)  # once: finding homophones is the costly part of masking, asking, doubting
        labels = self.precedents.labels
        near = self._nearest(norm)
        if not near or any(labels[i] == "escalate" for i, _ in near):
            return None
        witnessed = _Witnessed(question, norm, result, trees, near, len(content))
        three = self._by_three_witnesses(witnessed)
        if three is not None or self._three_overrule(witnessed):
            return three  # three witnesses that may overrule decide, also to keep the question with a person
        return self._by_two_witnesses(witnessed)

    def _three_overrule(self, w: _Witnessed) -> bool:
        """Escalated for being unsure or by a class of ``overrule_rules``, and all the nearest precedents agree as
        closely as ``overrule`` asks (``_overruled``)."""
        return (w.result.reason in _DOUBTS or w.result.reason in self._overrule_rules) and self._overruled(w.near)

    def _by_three_witnesses(self, w: _Witnessed) -> FaqResult | None:
        """All the nearest precedents agree:
        - on small talk, for a question escalated only for being unsure that speaks of nothing the campaign deals
          with (round 22: '唔该晒你', '你讲得好清楚呀多谢');
        - on the answer the matcher itself found and a doubt stopped, the closest at ``second_all`` (round 21);
        - on any label, each as close as ``overrule`` asks (``_overruled``, round 19), whatever was stopped, also for
          the rule classes of ``overrule_rules`` (round 20: a neighbour told in a story is no dispute), never with a
          rule's note (``_ranked``);
        then half the question's words may go unexplained (``_overrule_slack``: '主题林的牌子被风吹跑了' stays with a
        person)."""
        reason, stopped, near = w.result.reason, w.result.candidate, w.near
        label = self.precedents.labels[near[0][0]]
        slack = self._overrule_slack(w.content_chars)
        if label == "chitchat" and reason in _DOUBTS and self._overruled(near) and not nlu.has_substance(w.norm):
            return FaqResult("chitchat", "chitchat", "", 0.7, "precedents")
        seconded = stopped is not None and _any_species(stopped.entry_id or "") == label
        if stopped is not None and seconded and reason in _DOUBTS and self._seconded_by_all(near):
            if self._explained(w, stopped, near, slack):
                return replace(stopped, reason="precedents", candidate=None)
        if not self._three_overrule(w):
            return None
        answer = stopped if seconded else self._label_answer(label, w.trees, near, w.norm)
        if answer is None or not self._explained(w, answer, near, slack):
            return None
        if reason not in _DOUBTS and not self._ranked(answer):
            return None  # a rule's note ('砍树要不要办证' read as a dispute, near felling): its own rule decides
        return replace(answer, reason="precedents", candidate=None)

    def _by_two_witnesses(self, w: _Witnessed) -> FaqResult | None:
        """The closest precedents
        - second the answer a doubt or a rule's class stopped (``result.candidate``; a species field: of any
          species): the closest one clearly (``one``), or the two closest both (``two``); or
        - the matcher was only unsure (``_DOUBTS``) with no answer in mind or only one below the threshold
          (``low_confidence``), and the two closest agree on another entry (``propose_one``, ``propose_two``; a
          species field: of the one tree asked about; an intent or a species field the doubt stopped is only
          ever seconded: '黄花风铃木种下去要不要插竹竿' is staking, though near questions on off-list trees);
        and with the agreeing precedents' words, the answer explains the question but ``unexplained_slack`` more
        characters than ``[sure]`` allows ('主题林的牌子被风吹跑了' is near questions on 主题林, none of which says 牌子
        or 吹; two topics asked stay two)."""
        labels, stopped, reason = self.precedents.labels, w.result.candidate, w.result.reason
        label = labels[w.near[0][0]]
        agreeing = [(i, similarity) for i, similarity in w.near[:2] if labels[i] == label]
        closest, second = agreeing[0][1], (agreeing[1][1] if len(agreeing) > 1 else 0.0)
        answer: FaqResult | None
        if stopped is not None and _any_species(stopped.entry_id or "") == label:
            answer = stopped
            enough = closest >= self._precedent_one or second >= self._precedent_two
        elif reason in _DOUBTS and (stopped is None or reason == "low_confidence"):
            answer = self._label_answer(label, w.trees, w.near, w.norm)
            enough = closest >= self._propose_one and second >= self._propose_two
        else:
            return None
        if answer is None or not enough or not self._explained(w, answer, agreeing, self._precedent_slack):
            return None
        return replace(answer, reason="precedents", candidate=None)

    def _explained(self, w: _Witnessed, answer: FaqResult, witnesses: list[tuple[int, float]], slack: int) -> bool:
        """With the witnesses' words, the answer explains the question (``doubt`` finds nothing) but ``slack``
        more characters."""
        words = frozenset("".join(self.precedents.texts[i] for i, _ in witnesses))
        names = [written for _, written in w.trees]
        return not self.doubt(w.question, answer.entry_id or "", w.norm, names, also=words, slack=slack)

    def _overruled(self, near: list[tuple[int, float]]) -> bool:
        """The nearest precedents all give one label, each at least as close as ``[precedents] overrule`` asks
        (round 19): enough witnesses to answer that label for a question escalated only for being unsure (or by a
        rule class of ``overrule_rules``, round 20), whatever answer the doubt stopped; the doubt's check of the
        words then allows a share of the question unexplained (``_overrule_slack``)."""
        labels = self.precedents.labels
        return len(near) >= len(self._overrule) and all(
            labels[i] == labels[near[0][0]] and similarity >= floor
            for (i, similarity), floor in zip(near, self._overrule, strict=False)
        )

    def _seconded_by_all(self, near: list[tuple[int, float]]) -> bool:
        """All the nearest precedents give one label, the closest at least ``[precedents] second_all`` (round 21):
        with the answer the matcher itself found and a doubt stopped, three witnesses are enough when half the
        question's words are explained, as for ``overrule`` ('今年秋天大旱…新栽的树怎么才能保住': the drought entry)."""
        labels = self.precedents.labels
        return (
            len(near) >= self._precedent_nearest
            and near[0][1] >= self._second_all
            and all(labels[i] == labels[near[0][0]] for i, _ in near)
        )

    def _ranked(self, answer: FaqResult) -> bool:
        """An answer the matcher may give on its own: a species field, or an entry not kept as a rule's note
        (``ranked = false``: felling, land)."""
        entry = self._by_id.get(answer.entry_id or "")
        return entry is None or self.entries[entry].ranked

    def _overrule_slack(self, content_chars: int) -> int:
        """How many more unexplained characters three agreeing witnesses allow: ``unexplained_slack``, or a share
        of the question's content characters if more (a long story has words no answer explains; in
        '主题林的牌子被风吹跑了' most of what is said is not about 主题林)."""
        return max(self._precedent_slack, int(self._overrule_share * content_chars))

    def _field_by_precedents(self, norm: str, card: FaqResult) -> FaqResult | None:
        """One field of the species, not its card, when the question did not ask about the tree as a whole
        (``[topics.card] overall``) and no field's topic word told the matcher what was asked, but the two
        closest precedents agree on that field (``field_one``, ``field_two``): '簕杜鹃种在围墙边爬上去可以吗' is
        where to plant it (sites), as near questions say."""
        if self._overall.search(norm):
            return None  # the card was asked for: '杨梅值不值得种 几年结果'
        species = (card.entry_id or "").split(".")[1]
        near = self._nearest(norm)
        labels = self.precedents.labels
        if len(near) < 2 or labels[near[0][0]] != labels[near[1][0]]:
            return None
        label = labels[near[0][0]]
        if not label.startswith("species.*.") or label == "species.*.card":
            return None
        if near[0][1] < self._field_one or near[1][1] < self._field_two:
            return None
        topic = label.split(".")[2]
        text = self._species_topic_text(species, topic)
        return FaqResult("answer", f"species.{species}.{topic}", text, 0.7, "precedents") if text else None

    def _label_answer(
        self, label: str, mentioned: Sequence[tuple[str, str]], near: Sequence[tuple[int, float]] = (), norm: str = ""
    ) -> FaqResult | None:
        """The answer of a precedent's label: an entry (one about a species only for that species: precedents
        have their trees masked), or a species field of the one campaign tree asked about (``mentioned``: every tree
        named, ``_trees``). The off-list trees' entry is no answer to a question naming no tree when every witness
        (``near``) named one (round 38: '今年种的树没人检查算不算' is near '□□算不算', questions whose point was the
        masked tree, as the 算不算 intent's ``needs_tree`` says; '种澳洲的树可以吗' is near unmasked ones). A recommendation's
        label is its list (round 39, ``_recommendation_of``) when no tree is named and the place the question names
        (``norm``) is the label's."""
        trees = {name for name, _ in mentioned if name in self.species}
        offlist = label == self.matching["offlist"]["entry"]
        if offlist and near and not mentioned and all(_MASK in self.precedents.texts[i] for i, _ in near):
            return None
        if label in self._by_id:
            entry = self._by_id[label]
            if self.entries[entry].species and self.entries[entry].species not in trees:
                return None  # '荔枝怎么脱涩' is near '柿子怎么脱涩'
            if trees and label == self.matching["offlist"]["entry"]:
                return None  # '公家路边种几棵龙眼得唔得' is near '种几棵芒果得唔得', masked alike: 龙眼 is on the list
            return self._answer(entry, 0.7, "precedents")
        if label.startswith("recommend."):
            site, parts = self._rec_site(norm), label.removeprefix("recommend.").split("+")
            if mentioned or (site and parts[0] != site):
                return None  # which trees, when none is named, for the place the question names ('院里…结果好看的')
            if norm and not site and parts[0] in nlu.SITE_WORDS and parts[1:]:
                # round 67 (set BB): no place gained that the question does not say ('想种棵有果食嘅树' is the fruit
                # trees, not the house's): the label's purpose or size without its place (a place alone stays: the
                # question may name it in words no reader knows, '村前条河两边')
                label = "recommend." + "+".join(parts[1:])
            if not label.endswith("+small") and norm and self._small_tree.search(norm):
                # round 65: the size the question says kept ('矮篱笆用乜嘢' read as the hedge list): its small trees
                return self._recommendation_of(label + "+small") or self._recommendation_of(label)
            return self._recommendation_of(label)
        if not label.startswith("species.*.") or len(trees) != 1:
            return None  # chit-chat; no tree, or two
        species, topic = trees.pop(), label.split(".")[2]
        text = self._card(species) if topic == "card" else self._species_topic_text(species, topic)
        return FaqResult("answer", f"species.{species}.{topic}", text, 0.7, "precedents") if text else None

    def _tree_spans(self, norm: str) -> list[tuple[int, int]]:
        """Where tree names (as written) and look-alikes (泥石流) are: no misheard topic word there."""
        trees = nlu.find_all_species(norm, self.species, self._offlist_names)
        return [span for _, written in trees for span in _spans_of(norm, written)] + [
            m.span() for m in self._not_trees.finditer(norm)
        ]

    # -- sure enough to answer? (``[sure]``; calibrated by bench/faq_calibrate.py)

    def doubt(
        self,
        question: str,
        label: str,
        norm: str | None = None,
        names: list[str] | None = None,
        also: frozenset[str] = frozenset(),
        slack: int = 0,
    ) -> str | None:
        """Why answering ``question`` with ``label`` is not sure, or None. ``label`` is an entry an intent
        found, or a species' answer ``species.<name>.<topic>`` (``card``). 'unexplained': more of the
        question's content characters than ``[sure]`` allows are in neither the answer nor its phrasings
        ('我张证书上面名都写错咗': 证书, but the question is about 写错); 'two_topics': a species field answers
        one of two things asked ('杨梅几年结果 要不要公树母树一起种'). ``norm`` and ``names`` (the trees as
        written) when the caller has them; ``also``: characters that count as explained too, and ``slack`` more
        unexplained ones allowed (for precedents that second the answer)."""
        if norm is None:
            norm = self._fixed(question)
        if names is None:
            names = [written for _, written in self._trees(norm)]
        named = [span for written in names for span in _spans_of(norm, written)]
        topic, topic_spans = self._topic(norm, hide=named)
        skip = named + topic_spans
        # the words that told an intent are what it answers; clauses that ask none of them only tell the story,
        # unless the story holds the words of another intent the question matches ('外婆不会用手机' of 代种)
        told = [] if label.startswith("species.") else self._intent_spans(norm, label)
        story = _story_spans(question, norm, skip + (told if 0 < self.sure.story_chars <= len(norm) else []))
        if (
            told
            and story
            and any(
                s <= start and end <= e for start, end in self._intent_spans(norm, label, others=True) for s, e in story
            )
        ):
            story = _story_spans(question, norm, skip)
        skip += story
        if label.startswith("species."):
            _, species, asked = label.split(".")
            asked_topic = None if asked == "card" else asked
            text = (
                self._card(species, cautions=True)
                if asked_topic is None
                else self._species_topic_text(species, asked_topic)
            )
            chars = frozenset(nlu.normalize((text or "") + self._card_text(species))) | also
            if asked_topic is None:
                skip += self._overall.spans(norm)  # round 74: the card asked for as a whole ('我舅父想种橄榄')
            unexplained = self.uncovered(
                norm, chars | self._usual_chars.get(asked_topic or topic or "", frozenset()), skip
            )
            if len(unexplained) > self.sure.species_unexplained + slack:
                return "unexplained"
            # asked what the tree is after a story: a topic word only told there is not a second question
            if asked_topic is None and self._overall.search(norm):
                return None  # '石榴好唔好种 种喺院子得唔得': the card is the answer to both
            story = _story_spans(question, norm, named + topic_spans) if asked_topic is None else []
            return "two_topics" if self._two_topics(question, norm, named + story, asked_topic) else None
        skip += told
        if label.startswith("recommend."):  # a recommendation the precedents or the model read (round 39): its text
            rec = self._recommendation_of(label)
            chars = frozenset(nlu.normalize(rec.answer_text)) if rec else frozenset()
            unexplained = self.uncovered(norm, chars | also, skip)
            return "unexplained" if len(unexplained) > self.sure.intent_unexplained + slack else None
        unexplained = self.uncovered(norm, self._entry_chars[self._by_id[label]] | also, skip)
        if len(unexplained) > self.sure.intent_unexplained + slack:
            return "unexplained"
        return None

    def _intent_spans(self, norm: str, entry: str, others: bool = False) -> list[tuple[int, int]]:
        """Where the words are that make an intent for ``entry`` match ('喷除草剂要戴手套吗': 除草剂, 戴); with
        ``others``, those of the intents for any other entry that match. One pass over the intents."""
        return [
            span
            for intent in self._intents
            if (intent.entry != entry if others else intent.entry == entry)
            and all(g.search(norm) for g in intent.groups)
            for group in intent.groups
            for span in group.spans(norm)
        ]

    def _one_name_per_tree(self, norm: str, mentions: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """A variety written right before its species' own name ('石硖龙眼', '糯米糍荔枝', '东魁杨梅') is one
        tree; two varieties side by side ('金桂银桂') stay two."""
        related = {name: set(self.species.get(name, {}).get("related", [])) for name, _ in mentions}
        prefixes = {
            a
            for name, a in mentions
            for other, b in mentions
            if other == name and a != b and b not in related[name] and a + b in norm
        }
        return [(name, written) for name, written in mentions if written not in prefixes]

    def _trees_asked(self, question: str, norm: str, mentions: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Of two trees, the one asked about when the other is only in the story told first and the clauses
        that ask name one tree and a topic ('屋前有棵大龙眼遮住半边 我想喺旁边种棵白榄 橄榄怕唔怕阴': 橄榄),
        and not the two together (``[escalate] together``: '我种了荔枝 龙眼可以种在旁边吗'); else all of them
        (a comparison: '桂花同荔枝种埋一齐得唔得')."""
        if not self._two_trees(mentions, norm):
            return mentions
        clauses = _clauses(question, norm)
        if any(
            self._comparer.alternative.search(norm[s:e]) and any(written in norm[s:e] for _, written in mentions)
            for s, e, _ in clauses[1:]
        ):
            # '院子里种荔枝会不会太大，还是种石榴好': the other tree offered, both compared (left123); a 还是 meaning
            # 'still' names no tree ('…，还是不结果')
            return mentions
        asking = [(s, e) for s, e, asks in clauses if asks]
        story = [(s, e) for s, e, asks in clauses if not asks]
        if not asking or not story:
            return mentions

        def in_asking(written: str) -> bool:
            return any(
                s <= start and start + len(written) <= e for start, _ in _spans_of(norm, written) for s, e in asking
            )

        asked = [(name, written) for name, written in mentions if in_asking(written)]
        if not asked or self._two_trees(asked, norm) or any(self._together.search(norm[s:e]) for s, e in asking):
            return mentions  # '我种了荔枝 龙眼可以种在旁边吗': the two together
        named = [span for _, written in asked for span in _spans_of(norm, written)]
        return asked if self._topic(norm, hide=named + story)[0] else mentions

    def _two_trees(self, mentions: list[tuple[str, str]], norm: str) -> bool:
        """Two different trees, or two names of one where one is really another species or a variety, asked
        how they compare (红花羊蹄甲 and 洋紫荆, 妃子笑 and 桂味): the species' card cannot say how they differ.
        A variety and its species told together ('妃子笑种几年先有荔枝食') is the species."""
        if len({name for name, _ in mentions}) > 1:
            return True
        written = {alias for _, alias in mentions}
        related = set(self.species.get(mentions[0][0], {}).get("related", [])) if mentions else set()
        if len(written & related) > 1:
            return True  # two varieties: '金桂银桂'
        return len(written) > 1 and bool(written & related) and bool(_COMPARE_RE.search(norm))

    def _varieties_of_one(self, norm: str, mentions: list[tuple[str, str]]) -> bool:
        """Round 104 (issue 17 §1): two varieties or names of ONE tree of the list compared ('四季桂同金桂边个香',
        '宫粉紫荆和红花羊蹄甲有什么区别') are that tree's question when its entry holds them: a field of the species names
        one of the varieties compared (``_variety_field``: 桂花's flowering '四季桂一年多次开花', 洋紫荆's '红花羊蹄甲11月
        到来年3月开花'). The sets' labellers read its card or the field asked (114 of 125 such precedents). Varieties the
        knowledge only lists as names (round 90's reason), two trees, or one off the list stay a comparison, the
        adviser's. Helper faq137 (issue 17 §1, set CW): the cards of 荔枝, 龙眼 and 橄榄 now say how their varieties
        differ ('妃子笑同桂味有乜唔同': the card); varieties weighed for money, grown together or told in trouble
        (``[compare] person``, ``together``, ``symptom``: '妃子笑和桂味种在一起会不会互相影响') stay the adviser's, as two
        trees do (bot/faq_compare.py)."""
        names = {name for name, _ in mentions}
        if len(names) != 1 or next(iter(names)) not in self.species:
            return False
        comparer = self._comparer
        if comparer.person.search(norm) or comparer.together.search(norm) or comparer.symptom.search(norm):
            return False
        return self._variety_field(next(iter(names)), [written for _, written in mentions]) is not None

    def _compare_answered(self, norm: str, mentions: list[tuple[str, str]]) -> FaqResult | None:
        """Round 117 (issue 17 §1): two trees of the list compared on what both species cards hold ('香樟同秋枫边个
        大得快'): both trees' field side by side, no ticket (bot/faq_compare.py says when a person still weighs it).
        Labelled as the first tree's field, ``also`` the second's, ``compared`` every label the reply answers."""
        names = list(dict.fromkeys(name for name, _ in mentions if name in self.species))
        hide = [span for _, alias in mentions for span in _spans_of(norm, alias)]
        masked = norm
        for start, end in hide:
            masked = masked[:start] + _MASK * (end - start) + masked[end:]
        sites_label = self.matching["species_answer"]["sites_label"]
        reply = self._comparer.compared(
            masked,
            names,
            self._topic(norm, hide)[0],
            nlu.find_site(masked),
            self.matching["topics"],
            self.species,
            lambda info, name: _species_field(info, name, sites_label),
            lambda name: display_name(self.species, name),
            self.matching["species_answer"]["compare_answer"],
        )
        if reply is None:
            return None
        first, second = reply.labels[:2]
        return FaqResult("answer", first, reply.text, 0.9, "compared", also=second, compared=reply.labels)

    def _compared(self, norm: str, mentions: list[tuple[str, str]]) -> str:
        """Two trees of the list compared ('荔枝和龙眼哪个结果快'): under the ticket's number, the field asked of each
        from species.toml (the kind and use when no field is asked), so the villager reads both cards' facts while an
        adviser weighs them (round 46, issue 17 §1: never one tree's card nor another topic's answer)."""
        names = list(dict.fromkeys(name for name, _ in mentions if name in self.species))[:2]
        if len(names) < 2:
            return ""  # two names of one tree, or a tree off the list: what they share is the adviser's
        hide = [span for _, alias in mentions for span in _spans_of(norm, alias)]
        topic = self._topic(norm, hide)[0]
        spec = self.matching["topics"].get(topic or "", {})
        fields = [] if spec.get("card") else list(spec.get("fields", []))
        answer = self.matching["species_answer"]
        lines = []
        for name in names:
            info = self.species[name]
            text = "；".join(p for p in (_species_field(info, f, answer["sites_label"]) for f in fields) if p)
            if not text:
                text = "；".join(p for p in (info.get("type", ""), info.get("use", "")) if p)
            lines.append(f"{display_name(self.species, name)}：{text}")
        label = spec.get("label", "") if fields else ""
        return answer["compare"].strip().format(label=f"（{label}）" if label else "", lines="\n".join(lines))

    def _trees(self, norm: str) -> list[tuple[str, str]]:
        """(name, as written) of every tree mentioned, in order: campaign species by their canonical name,
        also when voice input wrote a homophone ('利枝', '木绵'); trees off the list ('芒果') by what was
        written. Kept for the last questions: a match asks it of one text up to three times (the rules, the
        precedents, their doubt), and finding homophones is the costly part."""
        # request threads share the index: a plain dict, emptied when full (bot/kept.py)
        return list(self._trees_kept.get_or_make(norm, lambda: tuple(self._trees_found(norm))))

    def _nearest(self, norm: str) -> list[tuple[int, float]]:
        """The ``[precedents] nearest`` precedents closest to the question, its trees masked: (precedent, cosine),
        closest first. Kept for the last questions, by the precedents' n-grams (bench/faq_eval.py replaces them set by
        set): a match asks them up to five times (the witnesses, a field's and a card's, the model's guards)."""
        masked = _mask(norm, self._trees(norm))
        ngrams = self.precedents.ngrams
        return self._nearest_kept.of_table(
            ngrams, lambda: self.precedents.nearest(masked, self._precedent_nearest), masked
        )

    def _trees_found(self, norm: str) -> list[tuple[str, str]]:
        found = [
            (norm.find(written), name, written)
            for name, written in nlu.find_all_species(norm, self.species, self._offlist_names)
        ]
        taken = [span for _, name, written in found if name in self.species for span in _spans_of(norm, written)]
        taken += [m.span() for m in self._look_alikes.finditer(norm)]
        offlist = [span for _, name, written in found if name not in self.species for span in _spans_of(norm, written)]
        for name, written, start in nlu.find_sound_alike_species(norm, self.species, taken):
            end = start + len(written)
            inside = [(s, e) for s, e in offlist if s < end and start < e]
            # a homophone may not be taken from a tree off the list ('紫薇'), unless it is a longer name holding
            # it whole ('大爷紫薇' is 大叶紫薇): then that is the tree
            if all(start <= s and e <= end and e - s < end - start for s, e in inside):
                found = [f for f in found if not (start <= f[0] and f[0] + len(f[2]) <= end)]
                found.append((start, name, written))
        return [(name, written) for _, name, written in sorted(found, key=lambda f: f[0])]

    # -- questions for people

    def _told(self, question: str, norm: str) -> str:
        """``norm`` with what it only fears blanked (safety.toml's ``feared`` frames), each clause by itself: a fear
        ends where the villager paused (round 47: '门口的老樟树好大 台风时怕压到屋 能不能砍掉' fears the typhoon and
        asks to fell the tree; the frame read across the pause took 能不能砍掉 as feared too)."""
        spans = _clauses(question, norm)
        if not spans:
            return self._feared.blanked(norm)
        return "".join(self._feared.blanked(norm[start:end]) for start, end, _ in spans)

    def _escalation(
        self, norm: str, species: str | None, fired: list[SafetyRule], question: str = ""
    ) -> FaqResult | None:
        # round 51: '问专家一般多久回复' asks how long the adviser takes (bot.ticket_wait), no ticket of its own
        # round 54: 问专家 alone asks how to ask one (bot.advisers; the chat's own route asks for the question first)
        # round 82 (issue 17 §1, BL's '问专家怎么问'): so does 问专家 with only a how after it (``nlu.expert_how_asked``)
        if (
            norm.startswith("问专家")
            and norm != "问专家"
            and not nlu.expert_wait_asked(norm)
            and not nlu.expert_how_asked(norm)
        ):
            return _escalate("asked_expert")
        happened = [rule for rule in fired if rule.escalates(norm)]
        own = {rule.self_entry for rule in happened if rule.self_asked.search(norm)}
        if happened and len(own) == 1 and all(rule.self_entry in own for rule in happened) and own <= set(self._by_id):
            # round 61: only asked whether to do it oneself, nobody hurt: the line and the rule's entry answer
            return self._answer(self._by_id[own.pop()], 0.8, "safety_self")
        if happened:
            # what to do meanwhile goes under the ticket's number (round 46: a lime burn rinsed, a fall not moved)
            aid = _first_aid(norm, happened)
            if aid in self._by_id and all(rule.aid_answers(norm, aid) for rule in happened):
                # round 116: first aid done at once, which every blind set's writers label the entry: answered, the line
                # first, no ticket; who pays or is liable keeps the ticket ('种树摔伤了 医药费谁出': ``aid_unless``)
                return self._answer(self._by_id[aid], 0.8, "safety_aid")
            return _escalate(
                "safety", note=self.entries[self._by_id[aid]].answer if aid else "", note_entry=aid or None
            )
        before = next(
            (i for i in self._intents if i.before_rules and i.matches(norm, species is not None, False, True)), None
        )
        if before is not None:
            for cls_ in self._classes:
                if (
                    cls_.over_intents
                    and cls_.over_intents.search(norm)
                    and cls_.words.search(norm)
                    and not cls_.unless.search(norm)
                ):
                    # round 70: one's own request of the village (a favour, leaving half way, a fine found unfair) is
                    # the village's to decide, whatever an intent asked before the rules reads ('卖木材被罚款 不合理')
                    return _escalate(cls_.name, note=cls_.note)
            if before.entry.startswith("tech.") and self._own_trouble(question, norm, species):
                # helper faq135 (set CU: '我这棵龙眼去年环割之后一直没长新叶', '我那片松林有几棵红了 谁来检测'): a trouble
                # seen on one's own tree is the adviser's whatever the intent asked before the rules reads; its entry's
                # answer goes under the ticket's number (the card as a supplement, never the answer); a campaign fact asked
                # about the trouble stays its answer ('我们队种的树死了好多 村里会不会被通报扣分': camp.points_rewards)
                return _escalate(
                    "diagnosis", note=self.entries[self._by_id[before.entry]].answer, note_entry=before.entry
                )
            return None  # '山上松树一片片红了枯死 要找谁': pine wilt is reported, not one tree's symptom (round 27)
        if any(rule.person and rule.entry for rule in fired):
            return None  # round 49: a person's body first ('砍了一棵树 手上全部起红疹很痒': the rash, not felling)
        told = self._told(question, norm)  # what the question tells has happened or is wanted
        for cls_ in self._classes:
            if cls_.words.search(told if cls_.feared_is_none else norm) and not cls_.unless.search(norm):
                if not cls_.note_entry:
                    return _escalate(cls_.name, note=cls_.note)
                # the rule's entry: under the ticket's number, or the answer when precedents second it
                # ('耕地可以种树吗' is asked in general; '我家那块基本农田…' is one plot: a person)
                rule = self._answer(self._by_id[cls_.note_entry], 0.8, cls_.name)
                general = not self._own_tree.search(norm)
                if (
                    general
                    and cls_.answers_general is not None
                    and not cls_.answers_general.search(norm)
                    and not self._other_class(cls_.general_told.blanked(told), cls_.general_told.blanked(norm), cls_)
                ):
                    return rule  # round 61: '党建林的桃子结果了归谁' is camp.fruit_picking's answer, which sends to the village
                return _escalate(
                    cls_.name, note=rule.answer_text, candidate=rule if general else None, note_entry=cls_.note_entry
                )
        causes = not fired and nlu.is_question(question)  # round 66: not with a danger here, nor a trouble only told
        # round 77: the weather named: asked under its own calm line (the typhoon's, whose entry answers), or a trouble
        # only told of no tree of one's own ('冰雹过后叶子穿了好多洞'), is its entry's too
        weather = self._weather_asked(question, norm, fired)
        if (
            (causes or (not fired and self._kind_of_trouble(question, norm, told)))
            and species is not None
            and len({name for name, _ in self._trees(norm)}) == 1
            and self._pests_told(norm)
            and self._is_diagnosis(norm, named=True, told=told, causes=False)
        ):
            # round 66: insects on a listed tree told in general ('樟树叶子被虫吃光'), which the symptom rule had sent to a
            # person: its pests field, whatever a technique entry's words rank (they had given 三角梅's insects the ants'
            # entry); another topic asked besides ('…仲有虫 系唔系要疏果') keeps the ticket
            named = [span for name, alias in self._trees(norm) for span in _spans_of(norm, alias)]
            text = self._species_topic_text(species, "pests")
            if (
                not text
                or self._topic(norm, hide=named)[0] != "pests"
                or self._other_topic(question, norm, named, "pests")
            ):
                return _escalate("diagnosis")
            return FaqResult("answer", f"species.{species}.pests", text, 0.8, "pests_told")
        if (
            (causes or weather)
            and self._cause_named.search(norm)
            and self._is_diagnosis(norm, named=species is not None, told=told, causes=False)
        ):
            # round 66: a cause named lifts the symptom rule for the cause's entry only, a technique: a campaign fact the
            # words rank first keeps the ticket ('刮台风把果树吹倒了还能救吗' had become camp.insurance)
            best = self._best_entry(norm, species)
            if best is None or not self.entries[best[0]].id.startswith("tech."):
                return _escalate("diagnosis")
            if fired and not all(self.entries[best[0]].id in rule.answers for rule in fired):
                return _escalate("diagnosis")  # round 77: under a line, only the entry the line's danger is answered by
        if self._is_diagnosis(norm, named=species is not None, told=told, causes=causes or weather):
            # a symptom an adviser has already answered (收录) is answered again
            best = self._best_entry(norm, species)
            if best and self.entries[best[0]].source == "added" and best[1] >= self.threshold:
                return self._answer(best[0], best[1], "adviser_entry")
            return _escalate("diagnosis")
        return None

    def _other_class(self, told: str, norm: str, this: _Class) -> bool:
        """Another class of ``_classes`` than ``this`` in the question ('路边的杨梅被人偷摘了': a dispute too)."""
        return any(
            other is not this
            and other.words.search(told if other.feared_is_none else norm)
            and not other.unless.search(norm)
            for other in self._classes
        )

    def _is_diagnosis(self, norm: str, named: bool = False, told: str | None = None, causes: bool = True) -> bool:
        """A symptom seen on a tree: the adviser must look (a photo helps). Not when asked in general
        ('桂花容易长什么虫'), nor wilting just after planting (the technique entries answer that);
        'does not flower / fruit' only when said of a tree ('我家荔枝种了五年不结果'; round 129: '桂花种了三年都不开花'
        too, with no tree in sight, as the blind writers label it; rounds 61 and 64 had answered the species' field);
        nor when the symptom is one already asked of an adviser and the question is how long the answer takes
        (``about_a_ticket``). A big limb, the main trunk or the top broken (``limb_broken``, round 130) is the adviser's
        whatever is named as its cause or however it is asked: whether to keep the tree, where to cut, is read from the
        wound."""
        if self._about_a_ticket.search(norm):
            return False
        if self._limb_broken.search(norm if told is None else told):
            return True  # round 130: '荔枝被台风吹断大枝 断口好大', '木棉苗被风吹断了顶 会不会还长': whatever broke it
        if causes and self._cause_told(norm, named):
            return False
        # round 59: a fate only asked as what might happen (``told``: the feared frames blanked, each clause by itself) is
        # no symptom seen ('咸水地种树会唔会死晒': the salt land's entry); a symptom told before it still is ('叶全黄了 会唔会死')
        told = norm if told is None else told
        if self._observed.search(told):
            return True
        # what ails one's own tree, nothing seen told ('我屋门口嗰棵龙眼叶底有啲白色嘢 系咩病', round 23)
        if self._ailment_asked.search(norm) and self._own_tree_clear.search(norm) and not self._is_general(norm, named):
            return True
        if self._soft_symptoms.search(norm) and self._own_tree.search(norm) and not self._is_general(norm, named):
            return True
        seen = [told[start:end] for start, end in self._symptoms.spans(told)]
        if not seen or self._is_general(norm, named):
            return False
        if self._after_planting.search(norm) and all(any(v.search(w) for v in self._shock) for w in seen):
            return False
        return True

    def _own_trouble(self, question: str, norm: str, species: str | None) -> bool:
        """Helper faq135 (issue 17 §1; set CU): a trouble seen on a tree said clearly to be one's own (``own_tree_clear``:
        我家那棵, 我种的, 我那片) is the diagnosis rule's, whatever an intent asked before the rules reads ('我这棵龙眼去年
        环割之后一直没长新叶' is no ring-barking how-to; '环剥会不会伤树' still is): a symptom the rule reads, not asked in
        general, a named cause not lifting it (one's own tree), and a tree in the question, by its name or a word for trees
        (树, 棵, 林, 苗: '我那片松林有几棵红了'; '我阳台种的青菜生虫了' has none)."""
        if not self._own_tree_clear.search(norm) or not (self._trees(norm) or _TREE_WORD_RE.search(norm)):
            return False
        return self._is_diagnosis(norm, named=species is not None, told=self._told(question, norm), causes=False)

    def _cause_told(self, norm: str, named: bool) -> bool:
        """Round 66 (issue 17 §1; set BA): the cause of the trouble named, an entry of its own answers what to do (hail,
        a cold spell, a typhoon, a flood, a drought, rats, termites, ants, slugs: ``cause_named``; insects on a listed
        tree: its pests field, ``pests_named``), no diagnosis to make ('冰雹打烂了叶子', '水浸过的树怎么救',
        '樟树叶子被虫吃光'). Still the adviser's: one's own tree in sight, a look asked for (a photo, 帮我睇), or a
        sign only a look reads besides (spots, oozing, mould, holes, cracks: ``grave_signs``)."""
        if not (self._cause_named.search(norm) or (named and self._pests_named.search(norm))):
            return False
        return not (
            self._own_tree_clear.search(norm)
            or self._own_in_sight.search(norm)
            or self._look_asked.search(norm)
            or self._grave_signs.search(self._weather_signs_blanked(norm))
        )

    def _weather_signs_blanked(self, norm: str) -> str:
        """Round 77: the question without the signs its weather makes itself (``[[escalate.weather]] signs``: leaves
        curled and the ground cracked in a drought, holes from hail), which no look needs to read."""
        for cause, signs in self._weather:
            if cause.search(norm):
                norm = signs.blanked(norm)
        return norm

    def _weather_asked(self, question: str, norm: str, fired: Sequence[SafetyRule]) -> bool:
        """Round 77 (set BH: '台风吹断晒啲枝 点处理', '落完冰雹 果树啲叶穿晒窿'): the weather named (``[[escalate.weather]]``)
        and asked under a line that sends nobody (the typhoon's: its entry answers after the line; no tree to be saved
        asked, ``observed``), or told with no
        question and nothing of one's own (``own_said``: 我, 屋): what the weather does, its entry's answer, as round 66
        answers it asked with nothing else. A danger that has happened, one's own tree in sight, a look asked for or a
        sign only a look reads still keep the ticket (``_cause_told``)."""
        if not self._weather_named.search(norm):
            return False
        if fired and not all(rule.answers and not rule.escalates(norm) for rule in fired):
            return False
        if fired and nlu.is_question(question):
            # a tree to be saved under the line (怎么救, 还能救: ``observed``) stays a person's (round 53: '打完风树根都翻出来了
            # 怎么救' gets the line and a ticket)
            return not self._observed.search(norm)
        return not nlu.is_question(question) and not self._own_said.search(norm)

    def _habitual_trouble(self, norm: str, result: FaqResult) -> bool:
        """Round 74: a species' field answering a trouble said to come always (``habitual``: 成日, 老是, 年年), no tree
        of one's own, no look asked, no sign only a look reads (``grave_signs``): what the species does, not one
        tree's case ('荔枝啲果成日跌', '柿子为什么老是掉果'); the precedents sending such words to a person say one's own
        tree or one case ('我屋门口棵柿子…成日跌', '一棵树跌咗一半')."""
        return (
            result.reason == "species_topic"
            and bool(self._habitual.search(norm))
            and not self._own_tree.search(norm)
            and not self._own_in_sight.search(norm)
            and not self._look_asked.search(norm)
            and not self._grave_signs.search(norm)
        )

    def _kind_of_trouble(self, question: str, norm: str, told: str) -> bool:
        """Round 74 (issue 17 §1; set BE): a listed tree and a kind of trouble said with no question word, as a
        heading ('石榴生虫', '橄榄树有虫'): the precedents label the species' field ('红棉树生虫', '李树生虫'), as they
        do the same words asked. Not with a tree or a time of one's own (``own_tree``: 我家, 那棵, 今年, 种了三年), nor
        a trouble told to have come now (``observed``: 生虫了, 快死了), nor a sign besides the insects ('生虫 叶都枯晒'):
        those are one tree's, for the adviser; nor one's own said otherwise
        (``[escalate] own_said``: '另外 我屋后的荔枝叶子被虫咬了' in a ticket's window had become its 补充, the card the answer)."""
        return (
            not nlu.is_question(question)
            and not self._own_tree.search(norm)
            and not self._own_said.search(norm)
            and not self._observed.search(told)
            and all(self._pests_named.search(told[start:end]) for start, end in self._symptoms.spans(told))
        )

    def _pests_told(self, norm: str) -> bool:
        """Round 66: insects told of a listed tree (``pests_named``) and no other cause (``cause_named``: a cold spell's
        or the ants' entry answers those), with nothing that still needs a look (``_cause_told``)."""
        return (
            self._pests_named.search(norm) and not self._cause_named.search(norm) and self._cause_told(norm, named=True)
        )

    def _only_wanted(self, norm: str) -> bool:
        """No flowers yet (round 61), or no fruit yet (round 64), is all the trouble told: every soft symptom lies in
        a ``flowers_wanted`` word ('橄榄种了好多年都不结果'; fruit dropping, '掉果', '坐不住果', is a trouble of its own).
        Round 129: said as a fact, a diagnosis the model does not overrule (``_by_model``: older precedents label the
        species' field, the blind sets BZ-CR a person)."""
        wanted = self._flowers_wanted.spans(norm)
        return bool(wanted) and all(
            any(s < we and ws < e for ws, we in wanted) for s, e in self._soft_symptoms.spans(norm)
        )

    def _is_general(self, norm: str, named: bool = False) -> bool:
        """Asked in general ('桂花容易生什么虫'); words that only ask what it is ('是什么病') do not make a
        question about one's own tree general ('我屋后面那棵荔枝叶底有白粉 是什么病'); 'what causes it' is general
        only when no tree is named ('叶子发黄咩原因', round 23; ``named``: a listed species is)."""
        words = self._general if named else self._general_unnamed
        general = [norm[start:end] for start, end in words.spans(norm)]
        # round 89: a tree in sight is one's own too ('嗯 棵荔枝苗啊 新叶出嚟就俾虫食咗 系咩虫嚟', ``own_in_sight``)
        if not (self._own_tree.search(norm) or self._own_in_sight.search(norm)):
            return bool(general)
        return any(not self._only_asking.search(word) for word in general)

    # -- species

    def _match_species(self, norm: str, species: str, aliases: list[str], question: str = "") -> FaqResult:
        """An adviser's entry about this species; its card for two of its names ('三角梅和簕杜鹃是一种花吗');
        else the species' own answer (its field for the topic asked, or its card when the species as a whole
        is asked about) when it covers the question, unless a technique entry covers clearly more of it (or,
        with no topic word at all, covers it); else that entry if it covers the question or both rankings
        agree on it; else an adviser."""
        named = [span for alias in aliases for span in _spans_of(norm, alias)]
        if len(set(aliases)) > 1 and _SAME_RE.search(norm):  # '三角梅和簕杜鹃是一种花吗': two names, its card
            # round 104: '宫粉紫荆和红花羊蹄甲有什么区别', the field that names them after the card
            return self._varieties_card(species, aliases, norm) or FaqResult(
                "answer", f"species.{species}.card", self._card(species), 0.7, "species_card"
            )
        topic, topic_spans = self._topic(norm, hide=named)  # '秋枫可以种河边吗': 秋 is no season here
        story = _story_spans(question, norm, named + topic_spans)  # '我家门口朝北 … 种桂花中不中': told, not asked
        topic = self._asked_topic(norm, named, story) or topic  # '阿公话香樟遮阴好 香樟是什么树': asked, not told
        if self._overall.search(norm):
            topic = "card"  # '荔枝好种吗 我们这里有没有收成': is it worth growing here, the card with its cautions
        card_topic = bool(topic) and bool(self.matching["topics"][topic].get("card"))
        varieties = self._varieties_card(species, aliases, norm) if not topic or card_topic else None
        if varieties is not None:
            return varieties  # round 104: '四季桂和金桂哪个香'
        named += story
        # round 74: the card asked for as a whole ('我舅父想种橄榄': who wants it is no second question)
        skip = named + topic_spans + (self._overall.spans(norm) if topic == "card" else [])
        best = self._best_entry(norm, species)
        if best and self.entries[best[0]].source != "added" and not self.entries[best[0]].id.startswith("tech."):
            best = None  # a campaign or bot entry answers a question naming a tree only by its intent
        general = self._general_entries.get(self.entries[best[0]].id) if best else None
        asked = topic or (general if best and best[1] >= self.threshold else None)
        card_asked = bool(asked) and bool(self.matching["topics"].get(asked, {}).get("card"))
        if general is not None and asked and (card_asked or self._species_topic_text(species, asked)):
            # '竹苗每兜隔几远': the species' spacing, not the general table (nor an adviser's guess); with no
            # topic word, the general entry ranked first tells the topic ('桂味要种几开', '青榄树会长好高吗');
            # a card's topic is the card ('三角梅种门口离墙几远': how far from the house, with its thorns)
            topic, best, card_topic = asked, None, card_asked
        if (
            best
            and self.entries[best[0]].source == "added"
            and self.entries[best[0]].species == species
            and best[1] >= self.threshold
        ):
            return self._answer(best[0], best[1], "adviser_entry")
        known = self._card_text(species)  # what the question may say about the species itself
        usual = self._usual_chars.get(topic or "", frozenset())  # how the topic is asked
        if topic and not card_topic:
            text = self._species_topic_text(species, topic)
            own = FaqResult("answer", f"species.{species}.{topic}", text or "", 0.9, "species_topic")
            if topic == "fruit" and self._flowers_no_fruit.search(norm) and self.species[species].get("flowering"):
                # round 74: '石榴开花唔结果' is asked of fruit and of flowers; the fruit field's reply holds both
                own = replace(own, also=f"species.{species}.flowering")
        else:  # asked about the species as a whole ('要注意什么' adds its cautions), or nothing in particular
            text = self._card(species, cautions=card_topic)
            own = FaqResult("answer", f"species.{species}.card", text, 0.7, "species_card")
        own_missing = self.uncovered(norm, frozenset(nlu.normalize(text + known)), skip) if text else None
        entry_missing = (
            self.uncovered(norm, self._entry_chars[best[0]], named) if best and best[1] >= self.threshold else None
        )
        # the species' own answer, unless a technique entry covers clearly more of what it leaves out
        # ('荔枝苗根干了还能种吗', '三角梅能剪枝插土里种吗'); a card nobody asked for gives way sooner.
        # Words of the topic's usual questions ('枝条乱长怎么修') count as covered, but not against an entry.
        switch_at = 2 if topic else 1
        own_ok = (
            own_missing is not None and (topic or not own_missing) and self._covered_by(norm, own_missing - usual, skip)
        )
        # ... and with no topic word at all ('荔枝怎么驳枝'), an entry that covers the question beats the card
        entry_better = (
            entry_missing is not None
            and self._covered_by(norm, entry_missing, named, strict=True)
            and (topic is None or len(own_missing or ()) - len(entry_missing) >= switch_at)
        )
        if own_ok and not entry_better:
            why = self.doubt(question, own.entry_id or "", norm, aliases)
            if why == "two_topics" and topic and not card_topic:
                # '大叶紫薇种几年开花 长得快吗': two of its fields, one after the other
                both = self._two_fields(question, norm, species, topic, aliases)
                if both is not None:
                    return both
            if why:
                # '杨梅几年结果 要不要公树母树一起种': one field answers half
                return _escalate("not_sure", candidate=own)
            return own
        if (
            best is not None
            and entry_missing is not None
            and (self._covered_by(norm, entry_missing, named, strict=True) or self._agreed(best))
        ):
            return self._answer(best[0], best[1], "ranked_with_species")
        return _escalate("not_covered", candidate=own if own_missing is not None else None)

    def _two_fields(self, question: str, norm: str, species: str, topic: str, aliases: list[str]) -> FaqResult | None:
        """The species' fields for both topics asked, when each is a field (not the card), together they
        explain the rest of the question (``doubt``), and the question is about the species, not one's own tree
        nor a symptom; labelled by the topic the matcher found first."""
        if self._own_tree.search(norm) or self._symptoms.search(norm) or self._soft_symptoms.search(norm):
            return None  # '我个杨梅树今年结得好少 系唔系冇落够肥': one tree's trouble, for an adviser
        named = [span for alias in aliases for span in _spans_of(norm, alias)]
        other = self._other_topic(question, norm, named, topic)
        text = self._species_topic_text(species, topic, also=other) if other else None
        if text is None:
            return None
        label = f"species.{species}.{topic}"
        if self.doubt(question, label, norm, aliases, also=frozenset(nlu.normalize(text))) == "unexplained":
            return None
        return FaqResult("answer", label, text, 0.9, "species_two_topics", also=f"species.{species}.{other}")

    def _agreed(self, best: _Ranked) -> bool:
        """The word index and the character n-grams both rank this entry first, the n-grams clearly
        (``[ranking] agree_cosine`` and ``agree_margin``), and the word index is confident: two independent
        views of the question agree, so a paraphrase with words the entry never used ('种普通绿化苗个坑要挖
        几大') is answered without the coverage check."""
        return (
            best.score >= self.threshold
            and best.cosine >= self._agree_cosine
            and best.cosine_margin >= self._agree_margin
        )

    def _card_text(self, species: str) -> str:
        info = self.species[species]
        return "".join(str(info.get(f, "")) for f in ("card", "type", "use", "sites"))

    def _match_offlist(self, norm: str, names: list[str]) -> FaqResult:
        """A tree not on the list: the entry on such trees answers whether and when to plant it, not its
        pruning, pests or fruit (the knowledge has no such fields for it)."""
        topic, topic_spans = self._topic(norm)
        idx = self._by_id[self.matching["offlist"]["entry"]]
        named = [span for name in names for span in _spans_of(norm, name)]
        if (topic or "") in self.matching["offlist"]["topics"] and self._covered(
            norm, self._entry_chars[idx], named + topic_spans
        ):
            return self._answer(idx, 0.8, "offlist")
        best = self._best_entry(norm, None)
        if (
            best
            and best[1] >= self.threshold
            and self.entries[best[0]].any_tree
            and not set(names) & set(self.matching["offlist"].get("not_any_tree", []))
            and self._covered(norm, self._entry_chars[best[0]], named, strict=True)
        ):
            return self._answer(best[0], best[1], "offlist_any_tree")  # round 64: '榕树根拱出地面 能不能砍掉'
        return _escalate("offlist_topic")  # its pruning, pests or fruit: no knowledge to answer from, nor precedents

    def _variety_field(self, species: str, aliases: list[str]) -> str | None:
        """Round 104: the first topic (not the card) whose fields of ``species`` name one of its varieties among
        ``aliases`` (its ``related`` names), when two names of it are given; 'card' when only its card, kind or use
        names one; None when the knowledge only lists them."""
        info = self.species[species]
        varieties = set(aliases) & set(info.get("related", []))
        if len(set(aliases)) < 2 or not varieties:
            return None
        for name, spec in self.matching["topics"].items():
            fields = [] if spec.get("card") else spec["fields"]
            if any(v in str(info.get(f, "")) for f in fields for v in varieties):
                return str(name)
        return "card" if any(v in self._card_text(species) for v in varieties) else None  # 李's type: '三华李…'

    def _varieties_card(self, species: str, aliases: list[str], norm: str) -> FaqResult | None:
        """Round 104 (issue 17 §1): two varieties of one tree compared ('四季桂和金桂哪个香', ``_COMPARE_RE``) with no
        field asked: its card, and after it the field that names them (``_variety_field``: the knowledge's own words on
        how they differ), labelled as that field too (``also``); None when no field names them."""
        field = self._variety_field(species, aliases) if _COMPARE_RE.search(norm) else None
        if field == "card":
            return FaqResult(
                "answer", f"species.{species}.card", self._card(species, cautions=True), 0.7, "species_card"
            )
        text = self._species_topic_text(species, field) if field else None  # under its label, with its footer
        if field is None or text is None:
            return None
        both = f"{self._card(species, cautions=True, footer=False)}\n{text}"
        return FaqResult(
            "answer", f"species.{species}.card", both, 0.7, "species_card", also=f"species.{species}.{field}"
        )

    def _card(self, species: str, cautions: bool = False, footer: bool = True) -> str:
        answer = self.matching["species_answer"]
        parts = [self.species[species]["card"].strip()]
        if cautions and self.species[species].get("cautions"):
            parts.append(answer["card_cautions"].format(cautions=self.species[species]["cautions"].strip()))
        return "\n".join([*parts, answer["card_footer"].strip()] if footer else parts)

    def _topic(self, norm: str, hide: Iterable[tuple[int, int]] = ()) -> tuple[str | None, list[tuple[int, int]]]:
        """The topic asked, and where every topic word is (not in the ``hide`` spans: the tree's name): the
        strongest trigger, then one the question word points at ('怎么剪才开花多' asks about 剪), then the
        longest, then the first. A topic word that only says when ('开花的时候能浇水吗') counts as context."""
        found, spans = self._topic_words(norm, hide)
        keys = {name: max(key for key, _ in words) for name, words in found.items()}
        return (max(keys, key=keys.__getitem__) if keys else None), spans

    def _asked_topic(self, norm: str, named: list[tuple[int, int]], story: list[tuple[int, int]]) -> str | None:
        """The topic the asking clauses name after a story: the card, when the villager asked about the tree as
        a whole ('阿公话香樟夏天遮阴好 想问下香樟是什么树': what it is, not its shade), or a precise field
        ('杨梅好难种 种咗都未必结果 … 几时种最好': time, not fruit); None when the asking clauses name no topic
        (the story tells it: '我家门口朝北 种桂花中不中' is light) or one a story's topic is often what affects
        (``story_meant``: '山背后日照少 会不会影响生长' is light)."""
        asked = self._topic(norm, hide=named + story)[0] if story else None
        if not asked:
            return None
        spec = self.matching["topics"][asked]
        return asked if spec.get("card") or not spec.get("story_meant") else None

    def _topic_words(
        self, norm: str, hide: Iterable[tuple[int, int]] = ()
    ) -> tuple[dict[str, list[tuple[tuple[int, bool, int, int], str]]], list[tuple[int, int]]]:
        """Every topic whose words occur: each word found with its key (strength, asked, length, -start);
        and where the words are."""
        for start, end in hide:
            norm = norm[:start] + _MASK * (end - start) + norm[end:]
        found: dict[str, list[tuple[tuple[int, bool, int, int], str]]] = {}
        spans = []
        for topic in self._topics:
            for strength, words in topic.levels:
                for start, end in words.spans(norm):
                    spans.append((start, end))
                    if _WHEN_RE.match(norm, end):
                        strength = 0
                    asked = bool(_ASKED_RE.search(norm, max(0, start - 4), start) or _ASKING_RE.match(norm, start))
                    found.setdefault(topic.name, []).append(((strength, asked, end - start, -start), norm[start:end]))
        return found, spans

    def _two_topics(self, question: str, norm: str, hide: list[tuple[int, int]], topic: str | None) -> bool:
        return self._other_topic(question, norm, hide, topic) is not None

    def _other_topic(self, question: str, norm: str, hide: list[tuple[int, int]], topic: str | None) -> str | None:
        """The question asks about another topic too, so one field answers only half of it:
        - another topic's word is strong (``[sure] second_topic_rank``: 2 什么时候, 哪里; 3 浇水, 结果) and not
          weaker than the topic answered, by rank and then by a question word pointing at it (授粉, rank 4, is
          the more precise question beside 结果; '秋枫要施什么肥长得快' asks about 肥), unless it is asked in
          a clause of its own ('桂花几年开花 要施什么肥');
        - or the topic answered was told by a weak word (介绍, 要注意什么) and the other is one level weaker at most.
        No other topic: a word of the answered topic's usual questions (``examples``: '枝太密怎么修' asks about
        pruning, '离房子要多远' about the house), the topics the card answers, topics whose fields the answer
        holds (结果 holds 开花)."""
        strong = self.sure.second_topic_rank
        if strong <= 0:
            return None
        if topic == "fruit":
            hide = hide + self._flowers_no_fruit.spans(norm)  # round 74: '开花唔结果' is one trouble, the fruit's
        found, _ = self._topic_words(norm, hide)
        cards = {t.name for t in self._topics if t.spec.get("card")}
        answered = cards if topic is None or topic in cards else {topic}
        fields = {f for name in answered for f in self.matching["topics"][name]["fields"]}
        usual = "|".join(self._topic_examples[name] for name in answered)
        own = max((key for name in answered for key, _ in found.get(name, ())), default=(-1, False, 0, 1))
        clauses = _clauses(question, norm)

        def clause(start: int) -> int | None:  # the asking clause holding a word
            return next((i for i, (s, e, asks) in enumerate(clauses) if s <= start < e and asks), None)

        def apart(key: tuple[int, bool, int, int]) -> bool:  # asked in a clause of its own
            return clause(-key[3]) is not None and clause(-key[3]) != clause(-own[3])

        return next(
            (
                name
                for name, words in found.items()
                if name not in answered and not set(self.matching["topics"][name]["fields"]) <= fields
                for key, word in words
                if (key[0] >= strong and key[0] >= own[0] and word not in usual and (key[:2] >= own[:2] or apart(key)))
                or (own[0] < strong and key[0] >= own[0] - 1)
            ),
            None,
        )

    def _species_topic_text(self, species: str, topic: str, also: str | None = None) -> str | None:
        """The species' field(s) for ``topic``; with ``also``, a second topic's fields after them, under
        that topic's label ('大叶紫薇种几年开花 长得快吗': 开花, then 生长)."""
        info = self.species[species]
        spec = self.matching["topics"][topic]
        if spec.get("card"):
            return self._card(species, cautions=True)

        def body(spec: Mapping[str, Any]) -> str:
            parts = [_species_field(info, f, self.matching["species_answer"]["sites_label"]) for f in spec["fields"]]
            return "\n".join(p for p in parts if p)

        text, label = body(spec), spec["label"]
        if not text:
            return None
        if also is not None:
            other = self.matching["topics"][also]
            second = body(other)
            if other.get("card") or not second:
                return None
            text, label = f"{text}\n{other['label']}：{second}", f"{label}、{other['label']}"
        return (
            self.matching["species_answer"]["template"]
            .strip()
            .format(name=display_name(self.species, species), label=label, text=text)
        )

    # -- coverage: the answer must be about everything the question asks

    def _covered_by(self, norm: str, missing: set[str], skip: list[tuple[int, int]], strict: bool = False) -> bool:
        """At most ``[coverage] max_uncovered`` content characters missing (plus one for every four of
        the question's), and at most half of them. One missing character is forgiven when the species and
        topic were found (not ``strict``); a ranked entry must cover more than half of a short question
        ('你吃饭了吗' is not about '牛吃了树叶')."""
        n, content = len(missing), len(self._content_chars(norm, skip))
        if n > self._max_uncovered + content // 4:
            return False
        if strict:
            return n == 0 or 2 * n < content or (content >= 4 and 2 * n <= content)
        return n <= 1 or 2 * n <= content

    def _covered(
        self, norm: str, answer_chars: frozenset[str], skip: list[tuple[int, int]], strict: bool = False
    ) -> bool:
        """True when at most ``[coverage] max_uncovered`` content characters of the question are absent
        from the answer (and its phrasings). Content: not grammar or question words
        (``neutral_chars``), not places and times (``neutral_words``, site words), not the spans in
        ``skip`` (the species named, the topic word)."""
        return self._covered_by(norm, self.uncovered(norm, answer_chars, skip), skip, strict)

    def uncovered(self, norm: str, answer_chars: frozenset[str], skip: Iterable[tuple[int, int]] = ()) -> set[str]:
        return self._content_chars(norm, skip) - answer_chars

    def _content_chars(self, norm: str, skip: Iterable[tuple[int, int]]) -> set[str]:
        hidden: set[int] = set()
        for start, end in [*skip, *self._neutral_words.spans(norm)]:
            hidden.update(range(start, end))
        return {
            c
            for i, c in enumerate(norm)
            if i not in hidden and "\u4e00" <= c <= "\u9fff" and c not in self._neutral_chars
        }

    # -- evidence: how much of the overlap is distinctive

    def generic_words(self) -> frozenset[str]:
        """Words that say nothing about which entry is meant: the configured
        list plus words found in the phrasings of many entries (树, 怎么, 种 …);
        topic-slot words (什么时候, 浇水 …) are never generic."""
        if self._generic is None:
            counts: dict[str, int] = {}
            for words in self._entry_words:
                for w in words:
                    counts[w] = counts.get(w, 0) + 1
            limit = max(2.0, self._generic_share * len(self._entry_words))
            frequent = {w for w, n in counts.items() if n >= limit}
            self._generic = frozenset((frequent | self._generic_words) - self._slot_words)
        return self._generic

    def _is_evidence(self, word: str) -> bool:
        return word not in self.generic_words()

    def _evidence(self, words: set[str], entry_idx: int) -> float:
        """idf of the question's distinctive words that the entry's phrasings
        share (its answer text counts half)."""
        total = 0.0
        phrasings, text = self._entry_words[entry_idx], self._entry_text_words[entry_idx]
        for w in words:
            share = 1.0 if w in phrasings else 0.5 if w in text else 0.0
            if share:
                total += share * self._terms.weight(w)
        return total

    def _evidence_factor(self, words: set[str], entry_idx: int, terms: frozenset[str]) -> float:
        if self._min_evidence <= 0 or self._phrasings.get(terms) == entry_idx:
            return 1.0
        return min(1.0, self._evidence(words, entry_idx) / self._min_evidence)

    def _best_entry(self, norm: str, species: str | None, added_only: bool = False) -> _Ranked | None:
        """The best entry (its index), its confidence and the next entry's, or None."""
        terms = self._features(norm)
        if not terms:
            return None
        term_set = set(terms)
        narrow: dict[int, float] = {}
        broad: dict[int, float] = {}
        for doc_id, confidence in self._terms.confidences(term_set).items():
            doc = self._terms.docs[doc_id]
            if not self._rankable(doc.entry, species, added_only):
                continue
            seen = broad if doc.broad else narrow
            seen[doc.entry] = max(seen.get(doc.entry, 0.0), confidence)
        if not narrow and not broad:
            return None
        terms_key = frozenset(term_set)
        words = {t for t in term_set if not t.startswith("#") and self._is_evidence(t)}
        scores = {
            e: _entry_score(narrow.get(e, 0.0), broad.get(e)) * self._evidence_factor(words, e, terms_key)
            for e in narrow | broad
        }
        # ties go to the entry listed first: the scores' order follows the terms' set, which differs from one
        # process to the next (string hashes), and a tie must not answer differently in each worker
        best = max(sorted(scores), key=scores.__getitem__)
        runner_up = max((v for e, v in scores.items() if e != best), default=0.0)
        cosines = {
            e: v
            for e, v in self._ngrams.similarities(self._masked(norm)).items()
            if self._rankable(e, species, added_only)
        }
        cosine = cosines.get(best, 0.0)
        margin = cosine - max((v for e, v in cosines.items() if e != best), default=0.0)
        return _Ranked(best, min(1.0, scores[best]), min(1.0, runner_up), cosine, margin)

    def _rankable(self, entry_idx: int, species: str | None, added_only: bool) -> bool:
        entry = self.entries[entry_idx]
        return (
            entry.ranked
            and not (entry.species and entry.species != species)
            and not (added_only and entry.source != "added")
        )

    def _masked(self, norm: str, as_written: bool = False) -> str:
        """The text with every tree name masked: '荔枝苗放几天' -> '□□苗放几天' (``as_written``: only names
        spelt right, enough for the knowledge's own phrasings)."""
        trees = nlu.find_all_species(norm, self.species, self._offlist_names) if as_written else self._trees(norm)
        return _mask(norm, trees)

    def _answer(self, entry_idx: int, score: float, reason: str) -> FaqResult:
        entry = self.entries[entry_idx]
        return FaqResult("answer", entry.id, entry.answer, round(score, 3), reason)

    # -- recommendations

    def _recommend(self, norm: str, question: str = "") -> FaqResult | None:
        """Species for a site or a purpose, when that is what is asked: after a story, in a clause that asks
        ('我家门口离墙两米想种一棵树 … 到底要离房子多远' asks a distance; '苗圃老板推荐我买嫁接苗 … 选哪个好' a kind of seedling)."""
        clauses = _clauses(question, norm)
        # round 59: no clause asks, a wish told then what the tree should be ('门前想种棵开花嘅树 睇落靓啲'): all of it
        asking = [norm[s:e] for s, e, asks in clauses if asks] or [norm]
        if not any(self._rec_triggers.search(clause) for clause in asking) or self._not_asking.search(norm):
            return None
        site = self._rec_site(norm)
        # round 59: what is only feared is no purpose ('学校想种树又怕果子掉下来砸到学生 种什么' wants no fruit trees);
        # what is not feared is ('种棵不怕台风的果树'), and what is prevented is the purpose ('防止泥土被冲走')
        feared = [
            (a, b)
            for a, b in self._feared.spans(norm)
            if norm[a:b].startswith(_FEAR_WORDS) and norm[max(0, a - 1) : a] != "不"
        ]
        wanted = "".join("|" if any(a <= i < b for a, b in feared) else ch for i, ch in enumerate(norm))
        purpose = next((p for p, words in self._purposes.items() if words.search(wanted)), None)
        # round 63: fruit and flowers at once ('又想睇花又想食果'): the trees doing both
        for pair in self._purpose_pairs:
            if purpose in pair and all(
                self._purposes[p].search(wanted)
                or (p == pair[-1] and pair == self._pair_looks_of and self._pair_looks.search(wanted))
                for p in pair
            ):
                purpose = "+".join(pair)
        small_tree = bool(self._small_tree.search(norm))  # round 58: the tree itself small ('不会长太高', '矮的')
        if not site and not purpose:
            # round 54: a small place alone, neither site nor purpose ('地方好细 种咩树好'): the small trees of the list
            small_alone = small_tree or self._small_place.search(norm)
            return self._recommendation(None, None, True) if small_alone else None
        small = (
            small_tree
            or bool(site in ("庭院", "房前屋后") and self._small.search(norm))
            or bool(not site and purpose and self._small_place.search(norm))
            # round 67: any place said narrow or small ('路边位窄', '河边位好窄')
            or bool(site and self._small_place.search(norm))
        )
        return self._recommendation(site, purpose, small)

    def _rec_site(self, norm: str) -> str | None:
        """The place a recommendation is for: ``nlu.find_site``'s, else one said as villagers say it (round 67,
        ``[recommend.sites]``: '细细个院' is a yard, '屋企西斜' the house's west side, '河基' a river's dike), read here
        only, so that no other reader of places (planting records, zones) changes."""
        return nlu.find_site(norm) or next((k for k, words in self._rec_sites.items() if words.search(norm)), None)

    def _recommendation(
        self, site: str | None, purpose: str | None, small: bool, reason: str = "recommend"
    ) -> FaqResult | None:
        """The species for a site (``nlu.SITE_WORDS``' kinds) and a purpose (``[recommend.purposes]``), a small
        garden's only up to ``small_max_height_m``: ``recommend.<site>+<purpose>[+small]``."""
        rec = self.matching["recommend"]
        names = _pick_species(self.species, site, purpose, rec["small_max_height_m"] if small else None)[
            : rec["max_items"]
        ]
        if not names:
            return None
        parts = [p for p in (site, purpose) if p]
        labels = rec["labels"]
        what = "".join(labels.get(p, p) for p in (["small"] if small else []) + parts)  # 小院子, 河边、水边遮荫乘凉的
        if small and not site:  # round 53: a small place without a site: 地方小、能吃果子的 (round 54: 地方小的, alone)
            what = (
                labels["small_place"] + "".join(labels.get(p, p) for p in parts)
                if parts
                else labels["small_place_alone"]
            )
        if small:
            parts.append("small")
        items = "\n".join(f"• {display_name(self.species, n)}：{self.species[n]['use']}" for n in names)
        text = rec["template"].strip().format(what=what, items=items, first=display_name(self.species, names[0]))
        return FaqResult("answer", "recommend." + "+".join(parts), text, 0.85, reason)

    def _recommendation_of(self, label: str) -> FaqResult | None:
        """A precedent's (or the model's) recommendation label as its answer (round 39): ``recommend.河边+护岸`` is the
        species for a riverbank that hold its soil, whatever words asked it ('河堤种树护岸选哪种' has no trigger of
        ``[recommend]``; '屋前种棵遮荫的 夏天好乘凉' neither). Only labels of a known site, purpose and size."""
        parts = label.split(".", 1)[1].split("+") if label.startswith("recommend.") else []
        small = bool(parts) and parts[-1] == "small"
        parts = parts[:-1] if small else parts
        site = parts[0] if parts and parts[0] in nlu.SITE_WORDS else None
        if len(parts) >= 2 and tuple(parts[-2:]) in self._purpose_pairs:  # round 63: recommend.吃果+观花
            parts = [*parts[:-2], "+".join(parts[-2:])]
        purpose = parts[-1] if parts and (parts[-1] in self._purposes or parts[-1] in self._pair_names) else None
        if (not parts and not small) or len(parts) != bool(site) + bool(purpose):
            return None  # round 54: recommend.small alone, a small place's trees
        if small and site not in ("庭院", "房前屋后", None):
            return None
        return self._recommendation(site, purpose, small, "precedents")


_FEAR_WORDS = ("怕", "担心", "担忧", "惊")  # a feared frame's first words that fear, not prevent (``_recommend``)


def _entry_score(narrow: float, broad: float | None) -> float:
    """An entry's confidence: its best matching question, helped by how much
    of the question its whole text (all questions and the answer) covers.
    Entries added by advisers have no broad document."""
    if broad is None:
        return narrow
    return CALIBRATION * (0.6 * narrow + 0.4 * broad)


def _escalate(
    reason: str, score: float = 0.0, note: str = "", candidate: FaqResult | None = None, note_entry: str | None = None
) -> FaqResult:
    """A question for a person; ``note`` (who decides, what the law says) goes under the ticket's number;
    ``candidate``: the answer a doubt or a rule's class stopped (precedents may second it); ``note_entry``: the entry
    whose answer the note is (round 49: bench/faq_eval.py reports a ticket carrying the expected answer apart)."""
    return FaqResult("escalate", None, note, round(score, 3), reason, candidate=candidate, note_entry=note_entry)


_TREE_WORD_RE = re.compile("[树棵株林苗]")  # helper faq135: a word for trees, when no tree is named ('我那片松林')
# round 74: after it ('开花后啲果成日跌', '开花之后') says when too; not 后面, behind
_WHEN_RE = re.compile("的时候|时候|的时|时期|期间|那时|那阵|那会|那段|期|(?:之|以)?后(?!面|边|头)")
_SAME_RE = re.compile("一种|一样|同一|就是|区别|分别|叫法|别名|又叫|也叫|一回事")  # are two names one tree?
_COMPARE_RE = re.compile(f"{_SAME_RE.pattern}|不同|哪个|哪种|边个|还是|定|好过|比|跟|和|同")  # or which is better
# a question word right before a topic word: '怎么剪', '要不要施肥', '什么时候剪'
_QUESTION_WORDS = "怎么|要不要|用不用|能不能|可不可以|该不该|需不需要|多久|多少|什么时候|几时|何时|如何|什么"
_ASKED_RE = re.compile(f"(?:{_QUESTION_WORDS})$")
_ASKING_RE = re.compile(_QUESTION_WORDS)  # a topic word that starts with one: '什么时候开


_CLAUSE_END_RE = re.compile(r"[\s,，。.!！?？;；、~～…]+")
# a clause that asks: a question word or particle, A-not-A, a final 不 ('好种不')
# round 54: the readings of a first clause alone that answer it by themselves (``FaqIndex._first_part_first``)
_FIRST_PART_REASONS = frozenset({"intent", "species_topic"})
# a first clause asking whether two things are one ('党建林同主题林系咪一样 党建林系咩'): the second says which is meant
_SAME_ASKED_RE = re.compile(r"一样|一回事|同一|区别|分别|不同")

_ASKS_RE = re.compile(
    r"吗|么|呢|什么|怎么|哪|谁|多久|多高|多大|多远|多深|多长|几年|几月|多少年|是不是|有没有|要不要|能不能|可不可以|"
    r"(?:几|多少)(?:米|天|日|个月|点|号|次|遍|公分|厘米|斤)|多少(?!棵|个|株)|"  # '要隔房子几米', '要多少水' ask; '种几棵' may only tell
    r"([\u4e00-\u9fff])不\1|不$"
)


def _clauses(question: str, norm: str) -> list[tuple[int, int, bool]]:
    """(start, end, asks) of each clause of ``norm`` (split where the villager paused: spaces, punctuation);
    none when there is one clause or the pieces do not line up with ``norm``."""
    clauses = [nlu.normalize(c) for c in _CLAUSE_END_RE.split(question or "")]
    clauses = [c for c in clauses if c]
    if len(clauses) < 2 or "".join(clauses) != norm:
        return []
    spans, start = [], 0
    for clause in clauses:
        spans.append((start, start + len(clause), bool(_ASKS_RE.search(clause))))
        start += len(clause)
    return spans


def _ends_told(question: str, norm: str) -> bool:
    """A question of several clauses whose last one asks nothing: what it ends on is told ('桂花几年开花 要施什么肥
    叶子卷起来发黄': a symptom after the questions, for a person to look at)."""
    spans = _clauses(question, norm)
    return bool(spans) and not spans[-1][2]


def _story_spans(question: str, norm: str, key_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where ``norm`` only tells the story before the question: the clauses (split where the villager paused:
    spaces, punctuation) that ask nothing, when the clauses that ask hold a tree's name or a topic word
    (``key_spans``). '村里发了两棵桂花给我 我家门口朝北 … 种桂花中不中': only what is asked must be covered;
    '荔枝种在水泥地旁边 行不行' asks about nothing by itself, so every clause counts."""
    spans = _clauses(question, norm)
    asking = [(s, e) for s, e, asks in spans if asks]
    if not asking or not any(s < ke and ks < e for s, e in asking for ks, ke in key_spans):
        return []
    return [(s, e) for s, e, asks in spans if not asks]


def _words_re(words: Iterable[str]) -> re.Pattern:
    """One regex of ``words``, longest first (matches nothing when there are none)."""
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))) or "(?!)")


def _spans_of(text: str, word: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(word), text)] if word else []


def _species_field(info: Mapping, name: str, sites_label: str) -> str:
    if name == "sites_text":
        return sites_label + "、".join(info.get("sites", []))
    return str(info.get(name, "")).strip()


_ECONOMIC_PURPOSE = "经济"  # round 63: ``[recommend.purposes]`` 经济, the species of kind 'economic'
_SITE_FALLBACK: dict[str | None, str] = {"主题林": "党建林", "示范点": "庭院", "广场": "路边"}


def _pick_species(
    species: Mapping[str, Mapping], site: str | None, purpose: str | None, max_height: float | None
) -> list[str]:
    """Species suiting a site and purpose, best fits first; the height limit
    and then the purpose are relaxed when nothing fits."""
    site = _SITE_FALLBACK.get(site, site)

    def purposes(info: Mapping) -> list[str]:
        # round 63: the campaign's economic kind (seed 002's 经济型) is the purpose 经济, first
        return ([_ECONOMIC_PURPOSE] if info.get("kind") == "economic" else []) + list(info["purposes"])

    wanted = purpose.split("+") if purpose else []  # round 63: a pair of purposes, both ('吃果+观花')

    def fits(info: Mapping, use_purpose: bool, use_height: bool) -> bool:
        return (
            (not site or site in info["sites"])
            and (not use_purpose or all(p in purposes(info) for p in wanted))
            and (not use_height or max_height is None or info["height_m"] <= max_height)
        )

    def rank(name: str) -> int:
        have = purposes(species[name])
        return max((have.index(p) if p in have else 99) for p in wanted)

    for use_purpose, use_height in ((True, True), (True, False), (False, True)):
        names = [n for n, info in species.items() if fits(info, use_purpose, use_height)]
        if names:
            if wanted:
                names.sort(key=rank)
            return names
    return []


def _rank(topic: Mapping) -> int:
    """How strongly a topic's words decide the topic: 3 for a thing asked about (浇水, 修剪), less for
    words that also frame other questions (什么时候 in '什么时候施肥', 要注意什么)."""
    return int(topic.get("rank", 3))


def _domain_words(species: Mapping[str, Mapping], matching: Mapping) -> set[str]:
    """Words the tokenizer must keep whole: species, sites, topic triggers."""
    words = {w for name, info in species.items() for w in [name, *info.get("aliases", [])]}
    words |= {w for ws in nlu.SITE_WORDS.values() for w in ws}
    words |= {w for t in matching["topics"].values() for w in [*t["triggers"], *t.get("context", [])]}
    words |= {w for ws in matching["recommend"]["purposes"].values() for w in ws}
    words |= set(matching["recommend"]["triggers"])
    words |= set(matching.get("ranking", {}).get("generic", []))
    words = {nlu.normalize(part) for w in words if not w.startswith("re:") for part in w.split("*")}
    return {w for w in words if len(w) > 1}


@dataclass(frozen=True)
class _Witnessed:
    """A question the matcher escalated, with what the precedents are asked about it (``_by_precedents``)."""

    question: str
    norm: str
    result: FaqResult  # the escalation, with the answer a doubt stopped (``candidate``) if any
    trees: list[tuple[str, str]]  # (name, as written) of the trees mentioned
    near: list[tuple[int, float]]  # the nearest precedents (index, similarity), none for an adviser
    content_chars: int  # how many content characters the question has


# round 26: words that only lead into the question ('对了 桂花几时种', '另外问一下 …', '还有个问题 …', '补充一下 …'):
# the question is what follows them ('另外问一下，主题林几号前要种完' read with them was the plan's whole deadline)
_LEAD_IN_RE = re.compile(
    # faq136: thanks or an 'all right' before them ('谢谢 另外桂花几时种' had been a ticket, the thanks uncovered)
    r"^(?:(?:谢谢|多谢|感谢|不该|好的|好|收到|明白了|明白|知道了|ok)(?:晒)?(?:你|您|老师|专家|师傅)?)?"
    r"(?:哦|噢|啊|诶|欸)?(?:对了|对啦|另外|顺便|再|还有|还想|我还想|我再|我想再|忘了(?:讲|说)|补充)"
    r"(?:想问一下|想问下|想问|问一下|问问|问下|请教一下|请教|一下|一句|两句|多句|下|问)?(?:(?:你|您)(?!们)(?:一下|下)?)?"
    r"(?:一个问题|个问题|一件事|件事)?(?:想请教|想问|请教|问一下|问下)?(?:就是|是)?"
)
_LEAD_IN_SAID_RE = re.compile(
    r"对了|对啦|另外|顺便|再问|还有(?:一个|个)问题|还想问|忘了(?:讲|说)|补充|想请教|问一下|问下"
)


def _without_lead_in(norm: str) -> str:
    """The question after the words leading into it, when they are only that and at least four characters follow
    ('对了桂花什么时候种' -> '桂花什么时候种'; '还有苗吗', '再种两棵可以吗' keep theirs: no lead-in said)."""
    found = _LEAD_IN_RE.match(norm)
    if not found or not _LEAD_IN_SAID_RE.search(found.group(0)) or len(norm) - found.end() < 4:
        return norm
    return norm[found.end() :]


def _only_lead_in(norm: str) -> bool:
    """The text is only words leading into a question ('补充', '对了', '还有个问题'): it asks nothing yet."""
    found = _LEAD_IN_RE.match(norm)
    return bool(found and found.end() == len(norm) and _LEAD_IN_SAID_RE.search(found.group(0)))


def _seconds_intent(result: FaqResult, answer: FaqResult) -> bool:
    """Round 97: an intent's own words fired and only its doubt held it back (``not_sure``); the model, sure by
    ``short_lead``, reads the same entry: two witnesses, the doubt is not asked again of the model's answer
    ('咁成条村又种咗几多' after one's own count: the village's progress; '评先进户有没有奖金': camp.awards)."""
    candidate = result.candidate
    return (
        result.reason == "not_sure"
        and candidate is not None
        and candidate.reason == "intent"
        and candidate.entry_id == answer.entry_id
    )


_DOUBTS = frozenset({"not_sure", "not_covered", "ambiguous", "low_confidence"})  # escalated only for being unsure
# round 96: escalated for being unsure, the model's and the support's doubts too: a voice message's question read alone
_FRAME_DOUBTS = _DOUBTS | {"unsupported", "dissent"}
# round 49: read so only because a person's words look like another thing (a record: '劈了几棵漆树'; a tree off the list)
_NOT_A_DOUBT_FOR_A_PERSON = frozenset({"not_a_question", "offlist_topic", "dissent"})


def _own_field(reason: str, label: str, trees: Iterable[tuple[str, str]]) -> bool:
    """Round 48: a general technique entry ranked for a question that names a tree (``ranked_with_species``), and the
    model reads a field of that tree: under ``short`` characters the model needs only ``[model] own_field`` to give
    the tree's own field ('荔枝抗台风吗，几年结果' is the lychee's fruiting, not grafted seedlings; the species' own
    answer is preferred whenever it serves, ``_match_species``)."""
    parts = label.split(".")
    return (
        reason == "ranked_with_species"
        and len(parts) == 3
        and parts[0] == "species"
        and parts[1] in {name for name, _ in trees}
    )


def _another_field(mine: str, theirs: str, lead: float, needed: float) -> bool:
    """Round 48 (issue 17 §1, abstain where the readers disagree): the rules answer one field (or the card) of a tree,
    the model reads another of the same tree by ``needed`` or more: ask which was meant (``FaqIndex._asked_back``).
    Round 43 let the rules answer such near misses ('either serves'); once AL-AO were precedents, on AI-AL (each read
    by a model that had not seen it) the model's field was the one meant every time at a lead of 0.3 or more (20
    confident wrongs asked back, no right answer: '桂花种门口可以吗' asks the card, with its cautions, not the sites
    list; '桂花一年开几次' the flowering, not the fertiliser); under 0.3 the rules were right 5 times of 7. Validated
    untouched on AM-AO: 17 fewer confident wrongs, one right answer asked. Not for two recommendation lists (there
    the rules were right 12 times of 13)."""
    return lead >= needed and mine.startswith("species.") and theirs.startswith("species.") and near_miss(mine, theirs)


# Round 46: classes the agreed precedents and the model read wrongly once sets AI, AJ and AK joined the precedents
# (tests/unit/test_faq_round46.py has phrasings of each, written before these guards).
# A tree or 'this' pointed at with a bare how and no topic ('这棵树怎么弄', '那棵树咋整'): nothing to recognise; the
# precedents near it are questions about some tree of theirs, read as adoption or typhoon damage
_POINTED_AT_RE = re.compile(
    r"^(?:请问|问下|问一下)?(?:这|那)(?:一)?(?:棵|个|株|些|多少棵|多少个|条|盆)?(?:树|苗|树苗|果树|东西)?"
    r"(?:要|应该|该|我)?(?:怎么|怎样|如何)(?:样)?(?:弄|整|搞|办|算|处理|做)(?:好|才好|先好)?(?:呢|啊|呀|啦|嘞)*$"
)
# A grievance about a person (a cadre, a team leader, an adviser, 'the man at the village office') told while doing
# the campaign's things ('领树苗的时候村干部骂人'): the village or an adviser deals with it; the precedents near it
# are about the thing being done (seedlings, registering); no tree between ('老人说门口种桑树很凶' is an omen)
_GRIEVANCE_RE = re.compile(
    r"(?:干部|村干|支书|书记|村长|主任|组长|队长|技术员|专家|村委|工作人员|管事|那个人|这个人|的人|那些人)"
    r"[^种树]{0,10}?(?:骂|(?:好|很|太|那么|蛮|几|超|特别)凶|凶(?:我|人|巴巴)|吼|打人|打我|不理(?!想|解)|刁难|为难|态度|难听|偏心"
    r"|欺负)"
)
# Round 48: something left that nobody clears or takes away (rubbish, branches, a fallen tree): for the village to
# act on; a tree nobody looks after ('种了树没人管会不会死光') is the care after planting, no complaint
_NOBODY_CLEARS_RE = re.compile(r"(?:没|冇|无|唔)(?:有)?人(?:去|来)?(?:清|打扫|扫|收拾|搬|拉走|运走|拖走)")
# A live line touched, hit or fallen ('高压线下面那棵树碰到电线了', '挖树穴挖断了电缆'): the power company and a person,
# never the entry on planting near lines, however sure the model is of it (asked or told)
_LINE_TOUCHED_RE = re.compile(
    r"(?:碰到|碰着|碰了|搭在|搭到|挂在|挂到|压住|压到|压着|压断|倒在|挖到|挖断|砸到|砸断|刮断|勾到)(?:了)?.{0,3}?(?:电线|高压线|电缆)"
    r"|(?:电线|高压线|电缆).{0,4}?(?:断了|掉下来|掉了|着火|冒火|打火|冒烟)"
)


def _mask(norm: str, trees: Iterable[tuple[str, str]]) -> str:
    """'荔枝苗放几天' -> '□□苗放几天': each tree (name, as written) masked where written."""
    for _, written in trees:
        norm = norm.replace(written, _MASK * len(written))
    return norm


def _any_species(label: str) -> str:
    """A species field's label for every species: 'species.桂花.time' -> 'species.*.time'."""
    return _SPECIES_LABEL_RE.sub("species.*.", label)


_SPECIES_LABEL_RE = re.compile(r"^species\.[^.]+\.")


def load_precedents(folder: str | Path, leave_out: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(question, label) of every set in ``folder`` (``*.tsv`` but the missing-topic map and the disputed list;
    ``leave_out``: set names, e.g. 'faq_heldout_h'); a missing topic counts as its entry in ``missing_map.tsv``,
    else as a question for an adviser (the knowledge had nothing for it). A question of a set that a second
    labeller labelled otherwise (``disputed.tsv``, round 102) is no precedent: a doubtful label teaches noise."""
    folder = Path(folder)
    missing = load_missing_map(folder / "missing_map.tsv")
    disputed = load_disputed(folder / "disputed.tsv")
    skip = {"missing_map", "disputed", *leave_out}
    return [
        (
            case.question,
            missing.get(case.expected, "escalate" if case.expected.startswith("missing:") else case.expected),
        )
        for path in sorted(folder.glob("*.tsv"))
        if path.stem not in skip
        for case in load_eval_set(path)
        if (path.stem, case.question) not in disputed
    ]


def load_disputed(path: str | Path) -> frozenset[tuple[str, str]]:
    """``{(set name, question)}`` of a tab-separated file (set, question, the writer's label, the second labeller's;
    absent file: none): the questions whose two labels differ, left out of the precedents (round 102)."""
    path = Path(path)
    if not path.exists():
        return frozenset()
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset((row[0].strip(), row[1].strip()) for row in rows if row[0].strip() and row[0][0] != "#")


def masked_precedents(questions: Sequence[str], mask: Callable[[str], str], messages_dir: str | Path) -> list[str]:
    """Each question normalised and masked (``mask``: ``FaqIndex._masked``), kept on disk between processes: the
    masking looks for trees and their homophones in ~10,700 questions, ~1 s of every start. The file's name is a
    hash of all the texts depend on (the questions, every file of ``messages_dir``, this module's code and nlu's,
    pypinyin's readings, the Python version), so a change of any is a new file; written to a temporary file and
    renamed, so a process reads a whole file or none. No cache folder, or none writable: built every time."""
    folder = faq_cache.folder()
    try:
        key = _precedents_key(questions, Path(messages_dir))
    except OSError:  # an input that cannot be read cannot name the file
        return [mask(nlu.normalize(question)) for question in questions]
    path = folder / f"precedents-{key}.json"
    try:
        texts = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(texts, list) and len(texts) == len(questions) and all(isinstance(t, str) for t in texts):
            return texts
    except (OSError, ValueError):
        pass  # none yet, or unreadable: built below
    texts = [mask(nlu.normalize(question)) for question in questions]
    faq_cache.write(path, json.dumps(texts, ensure_ascii=False).encode())
    return texts


def _ngrams_of(texts: Sequence[str]) -> CharNgrams:
    ngrams = CharNgrams(STOP_CHARS)
    for i, text in enumerate(texts):
        ngrams.add(i, text)
    ngrams.similarities("")  # the idf built now, not on the first question
    return ngrams


def precedent_ngrams(texts: Sequence[str]) -> CharNgrams:
    """The n-grams over the precedents' masked texts, kept on disk between processes like the texts
    (``masked_precedents``): ~0.7 s of every start for ~10,000 questions, ~0.05 s to read back. The file's name is
    a hash of the texts, this module's code and the Python version (marshal's format is the interpreter's)."""
    digest = hashlib.sha256(f"precedent ngrams 2\0{sys.version}\0".encode())
    for code in (__file__, gram_table.__file__):  # how the index is held is part of the file's format
        digest.update(Path(code).read_bytes())
    digest.update("\n".join(texts).encode())
    path = faq_cache.folder() / f"ngrams-{digest.hexdigest()[:32]}.marshal"
    try:
        state = marshal.loads(path.read_bytes())
        if isinstance(state, tuple) and len(state) == 9 and len(state[0]) == 4 * len(texts):
            return CharNgrams.from_state(state, STOP_CHARS)
    except (OSError, ValueError, EOFError, TypeError):
        pass  # none yet, or unreadable: built below
    ngrams = _ngrams_of(texts)
    faq_cache.write(path, marshal.dumps(ngrams.state()))
    return ngrams


def _precedents_key(questions: Sequence[str], messages_dir: Path) -> str:
    digest = hashlib.sha256(f"masked precedents 1\0{sys.version}\0{unicodedata.unidata_version}\0".encode())
    digest.update("\n".join(questions).encode())
    code = [Path(__file__), Path(nlu.__file__), nlu.pypinyin_files()[0]]  # the characters' readings
    files = [(path.name, path) for path in code]
    files += sorted((p.relative_to(messages_dir).as_posix(), p) for p in messages_dir.rglob("*") if p.is_file())
    for name, path in files:
        data = path.read_bytes()
        digest.update(f"\0{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()[:32]


# --- evaluation (used by tests/unit/test_faq.py and bench/faq_eval.py) ---------------
#
# An evaluation set is tab-separated: question, expected, optional tags (comma or space separated:
# safety, adviser, compare ...). ``expected`` is an entry id (``tech.hole_size``, ``species.桂花.time``,
# ``recommend.河边``), ``escalate`` (an adviser must answer), ``chitchat``, or ``missing:<topic>``: a
# question the knowledge did not cover when the set was written. A missing topic that an entry now
# answers is mapped to that entry in one explicit file (messages/faq/precedents/missing_map.tsv), never by
# editing the set; figures are reported with and without the mapping.


@dataclass(frozen=True)
class EvalCase:
    question: str
    expected: str  # as written in the set
    tags: frozenset[str] = frozenset()


@dataclass(frozen=True)
class EvalRow:
    question: str
    expected: str  # as written in the set
    target: str  # expected after the missing-topic map
    got: str
    seconds: float
    tags: frozenset[str] = frozenset()
    safety: bool = False  # the reply carries a safety line
    also: str | None = None  # the second label of a reply holding two fields (``FaqResult.also``)
    warned: bool = False  # the reply warns: a safety line, or the answering entry's own ⚠ line
    offered: str | None = None  # asked back (round 43): the other answer offered beside ``got``, the villager picks
    noted: str | None = None  # escalated with this entry's answer under the ticket's number (round 49)
    opening: str = ""  # round 83: the reply's first line (its safety line, else its answer's; '' for a bare ticket)
    compared: tuple[str, ...] = ()  # round 117: the labels a reply comparing two trees answers (``FaqResult.compared``)

    @property
    def right(self) -> bool:
        """The expected answer, or a reply holding it beside another field of the same tree; never a question back
        (the villager had to choose: ``chosen_right``). Round 117: a reply comparing two trees is right when the
        expected label is one it answers (``compared``: either tree's field set side by side or card, the place's
        recommendation whatever purpose follows the place, a purpose's list about the field compared); a ticket never."""
        if self.offered is not None:
            return False
        return self.target in (self.got, self.also) or _compared_right(self.target, self.compared)

    @property
    def ticket_with_answer(self) -> bool:
        """Escalated, and the expected entry's answer under the ticket's number (round 49: a danger's first aid, a
        subsidy's rule): the villager reads the answer and a person follows. Reported apart, never counted right."""
        return (
            self.got == "escalate" and self.offered is None and self.target != "escalate" and self.noted == self.target
        )

    @property
    def chosen_right(self) -> bool:
        """Asked back, and the expected answer among the two offered."""
        return self.offered is not None and self.target in (self.got, self.also, self.offered)

    @property
    def confident_wrong(self) -> bool:
        """Answered from an entry, and not the one expected: the worst outcome (a question back is no answer)."""
        return self.offered is None and self.got not in ("escalate", "chitchat") and not self.right

    @property
    def near(self) -> bool:
        """A confident wrong that is near the expected answer (``near_miss``): counted beside, never subtracted."""
        return self.confident_wrong and near_miss(self.target, self.got)


def _compared_right(target: str, compared: tuple[str, ...]) -> bool:
    """Round 117: ``target`` is a label the comparing reply answers; a recommendation by its place before any purpose
    (``recommend.河边+护岸`` for a reply on which of two trees fits 河边: the place's list is what the writer meant)."""
    if not compared:
        return False
    return target in compared or target.startswith("recommend.") and target.split("+")[0] in compared


def near_miss(expected: str, got: str) -> bool:
    """The right tree's other field or card (``species.荔枝.water`` for ``species.荔枝.time`` or ``.card``), or the
    right recommendation's place with another purpose or size (``recommend.庭院+香花+small`` for
    ``recommend.庭院+香花``; a recommendation without a place is never near another)."""
    want, have = expected.split("."), got.split(".")
    if len(want) == len(have) == 3 and want[0] == have[0] == "species":
        return want[1] == have[1] and want[2] != have[2]
    if len(want) == len(have) == 2 and want[0] == have[0] == "recommend" and want[1] != have[1]:
        place, other = want[1].split("+")[0], have[1].split("+")[0]
        return place == other and place in nlu.SITE_WORDS
    return False


def load_eval_set(path: str | Path) -> list[EvalCase]:
    """The cases of a tab-separated set; '#' lines and blank lines skipped."""
    cases = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cols = line.split("\t")
            tags = frozenset(re.split(r"[,，\s]+", cols[2].strip())) - {""} if len(cols) > 2 else frozenset()
            cases.append(EvalCase(cols[0].strip(), cols[1].strip(), tags))
    return cases


def load_missing_map(path: str | Path) -> dict[str, str]:
    """``{'missing:<topic>': entry id}`` from a tab-separated file (absent file: no mapping)."""
    path = Path(path)
    if not path.exists():
        return {}
    pairs = [
        line.split("\t")[:2]
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return {label.strip(): entry.strip() for label, entry in pairs}


_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_ENGLISH_WORD_RE = re.compile(r"[a-z]+(?:'[a-z]+)?")
_WARNING = "⚠"  # how an entry's own safety advice starts (tech.hole_lime's 撒石灰戴手套, tech.snakes)


# a Chinese character: what the model reads (a text without one, '1', is never read by it: round 48)
_HAN_CHAR_RE = re.compile(r"[\u4e00-\u9fff]")


def result_label(result: FaqResult) -> str:
    """What the evaluation set writes for a result: entry id or kind."""
    return result.entry_id if result.kind == "answer" and result.entry_id is not None else result.kind


def evaluate(index: FaqIndex, cases: list[EvalCase], missing_map: Mapping[str, str] | None = None) -> list[EvalRow]:
    import time

    rows = []
    for case in cases:
        start = time.perf_counter()
        result = index.match(case.question)
        seconds = time.perf_counter() - start
        expected = index.answered_as(case.expected)  # a card topic's label is the card's
        target = index.answered_as((missing_map or {}).get(case.expected, case.expected))
        rows.append(
            EvalRow(
                case.question,
                expected,
                target,
                result_label(result),
                seconds,
                case.tags,
                bool(result.safety),
                result.also if result.kind == "answer" else None,
                bool(result.safety) or (result.kind == "answer" and _WARNING in result.answer_text),
                result_label(result.other) if result.other is not None else None,
                _attached(index, result),
                (result.safety or result.answer_text).strip().split("\n", 1)[0],
                result.compared if result.kind == "answer" else (),
            )
        )
    return rows


def _attached(index: FaqIndex, result: FaqResult) -> str | None:
    """The entry whose answer an escalation's reply carries under the ticket's number (round 49's ``note_entry``), when
    that answer is really in the reply's text (round 100: the figure that counts such a ticket right reads this)."""
    if result.kind != "escalate" or result.note_entry is None:
        return None
    entry = index.entry(result.note_entry)
    return result.note_entry if entry is not None and entry.answer.strip() in result.answer_text else None


@dataclass(frozen=True)
class EvalScores:
    """The figures of one set (see bench/faq_eval.py)."""

    questions: int
    right: float  # top-1: got == expected (missing topics mapped)
    right_unmapped: float  # the same with missing topics as written (never right)
    adviser_recall: float  # of the questions an adviser must answer, share escalated
    escalation_precision: float  # of the escalated questions, share an adviser must answer
    confident_wrong: float  # share answered from the wrong entry
    confident_wrong_n: int
    safety_lines: tuple[int, int]  # safety-tagged questions whose reply has a safety line, of all
    warned: tuple[int, int] = (0, 0)  # safety-tagged questions whose reply warns (line or the entry's own ⚠), of all
    near: int = 0  # of the confident wrongs, those near the expected answer (``near_miss``): beside, not subtracted
    ticket_with_answer: int = 0  # escalated with the expected entry's answer under the number (round 49): not right
    # round 100 (issue 17 §1): the second figure, beside ``right`` and never instead of it: right, counting a ticket
    # that also gives the expected entry's answer (a danger's first aid, camp.subsidy's rule) as right
    right_with_ticket: float = 0.0
    asked: int = 0  # asked back which of two answers (round 43): neither right nor confident wrong
    chosen_right: int = 0  # of those, the expected answer among the two offered


def _share(n: int, of: int) -> float:
    return n / of if of else 1.0


def scores(rows: list[EvalRow]) -> EvalScores:
    adviser = [r for r in rows if r.target == "escalate"]
    escalated = [r for r in rows if r.got == "escalate" and r.offered is None]  # asked first: a ticket only on 0
    safety = [r for r in rows if "safety" in r.tags]
    wrong = sum(r.confident_wrong for r in rows)
    return EvalScores(
        questions=len(rows),
        right=_share(sum(r.right for r in rows), len(rows)),
        right_unmapped=_share(
            sum(
                r.offered is None and (r.expected in (r.got, r.also) or _compared_right(r.expected, r.compared))
                for r in rows
            ),
            len(rows),
        ),
        adviser_recall=_share(sum(r.got == "escalate" and r.offered is None for r in adviser), len(adviser)),
        escalation_precision=_share(sum(r.target == "escalate" for r in escalated), len(escalated)),
        confident_wrong=_share(wrong, len(rows)),
        confident_wrong_n=wrong,
        safety_lines=(sum(r.safety for r in safety), len(safety)),
        warned=(sum(r.warned for r in safety), len(safety)),
        near=sum(r.near for r in rows),
        ticket_with_answer=sum(r.ticket_with_answer for r in rows),
        right_with_ticket=_share(sum(r.right or r.ticket_with_answer for r in rows), len(rows)),
        asked=sum(r.offered is not None for r in rows),
        chosen_right=sum(r.chosen_right for r in rows),
    )
