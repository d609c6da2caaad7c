package io.bluebird.channel.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bluebird.http.Hmac;
import io.bluebird.http.JsonRequests;
import io.bluebird.http.RequestRejected;
import org.springframework.stereotype.Component;

/**
 * The signed-webhook template's check (routes/channel-templates.yaml): the HMAC-SHA256 of the raw body, with the
 * channel's secret, shown in a header as the channel's scheme says, e.g. {@code sha256={hex}} (Meta, GitHub,
 * Discourse) or {@code sha256={base64}} (X); then the body as a JSON object. A wrong or missing signature is 401, a
 * body that is no JSON object 400, before anything is queued.
 */
@Component("signedWebhooks")
public class SignedWebhooks {

    private static final Pattern SCHEME = Pattern.compile("(.*)\\{(hex|base64)}(.*)");

    private final ObjectMapper json;

    public SignedWebhooks(ObjectMapper json) {
        this.json = json;
    }

    public JsonNode read(byte[] body, String signature, String header, String secret, String scheme) {
        if (secret == null || secret.isBlank()) {
            throw new RequestRejected(401, "this webhook has no secret configured");
        }
        if (signature == null) {
            throw new RequestRejected(401, "missing " + header);
        }
        byte[] signed = body == null ? new byte[0] : body;
        Matcher parts = SCHEME.matcher(scheme);
        if (!parts.matches()) {
            throw new IllegalStateException("signatureScheme '" + scheme + "' holds neither {hex} nor {base64}");
        }
        boolean hex = parts.group(2).equals("hex");
        String expected = parts.group(1) + (hex ? Hmac.sha256Hex(secret, signed) : Hmac.sha256Base64(secret, signed))
                + parts.group(3);
        // hex digits in either case, as Meta's and GitHub's documentation allow; base64 is case-sensitive
        if (hex ? !Hmac.matches(expected.toLowerCase(), signature.toLowerCase()) : !Hmac.matches(expected, signature)) {
            throw new RequestRejected(401, "wrong " + header);
        }
        return JsonRequests.object(json, body, "a JSON object");
    }
}
