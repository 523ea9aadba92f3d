"""GS1 Digital Link URIs -> (AI, value) pairs, with the GS1 syntax engine's default strictness.

What the engine checks before the AI rules (gs1_rules) run on the pairs, and so do we:

- only URI characters; the scheme is http:// or https:// (all lower or all upper case); a
  domain without '_', '~', '%', ... ; anything may stand in the path before the key (the stem);
- the path ends in a primary key and its qualifiers in the key's order (/01/{gtin}/22/../10/..
  /21/.. or /01/{gtin}/235/..), every value non-empty; "+" in the path is a plus sign;
- a GTIN in the path is the full 14 digits (zero-suppressed GTIN-8/12/13 are refused);
- query parameters: numeric keys must be GS1 AIs permitted as Digital Link data attributes,
  not qualifiers that belong in the path; other keys and keyless parameters are ignored;
  "+" in a query value is a space; empty values are refused;
- no AI appears twice anywhere in the URI; a fragment (#...) is ignored.

Nothing here raises: problems are returned as messages in the Split.
"""

from __future__ import annotations

from urllib.parse import unquote, unquote_plus

from ._text import describe_char, show
from .ai_table import ai_name, ai_spec
from .gs1_associations import (
    DL_PRIMARY_KEYS,
    is_dl_attribute,
    valid_dl_path,
)
from .gs1_split import Pairs, Split

URI_CHARACTERS = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%"
)
_BAD_DOMAIN = frozenset("_~?#@!$&'()*+,;=%")
_SCHEMES = ("https://", "HTTPS://", "http://", "HTTP://")
_EXAMPLE = "e.g. https://id.example.com/01/09506000134352/10/ABC?17=271231"
_SHOWN = 100


def split_digital_link(uri: str) -> Split:
    """Split a GS1 Digital Link URI into pairs: the path's key and qualifiers, then the query."""
    split = Split()
    problem = _structure_problem(uri)
    if problem:
        split.errors.append(problem)
        return split
    rest = uri[next(len(s) for s in _SCHEMES if uri.startswith(s)) :]
    path_info = rest[rest.index("/") :].partition("#")[0]
    path, _, query = path_info.partition("?")
    path_pairs = _path_pairs(uri, path, split)
    if path_pairs is None:
        return split
    query_pairs = _query_pairs(uri, query, split)
    if split.errors:
        return split
    split.pairs = path_pairs + query_pairs
    _check_keys(uri, path_pairs, query_pairs, split)
    return split


def _structure_problem(uri: str) -> str:
    bad = next((i for i, char in enumerate(uri) if char not in URI_CHARACTERS), -1)
    if bad >= 0:
        return (
            f"GS1 Digital Link URI {show(uri, _SHOWN)} holds {describe_char(uri[bad])} at "
            f"position {bad + 1}, which a URI may not hold (it must be percent-encoded)"
        )
    scheme = next((s for s in _SCHEMES if uri.startswith(s)), None)
    if scheme is None:
        return (
            f"{show(uri, _SHOWN)} is not a GS1 Digital Link URI: it must start with https:// "
            f"or http:// (all lower or all upper case), {_EXAMPLE}"
        )
    rest = uri[len(scheme) :]
    domain, slash, _ = rest.partition("/")
    if not domain or not slash:
        return (
            f"GS1 Digital Link URI {show(uri, _SHOWN)} has no domain and path: "
            f"expected the domain, then /AI/value pairs, {_EXAMPLE}"
        )
    bad_char = next((char for char in domain if char in _BAD_DOMAIN), None)
    if bad_char is not None:
        return (
            f"GS1 Digital Link URI {show(uri, _SHOWN)}: the domain {show(domain)} holds "
            f"{describe_char(bad_char)}, which a domain may not hold"
        )
    return ""


