#!/usr/bin/env bash
# Phoney beside Python Faker and Mimesis, in one run: the same fixtures (simple, person, nested; the same fields, to
# NDJSON, seeded) with each peer and with the `phoney` CLI (one thread and all threads); prints records/s, peak RSS,
# start-up time and the ratios ours ÷ theirs. The measuring is scripts/bench_peers.py; this makes its virtualenv.
#
#   scripts/bench-peers.sh                                   # .build/release/phoney, table on standard output
#   scripts/bench-peers.sh --phoney PATH --markdown Benchmarks/peers.md
#   scripts/bench-peers.sh --faker-count 2000 --mimesis-count 20000 --phoney-count 500000 --repeats 3
#
# The virtualenv is .build-tools/peers-venv (gitignored), with the pinned versions below; only pip reaches the
# network, and only when the virtualenv lacks them. Takes about two minutes with the default counts.
set -euo pipefail
cd "$(dirname "$0")/.."

# Change these on purpose, with the reason in the commit message.
readonly faker_version="40.63.0"
readonly mimesis_version="22.2.0"

case "${1:-}" in
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
esac

venv=".build-tools/peers-venv"
python="$venv/bin/python"
if ! "$python" -c "import faker, mimesis, sys; sys.exit(faker.VERSION != '$faker_version' or mimesis.__version__ != '$mimesis_version')" 2>/dev/null; then
    echo "bench-peers: installing Faker $faker_version and Mimesis $mimesis_version into $venv" >&2
    [ -x "$python" ] || python3 -m venv "$venv"
    "$python" -m pip install --quiet --disable-pip-version-check "faker==$faker_version" "mimesis==$mimesis_version" >&2
fi

exec "$python" scripts/bench_peers.py bench --python "$python" --command "scripts/bench-peers.sh $*" "$@"
