"""Admin for staff accounts: leavers are deactivated, never deleted; the login audit is read-only.

Imported by `newsroom.admin`. Deleting a user would orphan (SET_NULL) or block (PROTECT) the
stories and history that name them, so the admin offers "Deactivate" instead of "Delete".
"""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from newsroom.models import LoginAudit, PressOfficeMembership

User = get_user_model()


class PressOfficeMembershipInline(admin.TabularInline):
    """A press officer's municipalities, set on their account page."""

    model = PressOfficeMembership
    extra = 0
    autocomplete_fields = ("municipality",)


class StaffUserAdmin(UserAdmin):
    inlines = [PressOfficeMembershipInline]
    list_display = ("username", "email", "first_name", "last_name", "is_active", "is_staff", "last_login")
    list_filter = ("is_active", "is_staff", "is_superuser", "groups")
    actions = ["deactivate", "reactivate"]

    def has_delete_permission(self, request, obj=None):
        # A leaver is deactivated: their stories, corrections and history keep their name.
        # (This also removes the "delete selected" action, which needs the delete permission.)
        return False

    @admin.action(description=_("Deactivate the selected users (they can no longer sign in)"))
    def deactivate(self, request, queryset):
        queryset = queryset.filter(is_active=True)
        if request.user.pk in set(queryset.values_list("pk", flat=True)):
            self.message_user(request, _("You cannot deactivate your own account."), messages.ERROR)
            return
        count = queryset.update(is_active=False)
        self.message_user(
            request,
            ngettext(
                "%(count)d user deactivated; their stories and history are kept.",
                "%(count)d users deactivated; their stories and history are kept.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Reactivate the selected users"))
    def reactivate(self, request, queryset):
        count = queryset.filter(is_active=False).update(is_active=True)
        self.message_user(
            request,
            ngettext("%(count)d user reactivated.", "%(count)d users reactivated.", count) % {"count": count},
            messages.SUCCESS,
        )


if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, StaffUserAdmin)


@admin.register(LoginAudit)
class LoginAuditAdmin(admin.ModelAdmin):
    """Who tried to sign in, when, from where, and whether it worked. Only those with the
    `newsroom.view_loginaudit` permission (site admins, superusers) see it; nobody edits it."""

    list_display = ("at", "username", "user", "succeeded", "ip_address", "user_agent")
    list_filter = ("succeeded",)
    search_fields = ("username", "ip_address")
    date_hierarchy = "at"
    list_select_related = ("user",)

    def has_view_permission(self, request, obj=None):
        # Not implied by a change permission someone might have been given by mistake.
        return request.user.is_active and request.user.has_perm("newsroom.view_loginaudit")

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
