"""Staff accounts: the login audit and the admin's password reset by e-mail.

The audit is written from Django's own `user_logged_in` / `user_login_failed` signals (the only
hook Django gives for every sign-in, whichever view or backend handled it) through
`login_audit_record`. It is a record, not a throttle: limiting attempts is the login view's job.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from newsroom.models import LoginAudit, SiteSettings
from newsroom.throttle import client_address


def client_ip(request) -> str | None:
    """The client's address, read as the login throttle reads it (`newsroom.throttle`):
    REMOTE_ADDR, or the right-most untrusted hop of TRUSTED_PROXY_IP_HEADER when settings name
    one; otherwise anyone could claim any address. None when there is no usable address."""
    if request is None:
        return None
    address = client_address(request)
    return None if address == "0.0.0.0" else address


def _printable(value, limit: int) -> str:
    # PostgreSQL refuses NUL in text; control characters have no business in a user name.
    return "".join(ch for ch in str(value or "") if ch.isprintable())[:limit]


def login_audit_record(*, request, username: str, succeeded: bool, user=None) -> LoginAudit:
    """Record one sign-in attempt."""
    username = _printable(username, 150)
    if user is None and username:
        user = get_user_model()._default_manager.filter(**{get_user_model().USERNAME_FIELD: username}).first()
    user_agent = request.META.get("HTTP_USER_AGENT", "") if request is not None else ""
    return LoginAudit.objects.create(
        user=user,
        username=username,
        succeeded=succeeded,
        ip_address=client_ip(request),
        user_agent=_printable(user_agent, 300),
    )


@receiver(user_logged_in, dispatch_uid="newsroom_login_audit_success")
def _audit_login(sender, request, user, **kwargs):
    login_audit_record(request=request, username=user.get_username(), succeeded=True, user=user)


@receiver(user_login_failed, dispatch_uid="newsroom_login_audit_failure")
def _audit_login_failure(sender, credentials, request=None, **kwargs):
    username = credentials.get(get_user_model().USERNAME_FIELD) or credentials.get("username", "")
    login_audit_record(request=request, username=username, succeeded=False)


class StaffPasswordResetView(auth_views.PasswordResetView):
    """Django's reset view, with links built from SITE_URL rather than the Sites framework's
    "example.com", and the press office's site name in the message."""

    email_template_name = "registration/password_reset_email.html"
    subject_template_name = "registration/password_reset_subject.txt"

    @property
    def extra_email_context(self):
        return {"site_url": settings.SITE_URL, "site_name": SiteSettings.load().site_name}
