"""Generate a large newsroom for benchmarks: N stories (default 100,000) with realistic Bulgarian
and English lengths, 1-3 photos each (records sharing a few real files), tags, 265
municipalities, 2,000 officials with mandates, 100 events and corrections on a few stories.

Bulk inserts in batches; minutes, not hours. Deterministic (seeded), and it replaces what an
earlier run generated, so runs at 1,000 and at 100,000 stories are comparable.

    DEBUG=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench \\
        .venv/bin/python -m bench.generate --stories 100000
"""

import argparse
import os
import random
import re
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

SOFIA = ZoneInfo("Europe/Sofia")
BATCH = 2000


def words_from(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 1]


BG_WORDS = None
EN_WORDS = (
    "cooperation between balkan cities is fundamental for innovation sustainable growth and "
    "social integration deputy mayor said during the forum of local government which opened "
    "today in sofia the press centre of the municipality announced discussion partnership region "
    "development education young people future climate resilience urban green energy projects "
    "inclusive governance technology smarter cybersecurity council budget school hospital road "
    "transport tourism culture festival investment european funds citizens residents district"
).split()


def sentence(rng: random.Random, words: list[str], low: int, high: int) -> str:
    chosen = [rng.choice(words) for _ in range(rng.randint(low, high))]
    return " ".join(chosen).capitalize() + "."


