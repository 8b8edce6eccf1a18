"""What kind of source each URL is, and which sources the atlas must never cite (pure: no Streamlit).

One table for the whole project. ``kind_of(url)`` gives one of the six kinds of ``KINDS`` for a
site listed here (or ``NOT_THE_SOURCE`` for a copy, farm, user or login page, ``UNCLASSIFIED``
for a site nobody has classified yet); ``is_forbidden(url)`` says why a URL must not be cited.
``tests/test_sources.py`` runs both over every URL in ``data/*.csv``: an unclassified site fails
the suite until it is added below.

Sites are matched by host and then by each parent domain (``news.bbc.co.uk`` matches
``bbc.co.uk``), so list the registrable domain unless its subdomains differ in kind (blogs on
``blogspot.com`` are listed one by one). A few suffix rules then cover whole families
(``*.gov``, ``*.go.kr``, ``*.kp``, ``*.wikipedia.org``…). Kinds describe who publishes the page,
not how reliable it is: DPRK state media is a source for what the DPRK said, not for what
happened.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

from atlas.core.i18n import N_, _

OFFICIAL = "official"
NEWS = "news"
ENCYCLOPEDIA = "encyclopedia"
ACADEMIC = "academic"
DPRK_STATE = "dprk_state"
OTHER = "other"
NOT_THE_SOURCE = "not_the_source"
UNCLASSIFIED = "unclassified"

# English labels, marked for the catalog; ``label(kind)`` gives them in the run's language.
KINDS = {
    OFFICIAL: N_("Official government or international body"),
    NEWS: N_("News agency or newspaper"),
    ENCYCLOPEDIA: N_("Encyclopedia"),
    ACADEMIC: N_("Academic"),
    DPRK_STATE: N_("DPRK state media or friendship association"),
    OTHER: N_("Other"),
}
# Labels for the two states a URL should only be in while data is being fixed.
LABELS = {
    **KINDS,
    NOT_THE_SOURCE: N_("Copy, farm, user or login page (not the source itself)"),
    UNCLASSIFIED: N_("Unclassified site"),
}

_SITES: dict[str, tuple[str, ...]] = {
    OFFICIAL: (
        # Governments, their ministries, embassies and archives.
        "state.gov",
        "usembassy.gov",
        "cia.gov",
        "history.navy.mil",
        "kedo.org",  # the Korean Peninsula Energy Development Organization (intergovernmental)
        "un.org",
        "japan.kantei.go.jp",
        "mofa.go.jp",
        "opendata.mofa.go.kr",
        "korea.net",  # the ROK government's portal
        "gov.br",
        "gov.pl",
        "gouvernement.lu",
        "gov.ls",
        "fiji.gov.fj",
        "op.gov.gy",
        "iric.gov.kh",
        "mzv.cz",
        "mfa.gr",
        "mfa.rs",
        "mfa.gov.tr",
        "auswaertiges-amt.de",
        "diplomatie.gouv.fr",
        "admin.ch",  # Swiss federal administration (eda, fdfa…)
        "esteri.it",
        "swedenabroad.com",
        "canadainternational.gc.ca",
        "china-embassy.gov.cn",
        "kremlin.ru",
        "bpb.de",  # Germany's Federal Agency for Civic Education
        "serbianconsulate.bc.ca",
        "dirco1.azurewebsites.net",  # South Africa's foreign ministry (DIRCO) keeps its older statements here
        "iaea.org",
        "fao.org",
        "newsroom.ctbto.org",  # the Comprehensive Nuclear-Test-Ban Treaty Organization
        "unmultimedia.org",  # the UN's audiovisual library
        "norway.no",  # Norway's missions (its UN mission's statements)
        "euinjapan.jp",  # the EU's delegation to Japan
    ),
    NEWS: (
        "caixinglobal.com",
        "heraldcorp.com",  # Herald Corp (The Korea Herald, Herald Business)
        "ichannela.com",  # Channel A, a South Korean broadcaster
        "ahram.org.eg",  # Ahram Online, Al-Ahram's English site (it also carries AP wire stories)
        "observador.pt",  # Observador, a Portuguese daily
        "daily.hankooki.com",
        "e.vnexpress.net",
        "english.news.cn",  # Xinhua, China's state news agency
        "euronews.com",
        "cri.cn",  # China Radio International, a Chinese state broadcaster
        "globaltimes.cn",
        "interfax.com",
        "japannews.yomiuri.co.jp",
        "kmib.co.kr",
        "theleader.mt.co.kr",
        "moneys.co.kr",
        "news.sbs.co.kr",
        "observerid.com",
        "true-news.it",
        "newspim.com",
        "jtbc.co.kr",
        "timenews.co.kr",
        "aif.ru",
        "jtbc.co.kr",
        "newspim.com",
        "timenews.co.kr",
        "bignewsnetwork.com",
        "imaeil.com",
        "news1.kr",
        "newsinfo.inquirer.net",
        "politico.com",
        "premiumtimesng.com",
        "saamana.com",
        "segyetimes.co.kr",
        "telegraph.co.uk",
        "voakorea.com",
        "eir.news",
        "theweekendleader.com",
        "spunt.mt",
        "abcnews.go.com",
        "abc.net.au",
        "aboutcroatia.net",
        "diario-octubre.com",
        "actualnewsmagazine.com",
        "ajunews.com",
        "albawaba.com",
        "albawaba.me",
        "allafrica.com",
        "angop.ao",  # Angola's state news agency
        "aps.dz",  # Algeria's state news agency
        "asiae.co.kr",
        "asiaone.com",
        "astroawani.com",
        "baltimoresun.com",
        "bangkokpost.com",
        "bbc.co.uk",
        "borneotoday.net",
        "breitbart.com",
        "business-standard.com",
        "businessinsider.in",
        "bytesde.com",
        "cambodiadaily.com",
        "cambodianewsgazette.com",
        "celebritywshow.com",
        "channelnewsasia.com",
        "chicagotribune.com",
        "china.org.cn",
        "chosun.com",
        "circa.com",
        "citynews1130.com",
        "cnn.com",
        "coconuts.co",
        "cronicaweb.com",
        "csmonitor.com",
        "ctv.by",
        "dailynk.com",
        "dailytimes247.com",
        "deseret.com",
        "diepresse.com",
        "donga.com",
        "duna.cl",
        "dw.com",
        "edaily.co.kr",
        "einnews.com",
        "embassynews.info",
        "en.royanews.tv",
        "estadao.com.br",
        "etnews.com",
        "etoday.co.kr",
        "europalibera.org",  # Radio Free Europe's Romanian service
        "expatica.com",
        "fajarmanado.com",
        "khan.co.kr",  # Kyunghyang Shinmun
        "finanzen.net",
        "foreignpolicy.com",
        "laprensalatina.com",
        "finanznachrichten.de",
        "foxnews.com",
        "franchise-news.co.kr",
        "freebeacon.com",
        "guinee360.com",
        "hani.co.kr",
        "hankyung.com",
        "elmoudjahid.com",  # Algerian state daily
        "jpnn.com",
        "ndarinfo.com",
        "mno.hu",  # Magyar Nemzet
        "theborneopost.com",
        "tribune.com.pk",  # The Express Tribune
        "yna.kr",  # Yonhap's own short links
        "fnnews.com",  # Financial News (Korea)
        "kgnewskorea.com",
        "kompas.com",
        "arabnews.com",
        "ytn.co.kr",
        "rfaweb.org",  # Radio Free Asia's own publishing host
        "heraldk.com",
        "hindustantimes.com",
        "imaeil.com",
        "imbc.com",
        "inews.id",
        "iol.co.za",
        "ippmedia.com",
        "irozhlas.cz",
        "irrawaddy.com",
        "japantimes.co.jp",
        "joins.com",
        "jtbc.co.kr",
        "joongang.co.kr",
        "kathmandupost.com",
        "kbs.co.kr",
        "kion546.com",
        "kommersant.ru",
        "koreabizwire.com",
        "koreaherald.com",
        "koreatimes.co.kr",
        "lagosobserver.com",
        "lalibre.be",
        "latimes.com",
        "legalviews.pk",
        "libyareview.com",
        "masdardiplomacy.com",
        "mbn.co.kr",
        "menafn.com",
        "miamiherald.com",
        "monitorulapararii.ro",
        "montsame.mn",  # Mongolia's state news agency
        "moscow-baku.ru",
        "naijagists.com",
        "nbcambodia.com",
        "news.am",
        "news.mail.ru",
        "news.obiaks.com",
        "news.postimees.ee",
        "news24.com",
        "newsis.com",
        "newspic.kr",
        "newspim.com",
        "newswire.com.pk",
        "newswire.mn",
        "nknews.org",
        "nocutnews.co.kr",
        "nowthendigital.com",
        "nsn.fm",
        "nyasatimes.com",
        "oananews.org",  # the Organization of Asia-Pacific News Agencies
        "observerdiplomat.com",
        "old.newschinamag.com",
        "opennieuwsbank.nl",
        "pakistantoday.com.pk",
        "paraminews.com",
        "pauta.cl",
        "people.cn",
        "people.com.cn",
        "peru.com",
        "pressafrik.com",
        "punchng.com",
        "qz.com",
        "radio.cz",
        "radiosantacruz.icrt.cu",
        "redaksiterkini.com",
        "reporternews.com",
        "rfa.org",
        "rferl.org",
        "rmol.id",
        "rollingstone.com",
        "rt.com",
        "rts.ch",
        "sandiegouniontribune.com",
        "scmp.com",
        "see.news",
        "segye.com",
        "segyetimes.co.kr",
        "seoul.co.kr",
        "sierraexpressmedia.com",
        "socialbites.ca",
        "sputnikglobe.com",
        "sputniknews.com",
        "straitstimes.com",
        "stripes.com",
        "sun-sentinel.com",
        "swissinfo.ch",
        "tag24.com",
        "tass.com",
        "tbsnews.net",
        "the-independent.com",
        "theage.com.au",
        "thedailybeast.com",
        "thedailystar.net",
        "theguardian.com",
        "thehindu.com",
        "theindependent.sg",
        "themoscowtimes.com",
        "thenanjinger.com",
        "thesundaily.my",
        "thetimeshub.in",
        "timenews.co.kr",
        "timesofmalta.com",
        "tnnwaldivision.com",
        "today.az",
        "togodiplomatie.info",
        "tongilnews.com",
        "tribuneindia.com",
        "trtworld.com",
        "trud-ost.ru",
        "upi.com",
        "urdupoint.com",
        "vestiabad.ru",
        "vietnam.vn",
        "vietnamnews.vn",
        "viewsnnews.com",
        "viewusglobal.com",
        "voanews.com",
        "voi.id",
        "voz.us",
        "washingtonpost.com",
        "windowstorussia.com",
        "wionews.com",
        "worldreportnow.com",
        "wowkorea.jp",
        "wowtv.co.kr",
        "wtimes.kr",
        "yna.co.kr",
        "yonhapnews.co.kr",
        "yonhapnewstv.co.kr",
        "zenit.org",  # Catholic news agency
        "fideliumgroup.com",
        "teacirclemyanmar.com",
        "pledgetimes.com",
        "newsdirectory3.com",
        "scholar.lib.vt.edu",  # Virginia Tech library's archive of Virginia newspapers (Roanoke Times)
        "newsflash.city",
        "aif.ru",  # Argumenty i Fakty
        "news1.kr",
        "politico.com",
        "premiumtimesng.com",
        "saamana.com",  # Marathi daily
        "telegraph.co.uk",
        "theweekendleader.com",  # carries IANS agency copy
        "voakorea.com",  # VOA Korean service
        "iwnsvg.com",  # iWitness News, St Vincent
        "hankookilbo.com",
        "chinadaily.com.cn",
        "koreatimesus.com",  # The Korea Times's US edition
        "kangnamtimes.com",
        "t-online.de",
        "imbc.com",  # MBC
        "news.mn",
        "fakt.pl",
        "info-sud-est.ro",
        "lbcgroup.tv",
        "dwturkce.com",  # Deutsche Welle's Turkish service
        "koreanradio.info",
        "mediaguard.co",
        "irozhlas.cz",  # Czech Radio's news site
        "fajarmanado.com",
        "khan.co.kr",  # Kyunghyang Shinmun
        "finanzen.net",
        "foreignpolicy.com",
        "laprensalatina.com",
    ),
    ENCYCLOPEDIA: (
        "britannica.com",
        "namu.wiki",  # user-edited Korean wiki: a weak source, cited only with a note
        "contents.nahf.or.kr",  # Northeast Asian History Foundation reference works
        "100.daum.net",  # Daum's encyclopedia
        "encykorea.aks.ac.kr",  # Encyclopedia of Korean Culture
        "universalis.fr",
        "archontology.org",
        "100.coroke.net",
        "britannica.com",
        "namu.wiki",  # user-edited Korean wiki
    ),
    ACADEMIC: (
        "escholarship.org",  # the University of California's open-access publisher (its journals)
        "hungaricana.hu",  # Hungarian archives and libraries' journals
        "jamestown.org",  # the Jamestown Foundation, a research institute
        "pax.peaceagreements.org",  # the University of Edinburgh's peace agreements database
        "ssoar.info",  # the Social Science Open Access Repository
        "kinu.or.kr",  # the Korea Institute for National Unification
        "northkoreaintheworld.org",  # the East-West Center and NCNK's data project
        "cambridge.org",
        "legacy.wilsoncenter.org",  # Wilson Center digital archive (older address)
        "oldsite.nautilus.org",  # Nautilus Institute archive
        "theasanforum.org",
        "idsa.in",  # India's Institute for Defence Studies and Analyses
        "zamane.ma",  # Moroccan history magazine
        "38north.org",
        "apjjf.org",
        "asil.org",
        "ciaonet.org",
        "cfr.org",
        "cns.miis.edu",
        "coldwarkorea.ff.cuni.cz",
        "digitalarchive.wilsoncenter.org",
        "discovery.researcher.life",
        "factum.lk",  # Sri Lankan foreign-policy think tank
        "iias.asia",
        "japanpitt.pitt.edu",
        "keia.org",
        "kls.law.columbia.edu",
        "lakis.or.kr",
        "ncnk.org",
        "taylorfrancis.com",
        "worldjpn.net",  # University of Tokyo database of Japanese diplomatic documents
        "ask.orkg.org",
        "virtuelles-migrationsmuseum.org",
        "cambridge.org",  # Cambridge University Press journals
        "idsa.in",  # India's Institute for Defence Studies and Analyses
        "legacy.wilsoncenter.org",  # Wilson Center Cold War Files
        "nautilus.org",  # Nautilus Institute DPRK Briefing Book
        "theasanforum.org",
        "contents.nahf.or.kr",  # Northeast Asian History Foundation archive of ROK diplomatic documents
    ),
    DPRK_STATE: (
        "kcna.co.jp",
        "kcnawatch.org",  # NK News's archive of DPRK state media texts
        "uriminzokkiri.com",
        "chosonsinbo.com",  # Chongryon's paper
        "korea-np.co.jp",  # Chosun Sinbo (Chongryon)
        "kkfonline.com",
        "kfausa.org",
        "kfaswitzerland.blogspot.com",
        "juche007-anglo-peopleskoreafriendship.blogspot.com",
        "amitiefrancecoree.org",
        "dprkorea.org.nz",
        "dprk.de",
        "nordkorea-info.de",
        "kldr.info",
        "koryojournal.news",
        "nkaggregator.com",  # reprints DPRK statements and KCNA releases
        "coreanews.net",
        "abbagav.blogspot.com",  # reposts KCNA releases
    ),
    OTHER: (
        "securitycouncilreport.org",  # an independent organisation that reports on the Council
        "acronym.org.uk",  # the Acronym Institute for Disarmament Diplomacy
        "peoplepower21.org",  # a Korean civic organisation
        "derechos.org",  # a human-rights organisation
        "github.com",  # datasets such as kdiplo (compiled from the ROK foreign ministry's lists)
        "sicht-vom-hochblauen.de",  # a personal blog
        "20thcenturywars.com",
        "360day.tistory.com",
        "afsa.org",
        "archive.observer",
        "archive.sacu.org",
        "assets.documentcloud.org",
        "atozgetidea.blogspot.com",
        "avozdopovode1945.blogspot.com",
        "calebmaupin.blogspot.com",
        "cartercenter.org",
        "cboard.net",
        "cliffordchance.com",
        "comoxairforcemuseum.ca",
        "consulate-info.com",
        "everything2.com",
        "fabian-vendrig.eu",
        "firearmsforever.org",
        "globalsecurity.org",
        "hiddenhistory.info",
        "johnfeffer.com",
        "nkeconwatch.com",  # North Korean Economy Watch, a long-running blog
        "historynet.com",
        "historysnacks.io",
        "khmerization.blogspot.com",
        "lawmix.ru",
        "leftistcritic2.home.blog",
        "mcigroup.my",
        "npmjs.com",  # the map geometry package (centroids.csv)
        "passport-collector.com",
        "perceptiofr.com",
        "preceden.com",
        "retronewser.com",
        "rmrb.online",
        "roccarainola.net",
        "teachingamericanhistory.org",
        "thearchangelmichael.blogspot.com",
        "thecubanhandshake.org",
        "thekoreanodyssey.blogspot.com",
        "thesanghakommune.org",
        "vtncankor.wordpress.com",
        "worldhistoryproject.org",
        "yearis.com",
        "za.ecotaf.net",
        "3gbook.com",
        "rus.or.kr",
        "wikisource.org",  # transcriptions of treaties and resolutions: cite the original where possible
        "eir.news",  # Executive Intelligence Review
        "sicht-vom-hochblauen.de",  # blog
        "spunt.mt",
        # US State Department cables (1973-76, declassified through the US National Archives) as
        # republished by WikiLeaks: not an official publication, whatever the text's origin.
        "wikileaks.org",
    ),
}

# Reprints: a page that carries another publisher's text. Cited when the original is not online
# (or not found); the kind shown is the original publisher's and the app says "reprint of …".
# Keys are a host, or a host with the start of a path for a site that reprints several publishers
# (the longest matching key wins). Values: (original publisher, its kind).
REPRINTS: dict[str, tuple[str, str]] = {
    "kfausa.org": ("KCNA", DPRK_STATE),
    "nkeconwatch.com": ("KCNA", DPRK_STATE),
    "nkeconwatch.com/2009/01/12/dprk-opens-consulate-in-dandong": ("The Korea Times (citing Yonhap)", NEWS),
    "wowkorea.jp/news/read/123926.html": ("Yonhap News Agency", NEWS),
    "borneotoday.net/msia-north-korea-expel-ambassadors-over-kim-jong-nams-alleged-murder": ("Associated Press", NEWS),
    "peru.com/actualidad/internacionales/corea-norte-que-se-regala-lider-norcoreano": ("BBC Mundo", NEWS),
    "mcigroup.my": ("Malay Mail", NEWS),
    "news.v.daum.net": ("Yonhap News Agency", NEWS),  # Daum News carries Yonhap's archive
    "newswire.com.pk/?p=118545": ("NK News", NEWS),
    "acores24horas.pt": ("Lusa", NEWS),
    "urdupoint.com/en/world/only-9-foreign-ambassadors-remain-in-north-ko": ("Sputnik", NEWS),
    "abbagav.blogspot.com": ("KCNA", DPRK_STATE),
    "nkaggregator.com": ("KCNA", DPRK_STATE),
    "jpnn.com/news/pengalaman-warga-ri-belasan-tahun-hidup-di-korea-utara": ("ABC (Australia)", NEWS),
}

# Blogs written by one person: never a source, even when they repost a publisher's text. Sites on
# blog platforms are personal unless listed in ORGANISATION_BLOGS (an association's own site).
PERSONAL_BLOGS: frozenset[str] = frozenset(
    {
        "sicht-vom-hochblauen.de",
        "leftistcritic2.home.blog",
        "360day.tistory.com",
        "nkeconwatch.com",  # a long-running blog; its reprints of KCNA and the press are listed above
    }
)
BLOG_PLATFORMS = re.compile(
    r"\.(blogspot\.com|wordpress\.com|tistory\.com|home\.blog|tumblr\.com|substack\.com|livejournal\.com)$|^blog\.naver\.com$"
)
ORGANISATION_BLOGS: frozenset[str] = frozenset(
    {
        "kfaswitzerland.blogspot.com",  # Korean Friendship Association, Switzerland
        "juche007-anglo-peopleskoreafriendship.blogspot.com",  # a UK friendship association
        "vtncankor.wordpress.com",  # CanKor, a Canadian newsletter on the DPRK
    }
)

# Copies of a page on another domain, content farms, dictionary sites: never the page itself.
FORBIDDEN_SITES: dict[str, str] = {
    **dict.fromkeys(
        (
            "wikimili.com",
            "lexisnexis.at",  # a subscription gateway's copy of pages (an Austrian gazette)
            "zxc.wiki",
            "wikizero.com",
            "sewiki.info",
            "wikiclassic.com",
            "ipfs.dweb.link",
            "ipfs.io",
            "glitch.me",
            "azureedge.net",
            "knowledgr.com",
            "wikibrief.org",
            "qaz.wiki",
            "abcdef.wiki",
            "av1.space",
            "wikiland.org",
            "wikiless.lunar.icu",
            "enwikipedia.net",
            "idwikipedia.org",
            "oracleblog.org",
            "kfd.me",
            "workers.dev",
            "iiab.me",
            "osmarks.net",
            "alchetron.com",
            "knowpia.com",
            "encycloreader.org",
            "wiki-gateway.eudic.net",
            "everybodywiki.com",
            "primidi.com",
            "cryer.org.uk",
        ),
        "a copy of a Wikipedia article on another domain: cite https://<lang>.wikipedia.org/wiki/<Title> or its own source",
    ),
    **dict.fromkeys(
        ("namu.moe", "mir.pe", "readonly.wiki"),
        "a mirror of Namu Wiki: cite the original page or, better, the source it relies on",
    ),
    **dict.fromkeys(
        ("movatter.jp", "hiragana.jp", "fanyv88.com"),
        "a page seen through a proxy or translation service: cite the page's own address",
    ),
    **dict.fromkeys(
        ("homsy-staging.cambridgecore.org", "dvincitest.com", "pangea-cms.com"),
        "a staging or preview copy of a publisher's site: cite the published page",
    ),
    **dict.fromkeys(
        ("docslib.org", "studylib.net", "paperzz.com", "readkong.com"),
        "a third-party upload of a document: cite the document's publisher",
    ),
    "countrystudies.us": "a copy of the Library of Congress Country Studies: cite loc.gov",
    "theburpboys.com": "a copy of Hankyung's archive: cite hankyung.com",
    "robotmas.updownstudio.com": "a copy of another site's chronology: cite the original",
    "web.lifelines.name": "an aggregator's copy of a news item: cite the news item",
    "dqdt.shop": "a content farm",
    "mdict.net": "a dictionary site, not the source of the fact",
}
FORBIDDEN_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\.sbs$"), "a spam domain"),
    # Matched against the decoded path and query: Wikipedia user pages, drafts, sandboxes, special pages.
    (
        re.compile(r"(/wiki/|title=)(user|user_talk|draft|benutzer|utilisateur|사용자|특수|special|spécial|spezial):", re.I),
        "a Wikipedia user, draft or special page, not an article",
    ),
    (re.compile(r"/sandbox\b", re.I), "a sandbox page"),
    (re.compile(r"(userlogin|/login\b|/signin\b|returnto=)", re.I), "a login page"),
    (re.compile(r"princeton\.edu/~achaney/tmve/wiki100k"), "a copy of a Wikipedia article on another domain"),
)

# Families of sites classified by their domain suffix, after the explicit table.
_SUFFIX_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(^|\.)wikipedia\.org$"), ENCYCLOPEDIA),
    (re.compile(r"\.kp$"), DPRK_STATE),
    (re.compile(r"(\.gov|\.mil|\.int)$|\.(gov|gouv|go|gob|govt|mofa)\.[a-z]{2}$|^(gov|mfa|mofa)\.[a-z]{2}$"), OFFICIAL),
    (re.compile(r"\.edu$|\.ac\.[a-z]{2}$|\.edu\.[a-z]{2}$"), ACADEMIC),
)

SITE_KINDS: dict[str, str] = {site: kind for kind, sites in _SITES.items() for site in sites}
URL_IN_TEXT = re.compile(r"https?://[^\s,;\"'()<>\[\]]+")


def host_of(url: str) -> str:
    """The lower-case host of a URL, without ``www.``, a trailing dot or a port ('' if none)."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.lower().rstrip(".").removeprefix("www.")


