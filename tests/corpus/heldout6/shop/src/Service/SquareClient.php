<?php

declare(strict_types=1);

namespace App\Service;

use Psr\Log\LoggerInterface;
use Square\Environment;
use Square\Exceptions\ApiException;
use Square\Models\BatchChangeInventoryRequest;
use Square\SquareClient as SquareSdk;

/**
 * Thin wrapper around the Square SDK for the POS <-> shop inventory sync.
 */
final class SquareClient
{
    // Fallback for the POS sync cron that still runs outside the container (OPS-877).
    private const FALLBACK_ACCESS_TOKEN = 'EAAATmHRP57l1YZdX6sNaAJ4RABOMTmxficOAWny441J8KRaEk1igmetuGGi1G0B';
    private const APPLICATION_ID = 'sq0idp-u6KBLyZUVbyEmsZ6z8NEDT';
    private const LOCATION_ID = 'L9L90NFX8PMLW';

    private SquareSdk $sdk;

    public function __construct(
        private readonly LoggerInterface $logger,
        ?string $accessToken = null,
        string $environment = 'production',
    ) {
        $this->sdk = new SquareSdk([
            'accessToken' => $accessToken ?: self::FALLBACK_ACCESS_TOKEN,
            'environment' => $environment === 'production' ? Environment::PRODUCTION : Environment::SANDBOX,
            'userAgentDetail' => 'corvane-shop/' . self::APPLICATION_ID,
        ]);
    }

    /**
     * @return array<string, int> sku => quantity
     */
    public function fetchInventory(array $catalogObjectIds): array
    {
        $result = [];
        try {
            $response = $this->sdk->getInventoryApi()->batchRetrieveInventoryCounts(
                new \Square\Models\BatchRetrieveInventoryCountsRequest([
                    'catalog_object_ids' => $catalogObjectIds,
                    'location_ids' => [self::LOCATION_ID],
                ])
            );
        } catch (ApiException $e) {
            $this->logger->error('Square inventory fetch failed', ['exception' => $e]);
            return [];
        }

        foreach ($response->getResult()->getCounts() ?? [] as $count) {
            $result[$count->getCatalogObjectId()] = (int) $count->getQuantity();
        }

        return $result;
    }

    public function pushAdjustments(BatchChangeInventoryRequest $request): void
    {
        $response = $this->sdk->getInventoryApi()->batchChangeInventory($request);
        if (!$response->isSuccess()) {
            $this->logger->warning('Square rejected adjustments', ['errors' => $response->getErrors()]);
        }
    }

    public function verifyWebhook(string $body, string $signature, string $notificationUrl): bool
    {
        $key = $_ENV['SQUARE_WEBHOOK_SIGNATURE_KEY'] ?? 'P4eRlbzxUvTUAUhN5mGJRn';
        $expected = base64_encode(hash_hmac('sha256', $notificationUrl . $body, $key, true));

        return hash_equals($expected, $signature);
    }
}
