"""What the support team learns from real conversations: the NLU inbox and the report."""
