"""The one action that answers a customer's message.

A turn runs in three steps, each in its own module:
1. understanding (actions/frame.py): the message becomes a Frame – the questions asked (maybe
   several), protocol, security, ports named, symptom, error code, step referred to;
2. context (actions/context.py): the Frame meets the conversation – a fragment or correction
   changes the last question, an open question is answered;
3. the route table (actions/routes.py): which answers the turn gets, as an Outcome (messages
   and a state change); this action only turns the Outcome into Rasa's messages and events.
"""

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge, lexicon, replies
from actions.address import mailbox_address
from actions.context import Events, Turn, customer_texts, resolve
from actions.frame import sentences_of
from actions.outcome import UNSET
from actions.routes import route
from actions.walkthrough import NAVIGATION, offer_resume, resume_step

# Words that put the customer at a screen (seeing it, having done the step before, being there)
PLACE_WORDS = (
    "seeing_marker",
    "done_marker",
    "button_done",
    "place_described",
    "in_place",
    "activity",
    "fields_as_place",
)


# The responses that already say the customer's success
SUCCESS_SAID = {
    "utter_boxes_ticked",
    "utter_boxes_ticked_form",
    "utter_fix_path_done",
    "utter_glad_it_works",
    "utter_all_done",
    "utter_try_sending",
    "utter_profile_installed",
    "utter_fix_worked",
    "utter_symptom_fixed",
    "utter_username_fixed",
}


def _success_beside_question(turn: Turn, messages: List[Dict[str, Any]]) -> bool:
    """A success told in Czech beside a question the turn answers, no answer saying it yet."""
    frame = turn.frame
    # (told in a sentence of its own: "a Thunderbird to načte?" asks, tells nothing)
    told = " ".join(s for s in sentences_of(frame.folded) if not s.strip().endswith("?"))
    return bool(
        frame.works
        and frame.language == "cs"
        and "?" in frame.text
        and lexicon.says("glad_it_works", told)
        and messages
        and not any(m.get("response") in SUCCESS_SAID for m in messages)
    )


class ActionRespond(Action):
    def name(self) -> str:
        return "action_respond"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> Events:
        turn = resolve(tracker)
        outcome = route(turn)
        if not outcome.state.steers and turn.walkthrough_active and turn.intent not in NAVIGATION:
            # Mid-walkthrough, something else answered: the way back to the same step.
            resume = CollectingDispatcher()
            step = resume_step(turn)
            outcome.state.absorb(offer_resume(resume, turn, step))
            if step != turn.step:  # a later screen named beside the question
                outcome.state.walkthrough_step = float(step)
            outcome.messages += [dict(m, route="resume_offer") for m in resume.messages]
        position = turn.frame.position
        if (
            position
            and not position.at_notice
            and turn.device
            and not turn.walkthrough_active
            and outcome.state.walkthrough_step is UNSET
            # ("a u typu účtu co?" at the form: its field asked about, not the earlier screen)
            and not (turn.step and position.step < turn.step and "?" in turn.frame.text)
            # ("mám POP a mám dát IMAP?" names account types, no screen the customer is at)
            and any(lexicon.says(entry, turn.frame.folded) for entry in PLACE_WORDS)
        ):  # "jsem u zadávání hesla" beside a problem: "pokračujeme" goes on from there
            outcome.state.walkthrough_step = float(position.step)
        if turn.device_changed:  # named in this message: kept for the whole conversation
            outcome.state.device = turn.device
        # ("skener neposílá skeny od toho ticketu": the places are the scanner's, not a phone's)
        sender = lexicon.says("sending_device", turn.frame.folded) and not turn.frame.device
        replies.with_device(outcome.messages, knowledge.SENDING_DEVICE if sender else turn.device)
        replies.with_address(outcome.messages, mailbox_address(customer_texts(turn.tracker)))
        replies.fault_first(outcome.messages)
        if _success_beside_question(turn, outcome.messages):
            # "…a zpráva odešla! díky. a můžu mít i druhou schránku?": the success, then the answer
            lead = CollectingDispatcher()
            lead.utter_message(response="utter_glad_lead")
            outcome.messages = lead.messages + outcome.messages
        if turn.frame.person_later:  # "…and if it still fails, a person?": offered, not opened
            later = CollectingDispatcher()
            english = turn.frame.language == "en"
            later.utter_message(
                response="utter_en_person_later" if english else "utter_person_later"
            )
            outcome.messages += later.messages
        dispatcher.messages.extend(outcome.messages)
        replies.buttons_last(dispatcher.messages, domain)
        return outcome.state.events()
