"""Danish vocabulary as data: the words the rules recognise, in one place.

Rules compile these once at import. To teach the parser a new layout's wording, add it here
first; change a rule only when the *shape* of a line is new. All comparisons are casefolded.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "marts": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: tuple[str, ...] = (
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
)  # fmt: skip

# First word(s) of a document header -> document kind.
DOCUMENT_KINDS: dict[str, str] = {
    "referat": "referat",
    "beslutningsreferat": "referat",
    "beslutningsprotokol": "referat",
    "protokol": "referat",
    "mødereferat": "referat",
    "dagsorden": "dagsorden",
    "dagsordenen": "dagsorden",
    "mødeindkaldelse": "dagsorden",
}

# Labelled header fields ("Mødedato Onsdag d. 17. maj 2023 kl. 14:00", "Sted: Byrådssalen",
# "STARTTIDSPUNKT" over "23-03-2015 13:30:00", "Udvalg: Teknik- og Miljøudvalget") -> field.
HEADER_LABELS: dict[str, str] = {
    "mødedato": "date", "dato": "date", "mødetidspunkt": "date", "tidspunkt": "date",
    "tid": "date", "starttidspunkt": "date", "starttidspunkt for møde": "date",
    "mødestart": "date", "mødetid": "date", "dato og tid": "date", "dato og tidspunkt": "date",
    "sluttidspunkt": "end", "sluttidspunkt for møde": "end", "mødeslut": "end",
    "mødested": "place", "sted": "place", "lokale": "place", "mødelokale": "place",
    "udvalg": "body", "forum": "body", "mødeforum": "body", "organ": "body",
    "møde": "kind", "mødetype": "kind", "udsendelsesdato": "other",
    # one label over the date, the time and the place: "Tid og sted: Mandag den 26. februar
    # 2024 kl. 19.00-21.15 i Forsamlingshuset, Bygaden 8,"
    "tid og sted": "when_where", "dato og sted": "when_where", "tid og mødested": "when_where",
}  # fmt: skip
# Labels that, with no colon after them, are the first word of the name they label: the header
# line "Mødelokale F2, Regionshuset Viborg" is a place and "Udvalg for Forebyggelse og Sundhed"
# a forum, whole ("Mødelokale: F2" and "Udvalg: Økonomiudvalget" are label and value).
NAMING_LABELS: frozenset[str] = frozenset({"lokale", "mødelokale", "udvalg", "forum", "organ"})
DATE_LABELS: tuple[str, ...] = tuple(k for k, v in HEADER_LABELS.items() if v == "date")
PLACE_LABELS: tuple[str, ...] = tuple(k for k, v in HEADER_LABELS.items() if v == "place")

# Words a forum's name ends in ("Sundheds- og Omsorgsudvalget", "Aarhus Byråd",
# "Horsensklyngen", "Direktørforum"): a phrase in the header holding one names the body.
FORUM_WORDS: tuple[str, ...] = (
    "udvalg", "udvalget", "råd", "rådet", "bestyrelse", "bestyrelsen", "klynge", "klyngen",
    "forum", "forummet", "styregruppe", "styregruppen", "gruppe", "gruppen", "direktion",
    "direktionen", "repræsentation", "repræsentationen", "magistrat", "magistraten",
    "kommission", "kommissionen", "samråd", "samrådet", "komité", "komitéen", "panel",
    "panelet", "netværk", "netværket",
)  # fmt: skip
# A meeting of an association's members as a whole: "Referat af ordinær generalforsamling" under
# the association's name (its letterhead) names no forum, so the association is the body.
ASSEMBLY_WORDS: tuple[str, ...] = (
    "generalforsamling", "repræsentantskabsmøde", "årsmøde", "medlemsmøde", "beboermøde",
)  # fmt: skip
# Words that make a header line a place ("Mødelokale F7", "Økonomiudvalgsværelset",
# "Nicolaiplads 6 - Festsalen", "Brohuset: Venteområdet …"); regex fragments.
PLACE_WORDS: tuple[str, ...] = (
    "lokale", "sal", "salen", "værelse", "værelset", "rådhus", "huset", "kontor", "auditori",
    "bygning", "mødecenter", r"\bcenter", "plads", "vej\b", "gade\b", "allé", "teams", "virtuel",
)  # fmt: skip

TOC_HEADINGS: tuple[str, ...] = ("indholdsfortegnelse", "indhold", "indholdsliste")

# Block headings: the whole line (casefolded, trailing ':' removed) -> block kind. Decision
# headings with a body or date ("Beslutning i <body> den <date>", "<Body>s beslutning i mødet
# den …") are read by layout/blocks.py. What the five kinds mean, family by family, is in the
# README ("Block headings"); everything else is "andet" or text inside the block above.
BLOCK_HEADINGS: dict[str, str] = {
    "resumé": "resume",
    "resume": "resume",
    "sammenfatning": "resume",
    "kort om sagen": "resume",
    "sagsresumé": "resume",
    "sagsresume": "resume",
    "sagsfremstilling": "sagsfremstilling",
    "sagsbeskrivelse": "sagsfremstilling",
    "sagens indhold": "sagsfremstilling",
    "problemstilling": "sagsfremstilling",
    "beskrivelse af sagen": "sagsfremstilling",
    "redegørelse": "sagsfremstilling",  # a case system's template: "Redegørelse" under the title
    "sagsredegørelse": "sagsfremstilling",
    "supplerende sagsfremstilling": "sagsfremstilling",
    "indstilling": "indstilling",
    "indstillinger": "indstilling",
    "forslag til beslutning": "indstilling",
    "administrationens indstilling": "indstilling",
    "direktionens indstilling": "indstilling",
    "forvaltningens indstilling": "indstilling",
    "beslutningspunkter": "indstilling",
    "forslag": "indstilling",
    "beslutning": "beslutning",
    "beslutninger": "beslutning",
    "afgørelse": "beslutning",
    "referat": "beslutning",
    # a working group's or cluster's Word minutes: "Konklusion:" under each item
    "konklusion": "beslutning",
    "konklusioner": "beslutning",
    # a dialogue or coordination meeting's minutes: what the parties agreed, "Aftale: …"
    "aftale": "beslutning",
    "aftaler": "beslutning",
    # a MED-udvalg's or board's Word minutes: the decision under each item is its "Protokol"
    "protokol": "beslutning",
    "bilag": "bilag",
    "bilagsfortegnelse": "bilag",
    "bilagsoversigt": "bilag",
    "vedhæftede bilag": "bilag",
    # Headed blocks of other municipal layouts that are none of the five: kind "andet".
    "beslutningstema": "andet",
    "beslutningskompetence": "andet",
    "kompetence": "andet",
    "sagen behandles i": "andet",
    "sagsgang og sagstype": "andet",
    "sagsprocedure": "andet",
    "alternativ indstilling": "andet",
    "beskrivelse af alternativ indstilling": "andet",
    "lovgrundlag": "andet",
    "lovgrundlag – link": "andet",
    "retsgrundlag": "andet",
    "økonomiske konsekvenser": "andet",
    "øvrige konsekvenser": "andet",
    "tidligere beslutninger": "andet",
    "høring": "andet",
    "kommunikation": "andet",
    "baggrund": "andet",
    "formål": "andet",
    "drøftelse": "andet",
    "protokoltilførsel": "andet",
    "bemærkninger": "andet",
    "historik": "andet",
    "tidsplan": "andet",
    "politisk handlerum": "andet",
    "videre proces": "andet",
    "sagens forløb": "andet",
    "sagsforløb": "andet",
    "sagshistorik": "andet",
    "sagshistorik, henvisninger": "andet",
}
# A block heading with one of these notes in parentheses continues the block above it
# ("Sagsfremstilling (fortsat)" atop the next page); another note leaves the heading as it is
# ("Bilag (vedhæftet)": the attachments).
CONTINUED_NOTES: tuple[str, ...] = (
    "fortsat", "forts", "fortsættelse", "fortsættes", "fortsat fra forrige side",
)  # fmt: skip
# Headed blocks that record other meetings' handling of the case (earlier committees'
# decisions, their absences): read as history, never as this meeting's decision or attendance.
HISTORY_HEADINGS: frozenset[str] = frozenset({
    "sagens forløb", "sagsforløb", "tidligere beslutninger", "historik", "sagshistorik",
    "sagshistorik, henvisninger", "tidligere behandling",
})  # fmt: skip
# A part title over several headings (FirstAgenda's "Fremstilling" over Sagsprocedure, Resume,
# Indstilling, …): not a block of its own.
PART_TITLES: frozenset[str] = frozenset({"fremstilling", "sagsfremstilling og indstilling"})
DECISION_HEADING_WORDS: tuple[str, ...] = ("beslutning", "afgørelse")

# "Punkt 5: …", "Pkt. 5 …", "Sag 5 …", "Sag nr. 5 …", "Nr.60 - …", "§ 5 …" open an agenda item
# (layout/candidates.py: the "word" form).
ITEM_WORDS: tuple[str, ...] = ("punkt", "pkt", "dagsordenspunkt", "sag", "nr", "§", "emne")
# A line under an item's heading that says whether the item is public (Acadre's web pages:
# "Åbent punkt" / "Lukket punkt" between the title and "Sagsnr."): part of the heading, never
# of the title or the text (casefolded, without a final full stop).
ACCESS_LINES: frozenset[str] = frozenset({
    "åbent punkt", "lukket punkt", "åben sag", "lukket sag", "åbent", "lukket", "åben",
    "offentligt punkt", "fortroligt punkt", "lukket møde", "åbent møde",
})  # fmt: skip
# Words before an item word or number: "Ad 1. Godkendelse af referat", "Ad pkt. 2 Meddelelser"
# (a board's Word minutes, "regarding item 2"), "Ad dagsordenens punkt 3: Årsrapport" (a
# foundation's or an association's minutes).
ITEM_LEAD_WORDS: tuple[str, ...] = ("ad dagsordenens", "ad")

# Lines that close the minutes after the last item ("Mødet sluttede kl. 21.15.", "Mødet hævet
# kl. 19:20.", "Underskrifter:" over the members' names): the meeting's, not the last item's
# decision. Regex fragments, matched at a line's start (case-insensitive).
CLOSING_LINES: tuple[str, ...] = (
    r"mødet\s+(?:blev\s+)?(?:sluttede|slut|hævet|hævedes|afsluttet|afsluttedes|afsluttede)\b",
    r"underskrift(?:er)?\s*:?\s*$",
    r"underskrevet\s+af\s*:?\s*$",
)
# A line just above a closing line that belongs to the closing too ("Næste møde: tirsdag den
# 11. juni kl. 19.00 i Sognegården.").
CLOSING_LEADS: tuple[str, ...] = (r"næste\s+møde\b",)

# "Sagnr.: 1-31-72-446-22", "Sagsnr. 22/43402", "J.nr.: …" label a case number.
CASE_LABELS: tuple[str, ...] = (
    "sagnr", "sagsnr", "sag nr", "sagsnummer", "sagsid", "sags-id", "j.nr", "j. nr", "journalnr",
    "acadre sagsnr", "emnenr",
)  # fmt: skip

# "Det indstilles, at …" opens recommendations (also "Administrationen indstiller, at"; the
# layout pass reads these before an item's first heading as its Indstilling).
RECOMMENDATION_OPENERS: tuple[str, ...] = (
    "det indstilles", "det anbefales", "administrationen indstiller", "direktionen indstiller",
    "forvaltningen indstiller", "sekretariatet indstiller",
)  # fmt: skip
# A capitalised subject with one of these verbs opens recommendations too ("Sundheds- og
# Omsorgsforvaltningen indstiller,", "Forpersonen foreslår,", "Formanden indstiller,").
RECOMMENDATION_VERBS: tuple[str, ...] = ("indstiller", "foreslår", "anbefaler")
# Pronouns and articles that are never the subject of a recommendation's lead-in ("Vi foreslår,
# at …" is a motion's voice).
RECOMMENDATION_NOT_SUBJECTS: tuple[str, ...] = (
    "vi", "jeg", "de", "han", "hun", "man", "der", "det", "den", "dette", "denne", "derfor",
)  # fmt: skip
# A line opening a motion ("BESLUTNINGSFORSLAG FRA DD"): its proposals are not recommendations,
# until the administration's part begins ("INDSTILLING FRA MAGISTRATSAFDELINGEN …").
MOTION_HEADINGS: tuple[str, ...] = ("beslutningsforslag", "medlemsforslag", "borgerforslag")
MOTION_ENDS: tuple[str, ...] = (
    "indstilling", "det indstilles", "beslutningspunkter", "resume", "resumé",
)  # fmt: skip

# Inline attachment label ("Bilag: Statusoversigt marts 2024").
ATTACHMENT_LABELS: tuple[str, ...] = ("bilag", "vedhæftet", "vedhæftede bilag")

# Item-level absence lines ("Fraværende Stephanie Lose, V (orlov)", "Afbud: Charlotte Levin",
# "Fravær med afbud:" over a list, "Fraværende med afbud:" / "Ingen.").
ABSENT_LABELS: tuple[str, ...] = (
    "fraværende", "fravær", "afbud", "ikke til stede", "forfald", "ikke mødt",
)  # fmt: skip

# A participant list printed as a table ("Navn<TAB>Repræsenterer<TAB>Fremmøde", then
# "Jonas Krag<TAB>Byrådet (F)<TAB>Afbud"): the first cell of its header row, and the cells that
# say someone came (dropped; an absence word in a cell is read as the reason).
PARTICIPANT_COLUMN_HEADS: frozenset[str] = frozenset({"navn", "name", "deltager", "medlem"})
# Header cells that say a column holds the organisation ("Organisation<TAB>Navn<TAB>Titel" over
# "Almen praksis (PLO)<TAB>Jakob Strand<TAB>Praktiserende læge"): that cell is the organisation,
# whole (a party letter in it, "Byrådet (A)", stays the party).
PARTICIPANT_COLUMNS: dict[str, str] = {
    **dict.fromkeys(PARTICIPANT_COLUMN_HEADS, "name"),
    **dict.fromkeys(("organisation", "repræsenterer", "repræsentant for", "institution",
                     "myndighed", "forvaltning", "enhed", "arbejdssted"), "organisation"),
}  # fmt: skip
PRESENT_CELLS: frozenset[str] = frozenset({
    "til stede", "tilstede", "deltog", "deltager", "mødt", "mødt op", "ja", "x", "✓", "✔",
})  # fmt: skip

# Labels over substitutes, each "Name (P) for Name (P)" ("Stedfortrædere: Lars Bygholm (V) for
# Jesper Holm (V), …"): the first is present in the second's place, who was away.
SUBSTITUTE_LABELS: tuple[str, ...] = (
    "stedfortrædere", "stedfortræder", "suppleanter", "suppleant", "mødende suppleanter",
)  # fmt: skip

# Absence reasons as printed -> reason code.
ABSENCE_REASONS: dict[str, str] = {
    "orlov": "orlov",
    "afbud": "afbud",
    "fravær": "fravær",
    "fraværende": "fravær",
    "uden afbud": "uden afbud",
    "forfald": "afbud",
    "syg": "sygdom",
    "sygdom": "sygdom",
    "sygemeldt": "sygdom",
}

# Attendance in prose (extract/attendance.py): (pattern, where the names stand, what it says).
# "after": the names follow the phrase ("Der var afbud fra A og B"); "before": they precede it
# ("A og B deltog via video"); "both": the substitute before, the one replaced after ("Y
# deltog i stedet for X"). Effects: "absent[:reason]" (an absence from the meeting; an
# "after" absence in a sentence that mentions "afbud" has that reason), "present",
# "partial" (took part in the meeting, not in an item), "substitute" (stood in for the
# sentence's absentee: "X havde meldt afbud, og Y deltog i stedet"). "titled": the people
# after the phrase came besides the members, each maybe with a title before the name and an
# organisation after it ("Fra Engbo Administration deltog driftschef Mette Svane (referent) og
# ejendomsmester Frederik Lau", "Under punkt 3 deltog endvidere revisor Claus Erbs, Revisorhuset
# Nord"); a named group "org" is the organisation of them all (a capitalised one: "Fra
# administrationen deltog sundhedsdirektør Ida Krogh og …" names a group, not an organisation).
ATTENDANCE_PHRASES: tuple[tuple[str, str, str], ...] = (
    (
        (
            r"^fra\s+(?:(?P<org>(?-i:\p{Lu})[^,.;:]{1,60}?)|(?-i:\p{Ll})[^,.;:]{1,40}?)"
            r"\s+deltog\b(?!\s+(?:ikke|i\s+stedet|via"
            r"|pr\b|over|som|virtuelt|online|digitalt|telefonisk))"
        ),
        "titled",
        "present",
    ),
    (r"\bdeltog\s+(?:endvidere|også|desuden|tillige|yderligere)\b", "titled", "present"),
    (r"^(?:endvidere|desuden|også|tillige)\s+deltog\s*:?", "titled", "present"),
    (r"\bafbud\s+fra\b", "after", "absent:afbud"),
    (r"\bfraværende\s+var\b", "after", "absent"),
    (r"\bvar\s+(?:mødt|til\s+stede),?\s+(?:undtagen|bortset\s+fra)\b", "after", "absent"),
    # no \b before the verb: PDF text glues it to the name ("Kristine Lindeneg Drejødeltog")
    (r"(?:deltog|mødte)\s+(?:i\s+stedet\s+for|som\s+stedfortræder\s+for)\b", "both", "replace"),
    # the member away first, the stand-in after: "For Signe Holm mødte stedfortræder Kaj Bak
    # (F).", "I stedet for Eva Lund deltog 1. suppleant Ib Mo."
    (
        (
            r"^(?:i\s+stedet\s+)?for\s+(?P<away>(?-i:\p{Lu})[^,.;:]{2,60}?)\s+(?:mødte|deltog)"
            r"(?:\s+(?:\d\.\s*)?(?:stedfortræder|suppleant)(?:en)?)?\b"
        ),
        "away_first",
        "replace",
    ),
    (r"\b(?:havde|har)\s+(?:meldt|givet)\s+(?:afbud|forfald)\b", "before", "absent:afbud"),
    (r"\bhavde\s+afbud\b", "before", "absent:afbud"),
    (r"\bvar\s+(?:fraværende|forhindret)\b", "before", "absent"),
    (r"\budeblev\s+uden\s+afbud\b", "before", "absent:uden afbud"),
    (r"\budeblev\b(?!\s+uden)", "before", "absent"),
    (r"\bvar\s+indkaldt,?\s+men\s+mødte\s+ikke\b", "before", "absent"),
    (r"\bdeltog\s+ikke\s+i\s+(?:mødet|dagens\s+møde)\b", "before", "absent"),
    # "X deltog ikke i sagens behandling", "Tage deltog ikke under dette punkt", "Sofie Brandt
    # var ikke til stede under punkt 5."
    (r"\bdeltog\s+ikke\s+(?:i|under)\b(?!\s+(?:mødet|dagens\s+møde)\b)", "before", "partial"),
    (r"\bvar\s+ikke\s+til\s+stede\s+(?:under|ved)\b", "before", "partial"),
    (
        r"\bdeltog\s+(?:via|pr\.?|over)\s+(?:video|telefon|teams|skype|zoom|link)",
        "before",
        "present",
    ),
    (r"\bdeltog\s+(?:virtuelt|online|digitalt|telefonisk)\b", "before", "present"),
    (r"\bdeltog\s+som\s+(?:suppleant|stedfortræder)(?:er)?\b", "before", "present"),
    (r"\bdeltog\s+i\s+stedet\b(?!\s+for)", "before", "substitute"),
    # part of the meeting: "Hanne Birk deltog fra punkt 2.", "X kom under punkt 3", "X forlod
    # mødet efter punkt 5" (away for the items before, or after)
    (r"\bdeltog\s+(?:først\s+)?fra\s+(?:og\s+med\s+)?punkt", "before", "late"),
    (
        r"\b(?:kom|ankom|mødte)\s+(?:først\s+)?(?:til\s+)?(?:under|fra|ved)\s+punkt",
        "before",
        "late",
    ),
    (r"\bforlod\s+mødet\s+efter\s+(?:behandlingen\s+af\s+)?punkt", "before", "left"),
    (r"\bmødte\s+frem\b", "before", "present"),
    (r"\bforlod\s+mødet\b(?!\s+efter\s+(?:behandlingen\s+af\s+)?punkt)", "before", "present"),
    # inhabil: took part in the meeting, not in the item ("Finn Holmgaard erklærede sig
    # inhabil, fordi …, og deltog ikke i behandlingen")
    (r"\berklærede\s+sig\s+inhabile?\b", "before", "partial"),
    (r"\b(?:havde\s+meddelt,?\s+at\s+(?:han|hun)\s+)?var\s+forsinket\b", "before", "present"),
)

# Danish party letters (folketing, regions and municipalities, incl. local lists).
PARTY_LETTERS: tuple[str, ...] = (
    "A", "B", "C", "D", "F", "I", "K", "M", "O", "V", "Ø", "Å", "Æ", "Q", "P", "E", "L",
)  # fmt: skip

# Roles written in parentheses or as labels ("(regional medformand)", "Ordstyrer: …").
ROLES: tuple[str, ...] = (
    "regional medformand", "kommunal medformand", "medformand", "formand", "næstformand",
    "mødeleder", "ordstyrer", "sekretariat", "referent", "sekretær", "tovholder", "observatør",
    "kasserer", "dirigent", "suppleant",
    # a parish council's offices, and the staff's elected member of a board or council
    "kirkeværge", "kontaktperson", "medarbejderrepræsentant",
)  # fmt: skip
# A chair word compounded with a generic word for the forum chairs this forum ("udvalgsformand"
# in a committee's minutes, "bestyrelsesformand" in a board's): the role "formand". One that
# names another body ("regionsrådsformand", "byrådsformand") is a title only.
CHAIR_FORUM_WORDS: tuple[str, ...] = (
    "udvalgs", "bestyrelses", "råds", "forenings", "afdelings", "mødes",
)  # fmt: skip
# Inside a member's parentheses, the member stood in for someone ("Sofie Krag, praktiserende
# læge (stedfortræder for Anja Sommer)", "Bodil Krarup (1. suppleant, deltog i stedet for
# Torben Ulv)", "(indkaldt for Ole Pihl)"): the words before "for" and the name after it.
STANDS_IN_FOR: tuple[str, ...] = (
    "stedfortræder for", "suppleant for", "vikar for", "i stedet for", "mødte for",
    "indkaldt for",
)  # fmt: skip

# Group headings a participant list is split under ("Direktørforum:", "Sekretariat").
PARTICIPANT_HEADINGS: tuple[str, ...] = (
    "mødedeltagere", "deltagere", "deltagerne var", "deltagende", "til stede", "tilstede",
    "fremmødte", "medlemmer", "inviterede", "øvrige deltagere", "deltog", "mødt", "gæster",
    "gæst",
    # staff who came besides the members, one a line under the label: "Desuden deltog:" over
    # "Direktør Helle Sand" / "Økonomichef Anders Bisp (referent)"
    "desuden deltog", "endvidere deltog", "derudover deltog", "herudover deltog",
)  # fmt: skip
# Of those, the labels over the people who came only ("Til stede: A, B og C"): not a roster of
# members, so someone named absent elsewhere ("Afbud fra D") is a participant, not unknown.
PRESENT_ONLY_HEADINGS: frozenset[str] = frozenset({
    "til stede", "tilstede", "fremmødte", "deltog", "mødt", "gæster", "gæst", "desuden deltog", "endvidere deltog",
    "derudover deltog", "herudover deltog",
})  # fmt: skip

# Words in a column header that make its bare figures kroner ("Budget 2024", "Korrigeret
# budget", "Forbrug", "Afvigelse"): a school's budget table printed without a unit.
MONEY_HEADER_WORDS: tuple[str, ...] = (
    "budget", "regnskab", "forbrug", "bevilling", "afvigelse", "udgift", "indtægt", "beløb",
    "tilskud", "merforbrug", "mindreforbrug",
)  # fmt: skip

# Row labels that mark a table's total row.
TOTAL_LABELS: tuple[str, ...] = (
    "i alt", "i alt kr.", "i alt kr", "total", "totalt", "sum", "samlet", "alt i alt",
)  # fmt: skip

# Whole lines that are web, viewer or export furniture, never content (casefolded; a list
# bullet before them does not count).
NOISE_LINES: tuple[str, ...] = (
    "tilbage til toppen", "til toppen", "abonnér", "abonner", "print", "udskriv",
    "del på facebook", "del på linkedin", "læs mere", "vis mere", "skjul",
    "udskriv hele dagsordnen", "udskriv hele dagsordenen", "udskriv punkt", "se alle bilag",
    "fold alle punkter", "fold alle punkter ud", "luk alle punkter", "åbn alle punkter",
    "skip til hoved indholdet", "spring til indhold", "gå til indhold", "gå til hovedindhold",
    "hjem", "forside", "forsiden", "transkript", "starte visningen fra side:",
    "størrelse: px", "fulde pdf for åben dagsorden.", "se/vælg den samlede dagsorden/referat som pdf",
    "der gøres opmærksom på, at links i pdf'er ikke er valgbare!", "download som pdf",
    "hent som pdf", "vis som pdf", "cookies", "accepter cookies", "acceptér alle cookies",
    "dagsordener", "referater", "dagsordener og referater", "politiske møder",
    "vis bilag", "åbn bilag", "hent bilag", "download bilag", "menu", "søg", "del",
    "tilgængelighedserklæring", "cookiepolitik", "privatlivspolitik", "persondatapolitik",
    "cookieindstillinger", "webtilgængelighed",
    "gå direkte til indhold", "gå direkte til sidens indhold", "gå til sidens indhold",
    "spring til sidens indhold", "spring navigationen over", "spring over navigation",
    "fold alle sager sammen", "fold alle sager ud", "fold alle punkter sammen",
    "kopiér link", "kopier link", "kopiér link til sagen", "kopier link til sagen",
    "kopiér link til punktet", "kopier link til punktet", "del link",
)  # fmt: skip
# Beginnings of short furniture lines, whatever follows ("Til toppen af siden", "Udskriv hele
# referatet", "Hent som PDF (2 MB)", a portal's "Dagsordener og referater leveres af …"): a
# line that starts so, with at most 30 characters after, is furniture.
NOISE_LINE_STARTS: tuple[str, ...] = (
    "til toppen", "tilbage til toppen", "udskriv hele ", "hent hele ", "hent som pdf",
    "download hele ", "download som pdf", "dagsordener og referater leveres af ",
    # a portal's action links over the document ("Hent dagsorden som PDF · Print ·")
    "hent dagsorden", "hent referat", "download dagsorden", "download referat",
    "udskriv dagsorden", "udskriv referat", "abonnér på ", "abonner på ",
)  # fmt: skip
# A site footer's links on one line ("Tilgængelighedserklæring   Cookies   Privatlivspolitik"):
# a row of short cells, at least two of them these words.
FOOTER_LINKS: frozenset[str] = frozenset({
    "cookies", "cookiepolitik", "cookieindstillinger", "privatlivspolitik",
    "tilgængelighedserklæring", "persondatapolitik", "databeskyttelse", "kontakt", "om sitet",
    "om hjemmesiden", "webtilgængelighed", "sitemap", "presse", "job",
})  # fmt: skip
# Web furniture in front of content on the same line ("fold dette punkt ind Resume"): the
# prefix goes, the rest of the line stays.
NOISE_PREFIXES: tuple[str, ...] = (
    "fold dette punkt ind ", "fold dette punkt ud ", "luk alle punkter ", "åbn alle punkter ",
)  # fmt: skip
# Shapes of furniture lines (regular expressions over the stripped line): a navigation bar of
# three or more "|"-separated links, a breadcrumb trail of three or more "›" or "»" steps
# ("Forside › Politik › Dagsordener og referater › …"), a logo's alternative text, a document
# viewer's download line.
NOISE_PATTERNS: tuple[str, ...] = (
    r"^(?:[^|]{1,80}\|){3,}[^|]{0,80}$",
    r"^(?:[^›»]{1,80}[›»]){2,}[^›»]{0,80}$",
    r"^.{0,50}\blogo(?:,\s*link til forsiden)?$",
    r"^.{2,40}(?<=\p{Ll})til forsiden$",
    r'^download\s+".{1,300}"$',
)

# Phrases that promise a table ("fremgår af nedenstående tabel").
TABLE_PROMISES: tuple[str, ...] = (
    "nedenstående tabel", "følgende tabel", "tabellen nedenfor", "nedenstående skema",
)  # fmt: skip

# Decision outcomes: (outcome, phrases). A phrase is a regular expression matched inside one
# sentence of the decision (casefolded). The phrase that starts first in the sentence decides
# ("Godkendt med den ændring, at sag 7 udsættes" is godkendt), a tie goes to the outcome listed
# first: negations before approvals, so "Anbefales ikke" and "ikke godkendt" are "afvist".
DECISION_OUTCOMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "ingen_bemærkninger",
        (
            r"^intet at bemærke",
            r"^(?:der var )?ikke noget at bemærke",
            r"^(?:der var )?ingen bemærkninger",
            r"^der var ikke noget til punktet",
            r"^intet til (?:dette )?punkt",
            r"^intet til referat",
            r"^intet at referere",
            r"^ingen kommentarer",
            r"^intet\.?$",
            r"^intet nyt\b",
            r"^(?:der var )?ingen spørgsmål",
            r"^(?:der var )?ingen (?:meddelelser|emner) (?:til|under) (?:punktet|eventuelt)",
            r"^der var intet (?:til|under) (?:punktet|eventuelt)",
        ),
    ),
    (
        # Negations before approvals: "Indstillingen blev ikke godkendt", "Anbefales ikke."
        "afvist",
        (
            r"\bikke (?:\p{L}+ ){0,2}godkend",
            r"\bikke (?:\p{L}+ ){0,2}vedtag(?:et|es|e)\b",  # "Forslaget blev ikke vedtaget, idet …"
            r"\bgodkend\p{L}{0,3} ikke\b",
            r"\bforkast",
            r"\bafvis",
            r"\bafvist",
            r"\bafslog\b",
            r"\bafslås\b",
            r"\bafslået\b",  # "Rådet afslog ansøgningen"
            r"^afslag\b",  # "Afslag." / "Afslag, da …": the decision is a refusal
            r"\bikke (?:\p{L}+ )?tiltrå",
            r"\bikke (?:\p{L}+ )?tiltræd",
            r"\bikke (?:blev )?taget til efterretning",
            r"\bikke (?:\p{L}+ ){0,2}anbefal",
            r"\banbefal\p{L}{0,3} ikke\b",
            r"\bikke (?:\p{L}+ ){0,2}imødekom",
            r"\bikke (?:\p{L}+ ){0,2}bevilg",  # "Ikke bevilget.", "Ansøgningen blev ikke bevilget"
            r"\bimødekommes ikke\b",
            r"\bbesluttede ikke\b",
            r"\b(?:forslaget|indstillingen|ændringsforslaget) faldt\b",
        ),
    ),
    (
        "udsat",
        (
            # "udsat", not the adjective "udsatte" ("for socialt udsatte") or the council
            # "Udsatterådet"; the past tense only with its object ("Udvalget udsatte sagen")
            r"\budsat\b",
            r"\budsatte (?:sagen|punktet|forslaget|behandlingen|beslutningen)\b",
            r"\budskudt\b",
            r"\budskyde",
            r"\budskød\b",
            r"\budsætte",
            r"\budsættes",
            r"\b(?:sagen|punktet|forslaget) (?:blev )?trukket",
            r"\b(?:sagen|punktet|forslaget) trækkes",
            r"^trukket\b",
            r"\btaget af dagsordenen",
            r"\b(?:sagen|punktet) udgik\b",
            r"\b(?:sagen|punktet) udgår\b",
            r"^udgår\b",
            r"\b(?:sagen|punktet) blev ikke behandlet",
            r"\b(?:sagen|punktet) (?:blev )?ikke nået",
            r"\b(?:sagen|punktet) genoptages\b",  # "Sagen genoptages på næste møde."
        ),
    ),
    (
        # "Fremsendes til Teknisk Udvalg til behandling", "Oversendes", "Sagen sendes videre",
        # "Byrådet sendte sagen til realitetsbehandling i Skole-, Børne- og Ungeudvalget".
        "oversendt",
        (
            r"\boversend",
            r"\bvideresend",
            r"\bsendes videre til",
            r"\bsendt videre\b",
            r"\b(?:sagen|punktet|forslaget) sendes videre\b",
            r"^sendes videre\b",
            r"^(?:sagen |punktet |forslaget )?sendes til\b",
            r"\bsendte (?:sagen|punktet|forslaget) (?:videre )?til\b",
            r"\btil realitetsbehandling\b",
            r"^fremsendes\b",
            r"\b(?:sagen|punktet|forslaget|indstillingen|ansøgningen) (?:blev )?fremsend",
            r"\b(?:sagen|punktet|forslaget|ansøgningen) henvises til\b",
        ),
    ),
    (
        "indstilling_fulgt",
        (
            r"\bindstilling(?:en)?\b.{0,200}\bblev fulgt",
            r"\bindstilling(?:en)? (?:blev )?tiltrådt",
            r"\bindstillingen følges",
            r"^som indstillet",
            r"^tiltrådt",
            r"\btiltrådte indstillingen",
            r"\btiltræder indstillingen",
            r"\bindstillingen tiltrædes",
            r"\btilsluttede sig indstillingen",
            r"\bfulgte (?:\p{L}+ ){0,2}indstilling",  # "Nævnet fulgte sekretariatets indstilling"
        ),
    ),
    (
        # "Til orientering" alone (006) is a note taken; "sendt til orientering" is not.
        "taget_til_efterretning",
        (
            r"\btil efterretning",
            r"\btog\b.{0,80}\befterretning",
            r"\btaget til orientering",
            r"\btog\b.{0,80}\btil orientering",
            r"^til orientering\b",
        ),
    ),
    (
        # Verbs only: "Endelig vedtagelse af …" and "jf. byrådets vedtagelse" decide nothing.
        # A bare "Anbefales" (recommended on to the council) is an approval at this level.
        "godkendt",
        (
            r"\bgodkendt",
            r"\bgodkendte\b",
            r"\bgodkender\b",
            r"\bgodkendes\b",
            r"\bat godkende\b",
            r"\bvedtag(?:et|es|e)\b",
            r"\bvedtog\b",
            r"\banbefales\b",
            r"\banbefalede\b",
            r"\banbefaler\b",
            r"\banbefalet\b",
            r"\bbevilge",
            r"\bbevilling blev",
            r"\bimødekom",
        ),
    ),
)

# Phrases that decide only when no phrase above is in the sentence: a bare "besluttede" is an
# approval ("Direktørforum besluttede at kombinere indsats 2 og 3"), but "besluttede at udsætte
# sagen" is udsat; a discussion is recorded only when nothing was decided.
DECISION_WEAK_OUTCOMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("godkendt", (r"\bbesluttede\b",)),
    (
        "drøftet",
        (
            r"\bdrøft",
            r"\btemadrøftelse",
            r"\bdiskuter",
            r"\bblev debatteret",
            r"\bopbakning til",
            r"\benighed om",
        ),
    ),
)

# Literal stems, one of which every phrase above contains: a substring probe that lets the
# many sentences that decide nothing skip the patterns (tests/test_decisions.py keeps the two
# in step).
DECISION_KEYWORDS: tuple[str, ...] = (
    "godkend", "bemærk", "ikke noget", "intet", "ingen", "forkast", "afvis", "afvist", "udsat",
    "udskud", "udskyd", "udskød",
    "udsæt", "trukket", "trækkes", "dagsorden", "udgik", "udgår", "behandlet", "nået",
    "oversend", "videresend", "videre", "sendes", "sendte", "fremsend", "realitetsbehandl",
    "henvises", "fulgt", "tiltrå", "tiltræ", "tilslut", "indstillet", "følges", "efterretning",
    "orientering", "vedtag", "vedtog", "anbefal", "besluttede", "bevilg", "bevilling",
    "imødekom", "faldt", "drøft", "diskuter", "debat", "opbakning", "enighed", "afsl",
    "genoptag",
)  # fmt: skip

# Words that only mention a decision taken elsewhere: the rest of their clause decides nothing
# ("jf. byrådets vedtagelse i mødet den 27. august", "i henhold til beslutning i byrådets
# møde", "som besluttet på sidste møde"). Regex fragments, matched casefolded.
DECISION_REFERENCES: tuple[str, ...] = (
    r"\bjf\.", r"\bjævnfør\b", r"\bi henhold til\b", r"\bi overensstemmelse med\b",
    r"\bsom (?:besluttet|vedtaget|godkendt|aftalt|anbefalet)\b", r"\bpå baggrund af\b",
    r"\bmed henvisning til\b",
)  # fmt: skip
# Words after which the rest of the sentence is a proposal or another body's recommendation,
# not this meeting's decision ("Økonomiudvalget indstiller, at byrådet godkender …",
# "Borgmesteren foreslog, at …"), and a note of an earlier hearing ("Behandlet i … den …").
DECISION_PROPOSALS: tuple[str, ...] = (
    r"\bindstiller\b", r"\bforeslår\b", r"\bforeslog\b", r"^behandlet (?:i|på)\b",
)  # fmt: skip

# Item titles under which a bare "Ingen." means nothing to note ("Eventuelt", "Bemærkninger").
NOTHING_TO_NOTE_TITLES: tuple[str, ...] = (
    "eventuelt", "evt.", "bemærkning", "meddelelse", "orientering", "spørgsmål",
)  # fmt: skip

# Parties and party groups as sentence subjects: "Socialdemokratiets byrådsgruppe kunne ikke
# tiltræde indstillingen" records a dissent, not a decision of the meeting (casefolded stems).
PARTY_NAMES: tuple[str, ...] = (
    "socialdemokrat", "venstre", "konservative", "enhedslisten", "socialistisk folkeparti",
    "radikale", "liberal alliance", "dansk folkeparti", "alternativet", "moderaterne",
    "danmarksdemokrat", "nye borgerlige", "kristendemokrat", "slesvigsk parti", "borgerlisten",
    "byrådsgruppe", "regionsrådsgruppe", "partigruppe",
)  # fmt: skip

# Abbreviations that end in a full stop but do not end a sentence.
ABBREVIATIONS: tuple[str, ...] = (
    "bl.a.", "ifm.", "jf.", "kl.", "mhp.", "pga.", "f.eks.", "fx.", "ca.", "mv.", "m.m.", "evt.",
    "inkl.", "ekskl.", "hhv.", "dvs.", "nr.", "pkt.", "ift.", "ifht.", "vedr.", "d.", "s.", "stk.",
    "mio.", "mia.", "kr.", "t.kr.", "pr.", "ml.", "iht.", "mht.", "bla.", "etc.", "osv.", "tlf.",
)  # fmt: skip

# Words that make a capitalised phrase an organisation ("Billund Kommune", "PLO-Midtjylland",
# "Regionshospitalet Horsens", "Psykiatrien", "Aalborg Universitetshospital"). Regex fragments.
ORGANISATION_MARKERS: tuple[str, ...] = (
    "kommune", r"\bregion", "hospital", "sygehus", "psykiatri", r"\bPLO\b", "universitet",
    "styrelse", "ministerie", r"\bKL\b", "Danske Regioner", "forvaltning", "center",
    "apotek", "lægevagt", "præhospital",
    # associations, unions and companies ("Ejendomsforeningen Danmark", "Lejernes LO", "Blå
    # Kors", "Boligselskabet Vest")
    # (compounds only: "Foreningens sekretær" is a title)
    r"\p{L}forening", r"\p{L}forbund", r"\bLO\b", r"\bkors\b", "korshær", r"\p{L}selskab",
    r"\bA/S\b", r"\bApS\b",
)  # fmt: skip

# Words that make a phrase a job title ("Sygeplejefaglig direktør", "Kontorchef"). Regex fragments.
TITLE_WORDS: tuple[str, ...] = (
    "direktør", "chef", "konsulent", "læge", "borgmester", "formand", "medlem", "rådmand",
    "fuldmægtig", "leder", "sekretær", "sygeplejerske", "koordinator", "specialist", "rådgiver",
    "medarbejder", "overlæge", "fysioterapeut", "psykolog", "jurist", "økonom", "analytiker",
    "advokat", "lektor", "professor", "revisor", "ph.d.", "mester", "ingeniør", "arkitekt",
    "lærer", "pædagog", "inspektør", "assistent", "forstander", "præst", "redaktør", "planlægger",
    "organist", "kirkesanger", "kordegn", "graver",
)  # fmt: skip


def initials(words: tuple[str, ...]) -> frozenset[str]:
    """The first letters of lower-case vocabulary words, in both cases: a one-character test
    that rules out most lines before a rule case-folds and compares them."""
    return frozenset(w[0] for w in words) | frozenset(w[0].upper() for w in words)
