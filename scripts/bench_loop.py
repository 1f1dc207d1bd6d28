"""The development loop's figures for `make bench`: full training beside Rasa's starter bot
(`rasa init`), training after `make intent`, a model swap under load, a question added, trained
and published in the staff console until a server answers it, and, on fresh clones of this
repository, the time from `git clone` to the first answer of `make run` and the wall time of
`make test`.

Each returns a dict for reports/bench.json. A measurement, not a test: nothing passes or fails.
"""

import json
import os
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any, Dict

from scripts.add_intent import add_intent
from scripts.shell import say
from scripts.swap_model import swap
from tests.customers import FACT, QUESTION, Customers, project_copy, train
from tests.stack import RASA, ROOT, Stack, reply_text

# A question nobody will add for real: the intent `make intent` adds before the timed training.
PROBE = "ask_bench_probe"
PROBE_EXAMPLES = [
    "Jak si nastavím přeposílání pošty na jinou adresu?",
    "Kde zapnu přesměrování e-mailů?",
    "Chci přeposílat poštu na gmail",
    "Jde nastavit automatické přeposílání?",
    "Přesměrování schránky prosím",
    "Jak zruším přeposílání pošty?",
    "Potřebuji, aby mi pošta chodila i na druhou adresu",
    "Kde je nastavení přeposílání?",
    "Můžu si poštu kopírovat na jiný e-mail?",
    "Jak přesměruji e-maily na kolegu?",
    "Nastavení přesměrování pošty",
    "Forward e-mailu na jinou schránku",
]
PROBE_ANSWER = "Přeposílání nastavíte v zákaznickém prostoru u své e-mailové adresy."
TOKEN = "bench-token"
FIRST_ANSWER_SECONDS = 1800


def full_training(workdir: Path) -> Dict[str, Any]:
    started = time.monotonic()
    subprocess.run(
        [
            RASA,
            "train",
            "--skip-validation",
            "--force",
            "--out",
            str(workdir),
            "--fixed-model-name",
            "bench",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return {"full_training_s": round(time.monotonic() - started, 1)}


def intent_and_swap(workdir: Path) -> Dict[str, Any]:
    """`make train` once (the cache warm, as on a staff member's machine), `make intent`, the
    timed `make train`; then that model swapped into a running server while five customers
    write without a pause."""
    project = project_copy(workdir / "project")
    train(project)
    add_intent(PROBE, PROBE_EXAMPLES, PROBE_ANSWER, project)
    after_intent_s = train(project)
    stack = Stack(workdir / "stack", rasa_port=5215, action_port=5265, api_token=TOKEN)
    try:
        stack.start()
        customers = Customers(stack)
        customers.start()
        time.sleep(2)
        started = time.monotonic()
        swap(project / "models" / "helpdesk.tar.gz", f"http://localhost:{stack.rasa_port}", TOKEN)
        swap_s = time.monotonic() - started
        time.sleep(2)
        customers.stop()
        answers_new = [m.get("text") for m in stack.say("bench-probe", PROBE_EXAMPLES[1])]
    finally:
        stack.stop()
    during = [
        lat
        for at, lat in zip(customers.answered_at, customers.latencies, strict=True)
        if started < at < started + swap_s
    ]
    return {
        "training_after_make_intent_s": round(after_intent_s, 1),
        "swap": {
            "seconds": round(swap_s, 1),
            "requests": len(customers.answered_at) + len(customers.failures),
            "failed": len(customers.failures),
            "answered_during_swap": len(during),
            "slowest_during_swap_ms": round(max(during) * 1000) if during else None,
            "new_intent_answered": answers_new == [PROBE_ANSWER],
        },
    }


def _answers(port: int) -> bool:
    try:
        return FACT in reply_text(say(f"http://localhost:{port}", "bench-cold", QUESTION))
    except (OSError, ValueError):
        return False


def fresh_clone(workdir: Path) -> Path:
    subprocess.run(["git", "clone", "-q", str(ROOT), str(workdir / "clone")], check=True)
    return workdir / "clone"


def cold_start(workdir: Path) -> Dict[str, Any]:
    """From a fresh clone to the first answer of `make run` (its own ports)."""
    clone = fresh_clone(workdir)
    ports = {"RASA_PORT": "5305", "ACTION_PORT": "5355", "WEB_PORT": "8380"}
    started = time.monotonic()
    with open(workdir / "make-run.log", "wb") as log:
        run = subprocess.Popen(
            ["make", "run"],
            cwd=clone,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, **ports},
            start_new_session=True,
        )
    try:
        while not _answers(int(ports["RASA_PORT"])):
            if run.poll() is not None or time.monotonic() - started > FIRST_ANSWER_SECONDS:
                return {"cold_start_s": None, "cold_start_log": str(workdir / "make-run.log")}
            time.sleep(1)
        return {"cold_start_s": round(time.monotonic() - started, 1)}
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGINT)  # as Ctrl-C: run.sh stops what it started
            run.wait(timeout=60)


