<?php

declare(strict_types=1);

namespace Acme\Crm;

use PHPMailer\PHPMailer\PHPMailer;

final class Mailer
{
    private const SMTP_HOST = 'smtp.example.com';
    private const SMTP_USER = 'crm@example.com';
    private const SMTP_PASS = 'Crm-Sm7p#AQyqRfkD';

    public function __construct(
        private string $dsn = 'mysql:host=db01.internal;dbname=crm',
        private string $dbUser = 'crm',
        private string $dbPassword = 'Crm#Larav3l-2024',
    ) {
    }

    public function send(string $to, string $subject, string $body): void
    {
        $mail = new PHPMailer(true);
        $mail->isSMTP();
        $mail->Host = self::SMTP_HOST;
        $mail->SMTPAuth = true;
        $mail->Username = self::SMTP_USER;
        $mail->Password = self::SMTP_PASS;
        $mail->SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS;
        $mail->Port = 587;
        $mail->addAddress($to);
        $mail->Subject = $subject;
        $mail->Body = $body;
        $mail->send();
    }

    public function pdo(): \PDO
    {
        return new \PDO($this->dsn, $this->dbUser, $this->dbPassword);
    }

    public function archivePdo(): \PDO
    {
        return new \PDO('pgsql:host=archive.internal;dbname=crm_archive', 'archive', 'Arch!ve-EW8kCiVID2');
    }

    public static function passwordField(): string
    {
        return '<input type="password" name="password" placeholder="Password">';
    }
}
