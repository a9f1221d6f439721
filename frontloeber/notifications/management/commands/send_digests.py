from django.core.management.base import BaseCommand

from frontloeber.notifications.tasks import digests_enqueue


class Command(BaseCommand):
    help = "Queue today's e-mail digests (run once a day, e.g. from cron; the task worker sends them)."

    def handle(self, *args, **options):
        count = digests_enqueue()
        self.stdout.write(f"Queued {count} digest(s).")
