"""Passwords typed into the chat: found and redacted in one place, before anything keeps the
message (tracker store, logs, lock store, action server, handoff record, analytics).

The password is the word that follows a password keyword ("heslo" in any form, "password",
"pw") in one of the ways people write it:
- a separator: "heslo: X", "heslo=X", "password: X", `{"heslo": "X"}`;
- a verb of being: "heslo je X", "heslo do schránky je X", "heslo mám X", "heslo zní X",
  also after the clause about it: "heslo mám správně, je to X";
- a possessive: "moje heslo X", "my password is X";
- a verb of entering: "zadal jsem heslo X", "změnil jsem heslo na X", "mám heslo X";
- quotes: "heslo „X“ nefunguje";
- before the keyword: "X je moje heslo", "X = heslo", "zadávám X jako heslo";
- its shape: a word that mixes letters with digits or symbols within three words of the
  keyword ("heslo ke schránce Brno2023"), a capitalised word right after it ("heslo Kocicka").
A word that says something about the password ("heslo je špatně", "zadal jsem heslo znovu",
"heslo mám zadat?") is not one. This is best effort: a password written with no keyword near
it ("Kocicka123, co dál?") is not recognised here; the NLU's `share_password` classification
then replaces the whole message (channels/guard.py).
"""

import re
from functools import lru_cache
from typing import FrozenSet, Iterator, List, Tuple

from czech_nlu.folding import fold, fold_in_place

REDACTED = "[heslo skryto]"

# "heslo" in any form and with the usual typos ("hselo", "helso", "heslp", "hseslo",
# "hesllo"), "password", "pw".
# ("pass: X", "pass=X": the short form only before its colon)
KEY = (
    r"(?:h\w?ess?l+\w*|hsel\w*|hsl[oa]\w*|hels[o]\w*|hesk[o]\b|heskl[oa]\b|heslp|hesol\w*|heso\b"
    r"|passw\w*|pass?word\w*|pasw\w*|pwd|pswr?d|psw(?=\s*[:=]|\s+(?:k|ke|do|od|na|pro)\s+\S+\s*[:=])|pw|pass(?=\s*[:=]|\s+(?:je|is|zni|mam)\b"
    # "pass do mailu X": the mailbox's password named
    r"|\s+(?:do|k|ke|od|pro|na)\s+(?:e-?)?(?:mail\w*|schrank\w*|post\w*|uct\w*)\b))"
)
OPEN_QUOTE = "\"'„“”‚‘`"
SECRET = rf"[{OPEN_QUOTE}]?(?P<secret>\S+)"
# "heslo do schránky", "heslo k e-mailu info@firma.cz", "password for my mailbox"
TO_WHAT = (
    r"(?:\s+(?:do|k|ke|na|pro|od|u|ze?|ve?|of|for|to|from)\s+[^\s,;!?:=]+(?:\s+[^\s,;!?:=]+)?)?"
)
BEING = r"(?:\s+(?:je|jsou|zni|mam|mame|bylo|byl|bude|is|was)\b\s*:?|\s*[:=])"
POSSESSIVE = r"\b(?:moje|me|muj|nase|to|my|the)"
ENTERING = (
    # not a verbal noun: "po zadání hesla oznámil, že…" is a time, no password follows
    r"\b(?!\w+(?:ani|eni)\b)(?:zada\w*|napsa\w*|napis\w*|pis\w*|vyplni\w*|vypln\w*|dal[ai]?|pouzi\w*|nastavi\w*"
    r"|zmeni\w*|zmenu|zkous\w*|zkusi\w*|mam|mame|typed|entered|tried|used?|set)"
)
CHANGED = r"(?:zmenil|nastavil|prepsal)[ai]?"  # "… jsem si změnil / nastavil / přepsal na X"
MARKS = r"(?:\s+(?:jsem|sem|jsme|jste|si|tam|uz|nove|novy|stare|stary|spravne|moje|me|svoje|sve))*"

PATTERNS = (
    re.compile(rf"\b{KEY}[{OPEN_QUOTE}]?\s*[:=]\s*{SECRET}"),
    # "jako heslo jsem tam dal X", "heslo jsem si změnil na X", "heslo do pošty X"
    re.compile(
        rf"\bjako\s+{KEY}(?:\s+\S+){{0,3}}?\s+(?:dal[ai]?|zadal[ai]?|napsal[ai]?|pouzil[ai]?|mam|mame)\s+{SECRET}"
    ),
    re.compile(
        rf"\b{KEY}\s+(?:jsem\s+|sem\s+|jsme\s+)?(?:si\s+)?(?:{CHANGED}|dal[ai]?)\s+na\s+{SECRET}"
    ),
    re.compile(
        rf"\b{KEY}\s+(?:do|k|ke|od|pro)\s+(?:posty|schranky|mailu|emailu|e-mailu|uctu)\s+{SECRET}"
    ),
    # "heslo k poštovní schránce jsem dal X": the keyword first, the verb of entering after it
    re.compile(
        rf"\b{KEY}{TO_WHAT}\s+(?:jsem|sem|jsme)\s+(?:si\s+)?(?:tam\s+)?"
        rf"(?:dal|zadal|napsal|nastavil|zvolil|vyplnil|vymyslel|vybral)[ai]?\s+{SECRET}"
    ),
    # "do hesla dávám X", "do políčka heslo jsem napsal X": what goes into its field
    re.compile(
        rf"\bdo\s+(?:polick\w*\s+|kolonk\w*\s+|pole\s+)?{KEY}\s+(?:jsem\s+|sem\s+)?"
        r"(?:dava\w*|dal[ai]?|zadava\w*|zadal[ai]?|pis\w*|napsal[ai]?|vyplnil[ai]?|vyplnuj\w*)\s+"
        rf"{SECRET}"
    ),
    # an address, a slash and the password: "petr@firma.cz / X"
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*/\s*(?P<secret>\S+)"),
    re.compile(rf"\b{KEY}{TO_WHAT}(?:\s+(?:ted|uz|asi|snad|porad))?{BEING}\s*{SECRET}"),
    re.compile(rf"{POSSESSIVE}\s+{KEY}\s+(?:je|is)\s+{SECRET}"),
    # "moje heslo kocicka": the Czech possessive names the customer's own
    re.compile(rf"\b(?:moje|me|muj|nase)\s+{KEY}\s+{SECRET}"),
    re.compile(rf"{ENTERING}{MARKS}\s+{KEY}\s+(?:na\s+|jako\s+|to\s+)?{SECRET}"),
    re.compile(
        rf"\b{KEY}(?:\s+\S+){{0,3}}?\s+[{OPEN_QUOTE}](?P<secret>[^\s{OPEN_QUOTE}][^{OPEN_QUOTE}]*)"
    ),
    # "zadávám X jako heslo", "X jsem dal jako heslo", "X as the password"
    re.compile(
        r"(?:^|\s)(?P<secret>[^\s:]+)\s+(?:(?:jsem|sem|jsme)\s+)?"
        r"(?:(?:dal[ai]?|zadal[ai]?|napsal[ai]?|pouzil[ai]?|mam|pouzivam)\s+)?"
        rf"(?:jako|as(?: the| my)?)\s+{KEY}\b"
    ),
)
# Checked on the original letters: within three words of the keyword.
# One pattern per number of words between: "heslo ze zákaznického účtu, HosT1ng55" is three.
NEARBY = tuple(
    re.compile(rf"\b{KEY}(?P<between>(?:[^\w.!?]+\w+){{{n}}})[^\w.!?]+(?P<secret>\S+)")
    for n in range(4)
)

