"""Deal + library + outline → Agreement (assembly, schedules), and the drafting service."""
