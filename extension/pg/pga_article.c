/* placeholder */
#include "postgres.h"
