"""FAQ index and matcher: a villager's question -> a short answer, or escalate.

Knowledge is data in ``messages/``: ``species.toml`` (one table per species),
``faq/*.toml`` (``[[entry]]`` question/answer pairs; campaign answers are
templates filled from the ``[campaign]`` config) and ``faq/matching.toml``
(topic, recommendation and escalation vocabularies).

Matching order (first that applies wins):
  1. empty / greeting / thanks                      -> chitchat
  2. ``问专家 …``, legal or subsidy words, a symptom seen on a tree (unless
     asked in general, or transplant shock just after planting, or an
     adviser-approved entry answers it), a planting report rather than a
     question                                        -> escalate
  3. a known species: an adviser-approved entry about it, else the species
     field for the topic asked (time, water, pests …), else a confident
     general technique entry, else the species' summary card
  4. "what should I plant" with a site or purpose   -> recommendation
  5. entries ranked by idf-weighted overlap (BM25 idf, words + characters),
     confidence >= threshold                         -> answer, else escalate

Confidence is coverage times evidence. Coverage (how much of the question,
and of the matched phrasing, the two share) alone gives a short question
full marks on generic words: '这棵树怎么了' covers '怎么认养一棵树' entirely.
So the shared words must also carry evidence: words that are not generic
(not in ``[ranking] generic``, not in a tenth of the entries), or that fill a
topic slot (什么时候, 浇水 …). Below ``[ranking] min_evidence`` the confidence
falls in proportion; a question identical to a stored phrasing needs none.
A planting report ('3棵桂花') is not a question and is never answered.
"""
from __future__ import annotations

import logging
import math
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

import jieba

from bot import nlu
from bot.schedule import month_day_words

jieba.setLogLevel(logging.WARNING)

STOP_WORDS = frozenset(
    "的 了 吗 呢 吧 啊 呀 哦 嘛 么 我 我们 我家 你 您 你们 请问 一下 想 问 问下 是 这 那 个 就 都 也 还 "
    "和 与 跟 给 把 被 在 老师 师傅 你好 您好 谢谢 请 帮 帮忙 知道 告诉 有 要 能 会 得 地 着 过 一 下 "
    "比较 最好 好 一点 点 些 哪 吧 哈 呗 啦 嗯 棵 株 颗 "
    "这个 那个 这样 那样 这么 那么 这些 那些".split())
# Scales raw overlap so that faq.confidence_threshold = 0.55 separates the
# evaluation set's answerable questions from off-topic ones (bench/faq_eval.py).
CALIBRATION = 1.15
STOP_CHARS = frozenset("的了吗呢吧啊呀哦嘛么我你您是这那个就都也还和与跟给把被在有要能会得地着过一下好些哪什怎")


@dataclass(frozen=True)
class FaqResult:
    """``kind`` is 'answer', 'escalate' or 'chitchat'; ``entry_id`` is None
    when escalating; ``reason`` says which rule decided."""
    kind: str
    entry_id: str | None
    answer_text: str
    score: float
    reason: str


@dataclass
class Entry:
    id: str
    title: str
    questions: list[str]
    answer: str
    source: str                  # technique, campaign, added
    species: str | None = None   # an entry about one species (adviser-added)


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
    _weights: dict[str, float] = field(default_factory=dict)   # cleared by add()
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
        two share; a broad document by the question's share alone. Summed
        over the postings of the question's terms only."""
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
                out[doc_id] = 0.75 * both / q_total + 0.25 * both / self._doc_total(doc_id)
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
    return _PLACEHOLDER_RE.sub(
        lambda m: _format_value(_lookup(config, m.group(1)), m.group(2)), text)


def _load_entries(faq_dir: Path, config: Mapping) -> list[Entry]:
    entries = []
    for path in sorted(faq_dir.glob("*.toml")):
        for row in _read_toml(path).get("entry", []):
            try:
                answer = fill_template(row["answer"].strip(), config)
            except KeyError as exc:
                raise KeyError(f"{path.name} {row['id']}: unknown config key {exc}") from exc
            entries.append(Entry(row["id"], row.get("title", ""), list(row.get("questions", [])),
                                 answer, path.stem))
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


# --- the index ----------------------------------------------------------------------

