"""lado-intake: the intake service for a LADO team's referral mailbox."""
