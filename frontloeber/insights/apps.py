from django.apps import AppConfig


class InsightsConfig(AppConfig):
    """The top layer: reads every app below it to show the five practices from real work (issue 18)."""

    name = "frontloeber.insights"
    label = "insights"

    def ready(self):
        from frontloeber.core.practices import practice_guide
        from frontloeber.notifications.registry import daily_jobs
        from frontloeber.organisations import registry

        from . import home, jobs, signals

        registry.workplace_home_panels.register(home.overview_panel)
        registry.organisation_home_links.register(home.organisation_links)
        practice_guide.register(home.practice_guide_url)
        daily_jobs.register(jobs.organisation_tables_count)
        signals.connect()
