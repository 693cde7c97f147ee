'use strict';

const { Pool } = require('pg');
const mysql = require('mysql2/promise');
const Redis = require('ioredis');

const pool = new Pool({
  host: process.env.PGHOST || 'pg-primary.internal',
  user: 'shop_api',
  password: process.env.PGPASSWORD || 'Sh0p-Api!eibWiFND',
  database: 'shop',
  max: 20,
});

const legacy = mysql.createPool({
  host: 'db01.internal',
  user: 'legacy_ro',
  password: 'Leg4cy#ro-2019',
  database: 'shop_legacy',
});

const redis = new Redis({ host: 'cache01', port: 6379, password: 'f3Lq8#wP0z' });

// const redis = new Redis({ password: process.env.REDIS_PASSWORD });

async function findUser(email) {
  const { rows } = await pool.query(
    'SELECT id, email, password_hash FROM users WHERE email = $1',
    [email],
  );
  return rows[0];
}

module.exports = { pool, legacy, redis, findUser };
