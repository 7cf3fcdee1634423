#!/usr/bin/env python3
# check-po.py: the translations cover the program
#
#   check-po.py SOURCE_ROOT
#
# Fails when a source file with translatable strings (_(), N_(), C_(),
# ngettext, translatable="yes") is not listed in po/POTFILES.in (its strings
# would never reach the translators), when POTFILES.in lists a file that is
# gone, or when po/vi.po leaves a message of the program untranslated or
# fuzzy (xgettext reads the listed files afresh: the template in the tree
# may be old).
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import shutil
import subprocess
import sys
import tempfile

root = sys.argv[1]
marks = re.compile(r'\b(?:_|N_|C_|NC_|ngettext|g_dngettext)\s*\(|translatable="yes"')
listed = []
with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith('#'):
            listed.append(line)
failures = []
for path in listed:
    if not os.path.isfile(os.path.join(root, path)):
        failures.append(f'po/POTFILES.in lists {path}, which does not exist')
for folder in ('src',):
    for dirpath, _, names in os.walk(os.path.join(root, folder)):
        for name in names:
            if not name.endswith(('.c', '.ui')):
                continue
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, root)
            with open(full, encoding='utf-8') as f:
                text = f.read()
            if name.endswith('.c'):
                # comments and the gettext macros' own definitions do not count
                text = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
                text = re.sub(r'^#\s*define.*$', '', text, flags=re.M)
            if marks.search(text) and rel not in listed:
                failures.append(f'{rel} has translatable strings but is not in po/POTFILES.in')

if shutil.which('xgettext') is None or shutil.which('msgmerge') is None:
    print('1..0 # SKIP gettext tools not found')
    sys.exit(0 if not failures else 1)
with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, 'doingoai.pot')
    c_files = [p for p in listed if p.endswith('.c')]
    other = [p for p in listed if not p.endswith('.c')]
    subprocess.run(['xgettext', '--from-code=UTF-8', '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2',
                    '--keyword=NC_:1c,2', '--keyword=ngettext:1,2', '--add-comments', '-o', pot,
                    '--directory', root] + c_files, check=True)
    for path in other:
        subprocess.run(['xgettext', '--from-code=UTF-8', '-j', '-o', pot, '--directory', root, path], check=True)
    merged = os.path.join(tmp, 'vi.po')
    subprocess.run(['msgmerge', '-q', '--no-fuzzy-matching', os.path.join(root, 'po', 'vi.po'), pot, '-o', merged],
                   check=True)
    for attribute, what in (('--untranslated', 'untranslated'), ('--only-fuzzy', 'fuzzy')):
        out = subprocess.run(['msgattrib', attribute, '--no-obsolete', merged], check=True,
                             capture_output=True, text=True).stdout
        for entry in re.split(r'\n\n', out):
            m = re.search(r'^msgid ((?:".*"\n?)+)', entry, flags=re.M)
            if m is None:
                continue
            text = ''.join(re.findall(r'"(.*)"', m.group(1)))
            if text:
                failures.append(f'po/vi.po: {what}: "{text}"')

print('1..1')
if failures:
    for failure in failures:
        print('# ' + failure)
    print('not ok 1 - translations cover the program')
    sys.exit(1)
print('ok 1 - translations cover the program')