class FaqIndex:
    """Load once, then ``match(question)`` (< 5 ms) and ``add_entry(...)``."""

    def __init__(self, entries: list[Entry], species: dict[str, dict], matching: dict,
                 tokenizer: jieba.Tokenizer, threshold: float):
        self.entries: list[Entry] = []
        self.species = species
        self.matching = matching
        self.threshold = threshold
        self._tok = tokenizer
        self._species_words = {w for name, info in species.items()
                               for w in [name, *info.get("aliases", [])]}
        self._terms = TermIndex()
        self._by_id: dict[str, int] = {}
        ranking = matching.get("ranking", {})
        self._min_evidence = float(ranking.get("min_evidence", 0.0))
        self._generic_share = float(ranking.get("generic_entry_share", 1.0))
        self._generic_words = frozenset(nlu.normalize(w) for w in ranking.get("generic", []))
        self._slot_words = frozenset(w for t in matching["topics"].values() if not t.get("card")
                                     for w in t["triggers"])
        self._generic: frozenset[str] | None = None          # cleared by _add()
        self._entry_words: list[set[str]] = []                # words of an entry's phrasings
        self._entry_text_words: list[set[str]] = []           # words of its answer text too
        self._phrasings: dict[frozenset[str], int] = {}      # a phrasing's features -> entry
        self._species_with_entries: set[str] = set()          # species that adviser entries are about
        for entry in entries:
            self._add(entry)

    @classmethod
    def load(cls, messages_dir: str | Path, campaign_config: Mapping,
             confidence_threshold: float = 0.55) -> "FaqIndex":
        """Build the index from ``messages_dir`` (species.toml, faq/*.toml,
        jieba_dict.txt) and the ``[campaign]`` config table."""
        root = Path(messages_dir)
        species = load_species_table(root)
        matching = _read_toml(root / "faq" / "matching.toml")
        entries = _load_entries(root / "faq", campaign_config)
        words = _domain_words(species, matching)
        tok = _tokenizer(str(root / "jieba_dict.txt"), tuple(sorted(words)))
        return cls(entries, species, matching, tok, confidence_threshold)

    # -- building

    def _add(self, entry: Entry) -> None:
        if entry.id in self._by_id:
            raise ValueError(f"duplicate FAQ entry id {entry.id}")
        idx = len(self.entries)
        self.entries.append(entry)
        self._by_id[entry.id] = idx
        if entry.species:
            self._species_with_entries.add(entry.species)
        words: set[str] = set()
        for text in [entry.title, *entry.questions]:
            if text:
                tokens = self.tokens(text)
                self._terms.add(idx, tokens)
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
        self._generic = None

    def add_entry(self, entry_id: str, question: str, answer: str) -> None:
        """Add an adviser-approved Q&A; it matches from the next call on."""
        species, _ = nlu.find_species(nlu.normalize(question), self.species)
        self._add(Entry(entry_id, "", [question], answer.strip(), "added", species))

    def entry(self, entry_id: str) -> Entry | None:
        idx = self._by_id.get(entry_id)
        return None if idx is None else self.entries[idx]

    def tokens(self, text: str) -> list[str]:
        """Features of a question: content words (species names removed) plus
        their characters as ``'#x'`` (for typos and unseen word forms)."""
        return self._features(nlu.normalize(text))

    def _features(self, norm: str) -> list[str]:
        words = [t for t in self._tok.lcut(norm, HMM=False)
                 if t not in STOP_WORDS and t not in self._species_words]
        chars = ["#" + c for w in words if len(w) > 1 for c in w if c not in STOP_CHARS]
        return words + chars

    # -- matching

    def match(self, question: str) -> FaqResult:
        """Answer, escalate or chit-chat for one question (see module doc)."""
        norm = nlu.normalize(question)
        if nlu.is_chitchat(question):
            return FaqResult("chitchat", "chitchat", self.matching["chitchat"]["answer"].strip(),
                             1.0, "chitchat")
        if not norm:
            return _escalate("empty")
        reason = self._escalation_reason(norm)
        species, _ = nlu.find_species(norm, self.species)
        if reason == "diagnosis":
            # a symptom an adviser has already answered (收录) is answered again
            best = self._best_entry(norm, species)
            if best and self.entries[best[0]].source == "added" and best[1] >= self.threshold:
                return self._answer(best[0], best[1], "adviser_entry")
        if reason:
            return _escalate(reason)
        if nlu.parse_planting_text(question, self.species):
            return _escalate("not_a_question")
        if species:
            return self._match_species(norm, species)
        rec = self._recommend(norm)
        if rec:
            return rec
        best = self._best_entry(norm, None)
        if best and best[1] >= self.threshold:
            return self._answer(best[0], best[1], "ranked")
        return _escalate("low_confidence", best[1] if best else 0.0)

    def _escalation_reason(self, norm: str) -> str | None:
        esc = self.matching["escalate"]
        if norm.startswith("问专家"):
            return "asked_expert"
        if nlu.contains_any(norm, esc["legal"]):
            return "legal_or_subsidy"
        if nlu.contains_any(norm, esc["observed"]):
            return "diagnosis"
        seen = [w for w in esc["symptoms"] if w in norm]
        if not seen or nlu.contains_any(norm, esc["general"]):
            return None   # no symptom, or asked in general ('桂花容易长什么虫')
        after_planting = nlu.contains_any(norm, esc["after_planting"])
        if after_planting and all(nlu.contains_any(w, esc["transplant_shock"]) for w in seen):
            return None   # wilting right after planting: the technique entries answer
        return "diagnosis"

    def _match_species(self, norm: str, species: str) -> FaqResult:
        topic = self._topic(norm)
        text = self._species_topic_text(species, topic) if topic else None
        if text and species not in self._species_with_entries:  # nothing could outrank the species' own answer: skip the ranking
            return FaqResult("answer", f"species.{species}.{topic}", text, 0.9, "species_topic")
        best = self._best_entry(norm, species)
        if best and self.entries[best[0]].species == species and best[1] >= self.threshold:
            return self._answer(best[0], best[1], "adviser_entry")
        if text:
            return FaqResult("answer", f"species.{species}.{topic}", text, 0.9, "species_topic")
        if best and not topic and best[1] >= max(self.threshold, 0.6) and self._specific(norm):
            return self._answer(best[0], best[1], "ranked_with_species")
        return FaqResult("answer", f"species.{species}.card", self._card(species), 0.7,
                         "species_card")

    def _card(self, species: str) -> str:
        return self.species[species]["card"].strip() + "\n拿不准就发“问专家 +问题”。"

    def _specific(self, norm: str) -> bool:
        """Some distinctive word besides the species name ('木棉好不好' is
        about the species as a whole, not a general technique)."""
        return any(self._is_evidence(t) for t in self.tokens(norm) if not t.startswith("#"))

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

    def _topic(self, norm: str) -> str | None:
        """The topic whose trigger is longest; a weak topic (``time``) only when no other matches."""
        topics = self.matching["topics"]
        found = [(not topics[name].get("weak", False), len(w), name) for name, topic in topics.items()
                 for w in topic["triggers"] if w in norm]
        return max(found)[2] if found else None

    def _species_topic_text(self, species: str, topic: str) -> str | None:
        info = self.species[species]
        spec = self.matching["topics"][topic]
        if spec.get("card"):
            return self._card(species)
        parts = [_species_field(info, f) for f in spec["fields"]]
        body = "\n".join(p for p in parts if p)
        if not body:
            return None
        return self.matching["species_answer"]["template"].strip().format(
            name=species, label=spec["label"], text=body)

    def _best_entry(self, norm: str, species: str | None) -> tuple[int, float] | None:
        terms = self._features(norm)
        if not terms:
            return None
        term_set = set(terms)
        narrow: dict[int, float] = {}
        broad: dict[int, float] = {}
        for doc_id, confidence in self._terms.confidences(term_set).items():
            doc = self._terms.docs[doc_id]
            entry_species = self.entries[doc.entry].species
            if entry_species and entry_species != species:
                continue
            seen = broad if doc.broad else narrow
            seen[doc.entry] = max(seen.get(doc.entry, 0.0), confidence)
        if not narrow and not broad:
            return None
        terms_key = frozenset(term_set)
        words = {t for t in term_set if not t.startswith("#") and self._is_evidence(t)}
        scores = {e: _entry_score(narrow.get(e, 0.0), broad.get(e))
                  * self._evidence_factor(words, e, terms_key) for e in narrow | broad}
        best = max(scores, key=scores.get)
        return best, min(1.0, scores[best])

    def _answer(self, entry_idx: int, score: float, reason: str) -> FaqResult:
        entry = self.entries[entry_idx]
        return FaqResult("answer", entry.id, entry.answer, round(score, 3), reason)

    # -- recommendations

    def _recommend(self, norm: str) -> FaqResult | None:
        rec = self.matching["recommend"]
        if not nlu.contains_any(norm, rec["triggers"]):
            return None
        site = nlu.find_site(norm)
        purpose = next((p for p, words in rec["purposes"].items()
                        if nlu.contains_any(norm, words)), None)
        if not site and not purpose:
            return None
        small = bool(site in ("庭院", "房前屋后") and nlu.contains_any(norm, rec["small_words"]))
        names = _pick_species(self.species, site, purpose,
                              rec["small_max_height_m"] if small else None)[: rec["max_items"]]
        if not names:
            return None
        parts = [p for p in (site, purpose, "small" if small else None) if p]
        labels = rec["labels"]
        what = "".join(labels.get(p, p) for p in (["small"] if small else []) + parts[:2])
        items = "\n".join(f"• {n}:{self.species[n]['use']}" for n in names)
        text = rec["template"].strip().format(what=what, items=items, first=names[0])
        return FaqResult("answer", "recommend." + "+".join(parts), text, 0.85, "recommend")


