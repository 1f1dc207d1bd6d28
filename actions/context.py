"""One place where a message's Frame meets the conversation: what a fragment ("a bez SSL?"),
a correction ("spletl jsem se, mám POP3") or a new question means given what came before.

The conversation's memory is in slots (kept by the tracker store): the protocol and SSL choice
of the last answer, its topic, the open question and the walkthrough step.
"""

import re
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Set

from rasa_sdk import Tracker

from actions import devices, knowledge, lexicon, phrases
from actions.frame import Frame, language, read, sentences_of
from actions.pending import Pending
from actions.understanding import canonical_protocol
from czech_nlu.folding import fold

Events = List[Dict[str, Any]]  # what an answer returns: Rasa events (slots set, reverts)

# Intents that carry nothing but a protocol / SSL choice or a short fragment.
FRAGMENT_INTENTS = {"inform", "nlu_fallback", "deny", "affirm", "ask_port", None}


@dataclass
class Turn:
    frame: Frame
    protocol: Optional[str]  # imap / pop3 / smtp / incoming, the message's or inherited
    security: Optional[str]  # ssl / plain / both, the message's or inherited
    topic: Optional[str]  # what the last factual answer was about (port / server / settings)
    last_protocols: List[str]  # the protocols of the last port answer (maybe several)
    last_topics: List[str]  # every topic the last turn answered ("server", "port")
    follow_up: bool  # the message changes the last question instead of asking a new one
    pending: Optional[Pending]
    walkthrough_active: bool
    walkthrough_started: bool  # a walkthrough ran in this conversation (maybe finished)
    step: int  # the walkthrough's current step (1 when none)
    device: Optional[str]  # the phone or program (a guide's id), named now or before
    device_changed: bool  # this message names another device than the one known
    tracker: Tracker  # for what needs the whole conversation (the handoff record)

    def protocols_here(self) -> List[str]:
        """The message's protocols said of the device being set up, not of another one ("…v
        počítači to mám v Outlooku přes POP3"); none named, nothing read."""
        if not self.frame.protocols:
            return []
        here = devices.protocols_for(self.frame.folded, self.frame.device or self.device)
        return [p for p in self.frame.protocols if p in here]

    @property
    def intent(self) -> Optional[str]:
        return self.frame.intent

    @property
    def walkthrough_finished(self) -> bool:
        """The walkthrough reached its last step and closed ("je to všechno?" after it: yes)."""
        return (
            self.walkthrough_started
            and not self.walkthrough_active
            and self.step == len(knowledge.steps(self.device))
        )


# "a je nutné?", "a musí to být?" after a term: whether the thing explained is required
REQUIRED_ALONE = re.compile(
    r"^\W*(a\s+)?(je\s+(to\s+|ho\s+)?(nutn\w*|povinn\w*|treba|potreba|potreb\w*)|musi\s+(to\s+)?byt"
    r"|musim\s+(to\s+|ho\s+)?(mit|pouzit|zapnout)|is it (required|necessary|mandatory))\W*$"
)
# A sentence that is nothing but another direction or protocol: "a pro odesílání?", "a SMTP?"
PROTOCOL_FRAGMENT = re.compile(
    r"^\W*(a|and|a co)?\s*(pro|u|na|k|ke|for|the)?\s*"
    r"(odesil\w*|odchoz\w*|prichoz\w*|prijem|smtp|imap\w*|pop3?\w*|outgoing|incoming)\W*$"
)


def is_follow_up(frame: Frame) -> bool:
    """Names a protocol or SSL choice but asks nothing of its own: "a pro odchozí?",
    "vlastně POP3", "to bylo špatně, chci s SSL"."""
    return (
        (bool(frame.text) or frame.intent == "inform")  # a button carries its own intent
        and frame.names_something
        and not frame.asks
        and not frame.ports
        and not frame.symptom
        and not frame.open_smtp
        # ("ne, všechno funguje, i odesílání.": a success told, nothing asked)
        and not (lexicon.says("glad_it_works", frame.folded) and "?" not in frame.text)
        # ("…i u odchozí. pak nabídlo Mail a Poznámky, dala jsem uložit. je to všechno?")
        and not lexicon.says("asks_if_all_done", frame.folded)
        and (
            frame.intent in FRAGMENT_INTENTS
            or len(frame.text.split()) <= 8
            or lexicon.says("correction_start", frame.folded)  # "vlastně ne, chci IMAP, aby…"
        )
    )


