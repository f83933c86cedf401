"""The printed diploma: `render_pdf(data)` -> one A4 landscape page (PDF bytes).

The page is bilingual: the programme language (e.g. Norwegian) and, when it
differs, her language, each block in its own language (labels through
gettext with the i18n ``language`` tag, course texts where translated) and
its own direction (Arabic, Dari and Urdu right to left). Her name is printed
exactly as given and bidi-isolated, so an Arabic name on a Norwegian diploma
(or a Latin one in an Arabic block) keeps its order.

Fonts are the system's Noto fonts found through fontconfig (see pdf.css).

Rendering fetches nothing: WeasyPrint gets an `OfflineFetcher` that refuses
every URL but ``data:``, so neither a ``file://`` path nor a network address
can be read, whatever ends up in the HTML. All user text is auto-escaped by
the template; the QR code is inline SVG made by segno from the verification
URL.
"""

import datetime
import logging
from decimal import Decimal

import segno
from django.template.loader import get_template, render_to_string
from django.utils import formats, translation
from django.utils.safestring import mark_safe
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

from .data import DiplomaData, is_rtl_language, main_script, text_direction

logger = logging.getLogger(__name__)

TEMPLATE = "lms/diplomas/pdf.html"
STYLESHEET = "lms/diplomas/pdf.css"
DENSITIES = range(6)  # body.density-0 .. density-5 in pdf.css
_GAP = 8  # CSS px (about 2 mm) kept free between the content and the footer
COLUMNS = {0: 2, 1: 2, 2: 3, 3: 3, 4: 3, 5: 4}  # module columns at each density

# Unicode bidi isolates (UAX #9): first-strong isolate and pop.
_FSI, _LRI, _PDI = "\u2068", "\u2066", "\u2069"

# Scripts whose glyphs come from a language-specific font (see pdf.css).
_SCRIPT_LANGUAGES = {"arabic": {"ar", "fa", "ur", "ps", "ckb"}, "ethiopic": {"ti"}}


class OfflineFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that refuses everything but ``data:`` URIs.

    Every URL asked for is recorded in `requested` (tests read it). Refusing
    raises `ValueError`, which WeasyPrint turns into a logged warning and a
    missing resource, so a refused URL never stops the diploma.
    """

    def __init__(self):
        super().__init__(allowed_protocols=("data",), allow_redirects=False)
        self.requested = []

    def fetch(self, url, headers=None):
        self.requested.append(url)
        if not url.lower().startswith("data:"):
            raise ValueError("diplomas fetch nothing but data: URIs")
        return super().fetch(url, headers)


def qr_svg(url: str) -> str:
    """The QR code (ISO/IEC 18004, level M, 4-module quiet zone) as inline SVG."""
    code = segno.make(url, error="m", micro=False)
    return code.svg_inline(scale=1, border=4, omitsize=True, dark="#000000")


def _format_date(value: datetime.date, language: str) -> str:
    with translation.override(language):
        if formats.get_format_modules(lang=language):
            return formats.date_format(value, "DATE_FORMAT")
    # No Django locale formats (Somali, Tigrinya): numbers read everywhere.
    return value.strftime("%d.%m.%Y")


def _format_hours(value, language: str) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    with translation.override(language):
        return formats.number_format(value, use_l10n=True)


def _isolate(text: str) -> str:
    """`text` wrapped in a first-strong isolate, so it keeps its own direction
    inside a line of the other direction (UAX #9, FSI ... PDI)."""
    return _FSI + text + _PDI if text else text


def _direction(language: str) -> str:
    return "rtl" if is_rtl_language(language) else "ltr"


def _block(data: DiplomaData, language: str, primary: bool) -> dict:
    """The texts of one language block; course texts fall back to the original."""
    programme = data.programme if primary else data.programme_translated
    wording = data.wording if primary else data.wording_translated
    block = {
        "lang": language,
        "dir": _direction(language),
        "programme": programme or data.programme,
        "programme_lang": "",
        "programme_dir": "",
        "wording": wording or data.wording,
        "wording_lang": "",
        "wording_dir": "",
        "period": _isolate(
            _format_date(data.period_start, language)
            + " – "
            + _format_date(data.period_end, language)
        ),
        "hours": _isolate(_format_hours(data.total_hours, language)),
        "issued_on": _isolate(_format_date(data.issued_on, language)),
    }
    # An untranslated course text keeps its own language and direction.
    original = data.programme_language
    if not programme:
        block["programme_lang"], block["programme_dir"] = original, _direction(original)
    if not wording and data.wording:
        block["wording_lang"], block["wording_dir"] = original, _direction(original)
    return block


def _name_size(name: str) -> int:
    """The name's type size step (pdf.css .name-size-N) from its length."""
    length = len(name)
    for step, limit in enumerate((32, 60, 100, 180)):
        if length <= limit:
            return step
    return 4


def _name_language(data: DiplomaData) -> str:
    """Her language for the name element, if the name is written in its script.

    This picks the right font (Nastaliq for an Urdu name) without claiming a
    Latin-script name is Urdu.
    """
    script = main_script(data.holder_name)
    for language in (data.holder_language, data.programme_language):
        base = language.split("-")[0].lower()
        if base in _SCRIPT_LANGUAGES.get(script, ()):
            return language
    return ""


def _first_density(data: DiplomaData) -> int:
    """A first guess at the density from the amount of module text.

    Only a starting point for `render_document`'s search, which then steps to the
    largest text that fits; a good guess saves a layout pass or two.
    """
    characters = sum(len(m.title) + len(m.translated_title) for m in data.modules)
    characters += len(data.wording) + len(data.wording_translated)
    for step, limit in enumerate((1800, 2600, 3400, 4200)):
        if characters <= limit:
            return step
    return 4


def module_columns(modules: list[dict], count: int) -> list[list[dict]]:
    """Split the numbered modules, in order, into `count` columns of even length.

    Lengths are weighed by the text each module prints, so a column of long
    titles gets fewer modules.
    """
    count = max(1, min(count, len(modules)))
    weights = [len(m["title"]) + len(m["translated_title"]) + 40 for m in modules]
    target = sum(weights) / count
    columns, current, filled = [], [], 0.0
    for placed, (module, weight) in enumerate(zip(modules, weights, strict=True)):
        later_columns = count - len(columns) - 1
        unplaced = len(modules) - placed
        full = filled + weight / 2 > target * (len(columns) + 1)
        if current and later_columns and (full or unplaced <= later_columns):
            columns.append(current)
            current = []
        current.append(module)
        filled += weight
    columns.append(current)
    return columns


def context(data: DiplomaData, density: int = 0) -> dict:
    """The template context for `data` at one density step."""
    blocks = [_block(data, data.programme_language, primary=True)]
    if data.bilingual:
        blocks.append(_block(data, data.holder_language, primary=False))
    name_dir = text_direction(data.holder_name)
    modules = [
        {
            "number": number,
            "title": module.title,
            "translated_title": module.translated_title if data.bilingual else "",
        }
        for number, module in enumerate(data.modules, start=1)
    ]
    return {
        "density": density,
        "bilingual": data.bilingual,
        "revoked": data.revoked,
        "certificate": data.certificate,
        "blocks": blocks,
        "primary": blocks[0],
        "secondary": blocks[-1],
        "organisation": data.organisation,
        "organisation_dir": text_direction(data.organisation),
        "chapter": _isolate(data.chapter),
        "name": _isolate(data.holder_name),
        "name_dir": name_dir,
        "name_lang": _name_language(data),
        "name_size": _name_size(data.holder_name),
        "module_columns": module_columns(modules, COLUMNS[density]),
        "signatories": [
            {
                "name": _isolate(s.name),
                "role": _isolate(s.role),
                "name_dir": text_direction(s.name),
                "role_dir": text_direction(s.role),
            }
            for s in data.signatories
        ],
        "url": _LRI + data.verification_url + _PDI,
        "code": _LRI + data.verification_code + _PDI,
        "qr_svg": mark_safe(qr_svg(data.verification_url)),  # noqa: S308 - segno output
    }


def render_html(data: DiplomaData, density: int = 0) -> str:
    """The diploma as HTML (what WeasyPrint lays out); handy for previews."""
    return render_to_string(TEMPLATE, context(data, density))


def _stylesheet(fetcher: OfflineFetcher) -> CSS:
    return CSS(string=get_template(STYLESHEET).render({}), url_fetcher=fetcher)


def html_to_pdf(html: str, fetcher: OfflineFetcher | None = None) -> bytes:
    """Lay out diploma HTML with the diploma stylesheet, fetching nothing."""
    fetcher = fetcher or OfflineFetcher()
    document = HTML(string=html, url_fetcher=fetcher, base_url=None).render(
        stylesheets=[_stylesheet(fetcher)]
    )
    return document.write_pdf()


def fits_one_page(document) -> bool:
    """Whether a rendered diploma is one page with its content above the footer.

    The sheet has a fixed size and the footer sits on its bottom edge, so
    overflowing content would not add a page but run under the footer: the
    anchors ``#content-end`` and ``#foot-start`` tell.
    """
    if len(document.pages) != 1:
        return False
    anchors = document.pages[0].anchors
    end, foot = anchors.get("content-end"), anchors.get("foot-start")
    return end is not None and foot is not None and end[1] + _GAP <= foot[1]


def render_document(data: DiplomaData, *, fetcher: OfflineFetcher | None = None):
    """The diploma laid out by WeasyPrint (a `weasyprint.Document`), on one page.

    Tries the density steps of pdf.css from a first guess and keeps the
    largest text that fits (`fits_one_page`): many modules, long titles and
    a second language shrink the text rather than overflow the page.
    `fetcher` is the `OfflineFetcher` to use (tests pass one to see what was
    asked for).
    """
    if not isinstance(data, DiplomaData):
        raise TypeError("a diploma is rendered from a DiplomaData")
    fetcher = fetcher or OfflineFetcher()
    stylesheet = _stylesheet(fetcher)
    rendered = {}

    def layout(density: int):
        if density not in rendered:
            html = render_html(data, density)
            rendered[density] = HTML(
                string=html, url_fetcher=fetcher, base_url=None
            ).render(stylesheets=[stylesheet])
        return rendered[density]

    density = _first_density(data)
    if fits_one_page(layout(density)):
        while density > DENSITIES[0] and fits_one_page(layout(density - 1)):
            density -= 1
    else:
        while density < DENSITIES[-1] and not fits_one_page(layout(density)):
            density += 1
        if not fits_one_page(layout(density)):
            logger.warning(
                "Diploma %s does not fit one page even at the smallest text size",
                data.verification_code,
            )
    document = layout(density)
    document.metadata.title = f"{data.programme} – {data.holder_name}"
    document.metadata.lang = data.programme_language
    return document


def render_pdf(data: DiplomaData, *, fetcher: OfflineFetcher | None = None) -> bytes:
    """The diploma of `data` as PDF bytes: A4 landscape, one page, fonts embedded.

    See `render_document`; nothing is fetched but ``data:`` URIs.
    """
    return render_document(data, fetcher=fetcher).write_pdf()
