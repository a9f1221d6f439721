"""The skills pages of a workplace: the team's map, rating one's own skills, the catalogue and learning."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from frontloeber.core.forms import apply_validation_error, error_text
from frontloeber.core.pagination import paginate
from frontloeber.core.text import whole_number
from frontloeber.organisations.models import Role
from frontloeber.organisations.permissions import can_contribute
from frontloeber.organisations.selectors import workplace_members
from frontloeber.organisations.tenancy import workplace_view

from . import permissions, selectors, services
from .forms import ActivityForm, FeedbackForm, RatingForm, SkillForm
from .models import Level

CONTRIBUTORS = [Role.EMPLOYEE, Role.LEADER]


def _map_url(request):
    return redirect("competences:map", workplace_slug=request.workplace.slug)


@workplace_view
@require_GET
def skills_map(request):
    is_leader = request.membership.is_leader
    board = selectors.team_map(workplace=request.workplace, viewer=request.user, viewer_is_leader=is_leader)
    return render(
        request,
        "competences/map.html",
        {
            **board,
            "heat_map_key": selectors.heat_map_key(workplace=request.workplace, areas=board["areas"]),
            "quarters": selectors.coverage_by_quarter(workplace=request.workplace, skills=board["skills"]),
            "levels": Level.choices,
            "is_leader": is_leader,
            "can_plan": permissions.can_plan_activity(membership=request.membership),
        },
    )


@workplace_view(roles=CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def rate(request):
    """Rate one's own skills: a level per skill, what one wants to learn, and how to share it."""
    skills = list(selectors.workplace_skills(workplace=request.workplace))
    ratings = selectors.my_ratings(user=request.user, workplace=request.workplace)
    profile = selectors.profile_for(user=request.user, organisation=request.organisation)
    form = RatingForm(
        request.POST or None,
        skills=skills,
        initial=RatingForm.initial_for(skills=skills, ratings=ratings, profile=profile),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.skills_rate(
                actor=request.user,
                user=request.user,
                workplace=request.workplace,
                ratings=form.ratings(),
                visible_to_team=form.cleaned_data["visible_to_team"],
                willing_to_help=form.cleaned_data["willing_to_help"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Your ratings are saved. Thank you."))
            return _map_url(request)
    revisit = selectors.to_update_after_learning(user=request.user, workplace=request.workplace)
    rows = form.rows()
    return render(
        request,
        "competences/rate.html",
        {
            "form": form,
            "areas": _rows_by_area(rows),
            "revisit": revisit,
            "empty": not skills,
        },
        status=400 if form.errors else 200,
    )


def _rows_by_area(rows):
    grouped = selectors.skills_by_area([skill for skill, _level, _learn in rows])
    by_skill = {skill.pk: (skill, level, learn) for skill, level, learn in rows}
    return [(area, [by_skill[s.pk] for s in skills]) for area, skills in grouped]


@workplace_view
@require_http_methods(["GET", "POST"])
def catalogue(request):
    """The skills the workplace rates; leaders add the ones that matter here, the organisation's admins the
    ones for every workplace."""
    is_leader = request.membership.is_leader
    is_admin = permissions.can_administer(user=request.user, organisation=request.organisation)
    form = SkillForm(request.POST or None, for_organisation=is_admin) if is_leader or is_admin else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("Only a leader of the workplace can do this."))
        if form.is_valid():
            try:
                skill = services.skill_add(
                    actor=request.user, workplace=request.workplace, **form.cleaned_data
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            except PermissionDenied as denied:
                form.add_error(None, str(denied))
            else:
                messages.success(request, _("“%(skill)s” is in the catalogue.") % {"skill": skill.shown_name})
                return redirect("competences:catalogue", workplace_slug=request.workplace.slug)
    skills = list(selectors.workplace_skills(workplace=request.workplace))
    retirable = permissions.retirable_skill_ids(membership=request.membership, skills=skills, admin=is_admin)
    for skill in skills:
        skill.can_retire = skill.pk in retirable
    return render(
        request,
        "competences/catalogue.html",
        {
            "areas": selectors.skills_by_area(skills),
            "form": form,
            "is_leader": is_leader,
            "empty": not skills,
        },
        status=400 if form is not None and form.errors else 200,
    )


@workplace_view(roles=[Role.LEADER])
@require_POST
def catalogue_start(request):
    try:
        added = services.catalogue_start(actor=request.user, workplace=request.workplace)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("%(n)d suggested skills are in the catalogue.") % {"n": len(added)})
    return redirect("competences:catalogue", workplace_slug=request.workplace.slug)


@workplace_view
@require_http_methods(["GET", "POST"])
def skill_retire(request, skill_id):
    skill = selectors.access_skill(workplace=request.workplace, skill_id=skill_id)
    if not permissions.can_retire_skill(membership=request.membership, skill=skill):
        raise Http404(_("No such skill to remove here."))
    if request.method == "POST":
        services.skill_retire(actor=request.user, workplace=request.workplace, skill=skill)
        messages.success(
            request, _("“%(skill)s” is removed from the catalogue.") % {"skill": skill.shown_name}
        )
        return redirect("competences:catalogue", workplace_slug=request.workplace.slug)
    return render(request, "competences/skill_retire.html", {"skill": skill})


# --- Learning activities ------------------------------------------------------------------------------------


@workplace_view
@require_GET
def activity_list(request):
    now = timezone.now()
    upcoming = list(selectors.upcoming_activities(workplace=request.workplace, now=now))
    return render(
        request,
        "competences/activity_list.html",
        {
            "upcoming": upcoming,
            "page": paginate(request, selectors.past_activities(workplace=request.workplace, now=now)),
            "mine": selectors.my_signup_ids(user=request.user, workplace=request.workplace),
            "can_plan": permissions.can_plan_activity(membership=request.membership),
        },
    )


def _activity_form(request, *, initial):
    skills = list(selectors.workplace_skills(workplace=request.workplace))
    members = list(workplace_members(workplace=request.workplace).exclude(role=Role.OBSERVER))
    return ActivityForm(request.POST or None, skills=skills, members=members, initial=initial)


@workplace_view(roles=CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def activity_create(request):
    """Plan a learning activity; ``?faerdighed=`` starts it for a skill (a gap on the map)."""
    if not permissions.can_plan_activity(membership=request.membership):
        raise PermissionDenied(
            _("A leader plans learning activities, or a helper one for a skill they can teach.")
        )
    skill_id = whole_number(request.GET.get("faerdighed"))
    initial = {"host": request.user.pk}
    if skill_id is not None:
        skill = selectors.skill_find(workplace=request.workplace, skill_id=skill_id)
        if skill is not None:
            initial.update(skills=[skill.pk], title=_("Learning: %(skill)s") % {"skill": skill.shown_name})
    form = _activity_form(request, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.activity_plan(
                actor=request.user, workplace=request.workplace, **form.activity()
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        except PermissionDenied as denied:
            form.add_error(None, str(denied))
        else:
            messages.success(
                request, _("The activity is planned. Those who want to learn it have been told.")
            )
            return redirect(activity.get_absolute_url())
    return render(
        request, "competences/activity_form.html", {"form": form}, status=400 if form.errors else 200
    )


def _activity_or_404(request, activity_id):
    return selectors.access_activity(workplace=request.workplace, activity_id=activity_id)


@workplace_view
@require_GET
def activity_detail(request, activity_id):
    activity = _activity_or_404(request, activity_id)
    signups = selectors.activity_signups(activity=activity)
    mine = next((s for s in signups if s.user_id == request.user.pk), None)
    now = timezone.now()
    can_manage = permissions.can_manage_activity(membership=request.membership, activity=activity)
    ratings = [s.rating for s in signups if s.rating]
    return render(
        request,
        "competences/activity_detail.html",
        {
            "activity": activity,
            "signups": signups,
            "mine": mine,
            "started": activity.has_started(now),
            "can_manage": can_manage,
            "can_sign_up": can_contribute(membership=request.membership),
            "seats_left": None if activity.seats is None else max(activity.seats - len(signups), 0),
            "feedback_form": FeedbackForm(initial={"rating": mine.rating, "feedback": mine.feedback})
            if mine
            else None,
            "mean_rating": round(sum(ratings) / len(ratings), 1) if ratings else None,
        },
    )


@workplace_view(roles=CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def activity_edit(request, activity_id):
    activity = _activity_or_404(request, activity_id)
    if not permissions.can_manage_activity(membership=request.membership, activity=activity):
        raise Http404(_("No such learning activity in this workplace."))
    form = _activity_form(request, initial=ActivityForm.initial_for(activity))
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_update(actor=request.user, activity=activity, **form.activity())
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The activity is saved."))
            return redirect(activity.get_absolute_url())
    return render(
        request,
        "competences/activity_form.html",
        {"form": form, "activity": activity},
        status=400 if form.errors else 200,
    )


@workplace_view(roles=CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def activity_cancel(request, activity_id):
    activity = _activity_or_404(request, activity_id)
    if not permissions.can_manage_activity(membership=request.membership, activity=activity):
        raise Http404(_("No such learning activity in this workplace."))
    if activity.cancelled_at:
        messages.info(request, _("The activity is already cancelled."))
        return redirect(activity.get_absolute_url())
    error_message = None
    if request.method == "POST":
        try:
            services.activity_cancel(actor=request.user, activity=activity)
        except ValidationError as error:
            error_message = error_text(error)
        else:
            messages.success(request, _("The activity is cancelled, and those signed up have been told."))
            return redirect(activity.get_absolute_url())
    return render(
        request,
        "competences/activity_cancel.html",
        {"activity": activity, "error_message": error_message},
        status=400 if error_message else 200,
    )


@workplace_view(roles=CONTRIBUTORS)
@require_POST
def signup(request, activity_id):
    """Sign up (``action=join``) or take one's name off again (``action=leave``)."""
    activity = _activity_or_404(request, activity_id)
    try:
        if request.POST.get("action") == "leave":
            services.signup_cancel(actor=request.user, activity=activity)
            messages.success(request, _("You are no longer signed up."))
        else:
            services.signup_create(actor=request.user, activity=activity)
            messages.success(request, _("You are signed up. The host has been told."))
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
    return redirect(activity.get_absolute_url())


@workplace_view(roles=CONTRIBUTORS)
@require_POST
def attendance(request, activity_id):
    activity = _activity_or_404(request, activity_id)
    if not permissions.can_manage_activity(membership=request.membership, activity=activity):
        raise Http404(_("No such learning activity in this workplace."))
    ids = [n for n in map(whole_number, request.POST.getlist("attended")) if n is not None]
    try:
        came = services.attendance_record(actor=request.user, activity=activity, attended_ids=ids)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("Attendance is saved: %(n)d took part. They are asked to look at their ratings.") % {"n": came},
        )
    return redirect(activity.get_absolute_url())


@workplace_view(roles=CONTRIBUTORS)
@require_POST
def feedback(request, activity_id):
    activity = _activity_or_404(request, activity_id)
    form = FeedbackForm(request.POST)
    if form.is_valid():
        try:
            services.activity_feedback(actor=request.user, activity=activity, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Thank you for rating the activity."))
    else:
        messages.error(request, _("Give the activity 1 to 5."))
    return redirect(activity.get_absolute_url())
