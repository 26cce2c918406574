# Until the stack module existed, each env called the five modules directly.
# These blocks move state from those addresses to the same resources under
# module.stack, so an env applied with the old layout plans no destroy/create
# (above all, not of the database). Keep them: they cost nothing, and an old
# state may still turn up. tests/moved.tftest.hcl proves they work.

moved {
  from = module.secrets
  to   = module.stack.module.secrets
}

moved {
  from = module.network
  to   = module.stack.module.network
}

moved {
  from = module.database
  to   = module.stack.module.database
}

moved {
  from = module.app
  to   = module.stack.module.app
}

moved {
  from = module.observability
  to   = module.stack.module.observability
}
