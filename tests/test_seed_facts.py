"""Facts read from each seed by a person, asserted one by one (beside the golden JSON).

Each value here was taken from the document text, not from the parser's output.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from conftest import seed
from referat_parser import Document, parse_file


def _doc(prefix: str) -> Document:
    return parse_file(seed(prefix))


def test_000_sundhedsklynge_sydvestjylland() -> None:
    doc = _doc("000")
    assert (doc.kind, doc.body, doc.date, doc.start_time) == (
        "referat", "Sundhedsklynge Sydvestjylland", dt.date(2023, 5, 17), "14:00",
    )  # fmt: skip
    assert doc.location == "Auditoriet, Haraldsgade 12, 6700 Esbjerg"
    assert [(e.title, e.page) for e in doc.toc][2] == (
        "Udmøntning af klyngemidler til Kom Trygt Hjem",
        6,
    )
    assert [i.number for i in doc.items] == [1, 2, 3, 4, 5, 6]
    assert (
        doc.items[5].title
        == "Skriftlig orientering: Status fra ad hoc grupper for de politisk prioriterede fokusområder"
    )
    assert {i.case_number for i in doc.items} == {"22/43402"}
    assert all(i.absent == ["Stephanie Lose"] for i in doc.items)
    item3 = doc.items[2]
    assert [b.kind for b in item3.blocks] == [
        "resume",
        "sagsfremstilling",
        "indstilling",
        "beslutning",
        "bilag",
    ]
    assert [r.text for r in item3.recommendations] == [
        "Godkender, at der udmøntes klyngemidler til Kom Trygt Hjem.",
        "Beslutter, hvordan Kom Trygt Hjem finansieres af hhv. kommunale og regionale klyngemidler.",
    ]
    assert item3.decision is not None and item3.decision.body == "Sundhedsklynge Sydvestjylland"
    assert item3.decision.outcome == "indstilling_fulgt"
    assert item3.attachments == [
        "BILAG - Udspecificeret budget ifm. implementering af Kom trygt hjem i Sundhedsklynge Sydvestjylland"
    ]
    (budget,) = item3.tables
    assert budget.columns == ["Aktivitet", "Udgifter kommuner", "Udgifter region"]
    assert [r.label for r in budget.rows] == [
        "Kompetenceudvikling",
        "Personaleudgifter",
        "Evaluering",
        "Materialer",
    ]
    assert budget.rows[1].values == [Decimal(1036800), Decimal(364400)]
    assert budget.total is not None and budget.total.values == [Decimal(1293000), Decimal(581400)]
    assert budget.totals_ok is True
    assert [a.value for a in item3.amounts] == [Decimal(6547550), Decimal(4673150)]
    assert (
        "Tabel" not in item3.blocks[1].text and "Kompetenceudvikling\t" not in item3.blocks[1].text
    )
    status = doc.items[5].tables[0]
    assert len(status.rows) == 3 and status.totals_ok is None and not status.is_money
    assert (
        status.rows[2]
        .cells[1]
        .endswith("afventer en nedsat arbejdsgruppes nærmere beskrivelse af indsatsen.")
    )
    assert "Ad hoc gruppen mødes første gang 1. maj 2023." in doc.items[5].blocks[1].text
    assert [i.decision.outcome for i in doc.items if i.decision] == [
        "andet", "drøftet", "indstilling_fulgt", "andet", "ingen_bemærkninger", "taget_til_efterretning",
    ]  # fmt: skip
    lose = doc.participants[0]
    assert (lose.name, lose.party, lose.attendance, lose.absence_reason) == (
        "Stephanie Lose",
        "V",
        "absent",
        "orlov",
    )
    assert [(p.name, p.organisation) for p in doc.participants][-2:] == [
        ("Birgitte Ries Møller", "PLO"),
        ("Sys Melchior", "PLO"),
    ]
    assert len(doc.participants) == 11
    assert [d.code for d in doc.diagnostics] == ["layout-detected"]  # info only


def test_001_direktoerforum_midt() -> None:
    doc = _doc("001")
    assert (doc.body, doc.date, doc.start_time, doc.location) == (
        "Direktørforum Sundhedsklynge Midt", dt.date(2024, 5, 15), "14:30", "Mødelokale D, Regionshuset",
    )  # fmt: skip
    assert len(doc.items) == 9 and len(doc.toc) == 9
    assert [b.kind for b in doc.items[2].blocks] == ["beslutning", "bilag", "sagsfremstilling"]
    assert [r.text for r in doc.items[1].recommendations] == ["Godkender dagsordenen"]
    assert len(doc.items[2].recommendations) == 3
    assert doc.items[2].attachments == ["Statusoversigt marts 2024"]
    decision = doc.items[2].decision
    assert (
        decision is not None and decision.outcome == "godkendt" and len(decision.resolutions) == 2
    )
    assert decision.resolutions[1].text.startswith(
        "Det blev samtidig godkendt at afslutte indsats 4"
    )
    assert doc.items[4].decision is not None and doc.items[4].decision.outcome == "drøftet"
    assert doc.items[8].blocks[-1].kind == "sagsfremstilling" and doc.items[8].blocks[-1].text == ""
    people = {p.name: p for p in doc.participants}
    assert len(people) == 11
    assert people["Eva Sejersdal Knudsen"].roles == ["medformand", "ordstyrer"]
    assert people["Eva Sejersdal Knudsen"].group == "Direktørforum"
    assert (
        people["Hanne Madsen"].attendance == "absent"
        and people["Hanne Madsen"].absence_reason == "afbud"
    )
    assert people["Torben Krogh Kjeldgaard"].group == "Chefforum"
    assert people["Lisbeth Lagoni"].organisation == "Aalborg Universitetshospital"
    assert people["Henrik Ravn"].title == "Sundheds- og Seniorchef i Jammerbugt Kommune"
    assert "Daniel Simonsen" not in people  # named in a decision, listed under his full name
    assert sum(p.attendance == "present" for p in doc.participants) == 9


def test_002_horsensklyngen() -> None:
    doc = _doc("002")
    assert (doc.body, doc.date, doc.location) == (
        "Horsensklyngen", dt.date(2024, 9, 5), "Horsens Rådhus, Chr M Østergaards Vej 4 mødelokale 13",
    )  # fmt: skip
    assert [i.case_number for i in doc.items] == ["1-31-72-446-22"] * 7
    assert doc.items[0].blocks[0].heading == "Resume" and doc.items[0].blocks[0].text == ""
    assert [r.text for r in doc.items[2].recommendations] == [
        "Horsensklyngen tager orienteringen om udviklingsarbejdet til efterretning"
    ]
    assert doc.items[1].attachments == [
        "Sammen om Højvangen.pptx",
        "Horsens Klyngen x Horsens Sund By 05-09-2024.pdf",
    ]
    people = {p.name: p for p in doc.participants}
    assert len(people) == 20
    assert {n for n, p in people.items() if p.attendance == "absent"} == {
        "Henrik Qvist", "Ole Vind", "Lone Jakobi", "Rikke Skou Jensen",
    }  # fmt: skip
    sub = people["Kristine Lindeneg Drejø"]
    assert (sub.attendance, sub.substitute_for, sub.line) == ("present", "Rikke Skou Jensen", 69)
    peter = people["Peter Sørensen"]
    assert (peter.title, peter.organisation, peter.party) == ("borgmester", "Horsens Kommune", "A")
    assert peter.roles == ["kommunal medformand", "mødeleder"]
    assert people["Henrik Qvist"].party == "Ø"
    assert people["Allan Høg Poulsen"].organisation == "PLO-Midtjylland"
    assert people["Ulla Hjorth"].roles == ["sekretariat"]


def test_003_aarhusklyngen_agenda() -> None:
    doc = _doc("003")
    assert (doc.kind, doc.title, doc.body) == (
        "dagsorden",
        "Dagsorden til mødet i Aarhusklyngen",
        "Aarhusklyngen",
    )
    assert (doc.date, doc.start_time, doc.location) == (
        dt.date(2024, 4, 10),
        "10:00",
        "Mødelokale 3.90 - Aarhus Rådhus",
    )
    assert [i.number for i in doc.items] == [1, 2, 3, 4, 5, 6, 7]
    assert all(i.decision is None for i in doc.items)
    assert (doc.items[1].blocks[0].kind, doc.items[1].blocks[0].heading) == ("indstilling", None)
    assert [r.text for r in doc.items[4].recommendations] == [
        "Sundhedsklyngen tager status vedr. Velfærdsteknologiens Hus til efterretning"
    ]
    assert [a.value for a in doc.items[2].amounts] == [
        Decimal(250_000_000),
        Decimal(100_000_000),
        Decimal(257_500_000),
    ]
    assert [a.value for a in doc.items[4].amounts] == [Decimal(150_000_000)]
    assert len(doc.participants) == 16 and {p.attendance for p in doc.participants} == {"unknown"}
    assert doc.participants[3].name == "Anders G. Christensen"
    assert doc.participants[4].title == "rådmand, sundhed og omsorg"
    assert [(d.code, d.line) for d in doc.diagnostics if d.code == "missing-table"] == [
        ("missing-table", 185)
    ]
    assert not any("Tilbage til toppen" in b.text for i in doc.items for b in i.blocks)


def test_004_status_report() -> None:
    doc = _doc("004")
    assert (doc.kind, doc.title, doc.date, doc.items) == (
        "rapport", "Status på Klynge Syds arbejde med Sundhedsaftalen", None, [],
    )  # fmt: skip
    assert [s.title for s in doc.sections] == [e.title for e in doc.toc]
    assert doc.participants == []
    (allocation,) = doc.sections[5].allocations
    assert [(s.label, s.percent) for s in allocation.shares] == [
        ("kommunerne", 40),
        ("Region Nordjylland", 60),
    ]
    assert allocation.sums_to_100
    assert "[Den Tværsektorielle Grundaftale](#)" not in doc.sections[3].text
    assert "Den Tværsektorielle Grundaftale er implementeret" in doc.sections[3].text
    assert "**" not in "".join(s.text for s in doc.sections)
    assert [u.text for u in doc.unplaced][:2] == ["Foråret 2021", "REGION NORDJYLLAND"]
    assert {d.code for d in doc.diagnostics} == {"no-agenda-items", "trailing-fragments"}


def test_recommendations_are_linked_to_what_the_decision_made_of_them() -> None:
    minutes = parse_file(seed("000"))
    assert [r.outcome for r in minutes.items[2].recommendations] == ["indstilling_fulgt"] * 2
    assert minutes.items[2].recommendations[0].evidence == (
        "Indstilling om udmøntning af klyngemidler til Kom Trygt Hjem blev fulgt."
    )
    assert [r.outcome for r in minutes.items[5].recommendations] == ["taget_til_efterretning"]
    assert [r.outcome for r in minutes.items[0].recommendations] == [None]  # "bød velkommen"
    forum = parse_file(seed("001"))  # item 3: each sub-decision settles its own recommendation
    linked = [(r.outcome, (r.evidence or "")[:30]) for r in forum.items[2].recommendations]
    assert linked == [
        ("drøftet", "Daniel Simonsen præsenterede d"),
        ("godkendt", "Direktørforum besluttede at ko"),
        ("godkendt", "Det blev samtidig godkendt at "),
    ]
    agenda = parse_file(seed("003"))  # no decisions yet: nothing is linked
    assert {r.outcome for item in agenda.items for r in item.recommendations} == {None}
