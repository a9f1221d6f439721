"""Read-only views for support staff. Every change goes through the product's pages and services, which keep
the history, counters, search index and notifications right."""

from django.contrib import admin

from .models import Challenge, Idea, Tag


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Challenge)
class ChallengeAdmin(ReadOnlyAdmin):
    list_display = ["title", "workplace", "opens_on", "closes_on"]
    list_filter = ["workplace__organisation"]
    search_fields = ["title"]


@admin.register(Idea)
class IdeaAdmin(ReadOnlyAdmin):
    list_display = ["title", "workplace", "status", "created_at", "support_count", "comment_count"]
    list_filter = ["status", "workplace__organisation"]
    search_fields = ["title"]
    list_select_related = ["workplace"]


@admin.register(Tag)
class TagAdmin(ReadOnlyAdmin):
    list_display = ["name", "organisation"]
    search_fields = ["name"]
