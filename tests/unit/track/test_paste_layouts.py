"""The paste reader on real page text in five languages and three layouts (fixtures/dashboards/README.md)."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.track.dashboard_labels import LABELS
from calculator.track.paste_layouts import MAX_PASTE, read

from .pages import page

PILLARS = ("brand", "find", "engage", "relate")
DAY_19_MAY = {"brand": "20.998", "find": "6.4", "engage": "10.25", "relate": "15"}
RANKS_19_MAY = {"industry_rank": "9", "network_rank": "11", "industry_average": "34", "network_average": "36"}


def values(text: str) -> dict[str, str]:
    return {name: str(value) for name, value in read(text).values.items()}


@pytest.mark.parametrize(("fixture", "expected", "total", "language", "layout"), [
    ("en_2026_label_then_value.txt", DAY_19_MAY | RANKS_19_MAY, D(53), "English",
     "each value on the line after its label"),
    ("en_2026_value_pipe_label.txt", {"brand": "8.78", "find": "6.12", "engage": "0.9", "relate": "2.214",
                                      "industry_rank": "78", "network_rank": "91"}, D(18), "English",
     "value | label on one line"),
    ("en_old_label_tab_value.txt", {"brand": "7.50", "find": "5.00", "engage": "2.25", "relate": "9.00"}, None,
     "English", "label, tab, value"),
    ("en_2026_chart_tables.txt", {"brand": "12.05", "find": "4.76", "engage": "1", "relate": "15",
                                  "network_average": "36"}, D(33), "English", "label, tab, value"),
    ("pt_2026_value_then_label.txt", {"brand": "8.38", "find": "6.10", "engage": "1.00", "relate": "8.60",
                                      "industry_rank": "83", "network_rank": "90"}, None, "Portuguese (Brazil)",
     "each value on the line before its label"),
    ("pt_2026_label_then_value.txt", DAY_19_MAY | RANKS_19_MAY, D(53), "Portuguese (Brazil)",
     "each value on the line after its label"),
    ("de_label_then_value.txt", {"brand": "14.2", "find": "9.8", "engage": "7.5", "relate": "14.5"}, D(46),
     "German", "each value on the line after its label"),
    ("fr_label_then_value.txt", DAY_19_MAY, None, "French", "each value on the line after its label"),
    ("es_label_then_value.txt", DAY_19_MAY, None, "Spanish", "each value on the line after its label"),
])
def test_each_language_and_layout_is_read(fixture: str, expected: dict[str, str], total: D | None,
                                          language: str, layout: str) -> None:
    got = read(page(fixture))
    assert {name: str(value) for name, value in got.values.items()} == expected
    assert (got.total.value if got.total else None) == total
    assert got.complete
    assert got.languages == (language,)
    assert got.layout == layout
    assert set(got.missing) == {"industry_rank", "network_rank", "industry_average", "network_average"} - set(expected)


def test_the_comparison_block_is_never_taken_for_your_values() -> None:
    got = read(page("pt_2026_value_then_label.txt"))
    assert got.values["brand"] == D("8.38")  # not the 20,00 of "Média do setor: Estabelecer sua marca …"
    assert got.values["relate"] == D("8.60")  # not the 22,00 of the network's average
    assert got.groups == {"industry": {"brand": D("20.00")}, "network": {"relate": D("22.00")}}
    assert any("not as yours" in note for note in got.set_aside)


@pytest.mark.parametrize("fixture", ["en_2026_label_then_value.txt", "pt_2026_label_then_value.txt"])
def test_the_groups_pillar_averages_are_kept_apart(fixture: str) -> None:
    got = read(page(fixture))
    assert got.groups["industry"] == {"brand": D("11.78"), "find": D("5.38"), "engage": D("2.09"),
                                      "relate": D("15.16")}
    assert got.groups["network"]["relate"] == D("16.31")


def test_ranks_without_a_known_heading_are_named_not_placed() -> None:
    got = read(page("fr_label_then_value.txt"))  # "Top 9 %" with a narrow no-break space, no French heading
    assert "industry_rank" not in got.values and "network_rank" not in got.values
    assert any("Top 9 %" in note and "cannot tell which is which" in note for note in got.notes)


def test_a_definition_sentence_naming_the_pillars_is_not_a_place_for_values() -> None:
    got = read(page("fr_label_then_value.txt"))  # the first line names all four pillars in a sentence
    assert got.values["find"] == D("6.4")


@pytest.mark.parametrize(("text", "expected"), [
    ("Aktueller Social Selling Index\n46 von 100", D(46)),
    ("Social Selling Index atual\n53 de 100", D(53)),
    ("Current Social Selling Index\n53\u00a0out of 100", D(53)),
    ("Your Social Selling Index 51.1 out of 100", D("51.1")),
])
def test_the_total_is_read_in_each_form(text: str, expected: D) -> None:
    got = read(text)
    assert got.total is not None and got.total.value == expected


@pytest.mark.parametrize("rank", ["Top 9%", "Top 9 %", "Top\u202f9\u202f%", "Top\u00a09\u00a0%", "Primeiros 9%",
                                  "Top\u20099\u2009%"])
def test_ranks_with_any_kind_of_space_are_read(rank: str) -> None:
    assert values(f"Industry SSI rank\n{rank}\nNetwork SSI rank\nTop 11%")["industry_rank"] == "9"


def test_a_number_before_and_after_every_label_is_left_for_the_person() -> None:
    got = read("5\nEstablish your professional brand\n6\nFind the right people\n7\nEngage with insights\n8\n"
               "Build relationships\n9\nMore text")
    assert not any(p in got.values for p in PILLARS)
    assert any("could not tell" in note for note in got.notes)


def test_a_value_out_of_range_is_named_and_not_used() -> None:
    got = read(page("en_2026_label_then_value.txt").replace("20.998", "29.5"))
    assert "brand" not in got.values and got.values["find"] == D("6.4")
    assert any("29.5" in note and "outside 0 to 25" in note for note in got.notes)


def test_a_copy_cut_short_keeps_what_it_has_and_names_the_rest() -> None:
    text = page("en_2026_label_then_value.txt")
    got = read(text[:text.index("10.25")])
    assert {name: str(value) for name, value in got.values.items() if name in PILLARS} == {
        "brand": "20.998", "find": "6.4"}
    assert got.missing[:2] == ("engage", "relate")
    assert any("Engage with insights" in note for note in got.notes)


def test_a_chart_legend_without_numbers_does_not_hide_the_values() -> None:
    legend = "Establish your professional brand\nFind the right people\nEngage with insights\nBuild relationships\n"
    assert values(legend + page("en_old_label_tab_value.txt"))["relate"] == "9.00"


def test_accents_case_and_spacing_do_not_matter() -> None:
    got = values("ESTABELECER  SUA MARCA\nPROFISSIONAL 20,973\nlocalizar as pessoas certas 6,38\n"
                 "INTERAGIR OFERECENDO INSIGHTS 10,25\ncriar relacionamentos 15")
    assert got == {"brand": "20.973", "find": "6.38", "engage": "10.25", "relate": "15"}
    assert values("echanger des informations\n3,5")["engage"] == "3.5"


def test_text_that_is_not_the_page_gives_nothing() -> None:
    got = read("Home  My Network  Jobs\nTop 10 tips for writing a note\n143 reactions · 27 comments")
    assert not got.found_anything and got.missing[:4] == PILLARS


def test_a_huge_paste_is_refused_with_a_message() -> None:
    got = read("Build relationships 12 " * (MAX_PASTE // 10))
    assert not got.found_anything and "far more" in got.notes[0]


def _in_range(text: str) -> None:
    got = read(text)
    for name, value in got.values.items():
        high = 25 if name in PILLARS else 100
        assert 0 <= value <= high, (name, value)
    if got.total is not None:
        assert 0 <= got.total.value <= 100


@given(st.text(max_size=400))
def test_any_text_is_read_without_raising_or_a_value_out_of_range(text: str) -> None:
    _in_range(text)


PIECES = [label.text for label in LABELS] + ["Top", "%", "|", "\t", "\n", " ", ":", "out of 100", "de 100", "ⓘ",
                                             "<script>", "1e9", "-3", "25.0001", "999", "26", "0", "25", "7,5",
                                             "12.345", "1,200,000", "Primeiros", "\u202f", "NaN", "∞"]


@given(st.lists(st.one_of(st.sampled_from(PIECES), st.decimals(allow_nan=True).map(str),
                          st.integers(-10, 1000).map(str)), max_size=60))
def test_hostile_text_built_from_labels_and_numbers_never_gives_a_value_out_of_range(pieces: list[str]) -> None:
    _in_range(" ".join(pieces))
    _in_range("\n".join(pieces))
