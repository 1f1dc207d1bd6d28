"""The dispatcher on the kinds of message real customers write (DIET's intent given as the
model would often give it for such a message: unsure)."""

import re

import pytest
from conftest import make_tracker, run_action, shown, user_event

from actions import knowledge
from actions.dispatcher import ActionRespond


def respond(domain, text, intent="nlu_fallback", **slots):
    replies, events = run_action(ActionRespond(), make_tracker(text, intent, slots=slots), domain)
    return "\n".join(replies), {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def ports_in(text):
    return {int(n) for n in re.findall(r"\*\*(\d+)\*\*", text)}


def test_two_questions_get_two_answers(domain):
    reply, _ = respond(
        domain, "Co dát do kolonky uživatelské jméno? A port pro SMTP se šifrováním?"
    )
    assert "celá e-mailová adresa" in reply and ports_in(reply) == {465}


def test_a_follow_up_the_model_reads_as_about_the_bot_is_answered_as_a_follow_up(domain):
    reply, _ = respond(domain, "a vlastne pro pop3 se ssl?", "ask_bot_identity", last_topic="port")
    assert ports_in(reply) == {995} and "asistent" not in reply
    reply, _ = respond(domain, "vlastne jste robot?", "ask_bot_identity")
    assert reply.startswith(shown(domain, "utter_bot_identity", identity="x").split("x")[0])


def test_a_slovak_user_name_question_gets_the_user_name(domain):
    reply, _ = respond(domain, "co mam dat ako meno pouzivatela?")
    assert "celá e-mailová adresa" in reply


def test_a_wrong_port_is_corrected_and_a_right_one_confirmed(domain):
    reply, _ = respond(domain, "u odchozi posty mam port 993, je to ok?")
    assert "tu nesedí" in reply and "IMAP se SSL" in reply and ports_in(reply) == {993, 465, 587}
    # (right without SSL: yes, and the SSL port recommended – never another protocol's)
    reply, _ = respond(domain, "IMAP mám na 143 bez SSL, je to správně?")
    assert reply.startswith("Ano, to je správně") and ports_in(reply) == {143, 993}
    assert "Doporučujeme ale zapnout SSL" in reply
    reply, _ = respond(domain, "chci to bez SSL, IMAP na 143 je správně?")
    assert ports_in(reply) == {143}


def test_negated_and_both_security(domain):
    reply, _ = respond(domain, "šifrování mám vypnuté, jaký port pro POP3?")
    assert ports_in(reply) == {110}
    reply, _ = respond(domain, "porty pro imap s ssl i bez nej")
    assert ports_in(reply) == {993, 143}


def test_a_correction_changes_the_last_question(domain):
    reply, slots = respond(
        domain, "spletl jsem se, ja mam POP3", last_topic="port", protocol="imap", security="ssl"
    )
    assert ports_in(reply) == {995} and slots["protocol"] == "pop3"
    reply, _ = respond(
        domain, "vlastne pro posilani", last_topic="port", protocol="imap", security="plain"
    )
    assert ports_in(reply) == {587}


def test_a_symptom_gets_a_fix_and_the_question_whether_it_helped(domain):
    reply, slots = respond(
        domain, "pri odesilani to pise 535 5.7.8 Authentication credentials invalid"
    )
    assert (
        "5.7.8" in reply
        and "celá e-mailová adresa" in reply
        and reply.rstrip().endswith("[Ano, funguje | Ne, pořád nic]")
    )
    assert slots["pending_question"] == "symptom_fix"
    reply, _ = respond(domain, "ne", "deny", pending_question="symptom_fix")
    assert "předal pod číslem" in reply


def test_open_smtp_described_claims_nothing_about_hacking_and_advises_a_new_password(domain):
    reply, slots = respond(domain, "prislo mi upozorneni ze ze me odchazi nevyzadana posta")
    assert "ověřování" in reply and "napadený" not in reply and "Změna hesla" in reply
    assert slots["pending_question"] == "smtp_fix"


def test_english_gets_english_facts_and_the_czech_note(domain):
    reply, _ = respond(domain, "What is the port for SMTP without SSL?", "other_language")
    assert ports_in(reply) == {587} and "speaks Czech" in reply


def test_identity_is_told_and_a_person_offered_not_handed_over(domain, handoff_db):
    reply, _ = respond(domain, "pisu si tu s robotem?", "request_human")
    assert "virtuální asistent" in reply and "Chci mluvit s kolegou" in reply
    assert not handoff_db.exists()


def test_an_unclear_answer_to_the_form_question_gets_it_again(domain):
    walking = {"walkthrough_active": True, "walkthrough_step": 7.0}
    reply, slots = respond(
        domain, "hotovo", "step_done", pending_question="walkthrough_protocol", **walking
    )
    assert "IMAP, nebo POP3" in reply and "Krok 8" not in reply and slots == {}
    reply, slots = respond(
        domain, "chci imap se ssl", "inform", pending_question="walkthrough_protocol", **walking
    )
    assert reply.startswith("**Krok 7 z 8") and ports_in(reply) == {993, 465}


def test_free_text_navigation(domain):
    walking = {"walkthrough_active": True, "walkthrough_step": 5.0}
    assert respond(domain, "zacneme znovu od zacatku", **walking)[0].startswith("**Krok 1 z 8")
    assert respond(domain, "přidat účet už mám otevřené", **walking)[0].startswith("**Krok 4 z 8")
    assert respond(domain, "hotovky", **walking)[0].startswith("**Krok 6 z 8")
    help_, slots = respond(domain, "ten knoflik dalsi volby nikde nevidim", **walking)
    assert "dolní části varování" in help_ and slots["walkthrough_step"] == 5.0  # no jump


def test_a_server_the_customer_typed_is_checked(domain):
    reply, _ = respond(
        domain, "na odchozi mam smtp.seznam.cz a na prichozi ssl0.ovh.net, je to dobre?"
    )
    # the fault first, the right one after it without an "Ano" (one of two is not right)
    assert reply.startswith("Ne – server „smtp.seznam.cz“ není ten z našeho návodu")
    assert "Server **SSL0.OVH.NET** je v pořádku" in reply and "Ano" not in reply


def test_a_free_text_yes_or_no_answers_the_open_question(domain, handoff_db):
    reply, _ = respond(domain, "jo, uz to odchazi", pending_question="smtp_fix")
    assert reply.startswith("Výborně")
    reply, _ = respond(domain, "porad nic", pending_question="smtp_checks")
    assert "předal pod číslem" in reply


def test_other_languages_get_the_settings_in_a_czech_and_english_note(domain):
    reply, _ = respond(domain, "Guten Tag, welchen Port brauche ich für IMAP?")
    assert "I only speak Czech" in reply and ports_in(reply) >= {993, 143, 995, 110, 465, 587}


def test_each_number_is_checked_against_what_it_was_written_with(domain):
    reply, _ = respond(domain, "u prichozi mam 465 a u odchozi 995, je to spravne?")
    assert "Ano" not in reply and reply.count("tu nesedí") == 2
    reply, _ = respond(domain, "mam IMAP 993 se SSL a SMTP 587 bez SSL, je to dobre?")
    assert reply.count("Ano, to je správně") == 2 and "nesedí" not in reply


def test_security_said_per_protocol(domain):
    reply, _ = respond(
        domain, "jaky port pro imap, kdyz nechci sifrovani, a pro smtp se sifrovanim?"
    )
    assert ports_in(reply) == {143, 465}
    reply, _ = respond(domain, "Port pro IMAP se SSL i pro SMTP bez SSL")
    assert ports_in(reply) == {993, 587}
    assert ports_in(
        respond(domain, "Chci zabezpečené spojení, ne nešifrované. Port pro IMAP?")[0]
    ) == {993}


def test_the_ssl_question_reads_the_text_before_yes_or_no(domain):
    asked = {
        "walkthrough_active": True,
        "walkthrough_step": 7.0,
        "form_protocol": "imap",
        "pending_question": "walkthrough_security",
    }
    assert ports_in(respond(domain, "ne, chci to se SSL", "deny", **asked)[0]) == {993, 465}
    reply, slots = respond(domain, "nevím", "deny", **asked)
    assert "SSL, nebo bez SSL" in reply and slots == {}


def test_a_port_question_on_the_side_keeps_the_form_values(domain):
    walking = {
        "walkthrough_active": True,
        "walkthrough_step": 7.0,
        "form_protocol": "imap",
        "form_security": "ssl",
    }
    _, slots = respond(domain, "jaky port pro POP3 bez SSL?", **walking)
    assert "form_protocol" not in slots and slots["protocol"] == "pop3"


def test_buttons_keep_their_own_intent(domain):
    reply, _ = run_action(
        ActionRespond(),
        make_tracker(
            '/ask_settings{"protocol":"imap"}',
            "ask_settings",
            [{"entity": "protocol", "value": "imap"}],
        ),
        domain,
    )
    assert reply[0].startswith("Nastavení pro IMAP:")


def test_a_typed_password_with_a_sending_problem(domain):
    reply, _ = respond(
        domain, "moje heslo je [heslo skryto] a nejde odeslat posta", "share_password"
    )
    assert "nepište" in reply and "Funguje" not in reply and "ověřování" in reply


def test_ordinary_messages_are_not_misread(domain):
    walking = {"walkthrough_active": True, "walkthrough_step": 3.0}
    assert (
        "**143**" not in respond(domain, "V telefonu mám 143 nepřečtených zpráv", "out_of_scope")[0]
    )
    assert (
        "virtuální asistent"
        not in respond(domain, "nainstaloval jsem si program Thunderbird", "other_device")[0]
    )
    reply, slots = respond(domain, "Od poslední aktualizace, jaký port pro smtp?", **walking)
    assert ports_in(reply) == {465, 587} and "walkthrough_step" not in slots
    reply, slots = respond(domain, "jaký typ účtu mám zvolit, IMAP nebo POP?", **walking)
    assert "Krok 4" not in reply and "walkthrough_step" not in slots
    reply, _ = respond(domain, "super, zase to funguje", pending_question="smtp_fix")
    assert reply.startswith("Výborně")


def test_double_negations_choices_and_a_bare_number(domain):
    assert ports_in(respond(domain, "nechci nesifrovane spojeni, jaky port pro pop3?")[0]) == {995}
    assert ports_in(respond(domain, "smtp, ne bez sifrovani prosim")[0]) == {465}
    assert ports_in(respond(domain, "u prichozi je v navodu 993 nebo 143, ktery mam dat?")[0]) == {
        993,
        143,
    }
    assert "SMTP se SSL" in respond(domain, "465", "ask_port_purpose")[0]
    reply, _ = respond(domain, "odesilani nejde, mam 587 s SSL")
    assert "tu nesedí" in reply and "**465**" in reply and "ověřování" in reply


def test_a_rating_is_stored_with_the_topic_it_rates_and_a_down_asks_why(domain):
    fixed = [{"event": "bot", "text": "Výborně!", "metadata": {"utter_action": "utter_fix_worked"}}]
    up = make_tracker(
        '/rate{"rating":"up"}', "rate", [{"entity": "rating", "value": "up"}], events=fixed
    )
    replies, events = run_action(ActionRespond(), up, domain)
    assert replies == [shown(domain, "utter_rating_thanks")]
    assert {
        "event": "slot",
        "name": "rating",
        "value": {"value": "up", "topic": "Ticket Open SMTP"},
        "timestamp": None,
    } in events

    down = make_tracker(
        '/rate{"rating":"down"}',
        "rate",
        [{"entity": "rating", "value": "down"}],
        slots={"last_topic": "port"},
    )
    replies, events = run_action(ActionRespond(), down, domain)
    assert replies == [shown(domain, "utter_rating_sorry")]  # asks what was missing
    assert (
        events[0]["value"] == {"value": "down", "topic": "Porty"}
        and events[-1]["value"] == "rating_comment"
    )

    comment = make_tracker(
        "odpoved byla moc dlouha a nesrozumitelna",
        "nlu_fallback",
        slots={"pending_question": "rating_comment"},
    )
    replies, events = run_action(ActionRespond(), comment, domain)
    assert replies == [shown(domain, "utter_rating_comment_thanks")]
    assert events[0] == {
        "event": "slot",
        "name": "rating_comment",
        "value": "odpoved byla moc dlouha a nesrozumitelna",
        "timestamp": None,
    }


def test_an_adjacent_matter_gets_where_it_is_done_and_a_colleague_never_mail_facts(domain):
    for text in (
        "jak si prodloužím doménu, zítra vyprší",
        "chodí mi moc spamu, jde zapnout filtr?",
    ):
        reply, _ = respond(domain, text)
        assert "Manager" in reply and "Chci mluvit s kolegou" in reply, text
        assert not ports_in(reply) and "SSL0" not in reply, text
    reply, _ = respond(domain, "včera jsem řešil web, dnes jiná věc: jaký port pro IMAP se SSL?")
    assert ports_in(reply) == {993}  # a story that mentions the web and asks about mail


def test_a_short_report_in_the_walkthrough_is_the_step_done(domain):
    walking = {"walkthrough_active": True, "walkthrough_step": 3.0}
    for text in ("jop", "Otevřeno.", "jo, je to podsvicene"):
        _, slots = respond(domain, text, **walking)
        assert slots.get("walkthrough_step") == 4.0, text
    # a doubt, a "no" or a question is no report of success
    for text in ("ne, nic", "nereaguje to", "a to je co?"):
        _, slots = respond(domain, text, **walking)
        assert slots.get("walkthrough_step") != 4.0, text


def test_where_am_i_in_other_words_is_the_current_step(domain):
    walking = {"walkthrough_active": True, "walkthrough_step": 4.0}
    for text in ("hele a kde jsem ted? ztratil jsem se", "kolikaty krok to je?"):
        reply, _ = respond(domain, text, **walking)
        assert "jiný účet" in reply and "Krok 4" in reply, text


def test_a_story_that_asks_for_the_setup_starts_at_step_one(domain):
    reply, _ = respond(
        domain,
        "Dobrý den, vnučka mi koupila Lumii a chtěla bych si tam nastavit poštu. Prosím o "
        "postup, ale pomalu, nejsem v tom zběhlá.",
        "start_walkthrough",
    )
    assert "Krok 1" in reply


def test_a_password_and_it_does_not_work_gets_the_log_in_answer_too(domain):
    reply, _ = respond(domain, "hselo mam [heslo skryto] a stejne mi to nejde", "share_password")
    assert "nikomu" in reply  # the warning
    assert "celá e-mailová adresa" in reply  # ...and the log-in's fix


def test_a_port_with_a_sending_failure_gets_the_port_and_smtp_authentication(domain):
    reply, _ = respond(domain, "mam odchozi port 587 a ssl zaskrtnute, odesilani hlasi chybu")
    assert 465 in ports_in(reply) and "autentiz" in reply


def test_right_values_and_it_does_not_work_get_what_is_left_to_check(domain):
    reply, _ = respond(domain, "server mam ssl0.ovh.net a port 993, proc to nefunguje?")
    assert "SSL0.OVH.NET" in reply and 993 in ports_in(reply)
    assert "celá e-mailová adresa" in reply  # the user name and the mailbox's password


def test_it_works_now_and_thanks_are_answered_as_such(domain):
    reply, _ = respond(domain, "jo opravil jsem to na net a uz to jede", "out_of_scope")
    assert reply.startswith(shown(domain, "utter_glad_it_works").split("\n")[0])
    reply, _ = respond(domain, "ne, dekuju, to staci", "deny")
    assert reply.startswith(shown(domain, "utter_thanks").split("\n")[0])
    reply, _ = respond(domain, "diky, a jaky port pro imap?", "thanks")
    assert 993 in ports_in(reply)  # a question beside thanks is answered


def test_a_notice_reported_in_past_tense_is_that_steps_notice(domain):
    reply, _ = respond(
        domain,
        "Telefon mi po zadání hesla oznámil, že se mu nepodařilo zjistit nastavení. Co teď?",
    )
    assert "další volby" in reply and "Krok 2" not in reply


def test_a_form_described_with_what_to_fill_gets_its_values(domain):
    reply, slots = respond(
        domain, "jsem na te obrazovce kde je spousta policek, server prichozi posty, co tam napisu?"
    )
    assert "SSL0.OVH.NET" in reply and "celá e-mailová adresa" in reply
    assert slots.get("walkthrough_active") is True


def test_whether_someone_got_in_is_not_judged_a_new_password_is_advised(domain):
    reply, _ = respond(domain, "takze se nam nekdo dostal do uctu?")
    assert "Změna hesla" in reply and "není" not in reply.split(".")[0]


def test_refusing_the_bot_and_asking_for_a_person_is_a_handoff(domain, handoff_db):
    reply, _ = respond(domain, "Je mi líto, ale s automatem psát nechci. Prosím člověka.")
    assert "předal" in reply or "kolegové" in reply.lower()


def test_english_sending_failures_get_smtp_authentication(domain):
    for text in (
        "My phone can receive mails but sending fails with 554 5.7.1",
        "My phone receives mail but can't send it.",
    ):
        reply, slots = respond(domain, text, "other_language")
        assert "authentication" in reply and "vyžaduje autentizaci" in reply, text
        assert slots["last_topic"] == "smtp_auth"
    reply, _ = respond(
        domain, "and how do I switch it on?", "other_language", last_topic="smtp_auth"
    )
    assert "vyžaduje autentizaci" in reply


def test_english_open_smtp_names_every_sending_device(domain):
    reply, _ = respond(
        domain, "I got a ticket called Open SMTP, what does it mean?", "open_smtp_ticket"
    )
    assert "every device" in reply and "printer" in reply


def test_english_same_server_is_answered_yes_first(domain):
    reply, _ = respond(
        domain, "Is the outgoing server the same as the incoming one?", "other_language"
    )
    assert reply.startswith("Yes") and "SSL0.OVH.NET" in reply


def test_a_protocol_in_a_fragment_after_a_port_question_is_asked_too(domain):
    reply, _ = respond(domain, "IMAP ports with and without SSL? And SMTP?", "other_language")
    assert ports_in(reply) == {993, 143, 465, 587}
    reply, _ = respond(domain, "jake porty ma imap? a smtp?")
    assert ports_in(reply) == {993, 143, 465, 587}


def test_two_port_numbers_without_the_word_port_are_a_choice(domain):
    reply, _ = respond(domain, "995 nebo 993? uz se v tom ztracim")
    assert "POP3" in reply and "IMAP" in reply


def test_a_wrong_port_with_ssl_said_apart_gets_the_right_one(domain):
    reply, _ = respond(domain, "tak 587, ale ssl mam zapnuty", protocol="smtp")
    assert 465 in ports_in(reply)


def test_another_phone_gets_its_own_walkthrough_not_the_windows_phone_one(domain):
    reply, slots = respond(domain, "mam iphone 13, jak tam nastavim tu postu od vas?")
    guide = knowledge.guide("iphone_mail")
    # the whole guide at once, as an agent writes it; the walkthrough stands at its start
    assert "Celý postup v iPhonu" in reply
    assert all(step.text in reply for step in guide.steps)
    assert "e-mail + účty" not in reply and "Windows Phone" not in reply
    assert slots.get("walkthrough_active") and slots.get("device") == "iphone_mail"
    assert slots.get("walkthrough_step") == 1.0


def test_whether_the_ports_are_the_same_is_a_no_with_the_table(domain):
    reply, _ = respond(domain, "a porty jsou taky stejny?")
    assert reply.startswith("Ne") and ports_in(reply) == {993, 143, 995, 110, 465, 587}


def test_whether_ssl_asks_for_both_ports(domain):
    reply, _ = respond(domain, "server, port a jestli ssl - pro odchozi postu")
    assert "SSL0.OVH.NET" in reply and ports_in(reply) == {465, 587}


def test_where_to_tick_it_after_the_checkboxes_were_named(domain):
    reply, _ = respond(domain, "a kde to zaskrtnu?", last_topic="smtp_auth")
    assert "vyžaduje autentizaci" in reply and "E-mail na Internetu" not in reply.split("\n")[0]


def test_an_adjacent_follow_up_stays_adjacent(domain):
    reply, _ = respond(domain, "a kde si ji zvetsim?", last_topic="adjacent")
    assert "Manager" in reply


def test_a_user_name_and_password_asked_together_get_both(domain):
    reply, _ = respond(domain, "telefon po me chce uzivatelske jmeno a heslo, co tam patri?")
    assert "celá e-mailová adresa" in reply and "Manager" in reply


def test_the_whole_address_as_user_name_points_to_the_password(domain):
    reply, _ = respond(domain, "jmeno tam mam cely i se zavinacem")
    assert reply.startswith(shown(domain, "utter_username_ok")) and "Změna hesla" in reply


def test_an_adjacent_matter_the_model_takes_for_a_person_request_is_adjacent(domain, handoff_db):
    reply, _ = respond(
        domain, "potrebuju obnovit zalohu webu, nekdo mi smazal stranky", "request_human"
    )
    assert reply.startswith(shown(domain, "utter_adjacent").split("\n")[0][:40])


def test_setting_up_an_auto_reply_is_adjacent_not_a_question_about_the_bot(domain):
    reply, _ = respond(domain, "jak nastavim automatickou odpoved kdyz jsem na dovolene")
    assert "virtuální asistent" not in reply and "Manager" in reply


def test_english_confirmations_move_the_walkthrough_on(domain):
    _, slots = respond(
        domain, "done, what next?", "other_language", walkthrough_active=True, walkthrough_step=1.0
    )
    assert slots.get("walkthrough_step") == 2.0


def test_a_contact_given_with_the_request_for_a_person_is_kept_at_once(domain, handoff_db):
    reply, slots = respond(domain, "chci mluvit s technikem, zavolejte mi na 602 333 444")
    assert "602 333 444" in reply.split("\n")[-1]
    assert slots.get("pending_question") is None


def test_short_questions_about_the_setup_itself(domain):
    reply, _ = respond(domain, "potrebuju pri nastavovani internet? staci wifi?")
    assert reply.startswith("Ano") and "Wi-Fi" in reply
    reply, _ = respond(domain, "je ten server SSL0.OVH.NET s nulou nebo s pismenem O?")
    assert "nula" in reply and "SSL0.OVH.NET" in reply


def test_a_term_asked_again_of_another_protocol(domain):
    reply, _ = respond(domain, "a imap?", last_topic="term", protocol="pop3")
    assert "993" not in reply and "server" in reply


def test_an_english_request_to_set_up_the_lumia_starts_the_walkthrough(domain):
    reply, slots = respond(
        domain,
        "How do I set up my work email on a Nokia Lumia? The menus are in Czech.",
        "other_language",
    )
    assert "Krok 1" in reply and slots.get("walkthrough_active") is True


def test_a_port_said_right_after_its_direction_is_checked_for_that_direction(domain):
    reply, _ = respond(domain, "dal jsem u odchoziho SSL/TLS a 465, a ten IMAP prefix?")
    assert "465" in reply and "nesedí" not in reply


def test_an_english_follow_up_continues_both_topics_for_the_new_direction(domain):
    _, slots = respond(
        domain, "Hi, what's the incoming server and which port for IMAP over SSL?", "other_language"
    )
    assert slots["last_topics"] == ["server", "port"]
    reply, _ = respond(
        domain,
        "and outgoing?",
        "inform",
        last_topic=slots["last_topic"],
        last_topics=slots["last_topics"],
        protocol="imap",
        security="ssl",
    )
    assert "SSL0.OVH.NET" in reply and 465 in ports_in(reply)


def test_an_english_customer_in_the_walkthrough_gets_the_labels_in_english(domain):
    reply, slots = respond(
        domain, "done, what next?", "other_language", walkthrough_active=True, walkthrough_step=2.0
    )
    assert slots.get("walkthrough_step") == 3.0
    assert "„přidat účet“" in reply and "add an account" in reply


def test_a_notice_described_in_english_is_that_step(domain):
    reply, _ = respond(
        domain,
        "The phone says it couldn't find the settings for my account. What now?",
        "other_language",
    )
    assert "další volby" in reply and "more options" in reply


def test_two_ports_after_two_protocols_are_each_checked_for_its_own(domain):
    reply, _ = respond(domain, "Mám IMAP a SMTP a porty 993 a 465, je to dobře?")
    assert "nesedí" not in reply


def test_setup_words_after_an_adjacent_answer_start_the_setup(domain):
    reply, _ = respond(
        domain,
        "A můžete mi pomoct nastavit poštu v telefonu?",
        "start_walkthrough",
        last_topic="adjacent",
    )
    assert "Na jakém zařízení" in reply  # the device first: its steps


def test_a_report_of_filled_fields_gets_the_button_not_their_values(domain):
    # the fields named in a report are no questions; the answer is the step's button
    reply, slots = respond(
        domain,
        "formular mam cely vyplneny, jmeno, server i heslo a ty dve kolonky dole, co zmacknout?",
    )
    assert "přihlásit se" in reply and "SSL0.OVH.NET" not in reply
    assert slots.get("walkthrough_step") == 7.0
    # a question about a field's value beside the report is that question
    reply, _ = respond(domain, "mam to skoro vyplnene, jen nevim co napsat jako server")
    assert "SSL0.OVH.NET" in reply
    # a fault reported about a field is no report of it filled
    reply, _ = respond(domain, "na formulari neni zaskrtnute ze odchozi server vyzaduje overeni")
    assert "autentizaci" in reply


def test_a_notice_told_by_the_phone_is_that_steps_notice_even_with_the_settings_named(domain):
    reply, slots = respond(domain, "lumia mi ukazala ze pro tuhle adresu nenasla nastaveni")
    assert "další volby" in reply and "Krok 1" not in reply
    assert slots.get("walkthrough_step") == 5.0


def test_a_buttons_own_verb_in_the_past_is_that_step_done(domain):
    walking = {"walkthrough_active": True, "walkthrough_step": 7.0}
    reply, slots = respond(domain, "uz jsem se prihlasila, co dal", **walking)
    assert slots.get("walkthrough_step") == 8.0
    reply, _ = respond(domain, "prihlasil jsem se do manageru a nevim kde je heslo")
    assert "Změna hesla" in reply and "Krok" not in reply


def test_a_setup_story_that_describes_the_screen_seen_enters_there(domain):
    reply, slots = respond(
        domain, "davam si postu do lumie a ted koukam jen na seznam hotovych uctu, google atd"
    )
    assert "jiný účet" in reply and slots.get("walkthrough_step") == 4.0


def test_ports_asked_with_an_ssl_choice_and_no_protocol_are_each_protocols(domain):
    reply, _ = respond(domain, "jake porty se pouzivaji bez sifrovani?", "ask_port")
    assert ports_in(reply) == {143, 110, 587}
    # after "co je POP3?" its port is POP3's
    reply, _ = respond(domain, "a ten port?", "ask_port", protocol="pop3", last_topic="term")
    assert ports_in(reply) == {995, 110}


def test_a_term_explained_names_the_protocol_for_what_follows(domain):
    _, slots = respond(domain, "co znamena smtp?", "ask_pop_vs_imap")
    assert slots.get("protocol") == "smtp"


def test_an_english_customer_asking_to_be_guided_gets_the_steps_with_the_labels(domain):
    reply, slots = respond(domain, "could you guide me through getting my email onto my Lumia?")
    assert "Krok 1" in reply and "means" in reply and slots.get("walkthrough_active") is True
    # a short "ok" after English is still English: the next step's labels explained
    events = [user_event("could you guide me through it step by step?", "other_language")]
    replies, events = run_action(
        ActionRespond(),
        make_tracker(
            "ok",
            "affirm",
            slots={"walkthrough_active": True, "walkthrough_step": 1.0},
            events=events + [user_event("ok", "affirm")],
        ),
        domain,
    )
    assert any("„e-mail + účty“ means" in r for r in replies)


def test_a_pasted_server_reply_in_english_leaves_a_czech_message_czech(domain):
    reply, _ = respond(
        domain, "pri odesilani mi to pise 554 5.7.1 Relay access denied for this sender"
    )
    assert "autentizaci" in reply and "Please note" not in reply


def test_thanks_in_english_are_thanks_in_english(domain):
    reply, _ = respond(domain, "that did it, many thanks!", "thanks")
    assert reply.startswith(shown(domain, "utter_en_thanks").split("\n")[0])


def test_a_success_thanked_for_in_english_is_no_question(domain):
    # (naming sending and receiving tells what works, it asks no ports)
    reply, _ = respond(domain, "Works now, both sending and receiving. Thanks!", "thanks")
    assert reply.startswith(shown(domain, "utter_en_glad_it_works").split("\n")[0])
    assert "465" not in reply


def test_the_forms_own_fields_get_their_meaning_not_the_user_name(domain):
    reply, slots = respond(domain, "co se pise do kolonky nazev uctu a co do vase jmeno?")
    assert "pojmenování účtu" in reply and "příjemci" in reply
    assert "celá e-mailová adresa" not in reply  # „Vaše jméno“ is no user name
    assert slots.get("walkthrough_step") == 7.0  # the form is where these fields are
    reply, _ = respond(domain, "jake je jmeno uzivatele a k cemu je nazev uctu?")
    assert "celá e-mailová adresa" in reply and "pojmenování účtu" in reply


def test_receiving_said_to_work_makes_a_failure_a_sending_one(domain):
    for text in (
        "stahovani jde normalne, ale poslat nejde nic",
        "muzu prijimat a ne posilat, proc?",
    ):
        reply, _ = respond(domain, text)
        assert "autentizac" in reply and "ani příjem" not in reply, text


def test_one_protocol_asked_with_and_without_ssl_gets_both_ports(domain):
    reply, _ = respond(domain, "pop3 port se sifrovanim a jaky bez?", "ask_port")
    assert ports_in(reply) == {995, 110}
    reply, _ = respond(domain, "which ports for POP3 and SMTP when I don't use SSL?", "ask_port")
    assert ports_in(reply) == {110, 587}


def test_a_request_for_a_person_in_other_words(domain, handoff_db):
    for text in ("can somebody from support call me back?", "mate u vas nejakeho technika?"):
        reply, _ = respond(domain, text)
        # (the English request is answered in English)
        assert "předal" in reply or "kolegové" in reply.lower() or "passed" in reply, text


def test_one_protocols_settings_in_english_are_that_protocols(domain):
    reply, _ = respond(domain, "could you send me the POP3 settings, server and ports?")
    assert ports_in(reply) == {995, 110, 465, 587} and "SSL0.OVH.NET" in reply
    reply, _ = respond(domain, "potrebuju pop3 hodnoty, vsechno")
    assert {995, 465} <= ports_in(reply) and 993 not in ports_in(reply)


def test_ports_of_both_directions_with_one_protocol_named_are_each_their_own(domain):
    reply, _ = respond(
        domain, "prepsal jsem to na 993 a 465. musim u odchoziho jeste neco zaskrtnout?"
    )
    assert "nesedí" not in reply and reply.count("to je správně") == 2
    reply, _ = respond(domain, "mam nastavene SMTP. port 993. sedi to?")
    assert "tu nesedí" in reply  # one number, the protocol said: still checked against it


def test_one_number_written_twice_is_checked_once(domain):
    reply, _ = respond(domain, "995 tam mam a pro imap tam teda nechat tech 995?")
    assert reply.count("tu nesedí") == 1 and {993, 143} <= ports_in(reply)


def test_the_protocol_switched_to_is_the_one_after_na(domain):
    reply, slots = respond(domain, "co je imap? a kdyz prehodim pop3 na imap, zmeni se server?")
    assert {993, 143} <= ports_in(reply) and 995 not in ports_in(reply)
    assert slots["protocol"] == "imap"


def test_an_account_cannot_change_its_type_and_is_added_again(domain):
    reply, slots = respond(
        domain, "staci to prepnout ve stavajicim uctu, nebo ho musim odebrat a pridat znovu?"
    )
    assert "přidejte účet v telefonu nebo programu znovu" in reply
    assert slots["pending_question"] == "walkthrough_offer"
    reply, slots = respond(domain, "jak ten ucet predelam na imap?")
    assert (
        "přidejte účet v telefonu nebo programu znovu" in reply and slots["form_protocol"] == "imap"
    )


def test_a_filled_form_with_its_values_gets_them_checked_and_the_button(domain):
    walking = {"walkthrough_active": True, "walkthrough_step": 4.0}
    reply, slots = respond(
        domain, "formular mam vyplneny, imap 993 a smtp 465, co ted zmacknout?", **walking
    )
    assert "nesedí" not in reply and "„přihlásit se“" in reply
    assert slots["walkthrough_step"] == 7.0
    reply, _ = respond(domain, "jake tlacitko je na konci formulare?", **walking)
    assert "„přihlásit se“" in reply


def test_several_steps_said_done_put_the_customer_past_the_furthest(domain):
    walking = {"walkthrough_active": True, "walkthrough_step": 1.0}
    reply, slots = respond(
        domain, "nastaveni i pridat ucet mam za sebou, zvolila jsem jiny ucet", **walking
    )
    assert slots["walkthrough_step"] == 5.0 and "Adresa a heslo" in reply


def test_no_password_warning_without_a_password(domain):
    for text in ("heslo jsem vam nikde nepsal", "mam si teda zmenit heslo?"):
        reply, _ = respond(domain, text, "share_password")
        assert "nikomu nepište" not in reply, text


def test_spam_or_misuse_is_never_a_yes_to_did_it_help(domain):
    reply, _ = respond(
        domain,
        "jeste jste neodpovedel jestli me nekdo nehacknul, znamym ode me chodi divne maily",
        "affirm",
        pending_question="smtp_fix",
    )
    assert "Výborně" not in reply and "Změna hesla" in reply
    reply, _ = respond(domain, "prisel mi ticket open smtp, neni to tim, ze me nekdo hacknul?")
    assert "Změna hesla" in reply


def test_the_same_error_again_is_a_no_to_did_it_help(domain):
    reply, slots = respond(
        domain,
        "zaskrtnute to mam, smtp 465 se ssl a porad stejna chyba",
        pending_question="smtp_fix",
    )
    assert "Výborně" not in reply and slots["pending_question"] == "smtp_checks"


def test_a_sync_error_is_a_problem_with_its_checks(domain):
    reply, slots = respond(
        domain, "vyplnila jsem vsechno a ted to hlasi chybu synchronizace 0x80004005"
    )
    assert "Chyba synchronizace" in reply and "celá e-mailová adresa" in reply
    assert {993, 995, 465} <= ports_in(reply) and "Účet je nastavený" not in reply
    assert slots["pending_question"] == "symptom_fix" and "phone_number" not in slots


def test_a_short_user_name_beside_a_refused_send_is_answered_first(domain):
    reply, _ = respond(
        domain,
        "odeslani hazi 5.7.1, v uzivateli u odchoziho mam jenom jmeno bez zavinace, vadi to?",
    )
    # ("vadí to?" asks whether it harms: yes, it does)
    assert reply.startswith("Ano, takhle to nestačí") and "5.7.1" in reply


def test_a_question_where_something_is_does_not_confirm_the_step(domain):
    walking = {"walkthrough_active": True, "walkthrough_step": 1.0}
    reply, slots = respond(domain, "kde je ta ikona? vidim tam plno ctverecku", **walking)
    assert slots.get("walkthrough_step", 1.0) == 1.0 and "Krok 2" not in reply


def test_the_notice_described_after_the_steps_done_is_its_help(domain):
    walking = {"walkthrough_active": True, "walkthrough_step": 4.0}
    reply, slots = respond(
        domain,
        "zvolil jsem jiny ucet, vyplnil adresu a heslo, dal pripojit a vyskocilo, ze telefon nastaveni nenasel",
        **walking,
    )
    assert "„další volby“" in reply and slots["walkthrough_step"] == 5.0


def test_what_happens_without_the_change_is_answered(domain):
    reply, _ = respond(
        domain,
        "prisel ticket open smtp, posila nam pres schranku i skener. kdyz to na nem nezmenim, prestane to posilat?",
    )
    assert "neodešle" in reply and "POP before SMTP" in reply and "465" in reply
    reply, slots = respond(
        domain,
        "jeste jsem nic nezkousela. co se stane, kdyz to na tiskarne nenastavim?",
        pending_question="smtp_fix",
    )
    assert "neodešle" in reply and "tiskárně" in reply and "Výborně" not in reply
    assert "pending_question" not in slots or slots["pending_question"] == "smtp_fix"


def test_ssl_or_not_is_advice_for_ssl_never_a_choice_of_without(domain):
    for text in ("tak mam dat ssl nebo ne?", "ssl nezaskrtavat? co byste doporucili?"):
        reply, slots = respond(domain, text)
        assert reply.startswith("Doporučujeme SSL") and {993, 995, 465} <= ports_in(reply), text
        assert slots["security"] == "ssl"
    reply, _ = respond(domain, "dat tam ssl nebo zadne? a prihlaseni u odchoziho zapnout?")
    assert "Doporučujeme SSL" in reply and "autentizaci" in reply


def test_yes_or_no_follows_the_questions_polarity(domain):
    reply, _ = respond(domain, "prehodim pop3 na imap, zustane mi server?")
    assert reply.startswith("Ano, server zůstává")
    reply, _ = respond(domain, "kdyz prejdu na imap, zmeni se prihlasovaci jmeno?")
    assert reply.startswith("Ne, server zůstává") and "uživatelské jméno i heslo zůstávají" in reply
    reply, _ = respond(domain, "pujde to i bez sifrovani?")
    assert reply.startswith("Ano – pošta funguje")
    reply, _ = respond(domain, "staci zaskrtnout jen jedno z tech policek u odchozi?")
    assert reply.startswith("Ne, jedno nestačí")


def test_hosting_matters_beside_the_webmail_get_their_places(domain):
    # three matters in one message: the webmail's address, the full mailbox, the invoices' place
    reply, _ = respond(
        domain, "schranka hlasi ze je plna. jak se dostanu do webmailu? a kde stahnu fakturu?"
    )
    url = knowledge.load()["webmail"]["url"]
    answers = knowledge.adjacent_answers()
    assert url in reply and answers["mailbox_full"] in reply and answers["invoice"] in reply
    assert not ports_in(reply)
    # mail that carries an invoice is no invoice asked for
    reply, _ = respond(domain, "mail s fakturou zakaznikovi mi nejde odeslat")
    assert answers["invoice"] not in reply
    # in English, the places in English
    reply, _ = respond(domain, "where can I download my invoice?")
    assert knowledge.load()["english"]["invoice"] in reply and url in reply
    assert "Tohle" not in reply


def test_more_kinds_said_in_other_words(domain, handoff_db):
    reply, _ = respond(domain, "kde najdu adresu webmailu?")  # the provider's address and log-in
    assert "webmail" in reply and "celou e-mailovou adresu" in reply and not ports_in(reply)
    assert knowledge.load()["webmail"]["url"] in reply and "kolegové" not in reply
    reply, _ = respond(domain, "zavolate mi prosim?")
    assert "předal" in reply or "ozvou" in reply
    reply, _ = respond(domain, "telefon hlasi problem se synchronizaci, kod 85010014")
    assert "Chyba synchronizace" in reply
    reply, _ = respond(
        domain,
        "prisel ticket open smtp a v odeslanych mam maily co jsem nepsal",
        "open_smtp_ticket",
    )
    assert "Změna hesla" in reply


def test_a_tap_question_gets_its_yes_only_when_the_next_instruction_is_that_tap(domain):
    at_add_account = dict(device="samsung_email", walkthrough_active=True, walkthrough_step=3.0)
    reply, _ = respond(
        domain, "je tam gmail, outlook, yahoo a dole jiné, mám dát jiné?", **at_add_account
    )
    assert reply.startswith(shown(domain, "utter_yes_tap")) and "jiný" in reply
    at_type = dict(device="samsung_email", walkthrough_active=True, walkthrough_step=5.0)
    reply, _ = respond(domain, "mám dát exchange?", **at_type)
    assert not reply.startswith(shown(domain, "utter_yes_tap"))


def test_a_tap_question_naming_no_screen_enters_at_the_step_of_that_tap(domain):
    reply, slots = respond(
        domain,
        "v thunderbirdu mam vsechno vyplnene, test probehl, mam kliknout na hotovo?",
        device="thunderbird",
    )
    steps = len(knowledge.steps("thunderbird"))
    assert reply.startswith(shown(domain, "utter_yes_tap")) and slots["walkthrough_step"] == steps


def test_after_the_autoconfig_file_which_programs_read_it_and_how_it_is_hosted(domain):
    reply, _ = respond(domain, "přečte to i outlook?", last_topic="autoconfig")
    assert "nečte" in reply and "Outlook" in reply
    reply, _ = respond(domain, "a thunderbird to načte?", last_topic="autoconfig")
    assert reply.startswith("Ano") and "Thunderbird" in reply
    reply, _ = respond(
        domain, "stačí to nahrát přes ftp? musí to být https?", last_topic="autoconfig"
    )
    assert "FTP" in reply and "HTTPS" in reply and "/.well-known/autoconfig/mail/" in reply


def test_our_mail_server_is_never_taken_for_the_customers_domain(domain):
    server = knowledge.server("incoming").lower()
    reply, _ = respond(domain, f"udělejte mi autoconfig pro {server}")
    assert f"https://{server}" not in reply.lower() and "/mailconfig/" not in reply


def test_a_success_report_naming_the_old_symptom_is_a_success(domain):
    reply, _ = respond(
        domain,
        "zprávy co visely v K odeslání už odešly",
        pending_question="symptom_fix",
        device="android_gmail",
    )
    assert "funguje" in reply.split("\n")[0] and "ověřování" not in reply


def test_the_notice_a_mac_shows_before_the_server_fields_is_that_step_not_a_failure(domain):
    reply, slots = respond(
        domain,
        "dal jsem přihlásit se a píše to nelze ověřit název účtu nebo heslo, pod tím jsou políčka",
        device="mac_mail",
        walkthrough_active=True,
        walkthrough_step=3.0,
    )
    assert knowledge.server("incoming") in reply and "zákaznickém prostoru" not in reply
    assert slots["walkthrough_step"] == knowledge.guide("mac_mail").step_number("account_form")


def test_a_failed_log_in_with_the_customer_area_password_names_that_mistake(domain):
    reply, slots = respond(
        domain,
        "na samsungu mi nejde prihlasit, heslo mam stejne jako do zakaznickeho uctu",
        device="samsung_email",
    )
    first = reply.split("\n")[0]
    assert "ne heslo k zákaznickému účtu" in first and slots["pending_question"] == "symptom_fix"


def test_tapping_the_profile_link_is_answered_yes_with_what_ios_shows(domain):
    reply, _ = respond(
        domain, "mám na iPadu klepnout na odkaz?", device="iphone_mail", last_topic="profile"
    )
    assert reply.startswith(shown(domain, "utter_yes_tap")) and "Profil stažen" in reply
    assert "Krok 1" not in reply


def test_another_mailbox_or_device_is_set_up_the_same_way(domain):
    reply, _ = respond(domain, "mam v outlooku druhou schranku, ta se nastavuje stejne?")
    assert reply.startswith("Ano") and knowledge.server("incoming") in reply
    assert "Krok 1" not in reply


def test_a_mailbox_matter_beside_a_device_is_said_plainly_not_a_walkthrough(domain):
    for text in (
        "na iphonu mi schranka hlasi ze je plna, muzete mi zvetsit misto?",
        "v outlooku jsem omylem smazal celou slozku s maily, da se to vratit?",
        "V Thunderbirdu bych chtěl šifrovat e-maily přes PGP, pomůžete mi s tím?",
    ):
        reply, _ = respond(domain, text, "other_device")
        assert "Krok 1" not in reply and "Manager" in reply, text


def test_the_macs_automatic_connection_settings_box_is_answered(domain):
    reply, _ = respond(
        domain,
        "na macu je zaskrtnute automaticky spravovat nastaveni pripojeni, mam to vypnout?",
        device="mac_mail",
    )
    assert ports_in(reply) == {knowledge.port("imap", "ssl"), knowledge.port("smtp", "ssl")}
    assert "Krok" not in reply


def test_the_protocol_used_before_is_not_the_one_asked_about(domain):
    reply, _ = respond(
        domain,
        "Na starém telefonu jsem měl POP, teď bych chtěl IMAP. Který port u příchozí pošty se "
        "šifrováním?",
    )
    assert ports_in(reply) == {knowledge.port("imap", "ssl")}


def test_short_follow_ups_and_yes_no_questions_get_their_answer(domain):
    reply, _ = respond(domain, "a u odchoziho serveru taky?", last_topic="server")
    assert knowledge.server("outgoing") in reply
    reply, _ = respond(domain, "a ssl zapnout?", last_topic="settings")
    assert reply.startswith("Nemusíte") and "doporuč" in reply.lower()
    reply, _ = respond(domain, "bude v tom souboru i heslo?", last_topic="autoconfig")
    assert reply.startswith("Ne, heslo v souboru není")


def test_a_domain_admin_asking_for_self_configuring_mail_gets_autoconfig(domain):
    reply, _ = respond(
        domain,
        "Spravuji doménu firmy, všichni mají Thunderbird. Jde zařídit, aby se jim pošta "
        "nastavila sama jen po zadání adresy?",
        device="thunderbird",
    )
    assert "autoconfig" in reply.lower() or "config-v1.1.xml" in reply


def test_a_printer_that_emails_gets_the_outgoing_settings_not_the_phones_walkthrough(domain):
    reply, slots = respond(
        domain,
        "iphone mam hotovy. ted ta tiskarna, posila skeny mailem. co tam mam nastavit?",
        device="iphone_mail",
    )
    assert knowledge.server("outgoing") in reply and "ověřování" in reply
    assert ports_in(reply) == {knowledge.port("smtp", "ssl"), knowledge.port("smtp", "plain")}
    assert "Krok" not in reply and slots["protocol"] == "smtp"


def test_a_port_after_the_outgoing_server_question_is_the_outgoing_port(domain):
    _, slots = respond(domain, "je odchozi server stejny?")
    assert slots["protocol"] == "smtp"
    reply, _ = respond(domain, "a port?", last_topic="server", protocol="smtp")
    assert ports_in(reply) == {knowledge.port("smtp", "ssl"), knowledge.port("smtp", "plain")}


def test_a_mac_gets_the_macs_way_of_installing_the_profile(domain):
    reply, _ = respond(domain, "pošlete mi profil pro jana@firma.cz", device="mac_mail")
    assert "Nastavení systému" in reply and "Správa zařízení" in reply
    assert "Profil stažen" not in reply and "iPhonu" not in reply
    reply, _ = respond(domain, "pošlete mi profil pro jana@firma.cz", device="iphone_mail")
    assert "Profil stažen" in reply and "Nastavení systému" not in reply


def test_authentication_asked_before_the_account_exists_is_on_the_form(domain):
    """Mid-walkthrough there is no added account to open: the switch is on the form."""
    for device in knowledge.guides():
        guide = knowledge.guide(device)
        before_form = dict(device=device, walkthrough_active=True, walkthrough_step=2.0)
        reply, _ = respond(domain, "a kde se zapíná ověřování odchozího serveru?", **before_form)
        if guide.auth_after_adding:  # (classic Outlook: not on its form, on the added account)
            assert "není" in reply and guide.open_account in reply, device
            assert guide.smtp_auth in reply, device
        else:
            assert guide.auth_switch in reply and guide.open_account not in reply, device
    reply, _ = respond(domain, "a kde se zapíná ověřování odchozího serveru?", device="thunderbird")
    assert knowledge.guide("thunderbird").open_account in reply


def test_the_new_outlook_gets_its_own_places(domain):
    reply, _ = respond(domain, "v novém outlooku mi nejde odesílat, příjem funguje")
    assert knowledge.guide("outlook_new").smtp_auth in reply and "Soubor" not in reply


def test_a_website_certificate_is_no_mail_warning_whatever_the_device(domain):
    reply, _ = respond(domain, "mám iPhone a na našem webu mi Safari hlásí neplatný certifikát")
    assert "Manager" in reply and knowledge.server("incoming") not in reply


def test_yes_no_about_the_login_and_the_server_gets_its_answer_first(domain):
    reply, _ = respond(domain, "používal jsem POP3, teď dám IMAP. Mění se i server?")
    assert reply.startswith("Ne") and knowledge.server("incoming") in reply
    reply, _ = respond(domain, "a pro odchozí to samé?", last_topics=["server", "username"])
    assert reply.startswith("Ano") and "celá e-mailová adresa" in reply
    # "vadí to?" is answered with its own yes: it matters
    reply, _ = respond(domain, "přihlášení u odchozího mám vypnuté, vadí to?")
    assert reply.startswith("Ano, vadí") and "zapnut" in reply
    reply, _ = respond(domain, "přihlášení u odchozího mám vypnuté, je to tak dobře?")
    assert reply.startswith("Ne") and "zapnut" in reply
    reply, _ = respond(domain, "a nové heslo pak musím zadat i v telefonu?", device="samsung_email")
    assert reply.startswith("Ano") and knowledge.guide("samsung_email").open_account in reply


def test_a_second_fault_on_the_way_of_the_fix_is_answered(domain):
    on_the_fix = {"pending_question": "smtp_fix", "last_topic": "smtp_auth"}
    text = "ověřování jsem zapnul, ale uživatel je jen jméno bez zavináče"
    assert "celá e-mailová adresa" in respond(domain, text, **on_the_fix)[0]


def test_where_to_change_the_password_after_the_fix_is_the_password(domain):
    reply, _ = respond(domain, "kde to heslo změním?", pending_question="smtp_fix")
    assert "Manager" in reply and "Jak zapnout ověřování" not in reply


def test_what_the_profile_and_the_autoconfig_file_hold_is_answered(domain):
    reply, _ = respond(domain, "je v tom vašem profilu uložené i moje heslo?", device="iphone_mail")
    assert reply.startswith("Ne, heslo v profilu není")
    reply, _ = respond(domain, "jde ten profil použít na iPadu i na Macu?", device="iphone_mail")
    assert reply.startswith("Ano – konfigurační profil umí iPhone, iPad i Mac")
    asked_domain = {"pending_question": "autoconfig_domain", "device": "thunderbird"}
    reply, _ = respond(domain, "a kam na webu ten soubor nahraju?", **asked_domain)
    assert "/.well-known/autoconfig/mail/config-v1.1.xml" in reply
    reply, _ = respond(domain, "bude v něm i heslo?", **asked_domain)
    assert reply.startswith("Ne, heslo v souboru není")


def test_a_direction_asked_at_the_form_gets_its_server_and_port(domain):
    at_form = {"device": "samsung_email", "walkthrough_active": True, "walkthrough_step": 6.0}
    reply, _ = respond(
        domain, "a odchozí?", "inform", last_topic="port", protocol="imap", **at_form
    )
    assert knowledge.server("outgoing") in reply and ports_in(reply) == {465, 587}


def test_a_kind_of_device_to_the_device_question_gets_the_question_with_its_buttons(domain):
    reply, slots = respond(domain, "na telefonu", pending_question="device")
    assert "Krok 1" not in reply and "iPhone / iPad" in reply
    assert slots["pending_question"] == "device"


def test_follow_ups_keep_what_was_asked(domain):
    reply, _ = respond(domain, "je tam zaškrtávátko použít TLS/SSL, mám ho mít?", device="mac_mail")
    assert reply.startswith("Doporučujeme SSL")
    reply, _ = respond(domain, "a porty pak jaké?", last_topic="ssl_advice", security="ssl")
    assert ports_in(reply) == {993, 995, 465}
    after = {"last_topic": "username", "last_topics": ["settings", "username"], "protocol": "pop3"}
    reply, _ = respond(domain, "a když chci bez SSL?", "inform", **after)
    assert ports_in(reply) == {110, 587}
    reply, _ = respond(domain, "jaký server, uživatel a port pro POP3 bez SSL?")
    assert "celá e-mailová adresa" in reply and ports_in(reply) == {110}


def test_where_between_incoming_and_outgoing_after_the_fix_is_the_outgoing(domain):
    reply, _ = respond(
        domain, "a to se nastavuje kde, u příchozího nebo odchozího?", pending_question="smtp_fix"
    )
    assert reply.startswith("Jak zapnout ověřování odchozího serveru")


def test_thousands_of_messages_sent_with_the_ticket_is_a_reason_to_change_the_password(domain):
    reply, _ = respond(domain, "přišel ticket Open SMTP a z naší schránky odešly tisíce zpráv")
    assert "heslo ke schránce" in reply


def test_what_sim8_customers_stumbled_on_is_answered_by_kind(domain):
    # the Outlook app named on an Android phone is that app, not Gmail
    reply, slots = respond(
        domain, "ale já nemám Gmail, mám aplikaci Outlook od Microsoftu", device="android_gmail"
    )
    assert slots["device"] == "outlook_mobile" and "Gmail" not in reply
    # the profile declined: the steps by hand
    reply, _ = respond(domain, "ne, profil nechci, chci to vyplnit ručně", device="iphone_mail")
    assert "Celý postup" in reply and "napište svou e-mailovou adresu" not in reply
    # the outgoing server's log-in switch described is no Open SMTP ticket
    at_form = {"device": "android_gmail", "walkthrough_active": True, "walkthrough_step": 6.0}
    text = "teď je obrazovka odchozí server: přepínač vyžadovat přihlášení, jméno a heslo, co tam?"
    assert "nezabezpečené odesílání" not in respond(domain, text, **at_form)[0]
    # a report of the program's message after typing the password is no typed password
    text = "zadala jsem heslo a Outlook hlásí „Účet byl úspěšně přidán“"
    assert "Heslo prosím nikomu nepište" not in respond(domain, text, device="outlook_windows")[0]


def test_every_setting_checked_in_one_message_gets_its_answer(domain):
    text = "ověření zapnuté už bylo, server je ssl0.ovh.net, ale port mám 25. je to špatně?"
    reply, _ = respond(domain, text, device="samsung_email")
    assert "Port **25**" in reply and "ověřování je v pořádku" in reply
    text = "v uživatelském jménu je jen jidelna a server je mail.zs-lesni.cz, je to dobře?"
    reply, _ = respond(domain, text, device="android_gmail")
    assert "mail.zs-lesni.cz" in reply and reply.count("celá e-mailová adresa") == 1


def test_an_address_to_add_with_a_failed_search_starts_the_devices_steps(domain):
    text = "potřebuju do nového Outlooku přidat info@firma.cz, zkoušel jsem to a nenašlo to server"
    reply, _ = respond(domain, text)
    assert "Celý postup" in reply and knowledge.guide("outlook_new").steps[0].text in reply


def test_a_person_wanted_with_a_phone_number_is_not_asked_for_a_contact(domain, handoff_db):
    text = "s automatem psat nechci, at mi nekdo zavola, v outlooku nejde prijem. tel 777 888 999"
    reply, slots = respond(domain, text)
    assert "777 888 999" in reply and "Můžete mi nechat" not in reply
    assert "profil" not in reply and slots.get("pending_question") is None


def test_a_request_for_a_person_wins_over_an_open_profile_question(domain, handoff_db):
    reply, _ = respond(
        domain, "profil ne, radsi at se mi ozve clovek", pending_question="profile_address"
    )
    assert "předal pod číslem" in reply and "e-mailovou adresu (například" not in reply


def test_a_setup_request_that_mentions_the_hosting_is_a_setup(domain):
    text = "mam u vas webhosting a potrebuju si do Outlooku na pocitaci pridat schranku obchod@"
    reply, _ = respond(domain, text)
    assert "Tohle za Vás bohužel nevyřeším" not in reply and "SSL0.OVH.NET" in reply


def test_a_bare_port_number_asked_about_is_explained(domain):
    reply, _ = respond(domain, "co znamena ta 587?")
    assert "587" in reply and "SMTP bez SSL" in reply


@pytest.mark.parametrize(
    "text, starts, present, absent",
    [
        ("lze pro odchozi postu dat port 26?", "Ne – port **26**", "465", "Ano"),
        # one port right, one not: no "Ano" for the whole
        (
            "prichozi mam pop3 995 a odchozi 25, sedi to tak?",
            "Ne – port **25**",
            "Port **995** je v pořádku",
            "Ano, to je správně",
        ),
        # the port proposed is the answer ("mám dát 587?"), the old one just corrected
        ("odchozi mam ted 2525, mam tam dat 587?", "", "Ano, to je správně: port **587**", "Ne –"),
        # "je to špatně?" asks the other way round: no "Ne"
        ("odchozi server mam s portem 26, je to spatne?", "Port **26**", "465", "Ne –"),
    ],
)
def test_yes_or_no_asked_about_ports_answers_the_question_asked(
    domain, text, starts, present, absent
):
    reply, _ = respond(domain, text)
    assert reply.startswith(starts) and present in reply and absent not in reply


def test_keeping_pop_before_smtp_asked_gets_no_first_and_the_option_seen_is_answered(domain):
    reply, _ = respond(domain, "ve skeneru je volba POP pred odeslanim, muzu ji nechat zapnutou?")
    assert reply.startswith("Ne – volbu „POP before SMTP“")
    reply, _ = respond(domain, "na tiskarne mam zaskrtnuty smtp po pop3")
    assert reply.startswith("Volbu „POP before SMTP“") and "SMTP AUTH" in reply


def test_the_account_type_picked_from_a_listed_choice_is_the_one_picked(domain):
    at_type = {
        "device": "outlook_windows",
        "walkthrough_active": True,
        "walkthrough_step": 4.0,
        "pending_question": "walkthrough_protocol",
    }
    reply, slots = respond(
        domain, "vidim tam POP, IMAP a Exchange, kliknul jsem na IMAP", **at_type
    )
    assert slots.get("form_protocol") == "imap" and "993" in reply and "995" not in reply


def test_where_the_customer_is_described_by_a_field_is_no_question_where_it_is(domain):
    reply, _ = respond(
        domain, "jsem na obrazovce, kde je server odchozi posty", device="thunderbird"
    )
    assert "SSL0.OVH.NET" in reply and "Jak zapnout ověřování" not in reply


def test_the_outgoing_port_of_an_account_is_smtps_whatever_protocol_is_named(domain):
    reply, _ = respond(domain, "pop3 mam takhle: 995 a k tomu 587, je to tak?")
    assert "Port **587** tu nesedí" not in reply and "587** patří protokolu SMTP" in reply


def test_a_user_name_without_the_domain_beside_right_values_is_the_fault_said_first(domain):
    reply, _ = respond(domain, "server mam ssl0.ovh.net a uzivatelske jmeno prodejna, sedi to?")
    assert reply.startswith("Ne, to nestačí") and "Server **SSL0.OVH.NET** je v pořádku" in reply


def test_asked_whether_to_switch_the_log_in_on_gets_yes(domain):
    text = "overeni odchozi posty je vypnute, mel bych to zapnout?"
    assert respond(domain, text)[0].startswith("Ano, zapněte ho")


def test_a_domain_verification_is_no_mail_log_in(domain):
    reply, _ = respond(domain, "kam v DNS pridam TXT zaznam kvuli overeni domeny u microsoftu?")
    assert "nevyřeším" in reply and "ověřování odchozího serveru" not in reply


def test_the_customers_plan_to_switch_to_the_log_in_gets_yes_not_no(domain):
    reply, _ = respond(
        domain, "u overeni mam vybrano POP pred SMTP, takze to prepnu na SMTP autentizaci?"
    )
    assert reply.startswith("Ano – volbu „POP before SMTP“")
    reply, _ = respond(domain, "u overeni mam vybrano POP pred SMTP, muzu to nechat?")
    assert reply.startswith("Ne – volbu „POP before SMTP“")


def test_the_new_outlook_stays_itself_when_the_customer_says_outlook(domain):
    reply, slots = respond(
        domain,
        "v outlooku uz ten ucet mam, mam ho odebrat? neprijdu o zpravy?",
        device="outlook_new",
    )
    assert "„Soubor“" not in reply and "Manage" in reply and "IMAP" in reply
    assert slots.get("device", "outlook_new") == "outlook_new"


def test_a_mailbox_the_manager_shows_blocked_is_no_locked_manager(domain):
    reply, _ = respond(domain, "v manageru je u schranky stav zablokovano, prej kvuli spamu")
    assert "antivir" in reply and "Zamčený přístup" not in reply
    reply, _ = respond(domain, "do manageru se neprihlasim, pise ze je pristup zablokovany")
    assert "Zamčený přístup" in reply
