"""The routes of a turn: an ordered table, read top to bottom, of what a message can be and who
answers it. The first route that applies and answers wins; a route marked `more` says its part
and lets the next ones answer the rest of the message (a typed password and a problem).

A route is `applies(turn)` plus `answer(dispatcher, turn) -> events or None` (None: it declines
after a closer look, the next route is tried). Answer modules keep the wording; routes only
choose. A new kind of message is a lexicon entry (actions/lexicon.yml) and a route here.
"""

import re
from dataclasses import dataclass, replace
from typing import Callable, Dict, List, Optional, Set, Tuple, Union

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import (
    after_handoff,
    answers,
    devices,
    knowledge,
    lexicon,
    phrases,
    ports,
    reasons,
    replies,
    screens,
    symptoms,
)
from actions.address import EMAIL
from actions.after_handoff import handed_off
from actions.callback import answer_callback
from actions.context import (
    ALSO,
    Events,
    Turn,
    adding_account,
    customer_texts,
    last_responses,
    last_route,
    last_steps_shown,
    password_typed_here,
    previous_text,
    said_before,
    step_reached,
    whole_guide_shown_last,
)
from actions.english import answer_english, handoff_in_english, step_labels, walkthrough_intro
from actions.fallback import fall_back
from actions.feedback import answer_comment, answer_rating
from actions.fix_path import (
    answer_is_this,
    answer_lost,
    answer_progress,
    asks_if_this,
    following_fix,
    lost_on_the_way,
    on_the_way,
    values_asked,
)
from actions.fix_path import (
    answer_values as answer_fix_values,
)
from actions.frame import (
    NO_GUIDE,
    WHERE_TO_CHOOSE,
    Frame,
    clauses,
    one_protocols_pairings,
    read,
    sentences_of,
    told_finished,
)
from actions.handoff import hand_off
from actions.outcome import UNSET, Outcome, merged
from actions.pending import Pending
from actions.screens import Position
from actions.setup_files import (
    ADDRESS_LIKE,
    DOMAIN_LIKE,
    answer_autoconfig,
    answer_profile,
    answer_profile_address,
    answer_profile_delivery,
    autoconfig_hosting,
    autoconfig_reader,
    profile_response,
)
from actions.symptoms import answer_symptom, ask_if_it_helped, last_symptom, smtp_error
from actions.topics import INTENT_TOPICS
from actions.troubleshooting import (
    ANSWERS,
    ENTRIES,
    answers_pending,
    response_values,
    troubleshoot,
    utter_other_devices,
    utter_without_auth,
)
from actions.understanding import protocols_in_text
from actions.walkthrough import (
    ACCOUNT_TYPE_STEP_ID,
    NAVIGATION,
    Walkthrough,
    after_filling,
    answer_form_choice,
    ask_device,
    device_button,
    device_buttons,
    enter_at,
    reports_filled,
    start,
    utter_after_filling,
    utter_intro,
    walkthrough_turn,
)
from czech_nlu.folding import fold
from czech_nlu.password import REDACTED

Answer = Callable[[CollectingDispatcher, Turn], Optional[Events]]
PROFILE_WORD = re.compile(
    r"\bprofil(?!ov)\w*"
)  # the configuration profile ("profilový obrázek" is none)
FILE_HOLDS = re.compile(r"\b(v nem|v tom|v profilu|v souboru|uvnitr|obsahuj\w*|ulozen\w*|bude v)\b")
AUTOCONFIG_HOSTING = re.compile(r"\bsoubor\w*|\bnahr\w*|\bftp\b|\bhttps?\b|\bweb\w*")
DIRECTION_CHOICE = re.compile(
    r"\b(prichoz|odchoz)\w*,? (serveru? )?(nebo|ci) (u )?(odchoz|prichoz)\w*"
)
DEVICE_KIND = re.compile(
    r"\b(telefon\w*|mobil\w*|smartphon\w*|pocitac\w*|notebook\w*|pc|tablet\w*)\b"
)
PORTS_PLURAL = re.compile(r"\b(porty|portu|ports)\b")  # ("portů" folds to "portu" too)
# The log-in named in a fragment ("a u odchozího taky celou adresu?"): the user name.
LOGIN_WORDS = re.compile(r"\b(adres\w*|jmen\w*|uzivatel\w*|login\w*|hesl\w*)\b")

# Questions a symptom's fix does not answer: asked beside a symptom, they come first.
FACT_QUESTIONS = {"port", "settings", "pop_vs_imap", "port_table"}
STATIC_RESPONSES = {
    "greet": "utter_greet",
    "thanks": "utter_thanks",
    "capabilities": "utter_capabilities",
    "out_of_scope": "utter_out_of_scope",
}


# A sentence that leaves a contact: an e-mail address or a phone number
CONTACT = re.compile(rf"{EMAIL.pattern}|\+?\d[\d ]{{7,}}\d", re.I)

# A check of the customer's values that found them right, or one of them wrong
CHECKED_RIGHT = {"utter_port_check_ok", "utter_server_check_ok", "utter_port_check_ok_part"}
CHECKED_WRONG = {
    "utter_port_check_wrong",
    "utter_port_check_wrong_no",
    "utter_port_check_unknown",
    "utter_port_check_unknown_no",
    "utter_server_check_wrong",
    "utter_port_check_plain",
}

# The clause a typed (redacted) password is in, up to the next comma or sentence end
PASSWORD_CLAUSE = re.compile(rf"[^.?!,;]*{re.escape(REDACTED)}[^.?!,;]*[.?!,;]?")


@dataclass(frozen=True)
class Route:
    name: str
    applies: Callable[[Turn], bool]
    answer: Answer
    more: bool = False  # said its part; the next routes answer the rest of the message
    last_resort: bool = False  # only when no route has answered yet
    # The lexicon entry of the one sentence this route answers: the message's other sentences
    # are a message of their own ("…zaškrtnuté ‚Automaticky spravovat…' – nechat? A heslo si
    # nepamatuju, kde ho změním?": the box, then the password)
    sentence: Optional[Union[str, "re.Pattern[str]"]] = None
    # The clause this route answers, when no other route understood the message: the rest is a
    # message of its own ("heslo jsem nastavil na X, jak teď nastavím telefon?": the warning,
    # then the setup)
    clause: Optional["re.Pattern[str]"] = None

    def run(self, turn: Turn) -> Optional[Outcome]:
        if not self.applies(turn):
            return None
        dispatcher = CollectingDispatcher()
        events = self.answer(dispatcher, turn)
        if events is None:
            return None
        outcome = Outcome(route=self.name, messages=dispatcher.messages, more=self.more)
        outcome.state.absorb(events)
        return outcome


