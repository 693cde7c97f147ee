<?php
return [
    'backend' => [
        'frontName' => 'admin_1k9qz2'
    ],
    'remote_storage' => [
        'driver' => 'file'
    ],
    'queue' => [
        'consumers_wait_for_messages' => 1,
        'amqp' => [
            'host' => 'rabbit.internal',
            'port' => '5672',
            'user' => 'magento',
            'password' => 'Mq-0d8hiWPhj0ZBdA',
            'virtualhost' => '/'
        ]
    ],
    'crypt' => [
        'key' => 'base64wnzsGQNfj7vmQpOBLwlkCBkdY5ISjzUJdWjSZ0Vg4f4='
    ],
    'db' => [
        'table_prefix' => '',
        'connection' => [
            'default' => [
                'host' => 'db01.internal',
                'dbname' => 'magento',
                'username' => 'magento',
                'password' => 'M4g3nt0!hhjYdLg3OA',
                'model' => 'mysql4',
                'engine' => 'innodb',
                'initStatements' => 'SET NAMES utf8;',
                'active' => '1',
                'driver_options' => [
                    1014 => false
                ]
            ]
        ]
    ],
    'resource' => [
        'default_setup' => [
            'connection' => 'default'
        ]
    ],
    'x-frame-options' => 'SAMEORIGIN',
    'MAGE_MODE' => 'production',
    'session' => [
        'save' => 'redis',
        'redis' => [
            'host' => 'cache01',
            'port' => '6379',
            'password' => '',
            'timeout' => '2.5',
            'database' => '2'
        ]
    ],
    'cache_types' => [
        'config' => 1,
        'layout' => 1,
        'full_page' => 1
    ],
    'install' => [
        'date' => 'Thu, 14 Mar 2024 09:12:44 +0000'
    ]
];
