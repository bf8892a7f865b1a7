/*
 * frame.h - the frame of a claim, read off the dependency tree of its sentence: what is
 * measured (the counted noun, or an attribute such as age), whose it is, the predicate
 * that states it (lemma, tense, negation, modality, stance: demanded / offered / rejected /
 * expected), the time expression attached to that predicate, and the voice (the outlet's
 * own narration, or a claim attributed to a speaker). Two claims are compared only when
 * their frames can speak of the same thing (src/corroborate/ decides; this file reads).
 *
 * The closed word classes it needs (negators, modals, reporting verbs, quantifying nouns,
 * stance anchors) are data files in data/frames/, each with its source.
 */
#ifndef CB_EXTRACT_FRAME_H
#define CB_EXTRACT_FRAME_H
#include "corroborate.h"
#include "syntax/syntax.h"

typedef enum cb_stance {
  CB_STANCE_ASSERT = 0, /* stated as a fact */
  CB_STANCE_DEMAND, /* asked for, demanded, sought */
  CB_STANCE_OFFER, /* offered, proposed */
  CB_STANCE_REJECT, /* refused, rejected, turned down */
  CB_STANCE_ESTIMATE, /* expected, estimated, forecast, a target */
  CB_STANCE_REFUTE, /* quoted in order to deny it ("falsely claimed", "denied that") */
  CB_STANCE_COUNT
} cb_stance;

typedef enum cb_tense { CB_TENSE_NONE = 0, CB_TENSE_PAST, CB_TENSE_PRESENT, CB_TENSE_FUTURE } cb_tense;

typedef struct cb_frame {
  const char *measure; /* lemma of what is measured ("passenger", "age"), or NULL */
  const char *measure_words; /* it with its modifiers' lemmas, space-separated ("consumer price
                              inflation"); for a figure of a subject ("prices rose 6.4%"), the
                              subject's */
  uint8_t kind; /* cb_frame_head the frame was read for */
  const char *whole; /* what the measured thing is counted as part of ("a capacity of 150
                        passengers": capacity), or NULL */
  const char *owner; /* whose: the person an age belongs to, the subject ("Smith"), or NULL */
  int owner_proper; /* the owner is a proper name */
  long owner_pronoun_at; /* the owner is "he" or "she" at this body offset (for the story to
                            resolve), else -1 */
  const char *pred; /* predicate lemma ("carry", "be"), or NULL */
  const char *object; /* lemma of the predicate's direct object ("left the Senate": Senate) */
  const char *args; /* lemmas of the predicate's nominal arguments, space-separated
                       ("pier county"): the participants of the act */
  const char *pred_head; /* the word the predicate completes ("licensed to carry": license) */
  const char *purpose; /* what the predicate is for ("needs 41 votes to block": block) */
  const char *pred_form; /* the predicate as written, when a past form ("struck", "evacuated") */
  const char *speaker; /* who the claim is attributed to, or NULL for the outlet's own voice */
  uint8_t tense; /* cb_tense of the predicate */
  uint8_t negated; /* "not", "never", "no" on the predicate or the measure */
  uint8_t modal; /* could, may, might, would, should (also in a relative clause on
                    the counted noun: "steps the president can take") */
  uint8_t other; /* the count is of others beside some ("19 other children") */
  uint8_t earlier; /* the level before a change ("rose from 3 percent") */
  uint8_t stance; /* cb_stance */
  uint8_t reporting; /* the predicate reports a clause ("said on Monday that ...") */
  uint8_t speech; /* the predicate is a verb of saying at all ("told reporters") */
  uint8_t attributed; /* in a reported clause or a quotation */
  uint8_t quoted; /* inside quotation marks: a speaker's words, dated from when spoken */
  long time_start, time_end; /* byte span of a time expression attached to the predicate, -1 */
  const char *time; /* its words ("on Monday" -> "Monday"), or NULL */
  uint8_t time_point; /* cb_span_off.point of that time */
  const char *time_value; /* its resolved value ("2026-05-14"), or NULL */
} cb_frame;

/* What the claim's words are: a count ("163 passengers"), a figure with a unit or currency
 * ("12,000 hectares", "$40,000"), an age, a date, a title. */
typedef enum cb_frame_head {
  CB_FRAME_COUNT = 0,
  CB_FRAME_UNIT,
  CB_FRAME_AGE,
  CB_FRAME_DATE,
  CB_FRAME_TITLE
} cb_frame_head;

/* A span [start, end) of text (byte offsets into the article body). */
/* point: 0 a duration or a set, 1 a date coarser than a day ("in May"), 2 a day or finer */
typedef struct cb_span_off {
  size_t start, end;
  int point;
  const char *value;
} cb_span_off; /* value:
ISO, or NULL */

/*
 * The frame of the claim at body[start, end). s is the parse of the sentence that begins
 * at byte `base` of body (its word offsets are relative to base). unit_head is a
 * cb_frame_head: a unit's head word is not the measured thing ("$40,000").
 * times: the time expressions of the sentence (body offsets) for the time anchor. Strings
 * live in arena a. Never fails: what the tree does not say stays NULL / 0.
 */
void cb_frame_of(cb_arena *a, const char *body, size_t base, const cb_syn_sent *s, size_t start, size_t end,
                 int unit_head, const cb_span_off *times, size_t ntimes, cb_frame *out);

const char *cb_stance_name(int stance);
const char *cb_tense_name(int tense);
/* One line a reader reads: "passenger (carry, past) of the ferry, said by officials". */
char *cb_frame_describe(cb_arena *a, const cb_frame *f);
#endif
