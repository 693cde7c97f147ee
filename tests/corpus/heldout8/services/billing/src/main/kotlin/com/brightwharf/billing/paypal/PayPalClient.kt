package com.brightwharf.billing.paypal

import okhttp3.Credentials
import okhttp3.FormBody
import okhttp3.OkHttpClient
import okhttp3.Request
import com.fasterxml.jackson.module.kotlin.jacksonObjectMapper
import com.fasterxml.jackson.module.kotlin.readValue
import java.time.Instant

class PayPalClient(
    private val clientId: String = CLIENT_ID,
    private val clientSecret: String = CLIENT_SECRET,
    private val baseUrl: String = "https://api-m.paypal.com",
    private val http: OkHttpClient = OkHttpClient(),
) {
    private val mapper = jacksonObjectMapper()
    private var token: String? = null
    private var expiresAt: Instant = Instant.EPOCH

    @Synchronized
    fun accessToken(): String {
        if (token != null && Instant.now().isBefore(expiresAt.minusSeconds(60))) return token!!
        val req = Request.Builder()
            .url("$baseUrl/v1/oauth2/token")
            .header("Authorization", Credentials.basic(clientId, clientSecret))
            .post(FormBody.Builder().add("grant_type", "client_credentials").build())
            .build()
        http.newCall(req).execute().use { resp ->
            check(resp.isSuccessful) { "paypal token failed: ${resp.code}" }
            val body: Map<String, Any> = mapper.readValue(resp.body!!.string())
            token = body["access_token"] as String
            expiresAt = Instant.now().plusSeconds((body["expires_in"] as Number).toLong())
        }
        return token!!
    }

    companion object {
        // live app "Brightwharf Checkout" (owner: payments@brightwharf.com)
        const val CLIENT_ID = "AxsjAHlW_E-Nu2bmyC-HfObQd4POkJjXwCIBlh2qDogSqJhTJTH2kXTx9UghE6qn5-xcX1mBDLBo5Mm_"
        const val CLIENT_SECRET = "EE8iNeLvpkjSnH2z5MbvzpMtc3ekYxTteEjCey1k_TCrJb45ESt3gUmtiXBznjo7is-ipOyN0g4R_79k"
    }
}
