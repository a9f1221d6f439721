from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from .models import DomainClaim, Invitation, Membership, Organisation, OrganisationAdmin, Workplace
from .services import domain_claim_decide


@admin.register(Organisation)
class OrganisationModelAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]


@admin.register(Workplace)
class WorkplaceAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "sector"]
    list_filter = ["sector"]
    search_fields = ["name"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "workplace", "role"]
    list_filter = ["role"]
    raw_id_fields = ["user", "workplace", "organisation"]


@admin.register(OrganisationAdmin)
class OrganisationAdminAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation"]
    raw_id_fields = ["user", "organisation"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "workplace", "role", "created_at", "expires_at", "accepted_at", "revoked_at"]
    list_filter = ["role"]
    search_fields = ["email"]
    raw_id_fields = ["invited_by", "accepted_by", "workplace", "organisation"]


@admin.register(DomainClaim)
class DomainClaimAdmin(admin.ModelAdmin):
    """Where a platform operator decides an admin's claim to a domain another organisation holds."""

    list_display = ["domain", "organisation", "claimed_by", "created_at", "decided_at", "moved"]
    list_filter = ["moved"]
    search_fields = ["domain"]
    readonly_fields = [
        "organisation",
        "domain",
        "claimed_by",
        "created_at",
        "decided_at",
        "decided_by",
        "moved",
    ]
    actions = ["move_domain", "refuse_claim"]

    def has_add_permission(self, request):
        return False

    def _decide(self, request, queryset, *, move):
        for claim in queryset:
            try:
                domain_claim_decide(operator=request.user, claim=claim, move=move)
            except (PermissionDenied, ValidationError) as error:
                self.message_user(
                    request,
                    f"{claim.domain}: {' '.join(getattr(error, 'messages', [str(error)]))}",
                    messages.ERROR,
                )

    @admin.action(description=_("Move the domain to the claiming organisation"))
    def move_domain(self, request, queryset):
        self._decide(request, queryset, move=True)

    @admin.action(description=_("Refuse the claim"))
    def refuse_claim(self, request, queryset):
        self._decide(request, queryset, move=False)
