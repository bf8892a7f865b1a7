/*
 * test_quote.c - quotations and their speakers: the seed-story checks on
 * CB_SHARED_DIR/corpus/seeds, one regression test per known trap (cue verbs other than
 * "said", quotes over paragraph breaks, unknown speakers), and odd input.
 */
#include "test.h"
#include "corroborate.h"
#include "extract/quote.h"
#include "core/buf.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

static char *read_seed(const char *prefix, size_t *n) {
  char dir[1024], path[2048];
  snprintf(dir, sizeof dir, "%s/corpus/seeds", CB_SHARED_DIR);
  DIR *d = opendir(dir);
  if (!d) return NULL;
  path[0] = 0;
  for (struct dirent *e; (e = readdir(d));)
    if (strncmp(e->d_name, prefix, strlen(prefix)) == 0) snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
  closedir(d);
  FILE *f = path[0] ? fopen(path, "rb") : NULL;
  if (!f) return NULL;
  char *b = malloc(1 << 20);
  *n = b ? fread(b, 1, (1 << 20) - 1, f) : 0;
  fclose(f);
  return b;
}

/* The quote of text whose words start with `start`, or NULL. */
static const cb_quote *find(const char *text, const cb_quote *q, size_t n, const char *start) {
  for (size_t i = 0; i < n; i++)
    if (strncmp(text + q[i].inner_start, start, strlen(start)) == 0) return &q[i];
  return NULL;
}

static const char *speaker_of(cb_arena *a, const char *text, const char *start) {
  cb_quote *q;
  size_t n = cb_quote_extract(a, text, strlen(text), &q);
  const cb_quote *x = find(text, q, n, start);
  return x && x->speaker ? x->speaker : "(none)";
}

static void check_seed(const char *file, const char *start, const char *want, cb_speaker_how how) {
  size_t n = 0;
  char *text = read_seed(file, &n);
  CHECK(text != NULL);
  if (!text) return;
  cb_arena *a = cb_arena_new(0);
  cb_quote *q;
  size_t k = cb_quote_extract(a, text, n, &q);
  const cb_quote *x = find(text, q, k, start);
  CHECK(x != NULL);
  if (x) {
    CHECK_STR(x->speaker, want);
    CHECK_INT(x->how, how);
  }
  cb_arena_free(a);
  free(text);
}

static void test_seeds(void) {
  check_seed("000", "I received a phone call", "Nicolas Maduro", CB_SPEAKER_NAME);
  check_seed("003", "I spoke with the President of the United States", "Nicolas Maduro", CB_SPEAKER_NAME);
  check_seed("003", "If this call means", "Nicolas Maduro", CB_SPEAKER_ROLE);
  check_seed("000", "I don't know what they have", "Donald Trump", CB_SPEAKER_PRONOUN);
  check_seed("004", "The land is easier", "Donald Trump", CB_SPEAKER_NAME);
}

/* Trap: quotes lost when the cue verb is not "said". */
static void test_other_cues(void) {
  cb_arena *a = cb_arena_new(0);
  CHECK_STR(speaker_of(a, "\"We will not back down,\" Senator Jane Ortiz stressed on Monday.", "We will"), "Jane Ortiz");
  CHECK_STR(speaker_of(a, "\xE2\x80\x9CNo,\xE2\x80\x9D replied Governor Tom Reyes.", "No,"), "Tom Reyes");
  CHECK_STR(speaker_of(a, "Ana Ruiz told reporters: \"The vote is on Friday.\"", "The vote"), "Ana Ruiz");
  CHECK_STR(speaker_of(a, "\"The talks failed,\" according to Pedro Lima.", "The talks"), "Pedro Lima");
  CHECK_STR(speaker_of(a, "Mary Poe spoke first. \"It is late,\" she added.", "It is late"), "Mary Poe");
  CHECK_STR(speaker_of(a, "\"Nothing changed,\" Khizr Khan, 66, wrote in a letter.", "Nothing"), "Khizr Khan");
  CHECK_STR(speaker_of(a, "The paper reported the call, which Ed Moe later affirmed, saying, \"the answer is yes\".",
                       "the answer"), "Ed Moe");
  CHECK_STR(speaker_of(a, "\"The vote is over,\" the US State Department announced.", "The vote"), "US State Department");
  CHECK_STR(speaker_of(a, "\"It is fine,\" Secretary of State Marco Rubio said.", "It is"), "Marco Rubio");
  CHECK_STR(speaker_of(a, "\"I will run,\" said Jason Gilbert of Cheyenne.", "I will"), "Jason Gilbert");
  CHECK_STR(speaker_of(a, "Senator Ruth Kang responded:\n\n\"We were never told about the plan.\"", "We were"), "Ruth Kang");
  CHECK_STR(speaker_of(a, "\"It has to stop now, for all of us.\"\n\n- Michelle Marks, Philadelphia.", "It has"),
            "Michelle Marks");
  cb_arena_free(a);
}

