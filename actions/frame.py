"""The understanding step: one customer message becomes a Frame.

DIET gives the intent and entities of the whole message. Real messages carry more than one
intent can say: a question inside a long story, two questions at once, a port number to
check, security said indirectly ("SSL nemám zapnuté"), a pasted error, a step named by its
screen. This module reads those from the text (diacritics folded) and keeps DIET's intent as
one signal among them. It decides nothing: actions/context.py adds the conversation,
actions/dispatcher.py picks the answers.
"""

import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Set, Tuple

from actions import devices, knowledge, lexicon, phrases
from actions.screens import PROGRAM_REPORTED, Position, notice_named, where
from actions.understanding import (
    canonical_protocol,
    canonical_security,
    latest_intent,
    protocols_in_text,
    security_in_text,
)
from czech_nlu.folding import fold
from czech_nlu.password import KEYWORD as PASSWORD_KEYWORD
from czech_nlu.password import REDACTED


@dataclass
class Frame:
    """What one message asks and names; empty lists and None where it says nothing."""

    text: str = ""  # the message as typed ("" for a button payload)
    folded: str = ""  # ...lower-case, diacritics folded: what the lexicon reads
    asked: str = ""  # ...its asking sentences only, when others merely tell (_asked_part)
    notice: bool = False  # what looked like a fault is the program's own notice at that step
    intent: Optional[str] = None  # DIET's intent (nlu_fallback when unsure)
    asks: List[str] = field(default_factory=list)  # topics asked, in the order written
    protocols: List[str] = field(default_factory=list)  # imap/pop3/smtp/incoming, in order
    security: Optional[str] = None  # ssl / plain / both
    ports: List[int] = field(default_factory=list)  # port numbers the customer named
    port_claims: List[Tuple[int, Optional[str], Optional[str]]] = field(default_factory=list)
    port_choice: bool = False  # "imap 993 nebo 143?": which one, not a check
    checks: bool = False  # "mám port 110, je to dobře?": a value the customer has, to check
    symptom: Optional[str] = None  # certificate, login_failed, smtp_error, ...
    error_code: Optional[str] = None  # "5.7.8" or "535"
    open_smtp: Optional[str] = None  # "named" (the ticket) or "described"
    spam: bool = False
    next_step: bool = False  # "hotovky", "jasně, další"
    needs_help: bool = False  # "nevidím to"
    step: Optional[int] = None  # a step the customer refers to
    step_explicit: bool = False  # ...and wants to go to (not only asks about its screen)
    identity: bool = False  # "mluvím s počítačem?"
    start: bool = False  # "krok za krokem prosím"
    back: bool = False  # "o jeden zpátky"
    pause: bool = False  # "moment, musím vzít telefon"
    returned: bool = False  # "tak jsem zpět"
    resume: bool = False  # "pokračujme"
    unsure: bool = False  # "nevím", "co to znamená?": the question again, not a guess
    asks_how: bool = False  # "kde to zapnu?", "jak to nastavím?": where / how, step by step
    works: Optional[bool] = None  # "už to jde" / "pořád nic" (an answer to "Pomohlo to?")
    # "…, dal jsem fajfku a už to stahuje maily. odeslání taky jde. díky": the message ends on
    # its success, whatever screens the story before it names
    ends_working: bool = False
    # "kde si stáhnu fakturu?" beside a mail question: the hosting matter's own clauses
    adjacent_clauses: List[str] = field(default_factory=list)
    # "POP3 bez SSL, SMTP se SSL"
    security_by_protocol: Dict[str, str] = field(default_factory=dict)
    hosts: List[str] = field(default_factory=list)  # server names typed by the customer
    everywhere: bool = False  # "se SSL, všude": incoming and outgoing alike
    language: str = "cs"  # cs (Czech or Slovak) / en
    # Where the customer is in their own words (actions/screens.py), and how they say it.
    position: Optional[Position] = None
    confirms: bool = False  # "jo, už to svítí", "mám, a teď?": the step is done
    where_were_we: bool = False  # "na čem jsme to byli?": the current step again
    person: bool = False  # "můžu to probrat s technikem?": a person, whatever else is asked
    # "…a kdyby to pořád nešlo, dá se zavolat člověku?": a person only if the rest fails
    person_later: bool = False
    adjacent: bool = False  # a hosting matter beyond the mailbox in a device
    phone_number: Optional[str] = None  # a number left for a call-back
    term: Optional[str] = None  # "co je IMAP?": the term asked about
    fields: List[str] = field(default_factory=list)  # "co do Název účtu?": the form's fields
    device: Optional[str] = None  # the phone or program named (a guide's id)

    @property
    def protocol(self) -> Optional[str]:
        return self.protocols[0] if self.protocols else None

    @property
    def still_wants(self) -> bool:
        """A topic asked beside a success ("opraveno, teď ještě porty pro IMAP")."""
        return bool(self.asks and STILL_WANTED.search(self.folded))

    @property
    def named_protocols(self) -> List[str]:
        """The protocols named by their name (IMAP, POP3, SMTP), not "incoming" alone."""
        return [p for p in self.protocols if p in knowledge.protocols()]

    @property
    def port_protocols(self) -> List[str]:
        """The protocols a port is asked for: in "příchozí server a port pro SMTP" the direction
        is the server's, the port SMTP's."""
        after_port = [
            p
            for m in re.finditer(r"\bport\w*( \w+){0,3}", self.folded)
            for p in protocols_in_text(m.group())
            if p in self.named_protocols
        ]
        if (
            "incoming" in self.protocols
            and after_port
            and "server" in self.asks
            and DIRECTION_OF_SERVER.search(self.folded)
        ):
            return list(dict.fromkeys(after_port))
        return self.protocols

    @property
    def names_something(self) -> bool:
        return bool(self.protocols or self.security)

    @property
    def reported(self) -> str:
        """The message without its clauses of wish or condition ("chci, aby se to stahovalo",
        "POP3 jestli to jde") and of the bot's words quoted back: where a success is looked for."""
        return phrases.QUOTED_BACK.sub(" ", phrases.WISHED.sub(" ", self.folded))


# The time until the colleagues call, told beside a question ("než se někdo ozve, …")
WAITING_FOR_CALL = re.compile(
    r"\b(nez|az|dokud)\b( se| mi| nam| me| nekdo| nekto| kolega| kolegove| vy| ne)* "
    r"(ozv|zavol|pripoj|odpov)\w*"
)
SEEN_LISTED = re.compile(
    r"\b(je tam|jsou tam|vidim|mam tam|ukazuje)\b( \w+)?( jen| jenom| pouze| akorat)\b"
)
FIELD_ASKED = re.compile(r"\bco\b[^.?!]{0,25}\b(nazev|jmeno|napsat|dat|vyplnit)\b")
# a number asked about ("a ten 465 je dobře?"): a port when it is one of the mail ports
PORT_CHECKED = re.compile(
    r"\b(\d{2,5})\b[^.?!]{0,15}\b(dobre|spravne|spravny|ok|v poradku|sedi|plati)\b"
)
HOST_PORT = re.compile(r"(\.[a-z]{2,})\s*:\s*(\d{2,5})\b")
# Settings told as checked ("ssl mám zapnutý, uživatel je celá adresa")
SETTINGS_TOLD = re.compile(
    r"\b(ssl|tls|uzivatel\w*|jmeno|heslo|port\w*|overen\w*|overov\w*|autentiz\w*|adres\w*)\b"
    r"[^.?!]{0,25}\b(mam|je|jsou|zapnut\w*|zaskrtnut\w*|nastaven\w*|spravn\w*|dobre)\b"
)
# A request beside a success ("…, díky. ještě potřebuju porty pro počítač")
STILL_WANTED = re.compile(
    r"\b(jeste|potrebuj\w*|chci|chtel\w*|chtela|poslete|napiste|dejte|prosim o|a co|a jak|a kde)\b"
)
# "bez" followed by a word that is no security ("bez domény", "bez zavináče")
WITHOUT_OTHER = re.compile(r"\bbez (?!ssl|tls|sifr|zabezp|nej|neho|toho|nic|ni\b)\w{3,}")
DIRECTION_OF_SERVER = re.compile(r"\b(prichoz\w*|incoming)( mail)? server")


def _user_text(message: Dict[str, Any]) -> str:
    text = message.get("text") or ""
    # A button payload ("/inform{...}") carries entities; its text is no sentence.
    return "" if text.startswith("/") else text


def _entities(message: Dict[str, Any], name: str) -> List[str]:
    return [str(e.get("value")) for e in message.get("entities") or [] if e.get("entity") == name]


# Yes/no and other questions whose words are lexicon entries (actions/lexicon.yml): the
# entry and the topic it asks.
LEXICON_TOPICS = {
    "same_server": "same_server",
    "same_ports": "same_ports",
    "username_ok": "username_ok",
    "internet_needed": "internet_needed",
    "password_everywhere": "password_everywhere",
    "one_password": "one_password",  # "stačí jedno heslo na všechna zařízení?": yes, the same
    "username_short": "username",  # "jméno mám jen kocourek, bez zavináče": not enough
    "server_zero": "server_zero",
    "ssl_required": "ssl_required",
    "switch_protocol": "switch_protocol",
    "switch_account": "switch_account",
    "ssl_advice": "ssl_advice",
    "both_boxes_asked": "both_boxes",  # "a ty dvě políčka, zaškrtnout obě?": yes
    "plain_unsafe": "plain_unsafe",  # "587 bez šifrování, není to nebezpečné?": works, SSL advised
    "what_is": "term",
    "mixed_protocols": "mixed_protocols",  # "POP3 v notebooku, IMAP v mobilu – nevadí to?"
    "type_which_have": "type_had",  # "jak poznám, jestli mám POP, nebo IMAP?": by the port
    "outgoing_login_empty": "outgoing_login",
    "optional_login": "outgoing_login",  # iOS's „Volitelné“ beside them: filled in anyway
    "login_needed": "outgoing_login",  # "musím tam mít jméno a heslo?": yes, sending too
    "account_password": "mailbox_password",
    "same_login": "same_login",
    "whole_address": "whole_address",
    "auth_ok": "auth_ok",
    "smtp_same_for_both": "smtp_same",  # "je SMTP stejný pro POP i IMAP?": yes, one
    "same_settings": "same_settings",
    "server_follow_up": "server",
    "settings_request": "settings",
    "multi_device": "pop_vs_imap",  # "můžu ho mít zároveň i v počítači?": yes, with IMAP
    "spa": "spa",  # Outlook's "zabezpečené ověřování hesla (SPA)": off, no SMTP log-in
    "port_not_entered": "port_not_entered",  # "nevadí, že jsem nikde nezadala port?": no
    "remember_password": "remember_password",  # "zaškrtnout zapamatovat heslo?": as they like
    "verify_certificate": "verify_certificate",  # "zaškrtnout Ověřit certifikát?": keep it on
    # "SSL/TLS (přijmout všechny certifikáty), nemám ji radši?": no, the plain SSL/TLS
    "accept_all_certificates": "accept_all_certificates",
    "imap_delete": "imap_delete",  # "smaže se to i na serveru?": with IMAP yes; the trash
    "old_mail_kept": "old_mail_kept",  # "přijdu o staré maily, když dám IMAP?": they stay
    "account_exists": "account_exists",  # "píše, že účet už existuje": mend it, or remove it
    "path_prefix": "path_prefix",  # "předpona cesty IMAP, co tam?": empty
    "both_protocols": "both_protocols",  # "jde to jak POP, tak IMAP?": yes, IMAP advised
    "sync_interval": "sync_interval",  # "chodí až po čase": the device's sync setting
    "outbox_resend": "outbox_resend",  # "pošlou se samy, nebo znovu?": mostly by themselves
    "keep_on_server": "keep_on_server",  # POP3's "Ponechat zprávy na serveru": kept for the phone
    "pop_takes_mail": "keep_on_server",  # "kolega má POP, nezmizí mi to?": it may, unless kept
    "stays_on_server": "keep_on_server",  # "ať maily zůstanou na serveru": IMAP, or POP3's box
    "ticket_admin": "ticket_admin",  # "musím na ticket odpovědět?": the colleagues know
    "auth_off": "smtp_auth",  # "…, ale přepínač přihlášení mám vypnutý": it must be on
    "pop3_fits": "pop3_fits",  # "chci ji mít v počítači, ne na serveru, takže POP3?": yes
    "imap_fits": "imap_fits",  # "mám dát IMAP, aby se to synchronizovalo?": yes
    "outgoing_setup": "outgoing_setup",  # "už přijímá, co ještě u odchozí?": its values, log-in on
    "manager_where": "manager_where",  # "a kde je ten Manager?": its address
    "password_self": "password_self",  # "můžu si ho změnit sám?": yes, in the customer area
    "mixed_ssl": "mixed_ssl",  # "příjem bez SSL a odesílání se SSL, jde to?": yes
    "another_mailbox": "another_mailbox",  # "můžu tam mít i druhou schránku?": yes, added alike
    "block_asked": "block_asked",  # "zablokujete nám mezitím schránku?": the colleagues know
}
# A lexicon topic answers these too: "liší se server pro příjem a odesílání?" is no question
# for the server alone.
COVERS = {
    "same_server": {"server"},
    "same_ports": {"port", "port_table"},
    "username_ok": {"username", "password"},
    "server_zero": {"server"},
    # (its answer names the new type's port: "z POP3 na IMAP, server i port?" is one answer)
    "switch_protocol": {
        "server",
        "port",
        "settings",
        "pop_vs_imap",
        "username",
        "password",
        "same_server",
    },
    "mailbox_password": {"password", "same_login"},  # "je to samé jako do Manageru?": no
    "password_self": {"password", "mailbox_password"},
    "outgoing_login": {"username", "password", "password_everywhere", "smtp_auth"},
    "same_login": {"username", "password", "server"},
    "whole_address": {"server", "username"},
    "auth_ok": {
        "smtp_auth"
    },  # "ověřování mám zapnuté": the next suspects, not the setting  # "celou adresu?": the user name, no server
    "term": {"pop_vs_imap"},
    "settings": {"server", "port"},  # "údaje pro POP3: server, porty, všechno"
    "same_settings": {"settings", "server", "port", "same_server", "same_login"},
    "smtp_same": {"same_settings", "server", "port", "port_table", "same_server"},
    "smtp_auth": {"ssl_required"},  # "treba zaškrtnúť niečo pri odchodzej pošte?": the checkboxes
    # the table of ports per SSL choice, SSL recommended ("musí být SSL, nebo to jde i bez?")
    "ssl_required": {"port", "port_table", "ssl_advice"},
    "ssl_advice": {"port", "port_table", "smtp_auth", "accept_all_certificates"},
    "port_not_entered": {"port", "port_table"},
    "keep_on_server": {"pop_vs_imap", "server"},
    "imap_delete": {"keep_on_server", "pop_vs_imap", "multi_device", "server"},
    "verify_certificate": {"smtp_auth"},  # "ověřit certifikát serveru" is no SMTP log-in
    # ("přijdu o maily v Outlooku, když přejdu na IMAP?": the mail downloaded, not IMAP's terms)
    "old_mail_kept": {
        "pop_vs_imap",
        "keep_on_server",
        "imap_delete",
        "settings",
        "pop3_fits",
    },
    "both_protocols": {"pop_vs_imap", "settings"},
    # ("musím účet smazat a přidat znova?": yes – not "Ne, server zůstává" first)
    # ("…mám Odstranit kopii ze serveru. dá se jen přepnout typ účtu?": the switch, not the copy)
    "switch_account": {"port_not_entered", "keep_on_server", "pop_vs_imap"},
    "pop3_fits": {"pop_vs_imap", "settings", "port", "server", "multi_device"},
    "imap_fits": {"pop_vs_imap", "multi_device"},
    "outgoing_setup": {"settings", "server", "port", "smtp_auth"},
    "ticket_admin": {"smtp_auth"},
    "mixed_ssl": {"port", "port_table", "ssl_required", "ssl_advice"},
    "another_mailbox": {
        "settings",
        "same_settings",
        "username",
        "password",
        "multi_device",
        "smtp_auth",
    },
    # ("heslo jsem změnila, musím ho zadat i v telefonu?": changed already, no way to change it)
    "password_everywhere": {"password", "mailbox_password"},
    "one_password": {"password", "password_everywhere", "same_login", "other_device"},
}


