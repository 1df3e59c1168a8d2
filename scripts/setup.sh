#!/usr/bin/env bash
# Installs the system packages Phoney builds and tests against (Debian/Ubuntu). Safe to run again: it only installs what is
# missing. Needs root or sudo for apt-get.
set -euo pipefail

need=()
pkg-config --exists jemalloc 2>/dev/null || need+=(libjemalloc-dev)
[ -f /usr/include/crypt.h ] || need+=(libcrypt-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
# Used by the test suite and the Lambda packaging script.
command -v shellcheck >/dev/null 2>&1 || need+=(shellcheck)
command -v zip >/dev/null 2>&1 || need+=(zip)
command -v valgrind >/dev/null 2>&1 || need+=(valgrind)
command -v advzip >/dev/null 2>&1 || need+=(advancecomp)

if [ "${#need[@]}" -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "setup: installing ${need[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
