"""Admin sign-in throttle against brute force, counted in the database so all workers agree.

A username with LOGIN_FAILURE_LIMIT_USERNAME failures, or a client address with
LOGIN_FAILURE_LIMIT_ADDRESS failures, within LOGIN_FAILURE_WINDOW seconds is refused without
checking the password until enough of those failures age out. Attempts made while locked out
are not counted (they cannot succeed, and counting them would let an attacker grow the table).

The client address is REMOTE_ADDR. Behind a proxy, name the header it sets in
TRUSTED_PROXY_IP_HEADER (e.g. HTTP_X_FORWARDED_FOR): the right-most address in it that is not
one of TRUSTED_PROXIES is the client (addresses further left were written by the client and
prove nothing). Never configure the header without a proxy that sets it.
"""

import ipaddress
import math
from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils import timezone
from django.utils.translation import ngettext

from newsroom.models import LoginFailure


def _ip(value: str):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _trusted(address) -> bool:
    for entry in settings.TRUSTED_PROXIES:
        try:
            if address in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


def client_address(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or "0.0.0.0"
    header = settings.TRUSTED_PROXY_IP_HEADER
    if header and request.META.get(header):
        hops = [_ip(hop) for hop in request.META[header].split(",")]
        for hop in reversed(hops):
            if hop is None:
                # A malformed hop: nothing to its left can be trusted either.
                break
            if not _trusted(hop):
                return str(hop)
    return str(_ip(remote) or "0.0.0.0")


def _window_start():
    return timezone.now() - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW)


def seconds_locked(*, username: str, address: str) -> int:
    """0 when a sign-in may be tried; otherwise how long until it may."""
    since = _window_start()
    recent = LoginFailure.objects.filter(created_at__gt=since)
    wait = 0
    for field, value, limit in (
        ("username", username.lower(), settings.LOGIN_FAILURE_LIMIT_USERNAME),
        ("address", address, settings.LOGIN_FAILURE_LIMIT_ADDRESS),
    ):
        times = list(
            recent.filter(**{field: value})
            .order_by("-created_at")
            .values_list("created_at", flat=True)[:limit]
        )
        if len(times) >= limit:
            # Unlocked when the limit-th most recent failure leaves the window.
            unlock = times[-1] + timedelta(seconds=settings.LOGIN_FAILURE_WINDOW)
            wait = max(wait, math.ceil((unlock - timezone.now()).total_seconds()))
    return wait


def record_failure(*, username: str, address: str) -> None:
    LoginFailure.objects.filter(created_at__lte=_window_start()).delete()
    LoginFailure.objects.create(username=username.lower()[:150], address=address)


def clear_failures(*, username: str) -> None:
    """A successful sign-in forgives the username's failures (not the address's)."""
    LoginFailure.objects.filter(username=username.lower()).delete()


class ThrottledAdminAuthenticationForm(AdminAuthenticationForm):
    """The admin's sign-in form, refusing to check passwords while locked out."""

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        address = client_address(self.request) if self.request else "0.0.0.0"
        wait = seconds_locked(username=username, address=address)
        if wait:
            minutes = max(1, math.ceil(wait / 60))
            raise forms.ValidationError(
                ngettext(
                    "Too many failed sign-in attempts. Try again in %(minutes)d minute.",
                    "Too many failed sign-in attempts. Try again in %(minutes)d minutes.",
                    minutes,
                )
                % {"minutes": minutes},
                code="throttled",
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError as error:
            if self.cleaned_data.get("password"):
                record_failure(username=username, address=address)
            raise error
        clear_failures(username=username)
        return cleaned
