"""Admin for the shared core: municipalities, officials and mandates, sections, tags, photos,
site strings. Tabbed bg/en fields come from modeltranslation's TabbedTranslationAdmin."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from newsroom.models import Mandate, Municipality, Official, Photo, Section, SiteSettings, Tag
from newsroom.throttle import ThrottledAdminAuthenticationForm


@admin.register(Municipality)
class MunicipalityAdmin(TabbedTranslationAdmin):
    list_display = ("name", "country", "region", "kind")
    list_filter = ("country", "kind")
    search_fields = ("name_bg", "name_en", "slug", "region_bg")
    readonly_fields = ("slug",)


class MandateInline(TranslationTabularInline):
    model = Mandate
    extra = 0
    autocomplete_fields = ("municipality",)


@admin.register(Official)
class OfficialAdmin(TabbedTranslationAdmin):
    list_display = ("full_name", "slug")
    search_fields = ("full_name_bg", "full_name_en", "slug")
    autocomplete_fields = ("portrait",)
    readonly_fields = ("slug",)
    inlines = [MandateInline]


@admin.register(Section)
class SectionAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug", "order")
    list_editable = ("order",)
    search_fields = ("name_bg", "name_en")
    readonly_fields = ("slug",)


@admin.register(Tag)
class TagAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug")
    search_fields = ("name_bg", "name_en", "slug")
    readonly_fields = ("slug",)


@admin.register(Photo)
class PhotoAdmin(TabbedTranslationAdmin):
    list_display = ("thumbnail", "caption", "credit", "licence", "width", "height", "created_at")
    list_filter = ("licence",)
    search_fields = ("caption_bg", "caption_en", "credit_bg", "alt_text_bg")
    date_hierarchy = "created_at"
    readonly_fields = ("thumbnail", "width", "height")

    @admin.display(description=_("preview"))
    def thumbnail(self, obj):
        if not obj.image:
            return ""
        return format_html('<img src="{}" alt="" width="120" style="height:auto">', obj.image.url)


@admin.register(SiteSettings)
class SiteSettingsAdmin(TabbedTranslationAdmin):
    def has_add_permission(self, request):
        return not SiteSettings.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False


# Sign-in to the admin is throttled against brute force (newsroom.throttle).
admin.site.login_form = ThrottledAdminAuthenticationForm
