"""A synthetic patient population: names, addresses and contact details from many countries
and scripts, generated deterministically from a seed. Nothing here is about a real person.

- Names are common given and family names of each culture, combined at random.
- Street names are generic ("Oak Street", "Hauptstraße"); house numbers are random.
- Cities, regions and postal codes are real places (so the per-country postal-code rules
  are exercised), never a real person's address.
- Emails are under the reserved example.com/.org/.net domains (RFC 2606).
- Phones come only from ranges the numbering authorities reserve for fiction: NANP
  555-0100..0199 (US, CA), Ofcom's drama numbers (GB) and ACMA's (AU); patients elsewhere
  have no phone.
"""
import datetime
import random
import unicodedata

# Bump when the generator changes what a given (seed, index) produces: it is part of each
# patient's Idempotency-Key, so a changed generator never replays an old response.
GENERATOR_VERSION = 1

# --- fictional phone ranges ------------------------------------------------------------------
# (prefix, digits that follow, how many numbers): every number is prefix + a zero-padded
# counter, so allocation in order never repeats one.
NANP_AREA_CODES = {
    "US": ["212", "310", "312", "415", "503", "617", "702", "713", "808", "907", "305", "206"],
    "CA": ["416", "514", "604", "613", "403", "902", "204", "306"],
}
FICTIONAL_PHONES = {
    "US": [(f"+1{area}55501", 2, 100) for area in NANP_AREA_CODES["US"]],
    "CA": [(f"+1{area}55501", 2, 100) for area in NANP_AREA_CODES["CA"]],
    "GB": [
        ("+4420794600", 2, 100), ("+441134960", 3, 1000), ("+441614960", 3, 1000),
        ("+441314960", 3, 1000), ("+441214960", 3, 1000), ("+447700900", 3, 1000),
    ],
    "AU": [("+6125550", 4, 10000), ("+6137010", 4, 10000), ("+6175550", 4, 10000), ("+6187010", 4, 10000)],
}


class PhoneBook:
    """Hands out each fictional number once, in order."""

    def __init__(self):
        self.used = {}

    def next(self, country):
        ranges = FICTIONAL_PHONES.get(country)
        if not ranges:
            return None
        n = self.used.get(country, 0)
        self.used[country] = n + 1
        for prefix, digits, size in ranges:
            if n < size:
                return prefix + str(n).zfill(digits)
            n -= size
        return None  # the ranges are used up: no phone rather than a real one


# --- postal codes -----------------------------------------------------------------------------
def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def ca_postal(rng, first):
    letters = "ABCEGHJKLMNPRSTVWXYZ"
    return f"{first}{rng.randint(1, 9)}{rng.choice(letters)} {rng.randint(0, 9)}{rng.choice(letters)}{rng.randint(0, 9)}"


def gb_postal(rng, outward):
    return f"{outward} {rng.randint(0, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"


# (city, state_province, postal code maker) per country. Real places; the code fits the place.
def prefixed(prefix, total):
    return lambda rng: prefix + digits(rng, total - len(prefix))