def _entry_score(narrow: float, broad: float | None) -> float:
    """An entry's confidence: its best matching question, helped by how much
    of the question its whole text (all questions and the answer) covers.
    Entries added by advisers have no broad document."""
    if broad is None:
        return narrow
    return CALIBRATION * (0.6 * narrow + 0.4 * broad)


def _escalate(reason: str, score: float = 0.0) -> FaqResult:
    return FaqResult("escalate", None, "", round(score, 3), reason)


def _species_field(info: Mapping, name: str) -> str:
    if name == "sites_text":
        return "适合:" + "、".join(info.get("sites", []))
    return str(info.get(name, "")).strip()


_SITE_FALLBACK = {"主题林": "党建林", "示范点": "庭院", "广场": "路边"}


def _pick_species(species: Mapping[str, Mapping], site: str | None, purpose: str | None,
                  max_height: float | None) -> list[str]:
    """Species suiting a site and purpose, best fits first; the height limit
    and then the purpose are relaxed when nothing fits."""
    site = _SITE_FALLBACK.get(site, site)

    def fits(info: Mapping, use_purpose: bool, use_height: bool) -> bool:
        return ((not site or site in info["sites"])
                and (not use_purpose or not purpose or purpose in info["purposes"])
                and (not use_height or max_height is None or info["height_m"] <= max_height))

    for use_purpose, use_height in ((True, True), (True, False), (False, True)):
        names = [n for n, info in species.items() if fits(info, use_purpose, use_height)]
        if names:
            if purpose:
                names.sort(key=lambda n: species[n]["purposes"].index(purpose)
                           if purpose in species[n]["purposes"] else 99)
            return names
    return []


