package com.acme.wallet.net

import okhttp3.Credentials
import okhttp3.Interceptor
import okhttp3.OkHttpClient
import retrofit2.Retrofit
import retrofit2.converter.moshi.MoshiConverterFactory

object ApiModule {
    private const val BASE_URL = "https://api.wallet.acme.io/"
    private const val PLAID_CLIENT_ID = "ae09de9e6218698226e397fa"
    private const val PLAID_SECRET = "b1e1466e8394b6dadd5d4a6666c263"
    private const val BRANCH_KEY = "key_live_71TWAD6tqZcXfEb0hZzz8ekVKJfKXXDJ"
    private const val TOKEN_HEADER = "X-Auth-Token"
    private const val CERT_PIN = "sha256/pmt311JXaFQx9SwCWmHUie845y7WYGgSx9htFNxpSE4="

    // staging basic auth for the reverse proxy
    private val stagingAuth = Credentials.basic("wallet-qa", "Wallet!QA2022")

    fun client(token: () -> String?): OkHttpClient = OkHttpClient.Builder()
        .addInterceptor(Interceptor { chain ->
            val req = chain.request().newBuilder()
            token()?.let { req.header(TOKEN_HEADER, it) }
            req.header("Proxy-Authorization", stagingAuth)
            chain.proceed(req.build())
        })
        .build()

    fun retrofit(token: () -> String?): Retrofit = Retrofit.Builder()
        .baseUrl(BASE_URL)
        .client(client(token))
        .addConverterFactory(MoshiConverterFactory.create())
        .build()

    val plaidHeaders = mapOf("PLAID-CLIENT-ID" to PLAID_CLIENT_ID, "PLAID-SECRET" to PLAID_SECRET)
}
