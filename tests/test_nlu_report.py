"""The quality gate fails, with a readable table, when the held-out figures drop."""

import json
import subprocess
import sys

from conftest import ROOT


def write_reports(folder, accuracy, macro_f1, protocol_f1):
    row = {"precision": 1.0, "recall": 1.0, "f1-score": 1.0, "support": 4}
    (folder / "intent_report.json").write_text(
        json.dumps(
            {
                "ask_port": row,
                "accuracy": accuracy,
                "macro avg": {**row, "f1-score": macro_f1},
                "weighted avg": row,
            }
        )
    )
    (folder / "CzechEntityExtractor_report.json").write_text(
        json.dumps(
            {
                "protocol": {**row, "f1-score": protocol_f1},
                "security": row,
            }
        )
    )


def gate(folder):
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "nlu_report.py"), str(folder), "--gate"],
        capture_output=True,
        text=True,
    )


def test_passes_above_the_gates(tmp_path):
    write_reports(tmp_path, 0.97, 0.96, 1.0)
    result = gate(tmp_path)
    assert result.returncode == 0 and result.stdout.count("PASS") == 4


def test_fails_on_intent_accuracy_or_entity_f1(tmp_path):
    write_reports(tmp_path, 0.94, 0.96, 1.0)
    result = gate(tmp_path)
    assert result.returncode == 1 and "intent accuracy: 0.940 (gate 0.95) FAIL" in result.stdout
    assert "ask_port" in result.stdout  # the per-intent table is printed
    write_reports(tmp_path, 0.99, 0.99, 0.90)
    assert "entity F1 protocol: 0.900 (gate 0.95) FAIL" in gate(tmp_path).stdout
