"""What a posted questionnaire section must pass before it is stored as typed.

Control characters (PostgreSQL refuses NUL in jsonb) and a section saved meanwhile
elsewhere (another tab, a colleague) refuse the save; the view shows the page again
with what was typed.
"""

import hashlib
import json

from django.core import signing
from django.http import QueryDict
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from netzwerke.validators import control_character_error
from survey import questionnaire as q


def control_character_errors(section, form, formset) -> list:
    """Every field of a posted section whose value holds a control character."""
    parts = [("", form)] if form is not None else []
    if formset is not None:
        parts += [(f"{section.row_label} {i + 1}: ", row) for i, row in enumerate(formset.forms)]
    errors = []
    for label_prefix, part in parts:
        for name in part.fields:
            bound = part[name]
            values = bound.data if isinstance(bound.data, list) else [bound.data]
            for value in values:
                error = control_character_error(value)
                if error is not None:
                    label = f"{label_prefix}{bound.label}"
                    errors.append(q.FieldError(section, bound.auto_id, label, error.messages[0]))
                    break
    return errors


def section_state(submission, section_slug) -> str:
    """A fingerprint of one section's stored answers, so that only its own changes conflict."""
    stored = json.dumps(submission.answers.get(section_slug), sort_keys=True, default=str)
    return hashlib.sha256(stored.encode()).hexdigest()[:16]


def stale_section_errors(request, submission, section) -> list:
    """The section was saved elsewhere (another tab, a colleague) since this page was opened."""
    seen = request.POST.get("stand")
    if not seen or seen == section_state(submission, section.slug):
        return []
    typed = section.extract(
        survey=submission.survey,
        data=request.POST,
        network_type=q.network_type_of(submission.answers),
    )
    saved = submission.answers.get(section.slug) or {}
    form, _formset = section.build(survey=submission.survey)
    labels = dict(form.fields.items()) if form is not None else {}
    changed = [
        f"{labels[name].label}: „{value or '–'}“"
        for name, value in (saved.get("fields") or {}).items()
        if name in labels and value != (typed.get("fields") or {}).get(name)
    ]
    if (saved.get("rows") or []) != (typed.get("rows") or []):
        changed.append(
            _("%(rows)s: %(n)d gespeichert")
            % {"rows": section.row_label, "n": len(saved.get("rows") or [])}
        )
    message = _(
        "Nicht gespeichert: Dieser Abschnitt wurde inzwischen (%(when)s) anders gespeichert, etwa "
        "in einem anderen Fenster. Gespeichert ist jetzt: %(changed)s. Ihre Eingaben stehen "
        "unten; speichern Sie erneut, um die gespeicherte Fassung zu ersetzen."
    ) % {
        "when": formats.date_format(
            timezone.localtime(submission.updated_at), "SHORT_DATETIME_FORMAT"
        ),
        "changed": "; ".join(changed) or _("andere Angaben"),
    }
    return [q.FieldError(section, f"abschnitt-{section.slug}", "", message)]


# --- a save that arrives after the session ended -------------------------------------------

STASH_KEY = "abschnitt_vor_anmeldung"
STASH_MAX_BYTES = 64_000
STASH_MAX_AGE = 24 * 3600


def stash_post(request) -> bool:
    """Keep the posted section (signed, size-limited) in the anonymous session."""
    data = {k: request.POST.getlist(k) for k in request.POST if k != "csrfmiddlewaretoken"}
    signed = signing.dumps(
        {"path": request.path, "data": data}, salt="survey.section-stash", compress=True
    )
    if len(signed) > STASH_MAX_BYTES:
        return False
    request.session[STASH_KEY] = signed
    return True


def take_stash(request) -> QueryDict | None:
    """The section posted before the login, once, for the same page."""
    signed = request.session.get(STASH_KEY)
    if not signed:
        return None
    try:
        payload = signing.loads(signed, salt="survey.section-stash", max_age=STASH_MAX_AGE)
    except signing.BadSignature:
        del request.session[STASH_KEY]
        return None
    if payload.get("path") != request.path:
        return None
    del request.session[STASH_KEY]
    restored = QueryDict(mutable=True)
    for key, values in payload["data"].items():
        restored.setlist(key, values)
    return restored
