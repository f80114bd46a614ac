"""The shared core's models: places, people, sections and tags, the photo library, site strings.

The photo library lives here rather than in `articles` because officials' portraits and events
use photos too, and imports only point down the layers (newsroom -> events -> articles).
Translated fields are registered in `newsroom/translation.py`; the models stay plain.
"""

import uuid
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.images import PhotoUploadField
from newsroom.sanitize import sanitize_html
from newsroom.text import slugify_bg, unique_slug


class SluggedModel(models.Model):
    """A model whose slug is made once, from its Bulgarian name, and then kept stable."""

    slug_source_field = "name_bg"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            source = getattr(self, self.slug_source_field, "") or str(self)
            self.slug = unique_slug(type(self), slugify_bg(source), exclude_pk=self.pk)
        super().save(*args, **kwargs)


class Municipality(SluggedModel):
    """A municipality or city: Bulgarian ones and foreign partners such as Istanbul."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        CITY = "city", _("City")
        CAPITAL = "capital", _("Capital city")
        METROPOLITAN = "metropolitan", _("Metropolitan municipality")

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, blank=True)
    country = models.CharField(
        _("country"), max_length=2, default="BG", help_text=_("ISO 3166-1 alpha-2 code, e.g. BG, TR.")
    )
    region = models.CharField(_("region / oblast"), max_length=120, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MUNICIPALITY)
    website = models.URLField(_("website"), blank=True)
    press_contact = models.TextField(
        _("press centre contact"), blank=True, help_text=_("Who to contact, and how.")
    )
    press_email = models.EmailField(_("press centre e-mail"), blank=True)
    press_phone = models.CharField(_("press centre phone"), max_length=40, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )  # fmt: skip
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )  # fmt: skip

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="municipality_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="municipality_longitude_range",
            ),
        ]

    def __str__(self):
        return self.name or self.slug

    def save(self, *args, **kwargs):
        self.country = (self.country or "").upper()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("municipality_detail", kwargs={"slug": self.slug})

    def current_mandates(self, on: date | None = None):
        return Mandate.objects.current(on).filter(municipality=self).select_related("official")


def photo_upload_to(instance, filename: str) -> str:
    """Stored names are generated: the uploader's file name never reaches the file system."""
    ext = Path(filename).suffix.lower().lstrip(".")
    ext = {"jpeg": "jpg"}.get(ext, ext)
    if ext not in {"jpg", "png", "webp"}:
        ext = "jpg"
    return f"photos/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{ext}"


class PhotoImageField(models.ImageField):
    """An image field whose form field checks and re-encodes uploads (`newsroom.images`), so every
    model form for photos, in the admin or elsewhere, refuses the same files the same way."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PhotoUploadField, **kwargs})


class Photo(models.Model):
    """A reusable library photo with its credit and licence; dimensions stored, never re-read."""

    class Licence(models.TextChoices):
        OWN = "own", _("Own photo")
        PRESS = "press", _("Press centre handout")
        AGENCY = "agency", _("Agency photo")
        CC_BY = "cc-by", _("Creative Commons BY")
        CC_BY_SA = "cc-by-sa", _("Creative Commons BY-SA")
        OTHER = "other", _("Other, see credit")

    image = PhotoImageField(_("image"), upload_to=photo_upload_to, width_field="width", height_field="height")
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    alt_text = models.CharField(
        _("alt text"), max_length=300, blank=True,
        help_text=_("What the photo shows, for readers who cannot see it. Not the headline."),
    )  # fmt: skip
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    licence = models.CharField(_("licence"), max_length=20, choices=Licence.choices, default=Licence.OWN)
    expires_on = models.DateField(
        _("licence expires on"), null=True, blank=True,
        help_text=_("After this date the photo may no longer be shown."),
    )  # fmt: skip
    renditions = models.JSONField(_("renditions"), default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.caption or self.alt_text or Path(self.image.name or "").name


class Official(SluggedModel):
    """A person in public office; their roles over time are `Mandate`s."""

    slug_source_field = "full_name_bg"

    full_name = models.CharField(_("full name"), max_length=160)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, blank=True)
    portrait = models.ForeignKey(
        Photo, verbose_name=_("portrait"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    bio = models.TextField(_("short bio"), blank=True)

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("official")
        verbose_name_plural = _("officials")

    def __str__(self):
        return self.full_name or self.slug

    def get_absolute_url(self):
        return reverse("official_detail", kwargs={"slug": self.slug})

    def mandate_on(self, day: date | None = None):
        """The mandate held on `day` (today by default): how a story names its subject."""
        return Mandate.objects.current(day).filter(official=self).select_related("municipality").first()


class MandateQuerySet(models.QuerySet):
    def current(self, on: date | None = None):
        on = on or timezone.localdate()
        return self.filter(Q(start__lte=on), Q(end__isnull=True) | Q(end__gte=on)).order_by(
            "position", "-start"
        )


class Mandate(models.Model):
    """A position held by an official in a municipality, from `start` to `end` (open if empty)."""

    class Position(models.TextChoices):
        MAYOR = "mayor", _("Mayor")
        DEPUTY_MAYOR = "deputy_mayor", _("Deputy mayor")
        ACTING_MAYOR = "acting_mayor", _("Acting mayor")
        COUNCIL_CHAIR = "council_chair", _("Chair of the municipal council")
        SECRETARY = "secretary", _("Municipal secretary")
        OTHER = "other", _("Other")

    official = models.ForeignKey(
        Official, verbose_name=_("official"), on_delete=models.CASCADE, related_name="mandates"
    )
    position = models.CharField(_("position"), max_length=20, choices=Position.choices)
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT, related_name="mandates"
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True, help_text=_('For example "suspended".'))

    objects = MandateQuerySet.as_manager()

    class Meta:
        ordering = ["-start"]
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="mandate_end_after_start",
                violation_error_message=_("A mandate cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.official}: {self.get_position_display()}, {self.municipality}"


class Section(SluggedModel):
    """A section of the site: Regions, Politics, World, ..."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.name or self.slug

    def get_absolute_url(self):
        return reverse("section_detail", kwargs={"slug": self.slug})


