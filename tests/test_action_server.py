"""The action server registers exactly the custom actions the domain declares."""

import yaml
from conftest import ROOT
from rasa_sdk.executor import ActionExecutor


def test_every_domain_action_is_registered_and_nothing_else():
    executor = ActionExecutor()
    executor.register_package("actions")
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    assert set(executor.actions) == set(domain["actions"])
