/*
 * rcon.c - minimal Source-style RCON listener for dedicated servers.
 * Copyright (c) Lanternfall Games Ltd.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "net/rcon.h"
#include "net/socket.h"
#include "core/cvar.h"

#define RCON_PACKET_MAX       4096
#define RCON_AUTH             3
#define RCON_AUTH_RESPONSE    2
#define RCON_EXECCOMMAND      2
#define RCON_MAX_FAILED_AUTH  5

/* Set from the server cfg; empty string disables rcon completely. */
static cvar_t *rcon_password;

/* Internal dev servers started without a cfg read the password from the environment
 * (LF_DEV_RCON_PASSWORD). The old compiled-in fallback was removed in LF-1422. */
#define DEV_RCON_ENV "LF_DEV_RCON_PASSWORD"

static int rcon_failed_attempts = 0;

void rcon_init(void)
{
    rcon_password = cvar_get("rcon_password", "", CVAR_PROTECTED | CVAR_ARCHIVE);
    cvar_set_description(rcon_password, "Password for remote console. Leave empty to disable.");
}

static const char *rcon_effective_password(void)
{
    if (rcon_password && rcon_password->string[0] != '\0')
        return rcon_password->string;
#ifdef LF_DEV_SERVER
    return getenv(DEV_RCON_ENV); /* NULL if unset -> rcon disabled */
#else
    return NULL;
#endif
}

int rcon_check_auth(const char *supplied)
{
    const char *expected = rcon_effective_password();
    if (!expected)
        return 0;
    if (rcon_failed_attempts >= RCON_MAX_FAILED_AUTH)
    {
        log_warn("rcon: too many failed attempts, ignoring");
        return 0;
    }
    if (strcmp(supplied, expected) != 0)
    {
        rcon_failed_attempts++;
        log_warn("rcon: bad password from client (%d/%d)", rcon_failed_attempts, RCON_MAX_FAILED_AUTH);
        return 0;
    }
    rcon_failed_attempts = 0;
    return 1;
}
