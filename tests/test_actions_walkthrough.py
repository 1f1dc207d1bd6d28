from conftest import entity, make_tracker, run_action, shown
from rasa_sdk.events import SlotSet

from actions import knowledge
from actions.dispatcher import ActionRespond


def walk(domain, intent, text="x", entities=None, **slots):
    tracker = make_tracker(text, intent, entities, slots)
    return run_action(ActionRespond(), tracker, domain)


def slots_of(events):
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


NAV = "[Hotovo | Zpět | Zopakovat | Nevidím to | Ukončit]"
NAV_FIRST = "[Hotovo | Zpět | Zopakovat | Nevidím to | Ukončit | Celý postup najednou]"
STEPS = len(knowledge.steps())


def test_start_asks_for_the_device_once(domain):
    replies, events = walk(domain, "start_walkthrough")
    assert replies[0].startswith(shown(domain, "utter_ask_device"))
    assert all(guide.short in replies[0] for guide in knowledge.guides().values())
    assert slots_of(events) == {"pending_question": "device"}
    asked = [{"event": "bot", "text": "?", "metadata": {"utter_action": "utter_ask_device"}}]
    tracker = make_tracker("x", "start_walkthrough", events=asked)
    replies, _ = run_action(ActionRespond(), tracker, domain)  # not known after asking: the seed's
    assert replies[0] == shown(domain, "utter_walkthrough_intro")
    assert replies[1].startswith(f"**Krok 1 z {STEPS}")


def test_start_shows_step_one_with_navigation(domain):
    replies, events = walk(domain, "start_walkthrough", text="na lumii")
    intro, step = replies
    assert "ve Windows Phone" in intro  # the device's steps
    # Step 1 with what the phone's screen says there ("Nastavení", "Parametry").
    assert step.startswith(f"**Krok 1 z {STEPS}") and step.endswith(NAV_FIRST)
    assert all(f"„{label}“" in step for label in knowledge.steps()[0].labels)
    # Said once: starting again later goes straight to step 1.
    again, _ = walk(domain, "start_walkthrough", walkthrough_step=4.0, device="windows_phone_8")
    assert again[0].startswith("**Krok 1 z 8")
    assert slots_of(events) == {
        "walkthrough_step": 1.0,
        "walkthrough_active": True,
        "pending_question": None,
        "device": "windows_phone_8",  # named: kept for the conversation
    }


def test_done_back_repeat_goto(domain):
    active = {"walkthrough_active": True}
    replies, events = walk(domain, "step_done", walkthrough_step=1.0, **active)
    assert replies[0].startswith("**Krok 2 z 8") and "„e-mail + účty“" in replies[0]
    replies, events = walk(domain, "step_back", walkthrough_step=3.0, **active)
    assert replies[0].startswith("**Krok 2 z 8") and slots_of(events)["walkthrough_step"] == 2.0
    replies, _ = walk(domain, "step_repeat", walkthrough_step=4.0, **active)
    assert replies[0].startswith("**Krok 4 z 8") and "„jiný účet“" in replies[0]
    replies, _ = walk(
        domain, "step_goto", "krok 5", [entity("step", "5")], walkthrough_step=2.0, **active
    )
    assert replies[0].startswith("**Krok 5 z 8") and "„další volby“" in replies[0]
    replies, _ = walk(domain, "step_back", walkthrough_step=1.0, **active)
    assert replies[0].startswith("**Krok 1 z 8")  # no step 0


def test_help_for_the_current_step(domain):
    replies, events = walk(domain, "step_help", walkthrough_step=1.0, walkthrough_active=True)
    assert "„Parametry“" in replies[0] and replies[0].endswith(NAV)
    assert len(replies) == 1  # the help carries the navigation: no extra offer to resume
    assert slots_of(events) == {"walkthrough_step": 1.0}


def test_form_step_shows_the_recommended_values_at_once_and_switches_on_a_tap(domain):
    replies, events = walk(domain, "step_done", walkthrough_step=6.0, walkthrough_active=True)
    assert replies[0].startswith("**Krok 7 z 8") and not replies[0].endswith("]")
    values = replies[1]
    assert values.startswith("Hodnoty pro IMAP se SSL:")
    assert "**SSL0.OVH.NET** (port **993**)" in values and "(port **465**)" in values
    assert "Typ účtu: **IMAP**" in values and "celá e-mailová adresa" in values
    assert "POP3 místo IMAP" in replies[2] and "Bez SSL" in replies[2]  # one tap away
    slots = slots_of(events)
    assert (slots["form_protocol"], slots["form_security"]) == ("imap", "ssl")
    assert slots["pending_question"] == "form_values"

    at_form = {
        "walkthrough_step": 7.0,
        "walkthrough_active": True,
        "form_protocol": "imap",
        "form_security": "ssl",
        "pending_question": "form_values",
    }
    tapped = make_tracker(
        '/inform{"protocol":"pop3"}', "inform", [entity("protocol", "pop3")], at_form
    )
    replies, events = run_action(ActionRespond(), tapped, domain)
    assert replies[1].startswith("Hodnoty pro POP3 se SSL:") and "(port **995**)" in replies[1]
    assert slots_of(events)["form_protocol"] == "pop3"

    replies, _ = run_action(
        ActionRespond(), make_tracker("hotovo", "step_done", slots=at_form), domain
    )
    assert replies[0].startswith("**Krok 8 z 8")


