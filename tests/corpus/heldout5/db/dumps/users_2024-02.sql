-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: shop-db.internal    Database: shop
-- ------------------------------------------------------
-- Server version	8.0.36

/*!40101 SET NAMES utf8mb4 */;

DROP TABLE IF EXISTS `users`;
CREATE TABLE `users` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `email` varchar(255) NOT NULL,
  `password_hash` varchar(255) NOT NULL,
  `legacy_md5` char(32) DEFAULT NULL,
  `created_at` datetime NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `users` WRITE;
INSERT INTO `users` VALUES
(1,'admin@acme-corp.io','$2b$12$fzA0GgI3QUEbSEckZqZcqEWjjyMvW6T82gDGTy/bjBiLcdkUBrIXi',NULL,'2021-03-04 10:00:00'),
(2,'j.morales@acme-corp.io','$2b$12$PgWCx9OB6hLEdnIzIuUapYGEF0V/dmK0LeX58c/XhOhycDheV3rL/',NULL,'2022-06-11 08:31:12'),
(3,'p.okafor@gmail.com','$argon2id$v=19$m=65536,t=3,p=4$M2x7gQdOGOxes3SnxfM8LA$gnjenOPp06X5isX90aBn5AbjUvkbmNCn30fxsLZtv9A',NULL,'2023-01-19 17:45:03'),
(4,'legacy.buyer@yahoo.com','','7f6c36c346a31cc7af05c91146b9d63d','2015-09-30 12:00:00');
UNLOCK TABLES;

DROP TABLE IF EXISTS `api_keys`;
CREATE TABLE `api_keys` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `user_id` int unsigned NOT NULL,
  `key` varchar(128) NOT NULL,
  `checksum` char(64) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `api_keys` WRITE;
INSERT INTO `api_keys` VALUES
(1,1,'acme_live_20a6TkdrSyz4bXUYIh6uosBM9OIHyZySawr7pcKu','0a0505fa117af9222bf80c71bdbf0082937b7824c3adccd11356739a5b93a2f2'),
(2,2,'acme_live_odIjxYvau5e2akcAsFbJav2U13MAaY1xjy4lox1h','74b464d0a46506db2385bb00869f0818b7891044f2280755ae7f7e927a01cf50');
UNLOCK TABLES;

-- mysql.user excerpt kept for the migration runbook
INSERT INTO mysql.user (Host, User, authentication_string, plugin) VALUES ('%','reporting','*5C1A7B10839FEEC457C5C8134D156ABD5E51A85F','mysql_native_password');
