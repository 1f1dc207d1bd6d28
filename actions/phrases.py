"""How customers say things: the word patterns the understanding step (actions/frame.py)
reads, on lower-case text with diacritics folded ("příchozí" -> "prichozi").

Patterns, not sentences: each covers a kind of phrasing (inflections, typos, word order,
Slovak), and tests/test_frame.py shows what each is for.
"""

import re

# Topics a message can ask about, each found by its own words (folded text). The port topic
# is a noun ("port", "portu", "porty"), never "podpora" or "portál".
TOPIC_WORDS = {
    # (typed in haste: "prot", "servr")
    # ("co tam má být za čísla?": the port numbers)
    "port": re.compile(
        r"\bport(u|y|a|em|ech|um|o|s|ov)?\b|\bportov\w*|\bprot(y)?\b"
        r"|\b(co|jak\w*|ktera)\b[^.?!]{0,10}\b(tam|do toho|do polick\w*|do kolonk\w*)\b[^.?!]{0,15}\bcisl[ao]\b"
    ),
    # ("název hostitele": the host name field of Apple's and others' forms)
    "server": re.compile(
        r"\bserver\w*|\bservr\w*|\bhost ?name\b|\bsmtp adres\w*|\b(nazev|nazv\w*|jmen\w*) hostitel\w*"
    ),
    "username": re.compile(
        r"\buzivatelsk\w* jmen\w*|\buzivatelsk\w* men[oa]\b|\bjmen\w* uzivatel\w*|\bnazev uzivatel\w*|\blogin\w*"
        r"|\buziv\.? ?jm\w*"  # "uživ. jméno", the abbreviation
        r"|\b(co|ake|aky) (dat|dam|napisat|zadat) (ako|jako) (meno|jmeno)\b"  # "čo dať ako meno?"
        r"|\b(kolonk|polick|pole\b|rubrik|kolonc|policc)\w* (\w+ )?uzivatel\w*|\ba\s+(ten |to |co )?uzivatel\w*\s*(\?|$|,|\ba\b)|^\W*uzivatel\w*\s*\?"
        r"|\b(jak\w*|aky|co|kter\w*) (\w+ ){0,2}uzivatel\w*\b|\buzivatel\w* (je |bude )?co\b"
        r"|\busername\b|\buser name\b|\bprihlasovac\w* (jmen|men)\w*|\bpouzivatelsk\w* men\w*|\bmen\w* pouzivatel\w*"
        r"|\bprihlasovaci udaj\w*|\bco (mam |mame )?(zadat|zadam|napsat|napisu|dat|dam|davam|vyplnit|vyplnim|psat|pisu) (jako|do|k|ke) (jmen\w*|uzivatel\w*)"
        r"|\bjako uzivatel\w*|\bcast pred zavinac\w*|\b(jak\w*|co|ktere)( \w+){0,4} jmeno\b"
        # "server? port? jméno?": the field named as a question of its own in a list of them
        r"|(^|[?,;]\s*)(jmeno|meno|uzivatel)\s*\?"
        # "do přihlasovacieho mena dám čo?": the field first, the question word last
        r"|\b(do|k|ke|jako|ako) (prihlasovac\w* )?(jmen\w*|men[ao]\w*|uzivatel\w*|loginu?)\b"
        r"( (mam|mame))? (zadat|zadam|napsat|napisu|dat|dam|davam|vyplnit|vyplnim|psat|pisu)( tam)? (co|ci)\b"
        # "a jméno a heslo?", "server, porty, jméno?": the log-in's name beside its password
        r"|\bjmeno,? (a|i) heslo\b|\bheslo,? (a|i) jmeno\b|\b(server\w*|port\w*),? (\w+,? ){0,2}jmeno\b"
        r"|\buzivatel\w*,? (a|i) hesl\w*|\bhesl\w*,? (a|i) uzivatel\w*"  # "chce to uživatele a heslo"
        # "co dám u odchozího serveru do uživatele?": the field named by its genitive
        r"|\b(co|jak\w*)\b[^.?!]{0,40}\bdo (polick\w* |kolonk\w* |pole )?(uzivatele|loginu|jmena)\b"
        # in a list of what is asked: "jaký server, uživatel a port?"
        r"|,\s*uzivatel\w{0,3}\s*(,|\ba\b|\?|$)"
    ),
    "password": re.compile(
        r"\b(kde|kam|jak[eyo]?|ak[eyoa]|ktere|co|odkud)\b[^.?!]{0,30}\bhesl\w*"
        r"|\bhesl\w*[^.?!]{0,25}\b(najdu|zjistim|vezmu|ziskam|zjistit|najit)\b"
        r"|\bzapomn\w*[^.?!]{0,20}\bhesl|\bhesl\w*[^.?!]{0,30}\b(zapomn|zapomel)\w*|\b(zmen|zmenit|obnov|reset)\w*[^.?!]{0,15}\bhesl|\bhesl\w* [^.?!]{0,10}\bzmen"
        # "heslo ke schránce si změním kde?": the question word last
        r"|\bhesl\w*[^.?!]{0,30}\b(zmen|najd|obnov|reset|zjist)\w*[^.?!]{0,10}\b(kde|kam|jak)\s*\?"
        r"|\b(which|what) password|\bwhere\b[^.?!]{0,30}\bpassword|\bpassword (do|should) (i|we) (use|need|enter|type)"
        r"|,\s*hesl\w*\s*(,|\?|$|\ba\b)|\ba\s+(to |co )?hesl\w*\s*(\?|$|,)"  # "jméno, heslo a server?"
        r"|\b(jmen\w*|men[oa]|uzivatel\w*|login\w*) a hesl\w*\b(?! (je|mam|jsem)\b)"  # "chce jméno a heslo"
        r"|\b(kolonk|polick|pole\b|rubrik|kolonc|policc)\w* (\w+ )?hesl\w*\b[^.!]{0,30}\?"
        # "musím tam dávat i heslo?"
        r"|\b(musim|mam|dat|davat|zadat|zadavat|vyplnit|vyplnovat)\b[^.?!]{0,12}\bi hesl\w*[^.!]{0,20}\?"
        # "heslo mi vy nezměníte? jak si ho změním sám?": the password by "ho" in the next question
        r"|\bhesl\w*[^?]{0,60}\?\s*(a |tak )?(jak|kde)\b[^.?!]{0,10}\bho\b[^.?!]{0,10}\b(zmen|obnov|reset|nastav)\w*"
    ),
    "smtp_auth": re.compile(
        # (not "ověření domény" for Google, "ověření identity serveru": the certificate)
        r"\b(overen\w*|overovan\w*|autentiz\w*|autentif\w*|authenticat\w*)"
        r"\b(?!\s+(\w+\s+)?((domen|vlastnic|identit|totoznost|platb)\w*|hesla\b))"
        r"|\bbox(es)?\b[^.?!]{0,25}\btick\w*|\btick\w*[^.?!]{0,25}\bbox(es)?\b|\b(need|have|must|should|do i)\b[^.?!]{0,10}\btick\w*"
        r"|\b(musim|co|neco|nieco|treba|potreba|ktere|kterou|ktery|which|what)\b[^.?!]{0,20}\b(zaskrt\w*|zatrh\w*|zaklik\w*|tick\w*|check ?box\w*)"
        r"|\b(check ?box\w*|zaskrtavat\w*|zaskrtavac\w*|zaskrtavatk\w*)(?![^.?!]{0,25}\b(ssl|tls))"
        r"|\bvyzaduje (overeni|autentizaci)|\bstejn\w* login|\bsmtp[ -]?auth\b|\bsmtp-?autentiz\w*"
        # "SMTP: server, port a jestli je nutný přihlášení": whether the log-in is required
        r"|\b(nutn\w*|povinn\w*|potreba|treba|vyzadovan\w*|musi (tam )?byt)\b[^.?!]{0,10}\bprihlas\w*"
        # "musí se u odesílání zadávat heslo?", "je u odchozí potřeba heslo?": its log-in
        r"|\b(u|pri|pro|k|ke) (odesil|odeslan|odchoz|smtp|odosiel|odoslan)\w*\b[^.?!]{0,25}\b(zadav\w*|zadat|vyplnit|vyplnovat|potreba|treba|nutn\w*|musi|musim)\b[^.?!]{0,15}\bhesl\w*[^.!]{0,20}\?"
        r"|\b(zadav\w*|zadat|vyplnit|vyplnovat|potreba|treba|nutn\w*|musi|musim)\b[^.?!]{0,15}\bhesl\w*\b[^.?!]{0,10}\b(u|pri|pro|k|ke) (odesil|odeslan|odchoz|smtp|odosiel|odoslan)\w*[^.!]{0,20}\?"
        # "dělá se něco speciálního u odesílání?": the outgoing server's log-in is that
        r"|\b(neco|nieco|nejak\w*)\b (special\w*|zvlast\w*|extra|navic|jineho|dalsiho)\b[^.?!]{0,20}\b(u|pri|pro|k|ke) (odesil|odeslan|odchoz|smtp|odosiel)\w*"
        # "musím ještě něco zapnout kvůli odesílání?": the outgoing server's log-in
        r"|\b(zapnout|zapnut\w*|zaskrtnout|nastavit)\b[^.?!]{0,20}\b(kvuli|pro|k|ke) (odesil|odeslan|posil)\w*"
        # "do I need to enable something for sending?": the outgoing server's log-in
        r"|\b(enable|turn on|switch on|activate|set|tick|check)\b[^.?!]{0,20}\bfor (sending|outgoing|smtp)\b"
        # "a switch 'Require sign-in' for the outgoing server, on or off?"
        r"|\b(require\w*|need\w*)\b[^.?!]{0,15}\b(sign.?in|log.?in)\b"
        r"|\b(sign.?in|log.?in)\b[^.?!]{0,40}\b(on or off|required|needed)\b"
        # a program's switch for it: "přepínač Vyžadovat přihlášení, zapnout?" (Gmail, Samsung)
        r"|\bvyzad\w* (\w+ )?prihlas\w*|\bprihlas\w* (\w+ )?(k|pro|pred) (odesil|odeslan)\w*"
        # "musí být zapnuté přihlášení?", "přihlášení mám vypnuté, je to dobře?"
        r"|\b(musi|musim|musime|ma|maji|mam|treba)\b[^.?!]{0,25}\b(byt |mit )?(zapnut\w*|zapnout|zaskrtnut\w*)\b[^.?!]{0,10}\bprihlas\w*"
        r"|\bprihlas\w*\b[^.?!]{0,20}\b(vypnut\w*|zapnut\w*|vypnul\w*)\b[^.!]{0,25}\?"
        # "mám zaškrtnout co přesně?", "stačí zaškrtnout jedno z těch dvou políček?"
        r"|\bzaskrt\w*\b[^.?!]{0,15}\b(co|ktere|jake|ktery|ktera)\b|\b(staci|musim|treba)\b[^.?!]{0,10}\bzaskrt\w*"
        r"|\b(obe|obou|jedno|jedn\w*) (z )?(tech )?(dvou )?(polic|zaskrt|kolon|ctverec)\w*"
    ),
    "pop_vs_imap": re.compile(
        # ("přidávám účet a chce to po mně typ účtu": the choice in front of them)
        r"\b(chce|pta se|vyzaduje|wants)\b( to)?( po (mne|me))?( \w+)? typ\w* uctu|"
        r"\b(jak\w*|kter\w*|co)\b( \w+){0,3} typ\w* uctu|\btyp\w* uctu\b[^.!?]{0,20}\?|\brozdil\w*|\brozdiel\w*|\bco je lepsi\b|\bimap\w*,? (nebo|alebo|ci) pop\w*|\bpop\w*,? (nebo|alebo|ci) imap\w*|\bcim se lis\w*"
        # "…jako POP3. a v čem se vlastně liší od IMAPu?": the one named against the other
        r"|\b(v cem|cim|jak) se (\w+ ){0,2}lis\w* (od|oproti) (imap|pop)\w*"
        # "má IMAP nějaký výhody oproti POPu?": one weighed against the other
        r"|\b(vyhod\w*|nevyhod\w*|plus\w*|lepsi|horsi)\b[^.?!]{0,20}\b(oproti|proti|nez|vs|versus|vedle)\b[^.?!]{0,5}\b(imap|pop)\w*"
    ),
    "settings": re.compile(
        r"\b(cele|celou|kompletni|vsechn[ao]|vsechny) (nastaveni|udaje|hodnoty|parametry|konfigurac\w*)"
        r"|\bcely (formular|postup nastaveni)|\bkompletn\w* nastaven\w*"
        # "what are the settings?", not "it couldn't find the settings"
        r"|\b(what|which|send|give|need|all|full|complete|your|the right|correct)\b[^.?!]{0,30}\bsettings\b"
        r"|^\W*settings\W*$|\bsettings\b[^.!]{0,15}\?"
        r"|\b(udaje|hodnoty|parametry|nastaveni)\b( \w+){0,3} (pro |na |pre )?(imap|pop)\w*"
        r"|\bnastaveni (pro |na |uctu )?(imap|pop)\w*|\b(imap|pop)\w* (nastaveni|udaje|hodnoty|parametry)"
        # "jaké údaje potřebuji pro ruční nastavení účtu přes POP3?": the complete settings
        r"|\b(jake|jaky|jakej|ktere|vsechny|potrebn\w*)\b( \w+)? (udaje|hodnoty|parametry)\b"
        # "prosím o sdělení kompletních parametrů", "potřebuju údaje pro iPhone": the values
        r"|\b(potrebuj\w*|chci|chtel\w*|prosim|poslete|posli|dejte|dej|napiste|napis|sdel\w*|zasl\w*"
        r"|kompletn\w*|vsechn\w*|spravn\w*)\b( \w+){0,3} (udaj\w*|hodnot\w*|parametr\w*)\b"
        r"|^\W*(prosim|potrebuju|potreboval\w*|chci)?\s*nastaveni (do|pro|na) \w+\W*$"  # "prosím nastavení do outlooku"
        # "dejte mi všechno, co potřebuju k IMAPu": that protocol's complete settings
        r"|\b(vsechn\w*|vse|vsecko|kompletn\w*|cel[eay])\b( (?!port)\w+){0,4} (k|ke|pro|na|pre) (imap|pop)\w*"
        # "napište mi všechno, co tam má být": the settings of the protocol named beside it
        r"|\b(napis\w*|poslete|posli|dejte|dej|rekn\w*|vypis\w*)( mi)? (uplne |proste )?(vsechno|vse|vsecko)\b"
        r"|\b(vsechno|vse|vsecko),? co (tam |tam ma |do toho )?(ma byt|musi byt|patri|potrebuj\w*|mam (vyplnit|zadat|nastavit|dat))"
        r"|\b(jak\w*|co) (vsechno|vse) (musim|mam|je treba|je potreba)? ?(vyplnit|zadat|nastavit|vyplnovat)"
    ),
}
# The log-in to the outgoing server named in words (not only "zaškrtnout").
AUTH_WORDS = re.compile(
    r"\b(overen\w*|overovan\w*|autentiz\w*|autentif\w*|prihlas\w*|login\w*|authenticat\w*)"
)
# "na serveru" / "u odchozího serveru" names where, not what is asked: the server is asked
# after a question word, first in the message, in a list, or right before "?".
# "zkoušel jsem to a nenašlo to server": the program's failed search, no question for the server
SERVER_NOT_FOUND = re.compile(
    r"\bne(nasl|nasel|najd|najde|nasli)\w*\s+(to |ho |zadny |ten |muj )?server"
)
SERVER_QUESTION = re.compile(
    r"\b(jak\w*|kter\w*|co|adres\w*|nazev|jmeno|aky|aka|ake|what|which|stejn\w*)\b(\W+\w+){0,3}?\W+server"
    r"|\b(co|jak\w*)\b[^.?!]{0,25}\b(nazev|jmeno) hostitel"  # "co dát jako název hostitele?"
    r"|\b(what|which)\b[^.?!,]{0,40}\bserver"  # "what are the incoming and outgoing server names"
    r"|\b(potrebuj\w*|chci|chtel\w*|poslete|napiste|dejte)( \w+)? server"  # "potřebuju server pro…"
)
SERVER_NAMED = re.compile(
    r"\bserver\w*\W*(:|je\b|jsou\b|mam\b|zadat\b|napsat\b|pouzit\b|,)|^\W*server|\bserver\w*( \w+){0,4}\s*\?"
    r"|\ba\s+server\w*\W*$"  # "napište mi všechny porty a servery."
    r"|\bserver\w* (pro|pre|na) (prijem|odesil\w*|prichoz\w*|odchoz\w*|imap|pop3?|smtp)\w*\s*[,?]"
)
# "smtp server", "server příchozí pošty": a server asked for by its protocol.
SERVER_OF_PROTOCOL = re.compile(
    r"\b(smtp|imap|pop3?|prichoz\w*|odchoz\w*|prichadzajuc\w*|odchadzajuc\w*)\s+server\w*"
    r"|\bserver\w*\s+(smtp|imap|pop3?|prichoz\w*|odchoz\w*|prichadzajuc\w*|odchadzajuc\w*)"
)
# Where, not what: "u odchozího serveru", "na serveru", "se serverem" ("na server" asks about it).
PREPOSITION_BEFORE_SERVER = re.compile(
    r"\b(u|na|k|ke|od|ze|v|ve|do)( \w+)? serveru\b|\bse? (\w+ )?serverem\b"
)
# A number the customer has set and wants checked, not one whose purpose is asked.
CHECK_WORDS = re.compile(
    r"\bmam\b|\bmame\b|\bnastaven\w*|\bzadan\w*|\bvyplnen\w*|\bzadal\w*|\bnastavil\w*|\bdal\w* jsem"
    r"|\bpouzivam\b|\bje (to )?(dobre|spravne|ok|v poradku)|\bspravn\w*|\bdobre\b|\bproto\b"
    r"|\bnejde\b|\bnefunguje\b|\bi have\b|\bis (it|this|that) (right|correct|ok)"
    r"|\b(nechat|necham|ponechat|ponecham|nechavam)\b"  # "změnil se na 993, nechat?"
    # "port se sám přepsal na 995, ok?", "takže dám 993 a SSL?": a value to confirm
    r"|\b(ok|oki|jo|sedi|staci)\W*\?|\b(takze|tak|teda) (dam|davam|nastavim|zadam|necham|vyplnim)\b[^.!]*\?"
    # "tak tam dám 143", "dám tam teda 587": the value the customer is about to set
    r"|\b(takze |tak |teda )?(tam |to )?(dam|davam|nastavim|zadam|prepisu|vyplnim)( tam| to| teda)* \d{2,5}\W*$"
    r"|\b(prepsal|zmenil|nastavil|vyplnil|doplnil)\w* (se )?(sam|sama|samo|automaticky)"
    # "nabízí mi to 587 bez zabezpečení, můžu to tak nechat?": a value offered, kept or not
    r"|\b(muzu|mam|muzeme|smim|lze|staci) (to |ho |je |tam )?(tak |takhle |takto )?(nechat|ponechat)\b"
    r"|\bpredvyplnen\w*|\bnabizi\b|\bsedi to\b"
    # "port 465 a TLS/SSL zaškrtnutý", "a když chci nechat 587?": a state set, or kept
    r"|\b(zaskrtnut|odskrtnut|zapnut|vybran|zvolen)\w*|\b(chci|chtel\w*|chtela) (to |tam )?(nechat|ponechat)\b"
)
# Words that ask which option is better, beside a choice the screen offers.
ADVICE_WORDS = re.compile(
    r"\b(rozdil\w*|rozdiel\w*|lepsi|doporuc\w*|cim se lis\w*|rad[uay]|poradit|difference|better)\b"
)
# ("port 25", "port č. 25", "port mám 25", "port je 25")
PORT_AFTER_WORD = re.compile(
    r"\bport\w*\s*(?:(?:tam|ted|tu|mi)\s+)?(?:c\.|cislo|number|no\.|mam|je|mame|jsem dal|nastaveny|na)?\s*:?\s*(\d{1,5})\b"
)
# A request that we send something ("nemůžete mi znovu poslat fakturu?"), no mail failing.
ASKS_US_TO_SEND = re.compile(
    r"\b(poslat|zaslat|poslete|zaslete|posli|posilat)\b[^.?!]{0,25}\b(faktur|doklad|vyuctovan|uctenk|smlouv)\w*"
    # "nemůžete mi to heslo poslat vy?": the password asked of us, nothing fails to send
    r"|\b(muzete|nemuzete|mohli|nemohli|muzes|poslete|posli)\b[^.?!]{0,25}\bhesl\w*[^.?!]{0,15}\b(poslat|zaslat|napsat|dat|rict)\b"
    r"|\bhesl\w*\b[^.?!]{0,10}\b(poslete|zaslete|posli|napiste)\b"
    # "a nemůžete mi ji poslat mailem?": something of ours asked for (said before)
    r"|\b(muzete|nemuzete|mohli|nemohli|mohl|nemohl|muzes)\b( byste| bys)?( mi| nam)? (ji|ho|je|to|tu|ten)\b( \w+)? (poslat|zaslat|preposlat)\b"
)
# A number right after a protocol or direction ("odchozí 25 bez šifrování", "imap 993 ssl",
# "u SMTP mám 2525"), not a server's reply code ("smtp 535 5.7.8") nor a decimal.
PORT_AFTER_PROTOCOL = re.compile(
    r"\b(?:imap\w{0,2}|pop3?\b|pop3?\w{0,2}|smtp\w{0,2}|odchoz\w*|prichoz\w*|outgoing|incoming)"
    r"(?:\s+(?:server\w*|posta|posty|port\w*|mam|mame|je|na|jsem|dal\w*))*\s*:?\s*"
    # (not a server's reply code, nor a count: "odchozí mám 12 zpráv", "smtp 421 …")
    r"(?!(?:421|450|451|452|500|501|502|503|504|530|535|550|551|552|553|554)\b)"
    r"(\d{2,5})\b(?![.,]?\d)(?!\s*(?:zprav|mail|e-?mail|minut|hodin|dn|let|krat|kus|x\b|%))"
)
# Server names the customer typed ("smtp.seznam.cz"), not e-mail addresses.
HOST = re.compile(r"(?<![@\w.-])((?:[a-z0-9-]+\.){1,4}[a-z]{2,6})\b(?!@)")
# A host name that names a mail server ("smtp.seznam.cz", "ssl0.ovh.net"), not the
# customer's own domain ("pepovo-kolo.cz").
SERVER_LIKE = re.compile(r"(mail|smtp|imap|pop3?|posta|ssl0|mx|email|exchange)\d*\.")
# "nechci IMAP", "mám IMAP, ne POP", "POP3 nepoužívám": the protocol rejected ("nechci IMAP
# přes SSL" refuses the SSL, "je lepší IMAP, ne?" asks); "přes POP ne IMAP" refuses the second
# ("POP ne, IMAP" the first)
NOT_PROTOCOL = re.compile(
    r"\b(?:ne|nikoli|nemam|nechci|nechcem|nepouzivam|nepouzivame|misto)\s+(?:(?:to|ho|ji|mit|pres|jako|tam)\s+){0,3}"
    r"(imap\w*|pop\w*|smtp\w*)(?!\s+(?:pres\s+|se\s+|s\s+|bez\s+)?(?:ssl|tls|sifr|zabezp))"
    r"|\b(imap\w*|pop\w*|smtp\w*)\s+(?:nepouzivam|nepouzivame|nechci|nechcem|ne(?=\s*(?:,|ale\b)\s*(?:(?:ale|chci|radsi|spis)\s+){0,2}(?:imap|pop|smtp))"
    r"|ne(?=\s*(?:[.!]|$)))\b"  # "chci to přes POP3, IMAP ne" (not "IMAP, ne?": a tag question)
    r"(?!\s+(?:pres\s+|se\s+|s\s+|bez\s+)?(?:ssl|tls|sifr|zabezp))"
)
EVERYWHERE = re.compile(
    r"\bvsude\b|\bu obou\b|\boboje\b|\bu vseho\b|\bprichozi i odchozi\b|\bi u odchozi\b"
)
# Phone numbers ("602 993 118", "+420 556 201 330") hold digits that look like ports.
PHONE = re.compile(r"(\+\d{3}\s?)?\b\d{3}\s\d{3}\s\d{3}\b")
NUMBER = re.compile(r"(?<![\d.,:/-])\b(\d{2,5})\b(?![.,:/-]?\d)")

