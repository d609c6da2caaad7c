package io.bluebird.http;

import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpEngine;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

@Configuration
public class HttpConfiguration {

    /**
     * The routes of the hub's endpoints run on Tomcat's request thread. Camel's engine for Spring Boot otherwise hands
     * each request to Spring's task executor (eight threads) and takes the answer back: two thread switches a
     * webhook, and beyond eight at once requests queued there while Tomcat's threads waited.
     */
    @Bean("platform-http-engine") // the name Camel's platform-http component looks up
    PlatformHttpEngine platformHttpEngine(ServerProperties server) {
        return new SpringBootPlatformHttpEngine(server.getPort() == null ? 8080 : server.getPort(), Runnable::run);
    }

    /** The answer of a route that ended on the request's thread ends the request there ({@link FinishedRouteAnswers}). */
    @Bean
    static BeanPostProcessor finishedRouteAnswers() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof RequestMappingHandlerAdapter adapter) {
                    FinishedRouteAnswers.installIn(adapter);
                }
                return bean;
            }
        };
    }

    /** Every body the hub takes from outside (its API, the channels' webhooks, its schemas) is size-limited. */
    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(HttpSettings http) {
        FilterRegistrationBean<BodySizeLimit> registration =
                new FilterRegistrationBean<>(new BodySizeLimit(http.maxBodySize().toBytes()));
        registration.addUrlPatterns("/api/*", "/webhooks/*", "/schemas/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<JsonBodies> jsonBodies() {
        FilterRegistrationBean<JsonBodies> registration = new FilterRegistrationBean<>(new JsonBodies());
        registration.addUrlPatterns("/api/*", "/webhooks/*", "/schemas/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<QueryParameters> queryParameters() {
        FilterRegistrationBean<QueryParameters> registration = new FilterRegistrationBean<>(new QueryParameters());
        registration.addUrlPatterns("/api/*", "/webhooks/*", "/schemas/*");
        return registration;
    }

    /** The hub's API token shows the health components (show-components and show-details: when-authorized). */
    @Bean
    FilterRegistrationBean<ActuatorCaller> actuatorCaller(ApiToken token) {
        FilterRegistrationBean<ActuatorCaller> registration = new FilterRegistrationBean<>(new ActuatorCaller(token));
        registration.addUrlPatterns("/actuator/*");
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerErrors() {
        return new ContainerErrorsOnTheHost();
    }

    /**
     * Puts {@link ContainerErrors} where Tomcat's error report is, on the host. Spring Boot adds its own
     * ErrorReportValve there (without the server's version) in a customizer of order 0: this one runs after it and
     * takes that valve's place; the host, told the class, adds no other.
     */
    private static final class ContainerErrorsOnTheHost
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                StandardHost host = (StandardHost) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ContainerErrors.class.getName());
                host.getPipeline().addValve(new ContainerErrors());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
