import React, { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { config } from '../config';

export function Login({ onSubmit }: { onSubmit: (u: string, p: string) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const tooShort = password.length < config.minPasswordLength;

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (password === confirm) onSubmit(username, password);
      }}
    >
      <label htmlFor="password">{t('password_label')}</label>
      <input id="password" type="password" name="password" autoComplete="current-password"
             placeholder="<password>" value={password} onChange={(e) => setPassword(e.target.value)} />
      <input type="password" name="password_confirm" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
      {tooShort && <p>{t('password_too_short', { min: config.minPasswordLength })}</p>}
      <button type="submit">{t('login.title')}</button>
    </form>
  );
}
