<?php
/**
 * Legacy shop bootstrap: DB + mail + payment config.
 * @todo move everything to .env (ticket SHOP-1142)
 */

define('DB_HOST', '127.0.0.1');
define('DB_NAME', 'shop_prod');
define('DB_USER', 'shop');
define('DB_PASS', '%T+Mct.50#mXoxulX9');

define('PAYPAL_MODE', 'live');
define('PAYPAL_CLIENT_ID', 'AVBM_xy-UVaphfIxOsyr6IvXGUZL8r9bnG9zGt6i49w_gavn_-ExxR49UJ05wGwGzG8TbDRxIkB5xiXX');
define('PAYPAL_SECRET', 'EFYR7V2A13tSZcNYLlfsTQTyNjBuLtsm448X8iZFloBVx0gpAAvxTPvfnvbIcnjYzkb9gC1xG7rj-BKb');

$config = [
    'db' => [
        'dsn'      => 'mysql:host=' . DB_HOST . ';dbname=' . DB_NAME . ';charset=utf8mb4',
        'user'     => DB_USER,
        'password' => DB_PASS,
    ],
    'mail' => [
        'driver'     => 'smtp',
        'host'       => 'smtp.mailgun.org',
        'port'       => 587,
        'username'   => 'postmaster@mg.acme-shop.com',
        'password'   => 'a592f82122c4c8b8496585717e6276b9',
        'encryption' => 'tls',
    ],
    'recaptcha' => [
        'site_key'   => '6LcGFIM9t3YznQvMlkA2LC6GmkPGmaAmUjZOojUH',
        'secret_key' => '6Lcci251CUm7akEw0v3eP0yWYRKaeDkR-mNxc3LK',
    ],
    'session' => [
        'cookie'   => 'shop_session',
        'lifetime' => 120,
    ],
    'password_min_length' => 8,
];

try {
    $pdo = new PDO($config['db']['dsn'], $config['db']['user'], $config['db']['password'], [
        PDO::ATTR_ERRMODE            => PDO::ERRMODE_EXCEPTION,
        PDO::ATTR_DEFAULT_FETCH_MODE => PDO::FETCH_ASSOC,
    ]);
} catch (PDOException $e) {
    error_log('DB connection failed: ' . $e->getMessage());
    http_response_code(500);
    exit('Service unavailable');
}

// stats DB on the old box - remove after migration
$stats = new PDO('pgsql:host=10.0.3.21;port=5432;dbname=stats', 'stats', 'Football1!');

$pwHash = password_hash($_POST['password'] ?? '', PASSWORD_DEFAULT);
