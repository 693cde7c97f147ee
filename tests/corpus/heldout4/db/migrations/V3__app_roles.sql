-- V3: application roles and seed admin
-- Flyway migration, PostgreSQL 15

CREATE ROLE app_rw LOGIN PASSWORD 'QvAacz%aeVsT@q9^$+n';
CREATE ROLE app_ro LOGIN PASSWORD 'md51c3c158f597cb43688ee1d2049cec138';
CREATE ROLE reporting LOGIN;
ALTER ROLE reporting WITH PASSWORD 'SCRAM-SHA-256$4096:BLH2xmI4hcea5P7aTxA4kg==$WUQq7MrDeldqNiu2McBG0FDO4MFdMbrXsh2t1CjfjJE=:lLmSQ3hXrgk8WHoTgM5nG4oCe5lSACW4ii2Hxii345Q=';
ALTER ROLE migrator PASSWORD NULL;
ALTER ROLE app_rw SET statement_timeout = '30s';

GRANT CONNECT ON DATABASE acme TO app_rw, app_ro, reporting;
GRANT USAGE ON SCHEMA public TO app_rw, app_ro, reporting;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO app_rw;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO app_ro, reporting;

CREATE TABLE IF NOT EXISTS password_policy (
    id              smallint PRIMARY KEY DEFAULT 1,
    min_length      int NOT NULL DEFAULT 12,
    require_symbol  boolean NOT NULL DEFAULT true,
    max_age_days    int NOT NULL DEFAULT 90
);
INSERT INTO password_policy DEFAULT VALUES ON CONFLICT DO NOTHING;

INSERT INTO users (id, email, password_hash, role, created_at)
VALUES ('1ecc87d6-375d-4d97-8933-23758555953b', 'admin@acme.io',
        '$2b$12$fzf9VQl2RVXnLZGCukoiK6wALubNwlqqvttLLv0xjiE3mlBHiRljF', 'admin', now())
ON CONFLICT (email) DO NOTHING;
