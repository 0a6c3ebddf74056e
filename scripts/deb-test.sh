#!/usr/bin/env bash
# The .deb package, tested the way a user gets it: bundles the already-built
# DEBUG binaries exactly as `make deb` bundles the release ones (nothing is
# compiled), checks the control file and the contents, installs it with dpkg,
# runs /usr/bin/partnernet and the window of /usr/bin/partnernet-app (Xvfb, a
# fresh HOME), checks the data went to that HOME, then removes the package.
#
#   make deb-test                       # make build, then this script
#   scripts/deb-test.sh                 # after `make build`
#   DEB_TEST_DEB=path/to.deb scripts/deb-test.sh    # test a ready package (e.g. make deb's)
#   DEB_TEST_CONFIG=other.json scripts/deb-test.sh  # another overlay than packaging/tauri.deb.json
#
# Installing and removing need root: run as root or as a user with sudo.
# Refuses to run if a `partnernet` package is already installed (it would be
# replaced and removed). Prints a PASS/FAIL line per check; exits 1 if any
# check failed, 2 if it could not run. Logs: build/deb-test/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TARGET="${CARGO_TARGET_DIR:-$HOME/.cache/partnernet/target}"
OUT="$ROOT/build/deb-test"
CONFIG="${DEB_TEST_CONFIG:-$ROOT/packaging/tauri.deb.json}"
PKG=partnernet
TITLE="Сетевое взаимодействие"
SCREEN="${DEB_TEST_SCREEN:-1280x800x24}"
WINDOW_TIMEOUT="${DEB_TEST_WINDOW_TIMEOUT:-90}"
# Listed, not a range: ranges depend on the locale's collation.
export CYRILLIC="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"

die() {
  echo "deb-test: $*" >&2
  exit 2
}

# ---- checks --------------------------------------------------------------
PASSED=0
FAILED=0
pass() {
  PASSED=$((PASSED + 1))
  echo "PASS: $*"
}
fail() {
  FAILED=$((FAILED + 1))
  echo "FAIL: $*"
}
check() { # description, command...: PASS if the command succeeds
  local what="$1"
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}
# A failed step that the rest depends on: stop here (the trap cleans up).
abort_if_failed() {
  if [[ $FAILED -gt 0 ]]; then
    echo "deb-test: FAILED ($FAILED failed, $PASSED passed); stopped at: $*" >&2
    exit 1
  fi
}
elapsed() { echo "$(($(date +%s) - $1)) s"; }

# ---- what we need --------------------------------------------------------
SUDO=""
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo"
  else
    die "installing and removing the package needs root: run as root, or as a user with sudo (sudo make deb-test)"
  fi
fi
for tool in dpkg dpkg-deb dpkg-query Xvfb xdotool; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is missing (apt-get install dpkg xvfb xdotool; or make deps)"
done
if dpkg-query -W -f='${Status}' "$PKG" 2>/dev/null | grep -q 'install ok installed'; then
  die "a '$PKG' package is already installed ($(dpkg-query -W -f='${Version}' "$PKG")); this test installs and removes its own. Remove it first: dpkg -r $PKG"
fi

mkdir -p "$OUT"
WORK="$(mktemp -d)"
chmod 755 "$WORK"
MARK="$WORK/started"
touch "$MARK"

# ---- clean-up, whatever happens ------------------------------------------
APP_PID=""
XVFB_PID=""
INSTALLED=0
stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    # setsid made the app a process-group leader: WebKit's helpers go with it.
    kill -TERM -- "-$APP_PID" 2>/dev/null || kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 25); do
      kill -0 "$APP_PID" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL -- "-$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
