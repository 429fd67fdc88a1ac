"""Strict HTML5 parsing of rendered pages, shared by the client and the browser tests.

html5lib reports every parse error of the HTML5 algorithm; duplicate ids, which the
parser accepts but which break labels and ARIA references, are checked on the tree.
"""

import contextlib
from collections import Counter

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
