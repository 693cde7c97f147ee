<?php
// Customer portal configuration (legacy)
define('DB_HOST', 'mysql-legacy.internal');
define('DB_USER', 'portal');
define('DB_PASS', 'p0rtal!2014');
define('PORTAL_SECRET', '21d80792752ef7db8a0358618cf5d2cf');
define('MIN_PASSWORD_LENGTH', 8);

$config = array(
    'db' => array(
        'dsn'      => 'mysql:host=mysql-legacy.internal;dbname=portal',
        'username' => 'portal',
        'password' => 'p0rtal!2014',
    ),
    'smtp' => [
        'host'     => 'smtp.northwind-labs.io',
        'username' => 'portal@northwind-labs.io',
        'password' => getenv('PORTAL_SMTP_PASSWORD'),
    ],
    'paypal' => [
        'client_id'     => 'A9YKHnp9-PH35-TKEOaV0RJutO5teRn_GulVsK0FpJw1vM2CC2TAVUKijpnS66bBeRnAUxAF6V8WumJV',
        'client_secret' => 'EzWKpLEubEmlOzc4Dyi5srhyJr2Fh75UL-Sexw6x2oXKyBqduUMIbMNOSBzO7Ve8teesh_aJUQlo7a-v',
    ],
    'recaptcha_secret' => "6L5DE9LDhADFMIzSWZBnteciY1FQ9bd7mpz8tWrD",
    'password_label'   => 'Enter your password',
);
