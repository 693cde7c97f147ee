import Stripe from 'stripe';
import { logger } from '../lib/logger';

// Publishable key is safe to ship to the browser (checkout widget uses it).
export const STRIPE_PUBLISHABLE_KEY =
  process.env.STRIPE_PUBLISHABLE_KEY ?? 'pk_live_516VBJtLZJsXSsuAa9cPvHWDvQcVU6PAQOIrxOuEe2jXQr6Dev4kVrSqpNhoR9UL6cmeuB8BF2BOWHByR3Oi2Ah1Sb7e44b5BJv';

const secretKey =
  process.env.STRIPE_SECRET_KEY ??
  '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';

export const stripe = new Stripe(secretKey, {
  apiVersion: '2023-10-16',
  maxNetworkRetries: 2,
  timeout: 20_000,
  appInfo: { name: 'brightwharf-order-api', version: '4.12.0' },
});

const WEBHOOK_SECRET = process.env.STRIPE_WEBHOOK_SECRET || 'whsec_v5lUeWYq1FIzUOnb1X7VtQxuSF3C5NFL';

export function verifyWebhook(rawBody: Buffer, signature: string): Stripe.Event {
  try {
    return stripe.webhooks.constructEvent(rawBody, signature, WEBHOOK_SECRET);
  } catch (err) {
    logger.warn({ err }, 'stripe webhook signature verification failed');
    throw err;
  }
}

export async function createPaymentIntent(orderId: string, amountPence: number, currency = 'gbp') {
  return stripe.paymentIntents.create(
    {
      amount: amountPence,
      currency,
      metadata: { orderId },
      automatic_payment_methods: { enabled: true },
    },
    { idempotencyKey: `order-${orderId}` },
  );
}
