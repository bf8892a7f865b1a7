/*
 * eval_stories.c - `corroborate eval stories FILE.jsonl` scores story grouping: records
 * carry title, text, published, outlet and a gold `event`; they are grouped from scratch
 * in memory (fed in publication order) and scored with BCubed and pairwise
 * precision/recall/F1. The events are split in two halves by order of first appearance
 * (even: development, odd: held-out check) and each half is grouped and scored on its own,
 * then the whole file. `--meantime DIR` reads the MEANTIME layout instead (one folder per
 * topic, each topic one gold group).
 */
#include "eval/eval.h"
#include "group/group.h"
#include "group/score.h"
#include "ingest/pubdate.h"
#include <cjson/cJSON.h>
#include <dirent.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct item {
  char *title, *text, *published, *outlet;
  long gold;        /* event number, in order of first appearance */
  long order;       /* position in the input */
} item;

typedef struct items { item *v; size_t n, cap; char **events; size_t nevents; } items;

static void items_free(items *it) {
  for (size_t i = 0; i < it->n; i++) {
    free(it->v[i].title); free(it->v[i].text); free(it->v[i].published); free(it->v[i].outlet);
  }
  for (size_t i = 0; i < it->nevents; i++) free(it->events[i]);
  free(it->v); free(it->events);
}

static long event_number(items *it, const char *ev) {
  for (size_t i = 0; i < it->nevents; i++) if (strcmp(it->events[i], ev) == 0) return (long)i;
  char **e = realloc(it->events, (it->nevents + 1) * sizeof *e);
  if (!e) return -1;
  it->events = e;
  if (!(e[it->nevents] = strdup(ev))) return -1;
  return (long)it->nevents++;
}

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

static int push_item(items *it, const char *title, const char *text, const char *pub, const char *outlet, const char *ev) {
  if (it->n == it->cap) {
    size_t cap = it->cap ? it->cap * 2 : 256;
    item *v = realloc(it->v, cap * sizeof *v);
    if (!v) return -1;
    it->v = v; it->cap = cap;
  }
  item *x = &it->v[it->n];
  x->gold = event_number(it, ev);
  x->title = dup_or_null(title);
  x->text = dup_or_null(text);
  x->published = dup_or_null(pub);
  x->outlet = dup_or_null(outlet);
  x->order = (long)it->n;
  if (x->gold < 0 || !x->text) return -1;
  it->n++;
  return 0;
}

static const char *json_str(const cJSON *o, const char *k) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
  return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int read_jsonl(const char *path, items *it) {
  FILE *f = fopen(path, "rb");
  if (!f) { fprintf(stderr, "corroborate: %s: cannot open\n", path); return -1; }
  char *line = NULL;
  size_t cap = 0;
  long lineno = 0, bad = 0;
  ssize_t len;
  while ((len = getline(&line, &cap, f)) > 0) {
    lineno++;
    cJSON *o = cJSON_ParseWithLength(line, (size_t)len);
    const char *text = o ? json_str(o, "text") : NULL, *ev = o ? json_str(o, "event") : NULL;
    if (!text || !ev) {
      if (len > 1) { fprintf(stderr, "corroborate: %s:%ld: not a record with text and event\n", path, lineno); bad++; }
    } else if (push_item(it, json_str(o, "title"), text, json_str(o, "published"), json_str(o, "outlet"), ev)) {
      cJSON_Delete(o); free(line); fclose(f);
      return -1;
    }
    cJSON_Delete(o);
  }
  free(line);
  fclose(f);
  return bad ? 1 : 0;
}

