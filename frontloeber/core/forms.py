from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.utils.translation import gettext as _

# A date input takes ISO dates whatever the language; Danish formatting would leave it empty.
DATE_INPUT = {"format": "%Y-%m-%d", "attrs": {"type": "date"}}
DATETIME_INPUT = {"format": "%Y-%m-%dT%H:%M", "attrs": {"type": "datetime-local"}}


def member_choices(members, empty=None):
    """Members as (user id, name) choices, with an optional empty first choice."""
    return ([("", empty)] if empty else []) + [(m.user_id, str(m.user)) for m in members]


def apply_validation_error(form, error: ValidationError):
    """Show a service's ValidationError on the form: field errors on their fields, the rest on top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
    return form


def error_text(error: ValidationError | PermissionDenied) -> str:
    """A refusal from a service as one sentence for a message on the page."""
    if isinstance(error, PermissionDenied):
        return str(error) or _("Your role in this workplace does not allow this.")
    return " ".join(error.messages)


__all__ = ["apply_validation_error", "error_text", "NON_FIELD_ERRORS"]
