"""Reads for the question bank."""

from django.db.models import Prefetch

from .models import Item, Practice, QuestionBankVersion, ReflectionQuestion


def current_version():
    return QuestionBankVersion.objects.order_by("-number").first()


def practices_with_items(*, version):
    """The version's five practices with their items and reflection questions, in three queries."""
    return list(
        Practice.objects.filter(version=version)
        .prefetch_related(
            Prefetch("items", queryset=Item.objects.order_by("position")),
            Prefetch("reflection_questions", queryset=ReflectionQuestion.objects.order_by("position")),
        )
        .order_by("position")
    )
