<?php
/**
 * The base configuration for WordPress
 *
 * @link https://wordpress.org/documentation/article/editing-wp-config-php/
 *
 * @package WordPress
 */

// ** Database settings - You can get this info from your web host ** //
/** The name of the database for WordPress */
define( 'DB_NAME', 'wordpress' );

/** Database username */
define( 'DB_USER', 'wp_user' );

/** Database password */
define( 'DB_PASSWORD', 'Welcome1' );

/** Database hostname */
define( 'DB_HOST', 'localhost' );

/** Database charset to use in creating database tables. */
define( 'DB_CHARSET', 'utf8mb4' );

/** The database collate type. Don't change this if in doubt. */
define( 'DB_COLLATE', '' );

/**#@+
 * Authentication unique keys and salts.
 *
 * Change these to different unique phrases! You can generate these using
 * the {@link https://api.wordpress.org/secret-key/1.1/salt/ WordPress.org secret-key service}.
 *
 * @since 2.6.0
 */
define( 'AUTH_KEY',         'n{})RJl*_t~VHfT!KYB+^hrS`JKUD&:%gH_[{t6g$HXv2r`jXlaqCZ[>F6zh{dhx' );
define( 'SECURE_AUTH_KEY',  'I~8Q3&[9RUibC2.xFKBd]_.Q8Spz>6;+8.:#P^`8AF(wB5_sc$6_vHD@;(!PGx|9' );
define( 'LOGGED_IN_KEY',    'jI`bg##~yN7vU]J2=?2QZ+ow^<pZ:vR[l{}34gD >@rVytt$AGPbv+>Xchr.Ix|B' );
define( 'NONCE_KEY',        'mHZ?++M~?f5F-:bkN`!mN:~bk*k<3-MEx(T#T{(a[AJsgB(P:diuka6ErG$mXNDQ' );
define( 'AUTH_SALT',        'HG3o.|,b(bjj/C25WiiM6VbflZ0r&OIR0aQVL!,|ssP:Yz=fiy3#+R69)#C~O 1m' );
define( 'SECURE_AUTH_SALT', ',Q<PBD^4&^u&%[tRU7(4d#r`Qe1N~@3:ER0qedG4Feo.3XffL4EfF:$R!IN7bg3p' );
define( 'LOGGED_IN_SALT',   '.p`rx-k{qD!XGe$+#iQxVU-f<%{#<2[qp7)52s]!2#+H*XAh*c5q}hQ%j4dcd^Nk' );
define( 'NONCE_SALT',       't5&#[>^^.fsA:syBb1js@jD#6s;B3L>0tTc2qbw/`dWzkW!/N6OOGd;R0^!Kr+WS' );

/**#@-*/

/**
 * WordPress database table prefix.
 */
$table_prefix = 'wp_';

/* SMTP plugin (WP Mail SMTP) */
define( 'WPMS_ON', true );
define( 'WPMS_SMTP_HOST', 'smtp.sendgrid.net' );
define( 'WPMS_SMTP_USER', 'apikey' );
define( 'WPMS_SMTP_PASS', getenv( 'SENDGRID_API_KEY' ) );

define( 'WP_DEBUG', false );
define( 'DISALLOW_FILE_EDIT', true );

/* That's all, stop editing! Happy publishing. */

/** Absolute path to the WordPress directory. */
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

/** Sets up WordPress vars and includes files. */
require_once ABSPATH . 'wp-settings.php';
