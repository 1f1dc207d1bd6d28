from rasa.core.lock_store import InMemoryLockStore

from channels.slack_events import BUSY, DONE, NEW, MemoryLedger, ledger_for


async def test_an_event_is_done_only_once_handled():
    ledger = MemoryLedger()
    assert await ledger.claim("Ev1") == NEW
    assert await ledger.claim("Ev1") == BUSY  # a retry while the first is being answered
    await ledger.finish("Ev1")
    assert await ledger.claim("Ev1") == DONE


async def test_a_failed_event_is_taken_again():
    ledger = MemoryLedger()
    assert await ledger.claim("Ev2") == NEW
    await ledger.release("Ev2")
    assert await ledger.claim("Ev2") == NEW


async def test_without_the_redis_lock_store_retries_are_told_apart_without_redis():
    # `make run`: Rasa's in-memory lock store, or none at all.
    for lock_store in (None, InMemoryLockStore()):
        ledger = ledger_for(lock_store)
        assert await ledger.claim("Ev3") == NEW
        assert await ledger.claim("Ev3") == BUSY
