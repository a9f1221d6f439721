"""Reads for the skills catalogue, people's ratings, the team's map and the learning activities.

Every page here reads a fixed number of queries however many people, skills and ratings there are: the
map reads the skills, the members, their ratings and profiles, what running work needs and what learning is
planned, and does the counting in Python.
"""

import datetime
from collections import defaultdict

from django.db.models import Case, Count, Prefetch, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.core.access import one_or_404
from frontloeber.core.fragments import fragment_key
from frontloeber.organisations.models import Membership, Role

from . import registry
from .models import (
    LearningActivity,
    Level,
    Signup,
    Skill,
    SkillArea,
    SkillLevelChange,
    SkillProfile,
    SkillRating,
)

# A skill that running work needs is a gap when fewer people than this use it confidently (level 2+).
ENOUGH_CONFIDENT = 2
CONTRIBUTOR_ROLES = (Role.EMPLOYEE, Role.LEADER)


AREA_ORDER = Case(*(When(area=area, then=Value(n)) for n, area in enumerate(SkillArea.values)))


def workplace_skills(*, workplace):
    """The skills a workplace rates: the organisation's catalogue and the workplace's own, not retired,
    area by area in the catalogue's order (devices first), as the map and the rating page group them."""
    return (
        Skill.objects.filter(
            Q(workplace__isnull=True) | Q(workplace=workplace),
            organisation_id=workplace.organisation_id,
            retired_at__isnull=True,
        )
        .alias(area_order=AREA_ORDER)
        .order_by("area_order", "name", "pk")
    )


def access_skill(*, workplace, skill_id):
    return one_or_404(workplace_skills(workplace=workplace).filter(pk=skill_id), _("No such skill here."))


def skill_find(*, workplace, skill_id):
    """A skill of the workplace's catalogue, or None (a link's optional preset that may be stale)."""
    return workplace_skills(workplace=workplace).filter(pk=skill_id).first()


def skills_by_area(skills):
    grouped = defaultdict(list)
    for skill in skills:
        grouped[skill.area].append(skill)
    return [(SkillArea(area), grouped[area]) for area in SkillArea.values if grouped[area]]


def _team(workplace):
    return Membership.objects.of(workplace).filter(role__in=CONTRIBUTOR_ROLES)


def profile_for(*, user, organisation):
    """The person's sharing choices, with the defaults when they have not chosen."""
    found = SkillProfile.objects.filter(organisation=organisation, user=user).first()
    return found or SkillProfile(organisation=organisation, user=user)


def my_ratings(*, user, workplace):
    """The person's ratings of the workplace's skills, by skill id."""
    return {
        rating.skill_id: rating
        for rating in SkillRating.objects.filter(
            organisation_id=workplace.organisation_id,
            user=user,
            skill__in=workplace_skills(workplace=workplace),
        )
    }


def _profiles(organisation_id, user_ids):
    found = {
        p.user_id: p
        for p in SkillProfile.objects.filter(organisation_id=organisation_id, user_id__in=user_ids)
    }
    return {uid: found.get(uid) or SkillProfile(user_id=uid) for uid in user_ids}


NEEDED_BY_SHOWN = 5


def _heat(count, total):
    """0–4: how strongly a cell of the heat map is coloured."""
    if not count or not total:
        return 0
    return max(1, round(4 * count / total))


def skill_needs(*, workplace):
    """Which skills the workplace's current work needs: skill id → [(label, url)], from every registered
    source (experiments: running and planned experiments and live adoption plans)."""
    needs = defaultdict(list)
    for source in registry.skill_needs:
        for skill_id, found in source(workplace=workplace).items():
            needs[skill_id].extend(found)
    return needs


def _planned_learning(workplace, now):
    """How many coming learning activities build each skill: skill id → count."""
    links = LearningActivity.skills.through.objects.filter(
        learningactivity__organisation_id=workplace.organisation_id,
        learningactivity__workplace=workplace,
        learningactivity__starts_at__gte=now,
        learningactivity__cancelled_at__isnull=True,
    ).values_list("skill_id", flat=True)
    counts = defaultdict(int)
    for skill_id in links:
        counts[skill_id] += 1
    return counts


