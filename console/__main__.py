"""`python -m console`: the staff console on CONSOLE_PORT (8090), CONSOLE_HOST (localhost),
editing the project in CONSOLE_PROJECT (this checkout by default)."""

import os
from pathlib import Path

from console.app import create_app, settings_from_environment

ROOT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    port = int(os.environ.get("CONSOLE_PORT", "8090"))
    host = os.environ.get("CONSOLE_HOST", "localhost")
    app = create_app(settings_from_environment(Path(os.environ.get("CONSOLE_PROJECT") or ROOT)))
    print(f"Konzole podpory: http://{host}:{port}/", flush=True)
    # No access log: it would be one more copy of the customers' conversation ids.
    app.run(host=host, port=port, access_log=False, motd=False)
