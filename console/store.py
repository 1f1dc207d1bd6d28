"""The console's tables, in the tracker store's database (stores/database.py): SQLite by
default, PostgreSQL in production, so every console process sees the same staff, sessions,
ignored messages and history."""

from typing import Optional

import sqlalchemy as sa

from stores.database import with_tables

METADATA = sa.MetaData()
USERS = sa.Table(
    "staff_users",
    METADATA,
    sa.Column("email", sa.String(320), primary_key=True),
    sa.Column("password_hash", sa.String(255), nullable=False),  # argon2's own encoded format
    sa.Column("created_at", sa.Float, nullable=False),
)
SESSIONS = sa.Table(
    "staff_sessions",
    METADATA,
    sa.Column("token_hash", sa.String(64), primary_key=True),  # sha256 of the cookie's token
    sa.Column("email", sa.String(320), nullable=False, index=True),
    sa.Column("csrf", sa.String(64), nullable=False),
    sa.Column("expires_at", sa.Float, nullable=False),
)
FAILURES = sa.Table(
    "staff_login_failures",
    METADATA,
    sa.Column("key", sa.String(400), primary_key=True),  # "email:…" or "ip:…"
    sa.Column("count", sa.Integer, nullable=False),
    sa.Column("locked_until", sa.Float, nullable=False),
)
AUDIT = sa.Table(
    "console_audit",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.Float, nullable=False, index=True),
    sa.Column("email", sa.String(320), nullable=False),
    sa.Column("action", sa.String(64), nullable=False),
    sa.Column("detail", sa.Text, nullable=False),
    sa.Column("revision", sa.String(64)),  # the git commit, or the model a training produced
)
# Inbox messages staff chose to ignore, by their folded text: they stay out of the inbox.
IGNORED = sa.Table(
    "console_ignored",
    METADATA,
    sa.Column("key", sa.String(64), primary_key=True),  # sha256 of the folded text
    sa.Column("email", sa.String(320), nullable=False),
    sa.Column("at", sa.Float, nullable=False),
)
# The models the console trained: which passed the held-out gate, which customers got and when.
MODELS = sa.Table(
    "console_models",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("file", sa.String(255), nullable=False),
    sa.Column("model_id", sa.String(64), nullable=False),
    sa.Column("trained_at", sa.Float, nullable=False),
    sa.Column("email", sa.String(320), nullable=False),
    sa.Column("gate_passed", sa.Boolean, nullable=False),
    sa.Column("gate_report", sa.Text, nullable=False),
    sa.Column("published_at", sa.Float),
)


def database(url: Optional[str] = None) -> sa.engine.Engine:
    return with_tables(METADATA, url)
