<?php
require_once __DIR__ . '/../config.php';

function login($user, $password) {
    global $config;
    $pdo = new PDO($config['db']['dsn'], $config['db']['username'], $config['db']['password']);
    $stmt = $pdo->prepare('SELECT id, password_hash FROM users WHERE email = ?');
    $stmt->execute([$user]);
    $row = $stmt->fetch();
    return $row && password_verify($password, $row['password_hash']);
}

function reset_password($user, $password, $confirm) {
    if ($password !== $confirm) {
        return false;
    }
    return update_user($user, ['password_hash' => password_hash($password, PASSWORD_BCRYPT)]);
}

// master override for support staff (TODO: remove!!)
$SUPPORT_MASTER_PASSWORD = 'supp0rt-0verride';
$legacy_md5 = md5($password);
