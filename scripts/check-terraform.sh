#!/usr/bin/env bash
# Checks the Terraform twin of the CDK stack (deploy/aws/terraform) offline:
#   1. terraform fmt -check -recursive (when a terraform binary is on PATH; said plainly when it is not),
#   2. the comparison with the synthesised CloudFormation (deploy/aws/tests/test_terraform*.py, pytest with
#      python-hcl2 in .build-tools/hcl2-venv), resource by resource for dev, staging and prod,
#   3. checkov on the Terraform folder (.build-tools/checkov-venv, shared with scripts/check-cdk.sh and pinned to the
#      same version), where every failure must be fixed or skipped inline with a reason (#checkov:skip=ID:reason).
#
# The comparison needs deploy/aws/cdk.out/Phoney-<stage>.template.json. When a template is missing, or older than
# the CDK app's sources or stages.json, this script runs scripts/check-cdk.sh first (offline: it synthesises every
# stage) and stops with the reason if that script is absent or fails.
#
# Usage: scripts/check-terraform.sh [--no-synth]
#   --no-synth  never run scripts/check-cdk.sh: fail when a template is missing, use stale ones as they are.
#
# Nothing here reaches AWS; the network is used only by pip, and only when a virtualenv is missing. Safe to re-run.
# Exit codes: 0 all checks passed; 1 a check failed; 2 usage or a missing prerequisite.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"

readonly tf_dir="deploy/aws/terraform"
readonly tests_dir="deploy/aws/tests"
readonly cdk_out="deploy/aws/cdk.out"
readonly stages=(dev staging prod)
readonly hcl2_venv=".build-tools/hcl2-venv"
readonly checkov_venv=".build-tools/checkov-venv"
readonly hcl2_pin="python-hcl2==8.1.4"
readonly pytest_pin="pytest==9.2.0"
# checkov's version is the one scripts/check-cdk.sh pins (they share the venv); this is the fallback.
readonly checkov_default="3.3.30"

synth=1
while [ "$#" -gt 0 ]; do
    case "$1" in
        --no-synth) synth=0; shift ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "check-terraform: unknown argument '$1'" >&2; exit 2 ;;
    esac
done

started=$SECONDS
summary=()
failed=0

note() { printf 'check-terraform: %s\n' "$*"; }
record() { summary+=("$(printf '%-12s %s' "$1" "$2")"); }
fail() { record "$1" "FAIL  $2"; failed=1; }

# ---- 1. terraform fmt -------------------------------------------------------------------------------------------
if command -v terraform >/dev/null 2>&1; then
    # A TF_CLI_CONFIG_FILE that does not exist only makes terraform warn on every run; fmt needs no configuration.
    if [ -n "${TF_CLI_CONFIG_FILE:-}" ] && [ ! -e "${TF_CLI_CONFIG_FILE}" ]; then
        export TF_CLI_CONFIG_FILE=/dev/null
    fi
    tf_version="$(terraform version 2>/dev/null | sed -n 1p)"
    if fmt_out="$(terraform fmt -check -recursive -list=true "$tf_dir" 2>&1)"; then
        record "fmt" "ok    ($tf_version, terraform fmt -check -recursive)"
    else
        note "terraform fmt would change these files (run: terraform fmt -recursive $tf_dir):"
        printf '%s\n' "$fmt_out"
        fail "fmt" "files not formatted: $(echo "$fmt_out" | tr '\n' ' ')"
    fi
else
    note "terraform is not installed (command -v terraform found nothing): formatting NOT checked"
    record "fmt" "SKIP  terraform not installed; formatting not checked"
fi

# ---- 2. synthesised templates -----------------------------------------------------------------------------------
templates_missing() {
    local stage
    for stage in "${stages[@]}"; do
        [ -f "$cdk_out/Phoney-$stage.template.json" ] || return 0
    done
    return 1
}

templates_stale() {
    # Any CDK source or the stage file newer than the oldest template.
    local oldest="" stage newer
    for stage in "${stages[@]}"; do
        local t="$cdk_out/Phoney-$stage.template.json"
        if [ -z "$oldest" ] || [ "$t" -ot "$oldest" ]; then oldest="$t"; fi
    done
    newer="$(find deploy/aws -path "$cdk_out" -prune -o -path "$tf_dir" -prune -o -path "$tests_dir" -prune \
        -o -type f \( -name '*.py' -o -name 'stages.json' -o -name 'cdk.json' \) -newer "$oldest" -print -quit)"
    [ -n "$newer" ]
}

reason=""
if templates_missing; then
    reason="missing"
elif templates_stale; then
    reason="older than the CDK sources"
fi
if [ -n "$reason" ]; then
    if [ "$synth" -eq 0 ]; then
        if [ "$reason" = "missing" ]; then
            note "synthesised templates are missing in $cdk_out and --no-synth was given: run scripts/check-cdk.sh"
            exit 2
        fi
        note "warning: the synthesised templates are $reason (--no-synth: comparing them as they are)"
    elif [ -x scripts/check-cdk.sh ]; then
        note "synthesised templates are $reason: running scripts/check-cdk.sh first"
        if ! scripts/check-cdk.sh; then
            note "scripts/check-cdk.sh failed, so there is nothing trustworthy to compare with"
            exit 1
        fi
    else
        note "synthesised templates are $reason and scripts/check-cdk.sh does not exist (or is not executable):"
        note "the comparison needs $cdk_out/Phoney-<stage>.template.json for ${stages[*]}"
        exit 2
    fi
