#!/usr/bin/env bash
# Load and soak of `phoney serve`: wrk over a mix of routes (bulk, streams, fake, validate, token, errors, a
# rate-limited client) for N minutes in one-minute slices; p50/p99 per minute, the server's RSS every 5 s.
# The measuring is scripts/soak.py (its docstring says what fails the run). Builds nothing: it runs the given binary.
#
#   scripts/soak.sh                                   # 5 minutes, 256 connections, 2 wrk threads
#   scripts/soak.sh --minutes 5 --connections 1000
#   scripts/soak.sh --phoney /tmp/soak-bin/phoney --minutes 1 --slice-seconds 20 --json-out /tmp/soak.json
#
# Options: --minutes N, --connections N, --threads N, --phoney PATH (default .build/release/phoney), and
# soak.py's own (--slice-seconds, --sample-seconds, --timeout, --rate-limit, --p99-ratio, --rss-growth-mib,
# --json-out). Not part of scripts/test.sh: it runs for minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

case " $* " in
    *" -h "* | *" --help "*) exec python3 scripts/soak.py --help ;;
esac

if ! command -v wrk >/dev/null 2>&1; then
    echo "== installing wrk" >&2
    if ! apt-get install -y -qq wrk >/dev/null 2>&1; then
        apt-get update -qq && apt-get install -y -qq wrk
    fi
fi
command -v python3 >/dev/null 2>&1 || { echo "soak: python3 is needed" >&2; exit 1; }

# 1,000 connections need 1,000 descriptors in wrk and as many in the server (which inherits this limit), plus
# their own files: raise the soft limit to the hard one, at most 65536.
hard=$(ulimit -Hn)
if [[ "$hard" == "unlimited" || "$hard" -gt 65536 ]]; then hard=65536; fi
if [[ "$(ulimit -Sn)" != "unlimited" && "$(ulimit -Sn)" -lt "$hard" ]]; then
    ulimit -Sn "$hard"
fi

exec python3 scripts/soak.py "$@"
