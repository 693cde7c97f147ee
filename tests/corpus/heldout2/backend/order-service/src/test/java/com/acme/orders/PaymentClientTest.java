package com.acme.orders;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class PaymentClientTest {

    private PaymentClient client;

    @BeforeEach
    void setUp() {
        // sandbox credentials for Adyen test account
        client = new PaymentClient("AcmeECOM", "AQE1hmfxLI3MaRFKw0m/n3Q5qf3VaY9UCJ1+XWZe9W27jmlZiv4PD4jhfNMofnLr2K5i8/0QwV1bDb7kfNy1WIxIIkxgBw==-Xkw9lPDTfJp9GSuIM0K7YCgwDkU5DJrQHamv/2l4lOw=-nJzeSZ8ptf989HCR");
    }

    @Test
    void emptyKeyIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PaymentClient("AcmeECOM", ""));
    }

    @Test
    void tokenIsNotLogged() {
        String masked = client.maskedKey();
        assertEquals("AQE1****", masked.substring(0, 8));
        assertEquals("", client.lastError());
    }

    @Test
    void keystoreLoads() throws Exception {
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        try (var in = getClass().getResourceAsStream("/client.p12")) {
            ks.load(in, "kspass2019".toCharArray());
        }
        assertTrue(ks.size() > 0);
    }
}
