"""Port questions: one port, both ports of a protocol, reverse lookup, the whole table."""
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge, replies
from actions.fallback import utter_not_understood
from actions.understanding import (
    latest_intent,
    mentioned_port,
    mentioned_protocol,
    mentioned_security,
)
from actions.walkthrough import Answer, answer_form_choice, awaits_form_choice

FOLLOW_UP_INTENT = "inform"


def port_buttons(protocol: str, security: Optional[str]) -> List[Dict[str, str]]:
    """Next moves after a port answer: the other SSL choice, the other protocols, all settings."""
    buttons = []
    if security:
        other = "plain" if security == "ssl" else "ssl"
        buttons.append(
            {
                "title": _capitalized(knowledge.security_label(other)),
                "payload": f'/inform{{"security":"{other}"}}',
            }
        )
    for name in knowledge.protocols():
        if name != protocol:
            buttons.append(
                {
                    "title": knowledge.protocol_label(name),
                    "payload": f'/inform{{"protocol":"{name}"}}',
                }
            )
    buttons.append({"title": "Celé nastavení", "payload": "/ask_settings"})
    return buttons


def utter_ports(
    dispatcher: CollectingDispatcher, protocol: str, security: Optional[str]
) -> None:
    """The port answer for a known protocol ("incoming" = IMAP and POP3)."""
    if protocol == "incoming":
        if security:
            imap, pop3 = (knowledge.port(p, security) for p in ("imap", "pop3"))
            dispatcher.utter_message(
                response="utter_port_incoming",
                security_label=knowledge.security_label(security),
                imap_port=imap,
                pop3_port=pop3,
            )
        else:
            for name in knowledge.incoming_protocols():
                dispatcher.utter_message(
                    response="utter_port_both", **replies.protocol_values(name)
                )
    elif security:
        dispatcher.utter_message(
            response="utter_port_single",
            buttons=port_buttons(protocol, security),
            protocol_label=knowledge.protocol_label(protocol),
            security_label=knowledge.security_label(security),
            port=knowledge.port(protocol, security),
        )
    else:
        dispatcher.utter_message(
            response="utter_port_both",
            buttons=port_buttons(protocol, security),
            **replies.protocol_values(protocol),
        )


@dataclass
class PortQuery:
    protocol: Optional[str]
    security: Optional[str]
    follow_up: bool  # a fragment ("a bez SSL?") that continues the last answer
    names_something: bool  # the message itself named a protocol or a security choice


def resolve_query(tracker: Tracker) -> PortQuery:
    """What the latest message asks, with the context it inherits.

    A new question about a protocol ("Jaké porty má IMAP?") starts afresh; a fragment
    ("a bez SSL?", "A co POP3?") keeps whatever it does not change.
    """
    message = tracker.latest_message
    follow_up = latest_intent(message) == FOLLOW_UP_INTENT
    new_protocol = mentioned_protocol(message)
    new_security = mentioned_security(message)
    known_protocol = tracker.get_slot("protocol")
    protocol = new_protocol or known_protocol
    if new_protocol == "incoming" and known_protocol in knowledge.incoming_protocols():
        protocol = known_protocol  # "a příchozí?" after IMAP stays with IMAP
    keep_security = follow_up or not new_protocol
    security = new_security or (tracker.get_slot("security") if keep_security else None)
    return PortQuery(protocol, security, follow_up, bool(new_protocol or new_security))


class ActionAnswerPort(Answer):
    def name(self) -> Text:
        return "action_answer_port"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        if awaits_form_choice(tracker):
            # "IMAP" / "se SSL" answers the walkthrough's question before the account form.
            return answer_form_choice(dispatcher, tracker)
        query = resolve_query(tracker)
        protocol, security = query.protocol, query.security
        if query.follow_up and not query.names_something:
            # A fragment naming nothing we know: the model guessed; do not guess a port.
            utter_not_understood(dispatcher, tracker)
            return []
        topic = tracker.get_slot("last_topic") if query.follow_up else "port"
        if protocol and topic == "server":
            dispatcher.utter_message(
                response="utter_server_one",
                **replies.protocol_values(knowledge.concrete_protocol(protocol)),
            )
        elif protocol and topic == "settings" and protocol in knowledge.incoming_protocols():
            dispatcher.utter_message(
                response="utter_settings", **replies.settings_values(protocol)
            )
        elif protocol:
            utter_ports(dispatcher, protocol, security)
            topic = "port"
        else:
            dispatcher.utter_message(response="utter_ask_protocol")
            topic = "port"
        return [
            SlotSet("protocol", protocol),
            SlotSet("security", security),
            SlotSet("last_topic", topic),
        ]


class ActionPortPurpose(Answer):
    def name(self) -> Text:
        return "action_port_purpose"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        number = mentioned_port(tracker.latest_message)
        if number is None:
            dispatcher.utter_message(
                response="utter_port_table",
                server=knowledge.server("incoming"),
                port_table=replies.port_table(),
            )
            return [SlotSet("last_topic", "port")]
        owner = knowledge.protocol_for_port(number)
        if owner is None:
            dispatcher.utter_message(
                response="utter_port_unknown", port=number, port_table=replies.port_table()
            )
            return [SlotSet("last_topic", "port")]
        protocol, security = owner
        values = replies.protocol_values(protocol)
        dispatcher.utter_message(
            response="utter_port_purpose",
            port=number,
            security_label=knowledge.security_label(security),
            **{k: values[k] for k in ("protocol_label", "direction", "server")},
        )
        return [
            SlotSet("protocol", protocol),
            SlotSet("security", security),
            SlotSet("last_topic", "port"),
        ]


class ActionPortTable(Answer):
    def name(self) -> Text:
        return "action_port_table"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(
            response="utter_port_table",
            server=knowledge.server("incoming"),
            port_table=replies.port_table(),
        )
        return [SlotSet("last_topic", "port")]


def _capitalized(label: str) -> str:
    return label[:1].upper() + label[1:]  # str.capitalize() would also lower "SSL"
