package io.newswatch.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class XmlRepairTest {

    @Test
    @DisplayName("HTML named entities become numeric references; XML's five stay")
    void entities() throws Exception {
        assertThat(XmlRepair.repair("<t>Caf&eacute;&nbsp;&amp;&lt;&mdash;</t>")).isEqualTo("<t>Caf&#233;&#160;&amp;&lt;&#8212;</t>");
    }

    @Test
    @DisplayName("bare ampersands and unknown entity names are escaped")
    void ampersands() throws Exception {
        assertThat(XmlRepair.repair("<t>AT&T, Q & A, ?a=1&b=2, &bogus; &#xZZ;</t>"))
                .isEqualTo("<t>AT&amp;T, Q &amp; A, ?a=1&amp;b=2, &amp;bogus; &amp;#xZZ;</t>");
    }

    @Test
    @DisplayName("CDATA and comments are copied untouched")
    void cdata() throws Exception {
        String in = "<t><![CDATA[a & b &nbsp; <b>]]><!-- x & y --></t>";
        assertThat(XmlRepair.repair(in)).isEqualTo(in);
    }

    @Test
    @DisplayName("forbidden control characters and references to them are dropped; &#150; style cp1252 references mapped")
    void controls() throws Exception {
        assertThat(XmlRepair.repair("<t>a\u0007b\u0000c&#8;d&#150;e</t>")).isEqualTo("<t>abcd&#8211;e</t>");
    }

    @Test
    @DisplayName("text before the first '<' is dropped so the XML declaration stays legal")
    void leadingJunk() throws Exception {
        assertThat(XmlRepair.repair("\n  \uFEFF<?xml version=\"1.0\"?><rss/>")).isEqualTo("<?xml version=\"1.0\"?><rss/>");
    }

    @Test
    @DisplayName("a DOCTYPE without an internal subset (RSS 0.91) is removed, never fetched")
    void externalDoctypeRemoved() throws Exception {
        String in = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
                + "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<rss/>";
        assertThat(XmlRepair.repair(in)).isEqualTo("<?xml version=\"1.0\"?>\n\n<rss/>");
    }

    @Test
    @DisplayName("a DOCTYPE with an internal subset or any ENTITY declaration is refused")
    void internalSubsetRefused() {
        assertThatThrownBy(() -> XmlRepair.repair("<!DOCTYPE r [<!ENTITY a \"b\">]><r>&a;</r>"))
                .isInstanceOf(RefusedFeedException.class).hasMessageContaining("internal subset");
        assertThatThrownBy(() -> XmlRepair.repair("<r><!ENTITY a \"b\"></r>"))
                .isInstanceOf(RefusedFeedException.class).hasMessageContaining("ENTITY");
    }

    @Test
    @DisplayName("a well-formed feed comes back as the same string, not a copy")
    void cleanInputIsNotCopied() throws Exception {
        String in = "<?xml version=\"1.0\"?><rss><t>Caf\u00e9 &amp; &lt;b&gt; &#233; &#x2014; \uD83D\uDE00</t>"
                + "<![CDATA[a & b]]><!-- c & d --></rss>";
        assertThat(XmlRepair.repair(in)).isSameAs(in);
    }

    @Test
    @DisplayName("repairs after a long clean stretch, inside CDATA and at the very end keep the text around them")
    void repairsAfterCleanStretch() throws Exception {
        String clean = "<t>" + "word &amp; ".repeat(500) + "</t>";
        assertThat(XmlRepair.repair(clean + "<u>AT&T</u>")).isEqualTo(clean + "<u>AT&amp;T</u>");
        assertThat(XmlRepair.repair(clean + "<![CDATA[a\u0007b]]><v/>")).isEqualTo(clean + "<![CDATA[ab]]><v/>");
        assertThat(XmlRepair.repair(clean + "&nbsp;")).isEqualTo(clean + "&#160;");
        assertThat(XmlRepair.repair("  " + clean + "\u0000")).isEqualTo(clean);
    }
}
