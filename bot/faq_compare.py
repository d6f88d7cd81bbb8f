"""Two trees of the list compared, answered side by side (round 117, issue 17 §1; docs/faq.md 第一百一十七轮).

'桂花和龙眼哪个好养', '香樟同秋枫边个大得快', '荔枝龙眼哪个结果早': since round 46 a ticket with both trees' field under its
number (``FaqIndex._compared``); eight blind sets label an answer (28 of 28: a field or card of either tree, or a
recommendation list), and the facts are in species.toml. So when the question compares (``[compare] frame``) and names
something both species cards hold, the reply is both trees' field, one line each, and no ticket:

- the topic the question names (``[topics]`` of matching.toml); else a judgement word mapped to the field the cards
  really hold it in (``[compare.judged]``: 好养/容易种/省事 -> the card, 大得快/矮 -> growth and size, 香 -> flowering,
  耐瘦 -> soil; ``[compare.judged_first]``: 遮阴 -> growth and size, even beside light's 阴); no field named ('荔枝和龙眼哪个好', '哪个抗风'): None, the ticket stays;
- a public place the question names (``public_sites``: 路边, 河边, 校园, 党建林): both trees' sites, when at least one
  card lists that place (the reply then says which fits); a place no card speaks of (广场, 示范点): None;
- the two planted together (``together``: '桂花和香樟种在一起行吗'): both cards' spacing, light and water
  (``together_fields``), answered when both cards hold all three (they decide whether two trees share a spot: room,
  sun, wetness); whether they affect each other, pass a disease, share one hole are ``person`` words: None;
- the house front, door or yard (``own_sites``: 门口, 屋前, 屋后, 院子 …; second part of round 117) with no other field
  asked: both trees' house line (``[compare.house]``: the adult size, the card's cautions about the house, walls, roots
  and small yards, where it fits), labelled ``recommend.<site>`` too; "my" house there is the house front itself. What
  the villager's own house decides (``[compare.house] situation``: a wall already cracking, a neighbour's house, whose
  land) stays a ticket;
- what needs a person (``[compare.person]``): the asker's own plot or house away from the house front (``own``),
  disease or pests passing, grafting, one hole, money, luck: None.

The labels a reply carries (``Compared.labels``) are what bench/faq_eval.py counts right for it: either tree's field
answered and either tree's card; for a place, ``recommend.<place>``; for a field a recommendation's purpose is about
(``[compare.recommend_for]``: growth said fast -> 速生), ``recommend.<purpose>``; for the house front or yard,
``recommend.房前屋后`` / ``recommend.庭院`` only beside both trees' house line.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol


class Words(Protocol):
    """A word list of matching.toml (``faq.Vocab``)."""

    def search(self, text: str) -> bool: ...


@dataclass(frozen=True)
class Compared:
    """The comparing reply: its text, and the labels it answers (the first one its own)."""

    text: str
    labels: tuple[str, ...]


@dataclass(frozen=True)
class Comparer:
    """``[compare]`` of matching.toml, read once (``FaqIndex``)."""

    frame: Words
    together: Words
    person: Words
    symptom: Words  # one tree's trouble told ('…嘅荔枝唔结果'): that tree's question for a person, no comparison
    judged: Mapping[str, Words]
    judged_first: Mapping[str, Words]  # judgement words that name the field even beside another topic's word
    together_fields: tuple[str, ...]
    together_label: str
    own_sites: frozenset[str]
    public_sites: frozenset[str]
    recommend_for: Mapping[str, Mapping[str, Words]]  # topic -> {purpose: its words}
    fields: Mapping[str, tuple[str, ...]]  # a topic's fields set side by side (default: its first field)
    own: Words  # the asker's own house or plot: a person's away from the house front, the house front itself there
    house: House
    care: Care  # which is easier to keep (``judged`` card words): both trees' care, not both whole cards (left123)
    alternative: Words  # a clause offering the other tree ('…，还是种石榴好'): part of the question, not a story

    def compared(
        self,
        masked: str,
        names: list[str],
        topic: str | None,
        site: str | None,
        topics: Mapping[str, Mapping],
        species: Mapping[str, Mapping],
        field: Callable[[Mapping, str], str],
        display: Callable[[str], str],
        template: str,
    ) -> Compared | None:
        """The reply comparing ``names`` (two listed trees) on what ``masked`` (the normalised question, the trees'
        names masked) asks, or None when a person must weigh it. ``topic``: the topic its words name (``_topic``);
        ``site``: the place it names (``nlu.find_site``); ``field``: a species' field as the species answer writes it
        (sites as 适合：…); ``display``: a tree's name as replies show it."""
        if len(names) != 2 or self.person.search(masked) or self.symptom.search(masked):
            return None
        at_house = site in self.own_sites
        if self.house.situation.search(masked) if at_house else self.own.search(masked):
            return None  # the villager's own house or plot decides (a cracking wall; my plot away from the house)
        if site is not None and not at_house and site not in self.public_sites:
            return None  # a place no card's site list speaks of (广场, 示范点): which suits it is the adviser's
        together = self.together.search(masked)
        if not together and not self.frame.search(masked):
            return None  # two trees told, not compared
        rows = [species[name] for name in names]
        if together and at_house:
            return None  # two trees together by the house: whether they crowd it is the adviser's (round 117)
        if together:
            fields = self.together_fields
            return self._side_by_side(names, rows, fields, fields, self.together_label, field, display, template)
        if site in self.public_sites and topic in (None, "sites"):
            if not any(site in row.get("sites", []) for row in rows):
                return None  # neither card speaks of the place: the adviser knows it
            label = topics["sites"]["label"]
            reply = self._side_by_side(names, rows, ("sites_text",), ("sites",), label, field, display, template)
            return reply and Compared(reply.text, (*reply.labels, f"recommend.{site}"))
        first = next((t for t, words in self.judged_first.items() if words.search(masked)), None)
        if first is not None:
            topic = first  # '哪个更遮阴': the shade the tree gives (its size), not the light it needs (阴)
        elif topic in (None, "sites") or (at_house and topic == "house"):
            topic = next((t for t, words in self.judged.items() if words.search(masked)), topic)
        if topic == "house" or (at_house and topic in (None, "sites")):
            reply = self.house.lines(names, rows, field, display, template)
            return reply and Compared(reply.text, (*reply.labels, *((f"recommend.{site}",) if at_house else ())))
        if topic is None or topic == "sites" or topic not in topics:
            return None  # no field named from the words ('哪个好', '哪个抗风')
        spec = topics[topic]
        if spec.get("card") and self.care.fields and (easy := self.judged.get("card")) and easy.search(masked):
            # '桂花和龙眼哪个好养': both trees' care, one line each, not both whole cards
            return self.care.lines(names, rows, field, display, template)
        if spec.get("card"):
            return self._cards(names, rows, spec.get("label", ""), display, template)
        fields = tuple(self.fields.get(topic, spec.get("fields", [])[:1]))
        reply = self._side_by_side(names, rows, fields, (topic,), spec.get("label", ""), field, display, template)
        said = self.recommend_for.get(topic, {})
        purposes = tuple(f"recommend.{p}" for p, words in said.items() if words.search(masked))
        return reply and Compared(reply.text, (*reply.labels, *purposes))

    @staticmethod
    def _side_by_side(
        names: list[str],
        rows: list[Mapping],
        fields: tuple[str, ...],
        answered: tuple[str, ...],
        label: str,
        field: Callable[[Mapping, str], str],
        display: Callable[[str], str],
        template: str,
    ) -> Compared | None:
        """Each tree's ``fields`` on a line of its own; None when a card lacks one (桂花 has no fruit years: nothing to
        set side by side), or when a field's first line only announces the lines after it (荔枝's fertilizer, a
        year's regime of five lines: two of them run past a phone screen). Labels: each tree's ``answered`` topics, then each tree's card."""
        lines = []
        for name, row in zip(names, rows, strict=True):
            parts = [_first_line(field(row, f)) for f in fields]
            if not all(parts):
                return None
            kept = [part for i, part in enumerate(parts) if not any(part in other for other in parts[:i])]
            lines.append(f"{display(name)}：" + "；".join(kept))
        labels = tuple(f"species.{name}.{topic}" for topic in answered for name in names)
        cards = tuple(f"species.{name}.card" for name in names)
        return Compared(template.strip().format(label=label, lines="\n".join(lines)), labels + cards)

    @staticmethod
    def _cards(
        names: list[str], rows: list[Mapping], label: str, display: Callable[[str], str], template: str
    ) -> Compared | None:
        """Both trees' cards, one after the other (each opens with its tree's name)."""
        cards = [str(row.get("card", "")).strip() for row in rows]
        if not all(cards):
            return None
        lines = "\n".join(
            card if card.startswith(display(name)[:1]) else f"{display(name)}：{card}"
            for name, card in zip(names, cards, strict=True)
        )
        return Compared(template.strip().format(label=label, lines=lines), tuple(f"species.{n}.card" for n in names))


