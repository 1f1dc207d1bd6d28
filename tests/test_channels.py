from channels.markdown import to_mrkdwn, to_plain
from scripts.credentials import SLACK_CHANNEL_CLASS, credentials


def test_without_slack_settings_only_web_channels():
    web = ["channels.rest.HelpdeskRestInput", "channels.socketio.HelpdeskSocketIOInput"]
    assert list(credentials({})) == web
    assert list(credentials({"SLACK_TOKEN": "xoxb-1"})) == web


def test_socketio_keeps_the_session_and_reads_custom_data():
    socketio = credentials({})["channels.socketio.HelpdeskSocketIOInput"]
    assert socketio["session_persistence"] is True and socketio["metadata_key"] == "customData"


def test_slack_secrets_stay_in_the_environment():
    env = {"SLACK_TOKEN": "xoxb-secret", "SLACK_SIGNING_SECRET": "signing-secret"}
    slack = credentials(env)[SLACK_CHANNEL_CLASS]
    assert slack["slack_token"] == "${SLACK_TOKEN}"
    assert slack["slack_signing_secret"] == "${SLACK_SIGNING_SECRET}"
    written = str(credentials(env))
    assert "xoxb-secret" not in written and "signing-secret" not in written
    assert slack["use_threads"] is False and slack["conversation_granularity"] == "sender"


def test_slack_threads_channel_and_api_url():
    env = {
        "SLACK_TOKEN": "t",
        "SLACK_SIGNING_SECRET": "s",
        "SLACK_USE_THREADS": "true",
        "SLACK_CHANNEL": "C0HELP",
        "SLACK_API_URL": "http://127.0.0.1:9/api/",
    }
    slack = credentials(env)[SLACK_CHANNEL_CLASS]
    assert slack["use_threads"] is True and slack["conversation_granularity"] == "thread"
    assert (
        slack["slack_channel"] == "C0HELP" and slack["slack_api_url"] == "http://127.0.0.1:9/api/"
    )


def test_markdown_bold_becomes_slack_bold():
    text = "Server je **SSL0.OVH.NET**, port **993**."
    assert to_mrkdwn(text) == "Server je *SSL0.OVH.NET*, port *993*."
    assert to_plain(text) == "Server je SSL0.OVH.NET, port 993."


def test_socketio_events_are_repaired_not_dropped():
    from channels.socketio import repaired

    assert repaired(
        {"message": "ahoj", "session_id": "s1", "customData": {"a": 1}}, "sid", "customData"
    ) == {"message": "ahoj", "session_id": "s1", "customData": {"a": 1}}
    assert repaired("ahoj", "sid", "customData") == {
        "message": "ahoj",
        "session_id": "sid",
        "customData": {},
    }
    assert repaired(["x"], "sid", "customData")["message"] == ""
    assert repaired({"message": 12345, "session_id": "s"}, "sid", "customData")["message"] == ""
    assert repaired({"message": "x", "customData": "{bad"}, "sid", "customData")["customData"] == {}
    assert repaired({"message": "x", "customData": '{"a": 1}'}, "sid", "customData")[
        "customData"
    ] == {"a": 1}


def test_every_configured_channel_loads_as_rasa_loads_it():
    from rasa.core.run import _create_single_channel

    env = {"SLACK_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}
    for name, settings in credentials(env).items():
        settings = {
            k: env[v[2:-1]] if str(v).startswith("${") else v for k, v in (settings or {}).items()
        }
        channel = _create_single_channel(name, settings)
        assert channel.name() in ("rest", "socketio", "slack")
