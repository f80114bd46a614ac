"""Every write with side effects on a story: saving, the editorial workflow, corrections, revisions.

Each service is keyword-only and atomic; it locks the story's row, checks the actor against
`articles.rules` (raising `PermissionDenied`), refuses moves the workflow does not allow
(`ValidationError`), records what happened (`ArticleTransition`, `ArticleRevision`) and defers
its cache purge and e-mail until the transaction commits. The admin calls these; nothing else
changes a story's status.
"""

from datetime import datetime
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from articles import notifications, rules
from articles.models import Article, ArticleRevision, ArticleTransition, Correction
from newsroom.cache import purge_public_pages

Status = Article.Status
Action = ArticleTransition.Action


class EditConflict(Exception):
    """Someone else saved the story after the editor opened it; their save would be lost."""

    def __init__(self, current: Article):
        self.current = current
        super().__init__(f"article {current.pk} is at version {current.version}")


def _locked(article: Article) -> Article:
    return Article.objects.select_for_update().get(pk=article.pk)


def _record(article: Article, *, by, action: str, from_status: str, note: str = "") -> ArticleTransition:
    return ArticleTransition.objects.create(
        article=article, by=by, action=action, from_status=from_status, to_status=article.status, note=note
    )


def _store_revision(article: Article, *, by, note: str = "") -> ArticleRevision:
    last = article.revisions.aggregate(n=Max("number"))["n"] or 0
    return ArticleRevision.objects.create(
        article=article, number=last + 1, data=article.translated_values(), created_by=by, note=note
    )


def _after_commit_purge() -> None:
    transaction.on_commit(purge_public_pages)


def _require_editor(by) -> None:
    if not rules.is_editor(by):
        raise PermissionDenied(_("Only editors may do this."))


def _require_status(current: Article, *allowed: str) -> None:
    if current.status not in allowed:
        raise ValidationError(
            _("This cannot be done to a story that is “%(status)s”.") % {"status": current.workflow_label}
        )


def _apply(article: Article, current: Article) -> None:
    """Bring the caller's instance up to date with what the service wrote."""
    for field in ("status", "publish_at", "version", "updated_by_id", "updated_at", "created_by_id"):
        setattr(article, field, getattr(current, field))


@transaction.atomic
def article_save(*, article: Article, by, expected_version: int | None = None) -> Article:
    """Create or update a story's content. Status and publish time change only through the
    workflow services. A save based on an outdated version raises `EditConflict`; every save
    of a published story keeps a revision."""
    if article.pk is None:
        if not by.has_perm("articles.add_article"):
            raise PermissionDenied(_("You may not write stories."))
        rules.check_owner(by, article.owner_municipality)
        article.created_by = article.created_by or by
        article.status, article.publish_at = Status.DRAFT, None
        article.updated_by, article.version = by, 1
        article.save()
        _record(article, by=by, action=Action.CREATE, from_status="")
        return article

    current = _locked(article)
    if not rules.can_edit(by, current):
        raise PermissionDenied(_("You may not edit this story."))
    if article.owner_municipality_id != current.owner_municipality_id:
        rules.check_owner(by, article.owner_municipality)
    if expected_version is not None and expected_version != current.version:
        raise EditConflict(current)
    article.status, article.publish_at = current.status, current.publish_at
    article.created_by_id = current.created_by_id
    article.version = current.version + 1
    article.updated_by = by
    article.save()
    if article.status == Status.PUBLISHED:
        _store_revision(article, by=by)
        _after_commit_purge()
    return article


@transaction.atomic
def article_submit(*, article: Article, by, note: str = "") -> Article:
    """Draft → in review; the editors are told by e-mail."""
    current = _locked(article)
    if not rules.can_open(by, current):
        raise PermissionDenied(_("You may not submit this story."))
    _require_status(current, Status.DRAFT)
    if not rules.can_submit(by, current):
        raise PermissionDenied(_("You may not submit this story."))
    current.status, current.updated_by = Status.REVIEW, by
    current.save(update_fields=["status", "updated_by", "updated_at"])
    _record(current, by=by, action=Action.SUBMIT, from_status=Status.DRAFT, note=note)
    transaction.on_commit(partial(notifications.story_submitted, article_id=current.pk, note=note))
    _apply(article, current)
    return article


