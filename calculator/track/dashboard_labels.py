"""The words of LinkedIn's SSI page in each language, one row per label, each with where it was seen.

The paste reader knows a language only through these rows: adding a language means adding its rows here,
nothing else. A row's ``seen`` says how far to trust it:

- ``page``: text of the page itself, as a parser of the live page or a dated capture of it recorded it;
- ``fixture``: a public parser's test text, said to mimic the live page (it may be simplified);
- ``blog``: a blog's transcription of the page, possibly years old (LinkedIn renames labels now and then).

Labels are matched whole, ignoring case, accents and how the spaces fall, so "Échanger des informations"
and "echanger  des\ninformations" are the same label.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Seen = Literal["page", "fixture", "blog"]

# What each kind of label marks on the page.
PILLAR_FIELDS: tuple[str, ...] = ("brand", "find", "engage", "relate")
MARKERS: dict[str, str] = {
    "brand": "the first pillar",
    "find": "the second pillar",
    "engage": "the third pillar",
    "relate": "the fourth pillar",
    "total": "the heading of your total",
    "out_of": 'the word in "53 out of 100"',
    "rank_prefix": 'the word in "Top 9%"',
    "industry_rank": "the heading of your industry rank",
    "network_rank": "the heading of your network rank",
    "industry_rank_after": 'the words after "Top 9%" naming the industry',
    "network_rank_after": 'the words after "Top 9%" naming the network',
    "industry_section": "the heading of the industry comparison",
    "network_section": "the heading of the network comparison",
    "average": 'the words before a group\'s average ("average SSI of 34")',
    "industry_compare": "the prefix of an industry average in the comparison chart",
    "network_compare": "the prefix of a network average in the comparison chart",
}


@dataclass(frozen=True)
class Label:
    field: str  # a key of MARKERS
    lang: str  # BCP 47 tag
    text: str
    seen: Seen
    source: str  # where the text was seen: a repository file or a page address


_LINKMATE = "github.com/mrviduus/linkmate tests/ssi-parser.spec.ts (2026)"
_LINKMATE_SELECTORS = "github.com/mrviduus/linkmate src/lib/selectors.ts (2026)"
_CLONE = "github.com/getFrontend/app-linkedin-ssi-generator app/page.tsx"
_SSI_DATA = "github.com/professorsoares/linkedin-ssi-data ssi/scrape_ssi.py and ssi/data/*.csv (2026)"
_SSI_FIELDS = "github.com/professorsoares/linkedin-ssi-data ssi/data/Campos_SSI.md (2026)"
_PT_2026 = "a public Python test of a Portuguese SSI parser, 'Layout 2026' (2026; repository not named)"
_AVENIT = "avenit.de/de/blog/so-pushst-du-deinen-linkedin-ssi-score/"
_OLDEKAMP = "gesa-oldekamp.de/was-ist-social-selling-index/"
_SOCIALGLOBE = "socialglobe.fr/entreprises/linkedin-a-quoi-sert-le-social-selling-index/"
_ORGAPHENIX = "orgaphenix.com/social-selling-index-linkedin/"
_SSCLUB = "socialsellingclub.com/ou-trouver-son-social-selling-index/"
_CLAUDIO = "claudioinacio.com/2017/10/31/social-selling-index-ssi/ (2017)"
_CAPGEMINI = "capgemini.com/es-es/2017/12/como-mejorar-tu-social-selling-index-de-linkedin/ (2017)"

LABELS: tuple[Label, ...] = (
    # English
    Label("brand", "en", "Establish your professional brand", "page", _LINKMATE_SELECTORS),
    Label("find", "en", "Find the right people", "page", _LINKMATE_SELECTORS),
    Label("engage", "en", "Engage with insights", "page", _LINKMATE_SELECTORS),
    Label("relate", "en", "Build relationships", "page", _LINKMATE_SELECTORS),
    Label("total", "en", "Current Social Selling Index", "page", _CLONE),
    Label("total", "en", "Your Social Selling Index score", "fixture", _LINKMATE),
    Label("total", "en", "Your score", "fixture", _LINKMATE),
    Label("out_of", "en", "out of", "page", _CLONE),
    Label("rank_prefix", "en", "Top", "page", _CLONE),
    Label("industry_rank", "en", "Industry SSI rank", "page", _CLONE),
    Label("network_rank", "en", "Network SSI rank", "page", _CLONE),
    Label("industry_rank_after", "en", "of your industry", "fixture", _LINKMATE),
    Label("network_rank_after", "en", "of your network", "fixture", _LINKMATE),
    Label("industry_section", "en", "People in your industry", "page", _CLONE),
    Label("network_section", "en", "People in your network", "page", _CLONE),
    Label("average", "en", "have an average SSI of", "page", _CLONE),
    # Portuguese (Brazil)
    Label("brand", "pt-BR", "Estabelecer sua marca profissional", "page", _SSI_DATA),
    Label("find", "pt-BR", "Localizar as pessoas certas", "page", _SSI_DATA),
    Label("engage", "pt-BR", "Interagir oferecendo insights", "page", _SSI_DATA),
    Label("relate", "pt-BR", "Criar relacionamentos", "page", _SSI_DATA),
    Label("total", "pt-BR", "Social Selling Index atual", "page", _SSI_FIELDS),
    Label("out_of", "pt-BR", "de", "page", _SSI_FIELDS),
    Label("rank_prefix", "pt-BR", "Primeiros", "page", _SSI_FIELDS),
    Label("industry_rank", "pt-BR", "Classificação SSI do setor", "page", _SSI_FIELDS),
    Label("network_rank", "pt-BR", "Classificação SSI da rede", "page", _SSI_FIELDS),
    Label("industry_rank", "pt-BR", "Classificação no setor", "fixture", _PT_2026),
    Label("network_rank", "pt-BR", "Classificação na rede", "fixture", _PT_2026),
    Label("industry_section", "pt-BR", "Pessoas no seu setor", "page", _SSI_FIELDS),
    Label("network_section", "pt-BR", "Pessoas na sua rede", "page", _SSI_FIELDS),
    Label("average", "pt-BR", "SSI médio de", "page", _SSI_DATA),
    Label("industry_compare", "pt-BR", "Média do setor:", "fixture", _PT_2026),
    Label("network_compare", "pt-BR", "Média da rede:", "fixture", _PT_2026),
    # German: blog transcriptions only; no parser or copy of a German page was found.
    Label("brand", "de", "Ihre professionelle Marke aufbauen", "blog", _AVENIT),
    Label("brand", "de", "Professionelle Marke aufbauen", "blog", _OLDEKAMP),
    Label("find", "de", "Gezielt die richtigen Personen finden", "blog", f"{_AVENIT}; {_OLDEKAMP}"),
    Label("engage", "de", "Durch Einblicke Interesse wecken", "blog", f"{_AVENIT}; {_OLDEKAMP}"),
    Label("relate", "de", "Beziehungen aufbauen", "blog", f"{_AVENIT}; {_OLDEKAMP}"),
    Label("total", "de", "Aktueller Social Selling Index", "blog", _AVENIT),
    Label("out_of", "de", "von", "blog", _AVENIT),
    # French: blog transcriptions only; the blogs disagree on the first pillar, so both are read.
    Label("brand", "fr", "Construire votre marque professionnelle", "blog", f"{_SOCIALGLOBE}; {_SSCLUB}"),
    Label("brand", "fr", "Construire votre marque personnelle", "blog", _ORGAPHENIX),
    Label("find", "fr", "Trouver les bonnes personnes", "blog", f"{_SOCIALGLOBE}; {_ORGAPHENIX}; {_SSCLUB}"),
    Label("engage", "fr", "Échanger des informations", "blog", f"{_SOCIALGLOBE}; {_ORGAPHENIX}; {_SSCLUB}"),
    Label("relate", "fr", "Établir des relations", "blog", f"{_SOCIALGLOBE}; {_ORGAPHENIX}; {_SSCLUB}"),
    # Spanish: blog transcriptions from 2017; "Marca profesional" also matches the longer
    # "Establece tu marca profesional", of which only a cut-off copy was found.
    Label("brand", "es", "Marca profesional", "blog", f"{_CLAUDIO}; {_CAPGEMINI}"),
    Label("find", "es", "Encuentra a las personas adecuadas", "blog", _CLAUDIO),
    Label("engage", "es", "Interactúa ofreciendo información", "blog", _CLAUDIO),
    Label("relate", "es", "Crea relaciones", "blog", _CLAUDIO),
)

_NAMES: dict[str, str] = {
    "en": "English",
    "pt-BR": "Portuguese (Brazil)",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
}
# Every language with a row, in table order, by its name (its tag when the name is not listed above).
LANGUAGES: dict[str, str] = {lang: _NAMES.get(lang, lang) for lang in dict.fromkeys(label.lang for label in LABELS)}


def labels_for(field: str) -> tuple[Label, ...]:
    """Every label of one field, longest first (so a longer label wins over one it contains).

    >>> [label.text for label in labels_for("brand") if label.lang == "de"]
    ['Ihre professionelle Marke aufbauen', 'Professionelle Marke aufbauen']
    """
    return tuple(sorted((label for label in LABELS if label.field == field), key=lambda label: -len(label.text)))


def languages_with(field: str) -> tuple[str, ...]:
    """The names of the languages that have a label for ``field``, in table order.

    >>> languages_with("industry_rank")
    ('English', 'Portuguese (Brazil)')
    """
    seen = dict.fromkeys(label.lang for label in LABELS if label.field == field)
    return tuple(LANGUAGES[lang] for lang in seen)