cleanup() {
  local rc=$?
  stop_app
  if [[ -n "$XVFB_PID" ]]; then
    kill -TERM "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
  fi
  if [[ $INSTALLED -eq 1 ]]; then
    echo "deb-test: removing the package ($PKG)"
    $SUDO dpkg -r "$PKG" >>"$OUT/dpkg.log" 2>&1 || echo "deb-test: dpkg -r $PKG failed, see $OUT/dpkg.log" >&2
  fi
  if [[ "${DEB_TEST_KEEP:-0}" = 1 ]]; then
    echo "deb-test: kept $WORK"
  else
    rm -rf "$WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- 1. the package ------------------------------------------------------
if [[ -n "${DEB_TEST_DEB:-}" ]]; then
  DEB="$(cd "$(dirname "$DEB_TEST_DEB")" && pwd)/$(basename "$DEB_TEST_DEB")"
  [[ -f "$DEB" ]] || die "no package at $DEB_TEST_DEB"
  echo "deb-test: testing the ready package $DEB"
else
  APP_BIN="$TARGET/debug/partnernet-app"
  CLI_BIN="$TARGET/debug/partnernet"
  for bin in "$APP_BIN" "$CLI_BIN"; do
    [[ -x "$bin" ]] || die "'$bin' is not built. Build first: make build (make deb-test does it)"
  done
  TAURI="$ROOT/ui/node_modules/.bin/tauri"
  [[ -x "$TAURI" ]] || die "the tauri CLI is missing ($TAURI): make deps"
  [[ -f "$CONFIG" ]] || die "no overlay config at $CONFIG"
  CONFIG="$(cd "$(dirname "$CONFIG")" && pwd)/$(basename "$CONFIG")"

  # `tauri bundle` compiles nothing, but it rewrites the main binary in place
  # (bundle-type patch, then restore), so it works on a copy in a target dir
  # of its own: the shared debug build is only read.
  STAGE="$OUT/target"
  rm -rf "$STAGE" "$OUT"/*.deb
  mkdir -p "$STAGE/debug" "$ROOT/build/deb"
  cp "$APP_BIN" "$STAGE/debug/partnernet-app"
  # packaging/tauri.deb.json maps /usr/bin/partnernet to build/deb/partnernet.
  install -m 755 "$CLI_BIN" "$ROOT/build/deb/partnernet"
  before="$(stat -c %Y "$APP_BIN" "$CLI_BIN")"

  t0=$(date +%s)
  echo "deb-test: bundling the debug build with $(basename "$CONFIG") (log: $OUT/bundle.log)"
  if (cd ui && CARGO_TARGET_DIR="$STAGE" TAURI_APP_PATH=../src-tauri \
    "$TAURI" bundle --debug --bundles deb --ci --config "$CONFIG") >"$OUT/bundle.log" 2>&1; then
    pass "tauri bundle --debug --bundles deb ($(elapsed "$t0"))"
  else
    tail -n 20 "$OUT/bundle.log" >&2
    fail "tauri bundle --debug --bundles deb (see $OUT/bundle.log)"
  fi
  abort_if_failed "bundling"
  check "bundling compiled nothing (no 'Compiling' in the log, debug binaries untouched)" \
    bash -c '! grep -q "Compiling" "$1" && [[ "$(stat -c %Y "$2" "$3")" == "$4" ]]' _ \
    "$OUT/bundle.log" "$APP_BIN" "$CLI_BIN" "$before"

  debs=("$STAGE"/debug/bundle/deb/*.deb)
  [[ ${#debs[@]} -eq 1 && -f "${debs[0]}" ]] || {
    fail "exactly one .deb in $STAGE/debug/bundle/deb (found: ${debs[*]})"
    abort_if_failed "finding the package"
  }
  cp "${debs[0]}" "$OUT/"
  DEB="$OUT/$(basename "${debs[0]}")"
  rm -rf "$STAGE"
fi
echo "deb-test: package $(basename "$DEB"), $(du -h "$DEB" | cut -f1)"

# ---- 2. control file and contents ----------------------------------------
dpkg-deb -I "$DEB" >"$OUT/control.txt" 2>&1 || true
dpkg-deb -c "$DEB" >"$OUT/contents.txt" 2>&1 || true
# Fields are read from the raw control file: dpkg-deb -f refuses a bad one
# outright, and the test should say what is wrong in it.
CONTROL="$(dpkg-deb --ctrl-tarfile "$DEB" 2>/dev/null | tar -xO --wildcards '*control' 2>/dev/null || true)"
printf '%s\n' "$CONTROL" >"$OUT/control"
field() { # the value of field $1, continuation lines without their leading space
  awk -v k="$1" '/^[^ \t]/ { f = (index($0, k ":") == 1); if (f) { sub("^[^:]*:[ \t]*", ""); print }; next }
    f { sub(/^ /, ""); print }' <<<"$CONTROL"
}
check "dpkg-deb accepts the control file" bash -c 'dpkg-deb -f "$1" Package >/dev/null 2>"$2" || { cat "$2"; false; }' _ "$DEB" "$OUT/dpkg-deb-f.err"

check "file name is ${PKG}_<version>_<arch>.deb: $(basename "$DEB")" \
  bash -c '[[ "$1" =~ ^partnernet_[0-9][0-9A-Za-z.+~-]*_[a-z0-9]+\.deb$ ]]' _ "$(basename "$DEB")"
check "Package: $PKG (got '$(field Package)')" test "$(field Package)" = "$PKG"
VERSION="$(sed -n 's/^  "version": "\(.*\)",$/\1/p' tauri.conf.json)"
check "Version: $VERSION (got '$(field Version)')" test "$(field Version)" = "$VERSION"

DEPENDS="$(field Depends)"
mapfile -t deps < <(tr ',' '\n' <<<"$DEPENDS" | sed 's/^ *//; s/ *$//' | sed '/^$/d')
dups="$(printf '%s\n' "${deps[@]}" | sed 's/ *(.*//' | sort | uniq -d | tr '\n' ' ')"
check "Depends lists each package once: $DEPENDS" test -z "$dups"
for dep in libwebkit2gtk-4.1-0 libgtk-3-0; do
  check "Depends has $dep" bash -c 'printf "%s\n" "${@:2}" | sed "s/ *(.*//" | grep -qx "$1"' _ "$dep" "${deps[@]}"
done

DESCRIPTION="$(field Description)"
SYNOPSIS="$(head -n 1 <<<"$DESCRIPTION")"
LONG="$(tail -n +2 <<<"$DESCRIPTION")"
check "Description synopsis is Russian: $SYNOPSIS" \
  bash -c '[[ -n "$1" && "$1" != "(none)" ]] && grep -q "[$CYRILLIC]" <<<"$1"' _ "$SYNOPSIS"
check "long Description is a real Russian text ($(wc -l <<<"$LONG") lines, no '(none)')" \
  bash -c '! grep -q "(none)" <<<"$1" && [[ $(grep -c "[$CYRILLIC]" <<<"$1") -ge 3 ]]' _ "$LONG"

CONTENTS="$(awk '{print $NF}' "$OUT/contents.txt" | sed 's#^\./##')"
for f in usr/bin/partnernet usr/bin/partnernet-app usr/share/applications/partnernet.desktop; do
  check "package contains /$f" grep -qx "$f" <<<"$CONTENTS"
done
for f in usr/bin/partnernet usr/bin/partnernet-app; do
  check "/$f is executable (-rwxr-xr-x)" \
    bash -c 'grep -E "^-rwxr-xr-x .* (\./)?$1\$" "$2" >/dev/null' _ "$f" "$OUT/contents.txt"
done
check "package contains an icon usr/share/icons/hicolor/*/apps/partnernet-app.png" \
  grep -q '^usr/share/icons/hicolor/.*/apps/partnernet-app\.png$' <<<"$CONTENTS"
check "exactly one .desktop file" test "$(grep -c '\.desktop$' <<<"$CONTENTS")" -eq 1

DESKTOP="$(dpkg-deb --fsys-tarfile "$DEB" | tar -xO --wildcards '*usr/share/applications/*.desktop' 2>/dev/null || true)"
printf '%s\n' "$DESKTOP" >"$OUT/menu-entry.desktop"
desktop_key() { sed -n "s/^$1=//p" <<<"$DESKTOP" | head -n 1; }
check "menu entry Name=$TITLE (got '$(desktop_key Name)')" test "$(desktop_key Name)" = "$TITLE"
for key in GenericName Comment; do
  check "menu entry $key is Russian: $(desktop_key "$key")" \
    bash -c 'grep -q "[$CYRILLIC]" <<<"$1"' _ "$(desktop_key "$key")"
done
check "menu entry Categories has Education and Office: $(desktop_key Categories)" \
  bash -c '[[ ";$1" == *";Education;"* && ";$1" == *";Office;"* ]]' _ "$(desktop_key Categories)"
check "menu entry Exec=partnernet-app, Icon=partnernet-app" \
  test "$(desktop_key Exec) $(desktop_key Icon)" = "partnernet-app partnernet-app"
if command -v desktop-file-validate >/dev/null 2>&1; then
  check "desktop-file-validate accepts the menu entry" desktop-file-validate "$OUT/menu-entry.desktop"
fi
abort_if_failed "the package's metadata"

# ---- 3. install ----------------------------------------------------------
t0=$(date +%s)
INSTALLED=1
: >"$OUT/dpkg.log"
if ! $SUDO dpkg -i "$DEB" >>"$OUT/dpkg.log" 2>&1; then
  echo "deb-test: dpkg -i failed; apt-get install -f for the dependencies" | tee -a "$OUT/dpkg.log"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -f -y >>"$OUT/dpkg.log" 2>&1 || true
fi
if dpkg-query -W -f='${Status}' "$PKG" 2>/dev/null | grep -q 'install ok installed'; then
  pass "dpkg -i: $PKG $(dpkg-query -W -f='${Version}' "$PKG") installed ($(elapsed "$t0"))"
else
  tail -n 20 "$OUT/dpkg.log"
  fail "dpkg -i: $PKG is not installed (see $OUT/dpkg.log)"
fi
abort_if_failed "installing"
for f in /usr/bin/partnernet /usr/bin/partnernet-app; do
  check "$f installed and executable" test -x "$f"
done
check "/usr/share/applications/partnernet.desktop installed" test -f /usr/share/applications/partnernet.desktop

# ---- 4. the command line -------------------------------------------------
CLI_DATA="$WORK/cli-data"
check "partnernet --help" bash -c '/usr/bin/partnernet --help >"$1" 2>&1 && grep -q demo "$1"' _ "$OUT/cli-help.txt"
check "partnernet --data-dir TMP demo" bash -c '/usr/bin/partnernet --data-dir "$1" demo >"$2" 2>&1' _ "$CLI_DATA" "$OUT/cli-demo.txt"
check "the demo database is in TMP: $CLI_DATA/partnernet.sqlite3" test -s "$CLI_DATA/partnernet.sqlite3"
check "partnernet partners list reads it back" \
  bash -c '[[ $(/usr/bin/partnernet --data-dir "$1" partners list | wc -l) -ge 1 ]]' _ "$CLI_DATA"

# ---- 5. the window -------------------------------------------------------
DISPLAY_FILE="$WORK/display"
Xvfb -displayfd 9 -screen 0 "$SCREEN" -nolisten tcp -noreset 9>"$DISPLAY_FILE" >"$OUT/xvfb.log" 2>&1 </dev/null &
XVFB_PID=$!
for _ in $(seq 1 100); do
  [[ -s "$DISPLAY_FILE" ]] && break
  kill -0 "$XVFB_PID" 2>/dev/null || break
  sleep 0.1
done
[[ -s "$DISPLAY_FILE" ]] || {
  cat "$OUT/xvfb.log" >&2
  die "Xvfb did not start"
}
DISPLAY=":$(tr -dc '0-9' <"$DISPLAY_FILE")"
export DISPLAY

APP_HOME="$WORK/home"
RUNTIME_DIR="$WORK/runtime"
mkdir -p "$APP_HOME" "$RUNTIME_DIR"
chmod 700 "$RUNTIME_DIR"
t0=$(date +%s)
# A user who never ran it: a fresh HOME, no overrides of the data folders.
env -u PARTNERNET_DATA_DIR -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME -u WAYLAND_DISPLAY \
  HOME="$APP_HOME" XDG_RUNTIME_DIR="$RUNTIME_DIR" DISPLAY="$DISPLAY" \
  GDK_BACKEND=x11 WEBKIT_DISABLE_DMABUF_RENDERER=1 LIBGL_ALWAYS_SOFTWARE=1 NO_AT_BRIDGE=1 \
  setsid /usr/bin/partnernet-app >"$OUT/app.log" 2>&1 </dev/null &
APP_PID=$!

WID=""
for _ in $(seq 1 $((WINDOW_TIMEOUT * 2))); do
  WID="$(xdotool search --name "^${TITLE}\$" 2>/dev/null | head -n 1 || true)"
  [[ -n "$WID" ]] && break
  kill -0 "$APP_PID" 2>/dev/null || break
  sleep 0.5
done
if [[ -n "$WID" ]]; then
  pass "window '$TITLE' of /usr/bin/partnernet-app appeared ($(elapsed "$t0"))"
else
  tail -n 20 "$OUT/app.log"
  fail "no window '$TITLE' within ${WINDOW_TIMEOUT} s (app log: $OUT/app.log)"
fi
abort_if_failed "starting the app"
check "window title is exactly '$TITLE' (got '$(xdotool getwindowname "$WID" 2>/dev/null)')" \
  test "$(xdotool getwindowname "$WID" 2>/dev/null)" = "$TITLE"
check "window class is partnernet-app (StartupWMClass of the menu entry)" \
  bash -c 'xdotool search --classname "^partnernet-app\$" 2>/dev/null | grep -qx "$1"' _ "$WID"
echo "deb-test: $(xdotool getwindowgeometry "$WID" 2>/dev/null | tr '\n' ' ')"

DATA_FILE="$APP_HOME/.local/share/partnernet/partnernet.sqlite3"
for _ in $(seq 1 20); do
  [[ -s "$DATA_FILE" ]] && break
  sleep 0.5
done
check "the app's database is in the user's HOME: ~/.local/share/partnernet/partnernet.sqlite3" test -s "$DATA_FILE"
check "nothing written under /usr or /opt" \
  bash -c '[[ -z "$(find /usr /opt -xdev -newer "$1" \( -name "*.sqlite3*" -o -name "ru.partnernet.app" \) -print -quit 2>/dev/null)" ]]' _ "$MARK"
(cd "$APP_HOME" && find . -mindepth 1 -maxdepth 3 | sort) >"$OUT/home-after-start.txt"
echo "deb-test: written to the fresh HOME: $(grep -c . "$OUT/home-after-start.txt") entries, see $OUT/home-after-start.txt"

sleep 3
# A screenshot when xwd (x11-apps) is there; PNG if ImageMagick can convert it.
rm -f "$OUT"/screen.*
if command -v xwd >/dev/null 2>&1 && xwd -root -silent >"$OUT/screen.xwd" 2>/dev/null; then
  if command -v convert >/dev/null 2>&1 && convert "xwd:$OUT/screen.xwd" "$OUT/screen.png" 2>/dev/null; then
    rm -f "$OUT/screen.xwd"
  fi
  echo "deb-test: screenshot $(ls "$OUT"/screen.*)"
fi
check "the app is still running 3 s after its window appeared" kill -0 "$APP_PID"
check "no panic or error in the app's output" bash -c '! grep -Eiq "panick|error" "$1"' _ "$OUT/app.log"
stop_app
kill -TERM "$XVFB_PID" 2>/dev/null || true
wait "$XVFB_PID" 2>/dev/null || true
XVFB_PID=""

# ---- 6. remove -----------------------------------------------------------
if $SUDO dpkg -r "$PKG" >>"$OUT/dpkg.log" 2>&1; then
  INSTALLED=0
  pass "dpkg -r $PKG"
else
  fail "dpkg -r $PKG (see $OUT/dpkg.log)"
fi
for f in /usr/bin/partnernet-app /usr/bin/partnernet /usr/share/applications/partnernet.desktop; do
  check "$f is gone" test ! -e "$f"
done
check "$PKG is no longer installed" \
  bash -c '! dpkg-query -W -f="\${Status}" "$1" 2>/dev/null | grep -q "install ok installed"' _ "$PKG"

if [[ $FAILED -gt 0 ]]; then
  echo "deb-test: FAILED ($FAILED failed, $PASSED passed)"
  exit 1
fi
echo "deb-test: all $PASSED checks passed"
