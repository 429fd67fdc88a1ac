"""The coordinator area: the dashboard, a network's page, starting, viewing and submitting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netzwerke.models import Network
from netzwerke.ratelimit import ratelimit
from survey import questionnaire as q
from survey import services
from survey.models import Submission, Survey
from survey.views.common import error_text, my_submission, section_status


def _my_networks(user):
    return Network.objects.filter(coordinators__user=user)


@login_required
def dashboard(request):
    open_surveys = list(Survey.objects.open())
    networks = list(
        _my_networks(request.user)
        .order_by("name")
        .prefetch_related(
            Prefetch(
                "submissions",
                queryset=Submission.objects.select_related("survey").order_by("-created_at"),
            )
        )
    )
    if len(networks) == 1 and not request.GET.get("alle"):
        return redirect("survey:network", slug=networks[0].slug)
    return render(
        request,
        "survey/dashboard.html",
        {"networks": networks, "open_surveys": open_surveys},
    )


@login_required
def network_detail(request, slug):
    network = get_object_or_404(_my_networks(request.user), slug=slug)
    submissions = list(network.submissions.select_related("survey").order_by("-created_at"))
    open_surveys = []
    for survey in Survey.objects.open():
        current = next(
            (
                s
                for s in submissions
                if s.survey_id == survey.pk and s.state in Submission.OPEN_STATES
            ),
            None,
        )
        open_surveys.append((survey, current))
    try:
        profile_url = network.get_absolute_url()
    except NoReverseMatch:  # the public directory is not installed
        profile_url = ""
    return render(
        request,
        "survey/network.html",
        {
            "network": network,
            "submissions": submissions,
            "open_surveys": open_surveys,
            "profile_url": profile_url,
        },
    )


@login_required
@require_POST
def submission_start(request, slug):
    network = get_object_or_404(_my_networks(request.user), slug=slug)
    survey = get_object_or_404(Survey, slug=request.POST.get("survey", ""))
    try:
        submission = services.submission_get_or_start(
            network=network, survey=survey, user=request.user
        )
    except services.SubmissionError as exc:
        messages.error(request, str(exc))
        return redirect("survey:network", slug=network.slug)
    return redirect("survey:section", pk=submission.pk, section=q.SECTIONS[0].slug)


def _detail_context(submission, errors=None):
    statuses = section_status(submission)
    events = list(submission.events.select_related("user").order_by("created_at", "pk"))
    last_request = next(
        (e for e in reversed(events) if e.to_state == Submission.State.CHANGES_REQUESTED), None
    )
    last_decision = next(
        (
            e
            for e in reversed(events)
            if e.to_state in (Submission.State.REJECTED, Submission.State.ACCEPTED)
        ),
        None,
    )
    return {
        "submission": submission,
        "network": submission.network,
        "statuses": statuses,
        "events": events,
        "last_request": last_request,
        "last_decision": last_decision,
        "errors": _linked_errors(submission, errors or []),
        "wave_open": submission.survey.is_open(),
    }


def _linked_errors(submission, errors):
    linked = []
    for error in errors:
        url = reverse("survey:section", kwargs={"pk": submission.pk, "section": error.section.slug})
        linked.append(
            {
                "href": f"{url}?pruefen=1#{error.anchor}",
                "section": error.section.title,
                "text": error_text(error.label, error.message),
            }
        )
    return linked


@login_required
def submission_detail(request, pk):
    submission = my_submission(request, pk)
    return render(request, "survey/submission_detail.html", _detail_context(submission))


@login_required
@require_POST
@ratelimit("submit", key="user")
def submission_submit(request, pk):
    submission = my_submission(request, pk)
    try:
        services.submission_submit(submission=submission, user=request.user)
    except services.QuestionnaireIncomplete as exc:
        context = _detail_context(submission, exc.errors)
        return render(request, "survey/submission_detail.html", context, status=200)
    except services.SubmissionError as exc:
        messages.error(request, str(exc))
        return redirect(submission)
    messages.success(
        request,
        _("Vielen Dank! Ihre Angaben sind eingereicht und werden nun geprüft."),
    )
    return redirect(submission)
