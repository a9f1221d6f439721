"""The workshop pages of a workplace: the library, sessions planned and run live from the facilitator's
screen, what the posts become, the summary, and the barrier register and action items.

The participants' pages (members and guests, by join code) are in ``join_views.py``."""

import datetime

import segno
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from frontloeber.competences.forms import ActivityForm
from frontloeber.competences.selectors import workplace_skills
from frontloeber.core.forms import apply_validation_error, error_text
from frontloeber.core.pagination import paginate
from frontloeber.core.pdf import pdf_response
from frontloeber.core.text import whole_number
from frontloeber.experiments.forms import AdoptionPlanForm, ExperimentForm
from frontloeber.experiments.selectors import plan_for_idea
from frontloeber.ideas.selectors import access_idea, assignable_members
from frontloeber.organisations.models import Role
from frontloeber.organisations.selectors import workplace_members
from frontloeber.organisations.tenancy import workplace_view

from . import selectors, services
from .forms import ActionItemForm, BarrierForm, PostChallengeForm, PostIdeaForm, SessionForm
from .models import BarrierStatus, OutputKind, PracticeCode, SessionState
from .permissions import can_facilitate


@workplace_view
@require_GET
def library(request):
    practice = request.GET.get("praksis", "")
    if practice not in PracticeCode.values:
        practice = ""
    return render(
        request,
        "workshops/library.html",
        {
            "formats": selectors.format_list(practice=practice or None),
            "practice": practice,
            "practices": PracticeCode.choices,
        },
    )


@workplace_view
@require_GET
def format_detail(request, format_slug):
    workshop = selectors.access_format(slug=format_slug)
    if workshop is None:
        raise Http404(_("No such workshop in the library."))
    return render(request, "workshops/format_detail.html", {"workshop": workshop})


# --- Sessions -------------------------------------------------------------------------------------


def _session_or_404(workplace, session_id):
    session = selectors.access_session(workplace=workplace, session_id=session_id)
    if session is None:
        raise Http404(_("No such workshop in this workplace."))
    return session


@workplace_view
@require_GET
def session_list(request):
    return render(
        request,
        "workshops/session_list.html",
        {
            "page": paginate(request, selectors.workplace_sessions(workplace=request.workplace)),
            "now": timezone.now(),
        },
    )


@workplace_view
@require_GET
def session_detail(request, session_id):
    session = _session_or_404(request.workplace, session_id)
    return render(
        request,
        "workshops/session_detail.html",
        {
            "session": session,
            "invitees": selectors.session_invitees(session=session),
            "can_facilitate": can_facilitate(user=request.user, session=session),
            "outputs": selectors.session_outputs(session=session)
            if session.state != SessionState.PLANNED
            else [],
        },
    )


