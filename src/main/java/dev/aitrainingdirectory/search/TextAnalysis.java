package dev.aitrainingdirectory.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How text becomes words, the same way for listings and for {@code q}: Unicode word boundaries
 * (UAX #29), lower case, accents folded to their ASCII letter, then, for the searched fields, English
 * stemming ("rating" and "rated" find each other). A listing in another language is stemmed by the
 * English rules too, on both sides, so its own words still find it. The suggestion fields keep whole
 * words, so that a completion is a word someone wrote.
 */
final class TextAnalysis {

    /** Lower-cased, folded and stemmed: what {@code q} is matched against. */
    static final Analyzer STEMMED = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream words = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
            return new TokenStreamComponents(tokenizer, new PorterStemFilter(new EnglishPossessiveFilter(words)));
        }
    };

    /** Lower-cased and folded whole words: what suggestions complete. */
    static final Analyzer WHOLE_WORDS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
        }
    };

    /** The analyzer of the index: whole words for the suggestion fields, stemmed words for the rest. */
    static final Analyzer INDEX = new PerFieldAnalyzerWrapper(STEMMED,
            Map.of(ListingFields.TITLE_WORDS, WHOLE_WORDS, ListingFields.WORDS, WHOLE_WORDS));

    private TextAnalysis() {
    }

    /** The distinct terms {@code analyzer} makes of {@code text}, in order; empty when nothing in it is a word. */
    static List<String> terms(Analyzer analyzer, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Reading a string cannot fail", e);
        }
        return new ArrayList<>(terms);
    }
}
