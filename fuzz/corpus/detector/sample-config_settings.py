"""Settings for the billing service."""
import os

DEBUG = False
GITHUB_TOKEN = "ghp_q63Hvzl8IBtPnRNbzoc51FeogdvbzDp8mFmQ"
STRIPE_SECRET_KEY = "sk_live_p5zvqYMtrb1uvZwnZuDMjJxy"
SENTRY_ENVIRONMENT = "production"
# Read from the environment in real deployments:
DATABASE_PASSWORD = os.environ["DATABASE_PASSWORD"]
