"""A coordinator's projects between survey waves: proposed in the coordinator area,
written to the directory only when a reviewer accepts (``survey.project_changes``).

Unlike events there is no trusted shortcut: the issue asks for the same review as a
survey submission, and a submission is always reviewed.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerke.models import Network, Project
from survey.project_changes import ProjectChange
from survey.services.apply import unique_slug
from survey.services.errors import AlreadyDecided, SubmissionError
from survey.services.notify import coordinator_emails, send

MANY_TO_MANY = ("action_fields",)


@transaction.atomic
def project_change_save(
    *,
    network: Network,
    user,
    data: dict,
    project: Project | None = None,
    change: ProjectChange | None = None,
) -> ProjectChange:
    """Propose a new project (neither ``project`` nor ``change``), a change to ``project``,
    or correct the open proposal ``change``. An open proposal for the same project is
    updated, not doubled; the public project stays as it is."""
    if project is not None and project.network_id != network.pk:
        raise SubmissionError(_("Dieses Projekt gehört zu einem anderen Netzwerk."))
    if change is not None:
        change = ProjectChange.objects.select_for_update().get(pk=change.pk)
        if change.network_id != network.pk:
            raise SubmissionError(_("Dieser Vorschlag gehört zu einem anderen Netzwerk."))
        if not change.pending:
            raise AlreadyDecided(_("Über diesen Vorschlag ist schon entschieden."))
    elif project is not None:
        change = ProjectChange.objects.select_for_update().pending().filter(project=project).first()
    new = change is None
    if new:
        change = ProjectChange(network=network, project=project)
    if project is not None:
        change.base_version = project.version
    change.created_by = user
    for name in ProjectChange.FIELDS:
        if name in data and name not in MANY_TO_MANY:
            setattr(change, name, data[name])
    change.full_clean()
    change.save()
    for name in MANY_TO_MANY:
        if name in data:
            getattr(change, name).set(data[name])
    if new:  # a correction of an open proposal is no news for the reviewers
        send(
            _("Neuer Projektvorschlag: %(network)s") % {"network": network},
            "survey/email/project_proposed.txt",
            {"change": change},
            list(settings.REVIEW_NOTIFY_EMAILS),
        )
    return change


def _tell_coordinators(change: ProjectChange, *, accepted: bool) -> None:
    subject = (
        _("Ihr Projektvorschlag wurde angenommen: %(title)s")
        if accepted
        else _("Ihr Projektvorschlag wurde nicht angenommen: %(title)s")
    )
    send(
        subject % {"title": change.title},
        "survey/email/project_decided.txt",
        {"change": change, "accepted": accepted},
        coordinator_emails(change),  # reads only ``network_id``
    )


def _decide(change: ProjectChange, *, status, reviewer) -> ProjectChange:
    change = ProjectChange.objects.select_for_update().get(pk=change.pk)
    if not change.pending:
        raise AlreadyDecided(_("Über diesen Vorschlag ist schon entschieden."))
    change.review_status = status
    change.decided_by = reviewer
    change.decided_at = timezone.now()
    return change


@transaction.atomic
def project_change_accept(*, change: ProjectChange, reviewer) -> Project:
    """Write the proposal to the directory (a new project, or the project's new state)."""
    change = _decide(change, status=ProjectChange.ReviewStatus.ACCEPTED, reviewer=reviewer)
    if change.project_id is None:
        project = Project(
            network=change.network,
            slug=unique_slug(Project, change.title or "projekt", network=change.network),
        )
        project._change_reason = _("von der Koordination eingetragen, angenommen")
    else:
        # the slug stays: the public URL of the project must not change with its title
        project = Project.objects.select_for_update().get(pk=change.project_id)
        project._change_reason = _("von der Koordination geändert, angenommen")
    for name in ProjectChange.FIELDS:
        if name not in MANY_TO_MANY:
            setattr(project, name, getattr(change, name))
    project._history_user = reviewer
    try:
        project.full_clean(exclude=["slug"])
    except ValidationError as exc:
        raise SubmissionError(" ".join(exc.messages)) from exc
    project.save()
    for name in MANY_TO_MANY:
        getattr(project, name).set(getattr(change, name).all())
    if change.project_id is None:
        change.project = project
    change.save()
    _tell_coordinators(change, accepted=True)
    return project


@transaction.atomic
def project_change_reject(*, change: ProjectChange, reviewer, reason: str = "") -> ProjectChange:
    """Refuse the proposal; the public project (if any) stays as it is."""
    change = _decide(change, status=ProjectChange.ReviewStatus.REJECTED, reviewer=reviewer)
    change.reason = reason
    change.save()
    _tell_coordinators(change, accepted=False)
    return change