# Topics whose words hosting talk uses too ("fakturační údaje", "záloha ze serveru")
# (a password inside a hosting matter's clause is that thing's: "jak změním heslo k FTP?")
HOSTING_WORD_TOPICS = {"settings", "server", "port", "port_table", "same_server", "password"}
# The fields of the account form: named in a report that they are filled, they are no question.
FIELD_TOPICS = {
    "server",
    "port",
    "username",
    "password",
    "mailbox_password",
    "smtp_auth",
    "settings",
}


def _word_topics(text: str) -> List[Tuple[int, str]]:
    """(where, topic) of the topics the text names by their words."""
    return [
        (match.start(), topic)
        for topic, pattern in phrases.TOPIC_WORDS.items()
        if (match := pattern.search(text))
    ]


def _lexicon_topics(text: str) -> List[Tuple[int, str]]:
    """(where, topic) of the topics the text names by a lexicon entry's phrasing."""
    entries = lexicon.load()
    return [
        (match.start(), topic)
        for entry, topic in LEXICON_TOPICS.items()
        if (match := entries[entry].search(text))
    ]


def _asks(folded: str) -> List[str]:
    found = _word_topics(folded)
    topics = [topic for _, topic in sorted(found)]
    of_protocol = phrases.SERVER_OF_PROTOCOL.search(folded) and not (
        phrases.PREPOSITION_BEFORE_SERVER.search(folded)
    )
    # ("porty a server prosím": the server asked beside the ports)
    beside = re.search(r"\bport\w*\s*(a|,|\+|i)\s*server|\bserver\w*\s*(a|,|\+|i)\s*port", folded)
    if "server" in topics and not (phrases.SERVER_QUESTION.search(folded) or of_protocol or beside):
        named = phrases.SERVER_NAMED.search(folded)
        not_found = phrases.SERVER_NOT_FOUND.search(folded)
        if (
            phrases.PREPOSITION_BEFORE_SERVER.search(folded)
            or (len(topics) > 1 and not named)
            or not_found
        ):
            found = [(at, topic) for at, topic in found if topic != "server"]
    found += _lexicon_topics(folded)
    topics = [topic for _, topic in sorted(found)]
    # a topic covers others only when it is answered itself (not covered in turn)
    answered = [t for t in topics if t not in set().union(*(COVERS.get(o, set()) for o in topics))]
    covered = set().union(*(COVERS.get(topic, set()) for topic in answered))
    if "outgoing_setup" in answered and lexicon.says("incoming_named", folded):
        # ("jaký je příchozí server, port a musím něco zaškrtávat u odchozího?": the incoming
        # server and port asked too, beside the outgoing side's values)
        covered -= {"server", "port"}
    # a topic asked in a clause of its own with a question word stays ("jaký je server a musí
    # být jméno celá adresa?"); "…z POP3 na IMAP, měním i server?" asks one thing
    # ("když ne, tak jaké porty": the condition and its question are one clause)
    joined = re.sub(r"\b(kdyz|jestli|pokud|kdyby) ne,\s*", r"\1 ne ", folded)
    parts = [(part, _topics_in(part)) for part in clauses(joined)] if covered else []
    for index, (part, here) in enumerate(parts):
        others = [other for at, (_, other) in enumerate(parts) if at != index and other]
        covered -= {
            t
            for t in here & covered
            if OWN_QUESTION.search(part)
            # ("musím mít SSL? když ne, jaké porty": the question before answers it)
            and not IF_NOT.match(part)
            and not any(t in COVERS.get(o, set()) for o in here)
            and any(t not in other for other in others)
        }
    # ("musí se zaškrtnout, že odchozí server vyžaduje ověření?": the box's words, no server asked)
    if (
        "smtp_auth" in topics
        and AUTH_BOX_WORDS.search(folded)
        and not (phrases.SERVER_QUESTION.search(folded))
    ):
        covered.add("server")
    return list(dict.fromkeys(topic for topic in topics if topic not in covered))


AUTH_BOX_WORDS = re.compile(r"\bserver\w*( \w+){0,4} vyzaduj\w*")


# A request to be told, with no question mark: what it lists is asked
WANTS_TO_KNOW = re.compile(
    r"\b(potrebuj\w*|potreboval\w*|chci|chtel\w*|chteji|rad\w*)( bych)? (vedet|znat|zjistit)\b"
    r"|\b(napiste|rekn\w*|poslete|sdelte|pripomen\w*) (mi|nam)\b|\bzajima (me|nas)\b"
)
IF_NOT = re.compile(r"\W*(a\s+)?(kdyz|jestli|pokud|kdyby)\s+(ne|nemusim|nemusi)\b")
OWN_QUESTION = re.compile(
    r"\b(jak\w*|kter\w*|co|kde|kolik|ak[yaeu]\w*|ktor\w*|kolko|what|which|where)\b"
)


def _topics_in(text: str) -> Set[str]:
    """The topics a part of the message names, by the same words as the whole."""
    return {topic for _, topic in _word_topics(text) + _lexicon_topics(text)}


# Ports customers bring from elsewhere ("a porty nechat 110 a 25?"): checked as numbers named
# like the guide's (general e-mail knowledge: 25 and 2525 are other SMTP ports)
OTHER_MAIL_PORTS = {25, 2525}


def _mail_ports() -> Set[int]:
    """Every port the guide names, and the other mail ports customers write."""
    return {
        p for spec in knowledge.protocols().values() for p in spec["ports"].values()
    } | OTHER_MAIL_PORTS


def _port_checked(folded: str) -> bool:
    return any(int(m.group(1)) in _mail_ports() for m in PORT_CHECKED.finditer(folded))


def _ports(folded: str, about_mail: bool) -> List[int]:
    """Port numbers named (phone numbers already removed): any number written after "port";
    when the message is about ports, protocols or SSL, a number after a protocol or direction
    ("odchozí 25") and a number the guide uses ("mám 143 nepřečtených zpráv" is no port)."""
    known = _mail_ports()
    numbers = [int(n) for n in phrases.PORT_AFTER_WORD.findall(folded)]
    # "v práci máme zablokovaný 465": a port the network blocks is no setting to check
    blocked = {int(a or b) for a, b in BLOCKED_PORT.findall(folded)}
    if about_mail:
        numbers += [int(n) for n in phrases.PORT_AFTER_PROTOCOL.findall(folded)]
        numbers += [int(n) for n in phrases.NUMBER.findall(folded) if int(n) in known]
    return list(dict.fromkeys(n for n in numbers if n not in blocked))


DOMAIN_VERIFICATION = re.compile(r"\b(dns|txt|cname|zaznam\w*|domen\w*|vlastnictv\w*)\b")
MAIL_SENDING = re.compile(r"\b(odchoz\w*|smtp|odesil\w*|odesl\w*|posil\w*|poslat)\b")
BLOCKED_PORT = re.compile(
    # ("v práci máme zablokovaný 465", "kdyby nám blokovali 465")
    r"\b(?:za)?blok(?:ovan|oval|uj)\w*\s+(?:port\w*\s+)?(\d{2,5})\b"
    r"|\b(\d{2,5})\s+(?:je |mame |nam )?(?:za)?blokovan"
)
# a number used or tried as a port ("můžu použít 587?", "zkusím 465")
PORT_USED = re.compile(
    r"\b(pouzit|pouziju|pouzivat|zkusit|zkusim|zkusil\w*|dat|dam|nastavit|prepnout)\s+"
    r"(\w+\s+)?(993|995|465|587|143|110)\b"
)


def clauses(folded: str) -> List[str]:
    return [c for c in phrases.CLAUSE_BREAK.split(folded) if c and c.strip()]


def sentences_of(text: str) -> List[str]:
    """The message's sentences, each with its closing mark ("…? a u smtp to samé"), folded
    or as written."""
    return re.split(r"(?<=[.?!])\s+", text)


def _claimed_instead(folded: str, named: Optional[str], known: str) -> bool:
    """The device named is claimed ("mám nový iPhone") and the one known only mentioned."""
    claimed, mentioned = devices.claims(folded)
    return named in claimed and known in mentioned and known not in claimed


def _kept_beside(folded: str, device: str) -> bool:
    """Every device the message names is one more of another kind than the one set up ("mám
    poštu i v počítači v Outlooku, musím to měnit i tam?" beside a phone), in a sentence that
    asks no how or where: the one set up stays ("A musím to nastavit i na iPhonu?" beside a
    Lumia, or "a jak to udělám i na Macu?", asks about the other)."""
    mentions = devices.mentions_of(folded)
    sentences = list(re.finditer(r"[^.?!]+[.?!]*", folded))
    kind = knowledge.guide(device).kind

    def besides(at: int, other: str) -> bool:
        sentence = next((m.group() for m in sentences if m.start() <= at < m.end()), "")
        return (
            knowledge.guide(other).kind != kind
            and bool(ALSO_ON_DEVICE.search(folded[max(0, at - 30) : at + 1]))
            and not HOW_OR_WHERE.search(sentence)
        )

    return bool(mentions) and all(besides(at, other) for _, at, other in mentions)


HOW_OR_WHERE = re.compile(r"\b(jak|kde|kudy|kam)\b")
ALSO_ON_DEVICE = re.compile(
    r"\b(i|taky|take|tez|aj|jeste)\s+(v|ve|na|do|u)\s+\w+|\b(i|taky|take|tez|aj) tam\b"
)
ALSO_FOR = re.compile(r"\b(?:i|take|taky|aj),? (?:pro|na|u|v|ve) (\w+)")


