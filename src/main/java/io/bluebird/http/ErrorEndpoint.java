package io.bluebird.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring Boot's error page, where Tomcat sends what no route answered (an unknown path, a method a route does not
 * take): the hub's problem details, for a browser too, instead of Spring's own JSON or its "Whitelabel" HTML.
 */
@RestController
public class ErrorEndpoint implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<byte[]> error(HttpServletRequest request) {
        // called directly, /error is a path like any other that serves nothing
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        ProblemWriter.Answer answer = ProblemWriter.answer(Refusals.of(status, request.getMethod()),
                request.getHeader("Accept"));
        // the content type set here is kept whatever the caller accepts
        return ResponseEntity.status(status).contentType(MediaType.parseMediaType(answer.contentType()))
                .body(answer.body());
    }
}
