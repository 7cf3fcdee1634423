#!/usr/bin/env python3
# End-to-end test through AT-SPI, as a screen reader or a person sees the app:
# starts `doingoai --db` on a temporary demo database in Vietnamese
# (LANG=vi_VN.UTF-8), checks that every button, drop-down, list and overview
# card has a name of its own (not empty, not a GTK type name, no mnemonic
# underscore, not said twice, not GTK's English "Sidebar"), opens "Nhiệm vụ",
# types "bao cao" in the task search and expects tasks titled "Báo cáo…";
# then checks that no visible text is an English message left untranslated;
# opens "Hộ chiếu", types "tran duc an" in its search and expects the
# passports of "Trần Đức Ân" alone, every button and list there named.
#
# Usage: e2e-atspi.py DOINGOAI DOINGOAI-CLI VI.PO
# Exit 77 (skip) without a display, python3-gi's Atspi or the vi_VN.UTF-8
# locale.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata


def skip(reason):
    # build-aux/dev test brings everything needed: a skip there is an error
    if os.environ.get("DN_TEST_NO_SKIP"):
        print(f"Bail out! {reason} (DN_TEST_NO_SKIP is set)")
        sys.exit(1)
    print(f"SKIP: {reason}")
    sys.exit(77)


def log(message):
    print(f"# {message}", flush=True)


if not os.environ.get("DISPLAY"):
    skip("no display")
try:
    import gi
    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi
except (ImportError, ValueError) as error:
    skip(f"python3-gi with Atspi is missing ({error})")
locales = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower()
if "vi_vn.utf8" not in locales and "vi_vn.utf-8" not in locales:
    skip("the vi_VN.UTF-8 locale is not installed")

app_path, cli_path, po_path = sys.argv[1:4]


