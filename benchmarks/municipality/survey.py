"""The survey's sealed rounds with their answers, and the team's skill ratings with their history."""

import importlib

from . import sizes
from .sql import array, insert_select, pick


def survey(cursor, step, b):
    """Sealed survey rounds, as round_open, response_submit, assessment_submit and round_seal leave them.

    Every employee of the workplace is asked (their addresses are in the organisation's domain and their
    memberships older than the eligibility window, so nobody is left out) and 12 answered. Each response
    answers every statement of the round's version, on the scale or "don't know"; every third has a comment
    on one practice. The leader assessed themself. Sealed the night after the last day: no locators, no link
    hashes, the answers' ids random."""
    from frontloeber.reflection.models import (
        Answer,
        Assessment,
        AssessmentAnswer,
        PracticeComment,
        Response,
        Round,
        RoundInvitation,
    )

    organisation = b.organisation
    cursor.execute("SELECT id FROM reflection_questionbankversion ORDER BY number DESC LIMIT 1")
    version = cursor.fetchone()[0]
    employees = sizes.PEOPLE_PER_WORKPLACE - 1
    # Round r belongs to workplace r / ROUNDS_PER_WORKPLACE; the first opened about a year ago, the next ones
    # at even steps since, three weeks each.
    opens = (
        f"current_date - 330 + mod(r, {sizes.ROUNDS_PER_WORKPLACE}) * {300 // sizes.ROUNDS_PER_WORKPLACE}"
        f" - mod(r / {sizes.ROUNDS_PER_WORKPLACE}, 45)"
    )
    step(
        "survey rounds",
        insert_select(
            cursor,
            Round,
            f"generate_series(0, %s - 1) AS r,"
            f" LATERAL (SELECT r / {sizes.ROUNDS_PER_WORKPLACE} AS w, {opens} AS opens) x",
            {
                "organisation_id": str(organisation.pk),
                "workplace_id": f"{b.first_workplace} + w",
                "version_id": str(version),
                "leader_id": b.person("w", 0),
                "opens_on": "opens",
                "closes_on": "opens + 21",
                "threshold": str(organisation.reflection_threshold),
                "invited_count": str(employees),
                "eligibility_days": str(organisation.survey_eligibility_days),
                "created_at": "(opens - mod(w, 7))::timestamptz + interval '6 hours 30 minutes'",
                "invitations_sent_at": "opens::timestamptz + interval '7 hours'",
                "reminded_on": "opens + 19",
                "sealed_at": "(opens + 22)::timestamptz + interval '3 hours'",
            },
            [sizes.WORKPLACES * sizes.ROUNDS_PER_WORKPLACE],
        ),
    )
    # The first round to open with a version locks it (question_bank_lock).
    cursor.execute(
        "UPDATE reflection_questionbankversion SET locked_at = least(coalesce(locked_at, now()),"
        " (SELECT min(created_at) FROM reflection_round WHERE version_id = %s)) WHERE id = %s",
        [version, version],
    )
    rounds = f"reflection_round r WHERE {b.ours('r')}"
    tenant = {"organisation_id": "r.organisation_id", "workplace_id": "r.workplace_id", "round_id": "r.id"}
    # Which 12 answered differs from round to round (7 p is a permutation modulo the 29 employees); the
    # invitation keeps only that they did.
    step(
        "survey invitations",
        insert_select(
            cursor,
            RoundInvitation,
            f"reflection_round r CROSS JOIN generate_series(1, {employees}) AS p WHERE {b.ours('r')}",
            {
                **tenant,
                "user_id": b.person(b.w("r.workplace_id"), "p"),
                "answered": f"mod(7 * p + r.id, {employees}) < {sizes.RESPONDENTS}",
            },
        ),
    )
    step(
        "survey responses",
        insert_select(
            cursor,
            Response,
            f"reflection_round r CROSS JOIN generate_series(1, {sizes.RESPONDENTS}) AS x WHERE {b.ours('r')}",
            tenant,
        ),
    )
    answered = {
        "organisation_id": "s.organisation_id",
        "workplace_id": "s.workplace_id",
        "round_id": "s.round_id",
        "response_id": "s.id",
    }
    on_scale = f"({array(sizes.SCALE)})[1 + floor(random() * {len(sizes.SCALE)})::int]"
    step(
        "survey answers",
        insert_select(
            cursor,
            Answer,
            "reflection_response s JOIN reflection_round r ON r.id = s.round_id"
            f" JOIN reflection_item i ON i.version_id = r.version_id WHERE {b.ours('s')}",
            {
                **answered,
                "item_id": "i.id",
                "value": f"CASE WHEN random() < {sizes.SCALE_SHARE} THEN {on_scale} END",
            },
        ),
    )
    # Sealed, so each round's totals per practice are kept, as round_seal keeps them: the migration's own SQL.
    fill = importlib.import_module("frontloeber.reflection.migrations.0006_practice_totals").FILL
    cursor.execute(fill)
    step("survey practice totals", cursor.rowcount)
    # c is from 0 to 14: a response with c below 5 comments on the practice in that position.
    step(
        "survey comments",
        insert_select(
            cursor,
            PracticeComment,
            "(SELECT s.*, floor(random() * 15)::int AS c FROM reflection_response s"
            f" WHERE {b.ours('s')}) AS s JOIN reflection_round r ON r.id = s.round_id"
            " JOIN (SELECT id, version_id, row_number() OVER (PARTITION BY version_id ORDER BY position) - 1"
            " AS i FROM reflection_practice) AS pr ON pr.version_id = r.version_id AND pr.i = s.c",
            {
                **answered,
                "practice_id": "pr.id",
                "text": pick(sizes.SURVEY_COMMENTS, "floor(random() * 1000)::int"),
            },
        ),
    )
    step(
        "self-assessments",
        insert_select(
            cursor,
            Assessment,
            rounds,
            {
                **tenant,
                "kind": "'leader'",
                "author_id": "r.leader_id",
                "updated_at": "r.opens_on::timestamptz + interval '2 days 15 hours'",
            },
        ),
    )
    # A leader seldom says "don't know" about themself, and rates themself from 2 to 5.
    step(
        "self-assessment answers",
        insert_select(
            cursor,
            AssessmentAnswer,
            "reflection_assessment a JOIN reflection_round r ON r.id = a.round_id"
            f" JOIN reflection_item i ON i.version_id = r.version_id WHERE {b.ours('a')}",
            {
                "assessment_id": "a.id",
                "item_id": "i.id",
                "value": "CASE WHEN random() >= 0.05 THEN 2 + floor(random() * 4)::int END",
            },
        ),
    )