class _OneLineEach:
    """Both trees compared one line each (``Care``, ``House``): each says a tree's ``line`` and the ``labels_of`` the
    reply answers; ``lines`` puts the lines after the trees' names, None when a tree has none (its card lacks them)."""

    label: str

    def line(self, row: Mapping, field: Callable[[Mapping, str], str]) -> str:
        raise NotImplementedError

    def labels_of(self, names: list[str]) -> tuple[str, ...]:
        raise NotImplementedError

    def lines(
        self,
        names: list[str],
        rows: list[Mapping],
        field: Callable[[Mapping, str], str],
        display: Callable[[str], str],
        template: str,
    ) -> Compared | None:
        said = [self.line(row, field) for row in rows]
        if not all(said):
            return None
        text = "\n".join(f"{display(name)}：{line}" for name, line in zip(names, said, strict=True))
        return Compared(template.strip().format(label=self.label, lines=text), self.labels_of(names))


@dataclass(frozen=True)
class Care(_OneLineEach):
    """``[compare.care]``: which of two trees is easier to keep (好养, 省事, 易打理 …) is their care side by side, one line
    each (session 57, left123: both whole cards ran to 23 lines on a 390 px phone): each care field's first line, a
    mark before it, without the clauses about planting day (the hole's manure is no keeping); a first line announcing
    the lines after it ('挂果树一年三次主要的肥：') is said as the summary it is."""

    label: str
    fields: tuple[str, ...]  # water, fertilizer, pests
    marks: tuple[str, ...]  # one per field (💧 …), as the cards mark their lines
    planting: tuple[str, ...]  # a clause about planting day ('树穴放腐熟有机肥3–5斤'): dropped when another is left

    def line(self, row: Mapping, field: Callable[[Mapping, str], str]) -> str:
        """'💧见干见湿，土表干了再浇透；最怕积水，雨季注意排水 🌱春季追一次复合肥，8月花前追一次磷钾肥；🐛介壳虫…';
        '' when the card lacks a care field."""
        parts = []
        for name, mark in zip(self.fields, self.marks, strict=True):
            first = field(row, name).strip().split("\n", 1)[0].strip().rstrip("：:")
            clauses = [c.strip() for c in first.split("；") if c.strip()]
            kept = [c for c in clauses if not any(w in c for w in self.planting)] or clauses
            if not kept:
                return ""
            parts.append(mark + "；".join(kept))
        return " ".join(parts)

    def labels_of(self, names: list[str]) -> tuple[str, ...]:
        """Each tree's card (what the sets label 'which is easier'), then each tree's care fields."""
        return (*(f"species.{n}.card" for n in names), *(f"species.{n}.{f}" for f in self.fields for n in names))


