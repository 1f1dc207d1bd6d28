"""QR codes of the setup links, drawn here (segno, pure Python): the link, which opens the
customer's settings, never goes to an outside image service."""

import io

import segno

SCALE = 8  # pixels per module: sharp on a computer screen for a phone camera
BORDER = 4  # the quiet zone the QR standard asks for


def qr_png(text: str) -> bytes:
    buffer = io.BytesIO()
    # Level M survives a smudged or glaring screen; the links are short enough for it.
    segno.make_qr(text, error="m").save(buffer, kind="png", scale=SCALE, border=BORDER)
    return buffer.getvalue()