def _wrote_english_before(tracker: Tracker) -> bool:
    """The customer's message before this one was in English."""
    return language(fold(previous_text(tracker))) == "en"


def resolve(tracker: Tracker) -> Turn:
    device = tracker.get_slot("device")
    frame = read(tracker.latest_message, device, bool(tracker.get_slot("walkthrough_active")))
    if frame.device and devices.program_on_computer(
        frame.device, frame.folded, customer_texts(tracker)
    ):
        # "poštu mám v počítači v Outlooku… a kde v Outlooku najdu…?": the computer's program,
        # not its phone app on the iPad talked of
        frame.device = devices.computer_edition(frame.device)
    if (
        frame.language == "cs"
        and frame.text
        and not phrases.CZECH_WORDS.search(frame.folded)
        and _wrote_english_before(tracker)
    ):  # "ok", "1" after English: still an English customer (the labels explained)
        frame.language = "en"
    before = fold(previous_text(tracker))
    if not frame.security and SSL_BEFORE.search(before):
        _ssl_by_pronoun(frame)
    # (the password told in this message's other sentences: "heslo tam nevidím. dá se jen změnit?")
    told = frame.folded.replace(frame.asked, " ") if frame.asked else ""
    if (
        not frame.asks
        and (PASSWORD_BEFORE.search(before) or PASSWORD_BEFORE.search(told))
        and PASSWORD_PRONOUN.search(frame.folded)
    ):
        frame.asks = ["password"]  # "…heslo…" – "a kde ho případně změním?"
    last_topic = tracker.get_slot("last_topic")
    if (
        last_topic in ("username", "password")
        and frame.asks == ["server"]
        and frame.protocols == ["smtp"]
        and ALSO.search(frame.folded)
        and len(frame.folded.split()) <= 8
    ):  # "a u odchozího serveru taky?" after the user name: the same question there
        frame.asks = []
    if (
        frame.asks
        and last_topic in ("port", "server")
        and last_topic not in frame.asks
        and any(PROTOCOL_FRAGMENT.match(part) for part in sentences_of(frame.folded))
    ):  # "a pro odesílání? a jaké jméno tam dám" after IMAP's port: that port, and the name
        frame.asks = [last_topic, *frame.asks]
    if (
        last_topic == "term"
        and not frame.asks
        and REQUIRED_ALONE.match(frame.folded)
        and re.search(r"\b(ssl|tls|sifr\w*|zabezp\w*)", before)
    ):  # "co je to SSL?" – "a je nutné?": whether it is required
        frame.asks = ["ssl_required"]
    known_protocol = tracker.get_slot("protocol")
    known_security = tracker.get_slot("security")
    follow_up = is_follow_up(frame)
    protocol = frame.protocol or known_protocol
    # "a příchozí?" after IMAP stays with IMAP; so after "chci IMAP" for the walkthrough's form
    chosen = known_protocol or tracker.get_slot("form_protocol")
    if frame.protocol == "incoming" and chosen in knowledge.incoming_protocols():
        protocol = chosen
    if protocol is None and "port" in frame.asks:
        # "nastavuju IMAP v mobilu" … "jaký port?": that account type's
        named_before = set(re.findall(r"\b(imap|pop3?)\b", fold(previous_text(tracker))))
        protocol = canonical_protocol(named_before.pop()) if len(named_before) == 1 else None
    # A new question about a protocol starts afresh; a fragment keeps what it does not change.
    keep_security = follow_up or not frame.protocol
    security = frame.security or (known_security if keep_security else None)
    step = tracker.get_slot("walkthrough_step")
    return Turn(
        frame=frame,
        protocol=protocol,
        security=security,
        topic=tracker.get_slot("last_topic"),
        last_protocols=list(tracker.get_slot("asked_protocols") or []),
        last_topics=list(tracker.get_slot("last_topics") or []),
        follow_up=follow_up,
        pending=Pending.of(tracker.get_slot("pending_question")),
        walkthrough_active=bool(tracker.get_slot("walkthrough_active")),
        walkthrough_started=step is not None,
        step=min(max(int(step or 1), 1), len(knowledge.steps(frame.device or device))),
        device=frame.device or device,
        device_changed=bool(frame.device and frame.device != device),
        tracker=tracker,
    )


