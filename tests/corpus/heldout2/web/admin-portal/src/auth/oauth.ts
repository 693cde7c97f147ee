import { OAuth2Client } from "google-auth-library";

type ProviderConfig = { clientId: string; clientSecret: string; redirectUri: string };

export const providers: Record<string, ProviderConfig> = {
  google: {
    clientId: "889168331654-w5knyb98erqokpb7445olmrmucq5xtc3.apps.googleusercontent.com",
    clientSecret: "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",
    redirectUri: "https://admin.acme.io/oauth/google/callback",
  },
  github: {
    clientId: "Iv1.8311b9ae21cede34",
    clientSecret: "1d3f895685fe433f95ce74175c538ee3eb2dc946",
    redirectUri: "https://admin.acme.io/oauth/github/callback",
  },
  okta: {
    clientId: "0oaEPQw5leUrYchw61EZ",
    clientSecret: process.env.OKTA_CLIENT_SECRET ?? "",
    redirectUri: "https://admin.acme.io/oauth/okta/callback",
  },
};

export function googleClient() {
  const p = providers.google;
  return new OAuth2Client(p.clientId, p.clientSecret, p.redirectUri);
}

export const enum TokenKind {
  Access = "access_token",
  Refresh = "refresh_token",
  Id = "id_token",
}
