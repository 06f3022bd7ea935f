"""Swedish text material for the benchmark generator: names, activity themes, sentence templates.

Templates use `str.format` slots that bench/generate.py fills at random: {ort} {ort2} a place in
the kommun, {kommun} its name, {kommunen} "Björkviks kommun", {vc} a vårdcentral, {region} the
region, {roll} a role, {manad} a month, {ar} the year, and numbers {n} {m} {k} {a} {b} {c} {d} {p}
{p2}. Activity themes use only {ort} {kommunen} {vc} {region}.
"""

# ruff: noqa: E501

from __future__ import annotations

from dataclasses import dataclass

# fmt: off

# --- Place names: first part + second part, like real Swedish place names -----------------------

NAME_HEADS = (
    "Ål", "Äng", "Ör", "Björk", "Sjö", "Berg", "Lind", "Ek", "Ask", "Gran", "Fur", "Hed", "Mal",
    "Mör", "Skog", "Sval", "Tå", "Ull", "Vål", "Väster", "Öster", "Norr", "Söder", "Stor", "Lill",
    "Kvarn", "Hög", "Lång", "Bro", "Ljung", "Rön", "Häll", "Mo", "Kro", "Gär", "Ny", "Ström",
    "Åsa", "Bä", "Rätt", "Säl", "Tor", "Vrå", "Grä", "Järn", "Kopp", "Silver", "Älv", "Ång",
    "Bjur", "Fjäll", "Hav", "Kall", "Lövå", "Myr", "Nät", "Orm", "Råå", "Sand", "Tall", "Ved",
    "Vätt", "Yst", "Åker", "Öj", "Hamra", "Karl", "Kris", "Frö", "Göt", "Hjo", "Kinne", "Mjö",
)
NAME_TAILS = (
    "by", "sala", "köping", "hamn", "vik", "ås", "ö", "sjö", "berg", "holm", "torp", "näs",
    "fors", "stad", "hult", "löv", "strand", "dal", "mark", "åker", "sund", "bo", "ryd", "tuna",
    "inge", "lösa", "fälle", "myra", "älv", "heden", "hammar", "bruk", "mo", "lunda", "säter",
    "boda", "gärde", "ängen", "vattnet", "bäcken",
)
NAME_PREFIXES = ("Övre", "Nedre", "Norra", "Södra", "Östra", "Västra", "Gamla", "Stora", "Lilla")

# Län codes with the region that runs primärvården there.
REGIONS = {
    "01": "Region Stockholm",
    "03": "Region Uppsala",
    "04": "Region Sörmland",
    "05": "Region Östergötland",
    "06": "Region Jönköpings län",
    "07": "Region Kronoberg",
    "08": "Region Kalmar län",
    "09": "Region Gotland",
    "10": "Region Blekinge",
    "12": "Region Skåne",
    "13": "Region Halland",
    "14": "Västra Götalandsregionen",
    "17": "Region Värmland",
    "18": "Region Örebro län",
    "19": "Region Västmanland",
    "20": "Region Dalarna",
    "21": "Region Gävleborg",
    "22": "Region Västernorrland",
    "23": "Region Jämtland Härjedalen",
    "24": "Region Västerbotten",
    "25": "Region Norrbotten",
}

MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
    "oktober", "november", "december",
)

ROLES = (
    "enhetschefen för hemsjukvården",
    "verksamhetschefen på vårdcentralen",
    "utvecklingsledaren för nära vård",
    "medicinskt ansvarig sjuksköterska (MAS)",
    "socialchefen",
    "elevhälsans chef",
    "distriktssköterskan",
    "kommunens folkhälsostrateg",
    "rehabenhetens chef",
    "biståndshandläggarna",
    "samordnaren för SIP",
    "fastighetsförvaltningen",
    "pensionärsrådet",
    "funktionsrättsrådet",
    "chefsläkaren i primärvården",
)

VC_FORMS = ("{ort} vårdcentral", "Hälsocentralen i {ort}", "Vårdcentralen {ort}", "{ort} hälsocentral")

# --- Strategy content (the structure of data/region/strategi.yaml) -------------------------------

MALBILD = ("nara-genom-hela-livet", "Nära genom hela livet – gemensamt tillsammans")

DELMAL = (
    (
        "nara-for-mig",
        "Nära för mig",
        "Alla invånare ska bli bemötta med respekt samt tilltro och ska uppleva utökade möjligheter "
        "till medskapande och delaktighet utifrån sin förmåga och sina behov.",
        "Vi arbetar för att alla invånare ska bli bemötta med respekt samt tilltro och ska uppleva "
        "möjligheter till medskapande och delaktighet utifrån sin förmåga och sina behov.",
    ),
    (
        "nara-for-alla",
        "Nära för alla",
        "En mer tillgänglig, jämställd och jämlik vård för barn och unga, för dig mitt i livet och "
        "för dig som är äldre.",
        "Vi arbetar för en tillgänglig, jämställd och jämlik vård för barn och unga, för dig mitt i "
        "livet och för dig som är äldre.",
    ),
    (
        "nara-i-hela-dalarna",
        "Nära i hela länet",
        "En mer likvärdig tillgång till personcentrerad vård i hela länet oavsett var individerna "
        "bor med hjälp av nya och utvecklade lösningar som gagnar individerna.",
        "Vi arbetar för en likvärdig tillgång till personcentrerad vård i hela länet oavsett var "
        "individerna bor med hjälp av nya och utvecklade lösningar som gagnar individerna.",
    ),
    (
        "nara-mellan-oss",
        "Nära mellan oss",
        "Stärkt samverkan inom och mellan kommunerna och regionen som präglas av tillit och "
        "prestigelöshet för invånarnas bästa.",
        "Vi arbetar för stärkt samverkan inom och mellan kommunerna och regionen som präglas av "
        "tillit och prestigelöshet för invånarnas bästa.",
    ),
    (
        "nara-till-halsa",
        "Nära till hälsa",
        "Ett mer hälsofrämjande och förebyggande arbete utifrån var varje enskild individ befinner "
        "sig i livet.",
        "Vi arbetar för ett hälsofrämjande och förebyggande arbete utifrån var varje enskild "
        "individ befinner sig i livet.",
    ),
)

