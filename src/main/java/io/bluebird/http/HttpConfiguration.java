package io.bluebird.http;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration
public class HttpConfiguration {

    /** Every body the hub takes from outside (its API and the channels' webhooks) is size-limited. */
    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(@Value("${bluebird.http.max-body-size:256KB}") DataSize max) {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(new BodySizeLimit(max.toBytes()));
        registration.addUrlPatterns("/api/*", "/webhooks/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<JsonBodies> jsonBodies() {
        FilterRegistrationBean<JsonBodies> registration = new FilterRegistrationBean<>(new JsonBodies());
        registration.addUrlPatterns("/api/*", "/webhooks/*");
        return registration;
    }
}
