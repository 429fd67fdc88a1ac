"""/api/v1/docs/: Swagger UI draws the API from our own files, under the site's CSP."""

from urllib.parse import urlsplit

from django.urls import reverse


def test_api_docs_render_without_third_party_requests_or_csp_errors(live_server, page, db):
    requests, problems = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on(
        "console",
        lambda m: problems.append(m.text) if m.type in ("error", "warning") else None,
    )
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(live_server.url + reverse("api:docs"))
    # Swagger UI has fetched the schema and drawn the operations
    page.get_by_text("/api/v1/networks/", exact=True).first.wait_for()
    own = urlsplit(live_server.url).netloc
    assert {urlsplit(url).netloc for url in requests if not url.startswith("data:")} == {own}
    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p]
    assert not [p for p in problems if "Error" in p], problems
