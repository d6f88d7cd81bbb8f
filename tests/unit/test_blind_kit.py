"""The blind-set kit (bench/blind/, the fifty-second session): its label list, checks and kinds sheet say what the
evaluation and the harness read, so that a set written from them is scored as its writer meant."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.e2e.test_conversation_probes import CONTEXTS, KINDS

KIT = ROOT / "bench" / "blind"
sys.path.insert(0, str(KIT))

import check_faq  # noqa: E402
import make_labels  # noqa: E402


def test_every_label_of_the_kept_sets_is_one_the_kit_knows():
    ids = {i for i, _ in make_labels.entries()}
    places, purposes = map(set, make_labels.places_and_purposes())
    trees = set(make_labels.trees())
    for path in sorted((ROOT / "tests/data").glob("faq_heldout_*.tsv")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                label = line.split("\t")[1].strip()
                assert label.startswith("missing:") or check_faq.known_label(label, ids, trees, places, purposes), (
                    path.name,
                    label,
                )


def test_an_unknown_label_and_a_held_question_are_refused(tmp_path):
    entry_question = "每户要种几棵"  # camp.quota_household's own question
    fresh = "我阿嫲问佢屋企后尾嗰块菜地种得荔枝冇"
    path = tmp_path / "set.tsv"
    path.write_text(
        f"# question\texpected\ttags\n{fresh}\trecommend.房前屋后+吃果\n{entry_question}\tcamp.quota_household\n"
        f"{fresh}？\tspecies.荔枝.nonsense\n",
        "utf-8",
    )
    run = subprocess.run(
        [sys.executable, str(KIT / "check_faq.py"), str(path)], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 1
    assert "line 3: already held" in run.stdout and "line 4: unknown label species.荔枝.nonsense" in run.stdout
    assert "line 4: duplicate" in run.stdout and "line 2:" not in run.stdout, run.stdout


def test_a_held_question_with_words_put_around_it_is_refused(tmp_path):
    """The fifty-seventh session's CQ: 447 held questions passed the check with an opening or an ending pasted on."""
    path = tmp_path / "set.tsv"
    path.write_text(
        "# question\texpected\ttags\n我阿妈叫我问每户要种几棵\tcamp.quota_household\n"
        "每户要种几棵啊 我屋企得两个老人\tcamp.quota_household\n今日好热啊 你食咗饭未\tchitchat\n",
        "utf-8",
    )
    run = subprocess.run(
        [sys.executable, str(KIT / "check_faq.py"), str(path)], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 1
    assert "line 2: holds a held question whole" in run.stdout and "line 3: holds a held question whole" in run.stdout
    assert "line 4:" not in run.stdout, run.stdout  # a short held greeting inside ordinary words is no copy


def test_the_kinds_sheet_names_what_the_harness_reads():
    sheet = (KIT / "kinds.md").read_text("utf-8")
    contexts_part, kinds_part = sheet.split("## Kinds")
    named = lambda part: set(re.findall(r"^- `([a-z_-]+)`", part, re.M))  # noqa: E731
    assert named(contexts_part) == set(CONTEXTS)
    assert named(kinds_part) == set(KINDS)


def test_the_label_list_holds_ids_and_titles_but_no_questions():
    text = make_labels.labels_md()
    assert "`camp.quota_household` — 每户要种几棵树" in text
    assert "每户要种几棵\"" not in text and "家家户户都要种树吗" not in text  # entries' own questions stay out
    assert all(f"`{field}`" in text for field in make_labels.FIELDS)


def test_a_relabel_file_is_checked_with_the_flag_before_or_after_it(tmp_path):
    """The labeller's instructions write ``check_faq.py --relabel FILE``; the fifty-third session's labeller found
    that order read the flag as the file. A held question is no problem for a relabel file (it copies the set's)."""
    path = tmp_path / "labels_second.tsv"
    path.write_text("每户要种几棵\tcamp.quota_household\n我阿嫲问佢屋企种得荔枝冇\tspecies.荔枝.nonsense\n", "utf-8")
    for argv in (["--relabel", str(path)], [str(path), "--relabel"]):
        run = subprocess.run(
            [sys.executable, str(KIT / "check_faq.py"), *argv], cwd=ROOT, capture_output=True, text=True
        )
        assert run.returncode == 1 and "unknown label species.荔枝.nonsense" in run.stdout, run.stdout
        assert "already held" not in run.stdout, run.stdout


def test_the_conversation_check_prints_each_problem_with_its_line_and_exits_1(tmp_path):
    """Tidy82: check_conv.py's output and exit code (one problem loop shared with check_faq.py: bench/blind/lines.py)."""
    fresh = "我阿嫲问佢屋企后尾嗰块菜地今年种咗几多棵"
    path = tmp_path / "conv.tsv"
    path.write_text(
        f"# context\tmessage\texpected\tnote\nnew\t{fresh}\tprogress\t\nnowhere\t{fresh}\tnonsense\t\n"
        f"new\t{fresh}\tprogress\t\n\ntwice\t{fresh}\tprogress\t\nnew\tonly three\n",
        "utf-8",
    )
    run = subprocess.run(
        [sys.executable, str(KIT / "check_conv.py"), str(path)], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        f"line 3: unknown context nowhere: nowhere\t{fresh}\tnonsense\t",
        f"line 3: unknown kind nonsense: nowhere\t{fresh}\tnonsense\t",
        f"line 4: duplicate: new\t{fresh}\tprogress\t",
        f"line 6: twice needs ' || ': twice\t{fresh}\tprogress\t",
        "line 7: needs context<TAB>message<TAB>expected<TAB>note: new\tonly three",
        "5 probes, 5 problems",
    ], run.stdout
    path.write_text(f"new\t{fresh}\tprogress\t\n", "utf-8")
    run = subprocess.run(
        [sys.executable, str(KIT / "check_conv.py"), str(path)], cwd=ROOT, capture_output=True, text=True
    )
    assert (run.returncode, run.stdout) == (0, "1 probes, 0 problems\n")


def test_a_clean_faq_set_exits_0(tmp_path):
    path = tmp_path / "set.tsv"
    path.write_text("我阿嫲问佢屋企后尾嗰块菜地种得荔枝冇\trecommend.房前屋后+吃果\n", "utf-8")
    run = subprocess.run(
        [sys.executable, str(KIT / "check_faq.py"), str(path)], cwd=ROOT, capture_output=True, text=True
    )
    assert (run.returncode, run.stdout) == (0, "1 questions, 0 problems\n")
