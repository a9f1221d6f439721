"""Many addresses of one kind on one page, each made without a reverse() of its own (one took ~0.1 ms:
a table of fifty rows with two links each spent 10 ms there)."""

from django.urls import reverse

_STAND_IN = 987654321987


def url_for_ids(name, id_name, **kwargs):
    """A function of an id giving the address of ``name`` with ``kwargs`` and that id as ``id_name``."""
    pattern = reverse(name, kwargs={**kwargs, id_name: _STAND_IN})
    before, _, after = pattern.rpartition(str(_STAND_IN))  # the id is the last part that can vary
    return lambda pk: f"{before}{pk}{after}"
