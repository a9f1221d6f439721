"""What moves a workplace's work generation on (generation.py): a write to a row its figures count, by any
service, command or admin page. Connected in InsightsConfig.ready.

Writes that send no signal (a queryset's update, a bulk create) are not seen here; the kept figures are
counted again at the latest after ``kept.WORKPLACE_KEPT_FOR`` and every day, and say when they were counted.
"""

from django.db.models.signals import post_delete, post_save

from frontloeber.actions.models import Barrier, BarrierChange
from frontloeber.competences.models import LearningActivity, Signup, Skill
from frontloeber.experiments.models import (
    AdoptionPlan,
    Case,
    Checkpoint,
    Experiment,
    SafetyReview,
    SuccessCriterion,
)
from frontloeber.ideas.models import Idea, IdeaEvent, Support
from frontloeber.organisations.models import CoreTaskRevision, Membership, Workplace
from frontloeber.workshops.models import SessionOutput

from .generation import work_changed

COUNTED = (
    Idea, IdeaEvent, Support, SessionOutput, Experiment, SuccessCriterion, SafetyReview, AdoptionPlan,
    Checkpoint, Case, Barrier, BarrierChange, Skill, LearningActivity, Signup, Membership, CoreTaskRevision,
)  # fmt: skip


def _changed(sender, instance, **kwargs):
    workplace_id = instance.pk if isinstance(instance, Workplace) else instance.workplace_id
    if workplace_id is not None:
        work_changed(workplace_id=workplace_id)


def connect():
    for model in (*COUNTED, Workplace):
        post_save.connect(_changed, sender=model, dispatch_uid=f"insights-{model.__name__}-saved")
    # Deleting a workplace deletes its rows: no receiver for those (Django would load each to tell it).
    for model in (Idea, Support, Experiment, Barrier, LearningActivity, Signup, Membership):
        post_delete.connect(_changed, sender=model, dispatch_uid=f"insights-{model.__name__}-deleted")
