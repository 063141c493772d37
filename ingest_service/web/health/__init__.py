"""The public health check."""
