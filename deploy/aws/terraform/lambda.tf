# The function, its log group, its role and the `live` alias.

resource "aws_cloudwatch_log_group" "function" {
  name              = "/aws/lambda/${local.prefix}"
  retention_in_days = local.log_retention_days
  kms_key_id        = aws_kms_key.this.arn
  skip_destroy      = local.retain_data
  tags              = local.tags
}

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

# An own role rather than AWSLambdaBasicExecutionRole, which allows logs on every log group.
resource "aws_iam_role" "function" {
  name               = "${local.prefix}-function"
  description        = "Phoney ${var.stage} function: its log group, its SSM path, its secret, its key"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
  tags               = local.tags
}

data "aws_iam_policy_document" "function" {
  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:/aws/lambda/${local.prefix}:*"]
  }

  statement {
    sid     = "ReadStageParameters"
    actions = ["ssm:GetParametersByPath", "ssm:GetParameter", "ssm:GetParameters"]
    resources = [
      "arn:${local.partition}:ssm:${local.region}:${local.account_id}:parameter${local.parameter_path}",
      "arn:${local.partition}:ssm:${local.region}:${local.account_id}:parameter${local.parameter_path}/*",
    ]
  }

  # Secrets Manager appends six random characters to a secret's ARN.
  statement {
    sid       = "ReadStageSecret"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = ["arn:${local.partition}:secretsmanager:${local.region}:${local.account_id}:secret:${local.secret_name}-??????"]
  }

  statement {
    sid       = "DecryptWithStageKey"
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.this.arn]
  }

  # The export fan-out (export.tf): the job's objects under exports/, listing only below that prefix, writing
  # through S3 with the stage key, starting and watching the stage's own export state machine.
  statement {
    sid       = "ExportObjects"
    actions   = ["s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"]
    resources = ["${aws_s3_bucket.exports.arn}/${local.export_prefix}*"]
  }

  statement {
    sid       = "ListExports"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.exports.arn]

    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${local.export_prefix}*"]
    }
  }

  statement {
    sid       = "EncryptExports"
    actions   = ["kms:GenerateDataKey"]
    resources = [aws_kms_key.this.arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["s3.${local.region}.amazonaws.com"]
    }
  }

  statement {
    sid       = "StartExport"
    actions   = ["states:StartExecution"]
    resources = [local.export_state_machine_arn]
  }

  statement {
    sid       = "WatchExport"
    actions   = ["states:DescribeExecution"]
    resources = ["${local.export_executions_arn}:*"]
  }
}

resource "aws_iam_role_policy" "function" {
  name   = "${local.prefix}-function"
  role   = aws_iam_role.function.id
  policy = data.aws_iam_policy_document.function.json
}

# What CDK adds to the role's default policy for active tracing. X-Ray's PutTraceSegments and PutTelemetryRecords
# have no resource-level permissions, hence "*".
data "aws_iam_policy_document" "tracing" {
  #checkov:skip=CKV_AWS_356:xray:PutTraceSegments and xray:PutTelemetryRecords do not support resource-level permissions; "*" is the only valid resource.
  statement {
    actions   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "tracing" {
  name   = "${local.prefix}-function-tracing"
  role   = aws_iam_role.function.id
  policy = data.aws_iam_policy_document.tracing.json
}

locals {
  # Names only: the values come from SSM and Secrets Manager at init.
  function_environment = merge({
    ENV_STATE                    = local.env_state
    USE_PARAMETER_STORE          = "true"
    PARAMETER_STORE_PREFIX       = local.parameter_path
    USE_SECRETS_MANAGER          = "true"
    SECRET_NAME                  = local.secret_name
    POWERTOOLS_SERVICE_NAME      = local.service_name
    POWERTOOLS_METRICS_NAMESPACE = local.metrics_namespace
    # The export fan-out's contract (docs/export.md). The state machine by its fixed name: it invokes this
    # function's alias, so a reference to it here would be a cycle.
    PHONEY_EXPORT_BUCKET            = aws_s3_bucket.exports.id
    PHONEY_EXPORT_PREFIX            = local.export_prefix
    PHONEY_EXPORT_STATE_MACHINE_ARN = local.export_state_machine_arn
    PHONEY_EXPORT_MAX_RECORDS       = tostring(local.export_max_records)
    PHONEY_EXPORT_MAX_SHARDS        = tostring(local.export_max_shards)
  }, length(local.cors_origins) > 0 ? { CORS_ORIGINS = join(",", local.cors_origins) } : {})

  use_image = var.image_tag != null
  # A tag, or a sha256 digest (repository@sha256:...).
  image_uri = local.use_image ? format("%s.dkr.ecr.%s.amazonaws.com/%s%s%s", local.account_id, local.region, local.image_repository, startswith(var.image_tag, "sha256:") ? "@" : ":", var.image_tag) : null
}

resource "aws_lambda_function" "this" {
  #checkov:skip=CKV_AWS_117:The function calls only public AWS endpoints (SSM, Secrets Manager, X-Ray); no VPC resource to reach, and a VPC would add NAT cost and cold-start time. The CDK stack has no VPC either.
  #checkov:skip=CKV_AWS_116:Invoked synchronously by API Gateway only: no asynchronous events to dead-letter (as in the CDK stack).
  #checkov:skip=CKV_AWS_272:Code signing needs an AWS Signer profile the project does not run (nor does the CDK stack); the zip is built and checked by scripts/package-lambda.sh in CI.
  function_name = local.function_name
  description   = "Phoney fake-data API (${var.stage})"
  role          = aws_iam_role.function.arn
  architectures = ["arm64"]
  memory_size   = local.memory_mb
  timeout       = local.timeout_seconds
  publish       = true
  kms_key_arn   = aws_kms_key.this.arn

  package_type     = local.use_image ? "Image" : "Zip"
  image_uri        = local.image_uri
  runtime          = local.use_image ? null : "provided.al2023"
  handler          = local.use_image ? null : "bootstrap"
  filename         = local.use_image ? null : local.lambda_zip
  source_code_hash = local.use_image ? null : try(filebase64sha256(local.lambda_zip), null)

  reserved_concurrent_executions = local.reserved_concurrency

  tracing_config {
    mode = "Active"
  }

  # Explicit log group: Lambda writes there instead of creating /aws/lambda/<name> itself.
  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.function.name
  }

  environment {
    variables = local.function_environment
  }

  tags = local.tags

  depends_on = [aws_iam_role_policy.function, aws_iam_role_policy.tracing]
}

# `live` starts on the version the first apply publishes. From then on CodeDeploy owns it: Terraform ignores its
# version and routing, so an apply never shifts traffic by itself (see README.md, "Releasing with Terraform").
resource "aws_lambda_alias" "live" {
  name             = local.alias_name
  description      = "What the ${var.stage} HTTP API invokes; moved by CodeDeploy"
  function_name    = aws_lambda_function.this.function_name
  function_version = aws_lambda_function.this.version

  lifecycle {
    ignore_changes = [function_version, routing_config]
  }
}
