"""How the statistics pages scale with the number of responses.

    .venv/bin/python -m benchmarks.bench_statistics [SIZES …]   (default: 150 1500 15000)

Builds a throw-away test database (SQLite, or PostgreSQL with DATABASE_URL), fills one
wave with SIZE accepted responses in bulk, and reports for the wave page, the overview
and one CSV the number of queries (which must not grow) and the median time of 5 runs.
"""

import random
import sys

from django.test import Client
from django.utils import timezone

from benchmarks.harness import measure, print_slowest, throwaway_database
from netzwerke.models import ActionField, ActorType, Network, Sector, State, TargetGroup
from survey.models import FocusTopic, Submission, Survey, TopicRating


def fill(size, rng):
    Submission.objects.all().delete()
    now = timezone.now()
    wave, _ = Survey.objects.get_or_create(
        slug="bench",
        defaults={
            "title": "Benchmark",
            "opens_at": now - timezone.timedelta(days=100),
            "closes_at": now - timezone.timedelta(days=10),
            "questionnaire_version": "1",
        },
    )
    states = [
        State.objects.get_or_create(
            code=f"{i:02d}", defaults={"ags": f"{i:02d}", "name": f"Land {i}"}
        )[0]
        for i in range(1, 17)
    ]
    topics = [
        FocusTopic.objects.get_or_create(slug=f"t{i}", defaults={"name": f"Thema {i}"})[0]
        for i in range(6)
    ]
    vocab = {}
    for model in (ActionField, TargetGroup, ActorType):
        vocab[model] = [
            model.objects.get_or_create(slug=f"b{i}", defaults={"name": f"B {i}"})[0]
            for i in range(8)
        ]
    vocab[Sector] = [
        Sector.objects.get_or_create(code=c, defaults={"slug": f"s{c}", "name": c})[0]
        for c in "ABCDEFGH"
    ]
    subs = Submission.objects.bulk_create(
        Submission(
            survey=wave,
            state=Submission.State.ACCEPTED,
            questionnaire_version="1",
            land=rng.choice(states),
            network_type=rng.choice(Network.Type.values),
            founded_year=rng.choice([None, 1999, 2005, 2012, 2017, 2022]),
            full_time_management=rng.choice([True, False, None]),
            criterion_partners=rng.random() < 0.8,
            criterion_data=rng.random() < 0.5,
            criterion_measures=rng.random() < 0.6,
            criterion_evaluation=rng.random() < 0.3,
        )
        for _ in range(size)
    )
    TopicRating.objects.bulk_create(
        TopicRating(submission=s, topic=t, rating=rng.choice(["zentral", "agenda", "kein"]))
        for s in subs
        for t in topics
    )
    for field, model in (
        ("action_fields", ActionField),
        ("target_groups", TargetGroup),
        ("sectors", Sector),
        ("partner_types", ActorType),
    ):
        through = getattr(Submission, field).through
        target = f"{model._meta.model_name}_id"
        through.objects.bulk_create(
            through(submission_id=s.pk, **{target: term.pk})
            for s in subs
            for term in rng.sample(vocab[model], 3)
        )
    return wave


def main():
    sizes = [int(a) for a in sys.argv[1:] if a.isdigit()] or [150, 1500, 15000]
    with throwaway_database() as connection:
        rng = random.Random(1)
        client = Client()
        print(f"{connection.vendor}: responses, page, queries, median ms")
        slowest = []
        for size in sizes:
            wave = fill(size, rng)
            slowest.clear()
            for name, url in (
                ("Welle", f"/statistik/{wave.slug}/"),
                ("Übersicht", "/statistik/"),
                ("CSV", f"/statistik/{wave.slug}/themen.csv"),
            ):
                count, ms, _size = measure(client, url, slowest)
                print(f"{size:>7}  {name:<10} {count:>3}  {ms:8.1f}")
        print_slowest(slowest)


if __name__ == "__main__":
    main()
