package city.gridwhistle.esnode;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.el.GreekLowerCaseFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.ga.IrishLowerCaseFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.elasticsearch.lucene.analysis.miscellaneous.DisableGraphAttribute;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.elasticsearch.index.analysis.PreConfiguredTokenFilter;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The token filters an index mapping needs from the distribution's {@code analysis-common} module, which is not
 * published to Maven Central. Names and parameters are the module's, so one mapping works against the embedded
 * node and against a production cluster. The core server already has {@code lowercase} (pre-configured only),
 * {@code stop}, {@code shingle} and {@code hunspell}; the configurable {@code lowercase} registered here is the
 * module's one, with its {@code language} parameter.
 */
public final class CommonAnalysisSubsetPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
            "cjk_bigram", (indexSettings, environment, name, settings) -> new CjkBigram(name, settings),
            "cjk_width", (indexSettings, environment, name, settings) -> new Normalizing(name, CJKWidthFilter::new),
            "lowercase", (indexSettings, environment, name, settings) -> new LowerCase(name, settings),
            "porter_stem", (indexSettings, environment, name, settings) -> new Simple(name, PorterStemFilter::new),
            "asciifolding", (indexSettings, environment, name, settings) -> new AsciiFolding(name, settings)
        );
    }

    /** Bare names in an analyzer's filter list resolve to these, as they do with the module installed. */
    @Override
    public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
        return List.of(
            PreConfiguredTokenFilter.singleton("cjk_bigram", false, CJKBigramFilter::new),
            PreConfiguredTokenFilter.singleton("cjk_width", true, CJKWidthFilter::new),
            PreConfiguredTokenFilter.singleton("porter_stem", false, PorterStemFilter::new),
            PreConfiguredTokenFilter.singleton("asciifolding", true, ASCIIFoldingFilter::new)
        );
    }

    /** Lucene's CJK bigram filter with the module's {@code output_unigrams} and {@code ignored_scripts}. */
    static final class CjkBigram extends AbstractTokenFilterFactory {
        private static final Map<String, Integer> SCRIPT_FLAGS = Map.of(
            "han", CJKBigramFilter.HAN,
            "hiragana", CJKBigramFilter.HIRAGANA,
            "katakana", CJKBigramFilter.KATAKANA,
            "hangul", CJKBigramFilter.HANGUL
        );

        private final int flags;
        private final boolean outputUnigrams;

        CjkBigram(String name, Settings settings) {
            super(name);
            this.outputUnigrams = settings.getAsBoolean("output_unigrams", false);
            List<String> ignored = settings.getAsList("ignored_scripts", List.of());
            int scripts = 0;
            for (Map.Entry<String, Integer> script : SCRIPT_FLAGS.entrySet()) {
                if (ignored.contains(script.getKey()) == false) {
                    scripts |= script.getValue();
                }
            }
            this.flags = scripts;
        }

        @Override
        public TokenStream create(TokenStream tokenStream) {
            CJKBigramFilter filter = new CJKBigramFilter(tokenStream, flags, outputUnigrams);
            if (outputUnigrams) {
                // unigrams and bigrams overlap without aligned positions: a query graph over them would explode
                filter.addAttribute(DisableGraphAttribute.class);
            }
            return filter;
        }
    }

    static final class LowerCase extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
        private final String language;

        LowerCase(String name, Settings settings) {
            super(name);
            this.language = settings.get("language");
        }

        @Override
        public TokenStream create(TokenStream tokenStream) {
            if (language == null) {
                return new LowerCaseFilter(tokenStream);
            }
            return switch (language.toLowerCase(Locale.ROOT)) {
                case "greek" -> new GreekLowerCaseFilter(tokenStream);
                case "irish" -> new IrishLowerCaseFilter(tokenStream);
                case "turkish" -> new TurkishLowerCaseFilter(tokenStream);
                default -> throw new IllegalArgumentException("language [" + language + "] not support for lower case");
            };
        }
    }

    static final class AsciiFolding extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
        private final boolean preserveOriginal;

        AsciiFolding(String name, Settings settings) {
            super(name);
            this.preserveOriginal = settings.getAsBoolean("preserve_original", false);
        }

        @Override
        public TokenStream create(TokenStream tokenStream) {
            return new ASCIIFoldingFilter(tokenStream, preserveOriginal);
        }

        @Override
        public TokenStream normalize(TokenStream tokenStream) {
            // a normalised (keyword) value is one term: keeping the original beside the folded form would make two
            return new ASCIIFoldingFilter(tokenStream, false);
        }
    }

    static class Simple extends AbstractTokenFilterFactory {
        private final java.util.function.Function<TokenStream, TokenStream> filter;

        Simple(String name, java.util.function.Function<TokenStream, TokenStream> filter) {
            super(name);
            this.filter = filter;
        }

        @Override
        public TokenStream create(TokenStream tokenStream) {
            return filter.apply(tokenStream);
        }
    }

    static final class Normalizing extends Simple implements NormalizingTokenFilterFactory {
        Normalizing(String name, java.util.function.Function<TokenStream, TokenStream> filter) {
            super(name, filter);
        }
    }
}
