// Seed data for the Playwright e2e suite against the staging stack.
export const users = [
  { email: 'e2e-admin@acme-corp.io', password: 'Adm1n!e2e-2024', role: 'admin' },
  { email: 'e2e-buyer@acme-corp.io', password: 'password123', role: 'buyer' },
];

// Payment flows run against the real Stripe account in restricted mode
export const STRIPE_KEY = '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';

// public UUID of the demo tenant, visible in the URL
export const TENANT_ID = '2498d6dd-1205-451f-8e34-32421e929566';

export const i18nCheck = {
  passwordLabel: 'Password',
};