# Words that, where a password would stand, describe it instead of being it.
NOT_A_PASSWORD = frozenset(
    fold(word)
    for word in [
        # English words that open a question ("And is the password the one…?")
        "and",
        "but",
        "or",
        "so",
        "also",
        "then",
        "what",
        "which",
        "where",
        "how",
        "why",
        "when",
        # what the mail is ("ukradl heslo, když ty spamy jsou z mé adresy?")
        "spam",
        "spamy",
        "spamu",
        "spamem",
        "spamů",
        "spamama",
        "spamovky",
        # adverbs of how long or how at once ("kde se heslo mění natrvalo?")
        "natrvalo",
        "napořád",
        "nadobro",
        "navždy",
        "definitivně",
        "najednou",
        "naráz",
        "hromadně",
        # conjunctions: the customer's sentence goes on ("zadat nové heslo, nebo …?")
        "nebo",
        "anebo",
        "alebo",
        "ale",
        "protože",
        "když",
        "jestli",
        "pokud",
        "než",
        # a clause's opening words before "je heslo": "takže je heslo dobře?", "problém je heslo"
        "takže",
        "tak",
        "jenže",
        "problém",
        "chyba",
        "možná",
        "asi",
        "určitě",
        # when: "heslo si mezitím změním", "heslo zítra přepíšu"
        "mezitím",
        "zatím",
        "zítra",
        "pozítří",
        "ihned",
        "hnedka",
        "teprve",
        "nejdřív",
        # "to heslo vím", "heslo znám": what the customer knows of it
        "vím",
        "nevím",
        "znám",
        "neznám",
        "je",
        "jsem",
        "jste",
        "jsme",
        "bylo",
        "byl",
        "nefunguje",
        "nejde",
        "funguje",
        "špatně",
        "správně",
        "špatné",
        "špatný",
        "špatnej",
        "dobré",
        "dobrý",
        "dobrej",
        "dobře",
        "správný",
        "správnej",
        "stejné",
        "stejný",
        "stejnej",
        # Slovak: "to heslo je rovnaké ako v Outlooku?", "je iné", "to isté"
        "rovnaké",
        "rovnaký",
        "rovnaká",
        "iné",
        "iný",
        "iná",
        "isté",
        "správne",
        "zlé",
        "chybné",
        "neplatné",
        "správné",
        "zapomenuté",
        "jméno",
        "adresu",
        "adresa",
        # how it came: "heslo mi syn poslal smskou"
        "sms",
        "smsku",
        "smskou",
        "esemesku",
        "esemeskou",
        "zprávou",
        "mailem",
        "e-mailem",
        # how sure, when, where kept: "heslo mám stoprocentně dobře", "heslo mi kdysi nastavil
        # syn", "nové heslo mám napsané na papíře"
        "stoprocentně",
        "určitě",
        "jistě",
        "kdysi",
        "dávno",
        "napsané",
        "napsaný",
        "napsaná",
        "zapsané",
        "zapsaný",
        "uložené",
        "uložený",
        "dobře",
        # modal verbs after "to heslo …" ("a to heslo musím psát znovu?")
        "musím",
        "musí",
        "můžu",
        "mohu",
        "můžete",
        "chci",
        "chce",
        "potřebuju",
        "potřebuji",
        "mám",
        "máte",
        "bude",
        "budu",
        "ztracené",
        "zablokované",
        "stejné",
        "jiné",
        "nové",
        "staré",
        "dlouhé",
        "krátké",
        # the form's other labels beside "Heslo" ("…, Heslo, Typ účtu, Server…", "ověřování je
        # Heslo" – the authentication method named so)
        "typ",
        "šifrované",
        "normální",
        "ověřování",
        "ověření",
        "metoda",
        "způsob",
        "server",
        "popis",
        # the field's own label in iOS and Android: "u jména a hesla píše Volitelné"
        "volitelné",
        # words simplemma's lists lack ("…heslo zadat ještě někde zvlášť?", "je tam zaškrtnutý…")
        "zvlášť",
        "zaškrtnutý",
        "zaškrtnuté",
        "zaškrtnutá",
        "odškrtnutý",
        "odškrtnuté",
        "volitelný",
        "volitelná",
        "nepovinné",
        "nepovinný",
        "povinné",
        "optional",
        "required",
        "prázdné",
        "prázdný",
        "prázdná",
        "prázdno",
        "nevyplněné",
        "nevyplněný",
        "vyplněné",
        "vyplněný",
        "vyplněno",
        "zadané",
        "zadaný",
        "zadáno",
        # how often it is asked: "heslo chce pořád dokola"
        "dokola",
        "dokolečka",
        "znova",
        "znovu",
        # whose passwords: "budou v souboru i hesla uživatelů?"
        "uživatelů",
        "uživatelé",
        "zaměstnanců",
        "všech",
        "k",
        "ke",
        "na",
        "do",
        "od",
        "pro",
        "v",
        "ve",
        "u",
        "z",
        "ze",
        "s",
        "se",
        "a",
        "i",
        "o",
        # adverbs and particles simplemma's word list lacks ("heslo jsem Vám nikde nepsal")
        "nikde",
        "nikdy",
        "nikam",
        "vůbec",
        "vôbec",
        "někde",
        "všude",
        "tak",
        "ani",
        "teď",
        "teraz",
        "pak",
        "potom",
        "hned",
        "zase",
        "znovu",
        "znova",
        "vždy",
        "vždycky",
        "prostě",
        "jen",
        "jenom",
        "pouze",
        "len",
        "iba",
        "určitě",
        "určite",
        "opravdu",
        "fakt",
        "nějak",
        "stále",
        "pořád",
        "furt",
        "tiež",
        "asi",
        "taky",
        "také",
        "už",
        "ještě",
        "nevím",
        "neznám",
        "nemám",
        "potřeba",
        "třeba",
        "jako",
        "jaké",
        "jaký",
        "jaká",
        "který",
        "které",
        "která",
        "kde",
        "ok",
        "mi",
        "ti",
        "si",
        "to",
        "ten",
        "ta",
        "tam",
        "co",
        "pořád",
        "stále",
        "furt",
        "zapomněl",
        "zapomněla",
        "zapomenuto",
        "neprojde",
        "nebere",
        "neplatí",
        "vypršelo",
        "obsahuje",
        "změnit",
        "zadat",
        "zadávat",
        "resetovat",
        "obnovit",
        "použít",
        "používat",
        "napsat",
        "psát",
        "vyplnit",
        "vyplňovat",
        "dát",
        "zkusit",
        "zkoušet",
        "najít",
        "hledat",
        "poslat",
        "zjistit",
        "nastavit",
        "vložit",
        "zapsat",
        "uložit",
        # the buttons of a log-in dialog listed ("tlačítka Opakovat, Zadat nové heslo, Zrušit")
        "zrušit",
        "opakovat",
        "storno",
        "pokračovat",
        "přihlásit",
        "retry",
        "cancel",
        "vymyslet",
        "vytvořit",
        "mít",
        "udělat",
        "ověřit",
        "vědět",
        "znát",
        "měnit",
        "znovu",
        "dvakrát",
        "několikrát",
        "opět",
        "ručně",
        "dobře",
        "přesně",
        "určitě",
        "snad",
        "možná",
        "fakt",
        "opravdu",
        "úplně",
        "moc",
        "hodně",
        "velmi",
        "příliš",
        "zadané",
        "uložené",
        "nastavené",
        "vyplněné",
        "změněné",
        "platné",
        "aktuální",
        "původní",
        "dočasné",
        "vygenerované",
        "zapsané",
        "včera",
        "dnes",
        "dneska",
        "teď",
        "ráno",
        "večer",
        "nedávno",
        "minule",
        "předtím",
        "heslo",
        "hesla",
        "hesel",
        "skryto",
        "email",
        "e-mail",
        "emailu",
        "e-mailu",
        "mailu",
        "schránky",
        "schránce",
        "účtu",
        "účet",
        "imap",
        "pop",
        "pop3",
        "smtp",
        "ssl",
        "tls",
        "ssl0",
        "outlook",
        "gmail",
        "windows",
        "android",
        "iphone",
        "telefonu",
        "mobilu",
        "tohle",
        "toto",
        "tady",
        "zde",
        "tamto",
        "tamhle",
        "ono",
        "jenom",
        "jen",
        "is",
        "was",
        "the",
        "my",
        "for",
        "to",
        "of",
        "wrong",
        "correct",
        "not",
        "incorrect",
        "same",
        "new",
        "old",
        # colloquial words a dictionary may lack ("a heslo teda to od schránky?")
        "teda",
        "tedy",
        "jako",
        "proste",
        "vlastne",
        "furt",
        "fakt",
        "jakoze",
        "here",
        "this",
        "that",
        "it",
        "what",
        "which",
        "where",
        # English auxiliaries after "password" ("the password does not work"): no one's password
        "should",
        "shall",
        "does",
        "doesn't",
        "doesnt",
        "didn't",
        "didnt",
        "isn't",
        "wasn't",
        "don't",
        "won't",
        "cannot",
        "would",
        "could",
        "must",
        "might",
    ]
)
# English words of four letters or more that follow "password" in a sentence ("which password
# should I type"): read only in the words after the keyword, never in "password: X"
ENGLISH_AFTER_KEY = frozenset(
    [
        "keeps",
        "still",
        "again",
        "please",
        "from",
        "with",
        "your",
        "there",
        "then",
        "when",
        "just",
        "only",
        "also",
        "because",
        "into",
        "field",
        "reset",
        "change",
        "changed",
        "expired",
        "works",
        "work",
        "worked",
        "enter",
        "entered",
        "type",
        "typed",
        "used",
        "using",
        "mailbox",
        "account",
        "phone",
        "have",
        "will",
    ]
)
# (a count is no password either: "zadával jsem ho asi 5x", "3krát")
TECHNICAL = re.compile(
    r"^(?:pop3|imap4?|smtp|ssl0?|tls|starttls|ssl/tls|spa|wp8|w10|ssl0\.ovh\.net|\d+%?|\d+(?:x|×|krat|krát)"
    r"|smtp-?auth|smtp-?ssl|pop-?before-?smtp)$",  # ("účet+heslo pro SMTP-AUTH": a method's name)
    re.I,
)
STRIP = ".,!?;:\"'„“”‚‘`()[]{}<>"  # ("…ověřování hesla (SPA)": the brackets are no password)


