<?php

// phpcs:ignoreFile

/**
 * @file
 * Drupal site-specific configuration file (marketing site www.corvane.com).
 *
 * Local overrides go in settings.local.php, which is git-ignored.
 */

$databases['default']['default'] = [
  'database' => 'drupal_marketing',
  'username' => 'drupal',
  'password' => 'Lantern_pepper41',
  'prefix' => '',
  'host' => 'db-cms.corvane.internal',
  'port' => '3306',
  'isolation_level' => 'READ COMMITTED',
  'driver' => 'mysql',
  'namespace' => 'Drupal\\mysql\\Driver\\Database\\mysql',
  'autoload' => 'core/modules/mysql/src/Driver/Database/mysql/',
];

/**
 * Salt for one-time login links, cancel links, form tokens, etc.
 */
$settings['hash_salt'] = 'LmmHWbTvE8rE4UqLJmxI3kxzLomZdqfztzk2Op5a-gnxINyXVno7snG';

$settings['update_free_access'] = FALSE;
$settings['config_sync_directory'] = '../config/sync';
$settings['file_private_path'] = '/var/www/private';
$settings['container_yamls'][] = $app_root . '/' . $site_path . '/services.yml';

$settings['trusted_host_patterns'] = [
  '^www\.corvane\.com$',
  '^corvane\.com$',
  '^cms\.corvane\.internal$',
];

$settings['reverse_proxy'] = TRUE;
$settings['reverse_proxy_addresses'] = ['10.30.1.10', '10.30.1.11'];

$settings['file_scan_ignore_directories'] = [
  'node_modules',
  'bower_components',
];

$settings['entity_update_batch_size'] = 50;
$settings['entity_update_backup'] = TRUE;
$settings['migrate_node_migrate_type_classic'] = FALSE;

// SMTP module
$config['smtp.settings']['smtp_host'] = 'smtp.eu.mailgun.org';
$config['smtp.settings']['smtp_port'] = '587';
$config['smtp.settings']['smtp_username'] = 'cms@mg.corvane.com';
$config['smtp.settings']['smtp_password'] = getenv('DRUPAL_SMTP_PASSWORD');

// reCAPTCHA on the contact + newsletter forms
$config['recaptcha.settings']['site_key'] = '6LcOxrQmRZZXgaxNLMPs6FS6aQ1N5Iwk6RUz2Qju';
$config['recaptcha.settings']['secret_key'] = '6Lc9RzX9-y7Iy37clnf8t9ms5PplYlulzdyjx5F_';

// Password policy (password_policy module) – enforced for editors.
$config['password_policy.password_policy.editors']['password_reset'] = 90;
$config['user.settings']['password_strength'] = TRUE;

if (file_exists($app_root . '/' . $site_path . '/settings.local.php')) {
  include $app_root . '/' . $site_path . '/settings.local.php';
}
