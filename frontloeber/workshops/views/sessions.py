import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from frontloeber.core.forms import apply_validation_error, error_text
from frontloeber.core.pagination import paginate
from frontloeber.organisations.models import Role
from frontloeber.organisations.selectors import workplace_members
from frontloeber.organisations.tenancy import workplace_view

from .. import selectors, services
from ..forms import SessionForm
from ..models import SessionState
from ..permissions import can_facilitate

# --- Sessions -------------------------------------------------------------------------------------


def _session_or_404(workplace, session_id):
    return selectors.access_session(workplace=workplace, session_id=session_id)


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
            "can_facilitate": can_facilitate(membership=request.membership, session=session),
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
