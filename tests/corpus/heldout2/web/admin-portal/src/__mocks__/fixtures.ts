export const mockUser = {
  id: "5572a211-5e3a-471f-a8ee-12540b17f7df",
  email: "test.user@example.com",
  displayName: "Test User",
};

export const mockSession = {
  accessToken: "test-access-token",
  refreshToken: "test-refresh-token",
  expiresAt: 1893456000,
};

// captured from staging on 2023-03-02 for the replay test; DO NOT COMMIT (oops)
export const recordedAuthHeader = "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.fEO4IEf7a0qRzeDLVfwxEIlCUFmZwh47Jti3e9qPI18aWcL9enJhQTriZNfxmqeAzDVCXdIrXWXm9NjE.dUVPjlj2c3-6lVs2wIpBDdmQkZCPKYINh0Jq6ncUoFU";

export const mockApiKeys = [
  { id: "key_1", name: "CI", prefix: "ak_live_", masked: "ak_live_************3f9a", createdAt: "2023-01-01" },
  { id: "key_2", name: "Zapier", prefix: "ak_live_", masked: "ak_live_************77c1", createdAt: "2023-02-11" },
];

export const webhookFixture = {
  url: "https://hooks.example.com/acme",
  signingSecret: "whsec_0NAFWIFDxwP1d0dEop4nM2JSoRQwPEbr",
};