/* Speaker fixes found on the PolNeAR train half, one general cause each. */
static void test_speaker_rules(void) {
  cb_arena *a = cb_arena_new(0);
  /* a no-break space between the name and the cue is a space */
  CHECK_STR(speaker_of(a, "\"It is late,\" Bob\xC2\xA0Woodward\xC2\xA0told the crowd.", "It is"), "Bob Woodward");
  /* a listed cue wins over an -ed word before it; an -ed verb right after the quote takes a name */
  CHECK_STR(speaker_of(a, "\"It is late,\" the retired surgeon said.", "It is"), "the retired surgeon");
  CHECK_STR(speaker_of(a, "\"It is late,\" exhorted actress Jamie Lee Curtis.", "It is"), "Jamie Lee Curtis");
  /* a participle cue or a colon with no speaker next to it: the sentence's subject */
  CHECK_STR(speaker_of(a, "Mary Poe spoke. She followed that by saying, \"It is late.\"", "It is"), "Mary Poe");
  CHECK_STR(speaker_of(a, "Senator Ruth Kang then addressed the crowd: \"We stay.\"", "We stay"), "Ruth Kang");
  CHECK_STR(speaker_of(a, "POLLS RISE IN IOWA:\n\n\"We stay here all year long.\"", "We stay"), "(none)");
  /* abbreviated titles and party tags around the name; continuation after them */
  CHECK_STR(speaker_of(a, "\"I left,\" said Army Capt. Chris Pardo, who quit.", "I left"), "Chris Pardo");
  const char *t = "\"No one worries,\" Sen. Chuck Schumer (D-N.Y.) said Tuesday. \"If they did, they should answer.\"";
  CHECK_STR(speaker_of(a, t, "No one"), "Chuck Schumer");
  CHECK_STR(speaker_of(a, t, "If they"), "Chuck Schumer");
  CHECK_STR(speaker_of(a, "Rep. Trey Gowdy (R-S.C.): \"I have not heard that figure.\"", "I have"), "Trey Gowdy");
  /* an unnamed role stays a description, never the previous speaker */
  CHECK_STR(speaker_of(a, "\"Yes,\" Ann Lee said.\n\n\"It was sent,\" a campaign spokesman said.", "It was"),
            "a campaign spokesman");
  /* a quote paragraph with no cue takes the speaker of the quote opening the next paragraph */
  CHECK_STR(speaker_of(a, "Ann Lee is upbeat.\n\n\"Cruz can win in November.\"\n\n\"He unites,\" Ted Moe notes.", "Cruz"),
            "Ted Moe");
  /* an inverted "asked X" after the quote: X asks */
  CHECK_STR(speaker_of(a, "\"Why now?\" asked Sen. Barbara Mikulski of Maryland.", "Why now"), "Barbara Mikulski");
  /* initials, state and party tags do not end the sentence */
  CHECK_STR(speaker_of(a, "\"It is gaming,\" Senate Minority Leader Harry M. Reid (D-Nev.) said.", "It is"), "Harry M. Reid");
  CHECK_STR(speaker_of(a, "Mitch McConnell, R-Ky., sent a message to Trump:\n\n\"It is time to quit.\"", "It is"),
            "Mitch McConnell");
  CHECK_STR(speaker_of(a, "\"These are dark days,\" former George W. Bush aide Noam Neusner wrote.", "These"), "Noam Neusner");
  CHECK_STR(speaker_of(a, "In Berea, OH, Gov. John Kasich (R-OH), said, \"I am getting ready.\"", "I am"), "John Kasich");
  /* more cue verbs: "as X puts it", "the ad states" */
  CHECK_STR(speaker_of(a, "As The Post's Dana Milbank puts it, \"Republicans are unmoved.\"", "Republicans"), "Dana Milbank");
  CHECK_STR(speaker_of(a, "\"I will plead guilty,\" the United States attorney said.", "I will"), "the United States attorney");
  /* a title woven into the sentence is no quote */
  CHECK_STR(speaker_of(a, "Speaking on Fox News\xE2\x80\x99 \"Sunday Morning Futures,\" Trump said he would win.", "Sunday"),
            "(none)");
  /* a name in apposition to a description, a possessive inside the phrase */
  CHECK_STR(speaker_of(a, "\"We won,\" Ed Moe's campaign manager, Jeff Weaver, said.", "We won"), "Jeff Weaver");
  CHECK_STR(speaker_of(a, "\"We won,\" Jeff Weaver, Sanders\xE2\x80\x99 campaign manager, said.", "We won"), "Jeff Weaver");
  cb_arena_free(a);
}

