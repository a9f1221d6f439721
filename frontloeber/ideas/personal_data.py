"""What ideas holds about a person: their data export, and what of theirs goes when they are erased."""

from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

from .models import Comment, Follow, Idea, Support


def ideas_personal_data(*, user):
    return {
        "ideer": list(
            Idea.objects.filter(author=user).values(
                "workplace__name", "title", "need", "description", "concerns", "status", "created_at"
            )
        ),
        "ideer_ansvarlig_for": list(
            Idea.objects.filter(responsible=user).values("workplace__name", "title", "status")
        ),
        "kommentarer": list(
            Comment.objects.filter(author=user).values("workplace__name", "idea__title", "body", "created_at")
        ),
        "stoetter": list(
            Support.objects.filter(user=user).values("workplace__name", "idea__title", "created_at")
        ),
        "foelger": list(
            Follow.objects.filter(user=user).values("workplace__name", "idea__title", "created_at")
        ),
    }


def _count(model):
    rows = (
        model.objects.filter(idea=OuterRef("pk"))
        .order_by()
        .values("idea")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def _built_on():
    """An idea that a row of another app points at: what was built on it, which the apps above know of."""
    condition = None
    for relation in Idea._meta.get_fields(include_hidden=True):
        if not (relation.auto_created and not relation.concrete) or relation.many_to_many:
            continue  # only the reverse side of another model's foreign key
        model = relation.related_model
        if model._meta.app_label == Idea._meta.app_label:
            continue
        exists = Exists(model._base_manager.filter(**{relation.field.name: OuterRef("pk")}))
        condition = exists if condition is None else condition | exists
    return condition


def ideas_erase(*, user, former, remove_contributions):
    """The person's supports go (they would with the account) and the ideas' counts follow. Where the admin
    chose it, their comments go too, and their ideas unless something was built on them (an experiment, a
    plan, a workshop: then the idea stays as the former employee's)."""
    touched = set(Support.objects.filter(user=user).values_list("idea_id", flat=True))
    Support.objects.filter(user=user).delete()
    if remove_contributions:
        touched |= set(Comment.objects.filter(author=user).values_list("idea_id", flat=True))
        Comment.objects.filter(author=user).delete()
        Idea.objects.filter(author=user).exclude(_built_on()).delete()
    Idea.objects.filter(pk__in=touched).update(support_count=_count(Support), comment_count=_count(Comment))
