"""Hostile plain text: huge headlines, NUL bytes, bidi overrides, zero-width characters and
Cyrillic look-alikes get a clear form error or are normalised; never a database error."""

import pytest
from django.contrib.auth import get_user_model

from articles.models import Article
from newsroom.models import Municipality, Tag
from newsroom.text import normalize_plain_text
from tests.factories import ArticleFactory, MunicipalityFactory
from tests.security.admin_forms import admin_form_data

pytestmark = pytest.mark.django_db

ADD = "/admin/articles/article/add/"
BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\ufeff"]


@pytest.fixture
def chief(client):
    user = get_user_model().objects.create_superuser("chief", "chief@example.com", "pw")
    client.force_login(user)
    return user


def test_a_ten_thousand_character_headline_is_a_form_error(client, chief):
    data = admin_form_data(client, ADD, "article_form", title_bg="Щ" * 10_000)
    response = client.post(ADD, data)
    assert response.status_code == 200
    assert "Ensure this value has at most 300 characters (it has 10000)." in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    "field", ["title_bg", "title_en", "lead_bg", "body_bg", "background_en", "dateline_bg"]
)
def test_a_nul_byte_in_any_article_field_is_a_form_error(client, chief, field):
    data = admin_form_data(client, ADD, "article_form", title_bg="Новина")
    data[field] = "Нула\x00байт"
    response = client.post(ADD, data)
    assert response.status_code == 200
    assert "Null characters are not allowed." in response.content.decode()
    assert not Article.objects.exists()


def test_a_nul_byte_written_by_code_is_removed_not_a_database_error():
    """Services and imports do not go through forms; PostgreSQL cannot store NUL at all."""
    article = ArticleFactory(title_bg="Нула\x00байт", lead_en="zero\x00byte")
    article.refresh_from_db()
    assert article.title_bg == "Нулабайт"
    assert article.lead_en == "zerobyte"


@pytest.mark.parametrize("char", BIDI + ZERO_WIDTH, ids=lambda c: f"U+{ord(c):04X}")
def test_invisible_characters_are_removed_from_headlines_and_slugs(client, chief, char):
    title_bg = f"Стара{char} Загора{char} приема форума"
    title_en = f"{char}Stara Zagora{char} hosts the forum"
    data = admin_form_data(client, ADD, "article_form", title_bg=title_bg, title_en=title_en)
    assert client.post(ADD, data).status_code == 302
    article = Article.objects.get()
    assert article.title_bg == "Стара Загора приема форума"
    assert article.title_en == "Stara Zagora hosts the forum"
    assert article.slug_bg == "stara-zagora-priema-foruma"
    assert article.slug_en == "stara-zagora-hosts-the-forum"


def test_a_right_to_left_override_cannot_disguise_a_name(client, chief):
    """ "\u202egpj.exe" shows as "exe.jpg"; stored, it is the plain text it really is."""
    data = admin_form_data(client, "/admin/newsroom/tag/add/", "tag_form", name_bg="\u202eгпж.ехе")
    assert client.post("/admin/newsroom/tag/add/", data).status_code == 302
    tag = Tag.objects.get()
    assert tag.name_bg == "гпж.ехе"
    assert tag.slug == "gpzhehe"


def test_names_of_places_lose_invisible_characters_too():
    place = MunicipalityFactory(name_bg="Со\u200bфия\u2066", name_en="\ufeffSofia")
    place.refresh_from_db()
    assert (place.name_bg, place.name_en) == ("София", "Sofia")
    assert Municipality.objects.filter(name_bg="София").exists()


def test_decomposed_letters_are_stored_composed():
    """ "й" typed as и + combining breve is stored as the one letter, so search and sorting agree."""
    assert normalize_plain_text("Благоевградски\u0306") != "Благоевградски\u0306"
    article = ArticleFactory(title_bg="Краи\u0306на")
    article.refresh_from_db()
    assert article.title_bg == "Крайна"


@pytest.mark.parametrize("slug", ["sоfia", "ѕofia", "stara-zаgora", "софия"], ids=["o", "dze", "a", "all"])
def test_a_slug_with_cyrillic_look_alikes_is_a_form_error(client, chief, slug):
    data = admin_form_data(client, ADD, "article_form", title_bg="Новина", slug_bg=slug)
    response = client.post(ADD, data)
    assert response.status_code == 200
    assert "Enter a valid “slug”" in response.content.decode()
    assert not Article.objects.exists()


def test_cyrillic_look_alikes_in_an_english_headline_give_a_latin_slug():
    article = ArticleFactory(title_en="Sоfia summit in Stara Zаgora")  # о and а are Cyrillic
    assert article.slug_en == "sofia-summit-in-stara-zagora"


@pytest.mark.parametrize(
    "path",
    [
        "/bg/news/%00/",
        "/bg/tag/%E2%80%AEevil/",
        "/bg/section/%00x/",
        "/en/news/99999999999999999999-x/",
    ],
)
def test_hostile_public_urls_are_not_found_never_an_error(client, path):
    ArticleFactory()
    assert client.get(path).status_code == 404


def test_a_nul_byte_in_a_storys_slug_redirects_to_its_address(client):
    article = ArticleFactory()
    response = client.get(f"/bg/news/{article.pk}-a%00b/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()
