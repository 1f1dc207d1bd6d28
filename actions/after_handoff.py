"""What the customer says about a handoff already made: is it passed on, when, its number; "počkám";
"už to není potřeba"; a detail or a contact for the colleagues. Answered from the conversation's
open record (one per conversation, actions/handoff.py), never with a new one."""

import re
from typing import Optional

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge, lexicon
from actions.address import EMAIL
from actions.callback import answer_callback, set_up_address
from actions.context import Events, Turn, last_responses
from actions.handoff import HANDOFF_RESPONSES, open_record, post_addition, post_in_thread
from actions.pending import Pending
from stores import handoffs


def handed_off(turn: Turn) -> bool:
    """A handoff was said in this conversation (the record may since have been closed)."""
    return any(
        (event.get("metadata") or {}).get("utter_action") in HANDOFF_RESPONSES
        for event in turn.tracker.events
        if event.get("event") == "bot"
    )


CALL_ME = re.compile(r"\b(volejte|zavolejte|zavolat|volat|telefon\w*|cisl\w*|call)\b")


def contact_in(turn: Turn) -> bool:
    """An e-mail address or a phone number for the colleagues' reply: asked for, or a message
    that is little more than it ("pořád nic, login mám jan@firma.cz" names the mailbox)."""
    frame = turn.frame
    if not (EMAIL.search(frame.text) or frame.phone_number):
        return False
    about_mail = frame.asks or frame.hosts or frame.ports or frame.symptom or frame.works is False
    # ("na ten mail ne, nic mi nepřijde. volejte na 777…": the number, whatever the mail does)
    call_me = bool(frame.phone_number and CALL_ME.search(frame.folded))
    # ("zadám adresu marek@…, vyberu IMAP, heslo a píše, že se nepodařilo připojit": the address
    # set up, in a story of the fault – no contact, though one was asked for)
    set_up = bool(about_mail and set_up_address(frame))
    return (turn.pending == Pending.CALLBACK_EMAIL and not set_up) or not about_mail or call_me


def kind(turn: Turn) -> Optional[str]:
    """Which handoff follow-up the message is: cancel, contact, status, wait, detail (None: none).
    The words are read first: most messages are none, and they cost no scan of the events."""
    folded = turn.frame.folded
    if lexicon.says("handoff_cancel_asked", folded):
        found: Optional[str] = "cancel_asked"
    elif lexicon.says("handoff_cancel", folded):
        found = "cancel"
    elif contact_in(turn):
        found = "contact"
    elif lexicon.says("handoff_status", folded) and not turn.frame.names_something:
        found = "status"
    elif lexicon.says("handoff_wait", folded) and not (turn.frame.asks or turn.frame.ports):
        found = "wait"  # ("počkám, a mezitím jaký port pro POP3?": the question, answered)
    elif lexicon.says("handoff_detail", folded) and not (turn.frame.asks or turn.frame.ports):
        found = "detail"  # "může to být až po 14 h?": written to the record
    else:
        return None
    return found if handed_off(turn) else None


def answer(dispatcher: CollectingDispatcher, turn: Turn) -> Optional[Events]:
    record = open_record(turn.tracker)
    if record is None:
        return None  # closed by an agent: the bot answers as usual
    found = kind(turn)
    settings = knowledge.load()["handoff"]
    if found == "contact":
        return answer_callback(dispatcher, turn)
    if found == "cancel":
        handoffs.update(record["id"], state=handoffs.CLOSED)
        post_in_thread(record, "Zákazník píše, že už pomoc nepotřebuje.")
        english = turn.frame.language == "en"
        dispatcher.utter_message(
            response="utter_en_handoff_cancelled" if english else "utter_handoff_cancelled",
            handoff_number=record["id"],
        )
        return [SlotSet("pending_question", None)]
    if found == "cancel_asked":  # "a jde to ještě zrušit?": yes, by saying so
        dispatcher.utter_message(
            response="utter_handoff_cancel_possible", handoff_number=record["id"]
        )
        return []
    if found == "detail":
        post_addition(record, turn.frame.text)
        dispatcher.utter_message(response="utter_handoff_detail", handoff_number=record["id"])
        return [SlotSet("pending_question", None)]
    if found == "wait":
        dispatcher.utter_message(
            response="utter_handoff_wait", response_time=settings["response_time"]
        )
        return []
    dispatcher.utter_message(
        response="utter_handoff_again",
        handoff_number=record["id"],
        response_time=settings["response_time"],
    )
    return []


CANCELLED = ("utter_handoff_cancelled", "utter_en_handoff_cancelled")


def cancelled_asked(turn: Turn) -> bool:
    """ "Takže je to zrušené?" right after the request was cancelled."""
    return bool(
        set(last_responses(turn.tracker)) & set(CANCELLED)
        and lexicon.says("handoff_cancelled_asked", turn.frame.folded)
    )


def confirm_cancelled(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """Yes, with the request's number (the record closed, nobody will deal with it)."""
    record = handoffs.latest(turn.tracker.sender_id)
    if record is None or record["state"] != handoffs.CLOSED:
        return []
    english = turn.frame.language == "en"
    dispatcher.utter_message(
        response="utter_en_handoff_cancel_confirmed"
        if english
        else "utter_handoff_cancel_confirmed",
        handoff_number=record["id"],
    )
    return []


def note(dispatcher: CollectingDispatcher, turn: Turn) -> Optional[Events]:
    """A message the bot does not understand, with a handoff open: passed on to the colleagues
    (they read the conversation) instead of "nerozuměl jsem"."""
    record = open_record(turn.tracker) if handed_off(turn) and turn.frame.text else None
    if record is None:
        return None
    post_addition(record, turn.frame.text)
    dispatcher.utter_message(response="utter_handoff_note", handoff_number=record["id"])
    return []
