"""Building the FAQ index: the precedents' masked texts kept on disk between processes (bot/faq.py,
``masked_precedents``), on real files in a temporary cache folder."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot import config as config_mod
from bot import faq, nlu
from bot.config import _thaw

ROOT = Path(__file__).resolve().parents[2]
MESSAGES = ROOT / "messages"
CONFIG = _thaw(config_mod.load(ROOT / "config.toml", env={}).data)


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "lvmei-zhishu"


@pytest.fixture
def messages(tmp_path) -> Path:
    """A copy of the knowledge: the cache's key reads every file of it."""
    return Path(shutil.copytree(MESSAGES, tmp_path / "messages"))


# a tree as written, a homophone (利枝 for 荔枝), a tree off the list, none
QUESTIONS = ["荔枝苗放几天再种", "利枝几时种", "芒果算不算数", "种树要挖多大的坑", "桂花和四季桂有什么区别"]


def counting(index, calls: list[str]):
    def mask(norm: str) -> str:
        calls.append(norm)
        return index._masked(norm)

    return mask


def test_the_served_precedents_are_the_questions_normalised_and_masked_now(index):
    """Whatever the cache held when this process loaded the index, the texts are what masking gives today."""
    cases = [
        (index._masked(nlu.normalize(q)), faq._any_species(index.answered_as(label)))
        for q, label in faq.load_precedents(MESSAGES / "faq" / "precedents")
    ]
    distinct = list(dict.fromkeys(cases))  # the same words with the same label: one witness
    assert len(cases) > len(distinct) > 8000
    assert list(zip(index.precedents.texts, index.precedents.labels, strict=True)) == distinct


def test_masked_texts_are_built_once_then_read_from_the_file(index, cache, messages):
    calls: list[str] = []
    texts = faq.masked_precedents(QUESTIONS, counting(index, calls), messages)
    assert texts == [index._masked(nlu.normalize(q)) for q in QUESTIONS]
    assert texts[:3] == ["□□□放几天再种", "□□什么时候种", "□□算不算数"]  # 利枝: a homophone
    assert len(calls) == len(QUESTIONS)
    [written] = cache.glob("precedents-*.json")
    assert json.loads(written.read_text("utf-8")) == texts
    assert faq.masked_precedents(QUESTIONS, counting(index, calls), messages) == texts
    assert len(calls) == len(QUESTIONS)  # read, not masked again
    assert not list(cache.glob(".*.tmp"))


@pytest.mark.parametrize("change", ["species", "precedent", "moved", "questions"])
def test_a_change_of_the_knowledge_or_the_questions_is_a_new_file(index, cache, messages, change):
    calls: list[str] = []
    faq.masked_precedents(QUESTIONS, counting(index, calls), messages)
    questions = QUESTIONS
    if change == "species":  # e.g. a new alias: the same questions may mask differently
        with open(messages / "species.toml", "a", encoding="utf-8") as fh:
            fh.write("\n# changed\n")
    elif change == "precedent":
        with open(messages / "faq" / "precedents" / "faq_heldout_a.tsv", "a", encoding="utf-8") as fh:
            fh.write("桂花几时种\tspecies.桂花.time\n")
    elif change == "moved":  # the same bytes in another folder of the knowledge
        (messages / "faq" / "matching.toml").rename(messages / "matching.toml")
    else:
        questions = QUESTIONS[1:]
    assert faq.masked_precedents(questions, counting(index, calls), messages) == [
        index._masked(nlu.normalize(q)) for q in questions
    ]
    assert len(calls) == len(QUESTIONS) + len(questions)
    assert len(list(cache.glob("precedents-*.json"))) == 2


def test_a_damaged_file_is_built_again_and_replaced(index, cache, messages):
    faq.masked_precedents(QUESTIONS, counting(index, []), messages)
    [written] = cache.glob("precedents-*.json")
    for damage in ['["□□苗放几天', '["one", "two"]', "{}"]:  # cut short, another length, no list
        written.write_text(damage, encoding="utf-8")
        calls: list[str] = []
        assert faq.masked_precedents(QUESTIONS, counting(index, calls), messages) == [
            index._masked(nlu.normalize(q)) for q in QUESTIONS
        ]
        assert len(calls) == len(QUESTIONS)
        assert len(json.loads(written.read_text("utf-8"))) == len(QUESTIONS)


def test_no_writable_cache_folder_builds_every_time(index, tmp_path, monkeypatch, messages):
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "a-file"))  # its lvmei-zhishu folder cannot be made
    for _ in range(2):
        calls: list[str] = []
        assert faq.masked_precedents(QUESTIONS, counting(index, calls), messages) == [
            index._masked(nlu.normalize(q)) for q in QUESTIONS
        ]
        assert len(calls) == len(QUESTIONS)


