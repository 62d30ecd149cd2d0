#!/usr/bin/env bash
# Shared by run.sh and test.sh: installs missing Debian packages and builds the project.
#   source scripts/setup.sh; vc_install_packages PKG...; vc_build BUILD_DIR [CMAKE_ARGS...]
set -euo pipefail

VC_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# What building and running the product needs on Debian 12.
VC_BUILD_PACKAGES=(
    g++ cmake ninja-build ccache pkgconf
    qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
    libqt6sql6-sqlite libsqlite3-dev
    libssl-dev libphonenumber-dev libmicrohttpd-dev libcurl4-openssl-dev libtcmalloc-minimal4
    libespeak-ng-dev espeak-ng-data
)

vc_say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Installs the packages that are not installed yet: with apt-get as root, through sudo when
# that works without a password prompt we cannot answer, else explains what to install.
vc_install_packages() {
    local missing=()
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
            || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    vc_say "Installing ${missing[*]}"
    local apt=(env DEBIAN_FRONTEND=noninteractive apt-get)
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            apt=(sudo DEBIAN_FRONTEND=noninteractive apt-get)
        else
            echo "These packages are missing and I cannot install them (not root, no sudo):" >&2
            echo "  ${missing[*]}" >&2
            echo "Install them as root with:" >&2
            echo "  apt-get install ${missing[*]}" >&2
            exit 1
        fi
    fi
    "${apt[@]}" update -qq
    "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}"
}

# Configures (once) and builds into BUILD_DIR with Ninja.
vc_build() {
    local dir="$1"
    shift
    if [ ! -f "$dir/build.ninja" ]; then
        cmake -S "$VC_ROOT" -B "$dir" -G Ninja "$@" >/dev/null
    else
        cmake "$dir" "$@" >/dev/null
    fi
    cmake --build "$dir" -j "$(nproc)"
}
