from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from frontloeber.core.forms import apply_validation_error
from frontloeber.core.pdf import pdf_response
from frontloeber.organisations import services as organisation_services
from frontloeber.organisations.models import Role, Sector
from frontloeber.organisations.tenancy import organisation_admin_view, workplace_view

from . import exports, selectors
from .forms import LeaderGroupForm
from .kept import ROWS_PER_PAGE

# --- The workplace's overview ------------------------------------------------------------------------------


def _quarter_or_message(request):
    """The quarter asked for, or the current one with the reason the one asked for cannot be shown."""
    try:
        return selectors.parse_quarter(request.GET.get("kvartal")), ""
    except ValidationError as error:
        return selectors.parse_quarter(None), error.message_dict["kvartal"][0]


def _overview(request):
    quarter, problem = _quarter_or_message(request)
    overview = selectors.workplace_overview(
        workplace=request.workplace, membership=request.membership, quarter=quarter
    )
    return overview, problem


@workplace_view
@require_GET
def overview(request):
    overview, problem = _overview(request)
    return render(
        request,
        "insights/overview.html",
        {"overview": overview, "quarter_problem": problem, "quarters": selectors.quarter_choices()},
        status=400 if problem else 200,
    )


def _file_name(overview):
    return f"{overview.workplace.name} {overview.quarter}"


@workplace_view
@require_GET
def overview_csv(request):
    overview, problem = _overview(request)
    if problem:
        raise Http404(problem)
    return exports.csv_response(exports.overview_table(overview), filename=_file_name(overview))


@workplace_view
@require_GET
def overview_xlsx(request):
    overview, problem = _overview(request)
    if problem:
        raise Http404(problem)
    return exports.xlsx_response([exports.overview_table(overview)], filename=_file_name(overview))


@workplace_view
@require_GET
def overview_pdf(request):
    overview, problem = _overview(request)
    if problem:
        raise Http404(problem)
    return pdf_response(
        "insights/overview_pdf.html",
        {"overview": overview, "workplace": request.workplace, "organisation": request.organisation},
        filename=_file_name(overview),
        request=request,
    )


# --- The practice guide ------------------------------------------------------------------------------------


@workplace_view
@require_GET
def practice_guide(request, code):
    code = selectors.access_practice(code=code)
    guide = selectors.practice_guide(membership=request.membership, code=code)
    return render(request, "insights/practice_guide.html", guide)


# --- Leader groups: the leaders' view --------------------------------------------------------------------


@workplace_view(roles=[Role.LEADER])
@require_GET
def leader_group(request, group_id):
    group = selectors.access_workplace_group(workplace=request.workplace, group_id=group_id)
    quarter, problem = _quarter_or_message(request)
    table = selectors.group_table(group=group, quarter=quarter)
    return render(
        request,
        "insights/leader_group.html",
        {"group": group, "table": table, "quarter": quarter, "quarter_problem": problem,
         "quarters": selectors.quarter_choices()},
        status=400 if problem else 200,
    )  # fmt: skip


def _group_file(request, group_id):
    group = selectors.access_workplace_group(workplace=request.workplace, group_id=group_id)
    quarter, problem = _quarter_or_message(request)
    if problem:
        raise Http404(problem)
    table = selectors.group_table(group=group, quarter=quarter)
    return exports.group_file_table(table, title=str(quarter)), f"{group.name} {quarter}"


@workplace_view(roles=[Role.LEADER])
@require_GET
def leader_group_csv(request, group_id):
    table, name = _group_file(request, group_id)
    return exports.csv_response(table, filename=name)


@workplace_view(roles=[Role.LEADER])
@require_GET
def leader_group_xlsx(request, group_id):
    table, name = _group_file(request, group_id)
    return exports.xlsx_response([table], filename=name)


# --- The organisation: its table of workplaces, and its leader groups --------------------------------------


