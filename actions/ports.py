"""Port answers: one port, both ports of a protocol, what a number is for, a number the
customer has set checked against the guide, the whole table."""

import re
from typing import Any, Dict, List, Optional, Tuple

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge, lexicon, replies
from actions.context import Events, Turn
from actions.frame import OTHER_MAIL_PORTS, Frame, clauses, sentences_of
from actions.understanding import protocols_in_text


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
                server=knowledge.server("incoming"),
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
            server=knowledge.server_for(protocol),
        )
    else:
        dispatcher.utter_message(
            response="utter_port_both",
            buttons=port_buttons(protocol, security),
            **replies.protocol_values(protocol),
        )


# "465 nebo 587?", "993 či 143?": two ports weighed against each other
PORT_CHOICE = re.compile(r"\b(\d{2,5})\s*(?:nebo|ci|anebo|or|/|vs\.?)\s*(\d{2,5})\b[^.!?]*\?")


def _port_choice(dispatcher: CollectingDispatcher, folded: str) -> List[str]:
    """Each choice between the SSL and the plain port of one protocol ("imap 993 nebo 143? a smtp
    465 nebo 587?"): the SSL one, recommended (whatever hearsay or check the message told
    before it). The protocols answered."""
    chosen: List[str] = []
    for match in PORT_CHOICE.finditer(folded):
        owners = [knowledge.protocol_for_port(int(n)) for n in match.groups()]
        if None in owners or len({o[0] for o in owners if o}) != 1:
            continue
        if {o[1] for o in owners if o} != {"ssl", "plain"}:
            continue
        protocol = owners[0][0] if owners[0] else ""
        dispatcher.utter_message(
            response="utter_port_choice",
            protocol_label=knowledge.protocol_label(protocol),
            ssl_port=knowledge.port(protocol, "ssl"),
            plain_port=knowledge.port(protocol, "plain"),
        )
        chosen.append(protocol)
    return chosen


def _choice_events(chosen: List[str]) -> Events:
    return [
        SlotSet("protocol", chosen[-1]),
        SlotSet("asked_protocols", chosen),
        SlotSet("security", "ssl"),
        SlotSet("last_topic", "port"),
    ]


def answer_port(dispatcher: CollectingDispatcher, turn: Turn, protocols: List[str]) -> Events:
    """Ports of each protocol asked about; with none known, the table or one short question."""
    if chosen := _port_choice(dispatcher, turn.frame.folded):  # "465, nebo 587?": SSL's
        return _choice_events(chosen)
    if not protocols:
        # "a jaký port?" after the server or the settings: every port, not a question back
        if turn.security == "both" or turn.topic in ("server", "settings"):
            return answer_port_table(dispatcher)
        if turn.frame.security in knowledge.SECURITY_CHOICES:
            # "a jaké porty bez SSL?": each protocol's, no question back
            return answer_port_table(dispatcher, turn.frame.security)
        if turn.topic == "ssl_advice" or re.search(r"\b(porty|ports|k tomu)\b", turn.frame.folded):
            # "a porty pak jaké?" after the SSL advice, ports in the plural, "a jaký port k tomu?"
            # (to the SSL choice just said): the table
            security = turn.security if turn.security in knowledge.SECURITY_CHOICES else None
            return answer_port_table(dispatcher, security)
        dispatcher.utter_message(response="utter_ask_protocol")
        return [SlotSet("security", turn.security), SlotSet("last_topic", "port")]
    # Said per protocol ("IMAP bez SSL, SMTP se SSL") unless asked for both variants.
    by_protocol = {} if turn.security == "both" else turn.frame.security_by_protocol
    for protocol in protocols:
        utter_ports(dispatcher, protocol, by_protocol.get(protocol, turn.security))
    return [
        SlotSet("protocol", protocols[-1]),
        SlotSet("security", by_protocol.get(protocols[-1], turn.security)),
        SlotSet("asked_protocols", protocols),
        SlotSet("last_topic", "port"),
    ]


# "můžu použít 587 místo 465?": may the customer take either
MAY_USE = re.compile(r"\b(muzu|mohu|muzeme|muzem|lze|jde|da se|smim|muze)\b")


def utter_port_pair(dispatcher: CollectingDispatcher, numbers: List[int], folded: str) -> None:
    """Two ports of one protocol named ("587 místo 465? proč jsou dva?"): why there are two –
    one with SSL, one without – and, when asked, that either may be used."""
    owners = {knowledge.protocol_for_port(n) for n in numbers}
    protocols = {owner[0] for owner in owners if owner}
    if len(owners) < 2 or None in owners or len(protocols) != 1:
        return
    dispatcher.utter_message(
        response="utter_port_pair",
        lead="Ano, můžete použít kterýkoli z nich. " if MAY_USE.search(folded) else "",
        protocol_label=replies.protocol_values(protocols.pop())["protocol_label"],
    )


