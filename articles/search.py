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
MAX_CANDIDATES = 1000
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


FIELDS = ("title", "lead", "body")
INDEX_BATCH = 1000


def _plain(name: str, value: str | None) -> str:
    value = value or ""
    return html.unescape(strip_tags(value)) if name == "body" else value


def _fields_text(article, language: str) -> tuple[str, str, str]:
    return tuple(_plain(name, getattr(article, f"{name}_{language}", "")) for name in FIELDS)


def _token_parts(texts: tuple[str, str, str], language: str) -> list[str] | None:
    """Stemmed headline, lead and body of one language; None when the story lacks it."""
    if not texts[0]:
        return None
    return [" ".join(tokens(text, language)) for text in texts]


def _vector(parts: list[str] | None):
    if parts is None:
        return None
    if connection.vendor != "postgresql":
        return " " + " ".join(p for p in parts if p) + " "
    vector = None
    for text, weight in zip(parts, "ABC", strict=True):
        piece = SearchVector(Value(text, output_field=TextField()), config="simple", weight=weight)
        vector = piece if vector is None else vector + piece
    return vector


def update_search_index(sender, instance: Article, **kwargs):
    """post_save receiver: store each language's tokens (a story without English gets none)."""
    values = {
        f"search_{language}": _vector(_token_parts(_fields_text(instance, language), language))
        for language in LANGUAGES
    }
    Article.objects.filter(pk=instance.pk).update(**values)


def refresh_search_vectors(queryset=None) -> int:
    """Rebuild the index of many stories in batches (bulk imports skip `save()`)."""
    queryset = Article.objects.all() if queryset is None else queryset
    columns = ["id", *(f"{name}_{lang}" for lang in LANGUAGES for name in FIELDS)]
    rows = queryset.order_by("pk").values_list(*columns)
    done = 0
    batch = []
    for row in rows.iterator(chunk_size=INDEX_BATCH):
        batch.append(row)
        if len(batch) == INDEX_BATCH:
            _write_batch(batch)
            done += len(batch)
            batch = []
    if batch:
        _write_batch(batch)
        done += len(batch)
    return done


def _write_batch(rows) -> None:
    prepared = []
    for row in rows:
        pk, texts = row[0], row[1:]
        per_language = {}
        for index, language in enumerate(LANGUAGES):
            chunk = texts[index * 3 : index * 3 + 3]
            per_language[language] = _token_parts(
                tuple(_plain(name, value) for name, value in zip(FIELDS, chunk, strict=True)), language
            )
        prepared.append((pk, per_language))
    if connection.vendor != "postgresql":
        for pk, per_language in prepared:
            Article.objects.filter(pk=pk).update(
                **{f"search_{lang}": _vector(parts) for lang, parts in per_language.items()}
            )
        return
    # One UPDATE ... FROM (VALUES ...) per batch: 100,000 stories in a hundred statements.
    params, values_sql = [], []
    for pk, per_language in prepared:
        values_sql.append("(" + ", ".join(["%s"] * (1 + 4 * len(LANGUAGES))) + ")")
        params.append(pk)
        for language in LANGUAGES:
            parts = per_language[language]
            params.extend([parts is not None, *(parts or ["", "", ""])])
    columns = ["id"] + [f"{c}_{lang}" for lang in LANGUAGES for c in ("has", "t", "l", "b")]
    sets = ", ".join(
        f"search_{lang} = CASE WHEN v.has_{lang} THEN "
        f"setweight(to_tsvector('simple', v.t_{lang}), 'A') || "
        f"setweight(to_tsvector('simple', v.l_{lang}), 'B') || "
        f"setweight(to_tsvector('simple', v.b_{lang}), 'C') ELSE NULL END"
        for lang in LANGUAGES
    )
    table = Article._meta.db_table
    sql = (
        f"UPDATE {table} AS a SET {sets} FROM (VALUES {', '.join(values_sql)}) "
        f"AS v({', '.join(columns)}) WHERE a.id = v.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def search(queryset, query: str, language: str):
    """`queryset` narrowed to stories matching `query` in `language`, best first."""
    terms = query_terms(query, language)
    if not terms:
        return queryset.none()
    field = f"search_{language}"
    if connection.vendor == "postgresql":
        ts_query = SearchQuery(" ".join(terms), config="simple", search_type="plain")
        similarity = TrigramWordSimilarity(Value(query), f"title_{language}")
        # `trigram_word_similar` (pg_trgm's %>; threshold set per connection in articles.apps)
        # can use the headline's GIN index.
        match = Q(**{field: ts_query}) | Q(**{f"title_{language}__trigram_word_similar": query})
        # Ranking reads every matching vector; a common word matches most of 100,000 stories.
        # So only the newest MAX_CANDIDATES matches are ranked: for news, recency is relevance.
        candidates = (
            queryset.prefetch_related(None).filter(match).order_by("-publish_at", "-id").values("pk")
        )[:MAX_CANDIDATES]
        return (
            queryset.filter(pk__in=candidates)
            .annotate(
                similarity=Coalesce(similarity, Value(0.0), output_field=FloatField()),
                rank=SearchRank(F(field), ts_query),
            )
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
