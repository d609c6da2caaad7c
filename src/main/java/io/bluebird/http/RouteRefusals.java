package io.bluebird.http;

import io.bluebird.deadletter.DeadLetterWithoutQueue;
import io.bluebird.model.InvalidInput;
import io.bluebird.model.NotFound;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.springframework.stereotype.Component;

/**
 * What an HTTP route answers when it fails ({@code routes/http-errors.yaml}): a {@link RequestRejected} or one of
 * the domain's refusals (not found, invalid input, a dead letter without its queue) as its problem, anything else as
 * 503, nothing kept, send it again. The request's headers are gone from the message by then where the route cleared
 * them before queueing, so the caller's Accept is read from the request itself.
 */
@Component("routeRefusals")
public class RouteRefusals implements Processor {

    private static final Problem UNAVAILABLE = Refusals.of(503, null);

    private final String retryAfter;

    public RouteRefusals(HttpSettings settings) {
        this.retryAfter = String.valueOf(settings.retryAfter().toSeconds());
    }

    @Override
    public void process(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Problem problem = problemOf(failure);
        ProblemWriter.Answer answer = ProblemWriter.answer(problem, accept(exchange.getIn()));
        Message answering = exchange.getMessage();
        answering.removeHeaders("*");
        answering.setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        answering.setHeader(Exchange.CONTENT_TYPE, answer.contentType());
        answering.setBody(answer.body());
        if (answer.status() == 503) {
            // nothing was kept: the caller sends it again, after this long
            answering.setHeader("Retry-After", retryAfter);
        }
    }

    /** The domain's refusals as their statuses; anything else is the hub's failure, to be sent again. */
    static Problem problemOf(Exception failure) {
        if (failure instanceof RequestRejected rejected) {
            return rejected.getResponse();
        }
        if (failure instanceof NotFound) {
            return new Problem(ProblemType.NOT_FOUND, 404, failure.getMessage(), null);
        }
        if (failure instanceof InvalidInput invalid) {
            return new Problem(ProblemType.INVALID_FIELD, 400, invalid.getMessage(), invalid.field());
        }
        if (failure instanceof DeadLetterWithoutQueue) {
            return new Problem(ProblemType.DEAD_LETTER_WITHOUT_QUEUE, 409, failure.getMessage(), null);
        }
        return UNAVAILABLE;
    }

    private static String accept(Message in) {
        if (in instanceof PlatformHttpMessage http && http.getRequest() != null) {
            return http.getRequest().getHeader("Accept");
        }
        return in.getHeader("Accept", String.class);
    }
}
