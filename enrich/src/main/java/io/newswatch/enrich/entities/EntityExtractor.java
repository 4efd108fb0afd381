package io.newswatch.enrich.entities;

import io.newswatch.core.EntityMatch;
import io.newswatch.core.EntityType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds gazetteer entities in text: a walk over a trie of normalised token keys, longest match first.
 *
 * <p>At each token the walk follows the trie as far as the text allows and keeps the longest surface form
 * whose case rule accepts the text, so "Republic of the Congo" beats "Congo" and "Melania Trump" beats
 * "Trump". The matched tokens are then skipped. Cost is linear in the text's tokens times the depth of
 * the longest form, independent of gazetteer size. Immutable and thread-safe once built.
 */
public final class EntityExtractor {

    private static final class Node {
        final Map<String, Node> children = new HashMap<>(4);
        final List<SurfaceForm> forms = new ArrayList<>(1);
    }

    private final Node root = new Node();
    private final String version;
    private final int entityCount;

    private EntityExtractor(Gazetteer gazetteer) {
        this.version = gazetteer.version();
        this.entityCount = gazetteer.entries().size();
        Map<String, SurfaceForm> claimed = new HashMap<>();
        for (GazetteerEntry entry : gazetteer.entries()) {
            for (String written : entry.forms()) {
                SurfaceForm form = SurfaceForm.of(entry, written);
                add(form, claimed, true);
                if (entry.type() == EntityType.WEAPON) {
                    // Plurals are generated, so they give way silently to any form written out by hand.
                    add(form.plural(), claimed, false);
                }
            }
        }
    }

    public static EntityExtractor of(Gazetteer gazetteer) {
        return new EntityExtractor(gazetteer);
    }

    private void add(SurfaceForm form, Map<String, SurfaceForm> claimed, boolean strict) {
        String signature = form.keys() + "/" + form.shapes();
        SurfaceForm owner = claimed.get(signature);
        if (owner != null) {
            if (owner.entity().id().equals(form.entity().id()) || !strict) {
                return;
            }
            throw new GazetteerFormatException("surface form '" + form.form() + "' is claimed by both " + owner.entity().id()
                    + " and " + form.entity().id() + "; give it to one of them");
        }
        claimed.put(signature, form);
        Node node = root;
        for (String key : form.keys()) {
            node = node.children.computeIfAbsent(key, k -> new Node());
        }
        node.forms.add(form);
    }

    /** Entities mentioned in the text, in order of first mention, each with its distinct surface forms. */
    public List<EntityMatch> extract(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        TextTokens tokens = TextTokens.of(text);
        Map<String, Found> found = new LinkedHashMap<>();
        int i = 0;
        while (i < tokens.size()) {
            SurfaceForm best = null;
            int bestLast = -1;
            Node node = root;
            for (int j = i; j < tokens.size(); j++) {
                node = node.children.get(tokens.key(j));
                if (node == null) {
                    break;
                }
                for (SurfaceForm form : node.forms) {
                    if (form.acceptsCase(tokens, i)) {
                        best = form;
                        bestLast = j;
                        break;
                    }
                }
            }
            if (best == null) {
                i++;
                continue;
            }
            GazetteerEntry entity = best.entity();
            found.computeIfAbsent(entity.id(), id -> new Found(entity)).evidence.add(evidence(tokens, i, bestLast, best));
            i = bestLast + 1;
        }
        List<EntityMatch> matches = new ArrayList<>(found.size());
        for (Found f : found.values()) {
            matches.add(new EntityMatch(f.entity.type(), f.entity.id(), f.entity.name(), List.copyOf(f.evidence)));
        }
        return matches;
    }

    private static String evidence(TextTokens tokens, int first, int last, SurfaceForm form) {
        String span = tokens.span(first, last);
        int after = tokens.end(last);
        // "U.S." is cut at the last letter by the tokenizer; give the dot back when the form has one.
        if (form.form().endsWith(".") && after < tokens.text().length() && tokens.text().charAt(after) == '.') {
            return span + ".";
        }
        return span;
    }

    private static final class Found {
        final GazetteerEntry entity;
        final Set<String> evidence = new LinkedHashSet<>();

        Found(GazetteerEntry entity) {
            this.entity = entity;
        }
    }

    /** The gazetteer version, carried on enriched records beside the taxonomy version. */
    public String version() {
        return version;
    }

    public int entityCount() {
        return entityCount;
    }
}
