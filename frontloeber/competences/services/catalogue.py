from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.core.text import clean_text
from frontloeber.organisations.permissions import require_administer, require_leader

from ..catalogue import SUGGESTED
from ..models import (
    DESCRIPTION_MAX,
    NAME_MAX,
    Skill,
    SkillArea,
)

# --- The catalogue ----------------------------------------------------------------------------------------


@transaction.atomic
def catalogue_start(*, actor, workplace) -> list[Skill]:
    """Give an organisation with no catalogue the suggested skills, in Danish and English: each person reads
    them in their own language, whoever installed them."""
    require_leader(user=actor, workplace=workplace)
    organisation = type(workplace.organisation).objects.select_for_update().get(pk=workplace.organisation_id)
    if Skill.objects.filter(organisation=organisation, workplace__isnull=True).exists():
        raise ValidationError(_("The organisation already has a skills catalogue."))
    return Skill.objects.bulk_create(
        Skill(
            organisation=organisation,
            area=area,
            name=name_da,
            description=about_da,
            name_en=name_en,
            description_en=about_en,
            created_by=actor,
        )
        for area, name_da, name_en, about_da, about_en in SUGGESTED
    )


def _clean_skill(*, organisation, workplace, area, name, description):
    errors = {}
    if area not in SkillArea.values:
        errors["area"] = _("Choose the area the skill belongs to.")
    name = clean_text(
        name,
        field="name",
        required=True,
        max_length=NAME_MAX,
        errors=errors,
        required_message=_("Name the skill."),
    )
    description = clean_text(
        description, field="description", required=False, max_length=DESCRIPTION_MAX, errors=errors
    )
    if name and "name" not in errors:
        # In Python: SQLite's case-insensitive match knows only ASCII, so "ÆØÅ" would slip past it.
        alive = Skill.objects.filter(organisation=organisation, retired_at__isnull=True)
        if workplace is not None:
            alive = alive.filter(Q(workplace__isnull=True) | Q(workplace=workplace))
        if name.casefold() in {other.casefold() for other in alive.values_list("name", flat=True)}:
            errors["name"] = _("There is already a skill with this name.")
    if errors:
        raise ValidationError(errors)
    return name, description


@transaction.atomic
def skill_add(*, actor, workplace, area, name, description="", for_organisation=False) -> Skill:
    """A leader adds a skill that matters at their workplace; an organisation admin one for everybody."""
    if for_organisation:
        require_administer(user=actor, organisation=workplace.organisation)
    else:
        require_leader(user=actor, workplace=workplace)
    owner = None if for_organisation else workplace
    name, description = _clean_skill(
        organisation=workplace.organisation, workplace=owner, area=area, name=name, description=description
    )
    try:
        with transaction.atomic():
            return Skill.objects.create(
                organisation_id=workplace.organisation_id,
                workplace=owner,
                area=area,
                name=name,
                description=description,
                created_by=actor,
            )
    except IntegrityError:  # a retired skill of the same name: bring it back instead
        skill = Skill.objects.get(organisation_id=workplace.organisation_id, workplace=owner, name=name)
        skill.retired_at, skill.area, skill.description = None, area, description
        skill.save(update_fields=["retired_at", "area", "description"])
        return skill


@transaction.atomic
def skill_retire(*, actor, workplace, skill) -> Skill:
    """Take a skill off the rating form and the map; its ratings and history are kept."""
    if skill.workplace_id is None:
        require_administer(user=actor, organisation=workplace.organisation)
    else:
        require_leader(user=actor, workplace=workplace)
        if skill.workplace_id != workplace.pk:
            raise PermissionDenied(_("Only the workplace's own skills can be removed here."))
    skill.retired_at = timezone.now()
    skill.save(update_fields=["retired_at"])
    return skill
