from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from czech_nlu.password import redact, typed_password
from czech_nlu.password_guard import PasswordGuard


def test_typed_passwords():
    for text in [
        "moje heslo je Kvetina99",
        "to heslo je kocicka",
        "to heslo Ruze88 mam urcite dobre",
        "heslo mam Slunce123, je to dobre?",
        "Heslo ke schránce mám Brno2023",
        "heslo: kocicka",
        "Zadávám heslo Hrad1234, je správně?",
        # a conjunction after the keyword does not end the search
        "heslo a Xyzabc",
        "dal jsem heslo a pak Qwxyzt",
        # a typo of the keyword
        "v outlooku mam hesklo Zima2024! a nejde to",
        # words like a domain, a name or a verb's form are still passwords where they stand
        "heslo je kocicka.77",
        "moje heslo: Sedmikraska.77",
        "heslo jsem zmenil na tajnepsani",
        # English words read after the keyword are no excuse where the password is given
        "password: Works",
        "the password is Again",
        "heslo-brnoqx",
        "heslo ke schránce tukanila",
        "heslo pejskovany",
        "heslo k poště papousek.cz",
        # beside the user name, no keyword: "zadávám X a jméno Y"
        "zadávám Mrkev2020 a jméno petr",
        "píšu tam Slon_77 a uživatelské jméno eva",
    ]:
        assert typed_password(text), text


def test_questions_about_passwords_are_not_passwords():
    for text in [
        "Jaké heslo mám zadat?",
        "kde najdu heslo k emailu",
        "heslo mám zapomenuté",
        "heslo k portu 993?",
        "Zapomněl jsem heslo ke schránce",
        '/inform{"protocol":"imap"}',
        "",
        # a colloquial past tense and a program's setting beside the word
        "napsal jsem jméno, adresu a heslo a kliknul na další",
        "dal jsem Heslo, 465, TLS/SSL zaškrtnuto a uložil",
        # the methods of a program's menu, and what the customer knows of the password
        "u obou je Metoda ověření: Autodetekce, Normální heslo, Šifrované heslo, Kerberos, OAuth2",
        "Normální heslo je jen název té volby v Thunderbirdu",
        "to heslo znám, ptám se na tu metodu ověření",
        # English words after the keyword
        "Which password should I type into the phone?",
        "the password does not work",
        # a program's label in brackets
        "je tam zabezpečené ověřování hesla (SPA), zaškrtnout?",
        "vyžadovat ověřování hesla (SPA) - zaškrtnout nebo ne?",
        "na 587 teda posílat hesla úplně nešifrovaně bez STARTTLS?",
        "políčko zapamatovat heslo odškrtnuto",
        # a term joined to the keyword, a verb of doing the word list lacks
        "v XML je password-cleartext, jde heslo šifrovaně?",
        "dal jsem tam heslo ze sešitu a klikl na další",
        # the log-in mechanisms a printer offers by name
        "tiskárna nabízí u přihlášení: žádné / PLAIN / LOGIN / CRAM-MD5",
        # Thunderbird's log-in methods by name, the words after them the customer's own
        "zkusil jsem STARTTLS + normální heslo na 587 a odeslalo to",
        "„Normální heslo“ je název volby v Thunderbirdu, žádné heslo jsem nepsal",
    ]:
        assert not typed_password(text), text
    # (a password after the method's name is still one)
    assert typed_password("normální heslo mám Ruze88")
    assert typed_password("pass: lipa7Qx , a maily nechodí ven")


def test_guard_overrides_the_intent_and_keeps_the_ranking():
    message = Message(data={TEXT: "moje heslo je Kvetina99"})
    message.set(INTENT, {"name": "ask_password", "confidence": 0.8})
    message.set(
        INTENT_RANKING_KEY,
        [
            {"name": "ask_password", "confidence": 0.8},
            {"name": "share_password", "confidence": 0.2},
        ],
    )
    PasswordGuard(PasswordGuard.get_default_config()).process([message])
    assert message.get(INTENT) == {"name": "share_password", "confidence": 1.0}
    assert [r["name"] for r in message.get(INTENT_RANKING_KEY)] == [
        "share_password",
        "ask_password",
    ]
    # No close second for the FallbackClassifier to call ambiguous.
    assert message.get(INTENT_RANKING_KEY)[1]["confidence"] == 0.0


