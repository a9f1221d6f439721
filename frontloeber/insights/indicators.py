"""The indicators of the five practices: what each counts, where it comes from, and its figure for one
workplace (or the organisation) and one quarter, from a ``Tally`` and a ``Today`` (counting.py).

An indicator counts work. None is a figure about a person, and the one share of people ("took part") is
given only for a group of at least the organisation's anonymity threshold; below it, the reading is empty and
says why, and the count of ideas stands alone.
"""

# ruff: noqa: E501 — the table below keeps each indicator's sentences on one line

from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .counting import AXES

PERCENT, COUNT, DAYS, RATE, DATE, SCORE = "percent", "count", "days", "rate", "date", "score"
PRACTICE_CODES = ["P1", "P2", "P3", "P4", "P5"]


@dataclass
class Reading:
    """An indicator's figure: ``value`` (a number, or a date for DATE; None when there is none) and a short
    ``detail`` saying what it rests on ("9 of 14 ideas")."""

    indicator: "Indicator"
    value: object = None
    detail: str = ""

    @property
    def shown(self):
        if self.value is None:
            return "–"
        return self.indicator.format(self.value)

    @property
    def number(self):
        """The value as a number for charts and files (a date is not one)."""
        return None if self.indicator.kind == DATE else self.value


@dataclass
class Indicator:
    key: str
    practice: str
    label: object
    counts: object  # what it counts, in a sentence
    source: object  # where it comes from in Frontløber
    kind: str
    read: object  # (tally, today, threshold) -> (value, detail)
    higher_is_better: bool = True
    numbers: object = None  # (tally, today, threshold) -> value, where read's words would cost (tables)

    def value(self, tally, today, threshold):
        """The figure alone, as a number (a date is none), without the words of what it rests on."""
        if self.kind == DATE:
            return None
        if self.numbers is not None:
            return self.numbers(tally, today, threshold)
        return self.read(tally, today, threshold)[0]

    def reading(self, tally, today, threshold):
        value, detail = self.read(tally, today, threshold)
        return Reading(indicator=self, value=value, detail=detail)

    def format(self, value):
        if self.kind == PERCENT:
            return f"{number_format(round(value))} %"
        if self.kind == DAYS:
            return ngettext("%(n)s day", "%(n)s days", round(value)) % {
                "n": number_format(round(value, 1), 1)
            }
        if self.kind in (RATE, SCORE):
            return number_format(round(value, 1), 1)
        if self.kind == DATE:
            return date_format(value, "DATE_FORMAT")
        return number_format(value)

    def format_change(self, delta):
        """A change from one quarter to the next, signed: "+3", "−12 points", "+1.5 days"."""
        if self.kind == DATE:
            return ""
        size = abs(delta)
        if round(size, 1) == 0:
            return str(_("unchanged"))
        sign = "+" if delta > 0 else "−"
        if self.kind == PERCENT:
            return sign + ngettext("%(n)s point", "%(n)s points", round(size)) % {
                "n": number_format(round(size))
            }
        if self.kind == DAYS:
            return sign + ngettext("%(n)s day", "%(n)s days", round(size)) % {
                "n": number_format(round(size, 1), 1)
            }
        if self.kind in (RATE, SCORE):
            return sign + number_format(round(size, 1), 1)
        return sign + number_format(size)


def share(part, whole):
    return 100 * part / whole if whole else None


def _of_ideas(part, whole):
    return ngettext("%(part)s of %(whole)s idea", "%(part)s of %(whole)s ideas", whole) % {
        "part": part,
        "whole": whole,
    }


def _of_experiments(part, whole):
    return ngettext("%(part)s of %(whole)s experiment", "%(part)s of %(whole)s experiments", whole) % {
        "part": part,
        "whole": whole,
    }


def _of_checkpoints(part, whole):
    return ngettext("%(part)s of %(whole)s checkpoint", "%(part)s of %(whole)s checkpoints", whole) % {
        "part": part,
        "whole": whole,
    }


def _of_criteria(part, whole):
    return ngettext("%(part)s of %(whole)s criterion", "%(part)s of %(whole)s criteria", whole) % {
        "part": part,
        "whole": whole,
    }


def _share(part, whole, words):
    """A share of ``whole(tally)`` that ``part(tally)`` is, with the words of what it rests on."""

    def read(t, today, threshold):
        counted, out_of = part(t), whole(t)
        return share(counted, out_of), words(counted, out_of)

    return read


