import csv
import datetime
import io
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from netzwerke.models import Network
from survey import stats
from survey.models import Submission
from tests import factories as f

CENTRAL, AGENDA, NONE = "zentral", "agenda", "kein"


class TableParser(HTMLParser):
    """Collects the text of every row of the <table id=...> it is looking for."""

    def __init__(self, table_id):
        super().__init__()
        self.table_id = table_id
        self.inside = False
        self.rows = []
        self.cell = None

    def handle_starttag(self, tag, attrs):
        if tag == "table" and dict(attrs).get("id") == self.table_id:
            self.inside = True
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside = False
        elif self.inside and tag in ("td", "th") and self.cell is not None:
            text = " ".join("".join(self.cell).split())
            self.rows[-1].append(text)
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def html_table(response, slug):
    parser = TableParser(f"{slug}-table")
    parser.feed(response.content.decode())
    assert parser.rows, f"no table {slug} on the page"
    return parser.rows


def csv_table(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def wave_url(wave, **params):
    url = reverse("survey:statistics-wave", kwargs={"slug": wave.slug})
    if params:
        url += "?" + "&".join(f"{k}={v}" for k, v in params.items())
    return url


def wave_csv(client, wave, table, query=""):
    url = reverse("survey:statistics-wave-csv", kwargs={"slug": wave.slug, "table": table})
    return client.get(url + query)


def accepted(wave, topic, rating, n, **kwargs):
    kwargs.setdefault("network", None)
    return f.AcceptedSubmissionFactory.create_batch(
        n, survey=wave, ratings={topic: rating}, **kwargs
    )


@pytest.fixture
def closed_wave():
    now = timezone.now()
    return f.SurveyFactory(
        title="Netzwerkerhebung 2025",
        opens_at=now - datetime.timedelta(days=300),
        closes_at=now - datetime.timedelta(days=200),
    )


@pytest.fixture
def topic():
    return f.FocusTopicFactory()


@pytest.fixture
def study(closed_wave, topic):
    """The published figure: 139 networks, 28 zentral, 50 auf der Agenda, 61 kein Thema."""
    accepted(closed_wave, topic, CENTRAL, 28)
    accepted(closed_wave, topic, AGENDA, 50)
    accepted(closed_wave, topic, NONE, 61)
    # never counted: every state but "angenommen"
    for state in (
        Submission.State.DRAFT,
        Submission.State.SUBMITTED,
        Submission.State.CHANGES_REQUESTED,
        Submission.State.REJECTED,
    ):
        accepted(closed_wave, topic, CENTRAL, 1, state=state)
    return closed_wave


# the arithmetic


def test_largest_remainder_reproduces_the_published_split():
    assert stats.largest_remainder([28, 50, 61]) == [20, 36, 44]
    # plain rounding would give 20 + 36 + 44 here too, but 33 + 33 + 33 = 99 here
    assert stats.largest_remainder([1, 1, 1]) == [34, 33, 33]
    assert stats.largest_remainder([0, 0, 0]) == [0, 0, 0]
    for counts in ([1, 2, 3, 4, 5, 6], [7, 7, 7, 7, 7, 7, 7], [139, 0, 1], [2, 2, 3]):
        assert sum(stats.largest_remainder(counts)) == 100


def test_rounded_percent_rounds_half_up():
    assert stats.rounded_percent(1, 8) == 13  # 12.5
    assert stats.rounded_percent(1, 3) == 33
    assert stats.rounded_percent(2, 3) == 67
    assert stats.rounded_percent(0, 0) == 0


def test_disclosure_mask_hides_small_counts_and_what_would_give_them_away():
    # primary: 1 to 4 networks; 0 is shown
    assert stats.disclosure_mask([[0, 4, 5]]) == [[False, True, False]]
    # a whole group under 5
    assert stats.disclosure_mask([[3, 9]], group_sizes=[4]) == [[True, True]]
    # n = 13 = 3 + 5 + 5: "3" alone hidden could be recomputed, so the smaller 5 goes too
    assert stats.disclosure_mask([[13, 3, 5, 5]], rows_add_up=True, first_is_total=True) == [
        [False, True, True, False]
    ]
    # a hidden n hides the whole row; the column of n adds up to a published total
    mask = stats.disclosure_mask(
        [[4, 1, 2, 1], [20, 5, 5, 10], [30, 10, 10, 10]],
        rows_add_up=True,
        columns_add_up=True,
        first_is_total=True,
    )
    assert mask[0] == [True] * 4
    assert mask[1][0] is True  # the smallest other n, so NW's 4 cannot be recomputed
    assert all(sum(column) != 1 for column in zip(*mask, strict=True))
    assert all(sum(row) != 1 for row in mask)


# the pages


@pytest.mark.django_db
def test_published_split_on_the_page_and_in_the_csv(client, study, topic):
    response = client.get(wave_url(study))
    assert response.status_code == 200
    page = response.content.decode()
    assert "n = 139" in page
    rows = html_table(response, "themen")
    assert rows[1] == [topic.name, "139", "28", "20 %", "50", "36 %", "61", "44 %"]
    assert "Hare-Niemeyer" in page
    assert (
        f"„{topic.name}“ ist für 20 % der Netzwerke ein zentrales Thema; "
        "56 % haben es mindestens auf der Agenda."
    ) in page

    csv_rows = csv_table(wave_csv(client, study, "themen"))
    assert csv_rows[1] == [topic.name, "139", "28", "20 %", "50", "36 %", "61", "44 %"]


@pytest.mark.django_db
def test_overview_shows_the_latest_wave_with_responses(client, study, topic):
    now = timezone.now()
    current = f.SurveyFactory(
        title="Netzwerkerhebung 2026",
        opens_at=now - datetime.timedelta(days=10),
        closes_at=now + datetime.timedelta(days=10),
    )
    # an open wave with its first few answers is not yet worth the front place
    accepted(current, topic, CENTRAL, 3)
    response = client.get(reverse("survey:statistics"))
    assert response.status_code == 200
    assert response.context["wave"] == study
    assert html_table(response, "themen")[1][3] == "20 %"
    assert "Netzwerkerhebung 2026" in response.content.decode()


@pytest.mark.django_db
def test_every_csv_equals_its_html_table(client, study, topic):
    land = f.StateFactory(code="BY", ags="09", name="Bayern")
    field = f.ActionFieldFactory(name="Aus- und Weiterbildung")
    accepted(study, topic, CENTRAL, 3, land=land, action_fields=[field])
    accepted(study, topic, AGENDA, 6, land=land, action_fields=[field])
    f.NetworkFactory.create_batch(6, districts=[f.DistrictFactory()])
    for query in ("", "?typ=netzwerk", "?land=BY"):
        page = client.get(wave_url(study) + query)
        wave_stats = page.context["wave_stats"]
        assert len(wave_stats.all_tables) == 10
        for table in wave_stats.all_tables:
            assert csv_table(wave_csv(client, study, table.slug, query)) == html_table(
                page, table.slug
            ), table.slug
        overview = client.get(reverse("survey:statistics") + query)
        for table in [*overview.context["directory"], overview.context["trend"]]:
            csv_response = client.get(
                reverse("survey:statistics-csv", kwargs={"table": table.slug}) + query
            )
            if table.slug == "trend":
                continue  # shown only from two waves on; compared in the trend test
            assert csv_table(csv_response) == html_table(overview, table.slug), table.slug


@pytest.mark.django_db
def test_small_groups_show_less_than_five_in_html_and_csv(client, study, topic):
    bremen = f.StateFactory(code="HB", ags="04", name="Bremen")
    accepted(study, topic, CENTRAL, 3, land=bremen)
    slug = f"land-{topic.slug}"
    response = client.get(wave_url(study))
    rows = {row[0]: row[1:] for row in html_table(response, slug)}
    assert rows["Bremen"] == ["< 5"] * 7
    csv_rows = {row[0]: row[1:] for row in csv_table(wave_csv(client, study, slug))}
    assert csv_rows["Bremen"] == ["< 5"] * 7
    # Bremen's 3 could be worked out from the total, so another row is hidden as well
    hidden_n = [cells[0] for cells in rows.values() if cells[0] in ("< 5", "x")]
    assert len(hidden_n) >= 2
    assert rows["Insgesamt"][:2] == ["142", "31"]

    # filtered down to Bremen, the whole wave is a group of three
    response = client.get(wave_url(study, land="HB"))
    assert "n = &lt; 5" in response.content.decode()
    assert html_table(response, "themen")[1][1:] == ["< 5"] * 7
    assert csv_table(wave_csv(client, study, "themen", "?land=HB"))[1][1:] == ["< 5"] * 7


@pytest.mark.django_db
def test_per_land_tables_say_how_many_laender_they_hide_and_why(client, closed_wave, topic):
    for code, ags, name in (("NW", "05", "Nordrhein-Westfalen"), ("NI", "03", "Niedersachsen")):
        land = f.StateFactory(code=code, ags=ags, name=name)
        for rating in (CENTRAL, AGENDA, NONE):
            accepted(closed_wave, topic, rating, 10, land=land)
    bremen = f.StateFactory(code="HB", ags="04", name="Bremen")
    accepted(closed_wave, topic, NONE, 3, land=bremen)
    page = client.get(wave_url(closed_wave)).content.decode()
    # Bremen's 3 is hidden, and a 10 of the same column with it, or the total would give it
    # away: the chart shows one Land
    assert "Ausgewiesen: 1 von 16 Ländern." in page
    assert "2 Länder sind zum Schutz kleiner Gruppen (weniger als 5 Antworten) nicht" in page
    assert "13 Länder fehlen, weil von dort keine Antwort vorliegt." in page


@pytest.mark.django_db
def test_a_single_small_cell_is_not_left_to_subtraction(client, closed_wave, topic):
    accepted(closed_wave, topic, CENTRAL, 2)
    accepted(closed_wave, topic, AGENDA, 10)
    accepted(closed_wave, topic, NONE, 20)
    row = html_table(client.get(wave_url(closed_wave)), "themen")[1]
    assert row == [topic.name, "32", "< 5", "< 5", "x", "x", "20", "63 %"]


@pytest.mark.django_db
def test_empty_wave_gets_a_friendly_message(client, closed_wave):
    response = client.get(wave_url(closed_wave))
    assert response.status_code == 200
    assert "noch keine angenommenen Antworten" in response.content.decode()
    assert response.context["wave_stats"].n == 0


@pytest.mark.django_db
def test_drafts_and_unreviewed_submissions_are_never_counted(client, closed_wave, topic):
    for state in ("draft", "submitted", "changes_requested", "rejected"):
        accepted(closed_wave, topic, CENTRAL, 6, state=state)
    response = client.get(wave_url(closed_wave))
    assert response.status_code == 200
    assert "noch keine angenommenen Antworten" in response.content.decode()
    assert response.context["wave_stats"].n == 0
    assert wave_csv(client, closed_wave, "themen").status_code == 404


@pytest.mark.django_db
def test_invalid_filters_are_ignored_with_a_notice(client, study):
    response = client.get(wave_url(study, land="XX", typ="kein-typ"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "„XX“ ist kein gültiger Wert für „Bundesland“" in page
    assert "„kein-typ“ ist kein gültiger Wert für „Netzwerktyp“" in page
    assert "n = 139" in page

    response = client.get(reverse("survey:statistics") + "?erhebung=gibt-es-nicht&land=%00")
    assert response.status_code == 200
    assert "„gibt-es-nicht“ ist kein gültiger Wert für „Erhebung“" in response.content.decode()

    response = wave_csv(client, study, "themen", "?land=XX&typ=" + "y" * 500)
    assert csv_table(response)[1][1] == "139"
    assert client.get(reverse("survey:statistics-csv", kwargs={"table": "x"})).status_code == 404
    assert wave_csv(client, study, "gibt-es-nicht").status_code == 404


@pytest.mark.django_db
def test_filters_narrow_the_figures(client, study, topic):
    bayern = f.StateFactory(code="BY", ags="09", name="Bayern")
    accepted(study, topic, CENTRAL, 5, land=bayern, network_type=Network.Type.HUB)
    accepted(study, topic, NONE, 5, land=bayern, network_type=Network.Type.NETWORK)
    response = client.get(wave_url(study, land="BY"))
    assert response.context["wave_stats"].n == 10
    assert html_table(response, "themen")[1][1:4] == ["10", "5", "50 %"]
    response = client.get(wave_url(study, land="BY", typ="drehscheibe"))
    assert response.context["wave_stats"].n == 5
    assert 'aria-current="page"' in response.content.decode()
    # choosing another wave in the form goes to its page and keeps the filters
    other = f.SurveyFactory(title="Netzwerkerhebung 2020")
    response = client.get(wave_url(study, erhebung=other.slug, land="BY"))
    assert response.status_code == 302
    assert response["Location"] == wave_url(other, land="BY")


@pytest.mark.django_db
def test_criteria_count_keine_angabe_as_its_own_value(client, closed_wave, topic):
    accepted(closed_wave, topic, CENTRAL, 10)
    accepted(closed_wave, topic, AGENDA, 5, criterion_data=False)
    accepted(closed_wave, topic, NONE, 5, criterion_data=None)
    criteria = {
        row[0]: row[1:] for row in html_table(client.get(wave_url(closed_wave)), "kriterien")
    }
    data = "Ziele auf Basis aussagekräftiger regionaler Daten"
    assert criteria[f"{data}: erfüllt"] == ["10", "50 %"]
    assert criteria[f"{data}: nicht erfüllt"] == ["5", "25 %"]
    assert criteria[f"{data}: keine Angabe"] == ["5", "25 %"]


@pytest.mark.django_db
def test_statistics_say_when_demo_data_is_counted(client, closed_wave, topic):
    assert "Demo-Daten" not in client.get(reverse("survey:statistics")).content.decode()
    f.NetworkFactory(source=Network.Source.DEMO)
    html = client.get(reverse("survey:statistics")).content.decode()
    assert "Diese Datenbank enthält 1 synthetisches Demo-Netzwerk" in html
    closed_wave.is_demo = True
    closed_wave.save()
    accepted(closed_wave, topic, CENTRAL, 5)
    assert (
        "Diese Erhebung ist eine Demo-Erhebung"
        in client.get(wave_url(closed_wave)).content.decode()
    )


@pytest.mark.django_db
def test_profile_figures(client, closed_wave, topic):
    field = f.ActionFieldFactory(name="Integration und Zuwanderung")
    rare = f.ActionFieldFactory(name="Vereinbarkeit von Beruf und Familie")
    accepted(
        closed_wave, topic, CENTRAL, 6, action_fields=[field], founded_year=1998,
        full_time_management=False,
    )  # fmt: skip
    accepted(closed_wave, topic, AGENDA, 2, action_fields=[field, rare], founded_year=None)
    accepted(closed_wave, topic, NONE, 12, founded_year=2021, criterion_evaluation=True)
    page = client.get(wave_url(closed_wave))
    fields = {row[0]: row[1:] for row in html_table(page, "handlungsfelder")}
    assert fields["Integration und Zuwanderung"] == ["8", "40 %"]
    assert fields["Vereinbarkeit von Beruf und Familie"] == ["< 5", "< 5"]
    assert fields["Basis (n)"] == ["20", "100 %"]
    criteria = {row[0]: row[1:] for row in html_table(page, "kriterien")}
    partners = "Mindestens drei regionale Akteure arbeiten verbindlich zusammen"
    evaluation = "Ergebnisse evaluiert, Ziele und Maßnahmen angepasst"
    assert criteria[f"{partners}: erfüllt"] == ["20", "100 %"]
    assert criteria[f"{evaluation}: erfüllt"] == ["12", "60 %"]
    assert criteria["alle vier Kriterien erfüllt"] == ["12", "60 %"]
    founded = {row[0]: row[1:] for row in html_table(page, "gruendung")}
    assert founded["vor 2000"] == ["6", "30 %"]
    assert founded["ab 2020"] == ["12", "60 %"]
    assert founded["keine Angabe"] == ["< 5", "< 5"]
    # the lone hidden "keine Angabe" could be worked out from the total, so the smallest
    # visible cell of the column (the first empty period) is hidden with it
    assert founded["2000–2009"] == ["< 5", "< 5"]
    assert founded["2010–2014"] == founded["2015–2019"] == ["0", "0 %"]
    management = {row[0]: row[1:] for row in html_table(page, "hauptamt")}
    assert management["ja"] == ["14", "70 %"]
    assert management["nein"] == ["6", "30 %"]


@pytest.mark.django_db
def test_directory_figures(client):
    nw_district = f.DistrictFactory()
    by_district = f.DistrictFactory(
        ags="09162", name="München", state=f.StateFactory(code="BY", ags="09", name="Bayern")
    )
    networks = f.NetworkFactory.create_batch(6, districts=[nw_district])
    f.NetworkFactory.create_batch(2, districts=[by_district])
    f.NetworkFactory(districts=[nw_district], status=Network.Status.DRAFT, published_at=None)
    for network in networks[:5]:
        f.MembershipFactory.create_batch(3, network=network)
    response = client.get(reverse("survey:statistics"))
    per_land = {row[0]: row[1:] for row in html_table(response, "netzwerke-land")}
    assert per_land["Nordrhein-Westfalen"] == ["6", "75 %"]
    assert per_land["Bayern"] == ["< 5", "< 5"]
    per_type = {row[0]: row[1:] for row in html_table(response, "netzwerke-typ")}
    assert per_type["Fachkräftenetzwerk"] == ["8", "100 %"]
    partners = {row[0]: row[1:] for row in html_table(response, "partner")}
    assert partners["3–5"] == ["5", "63 %"]
    assert partners["keine"] == ["< 5", "< 5"]
    assert "Im Mittel 1,9 Partner je Netzwerk." in response.content.decode()


@pytest.mark.django_db
def test_trend_across_waves(client, study, topic):
    now = timezone.now()
    later = f.SurveyFactory(
        title="Netzwerkerhebung 2026",
        opens_at=now - datetime.timedelta(days=30),
        closes_at=now - datetime.timedelta(days=1),
    )
    accepted(later, topic, CENTRAL, 20)
    accepted(later, topic, AGENDA, 20)
    response = client.get(reverse("survey:statistics"))
    rows = html_table(response, "trend")
    assert rows[1] == ["Netzwerkerhebung 2025", "139", "20 %", "36 %"]
    assert rows[2] == ["Netzwerkerhebung 2026", "40", "50 %", "50 %"]
    page = response.content.decode()
    assert 'id="chart-trend"' in page
    assert response.context["wave"] == later
    csv_rows = csv_table(client.get(reverse("survey:statistics-csv", kwargs={"table": "trend"})))
    assert csv_rows == rows


@pytest.mark.django_db
def test_charts_are_accessible_images_with_their_numbers(client, study):
    page = client.get(wave_url(study)).content.decode()
    assert 'role="img" aria-labelledby="chart-themen-title chart-themen-desc"' in page
    assert '<title id="chart-themen-title">' in page
    assert '<desc id="chart-themen-desc">' in page
    assert "zentrales Thema 20 %, auf der Agenda 36 %, kein Thema 44 %" in page
    assert "<script" not in page.split("</main>")[0].split("<main")[1]


def _mixed_data(wave, topics, size):
    lands = [
        f.StateFactory(),
        f.StateFactory(code="BY", ags="09", name="Bayern"),
        f.StateFactory(code="SN", ags="14", name="Sachsen"),
    ]
    fields = [f.ActionFieldFactory(name=f"Feld {i}") for i in range(3)]
    groups = [f.TargetGroupFactory(name=f"Gruppe {i}") for i in range(3)]
    sectors = [f.SectorFactory(name=f"Branche {i}") for i in range(3)]
    types = [f.ActorTypeFactory(name=f"Typ {i}") for i in range(3)]
    ratings = [CENTRAL, AGENDA, NONE]
    for i in range(size):
        f.AcceptedSubmissionFactory(
            survey=wave,
            network=None,
            land=lands[i % 3],
            network_type=Network.Type.values[i % 4],
            founded_year=1995 + i % 30,
            ratings={t: ratings[(i + k) % 3] for k, t in enumerate(topics)},
            action_fields=fields[: 1 + i % 3],
            target_groups=groups[: 1 + i % 2],
            sectors=sectors[i % 3 :],
            partner_types=types[: 1 + i % 3],
        )
    district = f.DistrictFactory()
    for network in f.NetworkFactory.create_batch(size // 3, districts=[district]):
        f.MembershipFactory.create_batch(i % 4, network=network)


@pytest.mark.django_db
@pytest.mark.parametrize("size", [8, 60])
def test_query_budget_does_not_grow_with_the_data(client, django_assert_num_queries, size):
    now = timezone.now()
    first = f.SurveyFactory(
        title="Netzwerkerhebung 2020",
        opens_at=now - datetime.timedelta(days=900),
        closes_at=now - datetime.timedelta(days=800),
    )
    wave = f.SurveyFactory(
        title="Netzwerkerhebung 2025",
        opens_at=now - datetime.timedelta(days=300),
        closes_at=now - datetime.timedelta(days=200),
    )
    topics = [f.FocusTopicFactory(name=f"Thema {i}") for i in range(3)]
    _mixed_data(first, topics[:2], size)
    _mixed_data(wave, topics, size)

    # waves, Länder, facts, the topic split by all / Land / type, four
    # distributions, the trend; and the data version
    with django_assert_num_queries(1 + 11):
        response = client.get(wave_url(wave, land="BY"))
    assert response.status_code == 200
    # waves, Länder, the latest wave's n and topic split, the trend, three
    # directory tables, the type facts, the number of demo networks; and the data version
    with django_assert_num_queries(1 + 10):
        response = client.get(reverse("survey:statistics"))
    assert response.status_code == 200
    # as the wave page, without the trend
    with django_assert_num_queries(1 + 10):
        response = wave_csv(client, wave, f"land-{topics[0].slug}")
    assert response.status_code == 200


@pytest.mark.django_db
def test_pages_are_valid_html(client, study, topic):
    from tests.htmlcheck import html_errors

    bremen = f.StateFactory(code="HB", ags="04", name="Bremen")
    accepted(study, topic, CENTRAL, 3, land=bremen)
    empty = f.SurveyFactory(title="Netzwerkerhebung 2030")
    for url in (
        reverse("survey:statistics"),
        wave_url(study),
        wave_url(study, land="HB", typ="unsinn"),
        wave_url(empty),
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert html_errors(response.content.decode()) == [], url


@pytest.mark.django_db
def test_answers_without_land_or_with_an_unknown_type_still_count(client, closed_wave, topic):
    accepted(closed_wave, topic, CENTRAL, 5, land=None, network_type="")
    accepted(closed_wave, topic, AGENDA, 5, network_type="altes-format")
    page = client.get(wave_url(closed_wave))
    assert page.status_code == 200
    lands = {row[0]: row[1:3] for row in html_table(page, f"land-{topic.slug}")}
    assert lands["ohne Angabe"] == ["5", "5"]
    types = {row[0]: row[1:3] for row in html_table(page, f"typ-{topic.slug}")}
    assert types["altes-format"] == ["5", "0"]
    assert types["ohne Angabe"] == ["5", "5"]
