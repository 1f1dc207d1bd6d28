"""Every lexicon entry (actions/lexicon.yml) finds its `match` sentences and none of its
`no_match` sentences, on folded text as the understanding step reads it."""

import re
from collections import Counter

import pytest

from actions import lexicon
from czech_nlu.folding import fold

ENTRIES = list(lexicon.load().entries.values())
CASES = [(e.name, s, True) for e in ENTRIES for s in e.match] + [
    (e.name, s, False) for e in ENTRIES for s in e.no_match
]


@pytest.mark.parametrize("name,sentence,found", CASES, ids=[f"{n}:{s}" for n, s, _ in CASES])
def test_entry(name, sentence, found):
    assert lexicon.says(name, fold(sentence)) is found


def test_every_entry_has_examples_both_ways():
    for entry in ENTRIES:
        assert entry.match and entry.no_match, entry.name


def test_no_entry_is_written_twice():
    """YAML keeps the last of two equal keys: an entry written twice loses the first silently."""
    text = lexicon.LEXICON_FILE.read_text(encoding="utf-8")
    names = re.findall(r"^  ([a-z_]+):\n", text, re.M)
    assert [n for n, c in Counter(names).items() if c > 1] == []
