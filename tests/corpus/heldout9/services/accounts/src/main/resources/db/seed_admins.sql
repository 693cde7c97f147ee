-- Seed support-tool admins for a fresh accounts database.
-- Generated 2023-10-02 by tlin. Hashes are argon2id/bcrypt of the initial passwords that
-- were handed out in person; users must change them on first login (force_reset = true).

INSERT INTO support_admins (username, email, password_hash, role, force_reset, created_at) VALUES
  ('tlin',      'tanya.lin@lanternfall.games',     '$argon2id$v=19$m=65536,t=3,p=4$w5Nh4T63BeD4eB8396duCw$hum0K36T56by+dLkyozxKZlui6zheYYJ6cVmms/zUII', 'SUPER', false, now()),
  ('mkowalski', 'marek.kowalski@lanternfall.games', '$2a$12$scXz0QjOuAHTYpiDGYCu7ufXemmQlBWc10aQu7uJgyZ/Kw2TKuI/q', 'ADMIN', true, now()),
  ('abrennan',  'aoife.brennan@lanternfall.games',  '$2a$12$Kt0UFwMNj7mYJP/egvKFOOCIeiWxu3YlpTDIfIITk.dlcba/3I/OG', 'SUPPORT', true, now()),
  ('svc_ticketbridge', 'ops@lanternfall.games',     '!', 'SERVICE', false, now());

-- service account cannot log in interactively ('!' = locked)

INSERT INTO support_roles (role, can_ban, can_refund, can_view_payments) VALUES
  ('SUPER',   true,  true,  true),
  ('ADMIN',   true,  true,  false),
  ('SUPPORT', false, false, false),
  ('SERVICE', false, false, false);
