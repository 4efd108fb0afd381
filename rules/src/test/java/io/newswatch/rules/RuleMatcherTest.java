package io.newswatch.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("RuleMatcher: the rule language against texts")
class RuleMatcherTest {

    /**
     * Whether the single rule {@code expression} matches {@code text}. Runs every engine and checks
     * that they agree, hits and evidence, so each assertion below holds for all of them.
     */
    private static boolean matches(String expression, String text) {
        return !hitsOnEveryEngine(expression, text).isEmpty();
    }

    private static List<String> evidence(String expression, String text) {
        List<RuleHit> hits = hitsOnEveryEngine(expression, text);
        assertThat(hits).hasSize(1);
        return hits.get(0).evidence();
    }

    private static List<RuleHit> hitsOnEveryEngine(String expression, String text) {
        List<RuleHit> reference = null;
        for (RuleEngine engine : RuleEngine.values()) {
            try (RuleMatcher matcher = engine.compile(List.of(new Rule("r", expression)))) {
                List<RuleHit> hits = matcher.match(text);
                if (reference == null) {
                    reference = hits;
                } else {
                    assertThat(hits).as("%s on [%s] with %s", expression, text, engine).isEqualTo(reference);
                }
            }
        }
        return reference;
    }

    @Nested
    @DisplayName("words and inflections")
    class Words {
        @ParameterizedTest(name = "{0} matches \"{1}\"")
        @CsvSource(delimiter = '|', value = {
            "tomahawk | Ukraine wants Tomahawks",
            "TOMAHAWK | a tomahawk missile",
            "sell     | the US sold missiles",
            "sell     | the sale of missiles",
            "sell     | he sells them",
            "sell     | selling arms",
            "sold     | he sells arms",
            "sanction | new sanctions on Moscow",
            "strike   | a drone struck the refinery",
            "flee     | thousands fled the city",
            "ukraine  | Ukraine's army",
            "zelensky | Zelenský spoke",
            "election | the elections in Poland",
            "children | a child was hurt",
        })
        void matchesInflections(String rule, String text) {
            assertThat(matches(rule, text)).isTrue();
        }

        @ParameterizedTest(name = "{0} does not match \"{1}\"")
        @CsvSource(delimiter = '|', value = {
            "election | the president was elected",
            "meet     | Met Police arrest man",
            "sell     | a cell phone",
        })
        void doesNotOverreach(String rule, String text) {
            assertThat(matches(rule, text)).isFalse();
        }

        @Test
        @DisplayName("a hyphenated rule word must appear as adjacent words")
        void hyphenatedWord() {
            assertThat(matches("long-range", "long-range missiles")).isTrue();
            assertThat(matches("long-range", "a long range of missiles")).isTrue();
            assertThat(matches("long-range", "range is long")).isFalse();
        }
    }

    @Nested
    @DisplayName("boolean operators and grouping")
    class Booleans {
        @Test
        @DisplayName("AND, OR, NOT and adjacency as AND")
        void operators() {
            assertThat(matches("arms AND ukraine", "arms for Ukraine")).isTrue();
            assertThat(matches("arms AND ukraine", "arms for Taiwan")).isFalse();
            assertThat(matches("arms ukraine", "arms for Ukraine")).isTrue();
            assertThat(matches("arms ukraine", "arms for Taiwan")).isFalse();
            assertThat(matches("taiwan OR ukraine", "arms for Taiwan")).isTrue();
            assertThat(matches("arms AND NOT video", "arms for Taiwan")).isTrue();
            assertThat(matches("arms AND NOT video", "video: arms for Taiwan")).isFalse();
            assertThat(matches("arms NOT video", "video: arms for Taiwan")).isFalse();
        }

        @Test
        @DisplayName("lowercase and/or/not are operators too")
        void lowercaseOperators() {
            assertThat(matches("arms and ukraine", "arms for Taiwan")).isFalse();
            assertThat(matches("taiwan or ukraine", "arms for Taiwan")).isTrue();
            assertThat(matches("arms not taiwan", "arms for Taiwan")).isFalse();
            assertThat(matches("\"rock and roll\"", "rock and roll")).isTrue();
        }

