"""Demo content: the BTA seed story about the B40 forum, cleaned of what the BTA page leaked,
plus the places, people, event, photos and stories around it. `load_demo` calls `load()`.

Everything is keyed by a natural key (slug or a fixed caption), so loading twice changes
nothing: `update_or_create` for content, `get_or_create` for photos (never re-drawn).
"""

import io
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from articles.models import Article, ArticlePhoto, Correction
from events.models import Event
from newsroom.models import (
    Mandate,
    Municipality,
    Official,
    Page,
    Photo,
    PressOfficeMembership,
    Section,
    SiteSettings,
    Tag,
)

SEED_FILE = Path(__file__).with_name("bta-b40-stara-zagora.txt")
SOFIA = ZoneInfo("Europe/Sofia")
DEMO_PASSWORD = "newsroom-demo"

# What the BTA page leaked: translation keys where text belonged.
LEAKED_KEY = re.compile(r"^(site|news)(\.[a-z_]+)+")
# Image placeholders the page left in its text: an image tag or a data: URL instead of a photo.
IMAGE_PLACEHOLDER = re.compile(r"^<[^>]*image[^>]*>|data:image/|^!\[", re.IGNORECASE)


@dataclass
class SeedStory:
    title: str
    paragraphs: list[str]
    background: str
    signature: str


