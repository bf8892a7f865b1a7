/*
 * gzstream.c - plain or multi-member gzip byte stream with constant memory (see
 * gzstream.h). Members are inflated one after the other (windowBits 16+MAX_WBITS,
 * restarted at each member end); after a corrupt or truncated member the stream looks for
 * the next gzip header and goes on from there.
 */
#include "ingest/gzstream.h"
#include "corroborate.h"
#include <string.h>

static long long in_pos(const cb_gzs *s) {
  return s->in_off + (long long)(s->z.next_in - s->in);
}

/* Tops up the compressed input buffer; 0 when the file has nothing more. */
static size_t refill_in(cb_gzs *s) {
  if (s->z.avail_in > 0 && s->z.next_in != s->in) memmove(s->in, s->z.next_in, s->z.avail_in);
  s->in_off = in_pos(s);
  s->z.next_in = s->in;
  size_t k = fread(s->in + s->z.avail_in, 1, CB_GZS_BUF - s->z.avail_in, s->f);
  s->z.avail_in += (uInt)k;
  return k;
}

int cb_gzs_open(cb_gzs *s, FILE *f) {
  memset(s, 0, sizeof *s);
  s->f = f;
  s->in_off = ftell(f) < 0 ? 0 : ftell(f);
  s->z.next_in = s->in;
  refill_in(s);
  s->gz = s->z.avail_in >= 2 && s->in[0] == 0x1f && s->in[1] == 0x8b;
  if (s->gz) {
    if (inflateInit2(&s->z, 16 + MAX_WBITS) != Z_OK) return CB_ENOMEM;
    s->zready = 1;
  }
  return CB_OK;
}

void cb_gzs_close(cb_gzs *s) {
  if (s->zready) inflateEnd(&s->z);
  s->zready = 0;
}

static void gz_error(cb_gzs *s, const char *what) {
  s->errors++;
  s->stalled = 1;
  snprintf(s->err, sizeof s->err, "%s in the gzip member at offset %lld", what, s->member);
}

/* Skips compressed input up to the next gzip header (1f 8b 08); 0 if none is left. */
static int seek_next_member(cb_gzs *s) {
  /* Look again from just after the start of the bad member when the file can seek (a
   * cut member is followed by a whole one that inflate may have swallowed). */
  if (fseek(s->f, s->member + 1, SEEK_SET) == 0) {
    s->in_off = s->member + 1;
    s->z.next_in = s->in;
    s->z.avail_in = 0;
  } else if (s->z.avail_in > 0) { s->z.next_in++; s->z.avail_in--; }
  for (;;) {
    while (s->z.avail_in >= 3) {
      const unsigned char *p = s->z.next_in;
      if (p[0] == 0x1f && p[1] == 0x8b && p[2] == 0x08) {
        s->member = in_pos(s);
        inflateReset(&s->z);
        return 1;
      }
      s->z.next_in++; s->z.avail_in--;
    }
    if (refill_in(s) == 0) return 0;
  }
}

/* Inflates the next stretch of output; bytes of one member only per call. */
static void fill_gz(cb_gzs *s) {
  s->out_pos = s->out_len = 0;
  s->out_member = s->member;
  while (s->out_len == 0 && !s->eof) {
    if (s->z.avail_in == 0 && refill_in(s) == 0) {
      /* End of file: fine between members, a truncation inside one. */
      if (s->z.total_in > 0 || s->z.total_out > 0) gz_error(s, "truncated data");
      s->eof = 1;
      return;
    }
    s->z.next_out = s->out;
    s->z.avail_out = CB_GZS_BUF;
    int r = inflate(&s->z, Z_NO_FLUSH);
    s->out_len = CB_GZS_BUF - s->z.avail_out;
    if (r == Z_STREAM_END) {
      s->member = in_pos(s);
      inflateReset(&s->z);
      if (s->out_len) return;
      s->out_member = s->member;
    } else if (r == Z_DATA_ERROR || r == Z_NEED_DICT || r == Z_MEM_ERROR) {
      gz_error(s, r == Z_MEM_ERROR ? "out of memory" : "corrupt data");
      s->out_len = 0;  /* drop the bad member's tail */
      if (!seek_next_member(s)) s->eof = 1;
      s->out_member = s->member;
      return;
    } else if (r == Z_BUF_ERROR && s->z.avail_in > 0) {
      gz_error(s, "corrupt data");
      s->out_len = 0;
      if (!seek_next_member(s)) s->eof = 1;
      return;
    }
  }
}

static void fill_plain(cb_gzs *s) {
  s->out_pos = 0;
  s->out_member = s->pos;
  if (s->z.avail_in > 0) {
    memcpy(s->out, s->z.next_in, s->z.avail_in);
    s->out_len = s->z.avail_in;
    s->z.avail_in = 0;
    return;
  }
  s->out_len = fread(s->out, 1, CB_GZS_BUF, s->f);
  if (s->out_len == 0) s->eof = 1;
}

void cb_gzs_resume(cb_gzs *s) { s->stalled = 0; }

static int fill(cb_gzs *s) {
  if (s->out_pos < s->out_len) return 1;
  if (s->stalled) return 0;
  if (s->eof) return 0;
  if (s->gz) fill_gz(s); else fill_plain(s);
  return s->out_pos < s->out_len;
}

int cb_gzs_peek(cb_gzs *s) {
  return fill(s) ? s->out[s->out_pos] : -1;
}

int cb_gzs_getc(cb_gzs *s) {
  if (!fill(s)) return -1;
  s->pos++;
  return s->out[s->out_pos++];
}

size_t cb_gzs_read(cb_gzs *s, char *dst, size_t n) {
  size_t got = 0;
  while (got < n && fill(s)) {
    size_t k = s->out_len - s->out_pos;
    if (k > n - got) k = n - got;
    if (dst) memcpy(dst + got, s->out + s->out_pos, k);
    s->out_pos += k;
    s->pos += (long long)k;
    got += k;
  }
  return got;
}

long cb_gzs_getline(cb_gzs *s, char *buf, size_t cap) {
  size_t len = 0;
  int c = cb_gzs_getc(s);
  if (c < 0) return -1;
  while (c >= 0 && c != '\n') {
    if (len + 1 < cap) buf[len++] = (char)c;
    c = cb_gzs_getc(s);
  }
  if (len > 0 && buf[len - 1] == '\r') len--;
  if (cap) buf[len] = 0;
  return (long)len;
}

long long cb_gzs_tell(cb_gzs *s) {
  if (!fill(s)) return s->gz ? s->member : s->pos;
  return s->gz ? s->out_member : s->out_member + (long long)s->out_pos;
}
