"""The NLU inbox: customer messages the bot did not handle well, grouped by similarity, so
support staff can turn a group into a new intent (`make intent`) or more examples of an
existing one (`make examples`)."""

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Tuple

from actions.topics import intent_title
from analytics.conversations import ROOT, Conversation
from czech_nlu.folding import fold
from czech_nlu.password import redact

LOW_CONFIDENCE = 0.7
STAFF_CHAT = "konzole-"  # the sender ids of the console's chat pane (console/app.py)
# Answers to the bot's own questions say nothing about what the bot misses.
NOT_A_QUESTION = {"affirm", "deny", "request_human", "share_password", "greet", "thanks", "goodbye"}


@dataclass
class Missed:
    text: str
    reason: str  # fallback | out_of_scope | low_confidence | handoff
    guess: str
    conversation_id: str
    route: str = ""  # the route that answered it (actions/routes.py)


@dataclass
class Group:
    messages: List[Missed]

    @property
    def count(self) -> int:
        return len(self.messages)

    @property
    def guess(self) -> str:
        return Counter(m.guess for m in self.messages).most_common(1)[0][0]

    @property
    def route(self) -> str:
        return Counter(m.route for m in self.messages).most_common(1)[0][0]

    @property
    def example_conversation(self) -> str:
        return self.messages[0].conversation_id

    def texts(self) -> List[str]:
        return list(dict.fromkeys(m.text for m in self.messages))


def missed_messages(
    conversations: List[Conversation], threshold: float = LOW_CONFIDENCE
) -> List[Missed]:
    missed = []
    for conversation in conversations:
        if conversation.sender_id.startswith(STAFF_CHAT):
            continue  # staff trying the bot in the console's chat pane, no customer
        flagged = set()
        for index, message in enumerate(conversation.messages):
            if message.is_payload or not message.text.strip():
                continue
            if message.fell_back:
                reason = "fallback"
            elif message.out_of_scope:  # what new intents are made from
                reason = "out_of_scope"
            elif message.confidence < threshold:
                reason = "low_confidence"
            else:
                continue
            flagged.add(index)
            missed.append(
                Missed(
                    redact(message.text),
                    reason,
                    message.guess,
                    conversation.sender_id,
                    message.route,
                )
            )
        # Before each handoff: the customer's last real question, which the bot did not solve.
        for handoff_time in conversation.handoff_times:
            before = [
                (i, m)
                for i, m in enumerate(conversation.messages)
                if m.timestamp <= handoff_time
                and not m.is_payload
                and m.intent not in NOT_A_QUESTION
            ]
            if before and before[-1][0] not in flagged:
                index, message = before[-1]
                flagged.add(index)
                missed.append(
                    Missed(
                        redact(message.text),
                        "handoff",
                        message.intent,
                        conversation.sender_id,
                        message.route,
                    )
                )
    return missed


def known_words() -> set:
    """Folded words of the training data: a message with none of them (and none Czech or
    English simplemma knows) is random characters, not a question."""
    global _KNOWN
    if _KNOWN is None:
        import yaml

        words = set()
        for path in (ROOT / "data" / "nlu").glob("*.yml"):
            for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or []:
                words.update(re.findall(r"[^\W\d_]{2,}", fold(item.get("examples") or "")))
        _KNOWN = words
    return _KNOWN


_KNOWN: Optional[set] = None


def is_noise(text: str) -> bool:
    """Emoji only, punctuation, random characters: counted, never grouped. A message with a
    word we or simplemma know is never noise; else it is when it has no Latin letters or
    too few vowels to be Czech or English typed without diacritics ("qwrtzk", "xkcd")."""
    import simplemma

    words = re.findall(r"[^\W\d_]{2,}", text)
    if any(
        fold(w) in known_words() or simplemma.is_known(w.lower(), lang=("cs", "en")) for w in words
    ):
        return False
    letters = "".join(ch for ch in fold("".join(words)) if "a" <= ch <= "z")
    return not letters or sum(ch in "aeiouy" for ch in letters) / len(letters) < 0.25


def without_noise(missed: List[Missed]) -> Tuple[List[Missed], int]:
    kept = [m for m in missed if not is_noise(m.text)]
    return kept, len(missed) - len(kept)


def group(missed: List[Missed], distance: float = 0.75) -> List[Group]:
    """Similar messages together (TF-IDF over character n-grams of the folded text, average
    linkage on cosine distance), largest groups first."""
    if len(missed) < 2:
        return [Group(missed)] if missed else []
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectors = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(2, 4), preprocessor=fold
    ).fit_transform([m.text for m in missed])
    labels = AgglomerativeClustering(
        n_clusters=None, distance_threshold=distance, affinity="cosine", linkage="average"
    ).fit_predict(vectors.toarray())
    groups: Dict[Any, List[Any]] = {}
    for label, message in zip(labels, missed, strict=True):
        groups.setdefault(label, []).append(message)
    return sorted((Group(m) for m in groups.values()), key=lambda g: (-g.count, g.messages[0].text))


def export(group_: Group, path) -> int:
    """One example per line, the format `make intent` and `make examples` read."""
    texts = group_.texts()
    path.write_text("".join(f"{t}\n" for t in texts), encoding="utf-8")
    return len(texts)


def table(groups: List[Group], examples: int = 3) -> str:
    lines = []
    for number, g in enumerate(groups, 1):
        reasons = ", ".join(
            f"{r} {n}" for r, n in Counter(m.reason for m in g.messages).most_common()
        )
        lines.append(
            f"#{number}  {g.count}×  bot hádal: {intent_title(g.guess) if g.guess else '–'}  ({reasons})  "
            f"odpověď: {g.route or '–'}  "
            f"např. konverzace {g.example_conversation}"
        )
        lines.extend(f"      „{text}“" for text in g.texts()[:examples])
    return "\n".join(lines)


def chosen(groups: List[Group], number: Optional[int]) -> Optional[Group]:
    return groups[number - 1] if number and 0 < number <= len(groups) else None
