"""The intake chain: the ledger, then ordered steps from raw email to filed referral and reply."""
