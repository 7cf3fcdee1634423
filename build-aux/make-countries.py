#!/usr/bin/env python3
# make-countries.py: the country list compiled into the core library
#
#   make-countries.py ISO_3166-1.JSON VI.MO OUTPUT.tsv
#
# Reads the ISO 3166-1 list of iso-codes (its JSON file) and the Vietnamese
# names of its translation (the iso_3166-1 domain's vi .mo file) and writes
# one line per country, sorted by code:
#
#   CODE<TAB>Vietnamese name<TAB>English name<TAB>other names
#
# The English name is iso-codes' common name when it has one ("South
# Korea"), else its name. The Vietnamese name is the translation of the
# common name when iso-codes translates it, else the translation of the
# name, else the English name; the OVERRIDES below replace it for the
# countries the education departments deal with most, where iso-codes'
# translation is not what Vietnamese official documents write. "Other
# names" (separated by " | ", possibly empty) are only searched: the
# replaced translation ("Mỹ", "Căm Bốt") and the English official name when
# it differs ("Korea, Republic of").
#
# Python 3 standard library only.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import gettext
import json
import sys
import unicodedata

# Country names as Vietnamese state documents write them (the forms the
# Ministry of Foreign Affairs uses), where iso-codes' Vietnamese translation
# differs. The reason is beside each one.
OVERRIDES = {
    # pre-1975 southern names, no longer used in official writing
    'KR': 'Hàn Quốc',           # iso-codes: "Cộng hoà Nam Hàn"
    'KP': 'Triều Tiên',         # iso-codes: "Bắc Hàn, Cộng hoà Nhân dân Dân chủ"
    'KH': 'Campuchia',          # iso-codes: "Căm Bốt"
    'ID': 'In-đô-nê-xi-a',      # iso-codes: "Nam Dương"
    'NL': 'Hà Lan',             # iso-codes: "Hoà Lan"
    'IE': 'Ai-len',             # iso-codes: "Ái Nhĩ Lan"
    'LK': 'Xri Lan-ca',         # iso-codes: "Tích Lan"
    'MM': 'Mi-an-ma',           # iso-codes: "Miến Điện" (the name before 1989)
    'IR': 'I-ran',              # iso-codes: "Ba Tư, Cộng hoà Hồi giáo"
    'IL': 'I-xra-en',           # iso-codes: "Do Thái" (the people, not the state)
    # the short name officials use, not a colloquial or a formal one
    'LA': 'Lào',                # iso-codes: "Cộng hoà Nhân dân Dân chủ Lào"
    'US': 'Hoa Kỳ',             # iso-codes: "Mỹ" (colloquial)
    'GB': 'Vương quốc Anh',     # iso-codes: "Vương Quốc Anh Thống Nhất"
    'JP': 'Nhật Bản',           # iso-codes: "Nhật" (colloquial)
    'RU': 'Liên bang Nga',      # iso-codes: "Liên Bang Nga" (capitals)
    'BN': 'Bru-nây',            # iso-codes: "Bợru-này Đa-ru-xa-làm"
    # misspelt or odd transliterations in iso-codes
    'AT': 'Áo',                 # iso-codes: "Ao" (the tone mark lost)
    'IN': 'Ấn Độ',              # iso-codes: "Ấn-độ"
    'PH': 'Phi-líp-pin',        # iso-codes: "Phi-li-pi-nợ"
    'TL': 'Đông Ti-mo',         # iso-codes: "Thi-moa Le-xợ-te"
    'NZ': 'Niu Di-lân',         # iso-codes: "Niu Xi-lân"
    'AU': 'Ô-xtrây-li-a',       # iso-codes: "Úc" (colloquial; kept for the search)
    'SA': 'Ả Rập Xê Út',        # iso-codes: "A-rập Xau-đi"
    'AE': 'Các Tiểu vương quốc Ả Rập Thống nhất',  # iso-codes: "Các Tiểu Vương Quốc A-rập Thống Nhất"
    # not translated by iso-codes
    'CZ': 'Séc',                # iso-codes: "Czechia"
    'TR': 'Thổ Nhĩ Kỳ',         # iso-codes: "Türkiye"
    # territories: official documents name them as part of China
    'TW': 'Đài Loan (Trung Quốc)',   # iso-codes: "Đài Loan"
    'HK': 'Hồng Kông (Trung Quốc)',  # iso-codes: "Hông Kông" (tone mark lost)
    'MO': 'Ma Cao (Trung Quốc)',     # iso-codes: "Ma-cao"
}


def clean(text):
    """NFC, one line, no tab: the file's separators stay unambiguous."""
    text = unicodedata.normalize('NFC', text)
    return ' '.join(text.replace('\t', ' ').split())


def main(argv):
    if len(argv) != 4:
        sys.stderr.write('usage: make-countries.py ISO_3166-1.JSON VI.MO OUTPUT.tsv\n')
        return 2
    json_path, mo_path, out_path = argv[1:]

    with open(json_path, encoding='utf-8') as f:
        entries = json.load(f)['3166-1']
    with open(mo_path, 'rb') as f:
        vi = gettext.GNUTranslations(f)

    unknown = set(OVERRIDES) - {e['alpha_2'] for e in entries}
    if unknown:
        sys.stderr.write('make-countries.py: overrides of unknown codes: %s\n' % ', '.join(sorted(unknown)))
        return 1

    lines = []
    for entry in sorted(entries, key=lambda e: e['alpha_2']):
        code = entry['alpha_2']
        name = entry['name']
        common = entry.get('common_name')
        english = common or name

        translated = None
        if common and vi.gettext(common) != common:
            translated = vi.gettext(common)
        elif vi.gettext(name) != name:
            translated = vi.gettext(name)

        others = []
        vietnamese = OVERRIDES.get(code) or translated or english
        if translated and translated != vietnamese:
            others.append(translated)
        if english != name:
            others.append(name)

        if len(code) != 2 or not code.isascii() or not code.isupper():
            sys.stderr.write('make-countries.py: odd code %r\n' % code)
            return 1
        lines.append('\t'.join([code, clean(vietnamese), clean(english),
                                ' | '.join(clean(o) for o in others)]))

    with open(out_path, 'w', encoding='utf-8', newline='\n') as f:
        f.write('\n'.join(lines) + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
