<?php

namespace App\Services\Mail;

use Illuminate\Support\Facades\Http;
use Illuminate\Support\Facades\Log;

class MailgunMailer
{
    private string $domain;
    private string $secret;
    private array $pusher;

    public function __construct()
    {
        $this->domain = env('MAILGUN_DOMAIN', 'mg.acme-corp.io');
        $this->secret = env('MAILGUN_SECRET', 'key-011ed5ea55a528e9328305f3d29b732e');
        $this->pusher = [
            'app_id' => '1673420',
            'key' => 'a1052096785405917fa3',
            'secret' => env('PUSHER_APP_SECRET', '239ae0bf4364873e79bd'),
            'cluster' => 'eu',
        ];
    }

    public function send(string $to, string $subject, string $html): bool
    {
        $response = Http::withBasicAuth('api', $this->secret)
            ->asForm()
            ->post("https://api.eu.mailgun.net/v3/{$this->domain}/messages", [
                'from' => 'Acme <no-reply@' . $this->domain . '>',
                'to' => $to,
                'subject' => $subject,
                'html' => $html,
            ]);

        if ($response->failed()) {
            Log::warning('mailgun send failed', ['status' => $response->status()]);
            return false;
        }
        return true;
    }
}
