from django.contrib import admin

from .models import Challenge, Idea, Tag


@admin.register(Challenge)
class ChallengeAdmin(admin.ModelAdmin):
    list_display = ["title", "workplace", "opens_on", "closes_on"]
    list_filter = ["workplace__organisation"]
    search_fields = ["title"]


@admin.register(Idea)
class IdeaAdmin(admin.ModelAdmin):
    list_display = ["title", "workplace", "status", "created_at", "support_count", "comment_count"]
    list_filter = ["status", "workplace__organisation"]
    search_fields = ["title"]
    raw_id_fields = ["author", "responsible", "challenge", "merged_into"]
    readonly_fields = ["search_text"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation"]
    search_fields = ["name"]
