"""Diacritics folding: customers type "jaky" as often as "jaký"."""

import unicodedata


def fold(text: str) -> str:
    """Lower-case `text` and strip diacritics ("Příchozí" -> "prichozi")."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_in_place(text: str) -> str:
    """`fold`, one character for one: a span found in the result cuts the original text."""
    return "".join((fold(ch) or ch)[0] for ch in text)
