"""The call-back offer's answer: nobody could take the conversation over (timeout, outside
office hours), so the customer may leave an e-mail address or a phone number for the reply, or
decline."""

import re
from typing import Optional

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge, lexicon
from actions.address import EMAIL
from actions.context import Events, Turn
from actions.frame import Frame
from actions.handoff import post_addition, post_in_thread
from actions.pending import Pending
from czech_nlu.folding import fold
from stores import handoffs

DECLINE = re.compile(r"\b(ne|nechci|nebudu|radsi ne|bez kontaktu|nechte to)\b")


# both an address and a number, the number preferred (the mailbox is full or refused)
PHONE_PREFERRED = re.compile(
    r"\b(radsi|radeji|spis|lepsi|volejte|zavolejte)\b[^.!?]{0,20}\b(telefon\w*|cisl\w*|mobil\w*|\d{3})"
    r"|\b(plna|plny|nefunguje|nejde|nechodi|ne)\b[^.!?]{0,30}\b(telefon\w*|volejte|zavolejte)"
)


# "zadám adresu marek@…, vyberu IMAP…": the address being set up, named in the story
SET_UP_ADDRESS = re.compile(
    r"\b(zada\w*|vypln\w*|napis\w*|nastavuj\w*|pridav\w*|davam|dam|pisu)\s+(tam\s+)?(adres\w*\s+)?"
    r"[\w.+-]+@"
)


def set_up_address(frame: Frame) -> bool:
    """The address in the message is the one being set up, in a story of a fault, and no
    phone number beside it: no contact for the colleagues."""
    failing = frame.symptom or frame.works is False or frame.asks
    return bool(failing and SET_UP_ADDRESS.search(frame.folded) and not frame.phone_number)


def answer_callback(dispatcher: CollectingDispatcher, turn: Turn) -> Optional[Events]:
    """None when the message is neither an address nor a refusal (a question: answered as
    usual, the offer stays open)."""
    text = turn.frame.text
    if set_up_address(turn.frame):
        return None  # answered as usual, the offer stays open
    record = handoffs.latest(turn.tracker.sender_id)
    found = EMAIL.search(text)
    contact = found.group(0) if found else turn.frame.phone_number  # an address or a phone
    if found and turn.frame.phone_number and PHONE_PREFERRED.search(turn.frame.folded):
        contact = turn.frame.phone_number  # "jitka@…, ale ta je plná, tak radši telefon 777…"
    if contact and record:
        handoffs.update(record["id"], contact=contact)
        post_in_thread(record, f"Zákazník nechává kontakt pro odpověď: {contact}")
        if lexicon.says("handoff_detail", turn.frame.folded):
            # "zavolejte mi zítra mezi 14 a 15, číslo …": the wish passed on, no other promise
            post_addition(record, text)
            dispatcher.utter_message(response="utter_callback_saved_with_wish", contact=contact)
        else:
            dispatcher.utter_message(
                response="utter_callback_saved",
                contact=contact,
                callback_time=knowledge.load()["handoff"]["callback_time"],
            )
        return [SlotSet("pending_question", None)]
    declines = turn.intent == "deny" or bool(DECLINE.search(fold(text)))
    if declines and turn.frame.asks:
        return None  # "nechci čekat. … musí se heslo zadat i pro odesílání?": the question
    if lexicon.says("thanks", turn.frame.folded) and not (turn.frame.asks or declines):
        return None  # "díky": thanks, the offer stays open
    if declines:
        dispatcher.utter_message(
            response="utter_callback_declined", handoff_number=record["id"] if record else "–"
        )
        return [SlotSet("pending_question", None)]
    # (a short yes only: "ok, tak mi zatím řekni, co mám zkontrolovat" asks something else)
    short = len(text.split()) <= 6
    yes = turn.intent == "affirm" or re.match(r"\W*(ano|jo|jj|ok|okej|dobre|prosim)\b", fold(text))
    if yes and short and not turn.frame.asks and not turn.frame.phone_number:
        # "jo, prosím" to the offer of a call-back: the contact is asked for once more
        dispatcher.utter_message(response="utter_callback_which_contact")
        return [SlotSet("pending_question", Pending.CALLBACK_EMAIL.value)]
    if lexicon.says("contact_way", turn.frame.folded) and not turn.frame.asks:
        # "ať mi napíšou na mail": the way, not yet the address
        dispatcher.utter_message(response="utter_callback_which_contact")
        return [SlotSet("pending_question", Pending.CALLBACK_EMAIL.value)]
    if "@" in text or (len(text.split()) == 1 and not turn.frame.asks):
        dispatcher.utter_message(response="utter_callback_invalid")
        return [SlotSet("pending_question", Pending.CALLBACK_EMAIL.value)]
    return None
