"""Bulgarian transliteration (Transliteration Act, 2009) and the slugs built from it."""

import re
import unicodedata

from django.utils.text import slugify

# The statutory table, lower case. Upper case is derived in `transliterate`.
TABLE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "sht", "ъ": "a", "ь": "y", "ю": "yu", "я": "ya",
}  # fmt: skip

# The Act names "България" as the one exception to the table.
EXCEPTIONS = {"българия": "bulgaria"}

_WORD = re.compile(r"[^\W\d_]+")


def _match_case(source: str, result: str) -> str:
    if source.isupper() and len(source) > 1:
        return result.upper()
    if source[:1].isupper():
        return result[:1].upper() + result[1:]
    return result


def _transliterate_word(word: str) -> str:
    lower = word.lower()
    if lower in EXCEPTIONS:
        return _match_case(word, EXCEPTIONS[lower])
    all_caps = word.isupper() and len(word) > 1
    out = []
    for index, char in enumerate(word):
        low = char.lower()
        if low == "я" and index == len(word) - 1 and index > 0 and word[index - 1].lower() == "и":
            mapped = "a"  # word-final "ия" is "ia", not "iya"
        else:
            mapped = TABLE.get(low)
        if mapped is None:
            out.append(char)  # Latin letters and anything else pass through unchanged
        elif char.isupper():
            out.append(mapped.upper() if all_caps else mapped[:1].upper() + mapped[1:])
        else:
            out.append(mapped)
    return "".join(out)


def transliterate(text: str) -> str:
    """Write Bulgarian Cyrillic in Latin letters by the 2009 Act; other characters pass through."""
    return _WORD.sub(lambda m: _transliterate_word(m.group(0)), text or "")


def slugify_bg(text: str, max_length: int = 80) -> str:
    """A lower-case ASCII slug: transliterated, hyphen-separated, cut at a word boundary."""
    slug = slugify(transliterate(text))
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug.strip("-")


def unique_slug(model, base: str, *, field: str = "slug", exclude_pk=None, max_length=80) -> str:
    """`base`, or `base-2`, `base-3`, ... whichever is not yet taken in `model.<field>`."""
    base = (base or "item")[:max_length].strip("-") or "item"
    candidate, n = base, 1
    qs = model._default_manager.all()
    if exclude_pk is not None:
        qs = qs.exclude(pk=exclude_pk)
    while qs.filter(**{field: candidate}).exists():
        n += 1
        suffix = f"-{n}"
        candidate = base[: max_length - len(suffix)].rstrip("-") + suffix
    return candidate


# Characters that change how text is shown or compared without being seen themselves: the
# bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) and marks,
# zero-width spaces and joiners (U+200B-U+200D), the word joiner and the byte-order mark. In a
# headline or a name they can only hide or disguise something ("gpj.exe" shown as "exe.jpg").
# NUL cannot be stored by PostgreSQL at all.
INVISIBLE_CHARACTERS = (
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
    "\u200b\u200c\u200d\u2060\ufeff\x00"
)
_REMOVE_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE_CHARACTERS))


def normalize_plain_text(value: str | None) -> str | None:
    """`value` without invisible formatting characters, in Unicode NFC (composed) form."""
    if not value:
        return value
    return unicodedata.normalize("NFC", value.translate(_REMOVE_INVISIBLE))


NAME_FIELDS = ("name", "full_name", "title")


def label(obj, language: str | None = None) -> str:
    """An object's name in `language` (the active one by default), never another language's text.

    Names a press office left untranslated are transliterated from Bulgarian, as the Act
    prescribes for names of places and people, instead of showing Cyrillic on an English page.
    """
    from django.conf import settings
    from django.utils import translation

    if obj is None:
        return ""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    for field in NAME_FIELDS:
        if hasattr(obj, f"{field}_{settings.LANGUAGE_CODE}"):
            value = getattr(obj, f"{field}_{language}", "") or ""
            if value:
                return value
            original = getattr(obj, f"{field}_{settings.LANGUAGE_CODE}", "") or ""
            return transliterate(original) if language != settings.LANGUAGE_CODE else original
    return str(obj)
