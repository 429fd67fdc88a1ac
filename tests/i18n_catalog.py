"""The English catalog checks of tests/test_i18n.py: reading .po files, running the
Makefile's ``makemessages`` on a copy of the sources, and finding the German UI strings
left in a rendered page."""

from __future__ import annotations

import dataclasses
import html
import os
import re
import shlex
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EN_PO = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"
#: what the catalog is made from (the rest of the checkout holds no marked strings)
SOURCES = ("manage.py", "netzwerke", "survey", "website", "outbox", "templates")

GETTEXT_MISSING = (
    "GNU gettext fehlt (xgettext, msgfmt) / needs GNU gettext: "
    "`apt-get install gettext` (CI installs it)"
)


def gettext_available() -> bool:
    return bool(shutil.which("xgettext") and shutil.which("msgfmt"))


@dataclasses.dataclass
class Entry:
    context: str | None
    msgid: str
    plural: str | None
    msgstrs: list[str]
    fuzzy: bool

    @property
    def key(self) -> tuple[str | None, str, str | None]:
        return (self.context, self.msgid, self.plural)

    @property
    def translated(self) -> bool:
        return not self.fuzzy and all(self.msgstrs)


_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


def _unquote(text: str) -> str:
    body = text.strip()[1:-1]
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), body)


def read_po(path: Path) -> list[Entry]:
    """The entries of a .po file, without the header and obsolete (``#~``) ones."""
    entries: list[Entry] = []
    fields: dict[str, str] = {}
    fuzzy = False
    current = None

    def flush():
        nonlocal fields, fuzzy, current
        if "msgid" in fields and fields["msgid"]:
            msgstrs = [v for k, v in sorted(fields.items()) if k.startswith("msgstr")]
            entries.append(
                Entry(
                    fields.get("msgctxt"),
                    fields["msgid"],
                    fields.get("msgid_plural"),
                    msgstrs,
                    fuzzy,
                )
            )
        fields, fuzzy, current = {}, False, None

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            flush()
        elif line.startswith("#,"):
            fuzzy = fuzzy or "fuzzy" in line
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            fields[current] += _unquote(line)
        else:
            keyword, _space, value = line.partition(" ")
            if keyword in fields:  # a new entry without a blank line before it
                flush()
            current = keyword
            fields[current] = _unquote(value)
    flush()
    return entries


def makemessages_arguments() -> list[str]:
    """The arguments of the Makefile's ``makemessages``: the check runs exactly the recipe."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    ignore = re.search(r"^MESSAGES_IGNORE :=(.*)$", makefile, re.M).group(1)
    line = re.search(r"manage\.py makemessages (.*)$", makefile, re.M).group(1)
    return shlex.split(line.replace("$(MESSAGES_IGNORE)", ignore))


def fresh_catalog(workdir: Path, *, extra_files: dict[str, str] | None = None) -> Path:
    """``makemessages`` (the Makefile's) on a copy of the sources with the committed English
    catalog, plus ``extra_files`` (path → text): the .po it leaves."""
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, workdir / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, workdir / name)
    target = workdir / EN_PO.relative_to(ROOT)
    target.parent.mkdir(parents=True)
    shutil.copy2(EN_PO, target)
    for relative, text in (extra_files or {}).items():
        (workdir / relative).parent.mkdir(parents=True, exist_ok=True)
        (workdir / relative).write_text(text, encoding="utf-8")
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", *makemessages_arguments()],
        cwd=workdir,
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    return target


def catalog_problems(committed: Path, fresh: Path) -> list[str]:
    """Why the committed catalog is not good enough: stale (other msgids than the sources
    mark) or a marked string without an English translation."""
    have = {e.key: e for e in read_po(committed)}
    want = {e.key: e for e in read_po(fresh)}
    problems = [f"fehlt in der .po (veraltet): {key[1]!r}" for key in want.keys() - have.keys()]
    problems += [f"nicht mehr im Code (veraltet): {key[1]!r}" for key in have.keys() - want.keys()]
    problems += [
        f"ohne englische Übersetzung: {key[1]!r}"
        for key, entry in want.items()
        if not entry.translated
    ]
    return problems


# -- German left in a rendered page ------------------------------------------------------

#: attributes whose values a visitor reads or hears
READ_ATTRIBUTES = {"title", "alt", "aria-label", "placeholder", "content", "aria-description"}
_PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _Text(HTMLParser):
    """The text nodes and read attributes of a page, leaving out scripts, styles and
    elements in another language (``lang="de"``: the switch's "Deutsch")."""

    def __init__(self, language: str):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.parts: list[str] = []
        self._open: list[tuple[str, bool]] = []  # (tag, left out)

    @property
    def _skipping(self) -> bool:
        return any(skip for _tag, skip in self._open)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        other_language = values.get("lang", self.language) != self.language and tag != "html"
        if tag not in VOID:
            self._open.append((tag, tag in ("script", "style") or other_language))
        if self._skipping or other_language:
            return
        for name, value in attrs:
            if name in READ_ATTRIBUTES and value:
                self.parts.append(value)
        if tag == "input" and values.get("type") == "submit" and values.get("value"):
            self.parts.append(values["value"])

    def handle_endtag(self, tag):
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i][0] == tag:
                del self._open[i:]
                break

    def handle_data(self, data):
        if not self._skipping and data.strip():
            self.parts.append(data)


def visible_text(page: str, language: str = "en") -> list[str]:
    parser = _Text(language)
    parser.feed(page)
    return [" ".join(part.split()) for part in parser.parts]


def german_patterns(entries: list[Entry]) -> list[tuple[str, re.Pattern]]:
    """A pattern per German msgid whose English differs from it (or is still missing): the
    literal text around its placeholders, as whole words. A msgid that also occurs in an
    English translation ("Partner" in "Partner organisations") proves nothing and is left
    out."""
    english = "\n".join(m for e in entries for m in e.msgstrs if m)
    patterns = []
    for entry in entries:
        for msgid, msgstr in (
            (entry.msgid, entry.msgstrs[0] if entry.msgstrs else ""),
            (entry.plural, entry.msgstrs[-1] if entry.msgstrs else ""),
        ):
            if not msgid or (msgstr and msgstr == msgid and not entry.fuzzy):
                continue  # the same in English ("Name", "Partner", "E-Mail"?) is no German left
            text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", msgid)).split())
            text = text.replace("%%", "%")
            pieces = [p.strip() for p in _PLACEHOLDER.split(text)]
            pieces = [p for p in pieces if p]
            # a placeholder alone or a lone character says nothing about the language
            if not pieces or max(len(p) for p in pieces) < 3:
                continue
            regex = r"[^\n]+?".join(re.escape(p) for p in pieces)
            pattern = re.compile(rf"(?<!\w){regex}(?!\w)")
            if not pattern.search(english):
                patterns.append((msgid, pattern))
    return patterns


def german_left(page: str, patterns, data: list[str]) -> set[str]:
    """The German msgids found in ``page``'s text once the user data (``data``: every text
    the database holds, longest first) is taken out."""
    parts = []
    for part in visible_text(page):
        for value in data:
            if value in part:
                part = part.replace(value, " ")
        parts.append(part)
    text = "\n".join(parts)
    return {msgid for msgid, pattern in patterns if pattern.search(text)}
