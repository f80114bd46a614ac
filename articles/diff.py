"""Readable differences between two revisions: per field, word by word, tags stripped.

Rich text is compared as the words a reader sees, paragraph breaks kept, so a changed comma
shows as one struck-out and one inserted word instead of a wall of HTML.
"""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.text import capfirst

from articles.models import Article

_BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote)>|<br\s*/?>", re.IGNORECASE)


@dataclass
class FieldDiff:
    name: str
    label: str
    chunks: list[tuple[str, str]]  # ("equal" | "delete" | "insert", text)


def readable(value: str) -> str:
    return strip_tags(_BLOCK_END.sub("\n", value or "")).strip()


def _tokens(text: str) -> list[str]:
    return re.findall(r"\s+|[^\s]+", text)


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    a, b = _tokens(readable(old)), _tokens(readable(new))
    chunks = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            chunks.append(("equal", "".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            chunks.append(("delete", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            chunks.append(("insert", "".join(b[j1:j2])))
    return chunks


def _label(name: str) -> str:
    base, _sep, lang = name.rpartition("_")
    return f"{capfirst(Article._meta.get_field(base).verbose_name)} [{lang}]"


def revision_diff(old: dict, new: dict) -> list[FieldDiff]:
    """The fields that differ between two revisions' data, in form order."""
    diffs = []
    for name in Article.translated_field_names():
        before, after = old.get(name) or "", new.get(name) or ""
        if before != after:
            diffs.append(FieldDiff(name=name, label=_label(name), chunks=word_diff(before, after)))
    return diffs
