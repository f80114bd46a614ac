"""Template context shared by every page: the press office's site strings."""

from newsroom.models import SiteSettings


def site(request):
    return {"site_settings": SiteSettings.load()}
