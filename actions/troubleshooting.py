"""Troubleshooting: the Open SMTP ticket, mail that does not leave, mail that does not work,
and the yes/no questions these leave open.

The conversation is data: each entry and each answer to a pending question leads to a Step
(responses to send, next question). All values come from the knowledge file.
"""

import re
from typing import Any, Dict, List, NamedTuple, Optional

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import devices, knowledge, lexicon, replies
from actions.answers import utter_password_change
from actions.context import Events, Turn
from actions.handoff import hand_off
from actions.pending import Pending


class Step(NamedTuple):
    responses: List[str]
    asks: Optional[Pending]  # the yes/no question left open, or None


SMTP_FIX = Step(["utter_smtp_fix", "utter_ask_fix_helped"], Pending.SMTP_FIX)
WORKED = Step(["utter_fix_worked"], None)
# The fix did not help: a person takes over (actions/handoff.py).
HANDOFF = Step([], None)

ENTRIES = {
    "open_smtp_ticket": Step(["utter_open_smtp_explained", *SMTP_FIX.responses], SMTP_FIX.asks),
    # The ticket described, not named: the same fix, without saying what the ticket is not.
    "open_smtp_described": Step(["utter_open_smtp_described", *SMTP_FIX.responses], SMTP_FIX.asks),
    "cannot_send": Step(["utter_smtp_auth_likely", *SMTP_FIX.responses], SMTP_FIX.asks),
    "smtp_fix_again": SMTP_FIX,
    "mail_not_working": Step(["utter_ask_receiving_works"], Pending.RECEIVING_WORKS),
    # "Nejde ani příjem, ani odesílání": no need to ask whether receiving works.
    "nothing_works": Step(["utter_receive_checks", "utter_ask_fix_helped"], Pending.RECEIVE_CHECKS),
}

ANSWERS = {
    Pending.RECEIVING_WORKS: {
        "affirm": ENTRIES["cannot_send"],
        "deny": Step(["utter_receive_checks", "utter_ask_fix_helped"], Pending.RECEIVE_CHECKS),
    },
    Pending.SMTP_FIX: {
        "affirm": WORKED,
        "deny": Step(["utter_smtp_checks", "utter_ask_fix_helped"], Pending.SMTP_CHECKS),
    },
    Pending.SMTP_CHECKS: {"affirm": WORKED, "deny": HANDOFF},
    Pending.RECEIVE_CHECKS: {"affirm": WORKED, "deny": HANDOFF},
    Pending.SYMPTOM_FIX: {"affirm": Step(["utter_symptom_fixed"], None), "deny": HANDOFF},
    # The fallback offered a person after two misunderstandings.
    Pending.HANDOFF_OFFER: {"affirm": HANDOFF, "deny": Step(["utter_handoff_declined"], None)},
}
NO_QUESTION = Step(["utter_anything_else"], None)


def answers_pending(turn: Turn) -> bool:
    """The message is a yes / no to the troubleshooting question left open."""
    # ("mám to přijmout, nebo ne?" asks a yes / no, it gives none)
    asks_one = "?" in turn.frame.text and (
        bool(YES_OR_NO_ASKED.search(turn.frame.folded))
        # "je nutné to řešit?" to "Pomohlo to?" asks whether to act, it tells nothing
        or lexicon.says("without_auth", turn.frame.folded)
        # "je to s nulou, jo?": a short question of its own, its "jo" no answer
        or (
            bool(turn.frame.asks)
            and turn.frame.works is None
            and len(turn.frame.text.split()) <= SHORT_QUESTION_WORDS
        )
    )
    return (
        turn.pending in ANSWERS
        and turn.intent in ("affirm", "deny")
        and not _contradicts(turn)
        and not asks_one
    )


SHORT_QUESTION_WORDS = 6
YES_OR_NO_ASKED = re.compile(r"\b(ano )?nebo ne\b|\bor not\b|\bci ne\b")


