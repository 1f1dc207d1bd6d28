"""The one action that answers a customer's message.

A turn runs in three steps, each in its own module:
1. understanding (actions/frame.py): the message becomes a Frame – the questions asked (maybe
   several), protocol, security, ports named, symptom, error code, step referred to;
2. context (actions/context.py): the Frame meets the conversation – a fragment or correction
   changes the last question, an open question is answered;
3. this dispatcher: decides which answers the turn gets, in the order below, and leaves the
   wording to the answer modules (ports, answers, symptoms, troubleshooting, walkthrough).
"""

from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import answers, knowledge, ports, replies
from actions.callback import answer_callback
from actions.context import Events, Turn, resolve
from actions.english import answer_english
from actions.fallback import fall_back
from actions.feedback import answer_comment, answer_rating
from actions.handoff import HANDOFF_RESPONSES, hand_off
from actions.pending import Pending
from actions.symptoms import answer_symptom
from actions.topics import INTENT_TOPICS
from actions.troubleshooting import ANSWERS, ENTRIES, answers_pending, troubleshoot
from actions.walkthrough import NAVIGATION, answer_form_choice, offer_resume, walkthrough_turn

# Questions a symptom's fix does not answer: asked beside a symptom, they come first.
FACT_QUESTIONS = {"port", "settings", "pop_vs_imap", "port_table"}
STATIC_RESPONSES = {
    "greet": "utter_greet",
    "thanks": "utter_thanks",
    "capabilities": "utter_capabilities",
    "out_of_scope": "utter_out_of_scope",
}


class ActionRespond(Action):
    def name(self) -> str:
        return "action_respond"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> Events:
        turn = resolve(tracker)
        events = respond(dispatcher, turn)
        replies.buttons_last(dispatcher.messages, domain)
        topics = list(
            dict.fromkeys(
                e["value"]
                for e in events
                if e.get("event") == "slot" and e.get("name") == "last_topic"
            )
        )
        if len(topics) > 1:
            # Several questions answered: a follow-up continues all of them, the server last.
            events.append(SlotSet("last_topics", topics))
            events.append(SlotSet("last_topic", "server" if "server" in topics else topics[-1]))
        elif topics:
            events.append(SlotSet("last_topics", topics))
        steers = any(
            event.get("event") == "slot"
            and event.get("name") in ("walkthrough_step", "pending_question")
            and event.get("value") is not None
            for event in events
        )
        if not steers and turn.walkthrough_active and turn.intent not in NAVIGATION:
            offer_resume(dispatcher, turn)  # mid-walkthrough: the way back to the same step
        return events


