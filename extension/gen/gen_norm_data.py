#!/usr/bin/env python3
"""Generate extension/core/ar_norm_data.c, the normalizer's code point table.

Run from the repository root:  python3 extension/gen/gen_norm_data.py
The output is committed; CI never runs this script.  Facts come from the
Unicode Character Database as shipped with Python's unicodedata module
(its version is written into the output header).  Each entry says which
rule owns a code point and what it becomes when that rule is on.
"""
import sys
import unicodedata as ud

# Rule ids; must match ArNormRule in ar_normalize.h.
RULES = ["presentation", "compose", "tatweel", "invisible", "spaces",
         "linebreaks", "harakat", "alef", "alef_maqsura", "teh_marbuta",
         "hamza", "persian", "digits", "punctuation", "casefold"]
R = {name: i for i, name in enumerate(RULES)}

MAP, DROP, SPACE, NEWLINE = range(4)
KIND = ["AR_NK_MAP", "AR_NK_DROP", "AR_NK_SPACE", "AR_NK_NEWLINE"]

entries = {}


def add(cp, rule, kind, repl=""):
    if cp in entries:
        sys.exit("code point U+%04X claimed by %s and %s"
                 % (cp, RULES[entries[cp][0]], rule))
    entries[cp] = (R[rule], kind, repl)


def rng(a, b):
    return range(a, b + 1)


ARABIC_BLOCKS = [rng(0x0600, 0x06FF), rng(0x0750, 0x077F),
                 rng(0x0870, 0x089F), rng(0x08A0, 0x08FF)]

# Spaces and line breaks (rule "spaces"; "linebreaks" turns NEWLINE into SPACE).
for cp in [0x0009, 0x0020, 0x00A0, 0x1680, 0x202F, 0x205F, 0x3000] + list(rng(0x2000, 0x200A)):
    add(cp, "spaces", SPACE)
for cp in [0x000A, 0x000B, 0x000C, 0x000D, 0x0085, 0x2028, 0x2029]:
    add(cp, "spaces", NEWLINE)

# Invisible format characters and stray controls.
invisible = [0x00AD, 0x061C, 0x180E, 0xFEFF] + list(rng(0x200B, 0x200F)) + \
    list(rng(0x202A, 0x202E)) + list(rng(0x2060, 0x2064)) + list(rng(0x2066, 0x206F)) + \
    list(rng(0x0001, 0x0008)) + list(rng(0x000E, 0x001F)) + [0x007F] + \
    [cp for cp in rng(0x0080, 0x009F) if cp != 0x0085] + \
    [0xE0001] + list(rng(0xE0020, 0xE007F))
for cp in invisible:
    add(cp, "invisible", DROP)

add(0x0640, "tatweel", DROP)

# Arabic marks: every nonspacing mark of the Arabic blocks, plus the small
# waw/yeh letters and the end-of-ayah sign that sit among them in U+06D6-06ED.
for block in ARABIC_BLOCKS:
    for cp in block:
        if ud.category(chr(cp)) == "Mn":
            add(cp, "harakat", DROP)
for cp in [0x06DD, 0x06E5, 0x06E6]:
    add(cp, "harakat", DROP)

for cp in [0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673, 0x0675]:
    add(cp, "alef", MAP, "\u0627")
add(0x0649, "alef_maqsura", MAP, "\u064A")
add(0x0629, "teh_marbuta", MAP, "\u0647")
# One hamza policy: a hamza on waw or yeh (and the high hamza) becomes the
# bare hamza, so the Egyptian مسئول/شئون and the Gulf مسؤول/شؤون meet.
for cp in [0x0624, 0x0626, 0x0674, 0x0676, 0x0678]:
    add(cp, "hamza", MAP, "\u0621")

persian = {
    0x06CC: 0x064A, 0x06CD: 0x064A, 0x06CE: 0x064A, 0x06D0: 0x064A,
    0x06D1: 0x064A, 0x06D2: 0x064A, 0x06D3: 0x0626,
    0x06A9: 0x0643, 0x06AA: 0x0643, 0x06AB: 0x0643, 0x06AC: 0x0643,
    0x06AD: 0x0643, 0x06AE: 0x0643, 0x06AF: 0x0643,
    0x06BE: 0x0647, 0x06C0: 0x0647, 0x06C1: 0x0647, 0x06C2: 0x0647,
    0x06D5: 0x0647, 0x06C3: 0x0629,
    0x067E: 0x0628, 0x0686: 0x062C, 0x0698: 0x0632, 0x06A4: 0x0641,
    0x06A8: 0x0642,
}
for cp, to in persian.items():
    add(cp, "persian", MAP, chr(to))