def team_map(*, workplace, viewer, viewer_is_leader, now=None):
    """The skills × levels heat map of the workplace's employees and leaders, with helpers and gaps.

    Counts include everyone; names only of those who share their ratings with the team (a leader sees all).
    """
    now = now or timezone.now()
    skills = list(workplace_skills(workplace=workplace))
    # A person shows on the map by their name (or address): the rest of their row is not read.
    members = list(
        _team(workplace)
        .select_related("user")
        .only("organisation_id", "workplace_id", "role", "user__full_name", "user__email")
        .order_by("user__full_name", "user__email")
    )
    people = {m.user_id: m.user for m in members}
    ratings = SkillRating.objects.filter(
        organisation_id=workplace.organisation_id, user_id__in=list(people), skill__in=[s.pk for s in skills]
    ).values_list("user_id", "skill_id", "level", "wants_to_learn")
    profiles = _profiles(workplace.organisation_id, list(people))
    needs = skill_needs(workplace=workplace)
    planned = _planned_learning(workplace, now)

    def named(user_id):
        return viewer_is_leader or user_id == viewer.pk or profiles[user_id].visible_to_team

    rows = {
        s.pk: {"skill": s, "levels": [[] for _ in Level], "hidden": [0] * len(Level), "wants": []}
        for s in skills
    }
    rated_people = set()
    for user_id, skill_id, level, wants in ratings:
        row = rows[skill_id]
        rated_people.add(user_id)
        if named(user_id):
            row["levels"][level].append(people[user_id])
        else:
            row["hidden"][level] += 1
        if wants:
            row["wants"].append(people[user_id] if named(user_id) else None)
    total = len(members)
    for row in rows.values():
        counts = [len(names) + hidden for names, hidden in zip(row["levels"], row["hidden"], strict=True)]
        row["cells"] = [
            {"count": c, "heat": _heat(c, total), "names": n, "level": level}
            for c, n, level in zip(counts, row["levels"], Level, strict=True)
        ]
        row["unrated"] = total - sum(counts)
        row["confident"] = counts[Level.CONFIDENT] + counts[Level.TEACHES]
        # A helper is named only by sharing their ratings: naming them would tell their level.
        row["helpers"] = [
            u
            for u in row["levels"][Level.TEACHES]
            if profiles[u.pk].willing_to_help and profiles[u.pk].visible_to_team
        ]
        row["wants_count"] = len(row["wants"])
        row["needed_by"] = needs.get(row["skill"].pk, [])
        # A busy workplace's skill can be needed by dozens of pieces of work: the card names the first few.
        row["needed_by_shown"] = row["needed_by"][:NEEDED_BY_SHOWN]
        row["needed_by_more"] = len(row["needed_by"]) - len(row["needed_by_shown"])
        row["planned"] = planned.get(row["skill"].pk, 0)
        row["gap"] = bool(row["needed_by"]) and row["confident"] < ENOUGH_CONFIDENT
    ordered = [rows[s.pk] for s in skills]
    return {
        "areas": [(area, [rows[s.pk] for s in area_skills]) for area, area_skills in skills_by_area(skills)],
        "gaps": [row for row in ordered if row["gap"]],
        "members": total,
        "rated_members": len(rated_people),
        "skills": skills,
    }


def heat_map_key(*, workplace, areas):
    """The key the map's rendered table is kept under (``{% kept %}``): every value the table shows."""
    shown = [
        (
            area.value,
            [
                (
                    row["skill"].pk,
                    row["skill"].shown_name,
                    row["gap"],
                    [
                        (cell["count"], cell["heat"], [str(person) for person in cell["names"]])
                        for cell in row["cells"]
                    ],
                    row["unrated"],
                    row["wants_count"],
                    [str(helper) for helper in row["helpers"]],
                )
                for row in rows
            ],
        )
        for area, rows in areas
    ]
    return fragment_key("skills-heat-map", workplace.slug, shown)


def skills_taught_by(*, user, workplace):
    """The ids of the workplace's skills the person can teach (level 3), if they are willing to help."""
    if not user.is_authenticated or not _team(workplace).filter(user=user).exists():
        return set()
    if not profile_for(user=user, organisation=workplace.organisation).willing_to_help:
        return set()
    return set(
        SkillRating.objects.filter(
            organisation_id=workplace.organisation_id,
            user=user,
            level=Level.TEACHES,
            skill__in=workplace_skills(workplace=workplace),
        ).values_list("skill_id", flat=True)
    )


def help_for(*, workplace, skills, viewer_is_leader=False, now=None):
    """For a piece of work that needs ``skills``: per skill, the helpers, and the coming learning for them.

    As on the map, a helper who keeps their ratings from colleagues is named to the workplace's leaders only.
    """
    now = now or timezone.now()
    skill_ids = [s.pk for s in skills]
    if not skill_ids:
        return {"skills": [], "activities": []}
    team = _team(workplace).values("user")
    teachers = list(
        SkillRating.objects.filter(
            organisation_id=workplace.organisation_id,
            skill_id__in=skill_ids,
            level=Level.TEACHES,
            user__in=team,
        )
        .select_related("user")
        .order_by("user__full_name")
    )
    not_named = (
        Q(willing_to_help=False) if viewer_is_leader else Q(willing_to_help=False) | Q(visible_to_team=False)
    )
    unwilling = set(
        SkillProfile.objects.filter(
            not_named, organisation_id=workplace.organisation_id, user_id__in=[r.user_id for r in teachers]
        ).values_list("user_id", flat=True)
    )
    helpers = defaultdict(list)
    for rating in teachers:
        if rating.user_id not in unwilling:
            helpers[rating.skill_id].append(rating.user)
    building = LearningActivity.skills.through.objects.filter(skill_id__in=skill_ids).values(
        "learningactivity_id"
    )
    activities = list(upcoming_activities(workplace=workplace, now=now).filter(pk__in=building))
    return {"skills": [(s, helpers[s.pk]) for s in skills], "activities": activities}