def _core_task(t, today, threshold):
    if today.core_task_revised_at is None:
        return None, str(_("No change recorded yet"))
    return timezone.localtime(today.core_task_revised_at).date(), ""


def _ideas_per_ten(t, today, threshold):
    if not today.contributors:
        return None, ngettext("%(n)s idea", "%(n)s ideas", t.ideas) % {"n": t.ideas}
    return 10 * t.ideas / today.contributors, ngettext(
        "%(n)s idea, %(people)s employees and leaders",
        "%(n)s ideas, %(people)s employees and leaders",
        t.ideas,
    ) % {"n": t.ideas, "people": today.contributors}


def _involved(t, today, threshold):
    if today.contributors < threshold:
        # A share of a group this small could point at people: the count of ideas stands alone.
        return None, str(_("Not shown for fewer than %(threshold)s employees and leaders")) % {
            "threshold": threshold
        }
    return share(len(t.people_involved), today.contributors), str(
        _("of %(people)s employees and leaders")
    ) % {"people": today.contributors}


def _median_answer(t, today, threshold):
    return t.median_answer_days, ngettext(
        "%(n)s idea answered", "%(n)s ideas answered", len(t.answer_days)
    ) % {"n": len(t.answer_days)}


def _in_time(t, today, threshold):
    return share(t.answered_in_time, t.answer_due), str(_("target %(days)s days; %(detail)s")) % {
        "days": today.target_days,
        "detail": _of_ideas(t.answered_in_time, t.answer_due),
    }


def _of_nos(part, whole):
    return ngettext("%(part)s of %(whole)s “no”", "%(part)s of %(whole)s “no”s", whole) % {
        "part": part,
        "whole": whole,
    }


def _count(attribute, words):
    def read(t, today, threshold):
        value = getattr(t, attribute)
        return value, words(value)

    return read


def _today_count(attribute):
    def read(t, today, threshold):
        return getattr(today, attribute), str(_("today"))

    return read


def _concluded(t, today, threshold):
    return t.experiments_concluded, str(
        _("%(adopt)s adopt, %(adjust)s adjust, %(stop)s stopped with learning")
    ) % {
        "adopt": t.decisions.get("adopt", 0),
        "adjust": t.decisions.get("adjust", 0),
        "stop": t.decisions.get("stop", 0),
    }


def _days_to_experiment(t, today, threshold):
    n = len(t.days_to_first_experiment)
    return t.median_days_to_first_experiment, ngettext(
        "%(n)s first experiment", "%(n)s first experiments", n
    ) % {"n": n}


def _barriers_open(t, today, threshold):
    median = t.median_open_barrier_days
    if median is None:
        return t.barriers_open, ""
    return t.barriers_open, str(_("median age %(days)s days")) % {"days": number_format(round(median))}


def _barriers_raised(t, today, threshold):
    return t.barriers_raised, str(_("%(removed)s removed")) % {"removed": t.barriers_removed}


def _reviews(t, today, threshold):
    asked = sum(t.reviews_asked.values())
    median = t.median_review_days
    detail = str(_("%(dpo)s data protection, %(it)s IT")) % {
        "dpo": t.reviews_asked.get("dpo", 0),
        "it": t.reviews_asked.get("it", 0),
    }
    if median is not None:
        detail += " · " + str(_("answered in %(days)s days (median)")) % {
            "days": number_format(round(median, 1), 1)
        }
    return asked, detail


def _covered(t, today, threshold):
    return today.skills_covered, ngettext(
        "of %(n)s skill on the map", "of %(n)s skills on the map", today.skills
    ) % {"n": today.skills}


def _of_signed_up(part, whole):
    return ngettext("%(part)s of %(whole)s signed up", "%(part)s of %(whole)s signed up", whole) % {
        "part": part,
        "whole": whole,
    }


def _too_few(threshold):
    return str(_("Not shown for fewer than %(threshold)s people")) % {"threshold": threshold}


def _attendance(t, today, threshold):
    """Who came is a share of people: shown only for as many as the anonymity threshold."""
    if t.attendance_known < threshold:
        return None, _too_few(threshold)
    return share(t.attended, t.attendance_known), _of_signed_up(t.attended, t.attendance_known)