PLACES = {
    "US": [("Springfield", "IL", prefixed("627", 5)), ("Austin", "TX", prefixed("787", 5)),
           ("San Francisco", "CA", prefixed("941", 5)), ("Brooklyn", "NY", prefixed("112", 5)),
           ("Honolulu", "HI", prefixed("968", 5)), ("Anchorage", "AK", lambda r: "995" + digits(r, 2) + "-" + digits(r, 4))],
    "CA": [("Toronto", "ON", lambda r: ca_postal(r, "M")), ("Montréal", "QC", lambda r: ca_postal(r, "H")),
           ("Vancouver", "BC", lambda r: ca_postal(r, "V")), ("Halifax", "NS", lambda r: ca_postal(r, "B"))],
    "GB": [("London", "Greater London", lambda r: gb_postal(r, r.choice(["E1", "N7", "SE15", "SW1A", "W2"]))),
           ("Manchester", "Greater Manchester", lambda r: gb_postal(r, "M" + str(r.randint(1, 40)))),
           ("Edinburgh", "Scotland", lambda r: gb_postal(r, "EH" + str(r.randint(1, 17)))),
           ("Cardiff", "Wales", lambda r: gb_postal(r, "CF" + str(r.randint(10, 24))))],
    "IE": [("Dublin", "County Dublin", None), ("Cork", "County Cork", None), ("Galway", "County Galway", None)],
    "DE": [("Berlin", "Berlin", prefixed("10", 5)), ("München", "Bayern", prefixed("80", 5)),
           ("Köln", "Nordrhein-Westfalen", prefixed("50", 5)), ("Hamburg", "Hamburg", prefixed("20", 5))],
    "FR": [("Paris", "Île-de-France", lambda r: "750" + str(r.randint(1, 20)).zfill(2)),
           ("Lyon", "Auvergne-Rhône-Alpes", lambda r: "6900" + str(r.randint(1, 9))),
           ("Marseille", "Provence-Alpes-Côte d'Azur", lambda r: "130" + str(r.randint(1, 16)).zfill(2))],
    "ES": [("Madrid", "Comunidad de Madrid", prefixed("280", 5)), ("Barcelona", "Cataluña", prefixed("080", 5)),
           ("Sevilla", "Andalucía", prefixed("410", 5))],
    "IT": [("Roma", "RM", prefixed("001", 5)), ("Milano", "MI", prefixed("201", 5)), ("Napoli", "NA", prefixed("801", 5))],
    "NL": [("Amsterdam", "Noord-Holland", lambda r: "10" + digits(r, 2) + " " + r.choice("ABCDEFGHJKLMN") + r.choice("ABCDEFGHJKLMN")),
           ("Utrecht", "Utrecht", lambda r: "35" + digits(r, 2) + " " + r.choice("ABCDEFGHJKLMN") + r.choice("ABCDEFGHJKLMN"))],
    "PL": [("Kraków", "małopolskie", lambda r: "3" + digits(r, 1) + "-" + digits(r, 3)),
           ("Gdańsk", "pomorskie", lambda r: "80-" + digits(r, 3))],
    "TR": [("İstanbul", "İstanbul", prefixed("34", 5)), ("İzmir", "İzmir", prefixed("35", 5))],
    "GR": [("Αθήνα", "Αττική", lambda r: "10" + digits(r, 1) + " " + digits(r, 2)),
           ("Θεσσαλονίκη", "Κεντρική Μακεδονία", lambda r: "54" + digits(r, 1) + " " + digits(r, 2))],
    "RU": [("Москва", "Москва", prefixed("101", 6)), ("Санкт-Петербург", "Санкт-Петербург", prefixed("190", 6))],
    "UA": [("Київ", "Київ", prefixed("01", 5)), ("Львів", "Львівська область", prefixed("79", 5))],
    "GE": [("თბილისი", "თბილისი", prefixed("01", 4))],
    "AM": [("Երևան", "Երևան", prefixed("00", 4))],
    "IL": [("ירושלים", "ירושלים", prefixed("91", 7)), ("תל אביב-יפו", "תל אביב", prefixed("61", 7))],
    "EG": [("القاهرة", "القاهرة", prefixed("11", 5)), ("الإسكندرية", "الإسكندرية", prefixed("21", 5))],
    "SA": [("الرياض", "منطقة الرياض", prefixed("1", 5)), ("جدة", "منطقة مكة المكرمة", prefixed("2", 5))],
    "AE": [("دبي", "دبي", None), ("Abu Dhabi", "Abu Dhabi", None)],
    "IN": [("मुंबई", "महाराष्ट्र", prefixed("400", 6)), ("New Delhi", "Delhi", prefixed("110", 6)),
           ("சென்னை", "தமிழ்நாடு", prefixed("600", 6)), ("Bengaluru", "Karnataka", prefixed("560", 6))],
    "TH": [("กรุงเทพมหานคร", "กรุงเทพมหานคร", prefixed("10", 5)), ("เชียงใหม่", "เชียงใหม่", prefixed("50", 5))],
    "VN": [("Hà Nội", "Hà Nội", prefixed("10", 6)), ("Thành phố Hồ Chí Minh", "Hồ Chí Minh", prefixed("70", 6))],
    "CN": [("北京", "北京市", prefixed("100", 6)), ("上海", "上海市", prefixed("200", 6)), ("成都", "四川省", prefixed("610", 6))],
    "HK": [("香港", "九龍", None), ("Hong Kong", "Hong Kong Island", None)],
    "TW": [("臺北市", "臺北市", prefixed("10", 3)), ("高雄市", "高雄市", prefixed("80", 3))],
    "JP": [("千代田区", "東京都", lambda r: "100-" + digits(r, 4)), ("大阪市", "大阪府", lambda r: "530-" + digits(r, 4)),
           ("札幌市", "北海道", lambda r: "060-" + digits(r, 4))],
    "KR": [("서울", "서울특별시", prefixed("0", 5)), ("부산", "부산광역시", prefixed("4", 5))],
    "AU": [("Sydney", "NSW", prefixed("20", 4)), ("Melbourne", "VIC", prefixed("30", 4)), ("Brisbane", "QLD", prefixed("40", 4))],
    "BR": [("São Paulo", "SP", lambda r: "0" + digits(r, 4) + "-" + digits(r, 3)),
           ("Rio de Janeiro", "RJ", lambda r: "2" + digits(r, 4) + "-" + digits(r, 3))],
    "MX": [("Ciudad de México", "CDMX", prefixed("06", 5)), ("Guadalajara", "Jalisco", prefixed("44", 5))],
    "NG": [("Lagos", "Lagos", prefixed("100", 6)), ("Abuja", "FCT", prefixed("900", 6))],
    "KE": [("Nairobi", "Nairobi", prefixed("00", 5))],
    "ET": [("አዲስ አበባ", "አዲስ አበባ", prefixed("1", 4))],
}

