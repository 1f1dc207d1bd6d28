"""The widget bundle the page loads: rasa-webchat's, minus the stylesheet imports of a
third-party font (fonts.googleapis.com would receive every visitor's IP address). The page
sets a system font instead.

usage: python scripts/widget_bundle.py <rasa-webchat lib/index.js> <out.js>
"""

import re
import sys
from pathlib import Path

REMOTE_IMPORT = re.compile(r"@import url\(https?://[^)]*\);?")


def without_remote_imports(bundle: str) -> str:
    stripped = REMOTE_IMPORT.sub("", bundle)
    if "fonts.googleapis.com" in stripped:
        raise SystemExit("the widget bundle still loads a remote font: update REMOTE_IMPORT")
    return stripped


if __name__ == "__main__":
    source, out = (Path(arg) for arg in sys.argv[1:3])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(without_remote_imports(source.read_text(encoding="utf-8")), encoding="utf-8")
