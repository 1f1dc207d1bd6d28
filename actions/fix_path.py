"""Where the customer is on the way to the outgoing server's authentication, in their words.

The SMTP fix names a path in the device (knowledge.yml: `open_account`, then `smtp_auth`). A
report of progress on it ("otevřel jsem nastavení", "vidím účet, klikl jsem na něj", "mám to
otevřené, co teď?") is no answer to "Pomohlo to?": it gets the rest of the way from the place
named, matched against the path's parts like a walkthrough position (actions/screens.py).
"""

import re
from collections import Counter
from functools import cache
from typing import Optional, Tuple

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge, lexicon, replies, symptoms
from actions.context import Events, Turn, last_responses
from actions.pending import Pending
from actions.screens import stems

# The places of a path: "A → B", "A, pak B", "A a klepněte na B" (never inside parentheses).
PLACE_BREAK = re.compile(
    r"\s*→\s*|,\s*(?:pak\s+|potom\s+)?|\s+a\s+(?=(?:na|klepn|klikn|otevř|vyber|zvol)\w*\b)"
)
ASIDE = re.compile(r"\([^)]*\)")
# The verbs of the way ("otevřete", "klepněte", "vyberte") name no place: "mám otevřené
# nastavení" is at „Nastavení“, not at "otevřete „Nastavení serveru“".
DOING = re.compile(r"(otevr|klepn|klikn|klikl|vyber|vybr|zvol|sjed|potvr|zaskr|vypln|tukn)")
# A question of its own ("a kde to zaškrtnu?"); "co teď?" asks only for the way on.
QUESTION = re.compile(
    # ("nastaveno stejně jako příchozí": "jako" compares, asks nothing)
    r"\b(jak(?!o\b)\w*|kde|kter\w*|proc|musim|mam (dat|zadat|napsat)|co (tam |tu )?(vypln|zad|napis|dam)\w*)\b"
)
# "jo, našel jsem SMTP, co tam?": what to fill in at the outgoing server (its values)
FILL_ASKED = re.compile(
    r"\bco (tam|tu|do toho|do nej)\W*$|\bco (tam |tu )?(dat|dam|vyplnit|vyplnim|zadat|zadam|napsat|napisu)\b"
)
TOPIC = "smtp_fix_path"  # last_topic while the customer walks the path
# The setting found already on ("to mám zaškrtnutý", "už tam bylo zapnuté"), not done now
ALREADY_ON = re.compile(
    r"\b(mam|mame|je|jsou|bylo|byl|byla|byly)\b( to| ho| je| uz| tam| porad)* "
    r"(zaskrtnut\w*|zapnut\w*|zafajfkovan\w*|aktivn\w*)\b"
    r"|\buz (tam )?(bylo|byl|byla|je|jsou|to bylo) (zaskrtnut|zapnut)\w*"
)


@cache  # one per device: the guides do not change while the server runs
def places_on_the_way(device: Optional[str]) -> Tuple[str, ...]:
    """The path to the account's settings, place by place, then the authentication setting."""
    spec = knowledge.places(device)
    opening = spec["open_account"].rstrip(".")
    parts = []
    depth, start = 0, 0
    for match in re.finditer(r"[()]|" + PLACE_BREAK.pattern, opening):
        token = match.group(0)
        if token in ("(", ")"):
            depth += 1 if token == "(" else -1
        elif depth == 0:
            parts.append(opening[start : match.start()])
            start = match.end()
    parts.append(opening[start:])
    return tuple(p.strip() for p in parts if p.strip()) + (spec["smtp_auth"],)


def reached(folded: str, device: Optional[str]) -> Optional[int]:
    """The place on the way to the account the message names best (None: none). A word that
    several places share counts less; of equals, the place named last in the message wins
    ("mám otevřené nastavení a účty": at „Účty“), and of those the earlier on the way. The
    setting itself is said done in words of doing it (the `setting_done` lexicon entry)."""
    said = [word for word in stems(folded) if not DOING.match(word)]
    places = [set(stems(ASIDE.sub(" ", place))) for place in places_on_the_way(device)[:-1]]
    shared = Counter(word for place in places for word in place)

    def rank(index: int) -> Tuple[float, int, int]:
        found = [n for n, word in enumerate(said) if word in places[index]]
        score = sum(1.0 / shared[said[n]] for n in set(found))
        return score, max(found, default=-1), -index

    best = max(range(len(places)), key=rank, default=None)
    return best if best is not None and rank(best)[0] > 0 else None


RESUME_OFFERS = {"utter_offer_resume", "utter_offer_resume_here"}


def following_fix(turn: Turn) -> bool:
    """The SMTP fix (or where its setting is) was the last answer: the customer is on its way
    (not when it answered a question at the walkthrough's form, which goes on: "a ty dvě
    zaškrtávátka dole?" – "vyplněno, co teď zmáčknout?")."""
    at_form = turn.walkthrough_started and turn.step == knowledge.form_step(turn.device)
    if at_form and RESUME_OFFERS & set(last_responses(turn.tracker)):
        return False
    return (
        turn.pending == Pending.SMTP_FIX
        or turn.topic in ("smtp_auth", TOPIC)
        # a symptom's diagnosis whose fix was this one ("550 relay denied" → the log-in)
        or "utter_smtp_fix" in last_responses(turn.tracker)
    )


