"""modeltranslation registrations for the shared core: every human-readable text, bg and en."""

from modeltranslation.translator import TranslationOptions, register

from newsroom.models import Mandate, Municipality, Official, Page, Photo, Section, SiteSettings, Tag


@register(Municipality)
class MunicipalityTranslation(TranslationOptions):
    fields = ("name", "region", "press_contact")
    required_languages = ("bg",)


@register(Official)
class OfficialTranslation(TranslationOptions):
    fields = ("full_name", "bio")
    required_languages = ("bg",)


@register(Mandate)
class MandateTranslation(TranslationOptions):
    fields = ("note",)


@register(Section)
class SectionTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("bg",)


@register(Tag)
class TagTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("bg",)


@register(Photo)
class PhotoTranslation(TranslationOptions):
    fields = ("alt_text", "caption", "credit")


@register(SiteSettings)
class SiteSettingsTranslation(TranslationOptions):
    fields = ("site_name", "tagline", "modal_header", "modal_text")


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "body")
    required_languages = {"bg": ("title",)}
