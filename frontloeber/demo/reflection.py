"""Load the demo's reflection rounds: two closed rounds per workplace and one open round.

Rows are written directly, with past dates, as the survey would have left them: invitations that know only
that a person answered, responses and answers that know nobody (random locators from throwaway secrets, so
nothing links them to an invitation), the leaders' self-assessments and one superior's assessment. Each
workplace has its own profile over the five practices, with a trend between the rounds and differences
between leader and team; "Lys og Signal" has too few answers in its latest round, to show what the report
looks like under the anonymity threshold. Figures are pseudo-random but the same on every run. Each leader
has shared both closed reports with the MED committee and the latest with the team, a few days after it
closed, so that an observer and an employee of the demo have reports to read.

Idempotent: a workplace that already has rounds is left alone.
"""

import datetime
import math
import random

from django.utils import timezone

from frontloeber.organisations.models import Membership, OrganisationAdmin, Role
from frontloeber.reflection import eligibility, services, tokens
from frontloeber.reflection.models import (
    Answer,
    Assessment,
    AssessmentAnswer,
    AssessorKind,
    Audience,
    PracticeComment,
    ReportShare,
    Response,
    Round,
    RoundExclusion,
    RoundInvitation,
)
from frontloeber.reflection.selectors import current_version, practices_with_items

from .reflection_content import COMMENTS

# When the two closed rounds opened (days before today, a week or two later in some workplaces, moved back
# to a Monday), and how long they ran.
CLOSED_ROUNDS_DAYS_AGO = (365, 182)
ROUND_DAYS = 21
# The open round: where, how long ago it opened, how long it still runs, and how many have answered so far.
OPEN_ROUND = {"workplace": "boernehuset-solsikken", "opened_days_ago": 5, "closes_in_days": 10, "answered": 4}
# The workplace whose latest closed round stays under the threshold, and how many answered there.
UNDER_THRESHOLD = {"workplace": "lys-og-signal", "answered": 3}
# The workplace whose superior (the organisation's admin) assessed the leader in the latest closed round.
SUPERIOR_ASSESSED = "praehospitalt-center"

DONT_KNOW_SHARE = 0.05
# How close each practice's team mean is brought to the profile's level.
CALIBRATION = 0.08
# Statements employees can see less of: "don't know" comes more often.
DONT_KNOW_MORE = {"5.4": 0.15, "1.3": 0.08}

# Per workplace: the team's level per practice in the earlier and the latest closed round, and the leader's
# self-assessment as a difference from the team's level (positive where the leader sees more than the team).
PROFILES = {
    # Strong on leading the change; time to try things out falls as the call volume rises.
    "praehospitalt-center": {
        "team": (
            {"P1": 3.6, "P2": 3.1, "P3": 3.5, "P4": 3.4, "P5": 4.0},
            {"P1": 3.7, "P2": 3.3, "P3": 2.9, "P4": 3.6, "P5": 4.2},
        ),
        "leader": {"P1": 0.8, "P2": 0.3, "P3": 0.5, "P4": -0.7, "P5": 0.6},
        "superior": {"P1": 0.3, "P2": 0.0, "P3": -0.2, "P4": 0.2, "P5": 0.4},
    },
    # Idea work rises clearly after the idea board came in; the leader underrates how safe people feel.
    "boernehuset-solsikken": {
        "team": (
            {"P1": 3.5, "P2": 2.9, "P3": 3.0, "P4": 3.2, "P5": 2.9},
            {"P1": 3.6, "P2": 3.8, "P3": 3.2, "P4": 3.4, "P5": 3.4},
        ),
        "leader": {"P1": 0.7, "P2": 0.2, "P3": 0.3, "P4": -0.6, "P5": 0.9},
    },
    # A clear core task and curious technicians, but little say in changes; few answers in the latest round.
    "lys-og-signal": {
        "team": (
            {"P1": 3.9, "P2": 2.8, "P3": 2.9, "P4": 3.9, "P5": 2.7},
            {"P1": 3.9, "P2": 3.0, "P3": 3.0, "P4": 3.8, "P5": 2.9},
        ),
        "leader": {"P1": 0.5, "P2": -0.6, "P3": 0.4, "P4": 0.1, "P5": 1.0},
    },
    # Weak on time to try things out; skills rise after training in the communication app.
    "autismecenter-kastanjehuset": {
        "team": (
            {"P1": 3.8, "P2": 3.0, "P3": 2.5, "P4": 3.0, "P5": 2.8},
            {"P1": 3.9, "P2": 3.3, "P3": 2.6, "P4": 3.6, "P5": 3.0},
        ),
        "leader": {"P1": 0.6, "P2": 0.4, "P3": -0.5, "P4": 0.3, "P5": 0.8},
    },
    # Weak on skills and on knowing where to get help; time and openness fall when the queue grows.
    "borgerservice": {
        "team": (
            {"P1": 3.1, "P2": 3.2, "P3": 3.5, "P4": 2.6, "P5": 3.1},
            {"P1": 3.6, "P2": 3.4, "P3": 3.0, "P4": 2.7, "P5": 3.2},
        ),
        "leader": {"P1": 0.9, "P2": -0.5, "P3": 0.4, "P4": 0.6, "P5": 0.7},
    },
}


