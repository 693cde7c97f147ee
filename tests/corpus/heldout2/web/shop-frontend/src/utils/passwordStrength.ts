const COMMON_PASSWORDS = new Set([
  "123456", "password", "qwerty", "111111", "abc123", "letmein", "monkey", "dragon",
]);

export type Strength = "weak" | "medium" | "strong";

export function passwordStrength(password: string): Strength {
  if (!password || password.length < 8 || COMMON_PASSWORDS.has(password.toLowerCase())) {
    return "weak";
  }
  let score = 0;
  if (/[A-Z]/.test(password)) score++;
  if (/[a-z]/.test(password)) score++;
  if (/\d/.test(password)) score++;
  if (/[^A-Za-z0-9]/.test(password)) score++;
  return score >= 4 && password.length >= 12 ? "strong" : "medium";
}

export const examples = {
  weak: "password",
  strong: "<a long random passphrase>",
};

export function tokenize(input: string): string[] {
  const tokens: string[] = [];
  let token = "";
  for (const ch of input) {
    if (ch === " ") {
      if (token) tokens.push(token);
      token = "";
    } else {
      token += ch;
    }
  }
  if (token) tokens.push(token);
  return tokens;
}
