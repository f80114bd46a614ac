"""The four newsroom roles as permission groups. Users get them in the admin.

What a press officer or reporter may see is narrowed further by their press-office memberships
and authorship (`ArticleQuerySet.for_staff`); these groups only grant the model permissions.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from articles.roles import ROLES, SITE_ADMIN, grant_roles


def create_role_groups(apps, schema_editor):
    # Permissions are created after migrations by default; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    grant_roles(apps)


def remove_role_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[*ROLES, SITE_ADMIN]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_workflow_history_revisions_presence"),
        ("newsroom", "0005_login_failure"),
        ("events", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("redirects", "0002_alter_redirect_new_path_help_text"),
        ("sites", "0002_alter_domain_unique"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("sessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_role_groups, remove_role_groups)]
