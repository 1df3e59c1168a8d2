#!/usr/bin/env bash
# The release tooling, exercised offline (no AWS, no network but pip):
#   1. scripts/test-deployment.sh against `phoney serve` on a free 127.0.0.1 port, with a known password (its bcrypt
#      hash from `phoney hash-password`): the whole contract with login, then without credentials (that part must be
#      reported as skipped), and twice where it must fail (a wrong password; nothing listening);
#   2. deploy/aws/tests/test_release.py: scripts/release.py, rollback.sh and deploy.sh's refusals against a moto
#      server on loopback (versions, a weighted alias mid-canary, rollback, the refusals, a CodeDeploy deployment);
#   3. scripts/deploy.sh STAGE --dry-run with the zip, smoke-testing the local server, with no AWS credentials at all
#      (scripts/check-cdk.sh runs inside it), and the release plan of every stage's synthesised template.
#
# Usage: scripts/check-release.sh [--zip PATH] [--skip-dry-run]
#   --zip PATH      the Lambda zip for the dry run (scripts/test.sh passes the one it packaged). Without it: ./lambda.zip
#                   when present, else a stand-in zip of .build/release/bootstrap, which is enough to synthesise.
#   --skip-dry-run  steps 1 and 2 only (the dry run installs and runs the CDK checks, about a minute when warm)
#
# Needs .build/release/phoney (PHONEY_BIN overrides); installs boto3, moto[server] and pytest with pip if missing.
# Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"

zip=""
dry_run=true
while [ "$#" -gt 0 ]; do
    case "$1" in
        --zip) zip="${2:-}"; shift 2 ;;
        --zip=*) zip="${1#*=}"; shift ;;
        --skip-dry-run) dry_run=false; shift ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "check-release: unknown argument '$1'" >&2; exit 2 ;;
    esac
done

bin="${PHONEY_BIN:-.build/release/phoney}"
[ -x "$bin" ] || { echo "check-release: $bin is missing: build it first (swift build -c release)" >&2; exit 1; }
if ! python3 -c 'import boto3, moto.server, flask, pytest' >/dev/null 2>&1; then
    echo "== installing boto3, moto[server], pytest"
    python3 -m pip install --quiet --disable-pip-version-check boto3 'moto[server]>=5,<6' pytest
fi

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "check-release: ok    $*"; }
fail() { failed=$((failed + 1)); echo "check-release: FAIL  $*"; }
started=$SECONDS

echo "== shellcheck"
if shellcheck scripts/deploy.sh scripts/rollback.sh scripts/test-deployment.sh scripts/check-release.sh \
    scripts/check-workflows.sh; then
    pass "shellcheck of the release scripts"
else
    fail "shellcheck of the release scripts"
fi

work=$(mktemp -d)
server=""
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
    if [ -n "$server" ]; then
        kill "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "== phoney serve on loopback"
password="smoke-$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')"
hash=$(printf '%s\n' "$password" | "$bin" hash-password --cost 4)
# A production-like configuration: test state, its own secret key, login only with the known password.
(
    export ENV_STATE=test API_USERNAME=smoke_user API_PASSWORD_HASH="$hash" RATE_LIMIT_PER_MINUTE=120 LOG_LEVEL=info
    SECRET_KEY="check-release-$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')"
    export SECRET_KEY
    exec "$bin" serve --host 127.0.0.1 --port 0 --env-file ""
) >"$work/server.log" 2>&1 &
server=$!
url=""
for _ in $(seq 1 100); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9][0-9]*' "$work/server.log" | head -1 || true)
    [ -n "$url" ] && break
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
done
if [ -z "$url" ] || ! curl -fsS --max-time 5 "$url/health" >/dev/null; then
    cat "$work/server.log" >&2
    echo "check-release: the server did not start" >&2
    exit 1
fi
echo "server: $url (pid $server)"

echo "== test-deployment.sh with login"
if PHONEY_USERNAME=smoke_user PHONEY_PASSWORD="$password" scripts/test-deployment.sh "$url" >"$work/with-login.log" 2>&1 &&
    ! grep -q 'SKIP' "$work/with-login.log"; then
    pass "test-deployment.sh $url: $(tail -1 "$work/with-login.log")"
else
    fail "test-deployment.sh with login"
fi
cat "$work/with-login.log"

