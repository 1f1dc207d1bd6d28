"""Canonical protocol / security values from what the customer wrote.

DIET and the synonym mapper usually deliver canonical values already; this is the last line
of defence, because a wrong port is worse than no answer: "bez SSL" must never become SSL,
and a protocol the model missed is still read from the text.
"""

import re
from typing import Any, Dict, List, Optional

from czech_nlu.folding import fold

# Whole words (diacritics folded) and the canonical protocol they name. "pop" is matched
# narrowly so that "popište" is no POP3, and "příjem" so that "příjemce" is no incoming mail.
# Slovak and English words count too: the answer is the same port.
PROTOCOL_WORDS = (
    (re.compile(r"imap\w*"), "imap"),
    (re.compile(r"pop(3\w*|k\w*|u|em|e|ovi|y)?"), "pop3"),
    (re.compile(r"smtp\w*|smpt\w*"), "smtp"),
    (
        re.compile(
            r"odchoz\w*|odhoz\w*|odesil\w*|odeslan\w*|posilan\w*|odchadzajuc\w*|odosiel\w*|outgoing|sending"
        ),
        "smtp",
    ),
    (
        re.compile(r"prichoz\w*|prijem|prijmu|prijim\w*|prichadzajuc\w*|incoming|receiving"),
        "incoming",
    ),
)
CANONICAL_PROTOCOLS = {"imap", "pop3", "smtp", "incoming"}

