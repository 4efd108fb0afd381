package io.newswatch.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EventTimeRuleTest {

    private final EventTimeRule rule = new EventTimeRule(Duration.ofMinutes(15), Duration.ofDays(30));
    private final Instant fetched = Instant.parse("2025-10-17T12:00:00Z");

    @Test
    @DisplayName("a plausible publish time becomes the event time")
    void plausiblePublishTime() {
        Instant published = fetched.minus(Duration.ofHours(3));
        assertThat(rule.choose(published, fetched))
                .isEqualTo(new EventTimeRule.Choice(published, EventTimeSource.PUBLISHED));
    }

    @Test
    @DisplayName("a small clock skew into the future is tolerated, a larger one is not")
    void futureSkew() {
        assertThat(rule.choose(fetched.plus(Duration.ofMinutes(15)), fetched).source()).isEqualTo(EventTimeSource.PUBLISHED);
        assertThat(rule.choose(fetched.plus(Duration.ofMinutes(16)), fetched))
                .isEqualTo(new EventTimeRule.Choice(fetched, EventTimeSource.FETCHED));
    }

    @Test
    @DisplayName("a missing or absurdly old publish time falls back to fetch time")
    void missingOrOld() {
        assertThat(rule.choose(null, fetched)).isEqualTo(new EventTimeRule.Choice(fetched, EventTimeSource.FETCHED));
        assertThat(rule.choose(fetched.minus(Duration.ofDays(31)), fetched).source()).isEqualTo(EventTimeSource.FETCHED);
        assertThat(rule.choose(fetched.minus(Duration.ofDays(30)), fetched).source()).isEqualTo(EventTimeSource.PUBLISHED);
    }
}