def _port_claims(
    folded: str, ports: List[int], protocols: List[str]
) -> List[Tuple[int, Optional[str], Optional[str]]]:
    """(port, protocol, security) as the customer paired them: "u příchozí mám 465 a u odchozí
    995" is two claims. A clause without a protocol takes the message's only one."""
    claims: List[Tuple[int, Optional[str], Optional[str]]] = []
    inherited = []  # claims whose protocol is the message's only one, not their clause's
    before: Optional[str] = None  # the protocol named last before this clause
    incoming = knowledge.incoming_protocols()
    parts = clauses(folded)
    sentences = [part for part in re.split(r"[.!?]+\s", folded) if part.strip()]
    for index, clause in enumerate(parts):
        numbers = [int(n) for n in re.findall(r"\b\d{2,5}\b", clause) if int(n) in ports]
        named = _concrete(protocols_in_text(clause))
        # ("ok, dal jsem 993. a odchozí s SSL?": a number takes no protocol of another sentence)
        own = next((s for s in sentences if clause.strip() in s), folded)
        message_protocol = protocols[0] if len(protocols) == 1 and protocols_in_text(own) else None
        # "u odchozího SSL/TLS a 465": a number without its own protocol takes the one just named
        protocol = named[0] if len(named) == 1 else message_protocol
        if protocol == "incoming" and len(protocols) == 1 and protocols[0] in incoming:
            protocol = protocols[0]  # "u příchozího mám port 110, … typ účtu IMAP": IMAP's
        if protocol is None and not named and before:
            owners = {(knowledge.protocol_for_port(n) or (None,))[0] for n in numbers}
            protocol = before if owners <= {before, None} else None
        before = named[-1] if named else before
        security = security_in_text(clause)
        # (the next clause past a bare "a": "změnit na 465 | a | SSL zapnout")
        # ("smtp 465 | ale | bez ssl": the contrast word names nothing either)
        rest = [
            part
            for part in parts[index + 1 :]
            if part.strip() not in ("a", "i", "aj", "and", "ale", "but", "avsak")
        ]
        following = rest[0] if rest else ""
        if numbers and security is None and _security_alone(following):
            security = security_in_text(following)  # "…, port 143, SSL/TLS.": the port's SSL
        if len(named) != 1 and protocol:
            inherited += [len(claims) + i for i in range(len(numbers))]
        claims += [(n, protocol, security) for n in numbers]
    # "funguje 465 i pro příchozí, nebo jen pro odchozí?": the one asked "i pro" is claimed
    also = ALSO_FOR.search(folded)
    asked = _concrete(protocols_in_text(also.group(1))) if also and len(protocols) > 1 else []
    if asked:
        claims = [(n, protocol or asked[0], security) for n, protocol, security in claims]
    # "…šifrování žádné – mám to změnit na SSL/TLS a 465?": the choice written just before the
    # number, in its own part of the sentence, is the number's
    claims = [
        (n, protocol, security or _security_just_before(n, folded))
        for n, protocol, security in claims
    ]
    said = security_in_text(folded)
    if len(claims) == 1 and claims[0][2] is None and said:
        # "port je 587 a typ zabezpečení SSL/TLS": the one port's SSL said beside it
        claims = [(claims[0][0], claims[0][1], said)]
    return list(dict.fromkeys(_own_direction(claims, inherited)))


def _security_just_before(number: int, folded: str) -> Optional[str]:
    """The SSL choice named right before the number with only "a" between ("na SSL/TLS a 465")."""
    # (no other number in between: "IMAP 993 SSL i 587" – the SSL is 993's)
    found = re.search(rf"([^.?!,;–\d-]{{0,30}})\s+(?:a|i|and)\s+(?:port\s+)?{number}\b", folded)
    if not found or re.search(r"\d\W*$", folded[: found.start(1)]):
        return None  # ("IMAP 993 SSL i 587": the SSL written after 993 is 993's)
    return security_in_text(found.group(1))


def _security_alone(clause: str) -> bool:
    """A clause that only says the SSL choice ("SSL/TLS", "bez šifrování"): no number, no
    protocol of its own."""
    return bool(
        security_in_text(clause)
        and not re.search(r"\d", clause)
        and not protocols_in_text(clause)
        and len(clause.split()) <= 4
    )


def _direction(protocol: Optional[str]) -> Optional[str]:
    if protocol == "incoming":
        return "incoming"
    return knowledge.protocols()[protocol]["direction"] if protocol else None


def _own_direction(
    claims: List[Tuple[int, Optional[str], Optional[str]]], inherited: List[int]
) -> List[Tuple[int, Optional[str], Optional[str]]]:
    """ "Přepsala jsem na 993 a 465. Musím mít u odchozího něco zaškrtnuté?": the message's
    only protocol (SMTP) is not 993's when another number is SMTP's – 993 is the incoming one."""
    fitting = {
        _direction(claim[1])
        for claim in claims
        if (owner := knowledge.protocol_for_port(claim[0]))
        and _direction(owner[0]) == _direction(claim[1])
    }
    result = []
    for index, (number, protocol, security) in enumerate(claims):
        owner = knowledge.protocol_for_port(number)
        if (
            index in inherited
            and owner
            and _direction(owner[0]) != _direction(protocol)
            and _direction(protocol) in fitting
        ):
            protocol = owner[0]
        result.append((number, protocol, security))
    return result


def _concrete(named: List[str]) -> List[str]:
    if "incoming" in named and any(p in named for p in knowledge.incoming_protocols()):
        named = [p for p in named if p != "incoming"]  # "příjem přes IMAP" is IMAP
    return named


WEBSITE = re.compile(r"\b(web\w*|strank\w*|strance|www|https?|e-?shop\w*|wordpress\w*)\b")
MENU_ICON = re.compile(
    r"\b(tri|dve|3|2)\s+(svisl\w+ |vodorovn\w+ )?(tecky|tecek|carky|carek|cary|car|cark\w*)\b"
)


COUNTS = {"dva": 2, "dve": 2, "tri": 3, "ctyri": 4, "pet": 5, "sest": 6, "sedm": 7}
DONE_COUNT = re.compile(
    r"\b(prvni |ty )?(?P<count>dva|dve|tri|ctyri|pet|sest|sedm|[1-7]) krok\w*( \w+){0,2} za sebou\b"
    r"|\bza sebou( \w+){0,2} (prvni |ty )?(?P<count2>dva|dve|tri|ctyri|pet|sest|sedm|[1-7]) krok\w*"
)


# A server asked for at the head of a message or for a direction ("server pro příchozí…")
SERVER_ASKED_FIRST = re.compile(
    r"^\W*(a |jaky |jakej )?server\w*\b|\bserver\w* (pro|na|u) (prichoz|odchoz|prijem|odesil)"
)
# the two directions listed as things to fill in ("příchozí, odchozí a jméno")
BOTH_DIRECTIONS_LISTED = re.compile(
    r"\b(nastavit|vyplnit|zadat|potrebuj\w*|chci)\b[^.?!]{0,30}\bprichoz\w*\s*(,|a|i)\s*odchoz\w*"
)
# "iPad s posledním iOS", "nejnovější verze": the system's version, no screen of the guide
NEWEST_SYSTEM = re.compile(
    r"\b(posledn|nejnovejs|aktualn)\w*\s+(ios|ipados|macos|verz\w*|android\w*|system\w*|aktualiz\w*"
    r"|windows|updat\w*)\b"
)
FROM_START = re.compile(r"\b(znovu |znova )?od (sameho |uplneho )?zacatku\b|\bod prvniho kroku\b")


def _step(folded: str, position: Optional[Position], steps: int) -> Tuple[Optional[int], bool]:
    """A step named by number ("krok 5", "jdi na čtyřku") or by its screen ("typ účtu"), and
    whether the message asks to go there (False: it only asks about that screen)."""
    earlier = phrases.EARLIER_STEPS.search(folded)  # "kde jsou kroky 1 až 4?": from the first
    if earlier:
        return int(earlier.group("first") or 1), True
    if FROM_START.search(folded):  # "jakej krok 6? začněte prosím od začátku": the first
        return 1, True
    named = re.search(r"\bkrok\w*\s*(c\.|cislo)?\s*(\d)\b|\b(\d)\.? krok", folded)
    if named:
        return int(named.group(2) or named.group(3)), True
    nav = phrases.NAV_VERBS.search(folded)
    for value, words in phrases.STEP_NOUNS:
        if re.search(rf"\b({words})\b", folded) and (nav or re.search(r"\b(na|do|od)\b", folded)):
            return value, True
    behind = DONE_COUNT.search(folded)
    if behind:  # "první dva kroky mám za sebou": the one after them
        count = behind.group("count") or behind.group("count2")
        return min(COUNTS.get(count) or int(count), steps - 1) + 1, True
    # ("…první dva kroky, ten třetí je kde?": the ordinal said last is the one asked for)
    ordinals = [
        (match.start(), value)
        for value, words in phrases.STEP_ORDINALS
        for match in re.finditer(rf"\b({words})\b", folded)
    ]
    if nav and ordinals:
        return max(ordinals)[1], True
    bare = re.search(rf"\b(na|od)\s+([1-{min(steps, 9)}])\b", folded)
    if bare and nav:
        return int(bare.group(2)), True
    # a screen named ("jdi na krok s jiným účtem"; "rovnou mi ukazuje Gmail, Yahoo…" is seen)
    if (
        position
        and not position.at_notice
        and phrases.GO_TO_WORDS.search(folded)
        and not lexicon.says("seeing_marker", folded)
        # ("a když chci šifrování?", "chci POP3": a choice, not the way to its screen)
        and not re.search(r"\b(ssl|tls|sifr\w*|zabezpec\w*|imap\w*|pop3?\w*|smtp\w*)\b", folded)
    ):
        return position.step, True
    return None, False


def _focus(folded: str) -> str:
    """The sentences that ask (end in "?"), when a long message has some: a story around a
    question names protocols the question is not about."""
    sentences = re.split(r"(?<=[.!?])\s+|\n+", folded)
    asking = [s for s in sentences if s.rstrip().endswith("?")]
    return " ".join(asking) if asking and len(sentences) > 1 else folded


WEIGHED_BOTH = re.compile(r"\b(rozdil\w*|rozdiel\w*|lisi|lisit|difference|differ\w*|srovn\w*)\b")
COMPARED_TO = re.compile(
    r"\b(?:(?:jako|nez) (?:u|pro|na|v|ve)|nez|oproti|na ?rozdil od)"
    r" (?P<what>prichoz\w*|odchoz\w*|imap\w*|pop3?\w*|smtp\w*)"
)  # ("má IMAP výhody oproti POPu?": IMAP asked about, POP3 only weighed against it)


def _port_sentence(folded: str) -> Optional[str]:
    """The one sentence that asks for a port, when the message has several: "co je rozdíl
    mezi IMAP a POP3? a jaký port má IMAP bez šifrování" is about IMAP alone."""
    sentences = [s for s in re.split(r"[.?!;\n]+", folded) if s.strip()]
    with_port = [s for s in sentences if phrases.TOPIC_WORDS["port"].search(s)]
    return with_port[0] if len(sentences) > 1 and len(with_port) == 1 else None


def _security_by_protocol(folded: str) -> Dict[str, str]:
    """Security said per clause: "port na příjem přes POP3 bez SSL, a na odesílání se SSL"."""
    found: Dict[str, str] = {}
    for clause in clauses(folded):
        security = security_in_text(clause)
        for protocol in _concrete(protocols_in_text(clause)):
            if security:
                found[protocol] = security
    return found


def _security(message: Dict[str, Any], focus: str, folded: str) -> Optional[str]:
    """The text decides ("bez SSL" is never the SSL an entity caught): first the sentences
    that ask, then the whole message, then DIET's entity."""
    from_text = security_in_text(focus) or security_in_text(folded)
    if from_text:
        return from_text
    if WITHOUT_OTHER.search(folded):
        return None  # "takže jen petr, bez domény?": "bez" of something else, no SSL choice
    for value in _entities(message, "security"):
        security = canonical_security(value)
        if security:
            return security
    return None


def _reports(folded: str) -> str:
    """The message without its questions, when a report of success stands beside them ("zkušební
    mail odešel. takže už mi žádný ticket nepřijde?": the question's "nepřijde" is no failure)."""
    parts = sentences_of(folded)
    told = [part for part in parts if not part.rstrip().endswith("?")]
    if len(told) < len(parts) and any(lexicon.says("glad_it_works", part) for part in told):
        return " ".join(told)
    return folded


# Words that report success only when nothing is asked beside them.
WEAK_WORKS = {"ok", "jo", "ano", "jj", "jasne", "super"}
BARE_YES = WEAK_WORKS - {"ok", "super"}  # a yes, not an acknowledgement


