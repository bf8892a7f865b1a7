/*
 * name_map.h - an arena-backed hash map from a string key (bytes + length) to a size_t,
 * used to merge and group names without comparing all pairs. Keys are not copied: they
 * must live as long as the map (they are arena strings of the same records).
 */
#ifndef CB_EXTRACT_NAME_MAP_H
#define CB_EXTRACT_NAME_MAP_H
#include "corroborate.h"

typedef struct cb_name_slot { const char *key; size_t len; size_t value; } cb_name_slot;
typedef struct cb_name_map { cb_name_slot *slots; size_t cap, count; cb_arena *arena; } cb_name_map;

/* Returns CB_OK or CB_ENOMEM. */
int cb_name_map_init(cb_name_map *m, cb_arena *a, size_t expected);
/* The value stored under key, or NULL. */
size_t *cb_name_map_get(const cb_name_map *m, const char *key, size_t len);
/* The value under key, inserting init first when absent; NULL on OOM. *added says which. */
size_t *cb_name_map_put(cb_name_map *m, const char *key, size_t len, size_t init, int *added);
#endif
