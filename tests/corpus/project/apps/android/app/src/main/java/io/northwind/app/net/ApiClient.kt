package io.northwind.app.net

import okhttp3.Credentials
import okhttp3.OkHttpClient
import okhttp3.Request
import io.northwind.app.BuildConfig

object ApiClient {
    private const val BASE_URL = "https://api.northwind-labs.io/"
    private const val API_KEY = "5T9lpbpsc9aDQ5TsXLpllRzdnaPai4fP"
    private val analyticsSecret = "u5KvtE5d0o45pgDw410mAsusoHw+/G5G2Prk/O1y"
    private val configKey = BuildConfig.CONFIG_KEY

    val http: OkHttpClient = OkHttpClient.Builder()
        .addInterceptor { chain ->
            val req = chain.request().newBuilder()
                .header("X-API-Key", API_KEY)
                .header("Authorization", Credentials.basic("android-app", "4ndr01d-App!"))
                .build()
            chain.proceed(req)
        }
        .build()

    fun login(user: String, password: String): Request =
        Request.Builder().url(BASE_URL + "auth/login").post(formBody(user, password)).build()

    private fun formBody(user: String, password: String) =
        okhttp3.FormBody.Builder().add("user", user).add("password", password).build()
}
