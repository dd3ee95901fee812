"""Stage 3: parse the longest prefix of a candidate window that is a quantity.

:class:`PrefixParser` drives the tables of the one compiled Lark parser (see
:mod:`cnquant.grammar`) directly: Lark's contextual lexer (the terminals that the
parser state allows, one compiled pattern per state) and its LALR action table,
with the transformer's callbacks applied at each reduction, exactly as Lark's
own LALR parser does.  What it adds is the *longest prefix*: wherever the input
could end (``$END`` is acceptable), the stacks are kept; at the end the latest
such place whose reduction with ``$END`` the transformer accepts wins.  Values
on the stack are immutable, so a shallow copy of the stacks is enough.

Lark's interactive parser can do the same, token by token, but it builds a
parser state, a lexer thread and a token with line and column counters for
every step; this loop keeps only what the tables need, which makes the parse of
a window about twice as fast.  The grammar, the tables and the callbacks are
Lark's: there is no second parser.

>>> from cnquant import default_extractor
>>> p = PrefixParser(default_extractor()._parser)
>>> end, expr = p.parse("1.3亿元，")
>>> end, expr.value == 130_000_000, [u.unit for u, _ in expr.units]
(5, True, ['CNY'])
>>> p.parse("，") is None
True
"""

from __future__ import annotations

from typing import Any

from lark import Lark, Token
from lark.exceptions import LarkError, UnexpectedInput
from lark.parse_tree_builder import ExpandSingleChild
from lark.parsers.lalr_analysis import Shift
from lark.visitors import _vargs_inline

from cnquant.numerals import NumeralError

__all__ = ["FAIL", "PrefixParser"]

#: What a callback or the tables raise when the input is not a quantity.
FAIL = (UnexpectedInput, NumeralError, ArithmeticError, LarkError)

_Stacks = tuple[list[int], list[Any]]


#: How a reduction builds its value: from the list of children (Lark's callback),
#: from the children as arguments (an inline transformer method), or it is the one
#: child itself (a ``?rule`` with one symbol: no call at all).
_LIST, _INLINE, _SAME = 0, 1, 2


def _reductions(lark: Lark) -> dict[Any, tuple[int, Any]]:
    """For the rules that need no Lark wrapper, how to reduce them directly: the
    transformer's ``v_args(inline=True)`` methods of the rules whose children Lark
    passes on unfiltered (called directly, they skip three wrapper calls), and the
    ``?rule`` expansions of one symbol, which Lark reduces to that symbol's value."""
    transformer = lark.options.transformer
    builder = getattr(lark, "_parse_tree_builder", None)
    found: dict[Any, tuple[int, Any]] = {}
    for rule, chain in getattr(builder, "rule_builders", ()):
        name = rule.alias or rule.options.template_source or rule.origin.name
        method = getattr(transformer, name, None)
        if not chain and getattr(method, "visit_wrapper", None) is _vargs_inline:
            found[rule] = (_INLINE, method.base_func)  # type: ignore[union-attr]
        elif chain == [ExpandSingleChild] and len(rule.expansion) == 1:
            found[rule] = (_SAME, None)
    return found


def _reduction(rule: Any, direct: dict[Any, tuple[int, Any]],
               callbacks: dict[Any, Any]) -> tuple[Any, int]:
    how, method = direct.get(rule, (_LIST, None))
    return (callbacks[rule] if how == _LIST else method), how


def _token(type_: str, value: str, start: int, end: int) -> Token:
    """A Lark token, built without Token.__new__ (whose keyword handling costs four
    times as much); every attribute is set, those of lines and columns to None."""
    t = str.__new__(Token, value)
    t.type, t.value, t.start_pos, t.end_pos = type_, value, start, end
    t.line = t.column = t.end_line = t.end_column = None
    return t


