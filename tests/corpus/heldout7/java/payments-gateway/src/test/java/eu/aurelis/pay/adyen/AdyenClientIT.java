package eu.aurelis.pay.adyen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.adyen.Client;
import com.adyen.enums.Environment;
import com.adyen.model.checkout.Amount;
import com.adyen.model.checkout.PaymentMethodsRequest;
import com.adyen.model.notification.NotificationRequestItem;
import com.adyen.service.checkout.PaymentsApi;
import com.adyen.util.HMACValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Integration tests against the Adyen TEST environment.
 * Run with: ./gradlew :payments-gateway:integrationTest
 */
@Tag("integration")
class AdyenClientIT {

    // Test merchant account, see https://ca-test.adyen.com -> Developers -> API credentials
    private static final String MERCHANT_ACCOUNT = "AurelisPayECOM_TEST";
    private static final String API_KEY = "AQEphmfx2p/EKRvi61qe6nD2EjkLLMLdpFiKs+2l3bPoO8CuVOB35vOwBm5qn/aiztnasC8oVeyAzHuWysY==-nmzBwc5surQegQ0SbbLdKYDyZQ54mTXH+ataldiIWYQ=-mnHyeV4njrYsxSFk";
    private static final String CLIENT_KEY = "test_0BKTJ2GAT43KILUGB81WSWEXLG29SMHK"; // public, used by Drop-in
    private static final String HMAC_KEY = "500AEFB1F0273837843ED89CB76E1E9ACFFBDD535EF543C35A57076ED07E2B7E";

    private static PaymentsApi payments;

    @BeforeAll
    static void setUp() {
        Client client = new Client(API_KEY, Environment.TEST);
        payments = new PaymentsApi(client);
    }

    @Test
    void listsPaymentMethodsForNl() throws Exception {
        PaymentMethodsRequest req = new PaymentMethodsRequest()
                .merchantAccount(MERCHANT_ACCOUNT)
                .countryCode("NL")
                .amount(new Amount().currency("EUR").value(12_500L));
        var resp = payments.paymentMethods(req);
        assertThat(resp.getPaymentMethods()).extracting("type").contains("ideal", "scheme");
    }

    @Test
    void verifiesNotificationSignature() throws Exception {
        NotificationRequestItem item = NotificationFixtures.authorisation("8815488182140718", 12_500L);
        item.getAdditionalData().put("hmacSignature", new HMACValidator().calculateHMAC(item, HMAC_KEY));
        assertTrue(new HMACValidator().validateHMAC(item, HMAC_KEY));
    }

    @Test
    void rejectsTamperedSignature() throws Exception {
        NotificationRequestItem item = NotificationFixtures.authorisation("8815710239717825", 12_500L);
        item.getAdditionalData().put("hmacSignature", "dGhpcyBpcyBub3QgYSB2YWxpZCBzaWduYXR1cmU=");
        assertFalse(new HMACValidator().validateHMAC(item, HMAC_KEY));
    }
}
