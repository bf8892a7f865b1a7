/*
 * test_data_dir.c - replaceable lexicon tables: each table's row format (a bad row is an error
 * with its line, for every kind of column); cb_data_dir() with a folder whose file replaces one
 * table, one with a bad row (file and line named), one with a name that is no table and one
 * with a link leading out of it (refused); and that the folder cannot change once tables are
 * in use. One process, so the order of the tests matters: cb_init() comes last.
 */
#include "core/data.h"
#include "test.h"
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- row formats ---- */
typedef struct row_case {
  const char *table;   /* a listed table, for its format */
  const char *text;
  long line;           /* the bad line, 0 if the text is good */
  const char *why;     /* part of the reason */
} row_case;

static const row_case cases[] = {
  {"quantity/units.tsv", "# c\n\nkm\tkilometre\tlength\t1000\tm\t\nmi\tmile\tlength\t1609\tm\td\n", 0, NULL},
  {"quantity/units.tsv", "km\tkilometre\tlength\t1000\tm\n", 0, NULL},
  {"quantity/units.tsv", "# c\nkm\tkilometre\tlength\tlots\tm\t\n", 2, "field 4 'lots' is not a number"},
  {"quantity/units.tsv", "km\tkilometre\tlength\n", 1, "3 fields, want 5 to 6 separated by tabs"},
  {"quantity/units.tsv", "km\tkilometre\tlength\t1000\tm\tx\n", 1, "not one of 'cdgi'"},
  {"quantity/units.tsv", "km \tkilometre\tlength\t1000\tm\t\n", 1, "space at its start or end"},
  {"quantity/units.tsv", "km\tkilometre\tlength\tinf\tm\t\n", 1, "not a number"},
  {"quantity/units.tsv", "km\tkilometre\tlength\t1000\tm\t\r\n", 1, "CRLF"},
  {"quantity/units.tsv", "km\t\tlength\t1000\tm\t\n", 1, "field 2 is empty"},
  {"quantity/words.tsv", "may\tmonth\t5\nfoo\tmonht\t1\n", 2, "'monht' is not one of month|"},
  {"quantity/numbers.tsv", "seven\t7\tunit\neight\t8\n", 2, "2 fields, want 3"},
  {"quantity/change_words.tsv", "raised\tup\tby\nhiked\tup\tbye\n", 2, "'bye' is not one of by"},
  {"quantity/scale_suffix.tsv", "k\t1000\nM\t1000000\tc$\n", 0, NULL},
  {"corroborate/stopwords.txt", "a\nthe\tx\n", 2, "2 fields, want 1"},
  {"corroborate/stopwords.txt", "a\n\xff\n", 2, "not valid UTF-8"},
  {"names/titles.tsv", "President\nSen.\tSenator\n", 0, NULL},
  {"dates/holidays.tsv", "a\t12-25\nb\t05:-1:1\nc\teaster+0\nd\teaster-2\n", 0, NULL},
  {"dates/holidays.tsv", "a\t13-25\n", 1, "not a day rule"},
  {"dates/holidays.tsv", "a\t05:0:1\n", 1, "not a day rule"},
  {"dates/holidays.tsv", "a\teaster\n", 1, "not a day rule"},
  {"timex/lexicon.tsv", "march\tmonth\t3\tcap\nweeks\tunit\tW\nxmas\tholiday\tnth:11:4:4\n", 0, NULL},
  {"timex/lexicon.tsv", "weeks\tunit\tWW\n", 1, "the values of class unit"},
  {"timex/lexicon.tsv", "xmas\tholiday\tfix:13:1\n", 1, "not a holiday rule"},
  {"timex/lexicon.tsv", "march\tmonth\tthree\n", 1, "not a whole number"},
  {"timex/lexicon.tsv", "march\tmonth\t3\tcap,abbr\nmay\tmonth\t5\tcapital\n", 2, "not one of cap|abbr"},
  {"frames/grammar.tsv", "negator\tnot\nnegater\tnever\n", 2, "'negater' is not one of negator|"},
  {"html/hints.txt", "30 content *article-body* main\n-25 share share*\n", 0, NULL},
  {"html/hints.txt", "-25 sharing share*\n", 1, "'sharing' is not one of content|REASON"},
  {"html/hints.txt", "200 content main\n", 1, "from -100 to 100"},
  {"html/hints.txt", "30 content\n", 1, "2 fields, want 3 or more separated by spaces"},
  {"html/phrases.txt", "ad 40 advertisement\nmetadata 60 by \n", 0, NULL},
  {"html/phrases.txt", "ad forty advertisement\n", 1, "not a whole number"},
  {"cleanup/junk.tsv", "share-widget\tline\tshare\nshare\tprefix\tshare on\n", 0, NULL},
  {"cleanup/junk.tsv", "sharing\tline\tshare\n", 1, "not one of REASON"},
};

