from django.core.management.base import BaseCommand

from frontloeber.notifications.tasks import digests_enqueue, digests_schedule, next_digest_time


class Command(BaseCommand):
    help = "Queue today's e-mail digests now, or (--schedule) make sure the worker sends them every morning."

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Queue the next morning's digest run unless it is queued already (make worker does this).",
        )

    def handle(self, *args, **options):
        if options["schedule"]:
            queued = digests_schedule()
            when = next_digest_time().strftime("%Y-%m-%d %H:%M")
            self.stdout.write(
                f"Daily digests scheduled for {when}." if queued else "Daily digests already scheduled."
            )
            return
        count = digests_enqueue()
        self.stdout.write(f"Queued {count} digest(s).")