def _session_form(request, *, session=None):
    workplace = request.workplace
    members = list(workplace_members(workplace=workplace).exclude(role=Role.OBSERVER))
    formats = list(selectors.format_list())
    if session is None:
        chosen = request.GET.get("format", "")
        initial = {
            "format": chosen,
            "starts_at": (timezone.localtime() + datetime.timedelta(days=7)).replace(
                hour=13, minute=0, second=0, microsecond=0
            ),
            "facilitator": request.user.pk,
            "invited": [m.user_id for m in members],
        }
    else:
        initial = {
            "starts_at": timezone.localtime(session.starts_at),
            "place": session.place,
            "facilitator": session.facilitator_id,
            "about": _about_value(session),
            "invited": [user.pk for user in selectors.session_invitees(session=session)],
        }
    form = SessionForm(
        request.POST or None,
        initial=initial,
        formats=formats,
        members=members,
        about_choices=selectors.about_choices(workplace=workplace),
        fixed_format=session.format if session else None,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        users = {m.user_id: m.user for m in members}
        try:
            about = selectors.resolve_about(workplace=workplace, value=data["about"])
        except ValueError:
            form.add_error("about", _("Choose something from this workplace."))
        else:
            fields = {
                "starts_at": data["starts_at"],
                "place": data["place"],
                "facilitator": users.get(data["facilitator"]),
                "about": about,
                "invited": [users[pk] for pk in data["invited"] if pk in users],
            }
            try:
                if session is None:
                    chosen = next(f for f in formats if f.slug == data["format"])
                    session = services.session_plan(
                        actor=request.user, workplace=workplace, format=chosen, **fields
                    )
                    messages.success(request, _("The workshop is planned, and the invited have been told."))
                else:
                    services.session_update(actor=request.user, session=session, **fields)
                    messages.success(request, _("The workshop is saved."))
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                return redirect(session.get_absolute_url())
    return render(request, "workshops/session_form.html", {"form": form, "session": session})


def _about_value(session):
    for field in ("challenge", "idea", "experiment", "adoption_plan"):
        if getattr(session, f"{field}_id"):
            return f"{field}:{getattr(session, f'{field}_id')}"
    return ""


@workplace_view(roles=[Role.LEADER])
@require_http_methods(["GET", "POST"])
def session_plan(request):
    return _session_form(request)


@workplace_view(roles=[Role.LEADER])
@require_http_methods(["GET", "POST"])
def session_edit(request, session_id):
    session = _session_or_404(request.workplace, session_id)
    if session.state != SessionState.PLANNED:
        messages.error(request, _("Only a planned workshop can be changed."))
        return redirect(session.get_absolute_url())
    return _session_form(request, session=session)


@workplace_view(roles=[Role.LEADER])
@require_http_methods(["GET", "POST"])
def session_cancel(request, session_id):
    session = _session_or_404(request.workplace, session_id)
    error_message = None
    if request.method == "POST":
        try:
            services.session_cancel(actor=request.user, session=session)
        except ValidationError as error:
            error_message = error_text(error)
        else:
            messages.success(request, _("The workshop is cancelled, and the invited have been told."))
            return redirect("workshops:session_list", workplace_slug=request.workplace.slug)
    return render(
        request, "workshops/session_cancel.html", {"session": session, "error_message": error_message}
    )


# --- Running the session: the facilitator's screen ------------------------------------------------


def _facilitated_or_404(request, session_id):
    """The session, for its facilitator or a leader; to anyone else it does not exist."""
    session = _session_or_404(request.workplace, session_id)
    if not can_facilitate(user=request.user, session=session):
        raise Http404(_("No such workshop in this workplace."))
    return session


def _join_url(request, session):
    return request.build_absolute_uri(reverse("join:room", kwargs={"code": session.join_code}))


def _live_context(request, session):
    board = selectors.live_board(session=session)
    return {"session": session, **board, "join_url": _join_url(request, session) if session.join_code else ""}


def _back_to_live(request, session):
    """After a facilitator's change: the fresh board for htmx, the whole page otherwise."""
    session.refresh_from_db()
    if request.htmx:
        return render(request, "workshops/live/_facilitator_board.html", _live_context(request, session))
    return redirect("workshops:session_live", workplace_slug=request.workplace.slug, session_id=session.pk)


def _refused(request, session, error):
    if request.htmx:
        context = {**_live_context(request, session), "error_message": error_text(error)}
        return render(request, "workshops/live/_facilitator_board.html", context)
    messages.error(request, error_text(error))
    return redirect("workshops:session_live", workplace_slug=request.workplace.slug, session_id=session.pk)


@workplace_view
@require_POST
def session_start(request, session_id):
    session = _facilitated_or_404(request, session_id)
    try:
        services.session_start(actor=request.user, session=session)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect(session.get_absolute_url())
    return redirect("workshops:session_live", workplace_slug=request.workplace.slug, session_id=session.pk)


@workplace_view
@require_GET
def session_live(request, session_id):
    session = _facilitated_or_404(request, session_id)
    if session.state != SessionState.LIVE:
        return redirect(session.get_absolute_url())
    context = _live_context(request, session)
    context["qr"] = mark_safe(  # noqa: S308 - segno draws the SVG from our own URL
        segno.make(context["join_url"], error="m").svg_inline(scale=5, title=_("QR code to join"))
    )
    return render(request, "workshops/live/facilitator.html", context)


@workplace_view
@require_GET
def session_live_board(request, session_id):
    """What the projector polls every two seconds: nothing (204) unless the board changed."""
    session = _facilitated_or_404(request, session_id)
    if request.GET.get("rev") == str(session.revision):
        return HttpResponse(status=204)
    return render(request, "workshops/live/_facilitator_board.html", _live_context(request, session))


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@workplace_view
@require_POST
def session_control(request, session_id):
    """The facilitator's buttons: steps, countdown, vote, groups and the end."""
    session = _facilitated_or_404(request, session_id)
    action = request.POST.get("action", "")
    try:
        if action in services.STEP_ACTIONS:
            services.session_step(
                actor=request.user, session=session, action=action, minutes=_int(request.POST.get("minutes"))
            )
        elif action == "vote_open":
            services.vote_open(actor=request.user, session=session, dots=_int(request.POST.get("dots")))
        elif action == "vote_close":
            services.vote_close(actor=request.user, session=session)
        elif action == "split":
            services.groups_split(actor=request.user, session=session, count=_int(request.POST.get("groups")))
        elif action == "theme":
            services.theme_create(actor=request.user, session=session, name=request.POST.get("name", ""))
        elif action == "end":
            services.session_end(actor=request.user, session=session)
            messages.success(request, _("The workshop has ended. Now turn the posts into what they become."))
            if request.htmx:
                response = HttpResponse(status=204)
                response["HX-Redirect"] = _outputs_url(session)
                return response
            return redirect(_outputs_url(session))
        else:
            raise ValidationError(_("Unknown step action."))
    except ValidationError as error:
        return _refused(request, session, error)
    return _back_to_live(request, session)


@workplace_view
@require_POST
def post_arrange(request, session_id, post_id):
    """Merge a post into another, put it under a theme, or move it to another group's board."""
    session = _facilitated_or_404(request, session_id)
    post = selectors.access_post(session=session, post_id=post_id)
    if post is None:
        raise Http404(_("No such post in this workshop."))
    try:
        if "merge_into" in request.POST:
            into = selectors.access_post(session=session, post_id=_int(request.POST["merge_into"]))
            if into is None:
                raise ValidationError(_("Choose another post of this workshop."))
            services.post_merge(actor=request.user, post=post, into=into)
        elif "theme" in request.POST:
            theme_id = _int(request.POST["theme"])
            theme = selectors.access_theme(session=session, theme_id=theme_id) if theme_id else None
            if theme_id and theme is None:
                raise ValidationError(_("Choose one of this workshop's themes."))
            services.post_theme(actor=request.user, post=post, theme=theme)
        elif "group" in request.POST:
            services.post_move(actor=request.user, post=post, group=_int(request.POST["group"]))
        else:
            raise ValidationError(_("Choose what to do with the post."))
    except ValidationError as error:
        return _refused(request, session, error)
    return (
        _back_to_live(request, session)
        if session.state == SessionState.LIVE
        else redirect(_outputs_url(session))
    )


@workplace_view
@require_http_methods(["GET", "POST"])
def post_remove(request, session_id, post_id):
    """Take a post off the board, after a confirmation: live, or when tidying up after the workshop."""
    session = _facilitated_or_404(request, session_id)
    post = selectors.access_post(session=session, post_id=post_id)
    if post is None:
        raise Http404(_("No such post in this workshop."))
    back = _board_url(session)
    error_message = None
    if request.method == "POST":
        try:
            services.post_remove(actor=request.user, post=post)
        except ValidationError as error:
            error_message = error_text(error)
        else:
            messages.success(request, _("The post is removed."))
            return redirect(back)
    return render(
        request,
        "workshops/post_delete.html",
        {"session": session, "post": post, "back_url": back, "own": False, "error_message": error_message},
        status=400 if error_message else 200,
    )


@workplace_view
@require_POST
def participant_group(request, session_id, participant_id):
    session = _facilitated_or_404(request, session_id)
    participant = selectors.access_participant(session=session, participant_id=participant_id)
    if participant is None:
        raise Http404(_("No such participant in this workshop."))
    try:
        services.participant_move(
            actor=request.user, participant=participant, group=_int(request.POST.get("group"))
        )
    except ValidationError as error:
        return _refused(request, session, error)
    return _back_to_live(request, session)


@workplace_view
@require_http_methods(["GET", "POST"])
def participant_remove(request, session_id, participant_id):
    """Take a guest out of the room, after a confirmation that says what goes with them."""
    session = _facilitated_or_404(request, session_id)
    participant = selectors.access_participant(session=session, participant_id=participant_id)
    back = _board_url(session)
    if participant is None and selectors.removed_guest(session=session, participant_id=participant_id):
        # Clicked twice, or come back to with the browser's Back button.
        messages.info(request, _("The guest is already removed from the workshop."))
        return redirect(back)
    if participant is None or not participant.is_guest:
        raise Http404(_("No such guest in this workshop."))
    error_message = None
    if request.method == "POST":
        try:
            services.participant_remove(actor=request.user, participant=participant)
        except ValidationError as error:
            error_message = error_text(error)
        else:
            messages.success(
                request, _("%(name)s is removed from the workshop.") % {"name": participant.display_name}
            )
            return redirect(back)
    return render(
        request,
        "workshops/participant_remove.html",
        {
            "session": session,
            "participant": participant,
            **selectors.guest_footprint(participant=participant),
            "back_url": back,
            "error_message": error_message,
        },
        status=400 if error_message else 200,
    )


# --- After the session: outputs, summary, material pack -------------------------------------------


def _outputs_url(session):
    return reverse(
        "workshops:session_outputs",
        kwargs={"workplace_slug": session.workplace.slug, "session_id": session.pk},
    )


@workplace_view
@require_GET
def session_outputs(request, session_id):
    """The facilitator's desk after (or during) the session: each post, and what it can become."""
    session = _facilitated_or_404(request, session_id)
    is_leader = request.membership.is_leader
    desk = selectors.output_desk(session=session)
    return render(
        request,
        "workshops/outputs.html",
        {
            "session": session,
            **desk,
            # Challenges and adoption plans are the leaders' to make, and so is an experiment here.
            "kinds": [k for k in OutputKind if is_leader or k not in LEADERS_OUTPUTS],
            "suggested": _suggested_kinds(desk["steps"]),
            "idea_kinds": IDEA_OUTPUTS,
        },
    )


LEADERS_OUTPUTS = (
    OutputKind.CHALLENGE,
    OutputKind.EXPERIMENT,
    OutputKind.ADOPTION_PLAN,
    OutputKind.LEARNING_ACTIVITY,
)
# Made for an idea: the one the post became, or the one the workshop is about.
IDEA_OUTPUTS = (OutputKind.EXPERIMENT, OutputKind.ADOPTION_PLAN)


def _suggested_kinds(steps):
    """What the format's steps say the posts become, as output kinds."""
    mapping = {
        "challenges": OutputKind.CHALLENGE,
        "ideas": OutputKind.IDEA,
        "barriers": OutputKind.BARRIER,
        "action_items": OutputKind.ACTION_ITEM,
        "experiment_draft": OutputKind.EXPERIMENT,
        "experiment": OutputKind.EXPERIMENT,
        "adoption_plan": OutputKind.ADOPTION_PLAN,
        "learning_activities": OutputKind.LEARNING_ACTIVITY,
    }
    return list(dict.fromkeys(mapping[s.becomes] for s in steps if s.becomes in mapping))


OUTPUT_FORMS = {
    OutputKind.IDEA: PostIdeaForm,
    OutputKind.CHALLENGE: PostChallengeForm,
    OutputKind.BARRIER: BarrierForm,
    OutputKind.ACTION_ITEM: ActionItemForm,
}


@workplace_view
@require_http_methods(["GET", "POST"])
def post_convert(request, session_id, post_id, kind):
    """Turn one post into a record of the product, linked to the session."""
    session = _facilitated_or_404(request, session_id)
    post = selectors.access_post(session=session, post_id=post_id)
    if post is None or kind not in OutputKind.values:
        raise Http404(_("No such post in this workshop."))
    if kind in LEADERS_OUTPUTS and not request.membership.is_leader:
        raise Http404(_("Only the workplace's leaders make this from a post."))
    if kind in IDEA_OUTPUTS:
        return _post_to_plan(request, session, post, OutputKind(kind))
    if kind == OutputKind.LEARNING_ACTIVITY:
        return _plan_learning(request, session, post=post)
    # Only an action item needs someone to own it.
    members = (
        list(workplace_members(workplace=request.workplace).exclude(role=Role.OBSERVER))
        if kind == OutputKind.ACTION_ITEM
        else []
    )
    form_class = OUTPUT_FORMS[kind]
    form = form_class(request.POST or None, initial=form_class.initial_from(post, session), members=members)
    error_message = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        users = {m.user_id: m.user for m in members}
        try:
            if kind == OutputKind.IDEA:
                services.post_to_idea(
                    actor=request.user,
                    post=post,
                    title=data["title"],
                    need=data["need"],
                    description=data["description"],
                )
            elif kind == OutputKind.CHALLENGE:
                services.post_to_challenge(
                    actor=request.user,
                    post=post,
                    title=data["title"],
                    description=data["description"],
                    closes_on=data["closes_on"],
                )
            elif kind == OutputKind.BARRIER:
                services.barrier_create(
                    actor=request.user,
                    workplace=request.workplace,
                    kind=data["kind"],
                    description=data["description"],
                    post=post,
                )
            else:
                services.action_item_create(
                    actor=request.user,
                    workplace=request.workplace,
                    what=data["what"],
                    owner=users.get(data["owner"]),
                    due_on=data["due_on"],
                    post=post,
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        except PermissionDenied as denied:
            error_message = str(denied)
        else:
            return _converted(request, session)
    return render(
        request,
        "workshops/post_convert.html",
        {
            "session": session,
            "post": post,
            "form": form,
            "kind": OutputKind(kind),
            "error_message": error_message,
        },
    )


@workplace_view
@require_http_methods(["GET", "POST"])
def session_learning_activity(request, session_id):
    """Plan a learning activity in the workshop itself (Kompetencekortet's last step takes no posts)."""
    session = _facilitated_or_404(request, session_id)
    if not request.membership.is_leader:
        raise Http404(_("Only the workplace's leaders make this from a post."))
    return _plan_learning(request, session, post=None)


def _plan_learning(request, session, *, post):
    """A learning activity from a post, or straight from the session, with the skills app's own form."""
    members = list(workplace_members(workplace=request.workplace).exclude(role=Role.OBSERVER))
    initial = {"host": request.user.pk}
    if post is not None:
        if post.author.user_id in {m.user_id for m in members}:
            initial["host"] = post.author.user_id
        initial.update(title=post.text.splitlines()[0][:120], description=post.text)
    form = ActivityForm(
        request.POST or None,
        skills=list(workplace_skills(workplace=request.workplace)),
        members=members,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.learning_activity_from_session(
                actor=request.user, session=session, post=post, **form.activity()
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        except PermissionDenied as denied:
            form.add_error(None, str(denied))
        else:
            messages.success(request, _("Saved: it is in Frontløber now, linked to the workshop."))
            return redirect(_board_url(session))
    return render(
        request,
        "competences/activity_form.html",
        {
            "form": form,
            "workshop_post": post,
            "workshop": session,
            "cancel_url": _board_url(session),
        },
        status=400 if form.errors else 200,
    )


def _live_url(session):
    return reverse(
        "workshops:session_live", kwargs={"workplace_slug": session.workplace.slug, "session_id": session.pk}
    )


def _board_url(session):
    """Where the facilitator goes back to: the live screen while it runs, the outputs after."""
    return _live_url(session) if session.state == SessionState.LIVE else _outputs_url(session)


def _converted(request, session):
    messages.success(request, _("Saved: it is in Frontløber now, linked to the workshop."))
    return redirect(_outputs_url(session))


def _post_to_plan(request, session, post, kind):
    """A draft experiment or (part of) an adoption plan from a post, with the experiments' own form."""
    idea = selectors.idea_for_post(session=session, post=post)
    context = {
        "session": session,
        "post": post,
        "kind": kind,
        "idea": idea,
        "cancel_url": _outputs_url(session),
    }
    if idea is None:
        return render(request, "workshops/post_convert.html", context)
    members = list(assignable_members(workplace=request.workplace))
    users = {m.user_id: m.user for m in members}
    skills = list(workplace_skills(workplace=request.workplace))
    if kind == OutputKind.EXPERIMENT:
        form = ExperimentForm(
            request.POST or None,
            members=members,
            skills=skills,
            initial=ExperimentForm.initial_new(hypothesis=post.text),
        )
        template = "experiments/experiment_form.html"
    else:
        plan = plan_for_idea(idea=idea)
        initial = (
            AdoptionPlanForm.initial_for(plan)
            if plan
            else {"affected": post.text, "responsible": idea.responsible_id}
        )
        form = AdoptionPlanForm(request.POST or None, members=members, skills=skills, initial=initial)
        template = "experiments/adoption_form.html"
        context["plan"] = plan
    if request.method == "POST" and form.is_valid():
        try:
            if kind == OutputKind.EXPERIMENT:
                services.post_to_experiment(actor=request.user, post=post, idea=idea, **form.frame(users))
            else:
                services.post_to_adoption_plan(actor=request.user, post=post, idea=idea, **form.plan(users))
        except ValidationError as error:
            apply_validation_error(form, error)
        except PermissionDenied as denied:
            form.add_error(None, str(denied))
        else:
            return _converted(request, session)
    return render(request, template, {**context, "form": form, "workshop_post": post})


def _summary_context(session):
    board = selectors.live_board(session=session)
    return {"session": session, **board, "outputs": selectors.session_outputs(session=session)}


@workplace_view
@require_GET
def session_summary(request, session_id):
    session = _session_or_404(request.workplace, session_id)
    return render(request, "workshops/summary.html", _summary_context(session))


@workplace_view
@require_GET
def session_summary_pdf(request, session_id):
    session = _session_or_404(request.workplace, session_id)
    context = {**_summary_context(session), "pdf": True, "workplace": request.workplace}
    # Outside the f-string, where makemessages can see it.
    word = _("workshop")
    name = slugify(f"{word}-{session.format.name}-{session.starts_at:%Y-%m-%d}")
    return pdf_response("workshops/summary_pdf.html", context, filename=f"{name}.pdf", request=request)


@workplace_view
@require_GET
def format_materials(request, format_slug):
    """The material pack to print for a session without screens: the plan, the cue cards, post sheets."""
    workshop = selectors.access_format(slug=format_slug)
    if workshop is None:
        raise Http404(_("No such workshop in the library."))
    context = {"workshop": workshop, "workplace": request.workplace, "pdf": True}
    return pdf_response(
        "workshops/materials_pdf.html", context, filename=f"{workshop.slug}.pdf", request=request
    )


# --- The barrier register and action items ----------------------------------------------------------


@workplace_view
@require_http_methods(["GET", "POST"])
def barrier_list(request):
    status = request.GET.get("status", "")
    if status not in BarrierStatus.values:
        status = ""
    if request.method == "POST" and request.membership.role == Role.OBSERVER:
        raise PermissionDenied(_("Only the workplace's employees and leaders can add barriers."))
    form = BarrierForm(request.POST or None, members=[])
    if request.method == "POST" and form.is_valid():
        try:
            services.barrier_create(
                actor=request.user,
                workplace=request.workplace,
                kind=form.cleaned_data["kind"],
                description=form.cleaned_data["description"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        except PermissionDenied as denied:
            form.add_error(None, str(denied))
        else:
            messages.success(request, _("The barrier is in the register."))
            return redirect("workshops:barrier_list", workplace_slug=request.workplace.slug)
    return render(
        request,
        "workshops/barrier_list.html",
        {
            "page": paginate(
                request, selectors.workplace_barriers(workplace=request.workplace, status=status)
            ),
            "status": status,
            "statuses": BarrierStatus.choices,
            "form": form,
        },
    )


@workplace_view(roles=[Role.LEADER])
@require_POST
def barrier_edit(request, barrier_id):
    barrier = selectors.access_barrier(workplace=request.workplace, barrier_id=barrier_id)
    if barrier is None:
        raise Http404(_("No such barrier in this workplace."))
    try:
        services.barrier_update(actor=request.user, barrier=barrier, status=request.POST.get("status", ""))
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The barrier's status is saved."))
    return redirect(_barrier_url(barrier))


def _linked_to(request):
    """The barrier (``?barriere=``) or idea (``?ide=``) a new action item is for; 404 if not ours."""
    barrier_id, idea_id = request.GET.get("barriere", ""), request.GET.get("ide", "")
    barrier = idea = None
    if barrier_id:
        barrier = selectors.access_barrier(workplace=request.workplace, barrier_id=_id_or_404(barrier_id))
        if barrier is None:
            raise Http404(_("No such barrier in this workplace."))
    if idea_id:
        idea = access_idea(workplace=request.workplace, idea_id=_id_or_404(idea_id))
    return barrier, idea


def _id_or_404(value):
    number = whole_number(value)
    if number is None:
        raise Http404
    return number


@workplace_view
@require_http_methods(["GET", "POST"])
def action_items(request):
    """My action items, overdue first; a leader can see everyone's and add new ones, also for a barrier or
    an idea (the form then says which, and saving goes back to it)."""
    everyone = request.membership.is_leader and request.GET.get("alle") == "1"
    items = selectors.action_items_for(workplace=request.workplace, owner=None if everyone else request.user)
    barrier, idea = _linked_to(request)
    form = None
    if request.membership.is_leader:
        members = list(workplace_members(workplace=request.workplace).exclude(role=Role.OBSERVER))
        form = ActionItemForm(request.POST or None, members=members)
        if request.method == "POST" and form.is_valid():
            users = {m.user_id: m.user for m in members}
            data = form.cleaned_data
            try:
                services.action_item_create(
                    actor=request.user,
                    workplace=request.workplace,
                    what=data["what"],
                    owner=users.get(data["owner"]),
                    due_on=data["due_on"],
                    barrier=barrier,
                    idea=idea,
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("The action item is saved, and its owner has been told."))
                if idea is not None:
                    return redirect(idea.get_absolute_url() + "#action-items")
                if barrier is not None:
                    return redirect(_barrier_url(barrier))
                return redirect("workshops:action_items", workplace_slug=request.workplace.slug)
    elif request.method == "POST":
        raise PermissionDenied(_("Only a leader of the workplace can do this."))
    return render(
        request,
        "workshops/action_items.html",
        {
            "page": paginate(request, items),
            "everyone": everyone,
            "form": form,
            "for_barrier": barrier,
            "for_idea": idea,
            "today": timezone.localdate(),
        },
    )


def _barrier_url(barrier):
    url = reverse("workshops:barrier_list", kwargs={"workplace_slug": barrier.workplace.slug})
    return f"{url}#barrier-{barrier.pk}"


@workplace_view
@require_POST
def action_item_edit(request, item_id):
    item = selectors.access_action_item(workplace=request.workplace, item_id=item_id)
    if item is None:
        raise Http404(_("No such action item in this workplace."))
    try:
        services.action_item_update(actor=request.user, item=item, status=request.POST.get("status", ""))
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The action item is saved."))
    return redirect(
        request.POST.get("next")
        if url_has_allowed_host_and_scheme(request.POST.get("next"), allowed_hosts={request.get_host()})
        else reverse("workshops:action_items", kwargs={"workplace_slug": request.workplace.slug})
    )
