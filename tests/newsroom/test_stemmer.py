"""The light Bulgarian stemmer makes inflected forms meet, without merging unrelated words."""

import pytest

from newsroom.stemmer import stem, tokens


@pytest.mark.parametrize(
    "forms",
    [
        ["град", "града", "градът", "градове", "градовете"],
        ["сътрудничество", "сътрудничеството"],
        ["балкански", "балканските", "балканският"],
        ["училище", "училището", "училища", "училищата"],
        ["форум", "форума", "форумът"],
        ["кмет", "кмета", "кметът"],
    ],
)
def test_inflected_bulgarian_forms_share_a_stem(forms):
    assert len({stem(form, "bg") for form in forms}) == 1, {form: stem(form, "bg") for form in forms}


def test_different_words_keep_different_stems():
    assert stem("град", "bg") != stem("грях", "bg")
    assert stem("форум", "bg") != stem("формат", "bg")


def test_english_plurals_meet_their_singular():
    assert stem("cities", "en") == stem("city", "en")
    assert stem("forums", "en") == stem("forum", "en")


def test_tokens_are_lower_case_and_keep_numbers_and_latin_names():
    assert tokens("Форумът B40 в София", "bg") == ["форум", "b40", "в", stem("софия", "bg")]
    assert tokens("София", "bg") == tokens("Софията", "bg")
