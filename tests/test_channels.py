from channels.slack import to_mrkdwn, to_plain
from scripts.credentials import SLACK_CHANNEL_CLASS, credentials


def test_without_slack_settings_only_web_channels():
    assert list(credentials({})) == ["rest", "socketio"]
    assert list(credentials({"SLACK_TOKEN": "xoxb-1"})) == ["rest", "socketio"]


def test_socketio_keeps_the_session_and_reads_custom_data():
    socketio = credentials({})["socketio"]
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
    env = {"SLACK_TOKEN": "t", "SLACK_SIGNING_SECRET": "s", "SLACK_USE_THREADS": "true",
           "SLACK_CHANNEL": "C0HELP", "SLACK_API_URL": "http://127.0.0.1:9/api/"}
    slack = credentials(env)[SLACK_CHANNEL_CLASS]
    assert slack["use_threads"] is True and slack["conversation_granularity"] == "thread"
    assert slack["slack_channel"] == "C0HELP" and slack["slack_api_url"] == "http://127.0.0.1:9/api/"


def test_markdown_bold_becomes_slack_bold():
    text = "Server je **SSL0.OVH.NET**, port **993**."
    assert to_mrkdwn(text) == "Server je *SSL0.OVH.NET*, port *993*."
    assert to_plain(text) == "Server je SSL0.OVH.NET, port 993."
