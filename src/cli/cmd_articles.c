/*
 * cmd_articles.c - `corroborate articles`: the stored articles, one line each, or JSON.
 */
#include "cli/cli.h"
#include "cli/out.h"
#include <string.h>

typedef struct list_run { int json; long n; cli_buf *b; } list_run;

/* Prints at most max display columns of s (UTF-8 aware), padding to width. */
static void put_cell(const char *s, int width) {
  int cols = 0;
  const char *p = s ? s : "-";
  while (*p && cols < width) {
    int k = 1;
    unsigned char c = (unsigned char)*p;
    if (c >= 0xF0) k = 4; else if (c >= 0xE0) k = 3; else if (c >= 0xC0) k = 2;
    if (cols == width - 1 && p[k]) { fputs("…", stdout); cols++; break; }
    fwrite(p, 1, (size_t)k, stdout);
    for (int j = 1; j < k && p[j]; j++) ;
    p += k;
    cols++;
  }
  for (; cols < width; cols++) putchar(' ');
}

static int on_row(void *ud, const cb_article_row *r) {
  list_run *lr = ud;
  if (lr->json) {
    cli_buf *b = lr->b;
    cli_buf_puts(b, lr->n ? ",\n  {" : "\n  {");
    cli_buf_printf(b, "\"id\":%lld,\"file\":", (long long)r->id);
    cli_buf_json_str(b, r->source);
    if (r->line) cli_buf_printf(b, ",\"line\":%ld", r->line); else cli_buf_puts(b, ",\"line\":null");
    cli_buf_puts(b, ",\"format\":"); cli_buf_json_str(b, r->format);
    cli_buf_puts(b, ",\"outlet\":"); cli_buf_json_str(b, r->outlet);
    cli_buf_puts(b, ",\"published\":"); cli_buf_json_str(b, r->published);
    cli_buf_printf(b, ",\"published_inferred\":%s", r->published_inferred ? "true" : "false");
    cli_buf_puts(b, ",\"fetched\":"); cli_buf_json_str(b, r->fetched);
    cli_buf_puts(b, ",\"title\":"); cli_buf_json_str(b, r->title);
    cli_buf_puts(b, ",\"author\":"); cli_buf_json_str(b, r->author);
    cli_buf_puts(b, ",\"dateline\":"); cli_buf_json_str(b, r->dateline);
    cli_buf_puts(b, ",\"url\":"); cli_buf_json_str(b, r->url);
    cli_buf_printf(b, ",\"chars\":%zu,\"dropped\":%zu,\"hash\":", r->body_len, r->ndropped);
    cli_buf_json_str(b, r->hash);
    cli_buf_putc(b, '}');
    fwrite(b->ptr, 1, b->len, stdout);
    cli_buf_reset(b);
  } else {
    char date[48];
    snprintf(date, sizeof date, "%s%s", r->published_inferred ? ">=" : "", r->published ? r->published : "-");
    printf("%5lld  ", (long long)r->id);
    put_cell(date, 13);
    printf(" ");
    put_cell(r->outlet, 20);
    printf(" ");
    put_cell(r->title ? r->title : r->source, 36);
    printf("\n");
  }
  lr->n++;
  return 0;
}

int cmd_articles(int argc, char **argv) {
  if (cli_wants_help(argc, argv)) {
    printf("usage: corroborate articles [--db PATH] [--format text|json]\n\n"
           "Lists the stored articles: id, publication date (>= marks a bound inferred from\n"
           "the text), outlet, title. --format json prints every field as a JSON array\n"
           "(\"fetched\": the crawl time of a WARC record, null for other input).\n");
    return CLI_OK;
  }
  const char *db = NULL, *v;
  list_run lr = {0};
  for (int i = 1; i < argc; i++) {
    if ((v = cli_opt(argc, argv, &i, "--db"))) db = v;
    else if ((v = cli_opt(argc, argv, &i, "--format"))) {
      if (strcmp(v, "json") == 0) lr.json = 1;
      else if (strcmp(v, "text") != 0) { cli_errorf("articles: unknown format '%s' (text, json)", v); return CLI_USAGE; }
    } else { cli_errorf("articles: unknown argument '%s' (try --help)", argv[i]); return CLI_USAGE; }
  }
  cb_store *s;
  cb_error e;
  if (cb_store_open(cli_db_path(db), &s, &e)) { cli_problem(&e); return CLI_FAIL; }
  cli_buf b;
  cli_buf_init(&b);
  lr.b = &b;
  if (lr.json) fputs("[", stdout);
  else printf("%5s  %-13s %-20s %s\n", "ID", "PUBLISHED", "OUTLET", "TITLE");
  int rc = cb_store_list_articles(s, on_row, &lr, &e);
  if (lr.json) fputs(lr.n ? "\n]\n" : "]\n", stdout);
  cli_buf_free(&b);
  cb_store_close(s);
  if (rc) { cli_problem(&e); return CLI_FAIL; }
  return CLI_OK;
}
