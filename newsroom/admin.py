"""Admin for the shared core: municipalities, officials and mandates, sections, tags, photos,
site strings. Tabbed bg/en fields come from modeltranslation's TabbedTranslationAdmin."""

from django.contrib import admin
from django.db import transaction
from django.db.models import Q
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from newsroom import admin_accounts  # noqa: F401  (staff users and the login audit)
from newsroom.cache import purge_public_pages
from newsroom.models import (
    Mandate,
    Municipality,
    Official,
    Page,
    Photo,
    PressOfficeMembership,
    Section,
    SiteSettings,
    Tag,
)
from newsroom.throttle import ThrottledAdminAuthenticationForm


class PurgesPublicPages:
    """Admin for content readers see outside a story (site strings, the modal, places, people,
    sections, photos): saving or deleting it makes cached public pages stale, after commit."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        transaction.on_commit(purge_public_pages)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        transaction.on_commit(purge_public_pages)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        transaction.on_commit(purge_public_pages)


@admin.register(Municipality)
class MunicipalityAdmin(PurgesPublicPages, TabbedTranslationAdmin):
    list_display = ("name", "country", "region", "kind")
    list_filter = ("country", "kind")
    search_fields = ("name_bg", "name_en", "slug", "region_bg")
    readonly_fields = ("slug",)


class MandateInline(TranslationTabularInline):
    model = Mandate
    extra = 0
    autocomplete_fields = ("municipality",)


@admin.register(Official)
class OfficialAdmin(PurgesPublicPages, TabbedTranslationAdmin):
    list_display = ("full_name", "slug")
    search_fields = ("full_name_bg", "full_name_en", "slug")
    autocomplete_fields = ("portrait",)
    readonly_fields = ("slug",)
    inlines = [MandateInline]


@admin.register(Section)
class SectionAdmin(PurgesPublicPages, TabbedTranslationAdmin):
    list_display = ("name", "slug", "order")
    list_editable = ("order",)
    search_fields = ("name_bg", "name_en")
    readonly_fields = ("slug",)


@admin.register(Tag)
class TagAdmin(PurgesPublicPages, TabbedTranslationAdmin):
    list_display = ("name", "slug")
    search_fields = ("name_bg", "name_en", "slug")
    readonly_fields = ("slug",)


@admin.register(Photo)
class PhotoAdmin(PurgesPublicPages, TabbedTranslationAdmin):
    """The photo library. Its search also serves the photo autocomplete of article inlines, so a
    press officer finds a photo by caption, credit, alt text or the official it shows."""

    list_display = ("thumbnail", "caption", "alt_text", "credit", "licence", "width", "height", "created_at")
    list_display_links = ("thumbnail", "caption")
    list_filter = ("licence",)
    search_fields = (
        "caption_bg", "caption_en", "credit_bg", "credit_en", "alt_text_bg", "alt_text_en",
        # Officials quoted in the stories that use the photo (a lookup path, not an import).
        "articles__officials__full_name_bg", "articles__officials__full_name_en",
    )  # fmt: skip
    date_hierarchy = "created_at"
    readonly_fields = ("thumbnail", "width", "height", "uploaded_by", "created_at")

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    def get_search_results(self, request, queryset, search_term):
        filtered = queryset  # already narrowed by the list filters; keep them
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        terms = search_term.split()
        if terms:
            # Officials whose portrait it is: Official.portrait has no reverse accessor to search.
            officials = Official.objects.all()
            for term in terms:
                officials = officials.filter(
                    Q(full_name_bg__icontains=term) | Q(full_name_en__icontains=term)
                )
            portraits = officials.exclude(portrait=None).values("portrait")
            queryset |= filtered.filter(pk__in=portraits)
            may_have_duplicates = True
        return queryset, may_have_duplicates

    @admin.display(description=_("preview"))
    def thumbnail(self, obj):
        if not obj.image:
            return ""
        return format_html(
            '<img src="{}" alt="{}" width="120" loading="lazy" style="height:auto">',
            obj.image.url,
            obj.alt_text or "",
        )


@admin.register(SiteSettings)
class SiteSettingsAdmin(PurgesPublicPages, TabbedTranslationAdmin):
    def has_add_permission(self, request):
        return not SiteSettings.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PressOfficeMembership)
class PressOfficeMembershipAdmin(admin.ModelAdmin):
    """Which press centres a press officer writes for: what they may see and edit follows."""

    list_display = ("user", "municipality")
    list_filter = (("municipality", admin.RelatedOnlyFieldListFilter),)
    search_fields = ("user__username", "user__first_name", "user__last_name", "municipality__name_bg")
    autocomplete_fields = ("user", "municipality")
    list_select_related = ("user", "municipality")


@admin.register(Page)
class PageAdmin(PurgesPublicPages, TabbedTranslationAdmin):
    list_display = ("title", "kind", "updated_at")


# Sign-in to the admin is throttled against brute force (newsroom.throttle).
admin.site.login_form = ThrottledAdminAuthenticationForm
