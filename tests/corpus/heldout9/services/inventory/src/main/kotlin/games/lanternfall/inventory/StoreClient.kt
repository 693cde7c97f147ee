package games.lanternfall.inventory

import com.stripe.Stripe
import com.stripe.model.PaymentIntent
import com.stripe.net.Webhook
import com.stripe.param.PaymentIntentCreateParams
import org.slf4j.LoggerFactory

/**
 * Thin wrapper around Stripe for premium currency ("Embers") purchases.
 */
class StoreClient(private val config: StoreConfig) {
    private val log = LoggerFactory.getLogger(StoreClient::class.java)

    companion object {
        // Publishable key is safe to ship to clients.
        const val PUBLISHABLE_KEY = "pk_live_51toykAMmnU68r3zEH6MG2JDerJZeI50XD4pnzMYCJ5ee5rRJaqa8u6lmJnTA8rKScEy4J5q7v5wQb7piVvolgyFhPIWpcqSKuD"

        // TODO(LF-2290): this was meant to be a temporary fallback for the load test
        private const val FALLBACK_SECRET_KEY = "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"
        private const val WEBHOOK_SIGNING_SECRET = "whsec_nJaERoALJG0k0rmIixQWaur2LR1VT7fA"
    }

    init {
        Stripe.apiKey = System.getenv("STRIPE_SECRET_KEY") ?: FALLBACK_SECRET_KEY
    }

    fun createIntent(playerId: String, sku: Sku): PaymentIntent {
        val params = PaymentIntentCreateParams.builder()
            .setAmount(sku.priceMinorUnits)
            .setCurrency(sku.currency)
            .putMetadata("player_id", playerId)
            .putMetadata("sku", sku.id)
            .setAutomaticPaymentMethods(
                PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true).build()
            )
            .build()
        log.info("creating intent for player={} sku={}", playerId, sku.id)
        return PaymentIntent.create(params)
    }

    fun verifyWebhook(payload: String, signatureHeader: String) =
        Webhook.constructEvent(payload, signatureHeader, WEBHOOK_SIGNING_SECRET)
}
