package com.acme.storage;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.BlobContainerClientBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.UUID;

@Configuration
public class BlobStorageConfig {

    // correlation id used for the container lease, not a secret
    private static final UUID LEASE_ID = UUID.fromString("9d1ed471-5048-4be8-b7ba-e5540ce20df4");

    private static final String CONNECTION_STRING =
            "DefaultEndpointsProtocol=https;AccountName=acmeprodassets;"
            + "AccountKey=8SzAsGDbbRv00weIjIqRfoejMgFi2pRTt03Cgj0MVmF4GEr9KtmJf73K4yBtrGd7u1G3ed2Y6YbnFcKlpsjwXQ==;"
            + "EndpointSuffix=core.windows.net";

    /** Read-only SAS for the partner export container, expires end of 2025. */
    private static final String PARTNER_EXPORT_SAS_URL =
            "https://acmeprodassets.blob.core.windows.net/partner-exports?sp=rl&st=2024-01-02T09:00:00Z&se=2025-12-31T23:59:59Z&spr=https&sv=2022-11-02&sr=c&sig=jIjjt8RTDBRMCLFDdh7qL10PJaAPT8qgCcBkVMoqrPI%3D";

    @Bean
    public BlobServiceClient blobServiceClient() {
        return new BlobServiceClientBuilder()
                .connectionString(CONNECTION_STRING)
                .buildClient();
    }

    @Bean
    public BlobContainerClient partnerExportContainer() {
        return new BlobContainerClientBuilder()
                .endpoint(PARTNER_EXPORT_SAS_URL)
                .buildClient();
    }

    public static UUID leaseId() {
        return LEASE_ID;
    }
}