static cb_speaker_how how_of(cb_arena *a, const char *text, const char *start) {
  cb_quote *q;
  size_t n = cb_quote_extract(a, text, strlen(text), &q);
  const cb_quote *x = find(text, q, n, start);
  return x ? x->how : CB_SPEAKER_UNKNOWN;
}

/* "he said", "she added": the subject of the last sentence that names a person. */
static void test_pronoun_speakers(void) {
  cb_arena *a = cb_arena_new(0);
  /* the subject, not the person named last */
  const char *t = "Mayor Tom Reyes met Carla Ortiz at the depot on Friday.\n\n"
                  "\"We agreed on the route,\" he said.";
  CHECK_STR(speaker_of(a, t, "We agreed"), "Tom Reyes");
  CHECK_INT(how_of(a, t, "We agreed"), CB_SPEAKER_PRONOUN);
  /* "..., said Harvey, who backed Cruz": the speaker comes first in the sentence */
  t = "\"We show up,\" said Dan Harvey, who backed Ted Cruz and Rand Paul.\n\n\"We stay,\" he said.";
  CHECK_STR(speaker_of(a, t, "We stay"), "Dan Harvey");
  /* a sentence whose subject is "she" passes on whom "she" stands for */
  t = "Nora Webb toured the plant. Though she did not name Sam Cole, she praised his crew.\n\n"
      "\"They built it fast,\" she said.";
  CHECK_STR(speaker_of(a, t, "They built"), "Nora Webb");
  /* a subject "he" before the last name: "she" is the other person */
  t = "Lars Berg opened the hearing. He was joined by Ines Pardo, a county lawyer.\n\n"
      "\"The rules hold,\" she said.";
  CHECK_STR(speaker_of(a, t, "The rules"), "Ines Pardo");
  /* organisations and places are no one's antecedent */
  t = "Paul Ames left the Acme Widget Company for the Port Authority.\n\n\"I needed a change,\" he said.";
  CHECK_STR(speaker_of(a, t, "I needed"), "Paul Ames");
  cb_arena_free(a);
}