def respond(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The answers of one turn, first match wins."""
    frame = turn.frame
    if turn.intent == "share_password":  # a typed password gets the warning, never an echo
        events = answer_problem(dispatcher, turn) if frame.symptom else []
        dispatcher.utter_message(response="utter_password_warning")  # and the symptom's fix
        return events
    if turn.intent == "rate":
        return answer_rating(dispatcher, turn)
    if turn.pending in (Pending.CALLBACK_EMAIL, Pending.RATING_COMMENT):
        answer = answer_callback if turn.pending == Pending.CALLBACK_EMAIL else answer_comment
        answered = answer(dispatcher, turn)
        if answered is not None:
            return answered
    if frame.language == "en":
        return answer_english(dispatcher, turn)
    if frame.language == "other":
        return other_language(dispatcher)
    # The model's guess alone does not make "a vlastně pro odchozí?" a question about the bot.
    if frame.identity or (turn.intent == "ask_bot_identity" and not frame.names_something):
        dispatcher.utter_message(
            response="utter_bot_identity", identity=knowledge.load()["assistant"]["identity"]
        )
        return answer_questions(dispatcher, turn) or []  # "jsi robot? a jaký je server?"
    if turn.intent == "request_human":
        return hand_off(dispatcher, turn.tracker, "request")
    if turn.pending and turn.pending.is_form_choice:
        choice = form_choice(dispatcher, turn)
        if choice is not None:
            return choice
    if answers_pending(turn):
        return troubleshoot(dispatcher, turn, turn.intent)
    if turn.pending in ANSWERS and frame.works is not None and "?" not in frame.text:
        # "už to jde", "pořád nic", "heslo jsme změnili a už je to v pořádku"
        return troubleshoot(dispatcher, turn, "affirm" if frame.works else "deny")
    if frame.works is False and not turn.pending and not frame.asks and handed_off(turn):
        # "pořád nic" after the handoff: the colleagues have it, nothing new to try.
        dispatcher.utter_message(
            response="utter_handoff_pending",
            response_time=knowledge.load()["handoff"]["response_time"],
        )
        return []
    if turn.walkthrough_active or (frame.step and turn.walkthrough_started):
        moved = navigate(dispatcher, turn)
        if moved is not None:
            return moved
    if frame.error_code or (frame.symptom and not set(frame.asks) & FACT_QUESTIONS):
        # A pasted SMTP reply or a symptom: its fix names the server, the user name and the
        # password, so a question about those is answered by it.
        return answer_problem(dispatcher, turn)
    if frame.open_smtp == "named" or (turn.intent == "open_smtp_ticket" and not frame.open_smtp):
        return troubleshoot(dispatcher, turn, "open_smtp_ticket")
    if frame.open_smtp == "described":
        return troubleshoot(dispatcher, turn, "open_smtp_described")
    if frame.hosts and (frame.checks or "?" in frame.text):  # "mám smtp.seznam.cz, je to dobře?"
        events = answers.check_servers(dispatcher, frame.hosts)
        return events + (ports.check_ports(dispatcher, turn) if frame.ports else [])
    if turn.pending == Pending.SMTP_FIX and frame.asks_how:
        # "a kde přesně to v telefonu zapnu?": the steps again, and the same question
        return troubleshoot(dispatcher, turn, "smtp_fix_again")
    questions = answer_questions(dispatcher, turn)
    if questions is not None:
        return questions
    if (frame.start or turn.intent == "start_walkthrough") and not turn.walkthrough_active:
        return start_walkthrough(dispatcher, turn)
    if turn.follow_up:
        return continue_topic(dispatcher, turn)
    return by_intent(dispatcher, turn)


def form_choice(dispatcher: CollectingDispatcher, turn: Turn) -> Optional[Events]:
    """The walkthrough asked IMAP or POP3 / SSL or not before the account form."""
    frame = turn.frame
    if turn.intent in NAVIGATION - {"step_done", "step_skip", "step_repeat"} or frame.step_explicit:
        return None  # "zpět", "ukončit", "jdi na krok 2": navigation, below
    if frame.asks and not frame.names_something:
        return None  # a question of its own: answered, then the offer to continue
    # The text decides ("ne, chci to se SSL"); a bare yes / no answers the SSL question.
    security = None
    if (
        turn.pending == Pending.WALKTHROUGH_SECURITY
        and frame.security is None
        and turn.intent in ("affirm", "deny")
        and not frame.unsure
    ):
        security = "ssl" if turn.intent == "affirm" else "plain"
    return answer_form_choice(dispatcher, turn, security)


def navigate(dispatcher: CollectingDispatcher, turn: Turn) -> Optional[Events]:
    """Free-text navigation of a running walkthrough; None when the message is no navigation."""
    frame = turn.frame
    if frame.symptom or frame.open_smtp:
        return None
    intent = turn.intent
    asks_something = bool(frame.asks or frame.names_something)
    if frame.needs_help and not asks_something:
        intent = "step_help"  # "v seznamu nevidím…": help with this step, not a jump
    elif frame.step and (frame.step_explicit or not asks_something):
        return walkthrough_turn("step_goto", dispatcher, turn)
    elif frame.asks or frame.ports or turn.follow_up:
        return None
    elif frame.returned or frame.resume:
        intent = "resume_walkthrough"  # "tak jsem zpět", "pokračujme": the same step again
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


def start_walkthrough(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """The walkthrough from step 1, keeping the account type and SSL choice the customer
    named on the way ("krok po kroku, budu používat POP3 bez SSL") for the form step."""
    protocol = next((p for p in turn.frame.protocols if p in knowledge.incoming_protocols()), None)
    security = turn.frame.security if turn.frame.security in knowledge.SECURITY_CHOICES else None
    chosen = [SlotSet("form_protocol", protocol)] if protocol else []
    chosen += [SlotSet("form_security", security)] if security else []
    return chosen + walkthrough_turn("start_walkthrough", dispatcher, turn)


def answer_questions(dispatcher: CollectingDispatcher, turn: Turn) -> Optional[Events]:
    """Every question the message asks, in the order asked; None when it asks none."""
    frame = turn.frame
    topics = list(frame.asks)
    if not topics and not frame.ports and not turn.follow_up and turn.intent in INTENT_TOPICS:
        topics = [INTENT_TOPICS[turn.intent]]
    if not topics and not frame.ports:
        return None
    events: Events = []
    if frame.port_choice:  # "993 nebo 143?": the ports of the protocol those numbers belong to
        owners = [owner[0] for n in frame.ports if (owner := knowledge.protocol_for_port(n))]
        events += ports.answer_port(
            dispatcher, turn, list(dict.fromkeys(owners)) or asked_protocols(turn)
        )
    elif frame.ports and (frame.checks or frame.protocols):
        events += ports.check_ports(dispatcher, turn)
    elif frame.ports:
        for number in frame.ports:
            events += ports.answer_port_purpose(dispatcher, number)
    for topic in topics:
        if topic in ("port", "port_purpose") and frame.ports:
            continue  # answered above
        if topic == "port" and not frame.protocols and turn.intent == "ask_port_table":
            events += ports.answer_port_table(dispatcher)  # "porty?", "všechny porty"
        elif topic == "port":
            events += ports.answer_port(dispatcher, turn, asked_protocols(turn))
        elif topic in ("port_table", "port_purpose"):
            events += ports.answer_port_table(dispatcher)
        else:
            events += answers.answer_topic(dispatcher, turn, topic)
    return events


def asked_protocols(turn: Turn) -> List[str]:
    """The protocols a port question is about: the message's, or the one it inherits."""
    if turn.frame.protocols and not turn.frame.everywhere:
        if turn.frame.protocols == ["incoming"] and turn.protocol in knowledge.incoming_protocols():
            return [turn.protocol]
        return turn.frame.protocols
    if turn.frame.protocols:  # "SSL všude, mám POP3": POP3 and SMTP
        return [p for p in turn.frame.protocols if p != "smtp"] + ["smtp"]
    if turn.follow_up and turn.last_protocols:
        protocols = turn.last_protocols  # "a se SSL?" after IMAP and SMTP: both again
    else:
        protocols = [turn.protocol] if turn.protocol else []
    if turn.frame.everywhere:  # "se SSL, všude": the incoming protocol and SMTP
        protocols = [p for p in protocols if p != "smtp"] + ["smtp"]
    return protocols


def answer_problem(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """A symptom: the troubleshooting flow for "nejde odeslat" / "nejde nic", else its fix."""
    # "odesílání nejde, mám 587 s SSL": the number checked first.
    events = ports.check_ports(dispatcher, turn) if turn.frame.ports and turn.frame.checks else []
    if turn.frame.symptom in ENTRIES:
        return events + troubleshoot(dispatcher, turn, turn.frame.symptom)
    return events + answer_symptom(dispatcher, turn.frame.symptom, turn.frame.error_code)


def handed_off(turn: Turn) -> bool:
    return any(
        (event.get("metadata") or {}).get("utter_action") in HANDOFF_RESPONSES
        for event in turn.tracker.events
        if event.get("event") == "bot"
    )


def other_language(dispatcher: CollectingDispatcher) -> Events:
    """Neither Czech, Slovak nor English: a note in Czech and English with the settings."""
    dispatcher.utter_message(
        response="utter_other_language",
        server=knowledge.server("incoming"),
        port_table=replies.port_table(),
    )
    return []


def continue_topic(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """A fragment or correction: the last question again, with what the message changed."""
    protocol = turn.protocol
    if turn.topic == "server" and protocol:
        events = answers.answer_server(dispatcher, protocol)
        if "port" in turn.last_topics:  # "jaký server a port pro IMAP?" → "a pro odchozí?"
            events += ports.answer_port(dispatcher, turn, asked_protocols(turn))
        return events + [SlotSet("last_topic", "server")]
    if turn.topic == "settings" and protocol in knowledge.incoming_protocols():
        return answers.answer_settings(dispatcher, protocol)
    return ports.answer_port(dispatcher, turn, asked_protocols(turn))


def by_intent(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """What the intent alone decides: the walkthrough, troubleshooting, small talk."""
    intent = turn.intent
    if intent in NAVIGATION:
        return walkthrough_turn(intent, dispatcher, turn)
    if intent in ENTRIES:
        return troubleshoot(dispatcher, turn, intent)
    if intent in ("affirm", "deny"):
        return troubleshoot(dispatcher, turn, intent)  # nothing open: "what else?"
    if intent == "other_language":
        return other_language(dispatcher)
    if intent in STATIC_RESPONSES:
        dispatcher.utter_message(response=STATIC_RESPONSES[intent])
        return []
    if turn.frame.works is False:  # "pořád to nejde" with nothing open: what does not work?
        return troubleshoot(dispatcher, turn, "mail_not_working")
    if turn.frame.names_something:
        return continue_topic(dispatcher, turn)
    return fall_back(dispatcher, turn)
