#!/usr/bin/env bash
# Installs the Debian packages the test suite needs when they are absent: Chromium for the
# end-to-end tests (Playwright never downloads a browser here), tshark to check our pcapng
# files, and CJK fonts so Chinese labels render in screenshots.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v tshark >/dev/null 2>&1 || need+=(tshark)
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=''
[ "$(id -u)" -eq 0 ] || sudo='sudo'
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
