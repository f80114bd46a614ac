"""Public views. Thin: querysets come from the models' `published()`; templates do the rest.

Every list is in the page's language: English pages list only stories that have an English
version (`in_language`), and the middleware turns modeltranslation's fallback off there, so no
Bulgarian text reaches an English page. Lists are paginated with a cap on the page number;
a page number that is not a plain number in range answers 404, never 500.
"""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.core.paginator import InvalidPage, Paginator
from django.db import connection
from django.db.models import Exists, F, OuterRef, Prefetch, Window, prefetch_related_objects
from django.db.models.functions import RowNumber
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, TemplateView

from articles import newest
from articles import search as article_search
from articles.models import (
    SEARCH_COLUMNS,
    TEXT_COLUMNS,
    Article,
    ArticlePhoto,
    Correction,
    attach_sections,
    linked_to,
)
from articles.preview import article_id_from_token
from events.models import Event
from newsroom import sitewide
from newsroom.models import Mandate, Municipality, Official, Page, Section, Tag

PAGE_SIZE = 20
MAX_PAGES = 50  # deeper than this, readers use the archive by date or search


def current_language() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


def photos_prefetch():
    """All of a story's photos, in order: the story's page."""
    return Prefetch(
        "article_photos",
        queryset=ArticlePhoto.objects.select_related("photo").order_by("order", "id"),
    )


def first_photo_prefetch():
    """Only each story's first photo: lists show no more, and loading the others cost more
    than loading the stories."""
    first = (
        ArticlePhoto.objects.annotate(
            rank=Window(
                RowNumber(), partition_by=[F("article_id")], order_by=[F("order").asc(), F("id").asc()]
            )
        )
        .filter(rank=1)
        .select_related("photo")
        .order_by("order", "id")
    )
    return Prefetch("article_photos", queryset=first)


def public_articles(language: str | None = None, with_text: bool = False, with_photos: bool = False):
    """Published stories that exist in the page's language, with what a list shows.

    `with_text` keeps the body and background (search builds its snippets from them);
    `with_photos` fetches their photos (only the front page's lists show them: the photos of
    20 stories cost more to load than the stories). Sections come from the site-wide cache
    (`attach_sections`) where the stories are turned into a list."""
    stories = (
        Article.objects.published()
        .in_language(language or current_language())
        .defer(*SEARCH_COLUMNS, *(() if with_text else TEXT_COLUMNS))
        .order_by("-publish_at", "-id")
    )
    return stories.prefetch_related(first_photo_prefetch()) if with_photos else stories


class CappedPaginator(Paginator):
    """Counts no further than the last page readers may open: a COUNT over a LIMIT subquery
    costs the same at 100 and at 100,000 stories."""

    @cached_property
    def count(self):
        return self.object_list[: self.per_page * MAX_PAGES].count()


class ListPage:
    """One page of a list, without counting the list: one row past the page tells whether an
    older page exists. Lists show "Newer", "Page N" and "Older", so no query counts stories."""

    paginator = None

    def __init__(self, rows: list, number: int, per_page: int):
        self.number = number
        self.object_list = rows[:per_page]
        self._has_next = len(rows) > per_page and number < MAX_PAGES

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def has_next(self) -> bool:
        return self._has_next

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_next() or self.has_previous()

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1


def page_number(request) -> int:
    raw = request.GET.get("page", "1")
    if not raw.isascii() or not raw.isdigit() or len(raw) > 4 or not 1 <= int(raw) <= MAX_PAGES:
        raise Http404("No such page.")
    return int(raw)


def paginate(request, queryset, per_page: int = PAGE_SIZE, counted: bool = False):
    """The requested page of `queryset`; 404 for anything but a page number that exists.

    Lists are not counted (`ListPage`); `counted` pages (search, which says how many stories
    it found) count at most the rows of the pages readers may open."""
    number = page_number(request)
    if not counted:
        start = (number - 1) * per_page
        rows = attach_sections(queryset[start : start + per_page + 1])
        if not rows and number > 1:
            raise Http404("No such page.")
        return ListPage(rows, number, per_page)
    paginator = CappedPaginator(queryset, per_page, allow_empty_first_page=True)
    try:
        page = paginator.page(number)
    except InvalidPage as exc:
        raise Http404("No such page.") from exc
    page.object_list = attach_sections(page.object_list)
    return page


