"""Benchmark: REST latency from one user and the Rasa server's memory (`make bench`).

Starts its own action server and Rasa server (ports 5205/5255), sends N messages through
the REST webhook, prints p50/p95 latency and RSS, and writes reports/bench.json.
A measurement, not a test: nothing here passes or fails.
"""
import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from scripts.stack import ROOT, Stack

QUESTIONS = [
    "Jaký port pro IMAP se SSL?",
    "a bez SSL?",
    "jaky port pro smtp",
    "K čemu je port 587?",
    "Jaký server zadat pro příchozí poštu?",
    "co napsat jako uzivatelske jmeno",
    "Dobrý den",
    "kompletni nastaveni pop3",
]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        stack = Stack(Path(tmp), rasa_port=5205, action_port=5255)
        try:
            stack.start_actions()
            started = time.perf_counter()
            stack.start_rasa()
            startup_s = time.perf_counter() - started
            for question in QUESTIONS:  # warm-up, not measured
                stack.say("bench-warmup", question)
            latencies = []
            for i in range(args.messages):
                t = time.perf_counter()
                stack.say("bench-user", QUESTIONS[i % len(QUESTIONS)])
                latencies.append((time.perf_counter() - t) * 1000)
            rss = rss_mb(stack.rasa.pid)
        finally:
            stack.stop()
    result = {
        "messages": args.messages,
        "rasa_startup_s": round(startup_s, 1),
        "latency_ms": {
            "p50": round(percentile(latencies, 0.50), 1),
            "p95": round(percentile(latencies, 0.95), 1),
            "mean": round(statistics.mean(latencies), 1),
            "max": round(max(latencies), 1),
        },
        # Rasa 3.6 re-featurises the whole conversation on every prediction, so latency
        # grows with its length: p50/p95 of each block of 50 turns of the one conversation.
        "latency_by_turns_ms": {
            f"{start + 1}-{start + 50}": [
                round(percentile(latencies[start:start + 50], 0.50), 1),
                round(percentile(latencies[start:start + 50], 0.95), 1),
            ]
            for start in range(0, len(latencies), 50)
        },
        "rasa_rss_mb": round(rss, 1),
    }
    reports = ROOT / "reports"
    reports.mkdir(exist_ok=True)
    (reports / "bench.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"{'messages (one user)':28} {args.messages}")
    print(f"{'Rasa start-up (model load)':28} {result['rasa_startup_s']} s")
    for key, value in result["latency_ms"].items():
        print(f"{'latency ' + key:28} {value} ms")
    for turns, (p50, p95) in result["latency_by_turns_ms"].items():
        print(f"{'turns ' + turns + ' p50 / p95':28} {p50} / {p95} ms")
    print(f"{'Rasa server RSS':28} {result['rasa_rss_mb']} MB")


if __name__ == "__main__":
    main()