def _fails_after_but(folded: str) -> bool:
    """ "maily chodí, ale když odpovím, skončí to v K odeslání": a failure after "ale" – the
    success before it is a partial one."""
    # ("opraveno, teď to píše špatné jméno nebo heslo": a new message after the fix)
    parts = re.split(
        # ("…stáhlo to maily. jen když je pak stáhne počítač, uvidím je i v mobilu?": the same)
        r"\b(?:ale|jenze|akorat|avsak|bohuzel|but|ted (?:to |mi )?(?=pise|hlasi|hazi|ukazuje|vyhodi)"
        r"|jen(?:om)? (?=kdyz))\b",
        folded,
    )
    if len(parts) < 2:
        return False
    rest = " ".join(parts[1:])
    return _sending_fails(rest) is not None or any(w.search(rest) for _, w in phrases.SYMPTOM_WORDS)


def _rejected_protocols(folded: str) -> Set[str]:
    return {p for a, b in phrases.NOT_PROTOCOL.findall(folded) if (p := canonical_protocol(a or b))}


def _without_rejected(found: List[str], rejected: Set[str]) -> List[str]:
    """ "mám IMAP, ne POP", "POP3 nepoužívám, jen IMAP": the one kept; "nechci IMAP" alone
    wants the other account type."""
    kept = [p for p in found if p not in rejected]
    incoming = knowledge.incoming_protocols()
    if not kept and rejected and set(found) <= rejected <= set(incoming):
        kept = [p for p in incoming if p not in rejected]
    return kept if len(kept) == 1 or set(found) - rejected else found


def _protocols(message: Dict[str, Any], focus: str, folded: str) -> List[str]:
    found = protocols_in_text(focus) or protocols_in_text(folded)
    former = lexicon.load()["former_protocol"].search(folded)
    was = canonical_protocol(former.group("former")) if former else None
    rejected = _rejected_protocols(folded)
    if "incoming" in found:  # "port pro příjem?" after a story that says "mám POP3"
        incoming = knowledge.incoming_protocols()
        named = [
            p for p in protocols_in_text(folded) if p in incoming and p not in {was} | rejected
        ]
        if not named and len(set(incoming) - rejected) == 1:  # "nechci IMAP, … u příchozí?"
            named = [p for p in incoming if p not in rejected]
        if len(named) == 1:
            found = [named[0] if p == "incoming" else p for p in found]
    if not found:
        found = [p for p in (canonical_protocol(v) for v in _entities(message, "protocol")) if p]
    found = _without_rejected(found, rejected)
    if was:  # "na starém jsem to měl přes POP, teď chci IMAP": the one wanted now
        rest = [p for p in found if p != was]
        if set(rest) & set(knowledge.incoming_protocols()):
            found = rest
    wanted = lexicon.load()["wanted_protocol"].search(folded)
    target = canonical_protocol(wanted.group("wanted")) if wanted else None
    # ("na počítači chci IMAP a na mobilu POP": a wish per device, both wanted)
    if target in found and not _per_device(folded):  # "účet mám jako POP a chci přejít na IMAP"
        incoming = knowledge.incoming_protocols()
        found = [p for p in found if p not in incoming or p == target]
    return list(dict.fromkeys(_concrete(found)))


def language(folded: str, text: str = "") -> str:
    """cs (Czech or Slovak, answered in Czech), en, or other. A server's reply pasted into the
    message ("550 5.7.1 Client does not have permissions…") is in English whoever writes; Czech
    letters with few English words are Czech ("kolik stojí větší mailbox?", not "I can't send
    mail. Díky, Jiří")."""
    folded = phrases.PASTED_REPLY.sub(" ", folded)
    english = len(phrases.ENGLISH_WORDS.findall(folded))
    if phrases.CZECH_LETTERS.search(text) and english < 3:
        return "cs"
    czech = len(phrases.CZECH_WORDS.findall(folded))
    if (
        len(phrases.OTHER_LANGUAGE_WORDS.findall(folded)) >= 2
        and len(phrases.OTHER_LANGUAGE_WORDS.findall(folded)) > czech
    ):
        return "other"
    if english > czech and (english >= 2 or (czech == 0 and len(folded.split()) <= 6)):
        return "en"
    return "cs"


def _refined(device: str) -> Tuple[str, ...]:
    """The guides the device's guide is a special case of (the new Outlook: Outlook)."""
    return knowledge.guide(device).refines


def _program_named(device: str, folded: str) -> bool:
    program = knowledge.guide(device).program
    return bool(program and program.search(folded))


