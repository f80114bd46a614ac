"""Pre-publish checks: each problem an editor should see before a story goes out."""

from django.utils import translation

from articles.checks import prepublish_warnings
from tests.factories import ArticleFactory, ArticlePhotoFactory, PhotoFactory, SectionFactory


def warnings_for(article):
    with translation.override("en"):
        return prepublish_warnings(article)


def test_a_complete_story_passes(db):
    story = ArticleFactory(dateline_bg="София", section=SectionFactory())
    ArticlePhotoFactory(article=story)
    assert warnings_for(story) == []


def test_photo_without_alt_text_is_flagged(db):
    story = ArticleFactory(dateline_bg="София")
    ArticlePhotoFactory(
        article=story, photo=PhotoFactory(alt_text_bg="", caption_bg="Площадът", caption_en="Площадът")
    )
    assert warnings_for(story) == ["Photo “Площадът” has no alt text."]


def test_missing_english_alt_text_matters_only_with_an_english_version(db):
    story = ArticleFactory(dateline_bg="София")
    ArticlePhotoFactory(
        article=story, photo=PhotoFactory(alt_text_en="", caption_bg="Площадът", caption_en="Площадът")
    )
    assert warnings_for(story) == ["Photo “Площадът” has no English alt text."]
    story.title_en = ""
    story.save()
    assert warnings_for(story) == ["There is no English version."]


def test_alt_text_that_repeats_the_headline_is_flagged(db):
    story = ArticleFactory(dateline_bg="София", title_bg="Кметът откри моста")
    ArticlePhotoFactory(
        article=story,
        photo=PhotoFactory(alt_text_bg="  кметът откри  моста ", caption_bg="М", caption_en="М"),
    )
    assert warnings_for(story) == ["The alt text of photo “М” repeats the headline; describe the photo."]


def test_long_lead_no_section_and_no_dateline_are_flagged(db):
    story = ArticleFactory(dateline_bg="", section=None, lead_en="x" * 301, lead_bg="к" * 300)
    assert warnings_for(story) == [
        "The English lead is 301 characters long; keep it within 300.",
        "The story has no section.",
        "The dateline is missing.",
    ]
