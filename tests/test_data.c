/*
 * test_data.c - the lexicon tables fail loudly: every table the library lists loads and
 * cb_init() passes; a table that does not exist, asked for through the loader, is an error
 * naming it; a lexicon that meets a missing or unlisted table at first use makes cb_init()
 * and the brief fail with that table's name.
 */
#include "core/data.h"
#include "corroborate/brief.h"
#include "test.h"

static void test_listed_tables_load(void) {
  cb_error e;
  cb_error_clear(&e);
  CHECK_INT(cb_init(&e), CB_OK);
  size_t n = 0;
  for (size_t i = 0; cb_data_tables[i].name; i++, n++) {
    cb_slice s;
    int rc = cb_data_load(cb_data_tables[i].name, &s, &e);
    if (rc) fprintf(stderr, "%s: %s\n", e.file, e.msg);
    CHECK_INT(rc, CB_OK);
    CHECK(s.ptr && s.len > 0);
  }
  CHECK(n >= 50);
}

static void test_missing_table_named(void) {
  cb_error e;
  cb_slice s;
  CHECK_INT(cb_data_load("quantity/no-such-table.tsv", &s, &e), CB_EDATA);
  CHECK_INT(e.code, CB_EDATA);
  CHECK_STR(e.file, "data/quantity/no-such-table.tsv");
  CHECK_CONTAINS(e.msg, "missing");
  CHECK(s.ptr == NULL && s.len == 0);
  CHECK_INT(cb_data_status(&e), CB_OK);          /* asking is not using */
  CHECK_INT(cb_init(&e), CB_OK);
}

/* A lexicon meeting a table that is not listed (so cb_init could not check it), then one
 * that is missing: the first failure is kept and reported. */
static void test_first_use_kept(void) {
  size_t len = 1;
  CHECK(cb_data_need("names/README.md", &len) == NULL);   /* embedded, not a listed table */
  CHECK_INT(len, 0);
  CHECK(cb_data_need("quotes/no-such-table.txt", &len) == NULL);
  cb_error e;
  CHECK_INT(cb_data_status(&e), CB_EDATA);
  CHECK_STR(e.file, "data/names/README.md");
  CHECK_CONTAINS(e.msg, "not listed in cb_data_tables");
  cb_error_clear(&e);
  CHECK_INT(cb_init(&e), CB_EDATA);
  CHECK_STR(e.file, "data/names/README.md");
  cb_brief *b = NULL;
  cb_error_clear(&e);
  CHECK_INT(cb_brief_build(NULL, NULL, 0, &b, &e), CB_EDATA);
  CHECK(b == NULL);
  CHECK_STR(e.file, "data/names/README.md");
}

int main(void) {
  test_listed_tables_load();
  test_missing_table_named();
  test_first_use_kept();
  return test_report();
}
