package dev.tribunal.web;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}). {@code type} is a relative URI
 * {@code /problems/<slug>}; the slugs are listed in README.md ("## API").
 */
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static String typeOf(String slug) {
        return "/problems/" + slug;
    }
}
