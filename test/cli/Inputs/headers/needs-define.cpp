#ifndef NEEDED
#error NEEDED is not defined
#endif
int needs_define() { return 0; }
