"""Hand-computed cases for bench/metric.py (the metric of shared/data/README.md)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from metric import counts, dataset_scores, page_scores, shingles, tokens  # noqa: E402


def approx(x: float) -> object:
    return pytest.approx(x, abs=1e-12)


# --- tokens -----------------------------------------------------------------


def test_tokens_split_on_non_word_and_keep_case() -> None:
    assert tokens("Hello, World! foo_bar 42-x") == ["Hello", "World", "foo_bar", "42", "x"]


def test_tokens_unicode_words() -> None:
    assert tokens("l'été est très «chaud» — Größe") == ["l", "été", "est", "très", "chaud", "Größe"]
    assert tokens("東京 と 大阪") == ["東京", "と", "大阪"]


def test_tokens_empty_and_none() -> None:
    assert tokens("") == []
    assert tokens(None) == []
    assert tokens(" ... — !!! ") == []


# --- shingles ---------------------------------------------------------------


def test_shingles_four_token_windows() -> None:
    assert shingles(["a", "b", "c", "d", "e"]) == Counter({("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1})


def test_shingles_exactly_four_tokens() -> None:
    assert shingles(["a", "b", "c", "d"]) == Counter({("a", "b", "c", "d"): 1})


@pytest.mark.parametrize("toks", [["a"], ["a", "b"], ["a", "b", "c"]])
def test_shingles_short_text_gives_one_shorter_shingle(toks: list[str]) -> None:
    assert shingles(toks) == Counter({tuple(toks): 1})


def test_shingles_empty() -> None:
    assert shingles([]) == Counter()


def test_shingles_multiset() -> None:
    # a b c d a b c d -> abcd, bcda, cdab, dabc, abcd
    got = shingles(tokens("a b c d a b c d"))
    assert got[("a", "b", "c", "d")] == 2
    assert sum(got.values()) == 5


# --- page scores ------------------------------------------------------------


def test_identical_texts() -> None:
    assert page_scores("The cat sat on the mat.", "the cat sat on the mat") != (1.0, 1.0)  # case kept
    assert page_scores("The cat sat on the mat.", "The  cat, sat on\nthe mat") == (1.0, 1.0)


def test_disjoint_texts() -> None:
    assert page_scores("one two three four", "five six seven eight") == (0.0, 0.0)


def test_partial_overlap() -> None:
    # truth:  abcd bcde cdef            (3 shingles)
    # output: abcd bcde cdex dexy       (4 shingles)
    # tp=2 fp=2 fn=1 -> P=2/4, R=2/3
    assert counts("a b c d e f", "a b c d e x y") == (2, 2, 1)
    p, r = page_scores("a b c d e f", "a b c d e x y")
    assert p == approx(0.5)
    assert r == approx(2 / 3)


def test_output_is_subset_of_truth() -> None:
    # truth 6 tokens -> 3 shingles; output first 5 tokens -> 2 of them
    p, r = page_scores("a b c d e f", "a b c d e")
    assert (p, r) == (approx(1.0), approx(2 / 3))


def test_one_to_three_token_texts() -> None:
    assert page_scores("hello", "hello") == (1.0, 1.0)
    assert page_scores("a b c", "a, b; c") == (1.0, 1.0)
    # ("hello", "world") vs ("hello",): different shingles, no partial credit
    assert page_scores("hello world", "hello") == (0.0, 0.0)
    # 3-token truth is one shingle (a,b,c); 4-token output is (a,b,c,d)
    assert page_scores("a b c", "a b c d") == (0.0, 0.0)


def test_empty_output_page() -> None:
    assert counts("a b c d", "") == (0, 0, 1)
    assert page_scores("a b c d", "")[1] == 0.0


def test_empty_truth_page() -> None:
    assert counts("", "a b c d") == (0, 1, 0)
    assert page_scores("", "a b c d")[0] == 0.0


def test_both_empty_page_is_perfect() -> None:
    assert page_scores("", "") == (1.0, 1.0)
    assert page_scores(None, "  --  ") == (1.0, 1.0)


def test_multiset_duplicates_in_truth() -> None:
    # truth: abcd x2, bcda, cdab, dabc (5); output: abcd x1
    # tp=1 fp=0 fn=4 -> P=1, R=1/5
    assert counts("a b c d a b c d", "a b c d") == (1, 0, 4)
    assert page_scores("a b c d a b c d", "a b c d") == (approx(1.0), approx(0.2))


def test_multiset_duplicates_in_output() -> None:
    # output "a b c d" x3: abcd x3, bcda x2, cdab x2, dabc x2 (9)
    # truth  "a b c d" x2: abcd x2, bcda, cdab, dabc          (5)
    # tp=5 fp=4 fn=0 -> P=5/9, R=1
    assert counts("a b c d a b c d", "a b c d a b c d a b c d") == (5, 4, 0)
    assert page_scores("a b c d a b c d", "a b c d " * 3) == (approx(5 / 9), approx(1.0))


def test_unicode_words_match() -> None:
    truth = "Größe und Gewicht der Brücke über den Fluß"
    # 8 tokens -> 5 shingles; output drops the last token -> 4 of them
    p, r = page_scores(truth, "Größe und Gewicht der Brücke über den")
    assert (p, r) == (approx(1.0), approx(4 / 5))
    assert page_scores("café crème brûlée naïve", "cafe creme brulee naive") == (0.0, 0.0)


# --- data set scores --------------------------------------------------------


def test_dataset_f1_is_harmonic_mean_of_means() -> None:
    # page 1: P=1, R=1; page 2: P=1/2, R=2/3
    s = dataset_scores([("a b c d e", "a b c d e"), ("a b c d e f", "a b c d e x y")])
    p, r = 0.75, (1 + 2 / 3) / 2
    assert s["precision"] == approx(p)
    assert s["recall"] == approx(r)
    assert s["f1"] == approx(2 * p * r / (p + r))
    # and not the mean of page F1s
    assert s["f1"] != approx((1 + 2 * 0.5 * (2 / 3) / (0.5 + 2 / 3)) / 2)
    assert s["pages"] == 2


def test_dataset_empty_output_not_counted_in_precision() -> None:
    s = dataset_scores([("a b c d", "a b c d"), ("a b c d e", ""), ("x y z w", None)])
    assert s["precision"] == approx(1.0)  # only page 1 has output
    assert s["recall"] == approx(1 / 3)  # (1 + 0 + 0) / 3
    assert s["f1"] == approx(2 * (1 / 3) / (1 + 1 / 3))
    assert s["pages"] == 3


def test_dataset_empty_truth_not_counted_in_recall() -> None:
    s = dataset_scores([("a b c d", "a b c d"), ("", "x y z w")])
    assert s["precision"] == approx(0.5)  # (1 + 0) / 2
    assert s["recall"] == approx(1.0)  # only page 1 has truth
    assert s["f1"] == approx(2 / 3)


def test_dataset_both_empty_page_counts_nowhere() -> None:
    s = dataset_scores([("a b c d e f", "a b c d e x y"), ("", "")])
    assert s["precision"] == approx(0.5)
    assert s["recall"] == approx(2 / 3)
    assert s["pages"] == 2


def test_dataset_no_pages() -> None:
    assert dataset_scores([]) == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "pages": 0}


def test_dataset_accepts_a_generator() -> None:
    s = dataset_scores((t, t) for t in ["a b c d", "e f g h i"])
    assert s == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "pages": 2}


# --- properties ---------------------------------------------------------------

words = st.lists(st.sampled_from(["a", "b", "c", "d", "é", "東"]), max_size=12).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(words, words)
def test_scores_bounded_and_symmetric(truth: str, output: str) -> None:
    p, r = page_scores(truth, output)
    assert 0.0 <= p <= 1.0 and 0.0 <= r <= 1.0
    assert page_scores(output, truth) == (r, p)
    assert page_scores(truth, truth) == (1.0, 1.0)


# --- truth before a Dragnet comments separator (bench/quality.py) -----------------

from quality import article_truth  # noqa: E402


@pytest.mark.parametrize("separator", [
    "!@#$%^&*() COMMENTS", "!@ $%^&*()  COMMENTS", "  #$%^&*()  COMMENTS", "!@#$%^&*()",
    "!#@$%^&*()  COMMENTS", "!@#$%^&*()  \tCOMMENTS", "!@#$%^&*()  CORRECTED",
])
def test_truth_is_cut_at_a_comments_separator(separator: str) -> None:
    truth = f"Title\n\nThe article's text.\n\n{separator}\n\nJane 07.15.12 at 11:59\n\n    Great post!\n"
    assert article_truth(truth) == ("Title\n\nThe article's text.\n\n", True)
    crlf = truth.replace("\n", "\r\n")  # truth files with Windows line ends
    assert article_truth(crlf) == ("Title\r\n\r\nThe article's text.\r\n\r\n", True)


@pytest.mark.parametrize("truth", [
    "An article\n\n" + "*" * 80 + "\n\nwith a divider of asterisks.",
    "Prices rose (10%) & fell #2 @home!",
    "Enjoy Vacations!!!!!!!!\n\nMore text.",
    "No separator at all.",
    "",
])
def test_truth_without_a_separator_is_kept_whole(truth: str) -> None:
    assert article_truth(truth) == (truth, False)


def test_no_truth_stays_none() -> None:
    assert article_truth(None) == (None, False)