class HomeView(TemplateView):
    """Lead story, latest stories, a block per section, current and upcoming events."""

    template_name = "articles/home.html"
    per_section = 4
    recent_window = 500

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        latest = attach_sections(public_articles(with_photos=True)[:13])
        lead = next((a for a in latest if a.priority == Article.Priority.LEAD), latest[0] if latest else None)
        context["lead"] = lead
        context["latest"] = [a for a in latest if a != lead][:12]
        context["section_blocks"] = self.section_blocks()
        context["events"] = (
            Event.objects.current_and_upcoming()
            .select_related("host_municipality")
            .order_by("start_date")[:6]
        )
        return context

    def section_blocks(self):
        """The newest few stories of each section, in one query.

        On PostgreSQL each section's newest stories come from its own index walk
        (`articles.newest`): the cost grows with the number of sections, not with the
        archive. SQLite has no LATERAL, so there a window function ranks the newest
        `recent_window` stories instead."""
        language = current_language()
        if connection.vendor == "postgresql":
            ranked = (
                Article.objects.filter(pk__in=newest.newest_per_section(language, self.per_section))
                .defer(*SEARCH_COLUMNS, *TEXT_COLUMNS)
                .order_by("section__order", "section_id", "-publish_at", "-id")
            )
        else:
            published = Article.objects.published().in_language(language).order_by("-publish_at", "-id")
            recent = published.values("pk")[: self.recent_window]
            ranked = (
                Article.objects.filter(pk__in=recent, section__isnull=False)
                .annotate(
                    row=Window(
                        RowNumber(),
                        partition_by=[F("section_id")],
                        order_by=[F("publish_at").desc(), F("id").desc()],
                    )
                )
                .filter(row__lte=self.per_section)
                .defer(*SEARCH_COLUMNS, *TEXT_COLUMNS)
                .order_by("section__order", "section_id", "-publish_at", "-id")
            )
        blocks: dict[int, dict] = {}
        for article in attach_sections(ranked):
            block = blocks.setdefault(article.section_id, {"section": article.section, "articles": []})
            block["articles"].append(article)
        return list(blocks.values())


def article_queryset(user):
    queryset = (
        Article.objects.visible_to(user)
        .defer("search_bg", "search_en")
        .select_related("section", "owner_municipality")
        .prefetch_related(
            "tags",
            photos_prefetch(),
            Prefetch(
                "officials",
                queryset=Official.objects.prefetch_related(
                    Prefetch("mandates", queryset=Mandate.objects.select_related("municipality"))
                ),
            ),
        )
        # Most stories cover no event and have no correction: ask in the story's own row, and
        # load them only when there are some (`load_rare_relations`).
        .annotate(
            has_events=Exists(Article.events.through.objects.filter(article_id=OuterRef("pk"))),
            has_corrections=Exists(Correction.objects.filter(article_id=OuterRef("pk"))),
        )
    )
    if connection.vendor == "postgresql":
        # The story's places, for its related stories (`related_stories`): the page shows none.
        links = Article.municipalities.through.objects.filter(article_id=OuterRef("pk"))
        queryset = queryset.annotate(place_ids=ArraySubquery(links.values("municipality_id")))
    return queryset


def load_rare_relations(article: Article) -> None:
    """Events and corrections of a story from `article_queryset`, fetched only when it has
    some; otherwise marked empty, so the template asks the database nothing."""
    events = Event.objects.select_related("host_municipality")
    prefetch_related_objects(
        [article],
        Prefetch("events", queryset=events if article.has_events else events.none()),
        Prefetch(
            "corrections",
            queryset=Correction.objects.all() if article.has_corrections else Correction.objects.none(),
        ),
    )


class ArticleDetailView(DetailView):
    """A story at its one canonical address, or a clear page when it lacks this language."""

    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return article_queryset(self.request.user)

    def get(self, request, *args, **kwargs):
        self.object = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
        language = current_language()
        if not self.object.has_language(language):
            return not_available(request, self.object)
        canonical = self.object.get_absolute_url()
        if request.path != canonical:
            # A changed or mistyped slug still finds the story, at its one canonical address.
            return redirect(canonical, permanent=True)
        load_rare_relations(self.object)
        return self.render_to_response(self.get_context_data(object=self.object))


def not_available(request, obj):
    """The item exists, but not in this language: say so and link the Bulgarian original."""
    with translation.override(settings.LANGUAGE_CODE):
        original_url = obj.get_absolute_url()
    title = getattr(obj, f"title_{settings.LANGUAGE_CODE}", "") or str(obj)
    response = render(
        request,
        "articles/not_available.html",
        {"original_url": original_url, "original_title": title, "original_language": settings.LANGUAGE_CODE},
        status=404,
    )
    return response


class ObjectWithStoriesView(DetailView):
    """A page about one thing (section, tag, place, person, event) and the stories about it."""

    related_filter = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        stories = linked_to(public_articles(), self.related_filter, self.object)
        context["page_obj"] = paginate(self.request, stories)
        context["articles"] = context["page_obj"].object_list
        return context


