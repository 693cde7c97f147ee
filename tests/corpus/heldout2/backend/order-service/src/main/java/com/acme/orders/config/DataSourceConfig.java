package com.acme.orders.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

@Configuration
public class DataSourceConfig {

    @Value("${orders.db.password}")
    private String dbPassword;

    @Value("${orders.db.url:jdbc:postgresql://localhost:5432/orders}")
    private String jdbcUrl;

    private static final String LEGACY_URL = "jdbc:oracle:thin:@ora-legacy.acme.local:1521/ORDERS";
    private static final String LEGACY_USER = "ORDERS_RO";
    private static final String LEGACY_PASSWORD = "Oracle#Orders99";

    @Bean
    public DataSource primary() {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(jdbcUrl);
        cfg.setUsername("orders_app");
        cfg.setPassword(dbPassword);
        cfg.setMaximumPoolSize(20);
        return new HikariDataSource(cfg);
    }

    @Bean
    public DataSource legacy() {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(LEGACY_URL);
        cfg.setUsername(LEGACY_USER);
        cfg.setPassword(LEGACY_PASSWORD);
        return new HikariDataSource(cfg);
    }

    @Bean
    public DataSource audit() {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl("jdbc:sqlserver://mssql-audit.acme.local:1433;databaseName=audit;user=audit_writer;password=Audit2020$");
        return new HikariDataSource(cfg);
    }
}
