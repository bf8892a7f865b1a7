/*
 * cmd_extract.c - `corroborate extract FILE...`: every mention the extractors find in each
 * article (quantities, dates and times, quotes with speakers, names with roles), with type,
 * byte offsets into the clean text, surface words and normalised value.
 */
#include "cli/cli.h"
#include "core/buf.h"
#include "extract/names.h"
#include "extract/quantity.h"
#include "extract/quote.h"
#include "extract/timex.h"
#include "ingest/reader.h"
#include <stdlib.h>
#include <string.h>

typedef struct extract_run { int json, first; long problems; cb_buf out; } extract_run;

/* Dates and times of an article, resolved against its own date (or inferred bound). */
static size_t timex_of(cb_arena *ar, const cb_article *a, cb_timex **t) {
  cb_timex_opts o = {0};
  o.dct = a->published[0] && strncmp(a->published, "XXXX", 4) ? a->published : NULL;
  o.dct_inferred = a->published_inferred;
  o.sentence_anchor = 1;
  return cb_timex_extract_opts(ar, a->body, a->body_len, &o, t);
}

static void surface(cb_buf *b, const cb_article *a, size_t s, size_t e) {
  cb_buf_putc(b, '"');
  cb_buf_json_escape(b, a->body + s, e - s);
  cb_buf_putc(b, '"');
}

static void json_article(extract_run *r, const cb_article *a, cb_arena *ar) {
  cb_buf *b = &r->out;
  cb_buf_puts(b, r->first ? "\n  {\"file\":" : ",\n  {\"file\":");
  r->first = 0;
  cb_buf_json_str(b, a->source);
  if (a->line) cb_buf_printf(b, ",\"line\":%ld", a->line);
  cb_buf_puts(b, ",\"published\":");
  cb_buf_json_str(b, a->published[0] ? a->published : NULL);
  cb_buf_printf(b, ",\"published_inferred\":%s,\"quantities\":[", a->published_inferred ? "true" : "false");
  cb_quantity *q;
  size_t n = cb_quantity_extract(ar, a->body, a->body_len, &q);
  for (size_t i = 0; n != (size_t)-1 && i < n; i++) { if (i) cb_buf_putc(b, ','); cb_quantity_json(b, &q[i], a->body); }
  cb_buf_puts(b, "],\"timex\":[");
  cb_timex *t;
  n = timex_of(ar, a, &t);
  for (size_t i = 0; i < n; i++) {
    cb_buf_printf(b, "%s{\"start\":%zu,\"end\":%zu,\"text\":", i ? "," : "", t[i].start, t[i].end);
    surface(b, a, t[i].start, t[i].end);
    cb_buf_printf(b, ",\"type\":\"%s\",\"value\":", cb_timex_type_name(t[i].type));
    cb_buf_json_str(b, t[i].value);
    cb_buf_printf(b, ",\"precision\":\"%s\",\"relative\":%s,\"inferred_dct\":%s}", cb_timex_precision_name(t[i].precision),
                  t[i].flags & CB_TIMEX_RELATIVE ? "true" : "false", t[i].flags & CB_TIMEX_INFERRED ? "true" : "false");
  }
  cb_buf_puts(b, "],\"quotes\":[");
  cb_quote *qu;
  n = cb_quote_extract(ar, a->body, a->body_len, &qu);
  for (size_t i = 0; i < n; i++) {
    cb_buf_printf(b, "%s{\"start\":%zu,\"end\":%zu,\"text\":", i ? "," : "", qu[i].inner_start, qu[i].inner_end);
    surface(b, a, qu[i].inner_start, qu[i].inner_end);
    cb_buf_puts(b, ",\"speaker\":");
    cb_buf_json_str(b, qu[i].speaker);
    cb_buf_printf(b, ",\"speaker_how\":\"%s\",\"cue\":", cb_speaker_how_name(qu[i].how));
    cb_buf_json_str(b, qu[i].cue);
    cb_buf_printf(b, ",\"partial\":%s}", qu[i].partial ? "true" : "false");
  }
  cb_buf_puts(b, "],\"names\":");
  cb_names nm;
  if (!cb_names_extract(ar, a->body, a->body_len, &nm)) cb_names_mentions_json(b, &nm);
  else cb_buf_puts(b, "[]");
  cb_buf_puts(b, "}");
}

