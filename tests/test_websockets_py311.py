"""Sanic's websocket receive on the interpreter running the tests (channels/websockets_py311.py):
what it waits on is a coroutine, which Python 3.11's asyncio.wait refuses unless wrapped."""

import asyncio

from sanic.server.websockets import impl

import channels.socketio  # noqa: F401  (the widget's channel applies the fix on import)


async def test_sanic_websocket_waits_on_a_coroutine_and_a_future():
    async def message():
        return "ahoj"

    cancel = asyncio.get_running_loop().create_future()
    done, pending = await impl.asyncio.wait(
        (cancel, message()), return_when=impl.asyncio.FIRST_COMPLETED
    )
    assert [task.result() for task in done] == ["ahoj"] and pending == {cancel}