SECURE = r"(ssl(?![0o]\b)\w*|tls\w*|sifr\w*|zasifr\w*|zabezp\w*|bezpecn\w*|encrypt\w*|secure\w*|starttls)"
# Both variants asked: "s SSL i bez", "obě možnosti", "všechny varianty".
BOTH_SECURITY = re.compile(
    rf"\b(s|se|so|with)\s+{SECURE}\s+(i|a|nebo|ci|and|or)\s+(bez|without)\b"
    # "bez SSL i se SSL", "bez šifrování nebo s ním"
    rf"|\b(bez|without)\s+{SECURE}\s+(i|aj|nebo|ci|or)\s+(s|se|so|with)\s+({SECURE}|nim)\b"
    # "jaký port bez SSL a jaký s ním?", "s SSL a jaký bez?"
    rf"|\b(bez|without)\s+{SECURE}\s+(a|and)\s+(\w+\s+){{0,2}}(s|se|so|with)\s+({SECURE}|nim|it)\b"
    rf"|\b(s|se|so|with)\s+{SECURE}\s+(a|and)\s+(\w+\s+){{0,2}}(bez|without)"
    rf"(\s+({SECURE}|nej|neho|toho|it))?\s*(\?|$)"
    rf"|\b(i|aj)\s+bez\s+(nej|neho|toho|ssl\w*|sifr\w*)\b|\bs\s+i\s+bez\b"
    rf"|\bne(sifr|zasifr|zabezp)\w*\s+(i|a)\s+{SECURE}|\b{SECURE}\s+(i|a)\s+ne(sifr|zasifr|zabezp)\w*"
    r"|\b(obe|obou|vsechny|vsech|oboje|obidve)\s+(\w+\s+)?(varianty|varianta|moznosti|verze|volby|dva)"
    rf"|\b(jestli|zda|jestl\w*|whether)\s+(\w+\s+)?{SECURE}"  # "server, port a jestli SSL"
    r"|\bvsechny moznosti|\bwith (and|or) without|\bboth\b"
    r"|\boboje\W*$"  # "jaký port má IMAP se SSL? – a bez? – a pro odesílání oboje?"
    # "kolik portů má IMAP a který z nich je ten bezpečný?": both, the secure one named
    r"|\bkolik\s+(\w+\s+)?port\w*\s+(ma|maji|pouziva|pouzivaji|existuje|je)\b"
    r"|\bktery\s+(z nich|z tech|z techto)\s+(\w+\s+){0,2}(bezpecn|zabezpec|sifrovan)"
    # "jaký port se SSL a jaký bez?", "so SSL aj bez"
    rf"|\b{SECURE}\s+(a|i|aj)\s+((jak|ak|kter|port)\w*\s+){{0,2}}bez(\s+(nej|neho|toho|ssl\w*|sifr\w*))?\s*([?.!,]|$)"
    # "když je šifrování vypnutý a když zapnutý": the two cases asked side by side
    r"|\bkdyz\b[^.?!]{0,30}\b(vypnut|zapnut)\w*[^.?!]{0,15}\b(a|i|nebo)\s+(kdyz\s+)?(je\s+)?(zapnut|vypnut)\w*"
)
# Security said off: "bez SSL", "nešifrovaně", "SSL nemám zapnuté", "zabezpečení mám vypnuté",
# "šifrování: žádné", "a u odchozí taky bez?". "vypínat nechci" is a double negation (SSL on).
DOUBLE_NEGATION = re.compile(
    r"\b(vyp\w*|zrus\w*)\s+(ho\s+|to\s+)?(nechci|nebudu|nemam|nemuzu)\b|\bnechci (to |ho )?bez\b"
    r"|\b(nemam|neni|nejsou)\s+(\w+\s+)?(ne)?(vypnut\w*|odskrtnut\w*|deaktiv\w*)"
    r"|\bnechci\s+(\w+\s+){0,2}bez\b|\bne bez\b|\b(neni|nie je) pravda,? ze nechci\b"
    r"|\b(ne|nechci)\s+(\w+\s+)?ne(sifr|zasifr|zabezp|bezpecn)\w*|\bne(sifr|zasifr|zabezp|bezpecn)\w*\s+(\w+\s+)?nechci"
    # "nic bez SSL nechci", "bez šifrování to nechci"
    r"|\bbez\s+(ssl|tls|sifrovan\w*|zabezpec\w*)\s+(\w+\s+)?(nechci|nechceme)\b"
)
NEGATED_SECURITY = re.compile(
    # ("vyplý", "vyplé" are colloquial for off; "vyplněno" is filled in)
    rf"\b(bez|ne|nechci|nechcem|nechtel\w*|nechtit|nepouzivam|nemam|nemame|vypn\w*|vypl(?!n)\w*|deaktiv\w*|odskrt\w*|odznac\w*"
    rf"|neumi|neumej\w*|nepodporuj\w*|nezvlad\w*|without|no|not|doesn.?t support|can.?t do"
    rf"|don.?t (want|use|need)|do not (want|use|need))"
    rf"\s+(\w+\s+)?{SECURE}"
    r"|\bne(sifr|zasifr|zabezp|bezpecn)\w*|\bunencrypt\w*|\bplain\b|\binsecure\b|\bbez\b\W*$"
    # "můžu nechat SSL vyplý?", "ssl vypnutý": after its name
    rf"|{SECURE}\s+(nechat\s+|mit\s+)?(vypl(?!n)\w*|vypnut\w*|odskrtnut\w*)"
    # "port pro odchozí, ale ne ten s SSL": the one with SSL refused
    rf"|\b(ne|nechci|nepouzivam)\s+(ten|to|ta|ty|tu)\s+(s|se|with)\s+{SECURE}"
    # "je povinné to SSL? když ho vypnu, jaké porty…": SSL off in the clause after it
    rf"|\b{SECURE}\W+(\w+\W+){{0,2}}(kdyz|pokud|az|kdybych)\s+(ho|ji|to)\s+(vypn\w*|nezapn\w*|nedam|nepouzij\w*)"
    rf"|\b{SECURE}[\s:=\x27\"“”‘’-]+(\w+\s+){{0,3}}(nemam|nemame|nepouzivam|nechci|nedam|nedame|vypn\w*|vyp\b|nezap\w*|nezaskrt\w*|neaktiv\w*|odskrt\w*|off|disabled|nenastaven\w*|zadn\w*|nic|ne|neni|nebude|nebudou|nebudu|nebylo|nebyl|nebyla"
    r"|nechtel\w*|nechteli|nechci|nepotrebuj\w*|nechcem\w*|neumi|neumej\w*|nepodporuj\w*|nezvlad\w*)\b"
)
SECURITY = re.compile(rf"\b{SECURE}")
# "co je SSL a jaký port bez něho?": SSL named, then left out by a pronoun
WITHOUT_IT = re.compile(r"\bbez (neho|nej)\W*($|\?)|^\W*(and |so )?(what about )?without( it)?\W*$")
# "a kdybych ho zapnul/vypnul, tak jaký?": SSL switched by a pronoun (a bare follow-up only)
IF_IT = r"^\W*(a |tak |a co )?(kdyz|kdybych|kdybysme|kdyby|pokud|jestli) (ho|to|ji) (tam |zase |znovu |zpatky )*"
WHICH_THEN = r"\w*(,? (tak )?(jaky|jaka|jake|jakej|co)( port)?)?\W*$"
# "a s ním?" after a port without SSL: with it (only a bare follow-up reads so); "a kdybych ho
# zapnul?" too
WITH_IT = re.compile(
    rf"^\W*(a |tak )?(s|se) nim\W*$|{IF_IT}(zapn|zaskrtn|povol){WHICH_THEN}"
    r"|^\W*(and |so )?(what about )?with( it| ssl)?\W*$"  # "and with?" after "…without SSL"
)
# "a kdybych ho vypnul?", "a když ne?" after a port with SSL: without it
WITHOUT_IT_OFF = re.compile(
    rf"{IF_IT}(vypn|odskrtn|zrus){WHICH_THEN}|^\W*(a |tak |no a )?(kdyz|kdyby|pokud) ne\W*$"
)
HOST = re.compile(r"\b[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\b")
# "je to bezpečné?": whether the setting is safe is asked, no SSL said
SAFE_QUESTION = re.compile(
    r"\b(je|jsou|bude|budou|is|are)\s+(to|ten|ty|tohle|it|that|this)\s+(\w+\s+)?"
    r"(bezpecn\w*|zabezpecen\w*|safe|secure)\s*(\?|$)"
)


