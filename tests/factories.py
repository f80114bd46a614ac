"""factory_boy factories for the whole model; tests build exactly the data they need."""

import io
from datetime import date, timedelta

import factory
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from articles.models import Article, ArticlePhoto
from events.models import Event
from newsroom.models import Mandate, Municipality, Official, Photo, Section, Tag


def image_bytes(fmt="JPEG", size=(800, 500), color=(40, 90, 160)) -> bytes:
    """A real image made with Pillow (tests never download anything)."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, fmt)
    return buffer.getvalue()


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    is_staff = True
    password = factory.PostGenerationMethodCall("set_password", "pw-for-tests-1")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    name_bg = factory.Sequence(lambda n: f"Община {n}")
    name_en = factory.Sequence(lambda n: f"Municipality {n}")
    country = "BG"


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    name_bg = factory.Sequence(lambda n: f"Раздел {n}")
    name_en = factory.Sequence(lambda n: f"Section {n}")


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    name_bg = factory.Sequence(lambda n: f"Етикет {n}")
    name_en = factory.Sequence(lambda n: f"Tag {n}")


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Photo

    image = factory.LazyFunction(lambda: ContentFile(image_bytes(), name="photo.jpg"))
    alt_text_bg = "Площад с фонтан"
    alt_text_en = "A square with a fountain"
    caption_bg = factory.Sequence(lambda n: f"Снимка {n}")
    caption_en = factory.Sequence(lambda n: f"Photo {n}")
    credit_bg = "БТА"
    credit_en = "BTA"


class OfficialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Official

    full_name_bg = factory.Sequence(lambda n: f"Иван Петров {n}")
    full_name_en = factory.Sequence(lambda n: f"Ivan Petrov {n}")


class MandateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mandate

    official = factory.SubFactory(OfficialFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    position = Mandate.Position.MAYOR
    start = date(2023, 11, 13)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    name_bg = factory.Sequence(lambda n: f"Форум {n}")
    name_en = factory.Sequence(lambda n: f"Forum {n}")
    start_date = factory.LazyFunction(lambda: timezone.localdate())
    end_date = factory.LazyAttribute(lambda e: e.start_date + timedelta(days=1))


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title_bg = factory.Sequence(lambda n: f"Новина номер {n}")
    title_en = factory.Sequence(lambda n: f"Story number {n}")
    lead_bg = "Кратко резюме."
    lead_en = "A short summary."
    body_bg = "<p>Текст на новината.</p>"
    body_en = "<p>The story's text.</p>"
    section = factory.SubFactory(SectionFactory)
    status = Article.Status.PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))

    class Params:
        draft = factory.Trait(status=Article.Status.DRAFT, publish_at=None)
        scheduled = factory.Trait(
            publish_at=factory.LazyFunction(lambda: timezone.now() + timedelta(hours=2))
        )


class ArticlePhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticlePhoto

    article = factory.SubFactory(ArticleFactory)
    photo = factory.SubFactory(PhotoFactory)
    order = 0