def read(
    message: Dict[str, Any], device: Optional[str] = None, in_walkthrough: bool = False
) -> Frame:
    """The Frame of a parsed message (Rasa's `tracker.latest_message`); `device` is the one
    known so far (its screens are where the customer may be)."""
    text = _user_text(message)
    folded = phrases.mended(fold(text))
    intent = latest_intent(message)
    if intent == "open_smtp_ticket" and OPENED_ALONE.search(folded):
        intent = "nlu_fallback"  # "mám otevřené": a screen opened, no ticket that is "otevřen"
    frame = Frame(text=text, intent=intent, folded=folded)
    frame.device = next((d for d in _entities(message, "device") if d in knowledge.guides()), None)
    # A device already known changes only when the customer says so ("pardon, je to Samsung",
    # "jak to udělám v Outlooku?", "Thunderbird neodesílá"): "na primární, nebo na ten Gmail?"
    # names a server, and in a walkthrough "vidím Outlook, Google…" is the screen's list.
    claimed = (
        lexicon.says("device_claim", folded)
        or devices.claimed(folded)
        or phrases.HOW.search(folded)
        or lexicon.says("start_setup", folded)
        or lexicon.says("send_fails", folded)
        or phrases.FAILS.search(folded)
        # "iPhone" alone (to "Máte jiný telefon?"): the device, even mid-walkthrough
        or (len(folded.split()) <= 2 and not lexicon.says("seeing_marker", folded))
        # "android, gmail aplikace": nothing but device names
        or devices.only_names(folded)
        # "co přesně má kolega udělat u iPhonu?": the question's last words name where (not a
        # choice: "mám jít na primární, nebo na ten Gmail?")
        or bool(re.search(r"(?<!nebo )\b(u|na|v|ve|pro)\s+(\w+\s+)?\w+\s*\?\s*$", folded))
    )
    if (
        frame.device
        and in_walkthrough
        and not claimed
        and not text.startswith("/")
        and lexicon.says("seeing_marker", folded)
    ):  # "teď to ukazuje iCloud, Google, Yahoo, Outlook": the screen's list, not a new device
        frame.device = None
    if not frame.device and device in knowledge.guides():
        frame.device = devices.app_on_phone(device, folded)  # "mám aplikaci Outlook" on the Android
    if not frame.device and not ((in_walkthrough or device) and not claimed):
        frame.device = devices.named(folded)
    elif frame.device:
        # "Lumia už nefunguje, mám nový iPhone": the one claimed, not an entity only mentioned
        claimed_ids, mentioned = devices.claims(folded)
        if claimed_ids and frame.device in mentioned:
            frame.device = claimed_ids[0]
    # "nemám Gmail, mám aplikaci Email od Xiaomi": the maker's own app, whatever was named
    if devices.OWN_APP.search(folded) and devices.named(folded) == devices.OTHER_APP:
        frame.device = devices.OTHER_APP
    if (
        device in knowledge.guides()
        and frame.device not in (None, device)
        and device not in knowledge.guide(frame.device or device).refines  # (an app on it)
        and knowledge.guide(device).aliases.search(folded)
        and not re.search(
            r"\b(nemam|nepouzivam|nechci|ne)\s+(\w+\s+)?" + knowledge.guide(device).aliases.pattern,
            folded,
        )
        and not lexicon.says("device_claim", folded)
        # ("…už mám nový iPhone, ta Lumie je v šuplíku": the new one claimed, the old put away)
        and not _claimed_instead(folded, frame.device, device)
    ):  # "v Outlooku pořád nejde odesílat. v telefonu v Gmailu to jde.": still the Outlook
        frame.device = device
    if (
        device in knowledge.guides()
        and frame.device in _refined(device)
        # the program known named by its short name ("Outlook píše…" in the Outlook app), not
        # another program on the phone ("v Gmailu" on a Samsung)
        and (knowledge.guide(device).kind == "computer" or _program_named(device, folded))
        and not re.search(r"\b(star(?!ttls)\w*|klasick\w*|desktop\w*|classic|old)\b", folded)
    ):  # "účet už v Outlooku mám" with the new Outlook known: still the new Outlook
        frame.device = device
    # (only a computer's program known: "na primární, nebo na ten Gmail?" in an iPhone's setup
    # names a screen's option, no phone)
    after_computer = device in knowledge.guides() and knowledge.guide(device).kind == "computer"
    own_phone = devices.named(folded) if after_computer and frame.device in (None, device) else None
    if own_phone and own_phone != device and knowledge.guide(own_phone).kind == "phone":
        # "ještě mám firemní mail v mobilu (iPhone)" after Outlook on the PC: that phone's own
        # mail, not the Outlook app on it
        frame.device = own_phone
    elif frame.device in (None, device) and device in knowledge.guides():
        # "v mobilu, ne v PC" about Outlook on Windows: the same program's phone app
        frame.device = devices.phone_app_of(device, folded) or frame.device
    # the last question ("…v telefonu v Gmailu to jde normálně." tells; "…a na Macu jak to
    # přidám? mám macOS Sonoma" asks, a detail after it)
    questions = re.findall(r"[^.?!]*\?", folded)
    known = frame.device == device or device is None  # (first message: the question's device)
    # ("…a poštu mám i v počítači v Outlooku, musím to měnit i tam?": a device besides, the one
    # set up stays)
    besides = (
        bool(questions) and device in knowledge.guides() and _kept_beside(questions[-1], device)
    )
    asked_for = devices.named(questions[-1]) if known and questions and not besides else None
    wished = devices.wanted(folded) if device is None and asked_for else set()
    if (
        wished
        and asked_for not in wished
        and (lexicon.says("adjacent", questions[-1]) or TYPE_FOUND_OUT.search(questions[-1]))
    ):
        # "chci mail i na Macu, na iPhonu už ho mám. A v iPhonu píše, že je schránka plná?": the
        # device wished for, not the one the last question reports from
        asked_for = None
    # "v Outlooku jsem to zaškrtl. a jak na iPhonu?": the iPhone ("…v Outlooku…?" with the new
    # Outlook known: still that one)
    if asked_for and (device not in knowledge.guides() or asked_for not in _refined(device)):
        frame.device = asked_for
    if (
        device in knowledge.guides()
        and frame.device not in (None, device)
        and not lexicon.says("device_claim", folded)
        and _kept_beside(folded, device)
    ):  # "…a poštu mám i v počítači v Outlooku, musím to měnit i tam?": one more device
        frame.device = device
    if (
        in_walkthrough
        and device in knowledge.guides()
        and frame.device is not None
        and frame.device != device
        and devices.told_elsewhere(frame.device, device, folded)
    ):  # "v počítači mám Outlook s POP3, nebude mi to mizet?" in the phone's walkthrough
        frame.device = device
    focus = _port_sentence(folded) or _focus(folded)
    frame.protocols = _protocols(message, focus, folded)
    if focus != folded:  # "Jaké porty má IMAP? A SMTP?": a fragment adds its protocol
        for fragment in sentences_of(folded):
            # ("…? a u smtp to samé": a fragment of five words)
            # ("pop3 nebo imap? a když imap bez šifrování, jaký port": a choice, no port asked)
            in_fragment = protocols_in_text(fragment)
            if (
                fragment.strip(" .?!") not in focus
                # ("…? a platí to samý i pro odchozí?": the same asked for another, any length)
                and (len(fragment.split()) <= 5 or ALSO_FOR.search(fragment))
                and len(set(_concrete(in_fragment))) < 2
            ):
                frame.protocols = _concrete(frame.protocols + in_fragment)
        frame.protocols = list(dict.fromkeys(frame.protocols))
        frame.protocols = _without_rejected(frame.protocols, _rejected_protocols(folded))
    # "SMTP server, port pro SSL a stejné jméno jako u příchozího?": the incoming side only compared
    compared = {p for m in COMPARED_TO.finditer(folded) for p in protocols_in_text(m.group("what"))}
    # ("jaký je rozdíl IMAP oproti POP3?": both weighed, each asked about)
    if compared and set(frame.protocols) - compared and not WEIGHED_BOTH.search(folded):
        frame.protocols = [p for p in frame.protocols if p not in compared]
    if not lexicon.says("protocol_wish", folded):  # "teď mi nabízí jen IMAP": the screen's
        offered = lexicon.load()["offered_protocol"].pattern.finditer(folded)
        on_screen = {canonical_protocol(match.group("offered")) for match in offered}
        frame.protocols = [p for p in frame.protocols if p not in on_screen]
    if lexicon.says("ports_tab", folded):  # Outlook's „Upřesnit“ tab: both servers' ports
        frame.protocols = list(dict.fromkeys(frame.protocols + ["smtp"]))
    frame.security = _security(message, focus, folded)
    if not text:
        return frame  # a button: its intent and entities say it all
    frame.security_by_protocol = _security_by_protocol(folded)
    said_for = set(frame.security_by_protocol)
    if "incoming" in said_for:
        said_for.update(knowledge.incoming_protocols())
    if said_for and frame.protocols and not set(frame.protocols) & said_for:
        # "Na počítači mám IMAP bez SSL. Jaký port pro POP3?": that SSL choice is IMAP's.
        frame.security = security_in_text(focus)
    frame.everywhere = bool(phrases.EVERYWHERE.search(folded))
    # Phone numbers ("602 993 118") hold digits that look like ports: left out once, here.
    without_phones = phrases.PHONE.sub(" ", folded)
    frame.hosts = [
        host
        for host in phrases.HOST.findall(without_phones)
        if not host.startswith("www.")
        and (
            phrases.SERVER_LIKE.match(host)
            or host.count(".") >= 2
            # "(předvyplnilo) server firma.cz": a bare domain named as the server
            or re.search(
                rf"\bserver\w*( (je|jsem|mam|dal\w*|napsal\w*))?\W+{re.escape(host)}",
                without_phones,
            )
            # "server, kde je napsaný novakovi-chalupa.cz", "v serveru mám firma.cz"
            or re.search(
                rf"\bserver\w*\W+(\w+\W+){{0,4}}(napsan\w*|vyplnen\w*|predvyplnen\w*|uveden\w*"
                rf"|je tam|mam|mame)\W+{re.escape(host)}",
                without_phones,
            )
        )
    ]
    if not frame.hosts and re.search(r"\bssl ?0\b(?!\.)", without_phones):
        # "a odchozí je taky ten ssl0?": our server, named short
        frame.hosts = [knowledge.server("incoming").lower()]
    frame.language = language(folded, text)
    # (a question with no topic of its own – "…ptá se na zapamatování hesla. mám to dát?" –
    # asks about the sentence before it)
    frame.asked = _asked_part(text, folded)
    # ("porty nepotřebuju. a na jaké adrese je webmail?": the topic refused is not asked)
    in_all, in_asked = _asks(_without_refused(folded)), _asks(_without_refused(frame.asked))
    told_done = frame.asked != folded and lexicon.says(
        "done_marker", folded.replace(frame.asked, " ")
    )
    # (only fields named in the telling sentences are dropped: "používal jsem POP3, teď dám
    # IMAP. Mění se i server?" asks about the switch the first sentence tells; "zadal jsem
    # adresu a heslo… kam dám ty údaje?" names fields done)
    plain_told = [s for s in sentences_of(folded) if s.strip() and s.strip() not in frame.asked]
    if in_asked and set(in_all) - set(in_asked) <= FIELD_TOPICS:
        frame.asks = in_asked
    elif not in_asked and plain_told and all(PLAN_TOLD.search(s) for s in plain_told):
        # "dobře, heslo změním. ale co ten příjem?": the plan told, the question its own
        frame.asks = []
    elif not in_asked and told_done:
        frame.asks = [topic for topic in in_all if topic not in FIELD_TOPICS]
    else:
        frame.asks = in_all
    if (
        frame.asks
        and set(frame.asks) <= {"username", "password", "whole_address"}
        and BOTH_DIRECTIONS_LISTED.search(folded)
    ):  # "potřebuju nastavit tři věci: příchozí, odchozí a jméno uživatele": the settings
        frame.asks = ["settings", *frame.asks]
    if frame.asks == ["pop_vs_imap"] and lexicon.says("protocol_setup_asked", folded):
        # "jak nastavím IMAP a jaký je vlastně rozdíl oproti POP?": its values, beside the
        # difference
        frame.asks = ["settings", *frame.asks]
    if "whole_address" in frame.asks and SERVER_ASKED_FIRST.search(folded):
        # "server pro příchozí i odchozí a jestli je uživatel celá adresa": the server too
        frame.asks = ["server", *frame.asks]
    incoming_named = [p for p in frame.protocols if p in knowledge.incoming_protocols()]
    if "both_protocols" in frame.asks and len(incoming_named) == 1:
        # ("jaké jsou porty? dá sa to nastaviť aj ako POP3?": POP3 asked as possible, not chosen
        # – the other questions are of both account types)
        frame.protocols = [p for p in frame.protocols if p not in incoming_named]
    if "username" not in frame.asks and "?" in text and lexicon.says("username_short", folded):
        # "jméno jsem dal jen jnovak, bez @firma.cz. stačí to tak?": the name told is asked
        frame.asks = [*frame.asks, "username"]
    if (
        "server" in frame.asks
        and SERVER_AS_PLACE.search(folded)
        and not phrases.SERVER_QUESTION.search(folded)
    ):
        # "jsem v Nastavení odchozího serveru a je tam Vyžadovat přihlášení. mám ho zaškrtnout?":
        # the server names where they are, the question is about what they see there; "jsem
        # v Nastavení serveru, co mám zkontrolovat?" asks for every value there
        if len(frame.asks) > 1:
            frame.asks = [topic for topic in frame.asks if topic != "server"]
        elif lexicon.says("what_to_fill", folded):
            frame.asks = ["settings"]
    if (
        {"port", "server"} <= set(frame.asks)
        and set(frame.protocols) & {"imap", "pop3"}
        and not (frame.security or "smtp" in frame.protocols)
    ):
        # "IMAP porty a server prosím": that protocol's complete settings
        frame.asks = ["settings"] + [t for t in frame.asks if t not in ("port", "server")]
    if not frame.asks and "?" in text and lexicon.says("ports_tab", folded):
        frame.asks = ["port"]  # "a na záložce Upřesnit?": what goes there
    wants = lexicon.load()["device_asks"].search(folded)
    if wants:  # "dal jsem IMAP a heslo, teď to chce server": what it asks for now
        asked = re.sub(r"^\W*(na|o)\s+", "", folded[wants.end() :])
        frame.asks = _asks(f"jaky {asked}") or frame.asks
    if "spa" in frame.asks and not lexicon.says("outgoing_named", folded):
        # Outlook's "Vyžadovat přihlášení pomocí zabezpečeného ověřování hesla (SPA)" names no
        # outgoing log-in ("SPA a taky ověřování odchozího serveru?" asks both)
        frame.asks = [topic for topic in frame.asks if topic != "smtp_auth"]
    if (
        "smtp_auth" in frame.asks
        and DOMAIN_VERIFICATION.search(folded)
        and not MAIL_SENDING.search(folded)
    ):  # "TXT záznam pro ověření u Googlu": the domain's verification, no mail log-in
        frame.asks = [topic for topic in frame.asks if topic != "smtp_auth"]
    if "smtp_auth" in frame.asks and "?" not in text and lexicon.says("verifying_shown", folded):
        # "…chvíli se to točilo, ověřování, a teď…": the device verifying the account, no log-in
        frame.asks = [topic for topic in frame.asks if topic != "smtp_auth"]
    if "smtp_auth" in frame.asks and lexicon.says("boxes_ticked_next", folded):
        # "…obě zaškrtávátka u odchozího zaškrtnutá, a teď?": done, the next move asked
        frame.asks = [topic for topic in frame.asks if topic != "smtp_auth"]
    if (
        {"switch_account", "switch_protocol"} <= set(frame.asks)
        and not re.search(r"\b(server\w*|meni|zmeni|menim|zustava|zustane|lisi)\b", folded)
        and re.search(r"\b(smaz|zmaz|vymaz|odebr|odstran)\w*", folded)
    ):  # ("jak změním POP3 na IMAP? mám účet zmazat?": the account added again, no server asked)
        frame.asks = [topic for topic in frame.asks if topic != "switch_protocol"]
    if "ssl_advice" in frame.asks:  # "SSL, nebo ne?" chooses nothing yet
        frame.security, frame.security_by_protocol = None, {}
        # ("zaškrtnout vyžaduje SSL?" is no question about the log-in; "a přihlášení?" is)
        if (
            phrases.AUTH_WORDS.search(folded)
            and "smtp_auth" not in frame.asks
            and "spa" not in frame.asks  # (Outlook's SPA box is another check box)
        ):
            frame.asks.append("smtp_auth")
    # "465?", "a 465?", "and 465?"
    only_a_number = bool(re.fullmatch(r"\W*((a|and|a co|what about)\s+)?\d{2,5}\W*", folded))
    # "993 nebo 143?"
    choice = re.search(r"\b(\d{2,5})\s*(nebo|ci|or|/)\s*(\d{2,5})\b", without_phones) or (
        # "jaký je rozdíl mezi 465 a 587?": the two compared, a choice between them
        re.search(
            r"\brozdie?l\w*\b[^.?!]{0,15}\b(\d{2,5})\s*(a|i|vs|and)\s*(\d{2,5})\b", without_phones
        )
        # "995 a 993, co je co?": which is which
        or re.search(
            r"\b(\d{2,5})\s*(a|i|,)\s*(\d{2,5})\b[^.?!]{0,15}\b(co je co|co je ktery|ktery je co|"
            r"ktery je ktery|which is which)\b",
            without_phones,
        )
    )
    frame.port_choice = bool(choice)
    two_ports = choice is not None and all(
        knowledge.protocol_for_port(int(number)) for number in choice.group(1, 3)
    )
    # "dal jsem 465 a pořád nic": a mail port set, with no word of ports beside it
    port_set = re.search(
        r"\b(dal\w*|dam|mam|nastav\w*|zadal\w*|zadam|prepsal\w*|prepisu|zmenil\w*|zkusil\w*|prepnul\w*|nechat|necham|ponech\w*)"
        r"(\s+(jsem|sem|to|tam|ho|port|na|teda|tedy)){0,4}\s+(993|995|465|587|143|110|25|2525)(?=\s*($|[,.!?]|(a|ale|i|porad|furt|stale|se|s|bez)\b))",
        without_phones,
    )
    # ("ssl0.ovh.net:143": the port typed after the server's name is a port named)
    without_phones = HOST_PORT.sub(r"\1 port \2", without_phones)
    frame.ports = _ports(
        without_phones,
        _port_checked(without_phones)  # "a ten 465 je dobře?"
        or only_a_number
        or two_ports
        or "port" in frame.asks
        or bool(frame.protocols or frame.security or port_set)
        or lexicon.says("number_asked", without_phones)  # "na co je 995?"
        or bool(PORT_USED.search(without_phones)),  # "můžu použít 587?"
    )
    frame.port_claims = _port_claims(without_phones, frame.ports, frame.protocols)
    if two_ports and not frame.protocols:  # "aký je rozdiel medzi 465 a 587?": the ports weighed
        frame.asks = [t for t in frame.asks if t != "pop_vs_imap"]
    # "mám ho zaškrtnout a dát 465, nebo nechat nezaškrtnutý a dát 587?": both pairings
    # offered – a choice of SSL, each port with its own
    if (
        "ssl_advice" not in frame.asks
        and PAIRS_CHOICE.search(without_phones)
        and one_protocols_pairings(frame.port_claims)
    ):
        frame.asks = [*frame.asks, "ssl_advice"]
        frame.security, frame.security_by_protocol = None, {}
    if "ssl_advice" in frame.asks:  # ("port 465. volby žádné / SSL / TLS, který?": none chosen)
        frame.port_claims = [(number, protocol, None) for number, protocol, _ in frame.port_claims]
    if any(
        security == "ssl"
        and any(
            re.search(rf"\b{number}\b", sentence) and lexicon.says("ssl_required", sentence)
            for sentence in sentences_of(folded)
        )
        for number, _, security in frame.port_claims
    ):
        # "změnit na 465 a SSL zapnout?": the port with its SSL checked, no question of its own
        # ("Do I need SSL? And what's port 143 for?": two questions)
        frame.asks = [topic for topic in frame.asks if topic != "ssl_required"]
    frame.checks = bool(phrases.CHECK_WORDS.search(folded))
    # ("fakturace@firma.cz do Outlooku": an address names no invoice)
    unaddressed = ADDRESS.sub(" ", folded)
    frame.adjacent_clauses = [
        clause.strip()
        for clause in phrases.QUESTION_BREAK.split(unaddressed)
        if clause.strip()
        and lexicon.says("adjacent", clause)
        and (not phrases.MAIL_WORDS.search(clause) or lexicon.says("adjacent_with_mail", clause))
    ]
    if frame.adjacent_clauses:  # "fakturační údaje na faktuře": no settings ("údaje") asked
        rest = folded
        for clause in frame.adjacent_clauses:
            rest = rest.replace(clause, " ")
        outside = _asks(rest)
        frame.asks = [t for t in frame.asks if t in outside or t not in HOSTING_WORD_TOPICS]
    enhanced, reply = phrases.ENHANCED_CODE.search(folded), phrases.REPLY_CODE.search(folded)
    if enhanced or (reply and phrases.SMTP_REPLY_WORDS.search(folded)):
        frame.symptom = "smtp_error"
        frame.error_code = next(m.group() for m in (enhanced, reply) if m)
    elif (
        phrases.SMTP_REPLY_WORDS.search(folded)
        and re.search(r"smtp|odesl|odesil|send", folded)
        # ("does the outgoing server need authentication?" asks, no server replied)
        and "smtp_auth" not in frame.asks
    ):
        frame.symptom = "smtp_error"
    else:
        # ("nemůžete mi znovu poslat fakturu?" asks us to send something, no mail fails)
        told = " ".join(s for s in sentences_of(folded) if not phrases.ASKS_US_TO_SEND.search(s))
        for clause in frame.adjacent_clauses:  # "na webu píše certifikát neplatný": the web's
            told = told.replace(clause, " ")
        told = phrases.NOT_THE_POINT.sub(" ", told)
        # ("…, normální heslo. co je špatně?": the log-in method's name, no password at fault)
        told = AUTH_METHOD_NAME.sub(" ", told)
        symptom = next((name for name, words in phrases.SYMPTOM_WORDS if words.search(told)), None)
        if symptom == "pop3_elsewhere" and lexicon.says("pop3_fits", folded):
            symptom = None  # "chci ji mít staženou v počítači, takže POP3?": a wish, no fault
        sending = _sending_fails(told)
        if lexicon.says("sends_on_wifi_only", told):  # "…jen doma na wifi, na datech ne"
            sending = "cannot_send"
        # "maily nechodia von": mail that does not go out, not mail that does not arrive
        frame.symptom = sending if sending and symptom in (None, "not_arriving") else symptom
        if (
            frame.symptom == "not_arriving"
            and lexicon.says("outgoing_named", folded)
            and not lexicon.says("incoming_named", folded)
        ):  # "odchozí port 2525 a zprávy nechodí": the messages sent do not arrive
            frame.symptom = "cannot_send"
        if frame.symptom in ("not_arriving", "pop3_elsewhere") and lexicon.says(
            "arrives_nowhere", folded
        ):  # "nechodí nic, ani v počítači, ani v mobilu": no device gets it, the server's side
            frame.symptom = "arrives_nowhere"
        if frame.symptom == "nothing_works" and lexicon.says("receive_works", folded):
            # "příjem jde, ale odeslat nejde nic", "můžu přijímat a ne odesílat": sending fails
            frame.symptom = "cannot_send"
        if "imap_delete" in frame.asks or (
            "outbox_resend" in frame.asks and FIX_TOLD.search(folded)
        ):  # "když smažu v telefonu, zmizí to i ze serveru?", "opraveno, a ty v K odeslání
            frame.symptom = None  # odejdou samy?": a question of how mail behaves, no fault
        if frame.symptom == "certificate" and knowledge.server("incoming").lower() in frame.hosts:
            # "ověření certifikátu se nezdařilo, server mám ssl0.ovh.net": the name is right –
            # the device's own check of the certificate is the question
            frame.symptom = None
            frame.asks = [a for a in frame.asks if a != "smtp_auth"] + ["verify_certificate"]
        if frame.symptom == "certificate" and {
            "ssl_advice",
            "verify_certificate",
            "accept_all_certificates",
        } & set(
            frame.asks
        ):  # "…, SSL (přijímat všechny certifikáty) – co vybrat?", "ověřovat certifikát?": a choice
            frame.symptom = None
        if lexicon.says("no_fault", folded):
            frame.symptom = None  # "odesílání mi nic nehlásí, já se jen ptal": no fault at all
        if (
            frame.symptom == "pop3_elsewhere"
            and not re.search(r"\bpop", folded)
            and re.search(phrases.ELSEWHERE_WISH, folded)
            and re.search(r"\bimap", folded)
        ):  # "…chci, aby mi to chodilo i do počítače, tak asi IMAP, ne?": the choice, no fault
            frame.symptom = None
            frame.asks = (
                [*frame.asks, "pop_vs_imap"] if "pop_vs_imap" not in frame.asks else frame.asks
            )
        if frame.symptom == "pop3_elsewhere" and lexicon.says("old_mail_to_imap", folded):
            frame.symptom = None  # "…ty staré maily z POP dostat do IMAPu?": moving them, no fault
        if frame.symptom == "certificate" and lexicon.says("same_as_mail", folded):
            frame.symptom = None  # "ten certifikát je SSL, není to samé co u pošty?": a question
        if frame.symptom == "cannot_send" and lexicon.says("sent_to_spam", folded):
            frame.symptom = None  # "naše maily jim padají do spamu": sent, and filtered there
    if phrases.OPEN_SMTP_NAMED.search(folded):
        frame.open_smtp = "named"
    elif (
        phrases.OPEN_SMTP_DESCRIBED.search(folded) or phrases.SPAM_FROM_ME.search(folded)
    ) and not (
        lexicon.says("account_blocked", folded)  # blocked for spam: the block's way out
        # ("naše nabídky jim padají do spamu": the recipients' filter, no mail sent unasked)
        or lexicon.says("sent_to_spam", folded)
        or lexicon.says("spoofed_spam", folded)  # "chodí mi spamy jakoby ode mě": forged
    ):
        frame.open_smtp = "described"
    frame.spam = bool(phrases.SPAM.search(folded))
    short = len(folded.split()) <= 7
    frame.next_step = (short and bool(phrases.NEXT_WORDS.search(folded))) or lexicon.says(
        "next_screen_choice", folded
    )
    frame.back = (
        short
        and bool(phrases.BACK_WORDS.search(folded))
        and not phrases.RETURN_WORDS.search(folded)
        and not phrases.RESUME_WORDS.search(folded)
    )
    # ("moment... hotovka": the wait is over within the message – the step done)
    pause = phrases.PAUSE_WORDS.search(folded)
    frame.pause = bool(short and pause and not lexicon.says("finished", folded[pause.end() :]))
    frame.returned = short and bool(phrases.RETURN_WORDS.search(folded))
    frame.resume = short and bool(phrases.RESUME_WORDS.search(folded))
    # ("žádný návod jsem nespouštěla", "návod nechci": no walkthrough wished)
    frame.start = bool(phrases.START_WORDS.search(folded)) and not NO_GUIDE.search(folded)
    frame.needs_help = bool(phrases.HELP_WORDS.search(folded))
    if (
        frame.needs_help
        and "?" not in text
        and len(folded.split()) <= 12
        and not VALUE_QUESTION.search(folded)
    ):
        # "nevidím tam nastavení serveru": looking for it, not for its value ("port tu chybí"
        # is the form without a port field)
        frame.asks = [topic for topic in frame.asks if topic == "port_not_entered"]
    frame.asks_how = bool(phrases.HOW.search(folded))
    asking = frame.asked or folded
    if (
        "smtp_auth" in frame.asks
        and lexicon.says("where_setting", asking)
        and lexicon.says("login_words", asking)
        and not VALUE_QUESTION.search(asking)
    ):  # "porty mám vyplněné, ale kde je zaškrtávátko, že odchozí server vyžaduje ověření?":
        # where that switch is – the ports and the server are only told or named in it
        frame.asks, frame.asks_how = ["smtp_auth"], True
    frame.unsure = bool(phrases.UNSURE.search(folded))
    failed = phrases.FAILS.search(phrases.NOT_THE_POINT.sub(" ", _reports(folded)))
    # ("pořád mi to píše to samý. účet je uložený, v Mailu ho vidím": the success told wins
    # over a vague "the same again")
    vague = failed and re.fullmatch(r"((porad|furt|stale|zase)\s+)?to sam[ey]", failed.group())
    reported = frame.reported
    if failed and not (vague and lexicon.says("glad_it_works", folded)):
        frame.works = False
    elif (
        (works_word := phrases.WORKS.search(reported))
        # ("ok, dal jsem 993. a odchozí s SSL?": an acknowledgement before a question, no report)
        and not ("?" in text and works_word.group() in WEAK_WORKS)
        and not (frame.spam or lexicon.says("compromised", folded))
        # ("heslo jsem si ověřila ve webmailu, funguje": the webmail works, not the device)
        and not _works_in_webmail_only(folded)
    ):  # "známým ode mě chodí divné maily" is no success
        frame.works = True
        if (
            works_word.group().strip(" ,.!") in BARE_YES
            and SETTINGS_TOLD.search(folded)
            and not phrases.SUCCESS_VERB.search(reported)
        ):  # "jo, ssl mám zapnutý a uživatel je celá adresa": the checks confirmed, no success
            frame.works = None
        if (
            works_word.group().strip(" ,.!") in WEAK_WORKS
            and frame.asks
            and not lexicon.says("thanks", folded)  # ("ano, měl jsem tam špatný server. díky!")
        ):
            frame.works = None  # "ok a port pro smtp se ssl": an acknowledgement, then a question
    if frame.works is False and not frame.symptom and _about_password(text, folded):
        # "heslo mám X a stejně to nejde": the log-in, whatever the password was
        frame.symptom = "login_failed"
    if frame.works and lexicon.says("device_asks", folded):
        frame.works = None  # "příchozí už prošlo, teď to chce odchozí server": on to the next
    # ("zprávy mi zůstávají v Odchozí. příjem funguje": receiving is what works)
    # ("…nemůže se připojit k serveru pro odchozí poštu. Co s tím? Příjem jde.": the same)
    receiving_only = frame.symptom in (
        "cannot_send",
        "cannot_connect",
        "smtp_error",
        "timeout",
    ) and lexicon.says("receive_works", folded)
    # ("…a teď to odeslalo, i ty, co visely v K odeslání. funguje": the last sentence is the
    # success, whatever the story of the fault before it)
    sentences = [part for part in re.split(r"[.!?]+", folded) if part.strip()]
    if (
        receiving_only
        and len(sentences) >= 2
        and lexicon.says("glad_it_works", sentences[-1].strip())
        and not lexicon.says("receive_works", sentences[-1].strip())
    ):
        receiving_only = False
    if (
        frame.works is not False
        and lexicon.says("glad_it_works", reported)
        # ("opraveno, teď to chce port": fixed, and the device asks for the next field)
        and not lexicon.says("device_asks", folded)
        # ("maily chodí normálně, ale při odeslání chyba 530": the error, not a success)
        and not frame.error_code
        and not (frame.symptom and _fails_after_but(folded))
        and not receiving_only
    ):
        # "zprávy, co visely v K odeslání, už odešly": the success, not the old symptom
        frame.works, frame.symptom = True, None
    elif receiving_only:
        frame.works = False  # what works is receiving, the sending is the fault
    # ("odesílání taky jde, přišlo mi to. díky moc": a success said and thanked for, whatever
    # the story before it; "…, ale odesílání ne" is a partial one)
    thanked_success = (
        lexicon.says("thanks", folded)
        and bool(phrases.SUCCESS_VERB.search(reported))
        and not phrases.CONTRAST.search(folded)
        # ("díky, už to jede. ještě byste mi poslali vyúčtování": a request of its own; "dala
        # jsem imap, ssl a ty porty. … díky" only tells what was filled in)
        and not (
            (frame.asks and "?" in text)
            or frame.still_wants
            or lexicon.says("adjacent", folded)
            or frame.adjacent_clauses
        )
    )
    if frame.works and frame.symptom and re.search(r"\bjinak\b", folded):
        frame.works = None  # "4 maily visí v K odeslání, jinak všechno funguje": the fault stays
    # ("…jméno bylo jen petr. přepsal jsem na celou adresu a už to prošlo": the story of the
    # fault first, the last sentence the success)
    last_told = sentences[-1].strip() if len(sentences) >= 2 else ""
    # ("…jen když posílám z mobilu. z webmailu to jde": the webmail works, not the device)
    ends_in_success = (
        bool(last_told)
        and lexicon.says("glad_it_works", last_told)
        and not lexicon.says("webmail", last_told)
    )
    if frame.works is None and "?" not in text and not frame.symptom and ends_in_success:
        frame.works = True
    if frame.works and (frame.needs_help or STILL_LOOKING.search(folded)):
        frame.works = None  # "mail chodí. já nevím, kde je to zaškrtávátko": still looking
    if lexicon.says("right_but_fails", folded):
        # "porty mám správně, tak kde je chyba?": the values told right, the fault asked
        frame.asks = [topic for topic in frame.asks if topic not in FIELD_TOPICS]
        frame.works = False
    frame.ends_working = (
        bool(frame.works)
        # ("Jaký návod 5 z 6? … Ale jinak děkuji, funguje to.": ends in success, asks nothing)
        and ("?" not in text or (ends_in_success and not frame.asks))
        and not frame.symptom
        # ("…chybu (0x80042109) … Co s tím? Příjem jde.": the receiving half, a fault asked about)
        and not (frame.error_code or ("?" in text and lexicon.says("receive_works", folded)))
        and (
            thanked_success
            or (len(sentences) >= 2 and lexicon.says("glad_it_works", " ".join(sentences[-2:])))
            or ends_in_success
            # ("…, ověření jsem zapnul, dal Přihlásit se a načetlo to poštu!": a story of what
            # was done that ends in success; the topics it names are told, not asked)
            or (
                len(folded.split()) > STORY_WORDS
                and lexicon.says("glad_it_works", reported)
                and not VALUE_QUESTION.search(folded)
                and not lexicon.says("adjacent", folded)
                and not lexicon.says("more_to_do", folded)
            )
        )
        and not lexicon.says("device_asks", sentences[-1])
        # ("opraveno na .net, teď ještě porty pro IMAP": a value still asked for)
        and not frame.still_wants
        # ("a kde přesně to v lumii najdu? účet tam mám nastavenej dávno": a place asked)
        and not phrases.WHERE_ASKED.search(folded)
        # ("…odeslalo to. jak to má změnit v iPhonu, to mi ještě napište": a how asked last)
        and not (
            phrases.WAY_WORD.search(sentences[-1])
            and not lexicon.says("glad_it_works", sentences[-1])
        )
    )
    # (the customer area or webmail is no screen of the device: "v Manageru jsem se přihlásila")
    # ("heslo jsem změnil v manageru. zadal jsem ho do telefonu a vyskočilo, že nemůže najít
    # nastavení": the sentences about the device are read)
    on_device = " ".join(
        part for part in re.split(r"(?<=[.;!?])\s+", folded) if not ELSEWHERE.search(part)
    )
    on_device = NEWEST_SYSTEM.sub(" ", on_device)  # ("s posledním iOS": no last screen)
    frame.position = where(on_device, frame.device or device) if on_device.strip() else None
    if (
        frame.position
        and frame.position.at_notice
        and frame.position.step < knowledge.form_step(frame.device or device)
        and FORM_FILLED.search(folded)
    ):  # "vyplnila jsem servery a píše to, že se nejde připojit": a fault after the form
        frame.position = None
    steps = len(knowledge.steps(frame.device or device))
    if frame.symptom and frame.position and (frame.position.by_label or in_walkthrough):
        # "napsalo to Nelze ověřit název účtu nebo heslo a objevily se kolonky": the Mac's form
        # (the notice of this step, or of the next one after its button)
        at = frame.position.step
        shown = next(
            (s for s in (at, at + 1) if notice_named(folded, frame.device or device, s)), None
        )
        if shown:
            frame.symptom, frame.works, frame.notice = None, None, True
            if shown != at:
                frame.position = Position(shown, at_notice=True)
    frame.step, frame.step_explicit = _step(folded, frame.position, steps)
    # ("tři čárky", "tři tečky": the menu's icon, no step number the model may have read in it)
    if frame.step is None and not MENU_ICON.search(folded):
        frame.step = next(
            (int(v) for v in _entities(message, "step") if v.isdigit() and 1 <= int(v) <= steps),
            None,
        )
        frame.step_explicit = frame.step is not None
    _screen_report(frame, text, folded, device)
    # the fields it names are told, not asked ("mám to, zadal jsem mail a heslo", "dal jsem
    # jiný, adresu a heslo, ruční nastavení a IMAP": a story of the screens passed)
    if (
        told_finished(text, folded)
        or _told_filled(frame, text, folded)
        or _told_story(frame, text, folded)
        # ("mám napsaný mail a heslo, dole je Připojit, mám ho zmáčknout?": the button asked)
        or (lexicon.says("filled", folded) and TAP_IT.search(folded) and not frame.symptom)
    ):
        frame.asks = [topic for topic in frame.asks if topic not in FIELD_TOPICS]
    if (
        frame.asks == ["pop_vs_imap"]
        and frame.position
        and not (frame.position.at_notice or frame.position.by_label)  # a screen described
        and lexicon.says("seeing_marker", folded)
        and not any(
            re.search(r"imap|pop", fold(label))
            for label in knowledge.steps(frame.device or device)[frame.position.step - 1].labels
        )
    ):  # "koukám na výběr typu účtu, kterej?" on the Lumia: the list's "jiný účet", no protocol
        frame.asks = []
    if (
        frame.position
        and frame.position.at_notice
        and "?" not in text
        and PROGRAM_REPORTED.search(folded)
    ):  # ("heslo jsem změnil, zadal ho do telefonu a vyskočilo, že nastavení nenašel": the
        # notice is where they are; the new password is told, not asked about)
        frame.asks = [t for t in frame.asks if t not in PASSWORD_TOLD]
    frame.identity = bool(phrases.IDENTITY.search(folded))
    _situation(frame, folded)
    if frame.position and (
        ("?" not in text and lexicon.says("place_described", folded))
        or WHERE_TO_CHOOSE.search(folded)
    ):
        # "jsem u toho, kde si vybírám, jaký typ účtu přidat": the screen, no choice asked;
        # "jsem v dalších volbách, kde vyberu IMAP?": where on the way, not which one
        frame.asks = [t for t in frame.asks if t != "pop_vs_imap"]
    # "mluvím s člověkem?" asks who answers; "s automatem psát nechci, chci člověka" asks for one
    # ("než se někdo ozve – jaký je port?": the wait for the colleagues, no new request)
    asked_for = WAITING_FOR_CALL.sub(" ", folded)
    frame.person = lexicon.says("person_request", asked_for) and not (
        (frame.identity and "?" in text and not _told_plainly(asked_for))
        or lexicon.says("own_colleague", folded)  # ("zbytek si zjistím u podpory": later, alone)
        or lexicon.says("handoff_cancel", folded)  # ("I don't need the callback anymore")
    )
    if (
        frame.person
        and lexicon.says("person_if_fails", folded)
        and any(
            "?" in sentence or lexicon.says("asking_sentence", sentence)
            for sentence in sentences_of(folded)
            if not lexicon.says("person_request", sentence)
        )
    ):  # the other question answered now, the person offered for afterwards
        frame.person, frame.person_later = False, True
    frame.adjacent = lexicon.says("adjacent", unaddressed)
    if frame.symptom == "certificate" and frame.adjacent and WEBSITE.search(folded):
        frame.symptom = None  # "nejde otevřít náš web, stránka není zabezpečená": the web's
    phone = lexicon.load()["contact_phone"].search(text)
    frame.phone_number = phone.group(0).strip() if phone else None
    term = lexicon.load()["what_is"].search(folded)
    named = (
        re.search(
            # ("k čemu je ten ssl0 server?": the server, not SSL)
            r"imap|pop3?|smtp|ssl(?!0)|tls|zabezpeceni|sifrovani|prichoz|odchoz|incoming|outgoing|port"
            r"|server|ssl0",
            term.group(0),
        )
        if term
        else None
    )
    # ("není TLS to samé co SSL?": the TLS choice explained, not SSL's meaning alone)
    tls = term is not None and re.search(r"\b(start)?tls\b(?!\s*/)", term.group(0)) is not None
    frame.term = "tls" if tls else _term(named.group(0)) if named else None
    if frame.term == "server":  # "k čemu je ten ssl0 server?": the word, then the server's name
        frame.asks = ["term", "server"] + [
            t for t in frame.asks if t not in ("term", "server", "server_zero", "server_check")
        ]
    if frame.term == "port":  # "co je to ten port?": the word, then every port with its server
        frame.asks = ["term", "port_table"] + [t for t in frame.asks if t not in ("term", "port")]
    _form_fields(frame, folded)
    if "field" in frame.asks and SEEN_LISTED.search(folded) and not FIELD_ASKED.search(folded):
        # "nevidím pokročilé nastavení, je tam jen název účtu, stahovat nový obsah…": what the
        # screen shows, listed, no question about the field
        frame.asks = [topic for topic in frame.asks if topic != "field"]
    _protocol_choice(frame, folded)
    if "port_not_entered" in frame.asks:
        # "kam dám ten port 465, když tam kolonka není?": a port they cannot enter, no claim
        frame.ports, frame.port_claims = [], []
    if (
        "port_not_entered" in frame.asks
        and (frame.protocols or frame.security)
        # (in the port's own sentence: "…port jsem nikam nedala. co teď?" asks no value)
        and any(
            VALUE_QUESTION.search(part) for part in re.split(r"[.!?]+", folded) if "port" in part
        )
    ):
        # "nikde jsem nezadal port, jaký dát pro SMTP bez SSL?": that port
        frame.asks = [t if t != "port_not_entered" else "port" for t in frame.asks]
    if WANTS_TO_KNOW.search(folded) and not frame.symptom:
        # "potřebuju vědět: server, port… a jestli tam má být zaškrtnuté ověřování": every item
        # listed is asked, whatever the words of filling in it holds
        frame.asks += [topic for topic in in_all if topic not in frame.asks]
    return frame


