#!/usr/bin/env bash
# End-to-end tests of the real PartnerNet window: Xvfb + tauri-driver +
# WebKitWebDriver, tests in e2e/*.test.mjs on node's own test runner.
#
#   scripts/e2e.sh [APP_BINARY]
#   E2E_TESTS=e2e/dialogs.test.mjs scripts/e2e.sh   # only some test files
#
# APP_BINARY defaults to $E2E_APP, else $CARGO_TARGET_DIR/debug/partnernet-app
# (CARGO_TARGET_DIR defaulting to ~/.cache/partnernet/target). Screenshots,
# failure reports and the driver/app log go to build/e2e/. Exits with the
# tests' exit code.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

OUT="$ROOT/build/e2e"
TARGET="${CARGO_TARGET_DIR:-$HOME/.cache/partnernet/target}"
APP="${1:-${E2E_APP:-$TARGET/debug/partnernet-app}}"
SCREEN="${E2E_SCREEN:-1280x800x24}"

die() {
  echo "e2e: $*" >&2
  exit 2
}

# ---- what we need --------------------------------------------------------
[[ -f "$APP" ]] || die "the app binary '$APP' does not exist. Build it first:
  (cd ui && npm run build) && cargo build -p partnernet-app --features custom-protocol
or pass its path: scripts/e2e.sh path/to/partnernet-app"
[[ -x "$APP" ]] || die "'$APP' is not executable"
APP="$(cd "$(dirname "$APP")" && pwd)/$(basename "$APP")"

find_tool() { # name, extra candidates...
  local name="$1" c
  shift
  if command -v "$name" >/dev/null 2>&1; then
    command -v "$name"
    return 0
  fi
  for c in "$@"; do
    if [[ -x "$c" ]]; then
      echo "$c"
      return 0
    fi
  done
  return 1
}

XVFB="$(find_tool Xvfb)" || die "Xvfb is missing (apt-get install xvfb xauth)"
DRIVER="$(find_tool tauri-driver "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver")" ||
  die "tauri-driver is missing (cargo install tauri-driver --locked)"
# shellcheck disable=SC2211
WKWD="$(find_tool WebKitWebDriver /usr/lib/*/webkit2gtk-4.1/WebKitWebDriver /usr/libexec/webkit2gtk-4.1/WebKitWebDriver)" ||
  die "WebKitWebDriver is missing (apt-get install webkit2gtk-driver)"
NODE="$(find_tool node)" || die "node is missing"
find_tool xdotool >/dev/null || die "xdotool is missing (apt-get install xdotool): the native dialogs are driven with it"

mkdir -p "$OUT"
rm -f "$OUT"/failure-*.png "$OUT"/failure-*.txt "$OUT"/step-*.png "$OUT/main-window.png"
LOG="$OUT/tauri-driver.log" # tauri-driver, WebKitWebDriver and the app's own output
: >"$LOG"