# Street line per country: a pattern filled with a street name and a house number.
STREETS = {
    "US": ("{n} {s}", ["Oak Street", "Maple Avenue", "Main Street", "Cedar Lane", "Elm Drive"]),
    "CA": ("{n} {s}", ["King Street West", "Rue Saint-Denis", "Main Street", "Birch Avenue"]),
    "GB": ("{n} {s}", ["High Street", "Church Road", "Station Road", "Victoria Road"]),
    "IE": ("{n} {s}", ["Main Street", "Bóthar na Trá", "Church Road"]),
    "AU": ("{n} {s}", ["George Street", "Beach Road", "Wattle Avenue"]),
    "NG": ("{n} {s}", ["Allen Avenue", "Adeola Odeku Street"]),
    "KE": ("{n} {s}", ["Moi Avenue", "Kenyatta Avenue"]),
    "DE": ("{s} {n}", ["Hauptstraße", "Schulstraße", "Gartenweg", "Bahnhofstraße"]),
    "NL": ("{s} {n}", ["Kerkstraat", "Dorpsstraat", "Molenweg"]),
    "PL": ("ul. {s} {n}", ["Długa", "Polna", "Słoneczna"]),
    "TR": ("{s} No: {n}", ["Atatürk Caddesi", "Çiçek Sokak"]),
    "FR": ("{n} {s}", ["rue de la Paix", "avenue Victor-Hugo", "rue des Écoles"]),
    "ES": ("{s}, {n}", ["Calle Mayor", "Avenida de la Constitución", "Calle del Sol"]),
    "IT": ("{s} {n}", ["Via Roma", "Via Garibaldi", "Corso Italia"]),
    "BR": ("{s}, {n}", ["Rua das Flores", "Avenida Brasil", "Rua São João"]),
    "MX": ("{s} {n}", ["Avenida Juárez", "Calle Hidalgo", "Calle Morelos"]),
    "GR": ("{s} {n}", ["Οδός Ερμού", "Λεωφόρος Αλεξάνδρας"]),
    "RU": ("{s}, д. {n}", ["ул. Ленина", "ул. Садовая", "пр. Мира"]),
    "UA": ("{s}, {n}", ["вул. Шевченка", "вул. Садова"]),
    "GE": ("{s} {n}", ["რუსთაველის გამზირი", "ჭავჭავაძის გამზირი"]),
    "AM": ("{s} {n}", ["Աբովյան փողոց", "Մաշտոցի պողոտա"]),
    "IL": ("{s} {n}", ["רחוב הרצל", "רחוב יפו", "שדרות רוטשילד"]),
    "EG": ("{n} {s}", ["شارع التحرير", "شارع النيل"]),
    "SA": ("{n} {s}", ["طريق الملك فهد", "شارع العليا"]),
    "AE": ("{n} {s}", ["شارع الشيخ زايد", "Al Wasl Road"]),
    "IN": ("{n}, {s}", ["MG Road", "नेहरू मार्ग", "அண்ணா சாலை"]),
    "TH": ("{n} {s}", ["ถนนสุขุมวิท", "ถนนพหลโยธิน"]),
    "VN": ("Số {n} {s}", ["Phố Huế", "Đường Lê Lợi", "Phố Hàng Bạc"]),
    "CN": ("{s}{n}号", ["长安街", "南京路", "人民路"]),
    "HK": ("{s}{n}號", ["彌敦道", "皇后大道中"]),
    "TW": ("{s}{n}號", ["中山北路", "忠孝東路"]),
    "JP": ("{s}{n}-{m}-{k}", ["丸の内", "梅田", "北一条西"]),
    "KR": ("{s} {n}", ["세종대로", "해운대로"]),
    "ET": ("{s} {n}", ["ቸርችል ጎዳና"]),
}