SKALA = ("Stämmer inte alls", "Stämmer ganska dåligt", "Stämmer ganska bra", "Stämmer mycket bra")

PRINCIPER = (
    "Vi utgår ifrån individernas olika behov och bjuder in till delaktighet.",
    "Vi lyssnar på varandra.",
    "Vi är prestigelösa och visar tillit till varandra.",
    "Vi är modiga och vågar ta beslut.",
    "Vi lär av varandra och reflekterar tillsammans.",
)


@dataclass(frozen=True)
class KeyFigure:
    """A nyckeltal of the strategy and the range its synthetic values are drawn from."""

    id: str
    namn: str
    delmal: str
    enhet: str
    riktning: str
    kolada: str | None
    low: float
    high: float
    trend: float  # relative change per year


_SKR = "SKR, Indikatorer Nära vård (2023-03-24)"
_SOS = "Socialstyrelsen, förslag på indikatorer 2020 (kandidat)"
NYCKELTAL_SOURCES = {"skr": _SKR, "sos": _SOS}

NYCKELTAL = (
    KeyFigure("fast-vardkontakt", "Fast vårdkontakt / fast läkarkontakt i primärvården",
              "nara-for-mig", "procent", "hogre", None, 28, 66, 0.03),
    KeyFigure("kontinuitetsindex", "Kontinuitetsindex (läkarkontinuitet i primärvården, 0–1)",
              "nara-for-mig", "index", "hogre", None, 0.25, 0.55, 0.02),
    KeyFigure("patientupplevelse-information-kunskap",
              "Patientupplevelse av information och kunskap", "nara-for-mig", "procent", "hogre",
              "U71456", 70, 88, 0.005),
    KeyFigure("fortroende-halso-och-sjukvard", "Förtroende för hälso- och sjukvården",
              "nara-for-mig", "procent", "hogre", "U70447", 52, 72, 0.0),
    KeyFigure("upplevd-trygghet-aldreomsorg", "Upplevd trygghet i äldreomsorgen", "nara-for-mig",
              "procent", "hogre", "U21505", 76, 92, 0.004),
    KeyFigure("tillganglighet-primarvard", "Tillgänglighet (patientupplevd, primärvård)",
              "nara-for-alla", "procent", "hogre", "U71457", 68, 86, 0.006),
    KeyFigure("behov-av-hemtjanst-65", "Personer 65 år och äldre med beslut om hemtjänst",
              "nara-for-alla", "procent", "neutral", "N21821", 6, 13, -0.01),
    KeyFigure("kontinuitetsindex-sabo", "Kontinuitetsindex på särskilt boende", "nara-for-alla",
              "index", "hogre", None, 0.35, 0.7, 0.02),
    KeyFigure("vardtillfallen", "Vårdtillfällen per 100 000 invånare", "nara-i-hela-dalarna",
              "per-100000-invanare", "lagre", "U79139", 8500, 12500, -0.01),
    KeyFigure("sjalvskattad-halsa", "Självskattad hälsa i befolkningen (andel bra/mycket bra)",
              "nara-till-halsa", "procent", "hogre", "U01405", 62, 78, 0.003),
    KeyFigure("overvikt-fetma", "Övervikt och fetma i befolkningen (BMI över 25)",
              "nara-till-halsa", "procent", "lagre", None, 44, 60, 0.004),
    KeyFigure("fallskador-65", "Fallskador per 100 000 invånare 65 år och äldre", "nara-till-halsa",
              "per-100000-invanare", "lagre", "U20462", 2100, 3300, -0.005),
    KeyFigure("paverkbar-slutenvard-kronisk-sjukdom",
              "Påverkbar slutenvård vid kronisk sjukdom per 100 000 invånare", "nara-till-halsa",
              "per-100000-invanare", "lagre", "U79133", 210, 380, -0.02),
    KeyFigure("lakarbesok-primarvard", "Läkarbesök i primärvården per 1 000 invånare",
              "nara-i-hela-dalarna", "per-1000-invanare", "neutral", "N71807", 950, 1650, 0.01),
    KeyFigure("utskrivningsklara",
              "Utskrivningsklara patienter på sjukhus, vårddygn per 100 000 invånare",
              "nara-mellan-oss", "per-100000-invanare", "lagre", "U79135", 300, 1400, -0.04),
    KeyFigure("aterinskrivning-30-dagar", "Oplanerad återinskrivning inom 30 dagar",
              "nara-mellan-oss", "procent", "lagre", "U79092", 11, 19, -0.01),
    KeyFigure("undvikbar-slutenvard",
              "Personer med undvikbara slutenvårdstillfällen per 100 000 invånare",
              "nara-mellan-oss", "per-100000-invanare", "lagre", "U71411", 600, 1000, -0.02),
)