# ---- clean-up, whatever happens ------------------------------------------
XVFB_PID=""
DRIVER_PID=""
RUNTIME_DIR=""
cleanup() {
  local rc=$?
  # tauri-driver runs in its own process group with WebKitWebDriver and the app.
  if [[ -n "$DRIVER_PID" ]] && kill -0 "$DRIVER_PID" 2>/dev/null; then
    kill -TERM -- "-$DRIVER_PID" 2>/dev/null || kill -TERM "$DRIVER_PID" 2>/dev/null || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      kill -0 "$DRIVER_PID" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL -- "-$DRIVER_PID" 2>/dev/null || true
  fi
  if [[ -n "$XVFB_PID" ]]; then
    kill -TERM "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
  fi
  [[ -n "${DBUS_PID:-}" ]] && { kill -TERM "$DBUS_PID" 2>/dev/null || true; }
  if [[ -n "$RUNTIME_DIR" ]]; then
    # GTK's file dialog may start the document portal on the session bus,
    # which mounts a FUSE folder `doc` here: unmount it before removing.
    if [[ -d "$RUNTIME_DIR/doc" ]]; then
      fusermount -uz "$RUNTIME_DIR/doc" 2>/dev/null || umount -l "$RUNTIME_DIR/doc" 2>/dev/null || true
    fi
    rm -rf "$RUNTIME_DIR" 2>/dev/null || echo "e2e: could not remove $RUNTIME_DIR" >&2
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- a free display ----------------------------------------------------------
# -displayfd lets Xvfb pick a free display and tell us its number.
DISPLAY_FILE="$(mktemp)"
"$XVFB" -displayfd 9 -screen 0 "$SCREEN" -nolisten tcp -noreset 9>"$DISPLAY_FILE" >"$OUT/xvfb.log" 2>&1 </dev/null &
XVFB_PID=$!
for _ in $(seq 1 100); do
  [[ -s "$DISPLAY_FILE" ]] && break
  kill -0 "$XVFB_PID" 2>/dev/null || { cat "$OUT/xvfb.log" >&2; die "Xvfb did not start"; }
  sleep 0.1
done
[[ -s "$DISPLAY_FILE" ]] || die "Xvfb did not report a display within 10 s"
export DISPLAY=":$(tr -dc '0-9' <"$DISPLAY_FILE")"
rm -f "$DISPLAY_FILE"

# A session without a desktop: give GTK/WebKit what they expect.
RUNTIME_DIR="$(mktemp -d)"
chmod 700 "$RUNTIME_DIR"
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$RUNTIME_DIR}"
export GDK_BACKEND=x11
export NO_AT_BRIDGE=1
export WEBKIT_DISABLE_DMABUF_RENDERER=1
export LIBGL_ALWAYS_SOFTWARE=1
unset WAYLAND_DISPLAY
# A session bus, as on a desktop: the app's single-instance check (one
# window per data folder) finds the running app over it.
if [[ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]] && command -v dbus-daemon >/dev/null 2>&1; then
  DBUS_INFO="$(dbus-daemon --session --fork --nopidfile --print-address=1 --print-pid=1)"
  DBUS_SESSION_BUS_ADDRESS="$(sed -n 1p <<<"$DBUS_INFO")"
  export DBUS_SESSION_BUS_ADDRESS
  DBUS_PID="$(sed -n 2p <<<"$DBUS_INFO")"
fi
# The system's "open with" is a recording stand-in (e2e/bin/xdg-open): the
# tests see what the app asked to open, and no viewer starts.
export PATH="$ROOT/e2e/bin:$PATH"
export E2E_OPENED_LOG="$OUT/opened.log"
: >"$E2E_OPENED_LOG"

# ---- free ports ----------------------------------------------------------
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT="${E2E_PORT:-4444}"
while port_open "$PORT" || port_open "$((PORT + 1))"; do PORT=$((PORT + 2)); done
NATIVE_PORT=$((PORT + 1))

# ---- tauri-driver (→ WebKitWebDriver → the app) ---------------------------
setsid "$DRIVER" --port "$PORT" --native-port "$NATIVE_PORT" --native-driver "$WKWD" >>"$LOG" 2>&1 </dev/null &
DRIVER_PID=$!

# tauri-driver answers before WebKitWebDriver listens: wait for both.
for _ in $(seq 1 150); do
  port_open "$PORT" && port_open "$NATIVE_PORT" && break
  kill -0 "$DRIVER_PID" 2>/dev/null || { cat "$LOG" >&2; die "tauri-driver exited"; }
  sleep 0.2
done
port_open "$PORT" || { cat "$LOG" >&2; die "tauri-driver is not listening on $PORT after 30 s"; }
port_open "$NATIVE_PORT" || { cat "$LOG" >&2; die "WebKitWebDriver is not listening on $NATIVE_PORT after 30 s"; }

echo "e2e: app $APP"
echo "e2e: display $DISPLAY, tauri-driver :$PORT, WebKitWebDriver :$NATIVE_PORT, output $OUT"

# ---- the tests -----------------------------------------------------------
set +e
E2E_APP="$APP" E2E_DRIVER_URL="http://127.0.0.1:$PORT" E2E_OUT="$OUT" \
  "$NODE" --test --test-concurrency=1 --test-timeout="${E2E_TEST_TIMEOUT_MS:-120000}" ${E2E_TESTS:-e2e/*.test.mjs} </dev/null
RC=$?
set -e

if [[ $RC -ne 0 ]]; then
  echo "e2e: FAILED (exit $RC). Screenshots and page texts: $OUT/failure-*; driver and app log: $LOG" >&2
  ls "$OUT" >&2 || true
else
  echo "e2e: passed; screenshot of the main window: $OUT/main-window.png"
fi
exit "$RC"
