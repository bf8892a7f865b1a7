/*
 * html_score.c - chooses the container that holds the article text, in the manner of
 * Readability: every paragraph (a block with at least 25 characters of its own text) gives
 * its ancestors points for length and commas, less for each level up and less when its
 * text is links; containers start from their tag and their class/id weight; the final
 * score is damped by the container's link density. The best container may be widened to
 * an ancestor that holds several near-best ones, and its siblings join when they score
 * well or read like prose. All passes are linear in the number of nodes.
 */
#include "ingest/html.h"
#include <stdlib.h>
#include <string.h>

#define MIN_PARA_CHARS 25
#define TOP_N 5

/* Characters (not bytes, not spaces) and commas of a text node. */
static void count_text(const cb_hdoc *d, cb_hnode *x) {
  const unsigned char *s = (const unsigned char *)d->text + x->text_off;
  uint32_t chars = 0, commas = 0;
  for (uint32_t i = 0; i < x->text_len; i++) {
    unsigned char c = s[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || (c & 0xC0) == 0x80) continue;
    chars++;
    commas += c == ',';
  }
  x->chars = chars;
  x->commas = commas;
  x->link_chars = x->in_link ? chars : 0;
}

static int excluded(const cb_hnode *x) {
  return x->hidden || cb_htag_is_skipped(x->tag);
}

/* Bottom-up sums: chars, link chars and commas of each subtree; paras: the element has
 * a block child. Node order is pre-order, so a
 * reverse sweep visits children before parents. */
static void sum_up(cb_hdoc *d) {
  for (uint32_t i = d->nnodes; i-- > 1;) {
    cb_hnode *x = &d->nodes[i];
    if (x->tag == HT_TEXT) count_text(d, x);
    if (excluded(x)) continue;
    cb_hnode *p = &d->nodes[x->parent];
    p->chars += x->chars;
    p->link_chars += x->link_chars;
    p->commas += x->commas;
    if (x->tag != HT_TEXT && cb_htag_is_block(x->tag)) p->paras = 1;   /* parent has a block child */
  }
}

static float tag_start(int tag) {
  switch (tag) {
  case HT_DIV: case HT_ARTICLE: case HT_MAIN: return 5;
  case HT_PRE: case HT_TD: case HT_BLOCKQUOTE: return 3;
  case HT_ADDRESS: case HT_OL: case HT_UL: case HT_DL: case HT_DD: case HT_DT: case HT_LI:
  case HT_FORM: return -3;
  case HT_H1: case HT_H2: case HT_H3: case HT_H4: case HT_H5: case HT_H6: case HT_TH: return -5;
  default: return 0;
  }
}

static void make_candidate(cb_hnode *x) {
  if (x->candidate) return;
  x->candidate = 1;
  /* a content-like class/id counts in full only on a box with real text in it */
  float w = x->weight;
  if (w > 0 && x->chars < 500) w *= (float)x->chars / 500;
  x->score = tag_start(x->tag) + w;
}

/* Gives one paragraph's points to up to five ancestors, starting at a. */
static void give_points(cb_hdoc *d, uint32_t a, uint32_t chars, uint32_t commas, uint32_t links) {
  if (chars < MIN_PARA_CHARS) return;
  float ld = (float)links / (float)chars;
  if (ld > 0.5f) return;
  float pts = (1 + (float)commas + (float)(chars / 100 > 3 ? 3 : chars / 100)) * (1 - ld);
  for (int level = 0; a && level < 5; level++, a = d->nodes[a].parent) {
    cb_hnode *anc = &d->nodes[a];
    if (anc->tag == HT_HTML || anc->tag == HT_OTHER) break;
    make_candidate(anc);
    anc->score += level == 0 ? pts : level == 1 ? pts / 2 : pts / (float)(level * 3);
  }
}

/* The paragraphs of a block: runs of its own inline content, split at nested blocks and
 * at double line breaks (<br><br>), as Readability turns them into <p>s. A block that is
 * one paragraph gives points from its parent up; a block holding several (or nested
 * blocks) is itself their container. */
