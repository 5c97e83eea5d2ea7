package dev.tribunal.llm;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;

/** Token counts for servers that report no usage: cl100k_base, close enough to price a call. */
final class TokenEstimate {

    private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    private TokenEstimate() {
    }

    static int count(String text) {
        return text == null || text.isEmpty() ? 0 : ENCODING.countTokensOrdinary(text);
    }

    static int count(List<LlmMessage> messages) {
        return messages.stream().mapToInt(m -> count(m.text())).sum();
    }
}
