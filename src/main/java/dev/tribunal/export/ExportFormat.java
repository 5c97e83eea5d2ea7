package dev.tribunal.export;

import java.util.Locale;

/** The formats of the vote export. */
public enum ExportFormat {
    JSONL("application/x-ndjson", "jsonl"),
    CSV("text/csv", "csv");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** jsonl or csv (any case); throws IllegalArgumentException naming the choices. */
    public static ExportFormat parse(String name) {
        for (ExportFormat format : values()) {
            if (format.extension.equals(name.toLowerCase(Locale.ROOT))) return format;
        }
        throw new IllegalArgumentException("unknown export format '" + name + "'; expected jsonl or csv");
    }
}
