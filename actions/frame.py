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
from typing import Any, Dict, List, Optional

from actions import knowledge
from actions.understanding import (
    canonical_protocol,
    canonical_security,
    latest_intent,
    protocols_in_text,
    security_in_text,
)
from czech_nlu.folding import fold

# Topics a message can ask about, each found by its own words (folded text). The port topic
# is a noun ("port", "portu", "porty"), never "podpora" or "portál".
TOPIC_WORDS = {
    "port": re.compile(r"\bport(u|y|a|em|ech|um|o|s|ov)?\b|\bportov\w*"),
    "server": re.compile(r"\bserver\w*|\bhost ?name\b|\bsmtp adres\w*"),
    "username": re.compile(
        r"\buzivatelsk\w* jmen\w*|\bjmen\w* uzivatel\w*|\bnazev uzivatel\w*|\blogin\w*"
        r"|\busername\b|\buser name\b|\bprihlasovaci jmen\w*|\bpouzivatelsk\w* men\w*"
        r"|\bprihlasovaci udaj\w*|\bco (zadat|napsat|dat|vyplnit) (jako|do) (jmen\w*|uzivatel\w*)"
    ),
    "password": re.compile(
        r"\b(kde|jak[eyo]?|ktere|co|odkud)\b[^.?!]{0,30}\bhesl\w*"
        r"|\bhesl\w*[^.?!]{0,25}\b(najdu|zjistim|vezmu|ziskam|zjistit|najit)\b"
        r"|\bzapomn\w*[^.?!]{0,20}\bhesl|\b(zmen|zmenit|obnov)\w*[^.?!]{0,15}\bhesl|\bhesl\w* [^.?!]{0,10}\bzmen"
        r"|\bwhich password|\bwhere\b[^.?!]{0,20}\bpassword"
    ),
    "pop_vs_imap": re.compile(
        r"\brozdil\w*|\bco je lepsi\b|\bimap\w*,? nebo pop\w*|\bpop\w*,? nebo imap\w*|\bcim se lis\w*"
    ),
    "settings": re.compile(
        r"\b(cele|kompletni|vsechn[ao]|vsechny) (nastaveni|udaje|hodnoty|parametry)"
        r"|\bcely (formular|postup nastaveni)|\bsettings\b"
    ),
}
# "na serveru" / "u odchozího serveru" inside a port question names where, not what is asked.
SERVER_ASKED = re.compile(
    r"\b(jak\w*|kter\w*|co|adres\w*|nazev|jmeno|aky|aka|ake|what|which)\b(\W+\w+){0,3}?\W+server"
    r"|\bserver\w*\W*(:|je\b|jsou\b|mam\b|zadat\b|napsat\b|pouzit\b)"
)
# A number the customer has set and wants checked, not one whose purpose is asked.
CHECK_WORDS = re.compile(
    r"\bmam\b|\bmame\b|\bnastaven\w*|\bzadan\w*|\bvyplnen\w*|\bzadal\w*|\bnastavil\w*|\bdal\w* jsem"
    r"|\bpouzivam\b|\bje (to )?(dobre|spravne|ok|v poradku)|\bspravn\w*|\bdobre\b|\bproto\b"
    r"|\bnejde\b|\bnefunguje\b|\bi have\b|\bis (it|this|that) (right|correct|ok)"
)
PORT_AFTER_WORD = re.compile(r"\bport\w*\s*(?:c\.|cislo|number|no\.)?\s*:?\s*(\d{1,5})\b")
NUMBER = re.compile(r"(?<![\d.,:/-])\b(\d{2,5})\b(?![.,:/-]?\d)")

# SMTP replies of the 5.7.x family (RFC 3463 enhanced status codes) and the bare reply codes
# that carry them; "5.7.8" and "535" name the same failure.
ENHANCED_CODE = re.compile(r"\b[45]\.7\.\d{1,3}\b")
REPLY_CODE = re.compile(r"\b(530|535|550|553|554)\b(?![.,]?\d)")
SMTP_REPLY_WORDS = re.compile(
    r"authenticat\w*|credentials|relay\w*|not permitted|access denied|must authenticate|auth\w* required"
)

