"""Public views. Thin: querysets come from the models' `published()`; templates do the rest."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.views.generic import DetailView, ListView

from articles.models import Article
from articles.preview import article_id_from_token
from events.models import Event
from newsroom.models import Municipality, Official, Section, Tag


def public_articles():
    return Article.objects.published().select_related("section")


class HomeView(ListView):
    template_name = "articles/home.html"
    context_object_name = "articles"

    def get_queryset(self):
        return public_articles()[:20]


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.visible_to(self.request.user).select_related("section", "owner_municipality")

    def get(self, request, *args, **kwargs):
        self.object = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
        canonical = self.object.get_absolute_url()
        if request.path != canonical:
            # A changed or mistyped slug still finds the story, at its one canonical address.
            return redirect(canonical, permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))


class _ArticlesOfObjectView(DetailView):
    """A page about one thing (section, tag, place, person, event) and the stories about it."""

    related_filter = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["articles"] = public_articles().filter(**{self.related_filter: self.object})[:20]
        return context


class SectionDetailView(_ArticlesOfObjectView):
    model = Section
    template_name = "articles/section_detail.html"
    related_filter = "section"


class TagDetailView(_ArticlesOfObjectView):
    model = Tag
    template_name = "articles/tag_detail.html"
    related_filter = "tags"


class MunicipalityDetailView(_ArticlesOfObjectView):
    model = Municipality
    template_name = "articles/municipality_detail.html"
    related_filter = "municipalities"


class OfficialDetailView(_ArticlesOfObjectView):
    model = Official
    template_name = "articles/official_detail.html"
    related_filter = "officials"


class EventDetailView(_ArticlesOfObjectView):
    model = Event
    template_name = "articles/event_detail.html"
    related_filter = "events"


def article_preview(request, token: str):
    """A story in the real public template, reached only through a signed, expiring link.

    Never cached and never indexed: the story may be embargoed.
    """
    article_id = article_id_from_token(token)
    if article_id is None:
        raise Http404("invalid or expired preview link")
    article = get_object_or_404(
        Article.objects.select_related("section", "owner_municipality"), pk=article_id
    )
    response = render(
        request,
        ArticleDetailView.template_name,
        {"article": article, "object": article, "is_preview": True},
    )
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
