"""The project's URLs plus views that fail, for the error-report and outage tests."""

from django.db import OperationalError
from django.urls import path

from newsroom.urls import urlpatterns as project_urlpatterns


def broken(request):
    raise ValueError("the press release parser broke")


def database_gone(request):
    raise OperationalError("connection refused")


urlpatterns = [
    path("broken/", broken),
    path("bg/gone/", database_gone),
    path("en/gone/", database_gone),
    *project_urlpatterns,
]
