"""Preview links: signed, expiring, unguessable addresses of a story in the real public template.

The token is the story's id signed with the project's secret and a timestamp
(`django.core.signing`), so nothing is stored and a forged or expired token finds nothing.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "articles.preview"
MAX_AGE = 3 * 24 * 3600  # seconds: long enough for a weekend, short enough to go stale


def preview_token(article) -> str:
    return signing.dumps({"a": article.pk}, salt=SALT, compress=True)


def article_id_from_token(token: str) -> int | None:
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    article_id = data.get("a") if isinstance(data, dict) else None
    return article_id if isinstance(article_id, int) else None


def preview_path(article, *, language: str | None = None) -> str:
    from django.utils import translation

    with translation.override(language or settings.LANGUAGE_CODE):
        return reverse("article_preview", kwargs={"token": preview_token(article)})
