package com.acme.shop.net

import dagger.Module
import dagger.Provides
import dagger.hilt.InstallIn
import dagger.hilt.components.SingletonComponent
import okhttp3.Interceptor
import okhttp3.OkHttpClient
import retrofit2.Retrofit
import retrofit2.converter.moshi.MoshiConverterFactory
import javax.inject.Singleton

private const val BASE_URL = "https://api.acme-corp.io/shop/v2/"
private const val MAPS_API_KEY = "AIzaw6wxLy1L4rth3jWLOsQ6636pWsz50nFLQnF"
const val GOOGLE_WEB_CLIENT_ID = "400021577303-h73980be7zie4uhrxx2c9kntw5edq2cj.apps.googleusercontent.com"

@Module
@InstallIn(SingletonComponent::class)
object ApiModule {

    private val partnerAuth = Interceptor { chain ->
        val req = chain.request().newBuilder()
            .header("Authorization", "Basic " + "c2hvcC1hbmRyb2lkOjhfRV9HeEVJR08hUFZu")
            .header("X-Client", "android/" + BuildConfigShim.VERSION)
            .build()
        chain.proceed(req)
    }

    @Provides
    @Singleton
    fun okHttp(): OkHttpClient = OkHttpClient.Builder()
        .addInterceptor(partnerAuth)
        .build()

    @Provides
    @Singleton
    fun retrofit(client: OkHttpClient): Retrofit = Retrofit.Builder()
        .baseUrl(BASE_URL)
        .client(client)
        .addConverterFactory(MoshiConverterFactory.create())
        .build()

    fun staticMapUrl(lat: Double, lng: Double): String =
        "https://maps.googleapis.com/maps/api/staticmap?center=$lat,$lng&zoom=15&size=600x300&key=$MAPS_API_KEY"
}

object BuildConfigShim {
    const val VERSION = "5.12.1"
}
