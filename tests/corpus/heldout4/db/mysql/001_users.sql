-- MySQL 8 bootstrap for the WordPress + reporting hosts
-- run as root:  mysql < 001_users.sql

CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE USER IF NOT EXISTS 'wp_user'@'localhost' IDENTIFIED BY 'Welcome1';
GRANT ALL PRIVILEGES ON wordpress.* TO 'wp_user'@'localhost';

CREATE USER 'repl'@'10.0.%' IDENTIFIED WITH mysql_native_password BY 'PtUi#hPr3-_tD7oT^v!_';
GRANT REPLICATION SLAVE ON *.* TO 'repl'@'10.0.%';

CREATE USER 'monitor'@'%' IDENTIFIED WITH mysql_native_password AS '*FCC660894C65B77A8CA16CA8B3739CB90CB9C015';
GRANT PROCESS, REPLICATION CLIENT ON *.* TO 'monitor'@'%';

-- app user; password is set by ansible (see group_vars/prod/vault.yml)
CREATE USER 'reporting'@'10.0.%' IDENTIFIED BY 'changeme';

SET GLOBAL validate_password.length = 12;
SET GLOBAL validate_password.policy = MEDIUM;
FLUSH PRIVILEGES;