def read_po(path):
    """msgid → msgstr for the translated messages (plural forms included)."""
    entries, msgid, msgstr, field = {}, None, None, None

    def unquote(text):
        return bytes(text[1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")

    def flush():
        if msgid and msgstr:
            entries[msgid] = msgstr

    with open(path, encoding="utf-8") as po:
        for line in po:
            line = line.strip()
            if line.startswith("msgid "):
                flush()
                msgid, msgstr, field = unquote(line[6:]), None, "id"
            elif line.startswith("msgid_plural "):
                field = "plural"
            elif line.startswith("msgstr ") or line.startswith("msgstr[0] "):
                msgstr, field = unquote(line.split(" ", 1)[1]), "str"
            elif line.startswith("msgstr["):
                field = None
            elif line.startswith('"'):
                if field == "id":
                    msgid += unquote(line)
                elif field == "str":
                    msgstr += unquote(line)
        flush()
    return entries


translations = read_po(po_path)
if len(translations) < 50:
    print(f"FAIL: po/vi.po has only {len(translations)} translations")
    sys.exit(1)


def tr(msgid):
    return translations.get(msgid, msgid).replace("_", "")


def fold(text):
    text = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


tmp = tempfile.mkdtemp(prefix="doingoai-e2e-")
db = os.path.join(tmp, "demo.db")
subprocess.run([cli_path, "--db", db, "demo"], check=True, capture_output=True)

env = dict(os.environ)
for name in ("GTK_A11Y", "NO_AT_BRIDGE", "LANGUAGE", "LC_MESSAGES"):
    env.pop(name, None)
env.update(LANG="vi_VN.UTF-8", LC_ALL="vi_VN.UTF-8", GSETTINGS_BACKEND="memory", GSK_RENDERER="cairo")
app = subprocess.Popen([app_path, "--db", db], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)

failures = []


def check(condition, message):
    print(("PASS: " if condition else "FAIL: ") + message, flush=True)
    if not condition:
        failures.append(message)


def walk(node, depth=0, limit=40):
    if node is None or depth > limit:
        return
    yield node
    try:
        count = node.get_child_count()
    except Exception:
        return
    for i in range(min(count, 400)):
        try:
            child = node.get_child_at_index(i)
        except Exception:
            continue
        yield from walk(child, depth + 1, limit)


def showing(node):
    # GTK 4.8 sets "visible" (not "showing") on what is not hidden
    try:
        return node.get_state_set().contains(Atspi.StateType.VISIBLE)
    except Exception:
        return False


def selected(node):
    try:
        return node.get_state_set().contains(Atspi.StateType.SELECTED)
    except Exception:
        return False


def name_of(node):
    try:
        return node.get_name() or ""
    except Exception:
        return ""


NAMED_ROLES = {Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON, Atspi.Role.COMBO_BOX, Atspi.Role.CHECK_BOX,
               Atspi.Role.RADIO_BUTTON, Atspi.Role.LIST, Atspi.Role.LIST_BOX, Atspi.Role.TABLE,
               Atspi.Role.TREE_TABLE}


def naming_problem(node):
    """Why the name of a control would not do for a screen reader, or None."""
    try:
        role = node.get_role()
    except Exception:
        return None
    if role not in NAMED_ROLES:
        return None
    name = name_of(node).strip()
    if not name or re.fullmatch(r"Gtk[A-Za-z]+", name):
        return "no name"
    if name in ("Sidebar", "Expand", "Collapse"):
        return "GTK's English name"
    if role in (Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON, Atspi.Role.CHECK_BOX) and "_" in name:
        return "mnemonic underscore"
    words = name.replace("…", "").split()
    for k in range(1, len(words)):
        if words[k:] == words[:len(words) - k] and words[k] == words[0]:
            return "said twice"
    return None


def find_app(pid, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            child = desktop.get_child_at_index(i)
            try:
                if child is not None and child.get_process_id() == pid and child.get_child_count() > 0:
                    return child
            except Exception:
                pass
        time.sleep(0.3)
    return None


def find(root, predicate, timeout=10):
    end = time.time() + timeout
    while time.time() < end:
        for node in walk(root):
            if predicate(node):
                return node
        time.sleep(0.3)
    return None


def activate(node):
    """Selects a row (Selection of its parent), or runs its first action."""
    target = node
    for _ in range(4):
        parent = target.get_parent()
        if parent is None:
            break
        selection = parent.get_selection_iface() if hasattr(parent, "get_selection_iface") else None
        if selection is not None:
            try:
                index = target.get_index_in_parent()
                if Atspi.Selection.select_child(parent, index):
                    return True
            except Exception:
                pass
        action = target.get_action_iface() if hasattr(target, "get_action_iface") else None
        if action is not None:
            try:
                for i in range(Atspi.Action.get_n_actions(target)):
                    if Atspi.Action.get_action_name(target, i) in ("click", "activate", "press", "select"):
                        if Atspi.Action.do_action(target, i):
                            return True
            except Exception:
                pass
        target = parent
    return False


def type_text(node, text):
    try:
        if node.get_editable_text_iface() is not None:
            Atspi.EditableText.set_text_contents(node, text)
            return True
    except Exception:
        pass
    if shutil.which("xdotool"):
        Atspi.Component.grab_focus(node)
        subprocess.run(["xdotool", "type", "--delay", "30", text], check=False)
        return True
    return False


try:
    application = find_app(app.pid)
    check(application is not None, "the application appears on the accessibility bus")
    if application is None:
        raise SystemExit

    frame = find(application, lambda n: n.get_role() == Atspi.Role.FRAME, timeout=20)
    check(frame is not None, "the main window is shown")

    # every section's widgets are on the bus, shown or not: their names
    overdue = re.compile(re.escape(tr("Overdue tasks")) + r": \d+")
    end = time.time() + 10
    while time.time() < end and not any(overdue.fullmatch(name_of(n)) for n in walk(frame)):
        time.sleep(0.3)
    check(any(overdue.fullmatch(name_of(n)) and n.get_role() == Atspi.Role.PUSH_BUTTON for n in walk(frame)),
          "the overview's card is named by its title and its count")
    bad = sorted({f"{n.get_role_name()} “{name_of(n)}”: {why}"
                  for n in walk(frame) for why in [naming_problem(n)] if why})
    check(not bad, "every button, drop-down, list and card is named" + (f": {bad[:12]}" if bad else ""))

    tasks_name = tr("Tasks")
    section = find(frame, lambda n: name_of(n) == tasks_name and showing(n))
    check(section is not None, f"the sidebar offers “{tasks_name}”")
    check(section is not None and activate(section), f"“{tasks_name}” can be opened")
    row = section.get_parent() if section is not None else None
    end = time.time() + 5
    while row is not None and not selected(row) and time.time() < end:
        time.sleep(0.2)
    check(row is not None and selected(row), f"“{tasks_name}” is the section shown")

    search_name = tr("Search tasks")
    entry = find(frame, lambda n: name_of(n) == search_name and showing(n), timeout=10)
    check(entry is not None, f"the task list shows its search field “{search_name}”")
    if entry is not None:
        check(type_text(entry, "bao cao"), "“bao cao” typed in the search field")

    def titles():
        return [name_of(n) for n in walk(frame) if showing(n) and name_of(n)]

    found = []
    end = time.time() + 15
    while time.time() < end and not found:
        found = [t for t in titles() if t.startswith("Báo cáo")]
        time.sleep(0.5)
    check(len(found) > 0, f"tasks titled “Báo cáo…” are listed ({len(found)} seen)")
    unrelated = [t for t in titles() if t.startswith("Triển khai") or t.startswith("Tuyên truyền")]
    check(not unrelated, "tasks without “báo cáo” are filtered out" + (f": {unrelated[:3]}" if unrelated else ""))

    english = {msgid.replace("_", ""): msgstr for msgid, msgstr in translations.items() if msgid != msgstr}
    visible = set(titles())
    left = sorted(text for text in visible if text in english and text != english[text].replace("_", ""))
    check(not left, "every visible label is Vietnamese" + (f"; English left: {left[:10]}" if left else ""))

    # The passports: the section opened from the sidebar, its search field
    # and its list found by their names, a holder searched without accents
    # (the demo's Trần Đức Ân has B2205169 and the cancelled B1603274).
    passports_name = tr("Passports")
    sidebar = find(frame, lambda n: name_of(n) == tr("Sections"), timeout=5) or frame
    section = find(sidebar, lambda n: name_of(n) == passports_name and showing(n)
                   and n.get_role() not in NAMED_ROLES)
    check(section is not None, f"the sidebar offers “{passports_name}”")
    check(section is not None and activate(section), f"“{passports_name}” can be opened")
    row = section.get_parent() if section is not None else None
    end = time.time() + 5
    while row is not None and not selected(row) and time.time() < end:
        time.sleep(0.2)
    check(row is not None and selected(row), f"“{passports_name}” is the section shown")

    search_name = tr("Search passports")
    entry = find(frame, lambda n: name_of(n) == search_name and showing(n), timeout=10)
    check(entry is not None, f"the passports section shows its search field “{search_name}”")
    table = find(frame, lambda n: name_of(n) == passports_name and showing(n)
                 and n.get_role() in (Atspi.Role.TABLE, Atspi.Role.TREE_TABLE, Atspi.Role.LIST,
                                      Atspi.Role.LIST_BOX), timeout=10)
    check(table is not None, f"the passports section shows its list “{passports_name}”")

    # the section: the nearest node holding both the search field and the list
    page = frame
    if entry is not None and table is not None:
        above = []
        node = entry
        while node is not None:
            above.append(node)
            node = node.get_parent()
        node = table
        while node is not None and node not in above:
            node = node.get_parent()
        page = node if node is not None else frame
    check(page is not frame, f"the search field and the list are in one section ({page.get_role_name()})")

    def page_texts():
        return [name_of(n) for n in walk(page) if showing(n) and name_of(n)]

    end = time.time() + 15
    while time.time() < end and "B1708412" not in page_texts():
        time.sleep(0.5)
    check("B1708412" in page_texts(), "before the search, every passport is listed (Phạm Văn Ấn's B1708412 seen)")
    if entry is not None:
        check(type_text(entry, "tran duc an"), "“tran duc an” typed in the search field")
    others = ["B1708412", "B2210346", "B2404087", "C7715920"]
    end = time.time() + 15
    texts = page_texts()
    while time.time() < end and ("B2205169" not in texts or "B1603274" not in texts
                                 or any(o in texts for o in others)):
        time.sleep(0.5)
        texts = page_texts()
    check("B2205169" in texts and "B1603274" in texts,
          "both passports of “Trần Đức Ân” are listed (B2205169, B1603274)")
    check(any(t == "Trần Đức Ân" for t in texts), "their holder is shown as “Trần Đức Ân”")
    shown = [o for o in others if o in texts]
    check(not shown, "other holders' passports are filtered out" + (f": {shown}" if shown else ""))

    controls = [n for n in walk(page) if n.get_role() in NAMED_ROLES]
    check(len(controls) >= 5, f"the passports section has its buttons and list on the bus ({len(controls)} seen)")
    bad = sorted({f"{n.get_role_name()} “{name_of(n)}”: {why}"
                  for n in controls for why in [naming_problem(n)] if why})
    check(not bad, "every button and list of the passports section is named" + (f": {bad[:12]}" if bad else ""))
    left = sorted(text for text in set(page_texts())
                  if text in english and text != english[text].replace("_", ""))
    check(not left, "every visible label of the passports section is Vietnamese"
          + (f"; English left: {left[:10]}" if left else ""))
finally:
    app.terminate()
    try:
        app.wait(timeout=10)
    except subprocess.TimeoutExpired:
        app.kill()

# The language preference: Tiếng Việt chosen on a system in English.
config = os.path.join(tmp, "config")
os.makedirs(os.path.join(config, "glib-2.0", "settings"))
with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as keyfile:
    keyfile.write("[io/github/doingoai/DoiNgoai]\nlanguage='vi'\nlast-section='tasks'\n")
env_en = dict(env)
env_en.update(LANG="C.UTF-8", LC_ALL="C.UTF-8", GSETTINGS_BACKEND="keyfile", XDG_CONFIG_HOME=config)
app = subprocess.Popen([app_path, "--db", db], env=env_en, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
try:
    application = find_app(app.pid)
    frame = find(application, lambda n: n.get_role() == Atspi.Role.FRAME, timeout=20) if application else None
    search = find(frame, lambda n: name_of(n) == tr("Search tasks"), timeout=10) if frame else None
    check(search is not None, "with the preference set to Tiếng Việt, an English system shows Vietnamese")
finally:
    app.terminate()
    try:
        app.wait(timeout=10)
    except subprocess.TimeoutExpired:
        app.kill()
    shutil.rmtree(tmp, ignore_errors=True)

print(f"{len(failures)} check(s) failed" if failures else "all checks passed")
sys.exit(1 if failures else 0)
