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


def test_without_the_redis_lock_store_the_ledger_is_in_memory():
    assert isinstance(ledger_for(None), MemoryLedger)