HANDLING_VERB = re.compile(
    r"^(zmen|nastav|zada|prepis|prepsa|obnov|resetuj|najd|zjist|vezm|ziska|pouzij|pouziv|vyplni|napis)"
    r"\w*(im|ime|u|eme|ujeme|uju|uji|am|ame)$"
    # "heslo od schránky napsala na papírek", "heslo jsem opsal": what was done with it, past
    r"|^(napsa|opsa|zada|zmeni|nastavi|posla|dosta|sdeli|rekl|zapomne|zapomnel|nasl|zjisti|vymysl)"
    r"\w{0,2}l[aoiy]?$"
    # "ověřování hesla (SPA) – zaškrtnout?": a box ticked or not, no password
    r"|^(za|od)(skrt|trh|trz)\w*$"
)


def _describes(word: str) -> bool:
    folded = fold(word)
    # "heslo nejde", "heslo neprošlo": a negated verb (a password that reads as one is missed)
    negated_verb = word.islower() and word.isalpha() and folded.startswith("ne") and len(folded) > 4
    # "to heslo změním kde?", "heslo zadám znovu": what is done with it
    handling = word.islower() and word.isalpha() and bool(HANDLING_VERB.match(folded))
    return folded in NOT_A_PASSWORD or negated_verb or handling