for i in range(10):
    add(0x0660 + i, "digits", MAP, str(i))
    add(0x06F0 + i, "digits", MAP, str(i))

punct = {0x060C: ",", 0x061B: ";", 0x061F: "?", 0x066A: "%", 0x066B: ".",
         0x066C: ",", 0x066D: "*", 0x06D4: "."}
for cp, to in punct.items():
    add(cp, "punctuation", MAP, to)

# Presentation forms and Arabic mathematical letters: NFKC, i.e. the
# compatibility decomposition recomposed, so ﻷ becomes لأ and not لا + U+0654.
# Isolated forms of marks decompose to SPACE + mark; the space is dropped.
for cp in list(rng(0xFB50, 0xFDFF)) + list(rng(0xFE70, 0xFEFE)) + list(rng(0x1EE00, 0x1EEFF)):
    ch = chr(cp)
    if ud.category(ch) == "Cn":
        continue
    to = ud.normalize("NFKC", ch)
    if to == ch:
        continue
    if to.startswith(" ") and all(ud.category(c) == "Mn" for c in to[1:]):
        to = to[1:]
    add(cp, "presentation", MAP, to)

# Latin, Greek and Cyrillic letters to their case folding.
for block in [rng(0x0041, 0x005A), rng(0x00C0, 0x024F), rng(0x0370, 0x052F), rng(0x1E00, 0x1EFF)]:
    for cp in block:
        ch = chr(cp)
        if ud.category(ch) == "Cn" or cp in entries:
            continue
        to = ch.casefold()
        if to != ch:
            add(cp, "casefold", MAP, to)

# Canonical compositions with the hamza and madda marks (U+0653-0655).
compose = []
for cp in list(rng(0x0600, 0x06FF)):
    d = ud.decomposition(chr(cp))
    if d and not d.startswith("<"):
        parts = [int(x, 16) for x in d.split()]
        if len(parts) == 2 and 0x0653 <= parts[1] <= 0x0655:
            compose.append((parts[0], parts[1], cp))


def chains(repl):
    return any(ord(c) in entries for c in repl)


def worst(s, depth=0):
    """Longest UTF-8 output of s over every subset of rules."""
    if depth > 4:
        sys.exit("replacement chain too deep")
    n = 0
    for c in s:
        own = len(c.encode())
        e = entries.get(ord(c))
        if e and e[1] == MAP:
            own = max(own, worst(e[2], depth + 1))
        n += own
    return n


pool = bytearray()
rows = []
maxemit = 4
for cp in sorted(entries):
    rule, kind, repl = entries[cp]
    b = repl.encode()
    off = len(pool)
    pool += b
    maxemit = max(maxemit, worst(repl) if kind == MAP else 0)
    rows.append("\t{0x%05X, AR_NR_%s, %s, %d, %d, %d},"
                % (cp, RULES[rule].upper(), KIND[kind],
                   1 if kind == MAP and chains(repl) else 0, off, len(b)))

pages = [0] * 64
for cp in entries:
    if cp < 0x20000:
        pages[cp >> 11] |= 1 << ((cp >> 8) & 7)

out = []
out.append("/*\n * ar_norm_data.c\n *\t\tCode point table of the normalizer (generated).\n *")
out.append(" * Generated by extension/gen/gen_norm_data.py from Unicode %s; do not edit." % ud.unidata_version)
out.append(" * Server-independent; no PostgreSQL headers.\n */")
out.append('#include "ar_norm_data.h"\n#include "ar_normalize.h"\n')
out.append("const ArNormEntry ar_norm_entries[] = {")
out += rows
out.append("};\n")
out.append("const size_t ar_norm_nentries = %d;\n" % len(rows))
out.append("const unsigned char ar_norm_pool[] = {")
for i in range(0, len(pool), 16):
    out.append("\t" + ", ".join("0x%02X" % x for x in pool[i:i + 16]) + ",")
out.append("};\n")
out.append("const unsigned char ar_norm_pages[64] = {")
for i in range(0, 64, 16):
    out.append("\t" + ", ".join("0x%02X" % x for x in pages[i:i + 16]) + ",")
out.append("};\n")
out.append("const ArNormCompose ar_norm_compose[] = {")
for base, mark, to in compose:
    out.append("\t{0x%04X, 0x%04X, 0x%04X}," % (base, mark, to))
out.append("};\n")
out.append("const size_t ar_norm_ncompose = %d;" % len(compose))
open("extension/core/ar_norm_data.c", "w").write("\n".join(out) + "\n")
print("entries %d, pool %d bytes, worst emit %d bytes, compositions %d"
      % (len(rows), len(pool), maxemit, len(compose)))
if maxemit > 60:
    sys.exit("AR_NORM_MAX_EMIT in ar_norm_data.h is too small")
