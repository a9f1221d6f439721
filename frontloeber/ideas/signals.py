"""What leaving a workplace means for its ideas: the person stops following them.

A receiver rather than a call from organisations.services, so the organisations app does not depend on the
apps built on top of it.
"""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from frontloeber.organisations.models import Membership

from .models import Follow


@receiver(post_delete, sender=Membership, dispatch_uid="ideas.unfollow_on_leaving")
def unfollow_on_leaving(sender, instance, **kwargs):
    Follow.objects.filter(workplace_id=instance.workplace_id, user_id=instance.user_id).delete()