def said(response: str, **values) -> Answer:
    """An answer that is one domain response."""

    def answer(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
        dispatcher.utter_message(response=response, **values)
        return []

    return answer


def said_in_language(czech: str, english: str) -> Answer:
    """One domain response, in English to a customer who writes English."""

    def answer(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
        english_asked = turn.frame.language == "en"
        dispatcher.utter_message(response=english if english_asked else czech)
        return []

    return answer


# --- the answers routes give (beyond the answer modules) ---------------------------------


def yes_to_tap(answer: Answer) -> Answer:
    """ "Mám dát Jiné?" answered by the step it leads to: "Ano." first when that step's
    instruction names what the customer would tap (a yes/no question gets its yes)."""

    def wrapped(dispatcher: CollectingDispatcher, turn: Turn) -> Optional[Events]:
        events = answer(dispatcher, turn)
        asked = screens.tap_target(turn.frame.folded)
        # ("další volby, nebo zkusit znovu?" is no yes/no question: the step names its choice)
        if events is None or not asked or screens.ALTERNATIVES.search(asked):
            return events
        target = set(screens.stems(asked))
        said = " ".join(
            str(value)
            for message in dispatcher.messages
            for key, value in message.items()
            if key in ("instruction", "then", "after_filling")
        )
        if target and target <= set(screens.stems(said)):
            yes = CollectingDispatcher()
            yes.utter_message(response="utter_yes_tap")
            dispatcher.messages[:0] = yes.messages
        return events

    return wrapped


# "účet jsem odebrala", "už je smazanej": the account removed already, told
REMOVED_TOLD = re.compile(
    r"\b(jsem|sem|uz)\b[^.?!]{0,20}\b(odebral\w*|smazal\w*|odstranil\w*|vymazal\w*|odebran\w*|smazan\w*)"
    r"|\b(odebral\w*|smazal\w*|odstranil\w*|vymazal\w*) (jsem|sem)\b"
)
# "kde to v telefonu najdu?", "kde to zapnu": where a setting is, asked
PLACE_ASKED = re.compile(
    r"\bkde\b[^.?!]{0,30}\b(najdu|najit|najde\w*|zapnu|zapnout|zaskrtnu|zaskrtnout|nastavim|prepnu)\b"
)


# "nikomu v kanceláři nechodí pošta", "nejde to všem": the whole office, not one device
EVERYONE = re.compile(
    r"\b(nikomu|nikdo|vsem|vsichni|cel[aey] (kancelar|firm|firma|kancelari)\w*)\b"
)


def outage(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """Where the provider tells of an outage (the rest of the message answered after it)."""
    dispatcher.utter_message(response="utter_outage_unknown", status_page=knowledge.status_page())
    return []


def outage_everyone(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The whole office without mail: where outages are told, and colleagues offered."""
    outage(dispatcher, turn)
    dispatcher.utter_message(response="utter_outage_everyone")
    return [SlotSet("pending_question", Pending.HANDOFF_OFFER.value)]


# "vidím tabulku s adresami": the customer area's list of the domain's addresses
ADDRESS_TABLE = re.compile(r"\b(tabulk\w*|seznam\w* adres\w*|adresy domeny)\b")


# Questions at the account form that have their own answer, wherever the customer is
ANSWERED_AT_FORM = {
    "outgoing_login",
    "port_not_entered",
    "both_boxes",
    "spa",
    "remember_password",
    "verify_certificate",
    "keep_on_server",
    "path_prefix",
}
# "který mám použít?", "co je lepší?": a choice between the protocols just explained
WHICH_TO_USE = re.compile(
    r"\b(kter\w*|co)\b[^.?!]{0,20}\b(pouzit|pouzivat|vybrat|zvolit|dat|nastavit|lepsi|doporuc\w*)\b"
)
# "mění se?", "zůstává, jak byl?", "je jiný?": whether the port changes with the account type
SWITCH_PORT_ASKED = re.compile(
    r"\b(men\w*|zmen\w*|zustav\w*|zustan\w*|stejn\w*|jin[aeyý]\w*|jak byl\w*|predel\w*)\b"
)


def password_where_again(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    if ADDRESS_TABLE.search(turn.frame.folded):
        dispatcher.utter_message(response="utter_password_change_in_table")
        return []
    answers.utter_password_change(dispatcher, "utter_change_password")
    return []


FORM_NAMED = re.compile(r"\b(formular\w*|vyplnen\w*|vyplnuj\w*|polick\w*|kolonk\w*)\b")


def _boxes_explained_at_form(turn: Turn) -> bool:
    """The log-in boxes were just explained to a customer at the account form ("formulář mám
    skoro hotový, co se zaškrtávátky?")."""
    if last_route(turn.tracker) == "checkboxes_question":
        return True
    earlier = customer_texts(turn.tracker)[-2:-1]
    return "utter_smtp_auth_required" in last_responses(turn.tracker) and any(
        FORM_NAMED.search(fold(text)) for text in earlier
    )


def password_by_mistake(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    answers.utter_password_change(dispatcher, "utter_password_by_mistake")
    return []


def frustration(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """Understanding first, and colleagues offered: "ano, chci" then hands over."""
    dispatcher.utter_message(response="utter_frustration")
    return [SlotSet("pending_question", Pending.HANDOFF_OFFER.value)]


def _typed_password(turn: Turn) -> bool:
    """A password the channel (or the pipeline's guard) redacted in this message (the raw
    text: "/heslo je X" is no button, and the guard redacted X in it)."""
    return REDACTED in (turn.tracker.latest_message.get("text") or "")


def password_warning(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    english = turn.frame.language == "en"
    dispatcher.utter_message(
        response="utter_en_password_warning" if english else "utter_password_warning"
    )
    address = EMAIL.search(turn.frame.text)
    if address and not english and not (turn.frame.asks or turn.frame.symptom):
        # "novak@firma.cz / X, takhle to mám vyplněné": the user name told is right
        dispatcher.utter_message(response="utter_username_told_right", address=address.group(0))
    if lexicon.says("remote_setup", turn.frame.folded):
        # "adresa / heslo – nastavíte mi to v telefonu?": nobody here can; guided instead
        dispatcher.utter_message(response="utter_remote_setup")
    # ("… a do odchozího serveru taky?" next is about the password)
    return [SlotSet("last_topic", "password")]


def callback_or_comment(dispatcher: CollectingDispatcher, turn: Turn) -> Optional[Events]:
    answer = answer_callback if turn.pending == Pending.CALLBACK_EMAIL else answer_comment
    return answer(dispatcher, turn)


def other_language(dispatcher: CollectingDispatcher, turn: Optional[Turn] = None) -> Events:
    """Neither Czech, Slovak nor English: a note in Czech and English with the settings."""
    dispatcher.utter_message(
        response="utter_other_language",
        server=knowledge.server("incoming"),
        port_table=replies.port_table(),
    )
    return []


def identity(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    dispatcher.utter_message(
        response="utter_bot_identity", identity=knowledge.load()["assistant"]["identity"]
    )
    return answer_questions(dispatcher, turn) or []  # "jsi robot? a jaký je server?"


# "jakou metodu vybrat?", "který způsob ověření?": the log-in method asked
WHICH_METHOD = re.compile(
    r"\b(jak\w*|kter\w*|co)\b[^.?!]{0,15}\b(metod\w*|zpusob\w* (overeni|overovani|prihlas\w*)|overeni)\b"
)
# "zaškrtnul jsem i to druhé", "obě mám zaškrtnuté": the log-in boxes ticked
TICKED = re.compile(
    r"\b(zaskrt\w*|odskrt\w*|zapnul\w*|zapnut\w*|oznacil\w*|oznacen\w*|ticked|checked)\b"
)
AUTH_ANSWERS = {"utter_smtp_auth_required", "utter_auth_ok", "utter_auth_method"}
# the guide itself named ("ten postup mi nefunguje", "podle návodu to nejde")
GUIDE_NAMED = re.compile(r"\b(postup\w*|navod\w*|krok\w*|podle vas)\b")
# "změnil jsem ho", "změněno": the password just talked about, changed
CHANGED_IT = re.compile(r"\b(zmenil\w*|zmenen[oa]?|prenastavil\w*)( jsem| sem)?( ho| ji| to)?\b")
BLOCKED_ANSWERS = {"utter_mailbox_blocked", "utter_manager_locked", "utter_login_lockout"}
# the customer area itself locked ("nedostanu se do Manageru, je zablokovaný"), not a mailbox
# the Manager shows as blocked ("v Manageru je napsáno, že je schránka zablokovaná")
MANAGER_LOCKED = re.compile(
    r"^(?!.*\b(schrank\w*|adres\w*|e-?mail\w*|mail\w*|posta|postu)\b[^.?!]{0,25}\b(zablok|blok|pozastav)\w*)"
    r".*(\b(manager\w*|zakaznick\w*|pristup\w*)\b[^.?!]{0,25}\b(zablok|blok|zamc|uzamc|zamk|pozastav)\w*"
    r"|\b(zablok|zamk|uzamk|pozastav)\w*( mi| nam)? (manager|pristup|zakaznick)\w*)"
)
# "pořád to samé", "všude stejně": nothing changed
STILL_THE_SAME = re.compile(
    r"\b(to same|to samy|to stejne|vsude|porad|stale|furt|porad stejne|nic|nepomohl\w*)\b"
)
# "a můžete mi ji odblokovat vy?": the unblocking asked of us
UNBLOCK = re.compile(r"\b(odblok|odemk|odemyk|uvoln|odbloc|unblock|unlock)\w*")
# "změněno na …", "nové heslo mám …": a change of the password told
PASSWORD_CHANGE_TOLD = re.compile(
    r"\b(zmenen\w*|zmenil\w*|prepsal\w*|prepsan\w*|(pre)?nastavil\w*|(pre)?nastaven[oa]|nov\w* (heslo )?(je|mam))\b"
)
STARTTLS_NAMED = re.compile(r"\bstarttls\b")
HYPOTHETICAL = re.compile(r"\b(kdybych|kdyby|kdybychom|kdybysme|kdybyste|pokud bych|what if)\b")


# "jak?", "a jak to udělám?": how, alone
HOW_ALONE = re.compile(
    r"^\W*(a |no a |tak )?jak( to)?( (udelam|mam udelat|prepnu|zmenim|provedu))?\W*$"
)
# What a message asks that are values, not steps ("…všechno najednou" then wants these at once)
VALUES_ASKED = {"settings", "server", "port", "smtp_auth", "username", "password"}


def form_choice(dispatcher: CollectingDispatcher, turn: Turn) -> Optional[Events]:
    """The walkthrough asked IMAP or POP3 / SSL or not before the account form."""
    frame = turn.frame
    # ("nevím" alone is unsure of the choice, whatever the model reads in it)
    bare_unsure = frame.unsure and len(frame.text.split()) <= 2
    navigation = turn.intent in NAVIGATION - {"step_done", "step_skip", "step_repeat"}
    if (navigation and not bare_unsure) or frame.step_explicit:
        return None  # "zpět", "ukončit", "jdi na krok 2": navigation, below
    if (frame.asks and not frame.names_something) or frame.term:
        return None  # a question of its own ("co znamená to SSL?"): answered, then the offer
    if frame.symptom and not (frame.position and frame.position.at_notice):
        return None  # "dala jsem IMAP a píše to Nelze se připojit": the fault, not a choice
    if "?" in frame.text and HYPOTHETICAL.search(frame.folded):
        return None  # "a kdybych chtěl 587, dám STARTTLS?": asked, no choice made
    if lexicon.says("account_added", frame.folded):
        return None  # "dal jsem SSL/TLS… účet byl úspěšně přidán": past the form
    # ("…a na notebooku mám poštu přes POP3 v Outlooku": another device's type, no choice here)
    incoming = [p for p in turn.protocols_here() if p in knowledge.incoming_protocols()]
    if len(incoming) > 1 and (frame.asks or "?" in frame.text):
        return None  # "IMAP, nebo POP – co je lepší?": which one, not a choice made
    # (the values shown default to the recommended account type with SSL)
    shown_protocol = turn.tracker.get_slot("form_protocol") or knowledge.recommended_protocol()
    shown_security = turn.tracker.get_slot("form_security") or "ssl"
    # ("u příchozí nabízí SSL/TLS, STARTTLS a žádné": the program's list, a question without "?"
    # – no choice made, whatever security words it names)
    listed = lexicon.says("ssl_advice", frame.folded) or bool(STARTTLS_NAMED.search(frame.folded))
    unchanged = incoming in ([], [shown_protocol]) and (
        listed or frame.security in (None, shown_security)
    )
    if "port_not_entered" in frame.asks:
        return None  # "jsem v tom IMAP, ale nevidím, kam dát port": the missing field asked
    if unchanged and frame.asks and lexicon.says("device_asks", frame.folded):
        return None  # "dal jsem IMAP, chce to heslo": the choice as advised, what it asks now
    # The text decides ("ne, chci to se SSL"); a bare yes / no answers the SSL question.
    security = None
    if turn.pending == Pending.FORM_VALUES and frame.unsure and not frame.names_something:
        # "co to znamená?" at the values: what the account types and SSL are
        dispatcher.utter_message(response="utter_pop_vs_imap")
        return answers.answer_term(dispatcher, "ssl")
    if turn.pending == Pending.FORM_VALUES and not frame.names_something:
        return None  # the values are shown; "hotovo", "vyplněno" and questions go on below
    asked_choice = turn.pending in (Pending.WALKTHROUGH_PROTOCOL, Pending.WALKTHROUGH_SECURITY)
    if not asked_choice and unchanged and ("?" in frame.text or listed):
        # "u IMAPu port nikde, mám napsat …:993?", "u SMTP je ještě StartTLS, to nechci?": a
        # question at the values, whether understood or not – never the same step again
        return None
    if frame.asks and frame.protocols == ["smtp"]:
        return None  # "u odchozího SMTP je taky port": the outgoing server asked, no choice
    if (
        turn.pending == Pending.WALKTHROUGH_SECURITY
        and frame.security is None
        and turn.intent in ("affirm", "deny")
        and not frame.unsure
    ):
        security = "ssl" if turn.intent == "affirm" else "plain"
    return answer_form_choice(dispatcher, turn, security)


# "a i v tiskárně?", "a taky v počítači?": one more device, the same answer asked for
ALSO_THERE = re.compile(r"^\W*(a |a co )?(i|taky|take|tez|aj) (v|ve|na|do|u)\b")


def _told_screen(turn: Turn) -> Optional[Position]:
    """The screen the customer's previous message said they were at (None: none)."""
    position = screens.where(fold(previous_text(turn.tracker)), turn.device)
    if not position or position.at_notice:
        return None
    # ("jsem na dlouhé obrazovce s políčky" – "a u typu účtu co?" – "vyplněno": the screen told
    # first, not the one whose words a question about a field of it named)
    later = bool(turn.step) and position.step < turn.step <= knowledge.form_step(turn.device)
    return Position(int(turn.step)) if later else position


def _after_told_screen(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    position = _told_screen(turn)
    assert position is not None  # the route's condition
    if knowledge.steps(turn.device)[position.step - 1].after_filling:
        return utter_after_filling(dispatcher, position.step, turn.device)
    return enter_at(dispatcher, turn, Position(position.step + 1))


def _without_labels(folded: str, device: Optional[str], number: int) -> str:
    """`folded` without the words of step `number`'s labels ("přihlásit se" → "přihl…")."""
    for label in knowledge.steps(device)[number - 1].labels:
        stem = fold(label).lower().split()[0][:6]
        folded = re.sub(rf"\b{re.escape(stem)}\w*", " ", folded)
    return folded


def navigate(dispatcher: CollectingDispatcher, turn: Turn) -> Optional[Events]:
    """Free-text navigation of a running walkthrough; None when the message is no navigation."""
    frame = turn.frame
    intent = turn.intent
    asks_something = bool(frame.asks or frame.names_something)
    position = frame.position if not (frame.step_explicit or _asks_beside_screen(turn)) else None
    form = knowledge.form_step(turn.device)
    if (
        turn.walkthrough_active
        and position
        and position.by_label
        and position.step > form
        and turn.step < form - 1
    ):  # "zadal jsem adresu a heslo a dal přihlásit" two screens before the form: a label
        # mistaken ("Připojit"), never the account finished – the screen the rest describes
        position = screens.where(_without_labels(frame.folded, turn.device, form), turn.device)
    if (
        turn.walkthrough_active
        and not frame.asks
        and (not position or position.step == turn.step)
        and (events := after_filling(dispatcher, turn, turn.step)) is not None
    ):
        return events  # "vyplněno, co teď?": the button that finishes this step
    if turn.walkthrough_active and frame.position and _asks_what_to_fill(turn):
        return enter_at(dispatcher, turn, frame.position)  # "vidím políčka jméno, adresa… co tam?"
    if (
        turn.walkthrough_active
        and whole_guide_shown_last(turn.tracker)
        and lexicon.says("where_to_begin", frame.folded)
        and not (frame.asks or frame.symptom or frame.position)
    ):  # "Krok 5 z 5? Čím mám začít?" after the whole guide: its first step alone
        return Walkthrough(dispatcher, turn).go_to(1, together=False)
    if frame.where_were_we and not frame.step_explicit:
        intent = "resume_walkthrough"  # "na čem jsme to byli?": this step, not step 1
    elif position and position.at_notice and turn.walkthrough_active:
        return enter_at(dispatcher, turn, position)  # "…vyskočilo, že nastavení nenašel"
    elif frame.needs_help and not asks_something:
        if (
            position
            and position.at_then
            and turn.walkthrough_active
            and lexicon.says("seeing_marker", frame.folded)
        ):  # "je tam iCloud, Google, Yahoo… naši firmu nevidím": the list's own way on
            return enter_at(dispatcher, turn, position)
        if position and turn.walkthrough_active and not position.at_notice:
            # "nevidím tam žádný Jiný, jen iCloud, Google…": help with the screen they are on
            return Walkthrough(dispatcher, turn).help(position.step)
        intent = "step_help"  # "v seznamu nevidím…": help with this step, not a jump
    elif position and turn.walkthrough_active:
        if (
            frame.asks
            and position.step == turn.step
            and not position.at_then
            # ("hotovo, teď tam chce e-mail a heslo": what the screen asks for, told)
            and not (lexicon.says("device_asks", frame.folded) and "?" not in frame.text)
        ):
            return None  # "u typu zabezpečení je SSL/TLS, STARTTLS… co dát?": the question here
        if "ssl_advice" in frame.asks and not position.at_notice:
            return None  # the same asked at a screen further on (after the whole guide shown)
        if (
            position.step == turn.step
            and not (position.at_notice or position.at_then)
            and (frame.confirms or frame.next_step)
            and not _came_with_earlier(turn)
        ):  # "našla jsem to" after help; "mám e-mail + účty, dál?"
            return walkthrough_turn("step_done", dispatcher, turn)
        if (
            position.step < turn.step
            and not (position.by_label or position.at_notice)
            and (lexicon.says("done_marker", frame.folded) or frame.confirms)
        ):  # "kliknuto, teď je tam výběr z několika možností", "jo vidím to, je to poslední
            # položka": on from here, a screen met before
            return walkthrough_turn("step_done", dispatcher, turn)
        return enter_at(dispatcher, turn, position)  # "jiný účet mám", "vyskočilo hlášení…"
    elif frame.back and turn.walkthrough_active and not position:
        intent = "step_back"  # "zpět prosím, něco jsem odklikl": back, whatever was clicked
    elif frame.confirms and turn.walkthrough_active:
        intent = "step_done"  # "jo, už to svítí", "mám, a teď?"
    elif frame.step and (frame.step_explicit or not asks_something):
        return walkthrough_turn("step_goto", dispatcher, turn)
    elif frame.asks or frame.ports or turn.follow_up:
        return None
    elif frame.returned or frame.resume:
        # "tak jsem zpět", "pokračujme": the same step again; "…, jedem dál. hotovo": the next
        # ("už jsem zase tam, jdem dál": back at the screen, on to the next)
        # ("jdeme dál" right after the step: on to the next one; after a question between:
        # back to that step)
        done = lexicon.says("done_marker", frame.folded) or (
            frame.next_step and (frame.returned or turn.step in last_steps_shown(turn.tracker))
        )
        intent = "step_done" if done else "resume_walkthrough"
    elif frame.pause:
        dispatcher.utter_message(response="utter_wait")
        return []  # the offer to continue follows
    elif frame.back:
        intent = "step_back"
    elif frame.next_step:
        intent = "step_done"
    elif frame.start and intent not in NAVIGATION:
        intent = "start_walkthrough"  # "jo, krok po kroku" while it runs: from the start
    if intent in NAVIGATION or intent in ("affirm", "deny"):
        return walkthrough_turn(intent, dispatcher, turn)
    return None


def _came_with_earlier(turn: Turn) -> bool:
    """The current step was shown in one message with the step before it: being there is
    arriving ("napsal jsem jméno a heslo a dal další" → the form), not having done it. A step
    shown alone (the customer had gone there) is done when they say so."""
    return turn.step > 1 and {turn.step - 1, turn.step} <= last_steps_shown(turn.tracker)


def _asks_button_after_filling(folded: str) -> bool:
    """ "Políčka mám vyplněná, na co teď kliknout?": the fields done, the button asked."""
    return lexicon.says("filled", folded) and (
        lexicon.says("which_button", folded)
        # ("formulář mám hotový, …, a teď?": the form named done, the next move asked)
        or (bool(re.search(r"\bformular\w*", folded)) and lexicon.says("what_next", folded))
    )


def _filled_step(turn: Turn) -> Optional[int]:
    """ "Formulář je hotový podle IMAP, 993 a 465, co mám zmáčknout?": the step whose fields
    the customer filled with the values named (None: no such report)."""
    frame = turn.frame
    if frame.unsure or frame.needs_help or frame.symptom or frame.open_smtp:
        return None
    if frame.works is False or frame.asks:
        return None  # a problem or a question of its own
    if (
        not turn.walkthrough_active
        and turn.device
        # ("lumia: políčka mám všechny vypsaný": all of them are the form's, not the address's)
        and (not frame.position or re.search(r"\bvsechn\w*", frame.folded))
        and _asks_button_after_filling(frame.folded)
    ):  # "iPad, všechna políčka mám vyplněná, co teď zmáčknout?": the account form's button
        form = knowledge.form_step(turn.device)
        return form if reports_filled(turn, form) else None
    if not (frame.ports or frame.hosts or frame.names_something):
        return None  # a plain "vyplněno, co teď?" is navigation
    seen = screens.last_end(lexicon.load()["seeing_marker"].pattern, frame.folded)
    if seen > screens.last_end(lexicon.load()["filled"].pattern, frame.folded):
        return None  # "napsal jsem adresu a heslo, …, teď formulář se servery": the screen now
    position = frame.position
    if position and not position.at_notice:
        number = position.step
    elif turn.walkthrough_active:
        number = turn.step
    else:
        return None
    return number if reports_filled(turn, number) else None


def filled_form(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The values named checked, then the button that finishes the step."""
    number = _filled_step(turn)
    assert number is not None  # the route's condition
    events = answers.check_servers(dispatcher, turn.frame.hosts) if turn.frame.hosts else []
    events += ports.check_named_ports(dispatcher, turn) + short_username(dispatcher, turn)
    events += answers.protocol_named(turn)
    return events + utter_after_filling(dispatcher, number, turn.device)


def short_username(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """ "…, uživatel jen jméno", "jméno novák": the whole address, said; else nothing."""
    if lexicon.says("username_short", turn.frame.folded):
        return answers.answer_username_short(dispatcher, turn.frame.folded)
    return []


def answer_problem(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """A symptom: the troubleshooting flow for "nejde odeslat" / "nejde nic", else its fix."""
    # "odesílání nejde, mám 587 s SSL": the number checked first; "…jako uživatele mám jen
    # info, je to dobře?": the user name too (the likely cause)
    # ("IMAP 143 bez SSL a SMTP 465 bez SSL, odesílání hlásí chybu": the settings told beside
    # the fault are checked too – the second fault may be among them)
    checked = turn.frame.checks or turn.frame.port_claims
    # ("530 5.7.0 Must issue a STARTTLS command first, mám 587 bez šifrování": the reply's fix
    # changes the port – no verdict on the old one first)
    encryption_asked = bool(turn.frame.error_code) and (
        smtp_error(turn.frame.error_code, turn.frame.folded)["fix"] == "smtp_ssl"
    )
    events = (
        ports.check_ports(dispatcher, turn)
        if turn.frame.ports and checked and not encryption_asked
        else []
    )
    wrong_port = any(e.get("name") == "asked_protocols" for e in events)
    if wrong_port and turn.frame.symptom in ("timeout", "cannot_connect"):
        # "143 se SSL a nechce se to připojit": the wrong port is the cause, its fix the answer
        return events + ask_if_it_helped(dispatcher)
    events += short_username(dispatcher, turn)
    if lexicon.says("password_changed", turn.frame.folded) and (
        turn.frame.symptom or turn.frame.works is False
    ):
        # "heslo jsem si změnil … a od té doby nestahuju poštu": the new one is not in the device
        dispatcher.utter_message(response="utter_password_everywhere_told")
    if turn.frame.symptom == "login_failed" and lexicon.says("account_password", turn.frame.folded):
        # "nejde přihlásit, heslo mám jako do zákaznického účtu": that is the mistake, named
        answers.utter_password_change(dispatcher, "utter_mailbox_password")
        return events + ask_if_it_helped(dispatcher)
    if turn.frame.symptom in ENTRIES:
        return events + troubleshoot(dispatcher, turn, turn.frame.symptom)
    return events + answer_symptom(
        dispatcher,
        turn.frame.symptom,
        turn.frame.error_code,
        turn.device,
        account_type(turn),
        turn.frame.folded,
    )


def account_type(turn: Turn) -> Optional[str]:
    """The incoming account type the customer says they use ("android, pop3"), else the one
    chosen for the form in this conversation."""
    named = [p for p in turn.frame.named_protocols if p in knowledge.incoming_protocols()]
    if len(named) == 1:
        return named[0]
    return turn.tracker.get_slot("form_protocol") if not named else None


def check_servers(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    if (
        "same_server" in turn.frame.asks
        and {h.lower() for h in turn.frame.hosts} <= knowledge.our_servers()
        and not turn.frame.ports  # ("stejný server, ale port 995 – je to dobře?": a check)
    ):
        # "kam dát ssl0.ovh.net, do příchozího nebo odchozího?": where it goes, not a check
        return answers.answer_topic(dispatcher, turn, "same_server")
    failing = bool(turn.frame.symptom) or turn.frame.works is False
    events = answers.check_servers(
        dispatcher, turn.frame.hosts, turn.frame.protocol, turn.frame.folded, failing
    )
    if "port" in turn.frame.asks and not turn.frame.ports:
        # "mám IMAP, ssl0.ovh.net, jaký port?": the server confirmed, the port asked
        events += ports.answer_port(dispatcher, turn, asked_protocols(turn))
    # "…, port 25, autentizace žádná. Je to ok?": the log-in told off is checked too
    auth_off = lexicon.says("auth_off", turn.frame.folded) and "smtp_auth" not in turn.frame.asks
    remind = (
        turn.frame.works is not False
        and not {"smtp_auth", "outgoing_login"} & set(turn.frame.asks)  # (its own answer says it)
        and not auth_off
    )
    events += ports.check_named_ports(dispatcher, turn, remind_auth=remind)
    short_name = lexicon.says("username_short", turn.frame.folded)  # "…a jméno je jen jidelna"
    checked = ("server", "port", "port_table", "port_purpose", "username", "password")
    # "…ale není tam zaškrtnuté ověřování": that too; "jméno novak, server …": the name too
    topics = (
        turn.frame.asks
        + (["username"] if short_name and "username" not in turn.frame.asks else [])
        + (["smtp_auth"] if auth_off else [])
    )
    # ("server mám ssl0.ovh.net a nevím, co do názvu uživatele": that field asked, unsure)
    unsure_of = {"username", "password"} if turn.frame.unsure else set()
    for topic in topics:
        if topic not in checked or (topic == "username" and short_name) or topic in unsure_of:
            events += answers.answer_topic(dispatcher, turn, topic)
    if following_fix(turn) and lexicon.says("what_to_switch", turn.frame.folded):
        # "je tam server ssl0.ovh.net, co tam mám přepnout?" on the way to the log-in: that
        events += troubleshoot(dispatcher, turn, "smtp_fix_again")
    elif turn.frame.symptom in ENTRIES:  # "mám tam smtp.seznam.cz a neodesílá to": the flow
        events += troubleshoot(dispatcher, turn, turn.frame.symptom)
    elif turn.frame.works is False or turn.frame.symptom:
        # "server X, port Y – proč to nejde?": what is left to check
        events += answer_symptom(
            dispatcher, turn.frame.symptom or "login_failed", None, turn.device, account_type(turn)
        )
    return events


# "a pro příchozí IMAP?", "a u POP3?" opening a message: the last topic, for that protocol
# ("a odchozí a jaký jméno tam?": the outgoing side first, then the question of its own)
PROTOCOL_FOLLOW_UP = re.compile(
    r"^\W*(a |a co |a jak )?(pro |u |na |k )?(ten |tu )?"
    r"((prichozi |odchozi )?(imap|pop3?|smtp)\w*\s*\?|(prichoz|odchoz)\w*\s*(\?|,|a\b))"
)


def answer_questions(dispatcher: CollectingDispatcher, turn: Turn) -> Optional[Events]:
    """Every question the message asks, in the order asked; None when it asks none."""
    frame = turn.frame
    topics = list(frame.asks)
    # "přihlášení je vypnuté, tak to zapnu. a port 587 nechat?": the log-in told off, answered
    # first (the first fault leads), beside the question asked
    auth_off = lexicon.says("auth_off", frame.folded) and "smtp_auth" not in topics
    if auth_off:
        topics.insert(0, "smtp_auth")
    if (
        {"server", "port"} & set(topics)
        and "settings" not in topics
        and not (frame.ports or frame.hosts)
        and not set(frame.protocols) & {"smtp", "incoming"}
        # (a port asked with its SSL choice, or "jde…?", is that port: they know their setup)
        and not (frame.security or lexicon.says("can_use", frame.folded))
        and ("server" in topics or PORTS_PLURAL.search(frame.folded))
        and adding_account(turn)
    ):  # "přidávám schránku přes IMAP, jaký server a porty?": the whole account's values
        topics = ["settings"] + [t for t in topics if t not in ("server", "port")]
    if (
        len(frame.ports) > 1
        and "pop_vs_imap" in topics
        and not set(frame.protocols) & set(knowledge.incoming_protocols())
    ):  # "jaký je rozdíl mezi 465 a 587?": between those ports, not IMAP and POP3
        topics = [t for t in topics if t != "pop_vs_imap"] or ["port"]
    if {"switch_account", "switch_protocol"} <= set(topics) and "server" in frame.folded:
        # "předělat účet z POPu na IMAP, musím přepsat i server?": its "Ne" first, then how
        topics.remove("switch_protocol")
        topics.insert(0, "switch_protocol")
    if (
        topics
        and turn.topic in ("port", "server")
        and turn.topic not in topics
        and PROTOCOL_FOLLOW_UP.match(frame.folded)
    ):  # "a pro příchozí IMAP? a uživatel je co?": the port again for IMAP, then the user
        topics.insert(0, turn.topic)
    if not topics and not frame.ports and not turn.follow_up and turn.intent in INTENT_TOPICS:
        topics = [INTENT_TOPICS[turn.intent]]
        if (
            topics == ["pop_vs_imap"]
            and turn.walkthrough_active
            and not re.search(r"\b(pop\w*|imap\w*|typ\w* uct\w*)\b", frame.folded)
        ):  # "teď tam mám víc možností, kterou vybrat?" in the walkthrough: that screen's choice
            return None
        if topics == ["other_device"] and frame.device and not _asks_setup(turn):
            return None  # a device we know named beside something else: that, not its steps
    if not topics and not frame.ports:
        return None
    events: Events = []
    if frame.port_choice:  # "993 nebo 143?": the ports of the protocol those numbers belong to
        owners = [owner[0] for n in frame.ports if (owner := knowledge.protocol_for_port(n))]
        events += ports.answer_port(
            dispatcher, turn, list(dict.fromkeys(owners)) or asked_protocols(turn)
        )
    # ("port byl 587, šifrování Žádné. nechat, nebo dát 465 a SSL/TLS?": both pairings right –
    # the advice between them answers, no check of each)
    elif (
        frame.ports
        and (frame.checks or frame.protocols or frame.security)
        and not ("ssl_advice" in topics and one_protocols_pairings(frame.port_claims))
    ):
        # (sending still failing gets the log-in as the fix below, not as a reminder; "zaškrtnuto"
        # has just switched it on)
        events += ports.check_ports(
            dispatcher,
            turn,
            remind_auth=frame.works is not False
            and not auth_off
            and not TICKED.search(frame.folded),
        )
        if frame.works is False and _sending_still_fails(turn, events):
            # "dal jsem 465 a pořád nic": the port is right, the log-in is the next suspect
            events += troubleshoot(dispatcher, turn, "cannot_send")
        elif frame.works is False and _receiving_still_fails(turn, events):
            # "imap 993 ssl/tls a nejde to": the port is right, the account's details are next
            events += troubleshoot(dispatcher, turn, "nothing_works")
        # "ok, dal jsem 993. a odchozí s SSL?": a protocol asked beside the number checked
        claimed = {protocol for _, protocol, _ in frame.port_claims}
        asked = [p for p in frame.protocols if p in knowledge.protocols() and p not in claimed]
        # ("jaký port mám mít pro SMTP, když mám u příjmu 995 se SSL": asked with no mark)
        if asked and ("?" in frame.text or "port" in frame.asks) and not frame.symptom:
            events += ports.answer_port(dispatcher, turn, asked)
    elif frame.ports:
        ports.utter_port_pair(dispatcher, frame.ports, frame.folded)
        for number in frame.ports:
            events += ports.answer_port_purpose(dispatcher, number)
    if _sending_fault_open(turn) and lexicon.says("port_switch_helps", frame.folded):
        # "a pomůže přepnout na 587?" while sending fails: the port with its SSL choice, and
        # the log-in as the likelier fault
        dispatcher.utter_message(response="utter_port_switch_sending", **symptoms.fix_values())
    for topic in topics:
        if topic in ("port", "port_purpose") and frame.ports:
            continue  # answered above
        if topic == "port" and not frame.protocols and turn.topic == "term" and turn.protocol:
            events += ports.answer_port(
                dispatcher, turn, [turn.protocol]
            )  # "co je POP3?" – "a porty?"
        elif topic == "port" and not frame.protocols and turn.intent == "ask_port_table":
            # "porty?", "všechny porty"; "a když ho nezapnu, jaké porty?": those without SSL
            chosen = frame.security if frame.security in knowledge.SECURITY_CHOICES else None
            # ("jaký server pro POP3" … "tak se SSL, porty?": that account type's and SMTP's,
            # unless all are asked for)
            everything = re.search(r"\b(vsechn\w*|all)\b", frame.folded)
            kept = (
                [turn.protocol, "smtp"]
                if turn.protocol in knowledge.incoming_protocols() and not everything
                else None
            )
            events += ports.answer_port_table(dispatcher, chosen, kept)
        elif topic == "port":
            if lexicon.says("can_use", frame.folded):  # "IMAP bez SSL jde?": yes, first
                dispatcher.utter_message(response="utter_yes_possible")
            asked = with_outgoing(turn, asked_protocols(turn))
            if "pop_vs_imap" in topics and set(knowledge.incoming_protocols()) <= set(asked):
                # "mám zvolit POP3, nebo IMAP? a jaký port pak zadám?": the advised one's
                asked = [p for p in asked if p not in knowledge.incoming_protocols()]
                asked.insert(0, knowledge.recommended_protocol())
            events += ports.answer_port(dispatcher, turn, asked)
        elif topic in ("port_table", "port_purpose"):
            events += ports.answer_port_table(dispatcher)
        elif (
            topic in ("password", "username")
            and not frame.protocols
            and turn.topic == "term"
            and turn.protocol == "smtp"
        ):  # "co je SMTP?" – "a musí mít nějaké heslo?": the outgoing server's log-in
            events += answers.answer_outgoing_login(dispatcher, turn)
        else:
            events += answers.answer_topic(dispatcher, turn, topic)
    return events


def _port_owners(turn: Turn, events: Events) -> Tuple[Set[str], bool]:
    """The protocols the ports named belong to, and whether the check corrected one."""
    owners = {owner[0] for n in turn.frame.ports if (owner := knowledge.protocol_for_port(n))}
    return owners, any(e.get("name") == "asked_protocols" for e in events)


def _sending_fault_open(turn: Turn) -> bool:
    """Sending fails in this conversation and its fix is being tried."""
    return turn.pending in (Pending.SMTP_FIX, Pending.SMTP_CHECKS) or (
        turn.frame.symptom == "cannot_send"
    )


def _sending_still_fails(turn: Turn, events: Events) -> bool:
    """Sending still fails after the outgoing port checked: right ("dal jsem 465 a pořád
    nic") or not ours ("pro SMTP mám port 26 a nejde to" – the second fault is the log-in)."""
    owners, corrected = _port_owners(turn, events)
    unknown_outgoing = not owners and turn.frame.protocols == ["smtp"]
    return ((owners == {"smtp"} and not corrected) or unknown_outgoing) and not turn.frame.symptom


def _receiving_still_fails(turn: Turn, events: Events) -> bool:
    """An incoming port right (nothing corrected) and the mail still failing, no symptom told."""
    owners, corrected = _port_owners(turn, events)
    incoming = set(knowledge.incoming_protocols())
    return bool(owners) and owners <= incoming and not corrected and not turn.frame.symptom


def asked_protocols(turn: Turn) -> List[str]:
    """The protocols a port question is about: the message's, or the one it inherits."""
    if turn.frame.protocols and not turn.frame.everywhere:
        if turn.frame.protocols == ["incoming"] and turn.protocol in knowledge.incoming_protocols():
            return [turn.protocol]
        return turn.frame.port_protocols
    if turn.frame.protocols:  # "SSL všude, mám POP3": POP3 and SMTP
        return [p for p in turn.frame.protocols if p != "smtp"] + ["smtp"]
    if turn.follow_up and turn.last_protocols:
        protocols = turn.last_protocols  # "a se SSL?" after IMAP and SMTP: both again
    elif turn.protocol:
        protocols = [turn.protocol]
    elif turn.pending == Pending.SMTP_FIX or following_fix(turn):
        protocols = ["smtp"]  # a port on the way to the outgoing server's authentication
    else:
        protocols = []
    if turn.frame.everywhere:  # "se SSL, všude": the incoming protocol and SMTP
        protocols = [p for p in protocols if p != "smtp"] + ["smtp"]
    return protocols


def with_outgoing(turn: Turn, protocols: List[str]) -> List[str]:
    """ "Porty pro POP3?" (ports, plural) sets up an account: the incoming protocol's ports and
    the outgoing server's; "port pro IMAP" is IMAP's alone."""
    incoming = knowledge.incoming_protocols()
    # ("porty pro IMAP s SSL i bez": the plural is the two variants, IMAP's alone)
    plural = PORTS_PLURAL.search(turn.frame.folded) and turn.frame.security != "both"
    # ("na počítači IMAP a na mobilu POP, jaké porty dám kde?": both accounts, both send)
    if plural and protocols and all(p in incoming for p in protocols):
        return protocols + ["smtp"]
    return protocols


def device_answer(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The device, asked because the message before named a screen ("jiný účet už mám
    vybraný"): that screen in the device's guide; else the walkthrough from step 1."""
    if last_route(turn.tracker) == "walkthrough_entered":
        position = screens.where(fold(previous_text(turn.tracker)), turn.device)
        if position:
            return enter_at(dispatcher, turn, position)
    return start_walkthrough(dispatcher, turn)


def password_not_wanted(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """Never sent to us; checked by signing in to the webmail."""
    dispatcher.utter_message(response="utter_password_not_wanted")
    return check_password_self(dispatcher, turn)


def password_everywhere(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The new password goes into every device and program, where it is typed there."""
    return answers.answer_topic(dispatcher, turn, "password_everywhere")


def password_not_echoed(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """A typed password is never shown again; the webmail's sign-in checks it."""
    dispatcher.utter_message(response="utter_password_not_echoed", **knowledge.load()["webmail"])
    return [SlotSet("last_topic", "password")]


def password_typed_what_now(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """After the warning about a typed password: hidden here, better changed."""
    answers.utter_password_change(dispatcher, "utter_password_by_mistake")
    return [SlotSet("last_topic", "password")]


def check_password_self(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The password tried by signing in to the webmail; a new one in the customer area."""
    dispatcher.utter_message(response="utter_check_password_self", **knowledge.load()["webmail"])
    return [SlotSet("last_topic", "password")]


def _password_talked_of(turn: Turn) -> bool:
    """The customer's message before this one was about the password (typed or asked)."""
    before = previous_text(turn.tracker)
    return "hesl" in fold(before) or REDACTED in before


def _password_in_talk(turn: Turn) -> bool:
    """The password was the last answer's topic, or the customer's message before this one."""
    return turn.topic == "password" or _password_talked_of(turn)


def login_failed_next(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """After the log-in's checks: the password is what is left – set a new one."""
    answers.utter_password_change(dispatcher, "utter_login_failed_next")
    return []


def auto_or_manual(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The program may find the settings by the address; else the IMAP values by hand."""
    dispatcher.utter_message(response="utter_auto_or_manual")
    protocol = knowledge.recommended_protocol()
    dispatcher.utter_message(response="utter_settings", **replies.settings_values(protocol))
    return [SlotSet("last_topic", "settings"), SlotSet("protocol", protocol)]


def several_devices(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """IMAP on both devices named, and which to set up first (each its own walkthrough)."""
    named = devices.all_named(turn.frame.folded)
    buttons = [
        {"title": knowledge.guide(d).short, "payload": f'/start_walkthrough{{"device":"{d}"}}'}
        for d in named
        if d in knowledge.guides()
    ]
    # ("můžu mít poštu na obou?": yes, first)
    asked = "?" in turn.frame.text and ports.MAY_USE.search(turn.frame.folded)
    lead = "Ano, jde to. " if asked else ""
    dispatcher.utter_message(response="utter_several_devices", buttons=buttons, lead=lead)
    return [SlotSet("protocol", knowledge.recommended_protocol())]


def not_exchange(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """Exchange chosen: no, the mailbox is IMAP or POP3 (the seed's phone: its label)."""
    seed_phone = turn.device == knowledge.guide().id
    dispatcher.utter_message(
        response="utter_not_exchange_wp" if seed_phone else "utter_not_exchange"
    )
    return []


def start_walkthrough(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The walkthrough from step 1, keeping the account type and SSL choice the customer
    named on the way ("krok po kroku, budu používat POP3 bez SSL") for the form step."""
    protocol = next((p for p in turn.frame.protocols if p in knowledge.incoming_protocols()), None)
    if protocol and protocol not in turn.protocols_here():
        protocol = None  # "…v počítači to mám v Outlooku přes POP3": the computer's, not this one
    security = turn.frame.security if turn.frame.security in knowledge.SECURITY_CHOICES else None
    chosen = [{"event": "slot", "name": "form_protocol", "value": protocol}] if protocol else []
    if security:
        chosen.append({"event": "slot", "name": "form_security", "value": security})
    if lexicon.says("setup_fails", turn.frame.folded):  # an error message says where it stops
        dispatcher.utter_message(response="utter_setup_stuck")
    if "pop3" in turn.frame.protocols and "pop3" not in turn.protocols_here():
        # "v notebooku to mám přes POP, chci to i v iPhonu": that POP3 must leave a copy first
        dispatcher.utter_message(response="utter_pop_elsewhere_copy")
        answers.keep_copy_where_pop(dispatcher, turn, other_than=turn.frame.device)
    return chosen + walkthrough_turn("start_walkthrough", dispatcher, turn)


def continue_topic(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """A fragment or correction: the last question again, with what the message changed."""
    protocol = turn.protocol
    if lexicon.says("can_use", turn.frame.folded):  # "bude to fungovat i s IMAPem?": yes, first
        dispatcher.utter_message(response="utter_yes_possible")
    if (
        turn.frame.security
        and turn.topic in ("username", "password")
        and {"settings", "port"} & set(turn.last_topics)
    ):  # "a když chci bez SSL?" after the settings and the user name: the ports changed
        if turn.frame.protocols == ["smtp"]:  # "a pro odchozí, taky se šifrováním?": its port
            return ports.answer_port(dispatcher, turn, ["smtp"])
        incoming = protocol if protocol in knowledge.incoming_protocols() else None
        return ports.answer_port(
            dispatcher, turn, [incoming or knowledge.recommended_protocol(), "smtp"]
        )
    if (
        turn.topic in ("password", "username")
        and turn.frame.protocols == ["smtp"]
        and ALSO.search(turn.frame.folded)
    ):  # "a do odchozího serveru taky?" after the password: the same log-in there
        return answers.answer_topic(dispatcher, turn, "same_login")
    at_form = turn.step == knowledge.guide(turn.device).step_number("account_form")
    if (
        turn.walkthrough_active
        and at_form
        and turn.topic in ("port", "server", "settings", None)
        and protocol in knowledge.protocols()
        and not turn.frame.security
    ):  # "a odchozí?" at the form with the servers: both of its fields
        return answers.answer_server(dispatcher, protocol, with_port=True)
    if protocol == "smtp" and LOGIN_WORDS.search(turn.frame.folded):
        return answers.answer_outgoing_login(dispatcher, turn)  # "a u odchozího taky celou adresu?"
    if turn.topic == "server" and turn.frame.security and not turn.frame.protocol:
        return ports.answer_port(dispatcher, turn, asked_protocols(turn))  # "a bez SSL?"
    if turn.topic == "server" and turn.frame.everywhere and "?" in turn.frame.text:
        return answers.answer_same_server(dispatcher, turn)  # "a platí to pro příchozí i odchozí?"
    if (
        turn.topic == "server"
        and protocol == "smtp"
        and "?" in turn.frame.text
        and re.search(r"\b(taky|take|tez|stejn\w*|ten(hle|to)?|tent(y|o)z)\b", turn.frame.folded)
    ):  # "a odchozí taky tenhle?" after the incoming server: yes, the same
        return answers.answer_same_server(dispatcher, turn)
    if turn.topic == "server" and protocol:
        # "jaký server a port pro IMAP?" → "a pro odchozí?": that server with its ports (the
        # ports say the server too)
        if "port" in turn.last_topics or "utter_server_one_port" in last_responses(turn.tracker):
            return ports.answer_port(dispatcher, turn, asked_protocols(turn))
        return answers.answer_server(dispatcher, protocol)
    if turn.topic == "settings" and protocol in knowledge.incoming_protocols():
        return answers.answer_settings(dispatcher, protocol)
    if (
        turn.topic == "username"
        and protocol in knowledge.incoming_protocols()
        and "settings" in turn.last_topics
    ):  # "a kdybych to chtěla jako POP?" after IMAP's settings and the user name: POP3's
        return answers.answer_settings(dispatcher, protocol)
    if turn.topic == "username" and protocol:  # "a u odchozího serveru taky celou adresu?"
        if protocol == "smtp":
            return answers.answer_outgoing_login(dispatcher, turn)
        return answers.answer_username(dispatcher)
    if turn.topic == "term" and turn.frame.protocol in knowledge.protocols():
        return answers.answer_term(dispatcher, turn.frame.protocol)  # "co je POP3?" → "a IMAP?"
    return ports.answer_port(dispatcher, turn, asked_protocols(turn))


def handoff_pending(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """ "pořád nic" after the handoff: the colleagues have it, nothing new to try."""
    dispatcher.utter_message(
        response="utter_handoff_pending",
        response_time=knowledge.load()["handoff"]["response_time"],
    )
    return []


def person(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    # "zavolejte mi na 602 …", "chci, ať mi někdo zavolá, nejde mi pošta. 602 …": kept at once
    # (a phone number beside a request for a person is the contact, whatever else is said)
    given = after_handoff.contact_in(turn) or bool(turn.frame.phone_number)
    if turn.frame.identity and "?" in turn.frame.text:  # "mluvím s robotem? chci podporu"
        dispatcher.utter_message(
            response="utter_bot_identity_short",
            identity=knowledge.load()["assistant"]["identity"],
        )
    events = hand_off(dispatcher, turn.tracker, "request", contact_given=given)
    asks_contact = any(e.get("value") == Pending.CALLBACK_EMAIL.value for e in events)
    if asks_contact and given:
        return events + (answer_callback(dispatcher, turn) or [])
    return events


def _adjacent_answers(folded: str) -> List[str]:
    """The knowledge file's answers to the topics next to the setup a message names
    ("schránka je plná", "přeposílání na Gmail")."""
    return [
        answer
        for entry, answer in knowledge.adjacent_answers().items()
        if lexicon.says(entry, folded)
    ]


def adjacent(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """A topic next to the setup: its answer where the knowledge file has one, else where it
    is handled ("a kde to teda najdu?" after one: that matter's answer again)."""
    if turn.frame.language == "en":  # "where is my invoice?": the places, in English
        dispatcher.utter_message(
            response="utter_en_adjacent",
            invoice=knowledge.load()["english"]["invoice"],
            url=knowledge.load()["webmail"]["url"],
        )
        return [{"event": "slot", "name": "last_topic", "value": "adjacent"}]
    if _webmail_asked_in(turn.frame.folded):  # "…jak to vyčistím? a nějaký webmail?": it too
        dispatcher.utter_message(response="utter_webmail", **knowledge.load()["webmail"])
    known = _adjacent_answers(turn.frame.folded) or (
        _adjacent_answers(fold(previous_text(turn.tracker))) if _adjacent_again(turn) else []
    )
    for answer in known:
        dispatcher.utter_message(response="utter_adjacent_answer", answer=answer)
    # ("…dá se schránka zvětšit? a kde stáhnu fakturu?": a matter with no answer of its own too;
    # not "ok, fakturu najdu." told, nor "kde to zaplatím?" of a matter answered)
    unknown = [
        part
        for part in re.split(r"(?<=[.?!])\s+|,? a (?=kde|jak|kam|co|kolik)", turn.frame.folded)
        if lexicon.says("adjacent", part)
        and not _adjacent_answers(part)
        and ("?" in part or lexicon.says("asking_sentence", part))
        and not (known and lexicon.says("refers_back", part))
    ]
    if not known or unknown:
        dispatcher.utter_message(response="utter_adjacent")
    return [{"event": "slot", "name": "last_topic", "value": "adjacent"}]


def password_in_device(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The account's settings in the device, where the password and user name are typed."""
    dispatcher.utter_message(response="utter_where_password")
    dispatcher.utter_message(
        response="utter_password_in_device",
        username=knowledge.username(),
    )
    events: Events = [SlotSet("last_topic", "password")]
    if "server" in turn.frame.asks:  # "…kam ho v Outlooku napíšu? a jaký server?": it too
        events = answers.answer_topic(dispatcher, turn, "server") + events
    here = turn.frame.device or turn.device
    others = [d for d in devices.all_named(turn.frame.folded) if d != here]
    if others and lexicon.says("password_everywhere", turn.frame.folded):
        # "…kde na iPhonu, a musím to měnit i v Outlooku na PC?": yes, there too
        utter_password_elsewhere(dispatcher, others[0])
    return events


def _password_place_asked_for_other(turn: Turn) -> Optional[str]:
    """ "…v Thunderbirdu hotovo. telefon je iPhone, kde se tam to heslo přepisuje?": the other
    device whose password field is asked for (None: none)."""
    for sentence in sentences_of(turn.frame.folded):
        if "?" not in sentence or not re.search(r"\b(kde|kam|jak)\b", sentence):
            continue
        if not re.search(r"\bhesl|\b(prepis|zmen|menit|meni)\w*", sentence):
            continue
        # (the device named now is the one asked about, though the turn already moved to it)
        named = [
            d
            for d in devices.all_named(sentence)
            if d != turn.device or (turn.device_changed and _password_talked_of(turn))
        ]
        if named:
            return named[0]
        before = turn.frame.folded[: turn.frame.folded.find(sentence)]
        # ("telefon je iPhone 13, kde se tam…": the device in the clause before the question)
        named = [d for d in devices.all_named(before.split(".")[-1]) if d != turn.device]
        if named and re.search(r"\b(tam|v nem|na nem)\b", sentence):
            return named[0]
    return None


def password_place_other(dispatcher: CollectingDispatcher, turn: Turn) -> Optional[Events]:
    """The password's place in the other device asked for (None: no such question)."""
    other = _password_place_asked_for_other(turn)
    return utter_password_elsewhere(dispatcher, other) if other else None


def new_password_prompt(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The program's prompt takes the new password; "…a kde se v Thunderbirdu heslo mění
    natrvalo?" beside it: the place it keeps the password too."""
    dispatcher.utter_message(response="utter_new_password_prompt")
    device = turn.frame.device or turn.device
    if device in knowledge.guides() and lexicon.says("password_in_device", turn.frame.folded):
        dispatcher.utter_message(text=knowledge.places(device)["password_place"])
    return [SlotSet("last_topic", "password")]


def utter_password_elsewhere(dispatcher: CollectingDispatcher, device: str) -> Events:
    """Yes, the new password in that device too, and where it is typed there."""
    dispatcher.utter_message(response="utter_password_everywhere", **replies.device_values(device))
    # its own fields where a source names them, else the servers' settings that hold them
    dispatcher.utter_message(text=knowledge.places(device)["password_place"])
    return [SlotSet("last_topic", "password")]


def _password_elsewhere(turn: Turn) -> bool:
    """ "A ten Outlook na PC? Tam mám taky změnit?" after where the password goes: that device."""
    named = devices.named(turn.frame.folded)
    return bool(
        turn.topic == "password"
        and named
        and named != turn.device
        and "?" in turn.frame.text
        and re.search(r"\b(taky|take|tez|i|aj|tam)\b", turn.frame.folded)
        and not (turn.frame.ports or turn.frame.symptom or turn.frame.hosts)
    )


def said_username_yes(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The whole address restated: yes; a part of it: no, the whole."""
    less = lexicon.says("less_than_address", turn.frame.folded) or lexicon.says(
        "username_short", turn.frame.folded
    )
    if less:
        return answers.answer_username_short(dispatcher, turn.frame.folded)
    dispatcher.utter_message(response="utter_username_yes", username=knowledge.username())
    return [SlotSet("last_topic", "username")]


def _webmail_asked_in(folded: str) -> bool:
    """A sentence of its own asks for the webmail ("…a kde ten webmail najdu, jaká je adresa?"),
    whatever the other sentences name (a protocol, a full mailbox)."""
    return any(
        lexicon.says("webmail", sentence)
        and ("?" in sentence or re.search(r"\b(kde|jak|adres\w*|odkaz\w*|link\w*|url)\b", sentence))
        and not lexicon.says("fault_or_contrast", re.sub(r",? nebo ne\b", " ", sentence))
        # ("heslo mi ve webmailu funguje, tak co ještě?": the webmail told as working)
        and not re.search(r"\b(funguje|fungoval\w*|jde|slo|jede|pusti\w*|pustil\w*)\b", sentence)
        and not re.search(r"\b(port\w*|imap|pop3?|smtp|\d{2,5})\b", sentence)
        # ("web mi v prohlížeči hlásí…": the website in a browser, no mail)
        and not (
            re.search(r"\bweb(?!mail)|\bstrank|\bwww\b", sentence) and "webmail" not in sentence
        )
        for sentence in sentences_of(folded)
    )


def _asks_webmail(turn: Turn) -> bool:
    """The mail read in a browser, asked for (not "ve webmailu to jde, v telefonu ne")."""
    frame = turn.frame
    if frame.adjacent and not re.search(r"\bwebmail", frame.folded):
        return False  # "web mi v prohlížeči hlásí neplatný certifikát": the website's, no mail
    if _webmail_asked_in(frame.folded) and not (frame.symptom or frame.ports or frame.open_smtp):
        return True  # ("…adresa webmailu? a proč se to plní, když mám POP3?": asked on its own)
    return bool(
        # ("ok, promažu to ve webmailu. a ta faktura?": the webmail told, not asked)
        lexicon.says("webmail", frame.asked or frame.folded)
        and ("?" in frame.text or frame.asks_how or lexicon.says("asks_way", frame.folded))
        and not (frame.symptom or frame.works is not None or frame.protocols or frame.ports)
        and not (set(frame.asks) - {"settings"} or frame.hosts or frame.open_smtp)
        # ("ve webmailu to jde, ale v telefonu ne": the phone's problem – in the webmail's own
        # sentence: "…na jaké adrese je webmail? a když smažu maily v telefonu…" asks it)
        and not any(
            lexicon.says("fault_or_contrast", sentence)
            for sentence in sentences_of(frame.folded)
            if "webmail" in sentence
        )
    )


def webmail(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    english = turn.frame.language == "en"
    dispatcher.utter_message(
        response="utter_en_webmail" if english else "utter_webmail", **knowledge.load()["webmail"]
    )
    # ("schránka je plná, jak se dostanu do webmailu a kde je faktura?": the other matters too)
    for answer in _adjacent_answers(turn.frame.folded):
        dispatcher.utter_message(response="utter_adjacent_answer", answer=answer)
    return [SlotSet("last_topic", "adjacent")]


def _adjacent_again(turn: Turn) -> bool:
    """ "A kde si ji zvětším?" right after an adjacent matter: the same matter."""
    frame = turn.frame
    mail = frame.asks or frame.protocols or frame.ports or frame.symptom or frame.open_smtp
    return (
        turn.topic == "adjacent"
        and not (mail or frame.person or frame.where_were_we or turn.walkthrough_active)
        and not (frame.start or lexicon.says("start_setup", frame.folded))
        and ("?" in frame.text or bool(WHERE_HOW.match(frame.folded)))
    )


WHERE_CHANGED = re.compile(
    r"\b(kde|jak|kudy)\b[^.?!]{0,20}\b(zmen\w*|menit|men\w*|prenastav\w*)\b"
    r"|\b(zmen\w*|menit|prenastav\w*)\b[^.?!]{0,20}\b(kde|jak|kudy)\b"
)
MAIL_FRAGMENT = re.compile(
    r"^\W*(a |a co |a jak |a jaky |a jakej )?(pro|na|u|v|ve) (postu|poste|posty|e-?mail\w*|mail\w*|schrank\w*)\W*$"
)
# "a kde to teda najdu", "jak to udělám": a question without its mark
WHERE_HOW = re.compile(r"^\W*(a |tak |no |ok )?(kde|kam|jak|kudy)\b")


# "a není to tím, že mám špatně nastavený port?" after a hosting matter: a mail setting blamed
MAIL_BLAMED = re.compile(
    r"\b(neni|je|muze|nemuze|nebude|bude)\b( to)?( byt)?\b[^.?!]{0,10}\b(tim|kvuli|chyba v)\b[^.?!]{0,40}"
    r"\b(port\w*|server\w*|nastaven\w*|imap\w*|pop\w*|smtp|ssl|e-?mail\w*|post\w*)"
)


# the hosting matters no mail setting touches (a full mailbox is the mail's own)
NOT_MAIL_MATTER = re.compile(
    r"\b(web\w*|strank\w*|wordpress\w*|eshop\w*|databaz\w*|ftp|faktur\w*|certifikat\w*|domen\w*|auth ?kod\w*)\b"
)


def _mail_blamed(turn: Turn) -> bool:
    before = fold(previous_text(turn.tracker))
    return (
        turn.topic == "adjacent"
        # ("a ten auth kód není to samé jako autentizace u pošty?": the same as a mail thing)
        and bool(
            MAIL_BLAMED.search(turn.frame.folded) or lexicon.says("same_as_mail", turn.frame.folded)
        )
        and bool(NOT_MAIL_MATTER.search(before))
        and not re.search(r"\b(schrank\w*|mail\w*|e-?mail\w*|post\w*)\b", before)
        and not (turn.frame.ports or turn.frame.hosts or turn.frame.symptom)
    )


def other_device(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    return answers.answer_other_device(dispatcher, turn.protocol)


# What the walkthrough's account form gives with its values
WALKTHROUGH_VALUES = {"settings", "server", "port", "port_table", "username", "password"}


def _asks_setup(turn: Turn, sending: bool = False) -> bool:
    """ "Mám iPhone, jak tam nastavím poštu?": setting up, nothing else asked (`sending`: the
    sending alone, "jak nastavím odesílání?", which is the outgoing server's part)."""
    frame = turn.frame
    if frame.protocols == ["smtp"] and not sending:
        return False
    # ("?" alone only in a short message: a long one asks something of its own)
    short_question = (
        "?" in frame.text
        and len(frame.text.split()) <= 12
        and not re.search(r"\b(co|proc|kde|kolik|kdy|ktery|ktera|jaky|jaka)\b", frame.folded)
    )
    # ("mám android, jak nastavím posílání" – a how-question without its mark)
    how_setup = (
        bool(re.search(r"\bjak\b", frame.folded))
        and lexicon.says("setup_verb", frame.folded)
        and len(frame.text.split()) <= 10
    )
    setup = (
        frame.start
        or lexicon.says("start_setup", frame.folded)
        or short_question
        or how_setup
        or lexicon.says("how_to_do_it", frame.folded)
        or lexicon.says("asks_procedure", frame.folded)  # "napište mi, co a kam vyplnit"
        or lexicon.says("setup_fails", frame.folded)  # "v outlooku mi to nejde nastavit"
    )
    # "jak postupovat a jaké porty?": the walkthrough's values answer the settings asked too
    values_only = lexicon.says("asks_procedure", frame.folded) and set(frame.asks) <= (
        WALKTHROUGH_VALUES
    )
    # ("chci tu samou poštu i na telefon": the same mail wished, no question – the guide's form
    # recommends IMAP, which keeps it the same everywhere)
    values_only = values_only or (frame.asks == ["pop_vs_imap"] and "?" not in frame.text)
    return bool(setup) and not (
        (frame.asks and not values_only)
        or frame.ports
        or frame.symptom
        or frame.open_smtp
        or frame.needs_help
        or frame.adjacent  # "jak si nastavím přesměrování pošty na Gmail?": the customer area
        or lexicon.says("program_feature", frame.folded)  # "jde v Mailu udělat podpis?"
        or lexicon.says("glad_it_works", frame.reported)  # "Outlook už posílá, můžu zavřít?"
        # ("dalo by se do Thunderbirdu přidat ještě jednu adresu?": yes first, the steps offered)
        or lexicon.says("another_mailbox", frame.folded)
    )


def _device_setup(turn: Turn) -> bool:
    """A device we have a guide for, and setting it up: its walkthrough."""
    return (
        bool(turn.frame.device)
        and not turn.walkthrough_active
        and not turn.frame.needs_help  # "v Gmailu nevidím nastavení serveru": where it is
        # ("ať se mi maily přeposílají na Gmail": forwarding, set in the customer area)
        and not lexicon.says("forwarding", turn.frame.folded)
        # ("ten postup pro iPhone mi nefunguje": what fails, not the same guide again)
        and turn.frame.works is not False
        and _asks_setup(turn)
    )


def _device_named(turn: Turn) -> bool:
    """ "Mám iPhone." alone: noted, with what the bot can do there."""
    return (
        bool(turn.frame.device)
        and not turn.walkthrough_active
        and not (turn.frame.start or turn.intent == "start_walkthrough" or turn.frame.asks_how)
        and len(turn.frame.text.split()) <= 6
        and _nothing_asked(turn, settings_named=True)
        and not turn.frame.protocols  # "outlook smtp": that protocol's settings
        and not lexicon.says("thanks", turn.frame.folded)  # "na Samsungu už to mám, díky"
        and not lexicon.says("glad_it_works", turn.frame.reported)  # "díky, Outlook už jede"
    )


# The answers about a password change: "a jak dlouho to trvá?" after them is the change's time
PASSWORD_CHANGE_RESPONSES = answers.PASSWORD_CHANGE_ANSWERS | {
    "utter_password_everywhere",
    "utter_password_everywhere_told",
}


def _how_long_of(turn: Turn) -> Optional[Tuple[str, Dict[str, str]]]:
    """The response that says how long the last thing takes, with its value, or None."""
    last = set(last_responses(turn.tracker))
    # ("jak dlouho trvá, než začne platit nové heslo?": the change named in the question)
    named = re.search(r"\bhesl\w*", turn.frame.folded) and not turn.frame.asks
    if PASSWORD_CHANGE_RESPONSES & last or named:
        note = knowledge.load()["password_change"]["note"]
        return "utter_password_change_time", {"password_change_note": note}
    if BLOCKED_ANSWERS & last:  # "jak dlouho to (zablokování) trvá?": the colleagues know
        return "utter_blocked_how_long", {}
    if turn.frame.asks or turn.frame.symptom:
        return None
    if any(name.startswith(("utter_callback", "utter_handoff")) for name in last):
        callback_time = knowledge.load()["handoff"]["callback_time"]
        return "utter_callback_time", {"callback_time": callback_time}
    return None


def said_how_long(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    found = _how_long_of(turn)
    assert found is not None  # the route's condition
    response, values = found
    dispatcher.utter_message(response=response, **values)
    return []


# The topic just answered → its "the same for both directions?" ("a je to stejné i pro příchozí?")
SAME_FOR_BOTH = {
    "server": "same_server",
    "port": "same_ports",
    "username": "same_login",
    "password": "same_login",
}


def _same_for_both_topic(turn: Turn) -> Optional[str]:
    """The "same for both" topic of the value the last answer was about, or None."""
    return next(
        (SAME_FOR_BOTH[t] for t in turn.last_topics + [turn.topic or ""] if t in SAME_FOR_BOTH),
        None,
    )


# What the bot does in a device, as buttons
DEVICE_BUTTONS = [
    {"title": "Postup nastavení", "payload": "/start_walkthrough"},
    {"title": "Nastavení serveru", "payload": "/ask_settings"},
]


def device_named(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    buttons = list(DEVICE_BUTTONS)
    if knowledge.guide(turn.device).profile:
        buttons.append({"title": "Profil jedním klepnutím", "payload": "/ask_profile"})
    dispatcher.utter_message(response="utter_device_noted", buttons=buttons)
    return []


def device_not_understood(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """A device named beside something not understood: "Mám iPhone." alone is the device
    noted; a request of its own ("…chci tam podpis s logem, jde to?") is said to be not
    understood, with what the bot does and a colleague for the rest."""
    if lexicon.says("mailbox_what_now", turn.frame.folded):  # "…založila schránku, co teď?"
        return walkthrough_turn("start_walkthrough", dispatcher, turn)
    request = lexicon.says("request_made", turn.frame.folded)
    if "?" not in turn.frame.text and not request:  # ("mám dotaz k Mailu na Macu")
        return device_named(dispatcher, turn)
    dispatcher.utter_message(
        response="utter_device_not_understood",
        buttons=DEVICE_BUTTONS + [{"title": "Chci mluvit s kolegou", "payload": "/request_human"}],
    )
    return []


# the sending named ("odesílání taky jde", "maily už odcházejí")
SENDING_NAMED = re.compile(
    r"\b(odesil\w*|odesl\w*|posil\w*|poslat|posla\w*|odchaz\w*|odejd\w*|smtp|ven)\b"
)


def existing_account(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The account already added: the way to its settings (and the log-in's switch there when
    that is what the customer is after), the walkthrough closed."""
    dispatcher.utter_message(response="utter_where_account")
    if "smtp_auth" in turn.frame.asks or following_fix(turn):
        dispatcher.utter_message(text=knowledge.places(turn.device)["smtp_auth"])
    return [SlotSet("walkthrough_active", False), SlotSet("last_topic", "smtp_auth")]


def receiving_fine(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    dispatcher.utter_message(response="utter_receiving_fine_send_fix")
    return [SlotSet("pending_question", Pending.SMTP_FIX.value)]  # "Pomohlo to?" stays open


def _after_smtp_fix(turn: Turn) -> bool:
    """The SMTP authentication's fix was the last answer (or its "Pomohlo to?" is open)."""
    return (
        turn.pending == Pending.SMTP_FIX
        or turn.topic == "smtp_auth"
        or "utter_smtp_fix" in last_responses(turn.tracker)  # after a symptom's diagnosis
    )


def _withdraws_handoff(turn: Turn) -> bool:
    """ "Tak už nikoho nepotřebuju, dík" after a handoff: the request withdrawn, not a goodbye."""
    return lexicon.says("handoff_cancel", turn.frame.folded) and after_handoff.handed_off(turn)


def fix_how_exactly(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The fix's places in the device known; with none known, which device (its buttons name
    it, and the fix follows there)."""
    if turn.device in knowledge.guides():
        return troubleshoot(dispatcher, turn, "smtp_fix_again")
    dispatcher.utter_message(response="utter_fix_which_device", buttons=device_buttons())
    return [SlotSet("pending_question", Pending.SMTP_FIX.value)]


def _fix_for_another_device(turn: Turn) -> bool:
    """A device named after the SMTP fix, with no other matter: the fix's places there."""
    frame = turn.frame
    return (
        _after_smtp_fix(turn)
        and turn.device_changed
        and not turn.walkthrough_active
        # ("chci ještě přidat schránku do Thunderbirdu": a setup, not the fix)
        and not (frame.start or lexicon.says("start_setup", frame.folded))
        and not (set(frame.asks) - {"smtp_auth"} or frame.ports or frame.symptom)
        and not lexicon.says("glad_it_works", frame.reported)
        and len(frame.text.split()) <= 14
    )


# Answers that name a place in the device: said again when the device is corrected.
PLACE_RESPONSES = (
    "utter_where_account",
    "utter_where_password",
    "utter_where_ssl_port",
    "utter_password_in_device",
    # ("změnil jsem heslo a nejde mi pošta" – "telefon je samsung": where the new one goes)
    "utter_password_everywhere_told",
    "utter_password_everywhere",
)


def _place_for_another_device(turn: Turn) -> bool:
    """ "Omyl, mám to na Samsungu" right after where something is: the same place there."""
    frame = turn.frame
    return (
        turn.device_changed
        and not turn.walkthrough_active
        and bool(set(PLACE_RESPONSES) & set(last_responses(turn.tracker)))
        and not (frame.asks or frame.ports or frame.symptom or frame.open_smtp or frame.start)
        # ("na Macu chci zkontrolovat SMTP, kde to najdu?": a question of its own)
        and not (frame.protocols or lexicon.says("where_setting", frame.folded))
        and len(frame.text.split()) <= 14
    )


def place_for_device(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    for response in last_responses(turn.tracker):
        if response == "utter_password_everywhere":  # its "Ano –" answered the question before
            response = "utter_password_everywhere_told"
        if response in PLACE_RESPONSES:
            values = (
                {"username": knowledge.username()} if response == "utter_password_in_device" else {}
            )
            dispatcher.utter_message(response=response, **values)
    return []


def _password_step(device: Optional[str]) -> int:
    """The first step of the device's guide where the mailbox password is typed."""
    steps = knowledge.steps(device)
    return next(
        (
            number
            for number, step in enumerate(steps, 1)
            if "hesl" in fold(f"{step.text} {step.after_filling or ''}")
        ),
        len(steps) + 1,
    )


def _chooses_and_asks(turn: Turn) -> bool:
    """ "POP3. A jaký je rozdíl oproti IMAPu?" at the account type's step: the choice made,
    and a question beside it."""
    steps = knowledge.steps(turn.device)
    return bool(
        turn.walkthrough_active
        and steps[turn.step - 1].id == ACCOUNT_TYPE_STEP_ID
        and lexicon.says("choice_first", turn.frame.folded)
        # ("POP3, IMAP – co je lepší?" chooses nothing)
        and len([p for p in turn.frame.protocols if p in knowledge.incoming_protocols()]) == 1
        and _asks_beside_screen(turn)  # ("IMAP. Teď je tu server, port…" describes the form)
    )


def choose_and_answer(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    events = answer_questions(dispatcher, turn) or []
    chosen = lexicon.load()["choice_first"].search(turn.frame.folded)
    assert chosen  # the route's condition
    walk = Walkthrough(dispatcher, turn)
    walk.protocol = protocols_in_text(chosen.group("protocol").replace(" ", ""))[0]
    return events + walk.go_to(turn.step + 1)


def ports_without_ssl(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The incoming protocol's port and SMTP's, both without SSL."""
    incoming = turn.protocol if turn.protocol in knowledge.incoming_protocols() else None
    plain = replace(turn, security="plain")
    events = ports.answer_port(
        dispatcher, plain, [incoming or knowledge.recommended_protocol(), "smtp"]
    )
    return events + [SlotSet("security", "plain")]


DONE_FIRST = re.compile(r"^\W*(mam|hotovo|jo|jj|ok|okej|ano|dobre|super|udelano|hotove)\b\W+(?=\w)")


def _next_screen_after_done(turn: Turn) -> bool:
    """ "Mám, chce to mail a heslo": the step done, and the next step's screen described (one
    word of it is enough right after the step)."""
    done = DONE_FIRST.match(turn.frame.folded)
    if not (turn.walkthrough_active and done) or turn.frame.symptom or turn.frame.ports:
        return False
    # (the fields the screen asks for are named, not asked: "…, a port nevadí?" is a question)
    if set(turn.frame.asks) - {"password", "username"} or "?" in turn.frame.text:
        return False
    # ("chce to mail a heslo": the address field, here where no app is named)
    rest = re.sub(r"\bmail(u|em)?\b", "email", turn.frame.folded[done.end() :])
    position = screens.where(rest, turn.device, after=turn.step)
    return position is not None and position.step == turn.step + 1


def next_screen(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    return Walkthrough(dispatcher, turn).go_to(turn.step + 1)


def outgoing_password_where(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The new password at the outgoing server too, and where that server's log-in is."""
    dispatcher.utter_message(response="utter_password_changed_outgoing")
    dispatcher.utter_message(response="utter_where_password")
    return ask_if_it_helped(dispatcher) + [SlotSet("last_topic", "password")]


def password_one_side(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The new password everywhere the mailbox logs in; then "did it help?"."""
    dispatcher.utter_message(response="utter_password_both_sides")
    return ask_if_it_helped(dispatcher) + [SlotSet("last_topic", "password")]


def _asked_after_success(turn: Turn) -> List[str]:
    """What a report of success asks beside it: whether the ticket comes again, whether the
    password must be changed."""
    folded = turn.frame.folded
    asked = ["ticket"] if lexicon.says("ticket_again", folded) else []
    if re.search(r"\bhesl\w*", folded) and re.search(r"\b(z?men\w*|obnov\w*)", folded):
        asked.append("password")
    return asked


def _ticket_explained(turn: Turn) -> bool:
    """The Open SMTP ticket was explained earlier in this conversation."""
    return "utter_open_smtp_explained" in said_before(turn.tracker)


def _works_then_device(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The fix worked here; the next device named: "yes" when asked whether it needs it too,
    what else the message asks, that device's fix."""
    if _each_device_asked(turn):
        utter_other_devices(dispatcher, turn.frame.folded)
    return _answer_after_success(dispatcher, turn) + troubleshoot(
        dispatcher, turn, "smtp_fix_again"
    )


def _answer_after_success(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    for asked in _asked_after_success(turn):
        if asked == "ticket":
            dispatcher.utter_message(response="utter_ticket_again")
        else:  # spam or misuse said in this conversation: yes; else where it is changed
            spam = "utter_change_password_spam" in said_before(turn.tracker)
            if (
                _ticket_explained(turn)
                and not spam
                and lexicon.says("must_change_password", turn.frame.folded)
            ):
                # "zkušební mail odešel. musíme měnit heslo?" after the ticket: no
                dispatcher.utter_message(response="utter_open_smtp_password")
                continue
            answers.utter_password_change(
                dispatcher, "utter_change_password_spam" if spam else "utter_change_password"
            )
    return []


def _device_switch(turn: Turn) -> bool:
    """ "Pardon, je to Samsung, ne iPhone" in the walkthrough: that device's steps ("Lumia
    už nefunguje, mám nový iPhone": the failure is the old device's, no problem to solve)."""
    frame = turn.frame
    return (
        turn.walkthrough_active
        and turn.device_changed
        and not (frame.asks or frame.ports or frame.open_smtp)
        and not (frame.symptom and not _only_old_device_fails(turn))
    )


def _only_old_device_fails(turn: Turn) -> bool:
    """Every clause that says something fails names the device known before."""
    old = turn.tracker.get_slot("device")
    if old not in knowledge.guides():
        return False
    clauses = re.split(r"[,.;!?]|\b(?:ale|a|mam)\b", turn.frame.folded)
    failing = [clause for clause in clauses if phrases.FAILS.search(clause)]
    return bool(failing) and all(knowledge.guide(old).aliases.search(c) for c in failing)


def _device_restated(turn: Turn) -> bool:
    """ "Pardon, je to Honor, ale taky Android" in the walkthrough: the device known, restated."""
    frame = turn.frame
    return bool(
        turn.walkthrough_active
        and frame.device
        and frame.device == turn.tracker.get_slot("device")
        and devices.CORRECTION.search(frame.folded)
        and not (frame.asks or frame.ports or frame.symptom or frame.open_smtp)
    )


def device_restated(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The same guide goes on: said so, with the step the customer stands at (unless the whole
    guide was just shown)."""
    dispatcher.utter_message(
        response="utter_device_same", device_name=knowledge.guide(turn.device).name
    )
    if whole_guide_shown_last(turn.tracker):
        return []
    return Walkthrough(dispatcher, turn).go_to(turn.step, together=False)


def device_switch(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    reached = step_reached(turn.tracker, turn.device or "")
    if reached and phrases.RESUME_WORDS.search(turn.frame.folded):
        # "dobře, teď zpátky k Lumii": its guide where they left it
        dispatcher.utter_message(response="utter_device_back")
        return Walkthrough(dispatcher, turn).go_to(reached, together=False)
    dispatcher.utter_message(response="utter_device_switched")
    stepping = not whole_guide_shown_last(turn.tracker)  # the new device's steps go the same way
    return start(Walkthrough(dispatcher, turn), dispatcher, turn, stepping=stepping)


def _gives_address(turn: Turn) -> bool:
    """An address for the profile: asked for, or offered on an Apple device and given alone."""
    frame = turn.frame
    offered = bool(turn.device) and knowledge.guide(turn.device).profile
    if turn.pending == Pending.CALLBACK_EMAIL:
        return False  # "napište mi na petr@…": the colleagues' contact, asked for
    return "@" in frame.text and (
        turn.pending == Pending.PROFILE_ADDRESS or (offered and len(frame.text.split()) <= 5)
    )


VALUE_ASKED = re.compile(
    r"\b(co (tam |do nej |do toho )?(napisu|napisem|napsat|dam|dat|zadam|zadat|vyplnim|vyplnit|patri)"
    r"|jak\w* (server|adres|hodnot)\w*)"
    r"|\bco tam\W*$"  # "kde se zadává server a co tam?"
    r"|\bjak\w* (by )?(tam |to )?(ma|mam|musi|mel\w*|by mel\w*) (byt|bejt|dat|zadat)\b"  # "…jaký tam má být?"
)


def where_setting(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """Where the outgoing server's authentication, or the ports and SSL, are in the device."""
    folded = turn.frame.asked or turn.frame.folded  # ("vyplnila jsem port. kde je…?": the where)
    guide = knowledge.guides().get(turn.device or "")
    if "keep_on_server" in turn.frame.asks and guide and guide.keep_copy:
        # "kde v Outlooku najdu to ponechání zpráv na serveru?": that box's place
        dispatcher.utter_message(response="utter_keep_copy_where", place=guide.keep_copy)
        return []
    if (
        turn.topic
        != answers.AUTH_AFTER_ADDING  # ("Soubor → Nastavení účtu → a dál?": to the log-in)
        and lexicon.says("account_settings_named", folded)
        and not (lexicon.says("port_words", folded) or lexicon.says("login_words", folded))
        and not lexicon.says("outgoing_named", folded)
    ):  # "jak se dostanu k nastavení serveru?": the account's settings, where they are
        dispatcher.utter_message(response="utter_where_account")
        if "server" in turn.frame.asks and VALUE_ASKED.search(turn.frame.folded):
            # "kam zadám server příchozí pošty a co tam napíšu?": the value too
            return answers.answer_server(dispatcher, turn.frame.protocol, with_port=True)
        return []
    # the outgoing server's settings: its log-in ("porty mám, kde je to ověření?" too)
    if turn.frame.asks == ["smtp_auth"] or not lexicon.says("port_words", folded):
        while_adding = answers.answer_auth_while_adding(dispatcher, turn)
        if while_adding is not None:
            return while_adding
        return troubleshoot(dispatcher, turn, "smtp_fix_again")
    dispatcher.utter_message(response="utter_where_ssl_port")
    if "outgoing_login" in turn.frame.asks:
        # ("…jméno a heslo volitelné, mám to vyplnit? a kam dám port?": that answer too)
        answers.answer_topic(dispatcher, turn, "outgoing_login")
    named = turn.frame.named_protocols
    if "port" in turn.frame.asks and (asked := named or asked_protocols(turn)):
        # "kde změním port? a jaký pro POP3 se SSL?", "…u příchozího a jaký tam dám port": it too
        return ports.answer_port(dispatcher, turn, asked)
    if "port" in turn.frame.asks and VALUE_ASKED.search(turn.frame.folded):
        return ports.answer_port_table(dispatcher)  # "kde se nastavuje port a jaký tam má být?"
    return [SlotSet("protocol", named[0])] if named else []  # "a jaký port k tomu?" follows


def _profile_in_talk(turn: Turn) -> bool:
    """The profile was just given or offered (its address asked)."""
    return turn.topic == "profile" or turn.pending == Pending.PROFILE_ADDRESS


def _about_profile(turn: Turn) -> bool:
    """The profile in talk, or this message names it."""
    return _profile_in_talk(turn) or bool(PROFILE_WORD.search(turn.frame.folded))


def _apple_wish(turn: Turn) -> bool:
    """Something automatic wished on a device with a profile, the file for a domain not named."""
    return (
        turn.device in knowledge.guides()
        and knowledge.guide(turn.device).profile
        and not EXPLICIT_AUTOCONFIG.search(turn.frame.folded)
    )


def _each_device_asked(turn: Turn) -> bool:
    """ "Musím to udělat na všech třech počítačích zvlášť?" beside a fix, or in a program that
    reads no autoconfig file: a question of doing it on each one, not a wish for the file."""
    device = turn.frame.device or turn.device
    no_autoconfig = device in knowledge.guides() and not knowledge.guide(device).autoconfig
    beside_a_fix = bool(turn.frame.ports or turn.frame.symptom or turn.frame.open_smtp)
    return (
        bool(EACH_DEVICE.search(turn.frame.folded) or OTHER_DEVICES_TOO.search(turn.frame.folded))
        # ("…uvidím je pořád i v mobilu?": the mail seen there, no setting done there)
        and not re.search(r"\b(uvid\w*|vidim|videt|zobraz\w*|ukaz\w*)\b", turn.frame.folded)
        and (no_autoconfig or beside_a_fix or turn.topic == "smtp_auth" or _after_smtp_fix(turn))
        and not EXPLICIT_AUTOCONFIG.search(turn.frame.folded)
    )


# "na všech třech počítačích zvlášť?", "každý zvlášť?", "na každém počítači znovu?"
EACH_DEVICE = re.compile(
    r"\b(vsech|vsem|kazd\w*|ostatn\w*|dalsi\w*(?! volb)|obou)\b[^.?!]{0,40}\b(zvlast|po jednom|znovu|znova|"
    r"stejne|rucne)\b[^.!]*\?"
)


def each_device_only(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """Yes, on each device: after the SMTP fix, every one that sends through the mailbox."""
    if _after_smtp_fix(turn) or turn.frame.open_smtp or _ticket_explained(turn):
        utter_other_devices(dispatcher, turn.frame.folded)
    else:
        dispatcher.utter_message(response="utter_each_device")
    # ("…už to odeslalo. budeme měnit heslo? a platí to i pro notebooky?": the password too)
    return _answer_after_success(dispatcher, turn) if turn.frame.works else []


# "tak mi aspoň řekněte, co mám změnit", "co mám zatím udělat?": the fix asked for
WHAT_TO_CHANGE = re.compile(
    r"\bco (mam|musim|mame|bych mel\w*) (\w+ )?(zmenit|udelat|nastavit|opravit|prenastavit|zaskrtnout)\b"
    r"|\b(aspon|zatim|mezitim)\b[^.?!]{0,20}\b(reknete|poradte|napiste|rekni|porad)\b"
)


# "mám zkusit 587? a SSL nechat zaškrtnuté, nebo ne?": a port to try, with its SSL choice asked
PORT_TRIED = re.compile(
    r"(\b(mam|muzu|mohu|mame|mal by som|mala by som)\s+(to\s+)?(zkusit|skusit)|\b(zkusim|skusim))"
    r"\s+(to\s+)?(na\s+)?(port\s+)?(?P<port>\d{2,4})\b(?!\s*(a|i|,)\s*\d)[^.!]*\?"
)
SSL_NAMED = re.compile(r"\b(ssl|tls|sifrovan\w*|zabezpec\w*)\b")


def _port_tried(turn: Turn) -> bool:
    """A port of the guide proposed as a question, with SSL named beside it."""
    tried = PORT_TRIED.search(turn.frame.folded)
    return bool(
        tried
        and knowledge.protocol_for_port(int(tried.group("port")))
        and SSL_NAMED.search(turn.frame.folded)
    )


def port_try(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """Yes, that port – with the SSL choice it belongs to (587: SSL off; 465: on)."""
    tried = PORT_TRIED.search(turn.frame.folded)
    assert tried  # the route's condition
    number = int(tried.group("port"))
    owner = knowledge.protocol_for_port(number)
    assert owner
    protocol, security = owner
    values = replies.protocol_values(protocol)
    dispatcher.utter_message(
        response="utter_port_try_ssl" if security == "ssl" else "utter_port_try_plain",
        port=number,
        protocol_label=values["protocol_label"],
        server=values["server"],
    )
    return [SlotSet("protocol", protocol), SlotSet("security", security)]


# "vše vyplněno, dal jsem přihlásit se": the form's own button pressed (a bare "hotovo" to the
# form's question is no answer to it)
FORM_SENT = re.compile(
    r"\b(dal|dala|klikl\w*|kliknul\w*|klepl\w*|klepnul\w*|stisk\w*|zmackl\w*|tukl\w*)( jsem| sem)?"
    r"( na)? (prihlasit se|sign in|ulozit|save)\b"
)
# "ne, odesílání jde v pořádku", "ne, to funguje, jde o příjem": no fault there to begin with
# ("ne, už to jde" is fixed now: no "už", "teď")
NOT_THE_PROBLEM = re.compile(
    r"^\W*(ne|nie|no)\b[\s,!.]+((?!uz\b|ted\b|konecne\b|uy\b)\w+\s+){0,2}"
    r"(jde|ide|funguje|fungovalo|slo)\b(?!.*\b(uz|ted|konecne)\b)"
)
# "přišel. To je všechno?", "a víc nemusím dělat?": asked whether it is done
ALL_DONE_ASKED = re.compile(
    r"\b(to je|je to|tim je to|to bylo) (\w+ )?(vse|vsechno|vsecko|cele|hotovo)\b[^.!]*\?"
    r"|\b(uz )?(nic )?(vic|dalsiho|jineho) (uz )?(nemusim|nemusime|musim|musime)\b[^.!]*\?"
)


def that_is_all(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """ "Funguje. To je všechno?": yes, first (the success answer follows)."""
    if turn.frame.works and ALL_DONE_ASKED.search(turn.frame.folded):
        dispatcher.utter_message(response="utter_that_is_all")
    return []


def explain_ticket(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The Open SMTP ticket: what it means and the fix in the customer's device."""
    return troubleshoot(dispatcher, turn, "open_smtp_ticket")


def _fault_told_before(turn: Turn) -> Optional[Frame]:
    """The last earlier message that told a fault: a symptom, the ticket, mail not working."""
    users = [event for event in turn.tracker.events if event.get("event") == "user"][:-1]
    for event in reversed(users):
        message = {**(event.get("parse_data") or {}), "text": event.get("text") or ""}
        earlier = read(message, turn.device)
        if earlier.open_smtp or phrases.OPEN_SMTP_NAMED.search(earlier.folded):
            earlier.open_smtp = earlier.open_smtp or "named"
            return earlier
        if earlier.symptom or earlier.works is False:
            return earlier
    return None


def _try_while_waiting(turn: Turn) -> bool:
    """A person asked for with a fault told, and now what to change or try meanwhile ("tak mi
    aspoň řekněte, co mám změnit", "co zatím můžu zkusit sám?")."""
    frame = turn.frame
    return (
        (bool(WHAT_TO_CHANGE.search(frame.folded)) or lexicon.says("meanwhile_try", frame.folded))
        and not (frame.asks or frame.symptom or frame.ports or frame.open_smtp)
        and handed_off(turn)
    )


def fault_while_waiting(dispatcher: CollectingDispatcher, turn: Turn) -> Optional[Events]:
    """The fault told before the handoff, answered while the colleagues get to it (None: no
    fault was told and nothing asked to try – the route does not apply)."""
    earlier = _fault_told_before(turn)
    if earlier is None and not lexicon.says("meanwhile_try", turn.frame.folded):
        return None
    position = turn.frame.position
    if position and position.at_notice and turn.device in knowledge.guides():
        # "…co s tím hlášením, že nemůže najít nastavení? tlačítka zkusit znovu a další volby":
        # the guide's notice, and its way on
        return enter_at(dispatcher, turn, position)
    if earlier and earlier.open_smtp:
        return explain_ticket(dispatcher, turn)
    if earlier and earlier.symptom:
        return answer_problem(dispatcher, replace(turn, frame=earlier))
    # ("nejde mi pošta", or no fault told at all: what to check in the account)
    dispatcher.utter_message(response="utter_meanwhile_checks", **response_values())
    return []


# "musím to udělat i na tom druhém počítači?", "a na mobilech taky?": the same on the others
OTHER_DEVICES_TOO = re.compile(
    r"\b(i|taky|take|tez|aj)\s+(na|v|ve|u)\s+(tom\s+|tech\s+|tem\s+)?"
    r"(druh\w*|ostatn\w*|dalsi\w*|jin\w*|vsech|obou|zbyl\w*|mobil\w*|telefon\w*)\b[^.!]*\?"
    r"|\b(na|v|ve)\s+(tom\s+|tech\s+)?(druh\w*|ostatn\w*|dalsi\w*|mobil\w*|telefon\w*)\b[^.!]{0,20}"
    r"\b(i|taky|take|tez|aj)\b\W*\?"
    # "kolegyně má stejnou schránku na notebooku, musím to udělat i tam?", "…zaškrtnout i u ní?"
    r"|\b(udelat|nastavit|zaskrtnout|zaskrtat|zapnout|zmenit|opravit|prepsat)\b (\w+ )?(i|taky) "
    r"(tam|u ni|u nej|u nich|u (kolegyn|koleg|manzel|syn|dcer|sef|ostatn)\w*)\b[^.!]*\?"
    # "a na jakých zařízeních to musím změnit?"
    r"|\b(na|v|ve) (jakych|kterych) (zarizen\w*|pocitac\w*|telefon\w*|mobil\w*)\b[^.!]*\?"
    # "…Outlook na dvou počítačích, týká se to i jich?"
    r"|\b(tyka|tykaji|plati|vztahuje)( se| sa)?( to)? (i|taky|take|tez|aj)\b[^.!]*\?"
)
# "a jak to (v tom Gmailu) přidám?": the way to add the account, asked in the walkthrough
HOW_TO_ADD = re.compile(r"\bjak\b[^.?!]{0,25}\b(pridam|pridat|pridava|nastavim|zalozim)\b")
# Another machine of the customer's named, then asked about with "too": "na notebooku mám
# starší Thunderbird…, tam to bude chtít taky?", "na tom druhém notebooku musím zadat heslo taky?"
OTHER_MACHINE_TOO = re.compile(
    r"\b(na|v|ve) (tom |tem |druh\w* |jin\w* |dalsi\w* |starsi\w* )*(notebook\w*|pocitac\w*|pc"
    r"|telefon\w*|mobil\w*|tablet\w*|ipad\w*|iphon\w*|mac\w*)\b[^?]{0,80}"
    r"\b(taky|take|tez|i tam|i na nem|i tady)\b[^.!]{0,10}\?"
)
EXPLICIT_AUTOCONFIG = re.compile(r"autoconfig|autokonfigur|config-?v1|well-known|thunderbird|domen")


def _autoconfig_meant(turn: Turn) -> bool:
    """The autoconfig file just given or asked for, or named in this message."""
    return _about_autoconfig(turn) or lexicon.says("autoconfig", turn.frame.folded)


AUTOCONFIG_QUESTIONS = (
    ("utter_autoconfig_subdomain", re.compile(r"\bautoconfig\.[a-z0-9-]+\.")),
    (
        "utter_autoconfig_all_mailboxes",
        re.compile(r"\b(vsechn\w*|kazd\w*|ostatn\w*|cel\w* domen\w*)\b"),
    ),
    (
        "utter_autoconfig_still_types",
        re.compile(r"\b(vyplnov|vyplnit|zadavat|zadat|psat|napsat|vypisov|nastavov)\w*"),
    ),
    # "budou v tom souboru porty 993 a 465?": what the file holds (mailconfig/autoconfig.py)
    ("utter_autoconfig_holds", re.compile(r"\b(port\w*|server\w*|ssl)\b")),
)


def answer_autoconfig_yes_no(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    response = autoconfig_yes_no(turn)
    if response == "utter_autoconfig_holds":
        # yes when every port named is one the file holds (the SSL ports), else no
        held = {knowledge.port(p, "ssl") for p in knowledge.protocols()}
        lead = "Ne" if set(turn.frame.ports) - held else "Ano"
        dispatcher.utter_message(response=response, lead=lead, **symptoms.fix_values())
    else:
        dispatcher.utter_message(response=response)
    return [SlotSet("last_topic", "autoconfig")]


def what_needed(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """What to have at hand; with the device known, its steps follow."""
    dispatcher.utter_message(response="utter_what_needed")
    return (
        start_walkthrough(dispatcher, turn) if turn.device and not turn.walkthrough_active else []
    )


def autoconfig_yes_no(turn: Turn) -> Optional[str]:
    """The response to a yes/no question about the autoconfig file, or None."""
    return next(
        (name for name, asked in AUTOCONFIG_QUESTIONS if asked.search(turn.frame.folded)), None
    )


def _about_autoconfig(turn: Turn) -> bool:
    """The autoconfig file was just given, or its domain asked for."""
    return turn.topic == "autoconfig" or turn.pending == Pending.AUTOCONFIG_DOMAIN


def ask_which_device(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    dispatcher.utter_message(response="utter_ask_which_phone", buttons=device_buttons())
    return [SlotSet("pending_question", Pending.DEVICE.value)]


def _gives_domain(turn: Turn) -> bool:
    text = turn.frame.text
    short = 0 < len(text.split()) <= 3
    return turn.pending == Pending.AUTOCONFIG_DOMAIN and bool(
        ADDRESS_LIKE.search(text) or DOMAIN_LIKE.search(text) or short
    )


def _other_device(turn: Turn) -> bool:
    """ "Mám BlackBerry, jak tam nastavím poštu?": no guide, the settings that hold anywhere."""
    frame = turn.frame
    return (
        not turn.walkthrough_active
        and not frame.device
        and not devices.named(frame.folded)  # a device we have a guide for, named in passing
        and turn.pending != Pending.SMTP_FIX  # "i v Outlooku?": every device that sends
        and lexicon.says("other_device", frame.folded)
        and not lexicon.says("windows_phone", frame.folded)  # "v Outlooku jde, a do Lumie?"
        and not lexicon.says("glad_it_works", frame.reported)  # "Thunderbird už jede, můžu zavřít?"
        and _asks_setup(turn)
    )


def enter_walkthrough(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    position = turn.frame.position
    assert position is not None
    if (
        not (turn.device or turn.frame.device)
        and not (position.by_label or position.at_notice or _asks_what_to_fill(turn))
        and _another_guide_has_it(turn.frame.folded)
    ):
        if _lists_form_fields(turn.frame.folded):  # a form's fields: the same values everywhere
            return answers.answer_settings(dispatcher, turn.protocol)
        # "v seznamu poskytovatelů jsem dal Jiný, co dál?" with no device said: no label of the
        # seed's Windows Phone, another device's – which device, before any step of a guide
        return ask_device(dispatcher)
    return enter_at(dispatcher, turn, position)


def _another_guide_has_it(folded: str) -> bool:
    """A label the message names is on a screen of a guide other than the seed's."""
    seed = knowledge.load()["default_guide"]
    return any(
        (position := screens.where(folded, device)) is not None and position.by_label
        for device in knowledge.guides()
        if device != seed
    )


def resume_or_start(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """ "Pojďme zase na ten postup": the step they were at (step 1 when none was shown)."""
    if turn.walkthrough_started:
        return walkthrough_turn("resume_walkthrough", dispatcher, turn) + [
            {"event": "slot", "name": "walkthrough_active", "value": True}
        ]
    return start_walkthrough(dispatcher, turn)


def break_in(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """A new password at once (the provider's steps for a mailbox sending spam), and
    colleagues offered."""
    answers.utter_password_change(dispatcher, "utter_break_in")
    return [SlotSet("pending_question", Pending.HANDOFF_OFFER.value)]


def compromised(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    answers.utter_password_change(dispatcher, "utter_compromised")
    return []


def spoofed_spam(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """A forged sender explained; the password changed anyway when they fear it was taken."""
    dispatcher.utter_message(response="utter_spoofed_spam")
    if lexicon.says("compromised", turn.frame.folded) or re.search(r"\bhesl", turn.frame.folded):
        return compromised(dispatcher, turn)
    return []


def _spam_beside(turn: Turn) -> bool:
    """ "…a od nás prý chodí divné maily s odkazy, to souvisí?" beside another matter after the
    Open SMTP fix: the mailbox password is changed too (said once; the ticket's own answer
    says it when the ticket is in the same message)."""
    frame = turn.frame
    return (
        (frame.spam or lexicon.says("compromised", frame.folded))
        and not _compromise_beside(turn)
        and not frame.open_smtp
        and (_after_smtp_fix(turn) or turn.topic == "open_smtp")
        and not COMPROMISE_ANSWERS & said_before(turn.tracker)
    )


COMPROMISE_ANSWERS = {"utter_change_password_spam", "utter_compromised", "utter_compromised_ticket"}


def _compromise_beside(turn: Turn) -> bool:
    """Whether someone got in, asked in a message that says or asks more, or on the way of the
    outgoing server's fix (the ticket's own message answers it with the ticket)."""
    frame = turn.frame
    return (
        "?" in frame.text
        and lexicon.says("compromised", frame.folded)
        and not frame.open_smtp
        and bool(
            # (the answer itself tells how to change the password: "mám ho změnit?" beside)
            set(frame.asks) - {"smtp_auth", "password"}
            or frame.symptom
            or frame.device
            or _after_smtp_fix(turn)
            or turn.topic == "open_smtp"
        )
    )


def spam_beside(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    # ("…a byli jsme napadeni?" asked: that it cannot be told from here, a new password)
    asked = "?" in turn.frame.text and lexicon.says("compromised", turn.frame.folded)
    answers.utter_password_change(
        dispatcher, "utter_compromised" if asked else "utter_change_password_spam"
    )
    return []


def pop_before_smtp(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    utter_without_auth(dispatcher, turn.frame.folded)
    # "…zaškrtnuté SMTP after POP, port 25": the port checked too
    checked = ports.check_ports(dispatcher, turn) if turn.frame.ports and turn.frame.checks else []
    folded = turn.frame.folded
    if not re.search(r"\bsmtp.?auth", folded):
        return checked + troubleshoot(dispatcher, turn, "smtp_fix_again")
    # "metoda ověření: Žádná, POP před SMTP, SMTP-AUTH… a pod tím SSL/TLS: Žádné, SSL, TLS a
    # ověřit certifikát": at the menu already – its SSL choice and the certificate box, no way
    # there
    if lexicon.says("ssl_advice", folded) or re.search(r"\b(ssl ?/ ?tls|starttls)\b", folded):
        checked += answers.answer_ssl_advice(dispatcher, turn)
    if re.search(r"\b(over\w*|verify)\b[^.?!]{0,15}\bcertifik", folded):
        dispatcher.utter_message(
            response="utter_verify_certificate", server=knowledge.server("outgoing")
        )
    dispatcher.utter_message(response="utter_ask_fix_helped")
    return checked + [SlotSet("pending_question", Pending.SMTP_FIX.value)]


def without_auth(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    utter_without_auth(dispatcher, turn.frame.folded)
    if lexicon.says("other_senders", turn.frame.folded):  # "…na té tiskárně": there too
        utter_other_devices(dispatcher, turn.frame.folded)
    return [SlotSet("pending_question", Pending.SMTP_FIX.value)]  # "Pomohlo to?" stays open


def sending_device_settings(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    dispatcher.utter_message(
        response="utter_sending_device_settings", **replies.settings_values("smtp")
    )
    if lexicon.says("pop_before_smtp", turn.frame.folded):  # "…/ POP před SMTP. Co vybrat?"
        utter_without_auth(dispatcher, turn.frame.folded)
    if lexicon.says("device_sender", turn.frame.folded):  # "…pole E-mailová adresa zařízení?"
        dispatcher.utter_message(response="utter_sending_device_sender")
    return [SlotSet("protocol", "smtp"), SlotSet("last_topic", "smtp_auth")]


def boxes_ticked(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The outgoing log-in's boxes ticked: at the device's account form (its values just
    given) the form's own button next ("přihlásit se"), else save and send a test message."""
    form = knowledge.step_number(knowledge.FORM_STEP_ID, turn.device) if turn.device else None
    after = knowledge.steps(turn.device)[form - 1].after_filling if form else None
    if after and turn.step == form:
        dispatcher.utter_message(response="utter_boxes_ticked_form", after_filling=after)
    else:
        dispatcher.utter_message(response="utter_boxes_ticked")
    return []


# "můžu to tam dát, nebo mi to něco rozbije?": breaking, not losing, asked
BREAKS = re.compile(r"\b(ne)?(rozbij|pokaz|nabour|zkaz)\w*")


def adding_keeps_mail(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    lead = "Nic se nerozbije" if BREAKS.search(turn.frame.folded) else "Nepřijdete"
    dispatcher.utter_message(response="utter_adding_keeps_mail", lead=lead)
    return []


def _taps_the_link(turn: Turn) -> bool:
    """ "Mám na iPadu klepnout na odkaz?" after the profile's link."""
    asked = screens.tap_target(turn.frame.folded)
    return bool(turn.topic == "profile" and asked and re.search(r"odkaz|link|qr|profil", asked))


def profile_help(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """Installing the profile and removing it; asked only how to remove it, that part; told
    it is downloaded, the installation alone."""
    tapped = _taps_the_link(turn)
    downloaded = _profile_in_talk(turn) and lexicon.says("profile_downloaded", turn.frame.folded)
    if tapped or downloaded:
        if tapped:
            dispatcher.utter_message(response="utter_yes_tap")
        dispatcher.utter_message(response=profile_response("utter_profile_help", turn.device))
        return [SlotSet("last_topic", "profile")]
    if not lexicon.says("removal", turn.frame.folded):
        dispatcher.utter_message(response=profile_response("utter_profile_help", turn.device))
    dispatcher.utter_message(response="utter_profile_remove")
    return [SlotSet("last_topic", "profile")]


def auto_setup(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    if knowledge.guide(turn.device).profile:
        dispatcher.utter_message(response="utter_profile_yes")
        return answer_profile(dispatcher, turn)
    return answer_autoconfig(dispatcher, turn)


def _where_back(turn: Turn) -> bool:
    """ "A kde to v iPhonu přepnu?", "kde to tam opravím?" after an answer: where the thing just
    talked about is, in the device (named now or before) – not a new setup."""
    frame = turn.frame
    context = turn.pending in (Pending.SMTP_FIX, Pending.SYMPTOM_FIX) or turn.topic
    return bool(
        context
        and (frame.asks_how or lexicon.says("what_to_switch", frame.folded))
        and not turn.walkthrough_active
        and len(frame.text.split()) <= 10
        and lexicon.says("refers_back", frame.folded)
        and not (set(frame.asks) - {"settings", "smtp_auth"} - _chosen_between(frame.folded))
        and not (frame.ports or frame.symptom)
        and not lexicon.says("check_password_self", frame.folded)  # (the webmail's sign-in)
        # "a jak to přepnu na IMAP?" asks for the switch
        and not (frame.protocols and not _chosen_between(frame.folded))
    )


def _chosen_between(folded: str) -> set:
    """ "u příchozího, nebo odchozího serveru?" chooses a direction, it asks for no server."""
    return {"server"} if DIRECTION_CHOICE.search(folded) else set()


def _keep_copy_place(dispatcher: CollectingDispatcher, turn: Turn) -> bool:
    """ "A kde se to v Outlooku zapíná?" after the copy kept on the server: that option's
    place in the program (said; False: no such place known)."""
    guide = knowledge.guides().get(turn.device or "")
    if not (guide and guide.keep_copy and "utter_keep_on_server" in last_responses(turn.tracker)):
        return False
    dispatcher.utter_message(response="utter_keep_copy_where", place=guide.keep_copy)
    return True


def where_in_device(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The account's settings in the device ("kde to zkontroluju?" after a fix)."""
    if not _keep_copy_place(dispatcher, turn):
        dispatcher.utter_message(response="utter_where_account")
    return []


def where_back(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    folded = turn.frame.folded
    # "heslo ke schránce… kde ho najdu?": the mailbox's; "tak kde ho změním?" after it, too
    about_password = "utter_mailbox_password" in last_responses(turn.tracker)
    if re.search(r"\bhesl", folded) or (about_password and re.search(r"\b(zmen|men[ie])", folded)):
        answers.utter_password_change(dispatcher, "utter_mailbox_password")
        return []
    if _keep_copy_place(dispatcher, turn):
        return []
    if last_symptom(turn.topic) == "login_failed":
        # "tak jak to mám opravit?" after a failed log-in: where the user name and password are
        dispatcher.utter_message(response="utter_where_password")
        return []
    if turn.topic == "switch_account" and turn.device in knowledge.guides():
        # "a kde v telefonu to přepnu?" after "the account is added again": where to add it
        dispatcher.utter_message(response="utter_where_add_account")
        return [SlotSet("pending_question", Pending.WALKTHROUGH_OFFER.value)]
    # a box to tick after a sending fault ("kde se tohle zaškrtává?"): the log-in, not a port
    switch = lexicon.says("what_to_switch", folded) and not (
        turn.topic in ("port", "settings", "term") or turn.security
    )
    if following_fix(turn) or "smtp_auth" in turn.frame.asks or switch:
        return troubleshoot(dispatcher, turn, "smtp_fix_again")
    if turn.topic in ("port", "settings", "term") or turn.security:
        dispatcher.utter_message(response="utter_where_ssl_port")
        return []
    dispatcher.utter_message(response="utter_where_account")
    return []


def port_in_host(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The server's name alone in its field, the port apart; the port typed checked. With no
    field for the port ("port nikde, mám psát …:993?") the program picks it itself."""
    server = knowledge.server("incoming")
    if lexicon.says("port_not_entered", turn.frame.folded):
        dispatcher.utter_message(response="utter_port_not_in_host_no_field", server=server)
        dispatcher.utter_message(response="utter_port_not_entered", **symptoms.fix_values())
    else:
        dispatcher.utter_message(response="utter_port_not_in_host", server=server)
    events = ports.check_named_ports(dispatcher, turn)
    if lexicon.says("auth_off", turn.frame.folded):  # "…:143 se SSL a odchozí bez přihlášení"
        events += answers.answer_topic(dispatcher, turn, "smtp_auth")
    return events


def glad_it_works(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """It works now; the values it works with are checked first ("dal jsem 25 a jede to") – a
    port that is ours and fits goes unsaid ("dal jsem 465, už to jde" needs no "Ano, 465…")."""
    checked = CollectingDispatcher()
    events = ports.check_named_ports(checked, turn)
    # ("port mám 587" is still to check; in English a right port goes unsaid – its verdict is Czech)
    done_as_advised = PORT_SET.search(turn.frame.folded) or turn.frame.language == "en"
    if not done_as_advised or any(m.get("response") not in PORT_RIGHT for m in checked.messages):
        dispatcher.messages.extend(checked.messages)
    else:
        events = []
    dispatcher.utter_message(response=_glad_response(turn))
    return events


# Whether something must be done ("musí se tam zaškrtnout…?", "je to nutné?")
MUST_ASKED = re.compile(
    r"\b(musi|musim|musime|je (to )?(treba|nutne|nutny|potreba|povinne))\b[^.!]*\?"
)
# A port set as advised ("dal jsem 465 a zapnul ověření"), not only told
PORT_SET = re.compile(
    r"\b(dal|dala|dali|nastavil\w*|zmenil\w*|prepsal\w*|zadal\w*|opravil\w*)\b[^.?!]{0,20}\b\d{2,4}\b"
)
# A port's verdict that it is right: nothing to add to a success
PORT_RIGHT = {"utter_port_check_ok", "utter_port_check_ok_part"}


def _sending_untried(turn: Turn) -> bool:
    """ "Složky se načetly, vidím poštu, jen jsem ještě nezkoušel poslat": mail comes in, the
    sending is still to be tried."""
    frame = turn.frame
    if not lexicon.says("sending_untried", frame.folded) or frame.symptom or frame.works is False:
        return False
    before = re.split(r"\b(?:jen|jenom|ale|akorat|zatim|jeste)\b", frame.folded)[0]
    return (
        bool(frame.works)
        or lexicon.says("glad_it_works", before)
        or lexicon.says("receive_works", before)
    )


def try_sending(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    dispatcher.utter_message(response="utter_try_sending")
    return ended()


def _asks_if_all_done(turn: Turn) -> bool:
    """ "Účet je uložený, je to všechno?", "takže je to všechno?", "už to ale funguje, ne?" at
    the end: answered yes."""
    frame = turn.frame
    return (
        lexicon.says("asks_if_all_done", frame.folded)
        and not (frame.asks or frame.symptom or frame.ports or frame.works is False)
        and (
            turn.walkthrough_finished
            or bool(frame.works)
            or lexicon.says("glad_it_works", frame.reported)
        )
    )


def _glad_response(turn: Turn) -> str:
    """ "Účet je uložený, je to všechno?" is answered yes, with the test; otherwise glad."""
    if lexicon.says("continue_asked", turn.frame.folded):
        return "utter_no_more_steps"
    if lexicon.says("asks_if_all_done", turn.frame.folded):
        return "utter_all_done"
    return "utter_en_glad_it_works" if turn.frame.language == "en" else "utter_glad_it_works"


def _password_forgotten(turn: Turn) -> bool:
    """ "A když si ho nepamatuju?" right after the password's answer, or the mailbox password
    said forgotten at any time ("zapomněla jsem heslo ke schránce, iPhone ho chce znovu")."""
    frame = turn.frame
    after_password = (
        (turn.topic == "password" or bool(PASSWORD_ANSWERS & set(last_responses(turn.tracker))))
        and lexicon.says("forgotten", frame.folded)
        and len(frame.text.split()) <= 10
        and not frame.device
        # ("zapomněl jsem zaškrtnout SSL", "neznám ani port": something else forgotten)
        and not (frame.ports or frame.symptom or frame.protocols)
    )
    return (after_password or lexicon.says("password_forgotten", frame.folded)) and not (
        frame.security or set(frame.asks) - {"password"}
    )


def password_forgotten(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    answers.utter_password_change(dispatcher, "utter_change_password")
    return []


def also_other_devices(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    utter_other_devices(dispatcher, turn.frame.folded)
    if turn.device_changed and turn.device in knowledge.guides():
        # "…mám ho i v počítači v Outlooku, tam taky?": and how, in that program
        return troubleshoot(dispatcher, turn, "smtp_fix_again")
    return [SlotSet("pending_question", Pending.SMTP_FIX.value)]  # "Pomohlo to?" stays open


def static_response(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    dispatcher.utter_message(response=STATIC_RESPONSES[turn.intent or ""])
    return []


# --- the table ------------------------------------------------------------------------------


def _asked_beside(frame: Frame) -> Set[str]:
    """The questions a problem's message asks beside it ("odesílání nejde. a kde vůbec najdu
    heslo?" – the password asked while sending fails, not the log-in failing)."""
    asked = set(frame.asks) & FACT_QUESTIONS
    if frame.symptom == "cannot_send" and "password" in frame.asks and "?" in frame.text:
        asked.add("password")
    return asked


def _is_problem(turn: Turn) -> bool:
    frame = turn.frame
    if frame.open_smtp and not frame.error_code:  # "prý rozesílám spam": the ticket, below
        return False
    asked = _asked_beside(frame)
    if (frame.ports and frame.checks and frame.symptom == "cannot_send") or (
        frame.port_claims and frame.symptom and "?" not in frame.text
    ):  # "mám odchozí port 587 a odesílání hlásí chybu", "smtp … port 465 ssl. Test tiskne
        # chybu 1102.": a port to check, told – not asked
        asked -= {"port"}
    return bool(frame.error_code or (frame.symptom and not asked))


def _about_the_bot(turn: Turn) -> bool:
    # The model's guess alone does not make "a vlastně pro odchozí?" a question about the bot.
    frame = turn.frame
    return frame.identity or (
        turn.intent == "ask_bot_identity"
        and not (frame.names_something or frame.adjacent or frame.where_were_we)
        and not frame.symptom  # "…, ale odpovědět nikomu nemůžu": the fault, not the bot
        # "a ten druhý počítač stejně?" after the SMTP fix: another device, not the bot
        and not (turn.pending == Pending.SMTP_FIX and lexicon.says("other_senders", frame.folded))
    )


CREDENTIAL_NOUNS = {"username", "password"}
CREDENTIAL_TOPICS = CREDENTIAL_NOUNS | {"mailbox_password"}  # "a heslo?": one field, answered alone
PASSWORD_ANSWERS = {
    "utter_password",
    "utter_mailbox_password",
    "utter_password_everywhere",
    "utter_password_not_to_us",  # "můžu vám poslat heslo?" – "a když ho nevím?"
}
FIELD_NOUNS = {
    "server",
    "port",
    "port_table",
    "ssl_advice",
    "pop_vs_imap",
}  # a screen's fields, seen


def _asks_beside_screen(turn: Turn) -> bool:
    """A question of its own beside a screen: "jsem na obrazovce s adresou a heslem" names
    the fields, it does not ask about them (no "?")."""
    frame = turn.frame
    asks = set(frame.asks) - (CREDENTIAL_NOUNS if "?" not in frame.text else set())
    # "…, je tam typ zabezpečení a port": the form's fields (its values lead with the incoming
    # server – "u odchozího SMTP je taky port" asks for the outgoing one's)
    seeing = lexicon.says("seeing_marker", frame.folded) and "?" not in frame.text
    if seeing and "smtp" not in frame.protocols:
        return bool(asks - FIELD_NOUNS)
    if seeing and lexicon.says("done_marker", frame.folded):
        # "příchozí i odchozí server prošlo, teď ukazuje možnosti účtu": a report, no question
        return bool(asks - FIELD_NOUNS - {"server"})
    # "mám tam IMAP, hotovo": the account type named is the label tapped, no question
    # ("vybral jsem Osobní (IMAP), co dál?": the label tapped, and what comes after it)
    # ("…nabídlo Mail a Poznámky, dala jsem uložit. je to všechno?": the last screen, whether done)
    tapped = (
        frame.position
        and frame.position.by_label
        and (
            "?" not in frame.text
            or (frame.confirms and lexicon.says("what_next", frame.folded))
            or lexicon.says("asks_if_all_done", frame.folded)
        )
    )
    return bool(asks or (frame.names_something and not tapped))


def _fact_question(turn: Turn) -> bool:
    frame = turn.frame
    # (field names beside a screen ask nothing; "nevím, co dát do jména" asks without a "?")
    listed = "?" not in frame.text and not frame.unsure
    asks = set(frame.asks) - (CREDENTIAL_NOUNS if listed else set())
    return bool(asks or frame.ports or frame.hosts or frame.symptom or frame.open_smtp)


def questions_and_problem(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """ "Odesílání nejde – jaký port pro SMTP?": the port asked, then the problem's fix."""
    return (answer_questions(dispatcher, turn) or []) + answer_problem(dispatcher, turn)


MAIL_DIRECTION = re.compile(r"\b(prichoz|odchoz|prijem|prijim|odesil|odesl|smtp|imap|pop)")


def _adjacent_only(turn: Turn) -> bool:
    """A hosting matter and no mail matter beside it (a story that mentions the web and asks
    for the IMAP port is about IMAP); a certificate of the website is no phone warning."""
    frame = turn.frame
    if _about_autoconfig(turn) and AUTOCONFIG_HOSTING.search(frame.folded):
        return False  # "a kam na webu ten soubor nahraju?": the file just given
    hosting_words = {"server", "port", "port_table"}  # FTP has ports too
    if not MAIL_DIRECTION.search(frame.folded):  # "MX záznamy … na jiný server": no mail server
        hosting_words.add("same_server")
    mail_topics = set(frame.asks) - hosting_words
    mail = bool(
        frame.protocols or mail_topics or frame.open_smtp or frame.error_code or frame.hosts
    ) or lexicon.says("compromised", frame.folded)  # "nezneužívá někdo můj mail?" is the mailbox
    # "v Outlooku chci přidat ještě jednu schránku" is adding it to the program, not creating it
    mail = mail or bool(
        frame.device
        and lexicon.says("start_setup", frame.folded)
        and not lexicon.says("forwarding", frame.folded)  # forwarding is no setup
    )
    # "Outlook hlásí: Název na certifikátu … neodpovídá názvu webu": the program's warning
    # (but "na našem webu mi Safari píše, že certifikát…" is the website's, whatever the device)
    mail = mail or bool(
        frame.device
        and frame.symptom == "certificate"
        and not lexicon.says("website_place", frame.folded)
    )
    # A word shared with a mail symptom ("doména zítra vyprší", "certifikát webu") is no symptom;
    # mail that stopped arriving beside a full mailbox or a DNS change has that cause.
    # ("odesílatelům se vrací zprávy: mailbox quota exceeded": the full mailbox is the cause)
    cause = (
        frame.symptom in ("not_arriving", "cannot_send")
        and lexicon.says("arrival_cause", frame.folded)
        and not (frame.asks or frame.ports or frame.hosts)
    )
    return frame.adjacent and (
        cause or (not mail and frame.symptom in (None, "certificate", "timeout", "cannot_connect"))
    )


# The words of an account form's fields, counted to tell a screen listed from a field asked
FIELD_WORD = re.compile(
    r"\b(uzivatelsk\w* jmen\w*|jmen\w*|e-?mail\w*|adres\w*|hesl\w*|popis\w*|server\w*|port\w*|uzivatel\w*)\b"
)


def _lists_form_fields(folded: str) -> bool:
    """ "…chce Jméno, E-mail, Heslo a Popis": three fields or more named – a screen listed."""
    return len(FIELD_WORD.findall(folded)) >= 3


def _asks_what_to_fill(turn: Turn) -> bool:
    """ "Jsem na obrazovce s políčky, server, typ účtu… co tam napíšu?": that step, whose answer
    is its values."""
    frame, position = turn.frame, turn.frame.position
    return bool(
        position
        and not position.at_notice
        and knowledge.steps(turn.device)[position.step - 1].after_filling
        and lexicon.says("seeing_marker", frame.folded)
        and lexicon.says("what_to_fill", frame.folded)
        and not (frame.ports or frame.hosts or frame.symptom or frame.open_smtp)
        # "typ zabezpečení: žádné, SSL/TLS, STARTTLS – co tam dát?": that one choice;
        # "co se píše do uživatelské jméno?", "chce jméno a heslo, co tam patří?": those fields
        and not {"ssl_advice", "pop_vs_imap"} & set(frame.asks)
        # ("…chce Jméno, E-mail, Heslo a Popis. Co kam?": the screen's fields listed, all of them)
        and not (
            frame.asks
            and set(frame.asks) <= CREDENTIAL_TOPICS
            and not _lists_form_fields(frame.folded)
        )
    )


def _form_described(turn: Turn) -> bool:
    """ "Mail napsal, že nelze ověřit název účtu nebo heslo, a ukázal políčka pro servery, co
    tam?": the account form, whatever notice came before it (the Mac shows one on the way)."""
    frame = turn.frame
    return bool(
        not turn.walkthrough_active
        and lexicon.says("form_fields_seen", frame.folded)
        and lexicon.says("what_to_fill", frame.folded)
        and frame.symptom in (None, "login_failed")
        and not (frame.ports or frame.hosts or frame.open_smtp or frame.works is False)
        # ("název účtu a vaše jméno, co tam? a typ účtu?": those fields alone, answered)
        and not (frame.fields and not set(frame.asks) - {"field", "pop_vs_imap"})
    )


def form_described(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    if turn.device not in knowledge.guides():
        return answers.answer_what_to_fill(dispatcher, turn)
    walk = Walkthrough(dispatcher, turn)
    if not turn.walkthrough_started:
        utter_intro(dispatcher, turn, midway=True)
    walk.choose(turn.frame.protocols, turn.frame.security)
    return walk.go_to(walk.form_step)


WHERE_TO_ADD = re.compile(r"\b(kde|kam)\b[^.?!]{0,25}\b(pridam|pridat|zalozim|zalozit|zadam)\b")
# A ready-made account of a phone's list ("Outlook.com", "Google", "Exchange")
READY_MADE = re.compile(r"\b(outlook\w*|google\w*|exchange\w*|yahoo\w*|icloud\w*|hotmail\w*)\b")
CHOICE_VERB = re.compile(
    r"\b(zvolit|zvolim|vybrat|vyberu|vybirat|ktery|kterou|ktere|vzit|vezmu|zmacknout|kliknout"
    r"|klepnout|stisknout|tuknout)\b"
)


def where_mail(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """Where the mail is now: the last step of the device's guide says; the walkthrough ends."""
    dispatcher.utter_message(response="utter_step_help", help=knowledge.steps(turn.device)[-1].text)
    return ended()


def _choice_at_screen(turn: Turn) -> bool:
    """ "Jsem u výběru typu účtu, co zvolit?" on a screen of the guide whose choices are no
    account types (Windows Phone's list of ready-made accounts): that step's choice, not IMAP
    against POP3."""
    frame, position = turn.frame, turn.frame.position
    if not (position and not position.at_notice and (turn.device or frame.device)):
        return False
    labels = fold(" ".join(knowledge.steps(turn.device)[position.step - 1].labels))
    return (
        lexicon.says("which_to_choose", frame.folded)
        and bool(CHOICE_VERB.search(frame.folded))  # (not "co tam dát?": a value to type)
        and set(frame.asks) <= {"pop_vs_imap"}
        and not protocols_in_text(labels)
        and not (frame.symptom or frame.ports or frame.hosts or frame.open_smtp)
        and not turn.walkthrough_active
        # ("při přidání chce vybrat typ účtu": the account type, where the guide has that choice;
        # "typ účtu, ten první s Outlookem?" names a ready-made account of the list)
        and not (
            re.search(r"\btyp\w* uctu", frame.folded)
            and not READY_MADE.search(frame.folded)
            and any(
                protocols_in_text(fold(" ".join(step.labels)))
                for step in knowledge.steps(turn.device or frame.device)
            )
        )
    )


def _too_much(turn: Turn) -> bool:
    """ "To je na mě moc najednou" while a guide runs (or was just shown whole)."""
    return lexicon.says("too_much", turn.frame.folded) and bool(
        turn.device and (turn.walkthrough_active or whole_guide_shown_last(turn.tracker))
    )


def one_step_at_a_time(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The guide one step per message, from where the customer says they are (else where the
    walkthrough stands)."""
    dispatcher.utter_message(response="utter_one_step_at_a_time")
    position = turn.frame.position
    step = position.step if position and not position.at_notice else turn.step or 1
    return Walkthrough(dispatcher, turn).go_to(step, together=False)


def remove_account(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The account's place in the device (and what stays on the server); asked which device
    when none is known."""
    known = turn.device in knowledge.guides()
    dispatcher.utter_message(
        response="utter_remove_account" if known else "utter_remove_account_which"
    )
    return []


def _weighs_apps(turn: Turn) -> bool:
    """ "Je lepší to dát do Gmailu, nebo do aplikace Samsungu?": which of two apps, asked."""
    frame = turn.frame
    return (
        lexicon.says("app_choice", frame.folded)
        and not (frame.symptom or frame.ports or frame.hosts or frame.open_smtp)
        and len(devices.alternatives(frame.folded)) == 2
    )


def app_choice(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """Both apps take the same values: the one the customer reads mail in, then its guide."""
    weighed = devices.alternatives(turn.frame.folded)
    dispatcher.utter_message(
        response="utter_app_choice",
        buttons=[device_button(knowledge.guide(device)) for device in weighed],
    )
    return []


def _provider_chosen(turn: Turn) -> bool:
    """A big provider chosen in the device's providers' list while the account is added."""
    device = turn.device
    if device not in knowledge.guides():
        return False
    program = knowledge.guide(device).program  # ("klepla jsem na Gmail" in Gmail: its own app)
    folded = program.sub(" ", turn.frame.folded) if program else turn.frame.folded
    return bool(
        knowledge.guide(device).provider_step()
        and lexicon.says("provider_chosen", folded)
        and (turn.walkthrough_started or adding_account(turn) or turn.frame.position)
        and not (turn.frame.ports or turn.frame.hosts)
    )


def provider_chosen(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    dispatcher.utter_message(response="utter_provider_chosen")
    step = knowledge.guide(turn.device).provider_step() or 1
    # the list's own way on: its second action ("…zvolte úplně dole jiný"), or the step
    at_then = knowledge.steps(turn.device)[step - 1].then is not None
    return enter_at(dispatcher, turn, Position(step, at_then=at_then))


# the account being added, told in the message ("dal jsem přidat účet…", "nastavuju nový účet")
ADDING = re.compile(r"\b(prid(at|al\w*|avam\w*|avani)|nov\w* ucet|zaklad\w*|nastavuj\w*)\b")


def _notice_while_adding(turn: Turn) -> bool:
    """A notice of the guide's (log-in not verified, settings not found), met while adding the
    account: the step after it, not a fault of an account that works."""
    frame = turn.frame
    return bool(
        frame.position
        and frame.position.at_notice
        and frame.symptom
        and ADDING.search(frame.folded)
        and not (frame.asks or frame.ports or frame.hosts or frame.open_smtp)
    )


def _enters_walkthrough(turn: Turn) -> bool:
    """A screen named with a word of seeing or having done it, outside a running walkthrough."""
    frame = turn.frame
    if turn.walkthrough_active or not frame.position:
        return False
    if turn.pending == Pending.SMTP_FIX or following_fix(turn):
        return False  # "iPhony jsem prošla, tam to bylo. a Outlook?": the accounts exist
    if lexicon.says("username_short", frame.folded):
        return False  # "jako uživatel je tam jen jméno před zavináčem": a fault, no screen
    if lexicon.says("choice_on_screen", frame.folded) and frame.device and not frame.asks:
        return True  # "v Gmailu mi to nabízí osobní (POP3), osobní (IMAP)…": that screen
    if not frame.device and devices.OWN_APP.search(frame.folded):
        return False  # "mám aplikaci E-mail od Xiaomi": a phone with no guide, not the seed's
    if _asks_what_to_fill(turn):
        return True
    if _notice_while_adding(turn):
        return True  # "přidat účet, jiný…, vyplnil jsem… a píše, že nelze ověřit": that notice
    if _fact_question(turn) or lexicon.says("where_setting", frame.folded):
        return False  # ("jak se dostanu k nastavení serveru u účtu, co už tam mám?": where)
    # ("mám zaškrtlé SSL" is a correction; "chci POP3 a Thunderbird nic nenašel", "účet ještě
    # nemám přidaný, objevily se kolonky Server příchozí pošty…" a setup)
    wish = (lexicon.says("protocol_wish", frame.folded) and not frame.security) or lexicon.says(
        "account_not_added", frame.folded
    )
    # ("jsem v dalších volbách, kde vyberu IMAP?": where on the way, the protocol no question)
    where_to_choose = WHERE_TO_CHOOSE.search(frame.folded)
    if (frame.names_something and not wish and not where_to_choose) or _adjacent_only(turn):
        return False
    if lexicon.says("glad_it_works", frame.reported):  # "dal jsem celou adresu a už to odešlo"
        return False
    if frame.works is False and not frame.position.at_notice:
        return False  # "po aktualizaci Samsungu nechodí pošta, píše něco s heslem": a problem
    if lexicon.says("thanks", frame.folded) and "?" not in frame.text:
        return False  # "poštu na Samsungu už mám, děkuju": thanks
    # ("…skončil jsem tam, kde se zadává adresa a heslo": the fields as the place reached)
    at_fields = lexicon.says("fields_as_place", frame.folded)
    if not (
        frame.position.by_label
        or at_fields
        or lexicon.says("seeing_marker", frame.folded)  # "nastavuju… a vidím jen nabídku…"
        # "jsem v přidat účet, ale nevidím jiný účet": a place a step opens
        or screens.opened_step(frame.folded, turn.device)
    ) and (
        frame.start or lexicon.says("start_setup", frame.folded)
    ):  # "prosím o postup, jsem v tom nová": from the start, a story names no screen
        return False
    folded = frame.folded
    return bool(
        frame.position.at_notice
        or at_fields
        or turn.walkthrough_started
        or turn.pending == Pending.WALKTHROUGH_OFFER
        or lexicon.says("done_marker", folded)
        or lexicon.says("button_done", folded)
        or lexicon.says("seeing_marker", folded)
        or lexicon.says("place_described", folded)  # "jsem u toho, kde si vybírám typ účtu"
        or lexicon.says("stopped_at", folded)  # "včera jsem to přerušila u přidat účet"
        or (frame.needs_help and frame.position.at_then)  # "nevidím naši firmu, jen Google…"
        # "lumia, adresu i heslo mám napsané, co dál?": that screen's fields done, on from there
        or (lexicon.says("filled", folded) and lexicon.says("what_next", folded))
    )


SHORT_REPORT_WORDS = 6


def _short_report_in_walkthrough(turn: Turn) -> bool:
    """A short message in a running walkthrough that nothing else understood, with no question,
    complaint or doubt in it: customers in a walkthrough mostly report the step done."""
    frame = turn.frame
    return (
        turn.walkthrough_active
        and 0 < len(frame.folded.split()) <= SHORT_REPORT_WORDS
        and "?" not in frame.text
        and frame.works is not False
        and not (frame.needs_help or frame.unsure or frame.person or frame.adjacent)
        and turn.intent not in ("deny", "request_human", "out_of_scope")
        and not lexicon.says("negation", frame.folded)
    )


def _nothing_asked(turn: Turn, settings_named: bool = False, values_named: bool = False) -> bool:
    """No question, problem or setting (unless `settings_named`: "zapnul jsem SSL a už to
    jede"; `values_named`: "přepsáno na 465, odeslalo se to") in the message, no walkthrough
    step to confirm."""
    frame = turn.frame
    return not (
        frame.asks
        or (frame.ports and not values_named)
        or (frame.hosts and not values_named)
        or frame.symptom
        or frame.open_smtp
        or (frame.names_something and not settings_named)
        or frame.person
        or frame.works is False
        or "?" in frame.text
        or (turn.walkthrough_active and frame.confirms)
    )


def _accepts_walkthrough(turn: Turn) -> bool:
    """A yes to "Chcete postup nastavení?" ("ano, mám to před sebou")."""
    frame = turn.frame
    return (
        turn.pending == Pending.WALKTHROUGH_OFFER
        and (turn.intent in ("affirm", "start_walkthrough") or frame.confirms or frame.start)
        # ("už to jde, super": it works – no walkthrough wanted any more)
        and not (frame.works and lexicon.says("glad_it_works", frame.reported))
    )


def _works_in_walkthrough(turn: Turn) -> bool:
    """ "Funguje to, díky" in a running walkthrough: the mailbox is set up, whatever the step
    (phones that find the settings themselves skip some)."""
    frame = turn.frame
    return (
        turn.walkthrough_active
        and lexicon.says("glad_it_works", frame.reported)
        # "aha, už to mám" is the step done; "hotovo a funguje, díky" is the end, and so is
        # "udělala jsem to podle Vás a maily chodí" after the whole guide at once
        and (
            not frame.confirms
            or lexicon.says("thanks", frame.folded)
            or whole_guide_shown_last(turn.tracker)
        )
        and not (frame.asks or frame.ports or frame.hosts or frame.symptom or frame.open_smtp)
        and not lexicon.says("more_to_do", frame.folded)  # "…funguje. Jen nevím, kde je…"
        and frame.works is not False
        # ("účet je uložený, je to všechno?": the end asked about, no other question)
        and ("?" not in frame.text or lexicon.says("asks_if_all_done", frame.folded))
    )


def ended() -> Events:
    """The conversation's matter is over: no walkthrough runs on, no question stays open."""
    return [SlotSet("walkthrough_active", False), SlotSet("pending_question", None)]


def profile_installed(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The profile set the account up: the manual steps are over."""
    dispatcher.utter_message(response="utter_profile_installed")
    return ended()


def walkthrough_works(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    dispatcher.utter_message(response=_glad_response(turn))
    return ended()


def closing(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    thanks = lexicon.says("thanks", turn.frame.folded)
    if turn.frame.language == "en":  # "never mind, I'll find it myself. bye"
        dispatcher.utter_message(response="utter_en_thanks" if thanks else "utter_en_goodbye")
    else:
        dispatcher.utter_message(response="utter_thanks" if thanks else "utter_goodbye")
    return ended()


# What the account form asks: a question about one of them, at the form, gets all its values.
FORM_FIELDS = {"server", "settings", "port", "username", "whole_address", "password"}


def _asks_form_values(turn: Turn) -> bool:
    """At the account form (the current step, or the screen the customer describes), "a dole je
    ještě server odchozí pošty, co tam napíšu?", "teď to chce odchozí server": its values, all of
    them (server, port, SSL, user name, password, log-in), as an agent fills in a whole form."""
    frame = turn.frame
    if not turn.device or frame.symptom or frame.open_smtp or frame.ports or frame.hosts:
        return False
    if "smtp_auth" in frame.asks and MUST_ASKED.search(frame.folded):
        return False  # "a musí se tam zaškrtnout, že server vyžaduje ověření?": yes, first
    form_step = knowledge.form_step(turn.device)
    # "příchozí mám, co dám na další obrazovce u odchozího?" (after a port question, "a
    # odchozí?" asks that port)
    past_form = bool(frame.position and frame.position.step > form_step)
    if turn.walkthrough_active and turn.step == form_step and _outgoing_next(frame):
        # ("příjem i odchozí prošlo, teď ukazuje možnosti účtu": past the form, not asking)
        return turn.topic not in ("port", "server") and not past_form
    if frame.unsure or frame.start or turn.intent in NAVIGATION or following_fix(turn):
        return False  # (on the way of the SMTP fix the account exists: its outgoing values)
    if last_symptom(turn.topic) and not turn.walkthrough_active:
        return False  # ("…v Nastavení serveru je jméno info" after a log-in fault: that account)
    if _asks_button_after_filling(frame.folded):
        return False  # "políčka se servery mám vyplněná, na co kliknout?": the button
    described = bool(  # "vidím políčka pro servery", "teď to chce odchozí server"
        frame.position
        and not frame.position.at_notice
        and frame.position.step == form_step
        and (
            lexicon.says("seeing_marker", frame.folded)
            or lexicon.says("device_asks", frame.folded)
            or lexicon.says("activity", frame.folded)  # "vyplňuju ten formulář se servery"
        )
    )
    if not ((turn.walkthrough_active and turn.step == form_step) or described):
        return False
    if frame.position and frame.position.step > form_step:
        return False  # "uložila jsem, teď jsou tam přepínače…": past the form, a question there
    if told_finished(frame.text, frame.folded):
        return False  # "dal jsem to bez portu a uložil": the form done, told
    asks = set(frame.asks)
    folded = frame.folded
    outgoing_seen = frame.protocols == ["smtp"] and lexicon.says("seeing_marker", folded)
    if asks and asks <= CREDENTIAL_TOPICS and turn.pending == Pending.FORM_VALUES:
        # the values were just shown: "a heslo?" asks that one alone ("jsem na odchozím
        # serveru" is the outgoing part's screen: its values)
        return outgoing_seen
    # "příchozí je vyplněný, sjel jsem níž a je tam server odchozí pošty": the fields seen
    field_seen = lexicon.says("seeing_marker", folded) and re.search(
        r"\b(server\w*|port\w*|uzivatel\w*|jmen[oa]|host\w*|username|password|hesl[oa]|prichoz\w*|odchoz\w*)\b",
        folded,
    )
    return bool(
        (asks and asks <= FORM_FIELDS)
        or (not asks and (lexicon.says("what_to_fill", folded) or field_seen))
        or (not asks and lexicon.says("device_asks", folded) and frame.protocols)
        # "jsem ve formuláři, typ účtu jsem dal POP3": that account's values
        # ("typ účtu" is no question of which one then)
        or (asks <= {"pop_vs_imap"} and frame.protocols and lexicon.says("protocol_chosen", folded))
    )


BOTH_PARTS = re.compile(r"\b(prichoz\w*|incoming)( \w+)? (a|i|,) (odchoz\w*|outgoing)")


def _outgoing_next(frame: Frame) -> bool:
    """ "a teď odchozí", "příchozí mám, co dám u odchozího?": the outgoing part is next (the
    last clause naming a protocol names it alone: "…, teď chce odchozí server, co tam?")."""
    named = [found for clause in clauses(frame.folded) if (found := protocols_in_text(clause))]
    # ("vidím Příchozí pošta a Odchozí pošta": both parts in front of them, the whole form)
    both_seen = lexicon.says("seeing_marker", frame.folded) and bool(
        BOTH_PARTS.search(frame.folded)
    )
    # ("a porty pro IMAP a odchozí?": the incoming account asked too, not done)
    incoming_asked = (
        "?" in frame.text
        and bool(set(frame.protocols) & set(knowledge.incoming_protocols()))
        and not lexicon.says("done_marker", frame.folded)
    )
    return bool(
        named
        and named[-1] == ["smtp"]
        and not frame.security
        and not both_seen
        and not incoming_asked
    )


def form_values(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    walk = Walkthrough(dispatcher, turn)
    # "…, chci POP3", "bez šifrování": the values of that account and SSL choice
    walk.choose(turn.frame.protocols, turn.frame.security)
    if "port_not_entered" in turn.frame.asks:  # "nikde není port? a u odchozího…": both
        dispatcher.utter_message(response="utter_port_not_entered", **symptoms.fix_values())
    if {"ssl_required", "ssl_advice", "both_boxes"} & set(turn.frame.asks) and (
        replies.SSL_BOXES_ASKED.search(turn.frame.folded)
    ):  # "…zaškrtávátka, že příchozí pošta vyžaduje SSL a odchozí taky. mám to zaškrtnout?": yes
        dispatcher.utter_message(**replies.both_boxes_message(turn.frame.folded))
    # "u odchozího je taky zabezpečení a port", "příchozí mám, a odchozí?": that part
    if turn.frame.protocols == ["smtp"] or _outgoing_next(turn.frame):
        return walk.outgoing_values()
    position = turn.frame.position
    if position and position.at_notice and position.step == walk.form_step:
        # "napsalo to Nelze ověřit název účtu nebo heslo. mám špatné heslo?": the notice first
        dispatcher.utter_message(
            response="utter_step_help", help=knowledge.steps(turn.device)[walk.form_step - 1].help
        )
    return walk.go_to(walk.form_step)


def _before_form(turn: Turn) -> bool:
    """The walkthrough stands before its form: the account is being added ("ok a kam zadám
    server?" at step 3) – not when another device is named ("mám taky iPad, jak tam?")."""
    return (
        turn.walkthrough_active
        and not turn.device_changed
        and turn.step < knowledge.form_step(turn.device)
    )


def place_while_adding(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """Where a value goes while the account is added: the guide's form step with its values;
    "jak to mám udělat?" with nothing named: the walkthrough from its start."""
    frame = turn.frame
    named = (
        set(frame.asks) & (FORM_FIELDS | {"settings"})
        or frame.protocols
        or lexicon.says("where_setting", frame.folded)
    )
    if frame.asks == ["smtp_auth"] or (
        lexicon.says("login_words", frame.asked or frame.folded)
        and not lexicon.says("port_words", frame.asked or frame.folded)
    ):  # "(porty mám,) kde je to zaškrtnutí, že odchozí server vyžaduje ověření?": that switch
        return where_setting(dispatcher, turn)
    if not named and whole_guide_shown_last(turn.tracker):
        return Walkthrough(dispatcher, turn).go_to(
            1
        )  # the guide was just sent: its start, step by step
    if not named:
        return start_walkthrough(dispatcher, turn)
    walk = Walkthrough(dispatcher, turn)
    # ("ten notebook, co je na POPu, … a jak to nastavím v tom Samsungu?": the computer's POP3)
    walk.choose(turn.protocols_here(), frame.security)
    if not turn.walkthrough_started:
        # the first word of the setup ("potřebuju nastavit schránku, nevím, kam zadat porty"):
        # the way to that form too, as an agent sends it – the whole guide with its values
        return walk.show_all(stand_at=walk.form_step)
    return walk.go_to(walk.form_step)


def pop_missing(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    dispatcher.utter_message(response="utter_pop_missing")
    walk = Walkthrough(dispatcher, turn)
    walk.choose(["imap"], turn.frame.security)
    chosen = [SlotSet("form_protocol", "imap"), SlotSet("protocol", "imap")]
    return chosen + walk.go_to(walk.form_step)


def _in_walkthrough(turn: Turn) -> bool:
    frame = turn.frame
    # (a notice the guide expects – "nelze ověřit název účtu nebo heslo" before a Mac's server
    # fields – is that step, not a failure)
    expected = bool(turn.walkthrough_active and frame.position and frame.position.at_notice)
    return (turn.walkthrough_active or bool(frame.step and turn.walkthrough_started)) and not (
        (frame.symptom and not expected)
        or frame.open_smtp
        # ("uživatelské jméno mi to vyplnilo jen jako část před zavináčem": a fault in a field)
        or (lexicon.says("username_short", frame.folded) and not frame.step_explicit)
        # ("Soubor → Nastavení účtu → a dál?" after the log-in was said to be in the added
        # account: that way, not the guide's step named "Soubor")
        or (frame.asks_how and turn.topic == answers.AUTH_AFTER_ADDING)
    )


ROUTES: List[Route] = [
    Route(
        # "přepsala jsem oboje… a ty divné maily už chodit nebudou?": whether the spam stops
        "spam_stops",
        lambda t: (
            lexicon.says("spam_stops", t.frame.folded)
            and ("?" in t.frame.text or bool(phrases.ASKED_INDIRECTLY.search(t.frame.folded)))
        ),
        adjacent,
        more=True,  # ("…co přesně tam? a můžou mi teď ještě číst maily?": the form's values too)
    ),
    # "potřebuješ ode mě heslo?": no – never sent to us
    Route(
        "password_wanted_by_us",
        lambda t: lexicon.says("password_wanted_by_us", t.frame.folded) and not _typed_password(t),
        password_not_wanted,
    ),
    Route(
        # "tak jsem ho změnil, mám vám poslat to nové, ať ho zkontrolujete?" after the
        # password: no – they check it themselves in the webmail
        "password_check_offered",
        lambda t: (
            lexicon.says("it_offered", t.frame.folded)
            and _password_in_talk(t)
            and not _typed_password(t)
        ),
        password_not_wanted,
    ),
    Route(
        # "tak mi ho aspoň zopakuj, ať vím, že jsem ho napsal dobře": never echoed
        "password_echo",
        lambda t: lexicon.says("password_echo", t.frame.folded) and _password_in_talk(t),
        password_not_echoed,
    ),
    Route(
        # "tak jsem si ho změnil" after the password: the new one into every device
        "password_changed_it",
        lambda t: lexicon.says("changed_it", t.frame.folded) and _password_in_talk(t),
        password_everywhere,
    ),
    Route(
        # "tak co s tím mám dělat?" after the warning about a typed password: a new one
        "password_warned_what_now",
        lambda t: (
            lexicon.says("what_now", t.frame.folded)
            # (the warning alone: beside a failed log-in, "co s tím?" asks about the log-in)
            and set(last_responses(t.tracker)) == {"utter_password_warning"}
        ),
        password_typed_what_now,
    ),
    # A typed password gets the warning, never an echo; a problem in the same message is
    # answered by the routes below.
    Route(
        # a password the channel (or the pipeline's guard) redacted; the model's guess alone
        # warned people who had typed none ("heslo jsem Vám nepsal", "mám si změnit heslo?")
        "password",
        # (the raw text: "/heslo je X" is no button, and the guard redacted X in it)
        _typed_password,
        password_warning,
        more=True,
        clause=PASSWORD_CLAUSE,
    ),
    Route(
        # "zadávám X a jméno jana": beside the password, the user name that is only a part
        "short_username_typed",
        lambda t: (
            _typed_password(t)
            and lexicon.says("username_short", t.frame.folded)
            and not (t.frame.asks or t.frame.symptom or t.frame.ports)
        ),
        short_username,
    ),
    Route(
        # "ok, změněno na X": the change done and its password typed – the new one goes into
        # every device, not the way to change it again
        "password_changed_typed",
        lambda t: (
            _typed_password(t)
            and bool(PASSWORD_CHANGE_TOLD.search(t.frame.folded))
            and "?" not in t.frame.text
            and not (t.frame.symptom or t.frame.works is False)
        ),
        password_everywhere,
    ),
    # "…a byli jsme napadeni, nebo ne?" beside the fix or another question: said first, then
    # the rest of the message (alone it is the route "compromised" below)
    Route(
        # "po klepnutí na účet vidím jen nastavení synchronizace": the servers below it
        "servers_below_sync",
        lambda t: (
            t.device in knowledge.guides()
            and bool(knowledge.guide(t.device).below_sync)
            and lexicon.says("sync_page_no_servers", t.frame.folded)
        ),
        lambda d, t: said(
            "utter_servers_below_sync", below_sync=knowledge.guide(t.device).below_sync
        )(d, t),
        sentence="sync_page_no_servers",
    ),
    Route(
        "spoofed_spam",  # "chodí mi spamy jakoby z mé adresy, ukradl mi někdo heslo?": forged
        lambda t: lexicon.says("spoofed_spam", t.frame.folded) and not t.frame.open_smtp,
        spoofed_spam,
        more=True,
    ),
    Route("compromised_beside", _compromise_beside, compromised, more=True),
    # "…port 465. a minulý týden jsem měnil heslo, telefon chtěl nové" while sending fails: the
    # outgoing server's own password field, then the rest of the message
    Route(
        "password_changed_sending",
        lambda t: (
            (
                last_symptom(t.topic) == "cannot_send"
                or t.pending == Pending.SMTP_FIX
                or t.frame.symptom == "cannot_send"
            )
            # (told, not asked: "změnil jsem heslo, musím ho přepsat i v telefonu?" is asked)
            and any(
                lexicon.says("password_changed", part) and "?" not in part
                for part in sentences_of(t.frame.folded)
            )
            and not lexicon.says("password_changed_one_side", t.frame.folded)
            # ("heslo jsem změnila, účet přidávám znovu… co přesně tam?": the form asked)
            and not (
                "?" in t.frame.text
                and set(t.frame.asks) - {"password", "password_everywhere", "mailbox_password"}
            )
        ),
        said("utter_password_changed_outgoing"),
        more=True,
    ),
    Route("rating", lambda t: t.intent == "rate", answer_rating),
    # "už hodinu se s tím patlám, tohle je k ničemu": understanding first, and a person offered
    # (the rest of the message is answered below)
    Route(
        "frustration",
        # ("to je k ničemu, chci mluvit s člověkem": the person asked for, straight away)
        lambda t: (
            lexicon.says("frustration", t.frame.folded)
            and t.frame.works is not True
            and not t.frame.person
        ),
        frustration,
        more=True,
    ),
    # "nemáte poruchu?": not known here – where the provider says so, then the rest answered
    Route(
        # "nikomu v kanceláři nechodí pošta, máte výpadek?": where outages are told, and the
        # whole office goes to colleagues (no device's fix follows)
        "outage_everyone",
        lambda t: (
            lexicon.says("outage_question", t.frame.folded)
            and bool(EVERYONE.search(t.frame.folded))
            # ("od rána nám nikomu neodchází pošta": sending – its fix is the answer)
            and t.frame.symptom != "cannot_send"
        ),
        outage_everyone,
    ),
    Route(
        "outage",
        lambda t: lexicon.says("outage_question", t.frame.folded),
        outage,
        more=True,
    ),
    Route(
        "goodbye",  # the model's goodbye, when the words (or the "Ne, děkuji" button) say it
        lambda t: (
            t.intent == "goodbye"
            and (not t.frame.text or lexicon.says("farewell", t.frame.folded))
            and not _withdraws_handoff(t)
        ),
        closing,
    ),
    Route(
        "closing",  # "dobře, heslo změním. díky, to je všechno": the end, nothing asked
        lambda t: (
            "?" not in t.frame.text
            and lexicon.says("closing", t.frame.folded)
            # ("…heslo jsem dal to do Manageru, zda to stačí": asked without its mark)
            and not phrases.ASKED_INDIRECTLY.search(t.frame.folded)
            # ("…v Outlooku nejde odesílat. Hezký den": the problem, not the goodbye)
            and not (t.frame.symptom or t.frame.works is False or t.frame.error_code)
            and not _withdraws_handoff(t)
            # ("ověření zapnutý mám. tak díky, to mi stačí": a topic told, then the end)
            and (
                not t.frame.asks
                or lexicon.says("closing", re.split(r"[.!;]\s+", t.frame.folded.strip())[-1])
            )
        ),
        closing,
    ),
    Route("try_sending", _sending_untried, try_sending),  # "vidím poštu, poslat jsem nezkoušel"
    Route(
        "ends_working",  # a story of what they did that ends "…už to jede, díky": the end
        # ("už to chodí. mám ještě dokončit ty kroky?": it works, the rest is not needed)
        lambda t: (
            (
                t.frame.ends_working
                or bool(t.frame.works and lexicon.says("continue_asked", t.frame.folded))
            )
            # ("už to jede, zrušte ten požadavek": the handoff cancelled first – its record)
            and not (lexicon.says("handoff_cancel", t.frame.folded) and handed_off(t))
        ),
        lambda d, t: glad_it_works(d, t) + ended(),
    ),
    Route(
        # "ještě jsem chtěl dodat, že mám iPhone 12" after the handoff: a note for the colleagues
        "handoff_addition",
        lambda t: (
            lexicon.says("handoff_addition", t.frame.folded)
            and "?" not in t.frame.text
            and not (t.frame.asks or t.frame.symptom or t.frame.ports)
            and handed_off(t)
        ),
        after_handoff.note,
    ),
    Route(
        "callback_or_comment",
        # ("zrušte to, dneska to řešit nebudu": the request withdrawn, no contact refused)
        lambda t: (
            t.pending in (Pending.CALLBACK_EMAIL, Pending.RATING_COMMENT)
            and not lexicon.says("handoff_cancel", t.frame.folded)
        ),
        callback_or_comment,
        # ("731 555 902. a dokud se neozvou, můžu něco zkusit sám?": the contact, then that)
        sentence=CONTACT,
    ),
    Route(
        # "přepojte mě na kolegu, přišel mi ticket Open SMTP" – "tak mi aspoň řekněte, co mám
        # změnit": the ticket's fix while they wait
        "fault_while_waiting",
        _try_while_waiting,
        fault_while_waiting,
    ),
    # About the handoff already made ("kdy se ozvou?", "počkám", a number left, "už to
    # nepotřebuji"): its record, never a second one.
    Route("handoff_follow_up", lambda t: after_handoff.kind(t) is not None, after_handoff.answer),
    # "is the request cancelled?" right after it was: yes, with its number
    Route("cancel_confirmed", after_handoff.cancelled_asked, after_handoff.confirm_cancelled),
    # A request for a person wins over everything else the message says.
    Route(
        "person",
        # (the model's guess alone does not make "někdo mi smazal web" a request for a person)
        lambda t: (
            t.frame.person
            or (
                t.intent == "request_human"
                and not (t.frame.identity or t.frame.adjacent)
                # ("tak to řeknu kolegovi, díky": the customer's own colleague)
                and not lexicon.says("own_colleague", t.frame.folded)
            )
        ),
        person,
        # ("dal by se sehnat technik? a jaký port je pro POP3 se SSL?": the port too)
        sentence="person_request",
    ),
    Route("one_step_at_a_time", _too_much, one_step_at_a_time),  # "to je na mě moc najednou"
    Route("app_choice", _weighs_apps, app_choice),  # "dát to do Gmailu, nebo do Samsungu?"
    Route(
        # "změnil jsem ho a teď mi nejde pošta v telefonu" after the change was explained: the
        # new password is missing in the device
        "password_changed_fails",
        lambda t: (
            t.frame.works is False
            # ("odesílání nejde, heslo jsem změnila jen v IMAPu, vadí to?": the problem's answer)
            and not (t.frame.symptom or "?" in t.frame.text)
            and not (t.frame.ports or t.frame.hosts or t.frame.open_smtp)
            and (
                lexicon.says("password_changed", t.frame.folded)
                or (
                    bool(CHANGED_IT.search(t.frame.folded))
                    and bool(PASSWORD_CHANGE_RESPONSES & set(last_responses(t.tracker)))
                )
            )
        ),
        lambda d, t: password_everywhere(d, t) + ask_if_it_helped(d),
    ),
    Route(
        "password_by_mistake",  # "a když vám ho napíšu omylem?": hidden at once, then changed
        lambda t: lexicon.says("password_by_mistake", t.frame.folded) and "?" in t.frame.text,
        password_by_mistake,
    ),
    Route(
        # "sorry, to jsem Vám neměl psát, že?" after a password typed: hidden, change it
        "password_regret",
        lambda t: lexicon.says("regret_writing", t.frame.folded) and password_typed_here(t.tracker),
        password_by_mistake,
    ),
    Route(
        "website_mail",  # "WordPress neposílá maily z formuláře": the website's, not a device's
        lambda t: lexicon.says("website_mail", t.frame.folded) and not t.frame.device,
        lambda d, t: said(
            "utter_website_mail",
            server=knowledge.server("outgoing"),
            smtp_ssl=knowledge.port("smtp", "ssl"),
        )(d, t),
    ),
    Route(
        "checkboxes_question",  # "zbývají zaškrtávátka dole u odchozího serveru, co s nimi?"
        lambda t: (
            lexicon.says("checkboxes_question", t.frame.folded)
            and not lexicon.says("boxes_ticked_next", t.frame.folded)  # "…zaškrtnuta, a teď?"
            and not (t.frame.ports or t.frame.security or t.frame.symptom or t.frame.asks)
            and not re.search(r"\b(ssl|tls)\b", t.frame.folded)  # "zaškrtávátko TLS/SSL?"
        ),
        lambda d, t: answers.answer_topic(d, t, "smtp_auth"),
    ),
    Route(
        "login_with_what",  # "a přihlásím se čím?": the whole address and the mailbox password
        # ("jaký port má FTP a jak se tam přihlásím?": the website's, not the mailbox's)
        lambda t: lexicon.says("login_with_what", t.frame.folded) and not t.frame.adjacent,
        lambda d, t: said("utter_login_with", username=knowledge.username())(d, t),
    ),
    Route(
        "field_locked",  # "nejde mi to přepsat, políčko je šedé": where the program lets go of it
        # (the account type's field: "pole POP3 je šedé" – the account is added again instead)
        lambda t: (
            lexicon.says("field_locked", t.frame.folded)
            and not t.frame.symptom
            and "switch_account" not in t.frame.asks
        ),
        said("utter_field_locked"),
    ),
    Route(
        # "a i v tiskárně, co posílá skeny?" after "the new password in every device": yes
        "password_everywhere_again",
        lambda t: (
            "utter_password_everywhere" in last_responses(t.tracker)
            and bool(ALSO_THERE.search(t.frame.folded))
        ),
        password_everywhere,
    ),
    Route(
        "switch_how",  # "jak?" after "z POP3 na IMAP, server zůstává": the account added again
        lambda t: (
            "utter_switch_protocol" in last_responses(t.tracker)
            and bool(t.frame.asks_how or HOW_ALONE.search(t.frame.folded))
            and not (set(t.frame.asks) - {"switch_account"} or t.frame.ports or t.frame.symptom)
        ),
        lambda d, t: answers.answer_switch_account(d, t),
    ),
    Route(
        # "a porty se mění?", "a odchozí port zůstává, jak byl?" after "z POP3 na IMAP": the
        # incoming port changes, the outgoing one stays
        "switch_ports",
        lambda t: (
            bool({"utter_switch_protocol", "utter_switch_ports"} & set(last_responses(t.tracker)))
            and bool({"port", "port_table"} & set(t.frame.asks))
            and bool(SWITCH_PORT_ASKED.search(t.frame.folded))
            and not (t.frame.ports or t.frame.symptom)
        ),
        answers.answer_switch_ports,
    ),
    Route(
        "which_after_term",  # "co je POP3?" – "a který mám teda použít?": IMAP or POP3, advised
        lambda t: (
            t.topic == "term"
            and t.protocol in knowledge.incoming_protocols()
            and bool(WHICH_TO_USE.search(t.frame.folded))
            and not (t.frame.asks or t.frame.ports or t.frame.symptom)
        ),
        lambda d, t: answers.answer_topic(d, t, "pop_vs_imap"),
    ),
    Route(
        # "a ten Outlook na PC? tam mám taky změnit?" after the password's place: that one's
        "password_elsewhere",
        _password_elsewhere,
        lambda d, t: utter_password_elsewhere(d, devices.named(t.frame.folded) or ""),
    ),
    Route(
        "password_changed_now",  # "ok, změnil jsem ho, co teď v telefonu?" after the way to it
        lambda t: (
            bool(PASSWORD_CHANGE_RESPONSES & set(last_responses(t.tracker)))
            and bool(PASSWORD_CHANGE_TOLD.search(t.frame.folded))
            and not (set(t.frame.asks) - {"password"} or t.frame.symptom or t.frame.ports)
            and t.frame.works is not False
            # ("…zadal jsem nové heslo a vyskočilo, že nastavení nenašel": the walkthrough's notice;
            # "…, dal jsem tam další volby": a screen passed)
            and not (t.frame.position and (t.frame.position.at_notice or t.walkthrough_active))
        ),
        said("utter_password_everywhere_told"),
    ),
    Route(
        "password_place_other",  # "…Thunderbird hotovo. a v iPhonu kde se heslo přepisuje?"
        # ("a na iPhonu to změním kde? … jen nechodí pošta" after the password: the old one there)
        lambda t: not t.frame.symptom or _password_in_talk(t),
        password_place_other,
    ),
    Route(
        # "…na notebooku mám starší Thunderbird s tou samou schránkou, tam to bude chtít taky?"
        # after a new password: yes, in every device
        "password_other_device_too",
        lambda t: (
            _password_in_talk(t)
            and bool(OTHER_MACHINE_TOO.search(t.frame.folded))
            and not (t.frame.symptom or t.frame.ports or t.frame.open_smtp)
        ),
        password_everywhere,
    ),
    Route(
        "new_password_prompt",  # "…tlačítka zkusit znovu, zadat nové heslo a zrušit. co dát?"
        # ("…to okno jsem dala. telefon je iPhone, kde se tam heslo přepisuje?": the phone's place)
        lambda t: (
            lexicon.says("new_password_prompt", t.frame.folded)
            and not _password_place_asked_for_other(t)
        ),
        new_password_prompt,
    ),
    Route(
        # "tak kde najdu to správný?" / "jsem tam, vidím tabulku s adresami" after the password's
        # answer: the way to a new one, or its last part
        "password_where_again",
        lambda t: (
            bool(answers.PASSWORD_CHANGE_ANSWERS & set(last_responses(t.tracker)))
            and (
                lexicon.says("where_password_right", t.frame.folded)
                or bool(ADDRESS_TABLE.search(t.frame.folded))
            )
            and not (t.frame.device or t.frame.ports or t.frame.protocols or t.frame.symptom)
        ),
        password_where_again,
    ),
    Route(
        "letter_case",  # "je jedno, jestli to napíšu velkými písmeny?": the server's name, yes
        lambda t: lexicon.says("letter_case", t.frame.folded) and "?" in t.frame.text,
        lambda d, t: said("utter_letter_case", server=knowledge.server("incoming"))(d, t),
    ),
    Route(
        # "jak smažu ten účet z telefonu?" – and "je to iPhone" after the question which one
        "remove_account",
        lambda t: (
            (
                lexicon.says("remove_account", t.frame.folded)
                # ("když smažu mail v mobilu, smaže se i v počítači?": a message, no account)
                and not lexicon.says("imap_delete", t.frame.folded)
                # ("smazat databázi a založit novou": a hosting matter, no account in a device)
                and not (t.frame.symptom or t.frame.ports or t.frame.open_smtp or t.frame.adjacent)
                # ("účet jsem odebrala a přidávám znovu": removed already, told)
                and not REMOVED_TOLD.search(t.frame.folded)
            )
            or (
                "utter_remove_account_which" in last_responses(t.tracker)
                and bool(t.frame.device)
                and devices.only_names(t.frame.folded)
            )
        ),
        remove_account,
    ),
    Route(
        "account_blocked",  # "píše to, že účet je zablokovaný": no setting of the device helps
        lambda t: lexicon.says("account_blocked", t.frame.folded) and not t.frame.ports,
        lambda d, t: said(
            "utter_manager_locked"
            if MANAGER_LOCKED.search(t.frame.folded)
            # "zablokován kvůli příliš mnoha pokusům o přihlášení": a lock-out, not spam
            else "utter_login_lockout"
            if re.search(r"\b(pokus\w*|prihlas\w*|hesl\w*)\b", t.frame.folded)
            else "utter_mailbox_blocked"
        )(d, t),
    ),
    Route(
        # "webmail i telefon, všude to samé" after the block was explained: to colleagues
        "blocked_still",
        lambda t: (
            bool(BLOCKED_ANSWERS & set(last_responses(t.tracker)))
            and (
                t.frame.works is False
                or bool(STILL_THE_SAME.search(t.frame.folded) or UNBLOCK.search(t.frame.folded))
            )
            and not (t.frame.asks or t.frame.ports or t.intent == "affirm")
        ),
        said("utter_blocked_to_colleagues"),
    ),
    Route(
        "device_own_password",  # "ptalo se to na heslo k Macu, je to normální?": its own, yes
        lambda t: lexicon.says("device_own_password", t.frame.folded),
        said("utter_device_own_password"),
    ),
    Route(
        "other_checkbox",  # "mám nechat zaškrtnuté 'Nastavit Outlook Mobile i v telefonu'?"
        lambda t: (
            lexicon.says("other_checkbox", t.frame.folded)
            and "?" in t.frame.text
            # (Mail's „Automaticky spravovat nastavení připojení“ is the port's and SSL's box)
            and not lexicon.says("mac_auto_manage", t.frame.folded)
        ),
        said("utter_other_checkbox"),
        sentence="other_checkbox",
    ),
    Route(
        # "dala jsem Google a píše to Přihlásit se, použijte účet Google": back to the list
        "provider_chosen",
        _provider_chosen,
        provider_chosen,
    ),
    Route(
        "password_offered",  # "můžu vám poslat heslo a vy to nastavíte za mě?": no, guided
        lambda t: lexicon.says("password_offered", t.frame.folded),
        said_in_language("utter_password_not_to_us", "utter_en_password_not_to_us"),
    ),
    Route(
        "not_admin",  # "nejsem správce, mail mi dali v práci": the password is the admin's
        lambda t: lexicon.says("not_admin", t.frame.folded) and not (t.frame.asks or t.frame.ports),
        said("utter_not_admin"),
    ),
    Route(
        # "Mám Android a poštu chci v Gmailu vedle svého účtu. Jde to? A jaký server?": yes
        # first, then the rest answered
        "feasible",
        lambda t: (
            lexicon.says("bare_can", t.frame.folded)
            and bool(t.frame.asks or t.frame.device)
            and not (
                t.frame.symptom
                or t.frame.works is False
                or t.frame.adjacent
                or t.frame.adjacent_clauses
                # ("odchozí port mám 25, půjde to?": the port's verdict answers it)
                or t.frame.ports
                or lexicon.says("program_feature", t.frame.folded)
                or lexicon.says("profile", t.frame.folded)
                or lexicon.says("autoconfig", t.frame.folded)
            )
        ),
        said("utter_yes_possible"),
        more=True,
    ),
    Route(
        # "přijdu o ty staré maily, když to tam dám?" beside a setup: no – then the rest
        "adding_keeps_mail",
        lambda t: (
            lexicon.says("adding_loses_mail", t.frame.folded)
            and not lexicon.says("old_mail_kept", t.frame.folded)
        ),
        adding_keeps_mail,
        more=True,
    ),
    # Setting up without typing: the address for an Apple profile, the domain for autoconfig.
    Route("profile_address", _gives_address, answer_profile_address),
    Route(
        "profile_not_here",  # "můžu na Samsungu použít ten profil?": no, Apple's only
        lambda t: (
            lexicon.says("profile", t.frame.folded)
            and t.device in knowledge.guides()
            and not knowledge.guide(t.device).profile
        ),
        answer_profile,
    ),
    Route("autoconfig_domain", _gives_domain, answer_autoconfig),
    Route(
        "autoconfig_prepared",  # "a připravíte mi ho?" after the file was explained or offered
        lambda t: _about_autoconfig(t) and lexicon.says("prepare_it", t.frame.folded),
        answer_autoconfig,
    ),
    Route(
        "autoconfig_where",  # "a kam ten soubor dám?" after the autoconfig answer
        lambda t: _about_autoconfig(t) and lexicon.says("where_to_put", t.frame.folded),
        lambda d, t: answer_autoconfig(d, t, where=True),
    ),
    Route(
        "autoconfig_reader",  # "přečte to i Outlook?" after the autoconfig file
        lambda t: (
            t.topic == "autoconfig"
            and bool(t.frame.device)
            and "?" in t.frame.text
            and not (t.walkthrough_active or t.frame.symptom)
        ),
        autoconfig_reader,
    ),
    Route(
        # "jakou metodu teda vybrat?" after the outgoing log-in: the device's own way to log in
        "which_auth_method",
        lambda t: (
            bool(WHICH_METHOD.search(t.frame.folded))
            and t.device in knowledge.guides()
            and (t.topic == "smtp_auth" or bool(AUTH_ANSWERS & set(last_responses(t.tracker))))
            and not (t.frame.ports or t.frame.protocols)
        ),
        said("utter_auth_method_device"),
    ),
    Route(
        # "Normální heslo, Šifrované heslo, Kerberos…, co dát?", "u IMAPu taky normální heslo?"
        "password_method",
        lambda t: (
            lexicon.says("password_method", t.frame.folded)
            and not (
                t.frame.ports or t.frame.symptom or lexicon.says("auth_method", t.frame.folded)
            )
        ),
        said_in_language("utter_password_method", "utter_en_password_method"),
        sentence="password_method",
    ),
    Route(
        "auth_method",  # "tiskárna nabízí žádné / PLAIN / LOGIN": either log-in, never none
        lambda t: lexicon.says("auth_method", t.frame.folded) and not t.frame.ports,
        lambda d, t: said(
            "utter_auth_method",
            username=knowledge.username(),
            smtp_ssl=knowledge.port("smtp", "ssl"),
        )(d, t),
    ),
    Route(
        "device_sender",  # "to pole E-mailová adresa zařízení, co tam?" after the printer's settings
        lambda t: (
            lexicon.says("device_sender", t.frame.folded)
            and last_route(t.tracker) in ("sending_device", "device_sender")
            and not (t.frame.symptom or t.frame.ports or t.frame.hosts)
        ),
        said("utter_sending_device_sender"),
    ),
    Route(
        "sending_device",  # "a co nastavit v tiskárně, co posílá skeny mailem?": SMTP only
        lambda t: (
            lexicon.says("sending_device", t.frame.folded)
            and not (t.frame.device or t.frame.symptom or t.frame.hosts or t.frame.ports)
            # ("…tiskárnu přenastavila. ten ticket se uzavře sám?": the ticket asked about)
            and not lexicon.says("ticket_admin", t.frame.folded)
            # ("skener má volbu ověřovat certifikát, zapnout?": that option's answer)
            and "verify_certificate" not in t.frame.asks
            and bool(
                t.frame.asks
                or t.frame.asks_how
                or lexicon.says("what_to_fill", t.frame.folded)
                or lexicon.says("start_setup", t.frame.folded)
                or re.search(r"\bnastav", t.frame.folded)
            )
        ),
        sending_device_settings,
    ),
    Route(
        "mac_auto_manage",  # "je zaškrtnuté Automaticky spravovat nastavení připojení, vypnout?"
        lambda t: (
            t.device in (None, "mac_mail")
            and lexicon.says("mac_auto_manage", t.frame.folded)
            and not (t.frame.symptom or t.frame.ports)
        ),
        said(
            "utter_mac_auto_manage",
            imap_ssl=knowledge.port("imap", "ssl"),
            smtp_ssl=knowledge.port("smtp", "ssl"),
            server=knowledge.server("incoming"),
        ),
        sentence="mac_auto_manage",
    ),
    Route(
        "file_password",  # "bude v tom souboru i heslo?", "je v profilu i moje heslo?": no, never
        lambda t: (
            "?" in t.frame.text
            and bool(re.search(r"\bhesl", t.frame.folded))
            and bool(FILE_HOLDS.search(t.frame.folded))  # ("které heslo tam mám dát?" asks which)
            and (_about_profile(t) or _autoconfig_meant(t))
        ),
        lambda d, t: said(
            "utter_autoconfig_no_password" if _autoconfig_meant(t) else "utter_profile_no_password"
        )(d, t),
    ),
    Route(
        "autoconfig_hosting",  # "stačí to nahrát přes FTP? musí to být https?"
        lambda t: _about_autoconfig(t) and lexicon.says("autoconfig_hosting", t.frame.folded),
        autoconfig_hosting,
    ),
    Route(
        "values_not_steps",  # "návod nepotřebuju, jen mi napište všechny údaje": the values
        lambda t: (
            lexicon.says("values_not_steps", t.frame.folded)
            and not (t.frame.symptom or t.frame.ports or t.frame.hosts)
        ),
        lambda d, t: answers.answer_topic(d, t, "settings"),
    ),
    Route(
        "walkthrough_all",  # "napište mi všechny kroky najednou": the whole guide in one go
        lambda t: (
            (
                # ("napište mi všechny údaje najednou" asks for the values, not the steps)
                (
                    t.intent == "step_all"
                    and "settings" not in t.frame.asks
                    and not lexicon.says("why_asked", t.frame.folded)  # "a proč celá adresa?"
                )
                # ("kompletní nastavení pro POP3, ať to mám všechno najednou", "server, port a
                # ověření? všechno najednou": the values asked)
                or (
                    lexicon.says("all_steps", t.frame.folded)
                    and not set(t.frame.asks) & VALUES_ASKED
                )
                or (t.walkthrough_active and lexicon.says("hurry", t.frame.folded))
            )
            # ("dá se to nastavit pro celou doménu najednou?": every mailbox at once, the autoconfig)
            and not lexicon.says("autoconfig", t.frame.folded)
            # ("nejde odesílání, celý roky to fungovalo": a fault, whatever the intent guessed)
            and not (t.frame.symptom or t.frame.works is False)
        ),
        lambda d, t: walkthrough_turn("step_all", d, t),
    ),
    Route(
        "device_answer",  # "iPhone" to "Na jakém zařízení…?": that device's walkthrough
        # ("Mám iPhone! Nemůže mi pomoct člověk?": the person route, above, has it)
        lambda t: t.pending == Pending.DEVICE and bool(t.frame.device),
        device_answer,
    ),
    Route(
        "device_kind_only",  # "na telefonu", "v počítači": which one, with the buttons again
        lambda t: (
            t.pending == Pending.DEVICE
            and not t.frame.device
            and len(t.frame.text.split()) <= 4
            and bool(DEVICE_KIND.search(t.frame.folded))
        ),
        ask_which_device,
    ),
    Route(
        "device_unanswered",  # "hotovo", "jdi na krok 7" instead: the seed's guide (asked once)
        lambda t: (
            t.pending == Pending.DEVICE
            and (t.intent in NAVIGATION or t.frame.confirms or bool(t.frame.step))
        ),
        lambda d, t: (
            walkthrough_turn("start_walkthrough", d, t)
            + (Walkthrough(d, t).go_to(t.frame.step) if t.frame.step else [])
        ),
    ),
    Route(
        # "zaškrtnuto obě" after the form's boxes were explained: the form's button
        "form_boxes_done",
        lambda t: (
            t.device in knowledge.guides()
            and _boxes_explained_at_form(t)
            # ("ok zaškrtnuto, co dál": the boxes told ticked, no question about them)
            and not (
                set(t.frame.asks) - ({"smtp_auth"} if TICKED.search(t.frame.folded) else set())
            )
            and not (t.frame.symptom or t.frame.works is False)
        ),
        lambda d, t: utter_after_filling(d, knowledge.form_step(t.device), t.device),
    ),
    Route(
        # "tak jsem zaškrtnul i to druhé" after the log-in boxes were explained: saved, a test
        "auth_boxes_ticked",
        lambda t: (
            # (the words first: the events are read only for a message that ticks something)
            bool(TICKED.search(t.frame.folded))
            and "?" not in t.frame.text
            and not (t.frame.asks or t.frame.symptom or t.frame.works is False or t.frame.ports)
            and bool(AUTH_ANSWERS & set(last_responses(t.tracker)))
        ),
        boxes_ticked,
    ),
    # "otevřel jsem nastavení" after the SMTP fix: the rest of the way, not "it works"
    Route("fix_path_is_this", asks_if_this, answer_is_this),  # "upřesnit nastavení – to je ono?"
    Route("fix_path_values", values_asked, answer_fix_values),  # "našel jsem SMTP, co tam?"
    Route("fix_path", on_the_way, answer_progress),
    Route("fix_path_lost", lost_on_the_way, answer_lost),
    Route("form_described", _form_described, form_described),
    Route(
        "what_to_fill",  # "našel jsem, co tam vyplním?" outside the walkthrough: the values
        lambda t: (
            not t.walkthrough_active
            and lexicon.says("what_to_fill", t.frame.folded)
            and not (t.frame.asks or t.frame.symptom or t.frame.fields)
            # ("chci poštu v Gmailu, napište mi, co kam vyplnit": the device's whole procedure)
            and not (t.frame.device and lexicon.says("asks_procedure", t.frame.folded))
        ),
        answers.answer_what_to_fill,
    ),
    Route(
        # "musím to nastavit i na druhém PC a na mobilech?" and nothing else: yes, each one
        "each_device_only",
        lambda t: (
            _each_device_asked(t)
            and not (t.frame.asks or t.frame.ports or t.frame.symptom or t.frame.hosts)
            and not t.frame.protocols
        ),
        each_device_only,
    ),
    Route(
        # "port 25 mám přepsat? a musím to udělat na všech třech počítačích zvlášť?" in a program
        # that reads no autoconfig: yes, each one – then the rest of the message
        "each_device",
        _each_device_asked,
        said("utter_each_device"),
        more=True,
    ),
    Route(
        "autoconfig_yes_no",  # "platí to pro všechny schránky?", "i na autoconfig.domena.cz?"
        lambda t: (
            # (the file given or named by its name: a first wish for it is no question about it)
            (_about_autoconfig(t) or "autoconfig" in t.frame.folded)
            and lexicon.says("yes_no_question", t.frame.folded)
            and autoconfig_yes_no(t) is not None
            # ("žádný soubor nechci. port 25, nebo 465?": the port, not the file)
            and not (t.frame.ports and not EXPLICIT_AUTOCONFIG.search(t.frame.folded))
        ),
        answer_autoconfig_yes_no,
    ),
    Route(
        "autoconfig",
        # ("na iPhonu nechci všechno vypisovat, nedá se to automaticky?": the profile, below)
        lambda t: (
            lexicon.says("autoconfig", t.frame.folded)
            and not _apple_wish(t)
            and not _each_device_asked(t)
            # ("a to se musí nastavit na každém počítači zvlášť?" after the sending fix: the
            # log-in is switched on in every device – no file sets that)
            and not (
                (t.pending == Pending.SMTP_FIX or following_fix(t))
                and not EXPLICIT_AUTOCONFIG.search(t.frame.folded)
            )
        ),
        answer_autoconfig,
    ),
    Route(
        "auto_setup",  # "dá se to nastavit nějak automaticky?": the profile, or autoconfig
        lambda t: (
            lexicon.says("auto_setup", t.frame.folded)
            and (knowledge.guide(t.device).profile or knowledge.guide(t.device).autoconfig)
            and t.device in knowledge.guides()
            and not (
                set(t.frame.asks) - {"server", "settings", "port", "port_table"} or t.frame.symptom
            )
        ),
        auto_setup,
    ),
    Route(
        "no_profile",  # "profil nechci, chci to vyplnit ručně": the steps by hand
        lambda t: (
            lexicon.says("no_profile", t.frame.folded)
            and not t.frame.position  # "radši ručně, nastavení už mám otevřené": that step
        ),
        lambda d, t: (
            walkthrough_turn("resume_walkthrough", d, t)
            if t.walkthrough_active
            else start_walkthrough(d, t)
        ),
    ),
    Route(
        "profile_delivery",  # "mám ten QR kód vyfotit?", "odkaz ze včera nejde"
        lambda t: lexicon.says("profile_delivery", t.frame.folded),
        answer_profile_delivery,
    ),
    Route(
        "profile_installed",  # "…píše profil nainstalován, v Mailu vidím doručenou poštu": done
        lambda t: (
            _profile_in_talk(t)
            and lexicon.says("profile_installed", t.frame.folded)
            and not (t.frame.symptom or t.frame.works is False or t.frame.asks)
        ),
        profile_installed,
    ),
    Route(
        "profile_help",
        lambda t: (
            # ("jak nainstaluju WordPress?" installs no profile)
            (
                lexicon.says("profile_help", t.frame.folded)
                # ("web se pokouší stáhnout konfigurační profil" is the profile's download)
                and not (_adjacent_only(t) and not _about_profile(t))
            )
            or _taps_the_link(t)
            or (_profile_in_talk(t) and lexicon.says("removal", t.frame.folded))
            # "staženo, co teď?" after the link: the installation
            or (_profile_in_talk(t) and lexicon.says("profile_downloaded", t.frame.folded))
        ),
        profile_help,
    ),
    Route(
        "profile",
        lambda t: (
            # (the model's guess alone: no screen reported – "klepl jsem na kolečko s fotkou")
            (
                t.intent == "ask_profile"
                # ("kde na iPadu to zapnu?": a place asked, not the profile)
                and not (
                    t.walkthrough_active or t.frame.adjacent or t.frame.position or t.frame.asks_how
                )
                and not _after_smtp_fix(t)  # "kde to na Macu zapnu?" asks the fix's place
                and not t.frame.security  # "a kdybych ho zase zapnul?": SSL switched
                and not (t.frame.asks or t.frame.ports)  # "a ssl zapnout nebo ne?": asked
            )
            or lexicon.says("profile", t.frame.folded)
        ),
        answer_profile,
    ),
    Route(
        "spam_sent_check",  # "dokážete zjistit, jestli z mé schránky někdo posílal spam?"
        lambda t: lexicon.says("spam_sent_check", t.frame.folded),
        said_in_language("utter_spam_check_colleagues", "utter_en_spam_check_colleagues"),
        sentence="spam_sent_check",
    ),
    Route(
        "english",  # a "done" in the walkthrough is navigation, in any language
        lambda t: (
            t.frame.language == "en"
            and not (t.walkthrough_active and (t.frame.confirms or t.frame.position))
            # "walk me through it": the Czech screens, step by step (a question is answered)
            and not (lexicon.says("start_setup", t.frame.folded) and not _fact_question(t))
            and not _enters_walkthrough(t)  # "the phone says it couldn't find the settings"
            # ("Works now, both sending and receiving. Thanks!": thanks, whatever it names)
            and not (
                _nothing_asked(t, settings_named=t.frame.works is True)
                and lexicon.says("thanks", t.frame.folded)
            )
            and not _adjacent_only(t)  # "How do I renew my domain?": not ours to do
        ),
        answer_english,
    ),
    Route("other_language", lambda t: t.frame.language == "other", other_language),
    Route("bot_identity", _about_the_bot, identity),
    # A hosting matter the bot cannot do: said plainly, with where it is done and a colleague;
    # never a mail-settings answer because "server" or "spam" appeared.
    Route(
        "username_restated",  # "takže tam napíšu i doménu za zavináčem?" after the user name
        lambda t: (
            "?" in t.frame.text
            and (
                (
                    t.topic == "username"
                    and lexicon.says("address_parts", t.frame.folded)
                    and not set(t.frame.asks) - {"username"}
                )
                # "a je správně, že jméno je celá adresa?": asked at any time, its yes
                or (
                    lexicon.says("username_as_address", t.frame.folded)
                    and lexicon.says("yes_no_question", t.frame.folded)  # (not "…, co dál?")
                    and not set(t.frame.asks) - {"username", "whole_address", "username_ok"}
                    # ("jméno mám celou adresu… heslo mi nezměníte?": the name told, the password
                    # asked)
                    and "hesl" not in t.frame.folded
                )
            )
            and not (t.frame.ports or t.frame.symptom)
            and not (t.frame.protocols or t.frame.hosts)
        ),
        lambda d, t: said_username_yes(d, t),
    ),
    Route(
        # "účet tam ještě není, kde zadám server?", "a kde to v Samsungu zadám?" after asking to
        # add the mailbox: no account's settings to open – the add-account form with its values
        "place_while_adding",
        lambda t: (
            bool(t.device or t.frame.device)
            and t.topic != answers.AUTH_AFTER_ADDING  # (told: that place is in the added account)
            # (at the form its values are shown: "kam napíšu port? a ta zaškrtávátka?" is
            # answered there, past it the account is added)
            and not (t.walkthrough_active and t.step >= knowledge.form_step(t.device))
            # ("kde to je? tu položku nevidím" on the way: that step's help)
            and not (t.walkthrough_active and t.intent == "step_help" and not t.frame.asks)
            and not (t.frame.symptom or t.frame.open_smtp or t.frame.ports or t.frame.hosts)
            # ("kde najdu heslo k mailu? nastavuju Samsung": the password, not the form)
            and not ({"password", "mailbox_password"} & set(t.frame.asks) or _password_forgotten(t))
            # ("píše volitelné, mám to vyplnit? a kam porty, políčko není": those answers)
            and not set(t.frame.asks) & ANSWERED_AT_FORM
            # ("kde je přidat účet?": a button on the way, not a value's place)
            and not screens.label_asked(t.frame.folded, t.device or t.frame.device)
            and (
                lexicon.says("where_setting", t.frame.folded)
                or WHERE_TO_ADD.search(t.frame.folded)  # "a kde v Outlooku to přidám?"
                or lexicon.says("password_in_device", t.frame.folded)
                or t.frame.asks_how
                or lexicon.says("how_to_do_it", t.frame.folded)
            )
            and (adding_account(t) or _before_form(t))
        ),
        place_while_adding,
    ),
    Route(
        "password_in_device",  # "heslo jsem změnil, kde ho teď v aplikaci přepíšu?"
        lambda t: (
            bool(t.device or t.frame.device)
            # ("…podpis, synchronizace… heslo nikde": its field not found in the account)
            and (
                lexicon.says("password_in_device", t.frame.folded)
                or lexicon.says("password_not_found", t.frame.folded)
            )
            and lexicon.says("login_fields", t.frame.folded)
            # ("…si to najde sám. heslo změním, jak jste psal. díky": a goodbye, nothing asked)
            and not (lexicon.says("thanks", t.frame.folded) and "?" not in t.frame.text)
            and not t.frame.adjacent_clauses  # "…heslo do zákaznického účtu?": not the mailbox's
            and not (t.frame.ports or t.walkthrough_active)
            # ("po změně hesla nic nejde, kam ho zadám?": the failure is the password not there)
            and not (t.frame.symptom and not lexicon.says("password_changed", t.frame.folded))
            # ("…heslo… Jen nevím, kde je karta s tím ověřením": the outgoing log-in's place)
            and not lexicon.says("where_auth", t.frame.folded)
        ),
        password_in_device,
    ),
    Route(
        "how_to_test",  # "jak si teď vyzkouším, že to posílá?": a test message to oneself
        lambda t: (
            lexicon.says("how_to_test", t.frame.folded)
            and not (t.frame.symptom or t.frame.ports or t.frame.hosts or t.frame.asks)
        ),
        said("utter_walkthrough_check"),
    ),
    Route(
        "webmail_password_same",  # "heslo ke schránce je to samý co do webmailu?": yes
        lambda t: lexicon.says("webmail_password_same", t.frame.folded) and "?" in t.frame.text,
        said_in_language("utter_webmail_password_same", "utter_en_webmail_password_same"),
        sentence="webmail_password_same",
    ),
    Route("webmail", _asks_webmail, webmail),  # "dostanu se k poště přes prohlížeč?"
    Route("adjacent_not_mail", _mail_blamed, said("utter_adjacent_not_mail")),
    Route(
        # "jaký port pro FTP?" – "a pro poštu?": the same asked of the mail – its ports
        "mail_after_hosting",
        lambda t: t.topic == "adjacent" and bool(MAIL_FRAGMENT.match(t.frame.folded)),
        lambda d, t: ports.answer_port_table(d),
    ),
    Route("adjacent", lambda t: _adjacent_only(t) or _adjacent_again(t), adjacent),
    # "kde si stáhnu fakturu? a jaký je server odchozí pošty": the hosting matter, then the mail
    Route("adjacent_beside", lambda t: bool(t.frame.adjacent_clauses), adjacent, more=True),
    # "…hlásí to, že schránka je plná, co s tím? a je lepší IMAP?": its answer, then the rest
    Route(
        "adjacent_answer_beside",
        lambda t: bool(_adjacent_answers(t.frame.folded)),
        adjacent,
        more=True,
    ),
    Route("spam_beside", _spam_beside, spam_beside, more=True),
    Route(
        "why",  # "a proč?" right after an answer: the reason behind it
        lambda t: (
            lexicon.says("why_asked", t.frame.folded)
            and not (t.frame.symptom or t.frame.works is False)
            and reasons.reason(t.tracker) is not None
        ),
        reasons.answer_why,
    ),
    Route(
        # "Účet byl úspěšně přidán, pošta chodí. Jen nevím, kde je karta s ověřením": the
        # walkthrough is over, the log-in's place in the account that now exists
        "where_auth_after_setup",
        lambda t: (
            t.walkthrough_active
            and lexicon.says("where_auth", t.frame.folded)
            and (t.frame.works is True or lexicon.says("account_added", t.frame.folded))
        ),
        lambda d, t: ended() + troubleshoot(d, t, "smtp_fix_again"),
    ),
    Route("walkthrough_works", _works_in_walkthrough, walkthrough_works),
    Route("walkthrough_accepted", _accepts_walkthrough, resume_or_start),
    Route(
        "pop_missing",  # "žádný POP tam není, mám dát IMAP?" while adding: IMAP's form values
        lambda t: (
            lexicon.says("pop_missing", t.frame.folded)
            and bool(t.device or t.frame.device)
            and (t.walkthrough_active or adding_account(t))
        ),
        pop_missing,
    ),
    Route(
        "form_choice",
        # ("odchozí 587 bez zabezpečení, mám to tak nechat?" checks a port, chooses nothing)
        lambda t: (
            (
                bool(t.pending and t.pending.is_form_choice)
                # "chci IMAP bez šifrování" after the whole guide: its form's values changed
                or (
                    t.walkthrough_active
                    and bool(
                        set(t.protocols_here()) & set(knowledge.incoming_protocols())
                        or t.frame.security
                    )
                    and whole_guide_shown_last(t.tracker)
                )
            )
            and not (t.frame.ports and t.frame.checks)
            # ("…zaškrtl jsem oboje. vše vyplněno, dal jsem přihlásit se": the form is done)
            and not FORM_SENT.search(t.frame.folded)
            # ("co mám vybrat? v počítači mám POP3, nebude to mizet?": a question, no choice)
            and not {"pop_vs_imap", "keep_on_server"} & set(t.frame.asks)
        ),
        form_choice,
    ),
    Route(
        "other_senders",  # "i ten skener?" after the Open SMTP fix: every device that sends
        lambda t: (
            t.pending == Pending.SMTP_FIX
            and lexicon.says("other_senders", t.frame.folded)
            and not t.frame.asks
            # ("je to ten nový Outlook" after Outlook's fix: the same program, its version said)
            and not (
                t.frame.device in knowledge.guides()
                and t.tracker.get_slot("device") in knowledge.guide(t.frame.device).refines
            )
            # ("…server ssl0.ovh.net, port 587, STARTTLS. to je špatně? jo a v počítači jsem
            # měnil heslo…": the values to check, the computer only told of)
            and not (t.frame.ports or t.frame.hosts)
            # ("i v tiskárně? jo nebo ne" asks; "ne, v počítači pořád nic" answers "Pomohlo to?";
            # "jo, máme tiskárnu, co posílá skeny" tells of one more)
            and (
                "?" in t.frame.text
                or t.intent not in ("affirm", "deny")
                or bool(re.search(r"\b(mame|mam|mate)\b", t.frame.folded))
            )
            and not (t.frame.asks_how or _where_back(t))  # "jak to udělám v Thunderbirdu?"
            and not lexicon.says("without_auth", t.frame.folded)  # "co když to tam nezměním?"
            # "na notebooku pořád stejná chyba" is an answer about that device, not a question
            # ("jo a v počítači to musím měnit taky?": the "jo" opens the question)
            and t.frame.works is not False
            and not t.frame.symptom
            # ("je to Thunderbird" after the fix names their device: the fix there, below)
            and not (t.device_changed and "?" not in t.frame.text)
        ),
        also_other_devices,
    ),
    Route(
        # "a ještě něco dalšího tam musím mít?" after the servers and ports: the log-in's part
        "rest_of_form",
        lambda t: (
            lexicon.says("anything_else_needed", t.frame.folded)
            and t.topic in ("port", "server", "settings")
            and not (t.frame.asks or t.frame.symptom or t.frame.ports or t.frame.adjacent)
        ),
        lambda d, t: said("utter_rest_of_form", username=knowledge.username())(d, t),
    ),
    Route("where_back", _where_back, where_back),  # "ok, a kde to je?" is no "it helped"
    Route(
        "password_forgotten",  # "a když si ho nepamatuju?", "zapomněla jsem heslo ke schránce"
        _password_forgotten,
        password_forgotten,
    ),
    Route(
        # "tak co s tím mám dělat?" after the log-in's checks: the password set anew
        "login_failed_next",
        lambda t: (
            last_symptom(t.topic) == "login_failed"
            and lexicon.says("what_now", t.frame.folded)
            and not (t.frame.device or t.frame.asks or t.frame.ports or t.frame.symptom)
        ),
        login_failed_next,
    ),
    Route(
        "fix_how_exactly",  # "a co přesně mám udělat?" after the fix, no device known: which one
        lambda t: (
            _after_smtp_fix(t)
            and (
                lexicon.says("what_exactly", t.frame.folded)
                or lexicon.says("what_now", t.frame.folded)  # "tak co s tím?"
            )
            and not (t.frame.device or t.frame.asks or t.frame.ports or t.frame.symptom)
        ),
        fix_how_exactly,
    ),
    Route(
        "fix_for_device",  # "samsung" / "to samé mám i na iPhonu, jak tam?" after the SMTP fix
        _fix_for_another_device,
        lambda d, t: troubleshoot(d, t, "smtp_fix_again"),
    ),
    Route("place_for_device", _place_for_another_device, place_for_device),
    Route(
        "accept_certificate",  # "mám to přijmout, nebo ne?" after a certificate warning: no
        lambda t: (
            last_symptom(t.topic) == "certificate"  # (told with the warning: its diagnosis)
            and lexicon.says("accept_certificate", t.frame.folded)
            and not (t.frame.ports or t.frame.hosts)
        ),
        said("utter_certificate_no", server=knowledge.server("incoming")),
    ),
    Route(
        # "příjem jde bez problémů" to the SMTP fix's "Pomohlo to?": receiving was never the
        # fault – no success said, the sending's fix stands
        "receiving_told_at_fix",
        lambda t: (
            t.pending == Pending.SMTP_FIX
            and lexicon.says("receive_works", t.frame.folded)
            and not SENDING_NAMED.search(t.frame.folded)
            and t.frame.works is not False  # ("příjem jde, ale furt to hází chybu": no)
        ),
        receiving_fine,
    ),
    Route("pending_yes_no", answers_pending, lambda d, t: troubleshoot(d, t, t.intent)),
    Route(
        "receiving_works",  # "přijímat můžu normálně" to "Funguje Vám alespoň příjem?"
        lambda t: (
            t.pending == Pending.RECEIVING_WORKS
            and (
                (
                    lexicon.says("receive_works", t.frame.folded)
                    and not lexicon.says("send_fails", t.frame.folded)
                )
                # "nejde odesílat": the sending named as what fails, so receiving is fine
                or t.frame.symptom == "cannot_send"
            )
        ),
        lambda d, t: troubleshoot(d, t, "affirm"),
    ),
    Route(
        # "dobře, opravil jsem ho, jedem dál" after a problem told at a step: on from that step
        "resume_told_step",
        lambda t: (
            not t.walkthrough_active
            and t.walkthrough_started
            and t.frame.resume
            and not (t.frame.asks or t.frame.symptom or t.frame.works is False)
        ),
        lambda d, t: walkthrough_turn(
            "step_done" if lexicon.says("done_marker", t.frame.folded) else "resume_walkthrough",
            d,
            t,
        ),
    ),
    Route(
        "works_then_device",  # "v Outlooku odešlo. a jak to udělám na Androidu?": the next one
        lambda t: (
            t.pending in ANSWERS
            and bool(t.frame.works)
            and t.device_changed
            and "?" in t.frame.text
            and _after_smtp_fix(t)
        ),
        lambda d, t: _works_then_device(d, t),
    ),
    Route(
        "works_and_asks",  # "zkušební mail odešel. přijde ještě ticket? a heslo měnit musím?"
        lambda t: (
            t.pending in ANSWERS
            and t.frame.works is True
            and "?" in t.frame.text
            and bool(_asked_after_success(t))
        ),
        lambda d, t: _answer_after_success(d, t) + troubleshoot(d, t, "affirm"),
    ),
    Route(
        # "Pomohlo to?" – "ne, odesílání jde v pořádku!!": it never failed – the question misread
        "not_the_problem",
        lambda t: (
            t.pending in ANSWERS
            and t.frame.works is True
            and bool(NOT_THE_PROBLEM.search(t.frame.folded))
            and not t.frame.asks
        ),
        said("utter_not_the_problem"),
    ),
    Route(
        "pending_works",
        # "už to jde", "pořád nic", "heslo jsme změnili a už je to v pořádku", "odeslalo se!
        # takže to bylo tím?" – a question that asks nothing else is still the answer
        lambda t: (
            t.pending in ANSWERS
            and t.frame.works is not None
            and ("?" not in t.frame.text or not t.frame.asks)
            # ("opraveno, teď ještě porty pro IMAP": the fix worked, a value still asked for)
            and not t.frame.still_wants
            # ("takže účet je v pořádku?" asks whether the mailbox is safe, which nobody here knows)
            and not ("?" in t.frame.text and lexicon.says("compromised", t.frame.folded))
            # ("iPhone už jede. a v tom Outlooku na počítači? …": one device works, another asked)
            and not any(devices.named(q) for q in re.findall(r"[^.?!]*\?", t.frame.folded))
            # ("…odeslalo to. jak to má změnit v iPhonu, napište mi": asked without its mark)
            and not any(
                devices.named(s) and phrases.WAY_WORD.search(s)
                for s in sentences_of(t.frame.folded)
            )
            # ("ano, včera přišel nějaký ticket Open SMTP": the "ano" opens a report, no success)
            and not (t.frame.open_smtp and not lexicon.says("glad_it_works", t.frame.reported))
            # ("jinak mail v mobilu funguje, jen chci ověřit, že 465 je správně": something else
            # works, and a value is to check)
            and not (t.frame.ports and t.frame.checks and re.search(r"\bjinak\b", t.frame.folded))
            # ("jo to bylo ono. a ta odchozí 465 je dobře?": a port to check asked beside it)
            and not (t.frame.works and t.frame.ports and t.frame.checks and "?" in t.frame.text)
            # ("typ účtu je šedivý a nejde změnit": the type is fixed – the account added again)
            and "switch_account" not in t.frame.asks
            # ("nefunguje nic, já se ptám, KDE to v telefonu najdu": the place asked, no report)
            and not PLACE_ASKED.search(t.frame.folded)
            # ("dal jsem 993, příjem jede, ale odeslat pořád nejde" after a port fixed: the fix
            # helped, sending is the next fault – its own answer)
            and not (
                t.frame.symptom == "cannot_send"
                and last_symptom(t.topic) != "cannot_send"
                and t.topic != "smtp_auth"
                and lexicon.says("receive_works", t.frame.folded)
            )
        ),
        lambda d, t: that_is_all(d, t) + troubleshoot(d, t, "affirm" if t.frame.works else "deny"),
    ),
    Route(
        "after_handoff",  # (a symptom told meanwhile is answered: "odeslat nejde, co změnit?")
        lambda t: (
            t.frame.works is False
            and not (t.pending or t.frame.asks or t.frame.symptom)
            and handed_off(t)
        ),
        handoff_pending,
    ),
    Route(
        "must_change_after_fix",  # "takže musím něco změnit v telefonu?" after the SMTP fix: yes
        lambda t: (
            following_fix(t)
            and lexicon.says("must_change_something", t.frame.folded)
            # ("musím ještě něco udělat s tím ticketem?": the ticket's handling)
            and not lexicon.says("ticket_admin", t.frame.folded)
        ),
        lambda d, t: answers.answer_topic(d, t, "smtp_auth"),
    ),
    Route(
        "pop_before_smtp",  # "funguje ještě POP before SMTP?": no, the log-in, and where it is
        lambda t: (
            # (or the option seen: "v tiskárně mám zaškrtnuté POP před odesláním")
            lexicon.says("pop_before_smtp", t.frame.folded)
            or lexicon.says("pop_before_smtp_option", t.frame.folded)
            # ("odešle se, jen když si předtím stáhnu poštu": the old way at work)
            or lexicon.says("sends_after_receiving", t.frame.folded)
            # "souvisí to s tím, že mám POP3?" about the ticket or the sending
            or (
                lexicon.says("pop3_relation", t.frame.folded)
                and (
                    bool(t.frame.open_smtp)
                    or t.topic in ("open_smtp", "smtp_auth")
                    or following_fix(t)
                )
            )
        ),
        pop_before_smtp,
    ),
    Route(
        "without_auth",  # "co když to na tiskárně nezměním?" after the Open SMTP fix
        lambda t: (
            (t.pending == Pending.SMTP_FIX or following_fix(t))
            and lexicon.says("without_auth", t.frame.folded)
            # ("port tam je 587 a SSL zapnuté, nechat to tak, nebo přepsat?": the port's check;
            # "a musím měnit i port?": the port asked)
            and not t.frame.ports
            and not {"port", "server"} & set(t.frame.asks)
        ),
        without_auth,
    ),
    Route(
        # "…už to mám. žádný návod nechci, díky, čau" mid-walkthrough: it ends, and so does the chat
        "guide_declined",
        lambda t: (
            t.walkthrough_active
            and bool(NO_GUIDE.search(t.frame.folded))
            and not (t.frame.asks or t.frame.symptom or t.frame.ports or t.frame.works is False)
        ),
        lambda d, t: (
            walkthrough_turn("stop_walkthrough", d, t)
            if not lexicon.says("farewell", t.frame.folded)
            else closing(d, t) + [SlotSet("walkthrough_active", False)]
        ),
    ),
    Route(
        # "na firemní Wi-Fi to nejde, na datech jo": the settings are right, that network blocks
        "network_blocks",
        lambda t: lexicon.says("network_blocks", t.frame.folded) and not t.frame.hosts,
        lambda d, t: said("utter_network_blocks", port_table=replies.port_table())(d, t),
    ),
    Route("device_switch", _device_switch, device_switch),
    Route("device_restated", _device_restated, device_restated),
    Route("form_values", _asks_form_values, form_values),
    Route(
        "values_now",  # "…pak asi servery? napište mi rovnou všechny údaje": the form's values
        lambda t: (
            t.walkthrough_active
            and bool(t.device)
            and t.step <= knowledge.form_step(t.device)
            and lexicon.says("values_now", t.frame.folded)
            and not (t.frame.ports or t.frame.hosts or t.frame.symptom or t.frame.open_smtp)
        ),
        form_values,
    ),
    Route(
        "filled_form",
        # ("zaškrtnuto a nastaveno stejně jako příchozí" on the SMTP fix's way: that path's end)
        lambda t: _filled_step(t) is not None and not following_fix(t),
        yes_to_tap(filled_form),
    ),
    Route("choice_and_question", _chooses_and_asks, choose_and_answer),
    Route(
        "password_prompt",  # "dal jsem další a chce to heslo": the mailbox's, then go on
        lambda t: (
            t.walkthrough_active
            and lexicon.says("password_prompt", t.frame.folded)
            and not (t.frame.symptom or t.frame.ports)
            # ("chtělo to heslo a účet se přidal. Kde zaškrtnu ověření?": the question asked)
            and not set(t.frame.asks) - {"password"}
            # (before the guide's own password the prompt is a wrong turn: the step's help)
            and t.step >= _password_step(t.device)
        ),
        lambda d, t: answers.answer_password(d),
    ),
    Route("done_and_next_screen", _next_screen_after_done, next_screen),
    Route(
        "where_mail",  # "nastavení doběhlo, kde teď najdu ty maily?": the guide's last step says
        lambda t: (
            lexicon.says("where_mail", t.frame.folded)
            and not (t.frame.symptom or t.frame.asks or t.frame.ports or t.frame.open_smtp)
            # ("otevřel jsem nastavení a jedu dolů, kde je ta pošta?": on the way to the account)
            and not (
                t.frame.position
                and lexicon.says("done_marker", t.frame.folded)
                and not lexicon.says("account_added", t.frame.folded)
            )
            # (mid-walkthrough only when the account is told added: "hotovo, účet je přidaný")
            and (not t.walkthrough_active or lexicon.says("account_added", t.frame.folded))
        ),
        where_mail,
    ),
    Route("walkthrough_navigation", _in_walkthrough, yes_to_tap(navigate)),
    Route("screen_choice", _choice_at_screen, enter_walkthrough),
    Route(
        # "jsem v nastavení toho účtu" after the way to it: the part inside it (SSL, ports, SMTP)
        "in_account_now",
        lambda t: (
            last_route(t.tracker) == "lost_in_device"
            and lexicon.says("in_place", t.frame.folded)
            and bool(re.search(r"\bucet|\buctu\b|\buctech\b", t.frame.folded))
            and not (t.frame.asks or t.frame.symptom or t.walkthrough_active)
        ),
        said("utter_in_account_now"),
    ),
    Route(
        "not_exchange",  # "typ účtu jsem dal Exchange, je to tak?": no – IMAP or POP3
        lambda t: lexicon.says("exchange_chosen", t.frame.folded) and not t.frame.symptom,
        not_exchange,
    ),
    Route(
        # "jak se k tomu formuláři dostanu u účtu, co už existuje?": its settings, no new account
        "existing_account",
        lambda t: (
            t.device in knowledge.guides()
            and lexicon.says("existing_account", t.frame.folded)
            and not (t.frame.symptom or t.frame.ports or t.frame.hosts)
            and not set(t.frame.asks) - {"smtp_auth", "settings", "server", "port"}
        ),
        existing_account,
    ),
    Route(
        "rest_checked",  # after a check: "přepsala jsem to, je ještě něco špatně?" – no
        lambda t: (
            last_route(t.tracker) == "server_check"
            and lexicon.says("anything_else_wrong", t.frame.folded)
            and not (t.frame.hosts or t.frame.ports or t.frame.symptom)
        ),
        said("utter_rest_checked"),
    ),
    Route("walkthrough_entered", _enters_walkthrough, yes_to_tap(enter_walkthrough)),
    Route(
        "walkthrough_resumed",  # "pojďme zase na ten postup" with the walkthrough paused
        lambda t: t.frame.where_were_we and not t.walkthrough_active and not _fact_question(t),
        resume_or_start,
    ),
    # A pasted SMTP reply or a symptom: its fix names the server, the user name and the
    # password, so a question about those is answered by it.
    Route(
        # "příjem jsem přepsal, ale odchozí nevím kde" after the password: its outgoing field
        "outgoing_password_where",
        lambda t: (
            lexicon.says("outgoing_where_after_incoming", t.frame.folded)
            and (_password_in_talk(t) or "hesl" in t.frame.folded)
        ),
        outgoing_password_where,
    ),
    Route(
        "password_one_side",  # "heslo jsem změnil, u příchozí přepsal, u odchozího asi ne": the cause
        lambda t: lexicon.says("password_changed_one_side", t.frame.folded),
        password_one_side,
    ),
    Route(
        "wrong_server_and_problem",  # "mám tam smtp.seznam.cz a neodesílá to": the name first
        lambda t: bool(
            (t.frame.symptom or t.frame.works is False)
            and set(h.lower() for h in t.frame.hosts) - knowledge.our_servers()
        ),
        check_servers,
    ),
    Route("port_try", _port_tried, port_try),
    Route(
        # "nefunguje nic, já se ptám, KDE to v telefonu najdu" during the SMTP fix: its place
        "smtp_fix_place",
        lambda t: (
            t.pending == Pending.SMTP_FIX
            and bool(PLACE_ASKED.search(t.frame.folded))
            and not set(t.frame.asks) - {"smtp_auth"}
            and not (t.frame.ports or t.frame.hosts or t.frame.error_code)
        ),
        lambda d, t: troubleshoot(d, t, "smtp_fix_again"),
    ),
    Route(
        # "heslo: X" – "to bylo heslo k mailu, je dobrý?": no check of it here, a new one advised
        "password_typed_worry",
        lambda t: (
            lexicon.says("password_typed_worry", t.frame.folded)
            and "utter_password_warning" in last_responses(t.tracker)
            and not (
                t.frame.asks or t.frame.names_something or phrases.FAILS.search(t.frame.folded)
            )
        ),
        lambda d, t: answers.answer_password(d, t.frame.text, typed_before=True),
    ),
    Route("problem", _is_problem, answer_problem),
    Route(
        # "a musím měnit i heslo?" after the Open SMTP fix: no, the log-in uses the one it has
        "open_smtp_password",
        lambda t: (
            lexicon.says("must_change_password", t.frame.folded)
            and (_after_smtp_fix(t) or bool(t.frame.open_smtp) or t.topic == "open_smtp")
            # (spam sent or a break-in feared: the password is changed, its own answer)
            and not lexicon.says("compromised", t.frame.folded)
            and not re.search(r"\bspam|\bzneuz|\bnapad|\bhack", t.frame.folded)
        ),
        said("utter_open_smtp_password"),
    ),
    Route(
        "open_smtp_ticket",
        lambda t: (
            (
                t.frame.open_smtp == "named"
                or (t.intent == "open_smtp_ticket" and not t.frame.open_smtp)
            )
            # ("musím na ten ticket odpovědět?": the ticket's handling, not what it means)
            and not lexicon.says("ticket_admin", t.frame.folded)
        ),
        explain_ticket,
    ),
    Route(
        # "někdo se nám naboural do mailu a rozesílá z něj spam": a break-in told, not asked
        "break_in",
        lambda t: (
            lexicon.says("compromised", t.frame.folded)
            and "?" not in t.frame.text
            and bool(t.frame.spam or t.frame.open_smtp == "described")
        ),
        break_in,
    ),
    Route(
        # "pop3, port 110 a zaškrtnuté SSL, odesílání na 465 bez ověření": the ports told are
        # checked first, then the log-in that is missing
        "described_ports",
        lambda t: t.frame.open_smtp == "described" and bool(t.frame.ports),
        ports.check_ports,
        more=True,
    ),
    Route(
        "open_smtp_described",
        lambda t: t.frame.open_smtp == "described",
        lambda d, t: troubleshoot(d, t, "open_smtp_described"),
    ),
    Route(
        "port_in_host",  # "nemám políčko na port, mám psát ssl0.ovh.net:993?"
        lambda t: lexicon.says("host_with_port", t.frame.folded),
        port_in_host,
    ),
    Route(
        "server_check",  # "mám smtp.seznam.cz, je to dobře?"
        lambda t: bool(
            t.frame.hosts
            # ("napsal jsem tam ssl0.ovh.com": a server not ours, told – checked all the same)
            and (
                t.frame.checks
                or "?" in t.frame.text
                or {h.lower() for h in t.frame.hosts} - knowledge.our_servers()
            )
            # ("když převedeme doménu jinam, budou fungovat maily s ssl0.ovh.net?": the domain's)
            and not (t.frame.adjacent and not t.frame.checks)
            # ("k čemu je ten ssl0 server?": what a server is, no value to check)
            and not (t.frame.term == "server" and not t.frame.checks)
        ),
        check_servers,
    ),
    Route(
        "check_password_self",  # "a kde si ho teda ověřím sám?": the webmail's sign-in
        lambda t: (
            lexicon.says("check_password_self", t.frame.folded)
            and (_password_in_talk(t) or "hesl" in t.frame.folded)
            and not (t.frame.ports or t.frame.hosts)
        ),
        check_password_self,
    ),
    Route(
        "which_port_to_use",  # "a který mám teda použít?" after a protocol's two ports: the SSL one
        lambda t: (
            t.topic == "port"
            and lexicon.says("which_to_use", t.frame.folded)
            and (t.protocol in knowledge.protocols() or bool(t.last_protocols))
        ),
        lambda d, t: ports.answer_port(
            d, replace(t, security="ssl"), t.last_protocols or [t.protocol or ""]
        ),
    ),
    Route(
        "symptom_again",  # "tak co s tím?" after a symptom's fix: that fix again
        lambda t: bool(last_symptom(t.topic)) and lexicon.says("what_now", t.frame.folded),
        lambda d, t: answer_symptom(d, last_symptom(t.topic), None, t.device, account_type(t)),
    ),
    Route(
        "where_setting",  # "kde se v Outlooku mění port?": the place in their device
        lambda t: (
            (
                lexicon.says("where_setting", t.frame.folded)
                # "a kudy se tam dostanu?" after the log-in was said to be in the added account
                or (t.frame.asks_how and t.topic == answers.AUTH_AFTER_ADDING)
            )
            and not t.frame.symptom
            # "jsem u toho, kde je Server příchozí pošty": where they are, not a question
            and not (lexicon.says("place_described", t.frame.folded) and "?" not in t.frame.text)
            # "kde najdu heslo … a jaký je odchozí server?": two questions of their own
            and not {"password", "mailbox_password", "username"} & set(t.frame.asks)
            and not {"port", "smtp_auth"} <= set(t.frame.asks)  # "1) port pro IMAP, 2) kde…"
            # ("kam napíšu port? políčko nevidím. a zaškrtávátka SSL?": each question answered)
            and not ("port_not_entered" in t.frame.asks or len(t.frame.asks) >= 3)
        ),
        where_setting,
    ),
    Route(
        "sending_setup",  # "jak v Samsungu nastavím odesílání?": the outgoing server, log-in on
        lambda t: (
            t.frame.protocols == ["smtp"]
            and not t.walkthrough_active
            and not (t.frame.ports or t.frame.hosts or t.frame.security)
            and not set(t.frame.asks) - {"settings", "smtp_auth"}
            and (t.frame.asks_how or lexicon.says("how_to_do_it", t.frame.folded))
            and lexicon.says("setup_verb", t.frame.folded)
            and _asks_setup(t, sending=True)
        ),
        lambda d, t: troubleshoot(d, t, "smtp_fix_again"),
    ),
    Route(
        "program_feature",  # "jde v Thunderbirdu podpis s logem?": the program's own feature
        lambda t: (
            lexicon.says("program_feature", t.frame.folded)
            and not t.walkthrough_active
            and not (t.frame.protocols or t.frame.ports or t.frame.symptom or t.frame.hosts)
            and not (set(t.frame.asks) - {"settings"} or t.frame.open_smtp)
        ),
        said("utter_program_feature"),
    ),
    Route("device_setup", _device_setup, start_walkthrough),
    Route(
        # "ten postup pro iPhone mi nefunguje", "nastavuju Samsung a nejde to": what fails there
        "device_fails_vaguely",
        lambda t: (
            bool(t.frame.device)
            and t.frame.works is False
            and bool(
                GUIDE_NAMED.search(t.frame.folded)
            )  # ("nastavuju Outlook a nejde to": its guide)
            and not (t.frame.symptom or t.frame.ports or t.frame.hosts or t.frame.open_smtp)
            and not set(t.frame.asks) - {"other_device"}
            and not t.walkthrough_active
        ),
        lambda d, t: troubleshoot(d, t, "mail_not_working"),
    ),
    Route("other_device", _other_device, other_device),
    Route("device_named", _device_named, device_named),
    Route(
        "smtp_fix_again",  # "a kde přesně to v telefonu zapnu?": the steps again
        lambda t: (
            t.frame.asks_how
            and not set(t.frame.asks) - {"smtp_auth"}  # ("kde to heslo změním?" asks the password)
            and (
                t.pending == Pending.SMTP_FIX
                or (
                    t.topic == "smtp_auth"
                    and not (t.frame.asks or t.frame.protocols or t.frame.ports)
                )
            )
        ),
        lambda d, t: troubleshoot(d, t, "smtp_fix_again"),
    ),
    Route(
        "check_request",  # "můžete mi zkontrolovat nastavení?": what to send for the check
        lambda t: (
            lexicon.says("check_request", t.frame.folded)
            and not t.frame.asks_how  # ("kde to zkontroluju?": the place in the device)
            and not (t.frame.ports or t.frame.hosts or t.frame.protocols or t.frame.symptom)
        ),
        said("utter_send_settings_to_check"),
    ),
    Route(
        "setup_after_device",  # "mám Samsung" → "jak to nastavím?": its walkthrough
        lambda t: (
            lexicon.says("setup_it", t.frame.folded)
            and bool(t.device)
            and not t.walkthrough_active
            and last_route(t.tracker) in ("device_named", "device_answer")
            and not (t.frame.asks or t.frame.protocols or t.frame.ports or t.frame.symptom)
        ),
        lambda d, t: walkthrough_turn("start_walkthrough", d, t),
    ),
    Route(
        "where_in_device",  # "kde to zkontroluju?" after a fix: the account's settings there
        lambda t: (
            t.frame.asks_how
            and bool(t.device)
            and not t.walkthrough_active
            and not (t.frame.asks or t.frame.protocols or t.frame.ports or t.frame.symptom)
        ),
        where_in_device,
    ),
    Route(
        "compromised",  # "takže se nám někdo dostal do účtu?": unknowable here; a new password
        lambda t: (
            lexicon.says("compromised", t.frame.folded)
            # ("stačí zapnout ověřování a mám klid?": the worry is the question)
            and not (set(t.frame.asks) - {"smtp_auth", "password"} or t.frame.symptom)
            and t.frame.open_smtp != "named"
            and not _compromise_beside(t)
        ),
        compromised,
    ),
    Route(
        "what_needed",  # "android, chci tam poštu, co budu potřebovat?": the address and password
        lambda t: (
            lexicon.says("what_needed", t.frame.folded)
            and not (t.frame.symptom or t.frame.ports)
            # ("…jméno (tam je jen novak), server novakovi-chalupa.cz. co mám přepsat?": those)
            and not (t.frame.hosts or lexicon.says("username_short", t.frame.folded))
        ),
        what_needed,
    ),
    Route(
        "leaves_it",  # "jasně, tak to necháme, pošta mi jinak jde": a close, not a new failure
        lambda t: (
            _nothing_asked(t)
            and lexicon.says("leaves_it", t.frame.folded)
            and not (t.frame.symptom or t.frame.works is False)
        ),
        said("utter_anything_else"),
    ),
    Route(
        "thanks",  # "ne, děkuju, to stačí", "super, moc jste mi pomohl": thanks, not a new topic
        lambda t: _nothing_asked(t) and lexicon.says("thanks", t.frame.folded),
        said_in_language("utter_thanks", "utter_en_thanks"),
    ),
    Route(
        "glad_it_works",  # "opravil jsem to a už to jede" with nothing open
        lambda t: (
            (
                (
                    _nothing_asked(t, settings_named=True, values_named=True)
                    # "dal jsem 587 a zaškrtnul ověření, už to jde, díky": what they did, and it works
                    or (
                        bool(t.frame.works)
                        and "?" not in t.frame.text
                        and not t.frame.symptom
                        and set(t.frame.asks) <= {"smtp_auth", "port"}
                        and not lexicon.says("receive_works", t.frame.folded)  # "příjem jede"
                        # ("opraveno, teď ještě porty pro IMAP": a value still asked for)
                        and not t.frame.still_wants
                    )
                )
                and lexicon.says("glad_it_works", t.frame.reported)
                # ("opraveno. a uživatel mám jmeno.prijmeni bez domény": a fault told after it)
                and not lexicon.says("username_short", t.frame.folded)
            )
            or _asks_if_all_done(t)
        ),
        glad_it_works,
    ),
    Route(
        "questions_and_problem",
        # (a port asked with its SSL choice is answered alone: the customer knows their setup)
        lambda t: (
            t.frame.symptom in ENTRIES
            and bool(_asked_beside(t.frame))
            # ("…co mám zkontrolovat a jaký port bez SSL?" asks for the diagnosis too)
            and not (t.frame.security and not lexicon.says("what_to_check", t.frame.folded))
        ),
        questions_and_problem,
    ),
    Route(
        "lost_in_device",  # "nemůžu najít, kde jsou účty" with no walkthrough: where they are
        lambda t: (
            t.frame.needs_help
            and t.device in knowledge.guides()
            and not t.walkthrough_active
            and not (t.frame.asks or t.frame.symptom or t.pending)
        ),
        said("utter_where_account"),
    ),
    Route(
        "password_typed_change",  # "mám si ho teď změnit?" after a password typed here: yes
        lambda t: (
            (
                lexicon.says("asks_whether_to_change", t.frame.folded)
                or lexicon.says("password_typed_worry", t.frame.folded)
                # "a změnit ho jde kde?": where the one typed is changed
                or bool(WHERE_CHANGED.search(t.frame.folded))
            )
            and not (t.frame.asks or t.frame.names_something)
            and password_typed_here(t.tracker)
        ),
        lambda d, t: answers.answer_password(d, t.frame.text, typed_before=True),
    ),
    Route(
        "how_long",  # "a jak dlouho ta změna trvá?" after the password's change; after a handoff
        lambda t: lexicon.says("how_long", t.frame.folded) and _how_long_of(t) is not None,
        said_how_long,
    ),
    Route(
        "same_for_both",  # "a je to stejný pro odchozí i příchozí?": of the value just answered
        lambda t: (
            lexicon.says("same_for_both", t.frame.folded)
            and not t.frame.asks
            and _same_for_both_topic(t) is not None
        ),
        lambda d, t: answers.answer_topic(d, t, _same_for_both_topic(t) or ""),
    ),
    Route(
        "same_as_before",  # "i u toho odchozího to samý?" after the log-in: yes, the same
        lambda t: (
            lexicon.says("same_as_before", t.frame.folded)
            and bool({"username", "password"} & set(t.last_topics + [t.topic or ""]))
            and "port" not in t.last_topics  # (a port differs: the follow-up answers it)
        ),
        lambda d, t: answers.answer_topic(d, t, "same_login"),
    ),
    Route(
        "address_password_enough",  # "stačí mi adresa a heslo?": maybe; else the values by hand
        lambda t: (
            lexicon.says("address_password_enough", t.frame.folded)
            and not (t.frame.symptom or t.frame.ports or t.walkthrough_active)
        ),
        auto_or_manual,
    ),
    Route(
        "several_devices",  # "mám tablet s Androidem a iPhone, chci mail na obou": IMAP, which first
        lambda t: (
            len(devices.all_named(t.frame.folded)) >= 2
            and lexicon.says("several_devices_setup", t.frame.folded)
            # ("…na obou chci tu samou schránku, jaký server a port?": the values asked)
            and not set(t.frame.asks) - {"pop_vs_imap"}  # (IMAP is this answer's advice)
            and not (t.frame.symptom or t.frame.ports or t.walkthrough_active)
        ),
        several_devices,
    ),
    Route("questions", lambda t: True, answer_questions),
    Route(
        "start_walkthrough",
        lambda t: (
            (
                t.frame.start
                or t.intent == "start_walkthrough"
                or lexicon.says("start_setup", t.frame.folded)
            )
            and not t.walkthrough_active
            # ("chci v Mailu pravidla na třídění pošty": the program's feature, not a setup)
            and not lexicon.says("program_feature", t.frame.folded)
            # ("musím to nastavit i na druhém PC?" after a fix: yes, each – no new account)
            and not _each_device_asked(t)
        ),
        start_walkthrough,
    ),
    Route(
        "fix_done_still_fails",  # "mám to zaškrtnuté, pořád nic" after where the box is: next checks
        lambda t: (
            following_fix(t)
            and t.pending is None
            and t.frame.works is False
            and (
                lexicon.says("it_ticked", t.frame.folded) or lexicon.says("auth_ok", t.frame.folded)
            )
            and not (t.frame.ports or t.frame.hosts or t.frame.asks)
        ),
        lambda d, t: troubleshoot(d, replace(t, pending=Pending.SMTP_FIX), "deny"),
    ),
    Route(
        "sending_still_fails",  # "dal jsem SSL, pořád nic" after the outgoing port: the log-in next
        lambda t: (
            t.frame.works is False
            and bool(t.frame.security)
            and "smtp" in (t.last_protocols or [t.protocol or ""])
            and not (t.frame.ports or t.frame.asks or t.frame.hosts)
        ),
        lambda d, t: ports.answer_port(d, t, ["smtp"]) + troubleshoot(d, t, "cannot_send"),
    ),
    Route(
        # "jasný, tak IMAP. a jak to v tom Gmailu přidám?" in the walkthrough: its step again
        "walkthrough_how_to_add",
        lambda t: (
            t.walkthrough_active
            and bool(HOW_TO_ADD.search(t.frame.folded))
            and not (t.frame.ports or t.frame.symptom or set(t.frame.asks) - {"term"})
        ),
        resume_or_start,
    ),
    # ("schránka je plná… mám imap v telefonu": the protocol told beside a hosting matter)
    Route(
        "follow_up",
        lambda t: t.follow_up and not _adjacent_answers(t.frame.folded),
        continue_topic,
    ),
    Route(
        # "lumia: jsem na obrazovce s adresou a heslem, to heslo je jaký?" – "ok, mám to, co
        # dál?": the screen told before is done, its button next
        "screen_told_done",
        lambda t: (
            not t.walkthrough_active
            and t.device in knowledge.guides()
            and t.frame.confirms
            and not (t.frame.asks or t.frame.position or t.frame.symptom)
            and _told_screen(t) is not None
        ),
        lambda d, t: _after_told_screen(d, t),
    ),
    Route(
        "walkthrough_intent",
        lambda t: t.intent in NAVIGATION,
        lambda d, t: walkthrough_turn(t.intent, d, t),
    ),
    Route(
        # "tak proč mi to pořád nejde?" after every value checked right: the log-in is left
        "checked_right_still_fails",
        lambda t: (
            t.frame.works is False
            and not (t.frame.symptom or t.frame.asks or t.frame.ports or t.frame.hosts)
            and bool(CHECKED_RIGHT & set(last_responses(t.tracker)))
            and not CHECKED_WRONG & set(last_responses(t.tracker))
        ),
        lambda d, t: said("utter_values_right_login", username=knowledge.username())(d, t),
    ),
    Route(
        "troubleshooting_intent",
        # (the model's guess beside a hosting matter answered – "Odesílatel je … chtějí platbu":
        # no fault of the mail named)
        lambda t: t.intent in ENTRIES and not _adjacent_answers(t.frame.folded),
        lambda d, t: troubleshoot(d, t, t.intent),
    ),
    Route(
        "ssl_declined",  # "musím mít SSL?" – "Nemusíte…" – "ne, nechci ho": the ports without it
        lambda t: (
            "utter_ssl_optional" in last_responses(t.tracker)
            and lexicon.says("declines", t.frame.folded)
            and not (t.frame.protocols or t.frame.ports or t.frame.asks)
        ),
        ports_without_ssl,
    ),
    Route(
        "yes_no",  # nothing open: "what else?" ("díky, ale pošta pořád nejde" is a failure)
        lambda t: t.intent in ("affirm", "deny") and t.frame.works is not False,
        lambda d, t: troubleshoot(d, t, t.intent),
        last_resort=True,
    ),
    Route("other_language_intent", lambda t: t.intent == "other_language", other_language),
    Route(
        "small_talk",  # ("díky, pošta pořád nejde" is the failure, not thanks)
        lambda t: (
            t.intent in STATIC_RESPONSES
            and not (t.frame.works is False or t.frame.symptom)
            # ("dobrý den, mám dotaz k mailu na macbooku": the device's offer, below)
            and not (t.intent == "greet" and t.frame.device)
        ),
        static_response,
    ),
    Route(
        "setup_fails",  # "nedaří se mi to nastavit", no device yet: the walkthrough asks it
        lambda t: not t.walkthrough_active and lexicon.says("setup_fails", t.frame.folded),
        start_walkthrough,
    ),
    Route(
        "fails_vaguely",  # "pořád to nejde" with nothing open: what does not work?
        lambda t: t.frame.works is False,
        lambda d, t: troubleshoot(d, t, "mail_not_working"),
    ),
    Route("names_something", lambda t: t.frame.names_something, continue_topic, last_resort=True),
    Route(
        "value_again",  # "a jaký tam má být?" after the place of a setting: its value
        lambda t: (
            lexicon.says("value_again", t.frame.folded)
            and t.topic in ("port", "server", "username", "settings")
        ),
        continue_topic,
        last_resort=True,
    ),
    Route("handoff_note", handed_off, after_handoff.note, last_resort=True),
    Route(
        "walkthrough_guess_done",  # "jop", "otevřeno.", "je to podsvícené": a step done
        _short_report_in_walkthrough,
        lambda d, t: walkthrough_turn("step_done", d, t),
        last_resort=True,
    ),
    Route(
        "device_fallback",  # a device named and the rest not understood: what to do there
        lambda t: bool(t.frame.device) and not t.walkthrough_active,
        device_not_understood,
        last_resort=True,
    ),
    Route("fallback", lambda t: True, fall_back, last_resort=True),
]


def _other_sentences(turn: Turn, entry: Union[str, "re.Pattern[str]"]) -> Optional[Turn]:
    """The message without its sentences that `entry` reads, as a turn of its own (None: no
    other sentence asks anything)."""
    sentences = [part for part in sentences_of(turn.frame.text) if part.strip()]
    others = [
        part
        for part in sentences
        if not (lexicon.says(entry, fold(part)) if isinstance(entry, str) else entry.search(part))
    ]
    # (the route's own sentence not found alone: nothing to route apart)
    if not others or len(others) == len(sentences) or "?" not in " ".join(others):
        return None
    rest = _as_own_message(turn, " ".join(others))
    # ("…Kerberos. Co dát?": a question that only points back has nothing of its own)
    if len(rest.frame.folded.split()) <= POINTER_WORDS and not (
        rest.frame.asks or rest.frame.protocols
    ):
        return None
    return rest


POINTER_WORDS = 3


def _as_own_message(turn: Turn, text: str) -> Turn:
    """A part of the message read as a message of its own (the open question was the first
    part's: the rest is no answer to it)."""
    frame = read({"text": text}, turn.device, turn.walkthrough_active)
    return replace(turn, frame=frame, device=frame.device or turn.device, pending=None)


def _other_clauses(turn: Turn, clause: "re.Pattern[str]") -> Optional[Turn]:
    """The message without the clauses `clause` reads, as a turn of its own (None: nothing
    else in it is a question)."""
    rest = clause.sub(" ", turn.frame.text).strip(" ,;")
    if rest == turn.frame.text or "?" not in rest:
        return None
    return _as_own_message(turn, rest)


LAST_RESORT = {candidate.name for candidate in ROUTES if candidate.last_resort}


def _routed(turn: Turn, routes: List[Route]) -> List[Outcome]:
    """The outcomes of the routes that answer this turn, in order."""
    outcomes: List[Outcome] = []
    for candidate in routes:
        if outcomes and candidate.last_resort:
            # a route said its part and nothing else in the message is understood: the rest
            # beside the one clause it answered, as a message of its own
            alone = next(c for c in routes if c.name == outcomes[0].route)
            rest = (
                _other_clauses(turn, alone.clause) if len(outcomes) == 1 and alone.clause else None
            )
            if rest is not None:
                outcomes += [o for o in _routed(rest, routes) if o.route not in LAST_RESORT]
            break
        outcome = candidate.run(turn)
        if outcome is None:
            continue
        outcomes.append(outcome)
        rest = _other_sentences(turn, candidate.sentence) if candidate.sentence else None
        if rest is not None:
            answered = _routed(rest, routes)
            if not {o.route for o in answered} & LAST_RESORT:
                outcomes += answered
        if not outcome.more:
            break
    return outcomes


def route(turn: Turn, routes: List[Route] = ROUTES) -> Outcome:
    """The outcomes of the routes that answer this turn, as one."""
    total = merged(_routed(turn, routes))
    assert total is not None  # the fallback always answers
    if turn.frame.language == "en":  # the step's Czech labels, said in English
        labels = step_labels(total.messages, turn.device)
        intro = walkthrough_intro(total.messages)
        total.messages = [{**m, "route": "english_labels"} for m in intro] + total.messages
        total.messages += [{**m, "route": "english_labels"} for m in labels]
        total.messages = handoff_in_english(total.messages)
    if turn.pending in ANSWERS and total.state.pending_question is UNSET:
        # A yes/no question is open only for the very next message: a later "ne" answers
        # something else, never the old "Pomohlo to?" (no handoff nobody asked for).
        total.state.pending_question = None
    return total
