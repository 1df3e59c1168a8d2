#!/usr/bin/env bash
# Points the `live` alias of a stage back to the previous version, or to the given one, and checks it.
#
# Usage: scripts/rollback.sh STAGE [VERSION] [--force] [--wait-timeout SECONDS]
#
#   STAGE     dev, staging or prod (the stack Phoney-STAGE gives the function, alias and CodeDeploy group)
#   VERSION   a published version number; refused, with nothing changed, when it does not exist. Without it:
#             when the alias is mid-shift (weighted), the version it is shifting from; otherwise the version the
#             last successful CodeDeploy deployment moved it from, or else the highest published version below it.
#   --force   move the alias even when a CodeDeploy deployment is under way and cannot be stopped
#
# A CodeDeploy deployment under way is first stopped with auto-rollback (CodeDeploy itself puts the alias back), since
# it would otherwise move the alias again at its next traffic step. When the stop fails (no permission, or a local moto
# server, which does not serve StopDeployment), nothing is changed and the exit status is 3, unless --force.
#
# Needs AWS credentials and a region (AWS_PROFILE or AWS_* variables), python3 and boto3. The steps are
# scripts/release.py's `rollback`, the same code the tests run against moto. Prints the function ARN, the version, the
# alias target and the URL. Exit codes: 0 done, 1 AWS error, 2 refused (unknown stage, missing version, nothing to
# roll back to, no credentials), 3 a deployment under way could not be stopped.
set -euo pipefail

usage() {
    sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
}

fail() {
    local code="$1"
    shift
    echo "rollback: error: $*" >&2
    exit "$code"
}

stage=""
version=""
extra=()
while [ "$#" -gt 0 ]; do
    case "$1" in
        --force) extra+=(--force); shift ;;
        --wait-timeout) extra+=(--wait-timeout "${2:-}"); shift 2 ;;
        --poll) extra+=(--poll "${2:-}"); shift 2 ;;
        -h | --help) usage; exit 0 ;;
        -*) usage >&2; fail 2 "unknown option '$1'" ;;
        *)
            if [ -z "$stage" ]; then stage="$1"
            elif [ -z "$version" ]; then version="$1"
            else usage >&2; fail 2 "unexpected argument '$1'"
            fi
            shift ;;
    esac
done

case "$stage" in
    dev | staging | prod) ;;
    "") usage >&2; fail 2 "STAGE is required (dev, staging or prod)" ;;
    *) fail 2 "unknown stage '$stage' (dev, staging or prod)" ;;
esac
if [ -n "$version" ]; then
    [[ "$version" =~ ^[1-9][0-9]*$ ]] || fail 2 "'$version' is not a published version number (1, 2, ...)"
    extra+=(--version "$version")
fi

cd "$(dirname "$0")/.."
python="${PHONEY_PYTHON:-python3}"
"$python" -c 'import boto3' 2>/dev/null || fail 2 "boto3 is missing: $python -m pip install boto3"

echo "== rollback: Phoney-$stage${version:+ to version $version}"
exec "$python" scripts/release.py rollback --stage "$stage" "${extra[@]}"