/* MEANTIME: sentence 0 is the title, sentence 1 the date, the rest the text. */
static int read_meantime_doc(const char *path, const char *topic, items *it) {
  xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) return -1;
  size_t cap = 4096, n[3] = {0, 0, 0};
  char *buf[3] = {calloc(1, cap), calloc(1, cap), calloc(1, 65536)};
  size_t caps[3] = {cap, cap, 65536};
  int last_sent = -1;
  for (xmlNodePtr t = xmlDocGetRootElement(doc)->children; t; t = t->next) {
    if (t->type != XML_ELEMENT_NODE || strcmp((const char *)t->name, "token") != 0) continue;
    xmlChar *sa = xmlGetProp(t, (const xmlChar *)"sentence");
    xmlChar *w = xmlNodeGetContent(t);
    int sent = sa ? atoi((const char *)sa) : 0;
    int part = sent == 0 ? 0 : sent == 1 ? 1 : 2;
    size_t wl = w ? strlen((const char *)w) : 0;
    if (n[part] + wl + 3 >= caps[part]) {
      char *nb = realloc(buf[part], (caps[part] + wl) * 2);
      if (nb) { buf[part] = nb; caps[part] = (caps[part] + wl) * 2; }
    }
    if (buf[part] && n[part] + wl + 3 < caps[part]) {
      if (n[part]) buf[part][n[part]++] = sent != last_sent && part == 2 ? '\n' : ' ';
      memcpy(buf[part] + n[part], w, wl);
      n[part] += wl;
      buf[part][n[part]] = 0;
    }
    last_sent = sent;
    xmlFree(sa);
    xmlFree(w);
  }
  xmlFreeDoc(doc);
  cb_date d;
  char iso[40] = "";
  if (buf[1]) {   /* tokens were joined with spaces: "March 01 , 2008" -> "March 01, 2008" */
    size_t w = 0;
    for (size_t r = 0; r < n[1]; r++) if (!(buf[1][r] == ' ' && buf[1][r + 1] == ',')) buf[1][w++] = buf[1][r];
    buf[1][w] = 0;
    if (cb_date_parse(buf[1], w, &d) && d.year) cb_date_format(&d, iso, sizeof iso);
  }
  int rc = buf[0] && buf[2] ? push_item(it, buf[0], buf[2], iso, "Wikinews", topic) : -1;
  free(buf[0]); free(buf[1]); free(buf[2]);
  return rc;
}

static int name_cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static char **list_dir(const char *path, size_t *n) {
  DIR *d = opendir(path);
  *n = 0;
  if (!d) return NULL;
  char **v = NULL;
  struct dirent *de;
  while ((de = readdir(d))) {
    if (de->d_name[0] == '.') continue;
    char **nv = realloc(v, (*n + 1) * sizeof *nv);
    if (!nv) break;
    v = nv;
    v[(*n)++] = strdup(de->d_name);
  }
  closedir(d);
  if (v) qsort(v, *n, sizeof *v, name_cmp);
  return v;
}

static int read_meantime(const char *dir, items *it) {
  size_t nt;
  char **topics = list_dir(dir, &nt);
  if (!topics) { fprintf(stderr, "corroborate: %s: cannot open directory\n", dir); return -1; }
  int bad = 0;
  for (size_t t = 0; t < nt; t++) {
    char sub[4096];
    snprintf(sub, sizeof sub, "%s/%s", dir, topics[t]);
    size_t nf;
    char **files = list_dir(sub, &nf);
    for (size_t k = 0; k < nf; k++) {
      char p[8192];
      snprintf(p, sizeof p, "%s/%s", sub, files[k]);
      if (strstr(files[k], ".xml") && read_meantime_doc(p, topics[t], it)) {
        fprintf(stderr, "corroborate: %s: cannot read\n", p);
        bad = 1;
      }
      free(files[k]);
    }
    free(files);
    free(topics[t]);
  }
  free(topics);
  return bad;
}

static int by_date(const void *a, const void *b) {
  const item *x = *(item *const *)a, *y = *(item *const *)b;
  int c = strcmp(x->published ? x->published : "", y->published ? y->published : "");
  return c ? c : (x->order > y->order) - (x->order < y->order);
}

