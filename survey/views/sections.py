"""The questionnaire pages: one section to fill in, save, check and move on from."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from survey import questionnaire as q
from survey import section_guard as guard
from survey import services
from survey.views.common import error_text, my_submission, section_status

MAX_EXTRA_ROWS = 20


def section_view(request, pk, section):
    if not request.user.is_authenticated:
        # the session ended while the page was open: keep what was typed for after the login
        if request.method == "POST" and guard.stash_post(request):
            messages.info(
                request,
                _(
                    "Ihre Sitzung war abgelaufen. Bitte melden Sie sich erneut an; Ihre "
                    "Eingaben in diesem Abschnitt sind aufbewahrt."
                ),
            )
        return redirect_to_login(request.path)
    submission = my_submission(request, pk)
    sec = q.SECTIONS_BY_SLUG.get(section)
    if sec is None:
        raise Http404
    index = q.section_index(section)
    if not submission.is_editable and request.method == "POST":
        messages.error(
            request,
            _("Diese Einreichung ist %(state)s und kann nicht mehr bearbeitet werden.")
            % {"state": submission.get_state_display()},
        )
        return redirect(submission)
    try:
        extra = max(0, min(int(request.GET.get("leer", 1)), MAX_EXTRA_ROWS))
    except ValueError:
        extra = 1
    # the section "typangaben" asks only the questions of the type chosen in "stammdaten"
    by_type = {"network_type": q.network_type_of(submission.answers)}

    if request.method == "POST":
        action = request.POST.get("aktion", "speichern")
        form, formset = sec.build(
            survey=submission.survey, data=request.POST, extra_rows=extra, **by_type
        )
        refused = guard.control_character_errors(sec, form, formset) or guard.stale_section_errors(
            request, submission, sec
        )
        if refused:
            # nothing is stored; the page comes back with what was typed and says where
            return _render_section(request, submission, sec, form, formset, refused, extra=extra)
        try:
            services.submission_save_section(
                submission=submission, section=section, data=request.POST, user=request.user
            )
        except services.SubmissionError as exc:
            messages.error(request, str(exc))
            return redirect(submission)
        here = reverse("survey:section", kwargs={"pk": pk, "section": section})
        if action == "zurueck":
            if index == 0:
                return redirect(submission)
            return redirect("survey:section", pk=pk, section=q.SECTIONS[index - 1].slug)
        if action == "weiter":
            if index + 1 == len(q.SECTIONS):
                return redirect(submission)
            return redirect("survey:section", pk=pk, section=q.SECTIONS[index + 1].slug)
        if action == "zeile":
            return redirect(f"{here}?leer={min(extra + 1, MAX_EXTRA_ROWS)}#zeilen-ende")
        messages.success(request, _("Ihre Angaben sind gespeichert."))
        return redirect(f"{here}?pruefen=1&leer={extra}")

    raw = submission.answers.get(section)
    checking = "pruefen" in request.GET
    restored = guard.take_stash(request) if submission.is_editable else None
    if restored is not None:
        form, formset = sec.build(
            survey=submission.survey, data=restored, extra_rows=extra, **by_type
        )
        messages.info(
            request,
            _(
                "Ihre Eingaben von vor der Anmeldung sind wiederhergestellt, aber noch nicht "
                "gespeichert. Bitte prüfen und speichern Sie den Abschnitt."
            ),
        )
        return _render_section(request, submission, sec, form, formset, [], extra=extra)
    if checking:
        form, formset = sec.bind_raw(survey=submission.survey, raw=raw, extra_rows=extra, **by_type)
        valid = all(x.is_valid() for x in (form, formset) if x is not None)
        errors = [] if valid else q.form_errors(sec, form, formset)
    else:
        form, formset = sec.build(survey=submission.survey, raw=raw, extra_rows=extra, **by_type)
        errors = []
    return _render_section(
        request, submission, sec, form, formset, errors, extra=extra, checked=checking
    )


def _render_section(request, submission, sec, form, formset, errors, *, extra, checked=False):
    index = q.section_index(sec.slug)
    if not submission.is_editable:
        for part in (form, *(formset.forms if formset else [])):
            for fld in part.fields.values() if part else ():
                fld.disabled = True
    statuses = section_status(submission)
    return render(
        request,
        "survey/section.html",
        {
            "submission": submission,
            "network": submission.network,
            "section": sec,
            "index": index,
            "statuses": statuses,
            "form": form,
            "formset": formset,
            "errors": [
                {"href": f"#{e.anchor}", "text": error_text(e.label, e.message)} for e in errors
            ],
            "checked_ok": checked and not errors,
            "extra": extra,
            "prev": q.SECTIONS[index - 1] if index > 0 else None,
            "next": q.SECTIONS[index + 1] if index + 1 < len(q.SECTIONS) else None,
            "editable": submission.is_editable,
            "consent_version": q.CONSENT_VERSION,
            # after a refused save the page carries the newer state: saving again replaces it
            "section_state": guard.section_state(submission, sec.slug),
        },
    )
