"""A customer who writes in English gets the facts in English (short answers from the same
knowledge file) and a note that support speaks Czech."""

import re
from typing import Any, Dict, List, Optional

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge, lexicon, replies
from actions.answers import answer_term, switch_target
from actions.context import Events, Turn, previous_text, said_before
from actions.troubleshooting import response_values
from actions.walkthrough import ask_device
from czech_nlu.folding import fold

SENDING_FAILS = {"cannot_send", "smtp_error"}
# what an English follow-up continues ("and outgoing?" after ports, "and POP3?" after "what is
# IMAP?")
FOLLOWED = ("server", "port", "term")
HOW = re.compile(r"\b(how|where)\b")
# "is it the same?" of a server (not of the password, the user name or a port)
SAME_ASKED = re.compile(
    r"^(?!.*\b(password|user\w*|login|port\w*|error|problem|message)\b)"
    r"(?=.*\b(server|outgoing|incoming|smtp|one)\b).*\bsame\b"
)
# "I changed my mailbox password and Outlook keeps asking for it", "new password not accepted"
PASSWORD_CHANGED = re.compile(
    r"\b(changed|change|reset|new|updated?)\b[^.?!]{0,30}\bpassword\b|\bpassword\b[^.?!]{0,15}"
    r"\b(changed|not accepted|rejected|prompt|keeps (asking|popping|coming)|wrong|doesn.?t work)"
)
# "where do I change it?" (the password, in this message or the one before)
WHERE_TO_CHANGE = re.compile(r"\b(where|how)\b[^.?!]{0,25}\b(change|reset|renew)\b")
# "which is better / what's the difference between POP3 and IMAP?"
DIFFERENCE = re.compile(r"\b(difference|differ\w*|versus|vs)\b")
# "do we have to change it on every device? the printer sends mail too"
EVERY_DEVICE = re.compile(
    r"\b(every|each|all|other|both)\b[^.?!]{0,20}\b(devices?|phones?|computers?|laptops?|pcs?)\b"
    r"|\b(printers?|scanners?|copiers?)\b"
    # "do I need to change it on my laptop too?"
    r"|\b(on|in)\s+(my|the|our|his|her|their)\s+(\w+\s+)?(laptops?|computers?|pcs?|tablets?|phones?"
    r"|ipads?|iphones?|macs?|macbooks?)\b[^.?!]{0,10}\b(too|as well|also)\b"
)
FULL_ADDRESS_ASKED = re.compile(
    r"\b(is|should|do i|must)\b[^.?!]{0,25}\b(full|whole|complete|entire)\b[^.?!]{0,15}\b(address|e-?mail)"
)
WHICH_BETTER = re.compile(r"\bwhich\b[^.?!]{0,20}\b(better|best|recommend\w*|choose|use|pick)\b")
# "Should I pick POP or IMAP?", "which one, POP or IMAP?": the two account types, one to choose
PROTOCOL_CHOICE = re.compile(r"\b(pop3?|imap)\b\s*(or|vs\.?|versus)\s*\b(pop3?|imap)\b")
# "…and is it IMAP 993?": a port named to be confirmed
IS_IT = re.compile(r"\b(is it|is that|is this)\b|\b(right|correct|ok)\s*\?")
# "the app asks for the incoming server type, what should I choose?": the account type
TYPE_CHOICE = re.compile(
    r"\b(account|server) type\b[^.?!]*\b(choose|pick|select|which)\b"
    r"|\b(choose|pick|select|which)\b[^.?!]*\b(account|server) type\b"
)
# "the outgoing user name and password say 'Optional', do I need to fill them?": yes
OPTIONAL_LOGIN = re.compile(r"\boptional\b")
# "I need to set up my mailbox", "help me add my work email": the setup, no device named
SETUP_ASKED = re.compile(
    r"\b(set ?up|setting up|configur\w*|add|adding|connect|get)\b[^.?!]{0,40}"
    r"\b(mail\w*|e-?mail|account|inbox)\b"
)
SETTINGS_WORD = re.compile(r"\b(settings|configuration|config|details|set ?up)\b")
# "do you speak English?", "can we talk in English?": the language asked, nothing else
# The account form's fields listed, their values asked ("…shows user name, account type,
# incoming and outgoing mail server. What do I put there?")
FORM_FIELDS = re.compile(
    r"\b(user ?name|account type|(incoming|outgoing)( mail)? server|host ?name|password)\b"
)
FILL_ASKED = re.compile(
    r"\bwhat( exactly)? (do|should|shall|must) i (put|enter|type|fill|write)\b|\bwhat goes\b"
    r"|\bwhat (to|should be) (put|enter\w*|type\w*|fill\w*)\b"
)
SPEAKS_ENGLISH = re.compile(r"\b(speak|talk|write|chat|understand)\w*\b[^.?!]{0,20}\benglish\b")
PORTS_PLURAL = re.compile(r"\bports\b")
# "and without?", "what about with SSL?": the other SSL choice of the protocol just answered
SECURITY_ALONE = re.compile(
    r"^\W*(and |what about |how about |ok,? )?(?P<choice>without|with)( it| ssl| tls| encryption)?\W*$"
)


