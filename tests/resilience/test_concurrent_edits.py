"""Editors saving the same story at the same moment lose nothing: exactly one save wins, every
other editor is told and keeps their text, on PostgreSQL with real concurrent transactions."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

from tests.factories import ArticleFactory
from tests.roles import change_data

EDITORS = 4


# Real commits, seen by each thread's own connection (the database is flushed afterwards).
@pytest.mark.django_db(transaction=True)
def test_editors_saving_at_the_same_moment_lose_nothing(settings):
    if connection.vendor != "postgresql":
        pytest.skip("Concurrent transactions need PostgreSQL (SQLite serialises writers).")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    article = ArticleFactory(draft=True, title_bg="Начало")
    url = f"/admin/articles/article/{article.pk}/change/"
    editors = []
    for n in range(EDITORS):
        client = Client(HTTP_ACCEPT_LANGUAGE="en")
        client.force_login(
            get_user_model().objects.create_superuser(f"editor-{n}", f"editor{n}@example.com", "pw")
        )
        base_version = client.get(url).context["adminform"].form["base_version"].value()
        editors.append((client, base_version))

    start = threading.Barrier(EDITORS)
    responses = {}

    def save(n):
        client, base_version = editors[n]
        data = change_data(article, title_bg=f"Версия на редактор {n}", base_version=base_version)
        start.wait()
        try:
            responses[n] = client.post(url, data)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(n,)) for n in range(EDITORS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    statuses = sorted(response.status_code for response in responses.values())
    assert statuses == [200] * (EDITORS - 1) + [302]
    winner = next(n for n, response in responses.items() if response.status_code == 302)
    article.refresh_from_db()
    assert article.title_bg == f"Версия на редактор {winner}"
    assert article.version == 2
    for n, response in responses.items():
        if n != winner:
            html = response.content.decode()
            assert "NOT saved" in html
            assert f'value="Версия на редактор {n}"' in html  # their text is still in the form
