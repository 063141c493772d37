"""The web app: sign-in, the review queue, referral pages, the dashboard and the JSON API."""
