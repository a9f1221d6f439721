import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frontloeber.organisations.rows import WorkplaceRow, tenant_index


class SharedDevice(WorkplaceRow):
    """A device a workplace's leader marked as shared (issue 21, point 4): the kindergarten's iPad. The
    device itself holds only a signed cookie with ``key``; forgetting the device deletes this row, and the
    cookie then stands for nothing."""

    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    label = models.CharField(_("name of the device"), max_length=80, blank=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("shared device")
        verbose_name_plural = _("shared devices")
        ordering = ["marked_at", "pk"]
        indexes = [tenant_index("marked_at", name="shared_device_workplace")]

    def __str__(self):
        return self.label or str(self.key)[:8]
