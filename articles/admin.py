"""Admin for articles: tabbed bg/en fields, photo inlines, filters and search."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from articles.models import Article, ArticlePhoto


class ArticlePhotoInline(TranslationTabularInline):
    model = ArticlePhoto
    extra = 0
    autocomplete_fields = ("photo",)


@admin.register(Article)
class ArticleAdmin(TabbedTranslationAdmin):
    list_display = ("title", "status", "publish_at", "section", "owner_municipality", "has_english")
    list_filter = ("status", "priority", "section", "owner_municipality", "events")
    search_fields = ("title_bg", "title_en", "lead_bg", "lead_en")
    date_hierarchy = "publish_at"
    autocomplete_fields = ("section", "tags", "owner_municipality", "municipalities", "officials", "events")
    readonly_fields = ("created_by", "created_at", "updated_at")
    inlines = [ArticlePhotoInline]

    @admin.display(boolean=True, description=_("English"))
    def has_english(self, obj):
        return obj.has_language("en")
