package io.northwind.orders.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

@Configuration
public class DataSourceConfig {

    private static final String REPORTING_URL =
        "jdbc:postgresql://db-replica.internal:5432/orders?user=reporting&password=R3p0rtz_2021&ssl=true";
    private static final String ARCHIVE_USER = "archive";
    private static final String ARCHIVE_PASSWORD = "Arch1ve#Orders";
    private static final int MIN_PASSWORD_LENGTH = 12;

    @Value("${spring.datasource.password}")
    private String password;

    @Bean
    public DataSource reportingDataSource() {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(REPORTING_URL);
        return new HikariDataSource(cfg);
    }

    @Bean
    public DataSource archiveDataSource() {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl("jdbc:mysql://archive.internal:3306/orders_archive");
        cfg.setUsername(ARCHIVE_USER);
        cfg.setPassword(ARCHIVE_PASSWORD);
        return new HikariDataSource(cfg);
    }

    @Bean
    public DataSource legacyDataSource() {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl("jdbc:oracle:thin:@ora01.dc1.northwind.local:1521/ORDERS");
        cfg.setUsername("orders_app");
        cfg.setPassword("0racle4Orders");
        return new HikariDataSource(cfg);
    }

    public boolean isValid(String password, String confirm) {
        return password != null && password.equals(confirm) && password.length() >= MIN_PASSWORD_LENGTH;
    }
}
