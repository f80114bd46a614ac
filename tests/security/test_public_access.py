"""The anonymous public reaches no draft, story in review, scheduled or withdrawn story: not by
slug, id, listing, archive, feed, sitemap or search, in either language."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import (
    ArticleFactory,
    EventFactory,
    MunicipalityFactory,
    OfficialFactory,
    SectionFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db

HIDDEN = {
    "draft": {"status": Article.Status.DRAFT, "publish_at": None},
    "review": {"status": Article.Status.REVIEW, "publish_at": None},
    "scheduled": {"status": Article.Status.PUBLISHED, "publish_at": timedelta(hours=3)},
    "withdrawn": {"status": Article.Status.WITHDRAWN, "publish_at": timedelta(hours=-3)},
}


@pytest.fixture
def newsroom():
    """One published story and one hidden story of each kind, all about the same things."""
    now = timezone.now()
    about = {
        "section": SectionFactory(name_bg="Регионални", name_en="Regional"),
        "tag": TagFactory(name_bg="Форум", name_en="Forum"),
        "municipality": MunicipalityFactory(name_bg="Стара Загора", name_en="Stara Zagora"),
        "official": OfficialFactory(full_name_bg="Надежда Чакърова", full_name_en="Nadezhda Chakarova"),
        "event": EventFactory(name_bg="Б40", name_en="B40", start_date=now.date(), end_date=now.date()),
    }

    def story(word, **fields):
        article = ArticleFactory(
            title_bg=f"Новина {word}", title_en=f"Story {word}", lead_bg=f"Резюме {word}",
            lead_en=f"Summary {word}", body_bg=f"<p>Текст {word}</p>", body_en=f"<p>Text {word}</p>",
            section=about["section"], **fields,
        )  # fmt: skip
        article.tags.add(about["tag"])
        article.municipalities.add(about["municipality"])
        article.officials.add(about["official"])
        article.events.add(about["event"])
        return article

    public = story("Видимаистина", publish_at=now - timedelta(hours=1))
    hidden = {}
    for kind, fields in HIDDEN.items():
        publish_at = fields["publish_at"]
        hidden[kind] = story(
            f"Тайна{kind}",
            status=fields["status"],
            publish_at=None if publish_at is None else now + publish_at,
        )
    return public, hidden, about


def leaks(text: str, hidden: dict) -> list[str]:
    """What of the hidden stories shows in `text`: their headline, lead or address."""
    found = []
    for kind, article in hidden.items():
        for phrase in (
            f"Новина Тайна{kind}",
            f"Story Тайна{kind}",
            f"Резюме Тайна{kind}",
            f"Summary Тайна{kind}",
        ):
            if phrase.lower() in text.lower():
                found.append(f"{kind}: {phrase}")
        if re.search(rf"/news/{article.pk}(-|/)", text):
            found.append(f"{kind}: its address")
    return found


def public_urls(about, today):
    urls = []
    for lang in ("bg", "en"):
        urls += [
            f"/{lang}/",
            f"/{lang}/section/{about['section'].slug}/",
            f"/{lang}/tag/{about['tag'].slug}/",
            f"/{lang}/municipality/{about['municipality'].slug}/",
            f"/{lang}/official/{about['official'].slug}/",
            f"/{lang}/event/{about['event'].slug}/",
            f"/{lang}/archive/",
            f"/{lang}/archive/{today:%Y/%m}/",
            f"/{lang}/archive/{today.year}/{today.month}/{today.day}/",
            f"/{lang}/rss/",
            f"/{lang}/atom/",
            f"/{lang}/section/{about['section'].slug}/rss/",
            f"/{lang}/section/{about['section'].slug}/atom/",
            f"/{lang}/municipality/{about['municipality'].slug}/rss/",
            f"/{lang}/municipality/{about['municipality'].slug}/atom/",
            f"/{lang}/event/{about['event'].slug}/rss/",
            f"/{lang}/event/{about['event'].slug}/atom/",
        ]
    return urls


def test_no_listing_archive_or_feed_shows_a_hidden_story(client, newsroom):
    public, hidden, about = newsroom
    today = timezone.localdate()
    for url in public_urls(about, today):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        text = response.content.decode()
        assert leaks(text, hidden) == [], url
    # The same pages do show the published story: the check above can see a story when it is there.
    assert "Видимаистина" in client.get(f"/bg/section/{about['section'].slug}/").content.decode()
    assert f"/news/{public.pk}-" in client.get("/en/rss/").content.decode()


def test_no_sitemap_lists_a_hidden_story(client, newsroom):
    public, hidden, _about = newsroom
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    sitemaps = [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", index.content.decode())]
    assert sitemaps
    everything = ""
    for path in [*sitemaps, "/news-sitemap.xml"]:
        response = client.get(path)
        assert response.status_code == 200, path
        everything += response.content.decode()
    assert leaks(everything, hidden) == []
    assert f"/news/{public.pk}-" in everything


@pytest.mark.parametrize("kind", HIDDEN)
def test_search_finds_no_hidden_story(client, newsroom, kind):
    public, hidden, _about = newsroom
    for lang, word in (("bg", f"Тайна{kind}"), ("en", f"Тайна{kind}"), ("bg", "Новина")):
        response = client.get(f"/{lang}/search/", {"q": word})
        assert response.status_code == 200
        assert leaks(response.content.decode(), hidden) == [], (lang, word)
    assert f"/news/{public.pk}-" in client.get("/bg/search/", {"q": "Видимаистина"}).content.decode()


@pytest.mark.parametrize("kind", HIDDEN)
def test_a_hidden_story_is_not_found_by_id_or_slug_in_either_language(client, newsroom, kind):
    _public, hidden, _about = newsroom
    article = hidden[kind]
    for lang in ("bg", "en"):
        for path in (
            f"/{lang}/news/{article.pk}/",
            f"/{lang}/news/{article.pk}-{article.slug_bg}/",
            f"/{lang}/news/{article.pk}-{article.slug_en}/",
            f"/{lang}/news/{article.pk}-x/",
        ):
            response = client.get(path)
            assert response.status_code == 404, path
            assert leaks(response.content.decode(), hidden) == [], path


def test_a_story_seen_by_staff_is_not_served_to_the_public_from_a_cache(client, newsroom, admin_user):
    """Staff may open a draft on the public site; the public asking next gets a 404, not a copy."""
    _public, hidden, _about = newsroom
    draft = hidden["draft"]
    staff = client.__class__()
    staff.force_login(admin_user)
    path = f"/bg/news/{draft.pk}-{draft.slug_bg}/"
    assert staff.get(path).status_code == 200
    assert client.get(path).status_code == 404


def test_a_withdrawn_story_disappears_from_the_public_at_once(client, newsroom):
    public, hidden, about = newsroom
    path = public.get_absolute_url()
    assert client.get(path).status_code == 200
    assert "Видимаистина" in client.get("/bg/rss/").content.decode()
    Article.objects.filter(pk=public.pk).update(status=Article.Status.WITHDRAWN)
    from newsroom.cache import purge_public_pages

    purge_public_pages()
    assert client.get(path).status_code == 404
    assert "Видимаистина" not in client.get("/bg/rss/").content.decode()
