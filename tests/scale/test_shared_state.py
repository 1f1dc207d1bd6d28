"""State that several Rasa servers share lives in the shared stores: Slack's retries, locks,
handoff records, retention."""

import re
import subprocess
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis
from fake_slack import send_event

from tests.polling import wait_until
from tests.stack import PYTHON, ROOT, reply_text

pytestmark = pytest.mark.scale
PRODUCTION = str(ROOT / "endpoints.production.yml")


def test_a_slack_event_and_its_retry_on_two_servers_are_answered_once(servers, slack_api):
    first, second = servers
    suffix = uuid.uuid4().hex[:8].upper()
    user, channel, event_id = f"U{suffix}", f"D{suffix}", f"Ev{suffix}"
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    with ThreadPoolExecutor(max_workers=2) as pool:  # the retry arrives while A still answers
        original = pool.submit(
            send_event, first, user, channel, "jaky port pro imap se ssl", event_id
        )
        time.sleep(0.05)
        retried = pool.submit(
            send_event, second, user, channel, "jaky port pro imap se ssl", event_id, retry
        )
        statuses = sorted([original.result(), retried.result()])
    # 409: still being answered on the other server, Slack tries again later
    assert statuses[0] == 200 and statuses[1] in (200, 409), statuses
    slack_api.wait_for_posts(channel, 1)
    retry["X-Slack-Retry-Num"] = "2"  # a later retry, to either server: acknowledged, not answered
    # (the reply is posted during the turn, the event marked answered right after it: until
    # then a retry still gets 409, as Slack's own retries would – so retried until 200)
    for server in (second, first):
        wait_until(
            lambda to=server: (
                send_event(to, user, channel, "jaky port pro imap se ssl", event_id, retry) == 200
            ),
            what="a later retry acknowledged",
        )
    time.sleep(1)
    assert sum("993" in post["text"] for post in slack_api.posts(channel)) == 1


def test_client_chosen_ids_cannot_reach_other_keys(servers, redis_server):
    first, second = servers
    base = f"scale-{uuid.uuid4().hex[:8]}"
    senders = [base, f"{base}:mutex", f"{base}:lock", "helpdesk:lock:" + base]
    # Every key the servers touch during the turns, from Redis's keyspace notifications.
    shared = redis.Redis(port=redis_server.port, db=1)
    shared.config_set("notify-keyspace-events", "KA")
    events = shared.pubsub()
    events.psubscribe("__keyspace@1__:*")
    assert events.get_message(timeout=5)["type"] == "psubscribe"
    with ThreadPoolExecutor(max_workers=8) as pool:
        replies = list(
            pool.map(
                lambda n: reply_text(
                    (first, second)[n % 2].say(senders[n % 4], "jaky port pro pop3 bez ssl")
                ),
                range(16),
            )
        )
    assert all("**110**" in reply for reply in replies), replies
    touched = set()
    while event := events.get_message(timeout=1):
        touched.add(event["channel"].removeprefix(b"__keyspace@1__:"))
    events.close()
    shared.config_set("notify-keyspace-events", "")
    # Each conversation's lock under a key of its own, and no key outside our namespaces.
    assert {f"helpdesk:lock:{sender}".encode() for sender in senders} <= touched, touched
    assert all(re.match(rb"helpdesk:(lock|slack_event):", key) for key in touched), touched


def test_a_handoff_made_through_one_server_is_in_the_report_from_postgres(
    servers, production_env, sender
):
    first, _ = servers
    reply = reply_text(first.say(sender, "chci mluvit s clovekem"))
    number = re.search(r"\(číslo (\d+)\)", reply).group(1)  # waiting for an agent
    report = subprocess.run(
        [
            PYTHON,
            "-m",
            "scripts.report",
            "--endpoints",
            PRODUCTION,
            "--out",
            str(first.workdir / "r.html"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**first.env, **production_env},
        timeout=120,
    )
    assert report.returncode == 0, report.stderr
    assert re.search(
        rf"^{number} \| .* \| rest \| request \| .* \| {sender}$", report.stdout, re.M
    ), report.stdout


def test_purge_deletes_old_conversations_from_postgres(servers, postgres, production_env, sender):
    import sqlalchemy as sa

    first, _ = servers
    first.say(sender, "jaky port pro pop3")
    database = sa.create_engine(f"postgresql://helpdesk@127.0.0.1:{postgres.port}/helpdesk")
    old = f"old-{uuid.uuid4().hex[:8]}"
    with database.begin() as connection:  # a conversation last active 100 days ago
        connection.execute(
            sa.text(
                "INSERT INTO events (sender_id, type_name, timestamp, intent_name, action_name, data)"
                " VALUES (:s, 'user', :t, 'ask_port', NULL, '{}')"
            ),
            {"s": old, "t": time.time() - 100 * 86_400},
        )
    purge = subprocess.run(
        [PYTHON, "-m", "scripts.purge", "--days", "90", "--endpoints", PRODUCTION],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**first.env, **production_env},
        timeout=120,
    )
    assert purge.returncode == 0, purge.stderr
    with database.connect() as connection:
        left = {
            row[0]
            for row in connection.execute(
                sa.text("SELECT DISTINCT sender_id FROM events WHERE sender_id IN (:a, :b)"),
                {"a": old, "b": sender},
            )
        }
    assert left == {sender}
