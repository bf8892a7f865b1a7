/*
 * html_timeline.c - the drawn timeline; see html_timeline.h. The axis spans the events
 * that have sources (an event without any cannot stretch it); bars are positioned in
 * percent of that span, clamped to the track.
 */
#include "report/html_timeline.h"
#include "report/html_esc.h"
#include "extract/timex_cal.h"
#include <stdint.h>

/* A day number (days since 1970-01-01) as YYYY-MM-DD. */
static void day_label(cb_buf *o, int32_t day) {
  cb_ymd c = cb_cal_date(day);
  cb_buf_printf(o, "%04d-%02d-%02d", c.y, c.m, c.d);
}

static int usable(const cb_event *ev) { return ev->day_lo <= ev->day_hi && ev->articles.n > 0; }

static double pct(int32_t day, int32_t lo, int32_t hi) {
  double p = hi > lo ? 100.0 * (day - lo) / (double)(hi - lo + 1) : 0;
  return p < 0 ? 0 : p > 100 ? 100 : p;
}

static void row(cb_buf *o, const cb_brief *b, const cb_event *ev, int32_t lo, int32_t hi) {
  cb_buf_puts(o, "<div class=\"row\"><div><b>");
  cb_html_str(o, ev->date, "?");
  cb_buf_puts(o, "</b> <span class=\"sub\">");
  cb_html_str(o, ev->precision, "");
  cb_buf_puts(o, "</span></div><div class=\"track\">");
  if (usable(ev)) {
    double left = pct(ev->day_lo, lo, hi), right = pct(ev->day_hi + 1, lo, hi);
    if (hi <= lo) right = 100;
    double width = right - left < 1 ? 1 : right - left;
    if (left + width > 100) left = 100 - width;
    cb_buf_printf(o, "<div class=\"bar %s\" style=\"left:%.2f%%;width:%.2f%%\" title=\"", ev->precision && ev->precision[0] == 'm' ? "month" : "day", left, width);
    cb_html_str(o, ev->date, "");
    cb_buf_puts(o, "\"></div>");
  }
  cb_buf_puts(o, "</div><div class=\"what\">");
  if (ev->surface) { cb_buf_puts(o, "<i>“"); cb_html_str(o, ev->surface, ""); cb_buf_puts(o, "”</i> — "); }
  cb_html_str(o, ev->what, "");
  for (size_t i = 0; i < ev->articles.n; i++)
    cb_buf_printf(o, " <a href=\"#art%lld\">[%lld]</a>", (long long)b->ids[ev->articles.v[i]], (long long)b->ids[ev->articles.v[i]]);
  cb_buf_puts(o, "</div></div>");
}

void cb_html_timeline(cb_buf *o, const cb_brief *b, const cb_story_brief *s) {
  if (!s->timeline.n) return;
  int32_t lo = INT32_MAX, hi = INT32_MIN;
  for (size_t i = 0; i < s->timeline.n; i++) {
    const cb_event *ev = &s->timeline.v[i];
    if (!usable(ev)) continue;
    if (ev->day_lo < lo) lo = ev->day_lo;
    if (ev->day_hi > hi) hi = ev->day_hi;
  }
  cb_buf_puts(o, "<h2>Timeline</h2><div class=\"tl\">");
  if (lo <= hi) {
    cb_buf_puts(o, "<div class=\"row axis\"><div></div><div class=\"ends\"><span>");
    day_label(o, lo);
    cb_buf_puts(o, "</span><span>");
    day_label(o, hi);
    cb_buf_puts(o, "</span></div><div></div></div>");
  }
  for (size_t i = 0; i < s->timeline.n; i++) row(o, b, &s->timeline.v[i], lo, hi);
  cb_buf_puts(o, "</div>");
}