/* Negative cases: two people in one sentence, or no one at all. */
static void test_pronoun_negatives(void) {
  cb_arena *a = cb_arena_new(0);
  /* two people named, neither a subject before a verb: the stated rule takes the first */
  const char *t = "After the vote, Rita Gomez and Omar Haddad left the hall.\n\n\"It went well,\" he said.";
  CHECK_STR(speaker_of(a, t, "It went"), "Rita Gomez");
  /* the subject of a sentence that names a person in a prepositional phrase stays its subject */
  t = "Kim Sato wrote to Joe Pratt about the budget.\n\n\"It is short,\" she said.";
  CHECK_STR(speaker_of(a, t, "It is short"), "Kim Sato");
  /* only places and organisations before "he": unresolved */
  t = "The storm hit Galveston and the Texas Department of Transportation closed roads.\n\n"
      "\"We were lucky,\" he said.";
  CHECK_STR(speaker_of(a, t, "We were"), "(none)");
  CHECK_INT(how_of(a, t, "We were"), CB_SPEAKER_PRONOUN);
  cb_arena_free(a);
}

/* "the governor said": the last person named with that title or role. */
static void test_title_speakers(void) {
  cb_arena *a = cb_arena_new(0);
  const char *t = "Gov. Tom Reyes signed the bill. Sen. Ann Lee voted against it.\n\n"
                  "\"It was overdue,\" the governor said.";
  CHECK_STR(speaker_of(a, t, "It was"), "Tom Reyes");
  CHECK_INT(how_of(a, t, "It was"), CB_SPEAKER_ROLE);
  /* a role given by an appositive */
  t = "Jen Holt, the county press secretary, took questions. \"No comment,\" the press secretary said.";
  CHECK_STR(speaker_of(a, t, "No comment"), "Jen Holt");
  t = "Ann Lee, a spokeswoman for the party, was there.\n\n\"It is late,\" the spokeswoman said.";
  CHECK_STR(speaker_of(a, t, "It is late"), "Ann Lee");
  /* two senators: the one whose words fit the description, else the one named last */
  t = "Florida Sen. Mark Bell and Sen. Lisa Ford of Vermont spoke.\n\n\"We stay,\" the Florida senator said. "
      "\"We go,\" the Vermont senator said. \"Both,\" the senator said.";
  CHECK_STR(speaker_of(a, t, "We stay"), "Mark Bell");
  CHECK_STR(speaker_of(a, t, "We go"), "Lisa Ford");
  CHECK_STR(speaker_of(a, t, "Both"), "Lisa Ford");
  /* the role opens the sentence of a participle cue */
  t = "Sen. Ed Voss lost. The Ohio senator emailed backers saying: \"The fight goes on.\"";
  CHECK_STR(speaker_of(a, t, "The fight"), "Ed Voss");
  /* indefinite: someone new, not the holder */
  t = "Gov. Tom Reyes spoke.\n\n\"It is done,\" a governor said.";
  CHECK_STR(speaker_of(a, t, "It is done"), "a governor");
  cb_arena_free(a);
}

/* "the businessman said", "the candidate said": no one holds the title, the person the
 * sentences before are about. */
static void test_description_speakers(void) {
  cb_arena *a = cb_arena_new(0);
  const char *t = "Real estate developer Victor Lang toured the site on Monday.\n\n"
                  "\"We will build here,\" the businessman said.";
  CHECK_STR(speaker_of(a, t, "We will"), "Victor Lang");
  CHECK_INT(how_of(a, t, "We will"), CB_SPEAKER_ROLE);
  /* a description that names no role stays what it says */
  t = "Victor Lang toured the site.\n\n\"It floods,\" a neighbour said.";
  CHECK_STR(speaker_of(a, t, "It floods"), "a neighbour");
  cb_arena_free(a);
}

