package dev.tribunal.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.List;
import java.util.Map;

/**
 * Builds LangChain4j chat models from endpoint config, with LangChain4j's own retries off (the gateway retries,
 * so it can honour Retry-After and count attempts) and request/response logging off (headers carry the key).
 */
final class ProviderChatModels {

    private ProviderChatModels() {
    }

    /** {@code apiKey} may be null for servers that need none. */
    static ChatModel build(EndpointConfig endpoint, String apiKey) {
        return switch (endpoint.provider()) {
            case OPENAI, OPENAI_COMPATIBLE -> {
                OpenAiChatModel.OpenAiChatModelBuilder b = OpenAiChatModel.builder()
                        .httpClientBuilder(new ProviderHttpClient.Builder())
                        .baseUrl(endpoint.baseUrl()).modelName(endpoint.model())
                        .apiKey(apiKey == null ? "none" : apiKey)
                        .timeout(endpoint.timeout()).maxRetries(0).logRequests(false).logResponses(false);
                if (endpoint.structuredOutput()) {
                    b.supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA).strictJsonSchema(true);
                }
                yield b.build();
            }
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .httpClientBuilder(new ProviderHttpClient.Builder())
                    .baseUrl(endpoint.baseUrl()).modelName(endpoint.model()).apiKey(apiKey)
                    .timeout(endpoint.timeout()).maxRetries(0).logRequests(false).logResponses(false)
                    .build();
            case GEMINI -> GoogleAiGeminiChatModel.builder()
                    .httpClientBuilder(new ProviderHttpClient.Builder())
                    .baseUrl(endpoint.baseUrl()).modelName(endpoint.model()).apiKey(apiKey)
                    .timeout(endpoint.timeout()).maxRetries(0).logRequests(false).logResponses(false)
                    .build();
            case OLLAMA -> {
                OllamaChatModel.OllamaChatModelBuilder b = OllamaChatModel.builder();
                b.httpClientBuilder(new ProviderHttpClient.Builder())
                        .baseUrl(endpoint.baseUrl()).modelName(endpoint.model())
                        .timeout(endpoint.timeout()).logRequests(false).logResponses(false);
                // A key is only needed behind an authenticating proxy.
                if (apiKey != null) b.customHeaders(Map.of("Authorization", "Bearer " + apiKey));
                yield b.maxRetries(0).build();
            }
        };
    }

    /** The LangChain4j request for ours, with the endpoint's defaults filled in. */
    static ChatRequest chatRequest(EndpointConfig endpoint, LlmRequest request) {
        ChatRequest.Builder b = ChatRequest.builder().messages(messages(request.messages()));
        Double temperature = request.temperature() != null ? request.temperature() : endpoint.temperature();
        Integer maxTokens = request.maxTokens() != null ? request.maxTokens() : endpoint.maxTokens();
        if (temperature != null) b.temperature(temperature);
        if (maxTokens != null) b.maxOutputTokens(maxTokens);
        if (request.outputSchema() != null && endpoint.structuredOutput()) {
            b.responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON)
                    .jsonSchema(jsonSchema(request.outputSchema())).build());
        }
        return b.build();
    }

    private static List<ChatMessage> messages(List<LlmMessage> messages) {
        return messages.stream().<ChatMessage>map(m -> switch (m.role()) {
            case SYSTEM -> SystemMessage.from(m.text());
            case USER -> UserMessage.from(m.text());
            case ASSISTANT -> AiMessage.from(m.text());
        }).toList();
    }

    private static JsonSchema jsonSchema(OutputSchema schema) {
        JsonObjectSchema.Builder root = JsonObjectSchema.builder();
        for (OutputSchema.Field f : schema.fields()) {
            if (!f.allowed().isEmpty()) root.addEnumProperty(f.name(), f.allowed());
            else if (f.type() == OutputSchema.Type.INTEGER) root.addIntegerProperty(f.name());
            else root.addStringProperty(f.name());
        }
        root.required(schema.fields().stream().map(OutputSchema.Field::name).toList()).additionalProperties(false);
        return JsonSchema.builder().name(schema.name()).rootElement(root.build()).build();
    }
}