def answer_port_purpose(dispatcher: CollectingDispatcher, number: int) -> Events:
    owner = knowledge.protocol_for_port(number)
    if owner is None:
        dispatcher.utter_message(
            response="utter_port_unknown", port=number, port_table=replies.port_table()
        )
        return [SlotSet("last_topic", "port")]
    protocol, security = owner
    dispatcher.utter_message(response="utter_port_purpose", **_owner_values(number))
    return [
        SlotSet("protocol", protocol),
        SlotSet("security", security),
        SlotSet("last_topic", "port"),
    ]


def answer_port_table(
    dispatcher: CollectingDispatcher,
    security: Optional[str] = None,
    protocols: Optional[List[str]] = None,
) -> Events:
    dispatcher.utter_message(
        response="utter_port_table",
        server=knowledge.server("incoming"),
        port_table=replies.port_table(protocols=protocols or (), security=security),
    )
    return [SlotSet("last_topic", "port")] + ([SlotSet("security", security)] if security else [])


def _fits(number: int, protocols: List[str], security: Optional[str]) -> bool:
    owner = knowledge.protocol_for_port(number)
    if owner is None:
        return False
    protocol, port_security = owner
    named = set(protocols)
    if "incoming" in named:
        named.update(knowledge.incoming_protocols())
    return (not named or protocol in named) and security in (None, "both", port_security)


# "587 bez SSL / žádné": the plain choice said beside STARTTLS (then the usual check)
PLAIN_NAMED = re.compile(r"\b(bez (ssl|sifrovani|zabezpeceni)|zadne|none)\b")
# The connection that starts plain: STARTTLS, or a bare „TLS“ (Samsung Email's name) – never
# „SSL/TLS“, „TLS/SSL“ or „SSL (TLS)“
STARTTLS_CHOICE = re.compile(r"\bstarttls\b|(?<![/(])(?<!/ )\btls\b(?!\s*/)(?!\))")


def _said_with(number: int, frame: Frame) -> str:
    """What the customer wrote with the number: its clause when several ports are named
    ("IMAP 993 SSL/TLS, SMTP 110 STARTTLS": STARTTLS is 110's), else the whole message."""
    if len(frame.ports) < 2:
        return frame.folded
    # ("pro port 143 a 587 mám dát STARTTLS, nebo Žádné?": numbers joined share their clause)
    joined = re.sub(
        r"\b(\d{2,5})\s*(?:,|\ba\b|\bi\b|\+|/|\band\b)\s*(?=\d{2,5}\b)", r"\1 ", frame.folded
    )
    own = next((c for c in clauses(joined) if re.search(rf"\b{number}\b", c)), frame.folded)
    # ("imap 143 a smtp 587. u zabezpečení dát žádné, nebo starttls?": a sentence naming no
    # number is said of them all)
    of_all = [
        s
        for s in sentences_of(frame.folded)
        if not any(re.search(rf"\b{n}\b", s) for n in frame.ports)
    ]
    return " ".join([own, *of_all])


