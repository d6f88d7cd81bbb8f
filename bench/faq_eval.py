"""Evaluate the FAQ matcher on every evaluation set and print its figures.

Run by hand:  .venv/bin/python bench/faq_eval.py [--config config.toml] [--set FILE ...] [--show-wrong] [--show-unsafe]

Sets (tab-separated: question, expected, tags; see bot/faq.py): the project's own
tests/data/faq_questions.tsv, the held-out sets of earlier rounds, now the matcher's precedents
(messages/faq/precedents/faq_heldout_*.tsv: each scored with the OTHER sets as precedents, leave one set
out, so that no set is its own witness), and the blind sets not yet used (tests/data/faq_heldout_*.tsv: AT, blind in the thirty-second session, the development set of round 56; AU, blind in the thirty-third;
AV, blind in the thirty-fourth, the development set of round 59 (its over-escalation);
AW, blind in the thirty-fourth too, kept outside the repository until its end figure, the next development set;
AZ, blind in the thirty-sixth session, the development set of round 64 (its over-escalation);
BA, blind in the thirty-sixth too, kept outside the repository until its end figure, the next development set;
AL-AO joined the precedents in round 48, AP in round 49, AQ in round 51, AR in round 53, AS in round 54,
AT-BS in round 95, BT-BY in round 102 (less the questions a second labeller disputed:
precedents/disputed.tsv); BZ and CA stay development sets),
all written by people who had not seen the matcher. Per set:
  right              top-1: the expected entry, escalation or chit-chat (missing topics mapped by
                     messages/faq/precedents/missing_map.tsv; "as written" counts them wrong); a reply holding
                     two fields of one tree (two topics asked, round 13) is right if either is expected; a reply
                     comparing two listed trees side by side (round 117, bot/faq_compare.py) is right if the expected
                     label is one it answers (``FaqResult.compared``): either tree's field it sets side by side or
                     either tree's card; for a public place compared (路边, 河边, 校园, 党建林) that place's
                     recommendation, whatever purpose follows the place (recommend.河边+护岸); for a field compared that
                     a recommendation's purpose is about and the question says (大得快: growth), that purpose's list
                     (recommend.速生). A ticket (the two trees' fields under its number) is never counted right
  adviser recall     of the questions an adviser must answer (expected 'escalate'), share escalated
  escal. precision   of the escalated questions, share an adviser must answer
  confident wrong    answered from an entry that is not the expected one (the worst outcome)
  near               of the confident wrongs, those near the expected answer: the right tree's other field or its
                     card (species.荔枝.water for species.荔枝.time), or the right recommendation's place with another
                     purpose or size (recommend.庭院+香花+small for recommend.庭院+香花); reported beside confident
                     wrong, never subtracted from it (a villager still reads another answer; round 34)
  safety lines       safety-tagged questions whose reply opens with a safety line
  warned             safety-tagged questions whose reply warns: a safety line, or the answering entry's own ⚠ line
                     (tech.snakes, tech.hole_lime carry theirs in the answer; round 26)
  ticket+answer      questions escalated with the expected entry's answer under the ticket's number (round 49: a
                     danger's first aid, camp.subsidy's rule): the villager reads that answer and a person follows;
                     counted neither right nor confident wrong (they stay in the adviser's queue), reported apart
  right+ticket       (round 100) a second figure beside right, never instead of it: right, counting a ticket+answer
                     as right (the bot files the ticket AND gives the expected entry's answer, by design); the
                     attached answer is the escalation's note (``FaqResult.note_entry``, its answer in the reply's text)
  --show-unsafe      (round 83) lists the safety-tagged questions whose reply does NOT open with a safety line:
                     the question, expected, got, and the reply's first line (what the villager reads first)
  asked (chosen)     questions asked back which of two answers was meant (round 43: the model read another entry's
                     answer than the rules'), and of those, how many offered the expected one; an asked question is
                     neither right nor confident wrong
  ↳ unseen          (fifty-second session) the same figures on the set's questions the matcher does not hold
                     verbatim (punctuation and spaces aside): neither a precedent it consults for that set nor an
                     entry's own question. A set written blind may still repeat questions earlier sets hold (set CE
                     did, 402 of 1,405 in the precedents): its figure on them is memory, not generalisation, so a
                     blind set's honest figure is this row's
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
PRECEDENTS = ROOT / "messages" / "faq" / "precedents"
sys.path.insert(0, str(ROOT))


def default_sets() -> list[Path]:
    return [
        DATA / "faq_questions.tsv",
        *sorted(PRECEDENTS.glob("faq_heldout_*.tsv")),
        *sorted(DATA.glob("faq_heldout_*.tsv")),
    ]


def show_unsafe(rows: list) -> None:
    """Round 83 (issue 17 §3): the safety-tagged questions whose reply does not open with a safety line, each with what
    the villager reads first (a bare ticket has no line of the FAQ's own: shown as '(ticket)')."""
    for row in rows:
        if "safety" in row.tags and not row.safety:
            print(f"   ⚠ {row.question}\texpected {row.target}\tgot {row.got}\tfirst line: {row.opening or '(ticket)'}")


def print_scores(name: str, s) -> None:
    """One row of the table: a set's figures (``faq.EvalScores``)."""
    print(
        f"{name:<24}{s.questions:>5}{s.right:>8.1%}{s.right_with_ticket:>14.1%}{s.right_unmapped:>12.1%}{s.adviser_recall:>14.1%}"
        f"{s.escalation_precision:>14.1%}{s.confident_wrong:>10.1%} ({s.confident_wrong_n:>2})"
        f"{s.near:>6}{s.safety_lines[0]:>5}/{s.safety_lines[1]}{s.warned[0]:>5}/{s.warned[1]}"
        f"{s.asked:>9} ({s.chosen_right}){s.ticket_with_answer:>{15 - len(str(s.chosen_right)) + 2}}"
    )


def plain(question: str) -> str:
    """A question as compared for being held verbatim: without spaces and punctuation (``，`` or ``?`` make no new question)."""
    kept = "".join(ch for ch in question if not (ch.isspace() or unicodedata.category(ch)[0] in "PS"))
    return kept or question.strip()  # emoji alone (🌳🌳🌳) is compared as written


def held_verbatim(index, leave_out: list[str] | None) -> frozenset[str]:
    """The questions the matcher holds for a set (``plain``): its entries' own and the precedents it consults then
    (every precedent set but ``leave_out``'s; ``[]``: none, as ``--no-precedents``; ``None``: all, as served)."""
    from bot import faq

    own = {plain(q) for entry in index.entries for q in entry.questions}
    if leave_out == []:
        return frozenset(own)
    return frozenset(own | {plain(q) for q, _ in faq.load_precedents(PRECEDENTS, leave_out or ())})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default=str(ROOT / "config.toml"))
    parser.add_argument("--set", action="append", dest="sets", help="an evaluation set (repeatable)")
    parser.add_argument("--missing-map", default=str(PRECEDENTS / "missing_map.tsv"))
    parser.add_argument("--no-precedents", action="store_true", help="the matcher without its precedents")
    parser.add_argument("--show-wrong", action="store_true", help="list every miss")
    parser.add_argument(
        "--show-unsafe",
        action="store_true",
        help="list the safety-tagged questions whose reply opens with no safety line",
    )
    args = parser.parse_args()
    from bot import config as config_mod

    config = config_mod.load(args.config, env={})

    from bot import faq_cache

    # every set scored with the others as precedents trains a model of its own: keep them all, so that the next run
    # reads them (with the default 8, a full run trained every one again: ~45 minutes on a shared 2-CPU machine)
    faq_cache.KEEP = max(faq_cache.KEEP, len(default_sets()) + 8)  # one generation: ~9 MB a model

    start, start_cpu = time.perf_counter(), time.process_time()
    from bot import faq  # import counts: it loads jieba and pypinyin

    index = faq.FaqIndex.load(ROOT / "messages", config.section("campaign"), config.get("faq.confidence_threshold"))
    startup, startup_cpu = time.perf_counter() - start, time.process_time() - start_cpu
    missing_map = faq.load_missing_map(args.missing_map)

    all_rows, match_cpu = [], time.process_time()
    print(
        f"{'set':<24}{'n':>5}{'right':>8}{'right+ticket':>14}{'as written':>12}{'adviser rec.':>14}{'escal. prec.':>14}"
        f"{'confident wrong':>17}{'near':>6}{'safety':>8}{'warned':>8}{'asked (chosen)':>16}{'ticket+answer':>15}"
    )
    everything = index.precedents
    held_for: dict[tuple[str, ...] | None, frozenset[str]] = {}  # ``held_verbatim`` by the sets left out
    for path in map(Path, args.sets or default_sets()):
        # a precedent set is scored with the others as precedents: none is its own witness
        leave_out = [path.stem] if path.parent.resolve() == PRECEDENTS.resolve() else []
        if args.no_precedents or leave_out:
            index.set_precedents([] if args.no_precedents else faq.load_precedents(PRECEDENTS, leave_out))
        else:
            index.precedents = everything  # as served
        rows = faq.evaluate(index, faq.load_eval_set(path), missing_map)
        all_rows += rows
        print_scores(f"{path.stem}{' (left out)' if leave_out else ''}", faq.scores(rows))
        witnesses = [] if args.no_precedents else leave_out or None
        key = None if witnesses is None else tuple(witnesses)
        if key not in held_for:  # the sets scored as served share one (each tests/data set had read every precedent)
            held_for[key] = held_verbatim(index, witnesses)
        held = held_for[key]
        unseen = [row for row in rows if plain(row.question) not in held]
        if len(unseen) < len(rows):
            print_scores("  ↳ unseen", faq.scores(unseen))
        wrong = [r for r in rows if not r.right]
        for row in wrong if args.show_wrong else wrong[:5]:
            mark = ("~" if row.near else "!") if row.confident_wrong else " "
            got = f"{row.got}+{row.also}" if row.also else row.got
            got = f"{got} or {row.offered} (asked)" if row.offered else got
            mark = "?" if row.offered else mark
            mark = "+" if row.ticket_with_answer else mark
            print(f"   {mark} {row.question}\texpected {row.target}\tgot {got}")
        if not args.show_wrong and len(wrong) > 5:
            print(
                f"     … {len(wrong) - 5} more (--show-wrong; ! = confident wrong, ~ = confident wrong and near, ? = asked back, "
                "+ = ticket with the answer)"
            )
        if args.show_unsafe:
            show_unsafe(rows)

    match_cpu = time.process_time() - match_cpu
    times_ms = sorted(r.seconds * 1000 for r in all_rows)
    p99 = times_ms[min(len(times_ms) - 1, int(len(times_ms) * 0.99))]
    # wall-clock times grow when other processes share the cores; CPU time does not
    print(f"start-up    {startup * 1000:.0f} ms (import + load; CPU {startup_cpu * 1000:.0f} ms)")
    print(
        f"match time  mean {statistics.mean(times_ms):.2f} ms, p99 {p99:.2f} ms "
        f"(CPU mean {match_cpu * 1000 / max(1, len(all_rows)):.2f} ms, with the printing)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