# SMTP replies of the 5.7.x family (RFC 3463 enhanced status codes) and the bare reply codes
# that carry them; "5.7.8" and "535" name the same failure.
ENHANCED_CODE = re.compile(r"\b[45]\.7\.\d{1,3}\b")
REPLY_CODE = re.compile(r"\b(530|535|550|553|554)\b(?![.,]?\d)")
# A server's reply as pasted: from its code to the end of the sentence or a quote.
PASTED_REPLY = re.compile(r"\b([245]\d\d[ -]+)?[245]\.\d\.\d{1,3}\b[^.!?\"“”„]*")
SMTP_REPLY_WORDS = re.compile(
    r"authenticat\w*|credentials|relay\w*|not permitted|access denied|must authenticate|auth\w* required"
    # "odeslání zahlásí 530": the code the sending reports
    r"|\b(odesl|odesil|posil|smtp)\w*[^.?!]{0,25}\b(za|o|vy)?(hlas\w*|pise|hodi|hazi|vyhod\w*|chyb\w*|error)\b"
)

# Mail that does not reach the phone: a verb of not arriving near a word for mail.
NOT_FETCHED = r"(neprich|nechod|neprisl|nedoraz|nezobraz|nestahuj|nesynchron|neaktualiz|nenacit)"
MAIL = r"(post|mail|zprav|email)"
# "chyba synchronizace", "problém se synchronizací": a symptom, and a "no" to "Pomohlo to?".
SYNC_FAILS = (
    r"\b(chyb\w*|error|problem\w*)\b( \w+){0,2} (pri |v |se |s )?synchroniz\w*"
    r"|\bsynchroniz\w*( \w+){0,2} (selh|chyb|nejd|nefung|problem)\w*"
)
# Letters swapped in the words that carry a message's meaning ("odselat" for "odeslat"): read
# as the word meant before any pattern sees them
TYPOS = ((re.compile(r"\bodsel(?=a|o|e|i|u)"), "odesl"), (re.compile(r"\bneodsel"), "neodesl"))