# --- The regional handlingsplan's priorities ------------------------------------------------------

PRIORITERINGAR = (
    ("mobil-vard", "Mer mobil och digital vård i glesbygd", ("nara-i-hela-dalarna",), "äldre",
     "Region och kommuner bygger tillsammans ut mobila team och digitala vårdbesök, så att äldre "
     "i glesbygd kan få vård i hemmet eller på en närbelägen träffpunkt."),
    ("barn-och-unga", "Samordnat stöd till barn och unga", ("nara-for-alla", "nara-mellan-oss"),
     "barn och unga",
     "Samordnad individuell plan (SIP) ska bli ett självklart arbetssätt mellan elevhälsa, "
     "socialtjänst, barn- och ungdomspsykiatri och primärvård."),
    ("fast-kontakt", "Fast vårdkontakt och kontinuitet", ("nara-for-mig",), None,
     "Fler invånare ska ha en fast vårdkontakt och en namngiven fast läkarkontakt i "
     "primärvården, först de med stora och sammansatta behov."),
    ("trygg-utskrivning", "Trygg utskrivning och samordnad planering (SVOP)",
     ("nara-mellan-oss",), "äldre",
     "Den samordnade vård- och omsorgsplaneringen påbörjas tidigt under sjukhusvistelsen, så att "
     "hemgången är förberedd när patienten är utskrivningsklar."),
    ("halsoframjande", "Hälsofrämjande och förebyggande arbete", ("nara-till-halsa",), None,
     "Vårdcentraler och kommuner erbjuder tillsammans hälsosamtal, fallprevention och stöd till "
     "fysisk aktivitet och egenvård, i samverkan med civilsamhällets aktörer."),
    ("psykisk-halsa", "Psykisk hälsa och beroende", ("nara-for-alla", "nara-mellan-oss"), None,
     "Personer med psykisk ohälsa och samtidigt missbruk ska möta en samordnad vård och omsorg, "
     "utan att behöva berätta sin historia för varje ny verksamhet."),
    ("kompetens", "Gemensam kompetensförsörjning", ("nara-mellan-oss",), None,
     "Kommuner och region planerar kompetensförsörjningen tillsammans: gemensam introduktion, "
     "auskultation och delade tjänster där underlaget är litet."),
)

# --- Activity themes of the local plans -----------------------------------------------------------


@dataclass(frozen=True)
class Theme:
    """A kind of activity: the five answers of a plan activity, with slots."""

    key: str
    titel: str
    delmal: tuple[str, ...]
    vad: str
    hur: str
    ansvarig: str
    uppfoljning: str
    malgrupp: str | None = None
    prioritering: str | None = None