def utter_english_ports(dispatcher: CollectingDispatcher, protocol: str, security) -> None:
    english = knowledge.load()["english"]
    names = knowledge.incoming_protocols() if protocol == "incoming" else [protocol]
    for name in names:
        spec = knowledge.protocols()[name]
        if security in knowledge.SECURITY_CHOICES:
            dispatcher.utter_message(
                response="utter_en_port_single",
                protocol_label=spec["label"],
                security_label=english["security_labels"][security],
                port=spec["ports"][security],
            )
        else:
            dispatcher.utter_message(
                response="utter_en_port_both",
                protocol_label=spec["label"],
                direction=english["direction_labels"][spec["direction"]],
                port_ssl=spec["ports"]["ssl"],
                port_plain=spec["ports"]["plain"],
            )


def _own_place_guide(turn: Turn) -> Optional[knowledge.Guide]:
    """The customer's device when it is not the seed's and its guide names the log-in's place
    in English."""
    guide = knowledge.guides().get(turn.frame.device or turn.device or "")
    if guide and guide.smtp_auth_en and guide.id != knowledge.load()["default_guide"]:
        return guide
    return None


def utter_english_smtp_auth(
    dispatcher: CollectingDispatcher, turn: Turn, values: Dict[str, Any]
) -> None:
    """The outgoing server's log-in, in English: the device's own place when it is known (a Mac
    has no Windows Phone checkboxes), else the guide's two checkboxes."""
    guide = _own_place_guide(turn)
    if guide:
        dispatcher.utter_message(
            response="utter_en_smtp_auth_device",
            device_short=guide.short_en or guide.short,
            place=guide.smtp_auth_en,
            **values,
        )
    else:
        dispatcher.utter_message(response="utter_en_smtp_auth", **values)


# "which connection security?", "what encryption do I pick?"
SECURITY_CHOICE = re.compile(
    r"\b(which|what)\b[^.?!]{0,30}\b(connection security|security type|security|encryption"
    r"|secure connection|connection type)\b"
    r"|\b(connection security|security type|encryption|secure connection)\b[^.?!]{0,20}\b(which|what|mean)"
)


def _table_protocols(turn: Turn) -> List[str]:
    shown = list(turn.frame.named_protocols)
    if "incoming" in turn.frame.protocols:
        incoming = knowledge.incoming_protocols()
        shown += [turn.protocol] if turn.protocol in incoming else incoming
    return shown


def czech_note(dispatcher: CollectingDispatcher, turn: Turn) -> None:
    """That support speaks Czech: said once in a conversation, not under every answer."""
    if "utter_en_czech_note" not in said_before(turn.tracker):
        dispatcher.utter_message(response="utter_en_czech_note")