# Naming cultures: given names (female, male), family names, optional middle names, the
# language tags their speakers prefer, and the countries where their addresses are.
CULTURES = [
    {"given": (["Emily", "Olivia", "Ava", "Grace", "Mary Ann"], ["James", "Noah", "Liam", "Ethan", "John"]),
     "family": ["Smith", "Johnson", "O'Connor", "Williams", "Brown", "Miller-Davis"],
     "middle": ["Rose", "Lee", "Marie", "J.", "Alexander"], "lang": ["en-US", "en-GB", "en-AU", "en-CA"],
     "countries": ["US", "GB", "AU", "CA", "IE", "NG"]},
    {"given": (["Siobhán", "Aoife", "Niamh"], ["Seán", "Cian", "Oisín"]),
     "family": ["Ó Briain", "Mac Giolla Phádraig", "Ní Bhriain", "O'Sullivan"], "middle": [],
     "lang": ["ga-IE", "en-IE"], "countries": ["IE", "GB", "US"]},
    {"given": (["María José", "Lucía", "Guadalupe", "Carmen"], ["José Luis", "Martín", "Juan Pablo", "Andrés"]),
     "family": ["García López", "Fernández", "Hernández", "Martínez Ruiz", "Núñez"], "middle": [],
     "lang": ["es-ES", "es-MX", "es-US"], "countries": ["ES", "MX", "US"]},
    {"given": (["Ana Luísa", "Beatriz", "Conceição"], ["João", "Gabriel", "Antônio"]),
     "family": ["Silva", "Santos", "Oliveira", "Conceição"], "middle": ["de Souza", "Maria"],
     "lang": ["pt-BR", "pt-PT"], "countries": ["BR"]},
    {"given": (["Amélie", "Chloé", "Léa", "Éloïse"], ["François", "Théo", "Noël", "Jérôme"]),
     "family": ["Dubois", "Lefèvre", "Girard", "N'Diaye", "D'Amboise"], "middle": ["Marie", "Joseph"],
     "lang": ["fr-FR", "fr-CA"], "countries": ["FR", "CA"]},
    {"given": (["Sophie", "Jürgen", "Lotte"], ["Lukas", "Jörg", "Maximilian"]),
     "family": ["Müller", "Schäfer", "Groß", "von Brandt"], "middle": [], "lang": ["de-DE", "de-AT"], "countries": ["DE"]},
    {"given": (["Sanne", "Femke", "Lotte"], ["Daan", "Bram", "Sem"]),
     "family": ["de Vries", "van den Berg", "Jansen", "Bakker"], "middle": [], "lang": ["nl-NL"], "countries": ["NL"]},
    {"given": (["Giulia", "Francesca", "Chiara"], ["Lorenzo", "Matteo", "Niccolò"]),
     "family": ["Rossi", "Russo", "D'Angelo", "Esposito"], "middle": [], "lang": ["it-IT"], "countries": ["IT"]},
    {"given": (["Zofia", "Małgorzata", "Agnieszka"], ["Łukasz", "Paweł", "Wojciech"]),
     "family": ["Wiśniewska", "Kowalczyk", "Wójcik", "Zieliński"], "middle": [], "lang": ["pl-PL"], "countries": ["PL"]},
    {"given": (["Ayşe", "Elif", "Zeynep"], ["Mehmet", "Çağrı", "Emre"]),
     "family": ["Yılmaz", "Şahin", "Öztürk", "Çelik"], "middle": [], "lang": ["tr-TR"], "countries": ["TR", "DE"]},
    {"given": (["Μαρία", "Ελένη", "Κατερίνα"], ["Γιώργος", "Νίκος", "Δημήτρης"]),
     "family": ["Παπαδοπούλου", "Παπαδόπουλος", "Οικονόμου"], "middle": [], "lang": ["el-GR"], "countries": ["GR"]},
    {"given": (["Мария", "Ольга", "Анна"], ["Иван", "Алексей", "Дмитрий"]),
     "family": ["Иванова", "Смирнов", "Кузнецова", "Попов"], "middle": ["Сергеевна", "Иванович"],
     "lang": ["ru-RU"], "countries": ["RU"]},
    {"given": (["Олена", "Оксана", "Ірина"], ["Олександр", "Андрій", "Тарас"]),
     "family": ["Шевченко", "Коваленко", "Бондаренко"], "middle": [], "lang": ["uk-UA"], "countries": ["UA"]},
    {"given": (["ნინო", "მარიამ"], ["გიორგი", "ლევან"]), "family": ["ბერიძე", "კაპანაძე"], "middle": [],
     "lang": ["ka-GE"], "countries": ["GE"]},
    {"given": (["Անի", "Մարիամ"], ["Արամ", "Դավիթ"]), "family": ["Սարգսյան", "Հակոբյան"], "middle": [],
     "lang": ["hy-AM"], "countries": ["AM"]},
    {"given": (["נועה", "יעל", "תמר"], ["דוד", "אורי", "יוסף"]), "family": ["כהן", "לוי", "מזרחי"], "middle": [],
     "lang": ["he-IL"], "countries": ["IL"]},
    {"given": (["فاطمة", "مريم", "نور"], ["محمد", "أحمد", "عمر"]), "family": ["الحسن", "حداد", "العلي", "عبد الله"],
     "middle": [], "lang": ["ar-EG", "ar-SA", "ar-AE"], "countries": ["EG", "SA", "AE"]},
    {"given": (["अनन्या", "दिया", "प्रिया"], ["आरव", "विहान", "अर्जुन"]), "family": ["शर्मा", "वर्मा", "गुप्ता", "पटेल"],
     "middle": ["कुमार"], "lang": ["hi-IN"], "countries": ["IN"]},
    {"given": (["பிரியா", "மீனா"], ["அருண்", "கார்த்திக்"]), "family": ["முருகன்", "சுப்பிரமணியம்"], "middle": [],
     "lang": ["ta-IN"], "countries": ["IN"]},
    {"given": (["Priya", "Kavya"], ["Rahul", "Rohan"]), "family": ["Sharma", "Iyer", "Reddy", "Singh"], "middle": ["Kumar"],
     "lang": ["en-IN"], "countries": ["IN", "GB", "US"]},
    {"given": (["สมหญิง", "อนงค์", "มาลี"], ["สมชาย", "ประเสริฐ", "วิชัย"]), "family": ["ใจดี", "สุขสวัสดิ์", "ศรีสุข"],
     "middle": [], "lang": ["th-TH"], "countries": ["TH"]},
    {"given": (["Lan", "Hương", "Ngọc Anh"], ["Minh", "Dũng", "Quốc Bảo"]), "family": ["Nguyễn", "Trần", "Lê", "Phạm"],
     "middle": ["Thị", "Văn", "Hữu"], "lang": ["vi-VN"], "countries": ["VN", "US", "AU"]},
    {"given": (["芳", "秀英", "静"], ["伟", "强", "磊"]), "family": ["王", "李", "张", "刘", "陈"], "middle": [],
     "lang": ["zh-CN", "zh-Hans-CN"], "countries": ["CN"]},
    {"given": (["嘉欣", "詠琪"], ["家豪", "志明"]), "family": ["陳", "黃", "林"], "middle": [],
     "lang": ["zh-Hant-HK", "zh-Hant-TW", "yue-HK"], "countries": ["HK", "TW"]},
    {"given": (["陽菜", "結衣", "さくら"], ["蓮", "翔太", "ハルト"]), "family": ["佐藤", "鈴木", "高橋", "田中"], "middle": [],
     "lang": ["ja-JP"], "countries": ["JP"]},
    {"given": (["서연", "하은", "지우"], ["민준", "도윤", "시우"]), "family": ["김", "이", "박", "최"], "middle": [],
     "lang": ["ko-KR"], "countries": ["KR", "US"]},
    {"given": (["Ngozi", "Oluwaseun", "Chiamaka"], ["Chinonso", "Emeka", "Tunde"]),
     "family": ["Okafor", "Adeyemi", "Eze"], "middle": [], "lang": ["en-NG", "yo-NG", "ig-NG"], "countries": ["NG", "GB"]},
    {"given": (["Wanjiru", "Akinyi"], ["Otieno", "Kamau"]), "family": ["Mwangi", "Odhiambo"], "middle": [],
     "lang": ["sw-KE", "en-KE"], "countries": ["KE"]},
    {"given": (["ሰላም", "ሜሮን"], ["አበበ", "ዳዊት"]), "family": ["ተስፋዬ", "ገብረ"], "middle": [], "lang": ["am-ET"], "countries": ["ET"]},
]

