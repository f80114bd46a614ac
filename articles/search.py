"""Full-text search over stories, per language.

Indexing: on every save, `update_search_index` stores the stemmed tokens (`newsroom.stemmer`)
of headline, lead and body in `search_<lang>`: on PostgreSQL a weighted tsvector (`simple`
configuration, GIN index; headline A, lead B, body C), on SQLite a plain string of tokens.

Searching: `search(query, language)` stems the query the same way. PostgreSQL matches the
tsvector, adds pg_trgm word similarity on headlines so typos still find stories, and ranks by
both; SQLite falls back to token containment. Snippets are built only for the rows shown, from
tag-stripped text, escaped before `<mark>` is added.
"""

import html

from django.conf import settings
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import F, FloatField, Q, TextField, Value
from django.db.models.functions import Coalesce
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from articles.models import Article
from newsroom.stemmer import WORD, stem, tokens

MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 12
SNIPPET_WORDS = 32
# pg_trgm word similarity that still finds a headline with one wrong letter in a name.
TRIGRAM_WORD_THRESHOLD = 0.45
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def clean_query(raw: str | None) -> str:
    """The query as searched: capped, without control characters, whitespace collapsed."""
    text = (raw or "")[: MAX_QUERY_LENGTH * 2]
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def query_terms(query: str, language: str) -> list[str]:
    return list(dict.fromkeys(tokens(query, language)))[:MAX_QUERY_TERMS]


def _fields_text(article: Article, language: str) -> tuple[str, str, str]:
    def plain(name):
        value = getattr(article, f"{name}_{language}", "") or ""
        return html.unescape(strip_tags(value)) if name in ("body",) else value

    return plain("title"), plain("lead"), plain("body")


def update_search_index(sender, instance: Article, **kwargs):
    """post_save receiver: store each language's tokens (a story without English gets none)."""
    values = {}
    for language in LANGUAGES:
        title, lead, body = _fields_text(instance, language)
        if not title:
            values[f"search_{language}"] = None
            continue
        parts = [" ".join(tokens(text, language)) for text in (title, lead, body)]
        if connection.vendor == "postgresql":
            vector = None
            for text, weight in zip(parts, "ABC", strict=True):
                piece = SearchVector(Value(text, output_field=TextField()), config="simple", weight=weight)
                vector = piece if vector is None else vector + piece
            values[f"search_{language}"] = vector
        else:
            values[f"search_{language}"] = " " + " ".join(p for p in parts if p) + " "
    Article.objects.filter(pk=instance.pk).update(**values)


def search(queryset, query: str, language: str):
    """`queryset` narrowed to stories matching `query` in `language`, best first."""
    terms = query_terms(query, language)
    if not terms:
        return queryset.none()
    field = f"search_{language}"
    if connection.vendor == "postgresql":
        ts_query = SearchQuery(" ".join(terms), config="simple", search_type="plain")
        similarity = TrigramWordSimilarity(Value(query), f"title_{language}")
        return (
            queryset.annotate(
                similarity=Coalesce(similarity, Value(0.0), output_field=FloatField()),
                rank=SearchRank(F(field), ts_query),
            )
            # `trigram_word_similar` (pg_trgm's %>; threshold set per connection in articles.apps)
            # can use the headline's GIN index.
            .filter(Q(**{field: ts_query}) | Q(**{f"title_{language}__trigram_word_similar": query}))
            .order_by(
                (Coalesce(F("rank"), Value(0.0)) + F("similarity") * Value(0.5)).desc(),
                "-publish_at",
                "-id",
            )
        )
    condition = Q()
    for term in terms:
        condition &= Q(**{f"{field}__contains": f" {term}"})
    return queryset.filter(condition).order_by("-publish_at", "-id")


def snippet(article: Article, query: str, language: str) -> str:
    """A short, escaped excerpt of lead and body around the first match, matches in <mark>."""
    title, lead, body = _fields_text(article, language)
    text = " ".join(part for part in (lead, body) if part)
    wanted = set(query_terms(query, language))
    words = list(WORD.finditer(text))
    if not words:
        return ""
    first = next((i for i, m in enumerate(words) if stem(m.group(0), language) in wanted), 0)
    start_index = max(0, first - 8)
    chosen = words[start_index : start_index + SNIPPET_WORDS]
    start, end = chosen[0].start(), chosen[-1].end()
    out, cursor = [], start
    for match in chosen:
        out.append(escape(text[cursor : match.start()]))
        word = escape(match.group(0))
        out.append(f"<mark>{word}</mark>" if stem(match.group(0), language) in wanted else word)
        cursor = match.end()
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text.rstrip()) else ""
    return mark_safe(prefix + "".join(out) + suffix)  # noqa: S308 - every piece escaped above
