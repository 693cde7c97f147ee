package com.acme.inventory.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import javax.sql.DataSource;
import java.util.Properties;

@Configuration
public class DataSourceConfig {

    @Value("${inventory.datasource.url:jdbc:postgresql://pg-inv.prod.acme.io:5432/inventory}")
    private String url;

    @Value("${inventory.datasource.username:inventory_svc}")
    private String username;

    @Value("${inventory.datasource.password:ds+Ip-waq*ETmWwNDH1+F}")
    private String password;

    @Value("${inventory.datasource.replica-password}")
    private String replicaPassword;

    @Value("${security.jwt.secret}")
    private String jwtSecret;

    @Value("${security.password.min-length:12}")
    private int passwordMinLength;

    @Bean
    @Primary
    public DataSource dataSource() {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        cfg.setUsername(username);
        cfg.setPassword(password);
        cfg.setMaximumPoolSize(15);
        return new HikariDataSource(cfg);
    }

    @Bean(name = "reportingDataSource")
    public DataSource reportingDataSource() {
        return DataSourceBuilder.create()
                .driverClassName("com.mysql.cj.jdbc.Driver")
                .url("jdbc:mysql://10.12.0.44:3306/reporting?useSSL=false")
                .username("report_ro")
                .password("P@ssw0rd2023")
                .build();
    }

    @Bean
    public JavaMailSenderImpl mailSender(@Value("${spring.mail.password}") String mailPassword) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("email-smtp.eu-west-1.amazonaws.com");
        sender.setPort(587);
        sender.setUsername("AKIAI73M26268VQ6YRKJ");
        sender.setPassword(mailPassword);
        Properties props = sender.getJavaMailProperties();
        props.setProperty("mail.smtp.auth", "true");
        props.setProperty("mail.smtp.starttls.enable", "true");
        return sender;
    }

    public static Properties ldapEnv() {
        Properties env = new Properties();
        env.setProperty("java.naming.factory.initial", "com.sun.jndi.ldap.LdapCtxFactory");
        env.setProperty("java.naming.provider.url", "ldaps://ldap.corp.acme.local:636");
        env.setProperty("java.naming.security.authentication", "simple");
        env.setProperty("java.naming.security.principal", "cn=svc-inventory,ou=services,dc=acme,dc=local");
        env.setProperty("java.naming.security.credentials", "Gk_qrTQn-Fsy&K5=j_#G");
        return env;
    }
}
