"""Build an admin form's POST from the page itself, as a browser would, bypassing any editor."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    """Reads the fields of the form with id `form_id` (the admin's `<model>_form`)."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data: dict[str, list[str]] = {}
        self._textarea = None
        self._select = None
        self._select_first = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == self.form_id:
            self.inside = True
        if not self.inside or not a.get("name"):
            if tag == "option" and self._select is not None:
                self._option(a)
            return
        name = a["name"]
        if tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind in {"submit", "button", "image", "file", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in a:
                return
            self.data.setdefault(name, []).append(a.get("value") or ("on" if kind == "checkbox" else ""))
        elif tag == "textarea":
            self._textarea = name
            self.data.setdefault(name, []).append("")
        elif tag == "select":
            self._select, self._select_first = name, None
            self.data.setdefault(name, [])

    def _option(self, a):
        value = a.get("value", "")
        if self._select_first is None:
            self._select_first = value
        if "selected" in a:
            self.data[self._select].append(value)

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select" and self._select is not None:
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data


def admin_form_data(client, url: str, form_id: str, **overrides) -> dict:
    """The fields `url`'s form would send unchanged (management forms included), then `overrides`."""
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    reader = _FormReader(form_id)
    reader.feed(response.content.decode())
    data = {}
    for name, values in reader.data.items():
        if "__prefix__" in name:
            continue  # the empty template form of an inline
        if len(values) == 1:
            data[name] = values[0]
        elif values:
            data[name] = values
    data.update(overrides)
    return data