def _address_like(word: str) -> bool:
    """An address or its part ("jana@firma.cz", "info@"), no password ("Kos@Kos_1" is one)."""
    return "@" in word and bool(re.search(r"@$|^@|@[\w-]+\.\w", word.strip(STRIP)))


def _shaped(word: str, right_after_key: bool) -> bool:
    """A word that looks like a password wherever it stands near the keyword."""
    if TECHNICAL.match(word) or _address_like(word) or "." in word.strip(STRIP):
        return False
    if all(TECHNICAL.match(part) for part in re.split(r"[/+]", word.strip(STRIP))):
        return False  # a program's setting: "SSL/TLS", "TLS/SSL", "IMAP/POP3"
    letters = any(ch.isalpha() for ch in word)
    return letters and (
        any(ch.isdigit() for ch in word)
        or any(not ch.isalnum() for ch in word.strip(STRIP))
        or (right_after_key and word[:1].isupper() and not word.isupper())
    )


# Words a mailbox message names beside "heslo" that no dictionary of Czech has.
# Devices and systems named with their version, asked about ("je to iPadOS17, ne?")
MODEL_NAMES = frozenset(
    [
        "office",
        "xiaomi",
        "redmi",
        "ipados",
        "macbook",
        "imac",
        "ipad",
        "ios",
        "macos",
        "galaxy",
        "pixel",
        "huawei",
        "motorola",
    ]
)
PRODUCT_WORDS = frozenset(
    [
        "manager",
        "manageru",
        "manageri",
        "managerem",
        "manazer",
        "webmail",
        "webmailu",
        "gmail",
        "gmailu",
        "outlook",
        "outlooku",
        "iphone",
        "iphonu",
        "iphonem",
        "ipad",
        "ipadu",
        "macu",
        "macbooku",
        "samsungu",
        "thunderbirdu",
        "android",
        "androidu",
        "lumia",
        "lumii",
        "lumie",
        "nokia",
        "nokii",
        "samsung",
        "windows",
        "phone",
        "phonu",
        "thunderbird",
        # the accounts a device also asks about ("chce to Apple ID a heslo k iCloudu")
        "icloud",
        "apple",
        "google",
        "yahoo",
        "exchange",
        "microsoft",
        "ovh",
        "hosting",
        "hostingu",
        "e-mail",
        "e-mailu",
        "email",
        "emailu",
        "mail",
        "mailu",
        "schranka",
        "schranky",
        "login",
        "loginu",
        # the fields of the form around the password ("imap username, heslo a dole smtp hostname")
        "hostname",
        "username",
        "server",
        "serveru",
        "wifi",
        "wi-fi",
        "smtp",
        "imap",
        "imapu",
        "pop3",
        "pop",
        "ssl",
        "tls",
        # hosting matters whose own password is asked about ("heslo do WordPressu", "k FTP")
        "wordpress",
        "wordpressu",
        "ftp",
        "ftpcka",
        "filezilla",
        "filezilly",
        "filezillu",
        "joomla",
        "joomly",
        "mysql",
        "databaze",
        "eshop",
        "eshopu",
    ]
)
KEYWORD = re.compile(rf"\b{KEY}")
# A message about the password or the log-in: a word shaped like a password anywhere in it is
# taken for one ("kv3tinac_88 – to mám v políčku pro heslo", "napsala jsem Pomeranc12, to
# používám na přihlášení do manageru"); a phone model or a code loses nothing by it.
LOG_IN = re.compile(rf"\b(?:{KEY}|prihlas\w*|prihlaseni|login\w*|log in|sign in)")
SHAPED_MIN = 6
# the password named after the clause about it: "heslo mám správně, je to X" (if X is no word)
APPOSITION = re.compile(
    rf"\b{KEY}\b[^.!?]{{0,40}}?[,;:–-]\s*(?:je\s+to|to\s+je|a\s+to|tj\.?|konkretne|presne)\s*:?\s+{SECRET}"
)
# "heslo ke schránce jsem si právě nastavil na X": the change told with words between
# "to heslo X", "my password X" without "je": X when it is no ordinary word ("kde se to heslo
# mění?", "keeps asking for my password again" go on with the sentence)
# (the Czech possessives "moje heslo X" have their pattern above: X whatever it is)
POSSESSED = re.compile(rf"\b(?:to|my|the)\s+{KEY}\s+{SECRET}")
CHANGED_TO = re.compile(rf"\b{KEY}(?:\s+[^\s.!?]+){{1,5}}?\s+{CHANGED}\s+na\s+{SECRET}")
# "jsem si ho změnil na X" after the password was talked of: letters with digits (checked
# below; "změnil jsem si ho na X", the verb first, is CHANGED_NOW_TO's)
CHANGED_IT_TO = re.compile(
    rf"\b(?:jsem|sem|jsme)\s+(?:si\s+)?(?:ho|ji)\s+{CHANGED}\s+na\s+{SECRET}"
)
# "změněno na X", "tak jsem to přepsal na X" right after the password's change was explained:
# letters with digits that name no server (checked below)
CHANGED_NOW_TO = re.compile(
    rf"\b(?:zmenen[oay]?|(?:pre)?nastaven[oay]?|prepsan[oay]?|prenastavil[ai]?|{CHANGED})"
    rf"(?:\s+(?:jsem|sem|jsme|si|ho|ji|to|uz|ted|heslo))*\s+na\s+{SECRET}"
)
# "tak jsem si ho změnil, teď je X", "přenastaveno, nové je X": the new one told after a change
CHANGED_NOW_IS = re.compile(
    rf"\b(?:zmenen[oay]?|(?:pre)?nastaven[oay]?|prepsan[oay]?|prenastavil[ai]?|{CHANGED})\b"
    rf"[^.?!]{{0,20}}?\b(?:ted|nove|novy|uz)\s+(?:je|mam|zni)\s*:?\s+{SECRET}"
)
# "to je Leto2022?" alone: letters with digits asked about (a password checked with the bot);
# the password asked about in the sentence after its keyword: "heslo ke schránce? to je X, ne?"
NEXT_SENTENCE_IT_IS = re.compile(
    rf"\b{KEY}\b[^.?!]{{0,30}}[.?!]\s+(?:a\s+)?(?:to\s+je|je\s+to|to\s+bude)\s+{SECRET}"
    r"(?=\s*(?:,\s*(?:ne|jo|viz|nebo\s+ne|spravne)\b|\?|$))"
)
# "myslím, že to bylo Kocicka2019!": the one remembered
# ("našel jsem, je to Hruska88?": after a clause of its own too)
# ("je to Kocicka.8, chcete ho?": a question after it)
ASKED_IF_IT_IS = re.compile(
    rf"(?:^|[,.;:!]\s*)\W*(?:a\s+)?(?:to\s+je|je\s+to)\s+{SECRET}(?=\s*$|,\s|\?)"
)
# "tak tady je: Vlak2024zz", "here it is: X": something handed over (letters with digits)
HANDED_OVER = re.compile(
    rf"\b(?:tady|tu|zde|here)\s+(?:je|ho\s+mate|ho\s+mas|mate|it\s+is|you\s+go)\s*[:,-]?\s+{SECRET}"
)
REMEMBERED = re.compile(rf"\b(?:to\s+bylo|bylo\s+to|to\s+bude)\s+{SECRET}")
# "zadávám Lipa-Zlata8 a pořád to nejde": a word of letters with digits typed into the device,
# no keyword needed (a host, an address or a port is no such word; checked below)
ENTERED = re.compile(
    # ("tak tam nastavím Kapr2024 a hotovo": what they will type)
    r"\b(?:zadavam|zadavame|vyplnuju|vyplnuji|pisu tam|davam tam|zadal\w* jsem|zadal\w* sem"
    r"|nastavim|zadam|dam tam|napisu tam|vyplnim"
    r"|jsem zadal\w*|(?:dal|dala) jsem tam|i type|i enter|i.?m (?:typing|entering))"
    r"(?:\s*:)?(?:\s+(?:tam|to|ted|porad|furt|stale|there|in)){0,2}\s+(?P<secret>\S+)"
    # ("zadal jsem mobil2 jako název účtu": a name given to something, no password)
    r"(?!\s+jako\s+(?:nazev|jmeno|popis|name))"
)
# "Kocka123 je heslo", "Kocka123 = heslo": the word before it, when it is no ordinary word
# ("…v nastavení odchozí pošty je heslo zvlášť" names the field)
NAMED_BEFORE = re.compile(
    rf"(?:^|\s)(?P<secret>[^\s:]+):?\s+(?:je|=|-|–|is)\s+(?P<whose>moje|me|muj|to|nase|my|the)?\s*{KEY}\b(?![-_])"
)
ADDRESS_THEN = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*[,;|]\s*(?P<secret>\S+)")
VERBAL_NOUN_ENDINGS = ("ani", "eni", "ovani", "ovat", "nuti")  # ("po kliknutí", "zapnutí")
WINDOW = 5  # words after the keyword where a password may stand ("heslo jsem si změnil na X")
# Colloquial forms no dictionary has: past tense ("heslo a kliknul jsem na další"), "-ej"
COLLOQUIAL = re.compile(r"^[a-z]{3,}(nul[aoiy]?|ej)$")  # also "jakej", "novej"
# Adjectives of "-ovat" verbs the word list lacks in some forms ("heslo a zobrazované jméno")
# an adjective made of a verb in -at ("testovací", "nastavovacího"): its stem, the verb's
VERBAL_ADJECTIVE = re.compile(r"^([a-z]{4,})aci(ho|mu|m|ch|mi)?$")
PARTICIPLE = re.compile(r"^[a-z]{3,}(ovan|nut)(y|a|e|i|eho|emu|ych|ym|ymi|ou)$")
JOINED_TERM = re.compile(r"[-_](cleartext|encrypted|plain|hashed|md5|protected)\b")
# Past tense of what is done on a screen, in forms the word list lacks ("heslo z papírku a klikl
# na Pokračovat", "to heslo jsem Vám napsala")
DOING = re.compile(
    r"^(klik|klep|tuk|zmack|stisk|napsa|vepsa|prepsa|zada|vyplni|zmeni|nastavi|vlozi|pouzi"
    r"|opsa|zkopirova|zaskrt|odskrt|oznaci|zatrh|odtrh)(n?u|a|i)?l[aoiy]?$"
)
# The log-in's own terms in forms the word list lacks ("jméno heslo a nic s autentizací")
LOG_IN_TERM = re.compile(r"^(autenti[zf]\w*|autoriz\w*|verifik\w*|prihlasovan\w*)$")


