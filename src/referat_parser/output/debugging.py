"""``referat debug --stage NAME FILE``: print one stage's value, for field debugging (like jc -r)."""

from __future__ import annotations

from collections.abc import Callable

from ..check import assemble
from ..diagnostics import Diagnostics
from ..extract import metadata
from ..layout import outline
from ..lines import Line, split_lines
from ..pipeline import parse_bytes, text_lines
from ..read import noise
from ..read.decode import decode, normalise


def _lines(lines: list[Line]) -> str:
    return "\n".join(f"{ln.no:>5} p{ln.page or '-'} | {ln.text}" for ln in lines)


def _segment(lines: list[Line], diags: Diagnostics) -> str:
    shape = outline.segment(lines)
    out = [f"header: lines {[ln.no for ln in shape.header if not ln.blank]}"]
    out.append(f"toc: {len(shape.toc)} entries, lines {[ln.no for ln in shape.toc_lines]}")
    for item in shape.items:
        body = [ln.no for ln in item.body if not ln.blank]
        span = f"{body[0]}-{body[-1]}" if body else "-"
        out.append(f"item {item.number} {item.title!r} case={item.case_number} body={span}")
    out.append(f"rest: {len([ln for ln in shape.rest if not ln.blank])} lines")
    return "\n".join(out)


def _extract(lines: list[Line], diags: Diagnostics) -> str:
    shape = outline.segment(lines, diags)
    meta = metadata.read_metadata(shape.header, diags)
    built = assemble.build_body(shape, meta, diags)
    out = [f"meta: {meta}"]
    for number, _, blocks, _ in built.item_blocks:
        for bd in blocks:
            nos = [ln.no for ln in bd.lines if not ln.blank]
            out.append(
                f"item {number} {bd.kind:<16} heading={bd.heading and bd.heading.no} {nos[:1]}..{nos[-1:]}"
            )
    return "\n".join(out)


def stage_dump(data: bytes, stage: str) -> str:
    diags = Diagnostics()
    stages: dict[str, Callable[[], str]] = {
        "decode": lambda: decode(data, diags)[0],
        "normalise": lambda: normalise(decode(data, diags)[0]),
        "lines": lambda: _lines(split_lines(normalise(decode(data, diags)[0]))),
        "furniture": lambda: _lines(text_lines(decode(data, diags)[0], diags)),
        "noise": lambda: _lines(noise.clean_lines(split_lines(normalise(decode(data, diags)[0])))),
        "segment": lambda: _segment(text_lines(decode(data, diags)[0], diags), diags),
        "extract": lambda: _extract(text_lines(decode(data, diags)[0], diags), diags),
        "people": lambda: "\n".join(p.model_dump_json() for p in parse_bytes(data).participants),
        "validate": lambda: parse_bytes(data).model_dump_json(indent=2, by_alias=True),
    }
    return stages[stage]()
