"""`make inbox` and `make report` on a tracker store filled with synthetic conversations."""

import json
from datetime import datetime, timezone

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from analytics import conversations, inbox, report
from scripts import inbox as inbox_cli
from scripts import report as report_cli

LEGACY_SECRET = "Tajne123x"


def at(day: int, minute: int) -> float:
    return datetime(2026, 11, day, 10, minute, tzinfo=timezone.utc).timestamp()


def user(text, intent, when, confidence=0.95, guess=None, channel="rest"):
    ranking = [{"name": intent, "confidence": confidence}]
    if guess:
        ranking.append({"name": guess, "confidence": 0.4})
    parse = {
        "text": text,
        "intent": {"name": intent, "confidence": confidence},
        "intent_ranking": ranking,
        "entities": [],
    }
    return UserUttered(text, parse["intent"], [], parse, timestamp=when, input_channel=channel)


def bot(response, when):
    return BotUttered("…", metadata={"utter_action": response}, timestamp=when)


def steps(day, start_minute, last):
    return [
        SlotSet("walkthrough_step", float(n), timestamp=at(day, start_minute + n))
        for n in range(1, last + 1)
    ]


CONVERSATIONS = {
    # walked through all eight steps
    "c1": [user("navod na nastaveni", "start_walkthrough", at(20, 0))] + steps(20, 0, 8),
    # Open SMTP, the fix worked
    "c2": [
        user("prisel mi ticket open smtp", "open_smtp_ticket", at(21, 0), channel="socketio"),
        bot("utter_smtp_fix", at(21, 1)),
        user("ano", "affirm", at(21, 2), channel="socketio"),
        bot("utter_fix_worked", at(21, 3)),
    ],
    # Open SMTP, the fix did not help: handed off
    "c3": [
        user("dostal jsem tiket open smtp", "open_smtp_ticket", at(21, 10), channel="slack"),
        user("ne", "deny", at(21, 11), channel="slack"),
        user("/deny", "deny", at(21, 12), channel="slack"),
        bot("utter_handoff_done", at(21, 13)),
    ],
    # stopped at step 3, asked about webmail three times, typed a password once (stored by an
    # old version without redaction)
    "c4": [user("chci navod", "start_walkthrough", at(22, 0))]
    + steps(22, 0, 3)
    + [
        user("jak nastavim webmail", "nlu_fallback", at(22, 10), 0.5, guess="ask_settings"),
        bot("utter_fallback", at(22, 10)),
        user("kde je webmail", "nlu_fallback", at(22, 11), 0.5, guess="ask_settings"),
        bot("utter_offer_handoff", at(22, 11)),
        user("webmail v prohlizeci", "ask_server", at(22, 12), 0.55),
        user(f"heslo je {LEGACY_SECRET}", "nlu_fallback", at(22, 13), 0.5, guess="share_password"),
        bot("utter_fallback", at(22, 13)),
        user("/ask_port_table", "ask_port_table", at(22, 14), 1.0),
    ],
    # outside the period
    "c5": [user("jaky port", "nlu_fallback", at(10, 0), 0.5, guess="ask_port")],
}


@pytest.fixture
def store_url(tmp_path):
    db = tmp_path / "tracker.db"
    store = SQLTrackerStore(dialect="sqlite", db=str(db))
    import asyncio

    for sender, events in CONVERSATIONS.items():
        tracker = DialogueStateTracker.from_events(
            sender, [ActionExecuted("action_listen")] + events
        )
        asyncio.run(store.save(tracker))
    store.engine.dispose()
    return f"sqlite:///{db}"


def endpoints_for(tmp_path, url):
    path = tmp_path / "endpoints.yml"
    db = url.split("sqlite:///", 1)[1]
    path.write_text(
        f"tracker_store:\n  type: sql\n  dialect: sqlite\n  db: {db}\n", encoding="utf-8"
    )
    return path


def load(store_url):
    return conversations.load(store_url, *conversations.period("2026-11-20", "2026-11-22"))