static void test_row_formats(void) {
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const row_case *c = &cases[i];
    const cb_table *t = cb_table_find(c->table);
    CHECK(t != NULL);
    if (!t) continue;
    cb_error e;
    cb_error_clear(&e);
    int rc = cb_table_check(t, "F", c->text, strlen(c->text), &e);
    if ((rc != 0) != (c->line != 0)) fprintf(stderr, "case %zu: %s:%ld: %s\n", i, e.file, e.line, e.msg);
    CHECK_INT(rc, c->line ? CB_EDATA : CB_OK);
    CHECK_INT(e.line, c->line);
    if (c->why) CHECK_CONTAINS(e.msg, c->why);
    if (c->line) CHECK_STR(e.file, "F");
  }
}

/* A table with more rows than its loader has room for. */
static void test_room(void) {
  const cb_table *t = cb_table_find("names/title-groups.txt");
  char text[400] = "";
  for (int i = 0; i < 33; i++) strcat(text, "a b\n");
  cb_error e;
  CHECK_INT(cb_table_check(t, "F", text, strlen(text), &e), CB_EDATA);
  CHECK_INT(e.line, 33);
  CHECK_CONTAINS(e.msg, "more than 32 entries");
}

/* ---- the data directory ---- */
static char dir[] = "/tmp/cb-data-dir-XXXXXX";

static void put(const char *rel, const char *text) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, rel);
  char *slash = strrchr(path, '/');
  *slash = 0;
  mkdir(path, 0755);
  *slash = '/';
  FILE *f = fopen(path, "w");
  CHECK(f != NULL);
  if (f) { fputs(text, f); fclose(f); }
}

static void rm(const char *rel) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, rel);
  CHECK_INT(unlink(path), 0);
}

static void test_not_a_directory(void) {
  cb_error e;
  CHECK_INT(cb_data_dir("/nonexistent/cb-data", &e), CB_EIO);
  CHECK_STR(e.file, "/nonexistent/cb-data");
  CHECK_INT(cb_data_dir("", &e), CB_EIO);
}

static void test_unknown_name(void) {
  cb_error e;
  put("quantity/unit.tsv", "km\tkilometre\tlength\t1000\tm\t\n");
  CHECK_INT(cb_data_dir(dir, &e), CB_EDATA);
  char want[600];
  snprintf(want, sizeof want, "%s/quantity/unit.tsv", dir);
  CHECK_STR(e.file, want);
  CHECK_CONTAINS(e.msg, "not the name of a lexicon table");
  rm("quantity/unit.tsv");
  put("NOTICE", "not a table, as in data/\n");   /* the non-table files of data/ are left alone */
  put(".hidden", "x\n");
  CHECK_INT(cb_data_dir(dir, &e), CB_OK);
}