def _per_device(folded: str) -> bool:
    """A computer and a phone both named: what is said may be each one's own."""
    return bool(devices.COMPUTER_WORDS.search(folded) and devices.PHONE_WORDS.search(folded))


# "dobře, heslo změním": what the customer will do, told – no question about it
PLAN_TOLD = re.compile(
    r"\b(zmenim|prepisu|opravim|udelam|zkusim|nastavim|zkontroluju|zkontroluji|smazu|vymenim)\b"
)
# "…a jak zjistím, co mám v iPhonu?": a question about the device they have, answered with its
# own place (answers.type_had), the one wished for set up
TYPE_FOUND_OUT = re.compile(r"\b(poznam|poznat|zjistim|zjistit|uvidim|overim|overit)\b")


def _protocol_choice(frame: Frame, folded: str) -> None:
    """ "Chce to vybrat IMAP nebo POP a vyplnit servery" describes the screen (no question of
    which is better); "…IMAP nebo POP3. Co zvolit a liší se pak server?" asks both."""
    choosing = lexicon.says("which_to_choose", folded)
    # ("na počítači chci IMAP a na mobilu POP, jaké porty dám kde?": each device's own, chosen)
    if _per_device(folded) and "port" in frame.asks:
        choosing = False
    if {"imap", "pop3"} <= set(frame.protocols) and choosing and "pop_vs_imap" not in frame.asks:
        frame.asks = ["pop_vs_imap"] + frame.asks
    elif lexicon.says("choice_on_screen", folded) and not (
        choosing
        or phrases.ADVICE_WORDS.search(folded)
        or re.search(r"\b(imap|pop3?)\)?\s*\?", folded)  # "mám si vybrat IMAP nebo POP3?"
    ):
        frame.asks = [topic for topic in frame.asks if topic != "pop_vs_imap"]


