"""Learning-engine models. Filled by the cohort, homework and diploma issues."""
