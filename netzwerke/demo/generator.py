"""The demo generator: draws networks, partners and projects in memory from one seed."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.utils import timezone
from django.utils.text import slugify

from netzwerke.demo.texts import (
    BELGIAN_BORDER,
    COORDINATION_ROLES,
    DEMO_NOTE,
    EVENTS,
    FIRST_NAMES,
    FUNDING,
    HUB_SECTORS,
    INDUSTRIES,
    LAST_NAMES,
    LEGAL_FORMS,
    NAME_PATTERNS,
    PHONE_RANGES,
    PROJECTS,
    THEMES,
    TOPICS,
    TYPE_WEIGHTS,
    ascii_word,
    region_label,
)
from netzwerke.models import (
    ActionField,
    Actor,
    ActorType,
    District,
    Event,
    ForeignRegion,
    Membership,
    Network,
    Project,
    Sector,
    Source,
    State,
    TargetGroup,
)

BASE_DATE = datetime.datetime(2026, 1, 15, 10, 0, tzinfo=datetime.UTC)


@dataclass(eq=False)
class ActorSpec:
    """An institution that may become an actor; compared by identity, as two firms may
    share a name."""

    name: str
    type_slug: str
    district: District
    actor: Actor | None = None


class Generator:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.districts = list(District.objects.select_related("state").order_by("ags"))
        self.states = list(State.objects.order_by("ags"))
        if not self.districts or not self.states:
            raise LookupError("Keine Kreise in der Datenbank: erst load_reference_data ausführen.")
        self.by_state: dict[str, list[District]] = {}
        for district in self.districts:
            self.by_state.setdefault(district.state_id, []).append(district)
        self.action_fields = {a.slug: a for a in ActionField.objects.order_by("slug")}
        self.target_groups = list(TargetGroup.objects.order_by("slug"))
        self.sectors = {s.code: s for s in Sector.objects.order_by("code")}
        self.actor_types = {t.slug: t for t in ActorType.objects.order_by("slug")}
        if not (self.action_fields and self.target_groups and self.sectors and self.actor_types):
            raise LookupError(
                "Keine Vokabulare in der Datenbank: erst "
                "„manage.py loaddata fixtures/vocabularies.json“ ausführen."
            )
        self.weights = [max(d.population or 50_000, 30_000) ** 0.5 for d in self.districts]
        self.network_slugs = set(Network.objects.values_list("slug", flat=True))
        # demo institutions of an earlier run are reused; real actors never are, so demo
        # data stays apart from the real networks and can be removed without a trace
        self.existing_actors = {a.slug: a for a in Actor.objects.filter(source=Source.DEMO)}
        self.actor_slugs = set(Actor.objects.values_list("slug", flat=True))
        self.pools: dict[str, list[ActorSpec]] = {}
        self.new_actors: list[Actor] = []
        # events and type facts draw from their own generator, so that adding them left
        # the networks of a seed as they were
        self.extra = random.Random(f"{seed}-veranstaltungen")
        self.event_slugs = set(Event.objects.values_list("slug", flat=True))
        self.foreign_regions = set(ForeignRegion.objects.values_list("code", flat=True))
        through = Network.foreign_regions.through
        self.has_cross_border = through.objects.filter(network__source=Source.DEMO).exists()

    # --- helpers -------------------------------------------------------------------

    def _unique(self, base: str, taken: set[str]) -> str:
        slug, n = base[:190], 2
        while slug in taken:
            slug = f"{base[:185]}-{n}"
            n += 1
        taken.add(slug)
        return slug

    def _actor(self, name: str, type_slug: str, district: District) -> ActorSpec:
        return ActorSpec(name, type_slug, district)

    def materialize(self, spec: ActorSpec) -> Actor:
        """The actor for ``spec``, created when a network first takes it as a partner."""
        if spec.actor is not None:
            return spec.actor
        existing = self.existing_actors.get(slugify(spec.name))
        if existing is not None:
            spec.actor = existing
            return existing
        actor_type = self.actor_types.get(spec.type_slug) or self.actor_types.get("sonstige")
        spec.actor = Actor(
            name=spec.name,
            slug=self._unique(slugify(spec.name), self.actor_slugs),
            actor_type=actor_type,
            district=spec.district,
            website=f"https://www.{slugify(spec.name)[:40].strip('-')}.example.org",
            source=Source.DEMO,
        )
        self.new_actors.append(spec.actor)
        return spec.actor

    def pool(self, district: District) -> list[ActorSpec]:
        """The institutions of a Kreis, drawn the first time a network there needs them."""
        if district.ags in self.pools:
            return self.pools[district.ags]
        rng, name, label = self.rng, district.name, region_label(district)
        city = district.kind in ("Kreisfreie Stadt", "Stadtkreis")
        actors = [
            self._actor(f"Stadt {name}" if city else label, "kommune", district),
            self._actor(f"Wirtschaftsförderung {label}", "wirtschaftsfoerderung", district),
            self._actor(f"Agentur für Arbeit {name}", "agentur-fuer-arbeit", district),
            self._actor(f"Jobcenter {label}", "jobcenter", district),
            self._actor(f"IHK {name}" if city else f"IHK-Geschäftsstelle {name}", "ihk", district),
            self._actor(f"Kreishandwerkerschaft {name}", "hwk", district),
            self._actor(f"Volkshochschule {name}", "bildungstraeger", district),
            self._actor(f"Berufsbildende Schulen {name}", "schule", district),
        ]
        if rng.random() < 0.6:
            actors.append(self._actor(f"DGB Kreisverband {name}", "gewerkschaft", district))
        if rng.random() < 0.6:
            actors.append(self._actor(f"Unternehmerverband {name}", "verband", district))
        if city or rng.random() < 0.3:
            actors.append(self._actor(f"Hochschule {name}", "hochschule", district))
        if rng.random() < 0.5:
            actors.append(
                self._actor(f"Bildungswerk der Wirtschaft {name}", "bildungstraeger", district)
            )
        if rng.random() < 0.4:
            actors.append(self._actor(f"Förderverein Ausbildung {name} e. V.", "verein", district))
        for _ in range(rng.randint(4, 14)):
            industry, _code = rng.choice(INDUSTRIES)
            firm = f"{rng.choice(LAST_NAMES)} {industry} {rng.choice(LEGAL_FORMS)}"
            actors.append(self._actor(firm, "unternehmen", district))
        self.pools[district.ags] = actors
        return actors

    # --- one network ---------------------------------------------------------------

    def _districts_for(self, index: int) -> list[District]:
        rng = self.rng
        if index < len(self.states):
            # the first networks visit every Land once, so any N ≥ 16 covers all of them
            home = rng.choice(self.by_state[self.states[index].code])
        else:
            home = rng.choices(self.districts, weights=self.weights)[0]
        roll = rng.random()
        # neighbouring AGS mostly lie in the same Regierungsbezirk: a plausible region
        siblings = sorted(
            (d for d in self.by_state[home.state_id] if d.ags != home.ags),
            key=lambda d: (abs(int(d.ags) - int(home.ags)), d.ags),
        )[:6]
        if roll < 0.7 or not siblings:
            return [home]
        extra = rng.sample(siblings, min(len(siblings), rng.randint(1, 3)))
        return [home, *extra]

    def _name(self, network_type: str, districts: list[District]) -> str:
        rng = self.rng
        if len(districts) == 1:
            region = region_label(districts[0])
        elif len(districts) == 2:
            region = f"{districts[0].name} und {districts[1].name}"
        else:
            names = [d.name for d in districts]
            region = f"{', '.join(names[:-1])} und {names[-1]}"
        pattern = rng.choice(NAME_PATTERNS[network_type])
        theme = rng.choice(THEMES)
        name = pattern.format(r=region, t=theme)
        return name[0].upper() + name[1:]

    def network(self, index: int) -> tuple[Network, dict]:
        rng = self.rng
        districts = self._districts_for(index)
        network_type = rng.choices(list(TYPE_WEIGHTS), weights=list(TYPE_WEIGHTS.values()))[0]
        name = self._name(network_type, districts)
        slug = self._unique(slugify(name), self.network_slugs)
        founded = rng.choice(range(2008, 2026))
        status = rng.choices(
            [Network.Status.PUBLISHED, Network.Status.DRAFT, Network.Status.ARCHIVED],
            weights=[85, 10, 5],
        )[0]
        published_at = None
        if status != Network.Status.DRAFT:
            published_at = BASE_DATE - datetime.timedelta(
                days=rng.randint(0, 900), minutes=rng.randint(0, 1440)
            )
        fields_count = rng.choices([0, 1, 2, 3, 4], weights=[6, 20, 34, 28, 12])[0]
        action_fields = rng.sample(sorted(self.action_fields), fields_count)
        target_groups = rng.sample(self.target_groups, rng.randint(1, 5))
        sector_codes = rng.sample("CCCFFQQGGHHIJMNP", rng.randint(1, 4))
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        domain = f"{slug[:40].strip('-')}.example.org"
        label = {
            Network.Type.NETWORK: "Das Fachkräftenetzwerk",
            Network.Type.ALLIANCE: "Das Bündnis",
            Network.Type.QUALIFICATION: "Der Qualifizierungsverbund",
            Network.Type.HUB: "Die Arbeitsmarkt-Drehscheibe",
            Network.Type.OTHER: "Die Initiative",
        }[network_type]
        focus = ", ".join(self.action_fields[s].name for s in action_fields[:2]) or "Vernetzung"
        region = ", ".join(region_label(d) for d in districts)
        network = Network(
            name=name,
            slug=slug,
            network_type=network_type,
            short_description=f"Gemeinsam Fachkräfte sichern – {region}. Schwerpunkte: {focus}.",
            description=(
                f"{label} wurde {founded} gegründet und bringt Unternehmen, Kammern, "
                f"Arbeitsverwaltung und Bildungseinrichtungen in {region} zusammen. "
                f"Gemeinsam entwickeln die Partner Angebote für "
                f"{', '.join(t.name for t in target_groups)}.\n\n{DEMO_NOTE}"
            ),
            founded_year=founded,
            organisation_form=rng.choices(
                [c for c, _label in Network.OrganisationForm.choices],
                weights=[45, 20, 5, 25, 5],
            )[0],
            topics=", ".join(rng.sample(TOPICS, rng.randint(0, 3))),
            website=f"https://www.{domain}",
            coordination_person=f"{first} {last}",
            coordination_role=rng.choice(COORDINATION_ROLES),
            coordination_email=f"{ascii_word(first)}.{ascii_word(last)}@{domain}",
            coordination_phone=f"{rng.choice(PHONE_RANGES)} {rng.randint(0, 999):03d}",
            full_time_management=rng.random() < 0.55,
            development_partnership=rng.random() < 0.2,
            goals_based_on_data=rng.random() < 0.6,
            results_evaluated=rng.random() < 0.45,
            status=status,
            published_at=published_at,
            source=Source.DEMO,
            # the contacts are fictitious (example.org, drama telephone ranges)
            contact_public=True,
        )
        candidates = [a for d in districts for a in self.pool(d)]
        size = min(
            len(candidates), rng.choices([2, 3, 5, 8, 12, 18, 25], [5, 8, 20, 27, 20, 13, 7])[0]
        )
        # two specs can resolve to one existing actor (same name in two Kreise): keep one
        members, seen = [], set()
        for spec in rng.sample(candidates, size):
            actor = self.materialize(spec)
            if id(actor) not in seen:
                seen.add(id(actor))
                members.append(actor)
        binding_share = rng.choice([0.2, 0.6, 0.9, 1.0])
        memberships = []
        for position, actor in enumerate(members):
            role = Membership.Role.PARTNER
            if position == 0:
                role = Membership.Role.CARRIER
            elif position == 1 and rng.random() < 0.3:
                role = Membership.Role.COORDINATION
            memberships.append(
                Membership(
                    actor=actor,
                    role=role,
                    binding=role == Membership.Role.CARRIER or rng.random() < binding_share,
                    since=rng.randint(founded, 2025) if rng.random() < 0.7 else None,
                )
            )
        reported = size + rng.randint(0, 20) if rng.random() < 0.8 else None
        network.partner_count_reported = reported
        projects = self._projects(districts[0].name, founded)
        self._type_facts(network, region)
        related = {
            "districts": [d.ags for d in districts],
            "action_fields": [self.action_fields[s].pk for s in action_fields],
            "target_groups": [t.pk for t in target_groups],
            "sectors": sorted({self.sectors[c].pk for c in sector_codes if c in self.sectors}),
            "memberships": memberships,
            "projects": projects,
            "foreign_regions": [],
            "events": self._events(network, districts, action_fields, target_groups),
        }
        return network, related

    def _type_facts(self, network: Network, region: str) -> None:
        """Facts of a Qualifizierungsverbund or Drehscheibe; some stay unknown (None)."""
        rng = self.extra

        def maybe(value, chance=0.75):
            return value if rng.random() < chance else None

        if network.network_type == Network.Type.QUALIFICATION:
            members = maybe(rng.randint(8, 60), 0.85)
            network.qv_member_firms = members
            if members is not None:
                network.qv_member_kmu = maybe(round(members * rng.uniform(0.5, 0.95)))
            network.qv_management = rng.choice([f"Wirtschaftsförderung {region}", ""])
            network.qv_measures_per_year = maybe(rng.randint(4, 80), 0.6)
            network.qv_participants_per_year = maybe(rng.randint(40, 900), 0.6)
            network.qv_funding_programme = rng.choice([*FUNDING, ""])
        elif network.network_type == Network.Type.HUB:
            network.hub_firms_offering = maybe(rng.randint(3, 25))
            network.hub_firms_seeking = maybe(rng.randint(5, 60))
            network.hub_placements_per_year = maybe(rng.randint(10, 300), 0.6)
            network.hub_sectors = ", ".join(rng.sample(HUB_SECTORS, rng.randint(0, 3)))

    def _events(self, network, districts, action_fields, target_groups) -> list:
        """Past and upcoming events of a published network, around today."""
        rng = self.extra
        if network.status != Network.Status.PUBLISHED or rng.random() > 0.35:
            return []
        today = timezone.localdate()
        berlin = timezone.get_default_timezone()
        events = []
        for title, online, field_slugs in rng.sample(EVENTS, rng.randint(1, 3)):
            title = title.format(r=region_label(districts[0]))
            day = today + datetime.timedelta(days=rng.choice([-1, 1, 1, 2]) * rng.randint(2, 120))
            all_day = not online and rng.random() < 0.15
            start_hour = 0 if all_day else rng.choice([9, 10, 14, 16, 18])
            starts_at = datetime.datetime.combine(day, datetime.time(start_hour), tzinfo=berlin)
            length = (
                datetime.timedelta(hours=23, minutes=59)
                if all_day
                else datetime.timedelta(hours=rng.choice([1, 2, 3, 6]))
            )
            district = None if online else rng.choice(districts)
            slug = self._unique(slugify(f"{title}-{day:%Y-%m-%d}")[:200], self.event_slugs)
            event = Event(
                title=title,
                slug=slug,
                description=(
                    f"{title}: eine Veranstaltung von {network.name} für Unternehmen und "
                    f"Interessierte aus der Region. {DEMO_NOTE}"
                ),
                starts_at=starts_at,
                ends_at=starts_at + length,
                all_day=all_day,
                address="" if online else f"Rathaus, Marktplatz 1, {district.name}",
                district=district,
                online=online,
                registration_url=f"{network.website}/veranstaltungen/{slug[:60]}",
                cost=rng.choice([Event.Cost.FREE, Event.Cost.FREE, Event.Cost.PAID, ""]),
                status=Event.Status.CANCELLED if rng.random() < 0.08 else Event.Status.PLANNED,
                source=Source.DEMO,
            )
            fields = [self.action_fields[s].pk for s in field_slugs if s in self.action_fields]
            if not fields:
                fields = [self.action_fields[s].pk for s in action_fields[:1]]
            groups = [t.pk for t in target_groups[: rng.randint(0, 2)]]
            events.append((event, fields, groups))
        return events

    def cross_border(self, built) -> None:
        """Make the first network an Ostbelgien-like cross-border network, once: a Kreis on
        the Belgian border and the German-speaking Community of Belgium (BE336)."""
        regions = [r for r in ("BE336", "BE335") if r in self.foreign_regions]
        border = [d for d in self.districts if d.ags in BELGIAN_BORDER]
        if not built or not regions or not border or self.has_cross_border:
            return
        network, related = built[0]
        border.sort(key=lambda d: BELGIAN_BORDER.index(d.ags))
        network.name = f"Fachkräfteallianz {region_label(border[0])}–Ostbelgien"
        self.network_slugs.discard(network.slug)
        network.slug = self._unique(slugify(network.name), self.network_slugs)
        network.network_type = Network.Type.ALLIANCE
        for facts in Network.TYPE_FACTS.values():
            for name, _column in facts:
                # a Bündnis has no type facts: unknown (None, or "" for text)
                setattr(network, name, Network._meta.get_field(name).get_default())
        network.status = Network.Status.PUBLISHED
        network.published_at = network.published_at or BASE_DATE
        network.description = (
            f"Die Allianz verbindet Unternehmen, Kammern und Arbeitsverwaltung in "
            f"{region_label(border[0])} und in der Deutschsprachigen Gemeinschaft Belgiens "
            f"über die Grenze hinweg.\n\n{DEMO_NOTE}"
        )
        network.short_description = "Fachkräfte sichern – grenzüberschreitend mit Ostbelgien."
        related["districts"] = [border[0].ags]
        related["foreign_regions"] = regions

    def _projects(self, place: str, founded: int) -> list[tuple[Project, list[int]]]:
        rng = self.rng
        count = rng.choices([0, 1, 2, 3, 4, 6], weights=[15, 20, 25, 20, 12, 8])[0]
        projects = []
        for title, field_slugs, aims in rng.sample(PROJECTS, count):
            title = title.format(n=place)
            start = datetime.date(rng.randint(max(founded, 2012), 2026), rng.randint(1, 12), 1)
            status = rng.choices(
                [Project.Status.PLANNED, Project.Status.RUNNING, Project.Status.DONE],
                weights=[10, 55, 35],
            )[0]
            end = None
            if status == Project.Status.DONE or rng.random() < 0.4:
                end = start + datetime.timedelta(days=rng.randint(90, 1100))
            evaluated = status == Project.Status.DONE and rng.random() < 0.6
            project = Project(
                title=title,
                slug=slugify(title),
                description=f"{title}: ein gemeinsames Angebot der Netzwerkpartner. {DEMO_NOTE}",
                aim_retain="r" in aims,
                aim_train="t" in aims,
                aim_attract="a" in aims,
                status=status,
                start_date=start,
                end_date=end,
                results=(
                    f"{rng.randint(12, 400)} Teilnehmende, "
                    f"{rng.randint(3, 60)} beteiligte Betriebe."
                    if status == Project.Status.DONE
                    else ""
                ),
                evaluated=evaluated,
                # some evaluated projects as curated Praxisbeispiele, without another draw
                # from the seed (the rest of the demo stays as it was)
                recommended=evaluated and start.month % 3 == 0,
                recommended_reason=(
                    "Evaluiert, mit messbaren Ergebnissen und leicht übertragbar."
                    if evaluated and start.month % 3 == 0
                    else ""
                ),
            )
            projects.append(
                (
                    project,
                    [self.action_fields[s].pk for s in field_slugs if s in self.action_fields],
                )
            )
        return projects