def _form_fields(frame: Frame, folded: str) -> None:
    """ "Co napíšu do Název účtu a do Vaše jméno?": each field's meaning (terms in
    knowledge.yml); "Vaše jméno" is then no question for the user name."""
    if not lexicon.says("field_question", folded) or (
        lexicon.says("filled", folded) and lexicon.says("next_action", folded)
    ):  # "název účtu mám vyplněný, co teď?" asks for the next step
        return
    if frame.notice:
        return  # "píše to Nelze ověřit název účtu nebo heslo. je heslo špatně?": the notice's words
    frame.fields = [
        name
        for name, term in knowledge.load()["terms"].items()
        if term.get("field") and lexicon.says(f"term_{name}", folded)
    ]
    if frame.fields:
        frame.asks = [
            topic
            for topic in frame.asks
            if topic not in ("username", "settings")
            or re.search(r"uzivatel|login", folded)
            # ("hromada políček, název účtu, … server příchozí pošty… co tam píšu?": the form)
            or (topic == "settings" and re.search(r"\bserver|\b(hromad|spoust|plno)\w", folded))
        ] + ["field"]


# Two pairings of a choice and a port offered: "zaškrtnout a dát 465, nebo nechat a dát 587?"
def one_protocols_pairings(claims: List[Tuple[int, Optional[str], Optional[str]]]) -> bool:
    """Two ports of one protocol named ("587 a Žádné, nebo 465 a SSL/TLS?"): a choice between
    its two pairings."""
    owners = {knowledge.protocol_for_port(n) for n, _, _ in claims}
    return len(claims) == 2 and len({o[0] for o in owners if o}) == 1


PAIRS_CHOICE = re.compile(
    r"\b\d{3}\b[^?.]{0,40}\bnebo\b[^?.]{3,50}\b\d{3}\b[^.!]*\?"
    # "port tam byl 587, šifrování Žádné. mám to nechat, nebo dát 465 a SSL/TLS?": kept or changed
    r"|\b(nechat|ponechat|necham)\b[^?.]{0,15}\b(nebo|ci)\b[^?.]{0,30}\b\d{3}\b[^.!]*\?"
)
# A screen asking for a list of fields: "teď chce jméno, e-mail, heslo a popis"
LISTED_FIELDS = re.compile(
    r"\b(chce|chteji|pta se na|vyzaduje|je tam|jsou tam|mam tam|vidim)\b[^.?!]{0,15}"
    r"\b\w+, \w+,? (\w+ )?(a|i) \w+"
)
WHAT_THERE = re.compile(r"\bco (tam |do toho |do nich )?(mam )?(dat|napsat|vyplnit|zadat)\b")


