"""Stage settings: stages.json plus the `cdk -c key=value` context that may override or extend them.

One place reads configuration so that app.py, the stacks and the tests agree on names and numbers.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

STAGES_FILE = Path(__file__).resolve().parent.parent / "stages.json"
STAGES = ("dev", "staging", "prod")
# HTTP API gives up on an integration after 29 s; a longer function timeout would only hide that.
MAX_TIMEOUT_SECONDS = 29
MAX_MEMORY_MB = 10240
ALIAS_NAME = "live"
METRICS_NAMESPACE = "Phoney"
# The export fan-out's contract with the function (docs/export.md): every object of a job lives under this prefix,
# and a job has at most this many shards (items.json's length: one Distributed Map child execution each).
EXPORT_PREFIX = "exports/"
EXPORT_MAX_SHARDS = 10000


def load_stages(path: Path = STAGES_FILE) -> dict[str, dict]:
    data = json.loads(path.read_text())
    return {name: data[name] for name in STAGES}


@dataclass(frozen=True)
class StageConfig:
    """Everything one `Phoney-<stage>` stack is built from."""

    stage: str
    memory_mb: int
    timeout_seconds: int
    reserved_concurrency: int
    env_state: str
    log_retention_days: int
    retain_data: bool
    throttle_rate_per_second: int
    throttle_burst: int
    cors_origins: list[str]
    deployment: str
    alarm_5xx_percent: float
    alarm_p99_latency_ms: int
    alarm_errors_per_minute: int
    export_retention_days: int
    export_map_concurrency: int
    export_max_records: int
    # From context only (optional features).
    lambda_zip: str | None = None
    image_tag: str | None = None
    jwt_issuer: str | None = None
    jwt_audience: list[str] = field(default_factory=list)
    domain_name: str | None = None
    certificate_arn: str | None = None
    alarm_email: str | None = None
    ignore_alarms: bool = False

    @property
    def prefix(self) -> str:
        """Deterministic physical-name prefix, shared with the Terraform twin."""
        return f"phoney-{self.stage}"

    @property
    def service_name(self) -> str:
        return f"phoney-{self.stage}"

    @property
    def parameter_path(self) -> str:
        return f"/phoney/{self.stage}"

    @property
    def secret_name(self) -> str:
        return f"phoney/{self.stage}/credentials"

    @property
    def stack_name(self) -> str:
        return f"Phoney-{self.stage}"

    @property
    def export_state_machine_name(self) -> str:
        """Fixed, so the function's environment and policy can name the ARN without referring to the resource
        (the state machine invokes the function's alias: a reference back would be a cycle)."""
        return f"{self.prefix}-export"

    def validate(self) -> None:
        problems = []
        if not 1 <= self.timeout_seconds <= MAX_TIMEOUT_SECONDS:
            problems.append(f"timeout_seconds must be 1..{MAX_TIMEOUT_SECONDS} (HTTP API's limit)")
        if not 128 <= self.memory_mb <= MAX_MEMORY_MB:
            problems.append(f"memory_mb must be 128..{MAX_MEMORY_MB}")
        if bool(self.jwt_issuer) != bool(self.jwt_audience):
            problems.append("jwt_issuer and jwt_audience go together")
        if bool(self.domain_name) != bool(self.certificate_arn):
            problems.append("domain_name and certificate_arn go together")
        if self.export_retention_days < 1:
            problems.append("export_retention_days must be at least 1 (S3 expires objects in whole days)")
        if not 1 <= self.export_map_concurrency <= self.reserved_concurrency:
            # Shards run on the API's function: a map wider than its reserved concurrency only throttles itself.
            problems.append("export_map_concurrency must be 1..reserved_concurrency (shards share the function)")
        if self.export_max_records < 1:
            problems.append("export_max_records must be positive")
        if "*" in self.cors_origins and self.env_state == "prod":
            problems.append("cors_origins may not hold * where ENV_STATE=prod (the app refuses it too)")
        if problems:
            raise ValueError(f"stage {self.stage}: " + "; ".join(problems))


def _context(get, key: str) -> str | None:
    """A context value as text, or None when absent or blank (`-c key=` clears an option)."""
    value = get(key)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _split(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def stage_config(stage: str, get=lambda key: None, stages: dict | None = None) -> StageConfig:
    """The settings of `stage`: stages.json, then context from `get` (e.g. `app.node.try_get_context`)."""
    stages = stages or load_stages()
    if stage not in stages:
        raise ValueError(f"unknown stage {stage!r}: one of {', '.join(STAGES)}")
    base = dict(stages[stage])
    if (origins := _context(get, "cors_origins")) is not None:
        base["cors_origins"] = _split(origins)
    config = StageConfig(
        stage=stage,
        **base,
        lambda_zip=_context(get, "lambda_zip") or os.environ.get("PHONEY_LAMBDA_ZIP") or None,
        image_tag=_context(get, "image_tag"),
        jwt_issuer=_context(get, "jwt_issuer"),
        jwt_audience=_split(_context(get, "jwt_audience")),
        domain_name=_context(get, "domain_name"),
        certificate_arn=_context(get, "certificate_arn"),
        alarm_email=_context(get, "alarm_email"),
        ignore_alarms=(_context(get, "ignore_alarms") or "false").lower() in ("1", "true", "yes"),
    )
    config.validate()
    return config