def parse_seed(text: str) -> SeedStory:
    """Split the seed page into headline, body paragraphs, background and signature,
    dropping leaked keys, image placeholders and the `/ЕС/` line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title = LEAKED_KEY.sub("", lines[0]).strip()
    paragraphs, background, signature = [], "", ""
    for line in lines[1:]:
        if IMAGE_PLACEHOLDER.search(line):
            continue
        if LEAKED_KEY.fullmatch(line):
            continue
        if re.fullmatch(r"/[^/\s]{1,10}/", line):
            signature = line.strip("/")
            continue
        if line.startswith("БТА припомня"):
            background = line
            continue
        paragraphs.append(line)
    return SeedStory(title=title, paragraphs=paragraphs, background=background, signature=signature)


def as_html(paragraphs: list[str]) -> str:
    from django.utils.html import escape

    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)


def draw_photo(seed: int, size=(1600, 1000)) -> bytes:
    """A demo illustration drawn with Pillow: a sky, hills and a city skyline. JPEG bytes."""
    width, height = size
    palette = [
        ((28, 69, 135), (120, 170, 220), (52, 110, 60)),
        ((150, 60, 40), (245, 190, 120), (90, 100, 50)),
        ((40, 40, 80), (140, 120, 190), (60, 70, 90)),
        ((10, 90, 110), (170, 220, 230), (40, 120, 90)),
    ][seed % 4]
    img = Image.new("RGB", size, palette[1])
    draw = ImageDraw.Draw(img)
    top, bottom = palette[0], palette[1]
    for y in range(height):
        t = y / height
        draw.line([(0, y), (width, y)], fill=tuple(int(top[i] + (bottom[i] - top[i]) * t) for i in range(3)))
    draw.ellipse(
        [width * 0.72, height * 0.1, width * 0.84, height * 0.1 + width * 0.12], fill=(255, 236, 170)
    )
    step = width // 14
    for i in range(14):
        h = height * (0.25 + ((i * 37 + seed * 11) % 30) / 100)
        shade = 30 + (i * 13 + seed * 7) % 50
        draw.rectangle(
            [i * step + 4, height - h, (i + 1) * step - 4, height], fill=(shade, shade, shade + 20)
        )
        for wy in range(int(height - h + 20), height - 20, 40):
            for wx in range(i * step + 14, (i + 1) * step - 14, 24):
                if (wx + wy + seed) % 3:
                    draw.rectangle([wx, wy, wx + 10, wy + 16], fill=(250, 220, 120))
    draw.polygon(
        [
            (0, height),
            (width * 0.3, height * 0.82),
            (width * 0.7, height * 0.9),
            (width, height * 0.78),
            (width, height),
        ],
        fill=palette[2],
    )
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def at_sofia(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=SOFIA)


def upsert(model, lookup: dict, values: dict, m2m: dict | None = None):
    obj, _created = model.objects.update_or_create(**lookup, defaults=values)
    for name, items in (m2m or {}).items():
        getattr(obj, name).set(items)
    return obj


def demo_photo(caption_bg: str, seed: int, **values) -> Photo:
    photo = Photo.objects.filter(caption_bg=caption_bg).first()
    if photo is None:
        photo = Photo(caption_bg=caption_bg, **values)
        photo.image.save("demo.jpg", ContentFile(draw_photo(seed), name="demo.jpg"), save=False)
        photo.save()
    else:
        for key, value in values.items():
            setattr(photo, key, value)
        photo.save()
    return photo


DEMO_USERS = [
    # username, superuser, role group (created by the admin issue's data migration), municipality
    ("admin", True, "Site admin", None),
    ("editor", False, "Editor", None),
    ("reporter", False, "Reporter", None),
    ("press-stara-zagora", False, "Press officer", "stara-zagora"),
    ("press-sofia", False, "Press officer", "sofia"),
]


def ensure_demo_users() -> list[str]:
    """The demo logins, all with the password `newsroom-demo`. Returns their usernames."""
    User = get_user_model()
    names = []
    for username, superuser, group_name, municipality_slug in DEMO_USERS:
        user, _created = User.objects.get_or_create(username=username)
        user.is_staff = True
        user.is_superuser = superuser
        user.email = user.email or f"{username}@newsroom.example"
        user.set_password(DEMO_PASSWORD)
        user.save()
        group = Group.objects.filter(name=group_name).first()
        if group is not None:
            user.groups.add(group)
        if municipality_slug:
            PressOfficeMembership.objects.get_or_create(
                user=user, municipality=Municipality.objects.get(slug=municipality_slug)
            )
        names.append(username)
    # The press centre's own stories are its press officer's: they get the editors' mail.
    Article.objects.filter(
        owner_municipality__slug="stara-zagora", created_by__isnull=True,
        status__in=[Article.Status.DRAFT, Article.Status.REVIEW],
    ).update(created_by=User.objects.get(username="press-stara-zagora"))  # fmt: skip
    return names


@transaction.atomic
def load(*, with_logins: bool) -> dict:
    """Load (or refresh) all demo content. Returns a summary for the command to print."""
    today = timezone.localdate()

    site = SiteSettings.load()
    site.site_name_bg, site.site_name_en = "Новини от общините", "Municipal News"
    site.tagline_bg = "Новините на общините в България и на Балканите"
    site.tagline_en = "News from the municipalities of Bulgaria and the Balkans"
    site.modal_header_bg, site.modal_header_en = "Важно за читателите", "Notice to readers"
    site.modal_text_bg = (
        "Този сайт е демонстрация на newsroom. Материалите следват истинска новина на БТА; "
        "снимките са илюстрации."
    )
    site.modal_text_en = (
        "This site is a newsroom demonstration. The stories follow a real BTA report; "
        "the photos are illustrations."
    )
    site.save()

    sections = {}
    for order, (slug, bg, en) in enumerate(
        [
            ("regions", "Региони", "Regions"),
            ("politics", "Политика", "Politics"),
            ("world", "Свят", "World"),
            ("economy", "Икономика", "Economy"),
            ("culture", "Култура", "Culture"),
        ]
    ):
        sections[slug] = upsert(Section, {"slug": slug}, {"name_bg": bg, "name_en": en, "order": order})

    tags = {
        slug: upsert(Tag, {"slug": slug}, {"name_bg": bg, "name_en": en})
        for slug, bg, en in [
            ("b40", "B40", "B40"),
            ("balkanski-gradove", "Балкански градове", "Balkan cities"),
            ("mestna-vlast", "Местна власт", "Local government"),
            ("obrazovanie", "Образование", "Education"),
        ]
    }

    places = {}
    for slug, bg, en, country, region_bg, region_en, kind, site_url, lat, lon in [
        ("stara-zagora", "Стара Загора", "Stara Zagora", "BG", "Стара Загора", "Stara Zagora",
         "municipality", "https://www.starazagora.bg", "42.425800", "25.634500"),
        ("sofia", "София", "Sofia", "BG", "София-град", "Sofia City",
         "capital", "https://www.sofia.bg", "42.697700", "23.321900"),
        ("istanbul", "Истанбул", "Istanbul", "TR", "Истанбул", "Istanbul",
         "metropolitan", "https://www.ibb.istanbul", "41.008200", "28.978400"),
        ("plovdiv", "Пловдив", "Plovdiv", "BG", "Пловдив", "Plovdiv",
         "municipality", "https://www.plovdiv.bg", "42.135400", "24.745300"),
        ("atina", "Атина", "Athens", "GR", "Атика", "Attica",
         "capital", "https://www.cityofathens.gr", "37.983800", "23.727500"),
        ("belgrad", "Белград", "Belgrade", "RS", "Белград", "Belgrade",
         "capital", "https://www.beograd.rs", "44.786600", "20.448900"),
    ]:  # fmt: skip
        places[slug] = upsert(
            Municipality,
            {"slug": slug},
            {
                "name_bg": bg, "name_en": en, "country": country, "region_bg": region_bg,
                "region_en": region_en, "kind": kind, "website": site_url,
                "latitude": lat, "longitude": lon,
            },
        )  # fmt: skip
    places["stara-zagora"].press_contact_bg = "Пресцентър на Община Стара Загора"
    places["stara-zagora"].press_contact_en = "Press centre of Stara Zagora Municipality"
    places["stara-zagora"].press_email = "press@starazagora.example"
    places["stara-zagora"].save()

    portrait = demo_photo(
        "Портретна илюстрация",
        3,
        caption_en="Portrait illustration",
        alt_text_bg="Илюстрация: силует на град по здрач",
        alt_text_en="Illustration: a city skyline at dusk",
        credit_bg="Илюстрация newsroom",
        credit_en="newsroom illustration",
        licence=Photo.Licence.OWN,
    )

    officials = {}
    for slug, bg, en, bio_bg, bio_en, mandates in [
        ("nadezhda-chakarova", "Надежда Чакърова", "Nadezhda Chakarova",
         "Заместник-кмет на Община Стара Загора.", "Deputy mayor of Stara Zagora Municipality.",
         [("deputy_mayor", "stara-zagora", date(2023, 11, 13), None, "", "")]),
        ("vasil-terziev", "Васил Терзиев", "Vasil Terziev",
         "Кмет на Столична община от 2023 г.", "Mayor of Sofia since 2023.",
         [("mayor", "sofia", date(2023, 11, 13), None, "", "")]),
        ("ekrem-imamoglu", "Екрем Имамоглу", "Ekrem Imamoglu",
         "Кмет на Истанбул от 2019 г.", "Mayor of Istanbul since 2019.",
         [("mayor", "istanbul", date(2019, 6, 27), date(2025, 3, 22),
           "отстранен от длъжност", "suspended from office")]),
    ]:  # fmt: skip
        official = upsert(
            Official,
            {"slug": slug},
            {"full_name_bg": bg, "full_name_en": en, "bio_bg": bio_bg, "bio_en": bio_en},
        )
        if slug == "nadezhda-chakarova":
            official.portrait = portrait
            official.save()
        for position, place, start, end, note_bg, note_en in mandates:
            upsert(
                Mandate,
                {"official": official, "position": position, "municipality": places[place], "start": start},
                {"end": end, "note_bg": note_bg, "note_en": note_en},
            )
        officials[slug] = official

    b40 = upsert(
        Event,
        {"slug": "b40-balkan-cities-forum-sofia-2025"},
        {
            "name_bg": "Форум на балканските градове B40", "name_en": "B40 Balkan Cities Forum",
            "kind": Event.Kind.FORUM, "start_date": date(2025, 2, 24), "end_date": date(2025, 2, 25),
            "venue_bg": "София", "venue_en": "Sofia", "host_municipality": places["sofia"],
            "organisers_bg": "Столична община и мрежата на балканските градове B40",
            "organisers_en": "Sofia Municipality and the B40 Balkan Cities Network",
            "description_bg": (
                "Най-престижният форум на местната власт на Балканите. Представители на близо 50 "
                "града обсъждат климатична устойчивост, включващо управление, технологични "
                "решения и киберсигурност."
            ),
            "description_en": (
                "The leading forum of local government in the Balkans. Representatives of about "
                "50 cities discuss climate resilience, inclusive governance, technology and "
                "cybersecurity."
            ),
            "website": "https://b40.org",
        },
        m2m={"participating_municipalities": list(places.values())},
    )  # fmt: skip
    city_day = upsert(
        Event,
        {"slug": "den-na-stara-zagora"},
        {
            "name_bg": "Ден на Стара Загора", "name_en": "Stara Zagora City Day",
            "kind": Event.Kind.FESTIVAL, "start_date": today + timedelta(days=7),
            "end_date": today + timedelta(days=9), "venue_bg": "Стара Загора",
            "venue_en": "Stara Zagora", "host_municipality": places["stara-zagora"],
            "organisers_bg": "Община Стара Загора", "organisers_en": "Stara Zagora Municipality",
        },
        m2m={"participating_municipalities": [places["stara-zagora"]]},
    )  # fmt: skip

    seed = parse_seed(SEED_FILE.read_text(encoding="utf-8"))
    forum_photo = demo_photo(
        "Форумът B40 в София събира представители на близо 50 балкански града.",
        0,
        caption_en="The B40 forum in Sofia brings together representatives of about 50 Balkan cities.",
        alt_text_bg="Илюстрация: силует на град под синьо небе, със зелени хълмове отпред",
        alt_text_en="Illustration: a city skyline under a blue sky, with green hills in front",
        credit_bg="Илюстрация newsroom", credit_en="newsroom illustration",
        licence=Photo.Licence.OWN,
    )  # fmt: skip
    hall_photo = demo_photo(
        "Старозагорската делегация на форума B40.",
        1,
        caption_en="The Stara Zagora delegation at the B40 forum.",
        alt_text_bg="Илюстрация: град по залез, с осветени прозорци",
        alt_text_en="Illustration: a city at sunset with lit windows",
        credit_bg="Пресцентър на Община Стара Загора", credit_en="Stara Zagora Municipality press centre",
        licence=Photo.Licence.PRESS,
    )  # fmt: skip

    stories = [
        {
            "slug_bg": "satrudnichestvoto-mezhdu-balkanskite-gradove-e-osnovopolagashto",
            "title_bg": seed.title,
            "title_en": (
                "Cooperation between Balkan cities is fundamental for innovation, sustainable growth "
                "and social integration, says Stara Zagora deputy mayor Nadezhda Chakarova"
            ),
            "lead_bg": (
                "Заместник-кметът на Стара Загора Надежда Чакърова говори на форума B40 в София, "
                "открит от кметовете на София и Истанбул."
            ),
            "lead_en": (
                "Stara Zagora's deputy mayor Nadezhda Chakarova spoke at the B40 forum in Sofia, "
                "opened by the mayors of Sofia and Istanbul."
            ),
            "body_bg": as_html(seed.paragraphs),
            "body_en": as_html(
                [
                    "Cooperation between Balkan cities is fundamental for fostering innovation, "
                    "sustainable growth and social integration in the future. This was said by the "
                    "deputy mayor of Stara Zagora Municipality, Nadezhda Chakarova, at the most "
                    "prestigious forum of local government in the Balkans, B40, which opened today "
                    "in Sofia, the press centre of Stara Zagora Municipality said.",
                    "During the discussion Chakarova stressed the importance of Stara Zagora's "
                    "participation in this prestigious network of European cities as a key moment "
                    "for strengthening the international partnerships that are essential for the "
                    "sustainable development of the region. She added that the education and "
                    "integration of young people in today's globalised world are essential for the "
                    "sustainable development and for strengthening the future of the Balkans.",
                    "The forum continues today and tomorrow (24 and 25 February) with discussions "
                    "on raising regional climate resilience through sustainable urban development "
                    "and green energy projects, promoting inclusive governance practices, "
                    "technological solutions for smarter governance, and finding the balance "
                    "between technological innovation and guaranteeing cybersecurity.",
                ]
            ),
            "background_bg": as_html([seed.background]),
            "background_en": as_html(
                [
                    "BTA recalls that the most prestigious forum of local government in the "
                    "Balkans, B40, was opened today in Sofia by Vasil Terziev and the mayor of "
                    "Istanbul, Ekrem Imamoglu. Representatives of nearly 50 cities from the Balkans "
                    "are taking part in the Sofia edition of the initiative."
                ]
            ),
            "signature": seed.signature,
            "dateline_bg": "София", "dateline_en": "Sofia",
            "source_bg": "пресцентърът на Община Стара Загора",
            "source_en": "the press centre of Stara Zagora Municipality",
            "status": Article.Status.PUBLISHED,
            "publish_at": at_sofia(date(2025, 2, 24), 14, 12),
            "priority": Article.Priority.LEAD,
            "section": sections["regions"],
            "owner_municipality": places["stara-zagora"],
            "_m2m": {
                "tags": [tags["b40"], tags["balkanski-gradove"], tags["mestna-vlast"]],
                "municipalities": [places["stara-zagora"], places["sofia"], places["istanbul"]],
                "officials": list(officials.values()),
                "events": [b40],
            },
            "_photos": [forum_photo, hall_photo],
        },
        {
            "slug_bg": "forumat-b40-zapochna-v-sofia",
            "title_bg": "Форумът B40 започна в София с участието на близо 50 балкански града",
            "title_en": "The B40 forum opens in Sofia with nearly 50 Balkan cities taking part",
            "lead_bg": "Кметовете на София и Истанбул откриха двудневния форум на местната власт.",
            "lead_en": "The mayors of Sofia and Istanbul opened the two-day local government forum.",
            "body_bg": as_html([
                "Кметът на София Васил Терзиев и кметът на Истанбул Екрем Имамоглу откриха форума "
                "B40 в столицата.",
                "Дискусиите през двата дни са посветени на климатичната устойчивост, зелената "
                "енергия и киберсигурността.",
            ]),
            "body_en": as_html([
                "Sofia mayor Vasil Terziev and Istanbul mayor Ekrem Imamoglu opened the B40 forum "
                "in the capital.",
                "The two days of discussion are devoted to climate resilience, green energy and "
                "cybersecurity.",
            ]),
            "dateline_bg": "София", "dateline_en": "Sofia", "signature": "ЕС",
            "status": Article.Status.PUBLISHED, "publish_at": at_sofia(date(2025, 2, 24), 10, 30),
            "priority": Article.Priority.TOP, "section": sections["politics"],
            "owner_municipality": places["sofia"],
            "_m2m": {
                "tags": [tags["b40"]], "municipalities": [places["sofia"], places["istanbul"]],
                "officials": [officials["vasil-terziev"], officials["ekrem-imamoglu"]], "events": [b40],
            },
        },
        {
            "slug_bg": "istanbul-i-sofia-zadalbochavat-partnyorstvoto-si",
            "title_bg": "Истанбул и София задълбочават партньорството си в мрежата B40",
            "title_en": "Istanbul and Sofia deepen their partnership in the B40 network",
            "lead_bg": "Двата града ще обменят опит в градския транспорт и дигиталните услуги.",
            "lead_en": "The two cities will share experience in urban transport and digital services.",
            "body_bg": as_html(["Представители на двете общини обсъдиха съвместни проекти."]),
            "body_en": as_html(["Representatives of the two municipalities discussed joint projects."]),
            "dateline_bg": "София", "dateline_en": "Sofia", "signature": "ЕС",
            "status": Article.Status.PUBLISHED, "publish_at": at_sofia(date(2025, 2, 25), 12, 0),
            "section": sections["world"], "owner_municipality": places["sofia"],
            "_m2m": {"tags": [tags["b40"], tags["balkanski-gradove"]],
                     "municipalities": [places["sofia"], places["istanbul"]], "events": [b40]},
        },
        {
            "slug_bg": "stara-zagora-investira-v-uchilishtata",
            "title_bg": "Стара Загора инвестира в модернизацията на училищата",
            "title_en": "Stara Zagora invests in modernising its schools",
            "lead_bg": "Общината обяви ремонт на пет училища през лятото.",
            "lead_en": "The municipality announced the renovation of five schools over the summer.",
            "body_bg": as_html(["Ремонтите ще обхванат класни стаи, физкултурни салони и дворове."]),
            "body_en": as_html(["The works will cover classrooms, gyms and schoolyards."]),
            "dateline_bg": "Стара Загора", "dateline_en": "Stara Zagora", "signature": "МП",
            "source_bg": "пресцентърът на Община Стара Загора",
            "source_en": "the press centre of Stara Zagora Municipality",
            "status": Article.Status.PUBLISHED, "publish_at": at_sofia(date(2025, 3, 3), 9, 15),
            "section": sections["regions"], "owner_municipality": places["stara-zagora"],
            "_m2m": {"tags": [tags["obrazovanie"]], "municipalities": [places["stara-zagora"]],
                     "officials": [officials["nadezhda-chakarova"]]},
        },
        {
            "slug_bg": "plovdiv-predstavi-kulturnata-si-programa",
            "title_bg": "Пловдив представи културната си програма за пролетта",
            "title_en": "",
            "lead_bg": "Концерти, изложби и театър в Стария град от март до май.",
            "body_bg": as_html(["Програмата включва над 40 събития на открито и в галериите на града."]),
            "dateline_bg": "Пловдив", "signature": "ЕС",
            "status": Article.Status.PUBLISHED, "publish_at": at_sofia(date(2025, 3, 5), 16, 40),
            "section": sections["culture"], "owner_municipality": places["plovdiv"],
            "_m2m": {"municipalities": [places["plovdiv"]]},
        },
        {
            "slug_bg": "balkanskite-gradove-obsazhdat-zelenata-energiya",
            "title_bg": "Балканските градове обсъждат зелената енергия и климатичната устойчивост",
            "title_en": "Balkan cities discuss green energy and climate resilience",
            "lead_bg": "Вторият ден на форума B40 беше посветен на устойчивото градско развитие.",
            "lead_en": "The second day of the B40 forum was devoted to sustainable urban development.",
            "body_bg": as_html(["Участниците споделиха опит с проекти за енергийна ефективност."]),
            "body_en": as_html(["Participants shared experience with energy efficiency projects."]),
            "dateline_bg": "София", "dateline_en": "Sofia", "signature": "ЕС",
            "status": Article.Status.PUBLISHED, "publish_at": at_sofia(date(2025, 2, 25), 17, 5),
            "section": sections["economy"], "owner_municipality": places["sofia"],
            "_m2m": {"tags": [tags["b40"]], "municipalities": [places["sofia"], places["atina"],
                     places["belgrad"]], "events": [b40]},
        },
        # The workflow, shown: one story waiting for an editor, one scheduled for tomorrow 10:00.
        {
            "slug_bg": "stara-zagora-posreshta-kmetovete-ot-yugoiztochna-balgaria",
            "title_bg": "Стара Загора посреща кметовете от Югоизточна България",
            "title_en": "",
            "lead_bg": "Срещата ще обсъди общи проекти за транспорт и туризъм.",
            "body_bg": as_html(["Кметовете на общините от региона ще се съберат в Стара Загора."]),
            "dateline_bg": "Стара Загора", "status": Article.Status.REVIEW, "publish_at": None,
            "section": sections["regions"], "owner_municipality": places["stara-zagora"],
            "_m2m": {"municipalities": [places["stara-zagora"]]},
        },
        {
            "slug_bg": "obshtina-stara-zagora-obyavyava-programata-za-denya-na-grada",
            "title_bg": "Община Стара Загора обявява програмата за Деня на града",
            "title_en": "Stara Zagora Municipality announces the City Day programme",
            "lead_bg": "Концерти, изложби и спортни събития ще отбележат празника на града.",
            "lead_en": "Concerts, exhibitions and sports events will mark the city's holiday.",
            "body_bg": as_html(["Програмата ще бъде представена от кмета на общината."]),
            "body_en": as_html(["The programme will be presented by the mayor."]),
            "dateline_bg": "Стара Загора", "dateline_en": "Stara Zagora", "signature": "ЕС",
            "status": Article.Status.PUBLISHED,
            "publish_at": at_sofia(today + timedelta(days=1), 10, 0),
            "section": sections["regions"], "owner_municipality": places["stara-zagora"],
            "_m2m": {"municipalities": [places["stara-zagora"]], "events": [city_day]},
        },
    ]  # fmt: skip

    for story in stories:
        m2m = story.pop("_m2m", {})
        photos = story.pop("_photos", [])
        article = upsert(Article, {"slug_bg": story.pop("slug_bg")}, story, m2m=m2m)
        for order, photo in enumerate(photos):
            ArticlePhoto.objects.update_or_create(article=article, photo=photo, defaults={"order": order})

    load_pages()
    # A public correction, as an editor would issue it after publication.
    forum_story = Article.objects.get(slug_bg="forumat-b40-zapochna-v-sofia")
    Correction.objects.get_or_create(
        article=forum_story,
        text_bg="В по-ранна версия форумът беше описан като тридневен. Той продължава два дни.",
        defaults={
            "text_en": "An earlier version described the forum as lasting three days. It lasts two.",
            "created_at": forum_story.publish_at + timedelta(hours=2),
        },
    )

    logins = ensure_demo_users() if with_logins else []
    return {"articles": Article.objects.count(), "logins": logins, "password": DEMO_PASSWORD}


DEMO_PAGES = [
    (Page.Kind.ABOUT, "За нас", "About us",
     "<p>„Новини от общините“ публикува новините на пресцентровете на общините в България и "
     "на Балканите, на български и на английски език.</p>",
     "<p>Municipal News publishes the news of the press centres of municipalities in Bulgaria "
     "and the Balkans, in Bulgarian and English.</p>"),
    (Page.Kind.CONTACTS, "Контакти", "Contacts",
     "<p>Редакция: <a href=\"mailto:desk@newsroom.example\">desk@newsroom.example</a></p>",
     "<p>Newsdesk: <a href=\"mailto:desk@newsroom.example\">desk@newsroom.example</a></p>"),
    (Page.Kind.PRIVACY, "Поверителност", "Privacy",
     "<p>Сайтът не използва бисквитки за проследяване. Съобщението за читателите се запомня "
     "само във вашия браузър.</p>",
     "<p>This site sets no tracking cookies. The notice to readers is remembered only in your "
     "browser.</p>"),
    (Page.Kind.OWNERSHIP, "Собственост на медията", "Media ownership",
     "<p>Сайтът е демонстрация на отворения код newsroom и няма търговски собственик.</p>",
     "<p>This site is a demonstration of the open-source newsroom and has no commercial "
     "owner.</p>"),
]  # fmt: skip


def load_pages():
    for kind, title_bg, title_en, body_bg, body_en in DEMO_PAGES:
        upsert(
            Page,
            {"kind": kind},
            {"title_bg": title_bg, "title_en": title_en, "body_bg": body_bg, "body_en": body_en},
        )


def logins_allowed(explicit: bool) -> bool:
    """Demo logins with a known password exist only on a developer's machine, or when asked."""
    return explicit or settings.DEBUG