def mended(folded: str) -> str:
    for typo, word in TYPOS:
        folded = typo.sub(word, folded)
    return folded


# Mail wished in another device too ("chci, aby to chodilo i do počítače"): with POP3 named a
# fault of POP3, without it the choice of the account type (IMAP)
ELSEWHERE_WISH = (
    r"\b(aby|at|chci|chtel\w*)\b[^.?!]{0,40}\b(ukaz|zobraz|videt|videl|byl|mel|chodil|stahoval|synchroniz)\w*"
    r"[^.?!]{0,15}\b(i|taky|take|zaroven) (v|na|ve|do) (pocitac|notebook|laptop|ntb|pc|tablet|telefon|mobil|webmail|obou|vsech)\w*"
)
# Symptoms, each with the words customers use for it. Order matters: the first match wins.
SYMPTOM_WORDS = (
    (
        "certificate",
        re.compile(
            # ("nelze ověřit název účtu nebo heslo" is a failed log-in, not a certificate)
            r"certifik\w*|certificate|\bidentit\w*\W+(\w+\W+){0,2}server|neduveryhodn\w*"
            # ("hlášení, že účet nelze ověřit": the account, before the verb, too)
            r"|(?<!ucet )(?<!uctu )(?<!heslo )(?<!jmeno )nelze overit(?! (nazev|jmeno|uziv\w*|ucet|uctu|heslo))"
            r"|nezabezpecen\w* (pripojeni|spojeni)|\bcannot verify|\bnot trusted"
        ),
    ),
    (
        "nothing_works",
        re.compile(
            # "nemůže odeslat ani přijmout", "nefunguje ani příjem": both ways
            r"\b(odesl|odesil|posl|posil)\w*\b[^.?!]{0,12}\bani\b[^.?!]{0,12}\b(prij|stah)\w*"
            r"|\b(prijm|prijim|stah)\w*\b[^.?!]{0,12}\bani\b[^.?!]{0,12}\b(odesl|odesil|posl|posil)\w*"
            r"|\b(nejde|nefunguje|nefunguji)\b[^.?!]{0,5}\bani (prijem|prijimani|stahovani)\b|"
            r"\bani prijem\w*,? ani odes\w*|\bani odes\w*,? ani prijem\w*|(?<!odeslat )(?<!poslat )(?<!odesilat )(?<!posilat )(?<!odeslani )(?<!ven )\b(nejde|nefunguje)( mi)? (vubec |uplne )?nic\b(?! (odesl|poslat|odeslat|posilat|odesilat|stahn|stahovat|prijmout|prijimat))"
        ),
    ),
    (
        "cannot_send",
        re.compile(
            r"\b(nejde|nemuz\w*|nemozem|nemohu|nelze|neda se|nefunguje)( \w+){0,3} (odesl\w*|odeslat|odosl\w*|poslat|odesil\w*|posil\w*)"
            r"|\b(odesl|odesil|odosl|posil)\w*( \w+){0,3} (nejde|nefunguje|nemozem|nemuzu|selh\w*|nepoved\w*)"
            # "zprávy visí ve složce Odchozí", "chodí jen příchozí"
            r"|\b(visi|vysi|zustavaj\w*|zustav\w*|trci|zasekl\w*|konci|konc\w*|skonc\w*|padaj\w*|hromad\w*|cekaj\w*|ulozi\w*)\b[^.?!]{0,25}\b(odchoz\w*|k odeslani|outbox)"
            r"|\b(chodi|funguje|jde) (mi )?(jen|jenom|pouze) (prichoz\w*|prijem)"
            # "lidi říkají, že jim nic nepřišlo": what is sent does not arrive – sending fails
            # (not "nikomu v kanceláři nechodí pošta": nobody here receives)
            r"|\b(jim|nikomu(?! (v|ve|u|z|ze) (kancelar\w*|firm\w*|nas|praci|tym\w*|oddeleni))|adresatum|prijemcum|zakaznikum)\b( \w+){0,2} (nic |nikdy |vubec )?(neprisl\w*|nedoraz\w*|nedosl\w*|nechod\w*)"
            # "přijímá, neodesílá": the negated verb of sending
            r"|\b(neodesil\w*|neodesl\w*|neposil\w*|neodejd\w*|neodesel|neodesla|neodeslo)\b"
            # "zpráva byla odmítnuta serverem", "adresa příjemce byla serverem odmítnuta": the
            # outgoing server refused it
            r"|\b(zprav\w*|mail\w*|e-?mail\w*|prijemc\w*)\b[^.?!]{0,20}\b(odmitnut\w*|zamitnut\w*)"
            r"|\bserver\w* (\w+ )?(odmitl|zamitl|nepřijal|neprijal)\w* (\w+ )?(zprav|mail|e-?mail)\w*"
            # "z kanceláře posílá, ale z domu ne": sending fails somewhere
            r"|\b(posil|odesil|odchazi|odejde|odchodi)\w*\b[^.?!]{0,40}\b(ale|jenze|akorat)\b( \w+){0,3} (ne|uz ne|nejde|nefunguje)\b"
            # "když odpovím, nikdo to nedostane": what the customer sends never arrives
            r"|\b(odpov\w*|poslu|posle\w*|poslal\w*|odeslu|odesle\w*|odeslal\w*|napisu|napsal\w*)\b[^.?!]{0,30}"
            r"\b(nikdo|nikomu|adresat\w*|prijemc\w*|druh\w* stran\w*|lidi|zakaznic\w*)\b[^.?!]{0,20}"
            r"\b(nedostan\w*|nedostal\w*|neprijd\w*|neprisl\w*|nedojd\w*|nedosl\w*|nedoraz\w*|nema\b|nemaj\w*)"
        ),
    ),
    (
        "pop3_elsewhere",
        re.compile(
            r"\b(miz\w*|zmiz\w*|maz\w*)(\W+\w+){0,4}\W+(ze serveru|z webmailu|z pocitace|z notebooku|ze schranky|z mobilu|z telefonu|z iphonu|z ipadu|z tabletu)"
            # ("kde si přečtu poštu v prohlížeči, jaká je adresa webmailu?" reads, nothing missing)
            r"|(precten|prectl|stahn|stazen|zmiz|chyb[ei]|nejsou|nevidim)\w*\W+(\w+\W+){0,8}"
            r"(pocitac|notebook|laptop|ntb|pc\b|webmail|jinde|druh\w* zarizeni|tablet)"
            r"|(pocitac|notebook|laptop|ntb|webmail|tablet)\w*\W+(\w+\W+){0,8}(zmiz|nejsou|chybi|nevidim|nemam)\w*"
            # "když je Outlook na počítači stáhne, uvidím je pořád i v mobilu?": POP3's download
            r"|\bstahn\w*\W+(\w+\W+){0,6}(uvid|vid|zobraz|ukaz|zustan)\w*\W+(\w+\W+){0,4}"
            r"(v|na|ve) (mobil|telefon|iphon|ipad|tablet|pocitac|notebook)"
            # "mám POP3, ale chci, aby se maily ukazovaly i v počítači": IMAP is the answer
            rf"|{ELSEWHERE_WISH}"
        ),
    ),
    (
        "sync_error",
        re.compile(
            SYNC_FAILS
            + r"|\bsync\w* (error|failed)"  # (a bare 0x8… code comes with sending failures too)
        ),
    ),
    (
        "not_arriving",
        re.compile(
            rf"{NOT_FETCHED}\w*[^.?!]{{0,60}}{MAIL}|{MAIL}\w*[^.?!]{{0,60}}{NOT_FETCHED}\w*"
            r"|(nov\w* )?(post|mail|zprav|email)\w*\W+(\w+\W+){0,4}(se )?(neobjevi|neukaz|nenacte)\w*"
            # "nejdou mi přijímat zprávy", "příjem nefunguje"
            r"|\b(nejde|nejdou|nefunguje|nefunguji|nemuzu|nemohu|nelze)\b (mi |nam )?(prijimat|prijem)"
            r"|\b(nejde|nejdou|nemuzu|nemohu|nelze)\b (mi |nam )?(stahovat|stahnout) (\w+ )?(post|mail|zprav|email)"
            r"|\b(prijimani|prijem)\b (posty |mailu |zprav )?(mi |nam )?(nejde|nefunguje)\b"
            # "nic se nestahuje", "nic mi nepřichází": nothing comes in
            r"|\bnic (se |mi |nam |tam |uz )*(neprich|nechod|nestahuj|nenacit|nenacet|neobjev|neukaz|nesynchron|nepris)\w*"
        ),
    ),
    (
        "timeout",  # no answer at all: the name, the port or the network
        re.compile(
            # ("nemohla nám vypršet doména?": the domain's registration, not a time-out)
            r"time ?out|vyprs\w*\b(?! (\w+ )?(domen|registrac|hosting|predplatn|sluzb|certifik))"
            r"|casov\w* limit|server (ne)?neodpovida|server neodpovida"
            r"|neni dostupn\w*|nedostupn\w*|connection timed"
        ),
    ),
    (
        "cannot_connect",  # "nelze se připojit k serveru": the name, the port or the log-in
        re.compile(
            r"nelze (se )?pripojit|nepodarilo se (\w+ )?pripojit"
            r"|\bne\w* se (\w+ )?pripojit|\bnemuz\w* (se )?pripojit|nepripoj\w*|can.?t connect"
            r"|connection (failed|refused)"
            r"|\bchyb\w* (pri |s )?(pripojeni|spojeni)|\b(pripojeni|spojeni) (selhal\w*|se nezdaril\w*)"
            # "hlásí to, že server neexistuje", "server nebyl nalezen": the server's name
            r"|\bserver\w* (\w+ )?(neexistuj\w*|nebyl nalezen|nenalezen|nelze najit|neni dostupn\w*)"
            r"|\bneznam\w* server|\bserver not found|\bunknown host"
            # "nechce to přijmout server", "server mi nebere": the server's name or port refused
            r"|\b(nechce (ho |to |je )?(vzit|prijmout|prijat|pustit)|nebere|neprijima|odmita) (mi )?(ten |muj |moj |jejich )?server"
            r"(?![^.?!]{0,25}\b(hesl|jmen|login|prihl)\w*)"
            r"|\bserver\w* (mi |to |ho )*(nechce|nebere|neprijm\w*|neprijal\w*)\b(?![^.?!]{0,25}\b(hesl|jmen|login|prihl|zprav|mail|e-?mail)\w*)"
        ),
    ),
    (
        "login_failed",
        re.compile(
            r"(nejde|nemuzu|nelze|neda se|nepodari\w*|selha\w*|spatn\w*|nespravn\w*|neplatn\w*|odmit\w*|nebere|neprijm\w*|porad chce|nechce)"
            r"\W+(\w+\W+){0,4}(prihl\w*|login\w*|hesl\w*|jmen\w*)"
            r"|(prihl\w*|login\w*|hesl\w*)\W+(\w+\W+){0,6}(nejde|nefunguje|selha\w*|spatn\w*|nespravn\w*|odmit\w*|nebere|nezdar\w*)"
            r"|(hesl\w*|udaje)\W+(\w+\W+){0,3}(mam |je |jsou )?(urcite |stoprocentne |100 ?% )?(spravn|dobr)\w*"
            r"|\budaj\w*\b[^.?!]{0,20}\b(nejdou|nejde|nefunguj\w*|neberou|nebere)\b"  # "tyhle údaje mi nejdou"
            r"|(porad|furt|stale|dokola|znovu)( \w+){0,4} (chce|pta|vyzaduje)( \w+){0,3} hesl"
            r"|(chce|pta|vyzaduje)\w*( \w+){0,2} (znovu|porad|furt|stale|zase)( \w+){0,2} hesl"
            # "heslo mám X, ale stále to po mně pýtá znova": the password named first
            r"|hesl\w*[^.?!]{0,50}\b(porad|furt|stale|dokola|znovu|znova|zase|neustale)( \w+){0,4} (chce|pta|pyta|vyzaduje|vyskakuje)\b"
            r"|hesl\w*[^.?!]{0,50}\b(chce|pta|pyta|vyzaduje)\w*( \w+){0,3} (znovu|znova|dokola|porad|furt|stale|zase)\b"
            # "pořád vyskakuje okno, ať zadám heslo": the log-in asked again and again
            # ("…pořád dokola otravuje, ať zadám heslo", "neustále vyžaduje heslo")
            r"|(porad|furt|stale|dokola|znovu|zase|neustale|opakovane|furt dokola)( \w+){0,2} "
            r"(vyskakuj|vyskoc|objevuj|naskakuj|otravuj|vyzyv|zada|pozaduj|vyzaduj|dotazuj|nuti)\w*[^.?!]{0,40}\bhesl"
            # "pokaždé, když chci něco poslat, vyskočí okno, ať zadám heslo"
            r"|\b(pokazd\w*|vzdycky|vzdy|pri kazdem)\b[^.?!]{0,40}\b(vyskakuj|vyskoc|objevuj|objev|naskakuj|naskoc|chce|pta|vyzaduj)\w*[^.?!]{0,30}\bhesl"
            r"|\b(nepust\w*|nechce (ho |to |je )?(vzit|prijmout|pustit|prijat)|nebere (ho|to|je))\b"
            # "zadal jsem špatné údaje", "auth failed", "nemůže ověřit", "ověření selhalo"
            r"|\b(spatn|nespravn|neplatn|chybn)\w* (prihlasovaci )?(udaj|jmen|hesl|login)\w*"
            r"|\bauth\w*\W+fail\w*|\blogin\W+fail\w*|\binvalid (credentials|password|login)"
            r"|\b(nemuz|nemoz|nelze|nejde|neslo|nepodar\w*|nedar\w*|nepovedl\w*|nezdar\w*)\w*( \w+){0,3} (overit|overeni|prihlasit)"
            r"|\b(overen|overovan|prihlasen)\w*( \w+){0,4} (selh|nejd|nefung|neproch|neprosl|nepodar|nezdar|zlyh)\w*"
            # "Přihlášení k serveru ssl0.ovh.net s uživatelským jménem … se nezdařilo."
            r"|\b(prihlasen|overen)\w*\b[^?!]{0,90}\bse (nezdar|nepodar)\w*"
            # "Gmail píše chyba přihlášení"
            r"|\bchyb\w* (pri |s )?(prihlas|overen)\w*"
            # "heslo mám X a pořád to píše, že je špatné": the program rejects it
            r"|\bhesl\w*\b[^.?!]{0,60}\b(pise|hlasi|rika|tvrdi|ukazuje|vyhazuje|hazi)\w*"
            r"( \w+){0,2},? ze (je |mam |jsem )?(\w+ )?(spatn|nespravn|neplatn|chybn)\w*"
        ),
    ),
)
# The Open SMTP ticket, named or described.
OPEN_SMTP_NAMED = re.compile(r"\bopen\W?smtp\b|\bopensmtp\b|\botevren\w* smtp\b")
OPEN_SMTP_DESCRIBED = re.compile(
    # (not a port blocked by the network: "v práci máme zablokovaný 465 ven")
    r"\b(upozorn|ticket|tiket|pozadav|hlasen|oznamen|varovan|zablokov(?!\w*\s+(?:port\w*\s+)?\d)"
    r"|blokac|mail od (vas|hostingu))\w*"
    r"[^.?!]{0,80}?(nezabezpecen\w*|bez overeni|bez autentiz\w*|spam\w*|nevyzadan\w*|smtp\w*)"
    r"|nezabezpecen\w* (odesil|odchoz|smtp|posil)\w*|(odesil|posil)\w*( \w+){0,2} bez (overeni|autentiz|prihlas)\w*"
    r"|(odchoz|smtp)\w*( \w+){0,3} (neni|nejsou) zabezpecen\w*|nepodporuj\w*( \w+){0,3} (metod|zpusob)\w*"
)
# Spam said to be sent in the customer's name: the ticket described without naming it.
SPAM_FROM_ME = re.compile(
    r"(z me|ze me|z moj\w*|z meho|moje adres\w*|rozesil\w*|posila\w*|odchazi)[^.?!]{0,40}(spam|nevyzadan)"
    r"|(spam|nevyzadan)\w*[^.?!]{0,40}(z me|ze me|z moj\w*|z meho|moje adres\w*)"
    r"|(podle vas|psali jste|tvrdite|obvinuj\w*)[^.?!]{0,40}(spam|nevyzadan)"
    # "chodí nějaký spam, co jsme neposílali", "posílá z naší adresy divné maily"
    r"|(spam|nevyzadan|divn\w* (mail|zprav|email)|podivn\w* (mail|zprav|email))\w*[^.?!]{0,20}\b(co|ktery|ktere|kter\w*) (jsme|jsem|sme|sem) (ne|nikdy ne)(posil|poslal|psal|odeslal|odesil)\w*"
    r"|\bz (nasi|nase|me|moji|nasich|firemni) (\w+ )?(adres|schrank|domen)\w*[^.?!]{0,40}\b(divn|podivn|spam|nevyzadan|podezrel)\w*"
    # "lidem chodí divné maily z mé adresy": the strange mail named before where it came from
    r"|\b(divn|podivn|podezrel)\w* (mail|zprav|e-?mail)\w*[^.?!]{0,25}\b(z|ze|od) (nasi|nase|me|moji|meho|nas|mne)\b"
)
SPAM = re.compile(
    r"\bspam\w*|nevyzadan\w*|nedorucenk\w*|\b(nikdy|vubec) neposl\w*|\b(po)?divn\w* (\w+ )?(mail|zprav|email|odkaz)\w*|\breklamn\w* (mail|zprav|email)\w*|\b(mail|zprav|email)\w*,? (co|ktere|ktery|kter\w*) (jsem|sem|jsme) (vubec |nikdy )?(ne|nikdy ne)(psal|poslal|odeslal)\w*|hromadn\w* (post|mail)|zneuzit\w*|zneuziv\w*|napaden\w*|hackn\w*"
    # "odešly tisíce zpráv", "podezřelé zprávy v odeslaných": mail sent that nobody wrote
    r"|\b(tisic\w*|stovk\w*|stovky|spoust\w*|hromad\w*|kupa) (\w+ )?(zprav|mail|email)\w*"
    r"|\b(podezrel\w*|cizi\w*|nezname|neznam\w*) (\w+ )?(zprav|mail|email)\w*"
    r"|\b(zprav|mail|email)\w* (\w+ ){0,3}(podezrel|cizi|nezname)\w*"
)

