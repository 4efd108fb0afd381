package io.newswatch.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.search.Query;

/**
 * A rule parsed and turned into a Lucene query, with its candidate trigger.
 *
 * @param id      the rule id
 * @param query   the Lucene query over {@link RuleAnalyzer#FIELD}
 * @param trigger the necessary word condition, for candidate selection
 * @param expr    the same rule for the positional engine
 */
record CompiledRule(String id, Query query, Trigger trigger, Expr expr) {

    /**
     * Parses and builds every rule, in order; the first bad rule fails with its id and position.
     *
     * @throws RuleSyntaxException      when a rule does not parse
     * @throws IllegalArgumentException when ids are missing or repeated
     */
    public static List<CompiledRule> compileAll(Collection<Rule> rules) {
        Objects.requireNonNull(rules, "rules");
        RuleAnalyzer queryAnalyzer = RuleAnalyzer.forQuery();
        RuleAnalyzer prefixAnalyzer = RuleAnalyzer.forPrefix();
        Set<String> ids = new HashSet<>();
        List<CompiledRule> out = new ArrayList<>(rules.size());
        for (Rule rule : rules) {
            Objects.requireNonNull(rule, "rule");
            if (rule.id() == null || rule.id().isBlank()) {
                throw new IllegalArgumentException("a rule has no id (expression: " + rule.expression() + ")");
            }
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("rule id '" + rule.id() + "' is used more than once");
            }
            RuleNode node = RuleParser.parse(rule.id(), rule.expression());
            QueryBuilder builder = new QueryBuilder(rule.id(), queryAnalyzer, prefixAnalyzer);
            out.add(new CompiledRule(rule.id(), builder.build(node), builder.trigger(node), builder.expr(node)));
        }
        queryAnalyzer.close();
        prefixAnalyzer.close();
        return out;
    }
}
