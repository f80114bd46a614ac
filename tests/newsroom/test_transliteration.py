"""The Transliteration Act 2009, letter by letter, and the slugs made from it."""

import pytest

from newsroom.text import slugify_bg, transliterate

TABLE = [
    ("а", "a"), ("б", "b"), ("в", "v"), ("г", "g"), ("д", "d"), ("е", "e"), ("ж", "zh"),
    ("з", "z"), ("и", "i"), ("й", "y"), ("к", "k"), ("л", "l"), ("м", "m"), ("н", "n"),
    ("о", "o"), ("п", "p"), ("р", "r"), ("с", "s"), ("т", "t"), ("у", "u"), ("ф", "f"),
    ("х", "h"), ("ц", "ts"), ("ч", "ch"), ("ш", "sh"), ("щ", "sht"), ("ъ", "a"), ("ь", "y"),
    ("ю", "yu"), ("я", "ya"),
]  # fmt: skip


@pytest.mark.parametrize(("cyrillic", "latin"), TABLE)
def test_every_letter_of_the_table(cyrillic, latin):
    assert transliterate(cyrillic) == latin
    # Inside a word, too, where no word-final rule applies.
    assert transliterate(f"о{cyrillic}о") == f"o{latin}o"


@pytest.mark.parametrize(("cyrillic", "latin"), [(c.upper(), lat.capitalize()) for c, lat in TABLE])
def test_a_capital_letter_starts_a_capitalised_word(cyrillic, latin):
    assert transliterate(cyrillic + "о") == latin + "o"


def test_all_capitals_stay_all_capitals():
    assert transliterate("ЩИТ") == "SHTIT"
    assert transliterate("ЮЖЕН ЦЕНТЪР") == "YUZHEN TSENTAR"


@pytest.mark.parametrize(
    ("word", "expected"),
    [("София", "Sofia"), ("Шуменския", "Shumenskia"), ("ия", "ia"), ("Мария", "Maria")],
)
def test_word_final_iya_is_ia(word, expected):
    assert transliterate(word) == expected


def test_iya_inside_a_word_keeps_ya():
    assert transliterate("Ияков") == "Iyakov"
    assert transliterate("Сияна") == "Siyana"


def test_bulgaria_is_the_statutory_exception():
    assert transliterate("България") == "Bulgaria"
    assert transliterate("в България.") == "v Bulgaria."
    assert transliterate("БЪЛГАРИЯ") == "BULGARIA"
    # Other words built on the same stem follow the table.
    assert transliterate("български") == "balgarski"


def test_mixed_latin_digits_and_punctuation_pass_through():
    assert transliterate("Форум B40, 24–25 февруари 2025!") == "Forum B40, 24–25 fevruari 2025!"
    assert transliterate("iPhone и Стара Загора") == "iPhone i Stara Zagora"


def test_the_real_names_of_the_story():
    assert transliterate("Надежда Чакърова") == "Nadezhda Chakarova"
    assert transliterate("Стара Загора") == "Stara Zagora"
    assert transliterate("Екрем Имамоглу") == "Ekrem Imamoglu"


def test_slug_is_lowercase_ascii_with_hyphens():
    assert slugify_bg("Сътрудничеството между балканските градове") == (
        "satrudnichestvoto-mezhdu-balkanskite-gradove"
    )
    assert slugify_bg("Форум B40: „Балканите“ — 2025!") == "forum-b40-balkanite-2025"
    assert slugify_bg("Щъркел в ЯМБОЛ") == "shtarkel-v-yambol"


def test_long_slug_is_cut_at_a_word_boundary():
    slug = slugify_bg("дълга " * 40, max_length=30)
    assert len(slug) <= 30
    assert not slug.endswith("-")
    assert set(slug.split("-")) == {"dalga"}
