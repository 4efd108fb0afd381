package io.newswatch.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A recursive-descent parser for the analyst rule language (see docs/RULES.md).
 *
 * <pre>
 * expression := or
 * or         := and ( OR and )*
 * and        := unary ( [AND] unary )*          adjacency means AND
 * unary      := NOT unary | near
 * near       := primary ( ( NEAR/n | BEFORE/n ) primary )*
 * primary    := '(' or ')' | '"' words '"' [ '~' n ] | word | word'*'
 * </pre>
 *
 * Operators are case-insensitive ({@code AND}, {@code and}); to search for the word itself, quote it.
 * A hand-written parser rather than Lucene's classic query parser, because the language needs
 * {@code NEAR/n}, lowercase operators and exact error positions, none of which the classic parser offers.
 */
final class RuleParser {

    /** Longest rule accepted; a rule is a query, not a document. */
    static final int MAX_LENGTH = 20_000;
    /** Deepest nesting of parentheses and NOTs accepted, so a hostile watch query cannot overflow the stack. */
    static final int MAX_DEPTH = 64;

    private final String ruleId;
    private final String input;
    private int pos;
    private int depth;

    private RuleParser(String ruleId, String input) {
        this.ruleId = ruleId;
        this.input = input;
    }

    /** Parses one rule expression, or throws {@link RuleSyntaxException} with the rule id and offset. */
    public static RuleNode parse(String ruleId, String expression) {
        if (expression == null || expression.isBlank()) {
            throw new RuleSyntaxException(ruleId, 0, "the rule is empty", null);
        }
        if (expression.length() > MAX_LENGTH) {
            throw new RuleSyntaxException(ruleId, MAX_LENGTH, "the rule is longer than " + MAX_LENGTH + " characters", null);
        }
        RuleParser parser = new RuleParser(ruleId, expression);
        RuleNode node = parser.parseOr();
        parser.skipSpaces();
        if (parser.pos < expression.length()) {
            char c = expression.charAt(parser.pos);
            throw parser.error(parser.pos, c == ')' ? "unbalanced ')'" : "unexpected '" + c + "'");
        }
        return node;
    }

    private RuleNode parseOr() {
        RuleNode first = parseAnd();
        List<RuleNode> children = new ArrayList<>(List.of(first));
        while (true) {
            int at = peekOperator("OR");
            if (at < 0) {
                break;
            }
            pos = at + 2;
            children.add(requireOperand("OR", at, this::parseAnd));
        }
        return children.size() == 1 ? first : new RuleNode.Or(children, first.position());
    }

    private RuleNode parseAnd() {
        RuleNode first = parseUnary();
        List<RuleNode> children = new ArrayList<>(List.of(first));
        while (true) {
            int and = peekOperator("AND");
            if (and >= 0) {
                pos = and + 3;
                children.add(requireOperand("AND", and, this::parseUnary));
                continue;
            }
            if (startsOperand()) {
                children.add(parseUnary());
                continue;
            }
            break;
        }
        return children.size() == 1 ? first : new RuleNode.And(children, first.position());
    }

    private RuleNode parseUnary() {
        int not = peekOperator("NOT");
        if (not >= 0) {
            pos = not + 3;
            enter(not);
            RuleNode node = new RuleNode.Not(requireOperand("NOT", not, this::parseUnary), not);
            depth--;
            return node;
        }
        return parseNear();
    }

    private RuleNode parseNear() {
        RuleNode left = parsePrimary();
        while (true) {
            skipSpaces();
            int at = pos;
            boolean ordered = beforeKeywordAt(at);
            int distance = ordered ? beforeDistanceAt(at) : nearDistanceAt(at);
            if (distance < 0) {
                return left;
            }
            RuleNode right = requireOperand(ordered ? "BEFORE" : "NEAR", at, this::parsePrimary);
            left = new RuleNode.Near(left, right, distance, ordered, left.position());
        }
    }

    private RuleNode parsePrimary() {
        skipSpaces();
        if (pos >= input.length()) {
            throw error(pos, "expected a word, phrase or '(' but the rule ended");
        }
        char c = input.charAt(pos);
        if (c == '(') {
            int open = pos++;
            enter(open);
            skipSpaces();
            if (pos < input.length() && input.charAt(pos) == ')') {
                throw error(open, "empty parentheses");
            }
            RuleNode inner = parseOr();
            skipSpaces();
            if (pos >= input.length() || input.charAt(pos) != ')') {
                throw error(open, "'(' is never closed");
            }
            pos++;
            depth--;
            return inner;
        }
        if (c == ')') {
            throw error(pos, "expected a word, phrase or '(' before ')'");
        }
        if (isQuote(c)) {
            return parsePhrase();
        }
        if (isOperatorAt(pos)) {
            throw error(pos, "expected a word, phrase or '(' but found operator '" + wordAt(pos) + "'");
        }
        return parseWord();
    }

