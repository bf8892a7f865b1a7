/*
 * entity_group.h - the second half of cb_names_match: from the union-find of entities to
 * cb_name_group records (forms with their difference, roles, articles), sorted.
 */
#ifndef CB_EXTRACT_ENTITY_GROUP_H
#define CB_EXTRACT_ENTITY_GROUP_H
#include "extract/names.h"

/* root[i] and edge[i] belong to the i-th entity counting article by article (arts[a] NULL:
 * no entities). root[i] is a representative of i's group, itself a root. */
int cb_name_groups_build(cb_arena *a, const cb_names *const *arts, size_t n, const size_t *root,
                         const cb_form_diff *edge, cb_name_groups *out);
#endif