def _rating(t, today, threshold):
    """A mean of people's own ratings: shown only from as many ratings as the anonymity threshold, so no
    one's rating can be read from it."""
    if len(t.ratings) < threshold:
        return None, _too_few(threshold)
    return t.mean_rating, ngettext("%(n)s rating", "%(n)s ratings", len(t.ratings)) % {"n": len(t.ratings)}


def _take_ups(t, today, threshold):
    stages = t.take_up_stages
    return t.take_ups, str(
        _("%(trying)s trying, %(adopted)s adopted, %(started)s starting, %(aside)s set aside")
    ) % {
        "trying": stages.get("trying", 0),
        "adopted": stages.get("adopted", 0),
        "started": stages.get("started", 0),
        "aside": stages.get("set_aside", 0),
    }


# Written out per axis: a label built from parts would not translate (Danish word order differs).
AXIS_LABELS = {
    "ideas": {
        "citizens": _("Ideas that weigh the citizens' offer"),
        "quality": _("Ideas that weigh professional quality"),
        "routines": _("Ideas that weigh easier routines"),
    },
    "experiments": {
        "citizens": _("Experiments that measure the citizens' offer"),
        "quality": _("Experiments that measure professional quality"),
        "routines": _("Experiments that measure easier routines"),
    },
    "checkpoints": {
        "citizens": _("Adoption checkpoints that see the citizens' offer"),
        "quality": _("Adoption checkpoints that see professional quality"),
        "routines": _("Adoption checkpoints that see easier routines"),
    },
}