static void text_article(extract_run *r, const cb_article *a, cb_arena *ar) {
  cb_buf *b = &r->out;
  if (a->line) cb_buf_printf(b, "== %s:%ld", a->source, a->line); else cb_buf_printf(b, "== %s", a->source);
  cb_buf_printf(b, " (published %s%s)\n", a->published_inferred ? "on or after " : "", a->published[0] ? a->published : "unknown");
  cb_quantity *q;
  size_t n = cb_quantity_extract(ar, a->body, a->body_len, &q);
  for (size_t i = 0; n != (size_t)-1 && i < n; i++)
    cb_buf_printf(b, "quantity  %6zu-%-6zu %-28.*s %s %g%s%s%s%s\n", q[i].start, q[i].end, (int)(q[i].end - q[i].start), a->body + q[i].start,
                  cb_qchange_name(q[i].change), q[i].value, q[i].unit_norm ? " " : "", q[i].unit_norm ? q[i].unit_norm : "",
                  q[i].noun ? " of " : "", q[i].noun ? q[i].noun : "");
  cb_timex *t;
  n = timex_of(ar, a, &t);
  for (size_t i = 0; i < n; i++)
    cb_buf_printf(b, "timex     %6zu-%-6zu %-28.*s %s %s\n", t[i].start, t[i].end, (int)(t[i].end - t[i].start), a->body + t[i].start,
                  cb_timex_type_name(t[i].type), t[i].value ? t[i].value : "");
  cb_quote *qu;
  n = cb_quote_extract(ar, a->body, a->body_len, &qu);
  for (size_t i = 0; i < n; i++) {
    size_t len = qu[i].inner_end - qu[i].inner_start;
    cb_buf_printf(b, "quote     %6zu-%-6zu \"%.*s%s\" - %s (%s)\n", qu[i].inner_start, qu[i].inner_end, (int)(len > 60 ? 60 : len),
                  a->body + qu[i].inner_start, len > 60 ? "..." : "", qu[i].speaker ? qu[i].speaker : "unknown", cb_speaker_how_name(qu[i].how));
  }
  cb_names nm;
  if (!cb_names_extract(ar, a->body, a->body_len, &nm))
    for (size_t i = 0; i < nm.nmentions; i++) {
      const cb_name_mention *m = &nm.mentions[i];
      cb_buf_printf(b, "name      %6zu-%-6zu %-28s %s%s%s\n", m->start, m->end, m->text, cb_name_kind_name(m->kind),
                    m->role_text ? " role: " : "", m->role_text ? m->role_text : "");
    }
  cb_buf_putc(b, '\n');
}

static int on_article(void *ud, cb_article *a) {
  extract_run *r = ud;
  cb_arena *ar = cb_arena_new(0);
  if (ar) {
    if (r->json) json_article(r, a, ar); else text_article(r, a, ar);
    fwrite(r->out.ptr, 1, r->out.len, stdout);
    cb_buf_reset(&r->out);
  }
  cb_arena_free(ar);
  cb_article_free(a);
  return 0;
}

static void on_problem(void *ud, const cb_error *e) {
  ((extract_run *)ud)->problems++;
  cli_problem(e);
}

int cmd_extract(int argc, char **argv) {
  if (cli_wants_help(argc, argv)) {
    printf("usage: corroborate extract [--format text|json] FILE...\n\n"
           "Prints every mention found in each article: quantities (value, qualifier, unit,\n"
           "what they count), dates and times (TIMEX3 value, normalised against the article's\n"
           "date), quotes with speakers, and names with roles, each with byte offsets into the\n"
           "article's clean text (see 'corroborate show').\n");
    return CLI_OK;
  }
  extract_run r = {0};
  r.first = 1;
  cb_buf_init(&r.out);
  const char *v;
  int nfiles = 0;
  for (int i = 1; i < argc; i++) {
    if ((v = cli_opt(argc, argv, &i, "--format"))) {
      if (!strcmp(v, "json")) r.json = 1;
      else if (strcmp(v, "text")) { cli_errorf("extract: unknown format '%s' (text, json)", v); return CLI_USAGE; }
    } else if (argv[i][0] == '-' && strcmp(argv[i], "-")) { cli_errorf("extract: unknown option '%s'", argv[i]); return CLI_USAGE; }
  }
  if (r.json) fputs("[", stdout);
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--format")) { i++; continue; }
    if (!strncmp(argv[i], "--format=", 9)) continue;
    nfiles++;
    cb_ingest_path(argv[i], NULL, on_article, on_problem, &r);
  }
  if (r.json) fputs(r.first ? "]\n" : "\n]\n", stdout);
  cb_buf_free(&r.out);
  if (!nfiles) { cli_errorf("extract: no FILE given (try --help)"); return CLI_USAGE; }
  return r.problems ? CLI_INPUT : CLI_OK;
}
