# The stage's credentials secret phoney/<stage>/credentials, a JSON object read at init (USE_SECRETS_MANAGER).
#
# Like the CDK stack, the module generates SECRET_KEY and never holds a value: the password is ephemeral (Terraform
# >= 1.11) and reaches AWS through the write-only secret_string_wo, so it is in neither the plan nor the state. The
# operator adds API_PASSWORD_HASH with `aws secretsmanager put-secret-value`; bump secret_version to generate anew.
#
# CDK retains the secret when its stack is deleted; the closest Terraform has is prevent_destroy. To tear a stage
# down, `terraform state rm aws_secretsmanager_secret.credentials aws_secretsmanager_secret_version.credentials`
# first (the secret then stays in the account, as with CDK).

ephemeral "random_password" "secret_key" {
  length  = 64
  special = false
}

resource "aws_secretsmanager_secret" "credentials" {
  #checkov:skip=CKV2_AWS_57:Rotation needs a rotation Lambda that understands the app's SECRET_KEY/API_PASSWORD_HASH pair; the CDK stack has none either. Rotate with put-secret-value and a redeploy.
  name        = local.secret_name
  description = "Phoney ${var.stage} settings read at init (JSON object: SECRET_KEY, API_PASSWORD_HASH, ...)"
  kms_key_id  = aws_kms_key.this.arn
  tags        = local.tags

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_secretsmanager_secret_version" "credentials" {
  secret_id                = aws_secretsmanager_secret.credentials.id
  secret_string_wo         = jsonencode({ SECRET_KEY = ephemeral.random_password.secret_key.result })
  secret_string_wo_version = 1
}
