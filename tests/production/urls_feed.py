"""The project's URLs plus a minimal Django feed routed the way the public feeds are."""

from django.contrib.syndication.views import Feed
from django.urls import path

from articles.models import Article
from newsroom.cache import public_page
from newsroom.urls import urlpatterns as project_urlpatterns


class LatestStories(Feed):
    title = "Newsroom"
    link = "/bg/"
    description = "Latest stories"

    def items(self):
        return Article.objects.published()[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead


urlpatterns = [path("bg/feed/", public_page(LatestStories())), *project_urlpatterns]
