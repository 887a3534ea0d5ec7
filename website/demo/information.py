"""Demo content for support information: pages, local services, glossary and a brochure.

Swedish is the source; English and Arabic translations are made the way editors make
them (same translation key, ``copy_for_translation``). The support index exists in every
site language so that ``/so/stod/…`` can fall back to the Swedish page with a notice.
The brochure is also in Tigrinya, to show a PDF in Ge'ez script. Running twice changes
nothing: every object has a stable key and pages are only republished when they differ.

The Arabic and Tigrinya texts are demo texts; a native speaker should review them before
a municipality publishes anything based on them.
"""

from information.fallback import sync_support_tree
from information.models import (
    Brochure,
    BrochureIndexPage,
    GlossaryPage,
    GlossaryTerm,
    Helpline,
    LocalService,
    SupportIndexPage,
    SupportPage,
)
from website.demo.utils import (
    ensure_child_page,
    ensure_locales,
    ensure_translation,
    publish_if_changed,
    stable_key,
    upsert_translatable,
)
from website.models import HomePage

TRANSLATED = ["en", "ar"]

# Local services --------------------------------------------------------------------------

SERVICES = {
    "socialtjanst": {
        "common": {
            "phone_number": "0123-45 67 00",
            "email": "socialtjansten@exempelkommun.example",
            "languages_offered": "sv,en",
            "walk_in": True,
        },
        "sv": {
            "name": "Socialtjänstens mottagning",
            "audience": "För dig som utsätts för våld, är orolig för ett barn eller behöver skydd.",
            "address": "Storgatan 1, Exempelstad",
            "opening_hours": "Vardagar 8–16. Kvällar och helger: socialjouren via 112.",
            "description": "<p>Du kan få tolk. Tolken har tystnadsplikt.</p>",
        },
        "en": {
            "name": "Social services reception",
            "audience": "For anyone subjected to violence, worried about a child, or in need of protection.",
            "address": "Storgatan 1, Exempelstad",
            "opening_hours": "Weekdays 8–16. Evenings and weekends: the social services emergency line via 112.",
            "description": "<p>You can have an interpreter. The interpreter has a duty of confidentiality.</p>",
        },
        "ar": {
            "name": "استقبال الخدمات الاجتماعية (Socialtjänstens mottagning)",
            "audience": "لمن يتعرض للعنف أو يقلق على طفل أو يحتاج إلى الحماية.",
            "address": "Storgatan 1, Exempelstad",
            "opening_hours": "أيام العمل 8–16. في المساء وعطلة نهاية الأسبوع: خدمة الطوارئ الاجتماعية عبر 112.",
            "description": "<p>يمكنك الحصول على مترجم. المترجم ملزم بالسرية.</p>",
        },
    },
    "kvinnojour": {
        "common": {
            "phone_number": "0123-45 67 10",
            "email": "",
            "languages_offered": "sv,en,ar",
            "walk_in": False,
        },
        "sv": {
            "name": "Kvinnojouren",
            "audience": "För kvinnor och flickor som utsätts för våld. Skyddat boende när det behövs.",
            "address": "Adressen är hemlig för att skydda de som bor där.",
            "opening_hours": "Måndag–fredag 9–21",
            "description": "<p>Du kan vara anonym. Jouren kan hjälpa dig att kontakta socialtjänsten och polisen.</p>",
        },
        "en": {
            "name": "Women's shelter",
            "audience": "For women and girls subjected to violence. Sheltered housing when needed.",
            "address": "The address is secret to protect the people who live there.",
            "opening_hours": "Monday–Friday 9–21",
            "description": "<p>You can be anonymous. The shelter can help you contact social services and the police.</p>",
        },
        "ar": {
            "name": "مأوى النساء (Kvinnojouren)",
            "audience": "للنساء والفتيات اللواتي يتعرضن للعنف. سكن محمي عند الحاجة.",
            "address": "العنوان سري لحماية المقيمات فيه.",
            "opening_hours": "الاثنين–الجمعة 9–21",
            "description": "<p>يمكنك عدم الكشف عن هويتك. يمكن للمأوى مساعدتك في التواصل مع الخدمات الاجتماعية والشرطة.</p>",
        },
    },
    "relationsvaldsteam": {
        "common": {
            "phone_number": "0123-45 67 20",
            "email": "relationsvald@exempelkommun.example",
            "languages_offered": "sv,en,ar",
            "walk_in": False,
        },
        "sv": {
            "name": "Relationsvåldsteamet",
            "audience": "Samtal för dig som utsätts för våld, för barn som upplevt våld och för dig som utövar våld och vill sluta.",
            "address": "Storgatan 1, Exempelstad",
            "opening_hours": "Vardagar 8–17, efter tidsbokning",
            "description": "",
        },
        "en": {
            "name": "Relationship violence team",
            "audience": "Counselling for people subjected to violence, for children who have experienced violence and for people who use violence and want to stop.",
            "address": "Storgatan 1, Exempelstad",
            "opening_hours": "Weekdays 8–17, by appointment",
            "description": "",
        },
        "ar": {
            "name": "فريق العنف في العلاقات",
            "audience": "جلسات حوار لمن يتعرض للعنف، وللأطفال الذين عايشوا العنف، ولمن يمارس العنف ويريد أن يتوقف.",
            "address": "Storgatan 1, Exempelstad",
            "opening_hours": "أيام العمل 8–17، بموعد مسبق",
            "description": "",
        },
    },
    "ungdomsmottagning": {
        "common": {
            "phone_number": "0123-45 67 30",
            "email": "",
            "languages_offered": "sv,en",
            "walk_in": True,
        },
        "sv": {
            "name": "Ungdomsmottagningen",
            "audience": "För unga 13–25 år: kropp, relationer, sex och hur du mår.",
            "address": "Skolgatan 4, Exempelstad",
            "opening_hours": "Drop-in tisdagar 13–16",
            "description": "",
        },
        "en": {
            "name": "Youth clinic",
            "audience": "For young people aged 13–25: body, relationships, sex and how you feel.",
            "address": "Skolgatan 4, Exempelstad",
            "opening_hours": "Drop-in Tuesdays 13–16",
            "description": "",
        },
        "ar": {
            "name": "عيادة الشباب (Ungdomsmottagningen)",
            "audience": "للشباب من 13 إلى 25 عامًا: الجسد والعلاقات والجنس وحالتك النفسية.",
            "address": "Skolgatan 4, Exempelstad",
            "opening_hours": "دون موعد أيام الثلاثاء 13–16",
            "description": "",
        },
    },
}

