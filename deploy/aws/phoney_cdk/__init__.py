"""Phoney's AWS CDK constructs: the per-stage service stack and the GitHub OIDC bootstrap stack."""
