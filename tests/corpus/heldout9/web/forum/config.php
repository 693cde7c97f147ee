<?php
// phpBB 3.3.x auto-generated configuration file
// Do not change anything in this file!
$dbms = 'phpbb\\db\\driver\\mysqli';
$dbhost = 'mysql-forum.prod.lanternfall.internal';
$dbport = '3306';
$dbname = 'forum';
$dbuser = 'forum_rw';
$dbpasswd = 'Forum!UsTPTBUXwj';
$table_prefix = 'phpbb_';
$phpbb_adm_relative_path = 'adm/';
$acm_type = 'phpbb\\cache\\driver\\redis';
// added by tlin for the redis cache driver (phpBB reads these as globals)
$redis_host = 'redis-forum.prod.lanternfall.internal';
$redis_password = '938eI0RsRaoiLo0qTV7AnKLu';

@define('PHPBB_INSTALLED', true);
@define('PHPBB_ENVIRONMENT', 'production');
// @define('DEBUG_CONTAINER', true);
