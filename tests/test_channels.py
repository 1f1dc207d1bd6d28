from rasa.core.run import create_http_input_channels

from channels.markdown import to_mrkdwn, to_plain
from scripts.credentials import SLACK_CHANNEL_CLASS, credentials, write


def started_channels(tmp_path, monkeypatch, env):
    """(the credentials file written for `env`, the input channels Rasa starts with it by
    name); Rasa expands the file's ${...} from the environment when it reads it."""
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    path = tmp_path / "credentials.yml"
    write(path, env)
    channels = create_http_input_channels(None, str(path))
    return path.read_text(encoding="utf-8"), {channel.name(): channel for channel in channels}


def test_without_slack_settings_only_web_channels():
    web = [
        "channels.rest.HelpdeskRestInput",
        "channels.socketio.HelpdeskSocketIOInput",
        "channels.mailconfig.MailConfigInput",
    ]
    assert list(credentials({})) == web
    assert list(credentials({"SLACK_TOKEN": "xoxb-1"})) == web


def test_slack_secrets_stay_in_the_environment(tmp_path, monkeypatch):
    env = {"SLACK_TOKEN": "xoxb-secret", "SLACK_SIGNING_SECRET": "signing-secret"}
    written, channels = started_channels(tmp_path, monkeypatch, env)
    assert "xoxb-secret" not in written and "signing-secret" not in written
    slack = channels["slack"]  # ...and yet the Slack channel Rasa starts has them
    assert slack.slack_token == "xoxb-secret" and slack.slack_signing_secret == "signing-secret"
    assert slack.use_threads is False and slack.conversation_granularity == "sender"


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


def test_every_configured_channel_starts_as_rasa_starts_it(tmp_path, monkeypatch):
    env = {"SLACK_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}
    _, channels = started_channels(tmp_path, monkeypatch, env)
    assert set(channels) == {"rest", "socketio", "mailconfig", "slack"}
    # The widget keeps one conversation across page reloads and sends its data as customData.
    socketio = channels["socketio"]
    assert socketio.session_persistence is True and socketio.metadata_key == "customData"
