package com.acme.shop.mail

import jakarta.mail.Authenticator
import jakarta.mail.PasswordAuthentication
import jakarta.mail.Session
import java.util.Properties

data class SmtpSettings(
    val host: String = "smtp.example.com",
    val port: Int = 587,
    val user: String = "shop@example.com",
    val password: String = "Sh0p-Sm7p!6igpzfuZ",
    val startTls: Boolean = true,
)

object ApiKeys {
    const val MAPS = "AIzasvk2pK7SzhWTuW0ORTvT9dKGUW7HASRwedk"
    const val ANALYTICS_WRITE_KEY = "Om2c4vuZgNKLh2dblkJvp5QihIWIyWY9"
    const val PASSWORD_FIELD = "password"
    const val MASKED = "********"
}

class MailService(private val settings: SmtpSettings = SmtpSettings()) {

    private val session: Session by lazy {
        val props = Properties().apply {
            put("mail.smtp.host", settings.host)
            put("mail.smtp.port", settings.port.toString())
            put("mail.smtp.auth", "true")
            put("mail.smtp.starttls.enable", settings.startTls.toString())
        }
        Session.getInstance(props, object : Authenticator() {
            override fun getPasswordAuthentication() =
                PasswordAuthentication(settings.user, settings.password)
        })
    }

    fun stagingSession() = MailService(SmtpSettings(host = "smtp-staging.internal", password = "stg-m4il-pass"))

    fun prompt(): String = "Enter password for ${settings.user}:"
}
