package com.acme.gateway.security;

import io.jsonwebtoken.security.Keys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.crypto.SecretKey;
import java.util.Base64;

@Configuration
public class JwtConfig {

    public static final String ISSUER = "https://auth.acme-corp.io/";

    // HS512 key shared with the legacy monolith until it is migrated to RS256
    private static final String SIGNING_KEY_B64 =
            "lQAxw/VOkNlt89Km/CaWiF/emvOjM7L4OoMdzAcJIXrPjShCl+DXKu+sYtzzS7v6GfpWAcXvfvJVN9ArFP8eC/FSx6bpyk+F";

    /** token the gateway uses when calling the user service (long-lived, rotate manually) */
    static final String INTERNAL_CALLER_TOKEN = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImVhMjM1MzI5NzlhM2Y1MmEifQ.eyJzdWIiOiI0M2U0ZWNmOC02ZDZjLTQ2YmMtYWUxZi1iMDRjZDJjMjliNTMiLCJlbWFpbCI6Im0uY2hlbkBhY21lLWNvcnAuaW8iLCJyb2xlcyI6WyJ1c2VyIiwiYmlsbGluZzpyZWFkIl0sImlhdCI6MTcxMTE4ODYxMywiZXhwIjoxNzE4MDczNzM3LCJpc3MiOiJodHRwczovL2F1dGguYWNtZS1jb3JwLmlvLyIsImF1ZCI6Im9yZGVycy1hcGkifQ.EUbqAJ5_OHPa5yBLzhYLDGmBOiLRL-vJZojRAMABZjfZ1VMpEB_a0lH9w8YWfW-fJ6nH-upLbA4iPS3Xzy-L9COnxLH77sOnBeTzL6mULXx-rpOsCIGsHb8Hym4Zv67WF3EzJ-pO0t2dr7rkVIegr8cuHdmj2NRFzY_WhzabQMksAJHLR-3xUCfG4zjLhQQjpzkqTuk-lVC9WiCnI1MqQs-frTtINftgqlMT9S0WkLVezEqebg2mDWfkcSkrpKQXYIemY3H13E4A42wL6EbR_qjfy_KLmRxLDjm1dRaxVPnkh-Ne45Jiz0dhVHxyCLnRQLPp2dz9qIRuyzbVMjSIiZ";

    @Value("${gateway.jwt.clock-skew-seconds:30}")
    private long clockSkew;

    @Bean
    public SecretKey jwtSigningKey() {
        return Keys.hmacShaKeyFor(Base64.getDecoder().decode(SIGNING_KEY_B64));
    }

    public long clockSkew() {
        return clockSkew;
    }
}