        @Test
        @DisplayName("OR binds looser than AND; parentheses override")
        void precedence() {
            assertThat(matches("a AND b OR c", "only c here")).isTrue();
            assertThat(matches("a AND (b OR c)", "only c here")).isFalse();
            assertThat(matches("missile AND (ukraine OR taiwan)", "missiles for Taiwan")).isTrue();
        }

        @Test
        @DisplayName("a rule that is only NOT matches texts without the word")
        void pureNot() {
            assertThat(matches("NOT football", "Summit in Hungary")).isTrue();
            assertThat(matches("NOT football", "Football final")).isFalse();
            assertThat(matches("NOT football", "")).isTrue();
        }

        @Test
        @DisplayName("NOT inside an OR is an alternative, not a filter")
        void notInsideOr() {
            assertThat(matches("summit OR NOT football", "football summit")).isTrue();
            assertThat(matches("summit OR NOT football", "football final")).isFalse();
        }
    }

    @Nested
    @DisplayName("phrases and proximity")
    class Proximity {
        @Test
        @DisplayName("a phrase needs its words adjacent and in order, inflections included")
        void phrase() {
            assertThat(matches("\"arms sale\"", "a new arms sale to Taiwan")).isTrue();
            assertThat(matches("\"arms sale\"", "arms sales to Taiwan")).isTrue();
            assertThat(matches("\"arms sale\"", "sale of arms")).isFalse();
            assertThat(matches("\"arms sale\"", "arms and their sale")).isFalse();
        }

        @Test
        @DisplayName("\"a b\"~n: within n words, either order")
        void sloppyPhrase() {
            String text = "Trump will not sell thousands of Tomahawks to Ukraine";
            assertThat(matches("\"sell tomahawk\"~2", text)).isTrue();
            assertThat(matches("\"sell tomahawk\"~1", text)).isFalse();
            assertThat(matches("\"tomahawk sell\"~5", text)).isTrue();
        }

        @Test
        @DisplayName("a text repeating a near-group's words thousands of times is still matched")
        void repetitiveText() {
            String text = "sell arms deal ".repeat(3000);
            try (RuleMatcher matcher = RuleMatcher.compile(List.of(
                    new Rule("near", "\"sell arms deal\"~1"), new Rule("absent", "\"sell arms tomahawk\"~3")))) {
                assertThat(matcher.match(text)).extracting(RuleHit::ruleId).containsExactly("near");
            }
        }

        @Test
        @DisplayName("NEAR/n: within n words, either order, and nests with OR and phrases")
        void near() {
            String text = "Trump will not sell thousands of Tomahawks to Ukraine";
            assertThat(matches("sell NEAR/2 tomahawk", text)).isTrue();
            assertThat(matches("sell NEAR/1 tomahawk", text)).isFalse();
            assertThat(matches("tomahawk near/5 sell", text)).isTrue();
            assertThat(matches("(sell OR supply) NEAR/3 (tomahawk* OR patriot)", text)).isTrue();
            assertThat(matches("\"not sell\" NEAR/3 tomahawk", text)).isTrue();
            assertThat(matches("trump NEAR/1 ukraine", text)).isFalse();
        }

        @Test
        @DisplayName("BEFORE/n: within n words, the left side first, the two not overlapping")
        void before() {
            String text = "Macron hosts Zelensky in Paris before EU meeting";
            assertThat(matches("host BEFORE/0 zelensky", text)).isTrue();
            assertThat(matches("zelensky BEFORE/5 host", text)).as("wrong order").isFalse();
            assertThat(matches("macron BEFORE/1 zelensky", text)).isTrue();
            assertThat(matches("macron BEFORE/0 zelensky", text)).as("one word between").isFalse();
            assertThat(matches("(macron OR zelensky) BEFORE/1 (macron OR zelensky)", text)).isTrue();
            assertThat(matches("(macron OR zelensky) BEFORE/5 (macron OR zelensky) BEFORE/3 (macron OR zelensky)", text))
                    .as("a word is not used twice").isFalse();
            assertThat(matches("(macron BEFORE/2 host) BEFORE/2 (zelensky OR putin)", text)).isTrue();
            assertThat(matches("\"hosts zelensky\" BEFORE/4 meeting", text)).isTrue();
            assertThat(matches("\"hosts zelensky\" BEFORE/3 meeting", text)).isFalse();
        }

