"""Pictures people upload: checked by their content, re-encoded without metadata."""

import io
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
IMAGE_FORMATS = {"JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png"), "WEBP": ("webp", "image/webp")}


def clean_image(upload, *, field):
    """Check an upload is a real picture by its content, and re-encode it without its metadata (location,
    camera, names), which photos from a workplace must not carry."""
    name = upload.name[:80]
    if upload.size > MAX_IMAGE_BYTES:
        raise ValidationError({field: _("%(name)s is larger than 5 MB.") % {"name": name}})
    unreadable = ValidationError(
        {field: _("%(name)s is not a picture we can read. Use JPEG, PNG or WebP.") % {"name": name}}
    )
    try:
        upload.seek(0)
        # Only these decoders run on people's files; Pillow's other plugins never see them.
        Image.open(upload, formats=list(IMAGE_FORMATS)).verify()
        upload.seek(0)
        image = Image.open(upload, formats=list(IMAGE_FORMATS))
        # A small file can unpack to a huge picture; refuse before decoding it into memory.
        if image.width * image.height > MAX_IMAGE_PIXELS:
            raise ValidationError(
                {
                    field: _("%(name)s has too many pixels; use a picture of at most 40 megapixels.")
                    % {"name": name}
                }
            )
        fmt = image.format
        image.load()
        image = ImageOps.exif_transpose(image)
        if fmt == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        elif fmt != "JPEG" and image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            image = image.convert("RGBA")
        out = io.BytesIO()
        image.save(out, format=fmt, **({"quality": 85} if fmt == "JPEG" else {}))
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        TypeError,
        Image.DecompressionBombError,
    ):
        raise unreadable from None
    extension, content_type = IMAGE_FORMATS[fmt]
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.{extension}"), content_type