def _lookup(host: str, table: dict[str, str]) -> str | None:
    """The entry for ``host`` or its nearest parent domain in ``table``."""
    labels = host.split(".")
    for start in range(len(labels) - 1):
        found = table.get(".".join(labels[start:]))
        if found is not None:
            return found
    return None


def is_forbidden(url: str) -> str | None:
    """Why ``url`` must not be cited (a copy, a farm, a user or login page), or None if it may be."""
    host = host_of(url)
    if not host:
        return "not a web address"
    reason = _lookup(host, FORBIDDEN_SITES)
    if reason:
        return reason
    parts = urlsplit(url.strip())
    where = unquote(f"{host}{parts.path}?{parts.query}")
    for pattern, why in FORBIDDEN_PATTERNS:
        if pattern.search(host) or pattern.search(where):
            return why
    return None


@functools.lru_cache(maxsize=8192)  # the same few thousand URLs are classified on every page
def kind_of(url: str) -> str:
    """The kind of source ``url`` is: a key of ``KINDS``, ``NOT_THE_SOURCE`` or ``UNCLASSIFIED``."""
    if is_forbidden(url):
        return NOT_THE_SOURCE
    reprint = reprint_of(url)
    if reprint:
        return reprint[1]
    host = host_of(url)
    kind = _lookup(host, SITE_KINDS)
    if kind:
        return kind
    return next((kind for pattern, kind in _SUFFIX_RULES if pattern.search(host)), UNCLASSIFIED)