INDICATORS = [
    # P1: the core task
    Indicator(
        "ideas_all_values", "P1", _("Ideas that weigh all three values"),
        _("Ideas brought in the quarter whose author weighed the citizens' offer, professional quality and easier routines (a 0 with a reason counts as weighed)."),
        _("The value ratings on the idea form."), PERCENT, _share(lambda t: t.ideas_all_rated, lambda t: t.ideas, _of_ideas),
    ),
    *[
        Indicator(
            f"ideas_value_{axis}", "P1", AXIS_LABELS["ideas"][axis],
            _("Ideas brought in the quarter with a rating on this value axis."),
            _("The value ratings on the idea form."), PERCENT,
            _share(lambda t, axis=axis: t.ideas_rated[axis], lambda t: t.ideas, _of_ideas),
        )
        for axis in AXES
    ],
    *[
        Indicator(
            f"experiments_value_{axis}", "P1", AXIS_LABELS["experiments"][axis],
            _("Experiments planned in the quarter with a success criterion on this value axis."),
            _("The success criteria of the experiment plans."), PERCENT,
            _share(lambda t, axis=axis: t.experiments_axis[axis], lambda t: t.experiments_created, _of_experiments),
        )
        for axis in AXES
    ],
    *[
        Indicator(
            f"checkpoints_value_{axis}", "P1", AXIS_LABELS["checkpoints"][axis],
            _("Checkpoints of adoption plans recorded in the quarter that state the value seen on this axis."),
            _("The checkpoints of the adoption plans."), PERCENT,
            _share(lambda t, axis=axis: t.checkpoints_axis[axis], lambda t: t.checkpoints_recorded, _of_checkpoints),
        )
        for axis in AXES
    ],
    Indicator(
        "ideas_concerns", "P1", _("Ideas that name concerns"),
        _("Ideas brought in the quarter that name concerns or risks (on the form or in their qualification)."),
        _("The idea form and the qualification."), PERCENT, _share(lambda t: t.ideas_concerns, lambda t: t.ideas, _of_ideas),
    ),
    Indicator(
        "criteria_met", "P1", _("Success criteria met"),
        _("Success criteria of the experiments concluded in the quarter that were met fully."),
        _("The evaluation of the experiments."), PERCENT, _share(lambda t: t.criteria_met, lambda t: t.criteria, _of_criteria),
    ),
    Indicator(
        "criteria_partly", "P1", _("Success criteria partly met"),
        _("Success criteria of the experiments concluded in the quarter that were partly met."),
        _("The evaluation of the experiments."), PERCENT, _share(lambda t: t.criteria_partly, lambda t: t.criteria, _of_criteria),
    ),
    Indicator(
        "core_task_revised", "P1", _("Core task last revisited"),
        _("The last day the workplace's core task was changed (kept since December 2026)."),
        _("The core task on the workplace's page."), DATE, _core_task,
    ),
    # P2: ideas
    Indicator(
        "ideas_per_ten", "P2", _("Ideas per 10 employees"),
        _("Ideas brought in the quarter for every ten employees and leaders the workplace has today."),
        _("The ideas board and the workplace's members."), RATE, _ideas_per_ten,
    ),
    Indicator(
        "people_involved", "P2", _("Took part with an idea or support"),
        _("The share of today's employees and leaders who brought or supported an idea in the quarter. Shown only when the workplace has at least as many as the anonymity threshold."),
        _("The ideas board: ideas and supports."), PERCENT, _involved,
    ),
    Indicator(
        "answered_in_time", "P2", _("Answered within the target"),
        _("Ideas brought in the quarter that got their first answer within the workplace's target, of those answered or waiting longer than it."),
        _("The leader's inbox and the response target."), PERCENT, _in_time,
    ),
    Indicator(
        "median_answer_days", "P2", _("Time to first answer (median)"),
        _("Days from an idea being brought to its first answer, for ideas brought in the quarter and answered."),
        _("The leader's inbox."), DAYS, _median_answer, higher_is_better=False,
    ),
    Indicator(
        "no_with_reason", "P2", _("“No” with a reason"),
        _("Ideas set to “not pursued” in the quarter where the leader gave the reason."),
        _("The idea's history."), PERCENT, _share(lambda t: t.said_no_with_reason, lambda t: t.said_no, _of_nos),
    ),
    Indicator(
        "ideas_from_workshops", "P2", _("Ideas from workshops"),
        _("Ideas brought in the quarter that a workshop's posts became."),
        _("The workshops' outputs."), COUNT, _count("ideas_from_workshops", lambda n: ngettext("%(n)s idea", "%(n)s ideas", n) % {"n": n}),
    ),
    # P3: culture and frames
    Indicator(
        "experiments_started", "P3", _("Experiments started"),
        _("Experiments started in the quarter."),
        _("The experiments."), COUNT, _count("experiments_started", lambda n: ngettext("%(n)s experiment", "%(n)s experiments", n) % {"n": n}),
    ),
    Indicator(
        "experiments_concluded", "P3", _("Experiments concluded"),
        _("Experiments concluded in the quarter, whatever the decision: stopping with what was learned is a result, not a failure."),
        _("The experiments' conclusions."), COUNT, _concluded,
    ),
    Indicator(
        "days_to_first_experiment", "P3", _("From idea to first experiment (median)"),
        _("Days from an idea being brought to the start of its first experiment, for first experiments started in the quarter."),
        _("The ideas and their experiments."), DAYS, _days_to_experiment, higher_is_better=False,
    ),
    Indicator(
        "barriers_raised", "P3", _("Barriers raised"),
        _("Barriers added to the register in the quarter, and those removed in it."),
        _("The barrier register."), COUNT, _barriers_raised,
    ),
    Indicator(
        "barriers_open", "P3", _("Barriers open"),
        _("Barriers in the register not removed at the end of the quarter (today, in the current one), with their median age."),
        _("The barrier register and its changes (kept since December 2026)."), COUNT, _barriers_open,
        higher_is_better=False,
    ),
    Indicator(
        "safety_reviews", "P3", _("Safety reviews asked"),
        _("Experiments' safety checks sent in the quarter to the data protection adviser or IT, and how long their answer took."),
        _("The experiments' safety checks."), COUNT, _reviews,
    ),
    # P4: mindset and skills
    Indicator(
        "skills_covered", "P4", _("Skills at least two use confidently"),
        _("Skills on the workplace's map that at least two of today's employees and leaders use confidently or teach."),
        _("The skills map."), COUNT, _covered,
    ),
    Indicator(
        "skills_gaps", "P4", _("Gaps planned work needs"),
        _("Skills a planned or running experiment or a planned adoption needs that fewer than two use confidently."),
        _("The skills the experiments and adoption plans need, and the skills map."), COUNT,
        _today_count("skills_needed_uncovered"), higher_is_better=False,
    ),
    Indicator(
        "activities_held", "P4", _("Learning activities held"),
        _("Learning activities held in the quarter (not cancelled)."),
        _("The learning calendar."), COUNT, _count("activities_held", lambda n: ngettext("%(n)s activity", "%(n)s activities", n) % {"n": n}),
    ),
    Indicator(
        "attendance", "P4", _("Attendance"),
        _("Of those signed up to the quarter's activities whose attendance was recorded, the share who came; shown from as many people as the anonymity threshold."),
        _("The learning calendar's attendance."), PERCENT, _attendance,
    ),
    Indicator(
        "activity_rating", "P4", _("Activities' rating"),
        _("The mean of the ratings (1–5) given to the quarter's activities; shown from as many ratings as the anonymity threshold."),
        _("The participants' feedback."), SCORE, _rating,
    ),
    Indicator(
        "helpers", "P4", _("Helpers"),
        _("Employees and leaders who offer to help colleagues with their skills, today."),
        _("The skill profiles."), COUNT, _today_count("helpers"),
    ),
    # P5: change
    Indicator(
        "plans_went_live", "P5", _("Adoptions gone live"),
        _("Adoption plans that went live in the quarter."),
        _("The adoption plans."), COUNT, _count("plans_went_live", lambda n: ngettext("%(n)s plan", "%(n)s plans", n) % {"n": n}),
    ),
    Indicator(
        "plans_live", "P5", _("Adoptions live"),
        _("Adoption plans live at the end of the quarter."),
        _("The adoption plans."), COUNT, _count("plans_live", lambda n: ngettext("%(n)s plan", "%(n)s plans", n) % {"n": n}),
    ),
    Indicator(
        "checkpoints_on_time", "P5", _("Checkpoints kept on time"),
        _("Adoption checkpoints due in the quarter that were recorded within a week of their date."),
        _("The adoption plans' checkpoints."), PERCENT, _share(lambda t: t.checkpoints_on_time, lambda t: t.checkpoints_due, _of_checkpoints),
    ),
    Indicator(
        "cases_published", "P5", _("Cases published"),
        _("Cases the workplace published in the quarter."),
        _("The case library."), COUNT, _count("cases_published", lambda n: ngettext("%(n)s case", "%(n)s cases", n) % {"n": n}),
    ),
    Indicator(
        "take_ups", "P5", _("Taken up by other workplaces"),
        _("Times another workplace took up one of this workplace's cases in the quarter, and how far they got."),
        _("The case library's “try it here”."), COUNT, _take_ups,
    ),
]  # fmt: skip