def _contradicts(turn: Turn) -> bool:
    """The words say the opposite of the model's yes / no ("NEFUNGUJE ANI PŘÍJEM" read as a
    yes): the text decides (the pending_works route)."""
    works = turn.frame.works
    if turn.intent == "affirm" and (
        turn.frame.spam or lexicon.says("compromised", turn.frame.folded)
    ):
        return True  # "kamarádům ode mě chodí divné maily" is no "it helped"
    return works is not None and works != (turn.intent == "affirm")


def next_step(entry: Optional[str], pending: Optional[Pending]) -> Step:
    if entry in ENTRIES:
        return ENTRIES[entry]
    return ((ANSWERS.get(pending) if pending else None) or {}).get(entry or "", NO_QUESTION)


def response_values() -> Dict[str, Any]:
    """Every value the troubleshooting responses may name."""
    return {
        **replies.settings_values(knowledge.recommended_protocol()),
        **knowledge.load()["open_smtp"],
        "port_table": replies.port_table(),
    }


def utter_other_devices(dispatcher: CollectingDispatcher, folded: str) -> None:
    """Every device that sends through the mailbox needs the fix; "kolik telefonů?" is no
    yes/no question: "Všechna", not "Ano"."""
    lead = (
        "Všechna"
        if lexicon.says("how_many", folded)
        # "na jakých zařízeních?": on every one
        else "Na všech"
        if re.search(r"\b(na|v|ve) (jakych|kterych)\b", folded)
        # "nevím, které z nich to způsobuje": any of them may
        else "Může to být kterékoli z nich"
        if re.search(r"\b(ktere|ktery|ktera|kterem|kteremu)\b", folded)
        else "Ano"
    )
    dispatcher.utter_message(response="utter_also_other_devices", lead=lead)


# the customer's own plan: "takže přepnu na SMTP autentizaci?", "zapnu tam ověřování"
SWITCH_TO_AUTH = re.compile(
    r"\b(prepn\w*|zapn\w*|dam|dat|nastav\w*|zvol\w*|vyber\w*|zaskrtn\w*)\b[^.?!]{0,15}"
    r"\b(smtp auth\w*|autentiz\w*|autentif\w*|overov\w*|overen\w*)"
)


AUTH_NAMED = re.compile(r"\bsmtp[- ]?auth\w*")
# "funguje ještě POP before SMTP?": whether the old way still works
STILL_WORKS = re.compile(
    r"\b(funguj\w*|jde|pujde|plati|podporuj\w*|lze|muzu|muze|pouzivat|works?)\b[^.!]{0,80}\?"
)
# "mám POP před odesláním vypnout?": the old way switched off
SWITCH_OFF = re.compile(r"\b(vypn\w*|odskrtn\w*|zrus\w*|deaktiv\w*|vyskrtn\w*)\b[^.!]{0,30}\?")
WHAT_OR_WHY = re.compile(r"\bco\b[^.?!]{0,15}\b(je|znamena)\b|\b(proc|what is|why)\b")


