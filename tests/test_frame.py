"""The understanding step: what a message asks and names, read from realistic phrasing."""

from conftest import entity

from actions.frame import read
from actions.understanding import canonical_protocol, security_in_text


def frame(text, intent="nlu_fallback", *entities):
    return read({"text": text, "intent": {"name": intent}, "entities": list(entities)})


def test_protocol_forms():
    for text, expected in [
        ("IMAPu", "imap"),
        ("přes POPko", "pop3"),
        ("smtpčko", "smtp"),
        ("odchozí", "smtp"),
        ("pro posílání pošty", "smtp"),
        ("prichozi posta", "incoming"),
        ("prichadzajuca posta", "incoming"),  # Slovak
        ("popište mi to", None),  # no POP3 in "popište"
        ("příjemce", None),
    ]:
        assert canonical_protocol(text) == expected, text


def test_security_said_indirectly_or_negated():
    for text in [
        "bez SSL",
        "a bez ssl?",
        "nešifrovaně",
        "SSL nemám zapnuté",
        "zabezpečení mám vypnuté",
        "nemám zaškrtnuté šifrování",
        "ssl off",
    ]:
        assert security_in_text(text) == "plain", text
    for text in ["se SSL", "šifrovaně", "SSL mám zaškrtnuté", "so sifrovanim", "with SSL"]:
        assert security_in_text(text) == "ssl", text
    for text in ["s SSL i bez něj", "obě varianty", "všechny možnosti", "se šifrováním i bez"]:
        assert security_in_text(text) == "both", text
    assert security_in_text("jaký port pro imap") is None


def test_question_found_inside_a_long_message():
    story = (
        "Dobrý den, včera jsem si koupil nový mobil a přenáším tam všechno, fotky už mám. "
        "Na počítači mi pošta jde už léta. Kolik mám nastavit u odesílání pošty, "
        "když chci zabezpečené spojení? Děkuji, Petr Novák, tel. 602 123 456"
    )
    read_ = frame(story)
    assert read_.asks == [] and read_.protocols == ["smtp"] and read_.security == "ssl"
    read_ = frame(story.replace("Kolik mám nastavit", "Jaký port mám nastavit"))
    assert read_.asks == ["port"] and read_.ports == []  # a phone number is no port


def test_two_questions_in_order():
    read_ = frame("Jak se vyplňuje login a který server patří k IMAPu?")
    assert read_.asks == ["username", "server"] and read_.protocols == ["imap"]


def test_server_named_inside_a_port_question_is_not_asked():
    assert frame("jaky port dat u odchoziho serveru bez sifrovani?").asks == ["port"]


def test_a_number_to_check_or_to_explain():
    checked = frame("na odchozí mám nastavené 995, je to tak správně?")
    assert checked.ports == [995] and checked.checks and checked.protocols == ["smtp"]
    explained = frame("k čemu je port 587")
    assert explained.ports == [587] and not explained.checks
    assert frame("port 25 mi nejde").ports == [25]


def test_symptoms_and_error_codes():
    assert frame("pise to 530 5.7.0 Authentication required").error_code == "5.7.0"
    assert frame("mail se neodesle, hlasi 554 relay access denied").symptom == "smtp_error"
    assert frame("telefon hlásí, že certifikát serveru není důvěryhodný").symptom == "certificate"
    assert frame("ve webmailu nove zpravy mam ale do mobilu neprichazi").symptom == "not_arriving"
    assert frame("připojení vypršel časový limit").symptom == "timeout"
    assert frame("jaky port pro imap").symptom is None


def test_open_smtp_named_or_described():
    assert frame("přišel mi ticket Open SMTP").open_smtp == "named"
    described = frame("dostal jsem upozornění, že z mé adresy odchází spam")
    assert described.open_smtp == "described" and described.spam


