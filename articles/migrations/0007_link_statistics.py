"""Finer planner statistics on the story link tables (PostgreSQL only).

The pages of a place, person, event or tag list its newest stories. PostgreSQL decides per
query whether to walk the archive from the newest story (right for a busy town) or to start
from the link table (right for a town with three stories in 100,000; walking the archive there
took 160 ms instead of 2 ms). With the default statistics, every value outside the few most
common ones is guessed to have the average number of stories, so rare ones were walked. With a
target this large, ANALYZE records every value's own frequency up to that many values.
"""

from django.db import migrations

STATISTICS = 5000
LINKS = [
    ("articles_article_municipalities", "municipality_id"),
    ("articles_article_officials", "official_id"),
    ("articles_article_events", "event_id"),
    ("articles_article_tags", "tag_id"),
]


def apply(apps, schema_editor, target=STATISTICS):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, column in LINKS:
        schema_editor.execute(
            f"ALTER TABLE {schema_editor.quote_name(table)} "
            f"ALTER COLUMN {schema_editor.quote_name(column)} SET STATISTICS {int(target)}"
        )


def revert(apps, schema_editor):
    apply(apps, schema_editor, target=-1)  # -1: back to default_statistics_target


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_section_publish_index")]

    operations = [migrations.RunPython(apply, revert)]