echo "== test-deployment.sh without credentials: the login part is skipped, and says so"
if env -u PHONEY_USERNAME -u PHONEY_PASSWORD scripts/test-deployment.sh "$url" --latency-requests 5 \
    >"$work/no-login.log" 2>&1 && grep -q 'SKIP  POST /token' "$work/no-login.log" &&
    tail -1 "$work/no-login.log" | grep -q ', 1 skipped$'; then
    pass "without credentials: $(tail -1 "$work/no-login.log")"
else
    cat "$work/no-login.log"
    fail "test-deployment.sh without credentials"
fi

echo "== test-deployment.sh must fail: a wrong password, and nothing listening"
if PHONEY_USERNAME=smoke_user PHONEY_PASSWORD="not-$password" scripts/test-deployment.sh "$url" --latency-requests 3 \
    >"$work/wrong.log" 2>&1; then
    cat "$work/wrong.log"
    fail "test-deployment.sh passed with a wrong password"
elif grep -q 'FAIL  POST /token gives a bearer token' "$work/wrong.log"; then
    pass "a wrong password fails the smoke test ($(tail -1 "$work/wrong.log"))"
else
    cat "$work/wrong.log"
    fail "test-deployment.sh with a wrong password failed, but not at the login"
fi
closed_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
if scripts/test-deployment.sh "http://127.0.0.1:$closed_port" --latency-requests 2 --timeout 2 >"$work/dead.log" 2>&1; then
    fail "test-deployment.sh passed against a port where nothing listens"
elif tail -1 "$work/dead.log" | grep -q '^0 passed, [1-9]'; then
    pass "nothing listening fails the smoke test ($(tail -1 "$work/dead.log"))"
else
    cat "$work/dead.log"
    fail "test-deployment.sh against a closed port did not run to its summary"
fi

echo "== deploy/aws/tests/test_release.py (moto on loopback)"
if PHONEY_RELEASE_TESTS_REQUIRE_MOTO=1 python3 -m pytest -q -p no:cacheprovider deploy/aws/tests/test_release.py \
    >"$work/pytest.log" 2>&1; then
    pass "test_release.py: $(tail -1 "$work/pytest.log")"
else
    cat "$work/pytest.log"
    fail "test_release.py: $(tail -1 "$work/pytest.log")"
fi

if $dry_run; then
    if [ -z "$zip" ] && [ -f lambda.zip ]; then
        zip="$repo/lambda.zip"
    elif [ -z "$zip" ]; then
        # A stand-in: the release build's dynamic bootstrap is not deployable (glibc), but a dry run only synthesises.
        [ -x .build/release/bootstrap ] || { echo "check-release: no zip and no .build/release/bootstrap" >&2; exit 1; }
        mkdir -p "$work/zip"
        cp .build/release/bootstrap "$work/zip/bootstrap"
        (cd "$work/zip" && python3 -m zipfile -c lambda-standin.zip bootstrap)
        zip="$work/zip/lambda-standin.zip"
        echo "check-release: no --zip: a stand-in zip of .build/release/bootstrap for the dry run"
    fi
    echo "== deploy.sh dev --dry-run (no AWS credentials in the environment; smoke test against $url)"
    # No credentials, no profile files, no instance metadata, and an endpoint where nothing listens: any AWS call the
    # dry run made by mistake would fail instead of reaching AWS.
    if env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN -u AWS_PROFILE \
        AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true \
        AWS_ENDPOINT_URL="http://127.0.0.1:$closed_port" \
        PHONEY_USERNAME=smoke_user PHONEY_PASSWORD="$password" \
        scripts/deploy.sh dev --dry-run --zip "$zip" --smoke-url "$url" >"$work/dry-run.log" 2>&1; then
        pass "deploy.sh dev --dry-run ($(grep -c '^== deploy dev, step' "$work/dry-run.log") steps)"
    else
        fail "deploy.sh dev --dry-run"
    fi
    cat "$work/dry-run.log"
    for stage in staging prod; do
        template="deploy/aws/cdk.out/Phoney-$stage.template.json"
        if [ -f "$template" ] && python3 scripts/release.py plan --stage "$stage" --template "$template"; then
            pass "release plan of $template"
        else
            fail "release plan of $template"
        fi
    done
fi

if grep -q '"level":"error"' "$work/server.log"; then
    grep '"level":"error"' "$work/server.log" | head -5
    fail "the server logged errors"
fi

echo "== check-release ($((SECONDS - started)) s)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
