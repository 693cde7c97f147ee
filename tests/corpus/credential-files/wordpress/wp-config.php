<?php
/**
 * The base configuration for WordPress
 *
 * @package WordPress
 */

// ** Database settings - You can get this info from your web host ** //
/** The name of the database for WordPress */
define( 'DB_NAME', 'acme_wp' );

/** Database username */
define( 'DB_USER', 'acme_wp_user' );

/** Database password */
define( 'DB_PASSWORD', 'Xq7!mWp#2021acme' );

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
define( 'AUTH_KEY',         'q3pfif9s(qM0Hc/94uL+GQ3xc3GprI6e+;OW4%l?hoDV]}<qMRoUj:?J45Hlp*Vx' );
define( 'SECURE_AUTH_KEY',  '=r#tqt]DC5o#Q^~!#r@ggG:TPx)a86~ncrRB<|fNMlp=TK=HR;.r.t^Kg.<EMV6(' );
define( 'LOGGED_IN_KEY',    ']lO%&|Bma6Lf1|Jl)P$;nC|U3HRl!>4Mb)Yl6V[wkg8J@0_;4#Ut#orj/SP}f}L-' );
define( 'NONCE_KEY',        'bnW$mrgU5[J+t:u#6PQCt}[H_346i{4Qj]UB&;&l+^;+TBur}d*}aRj8)H=k<(vf' );
define( 'AUTH_SALT',        'w2%(xM#zCGkZ_8#KEHJ:lG9YxTNT>WttqJqwM,0@k}VtXrWoWV<0g0(^De$zF&L%' );
define( 'SECURE_AUTH_SALT', '}#]u!jD(ltM^YX#(EEM@XMpnFNLsr)f7,q;%^.X0hG+F#8VxNR6s2,-fp5uinp[F' );
define( 'LOGGED_IN_SALT',   '97SR3_zaxQU]RFcK]-VypzG,Y(L?rNQfh!D<_PL[<8IiEeVPX@G;q9aD+)9Xgzb!' );
define( 'NONCE_SALT',       'rsm0FGw)RA#Z;HqsvDVoirnAh4F(=F~So/B.2(DpoVl+bWeNzx1,DT+;GHc5h^0N' );

/**#@-*/

define( 'FS_METHOD', 'direct' );

/**
 * WordPress database table prefix.
 */
$table_prefix = 'wp_';

define( 'WP_DEBUG', false );

/* That's all, stop editing! Happy publishing. */

/** Absolute path to the WordPress directory. */
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

/** Sets up WordPress vars and included files. */
require_once ABSPATH . 'wp-settings.php';