class PrefixParser:
    """The longest-prefix parse over one Lark LALR parser (contextual lexer)."""

    def __init__(self, lark: Lark, start: str = "start") -> None:
        frontend = lark.parser
        parser = frontend.parser.parser
        table = parser.parse_table
        callbacks: dict[Any, Any] = parser.callbacks
        direct = _reductions(lark)
        # the action table with each rule resolved once: a shift is (True, state,
        # None, None); a reduction is (False, (size, head), callback, how), where
        # ``how`` is _LIST, _INLINE or _SAME
        # (keys and rule names as plain strings: Lark's are Tokens, whose __eq__ in
        # every dictionary lookup cost more than the lookup itself)
        self._states: dict[int, dict[str, tuple[bool, Any, Any, int]]] = {
            state: {str(type_): (True, arg, None, _LIST) if action is Shift else
                    (False, (len(arg.expansion), str(arg.origin.name)),
                     *_reduction(arg, direct, callbacks))
                    for type_, (action, arg) in actions.items()}
            for state, actions in table.states.items()}
        self._start: int = table.start_states[start]
        self._end_state: int = table.end_states[start]
        self._token_callbacks = {k: v for k, v in callbacks.items() if isinstance(k, str)}
        self._state_lexers: dict[int, Any] = frontend.lexer.lexers
        # per state: the compiled patterns, the terminal callbacks and the ignored types
        self._lexers: dict[int, tuple[tuple[Any, ...], dict[str, Any], frozenset[str]]] = {}
        self._accepts_end = {s for s, actions in self._states.items() if "$END" in actions}
        self._same_runs: dict[tuple[int, int, str], int] = {}

    def _lexer(self, state: int) -> tuple[tuple[Any, ...], dict[str, Any], frozenset[str]]:
        lexer = self._lexers.get(state)
        if lexer is None:
            basic = self._state_lexers[state]
            scanner = basic.scanner  # compiled on first use, as Lark does
            lexer = (tuple(scanner._mres), basic.callback, basic.ignore_types)
            self._lexers[state] = lexer
        return lexer

    def _same_run(self, below: int, top: int, type_: str) -> int:
        """The state after every one-symbol ``?rule`` reduction that ``type_`` causes
        on top of ``below`` (the value and the state below do not change)."""
        table = self._states
        while True:
            shift, arg, _reduce, how = table[top][type_]
            if shift or how != _SAME:
                return top
            top = table[below][arg[1]][1]

    def _feed(self, states: list[int], values: list[Any], type_: str, token: Any) -> Any:
        """Feed one token (``$END`` finishes: the value of the whole parse is returned)."""
        table = self._states
        while True:
            shift, arg, reduce, how = table[states[-1]][type_]  # KeyError: the token is refused
            if shift:
                states.append(arg)
                callback = self._token_callbacks.get(type_)
                values.append(token if callback is None else callback(token))
                return None
            size, head = arg
            if how == _SAME:  # the one child is the value: only the state changes
                if type_ != "$END":
                    # a run of these depends on the state below and the token only:
                    # the state it ends in is looked up once
                    key = (states[-2], states[-1], type_)
                    top = self._same_runs.get(key)
                    if top is None:
                        top = self._same_run(states[-2], states[-1], type_)
                        self._same_runs[key] = top
                    states[-1] = top
                    continue
                states.pop()
                goto = table[states[-1]][head][1]
                states.append(goto)
                if goto == self._end_state:
                    return values[-1]
                continue
            if size:
                children = values[-size:]
                del states[-size:]
                del values[-size:]
            else:
                children = []
            value = reduce(*children) if how == _INLINE else reduce(children)
            goto = table[states[-1]][head][1]
            states.append(goto)
            values.append(value)
            if goto == self._end_state and type_ == "$END":
                return value

    def parse(self, window: str) -> tuple[int, Any] | None:
        """``(end, value)`` for the longest prefix of ``window`` that parses, or None."""
        states = [self._start]
        values: list[Any] = []
        ends: list[tuple[int, _Stacks]] = []
        accepts_end = self._accepts_end
        pos = 0
        n = len(window)
        while pos < n:
            mres, callback, ignore = self._lexer(states[-1])
            for mre in mres:
                m = mre.match(window, pos)
                if m:
                    break
            else:
                break  # no terminal that the parser may take here
            value = m.group(0)
            type_ = m.lastgroup
            start, pos = pos, pos + len(value)
            if type_ in ignore:
                continue
            token = _token(type_, value, start, pos)
            if type_ in callback:
                token = callback[type_](token)
                type_ = token.type
            if ends and ends[-1][1][0] is states:
                # the live stacks are an end: keep a copy before they change
                ends[-1] = (ends[-1][0], (states[:], values[:]))
            try:
                self._feed(states, values, type_, token)
            except (KeyError, *FAIL):
                break  # the token is refused, or a callback rejects what it reduces
            if states[-1] in accepts_end:
                ends.append((pos, (states, values)))
        for end, (st, vals) in reversed(ends):
            try:
                return end, self._feed(st, vals, "$END", Token("$END", ""))
            except (KeyError, *FAIL):
                continue
        return None
