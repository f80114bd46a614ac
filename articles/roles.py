"""The newsroom's four roles as permission groups: what each may do to which models.

Used by the data migration `0005_role_groups` (with the migration's historical `apps`) and by
tests that flush the database (with the real registry). `grant_roles` is idempotent. What a press
officer or reporter may see is narrowed further by `ArticleQuerySet.for_staff`; these groups only
grant the model permissions.
"""

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
SITE_ADMIN = "Site admin"  # every permission there is


def grant_roles(apps) -> None:
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
