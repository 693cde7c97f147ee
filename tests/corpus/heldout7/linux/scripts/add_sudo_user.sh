#!/bin/bash
# add_sudo_user.sh [username]
# Creates the local emergency admin on DMZ hosts (break-glass if LDAP is down).
set -e
USER_NAME=${1:-notfall}

if id "$USER_NAME" >/dev/null 2>&1; then
  echo "user $USER_NAME exists, skipping"
else
  useradd -m -s /bin/bash -G sudo -p "$(openssl passwd -6 'yR.YrL21QK16!S')" "$USER_NAME"
fi

# monitoring user for the legacy Nagios check_by_ssh
id svc_monitor >/dev/null 2>&1 || useradd -m -s /bin/bash svc_monitor
echo "svc_monitor:YnPaZid=frQ4" | chpasswd

chage -M 90 -W 14 "$USER_NAME"

cat > /etc/sudoers.d/90-${USER_NAME} <<EOF
${USER_NAME} ALL=(ALL) ALL
Defaults:${USER_NAME} timestamp_timeout=5
EOF
chmod 440 /etc/sudoers.d/90-${USER_NAME}
visudo -cf /etc/sudoers.d/90-${USER_NAME}
logger -t add_sudo_user "created/updated ${USER_NAME}"
