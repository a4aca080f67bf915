#include "wait.h"
void broken() { undeclared(); }
