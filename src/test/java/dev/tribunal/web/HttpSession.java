package dev.tribunal.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** One browser, as far as the server can tell: its own cookie jar, talking to a real server. */
public final class HttpSession {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public HttpSession(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    public CookieManager cookies() {
        return cookies;
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(builder(path, headers).GET().build());
    }

    public HttpResponse<String> post(String path, String body, String... headers) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return send(builder(path, headers).POST(publisher).build());
    }

    public HttpResponse<String> postJson(String path, String body) {
        return post(path, body, "Content-Type", "application/json");
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder builder(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path));
        if (headers.length > 0) builder.headers(headers);
        return builder;
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
