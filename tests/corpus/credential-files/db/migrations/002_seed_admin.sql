-- 002_seed_admin.sql
-- Seeds the initial admin account and the integration service user.
-- The admin must change the password on first login (must_change_password = true).

BEGIN;

INSERT INTO roles (id, name) VALUES (1, 'admin'), (2, 'integration') ON CONFLICT DO NOTHING;

INSERT INTO users (id, email, password_hash, role_id, must_change_password, created_at)
VALUES
  (1, 'admin@northwind-labs.io', '$2y$12$UeyzK31LKc2W04ezLATZa5OR9eTthc7heZCkuw0KzBSBxhr2bw6Ax', 1, true, now()),
  (2, 'integration@northwind-labs.io', 'pbkdf2_sha256$600000$5SCK6gMOkk9La7rTAq13j9$JDJm2bS+uSV5U3m+3qJg4LMgsANvPvLBYCGyGmHSTS4=', 2, false, now());

INSERT INTO api_clients (name, client_id, client_secret, scopes)
VALUES ('erp-sync', 'erp-sync', '_nTq6epSD1KOGOdClgwtBc-b4hfEC64vu1zg6Im7', '{orders:read,orders:write}');

-- password reset tokens table (tokens are generated at runtime)
CREATE TABLE IF NOT EXISTS password_reset_tokens (
  token_hash char(64) PRIMARY KEY,
  user_id    integer NOT NULL REFERENCES users(id),
  expires_at timestamptz NOT NULL
);

CREATE ROLE app_readonly LOGIN PASSWORD 'readonly';

COMMIT;