class Tag(SluggedModel):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name or self.slug

    def get_absolute_url(self):
        return reverse("tag_detail", kwargs={"slug": self.slug})


class SiteSettings(models.Model):
    """Site strings the press office edits per language, including the news-page modal.

    One row (pk=1). These are what the BTA page leaked as `site.bta`, `news.modal.header`
    and `news.modal.text`. An empty modal header and text mean no modal at all.
    """

    site_name = models.CharField(_("site name"), max_length=120, default="Newsroom")
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    modal_header = models.CharField(_("news modal header"), max_length=200, blank=True)
    modal_text = models.TextField(_("news modal text"), blank=True)

    class Meta:
        verbose_name = _("site strings and news modal")
        verbose_name_plural = _("site strings and news modal")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="site_settings_singleton")]

    def __str__(self):
        return str(_("Site strings and news modal"))

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def load(cls) -> "SiteSettings":
        obj, _created = cls.objects.get_or_create(pk=1)
        return obj

    @property
    def has_modal(self) -> bool:
        return bool((self.modal_header or "").strip() or (self.modal_text or "").strip())


class PressOfficeMembershipQuerySet(models.QuerySet):
    def municipality_ids_of(self, user) -> list[int]:
        if user is None or not user.is_authenticated:
            return []
        return list(self.filter(user=user).values_list("municipality_id", flat=True))


class PressOfficeMembership(models.Model):
    """Binds a staff user to a municipality whose press centre they write for.

    A press officer may hold several; what they may see and edit in the admin follows from
    these rows (see `articles.models.ArticleQuerySet.for_staff`).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE,
        related_name="press_offices",
    )  # fmt: skip
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.CASCADE,
        related_name="press_officers",
    )  # fmt: skip

    objects = PressOfficeMembershipQuerySet.as_manager()

    class Meta:
        ordering = ["municipality__name", "user__username"]
        verbose_name = _("press office membership")
        verbose_name_plural = _("press office memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "municipality"], name="press_office_membership_once"),
        ]

    def __str__(self):
        return f"{self.user} — {self.municipality}"


class LoginAudit(models.Model):
    """One attempt to sign in to the admin: who (or what user name was tried), when, from where,
    and whether it worked. Written by `newsroom.accounts` from Django's login signals; read-only."""

    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    username = models.CharField(_("user name tried"), max_length=150, blank=True)
    succeeded = models.BooleanField(_("succeeded"), default=False)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("login attempt")
        verbose_name_plural = _("login audit")

    def __str__(self):
        outcome = _("succeeded") if self.succeeded else _("failed")
        return f"{self.username} {outcome} {self.at:%Y-%m-%d %H:%M}"


class Page(models.Model):
    """A standing page the press office edits in the admin: about, contacts, privacy, ownership."""

    class Kind(models.TextChoices):
        ABOUT = "about", _("About us")
        CONTACTS = "contacts", _("Contacts")
        PRIVACY = "privacy", _("Privacy")
        OWNERSHIP = "media-ownership", _("Media ownership")

    kind = models.CharField(_("page"), max_length=20, choices=Kind.choices, unique=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self):
        return self.title or self.get_kind_display()

    def save(self, *args, **kwargs):
        for lang, _name in settings.LANGUAGES:
            value = getattr(self, f"body_{lang}", None)
            if value:
                setattr(self, f"body_{lang}", sanitize_html(value))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("page", kwargs={"kind": self.kind})


class LoginFailure(models.Model):
    """One failed admin sign-in, counted by `newsroom.throttle` to lock out brute force.

    Kept in the database (not the cache) so every worker and every machine counts the same
    attempts; rows older than the window are deleted as new failures arrive.
    """

    username = models.CharField(_("username"), max_length=150, db_index=True)
    address = models.GenericIPAddressField(_("client address"), db_index=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("failed sign-in")
        verbose_name_plural = _("failed sign-ins")

    def __str__(self):
        return f"{self.username} @ {self.address}"
