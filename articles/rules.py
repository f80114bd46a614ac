"""Who may do what to a story. One place, used by the services (which enforce it) and the admin
(which narrows querysets and shows only the buttons that would work).

Roles are groups of model permissions (migration `0005_role_groups`); the rules below read
permissions, never group names:

- editors hold `articles.publish_article`: they open and edit every story and move it through
  the whole workflow;
- press officers and reporters hold `articles.change_article`: they open the stories they wrote
  and those of their press offices' municipalities (`ArticleQuerySet.for_staff`), edit them while
  they are drafts, and submit them for review.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from articles.models import Article
from newsroom.models import Municipality, PressOfficeMembership


def is_editor(user) -> bool:
    return bool(user and user.is_active and user.is_staff and user.has_perm("articles.publish_article"))


def can_open(user, article: Article) -> bool:
    return article.pk is not None and Article.objects.for_staff(user).filter(pk=article.pk).exists()


def can_edit(user, article: Article) -> bool:
    """Edit the story's text. Authors lose the pen once the story goes to review."""
    if not can_open(user, article) or not user.has_perm("articles.change_article"):
        return False
    return is_editor(user) or article.status == Article.Status.DRAFT


def can_submit(user, article: Article) -> bool:
    return article.status == Article.Status.DRAFT and can_edit(user, article)


def can_run_workflow(user, article: Article) -> bool:
    """Send back, publish, schedule, withdraw, correct, restore: editors only."""
    return is_editor(user) and article.pk is not None


def owner_municipalities(user):
    """The municipalities `user` may set as a story's owner: theirs, or any for an editor."""
    if is_editor(user):
        return Municipality.objects.all()
    ids = PressOfficeMembership.objects.municipality_ids_of(user)
    if ids:
        return Municipality.objects.filter(pk__in=ids)
    return Municipality.objects.all()  # a reporter writes for the agency, about any place


def check_owner(user, municipality: Municipality | None) -> None:
    """A press officer writes only for their own municipalities' press centres."""
    if is_editor(user):
        return
    ids = PressOfficeMembership.objects.municipality_ids_of(user)
    if ids and (municipality is None or municipality.pk not in ids):
        raise PermissionDenied(_("You may only write stories for your own municipality's press centre."))
