"""Project URLs: the admin at /admin/, public pages under /bg/ and /en/, health checks at the root."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views import defaults
from django.views.decorators.cache import never_cache

from newsroom import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("", include("articles.urls")),
    prefix_default_language=True,
)

# A bad Host header (and any other bad request) is answered 400 and never stored by anyone.
handler400 = never_cache(defaults.bad_request)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
