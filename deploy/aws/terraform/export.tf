# The export fan-out (docs/export.md), the twin of phoney_cdk/export.py: the export bucket, the phoney-<stage>-export
# state machine (its definition is ../export-state-machine.asl.tftpl, the same file the CDK app fills in), its role
# and log group. What the function itself may do with them is in lambda.tf (policy statements Export*, environment
# PHONEY_EXPORT_*).

locals {
  export_prefix             = "exports/"
  export_max_shards         = 10000
  export_state_machine_name = "${local.prefix}-export"
  # Built from the fixed name, as in CDK: the state machine invokes the function's alias, so the function may not
  # refer to it.
  export_state_machine_arn = "arn:${local.partition}:states:${local.region}:${local.account_id}:stateMachine:${local.export_state_machine_name}"
  export_executions_arn    = "arn:${local.partition}:states:${local.region}:${local.account_id}:execution:${local.export_state_machine_name}"
  # Bucket names are global: account and region make the stage's name unique.
  export_bucket_name = "${local.prefix}-exports-${local.account_id}-${local.region}"
}

resource "aws_s3_bucket" "exports" {
  #checkov:skip=CKV_AWS_18:Server access logs would add a log object per request to a bucket of generated fake data; CloudTrail data events are the audit trail where one is needed (as the CDK stack's cdk-nag acknowledgement says).
  #checkov:skip=CKV_AWS_21:Parts are rewritten idempotently (same key, same bytes) and expire with the lifecycle rule: versions would only keep duplicate copies.
  #checkov:skip=CKV_AWS_144:Exports are regenerable from their job spec (a pure function of template, seed and index) and expire within days: a replica in another region would cost more than re-running the job.
  #checkov:skip=CKV2_AWS_62:Nothing consumes bucket events: the manifest, written last, is how a job announces it is complete.
  bucket = local.export_bucket_name
  # CDK's removal policy follows retain_data; Terraform cannot make prevent_destroy conditional. With retain_data
  # false (dev) a destroy empties and deletes the bucket; with true, a destroy fails while exports remain.
  force_destroy = !local.retain_data
  tags          = local.tags
}

resource "aws_s3_bucket_ownership_controls" "exports" {
  bucket = aws_s3_bucket.exports.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "exports" {
  bucket                  = aws_s3_bucket.exports.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# The stage key with an S3 Bucket Key: one KMS request per bucket and hour of use rather than one per part.
resource "aws_s3_bucket_server_side_encryption_configuration" "exports" {
  bucket = aws_s3_bucket.exports.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.this.arn
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "exports" {
  bucket = aws_s3_bucket.exports.id

  rule {
    id     = "expire-exports"
    status = "Enabled"

    filter {
      prefix = local.export_prefix
    }

    expiration {
      days = local.export_retention_days
    }
  }

  rule {
    id     = "abort-incomplete-uploads"
    status = "Enabled"

    filter {}

    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }
}

# What CDK's enforce_ssl writes: every request without TLS is refused, for the bucket and its objects.
data "aws_iam_policy_document" "exports_bucket" {
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.exports.arn, "${aws_s3_bucket.exports.arn}/*"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "exports" {
  bucket = aws_s3_bucket.exports.id
  policy = data.aws_iam_policy_document.exports_bucket.json

  depends_on = [aws_s3_bucket_public_access_block.exports]
}

# /aws/vendedlogs/: Step Functions' recommended prefix; still inside the key policy's /aws/*/phoney-<stage>* grant.
resource "aws_cloudwatch_log_group" "export" {
  name              = "/aws/vendedlogs/states/${local.export_state_machine_name}"
  retention_in_days = local.log_retention_days
  kms_key_id        = aws_kms_key.this.arn
  skip_destroy      = local.retain_data
  tags              = local.tags
}

data "aws_iam_policy_document" "states_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["states.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "export" {
  name               = local.export_state_machine_name
  description        = "Phoney ${var.stage} export state machine: its shards, the live alias, its items"
  assume_role_policy = data.aws_iam_policy_document.states_assume.json
  tags               = local.tags
}

data "aws_iam_policy_document" "export" {
  statement {
    sid       = "InvokeLiveAlias"
    actions   = ["lambda:InvokeFunction"]
    resources = [aws_lambda_alias.live.arn]
  }

  statement {
    sid       = "ReadJobItems"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.exports.arn}/${local.export_prefix}*"]
  }

  statement {
    sid       = "DecryptJobItems"
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.this.arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["s3.${local.region}.amazonaws.com"]
    }
  }

  # What a Distributed Map does with its own child executions, on this state machine only.
  statement {
    sid       = "StartShardExecutions"
    actions   = ["states:StartExecution"]
    resources = [local.export_state_machine_arn]
  }

  statement {
    sid       = "WatchShardExecutions"
    actions   = ["states:DescribeExecution", "states:StopExecution"]
    resources = ["${local.export_executions_arn}/*", "${local.export_executions_arn}:*"]
  }
}

resource "aws_iam_role_policy" "export" {
  name   = local.export_state_machine_name
  role   = aws_iam_role.export.id
  policy = data.aws_iam_policy_document.export.json
}

# What CDK's StateMachine adds to its role's default policy for logging and tracing. None of these actions supports
# resource-level permissions, hence "*".
data "aws_iam_policy_document" "export_delivery" {
  #checkov:skip=CKV_AWS_356:CloudWatch Logs delivery actions and X-Ray segments and sampling support no resource-level permissions; "*" is the only valid resource.
  #checkov:skip=CKV_AWS_111:logs:CreateLogDelivery, UpdateLogDelivery, DeleteLogDelivery and PutResourcePolicy are how Step Functions delivers logs; they take no resource ARN (as in the CDK stack).
  statement {
    actions = [
      "logs:CreateLogDelivery",
      "logs:GetLogDelivery",
      "logs:UpdateLogDelivery",
      "logs:DeleteLogDelivery",
      "logs:ListLogDeliveries",
      "logs:PutResourcePolicy",
      "logs:DescribeResourcePolicies",
      "logs:DescribeLogGroups",
    ]
    resources = ["*"]
  }

  statement {
    actions   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "export_delivery" {
  name   = "${local.export_state_machine_name}-delivery"
  role   = aws_iam_role.export.id
  policy = data.aws_iam_policy_document.export_delivery.json
}

resource "aws_sfn_state_machine" "export" {
  name     = local.export_state_machine_name
  type     = "STANDARD"
  role_arn = aws_iam_role.export.arn
  definition = templatefile("${path.module}/../export-state-machine.asl.tftpl", {
    partition       = local.partition
    function_arn    = aws_lambda_alias.live.arn
    max_concurrency = local.export_map_concurrency
  })

  # ALL with execution data: the payloads are S3 keys and record ranges (the template stays in job.json), and the
  # shards' EXPRESS executions have no history but these logs.
  logging_configuration {
    log_destination        = "${aws_cloudwatch_log_group.export.arn}:*"
    include_execution_data = true
    level                  = "ALL"
  }

  tracing_configuration {
    enabled = true
  }

  tags = local.tags

  lifecycle {
    # As phoney_cdk/config.py refuses it: the shards run on the API's function, so a wider map only throttles itself.
    precondition {
      condition     = local.export_map_concurrency >= 1 && local.export_map_concurrency <= local.reserved_concurrency
      error_message = "export_map_concurrency must be 1..reserved_concurrency: the shards run on the API's function."
    }
  }

  depends_on = [aws_iam_role_policy.export, aws_iam_role_policy.export_delivery]
}
