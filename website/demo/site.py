"""The site skeleton: locales, the home page in every language, helplines, settings."""

from pathlib import Path

import yaml
from wagtail.models import Page, Site

from information.models import Helpline
from website.demo.utils import (
    ensure_locales,
    ensure_translation,
    publish_if_changed,
    stable_key,
    upsert_translatable,
)
from website.models import AccessibilityStatementPage, HomePage, HomePageHelpline, SiteSettings

HERE = Path(__file__).parent

HOME_TEXT = {
    "sv": {
        "title": "Tillsammans mot våld",
        "intro": "<p>Här finns stöd för dig som utsätts för våld, för barn och unga, anhöriga och för dig som utövar våld och vill sluta. Här finns också kommunens handlingsplaner mot våld i nära relation, hedersrelaterat våld och förtryck, prostitution och människohandel.</p>",
        "help_intro": "Är någon i fara just nu? Ring 112. Du kan också ringa Kvinnofridslinjen, gratis och anonymt.",
    },
    "en": {
        "title": "Together against violence",
        "intro": "<p>Support for you who are subjected to violence, for children and young people, relatives, and for you who use violence and want to stop. You also find the municipality's action plans against violence in close relationships, honour-related violence and oppression, prostitution and human trafficking.</p>",
        "help_intro": "Is someone in danger right now? Call 112. You can also call Kvinnofridslinjen, free and anonymous.",
    },
    "ar": {
        "title": "معًا ضد العنف",
        "intro": "<p>هنا تجد الدعم إذا كنت تتعرض للعنف، وللأطفال والشباب، وللأقارب، ولمن يمارس العنف ويريد أن يتوقف. وتجد هنا أيضًا خطط عمل البلدية ضد العنف في العلاقات القريبة، والعنف والقمع المرتبطين بالشرف، والدعارة والاتجار بالبشر.</p>",
        "help_intro": "هل هناك شخص في خطر الآن؟ اتصل بالرقم 112. يمكنك أيضًا الاتصال بخط تيرافيم، الذي يجيب بالعربية، مجانًا.",
    },
    "fa": {
        "title": "با هم علیه خشونت",
        "intro": "<p>در اینجا برای کسانی که در معرض خشونت هستند، برای کودکان و نوجوانان، بستگان، و برای کسانی که خشونت می‌کنند و می‌خواهند دست بردارند، حمایت پیدا می‌کنید. همچنین برنامه‌های اقدام شهرداری علیه خشونت در روابط نزدیک، خشونت و سرکوب مرتبط با ناموس، فحشا و قاچاق انسان در اینجا هستند.</p>",
        "help_intro": "آیا کسی همین حالا در خطر است؟ با ۱۱۲ تماس بگیرید. همچنین می‌توانید به صورت رایگان با Terrafem تماس بگیرید که به فارسی پاسخ می‌دهد.",
    },
    "so": {
        "title": "Wadajir ka dhan ah rabshadda",
        "intro": "<p>Halkan waxaad ka helaysaa taageero haddii lagugu sameeyo rabshad, carruurta iyo dhallinyarada, qaraabada, iyo haddii aad adigu rabshad samayso oo aad rabto inaad joojiso. Waxaa kale oo halkan ku jira qorshayaasha hawleed ee degmada ee ka dhanka ah rabshadda qoyska dhexdeeda, rabshadda iyo cabudhinta la xiriirta sharafta, dhillaysiga iyo ka ganacsiga dadka.</p>",
        "help_intro": "Ma jiraa qof khatar ku jira hadda? Wac 112. Waxaad sidoo kale wici kartaa Terrafem, oo ku jawaaba af-Soomaali, bilaash.",
    },
    "ti": {
        "title": "ብሓባር ኣንጻር ዓመጽ",
        "intro": "<p>ኣብዚ ንዓመጽ ዝተቓልዑ፡ ንቖልዑን መንእሰያትን፡ ንስድራን ፈተውትን፡ ከምኡ’ውን ዓመጽ ዝፍጽሙን ከቋርጹ ዝደልዩን ደገፍ ክትረኽቡ ትኽእሉ። ከምኡ’ውን ናይ ምምሕዳር ከተማ ናይ ስራሕ መደባት ኣንጻር ዓመጽ ኣብ ቀረባ ርክብ፡ ምስ ክብሪ ዝተኣሳሰረ ዓመጽን ጭቆናን፡ ምሽርማጥን ምግሕጋሕ ደቂ ሰብን ኣብዚ ይርከቡ።</p>",
        "help_intro": "ሕጂ ኣብ ሓደጋ ዘሎ ሰብ ኣሎ ድዩ? ናብ 112 ደውሉ። ብትግርኛ ዝምልስ Terrafem ብነጻ ክትድውሉ ትኽእሉ ኢኹም።",
    },
    "fi": {
        "title": "Yhdessä väkivaltaa vastaan",
        "intro": "<p>Täältä löydät tukea, jos koet väkivaltaa, lapsille ja nuorille, läheisille sekä sinulle, joka käytät väkivaltaa ja haluat lopettaa. Täällä ovat myös kunnan toimintasuunnitelmat lähisuhdeväkivaltaa, kunniaan liittyvää väkivaltaa ja sortoa, prostituutiota ja ihmiskauppaa vastaan.</p>",
        "help_intro": "Onko joku vaarassa juuri nyt? Soita 112. Voit soittaa myös Terrafemiin, joka vastaa suomeksi, maksutta.",
    },
    "ckb": {
        "title": "پێکەوە دژی توندوتیژی",
        "intro": "<p>لێرە پشتگیری دەدۆزیتەوە ئەگەر ڕووبەڕووی توندوتیژی دەبیتەوە، بۆ منداڵان و گەنجان، بۆ خزم و کەسە نزیکەکان، و بۆ ئەو کەسەی توندوتیژی دەکات و دەیەوێت واز بهێنێت. هەروەها پلانەکانی کاری شارەوانی دژی توندوتیژی لە پەیوەندییە نزیکەکاندا، توندوتیژی و چەوساندنەوەی پەیوەست بە شەرەف، لەشفرۆشی و بازرگانی بە مرۆڤەوە لێرەن.</p>",
        "help_intro": "ئایا کەسێک ئێستا لە مەترسیدایە؟ پەیوەندی بکە بە 112.",
    },
    "pl": {
        "title": "Razem przeciw przemocy",
        "intro": "<p>Tutaj znajdziesz wsparcie, jeśli doświadczasz przemocy, wsparcie dla dzieci i młodzieży, dla bliskich oraz dla osób, które stosują przemoc i chcą przestać. Znajdziesz tu także plany działania gminy przeciwko przemocy w bliskich relacjach, przemocy i uciskowi związanym z honorem, prostytucji i handlowi ludźmi.</p>",
        "help_intro": "Czy ktoś jest teraz w niebezpieczeństwie? Zadzwoń pod 112.",
    },
    "uk": {
        "title": "Разом проти насильства",
        "intro": "<p>Тут ви знайдете підтримку, якщо зазнаєте насильства, а також допомогу для дітей і молоді, для близьких і для тих, хто чинить насильство та хоче припинити. Тут також є плани дій муніципалітету проти насильства в близьких стосунках, насильства й гноблення, пов’язаних із «честю», проституції та торгівлі людьми.</p>",
        "help_intro": "Хтось у небезпеці просто зараз? Телефонуйте 112.",
    },
    "ru": {
        "title": "Вместе против насилия",
        "intro": "<p>Здесь вы найдёте поддержку, если подвергаетесь насилию, а также помощь для детей и молодёжи, для близких и для тех, кто применяет насилие и хочет остановиться. Здесь также есть планы действий муниципалитета против насилия в близких отношениях, насилия и угнетения во имя «чести», проституции и торговли людьми.</p>",
        "help_intro": "Кто-то в опасности прямо сейчас? Звоните 112.",
    },
    "tr": {
        "title": "Şiddete karşı birlikte",
        "intro": "<p>Burada şiddete maruz kalıyorsanız, çocuklar ve gençler, yakınlar ve şiddet uygulayıp bunu bırakmak isteyenler için destek bulabilirsiniz. Belediyenin yakın ilişkilerde şiddete, namus adına şiddet ve baskıya, fuhuş ve insan ticaretine karşı eylem planları da burada.</p>",
        "help_intro": "Şu anda tehlikede olan biri mi var? 112'yi arayın.",
    },
    "bs": {
        "title": "Zajedno protiv nasilja",
        "intro": "<p>Ovdje ćete naći podršku ako ste izloženi nasilju, za djecu i mlade, za rodbinu i bliske osobe, te za vas koji koristite nasilje i želite prestati. Ovdje su i akcioni planovi općine protiv nasilja u bliskim odnosima, nasilja i ugnjetavanja povezanog s časti, prostitucije i trgovine ljudima.</p>",
        "help_intro": "Je li neko upravo sada u opasnosti? Nazovite 112.",
    },
    "es": {
        "title": "Juntos contra la violencia",
        "intro": "<p>Aquí encontrarás apoyo si sufres violencia, apoyo para niños, niñas y jóvenes, para familiares y para quienes ejercen violencia y quieren dejar de hacerlo. También están aquí los planes de acción del municipio contra la violencia en las relaciones cercanas, la violencia y la opresión vinculadas al honor, la prostitución y la trata de personas.</p>",
        "help_intro": "¿Hay alguien en peligro ahora mismo? Llama al 112.",
    },
}