def test_report_figures(store_url):
    result = report.figures(load(store_url))
    assert result["conversations"] == 4
    assert result["messages"] == 12
    assert result["channels"] == {"rest": 2, "socketio": 1, "slack": 1}
    assert result["handoffs"] == 1 and result["containment_rate"] == 0.75
    assert result["fallback_rate"] == 0.3  # 3 of 10 typed messages; buttons do not count
    assert result["open_smtp"] == {"resolved": 1, "handed_off": 1, "open": 0}
    assert result["walkthrough_reached"] == [2, 2, 2, 1, 1, 1, 1, 1]
    assert result["walkthrough_stopped_at"] == [0, 0, 1, 0, 0, 0, 0]
    assert result["top_intents"][0] == ("nlu_fallback", 3)
    assert list(result["intents_per_day"]) == ["2026-11-20", "2026-11-21", "2026-11-22"]


def test_report_writes_html_with_the_funnel_plot(store_url, tmp_path, capsys):
    out = tmp_path / "helpdesk.html"
    endpoints = endpoints_for(tmp_path, store_url)
    assert (
        report_cli.main(
            [
                "--since",
                "2026-11-20",
                "--until",
                "2026-11-22",
                "--out",
                str(out),
                "--endpoints",
                str(endpoints),
            ]
        )
        == 0
    )
    page = out.read_text(encoding="utf-8")
    assert (
        page.count("data:image/png;base64,") == 2
        and "Kolik konverzací dosáhlo kroku návodu" in page
    )
    assert "75.0 %" in page
    printed = capsys.readouterr().out
    assert "Konverzace" in printed and "75.0 %" in printed
    assert json.loads(out.with_suffix(".json").read_text())["conversations"] == 4


def test_inbox_groups_what_the_bot_missed(store_url):
    missed = inbox.missed_messages(load(store_url))
    assert {(m.text, m.reason) for m in missed} == {
        ("jak nastavim webmail", "fallback"),
        ("kde je webmail", "fallback"),
        ("webmail v prohlizeci", "low_confidence"),
        ("heslo je [heslo skryto]", "fallback"),
        ("dostal jsem tiket open smtp", "handoff"),
    }
    groups = inbox.group(missed)
    assert groups[0].texts() == ["jak nastavim webmail", "kde je webmail", "webmail v prohlizeci"]
    assert groups[0].guess == "ask_settings" and groups[0].example_conversation == "c4"
    assert sorted(g.count for g in groups) == [1, 1, 3]


def test_inbox_never_shows_a_password(store_url, tmp_path, capsys):
    endpoints = endpoints_for(tmp_path, store_url)
    inbox_cli.main(
        ["--since", "2026-11-20", "--until", "2026-11-22", "--endpoints", str(endpoints)]
    )
    printed = capsys.readouterr().out
    assert LEGACY_SECRET not in printed and "[heslo skryto]" in printed
    assert printed.startswith("Nepochopené zprávy: 5, skupiny: 3, konverzace v období: 4\n")
    assert (
        "#1  3×  bot hádal: Nastavení serveru  (fallback 2, low_confidence 1)  odpověď: –  "
        "např. konverzace c4" in printed
    )


def test_inbox_exports_a_group_for_make_intent(store_url, tmp_path):
    endpoints = endpoints_for(tmp_path, store_url)
    out = tmp_path / "webmail.txt"
    assert (
        inbox_cli.main(
            [
                "--since",
                "2026-11-20",
                "--until",
                "2026-11-22",
                "--export",
                "1",
                "--out",
                str(out),
                "--endpoints",
                str(endpoints),
            ]
        )
        == 0
    )
    assert out.read_text(encoding="utf-8").splitlines() == [
        "jak nastavim webmail",
        "kde je webmail",
        "webmail v prohlizeci",
    ]


