-- MySQL dump 10.13  Distrib 8.0.35, for Linux (x86_64)
--
-- Host: localhost    Database: shop
-- ------------------------------------------------------
-- Server version	8.0.35

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;

CREATE USER IF NOT EXISTS 'shop_app'@'%' IDENTIFIED BY 'ShopApp#2020';
CREATE USER 'shop_ro'@'10.%' IDENTIFIED WITH auth_socket;
GRANT SELECT, INSERT, UPDATE, DELETE ON shop.* TO 'shop_app'@'%';
GRANT SELECT ON shop.* TO 'shop_ro'@'10.%';
ALTER USER 'root'@'localhost' PASSWORD EXPIRE INTERVAL 90 DAY;

--
-- Table structure for table `users`
--

DROP TABLE IF EXISTS `users`;
CREATE TABLE `users` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `email` varchar(191) NOT NULL,
  `password_hash` varchar(255) NOT NULL,
  `password_changed_at` datetime DEFAULT NULL,
  `api_token` char(40) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `users_email_unique` (`email`)
) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

LOCK TABLES `users` WRITE;
INSERT INTO `users` VALUES (1,'admin@client-acme.example','$2y$12$nfJ5/Ok8YLZ120s3MbjKA6fVw9qozqNPEt835mLGjiG0Ecb6q.g18','2023-03-01 10:00:00','21802bb341183e7f66571e4b56946da1fe414eab'),(2,'jane@client-acme.example','$2y$12$PqhbQda70V/RaZ6ps0B6EtLgUIdCWrSHmoU3f8OIe4PbXl0xNGA2w','2023-04-11 08:30:12',NULL);
INSERT INTO `users` VALUES (4,'deleted@client-acme.example','!','2022-01-01 00:00:00',NULL);
UNLOCK TABLES;

--
-- Table structure for table `smtp_accounts`
--

DROP TABLE IF EXISTS `smtp_accounts`;
CREATE TABLE `smtp_accounts` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `host` varchar(255) NOT NULL,
  `username` varchar(255) NOT NULL,
  `password` varchar(255) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `smtp_accounts` WRITE;
INSERT INTO `smtp_accounts` (`id`, `host`, `username`, `password`) VALUES
(1,'smtp.client-acme.example','shop@client-acme.example','Shop-Mail-2021');
UNLOCK TABLES;

-- PostgreSQL-side roles used by the reporting replica
-- ALTER USER reporting WITH PASSWORD '<set-in-vault>';
ALTER USER reporting PASSWORD 'R3porting-Repl1ca';
ALTER ROLE etl WITH LOGIN PASSWORD NULL;

/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
-- Dump completed on 2024-01-15  3:00:01