@lru_cache(maxsize=1)
def _dictionary() -> FrozenSet[str]:
    """Every word form simplemma knows in Czech and Slovak, and spaCy's stop words, folded: a
    word in it is an ordinary word, not a secret (English words beside "password" are in
    NOT_A_PASSWORD)."""
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    factory = DefaultDictionaryFactory()
    letters = "áäčďéěíĺľňóôŕřšťúůýžÁÄČĎÉĚÍĹĽŇÓÔŔŘŠŤÚŮÝŽ"
    table = str.maketrans(letters, "".join(fold(ch) for ch in letters))  # fold(), but fast
    words = set()
    for language in ("cs", "sk"):
        for form, lemma in factory.get_dictionary(language).items():  # forms and their lemmas
            words.add(form.lower().translate(table))
            words.add(
                (lemma.decode() if isinstance(lemma, bytes) else lemma).lower().translate(table)
            )
    # Words that are their own lemma (conjunctions, particles: "takže", "však") the lemma lists
    # lack; spaCy's stop-word lists have them ("…jana@firma.cz, takže je to dobře?")
    from spacy.lang.cs.stop_words import STOP_WORDS as CZECH_STOP_WORDS
    from spacy.lang.sk.stop_words import STOP_WORDS as SLOVAK_STOP_WORDS

    words.update(word.lower().translate(table) for word in CZECH_STOP_WORDS | SLOVAK_STOP_WORDS)
    return frozenset(words)


@lru_cache(maxsize=1)
def _english() -> FrozenSet[str]:
    """Every English word form simplemma knows: "…the password there as well?" names none; only
    a word written in lower case counts ("Sunshine" after "password" is still a secret)."""
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    return frozenset(form.lower() for form in DefaultDictionaryFactory().get_dictionary("en"))


def warm_up_redaction() -> None:
    """Loads the word lists now (a server's start), so no customer's turn waits for them."""
    _dictionary()
    _english()