def check_ports(dispatcher: CollectingDispatcher, turn: Turn, remind_auth: bool = False) -> Events:
    """ "Mám u odchozí port 110, je to dobře?": each number checked against the protocol and
    SSL choice it was written with; a right one confirmed, a wrong one explained and the
    right ports given. `remind_auth`: an SMTP port checked is followed by the second thing to
    check there, the outgoing server's log-in (unless the message names it)."""
    frame = turn.frame
    if chosen := _port_choice(dispatcher, frame.folded):
        return _choice_events(chosen)
    claims = frame.port_claims or [(number, None, None) for number in frame.ports]
    wrong: Dict[str, Optional[str]] = {}  # protocol -> SSL choice, whose port was wrong
    unknown = False
    smtp_right = False
    confirmed: List[str] = []  # the protocols of the ports confirmed: a follow-up's subject
    verdicts: List[Tuple[str, Dict[str, Any]]] = []  # said once all are known
    incoming = set(knowledge.incoming_protocols())
    incoming_port = any(
        (owner := knowledge.protocol_for_port(number)) and owner[0] in incoming
        for number, _, _ in claims
    )
    talked_of = {*turn.last_protocols, turn.tracker.get_slot("protocol")}  # the protocols in talk
    named_incoming = [p for p in frame.protocols if p in incoming]
    for number, protocol, clause_security in claims:
        owner = knowledge.protocol_for_port(number)
        # the protocol written with it, else the message's, the conversation's or the number's own
        protocols = (
            [protocol]
            if protocol
            else frame.protocols or ([turn.protocol] if turn.protocol else [])
        )
        if owner and not protocol and _named_elsewhere(number, frame.folded):
            # "ok, dám 465 SSL/TLS. a příchozí IMAP co?": the protocol is the next question's,
            # the number its own protocol's
            protocols = [owner[0]]
        elif owner and not protocol and owner[0] in talked_of:
            # "ok, dal jsem 993. a odchozí?" after IMAP's ports: IMAP's number, done as advised
            protocols = [owner[0]]
        elif owner and not protocol and owner[0] in incoming and len(named_incoming) == 1:
            protocols = named_incoming  # "u IMAP … port 995, SSL": IMAP's port, not POP3's
        elif owner and not protocol and len(claims) > 1:
            protocols = [owner[0]]  # "993 a 465 s TLS/SSL": each number its own protocol
        elif owner and owner[0] == "smtp" and incoming_port and set(protocols) <= incoming:
            protocols = ["smtp"]  # "995, 465 – to je pro POP3?": that account's outgoing port
        elif not owner and not protocol and number in OTHER_MAIL_PORTS:
            protocols = ["smtp"]  # "a porty nechat 110 a 25?": 25 is a sending port
        if not protocols and owner:
            protocols = [owner[0]]
        if protocols == ["incoming"] and owner and owner[0] in incoming:
            protocols = [owner[0]]  # "u příchozího mám 143 a SSL": 143 says the account is IMAP
        security = clause_security or _message_security(frame, protocol)
        if owner and owner[1] == "plain" and lexicon.says("wants_ssl", frame.folded):
            # "143 bez zabezpečení, chci to mít bezpečné": the SSL port of that protocol
            dispatcher.utter_message(
                response="utter_port_check_plain",
                port=number,
                protocol_label=knowledge.protocol_label(owner[0]),
            )
            wrong[owner[0]] = "ssl"
            continue
        if (
            owner
            and owner[1] == "plain"
            and lexicon.says("plain_unsafe", frame.folded)
            and not ASKS_IF_RIGHT.search(frame.folded)
        ):  # "587 bez šifrování, není to nebezpečné?": the SSL advice answers it (but "je to ok
            continue  # a je to bezpečný?" wants the verdict too)
        starttls = STARTTLS_CHOICE.search(_said_with(number, frame))
        if owner and owner[1] == "ssl" and starttls:
            # "STARTTLS a port 465", "TLS a 993": the SSL port wants the SSL/TLS choice
            dispatcher.utter_message(
                response="utter_port_starttls",
                port=number,
                protocol_label=knowledge.protocol_label(owner[0]),
                choice=starttls.group(0).upper(),
            )
            continue
        if owner and owner[1] == "plain" and starttls:
            # "587 se STARTTLS, může být?": the port without SSL, with the choice that starts
            # plain (general knowledge, RFC 8314: STARTTLS is no SSL port's) – SSL recommended;
            # "587, STARTTLS nebo žádné?": both belong to it – the choice named
            both = PLAIN_NAMED.search(frame.folded)
            dispatcher.utter_message(
                response="utter_port_plain_choices" if both else "utter_port_plain_starttls",
                port=number,
                protocol_label=knowledge.protocol_label(owner[0]),
                ssl_port=knowledge.port(owner[0], "ssl"),
                choice=starttls.group(0).upper(),
            )
            continue
        if owner and _purpose_asked(number, frame.folded):
            # "993 a 465 se SSL, správně? a k čemu je 587?": what that number is, no verdict
            verdicts.append(_owner_verdict("utter_port_owner", number))
            continue
        # a port the customer says works now ("port 465 a TLS/SSL, odešlo to") is right by that,
        # whatever else the message says of SSL ("ověřování bylo Žádné")
        proven = (
            owner is not None
            and not frame.symptom
            and lexicon.says("glad_it_works", frame.reported)
            and frame.works is True
            and clause_security in (None, owner[1])  # ("opraveno. odchozí 465 bez SSL": no)
        )
        if owner and (_fits(number, protocols, security) or proven):
            port_protocol, port_security = owner
            smtp_right = smtp_right or port_protocol == "smtp"
            confirmed.append(port_protocol)
            verdicts.append(
                (
                    "utter_port_check_ok",
                    {
                        "port": number,
                        "protocol_label": knowledge.protocol_label(port_protocol),
                        "security_label": knowledge.security_label(port_security),
                    },
                )
            )
            continue
        if owner is None:
            verdicts.append(("utter_port_check_unknown", {"port": number}))
            unknown = True
        else:
            verdicts.append(_owner_verdict("utter_port_check_wrong", number))
        wrong.update({p: security for p in protocols})
    # ("je to špatně?" asks the other way round: the verdicts say it without a "Ne")
    # ("…port 25. Mám POP před odesláním vypnout?" asks about something else: no "Ne" first)
    asked = any(
        "?" in sentence and PORT_QUESTION.search(sentence)
        for sentence in sentences_of(frame.folded)
    ) and not ASKS_IF_WRONG.search(frame.folded)
    _say_verdicts(dispatcher, verdicts, asked=asked, folded=frame.folded)
    auth_unsaid = remind_auth and not lexicon.says("login_words", frame.folded)
    if wrong:
        for protocol, security in wrong.items():
            # "port 25, zabezpečení žádné": what they have, not what they want – SSL first
            plain_kept = security == "plain" and not PLAIN_WISHED.search(frame.folded)
            utter_ports(dispatcher, protocol, None if plain_kept else security)
        if "smtp" in wrong and auth_unsaid:  # "odchozí 2525": the port, and the log-in there
            dispatcher.utter_message(response="utter_auth_reminder")
        # ("imap 143 bez SSL, smtp 465 bez SSL" – "a kdybych SSL zapnul?": both protocols told)
        told = list(
            dict.fromkeys(list(wrong) + [p for p in confirmed if p in knowledge.protocols()])
        )
        return [SlotSet("asked_protocols", told), SlotSet("last_topic", "port")]
    if unknown:
        return answer_port_table(dispatcher)
    if smtp_right and auth_unsaid:
        dispatcher.utter_message(response="utter_auth_reminder")
    # the one port confirmed, when it is a port without SSL ("na co je 143?" is no verdict)
    plain = [
        owner[0]
        for name, values in verdicts
        if name == "utter_port_check_ok"
        and (owner := knowledge.protocol_for_port(values["port"]))
        and owner[1] == "plain"
    ]
    if (
        len(plain) == 1
        and len(verdicts) == 1
        and len(frame.ports) == 1
        and asked  # (a question about the port itself, not "… a pro odchozí je co?")
        and not PLAIN_WISHED.search(frame.folded)
        and not lexicon.says("wants_ssl", frame.folded)
    ):  # "IMAP na 143 a SSL vypnuté, jde to takhle?": it works – the SSL port recommended
        dispatcher.utter_message(
            response="utter_plain_port_advice", ssl_port=knowledge.port(plain[0], "ssl")
        )
    # ("587, mám ho dát?" – "a když chci šifrování?": SMTP's port with SSL)
    subject = [SlotSet("protocol", confirmed[0])] if len(set(confirmed)) == 1 else []
    return [SlotSet("last_topic", "port")] + subject


