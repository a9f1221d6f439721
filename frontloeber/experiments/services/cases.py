from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.core.events import event_publish
from frontloeber.core.text import clean_text
from frontloeber.experiments.notification_kinds import Kind
from frontloeber.ideas import services as idea_services
from frontloeber.ideas.models import IdeaStatus, ValueAxis
from frontloeber.notifications.services import notification_create
from frontloeber.organisations.models import Membership
from frontloeber.organisations.permissions import require_leader

from ..models import (
    TEXT_MAX,
    Case,
    CaseTrial,
)
from .base import _lock_idea

# --- Cases -------------------------------------------------------------------------------------------


@transaction.atomic
def case_publish(*, actor, idea, summary, value_achieved, what_it_took, learnings, contact):
    """Publish an adopted idea to the organisation's case library."""
    require_leader(user=actor, workplace=idea.workplace)
    idea = _lock_idea(idea.pk)
    if idea.status != IdeaStatus.ADOPTED:
        raise ValidationError(_("Only an adopted idea can be published as a case."))
    if Case.objects.filter(idea=idea).exists():
        raise ValidationError(_("The idea is already published as a case."))
    errors = {}
    texts = {
        "summary": summary,
        "value_achieved": value_achieved,
        "what_it_took": what_it_took,
        "learnings": learnings,
    }
    fields = {
        name: clean_text(value, field=name, required=True, max_length=TEXT_MAX, errors=errors)
        for name, value in texts.items()
    }
    if contact is None or not Membership.objects.filter(workplace=idea.workplace, user=contact).exists():
        errors["contact"] = _("Choose a member of this workplace as the contact person.")
    if errors:
        raise ValidationError(errors)
    case = Case.objects.create(
        organisation_id=idea.organisation_id,
        workplace_id=idea.workplace_id,
        idea=idea,
        contact=contact,
        published_by=actor,
        **fields,
    )
    event_publish(kind="case.published", subject=case)
    return case


@transaction.atomic
def case_try_here(*, actor, case, workplace):
    """A leader of another workplace takes up a case: a linked idea starts there, in their name."""
    if workplace.organisation_id != case.organisation_id:
        raise PermissionDenied(_("Cases are shared within their organisation."))
    require_leader(user=actor, workplace=workplace)
    if workplace.pk == case.workplace_id:
        raise ValidationError(_("The case comes from this workplace already."))
    if CaseTrial.objects.filter(case=case, workplace=workplace).exists():
        raise ValidationError(_("Your workplace is already trying this case."))
    source = case.idea
    idea = idea_services.idea_create(
        actor=actor,
        workplace=workplace,
        title=source.title,
        need=source.need,
        description=_(
            "A draft to adapt to our workplace. Taken up from the case from %(workplace)s: %(summary)s"
        )
        % {"workplace": case.workplace.name, "summary": case.summary},
        values={axis.value: (getattr(source, f"value_{axis.value}"), "") for axis in ValueAxis},
        tag_names=[tag.name for tag in source.tags.all()],
    )
    try:
        with transaction.atomic():
            trial = CaseTrial.objects.create(
                organisation_id=case.organisation_id,
                workplace=workplace,
                case=case,
                idea=idea,
                created_by=actor,
            )
    except IntegrityError:
        raise ValidationError(_("Your workplace is already trying this case.")) from None
    Case.objects.filter(pk=case.pk).update(trial_count=F("trial_count") + 1, updated_at=timezone.now())
    notification_create(
        recipients=[case.contact],
        kind=Kind.CASE_TRIED,
        workplace=case.workplace,
        actor=actor,
        subject=source,
        detail=workplace.name,
    )
    return trial
