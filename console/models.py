"""The models the console trained, which of them customers get, and Rasa's model server.

Every Rasa server pulls its model from the console (`models:` in its endpoints, Rasa's own
model-server pull): the console answers with the published model and its id as ETag, or 304
when the server has it already. Publishing or rolling back is a new row's publication time;
every server has the new model within its pull interval, and no conversation is dropped:
each server loads the new model in a thread while the old one answers (scripts/serve.py).

What the servers get is the model made last: the console's newest publication, or the model
`make train` built (models/helpdesk.tar.gz) when that is newer, so a developer's training and
the console's never undo each other."""

import json
import shutil
import tarfile
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import List, Optional

from console.store import MODELS, database

KEEP = 5  # trained models kept on disk (the published ones are never deleted)
OUT = Path("models") / "console"  # where the console keeps its models, in the project


@dataclass
class Model:
    id: int
    file: str  # relative to the project root
    model_id: str
    trained_at: float
    email: str
    gate_passed: bool
    gate_report: str
    published_at: Optional[float]


def model_id(path: Path) -> str:
    """The id Rasa's /status reports for a model: its metadata.json."""
    with tarfile.open(path) as archive:
        member = next(m for m in archive.getmembers() if m.name.lstrip("/") == "metadata.json")
        return json.load(archive.extractfile(member))["model_id"]  # type: ignore[arg-type]


def add(
    root: Path, path: Path, email: str, passed: bool, report: str, url: Optional[str] = None
) -> Model:
    with database(url).begin() as connection:
        number = connection.execute(
            MODELS.insert().values(
                file=str(path.relative_to(root)),
                model_id=model_id(path),
                trained_at=time.time(),
                email=email,
                gate_passed=passed,
                gate_report=report,
            )
        ).inserted_primary_key[0]
    _prune(root, url)
    found = by_id(int(number), url)
    assert found is not None
    return found


def _prune(root: Path, url: Optional[str]) -> None:
    """Trained models beyond the newest KEEP go, unless customers got them once."""
    with database(url).begin() as connection:
        rows = connection.execute(
            MODELS.select().where(MODELS.c.published_at.is_(None)).order_by(MODELS.c.id.desc())
        ).fetchall()
        for row in rows[KEEP:]:
            (root / row.file).unlink(missing_ok=True)
            connection.execute(MODELS.delete().where(MODELS.c.id == row.id))


def all_models(url: Optional[str] = None) -> List[Model]:
    with database(url).connect() as connection:
        rows = connection.execute(MODELS.select().order_by(MODELS.c.id.desc())).fetchall()
    return [Model(**row._mapping) for row in rows]


def _first(query, url: Optional[str]) -> Optional[Model]:
    with database(url).connect() as connection:
        row = connection.execute(query.limit(1)).first()
    return Model(**row._mapping) if row else None


def by_id(number: int, url: Optional[str] = None) -> Optional[Model]:
    return _first(MODELS.select().where(MODELS.c.id == number), url)


def published(url: Optional[str] = None) -> Optional[Model]:
    """The newest publication: asked by every Rasa server's pull, a query of one row."""
    return _first(
        MODELS.select()
        .where(MODELS.c.published_at.is_not(None))
        .order_by(MODELS.c.published_at.desc()),
        url,
    )


def publish(number: int, url: Optional[str] = None) -> Model:
    model = by_id(number, url)
    if model is None or not model.gate_passed:
        raise ValueError("Zveřejnit jde jen model, který prošel kontrolou kvality.")
    with database(url).begin() as connection:
        connection.execute(
            MODELS.update().where(MODELS.c.id == number).values(published_at=time.time())
        )
    return by_id(number, url)  # type: ignore[return-value]


def previous(url: Optional[str] = None) -> Optional[Model]:
    """The model published before the current one (what *vrátit předchozí* publishes)."""
    current = published(url)
    earlier = [
        m
        for m in all_models(url)
        if m.published_at and current and m.id != current.id and m.model_id != current.model_id
    ]
    return max(earlier, key=lambda m: m.published_at or 0) if earlier else None


def served(root: Path, url: Optional[str] = None) -> Optional[Path]:
    """The model the Rasa servers get: the newest publication, or `make train`'s model when
    that was built later (it then becomes a publication of its own, so that *vrátit
    předchozí* can go back to it)."""
    current = published(url)
    built = root / "models" / "helpdesk.tar.gz"
    if built.exists() and (current is None or built.stat().st_mtime > (current.published_at or 0)):
        current = _adopt(root, built, url)
    return root / current.file if current else None


def _adopt(root: Path, built: Path, url: Optional[str]) -> Model:
    """`make train`'s model as a published row, with a copy of its own (the next `make train`
    overwrites the file)."""
    tag = etag(built)
    copy = root / OUT / f"make-train-{tag}.tar.gz"
    if not copy.exists():
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, copy)
    with database(url).begin() as connection:
        row = connection.execute(MODELS.select().where(MODELS.c.model_id == tag)).first()
        if row is None:
            connection.execute(
                MODELS.insert().values(
                    file=str(copy.relative_to(root)),
                    model_id=tag,
                    trained_at=built.stat().st_mtime,
                    email="make train",
                    gate_passed=True,
                    gate_report="Natrénováno příkazem make train; kontrolu kvality dělá make test.",
                    published_at=built.stat().st_mtime,
                )
            )
        else:
            connection.execute(
                MODELS.update()
                .where(MODELS.c.id == row.id)
                .values(published_at=built.stat().st_mtime)
            )
    found = published(url)
    assert found is not None
    return found


def etag(path: Path) -> str:
    return _etag(str(path), path.stat().st_mtime)


@lru_cache(maxsize=16)
def _etag(path: str, mtime: float) -> str:
    """A model's id, read once per file version (it takes reading the archive)."""
    return model_id(Path(path))