def on_the_way(turn: Turn) -> bool:
    """A report of progress, or of the setting done, while the SMTP fix is being followed."""
    folded = turn.frame.folded
    # "otevřel jsem nastavení serveru" names a place, it asks for no server
    if QUESTION.search(folded):
        return False
    asks = set(turn.frame.asks) - {"server", "settings"}
    return (
        following_fix(turn)
        and bool(turn.frame.text)
        and not asks
        and not turn.frame.symptom
        and not turn.frame.needs_help
        and turn.frame.works is not False
        and not lexicon.says("fix_worked", folded)
        and not lexicon.says("glad_it_works", folded)  # "hotovo, maily nabíhají, díky"
        and not lexicon.says("still_fails", folded)  # "zaškrtnuto, ale hlásí to pořád"
        and not lexicon.says("account_not_added", folded)  # a setup: "účet ještě nemám přidaný"
        # ("v mobilu jsem to zapnul, ale máme ještě skener": the other sender is the question)
        and not lexicon.says("sending_device", folded)
        and any(lexicon.says(entry, folded) for entry in ("confirm", "at_place", "setting_done"))
        and not lexicon.says("bare_yes", folded)
        # a second fault beside it ("…, uživatel je jen jméno bez zavináče"): that is answered
        and not turn.frame.ports
        and not any(lexicon.says(e, folded) for e in ("username_short", "outgoing_login_empty"))
        # ("…je zvolené přihlásit se k serveru příchozí pošty před odesláním. bude to tím?")
        and not any(lexicon.says(e, folded) for e in ("pop_before_smtp", "pop_before_smtp_option"))
    )


def lost_on_the_way(turn: Turn) -> bool:
    """ "Nevidím to tam" while the SMTP fix is being followed: the way again, place by place."""
    return (
        following_fix(turn)
        and turn.frame.needs_help
        and not turn.frame.asks
        and not turn.frame.symptom
    )


def values_asked(turn: Turn) -> bool:
    """ "Našel jsem SMTP, co tam?" while the SMTP fix is being followed: the outgoing values."""
    return following_fix(turn) and bool(FILL_ASKED.search(turn.frame.folded.strip(" ?!.")))


def answer_values(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The outgoing server's values where the customer stands, then the test."""
    dispatcher.utter_message(
        response="utter_form_outgoing_values",
        **replies.chosen_values(knowledge.recommended_protocol(), "ssl"),
    )
    dispatcher.utter_message(response="utter_ask_fix_helped")
    return [SlotSet("last_topic", TOPIC), SlotSet("pending_question", Pending.SMTP_FIX.value)]


def answer_lost(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    places = places_on_the_way(turn.device)
    way = "\n".join(f"{n}. {place[:1].upper()}{place[1:]}" for n, place in enumerate(places, 1))
    dispatcher.utter_message(response="utter_fix_path_lost", way=way)
    return [SlotSet("last_topic", TOPIC), SlotSet("pending_question", Pending.SMTP_FIX.value)]


def asks_if_this(turn: Turn) -> bool:
    """ "Vidím odkaz ‚upřesnit nastavení' – to je ono?" while the SMTP fix is being followed: a
    place on its way named and asked about."""
    folded = turn.frame.folded
    return (
        following_fix(turn)
        and lexicon.says("is_it_this", folded)
        and reached(folded, turn.device) is not None
        and not (turn.frame.symptom or turn.frame.ports or turn.frame.hosts)
    )


def answer_is_this(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """Yes, and the rest of the way from there."""
    dispatcher.utter_message(response="utter_fix_path_yes")
    return answer_progress(dispatcher, turn)


def answer_progress(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The rest of the way from the place named; once the setting is done, save and test."""
    places = places_on_the_way(turn.device)
    folded = turn.frame.folded
    index = reached(folded, turn.device)
    if ALREADY_ON.search(folded):  # "to mám zaškrtnutý": it was on – the next suspects
        dispatcher.utter_message(response="utter_auth_ok", **symptoms.fix_values())
        return [SlotSet("last_topic", "port"), SlotSet("protocol", "smtp")]
    if lexicon.says("setting_done", folded) or (index is None and turn.topic == TOPIC):
        dispatcher.utter_message(response="utter_fix_path_done")
    elif index is not None and index < len(places) - 2:
        dispatcher.utter_message(
            response="utter_fix_path_next",
            way=" → ".join(places[index + 1 : -1]),
            smtp_auth_how=places[-1],
        )
    else:  # at the account (or not said where): the setting itself
        dispatcher.utter_message(response="utter_fix_path_setting", smtp_auth_how=places[-1])
    dispatcher.utter_message(response="utter_ask_fix_helped")
    return [SlotSet("last_topic", TOPIC), SlotSet("pending_question", Pending.SMTP_FIX.value)]
