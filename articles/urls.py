"""Public URLs, mounted under a language prefix (/bg/, /en/) by the project's URLconf."""

from django.urls import path, register_converter

from articles import feeds, views
from newsroom.models import Page


class PageKindConverter:
    regex = "|".join(kind.value for kind in Page.Kind)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(PageKindConverter, "pagekind")

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("news/<int:pk>-<str:slug>/", views.ArticleDetailView.as_view(), name="article_detail"),
    path("news/<int:pk>/", views.ArticleDetailView.as_view(), name="article_detail_short"),
    path("preview/<str:token>/", views.article_preview, name="article_preview"),
    path("section/<slug:slug>/", views.SectionDetailView.as_view(), name="section_detail"),
    path("tag/<slug:slug>/", views.TagDetailView.as_view(), name="tag_detail"),
    path(
        "municipality/<slug:slug>/",
        views.MunicipalityDetailView.as_view(),
        name="municipality_detail",
    ),
    path("official/<slug:slug>/", views.OfficialDetailView.as_view(), name="official_detail"),
    path("event/<slug:slug>/", views.EventDetailView.as_view(), name="event_detail"),
    path("archive/", views.archive_index, name="archive"),
    path("archive/<int:year>/<int:month>/", views.archive_period, name="archive_month"),
    path("archive/<int:year>/<int:month>/<int:day>/", views.archive_period, name="archive_day"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("<pagekind:kind>/", views.page_detail, name="page"),
    # Feeds: RSS 2.0 and Atom, for the whole site and per section, municipality and event.
    path("rss/", feeds.LatestRss(), name="feed_rss"),
    path("atom/", feeds.LatestAtom(), name="feed_atom"),
    path("section/<slug:slug>/rss/", feeds.SectionRss(), name="section_rss"),
    path("section/<slug:slug>/atom/", feeds.SectionAtom(), name="section_atom"),
    path("municipality/<slug:slug>/rss/", feeds.MunicipalityRss(), name="municipality_rss"),
    path("municipality/<slug:slug>/atom/", feeds.MunicipalityAtom(), name="municipality_atom"),
    path("event/<slug:slug>/rss/", feeds.EventRss(), name="event_rss"),
    path("event/<slug:slug>/atom/", feeds.EventAtom(), name="event_atom"),
]
