"""Benchmark (`make bench`): the development loop, then serving speed and memory.

The loop (scripts/bench_loop.py): full training, training after `make intent`, a model swap
while customers write, and on fresh clones the time to the first answer of `make run` and the
wall time of `make test`. Serving: its own action server and Rasa server (ports 5205/5255),
200 messages from one user, 2 000-character messages, five 30-turn conversations, 50
concurrent conversations, the server's memory and the held-out accuracy of the current model.
Writes reports/bench.json and prints a table. A measurement, not a test: nothing passes or fails.
"""

import argparse
import json
import statistics
import tempfile
import threading
import time
from pathlib import Path

from scripts import bench_loop
from tests.stack import MODEL, ROOT, Stack

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
# A long message: a story padded to the channel's 2 000 characters around one question.
STORY = (
    "Dobrý den, koupila jsem si nový telefon a převádím na něj všechno ze starého, kontakty "
    "i fotky už mám, teď ještě poštu. Na starém to šlo, ale nevím, co tam bylo nastavené. "
)
LONG_QUESTION = "Jaký port se dává u příchozí pošty přes IMAP, když chci šifrování? Děkuji, Jana"
# Thirty turns of one realistic conversation: questions, a correction, a symptom, navigation.
THIRTY_TURNS = [
    "dobry den",
    "jaky port pro imap se ssl",
    "spletl jsem se, mam pop3",
    "a pro odchozi?",
    "jake je uzivatelske jmeno a server?",
    "mam u odchozi nastaveny port 110, je to dobre?",
    "SSL nemam zapnute, jaky port u smtp?",
    "navod krok za krokem",
    "hotovo",
    "jasne, dalsi",
    "nevidim to",
    "uz to mam",
    "jdi na ctyrku",
    "hotovky",
    "dik, moment",
    "jsem zpet",
    "hotovo",
    "hotovo",
    "imap",
    "se ssl",
    "hotovo",
    "telefon pise 535 5.7.8 Authentication credentials invalid",
    "ne, porad nic",
    "mluvim s pocitacem?",
    "kde najdu heslo?",
    "cisla portu smtp",
    "a bez ssl?",
    "prislo mi upozorneni na nezabezpecene odesilani",
    "jo uz to jde",
    "diky, nashledanou",
]
CONVERSATION = [
    "navod krok za krokem",
    "hotovo",
    "hotovo",
    "jaky port pro imap se ssl",
    "pokracuj",
    "zpet",
    "hotovo",
    "nevidim to",
    "hotovo",
    "konec",
]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def one_user(stack: Stack, messages: int):
    latencies = []
    for i in range(messages):
        t = time.perf_counter()
        stack.say("bench-user", QUESTIONS[i % len(QUESTIONS)])
        latencies.append((time.perf_counter() - t) * 1000)
    return latencies


def long_messages(stack: Stack, count: int):
    """Each a fresh conversation whose first message is 2 000 characters long."""
    padding = (STORY * 20)[: 2000 - len(LONG_QUESTION) - 1]
    latencies = []
    for n in range(count):
        t = time.perf_counter()
        stack.say(f"bench-long-{n}", f"{padding} {LONG_QUESTION}")
        latencies.append((time.perf_counter() - t) * 1000)
    return latencies


def thirty_turns(stack: Stack, conversations: int):
    latencies = []
    for n in range(conversations):
        for text in THIRTY_TURNS:
            t = time.perf_counter()
            stack.say(f"bench-thirty-{n}", text)
            latencies.append((time.perf_counter() - t) * 1000)
    return latencies