static void score_block(cb_hdoc *d, uint32_t b) {
  uint32_t seg[3] = {0, 0, 0}, nseg = 0, brs = 0;
  struct { uint32_t c, m, l; } units[64];
  uint32_t nunits = 0;
  int split = 0;
  for (uint32_t k = d->nodes[b].first;; k = d->nodes[k].next) {
    const cb_hnode *c = k ? &d->nodes[k] : NULL;
    int end = !c || (c->tag == HT_BR && ++brs >= 2) || (c->tag != HT_TEXT && cb_htag_is_block(c->tag) && !excluded(c));
    if (c && !end && c->tag != HT_BR && !excluded(c)) {
      seg[0] += c->chars; seg[1] += c->commas; seg[2] += c->link_chars;
      if (c->chars) brs = 0;
    }
    if (end) {
      if (c) split = 1;
      if (seg[0] >= MIN_PARA_CHARS && nunits < 64) {
        units[nunits].c = seg[0]; units[nunits].m = seg[1]; units[nunits].l = seg[2];
        nunits++;
      }
      nseg += seg[0] > 0;
      seg[0] = seg[1] = seg[2] = 0;
      brs = 0;
    }
    if (!c) break;
  }
  uint32_t to = split && nseg > 1 ? b : d->nodes[b].parent;
  if (split && d->nodes[b].paras) to = b;
  for (uint32_t i = 0; i < nunits; i++) give_points(d, to, units[i].c, units[i].m, units[i].l);
}

static void score_paragraphs(cb_hdoc *d, int strict) {
  for (uint32_t i = 1; i < d->nnodes; i++) {
    cb_hnode *x = &d->nodes[i];
    if (x->tag == HT_TEXT || !cb_htag_is_block(x->tag) || excluded(x)) continue;
    if (x->weight < 0 || (strict && x->unlikely)) continue;
    score_block(d, i);
  }
}

static int is_ancestor(const cb_hdoc *d, uint32_t anc, uint32_t k) {
  for (; k; k = d->nodes[k].parent) if (k == anc) return 1;
  return 0;
}

static uint32_t find_body(const cb_hdoc *d) {
  for (uint32_t i = 1; i < d->nnodes; i++) if (d->nodes[i].tag == HT_BODY) return i;
  return 0;
}

/* The best candidates, best first; returns how many. */
static int top_candidates(cb_hdoc *d, uint32_t *top) {
  int n = 0;
  for (uint32_t i = 1; i < d->nnodes; i++) {
    cb_hnode *x = &d->nodes[i];
    if (!x->candidate) continue;
    x->score *= 1 - (x->chars ? (float)x->link_chars / (float)x->chars : 0);
    int k = n < TOP_N ? n++ : TOP_N;
    if (k == TOP_N && x->score <= d->nodes[top[TOP_N - 1]].score) continue;
    if (k == TOP_N) k = TOP_N - 1;
    while (k > 0 && d->nodes[top[k - 1]].score < x->score) { top[k] = top[k - 1]; k--; }
    top[k] = i;
  }
  return n;
}

/* Moves up to an ancestor that holds at least three near-best candidates, then up while
 * the parent scores higher, then through wrappers that hold nothing else. */
static uint32_t widen(cb_hdoc *d, uint32_t best, const uint32_t *top, int ntop, uint32_t body) {
  float s = d->nodes[best].score;
  int alts = 0;
  for (int i = 1; i < ntop; i++) alts += d->nodes[top[i]].score >= 0.75f * s;
  if (alts >= 3) {
    for (uint32_t p = d->nodes[best].parent; p && p != body; p = d->nodes[p].parent) {
      int held = 0;
      for (int i = 1; i < ntop; i++) held += d->nodes[top[i]].score >= 0.75f * s && is_ancestor(d, p, top[i]);
      if (held >= 3) { best = p; break; }
    }
  }
  float last = d->nodes[best].score, floor = last / 3;
  for (uint32_t p = d->nodes[best].parent; p && p != body; p = d->nodes[p].parent) {
    if (!d->nodes[p].candidate) continue;
    if (d->nodes[p].score < floor) break;
    if (d->nodes[p].score > last) { best = p; break; }
    last = d->nodes[p].score;
  }
  for (uint32_t p = d->nodes[best].parent; p && p != body && d->nodes[p].chars == d->nodes[best].chars;
       p = d->nodes[p].parent)
    best = p;
  return best;
}