class SectionDetailView(ObjectWithStoriesView):
    model = Section
    template_name = "articles/section_detail.html"
    related_filter = "section"

    def get_object(self, queryset=None):
        """From the site-wide cached list every page's menu already uses: no query. A section
        the cached list does not know yet (created or renamed a moment ago) is read from the
        database."""
        slug = self.kwargs["slug"]
        section = next((s for s in sitewide.sections() if s.slug == slug), None)
        return section or get_object_or_404(Section, slug=slug)


class TagDetailView(ObjectWithStoriesView):
    model = Tag
    template_name = "articles/tag_detail.html"
    related_filter = "tags"


class MunicipalityDetailView(ObjectWithStoriesView):
    model = Municipality
    template_name = "articles/municipality_detail.html"
    related_filter = "municipalities"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["mandates"] = self.object.current_mandates()
        return context


class OfficialDetailView(ObjectWithStoriesView):
    model = Official
    template_name = "articles/official_detail.html"
    related_filter = "officials"

    def get_queryset(self):
        return Official.objects.select_related("portrait").prefetch_related(
            Prefetch("mandates", queryset=Mandate.objects.select_related("municipality").order_by("-start"))
        )


class EventDetailView(ObjectWithStoriesView):
    model = Event
    template_name = "articles/event_detail.html"
    related_filter = "events"

    def get_queryset(self):
        return Event.objects.select_related("host_municipality").prefetch_related(
            "participating_municipalities"
        )


# --- Archive by date --------------------------------------------------------------------------


def _local_range(start: date, end: date):
    zone = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.combine(start, datetime.min.time()), zone),
        timezone.make_aware(datetime.combine(end, datetime.min.time()), zone),
    )


def archive_index(request):
    """The months that have stories, newest first, grouped by year."""
    months = (
        Article.objects.published()
        .in_language(current_language())
        .datetimes("publish_at", "month", order="DESC", tzinfo=timezone.get_current_timezone())
    )
    return render(request, "articles/archive_index.html", {"months": months})


def archive_period(request, year: int, month: int, day: int | None = None):
    """The stories of one month or one day; impossible dates answer 404."""
    try:
        if not 1900 <= year <= 2200:
            raise ValueError
        start = date(year, month, day or 1)
    except ValueError as exc:
        raise Http404("No such date.") from exc
    if day is None:
        end = date(year + (month == 12), month % 12 + 1, 1)
    else:
        end = start + timedelta(days=1)
    since, until = _local_range(start, end)
    stories = public_articles().filter(publish_at__gte=since, publish_at__lt=until)
    page_obj = paginate(request, stories)
    return render(
        request,
        "articles/archive_period.html",
        {
            "period_start": start,
            "is_day": day is not None,
            "page_obj": page_obj,
            "articles": page_obj.object_list,
        },
    )


# --- Search ---------------------------------------------------------------------------------


class SearchView(TemplateView):
    """Full-text search in the page's language; hostile input gets an ordinary page."""

    template_name = "articles/search.html"
    per_page = 10

    @cached_property
    def query(self) -> str:
        return article_search.clean_query(self.request.GET.get("q"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = current_language()
        context["query"] = self.query
        context["max_length"] = article_search.MAX_QUERY_LENGTH
        if not self.query:
            return context
        results = article_search.search(public_articles(language, with_text=True), self.query, language)
        page_obj = paginate(self.request, results, self.per_page, counted=True)
        for article in page_obj.object_list:  # snippets for the rows shown, only
            article.snippet = article_search.snippet(article, self.query, language)
        context["page_obj"] = page_obj
        context["articles"] = page_obj.object_list
        return context


# --- Standing pages, robots ---------------------------------------------------------------


def page_detail(request, kind: str):
    page = get_object_or_404(Page, kind=kind)
    language = current_language()
    if not getattr(page, f"title_{language}", ""):
        return not_available(request, page)
    return render(request, "articles/page_detail.html", {"page": page, "object": page})


@require_GET
def robots_txt(request):
    site = settings.SITE_URL
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *(f"Disallow: /{code}/search/" for code, _name in settings.LANGUAGES),
        "",
        f"Sitemap: {site}{reverse('sitemap_index')}",
        f"Sitemap: {site}{reverse('news_sitemap')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    """404 in the page's language, with a way on (search, home)."""
    return render(request, "404.html", status=404)


def server_error(request):
    """500 without the database or context processors: the language is active from the URL."""
    html = loader.get_template("500.html").render({"LANGUAGE_CODE": current_language()})
    return HttpResponseServerError(html)


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
    view = ArticleDetailView()
    view.setup(request, pk=article.pk)
    view.object = article
    context = view.get_context_data(object=article)
    context["is_preview"] = True
    response = render(request, view.template_name, context)
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