PAST_TENSE = re.compile(r"^(\w{3,}[aeiy])l[aoiy]?$")
# "odesílám", "posíláme", "nastavuju": the present tense of a verb the list has as an infinitive
PRESENT_TENSE = re.compile(r"^(\w{3,}?)(am|ame|ate|aji|im|ime|ite|em|eme|ete|uju|uji|ujeme|ujete)$")
PRESENT_INFINITIVES = {
    "am": ("at",),
    "ame": ("at",),
    "ate": ("at",),
    "aji": ("at",),
    "im": ("it", "et"),
    "ime": ("it", "et"),
    "ite": ("it", "et"),
    "em": ("et", "at"),
    "eme": ("et", "at"),
    "ete": ("et", "at"),
    "uju": ("ovat",),
    "uji": ("ovat",),
    "ujeme": ("ovat",),
    "ujete": ("ovat",),
}


def _unknown(word: str) -> bool:
    """Not an ordinary word: no dictionary, product name or description has it."""
    bare = word.strip(STRIP)
    folded = fold(bare)
    if len(folded) < 4 or "@" in bare or TECHNICAL.match(bare) or _product(folded):
        return False
    if bare.islower() and folded.endswith(VERBAL_NOUN_ENDINGS):  # "odesílání": a dictionary gap
        return False
    if bare.islower() and (COLLOQUIAL.match(folded) or DOING.match(folded)):
        return False
    if LOG_IN_TERM.match(folded.lower()):
        return False
    # "odeslalo", "odeslala": the past tense of a verb whose infinitive the list has ("odeslat")
    past = PAST_TENSE.match(folded) if bare.islower() else None
    if past and f"{past.group(1)}t" in _dictionary():
        return False
    present = PRESENT_TENSE.match(folded) if bare.islower() else None
    if present and any(
        f"{present.group(1)}{ending}" in _dictionary()
        for ending in PRESENT_INFINITIVES[present.group(2)]
    ):
        return False  # "odesílám": a form of "odesílat"
    verbal = VERBAL_ADJECTIVE.match(folded) if bare.islower() else None
    if verbal and f"{verbal.group(1)}at" in _dictionary():
        return False  # "testovací": the adjective of "testovat", which the word list has
    participle = PARTICIPLE.match(folded) if bare.islower() else None
    if participle and f"{folded[: participle.start(2)]}y" in _dictionary():
        return False  # "zobrazované": a form of "zobrazovaný", which the word list has
    # colloquial adjective endings: "zákaznickýho" is "zákaznického", "novýmu" is "novému"
    standard = re.sub(r"yho$", "eho", re.sub(r"ymu$", "emu", folded)) if bare.islower() else folded
    known = (
        folded in _dictionary()
        or standard in _dictionary()
        or (bare.islower() and bare in _english())
    )
    return folded not in NOT_A_PASSWORD and not known and not _describes(bare)


def _product(folded: str) -> bool:
    """A product's name, inflected too ("heslo k iCloudu", "do Gmailem"): its Czech ending on a
    name the list has."""
    stem = re.sub(r"(u|em|ovi|y|ech|ami|a|e|i)$", "", folded)
    return folded in PRODUCT_WORDS or (len(stem) >= 4 and stem in PRODUCT_WORDS)


def ordinary_word(word: str) -> bool:
    """A word any dictionary of Czech or Slovak has ("obsahuje"): never taken for a password
    on its own, so a letters-only password that is one is the customer's risk."""
    return not _unknown(word)


def _near_keyword(text: str, folded: str) -> Iterator[Tuple[int, int]]:
    """A word that is no ordinary word (or looks like a password) within WINDOW words after
    a password keyword, in the same sentence."""
    for key in KEYWORD.finditer(folded):
        if JOINED_TERM.match(folded, key.end()):
            continue  # a term joined to the keyword ("password-cleartext"), no password after it
        if AUTH_METHOD_BEFORE_KEY.search(folded[: key.start()]):
            continue  # "Normální heslo": the name of a log-in method, no password after it
        for number, token in enumerate(re.finditer(r"\S+", text[key.end() :])):
            if number >= WINDOW:
                break
            start, end = key.end() + token.start(), key.end() + token.end()
            while start < end and text[start] in ":=" + OPEN_QUOTE:  # "heslo=X", "heslo:„X“"
                start += 1
            word = text[start:end]
            if not word:
                continue
            if fold(word.strip(STRIP)) in ENGLISH_AFTER_KEY:
                continue
            if number and PRESSED.search(fold(text[key.end() : start])):
                break  # "…password and clicked Sign In": a button named, the sentence goes on
            if _shaped(word, right_after_key=number == 0) or _unknown(word):
                yield start, end
                break  # one password per keyword: what follows it is the customer's sentence
            if word[-1:] in ".!?,;":  # the clause ends: the rest is the customer's sentence
                break


def _swept(word: str) -> bool:
    """A word taken for a password anywhere in a message about the log-in: letters with digits
    ("Pomeranc12", "kv3tinac_88", "Heslo2024"), not a value the customer names ("SSL/TLS",
    "SMTP:587", "Lumia950", "0x800CCC0E") and not "heslo=X" (the patterns take the value)."""
    folded = fold(word)
    if len(word) < SHAPED_MIN or word.startswith("/") or re.match(rf"{KEY}\s*[:=]", folded):
        return False
    if not (any(ch.isdigit() for ch in word) and any(ch.isalpha() for ch in word)):
        return False
    if folded.startswith("0x") or _address_like(word) or "." in word:
        return False
    parts = [p for p in re.split(r"[/:\-_]+|(?<=[a-z])(?=\d)", folded) if p]
    return not all(p in PRODUCT_WORDS or p.isdigit() or TECHNICAL.match(p) for p in parts)


def _dotted_secret(word: str) -> bool:
    """ "Lipa.Hora77": letters and digits joined by a dot, no server's name in any case."""
    folded = fold(word).lower()
    return (
        "." in word
        and len(word) >= SHAPED_MIN
        and any(ch.isdigit() for ch in word)
        and any(ch.isalpha() for ch in word)
        and not HOST_NAME.match(folded)
        and "@" not in word
    )