def seed(*, workplaces, people, today=None):
    """``workplaces``: slug → Workplace; ``people``: full name → User. Returns how many rows were created."""
    today = today or timezone.localdate()
    version = current_version()
    if version is None:
        return 0
    practices = practices_with_items(version=version)
    created = 0
    for position, (slug, profile) in enumerate(PROFILES.items()):
        workplace = workplaces.get(slug)
        if workplace is None or Round.objects.filter(workplace=workplace).exists():
            continue
        leader = _member_users(workplace, Role.LEADER)[:1]
        employees = _member_users(workplace, Role.EMPLOYEE)
        if not leader or not employees:
            continue
        services.question_bank_lock(version=version)
        seeder = _Seeder(workplace, leader[0], employees, version, practices, profile, today)
        for index, days_ago in enumerate(CLOSED_ROUNDS_DAYS_AGO):
            # Not all on the same day: the workplaces opened their rounds within a few weeks of each other.
            opens_on = _monday(today - datetime.timedelta(days=days_ago - 7 * (position % 3)))
            latest = index == len(CLOSED_ROUNDS_DAYS_AGO) - 1
            answered = _closed_round_answers(slug, len(employees), seeder.rng(index), latest)
            comments = (
                COMMENTS.get(slug, {}) if answered >= workplace.organisation.reflection_threshold else {}
            )
            created += seeder.round(
                index,
                opens_on=opens_on,
                closes_on=opens_on + datetime.timedelta(days=ROUND_DAYS),
                answered=answered,
                comments={code: pair[index] for code, pair in comments.items()},
                superior=_superior(workplace) if latest and slug == SUPERIOR_ASSESSED else None,
            )
        created += _share(workplace, leader[0], today)
        if slug == OPEN_ROUND["workplace"]:
            created += seeder.round(
                len(CLOSED_ROUNDS_DAYS_AGO),
                opens_on=today - datetime.timedelta(days=OPEN_ROUND["opened_days_ago"]),
                closes_on=today + datetime.timedelta(days=OPEN_ROUND["closes_in_days"]),
                answered=min(OPEN_ROUND["answered"], len(employees) - 1),
                comments={},
                self_assessed=False,
            )
    return created


def _share(workplace, leader, today):
    """Every closed round shared with the MED committee, the latest also with the team."""
    closed = list(Round.objects.of(workplace).filter(closes_on__lt=today).order_by("opens_on"))
    shares = []
    for round_ in closed:
        audiences = [Audience.MED, Audience.TEAM] if round_ == closed[-1] else [Audience.MED]
        when = min(_at(round_.closes_on + datetime.timedelta(days=3), 9), timezone.now())
        shares += [
            ReportShare(
                round=round_,
                audience=audience,
                shared_by=leader,
                shared_at=when,
                workplace=workplace,
                organisation_id=workplace.organisation_id,
            )
            for audience in audiences
        ]
    ReportShare.objects.bulk_create(shares)
    return len(shares)


