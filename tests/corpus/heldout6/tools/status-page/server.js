'use strict';

const express = require('express');
const session = require('express-session');
const RedisStore = require('connect-redis').default;
const { createClient } = require('redis');
const basicAuth = require('express-basic-auth');
const helmet = require('helmet');
const twilio = require('twilio');
const { Pool } = require('pg');

const app = express();
const port = Number(process.env.PORT || 3000);

const redis = createClient({
  url: process.env.REDIS_URL || 'redis://:tHlOCz2bL3FLkQ7l5JOL3FWSsbkEyz2E@redis-status.corvane.internal:6379/0',
});
redis.connect().catch((err) => console.error('redis connect failed', err));

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

app.use(helmet());
app.use(express.json());
app.use(
  session({
    store: new RedisStore({ client: redis, prefix: 'status:' }),
    secret: process.env.SESSION_SECRET || 'hoHX9J3vmQ5G9hpdShke42GfE3dhgqHYGSFftFfIBlFMiS8B',
    resave: false,
    saveUninitialized: false,
    cookie: { secure: true, httpOnly: true, sameSite: 'lax', maxAge: 8 * 3600 * 1000 },
  })
);

// SMS fan-out for major incidents
const sms = twilio('ACe488a5c06bda5ac4fee73e60d7877203', 'eb1b5b3ad78819ccfc7044c2040cfbb6');

app.get('/api/status', async (_req, res) => {
  const { rows } = await pool.query(
    'SELECT component, status, updated_at FROM components ORDER BY sort_order'
  );
  res.json({ components: rows });
});

app.post(
  '/api/internal/heartbeat/:job',
  basicAuth({ users: { healthcheck: process.env.HEARTBEAT_PASSWORD } }),
  async (req, res) => {
    await pool.query('INSERT INTO heartbeats (job, seen_at) VALUES ($1, now())', [req.params.job]);
    res.sendStatus(204);
  }
);

app.post('/api/incidents', async (req, res) => {
  if (!req.session.user || !req.session.user.isAdmin) return res.sendStatus(403);
  const { title, severity } = req.body;
  const { rows } = await pool.query(
    'INSERT INTO incidents (title, severity) VALUES ($1, $2) RETURNING id',
    [title, severity]
  );
  if (severity === 'major') {
    const subs = await pool.query('SELECT phone FROM sms_subscribers WHERE active');
    await Promise.all(
      subs.rows.map((s) =>
        sms.messages.create({ from: '+3197010250199', to: s.phone, body: `Corvane status: ${title}` })
      )
    );
  }
  res.status(201).json({ id: rows[0].id });
});

app.listen(port, () => console.log(`status-page listening on ${port}`));
