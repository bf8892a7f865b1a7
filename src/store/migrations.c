/*
 * migrations.c - the schema, as a list of migrations. Migration k takes the database
 * from user_version k to k+1; append, never edit, once a version has shipped.
 */
#include "store/migrations.h"
#include <stddef.h>

const char *const cb_migrations[] = {
  /* 0 -> 1: articles and what was dropped from them */
  "CREATE TABLE articles ("
  "  id INTEGER PRIMARY KEY,"
  "  hash TEXT NOT NULL UNIQUE,"
  "  source TEXT NOT NULL, line INTEGER NOT NULL DEFAULT 0, offset INTEGER NOT NULL DEFAULT -1,"
  "  format TEXT NOT NULL,"
  "  title TEXT, outlet TEXT, author TEXT, url TEXT, dateline TEXT, credit TEXT,"
  "  published TEXT, published_inferred INTEGER NOT NULL DEFAULT 0, published_why TEXT,"
  "  body TEXT NOT NULL, original BLOB NOT NULL,"
  "  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
  "CREATE TABLE dropped (article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL, reason TEXT NOT NULL, why TEXT, text TEXT NOT NULL, PRIMARY KEY (article_id, seq));"
  "CREATE TABLE captions (article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (article_id, seq));"
  "CREATE TABLE extras (article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
  "  key TEXT NOT NULL, value TEXT NOT NULL);"
  "CREATE INDEX articles_published ON articles(published);",
  /* 1 -> 2: stories and near-duplicates, rewritten after each ingest */
  "CREATE TABLE stories (id INTEGER PRIMARY KEY, headline TEXT, first TEXT, last TEXT,"
  "  articles INTEGER NOT NULL, outlets INTEGER NOT NULL, duplicates INTEGER NOT NULL);"
  "CREATE TABLE article_groups (article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
  "  story_id INTEGER NOT NULL REFERENCES stories(id), duplicate_of INTEGER REFERENCES articles(id), similarity REAL);"
  "CREATE INDEX article_groups_story ON article_groups(story_id);",
  /* 2 -> 3: the grouping engine's state, so an ingest continues the online pass with the
   * new articles only (group_state.c); empty after migrating: rebuilt by the next ingest */
  "CREATE TABLE group_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);"
  "CREATE TABLE group_articles (article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
  "  sig BLOB NOT NULL, terms BLOB, shingles INTEGER NOT NULL, day INTEGER, parent INTEGER NOT NULL,"
  "  match INTEGER NOT NULL, story INTEGER NOT NULL, title TEXT, outlet INTEGER);"
  "CREATE TABLE group_stories (id INTEGER PRIMARY KEY, centroid BLOB NOT NULL, norm REAL NOT NULL,"
  "  first INTEGER, last INTEGER);"
  "CREATE TABLE group_df (term INTEGER PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;",
  /* 3 -> 4: the crawl time of WARC records (WARC-Date), until now the extra "fetched" of
   * WARC articles: moved into its column (JSON Lines keep a "fetched" field as an extra) */
  "ALTER TABLE articles ADD COLUMN fetched TEXT;"
  "UPDATE articles SET fetched = (SELECT x.value FROM extras x WHERE x.article_id = articles.id"
  "  AND x.key = 'fetched' ORDER BY x.rowid LIMIT 1) WHERE format = 'warc';"
  "DELETE FROM extras WHERE key = 'fetched'"
  "  AND article_id IN (SELECT id FROM articles WHERE format = 'warc');",
  /* 4 -> 5: an article's extras found by its id, not by a scan of every extra (a JSON Lines
   * corpus has one or more per article; tests/test_store_plan.c checks every statement) */
  "CREATE INDEX IF NOT EXISTS extras_article ON extras(article_id);",
  /* 5 -> 6: full-text search over article titles and bodies (store_search.c): an FTS5 index
   * reading its text from articles, kept in step by triggers, filled for the rows there */
  "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, body, content='articles',"
  "  content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
  "CREATE TRIGGER IF NOT EXISTS articles_fts_ai AFTER INSERT ON articles BEGIN"
  "  INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END;"
  "CREATE TRIGGER IF NOT EXISTS articles_fts_ad AFTER DELETE ON articles BEGIN"
  "  INSERT INTO articles_fts(articles_fts, rowid, title, body)"
  "  VALUES ('delete', old.id, old.title, old.body);"
  " END;"
  "CREATE TRIGGER IF NOT EXISTS articles_fts_au AFTER UPDATE OF title, body ON articles BEGIN"
  "  INSERT INTO articles_fts(articles_fts, rowid, title, body)"
  "  VALUES ('delete', old.id, old.title, old.body);"
  "  INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END;"
  "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');"
  "CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet COLLATE NOCASE);"
  /* with a trigger on articles, an insert's plan holds the foreign-key checks of a delete:
   * the copies of an article found by index, as tests/test_store_plan.c wants */
  "CREATE INDEX IF NOT EXISTS article_groups_duplicate ON article_groups(duplicate_of);",
  NULL
};
