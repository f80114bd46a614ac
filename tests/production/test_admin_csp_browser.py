"""The admin, modeltranslation's language tabs included, works under the Content Security Policy."""

import pytest

from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    "page",
    ["/admin/newsroom/municipality/add/", "/admin/articles/article/add/", "/admin/newsroom/official/add/"],
)
def test_admin_forms_run_their_scripts_and_tabs_without_csp_violations(chromium, live_server, page):
    UserFactory(username="csp-editor", is_superuser=True)
    context = chromium.new_context(locale="en-US")
    browser_page = context.new_page()
    console = []
    browser_page.on("console", lambda message: console.append(message.text))
    browser_page.goto(f"{live_server.url}/admin/login/")
    browser_page.fill("#id_username", "csp-editor")
    browser_page.fill("#id_password", "pw-for-tests-1")
    browser_page.click("input[type=submit]")
    browser_page.wait_for_url(f"{live_server.url}/admin/")

    response = browser_page.goto(f"{live_server.url}{page}")
    assert "Content-Security-Policy" in response.headers or "content-security-policy" in response.headers
    browser_page.wait_for_load_state("networkidle")
    # modeltranslation's script turned the bg/en fields into tabs (jQuery UI adds its classes).
    assert browser_page.locator(".ui-tabs-nav").count() > 0
    violations = [text for text in console if "Content Security Policy" in text or "Refused to" in text]
    assert violations == []
    context.close()