# SSL talked about in the message before: "ho" / "to" in this one may be SSL
SSL_BEFORE = re.compile(r"\b(ssl|tls|sifrov\w*|zabezpec\w*)")
SSL_OFF = re.compile(
    r"\b(ho|to|ji)\b( \w+)?( \w+)? (nezapn\w*|vypn\w*|nezaskrt\w*|nepouzi\w*|nechci|nebudu mit)\b"
    r"|^\W*(a |a co |a kdyz )?bez (nej|neho|toho|nich)\W*$"  # "a bez něj?" right after SSL
    r"|\b(ssl|tls|sifrovani)\w* (ne)?(nedam|nezapnu|nezaskrtnu|nepouziju|nebudu mit)\b"
    r"|\b(nezapn\w*|vypn\w*|nezaskrt\w*|nepouzi\w*)\w*( si)? (ho|to|ji)\b"
)
SSL_ON_ASKED = re.compile(
    r"\b(mam|mel\w*|musim|musi|je lepsi|doporuc\w*|vyplati se|stoji za to)\b( \w+)?( (ho|to|ji))"
    r"( \w+)? (zapn\w*|zaskrt\w*|pouzi\w*|pouzivat|mit|nechat|byt)\b"
)


# The password talked about before ("heslo", or one the guard took out): "ho" may be it
PASSWORD_BEFORE = re.compile(r"\bhesl\w*|\bpassword\b")
PASSWORD_PRONOUN = re.compile(
    r"\b(kde|jak|kam|odkud)\b[^.?!]{0,20}\b(ho|ji)\b[^.?!]{0,15}\b(zmen\w*|zmenit|zjist\w*|najd\w*"
    r"|najit|vezm\w*|vzit|nastav\w*|obnov\w*)|\b(ho|ji)\b( \w+)? (zmenim|zjistim|najdu|vezmu|nastavim)\b"
    # "dá se (ho) jen změnit?": only a new one can be set
    r"|\b(da se|lze|jde|muzu|mohu)( ho| ji| to)?( jen| jenom| pouze| akorat)?"
    r" (zmenit|obnovit|resetovat|nastavit nov\w*)\b"
)
ALSO = re.compile(r"\b(taky|take|tez|to same|stejne|rovnez)\b")
OTHER_ONE = re.compile(
    r"\b(i|taky) (u ni|u nej|u nich|tam)\b|\b(kolegyn|koleg|manzel)\w*"
    r"|\bdruh\w* (notebook|pocitac|telefon|mobil|zarizeni)"
)


def _ssl_by_pronoun(frame: Frame) -> None:
    """ "a když ho nezapnu, jaké porty?", "a mám ho zapnout?" right after SSL: "ho" is SSL."""
    if SSL_OFF.search(frame.folded):
        frame.security = "plain"
    elif (
        SSL_ON_ASKED.search(frame.folded)
        and not frame.asks
        # ("…ten druhý notebook kolegyně, musí se to zaškrtnout i u ní?": the fix on another)
        and not OTHER_ONE.search(frame.folded)
    ):
        # "a musím ho mít zapnutý?": whether it is required (no, recommended)
        required = re.search(r"\b(musim|musi|je nutn\w*|je povinn\w*|je treba)\b", frame.folded)
        frame.asks = ["ssl_required" if required else "ssl_advice"]


def _bot_turns(tracker: Tracker) -> List[List[Dict[str, Any]]]:
    """The bot's events turn by turn (a turn: what it said between two customer messages)."""
    turns: List[List[Dict[str, Any]]] = [[]]
    for event in tracker.events:
        if event.get("event") == "user":
            turns.append([])
        elif event.get("event") == "bot":
            turns[-1].append(event)
    return turns


def _last_bot_events(tracker: Tracker) -> List[Dict[str, Any]]:
    """The bot's events of its last turn (the one before this message)."""
    turns = _bot_turns(tracker)
    return turns[-2] if len(turns) >= 3 else []