/* Speakers across paragraphs and sentences. */
static void test_continuation(void) {
  cb_arena *a = cb_arena_new(0);
  /* a quote paragraph with no cue goes on with the quote before it */
  const char *t = "\"The budget is fair,\" Lena Marsh said.\n\n\"Every district gets its share.\"";
  CHECK_STR(speaker_of(a, t, "Every"), "Lena Marsh");
  CHECK_INT(how_of(a, t, "Every"), CB_SPEAKER_CONTINUED);
  /* ... or with the person the paragraph before is about, when no quote is there */
  t = "Mayor Lena Marsh spoke only briefly at the meeting.\n\n\"We have to act.\" \"We have no choice.\"";
  CHECK_STR(speaker_of(a, t, "We have to"), "Lena Marsh");
  CHECK_STR(speaker_of(a, t, "We have no"), "Lena Marsh");
  /* not over two paragraphs */
  t = "Mayor Lena Marsh spoke.\n\nThe council met later.\n\n\"We have to act now, all of us.\"";
  CHECK_STR(speaker_of(a, t, "We have"), "(none)");
  /* the cue of a quote in the next sentence's pronoun and verb, any verb after a pronoun */
  t = "Lena Marsh took the floor.\n\n\"Taxes will rise,\" she went on. \"Nobody likes it.\"";
  CHECK_STR(speaker_of(a, t, "Taxes"), "Lena Marsh");
  CHECK_STR(speaker_of(a, t, "Nobody"), "Lena Marsh");
  /* a verb in -s after a name; a quote with an adjunct before ", he said" */
  CHECK_STR(speaker_of(a, "\"Voters reject insiders,\" Viguerie notes.", "Voters"), "Viguerie");
  t = "Ray Dunn spoke last.\n\n\"We are alive\" at this convention, he said.";
  CHECK_STR(speaker_of(a, t, "We are"), "Ray Dunn");
  /* a fragment woven into the sentence gets no speaker from a pronoun after it */
  t = "Ray Dunn called the plan \"bold\" in a memo, he said.";
  CHECK(how_of(a, t, "bold") != CB_SPEAKER_PRONOUN);
  /* a name before a colon, alone or after a dash; a subject and its verb before a colon */
  CHECK_STR(speaker_of(a, "Ana Ruiz:\n\n\"The vote is on Friday.\"", "The vote"), "Ana Ruiz");
  CHECK_STR(speaker_of(a, "POLLS TIGHTEN - Ana Ruiz: \"The race is close.\"", "The race"), "Ana Ruiz");
  CHECK_STR(speaker_of(a, "Asked about it, he demurred: \"Not now.\"", "Not now"), "(none)");
  CHECK_INT(how_of(a, "Asked about it, he demurred: \"Not now.\"", "Not now"), CB_SPEAKER_PRONOUN);
  CHECK_STR(speaker_of(a, "It hits them where they live: \"Crime is up.\"", "Crime"), "(none)");
  cb_arena_free(a);
}

/* Trap: multi-paragraph quotes broken. */
static void test_paragraphs(void) {
  cb_arena *a = cb_arena_new(0);
  const char *t = "\xE2\x80\x9CThe first part ends here.\n\n\xE2\x80\x9CThe second part goes on,\xE2\x80\x9D "
                  "Mayor Lee Chan said.\n\nNext paragraph.";
  cb_quote *q;
  size_t n = cb_quote_extract(a, t, strlen(t), &q);
  CHECK_INT(n, 1);
  if (n == 1) {
    CHECK_INT(q[0].start, 0);
    CHECK_INT(q[0].paragraphs, 2);
    CHECK(strncmp(t + q[0].end - 6, "on,\xE2\x80\x9D", 6) == 0);
    CHECK_STR(q[0].speaker, "Lee Chan");
    CHECK_STR(q[0].cue, "said");
  }
  const char *u = "\"An open quote that never closes\n\nA new paragraph without a mark.";
  CHECK_INT(cb_quote_extract(a, u, strlen(u), &q), 0);
  cb_arena_free(a);
}

/* Trap: unknown speakers are reported as unknown, not invented. */
static void test_unknown(void) {
  cb_arena *a = cb_arena_new(0);
  const char *t = "The sign on the wall read nothing.\n\n\"This is a complete sentence with no cue at all.\"";
  cb_quote *q;
  size_t n = cb_quote_extract(a, t, strlen(t), &q);
  CHECK_INT(n, 1);
  if (n == 1) {
    CHECK(q[0].speaker == NULL);
    CHECK_INT(q[0].how, CB_SPEAKER_UNKNOWN);
    CHECK_INT(q[0].partial, 0);
  }
  cb_arena_free(a);
}

