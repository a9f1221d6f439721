"""A second pair of eyes on the safety check (issue 17, point 6).

When an experiment touches personal data or citizens who cannot easily consent, the organisation's data
protection adviser reviews its answers; when it needs the IT department, its IT security contact does (where
nobody is named for the role, its admins). Each review is of one version of the answers and the plan: a
change asks again. The experiment starts once every review it needs has approved its current version; where
none is needed, the leader's confirmation is enough, as before.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from frontloeber.core.text import clean_text
from frontloeber.notifications.models import Audience
from frontloeber.notifications.services import notification_create
from frontloeber.organisations.models import Role
from frontloeber.organisations.selectors import may_review_safety, safety_reviewers

from ..models import TEXT_MAX, ExperimentState, ReviewState, SafetyReview
from ..notification_kinds import Kind
from ..selectors import own_leadership_ids
from .base import _lock


def _yes_no(value):
    return _("Yes") if value else _("No")


def safety_snapshot(experiment):
    """What a reviewer sees and approves, as (question, answer) pairs in the active language: the plan's
    essentials and the safety answers."""
    participants = ", ".join(p.full_name or p.email for p in experiment.participants.all()) or "–"
    rows = [
        (_("Idea"), experiment.idea.title),
        (_("Workplace"), experiment.workplace.name),
        (_("Hypothesis"), experiment.hypothesis),
        (
            _("Period"),
            f"{formats.date_format(experiment.starts_on)} – {formats.date_format(experiment.ends_on)}",
        ),
        (_("Participants"), participants),
        (_("Equipment"), experiment.equipment or "–"),
        (_("Stop rule"), experiment.stop_rule),
        (_("Does it touch personal data?"), _yes_no(experiment.personal_data)),
    ]
    if experiment.personal_data:
        rows += [
            (_("Which personal data"), experiment.personal_data_which),
            (_("Legal basis"), experiment.legal_basis),
            (_("Data protection contact asked"), experiment.dpo_contact),
        ]
    rows.append(
        (_("Does it involve citizens who cannot easily consent?"), _yes_no(experiment.vulnerable_citizens))
    )
    if experiment.vulnerable_citizens:
        rows.append((_("How consent is handled"), experiment.consent_how))
    rows.append((_("Does it need the IT department?"), _yes_no(experiment.needs_it)))
    if experiment.needs_it:
        rows.append((_("What the IT department must do"), experiment.it_what))
    return [[question, answer] for question, answer in rows]


def _unchanged(experiment, snapshot):
    """The current version's reviews were asked about these very answers, for these roles, and none asked
    for changes: saving again without a change asks nobody again."""
    current = list(SafetyReview.objects.filter(experiment=experiment, version=experiment.safety_version))
    return (
        experiment.safety_version > 0
        and sorted(r.role for r in current) == sorted(experiment.safety_roles_needed)
        and all(
            r.answers == snapshot and r.state in (ReviewState.ASKED, ReviewState.APPROVED) for r in current
        )
        and current
    )


def _ask_for_review(experiment, *, actor):
    """The answers (or the plan) changed: a new version, the open reviews of older ones replaced, and each
    role the answers need asked again. Called with the experiment locked. Returns the new reviews.

    Saved without a change, the current version stands, with its approvals and the confirmation they
    gave."""
    if experiment.safety_answered and experiment.safety_roles_needed:
        snapshot = safety_snapshot(experiment)
        if _unchanged(experiment, snapshot):
            _confirm_if_all_approved(experiment)
            return []
    experiment.safety_version += 1
    experiment.save(update_fields=["safety_version"])
    SafetyReview.objects.filter(experiment=experiment, state=ReviewState.ASKED).update(
        state=ReviewState.SUPERSEDED
    )
    if not experiment.safety_answered:
        return []
    snapshot = safety_snapshot(experiment)
    leadership = own_leadership_ids(experiment)
    reviews = []
    for role in experiment.safety_roles_needed:
        review = SafetyReview.objects.create(
            workplace=experiment.workplace,
            experiment=experiment,
            role=role,
            version=experiment.safety_version,
            answers=snapshot,
        )
        reviews.append(review)
        notification_create(
            recipients=safety_reviewers(
                organisation_id=experiment.organisation_id, role=role, exclude_ids=leadership
            ),
            kind=Kind.SAFETY_REVIEW_ASKED,
            workplace=experiment.workplace,
            actor=actor,
            subject=experiment.idea,
            detail=experiment.workplace.name,
            target_url=reverse(
                "experiments:safety_review",
                kwargs={"org_slug": experiment.workplace.organisation.slug, "review_id": review.pk},
            ),
            audience=Audience.SAFETY_REVIEWERS,
        )
    return reviews


def safety_reviews_current(*, experiment):
    """The reviews of the experiment's current version, by role."""
    return {
        review.role: review
        for review in SafetyReview.objects.filter(experiment=experiment, version=experiment.safety_version)
    }


