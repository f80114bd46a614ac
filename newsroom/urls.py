"""Project URLs: the admin at /admin/, public pages under /bg/ and /en/, and at the root what
search engines ask for there: sitemaps and robots.txt."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views import defaults
from django.views.decorators.cache import never_cache

from articles import sitemaps, views
from newsroom import health, two_factor
from newsroom.accounts import StaffPasswordResetView
from newsroom.cache import public_page

# Password reset by e-mail from the admin's login page (Django's views; the names are the ones
# the admin's templates look for). They come before the admin so its catch-all does not take them.
password_reset_patterns = [
    path("admin/password-reset/", StaffPasswordResetView.as_view(), name="admin_password_reset"),
    path(
        "admin/password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "admin/password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "admin/password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
SITEMAPS = sitemaps.sitemaps()

# The second factor for editors and site admins, before the admin's catch-all too.
second_factor_patterns = [
    path("admin/second-factor/setup/", two_factor.setup, name="second_factor_setup"),
    path("admin/second-factor/verify/", two_factor.verify, name="second_factor_verify"),
]

urlpatterns = [
    *password_reset_patterns,
    *second_factor_patterns,
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("robots.txt", public_page(views.robots_txt), name="robots_txt"),
    path("sitemap.xml", public_page(sitemap_views.index), {"sitemaps": SITEMAPS}, name="sitemap_index"),
    path(
        "sitemap-<section>.xml",
        public_page(sitemaps.sitemap_section),
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("news-sitemap.xml", public_page(sitemaps.news_sitemap), name="news_sitemap"),
]

urlpatterns += i18n_patterns(
    path("", include("articles.urls")),
    prefix_default_language=True,
)

if settings.BENCH_ENDPOINTS:
    from bench.views import bare

    urlpatterns.insert(0, path("bench/bare/", bare))

handler404 = "articles.views.page_not_found"
handler500 = "articles.views.server_error"
# A bad Host header (and any other bad request) is answered 400 and never stored by anyone.
handler400 = never_cache(defaults.bad_request)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