def skill_ratings(cursor, step, b):
    """Everyone but the last employee of each workplace has rated every skill of the organisation's catalogue,
    as skills_rate leaves it: the rating, a level change in the history for the first rating and one for each
    later change of level (a fifth of the ratings were raised since), and the person's sharing choices. An
    organisation without a catalogue gets the suggested one first, as catalogue_start gives it."""
    from frontloeber.competences.catalogue import SUGGESTED
    from frontloeber.competences.models import Skill, SkillLevelChange, SkillProfile, SkillRating

    organisation = b.organisation.pk
    catalogue = "organisation_id = %s AND workplace_id IS NULL AND retired_at IS NULL"
    cursor.execute(f"SELECT id FROM competences_skill WHERE {catalogue} ORDER BY id", [organisation])  # noqa: S608
    if not cursor.fetchall():
        areas, names, names_en, descriptions, descriptions_en = zip(*SUGGESTED, strict=True)
        insert_select(
            cursor,
            Skill,
            "unnest(%s::text[], %s::text[], %s::text[], %s::text[], %s::text[])"
            " AS s(area, name, name_en, description, description_en)",
            {
                "organisation_id": str(organisation),
                "area": "s.area",
                "name": "s.name",
                "name_en": "s.name_en",
                "description": "s.description",
                "description_en": "s.description_en",
                "created_by_id": str(b.first_person),
                "created_at": "now() - interval '400 days'",
            },
            [list(areas), list(names), list(names_en), list(descriptions), list(descriptions_en)],
        )
    cursor.execute(f"SELECT id FROM competences_skill WHERE {catalogue} ORDER BY id", [organisation])  # noqa: S608
    b.skills = [row[0] for row in cursor.fetchall()]
    people = sizes.WORKPLACES * sizes.PEOPLE_PER_WORKPLACE
    # Person n first rated 233 to 330 days ago; a rating raised since (a >= 0.1 is level 1 or more, b < 0.2)
    # was changed 20 to 120 days after that.
    first_at = "now() - (330 - mod({n}, 97)) * interval '1 day'"
    step(
        "skill ratings",
        insert_select(
            cursor,
            SkillRating,
            f"(SELECT n, sk.id AS skill, {first_at.format(n='n')} AS first_at, random() AS a, random() AS b"
            " FROM generate_series(0, %s - 1) AS n CROSS JOIN competences_skill sk"
            f" WHERE sk.id = ANY(%s) AND n / {sizes.WORKPLACES} < {sizes.PEOPLE_PER_WORKPLACE - 1}) AS r",
            {
                "organisation_id": str(organisation),
                "user_id": f"{b.first_person} + n",
                "skill_id": "skill",
                "level": f"({array(sizes.LEVELS)})[1 + floor(a * {len(sizes.LEVELS)})::int]",
                "wants_to_learn": "a < 0.4 AND b > 0.7",
                "updated_at": "first_at + CASE WHEN a >= 0.1 AND b < 0.2"
                " THEN (20 + floor(b * 500)::int) * interval '1 day' ELSE interval '0' END",
            },
            [people, b.skills],
        ),
    )
    first = first_at.format(n=f"(r.user_id - {b.first_person})")
    raised = f"r.updated_at > {first} + interval '1 day'"
    step(
        "skill level history",
        insert_select(
            cursor,
            SkillLevelChange,
            "competences_skillrating r CROSS JOIN generate_series(0, 1) AS x"
            f" WHERE r.user_id BETWEEN %s AND %s AND (x = 0 OR {raised})",
            {
                "organisation_id": "r.organisation_id",
                "user_id": "r.user_id",
                "skill_id": "r.skill_id",
                "level": f"CASE WHEN x = 0 AND {raised} THEN r.level - 1 ELSE r.level END",
                "changed_at": f"CASE WHEN x = 0 AND {raised} THEN {first} ELSE r.updated_at END",
            },
            [b.first_person, b.first_person + people - 1],
        ),
    )
    # One in ten keeps their ratings from colleagues, one in five would rather not be asked for help.
    step(
        "skill profiles",
        insert_select(
            cursor,
            SkillProfile,
            "(SELECT user_id, max(updated_at) AS at FROM competences_skillrating"
            " WHERE user_id BETWEEN %s AND %s GROUP BY user_id) AS r",
            {
                "organisation_id": str(organisation),
                "user_id": "r.user_id",
                "visible_to_team": "random() >= 0.1",
                "willing_to_help": "random() >= 0.2",
                "updated_at": "r.at",
            },
            [b.first_person, b.first_person + people - 1],
        ),
    )