def _screen_report(frame: Frame, text: str, folded: str, device: Optional[str]) -> None:
    """A report of the screen names its fields and words, it does not ask about them:
    "políčka mám vyplněná, server, jméno, heslo… které tlačítko?", "po zadání mailu a hesla
    napsala, že se nepodařilo…", "telefon napsal, že nenašel nastavení"."""
    if not frame.position or frame.unsure:
        return
    if LISTED_FIELDS.search(folded) and WHAT_THERE.search(folded) and not frame.symptom:
        # ("…jiný a teď chce jméno, e-mail, heslo a popis. co tam mám dát?": the screen's step)
        frame.asks = [topic for topic in frame.asks if topic not in FIELD_TOPICS]
        return
    if lexicon.says("value_question", folded):
        return
    if frame.hosts or frame.ports:  # "server jsem napsal ssl.ovh.net": a value to check
        return
    filled = (
        lexicon.says("filled", folded)
        and not lexicon.says("negation", folded)  # "není zaškrtnuté ověřování": a fault
    ) and ("?" not in text or lexicon.says("next_action", folded))
    # ("skončil jsem tam, kde se zadává adresa a heslo. jak dál?": the fields are the place)
    filled = filled or (
        lexicon.says("fields_as_place", folded)
        and ("?" not in text or lexicon.says("next_action", folded))
    )
    # ("…vyplnil jsem adresu a heslo a teď se to ptá na server": the server is asked)
    if filled and not lexicon.says("device_asks", folded):
        frame.asks = [topic for topic in frame.asks if topic not in FIELD_TOPICS]
    elif frame.position.at_notice and lexicon.says("seeing_marker", folded):
        frame.asks = [topic for topic in frame.asks if topic != "settings"]
    elif (
        "?" not in text
        and not frame.symptom  # "píše neplatné uživatelské jméno": a fault, not a label
        and frame.position.step == knowledge.form_step(frame.device or device)
        and lexicon.says("seeing_marker", folded)
        and not lexicon.says("device_asks", folded)  # ("a ještě to chce uživatele a heslo")
    ):  # "jsem na obrazovce, kde je imap hostname, username, password": the form's labels
        frame.asks = [topic for topic in frame.asks if topic not in FIELD_TOPICS]
    elif (
        "?" not in text
        and frame.position.step > knowledge.form_step(frame.device or device)
        and lexicon.says("done_marker", folded)
    ):  # "dala jsem to bez portu, … Uložit. uložila jsem": past the form, its fields are told
        frame.asks = [topic for topic in frame.asks if topic not in FIELD_TOPICS]


STORY_WORDS = 8  # longer than "aha, už to mám" (a step done): a story of what was done
# A question for a value ("co tam dám?", "jaký server?"), beside not finding something.
# The account form told as filled in: what it shows next is past the form
FORM_FILLED = re.compile(
    r"\b(vyplnil\w*|vyplnen\w*|zadal\w*|napsal\w*)( jsem| sem)?( tam| uz)?( ty| vsechny)?"
    r" (servery|server|formular|udaje|hodnoty|vse|vsechno|kolonky|policka)\b"
)
# Places outside the phone or program: the customer area, webmail ("v Manageru jsem se přihlásila")
ELSEWHERE = re.compile(
    r"\b(v|ve|do|z|na) (manager\w*|zakaznick\w* (prostor|ucet|uctu|zon)\w*|webmail\w*|administrac\w*)"
)
# "mám ho zmáčknout?", "můžu to odkliknout?": the button just named
TAP_IT = re.compile(
    r"\b(mam|muzu|mohu|staci|musim)\s+(ho|to|jej|ji)\s+(ted\s+|uz\s+)?"
    r"(zmacknout|kliknout|odkliknout|klepnout|z?tuknout|stisknout|potvrdit|dat)\W*\?"
)
PASSWORD_TOLD = {"password", "mailbox_password", "password_everywhere"}
NO_GUIDE = re.compile(
    r"\b(zadn\w*|nijak\w*) (\w+ )?(navod\w*|postup\w*)|\b(navod\w*|postup\w*) (\w+ )?(nechci|nepotrebuj\w*"
    r"|nespoust\w*|nespustil\w*|nezadal\w*)|\bnechci (zadn\w* )?(navod\w*|postup\w*)"
)
WHERE_TO_CHOOSE = re.compile(
    r"\b(kde|kam|jak)\b( \w+)?( se| si)? (vyber\w*|zvol\w*|najd\w*|nastav\w*|dam)\b"
)
# "mám otevřené", "nic nemám otevřený": a screen (or nothing) opened, no word of the ticket
OPENED_ALONE = re.compile(
    r"^(?!.*\b(ticket|tiket|smtp|open|pozadav|upozorn|hlasen|oznamen|spam|zablok|relay|nezabezpec"
    r"|overen|autentiz|odesil|odchoz)\w*)(?=.*\botevren\w*)"
)
VALUE_QUESTION = re.compile(r"\b(jak\w*|co|kter\w*|kolik)\b")


# An e-mail address: its words are the customer's names, no topic ("fakturace@firma.cz")
ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")

# A log-in method by the name programs give it (Thunderbird: „Normální heslo“, „Šifrované heslo“)
AUTH_METHOD_NAME = re.compile(r"\b(normaln\w*|sifrovan\w*|nesifrovan\w*|obycejn\w*) hesl\w*")

# a screen or section named after the server ("obrazovka Nastavení odchozího serveru")
SERVER_AS_PLACE = re.compile(
    r"\b(nastaveni|obrazovk\w*|sekc\w*|karta|karte|zalozk\w*|okn[oe]|oddil\w*) (\w+ )?server\w*"
)


def _works_in_webmail_only(folded: str) -> bool:
    """ "Heslo jsem ověřila ve webmailu, funguje", "ve webmailu to jde, v telefonu ne": what
    works is the webmail, not the device (a bare "funguje" belongs to the clause before it)."""
    parts = clauses(folded)
    said = [
        lexicon.says("webmail", clause)
        or (i > 0 and len(clause.split()) <= 2 and lexicon.says("webmail", parts[i - 1]))
        for i, clause in enumerate(parts)
        if phrases.WORKS.search(clause)
    ]
    return bool(said) and all(said)


REFUSED = re.compile(r"\b(nepotrebuj\w*|nechci|nezajima\w*|neresim|nepotrebujem)\b")


def _without_refused(folded: str) -> str:
    """The message without its clauses that refuse a topic ("porty nepotřebuju")."""
    parts = re.split(r"(?<=[.!,;])\s+", folded)
    return " ".join(p for p in parts if "?" in p or not REFUSED.search(p) or len(p.split()) > 5)


def _asked_part(text: str, folded: str) -> str:
    """With a question mark in the message, its sentences that only tell ("Vyplnila jsem
    server, port a šifrování. Ale kde je ta karta s ověřením?") ask nothing: the topics are
    read from the asking ones."""
    if "?" not in text:
        return folded
    sentences = [part for part in sentences_of(folded) if part.strip()]
    asking = [s for s in sentences if "?" in s or lexicon.says("asking_sentence", s)]
    return " ".join(asking) if asking and len(asking) < len(sentences) else folded


def told_finished(text: str, folded: str) -> bool:
    """ "Dal jsem to bez portu a pak uložil": a step finished, told – no question, nothing the
    device shows or asks for now."""
    return _told(text, folded) and lexicon.says("finished", folded)


def _told_filled(frame: Frame, text: str, folded: str) -> bool:
    """ "Zadal jsem mail a heslo": fields filled, told – not "nemám zaškrtnuté ověřování" (a
    fault) nor "zadal jsem heslo a píše to chybu" (a problem)."""
    return (
        _told(text, folded)
        and lexicon.says("filled", folded)
        and not lexicon.says("value_question", folded)  # "…prosím jen o port, zbytek mám"
        and not lexicon.says("negation", folded)
        and not (frame.symptom or frame.works is False or frame.notice)
    )


def _told_story(frame: Frame, text: str, folded: str) -> bool:
    """The labels of the screens passed, told with a word of doing and no value or fault."""
    return (
        _told(text, folded)
        and bool(frame.position and frame.position.by_label)
        and lexicon.says("done_marker", folded)
        and not (frame.symptom or frame.works is False or frame.ports or frame.hosts)
        # ("…prosím jen o číslo portu", "zrovna vyplňuju formulář": asked, or still at it)
        and not any(lexicon.says(e, folded) for e in ("value_question", "activity"))
    )


def _told(text: str, folded: str) -> bool:
    """No question in the message, nothing the device shows or asks for now."""
    return (
        "?" not in text
        and not VALUE_QUESTION.search(folded)
        and not any(lexicon.says(e, folded) for e in ("device_asks", "seeing_marker"))
        # ("heslo jsem zadal to od zákaznického účtu, jestli to nevadí": asked, no mark)
        and not INDIRECT_CHECK.search(folded)
    )


INDIRECT_CHECK = re.compile(
    r"\b(jestli|zda|zdali)\b( to| je)?( to)? (nevadi|vadi|staci|je (to )?(dobre|spravne|ok|v poradku))"
)


def _about_password(text: str, folded: str) -> bool:
    """The message names the password, or the channel redacted one from it."""
    return REDACTED in text or bool(PASSWORD_KEYWORD.search(folded))


def _told_plainly(folded: str) -> bool:
    """A person asked for in a sentence of its own, no question ("mluvím s robotem? chci
    normální podporu")."""
    return any(
        lexicon.says("person_request", sentence) and not sentence.rstrip().endswith("?")
        for sentence in sentences_of(folded)
    )


def _situation(frame: Frame, folded: str) -> None:
    """How the customer says where they are: a confirmation, "where were we"."""
    short = len(folded.split()) <= 12
    frame.confirms = (
        short
        and lexicon.says("confirm", folded)
        and not frame.needs_help
        and not frame.symptom
        and not frame.asks
        and not phrases.WHERE_ASKED.search(folded)
    )
    frame.where_were_we = lexicon.says("where_were_we", folded)


# "nevím, kde je to zaškrtávátko", "nevidím, jak to zapnout": a place still looked for
STILL_LOOKING = re.compile(
    r"\b(nevim|nevidim|nemuzu najit|nenasel jsem|nenasla jsem|nenachazim)\b,?\s+(kde|jak|kam)\b"
)
# The fault said fixed ("opraveno", "už to odchází", "přepsal jsem server")
FIX_TOLD = re.compile(
    r"\b(opraven\w*|opravil\w*|spraven\w*|vyresen\w*|uz (to )?(jde|funguje|odchazi|posila|jede)"
    r"|zapnul\w*|prepsal\w*|zmenil\w*|nastavil\w*|zaskrtl\w*|dal jsem \d+"
    # "teď zkušební odešel": the test message went out
    r"|(zkusebni|testovaci)\w* (mail\w* |zprav\w* |e-?mail\w* )?(odesel|odesla|odeslo|prisel|prisla|prislo))\b"
)
STAYS_AS_IT_WAS = re.compile(
    r"\b(zustav\w*|zustan\w*)\b,?\s+(jak\w*\s+(byl\w*|je|jsou)|stejn\w*|beze zmen\w*|nezmenen\w*|puvodn\w*)"
)


def _sending_fails(folded: str) -> Optional[str]:
    """ "maily ven nejdou, dovnitř ano": a clause that says sending fails (another may say
    receiving works); receiving failing too is "nothing works"."""
    folded = STAYS_AS_IT_WAS.sub(" ", folded)  # "a odchozí port zůstává, jak byl?": a value
    clauses = re.split(r"[,;.!?]|\b(?:ale|a|i|zato|but)\b", folded)
    if lexicon.says("send_fails_contrast", folded):
        return "cannot_send"  # "kolega posílá normálně, já ne"
    if not any(c and lexicon.says("send_fails", c) for c in clauses):
        # "tiskárnu, co skenuje do mailu, a od týdne to nejde": a device that only sends
        return "cannot_send" if lexicon.says("printer_fails", folded) else None
    receiving_fails = any(
        c
        and re.search(r"\b(prijem|prijim\w*|prichoz\w*|dovnitr|stahov\w*)", c)
        and not lexicon.says("receive_works", c)
        and not lexicon.says("send_fails", c)
        for c in clauses
    )
    return "nothing_works" if receiving_fails else "cannot_send"


def _term(word: str) -> Optional[str]:
    if word in ("zabezpeceni", "sifrovani"):  # the SSL choice by the program's own name
        return "ssl"
    if word in ("prichoz", "odchoz", "incoming", "outgoing"):
        return "directions"  # "co je příchozí a co odchozí pošta?"
    if word == "port":
        return "port"
    if word in ("server", "ssl0"):
        return "server"
    protocol = canonical_protocol(word)
    if protocol in knowledge.protocols():
        return protocol
    return "ssl" if canonical_security(word) == "ssl" else None
