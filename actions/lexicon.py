"""How customers say things, as data: actions/lexicon.yml holds word lists and patterns on
diacritics-folded lower-case text, each entry with sentences it must and must not match
(tests/test_lexicon.py plays them all). This loader compiles the file once.

Entries use shared expansions written `<name>` (defined under `expansions:`), so one list of
words – "the forms of sending", "a person" – serves every entry that needs it.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional

import yaml

from czech_nlu.folding import fold

LEXICON_FILE = Path(__file__).with_name("lexicon.yml")
EXPANSION = re.compile(r"(?<!\?P)<([a-z_]+)>")  # not a named group (?P<x>)


@dataclass(frozen=True)
class Entry:
    name: str
    pattern: "re.Pattern[str]"
    doc: str = ""
    match: List[str] = field(default_factory=list)  # sentences it must find (as typed)
    no_match: List[str] = field(default_factory=list)  # ...and sentences it must not

    def search(self, folded: str) -> Optional["re.Match[str]"]:
        return self.pattern.search(folded)

    def __call__(self, folded: str) -> bool:
        return bool(self.pattern.search(folded))


def _expand(text: str, expansions: Dict[str, str], depth: int = 0) -> str:
    if depth > 5:
        raise ValueError(f"expansions nest too deep: {text}")
    return EXPANSION.sub(
        lambda m: "(?:" + _expand(expansions[m.group(1)], expansions, depth + 1) + ")", text
    )


@dataclass(frozen=True)
class Lexicon:
    entries: Dict[str, Entry]
    words: Dict[str, List[str]]  # plain word lists (stop words) for the matchers
    forms: Dict[str, str]  # an irregular form -> the form it stands for ("uctu" -> "ucet")

    def __getitem__(self, name: str) -> Entry:
        return self.entries[name]

    @classmethod
    def from_dict(cls, data: Dict) -> "Lexicon":
        expansions = {name: _join(value) for name, value in (data.get("expansions") or {}).items()}
        entries = {}
        for name, spec in (data.get("entries") or {}).items():
            source = _expand(_join(spec["patterns"]), expansions)
            entries[name] = Entry(
                name=name,
                pattern=re.compile(source),
                doc=spec.get("doc", ""),
                match=list(spec.get("match") or []),
                no_match=list(spec.get("no_match") or []),
            )
        words = {name: [fold(w) for w in ws] for name, ws in (data.get("words") or {}).items()}
        forms = {fold(f): fold(group[0]) for group in data.get("forms") or [] for f in group}
        return cls(entries=entries, words=words, forms=forms)


def _join(patterns) -> str:
    return patterns if isinstance(patterns, str) else "|".join(f"(?:{p})" for p in patterns)


@lru_cache(maxsize=1)
def load() -> Lexicon:
    return Lexicon.from_dict(yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8")))


def says(name: str, folded: str) -> bool:
    """Whether the folded text says what entry `name` is about."""
    return load()[name](folded)
