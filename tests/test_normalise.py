"""Stage 1: normalisation and the map back to original offsets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnquant import extract
from cnquant.normalise import normalise

CASES = [
    # original, normalised
    ("產(chǎn)", "产"),                      # tone marks, ASCII parentheses
    ("產（chǎn）", "产"),                    # full-width parentheses
    ("產(chan)", "产"),                       # no tone marks
    ("會(huì )", "会"),                      # a space left by the converter
    ("萬(wàn)噸", "万吨"),
    ("巨力索具(河南)", "巨力索具(河南)"),     # a real parenthesis
    ("(27)日", "(27)日"),
    ("外商直接投资(FDI)", "外商直接投资(FDI)"),
    ("单位(a)", "单位(a)"),                   # one letter without a tone is no reading
    ("１２３，４５６．７％", "123,456.7%"),
    ("50\u00a0亿\u200b元", "50 亿元"),
    ("壹佰貳拾億", "壹佰贰拾亿"),
    ("一四○五家", "一四〇五家"),
]


@pytest.mark.parametrize(("original", "normalised"), CASES, ids=[c[0] for c in CASES])
def test_normalised_text(original, normalised):
    assert normalise(original).text == normalised


def test_offsets_keep_annotations_inside_spans():
    text = "計劃總投資5000萬(wàn)美元,28個(gè)項目"
    found = extract(text)
    assert [m.text for m in found] == ["5000萬(wàn)美元", "28個(gè)"]
    for m in found:
        assert text[m.start:m.end] == m.text


@given(st.text(alphabet=st.sampled_from(list("產萬噸個(chǎn)wàgè（）１２3.5億元 \u200b")),
               max_size=40))
def test_every_normalised_span_maps_back(text):
    n = normalise(text)
    for i in range(len(n.text)):
        start, end = n.to_original(i, i + 1)
        assert 0 <= start < end <= len(text)
    for i in range(len(n.text) + 1):
        assert 0 <= n.orig_index(i) <= len(text)


def test_non_strings_are_refused():
    with pytest.raises(TypeError):
        normalise(b"bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize(("raw", "text"), [
    ("5&nbsp;亿元", "5 亿元"),
    ("5亿元&#65292;占地", "5亿元,占地"),
    ("A&amp;B公司", "A&B公司"),
    ("&#x3001;", "、"),
    ("5&zwj;亿元", "5亿元"),             # a reference to nothing visible goes whole
    ("&nosuch; &#; &", "&nosuch; &#; &"),  # not references: untouched
])
def test_html_character_references(raw, text):
    n = normalise(raw)
    assert n.text == text
    # every normalised character maps back into the original, in order
    starts = [n.to_original(i, i + 1)[0] for i in range(len(n.text))]
    assert starts == sorted(starts) and all(0 <= s < len(raw) for s in starts)


def test_many_references_stay_linear():
    import time
    small, large = "&nbsp;5" * 1000, "&nbsp;5" * 20000
    t0 = time.perf_counter()
    normalise(small)
    t1 = time.perf_counter()
    normalise(large)
    t2 = time.perf_counter()
    assert (t2 - t1) < max(t1 - t0, 1e-3) * 20 * 5
