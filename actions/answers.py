"""Server, credential and settings answers: a response filled with facts from the knowledge file."""

import re
from typing import Dict, List, Optional

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import devices, knowledge, lexicon, phrases, ports, replies, symptoms
from actions.address import EMAIL
from actions.context import Events, Turn, adding_account, last_responses, password_typed_here
from actions.frame import COMPARED_TO, TYPE_FOUND_OUT, sentences_of
from actions.pending import Pending
from actions.understanding import protocols_in_text
from czech_nlu.folding import fold

# ("kde zjistím heslo, když ho nevím?": a new one is set, the old one is shown nowhere)
CHANGE_PASSWORD = re.compile(
    r"\b(zmen|zmenit|obnov|zapomn|novy|nove|reset)\w*|\bmen(it|im|ime|ite)\b"
    r"|\b(kdyz|ak|pokud|jestli)\b( \w+)? (ho|ji|heslo)? ?(nevim|neznam|nepamatuj\w*|neviem|nepoznam)\b"
)


def answer_server(
    dispatcher: CollectingDispatcher,
    protocol: Optional[str],
    with_port: bool = False,
    lead: str = "",
) -> Events:
    """The server of the protocol (and its ports when `with_port`: the server asked alone,
    the port field is next to it), else both servers."""
    if protocol:
        dispatcher.utter_message(
            response="utter_server_one_port" if with_port else "utter_server_one",
            lead=lead,
            **replies.protocol_values(knowledge.concrete_protocol(protocol)),
        )
        return [SlotSet("protocol", protocol), SlotSet("last_topic", "server")]
    incoming, outgoing = knowledge.server("incoming"), knowledge.server("outgoing")
    if incoming == outgoing:  # "…nebo musím i odchozí? a je to ta samá adresa?": one for both
        dispatcher.utter_message(response="utter_server_same", server=incoming)
    else:
        dispatcher.utter_message(
            response="utter_server_both", incoming_server=incoming, outgoing_server=outgoing
        )
    return [SlotSet("last_topic", "server")]


def zero_typed_as_o(host: str) -> Optional[str]:
    """Our server's name when `host` is it with a letter O for the digit zero ("sslo.ovh.net")."""
    for ours in knowledge.our_servers():
        if host.lower() != ours and host.lower().replace("o", "0") == ours.replace("o", "0"):
            return ours.upper()
    return None


def zero_left_out(host: str) -> Optional[str]:
    """Our server's name when `host` is it without its digit zero ("ssl.ovh.net")."""
    for ours in knowledge.our_servers():
        if "0" in ours and "0" not in host and host.lower() == ours.replace("0", ""):
            return ours.upper()
    return None


# The direction a server name was typed for: the last one named before it
DIRECTION_WORD = re.compile(r"\b(odchoz\w*|smtp|prichoz\w*|imap|pop3?)\b")
DIRECTIONS = {
    "odchoz": "smtp",
    "smtp": "smtp",
    "prichoz": "incoming",
    "imap": "imap",
    "pop": "pop3",
}


def _direction_before(folded: str, host: str) -> Optional[str]:
    """ "příchozí mám ssl0.ovh.net, ale odchozí jsem nechal smtp.seznam.cz": SMTP's."""
    at = folded.find(host.lower())
    named = list(DIRECTION_WORD.finditer(folded[:at])) if at > 0 else []
    word = named[-1].group(1) if named else ""
    return next((p for stem, p in DIRECTIONS.items() if word.startswith(stem)), None)


def check_servers(
    dispatcher: CollectingDispatcher,
    hosts: List[str],
    protocol: Optional[str] = None,
    folded: str = "",
    failing: bool = False,
) -> Events:
    """Server names the customer typed: ours confirmed, any other replaced by ours (the
    server of the `protocol` named beside it: "jako odchozí mám smtp.seznam.cz"). A name not
    ours is a no to "je to dobře?", a yes to "taky předělat?" and to "proto mi to nejde?"."""
    if lexicon.says("asks_if_cause", folded):
        lead = "Ano, to bude ten důvod –"
    elif failing and "?" not in folded:  # "mám tam X a nejde to": the likely cause, said so
        lead = "To bude ten důvod –"
    elif lexicon.says("asks_if_change", folded):
        lead = "Ano –"
    elif re.search(r"\b(vadi|vadit|nevadi|problem)\b", folded):  # "může to vadit?": it does
        lead = "Ano, vadí –"
    else:
        lead = "Ne –"
    ours = knowledge.our_servers()
    wrong = False
    typed: Dict[str, str] = {}  # the same name typed for incoming and outgoing: said once
    for host in hosts:
        typed.setdefault(host.lower(), host)
    for host in typed.values():
        if host.lower() in ours:
            dispatcher.utter_message(response="utter_server_check_ok", server=host.upper())
        elif ours_meant := zero_typed_as_o(host):  # "SSLO.OVH.NET": the letter for the digit
            dispatcher.utter_message(
                response="utter_server_zero_typed", lead=lead, server=ours_meant
            )
            return [SlotSet("last_topic", "server")]
        elif ours_meant := zero_left_out(host):  # "ssl.ovh.net": the digit left out
            dispatcher.utter_message(
                response="utter_server_zero_missing", lead=lead, server=ours_meant
            )
            return [SlotSet("last_topic", "server")]
        else:
            dispatcher.utter_message(response="utter_server_check_wrong", host=host, lead=lead)
            wrong, protocol = True, _direction_before(folded, host) or protocol
    if wrong:
        return answer_server(dispatcher, protocol)  # "a port?" then follows that server
    return [SlotSet("last_topic", "server")]


def answer_settings(dispatcher: CollectingDispatcher, protocol: Optional[str]) -> Events:
    """Complete settings for IMAP or POP3. Not said which: the recommended one's, answered
    at once, with the other one a tap away ("a pro POP3?" follows as a fragment)."""
    if protocol not in knowledge.incoming_protocols():
        recommended = knowledge.recommended_protocol()
        dispatcher.utter_message(response="utter_settings", **replies.settings_values(recommended))
        dispatcher.utter_message(response="utter_settings_other_protocol")
        return [SlotSet("protocol", recommended), SlotSet("last_topic", "settings")]
    dispatcher.utter_message(response="utter_settings", **replies.settings_values(protocol))
    return [SlotSet("protocol", protocol), SlotSet("last_topic", "settings")]


