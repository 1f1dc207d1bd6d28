"""Sanic 21.12 (the version Rasa 3.6 pins) on Python 3.11: its websocket `recv` and
`recv_burst` pass a coroutine to `asyncio.wait`, which 3.11 refuses ("Passing coroutines is
forbidden, use tasks explicitly"), so every websocket (the widget's socket.io upgrade) broke.
Fixed upstream in later Sanic releases (sanic-org/sanic#2377), which Rasa 3.6 does not allow;
here the module's `asyncio.wait` wraps each awaitable in a task first. Nothing changes on 3.10.
"""

import asyncio
import sys
import types
from typing import Any, Iterable


def _wait(awaitables: Iterable[Any], *args: Any, **kwargs: Any) -> Any:
    return asyncio.wait([asyncio.ensure_future(a) for a in awaitables], *args, **kwargs)


def patch() -> None:
    if sys.version_info < (3, 11):
        return
    from sanic.server.websockets import impl

    if getattr(impl.asyncio, "wait", None) is _wait:
        return  # patched already
    shim = types.ModuleType("asyncio_tasks_only")
    shim.__dict__.update({k: v for k, v in vars(asyncio).items() if not k.startswith("__")})
    shim.wait = _wait
    impl.asyncio = shim


patch()
