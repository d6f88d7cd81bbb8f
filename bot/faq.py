"""FAQ index and matcher: a villager's question -> a short answer, or escalate.

Knowledge is data in ``messages/``: ``species.toml`` (one table per species),
``faq/*.toml`` (``[[entry]]`` question/answer pairs; campaign answers are
templates filled from the ``[campaign]`` config) and ``faq/matching.toml``
(topic, recommendation and escalation vocabularies).

Matching order (first that applies wins):
  1. empty / greeting / thanks                      -> chitchat
  2. ``问专家 …``, legal or subsidy words, a symptom seen on someone's tree
                                                     -> escalate
  3. a known species: an adviser-approved entry about it, else the species
     field for the topic asked (time, water, pests …), else a confident
     general technique entry, else the species' summary card
  4. "what should I plant" with a site or purpose   -> recommendation
  5. BM25-ranked entries, confidence >= threshold   -> answer, else escalate
"""
from __future__ import annotations

import logging
import math
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

import jieba

from bot import nlu

jieba.setLogLevel(logging.WARNING)

STOP_WORDS = frozenset(
    "的 了 吗 呢 吧 啊 呀 哦 嘛 么 我 我们 我家 你 您 你们 请问 一下 想 问 问下 是 这 那 个 就 都 也 还 "
    "和 与 跟 给 把 被 在 老师 师傅 你好 您好 谢谢 请 帮 帮忙 知道 告诉 有 要 能 会 得 地 着 过 一 下 "
    "比较 最好 好 一点 点 些 哪 吧 哈 呗 啦 嗯".split())


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
    length: int


@dataclass
class Bm25:
    """A small BM25 index over short documents, growable one doc at a time."""
    k1: float = 1.2
    b: float = 0.75
    docs: list[_Doc] = field(default_factory=list)
    postings: dict[str, dict[int, int]] = field(default_factory=dict)
    total_len: int = 0

    def add(self, entry: int, tokens: list[str]) -> None:
        terms: dict[str, int] = {}
        for tok in tokens:
            terms[tok] = terms.get(tok, 0) + 1
        doc_id = len(self.docs)
        self.docs.append(_Doc(entry, terms, max(1, len(tokens))))
        self.total_len += max(1, len(tokens))
        for tok, tf in terms.items():
            self.postings.setdefault(tok, {})[doc_id] = tf

    def idf(self, term: str) -> float:
        n, df = len(self.docs), len(self.postings.get(term, ()))
        if df == 0:
            return self.max_idf()
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def max_idf(self) -> float:
        n = max(1, len(self.docs))
        return math.log(1 + (n - 0.5) / 1.5)

    def scores(self, terms: Iterable[str]) -> dict[int, float]:
        avg = self.total_len / max(1, len(self.docs))
        out: dict[int, float] = {}
        for term in set(terms):
            idf = self.idf(term)
            for doc_id, tf in self.postings.get(term, {}).items():
                norm = self.k1 * (1 - self.b + self.b * self.docs[doc_id].length / avg)
                out[doc_id] = out.get(doc_id, 0.0) + idf * tf * (self.k1 + 1) / (tf + norm)
        return out

    def confidence(self, terms: set[str], doc_id: int) -> float:
        """0..1: how much of the question (70%) and of the document (30%),
        weighted by idf, the two share."""
        doc = self.docs[doc_id]
        shared = sum(self.idf(t) for t in terms if t in doc.terms)
        q_total = sum(self.idf(t) for t in terms) or 1.0
        d_total = sum(self.idf(t) for t in doc.terms) or 1.0
        return 0.7 * shared / q_total + 0.3 * shared / d_total


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


def _month_day(value: str) -> str:
    month, day = value.split("-")[-2:]
    return f"{int(month)}月{int(day)}日"


def _format_value(value: Any, how: str | None) -> str:
    if how == "date":
        return _month_day(str(value))
    if how == "range":
        return f"{_month_day(value[0])}至{_month_day(value[1])}"
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
        self._bm25 = Bm25()
        self._by_id: dict[str, int] = {}
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
        for text in [entry.title, *entry.questions]:
            if text:
                self._bm25.add(idx, self.tokens(text))

    def add_entry(self, entry_id: str, question: str, answer: str) -> None:
        """Add an adviser-approved Q&A; it matches from the next call on."""
        species, _ = nlu.find_species(nlu.normalize(question), self.species)
        self._add(Entry(entry_id, "", [question], answer.strip(), "added", species))

    def entry(self, entry_id: str) -> Entry | None:
        idx = self._by_id.get(entry_id)
        return None if idx is None else self.entries[idx]

    def tokens(self, text: str) -> list[str]:
        """Content words of a question, species names removed."""
        norm = nlu.normalize(text)
        return [t for t in self._tok.lcut(norm, HMM=False)
                if t not in STOP_WORDS and t not in self._species_words]

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
        if reason:
            return _escalate(reason)
        species, _ = nlu.find_species(norm, self.species)
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
        if nlu.contains_any(norm, esc["symptoms"]) and nlu.contains_any(norm, esc["owner"]):
            return "diagnosis"
        return None

    def _match_species(self, norm: str, species: str) -> FaqResult:
        best = self._best_entry(norm, species)
        if best and self.entries[best[0]].species == species and best[1] >= self.threshold:
            return self._answer(best[0], best[1], "adviser_entry")
        topic = self._topic(norm)
        text = self._species_topic_text(species, topic) if topic else None
        if text:
            return FaqResult("answer", f"species.{species}.{topic}", text, 0.9, "species_topic")
        if best and not topic and best[1] >= max(self.threshold, 0.6):
            return self._answer(best[0], best[1], "ranked_with_species")
        return FaqResult("answer", f"species.{species}.card", self._card(species), 0.7,
                         "species_card")

    def _card(self, species: str) -> str:
        return self.species[species]["card"].strip() + "\n拿不准就发“问专家 +问题”。"

    def _topic(self, norm: str) -> str | None:
        found = [(len(w), name) for name, topic in self.matching["topics"].items()
                 for w in topic["triggers"] if w in norm]
        return max(found)[1] if found else None

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
        terms = [t for t in self._tok.lcut(norm, HMM=False)
                 if t not in STOP_WORDS and t not in self._species_words]
        if not terms:
            return None
        term_set = set(terms)
        best: tuple[float, float, int] | None = None
        for doc_id, bm in self._bm25.scores(terms).items():
            entry_idx = self._bm25.docs[doc_id].entry
            entry_species = self.entries[entry_idx].species
            if entry_species and entry_species != species:
                continue
            conf = self._bm25.confidence(term_set, doc_id)
            if best is None or (conf, bm) > best[:2]:
                best = (conf, bm, entry_idx)
        return (best[2], best[0]) if best else None

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
