"""Public URLs, mounted under a language prefix (/bg/, /en/) by the project's URLconf."""

from django.urls import path

from articles import views

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
]