@transaction.atomic
def safety_review_decide(*, actor, review, approve: bool, comment="", now=None) -> SafetyReview:
    """The adviser or contact approves the version they were asked about, or asks for changes (with what to
    change). When the last review the experiment needs approves, its safety check is confirmed."""
    experiment = _lock(review.experiment)
    if not may_review_safety(
        user=actor,
        organisation_id=experiment.organisation_id,
        role=review.role,
        exclude_ids=own_leadership_ids(experiment),
    ):
        raise PermissionDenied(
            _(
                "Only the organisation's reviewers for this role can decide this, and never the experiment's "
                "own leadership."
            )
        )
    review = SafetyReview.objects.select_for_update().get(pk=review.pk)
    if review.state != ReviewState.ASKED or review.version != experiment.safety_version:
        raise ValidationError(
            _("This version of the safety check is decided already, or a newer one replaced it.")
        )
    if experiment.state != ExperimentState.PLANNED:
        raise ValidationError(
            _("The experiment has started or ended: its safety check can no longer change.")
        )
    errors = {}
    comment = clean_text(
        comment,
        field="comment",
        required=not approve,
        max_length=TEXT_MAX,
        errors=errors,
        required_message=_("Say what should change, so the leader can do it."),
    )
    if errors:
        raise ValidationError(errors)
    when = now or timezone.now()
    review.state = ReviewState.APPROVED if approve else ReviewState.CHANGES
    review.decided_by = actor
    review.decided_at = when
    review.comment = comment
    review.save(update_fields=["state", "decided_by", "decided_at", "comment"])
    if approve:
        _confirm_if_all_approved(experiment)
    _tell_the_experiment(experiment, review, actor=actor)
    return review


def _confirm_if_all_approved(experiment):
    """Every review the answers need has approved the current version: the safety check is confirmed, by
    the last of them."""
    current = safety_reviews_current(experiment=experiment)
    needed = experiment.safety_roles_needed
    if needed and all(role in current and current[role].state == ReviewState.APPROVED for role in needed):
        last = max((current[role] for role in needed), key=lambda review: review.decided_at)
        experiment.safety_confirmed_by_id = last.decided_by_id
        experiment.safety_confirmed_at = last.decided_at
        experiment.save(update_fields=["safety_confirmed_by", "safety_confirmed_at"])


@transaction.atomic
def experiment_safety_send(*, actor, experiment):
    """Send answers given before reviews existed (issue 17, point 6) to the reviewers they need: the
    experiment's page offers it where the answers need a reviewer and none has been asked."""
    from .. import permissions

    permissions.require_manage(user=actor, idea=experiment.idea)
    experiment = _lock(experiment)
    if experiment.state != ExperimentState.PLANNED or not experiment.safety_answered:
        raise ValidationError(_("Answer the safety check of a planned experiment first."))
    if not experiment.safety_roles_needed or safety_reviews_current(experiment=experiment):
        raise ValidationError(_("These answers need no reviewer, or the reviewers are asked already."))
    return _ask_for_review(experiment, actor=actor)


def _tell_the_experiment(experiment, review, *, actor):
    from frontloeber.organisations.models import Membership

    leaders = [
        m.user
        for m in Membership.objects.of(experiment.workplace).filter(role=Role.LEADER).select_related("user")
    ]
    notification_create(
        recipients=[*leaders, experiment.created_by, experiment.idea.responsible],
        kind=Kind.SAFETY_REVIEW_APPROVED
        if review.state == ReviewState.APPROVED
        else Kind.SAFETY_REVIEW_CHANGES,
        workplace=experiment.workplace,
        actor=actor,
        subject=experiment.idea,
        detail=review.comment,
        target_url=experiment.get_absolute_url(),
    )
