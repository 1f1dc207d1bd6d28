"""Quality gate on the held-out NLU examples (`rasa test nlu` report in RESULTS_DIR).

Prints a per-intent table and exits non-zero when intent accuracy is below the gate.
usage: holdout_gate.py RESULTS_DIR [--min-accuracy 0.95]
"""
import argparse
import json
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("--min-accuracy", type=float, default=0.95)
    args = parser.parse_args()
    results = Path(args.results)
    report = json.loads((results / "intent_report.json").read_text(encoding="utf-8"))
    accuracy = report["accuracy"]
    macro_f1 = report["macro avg"]["f1-score"]

    print(f"{'intent':22} {'precision':>9} {'recall':>7} {'f1':>6} {'n':>4}")
    for name, row in sorted(report.items()):
        if isinstance(row, dict) and "support" in row and not name.endswith("avg"):
            print(
                f"{name:22} {row['precision']:9.2f} {row['recall']:7.2f} "
                f"{row['f1-score']:6.2f} {row['support']:4d}"
            )
    errors_file = results / "intent_errors.json"
    if errors_file.exists():
        for error in json.loads(errors_file.read_text(encoding="utf-8")):
            predicted = error["intent_prediction"]
            print(
                f"  miss: {error['text']!r} is {error['intent']}, "
                f"predicted {predicted['name']} ({predicted['confidence']:.2f})"
            )
    verdict = "PASS" if accuracy >= args.min_accuracy else "FAIL"
    print(
        f"holdout intent accuracy {accuracy:.3f} (gate {args.min_accuracy:.2f}), "
        f"macro F1 {macro_f1:.3f}: {verdict}"
    )
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