def utter_without_auth(dispatcher: CollectingDispatcher, folded: str) -> None:
    """What happens without the outgoing server's log-in; "musím to řešit, nebo to můžu
    ignorovat?" gets that it must be solved first."""
    switch = (
        "volbu „POP before SMTP“ (POP před odesláním) vypněte a zapněte ověřování (SMTP AUTH) – bez"
    )
    if AUTH_NAMED.search(folded) and lexicon.says("pop_before_smtp", folded) and "/" in folded:
        # a device's list copied ("Žádná / SMTP-AUTH / POP před SMTP. Co vybrat?"): the choice
        lead = "Z nabídky zvolte „SMTP-AUTH“ (ověřování SMTP). Bez"
    elif SWITCH_TO_AUTH.search(folded) or SWITCH_OFF.search(folded):
        # "takže přepnu na SMTP autentizaci?", "mám POP před odesláním vypnout?": yes, first
        lead = f"Ano – {switch}"
    elif lexicon.says("asks_if_cause", folded):  # "…přihlásit se před odesláním. může to být ono?"
        lead = f"Ano, nejspíš je to ono – {switch}"
    elif lexicon.says("pop_before_smtp_option", folded):  # "…POP před odesláním nechat?"
        # asked "stačí to tak nechat?": no, first
        lead = f"Ne – {switch}" if "?" in folded else switch[:1].upper() + switch[1:]
    elif lexicon.says("asks_if_must", folded):  # "…POP before SMTP? musím něco dělat?"
        lead = "Vyřešit to je potřeba – bez"
    elif lexicon.says("sends_after_receiving", folded):  # "odejde, jen když si stáhnu poštu"
        lead = (
            "Tak se chová starý způsob „POP before SMTP“ – odesílání povolené jen po přihlášení"
            " k příjmu. Bez"
        )
    elif lexicon.says("pop3_relation", folded):  # "souvisí to s tím, že mám POP3?"
        lead = "Jen tak, že dřív stačilo přihlášení k příjmu přes POP (POP before SMTP). Dnes bez"
    elif lexicon.says("pop_before_smtp", folded) and WHAT_OR_WHY.search(folded):
        # "co je to pop before smtp a proč to už nejde?": what it was, then why not
        lead = (
            "Je to starší způsob, kdy zařízení smělo posílat poštu jen proto, že se předtím"
            " přihlásilo k příjmu přes POP. Dnes bez"
        )
    elif lexicon.says("pop_before_smtp", folded) and STILL_WORKS.search(folded):
        lead = "Ne, už ne. Bez"  # "funguje ještě POP before SMTP?"
    else:
        lead = "Bez"
    dispatcher.utter_message(
        response="utter_without_auth", lead=lead, **knowledge.load()["open_smtp"]
    )


def troubleshoot(dispatcher: CollectingDispatcher, turn: Turn, entry: Optional[str]) -> Events:
    """An entry ("open_smtp_ticket", "cannot_send"...) or "affirm" / "deny" to the open question."""
    step = next_step(entry, turn.pending)
    if step is HANDOFF:
        reason = "misunderstood" if turn.pending == Pending.HANDOFF_OFFER else "fix_failed"
        return hand_off(dispatcher, turn.tracker, reason)
    values = response_values()
    ticket = entry in ("open_smtp_ticket", "open_smtp_described")
    folded = turn.frame.folded
    # ("…je to nějaký virus?": the same worry, answered the same way)
    spam = ticket and (turn.frame.spam or lexicon.says("compromised", folded))
    asked = turn.frame.asked or folded  # (the devices told beside another question: no yes)
    if ticket and "?" in turn.frame.text and lexicon.says("other_senders", asked):
        # "přišel Open SMTP, týká se to i tiskárny?": its yes first, then what the ticket means
        utter_other_devices(dispatcher, folded)
    for response in step.responses:
        if response == "utter_smtp_fix" and ticket and lexicon.says("without_auth", folded):
            # "…a když to neudělám, přestane pošta fungovat?": that first
            utter_without_auth(dispatcher, folded)
        if spam and response == "utter_ask_fix_helped":
            # Spam sent in the customer's name: someone else may know the password ("byli jsme
            # napadeni?" asked: what the ticket says of it, and that the bot cannot know more)
            worry = "?" in turn.frame.text and lexicon.says("compromised", folded)
            utter_password_change(
                dispatcher, "utter_compromised_ticket" if worry else "utter_change_password_spam"
            )
        named = devices.all_named(folded) if response == "utter_smtp_fix" else []
        sender = response == "utter_smtp_fix" and lexicon.says("sending_device", folded)
        if len(named) > 1 or sender:
            # "posílám z iPhonu a z Outlooku": the fix in each of them ("a ta tiskárna
            # Brother?": its outgoing server too)
            for device in named:
                dispatcher.utter_message(
                    response=response, **values, **replies.device_values(device)
                )
            if sender:
                dispatcher.utter_message(
                    response="utter_sending_device_settings", **replies.settings_values("smtp")
                )
            continue
        dispatcher.utter_message(response=response, **values)
    return [SlotSet("pending_question", step.asks.value if step.asks else None)]
