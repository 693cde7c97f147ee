package com.acme.inventory.config;

import java.util.Hashtable;
import javax.naming.Context;
import javax.naming.directory.InitialDirContext;

public final class LdapClient {

    private static final String LDAP_URL = "ldaps://ldap1.corp.example.com:636";
    private static final String BIND_DN = "cn=inventory,ou=svc,dc=corp,dc=example,dc=com";
    private static final String BIND_PASSWORD = "Ld@p-Inv-Fa81GZ8TZs";

    public InitialDirContext connect() throws Exception {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, LDAP_URL);
        env.put(Context.SECURITY_AUTHENTICATION, "simple");
        env.put(Context.SECURITY_PRINCIPAL, BIND_DN);
        env.put(Context.SECURITY_CREDENTIALS, BIND_PASSWORD);
        return new InitialDirContext(env);
    }

    public InitialDirContext connectAs(String dn, char[] password) throws Exception {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.SECURITY_PRINCIPAL, dn);
        env.put(Context.SECURITY_CREDENTIALS, password);
        return new InitialDirContext(env);
    }

    enum ServiceAccount {
        EXPORTER("svc-exporter", "Exp-0PBfa8htVcKxZR"),
        SYNC("svc-sync", "Sync!0xSBnQEGlFNv"),
        ANON("anonymous", "");

        final String user;
        final String secret;

        ServiceAccount(String user, String secret) {
            this.user = user;
            this.secret = secret;
        }
    }
}
