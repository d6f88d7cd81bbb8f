"""FAQ round 75 (set BF's classes, each fixed as a class and checked first on the helper's own phrasings,
tests/data/faq_rule_checks_75.tsv, written before any change: 11/35 then, 34/35 now). docs: README, FAQ round 75.

1. a tree off the list named and asked whether it grows here (在广东种得生吗, 这边能种吗, 怕不怕冷): how to grow it,
   ``tech.offlist_care`` (its answer now says the tropical trees fear frost), not whether it counts (``camp.exotic``:
   算不算, 名单, 外来, 桉树 stay there);
2. the campaign's days: 植树节's day asked is ``camp.arbor_day`` (until now ``camp.planting_done``; both answers carry
   the date, every writer since AY labels it arbor_day); a date's to-dos (一月底之前要做什么) are the timetable
   (``camp.deadlines``), never the month's typhoons;
3. the uses of trees, each its own entry: charcoal (``tech.charcoal``, not wood_uses), leaves fed to animals
   (``tech.leaf_fodder``, not prunings), flowers and leaves boiled (``tech.medicinal_uses``; picked in a public place stays
   ``camp.fruit_picking``), a fruit stone sown (``tech.seed_sowing``; the fruit it bears stays ``tech.grafted``), a
   tree taken along when moving house (``tech.move_tree``, not felling);
4. a greeting of the time of day (早上好 …) is no question about the time of day to plant.
"""

import pytest

from bot import faq


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # whether it counts, or the list, stays the exotic answer
        ("种榴莲算不算完成任务", "camp.exotic"),
        ("桉树在广东种得活吗", "camp.exotic"),
        # by when to finish stays the deadline; the day's origin stays arbor_day
        ("植树节之前要种完吗", "camp.planting_done"),
        ("植树节点解系三月十二号", "camp.arbor_day"),
        # what trees to plant before a date is no timetable
        ("三月底之前种什么树好", "not camp.deadlines"),
        # a fruit stone's fruit asked stays the grafted seedling's answer
        ("荔枝核种出来的树结的果一样好吗", "tech.grafted"),
        # public flowers picked stay whose they are (the village's: fruit_owner's ticket, camp.fruit_picking under it)
        ("公家路边的木棉花捡回去煲汤得唔得", "not tech.medicinal_uses"),
        # the time of day asked after a greeting is still the time of day
        ("早上好 一天中几点种树最好", "tech.plant_time_of_day"),
    ],
)
def test_the_siblings_keep_their_answers(index, question, expected):
    got = faq.result_label(index.match(question))
    if expected.startswith("not "):
        assert got != expected[4:], got
    else:
        assert got == expected, got


def test_the_care_answer_warns_of_frost_and_fits_a_phone_screen(index):
    answer = index.entry("tech.offlist_care").answer.strip()
    assert "怕霜冻" in answer and "农技站" in answer, answer
    assert len(answer) <= 260 and "你" not in answer, answer