@dataclass(frozen=True)
class House(_OneLineEach):
    """``[compare.house]``: a tree's house line, what the house front asks of it (round 117, second part)."""

    label: str
    fields: tuple[str, ...]  # size, cautions (only the clauses about the house), sites
    clause_words: tuple[str, ...]  # a caution's clause about the house, its walls, roots, a small yard
    situation: Words  # what the villager's own house decides: a ticket

    def line(self, row: Mapping, field: Callable[[Mapping, str], str]) -> str:
        """'成年高20–30米，冠幅可达20米；树冠大、根系强，离房屋至少5米…；适合：路边、党建林、校园'; '' when the card lacks
        the size or the sites (nothing to weigh the house front by)."""
        parts = []
        for name in self.fields:
            if name == "cautions":
                clauses = str(row.get("cautions", "")).split("；")
                parts += [c.strip() for c in clauses if any(w in c for w in self.clause_words) and c.strip()]
            elif not (text := _first_line(field(row, name))):
                return ""
            else:
                parts.append(text)
        return "；".join(parts)

    def labels_of(self, names: list[str]) -> tuple[str, ...]:
        """Each tree's house topic, then its card."""
        return (*(f"species.{n}.house" for n in names), *(f"species.{n}.card" for n in names))


def _first_line(text: str) -> str:
    """A field's first line, the summary the lines after it detail (荔枝's water: 怕积水…, then the flowering and fruit
    months); '' when that line only announces the rest ('…一年三次主要的肥：')."""
    line = text.strip().split("\n", 1)[0].strip()
    return "" if line.endswith(("：", ":")) else line
