package dev.tribunal.llm;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * LangChain4j's HTTP seam implemented over the JDK client, for one reason: on a non-2xx answer it throws a
 * {@link ProviderHttpException} carrying Retry-After (LangChain4j's JDK client keeps only status and body).
 * Headers are never logged; streaming is not used by the gateway.
 */
final class ProviderHttpClient implements HttpClient {

    private final java.net.http.HttpClient http;
    private final Duration readTimeout;
    private volatile URI lastUri;

    private ProviderHttpClient(java.net.http.HttpClient http, Duration readTimeout) {
        this.http = http;
        this.readTimeout = readTimeout;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest.Builder jdk = java.net.http.HttpRequest.newBuilder(uri(request.url()))
                .method(request.method().name(), request.body() == null
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach((name, values) -> values.forEach(v -> jdk.header(name, v)));
        if (readTimeout != null) jdk.timeout(readTimeout);
        HttpResponse<String> response;
        try {
            response = http.send(jdk.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the provider", e);
        }
        String body = response.body();
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw new ProviderHttpException(status, body, retryAfter(response.headers()).orElse(null));
        }
        return SuccessfulHttpResponse.builder().statusCode(status).headers(response.headers().map()).body(body).build();
    }

    /** A model sends every call to the same URL: parse it once (URI parsing is a few µs and a dozen objects). */
    private URI uri(String url) {
        URI last = lastUri;
        if (last != null && last.toString().equals(url)) return last;
        URI parsed = URI.create(url);
        lastUri = parsed;
        return parsed;
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        throw new UnsupportedOperationException("the gateway does not stream");
    }

    /** Retry-After as seconds or an HTTP date; OpenAI's retry-after-ms when present is more precise. */
    static Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> millis = headers.firstValue("retry-after-ms");
        if (millis.isPresent()) {
            try {
                return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(millis.get().trim()))));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        return headers.firstValue("retry-after").flatMap(ProviderHttpClient::parseRetryAfter);
    }

    static Optional<Duration> parseRetryAfter(String value) {
        String v = value.trim();
        try {
            double seconds = Double.parseDouble(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    /** Builds one JDK client per endpoint; LangChain4j's model builders set the timeouts on it. */
    static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout;
        private Duration readTimeout;

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            // HTTP/1.1: plain-http local servers (vLLM, llama.cpp) dislike the h2c upgrade; TLS hosts still work.
            java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1);
            if (connectTimeout != null) jdk.connectTimeout(connectTimeout);
            return new ProviderHttpClient(jdk.build(), readTimeout);
        }
    }
}
