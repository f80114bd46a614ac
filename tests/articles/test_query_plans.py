"""What PostgreSQL needs to plan the public lists well at 100,000 stories (bench/README.md)."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "postgresql", reason="planner statistics are PostgreSQL's")
@pytest.mark.parametrize(
    "table, column",
    [
        ("articles_article_municipalities", "municipality_id"),
        ("articles_article_officials", "official_id"),
        ("articles_article_events", "event_id"),
        ("articles_article_tags", "tag_id"),
    ],
)
def test_link_tables_keep_per_value_statistics(table, column):
    # Without them a town with three stories looks as busy as the average one, and its page
    # walks the whole archive from the newest story (160 ms at 100,000 stories instead of 6).
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstattarget FROM pg_attribute WHERE attrelid = %s::regclass AND attname = %s",
            [table, column],
        )
        (target,) = cursor.fetchone()
    assert target is not None and target >= 1000


def test_section_pages_have_an_index_from_the_newest_story():
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, "articles_article")
    assert any(
        info["index"] and info["columns"] == ["section_id", "status", "publish_at"]
        for info in indexes.values()
    )
