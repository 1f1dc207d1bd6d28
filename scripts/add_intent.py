"""Teach the bot a new question: `make intent NAME=... EXAMPLES=file RESPONSE="..."`, or more
ways to ask a known one: `make examples INTENT=... FILE=...`.

Adds the NLU examples (data/nlu/<name>.yml, with a diacritics-free twin of each example,
because customers type without them), the intent and its `utter_<name>` response to
domain.yml, a rule, a test story, and sets a share of the examples aside as held-out
examples. Refuses a bad or existing name, fewer than 10 examples, examples that already
belong to another intent, and a response that retypes a fact of the knowledge file.
"""

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Dict, List

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from actions import knowledge  # noqa: E402
from czech_nlu.folding import fold  # noqa: E402

MIN_EXAMPLES = 10
MIN_TRAINING = 15  # after the held-out share and with the diacritics-free twins
SCAFFOLD_MARK = "# Added by `make intent`."
HOLDOUT_EVERY = 5  # every 5th example is held out (20 %)
NAME = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
ANNOTATION = re.compile(r"\[([^\]]+)\](\([^)]*\)|\{[^}]*\})")


class Refused(Exception):
    pass


def existing_examples(root: Path) -> Dict[str, str]:
    """Every example (folded, lower case) of every intent, training and held-out."""
    owners = {}
    files = sorted((root / "data" / "nlu").glob("*.yml")) + [root / "tests" / "nlu_holdout.yml"]
    for path in files:
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            for line in (block.get("examples") or "").splitlines() if "intent" in block else []:
                if line.strip().startswith("- "):
                    text = ANNOTATION.sub(r"\1", line.strip()[2:])
                    owners[fold(text).strip()] = block["intent"]
    return owners


def facts() -> List[str]:
    numbers = [str(n) for spec in knowledge.protocols().values() for n in spec["ports"].values()]
    return numbers + [knowledge.server("incoming"), knowledge.server("outgoing")]


def check(name: str, examples: List[str], response: str, root: Path) -> None:
    domain = yaml.safe_load((root / "domain.yml").read_text(encoding="utf-8"))
    if not NAME.match(name):
        raise Refused(f"Název musí být snake_case (např. ask_webmail), ne {name!r}.")
    if name in domain["intents"] or (root / "data" / "nlu" / f"{name}.yml").exists():
        raise Refused(f"Otázka {name!r} už existuje.")
    if len(examples) < MIN_EXAMPLES:
        raise Refused(f"{len(examples)} různých příkladů; potřeba je aspoň {MIN_EXAMPLES}.")
    owners = existing_examples(root)
    taken = [f"  {e!r} patří k {owners[fold(e)]}" for e in examples if fold(e) in owners]
    if taken:
        raise Refused("Příklady, které už patří jiné otázce:\n" + "\n".join(taken))
    check_response(response)


