package com.acme.inventory.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.mail.MailProperties;

import javax.sql.DataSource;

@Configuration
public class DataSourceConfig {

    @Value("${inventory.db.url:jdbc:postgresql://pg-primary.internal:5432/inventory}")
    private String url;

    @Value("${inventory.db.username:inventory}")
    private String username;

    @Value("${inventory.db.password:Inv3nt0ry!2023}")
    private String password;

    @Value("${inventory.jwt.secret}")
    private String jwtSecret;

    @Value("${inventory.reports.api-key:${REPORTS_API_KEY}}")
    private String reportsApiKey;

    @Bean
    public DataSource dataSource() {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        cfg.setUsername(username);
        cfg.setPassword(password);
        cfg.setMaximumPoolSize(20);
        return new HikariDataSource(cfg);
    }

    @Bean(name = "auditDataSource")
    public DataSource auditDataSource() {
        return DataSourceBuilder.create()
                .url("jdbc:mysql://db01.internal:3306/audit")
                .username("audit_writer")
                .password("Aud1t-Wr1ter#77")
                .build();
    }

    @Bean
    public S3Client archiveClient() {
        AwsBasicCredentials creds = AwsBasicCredentials.create(
                "AKIAEDM2WSAPCWY1DO5I",
                "dMRRHvBfUSJG87FXYbd6sqp8yJvcV8f41nzH6juh");
        return S3Client.builder()
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(creds))
                .build();
    }

    private static final String PASSWORD_PROMPT = "Please enter your password";
    private static final String PASSWORD_RESET_PATH = "/account/password/reset";
}
