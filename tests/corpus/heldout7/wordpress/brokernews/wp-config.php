<?php
/**
 * The base configuration for WordPress - broker news site (staging)
 *
 * @link https://wordpress.org/documentation/article/editing-wp-config-php/
 *
 * @package WordPress
 */

// ** Database settings - You can get this info from your web host ** //
define( 'DB_NAME', 'wp_brokernews' );
define( 'DB_USER', 'wp_brokernews' );
define( 'DB_PASSWORD', 'pP=+oBY*2A-0Fkj!' );
define( 'DB_HOST', 'mysql-web01.dmz.aurelis.local' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

/**#@+
 * Authentication unique keys and salts.
 *
 * Change these to different unique phrases! You can generate these using
 * the {@link https://api.wordpress.org/secret-key/1.1/salt/ WordPress.org secret-key service}.
 */
define( 'AUTH_KEY',         'put your unique phrase here' );
define( 'SECURE_AUTH_KEY',  'put your unique phrase here' );
define( 'LOGGED_IN_KEY',    'put your unique phrase here' );
define( 'NONCE_KEY',        'put your unique phrase here' );
define( 'AUTH_SALT',        'put your unique phrase here' );
define( 'SECURE_AUTH_SALT', 'put your unique phrase here' );
define( 'LOGGED_IN_SALT',   'put your unique phrase here' );
define( 'NONCE_SALT',       'put your unique phrase here' );
/**#@-*/

$table_prefix = 'wpab_';

define( 'WP_DEBUG', false );
define( 'WP_ENVIRONMENT_TYPE', 'staging' );
define( 'DISALLOW_FILE_EDIT', true );

// updates via FTP because of the DMZ file permissions
define( 'FS_METHOD', 'ftpext' );
define( 'FTP_HOST', 'web01.dmz.aurelis.local' );
define( 'FTP_USER', 'wpdeploy' );
define( 'FTP_PASS', 'zIwA#L0p?6z+hO' );

define( 'WP_REDIS_HOST', 'redis-web01.dmz.aurelis.local' );
define( 'WP_REDIS_PASSWORD', getenv( 'WP_REDIS_PASSWORD' ) );

/* That's all, stop editing! Happy publishing. */
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