/* Groups the items with gold % 2 == half (half -1: all) and prints one line of scores. */
static int run_half(const items *it, int half, const cb_group_opts *o, int file_order, const char *label) {
  item **sel = malloc((it->n ? it->n : 1) * sizeof *sel);
  long *pred = malloc((it->n ? it->n : 1) * sizeof *pred), *gold = malloc((it->n ? it->n : 1) * sizeof *gold);
  cb_grouper *g = cb_grouper_new(o);
  if (!sel || !pred || !gold || !g) { free(sel); free(pred); free(gold); cb_grouper_free(g); return -1; }
  size_t n = 0;
  for (size_t i = 0; i < it->n; i++)
    if (half < 0 || it->v[i].gold % 2 == half) sel[n++] = &it->v[i];
  if (!file_order) qsort(sel, n, sizeof *sel, by_date);
  for (size_t i = 0; i < n; i++) {
    cb_group_doc d = {sel[i]->title, sel[i]->text, strlen(sel[i]->text), sel[i]->published, sel[i]->outlet};
    long k = cb_grouper_add(g, &d);
    pred[i] = k >= 0 ? cb_grouper_story_of(g, (size_t)k) : -1 - (long)i;
    gold[i] = sel[i]->gold;
    cb_eval_progress("articles", i + 1, n);
  }
  cb_cluster_score s;
  cb_cluster_score_compute(pred, gold, n, &s);
  printf("%-26s %8zu %6zu %9zu   %6.3f %6.3f %6.3f   %6.3f %6.3f %6.3f\n", label, n, s.gold, s.predicted,
         s.b3_p, s.b3_r, s.b3_f1, s.pair_p, s.pair_r, s.pair_f1);
  cb_grouper_free(g);
  free(sel); free(pred); free(gold);
  return 0;
}

static void usage(FILE *out) {
  fprintf(out,
    "usage: corroborate eval stories FILE.jsonl [options]\n"
    "       corroborate eval stories --meantime DIR [options]\n\n"
    "Groups the records from scratch in memory and scores the stories against the gold\n"
    "`event` of each record: BCubed and pairwise precision/recall/F1, gold and predicted\n"
    "story counts; for the even events (development half), the odd ones (check half) and all.\n\n"
    "options:\n"
    "  --threshold X   cosine needed to join a story (default 0.15)\n"
    "  --window DAYS   time window, -1 for none (default 7)\n"
    "  --file-order    feed records in file order instead of publication order\n");
}

int cb_eval_stories(int argc, char **argv) {
  cb_group_opts o;
  cb_group_opts_default(&o);
  const char *path = NULL, *meantime = NULL;
  int file_order = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) { usage(stdout); return 0; }
    else if (!strcmp(argv[i], "--threshold") && i + 1 < argc) o.story_threshold = atof(argv[++i]);
    else if (!strcmp(argv[i], "--window") && i + 1 < argc) o.window_days = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--meantime") && i + 1 < argc) meantime = argv[++i];
    else if (!strcmp(argv[i], "--file-order")) file_order = 1;
    else if (argv[i][0] != '-' && !path) path = argv[i];
    else { usage(stderr); return 2; }
  }
  if (!path == !meantime) { usage(stderr); return 2; }
  items it = {0};
  int rc = meantime ? read_meantime(meantime, &it) : read_jsonl(path, &it);
  if (rc < 0 || it.n == 0) { items_free(&it); fprintf(stderr, "corroborate: no records to score\n"); return 1; }
  printf("%-26s %8s %6s %9s   %6s %6s %6s   %6s %6s %6s\n", "set", "articles", "gold", "predicted",
         "B3-P", "B3-R", "B3-F1", "pair-P", "pair-R", "pair-F1");
  if (!meantime) {
    run_half(&it, 0, &o, file_order, "dev (even events)");
    run_half(&it, 1, &o, file_order, "check (odd events)");
  }
  run_half(&it, -1, &o, file_order, "all");
  items_free(&it);
  return rc ? 1 : 0;
}