def answer_settings_chosen(
    dispatcher: CollectingDispatcher, protocol: str, security: str
) -> Events:
    """ "Kompletní nastavení pro IMAP se SSL": that choice's ports alone, every other value."""
    dispatcher.utter_message(
        response="utter_form_values_device", **replies.chosen_values(protocol, security)
    )
    return [
        SlotSet("protocol", protocol),
        SlotSet("security", security),
        SlotSet("last_topic", "settings"),
    ]


def answer_what_to_fill(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """ "Našel jsem, co tam vyplním?": the outgoing server's values after a question about it,
    the whole account's otherwise."""
    outgoing = turn.protocol == "smtp" or turn.topic in ("smtp_auth", "smtp_fix_path")
    if outgoing or turn.pending == Pending.SMTP_FIX:
        return answer_outgoing_values(dispatcher)
    return answer_settings(dispatcher, turn.protocol or knowledge.recommended_protocol())


def answer_outgoing_values(dispatcher: CollectingDispatcher) -> Events:
    """The outgoing server's part of the settings alone: server, ports, log-in."""
    values = replies.settings_values(knowledge.recommended_protocol())
    dispatcher.utter_message(response="utter_outgoing_values", **values)
    return [SlotSet("protocol", "smtp"), SlotSet("last_topic", "settings")]


def protocol_named(turn: Turn) -> Events:
    """The one protocol the message is about, kept: "a port k tomu?" next is that one's."""
    named = turn.frame.named_protocols
    return [SlotSet("protocol", named[0])] if len(named) == 1 else []


def answer_username(dispatcher: CollectingDispatcher) -> Events:
    dispatcher.utter_message(response="utter_username", username=knowledge.username())
    return [SlotSet("last_topic", "username")]  # "a u odchozího taky?" asks it of SMTP


def answer_username_short(dispatcher: CollectingDispatcher, folded: str = "") -> Events:
    """ "Jako uživatele mám jen info": not enough, the whole address ("…, je to špatně?": yes,
    it is – the yes/no word answers the question as asked)."""
    if lexicon.says("username_alternatives", folded):  # "celý mail, nebo jen před zavináčem?"
        return answer_username(dispatcher)
    wrong_asked = lexicon.says("asks_if_wrong", folded)
    dispatcher.utter_message(
        response="utter_username_short_wrong" if wrong_asked else "utter_username_short",
        username=knowledge.username(),
    )
    return [SlotSet("last_topic", "username")]


def answer_password(
    dispatcher: CollectingDispatcher, text: str = "", typed_before: bool = False
) -> Events:
    """Where the password comes from, or how to change it when that is what is asked ("mám si
    ho změnit?" after typing it in the chat, `typed_before`: yes, first)."""
    # ("je problém, že jsem Vám to heslo napsal?": it was shared – a new one advised)
    worry = typed_before and lexicon.says("password_typed_worry", fold(text))
    if CHANGE_PASSWORD.search(fold(text)) or worry:
        shared = typed_before and lexicon.says("asks_whether_to_change", fold(text))
        utter_password_change(
            dispatcher,
            "utter_change_password_shared"
            if shared
            else "utter_change_password_typed"
            if worry
            else "utter_change_password",
        )
        return []
    credentials = knowledge.credentials()
    dispatcher.utter_message(
        response="utter_password",
        password=credentials["password"],
        manager_url=credentials["manager_url"],
    )
    return [SlotSet("last_topic", "password")]  # "a když si ho nepamatuju?" follows


# The answers that tell the way to change the mailbox password (domain.yml)
PASSWORD_CHANGE_ANSWERS = {
    "utter_password",  # "heslo … v zákaznickém prostoru" – "a kde přesně to v Manageru je?"
    "utter_change_password",
    "utter_change_password_shared",
    "utter_change_password_typed",
    "utter_change_password_spam",
    "utter_password_self",
    "utter_mailbox_password",
    "utter_not_admin",
}


def utter_password_change(dispatcher: CollectingDispatcher, response: str) -> None:
    change = knowledge.load()["password_change"]
    dispatcher.utter_message(
        response=response, password_change_path=change["path"], password_change_note=change["note"]
    )


def keep_copy_where_pop(
    dispatcher: CollectingDispatcher, turn: Turn, other_than: Optional[str] = None
) -> None:
    """ "V Outlooku mám POP3": where that program keeps a copy on the server (the device in the
    sentence that names POP3 first; not the one being set up)."""
    kept = [
        guide.keep_copy
        for sentence in sorted(sentences_of(turn.frame.folded), key=lambda s: "pop" not in s)
        for name in devices.all_named(sentence)
        if name != other_than and (guide := knowledge.guides().get(name)) and guide.keep_copy
    ]
    if kept:
        dispatcher.utter_message(response="utter_keep_copy_where", place=kept[0])


def answer_other_device(dispatcher: CollectingDispatcher, protocol: Optional[str]) -> Events:
    """Other phones and apps: the walkthrough is for Windows Phone, the values are the same."""
    dispatcher.utter_message(response="utter_other_device")
    if protocol not in knowledge.incoming_protocols():
        protocol = knowledge.recommended_protocol()
    dispatcher.utter_message(response="utter_settings", **replies.settings_values(protocol))
    return [SlotSet("last_topic", "settings")]


DIFFER = re.compile(
    r"\b(lis\w*|rozdil\w*|rozdiel\w*|rozdiln\w*|ruzn\w*|rozn\w*|odlisn\w*|jin[yae]\w*|in[yae]|different)\b"
)

SAME = re.compile(r"\b(stejn\w*|totozn\w*|rovnak\w*|jeden a ten\w*|ten ist\w*|same)\b")


AUTH_AFTER_ADDING = "auth_after_adding"  # the last answer: the log-in is set once it is added


def answer_auth_while_adding(dispatcher: CollectingDispatcher, turn: Turn) -> Optional[Events]:
    """Where the outgoing server's log-in is, asked while the account is being added: on the
    form, or (a program whose form has none) on the account once added; None when an account
    exists ("účet byl úspěšně přidán, kde…") or that was said just now."""
    guide = knowledge.guide(turn.device)
    form_step = guide.step_number("account_form")
    added = turn.frame.works is True or lexicon.says("account_added", turn.frame.folded)
    adding = (turn.walkthrough_active and turn.step <= form_step) or adding_account(turn)
    if not adding or added or turn.topic == AUTH_AFTER_ADDING:
        return None
    dispatcher.utter_message(
        response="utter_auth_after_adding" if guide.auth_after_adding else "utter_auth_in_form",
        form_step=form_step,
    )
    # ("a kudy se tam dostanu?" follows: the added account's way, not the form; "a jaký
    # port?" the outgoing server's)
    outgoing = [SlotSet("protocol", "smtp")]
    return outgoing + (
        [SlotSet("last_topic", AUTH_AFTER_ADDING)] if guide.auth_after_adding else []
    )


def answer_same_server(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """ "Liší se server pro příjem a odesílání?" – no; "Je stejný?" – yes (yes/no first)."""
    incoming, outgoing = knowledge.server("incoming"), knowledge.server("outgoing")
    if incoming != outgoing:  # not so for this provider; said plainly if the data changes
        return answer_server(dispatcher, None)
    # "je stejný, nebo jsou dva různé?": the first alternative is the question answered
    differ, same = DIFFER.search(turn.frame.folded), SAME.search(turn.frame.folded)
    asks_difference = differ is not None and not (same and same.start() < differ.start())
    response = "utter_same_server_no" if asks_difference else "utter_same_server_yes"
    # ("kam ho dát, do příchozího, nebo odchozího?": where, of two; "dám stejný?" is yes/no)
    where = re.search(r"\b(kam|kde|patri\w*|dat|dam)\b", turn.frame.folded)
    if where and re.search(r"\b(nebo|ci|alebo|or)\b", turn.frame.folded) and not asks_difference:
        response = "utter_same_server_both"  # "kam ho dát, do příchozího, nebo odchozího?"
    if re.search(r"\b(kolik|how many)\b", turn.frame.folded):
        response = "utter_same_server_one"  # "kolik je tam serverů?"
    dispatcher.utter_message(response=response, server=incoming)
    # "je odchozí server stejný?" – "a port?" then is the outgoing one's
    named = turn.frame.protocols
    return [SlotSet("last_topic", "server")] + (
        [SlotSet("protocol", named[0])] if len(named) == 1 else []
    )


def answer_ssl_required(dispatcher: CollectingDispatcher, turn: Optional[Turn] = None) -> Events:
    # "musím mít SSL?" – no; "funguje to i bez SSL?" – yes
    works = turn and lexicon.says("asks_if_works_without", turn.frame.folded)
    named = list(turn.frame.named_protocols) if turn else []
    if turn and not named and turn.frame.text.lower().startswith("a ") and turn.protocol:
        # "…port odchozí pošty? mám tam 25" – "a SSL zapnout?": SMTP's ("porty na příjem přes
        # IMAP a na odesílání" – "a když SSL nepůjde?": both answered before)
        named = list(turn.last_protocols if turn.topic == "port" else []) or [turn.protocol]
    # ("porty pro POP3? a musím zapnout SSL?": that protocol's lines, and its outgoing one)
    shown = (
        named + ["smtp"] if named and set(named) <= set(knowledge.incoming_protocols()) else named
    )
    dispatcher.utter_message(
        response="utter_ssl_optional",
        lead="Ano" if works else "Nemusíte",
        port_table=replies.port_table(protocols=shown),
    )
    # ("…přes IMAP, musí být SSL?" – "a když ho vypnu?": IMAP's port then)
    return [SlotSet("last_topic", "port")] + (
        [SlotSet("protocol", named[0])] if len(named) == 1 else []
    )


def answer_same_ports(dispatcher: CollectingDispatcher) -> Events:
    """ "A porty jsou taky stejné?": no, each protocol and SSL choice has its own."""
    dispatcher.utter_message(response="utter_ports_differ", port_table=replies.port_table())
    return [SlotSet("last_topic", "port")]


def answer_switch_protocol(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """ "Z POP3 na IMAP, měním i server?": no; the port of the protocol switched to."""
    target = switch_target(turn) or knowledge.recommended_protocol()
    # "mění se server?" – no; "zůstane server stejný?" – yes: the same fact, the question's polarity
    stays = lexicon.says("asks_if_stays", turn.frame.folded)
    # ("co všechno změním?": none; "musím účet smazat a přidat znova?" is the account's yes)
    yes_no = lexicon.says("yes_no_question", turn.frame.folded) and not (
        re.search(r"\b(smaz|odebr|odstran|vymaz)\w*[^?]{0,30}\b(prid|zaloz)\w*", turn.frame.folded)
    )
    dispatcher.utter_message(
        response="utter_switch_protocol",
        lead=("Ano, server" if stays else "Ne, server") if yes_no else "Server",
        **replies.protocol_values(target),
    )
    if SWITCH_WISH.search(turn.frame.folded):
        # "chci přejít z POP3 na IMAP": a switch to make – how it is made, too (a program keeps
        # an account's type: the account added again)
        return answer_switch_account(dispatcher, turn)
    return [SlotSet("protocol", target), SlotSet("last_topic", "server")]


def answer_switch_ports(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """After the switch of account type: the incoming port changes, the outgoing one stays;
    the outgoing port asked alone gets its yes ("zůstává?") or no ("mění se?") first."""
    target = turn.protocol if turn.protocol in knowledge.incoming_protocols() else None
    values = {
        **replies.protocol_values(target or knowledge.recommended_protocol()),
        "smtp_ssl": knowledge.port("smtp", "ssl"),
        "smtp_plain": knowledge.port("smtp", "plain"),
    }
    if turn.frame.protocols == ["smtp"]:
        stays = lexicon.says("asks_if_stays", turn.frame.folded)
        dispatcher.utter_message(
            response="utter_switch_outgoing_port",
            lead="Ano," if stays else "Ne, nemění se –",
            **values,
        )
    else:
        dispatcher.utter_message(response="utter_switch_ports", **values)
    return [SlotSet("last_topic", "port")]


# "chci přejít z POP3 na IMAP", "potřebuju to přepnout na IMAP": the switch wanted, not asked about
SWITCH_WISH = re.compile(
    r"\b(chci|chtel\w*|chcel\w*|potrebuj\w*|chystam se|budu|musim)\b[^?.!]{0,20}"
    r"\b(prejit|prepnout|prepnut|zmenit|predelat|prehodit)\b"
)


# "proč to musím ověřovat?" (a typo "ovrovat" too): why the outgoing server wants the log-in
WHY_AUTH = re.compile(r"\bproc\b[^.?!]{0,30}\b(over\w*|ovr\w*|autentiz\w*|prihlas\w*|zaskrt\w*)")


def answer_switch_account(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """ "Dá se to přepnout ve stávajícím účtu?": the account is added again with the new type;
    the walkthrough offered, for that type when the customer named it."""
    dispatcher.utter_message(response="utter_switch_account")
    target = switch_target(turn)
    if target in knowledge.incoming_protocols():  # "…dát IMAP místo POPu": its values then
        dispatcher.utter_message(
            response="utter_switch_account_values", **replies.protocol_values(target)
        )
    chosen = [SlotSet("protocol", target), SlotSet("form_protocol", target)] if target else []
    return chosen + [
        SlotSet("pending_question", Pending.WALKTHROUGH_OFFER.value),
        SlotSet("last_topic", "switch_account"),
    ]


# the account type the customer has now ("mám u účtu Typ účtu: POP", "je tam POP3")
HAD_TYPE = re.compile(
    # (not "mám dát IMAP?": a choice asked)
    r"\b(mam tam|mame tam|je tam|je nastaven\w*|typ uctu:?)\s+(\w+\s+)?(pop3?|imap)\b"
)


def switch_target(turn: Turn) -> Optional[str]:
    """The incoming protocol switched to: the one after "na" ("z POP3 na IMAP") or before
    "místo", else the last one named."""
    # ("nastavil to na IMAP, ale já chci POP3": the one wished first)
    wished = re.findall(
        r"\b(?:chci|chtel\w*|radsi|radeji|potrebuj\w*|want)\s+(?:(?:mit|tam|dat|to)\s+)*(\w+)",
        turn.frame.folded,
    )
    after_na = wished + re.findall(r"(?:\bna|\bza|->|\bto)\s+(\w+)", turn.frame.folded)
    # ("POP3 místo IMAP", "POP3 instead of IMAP": the one before the word)
    instead = re.findall(r"(\w+)\s+(?:misto|namisto|instead of)\b", turn.frame.folded)
    named = [p for word in after_na + instead for p in protocols_in_text(word)]
    # "u účtu mám Typ účtu: POP, změnit to nejde, jak to přepnu?": the one had is left, the
    # other is the target
    had = {p for m in HAD_TYPE.finditer(turn.frame.folded) for p in protocols_in_text(m.group(0))}
    others = [p for p in knowledge.incoming_protocols() if p not in had]
    if had and not named and len(others) == 1:
        return others[0]
    return next(
        (p for p in named + turn.frame.protocols[::-1] if p in knowledge.incoming_protocols()),
        None,
    )


def answer_term(
    dispatcher: CollectingDispatcher, term: Optional[str], english: bool = False
) -> Events:
    """ "Co je IMAP?": general e-mail knowledge from the knowledge file."""
    terms = knowledge.load()["terms"]
    if term not in terms:
        return []
    dispatcher.utter_message(
        response="utter_en_term" if english else "utter_term",
        explanation=terms[term]["en" if english else "cs"],
    )
    events = [SlotSet("last_topic", "term")]  # "a IMAP?" asks the same of IMAP
    if term in knowledge.protocols():  # "co je IMAP?" – "a jaký port má?": IMAP's
        events += [SlotSet("protocol", term), SlotSet("asked_protocols", [term])]
    return events


# The log-in left empty, asked whether that is enough
LEFT_EMPTY_ENOUGH = re.compile(
    r"\b(prazdn\w*|nevyplnen\w*|nevyplnil\w*|nezadal\w*|vynechal\w*|bez (uzivatel|jmen|login|hesl)\w*)"
    r"\b[^.?!]{0,40}\b(staci|postaci|muze to (tak )?(byt|zustat)|je to (tak )?(ok|dobre|v poradku)|jde to)\b"
)


def answer_outgoing_login(dispatcher: CollectingDispatcher, turn: Optional[Turn] = None) -> Events:
    """The outgoing server's log-in; "je potřeba u odchozího zadat uživatele?" gets its yes."""
    values = replies.settings_values(knowledge.recommended_protocol())
    yes_no = turn is not None and lexicon.says("yes_no_question", turn.frame.folded)
    # ("jméno a heslo jsem nechal prázdné, stačí to tak?": no)
    left_empty = turn is not None and bool(LEFT_EMPTY_ENOUGH.search(turn.frame.folded))
    dispatcher.utter_message(
        response="utter_outgoing_login",
        lead="Ne – u" if left_empty else "Ano – u" if yes_no else "U",
        username=values["username"],
        auth_required=values["auth_required"],
        auth_same_login=values["auth_same_login"],
    )
    return [SlotSet("last_topic", "username"), SlotSet("protocol", "smtp")]


# "SSL (přijmout všechny certifikáty)", "TLS (accept all certificates)": a choice of the
# security drop-down that skips the certificate check


BOTH_SERVERS = re.compile(r"\b(u|pri|na|pro) (obou|oboch|oba|obe)\b|\bboth\b")


def answer_ssl_advice(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """SSL, named as programs name it; the ports of the protocol asked about (every port
    when none is known)."""
    # (the account type chosen for the walkthrough's form when the message names none, or
    # names only "příchozí")
    if lexicon.says("accept_all_certificates", turn.frame.folded):
        # Samsung's "SSL (přijmout všechny certifikáty)" beside "SSL": the plain SSL one
        dispatcher.utter_message(response="utter_ssl_not_accept_all")
    elif replies.SSL_BOXES_ASKED.search(turn.frame.folded) and "?" in turn.frame.text:
        # the Lumia's two SSL boxes, "mám je zaškrtnout?": yes, both, with the SSL ports
        dispatcher.utter_message(**replies.both_boxes_message(turn.frame.folded))
        return [SlotSet("security", "ssl"), SlotSet("last_topic", "port")]
    chosen = turn.tracker.get_slot("form_protocol")
    owners = [knowledge.protocol_for_port(number) for number in turn.frame.ports]
    named = next((owner[0] for owner in owners if owner), None)  # "je 110 bezpečný?": POP3's
    protocol = next(iter(turn.frame.protocols), None) or named or turn.protocol or chosen
    several = [p for p in turn.frame.protocols if p in knowledge.protocols()]
    incoming = next(
        (p for p in (turn.protocol, chosen) if p in knowledge.incoming_protocols()), None
    )
    both = BOTH_SERVERS.search(turn.frame.folded) or {"incoming", "smtp"} <= set(
        turn.frame.protocols
    )
    if both and incoming and len(several) < 2:
        # "co dát u příchozí a co u odchozí?" with POP3 known: that one's port and SMTP's
        dispatcher.utter_message(
            response="utter_ssl_advice_pair",
            protocol_label=knowledge.protocol_label(incoming),
            port=knowledge.port(incoming, "ssl"),
            plain_port=knowledge.port(incoming, "plain"),
            smtp_port=knowledge.port("smtp", "ssl"),
            smtp_plain_port=knowledge.port("smtp", "plain"),
        )
        return [SlotSet("security", "ssl"), SlotSet("last_topic", "port")]
    # "imap server + port, smtp server + port, a STARTTLS nebo SSL/TLS?", "SSL/TLS u obou?"
    if len(several) > 1 or both:
        protocol = None  # every protocol's SSL port, in one answer
    if protocol == "incoming" and incoming:
        protocol = incoming
    if protocol in knowledge.protocols() or protocol == "incoming":
        protocol = knowledge.concrete_protocol(protocol)
        dispatcher.utter_message(
            response="utter_ssl_advice_protocol",
            protocol_label=knowledge.protocol_label(protocol),
            port=knowledge.port(protocol, "ssl"),
            plain_port=knowledge.port(protocol, "plain"),
        )
        return [
            SlotSet("security", "ssl"),
            SlotSet("protocol", protocol),
            SlotSet("last_topic", "port"),
        ]
    dispatcher.utter_message(response="utter_ssl_advice", **symptoms.fix_values())
    return [SlotSet("security", "ssl"), SlotSet("last_topic", "port")]


# The log-in's words ("je heslo stejné jako u příjmu?" compares the log-in, not the ports)
LOGIN_WORDS = re.compile(r"\b(hesl\w*|jmen\w*|login\w*|uzivatel\w*)")
# Topics answered by one response of general e-mail knowledge
CHANGES = re.compile(r"\b(zmeni|zmen\w*|lisi|jinak|rozdil\w*)\b")
# general answers about the account's own settings: followed by where they are in the device
ACCOUNT_PLACE = {"sync_interval", "account_exists"}
GENERAL_ANSWERS = {
    "imap_delete": "utter_imap_delete",  # deleted in the device: on the server too, via trash
    "outbox_resend": "utter_outbox_resend",  # the outbox retried by the program
    "sync_interval": "utter_sync_interval",  # how often the device fetches new mail
    "path_prefix": "utter_path_prefix",  # the IMAP path prefix field: empty
    "both_protocols": "utter_both_protocols",  # POP3 and IMAP both possible (the seed's two)
    "verify_certificate": "utter_verify_certificate",  # the server's certificate checked: kept on
    "accept_all_certificates": "utter_ssl_not_accept_all",  # Android's option: the plain one
    "block_asked": "utter_block_asked",  # whether the provider blocks: not in the guide
    "account_exists": "utter_account_exists",  # added before: mend that one, or remove it first
    "old_mail_kept": "utter_old_mail_kept",  # POP3's downloads stay; moved to IMAP's folders
}


def answer_topic(dispatcher: CollectingDispatcher, turn: Turn, topic: str) -> Events:
    """One asked topic other than ports (actions/ports.py)."""
    if topic == "spa":  # the guides' Outlook form: SPA stays off
        dispatcher.utter_message(response="utter_spa_off")
        return []
    if topic == "same_server":
        return answer_same_server(dispatcher, turn)
    if topic == "ssl_required":
        return answer_ssl_required(dispatcher, turn)
    if topic == "ssl_advice":  # "SSL, nebo ne?": SSL, with its ports
        return answer_ssl_advice(dispatcher, turn)
    if topic == "both_boxes":
        dispatcher.utter_message(**replies.both_boxes_message(turn.frame.folded))
        return []
    if topic == "plain_unsafe":  # "587 bez šifrování, není to nebezpečné?": works, unencrypted
        dispatcher.utter_message(response="utter_plain_unencrypted")
        if {"port", "port_table"} & set(turn.frame.asks):
            return []  # ("kolik je port bez šifrování? a je to bezpečné?": the ports say the rest)
        return answer_ssl_advice(dispatcher, turn)
    if topic == "same_ports":
        return answer_same_ports(dispatcher)
    if topic == "remember_password":  # the program's own box: the customer's choice
        dispatcher.utter_message(response="utter_remember_password")
        return []
    if topic == "manager_where":
        dispatcher.utter_message(
            response="utter_manager_where", manager_url=knowledge.credentials()["manager_url"]
        )
        if PASSWORD_CHANGE_ANSWERS & set(last_responses(turn.tracker)):
            # "a kde přesně to v Manageru je?" after the change was told: the way in it, again
            utter_password_change(dispatcher, "utter_password_change_there")
        return []
    if topic == "outgoing_setup":
        return answer_outgoing_values(dispatcher)
    if topic == "pop3_fits":  # the customer's reason is POP3's: yes, and its values
        dispatcher.utter_message(response="utter_pop3_fits")
        return answer_settings(dispatcher, "pop3") + [SlotSet("form_protocol", "pop3")]
    if topic == "imap_fits":  # yes: the mail stays on the server, the same on every device
        dispatcher.utter_message(response="utter_imap_fits")
        return [SlotSet("protocol", "imap"), SlotSet("form_protocol", "imap")]
    if topic == "ticket_admin":
        dispatcher.utter_message(response="utter_ticket_admin")
        return []
    if topic == "mixed_ssl":
        dispatcher.utter_message(response="utter_mixed_ssl", **symptoms.fix_values())
        return []
    if topic in GENERAL_ANSWERS:  # general e-mail knowledge (domain.yml)
        dispatcher.utter_message(
            response=GENERAL_ANSWERS[topic], server=knowledge.server("incoming")
        )
        if topic == "both_protocols" and CHANGES.search(turn.frame.folded):
            named = [p for p in turn.frame.named_protocols if p in knowledge.incoming_protocols()]
            if len(named) == 1:  # "dá se to nastavit i jako IMAP? a co se tím změní?": its ports
                return ports.answer_port(dispatcher, turn, named)
        if topic in ACCOUNT_PLACE and turn.device in knowledge.guides():
            dispatcher.utter_message(response="utter_where_account_settings")  # in their device
        return []
    if topic == "keep_on_server" and lexicon.says("pop_takes_mail", turn.frame.folded):
        dispatcher.utter_message(response="utter_pop_takes_mail")
        return [SlotSet("protocol", "pop3")]
    if topic == "keep_on_server":
        named = [p for p in turn.frame.protocols if p in knowledge.incoming_protocols()]
        if named == ["imap"] or (not named and turn.protocol == "imap"):
            # "a kdybych měl IMAP, zůstanou maily na serveru?": yes, that is what IMAP does
            dispatcher.utter_message(response="utter_imap_keeps")
            return [SlotSet("protocol", "imap")]
        dispatcher.utter_message(response="utter_keep_on_server")
        guide = knowledge.guides().get(turn.frame.device or turn.device or "")
        if guide and guide.keep_copy:  # "kde to v Outlooku najdu?": that program's place
            dispatcher.utter_message(response="utter_keep_copy_where", place=guide.keep_copy)
        return [SlotSet("protocol", "pop3")] if named == ["pop3"] else []
    if topic == "another_mailbox":  # added like the first, with its own address and password
        dispatcher.utter_message(response="utter_another_mailbox")
        return [SlotSet("last_topic", "settings")]
    if topic == "mixed_protocols":  # each device its own account; POP3 must leave a copy
        dispatcher.utter_message(response="utter_mixed_protocols")
        keep_copy_where_pop(dispatcher, turn)
        return []
    if topic == "type_had":  # the incoming port names the type; where the account's settings are
        # ("chci to na Macu. A jak poznám, co mám v iPhonu?": the iPhone's place)
        asked_on = next(
            (
                asked_device
                for sentence in sentences_of(turn.frame.folded)
                if TYPE_FOUND_OUT.search(sentence)
                and (asked_device := devices.named(sentence) or "") in knowledge.guides()
            ),
            None,
        )
        places = replies.device_values(asked_on) if asked_on else {}
        dispatcher.utter_message(
            response="utter_type_by_port",
            **symptoms.fix_values(),
            **({"open_account": places["open_account"]} if places else {}),
        )
        return []
    if topic == "port_not_entered":  # the form asked for none: the program chooses it
        dispatcher.utter_message(response="utter_port_not_entered", **symptoms.fix_values())
        # ("…u odchozího" – "a jaký tam dát?": SMTP's)
        return [SlotSet("last_topic", "port")] + protocol_named(turn)
    if topic == "switch_protocol":
        return answer_switch_protocol(dispatcher, turn)
    if topic == "switch_account":
        return answer_switch_account(dispatcher, turn)
    if topic == "term":
        terms = knowledge.load()["terms"]
        # (the protocols named in the sentence that asks what a term is: "co je IMAP a SMTP?",
        # not "odchozí" of another question beside "a co je to SSL?")
        asking = next(
            (s for s in sentences_of(turn.frame.folded) if lexicon.says("what_is", s)),
            turn.frame.folded,
        )
        named = [
            p
            for p in turn.frame.named_protocols
            if p in terms and p != turn.frame.term and p in protocols_in_text(asking)
        ]
        if turn.frame.term == "directions":
            named = []  # ("odchozí" names SMTP, which the explanation of both directions names)
        # "co je IMAP? má výhody oproti POPu?": the one weighed against it explained too
        weighed = [
            p
            for m in COMPARED_TO.finditer(turn.frame.folded)
            for p in protocols_in_text(m.group("what"))
            if p in terms and p != turn.frame.term and p not in named
        ]
        # "co je IMAP a SMTP?": each of them
        events = [
            e for term in [turn.frame.term, *weighed, *named] for e in answer_term(dispatcher, term)
        ]
        if weighed and turn.frame.term in knowledge.protocols():  # the one asked about stays
            events += [
                SlotSet("protocol", turn.frame.term),
                SlotSet("asked_protocols", [turn.frame.term]),
            ]
        if "smtp" in (turn.frame.term, *named) and WHY_AUTH.search(turn.frame.folded):
            # "co je to SMTP a proč to musím ověřovat?": the log-in's reason too
            reason = knowledge.load()["reasons"]["smtp_auth"]["cs"]
            dispatcher.utter_message(response="utter_reason", reason=reason)
        return events
    if topic == "field":  # "co do Název účtu a Vaše jméno?": and they are at the form
        events = [e for name in turn.frame.fields for e in answer_term(dispatcher, name)]
        if turn.frame.open_smtp or turn.pending == Pending.SMTP_FIX or turn.topic == "smtp_auth":
            return events  # (an account already there being fixed: no form being filled)
        return events + [
            SlotSet("walkthrough_step", float(knowledge.step_number("account_form"))),
            SlotSet("walkthrough_active", True),
        ]
    if topic == "outgoing_login":
        return answer_outgoing_login(dispatcher, turn)
    if topic == "auth_ok":  # "ověřování mám zaškrtnuté": then the port, SSL and log-in
        dispatcher.utter_message(response="utter_auth_ok", **symptoms.fix_values())
        return [SlotSet("last_topic", "port"), SlotSet("protocol", "smtp")]
    if topic == "same_login":  # "a heslo stejné jako u příchozí?": yes, first
        # ("pro SMTP mám jiné heslo než pro IMAP, nevadí to?": it does – one password)
        differs = re.search(r"\b(jin\w*|odlisn\w*|ruzn\w*)\b[^.?!]{0,10}\bhesl", turn.frame.folded)
        dispatcher.utter_message(
            response="utter_same_login_not_different" if differs else "utter_same_login",
            username=knowledge.username(),
        )
        return [SlotSet("last_topic", "username")]
    if (
        topic == "password_everywhere"
        and re.search(r"\b(odchoz\w*|smtp)\b", turn.frame.folded)
        and not re.search(r"\b(nov\w*|zmen\w*|menil\w*)\b", turn.frame.folded)
    ):  # "musím ho psát i k odchozímu?" at the form: the same log-in there
        dispatcher.utter_message(response="utter_same_login", username=knowledge.username())
        return [SlotSet("last_topic", "username")]
    if topic == "password_everywhere":  # "nové heslo musím přepsat i v telefonu?": yes
        if re.search(r"\bjak\b[^.?!]{0,15}\bzmen\w*", turn.frame.folded):
            # "jak změním heslo a musím ho pak přepsat i v telefonu?": the way first
            utter_password_change(dispatcher, "utter_change_password")
        elif lexicon.says("how_long", turn.frame.folded):  # "jak dlouho to trvá a musím…?"
            took = knowledge.load()["password_change"]["note"].split(";")[0]
            dispatcher.utter_message(text=f"{took}.")  # "Změna může trvat několik minut."
        # ("heslo jsem si měnil minulý týden": told, not asked – no "Ano")
        told = "?" not in turn.frame.text
        # ("v iPhonu jsem ho přepsal, máme to i v Thunderbirdu. musím i tam?": the last one named)
        named = devices.all_named(turn.frame.folded)
        there = replies.device_values(named[-1]) if len(named) > 1 else {}
        dispatcher.utter_message(
            response="utter_password_everywhere_told" if told else "utter_password_everywhere",
            **there,
        )
        return [SlotSet("last_topic", "password")]
    if topic == "smtp_same":  # "je SMTP stejný pro POP i IMAP?": yes, one outgoing server
        dispatcher.utter_message(response="utter_smtp_same", **replies.settings_values("smtp"))
        return [SlotSet("protocol", "smtp"), SlotSet("last_topic", "port")]
    if topic == "one_password":  # "stačí jedno heslo na všechna zařízení?": yes, the same one
        dispatcher.utter_message(response="utter_one_password")
        return [SlotSet("last_topic", "password")]
    if topic == "internet_needed":  # the guide's first step: connected, Wi-Fi or mobile data
        dispatcher.utter_message(response="utter_internet_needed")
        return []
    if topic == "server_zero":
        dispatcher.utter_message(response="utter_server_zero", server=knowledge.server("incoming"))
        return []
    if topic == "username_ok" and lexicon.says("password_ok", turn.frame.folded):
        # "jméno mám celou adresu, heslo ve webmailu jde": the server, ports and log-in left
        dispatcher.utter_message(response="utter_credentials_ok", **symptoms.fix_values())
        return [SlotSet("last_topic", "port")]
    if topic == "username_ok" and turn.frame.works:
        # "přepsala jsem jméno na celou adresu a už to prošlo": the fix worked, no suspect left
        dispatcher.utter_message(response="utter_username_fixed")
        if CHANGE_PASSWORD.search(turn.frame.folded):  # "…mám si heslo změnit, když jsem ho psala?"
            utter_password_change(dispatcher, "utter_change_password_shared")
        return []
    if topic == "username_ok" and "auth_ok" in turn.frame.asks:
        return []  # ("přihlášení už zapnuté je, jméno je celá adresa": both in what is left next)
    if topic == "username_ok" and (
        lexicon.says("receive_works", turn.frame.folded)
        or turn.pending in (Pending.SMTP_FIX, Pending.SMTP_CHECKS)
    ):  # "příjem jde, uživatel je celá adresa" while sending fails: the outgoing log-in left
        dispatcher.utter_message(response="utter_username_ok_sending")
        return [SlotSet("last_topic", "smtp_auth")]
    if topic == "username_ok":  # "jméno mám celé": then it is the password
        dispatcher.utter_message(response="utter_username_ok")
        utter_password_change(dispatcher, "utter_mailbox_password")
        return []
    named = [p for p in turn.frame.protocols if p in knowledge.protocols()]
    if (
        topic == "same_settings"
        and turn.topic == "port"
        and named
        and set(named) <= set(knowledge.incoming_protocols()) - set(turn.last_protocols)
        and not LOGIN_WORDS.search(turn.frame.folded)
    ):  # "a pro příjem IMAP je to podobné?" after SMTP's ports: that protocol's ports
        return ports.answer_port(dispatcher, turn, named)
    if topic == "same_settings":  # "ta druhá schránka se nastavuje stejně?": yes
        # ("nastavuje se to na Macu jinak?": no – the same)
        # (the question's own words: "přes + a Jiný účet Mailu… A v iPhonu zadám to samé?")
        asked = [p for p in sentences_of(turn.frame.folded) if p.endswith("?")]
        different = lexicon.says("asks_different", " ".join(asked) or turn.frame.folded)
        dispatcher.utter_message(
            response="utter_same_settings",
            server=knowledge.server("incoming"),
            lead="Ne" if different else "Ano",
        )
        return [SlotSet("last_topic", "settings")]
    if topic == "password_self":
        utter_password_change(dispatcher, "utter_password_self")
        return [SlotSet("last_topic", "password")]
    if topic == "mailbox_password":
        if re.search(r"\bstejn\w*\b[^?]*\?", turn.frame.folded):
            # "je stejné jako do zákaznického účtu?": no, first
            dispatcher.utter_message(response="utter_not_the_same_password")
        utter_password_change(dispatcher, "utter_mailbox_password")
        return []
    if (
        topic == "server"
        and turn.frame.everywhere
        and lexicon.says("yes_no_question", turn.frame.folded)
    ):
        return answer_same_server(dispatcher, turn)  # "platí ten server pro příchozí i odchozí?"
    if topic == "server":
        # ("a odchozí server, šifrování?": the port of that SSL choice with it)
        alone = turn.frame.asks == ["server"] and not turn.frame.ports
        # "a odchozí server taky měním?" after the switch of account type: no
        unchanged = lexicon.says("asks_if_change", turn.frame.folded) and (
            "utter_switch_protocol" in last_responses(turn.tracker)
        )
        # "a odchozí server taky změnit?" after one server checked wrong: yes, the same one
        also = lexicon.says("asks_if_change", turn.frame.folded) and (
            "utter_server_check_wrong" in last_responses(turn.tracker)
        )
        lead = "Ne, nemění se. " if unchanged else "Ano, ten také přepište. " if also else ""
        # "jaký server na odchozí a jaký na příchozí?": both
        both = "smtp" in turn.frame.protocols and len(turn.frame.protocols) > 1
        protocol = None if both and not lead else turn.frame.protocol
        return answer_server(dispatcher, protocol, with_port=alone, lead=lead)
    if topic == "settings" and turn.frame.protocols == ["smtp"]:
        return answer_outgoing_values(dispatcher)  # "co napsat do SMTP serveru a portu?"
    if (
        topic == "settings"
        and turn.frame.security in knowledge.SECURITY_CHOICES
        and not turn.frame.security_by_protocol.keys() - {turn.protocol}
    ):  # "kompletní nastavení pro IMAP se SSL": that choice's ports
        protocol = turn.protocol if turn.protocol in knowledge.incoming_protocols() else None
        return answer_settings_chosen(
            dispatcher, protocol or knowledge.recommended_protocol(), turn.frame.security
        )
    if topic == "settings":
        # ("stačí mi údaje. mám dát POP3, nebo IMAP?": the one advised first, the other beside)
        both_weighed = "pop_vs_imap" in turn.frame.asks and set(
            knowledge.incoming_protocols()
        ) <= set(turn.frame.protocols)
        wished = wished_protocol(turn) or knowledge.recommended_protocol()
        first = wished if both_weighed else turn.protocol
        events = answer_settings(dispatcher, first)
        # "porty pro POP3 i IMAP": the other incoming protocol's ports beside, the rest is shared
        for other in knowledge.incoming_protocols():
            if other != first and {other, first} <= set(turn.frame.protocols):
                values = replies.settings_values(other)
                dispatcher.utter_message(response="utter_settings_second_protocol", **values)
        return events
    alternatives = lexicon.says("username_alternatives", turn.frame.folded)
    if topic == "whole_address" and alternatives:
        # "jen část, nebo celou adresu?": the user name's answer, said once, no yes or no
        return [] if "username" in turn.frame.asks else answer_username(dispatcher)
    if topic == "whole_address" and lexicon.says("yes_no_question", turn.frame.folded):
        # "musí tam být celá adresa?" – yes first (whatever part of it they have now)
        dispatcher.utter_message(response="utter_username_yes", username=knowledge.username())
        return [SlotSet("last_topic", "username")]
    if (
        topic == "username"
        and lexicon.says("username_short", turn.frame.folded)
        and not alternatives
    ):
        return answer_username_short(dispatcher, turn.frame.folded)
    if topic in ("username", "whole_address"):
        address = EMAIL.search(turn.frame.text)
        if address and lexicon.says("yes_no_question", turn.frame.folded):
            # "je správně, že uživatel je info@firma.cz i u odchozí?": that address, yes
            dispatcher.utter_message(response="utter_username_told_right", address=address.group(0))
            return [SlotSet("last_topic", "username")]
        return answer_username(dispatcher)
    if topic == "password" and "utter_switch_protocol" in last_responses(turn.tracker):
        # "a heslo taky zůstává?" after the switch of account type: yes ("mění se?": no)
        stays = lexicon.says("asks_if_stays", turn.frame.folded)
        dispatcher.utter_message(
            response="utter_password_stays", lead="Ano, zůstává" if stays else "Ne, nemění se"
        )
        return [SlotSet("last_topic", "password")]
    if (
        topic == "password"
        and turn.topic == "username"
        and "?" in turn.frame.text
        and re.search(r"\b(taky|take|tez|i|too|also)\b", turn.frame.folded)
    ):  # "heslo taky?" after the user name at the outgoing server: yes, the same
        dispatcher.utter_message(response="utter_same_login", username=knowledge.username())
        return [SlotSet("last_topic", "password")]
    if topic == "password":
        typed = password_typed_here(turn.tracker)
        return answer_password(dispatcher, turn.frame.text, typed_before=typed)
    if topic == "smtp_auth" and turn.frame.asks_how:
        while_adding = answer_auth_while_adding(dispatcher, turn)
        if while_adding is not None:  # "zakládám účet – kde je to zaškrtnutí?"
            return while_adding
        # "kde se zapíná ověřování?": where, step by step
        dispatcher.utter_message(
            response="utter_smtp_fix", **replies.settings_values(knowledge.recommended_protocol())
        )
        return [SlotSet("last_topic", "smtp_auth"), SlotSet("protocol", "smtp")]
    if topic == "smtp_auth" and lexicon.says("sending_worked", turn.frame.reported):
        # "e-mail odešel – musím to ověření ještě někde zapnout?": the server sends only with it
        dispatcher.utter_message(response="utter_smtp_auth_on_since_sent")
        return [SlotSet("last_topic", "smtp_auth"), SlotSet("protocol", "smtp")]
    if topic == "smtp_auth":
        auth_required, auth_same_login = knowledge.smtp_auth_checkboxes()
        # "stačí zaškrtnout jedno z nich?" – no; "musím to zaškrtnout?" – yes
        enough = lexicon.says("asks_if_one_enough", turn.frame.folded)

        dispatcher.utter_message(
            response="utter_smtp_auth_required",
            lead="Ne, jedno nestačí – ověřování odchozího serveru je povinné."
            if enough
            else (
                "Ano, vadí – ověřování (přihlášení) u odchozího serveru musí být zapnuté."
                if lexicon.says("does_it_matter", turn.frame.folded)
                # "je to vypnuté, mám to zapnout?": yes
                else "Ano, zapněte ho – ověřování (přihlášení) u odchozího serveru musí být zapnuté."
                if lexicon.says("asks_to_switch_on", turn.frame.folded)
                else "Ne, ověřování (přihlášení) u odchozího serveru musí být zapnuté."
            )
            if lexicon.says("auth_off", turn.frame.folded)
            # ("a co mám teda udělat?" asks what, not whether)
            else "Ověřování odchozího serveru je povinné."
            if re.match(r"\W*(a |tak |takze |no )?co\b", turn.frame.folded)
            else "Ano, ověřování odchozího serveru je povinné.",
            auth_required=auth_required,
            auth_same_login=auth_same_login,
            ticket=knowledge.load()["open_smtp"]["ticket"],
        )
        # "a kde to zaškrtnu?", "a jaký port k tomu?" follow: about the outgoing server
        return [SlotSet("last_topic", "smtp_auth"), SlotSet("protocol", "smtp")]
    if topic == "other_device" and turn.device:  # a device we have a guide for: its steps
        from actions.walkthrough import walkthrough_turn  # (the walkthrough answers with these)

        return walkthrough_turn("start_walkthrough", dispatcher, turn)
    if topic == "other_device":
        return answer_other_device(dispatcher, turn.protocol)
    smtp_last = turn.protocol == "smtp" or turn.last_protocols == ["smtp"]
    if not turn.frame.protocols and turn.topic == "port" and smtp_last:
        # "a který z těch dvou je lepší?" after SMTP's two ports: SSL or not, not IMAP or POP3
        return answer_ssl_advice(dispatcher, turn)
    if lexicon.says("multi_device", turn.frame.folded) and lexicon.says(
        "yes_no_question", turn.frame.folded
    ):  # "dá se mít poštu v mobilu i v notebooku?": yes, first ("nebude to vadit?": no)
        worry = re.search(
            r"\b(vadit|vadi|nevadi|nevadilo|problem\w*|prat|kolidovat)\b", turn.frame.folded
        )
        dispatcher.utter_message(
            response="utter_multi_device_no_harm" if worry else "utter_multi_device_yes"
        )
    dispatcher.utter_message(response="utter_pop_vs_imap")  # pop_vs_imap
    # ("A jaký port tedy u příchozí se SSL?" after the recommendation: the recommended one's;
    # the one wished stays when its values were given beside)
    given = {"settings", "port", "server"} & set(turn.frame.asks)
    kept = wished_protocol(turn) if given else None
    return [SlotSet("protocol", kept or knowledge.recommended_protocol())]


def wished_protocol(turn: Turn) -> Optional[str]:
    """The one incoming protocol named in a sentence of its own beside a comparison ("chci
    přidat schránku pro POP3. … a jaký je rozdíl mezi POP3 a IMAP?")."""
    incoming = knowledge.incoming_protocols()
    alone = {
        named[0]
        for sentence in sentences_of(turn.frame.folded)
        if len(named := [p for p in protocols_in_text(sentence) if p in incoming]) == 1
        # ("…a v čem se liší od IMAPu?": the one compared against, not wished)
        and not phrases.TOPIC_WORDS["pop_vs_imap"].search(sentence)
    }
    return alone.pop() if len(alone) == 1 else None
