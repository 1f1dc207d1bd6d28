"""Summary of a `rasa test nlu` run (held-out set or cross-validation) in RESULTS_DIR.

Prints a per-intent table, the misses, the entity table and the headline figures. With
--gate it is the quality gate of `make test`: it exits non-zero when intent accuracy < 0.95,
intent macro F1 < 0.93, or entity F1 of protocol or security < 0.95.
usage: nlu_report.py RESULTS_DIR [--gate]
"""

import argparse
import json
import sys
from pathlib import Path

GATES = {
    "intent accuracy": 0.95,
    "intent macro F1": 0.93,
    "entity F1 protocol": 0.95,
    "entity F1 security": 0.95,
}


def rows(report):
    return {
        name: row
        for name, row in sorted(report.items())
        if isinstance(row, dict) and "support" in row and not name.endswith("avg")
    }


def print_table(title, report):
    print(f"{title:22} {'precision':>9} {'recall':>7} {'f1':>6} {'n':>4}")
    for name, row in rows(report).items():
        print(
            f"{name:22} {row['precision']:9.2f} {row['recall']:7.2f} "
            f"{row['f1-score']:6.2f} {row['support']:4d}"
        )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("--gate", action="store_true", help="fail below the gates")
    args = parser.parse_args()
    results = Path(args.results)
    intents = json.loads((results / "intent_report.json").read_text(encoding="utf-8"))
    # (named for the extractor's class: czech_nlu.entities.CzechEntityExtractor)
    [report] = results.glob("*CzechEntityExtractor_report.json")
    entities = json.loads(report.read_text(encoding="utf-8"))

    print_table("intent", intents)
    errors_file = results / "intent_errors.json"
    if errors_file.exists():
        for error in json.loads(errors_file.read_text(encoding="utf-8")):
            predicted = error["intent_prediction"]
            print(
                f"  miss: {error['text']!r} is {error['intent']}, "
                f"predicted {predicted['name']} ({predicted['confidence']:.2f})"
            )
    print_table("entity", entities)

    measured = {
        "intent accuracy": intents["accuracy"],
        "intent macro F1": intents["macro avg"]["f1-score"],
        "entity F1 protocol": entities.get("protocol", {}).get("f1-score", 0.0),
        "entity F1 security": entities.get("security", {}).get("f1-score", 0.0),
    }
    failed = 0
    for gate, minimum in GATES.items():
        ok = measured[gate] >= minimum
        failed += not ok
        verdict = f" (gate {minimum:.2f}) {'PASS' if ok else 'FAIL'}" if args.gate else ""
        print(f"{results.name} {gate}: {measured[gate]:.3f}{verdict}")
    return 1 if failed and args.gate else 0


if __name__ == "__main__":
    sys.exit(main())
