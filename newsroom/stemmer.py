"""A light stemmer for Bulgarian (and a minimal one for English), for full-text search.

PostgreSQL ships no Bulgarian dictionary and managed PostgreSQL takes no extra dictionary
files, so stories are indexed with tokens stemmed here, in Python, and stored as a tsvector
with the `simple` configuration. The Bulgarian rules are J. Savoy's light stemmer ("Searching
strategies for the Bulgarian language", Information Retrieval 10, 2007): strip the definite
article, then the plural, then a final vowel. It is deliberately light: "градът", "града",
"градове" and "градовете" all become "град", and it rarely merges unrelated words.
"""

import re

WORD = re.compile(r"\w+", re.UNICODE)


def _strip_article(w: str) -> str:
    n = len(w)
    if n > 6 and w.endswith("ият"):
        return w[:-3]
    if n > 5 and w.endswith(("ът", "то", "те", "та", "ия")):
        return w[:-2]
    if n > 4 and w.endswith("ят"):
        return w[:-2]
    return w


def _strip_plural(w: str) -> str:
    n = len(w)
    if n > 6:
        if w.endswith("овци"):
            return w[:-3]  # "-овци" -> "-о"
        if w.endswith("ове"):
            return w[:-3]
        if w.endswith("еве"):
            return w[:-3] + "й"
    if n > 5:
        if w.endswith(("ища", "ище")):
            return w[:-3]
        if w.endswith("та"):
            return w[:-2]
        if w.endswith("ци"):
            return w[:-2] + "к"
        if w.endswith("зи"):
            return w[:-2] + "г"
        if w[-3] == "е" and w[-1] == "и":
            return w[:-3] + "я" + w[-2]
    if n > 4:
        if w.endswith("си"):
            return w[:-2] + "х"
        if w.endswith("и"):
            return w[:-1]
    return w


def stem_bg(word: str) -> str:
    w = word.lower()
    if len(w) < 4 or not re.search("[а-яѝ]", w):
        return w
    if len(w) > 5 and w.endswith(("ища", "ище")):  # "ище" added: училище/училища meet
        return w[:-3]
    w = _strip_plural(_strip_article(w))
    if len(w) > 3:
        if w.endswith("я"):
            w = w[:-1]
        if w.endswith(("а", "о", "е")):
            w = w[:-1]
    if len(w) > 4 and w.endswith("ен"):
        w = w[:-2] + "н"
    if len(w) > 5 and w[-2] == "ъ":
        w = w[:-2] + w[-1]
    return w


def stem_en(word: str) -> str:
    """Harman's "S" stemmer: plural and possessive endings only, which is all a headline needs."""
    w = word.lower()
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies") and not w.endswith(("eies", "aies")):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("es") and not w.endswith(("aes", "ees", "oes")):
        return w[:-1]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("us", "ss")):
        return w[:-1]
    return w


def stem(word: str, language: str) -> str:
    """One word's stem in `language`; Cyrillic words get the Bulgarian rules in any language."""
    if language == "bg" or re.search("[а-яА-ЯѝЍ]", word):
        return stem_bg(word)
    return stem_en(word)


def tokens(text: str, language: str) -> list[str]:
    """The stemmed words of `text`, in order (underscores and digits kept inside words)."""
    return [stem(match.group(0), language) for match in WORD.finditer(text or "")]
