"""One suggested next step per practice, tied to its weakest signal (issue 18, point 2).

Each practice has its signals in order of how much they matter; the first that holds gives the step: a tool
in Frontløber, a workshop format or a reflection question of the practice guide. Its ``urgency`` (higher is
more pressing) picks the one the overview puts first.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


@dataclass
class NextStep:
    practice: str
    text: str
    link_text: str
    url: str
    urgency: int


def _url(name, workplace, **kwargs):
    return reverse(name, kwargs={"workplace_slug": workplace.slug, **kwargs})


def _format(workplace, slug):
    return _url("workshops:format_detail", workplace, format_slug=slug)


def _guide(workplace, code):
    return _url("insights:practice_guide", workplace, code=code) + "#reflection"


def next_step(code, *, workplace, tally, previous, today, is_leader):
    """The step for practice ``code`` from this quarter's ``tally``, the quarter before and ``today``."""
    return _STEPS[code](workplace, tally, previous, today, is_leader)


def _p1(workplace, t, previous, today, is_leader):
    if t.ideas and t.ideas_all_rated * 2 < t.ideas:
        return NextStep(
            "P1",
            _(
                "Fewer than half of this quarter's ideas weigh all three values. "
                "Look at the core task together."
            ),
            _("Plan the core-task compass"),
            _format(workplace, "kerneopgave-kompasset"),
            60,
        )
    if today.core_task_revised_at is None:
        return NextStep(
            "P1",
            _("No change to the core task has been recorded. Is it still how you would say it?"),
            _("Revisit the core task") if is_leader else _("Read the core task"),
            _url("organisations:workplace_edit" if is_leader else "organisations:workplace_home", workplace),
            30,
        )
    return NextStep(
        "P1",
        _("Talk about where technology risks becoming an end in itself here."),
        _("A reflection question"),
        _guide(workplace, "P1"),
        10,
    )


def _p2(workplace, t, previous, today, is_leader):
    if today.waiting_over_target:
        text = ngettext(
            "%(n)s idea has waited longer than your %(days)s-day target.",
            "%(n)s ideas have waited longer than your %(days)s-day target.",
            today.waiting_over_target,
        ) % {"n": today.waiting_over_target, "days": today.target_days}
        if is_leader:
            return NextStep("P2", text, _("Open the inbox"), _url("ideas:inbox", workplace), 90)
        return NextStep("P2", text, _("See the ideas"), _url("ideas:board", workplace), 90)
    if not t.ideas:
        return NextStep(
            "P2",
            _("No idea has been brought this quarter. Open a window for ideas."),
            _("Plan the idea window"),
            _format(workplace, "idevinduet"),
            70,
        )
    return NextStep(
        "P2",
        _("Ideas are coming. Give the newest a qualified look together."),
        _("Plan the idea clinic"),
        _format(workplace, "ideklinikken"),
        10,
    )


def _p3(workplace, t, previous, today, is_leader):
    if not t.experiments_concluded and not t.experiments_started:
        return NextStep(
            "P3",
            _("No experiment started or concluded this quarter. Frame a small one."),
            _("Plan the experiment charter"),
            _format(workplace, "forsoegsrammen"),
            65,
        )
    if t.barriers_open >= 3:
        return NextStep(
            "P3",
            ngettext("%(n)s barrier is still open.", "%(n)s barriers are still open.", t.barriers_open)
            % {"n": t.barriers_open},
            _("Open the barrier register"),
            _url("actions:barrier_list", workplace),
            50,
        )
    return NextStep(
        "P3",
        _("Hunt for what keeps the team from trying new things."),
        _("Plan the barrier hunt"),
        _format(workplace, "barrierejagten"),
        10,
    )


def _p4(workplace, t, previous, today, is_leader):
    if today.skills_needed_uncovered:
        return NextStep(
            "P4",
            ngettext(
                "Planned work needs %(n)s skill that fewer than two use confidently.",
                "Planned work needs %(n)s skills that fewer than two use confidently.",
                today.skills_needed_uncovered,
            )
            % {"n": today.skills_needed_uncovered},
            _("Plan learning"),
            _url("competences:activity_list", workplace),
            60,
        )
    if not t.activities_held:
        return NextStep(
            "P4",
            _("No learning activity was held this quarter. Try technology together in a playground."),
            _("Plan the tech playground"),
            _format(workplace, "legestuen"),
            40,
        )
    return NextStep(
        "P4",
        _("See where the team's skills stand together."),
        _("Open the skills map"),
        _url("competences:map", workplace),
        10,
    )


def _p5(workplace, t, previous, today, is_leader):
    if t.checkpoints_due and t.checkpoints_on_time < t.checkpoints_due:
        return NextStep(
            "P5",
            _("Some checkpoints of adoptions were not recorded on time. Has it landed?"),
            _("Plan “Has it landed?”"),
            _format(workplace, "er-det-landet"),
            55,
        )
    if not t.plans_live:
        return NextStep(
            "P5",
            _("Nothing has been adopted yet. Plan how a good experiment becomes everyday work."),
            _("Plan the change journey"),
            _format(workplace, "forandringsrejsen"),
            45,
        )
    if not t.cases_published:
        return NextStep(
            "P5",
            _("Share what you adopted, so other workplaces can take it up."),
            _("See the cases"),
            _url("experiments:case_list", workplace),
            20,
        )
    return NextStep(
        "P5",
        _("Talk about what made your last change land."),
        _("A reflection question"),
        _guide(workplace, "P5"),
        10,
    )


_STEPS = {"P1": _p1, "P2": _p2, "P3": _p3, "P4": _p4, "P5": _p5}
