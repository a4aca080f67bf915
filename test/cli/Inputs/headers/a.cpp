#include "racy.h"
#include <sysracy.h>
int first() { return 1; }
