<?php

declare(strict_types=1);

namespace App\Tests\Unit\Payment;

use App\Payment\StripeWebhookVerifier;
use App\Validator\PasswordPolicy;
use PHPUnit\Framework\TestCase;

final class StripeWebhookTest extends TestCase
{
    // Dummy values for unit tests only. These are NOT real credentials.
    private const FAKE_WEBHOOK_SECRET = 'whsec_test_secret_for_unit_tests_only';
    private const FAKE_SECRET_KEY = 'sk_test_XXXXXXXXXXXXXXXXXXXXXXXX';

    private StripeWebhookVerifier $verifier;

    protected function setUp(): void
    {
        $this->verifier = new StripeWebhookVerifier(self::FAKE_WEBHOOK_SECRET, toleranceSeconds: 300);
    }

    public function testAcceptsValidSignature(): void
    {
        $payload = json_encode([
            'id' => 'evt_1OqXyZ2eZvKYlo2C0example',
            'type' => 'checkout.session.completed',
            'data' => ['object' => ['id' => 'cs_test_a1b2c3', 'amount_total' => 4599, 'currency' => 'eur']],
        ], JSON_THROW_ON_ERROR);
        $ts = time();
        $sig = hash_hmac('sha256', $ts . '.' . $payload, self::FAKE_WEBHOOK_SECRET);

        self::assertTrue($this->verifier->verify($payload, sprintf('t=%d,v1=%s', $ts, $sig)));
    }

    public function testRejectsTamperedPayload(): void
    {
        $ts = time();
        $sig = hash_hmac('sha256', $ts . '.{"id":"evt_1"}', self::FAKE_WEBHOOK_SECRET);

        self::assertFalse($this->verifier->verify('{"id":"evt_2"}', sprintf('t=%d,v1=%s', $ts, $sig)));
    }

    public function testRejectsExpiredTimestamp(): void
    {
        $ts = time() - 3600;
        $sig = hash_hmac('sha256', $ts . '.{}', self::FAKE_WEBHOOK_SECRET);

        self::assertFalse($this->verifier->verify('{}', sprintf('t=%d,v1=%s', $ts, $sig)));
    }

    public function testClientIsNeverBuiltWithLiveKeyInTests(): void
    {
        self::assertStringStartsWith('sk_test_', self::FAKE_SECRET_KEY);
    }

    /**
     * @dataProvider passwords
     */
    public function testPasswordPolicy(string $candidate, bool $valid): void
    {
        $policy = new PasswordPolicy(minLength: 12, message: 'Your password must be at least {{ limit }} characters long.');
        self::assertSame($valid, $policy->isValid($candidate));
    }

    public static function passwords(): iterable
    {
        yield 'too short' => ['short', false];
        yield 'placeholder' => ['<password>', false];
        yield 'long enough' => [str_repeat('a', 12), true];
    }
}
