"""E-mail about the editorial workflow, sent by the services after their transaction commits.

Editors learn when a story is submitted for review; its author learns when it is published,
scheduled or sent back, with the editor's note. Mail is written in the site's default language
(Bulgarian). A mail server that is down is logged, never turned into an error page: the story's
move has already happened.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from articles.models import Article, ArticleTransition

logger = logging.getLogger(__name__)


def _admin_link(article: Article) -> str:
    return settings.SITE_URL + reverse("admin:articles_article_change", args=[article.pk])


def _send(subject: str, lines: list[str], recipients: list[str]) -> None:
    if not recipients:
        return
    try:
        send_mail(subject, "\n".join(lines), settings.DEFAULT_FROM_EMAIL, recipients)
    except Exception:  # noqa: BLE001 - the workflow step stands; the failure is logged
        logger.exception("could not send workflow mail %r to %s", subject, recipients)


def editors_emails() -> list[str]:
    users = get_user_model().objects.with_perm("articles.publish_article", include_superusers=False)
    return sorted({u.email for u in users.filter(is_active=True) if u.email})


def story_submitted(*, article_id: int, note: str = "") -> None:
    article = Article.objects.select_related("created_by", "owner_municipality").get(pk=article_id)
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("For review: %(title)s") % {"title": article.title_bg}
        lines = [
            _("A story was submitted for review by %(who)s.")
            % {"who": article.updated_by or article.created_by},
            "",
            article.title_bg,
        ]
        if article.owner_municipality:
            lines.append(_("Press centre: %(name)s") % {"name": article.owner_municipality.name_bg})
        if note:
            lines += ["", _("Note: %(note)s") % {"note": note}]
        lines += ["", _("Open it: %(url)s") % {"url": _admin_link(article)}]
        _send(subject, lines, editors_emails())


def author_told(*, article_id: int, action: str, note: str = "") -> None:
    article = Article.objects.select_related("created_by").get(pk=article_id)
    author = article.created_by
    if author is None or not author.is_active or not author.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        if action == ArticleTransition.Action.SEND_BACK:
            subject = _("Sent back to you: %(title)s") % {"title": article.title_bg}
            first = _("An editor sent your story back to draft.")
        elif action == ArticleTransition.Action.SCHEDULE:
            subject = _("Scheduled: %(title)s") % {"title": article.title_bg}
            first = _("Your story is scheduled for %(time)s.") % {
                "time": timezone.localtime(article.publish_at).strftime("%d.%m.%Y %H:%M")
            }
        else:
            subject = _("Published: %(title)s") % {"title": article.title_bg}
            first = _("Your story is published.")
        lines = [first, "", article.title_bg]
        if note:
            lines += ["", _("Note: %(note)s") % {"note": note}]
        lines += ["", _("Open it: %(url)s") % {"url": _admin_link(article)}]
        _send(subject, lines, [author.email])