# Glossary ---------------------------------------------------------------------------------

TERMS = {
    "vinr": {
        "sv": (
            "VINR – våld i nära relationer",
            "<p>Våld från någon du har eller har haft en nära relation till: en partner, en förälder, ett syskon eller någon annan i familjen. Våldet kan vara fysiskt, psykiskt, sexuellt, ekonomiskt eller handla om att bli kontrollerad.</p>",
        ),
        "en": (
            "VINR – violence in close relationships",
            "<p>Violence from someone you are or have been close to: a partner, a parent, a sibling or someone else in the family. It can be physical, psychological, sexual, financial, or about being controlled.</p>",
        ),
        "ar": (
            "VINR – العنف في العلاقات القريبة",
            "<p>عنف من شخص تربطك أو ربطتك به علاقة قريبة: شريك، أحد الوالدين، أخ أو أخت أو فرد آخر من العائلة. قد يكون العنف جسديًا أو نفسيًا أو جنسيًا أو ماليًا أو على شكل سيطرة.</p>",
        ),
    },
    "hrv": {
        "sv": (
            "HRV – hedersrelaterat våld och förtryck",
            "<p>Våld, hot och kontroll som motiveras med att familjens eller släktens heder ska skyddas, till exempel vem du får träffa, gifta dig med eller hur du klär dig.</p>",
        ),
        "en": (
            "HRV – honour-related violence and oppression",
            "<p>Violence, threats and control justified by protecting the honour of the family or relatives, for example whom you may meet, marry, or how you dress.</p>",
        ),
        "ar": (
            "HRV – العنف والقمع المرتبطان بالشرف",
            "<p>العنف والتهديد والسيطرة بحجة حماية شرف العائلة أو الأقارب، مثل من يُسمح لك بلقائه أو الزواج منه أو كيف تلبس.</p>",
        ),
    },
    "pom": {
        "sv": (
            "POM – prostitution och människohandel",
            "<p>Att någon köper sex av en annan människa, eller att människor rekryteras, flyttas eller hålls kvar för att utnyttjas, till exempel sexuellt eller i arbete.</p>",
        ),
        "en": (
            "POM – prostitution and human trafficking",
            "<p>Someone buying sex from another person, or people being recruited, moved or held to be exploited, for example sexually or for work.</p>",
        ),
        "ar": (
            "POM – الدعارة والاتجار بالبشر",
            "<p>أن يشتري شخص الجنس من شخص آخر، أو أن يتم تجنيد أشخاص أو نقلهم أو احتجازهم لاستغلالهم، مثلًا جنسيًا أو في العمل.</p>",
        ),
    },
    "barnfridsbrott": {
        "sv": (
            "Barnfridsbrott",
            "<p>Ett brott när ett barn ser eller hör våld mellan närstående. Barnet räknas som brottsoffer och kan få stöd och skadestånd.</p>",
        ),
        "en": (
            "Barnfridsbrott (violation of a child's integrity)",
            "<p>A crime when a child sees or hears violence between people close to them. The child counts as a victim of crime and can get support and compensation.</p>",
        ),
        "ar": (
            "Barnfridsbrott (جريمة انتهاك سلام الطفل)",
            "<p>جريمة عندما يرى الطفل أو يسمع العنف بين أشخاص قريبين منه. يُعتبر الطفل ضحية للجريمة ويمكنه الحصول على الدعم والتعويض.</p>",
        ),
    },
    "kontaktforbud": {
        "sv": (
            "Kontaktförbud",
            "<p>Ett beslut från åklagaren att en person inte får kontakta eller följa efter dig. Du ansöker hos polisen eller åklagaren.</p>",
        ),
        "en": (
            "Kontaktförbud (restraining order)",
            "<p>A decision by the prosecutor that a person may not contact or follow you. You apply through the police or the prosecutor.</p>",
        ),
        "ar": (
            "Kontaktförbud (أمر حظر التواصل)",
            "<p>قرار من المدعي العام يمنع شخصًا من التواصل معك أو ملاحقتك. تقدم الطلب عبر الشرطة أو المدعي العام.</p>",
        ),
    },
    "skyddat-boende": {
        "sv": (
            "Skyddat boende",
            "<p>Ett boende med hemlig adress för dig (och dina barn) när det inte är säkert att bo hemma. Socialtjänsten eller kvinnojouren hjälper dig dit.</p>",
        ),
        "en": (
            "Skyddat boende (sheltered housing)",
            "<p>Housing at a secret address for you (and your children) when it is not safe to live at home. Social services or the women's shelter help you get there.</p>",
        ),
        "ar": (
            "Skyddat boende (سكن محمي)",
            "<p>سكن بعنوان سري لك (ولأطفالك) عندما لا يكون البقاء في المنزل آمنًا. تساعدك الخدمات الاجتماعية أو مأوى النساء في الوصول إليه.</p>",
        ),
    },
}