def test_guard_recognises_a_password_the_channel_already_redacted():
    message = Message(data={TEXT: "heslo je [heslo skryto]"})
    message.set(INTENT, {"name": "ask_password", "confidence": 0.95})
    PasswordGuard(PasswordGuard.get_default_config()).process([message])
    assert message.get(INTENT)["name"] == "share_password"


def test_guard_leaves_other_messages_alone():
    message = Message(data={TEXT: "Jaké heslo mám zadat?"})
    message.set(INTENT, {"name": "ask_password", "confidence": 0.9})
    PasswordGuard(PasswordGuard.get_default_config()).process([message])
    assert message.get(INTENT)["name"] == "ask_password"


def test_redaction_hides_the_password_and_keeps_the_rest():
    from czech_nlu.password import REDACTED, redact

    cases = {
        "heslo je Lumia2024": f"heslo je {REDACTED}",
        "moje heslo je kocicka.": f"moje heslo je {REDACTED}.",
        "Moje heslo kocicka": f"Moje heslo {REDACTED}",
        "heslo: tajne": f"heslo: {REDACTED}",
        "heslo mam Tajne123, a port?": f"heslo mam {REDACTED}, a port?",
        "muj heslo=xY9!z a dal": f"muj heslo={REDACTED} a dal",
        # the device before "mám jako heslo" is the device (it stays: the answer names it)
        "na iPhonu mám jako heslo Kocour.77": f"na iPhonu mám jako heslo {REDACTED}",
        "kocour mam jako heslo": f"{REDACTED} mam jako heslo",
        # named after the clause about it, when it is no word
        "heslo mam spravne, je to Pes.Alik9": f"heslo mam spravne, je to {REDACTED}",
    }
    for text, expected in cases.items():
        assert redact(text) == expected, text
        assert redact(expected) == expected, expected  # redacting twice changes nothing
    for question in (
        "moje heslo nefunguje",
        "heslo je špatně?",
        "heslo k portu 993",
        "to heslo změním kde?",
        "zadávám heslo ze zákaznickýho účtu",
        "zadala jsem heslo a Outlook hlásí „Účet byl úspěšně přidán“",
        "jaky port pro imap",
        "/affirm",
        "",
    ):
        assert redact(question) == question