static void test_link_out(void) {
  cb_error e;
  char path[512], out[512];
  snprintf(out, sizeof out, "%s.out", dir);   /* a file beside the folder */
  FILE *f = fopen(out, "w");
  CHECK(f != NULL);
  if (f) { fputs("killed\tkill\n", f); fclose(f); }
  snprintf(path, sizeof path, "%s/quantity/events.tsv", dir);
  CHECK_INT(symlink(out, path), 0);
  CHECK_INT(cb_data_dir(dir, &e), CB_EDATA);
  CHECK_CONTAINS(e.file, "/quantity/events.tsv");
  CHECK_CONTAINS(e.msg, "leads out of the data directory");
  CHECK_INT(unlink(path), 0);
  snprintf(path, sizeof path, "%s/group", dir);   /* a linked folder out of it */
  CHECK_INT(symlink("/tmp", path), 0);
  CHECK_INT(cb_data_dir(dir, &e), CB_EDATA);
  CHECK_CONTAINS(e.msg, "leads out of the data directory");
  CHECK_INT(unlink(path), 0);
  snprintf(path, sizeof path, "%s/quantity/noun_stop.tsv", dir);   /* a link inside it is fine */
  CHECK_INT(symlink("../NOTICE", path), 0);
  CHECK_INT(cb_data_dir(dir, &e), CB_OK);
  CHECK_INT(unlink(path), 0);
  CHECK_INT(unlink(out), 0);
  CHECK(cb_table_find("../quantity/units.tsv") == NULL);   /* no table name leaves data/ */
}

static void test_bad_row(void) {
  cb_error e;
  put("quantity/units.tsv", "# my units\nkm\tkilometre\tlength\t1000\tm\t\nglorb\tglorb\tlength\tx\tm\t\n");
  CHECK_INT(cb_data_dir(dir, &e), CB_OK);   /* the file is read when the table is needed */
  cb_slice s;
  CHECK_INT(cb_data_load("quantity/units.tsv", &s, &e), CB_EDATA);
  char want[600];
  snprintf(want, sizeof want, "%s/quantity/units.tsv", dir);
  CHECK_STR(e.file, want);
  CHECK_INT(e.line, 3);
  CHECK_CONTAINS(e.msg, "field 4 'x' is not a number");
  CHECK(s.ptr == NULL);
  rm("quantity/units.tsv");
}

static void test_replaced(void) {
  cb_error e;
  const char *units = "glorb\tglorb\tlength\t1.5\tm\t\n";
  put("quantity/units.tsv", units);
  put("quotes/skip.txt", "");   /* an empty file empties the lexicon, on purpose */
  CHECK_INT(cb_data_dir(dir, &e), CB_OK);
  cb_slice s;
  CHECK_INT(cb_data_load("quantity/units.tsv", &s, &e), CB_OK);
  CHECK(s.len == strlen(units) && !memcmp(s.ptr, units, s.len));
  CHECK_INT(cb_data_load("quotes/skip.txt", &s, &e), CB_OK);
  CHECK_INT(s.len, 0);
  size_t len;
  const char *emb = cb_data_get("quantity/words.tsv", &len);   /* not in the folder: embedded */
  CHECK_INT(cb_data_load("quantity/words.tsv", &s, &e), CB_OK);
  CHECK(s.ptr == emb && s.len == len);
  CHECK(cb_data_get("quantity/units.tsv", &len) != s.ptr);      /* cb_data_get stays embedded */
}

/* NULL goes back to the embedded tables; once a table is in use the folder is fixed. */
static void test_reset_then_sealed(void) {
  cb_error e;
  CHECK_INT(cb_data_dir(NULL, &e), CB_OK);
  cb_slice s;
  size_t len;
  CHECK_INT(cb_data_load("quantity/units.tsv", &s, &e), CB_OK);
  CHECK(s.ptr == cb_data_get("quantity/units.tsv", &len));
  CHECK_INT(cb_init(&e), CB_OK);
  CHECK_INT(cb_data_dir(dir, &e), CB_EUSAGE);
  CHECK_CONTAINS(e.msg, "before cb_init()");
  CHECK_INT(cb_data_load("quantity/units.tsv", &s, &e), CB_OK);
  CHECK(s.ptr == cb_data_get("quantity/units.tsv", &len));
}

static void clean(void) {
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  CHECK_INT(system(cmd), 0);
}

int main(void) {
  test_row_formats();
  test_room();
  CHECK(mkdtemp(dir) != NULL);
  test_not_a_directory();
  test_unknown_name();
  test_link_out();
  test_bad_row();
  test_replaced();
  test_reset_then_sealed();
  clean();
  return test_report();
}
