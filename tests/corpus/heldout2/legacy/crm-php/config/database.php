<?php
/*
 * Database configuration for the legacy CRM.
 * Copy to database.local.php for developer overrides.
 */

return [
    'default' => getenv('DB_CONNECTION') ?: 'mysql',

    'connections' => [
        'mysql' => [
            'driver'    => 'mysql',
            'host'      => '192.168.10.21',
            'database'  => 'crm_prod',
            'username'  => 'crm',
            'password'  => 'crm@dm1n2015',
            'charset'   => 'utf8mb4',
        ],
        'mysql_dev' => [
            'driver'    => 'mysql',
            'host'      => '127.0.0.1',
            'database'  => 'crm_dev',
            'username'  => 'root',
            'password'  => '',
        ],
        'pgsql' => [
            'driver'   => 'pgsql',
            'host'     => env('PG_HOST', 'localhost'),
            'password' => env('PG_PASSWORD'),
        ],
    ],

    'redis' => [
        'default' => ['host' => 'redis.crm.local', 'password' => 'mTlg0Z9o2GjYfvepW6m2G5edH2GChoW5', 'port' => 6379],
    ],
];
