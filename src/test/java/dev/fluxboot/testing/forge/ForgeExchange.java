package dev.fluxboot.testing.forge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request to a fake forge: decoded path segments, query and body parameters (form-encoded or
 * JSON, as gitlab4j and the JDK clients send them), and JSON answers.
 */
public final class ForgeExchange {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpExchange exchange;
    private final byte[] body;
    private final List<String> segments = new ArrayList<>();
    private final Map<String, List<String>> parameters = new LinkedHashMap<>();
    private JsonNode json;

    ForgeExchange(HttpExchange exchange) throws IOException {
        this.exchange = exchange;
        this.body = exchange.getRequestBody().readAllBytes();
        for (String segment : exchange.getRequestURI().getRawPath().split("/")) {
            if (!segment.isEmpty()) {
                segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        parse(exchange.getRequestURI().getRawQuery());
        String contentType = Optional.ofNullable(header("Content-Type")).orElse("");
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            parse(new String(body, StandardCharsets.UTF_8));
        } else if (contentType.startsWith("application/json") && body.length > 0) {
            json = JSON.readTree(body);
            json.fields().forEachRemaining(field -> {
                List<String> values = parameters.computeIfAbsent(field.getKey(), k -> new ArrayList<>());
                if (field.getValue().isArray()) {
                    field.getValue().forEach(v -> values.add(v.asText()));
                } else if (!field.getValue().isNull()) {
                    values.add(field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString());
                }
            });
        }
    }

    private void parse(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (name.endsWith("[]")) {
                name = name.substring(0, name.length() - 2);
            }
            parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    public String method() {
        return exchange.getRequestMethod();
    }

    public String rawPath() {
        return exchange.getRequestURI().getRawPath();
    }

    public String rawQuery() {
        return exchange.getRequestURI().getRawQuery();
    }

    public List<String> segments() {
        return segments;
    }

    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    public byte[] body() {
        return body;
    }

    /** The JSON body (null when the body was not JSON). */
    public JsonNode json() {
        return json;
    }

    public Optional<String> param(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public List<String> params(String name) {
        return parameters.getOrDefault(name, List.of());
    }

    public HttpExchange raw() {
        return exchange;
    }

    public void setHeader(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    public void respondJson(int status, Object body) throws IOException {
        respond(status, "application/json", JSON.writeValueAsBytes(body));
    }

    public void respondText(int status, String text) throws IOException {
        respond(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public void respondEmpty(int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    public void respond(int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }
}
