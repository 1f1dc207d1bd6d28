"""Who changed what and when: every change made in the console is a row here (in the tracker
store's database, beside the staff accounts) and, in a git checkout, a commit of the changed
project files with the staff member as its author."""

import subprocess
import time
from pathlib import Path
from typing import Dict, List, Optional

from console.store import AUDIT, database

# What the console may change: the files `make intent` writes.
PROJECT_FILES = ["data", "domain.yml", "tests/nlu_holdout.yml", "tests/test_stories.yml"]


def _git(root: Path, *args: str, env: Optional[Dict[str, str]] = None) -> str:
    return subprocess.run(
        ["git", "-C", str(root), *args],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    ).stdout.strip()


def commit(root: Path, email: str, message: str) -> Optional[str]:
    """Commits the changed project files with `email` as author and committer; None outside a
    git checkout or when nothing changed."""
    if not (root / ".git").exists():
        return None
    import os

    name = email.split("@")[0]
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email,
    }
    present = [p for p in PROJECT_FILES if (root / p).exists()]
    _git(root, "add", "-A", "--", *present)
    if not _git(root, "diff", "--cached", "--name-only", "--", *present):
        return None
    _git(root, "commit", "-q", "-m", message, "--", *present, env=env)
    return _git(root, "rev-parse", "--short", "HEAD")


def record(
    email: str, action: str, detail: str, revision: Optional[str], url: Optional[str] = None
) -> None:
    with database(url).begin() as connection:
        connection.execute(
            AUDIT.insert().values(
                at=time.time(), email=email, action=action, detail=detail, revision=revision
            )
        )


def history(limit: int = 200, url: Optional[str] = None) -> List[Dict]:
    with database(url).connect() as connection:
        rows = connection.execute(AUDIT.select().order_by(AUDIT.c.id.desc()).limit(limit))
        return [dict(row._mapping) for row in rows]
