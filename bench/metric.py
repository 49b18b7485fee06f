"""Shingle-based extraction quality metric.

Implements the metric defined in ``shared/data/README.md`` (the one used by
the Zyte/ScrapingHub article-extraction-benchmark), so our figures compare
with the published ones:

* tokens are maximal runs of Unicode word characters (``\\w+``), case kept;
* shingles are runs of 4 consecutive tokens; a text of 1-3 tokens gives one
  shorter shingle, an empty text none;
* per page, truth and output shingles are compared as multisets:
  tp = shared count, fp = surplus in the output, fn = surplus in the truth;
  precision = tp/(tp+fp), recall = tp/(tp+fn), both 1 when fp = fn = 0
  (normalising tp/fp/fn by their sum does not change these ratios);
* over a data set, precision is the mean page precision over pages whose
  output is not empty, recall the mean page recall over pages whose truth is
  not empty, and F1 the harmonic mean of those two means.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

Shingle = tuple[str, ...]

SHINGLE_SIZE = 4
_TOKEN_RE = re.compile(r"\w+")


def tokens(text: str | None) -> list[str]:
    """Split ``text`` into word tokens (``\\w+``, Unicode, case kept)."""
    return _TOKEN_RE.findall(text or "")


def shingles(toks: Sequence[str], n: int = SHINGLE_SIZE) -> Counter[Shingle]:
    """Multiset of the ``n``-token shingles of ``toks``.

    Fewer than ``n`` (but at least one) tokens give a single shorter shingle,
    so that very short texts can still be matched; no tokens give none.
    """
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def counts(truth: str | None, output: str | None) -> tuple[int, int, int]:
    """Raw (tp, fp, fn) shingle counts of one page."""
    t = shingles(tokens(truth))
    o = shingles(tokens(output))
    tp = sum((t & o).values())
    fp = sum((o - t).values())
    fn = sum((t - o).values())
    return tp, fp, fn


def page_scores(truth: str | None, output: str | None) -> tuple[float, float]:
    """(precision, recall) of one page.

    Both are 1.0 when fp = fn = 0 (which includes both texts being empty).
    An empty output gives precision 1.0 here only if the truth is empty too;
    ``dataset_scores`` decides which pages count, based on emptiness.
    """
    tp, fp, fn = counts(truth, output)
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def is_empty(text: str | None) -> bool:
    """A text is empty for the metric when it has no tokens (hence no shingles)."""
    return _TOKEN_RE.search(text or "") is None


class DatasetScores:
    """Streaming form of ``dataset_scores``: add pages one at a time.

    Lets a benchmark score several systems in one pass over a data set
    without keeping the texts around.
    """

    def __init__(self) -> None:
        self.pages = 0
        self._p_sum = self._r_sum = 0.0
        self._p_n = self._r_n = 0

    def add(self, truth: str | None, output: str | None) -> tuple[float, float]:
        """Score one page, fold it into the totals, return its (precision, recall)."""
        p, r = page_scores(truth, output)
        self.pages += 1
        if not is_empty(output):
            self._p_sum += p
            self._p_n += 1
        if not is_empty(truth):
            self._r_sum += r
            self._r_n += 1
        return p, r

    def result(self) -> dict[str, float]:
        """Precision, recall, F1 and page count so far (a mean over no pages is 0.0)."""
        precision = self._p_sum / self._p_n if self._p_n else 0.0
        recall = self._r_sum / self._r_n if self._r_n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": precision, "recall": recall, "f1": f1, "pages": self.pages}


def dataset_scores(pairs: Iterable[tuple[str | None, str | None]]) -> dict[str, float]:
    """Aggregate (truth, output) pairs into precision, recall, F1 and page count.

    Precision averages over pages with non-empty output, recall over pages
    with non-empty truth; F1 is the harmonic mean of the two means. A mean
    over no pages is 0.0.
    """
    acc = DatasetScores()
    for truth, output in pairs:
        acc.add(truth, output)
    return acc.result()
