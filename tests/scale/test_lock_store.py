"""Ticket issuing against a real Redis, from two lock stores (two Rasa servers) at once."""
from concurrent.futures import ThreadPoolExecutor

import pytest
from rasa.core.lock_store import RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from stores.redis_lock import AtomicRedisLockStore
from tests.scale.conftest import REDIS_PORT

pytestmark = pytest.mark.scale


def tickets(stores, conversation: str, count: int):
    with ThreadPoolExecutor(max_workers=16) as pool:
        return list(pool.map(lambda n: stores[n % 2].issue_ticket(conversation), range(count)))


def atomic_store():
    return AtomicRedisLockStore(EndpointConfig(url="127.0.0.1", port=REDIS_PORT, db=2, key_prefix="t"))


def test_tickets_are_unique_across_servers(servers):
    stores = [atomic_store(), atomic_store()]
    issued = tickets(stores, "atomic", 200)
    assert sorted(issued) == list(range(200))


def test_rasa_s_own_store_can_hand_out_a_ticket_twice(servers):
    # Why stores/redis_lock.py exists: the same load on Rasa's store loses tickets.
    stores = [RedisLockStore(host="127.0.0.1", port=REDIS_PORT, db=2, key_prefix="r") for _ in range(2)]
    duplicates = [200 - len(set(tickets(stores, f"plain-{n}", 200))) for n in range(5)]
    assert any(duplicates), duplicates
