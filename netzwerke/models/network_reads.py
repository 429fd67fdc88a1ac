"""The reads of networks: ``Network.objects.published().in_state("NW")`` and the counts,
criteria and search the pages, exports and statistics share."""

from django.db import models
from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import Coalesce, Greatest

from netzwerke.models.actors import Membership
from netzwerke.models.common import Source
from netzwerke.models.projects import Project
from netzwerke.search import search_networks


class NetworkQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=self.model.Status.PUBLISHED)

    def demo(self):
        return self.filter(source=Source.DEMO)

    def real(self):
        return self.exclude(source=Source.DEMO)

    def in_state(self, code):
        return self.filter(districts__state_id=code).distinct()

    def in_district(self, ags):
        return self.filter(districts__ags=ags).distinct()

    def cross_border(self):
        """Networks that also cover a region outside Germany."""
        through = self.model.foreign_regions.through
        return self.filter(pk__in=through.objects.values("network_id"))

    def search(self, q):
        """Full text over name, descriptions, partners and projects, annotated
        with ``search_rank``; see ``netzwerke.search``."""
        return search_networks(self, q)

    def with_partner_count(self, *, grouped=False):
        """Annotate ``partner_count``, the directory's one partner count: the recorded
        memberships, or the reported number where the network reported more partners
        than are recorded. The list sorts by it, the exports and the statistics show it.

        ``grouped`` counts the memberships with a join and GROUP BY instead of a
        correlated subquery: the fast form for aggregating over many networks (the
        statistics), not for a queryset that other joins multiply.
        """
        if "partner_count" in self.query.annotations:
            return self
        if grouped:
            recorded = Count("memberships")
        else:
            recorded = Coalesce(
                models.Subquery(
                    Membership.objects.filter(network=OuterRef("pk"))
                    .order_by()
                    .values("network")
                    .annotate(n=Count("pk"))
                    .values("n")[:1],
                    output_field=models.IntegerField(),
                ),
                0,
            )
        return self.annotate(
            partner_count=Greatest(
                recorded,
                Coalesce("partner_count_reported", 0),
                output_field=models.IntegerField(),
            )
        )

    def with_criteria(self):
        """Annotate the inputs of the four network criteria (see ``Network.criteria``)."""

        def count(memberships):
            return models.Subquery(
                memberships.order_by().values("network").annotate(n=Count("pk")).values("n")[:1],
                output_field=models.IntegerField(),
            )

        mine = Membership.objects.filter(network=OuterRef("pk"))
        return self.annotate(
            binding_partner_count=count(mine.filter(binding=True)),
            open_partner_count=count(mine.exclude(binding=False)),
            listed_partner_count=count(mine),
            has_projects=Exists(Project.objects.filter(network=OuterRef("pk"))),
            has_action_fields=Exists(
                self.model.action_fields.through.objects.filter(network=OuterRef("pk"))
            ),
        )

    def meeting_criteria(self):
        """Networks meeting all four criteria, decided in the database."""
        binding_ids = (
            Membership.objects.filter(binding=True)
            .values("network")
            .annotate(n=Count("pk"))
            .filter(n__gte=self.model.MIN_BINDING_PARTNERS)
            .values("network")
        )
        return self.filter(
            pk__in=binding_ids,
            goals_based_on_data=True,
            results_evaluated=True,
        ).filter(
            Exists(Project.objects.filter(network=OuterRef("pk"))),
            Exists(self.model.action_fields.through.objects.filter(network=OuterRef("pk"))),
        )