def _domain_words(species: Mapping[str, Mapping], matching: Mapping) -> set[str]:
    """Words the tokenizer must keep whole: species, sites, topic triggers."""
    words = {w for name, info in species.items() for w in [name, *info.get("aliases", [])]}
    words |= {w for ws in nlu.SITE_WORDS.values() for w in ws}
    words |= {w for t in matching["topics"].values() for w in t["triggers"]}
    words |= {w for ws in matching["recommend"]["purposes"].values() for w in ws}
    words |= set(matching["recommend"]["triggers"])
    words |= set(matching.get("ranking", {}).get("generic", []))
    return {w for w in words if len(w) > 1}


# --- evaluation (used by tests/unit/test_faq.py and bench/faq_eval.py) ---------------

@dataclass(frozen=True)
class EvalRow:
    question: str
    expected: str     # an entry id, 'escalate' or 'chitchat'
    got: str
    seconds: float


def load_eval_set(path: str | Path) -> list[tuple[str, str]]:
    """(question, expected) pairs from a tab-separated file; '#' lines skipped."""
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            question, expected = line.split("\t")[:2]
            rows.append((question.strip(), expected.strip()))
    return rows


def result_label(result: FaqResult) -> str:
    """What the evaluation set writes for a result: entry id or kind."""
    return result.entry_id if result.kind == "answer" else result.kind


def evaluate(index: FaqIndex, pairs: list[tuple[str, str]]) -> list[EvalRow]:
    import time
    rows = []
    for question, expected in pairs:
        start = time.perf_counter()
        got = result_label(index.match(question))
        rows.append(EvalRow(question, expected, got, time.perf_counter() - start))
    return rows


def accuracy(rows: list[EvalRow]) -> float:
    return sum(r.got == r.expected for r in rows) / max(1, len(rows))


def escalation_precision_recall(rows: list[EvalRow]) -> tuple[float, float]:
    predicted = [r for r in rows if r.got == "escalate"]
    actual = [r for r in rows if r.expected == "escalate"]
    hits = sum(r.expected == "escalate" for r in predicted)
    return hits / max(1, len(predicted)), hits / max(1, len(actual))
