"""`make validate`: Rasa's data validation with every warning treated as an error.

One warning is Rasa's blind spot: a response rendered by a custom action (all of ours that
carry facts) "is not used in any story or rule". Such a warning is accepted only when the
response is named in the actions' code; a response used nowhere still fails. An intent that
only a button sends (BUTTON_ONLY_INTENTS) needs no NLU examples.
"""

import re
import sys
import warnings
from pathlib import Path

from rasa.cli.utils import validate_files
from rasa.shared.importers.importer import TrainingDataImporter

ROOT = Path(__file__).resolve().parents[1]
UNUSED = re.compile(r"The utterance '(utter_\w+)' is not used in any story or rule")
# Raised by Rasa 3.6 on every domain load, whatever the data (slot_mappings.py).
ALWAYS_RAISED = ("Slot auto-fill has been removed in 3.0",)
# Intents only a button sends (`/rate{"rating":"up"}` under 👍 / 👎): nothing to learn from text.
BUTTON_ONLY_INTENTS = ("rate",)
NO_EXAMPLES = re.compile(
    r"The intent '(\w+)' is listed in the domain file, but is not found in the NLU training data"
)


def responses_named_in_actions() -> set:
    """Responses the custom action renders, and those the live-agent channel sends."""
    sources = [*(ROOT / "actions").glob("*.py"), ROOT / "channels" / "live_agent.py"]
    code = "".join(p.read_text(encoding="utf-8") for p in sources)
    return set(re.findall(r"[\"'](utter_\w+)[\"']", code))


def main() -> int:
    importer = TrainingDataImporter.load_from_config(
        str(ROOT / "config.yml"), str(ROOT / "domain.yml"), [str(ROOT / "data")]
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        validate_files(fail_on_warnings=True, max_history=None, importer=importer)
    used_by_actions = responses_named_in_actions()
    problems = []
    for warning in caught:
        if not issubclass(warning.category, UserWarning):
            continue  # library deprecations, not our data
        text = str(warning.message)
        if text.startswith(ALWAYS_RAISED):
            continue
        unused = UNUSED.search(text)
        if unused and unused.group(1) in used_by_actions:
            continue
        no_examples = NO_EXAMPLES.search(text)
        if no_examples and no_examples.group(1) in BUTTON_ONLY_INTENTS:
            continue
        problems.append(text)
    for problem in problems:
        print(f"validation warning: {problem}", file=sys.stderr)
    print(f"data validation: {len(problems)} warning(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