# Walkthrough navigation in free text (short messages only: a long one is a question).
START_WORDS = re.compile(
    r"\bnavod\w*|\bkrok (za|po) krok\w*|\bprove\w* (me|mne)\b|\bprovedt\w*|\bpostup\w* nastaveni"
    r"|\bved(te|)\s+(me|mne|nas)\b"  # "Thunderbird, nový účet, veďte mě"
    # "poraďte postup", "pošlete mi postup", "jaký je postup?"
    r"|\b(porad\w*|posl\w*|napis\w*|dejte|chci|potrebuj\w*|prosim o|jaky je) (mi )?(ten |nejaky |cely )?postup\b"
    r"|\bpostup\w*,? (prosim|please|pls)\b"  # "Thunderbird, postup prosím"
    r"|^\W*(a |tak )?(postup|pruvodce|navod) (pro|na|k|do|v)\b"  # "postup pro mail na Macu"
    r"|\b(pomoz\w*|pomuz\w*) (mi |nam )?(s )?(nastav\w*|zprovozn\w*|rozchod\w*|pridat|pridanim)\b"  # "pomoz mi nastavit…"
    r"|^\W*(ja |ted )?(nastavuj\w*|zprovoznuj\w*|pridavam)\s+\w+\W*$"  # "nastavujem Thunderbird"
)
NEXT_WORDS = re.compile(
    r"\b(hotov\w*|dalsi|jedem\w*|jdem\w*|udelal\w*|udelan\w*|mam to|to mam|vidim to|uz ho vidim|uz to vidim"
    r"|nasel jsem|nasla jsem|vybran\w*|vyplnen\w*|zadan\w*|klepl\w*|kliknul\w*|klikl\w*|done|next)\b"
    r"|^\W*(jo|ano|jasne|ok|oki|okej|dal)\W*$"
    # "mám e-mail + účty, dál?", "jsem tam, a dál?", "a co dál?": the next step asked
    r"|[,;]\s*(a |co |a co |tak )?dal\W*$"
)
BACK_WORDS = re.compile(
    r"\bzpet\b|\bzpatky\b|\bpredchozi\b|\bo (jeden|krok) (zpet|zpatky)|\bvrat\w*( se)?$"
)
PAUSE_WORDS = re.compile(
    r"\bmoment\w*|\bchvilk\w*|\bpockej\w*|\bza chvil\w*|\bvydrz\w*|\bhned jsem zpet|\bpockat"
)
RESUME_WORDS = re.compile(
    r"\bpokra\w*|\b(jedem\w*|jdem\w*|frcim\w*) dal\b"
    # "teď zpátky k lumii", "vraťme se k návodu": back to it, not a step back
    r"|\b(zpet|zpatky|vrat\w*( se)?|zase) (k|ke) (?!(predchoz|minul|prvni|zacat|krok|zadani|vyber|vyplnen)\w*)"
)  # "pokračujme (v návodu)": the current step again
RETURN_WORDS = re.compile(r"\b(jsem|uz jsem|jsme) (zpet|zpatky|tu|tady)\b")
HELP_WORDS = re.compile(
    # ("heslo jsem vám nikde nepsal": nowhere written, no place looked for)
    # ("on nic nenašel", "Thunderbird nic nenašel": the program's notice; "nic jsem nenašel" mine)
    r"\bvyskocil\w*|\bvarovan\w*|\bnezobrazuj\w*|\bnevidim\b|(?<!\bnic )\bnenasel\w*|(?<!\bnic )\bnenasla\w*|\b(nemuzu|nemohu|nemuzeme|nedokazu)( \w+){0,3} najit|\bnenajdu\b|\bneni tam\b|\b(to |ho |ji )?tam nemam\b|\bnikde\b(?!( \w+)? ne(psal|pisal|napsal|zadal|uvadel|uvedl|sdilel|posilal|poslal)\w*)|\bchybi\b|\bnemam tam\b"
    r"|\bnic (takov|podobn)\w*( tam| tu)? (neni|nevidim|nemam|nenajdu)\b"
)
# Steps named by number words: nouns ("čtyřka") need only "na"/"od"; ordinals ("čtvrtý") a verb.
STEP_NOUNS = (
    (1, r"jednick\w*"),
    (2, r"dvojk\w*"),
    (3, r"trojk\w*"),
    (4, r"ctyrk\w*|ctverk\w*"),
    (5, r"petk\w*"),
    (6, r"sestk\w*"),
    (7, r"sedmick\w*"),
    (8, r"osmick\w*"),
)
STEP_ORDINALS = (
    (1, r"prvni\w*|zacat\w*|zacatk\w*"),
    # (colloquial "-yho", "-ymu": "jsem u šestýho kroku")
    (2, r"druh(y|ym|emu|eho|yho|ymu)"),
    (3, r"tret(i|im|iho)"),
    (4, r"ctvrt(y|ym|eho|yho|ymu)"),
    (5, r"pat(y|ym|eho|yho|ymu)"),
    (6, r"sest(y|ym|eho|yho|ymu)"),
    (7, r"sedm(y|ym|eho|yho|ymu)"),
    # ("iPhone 15, poslední iOS": the newest system, no step)
    (
        8,
        r"osm(y|ym|eho|yho|ymu)|posledn\w*\b(?! (ios|ipados|macos|verz|aktualiz|updat|system|android|windows|model|dny|den|tyden|mesic|rok|dobou)\w*)",
    ),
)
# The steps before the one shown, asked for ("kde jsou kroky 1 až 4?", "a předchozí kroky?")
EARLIER_STEPS = re.compile(
    r"\bkrok\w*\s*(?P<first>\d)\s*(az|-|–|do)\s*\d\b"
    r"|\b(predchozi|predesl\w*|drivejsi|ty prvni|zbyl\w*) krok\w*|\bkrok\w* (pred tim|predtim|pred nim)\b"
)
NAV_VERBS = re.compile(
    r"\bkrok\w*|\bjdi\b|\bjdeme\b|\bskoc\w*|\bprejd\w*|\bprepn\w*|\bvrat\w*|\bzacn\w*|\bzpatky|\bzpet|\bznovu|\brovnou\b"
)
GO_TO_WORDS = re.compile(
    r"\bchci\b|\bjdi\b|\bjdeme\b|\bskoc\w*|\bprejd\w*|\brovnou\b|\bkrok\w* (s|se)\b|\bvrat\w*|\bukaz(te)?\b|\bukazat\b|\bdej mi\b"
    # ("ukaž mi", "ukažte"; "ukazuje" is what the screen shows)
)

