/*
 * basil.h - test helper: the articles of ../shared/data/stories/basil-2010-2014.jsonl (title,
 * text, publication date, outlet and gold event), loaded in file order. Header-only; the
 * caller includes test.h, cJSON and stdio first.
 */
#ifndef CB_TEST_BASIL_H
#define CB_TEST_BASIL_H
#include <stdlib.h>
#include <string.h>

typedef struct basil { char *title, *text, *published, *outlet, *event; } basil;

/* Up to cap articles into v; returns how many (0 and a failed check when the data is missing). */
static size_t basil_load(basil *v, size_t cap) {
  FILE *f = fopen(CB_SHARED_DIR "/data/stories/basil-2010-2014.jsonl", "rb");
  if (!f) { CHECK(!"BASIL data missing"); return 0; }
  char *line = NULL;
  size_t lc = 0, n = 0;
  while (n < cap && getline(&line, &lc, f) > 0) {
    cJSON *o = cJSON_Parse(line);
    if (!o) continue;
    v[n].title = strdup(cJSON_GetObjectItem(o, "title")->valuestring);
    v[n].text = strdup(cJSON_GetObjectItem(o, "text")->valuestring);
    v[n].published = strdup(cJSON_GetObjectItem(o, "published")->valuestring);
    v[n].outlet = strdup(cJSON_GetObjectItem(o, "outlet")->valuestring);
    v[n].event = strdup(cJSON_GetObjectItem(o, "event")->valuestring);
    n++;
    cJSON_Delete(o);
  }
  free(line);
  fclose(f);
  return n;
}

static void basil_free(basil *v, size_t n) {
  for (size_t i = 0; i < n; i++) { free(v[i].title); free(v[i].text); free(v[i].published); free(v[i].outlet); free(v[i].event); }
}
#endif
