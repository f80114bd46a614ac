"""Admin for events."""

from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from events.models import Event
from newsroom.admin import PurgesPublicPages


@admin.register(Event)
class EventAdmin(PurgesPublicPages, TabbedTranslationAdmin):
    list_display = ("name", "kind", "start_date", "end_date", "host_municipality")
    list_filter = ("kind",)
    search_fields = ("name_bg", "name_en", "slug")
    date_hierarchy = "start_date"
    autocomplete_fields = ("host_municipality", "participating_municipalities")
    readonly_fields = ("slug",)