# The password beside the user name, no keyword: "zadávám Tajne77 a jméno petr", "píšu tam
# X a login eva" (X taken when it looks like a password or is no ordinary word)
CREDENTIAL_PAIR = re.compile(
    rf"{ENTERING}{MARKS}(?:\s+tam)?\s+(?P<secret>\S+)\s+(?:a|and|,)\s+(?:jako\s+)?"
    r"(?:uzivatelske\s+|prihlasovaci\s+)?(?:jmeno|login|uzivatel\w*|user\s*name)\b"
)


# A server's name in lower case ("mail.firma.cz", "ssl0.ovh.net": a host in a domain) is what a
# program found or the customer typed as a server ("heslo k poště papousek.cz" may be a password)
HOST_NAME = re.compile(
    r"^[a-z0-9-]+(\.[a-z0-9-]+)+\.(cz|sk|com|net|org|eu|de|at|pl|uk|info|biz|io|online|shop)$"
)

# A bare domain ("moje-firma.cz") is a server's value when a server was named just before it
DOMAIN = re.compile(r"^[a-z0-9-]+\.(cz|sk|com|net|org|eu|de|at|pl|uk|info|biz|io|online|shop)$")
SERVER_BEFORE = re.compile(r"\bserver\w*\W+(\w+\W+){0,4}$")

# The SMTP log-in mechanisms a device offers by name ("žádné / PLAIN / LOGIN / CRAM-MD5"), RFC 4954
AUTH_MECHANISMS = frozenset(
    ["plain", "login", "cram-md5", "digest-md5", "ntlm", "xoauth2", "oauth2", "oauth", "gssapi"]
    + ["kerberos"]  # Thunderbird's list: "Normální heslo, Šifrované heslo, Kerberos, NTLM, OAuth2"
    + ["scram-sha-1", "scram-sha-256"]
)
# Thunderbird's names of its log-in methods ("Normální heslo", "Šifrované heslo"; Mozilla's
# support pages), in Czech and English: a method named, no password typed
AUTH_METHOD_NAME = re.compile(
    r"(normalni|sifrovane|nesifrovane|normal|encrypted|unencrypted) (heslo|hesla|password)"
)
AUTH_METHOD_BEFORE_KEY = re.compile(r"\b(normalni|sifrovane|nesifrovane|normal|encrypted)\s*$")
# Letters with digits that name a thing, not a secret: "SM-G991B", "AUTH535", "Err-535", "port993"
CODE_LIKE = re.compile(r"^(?:[A-Z0-9]+|.*-.*|(?i:port|auth|err|error|smtp|imap|pop|ssl|tls)\w*)$")


# The keyword inside an authentication method's name ("Normální heslo", "Šifrované heslo",
# "Normal password"): a menu item, so no password is looked for beside it
METHOD_KEY = re.compile(
    r"\b((?:normaln|sifrovan|nesifrovan|normal|encrypted|unencrypted)\w*\s+)(hesl\w*|password\w*)"
)


# ("normální heslo mám Ruze88": a password said after the method's name is still one)
METHOD_SECRET = re.compile(
    r"\b(?:normaln|sifrovan|nesifrovan|normal|encrypted|unencrypted)\w*\s+[hp]-s\w*"
    r"(?:\s+(?:je|mam|zni|is)\b|\s*[:=])\s*(?P<secret>\S+)"
)


# a word of pressing right before a word: that word is a button ("clicked Sign In")
PRESSED = re.compile(
    r"\b(clicked|click|tapped|tap|pressed|press|hit|chose|selected|klikl\w*|kliknu\w*|klepl\w*"
    r"|klepnu\w*|zmackl\w*|zmacknu\w*|stiskl\w*|stisknu\w*|tukl\w*|tuknu\w*)\s*$"
)


def _without_method_names(folded: str) -> str:
    """`folded` with the keyword of a method's name made no keyword, every index kept."""
    return METHOD_KEY.sub(lambda m: m.group(1) + m.group(2)[0] + "-" + m.group(2)[2:], folded)


