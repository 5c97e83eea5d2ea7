package dev.tribunal.web;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}). {@code type} is a relative URI
 * {@code /problems/<slug>}; the slugs are listed in README.md ("## API").
 */
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The longest piece of a client's input a detail quotes. */
    static final int EXCERPT_CHARS = 40;

    public static String typeOf(String slug) {
        return "/problems/" + slug;
    }

    /**
     * At most {@value #EXCERPT_CHARS} characters of something the client sent, to quote it in a detail without
     * echoing kilobytes back (a problem stays short whatever the request).
     */
    public static String excerpt(String text) {
        return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + "…";
    }
}