THEMES = (
    Theme("mobilt-team", "Mobilt team för hemsjukvård", ("nara-for-mig", "nara-mellan-oss"),
          "Ett gemensamt mobilt team med läkare och sjuksköterskor gör planerade och akuta besök "
          "hos sköra äldre i {ort} med omnejd.",
          "Regionen bemannar teamet med läkare, kommunen med sjuksköterskor och bil. Hemsjukvården "
          "beställer besök via ett gemensamt telefonnummer vardagar 8–21.",
          "Enhetschef hemsjukvård, {kommunen}",
          "Antal besök och andel som undviker akutmottagningen, kvartalsvis.", "äldre",
          "mobil-vard"),
    Theme("sip-barn", "SIP och gemensamma vägar in för barn och unga",
          ("nara-for-alla", "nara-mellan-oss"),
          "Barn och unga med behov av stöd från flera verksamheter i {ort} ska få en samordnad "
          "individuell plan inom fyra veckor.",
          "Varje vårdcentral utser en kontaktsjuksköterska för skolorna i sitt område. "
          "SIP-samordnare i socialtjänsten stöttar skolorna.",
          "Chef för elevhälsan, {kommunen}",
          "Antal SIP, väntetid till första möte och elevernas upplevelse, varje termin.",
          "barn och unga", "barn-och-unga"),
    Theme("fast-lakarkontakt", "Fast läkarkontakt för personer med stora vårdbehov",
          ("nara-for-mig",),
          "Personer med hemsjukvård och personer på särskilt boende i {ort} får en namngiven fast "
          "läkarkontakt och en fast sjuksköterska.",
          "Vårdcentralen listar om patienterna efter behov och bokar en första genomgång inom tre "
          "månader. Kommunens sjuksköterskor deltar vid genomgången.",
          "Verksamhetschef, {vc}",
          "Andel patienter med namngiven fast läkarkontakt, halvårsvis.", "äldre", "fast-kontakt"),
    Theme("trygg-hemgang", "Trygg hemgång efter sjukhusvistelse", ("nara-mellan-oss",),
          "Patienter från {ort} som skrivs ut från sjukhus får ett hembesök av kommunens "
          "hemgångsteam samma dag eller dagen efter.",
          "Den samordnade planeringen startar redan på avdelningen. Teamet följer patienten i upp "
          "till fjorton dagar och lämnar sedan över till ordinarie hemtjänst.",
          "Enhetschef för hemgångsteamet, {kommunen}",
          "Utskrivningsklara vårddygn och återinskrivningar inom 30 dagar, månadsvis.", "äldre",
          "trygg-utskrivning"),
    Theme("halsosamtal", "Hälsosamtal för 40-, 50- och 60-åringar", ("nara-till-halsa",),
          "Alla invånare i {ort} som fyller 40, 50 eller 60 år bjuds in till ett hälsosamtal med "
          "en sjuksköterska på vårdcentralen.",
          "Inbjudan skickas digitalt och med brev. Samtalet utgår från en hälsoprofil med "
          "konditionstest, blodtryck och frågor om levnadsvanor.",
          "Folkhälsostrateg, {kommunen}, och verksamhetschef, {vc}",
          "Andel som tackar ja och andel med uppföljande samtal efter ett år, årligen.", None,
          "halsoframjande"),
    Theme("fallprevention", "Fallprevention i ordinärt boende", ("nara-till-halsa", "nara-for-mig"),
          "Äldre i {ort} med risk för fall erbjuds balansträning, bostadsanpassning och en "
          "läkemedelsgenomgång.",
          "Kommunens fysioterapeuter och arbetsterapeuter gör hembesök. Träffpunkten ordnar "
          "balansgrupper två gånger i veckan.",
          "Enhetschef rehab, {kommunen}",
          "Fallskador 65+ och antal deltagare i balansgrupperna, årligen.", "äldre",
          "halsoframjande"),
    Theme("digitala-besok", "Digitala vårdbesök på träffpunkten",
          ("nara-i-hela-dalarna", "nara-for-alla"),
          "Invånare i {ort} kan göra digitala vårdbesök från ett rum på träffpunkten, med stöd av "
          "en digital assistent på plats.",
          "Regionen står för utrustning och bokning, kommunen för lokal och bemanning. Besöken kan "
          "gälla vårdcentral, specialistmottagning eller tandvård.",
          "Digitaliseringsstrateg, {kommunen}",
          "Antal besök och invånarnas upplevelse, halvårsvis.", "invånare i glesbygd",
          "mobil-vard"),
    Theme("egenmonitorering", "Digital egenmonitorering vid hjärtsvikt och KOL",
          ("nara-for-mig", "nara-i-hela-dalarna"),
          "Patienter med hjärtsvikt eller KOL i {ort} mäter vikt, puls och syremättnad hemma och "
          "skickar värdena digitalt till vårdcentralen.",
          "Vårdcentralen testar först med tjugo patienter. Hemsjukvården hjälper de som behöver "
          "stöd med utrustningen.",
          "Verksamhetschef, {vc}",
          "Antal patienter och akuta inläggningar före och efter start, halvårsvis.",
          "personer med kronisk sjukdom", "mobil-vard"),
    Theme("anhorigstod", "Stöd till anhöriga som vårdar en närstående",
          ("nara-for-mig", "nara-till-halsa"),
          "Anhöriga i {ort} får en fast kontakt, samtalsgrupper och möjlighet till avlösning i "
          "hemmet.",
          "Anhörigkonsulenten och distriktssköterskan håller gemensamma träffar. Vårdcentralen "
          "frågar om anhörigansvar vid hälsosamtal.",
          "Anhörigkonsulent, {kommunen}",
          "Antal anhöriga som fått stöd och deras upplevelse, årligen.", "anhöriga"),
    Theme("psykisk-halsa-unga", "Samtalsstöd för unga med psykisk ohälsa",
          ("nara-for-alla", "nara-till-halsa"),
          "Unga mellan 13 och 24 år i {ort} kan få samtalsstöd inom en vecka utan remiss.",
          "Ungdomsmottagningen, elevhälsan och vårdcentralen delar på en gemensam tidbok och "
          "hänvisar till varandra utan ny bedömning.",
          "Verksamhetschef ungdomsmottagningen, {region}",
          "Väntetid till första samtal och andel som upplever att de fått hjälp, termin.",
          "unga", "psykisk-halsa"),
    Theme("lakemedel-sabo", "Läkemedelsgenomgångar på särskilt boende", ("nara-for-mig",),
          "Alla boende på särskilt boende i {ort} får en fördjupad läkemedelsgenomgång minst en "
          "gång om året.",
          "Läkare, sjuksköterska och farmaceut går igenom läkemedlen tillsammans med den boende och "
          "en närstående.",
          "Medicinskt ansvarig sjuksköterska, {kommunen}",
          "Andel boende med genomgång och antal olämpliga läkemedel, årligen.", "äldre"),
    Theme("palliativ", "Palliativ vård i hemmet", ("nara-for-mig", "nara-mellan-oss"),
          "Personer i livets slutskede i {ort} ska kunna välja att vårdas hemma med tillgång till "
          "läkare och sjuksköterska dygnet runt.",
          "Ett gemensamt palliativt team med kommunens nattpatrull och regionens läkare. "
          "Brytpunktssamtal dokumenteras i den gemensamma planen.",
          "Samordnare palliativ vård, {region}",
          "Andel dödsfall i hemmet och registreringar i Svenska palliativregistret, årligen.",
          "personer i livets slutskede"),
    Theme("introduktion", "Gemensam introduktion för nyanställda", ("nara-mellan-oss",),
          "Nyanställda i kommunens vård och omsorg och på vårdcentralerna i {ort} får en "
          "gemensam introduktion om nära vård.",
          "Två dagar per termin med föreläsningar, studiebesök och auskultation hos varandra.",
          "HR-strateg, {kommunen}",
          "Antal deltagare och deras upplevelse av samverkan efter ett år, årligen.", None,
          "kompetens"),
    Theme("ambassadorer", "Nära vård-ambassadörer på arbetsplatserna", ("nara-mellan-oss",),
          "Medarbetare i kommun och region i {ort} utbildas till ambassadörer som sprider "
          "arbetssätten i sina arbetsgrupper.",
          "Fem gemensamma utbildningsdagar och ett lärande nätverk som träffas varannan månad.",
          "Utvecklingsledare nära vård, {kommunen}",
          "Antal ambassadörer per arbetsplats och en enkät om samverkansklimatet, årligen.", None,
          "kompetens"),
    Theme("traffpunkt", "Hälsoträffar på landsbygdens träffpunkter",
          ("nara-till-halsa", "nara-i-hela-dalarna"),
          "Distriktssköterska och kommunens hälsopedagog besöker träffpunkten i {ort} en gång i "
          "månaden.",
          "Ett rullande schema där teman väljs tillsammans med besökarna: blodtryck, sömn, "
          "kost och ensamhet.",
          "Hälsopedagog, {kommunen}",
          "Antal träffar och besökare per ort samt återkoppling från besökarna, årligen.",
          "seniorer på landsbygden", "halsoframjande"),
    Theme("far", "Fysisk aktivitet på recept med föreningslivet", ("nara-till-halsa",),
          "Personer som fått fysisk aktivitet på recept i {ort} slussas till föreningarnas "
          "anpassade aktiviteter.",
          "FaR-samordnaren på vårdcentralen har en överenskommelse med idrottsföreningarna och "
          "studieförbunden om platser och ledare.",
          "FaR-samordnare, {vc}",
          "Antal utfärdade recept och andel som är aktiva efter sex månader, halvårsvis.", None,
          "halsoframjande"),
    Theme("samsjuklighet", "Samordnat stöd vid missbruk och psykisk ohälsa",
          ("nara-mellan-oss", "nara-for-alla"),
          "Personer i {ort} med både missbruk och psykisk ohälsa får en fast samordnare och en "
          "gemensam plan.",
          "Socialtjänsten, psykiatrin och vårdcentralen har gemensamma ärendedragningar varannan "
          "vecka och en överenskommelse om vem som kallar.",
          "Enhetschef vuxenstöd, {kommunen}",
          "Antal personer med samordnad plan och antal akuta inläggningar, halvårsvis.",
          "vuxna med samsjuklighet", "psykisk-halsa"),
    Theme("vardagsrehab", "Vardagsrehabilitering i hemtjänsten", ("nara-for-mig", "nara-till-halsa"),
          "Hemtjänstens personal i {ort} arbetar rehabiliterande så att brukarna klarar mer själva.",
          "Arbetsterapeut och fysioterapeut gör en bedömning vid nytt beslut och sätter mål "
          "tillsammans med brukaren och hemtjänsten.",
          "Enhetschef hemtjänst, {kommunen}",
          "Andel brukare med minskat behov efter tre månader, kvartalsvis.", "äldre"),
    Theme("nutrition", "Nutritionsstöd för äldre", ("nara-till-halsa", "nara-for-mig"),
          "Äldre med risk för undernäring i {ort} upptäcks tidigt och får stöd av dietist.",
          "Riskbedömning vid inskrivning i hemsjukvården och på särskilt boende; dietisten från "
          "vårdcentralen handleder personalen.",
          "Dietist, {vc}",
          "Andel med riskbedömning och andel med åtgärdsplan, årligen.", "äldre"),
    Theme("distansplanering", "Samordnad vårdplanering på distans", ("nara-mellan-oss",),
          "Vårdplaneringar för patienter från {ort} hålls som videomöten så att hemtjänst, "
          "vårdcentral och sjukhus kan delta utan att resa.",
          "En gemensam rutin för kallelse och teknik. Kommunen har en samordnare som bokar och "
          "leder mötena.",
          "Biståndschef, {kommunen}",
          "Andel vårdplaneringar på distans och vårddygn som utskrivningsklar, månadsvis.",
          None, "trygg-utskrivning"),
    Theme("invanardialog", "Invånardialoger om nära vård", ("nara-for-mig", "nara-for-alla"),
          "Invånare i {ort} bjuds in till dialoger om vad nära vård ska betyda där de bor.",
          "Dialogerna hålls på bibliotek, i bygdegårdar och digitalt. Det som sägs återkopplas i "
          "en kort rapport till samverkansgruppen.",
          "Kommunikationschef, {kommunen}",
          "Antal deltagare och antal förslag som lett till förändring, årligen.", None),
    Theme("familjecentral", "Familjecentral med barnhälsovård och öppen förskola",
          ("nara-for-alla", "nara-till-halsa"),
          "Barnhälsovård, mödrahälsovård, öppen förskola och socialtjänstens förebyggande arbete "
          "samlas under samma tak i {ort}.",
          "Regionen och kommunen delar lokal och samordnare. Föräldragrupper hålls på flera språk.",
          "Samordnare familjecentralen, {kommunen}",
          "Antal besök, föräldragrupper och familjernas upplevelse, årligen.", "barnfamiljer",
          "barn-och-unga"),
    Theme("avancerad-hemsjukvard", "Avancerad sjukvård i hemmet", ("nara-for-mig", "nara-mellan-oss"),
          "Patienter i {ort} som annars skulle läggas in kan vårdas hemma med intravenös "
          "behandling och täta läkarkontakter.",
          "Sjukhusets läkare har det medicinska ansvaret, kommunens hemsjukvård utför insatserna "
          "dygnet runt.",
          "Verksamhetschef medicinkliniken, {region}",
          "Antal vårddygn i hemmet och patienternas upplevelse, kvartalsvis.",
          "personer med komplexa vårdbehov", "mobil-vard"),
    Theme("valfardsteknik", "Välfärdsteknik och digital tillsyn", ("nara-i-hela-dalarna",),
          "Brukare i {ort} erbjuds digital tillsyn nattetid, läkemedelsrobot och trygghetslarm "
          "med GPS.",
          "Biståndshandläggarna erbjuder tekniken vid nya beslut; teknikteamet installerar och "
          "följer upp efter en månad.",
          "Teknikansvarig, {kommunen}",
          "Antal brukare med välfärdsteknik och frigjord tid i hemtjänsten, halvårsvis.",
          "äldre"),
    Theme("demensteam", "Demensteam i samverkan", ("nara-for-mig", "nara-mellan-oss"),
          "Personer med demenssjukdom i {ort} och deras närstående får stöd av ett gemensamt "
          "demensteam.",
          "Demenssjuksköterskan på vårdcentralen och kommunens demensteam gör gemensamma hembesök "
          "efter diagnos.",
          "Demenssjuksköterska, {vc}",
          "Andel med utredning enligt riktlinjerna och anhörigas upplevelse, årligen.",
          "personer med demenssjukdom"),
    Theme("samverkansforum", "Lokalt samverkansforum för nära vård", ("nara-mellan-oss",),
          "Ledningen för kommunens vård och omsorg och vårdcentralerna i {ort} träffas varje månad "
          "för att följa upp den lokala planen.",
          "Ett fast forum med gemensam dagordning, avvikelser som stående punkt och protokoll som "
          "publiceras på intranätet.",
          "Socialchef, {kommunen}",
          "Antal möten, närvaro och beslutade åtgärder, årligen.", None, "kompetens"),
    Theme("munhalsa", "Munhälsa på särskilt boende", ("nara-till-halsa",),
          "Boende på särskilt boende i {ort} får en munhälsobedömning och daglig munvård enligt "
          "en individuell plan.",
          "Tandhygienist utbildar personalen och gör bedömningarna; omvårdnadspersonalen följer "
          "planen i den dagliga omvårdnaden.",
          "Enhetschef särskilt boende, {kommunen}",
          "Andel boende med munhälsobedömning, årligen.", "äldre"),
    Theme("halsokommunikatorer", "Hälsokommunikatörer för nyanlända", ("nara-for-alla",),
          "Nyanlända i {ort} får information om hälsa och om hur vården fungerar på sitt eget "
          "språk.",
          "Hälsokommunikatörerna håller träffar på SFI och i föreningar och följer med till "
          "vårdcentralen vid behov.",
          "Integrationssamordnare, {kommunen}",
          "Antal träffar och deltagarnas kunskap om vården före och efter, årligen.",
          "nyanlända", "halsoframjande"),
    Theme("halsoframjande-skola", "Hälsofrämjande skola", ("nara-till-halsa", "nara-for-alla"),
          "Skolorna i {ort} arbetar med rörelse, sömn och skärmvanor tillsammans med elevhälsan "
          "och vårdcentralen.",
          "Skolsköterskan och vårdcentralens sjuksköterska håller temadagar; rörelsepass läggs in "
          "i schemat varje dag.",
          "Rektor, {ort} skola",
          "Elevhälsosamtalens resultat om sömn och rörelse, årligen.", "barn och unga",
          "barn-och-unga"),
)

