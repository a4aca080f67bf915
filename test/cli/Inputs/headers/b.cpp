#include "racy.h"
#include <sysracy.h>
int second() { return 2; }