def canonical_protocol(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    folded = fold(str(value)).strip()
    if folded in CANONICAL_PROTOCOLS:
        return folded
    for word in re.findall(r"\w+", folded):
        for pattern, protocol in PROTOCOL_WORDS:
            if pattern.fullmatch(word):
                return protocol
    return None


def security_in_text(text: Optional[str]) -> Optional[str]:
    """ "ssl", "plain", "both" or None, read from free text ("bez šifrování" -> "plain")."""
    # (a server's name is no security: "server ssl0.ovh.net, port 587, zabezpečení žádné")
    folded = SAFE_QUESTION.sub(" ? ", HOST.sub(" ", fold(text or "")))
    if BOTH_SECURITY.search(folded):
        return "both"
    if DOUBLE_NEGATION.search(folded):
        return "ssl"  # "nechci nešifrované", "SSL nemám vypnuté"
    if WITHOUT_IT.search(folded) and SECURITY.search(folded):
        return "plain"
    if WITH_IT.search(folded):
        return "ssl"
    if WITHOUT_IT_OFF.search(folded):
        return "plain"
    if NEGATED_SECURITY.search(folded):
        return "plain"
    if SECURITY.search(folded):
        return "ssl"
    return None


def canonical_security(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    folded = fold(str(value)).strip()
    if folded in ("ssl", "plain", "both"):
        return folded
    return security_in_text(folded)


def protocols_in_text(text: str) -> List[str]:
    """Every protocol the text names, in the order written, once each."""
    found: List[str] = []
    for word in re.findall(r"\w+", fold(text)):
        for pattern, protocol in PROTOCOL_WORDS:
            if pattern.fullmatch(word) and protocol not in found:
                found.append(protocol)
                break
    return found


def latest_intent(message: Dict[str, Any]) -> Optional[str]:
    """The intent name of a parsed message (None when the message has none)."""
    return (message.get("intent") or {}).get("name")
