package io.newswatch.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.rules.RuleNode.And;
import io.newswatch.rules.RuleNode.Near;
import io.newswatch.rules.RuleNode.Not;
import io.newswatch.rules.RuleNode.Or;
import io.newswatch.rules.RuleNode.Phrase;
import io.newswatch.rules.RuleNode.Prefix;
import io.newswatch.rules.RuleNode.Word;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RuleParser: the grammar and its precedence")
class RuleParserTest {

    /** A compact rendering of the tree, so expectations read like the grammar. */
    private static String tree(String expression) {
        return render(RuleParser.parse("r", expression));
    }

    private static String render(RuleNode node) {
        return switch (node) {
            case Word w -> w.text();
            case Prefix p -> p.text() + "*";
            case Phrase p -> "\"" + p.words().stream().map(RuleParserTest::render).collect(Collectors.joining(" "))
                    + "\"" + (p.slop() > 0 ? "~" + p.slop() : "");
            case And a -> "AND(" + join(a.children()) + ")";
            case Or o -> "OR(" + join(o.children()) + ")";
            case Not n -> "NOT(" + render(n.child()) + ")";
            case Near n -> (n.ordered() ? "BEFORE" : "NEAR") + n.distance() + "(" + render(n.left()) + ", " + render(n.right()) + ")";
        };
    }

    private static String join(List<RuleNode> nodes) {
        return nodes.stream().map(RuleParserTest::render).collect(Collectors.joining(", "));
    }

    @Test
    @DisplayName("NOT binds tighter than NEAR, NEAR than AND, AND than OR")
    void precedence() {
        assertThat(tree("a OR b AND NOT c")).isEqualTo("OR(a, AND(b, NOT(c)))");
        assertThat(tree("(a OR b) AND NOT c")).isEqualTo("AND(OR(a, b), NOT(c))");
        assertThat(tree("a b NEAR/3 c")).isEqualTo("AND(a, NEAR3(b, c))");
        assertThat(tree("NOT a NEAR/2 b")).isEqualTo("NOT(NEAR2(a, b))");
        assertThat(tree("a NEAR/1 b NEAR/2 c")).isEqualTo("NEAR2(NEAR1(a, b), c)");
    }

    @Test
    @DisplayName("BEFORE/n sits with NEAR/n, left to right; a bare 'before' stays a word")
    void before() {
        assertThat(tree("a BEFORE/2 b NEAR/3 c")).isEqualTo("NEAR3(BEFORE2(a, b), c)");
        assertThat(tree("a before/1 (b OR c) BEFORE/4 d")).isEqualTo("BEFORE4(BEFORE1(a, OR(b, c)), d)");
        assertThat(tree("NOT a BEFORE/2 b")).isEqualTo("NOT(BEFORE2(a, b))");
        assertThat(tree("talks before summit")).isEqualTo("AND(talks, before, summit)");
        assertThat(tree("talks BEFORE summit")).isEqualTo("AND(talks, BEFORE, summit)");
    }

    @Test
    @DisplayName("phrases, slop, prefixes and case-insensitive operators")
    void leaves() {
        assertThat(tree("\"sell tomahawk\"~5 or tomahaw*")).isEqualTo("OR(\"sell tomahawk\"~5, tomahaw*)");
        assertThat(tree("\u201Carms sale\u201D and not video*")).isEqualTo("AND(\"arms sale\", NOT(video*))");
        assertThat(tree("explosion near kyiv")).isEqualTo("AND(explosion, near, kyiv)");
        assertThat(tree("sell near/5 (tomahawk* OR \"cruise missile\")"))
                .isEqualTo("NEAR5(sell, OR(tomahawk*, \"cruise missile\"))");
    }

    @Test
    @DisplayName("nodes remember where they start, for later error messages")
    void positions() {
        RuleNode node = RuleParser.parse("r", "arms AND NOT  video");
        assertThat(((And) node).children().get(1).position()).isEqualTo(9);
        assertThat(((Not) ((And) node).children().get(1)).child().position()).isEqualTo(14);
    }
}
