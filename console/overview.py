"""Konverzace a přehled: the conversations of a period (by channel), the report of
`make report` with its plots, the handoff records and the 👍/👎 ratings with comments."""

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from analytics import conversations, report, transcript
from stores import handoffs
from stores.handoffs import CALLBACK, CLOSED, TAKEN, WAITING

STATES = {WAITING: "čeká", TAKEN: "převzato", CALLBACK: "zavolat zpět", CLOSED: "uzavřeno"}
SHOWN = 200  # conversations listed on one page, newest first


@dataclass
class Overview:
    channels: List[str]  # every channel of the period, for the filter
    rows: List[conversations.Conversation]  # newest first, at most SHOWN
    total: int
    summary: List[Tuple[str, Any]] = field(default_factory=list)
    plots: Dict[str, str] = field(default_factory=dict)  # base64 PNGs
    handoffs: List[Dict[str, Any]] = field(default_factory=list)
    ratings: List[Dict[str, Any]] = field(default_factory=list)


def overview(since: Optional[str], until: Optional[str], channel: str, url: str) -> Overview:
    """Raises ValueError (or OverflowError) for a date that is not YYYY-MM-DD."""
    start, end = conversations.period(since, until)
    found = conversations.load(url, start, end)
    channels = sorted({c.channel for c in found})
    if channel:
        found = [c for c in found if c.channel == channel]
    found.sort(key=lambda c: c.started, reverse=True)
    result = Overview(channels, found[:SHOWN], len(found))
    if found:
        figures = report.figures(found)
        result.summary = report.summary_rows(figures)
        result.plots = report.plots(figures)
    records = report.handoff_records(start, end, url)
    result.handoffs = [
        _in_czech(record) for record in records if not channel or record["channel"] == channel
    ]
    result.ratings = [dict(rating, conversation=c.sender_id) for c in found for rating in c.ratings]
    return result


def _in_czech(record: Dict[str, Any]) -> Dict[str, Any]:
    return dict(record, state=STATES.get(record["state"], record["state"]))


def conversation(
    sender: str, url: str
) -> Optional[Tuple[List[transcript.Line], Optional[Dict[str, Any]]]]:
    """The transcript and the newest handoff record of one conversation; None if unknown."""
    lines = transcript.read(sender, url)
    if lines is None:
        return None
    record = handoffs.latest(sender, url)
    return lines, _in_czech(record) if record else None