def paragraph(rng, words, sentences=(3, 6)) -> str:
    return " ".join(sentence(rng, words, 8, 20) for _ in range(rng.randint(*sentences)))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=40)
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.core.files.base import ContentFile
    from django.db import connection, transaction

    from articles.demo import SEED_FILE, draw_photo
    from articles.models import Article, ArticlePhoto, Correction
    from events.models import Event
    from newsroom.models import Mandate, Municipality, Official, Photo, Section, Tag
    from newsroom.renditions import make_renditions
    from newsroom.text import slugify_bg

    global BG_WORDS
    BG_WORDS = words_from(SEED_FILE.read_text(encoding="utf-8").split("\n", 3)[3])
    rng = random.Random(args.seed)
    started = time.monotonic()

    def log(message):
        print(f"[{time.monotonic() - started:6.1f}s] {message}", flush=True)

    with transaction.atomic():
        log("clearing earlier generated data")
        ArticlePhoto.objects.all().delete()
        Correction.objects.all().delete()
        Article.objects.all().delete()
        Event.objects.all().delete()
        Mandate.objects.all().delete()
        Official.objects.all().delete()
        Photo.objects.all().delete()
        Municipality.objects.all().delete()
        Section.objects.all().delete()
        Tag.objects.all().delete()

        sections = Section.objects.bulk_create(
            Section(name_bg=bg, name_en=en, slug=slug, order=i)
            for i, (slug, bg, en) in enumerate(
                [
                    ("regions", "Региони", "Regions"),
                    ("politics", "Политика", "Politics"),
                    ("world", "Свят", "World"),
                    ("economy", "Икономика", "Economy"),
                    ("culture", "Култура", "Culture"),
                    ("sport", "Спорт", "Sport"),
                ]
            )
        )
        tags = Tag.objects.bulk_create(
            Tag(name_bg=f"{w} {i}", name_en=f"{e} {i}", slug=f"tag-{i}")
            for i, (w, e) in enumerate(zip(BG_WORDS[:200], EN_WORDS * 10, strict=False))
        )
        log(f"{len(sections)} sections, {len(tags)} tags")

        municipalities = Municipality.objects.bulk_create(
            Municipality(
                name_bg=f"Община {rng.choice(BG_WORDS).capitalize()} {i}",
                name_en=f"Municipality {i}",
                slug=f"municipality-{i}",
                country="BG" if i < 250 else rng.choice(["TR", "GR", "RS", "MK", "RO", "AL"]),
                region_bg="Област",
                region_en="Province",
            )
            for i in range(265)
        )
        officials = Official.objects.bulk_create(
            Official(
                full_name_bg=f"{rng.choice(BG_WORDS).capitalize()} {rng.choice(BG_WORDS).capitalize()}",
                full_name_en=f"Official {i}",
                slug=f"official-{i}",
                bio_bg=paragraph(rng, BG_WORDS, (1, 2)),
                bio_en=paragraph(rng, EN_WORDS, (1, 2)),
            )
            for i in range(2000)
        )
        Mandate.objects.bulk_create(
            Mandate(
                official=o,
                municipality=municipalities[i % len(municipalities)],
                position=Mandate.Position.MAYOR if i < 265 else Mandate.Position.DEPUTY_MAYOR,
                start=date(2023, 11, 13),
            )
            for i, o in enumerate(officials)
        )
        log(f"{len(municipalities)} municipalities, {len(officials)} officials with mandates")

        events = Event.objects.bulk_create(
            Event(
                name_bg=f"Форум {rng.choice(BG_WORDS)} {i}",
                name_en=f"Forum {i}",
                slug=f"event-{i}",
                start_date=date(2024, 1, 1) + timedelta(days=i * 7),
                end_date=date(2024, 1, 2) + timedelta(days=i * 7),
                host_municipality=municipalities[i],
                venue_bg="Зала",
                venue_en="Hall",
            )
            for i in range(100)
        )
        log(f"{len(events)} events")

        # A few real files; photo records share them (the benchmark measures pages, not disks).
        files = []
        for i in range(4):
            photo = Photo(alt_text_bg="Илюстрация", alt_text_en="Illustration", caption_bg=f"Файл {i}")
            photo.image.save(
                "bench.jpg", ContentFile(draw_photo(i, size=(1200, 800)), name="b.jpg"), save=True
            )
            # Renditions are normally made after commit; these few are needed now, to be copied.
            make_renditions(photo.pk, force=True)
            files.append(Photo.objects.get(pk=photo.pk))
        photos = Photo.objects.bulk_create(
            Photo(
                image=files[i % 4].image.name,
                width=files[i % 4].width,
                height=files[i % 4].height,
                renditions=files[i % 4].renditions,
                alt_text_bg=sentence(rng, BG_WORDS, 4, 9),
                alt_text_en=sentence(rng, EN_WORDS, 4, 9),
                caption_bg=sentence(rng, BG_WORDS, 6, 14),
                caption_en=sentence(rng, EN_WORDS, 6, 14),
                credit_bg="БТА",
                credit_en="BTA",
            )
            for i in range(max(100, args.stories // 2))
        )
        log(f"{len(photos)} photo records")

        now = datetime.now(tz=SOFIA)
        span = timedelta(days=3 * 365)
        through_tags = Article.tags.through
        through_places = Article.municipalities.through
        through_officials = Article.officials.through
        through_events = Article.events.through
        made = 0
        while made < args.stories:
            count = min(BATCH, args.stories - made)
            batch = []
            for j in range(count):
                n = made + j
                title_bg = sentence(rng, BG_WORDS, 8, 16)[:-1]
                has_en = rng.random() < 0.7
                title_en = sentence(rng, EN_WORDS, 8, 16)[:-1] if has_en else ""
                batch.append(
                    Article(
                        title_bg=title_bg,
                        title_en=title_en,
                        slug_bg=slugify_bg(title_bg),
                        slug_en=slugify_bg(title_en) if has_en else "",
                        lead_bg=sentence(rng, BG_WORDS, 15, 30),
                        lead_en=sentence(rng, EN_WORDS, 15, 30) if has_en else "",
                        body_bg="".join(
                            f"<p>{paragraph(rng, BG_WORDS)}</p>" for _ in range(rng.randint(4, 8))
                        ),
                        body_en="".join(
                            f"<p>{paragraph(rng, EN_WORDS)}</p>" for _ in range(rng.randint(4, 8))
                        )
                        if has_en
                        else "",
                        dateline_bg="София",
                        dateline_en="Sofia" if has_en else "",
                        signature="ЕС",
                        status=Article.Status.PUBLISHED if n % 50 else Article.Status.DRAFT,
                        publish_at=now - span * (1 - n / args.stories) - timedelta(minutes=5),
                        priority=Article.Priority.LEAD if n == args.stories - 1 else Article.Priority.NORMAL,
                        section=sections[n % len(sections)],
                        owner_municipality=municipalities[n % len(municipalities)],
                    )
                )
            batch = Article.objects.bulk_create(batch)
            t, p, o, e, ap, corr = [], [], [], [], [], []
            for a in batch:
                for tag in rng.sample(tags, rng.randint(1, 4)):
                    t.append(through_tags(article_id=a.pk, tag_id=tag.pk))
                places = rng.sample(municipalities, rng.randint(1, 3))
                # The newsroom's own town is in 5% of its stories and its big event (the
                # forum) in 3%: at 1,000 stories as at 100,000 their pages list a full page
                # of stories, so the growth ratio compares like with like.
                if rng.random() < 0.05 and municipalities[0] not in places:
                    places.append(municipalities[0])
                for m in places:
                    p.append(through_places(article_id=a.pk, municipality_id=m.pk))
                for of in rng.sample(officials, rng.randint(0, 2)):
                    o.append(through_officials(article_id=a.pk, official_id=of.pk))
                if rng.random() < 0.03:
                    e.append(through_events(article_id=a.pk, event_id=events[0].pk))
                elif rng.random() < 0.1:
                    e.append(through_events(article_id=a.pk, event_id=rng.choice(events[1:]).pk))
                for order, ph in enumerate(rng.sample(photos, rng.randint(1, 3))):
                    ap.append(ArticlePhoto(article_id=a.pk, photo_id=ph.pk, order=order))
                if rng.random() < 0.01:
                    corr.append(Correction(article_id=a.pk, text_bg="Поправка.", text_en="Correction."))
            through_tags.objects.bulk_create(t)
            through_places.objects.bulk_create(p)
            through_officials.objects.bulk_create(o)
            through_events.objects.bulk_create(e)
            ArticlePhoto.objects.bulk_create(ap)
            Correction.objects.bulk_create(corr)
            made += count
            if made % 10_000 == 0 or made == args.stories:
                log(f"{made} stories")

        refresh = getattr(__import__("articles.models", fromlist=["x"]), "refresh_search_vectors", None)
        if refresh is not None:
            log("building search vectors")
            refresh()

    if connection.vendor == "postgresql":
        # Measure the steady state autovacuum reaches minutes after a bulk load, not those
        # minutes: planner statistics, the visibility map, and the search indexes' pending
        # entries merged (a query otherwise scans GIN's pending list linearly).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    log(f"done: {Article.objects.count()} stories")
    return 0


if __name__ == "__main__":
    sys.exit(main())
