#!/usr/bin/env python3
"""Compares cdk-nag's validation report with the committed allow-list (nag-acknowledgements.json).

Fails when the report has an unacknowledged violation, an acknowledgement without a `Pack::` prefix or reason, or any
difference with the allow-list (a new, changed or stale acknowledgement): each such change is meant to be reviewed.

    python3 checks/nag_allowlist.py cdk.out/validation-report.json nag-acknowledgements.json [--write]

`--write` rewrites the allow-list from the report, keeping optional-feature entries (then review the diff).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

def normalise(entry: dict) -> dict:
    """Writes a stage stack's name as {stage}, so one allow-list entry covers all three stages."""
    at, rule, reason = entry["at"], entry["id"], entry["reason"]
    match = re.match(r"Phoney-(dev|staging|prod)/", at)
    if match:
        stage = match.group(1)
        at = at.replace(f"Phoney-{stage}/", "Phoney-{stage}/", 1)
        rule = rule.replace(f"phoney/{stage}/", "phoney/{stage}/").replace(f"phoney-{stage}", "phoney-{stage}")
        reason = reason.replace(f"/phoney/{stage}/", "/phoney/{stage}/")
    return {"at": at, "id": rule, "reason": reason}


def from_report(report: dict) -> tuple[list[str], list[dict]]:
    problems, acknowledged = [], []
    for plugin in report.get("pluginReports", []):
        for violation in plugin.get("violations", []):
            for construct in violation.get("violatingConstructs", []):
                problems.append(f"unacknowledged {violation['ruleName']} at {construct['constructPath']}: "
                                f"{violation.get('description', '')}")
        for suppressed in plugin.get("suppressedViolations", []):
            rule, reason = suppressed.get("acknowledgedId", ""), (suppressed.get("reason") or "").strip()
            if "::" not in rule:
                problems.append(f"acknowledgement without its pack prefix: {rule!r} (use {plugin['pluginName']}::...)")
            if len(reason) < 20:
                problems.append(f"acknowledgement {rule} has no real reason: {reason!r}")
            for construct in suppressed.get("violatingConstructs", []):
                acknowledged.append(normalise({"at": construct["constructPath"], "id": rule, "reason": reason}))
    return problems, acknowledged


def key(entry: dict) -> tuple:
    return entry["at"], entry["id"], entry["reason"]


def main(argv: list[str]) -> int:
    report_path, allow_path = Path(argv[1]), Path(argv[2])
    report = json.loads(report_path.read_text())
    problems, acknowledged = from_report(report)
    found = {key(e) for e in acknowledged}
    if "--write" in argv:
        # Optional-feature entries ("when") are kept: this synth may not have made them.
        kept = [e for e in json.loads(allow_path.read_text())["acknowledgements"] if e.get("when")] \
            if allow_path.exists() else []
        entries = [dict(zip(("at", "id", "reason"), k)) for k in sorted(found - {key(e) for e in kept})] + kept
        allow_path.write_text(json.dumps({"acknowledgements": entries}, indent=2) + "\n")
        print(f"nag: wrote {len(entries)} acknowledgements to {allow_path}")
        return 0
    entries = json.loads(allow_path.read_text())["acknowledgements"]
    allowed = {key(e) for e in entries}
    # Entries with "when" belong to an optional feature (e.g. alarm_email): allowed, but not required to appear.
    required = {key(e) for e in entries if not e.get("when")}
    for at, rule, _ in sorted(found - allowed):
        problems.append(f"acknowledgement not in {allow_path.name} (add it there after review): {rule} at {at}")
    for at, rule, _ in sorted(required - found):
        problems.append(f"{allow_path.name} lists an acknowledgement the synth no longer makes: {rule} at {at}")
    for problem in problems:
        print(f"nag: FAIL {problem}")
    total = sum(len(p.get("suppressedViolations", [])) for p in report.get("pluginReports", []))
    print(f"nag: {len(found)} distinct acknowledgements ({total} suppressed findings) match the allow-list"
          if not problems else f"nag: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