def last_responses(tracker: Tracker) -> List[str]:
    """The responses of the bot's last turn (the one before this message)."""
    return [
        name
        for event in _last_bot_events(tracker)
        if (name := (event.get("metadata") or {}).get("utter_action"))
    ]


def last_route(tracker: Tracker) -> Optional[str]:
    """The route that answered the bot's last turn (kept with each message's metadata)."""
    routes = [(event.get("metadata") or {}).get("route") for event in _last_bot_events(tracker)]
    return next((route for route in reversed(routes) if route), None)


def previous_text(tracker: Tracker) -> str:
    """The customer's message before this one."""
    texts = customer_texts(tracker)
    return texts[-2] if len(texts) >= 2 else ""


def customer_texts(tracker: Tracker) -> List[str]:
    """Every message the customer wrote in this conversation, this one last."""
    return [e.get("text") or "" for e in tracker.events if e.get("event") == "user"]


def adding_account(turn: Turn) -> bool:
    """The account is being added, not fixed: said now ("účet tam ještě není, teprve ho
    zakládám"), or the setup was asked for earlier ("chci si do Samsungu přidat schránku") and
    no account or success was reported since."""
    frame = turn.frame
    if lexicon.says("forwarding", frame.folded):
        return False  # "ať se maily přeposílají na Gmail": the customer area's, no account added
    if lexicon.says("account_not_added", frame.folded):
        return True
    if lexicon.says("account_added", frame.folded) or frame.works or turn.walkthrough_finished:
        return False
    texts = [fold(text) for text in customer_texts(turn.tracker)]
    latest = max(
        (i for i, text in enumerate(texts) if lexicon.says("start_setup", text)), default=None
    )
    return latest is not None and not any(
        lexicon.says("account_added", text) or lexicon.says("glad_it_works", text)
        for text in texts[latest + 1 :]
    )


def _steps_in(events: List[Dict[str, Any]]) -> Set[int]:
    """The walkthrough steps a turn showed ("**Krok 2 z 5: …**", or "2. **…**" in the whole
    guide at once)."""
    steps = set()
    for event in events:
        text = event.get("text") or ""
        steps |= {int(n) for n in re.findall(r"\*\*(?:Krok|Step) (\d+) (?:z|of) \d+", text)}
        if str((event.get("metadata") or {}).get("utter_action")).startswith("utter_all_steps"):
            steps |= {int(n) for n in re.findall(r"(?m)^(\d+)\. \*\*", text)}
    return steps


def last_steps_shown(tracker: Tracker) -> Set[int]:
    """The walkthrough steps the bot's last turn showed."""
    return _steps_in(_last_bot_events(tracker))


def shown_with(tracker: Tracker, step: int) -> Set[int]:
    """The steps shown in the last turn that showed `step` (empty: never shown)."""
    for events in reversed(_bot_turns(tracker)):
        if step in (steps := _steps_in(events)):
            return steps
    return set()


def step_reached(tracker: Tracker, device: str) -> Optional[int]:
    """The walkthrough step the customer stood at when they last left this device's guide for
    another one (None: its guide never ran)."""
    current, reached = None, None
    step = before_turn = None  # (a turn that switches may set the new guide's step first)
    for event in tracker.events:
        if event.get("event") == "user":
            before_turn = step
            continue
        if event.get("event") != "slot":
            continue
        name, value = event.get("name"), event.get("value")
        if name == "device" and value != current:
            if current == device and before_turn:
                reached = before_turn
            current, step = value, None
        elif name == "walkthrough_step" and value:
            step = int(value)
    return reached


def whole_guide_shown_last(tracker: Tracker) -> bool:
    """The walkthrough's last display was the whole guide at once, no single step since."""
    for events in reversed(_bot_turns(tracker)):
        responses = {(event.get("metadata") or {}).get("utter_action") for event in events}
        if "utter_all_steps" in responses:
            return True
        if "utter_step" in responses:
            return False
    return False


def said_before(tracker: Tracker) -> Set[str]:
    """Every response the bot has given in this conversation."""
    return {
        name
        for event in tracker.events
        if event.get("event") == "bot"
        and (name := (event.get("metadata") or {}).get("utter_action"))
    }


def password_typed_here(tracker: Tracker) -> bool:
    """A password was typed in this conversation: the bot warned about it."""
    return "utter_password_warning" in said_before(tracker)