def test_what_people_say_about_a_password_is_no_password():
    for text in [
        # a server the program found, an emoji, English words, an account's name inflected
        "Outlook po zadání adresy a hesla sám vyplnil server imap.mojefirma.cz, nechat?",
        "promiňte za to heslo 😅, mám si ho změnit?",
        "do I need the user name and password here as well?",
        "teď to po mně chce heslo k iCloudu",
        "heslo mám určitě dobře",
        "heslo mam 100% dobre a stejne to nejde",
        "heslo mam spravne, je to urcite spravne",
        "heslo jsem zadal znovu a nic",
        "heslo jsem dal do telefonu i do pocitace",
        "heslo jsem napsal stejne jako v manageru",
        "heslo jsem zmenil, a to vcera",
        # the mailbox named by its address, a button pressed, the buttons of a dialog listed,
        # an English question opened by a conjunction
        "zmenila jsem heslo ke schrance petra@pekarna-u-mlyna.cz a ted to nejde",
        "zadal jsem jmeno a heslo a po kliknuti na dalsi to spadne",
        "okno ma tlacitka Opakovat, Zadat nove heslo, Zrusit",
        "But is the password the same for sending?",
        # "to heslo" goes on with a verb; how a password came is no password
        "jeste ten iphone, tam kde se to heslo meni?",
        "tak syn mi heslo poslal smskou. zadal jsem email a heslo a dal prihlasit",
        "Outlook keeps asking for my password again and again.",
        # a verb's past tense the word list lacks ("odeslalo"), its infinitive known
        "prepsal jsem heslo a uz to odeslalo. dik",
        "heslo pro IMAP",
        "heslo k poště jsem si včera změnil na nové a teď nejde nic",
        "to je SSL0?",
        "změnil jsem ho na 587 a jde to",
        "heslo mám stoprocentně dobře, a stejně to nejde",
        "heslo mi kdysi nastavoval syn, kde ho zjistím?",
        "nové heslo mám napsané na papíře",
        "pass the test please",
        "je to iPhone15?",
        "heslo pro POP3",
        "heslo do Outlooku",
        "zadal jsem heslo znovu a nejde to",
        "zmenil jsem heslo vcera",
        "jake heslo mam pouzit",
        "heslo mam v poradku",
        "zadal jsem heslo ktere mi prislo",
        "heslo se nepřijme",
        "heslo neprošlo",
        "heslo je stejne jako do manageru",
        "zadal jsem heslo spravne",
        "chci zmenit heslo",
        "jak zmenim heslo k emailu?",
        "heslo mi nejde zadat",
        "to je moje heslo",
        "co je moje heslo?",
        "tady je heslo",
        "server, jmeno, heslo. Dole jsou dve zatrzitka",
        "jsou tam policka Uzivatelske jmeno, Heslo, Typ uctu a Server prichozi posty",
        "vyplnila jsem to, overovani je Heslo, port 465 se ssl",
        "Telefon mi po zadání hesla oznámil, že nastavení nenašel",  # a time, not a password
        "po vyplnění hesla vyskočilo hlášení",
        "mám jméno jako heslo?",
        "prihlaseni pres IMAP4 a port 993 na SSL0.OVH.NET nejde, kod 5.7.8",
        "login jana.novak@firma.cz nejde",
        "a to heslo musim psat jeste jednou i k odchozimu serveru?",
        # values a customer names in a message about the log-in are no passwords
        "Nejde se mi přihlásit do e-mailu",
        "Login nejde, mám IMAP, port 143, SSL/TLS",
        "prihlaseni: POP3/IMAP, SMTP:587, Lumia950, chyba (0x800CCC0E)",
        "co mam dat jako heslo?",
        # adverbs a word list lacks are words too
        "heslo jsem vam nikde nepsal",
        "heslo jsem nikdy nikomu neposlal",
        "heslo vubec nevim",
        # what the field holds, or whose passwords
        "heslo u odchoziho serveru mam prazdny, nevadi?",
        "v tom autoconfig souboru budou i hesla uzivatelu?",
        "jmeno adresu a heslo mam vyplneny a dal jsem dalsi",
        # the field's own label: "Volitelné" (optional) under the outgoing server
        "a u odchoziho serveru pise u jmena a hesla Volitelne, mam to tam davat?",
        # a button pressed after the fields ("Sign In" is no password)
        "I typed name, email and password and clicked Sign In, now it says unable to verify",
        "vyplnila jsem adresu a heslo a klikla na Prihlasit",
        # the prompt naming the account the password is for
        "iPad pořád vyskakuje okno Zadejte heslo pro účet „Kancelář“ a nejde to",
        # a domain written as the server's value, and the answer "to je v manageru" to a question
        "v serveru mám vyplněné nase-firma.cz a uživatel je jen eva",
        "heslo ke schránce? to je v manageru, ne?",
        # a conjunction after the address: words that are their own lemma are words too
        "dal jsem jako jmeno celou adresu jana@firma.cz, takze je to dobre?",
        "uzivatel je petr@firma.cz, avsak odesilani stejne nejde",
    ]:
        assert redact(text) == text, text
        assert not typed_password(text), text