    private RuleNode parsePhrase() {
        int open = pos++;
        int close = -1;
        for (int i = pos; i < input.length(); i++) {
            if (isQuote(input.charAt(i))) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            throw error(open, "unterminated phrase: '\"' is never closed");
        }
        List<RuleNode> words = new ArrayList<>();
        int i = pos;
        while (i < close) {
            while (i < close && Character.isWhitespace(input.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < close && !Character.isWhitespace(input.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(word(input.substring(start, i), start));
            }
        }
        if (words.isEmpty()) {
            throw error(open, "empty phrase");
        }
        pos = close + 1;
        int slop = 0;
        if (pos < input.length() && input.charAt(pos) == '~') {
            int tilde = pos++;
            int digitsStart = pos;
            while (pos < input.length() && Character.isDigit(input.charAt(pos))) {
                pos++;
            }
            if (pos == digitsStart) {
                throw error(tilde, "'~' after a phrase needs a number of words, e.g. \"sell tomahawk\"~5");
            }
            slop = parseDistance(input.substring(digitsStart, pos), tilde);
        }
        return new RuleNode.Phrase(words, slop, open);
    }

    private RuleNode parseWord() {
        int start = pos;
        while (pos < input.length() && isWordChar(input.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw error(start, "unexpected '" + input.charAt(start) + "'");
        }
        return word(input.substring(start, pos), start);
    }

    private RuleNode word(String text, int start) {
        int star = text.indexOf('*');
        if (star == 0) {
            throw error(start, "a word cannot start with '*'; wildcards match prefixes, e.g. tomahaw*");
        }
        if (star > 0 && star != text.length() - 1) {
            throw error(start + star, "'*' is only allowed at the end of a word (prefix match)");
        }
        int tilde = text.indexOf('~');
        if (tilde >= 0) {
            throw error(start + tilde, "'~' is only allowed after a quoted phrase");
        }
        if (star > 0) {
            return new RuleNode.Prefix(text.substring(0, star), start);
        }
        return new RuleNode.Word(text, start);
    }

    private RuleNode requireOperand(String operator, int operatorPos, Supplier<RuleNode> operand) {
        skipSpaces();
        if (pos >= input.length() || input.charAt(pos) == ')') {
            throw error(operatorPos, operator + " needs something after it");
        }
        if (isBinaryOperatorAt(pos)) {
            throw error(pos, operator + " cannot be followed by operator '" + wordAt(pos) + "'");
        }
        return operand.get();
    }

    /** True when the next token can start an operand (implicit AND), false at ')', OR, end. */
    private boolean startsOperand() {
        skipSpaces();
        if (pos >= input.length()) {
            return false;
        }
        char c = input.charAt(pos);
        if (c == ')') {
            return false;
        }
        return !isBinaryOperatorAt(pos);
    }

    /** Offset of the operator keyword when it is next, else -1. */
    private int peekOperator(String keyword) {
        skipSpaces();
        return keywordAt(pos, keyword) ? pos : -1;
    }

    private boolean keywordAt(int at, String keyword) {
        return wordAt(at).toUpperCase(Locale.ROOT).equals(keyword);
    }

    private boolean isOperatorAt(int at) {
        return keywordAt(at, "NOT") || isBinaryOperatorAt(at);
    }

    private boolean isBinaryOperatorAt(int at) {
        return keywordAt(at, "AND") || keywordAt(at, "OR") || nearKeywordAt(at) || beforeKeywordAt(at);
    }

    /**
     * NEAR/n in any case, or a bare upper-case NEAR (an operator missing its distance). A bare
     * lower-case "near" stays a word: "explosion near kyiv" is a natural thing to write.
     */
    private boolean nearKeywordAt(int at) {
        String word = wordAt(at);
        return word.equals("NEAR") || word.toUpperCase(Locale.ROOT).startsWith("NEAR/");
    }

    /**
     * BEFORE/n in any case. Unlike NEAR, a bare BEFORE in any case stays a word: "before" is common in news
     * ("talks before the summit"), and a query written before the operator existed must keep its meaning.
     */
    private boolean beforeKeywordAt(int at) {
        return wordAt(at).toUpperCase(Locale.ROOT).startsWith("BEFORE/");
    }

    /** When NEAR/n is at the offset, consumes it and returns n; else returns -1 without consuming. */
    private int nearDistanceAt(int at) {
        return nearKeywordAt(at) ? distanceAfter(at, "NEAR") : -1;
    }

    /** When BEFORE/n is at the offset, consumes it and returns n; else returns -1 without consuming. */
    private int beforeDistanceAt(int at) {
        return beforeKeywordAt(at) ? distanceAfter(at, "BEFORE") : -1;
    }

    /** The n of the {@code keyword/n} token at the offset, which is consumed. */
    private int distanceAfter(int at, String keyword) {
        String token = wordAt(at);
        String digits = token.length() > keyword.length() + 1 ? token.substring(keyword.length() + 1) : "";
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            throw error(at, keyword + " needs a number of words, e.g. " + keyword + "/5, but found '" + token + "'");
        }
        pos = at + token.length();
        return parseDistance(digits, at);
    }

    private int parseDistance(String digits, int at) {
        try {
            int n = Integer.parseInt(digits);
            if (n > 1000) {
                throw error(at, "distance " + n + " is larger than 1000 words");
            }
            return n;
        } catch (NumberFormatException e) {
            throw error(at, "distance '" + digits + "' is not a number of words");
        }
    }

    /** The run of word characters starting at the offset (empty at a delimiter or the end). */
    private String wordAt(int at) {
        int end = at;
        while (end < input.length() && isWordChar(input.charAt(end))) {
            end++;
        }
        return input.substring(at, end);
    }

    private static boolean isWordChar(char c) {
        return !Character.isWhitespace(c) && c != '(' && c != ')' && !isQuote(c);
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\u201C' || c == '\u201D';
    }

    private void skipSpaces() {
        while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
            pos++;
        }
    }

    private void enter(int at) {
        if (++depth > MAX_DEPTH) {
            throw error(at, "nesting deeper than " + MAX_DEPTH + " levels");
        }
    }

    private RuleSyntaxException error(int at, String message) {
        return new RuleSyntaxException(ruleId, at, message, null);
    }
}