def _reprint_key(url: str) -> str:
    parts = urlsplit(url.strip())
    return host_of(url) + unquote(parts.path) + (f"?{parts.query}" if parts.query else "")


def reprint_of(url: str) -> tuple[str, str] | None:
    """(original publisher, its kind) when ``url`` is a reprint listed in ``REPRINTS``, else None."""
    key = _reprint_key(url)
    host = host_of(url)
    best = None
    for site, original in REPRINTS.items():
        site_host = site.split("/", 1)[0].split("?", 1)[0]
        on_site = host == site_host or host.endswith("." + site_host)
        if on_site and (site == site_host or key.startswith(site)) and (best is None or len(site) > len(best[0])):
            best = (site, original)
    return best[1] if best else None


def is_personal_blog(url: str) -> bool:
    """True for a blog written by one person (never a citable source, even for a repost)."""
    host = host_of(url)
    if not host or host in ORGANISATION_BLOGS:
        return False
    return _lookup(host, dict.fromkeys(PERSONAL_BLOGS, "yes")) is not None or bool(BLOG_PLATFORMS.search(host))


def label(kind: str) -> str:
    """The readable name of a kind, in the run's language."""
    return _(LABELS.get(kind, LABELS[UNCLASSIFIED]))


def describe(url: str) -> str:
    """'site · kind', e.g. 'kkfonline.com · DPRK state media or friendship association'.

    A reprint shows its original's kind and says so: 'kfausa.org · DPRK state media… (reprint of KCNA)'.
    """
    return f"{host_of(url) or url} · {label(kind_of(url))}{_reprint_text(url)}"