        @Test
        @DisplayName("BEFORE/n needs two mentions where NEAR/n is content with one")
        void beforeNeedsTwoMentions() {
            String leader = "(biden OR macron OR president)";
            String rule = leader + " BEFORE/4 (visit BEFORE/3 " + leader + ")";
            assertThat(matches(rule, "Biden visits flood-hit towns")).isFalse();
            assertThat(matches(leader + " NEAR/4 (visit NEAR/3 " + leader + ")", "Biden visits flood-hit towns")).isTrue();
            assertThat(matches(rule, "Biden to visit Macron in Paris")).isTrue();
            assertThat(matches(rule, "Macron says Biden will visit the president of Kenya")).isTrue();
        }
    }

    @Nested
    @DisplayName("prefix wildcards")
    class Wildcards {
        @Test
        @DisplayName("word* matches words that start with it, in any case")
        void prefix() {
            assertThat(matches("tomahaw*", "Tomahawks for Kyiv")).isTrue();
            assertThat(matches("missil*", "a missile")).isTrue();
            assertThat(matches("sanction*", "sanctioned oligarchs")).isTrue();
            assertThat(matches("sanction*", "the sanctity of")).isFalse();
            assertThat(matches("\"cruise missil*\"", "cruise missiles")).isTrue();
            assertThat(matches("drone* NEAR/3 refiner*", "drones hit a refinery")).isTrue();
            assertThat(matches("TOMAHAW*", "tomahawks")).isTrue();
        }

        @Test
        @DisplayName("a hyphenated prefix matches the words as written, the last one as a prefix")
        void hyphenatedPrefix() {
            assertThat(matches("cyber-attack*", "a cyber-attack on banks")).isTrue();
            assertThat(matches("cyber-attack*", "cyber attackers struck")).isTrue();
            assertThat(matches("cyber-attack*", "an attack on cyber security")).isFalse();
        }
    }

    @Nested
    @DisplayName("evidence")
    class EvidenceReport {
        @Test
        @DisplayName("reports the text's own words, in order, once each; phrases as one item")
        void evidenceIsSurfaceText() {
            assertThat(evidence("(sell OR sale) AND tomahawk*",
                    "Sale of Tomahawks: US may sell more Tomahawks"))
                    .containsExactly("Sale", "Tomahawks", "sell");
            assertThat(evidence("\"arms sale\" AND NOT video", "A new arms sale to Taiwan"))
                    .containsExactly("arms sale");
            assertThat(evidence("sell NEAR/3 tomahawk", "he may sell long-range Tomahawks"))
                    .containsExactly("sell", "Tomahawks");
            assertThat(evidence("strike OR missile", "After Russian strikes\nMissiles hit Kyiv"))
                    .containsExactly("strikes", "Missiles");
        }
    }

    @Nested
    @DisplayName("several rules")
    class ManyRules {
        @ParameterizedTest
        @EnumSource(RuleEngine.class)
        @DisplayName("hits come in rule order, and both engines agree")
        void ruleOrder(RuleEngine engine) {
            List<Rule> rules = List.of(
                    new Rule("summit", "summit OR (meet* NEAR/5 (putin OR trump))"),
                    new Rule("arms", "(sell OR supply) NEAR/5 (tomahawk* OR weapon* OR arms)"),
                    new Rule("elections", "election* OR ballot* OR vote*"),
                    new Rule("not-sport", "NOT (football OR cricket)"));
            try (RuleMatcher matcher = engine.compile(rules)) {
                List<RuleHit> hits = matcher.match("Trump to meet Putin in Hungary after Tomahawk sale row");
                assertThat(hits).extracting(RuleHit::ruleId).containsExactly("summit", "arms", "not-sport");
                assertThat(hits.get(0).evidence()).containsExactly("Trump", "meet Putin");
                assertThat(hits.get(1).evidence()).containsExactly("Tomahawk sale");
                assertThat(matcher.match("Football: vote for the goal of the month"))
                        .extracting(RuleHit::ruleId).containsExactly("elections");
            }
        }
    }
}