def answer_english(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """Facts in English for the ports, servers, credentials and the ticket asked about."""
    frame = turn.frame
    english = knowledge.load()["english"]
    values = {**response_values(), "username": english["username"], "password": english["password"]}
    answered = False
    security_alone = SECURITY_ALONE.match(frame.folded)
    talked_of = turn.last_protocols or ([turn.protocol] if turn.protocol else [])
    if security_alone and talked_of and set(talked_of) <= set(knowledge.protocols()):
        # "and without?" after POP3's SSL port: the same protocol, the other choice
        choice = "plain" if security_alone.group("choice") == "without" else "ssl"
        for protocol in talked_of:
            utter_english_ports(dispatcher, protocol, choice)
        czech_note(dispatcher, turn)
        return [SlotSet("security", choice), SlotSet("last_topic", "port")]
    if frame.open_smtp or frame.intent == "open_smtp_ticket":
        if _own_place_guide(turn):
            # (a Mac has no Windows Phone checkboxes: the ticket, then that device's place)
            dispatcher.utter_message(response="utter_en_open_smtp_meaning", **values)
            utter_english_smtp_auth(dispatcher, turn, values)
        else:
            dispatcher.utter_message(response="utter_en_open_smtp", **values)
        answered = True
    elif frame.error_code or frame.symptom in SENDING_FAILS:
        # "receives but can't send", "554 5.7.1": authentication, then the checkboxes
        dispatcher.utter_message(response="utter_en_send_fails")
        utter_english_smtp_auth(dispatcher, turn, values)
        answered = True
    elif WHERE_TO_CHANGE.search(frame.folded) and "password" in (
        frame.folded + " " + fold(previous_text(turn.tracker))
    ):  # the provider's way to a new mailbox password
        dispatcher.utter_message(
            response="utter_en_password_change", password_change=english["password_change"]
        )
        answered = True
    elif PASSWORD_CHANGED.search(frame.folded):  # the new password in every device and server
        dispatcher.utter_message(
            response="utter_en_password_changed", password_changed=english["password_changed"]
        )
        answered = True
    elif turn.topic in ("smtp_auth", "open_smtp") and EVERY_DEVICE.search(frame.folded):
        dispatcher.utter_message(response="utter_en_all_devices")  # the printer too
        answered = True
    elif (
        turn.topic == "smtp_auth"
        and WHERE.search(frame.folded)
        and (guide := knowledge.guides().get(frame.device or turn.device or ""))
        and guide.smtp_auth_en
    ):  # "and where is that setting on an iPhone?": that device's place, in English
        dispatcher.utter_message(
            response="utter_en_auth_where",
            device_short=guide.short_en or guide.short,
            place=guide.smtp_auth_en,
        )
        answered = True
    elif turn.topic == "smtp_auth" and HOW.search(frame.folded):
        utter_english_smtp_auth(dispatcher, turn, values)  # "how do I switch it on?"
        answered = True
    # "and without SSL?" continues with ports, whatever came before
    follow_up = (
        [t for t in turn.last_topics if t in FOLLOWED] or [turn.topic]
        if turn.follow_up and turn.topic in FOLLOWED and not frame.security
        else ["port"]
        if turn.follow_up
        else []
    )
    if not frame.asks and re.search(r"\bpassword\b", frame.folded):
        follow_up = ["password"]  # "what is the password?": the mailbox's, from the customer area
    if not frame.asks and frame.protocols and SETTINGS_WORD.search(frame.folded):
        follow_up = ["settings"]  # "POP3 settings please, no SSL": that account's whole settings
    asks = frame.asks or follow_up  # "and with SSL?", "and the outgoing one?"
    if (
        {"imap", "pop3"} <= set(frame.protocols)
        and DIFFERENCE.search(frame.folded)
        and "pop_vs_imap" not in asks
    ):
        asks = ["pop_vs_imap"] + [t for t in asks if t not in ("port", "term")]
    elif {"imap", "pop3"} <= set(frame.protocols) and (
        PROTOCOL_CHOICE.search(frame.folded) or WHICH_BETTER.search(frame.folded)
    ):  # "Should I pick POP or IMAP? And what are the server settings?": the advice, then them
        asks = ["pop_vs_imap"] + [t for t in asks if t not in ("pop_vs_imap", "term")]
    if OPTIONAL_LOGIN.search(frame.folded) and (
        re.search(r"\b(outgoing|smtp|sending)\b", frame.folded) or turn.topic == "smtp_auth"
    ):  # iOS's "Optional" beside the outgoing log-in: filled in anyway
        # ("Can I leave them empty?": no; "Do I fill them in?": yes)
        leave = re.search(r"\b(leave|skip|empty|blank|without)\b", frame.folded)
        dispatcher.utter_message(
            response="utter_en_optional_login", lead="No –" if leave else "Yes –", **values
        )
        asks = [t for t in asks if t not in ("username", "password", "smtp_auth", "server", "port")]
        answered = True
    if "term" in asks and "pop_vs_imap" not in asks and WHICH_BETTER.search(frame.folded):
        asks = [*asks, "pop_vs_imap"]  # "what is POP3 and IMAP? which is better?": advice too
    if (
        SAME_ASKED.search(frame.folded)
        and "same_server" not in asks
        and (turn.topic == "server" or "server" in asks)
    ):  # "and the outgoing one, is it the same?" after the server: yes, one server
        asks = ["same_server"] + [t for t in asks if t not in ("server", "port")]
    fields = {m.group(1) for m in FORM_FIELDS.finditer(frame.folded)}
    # ("what do I put as username and password?" asks those two only: a server field makes it
    # the form)
    form = any(re.search(r"server|host|account type", field) for field in fields)
    if len(fields) >= 2 and form and FILL_ASKED.search(frame.folded) and not frame.ports:
        # the form's values: the recommended account type, the server, its ports, the log-in
        protocol = knowledge.recommended_protocol()
        dispatcher.utter_message(response="utter_en_server", **values)
        for listed in (protocol, "smtp"):
            utter_english_ports(dispatcher, listed, turn.security)
        dispatcher.utter_message(response="utter_en_username", **values)
        dispatcher.utter_message(response="utter_en_pop_vs_imap")
        asks = [t for t in asks if t not in ("field", "server", "port", "username", "password")]
        answered = True
    if SECURITY_CHOICE.search(frame.folded) and not {"ssl_advice", "ssl_required"} & set(asks):
        asks = [*asks, "ssl_advice"]  # "…and which connection security?": SSL, with its ports
    if TYPE_CHOICE.search(frame.folded) and "pop_vs_imap" not in asks:
        asks = ["pop_vs_imap"] + [t for t in asks if t not in ("server", "field")]
    owners = [owner for n in frame.ports if (owner := knowledge.protocol_for_port(n))]
    if owners and frame.protocols and IS_IT.search(frame.folded):
        # "…and is it IMAP 993?": yes when the number is the protocol written with it, else
        # that protocol's ports ("incoming IMAP 465 and SMTP 993, right?": both corrected)
        only = frame.protocols[0] if len(frame.protocols) == 1 else None
        claims = frame.port_claims or [(n, None, None) for n in frame.ports]
        for number, claimed, _ in claims:
            owner = knowledge.protocol_for_port(number)
            written: Optional[str] = claimed or only
            if owner and written in (owner[0], None):
                dispatcher.utter_message(
                    response="utter_en_port_yes",
                    port=number,
                    protocol_label=knowledge.protocol_label(owner[0]),
                    security_label=english["security_labels"][owner[1]],
                )
            elif written in knowledge.protocols():
                utter_english_ports(dispatcher, written, None)
            else:
                continue
            answered = True
        asks = [t for t in asks if t not in ("port", "port_purpose")]
    elif owners and not frame.protocols and not frame.checks:
        # "what's port 587 for?", "and 465?": each number's protocol and SSL choice
        for owner_protocol, owner_security in owners:
            utter_english_ports(dispatcher, owner_protocol, owner_security)
        asks = [t for t in asks if t not in ("port", "port_purpose", "port_table")]
        answered = True
    if "port" in asks and "server" not in asks and re.search(r"\bserver", frame.folded):
        asks = ["server"] + asks  # "asks for the SMTP server and port": both
    asks_protocol = bool(frame.protocols or turn.protocol)
    for topic in asks:
        if topic == "server" and frame.named_protocols and "port" not in asks:
            # "and the incoming server for IMAP?": that account's server and ports ("for the
            # incoming and outgoing server": the incoming ones too)
            dispatcher.utter_message(response="utter_en_server", **values)
            if "ssl_advice" not in asks:  # (the SSL advice lists the same ports)
                for protocol in _table_protocols(turn):
                    utter_english_ports(dispatcher, protocol, turn.security)
        elif topic == "port" and (frame.protocols or turn.protocol):
            if turn.follow_up and "server" not in asks:  # "and for incoming IMAP?": both again
                dispatcher.utter_message(response="utter_en_server", **values)
            asked = list(frame.port_protocols or turn.last_protocols or [turn.protocol or ""])
            incoming = {*knowledge.incoming_protocols(), "incoming"}
            if PORTS_PLURAL.search(frame.folded) and set(asked) <= incoming:
                asked.append("smtp")  # "IMAP then, ports please": the account's two ports
            for protocol in asked:
                security = (
                    turn.security
                    if turn.security == "both"
                    else frame.security_by_protocol.get(protocol, turn.security)
                )
                utter_english_ports(dispatcher, protocol, security)
        elif topic == "port" and not asks_protocol:  # "what server, ports and username?": all
            # ("and the ports with SSL?": that choice's ports only)
            chosen = frame.security if frame.security in knowledge.SECURITY_CHOICES else None
            dispatcher.utter_message(
                response="utter_en_port_table",
                port_table=replies.port_table(english=True, security=chosen),
            )
        elif topic == "settings" and frame.protocols:  # "the settings for IMAP": that account's
            dispatcher.utter_message(response="utter_en_server", **values)
            for protocol in dict.fromkeys([*frame.protocols, "smtp"]):
                if protocol in knowledge.protocols():
                    utter_english_ports(dispatcher, protocol, turn.security)
            dispatcher.utter_message(response="utter_en_username", **values)
        elif topic == "settings":  # "what server settings should I use?": the recommended type's
            dispatcher.utter_message(response="utter_en_server", **values)
            for protocol in (knowledge.recommended_protocol(), "smtp"):
                utter_english_ports(dispatcher, protocol, turn.security)
            if "username" not in asks:  # (asked beside it: its own yes follows)
                dispatcher.utter_message(response="utter_en_username", **values)
        elif topic == "smtp_auth":
            utter_english_smtp_auth(dispatcher, turn, values)
        elif topic == "server" and "same_server" in asks:
            continue  # the one server's answer names it
        elif topic == "server":
            dispatcher.utter_message(response="utter_en_server", **values)
        elif topic in ("username", "whole_address") and FULL_ADDRESS_ASKED.search(frame.folded):
            dispatcher.utter_message(
                response="utter_en_yes_full_address"
            )  # "is it my full address?"
        elif topic in ("username", "password", "mailbox_password"):
            dispatcher.utter_message(response="utter_en_username", **values)
        elif topic == "term":
            # "what's IMAP and what's POP3?": each protocol named
            named = [p for p in frame.protocols if p in knowledge.protocols() and p != "smtp"]
            if turn.follow_up and not frame.term:  # "And SMTP?" after "What is IMAP?"
                named = [p for p in frame.protocols if p in knowledge.protocols()]
            terms = (
                named if named and (frame.term in named or not frame.term) else [frame.term or ""]
            )
            if not any([answer_term(dispatcher, term, english=True) for term in terms]):
                continue
        elif topic == "pop_vs_imap":  # "which one should I choose?"
            dispatcher.utter_message(response="utter_en_pop_vs_imap")
        elif topic == "field":
            for name in frame.fields:
                answer_term(dispatcher, name, english=True)
        elif topic in ("ssl_required", "ssl_advice"):  # "None, SSL or TLS – which one?"
            dispatcher.utter_message(
                response=(
                    "utter_en_ssl_optional" if topic == "ssl_required" else "utter_en_ssl_advice"
                ),
                # ("do I need SSL for the outgoing server?": that server's lines; "incoming and
                # outgoing": the incoming one known, or both incoming ones, beside SMTP)
                port_table=replies.port_table(english=True, protocols=_table_protocols(turn)),
            )
        elif topic == "switch_protocol":  # "if I switch from POP to IMAP, does the server change?"
            target = switch_target(turn) or knowledge.recommended_protocol()
            stays = lexicon.says("asks_if_stays", frame.folded)
            dispatcher.utter_message(
                response="utter_en_switch_protocol",
                yes_no="Yes" if stays else "No",
                **replies.protocol_values(target),
            )
        elif topic == "same_server":
            same = knowledge.server("incoming") == knowledge.server("outgoing")
            dispatcher.utter_message(
                response="utter_en_same_server" if same else "utter_en_server", **values
            )
        else:
            continue
        answered = True
    for label, meaning in english["labels"].items():  # "what does 'další volby' mean?"
        if fold(label) in frame.folded:
            dispatcher.utter_message(response="utter_en_label", label=label, meaning=meaning)
            answered = True
    if not answered and frame.named_protocols and not follow_up:
        # "what do I put for incoming IMAP?": that account's server and ports
        dispatcher.utter_message(response="utter_en_server", **values)
        for protocol in frame.named_protocols:
            utter_english_ports(dispatcher, protocol, turn.security)
        dispatcher.utter_message(response="utter_en_username", **values)
        answered = True
    if not answered and SPEAKS_ENGLISH.search(frame.folded) and not frame.protocols:
        dispatcher.utter_message(response="utter_en_can_help")
        return [SlotSet("last_topic", None)]
    if not answered:
        dispatcher.utter_message(
            response="utter_en_table", **{**values, "port_table": replies.port_table(english=True)}
        )
    czech_note(dispatcher, turn)
    if not answered and SETUP_ASKED.search(frame.folded) and not (frame.device or turn.device):
        # "I need to set up my hosting mailbox": the values, and the device for its steps
        return ask_device(dispatcher, english=True)
    # after the ticket or a sending failure, "how do I switch it on?" is about the checkboxes
    sending = (
        frame.open_smtp
        or frame.intent == "open_smtp_ticket"
        or frame.error_code
        or frame.symptom in SENDING_FAILS
    )
    # the protocols whose ports were given: "and without SSL?" is about all of them
    labels = {spec["label"]: name for name, spec in knowledge.protocols().items()}
    given = [
        labels[m["protocol_label"]]
        for m in dispatcher.messages
        if m.get("response") in ("utter_en_port_single", "utter_en_port_both")
        and m.get("protocol_label") in labels
    ]
    # ("…and do I need to tick anything for outgoing mail?" → "where is that?": the log-in)
    last_auth = bool(asks) and asks[-1] == "smtp_auth"
    topic = (
        "smtp_auth"
        if sending or last_auth
        else "server"
        if "server" in asks
        else "term"
        if asks == ["term"]
        else "port"
    )
    return [
        SlotSet("protocol", turn.protocol),
        SlotSet("security", turn.security),
        SlotSet("last_topic", topic),
        *([SlotSet("asked_protocols", list(dict.fromkeys(given)))] if len(set(given)) > 1 else []),
        # "incoming server and IMAP port?" → "and outgoing?": both again, for SMTP
        # ("the IMAP settings?" → "and for sending?": the server and the ports again)
        SlotSet(
            "last_topics",
            list(FOLLOWED) if "settings" in asks else [t for t in asks if t in FOLLOWED] or [topic],
        ),
    ]


WHERE = re.compile(r"\b(where|which menu|how do i find)\b")


def step_labels(messages: List[Dict[str, Any]], device: Optional[str]) -> List[Dict[str, Any]]:
    """What the Czech labels of the walkthrough steps shown mean, for a customer who writes in
    English (the phone shows them in Czech)."""
    meanings = knowledge.load()["english"]["labels"]
    named: List[str] = []
    for message in messages:
        if message.get("response") == "utter_step" and message.get("number"):
            named += knowledge.steps(device)[int(message["number"]) - 1].labels
        elif message.get("response") == "utter_step_help":  # the labels its text quotes
            named += [label for label in meanings if f"„{label}“" in message.get("help", "")]
    dispatcher = CollectingDispatcher()
    for label in dict.fromkeys(named):
        if label in meanings:
            dispatcher.utter_message(
                response="utter_en_label", label=label, meaning=meanings[label]
            )
    return dispatcher.messages


def walkthrough_intro(messages: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """How the Czech walkthrough reads for a customer who writes English, when it starts."""
    intros = ("utter_walkthrough_intro", "utter_walkthrough_intro_device")
    dispatcher = CollectingDispatcher()
    if any(message.get("response") in intros for message in messages):
        dispatcher.utter_message(response="utter_en_walkthrough_intro")
    return dispatcher.messages


# The handoff's Czech messages and what they say in English (the record and the colleagues'
# call-back stay Czech; the customer who wrote in English learns what happened).
HANDOFF_IN_ENGLISH = {
    "utter_handoff_done": "utter_en_handoff_done",
    "utter_handoff_noted": "utter_en_handoff_noted",
    "utter_handoff_again": "utter_en_handoff_again",
    "utter_callback_offer": "utter_en_callback_offer",
    "utter_callback_saved": "utter_en_callback_saved",
    "utter_callback_saved_with_wish": "utter_en_callback_saved",
    "utter_handoff_detail": "utter_en_handoff_detail",
}


def handoff_in_english(messages: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """`messages` with each handoff message said in English instead of Czech (marked by its
    route "english_handoff")."""
    said: List[Dict[str, Any]] = []
    for message in messages:
        english = HANDOFF_IN_ENGLISH.get(message.get("response") or "")
        if not english:
            said.append(message)
            continue
        dispatcher = CollectingDispatcher()
        values = {k: v for k, v in message.items() if k in ("handoff_number", "contact")}
        dispatcher.utter_message(response=english, **values)
        said += [{**m, "route": "english_handoff"} for m in dispatcher.messages]
    return said
