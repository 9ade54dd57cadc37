/* Writes every n-gram of a CMU Sphinx trie language model as text: order, log10 probability, log10 back-off and the
 * words, tab-separated. Sphinx's own converter aborts on the Debian en-us model, whose header counts six bigrams
 * more than its trie holds; this walks the trie the same way and writes what it finds. */
#include <stdio.h>
#include <stdlib.h>
#include <sphinxbase/ngram_model.h>
#include <sphinxbase/logmath.h>
#include <sphinxbase/ckd_alloc.h>
#include "ngram_model_trie.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: lmdump MODEL.lm.bin > ngrams.txt\n");
        return 2;
    }
    logmath_t *lmath = logmath_init(1.0001, 0, 0);
    ngram_model_t *base = ngram_model_read(NULL, argv[1], NGRAM_BIN, lmath);
    if (base == NULL) {
        fprintf(stderr, "lmdump: cannot read %s\n", argv[1]);
        return 1;
    }
    ngram_model_trie_t *model = (ngram_model_trie_t *) base;
    for (uint32 j = 0; j < base->n_counts[0]; j++) {
        unigram_t *u = &model->trie->unigrams[j];
        printf("1\t%.4f\t%.4f\t%s\n", logmath_log_float_to_log10(lmath, u->prob),
               logmath_log_float_to_log10(lmath, u->bo), base->word_str[j]);
    }
    for (int order = 2; order <= base->n; order++) {
        ngram_raw_t *raw = ckd_calloc(base->n_counts[order - 1], sizeof(*raw));
        uint32 found = 0, hist[NGRAM_MAX_ORDER];
        node_range_t range = { 0, 0 };
        lm_trie_fill_raw_ngram(model->trie, raw, &found, base->n_counts, range, hist, 0, order, base->n);
        for (uint32 j = 0; j < found; j++) {
            printf("%d\t%.4f\t%.4f", order, logmath_log_float_to_log10(lmath, raw[j].prob),
                   order < base->n ? logmath_log_float_to_log10(lmath, raw[j].backoff) : 0.0);
            for (int k = 0; k < order; k++) {
                printf("%c%s", k == 0 ? '\t' : ' ', base->word_str[raw[j].words[k]]);
            }
            printf("\n");
        }
        fprintf(stderr, "lmdump: %d-grams: %u found, header says %u\n", order, found, base->n_counts[order - 1]);
    }
    return 0;
}
