package org.renkei.platform.web;

import java.time.Duration;
import java.util.Locale;
import org.renkei.platform.time.JapanTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Pages speak Japanese first; {@code ?lang=en} switches to English (kept in a cookie), {@code ?lang=ja} back.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("renkei-lang");
        resolver.setDefaultLocale(Locale.JAPANESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        registry.addInterceptor(change);
    }

    /** Exposed to templates as {@code @jp}: {@code ${@jp.date(d)}}, {@code ${@jp.dateTime(i)}}. */
    @Bean("jp")
    JapanDates japanDates() {
        return new JapanDates();
    }

    public static final class JapanDates {
        public String date(java.time.LocalDate date) {
            return JapanTime.date(date);
        }

        public String dateTime(java.time.Instant instant) {
            return JapanTime.dateTime(instant);
        }
    }
}
