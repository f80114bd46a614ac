"""Pre-publish checks: what an editor should see before a story goes out.

They warn, they do not block: an editor may publish a story without an English version on
purpose. Each warning is one sentence a tired editor understands at 23:00.
"""

from django.utils.translation import gettext as _

from articles.models import Article

LEAD_MAX = 300


def _same(a: str, b: str) -> bool:
    return bool(a) and " ".join(a.split()).casefold() == " ".join((b or "").split()).casefold()


def prepublish_warnings(article: Article) -> list[str]:
    warnings = []
    has_english = article.has_language("en")
    for link in article.article_photos.select_related("photo"):
        photo, name = link.photo, str(link.photo)
        if not (photo.alt_text_bg or "").strip():
            warnings.append(_("Photo “%(photo)s” has no alt text.") % {"photo": name})
        elif has_english and not (photo.alt_text_en or "").strip():
            warnings.append(_("Photo “%(photo)s” has no English alt text.") % {"photo": name})
        if _same(photo.alt_text_bg, article.title_bg) or _same(photo.alt_text_en, article.title_en):
            warnings.append(
                _("The alt text of photo “%(photo)s” repeats the headline; describe the photo.")
                % {"photo": name}
            )
    if not has_english:
        warnings.append(_("There is no English version."))
    for lang, label in (("bg", _("Bulgarian")), ("en", _("English"))):
        lead = getattr(article, f"lead_{lang}") or ""
        if len(lead) > LEAD_MAX:
            warnings.append(
                _("The %(language)s lead is %(length)s characters long; keep it within %(max)s.")
                % {"language": label, "length": len(lead), "max": LEAD_MAX}
            )
    if article.section_id is None:
        warnings.append(_("The story has no section."))
    if not (article.dateline_bg or "").strip():
        warnings.append(_("The dateline is missing."))
    return warnings
