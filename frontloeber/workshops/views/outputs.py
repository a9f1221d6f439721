from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from frontloeber.competences.forms import ActivityForm
from frontloeber.competences.selectors import workplace_skills
from frontloeber.core.forms import apply_validation_error, error_text
from frontloeber.core.pdf import pdf_response
from frontloeber.core.text import whole_number
from frontloeber.experiments import selectors as experiment_selectors
from frontloeber.experiments.forms import AdoptionPlanForm, ExperimentForm
from frontloeber.ideas.selectors import assignable_members
from frontloeber.organisations.models import Role
from frontloeber.organisations.selectors import workplace_members
from frontloeber.organisations.tenancy import workplace_view

from .. import permissions, selectors, services
from ..forms import ActionItemForm, BarrierForm, PostChallengeForm, PostIdeaForm
from ..models import IDEA_OUTPUTS, OutputKind
from .base import _board_url, _facilitated_or_404, _outputs_url
from .sessions import _session_or_404

# --- After the session: outputs, summary, material pack -------------------------------------------


@workplace_view
@require_GET
def session_outputs(request, session_id):
    """The facilitator's desk after (or during) the session: each post, and what it can become."""
    session = _facilitated_or_404(request, session_id)
    desk = selectors.output_desk(session=session)
    return render(
        request,
        "workshops/outputs.html",
        {
            "session": session,
            **desk,
            "kinds": permissions.output_kinds(membership=request.membership),
            "suggested": selectors.suggested_output_kinds(steps=desk["steps"]),
            "idea_kinds": IDEA_OUTPUTS,
        },
    )


@workplace_view
@require_http_methods(["GET", "POST"])
def session_posts_to_ideas(request, session_id):
    """Every post still on the board that has become nothing yet becomes an idea, in one action, after a
    preview of what each idea will be."""
    session = _facilitated_or_404(request, session_id)
    if not permissions.can_make_output(membership=request.membership, kind=OutputKind.IDEA):
        raise Http404(_("Only the workplace's leaders make this from a post."))
    if request.method == "POST":
        chosen = [pk for pk in map(whole_number, request.POST.getlist("post")) if pk is not None]
        try:
            ideas = services.posts_to_ideas(actor=request.user, session=session, post_ids=chosen)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(
                request,
                ngettext(
                    "%(n)d post became an idea. Each is on the ideas board, linked to the workshop.",
                    "%(n)d posts became ideas. Each is on the ideas board, linked to the workshop.",
                    len(ideas),
                )
                % {"n": len(ideas)},
            )
        return redirect(_outputs_url(session))
    posts = selectors.posts_without_output(session=session)
    drafts = [(post, selectors.post_idea_draft(post=post, session=session)) for post in posts]
    return render(
        request,
        "workshops/posts_to_ideas.html",
        {"session": session, "drafts": drafts, "cancel_url": _outputs_url(session)},
    )


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
    if kind not in OutputKind.values:
        raise Http404(_("No such post in this workshop."))
    post = selectors.access_post(session=session, post_id=post_id)
    if not permissions.can_make_output(membership=request.membership, kind=kind):
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
            "is_idea": kind == OutputKind.IDEA,
            "error_message": error_message,
        },
    )


@workplace_view
@require_http_methods(["GET", "POST"])
def session_learning_activity(request, session_id):
    """Plan a learning activity in the workshop itself (Kompetencekortet's last step takes no posts)."""
    session = _facilitated_or_404(request, session_id)
    if not permissions.can_make_output(membership=request.membership, kind=OutputKind.LEARNING_ACTIVITY):
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
            # The post is the hypothesis; the rest is drafted from the idea, as on the idea's own way.
            initial=ExperimentForm.initial_new(
                {**experiment_selectors.experiment_plan_seed(idea=idea), "hypothesis": post.text}
            ),
        )
        template = "experiments/experiment_form.html"
    else:
        plan = experiment_selectors.plan_for_idea(idea=idea)
        initial = (
            AdoptionPlanForm.initial_for(plan)
            if plan
            else {
                **experiment_selectors.adoption_plan_seed(
                    idea=idea, experiment=experiment_selectors.adopting_experiment(idea=idea)
                ),
                "affected": post.text,
            }
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
    name = f"{word}-{session.format.name}-{timezone.localtime(session.starts_at):%Y-%m-%d}"
    return pdf_response("workshops/summary_pdf.html", context, filename=name, request=request)


@workplace_view
@require_GET
def format_materials(request, format_slug):
    """The material pack to print for a session without screens: the plan, the cue cards, post sheets."""
    workshop = selectors.access_format(slug=format_slug)
    context = {"workshop": workshop, "workplace": request.workplace, "pdf": True}
    word = _("materials")  # outside the f-string, where makemessages can see it
    return pdf_response(
        "workshops/materials_pdf.html", context, filename=f"{word}-{workshop.slug}", request=request
    )