# Brochure ---------------------------------------------------------------------------------

BROCHURE_KEY = "brochure:stod-vid-vald"
BROCHURE_CONTACTS = [
    ("helpline", "sos-112"),
    ("helpline", "kvinnofridslinjen"),
    ("helpline", "terrafem"),
    ("local_service", "socialtjanst"),
]
BROCHURE = {
    "sv": {
        "title": "Stöd när någon gör dig illa",
        "summary": "Ingen har rätt att slå, hota eller kontrollera dig. Du kan få hjälp, gratis, och du kan vara anonym.",
        "sections": [
            (
                "Vad är våld?",
                "<p>Våld är att slå, knuffa, hota, kontrollera, tvinga till sex eller ta dina pengar. Det är våld även när det är någon i familjen som gör det.</p>",
            ),
            (
                "Vem kan hjälpa dig?",
                "<p>Kommunens socialtjänst, kvinnojouren och stödlinjerna på baksidan. Du kan få tolk, och tolken har tystnadsplikt.</p>",
            ),
            ("Om du är i fara", "<p>Ring 112. Berätta var du är och att du är i fara.</p>"),
        ],
    },
    "en": {
        "title": "Support when someone hurts you",
        "summary": "Nobody has the right to hit, threaten or control you. You can get help, free of charge, and you can be anonymous.",
        "sections": [
            (
                "What is violence?",
                "<p>Violence is hitting, pushing, threatening, controlling, forcing you into sex or taking your money. It is violence also when someone in your family does it.</p>",
            ),
            (
                "Who can help you?",
                "<p>The municipality's social services, the women's shelter and the helplines in this brochure. You can have an interpreter, and the interpreter has a duty of confidentiality.</p>",
            ),
            (
                "If you are in danger",
                "<p>Call 112. Say where you are and that you are in danger.</p>",
            ),
        ],
    },
    "ar": {
        "title": "الدعم عندما يؤذيك أحد",
        "summary": "لا يحق لأحد أن يضربك أو يهددك أو يسيطر عليك. يمكنك الحصول على المساعدة مجانًا، ويمكنك عدم الكشف عن هويتك.",
        "sections": [
            (
                "ما هو العنف؟",
                "<p>العنف هو الضرب أو الدفع أو التهديد أو السيطرة أو الإجبار على الجنس أو أخذ أموالك. وهو عنف أيضًا عندما يقوم به أحد أفراد عائلتك.</p>",
            ),
            (
                "من يمكنه مساعدتك؟",
                "<p>الخدمات الاجتماعية في البلدية ومأوى النساء وخطوط الدعم في هذا الكتيب. يمكنك الحصول على مترجم، والمترجم ملزم بالسرية.</p>",
            ),
            ("إذا كنت في خطر", "<p>اتصل بالرقم 112. قل أين أنت وأنك في خطر.</p>"),
        ],
    },
    "ti": {
        "title": "ሓደ ሰብ ክጎድኣኩም ከሎ ደገፍ",
        "summary": "ዝኾነ ሰብ ክወቕዓኩም፡ ከፈራርሓኩም ወይ ክቆጻጸረኩም መሰል የብሉን። ብነጻ ሓገዝ ክትረኽቡ ትኽእሉ፡ ስምኩም ከይገለጽኩም ድማ።",
        "sections": [
            (
                "ዓመጽ እንታይ እዩ?",
                "<p>ዓመጽ ምውቃዕ፡ ምድፋእ፡ ምፍርራሕ፡ ምቍጽጻር፡ ንጾታዊ ርክብ ምግዳድ ወይ ገንዘብኩም ምውሳድ እዩ። ኣባል ስድራኹም እንተ ገበሮ’ውን ዓመጽ እዩ።</p>",
            ),
            (
                "መን ክሕግዘኩም ይኽእል?",
                "<p>ማሕበራዊ ኣገልግሎት ናይ ምምሕዳር ከተማ፡ መዕቆቢ ደቂ ኣንስትዮን ኣብዚ ብሮሹር ዘለዉ መስመራት ደገፍን። ተርጓሚ ክትረኽቡ ትኽእሉ ኢኹም፡ ተርጓሚ ድማ ምስጢር ናይ ምሕላው ግዴታ ኣለዎ።</p>",
            ),
            ("ኣብ ሓደጋ እንተሃሊኹም", "<p>ናብ 112 ደውሉ። ኣበይ ከም ዘለኹምን ኣብ ሓደጋ ከም ዘለኹምን ንገሩ።</p>"),
        ],
    },
}

