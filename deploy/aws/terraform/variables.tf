# Inputs of the Phoney module. The per-stage settings come from the stage configuration file the CDK app reads
# (deploy/aws/stages.json, keys of the same names); a variable set here overrides the file's value. The optional
# features are the CDK app's context values (`cdk -c jwt_issuer=...`) and are variables here.

variable "stage" {
  description = "Deployment stage: dev, staging or prod. Names become phoney-<stage>-..."
  type        = string

  validation {
    condition     = contains(["dev", "staging", "prod"], var.stage)
    error_message = "The stage must be one of dev, staging, prod."
  }
}

variable "stage_config_file" {
  description = "Path of the stage configuration shared with the CDK app. Null means deploy/aws/stages.json next to this module."
  type        = string
  default     = null
}

# ---- Overrides of stages.json (null: the file's value) ----

variable "memory_mb" {
  description = "Function memory in MB (stages.json memory_mb)."
  type        = number
  default     = null
}

variable "timeout_seconds" {
  description = "Function timeout in seconds, at most 29 behind an HTTP API (stages.json timeout_seconds)."
  type        = number
  default     = null

  validation {
    condition     = var.timeout_seconds == null ? true : var.timeout_seconds >= 1 && var.timeout_seconds <= 29
    error_message = "The timeout must be 1..29 seconds: an HTTP API gives up on an integration after 29 s."
  }
}

variable "reserved_concurrency" {
  description = "Reserved concurrent executions (stages.json reserved_concurrency)."
  type        = number
  default     = null
}

variable "env_state" {
  description = "ENV_STATE of the function: dev or prod (stages.json env_state)."
  type        = string
  default     = null
}

variable "log_retention_days" {
  description = "Retention of the log groups in days (stages.json log_retention_days)."
  type        = number
  default     = null
}

variable "retain_data" {
  description = "Keep log groups when the stack is destroyed (stages.json retain_data)."
  type        = bool
  default     = null
}

variable "throttle_rate_per_second" {
  description = "Steady-state requests per second of the HTTP API stage (stages.json throttle_rate_per_second)."
  type        = number
  default     = null
}

variable "throttle_burst" {
  description = "Burst limit of the HTTP API stage (stages.json throttle_burst)."
  type        = number
  default     = null
}

variable "cors_origins" {
  description = "Origins allowed by CORS (stages.json cors_origins)."
  type        = list(string)
  default     = null
}

variable "deployment" {
  description = "CodeDeploy traffic shifting: ALL_AT_ONCE, CANARY_10PERCENT_5MINUTES, ... (stages.json deployment)."
  type        = string
  default     = null
}

variable "alarm_5xx_percent" {
  description = "Threshold of the 5xx-rate alarm in per cent (stages.json alarm_5xx_percent)."
  type        = number
  default     = null
}

variable "alarm_p99_latency_ms" {
  description = "Threshold of the p99-latency alarm in ms (stages.json alarm_p99_latency_ms)."
  type        = number
  default     = null
}

variable "alarm_errors_per_minute" {
  description = "Threshold of the errors alarm (stages.json alarm_errors_per_minute)."
  type        = number
  default     = null
}

variable "export_retention_days" {
  description = "Days before objects under exports/ in the export bucket expire (stages.json export_retention_days)."
  type        = number
  default     = null
}

variable "export_map_concurrency" {
  description = "MaxConcurrency of the export state machine's Distributed Map, at most reserved_concurrency: the shards run on the API's function (stages.json export_map_concurrency)."
  type        = number
  default     = null
}

variable "export_max_records" {
  description = "Largest count an export job may ask for, PHONEY_EXPORT_MAX_RECORDS of the function (stages.json export_max_records)."
  type        = number
  default     = null
}

# ---- Optional features (the CDK app's context values) ----

variable "lambda_zip" {
  description = "Path of the zip from scripts/package-lambda.sh (bootstrap at its root). Null means <repo>/lambda.zip."
  type        = string
  default     = null
}

variable "image_tag" {
  description = "Deploy the container-image variant: a tag or sha256 digest already pushed to the ECR repository phoney (the images module). Null deploys the zip."
  type        = string
  default     = null
}

variable "jwt_issuer" {
  description = "Issuer of the optional JWT authorizer on the /api/v1 routes (goes with jwt_audience)."
  type        = string
  default     = null
}

variable "jwt_audience" {
  description = "Audiences of the optional JWT authorizer (goes with jwt_issuer)."
  type        = list(string)
  default     = []
}

variable "domain_name" {
  description = "Optional custom domain of the HTTP API (goes with certificate_arn)."
  type        = string
  default     = null
}

variable "certificate_arn" {
  description = "ACM certificate ARN, in the API's region, for domain_name."
  type        = string
  default     = null
}

variable "alarm_email" {
  description = "Optional e-mail address subscribed to the alarm topic."
  type        = string
  default     = null
}

variable "ignore_alarms" {
  description = "Let a deployment proceed while an alarm fires (shipping the fix for that alarm)."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Extra tags for every resource."
  type        = map(string)
  default     = {}
}
