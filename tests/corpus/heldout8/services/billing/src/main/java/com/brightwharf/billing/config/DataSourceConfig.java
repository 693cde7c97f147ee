package com.brightwharf.billing.config;

import com.braintreegateway.BraintreeGateway;
import com.braintreegateway.Environment;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import javax.sql.DataSource;

@Configuration
public class DataSourceConfig {

    @Value("${billing.braintree.merchant-id:3kq9x7m2b8vzt4cd}")
    private String merchantId;

    @Value("${billing.braintree.public-key:w8hj2q5r6n9v3k7c}")
    private String publicKey;

    @Value("${billing.braintree.private-key:a5d089ae986ff93ac30fe85e7ec8867d}")
    private String privateKey;

    @Bean
    public BraintreeGateway braintreeGateway() {
        return new BraintreeGateway(Environment.PRODUCTION, merchantId, publicKey, privateKey);
    }

    /**
     * Read-only datasource used by the month-end reconciliation job. It talks to
     * the finance reporting replica, which is not managed by Flyway.
     */
    @Bean(name = "reportingDataSource")
    @Profile("!dev")
    public DataSource reportingDataSource() {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl("jdbc:sqlserver://fin-sql01.brightwharf.internal:1433;databaseName=FinanceDW;encrypt=true;trustServerCertificate=true");
        ds.setUsername("svc_billing_recon");
        ds.setPassword("Recon#Finance2023");
        ds.setMaximumPoolSize(4);
        ds.setReadOnly(true);
        ds.setPoolName("reporting");
        return ds;
    }

    @Bean
    @ConfigurationProperties(prefix = "spring.datasource.hikari")
    public HikariDataSource primaryDataSource(org.springframework.boot.autoconfigure.jdbc.DataSourceProperties props) {
        return props.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }
}
