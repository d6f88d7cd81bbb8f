"""Train variants of the precedents' model and measure each on the development sets. Run by hand (round 98m).

    .venv/bin/python bench/model_experiment.py [--variant NAME ...] [--set FILE ...] [--no-matcher] [--seeds N] [--json F]

Each variant is trained on what the served model learns (messages/faq/precedents/*.tsv, masked, and the entries'
own phrasings) in a process of its own, one after another (its training time and peak memory are its own), and
measured on the development sets, which are not in the precedents (by default tests/data/faq_heldout_*.tsv: BZ, CA
since round 102, when BT-BY joined the precedents):

  alone      the model by itself: top-1 right (the set's label as the model's: a species field of any tree), and at
             the leads the matcher uses (doubt 0.3, kept_switch/dissent 0.6, rule_short/answer_field 1.0,
             safety 1.5): the share of questions read with that lead at least ("cov") and of those, right ("ok")
  matcher    the whole matcher with that model in place of the served one (bench/faq_eval.py's figures): right,
             confident wrong, adviser recall, asked back; all sets together, then each set

--seeds N (session 57, docs/faq.md 第五十七次会话): each variant trained N times, random_state 0..N-1 (an ensemble's
members from its own random_states), and per set how many answers (the answer, a second field, the answer asked back)
differ from the first run's, how many questions any two runs answer differently, and the runs' right and confident
wrong. A retrained SGD model moves borderline answers anywhere (adding one alias had moved pinned tests far from its
tree): this is that brittleness measured without changing the texts. A run costs ~2 min CPU (~12 min wall on a
shared, loaded machine): runs go one after another.

The leads of a variant that is not a linear SVM (logistic regression, modified Huber) are on another scale than the
thresholds in ``[model]`` were chosen on: ``scale`` multiplies them (a variant's setting) before the matcher reads them.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEV_SETS = sorted((ROOT / "tests" / "data").glob("faq_heldout_*.tsv"))
LEADS = (0.3, 0.6, 1.0, 1.5)

# name -> settings (see ``train``); "served" is the model as [model] in matching.toml trains it. Round 98m ran served,
# char13, words, wb14, mhuber, keep20, avg, linsvc and keep02 (docs/faq.md 第九十八轮 m); the others are not measured yet
# (char 1-4 was tried in round 38: worse alone; logreg's scale is a guess)
VARIANTS: dict[str, dict[str, Any]] = {
    "served": {"served": True},
    "char13": {},  # the served features and learner, trained here (a check of this script: same figures as served)
    "char14": {"ngram": (1, 4)},
    "char24": {"ngram": (2, 4)},
    "wb14": {"analyzer": "char_wb", "ngram": (1, 4)},
    "words": {"words": (1, 2)},  # + jieba words and word pairs
    "words1": {"words": (1, 1)},
    # only ~3.5 % of the served model's weights are not zero (the hinge loss leaves a label's weights of n-grams it
    # never misread untouched): ``keep`` 0.1, 0.2 or 1.0 are the same model; under 0.035 it drops weights
    "keep20": {"keep": 0.2},
    "keep02": {"keep": 0.02},
    "keep01": {"keep": 0.01},
    "alpha3": {"alpha": 3e-5},
    "alpha7": {"alpha": 7e-5},
    "epochs30": {"epochs": 30},
    "avg": {"average": True},
    # the mean of several SGD models' weights (one weight matrix: the served cost), each from its own random_state
    "ensemble3": {"ensemble": 3},
    "ensemble5": {"ensemble": 5},
    "mhuber": {"loss": "modified_huber"},
    "sqhinge": {"loss": "squared_hinge"},
    "linsvc": {"learner": "linearsvc", "C": 0.5},
    "logreg": {"learner": "logreg", "C": 10.0, "scale": 0.25},
    "balanced": {"class_weight": "balanced"},
    "words_keep20": {"words": (1, 2), "keep": 0.2},
}


class Reader:
    """A trained variant: ``predict(masked text)`` -> (label, lead), as ``QuestionModel`` (scikit-learn's own
    vectorizers: slower than the served reader, the same figures)."""

    def __init__(self, vectorizers: list, weights: Any, bias: np.ndarray, labels: tuple[str, ...], scale: float):
        self.vectorizers, self.weights, self.bias, self.labels, self.scale = vectorizers, weights, bias, labels, scale

    def features(self, texts: Sequence[str]) -> Any:
        import scipy.sparse
        from sklearn.preprocessing import normalize

        parts = [vectorizer.transform(texts) for vectorizer in self.vectorizers]
        return normalize(scipy.sparse.hstack(parts).tocsr()) if len(parts) > 1 else parts[0]

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        return (self.features(texts) @ self.weights).toarray() + self.bias

    def predict(self, text: str) -> tuple[str, float]:
        if not self.features([text]).nnz:
            return "", 0.0
        row = self.scores([text])[0]
        first = int(row.argmax())
        best = float(row[first])
        row[first] = -np.inf
        return self.labels[first], (best - float(row.max())) * self.scale


def words_of(tokenize: Any) -> Any:
    """The analyzer of jieba words (the matcher's own tokenizer, its domain dictionary loaded)."""

    def analyzer(text: str) -> list[str]:
        return [word for word in tokenize(text) if word.strip()]

    return analyzer


def train(texts: Sequence[str], labels: Sequence[str], variant: dict[str, Any], tokenize: Any, seed: int = 0) -> Reader:
    """``seed``: the learner's random_state (an ensemble of m models: random_states seed * m .. seed * m + m - 1)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression, SGDClassifier
    from sklearn.svm import LinearSVC

    from bot.faq_model import ModelSettings

    served = ModelSettings()
    alpha, epochs, keep = variant.get("alpha", 5e-5), variant.get("epochs", served.epochs), variant.get("keep", 0.1)
    vectorizers = [
        TfidfVectorizer(
            analyzer=variant.get("analyzer", "char"),
            ngram_range=variant.get("ngram", (1, 3)),
            sublinear_tf=True,
            min_df=served.min_df,
            lowercase=False,
        )
    ]
    if "words" in variant:
        vectorizers.append(
            TfidfVectorizer(
                analyzer=_ngrams_of_words(words_of(tokenize), variant["words"]),
                sublinear_tf=True,
                min_df=served.min_df,
                lowercase=False,
            )
        )
    import scipy.sparse
    from sklearn.preprocessing import normalize

    parts = [vectorizer.fit_transform(texts) for vectorizer in vectorizers]
    features = normalize(scipy.sparse.hstack(parts).tocsr()) if len(parts) > 1 else parts[0]
    learner = variant.get("learner", "sgd")
    members = variant.get("ensemble", 1)
    if learner == "linearsvc":
        model: Any = LinearSVC(C=variant.get("C", 0.5), class_weight=variant.get("class_weight"), random_state=seed)
    elif learner == "logreg":
        model = LogisticRegression(C=variant.get("C", 10.0), max_iter=200, class_weight=variant.get("class_weight"))
    else:
        model = SGDClassifier(
            loss=variant.get("loss", "hinge"),
            alpha=alpha,
            max_iter=epochs,
            tol=None,
            random_state=seed * members,
            average=variant.get("average", False),
            class_weight=variant.get("class_weight"),
        )
    model.fit(features, list(labels))
    weights, intercept = model.coef_, model.intercept_
    for member in range(1, members):  # the same learner from the next random_states; their mean is one linear model
        model.set_params(random_state=seed * members + member).fit(features, list(labels))
        weights, intercept = weights + model.coef_, intercept + model.intercept_
    weights, intercept = weights / members, intercept / members
    if keep < 1:
        floor = np.quantile(np.abs(weights), 1 - keep)
        weights = np.where(np.abs(weights) >= floor, weights, 0.0)
    sparse = scipy.sparse.csr_matrix(weights.T.astype(np.float32))
    return Reader(vectorizers, sparse, intercept.astype(np.float32), tuple(model.classes_), variant.get("scale", 1.0))


def _ngrams_of_words(analyzer: Any, span: tuple[int, int]) -> Any:
    def grams(text: str) -> list[str]:
        words = analyzer(text)
        return [" ".join(words[i : i + n]) for n in range(span[0], span[1] + 1) for i in range(len(words) - n + 1)]

    return grams


def served_size(reader: Reader) -> int:
    """Bytes of the variant pickled as the bot keeps a ``QuestionModel`` (its n-grams, idf, kept weights, bias, labels)."""
    grams: dict[str, int] = {}
    for vectorizer in reader.vectorizers:
        offset = len(grams)
        grams.update({gram: offset + feature for gram, feature in vectorizer.vocabulary_.items()})
    idf = np.concatenate([vectorizer.idf_ for vectorizer in reader.vectorizers]).astype(np.float32)
    return len(pickle.dumps((grams, idf, reader.weights, reader.bias, reader.labels), protocol=pickle.HIGHEST_PROTOCOL))


def rss_peak_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def answer_of(row: Any) -> str:
    """What the villager reads, as one string: the answer (and a second field), or the two answers asked back."""
    return "|".join(str(part) for part in (row.got, row.also, row.offered))


def run_variant(name: str, sets: list[Path], matcher: bool, seed: int = 0) -> dict[str, Any]:
    """One variant, in this process: trained (``seed``: its random_state), read alone, and the matcher with it."""
    from bot import config as config_mod
    from bot import faq, nlu

    config = config_mod.load(str(ROOT / "config.toml"), env={})
    index = faq.FaqIndex.load(ROOT / "messages", config.section("campaign"), config.get("faq.confidence_threshold"))
    missing_map = faq.load_missing_map(ROOT / "messages" / "faq" / "precedents" / "missing_map.tsv")
    shared = index.precedents
    variant = VARIANTS[name]
    before_mb = rss_peak_mb()
    start = time.process_time()
    if variant.get("served"):
        model: Any = shared.model
        size = len(pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL))
        seconds = 0.0
    else:
        phrasings = [(index._masked(nlu.normalize(text)), faq._any_species(label)) for text, label in index.phrasings()]
        texts = [*shared.texts, *(text for text, _ in phrasings)]
        labels = [*shared.labels, *(label for _, label in phrasings)]
        model = train(texts, labels, variant, lambda text: index._tok.lcut(text, HMM=False), seed)
        seconds = time.process_time() - start
        size = served_size(model)
    out: dict[str, Any] = {
        "name": name,
        "seed": seed,
        "answers": {},
        "train_cpu": seconds,
        "peak_mb": rss_peak_mb(),
        "before_mb": before_mb,
    }
    out["size_mb"] = size / 1e6
    out["alone"] = {}
    out["matcher"] = {}
    for path in sets:
        cases = faq.load_eval_set(path)
        gold = [faq._any_species(index.answered_as(missing_map.get(c.expected, c.expected))) for c in cases]
        gold = ["escalate" if g.startswith("missing:") else g for g in gold]
        reads = [model.predict(index._masked(nlu.normalize(c.question))) for c in cases]
        row = {"n": len(cases), "right": sum(label == g for (label, _), g in zip(reads, gold, strict=True))}
        for lead in LEADS:
            sure = [(label, g) for (label, got), g in zip(reads, gold, strict=True) if got >= lead]
            row[f"cov{lead}"] = len(sure)
            row[f"ok{lead}"] = sum(label == g for label, g in sure)
        out["alone"][path.stem] = row
        if matcher:
            index.precedents = dataclasses.replace(shared, model=model)
            rows = faq.evaluate(index, cases, missing_map)
            s = faq.scores(rows)
            out["answers"][path.stem] = [answer_of(row) for row in rows]
            out["matcher"][path.stem] = {
                "n": s.questions,
                "right": round(s.right * s.questions),
                "wrong": s.confident_wrong_n,
                "recall": s.adviser_recall,
                "asked": s.asked,
            }
    return out


def show(results: list[dict[str, Any]], header: bool = True) -> None:
    if header:
        print(
            f"{'variant':<14}{'train s':>8}{'peak MB':>8}{'size MB':>8}  {'alone':>6}"
            + "".join(f"{f'≥{lead} cov/ok':>14}" for lead in LEADS)
            + f"  {'right':>7}{'conf.wrong':>11}{'recall':>8}{'asked':>6}"
        )
    for r in results:
        alone = r["alone"].values()
        n = sum(a["n"] for a in alone)
        line = f"{r['name']:<14}{r['train_cpu']:>8.0f}{r['peak_mb']:>8}{r['size_mb']:>8.1f}  {sum(a['right'] for a in alone) / n:>6.1%}"
        for lead in LEADS:
            cov, ok = sum(a[f"cov{lead}"] for a in alone), sum(a[f"ok{lead}"] for a in alone)
            line += f"{cov / n:>7.1%}/{ok / max(cov, 1):>6.1%}"
        m = r["matcher"].values()
        if m:
            right, wrong = sum(x["right"] for x in m), sum(x["wrong"] for x in m)
            line += f"  {right / n:>7.1%}{wrong:>6} ({wrong / n:.1%})"
            line += f"{sum(x['recall'] for x in m) / len(m):>7.1%}{sum(x['asked'] for x in m):>6}"
            line += "   " + " ".join(
                f"{k[-2:]} {x['right'] / x['n']:.1%}/{x['wrong']}/{x['recall']:.1%}" for k, x in r["matcher"].items()
            )
        print(line, flush=True)


def stability(runs: list[dict[str, Any]]) -> None:
    """A variant trained with several random_states (session 57): per set, the answers that differ from the first
    run's (mean over the others), the questions answered differently by any two runs, and right / confident wrong of
    each run (min–max)."""
    first = runs[0]
    print(f"{runs[0]['name']}: {len(runs)} random_states")
    for stem, answers in first["answers"].items():
        others = [run["answers"][stem] for run in runs[1:]]
        moved = [sum(a != b for a, b in zip(answers, other, strict=True)) for other in others]
        unsettled = sum(len({run["answers"][stem][i] for run in runs}) > 1 for i in range(len(answers)))
        right = [run["matcher"][stem]["right"] / run["matcher"][stem]["n"] for run in runs]
        wrong = [run["matcher"][stem]["wrong"] for run in runs]
        print(
            f"  {stem[-2:]}  flips vs first {statistics.mean(moved) if moved else 0:5.1f}  any {unsettled:4}"
            f"  right {min(right):.1%}–{max(right):.1%} (mean {statistics.mean(right):.2%})"
            f"  conf.wrong {min(wrong)}–{max(wrong)} (mean {statistics.mean(wrong):.1f})",
            flush=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", action="append", dest="variants", help=f"one of {', '.join(VARIANTS)}")
    parser.add_argument("--set", action="append", dest="sets", help="a development set (repeatable)")
    parser.add_argument("--no-matcher", action="store_true", help="the model alone only (faster)")
    parser.add_argument("--seeds", type=int, default=1, help="train each variant with random_states 0..N-1: stability")
    parser.add_argument("--json", help="append every run's figures and answers to this file (JSON lines)")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # a child process: one variant, JSON out
    parser.add_argument("--seed", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sets = [Path(s) for s in args.sets] if args.sets else DEV_SETS
    if args.one:
        print(json.dumps(run_variant(args.one, sets, not args.no_matcher, args.seed)))
        return 0
    results = []
    for name in args.variants or list(VARIANTS):
        runs = []
        for seed in range(1 if VARIANTS[name].get("served") else args.seeds):
            command = [sys.executable, __file__, "--one", name, f"--seed={seed}", *(f"--set={s}" for s in sets)]
            command += ["--no-matcher"] if args.no_matcher else []
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode:
                print(f"{name} (seed {seed}): failed\n{done.stderr[-2000:]}", file=sys.stderr)
                continue
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
            if args.json:
                with open(args.json, "a", encoding="utf-8") as out:
                    out.write(json.dumps(runs[-1], ensure_ascii=False) + "\n")
            show(runs[-1:], header=not results)
            results.append(runs[-1])
        if len(runs) > 1 and not args.no_matcher:
            stability(runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