# "Nevím" to a question the bot asked: ask it again, do not guess.
# ("nevím, kde jsem" is lost in the steps, not unsure of a value)
UNSURE = re.compile(
    r"\bnevim\b(?!,? (kde|kam) (jsem|jsme|sem|som)\b)|\bnerozum\w*|\bnejsem si jist\w*|\bnetusim\b|\bco to (je|znamena)\b|\bporadte\b"
    r"|\bjakoze co\b|\bcemu\?"
)
# The clauses of one message, for what is said per protocol ("IMAP se SSL i pro SMTP bez").
# (a dot inside a name, "ssl0.ovh.net", "5.7.1", breaks nothing)
CLAUSE_BREAK = re.compile(r"[,;?!\n]|\.(?!\w)|\b(a|i|ale|and|but)\b")
HOW = re.compile(
    r"\b(kde|jak|kudy)\b[^?]{0,40}(zapn|zapin|zaskrt|najd|nastav|zprovozn|rozchod|udel|zkontrol|prepn|prepin|prehod|prepis|prepsat|zmen|men[ie]|oprav|upravi|reset|obnov)"
    # "kde přesně to je?", "kde je to v aplikaci", "jak se tam dostanu?": the place of it
    r"|\bkde (presne |vlastne )?((je|jsou) (to|ho|tohle)|(to|ho|tohle) (je|jsou|mam hledat))\b"
    r"|\b(jak|kudy) se (tam|k tomu|do toho|na to)( pak| potom| ted| vlastne)? (dostan|dostat|proklik)\w*"
    # "kde to v Mailu na Macu je?", "a to se nastavuje kde?"
    r"|\bkde (presne |vlastne )?(to|ho|tohle)\b[^?]{0,30}\b(je|jsou|najdu|mam hledat)\b"
    r"|\b(zapn|zapin|zaskrt|najd|nastav|prepn|prepin|zmen|men[ie])\w*\s+kde\b"
    r"|\b(dela|udela|nastavuje|zapina|zapne)\w*\s+jak\b"  # "tam se to dělá jak?"
    r"|\ba jak (je|to je|je to|bude|to bude) (to )?(v|ve|na|u)\b"  # "a jak je to v Outlooku?"
    # "ok, přepíšu to. kam?", "a kde?", "kam to napíšu?": a bare where after an answer
    r"|(^|[,.;!?]\s*)(a\s+|no\s+)?(kde|kam)( presne| tedy| teda)?\s*(\?|$)"
    r"|(^|[,.;!?]\s*)(a\s+|no\s+)?(to|ono|tohle)\s+(je|bude|najdu)\s+kde\s*(\?|$)"  # "a to je kde?"
    r"|\bkam (to |ho |je |tam )?(napis|dam|zadam|vypln|prepis|zapis)\w*"
)
# "Kde je ta ikona? Vidím tam hodně čtverečků": looking for it, not done with it.
# a how, where or whither in a sentence ("jak to má změnit v iPhonu, napište mi"): a question,
# mark or no mark
WAY_WORD = re.compile(r"\b(jak|kde|kam)\b")
# asked without its mark ("…zda to stačí", "nevím, jestli mi ty divné maily přestanou")
ASKED_INDIRECTLY = re.compile(r"\b(jestli|zda|zdali|whether)\b")
WHERE_ASKED = re.compile(r"\bkde\b[^.!?]*\?|\bnevim,? kde\b|\bnemuzu (to |ji |ho )?najit\b")
# "heslo mám, o to nejde": "that is not the point", no failure
NOT_THE_POINT = re.compile(
    r"\b(o to|o tohle|o tom|o heslo)( mi| nam)? (ale |vubec |prece )?nejde\b"
    r"|\bnejde (mi |nam )?(ale |vubec |prece )?o (to|tohle|heslo)\b"
    # "ať o nic nepřijdu": losing nothing, no mail that does not come
    r"|\bo (nic|nicem|zadn\w*|zprav\w*|mail\w*|data|postu)( \w+)? (neprijd\w*|neprisel|neprisla)\b"
    # "vidím jen hotové účty Outlook, Google… a nic mojeho": nothing of theirs on a list
    r"|\bnic (meho|mojeho|myho|naseho|svyho|sveho)\b"
)
# A free-text answer to "Pomohlo to?".
FAILS = re.compile(
    # ("je to to samé jako do Manageru?", "a heslo taky to samé?" compare, no failure again)
    r"\b(nefunguj\w*|nejde|nejede|nejedou|nedari\w*|nepomohl\w*|(?<!taky )(?<!take )(?<!tez )(?<!je )to sam[ey](?! jako)(?!\s*\?)|nic se nezmenil\w*|neodchaz\w*|neprijd\w*"
    r"|neodes\w*|neodejd\w*|neodesl\w*)\b"
    # "zpráva se mi vrátí, že nebyla doručena": a bounce
    r"|\b(zprav\w*|mail\w*|e-?mail\w*|posta)\b[^.?!]{0,12}\b(vrati|vratil\w*|vraci)\b|\bnebyl\w* dorucen\w*"
    # "vždyť jsem ho zadal už třikrát": tried again, still not in
    r"|\b(zadal\w*|zadaval\w*|zkousel\w*|zkusil\w*|psal\w*|napsal\w*)\b[^.?!]{0,20}\b(nekolikrat|trikrat|dvakrat|ctyrikrat|\d+ ?krat|\d+x|mockrat|porad dokola|opakovane)\b"
    r"|\b(porad|furt|stale|zase)\s+(mi\s+|nam\s+)?(to\s+)?(ne|nic|stejne|nejde|nefunguje|to same|to samy|chyba|chybu|hlasi chybu|pise chybu)\b"
    # "test tiskne chybu 1102", "vyhodí chybu": an error shown
    # (a device that prints or throws it: "píše chybu spojení" is a symptom of its own, read there)
    r"|\b(tiskne|vytiskne|vyhod\w*|hodi|hazi)\b( \w+)? (chyb\w*|error\w*)"
    # "zapnul jsem to a stejně nic", "i tak nic"
    r"|\b(a|ale|i tak|stejne)\s+(stejne\s+|i tak\s+)?(mi\s+|nam\s+)?(to\s+)?nic\b(?!\s+(jin\w*|dalsi\w*|vic|neni|nevadi|nemusi\w*))"
    # "pořád ta samá chyba", "zase stejná hláška", "chyba synchronizace"
    r"|\b(porad|furt|stale|zase|opet|znovu|dal)\b( \w+){0,3} (sam\w*|stejn\w*) (chyb|hlas|problem)\w*"
    rf"|{SYNC_FAILS}"
    # "po aktualizaci přestala chodit pošta", "maily nechodí"
    r"|\bprestal\w*( mi| nam)?( \w+)? (chodit|fungovat|jit|odchazet|prichazet|stahovat|odesilat|posilat|synchronizovat|prijimat)\b"
    r"|\bnechod\w*"
    # "tak co mám ještě zkusit?": still not working, the next thing asked
    r"|\bco (mam |mame |muzu |bych mel\w* )?(jeste|dal|dalsiho|jineho) (zkusit|udelat|zkontrolovat)\b"
)
# A clause of condition or wish: "(POP3 jestli to jde)", "chci, aby se to stahovalo", "kdyby
# to šlo" – what it names is wanted, not reported as working.
WISHED = re.compile(
    r"\b(jestli|jestlize|pokud|zda|zdali|kdyby|kdyz by|aby|at)\b( (to|se|mi|nam|tam|vam|uz))*"
    r" (jde|pujde|slo|funguje|fungovalo|bude|jede|stahuj\w*|stahoval\w*|chodil\w*|chodi|odchazel\w*|posilal\w*)\b[^.,!?;()]*"
)
# The bot's own words quoted back ("jednou píšete, že 587 nesedí, a pak že je v pořádku"): no
# report of the customer's
QUOTED_BACK = re.compile(
    r"\b(pisete|pises|napsal\w* jste|napsal\w* ste|tvrdite|rikate|rikal\w* jste|radite)\b"
    r"( mi| nam)?,? ze\b[^.!?;]*"
)
# English: "works now", "it worked" (not "isn't working", "stopped working", "nothing is working")
ENGLISH_WORKS = (
    r"(?<!not )(?<!n't )(?<!nt )(?<!stopped )(?<!nothing is )(?<!never )\b(works|worked|working)\b"
    r"(?! not\b)"
)
WORKS = re.compile(
    r"\b(funguj\w*|jde to|uz to jde|uz jde|uz to ide|ide to|uz ide|prisiel|prisla|dosiel|dosla|odisiel|odisla|jede|pomohl\w*|vyreseno|vyresil\w*|super|paradni|skvel\w*|v poradku|ok|odchazi|chodi|prislo|odeslal\w*|odeslo|odesla|odeslalo|odchazeji|dorazil\w*|dosel|dosla|doslo)\b"
    r"|^\W*(jo|ano|jj|jasne)\b"
    rf"|{ENGLISH_WORKS}"
)