def test_passwords_in_the_ways_people_write_them():
    cases = {
        "Moje heslo je: Slunicko": "Moje heslo je: [heslo skryto]",
        "zadal jsem heslo Kocicka a nejde to": "zadal jsem heslo [heslo skryto] a nejde to",
        "heslo do schránky je tajneheslo": "heslo do schránky je [heslo skryto]",
        "password: Abc12345": "password: [heslo skryto]",
        "psw k mailu: Babi1950 a nejde to": "psw k mailu: [heslo skryto] a nejde to",
        "pass do mailu Q2w3e4r5 a nejde nic": "pass do mailu [heslo skryto] a nejde nic",
        "do políčka heslo jsem napsal Pomeranc-7 a hlásí chybu": (
            "do políčka heslo jsem napsal [heslo skryto] a hlásí chybu"
        ),
        "heslo do pošty? to je Hruska_v_sadu, ne?": "heslo do pošty? to je [heslo skryto], ne?",
        "server mám firma.cz, heslo mojeheslo.cz": "server mám firma.cz, heslo [heslo skryto]",
        "/moje heslo je Xyz": "/moje heslo je [heslo skryto]",
        "heslo zní „ruzovy slon“": "heslo zní „[heslo skryto]“",
        '/inform{"heslo": "tajne"}': '/inform{"heslo": "[heslo skryto]"}',
        "Kocicka123 je moje heslo": "[heslo skryto] je moje heslo",
        # the new one told after a change; letters and digits joined by a dot
        "prenastavil jsem ho, nove je Hrusen7ka": "prenastavil jsem ho, nove je [heslo skryto]",
        "heslo do posty jsem si dal Vrba.1987 a nejde to": (
            "heslo do posty jsem si dal [heslo skryto] a nejde to"
        ),
        "změnil jsem heslo na Beruska": "změnil jsem heslo na [heslo skryto]",
        "jméno jan@firma.cz heslo Abc123 server ssl0": "jméno jan@firma.cz heslo [heslo skryto] server ssl0",
        "zadavam Bramb0ra77 jako heslo a nejde to": "zadavam [heslo skryto] jako heslo a nejde to",
        "kv3tinac_88 - to mam v policku pro heslo": "[heslo skryto] - to mam v policku pro heslo",
        "nejde přihlášení, zadávám Heslo2024 a nejde to": (
            "nejde přihlášení, zadávám [heslo skryto] a nejde to"
        ),
        "napsala jsem Pomeranc12, to pouzivam na prihlaseni": (
            "napsala jsem [heslo skryto], to pouzivam na prihlaseni"
        ),
        "heslo ze zakaznickeho uctu, HosT1ng55, a nejde to": (
            "heslo ze zakaznickeho uctu, [heslo skryto], a nejde to"
        ),
        # a typo in the keyword: a letter slipped in or doubled
        "hseslo jsem si zmenil na Medved44 a nejde to": (
            "hseslo jsem si zmenil na [heslo skryto] a nejde to"
        ),
        "hesslo mam Kocka77": "hesslo mam [heslo skryto]",
        # the change told with words between, a dot inside the password
        "heslo k poště jsem si právě nastavil na Liska.77, musím ho přepsat v mobilu?": (
            "heslo k poště jsem si právě nastavil na [heslo skryto], musím ho přepsat v mobilu?"
        ),
        # asked alone whether it is the one ("to je X?") – letters with digits
        "to je Jezevec2023?": "to je [heslo skryto]?",
        # the keyword short of a letter, the short English keyword before "je"
        "heso: Jablko55 a nejde to": "heso: [heslo skryto] a nejde to",
        "pass je Ovce2021, je to dobře?": "pass je [heslo skryto], je to dobře?",
        # "změnil jsem ho na X" with the password talked of before
        "tak jsem ho změnil na Pivonka_7, co teď?": "tak jsem ho změnil na [heslo skryto], co teď?",
    }
    for text, expected in cases.items():
        assert redact(text) == expected, text
        assert typed_password(text), text


def test_the_kind_not_a_verb_list_no_ordinary_word_next_to_a_password_keyword():
    """A word no Czech or Slovak dictionary has, a few words after the keyword (typos in the
    keyword too), an address with the password after a slash, and the orders people use."""
    cases = {
        "hesol mam pampelisek7 a nejde to": "hesol mam [heslo skryto] a nejde to",
        "helso je Jarmilka": "helso je [heslo skryto]",
        "heslo do posty kvakvakva mam zadane spravne": "heslo do posty [heslo skryto] mam zadane spravne",
        "heslo jsem si zmenil na tulipanek v manageru": "heslo jsem si zmenil na [heslo skryto] v manageru",
        "jako heslo jsem tam dal bramborak": "jako heslo jsem tam dal [heslo skryto]",
        "heslo do mailu jsem si nastavil Jablko, staci?": "heslo do mailu jsem si nastavil [heslo skryto], staci?",
        "heslo k uctu jsem zadal kopretina a nic": "heslo k uctu jsem zadal [heslo skryto] a nic",
        "hsloo je Pes_Alik33 a nefunguje": "hsloo je [heslo skryto] a nefunguje",
        "eva@kvetiny.cz / ruzovka nefunguje prijem": "eva@kvetiny.cz / [heslo skryto] nefunguje prijem",
    }
    for text, expected in cases.items():
        assert redact(text) == expected, text
    # ordinary words after the keyword stay, so the problem is still understood
    for text in (
        "heslo mám určitě správně, ale odesílání hlásí chybu ověření",
        "a heslo teda to od schránky?",
        "heslo do manageru mám správně",
    ):
        assert redact(text) == text, text
