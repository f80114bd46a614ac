"""The public pages' CSS and JavaScript together stay under 50 KB."""

import re
from pathlib import Path

import pytest

from tests.factories import ArticleFactory

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 50 * 1024


@pytest.mark.django_db
def test_css_and_js_that_public_pages_load_stay_under_50_kb(client):
    ArticleFactory()
    html = client.get("/bg/").content.decode()
    assets = re.findall(r'(?:href|src)="/static/([^"]+\.(?:css|js))"', html)
    assert any(a.endswith(".css") for a in assets) and any(a.endswith(".js") for a in assets)
    total = sum((ROOT / "static" / asset).stat().st_size for asset in assets)
    assert total < BUDGET, f"{total} bytes in {assets}"
    # Everything under static/css and static/js (what any public page may load) fits as well.
    own = [*ROOT.glob("static/css/*.css"), *ROOT.glob("static/js/*.js")]
    assert sum(path.stat().st_size for path in own) < BUDGET
