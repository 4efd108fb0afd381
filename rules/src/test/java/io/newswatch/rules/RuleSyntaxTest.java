package io.newswatch.rules;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("RuleMatcher.compile: syntax errors name the rule and the position")
class RuleSyntaxTest {

    @ParameterizedTest(name = "[{0}] fails at {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "(arms OR sale                  | 0  | never closed",
        "arms OR sale)                  | 12 | unbalanced ')'",
        "arms AND                       | 5  | AND needs something after it",
        "arms OR OR sale                | 8  | OR cannot be followed by operator",
        "NOT                            | 0  | NOT needs something after it",
        "\"arms sale                    | 0  | never closed",
        "sell NEAR tomahawk             | 5  | NEAR needs a number",
        "sell NEAR/x tomahawk           | 5  | NEAR needs a number",
        "sell near/ tomahawk            | 5  | NEAR needs a number",
        "sell NEAR/5                    | 5  | NEAR needs something after it",
        "sell BEFORE/x tomahawk         | 5  | BEFORE needs a number",
        "sell before/ tomahawk          | 5  | BEFORE needs a number",
        "sell BEFORE/5                  | 5  | BEFORE needs something after it",
        "sell BEFORE/3 (arms AND guns)  | 15 | AND cannot be used inside NEAR, BEFORE",
        "arms OR BEFORE/2 sale          | 8  | OR cannot be followed by operator",
        "*hawk                          | 0  | cannot start with",
        "toma*hawk                      | 4  | only allowed at the end",
        "sell NEAR/3 (arms AND weapons) | 13 | AND cannot be used inside NEAR",
        "sell NEAR/3 (NOT arms)         | 13 | NOT cannot be used inside NEAR",
        "arms~2                         | 4  | only allowed after a quoted phrase",
        "\"sell arms\"~                 | 11 | needs a number of words",
        "arms AND ()                    | 9  | empty parentheses",
        "a*                             | 0  | too short",
        "arms AND ---                   | 9  | no searchable word",
        "''                             | 0  | empty",
    })
    void reportsPosition(String expression, int position, String message) {
        assertThatThrownBy(() -> RuleMatcher.compile(List.of(new Rule("ok", "arms"), new Rule("bad-rule", expression))))
                .isInstanceOf(RuleSyntaxException.class)
                .hasMessageContaining("rule 'bad-rule'")
                .hasMessageContaining(message)
                .asInstanceOf(InstanceOfAssertFactories.type(RuleSyntaxException.class))
                .satisfies(e -> {
                    org.assertj.core.api.Assertions.assertThat(e.ruleId()).isEqualTo("bad-rule");
                    org.assertj.core.api.Assertions.assertThat(e.position()).isEqualTo(position);
                });
    }

    @Test
    @DisplayName("absurdly deep or long rules are refused, not a stack overflow")
    void limits() {
        String deep = "(".repeat(5_000) + "arms" + ")".repeat(5_000);
        assertThatThrownBy(() -> RuleMatcher.compile(List.of(new Rule("deep", deep))))
                .isInstanceOf(RuleSyntaxException.class).hasMessageContaining("nesting deeper than 64");
        assertThatThrownBy(() -> RuleMatcher.compile(List.of(new Rule("nots", "NOT ".repeat(100) + "arms"))))
                .isInstanceOf(RuleSyntaxException.class).hasMessageContaining("nesting deeper than 64");
        assertThatThrownBy(() -> RuleMatcher.compile(List.of(new Rule("long", "arms OR ".repeat(5000) + "arms"))))
                .isInstanceOf(RuleSyntaxException.class).hasMessageContaining("longer than 20000");
        assertThatCode(() -> RuleMatcher.compile(List.of(new Rule("ok", "(".repeat(20) + "arms" + ")".repeat(20)))))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("repeated or missing ids are refused")
    void ids() {
        assertThatThrownBy(() -> RuleMatcher.compile(List.of(new Rule("a", "x"), new Rule("a", "y"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'");
        assertThatThrownBy(() -> RuleMatcher.compile(List.of(new Rule(" ", "x"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("validate accepts a good rule")
    void validate() {
        assertThatCode(() -> RuleMatcher.validate(new Rule("w", "(\"sell tomahawk\"~5 OR \"arms sale\") AND NOT video*")))
                .doesNotThrowAnyException();
    }
}
