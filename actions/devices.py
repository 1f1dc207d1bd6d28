"""Which phone or program the customer has, from their words ("na lumii", "v outlooku",
"pardon, je to Samsung, ne iPhone"). The names are the guides' `aliases` in knowledge.yml."""

import re
from functools import lru_cache
from typing import List, Optional, Set, Tuple

from actions import knowledge, phrases
from actions.understanding import fold, protocols_in_text

# "…, ne iPhone", "nikoli Android", "ne na iPhonu": a device taken back
DENIED = re.compile(
    r"\b(ne|nikoli|nemam|neni to|neni|nepouzivam|nechci|not)\s+((na|v|ve|do|aplikac\w*)\s+)?$"
    r"|\bomylem\s+(jsem\s+)?(napsal\w*|uvedl\w*|zadal\w*|dal\w*)\s+$"  # "omylem jsem napsal iPhone"
    # "pošta z Gmailu": mail from there ("posílám maily z iPhonu" sends from the device)
    # (the window is BEFORE characters: "posílám", "odesílá", "posíláme", "pouštím" by their
    # endings)
    r"|(?<!silam )(?<!sila )(?<!silame )(?<!ustim )(?<!ustime )(?<!usti )(?<!poslu )"
    r"\b(post\w*|mail\w*|zprav\w*)\s+(z|ze|od)\s+$"
    # "samsung tablet, jde tam ta konfigurace jako na iPhonu?": a comparison, not the device
    # (Slovak "aby chodili hned ako na gmaile")
    r"|\b(jako|stejne jako|podobne jako|ako|rovnako ako|like|as on)\s+((na|v|ve|u|s|on|in)\s+)?$"
)
# "…, já mám Samsung", "je to Android": the customer's own device (over one only mentioned)
# ("kde to v iPhonu přepíšu?": the device asked about is theirs too)
CLAIMED = re.compile(
    # ("manželka má iPhone": the device now talked about is hers; "mám aplikaci Outlook")
    # ("to není iPhone, ale Samsung": the one named after the one taken back)
    r"\b(mam|mame|ma|pouzivam|je to|jde o|radsi|zkusim|prejdu na|prechazim na|ale"
    r"|koupil\w*|poridil\w*|dostal\w*|(jsem|sem|jsme) si)\s+"  # "koupil jsem si iPhone"
    # ("je to ten nový Outlook", "mám ten starý Samsung")
    r"((ten|tu|to|ta)\s+)?((na|v|ve|do|tu|tady|aplikac\w*|program\w*|star\w*|nov\w*|firemni|sluzebni)\s+)?$"
    # ("návod na Windows Phone je mi k ničemu, mám Huawei": the guide's device, not theirs)
    r"|(?<!navod )(?<!navodu )(?<!postup )\b(v|ve|na|do)\s+$"
    r"|\b(mam|mame|ma|pouzivam|pouziva)\s+\w+\s+(a|i|plus)\s+$"  # "ona má Windows a Outlook"
    r"|\bted\s+(uz\s+)?(jeste\s+)?(na\s+|do\s+)?$"  # "mac mám hotový, teď iPad"
    r"|\b(mam|mame|pouzivam)\s+(i|taky|take|tez|jeste|navic)\s+$"  # "napadlo mě, že mám i iPad"
    r"|\b(zpet|zpatky|vrat\w*( se)?)\s+(k|ke)\s+$"  # "dobře, teď zpátky k Lumii"
    r"|(instaluju|stahnu)(\s+si)?\s+$"  # "(na)instaluju si Thunderbird": the one they will use
    r"|\b(nastavuju|nastavuji|pridavam|konfiguruju)(\s+si)?\s+$"  # "nastavuju Samsung Email"
)
# "koupil jsem si nový Mac", "na novém iPadu": a device just bought, the one still to set up
NEW_ONE = re.compile(
    r"\b(koupil\w*|koupen\w*|poridil\w*|dostal\w*|nov[yaeo]\w*)\s+((si|jsem|sem|jsme)\s+)*"
    r"((nov\w*|ten|tu|to)\s+)?$"
)
# "v Outlooku to mám léta, teď chci stejný mail i na mobil (Xiaomi)": the device wanted next
WANTED_ON = re.compile(
    # ("chtěl bych to i na mobilu s Androidem": the phone by its system)
    r"\b(chci|chtel\w*|chtela|potrebuj\w*)\b[^.?!,]{0,25}\s(na|do|v|ve)\s+(\w+[\s,]+)?((s|se)\s+)?[(:]?\s*$"
    # "předtím jsem měl Lumii, teď mám Google Pixel": the one they have now
    r"|\b(ted|nyni|now)\s+(uz\s+)?(mam|pouzivam|mame|i have|i use)\s+(\w+\s+)?$"
)
WANTED_SPAN = 40  # characters before a name read for the wish to have the mail there
# "v Outlooku to nechci, dám radši Thunderbird": a device taken back after its name
# ("v Thunderbirdu to nechci ručně vypisovat" does not want the typing, not the program)
DENIED_AFTER = re.compile(
    r"^\W*(to |tam |ho |ji )?(nechci|nechceme|nepouziv\w*|uz ne(?!\w))\b\s*([,.;!]|$|a |dam |radsi )"
    r"|^\W*(uz )?(mam|je|mame) (uz )?(hotov|nastaven|vyresen)\w*"  # "Mac mám hotový": done, not this one
    # "mám tam už gmail účet": an account of that provider in the app, not the device
    r"|^ (ucet|uctu|ucty|account|adres\w*|schrank\w*)\b"
    r"|^\W*(jsem|sem) (smaz|odinstal|vyhodil|zrusil)\w*"  # "Thunderbird jsem smazal"
    r"|^\W*(je|jsou) (mi )?(k nicemu|nanic)"  # "návod na Windows Phone je mi k ničemu"
    r"|^\W*ne\s*[,.;!]"  # "na iPhonu ne, to funguje" ("mám iPhone, ne?" asks)
)
# "v Thunderbirdu v práci už to jede, doma mám Mac": a device where it works already
# ("na iPhonu už chodí příjem, ale odesílání ne": a problem there, not done)
WORKS_AFTER = re.compile(
    r"^[^,.;?!]{0,20}\b(uz (\w+ ){0,2}|(posilani|odesilani|odeslani) (mi )?)(jede|funguje|jde|chodi|odesila)\b"
    r"(?![^.?!]{0,40}\b(ale|jen|jenom|akorat|krome)\b)"
)
WORKS_SPAN = 30  # characters after a name read for it working already
AFTER = 12  # characters after a name read for a word that takes it back
# A phone maker's own mail app ("jejich aplikace E-mail", "Huawei Mail") or another app (Aqua
# Mail, K-9…), not the Gmail app
OWN_APP = re.compile(
    r"\b(jejich|vlastn\w*|vestaven\w*|puvodn\w*|systemov\w*|predinstalovan\w*) (\w+ )?"
    r"(aplikac\w*|appk\w*|(e-?mail|mail)\w* (aplikac|appk)\w*)"
    r"|\b(huawei|xiaomi|honor|oppo|realme|oneplus|motorol\w*|redmi) (mail|e-?mail|aplikac\w*|appk\w*)\b"
    # "aplikace E-mail od Xiaomi", "v aplikaci E-mail (xiaomi)"
    r"|\b(aplikac\w*|appk\w*) (e-?mail|mail|posta)\W{0,3}((od |z )?\(?|[^.?!]{0,25}\b(od|z|ze) )"
    r"(huawei|xiaomi|honor|oppo|realme|oneplus|motorol\w*|redmi)\b"
    r"|\b(aplikac\w*|appk\w*) (od )?(vyrobce|vyrobcu)\b"  # "aplikaci od výrobce (Huawei)"
    # "v tom jejich emailu od Xiaomi", "pošta od Huawei"
    r"|\b(e-?mail|mail|post)\w* (od|z|ze) (huawei|xiaomi|honor|oppo|realme|oneplus|motorol\w*|redmi)\b"
    # other mail apps on Android we have no guide for
    r"|\b(aqua ?mail|k-?9( mail)?|blue ?mail|fairemail|spark|edison|typeapp|mymail|nine)\b"
)
OTHER_APP = "android_other"  # knowledge.yml's guide for an Android mail app of its own
# A program refused: "nemám Gmail", "ale ne gmail", "nepoužívám Outlook"
REFUSED = re.compile(
    r"\b(nemam|nepouzivam|nechci)( \w+){0,2}|\b(ale|a) ne (\w+)|\b\w+ (nepouzivam|nemam)\b"
    r"|(\(|,|\bjsem|\bale|\bnikoli)\s*ne (\w+)"  # "v té jejich aplikaci Email (ne gmail)", "psal jsem NE gmail"
)
# "aplikaci (Microsoft) Outlook", "appku Outlook", "apku od Outlooku"
APP_BEFORE = re.compile(r"\b(aplikac\w*|app?k\w*|app?s?)\s+(\w+\s+)?$")
LIST_SPAN = 25  # characters between two providers' names on one screen's list
BEFORE = 14  # characters before a name read for a word that denies or claims it
# "je tam spousta ikon Google, Yahoo, Outlook": the providers a screen lists, no device
# ("seznam" is also the word for a list: the provider only as "seznam.cz" / "Seznam e-mail")
PROVIDERS = re.compile(
    # ("Microsoft Outlook", "Outlook z Microsoft 365" are one program's name, no list)
    r"\b(google|gmail|yahoo|outlook|icloud|exchange|aol|hotmail"
    r"|(?<!outlook z )(?<!outlook ze )(?<!outlook od )microsoft(?! outlook)"
    r"|seznam\.cz|seznam (email|e-mail|mail|posta))\b"
)