def check_response(response: str) -> None:
    if not response.strip():
        raise Refused("Odpověď je prázdná.")
    retyped = [f for f in facts() if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", response, re.I)]
    if retyped:
        raise Refused(
            f"Odpověď opisuje údaje ze znalostního souboru actions/knowledge.yml "
            f"({', '.join(retyped)}): odpověď s porty nebo servery musí skládat akce, "
            "která je čte odtamtud."
        )


def examples_block(examples: List[str]) -> str:
    return "".join(f"    - {e}\n" for e in examples)


def split(examples: List[str]):
    """(training examples with their diacritics-free twins, held-out examples)."""
    held_out = examples[HOLDOUT_EVERY - 1 :: HOLDOUT_EVERY]
    training = [e for e in examples if e not in held_out]
    twins = [fold(e) for e in training if fold(e) != e.lower()]
    return list(dict.fromkeys(training + [t for t in twins if t not in training])), held_out


def append_held_out(name: str, held_out: List[str], root: Path) -> None:
    with (root / "tests" / "nlu_holdout.yml").open("a", encoding="utf-8") as f:
        f.write(f"\n- intent: {name}\n  examples: |\n{examples_block(held_out)}")


def add_examples(name: str, examples: List[str], root: Path = ROOT) -> List[str]:
    """More examples for an existing intent (from `make inbox`): those that already belong to
    it are skipped, one that belongs to another intent refuses the whole file."""
    examples = list(dict.fromkeys(e.strip() for e in examples if e.strip()))
    owners = existing_examples(root)
    taken = [
        f"  {e!r} patří k {owners[fold(e)]}"
        for e in examples
        if fold(e) in owners and owners[fold(e)] != name
    ]
    if taken:
        raise Refused("Příklady, které už patří jiné otázce:\n" + "\n".join(taken))
    new = [e for e in examples if fold(e) not in owners]
    if not new:
        raise Refused(f"Nic nového: všechny příklady už otázka {name} má.")
    header = f"- intent: {name}\n  examples: |\n"
    path = next(
        (
            p
            for p in sorted((root / "data" / "nlu").glob("*.yml"))
            if header in p.read_text(encoding="utf-8")
        ),
        None,
    )
    if path is None:
        raise Refused(f"Otázka {name!r} v data/nlu není (nové otázky: make intent).")
    training, held_out = split(new)
    text = path.read_text(encoding="utf-8")
    start = text.index(header) + len(header)
    end = start
    for line in text[start:].splitlines(keepends=True):
        if not line.startswith("    "):
            break
        end += len(line)
    path.write_text(text[:end] + examples_block(training) + text[end:], encoding="utf-8")
    changed = [f"{path.relative_to(root)}: {len(training)} examples more for {name}"]
    if held_out:
        append_held_out(name, held_out, root)
        changed.append(f"tests/nlu_holdout.yml: {len(held_out)} held-out examples")
    skipped = len(examples) - len(new)
    if skipped:
        changed.append(f"{skipped} příkladů přeskočeno: {name} je už má")
    return changed


def add_intent(name: str, examples: List[str], response: str, root: Path = ROOT) -> List[str]:
    examples = list(dict.fromkeys(e.strip() for e in examples if e.strip()))
    check(name, examples, response, root)
    training, held_out = split(examples)
    if len(training) < MIN_TRAINING:
        raise Refused(
            f"Po odložení {len(held_out)} kontrolních příkladů zbývá k tréninku jen "
            f"{len(training)}; potřeba je aspoň {MIN_TRAINING} (přidejte další formulace)."
        )

    changed = []
    nlu_file = root / "data" / "nlu" / f"{name}.yml"
    nlu_file.write_text(
        f'{SCAFFOLD_MARK}\nversion: "3.1"\n\nnlu:\n- intent: {name}\n  examples: |\n'
        + examples_block(training),
        encoding="utf-8",
    )
    changed.append(f"{nlu_file.relative_to(root)}: {len(training)} examples")

    append_held_out(name, held_out, root)
    changed.append(f"tests/nlu_holdout.yml: {len(held_out)} held-out examples")

    domain_file = root / "domain.yml"
    domain = domain_file.read_text(encoding="utf-8")
    intents_end = domain.index("\nentities:")
    domain = domain[:intents_end].rstrip("\n") + f"\n  - {name}\n" + domain[intents_end:]
    domain = domain.rstrip("\n") + (
        f"\n\n  utter_{name}:\n    - text: {json.dumps(response.strip(), ensure_ascii=False)}\n"
    )
    domain_file.write_text(domain, encoding="utf-8")
    changed.append(f"domain.yml: intent {name}, response utter_{name}")

    with (root / "data" / "rules.yml").open("a", encoding="utf-8") as f:
        f.write(f"\n- rule: {name}\n  steps:\n  - intent: {name}\n  - action: utter_{name}\n")
    changed.append(f"data/rules.yml: rule {name}")

    with (root / "tests" / "test_stories.yml").open("a", encoding="utf-8") as f:
        f.write(
            f"\n- story: {name}\n  steps:\n  - user: |\n      {training[0]}\n"
            f"    intent: {name}\n  - action: utter_{name}\n"
        )
    changed.append(f"tests/test_stories.yml: story {name}")
    return changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("name")
    parser.add_argument("examples", help="a file, one Czech example per line")
    parser.add_argument("response", nargs="?", help="the Czech answer (new intents only)")
    parser.add_argument("--existing", action="store_true", help="add to an existing intent")
    args = parser.parse_args()
    try:
        lines = Path(args.examples).read_text(encoding="utf-8").splitlines()
        if args.existing:
            changed = add_examples(args.name, lines)
        else:
            changed = add_intent(args.name, lines, args.response or "")
    except (Refused, OSError) as error:
        print(f"make intent: {error}", file=sys.stderr)
        return 2
    print("Added:\n" + "\n".join(f"  {line}" for line in changed))
    print("Next: make train && make test   (then `make run` answers the new intent)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
