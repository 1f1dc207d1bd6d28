"""Ticket issuing against a real Redis, from two lock stores (two Rasa servers) at once.
(Rasa's own RedisLockStore hands out duplicate tickets under this load: stores/redis_lock.py.)"""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from rasa.utils.endpoints import EndpointConfig

from stores.redis_lock import AtomicRedisLockStore

pytestmark = pytest.mark.scale


def tickets(stores, conversation: str, count: int):
    with ThreadPoolExecutor(max_workers=16) as pool:
        return list(pool.map(lambda n: stores[n % 2].issue_ticket(conversation), range(count)))


def atomic_store(redis_server):
    return AtomicRedisLockStore(
        EndpointConfig(url="127.0.0.1", port=redis_server.port, db=2, key_prefix="t")
    )


def test_tickets_are_unique_across_servers(redis_server):
    stores = [atomic_store(redis_server), atomic_store(redis_server)]
    issued = tickets(stores, "atomic", 200)
    assert sorted(issued) == list(range(200))


async def test_a_lock_is_taken_one_turn_at_a_time_and_released(redis_server):
    store = atomic_store(redis_server)
    async with store.lock("one-turn") as lock:
        assert lock.conversation_id == "one-turn"
        assert len(store.get_lock("one-turn").tickets) == 1  # ours, no one else's
    assert store.get_lock("one-turn") is None  # nothing left behind in Redis


async def test_a_turn_whose_ticket_expired_while_waiting_still_gets_its_turn(redis_server):
    # Another server holds the conversation longer than our ticket lives: Rasa's store then
    # raises LockError and the message is lost; ours takes a new ticket and goes on.
    store = atomic_store(redis_server)
    other = store.issue_ticket("slow-turn", lock_lifetime=60)

    async def other_turn_ends() -> None:
        await asyncio.sleep(0.6)
        store.cleanup("slow-turn", other)

    ending = asyncio.create_task(other_turn_ends())
    async with store.lock("slow-turn", lock_lifetime=0.2, wait_time_in_seconds=0.1):
        assert ending.done()  # our turn came after the other one, not beside it
        assert len(store.get_lock("slow-turn").tickets) == 1  # ours alone
    assert store.get_lock("slow-turn") is None
