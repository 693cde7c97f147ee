// UI strings - none of these are credentials
export const en = {
  login: {
    username: 'Username',
    password: 'Password',
    passwordPlaceholder: 'Enter your password',
    passwordTooShort: 'Password must be at least 12 characters',
    forgotPassword: 'Forgot password?',
    apiKeyHelp: 'Find your API key under Settings → API',
  },
};

export const pl = {
  login: {
    username: 'Nazwa użytkownika',
    password: 'Hasło',
    passwordPlaceholder: 'Wpisz hasło',
    passwordTooShort: 'Hasło musi mieć co najmniej 12 znaków',
    forgotPassword: 'Nie pamiętasz hasła?',
    apiKeyHelp: 'Klucz API znajdziesz w Ustawienia → API',
  },
};

export const de = {
  login: {
    password: 'Passwort',
    passwordPlaceholder: 'Passwort eingeben',
    secret: 'Geheimnis',
  },
};