BY_KEY = {indicator.key: indicator for indicator in INDICATORS}

# Two or three headline figures per practice, and the one its trend line follows.
HEADLINES = {
    "P1": ["ideas_all_values", "criteria_met", "core_task_revised"],
    "P2": ["ideas_per_ten", "answered_in_time", "people_involved"],
    "P3": ["experiments_concluded", "experiments_started", "barriers_open"],
    "P4": ["skills_covered", "skills_gaps", "activities_held"],
    "P5": ["plans_went_live", "checkpoints_on_time", "cases_published"],
}
TREND = {
    "P1": "ideas_all_values",
    "P2": "ideas_per_ten",
    "P3": "experiments_concluded",
    "P4": "activities_held",
    "P5": "plans_went_live",
}
# The columns of the municipality's table: a figure per practice that adds up across workplaces.
TABLE = [
    "ideas_all_values",
    "criteria_met",
    "ideas_per_ten",
    "answered_in_time",
    "experiments_concluded",
    "barriers_open",
    "skills_covered",
    "activities_held",
    "plans_went_live",
    "cases_published",
]

# The table's figures alone, for the spread over a thousand workplaces (their words would cost more than the
# figures); a test holds each equal to its reading's value.
_TABLE_VALUES = {
    "ideas_all_values": lambda t, today, threshold: share(t.ideas_all_rated, t.ideas),
    "criteria_met": lambda t, today, threshold: share(t.criteria_met, t.criteria),
    "ideas_per_ten": lambda t, today, threshold: (
        10 * t.ideas / today.contributors if today.contributors else None
    ),
    "answered_in_time": lambda t, today, threshold: share(t.answered_in_time, t.answer_due),
    "experiments_concluded": lambda t, today, threshold: t.experiments_concluded,
    "barriers_open": lambda t, today, threshold: t.barriers_open,
    "skills_covered": lambda t, today, threshold: today.skills_covered,
    "activities_held": lambda t, today, threshold: t.activities_held,
    "plans_went_live": lambda t, today, threshold: t.plans_went_live,
    "cases_published": lambda t, today, threshold: t.cases_published,
}
for _key, _value in _TABLE_VALUES.items():
    BY_KEY[_key].numbers = _value


def of_practice(code):
    return [indicator for indicator in INDICATORS if indicator.practice == code]