# Pages ------------------------------------------------------------------------------------

INDEX = {
    "sv": {
        "title": "Stöd och hjälp",
        "search_description": "Hjälp för dig som utsätts för våld, barn och unga, anhöriga, och för dig som vill sluta använda våld.",
        "intro": "<p>Välj det som passar dig. Du kan vara anonym när du ringer stödlinjerna.</p>",
    },
    "en": {
        "title": "Support and help",
        "search_description": "Help for people subjected to violence, children and young people, relatives, and people who want to stop using violence.",
        "intro": "<p>Choose what fits you. You can be anonymous when you call the helplines.</p>",
    },
    "ar": {
        "title": "الدعم والمساعدة",
        "search_description": "مساعدة لمن يتعرض للعنف، وللأطفال والشباب، وللأقارب، ولمن يريد التوقف عن استخدام العنف.",
        "intro": "<p>اختر ما يناسبك. يمكنك عدم الكشف عن هويتك عند الاتصال بخطوط الدعم.</p>",
    },
    "fa": {
        "title": "حمایت و کمک",
        "search_description": "کمک برای کسانی که در معرض خشونت هستند، کودکان و نوجوانان و بستگان.",
        "intro": "",
    },
    "so": {
        "title": "Taageero iyo caawimo",
        "search_description": "Caawimo loogu talagalay dadka lagu sameeyo rabshad, carruurta iyo dhallinyarada, iyo qaraabada.",
        "intro": "",
    },
    "ti": {
        "title": "ደገፍን ሓገዝን",
        "search_description": "ንዓመጽ ዝተቓልዑ፡ ንቖልዑን መንእሰያትን ከምኡ’ውን ንስድራን ሓገዝ።",
        "intro": "",
    },
    "fi": {
        "title": "Tuki ja apu",
        "search_description": "Apua väkivaltaa kokeville, lapsille ja nuorille sekä läheisille.",
        "intro": "",
    },
}

BROCHURE_INDEX = {
    "sv": {
        "title": "Broschyrer",
        "intro": "<p>Läs på webben eller ladda ner som PDF för att skriva ut. Broschyrerna finns på flera språk.</p>",
    },
    "en": {
        "title": "Brochures",
        "intro": "<p>Read online or download as PDF to print. The brochures are available in several languages.</p>",
    },
    "ar": {
        "title": "الكتيبات",
        "intro": "<p>اقرأ على الإنترنت أو نزّل ملف PDF للطباعة. الكتيبات متوفرة بعدة لغات.</p>",
    },
}

GLOSSARY = {
    "sv": {
        "title": "Ordlista",
        "intro": "<p>Ord och förkortningar som används på webbplatsen.</p>",
    },
    "en": {"title": "Glossary", "intro": "<p>Words and abbreviations used on this website.</p>"},
    "ar": {
        "title": "قاموس المصطلحات",
        "intro": "<p>الكلمات والاختصارات المستخدمة في هذا الموقع.</p>",
    },
}


def _t(sv, en, ar):
    return {"sv": sv, "en": en, "ar": ar}