# --- Over time --------------------------------------------------------------------------------------------


def _quarter_start(day):
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _previous_quarter(start):
    month = start.month - 3
    return datetime.date(start.year - (month < 1), (month - 1) % 12 + 1, 1)


def coverage_by_quarter(*, workplace, skills=None, quarters=6, now=None):
    """Per quarter, the team's skills as they stood at its end: skills with enough confident people, the
    mean level and how many ratings there were. Counted for today's team and skills, from the level history.
    ``skills``: the workplace's skills when the caller has read them already (the map has).
    """
    now = now or timezone.now()
    skills = [s.pk for s in (workplace_skills(workplace=workplace) if skills is None else skills)]
    changes = list(
        SkillLevelChange.objects.filter(
            organisation_id=workplace.organisation_id,
            skill_id__in=skills,
            user_id__in=_team(workplace).values("user_id"),
        )
        .order_by("changed_at", "pk")
        .values_list("user_id", "skill_id", "level", "changed_at")
    )
    if not changes:
        return []
    starts = [_quarter_start(timezone.localdate(now))]
    while len(starts) < quarters:
        starts.append(_previous_quarter(starts[-1]))
    starts.reverse()
    first = timezone.localtime(changes[0][3]).date()
    result, levels, index = [], {}, 0
    for start in starts:
        following = _quarter_start(start + datetime.timedelta(days=100))
        end = min(now, timezone.make_aware(datetime.datetime.combine(following, datetime.time.min)))
        while index < len(changes) and changes[index][3] < end:
            user_id, skill_id, level, _at = changes[index]
            levels[(user_id, skill_id)] = level
            index += 1
        if following <= first:
            continue
        confident = defaultdict(int)
        for (_user, skill_id), level in levels.items():
            if level >= Level.CONFIDENT:
                confident[skill_id] += 1
        covered = sum(1 for skill_id in skills if confident[skill_id] >= ENOUGH_CONFIDENT)
        result.append(
            {
                "year": start.year,
                "quarter": (start.month - 1) // 3 + 1,
                "covered": covered,
                "skills": len(skills),
                "share": round(100 * covered / len(skills)) if skills else 0,
                "mean": round(sum(levels.values()) / len(levels), 1) if levels else None,
                "ratings": len(levels),
            }
        )
    return result


# --- Learning activities ------------------------------------------------------------------------------------


def _activities(workplace):
    return (
        LearningActivity.objects.of(workplace)
        .select_related("host", "workplace")
        .prefetch_related(Prefetch("skills", queryset=Skill.objects.order_by("name")))
        .annotate(signed_up=Count("signups"))
    )


def upcoming_activities(*, workplace, now=None):
    now = now or timezone.now()
    return (
        _activities(workplace)
        .filter(starts_at__gte=now, cancelled_at__isnull=True)
        .order_by("starts_at", "pk")
    )


def past_activities(*, workplace, now=None):
    now = now or timezone.now()
    return _activities(workplace).filter(starts_at__lt=now).order_by("-starts_at", "-pk")


def my_signup_ids(*, user, workplace):
    return set(Signup.objects.of(workplace).filter(user=user).values_list("activity_id", flat=True))


def access_activity(*, workplace, activity_id):
    return one_or_404(
        _activities(workplace).filter(pk=activity_id), _("No such learning activity in this workplace.")
    )


def activity_signups(*, activity):
    return list(activity.signups.select_related("user").order_by("user__full_name", "user__email"))


def to_update_after_learning(*, user, workplace):
    """The skills of activities the person attended since they last rated them: worth a fresh look."""
    attended = (
        Signup.objects.of(workplace)
        .filter(user=user, attended=True)
        .select_related("activity")
        .prefetch_related("activity__skills")
    )
    rated = {r.skill_id: r.updated_at for r in my_ratings(user=user, workplace=workplace).values()}
    skills = {}
    for signup in attended:
        for skill in signup.activity.skills.all():
            if (
                skill.retired_at is None
                and rated.get(skill.pk, datetime.datetime.min.replace(tzinfo=datetime.UTC))
                < signup.activity.starts_at
            ):
                skills[skill.pk] = skill
    return list(skills.values())
