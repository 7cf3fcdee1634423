#!/usr/bin/env bash
# make-corpus.sh: remakes the generated seeds of tests/fuzz/corpus/.
#
#   tests/fuzz/make-corpus.sh [DOINGOAI-CLI]
#
# DOINGOAI-CLI defaults to build-h1/src/cli/doingoai-cli, else
# build/src/cli/doingoai-cli. Needs python3 and the sqlite3 shell.
#
# corpus/import/  demo-export.json (`doingoai-cli demo` then `export`),
#                 cli-small.json (tests/data) and small hand-made variants
# corpus/search/  typical queries, typed with and without accents (kept by
#                 hand, not remade here)
# corpus/open/    databases with 512-byte pages (small files, same structure):
#                 the demo data, tests/data/cli-small.json, the bare schema,
#                 truncated copies and damaged variants
#
# Keep the corpus small (well under 2 MB): libFuzzer reads it at every run.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cli=${1:-}
if [ -z "$cli" ]; then
  for c in "$root/build-h1/src/cli/doingoai-cli" "$root/build/src/cli/doingoai-cli"; do
    [ -x "$c" ] && { cli=$c; break; }
  done
fi
[ -n "$cli" ] && [ -x "$cli" ] || { echo "make-corpus.sh: build doingoai-cli first" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A database with 512-byte pages: an SQLite file without tables is set up
# like a new one, and keeps its page size.
new_db() {
  rm -f "$1" "$1-wal" "$1-shm"
  sqlite3 "$1" 'PRAGMA page_size = 512; CREATE TABLE t(x); DROP TABLE t;'
}

# --- import
out=$here/corpus/import
mkdir -p "$out"
"$cli" --db "$tmp/demo.db" demo >/dev/null
"$cli" --db "$tmp/demo.db" export "$out/demo-export.json" >/dev/null
cp "$root/tests/data/cli-small.json" "$out/cli-small.json"
python3 - "$out" <<'EOF'
import json, sys
out = sys.argv[1]
def write(name, text):
    with open(f"{out}/{name}", "w", encoding="utf-8") as f:
        f.write(text)
def export(tables, version=2):
    return json.dumps({"format": "doingoai", "version": version, "tables": tables},
                      ensure_ascii=False, indent=1) + "\n"
unit = {"id": 1, "code": "SGD", "name": "Sở Giáo dục và Đào tạo", "kind": "department",
        "parent_id": None, "archived": 0, "created_at": "2024-01-02T03:04:05Z"}
task = {"id": 1, "document_id": None, "section": "I.1", "title": "Rà soát hộ chiếu công vụ",
        "description": "", "due_date": "2024-04-15", "recurrence": "none", "status": "open",
        "parent_id": None, "previous_id": None, "deleted": 0,
        "created_at": "2024-01-02T03:04:05Z", "updated_at": "2024-01-02T03:04:05Z"}
lead = {"id": 1, "task_id": 1, "unit_id": 1, "role": "lead", "due_date": "2024-04-15",
        "status": "open", "reply_document_id": None, "reply_reference": ""}
write("empty-tables.json", export({}))
write("one-unit.json", export({"unit": [unit]}))
write("one-task.json", export({"unit": [unit], "task": [task], "assignment": [lead]}))
write("wrong-version.json", export({"unit": [unit]}, version=1))
# json-glib 1.6 reads comments and single-quoted strings, which the import
# must refuse (strict JSON): seeds for that path
write("comment.json", "/* Đối Ngoại */\n" + export({"unit": [unit]}))
write("single-quotes.json", "{'format': 'doingoai', 'version': 2, 'tables': {'unit': []}}\n")
EOF
# the assignment's columns must be the schema's: check the hand-made seeds
for f in one-unit one-task; do
  rm -f "$tmp/check.db"*
  "$cli" --db "$tmp/check.db" import "$out/$f.json" >/dev/null
done

# --- open
out=$here/corpus/open
mkdir -p "$out"
rm -f "$out"/*.db
new_db "$tmp/demo-512.db"
"$cli" --db "$tmp/demo-512.db" demo >/dev/null
cp "$tmp/demo-512.db" "$out/demo-512.db"
new_db "$tmp/small.db"
"$cli" --db "$tmp/small.db" import "$root/tests/data/cli-small.json" >/dev/null
cp "$tmp/small.db" "$out/small-512.db"
new_db "$tmp/schema.db"
"$cli" --db "$tmp/schema.db" init >/dev/null
cp "$tmp/schema.db" "$out/schema-only-512.db"
for n in 100 512 1024 4096 32768; do
  head -c "$n" "$tmp/small.db" >"$out/small-truncated-$n.db"
done
# damaged: an older version (the migration runs again and fails), rollback
# journal instead of WAL, another program's application id
cp "$tmp/small.db" "$tmp/v1.db"
sqlite3 "$tmp/v1.db" 'PRAGMA user_version = 1;'
cp "$tmp/v1.db" "$out/small-user-version-1.db"
cp "$tmp/small.db" "$tmp/journal.db"
sqlite3 "$tmp/journal.db" 'PRAGMA journal_mode = DELETE;' >/dev/null
cp "$tmp/journal.db" "$out/small-journal-delete.db"
cp "$tmp/small.db" "$tmp/other.db"
sqlite3 "$tmp/other.db" 'PRAGMA application_id = 1;'
cp "$tmp/other.db" "$out/small-other-application.db"
for f in "$out"/*.db; do
  [ ! -e "$f-wal" ] && [ ! -e "$f-shm" ] || { echo "make-corpus.sh: $f has a -wal/-shm file" >&2; exit 1; }
done
du -sh "$here/corpus"
