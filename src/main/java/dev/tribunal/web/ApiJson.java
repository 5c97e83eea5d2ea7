package dev.tribunal.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The API's JSON: record components in snake_case, times as ISO-8601 strings, nulls kept (they are part of the
 * contract). Jackson's buffers are recycled through a shared pool: its default keeps them per thread, and
 * requests run on virtual threads, which are new for every request.
 */
public final class ApiJson {

    private static final ObjectMapper SHARED = mapper();

    private ApiJson() {
    }

    /** A JSON factory whose buffers are recycled across (virtual) threads. */
    static JsonFactory factory() {
        return JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build();
    }

    public static ObjectMapper mapper() {
        return JsonMapper.builder(factory())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    /**
     * Writes {@code value} as the JSON response straight into the response stream: no intermediate string, and no
     * copy through Javalin's 32 KB result buffer.
     */
    public static void respond(Context ctx, Object value) {
        ctx.contentType("application/json");
        try {
            ObjectMapper mapper = ctx.jsonMapper() instanceof JavalinJackson jackson ? jackson.getMapper() : SHARED;
            // Javalin closes the stream when the request ends
            mapper.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(ctx.outputStream(), value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
