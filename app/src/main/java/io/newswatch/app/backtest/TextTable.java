package io.newswatch.app.backtest;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Rows of cells printed in aligned columns: the first and any chosen ones left-aligned (names), the others right-aligned (figures). */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();
    private final String indent;
    private final Set<Integer> leftAligned = new HashSet<>(Set.of(0));

    TextTable(String indent, String... header) {
        this.indent = indent;
        rows.add(header);
    }

    /** Also left-aligns these columns (words rather than figures). */
    TextTable left(int... columns) {
        for (int c : columns) {
            leftAligned.add(c);
        }
        return this;
    }

    TextTable row(Object... cells) {
        String[] text = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            text[i] = cells[i] == null ? Figures.NONE : cells[i].toString();
        }
        rows.add(text);
        return this;
    }

    void print(PrintWriter out) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < r.length; i++) {
                if (i > 0) {
                    line.append("  ");
                }
                String pad = " ".repeat(width[i] - r[i].length());
                line.append(leftAligned.contains(i) ? r[i] + pad : pad + r[i]);
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
