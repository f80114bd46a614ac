"""Preview links: the real public template, through an unguessable link that expires."""

import time
from unittest import mock

from django.urls import reverse

from articles.preview import MAX_AGE, preview_path, preview_token
from tests.factories import ArticleFactory


def test_preview_renders_a_draft_in_the_public_template_in_each_language(client, newsroom, draft):
    draft.title_en = "A draft in English"
    draft.save()
    response = client.get(preview_path(draft, language="bg"))  # anyone with the link, no login
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "articles/article_detail.html"
    assert response.context["article"] == draft and response.context["object"] == draft
    assert draft.title_bg in response.content.decode()
    assert "A draft in English" in client.get(preview_path(draft, language="en")).content.decode()
    assert "no-store" in response["Cache-Control"] and "noindex" in response["X-Robots-Tag"]
    assert client.get(draft.get_absolute_url()).status_code == 404  # the draft itself stays private


def test_forged_or_tampered_tokens_are_404(client, newsroom, draft):
    other = ArticleFactory(draft=True)
    token = preview_token(draft)
    assert client.get(f"/bg/preview/{token[:-2]}xy/").status_code == 404
    assert client.get(f"/bg/preview/{other.pk}/").status_code == 404
    assert client.get("/bg/preview/not-a-token/").status_code == 404
    assert str(draft.pk) not in token.split(":")[0] or len(token) > 20


def test_expired_link_is_404(client, newsroom, draft):
    path = preview_path(draft)
    assert client.get(path).status_code == 200
    with mock.patch("django.core.signing.time.time", return_value=time.time() + MAX_AGE + 60):
        assert client.get(path).status_code == 404


def test_link_of_a_deleted_story_is_404(client, newsroom, draft):
    path = preview_path(draft)
    draft.delete()
    assert client.get(path).status_code == 404


def test_change_form_offers_the_preview_links(client, newsroom, draft):
    client.force_login(newsroom.press)
    html = client.get(reverse("admin:articles_article_change", args=[draft.pk])).content.decode()
    assert 'class="preview-link" href="/bg/preview/' in html
    assert 'href="/en/preview/' in html
