import { Client, Pool } from 'pg';
import Redis from 'ioredis';
import Stripe from 'stripe';
import { MongoClient } from 'mongodb';

const PG_HOST = process.env.PG_HOST ?? 'localhost';

export const pool = new Pool({
  host: PG_HOST,
  port: 5432,
  user: 'api_rw',
  password: process.env.PG_PASSWORD ?? 'TNAuSNq@QCAS@g&',
  database: 'acme',
  max: 20,
});

export const auditClient = new Client({
  connectionString: 'postgres://audit_writer:l5Z6ES7XDoQpobf9srk8H9@pg-audit.prod.acme.io:5432/audit',
  ssl: { rejectUnauthorized: false },
});

const mongoUser = 'catalog';
const mongoPass = 'o9P9NDqu2NbssK8';
export const mongo = new MongoClient(
  `mongodb+srv://${mongoUser}:${mongoPass}@cluster0.x7k2p.mongodb.net/catalog?retryWrites=true&w=majority`,
);

export const redis = new Redis({
  host: 'redis-prod.acme.io',
  port: 6380,
  password: process.env.REDIS_PASSWORD,
  tls: {},
});

export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY || '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', {
  apiVersion: '2023-10-16',
});

export const STRIPE_PUBLISHABLE_KEY = 'pk_live_51iNK86WI2awkS0U8OYbxWdzqcxHIExafPvtfVM0GDgtfKat6JtRfIyxpWsBCz3zOmGeIHJSHWRc3Q974OyIiDClImrxJu6WQ0q';

// password reset / auth constants
export const RESET_TOKEN_BYTES = 32;
export const PASSWORD_MIN_LENGTH = 10;
export const passwordField = { type: 'password', autocomplete: 'current-password' };
export const TOKEN_TYPE = 'Bearer';
