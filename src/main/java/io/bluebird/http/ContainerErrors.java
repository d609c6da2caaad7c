package io.bluebird.http;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report, which answers what it refuses before the application sees it ({@code %2F} or {@code %00}
 * in a path, a malformed escape, a request line over the header size limit), as the hub's problem details instead
 * of an HTML page. It does what Tomcat's own valve does, but writes {@link Refusals} through {@link ProblemWriter}.
 */
public class ContainerErrors extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's valve: nothing for a success, for an answer already started, or for an error already reported
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean writable = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
        if (!writable.get()) {
            return;
        }
        try {
            ProblemWriter.Answer answer = ProblemWriter.answer(Refusals.of(status, request.getMethod()),
                    request.getHeader("Accept"));
            response.setContentType(answer.contentType());
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(answer.body(), StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone or the answer has started: there is no one left to tell
        }
    }
}
