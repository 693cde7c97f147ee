package games.lanternfall.accounts.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

@Configuration
public class SecurityConfig {

    @Value("${lanternfall.auth.jwt.signing-secret}")
    private String jwtSecret;

    @Value("${lanternfall.auth.password-policy.min-length:10}")
    private int minPasswordLength;

    @Bean
    public PasswordEncoder passwordEncoder() {
        // OWASP 2023 recommendation for argon2id
        return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    }

    @Bean
    public SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/api/v1/login", "/api/v1/register").permitAll()
                .requestMatchers("/admin/**").hasRole("SUPPORT_ADMIN")
                .anyRequest().authenticated())
            .oauth2ResourceServer(o -> o.jwt(j -> j.decoder(JwtDecoders.hmac(jwtSecret))));
        return http.build();
    }

    public int getMinPasswordLength() {
        return minPasswordLength;
    }
}