static void test_partial_and_marks(void) {
  cb_arena *a = cb_arena_new(0);
  const char *t = "Lopez called the plan \xE2\x80\x9C" "a slow-motion disaster\xE2\x80\x9C in a speech.";
  cb_quote *q;
  size_t n = cb_quote_extract(a, t, strlen(t), &q);
  CHECK_INT(n, 1);
  if (n == 1) {
    CHECK_INT(q[0].partial, 1);
    CHECK_INT(q[0].direct, 0);
    CHECK_INT(q[0].inner_end - q[0].inner_start, strlen("a slow-motion disaster"));
    CHECK_STR(q[0].speaker, "Lopez");
  }
  const char *nest = "\xE2\x80\x9CThey call it \xE2\x80\x9Cthe deal\xE2\x80\x9D and it failed,\xE2\x80\x9D Ana Soto said.";
  n = cb_quote_extract(a, nest, strlen(nest), &q);
  CHECK_INT(n, 1);
  if (n == 1) { CHECK_INT(q[0].end, strstr(nest, " Ana") - nest); CHECK_STR(q[0].speaker, "Ana Soto"); }
  const char *t2 = "\"Good,\" he said. \"Better,\" she said.";
  CHECK_INT(cb_quote_extract(a, t2, strlen(t2), &q), 2);
  const char *t3 = "Vermont Sen. Bernie Sanders says \"the wind is at our backs\" now.";
  n = cb_quote_extract(a, t3, strlen(t3), &q);
  CHECK_INT(n, 1);
  if (n == 1) {
    CHECK_INT(q[0].partial, 1);
    CHECK_INT(q[0].direct, 1);
    CHECK_STR(q[0].speaker, "Bernie Sanders");
    CHECK_STR(q[0].cue, "says");
  }
  cb_arena_free(a);
}

static void test_json(void) {
  cb_arena *a = cb_arena_new(0);
  const char *t = "\"Fine\tthen,\" Ana Soto said.";
  cb_quote *q;
  size_t n = cb_quote_extract(a, t, strlen(t), &q);
  CHECK(n >= 1);
  if (n >= 1) {
    cb_buf b;
    cb_buf_init(&b);
    cb_quote_json(&b, t, &q[0]);
    cb_buf_putc(&b, 0);
    CHECK(!b.oom);
    CHECK_CONTAINS(b.ptr, "\"text\":\"Fine\\tthen,\"");
    CHECK_CONTAINS(b.ptr, "\"speaker\":\"Ana Soto\"");
    CHECK_CONTAINS(b.ptr, "\"cue\":\"said\"");
    cb_buf_free(&b);
  }
  cb_arena_free(a);
}

static void test_bad_input(void) {
  cb_arena *a = cb_arena_new(0);
  cb_quote *q;
  const char junk[] = "\"\xff\xfe\" said \xE2\x80\x9C\xE2\x80\x9D\xE2\x80 \"\n\n\"\xC2";
  size_t n = cb_quote_extract(a, junk, sizeof junk - 1, &q);
  for (size_t i = 0; i < n; i++) CHECK(q[i].end <= sizeof junk - 1);
  const char spaces[] = "\"No one\xC2\xA0knows it,\"\xE2\x80\xAF said Ann\xC2\xA0Lee.\xC2\xA0\xE2\x80";   /* cut at the end */
  n = cb_quote_extract(a, spaces, sizeof spaces - 1, &q);
  CHECK_INT(n, 1);
  if (n == 1) CHECK_STR(q[0].speaker, "Ann Lee");
  CHECK_INT(cb_quote_extract(a, "", 0, &q), 0);
  CHECK(q == NULL);
  cb_arena_free(a);
}

int main(void) {
  test_seeds();
  test_other_cues();
  test_paragraphs();
  test_speaker_rules();
  test_pronoun_speakers();
  test_pronoun_negatives();
  test_title_speakers();
  test_description_speakers();
  test_continuation();
  test_unknown();
  test_partial_and_marks();
  test_json();
  test_bad_input();
  return test_report();
}
