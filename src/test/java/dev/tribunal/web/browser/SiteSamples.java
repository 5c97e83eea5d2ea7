package dev.tribunal.web.browser;

import dev.tribunal.store.Contestant;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Sample;
import dev.tribunal.store.SampleSource;
import dev.tribunal.web.browser.TribunalSite.SiteData;
import dev.tribunal.web.browser.TribunalSite.SiteData.SampleWithCritiques;
import java.util.List;

/** The data the browser tests run on, written for them: none of the texts names a judge or its maker. */
final class SiteSamples {

    /** Judge names and organisations: the anonymity test looks for each of them in the traffic before a vote. */
    static final List<Contestant> JUDGES = List.of(
            Contestant.of(ContestantKind.JUDGE, "gavel-70b", null, "Courthouse AI", "Apache-2.0"),
            Contestant.of(ContestantKind.JUDGE, "owl-judge-8b", null, "Nightjar Labs", "MIT"),
            Contestant.of(ContestantKind.JUDGE, "scales-mini", null, "Arbiter Systems", "Proprietary"));

    /** A script payload whose only effect is to set this window flag. */
    static final String XSS_FLAG = "__tribunalXss";

    private SiteSamples() {
    }

    static SiteData standard() {
        return new SiteData(JUDGES, List.of(
                pair("Write a haiku about autumn leaves.",
                        "Crimson leaves descend\nwhispering to the cold earth\nthe year exhales slow",
                        "Autumn is a season when leaves fall from trees. It is often cool.",
                        "writing", "atlas-70b", "borealis-8b",
                        List.of("A>>B", "A>B", "A=B"),
                        List.of("Response A follows the **5-7-5** form and uses vivid imagery.\n\n"
                                        + "- Line 1: 5 syllables\n- Line 2: 7 syllables\n\nResponse B is not a haiku.",
                                "A is a proper haiku; B explains autumn in prose, which misses the instruction.",
                                "Both mention autumn. I see no decisive difference in helpfulness.")),
                pair("Explain what a hash map is in two sentences.",
                        "A hash map stores key–value pairs and finds a value by hashing its key to a bucket.\n"
                                + "Lookups take `O(1)` time on average.",
                        "It is a map.",
                        "coding", "cirrus-pro", "delta-mini",
                        List.of("A>>B", "A>>B", "B>A"),
                        List.of("A is accurate and complete: it names **buckets** and the `O(1)` average cost.",
                                "Response B is far too short to explain anything.",
                                "B is concise, which the user asked for; A is slightly long.")),
                single("What is 17 × 23?", "17 × 23 = 391.", "math", "atlas-70b",
                        List.of("5", "4", "2"),
                        List.of("Correct: 17 × 20 = 340 and 17 × 3 = 51; 340 + 51 = **391**.",
                                "The answer is right but shows no working.",
                                "The response should explain the multiplication step by step.")),
                single("Suggest a name for a bakery.", "How about *The Rolling Pin*?", "writing", "borealis-8b",
                        List.of("4", "3", "5"),
                        List.of("A friendly, memorable name. One option only, though.",
                                "Fine, but generic.",
                                "A perfect, punny name that fits a bakery.")),
                pair("Write a Python function that reverses a string.",
                        "```python\ndef reverse(s: str) -> str:\n    return s[::-1]\n```",
                        "```python\ndef reverse(s):\n    out = ''\n    for c in s:\n        out = c + out\n    return out\n```",
                        "coding", "delta-mini", "cirrus-pro",
                        List.of("A>B", "A=B", "A>B"),
                        List.of("Both work; A is idiomatic and runs in linear time, while B is quadratic.",
                                "Both are correct.",
                                "9 6\nA uses slicing, the idiomatic way; B builds the string one character at a time."))),
                400, 40);
    }

    /** Samples and critiques that try to run script in the page; no votes, so both critiques show in every round. */
    static SiteData hostile() {
        String script = "<script>window." + XSS_FLAG + " = 'script'</script>";
        String image = "<img src=x onerror=\"window." + XSS_FLAG + " = 'img'\">";
        String link = "[click me](javascript:window." + XSS_FLAG + "='link')";
        return new SiteData(JUDGES.subList(0, 2), List.of(
                pair("Please summarise this: " + script + " and " + image,
                        "Summary: " + image + " " + link,
                        "<svg onload=\"window." + XSS_FLAG + "='svg'\"></svg> nothing to add",
                        "xss", "atlas-70b", "borealis-8b",
                        List.of("A>B", "B>A"),
                        List.of("Critique with " + image + " inside, and " + script,
                                "<iframe src=\"javascript:window." + XSS_FLAG + "='iframe'\"></iframe> " + link))),
                0, 0);
    }

    private static SampleWithCritiques pair(String input, String a, String b, String category, String modelA,
                                            String modelB, List<String> verdicts, List<String> critiques) {
        return new SampleWithCritiques(Sample.pair(input, a, b, modelA, modelB, SampleSource.DEMO, category),
                verdicts, critiques);
    }

    private static SampleWithCritiques single(String input, String response, String category, String model,
                                              List<String> scores, List<String> critiques) {
        return new SampleWithCritiques(Sample.single(input, response, model, SampleSource.DEMO, category), scores,
                critiques);
    }
}
