"""Every idea a notification points at, with its title, into the subject columns of 0008; back again on
the way down."""

from django.db import migrations
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Left

IDEA = "ideas.idea"


def idea_to_subject(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    Idea = apps.get_model("ideas", "Idea")
    Notification.objects.filter(idea__isnull=False).update(
        subject_type=IDEA,
        subject_id=F("idea_id"),
        subject_title=Subquery(Idea.objects.filter(pk=OuterRef("idea_id")).values(title200=Left("title", 200))[:1]),
    )


def subject_to_idea(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    Idea = apps.get_model("ideas", "Idea")
    about_ideas = Notification.objects.filter(subject_type=IDEA)
    # The foreign key cascaded; a label and id do not, unless the ideas app deleted them: leave out any
    # notification whose idea is gone rather than fail on the constraint.
    about_ideas.exclude(subject_id__in=Idea.objects.values("pk")).delete()
    about_ideas.update(idea_id=F("subject_id"))


class Migration(migrations.Migration):
    dependencies = [
        ("ideas", "0003_tenant_rows"),
        ("notifications", "0008_notification_subject"),
    ]

    operations = [migrations.RunPython(idea_to_subject, subject_to_idea)]
