package io.newswatch.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeedTextDecoderTest {

    private static byte[] bytes(String s, String charset) {
        return s.getBytes(Charset.forName(charset));
    }

    @Test
    @DisplayName("a UTF-8 BOM wins over every declaration and is not part of the text")
    void bom() {
        byte[] body = ("\uFEFF<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>Zürich</rss>").getBytes(StandardCharsets.UTF_8);
        FeedTextDecoder.Decoded d = FeedTextDecoder.decode(body, "windows-1251");
        assertThat(d.text()).startsWith("<?xml").contains("Zürich");
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("UTF-16 with a BOM decodes")
    void utf16() {
        byte[] body = bytes("\uFEFF<rss>Київ</rss>", "UTF-16LE");
        assertThat(FeedTextDecoder.decode(body, null).text()).isEqualTo("<rss>Київ</rss>");
    }

    @Test
    @DisplayName("charset declared only in HTTP is used (windows-1251 Cyrillic)")
    void httpOnly() {
        byte[] body = bytes("<?xml version=\"1.0\"?><rss>Переговоры</rss>", "windows-1251");
        assertThat(FeedTextDecoder.decode(body, "windows-1251").text()).contains("Переговоры");
    }

    @Test
    @DisplayName("charset declared only in the XML prolog is used (KOI8-R, Shift_JIS, GB2312 as GB18030)")
    void xmlOnly() {
        assertThat(FeedTextDecoder.decode(bytes("<?xml version=\"1.0\" encoding=\"KOI8-R\"?><rss>Переговоры</rss>", "KOI8-R"), null).text())
                .contains("Переговоры");
        assertThat(FeedTextDecoder.decode(bytes("<?xml version='1.0' encoding='Shift_JIS'?><rss>首脳会談</rss>", "Shift_JIS"), null).text())
                .contains("首脳会談");
        FeedTextDecoder.Decoded gb = FeedTextDecoder.decode(bytes("<?xml version=\"1.0\" encoding=\"gb2312\"?><rss>峰会</rss>", "GB2312"), null);
        assertThat(gb.text()).contains("峰会");
        assertThat(gb.charset().name()).isEqualTo("GB18030");
    }

    @Test
    @DisplayName("when HTTP and XML disagree, the declaration that decodes the bytes cleanly wins")
    void disagreement() {
        byte[] body = bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss>Zürich — talks</rss>", "UTF-8");
        assertThat(FeedTextDecoder.decode(body, "ISO-8859-1").text()).contains("Zürich — talks");
        byte[] latin = bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss>Café</rss>", "windows-1252");
        assertThat(FeedTextDecoder.decode(latin, "windows-1252").text()).contains("Café");
    }

    @Test
    @DisplayName("windows-1252 bytes inside a feed served as UTF-8 are read as windows-1252, the valid UTF-8 around them kept")
    void cp1252AsUtf8() {
        byte[] good = "<rss>Zürich ".getBytes(StandardCharsets.UTF_8);
        byte[] bad = "“quoted” – dash".getBytes(Charset.forName("windows-1252"));
        byte[] body = new byte[good.length + bad.length + 6];
        System.arraycopy(good, 0, body, 0, good.length);
        System.arraycopy(bad, 0, body, good.length, bad.length);
        System.arraycopy("</rss>".getBytes(StandardCharsets.US_ASCII), 0, body, good.length + bad.length, 6);
        FeedTextDecoder.Decoded d = FeedTextDecoder.decode(body, "utf-8");
        assertThat(d.text()).isEqualTo("<rss>Zürich “quoted” – dash</rss>");
        assertThat(d.note()).contains("windows-1252");
    }

    @Test
    @DisplayName("an unknown charset label is noted and ignored")
    void unknownLabel() {
        FeedTextDecoder.Decoded d = FeedTextDecoder.decode("<rss>plain</rss>".getBytes(StandardCharsets.US_ASCII), "x-no-such-charset");
        assertThat(d.text()).isEqualTo("<rss>plain</rss>");
        assertThat(d.note()).contains("x-no-such-charset");
    }

    @Test
    @DisplayName("a U+FFFD written in valid UTF-8 is text, not a sign of bad bytes")
    void literalReplacementCharacter() {
        FeedTextDecoder.Decoded d = FeedTextDecoder.decode("<rss>a \uFFFD b</rss>".getBytes(StandardCharsets.UTF_8), "utf-8");
        assertThat(d.text()).isEqualTo("<rss>a \uFFFD b</rss>");
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.note()).isNull();
    }
}
