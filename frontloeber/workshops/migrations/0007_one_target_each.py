"""Each workshop session is about one thing at most, and each output points at the one record its kind names."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('competences', '0001_initial'),
        ('experiments', '0002_skills_needed'),
        ('ideas', '0002_full_text_search'),
        ('organisations', '0005_invitation'),
        ('workshops', '0006_participant_removed'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='sessionoutput',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'challenge'), ('challenge__isnull', False), ('action_item__isnull', True), ('adoption_plan__isnull', True), ('barrier__isnull', True), ('experiment__isnull', True), ('idea__isnull', True), ('learning_activity__isnull', True)), models.Q(('kind', 'idea'), ('idea__isnull', False), ('action_item__isnull', True), ('adoption_plan__isnull', True), ('barrier__isnull', True), ('challenge__isnull', True), ('experiment__isnull', True), ('learning_activity__isnull', True)), models.Q(('kind', 'barrier'), ('barrier__isnull', False), ('action_item__isnull', True), ('adoption_plan__isnull', True), ('challenge__isnull', True), ('experiment__isnull', True), ('idea__isnull', True), ('learning_activity__isnull', True)), models.Q(('kind', 'action_item'), ('action_item__isnull', False), ('adoption_plan__isnull', True), ('barrier__isnull', True), ('challenge__isnull', True), ('experiment__isnull', True), ('idea__isnull', True), ('learning_activity__isnull', True)), models.Q(('kind', 'experiment'), ('experiment__isnull', False), ('action_item__isnull', True), ('adoption_plan__isnull', True), ('barrier__isnull', True), ('challenge__isnull', True), ('idea__isnull', True), ('learning_activity__isnull', True)), models.Q(('kind', 'adoption_plan'), ('adoption_plan__isnull', False), ('action_item__isnull', True), ('barrier__isnull', True), ('challenge__isnull', True), ('experiment__isnull', True), ('idea__isnull', True), ('learning_activity__isnull', True)), models.Q(('kind', 'learning_activity'), ('learning_activity__isnull', False), ('action_item__isnull', True), ('adoption_plan__isnull', True), ('barrier__isnull', True), ('challenge__isnull', True), ('experiment__isnull', True), ('idea__isnull', True)), _connector='OR'), name='sessionoutput_one_record_of_its_kind'),
        ),
        migrations.AddConstraint(
            model_name='workshopsession',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('adoption_plan__isnull', True), ('challenge__isnull', True), ('experiment__isnull', True), ('idea__isnull', True)), models.Q(('challenge__isnull', False), ('adoption_plan__isnull', True), ('experiment__isnull', True), ('idea__isnull', True)), models.Q(('idea__isnull', False), ('adoption_plan__isnull', True), ('challenge__isnull', True), ('experiment__isnull', True)), models.Q(('experiment__isnull', False), ('adoption_plan__isnull', True), ('challenge__isnull', True), ('idea__isnull', True)), models.Q(('adoption_plan__isnull', False), ('challenge__isnull', True), ('experiment__isnull', True), ('idea__isnull', True)), _connector='OR'), name='workshopsession_about_at_most_one'),
        ),
    ]