static int same_class(const cb_hnode *a, const cb_hnode *b) {
  return a->class_hash && a->class_hash == b->class_hash;
}

/* Ends like a sentence: the node's last text byte is '.', '!', '?' or a closing quote. */
static int ends_sentence(const cb_hdoc *d, uint32_t node) {
  uint32_t last = 0;
  for (uint32_t k = d->nodes[node].first; k; k = cb_html_next(d, k, node, 1))
    if (d->nodes[k].tag == HT_TEXT && d->nodes[k].chars) last = k;
  if (!last) return 0;
  const cb_hnode *t = &d->nodes[last];
  for (uint32_t i = t->text_len; i-- > 0;) {
    char c = d->text[t->text_off + i];
    if (c == ' ' || c == '\n') continue;
    return c == '.' || c == '!' || c == '?' || c == '"' || (unsigned char)c == 0x9D;
  }
  return 0;
}

/* Marks the best container and the siblings that belong with it. */
static int keep_siblings(cb_hdoc *d, uint32_t best) {
  cb_hnode *b = &d->nodes[best];
  uint32_t parent = b->parent;
  if (!parent || b->tag == HT_BODY) { b->keep = 1; return 1; }
  float threshold = b->score * 0.2f > 10 ? b->score * 0.2f : 10;
  int kept = 0;
  for (uint32_t k = d->nodes[parent].first; k; k = d->nodes[k].next) {
    cb_hnode *s = &d->nodes[k];
    if (k == best) { s->keep = 1; kept++; continue; }
    if (s->tag == HT_TEXT || excluded(s) || s->chars == 0) continue;
    float bonus = same_class(s, b) ? b->score * 0.2f : 0;
    float links = (float)s->link_chars / (float)s->chars;
    int join = s->candidate && s->score + bonus >= threshold && s->weight >= 0;
    /* a paragraph, or a box with only inline text (a standfirst), that reads like prose */
    if (!join && (s->tag == HT_P || (!s->paras && cb_htag_is_block(s->tag) && !(s->tag >= HT_H1 && s->tag <= HT_H6))) &&
        s->weight >= 0)
      join = (s->chars > 80 && links < 0.25f) || (s->chars <= 80 && links == 0 && ends_sentence(d, k));
    if (join) { s->keep = 1; kept++; }
  }
  return kept;
}

static void mark_unlikely(cb_hdoc *d) {
  for (uint32_t i = 1; i < d->nnodes; i++) {
    cb_hnode *x = &d->nodes[i];
    x->unlikely = d->nodes[x->parent].unlikely || (x->weight < 0 && x->tag != HT_BODY && x->tag != HT_HTML);
  }
}

static void reset_scores(cb_hdoc *d) {
  for (uint32_t i = 0; i < d->nnodes; i++) { d->nodes[i].candidate = 0; d->nodes[i].score = 0; d->nodes[i].keep = 0; }
}

/* One round of choosing; strict: paragraphs inside boilerplate boxes do not count.
 * Returns the number of kept containers, *kept_chars their characters. */
static int choose_round(cb_hdoc *d, int strict, uint32_t *kept_chars) {
  score_paragraphs(d, strict);
  uint32_t top[TOP_N];
  int ntop = top_candidates(d, top);
  uint32_t body = find_body(d);
  *kept_chars = 0;
  if (ntop == 0) {
    uint32_t root = body ? body : 1;
    d->nodes[root].keep = 1;
    *kept_chars = d->nodes[root].chars;
    return strict ? 0 : 1;
  }
  uint32_t best = widen(d, top[0], top, ntop, body);
  int n = keep_siblings(d, best);
  for (uint32_t i = 1; i < d->nnodes; i++) if (d->nodes[i].keep == 1) *kept_chars += d->nodes[i].chars;
  return n;
}

int cb_html_choose(cb_hdoc *d, const char *article_body) {
  (void)article_body;
  if (d->nnodes < 2) return 0;
  sum_up(d);
  mark_unlikely(d);
  uint32_t chars = 0;
  int n = choose_round(d, 1, &chars);
  if (n && chars >= 250) return n;
  reset_scores(d);
  return choose_round(d, 0, &chars);
}
