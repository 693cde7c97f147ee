-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: wms-db01.brightwharf.internal    Database: wms
-- ------------------------------------------------------
-- Server version	8.0.36

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!50503 SET NAMES utf8mb4 */;

--
-- Table structure for table `wms_users`
--

DROP TABLE IF EXISTS `wms_users`;
CREATE TABLE `wms_users` (
  `id` int NOT NULL AUTO_INCREMENT,
  `login` varchar(64) NOT NULL,
  `display_name` varchar(128) DEFAULT NULL,
  `password_hash` varchar(255) NOT NULL,
  `hash_algo` varchar(16) NOT NULL DEFAULT 'bcrypt',
  `locked` tinyint(1) NOT NULL DEFAULT '0',
  `last_login` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_login` (`login`)
) ENGINE=InnoDB AUTO_INCREMENT=412 DEFAULT CHARSET=utf8mb4;

LOCK TABLES `wms_users` WRITE;
INSERT INTO `wms_users` VALUES (1,'admin','WMS Administrator','434d711276d2ed2068e7a02499fac15c','md5',0,'2024-02-27 18:02:11');
INSERT INTO `wms_users` VALUES (2,'sarah.o','Sarah O''Brien','$2b$10$FRRXJA0HKCiTSPbpbQKS1.egLtWpkKyRU88sfNxmGP/HFbVdSCt3y','bcrypt',0,'2024-02-28 07:15:40');
INSERT INTO `wms_users` VALUES (3,'gary.m','Gary Mills','$argon2id$v=19$m=65536,t=3,p=4$+T7NEmJWb2888WGH1FoUQg$DBU/jfsbYkMKVgJfCjYlPpdsP5RWq63HFLIhWKXgv68','argon2',0,'2024-02-26 06:58:03');
INSERT INTO `wms_users` VALUES (4,'old.integration','Legacy EDI','!','none',1,NULL);
INSERT INTO `wms_users` VALUES (5,'scanner01','Scanner LHR 01','7ad681f365c7f3a02e046a2277db5dd0d6794b0d','sha1',0,'2024-02-28 05:00:00');
UNLOCK TABLES;

--
-- Application DB users
--
CREATE USER IF NOT EXISTS 'wms_app'@'10.40.%' IDENTIFIED BY 'WmsApp-uWiR3sEwYuIUvP';
GRANT SELECT, INSERT, UPDATE, DELETE ON `wms`.* TO 'wms_app'@'10.40.%';
CREATE USER IF NOT EXISTS 'grafana_ro'@'%' IDENTIFIED WITH mysql_native_password AS '*6FE1B8EEF0FC656F4A50580649E9CD221BF168FE';
GRANT SELECT ON `wms`.`scan_events` TO 'grafana_ro'@'%';
FLUSH PRIVILEGES;
