"""modeltranslation registrations for events."""

from modeltranslation.translator import TranslationOptions, register

from events.models import Event


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("name", "venue", "organisers", "description")
    required_languages = ("bg",)