# Each page: slug, texts per language, and a body whose structure is shared by all
# languages (text parts are dicts per language; snippets are named by their demo key).
SUPPORT_PAGES = [
    {
        "key": "utsatt-for-vald",
        "title": _t(
            "Om du utsätts för våld", "If you are subjected to violence", "إذا كنت تتعرض للعنف"
        ),
        "search_description": _t(
            "Stöd för dig som blir slagen, hotad eller kontrollerad av någon du står nära.",
            "Support if someone close to you hits, threatens or controls you.",
            "الدعم إذا كان شخص قريب منك يضربك أو يهددك أو يسيطر عليك.",
        ),
        "easy_read": _t(
            "<ul><li>Ingen får slå, hota eller kontrollera dig.</li><li>Det är inte ditt fel.</li><li>Ring Kvinnofridslinjen. Det är gratis. Du behöver inte säga ditt namn.</li></ul>",
            "<ul><li>Nobody may hit, threaten or control you.</li><li>It is not your fault.</li><li>Call <span lang='sv'>Kvinnofridslinjen</span>. It is free. You do not have to say your name.</li></ul>",
            "<ul><li>لا يحق لأحد أن يضربك أو يهددك أو يسيطر عليك.</li><li>هذا ليس خطأك.</li><li>اتصل بخط كفينوفريدس. الاتصال مجاني. لا داعي لأن تقول اسمك.</li></ul>",
        ),
        "body": [
            ("emergency", None),
            (
                "text",
                _t(
                    "<h2>Du kan få hjälp</h2><p>Våld kan vara slag, hot, att någon kontrollerar dina pengar eller din telefon, eller tvingar dig till sex. Du kan prata med någon som lyssnar, utan att bestämma något direkt.</p>",
                    "<h2>You can get help</h2><p>Violence can be blows, threats, someone controlling your money or your phone, or forcing you into sex. You can talk to someone who listens, without deciding anything right away.</p>",
                    "<h2>يمكنك الحصول على المساعدة</h2><p>قد يكون العنف ضربًا أو تهديدًا أو سيطرة شخص ما على أموالك أو هاتفك أو إجبارك على الجنس. يمكنك التحدث إلى شخص يستمع إليك دون أن تقرر أي شيء فورًا.</p>",
                ),
            ),
            ("helpline", "kvinnofridslinjen"),
            ("helpline", "terrafem"),
            ("helpline", "brottsofferjouren"),
            ("local_service", "kvinnojour"),
            ("local_service", "socialtjanst"),
            (
                "questions",
                _t("Vanliga frågor", "Common questions", "أسئلة شائعة"),
                [
                    _t(
                        (
                            "Måste jag polisanmäla?",
                            "<p>Nej. Du kan få stöd utan att göra en polisanmälan.</p>",
                        ),
                        (
                            "Do I have to report to the police?",
                            "<p>No. You can get support without reporting to the police.</p>",
                        ),
                        (
                            "هل يجب أن أبلغ الشرطة؟",
                            "<p>لا. يمكنك الحصول على الدعم دون تقديم بلاغ للشرطة.</p>",
                        ),
                    ),
                    _t(
                        (
                            "Kan jag få tolk?",
                            "<p>Ja. Socialtjänsten ordnar tolk utan kostnad. Tolken har tystnadsplikt.</p>",
                        ),
                        (
                            "Can I have an interpreter?",
                            "<p>Yes. Social services arrange an interpreter free of charge. The interpreter has a duty of confidentiality.</p>",
                        ),
                        (
                            "هل يمكنني الحصول على مترجم؟",
                            "<p>نعم. توفر الخدمات الاجتماعية مترجمًا مجانًا. المترجم ملزم بالسرية.</p>",
                        ),
                    ),
                ],
            ),
            ("brochure", "stod-vid-vald"),
            ("glossary", ["vinr", "kontaktforbud", "skyddat-boende"]),
        ],
    },
    {
        "key": "barn-och-unga",
        "title": _t("För barn och unga", "For children and young people", "للأطفال والشباب"),
        "search_description": _t(
            "Om någon hemma gör dig illa, eller om du ser våld mellan vuxna.",
            "If someone at home hurts you, or you see violence between adults.",
            "إذا كان أحد في المنزل يؤذيك، أو إذا كنت ترى العنف بين البالغين.",
        ),
        "easy_read": _t(
            "<ul><li>Vuxna får aldrig slå dig.</li><li>Du kan ringa BRIS. Det är gratis.</li><li>Prata med en vuxen du litar på, till exempel skolkuratorn.</li></ul>",
            "<ul><li>Adults may never hit you.</li><li>You can call BRIS. It is free.</li><li>Talk to an adult you trust, for example the school counsellor.</li></ul>",
            "<ul><li>لا يحق للبالغين ضربك أبدًا.</li><li>يمكنك الاتصال ببريس. الاتصال مجاني.</li><li>تحدث إلى شخص بالغ تثق به، مثل المرشد في المدرسة.</li></ul>",
        ),
        "body": [
            ("emergency", None),
            ("helpline", "bris"),
            ("local_service", "ungdomsmottagning"),
            ("glossary", ["barnfridsbrott"]),
        ],
    },
    {
        "key": "anhoriga",
        "title": _t("För anhöriga och vänner", "For relatives and friends", "للأقارب والأصدقاء"),
        "search_description": _t(
            "Om du är orolig för någon som kan vara utsatt för våld.",
            "If you are worried about someone who may be subjected to violence.",
            "إذا كنت قلقًا على شخص قد يتعرض للعنف.",
        ),
        "easy_read": _t(
            "<ul><li>Lyssna och tro på det personen berättar.</li><li>Du kan ringa Kvinnofridslinjen för råd.</li></ul>",
            "<ul><li>Listen and believe what the person tells you.</li><li>You can call <span lang='sv'>Kvinnofridslinjen</span> for advice.</li></ul>",
            "<ul><li>استمع وصدّق ما يخبرك به الشخص.</li><li>يمكنك الاتصال بخط كفينوفريدس للحصول على النصيحة.</li></ul>",
        ),
        "body": [
            ("helpline", "kvinnofridslinjen"),
            ("helpline", "brottsofferjouren"),
            ("emergency", None),
        ],
    },
    {
        "key": "hedersrelaterat-vald",
        "title": _t(
            "Hedersrelaterat våld och förtryck",
            "Honour-related violence and oppression",
            "العنف والقمع المرتبطان بالشرف",
        ),
        "search_description": _t(
            "Om din familj bestämmer vem du får träffa, gifta dig med eller hur du ska leva.",
            "If your family decides whom you may meet, marry, or how you must live.",
            "إذا كانت عائلتك تقرر من يمكنك لقاؤه أو الزواج منه أو كيف يجب أن تعيش.",
        ),
        "easy_read": _t(
            "<ul><li>Du får själv välja vem du gifter dig med.</li><li>Socialtjänsten kan skydda dig, även mot din familj.</li></ul>",
            "<ul><li>You may choose yourself whom you marry.</li><li>Social services can protect you, even from your family.</li></ul>",
            "<ul><li>من حقك أن تختار بنفسك من تتزوج.</li><li>يمكن للخدمات الاجتماعية حمايتك، حتى من عائلتك.</li></ul>",
        ),
        "body": [
            ("emergency", None),
            ("helpline", "terrafem"),
            ("local_service", "socialtjanst"),
            ("glossary", ["hrv"]),
        ],
    },
    {
        "key": "prostitution-och-manniskohandel",
        "title": _t(
            "Prostitution, människohandel och sexuell exploatering",
            "Prostitution, trafficking and sexual exploitation",
            "الدعارة والاتجار بالبشر والاستغلال الجنسي",
        ),
        "search_description": _t(
            "Om du säljer sex, tvingas till det eller utnyttjas.",
            "If you sell sex, are forced to, or are exploited.",
            "إذا كنت تبيع الجنس أو تُجبر على ذلك أو يتم استغلالك.",
        ),
        "easy_read": _t(
            "<ul><li>Det är inte ett brott att sälja sex i Sverige. Det är ett brott att köpa.</li><li>Du kan få stöd utan att polisanmäla.</li></ul>",
            "<ul><li>Selling sex is not a crime in Sweden. Buying is.</li><li>You can get support without reporting to the police.</li></ul>",
            "<ul><li>بيع الجنس ليس جريمة في السويد. الشراء هو الجريمة.</li><li>يمكنك الحصول على الدعم دون إبلاغ الشرطة.</li></ul>",
        ),
        "body": [
            ("emergency", None),
            ("helpline", "kvinnofridslinjen"),
            ("helpline", "polisen"),
            ("glossary", ["pom"]),
        ],
    },
    {
        "key": "utovar-du-vald",
        "title": _t("Använder du våld?", "Do you use violence?", "هل تستخدم العنف؟"),
        "search_description": _t(
            "Hjälp att sluta för dig som har slagit, hotat eller kontrollerat någon du står nära.",
            "Help to stop if you have hit, threatened or controlled someone close to you.",
            "مساعدة على التوقف إذا كنت قد ضربت أو هددت أو سيطرت على شخص قريب منك.",
        ),
        "easy_read": _t(
            "<ul><li>Du kan sluta. Det finns hjälp.</li><li>Ring Välj att sluta. Du kan vara anonym.</li></ul>",
            "<ul><li>You can stop. There is help.</li><li>Call <span lang='sv'>Välj att sluta</span>. You can be anonymous.</li></ul>",
            "<ul><li>يمكنك أن تتوقف. هناك مساعدة.</li><li>اتصل بخط <span lang='sv'>Välj att sluta</span>. يمكنك عدم الكشف عن هويتك.</li></ul>",
        ),
        "body": [
            ("helpline", "valj-att-sluta"),
            ("helpline", "stodlinjen-for-man"),
            ("local_service", "relationsvaldsteam"),
        ],
    },
    {
        "key": "for-yrkesverksamma",
        "title": _t(
            "För dig som arbetar med barn eller vuxna",
            "For professionals",
            "للعاملين مع الأطفال أو البالغين",
        ),
        "search_description": _t(
            "Så gör du en orosanmälan, och vad anmälningsplikten innebär.",
            "How to report concern about a child, and what the duty to report means.",
            "كيفية الإبلاغ عن القلق بشأن طفل، وما يعنيه واجب الإبلاغ.",
        ),
        "easy_read": _t("", "", ""),
        "body": [
            (
                "text",
                _t(
                    "<h2>Anmälningsplikt</h2><p>Om du arbetar med barn, i skola, vård, socialtjänst eller polis, måste du genast anmäla till socialtjänsten när du får veta eller misstänker att ett barn far illa (14 kap. 1 § socialtjänstlagen). Det gäller också när ett barn bevittnar våld.</p><h2>Så gör du en orosanmälan</h2><p>Ring socialtjänstens mottagning eller skriv till den. Efter kontorstid når du socialjouren via 112.</p>",
                    "<h2>Duty to report (anmälningsplikt)</h2><p>If you work with children, in schools, health care, social services or the police, you must report to social services at once when you learn or suspect that a child is being harmed. This also applies when a child witnesses violence.</p><h2>How to report concern</h2><p>Call or write to the social services reception. After office hours, reach the social services emergency line via 112.</p>",
                    "<h2>واجب الإبلاغ (anmälningsplikt)</h2><p>إذا كنت تعمل مع الأطفال في المدرسة أو الرعاية الصحية أو الخدمات الاجتماعية أو الشرطة، يجب عليك الإبلاغ فورًا إلى الخدمات الاجتماعية عندما تعلم أو تشك أن طفلًا يتعرض للأذى. ينطبق هذا أيضًا عندما يشهد الطفل العنف.</p><h2>كيفية الإبلاغ عن القلق</h2><p>اتصل باستقبال الخدمات الاجتماعية أو اكتب إليه. بعد ساعات العمل، تواصل مع خدمة الطوارئ الاجتماعية عبر 112.</p>",
                ),
            ),
            ("local_service", "socialtjanst"),
            ("glossary", ["barnfridsbrott"]),
        ],
    },
    {
        "key": "dolj-ditt-besok",
        "title": _t("Dölj ditt besök", "Hide your visit", "إخفاء زيارتك"),
        "search_description": _t(
            "Om du är rädd att någon ser vilka sidor du har besökt.",
            "If you are afraid someone will see which pages you have visited.",
            "إذا كنت تخشى أن يرى أحد الصفحات التي زرتها.",
        ),
        "easy_read": _t(
            "<ul><li>Använd privat läge i webbläsaren.</li><li>Använd en dator eller telefon som ingen annan kan se, till exempel på biblioteket.</li></ul>",
            "<ul><li>Use private browsing.</li><li>Use a computer or phone nobody else can check, for example at the library.</li></ul>",
            "<ul><li>استخدم وضع التصفح الخاص.</li><li>استخدم حاسوبًا أو هاتفًا لا يستطيع أحد غيرك تفقده، مثلًا في المكتبة.</li></ul>",
        ),
        "body": [
            (
                "text",
                _t(
                    "<h2>Privat läge</h2><p>I privat läge (inkognito) sparar webbläsaren inte vilka sidor du besöker. Öppna ett privat fönster innan du söker efter hjälp.</p><h2>Rensa historiken</h2><p>Du kan ta bort enskilda sidor ur historiken. Om du rensar all historik kan det i sig väcka misstankar hos någon som brukar kontrollera din telefon, så ta hellre bort bara de sidor det gäller.</p><h2>Säkra enheter</h2><p>Någon kan ha installerat program som följer vad du gör. Använd hellre en dator på biblioteket, hos en vän eller på jobbet.</p><h2>Knappen ”Lämna sidan snabbt”</h2><p>Knappen tar dig direkt till en annan webbplats. Du kan också trycka på Shift tre gånger. Knappen tar inte bort historiken.</p>",
                    "<h2>Private browsing</h2><p>In private (incognito) mode the browser does not keep the pages you visit. Open a private window before you look for help.</p><h2>Clearing your history</h2><p>You can remove single pages from your history. Clearing all of it can itself look suspicious to someone who checks your phone, so rather remove only the pages concerned.</p><h2>Safe devices</h2><p>Someone may have installed software that follows what you do. Rather use a computer at the library, at a friend's or at work.</p><h2>The “Leave this page quickly” button</h2><p>The button takes you straight to another website. You can also press Shift three times. The button does not erase your history.</p>",
                    "<h2>التصفح الخاص</h2><p>في وضع التصفح الخاص (المتخفي) لا يحفظ المتصفح الصفحات التي تزورها. افتح نافذة خاصة قبل أن تبحث عن المساعدة.</p><h2>مسح سجل التصفح</h2><p>يمكنك حذف صفحات معينة من السجل. مسح السجل بالكامل قد يثير الشك لدى شخص يتفقد هاتفك، لذا من الأفضل حذف الصفحات المعنية فقط.</p><h2>أجهزة آمنة</h2><p>ربما قام أحدهم بتثبيت برامج تتابع ما تفعله. من الأفضل استخدام حاسوب في المكتبة أو عند صديق أو في العمل.</p><h2>زر «مغادرة الصفحة بسرعة»</h2><p>ينقلك الزر مباشرة إلى موقع آخر. يمكنك أيضًا الضغط على مفتاح Shift ثلاث مرات. الزر لا يمسح سجل التصفح.</p>",
                ),
            ),
        ],
    },
]