def test_pop3_without_ssl_values(domain):
    replies, _ = walk(
        domain,
        "step_goto",
        "krok 7",
        [entity("step", "7")],
        walkthrough_step=3.0,
        walkthrough_active=True,
        form_protocol="pop3",
        form_security="plain",
    )
    assert "Hodnoty pro POP3 bez SSL" in replies[1]
    assert "(port **110**)" in replies[1] and "(port **587**)" in replies[1]


def test_last_step_summarises_and_ends(domain):
    replies, events = walk(
        domain,
        "step_done",
        walkthrough_step=7.0,
        walkthrough_active=True,
        form_protocol="imap",
        form_security="ssl",
    )
    assert replies[0].startswith("**Krok 8 z 8") and NAV not in replies[0]
    assert "port příchozí pošty **993**" in replies[1]
    assert "zkušební e-mail" in replies[2] and "Odeslání nejde" in replies[2]
    assert slots_of(events)["walkthrough_active"] is False


def test_digression_is_answered_then_resume_offered(domain):
    tracker = make_tracker(
        "porty", "ask_port_table", slots={"walkthrough_step": 4.0, "walkthrough_active": True}
    )
    replies, _ = run_action(ActionRespond(), tracker, domain)
    assert "**993**" in replies[0]
    # (step 4 is where the customer is: done with it, or shown again)
    assert replies[1] == shown(domain, "utter_offer_resume_here", step=4, steps=STEPS)
    replies, _ = walk(domain, "resume_walkthrough", walkthrough_step=4.0, walkthrough_active=True)
    assert replies[0].startswith("**Krok 4 z 8")


def test_no_resume_offer_outside_the_walkthrough(domain):
    replies, _ = run_action(ActionRespond(), make_tracker("porty", "ask_port_table"), domain)
    assert len(replies) == 1


def test_stop_then_resume_later_at_the_same_step(domain):
    replies, events = walk(
        domain, "stop_walkthrough", walkthrough_step=5.0, walkthrough_active=True
    )
    assert "pokračuj" in replies[0] and slots_of(events)["walkthrough_active"] is False
    replies, events = walk(
        domain, "resume_walkthrough", walkthrough_step=5.0, walkthrough_active=False
    )
    assert replies[0].startswith("**Krok 5 z 8") and slots_of(events)["walkthrough_active"] is True


def test_yes_and_no_mid_walkthrough(domain):
    slots = {"walkthrough_step": 2.0, "walkthrough_active": True}
    replies, _ = run_action(ActionRespond(), make_tracker("ano", "affirm", slots=slots), domain)
    assert replies[0].startswith("**Krok 3 z 8")
    replies, _ = run_action(ActionRespond(), make_tracker("ne", "deny", slots=slots), domain)
    assert "„e-mail + účty“" in replies[0] and replies[0].endswith(NAV)


def test_navigation_without_a_walkthrough_offers_one(domain):
    replies, events = walk(domain, "step_done")
    assert "postup nastavení" in replies[0]
    assert events == [SlotSet("pending_question", "walkthrough_offer")]  # a yes starts it


def test_open_smtp_mid_walkthrough_returns_after_the_fix(domain):
    slots = {"walkthrough_step": 7.0, "walkthrough_active": True, "pending_question": "smtp_fix"}
    replies, _ = run_action(ActionRespond(), make_tracker("ano", "affirm", slots=slots), domain)
    assert replies[0] == shown(domain, "utter_fix_worked")
    assert replies[-1] == shown(domain, "utter_offer_resume_here", step=7, steps=STEPS)


def test_all_steps_at_once_in_the_customers_device(domain):
    """ "Celý postup najednou": every step of that device's guide, the form with its values,
    and the walkthrough at its last step ("hotovo" is the summary)."""
    for device, guide in knowledge.guides().items():
        replies, events = walk(domain, "step_all", device=device)
        text = "\n".join(replies)
        assert all(step.title in text for step in guide.steps), device
        assert knowledge.server("incoming") in text and "**993**" in text and "**465**" in text
        assert replies[-1].endswith("[Hotovo | Odeslání nejde | Ukončit]")
        assert slots_of(events) == {
            "form_protocol": "imap",
            "form_security": "ssl",
            "walkthrough_step": float(len(guide.steps)),
            "walkthrough_active": True,
            "pending_question": None,
        }
        if device != "windows_phone_8":
            assert "Windows Phone" not in text and "e-mail + účty" not in text
    replies, _ = walk(domain, "step_all")  # no device yet: which one, first
    assert replies[0].startswith(shown(domain, "utter_ask_device"))
    done, _ = walk(
        domain,
        "step_done",
        device="iphone_mail",
        walkthrough_active=True,
        walkthrough_step=float(len(knowledge.steps("iphone_mail"))),
        form_protocol="imap",
        form_security="ssl",
    )
    assert done[0].startswith("Hotovo!")