@transaction.atomic
def article_send_back(*, article: Article, by, note: str = "") -> Article:
    """In review → draft, with a note for the author, who is told by e-mail."""
    _require_editor(by)
    current = _locked(article)
    _require_status(current, Status.REVIEW)
    current.status, current.updated_by = Status.DRAFT, by
    current.save(update_fields=["status", "updated_by", "updated_at"])
    _record(current, by=by, action=Action.SEND_BACK, from_status=Status.REVIEW, note=note)
    transaction.on_commit(
        partial(notifications.author_told, article_id=current.pk, action=Action.SEND_BACK, note=note)
    )
    _apply(article, current)
    return article


@transaction.atomic
def article_publish(*, article: Article, by, at: datetime | None = None, note: str = "") -> Article:
    """Publish now, or schedule with a future `at`. A scheduled story may be re-timed until it
    goes live; one already live keeps its time (withdraw it instead)."""
    _require_editor(by)
    current = _locked(article)
    _require_status(current, Status.DRAFT, Status.REVIEW, Status.PUBLISHED)
    if current.status == Status.PUBLISHED and not current.is_scheduled:
        raise ValidationError(_("This story is already published."))
    now = timezone.now()
    at = at or now
    from_status = current.status
    current.status, current.publish_at, current.updated_by = Status.PUBLISHED, at, by
    current.version += 1
    current.save(update_fields=["status", "publish_at", "updated_by", "updated_at", "version"])
    action = Action.SCHEDULE if at > now else Action.PUBLISH
    _record(current, by=by, action=action, from_status=from_status, note=note)
    _store_revision(current, by=by, note=str(current.workflow_label))
    _after_commit_purge()
    transaction.on_commit(partial(notifications.author_told, article_id=current.pk, action=action, note=note))
    _apply(article, current)
    return article


@transaction.atomic
def article_withdraw(*, article: Article, by, note: str = "") -> Article:
    """Published (or scheduled) → withdrawn: gone from every public page at once."""
    _require_editor(by)
    current = _locked(article)
    _require_status(current, Status.PUBLISHED)
    current.status, current.updated_by = Status.WITHDRAWN, by
    current.version += 1
    current.save(update_fields=["status", "updated_by", "updated_at", "version"])
    _record(current, by=by, action=Action.WITHDRAW, from_status=Status.PUBLISHED, note=note)
    _after_commit_purge()
    _apply(article, current)
    return article


@transaction.atomic
def article_correct(*, article: Article, by, text_bg: str, text_en: str = "") -> Correction:
    """A public, timed correction note at the end of a published story."""
    _require_editor(by)
    current = _locked(article)
    _require_status(current, Status.PUBLISHED)
    if not (text_bg or "").strip():
        raise ValidationError(_("Write what was wrong and what is right, at least in Bulgarian."))
    correction = Correction.objects.create(
        article=current, text_bg=text_bg.strip(), text_en=(text_en or "").strip(), created_by=by
    )
    _record(current, by=by, action=Action.CORRECT, from_status=current.status, note=text_bg.strip())
    _after_commit_purge()
    return correction


@transaction.atomic
def revision_restore(*, revision: ArticleRevision, by) -> ArticleRevision:
    """Put a revision's text back. Restoring is itself a new revision; nothing is lost."""
    _require_editor(by)
    current = _locked(revision.article)
    for name, value in revision.data.items():
        if name in Article.translated_field_names():
            setattr(current, name, value)
    current.version += 1
    current.updated_by = by
    current.save()
    note = _("Restored from revision %(number)s") % {"number": revision.number}
    _record(current, by=by, action=Action.RESTORE, from_status=current.status, note=note)
    new = _store_revision(current, by=by, note=note)
    if current.status == Status.PUBLISHED:
        _after_commit_purge()
    return new