# Symptoms, each with the words customers use for it. Order matters: the first match wins.
SYMPTOM_WORDS = (
    ("certificate", re.compile(
        r"certifik\w*|certificate|\bidentit\w*\W+(\w+\W+){0,2}server|nelze overit|neduveryhodn\w*"
        r"|nezabezpecen\w* (pripojeni|spojeni)|\bcannot verify|\bnot trusted"
    )),
    ("pop3_elsewhere", re.compile(
        r"(precten|prectu|stahn|stazen|zmiz|chyb[ei]|nejsou|nevidim|neni)\w*\W+(\w+\W+){0,8}"
        r"(pocitac|notebook|laptop|ntb|pc\b|webmail|jinde|druh\w* zarizeni|tablet)"
        r"|(pocitac|notebook|laptop|ntb|webmail|tablet)\w*\W+(\w+\W+){0,8}(zmiz|nejsou|chybi|nevidim|nemam)\w*"
    )),
    ("not_arriving", re.compile(
        r"(neprich|nechod|neprisl|nedoraz|nezobraz|nestahuj|nesynchron|neaktualiz|nenacit)\w*"
        r"|(nov\w* )?(post|mail|zprav|email)\w*\W+(\w+\W+){0,4}(se )?(neobjevi|neukaz|nenacte)\w*"
    )),
    ("timeout", re.compile(
        r"time ?out|vyprs\w*|casov\w* limit|nelze (se )?pripojit|nepodarilo se (\w+ )?pripojit"
        r"|nemuze se pripojit|nepripoj\w*|server (ne)?neodpovida|server neodpovida|neni dostupn\w*"
        r"|nedostupn\w*|connection (failed|refused|timed)"
    )),
    ("login_failed", re.compile(
        r"(nejde|nemuzu|nelze|neda se|nepodari\w*|selha\w*|spatn\w*|nespravn\w*|odmit\w*|nebere|neprijm\w*|porad chce)"
        r"\W+(\w+\W+){0,4}(prihl\w*|login\w*|hesl\w*|jmen\w*)"
        r"|(prihl\w*|login\w*|hesl\w*)\W+(\w+\W+){0,4}(nejde|nefunguje|selha\w*|spatn\w*|nespravn\w*|odmit\w*|nebere)"
        r"|(hesl\w*|udaje)\W+(\w+\W+){0,3}(mam |je |jsou )?(urcite |stoprocentne |100 ?% )?(spravn|dobr)\w*"
    )),
)
# The Open SMTP ticket, named or described.
OPEN_SMTP_NAMED = re.compile(r"\bopen\W?smtp\b|\bopensmtp\b")
OPEN_SMTP_DESCRIBED = re.compile(
    r"(upozorn|ticket|tiket|tiketu|hlasen|oznamen|varovan|zablokov|blokac|mail od (vas|hostingu))\w*"
    r"\W+(\w+\W+){0,12}(nezabezpecen\w*|bez overeni|bez autentiz\w*|spam\w*|nevyzadan\w*|smtp\w*|odesil\w*|odchoz\w*)"
    r"|nezabezpecen\w* (odesil|odchoz|smtp|posil)\w*|(odesil|posil)\w* bez (overeni|autentiz)\w*"
)
SPAM = re.compile(r"\bspam\w*|nevyzadan\w*|hromadn\w* (post|mail)|zneuzit\w*|zneuziv\w*|napaden\w*|hacknut\w*")

# Walkthrough navigation in free text.
NEXT_WORDS = re.compile(
    r"^\W*(hotov\w*|hotovky|dalsi|jdem\w*|jedem\w*|udelal\w*|udelano|mam to|jo|ano|jasne|ok|oki|okej|done|next|pokracuj\w*|hnem|dal)\b"
)
HELP_WORDS = re.compile(
    r"\bnevidim\b|\bnenasel\w*|\bnenasla\w*|\bnemuzu najit|\bnemohu najit|\bneni tam\b|\bnikde\b|\bchybi\b|\bnemam tam\b"
)
ORDINALS = (
    (1, r"jednick\w*|prvni\w*|zacat\w*|zacatk\w*|jedna|jednu"),
    (2, r"dvojk\w*|druh(y|ym|emu|eho|ou)|dva"),
    (3, r"trojk\w*|tret\w*|tri"),
    (4, r"ctyrk\w*|ctvrt\w*|ctyri"),
    (5, r"petk\w*|pat(y|ym|eho|emu)|pet"),
    (6, r"sestk\w*|sest(y|ym|eho|emu)|sest"),
    (7, r"sedmick\w*|sedm(y|ym|eho|emu|a)?"),
    (8, r"osmick\w*|osm(y|ym|eho|emu|a)?"),
)
NAV_CONTEXT = re.compile(
    r"\bkrok\w*|\bjdi\b|\bjdeme\b|\bskoc\w*|\bprejd\w*|\bprepn\w*|\bvrat\w*|\bzac\w*|\bzpatky|\bzpet"
    r"|\bznovu|\brovnou\b|\bna\b|\bod\b|\bdo\b"
)
ALREADY_OPEN = re.compile(
    r"\buz\b|\botevren\w*|\botevrel\w*|\bvidim\b|\bjsem (v|ve|na)\b|\bklik\w*|\bklepl\w*|\bmam (pred sebou|otevren)"
)
GO_TO_WORDS = re.compile(
    r"\bchci\b|\bjdi\b|\bjdeme\b|\bskoc\w*|\bprejd\w*|\brovnou\b|\bkrok\w* (s|se)\b|\bvrat\w*|\bukaz\w*"
)

