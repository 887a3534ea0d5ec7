"""Image files made in memory, for uploads."""

import io

from PIL import Image


def gif(size=(40, 30)):
    """A whole, valid GIF of ``size``: its bytes."""
    buffer = io.BytesIO()
    Image.new("P", size).save(buffer, "GIF")
    return buffer.getvalue()
