/*
 * migrations.h - the ordered list of schema migrations (NULL-terminated).
 */
#ifndef CB_STORE_MIGRATIONS_H
#define CB_STORE_MIGRATIONS_H
extern const char *const cb_migrations[];
#endif
