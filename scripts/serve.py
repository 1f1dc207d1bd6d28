"""`rasa` as the command line gives it, plus Rasa's HTTP API behind the token in
RASA_API_TOKEN: the token is added to the arguments inside this process, so it never
appears on a command line (`ps` shows every process's arguments to every user).

A new model sent to Rasa's `PUT /model` (what `make train` does, scripts/swap_model.py) loads
in a thread, and answers one message there to build its TensorFlow graph, while the server
goes on answering with the old model; Rasa's own handler loads it on the event loop, which
holds every conversation for the whole load.

usage: RASA_API_TOKEN=... python -m scripts.serve run -m models/helpdesk.tar.gz ...
"""

import asyncio
import os
import sys
from typing import Any, List, Optional

import rasa.server
from rasa.__main__ import main
from rasa.core.agent import Agent

WARM_UP_MESSAGE = "dobrý den"
_load_agent_on_the_loop = rasa.server._load_agent


async def load_agent_in_a_thread(
    model_path: Optional[str] = None,
    model_server: Any = None,
    remote_storage: Optional[str] = None,
    endpoints: Any = None,
) -> Agent:
    def load() -> Agent:
        async def loaded() -> Agent:
            agent = await _load_agent_on_the_loop(
                model_path, model_server, remote_storage, endpoints
            )
            await agent.parse_message(WARM_UP_MESSAGE)
            return agent

        return asyncio.run(loaded())

    if endpoints is not None and endpoints.event_broker:  # a broker lives on its creator's loop
        return await _load_agent_on_the_loop(model_path, model_server, remote_storage, endpoints)
    return await asyncio.get_running_loop().run_in_executor(None, load)


def api_arguments(token: str) -> List[str]:
    """Rasa's HTTP API behind `token`, as one argument: a token that starts with "-" (one in
    64 of `secrets.token_urlsafe`) would otherwise read as an option of its own."""
    return ["--enable-api", f"--auth-token={token}"] if token else []


if __name__ == "__main__":
    rasa.server._load_agent = load_agent_in_a_thread
    sys.argv += api_arguments(os.environ.pop("RASA_API_TOKEN", ""))
    main()