@pytest.mark.parametrize("main", [inbox_cli.main, report_cli.main])
def test_empty_store_gives_a_clear_message(main, tmp_path, capsys):
    endpoints = endpoints_for(tmp_path, f"sqlite:///{tmp_path / 'nothing.db'}")
    assert main(["--endpoints", str(endpoints)]) == 0
    assert capsys.readouterr().out.startswith("Žádné")


def test_a_message_the_dispatcher_answered_is_no_fallback():
    def row(event):
        data = event.as_dict()
        return {
            "sender_id": "c",
            "type_name": data["event"],
            "timestamp": data["timestamp"],
            "data": data,
        }

    long_question = user(
        "dlouhy pribeh ... jaky port pro imap se ssl?", "nlu_fallback", at(22, 0), 0.4
    )
    rows = [
        row(long_question),
        row(bot("utter_port_single", at(22, 0))),
        row(user("blabla", "nlu_fallback", at(22, 1), 0.4)),
        row(bot("utter_fallback", at(22, 1))),
    ]
    answered, missed = conversations.conversations_from_events(rows)[0].messages
    assert not answered.fell_back and missed.fell_back


def test_out_of_scope_questions_are_groups_and_noise_is_only_counted():
    def row(event, sender):
        data = event.as_dict()
        return {
            "sender_id": sender,
            "type_name": data["event"],
            "timestamp": data["timestamp"],
            "data": data,
        }

    rows = []
    for number, text in enumerate(
        ["jak zmenim dns zaznam", "kde se meni DNS zaznamy domeny", "potrebuju upravit dns zaznam"]
    ):
        rows += [
            row(user(text, "out_of_scope", at(22, number)), f"dns-{number}"),
            row(bot("utter_out_of_scope", at(22, number)), f"dns-{number}"),
        ]
    for number, text in enumerate(["😀😀😀", "qwrtzk plmnb", "§§§ ¿¡"]):
        rows += [
            row(user(text, "nlu_fallback", at(22, 10 + number), 0.3), f"fuzz-{number}"),
            row(bot("utter_fallback", at(22, 10 + number)), f"fuzz-{number}"),
        ]
    found = conversations.conversations_from_events(rows)
    missed, noise = inbox.without_noise(inbox.missed_messages(found))
    assert noise == 3
    groups = inbox.group(missed)
    assert sum(g.count for g in groups) == 3 and groups[0].count >= 2
    assert {m.reason for g in groups for m in g.messages} == {"out_of_scope"}


def test_resolved_counts_confirmed_fixes_and_finished_walkthroughs_only():
    def conversation(*responses):
        found = conversations.Conversation("c")
        found.timeline = [(at(22, 0), "bot", name) for name in responses]
        return found

    assert conversation("utter_fix_worked").resolved
    assert conversation("utter_step", "utter_walkthrough_check").resolved
    assert not conversation("utter_port_single").resolved  # it ended, nobody said it helped
    result = report.figures([conversation("utter_fix_worked"), conversation("utter_port_single")])
    assert result["resolved"] == 1 and result["resolution_rate"] == 0.5
    assert result["containment_rate"] == 1.0  # its own figure: nobody was handed off


def test_ratings_give_satisfaction_per_topic_and_list_the_unhappy():
    def rated(sender, value, topic):
        found = conversations.Conversation(sender)
        found.ratings = [{"value": value, "topic": topic}]
        return found

    result = report.figures(
        [
            rated("a", "up", "Porty"),
            rated("b", "down", "Porty"),
            rated("c", "up", "Ticket Open SMTP"),
        ]
    )
    assert result["satisfaction"] == {
        "Porty": {"up": 1, "down": 1},
        "Ticket Open SMTP": {"up": 1, "down": 0},
    }
    assert result["unhappy_conversations"] == ["b"]
    assert result["resolved"] == 2  # a 👍 counts as resolved
    table = report.terminal_table(result)
    assert "Porty 1 / 1; Ticket Open SMTP 1 / 0" in table and "Konverzace s 👎" in table
