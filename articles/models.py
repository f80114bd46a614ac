"""Articles and the photos they carry.

"Published" is defined once, here: `ArticleQuerySet.published()` (status published AND publish
time <= now). A story published with a future time is "scheduled" and invisible everywhere
until then, with no job running.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from events.models import Event
from newsroom.models import Municipality, Official, Photo, PressOfficeMembership, Section, Tag
from newsroom.sanitize import sanitize_html
from newsroom.text import slugify_bg, transliterate

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def _slugify_latin(text: str) -> str:
    return slugify(transliterate(text))


class ArticleQuerySet(models.QuerySet):
    def published(self, at=None):
        """Stories the public may see: published, and their publish time has come."""
        return self.filter(status=Article.Status.PUBLISHED, publish_at__lte=at or timezone.now())

    def scheduled(self, at=None):
        return self.filter(status=Article.Status.PUBLISHED, publish_at__gt=at or timezone.now())

    def for_staff(self, user):
        """The stories `user` may open in the admin.

        Editors (who may publish) see everything. Other staff see the stories they wrote and
        those owned by the municipalities whose press office they belong to; never another
        municipality's unpublished ones. Everyone else: nothing.
        """
        if user is None or not user.is_active or not user.is_staff:
            return self.none()
        if user.has_perm("articles.publish_article"):
            return self.all()
        if not user.has_perm("articles.change_article"):
            return self.none()
        municipalities = PressOfficeMembership.objects.municipality_ids_of(user)
        return self.filter(Q(created_by=user) | Q(owner_municipality__in=municipalities))

    def visible_to(self, user):
        """The published stories, plus the unpublished ones `user` may work on in the admin."""
        published = self.published()
        if user is None or not user.is_active or not user.is_staff:
            return published
        return published | self.for_staff(user)

    def in_language(self, language: str):
        """Stories that have a version in `language` (Bulgarian is always there)."""
        if language == settings.LANGUAGE_CODE:
            return self.all()
        return self.exclude(**{f"title_{language}": ""}).exclude(**{f"title_{language}__isnull": True})


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Priority(models.IntegerChoices):
        LEAD = 1, _("Lead story")
        TOP = 2, _("Top story")
        NORMAL = 3, _("Normal")

    title = models.CharField(_("headline"), max_length=300)
    slug = models.SlugField(
        _("slug"), max_length=100, blank=True,
        help_text=_("Made from the headline when left empty. The story's number keeps old links working."),
    )  # fmt: skip
    lead = models.TextField(
        _("lead"), blank=True, help_text=_("One or two sentences; at most 300 characters.")
    )
    body = models.TextField(_("body"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    publish_at = models.DateTimeField(
        _("publish time"), null=True, blank=True,
        help_text=_("A future time schedules the story: it stays invisible until then."),
    )  # fmt: skip
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.NORMAL
    )
    dateline = models.CharField(_("dateline"), max_length=100, blank=True, help_text=_("Place, e.g. Sofia."))
    byline = models.CharField(_("byline"), max_length=200, blank=True)
    signature = models.CharField(
        _("editor's signature"), max_length=20, blank=True,
        help_text=_("The editor's initials, shown as /ЕС/ at the end of the story."),
    )  # fmt: skip
    source = models.CharField(
        _("source attribution"), max_length=300, blank=True,
        help_text=_("For example: the press centre of Stara Zagora municipality."),
    )  # fmt: skip
    background = models.TextField(
        _("background paragraph"), blank=True, help_text=_('For example: "BTA reminds that ..."')
    )
    section = models.ForeignKey(
        Section, verbose_name=_("section"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="articles",
    )  # fmt: skip
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="articles")
    owner_municipality = models.ForeignKey(
        Municipality, verbose_name=_("owner municipality"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="owned_articles",
        help_text=_("The press centre this story belongs to."),
    )  # fmt: skip
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("municipalities mentioned"), blank=True, related_name="articles"
    )
    officials = models.ManyToManyField(
        Official, verbose_name=_("officials quoted"), blank=True, related_name="articles"
    )
    events = models.ManyToManyField(
        Event, verbose_name=_("events covered"), blank=True, related_name="articles"
    )
    photos = models.ManyToManyField(
        Photo, verbose_name=_("photos"), through="ArticlePhoto", blank=True, related_name="articles"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="articles",
    )  # fmt: skip
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("last saved by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )  # fmt: skip
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Search index per language, kept by `articles.search` on save: stemmed tokens as a tsvector
    # (a plain string of tokens on SQLite). GIN indexes are made on PostgreSQL by migration.
    search_bg = SearchVectorField(null=True, editable=False)
    search_en = SearchVectorField(null=True, editable=False)
    # Bumped on every save; the admin compares it to refuse lost updates.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-id"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            models.Index(fields=["status", "-publish_at"], name="article_status_publish_idx"),
            # A section's page and the front page's section blocks walk this from the newest.
            models.Index(fields=["section", "status", "-publish_at"], name="article_section_publish_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(publish_at__isnull=False),
                name="article_published_has_time",
                violation_error_message=_("A published story needs a publish time."),
            ),
        ]
        permissions = [
            ("publish_article", _("Can publish, schedule, send back, withdraw and correct any article")),
        ]

    def __str__(self):
        return self.title or f"#{self.pk}"

    RICH_FIELDS = ("body", "background")

    def save(self, *args, **kwargs):
        for lang in LANGUAGE_CODES:
            for name in self.RICH_FIELDS:
                attr = f"{name}_{lang}"
                value = getattr(self, attr, None)
                if value:
                    setattr(self, attr, sanitize_html(value))
            # Slugs are made once and then kept: links already shared keep their text.
            title = getattr(self, f"title_{lang}", "") or ""
            if title and not getattr(self, f"slug_{lang}", ""):
                # Cyrillic letters in an English headline (look-alikes included) are transliterated.
                maker = slugify_bg if lang == "bg" else _slugify_latin
                setattr(self, f"slug_{lang}", maker(title)[:100].strip("-"))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("article_detail", kwargs={"pk": self.pk, "slug": self.slug or "story"})

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at > timezone.now()
        )

    def has_language(self, language: str) -> bool:
        return bool(getattr(self, f"title_{language}", ""))

    @property
    def workflow_label(self) -> str:
        """The status as the newsroom says it: a published story before its time is "scheduled"."""
        if self.is_scheduled:
            return str(_("Scheduled"))
        return self.get_status_display()

    @classmethod
    def translated_field_names(cls) -> list[str]:
        """Every per-language column of the story (`title_bg`, `title_en`, ...), in form order."""
        from modeltranslation.translator import translator

        registered = translator.get_options_for_model(cls).all_fields
        names = [f.name for f in cls._meta.get_fields() if f.name in registered]
        return [f"{name}_{lang}" for name in names for lang in LANGUAGE_CODES]

    def translated_values(self) -> dict[str, str]:
        return {name: getattr(self, name) or "" for name in self.translated_field_names()}


class ArticlePhoto(models.Model):
    """A photo's place in an article: its order, and a caption that may override the library's."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="article_photos")
    photo = models.ForeignKey(
        Photo, verbose_name=_("photo"), on_delete=models.PROTECT, related_name="article_links"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    caption = models.CharField(
        _("caption override"), max_length=500, blank=True,
        help_text=_("Leave empty to use the library caption."),
    )  # fmt: skip

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("article photo")
        verbose_name_plural = _("article photos")
        constraints = [
            models.UniqueConstraint(fields=["article", "photo"], name="article_photo_once"),
        ]

    def __str__(self):
        return str(self.photo)

    @property
    def display_caption(self) -> str:
        return self.caption or self.photo.caption


class Correction(models.Model):
    """A public note that a published story was corrected, with its time.

    Shown at the end of the article and in its feed entry. Editors issue them through
    `articles.services`; they are never edited silently afterwards.
    """

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="corrections"
    )
    text = models.TextField(_("correction"), help_text=_("What was wrong, and what is right."))
    created_at = models.DateTimeField(_("time"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self):
        return f"{self.article}: {self.created_at:%Y-%m-%d %H:%M}"


class ArticleTransition(models.Model):
    """One step of the editorial workflow: who moved the story, when, from where to where, and why.

    Written only by `articles.services`; shown read-only on the article's admin page.
    """

    class Action(models.TextChoices):
        CREATE = "create", _("Created")
        SUBMIT = "submit", _("Submitted for review")
        SEND_BACK = "send_back", _("Sent back to draft")
        PUBLISH = "publish", _("Published")
        SCHEDULE = "schedule", _("Scheduled")
        WITHDRAW = "withdraw", _("Withdrawn")
        CORRECT = "correct", _("Correction issued")
        RESTORE = "restore", _("Revision restored")

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="transitions"
    )
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    from_status = models.CharField(_("from"), max_length=12, choices=Article.Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=12, choices=Article.Status.choices)
    note = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow history")

    def __str__(self):
        return f"{self.get_action_display()}: {self.from_status or '-'} → {self.to_status}"


