"""Save spaCy's blank Czech language (tokenizer only) where config.yml's SpacyNLP loads it.

No model is downloaded: `spacy.blank("cs")` ships with spaCy itself.
"""

import sys
from pathlib import Path

import spacy


def main(target: str) -> None:
    nlp = spacy.blank("cs")
    nlp.meta["name"] = "blank_cs"
    Path(target).mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    print(f"saved spacy.blank('cs') to {target}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "build/spacy_cs")
