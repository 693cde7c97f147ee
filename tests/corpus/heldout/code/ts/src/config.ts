import { z } from 'zod';

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export const keycloak: OAuthClient = {
  clientId: 'shop-frontend',
  clientSecret: 'ybA2ZLDe4jLFSaZiesqZUziIKeIkIXfG',
  redirectUri: 'https://shop.example.com/auth/callback',
};

export const passwordPolicy = {
  minLength: 12,
  requireDigit: true,
  requireSymbol: true,
  maxAgeDays: 90,
};

const EnvSchema = z.object({
  DATABASE_URL: z.string().url(),
  SESSION_SECRET: z.string().min(32),
  OPENAI_API_KEY: z.string().startsWith('sk-'),
});

export const env = EnvSchema.parse(process.env);

export const sessionDefaults = {
  secret: process.env.SESSION_SECRET ?? 'ec8d3945211070a8e930fb9ca5b7e54c57e1959607317c7f758b23394c117261',
  cookie: { secure: true, httpOnly: true, sameSite: 'lax' as const },
};

export function makeClient(apiKey: string, password?: string) {
  return { apiKey, password };
}

export const internalClient = makeClient('ak_live_ugEz7ZoCaM0ODpojpVE60AXMcqcmMV0d', 'Int3rnal#Cl1ent');