class ArticleRevision(models.Model):
    """A snapshot of every translated field of a published story, kept on each save."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="revisions"
    )
    number = models.PositiveIntegerField(_("number"))
    data = models.JSONField(_("content"), default=dict)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("saved"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("saved by"), null=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    class Meta:
        ordering = ["-number"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="article_revision_number_once"),
        ]

    def __str__(self):
        return _("Revision %(number)s") % {"number": self.number}


class ArticlePresence(models.Model):
    """Who has the story's change form open: refreshed by a heartbeat, stale after a while."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="presences")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    opened_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "user"], name="article_presence_once"),
        ]

    def __str__(self):
        return f"{self.user} @ {self.article_id}"


def refresh_search_vectors(queryset=None) -> int:
    """Rebuild the search index of many stories at once (bulk inserts skip `save()`)."""
    from articles.search import refresh_search_vectors as refresh

    return refresh(queryset)


# Columns a list of stories never shows: the search vectors (search matches on them in SQL) and
# the story's text, several kilobytes per story and language.
SEARCH_COLUMNS = tuple(f"search_{code}" for code in LANGUAGE_CODES)
TEXT_COLUMNS = tuple(
    f"{name}{suffix}" for name in Article.RICH_FIELDS for suffix in ("", *(f"_{c}" for c in LANGUAGE_CODES))
)