HOME_HELPLINES = ["sos-112", "kvinnofridslinjen"]


def load_helplines(locales):
    """Every helpline in Swedish, with the translations the demo file gives."""
    data = yaml.safe_load((HERE / "helplines.yaml").read_text(encoding="utf-8"))
    by_key = {}
    for entry in data:
        texts = entry.pop("text")
        key = entry.pop("key")
        common = {
            "phone_number": entry.get("phone_number", ""),
            "alternative_number": entry.get("alternative_number", ""),
            "is_emergency": entry.get("is_emergency", False),
            "open_around_the_clock": entry.get("open_around_the_clock", False),
            "free_of_charge": entry.get("free_of_charge", True),
            "anonymous": entry.get("anonymous", False),
            "languages_offered": entry.get("languages_offered", ""),
            "website": entry.get("website", ""),
            "last_verified": entry.get("last_verified"),
        }
        for code, text in texts.items():
            obj = upsert_translatable(Helpline, f"helpline:{key}", locales[code], **common, **text)
            if code == "sv":
                by_key[key] = obj
    return by_key


def load_home(locales, helplines):
    """The Swedish home page as the site root, translated into every language."""
    root = Page.get_first_root_node()  # made by Wagtail's migrations
    home = HomePage.objects.filter(
        translation_key=stable_key("page:home"), locale=locales["sv"]
    ).first()
    if home is None:
        home = HomePage(
            translation_key=stable_key("page:home"),
            locale=locales["sv"],
            slug="hem",
            **HOME_TEXT["sv"],
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    else:
        home = publish_if_changed(home, **HOME_TEXT["sv"])

    wanted = [helplines[key] for key in HOME_HELPLINES]
    if [link.helpline_id for link in home.helplines.all()] != [h.pk for h in wanted]:
        home.helplines = [HomePageHelpline(helpline=h, sort_order=i) for i, h in enumerate(wanted)]
        home.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Tillsammans mot våld",
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Tillsammans mot våld"
        site.save()
        # Wagtail's "Welcome to your new Wagtail site!" page has nothing a municipality wants.
        if (
            old_root.specific_class is Page
            and old_root.depth == 2
            and not old_root.get_children().exists()
        ):
            old_root.delete()

    for code, text in HOME_TEXT.items():
        if code == "sv":
            continue
        ensure_translation(home, locales[code], **text)
    return home


def load_settings(home):
    site = Site.objects.get(root_page=home)
    settings_obj = SiteSettings.for_site(site)
    if not settings_obj.municipality_name:
        settings_obj.municipality_name = "Exempelkommun"
        settings_obj.save()


STATEMENT = {
    # DIGG's model statement: each shortcoming names its WCAG criterion.
    "sv": {
        "title": "Tillgänglighetsredogörelse",
        "known_issues": "<ul><li>Broschyrer som en kommun laddar upp som egen PDF kan sakna taggar för skärmläsare, så att rubriker och läsordning inte går fram. Det strider mot WCAG 2.1 kriterium 1.3.1 Information och relationer (nivå A). Broschyrer som webbplatsen skapar själv är taggade.</li></ul>",
        "disproportionate_burden": "<p>Vi åberopar inte oskäligt betungande anpassning för något innehåll på webbplatsen.</p>",
        "outside_the_law": "<p>Handlingsplaner som kommunen publicerade som PDF före den 23 september 2018 omfattas inte av lagens krav. Kontakta oss om du behöver en sådan plan i ett annat format.</p>",
        "how_to_report": "<p>Skriv till oss med e-post. Berätta vilken sida det gäller och vad som inte fungerar. Vi svarar inom två arbetsdagar.</p>",
        "testing": "<p>Vi har testat webbplatsen själva med automatiska kontroller (axe, WCAG 2.1 nivå AA), med tangentbord, skärmläsare och på mobil, på svenska och arabiska (höger till vänster).</p>",
    },
    "en": {
        "title": "Accessibility statement",
        "known_issues": "<ul><li>Brochures that a municipality uploads as its own PDF may lack tags for screen readers, so headings and reading order are lost. This fails WCAG 2.1 success criterion 1.3.1 Info and Relationships (level A). Brochures the website makes itself are tagged.</li></ul>",
        "disproportionate_burden": "<p>We do not claim disproportionate burden for any content on the website.</p>",
        "outside_the_law": "<p>Action plans the municipality published as PDF before 23 September 2018 are not covered by the law. Contact us if you need such a plan in another format.</p>",
        "how_to_report": "<p>Write to us by e-mail. Tell us which page it is about and what does not work. We answer within two working days.</p>",
        "testing": "<p>We tested the website ourselves with automated checks (axe, WCAG 2.1 level AA), with a keyboard, a screen reader and on a phone, in Swedish and Arabic (right to left).</p>",
    },
    "ar": {
        "title": "بيان إمكانية الوصول",
        "known_issues": "<ul><li>قد تفتقر الكتيبات التي ترفعها البلدية كملفات PDF خاصة بها إلى علامات لقارئات الشاشة، فتضيع العناوين وترتيب القراءة. وهذا يخالف معيار WCAG 2.1 رقم 1.3.1 المعلومات والعلاقات (المستوى A). الكتيبات التي ينشئها الموقع بنفسه تحتوي على هذه العلامات.</li></ul>",
        "disproportionate_burden": "<p>لا نحتج بالعبء غير المتناسب لأي محتوى على الموقع.</p>",
        "outside_the_law": "<p>خطط العمل التي نشرتها البلدية بصيغة PDF قبل 23 سبتمبر 2018 لا يشملها القانون. اتصل بنا إذا احتجت إلى مثل هذه الخطة بصيغة أخرى.</p>",
        "how_to_report": "<p>اكتب إلينا بالبريد الإلكتروني. أخبرنا بالصفحة المعنية وبما لا يعمل. نرد خلال يومي عمل.</p>",
        "testing": "<p>اختبرنا الموقع بأنفسنا بفحوص آلية (axe، WCAG 2.1 المستوى AA)، وبلوحة المفاتيح وقارئ الشاشة وعلى الهاتف، باللغتين السويدية والعربية (من اليمين إلى اليسار).</p>",
    },
}


def load_accessibility_statement(locales, home):
    """The statement (required by lag 2018:1937), in Swedish, English and Arabic, mirrored as an
    alias into every other language so the footer link stays in the visitor's language.

    Made once: a second run leaves the statement, its translations and the settings as
    the municipality has edited them.
    """
    from datetime import date

    key = stable_key("page:accessibility-statement")
    statement = AccessibilityStatementPage.objects.filter(
        translation_key=key, locale=locales["sv"]
    ).first()
    if statement is None:
        statement = AccessibilityStatementPage(
            translation_key=key,
            locale=locales["sv"],
            slug="tillganglighet",
            show_in_menus=False,
            compliance_status="partial",
            statement_date=date(2026, 11, 28),
            reviewed_date=date(2026, 11, 28),
            **STATEMENT["sv"],
        )
        home.add_child(instance=statement)
        statement.save_revision().publish()
        statement = AccessibilityStatementPage.objects.get(pk=statement.pk)
    for code, locale in locales.items():
        if code == "sv" or statement.get_translation_or_none(locale) is not None:
            continue
        if home.get_translation_or_none(locale) is None:
            continue
        if code in STATEMENT:
            ensure_translation(statement, locale, **STATEMENT[code])
        else:
            statement.copy_for_translation(locale, alias=True)
    return statement


def load_identity(home, statement):
    """Logo, municipality link, contact and the statement in the site settings, once."""
    site = Site.objects.get(root_page=home)
    settings_obj = SiteSettings.for_site(site)
    changed = False
    if settings_obj.accessibility_statement_id is None:
        settings_obj.accessibility_statement = statement
        changed = True
    if not settings_obj.municipality_url:
        settings_obj.municipality_url = "https://www.exempelkommun.example/"
        changed = True
    if not settings_obj.contact_email:
        settings_obj.contact_email = "webbplatsen@exempelkommun.example"
        changed = True
    if settings_obj.logo_id is None:
        settings_obj.logo = _demo_logo()
        changed = True
    if changed:
        settings_obj.save()


def _demo_logo():
    """A plain placeholder logo made here (no file to ship, nothing fetched)."""
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from PIL import ImageDraw
    from wagtail.images.models import Image
    from wagtail.models import Collection

    existing = Image.objects.filter(title="Exempelkommun logotyp").first()
    if existing is not None:
        return existing
    collection = Collection.get_first_root_node()  # made by Wagtail's migrations
    canvas = PILImage.new("RGB", (192, 96), "#ffffff")
    draw = ImageDraw.Draw(canvas)
    draw.ellipse((8, 8, 88, 88), fill="#5a2a82")
    draw.rectangle((104, 28, 184, 68), fill="#5a2a82")
    data = io.BytesIO()
    canvas.save(data, format="PNG")
    return Image.objects.create(
        title="Exempelkommun logotyp",
        collection=collection,
        file=ImageFile(data, name="exempelkommun-logotyp.png"),
    )


class MissingTreeRoot(Exception):
    """The database lacks what Wagtail's migrations make (the page tree's root, the root
    collection): the demo builds on them and does not make them up."""


def load():
    from wagtail.models import Collection

    if Page.get_first_root_node() is None or Collection.get_first_root_node() is None:
        raise MissingTreeRoot(
            "The database has no root page or root collection, which Wagtail's migrations "
            "make: run `manage.py migrate` on it (or restore it) before loading the demo."
        )
    locales = ensure_locales()
    helplines = load_helplines(locales)
    home = load_home(locales, helplines)
    load_settings(home)
    statement = load_accessibility_statement(locales, home)
    load_identity(home, statement)
    # The translators group needs every language's home page (its permissions hang there).
    from translations.translators import setup_translators

    setup_translators()
    return home
