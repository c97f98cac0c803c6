package dev.aitrainingdirectory.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void foldingNeverMakesATextLonger() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            if (Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF) {
                continue;
            }
            String one = Character.toString(codePoint);
            assertThat(SearchText.fold(one).length()).as("U+%04X", codePoint).isLessThanOrEqualTo(one.length());
        }
    }

    @Test
    void foldsCaseLikeASearchBoxExpects() {
        assertThat(SearchText.fold("Rate ANSWERS in Español")).isEqualTo("rate answers in español");
        // The full mapping makes "İ" two characters; the stored text must fit its column.
        assertThat("İstanbul".toLowerCase(Locale.ROOT)).hasSize(9);
        assertThat(SearchText.fold("İstanbul")).isEqualTo("istanbul");
    }
}
