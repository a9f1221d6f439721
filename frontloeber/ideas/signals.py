"""Receivers, so the apps below ideas do not depend on it: leaving a workplace means the person stops
following its ideas (organisations), and an idea deleted takes its notifications with it (notifications
point at their subject by label and id, not by a foreign key that would cascade)."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from frontloeber.notifications.services import notification_subject_deleted
from frontloeber.organisations.models import Membership, Organisation, Workplace

from .models import Follow, Idea


@receiver(post_delete, sender=Membership, dispatch_uid="ideas.unfollow_on_leaving")
def unfollow_on_leaving(sender, instance, **kwargs):
    Follow.objects.filter(workplace_id=instance.workplace_id, user_id=instance.user_id).delete()


@receiver(post_delete, sender=Idea, dispatch_uid="ideas.notifications_go_with_the_idea")
def notifications_go_with_the_idea(sender, instance, origin=None, **kwargs):
    # When a whole workplace or organisation is deleted its notifications go with it by their own foreign
    # key: a DELETE per idea on top would grow with the ideas for nothing.
    origin_model = getattr(origin, "model", type(origin))
    if origin_model in (Workplace, Organisation):
        return
    notification_subject_deleted(subject=instance)