# Who the customer talks to.
IDENTITY = re.compile(
    r"\b(mluvim|pisu|bavim|komunikuju|komunikuji|chatuju|chatuji|hovorim)\w*( \w+){0,2} (s|se) (pocitac|robot|bot|stroj|automat|program|umel|clovek|\w*clovek)\w*"
    # ("jste šikovnej bot": praise, no question who answers)
    r"|\b(jsi|jste|ste) (?!(sikovn|skvel|dobr|super|uzasn|chytr|fajn|boz|hodn)\w*)(\w+ )?(robot|bot|clovek|stroj|automat|program|umel\w* inteligenc\w*)\b"
    r"|\b(jsi|jste|ste) (\w+ )?(skutecn|realn|ziv|opravdov)\w* (clovek|osoba)\b"
    r"|\bje (tam|tu|tady) (nekdo|clovek|ziv\w*)|\bziv\w* (clovek|osoba|operator)\b\?"
    r"|\bodpovid\w*( \w+){0,3} (stroj|robot|pocitac|automat|program|clovek)\w*|\bs kym (si )?(to )?(vlastne )?(pisu|mluvim|komunikuj\w*)"
    r"|\b(je to|jsou to|to je|jde o|pisete|odpovida)\b[^.?!]{0,15}automatick\w* odpoved"
    r"|\bpise (mi )?(nekdo|clovek)|\bvirtualni asistent"
    r"|\bumel\w* inteligenc\w*|\bchatbot\w*|\bam i (talking|chatting) to"
)

