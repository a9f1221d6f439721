"""A person's data: everything the product holds about them, as a ZIP (art. 15), and the erasure of their
account (art. 17). Each app says what it holds through ``registry.personal_data`` and ``registry.erasure``;
who may erase whom, and the record of it, belong to organisations, which calls ``account_erase``."""

import csv
import io
import json
import zipfile

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from . import registry
from .models import FORMER_PERSON_EMAIL, FORMER_PERSON_NAME, SignIn, User

README = """Dine data i Frontløber / Your data in Frontløber
=================================================

Dansk
-----
Denne fil er alt, hvad Frontløber har om dig den {date}: en JSON-fil og en CSV-fil (semikolon, UTF-8,
som dansk Excel læser dem) for hver slags oplysning. Filerne er:

{files}

Dine svar i refleksionsundersøgelsen er ikke med. Intet i Frontløber forbinder et svar med den, der gav
det: svarene gemmes uden navn, så de kan hverken vises, udleveres eller slettes for dig alene.
Spørgsmål om dine data: kontakt din organisations databeskyttelsesrådgiver.

English
-------
This file is everything Frontløber holds about you on {date}: a JSON file and a CSV file (semicolons,
UTF-8, as Danish Excel reads them) for each kind of data. The files are listed above.

Your answers to the reflection survey are not included. Nothing in Frontløber links an answer to the person
who gave it: answers are stored without a name, so they can be neither shown, handed out nor erased for you
alone. Questions about your data: ask your organisation's data protection adviser.
"""


def personal_data_files(*, user) -> dict[str, list[dict]]:
    files = {}
    for part in registry.personal_data:
        files.update(part(user=user))
    return dict(sorted(files.items()))


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, str):
        # A cell Excel would read as a formula is written as text.
        return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, cls=DjangoJSONEncoder)
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _csv(rows) -> bytes:
    out = io.StringIO()
    columns = list(dict.fromkeys(key for row in rows for key in row))
    writer = csv.writer(out, delimiter=";")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def personal_data_zip(*, user, now=None) -> bytes:
    """The ZIP of the person's data: per kind a ``.json`` and a ``.csv``, and a readme in Danish and
    English that lists the files and says why survey answers are not among them."""
    now = now or timezone.now()
    files = personal_data_files(user=user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        listing = "\n".join(f"- {name}.json / {name}.csv ({len(rows)})" for name, rows in files.items())
        archive.writestr("LAES-MIG_README.txt", README.format(date=now.date().isoformat(), files=listing))
        for name, rows in files.items():
            archive.writestr(
                f"{name}.json", json.dumps(rows, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder)
            )
            archive.writestr(f"{name}.csv", _csv(rows))
    for told in registry.personal_data_exported:
        told(user=user, now=now)
    return buffer.getvalue()


def account_personal_data(*, user):
    """What accounts holds: the profile and the sign-ins."""
    return {
        "profil": [
            {
                "navn": user.full_name,
                "e-mail": user.email,
                "oprettet": user.date_joined,
                "sidst_logget_ind": user.last_login,
                "aktiv": user.is_active,
            }
        ],
        "logins": list(SignIn.objects.filter(user=user).values("at", "method")),
    }


def former_person():
    """The former-employee account (see ``FORMER_PERSON_EMAIL``), made the first time it is needed."""
    former, created = User.objects.get_or_create(
        email=FORMER_PERSON_EMAIL, defaults={"full_name": FORMER_PERSON_NAME, "is_active": False}
    )
    if created:
        former.set_unusable_password()
        former.save(update_fields=["password"])
    return former


def protected_references():
    """Every (model, field) that points at a person with ``on_delete=PROTECT``: what a person wrote that the
    workplace keeps (an idea, a comment, a survey round they led) and so cannot go with the account."""
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if (
                field.is_relation
                and field.many_to_one
                and field.related_model is User
                and field.remote_field.on_delete is models.PROTECT
            ):
                yield model, field


@transaction.atomic
def account_erase(*, user, remove_contributions=False):
    """Deletes the person's account and personal data. What they wrote that the workplace keeps is handed to
    the former-employee account; the apps first remove what the admin chose to remove and rewrite names
    written into their rows. Afterwards no row anywhere points at the person."""
    if user.email == FORMER_PERSON_EMAIL:
        raise ValueError("The former-employee account is not a person.")
    former = former_person()
    for erase in registry.erasure:
        erase(user=user, former=former, remove_contributions=remove_contributions)
    for model, field in protected_references():
        model._base_manager.filter(**{field.name: user}).update(**{field.name: former})
    user.delete()