def _member_users(workplace, role):
    return [
        membership.user
        for membership in Membership.objects.filter(workplace=workplace, role=role)
        .select_related("user")
        .order_by("pk")
    ]


def _superior(workplace):
    admin = OrganisationAdmin.objects.filter(organisation_id=workplace.organisation_id).select_related("user")
    first = admin.order_by("pk").first()
    return first.user if first else None


def _monday(day):
    return day - datetime.timedelta(days=day.weekday())


def _closed_round_answers(slug, invited, rng, latest):
    """How many answered: 70–90 % (at least five, or everyone in a small team), except under the threshold."""
    if latest and slug == UNDER_THRESHOLD["workplace"]:
        return min(UNDER_THRESHOLD["answered"], invited)
    if invited < 6:
        return invited
    return min(invited, max(5, round(invited * rng.uniform(0.7, 0.9))))


def _at(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _calibrate(grid, target, rng, tolerance):
    """Move single answers in ``grid`` (rows of values, None for "don't know") one step at a time until
    their mean is within ``tolerance`` of ``target``, so that a small team's figures show the profile."""
    cells = [(r, i) for r, row in enumerate(grid) for i, value in enumerate(row) if value is not None]
    for _step in range(len(cells) * 4):
        mean = sum(grid[r][i] for r, i in cells) / len(cells) if cells else target
        if abs(mean - target) <= tolerance:
            return
        step = 1 if mean < target else -1
        movable = [(r, i) for r, i in cells if 1 <= grid[r][i] + step <= 5]
        if not movable:
            return
        r, i = rng.choice(movable)
        grid[r][i] += step


def _score(level, rng, spread):
    value = math.floor(level + rng.gauss(0, spread) + 0.5)
    return min(5, max(1, value))


class _Seeder:
    """Writes one workplace's rounds from its profile."""

    def __init__(self, workplace, leader, employees, version, practices, profile, today):
        self.today = today
        self.workplace = workplace
        self.leader = leader
        self.employees = employees
        self.version = version
        self.practices = practices
        self.profile = profile
        self.tenant = {"organisation_id": workplace.organisation_id, "workplace": workplace}
        # Some statements sit a little above or below their practice's level, the same in every round.
        rng = random.Random(f"reflection-demo:{workplace.slug}:items")  # noqa: S311 — demo data
        self.item_offset = {}
        for practice in practices:
            items = list(practice.items.all())
            offsets = [rng.uniform(-0.3, 0.3) for _ in items]
            mean = sum(offsets) / len(offsets) if offsets else 0
            for item, offset in zip(items, offsets, strict=True):
                self.item_offset[item.pk] = offset - mean

    def rng(self, index):
        return random.Random(f"reflection-demo:{self.workplace.slug}:round-{index}")  # noqa: S311 — demo data

    def level(self, index, code):
        """The team's level in round ``index``: an open round carries on from the latest closed one."""
        rounds = self.profile["team"]
        return rounds[min(index, len(rounds) - 1)][code]

    def round(self, index, *, opens_on, closes_on, answered, comments, superior=None, self_assessed=True):
        rng = self.rng(index)
        organisation = self.workplace.organisation
        threshold = organisation.reflection_threshold
        created_at = _at(opens_on, 7, 30)
        # The same rule as a leader's round (eligibility.py): the demo's people have long been members, made
        # by the organisation admin, so everyone is asked.
        days = organisation.survey_eligibility_days
        found = eligibility.survey_eligibility(
            workplace=self.workplace, leader=self.leader, at=created_at, days=days
        )
        asked = set(found.asked)
        employees = [user for user in self.employees if user.pk in asked]
        answered = min(answered, len(employees))
        round_ = Round.objects.create(
            **self.tenant,
            version=self.version,
            leader=self.leader,
            opens_on=opens_on,
            closes_on=closes_on,
            threshold=threshold,
            eligibility_days=organisation.survey_eligibility_days,
            invited_count=len(employees),
            invitations_sent_at=_at(opens_on, 8),
            reminded_on=closes_on - datetime.timedelta(days=services.REMIND_DAYS_BEFORE_CLOSE)
            if closes_on < self.today
            else None,
            created_at=created_at,
        )
        created = 1
        RoundExclusion.objects.bulk_create(
            RoundExclusion(
                **self.tenant,
                round=round_,
                user_id=user_id,
                reason=reason,
                asked_from=found.asked_from.get(user_id),
            )
            for user_id, reason in found.not_asked.items()
        )
        # Who answered is drawn here and forgotten: the responses below are made without them.
        who = set(rng.sample(range(len(employees)), answered))
        RoundInvitation.objects.bulk_create(
            RoundInvitation(
                **self.tenant,
                round=round_,
                user=user,
                token_hash=tokens.invitation_hash(tokens.new_secret()),
                answered=position in who,
            )
            for position, user in enumerate(employees)
        )
        created += len(employees)
        created += self._responses(round_, index, answered, comments, rng)
        if self_assessed:
            offsets = self.profile["leader"]
            created += self._assessment(
                round_,
                index,
                AssessorKind.LEADER,
                self.leader,
                offsets,
                _at(opens_on + datetime.timedelta(days=2), 16),
            )
        if superior is not None:
            offsets = self.profile.get("superior", {})
            created += self._assessment(
                round_,
                index,
                AssessorKind.SUPERIOR,
                superior,
                offsets,
                _at(closes_on - datetime.timedelta(days=3), 10),
            )
        # A closed round is sealed, as the daily task leaves it (services.round_seal).
        services.round_seal(round_=round_, today=self.today)
        return created

    def _responses(self, round_, index, count, comments, rng):
        responses = [
            Response(**self.tenant, round=round_, locator=tokens.response_locator(tokens.new_secret()))
            for _ in range(count)
        ]
        rng.shuffle(responses)
        Response.objects.bulk_create(responses)
        answers = []
        for practice in self.practices:
            answers.extend(
                self._practice_answers(round_, responses, practice, self.level(index, practice.code), rng)
            )
        Answer.objects.bulk_create(answers)
        notes = []
        practice_by_code = {practice.code: practice for practice in self.practices}
        for code, texts in comments.items():
            writers = rng.sample(responses, min(len(texts), len(responses)))
            notes.extend(
                PracticeComment(
                    **self.tenant, round=round_, response=writer, practice=practice_by_code[code], text=text
                )
                for writer, text in zip(writers, texts, strict=False)
                if code in practice_by_code
            )
        PracticeComment.objects.bulk_create(notes)
        return len(responses) + len(answers) + len(notes)

    def _practice_answers(self, round_, responses, practice, target, rng):
        """Everyone's answers on one practice, their mean brought near the profile's level ``target``."""
        items = list(practice.items.all())
        grid = []
        for _response in responses:
            # Some people see everything a little brighter than others.
            level = target + rng.gauss(0, 0.35)
            grid.append(
                [
                    _score(level + self.item_offset[item.pk], rng, 0.6)
                    if rng.random() >= DONT_KNOW_MORE.get(item.code, DONT_KNOW_SHARE)
                    else None
                    for item in items
                ]
            )
        _calibrate(grid, target, rng, CALIBRATION)
        return [
            Answer(**self.tenant, round=round_, response=response, item=item, value=grid[r][i])
            for r, response in enumerate(responses)
            for i, item in enumerate(items)
        ]

    def _assessment(self, round_, index, kind, author, offsets, when):
        rng = random.Random(f"reflection-demo:{self.workplace.slug}:round-{index}:{kind}")  # noqa: S311
        assessment = Assessment.objects.create(
            **self.tenant, round=round_, kind=kind, author=author, updated_at=when
        )
        rows = []
        for practice in self.practices:
            items = list(practice.items.all())
            target = min(5.0, max(1.0, self.level(index, practice.code) + offsets.get(practice.code, 0)))
            values = [_score(target + self.item_offset[item.pk], rng, 0.3) for item in items]
            # One person's four answers: as close to the profile as quarter steps allow.
            _calibrate([values], target, rng, 0.125)
            rows.extend(
                AssessmentAnswer(assessment=assessment, item=item, value=value)
                for item, value in zip(items, values, strict=True)
            )
        AssessmentAnswer.objects.bulk_create(rows)
        return 1 + len(rows)
