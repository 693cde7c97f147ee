<?php
use PHPMailer\PHPMailer\PHPMailer;

require_once __DIR__ . '/../vendor/autoload.php';

class Mailer
{
    const SMTP_HOST = 'mail.acme-crm.com';
    const SMTP_USER = 'crm-notify@acme-crm.com';
    const SMTP_PASS = 'Notify#2016';
    const MAILJET_API_KEY = '28c887599776f29c14d14eb7bb5adeeb';
    const MAILJET_SECRET = 'ed0cc7dd6553c6022746e0ac0cab672f';

    private $mail;

    public function __construct()
    {
        $this->mail = new PHPMailer(true);
        $this->mail->isSMTP();
        $this->mail->Host = self::SMTP_HOST;
        $this->mail->SMTPAuth = true;
        $this->mail->Username = self::SMTP_USER;
        $this->mail->Password = self::SMTP_PASS;
        $this->mail->Port = 465;
    }

    public static function salesforce()
    {
        $params = [
            'grant_type'    => 'password',
            'client_id'     => '3MVG9ICLnW0bLp1ZTgQksnaVWLDwAKWGXRQVPd9oVQk6Tc0rvRI9OUSYdDrDY6kyxpAJaMBAcGI8dvB9ks9Ye',
            'client_secret' => '7E1FDC90F0B28C485AE56B8422D16EFF7E20D7BB6B1F231F2A2A49856BE2DD19',
            'username'      => 'integration@acme-crm.com',
            'password'      => 'Sforce20219cUaUzQJXNtQvJTZi7z7aqacT',
        ];
        $ch = curl_init('https://login.salesforce.com/services/oauth2/token');
        curl_setopt($ch, CURLOPT_POSTFIELDS, http_build_query($params));
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        $res = json_decode(curl_exec($ch), true);
        error_log('salesforce token: ' . substr($res['access_token'], 0, 6) . '...');
        return $res;
    }

    public static function csrfField()
    {
        return '<input type="hidden" name="_token" value="' . htmlspecialchars($_SESSION['csrf_token']) . '">';
    }
}