def test_processes_building_at_once_each_read_a_whole_file(tmp_path, messages):
    """Three processes start on an empty cache together (serve --workers, the test runner's workers): each builds
    and renames its own temporary file over the same name; every one gets the full list, one file stays."""
    probe = (
        "import json, sys; from bot import faq; "
        f"qs = [f'{{q}}{{i}}' for i in range(300) for q in {QUESTIONS!r}]; "
        f"texts = faq.masked_precedents(qs, lambda s: s[::-1], {str(messages)!r}); "
        "print(len(texts), texts[-1])"
    )
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    started = [
        subprocess.Popen([sys.executable, "-c", probe], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    outputs = [process.communicate(timeout=60)[0].strip() for process in started]
    assert outputs == [f"1500 {nlu.normalize(QUESTIONS[-1] + '299')[::-1]}"] * 3
    folder = tmp_path / "cache" / "lvmei-zhishu"
    assert [p.name for p in folder.iterdir()] == [next(folder.glob("precedents-*.json")).name]


# the n-grams over the precedents' texts, kept on disk too (``precedent_ngrams``, round 19: ~10,000 questions)
PROBES = ["□□苗放几天再种", "种树要挖多大的坑", "党建林几时要种好", "叶子黄了怎么办"]


def test_the_ngrams_read_back_answer_exactly_as_the_ones_built(index, cache):
    texts = index.precedents.texts[:800]
    built = faq.precedent_ngrams(texts)
    assert len(list(cache.glob("ngrams-*.marshal"))) == 1
    read = faq.precedent_ngrams(texts)
    assert read._frozen and not built._frozen  # the second from the file
    for probe in PROBES:
        assert read.similarities(probe) == built.similarities(probe) != {}
    with pytest.raises(ValueError):
        read.add(0, "桂花几月种")  # its texts' grams are not kept: nothing can be added


def test_other_texts_are_another_file(index, cache):
    first = faq.precedent_ngrams(index.precedents.texts[:300])
    other = faq.precedent_ngrams(index.precedents.texts[300:600])
    assert not other._frozen and len(list(cache.glob("ngrams-*.marshal"))) == 2
    assert first.similarities(PROBES[1]) != other.similarities(PROBES[1])


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", None])
def test_a_damaged_ngrams_file_is_built_again_and_replaced(index, cache, damage):
    import marshal

    texts = index.precedents.texts[:300]
    faq.precedent_ngrams(texts)
    [written] = cache.glob("ngrams-*.marshal")
    # cut short, not marshal at all, or a whole state of other texts (another length)
    written.write_bytes(damage if damage is not None else marshal.dumps(faq.precedent_ngrams(texts[:10]).state()))
    again = faq.precedent_ngrams(texts)
    assert not again._frozen
    assert again.similarities(PROBES[0]) == faq._ngrams_of(texts).similarities(PROBES[0])
    assert faq.precedent_ngrams(texts)._frozen  # replaced by a whole file


def test_each_load_is_an_index_of_its_own_built_once(index):
    """The index is built once per process for the same files and settings (each app had paid the build); an
    adviser's entry added to one app's copy is in that copy only, and taken back leaves it as the others."""
    first = faq.FaqIndex.load(MESSAGES, CONFIG["campaign"], CONFIG["faq"]["confidence_threshold"])
    second = faq.FaqIndex.load(MESSAGES, CONFIG["campaign"], CONFIG["faq"]["confidence_threshold"])
    assert first is not second and len(first.entries) == len(second.entries) == len(index.entries)
    question = "屋顶上能不能种树"
    before = second.match(question)
    first.add_entry("added.1", question, "屋顶承重有限，只种簕杜鹃等灌木，用轻质土。")
    assert first.match(question).entry_id == "added.1"
    assert second.entry("added.1") is None and index.entry("added.1") is None
    assert second.match(question) == before
    first.drop_last_entries(1)
    assert first.match(question) == before
    third = faq.FaqIndex.load(MESSAGES, CONFIG["campaign"], CONFIG["faq"]["confidence_threshold"])
    assert third.entry("added.1") is None and third.match(question) == before


def test_changed_knowledge_or_settings_are_a_new_build(index, messages):
    """A knowledge file changed since the last build, or other campaign settings, build the index again."""
    built = faq.FaqIndex.load(messages, CONFIG["campaign"], CONFIG["faq"]["confidence_threshold"])
    # an entry no rule in matching.toml names (round 51: camp.about, the first, is an intent's now; round 79: every
    # entry of campaign.toml is named, camp.publicity by [answer_needs]), renamed in its own file
    rules = (messages / "faq" / "matching.toml").read_text("utf-8")
    first_id = next(e.id for e in faq.FaqIndex.load(messages, CONFIG["campaign"]).entries if f'"{e.id}"' not in rules)
    knowledge = next(
        path for path in sorted((messages / "faq").glob("*.toml")) if f'id = "{first_id}"' in path.read_text("utf-8")
    )
    text = knowledge.read_text("utf-8")
    knowledge.write_text(text.replace(f'id = "{first_id}"', 'id = "camp.renamed_for_the_test"', 1), "utf-8")
    changed = faq.FaqIndex.load(messages, CONFIG["campaign"], CONFIG["faq"]["confidence_threshold"])
    assert changed.entry("camp.renamed_for_the_test") and not built.entry("camp.renamed_for_the_test")
    other_year = {**CONFIG["campaign"], "year": CONFIG["campaign"]["year"] + 1}
    again = faq.FaqIndex.load(messages, other_year, CONFIG["faq"]["confidence_threshold"])
    assert str(CONFIG["campaign"]["year"] + 1) in "".join(entry.answer for entry in again.entries)
