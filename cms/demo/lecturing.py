"""Briefings and material for the demo lecturer's two Alna evenings.

Module 2 (held): the pre-meeting took place, she brought slides (a PDF made
here) and a link, both shown to the cohort's trainees after the session.
Module 9, mental health (tomorrow): the pre-meeting is planned, the
coordinator has written the group's needs. The participants are the demo's
own staff, by name. Idempotent: a session that has a briefing is left alone,
and material is added only to a session that has none.
"""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile

from lms import materials
from lms.choices import MaterialVisibility, StaffRole
from lms.models import Briefing, BriefingChange, BriefingNote

BRIEFINGS = {
    2: {
        "pre_meeting_days_before": 9,
        "participants": (
            "Koordinator ({coordinator}), foreleser ({lecturer}), "
            "veileder ({supervisor})"
        ),
        "group_needs": (
            "Tolv kvinner, de fleste med små barn eller barnebarn. Mange snakker "
            "bare litt norsk: snakk langsomt og vis bilder. Flere er usikre på "
            "hva helsestasjonen gjør, og noen har hatt dårlige erfaringer med "
            "barnevernet. Ingen skal måtte fortelle om egne barn."
        ),
        "agreed_coverage": (
            "Språkutvikling 0-6 år, lek og lesing på morsmålet, hva "
            "helsestasjonen tilbyr. Ti minutter til spørsmål etter pausen."
        ),
        "room": "Furuset bibliotek, møterom 2",
        "interpreter": "Somali og arabisk (bestilt)",
        "practical_notes": (
            "18:00-20:30, pause 19:15. Projektor finnes. 12 deltakere; språk: "
            "somali, urdu, arabisk, tigrinja, tyrkisk, dari, engelsk, norsk."
        ),
        "note": "Jeg tar med bildebøker på flere språk som de kan bla i.",
    },
    9: {
        "pre_meeting_days_before": 2,
        "participants": "Koordinator ({coordinator}), foreleser ({lecturer})",
        "group_needs": (
            "Flere i gruppa har fortalt at de sover dårlig og bekymrer seg mye, "
            "og noen kjenner kvinner som sitter alene hjemme. Mange har ikke ord "
            "for psykiske plager på norsk, og noen synes det er skamfullt. Ingen "
            "skal måtte fortelle om seg selv: snakk om «en kvinne» i eksemplene."
        ),
        "agreed_coverage": (
            "Hva psykisk helse er, vanlige tegn på depresjon og angst, og hvor man "
            "får hjelp: fastlegen, Mental Helses hjelpetelefon 116 123 og "
            "legevakten 116 117. Hva hun selv kan gjøre. Ti minutter til spørsmål."
        ),
        "room": "Furuset bibliotek, møterom 2",
        "interpreter": "Somali (bestilt), arabisk (venter på svar)",
        "practical_notes": (
            "Ta med kort med hjelpetelefonene på flere språk. Veilederen er i "
            "nærheten hvis noen blir lei seg og trenger en pause."
        ),
        "note": "",
    },
}

LINK = {
    "title": "Språkutvikling hos barn (Helsenorge)",
    "url": "https://www.helsenorge.no/barn-og-unge/",
    "description": "Kort og enkelt om hvordan barn lærer språk, med video.",
}
SLIDES_TITLE = "Lysark: Barn og språk"


def slides_pdf(title: str) -> bytes:
    """A small, valid one-page PDF with the slides' title."""
    text = title.encode("latin-1", "replace")
    stream = b"BT /F1 24 Tf 72 720 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length "
        + str(len(stream)).encode()
        + b" >>\nstream\n"
        + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


def _brief(session, data, *, coordinator, lecturer):
    if Briefing.objects.filter(session=session).exists():
        return False
    supervisor = (
        session.cohort.staff.filter(role=StaffRole.SUPERVISOR)
        .select_related("user")
        .first()
    )
    pre_meeting = session.starts_at - datetime.timedelta(
        days=data["pre_meeting_days_before"]
    )
    fields = {
        "pre_meeting_at": pre_meeting,
        # The real demo staff, by name.
        "participants": data["participants"].format(
            coordinator=_name(coordinator),
            lecturer=_name(lecturer),
            supervisor=_name(supervisor.user) if supervisor else "",
        ),
        "group_needs": data["group_needs"],
        "agreed_coverage": data["agreed_coverage"],
        "room": data["room"],
        "interpreter": data["interpreter"],
        "practical_notes": data["practical_notes"],
    }
    briefing = Briefing.objects.create(
        session=session, updated_by=coordinator, **fields
    )
    BriefingChange.objects.create(
        briefing=briefing,
        changed_by=coordinator,
        changes={
            name: [None, value.isoformat() if hasattr(value, "isoformat") else value]
            for name, value in fields.items()
        },
    )
    if data["note"]:
        BriefingNote.objects.create(
            briefing=briefing, author=lecturer, text=data["note"]
        )
        BriefingChange.objects.create(
            briefing=briefing,
            changed_by=lecturer,
            changes={"note": [None, data["note"]]},
        )
    return True


def build_lecturing(*, sessions_by_number, coordinator, lecturer, log):
    """Briefings for the lecturer's evenings; material on the held one."""
    for number, data in BRIEFINGS.items():
        session = sessions_by_number.get(number)
        if session is not None and _brief(
            session, data, coordinator=coordinator, lecturer=lecturer
        ):
            log(f"  wrote the briefing for module {number}")
    held = sessions_by_number.get(2)
    if held is None or held.materials.exists():
        return
    materials.add_file(
        session=held,
        upload=SimpleUploadedFile(
            "barn-og-sprak.pdf", slides_pdf(SLIDES_TITLE), "application/pdf"
        ),
        title=SLIDES_TITLE,
        description="Lysarkene fra kvelden, med bildene av bøkene.",
        language="nb",
        visibility=MaterialVisibility.AFTER_SESSION,
        by=lecturer,
    )
    materials.add_link(
        session=held,
        url=LINK["url"],
        title=LINK["title"],
        description=LINK["description"],
        language="nb",
        visibility=MaterialVisibility.IMMEDIATELY,
        by=lecturer,
    )
    log("  added the lecturer's slides and a link to module 2")
