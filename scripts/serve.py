"""`rasa` as the command line gives it, plus Rasa's HTTP API behind the token in
RASA_API_TOKEN: the token is added to the arguments inside this process, so it never
appears on a command line (`ps` shows every process's arguments to every user).

A new model sent to Rasa's `PUT /model` (what `make train` does, scripts/swap_model.py) loads
in a thread, and answers one message there to build its TensorFlow graph, while the server
goes on answering with the old model; Rasa's own handler loads it on the event loop, which
holds every conversation for the whole load. The same for a model pulled from a model server
(`models:` in the endpoints: the staff console, console/models.py): Rasa's own pull loads it
on the event loop.

usage: RASA_API_TOKEN=... python -m scripts.serve run -m models/helpdesk.tar.gz ...
"""

import asyncio
import logging
import os
import sys
from typing import Any, List, Optional

import rasa.core.agent
import rasa.server
from rasa.__main__ import main
from rasa.core.agent import Agent
from rasa.core.channels.channel import UserMessage
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.core.processor import MessageProcessor
from rasa.utils.common import TempDirectoryPath, get_temp_dir_name

logger = logging.getLogger(__name__)

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


async def update_model_in_a_thread(model_server: Any, agent: Agent) -> None:
    """Rasa's pull from the model server, the new model loaded (and warmed up) in a thread."""
    with TempDirectoryPath(get_temp_dir_name()) as directory:
        try:
            fingerprint = await rasa.core.agent._pull_model_and_fingerprint(
                model_server, agent.fingerprint, directory
            )
            if fingerprint:
                await asyncio.get_running_loop().run_in_executor(
                    None, load_pulled_model, agent, directory, fingerprint
                )
                logger.info(f"Model {fingerprint} from the model server loaded.")
        except Exception:  # as Rasa's own pull: the previous model stays
            logger.exception("Failed to update model. The previous model will stay loaded.")


def load_pulled_model(agent: Agent, directory: str, fingerprint: str) -> None:
    """Agent.load_model, with the processor built (and warmed up) before it replaces the old
    one, which answers meanwhile."""
    processor = MessageProcessor(
        model_path=directory,
        tracker_store=agent.tracker_store,
        lock_store=agent.lock_store,
        action_endpoint=agent.action_endpoint,
        generator=agent.nlg,
        http_interpreter=agent.http_interpreter,
    )
    asyncio.run(processor.parse_message(UserMessage(WARM_UP_MESSAGE)))
    agent.processor, agent.domain = processor, processor.domain
    agent._set_fingerprint(fingerprint)
    agent.tracker_store.domain = agent.domain
    if isinstance(agent.nlg, TemplatedNaturalLanguageGenerator):
        agent.nlg.responses = agent.domain.responses if agent.domain else {}


def api_arguments(token: str) -> List[str]:
    """Rasa's HTTP API behind `token`, as one argument: a token that starts with "-" (one in
    64 of `secrets.token_urlsafe`) would otherwise read as an option of its own."""
    return ["--enable-api", f"--auth-token={token}"] if token else []


if __name__ == "__main__":
    rasa.server._load_agent = load_agent_in_a_thread
    rasa.core.agent._update_model_from_server = update_model_in_a_thread
    sys.argv += api_arguments(os.environ.pop("RASA_API_TOKEN", ""))
    main()
