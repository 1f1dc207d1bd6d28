"""Rasa's Redis lock store with its ticket bookkeeping made atomic across servers, and its
errors handled so that a turn is neither lost nor answered twice.

Rasa keeps a conversation's ticket queue as one JSON value under `<prefix>:lock:<id>` and
updates it by read, modify, write. Two Rasa servers issuing tickets at the same moment can
read the same queue and both hand out the same ticket: both then process a message of the
conversation at once (seen in `make test-scale`: five concurrent "hotovo" answered steps 2,
2, 3, 3, 4). Here every read-modify-write is a Redis transaction (WATCH the key, MULTI/EXEC,
redo when another server changed it meanwhile): no second key (nothing a conversation id can
collide with), nothing that waits or expires inside a critical section.

Errors: a ticket that could not be issued or a queue that vanished while waiting (its
tickets expired) is tried again, asynchronously, a few times before Rasa hears of it: nothing
was processed yet, so a retry cannot answer twice. Releasing after the turn never fails the
turn: the reply exists, and an unreleased ticket expires by itself.
"""

import asyncio
import json
import logging
from contextlib import asynccontextmanager
from typing import AsyncGenerator, Callable, Optional, Tuple, TypeVar

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

logger = logging.getLogger(__name__)

T = TypeVar("T")
ACQUIRE_ATTEMPTS = 3
RETRY_SECONDS = 0.2  # doubled after each failed attempt


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: EndpointConfig) -> None:
        super().__init__(host=endpoint_config.url, **endpoint_config.kwargs)

    @property
    def namespace(self) -> str:
        """`<prefix>:` of every key of ours; Rasa's locks live under `<prefix>:lock:`."""
        return self.key_prefix[: -len("lock:")]

    def _change(
        self,
        conversation_id: str,
        change: Callable[[Optional[TicketLock]], Tuple[T, Optional[TicketLock]]],
    ) -> T:
        """Applies `change` (lock or None -> result, lock to save or None to delete) atomically."""
        key = self.key_prefix + conversation_id

        def transaction(pipe) -> T:
            raw = pipe.get(key)
            result, changed = change(TicketLock.from_dict(json.loads(raw)) if raw else None)
            pipe.multi()
            if changed is None:
                pipe.delete(key)
            else:
                pipe.set(key, changed.dumps())
            return result

        return self.red.transaction(transaction, key, value_from_callable=True)

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def issue(lock: Optional[TicketLock]) -> Tuple[int, TicketLock]:
            lock = lock or TicketLock(conversation_id)
            return lock.issue_ticket(lock_lifetime), lock

        try:
            return self._change(conversation_id, issue)
        except Exception as error:  # what Rasa raises, and what `lock` below retries
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: str) -> None:
        def remove_expired(lock: Optional[TicketLock]) -> Tuple[None, Optional[TicketLock]]:
            if lock:
                lock.remove_expired_tickets()
            return None, lock

        self._change(conversation_id, remove_expired)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        def finish(lock: Optional[TicketLock]) -> Tuple[None, Optional[TicketLock]]:
            if lock:
                lock.remove_ticket_for(ticket_number)
            return None, lock

        self._change(conversation_id, finish)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        def finish_and_drop(lock: Optional[TicketLock]) -> Tuple[None, Optional[TicketLock]]:
            if lock:
                lock.remove_ticket_for(ticket_number)
            return None, lock if lock and lock.is_someone_waiting() else None

        try:
            self._change(conversation_id, finish_and_drop)
        except Exception:
            logger.exception(
                "Releasing the lock of %s failed; its ticket expires by itself", conversation_id
            )

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = 1,
    ) -> AsyncGenerator[TicketLock, None]:
        delay = RETRY_SECONDS
        for attempt in range(1, ACQUIRE_ATTEMPTS + 1):
            ticket = None
            try:
                ticket = self.issue_ticket(conversation_id, lock_lifetime)
                acquired = await self._acquire_lock(conversation_id, ticket, wait_time_in_seconds)
                break
            except Exception as error:
                if ticket is not None:
                    self.cleanup(conversation_id, ticket)
                if attempt == ACQUIRE_ATTEMPTS:
                    if isinstance(error, LockError):
                        raise
                    raise LockError(str(error)) from error
                logger.warning("Lock of %s not acquired (%s); trying again", conversation_id, error)
                await asyncio.sleep(delay)
                delay *= 2
        assert ticket is not None  # the loop above ends with a ticket or raises
        try:
            yield acquired
        finally:
            self.cleanup(conversation_id, ticket)
