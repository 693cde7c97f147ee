package io.acme.shop.network

import okhttp3.Credentials
import okhttp3.Interceptor
import okhttp3.OkHttpClient
import okhttp3.logging.HttpLoggingInterceptor
import retrofit2.Retrofit
import retrofit2.converter.moshi.MoshiConverterFactory
import java.util.concurrent.TimeUnit

object ApiClient {
    private const val BASE_URL = "https://api.acme.io/mobile/v3/"
    private const val STAGING_URL = "https://staging-api.acme.io/mobile/v3/"
    private const val API_KEY = BuildConfig.ACME_API_KEY
    private const val MAPBOX_TOKEN = "sk.eyJ1IjoioeXzjZIZ5y-Xi-5QiWG929YQr2i1NzvHzx1uURO-.f236WDaok5zQz1Pcayn6GY"

    const val PREF_KEY_TOKEN = "auth_token"
    const val PREF_KEY_REFRESH = "refresh_token"
    const val TOKEN_TYPE = "Bearer"

    private val authInterceptor = Interceptor { chain ->
        val req = chain.request().newBuilder()
            .header("X-Api-Key", API_KEY)
            .build()
        chain.proceed(req)
    }

    private val stagingAuth = Credentials.basic("qa-team", "Brooklyn99!")

    fun create(staging: Boolean = false): Retrofit {
        val http = OkHttpClient.Builder()
            .connectTimeout(15, TimeUnit.SECONDS)
            .addInterceptor(authInterceptor)
            .apply {
                if (staging) addInterceptor { chain ->
                    chain.proceed(chain.request().newBuilder().header("Authorization", stagingAuth).build())
                }
            }
            .addInterceptor(HttpLoggingInterceptor().setLevel(HttpLoggingInterceptor.Level.BASIC))
            .build()
        return Retrofit.Builder()
            .baseUrl(if (staging) STAGING_URL else BASE_URL)
            .client(http)
            .addConverterFactory(MoshiConverterFactory.create())
            .build()
    }

    fun mapTilesUrl(z: Int, x: Int, y: Int) =
        "https://api.mapbox.com/v4/mapbox.satellite/$z/$x/$y.png?access_token=$MAPBOX_TOKEN"
}

data class FeatureFlagsConfig(
    val endpoint: String = "https://flags.acme.io",
    val sdkKey: String = "sdk-2e274a1e-224f-44b3-95ac-8e073f910d71",
    val pollIntervalSeconds: Long = 300,
)
