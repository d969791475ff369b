/*
 * pga_date.h
 *		The backend's date environment, shared by the date and article glue.
 */
#ifndef PGA_DATE_H
#define PGA_DATE_H

#include "datatype/timestamp.h"

#include "ar_date.h"

/* Return the backend's date environment, building it on first use. */
extern const ArDateEnv *pga_date_env(void);

/* Convert a found date to a timestamp (its Gregorian value, local time). */
extern Timestamp pga_date_timestamp(const ArDate *d);

#endif							/* PGA_DATE_H */
