"""The idea–tag link becomes a model of its own (IdeaTag) on the same table, and carries the idea's
organisation and workplace: the board's tag filter then asks an index of (organisation, workplace, tag)
once per tag instead of visiting every idea of the workplace.

The table keeps its rows: the model is declared over it in the migration state only, the two columns are
added empty, filled from each row's idea in one UPDATE, and only then made required."""

import django.db.models.deletion
from django.db import migrations, models

FILL = (
    "UPDATE ideas_idea_tags SET"
    " organisation_id = (SELECT i.organisation_id FROM ideas_idea i WHERE i.id = ideas_idea_tags.idea_id),"
    " workplace_id = (SELECT i.workplace_id FROM ideas_idea i WHERE i.id = ideas_idea_tags.idea_id)"
)


class Migration(migrations.Migration):
    dependencies = [
        ("ideas", "0007_comment_html_filled"),
        ("organisations", "0005_invitation"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The table, its id, its two foreign keys with their indexes and its (idea, tag) uniqueness are
            # the ones the many-to-many field made: only Django's picture of them changes.
            state_operations=[
                migrations.CreateModel(
                    name="IdeaTag",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "idea",
                            models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="ideas.idea"),
                        ),
                        (
                            "tag",
                            models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="ideas.tag"),
                        ),
                    ],
                    options={"db_table": "ideas_idea_tags", "unique_together": {("idea", "tag")}},
                ),
                migrations.AlterField(
                    model_name="idea",
                    name="tags",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="ideas",
                        through="ideas.IdeaTag",
                        to="ideas.tag",
                        verbose_name="technology",
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.AddField(
            model_name="ideatag",
            name="organisation",
            field=models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="organisations.organisation",
            ),
        ),
        migrations.AddField(
            model_name="ideatag",
            name="workplace",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="organisations.workplace",
            ),
        ),
        migrations.RunSQL(FILL, reverse_sql=migrations.RunSQL.noop),
        migrations.AlterField(
            model_name="ideatag",
            name="organisation",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="organisations.organisation",
            ),
        ),
        migrations.AlterField(
            model_name="ideatag",
            name="workplace",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="organisations.workplace"
            ),
        ),
        migrations.AddIndex(
            model_name="ideatag",
            index=models.Index(
                fields=["organisation", "workplace", "tag"], name="ideas_idea__organis_d8b0ea_idx"
            ),
        ),
    ]
