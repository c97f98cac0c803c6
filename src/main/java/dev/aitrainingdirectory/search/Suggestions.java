package dev.aitrainingdirectory.search;

import dev.aitrainingdirectory.listing.ListingSort;
import dev.aitrainingdirectory.listing.ListingSuggestion;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Completions of what a contractor types into a search box, among open listings. The text typed is
 * read as whole words, the last one possibly unfinished: it completes to the names of platforms with
 * open listings, to words of open listings (most listings first), and to titles of open listings
 * (newest first), each holding the earlier words. Nothing typed is query syntax.
 */
final class Suggestions {

    /** Words of the index looked at per completion: the most frequent of them are then counted among open listings. */
    private static final int WORD_CANDIDATES = 200;
    private static final int WORDS_COUNTED = 20;
    private static final int TITLES_READ = 50;

    private Suggestions() {
    }

    static List<ListingSuggestion> of(IndexSearcher searcher, String text, int limit, Instant now, Map<String, String> platformNames,
            Map<String, Long> openByPlatform) throws IOException {
        List<String> words = TextAnalysis.terms(TextAnalysis.WHOLE_WORDS, text);
        if (words.isEmpty()) {
            return List.of();
        }
        String last = words.getLast();
        List<String> earlier = words.subList(0, words.size() - 1);
        Map<String, ListingSuggestion> found = new LinkedHashMap<>();
        platforms(platformNames, openByPlatform, earlier, last, found, limit);
        words(searcher, now, earlier, last, found, limit);
        titles(searcher, now, earlier, last, found, limit);
        return List.copyOf(found.values()).subList(0, Math.min(limit, found.size()));
    }

    private static void platforms(Map<String, String> names, Map<String, Long> open, List<String> earlier, String last,
            Map<String, ListingSuggestion> found, int limit) {
        names.entrySet().stream()
                .filter(platform -> open.getOrDefault(platform.getKey(), 0L) > 0)
                .filter(platform -> completes(TextAnalysis.terms(TextAnalysis.WHOLE_WORDS, platform.getValue()), earlier, last))
                .sorted(Comparator.comparing((Map.Entry<String, String> platform) -> open.get(platform.getKey())).reversed()
                        .thenComparing(Map.Entry::getKey))
                .forEach(platform -> add(found, new ListingSuggestion(platform.getValue(), ListingSuggestion.Kind.PLATFORM,
                        platform.getKey()), limit));
    }

    /** The words of open listings that start with {@code last}, those on most open listings (with the earlier words) first. */
    private static void words(IndexSearcher searcher, Instant now, List<String> earlier, String last,
            Map<String, ListingSuggestion> found, int limit) throws IOException {
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), ListingFields.WORDS);
        if (terms == null) {
            return;
        }
        record Candidate(String word, long count) {
        }
        List<Candidate> candidates = new ArrayList<>();
        TermsEnum values = terms.iterator();
        BytesRef prefix = new BytesRef(last);
        if (values.seekCeil(prefix) != TermsEnum.SeekStatus.END) {
            for (BytesRef value = values.term(); value != null && candidates.size() < WORD_CANDIDATES
                    && startsWith(value, prefix); value = values.next()) {
                candidates.add(new Candidate(value.utf8ToString(), values.docFreq()));
            }
        }
        List<Candidate> counted = new ArrayList<>();
        for (Candidate candidate : candidates.stream().sorted(Comparator.comparingLong(Candidate::count).reversed()
                .thenComparing(Candidate::word)).limit(WORDS_COUNTED).toList()) {
            BooleanQuery.Builder query = openWith(now, earlier);
            query.add(new TermQuery(new Term(ListingFields.WORDS, candidate.word())), Occur.FILTER);
            long count = searcher.count(query.build());
            if (count > 0) {
                counted.add(new Candidate(candidate.word(), count));
            }
        }
        counted.stream().sorted(Comparator.comparingLong(Candidate::count).reversed().thenComparing(Candidate::word))
                .forEach(candidate -> add(found, ListingSuggestion.of(
                        String.join(" ", earlier) + (earlier.isEmpty() ? "" : " ") + candidate.word(), ListingSuggestion.Kind.WORD),
                        limit));
    }

    /** Titles of open listings with the earlier words and a word starting with {@code last}, newest first. */
    private static void titles(IndexSearcher searcher, Instant now, List<String> earlier, String last,
            Map<String, ListingSuggestion> found, int limit) throws IOException {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(ListingQueries.open(now), Occur.FILTER);
        earlier.forEach(word -> query.add(new TermQuery(new Term(ListingFields.TITLE_WORDS, word)), Occur.FILTER));
        query.add(new PrefixQuery(new Term(ListingFields.TITLE_WORDS, last)), Occur.FILTER);
        TopDocs newest = searcher.search(query.build(), TITLES_READ, ListingQueries.sort(ListingSort.NEWEST, null));
        for (ScoreDoc hit : newest.scoreDocs) {
            String title = searcher.storedFields().document(hit.doc, Set.of(ListingFields.TITLE)).get(ListingFields.TITLE);
            add(found, ListingSuggestion.of(title, ListingSuggestion.Kind.TITLE), limit);
        }
    }

    private static BooleanQuery.Builder openWith(Instant now, List<String> earlier) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(ListingQueries.open(now), Occur.FILTER);
        earlier.forEach(word -> query.add(new TermQuery(new Term(ListingFields.WORDS, word)), Occur.FILTER));
        return query;
    }

    private static boolean completes(List<String> words, List<String> earlier, String last) {
        return words.containsAll(earlier) && words.stream().anyMatch(word -> word.startsWith(last));
    }

    private static boolean startsWith(BytesRef value, BytesRef prefix) {
        if (value.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (value.bytes[value.offset + i] != prefix.bytes[prefix.offset + i]) {
                return false;
            }
        }
        return true;
    }

    /** Adds a suggestion unless one with the same text (whatever its case) is there, or the list is full. */
    private static void add(Map<String, ListingSuggestion> found, ListingSuggestion suggestion, int limit) {
        if (found.size() < limit) {
            found.putIfAbsent(suggestion.text().toLowerCase(Locale.ROOT), suggestion);
        }
    }
}
