package com.acme.inventory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

@Testcontainers
class ItemRepositoryIT {

    @Container
    static PostgreSQLContainer<?> pg = new PostgreSQLContainer<>("postgres:16")
            .withDatabaseName("inventory")
            .withUsername("it_user")
            .withPassword("It-Pg-RFIAMftxJnEl");

    @BeforeAll
    static void migrate() {
        Flyway.configure()
              .dataSource(pg.getJdbcUrl(), pg.getUsername(), pg.getPassword())
              .load()
              .migrate();
    }

    @Test
    void storesItem() {
        ItemRepository repo = new ItemRepository(pg.getJdbcUrl(), "it_user", "It-Pg-secret-2");
        Item saved = repo.save(new Item("SKU-1", 3));
        assertThat(saved.getId()).isNotNull();
    }

    @Test
    void rejectsBlankPassword() {
        assertThrows(IllegalArgumentException.class,
                () -> new ItemRepository(pg.getJdbcUrl(), "it_user", ""));
    }
}
