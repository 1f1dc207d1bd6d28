"""`rasa` as the command line gives it, plus Rasa's HTTP API behind the token in
RASA_API_TOKEN: the token is added to the arguments inside this process, so it never
appears on a command line (`ps` shows every process's arguments to every user).

usage: RASA_API_TOKEN=... python -m scripts.serve run -m models/helpdesk.tar.gz ...
"""

import os
import sys

from rasa.__main__ import main

if __name__ == "__main__":
    token = os.environ.pop("RASA_API_TOKEN", "")
    if token:
        sys.argv += ["--enable-api", "--auth-token", token]
    main()
