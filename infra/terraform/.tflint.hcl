# tflint for infra/terraform (the `tflint` job of .github/workflows/pull-request.yml; tflint
# and its rulesets come from GitHub, which the offline checks cannot reach).
# `tflint --init` installs the pinned AWS ruleset: invalid instance classes, regions,
# engine versions, deprecated arguments... that validate and checkov do not know.

config {
  call_module_type = "local"
}

plugin "terraform" {
  enabled = true
  preset  = "recommended"
}

plugin "aws" {
  enabled = true
  version = "0.32.0"
  source  = "github.com/terraform-linters/tflint-ruleset-aws"
}
