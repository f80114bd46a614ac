"""The newest published stories of a kind (a section, a story's places, events and section),
as SQL for PostgreSQL.

Each kind is one index walk from the newest story that stops after a few rows, so the cost does
not grow with the archive. They are written as SQL because the ORM's equivalent (a UNION of one
sliced queryset per kind) cost about 3 ms of Python per page to build, several times what
PostgreSQL then spends running it. The results are ids, used as `pk__in=` subqueries, so the
stories themselves still come through the ORM.
"""

from django.conf import settings
from django.db import connection
from django.db.models.expressions import RawSQL
from django.utils import timezone

from articles.models import Article
from newsroom.models import Section


def _public(alias: str, language: str) -> tuple[str, list]:
    """WHERE for `Article.objects.published().in_language(language)` on table alias `alias`."""
    if language not in dict(settings.LANGUAGES):  # it names a column: only known codes
        raise ValueError(f"unknown language {language!r}")
    sql = f"{alias}.status = %s AND {alias}.publish_at <= %s"
    if language != settings.LANGUAGE_CODE:  # a story exists in a language when it has a headline
        sql += f" AND {alias}.{connection.ops.quote_name(f'title_{language}')} <> ''"
    return sql, [Article.Status.PUBLISHED, timezone.now()]


def newest_per_section(language: str, per_section: int) -> RawSQL:
    """Ids of each section's newest stories: LATERAL, one walk of (section, status, publish
    time) per section."""
    public, params = _public("a", language)
    return RawSQL(
        f"SELECT newest.id FROM {Section._meta.db_table} s CROSS JOIN LATERAL ("
        f"SELECT a.id FROM {Article._meta.db_table} a WHERE a.section_id = s.id AND {public} "
        f"ORDER BY a.publish_at DESC, a.id DESC LIMIT %s) newest",
        [*params, per_section],
    )


def related_ids(
    article: Article, language: str, limit: int, event_ids: list[int], place_ids: list[int]
) -> RawSQL | None:
    """Ids of the newest few stories sharing a place, an event or the section with `article`.

    Places and events are passed as values, not as a subquery: PostgreSQL then knows from its
    statistics whether a town is busy (walk the archive from the newest story until four match)
    or rare (start from the town's few links). Behind a subquery it guessed, and a story from a
    town with three stories walked the whole archive: 200-570 ms at 100,000 stories. None when
    the story has no place, event or section."""
    table = Article._meta.db_table
    places = Article.municipalities.through._meta.db_table
    events = Article.events.through._meta.db_table
    public, params = _public("a", language)
    order = "ORDER BY a.publish_at DESC, a.id DESC LIMIT %s"
    parts, values = [], []
    for link_table, column, ids in ((places, "municipality_id", place_ids), (events, "event_id", event_ids)):
        if ids:
            parts.append(
                f"(SELECT a.id FROM {table} a JOIN {link_table} l ON l.article_id = a.id "
                f"WHERE l.{column} = ANY(%s) AND a.id <> %s AND {public} {order})"
            )
            # A story linked to two of these places comes twice: take enough rows that
            # `limit` different stories remain.
            values += [list(ids), article.pk, *params, limit * len(ids)]
    if article.section_id:
        parts.append(
            f"(SELECT a.id FROM {table} a WHERE a.section_id = %s AND a.id <> %s AND {public} {order})"
        )
        values += [article.section_id, article.pk, *params, limit]
    if not parts:
        return None
    return RawSQL(" UNION ".join(parts), values)