# --- Sentence templates ----------------------------------------------------------------------------

VAD_EXTRA = (
    "Insatsen ska nå även de invånare som bor långt från tätorten.",
    "Arbetet bygger vidare på erfarenheterna från försöket i {ort2} {ar}.",
    "Målet är att färre ska behöva söka akutmottagningen för sådant som kan lösas nära hemmet.",
    "Invånarna ska veta vem de ska vända sig till och känna sig trygga med att kontakten finns kvar över tid.",
    "Insatsen utformas tillsammans med brukarråd, pensionärsorganisationer och anhöriga.",
    "Verksamheterna ska kunna dela information digitalt med patientens samtycke.",
    "Särskild vikt läggs vid personer som inte själva hör av sig till vården.",
    "Arbetssättet ska vara jämställt och jämlikt och följas upp uppdelat på kön och ålder.",
    "Aktiviteten är en del av överenskommelsen mellan {kommunen} och {region}.",
    "På sikt ska arbetssättet spridas till alla delar av kommunen, från {ort} till {ort2}.",
    "Det ska vara lätt att göra rätt för personalen, även på kvällar och helger.",
    "Aktiviteten ska minska antalet överlämningar mellan huvudmännen.",
)
HUR_EXTRA = (
    "En gemensam arbetsgrupp med representanter från kommun och region håller ihop arbetet och rapporterar till samverkansforumet.",
    "Arbetet startar som ett försök i {ort} och utvärderas efter ett år innan det sprids vidare.",
    "Personalen får en halvdags utbildning och handledning av {roll} under det första halvåret.",
    "Rutinerna dokumenteras i det gemensamma ledningssystemet och ses över varje år.",
    "Kostnaderna delas lika mellan kommunen och regionen enligt den lokala överenskommelsen.",
    "Information till invånarna ges via kommunens webbplats, 1177 och annonser i lokaltidningen.",
    "En referensgrupp med invånare från {ort2} ger synpunkter på arbetssättet två gånger per år.",
    "Avvikelser hanteras i den gemensamma avvikelseprocessen och tas upp på nästa samverkansmöte.",
    "Insatsen samordnas med närliggande kommuner där det är möjligt, till exempel för jourtider.",
    "Uppföljningen görs av {roll} tillsammans med verksamhetsutvecklare i regionen.",
    "Vid behov köps tolk in så att alla kan delta på lika villkor.",
    "Lokalerna i {ort} anpassas så att de blir tillgängliga för personer med funktionsnedsättning.",
)
RESULTAT = (
    "Under året genomfördes {n} besök, varav {m} i hemmet och resten på {vc}.",
    "Andelen som upplever att de fått vara delaktiga i planeringen steg till {p} procent.",
    "Arbetsgruppen har träffats {k} gånger och tagit fram en gemensam rutin för överrapportering.",
    "Väntetiden till första kontakt sjönk från {a} till {b} dagar i genomsnitt.",
    "I {ort} kom arbetet i gång först i {manad} eftersom lokalen inte blev klar i tid.",
    "{n} medarbetare från kommun och region har gått den gemensamma utbildningen.",
    "Uppföljningen visar färre oplanerade återinskrivningar bland dem som fått en samordnad plan.",
    "Brukarrådet och pensionärsorganisationerna har lämnat synpunkter som arbetats in i rutinen.",
    "{p} procent av deltagarna svarade att de skulle rekommendera insatsen till en vän.",
    "Arbetet i {ort2} har gått långsammare än planerat på grund av vakanser bland sjuksköterskorna.",
    "Vi har nått {k} av de {a} byar och orter som planen pekar ut, och resten står på tur under nästa år.",
    "Ett nytt avtal med {vc} om läkarmedverkan började gälla i {manad}.",
    "Antalet akuta inläggningar i gruppen minskade med {p2} procent jämfört med året innan.",
    "Samverkan med {roll} har fungerat väl och möten hålls nu regelbundet varannan vecka.",
    "Vi har tagit fram informationsmaterial på lätt svenska och på fem andra språk.",
    "Utvärderingen från {ort} visar att personalen upplever tydligare ansvarsfördelning än tidigare.",
    "{m} invånare har deltagit i aktiviteterna, varav ungefär {p} procent kvinnor.",
    "Under hösten genomfördes en gemensam övning med kommunens hemsjukvård och ambulansen.",
    "Kostnaden blev {k} procent lägre än budgeterat eftersom vi kunde använda befintliga lokaler.",
    "Insatsen har uppmärksammats i lokaltidningen och i {region}s nyhetsbrev.",
    "Den digitala lösningen används nu av {m} patienter, och ingen allvarlig avvikelse har rapporterats.",
    "Ett lärande nätverk med {k} deltagande enheter träffas nu fyra gånger per år.",
    "Tre av fyra enheter i {ort2} har infört arbetssättet fullt ut; den fjärde startar i {manad}.",
    "Andelen med en dokumenterad plan ökade från {c} till {d} procent under året.",
    "Vi har börjat mäta patientens upplevelse med en kort enkät efter varje kontakt.",
    "Arbetet pausades under sommaren och återupptogs i {manad} efter semesterperioden.",
    "En fokusgrupp med anhöriga i {ort} har gett förslag som nu testas i liten skala.",
    "Personalomsättningen i teamet har varit hög, men introduktionen fungerar bättre än förra året.",
    "Samarbetet med civilsamhället i {ort2} har gett {k} nya frivilliga som stöttar vid träffarna.",
    "I december gjordes en gemensam genomgång av alla avvikelser, och {k} åtgärder beslutades.",
)
LARDOMAR = (
    "Det tar längre tid än vi trodde att bygga upp förtroende mellan verksamheterna, men när det väl finns går arbetet snabbare.",
    "När en satsning avslutas måste det vara klart i förväg vem som tar över ansvaret.",
    "Små försök i en del av kommunen, som i {ort}, ger lärdomar som gör spridningen enklare.",
    "Invånarnas synpunkter har ofta pekat på enkla förbättringar som vi själva inte hade sett.",
    "Vi behöver följa upp med data från båda huvudmännen för att förstå vad som faktiskt förändras.",
    "Gemensamma utbildningsdagar skapar kontakter som håller i vardagen långt efter utbildningen.",
    "Det är lättare att samverka när cheferna har samma bild av vad nära vård innebär.",
    "Vi har lärt oss att tydliga kontaktvägar är viktigare än nya organisationer.",
    "Digitala lösningar fungerar bäst när någon finns på plats de första gångerna.",
    "När vi mäter för mycket blir uppföljningen en börda; vi har därför valt färre och tydligare mått.",
    "Samarbetet med {roll} har visat hur mycket som går att lösa med ett telefonsamtal i stället för en remiss.",
    "Vi underskattade behovet av introduktion för sommarvikarierna.",
)
FRAMGANG = (
    "Att kommunens hemsjukvård och {vc} delar lokaler i {ort}.",
    "En engagerad styrgrupp som tar beslut snabbt och följer upp dem.",
    "Gemensamma mål i den lokala överenskommelsen och en gemensam uppföljning.",
    "Att vi har haft samma kontaktpersoner hos båda huvudmännen under hela året.",
    "Stödet från {roll} och det regionala utvecklingsstödet.",
    "Att invånarna har varit med och utformat aktiviteterna från början.",
    "Korta beslutsvägar och en kultur där man vågar pröva nya arbetssätt.",
    "Ett tydligt uppdrag till utvecklingsledaren och tid avsatt för arbetet.",
    "Att föreningslivet och studieförbunden i {ort2} har ställt upp med lokaler och ledare.",
    "Gemensam statistik som visar effekterna för både kommunen och regionen.",
)
UTMANINGAR = (
    "Det är svårt att rekrytera sjuksköterskor och läkare, särskilt till {ort2} och de andra mindre orterna.",
    "Fler äldre med komplexa behov bor kvar hemma, och det sätter press på hemsjukvården.",
    "De som bor i tätorten deltar oftare i de hälsofrämjande aktiviteterna än de som bor på landsbygden.",
    "Journalsystemen talar inte med varandra, så information måste fortfarande överföras manuellt.",
    "Ekonomin är ansträngd hos båda huvudmännen och flera satsningar har fått skjutas upp.",
    "Det är långa avstånd och få kollektivtrafikförbindelser mellan {ort} och {ort2}.",
    "Sjukfrånvaron i hemtjänsten var hög under vintern, vilket påverkade kontinuiteten.",
    "Det saknas fortfarande en gemensam bild av vilka data som ska följas upp och hur ofta.",
    "Lagstiftningen om informationsdelning gör det krångligt att arbeta i gemensamma team.",
    "Vi har inte nått de grupper som har störst behov i den utsträckning vi hade hoppats.",
)
BEDOMNING = (
    "Vi bedömer att {kommun} har tagit ett steg framåt inom Nära mellan oss under året.",
    "Arbetet går i rätt riktning mot målbilden, men takten behöver öka inom Nära till hälsa.",
    "Nästa steg är att låta fler invånare vara med och utforma aktiviteterna.",
    "Vi ser tydliga resultat för de äldre, medan insatserna för barn och unga ännu är i startgroparna.",
    "Sammantaget bedömer vi att omställningen till nära vård har fått fäste i vardagen.",
    "Samverkan på ledningsnivå är god, men den behöver nå längre ut i verksamheterna.",
    "För att nå målbilden behöver vi bli bättre på att följa upp resultat uppdelat på kön och ålder.",
    "Vi bedömer att de viktigaste förutsättningarna finns på plats inför {ar}.",
)
SCORE_COMMENTS = (
    "Bemötandet skiljer sig fortfarande mellan enheterna.",
    "Gemensamma lokaler och ett levande ambassadörsnätverk gör skillnad.",
    "Vi har kommit långt för de äldre men inte lika långt för barn och unga.",
    "Skattningen gjordes gemensamt av kommunens ledningsgrupp och vårdcentralscheferna i {ort}.",
    "Invånardialogerna visar att många fortfarande inte vet vart de ska vända sig.",
    "Resultatet påverkas av att det är svårt att rekrytera till {ort2}.",
    "Vi skattar något lägre än förra året eftersom vi nu har bättre underlag.",
    "Arbetet med samordnade planer har gett tydlig effekt under året.",
    "De digitala besöken har gjort vården mer tillgänglig för dem som bor långt från tätorten.",
    "Det förebyggande arbetet har fått stå tillbaka när verksamheterna haft hög belastning.",
)
VALUE_COMMENTS = (
    "Preliminär siffra",
    "Hämtat från Kolada i februari",
    "Eget uttag ur journalsystemet",
    "Osäkert värde: få svarande i enkäten",
    "Avser första halvåret",
    "Ny mätmetod från i år, inte jämförbar bakåt",
)
COMMENT_LINES = (
    "Reviderad efter dialog i samverkansforumet.",
    "Slutdatum förlängt efter beslut i styrgruppen.",
    "Uppgifterna stämda av med vårdcentralens verksamhetschef.",
    "Se också protokollet från samverkansmötet i {manad}.",
    "Ansvarig ändrad efter omorganisationen i förvaltningen.",
    "Aktiviteten har tidigare hetat något annat i kommunens egna dokument.",
    "Målgruppen utvidgad till att även omfatta {ort2}.",
    "Finansieras delvis med statliga stimulansmedel för omställningen till nära vård.",
)
# fmt: on
