"""The bot's questions (intents) as the console shows and edits them: the same files and the
same checks as `make intent` and `make examples` (scripts/add_intent.py), plus removing an
example and editing the answer of a question staff added."""

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional

import yaml

from actions.topics import intent_title
from czech_nlu.folding import fold
from scripts import add_intent
from scripts.add_intent import Refused

MAX_EXAMPLES = 300
MAX_EXAMPLE_CHARS = 300
MAX_ANSWER_CHARS = 1500
MARKUP = re.compile(r"[<>]")
# Words no question is named after.
NAME_STOPWORDS = {"jak", "jake", "jaky", "kde", "proc", "muzu", "mate", "nejde", "prosim", "dobry"}


@dataclass
class Question:
    name: str
    title: str
    examples: int
    answer: Optional[str]  # the response text; None: an action of the bot answers it
    editable: bool  # added by staff (`make intent` or the console): its answer can be edited


def _blocks(root: Path):
    """(file, intent, example lines) of every intent block in data/nlu."""
    for path in sorted((root / "data" / "nlu").glob("*.yml")):
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
            if "intent" in block:
                lines = (block.get("examples") or "").splitlines()
                yield path, block["intent"], [line.strip()[2:] for line in lines if line.strip()]


def _scaffolded(root: Path, name: str) -> bool:
    path = root / "data" / "nlu" / f"{name}.yml"
    return path.exists() and path.read_text(encoding="utf-8").startswith(add_intent.SCAFFOLD_MARK)


def _answers(root: Path) -> Dict[str, str]:
    responses = yaml.safe_load((root / "domain.yml").read_text(encoding="utf-8"))["responses"]
    return {
        name[len("utter_") :]: variants[0].get("text", "")
        for name, variants in responses.items()
        if variants
    }


def questions(root: Path) -> List[Question]:
    domain = yaml.safe_load((root / "domain.yml").read_text(encoding="utf-8"))
    counts: Counter = Counter()
    for _, intent, examples in _blocks(root):
        counts[intent] += len(examples)
    answers = _answers(root)
    return [
        Question(
            name,
            intent_title(name),
            counts[name],
            answers.get(name) if _scaffolded(root, name) else None,
            _scaffolded(root, name),
        )
        for name in domain["intents"]
    ]


def question(root: Path, name: str) -> Optional[Question]:
    return next((q for q in questions(root) if q.name == name), None)


def examples(root: Path, name: str) -> List[str]:
    return [e for _, intent, found in _blocks(root) if intent == name for e in found]


def cleaned(lines: List[str]) -> List[str]:
    """The examples as typed into a form: one per line, markup and overlong ones refused."""
    found = list(dict.fromkeys(line.strip() for line in lines if line.strip()))
    if len(found) > MAX_EXAMPLES:
        raise Refused(f"Najednou nejvýš {MAX_EXAMPLES} příkladů (zadáno {len(found)}).")
    too_long = [e for e in found if len(e) > MAX_EXAMPLE_CHARS]
    if too_long:
        raise Refused(
            f"Příklad smí mít nejvýš {MAX_EXAMPLE_CHARS} znaků: „{too_long[0][:60]}…“ "
            f"má {len(too_long[0])}."
        )
    if any(MARKUP.search(e) for e in found):
        raise Refused("Příklady nesmí obsahovat značky HTML (znaky < a >).")
    return found


def checked_answer(answer: str) -> str:
    answer = answer.strip()
    if len(answer) > MAX_ANSWER_CHARS:
        raise Refused(f"Odpověď smí mít nejvýš {MAX_ANSWER_CHARS} znaků (má {len(answer)}).")
    if MARKUP.search(answer):
        raise Refused("Odpověď nesmí obsahovat značky HTML (znaky < a >).")
    return answer


def add_question(root: Path, name: str, lines: List[str], answer: str) -> List[str]:
    if len(name) > 60:
        raise Refused("Název smí mít nejvýš 60 znaků.")
    return add_intent.add_intent(name, cleaned(lines), checked_answer(answer), root)


def add_examples(root: Path, name: str, lines: List[str]) -> List[str]:
    return add_intent.add_examples(name, cleaned(lines), root)


def remove_example(root: Path, name: str, text: str) -> List[str]:
    """Removes the example and its twin without diacritics from the intent's training data."""
    key = fold(text).strip()
    before = examples(root, name)
    left = [e for e in before if fold(e).strip() != key]
    if len(left) == len(before):
        raise Refused(f"Otázka {name} takový příklad nemá.")
    if len(left) < add_intent.MIN_EXAMPLES:
        raise Refused(f"Otázce musí zůstat aspoň {add_intent.MIN_EXAMPLES} příkladů.")
    header = f"- intent: {name}\n"
    for path, intent, found in _blocks(root):
        if intent != name or not any(fold(e).strip() == key for e in found):
            continue
        out, inside = [], False
        for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
            if line.startswith("- "):
                inside = line == header
            stripped = line.strip()
            if inside and stripped.startswith("- ") and fold(stripped[2:]).strip() == key:
                continue
            out.append(line)
        path.write_text("".join(out), encoding="utf-8")
    if len(examples(root, name)) != len(left):  # (a block this reader did not find)
        raise Refused(f"Příklad se z otázky {name} nepodařilo odebrat.")
    return [f"{name}: odebrán příklad"]


def set_answer(root: Path, name: str, answer: str) -> List[str]:
    if not _scaffolded(root, name):
        raise Refused(
            "Tuto odpověď skládá bot sám z údajů; upravit jde odpověď otázky přidané zde."
        )
    answer = checked_answer(answer)
    add_intent.check_response(answer)
    domain_file = root / "domain.yml"
    domain = domain_file.read_text(encoding="utf-8")
    pattern = re.compile(rf"(\n  utter_{re.escape(name)}:\n    - text: ).*\n")
    if not pattern.search(domain):
        raise Refused(f"V domain.yml chybí odpověď utter_{name}.")
    new_line = json.dumps(answer, ensure_ascii=False)
    domain_file.write_text(
        pattern.sub(lambda m: f"{m.group(1)}{new_line}\n", domain, count=1), encoding="utf-8"
    )
    return [f"domain.yml: nová odpověď utter_{name}"]


def suggested_name(root: Path, texts: List[str]) -> str:
    """ask_<the group's commonest word>, one that is not taken."""
    words = Counter(
        w
        for text in texts
        for w in set(re.findall(r"[a-z]{4,}", fold(text)))
        if w not in NAME_STOPWORDS
    )
    taken = {q.name for q in questions(root)}
    for word, _ in words.most_common():
        if f"ask_{word}" not in taken:
            return f"ask_{word}"
    return "ask_nova_otazka"
