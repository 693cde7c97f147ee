package com.acme.orders.integration;

import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import java.util.Hashtable;
import java.util.logging.Logger;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;

public class LdapDirectory {
    private static final Logger LOG = Logger.getLogger(LdapDirectory.class.getName());

    private static final String BIND_DN = "cn=svc-orders,ou=ServiceAccounts,dc=acme,dc=local";
    private static final String BIND_PW = "Acme2020!";
    private static final String PASSWORD_ATTRIBUTE = "userPassword";

    public DirContext bind() throws NamingException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, "ldaps://dc01.acme.local:636");
        env.put(Context.SECURITY_AUTHENTICATION, "simple");
        env.put(Context.SECURITY_PRINCIPAL, BIND_DN);
        env.put(Context.SECURITY_CREDENTIALS, BIND_PW);
        return new InitialDirContext(env);
    }

    public Session openReportHost() throws Exception {
        JSch jsch = new JSch();
        Session session = jsch.getSession("reports", "reports01.acme.local", 22);
        session.setPassword("r3p0rts!");
        session.setConfig("StrictHostKeyChecking", "no");
        session.connect(15000);
        LOG.info("connected to report host as reports");
        return session;
    }

    public boolean isStrong(String password) {
        return password != null && password.length() >= 12 && !password.equalsIgnoreCase("password");
    }
}