def _path_pairs(uri: str, path: str, split: Split) -> Pairs | None:
    """The key and qualifiers at the end of the path; None (and an error) when there are none."""
    segments = path[1:].split("/")
    root = _root(segments)
    if root is None:
        split.errors.append(
            f"GS1 Digital Link URI {show(uri, _SHOWN)} has no GS1 primary key in its path "
            f"(such as /01/ and a 14-digit GTIN), {_EXAMPLE}"
        )
        return None
    pairs: Pairs = []
    for index in range(root, len(segments), 2):
        ai, raw = segments[index], segments[index + 1]
        value = unquote(raw)
        if not value or "\x00" in value:
            what = "is empty" if not value else "holds a NUL character (%00)"
            split.errors.append(
                f"GS1 Digital Link URI {show(uri, _SHOWN)}: the value of /{ai}/ in the path {what}"
            )
            return None
        if ai == "01" and len(value) in (8, 12, 13) and value.isdigit():
            split.errors.append(
                f"GS1 Digital Link URI {show(uri, _SHOWN)}: the GTIN in the path, {show(value)}, "
                f"is zero-suppressed; GS1 Digital Link needs all 14 digits "
                f"(/01/{value.zfill(14)})"
            )
            return None
        pairs.append((ai, value))
    sequence = [ai for ai, _ in pairs]
    if not valid_dl_path(sequence):
        written = "".join(f"/{ai}/{value}" for ai, value in pairs)
        split.errors.append(
            f"GS1 Digital Link URI path {show(written, _SHOWN)} is not a primary key followed "
            f"by its qualifiers in order ({_orders(sequence[0])})"
        )
        return None
    return pairs


def _root(segments: list[str]) -> int | None:
    """Index of the rightmost primary key whose every following segment pair is an AI/value."""
    index = len(segments) - 2
    while index >= 0:
        ai = segments[index]
        if not (ai.isascii() and ai.isdigit()) or ai_spec(ai) is None:
            return None
        if ai in DL_PRIMARY_KEYS:
            return index
        index -= 2
    return None


def _orders(key: str) -> str:
    sequences = DL_PRIMARY_KEYS.get(key, ())
    if not sequences:
        return f"({key}) takes no qualifier"
    shown = " or ".join("/".join(("", key, *seq)) for seq in sequences)
    return f"the order is {shown}, each qualifier optional"


def _query_pairs(uri: str, query: str, split: Split) -> Pairs:
    pairs: Pairs = []
    for parameter in query.split("&"):
        key, equals, raw = parameter.partition("=")
        if not equals or not (key.isascii() and key.isdigit()):
            continue  # keyless and non-numeric parameters are not GS1 data
        if ai_spec(key) is None:
            split.errors.append(
                f"GS1 Digital Link URI {show(uri, _SHOWN)}: query parameter {show(key)} is "
                "numeric but not a GS1 Application Identifier"
            )
            continue
        value = unquote_plus(raw)
        if not value or "\x00" in value:
            what = "is empty" if not value else "holds a NUL character (%00)"
            split.errors.append(
                f"GS1 Digital Link URI {show(uri, _SHOWN)}: the value of {key}= in the query {what}"
            )
            continue
        pairs.append((key, value))
    return pairs


def _check_keys(uri: str, path: Pairs, query: Pairs, split: Split) -> None:
    seen: set[str] = set()
    for ai, _ in path + query:
        if ai in seen:
            split.errors.append(
                f"GS1 Digital Link URI {show(uri, _SHOWN)} gives {ai_name(ai)} more than once"
            )
        seen.add(ai)
    sequence = [ai for ai, _ in path]
    for ai, value in query:
        if not is_dl_attribute(ai):
            split.errors.append(
                f"GS1 Digital Link URI {show(uri, _SHOWN)}: {ai_name(ai)} may not be a query "
                "parameter (it is not a Digital Link data attribute)"
            )
            continue
        for position in range(1, len(sequence) + 1):
            trial = [*sequence[:position], ai, *sequence[position:]]
            if valid_dl_path(trial):
                placed = "".join(f"/{a}/{v}" for a, v in (*path[:position], (ai, value)))
                split.errors.append(
                    f"GS1 Digital Link URI {show(uri, _SHOWN)}: {ai_name(ai)} belongs in the "
                    f"path, not the query (write {show(placed, _SHOWN)})"
                )
                break