# "chci to bez šifrování", "musí to být bez SSL": no SSL wanted, not only had
PLAIN_WISHED = re.compile(
    r"\b(chci|chtel\w*|chteji|radsi|potrebuj\w*|musi|musim)\b[^.?!]{0,20}"
    r"\b(bez (ssl|tls|sifr|zabezp)\w*|nesifrovan\w*)|\bnechci\b[^.?!]{0,20}\b(ssl|tls|sifrovan\w*)"
)


def _named_elsewhere(number: int, folded: str) -> bool:
    """The number's own sentence and those before it name no protocol, a later one does
    ("dám 465 SSL/TLS. a příchozí IMAP?"; "mám SMTP. port 993." is SMTP's number)."""
    sentences = [part for part in sentences_of(folded) if part.strip()]
    index = next((i for i, s in enumerate(sentences) if re.search(rf"\b{number}\b", s)), None)
    if index is None or index == len(sentences) - 1:
        return False
    return not any(protocols_in_text(s) for s in sentences[: index + 1])


def _purpose_asked(number: int, folded: str) -> bool:
    """ "k čemu je (teda) 587?", "587 je na co?": what the number is for, asked."""
    return bool(
        re.search(
            rf"\b(k cemu|na co|cemu)\b( je| slouzi| se pouziva)?( teda| tedy| vlastne| pak| potom)?( ten)?"
            rf"( port)? {number}\b|\b{number}\b[^.?!]{{0,15}}\b(k cemu|na co)\b",
            folded,
        )
    )


