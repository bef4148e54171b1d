r"""Out-of-scope handling: an explicit out-of-scope class + threshold, or a threshold only.

Trains the TF-IDF member twice on the anonymised municipal training split — with the
``hors_perimetre`` class, and without it (out-of-scope requests then only go to review by
falling under the confidence threshold) — calibrates each on validation, picks the threshold
by the training rule (95 % auto-routed precision, optionally ``--oos-target``) and prints the
test figures side by side::

    .venv/bin/python experiments/scripts/oos_strategies.py \\
        experiments/data/municipal/municipal_requests.jsonl

The transformer is not retrained here (9 minutes a run); see experiments/RESULTS.md.
"""

from __future__ import annotations

import argparse

import numpy as np

from triage.anonymise import Anonymiser
from triage.classify.baseline import TfidfBaseline
from triage.classify.calibration import fit_temperature
from triage.classify.metrics import routing_metrics
from triage.classify.model import calibrate
from triage.dataset import load_labelled
from triage.taxonomy import load_taxonomy
from triage.training import TrainingConfig, abstention_threshold, anonymise_all


def score(texts, y, split, labels, oos, *, with_class, rule):
    """Test figures of one strategy."""
    train = split == "train"
    if not with_class:
        train &= y != oos
    model = TfidfBaseline(C=10.0).fit(
        [t for t, keep in zip(texts, train, strict=True) if keep], y[train].tolist(), len(labels)
    )
    val, test = split == "validation", split == "test"
    p_val = model.predict_proba([t for t, k in zip(texts, val, strict=True) if k])
    p_test = model.predict_proba([t for t, k in zip(texts, test, strict=True) if k])
    fit_rows = np.ones(val.sum(), bool) if with_class else y[val] != oos
    temperature = fit_temperature(np.log(np.clip(p_val[fit_rows], 1e-12, 1)), y[val][fit_rows])
    p_val, p_test = calibrate(p_val, temperature), calibrate(p_test, temperature)
    if not with_class:  # no out-of-scope class: its column stays empty after calibration
        p_val[:, oos] = p_test[:, oos] = 0
    threshold = abstention_threshold(p_val, y[val], oos, rule)
    figures = routing_metrics(p_test, y[test], labels, out_of_scope=oos, threshold=threshold)
    return threshold, figures


def main() -> None:
    """Print both strategies on the test split."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data")
    parser.add_argument("--oos-target", type=float, default=None)
    args = parser.parse_args()
    taxonomy = load_taxonomy()
    data = load_labelled(args.data, taxonomy, seed=13)
    with Anonymiser(n_process=2) as anonymiser:
        texts = anonymise_all(anonymiser, data, None)
    labels = taxonomy.labels
    oos = labels.index(taxonomy.out_of_scope.id)
    y = np.array([labels.index(label) for label in data.labels])
    split = np.array(data.splits)
    rule = TrainingConfig(target_oos_recall=args.oos_target)
    print("strategy                 threshold  OOS->review  coverage  auto-precision  in-scope acc")
    for with_class in (True, False):
        threshold, f = score(texts, y, split, labels, oos, with_class=with_class, rule=rule)
        name = "class + threshold" if with_class else "threshold only"
        print(
            f"{name:24s} {threshold:9.3f} {f['oos_recall']:12.3f} {f['coverage']:9.3f}"
            f" {f['auto_precision']:15.3f} {f['in_scope_accuracy']:13.3f}"
        )


if __name__ == "__main__":
    main()