def make_test(workdir: Path) -> Dict[str, Any]:
    clone = fresh_clone(workdir)
    started = time.monotonic()
    with open(workdir / "make-test.log", "wb") as log:
        code = subprocess.call(["make", "test"], cwd=clone, stdout=log, stderr=subprocess.STDOUT)
    return {"make_test_s": round(time.monotonic() - started, 1), "make_test_exit": code}


def starter_training(workdir: Path) -> Dict[str, Any]:
    """Rasa's starter bot (`rasa init`) trained from scratch on the same machine, right after
    ours: the ratio compares like with like."""
    subprocess.run(
        [RASA, "init", "--no-prompt", "--init-dir", str(workdir)],
        cwd=workdir,
        check=True,
        capture_output=True,
        env={**os.environ, "RASA_CACHE_DIRECTORY": str(workdir / ".cache")},
    )
    started = time.monotonic()
    subprocess.run(
        [RASA, "train", "--force", "--out", str(workdir / "bench-models")],
        cwd=workdir,
        check=True,
        capture_output=True,
        env={**os.environ, "RASA_CACHE_DIRECTORY": str(workdir / ".cache")},
    )
    return {"starter_bot_training_s": round(time.monotonic() - started, 1)}


def console_publish(workdir: Path) -> Dict[str, Any]:
    """A question made in the staff console, trained there (with the held-out gate) and
    published: the seconds to the first answer of it by a Rasa server pulling from the console."""
    from console import accounts
    from tests.console_client import Browser, Console
    from tests.console_client import project_copy as console_project

    db = workdir / "tracker.db"
    console_endpoints = workdir / "console-endpoints.yml"
    console_endpoints.write_text(f"tracker_store:\n  type: sql\n  dialect: sqlite\n  db: {db}\n")
    env = {"CONSOLE_MODEL_TOKEN": TOKEN}
    console = Console(
        console_project(workdir / "project", git=True, trainable=True), console_endpoints, 5291, env
    )
    rasa_endpoints = workdir / "rasa-endpoints.yml"
    rasa_endpoints.write_text(
        console_endpoints.read_text()
        + "action_endpoint:\n  url: http://localhost:5258/webhook\n"
        + f"models:\n  url: {console.url}/model\n  token: {TOKEN}\n  wait_time_between_pulls: 5\n"
    )
    stack = Stack(workdir / "stack", rasa_port=5208, action_port=5258, endpoints=rasa_endpoints)
    try:
        stack.start()
        accounts.set_password("bench@firma.cz", "bench-heslo-123", f"sqlite:///{db}")
        staff = Browser(console.url)
        staff.log_in("bench@firma.cz", "bench-heslo-123")
        form = {"nazev": PROBE, "priklady": "\n".join(PROBE_EXAMPLES), "odpoved": PROBE_ANSWER}
        staff.post("/otazky/nova", form)
        started = time.monotonic()
        staff.post("/modely/trenovat", {}, page="/modely")
        while not (job := json.loads(staff.request("/api/trenink")[2]))["finished"]:
            time.sleep(2)
        trained = time.monotonic() - started
        published = time.monotonic()
        staff.post(f"/modely/{job['model']}/zverejnit", {}, page="/modely")
        deadline = published + 600
        asked = PROBE_EXAMPLES[1]  # a training example: the question is the published one
        while PROBE_ANSWER not in reply_text(stack.say(f"bench-{time.monotonic_ns()}", asked)):
            if time.monotonic() > deadline:
                return {"console_training_with_gate_s": round(trained, 1), "job": job["state"]}
            time.sleep(0.5)
        return {
            "console_training_with_gate_s": round(trained, 1),
            "publish_to_first_answer_s": round(time.monotonic() - published, 1),
        }
    finally:
        stack.stop()
        console.stop()


def measure(fresh_clones: bool = True) -> Dict[str, Any]:
    result: Dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        result.update(full_training(Path(tmp)))
    with tempfile.TemporaryDirectory() as tmp:
        result.update(starter_training(Path(tmp)))
    result["training_ratio_to_starter_bot"] = round(
        result["full_training_s"] / result["starter_bot_training_s"], 2
    )
    with tempfile.TemporaryDirectory() as tmp:
        result.update(console_publish(Path(tmp)))
    with tempfile.TemporaryDirectory() as tmp:
        result.update(intent_and_swap(Path(tmp)))
    if fresh_clones:
        with tempfile.TemporaryDirectory() as tmp:
            result.update(cold_start(Path(tmp)))
        with tempfile.TemporaryDirectory() as tmp:
            result.update(make_test(Path(tmp)))
    return result
