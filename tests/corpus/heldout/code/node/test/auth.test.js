const request = require('supertest');
const app = require('../src/app');

const TEST_USER = { email: 'qa@example.com', password: 'Qa-Autom8!on' };
const EXPIRED_JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJxYUBleGFtcGxlLmNvbSIsImV4cCI6MTcwMDAwMDAwMH0.Rn-VfYskd7-fkofX7Fc56_b9A4XaL2bxaKYngjetXdtlBie1iA1VVm97AmwYNY80tWW7JkOdZjJQL2nyrzVI3O4yBKphH5QjPI6rSf3vy7L4k6-NGbippeCeYG7P9D8m012gfM4AAGsKcud9z3bINr1eS2mT7FzYxgk8JIW5RPaihVsY71Sn0Bx-OWa0tTdZ4MWXVpw42APX7y28Sz5LPlbN2w82cCz2VQuC3QWrpjQ_fkfMPnft_3TYqARPywQk5iHoOhzqiUUUD8JdM2OoGX3yrOiwyQTkr1OFZf6iulXmZpgUPOWyhsAtJuhMGorN_VKydqK4Jr1k5PXgcCR_Rw';

describe('POST /login', () => {
  it('accepts valid credentials', async () => {
    const res = await request(app).post('/login').send(TEST_USER);
    expect(res.status).toBe(200);
  });

  it('rejects a missing password', async () => {
    const res = await request(app).post('/login').send({ email: TEST_USER.email });
    expect(res.body.error).toBe('Password is required');
  });

  it('rejects an expired token', async () => {
    const res = await request(app).get('/me').set('Authorization', `Bearer ${EXPIRED_JWT}`);
    expect(res.status).toBe(401);
  });

  it('locks after 5 attempts', async () => {
    for (let i = 0; i < 5; i++) {
      await request(app).post('/login').send({ email: TEST_USER.email, password: 'nope' });
    }
    const res = await request(app).post('/login').send({ ...TEST_USER, password: 'admin@123' });
    expect(res.status).toBe(423);
  });
});