def load_services(locales):
    by_key = {}
    for key, data in SERVICES.items():
        for code in ["sv", *TRANSLATED]:
            obj = upsert_translatable(
                LocalService, f"service:{key}", locales[code], **data["common"], **data[code]
            )
            if code == "sv":
                by_key[key] = obj
    return by_key


def load_terms(locales):
    by_key = {}
    for key, texts in TERMS.items():
        for code, (term, definition) in texts.items():
            obj = upsert_translatable(
                GlossaryTerm,
                f"term:{key}",
                locales[code],
                term=term,
                slug=key,
                definition=definition,
            )
            if code == "sv":
                by_key[key] = obj
    return by_key


def load_brochure(locales, helplines, services):
    contacts = []
    for i, (kind, key) in enumerate(BROCHURE_CONTACTS):
        target = helplines[key] if kind == "helpline" else services[key]
        contacts.append(
            {"type": kind, "value": target.pk, "id": str(stable_key(f"{BROCHURE_KEY}:contact:{i}"))}
        )
    source = None
    for code, text in BROCHURE.items():
        sections = [
            {
                "type": "section",
                "value": {"heading": heading, "text": body},
                "id": str(stable_key(f"{BROCHURE_KEY}:section:{i}")),
            }
            for i, (heading, body) in enumerate(text["sections"])
        ]
        existing = Brochure.objects.filter(
            translation_key=stable_key(BROCHURE_KEY), locale=locales[code]
        ).first()
        if (
            existing
            and existing.title == text["title"]
            and existing.summary == text["summary"]
            and list(existing.sections.raw_data) == sections
            and list(existing.contacts.raw_data) == contacts
        ):
            brochure = existing  # unchanged: no new revision
        else:
            brochure = upsert_translatable(
                Brochure,
                BROCHURE_KEY,
                locales[code],
                title=text["title"],
                slug="stod-vid-vald",
                summary=text["summary"],
                sections=sections,
                contacts=contacts,
                paper_size="A5",
            )
        if code == "sv":
            source = brochure
    return source


