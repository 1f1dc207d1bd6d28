"""The staff console in the browser (`make run` starts it on :8090)."""
