#!/usr/bin/env bash
# One-time developer setup for the internal git server.
USER_GITCREDENTIALS=~/.git-credentials
GIT_HOST=git.internal.northwind-labs.io

git config --global credential.helper "store --file ${USER_GITCREDENTIALS}"
read -r -p "Username: " user
read -r -s -p "Enter your password: " password
echo
printf 'https://%s:%s@%s\n' "$user" "$password" "$GIT_HOST" >> "$USER_GITCREDENTIALS"
chmod 600 "$USER_GITCREDENTIALS"
echo "stored credentials for ${user} in ${USER_GITCREDENTIALS}"
