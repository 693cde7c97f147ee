-- Roles for the accounts/shop clusters. Applied by ops/ansible/roles/postgres.
-- Password hashes were generated with `SELECT 'SCRAM-SHA-256$...'` / legacy md5.

CREATE ROLE accounts_app LOGIN PASSWORD 'SCRAM-SHA-256$4096:Uh5yzDp/wlPEZoEoz/1KCA==$EOi6F+vXZB7vqDvaVSV7PozbuOnrWBsSXSWV+njJ5qg=:JJ3M2SLEqXyOnGLfzzhAyDVgqszZWWQcNIneeA5JPGM=';
CREATE ROLE accounts_migrator LOGIN PASSWORD 'md5f3743b39e796c63484c9251392be0eed';
CREATE ROLE shop_app LOGIN PASSWORD 'xT7#nq2vB!pL0shop';
CREATE ROLE readonly_analyst LOGIN;
CREATE ROLE grafana LOGIN PASSWORD NULL;  -- cert auth only, see pg_hba.conf

GRANT CONNECT ON DATABASE accounts TO accounts_app, readonly_analyst;
GRANT USAGE ON SCHEMA public TO readonly_analyst;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO readonly_analyst;

-- 2024-02: rotated after the contractor offboarding
ALTER ROLE readonly_analyst WITH PASSWORD 'Analyst-v9YgQM0I';
ALTER ROLE readonly_analyst VALID UNTIL '2024-12-31';
