from __future__ import annotations

from referat_parser.extract.attachments import collect
from referat_parser.lines import split_lines


def test_bilag_block_lines_and_inline_labels_deduplicated() -> None:
    bilag_block = split_lines(
        "BILAG - Udspecificeret budget ifm. implementering af Kom trygt hjem\n\n"
        "Sammen om Højvangen.pptx\n\nOplæg Overlap i psykiatrien. .pptx\n"
    )
    prose = split_lines(
        "For udspecificeret budget se bilag.\n\nBilag: Statusoversigt marts 2024\n"
        'Bilag: Rapporten "Henvisningsanalyse".\n'
    )
    again = split_lines("Statusoversigt marts 2024\n")
    # a Bilag block's lines are kept as printed, with their "BILAG -" / "Bilag 1:" prefix
    assert collect([(True, bilag_block), (False, prose), (True, again)]) == [
        "BILAG - Udspecificeret budget ifm. implementering af Kom trygt hjem",
        "Sammen om Højvangen.pptx",
        "Oplæg Overlap i psykiatrien. .pptx",
        "Statusoversigt marts 2024",
        'Rapporten "Henvisningsanalyse"',
    ]


def test_prose_mentioning_bilag_is_not_an_attachment() -> None:
    assert collect([(False, split_lines("Bilag er vedhæftet referatet."))]) == []


def test_a_download_links_file_note_is_not_part_of_the_name() -> None:
    """A portal prints the type and size beside each link: "(pdf, 212 KB)", "[PDF 1,2 MB]"."""
    lines = split_lines("Notat om puljen (pdf, 212 KB)\nKort [PDF 1,2 MB]\nPlan (høringsudkast)\n")
    assert collect([(True, lines)]) == ["Notat om puljen", "Kort", "Plan (høringsudkast)"]
