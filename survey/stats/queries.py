"""The request's filters and the shared queries over accepted submissions."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from netzwerke.models import Network, State
from survey.models import Submission, Survey
from survey.stats.tables import RATINGS


@dataclass(frozen=True)
class Filters:
    """The valid filters of a request; invalid values never get here."""

    land: State | None = None
    network_type: str = ""

    def submissions(self, qs):
        if self.land:
            qs = qs.filter(land=self.land)
        if self.network_type:
            qs = qs.filter(network_type=self.network_type)
        return qs

    def networks(self, qs):
        if self.land:
            qs = qs.filter(pk__in=Network.objects.in_state(self.land.pk).values("pk"))
        if self.network_type:
            qs = qs.filter(network_type=self.network_type)
        return qs

    @property
    def params(self):
        params = {}
        if self.land:
            params["land"] = self.land.pk
        if self.network_type:
            params["typ"] = self.network_type
        return params

    @property
    def querystring(self):
        return f"?{urlencode(self.params)}" if self.params else ""

    @property
    def labels(self):
        labels = []
        if self.land:
            labels.append(self.land.name)
        if self.network_type:
            labels.append(str(Network.Type(self.network_type).label))
        return labels


def type_label(code):
    if not code:
        return _("ohne Angabe")
    # an imported historic wave may carry a type the choices no longer know
    return str(dict(Network.Type.choices).get(code, code))


def accepted_submissions(survey, filters):
    return filters.submissions(Submission.objects.accepted().filter(survey=survey))


def waves_with_counts(filters):
    """All waves, newest first, each with ``responses``: its accepted submissions."""
    condition = Q(submissions__state=Submission.State.ACCEPTED)
    if filters.land:
        condition &= Q(submissions__land=filters.land)
    if filters.network_type:
        condition &= Q(submissions__network_type=filters.network_type)
    # Meta.ordering does not apply to a GROUP BY query
    return list(
        Survey.objects.annotate(responses=Count("submissions", filter=condition)).order_by(
            "-opens_at", "pk"
        )
    )


def split_counts(row):
    return [row[str(code)] for code, _label in RATINGS]


def rating_aggregates():
    return {str(code): Count("pk", filter=Q(rating=code)) for code, _label in RATINGS}
