-- V12: service accounts for the reporting stack
-- Passwords are rotated by the vault database secrets engine after first deploy.

CREATE ROLE reporting_ro WITH LOGIN PASSWORD 'Rep0rt-R0!LamIYo38';
GRANT CONNECT ON DATABASE billing TO reporting_ro;
GRANT USAGE ON SCHEMA public TO reporting_ro;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO reporting_ro;

CREATE ROLE etl_writer WITH LOGIN ENCRYPTED PASSWORD 'SCRAM-SHA-256$4096:kHE0QfCBrernvZ9alZqdDA==$2SLkyk0ingOcRC2Z1fn42enYJ8dddqxL4uo4mLGrcPU=:+44dJt8J8w7Hjg5bBx2bwpNiQqyuLsDpWHg75vpw1j8=';

-- application user (password set by ops, see runbook)
CREATE ROLE billing_app WITH LOGIN;

-- seed admin user for the back-office UI
INSERT INTO backoffice_users (email, password_hash, role, created_at)
VALUES ('admin@example.com', '$2a$10$1WAyDJIqbR0eiVk3aif8RV6VywLKxU4E7eLDlwFNmfAmj3MFkNPSw', 'admin', now());

INSERT INTO api_clients (name, client_id, client_secret) VALUES
  ('partner-portal', 'partner-portal', 'bJYpFgqGQ3F4JoFppJMxcZ2WMD38e8hllsIBEbC6'),
  ('mobile-app', 'mobile-app', NULL);

-- settings table: only non-secret values here
INSERT INTO settings (key, value) VALUES
  ('password_min_length', '12'),
  ('password_reset_ttl_minutes', '30'),
  ('smtp_password', '');