def _spans(text: str) -> Iterator[Tuple[int, int]]:
    folded = _without_method_names(fold_in_place(text))
    candidates = [
        match.span("secret") for pattern in PATTERNS for match in pattern.finditer(folded)
    ]
    for match in METHOD_SECRET.finditer(folded):
        if _shaped(text[match.start("secret") : match.end("secret")], right_after_key=True):
            candidates.append(match.span("secret"))
    for match in (m for nearby in NEARBY for m in nearby.finditer(folded)):
        word = text[match.start("secret") : match.end("secret")]
        if PRESSED.search(match.group("between")):
            continue  # "…email and password and clicked Sign In": a button's name
        if _shaped(word, right_after_key=not match.group("between")):
            candidates.append(match.span("secret"))
    candidates += list(_near_keyword(text, folded))
    swept = set()  # letters with digits: a password whatever the program said before it
    if LOG_IN.search(folded):
        for token in re.finditer(r"\S+", text):
            word = token.group().strip(STRIP + "([{")
            # ("…jsem si nastavila Kapr.2022": letters and digits joined by a dot, no domain)
            if _swept(word) or (_dotted_secret(word) and not DOMAIN.match(fold(word).lower())):
                candidates.append(token.span())
                if not CODE_LIKE.match(word):  # (a model number or a code is no password)
                    swept.add(token.span())
    for match in (
        *CHANGED_TO.finditer(folded),
        *POSSESSED.finditer(folded),
        *CREDENTIAL_PAIR.finditer(folded),
    ):
        word = text[match.start("secret") : match.end("secret")]
        if _shaped(word, right_after_key=True) or _unknown(word.strip(STRIP)):
            candidates.append(match.span("secret"))
    for match in (
        *ASKED_IF_IT_IS.finditer(folded),
        *HANDED_OVER.finditer(folded),
        *CHANGED_IT_TO.finditer(folded),
        *REMEMBERED.finditer(folded),
    ):
        word = text[match.start("secret") : match.end("secret")].strip(STRIP)
        # ("je to Kocicka.8, chcete ho?"; "je to Office365, ne?" names a product)
        letters = re.sub(r"[\d\W_]+", "", fold(word)).lower()
        # ("HP4100", "MFC-L2710DW", "je to Xiaomi12, vadí to?": a model asked about, only here –
        # the same word typed after "zadávám" or "heslo" stays hidden)
        named = _product(letters) or letters in MODEL_NAMES or word.isupper()
        if (_swept(word) or _dotted_secret(word)) and not named:
            candidates.append(match.span("secret"))
    for match in NEXT_SENTENCE_IT_IS.finditer(folded):
        # "heslo ke schránce? to je Lipa_na_kopci, ne?": the sentence after the keyword's
        word = text[match.start("secret") : match.end("secret")].strip(STRIP)
        if _shaped(word, right_after_key=False) or _unknown(word):
            candidates.append(match.span("secret"))
    for match in NAMED_BEFORE.finditer(folded):
        word = text[match.start("secret") : match.end("secret")].strip(STRIP)
        # ("kočička je moje heslo": owned, whatever the word; "jahoda je heslo": the clause's
        # subject – "v nastavení odchozí pošty je heslo zvlášť" names a field after a preposition)
        own = match.group("whose") in ("moje", "me", "muj", "nase", "my")
        opens = not folded[: match.start("secret")].strip() or bool(
            re.search(r"[.,;:!?]\s*$", folded[: match.start("secret")])
        )
        subject = opens and fold(word) not in NOT_A_PASSWORD
        if own or subject or _shaped(word, right_after_key=False) or _unknown(word):
            candidates.append(match.span("secret"))
    for match in ENTERED.finditer(folded):
        word = text[match.start("secret") : match.end("secret")].strip(STRIP)
        if _swept(word) and any(ch.islower() for ch in word):  # ("SM-A546B" is a model)
            candidates.append(match.span("secret"))
    for match in (*CHANGED_NOW_TO.finditer(folded), *CHANGED_NOW_IS.finditer(folded)):
        word = text[match.start("secret") : match.end("secret")].strip(STRIP)
        if _swept(word) or _dotted_secret(word):
            candidates.append(match.span("secret"))
    for match in (*ADDRESS_THEN.finditer(folded), *APPOSITION.finditer(folded)):
        # "petr@firma.cz, Tajne-heslo"; "heslo mám správně, je to Tajne-heslo"
        word = text[match.start("secret") : match.end("secret")]
        if _shaped(word, right_after_key=False) or _unknown(word):
            candidates.append(match.span("secret"))
    for start, end in candidates:
        shaped_anywhere = (start, end) in swept
        while start < end and text[start] in OPEN_QUOTE:
            start += 1
        while end > start and text[end - 1] in STRIP:
            end -= 1
        if start == end or text.startswith(REDACTED, start) or REDACTED.startswith(text[start:end]):
            continue  # redacted before
        word = text[start:end]
        if TECHNICAL.match(word) and not word.isdigit():  # "heslo mám 100% dobře"
            continue
        if not any(ch.isalnum() for ch in word):  # "sorry za to heslo 🙈": no word at all
            continue
        if HOST_NAME.match(word):  # "…adresy a hesla sám našel IMAP mail.firma.cz": a server
            continue
        if MAILBOX_NAMED.search(folded[:start]) and WHOLE_ADDRESS.match(word):
            continue  # "změnila jsem heslo k mailu jana@firma.cz": the mailbox it is for
        server_before = SERVER_BEFORE.search(fold(text[:start]))
        if DOMAIN.match(word) and server_before and not KEYWORD.search(server_before.group(0)):
            # "v serveru mám vyplněné moje-firma.cz a uživatel…": the server's value ("server
            # mám firma.cz, heslo mojeheslo.cz" names the password between them)
            continue
        if fold(word) in PRODUCT_WORDS:  # "na iPhonu mám jako heslo X": the device, then X
            continue
        if fold(word).lower() in AUTH_MECHANISMS:  # "ověřování: žádné / PLAIN / CRAM-MD5"
            continue
        if AUTH_METHOD_NAME.fullmatch(fold_in_place(word)):  # "„normální heslo“ je název volby"
            continue
        if ACCOUNT_NAMED.search(folded[:start]) and not shaped_anywhere:
            continue  # "Zadejte heslo pro účet „Kancelář“": the prompt names the account
        if _reported_after_key(folded[:start]) and not shaped_anywhere:
            continue  # "zadala heslo a Outlook hlásí „Účet …“" (but "…píše, že je špatné, měnil
            # jsem ho na Modrak2024" is the password)
        if _describes(word) and not _shaped(word, right_after_key=False):
            continue
        yield start, end


# "heslo k mailu jana@firma.cz": the mailbox the password belongs to, named by its address
MAILBOX_NAMED = re.compile(
    r"\b(k|ke|od|pro|do|for|of|to)\s+((e-?)?mail\w*|schrank\w*|adres\w*|uct\w*|ucet|account|mailbox)\s*:?\s*$"
)
WHOLE_ADDRESS = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")


# A prompt that names the account the password is for: "heslo pro účet „Kancelář“"
# (the name quoted, as the prompt shows it: "heslo k účtu: kocicka" stays a password)
ACCOUNT_NAMED = re.compile(
    r"\b(pro|for)\s+(ucet|account|schranku)\s*[\"'\u201e\u201c\u201a\u2018\u00ab]\s*$"
)


# What a program says, between the keyword and a quote: the program's message, no password.
REPORTING = re.compile(
    # ("heslo jsem napsal X": the customer typed it – no report)
    r"\b(hlasi|hlasil\w*|pise|(?<!jsem )(?<!sem )(?<!jsme )napsal\w*|ukazuje|ukazal\w*|zobraz\w*"
    r"|oznam\w*|vyhodil\w*"
    r"|says|said|shows|showed|displays|reads|pops up|tells me)\b"
)


def _reported_after_key(before: str) -> bool:
    """A program's report ("… a Outlook hlásí") stands between the last keyword and here."""
    keys = list(KEYWORD.finditer(before))
    return bool(keys) and bool(REPORTING.search(before[keys[-1].end() :]))


def redact(text: str) -> str:
    """`text` with every password it contains replaced by REDACTED."""
    if not text:
        return text
    merged: List[List[int]] = []  # two patterns may find overlapping parts of one password
    for start, end in sorted(_spans(text)):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    result, position = [], 0
    for start, end in merged:
        result.append(text[position:start] + REDACTED)
        position = end
    return "".join(result) + text[position:]


def names_password(text: str) -> bool:
    """The message writes a password keyword ("heslo", "password", …): the patterns above
    read what stands beside it, so the NLU's guess does not overrule them (channels/guard.py)."""
    return bool(KEYWORD.search(fold_in_place(text.lower())))


def typed_password(text: str) -> bool:
    """The message carries a password (or carried one the channel already took out)."""
    return bool(text) and (REDACTED in text or redact(text) != text)
