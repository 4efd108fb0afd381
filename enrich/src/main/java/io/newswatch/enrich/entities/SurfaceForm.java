package io.newswatch.enrich.entities;

import io.newswatch.enrich.entities.TextTokens.Shape;
import java.util.List;

/**
 * One way of writing an entity ("Kremlin" for Russia), as normalised token keys plus a case rule per token.
 *
 * <p>The case rule is read from how the gazetteer writes the form: a token written in capitals ("US",
 * "WHO") must be in capitals in the text; a capitalised token ("Turkey", "Patriot") must start with a
 * capital; a lower-case token ("von", "der") matches in any case. So "us" and "turkey" the bird stay
 * out, while an all-caps headline ("TRUMP CALLS PUTIN") still matches.
 *
 * @param entity the entity this form names
 * @param form   the form as written in the gazetteer
 * @param keys   normalised token keys
 * @param shapes the shape each text token must have (UPPER: upper; CAPITALIZED: upper or capitalised; OTHER: any)
 */
public record SurfaceForm(GazetteerEntry entity, String form, List<String> keys, List<Shape> shapes) {

    public static SurfaceForm of(GazetteerEntry entity, String form) {
        TextTokens tokens = TextTokens.of(form);
        if (tokens.size() == 0) {
            throw new IllegalArgumentException("surface form '" + form + "' of " + entity.id() + " has no letters or digits");
        }
        String[] keys = new String[tokens.size()];
        Shape[] shapes = new Shape[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            keys[i] = tokens.key(i);
            shapes[i] = tokens.shape(i);
        }
        return new SurfaceForm(entity, form, List.of(keys), List.of(shapes));
    }

    /**
     * A copy whose last token carries a plural "s" ("Tomahawk" becomes "Tomahawks", "F-16" becomes "F-16s").
     * The case rules stay: digit tokens are shape OTHER either way, and "Tomahawks" is still capitalised.
     */
    SurfaceForm plural() {
        String[] keys = this.keys.toArray(String[]::new);
        keys[keys.length - 1] = keys[keys.length - 1] + "s";
        return new SurfaceForm(entity, form + "s", List.of(keys), shapes);
    }

    /** Whether text tokens {@code first..first+length-1} are written the way this form requires. */
    boolean acceptsCase(TextTokens text, int first) {
        for (int i = 0; i < shapes.size(); i++) {
            Shape required = shapes.get(i);
            Shape actual = text.shape(first + i);
            boolean ok = switch (required) {
                case UPPER -> actual == Shape.UPPER;
                // A short name in capitals is usually something else: "XI" is a football team sheet, not Xi.
                case CAPITALIZED -> actual == Shape.CAPITALIZED || actual == Shape.UPPER && keys.get(i).length() > 3;
                case OTHER -> true;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
