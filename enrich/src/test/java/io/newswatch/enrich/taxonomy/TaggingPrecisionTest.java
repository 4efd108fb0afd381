package io.newswatch.enrich.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.TagMatch;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The kinds of tagging error found on real headlines (issue 9; docs/evaluation/tagging.md), each pinned by a headline
 * written for this test in the same shape as the real one (the real ones are not copied), together with the right
 * matches the fixes must keep or gain.
 */
@DisplayName("The default taxonomy on the tagging errors found in real headlines")
class TaggingPrecisionTest {

    private static TaxonomyTagger tagger;

    @BeforeAll
    static void load() {
        tagger = TaxonomyTagger.load(DefaultTaxonomyTest.DEFAULT_TAXONOMY);
    }

    @AfterAll
    static void close() {
        tagger.close();
    }

    @ParameterizedTest(name = "{0} not on: {1}")
    @CsvSource(delimiter = '|', value = {
        // A market report whose summary says the president and the Speaker met: one leader, no summit.
        "summit | Stocks edge up as Wall Street waits on debt talks\\nThe president and the House Speaker met late on Monday.",
        "summit | President hosts a barbecue on the South Lawn as fighting rages abroad",
        "summit | Trump plans a visit to the border as the Dow slides",
        "summit | Families of hostages urge the president to do more",
        "summit | Lawyers for the former president meet prosecutors ahead of a charging decision",
        "summit | Chancellor visits flood-hit villages in the west",
        "summit | Investors cautious before the Fed's upcoming policy meeting",
        "summit | Zelensky met regeringsvliegtuig geland in Den Haag",
        "summit | Pick your combined XI for Sunday's derby",
        "summit | Tech summit draws record crowds to Lisbon",
        // A landslide win, an electoral earthquake, a sporting drought: natural disasters in words only.
        "natural-disaster | Electoral earthquake as the ruling party loses its majority",
        "natural-disaster | Poll points to a landslide for the opposition on Sunday",
        "natural-disaster | Home side end 20-year drought with cup final win",
        "natural-disaster | Far-right leader warns of an asylum tsunami",
        "natural-disaster | Rover records the biggest quake yet on Mars",
        "natural-disaster | Quake II remaster lands on consoles",
        "natural-disaster | Party ends in an eruption of gunfire",
        // Penalties, court orders and private blacklists are not sanctions on states, firms or people.
        "sanctions | Le gouvernement promet des sanctions contre les fraudeurs",
        "sanctions | Judge sanctions the network for withholding evidence",
        "sanctions | Streaming site accused of blacklisting rival creators",
        "nuclear | Prime minister invokes the nuclear option to force pension bill through",
        "nuclear | Sales of Atomic Heart beat the publisher's forecasts",
        "nuclear | A new start for the club under its young coach",
        "nuclear | Shelling in Zaporizhzhia region kills two villagers",
        "arms-transfer | Gunman bought the weapon legally days before the attack",
        "arms-transfer | Patriots sign veteran wide receiver to a new deal",
        "arms-transfer | Shell to sell its stake in a North Sea field",
        "arms-transfer | Drones heading to Moscow shot down, mayor says",
        "ceasefire-peace-talks | Crowds fall silent at the Cenotaph on Armistice Day",
    })
    void wrongMatchesAreGone(String tag, String text) {
        assertThat(tags(text)).as(text).doesNotContain(tag);
    }

    @ParameterizedTest(name = "{0} on: {1}")
    @CsvSource(delimiter = '|', value = {
        "summit | Erdogan flies to Sochi for talks with Putin on the grain deal",
        "summit | Japanese prime minister makes surprise trip to Kyiv",
        "summit | Biden-Xi meeting set for next week in San Francisco",
        "summit | Leaders of the G7 gather in Hiroshima",
        "summit | West African leaders meet on the coup in Niger",
        "summit | King's state visit to France is postponed",
        "summit | Trump says Putin begged him not to sell the missiles before a planned meeting in Hungary",
        "natural-disaster | Strong earthquake shakes central Morocco, hundreds dead",
        "natural-disaster | Tropical storm strengthens as it nears the Gulf coast",
        "natural-disaster | Two dead in landslide as record rain hits Kyushu",
        "natural-disaster | Farmers count the cost as drought grips the Horn of Africa",
        "sanctions | EU adopts an eleventh package of sanctions against Russia",
        "sanctions | Washington adds Chinese chip makers to its trade blacklist",
        "sanctions | Nouvelles sanctions contre la Russie, annonce Bruxelles",
        "nuclear | Japan begins releasing treated Fukushima water into the sea",
        "nuclear | Russia suspends New Start treaty inspections",
        "nuclear | Iran enriches uranium to near weapons-grade, IAEA says",
        "arms-transfer | Warsaw to send MiG-29 fighter aircraft to Ukraine within days",
        "arms-transfer | EU falls short of its million-shell pledge to Kyiv",
        "ceasefire-peace-talks | Sudan's warring sides set for new talks in Jeddah",
        "ceasefire-peace-talks | Israel and Hamas agree to extend the truce by two days",
    })
    void rightMatchesStay(String tag, String text) {
        assertThat(tags(text)).as(text).contains(tag);
    }

    /** The tag ids of a text; a backslash-n in a row stands for the line break between title and summary. */
    private static List<String> tags(String text) {
        return tagger.tag(text.replace("\\n", "\n")).stream().map(TagMatch::id).toList();
    }
}