def _stream(page_key, body, code, helplines, services, terms, brochure):
    """The body as raw stream data, with block ids shared by every language."""
    raw = []
    for i, item in enumerate(body):
        kind = item[0]
        block_id = str(stable_key(f"page:{page_key}:body:{i}"))
        if kind == "emergency":
            value = {"text": ""}
        elif kind == "text":
            value = item[1][code]
        elif kind == "helpline":
            value = helplines[item[1]].pk
        elif kind == "local_service":
            value = services[item[1]].pk
        elif kind == "brochure":
            value = brochure.pk
        elif kind == "glossary":
            value = {
                "terms": [
                    {
                        "type": "item",
                        "value": terms[key].pk,
                        "id": str(stable_key(f"page:{page_key}:body:{i}:{key}")),
                    }
                    for key in item[1]
                ]
            }
        elif kind == "questions":
            kind_heading, questions = item[1], item[2]
            value = {
                "heading": kind_heading[code],
                "questions": [
                    {
                        "type": "item",
                        "value": {"question": q[code][0], "answer": q[code][1]},
                        "id": str(stable_key(f"page:{page_key}:body:{i}:q{j}")),
                    }
                    for j, q in enumerate(questions)
                ],
            }
        else:  # pragma: no cover - a typo in the demo data above
            raise ValueError(f"unknown block {kind!r} in demo page {page_key}")
        raw.append({"type": kind, "value": value, "id": block_id})
    return raw


