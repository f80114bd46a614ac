"""modeltranslation registrations for articles: every human-readable field in bg and en."""

from modeltranslation.translator import TranslationOptions, register

from articles.models import Article, ArticlePhoto, Correction


@register(Article)
class ArticleTranslation(TranslationOptions):
    fields = ("title", "slug", "lead", "body", "dateline", "byline", "source", "background")
    required_languages = {"bg": ("title",)}


@register(ArticlePhoto)
class ArticlePhotoTranslation(TranslationOptions):
    fields = ("caption",)


@register(Correction)
class CorrectionTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = ("bg",)
