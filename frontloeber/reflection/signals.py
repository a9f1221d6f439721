"""What moves the roll-up's generation on (generation.py): every write to what its organisation-wide
figures rest on, whichever service, command or admin page makes it. Connected in ReflectionConfig.ready."""

from django.db.models.signals import post_delete, post_save

from frontloeber.organisations.models import MembershipChange, Organisation

from .generation import rollup_changed
from .models import Assessment, PracticeTotal, ReportShare, Response, Round


def _changed(sender, instance, **kwargs):
    organisation_id = instance.pk if isinstance(instance, Organisation) else instance.organisation_id
    rollup_changed(organisation_id=organisation_id)


def connect():
    # Rounds (created, closed early, sealed, removed), who answered, the totals kept at sealing, the
    # membership changes that withhold a round from an admin, and the organisation's threshold. Answers,
    # responses and totals go only with their round (a receiver for their deletion would make Django load
    # every one of them before deleting a workplace).
    # The practice views beside insights' figures (selectors/practice_views.py) also read the leader's own
    # assessment (saved with each change of its answers) and with whom a round is shared.
    for model in (Round, Response, PracticeTotal, MembershipChange, Organisation, Assessment, ReportShare):
        post_save.connect(_changed, sender=model, dispatch_uid=f"rollup-{model.__name__}-saved")
    for model in (Round, MembershipChange, ReportShare):
        post_delete.connect(_changed, sender=model, dispatch_uid=f"rollup-{model.__name__}-deleted")
