<?php
/**
 * The base configuration for WordPress
 *
 * @package WordPress
 */

// ** Database settings - You can get this info from your web host ** //
define( 'DB_NAME', 'acme_blog' );
define( 'DB_USER', 'wp_acme' );
define( 'DB_PASSWORD', 'T8yCO3e3z8Y0eN' );
define( 'DB_HOST', 'blog-db.internal:3306' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

/**#@+
 * Authentication unique keys and salts.
 *
 * @since 2.6.0
 */
define( 'AUTH_KEY',         'y7^#RuX4CO^0S|vLKE0?EK!`#9Rf!*lL[?QG-xA}x1V!l`Qah;e^8^{FV=ZxTEN,' );
define( 'SECURE_AUTH_KEY',  '>ezle(tS*cG_t^5:-~N=lCW+Zg11kH}Fry`#1ib4!fUIJ-/}s_uiJ?`O7uOQp,Ot' );
define( 'LOGGED_IN_KEY',    '[*>T?2ZD{t<^i>bt7VBbv/qfG.+Gi8Z`>X:+#%/lUg)*;MWD|R-uT}HC%l`YkD25' );
define( 'NONCE_KEY',        'I&e,rv%[+:zQGcS5F,:C4NAzJuYi3:Md^:BM@S>(P=inGi6kj`D[3OV@`%n!<5fF' );
define( 'AUTH_SALT',        'LG;yz~%#MQJRpD26AolU~_peQoK@kWA,5g;Wx!F_se_Tqy;_11#o;A;@@PL;@oPA' );
define( 'SECURE_AUTH_SALT', 'z:^^;t3y@&XZs7q9httEcO[ANO4A:m!zBxN`cYg:ewG+o;|qUGdP3^cZW7y>4[D8' );
define( 'LOGGED_IN_SALT',   '68:i|nXpk&ddO|.#2[pNF/.nwdvmO8N_ral51J@l>?n)so@]5%O{9TQ:k!Ii?kJF' );
define( 'NONCE_SALT',       'Ep=qX|Hh.5LfP=B|[x5IT>S}D.F(aE[K!A;47viAwL14Lro?:C_coc^+&i9vI9b-' );

/**#@-*/

$table_prefix = 'wp_';

define( 'WP_DEBUG', false );
define( 'FORCE_SSL_ADMIN', true );

/* That's all, stop editing! Happy publishing. */

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

require_once ABSPATH . 'wp-settings.php';
