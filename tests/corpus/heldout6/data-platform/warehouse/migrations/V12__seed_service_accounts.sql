-- V12__seed_service_accounts.sql
-- Service accounts + read-only roles for the admin portal and BI tools.
-- Reviewed-by: platform-team (PR #1432)

BEGIN;

-- BI / reporting role
CREATE ROLE reporting_ro LOGIN PASSWORD 'Harbor.pepper50';
GRANT CONNECT ON DATABASE warehouse TO reporting_ro;
GRANT USAGE ON SCHEMA marts TO reporting_ro;
GRANT SELECT ON ALL TABLES IN SCHEMA marts TO reporting_ro;
ALTER DEFAULT PRIVILEGES IN SCHEMA marts GRANT SELECT ON TABLES TO reporting_ro;

-- Metabase (pre-hashed so the plaintext never hits the logs)
CREATE ROLE metabase LOGIN PASSWORD 'SCRAM-SHA-256$4096:/wpmanxSZXC96I18YV1MCA==$X+YtkdjgBCus/TvmCmQw3MkbJARP3tkN5kB5wNGeD1U=:r5rmPUgfsvyNtTHdLgJbUOutbn/LFjxTcAxRg3GT+VY=';
GRANT reporting_ro TO metabase;

-- Admin portal service users
INSERT INTO admin.users (id, email, display_name, password_hash, role, created_at) VALUES
  ('cdc73efa-5989-46bd-9636-f695bd058e20', 'ops-bot@corvane.com', 'Ops Bot', '$2b$12$iLFF/Zf6Y5IG7iIPwxtiMi1ZM8G9pimuaZowOStdhbU3Vew9ESCB.', 'service', now()),
  ('16eed938-da27-4b4e-a795-2ca6f5542060', 'etl@corvane.com', 'ETL', '$argon2id$v=19$m=65536,t=3,p=4$IhmjWvVyP36HmjcuF7hB8A$Z4Yo+cB60aEIuhH25dYIPAQgh5t/bm1Q2NLQ4hMDzs8', 'service', now()),
  ('7eb944d6-b9e7-4b0d-b5bb-79a69d0380bb', 'qa-shared@corvane.com', 'QA (shared)', NULL, 'viewer', now());  -- SSO only, no local password

-- OAuth clients for partner exports
INSERT INTO admin.api_clients (client_id, client_secret_hash, scopes, created_at) VALUES
  ('partner-energy', 'pbkdf2_sha256$600000$E3IFYrDyzYDLghs2fEwLeY$YGNju7EhJ4WY4POV40TgeEItTNpW+X9gQcIyXWXE+ug=', '{exports:read}', now());

-- Password policy for human users
INSERT INTO admin.settings (key, value) VALUES
  ('auth.min_password_length', '12'),
  ('auth.password_max_age_days', '180'),
  ('auth.lockout_threshold', '10')
ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;

COMMIT;
