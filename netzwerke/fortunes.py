"""The yardstick of the load benchmark: a page shaped like TechEmpower's "Fortunes".

One query of 12 rows, one row added in memory, sorted, rendered through a template,
no cache. ``benchmarks.load`` compares every public page with it on the same gunicorn.
The URL exists only with ``BENCHMARK_PAGE=1`` (never in production).
"""

from django.shortcuts import render

from netzwerke.models import State


def fortunes(request):
    rows = list(State.objects.order_by("code").values_list("ags", "name")[:12])
    rows.append(("00", "Zusätzliche Zeile zur Laufzeit <script>alert(1)</script>"))
    rows.sort(key=lambda row: row[1])
    return render(request, "netzwerke/fortunes.html", {"rows": rows})
