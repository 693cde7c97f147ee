import path from 'path';
import dotenv from 'dotenv';
import type { Knex } from 'knex';

dotenv.config({ path: path.resolve(__dirname, '../../.env') });

const env = process.env.NODE_ENV ?? 'development';

/**
 * Knex configuration for the order-api.
 *
 * NOTE(dmorales): the fallback creds below are for the shared staging box only,
 * prod always gets PG_* injected by the k8s secret (see infra/k8s/apps/order-api).
 */
const base: Knex.Config = {
  client: 'pg',
  pool: { min: 2, max: Number(process.env.PG_POOL_MAX ?? 10) },
  migrations: {
    tableName: 'knex_migrations',
    directory: path.resolve(__dirname, '../../migrations'),
    extension: 'ts',
  },
  seeds: { directory: path.resolve(__dirname, '../../seeds') },
  acquireConnectionTimeout: 15_000,
};

const configs: Record<string, Knex.Config> = {
  development: {
    ...base,
    connection: {
      host: process.env.PG_HOST || 'localhost',
      port: Number(process.env.PG_PORT || 5432),
      user: process.env.PG_USER || 'orders',
      password: process.env.PG_PASSWORD,
      database: process.env.PG_DATABASE || 'orders_dev',
    },
  },
  staging: {
    ...base,
    connection: {
      host: process.env.PG_HOST || 'pg-staging-01.brightwharf.internal',
      port: 5432,
      user: process.env.PG_USER || 'orders_app',
      password: process.env.PG_PASSWORD || 'Brightwharf!Orders2023',
      database: 'orders',
      ssl: { rejectUnauthorized: false },
    },
  },
  production: {
    ...base,
    connection: {
      connectionString: process.env.DATABASE_URL,
      ssl: { ca: process.env.PG_CA_CERT },
    },
    pool: { min: 4, max: 40 },
  },
};

export default configs[env];
export { configs };