# Who the customer talks to.
IDENTITY = re.compile(
    r"\b(mluvim|pisu|bavim|komunikuju|komunikuji|chatuju|chatuji|hovorim)\w*( \w+){0,2} (s|se) (pocitac|robot|bot|stroj|automat|program|umel|clovek|\w*clovek)\w*"
    r"|\b(jsi|jste|si|ste) (\w+ )?(robot|bot|clovek|stroj|automat|program|umel\w* inteligenc\w*|skutecn\w*|realn\w*|ziv\w*)\b"
    r"|\bje (tam|tu|tady) (nekdo|clovek|ziv\w*)|\bziv\w* (clovek|osoba|operator)\b\?"
    r"|\bumel\w* inteligenc\w*|\bchatbot\w*|\bam i (talking|chatting) to"
)

# Language: English function words, and words that make a message Slovak rather than Czech.
ENGLISH_WORDS = re.compile(
    r"\b(the|which|what|how|is|are|should|do|does|my|i|you|with|without|for|can|please|hello|hi|use|get|got|need|incoming|outgoing|settings|email|mail)\b"
)
CZECH_WORDS = re.compile(
    r"\b(jak\w*|kter\w*|je|jsem|mam|pro|se|na|nebo|prosim|dobry|den|chci|potrebuj\w*|posta|postu|posty|pres|bez|muj|moje|aky|aka|ake|ako|pre|som|sa|mi)\b"
)


@dataclass
class Frame:
    """What one message asks and names; empty lists and None where it says nothing."""

    text: str = ""  # the message as typed ("" for a button payload)
    intent: Optional[str] = None  # DIET's intent (nlu_fallback when unsure)
    asks: List[str] = field(default_factory=list)  # topics asked, in the order written
    protocols: List[str] = field(default_factory=list)  # imap/pop3/smtp/incoming, in order
    security: Optional[str] = None  # ssl / plain / both
    ports: List[int] = field(default_factory=list)  # port numbers the customer named
    checks: bool = False  # "mám port 110, je to dobře?": a value to check
    symptom: Optional[str] = None  # certificate, login_failed, smtp_error, ...
    error_code: Optional[str] = None  # "5.7.8" or "535"
    open_smtp: Optional[str] = None  # "named" (the ticket) or "described"
    spam: bool = False
    next_step: bool = False  # "hotovky", "jasně, další"
    needs_help: bool = False  # "nevidím to"
    step: Optional[int] = None  # a step the customer wants to go to
    identity: bool = False  # "mluvím s počítačem?"
    language: str = "cs"  # cs (Czech or Slovak) / en

    @property
    def protocol(self) -> Optional[str]:
        return self.protocols[0] if self.protocols else None

    @property
    def names_something(self) -> bool:
        return bool(self.protocols or self.security)


def _user_text(message: Dict[str, Any]) -> str:
    text = message.get("text") or ""
    # A button payload ("/inform{...}") carries entities; its text is no sentence.
    return "" if text.startswith("/") else text


def _entities(message: Dict[str, Any], name: str) -> List[str]:
    return [str(e.get("value")) for e in message.get("entities") or [] if e.get("entity") == name]


def _asks(folded: str) -> List[str]:
    found = []
    for topic, pattern in TOPIC_WORDS.items():
        match = pattern.search(folded)
        if match:
            found.append((match.start(), topic))
    topics = [topic for _, topic in sorted(found)]
    if "server" in topics and "port" in topics and not SERVER_ASKED.search(folded):
        topics.remove("server")
    return topics