SUITE_AFTER_OUTLOOK = re.compile(
    r"(\boutlook\w*\W{1,3}(?:\w+\W{1,3}){0,2})(?:microsoft|office) ?365"
)
# Long program names typed with a slip ("thuderbird", "outlok", "samsnug"): read as the name.
# (Short names and "phone"-like words are left alone: "phone" is no iPhone.)
TYPO_NAMES = ("thunderbird", "outlook", "samsung", "android")
SUFFIX = 3  # characters of a Czech ending after the name ("thuderbirdu")


def _distance(a: str, b: str) -> int:
    """Levenshtein's distance of two words."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ca != cb))
    return row[-1]


def _slip_of(word: str) -> Optional[str]:
    if len(word) < 6 or any(word.startswith(name) for name in TYPO_NAMES):
        return None
    for name in TYPO_NAMES:
        allowed = 1 if len(name) <= 7 else 2
        for k in range(len(name) - 1, len(name) + 2):
            if len(word) - k <= SUFFIX and _distance(word[:k], name) <= allowed:
                return name + word[k:]
    return None


@lru_cache(maxsize=256)
def with_names_mended(folded: str) -> str:
    """The text with slipped program names mended (named() and mentions_of() both read it for
    the same text: cached, the distances are computed once)."""
    mended = re.sub(r"\b[a-z]{6,}\b", _mended_word, folded)
    # a quoted label of three words or more ("zaškrtnuté 'Nastavit Outlook Mobile i na mém
    # telefonu'") is the screen's text, no device of theirs (blanked, the distances kept)
    return QUOTED_LABEL.sub(lambda m: " " * len(m.group()), mended)


def _mended_word(match: "re.Match[str]") -> str:
    return _slip_of(match.group()) or match.group()


# (an apostrophe between letters – "can't", "it's" – is no quote)
QUOTED_LABEL = re.compile(
    r"(?<!\w)['\"„“‚‘][^'\"„“‚‘”’]*?\w+\s+\w+\s+\w+[^'\"„“‚‘”’]*['\"“”‘’](?!\w)"
)


def mentions_of(folded: str) -> List[Tuple[bool, int, str]]:
    """(not claimed, where, guide id) of every device named and not denied: claimed ones
    first, then in the order written."""
    folded = with_names_mended(folded)
    found = []
    for guide in knowledge.guides().values():
        for match in guide.aliases.finditer(folded):
            before = folded[max(0, match.start() - BEFORE) : match.start()]
            after = folded[match.end() : match.end() + AFTER]
            works = WORKS_AFTER.search(folded[match.end() : match.end() + WORKS_SPAN])
            if not (DENIED.search(before) or DENIED_AFTER.search(after) or works):
                found.append((not CLAIMED.search(before), match.start(), guide.id))
    return sorted(found)


def all_named(folded: str) -> List[str]:
    """Every device the message names, each part joined by "a" / "i" read as one ("z iPhonu a z
    počítače s Outlookem": two; "Samsung s aplikací Gmail": one), in the order written."""
    parts = [
        piece
        for part in re.split(r"[.;!?]\s|\s(?:a|i|plus|a taky|a take|a jeste)\s", folded)
        for piece in DEVICE_LIST_COMMA.split(part)  # "můj iPhone, počítač s Outlookem"
        if piece
    ]
    found = list(
        dict.fromkeys(
            device
            for part in parts
            if (device := named(part))
            and not DONE_THERE.search(part)  # "v Outlooku hotovo"
            and not SOMEONE_ELSES.search(part)  # "mám Samsung, iPhone má manželka"
        )
    )
    # ("mám redmi a v něm jejich aplikaci pošta": the app on that phone, one device)
    refined = {r for device in found for r in knowledge.guide(device).refines}
    return [device for device in found if device not in refined]


# "do Gmailu, nebo do té aplikace E-mail?", "Outlook vs. Thunderbird": two apps weighed
ALTERNATIVE = re.compile(r"\s(?:nebo|ci|or|vs\.?|versus|anebo)\s")


def alternatives(folded: str) -> List[str]:
    """The devices the message weighs against each other, one per side of "nebo"."""
    sides = ALTERNATIVE.split(folded)
    found = [device for side in sides if (device := named(side))]
    return list(dict.fromkeys(found)) if len(sides) > 1 else []


# A comma before the next device of a list ("můj iPhone, počítač v kanceláři s Outlookem"),
# not a provider list on a screen ("Samsung, vidím Gmail, Outlook")
DEVICE_LIST_COMMA = re.compile(
    r",\s*(?=(?:(?:z|ze|v|ve|na|s|se|u)\s+)?"
    r"(?:(?:muj|moje|nas|nase|jeho|jeji|manzel\w*|firemni|pracovni|sluzebni|domaci)\s+)?"
    r"(?:pocitac|notebook|ntb|laptop|tablet|telefon|mobil|iphon|ipad|android|samsung|mac)\w*)"
)
SOMEONE_ELSES = re.compile(
    r"\b(ma|maji|pouziva)\s+(moje?\s+|nase?\s+)?(manzel\w*|zena|muz|syn|dcer\w*|koleg\w*"
    r"|partner\w*|mama|tata|babi\w*|deda|sef\w*)\b"
)
DONE_THERE = re.compile(
    r"\b(hotov\w*|uz (bylo|je|jede|funguje)|odeslal\w*|odeslo|funguje|jede|rozjel\w*|rozchodil\w*"
    r"|zprovoznil\w*|prosel|prosla|prosli|vyresil\w*|vyresen\w*)\b"
    r"|\b(to|uz) jde\b(?! (nastavit|udelat|zmenit|zapnout|vypnout|opravit))"  # "na iPhonu to jde"
)


# A correction of what was just said: "ne počkej", "pardon", "vlastně", "teda"
CORRECTION = re.compile(
    r"\b(ne,? pockej|pockej|pockat|pardon|sorry|vlastne|teda|oprava|spletl\w*|omyl\w*)\b"
)
WRITTEN_BEFORE = re.compile(r"\b(napsal\w*|uvedl\w*|zadal\w*)\s+$")
# A phone named in words, beside a program's name ("Gmail v mobilu", "Android")
PHONE_WORDS = re.compile(
    r"\b(telefon\w*|mobil\w*|iphon\w*|ipad\w*|android\w*|pixel\w*|xiaomi\w*|redmi\w*|huawei\w*|motorol\w*|samsung\w*|galax\w*)\b"
)
# An edition only the computer's program has ("Outlook 2019", "Outlook z Office 365")
DESKTOP_EDITION = re.compile(
    r"\boutlook\w*\s+((z|ze|od|v)\s+)?(20[012]\d|office|microsoft 365|365|klasick\w*|desktop\w*)\b"
)
COMPUTER = re.compile(r"\b(pocitac\w*|notebook\w*|ntb|pc|laptop\w*|windows)\b")


DEVICE_FILLERS = re.compile(
    r"\b(aplikac\w*|app\w*|telefon\w*|mobil\w*|tablet\w*|pocitac\w*|notebook\w*|mam|je to|to je"
    r"|v|ve|na|s|a|pres|s tou|jejich|vlastni|email|e-mail|mail)\b"
)


def only_names(folded: str) -> bool:
    """The message names one or more devices and nothing else ("android, gmail aplikace")."""
    if not any(guide.aliases.search(folded) for guide in knowledge.guides().values()):
        return False
    if len(PROVIDERS.findall(folded)) > 1:  # "google, outlook, yahoo": a screen's list
        return False
    rest = folded
    for guide in knowledge.guides().values():
        rest = guide.aliases.sub(" ", rest)
    return not re.sub(r"\W+", " ", DEVICE_FILLERS.sub(" ", rest)).strip()


NOT_ON_COMPUTER = re.compile(r"\bne (v|na|ve) (pc|pocitac\w*|notebook\w*)\b")
ON_PHONE = re.compile(
    r"\b(v|na|ve) (mobilu|mobile|telefonu|mobilnim telefonu)\b|\bne (v|na) (pc|pocitaci|notebooku)\b"
)


def phone_app_of(known: str, folded: str) -> Optional[str]:
    """ "V mobilu, ne v PC" about a computer's program: the guide of that program's phone app
    (one that refines it), or None."""
    if knowledge.guide(known).kind != "computer" or not ON_PHONE.search(folded):
        return None
    # ("když smažu mail v mobilu, smaže se i v počítači?": both named, the computer's not denied)
    if COMPUTER.search(folded) and not NOT_ON_COMPUTER.search(folded):
        return None
    return next(
        (
            guide.id
            for guide in knowledge.guides().values()
            if known in guide.refines and guide.kind == "phone"
        ),
        None,
    )


def app_on_phone(known: str, folded: str) -> Optional[str]:
    """ "Mám aplikaci Outlook" on an Android phone known before: the program on that phone (the
    guide that refines the phone's and whose program is named)."""
    if knowledge.guide(known).kind != "phone" or COMPUTER.search(folded):
        return None  # ("mám ho i v počítači v Outlooku": the program on the computer)
    if DESKTOP_EDITION.search(folded):
        return None  # "v Outlooku 2019", "v Outlooku z Office": the computer's program
    for guide in knowledge.guides().values():
        if known not in guide.refines or not guide.program:
            continue
        for match in guide.program.finditer(folded):
            before = folded[max(0, match.start() - BEFORE - 10) : match.start()]
            # the program claimed or named as an app ("aplikaci Microsoft Outlook"), not a
            # provider in a list on the screen ("vidím Google, Yahoo a Outlook")
            if CLAIMED.search(before) or APP_BEFORE.search(before):
                return guide.id
    return None


def claimed(folded: str) -> bool:
    """A device named as the customer's own ("…, mám Samsung", "je to Android")."""
    return any(not unclaimed for unclaimed, _, _ in mentions_of(folded))


def _together(phone: str, app: str, folded: str) -> bool:
    """The phone and the program named in one clause ("Outlook mám v iPhonu"), not apart
    ("v Outlooku jsem to zaškrtl. a jak na iPhonu?", "v Outlooku i v iPhonu" – two devices)."""
    program = knowledge.guide(app).program
    return any(
        knowledge.guide(phone).aliases.search(clause) and program and program.search(clause)
        for clause in re.split(
            r"[.?!;]|\b(?:i|nebo|ale) (?:v|ve|na|u)\b|\ba (?:v|ve|na|u)\b(?! (?:nem|ni|tom|nich)\b)"
            # "v práci mám Outlook a doma iPhone", "na iPhonu to jde, v Outlooku ne": two places
            r"|\b(?:a )?(?:doma|v praci|v kancelari|ve firme)\b"
            # "poštu mám v Outlooku, koupila jsem iPad": a device bought is another one
            r"|,\s*(?:a\s+)?(?:ted\s+)?(?=(?:(?:jsem|sem|jsme)\s+)?(?:si\s+)?(?:koupil|poridil|dostal))"
            r"|,\s*(?:v|ve|na|u)\b(?! (?:nem|ni|tom|nich)\b)",
            folded,
        )
    )


# "v počítači to mám v Outlooku přes POP3": where another device is, told beside the one set up
ELSEWHERE = re.compile(
    r"\b(v|ve|na) (?P<place>pocitac\w*|pc|notebook\w*|laptop\w*|mobil\w*|telefon\w*)\b"
)
# …unless the customer turns to it ("jak to nastavím v počítači?", "pardon, je to Outlook")
TURNS_TO = re.compile(
    # ("…v outlooku přes pop3 a chci to tak nechat": the other device kept as it is)
    r"\b(jak|kde|nastav(it|im|ime|uju|uji)|pridat|pridam|prejdu|prejit|radsi"
    r"|(chci|chtel\w*)(?! (to |ho |ji )?(\w+ )?(nechat|ponechat|zachovat)\b)"
    r"|pardon|vlastne|omyl\w*|ted)\b"
)


def told_elsewhere(named_id: str, known: str, folded: str) -> bool:
    """The device named is another kind than the one set up, told about where it stands
    ("v počítači mám Outlook s POP3, nebude mi to mizet?" in the phone's walkthrough) – context,
    not a switch."""
    kind = knowledge.guide(named_id).kind
    if kind == knowledge.guide(known).kind or TURNS_TO.search(folded):
        return False
    for clause in re.split(r"[,.;!?]", folded):
        place = ELSEWHERE.search(clause)
        if place and knowledge.guide(named_id).aliases.search(clause):
            on_phone = place.group("place").startswith(("mobil", "telefon"))
            if ("phone" if on_phone else "computer") == kind:
                return True
    return False


def claims(folded: str) -> Tuple[List[str], Set[str]]:
    """The devices the message claims ("mám nový iPhone"), in order, and the ones it only
    mentions ("ta Lumie je v šuplíku")."""
    mentions = mentions_of(folded)
    claimed = [guide for unclaimed, _, guide in mentions if not unclaimed]
    return claimed, {guide for unclaimed, _, guide in mentions if unclaimed}


def named(folded: str) -> Optional[str]:
    """The device the customer says they have ("…, já mám Samsung"), else the one named
    first (a device taken back – "ne iPhone" – does not count; what follows is often a list
    on the screen: "Samsung, vidím Gmail, Outlook…"), or None. A guide that refines another
    ("Outlook v iPhonu" is the Outlook app) wins."""
    folded = with_names_mended(folded)
    # ("Outlook (klasický, Microsoft 365 na Windows 11)": the suite it comes with, no list)
    folded = SUITE_AFTER_OUTLOOK.sub(
        lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))), folded
    )
    mentions = mentions_of(folded)
    listed = list(PROVIDERS.finditer(folded))
    # a name in a list of providers (another one close by) counts only when claimed:
    # "outlook na androidu, …, je tam imap, pop3, exchange" names the Outlook app
    on_screen = {
        m.start()
        for m in listed
        if any(o.group(0) != m.group(0) and abs(o.start() - m.start()) <= LIST_SPAN for o in listed)
    }
    # ("windows phone: pod přidat účet mám outlook.com, exchange, google…": three names are
    # the screen's list even after "mám", when another device is named)
    long_list = {
        m.start()
        for m in listed
        if sum(abs(o.start() - m.start()) <= 2 * LIST_SPAN for o in listed) >= 3
    }
    mentions = [
        m
        for m in mentions
        if not (m[0] and m[1] in on_screen)
        and not (m[1] in long_list and any(o[2] != m[2] for o in mentions))
    ]
    # "v Thunderbirdu jsem to rozjel, teď ještě mobil, je to Android": the one still to do
    done = [c for c in re.finditer(r"[^,.;!?]+", folded) if DONE_THERE.search(c.group(0))]
    undone = [m for m in mentions if not any(c.start() <= m[1] < c.end() for c in done)]
    if undone and len({m[2] for m in mentions}) > 1:
        mentions = undone
        for clause in done:  # (nor is its program an app on the phone still to do)
            folded = folded.replace(clause.group(0), " " * len(clause.group(0)))
    ids = {guide_id for _, _, guide_id in mentions}
    # "provedte mě Thunderbirdem, mám tam už gmail": beside a computer's program, a program's
    # name with no phone of its own ("gmail") is an account in that program, not the phone app
    computers = {i for i in ids if knowledge.guide(i).kind == "computer"}
    if computers:
        accounts = {
            i
            for i in ids - computers
            if (program := knowledge.guide(i).program)
            and not PHONE_WORDS.search(program.sub(" ", folded))
        }
        mentions = [m for m in mentions if m[2] not in accounts]
        ids -= accounts
    # ("nemám Gmail, ale aplikaci od výrobce", "android, ale ne gmail": the program refused is
    # not theirs)
    kept = REFUSED.sub(" ", folded)
    # "Android, v něm aplikaci Microsoft Outlook": the app on that phone
    apps = {app for i in ids if (app := app_on_phone(i, kept)) and _together(i, app, kept)}
    if len(apps) == 1:
        return apps.pop()
    programs = [i for i in ids if (p := knowledge.guide(i).program) and p.search(kept)]
    if len(ids) > 1 and len(programs) == 1 and not computers:
        return programs[0]  # "Samsung, ale poštu čtu v Gmailu": the program
    refined = {r for guide_id in ids for r in knowledge.guide(guide_id).refines}
    chosen = [guide_id for _, _, guide_id in mentions if guide_id not in refined]
    # "na iPhonu… ne počkej, je to MacBook": the one named after the customer corrects
    # themselves (the first one named after the correction: "omyl, mám Samsung, iPhone má
    # manželka")
    # ("vlastně ne, Lumia už nefunguje, mám nový iPhone": a claimed one first)
    correction = CORRECTION.search(folded)
    after = sorted(
        m
        for m in mentions
        if correction
        and m[1] > correction.start()
        and not WRITTEN_BEFORE.search(folded[: m[1]])  # ("omylem jsem napsal Samsung")
    )
    if after and len(set(chosen)) > 1 and after[0][2] in chosen:
        return after[0][2]
    # "mám iPhone s POP3, teď jsem si koupil nový Mac, jak to nastavím tam?": the new one is
    # the one to set up
    new = [
        guide_id
        for _, where, guide_id in mentions
        if NEW_ONE.search(folded[max(0, where - BEFORE) : where])
    ]
    if len(set(chosen)) > 1 and len(set(new)) == 1 and new[0] in chosen:
        return new[0]
    wanted = _wanted(folded, mentions)
    if len(set(chosen)) > 1 and len(wanted) == 1 and wanted <= set(chosen):
        return wanted.pop()
    program = knowledge.guide(chosen[0]).program if chosen else None
    if (program is None or not program.search(kept)) and OWN_APP.search(folded):
        # "Huawei, jejich aplikace E-mail": a maker's own app – its places described, not the
        # Gmail app's
        return OTHER_APP
    return chosen[0] if chosen else None


