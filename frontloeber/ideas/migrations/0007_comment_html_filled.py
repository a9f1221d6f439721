"""Every stored comment gets its HTML (0006 added the column), a thousand at a time, so a long history never
sits in memory at once. Rendered by the same function as a new comment; going back, 0006 drops the column."""

from django.db import migrations

BATCH = 1000


def fill(apps, schema_editor):
    from frontloeber.core.markdown import render

    Comment = apps.get_model("ideas", "Comment")
    last = 0
    while True:
        batch = list(Comment.objects.filter(pk__gt=last, body_html="").order_by("pk").only("pk", "body")[:BATCH])
        if not batch:
            return
        for comment in batch:
            comment.body_html = str(render(comment.body))
        Comment.objects.bulk_update(batch, ["body_html"])
        last = batch[-1].pk


class Migration(migrations.Migration):
    dependencies = [("ideas", "0006_comment_html")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
