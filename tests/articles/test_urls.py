"""Story URLs carry the number and the slug; any other spelling answers 301 to the canonical URL."""

import pytest
from django.utils import translation

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_canonical_url_has_language_number_and_slug(client):
    story = ArticleFactory(title_bg="Сътрудничеството между градовете")
    with translation.override("bg"):
        url = story.get_absolute_url()
    assert url == f"/bg/news/{story.pk}-satrudnichestvoto-mezhdu-gradovete/"
    response = client.get(url)
    assert response.status_code == 200
    assert "Сътрудничеството между градовете" in response.content.decode()


@pytest.mark.parametrize("wrong", ["stara-greshka", "satrudnichestvoto", "x"])
def test_changed_or_mistyped_slug_redirects_permanently(client, wrong):
    story = ArticleFactory(title_bg="Сътрудничеството между градовете")
    response = client.get(f"/bg/news/{story.pk}-{wrong}/")
    assert response.status_code == 301
    assert response["Location"] == f"/bg/news/{story.pk}-satrudnichestvoto-mezhdu-gradovete/"


def test_number_alone_redirects_to_the_canonical_url(client):
    story = ArticleFactory(title_en="Cooperation between cities")
    response = client.get(f"/en/news/{story.pk}/")
    assert response.status_code == 301
    assert response["Location"] == f"/en/news/{story.pk}-cooperation-between-cities/"


def test_unknown_number_is_404(client):
    assert client.get("/bg/news/999999-nyama/").status_code == 404


def test_draft_is_404_for_the_public_even_with_the_right_slug(client):
    story = ArticleFactory(draft=True, title_bg="Чернова")
    assert client.get(f"/bg/news/{story.pk}-chernova/").status_code == 404