def _wanted(folded: str, mentions: List[Tuple[bool, int, str]]) -> Set[str]:
    return {
        guide_id
        for _, where, guide_id in mentions
        if WANTED_ON.search(folded[max(0, where - WANTED_SPAN) : where])
    }


def wanted(folded: str) -> Set[str]:
    """The devices the message wishes the mail on ("chci ho i na Macu")."""
    return _wanted(folded, mentions_of(folded))


def _another_kind(other: str, here: Optional[str]) -> bool:
    """A device of another kind than the one set up, not one refining the other (the Outlook
    app and Outlook on Windows share a program's name)."""
    this = knowledge.guide(here)
    that = knowledge.guide(other)
    same_program = bool(
        this.program and that.program and this.program.pattern == that.program.pattern
    )
    related = other in this.refines or this.id in that.refines or same_program
    return that.kind != this.kind and not related


COMPUTER_WORDS = re.compile(r"\b(pocitac\w*|notebook\w*|pc|laptop\w*|ntb)\b")


def protocols_for(folded: str, here: Optional[str]) -> List[str]:
    """The protocols the message names outside its parts about another device ("mám Xiaomi
    s Gmailem… v počítači to mám v Outlooku přes POP3": POP3 is the computer's; "ten notebook,
    co je na POPu" beside a phone: a computer named by its kind)."""
    kind = knowledge.guide(here).kind if here in knowledge.guides() else None
    if not folded.strip() or folded.startswith("/"):
        return list(knowledge.protocols()) + ["incoming"]  # a button: its own choice, no text
    found: List[str] = []
    for sentence in re.split(r"[.?!\n]+(?!\w)", folded):
        elsewhere = False  # the sentence's last device named is another one
        for clause in phrases.CLAUSE_BREAK.split(sentence):
            if not clause:
                continue
            other = named(clause)
            if kind == "phone" and not other and PHONE_WORDS.search(clause):
                elsewhere = False  # "…, ale do telefonu chci POP3": back at the phone
            elif other or COMPUTER_WORDS.search(clause):
                # (another kind of device: "v outlooku dám POP3" with the Outlook app known is
                # that app; a computer by its kind beside a phone)
                elsewhere = bool(
                    (other and kind and _another_kind(other, here))
                    or (kind == "phone" and COMPUTER_WORDS.search(clause) and not other)
                )
            # ("v outlooku to mám léta, myslím že jako POP": the clause after is that device's)
            if not elsewhere:
                found += protocols_in_text(clause)
    return found


def computer_edition(guide_id: str) -> str:
    """The computer's program a phone app refines (the Outlook app: Outlook on Windows)."""
    return next(
        (r for r in knowledge.guide(guide_id).refines if knowledge.guide(r).kind == "computer"),
        guide_id,
    )


def program_on_computer(guide_id: str, folded: str, earlier: List[str]) -> bool:
    """A program's phone app read from this message ("v Outlooku"), while an earlier message put
    that program on a computer ("poštu mám v počítači v Outlooku") and this one names no phone."""
    program = knowledge.guide(guide_id).program
    if knowledge.guide(guide_id).kind != "phone" or program is None or not program.search(folded):
        return False
    if computer_edition(guide_id) == guide_id or PHONE_WORDS.search(program.sub(" ", folded)):
        return False
    return any(
        program.search(clause) and COMPUTER.search(clause)
        for text in earlier[:-1]
        for clause in re.split(r"[.?!;]", fold(text))
    )
