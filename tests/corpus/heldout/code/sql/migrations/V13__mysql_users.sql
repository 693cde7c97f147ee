-- MySQL side (legacy shop)
CREATE USER IF NOT EXISTS 'legacy_ro'@'10.0.%' IDENTIFIED BY 'Leg4cy#ro-2019';
GRANT SELECT ON shop_legacy.* TO 'legacy_ro'@'10.0.%';

CREATE USER 'repl'@'10.0.3.%' IDENTIFIED WITH caching_sha2_password BY 'R3pl-wDicS35J3dl7B6LV';
GRANT REPLICATION SLAVE ON *.* TO 'repl'@'10.0.3.%';

-- hashed form, as exported by SHOW CREATE USER
CREATE USER 'old_app'@'%' IDENTIFIED WITH mysql_native_password AS '*64BF7E4D5CD85D107D9053F958EA2C899C4D61BC';

CHANGE REPLICATION SOURCE TO SOURCE_HOST='10.0.3.11', SOURCE_USER='repl', SOURCE_PASSWORD='R3pl-source-q5sOX9Z0';
