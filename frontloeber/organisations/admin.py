from django.contrib import admin

from .models import Invitation, Membership, Organisation, OrganisationAdmin, Workplace


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