fi
if templates_missing; then
    note "scripts/check-cdk.sh ran but $cdk_out/Phoney-{${stages[*]}}.template.json are still not all there"
    exit 2
fi

# ---- 3. comparison (pytest + python-hcl2) -----------------------------------------------------------------------
ensure_hcl2_venv() {
    if [ -x "$hcl2_venv/bin/python" ] && "$hcl2_venv/bin/python" - "$hcl2_pin" "$pytest_pin" <<'PY' 2>/dev/null
import sys
from importlib.metadata import version
for pin in sys.argv[1:]:
    name, wanted = pin.split("==")
    if version(name) != wanted:
        raise SystemExit(1)
PY
    then
        return 0
    fi
    note "creating $hcl2_venv ($hcl2_pin, $pytest_pin)"
    python3 -m venv "$hcl2_venv"
    "$hcl2_venv/bin/pip" install --quiet --disable-pip-version-check "$hcl2_pin" "$pytest_pin"
}
ensure_hcl2_venv

compare_log="$(mktemp)"
trap 'rm -f "$compare_log" "${checkov_json:-}"' EXIT
if "$hcl2_venv/bin/python" -m pytest -p no:cacheprovider -q "$tests_dir"/test_terraform*.py 2>&1 | tee "$compare_log"; then
    record "compare" "ok    $(grep -E '^[0-9]+ passed' "$compare_log" | tail -n 1)"
else
    fail "compare" "$(grep -E '(passed|failed|error)' "$compare_log" | tail -n 1)"
fi

# ---- 4. checkov -------------------------------------------------------------------------------------------------
# The venv is shared with scripts/check-cdk.sh and made the same way: its pin, its stamp file (.phoney-pins).
checkov_pin="checkov==$checkov_default"
if [ -f scripts/check-cdk.sh ]; then
    pinned="$(grep -oE 'checkov==[0-9][0-9.]*' scripts/check-cdk.sh | head -n 1 || true)"
    if [ -n "$pinned" ]; then checkov_pin="$pinned"; fi
fi
if ! { [ -x "$checkov_venv/bin/checkov" ] && [ "$(cat "$checkov_venv/.phoney-pins" 2>/dev/null)" = "$checkov_pin" ]; }; then
    note "installing $checkov_pin into $checkov_venv (first run or changed pin)"
    [ -x "$checkov_venv/bin/python" ] || python3 -m venv "$checkov_venv"
    "$checkov_venv/bin/pip" install -q --disable-pip-version-check "$checkov_pin"
    printf '%s' "$checkov_pin" >"$checkov_venv/.phoney-pins"
fi

# Every inline skip must carry a reason: '#checkov:skip=CKV_X_1:why'.
unexplained="$(grep -rnE '#[[:space:]]*checkov:skip=[A-Z0-9_]+[[:space:]]*(:[[:space:]]*)?$' "$tf_dir" --include='*.tf' || true)"
if [ -n "$unexplained" ]; then
    note "checkov skips without a reason:"
    printf '%s\n' "$unexplained"
    fail "skips" "inline skips without a reason"
fi

checkov_json="$(mktemp)"
# Exit status 1 only means "failed checks"; the JSON report says which, and a missing report is an error below.
"$checkov_venv/bin/checkov" -d "$tf_dir" --framework terraform --skip-download --quiet --compact -o json \
    >"$checkov_json" 2>/dev/null || true
counts="$("$hcl2_venv/bin/python" - "$checkov_json" <<'PY'
import json, sys
try:
    data = json.load(open(sys.argv[1]))
except Exception as error:  # noqa: BLE001
    print("unreadable", str(error).replace(" ", "_"), 0)
    raise SystemExit(0)
reports = data if isinstance(data, list) else [data]
passed = failed = skipped = 0
for report in reports:
    summary = report.get("summary", {})
    passed += summary.get("passed", 0)
    failed += summary.get("failed", 0)
    skipped += summary.get("skipped", 0)
print(passed, failed, skipped)
PY
)"
read -r ck_passed ck_failed ck_skipped <<<"$counts"
if [ "$ck_passed" = "unreadable" ]; then
    fail "checkov" "no JSON report from checkov ($ck_failed)"
elif [ "$ck_failed" -ne 0 ]; then
    "$checkov_venv/bin/checkov" -d "$tf_dir" --framework terraform --skip-download --quiet --compact || true
    fail "checkov" "$ck_failed failed, $ck_passed passed, $ck_skipped skipped with reasons ($checkov_pin)"
else
    record "checkov" "ok    $ck_passed passed, 0 failed, $ck_skipped skipped with reasons ($checkov_pin)"
fi

# ---- summary ----------------------------------------------------------------------------------------------------
echo
echo "check-terraform summary ($tf_dir vs $cdk_out, $((SECONDS - started)) s):"
printf '  %s\n' "${summary[@]}"
if [ "$failed" -ne 0 ]; then
    echo "check-terraform: FAILED"
    exit 1
fi
echo "check-terraform: all checks passed"
