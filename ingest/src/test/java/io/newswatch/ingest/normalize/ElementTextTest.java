package io.newswatch.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ElementTextTest {

    private static void assertSameAsJsoup(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        assertThat(ElementText.of(body)).as("text of %s", html).isEqualTo(body.text());
    }

    @Test
    @DisplayName("gives jsoup's text() on the fragments feeds actually carry")
    void realisticFragments() {
        List<String> fragments = List.of(
                "<p>Racing Lens and Olympique Lyonnais\nbegan the new campaign.\nLyon&#x27;s scorers.</p>",
                "<p>One</p><p>Two</p>three<br>four<br/><br>five",
                "  <div>\n\t<span>a</span>  <b>b</b>\u00a0\u00a0c </div>  ",
                "<ul><li>first</li><li>second <a href=x>link</a></li></ul>after",
                "<table><tr><td>1</td><td>2</td></tr></table>tail",
                "<pre>  keep   this\n  as is </pre> then   collapse",
                "<p>soft\u00adhy\u200bphen and \uD83D\uDE00 emoji</p>",
                "<script>var x = 1;</script><style>p{}</style><p>visible</p><!-- hidden -->",
                "<span>inline<div>block inside inline</div>more</span>next",
                "<h1>Title</h1><img src=a.png>caption<figure><figcaption>cap</figcaption></figure>",
                "text &amp;amp; double-escaped &nbsp; entities &lt;b&gt;",
                "<p></p><p> </p><div><span></span></div>x",
                "<![CDATA[ not cdata in html ]]>y<textarea> a  b </textarea>z");
        fragments.forEach(ElementTextTest::assertSameAsJsoup);
    }

    @Test
    @DisplayName("gives jsoup's text() on thousands of random fragments of blocks, inlines, breaks, pre and odd whitespace")
    void randomFragments() {
        String[] tags = {"p", "div", "span", "b", "a", "br", "pre", "li", "ul", "td", "tr", "table", "h2", "img", "code", "sup",
                "section", "textarea", "script", "font", "blockquote", "em"};
        String[] texts = {"word", " ", "  ", "\n", "\t", "\u00a0", "\u200b", "\u00ad", "\r\n", "\f", "x y", "\uD83D\uDE00", "&amp;",
                "&nbsp;", "caf\u00e9", "\u3000", "\u2003"};
        Random random = new Random(42);
        for (int round = 0; round < 3000; round++) {
            StringBuilder html = new StringBuilder();
            int parts = 1 + random.nextInt(12);
            for (int i = 0; i < parts; i++) {
                switch (random.nextInt(3)) {
                    case 0 -> html.append('<').append(tags[random.nextInt(tags.length)]).append('>');
                    case 1 -> html.append("</").append(tags[random.nextInt(tags.length)]).append('>');
                    default -> html.append(texts[random.nextInt(texts.length)]);
                }
            }
            assertSameAsJsoup(html.toString());
        }
    }
}