def _ports(folded: str) -> List[int]:
    """Port numbers named: any number written after "port", and any number the guide uses."""
    known = {p for spec in knowledge.protocols().values() for p in spec["ports"].values()}
    numbers = [int(n) for n in PORT_AFTER_WORD.findall(folded)]
    numbers += [int(n) for n in NUMBER.findall(folded) if int(n) in known]
    return list(dict.fromkeys(numbers))


def _step(folded: str) -> Optional[int]:
    """A step named by number ("krok 5", "jdi na čtyřku") or by its screen ("typ účtu")."""
    number = re.search(r"\bkrok\w*\s*(c\.|cislo)?\s*(\d)\b|\b(\d)\.? krok", folded)
    if number:
        return int(number.group(2) or number.group(3))
    if NAV_CONTEXT.search(folded):
        for value, words in ORDINALS:
            if re.search(rf"\b({words})\b", folded) and not re.search(r"\bdruh\w* zarizeni", folded):
                return value
        bare = re.search(r"\b(na|od|do)\s+([1-8])\b", folded)
        if bare:
            return int(bare.group(2))
    for number, step in enumerate(knowledge.steps(), 1):
        for keyword in step.get("keywords", []):
            if re.search(keyword, folded):
                if GO_TO_WORDS.search(folded):
                    return number
                if ALREADY_OPEN.search(folded):
                    return min(number + 1, len(knowledge.steps()))  # that screen is done
                return None
    return None


def _security(message: Dict[str, Any], folded: str) -> Optional[str]:
    from_text = security_in_text(folded)
    if from_text:
        return from_text  # the text decides: "bez SSL" is never the SSL an entity caught
    for value in _entities(message, "security"):
        security = canonical_security(value)
        if security:
            return security
    return None


def _protocols(message: Dict[str, Any], folded: str) -> List[str]:
    found = protocols_in_text(folded)
    for value in _entities(message, "protocol"):
        protocol = canonical_protocol(value)
        if protocol and protocol not in found:
            found.append(protocol)
    if "incoming" in found and any(p in found for p in knowledge.incoming_protocols()):
        found.remove("incoming")  # "příchozí přes IMAP" is IMAP
    return found


def _language(folded: str) -> str:
    english = len(ENGLISH_WORDS.findall(folded))
    czech = len(CZECH_WORDS.findall(folded))
    return "en" if english >= 2 and english > czech else "cs"


def read(message: Dict[str, Any]) -> Frame:
    """The Frame of a parsed message (Rasa's `tracker.latest_message`)."""
    text = _user_text(message)
    folded = fold(text)
    intent = latest_intent(message)
    frame = Frame(text=text, intent=intent)
    frame.protocols = _protocols(message, folded)
    frame.security = _security(message, folded)
    if not text:
        return frame  # a button: its intent and entities say it all
    frame.language = _language(folded)
    frame.asks = _asks(folded)
    frame.ports = _ports(folded)
    frame.checks = bool(frame.ports) and bool(CHECK_WORDS.search(folded))
    enhanced, reply = ENHANCED_CODE.search(folded), REPLY_CODE.search(folded)
    if enhanced or (reply and SMTP_REPLY_WORDS.search(folded)):
        frame.symptom = "smtp_error"
        frame.error_code = (enhanced or reply).group()
    elif SMTP_REPLY_WORDS.search(folded) and re.search(r"smtp|odesl|odesil|send", folded):
        frame.symptom = "smtp_error"
    else:
        frame.symptom = next((name for name, words in SYMPTOM_WORDS if words.search(folded)), None)
    if OPEN_SMTP_NAMED.search(folded):
        frame.open_smtp = "named"
    elif OPEN_SMTP_DESCRIBED.search(folded):
        frame.open_smtp = "described"
    frame.spam = bool(SPAM.search(folded))
    frame.next_step = bool(NEXT_WORDS.search(folded)) and len(folded.split()) <= 5
    frame.needs_help = bool(HELP_WORDS.search(folded))
    frame.step = _step(folded) or next(
        (int(v) for v in _entities(message, "step") if v.isdigit() and 1 <= int(v) <= 8), None
    )
    frame.identity = bool(IDENTITY.search(folded))
    return frame