ALSO_SAID = re.compile(r"\b(taky|take|tez|rovnez|also)\b (bez|se|s|without|with) ")
CHANGE_ASKED = re.compile(
    r"\b(mam|musim|mame|musime|je potreba|je treba|mel\w* bych)\b( to| ho| tam| ten port)* "
    r"(zmenit|prepsat|opravit|predelat|prenastavit|menit)\b"
)
ASKS_IF_RIGHT = re.compile(r"\b(ok|dobre|spravne?|v poradku|sedi)\b")
# A question about the values themselves: a number, the port, whether it is right or to change
PORT_QUESTION = re.compile(
    r"\d|\bport\w*|\b(ok|dobre|spravn\w*|v poradku|sedi|jde|muzu|lze|funguje|zmenit|prepsat|opravit|spatn\w*)\b"
)
NO_FIRST = {
    "utter_port_check_unknown": "utter_port_check_unknown_no",
    "utter_port_check_wrong": "utter_port_check_wrong_no",
}
ASKS_IF_WRONG = re.compile(r"\b(spatn\w*|chybn\w*|blbe|wrong)\b[^.!]*\?")


def _say_verdicts(
    dispatcher: CollectingDispatcher,
    verdicts: List[Tuple[str, Dict[str, Any]]],
    asked: bool,
    folded: str,
) -> None:
    """Each port's verdict; asked "je to tak ok?" / "můžu použít 25?" with a port that is not,
    the first fault says "Ne" (replies.fault_first puts the faults first) – unless the question
    is a port proposed ("mám 25, mám dát 465?"): that one's "Ano" answers it."""
    right = [values["port"] for name, values in verdicts if name == "utter_port_check_ok"]
    proposed = any(
        re.search(rf"\b(dat|dam|zadat|nastavit|na) (port )?{n}\b", folded) for n in right
    )
    no_said = proposed or not asked
    if asked and CHANGE_ASKED.search(folded) and any(name in NO_FIRST for name, _ in verdicts):
        dispatcher.utter_message(response="utter_change_yes")  # "to mám změnit?": yes, first
        no_said = True
    for name, values in verdicts:
        if name in NO_FIRST and not no_said:
            name, no_said = NO_FIRST[name], True
        dispatcher.utter_message(response=name, **values)


def check_named_ports(
    dispatcher: CollectingDispatcher, turn: Turn, remind_auth: bool = False
) -> Events:
    """The port numbers the message names checked; nothing said when it names none."""
    return check_ports(dispatcher, turn, remind_auth) if turn.frame.ports else []


def _message_security(frame, protocol: Optional[str]) -> Optional[str]:
    """The SSL choice a claim without its own takes: said for this protocol elsewhere in the
    message, or said once for the whole message."""
    if protocol in frame.security_by_protocol:
        return frame.security_by_protocol[protocol]
    said_incoming = {
        frame.security_by_protocol[p]
        for p in knowledge.incoming_protocols()
        if p in frame.security_by_protocol
    }
    if protocol == "incoming" and len(said_incoming) == 1:
        # "příchozí 110 a SSL zapnuté u POPu": the incoming claim takes POP3's SSL choice
        return said_incoming.pop()
    if len(set(frame.security_by_protocol.values())) > 1:
        return None  # said differently per protocol, not for this one
    if set(frame.security_by_protocol.values()) == {frame.security} and ALSO_SAID.search(
        frame.folded
    ):  # "ssl mám vypnutý, odchozí 465 a příchozí 993 taky bez ssl": the same for all
        return frame.security
    if protocol and frame.security_by_protocol and "incoming" not in frame.security_by_protocol:
        return None  # "imap 993, smtp 587 bez ssl": said for SMTP only
    return frame.security


def _owner_values(number: int) -> Dict[str, Any]:
    owner = knowledge.protocol_for_port(number)
    assert owner, f"{number} is no port of the guide"  # called for the guide's ports only
    protocol, security = owner
    values = replies.protocol_values(protocol)
    return {
        "port": number,
        "security_label": knowledge.security_label(security),
        **{k: values[k] for k in ("protocol_label", "direction", "server")},
    }


def _owner_verdict(response: str, number: int) -> Tuple[str, Dict[str, Any]]:
    """A verdict that names the protocol and SSL choice the port `number` belongs to."""
    values = _owner_values(number)
    return (
        response,
        {
            "port": number,
            "owner_label": values["protocol_label"],
            "owner_security": values["security_label"],
            "owner_direction": values["direction"],
        },
    )


def _capitalized(label: str) -> str:
    return label[:1].upper() + label[1:]  # str.capitalize() would also lower "SSL"