def test_walkthrough_references():
    assert frame("skoč na trojku").step == 3
    assert frame("vrať mě na krok 2").step == 2
    assert frame("e-mail + účty už mám otevřené").position.step == 3  # the step after that screen
    assert frame("chci rovnou vyplnit servery").step == 7
    assert frame("jaký je server").step is None
    assert frame("nevidím tam jiný účet").needs_help


def test_identity_and_language():
    assert frame("je tam nekdo zivej nebo jsi robot?").identity
    assert not frame("chci mluvit s technikem").identity
    assert frame("What is the incoming server?").language == "en"
    assert frame("aky je server pre prichadzajucu postu").language == "cs"


def test_entity_that_caught_only_ssl_of_bez_ssl_is_overruled():
    assert frame("port IMAP bez SSL", "ask_port", entity("security", "ssl")).security == "plain"


def test_button_payload_uses_its_entities_only():
    read_ = frame('/inform{"protocol":"imap"}', "inform", entity("protocol", "imap"))
    assert read_.protocols == ["imap"] and read_.security is None and read_.asks == []


def test_the_asking_sentence_decides_over_the_story():
    story = frame(
        "Na starém mobilu jsem měl POP3, kamarád ale radí IMAP. Jaký port má IMAP se SSL?"
    )
    assert story.protocols == ["imap"] and story.security == "ssl"
    kept = frame("Mám tam POP3 a SSL nechci zapínat, je to pomalé. Jaký port pro příjem?")
    assert kept.protocols == ["pop3"] and kept.security == "plain"


def test_security_per_clause_and_double_negation():
    read_ = frame("prijem pres imap bez ssl, a odesilani chci se ssl, jake porty?")
    assert read_.security_by_protocol == {"imap": "plain", "smtp": "ssl"}
    assert frame("nechci to bez ssl, jaky port pro imap").security == "ssl"
    assert frame("SSL nemám vypnuté").security == "ssl"


def test_server_names_typed_and_phone_numbers():
    read_ = frame(
        "jako odchozi server mam mail.example.cz, pisu z domeny kvetiny.cz, tel. 602 993 118"
    )
    assert read_.hosts == ["mail.example.cz"] and read_.ports == [] and read_.checks


def test_answers_to_did_it_help():
    assert frame("jo, uz to jede").works is True
    assert frame("porad nic, nejde to").works is False
    assert frame("jaky port pro imap").works is None


def test_an_ssl_choice_said_for_another_protocol_is_not_the_questions():
    assert frame("Na počítači mám IMAP bez SSL. Jaký port dát pro POP3?").security is None
    assert frame("SSL mám zapnuté u příchozí pošty, účet je IMAP. Jaký port?").security == "ssl"


def test_a_protocol_then_the_one_refused():
    # "X ne Y" keeps X; "X ne, Y" refuses X
    assert frame("nastavuju to přes IMAP ne POP3, jaký port se SSL?").protocols == ["imap"]
    assert frame("chci to radši přes POP ne IMAP. port?").protocols == ["pop3"]
    assert frame("POP ne, chci IMAP. jaký port?").protocols == ["imap"]
    # what the device chose by itself is not the one wanted
    assert frame("Outlook mi to nastavil jako IMAP, chci POP3. port?").protocols == ["pop3"]


def test_a_port_after_a_server_name_keeps_its_direction():
    # the dots of "ssl0.ovh.net" break no clause: the number is the outgoing one
    read_ = frame("příchozí ssl0.ovh.net 993, odchozí ssl0.ovh.net 993, sedí to?")
    assert (993, "smtp", None) in read_.port_claims or any(
        claim[:2] == (993, "smtp") for claim in read_.port_claims
    )


def test_bez_of_something_else_is_no_ssl_choice():
    assert (
        frame("takže jen petr bez domény?", "inform", entity("security", "plain")).security is None
    )
    assert frame("a bez?", "inform", entity("security", "plain")).security == "plain"


def test_filled_in_is_no_ssl_off():
    # "vyplněno" (filled in) is not "vyplý" (off)
    assert frame("vyplněno SSL/TLS 993 a 465, odešlo a přišlo, díky").security == "ssl"
