#!/usr/bin/env bash
# make-regressions.sh: remakes the known cases of tests/fuzz/regressions/.
#
#   tests/fuzz/make-regressions.sh [DOINGOAI-CLI]
#
# DOINGOAI-CLI defaults to build-h1/src/cli/doingoai-cli, else
# build/src/cli/doingoai-cli. Needs python3, gzip and the sqlite3 shell.
#
# regress.c replays every file of regressions/<target>/ through that fuzz
# target (one subtest each, in the default `meson test`). Files ending in .gz
# are gunzipped by it first (the 1 MB inputs); a name with ".accept." must be
# accepted, one with ".refuse." refused, others may go either way as long as
# the target's invariants hold. A crash found by libFuzzer is added by
# copying its crash-* file here under a telling name (no need to edit this
# script; add it here only when it must be generated).
#
# search: ho\xff (invalid UTF-8), a lone \xc3, ", *, NEAR(, and a query of
#         100 000 characters
# import: /* " */ then 10^6 '[' and ['"',  then 10^6 '[' (json-glib 1.6 has
#         no depth limit and overflowed its stack), and tests/data/cli-small.json
#         with a budget of 1e400 (infinity), "A\u0000B" as a task title, units 1
#         and 2 each other's parent, negative ids, and "\u001f" in a title
#         (which must be accepted and exported as strict JSON)
# open:   our application id with user_version -1, and with 999; a zero-length
#         file; 100 bytes: "SQLite format 3\0" then garbage
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cli=${1:-}
if [ -z "$cli" ]; then
  for c in "$root/build-h1/src/cli/doingoai-cli" "$root/build/src/cli/doingoai-cli"; do
    [ -x "$c" ] && { cli=$c; break; }
  done
fi
[ -n "$cli" ] && [ -x "$cli" ] || { echo "make-regressions.sh: build doingoai-cli first" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=$here/regressions
mkdir -p "$out/search" "$out/import" "$out/open"

# --- search
printf 'ho\377' >"$out/search/ho-invalid-utf8.txt"
printf '\303' >"$out/search/lone-c3.txt"
printf '"' >"$out/search/quote.txt"
printf '*' >"$out/search/star.txt"
printf 'NEAR(' >"$out/search/near-paren.txt"
python3 -c '
import sys
words = "hộ chiếu đoàn ra KOICA NEAR( \"x\"* "
text = (words * (100000 // len(words) + 1))[:100000]
assert len(text) == 100000
sys.stdout.buffer.write(text.encode())' | gzip -9n >"$out/search/long-100000-characters.txt.gz"

# --- import
{ printf '/* " */'; head -c 1000000 /dev/zero | tr '\0' '['; } | gzip -9n >"$out/import/deep-comment-quote.json.gz"
{ printf "['\"', "; head -c 1000000 /dev/zero | tr '\0' '['; } | gzip -9n >"$out/import/deep-single-quote.json.gz"
python3 - "$root/tests/data/cli-small.json" "$out/import" <<'EOF'
import copy, json, sys
small = json.load(open(sys.argv[1], encoding="utf-8"))
out = sys.argv[2]
def write(name, data, replace=None):
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if replace:
        text = text.replace(*replace)
    with open(f"{out}/{name}", "w", encoding="utf-8") as f:
        f.write(text)
def variant():
    return copy.deepcopy(small)

d = variant()
d["tables"]["delegation"][0]["budget"] = 987654321
write("number-1e400.json", d, ("987654321", "1e400"))

d = variant()
d["tables"]["task"][0]["title"] = "A\u0000B"
write("title-nul.json", d)

d = variant()
units = {u["id"]: u for u in d["tables"]["unit"]}
assert units[2]["parent_id"] == 1
units[1]["parent_id"] = 2
write("unit-parent-cycle.json", d)

d = variant()
d["tables"]["task"][0]["title"] = "Rà soát\u001fhộ chiếu công vụ"
write("title-control-u001f.accept.json", d)

stamp = "2024-01-02T03:04:05Z"
write("negative-id.json", {"format": "doingoai", "version": 2, "tables": {
    "unit": [{"id": -1, "code": "AM", "name": "Trường An Hòa", "kind": "school",
              "parent_id": None, "archived": 0, "created_at": stamp}],
    "person": [{"id": -4, "family_name": "Nguyễn", "middle_name": "Văn", "given_name": "An",
                "gender": "male", "birth_date": None, "unit_id": -1, "position": "", "email": "",
                "phone": "", "created_at": stamp}],
    "task": [{"id": -3, "document_id": None, "section": "", "title": "Tập huấn an toàn",
              "description": "", "due_date": "2024-04-15", "recurrence": "none", "status": "open",
              "parent_id": None, "previous_id": None, "deleted": 0, "created_at": stamp,
              "updated_at": stamp}],
    "assignment": [{"id": -2, "task_id": -3, "unit_id": -1, "role": "lead", "due_date": "2024-04-15",
                    "status": "open", "reply_document_id": None, "reply_reference": ""}],
}})
EOF

# --- open
sqlite3 "$tmp/schema.db" 'PRAGMA page_size = 512; CREATE TABLE t(x); DROP TABLE t;'
"$cli" --db "$tmp/schema.db" init >/dev/null
[ "$(sqlite3 "$tmp/schema.db" 'PRAGMA application_id')" = "$((0x444E4731))" ]
for v in -1 999; do
  cp "$tmp/schema.db" "$tmp/v.db"
  sqlite3 "$tmp/v.db" "PRAGMA user_version = $v;"
  gzip -9nc "$tmp/v.db" >"$out/open/user-version-${v/-/minus-}.refuse.db.gz"
done
: >"$out/open/zero-length.db"
python3 -c '
import random, sys
random.seed(1)
sys.stdout.buffer.write(b"SQLite format 3\0" + bytes(random.randrange(256) for _ in range(84)))' \
  >"$out/open/header-garbage-100-bytes.refuse.db"
ls -l "$out"/*
