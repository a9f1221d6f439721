"""The two kinds of tenant row every app's models are made of (issue 15, point 3).

``WorkplaceRow``: data of one workplace (an idea, an experiment, a survey answer). It carries the
organisation and the workplace, and saving it takes the organisation from the workplace, whatever the
caller passed: neither database can check a row's organisation against its workplace's across two tables,
so the save path makes a mismatch impossible and ``demo/tests/test_tenant_rows.py`` reads every row of the
demo for one. ``bulk_create`` bypasses ``save``: the services that use it build the rows from a workplace or
a parent row, and that test covers them too.

``OrganisationRow``: data shared by the whole organisation (tags, skills, skill profiles and ratings, the
organisation's e-mail domains and administrators).

Both read with ``Model.objects.of(workplace)`` / ``.of(organisation)``, which filters on the organisation
first, as every tenant index begins with it. ``tenant_index(*fields)`` is the usual composite index of a
workplace row, (organisation, workplace, *fields); a test checks every workplace row has one.

The foreign keys' defaults are the common case (the organisation protected and without a single-column
index, since every tenant index leads with it; the workplace cascading). A model that needs another
``related_name`` or ``on_delete`` redeclares the field.
"""

from django.db import models
from django.utils import timezone


class OrganisationRowQuerySet(models.QuerySet):
    def of(self, organisation):
        return self.filter(organisation_id=organisation.pk)


class WorkplaceRowQuerySet(models.QuerySet):
    def of(self, workplace):
        return self.filter(organisation_id=workplace.organisation_id, workplace_id=workplace.pk)


class ChangeTracked(models.Model):
    """A row whose last change the API reports (issue 20: ``updated_since`` and its cursors): every ``save``
    stamps ``updated_at``, also one of a few fields. A service changing such a row with ``QuerySet.update``
    passes ``updated_at`` itself."""

    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.updated_at = timezone.now()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "updated_at" not in update_fields:
            kwargs["update_fields"] = [*update_fields, "updated_at"]
        super().save(*args, **kwargs)

    save.alters_data = True


class RevocableTokenQuerySet(OrganisationRowQuerySet):
    def usable(self, now=None):
        return self.filter(revoked_at__isnull=True, expires_at__gt=now or timezone.now())


class RevocableToken:
    """What a bearer token of an organisation (SCIM, the API) says of itself: it needs ``revoked_at`` and
    ``expires_at``; ``RevocableTokenQuerySet.usable`` finds the same ones in the database."""

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()

    @property
    def is_usable(self):
        return not self.is_revoked and not self.is_expired


def tenant_index(*fields, **options):
    """The composite index of a workplace row: organisation, workplace, then ``fields``."""
    return models.Index(fields=["organisation", "workplace", *fields], **options)


class OrganisationRow(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+", db_index=False
    )

    objects = OrganisationRowQuerySet.as_manager()

    class Meta:
        abstract = True


class WorkplaceRow(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+", db_index=False
    )
    workplace = models.ForeignKey("organisations.Workplace", on_delete=models.CASCADE, related_name="+")

    objects = WorkplaceRowQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self._take_organisation_from_workplace(kwargs.get("update_fields"))
        super().save(*args, **kwargs)

    save.alters_data = True

    def _take_organisation_from_workplace(self, update_fields):
        if self.workplace_id is None:
            return
        if update_fields is not None and not {"workplace", "organisation"} & set(update_fields):
            return
        known = self._known_organisation_id()
        if known is not None:
            self.organisation_id = known
        elif self._state.adding:  # a new row given only the workplace's id: one query to be sure
            workplaces = self._meta.get_field("workplace").related_model.objects.values_list(
                "organisation_id", flat=True
            )
            self.organisation_id = workplaces.get(pk=self.workplace_id)
        # A stored row whose workplace was not assigned anew keeps the organisation it was stored with.

    def _known_organisation_id(self):
        """The workplace's organisation without a query: from the workplace itself, or from a row of the
        same workplace this one belongs to (an event's idea, an entry's experiment)."""
        workplace = self._meta.get_field("workplace")
        if workplace.is_cached(self):
            cached = workplace.get_cached_value(self)
            if cached is not None and cached.pk == self.workplace_id:
                return cached.organisation_id
        for field in _parent_fields(type(self)):
            parent = field.get_cached_value(self) if field.is_cached(self) else None
            if parent is not None and parent.workplace_id == self.workplace_id and parent.organisation_id:
                return parent.organisation_id
        return None


_PARENT_FIELDS = {}


def _parent_fields(model):
    """The foreign keys of ``model`` to other workplace rows."""
    if model not in _PARENT_FIELDS:
        _PARENT_FIELDS[model] = [
            field
            for field in model._meta.concrete_fields
            if field.many_to_one
            and field.name not in ("workplace", "organisation")
            and isinstance(field.related_model, type)
            and issubclass(field.related_model, WorkplaceRow)
        ]
    return _PARENT_FIELDS[model]
