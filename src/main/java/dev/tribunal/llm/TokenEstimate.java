package dev.tribunal.llm;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;

/**
 * Token counts for servers that report no usage, and answer lengths where no count was given: cl100k_base (what
 * Arena-Hard's {@code token_len} counts with, special tokens read as ordinary text like tiktoken's
 * {@code disallowed_special=()}).
 */
public final class TokenEstimate {

    private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    private TokenEstimate() {
    }

    public static int count(String text) {
        return text == null || text.isEmpty() ? 0 : ENCODING.countTokensOrdinary(text);
    }

    static int count(List<LlmMessage> messages) {
        return messages.stream().mapToInt(m -> count(m.text())).sum();
    }
}
