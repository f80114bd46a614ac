"""Public URLs, mounted under a language prefix (/bg/, /en/) by the project's URLconf.

Every public page and feed is wrapped in `public_page`: cached for readers, purged by services
(see newsroom/cache.py).
"""

from django.urls import path

from articles import views
from newsroom.cache import public_page

urlpatterns = [
    path("", public_page(views.HomeView.as_view()), name="home"),
    path("news/<int:pk>-<str:slug>/", public_page(views.ArticleDetailView.as_view()), name="article_detail"),
    path("news/<int:pk>/", public_page(views.ArticleDetailView.as_view()), name="article_detail_short"),
    path("section/<slug:slug>/", public_page(views.SectionDetailView.as_view()), name="section_detail"),
    path("tag/<slug:slug>/", public_page(views.TagDetailView.as_view()), name="tag_detail"),
    path(
        "municipality/<slug:slug>/",
        public_page(views.MunicipalityDetailView.as_view()),
        name="municipality_detail",
    ),
    path("official/<slug:slug>/", public_page(views.OfficialDetailView.as_view()), name="official_detail"),
    path("event/<slug:slug>/", public_page(views.EventDetailView.as_view()), name="event_detail"),
]