# Language: English function words, and words that make a message Slovak rather than Czech.
ENGLISH_WORDS = re.compile(
    r"\b(the|which|what|how|is|are|should|does|you|with|without|for|can|please|hello|hi|use|get|got|need|incoming|outgoing|settings|i'm|i've|doesn't|don't|my phone|my account"
    r"|and|where|when|switch|turn|enable|receive|receives|sending|send|working|there|someone|human"
    r"|my|add|mailbox|next|now|then|done|tapped|opened|clicked|found|it|this|that|could|would|have"
    r"|new|accepted|keeps|asking|changed"
    r"|pls|plz|your|connect|staff|thanks|thank|help|talk|speak|agent|person|from|like|i.d|callback"
    r"|team)\b"
)
# Other languages: words no Czech or Slovak customer writes (German, Polish, French, Italian, Spanish).
OTHER_LANGUAGE_WORDS = re.compile(
    r"\b(ich|fur|welche\w*|brauche|guten|nicht|und|mit|der|die|das|bitte|dzien|dla|jaki|poczt\w*|ustawic|wychodzac\w*|przychodzac\w*|sie"
    r"|bonjour|pour|quel\w*|serveur|courrier|buongiorno|come|quale|devo|usare|sul|hola|cual|correo|puerto|servidor|necesito"
    r"|milyen|kell|napot|szervert|portot|hogy|beallit\w*)\b"
)
# Letters only Czech or Slovak write (not š, č, ž: other languages have them too)
CZECH_LETTERS = re.compile(r"[ěřůťďňľĺŕ]", re.IGNORECASE)
CZECH_WORDS = re.compile(
    r"\b(jak\w*|kter\w*|je|jsem|mam|pro|se|na|nebo|prosim|dobry|den|chci|potrebuj\w*|posta|postu|posty|pres|bez|muj|moje|aky|aka|ake|ako|pre|som|sa|mi)\b"
)

