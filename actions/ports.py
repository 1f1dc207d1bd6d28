"""Port answers: one port, both ports of a protocol, what a number is for, a number the
customer has set checked against the guide, the whole table."""
from typing import Any, Dict, List, Optional

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge, replies
from actions.context import Turn

Events = List[Dict[str, Any]]


def port_buttons(protocol: str, security: Optional[str]) -> List[Dict[str, str]]:
    """Next moves after a port answer: the other SSL choice, the other protocols, all settings."""
    buttons = []
    if security in knowledge.SECURITY_CHOICES:
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


def utter_ports(dispatcher: CollectingDispatcher, protocol: str, security: Optional[str]) -> None:
    """The port answer for a known protocol ("incoming" = IMAP and POP3); security "both" or
    None gives both ports."""
    if security not in knowledge.SECURITY_CHOICES:
        security = None
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
                dispatcher.utter_message(response="utter_port_both", **replies.protocol_values(name))
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


def answer_port(dispatcher: CollectingDispatcher, turn: Turn, protocols: List[str]) -> Events:
    """Ports of each protocol asked about; with none known, the table or one short question."""
    if not protocols:
        if turn.security == "both":
            return answer_port_table(dispatcher)
        dispatcher.utter_message(response="utter_ask_protocol")
        return [SlotSet("security", turn.security), SlotSet("last_topic", "port")]
    by_protocol = turn.frame.security_by_protocol
    if len(set(by_protocol.values())) < 2:
        by_protocol = {}  # one choice for all: the message's (or inherited) security
    for protocol in protocols:
        utter_ports(dispatcher, protocol, by_protocol.get(protocol, turn.security))
    return [
        SlotSet("protocol", protocols[-1]),
        SlotSet("security", by_protocol.get(protocols[-1], turn.security)),
        SlotSet("asked_protocols", protocols),
        SlotSet("last_topic", "port"),
    ]


def answer_port_purpose(dispatcher: CollectingDispatcher, number: int) -> Events:
    owner = knowledge.protocol_for_port(number)
    if owner is None:
        dispatcher.utter_message(
            response="utter_port_unknown", port=number, port_table=replies.port_table()
        )
        return [SlotSet("last_topic", "port")]
    protocol, security = owner
    dispatcher.utter_message(response="utter_port_purpose", **_owner_values(number))
    return [SlotSet("protocol", protocol), SlotSet("security", security), SlotSet("last_topic", "port")]


def answer_port_table(dispatcher: CollectingDispatcher) -> Events:
    dispatcher.utter_message(
        response="utter_port_table",
        server=knowledge.server("incoming"),
        port_table=replies.port_table(),
    )
    return [SlotSet("last_topic", "port")]


def _fits(number: int, protocols: List[str], security: Optional[str]) -> bool:
    owner = knowledge.protocol_for_port(number)
    if owner is None:
        return False
    protocol, port_security = owner
    named = set(protocols)
    if "incoming" in named:
        named.update(knowledge.incoming_protocols())
    return (not named or protocol in named) and security in (None, "both", port_security)


def check_ports(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """"Mám u odchozí port 110, je to dobře?": confirm a port that fits what the customer
    uses; otherwise say what the number is for and give the right ports."""
    frame = turn.frame
    protocols, security = frame.protocols, frame.security
    wrong = False
    for number in frame.ports:
        owner = knowledge.protocol_for_port(number)
        if _fits(number, protocols, security):
            port_protocol, port_security = owner
            dispatcher.utter_message(
                response="utter_port_check_ok",
                port=number,
                protocol_label=knowledge.protocol_label(port_protocol),
                security_label=knowledge.security_label(port_security),
            )
        elif owner is None:
            dispatcher.utter_message(response="utter_port_check_unknown", port=number)
            wrong = True
        else:
            values = _owner_values(number)
            dispatcher.utter_message(
                response="utter_port_check_wrong",
                port=number,
                owner_label=values["protocol_label"],
                owner_security=values["security_label"],
                owner_direction=values["direction"],
            )
            wrong = True
    if not wrong:
        return [SlotSet("last_topic", "port")]
    unserved = [p for p in protocols if not any(_fits(n, [p], security) for n in frame.ports)]
    if unserved:
        return answer_port(dispatcher, turn, unserved)
    return answer_port_table(dispatcher)


def _owner_values(number: int) -> Dict[str, Any]:
    protocol, security = knowledge.protocol_for_port(number)
    values = replies.protocol_values(protocol)
    return {
        "port": number,
        "security_label": knowledge.security_label(security),
        **{k: values[k] for k in ("protocol_label", "direction", "server")},
    }


def _capitalized(label: str) -> str:
    return label[:1].upper() + label[1:]  # str.capitalize() would also lower "SSL"
