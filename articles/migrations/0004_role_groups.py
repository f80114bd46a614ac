"""The four newsroom roles as permission groups. Users get them in the admin.

What a press officer or reporter may see is narrowed further by their press-office memberships
and authorship (`ArticleQuerySet.for_staff`); these groups only grant the model permissions.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

AUTHOR = [
    "articles.add_article", "articles.change_article", "articles.view_article",
    "articles.add_articlephoto", "articles.change_articlephoto", "articles.delete_articlephoto",
    "articles.view_articlephoto", "articles.view_articletransition", "articles.view_correction",
    "newsroom.view_municipality", "newsroom.view_official", "newsroom.view_section",
    "newsroom.view_tag", "newsroom.add_photo", "newsroom.change_photo", "newsroom.view_photo",
    "events.view_event",
]  # fmt: skip

EDITOR = AUTHOR + [
    "articles.delete_article", "articles.publish_article", "articles.add_correction",
    "articles.view_articlerevision", "newsroom.add_tag", "newsroom.change_tag",
    "newsroom.view_pressofficemembership",
]  # fmt: skip

ROLES = {"Press officer": AUTHOR, "Reporter": AUTHOR, "Editor": EDITOR}
SITE_ADMIN = "Site admin"


def create_role_groups(apps, schema_editor):
    # Permissions are created after migrations by default; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        for perm in perms:
            app_label, codename = perm.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
    site_admin, _created = Group.objects.get_or_create(name=SITE_ADMIN)
    site_admin.permissions.add(*Permission.objects.all())


def remove_role_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[*ROLES, SITE_ADMIN]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_workflow_history_revisions_presence"),
        ("newsroom", "0002_press_office_membership"),
        ("events", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("redirects", "0002_alter_redirect_new_path_help_text"),
        ("sites", "0002_alter_domain_unique"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("sessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_role_groups, remove_role_groups)]
