"""Talking to the bot's socket.io channel as the widget does."""

import contextlib
from typing import Any, AsyncIterator, Callable, Dict, List, Tuple

import socketio


@contextlib.asynccontextmanager
async def connected(
    rasa_port: int,
) -> AsyncIterator[Tuple[socketio.AsyncClient, List[Dict[str, Any]]]]:
    client = socketio.AsyncClient()
    replies: List[Dict[str, Any]] = []
    client.on("bot_uttered", replies.append)
    # Long polling: the websocket transport of this python-engineio needs a newer aiohttp
    # than Rasa 3.6 allows (the browser test covers websockets).
    await client.connect(
        f"http://localhost:{rasa_port}", socketio_path="/socket.io/", transports=["polling"]
    )
    try:
        yield client, replies
    finally:
        await client.disconnect()


async def wait_until(
    client: socketio.AsyncClient, done: Callable[[], bool], seconds: float = 30
) -> None:
    for _ in range(int(seconds * 10)):
        if done():
            return
        await client.sleep(0.1)


async def socketio_say(
    stack, session_id: str, text: str, settle: float = 0.3
) -> List[Dict[str, Any]]:
    """One message on a session of its own; the replies once no more arrive for `settle` s."""
    async with connected(stack.rasa_port) as (client, replies):
        await client.emit("session_request", {"session_id": session_id})
        await client.emit("user_uttered", {"message": text, "session_id": session_id})
        await wait_until(client, lambda: replies)
        count = 0
        while count != len(replies):
            count = len(replies)
            await client.sleep(settle)
    return replies
