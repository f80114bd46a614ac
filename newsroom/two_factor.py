"""A second factor (TOTP, with django-otp) for those who can publish: editors and site admins.

A stolen editor password must not be enough to publish fake news under the agency's name. Staff
who are superusers or in one of `settings.SECOND_FACTOR_GROUPS` sign in with their password as
usual, and then `SecondFactorMiddleware` keeps them out of every admin page until they have
entered a code from their authenticator app in this session: on `verify` if they have a device,
on `setup` (enrolment: a QR code, the otpauth:// address and the secret as text) if not yet.

`settings.REQUIRE_2FA` switches it (on by default in production, off with DEBUG so the demo
logins of `make run` keep working). django-otp's device throttles wrong codes by itself.
"""

from base64 import b32encode
from urllib.parse import quote

import segno
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "authenticator"


def requires_second_factor(user) -> bool:
    """Whether `user` must present a one-time code before using the admin."""
    if not getattr(settings, "REQUIRE_2FA", False):
        return False
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=settings.SECOND_FACTOR_GROUPS).exists()


def _is_verified(request) -> bool:
    is_verified = getattr(request.user, "is_verified", None)
    return bool(is_verified and is_verified())


class SecondFactorMiddleware:
    """Sends editors and site admins without a verified code from any admin page to verify or
    enrol. Placed after django-otp's OTPMiddleware, which gives `request.user.is_verified()`."""

    # Pages of the admin a signed-in user may reach before the second factor: signing in and
    # out, resetting a password, and the second-factor pages themselves.
    OPEN_URL_NAMES = (
        "admin:login",
        "admin:logout",
        "second_factor_setup",
        "second_factor_verify",
        "admin_password_reset",
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_verify(request):
            has_device = user_has_device(request.user, confirmed=True)
            target = reverse("second_factor_verify" if has_device else "second_factor_setup")
            return HttpResponseRedirect(f"{target}?{REDIRECT_FIELD_NAME}={_quoted(request.get_full_path())}")
        return self.get_response(request)

    def _must_verify(self, request) -> bool:
        admin_root = reverse("admin:index")
        if not request.path.startswith(admin_root):
            return False
        open_paths = tuple(reverse(name) for name in self.OPEN_URL_NAMES if _reversible(name))
        if request.path.startswith(open_paths) or request.path.startswith(admin_root + "password-reset/"):
            return False
        return requires_second_factor(request.user) and not _is_verified(request)


def _reversible(name: str) -> bool:
    try:
        reverse(name)
    except NoReverseMatch:
        return False
    return True


def _quoted(path: str) -> str:
    return quote(path, safe="/")


def _next_url(request) -> str:
    """Where to go after the code: the page asked for, if it is ours; else the admin's index."""
    candidate = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("admin:index")


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code from your authenticator app"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, *args, user, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = device

    def clean_token(self):
        token = self.cleaned_data["token"].strip().replace(" ", "")
        if not token.isdigit():
            raise forms.ValidationError(_("The code is the 6 digits your authenticator app shows."))
        if self.device is not None:
            matched = self.device if self.device.verify_token(token) else None
        else:
            matched = match_token(self.user, token)
        if matched is None:
            raise forms.ValidationError(
                _("That code is wrong or has expired. Enter the code your app shows now.")
            )
        self.device = matched
        return token


def _staff_only(view):
    """Signed-in staff only; anyone else goes to the admin's login page."""
    return never_cache(login_required(view, login_url="admin:login"))


@_staff_only
def setup(request):
    """Enrolment: shows a new secret as a QR code and as text, and confirms it with one code."""
    if not request.user.is_staff:
        return redirect("admin:login")
    if user_has_device(request.user, confirmed=True):
        # Replacing a device needs the old one: a stolen password must not enrol a new phone.
        return redirect(
            f"{reverse('second_factor_verify')}?{REDIRECT_FIELD_NAME}={_quoted(_next_url(request))}"
        )
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=DEVICE_NAME, confirmed=False)
    form = TokenForm(request.POST or None, user=request.user, device=device)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        return redirect(_next_url(request))
    uri = device.config_url
    context = {
        "title": _("Set up your second factor"),
        "form": form,
        "otpauth_uri": uri,
        "secret": _base32_secret(device),
        "qr_svg": segno.make(uri, error="m").svg_inline(scale=4, dark="#000", light="#fff"),
        "next": _next_url(request),
    }
    return render(request, "admin/second_factor/setup.html", {**admin.site.each_context(request), **context})


@_staff_only
def verify(request):
    """The code for this session, from a device enrolled earlier."""
    if not user_has_device(request.user, confirmed=True):
        return redirect(
            f"{reverse('second_factor_setup')}?{REDIRECT_FIELD_NAME}={_quoted(_next_url(request))}"
        )
    form = TokenForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.device)
        return redirect(_next_url(request))
    context = {"title": _("Enter your code"), "form": form, "next": _next_url(request)}
    return render(request, "admin/second_factor/verify.html", {**admin.site.each_context(request), **context})


def _base32_secret(device) -> str:
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
