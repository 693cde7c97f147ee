-- Seed initial admin accounts and service users
INSERT INTO users (id, email, password_hash, role, created_at) VALUES
  (1, 'admin@acme.io', '$2y$12$jh7WNFyaLG1X8HsaFtlTBz48WYBWPUz2cQbdSk75DJKHCxh7uHGFu', 'admin', now()),
  (2, 'ops@acme.io', '$2y$12$yFwUjMyZviKLRf8uKtLNEynFQQ0jNJ93gheESEwhAzNj4NgIiTFQ7', 'admin', now()),
  (3, 'readonly@acme.io', '', 'viewer', now());

-- service accounts (plaintext legacy column, to be dropped in V5)
INSERT INTO service_accounts (name, api_key, secret) VALUES
  ('billing-sync', 'fe85c0ab28c3b79578a1052feaeba8e4', 'ede17bea09d566be3f6fd6347393d1af8191e5fe'),
  ('reporting', 'REPLACE_ME', 'REPLACE_ME');

CREATE USER report_reader WITH PASSWORD 'Reader2021!';
GRANT SELECT ON ALL TABLES IN SCHEMA public TO report_reader;

INSERT INTO file_uploads (id, sha256, uploaded_by) VALUES
  ('9fd4c7de-60fb-431d-90ec-5b2f23020c64', '4a96749fd3be08d2ebc9c63440b80e596f149efa7d602956ada66745ccd4e44f', 1);