# Where a second question starts: "jak si prodloužím hosting a jaký je server pro poštu?"
QUESTION_BREAK = re.compile(
    r"[.?!;]|\b(?:a|ale|a taky|a jeste|a potom)\b(?= (?:jak|jaky|jaka|jake|kde|co|kolik|muzu|mam))"
)
# A clause about the mailbox (a hosting matter beside it is a clause without these)
MAIL_WORDS = re.compile(
    r"\b(mail\w*|e-?mail\w*|post[aeuy]\w*|schrank\w*|smtp|imap|pop\w*|server\w*|port\w*|zprav\w*"
    r"|odesil\w*|odesl\w*|posil\w*|prijim\w*|prijem\w*|chod\w*|nechod\w*|outlook\w*|thunderbird\w*"
    r"|gmail\w*|telefon\w*|mobil\w*|iphon\w*|ipad\w*|android\w*|samsung\w*|mac\w*|pocitac\w*)\b"
)

# A verb of mail working ("odesílání taky jde", "přišlo to", "už přijímají i odesílají"), not negated
SUCCESS_VERB = re.compile(
    r"(?<!\bne)\b(jde|funguje|jede|chodi|odchazi|prislo|prisel|prisla|odeslo|odesel|odesla|odeslal[oa]?"
    r"|odesila\w*|prijima\w*|stahuje|proslo|prosla)\b"
    rf"|{ENGLISH_WORKS}"  # "works now, thanks"
)
# A turn of the sentence that may carry a failure ("…, ale odesílání ne", "v počítači pořád ne")
# or a matter still open ("ještě potřebuju nastavit odesílání", "jak to udělám na druhém")
CONTRAST = re.compile(
    r"\b(ale|jenze|akorat|avsak|bohuzel|jenom ne|but)\b|\b(porad|stale|furt|jeste|zatim) (ne|nic|nejde)\b"
    r"|\bjeste (potrebuju|potrebuji|musim|chci|bych|mam)\b|\bjak (to |ho |ji )?(udelam|nastavim|dostanu)\b"
)
