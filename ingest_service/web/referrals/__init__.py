"""The review queue, referral pages and the referrals API."""
