"""The press office's admin for stories.

Declarative where Django allows it (list columns, filters, search, autocomplete, tabbed bg/en
fields), with a few views of its own for the editorial workflow: a confirmation page per
transition (the publish page shows the pre-publish checks), corrections, revisions with a diff
and restore, preview links, and who else has the story open. Every write goes through
`articles.services`; what a user sees is narrowed by `ArticleQuerySet.for_staff` and
`articles.rules`, so a forbidden story answers 403/404 however it is reached.
"""

from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from articles import rules, services
from articles.checks import prepublish_warnings
from articles.diff import revision_diff
from articles.models import (
    Article,
    ArticlePhoto,
    ArticlePresence,
    ArticleRevision,
    ArticleTransition,
    Correction,
)
from articles.preview import MAX_AGE as PREVIEW_MAX_AGE
from articles.preview import preview_path

Status = Article.Status
PRESENCE_WINDOW = timedelta(seconds=90)


# --- Forms -----------------------------------------------------------------------------------


class ArticleAdminForm(forms.ModelForm):
    """The story form. `base_version` is the version the editor opened; a save based on an
    older one is refused with who saved in between, and the editor's text stays in the form."""

    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        fields = "__all__"  # noqa: DJ007 - the admin narrows them to its fieldsets

    conflict = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["base_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        base = cleaned.get("base_version")
        if self.instance.pk and base is not None:
            # The admin's change view runs in a transaction: the lock holds until the save.
            current = Article.objects.select_for_update().get(pk=self.instance.pk)
            if current.version != base:
                self.conflict = current
                # Saving again, now knowingly, is based on the version just shown.
                self.data = self.data.copy()
                self.data[self.add_prefix("base_version")] = current.version
                who = current.updated_by.get_full_name() or current.updated_by.username if (
                    current.updated_by
                ) else gettext("someone")  # fmt: skip
                raise ValidationError(
                    gettext(
                        "%(who)s saved this story at %(time)s, after you opened it. Your changes are "
                        "NOT saved; they are kept in the form below. Compare them with the newer "
                        "version, then save again to replace it."
                    )
                    % {"who": who, "time": timezone.localtime(current.updated_at).strftime("%H:%M:%S")},
                    code="edit_conflict",
                )
        return cleaned

    def conflict_diff(self):
        """What the editor's text changes against the version saved in between."""
        if self.conflict is None:
            return []
        mine = {name: self.cleaned_data.get(name, "") for name in Article.translated_field_names()}
        return revision_diff(self.conflict.translated_values(), mine)


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_("Recorded in the story's history and sent to its author where it concerns them."),
    )  # fmt: skip


class PublishForm(NoteForm):
    publish_at = forms.SplitDateTimeField(
        label=_("Publish time"),
        required=False,
        widget=admin.widgets.AdminSplitDateTime,
        help_text=_("Empty means now. A future time schedules the story; it stays invisible until then."),
    )


class CorrectionForm(forms.Form):
    text_bg = forms.CharField(
        label=_("Correction [bg]"), widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        help_text=_("What was wrong, and what is right. Shown at the end of the story."),
    )  # fmt: skip
    text_en = forms.CharField(
        label=_("Correction [en]"), required=False, widget=forms.Textarea(attrs={"rows": 4, "cols": 60})
    )


# --- Filters ---------------------------------------------------------------------------------


class WorkflowStatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "workflow"

    def lookups(self, request, model_admin):
        return [
            (Status.DRAFT, _("Draft")),
            (Status.REVIEW, _("In review")),
            ("scheduled", _("Scheduled")),
            ("live", _("Published and live")),
            (Status.WITHDRAWN, _("Withdrawn")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "scheduled":
            return queryset.scheduled()
        if value == "live":
            return queryset.published()
        if value in (Status.DRAFT, Status.REVIEW, Status.WITHDRAWN):
            return queryset.filter(status=value)
        return queryset


class MissingEnglishFilter(admin.SimpleListFilter):
    title = _("English version")
    parameter_name = "english"

    def lookups(self, request, model_admin):
        return [("missing", _("Missing English")), ("present", _("Has English"))]

    def queryset(self, request, queryset):
        missing = Q(title_en="") | Q(title_en__isnull=True)
        if self.value() == "missing":
            return queryset.filter(missing)
        if self.value() == "present":
            return queryset.exclude(missing)
        return queryset


# --- Inlines ---------------------------------------------------------------------------------


class _FollowsArticle:
    """Inline permissions follow the story: whoever may edit it may edit its parts."""

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and (obj is None or rules.can_edit(request.user, obj))

    def has_change_permission(self, request, obj=None):
        ok = super().has_change_permission(request, obj)
        return ok and (obj is None or rules.can_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        ok = super().has_delete_permission(request, obj)
        return ok and (obj is None or rules.can_edit(request.user, obj))


class ArticlePhotoInline(_FollowsArticle, TranslationTabularInline):
    model = ArticlePhoto
    extra = 0
    autocomplete_fields = ("photo",)
    fields = ("thumbnail", "photo", "alt_text", "credit", "caption", "order")
    readonly_fields = ("thumbnail", "alt_text", "credit")

    @admin.display(description=_("preview"))
    def thumbnail(self, obj):
        if not (obj and obj.photo_id and obj.photo.image):
            return ""
        return format_html(
            '<img src="{}" alt="" width="96" class="article-photo-thumb">', obj.photo.image.url
        )

    @admin.display(description=_("alt text"))
    def alt_text(self, obj):
        if not (obj and obj.photo_id):
            return ""
        return obj.photo.alt_text or format_html('<strong class="errornote">{}</strong>', _("missing"))

    @admin.display(description=_("credit"))
    def credit(self, obj):
        return obj.photo.credit if obj and obj.photo_id else ""


class _HistoryInline(admin.TabularInline):
    """Read-only: history is written by the services, never edited."""

    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and (
            obj is None or rules.can_open(request.user, obj)
        )


class ArticleTransitionInline(_HistoryInline):
    model = ArticleTransition
    fields = ("at", "by", "action", "from_status", "to_status", "note")
    readonly_fields = fields
    verbose_name_plural = _("workflow history")


class CorrectionInline(_HistoryInline):
    model = Correction

    fields = ("created_at", "created_by", "text")
    readonly_fields = fields


# --- The story admin -------------------------------------------------------------------------

WORKFLOW = {
    # action: (label, service, who may, from which states)
    "submit": (_("Submit for review"), services.article_submit),
    "send_back": (_("Send back to draft"), services.article_send_back),
    "publish": (_("Publish or schedule"), services.article_publish),
    "withdraw": (_("Withdraw"), services.article_withdraw),
}


def allowed_actions(user, article: Article) -> list[str]:
    """The workflow buttons worth showing; the services check again on POST."""
    actions = []
    if rules.can_submit(user, article):
        actions.append("submit")
    if rules.can_run_workflow(user, article):
        if article.status == Status.REVIEW:
            actions.append("send_back")
        if article.status in (Status.DRAFT, Status.REVIEW) or article.is_scheduled:
            actions.append("publish")
        if article.status == Status.PUBLISHED:
            actions.append("withdraw")
    return actions


@admin.register(Article)
class ArticleAdmin(TabbedTranslationAdmin):
    form = ArticleAdminForm
    change_form_template = "admin/articles/article/change_form.html"
    list_display = (
        "title", "workflow_status", "publish_at", "section", "owner_municipality", "missing_english",
    )  # fmt: skip
    list_filter = (
        WorkflowStatusFilter,
        "section",
        ("owner_municipality", admin.RelatedOnlyFieldListFilter),
        ("events", admin.RelatedOnlyFieldListFilter),
        MissingEnglishFilter,
        "priority",
    )
    list_select_related = ("section", "owner_municipality")
    search_fields = ("title_bg", "title_en", "lead_bg", "lead_en", "byline_bg", "signature")
    date_hierarchy = "publish_at"
    autocomplete_fields = ("section", "tags", "owner_municipality", "municipalities", "officials", "events")
    readonly_fields = ("workflow_status", "created_by", "updated_by", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("title", "slug", "lead", "body", "base_version")}),
        (
            _("Place and people"),
            {"fields": ("section", "priority", "owner_municipality", "dateline", "byline", "signature")},
        ),
        (_("Links"), {"fields": ("tags", "municipalities", "officials", "events")}),
        (_("Source and background"), {"fields": ("source", "background")}),
        (
            _("Workflow"),
            {
                "fields": (
                    "workflow_status",
                    "created_by",
                    "updated_by",
                    "created_at",
                    "updated_at",
                )
            },
        ),
    )
    inlines = [ArticlePhotoInline, CorrectionInline, ArticleTransitionInline]
    actions = ["submit_selected", "publish_selected", "withdraw_selected"]

    class Media:
        js = ("articles/admin/slug.js", "articles/admin/presence.js")
        css = {"all": ("articles/admin/admin.css",)}

    # --- columns

    @admin.display(description=_("status"), ordering="status")
    def workflow_status(self, obj):
        if obj.pk is None:
            return Status.DRAFT.label
        if obj.is_scheduled:
            return format_html(
                '<span class="workflow-scheduled">{}</span>',
                gettext("Scheduled for %(time)s")
                % {"time": timezone.localtime(obj.publish_at).strftime("%d.%m.%Y %H:%M")},
            )
        return obj.get_status_display()

    @admin.display(description=_("missing English"))
    def missing_english(self, obj):
        if obj.has_language("en"):
            return ""
        return format_html('<span class="missing-english">{}</span>', gettext("missing English"))

    # --- who sees what

    def get_queryset(self, request):
        return super().get_queryset(request).for_staff(request.user)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None and from_field is None:
            try:
                exists = Article.objects.filter(pk=int(unquote(object_id))).exists()
            except (TypeError, ValueError):
                exists = False
            if exists:
                raise PermissionDenied  # another municipality's story: 403, not a silent redirect
        return obj

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and (
            obj is None or rules.can_open(request.user, obj)
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or rules.can_edit(request.user, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or rules.can_open(request.user, obj)
        )

    def has_publish_permission(self, request):
        return rules.is_editor(request.user)

    def get_autocomplete_fields(self, request):
        fields = super().get_autocomplete_fields(request)
        if not rules.is_editor(request.user):
            # A press officer picks from their own municipalities only, in a plain select.
            fields = tuple(f for f in fields if f != "owner_municipality")
        return fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "owner_municipality":
            kwargs["queryset"] = rules.owner_municipalities(request.user)
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "owner_municipality" and not rules.is_editor(request.user):
            field.required = request.user.press_offices.exists()
        return field

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        mine = list(request.user.press_offices.values_list("municipality_id", flat=True)[:2])
        if len(mine) == 1:
            initial.setdefault("owner_municipality", mine[0])
        return initial

    # --- saving goes through the service

    def save_model(self, request, obj, form, change):
        services.article_save(
            article=obj, by=request.user, expected_version=form.cleaned_data.get("base_version")
        )

    # --- the change form's extras

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        extra_context = extra_context or {}
        if obj is not None:
            extra_context.update(self._story_context(request, obj))
        return super().change_view(request, object_id, form_url, extra_context)

    def _story_context(self, request, obj):
        user = request.user
        if request.method == "GET":
            touch_presence(obj, user)
        return {
            "workflow_actions": [(name, WORKFLOW[name][0]) for name in allowed_actions(user, obj)],
            "workflow_label": obj.workflow_label,
            "is_editor": rules.is_editor(user),
            "can_correct": rules.can_run_workflow(user, obj) and obj.status == Status.PUBLISHED,
            "revision_count": obj.revisions.count(),
            "preview_links": [
                (code.upper(), preview_path(obj, language=code))
                for code in ("bg", "en")
                if obj.has_language(code)
            ],
            "preview_hours": PREVIEW_MAX_AGE // 3600,
            "others_here": render_presence(obj, user),
        }

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/workflow/<str:action>/",
                wrap(self.workflow_view),
                name="articles_article_workflow",
            ),
            path("<path:object_id>/correct/", wrap(self.correct_view), name="articles_article_correct"),
            path("<path:object_id>/revisions/", wrap(self.revisions_view), name="articles_article_revisions"),
            path(
                "<path:object_id>/revisions/<int:number>/restore/",
                wrap(self.restore_view),
                name="articles_article_restore",
            ),
            path("<path:object_id>/presence/", wrap(self.presence_view), name="articles_article_presence"),
        ] + super().get_urls()  # fmt: skip

    def _story_or_404(self, request, object_id) -> Article:
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(gettext("No such story."))
        return obj

    def _back(self, obj):
        return redirect(reverse("admin:articles_article_change", args=[obj.pk]))

    def _page(self, request, obj, template, **context):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "title": context.pop("title", str(obj)),
            **context,
        }
        return TemplateResponse(request, template, context)

    def workflow_view(self, request, object_id, action):
        obj = self._story_or_404(request, object_id)
        if action not in WORKFLOW:
            raise Http404
        label, service = WORKFLOW[action]
        form_class = PublishForm if action == "publish" else NoteForm
        form = form_class(request.POST or None)
        if request.method == "POST" and form.is_valid():
            kwargs = {"article": obj, "by": request.user, "note": form.cleaned_data["note"]}
            if action == "publish":
                kwargs["at"] = form.cleaned_data.get("publish_at")
            try:
                service(**kwargs)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return self._back(obj)
            self.message_user(
                request,
                gettext("“%(title)s”: %(status)s.") % {"title": obj, "status": obj.workflow_label},
                messages.SUCCESS,
            )
            return self._back(obj)
        if action not in allowed_actions(request.user, obj):
            raise PermissionDenied
        return self._page(
            request, obj, "admin/articles/article/workflow.html",
            title=label, action=action, form=form, media=self.media + form.media,
            warnings=prepublish_warnings(obj) if action == "publish" else [],
        )  # fmt: skip

    def correct_view(self, request, object_id):
        obj = self._story_or_404(request, object_id)
        if not rules.can_run_workflow(request.user, obj):
            raise PermissionDenied
        form = CorrectionForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.article_correct(article=obj, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return self._back(obj)
            self.message_user(request, gettext("The correction is published."), messages.SUCCESS)
            return self._back(obj)
        return self._page(
            request, obj, "admin/articles/article/workflow.html",
            title=gettext("Issue a correction"), action="correct", form=form, warnings=[],
        )  # fmt: skip

    def revisions_view(self, request, object_id):
        obj = self._story_or_404(request, object_id)
        if not rules.is_editor(request.user):
            raise PermissionDenied
        revisions = list(obj.revisions.select_related("created_by"))
        by_number = {r.number: r for r in revisions}
        diff, older, newer = None, None, None
        try:
            a, b = int(request.GET.get("a", 0)), int(request.GET.get("b", 0))
        except ValueError:
            a = b = 0
        if a in by_number and b in by_number:
            older, newer = sorted([by_number[a], by_number[b]], key=lambda r: r.number)
            diff = revision_diff(older.data, newer.data)
        return self._page(
            request, obj, "admin/articles/article/revisions.html",
            title=gettext("Revisions of “%(title)s”") % {"title": obj},
            revisions=revisions, diff=diff, older=older, newer=newer,
        )  # fmt: skip

    def restore_view(self, request, object_id, number):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self._story_or_404(request, object_id)
        revision = get_object_or_404(ArticleRevision, article=obj, number=number)
        new = services.revision_restore(revision=revision, by=request.user)
        self.message_user(
            request,
            gettext("Revision %(old)s restored as revision %(new)s.") % {"old": number, "new": new.number},
            messages.SUCCESS,
        )
        return self._back(obj)

    def presence_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self._story_or_404(request, object_id)
        if request.POST.get("leave"):
            ArticlePresence.objects.filter(article=obj, user=request.user).delete()
            return JsonResponse({"html": ""})
        touch_presence(obj, request.user)
        return JsonResponse({"html": render_presence(obj, request.user)})

    # --- bulk actions: the same services, so the same permissions

    def _bulk(self, request, queryset, service, done_message):
        done, refused = 0, []
        for article in queryset:
            try:
                service(article=article, by=request.user)
                done += 1
            except (PermissionDenied, ValidationError) as error:
                reason = " ".join(getattr(error, "messages", [])) or str(error) or gettext("not allowed")
                refused.append(f"“{article}”: {reason}")
        if done:
            self.message_user(request, done_message % {"count": done}, messages.SUCCESS)
        for line in refused:
            self.message_user(request, line, messages.WARNING)

    @admin.action(description=_("Submit selected stories for review"), permissions=["change"])
    def submit_selected(self, request, queryset):
        self._bulk(request, queryset, services.article_submit, gettext("Submitted: %(count)s."))

    @admin.action(description=_("Publish selected stories now"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        if request.POST.get("confirm") != "yes":
            rows = [(article, prepublish_warnings(article)) for article in queryset]
            return self._page(
                request, None, "admin/articles/article/publish_selected.html",
                title=gettext("Publish these stories?"), rows=rows,
                action_name="publish_selected",
                action_checkbox_name=admin.helpers.ACTION_CHECKBOX_NAME,
            )  # fmt: skip
        self._bulk(request, queryset, services.article_publish, gettext("Published: %(count)s."))

    @admin.action(description=_("Withdraw selected stories"), permissions=["publish"])
    def withdraw_selected(self, request, queryset):
        self._bulk(request, queryset, services.article_withdraw, gettext("Withdrawn: %(count)s."))


# --- presence --------------------------------------------------------------------------------


def touch_presence(article: Article, user) -> None:
    now = timezone.now()
    presence, created = ArticlePresence.objects.get_or_create(
        article=article, user=user, defaults={"opened_at": now, "seen_at": now}
    )
    if not created:
        if presence.seen_at < now - PRESENCE_WINDOW:
            presence.opened_at = now  # came back after a while: a new visit
        presence.seen_at = now
        presence.save(update_fields=["opened_at", "seen_at"])


def render_presence(article: Article, user) -> str:
    others = (
        ArticlePresence.objects.filter(article=article, seen_at__gte=timezone.now() - PRESENCE_WINDOW)
        .exclude(user=user)
        .select_related("user")
        .order_by("opened_at")
    )
    html = render_to_string("admin/articles/article/_presence.html", {"others": others})
    return mark_safe(html.strip())  # noqa: S308 - a rendered, auto-escaped template
