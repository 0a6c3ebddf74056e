#!/usr/bin/env bash
# Installs what PartnerNet needs to build, run and test, and only what is
# missing: Debian/Ubuntu packages, tauri-driver, the UI's npm packages.
# Works as root or as a user with sudo. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

APT_PACKAGES=(
  # Tauri 2 on Linux
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev build-essential pkg-config libssl-dev
  # end-to-end tests of the real window
  xvfb xauth webkit2gtk-driver
  # driving the native file dialogs as windows in e2e
  xdotool
  # another X window (xmessage) and the window tree (xwininfo): the e2e
  # test that a second start brings the running window to the front
  x11-utils
  # a session bus for the single-instance check in e2e
  dbus-daemon
  # D-Bus and GLib for Python: e2e/notification_server.py, the stand-in
  # notification server that prints the day's reminder in e2e
  python3-dbus python3-gi
  # reading PDFs back in tests
  poppler-utils qpdf
  # DOCX drafts converted back to PDF in tests
  libreoffice-writer-nogui
  # real .xls and .ods files made from XLSX for the import tests
  libreoffice-calc-nogui
  # .ics exports parsed by a standard iCalendar parser in tests
  python3-icalendar
  # the UI build
  nodejs npm
  curl ca-certificates
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    # node/npm may come from elsewhere (nvm, nodesource): accept any on PATH.
    if { [ "$pkg" = nodejs ] && command -v node >/dev/null; } ||
       { [ "$pkg" = npm ] && command -v npm >/dev/null; }; then
      continue
    fi
    missing+=("$pkg")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> apt: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 18 ]; then
  echo "Нужен Node.js 18 или новее, а установлен $(node --version)." >&2
  exit 1
fi

if ! command -v cargo >/dev/null; then
  echo "Нужен Rust (cargo): установите его через rustup и запустите команду снова." >&2
  exit 1
fi

if ! command -v tauri-driver >/dev/null && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "==> cargo install tauri-driver"
  cargo install tauri-driver --locked --version '^2'
fi

# The fuzz targets (make fuzz, and the smoke run of make test) on stable Rust.
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "==> cargo install cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

# npm ci fails here on other platforms' optional binaries: use npm install
# with the committed lock file, and only when something changed.
stamp=ui/node_modules/.partnernet-installed
if [ ! -f "$stamp" ] || [ ui/package-lock.json -nt "$stamp" ] || [ ui/package.json -nt "$stamp" ]; then
  echo "==> npm install (ui)"
  (cd ui && npm install --no-audit --no-fund)
  touch "$stamp"
fi