LINE2 = {"US": "Apt {n}", "CA": "Unit {n}", "GB": "Flat {n}", "AU": "Unit {n}", "IE": "Apartment {n}",
         "DE": "{n}. OG", "FR": "Bâtiment {n}", "ES": "{n}º B", "BR": "Apto {n}", "JP": "{n}号室"}

GENDER_OTHER = ["Two-Spirit", "Genderqueer", "Agender", "Genderfluid"]
EMAIL_DOMAINS = ["example.com", "example.org", "example.net"]


def weighted(rng, pairs):
    values, weights = zip(*pairs)
    return rng.choices(values, weights)[0]


def email_slug(*names):
    """An ASCII local part from the names where they have Latin letters; empty otherwise."""
    folded = unicodedata.normalize("NFKD", " ".join(names)).replace("ł", "l").replace("Ł", "L")
    ascii_only = "".join(c for c in folded if c.isascii() and (c.isalnum() or c == " "))
    return ".".join(ascii_only.lower().split())[:40]


def date_of_birth(rng, today):
    # Ages 0-99, a little more weight on adults, as in most practices.
    age_days = int(rng.triangular(1, 100 * 365, 40 * 365))
    return (today - datetime.timedelta(days=age_days)).isoformat()


def patient(seed, index, phones, today):
    """The index-th synthetic patient of the population of `seed`, as a create request body."""
    rng = random.Random(f"{GENERATOR_VERSION}:{seed}:{index}")
    culture = rng.choice(CULTURES)
    country = rng.choice(culture["countries"])
    sex = weighted(rng, [("female", 49), ("male", 49), ("intersex", 0.6), ("unknown", 0.7), ("undisclosed", 0.7)])
    female = sex == "female" or (sex not in ("male",) and rng.random() < 0.5)
    gender = weighted(rng, [("woman" if female else "man", 95), ("nonbinary", 2), ("other", 1.5), ("undisclosed", 1.5)])
    given = rng.choice(culture["given"][0 if female else 1])
    family = rng.choice(culture["family"])
    body = {
        "given_name": given,
        "family_name": family,
        "date_of_birth": date_of_birth(rng, today),
        "sex_at_birth": sex,
        "gender_identity": gender,
        "preferred_language": rng.choice(culture["lang"]),
        "consent_to_contact": rng.random() < 0.6,
    }
    if gender == "other":
        body["gender_identity_other"] = rng.choice(GENDER_OTHER)
    if culture["middle"] and rng.random() < 0.35:
        body["middle_name"] = rng.choice(culture["middle"])
    if rng.random() < 0.75:
        slug = email_slug(given, family) or "patient"
        body["email"] = f"{slug}.{seed}-{index}@{rng.choice(EMAIL_DOMAINS)}"
    if rng.random() < 0.7:
        phone = phones.next(country)
        if phone:
            body["phone_e164"] = phone
    if rng.random() < 0.9:
        city, region, postal = rng.choice(PLACES[country])
        pattern, streets = STREETS[country]
        address = {
            "line1": pattern.format(s=rng.choice(streets), n=rng.randint(1, 250), m=rng.randint(1, 20), k=rng.randint(1, 30)),
            "city": city,
            "state_province": region,
            "country": country,
        }
        if country in LINE2 and rng.random() < 0.25:
            address["line2"] = LINE2[country].format(n=rng.randint(1, 40))
        if postal is not None:
            address["postal_code"] = postal(rng)
        body["address"] = address
    return body


def population(seed, count, today=None):
    """Every patient of the population, in order (phones are allocated in this order)."""
    today = today or datetime.date.today()
    phones = PhoneBook()
    return [patient(seed, index, phones, today) for index in range(count)]
