"""The case record of a referral, from triage to outcome."""
