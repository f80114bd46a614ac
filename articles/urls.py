"""Public URLs, mounted under a language prefix (/bg/, /en/) by the project's URLconf.

Every public page and feed is wrapped in `public_page`: cached for readers, purged by services
(see newsroom/cache.py).
"""

from django.urls import path, register_converter

from articles import feeds, views
from newsroom.cache import public_page
from newsroom.models import Page


class PageKindConverter:
    regex = "|".join(kind.value for kind in Page.Kind)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(PageKindConverter, "pagekind")

urlpatterns = [
    path("", public_page(views.HomeView.as_view()), name="home"),
    path("news/<int:pk>-<str:slug>/", public_page(views.ArticleDetailView.as_view()), name="article_detail"),
    path("news/<int:pk>/", public_page(views.ArticleDetailView.as_view()), name="article_detail_short"),
    # Never cached: the story behind a preview link may be embargoed.
    path("preview/<str:token>/", views.article_preview, name="article_preview"),
    path("section/<slug:slug>/", public_page(views.SectionDetailView.as_view()), name="section_detail"),
    path("tag/<slug:slug>/", public_page(views.TagDetailView.as_view()), name="tag_detail"),
    path(
        "municipality/<slug:slug>/",
        public_page(views.MunicipalityDetailView.as_view()),
        name="municipality_detail",
    ),
    path("official/<slug:slug>/", public_page(views.OfficialDetailView.as_view()), name="official_detail"),
    path("event/<slug:slug>/", public_page(views.EventDetailView.as_view()), name="event_detail"),
    path("archive/", public_page(views.archive_index), name="archive"),
    path("archive/<int:year>/<int:month>/", public_page(views.archive_period), name="archive_month"),
    path("archive/<int:year>/<int:month>/<int:day>/", public_page(views.archive_period), name="archive_day"),
    # Not cached: every query would be its own entry, and anyone can invent queries.
    path("search/", views.SearchView.as_view(), name="search"),
    path("<pagekind:kind>/", public_page(views.page_detail), name="page"),
    # Feeds: RSS 2.0 and Atom, for the whole site and per section, municipality and event.
    path("rss/", public_page(feeds.LatestRss()), name="feed_rss"),
    path("atom/", public_page(feeds.LatestAtom()), name="feed_atom"),
    path("section/<slug:slug>/rss/", public_page(feeds.SectionRss()), name="section_rss"),
    path("section/<slug:slug>/atom/", public_page(feeds.SectionAtom()), name="section_atom"),
    path("municipality/<slug:slug>/rss/", public_page(feeds.MunicipalityRss()), name="municipality_rss"),
    path("municipality/<slug:slug>/atom/", public_page(feeds.MunicipalityAtom()), name="municipality_atom"),
    path("event/<slug:slug>/rss/", public_page(feeds.EventRss()), name="event_rss"),
    path("event/<slug:slug>/atom/", public_page(feeds.EventAtom()), name="event_atom"),
]