def load():
    locales = ensure_locales()
    home = HomePage.objects.get(translation_key=stable_key("page:home"), locale=locales["sv"])
    helplines = {h.translation_key: h for h in Helpline.objects.filter(locale=locales["sv"])}
    helplines = {
        key: helplines[stable_key(f"helpline:{key}")]
        for key in [
            "sos-112",
            "kvinnofridslinjen",
            "polisen",
            "bris",
            "brottsofferjouren",
            "terrafem",
            "valj-att-sluta",
            "stodlinjen-for-man",
            "vardguiden-1177",
        ]
    }
    services = load_services(locales)
    terms = load_terms(locales)
    brochure = load_brochure(locales, helplines, services)

    index = ensure_child_page(
        home, SupportIndexPage, "page:support-index", slug="stod", show_in_menus=True, **INDEX["sv"]
    )

    pages = []
    for spec in SUPPORT_PAGES:
        key = spec["key"]
        sv_fields = {
            "title": spec["title"]["sv"],
            "search_description": spec["search_description"]["sv"],
            "easy_read": spec["easy_read"]["sv"],
            "body": _stream(key, spec["body"], "sv", helplines, services, terms, brochure),
        }
        page = ensure_child_page(
            index, SupportPage, f"page:support:{key}", slug=key, show_in_menus=True, **sv_fields
        )
        for code in TRANSLATED:
            ensure_translation(
                page,
                locales[code],
                title=spec["title"][code],
                search_description=spec["search_description"][code],
                easy_read=spec["easy_read"][code],
                body=_stream(key, spec["body"], code, helplines, services, terms, brochure),
            )
        pages.append(page)

    hide_visit = next(p for p in pages if p.slug == "dolj-ditt-besok")
    if index.hide_visit_page_id != hide_visit.pk:
        publish_if_changed(index, hide_visit_page=hide_visit)
    # Translated after the Swedish page is complete, so none of them starts out of date.
    for code, text in INDEX.items():
        if code != "sv":
            ensure_translation(index, locales[code], hide_visit_page=hide_visit, **text)

    brochures = ensure_child_page(
        index,
        BrochureIndexPage,
        "page:brochures",
        slug="broschyrer",
        show_in_menus=False,
        **BROCHURE_INDEX["sv"],
    )
    glossary = ensure_child_page(
        index, GlossaryPage, "page:glossary", slug="ordlista", show_in_menus=False, **GLOSSARY["sv"]
    )
    for code in TRANSLATED:
        ensure_translation(brochures, locales[code], **BROCHURE_INDEX[code])
        ensure_translation(glossary, locales[code], **GLOSSARY[code])
    # Every other language gets the section as aliases of the Swedish pages (the
    # synchronised tree, see information/fallback.py); an editor can translate them later.
    sync_support_tree()
    return {
        "index": index,
        "pages": pages,
        "brochure": brochure,
        "brochures": brochures,
        "glossary": glossary,
    }