def _organisation_table(request, *, page=None):
    """The table for the address's quarter and filters (a page of it, or every row), and the messages saying
    what is wrong with them."""
    problems = []
    quarter, problem = _quarter_or_message(request)
    if problem:
        problems.append(problem)
    try:
        sector, group = selectors.clean_filters(
            organisation=request.organisation,
            sector=request.GET.get("sektor", ""),
            group_id=request.GET.get("gruppe", ""),
        )
    except ValidationError as error:
        problems.extend(message for messages_ in error.message_dict.values() for message in messages_)
        sector, group = "", None
    result = selectors.organisation_table(
        organisation=request.organisation, quarter=quarter, sector=sector, group=group, page=page
    )
    return result, quarter, sector, group, problems


@organisation_admin_view
@require_GET
def organisation_overview(request):
    try:
        number = max(1, int(request.GET.get("side", 1)))
    except ValueError:
        number = 1
    result, quarter, sector, group, problems = _organisation_table(request, page=number)
    # The rows are kept a page at a time: the paginator counts them, the page holds the rows read.
    page = Paginator(range(result["row_count"]), ROWS_PER_PAGE).get_page(number)
    page.object_list = result["rows"]
    result["table_key"] = result["table_key"](page.object_list)
    query = request.GET.copy()
    query.pop("side", None)
    return render(
        request,
        "insights/organisation_overview.html",
        {
            **result,
            "page": page,
            "quarter": quarter,
            "quarters": selectors.quarter_choices(),
            "sector": sector,
            "group": group,
            "sectors": Sector.choices,
            "groups": selectors.organisation_group_choices(organisation=request.organisation),
            "problems": problems,
            "query": query.urlencode(),
        },
        status=400 if problems else 200,
    )


def _organisation_file_name(request, quarter):
    return f"{request.organisation.name} {quarter}"


@organisation_admin_view
@require_GET
def organisation_csv(request):
    result, quarter, _sector, _group, problems = _organisation_table(request)
    if problems:
        raise Http404(problems[0])
    table = exports.organisation_file_table(result, title=str(quarter))
    return exports.csv_response(table, filename=_organisation_file_name(request, quarter))


@organisation_admin_view
@require_GET
def organisation_xlsx(request):
    result, quarter, _sector, _group, problems = _organisation_table(request)
    if problems:
        raise Http404(problems[0])
    table = exports.organisation_file_table(result, title=str(quarter))
    return exports.xlsx_response([table], filename=_organisation_file_name(request, quarter))


@organisation_admin_view
@require_http_methods(["GET", "POST"])
def leader_groups(request):
    form = LeaderGroupForm(request.POST or None, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            group = organisation_services.leader_group_save(
                actor=request.user,
                organisation=request.organisation,
                name=form.cleaned_data["name"],
                workplace_ids=[w.pk for w in form.cleaned_data["workplaces"]],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The leader group “%(name)s” is formed.") % {"name": group.name})
            return redirect("insights:leader_groups", org_slug=request.organisation.slug)
    return render(
        request,
        "insights/leader_groups.html",
        {"form": form, "groups": selectors.organisation_groups(organisation=request.organisation)},
        status=400 if form.is_bound and form.errors else 200,
    )


@organisation_admin_view
@require_http_methods(["GET", "POST"])
def leader_group_edit(request, group_id):
    group = selectors.access_organisation_group(organisation=request.organisation, group_id=group_id)
    form = LeaderGroupForm(request.POST or None, organisation=request.organisation, group=group)
    if request.method == "POST" and form.is_valid():
        try:
            organisation_services.leader_group_save(
                actor=request.user,
                organisation=request.organisation,
                group=group,
                name=form.cleaned_data["name"],
                workplace_ids=[w.pk for w in form.cleaned_data["workplaces"]],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The leader group is saved."))
            return redirect("insights:leader_groups", org_slug=request.organisation.slug)
    return render(
        request,
        "insights/leader_group_edit.html",
        {"form": form, "group": group},
        status=400 if form.is_bound and form.errors else 200,
    )


@organisation_admin_view
@require_http_methods(["GET", "POST"])
def leader_group_delete(request, group_id):
    group = selectors.access_organisation_group(organisation=request.organisation, group_id=group_id)
    if request.method == "POST":
        organisation_services.leader_group_delete(actor=request.user, group=group)
        messages.success(request, _("The leader group “%(name)s” is dissolved.") % {"name": group.name})
        return redirect("insights:leader_groups", org_slug=request.organisation.slug)
    return render(request, "insights/leader_group_delete.html", {"group": group})