def concurrent(stack: Stack, users: int):
    latencies, errors = [], []
    lock = threading.Lock()

    def talk(n: int) -> None:
        for text in CONVERSATION:
            t = time.perf_counter()
            try:
                stack.say(f"bench-concurrent-{n}", text)
                with lock:
                    latencies.append((time.perf_counter() - t) * 1000)
            except Exception as error:  # counted, not raised: this is a measurement
                with lock:
                    errors.append(repr(error))

    threads = [threading.Thread(target=talk, args=(n,)) for n in range(users)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, time.perf_counter() - started


def holdout_accuracy():
    report = ROOT / "results" / "holdout" / "intent_report.json"
    if report.exists():
        return round(json.loads(report.read_text(encoding="utf-8"))["accuracy"], 3)
    return None  # run `make holdout` first


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--skip-loop", action="store_true", help="serving figures only")
    parser.add_argument(
        "--no-fresh-clones", action="store_true", help="no cold start and no `make test` timing"
    )
    args = parser.parse_args()
    loop = {} if args.skip_loop else bench_loop.measure(fresh_clones=not args.no_fresh_clones)
    with tempfile.TemporaryDirectory() as tmp:
        stack = Stack(Path(tmp), rasa_port=5205, action_port=5255)
        try:
            stack.start_actions()
            started = time.perf_counter()
            stack.start_rasa()
            startup_s = time.perf_counter() - started
            for question in QUESTIONS:  # warm-up, not measured
                stack.say("bench-warmup", question)
            latencies = one_user(stack, args.messages)
            long_ms = long_messages(stack, 40)
            thirty_ms = thirty_turns(stack, 5)
            together, errors, wall_s = concurrent(stack, args.users)
            rss = rss_mb(stack.rasa.pid) if stack.rasa else float("nan")
        finally:
            stack.stop()
    result = {
        "loop": loop,
        "model_mb": round(MODEL.stat().st_size / 2**20, 1),
        "rasa_startup_s": round(startup_s, 1),
        "rasa_rss_mb": round(rss, 1),
        "one_user": {
            "messages": args.messages,
            "p50_ms": round(percentile(latencies, 0.50), 1),
            "p95_ms": round(percentile(latencies, 0.95), 1),
            "mean_ms": round(statistics.mean(latencies), 1),
            # p50/p95 of each block of 50 turns of the one conversation
            "by_turns_ms": {
                f"{start + 1}-{start + 50}": [
                    round(percentile(latencies[start : start + 50], 0.50), 1),
                    round(percentile(latencies[start : start + 50], 0.95), 1),
                ]
                for start in range(0, len(latencies), 50)
            },
        },
        "long_message_2000_chars": {
            "messages": len(long_ms),
            "p50_ms": round(percentile(long_ms, 0.50), 1),
            "p95_ms": round(percentile(long_ms, 0.95), 1),
        },
        "thirty_turn_conversation": {
            "messages": len(thirty_ms),
            "p50_ms": round(percentile(thirty_ms, 0.50), 1),
            "p95_ms": round(percentile(thirty_ms, 0.95), 1),
        },
        "concurrent": {
            "conversations": args.users,
            "messages": len(together) + len(errors),
            "throughput_msg_s": round(len(together) / wall_s, 1),
            "p50_ms": round(percentile(together, 0.50), 1) if together else None,
            "p95_ms": round(percentile(together, 0.95), 1) if together else None,
            "errors": len(errors),
        },
        "holdout_accuracy": holdout_accuracy(),
    }
    reports = ROOT / "reports"
    reports.mkdir(exist_ok=True)
    (reports / "bench.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    one, many = result["one_user"], result["concurrent"]
    swapped = loop.get("swap") or {}
    table = [
        ("full training (rasa train --force)", f"{loop.get('full_training_s')} s"),
        ("  Rasa's starter bot (rasa init)", f"{loop.get('starter_bot_training_s')} s"),
        ("  ratio ours / starter bot", str(loop.get("training_ratio_to_starter_bot"))),
        ("console: training + quality gate", f"{loop.get('console_training_with_gate_s')} s"),
        ("console: publish to first answer", f"{loop.get('publish_to_first_answer_s')} s"),
        ("training after make intent", f"{loop.get('training_after_make_intent_s')} s"),
        (
            "model swap under load",
            f"{swapped.get('seconds')} s, {swapped.get('failed')} of {swapped.get('requests')} "
            f"requests failed, slowest {swapped.get('slowest_during_swap_ms')} ms",
        ),
        ("fresh clone to first answer", f"{loop.get('cold_start_s')} s"),
        ("make test on a fresh clone", f"{loop.get('make_test_s')} s"),
        ("model size", f"{result['model_mb']} MB"),
        ("Rasa start-up (model load)", f"{result['rasa_startup_s']} s"),
        ("Rasa server RSS", f"{result['rasa_rss_mb']} MB"),
        (f"one user, {one['messages']} msgs p50/p95", f"{one['p50_ms']} / {one['p95_ms']} ms"),
        *[(f"  turns {k} p50/p95", f"{v[0]} / {v[1]} ms") for k, v in one["by_turns_ms"].items()],
        (
            "2 000-char message p50/p95",
            f"{result['long_message_2000_chars']['p50_ms']} / {result['long_message_2000_chars']['p95_ms']} ms",
        ),
        (
            "30-turn conversation p50/p95",
            f"{result['thirty_turn_conversation']['p50_ms']} / {result['thirty_turn_conversation']['p95_ms']} ms",
        ),
        (f"{many['conversations']} concurrent p50/p95", f"{many['p50_ms']} / {many['p95_ms']} ms"),
        ("  throughput", f"{many['throughput_msg_s']} msg/s"),
        ("  errors", f"{many['errors']} of {many['messages']}"),
        ("holdout intent accuracy", str(result["holdout_accuracy"])),
    ]
    for name, value in table:
        print(f"{name:34} {value}")


if __name__ == "__main__":
    main()