def linked_to(queryset, relation: str, obj):
    """`queryset` narrowed to the stories linked to `obj` through `relation` (a field of
    Article: "section", or a many-to-many such as "municipalities").

    A many-to-many is a semi-join on the link table, not a join plus DISTINCT over every
    column: the newest stories come straight from the index instead of a sort of all matches."""
    field = Article._meta.get_field(relation)
    if not field.many_to_many:
        return queryset.filter(**{relation: obj})
    links = field.remote_field.through.objects.filter(**{field.m2m_reverse_field_name(): obj})
    return queryset.filter(pk__in=links.values(field.m2m_field_name()))


def attach_sections(articles) -> list:
    """`articles` as a list, each given its section from the site-wide cached list: every page
    already holds the sections for its menu, so lists need no JOIN and no Section object per
    story. Sections missing from the cached list (just created) are read in one query."""
    from newsroom import sitewide

    articles = list(articles)
    by_id = {section.pk: section for section in sitewide.sections()}
    missing = {a.section_id for a in articles if a.section_id is not None and a.section_id not in by_id}
    if missing:  # a section newer than the cached list: one query for all of them, not one per story
        by_id.update(Section.objects.in_bulk(missing))
    field = Article._meta.get_field("section")
    for article in articles:
        section = by_id.get(article.section_id)
        if section is not None:
            field.set_cached_value(article, section)
    return articles