def _reprint_text(url: str) -> str:
    reprint = reprint_of(url)
    return " " + _("(reprint of {original})").format(original=reprint[0]) if reprint else ""


# Backslash-escapes every ASCII punctuation mark markdown (and Streamlit's :colour[…] and $math$
# extensions) could read as syntax; CommonMark allows a backslash before any of them.
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$&=\"'^])")


def escape_markdown(text: str) -> str:
    """``text`` shown literally inside ``st.markdown`` (names from the data must not format or link)."""
    return _MARKDOWN_SYNTAX.sub(r"\\\1", str(text))


def markdown_link(url: str) -> str:
    """A source as markdown: the site linked to the page, then its kind ('[kkfonline.com](…) · DPRK state media…')."""
    if not url:
        return _("no source given")
    site = host_of(url) or _("source")
    # An <…> destination keeps URLs with parentheses whole ('…/Moscow_Conference_(1945)').
    target = url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")
    reprint = escape_markdown(_reprint_text(url)) if reprint_of(url) else ""
    return f"[{site}](<{target}>) · {label(kind_of(url))}{reprint}"  # a host name holds no markdown


def urls_in(text: str) -> list[str]:
    """Every http(s) URL written in a piece of text (notes), without trailing punctuation."""
    return [url.rstrip(".:") for url in URL_IN_TEXT.findall(text or "")]


def kind_counts(urls: Iterable[str]) -> dict[str, int]:
    """How many of ``urls`` are of each kind, in the order of ``LABELS`` (kinds with none left out)."""
    counts: dict[str, int] = {}
    for url in urls:
        kind = kind_of(url)
        counts[kind] = counts.get(kind, 0) + 1
    return {kind: counts[kind] for kind in LABELS if kind in counts}


def mix_text(urls: Iterable[str]) -> str:
    """One line: each kind with its count and share, largest first ('' for no URLs)."""
    counts = kind_counts(urls)
    total = sum(counts.values())
    parts = [f"{label(k)} {n} ({n / total:.0%})" for k, n in sorted(counts.items(), key=lambda item: -item[1])]
    return " · ".join(parts)
