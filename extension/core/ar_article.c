/* placeholder */
#include "ar_status.h"
