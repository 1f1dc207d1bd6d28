"""Setting up without typing: an Apple configuration profile for one address, and the Mozilla
autoconfig file for a whole domain (built and served by mailconfig/ from signed, expiring links
that hold no address in clear text). The bot asks for the address or the domain, never for a
password (the device asks for it)."""

import re
from typing import Optional

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge, lexicon
from actions.context import Events, Turn, customer_texts, last_responses
from actions.pending import Pending
from mailconfig import links
from mailconfig.autoconfig import AUTOCONFIG_PATH, validate_domain
from mailconfig.mobileconfig import validate_address

ADDRESS_LIKE = re.compile(r"\S*@\S*")
DOMAIN_LIKE = re.compile(r"\b[\w-]+(?:\.[\w-]+)+\b")
# A yes/no question whether the profile can be used ("jde ten profil použít na obou?")
CAN_QUESTION = re.compile(r"\b(jde|pujde|lze|da se|funguje|muzu|mohu|muzeme|umi)\b[^?]*\?")


def _hours() -> int:
    return max(1, round(links.lifetime_seconds() / 3600))


def answer_profile_delivery(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """How the link reaches the device: the QR code, a click on a Mac, a new link when expired."""
    dispatcher.utter_message(response="utter_profile_delivery", hours=_hours())
    return [SlotSet("last_topic", "profile")]


def said_address(text: str) -> Optional[str]:
    """What the customer wrote as an address: "" when none, the token when one (maybe bad)."""
    found = [token.strip(".,;:!?()\"'") for token in ADDRESS_LIKE.findall(text)]
    if not found:
        return None
    return found[0] if len(found) == 1 else " ".join(found)  # two: not one address


# A Mac downloads and installs the profile its own way (System Settings, not iOS's Settings).
ON_A_MAC = {
    "utter_profile_link": "utter_profile_link_mac",
    "utter_profile_install": "utter_profile_install_mac",
    "utter_profile_help": "utter_profile_help_mac",
}


# Said in English to a customer who writes English
IN_ENGLISH = {
    "utter_profile_link": "utter_en_profile_link",
    "utter_profile_install": "utter_en_profile_install",
    "utter_profile_link_mac": "utter_en_profile_link_mac",
    "utter_profile_install_mac": "utter_en_profile_install_mac",
    "utter_ask_profile_address": "utter_en_ask_profile_address",
}


def profile_response(name: str, device: Optional[str], english: bool = False) -> str:
    """The profile response `name` as said for the device (and in English when asked so)."""
    guide = knowledge.guides().get(device or "")
    on_mac = guide and guide.profile and guide.kind == "computer" and name in ON_A_MAC
    said = ON_A_MAC[name] if on_mac else name
    return IN_ENGLISH.get(said, said) if english else said


def answer_profile(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """ "Pošlete mi ten profil": on a device that takes one, the link (or the question for the
    address first); elsewhere, what that device does instead."""
    if turn.device in knowledge.guides() and not knowledge.guide(turn.device).profile:
        dispatcher.utter_message(response="utter_profile_not_apple")
        return []
    folded = turn.frame.folded
    if CAN_QUESTION.search(folded) and "profil" in folded:  # "jde ten profil použít i na Macu?"
        dispatcher.utter_message(response="utter_profile_apple_yes")
    said = said_address(turn.frame.text) or address_told_before(turn)
    if said is None and "pop3" in turn.frame.protocols:  # "profil, ale s POP3": said, and kept
        dispatcher.utter_message(response="utter_ask_profile_address_pop3")
        return [
            SlotSet("pending_question", Pending.PROFILE_ADDRESS.value),
            SlotSet("protocol", "pop3"),
        ]
    if said is None:
        english = turn.frame.language == "en"
        dispatcher.utter_message(
            response=profile_response("utter_ask_profile_address", turn.device, english)
        )
        return [SlotSet("pending_question", Pending.PROFILE_ADDRESS.value)]
    return answer_profile_address(dispatcher, turn, said)


def address_told_before(turn: Turn) -> Optional[str]:
    """The one mailbox address the customer wrote earlier in the chat ("adresa je jana@…" in
    the first message): not asked for again. None when none, or several, were written."""
    found = {
        address
        for text in customer_texts(turn.tracker)[:-1]
        if (said := said_address(text)) and (address := validate_address(said))
    }
    return found.pop() if len(found) == 1 else None


def answer_profile_address(
    dispatcher: CollectingDispatcher, turn: Turn, said: Optional[str] = None
) -> Events:
    said = said or said_address(turn.frame.text) or ""
    address = validate_address(said)
    if not address:  # markup, two addresses, a very long one: asked again, no profile
        dispatcher.utter_message(response="utter_profile_bad_address")
        return [SlotSet("pending_question", Pending.PROFILE_ADDRESS.value)]
    protocol = "pop3" if "pop3" in turn.frame.protocols or turn.protocol == "pop3" else "imap"
    link = links.profile_link(address, protocol)
    english = turn.frame.language == "en"
    dispatcher.utter_message(
        response=profile_response("utter_profile_link", turn.device, english),
        address=address,
        protocol_label=knowledge.protocol_label(protocol),
        link=link,
        hours=_hours(),
        image=links.qr_link(link),
    )
    dispatcher.utter_message(
        response=profile_response("utter_profile_install", turn.device, english)
    )
    # "a jak ho pak smažu?" next is about the profile
    return [SlotSet("pending_question", None), SlotSet("last_topic", "profile")]


def answer_autoconfig(dispatcher: CollectingDispatcher, turn: Turn, where: bool = False) -> Events:
    """The domain's config-v1.1.xml and where it belongs on the customer's website; asked
    where it goes or what is in it (`where`) with no domain named: that, and the domain."""
    candidates = ADDRESS_LIKE.findall(turn.frame.text) or DOMAIN_LIKE.findall(turn.frame.text)
    named = [c for c in candidates if not c.lower().startswith(("config-v1", "autoconfig"))]
    named = [c for c in named if "well-known" not in c and not c.endswith(".xml")]
    # our mail server is no customer's domain ("v Outlooku mám ssl0.ovh.net")
    named = [c for c in named if not _our_server(c)]
    if not named and where and "utter_autoconfig_link" in last_responses(turn.tracker):
        # "a kam ten soubor nahraju?" right after the file: where it goes, no domain asked again
        dispatcher.utter_message(response="utter_autoconfig_upload", path=AUTOCONFIG_PATH)
        return [SlotSet("last_topic", "autoconfig")]
    if not named and (where or lexicon.says("where_to_put", turn.frame.folded) or turn.frame.asks):
        dispatcher.utter_message(
            response="utter_autoconfig_where",
            path=AUTOCONFIG_PATH,
            server=knowledge.server("incoming"),
            **{f"{p}_ssl": knowledge.port(p, "ssl") for p in ("imap", "pop3", "smtp")},
        )
        return [
            SlotSet("pending_question", Pending.AUTOCONFIG_DOMAIN.value),
            SlotSet("last_topic", "autoconfig"),
        ]
    if not named:
        if turn.pending == Pending.AUTOCONFIG_DOMAIN and turn.frame.text:
            dispatcher.utter_message(response="utter_autoconfig_bad_domain")
        else:
            dispatcher.utter_message(response="utter_ask_autoconfig_domain")
        return [SlotSet("pending_question", Pending.AUTOCONFIG_DOMAIN.value)]
    domain = validate_domain(named[0].strip(".,;:!?()\"'")) if len(named) == 1 else None
    if not domain:
        dispatcher.utter_message(response="utter_autoconfig_bad_domain")
        return [SlotSet("pending_question", Pending.AUTOCONFIG_DOMAIN.value)]
    link = links.autoconfig_link(domain)
    dispatcher.utter_message(
        response="utter_autoconfig_link",
        domain=domain,
        link=link,
        path=AUTOCONFIG_PATH,
        hours=_hours(),
    )
    return [SlotSet("pending_question", None), SlotSet("last_topic", "autoconfig")]


def _our_server(name: str) -> bool:
    return name.strip(".,;:!?()\"'").lower() in knowledge.our_servers()


def autoconfig_reader(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """ "Přečte to i Outlook?" after the autoconfig file: whether that program reads it (the
    guides' `autoconfig`), and what sets that device up instead."""
    guide = knowledge.guide(turn.frame.device)
    if guide.autoconfig:
        dispatcher.utter_message(response="utter_autoconfig_read_by", device=guide.name)
    else:
        dispatcher.utter_message(
            response="utter_autoconfig_not_read_by",
            device=guide.name[:1].upper() + guide.name[1:],  # it opens the sentence
            instead=(
                "Pro iPhone, iPad a Mac je tu konfigurační profil – stačí napsat „profil“."
                if guide.profile
                else "Tam údaje vyplníte ručně – rád Vás provedu krok za krokem."
            ),
        )
    return [SlotSet("last_topic", "autoconfig")]


def autoconfig_hosting(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    """ "Stačí to nahrát přes FTP? Musí to být https?": how the file gets onto the website."""
    dispatcher.utter_message(response="utter_autoconfig_hosting", path=AUTOCONFIG_PATH)
    return [SlotSet("last_topic", "autoconfig")]
