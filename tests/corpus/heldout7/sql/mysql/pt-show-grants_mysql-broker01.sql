-- Grants dumped by pt-show-grants
-- Dumped from server Localhost via UNIX socket, MySQL 5.7.44-log at 2024-02-28 01:15:02
-- Grants for 'backup'@'10.40.%'
CREATE USER IF NOT EXISTS 'backup'@'10.40.%';
ALTER USER 'backup'@'10.40.%' IDENTIFIED WITH 'mysql_native_password' AS '*F40D421CE7C1702FD9632A727CC1B9CD091A4353' REQUIRE NONE PASSWORD EXPIRE DEFAULT ACCOUNT UNLOCK;
GRANT LOCK TABLES, PROCESS, RELOAD, REPLICATION CLIENT, SELECT, SHOW VIEW, TRIGGER ON *.* TO 'backup'@'10.40.%';
-- Grants for 'broker_app'@'%'
CREATE USER IF NOT EXISTS 'broker_app'@'%';
ALTER USER 'broker_app'@'%' IDENTIFIED WITH 'mysql_native_password' AS '*E4E693A29C57897B682CF04B50C61111599BA2F7' REQUIRE SSL PASSWORD EXPIRE DEFAULT ACCOUNT UNLOCK;
GRANT DELETE, INSERT, SELECT, UPDATE ON `broker`.* TO 'broker_app'@'%';
-- Grants for 'mysql.session'@'localhost'
CREATE USER IF NOT EXISTS 'mysql.session'@'localhost';
ALTER USER 'mysql.session'@'localhost' IDENTIFIED WITH 'mysql_native_password' AS '*THISISNOTAVALIDPASSWORDTHATCANBEUSEDHERE' REQUIRE NONE PASSWORD EXPIRE DEFAULT ACCOUNT LOCK;
GRANT SUPER ON *.* TO 'mysql.session'@'localhost';
-- Grants for 'mysql.sys'@'localhost'
CREATE USER IF NOT EXISTS 'mysql.sys'@'localhost';
ALTER USER 'mysql.sys'@'localhost' IDENTIFIED WITH 'mysql_native_password' AS '*THISISNOTAVALIDPASSWORDTHATCANBEUSEDHERE' REQUIRE NONE PASSWORD EXPIRE DEFAULT ACCOUNT LOCK;
GRANT USAGE ON *.* TO 'mysql.sys'@'localhost';
-- Grants for 'root'@'localhost'
CREATE USER IF NOT EXISTS 'root'@'localhost';
ALTER USER 'root'@'localhost' IDENTIFIED WITH 'mysql_native_password' AS '*96FF9034C55B948EB5480073C72134232513C8F3' REQUIRE NONE PASSWORD EXPIRE DEFAULT ACCOUNT UNLOCK;
GRANT ALL PRIVILEGES ON *.* TO 'root'@'localhost' WITH GRANT OPTION;
