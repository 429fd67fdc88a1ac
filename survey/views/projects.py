"""The coordinator's projects between survey waves: a list per network and a form that
proposes a new project or a change (``survey.services.projects``: written to the
directory only when a reviewer accepts)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.forms.models import model_to_dict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netzwerke.validators import validate_no_control_characters
from netzwerke.widgets import URLInput
from survey import services
from survey.project_changes import ProjectChange
from survey.views.coordinator import _my_networks

DATE_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]


class ProjectChangeForm(forms.ModelForm):
    class Meta:
        model = ProjectChange
        fields = list(ProjectChange.FIELDS)
        widgets = {
            # text inputs: a mistyped date comes back as typed, and the page stays valid
            "start_date": forms.DateInput(attrs={"placeholder": "TT.MM.JJJJ"}, format="%d.%m.%Y"),
            "end_date": forms.DateInput(attrs={"placeholder": "TT.MM.JJJJ"}, format="%d.%m.%Y"),
            "website": URLInput,
            "description": forms.Textarea(attrs={"rows": 5}),
            "results": forms.Textarea(attrs={"rows": 4}),
            "action_fields": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evaluated"].help_text = gettext_lazy(
            "Wurde das Projekt ausgewertet (z. B. mit einem Bericht oder einer Befragung)?"
        )
        for name in ("start_date", "end_date"):
            self.fields[name].input_formats = DATE_FORMATS
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.validators.append(validate_no_control_characters)


def _network(request, slug):
    return get_object_or_404(_my_networks(request.user), slug=slug)


@login_required
def network_projects(request, slug):
    network = _network(request, slug)
    changes = list(network.project_changes.select_related("project").order_by("-created_at")[:50])
    pending = {c.project_id: c for c in changes if c.pending and c.project_id}
    projects = [(p, pending.get(p.pk)) for p in network.projects.order_by("title")]
    return render(
        request,
        "survey/projects.html",
        {"network": network, "projects": projects, "changes": changes},
    )


@login_required
def network_project_edit(request, slug, pk=None, change_pk=None):
    """``pk``: a public project (its open proposal, if any, is what the form shows);
    ``change_pk``: an open proposal for a new project; neither: a new project."""
    network = _network(request, slug)
    project = get_object_or_404(network.projects, pk=pk) if pk else None
    change = None
    if change_pk:
        change = get_object_or_404(network.project_changes.pending(), pk=change_pk)
        project = change.project
    elif project is not None:
        change = project.changes.pending().first()
    initial = None
    if change is None and project is not None:
        initial = model_to_dict(project, fields=ProjectChange.FIELDS)
    form = ProjectChangeForm(request.POST or None, instance=change, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in ProjectChange.FIELDS}
        try:
            services.project_change_save(
                network=network,
                user=request.user,
                data=data,
                project=project if change is None else None,
                change=change,
            )
        except services.SubmissionError as exc:
            messages.error(request, str(exc))
        except IntegrityError:
            # two saves of a first proposal for the same project at once: one wins
            messages.error(
                request,
                _(
                    "Gleichzeitig wurde ein Vorschlag für dieses Projekt gespeichert. Bitte "
                    "öffnen Sie das Projekt neu und speichern Sie noch einmal."
                ),
            )
        else:
            messages.success(
                request,
                _(
                    "Ihr Vorschlag ist gespeichert. Er erscheint öffentlich, sobald die "
                    "Redaktion ihn geprüft hat; bis dahin bleibt die öffentliche Fassung, "
                    "wie sie ist."
                ),
            )
            return redirect("survey:network-projects", slug=network.slug)
    return render(
        request,
        "survey/project_form.html",
        {"network": network, "project": project, "change": change, "form": form},
    )
