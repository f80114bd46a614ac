"""Events: forums, conferences and visits that stories cover."""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.models import Municipality, SluggedModel


class EventQuerySet(models.QuerySet):
    def current_and_upcoming(self, on=None):
        on = on or timezone.localdate()
        return self.filter(end_date__gte=on).order_by("start_date")


class Event(SluggedModel):
    class Kind(models.TextChoices):
        FORUM = "forum", _("Forum")
        CONFERENCE = "conference", _("Conference")
        SUMMIT = "summit", _("Summit")
        FESTIVAL = "festival", _("Festival")
        VISIT = "visit", _("Official visit")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.FORUM)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    host_municipality = models.ForeignKey(
        Municipality, verbose_name=_("host municipality"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="hosted_events",
    )  # fmt: skip
    organisers = models.CharField(_("organisers"), max_length=300, blank=True)
    participating_municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("participating municipalities"), blank=True,
        related_name="events",
    )  # fmt: skip
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="event_ends_after_it_starts",
                violation_error_message=_("An event cannot end before it starts."),
            )
        ]

    def __str__(self):
        return self.name or self.slug

    def get_absolute_url(self):
        return reverse("event_detail", kwargs={"slug": self.slug})
