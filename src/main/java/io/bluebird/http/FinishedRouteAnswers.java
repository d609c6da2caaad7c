package io.bluebird.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpConsumer;
import org.springframework.core.MethodParameter;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.DeferredResultMethodReturnValueHandler;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * A route's answer that is finished when its platform-http handler returns (the routes run on the request's thread,
 * {@link HttpConfiguration#platformHttpEngine}) ends the request there. Camel's handler returns a future, and Spring MVC
 * otherwise starts asynchronous processing for any future, done or not, and dispatches the request a second time
 * through Tomcat and the DispatcherServlet to end it: a seventh of a webhook's time in the request threads. A future
 * not yet done still goes the asynchronous way.
 */
final class FinishedRouteAnswers implements HandlerMethodReturnValueHandler {

    private final HandlerMethodReturnValueHandler unfinished;

    private FinishedRouteAnswers(HandlerMethodReturnValueHandler unfinished) {
        this.unfinished = unfinished;
    }

    /** Puts this handler first among the adapter's, in front of the one that takes futures. */
    static void installIn(RequestMappingHandlerAdapter adapter) {
        List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>(adapter.getReturnValueHandlers());
        HandlerMethodReturnValueHandler unfinished = handlers.stream()
                .filter(DeferredResultMethodReturnValueHandler.class::isInstance).findFirst()
                .orElseThrow(() -> new IllegalStateException("Spring MVC has no handler for futures"));
        handlers.add(0, new FinishedRouteAnswers(unfinished));
        adapter.setReturnValueHandlers(handlers);
    }

    @Override
    public boolean supportsReturnType(MethodParameter returnType) {
        return SpringBootPlatformHttpConsumer.class.isAssignableFrom(returnType.getContainingClass())
                && CompletionStage.class.isAssignableFrom(returnType.getParameterType());
    }

    @Override
    public void handleReturnValue(Object returnValue, MethodParameter returnType, ModelAndViewContainer container,
                                  NativeWebRequest request) throws Exception {
        CompletableFuture<?> answer = ((CompletionStage<?>) returnValue).toCompletableFuture();
        if (!answer.isDone()) {
            unfinished.handleReturnValue(returnValue, returnType, container, request);
            return;
        }
        // the route wrote the response itself
        container.setRequestHandled(true);
        try {
            answer.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw failed;
        }
    }
}
