"""Our responses mark bold the Markdown way (`**993**`, the widget renders it); Slack's mrkdwn
bolds with single asterisks, a terminal shows none."""

import re

MARKDOWN_BOLD = re.compile(r"\*\*(.+?)\*\*")


def to_mrkdwn(text: str) -> str:
    return MARKDOWN_BOLD.sub(r"*\1*", text)


def to_plain(text: str) -> str:
    return MARKDOWN_BOLD.sub(r"\1", text)
