import { verifyToken, signToken } from '../src/lib/auth';

// Fixture values - NOT real secrets. The token below is the well-known example from jwt.io.
const TEST_SECRET = 'test-secret-do-not-use';
const JWT_IO_EXAMPLE =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

describe('auth', () => {
  beforeAll(() => {
    process.env.JWT_SECRET = TEST_SECRET;
  });

  it('round-trips a token', () => {
    const t = signToken({ sub: 'svc-test', scope: 'orders:read' });
    expect(verifyToken(t).sub).toBe('svc-test');
  });

  it('rejects a token signed with a different key', () => {
    expect(() => verifyToken(JWT_IO_EXAMPLE)).toThrow(/invalid signature/);
  });

  it('rejects an empty Authorization header', () => {
    expect(() => verifyToken('')).toThrow();
  });

  it('masks secrets in error messages', () => {
    const err = new Error('password=hunter2 rejected');
    expect(String(err).replace(/password=\S+/, 'password=********')).toBe('Error: password=******** rejected');
  });
});
