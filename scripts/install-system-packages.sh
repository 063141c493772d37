#!/bin/sh
# Installs the Debian packages the test suite needs, once: each entry is "command:package",
# and a package is installed only when its command is missing.
# The IMAP tests run their own private Dovecot on a free port; the packaged service is kept
# from starting during the install (policy-rc.d) and stopped if it was already running.
# Tesseract reads scanned PDFs and images (tesseract-ocr brings the English model).
# Chromium runs the browser tests headless (Playwright drives /usr/bin/chromium; nothing is
# downloaded at test time).
set -eu

NEEDED="dovecot:dovecot-imapd tesseract:tesseract-ocr soffice:libreoffice-writer-nogui chromium:chromium"

missing=""
for entry in $NEEDED; do
    command_name=${entry%%:*}
    package=${entry#*:}
    if ! command -v "$command_name" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$command_name" ]; then
        missing="$missing $package"
    fi
done
[ -n "$missing" ] || exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

POLICY=/usr/sbin/policy-rc.d
if [ ! -e "$POLICY" ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$POLICY" >/dev/null
    $SUDO chmod +x "$POLICY"
    trap '$SUDO rm -f "$POLICY"' EXIT
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086 # the package list is meant to split into words
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null

if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    $SUDO systemctl disable --now dovecot.service dovecot.socket >/dev/null 2>&1 || true
fi
