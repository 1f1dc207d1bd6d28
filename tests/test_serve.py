"""scripts/serve.py hands Rasa the API token as `rasa run`'s command line reads it."""

import argparse

import pytest
from rasa.cli.arguments.run import add_server_arguments

from scripts.serve import api_arguments


@pytest.mark.parametrize("token", ["abc123", "-v7Xq", "--looks-like-an-option"])
def test_the_token_reaches_rasa_whatever_it_starts_with(token):
    parser = argparse.ArgumentParser()
    add_server_arguments(parser)
    parsed = parser.parse_args(api_arguments(token))
    assert parsed.enable_api and parsed.auth_token == token


def test_no_token_no_api():
    assert api_arguments("") == []
