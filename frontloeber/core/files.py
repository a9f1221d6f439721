"""Files people uploaded, served only after the view's tenancy check: never as public media."""

from django.http import FileResponse, Http404


def private_file_response(field_file, content_type):
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(handle, content_type=content_type or "application/octet-stream")
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response
