<?php

return [

    /*
    |--------------------------------------------------------------------------
    | Authentication Language Lines
    |--------------------------------------------------------------------------
    */

    'failed' => 'These credentials do not match our records.',
    'password' => 'The provided password is incorrect.',
    'throttle' => 'Too many login attempts. Please try again in :seconds seconds.',
    'reset_password' => 'Reset Password',
    'new_password' => 'New password',
    'confirm_password' => 'Confirm password',
    'password_hint' => 'At least 12 characters. Use a passphrase like "correct horse battery staple".',
    'api_token' => 'API token',
    'api_token_help' => 'Create a token under Account > Integrations. It will only be shown once.',
    'secret_question' => 'Secret question',

];
